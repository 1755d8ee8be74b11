//! Plain words for why a food is flagged, from `why.toml`: a reviewed sentence or two for the
//! foods whose flag (or lack of one) needs a reason, and sentences built from the food's name
//! for the rest. `explain.rs` puts them together for a line.

use super::{CatalogError, Food, FoodIdx};
use crate::diet::{Attribute, Trigger, TriggerSet};
use crate::model::{capitalized, join_words};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

const FILE: &str = "why.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WhyFile {
    headline: Headlines,
    sentence: Sentences,
    trigger: BTreeMap<String, TriggerWords>,
    attribute: BTreeMap<String, AttributeWords>,
    words: Words,
    food: BTreeMap<String, String>,
}

/// The one line above an explanation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Headlines {
    pub contains: String,
    pub none: String,
    pub unknown: String,
    pub unknown_contains: String,
    pub partial: String,
    pub partial_none: String,
}

/// Sentences built for a line's foods.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Sentences {
    pub none: String,
    pub several: String,
    pub without: String,
    pub with: String,
    pub unknown: String,
    pub partial: String,
    pub alternatives: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerWords {
    words: String,
    sentence: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributeWords {
    sentence: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    plural: Vec<String>,
}

/// The loaded, checked words.
#[derive(Debug)]
pub(crate) struct Why {
    pub headline: Headlines,
    pub sentence: Sentences,
    trigger: HashMap<Trigger, TriggerWords>,
    attribute: HashMap<Attribute, AttributeWords>,
    /// Per food: its own entry, or its family parent's when both carry the same flags.
    entry: Vec<Option<String>>,
    /// Per food: its catalog name is plural ("oats").
    plural: Vec<bool>,
}

/// Who a built sentence is about.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Subject<'a> {
    pub name: &'a str,
    pub plural: bool,
    /// Said after another sentence about the same food: "It"/"They" instead of the name.
    pub pronoun: bool,
}

/// No placeholders at all.
const NONE: &[&str] = &[];
/// Placeholders a sentence about a food may use.
const ABOUT_FOOD: &[&str] = &["Food", "food", "it", "is", "has", "contains", "counts"];

fn err(key: impl Into<String>, message: impl Into<String>) -> CatalogError {
    CatalogError::Why { file: FILE, key: key.into(), message: message.into() }
}

