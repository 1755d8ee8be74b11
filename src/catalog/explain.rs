//! Why a line got its food and triggers: first in plain words a cook reads (a headline and a
//! sentence or two per food, from `why.toml`), then step by step for the curious.

use super::why::{fill, Subject};
use super::{Catalog, FoodIdx, LineMatch, MatchKind};
use crate::diet::{Attribute, Trigger, TriggerSet};
use crate::ingredients::{parse_line, IngredientLine};
use serde::Serialize;

/// Which catalog entry a line matched and why it carries each trigger.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Explanation {
    pub line: IngredientLine,
    /// The line in a few words: "Contains gluten and added sugar", "No trigger foods", "Not in
    /// the catalog — Gutsy can't tell what this contains".
    pub headline: String,
    /// Plain sentences for a cook: one entry per food the line names (alternatives and list
    /// items included) saying why it is flagged or not, one per word Gutsy doesn't know, and a
    /// last one when alternatives differ.
    pub summary: Vec<String>,
    pub food: Option<String>,
    pub food_name: Option<String>,
    pub matched: Option<String>,
    pub kind: Option<MatchKind>,
    pub triggers: Vec<Trigger>,
    pub attributes: Vec<Attribute>,
    /// The technical detail, one sentence per step of the decision (a "Details" disclosure).
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
        let (headline, summary) = self.plain_words(line, &m);
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
                headline,
                summary,
                food: None,
                food_name: None,
                matched: None,
                kind: None,
                // What did match ("honey" of "honey and frobnitz") still counts, as in the facts.
                triggers: m.triggers.to_vec(),
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
            headline,
            summary,
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

    /// The headline and the plain sentences of a matched line.
    fn plain_words(&self, line: &IngredientLine, m: &LineMatch) -> (String, Vec<String>) {
        let why = &self.why;
        let triggers = why.trigger_words(m.triggers.iter());
        let h = &why.headline;
        let headline = match (m.food.is_some(), m.partial, m.triggers.is_empty()) {
            (false, _, true) => &h.unknown,
            (false, _, false) => &h.unknown_contains,
            (true, true, true) => &h.partial_none,
            (true, true, false) => &h.partial,
            (true, false, true) => &h.none,
            (true, false, false) => &h.contains,
        };
        let headline = fill(headline, None, &[("triggers", &triggers)]);

        let mut summary = Vec::new();
        let mut seen: Vec<FoodIdx> = Vec::new();
        for p in &m.parts {
            let Some(idx) = p.food else {
                summary.push(fill(&why.sentence.unknown, None, &[("text", p.text.trim())]));
                continue;
            };
            let food = self.food(idx);
            let subject = Subject { name: &food.name, plural: why.plural(idx), pronoun: false };
            let own = self.food_triggers(idx);
            let mut said: Vec<String> = Vec::new();
            // A food named twice ("regular or gluten-free soy sauce") is described once.
            if !seen.contains(&idx) {
                seen.push(idx);
                said.push(match why.entry(idx) {
                    Some(text) => text.to_string(),
                    None => why.built(&food.name, subject.plural, own, &food.attributes),
                });
            }
            // Qualifiers of this part: "certified gluten-free oats", "sweetened coconut".
            let removed: TriggerSet = own.iter().filter(|t| !p.triggers.contains(*t)).collect();
            let added: TriggerSet = p.triggers.iter().filter(|t| !own.contains(*t)).collect();
            for (set, template) in [(removed, &why.sentence.without), (added, &why.sentence.with)] {
                if !set.is_empty() {
                    said.push(fill(template, Some(subject), &[("triggers", &why.trigger_words(set.iter()))]));
                }
            }
            if p.partial {
                said.push(fill(&why.sentence.partial, Some(subject), &[("text", p.text.trim())]));
            }
            if !said.is_empty() {
                summary.push(said.join(" "));
            }
        }
        if m.parts.is_empty() {
            let text = if line.name.trim().is_empty() { line.input.trim() } else { line.name.trim() };
            summary.push(fill(&why.sentence.unknown, None, &[("text", text)]));
        }
        // "butter or coconut oil": the line carries what either choice brings.
        let mut choices: Vec<TriggerSet> = Vec::new();
        for p in m.parts.iter().filter(|p| p.food.is_some()) {
            if !choices.contains(&p.triggers) {
                choices.push(p.triggers);
            }
        }
        if m.parts.iter().any(|p| p.alternative) && choices.len() > 1 {
            summary.push(why.sentence.alternatives.clone());
        }
        (headline, summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> (String, Vec<String>) {
        let ex = Catalog::bundled().explain(line);
        (ex.headline, ex.summary)
    }

    /// Real recipe lines of one rule: the headline, and words the first summary entry holds.
    fn family(lines: &[&str], headline: &str, mentions: &[&str]) {
        for line in lines {
            let (h, summary) = words(line);
            assert_eq!(h, headline, "{line:?}: {summary:?}");
            let first = summary.first().unwrap_or_else(|| panic!("{line:?}: no summary"));
            for m in mentions {
                assert!(first.to_lowercase().contains(&m.to_lowercase()), "{line:?}: {m:?} not in {first:?}");
            }
        }
    }

    #[test]
    fn soy_sauce_has_wheat_and_tamari_does_not() {
        family(
            &["2 tbsp low-sodium soy sauce", "1/4 cup soy sauce", "1 tbsp light soy sauce", "2 tbsp shoyu"],
            "Contains gluten and soy",
            &["soy sauce", "wheat"],
        );
        family(&["1 tbsp tamari (gluten-free)", "2 tbsp tamari", "1 tbsp wheat-free tamari"], "Contains soy", &["tamari"]);
        // The qualifier of the alternative does not clean the soy sauce.
        let (h, summary) = words("2 tbsp soy sauce (or gluten-free tamari)");
        assert_eq!(h, "Contains gluten and soy");
        assert!(summary[0].starts_with("Soy sauce") && summary[1].starts_with("Tamari"), "{summary:?}");
    }

    #[test]
    fn oats_are_a_gluten_risk_unless_certified() {
        family(
            &["½ cup rolled oats", "1 cup old-fashioned oats", "2 cups porridge oats"],
            "Contains gluten",
            &["oats", "certified gluten-free"],
        );
        family(
            &["½ cup certified gluten-free oats", "1 cup gluten-free rolled oats", "1 cup oats (certified gluten-free)"],
            "No trigger foods",
            &["oats"],
        );
        let (_, summary) = words("½ cup certified gluten-free oats");
        assert!(summary[0].ends_with("The line asks for oats without gluten, so Gutsy doesn't count gluten for them."), "{summary:?}");
        // Cooked oats say what their family says: they carry the same flags.
        family(&["2 cups cooked oatmeal"], "Contains gluten", &["oats have no gluten of their own"]);
    }

    #[test]
    fn names_that_mislead_are_explained() {
        family(&["1 cup unsweetened almond milk", "250 ml almond milk"], "Contains tree nuts", &["almond milk", "not dairy"]);
        family(&["1 tsp cream of tartar", "½ tsp cream of tartar"], "No trigger foods", &["cream of tartar", "not cream"]);
        family(&["1 cup sugar snap peas", "200 g sugar snap peas, trimmed"], "No trigger foods", &["sugar snap peas", "no sugar flag"]);
        family(&["3 tbsp smooth peanut butter"], "Contains peanuts", &["peanut butter", "not dairy"]);
        family(&["1 butternut squash, peeled and cubed"], "No trigger foods", &["butternut squash", "no dairy"]);
        family(&["1 cup coconut yogurt"], "No trigger foods", &["coconut yogurt", "not dairy", "live cultures"]);
        family(&["1 cup buckwheat groats", "1 cup buckwheat flour"], "No trigger foods", &["buckwheat", "no gluten"]);
    }

    #[test]
    fn sweeteners_and_alcohol_say_what_they_add() {
        family(&["1/4 cup maple syrup", "2 tbsp pure maple syrup"], "Contains added sugar", &["maple syrup", "added sugar"]);
        family(&["1 tbsp honey", "2 tbsp runny honey"], "Contains added sugar", &["honey", "added sugar"]);
        family(&["2 tbsp mirin"], "Contains added sugar and alcohol", &["mirin", "sugar", "alcohol"]);
        family(&["1 bottle stout", "330 ml lager"], "Contains gluten and alcohol", &["beer", "barley"]);
        family(&["2 tbsp malt vinegar"], "Contains gluten", &["malt vinegar", "barley"]);
    }

    #[test]
    fn ferments_say_live_cultures_and_what_heat_does() {
        family(&["1 cup sauerkraut"], "No trigger foods", &["sauerkraut", "live cultures", "cooking"]);
        family(&["2 tbsp white miso"], "Contains soy", &["miso", "live cultures", "boiling"]);
        family(&["1 cup kimchi"], "Contains fish and shellfish", &["kimchi", "fish sauce", "cooking kills"]);
        family(&["1 cup plain kefir"], "Contains dairy", &["kefir", "live cultures"]);
        family(&["1 cup kombucha"], "No trigger foods", &["kombucha", "live cultures"]);
    }

    #[test]
    fn prebiotic_foods_say_they_feed_gut_bacteria() {
        for line in ["1 onion, diced", "3 cloves garlic", "1 leek, sliced", "1 bunch asparagus", "2 ripe bananas"] {
            let (h, summary) = words(line);
            assert_eq!(h, "No trigger foods", "{line:?}");
            assert!(summary[0].contains("gut bacteria"), "{line:?}: {summary:?}");
        }
        // A red onion says what onions say: same family, same flags.
        family(&["1 red onion"], "No trigger foods", &["onions are rich in fructans"]);
    }

    #[test]
    fn foods_without_an_entry_get_sentences_built_from_their_name() {
        assert_eq!(words("50 g butter"), ("Contains dairy".into(), vec!["Butter is a dairy food.".into()]));
        assert_eq!(words("1 tbsp kecap manis").1, vec!["Kecap manis contains gluten, added sugar and soy.".to_string()]);
        // Verbs agree with a plural name; the attribute sentence follows as "They".
        assert_eq!(
            words("1 can baked beans").1,
            vec!["Baked beans count as added sugar. They have prebiotic fibre that feeds your gut bacteria.".to_string()]
        );
        assert_eq!(words("1 bunch kale").1, vec!["Kale is a leafy green. It is from the cabbage family (cruciferous).".to_string()]);
        assert_eq!(words("2 carrots").1, vec!["Carrot has nothing Gutsy flags.".to_string()]);
        // Cheddar says what cheese says.
        family(&["100 g grated cheddar"], "Contains dairy", &["cheese is made from milk"]);
    }

    #[test]
    fn every_food_of_a_line_is_explained_alternatives_included() {
        let (h, summary) = words("3 tbsp butter or coconut oil");
        assert_eq!(h, "Contains dairy");
        assert_eq!(summary.len(), 3, "{summary:?}");
        assert_eq!(summary[0], "Butter is a dairy food.");
        assert!(summary[1].starts_with("Coconut oil is a plant fat"), "{summary:?}");
        assert!(summary[2].contains("any of the choices"), "{summary:?}");
        // Alike alternatives need no word about choosing; list items never do.
        let (_, summary) = words("2 tbsp olive oil or coconut oil");
        assert_eq!(summary.len(), 2, "{summary:?}");
        // A food named twice is described once; the qualified choice says what it leaves out.
        let (h, summary) = words("2 tbsp regular or gluten-free soy sauce");
        assert_eq!(h, "Contains gluten and soy");
        assert_eq!(summary.len(), 3, "{summary:?}");
        assert!(summary[0].starts_with("Soy sauce is brewed"), "{summary:?}");
        assert_eq!(summary[1], "The line asks for soy sauce without gluten, so Gutsy doesn't count gluten for it.");
        // A qualifier can add a trigger too.
        let (h, summary) = words("1 cup sweetened coconut flakes");
        assert_eq!(h, "Contains added sugar");
        assert!(summary[0].ends_with("with added sugar, so Gutsy counts added sugar for it."), "{summary:?}");
        let (h, summary) = words("2 tbsp each honey and soy sauce");
        assert_eq!(h, "Contains gluten, added sugar and soy");
        assert_eq!(summary.len(), 2, "{summary:?}");
    }

    #[test]
    fn unknown_and_partial_lines_say_so() {
        let ex = Catalog::bundled().explain("2 cups zorblax");
        assert_eq!(ex.headline, "Not in the catalog — Gutsy can't tell what this contains");
        assert_eq!(ex.summary, vec!["Gutsy doesn't know “zorblax”, so it can't tell what it contains.".to_string()]);
        let ex = Catalog::bundled().explain("1 tbsp honey and frobnitz");
        assert_eq!(ex.headline, "Contains added sugar, and something not in the catalog");
        assert!(ex.summary[0].starts_with("Honey") && ex.summary[1].contains("“frobnitz”"), "{:?}", ex.summary);
        assert_eq!(ex.triggers, vec![Trigger::Sugar], "what matched still counts, as in the facts");
        let (h, summary) = words("1 packet onion soup mix");
        assert_eq!(h, "No trigger foods found, but only partly recognised");
        assert!(summary[0].ends_with("Gutsy recognised only the onion in “onion soup mix”; the rest may contain more."), "{summary:?}");
    }
}
