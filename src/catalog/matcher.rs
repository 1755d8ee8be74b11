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
    /// "red pepper", note "crushed"). Some of those words name a different food, so the note's
    /// first part is put back in front of the name for matching; a match must still use a word
    /// of the name itself.
    pub fn match_line(&self, line: &IngredientLine) -> LineMatch {
        let note = line.note.as_deref().unwrap_or("");
        let prefix = note.split(',').next().unwrap_or("").trim();
        if prefix.is_empty() || line.name.is_empty() {
            return self.match_text(&line.name, note);
        }
        let combined = format!("{prefix} {}", line.name);
        let prefix_words = prefix.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
        self.match_inner(&combined, prefix_words, note)
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

        // Qualifiers: which ones appear, and which name words they use up.
        let mut blocked = vec![false; words.len()];
        let mut found = Vec::new();
        let mut ebuf = String::new();
        let mut etoks = Vec::new();
        if !extra.is_empty() {
            tokens_into(extra, &mut ebuf, &mut etoks);
        }
        let ewords: Vec<&str> = etoks.iter().map(|&(s, e)| &ebuf[s..e]).collect();
        for (qi, (qwords, _)) in self.qualifiers.iter().enumerate() {
            let n = qwords.len();
            let mut hit = false;
            for start in 0..(words.len() + 1).saturating_sub(n) {
                let span = start..start + n;
                if words[span.clone()] == qwords[..] && !blocked[span.clone()].iter().any(|b| *b) {
                    blocked[span].iter_mut().for_each(|b| *b = true);
                    hit = true;
                }
            }
            if hit || ewords.windows(n).any(|w| w == &qwords[..]) {
                found.push(qi);
            }
        }

        let mut key = String::with_capacity(buf.len());
        let mut best = None;
        let max_len = self.longest_phrase.min(words.len());
        'outer: for len in (1..=max_len).rev() {
            for start in (0..=words.len() - len).rev() {
                if start + len <= skip || blocked[start..start + len].iter().any(|b| *b) {
                    continue;
                }
                key.clear();
                for (i, w) in words[start..start + len].iter().enumerate() {
                    if i > 0 {
                        key.push(' ');
                    }
                    key.push_str(w);
                }
                if let Some(&(idx, kind)) = self.phrases.get(key.as_str()) {
                    best = Some((idx, kind));
                    break 'outer;
                }
            }
        }

        let mut triggers = best.map(|(idx, _)| self.food_triggers(idx)).unwrap_or_default();
        if best.is_some() {
            for &qi in &found {
                let q = &self.qualifiers[qi].1;
                q.removes.iter().for_each(|t| triggers.remove(*t));
                q.adds.iter().for_each(|t| triggers.insert(*t));
            }
        }
        LineMatch {
            food: best.map(|(i, _)| i),
            phrase: best.map(|_| key),
            kind: best.map(|(_, k)| k),
            triggers,
            qualifiers: found,
        }
    }

    pub(super) fn qualifier(&self, i: usize) -> &super::Qualifier {
        &self.qualifiers[i].1
    }
}
