//! Matching an ingredient name to a catalog food: longest phrase wins, ties go to the rightmost
//! (English puts the head noun last: "chicken stock" is stock), qualifiers adjust triggers.

use super::normalize::tokens_into;
use super::{Catalog, FoodIdx};
use crate::diet::TriggerSet;
use crate::ingredients::parse::is_descriptor_phrase;
use crate::ingredients::IngredientLine;
use serde::Serialize;

/// How the matched phrase relates to the food.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum MatchKind {
    Name,
    Alias,
    Plural,
}

/// The result of matching one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineMatch {
    pub food: Option<FoodIdx>,
    /// The normalized words that matched.
    pub phrase: Option<String>,
    pub kind: Option<MatchKind>,
    /// Triggers after qualifiers ("gluten-free") are applied.
    pub triggers: TriggerSet,
    /// Indexes of the qualifiers found in the line.
    pub qualifiers: Vec<usize>,
}

impl Catalog {
    /// Matches a parsed line: the name picks the food, the whole line's qualifiers adjust triggers.
    ///
    /// The parser moves leading preparation words into the note ("crushed red pepper" → name
    /// "red pepper", note "crushed"). Some of those words name a different food, so the note's
    /// first part is put back in front of the name for matching; a match must still use a word
    /// of the name itself.
    pub fn match_line(&self, line: &IngredientLine) -> LineMatch {
        let note = line.note.as_deref().unwrap_or("");
        if line.name.is_empty() {
            return self.match_text(&line.name, note);
        }
        // "1 can tomatoes" means canned tomatoes, a different food from fresh ones.
        if matches!(line.unit.as_deref(), Some("can" | "jar")) {
            let m = self.match_inner(&format!("canned {}", line.name), 0, note);
            if m.phrase.as_deref().is_some_and(|p| p.starts_with("canned ")) {
                return m;
            }
        }
        // "juice of 1 lemon" (name "lemon", note "juice") is lemon juice, if the catalog has it.
        let first = note.split(',').next().unwrap_or("").trim();
        if first == "juice" || first == "zest" {
            let base = self.match_text(&line.name, note);
            if let Some(food) = base.food {
                let part = format!("{} {first}", self.food(food).name);
                if let Some(&(idx, kind)) = self.phrases.get(part.as_str()) {
                    let triggers = self.qualified(self.food_triggers(idx), &base.qualifiers);
                    return LineMatch { food: Some(idx), phrase: Some(part), kind: Some(kind), triggers, qualifiers: base.qualifiers };
                }
            }
        }
        let prefix = note.split(',').map(str::trim).find(|seg| is_descriptor_phrase(seg));
        match prefix {
            Some(prefix) => {
                let combined = format!("{prefix} {}", line.name);
                let skip = prefix.split(' ').filter(|w| !w.is_empty()).count();
                self.match_inner(&combined, skip, note)
            }
            None => self.match_text(&line.name, note),
        }
    }

    /// Matches `name`; qualifiers are looked for in `name` and in `extra` (the note).
    pub fn match_text(&self, name: &str, extra: &str) -> LineMatch {
        self.match_inner(name, 0, extra)
    }

    /// The matcher: the chosen phrase must end after the first `skip` words (the re-added prefix).
    fn match_inner(&self, name: &str, skip: usize, extra: &str) -> LineMatch {
        let mut buf = String::with_capacity(name.len() + 8);
        let mut toks = Vec::with_capacity(8);
        tokens_into(name, &mut buf, &mut toks);
        let words: Vec<&str> = toks.iter().map(|&(s, e)| &buf[s..e]).collect();

        // Qualifiers that appear in the name or note. Most lines have none, so a cheap word
        // check skips the phrase scan. Their words may still be part of a food's name
        // ("gluten free flour" is its own product).
        let mut found = Vec::new();
        let mut ebuf = String::new();
        let mut etoks = Vec::new();
        if !extra.is_empty() {
            tokens_into(extra, &mut ebuf, &mut etoks);
        }
        let ewords: Vec<&str> = etoks.iter().map(|&(s, e)| &ebuf[s..e]).collect();
        let any_qualifier_word = words.iter().chain(&ewords).any(|w| self.qualifier_words.contains(*w));
        for (qi, (qwords, _)) in self.qualifiers.iter().enumerate().filter(|_| any_qualifier_word) {
            let n = qwords.len();
            if words.windows(n).chain(ewords.windows(n)).any(|w| w == &qwords[..]) {
                found.push(qi);
            }
        }

        // Words in `buf` are separated by single spaces, so a span of words is a slice of it:
        // phrases are looked up without building keys.
        let mut best = None;
        let max_len = self.longest_phrase.min(words.len());
        'outer: for len in (1..=max_len).rev() {
            for start in (0..=words.len() - len).rev() {
                if start + len <= skip {
                    continue;
                }
                let phrase = &buf[toks[start].0..toks[start + len - 1].1];
                if let Some(&(idx, kind)) = self.phrases.get(phrase) {
                    best = Some((idx, kind, phrase));
                    break 'outer;
                }
            }
        }

        let triggers = match best {
            Some((idx, _, _)) => self.qualified(self.food_triggers(idx), &found),
            None => TriggerSet::default(),
        };
        LineMatch {
            food: best.map(|(i, _, _)| i),
            phrase: best.map(|(_, _, p)| p.to_string()),
            kind: best.map(|(_, k, _)| k),
            triggers,
            qualifiers: found,
        }
    }

    /// A food's triggers as changed by the qualifiers found in its line.
    fn qualified(&self, mut triggers: TriggerSet, found: &[usize]) -> TriggerSet {
        for &qi in found {
            let q = &self.qualifiers[qi].1;
            q.removes.iter().for_each(|t| triggers.remove(*t));
            q.adds.iter().for_each(|t| triggers.insert(*t));
        }
        triggers
    }

    pub(super) fn qualifier(&self, i: usize) -> &super::Qualifier {
        &self.qualifiers[i].1
    }
}
