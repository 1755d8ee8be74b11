//! The recipe model: plain serializable data, no behaviour beyond small conveniences.

use crate::ingredients::IngredientLine;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// When in the day a recipe is eaten.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum MealType {
    Breakfast,
    Lunch,
    Dinner,
    Snack,
    Drink,
}

impl MealType {
    pub const ALL: [MealType; 5] = [MealType::Breakfast, MealType::Lunch, MealType::Dinner, MealType::Snack, MealType::Drink];
    pub fn as_str(&self) -> &'static str {
        match self {
            MealType::Breakfast => "breakfast",
            MealType::Lunch => "lunch",
            MealType::Dinner => "dinner",
            MealType::Snack => "snack",
            MealType::Drink => "drink",
        }
    }
}

impl MealType {
    /// The meals a course or category word from another app stands for ("main course" →
    /// lunch and dinner, "dessert" → snack); empty when it says nothing about meals ("side").
    pub fn from_course(word: &str) -> Vec<MealType> {
        use MealType::*;
        let w = word.trim().to_lowercase().replace(['-', '_'], " ");
        let w = w.trim_end_matches('s');
        match w {
            "breakfast" | "brunch" => vec![Breakfast],
            "lunch" => vec![Lunch],
            "dinner" | "supper" => vec![Dinner],
            "main" | "main course" | "main dishe" | "main dish" | "main meal" | "entree" | "entrée" => vec![Lunch, Dinner],
            "snack" | "appetizer" | "appetiser" | "starter" | "dessert" | "sweet" | "treat" => vec![Snack],
            "drink" | "beverage" | "smoothie" | "juice" | "cocktail" => vec![Drink],
            "soup" | "salad" | "light meal" => vec![Lunch],
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for MealType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MealType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let w = s.trim().to_lowercase();
        MealType::ALL
            .iter()
            .copied()
            .find(|m| m.as_str() == w)
            .ok_or_else(|| format!("unknown meal {s:?} (expected one of: breakfast, lunch, dinner, snack, drink)"))
    }
}

/// Preparation, cooking and fermentation times in minutes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Times {
    pub prep_minutes: Option<u32>,
    pub cook_minutes: Option<u32>,
    /// Hands-off fermentation before the recipe can be eaten (sauerkraut: weeks).
    pub ferment_minutes: Option<u32>,
}

impl Times {
    /// Active time at the stove and board (prep + cook).
    pub fn active_minutes(&self) -> u32 {
        self.prep_minutes.unwrap_or(0).saturating_add(self.cook_minutes.unwrap_or(0))
    }
}

/// One instruction, in its section if the recipe has sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Step {
    pub section: Option<String>,
    pub text: String,
}

/// A recipe as stored and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Recipe {
    /// Stable id given by the library when the recipe is first stored; it never changes, not
    /// even when the title does (plans refer to it). Empty until stored.
    pub id: String,
    /// Readable alias made from the title (`simple-sauerkraut`), unique in the library. It
    /// follows the title; use `id` to refer to a recipe for good.
    #[serde(default)]
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub servings: u32,
    pub times: Times,
    pub meals: Vec<MealType>,
    pub ingredients: Vec<IngredientLine>,
    pub steps: Vec<Step>,
    /// Notes and tips (Cooklang `>` lines).
    pub notes: Vec<String>,
    pub source: Option<String>,
    /// The cook's own tags; never used to derive diet facts.
    pub tags: Vec<String>,
    /// Front-matter keys Gutsy does not use (course, cuisine, author, …), kept as written.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub metadata: std::collections::BTreeMap<String, String>,
}

/// The text with its first letter in upper case: "soy sauce" → "Soy sauce", "dinner" →
/// "Dinner" (catalog names and meal words are lower case; a sentence or a heading is not).
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Words as a list a sentence can hold: "a", "a and b", "a, b and c".
pub fn join_words<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

/// A URL- and file-name-safe slug: "Gut Healing Parsnip Soup" → "gut-healing-parsnip-soup".
pub fn slugify(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("recipe");
    }
    out
}

/// The longest duration accepted (one year): longer is a typo, and sums must not overflow.
pub const MAX_MINUTES: u64 = 366 * 24 * 60;

