//! The cook's settings, kept in the library: the household, what they never eat, their plan
//! rules and habits, and the units they shop in. New plans and the library screen start from
//! them. Plain data and its checks; the store saves it, the library layer applies it.

use crate::catalog::Catalog;
use crate::filter::{Filter, FilterSpec};
use crate::model::MealType;
use crate::planner::{PlanSettings, RuleSpec};
use crate::units::UnitSystem;
use serde::{Deserialize, Serialize};

/// Everything the cook sets once. Missing fields read as their defaults, so a library written
/// by an older Gutsy (or a settings file from a newer one) still opens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
#[ts(export)]
pub struct Settings {
    /// How many eat each meal: a new plan's servings per slot.
    pub household: u32,
    /// Triggers (dairy, gluten, sugar, alcohol, …) and foods left out of the library's list and
    /// every new plan.
    pub exclude: Vec<String>,
    /// The cook's plan rules as written ("fish ≥ 2", "cruciferous ≥ 4 days").
    pub rules: Vec<String>,
    /// Units for shopping lists and recipes.
    #[ts(type = "\"metric\" | \"us\"")]
    pub units: UnitSystem,
    /// Cook once, eat twice: each dinner also feeds the next day's lunch.
    pub leftovers: bool,
    /// No recipe comes back within this many days.
    pub no_repeat_days: u32,
    /// Longest prep + cook time per meal ("dinner ≤ 30 minutes").
    pub max_minutes: Vec<(MealType, u32)>,
}

impl Default for Settings {
    /// Two people, nothing excluded, no rules, metric, no leftovers, no repeat within 5 days.
    fn default() -> Self {
        Settings {
            household: 2,
            exclude: Vec::new(),
            rules: Vec::new(),
            units: UnitSystem::Metric,
            leftovers: false,
            no_repeat_days: 5,
            max_minutes: Vec::new(),
        }
    }
}

/// Why settings were refused; nothing is saved then.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum SettingsError {
    #[error("household must be 1 to 50 people, not {0}")]
    Household(u32),
    #[error("no repeat within {0} days: use 0 to 28")]
    NoRepeat(u32),
    #[error("{meal}: at most {minutes} minutes is too short (use 5 or more)")]
    MaxMinutes { meal: MealType, minutes: u32 },
    #[error("{0}")]
    Exclude(String),
    #[error("{0}")]
    Rule(String),
}

impl Settings {
    /// Checks every field and brings the words to one spelling (rules as "fish ≥ 2", exclusions
    /// trimmed, lower case, without repeats).
    pub fn checked(mut self, catalog: &Catalog) -> Result<Settings, SettingsError> {
        if !(1..=50).contains(&self.household) {
            return Err(SettingsError::Household(self.household));
        }
        if self.no_repeat_days > 28 {
            return Err(SettingsError::NoRepeat(self.no_repeat_days));
        }
        if let Some(&(meal, minutes)) = self.max_minutes.iter().find(|(_, m)| *m < 5) {
            return Err(SettingsError::MaxMinutes { meal, minutes });
        }
        let mut exclude: Vec<String> = Vec::new();
        for e in self.exclude.iter().map(|e| e.trim().to_lowercase()).filter(|e| !e.is_empty()) {
            if !exclude.contains(&e) {
                exclude.push(e);
            }
        }
        Filter::from_spec(catalog, &FilterSpec { exclude: exclude.clone(), ..FilterSpec::default() })
            .map_err(|e| SettingsError::Exclude(e.to_string()))?;
        self.exclude = exclude;
        self.rules = self.rule_specs()?.iter().map(ToString::to_string).collect();
        Ok(self)
    }

    /// The rules, parsed.
    pub fn rule_specs(&self) -> Result<Vec<RuleSpec>, SettingsError> {
        self.rules.iter().filter(|r| !r.trim().is_empty()).map(|r| r.parse::<RuleSpec>().map_err(SettingsError::Rule)).collect()
    }

    /// What a new plan is generated with, from these settings and a seed.
    pub fn plan_settings(&self, seed: u64) -> Result<PlanSettings, SettingsError> {
        Ok(PlanSettings {
            exclude: self.exclude.clone(),
            max_minutes: self.max_minutes.clone(),
            no_repeat_days: self.no_repeat_days,
            seed,
            rules: self.rule_specs()?,
            leftovers: self.leftovers,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_a_household_of_two_with_nothing_left_out() {
        let s = Settings::default();
        assert_eq!((s.household, s.units, s.no_repeat_days, s.leftovers), (2, UnitSystem::Metric, 5, false));
        assert!(s.exclude.is_empty() && s.rules.is_empty());
        // A stored object missing fields (an older library) reads with the defaults.
        let old: Settings = serde_json::from_str(r#"{"household": 4}"#).unwrap();
        assert_eq!(old, Settings { household: 4, ..Settings::default() });
    }

    #[test]
    fn checks_tidy_the_words_and_refuse_what_cannot_work() {
        let catalog = Catalog::bundled();
        let s = Settings {
            exclude: vec![" Dairy".into(), "dairy".into(), "".into(), "red onion".into()],
            rules: vec!["Fish >= 2".into(), "  ".into(), "cruciferous>=4 days".into()],
            ..Settings::default()
        }
        .checked(catalog)
        .unwrap();
        assert_eq!(s.exclude, vec!["dairy", "red onion"]);
        assert_eq!(s.rules, vec!["fish ≥ 2", "cruciferous ≥ 4 days"]);
        assert_eq!(s.plan_settings(7).unwrap().rules.len(), 2);

        let bad = |s: Settings| s.checked(catalog).unwrap_err();
        assert_eq!(bad(Settings { household: 0, ..Settings::default() }), SettingsError::Household(0));
        assert_eq!(bad(Settings { household: 51, ..Settings::default() }), SettingsError::Household(51));
        assert_eq!(bad(Settings { no_repeat_days: 40, ..Settings::default() }), SettingsError::NoRepeat(40));
        assert!(matches!(bad(Settings { exclude: vec!["unicorn meat".into()], ..Settings::default() }), SettingsError::Exclude(_)));
        assert!(matches!(bad(Settings { rules: vec!["fish twice".into()], ..Settings::default() }), SettingsError::Rule(_)));
        let short = Settings { max_minutes: vec![(MealType::Dinner, 0)], ..Settings::default() };
        assert_eq!(bad(short), SettingsError::MaxMinutes { meal: MealType::Dinner, minutes: 0 });
    }
}
