//! The words the library's filters offer — triggers, allergens, gut attributes, meals, time
//! limits — and catalog foods suggested as a cook types in the "exclude a food" box. The UI lists
//! no vocabulary of its own: everything here comes from the core's enums, `data/filter_words.toml`
//! and the catalog.

use crate::catalog::normalize::normalize;
use crate::catalog::{Catalog, FoodIdx};
use crate::diet::{Attribute, Trigger};
use crate::model::{capitalized, format_minutes, MealType};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// One choice of a filter: the word the core understands and the label a cook reads.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Choice {
    pub word: String,
    pub label: String,
}

/// A hands-on time limit: minutes, and in words ("30 min", "1 h").
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TimeChoice {
    pub minutes: u32,
    pub label: String,
}

/// Everything the library's filters offer, in the order they are shown.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Vocabulary {
    /// The four gut triggers (dairy, gluten, added sugar, alcohol).
    pub triggers: Vec<Choice>,
    /// Common allergens a cook may also leave out.
    pub allergens: Vec<Choice>,
    pub attributes: Vec<Choice>,
    pub meals: Vec<Choice>,
    pub times: Vec<TimeChoice>,
}

/// A catalog food offered while typing in the "exclude a food" box.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FoodSuggestion {
    /// The word to put in `FilterSpec::exclude`: the food's catalog name.
    pub word: String,
    /// The name as a cook reads it ("Red onion").
    pub label: String,
    /// The other name that matched what was typed ("shoyu" for soy sauce), if not the name.
    pub matched: Option<String>,
    /// What else excluding it leaves out: "also red onion, spring onion and 3 more".
    pub also: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    trigger: Vec<TriggerEntry>,
    attribute: Vec<Entry>,
    meal: Vec<Entry>,
    time: TimeEntry,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    word: String,
    label: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TriggerEntry {
    word: String,
    label: String,
    group: Group,
}

#[derive(Deserialize, PartialEq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Group {
    Trigger,
    Allergen,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeEntry {
    limits: Vec<u32>,
}

fn words() -> &'static WordsFile {
    static WORDS: OnceLock<WordsFile> = OnceLock::new();
    // The file is compiled in and checked by the tests below, so it cannot fail at run time.
    WORDS.get_or_init(|| toml::from_str(include_str!("../data/filter_words.toml")).expect("data/filter_words.toml is valid"))
}

fn choice(word: &str, label: &str) -> Choice {
    Choice { word: word.to_string(), label: label.to_string() }
}

/// The filters' vocabulary, in the order the data file gives.
pub fn vocabulary() -> Vocabulary {
    let w = words();
    let of_group = |g: Group| w.trigger.iter().filter(|t| t.group == g).map(|t| choice(&t.word, &t.label)).collect();
    Vocabulary {
        triggers: of_group(Group::Trigger),
        allergens: of_group(Group::Allergen),
        attributes: w.attribute.iter().map(|a| choice(&a.word, &a.label)).collect(),
        meals: w.meal.iter().map(|m| choice(&m.word, &m.label)).collect(),
        times: w.time.limits.iter().map(|&m| TimeChoice { minutes: m, label: format_minutes(m) }).collect(),
    }
}

/// A trigger as the filters and badges name it ("Added sugar", "Tree nuts").
pub fn trigger_label(t: Trigger) -> &'static str {
    words().trigger.iter().find(|e| e.word == t.as_str()).map_or(t.as_str(), |e| e.label.as_str())
}

/// A gut attribute as the filters and badges name it ("Leafy greens").
pub fn attribute_label(a: Attribute) -> &'static str {
    words().attribute.iter().find(|e| e.word == a.as_str()).map_or(a.as_str(), |e| e.label.as_str())
}

/// A meal as the filters name it.
pub fn meal_label(m: MealType) -> &'static str {
    words().meal.iter().find(|e| e.word == m.as_str()).map_or(m.as_str(), |e| e.label.as_str())
}

/// How well a food's names fit what was typed; lower is better.
fn fit(typed: &str, food_name: &str, aliases: &[String]) -> Option<(u8, Option<String>)> {
    let starts_word = |name: &str| name.split(' ').any(|w| w.starts_with(typed)) || name.contains(&format!(" {typed}"));
    if food_name == typed {
        return Some((0, None));
    }
    if food_name.starts_with(typed) {
        return Some((1, None));
    }
    if starts_word(food_name) {
        return Some((2, None));
    }
    let alias = |rank: u8, test: &dyn Fn(&str) -> bool| aliases.iter().find(|a| test(a)).map(|a| (rank, Some(a.clone())));
    alias(3, &|a| a == typed).or_else(|| alias(4, &|a| a.starts_with(typed))).or_else(|| alias(5, &|a| starts_word(a)))
}

/// Up to `limit` catalog foods for what the cook has typed, best first: the name itself, names
/// that start with it, names with a word that starts with it, then other names (aliases). At
/// equal fit a food with a bigger family comes first ("onion" before "red onion"): excluding it
/// covers more.
pub fn suggest_foods(catalog: &Catalog, typed: &str, limit: usize) -> Vec<FoodSuggestion> {
    let typed = normalize(typed);
    if typed.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut hits: Vec<(u8, usize, &str, FoodIdx, Option<String>)> = catalog
        .foods()
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (rank, matched) = fit(&typed, &f.name, &f.aliases)?;
            let idx = FoodIdx(i as u32);
            Some((rank, usize::MAX - catalog.family(idx).len(), f.name.as_str(), idx, matched))
        })
        .collect();
    hits.sort_by(|a, b| (a.0, a.1, a.2.len(), a.2).cmp(&(b.0, b.1, b.2.len(), b.2)));
    hits.into_iter()
        .take(limit)
        .map(|(_, _, name, idx, matched)| FoodSuggestion {
            word: name.to_string(),
            label: capitalized(name),
            matched,
            also: also_text(catalog, idx),
        })
        .collect()
}