/// Parses "30 min", "1 h 30 min", "3 weeks", "2 days", "3-5 days" (the upper end), "90" (minutes).
///
/// Hand-rolled: the durations in recipe front matter are a handful of words, and `humantime`
/// rejects the spaced forms ("1 h 30 min") cooks write.
pub fn parse_minutes(text: &str) -> Result<u32, String> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return Err("empty duration".into());
    }
    // Tokens are runs of digits or of letters, so "1h30m" and "1 h 30 min" read the same.
    let mut tokens: Vec<String> = Vec::new();
    for c in lower.chars() {
        let numeric = c.is_ascii_digit() || c == '.';
        match tokens.last_mut() {
            Some(t) if c.is_alphanumeric() || c == '.' => {
                let last_numeric = t.chars().last().is_some_and(|l| l.is_ascii_digit() || l == '.');
                if last_numeric == numeric {
                    t.push(c);
                } else {
                    tokens.push(c.to_string());
                }
            }
            _ if c.is_alphanumeric() || c == '.' => tokens.push(c.to_string()),
            _ => tokens.push(String::new()),
        }
    }
    tokens.retain(|t| !t.is_empty() && t != "and");
    let mut total: u64 = 0;
    let mut any = false;
    let mut i = 0;
    while i < tokens.len() {
        let mut value: f64 = tokens[i].parse().map_err(|_| format!("{text:?} is not a duration like \"1 h 30 min\""))?;
        // A range such as "3-5 days" counts as its upper end: plans must allow for the longest.
        if let Some(upper) = tokens.get(i + 1).and_then(|t| t.parse::<f64>().ok()) {
            value = value.max(upper);
            i += 1;
        }
        let unit = tokens.get(i + 1).map(String::as_str).unwrap_or("min");
        i += 2;
        // The words are data: the `[[duration]]` table of `data/units.toml`.
        let per = match crate::units::Units::get().duration_minutes(unit.trim_end_matches('.')) {
            Some(minutes) => minutes.to_f64(),
            None => return Err(format!("unknown time unit {:?} in {text:?}", unit.trim_end_matches('.'))),
        };
        if !value.is_finite() || !(0.0..=1e7).contains(&value) {
            return Err(format!("{text:?} is not a sensible duration"));
        }
        total += (value * per).round() as u64;
        any = true;
    }
    if !any {
        return Err(format!("{text:?} is not a duration like \"1 h 30 min\""));
    }
    if total > MAX_MINUTES {
        return Err(format!("{text:?} is longer than a year; durations are limited to one year"));
    }
    Ok(total as u32)
}

/// "1 h 30 min", "3 weeks", "2 days" — the inverse of [`parse_minutes`] for display.
pub fn format_minutes(minutes: u32) -> String {
    if minutes >= 10080 && minutes % 10080 == 0 {
        let w = minutes / 10080;
        return format!("{w} week{}", if w == 1 { "" } else { "s" });
    }
    if minutes >= 1440 && minutes % 1440 == 0 {
        let d = minutes / 1440;
        return format!("{d} day{}", if d == 1 { "" } else { "s" });
    }
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Gut Healing Parsnip Soup"), "gut-healing-parsnip-soup");
        assert_eq!(slugify("  Café — Crème!  "), "café-crème");
        assert_eq!(slugify("<script>"), "script");
        assert_eq!(slugify("!!!"), "recipe");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_minutes("30 min"), Ok(30));
        assert_eq!(parse_minutes("1 h 30 min"), Ok(90));
        assert_eq!(parse_minutes("3 weeks"), Ok(3 * 7 * 24 * 60));
        assert_eq!(parse_minutes("2 days"), Ok(2880));
        assert_eq!(parse_minutes("12 h"), Ok(720));
        assert_eq!(parse_minutes("45"), Ok(45));
        assert_eq!(parse_minutes("1h30m"), Ok(90));
        assert!(parse_minutes("soon").is_err());
        assert!(parse_minutes("3 fortnights").is_err());
        assert_eq!(parse_minutes("3-5 days"), Ok(5 * 1440));
        assert!(parse_minutes("400000 weeks").unwrap_err().contains("longer than a year"));
        let t = Times { prep_minutes: Some(u32::MAX), cook_minutes: Some(u32::MAX), ferment_minutes: None };
        assert_eq!(t.active_minutes(), u32::MAX);
        for m in [5, 60, 90, 1440, 2880, 30240] {
            assert_eq!(parse_minutes(&format_minutes(m)), Ok(m));
        }
    }
}
