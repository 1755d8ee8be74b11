//! Human-readable account of why a line got its food and triggers.

use super::{Catalog, MatchKind};
use crate::diet::{Attribute, Trigger};
use crate::ingredients::{parse_line, IngredientLine};
use serde::Serialize;

/// Which catalog entry a line matched and why it carries each trigger.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Explanation {
    pub line: IngredientLine,
    pub food: Option<String>,
    pub food_name: Option<String>,
    pub matched: Option<String>,
    pub kind: Option<MatchKind>,
    pub triggers: Vec<Trigger>,
    pub attributes: Vec<Attribute>,
    /// One sentence per step of the decision.
    pub reasons: Vec<String>,
    /// Some food matched only a piece of a longer product name ("cream of celery soup").
    pub partial: bool,
    /// Every food the line names (alternatives and list items) and what each contributed.
    pub parts: Vec<ExplainedPart>,
    /// Alternatives or items that match no catalog food.
    pub unknown_parts: Vec<String>,
}

/// One alternative or list item of an explained line.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ExplainedPart {
    /// The words as written.
    pub text: String,
    pub food: Option<String>,
    pub food_name: Option<String>,
    pub triggers: Vec<Trigger>,
    /// An "or" alternative other than the first.
    pub alternative: bool,
    pub partial: bool,
}

impl Catalog {
    /// Explains a free-text line.
    pub fn explain(&self, input: &str) -> Explanation {
        self.explain_line(&parse_line(input))
    }

    /// Explains an already parsed line.
    pub fn explain_line(&self, line: &IngredientLine) -> Explanation {
        let m = self.match_line(line);
        let mut reasons = Vec::new();
        let parts: Vec<ExplainedPart> = m
            .parts
            .iter()
            .map(|p| ExplainedPart {
                text: p.text.clone(),
                food: p.food.map(|i| self.food(i).id.clone()),
                food_name: p.food.map(|i| self.food(i).name.clone()),
                triggers: p.triggers.to_vec(),
                alternative: p.alternative,
                partial: p.partial,
            })
            .collect();
        let Some(idx) = m.food else {
            let matched: Vec<String> =
                parts.iter().filter_map(|p| Some(format!("{:?} matched {:?}", p.text, p.food_name.as_ref()?))).collect();
            if matched.is_empty() {
                reasons.push(format!(
                    "No catalog food matches {:?}: it is unknown, so Gutsy cannot vouch that it is free of any trigger.",
                    line.name
                ));
            } else {
                reasons.push(format!(
                    "{}, but no catalog food matches {}: the line is unknown, so Gutsy cannot vouch that it is free of any trigger.",
                    matched.join("; "),
                    m.unknown_parts.iter().map(|u| format!("{u:?}")).collect::<Vec<_>>().join(", ")
                ));
            }
            return Explanation {
                line: line.clone(),
                food: None,
                food_name: None,
                matched: None,
                kind: None,
                triggers: Vec::new(),
                attributes: Vec::new(),
                reasons,
                partial: m.partial,
                parts,
                unknown_parts: m.unknown_parts.clone(),
            };
        };
        let food = self.food(idx);
        let phrase = m.phrase.clone().unwrap_or_default();
        reasons.push(match m.kind {
            Some(MatchKind::Name) => format!("{phrase:?} is the catalog food {:?} ({}).", food.name, food.id),
            Some(MatchKind::Alias) => format!("{phrase:?} is another name for {:?} ({}).", food.name, food.id),
            _ => format!("{phrase:?} is the plural of {:?} ({}).", food.name, food.id),
        });
        if phrase.split(' ').count() < crate::catalog::normalize::normalize(&line.name).split(' ').count() {
            reasons.push("The longest catalog name found in the line wins; the other words describe it.".into());
        }
        if food.triggers.is_empty() {
            reasons.push(format!("{:?} carries no trigger.", food.name));
        } else {
            let t: Vec<&str> = food.triggers.iter().map(|t| t.as_str()).collect();
            reasons.push(format!("{:?} carries: {}.", food.name, t.join(", ")));
        }
        if m.parts.len() > 1 {
            let each: Vec<String> = parts
                .iter()
                .filter_map(|p| {
                    let name = p.food_name.as_ref()?;
                    let t: Vec<&str> = p.triggers.iter().map(|t| t.as_str()).collect();
                    let role = if p.alternative { "alternative " } else { "" };
                    let t = if t.is_empty() { "no trigger".to_string() } else { t.join(", ") };
                    Some(format!("{role}{name} ({t}): {:?}", p.text))
                })
                .collect();
            reasons.push(format!("The line names {} foods; its triggers are all of theirs: {}.", parts.len(), each.join("; ")));
        }
        if m.partial {
            let whole: Vec<&str> = parts.iter().filter(|p| p.partial).map(|p| p.text.as_str()).collect();
            reasons.push(format!(
                "Only part of {} matched a catalog food: the product itself is not in the catalog, so its triggers may be incomplete.",
                whole.iter().map(|w| format!("{w:?}")).collect::<Vec<_>>().join(", ")
            ));
        }
        for &qi in &m.qualifiers {
            let q = self.qualifier(qi);
            if !q.removes.is_empty() {
                let t: Vec<&str> = q.removes.iter().map(|t| t.as_str()).collect();
                reasons.push(format!("The line says {:?}, which removes {}.", q.phrase, t.join(", ")));
            }
            if !q.adds.is_empty() {
                let t: Vec<&str> = q.adds.iter().map(|t| t.as_str()).collect();
                reasons.push(format!("The line says {:?}, which adds {}.", q.phrase, t.join(", ")));
            }
        }
        Explanation {
            line: line.clone(),
            food: Some(food.id.clone()),
            food_name: Some(food.name.clone()),
            matched: m.phrase,
            kind: m.kind,
            triggers: m.triggers.to_vec(),
            attributes: food.attributes.clone(),
            reasons,
            partial: m.partial,
            parts,
            unknown_parts: m.unknown_parts,
        }
    }
}
