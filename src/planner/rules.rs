//! Rules the cook writes: "fish >= 2" (meals a week), "meat <= 1", "cruciferous >= 4 days"
//! (days with it). Parsed here; resolved against the candidates by the library (which knows
//! the catalog); scored as a penalty per unit of violation, and reported when unmet.

use super::model::Slot;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    AtLeast,
    AtMost,
}

/// A rule as the cook writes it: `TARGET >= N [days]` or `TARGET <= N [days]`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleSpec {
    /// An attribute (fermented, cruciferous…), a food category (fish, meat, legume…) or a food.
    pub target: String,
    pub bound: Bound,
    pub count: u32,
    /// Count days that have it, rather than meals.
    pub per_day: bool,
}

impl FromStr for RuleSpec {
    type Err = String;
    fn from_str(text: &str) -> Result<RuleSpec, String> {
        let t = text.trim().replace('≥', ">=").replace('≤', "<=");
        let (target, rest, bound) = if let Some((a, b)) = t.split_once(">=") {
            (a, b, Bound::AtLeast)
        } else if let Some((a, b)) = t.split_once("<=") {
            (a, b, Bound::AtMost)
        } else {
            return Err(format!("{text:?}: a rule is TARGET >= N or TARGET <= N, e.g. \"fish >= 2\" or \"cruciferous >= 4 days\""));
        };
        let target = target.trim().to_lowercase();
        let mut words = rest.split_whitespace();
        let count = words
            .next()
            .and_then(|n| n.parse::<u32>().ok())
            .ok_or_else(|| format!("{text:?}: expected a number after {:?}", if bound == Bound::AtLeast { ">=" } else { "<=" }))?;
        let per_day = match words.next() {
            None | Some("meals" | "meal" | "times" | "servings") => false,
            Some("days" | "day") => true,
            Some(other) => return Err(format!("{text:?}: {other:?} should be \"days\" or nothing")),
        };
        if target.is_empty() || words.next().is_some() {
            return Err(format!("{text:?}: a rule is TARGET >= N or TARGET <= N, e.g. \"fish >= 2\""));
        }
        Ok(RuleSpec { target, bound, count, per_day })
    }
}

impl fmt::Display for RuleSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = if self.bound == Bound::AtLeast { "≥" } else { "≤" };
        let unit = if self.per_day {
            if self.count == 1 {
                " day"
            } else {
                " days"
            }
        } else {
            ""
        };
        write!(f, "{} {op} {}{unit}", self.target.replace('_', " "), self.count)
    }
}

/// A rule with, per candidate, whether the recipe counts toward it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRule {
    pub spec: RuleSpec,
    pub hits: Vec<bool>,
}

impl PlanRule {
    /// Meals (or days) of the plan that count.
    pub fn value(&self, slots: &[Slot], days: u32) -> u32 {
        if self.spec.per_day {
            (0..days).filter(|&d| slots.iter().any(|s| s.day == d && s.recipe.is_some_and(|r| self.hits[r]))).count() as u32
        } else {
            slots.iter().filter(|s| s.recipe.is_some_and(|r| self.hits[r])).count() as u32
        }
    }

    /// How far `value` is from meeting the rule (0: met).
    pub fn violation(&self, value: u32) -> u32 {
        match self.spec.bound {
            Bound::AtLeast => self.spec.count.saturating_sub(value),
            Bound::AtMost => value.saturating_sub(self.spec.count),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_parse_from_what_cooks_type_and_print_back() {
        let r: RuleSpec = "Fish >= 2".parse().unwrap();
        assert_eq!(r, RuleSpec { target: "fish".into(), bound: Bound::AtLeast, count: 2, per_day: false });
        assert_eq!(r.to_string(), "fish ≥ 2");
        let r: RuleSpec = "cruciferous>=4 days".parse().unwrap();
        assert!(r.per_day && r.count == 4);
        assert_eq!(r.to_string(), "cruciferous ≥ 4 days");
        let r: RuleSpec = "meat ≤ 1".parse().unwrap();
        assert_eq!((r.bound, r.count), (Bound::AtMost, 1));
        for bad in ["fish", "fish >= two", ">= 2", "fish >= 2 weeks", "fish = 2", "fish >= 2 days now"] {
            assert!(bad.parse::<RuleSpec>().is_err(), "{bad}");
        }
    }

    #[test]
    fn values_count_meals_or_days_and_violations_are_distances() {
        use crate::model::MealType;
        let slot = |day, recipe| Slot { day, meal: MealType::Lunch, recipe, fixed: false };
        let slots = [slot(0, Some(0)), slot(0, Some(0)), slot(1, Some(1)), slot(2, None)];
        let meals = PlanRule { spec: "fish >= 3".parse().unwrap(), hits: vec![true, false] };
        assert_eq!(meals.value(&slots, 3), 2);
        assert_eq!(meals.violation(2), 1);
        let days = PlanRule { spec: "fish <= 0 days".parse().unwrap(), hits: vec![true, false] };
        assert_eq!(days.value(&slots, 3), 1);
        assert_eq!(days.violation(1), 1);
        assert_eq!(days.violation(0), 0);
    }
}