/// "also red onion and spring onion", "also cheddar, feta, halloumi and 9 more"; `None` alone.
fn also_text(catalog: &Catalog, idx: FoodIdx) -> Option<String> {
    const SHOWN: usize = 3;
    let mut others: Vec<&str> = catalog.family(idx).into_iter().skip(1).map(|i| catalog.food(i).name.as_str()).collect();
    others.sort_unstable();
    let list = match others.len() {
        0 => return None,
        1 => others[0].to_string(),
        n if n <= SHOWN => format!("{} and {}", others[..n - 1].join(", "), others[n - 1]),
        n => format!("{} and {} more", others[..SHOWN].join(", "), n - SHOWN),
    };
    Some(format!("also {list}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{Filter, FilterSpec};

    #[test]
    fn every_trigger_attribute_and_meal_has_one_label() {
        let v = vocabulary();
        let triggers: Vec<&str> = v.triggers.iter().chain(&v.allergens).map(|c| c.word.as_str()).collect();
        assert_eq!(triggers, Trigger::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>(), "every trigger once, in the core's order");
        let mut attrs: Vec<&str> = v.attributes.iter().map(|c| c.word.as_str()).collect();
        attrs.sort_unstable();
        let mut want: Vec<&str> = Attribute::ALL.iter().map(|a| a.as_str()).collect();
        want.sort_unstable();
        assert_eq!(attrs, want);
        assert_eq!(v.meals.iter().map(|c| c.word.as_str()).collect::<Vec<_>>(), MealType::ALL.map(|m| m.as_str()));
        assert!(v.triggers.iter().all(|c| c.word.parse::<Trigger>().is_ok()));
        assert!(v.times.windows(2).all(|w| w[0].minutes < w[1].minutes), "time limits ascend");
        assert_eq!(trigger_label(Trigger::Sugar), "Added sugar");
        assert_eq!(attribute_label(Attribute::LeafyGreen), "Leafy greens");
        assert_eq!(meal_label(MealType::Snack), "Snack");
    }

    #[test]
    fn the_four_gut_triggers_come_first_and_allergens_after() {
        let v = vocabulary();
        assert_eq!(v.triggers.iter().map(|c| c.word.as_str()).collect::<Vec<_>>(), ["dairy", "gluten", "sugar", "alcohol"]);
        assert!(v.allergens.iter().any(|c| c.word == "sesame"));
        assert_eq!(v.times.iter().find(|t| t.minutes == 60).map(|t| t.label.as_str()), Some("1 h"));
    }

    fn words_for(typed: &str) -> Vec<String> {
        suggest_foods(Catalog::bundled(), typed, 8).into_iter().map(|s| s.word).collect()
    }

    #[test]
    fn a_typed_name_comes_first_and_covers_its_family() {
        let c = Catalog::bundled();
        let s = suggest_foods(c, "onion", 8);
        assert_eq!(s[0].word, "onion");
        assert_eq!(s[0].label, "Onion");
        let also = s[0].also.as_deref().unwrap_or_default();
        assert!(also.contains("red onion"), "{also}");
        assert!(words_for("Onion").contains(&"red onion".to_string()), "a word of a longer name also fits");
    }

    #[test]
    fn prefixes_and_other_names_suggest_foods() {
        assert!(words_for("tah").contains(&"tahini".to_string()));
        assert!(words_for("cauli").contains(&"cauliflower".to_string()));
        let shoyu = suggest_foods(Catalog::bundled(), "shoyu", 8);
        assert_eq!(shoyu[0].word, "soy sauce");
        assert_eq!(shoyu[0].matched.as_deref(), Some("shoyu"));
        assert!(words_for("   ").is_empty() && words_for("").is_empty());
        assert!(words_for("zzzqqq").is_empty());
        assert!(suggest_foods(Catalog::bundled(), "a", 5).len() <= 5);
    }

    #[test]
    fn every_suggested_word_excludes_the_food_it_names() {
        // The UI puts the suggestion's word into the filter: it must resolve to that same food.
        let c = Catalog::bundled();
        // A food named like a trigger ("sugar") excludes that trigger, which the food carries.
        let mut wrong = Vec::new();
        for (i, f) in c.foods().iter().enumerate() {
            let spec = FilterSpec { exclude: vec![f.name.clone()], ..FilterSpec::default() };
            let filter = Filter::from_spec(c, &spec).unwrap_or_else(|e| panic!("{}: {e}", f.name));
            let by_trigger = filter.exclude_triggers.iter().any(|t| f.triggers.contains(t));
            if !filter.exclude_foods.contains(&FoodIdx(i as u32)) && !by_trigger {
                wrong.push(f.name.as_str());
            }
        }
        assert!(wrong.is_empty(), "these names exclude another food: {wrong:?}");
    }
}