/// The template's text is non-empty and uses only `allowed` placeholders, in balanced braces.
fn check(key: &str, text: &str, allowed: &[&str]) -> Result<(), CatalogError> {
    if text.trim().is_empty() {
        return Err(err(key, "is empty"));
    }
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(err(key, "has a '}' without its '{'"));
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| err(key, "has a '{' without its '}'"))?;
        let name = &after[..close];
        if !allowed.contains(&name) {
            let may = if allowed.is_empty() {
                "no placeholders".to_string()
            } else {
                allowed.iter().map(|a| format!("{{{a}}}")).collect::<Vec<_>>().join(" ")
            };
            return Err(err(key, format!("uses {{{name}}}; it may use {may}")));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

impl Why {
    /// Parses and checks `why.toml` against the loaded foods.
    pub(crate) fn from_toml(
        text: &str,
        foods: &[Food],
        by_id: &HashMap<String, FoodIdx>,
        parent: &[Option<FoodIdx>],
    ) -> Result<Why, CatalogError> {
        let file: WhyFile = toml::from_str(text).map_err(|e| CatalogError::Syntax { file: FILE, message: e.to_string() })?;
        let h = &file.headline;
        for (key, text, allowed) in [
            ("headline.contains", &h.contains, &["triggers"][..]),
            ("headline.none", &h.none, NONE),
            ("headline.unknown", &h.unknown, NONE),
            ("headline.unknown_contains", &h.unknown_contains, &["triggers"]),
            ("headline.partial", &h.partial, &["triggers"]),
            ("headline.partial_none", &h.partial_none, NONE),
        ] {
            check(key, text, allowed)?;
        }
        let with_triggers: Vec<&str> = ABOUT_FOOD.iter().copied().chain(["triggers"]).collect();
        let with_text: Vec<&str> = ABOUT_FOOD.iter().copied().chain(["text"]).collect();
        let s = &file.sentence;
        for (key, text, allowed) in [
            ("sentence.none", &s.none, ABOUT_FOOD),
            ("sentence.several", &s.several, &with_triggers[..]),
            ("sentence.without", &s.without, &with_triggers[..]),
            ("sentence.with", &s.with, &with_triggers[..]),
            ("sentence.unknown", &s.unknown, &["text"][..]),
            ("sentence.partial", &s.partial, &with_text[..]),
            ("sentence.alternatives", &s.alternatives, NONE),
        ] {
            check(key, text, allowed)?;
        }
        // Built sentences follow one another about the same food ("It is fermented…"), so each
        // starts with the food.
        let starts_with_food = |key: &str, text: &str| -> Result<(), CatalogError> {
            if text.starts_with("{Food}") {
                Ok(())
            } else {
                Err(err(key, "must start with {Food}"))
            }
        };
        starts_with_food("sentence.none", &s.none)?;
        starts_with_food("sentence.several", &s.several)?;

        let mut trigger = HashMap::new();
        for (word, w) in file.trigger {
            let t: Trigger = word.parse().map_err(|e: String| err(format!("trigger.{word}"), e))?;
            check(&format!("trigger.{word}.words"), &w.words, NONE)?;
            let key = format!("trigger.{word}.sentence");
            check(&key, &w.sentence, ABOUT_FOOD)?;
            starts_with_food(&key, &w.sentence)?;
            trigger.insert(t, w);
        }
        if let Some(t) = Trigger::ALL.iter().find(|t| !trigger.contains_key(t)) {
            return Err(err(format!("trigger.{t}"), "is missing: every trigger needs its words and sentence"));
        }
        let mut attribute = HashMap::new();
        for (word, w) in file.attribute {
            let a: Attribute = word.parse().map_err(|e: String| err(format!("attribute.{word}"), e))?;
            let key = format!("attribute.{word}.sentence");
            check(&key, &w.sentence, ABOUT_FOOD)?;
            starts_with_food(&key, &w.sentence)?;
            attribute.insert(a, w);
        }
        // `high_fiber` is derived per recipe, never carried by a food.
        if let Some(a) = Attribute::ALL.iter().find(|a| **a != Attribute::HighFiber && !attribute.contains_key(a)) {
            return Err(err(format!("attribute.{a}"), "is missing: every attribute a food may carry needs a sentence"));
        }

        let food_idx =
            |key: String, id: &str| by_id.get(id).copied().ok_or_else(|| err(key, format!("{id:?} is not a food id in foods.toml")));
        let mut plural = vec![false; foods.len()];
        for id in &file.words.plural {
            plural[food_idx("words.plural".into(), id)?.0 as usize] = true;
        }
        let mut own: Vec<Option<String>> = vec![None; foods.len()];
        for (id, text) in file.food {
            let key = format!("food.{id}");
            let idx = food_idx(key.clone(), &id)?;
            check(&key, &text, NONE)?;
            if !text.trim_end().ends_with(['.', '!', '?']) {
                return Err(err(key, "must end a sentence (with a full stop)"));
            }
            own[idx.0 as usize] = Some(text);
        }
        // A food without an entry says what its family parent says, when they are flagged alike.
        let flags = |i: usize| {
            let mut a = foods[i].attributes.clone();
            a.sort();
            (foods[i].triggers.iter().copied().collect::<TriggerSet>(), a)
        };
        let entry = (0..foods.len())
            .map(|i| {
                let mut cur = Some(i);
                let mut steps = 0;
                while let Some(c) = cur.filter(|_| steps <= foods.len()) {
                    if let Some(text) = &own[c] {
                        return (flags(c) == flags(i)).then(|| text.clone());
                    }
                    cur = parent[c].map(|p| p.0 as usize);
                    steps += 1;
                }
                None
            })
            .collect();
        Ok(Why { headline: file.headline, sentence: file.sentence, trigger, attribute, entry, plural })
    }

    /// The reviewed sentences about a food, its own or its family's.
    pub(crate) fn entry(&self, idx: FoodIdx) -> Option<&str> {
        self.entry[idx.0 as usize].as_deref()
    }

    pub(crate) fn plural(&self, idx: FoodIdx) -> bool {
        self.plural[idx.0 as usize]
    }

    /// "dairy", "added sugar", … for a list or a headline.
    pub(crate) fn trigger_words(&self, triggers: impl IntoIterator<Item = Trigger>) -> String {
        let words: Vec<&str> = triggers.into_iter().filter_map(|t| self.trigger.get(&t)).map(|w| w.words.as_str()).collect();
        join_words(&words)
    }

    /// Sentences built from the food's name: its triggers (one sentence, or the `several`
    /// sentence), then its attributes; the `none` sentence when it carries nothing.
    pub(crate) fn built(&self, name: &str, plural: bool, triggers: TriggerSet, attributes: &[Attribute]) -> String {
        let mut out: Vec<String> = Vec::new();
        let mut subject = Subject { name, plural, pronoun: false };
        let ts: Vec<Trigger> = triggers.to_vec();
        match ts.as_slice() {
            [] => {}
            [one] => out.push(fill(&self.trigger[one].sentence, Some(subject), &[])),
            many => out.push(fill(&self.sentence.several, Some(subject), &[("triggers", &self.trigger_words(many.iter().copied()))])),
        }
        for a in attributes {
            let Some(w) = self.attribute.get(a) else { continue };
            subject.pronoun = !out.is_empty();
            out.push(fill(&w.sentence, Some(subject), &[]));
        }
        if out.is_empty() {
            out.push(fill(&self.sentence.none, Some(subject), &[]));
        }
        out.join(" ")
    }
}

/// The template with its placeholders filled: `{Food}`, `{food}`, `{it}` and the verbs from `subject`,
/// the others from `vars`. Templates were checked on load; a placeholder without a value is
/// left as written.
pub(crate) fn fill(template: &str, subject: Option<Subject>, vars: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        let verb = |one: &str, many: &str| if subject.is_some_and(|s| s.plural) { many.to_string() } else { one.to_string() };
        let value = match (name, subject) {
            ("Food", Some(s)) if s.pronoun => verb("It", "They"),
            ("Food", Some(s)) => capitalized(s.name),
            ("food", Some(s)) => s.name.to_string(),
            ("it", Some(_)) => verb("it", "them"),
            ("is", Some(_)) => verb("is", "are"),
            ("has", Some(_)) => verb("has", "have"),
            ("contains", Some(_)) => verb("contains", "contain"),
            ("counts", Some(_)) => verb("counts", "count"),
            _ => match vars.iter().find(|(k, _)| *k == name) {
                Some((_, v)) => v.to_string(),
                None => format!("{{{name}}}"),
            },
        };
        out.push_str(&value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;

    /// A review aid for `why.toml`: an entry filed under the wrong id would read oddly on the
    /// screen, so each entry names its food (a word of its name or an alias, or of its family's).
    #[test]
    fn every_entry_names_its_food() {
        let c = Catalog::bundled();
        let entries: toml::Table = toml::from_str(include_str!("why.toml")).unwrap();
        let foods = entries["food"].as_table().unwrap();
        assert!((30..=80).contains(&foods.len()), "{} entries", foods.len());
        for (id, text) in foods {
            let idx = c.by_id(id).unwrap();
            let mut names: Vec<&str> = vec![&c.food(idx).name];
            names.extend(c.food(idx).aliases.iter().map(String::as_str));
            let text = text.as_str().unwrap().to_lowercase();
            let named = names.iter().flat_map(|n| n.split(' ')).filter(|w| w.len() >= 3).any(|w| text.contains(w.trim_end_matches('s')));
            assert!(named, "food.{id}: {text:?} names none of {names:?}");
        }
    }

    /// Plural names are listed, so their verbs agree ("Oats contain"); a name ending in "s" that
    /// is one thing ("molasses", "hummus") is not.
    #[test]
    fn plural_names_are_the_listed_ones() {
        let c = Catalog::bundled();
        const ONE_THING: &[&str] = &["molasses", "pomegranate molasses", "kecap manis", "coconut aminos", "liquid aminos"];
        for (i, f) in c.foods().iter().enumerate() {
            let looks_plural =
                f.name.ends_with('s') && !f.name.ends_with("ss") && !f.name.ends_with("us") && !ONE_THING.contains(&f.name.as_str());
            assert_eq!(c.why.plural(crate::catalog::FoodIdx(i as u32)), looks_plural, "{}", f.name);
        }
    }
}
