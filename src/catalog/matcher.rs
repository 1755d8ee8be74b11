//! Matching an ingredient name to a catalog food: longest phrase wins, ties go to the rightmost
//! (English puts the head noun last: "chicken stock" is stock), qualifiers adjust triggers.

use super::normalize::tokens_into;
use super::{Catalog, FoodIdx};
use crate::diet::TriggerSet;
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
    /// "red pepper", note "crushed"). Some of those words name a different food, so they
    /// (`leading_prep`) are put back in front of the name for matching; a match must still use a
    /// word of the name itself.
    pub fn match_line(&self, line: &IngredientLine) -> LineMatch {
        // "milk or oat milk": the line is as risky as any of its alternatives.
        let lower = line.name.to_lowercase();
        if let Some(i) = lower.find(" or ").filter(|_| lower.len() == line.name.len()) {
            let first = IngredientLine { name: line.name[..i].to_string(), ..line.clone() };
            let second = IngredientLine { name: line.name[i + 4..].to_string(), ..line.clone() };
            let (a, b) = (self.match_line(&first), self.match_line(&second));
            let mut m = if a.food.is_some() { a.clone() } else { b.clone() };
            m.triggers = a.triggers.union(b.triggers);
            return m;
        }
        let m = self.match_single(line);
        // "4 whole cloves": the unit word can be part of the food's name.
        if m.food.is_none() {
            if let Some(unit) = line.unit.as_deref().filter(|u| !line.name.is_empty() && u.chars().all(char::is_alphabetic)) {
                let retry = self.match_text(&format!("{} {unit}", line.name), line.note.as_deref().unwrap_or(""));
                if retry.food.is_some() {
                    return retry;
                }
            }
        }
        m
    }

    fn match_single(&self, line: &IngredientLine) -> LineMatch {
        let note = line.note.as_deref().unwrap_or("");
        if line.name.is_empty() {
            return self.match_text(&line.name, note);
        }
        // "1 can tomatoes" means canned tomatoes, a different food from fresh ones.
        if line.unit.as_deref().and_then(|u| crate::units::Units::get().by_symbol(u)).is_some_and(crate::units::Unit::container) {
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
        match line.leading_prep.as_deref().filter(|p| !p.is_empty()) {
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
                    best = Some((idx, kind, phrase, start, start + len));
                    break 'outer;
                }
            }
        }
        let Some((idx, kind, phrase, bstart, bend)) = best else {
            return LineMatch { food: None, phrase: None, kind: None, triggers: TriggerSet::default(), qualifiers: Vec::new() };
        };

        // Qualifiers count only where they describe the matched food: right before it or inside
        // its name ("gluten-free rolled oats", "gluten free flour"), or as a note that says nothing
        // else ("oats (certified gluten-free)"). "soy sauce (or gluten-free tamari)" keeps its
        // gluten. Most lines have no qualifier word at all, so a cheap check skips the scan.
        let mut found = Vec::new();
        let note_has_qualifier = extra.split(|c: char| !c.is_alphanumeric()).any(|w| self.qualifier_words.contains(&w.to_lowercase()));
        if note_has_qualifier || words.iter().any(|w| self.qualifier_words.contains(*w)) {
            let segments: Vec<Vec<String>> = extra
                .split([',', ';', '(', ')'])
                .map(|seg| crate::catalog::normalize::normalize(seg).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>())
                .filter(|seg| !seg.is_empty() && seg.iter().all(|w| w == "certified" || self.qualifier_words.contains(w)))
                .collect();
            for (qi, (qwords, _)) in self.qualifiers.iter().enumerate() {
                let n = qwords.len();
                let in_name = (0..(words.len() + 1).saturating_sub(n)).any(|p| {
                    words[p..p + n] == qwords[..] && (p + n == bstart || (p >= bstart && p + n <= bend))
                });
                let in_note = segments.iter().any(|seg| seg.windows(n).any(|w| w == &qwords[..]));
                if in_name || in_note {
                    found.push(qi);
                }
            }
        }
        LineMatch {
            food: Some(idx),
            phrase: Some(phrase.to_string()),
            kind: Some(kind),
            triggers: self.qualified(self.food_triggers(idx), &found),
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
