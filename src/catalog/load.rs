//! Loading and validating the catalog's data files.

use super::normalize::{normalize, plurals};
use super::why::Why;
use super::{Aisle, Catalog, Food, FoodIdx, MatchKind, Qualifier};
use crate::diet::{Attribute, TriggerSet};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::collections::HashMap;

/// Why catalog data was rejected.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("{file}: {message}")]
    Syntax { file: &'static str, message: String },
    #[error("food {id:?}: {message}")]
    Food { id: String, message: String },
    #[error("qualifier {phrase:?}: {message}")]
    Qualifier { phrase: String, message: String },
    /// A sentence file's entry (`key`: "food.soy-sauce", "trigger.dairy.sentence").
    #[error("{file}: {key}: {message}")]
    Why { file: &'static str, key: String, message: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FoodFile {
    food: Vec<Food>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AisleFile {
    aisle: Vec<Aisle>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifierFile {
    qualifier: Vec<Qualifier>,
}

/// Count units a food may give a weight for.
const WEIGHT_KEYS: &[&str] = &["each", "clove", "head", "bunch", "can", "jar", "sprig", "handful", "piece", "slice", "stalk", "leaf"];

fn food_err(f: &Food, message: impl Into<String>) -> CatalogError {
    CatalogError::Food { id: f.id.clone(), message: message.into() }
}

impl Catalog {
    /// Parses and validates catalog data (foods, aisles, qualifiers and the plain-words
    /// reasons of `why.toml`, whose food ids must be foods), and builds the phrase index.
    pub fn from_toml(foods: &str, aisles: &str, qualifiers: &str, why: &str) -> Result<Catalog, CatalogError> {
        let foods: FoodFile = toml::from_str(foods).map_err(|e| CatalogError::Syntax { file: "foods.toml", message: e.to_string() })?;
        let aisles: AisleFile = toml::from_str(aisles).map_err(|e| CatalogError::Syntax { file: "aisles.toml", message: e.to_string() })?;
        let quals: QualifierFile =
            toml::from_str(qualifiers).map_err(|e| CatalogError::Syntax { file: "qualifiers.toml", message: e.to_string() })?;

        let qualifiers: Vec<(Vec<String>, Qualifier)> = quals
            .qualifier
            .into_iter()
            .map(|q| {
                let words: Vec<String> = normalize(&q.phrase).split(' ').map(str::to_string).collect();
                if words.iter().all(|w| w.is_empty()) || (q.removes.is_empty() && q.adds.is_empty()) {
                    return Err(CatalogError::Qualifier {
                        phrase: q.phrase.clone(),
                        message: "needs words and at least one trigger to add or remove".into(),
                    });
                }
                Ok((words, q))
            })
            .collect::<Result<_, _>>()?;
        // Longest qualifiers first, so "no added sugar" is seen before any shorter phrase.
        let mut qualifiers = qualifiers;
        qualifiers.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));

        let mut by_id = HashMap::new();
        let mut phrases: FxHashMap<String, (FoodIdx, MatchKind)> = FxHashMap::default();
        let mut generated: Vec<(String, FoodIdx)> = Vec::new();
        for (i, f) in foods.food.iter().enumerate() {
            let idx = FoodIdx(i as u32);
            validate_food(f, &aisles.aisle)?;
            if by_id.insert(f.id.clone(), idx).is_some() {
                return Err(food_err(f, "duplicate id"));
            }
            let names = std::iter::once((&f.name, MatchKind::Name)).chain(f.aliases.iter().map(|a| (a, MatchKind::Alias)));
            for (text, kind) in names {
                let key = normalize(text);
                if key.is_empty() {
                    return Err(food_err(f, format!("name or alias {text:?} has no words")));
                }
                if let Some((other, _)) = phrases.insert(key.clone(), (idx, kind)) {
                    let other = &foods.food[other.0 as usize].id;
                    return Err(food_err(f, format!("{text:?} also names {other:?}")));
                }
                for p in plurals(&key) {
                    generated.push((p, idx));
                }
            }
        }
        // Generated plurals never override a name written in the data.
        for (p, idx) in generated {
            phrases.entry(p).or_insert((idx, MatchKind::Plural));
        }
        let longest_phrase = phrases.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let food_triggers = foods.food.iter().map(|f| f.triggers.iter().copied().collect::<TriggerSet>()).collect();
        let qualifier_words = qualifiers.iter().flat_map(|(w, _)| w.iter().cloned()).collect();
        let parent = resolve_families(&foods.food, &by_id)?;
        let why = Why::from_toml(why, &foods.food, &by_id, &parent)?;
        Ok(Catalog {
            foods: foods.food,
            food_triggers,
            aisles: aisles.aisle,
            qualifiers,
            qualifier_words,
            by_id,
            phrases,
            longest_phrase,
            parent,
            why,
        })
    }
}

/// Each food's `family` as an index; the family must name another existing food, without cycles.
fn resolve_families(foods: &[Food], by_id: &HashMap<String, FoodIdx>) -> Result<Vec<Option<FoodIdx>>, CatalogError> {
    let mut parent = Vec::with_capacity(foods.len());
    for f in foods {
        parent.push(match &f.family {
            None => None,
            Some(id) if *id == f.id => return Err(food_err(f, "family names the food itself")),
            Some(id) => Some(*by_id.get(id).ok_or_else(|| food_err(f, format!("family {id:?} is not a food id")))?),
        });
    }
    for (i, f) in foods.iter().enumerate() {
        let mut cur = parent[i];
        let mut steps = 0;
        while let Some(p) = cur {
            steps += 1;
            if p.0 as usize == i || steps > foods.len() {
                return Err(food_err(f, "family chain has a cycle"));
            }
            cur = parent[p.0 as usize];
        }
    }
    Ok(parent)
}

fn validate_food(f: &Food, aisles: &[Aisle]) -> Result<(), CatalogError> {
    let id_ok = !f.id.is_empty() && f.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        return Err(food_err(f, "id must be kebab-case ascii"));
    }
    if !aisles.iter().any(|a| a.id == f.aisle) {
        return Err(food_err(f, format!("unknown aisle {:?}", f.aisle)));
    }
    if f.attributes.contains(&Attribute::HighFiber) {
        return Err(food_err(f, "high_fiber is derived per recipe, not set on a food"));
    }
    if f.fiber.is_some() != f.ndb.is_some() {
        return Err(food_err(f, "fiber and ndb go together (every fiber value names its USDA source)"));
    }
    if f.fiber.is_some_and(|v| !(0.0..=100.0).contains(&v)) {
        return Err(food_err(f, "fiber must be g per 100 g (0–100)"));
    }
    if f.density.is_some_and(|d| !(0.01..=5.0).contains(&d)) {
        return Err(food_err(f, "density must be g/ml between 0.01 and 5"));
    }
    for (k, v) in &f.weights {
        if !WEIGHT_KEYS.contains(&k.as_str()) || *v <= 0.0 {
            return Err(food_err(f, format!("weights: {k} = {v} is not a count unit with a positive weight")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const AISLES: &str = "[[aisle]]\nid='produce'\nname='Produce'\n";
    const QUALS: &str = "[[qualifier]]\nphrase='gluten free'\nremoves=['gluten']\n";

    /// The bundled `why.toml`'s sentences, without its food entries and plural names (they
    /// name bundled foods), then `extra`.
    fn why(extra: &str) -> String {
        let bundled = include_str!("why.toml");
        let start = bundled.find("\n[words]").expect("why.toml has [words]");
        format!("{}\n[words]\nplural = []\n[food]\n{extra}\n", &bundled[..start])
    }

    fn food(extra: &str) -> String {
        format!("[[food]]\nid='oats'\nname='oats'\ncategory='grain'\naisle='produce'\ntriggers=['gluten']\n{extra}\n")
    }

    #[test]
    fn a_minimal_catalog_matches_plurals_and_qualifiers() {
        let c = Catalog::from_toml(&food("aliases=['rolled oat']"), AISLES, QUALS, &why("")).unwrap();
        let m = c.match_text("rolled oats", "");
        assert_eq!(m.kind, Some(MatchKind::Plural));
        assert!(m.triggers.contains(crate::diet::Trigger::Gluten));
        let m = c.match_text("gluten-free rolled oats", "");
        assert!(m.food.is_some() && m.triggers.is_empty());
        let m = c.match_text("oats", "certified gluten-free");
        assert!(m.triggers.is_empty(), "qualifiers count in the note too");
    }

    #[test]
    fn bad_data_is_rejected_with_the_food_named() {
        let cases = [
            (food("aisle2='x'"), "unknown field"),
            (food("").replace("aisle='produce'", "aisle='moon'"), "unknown aisle"),
            (food("fiber=10.0"), "fiber and ndb"),
            (food("weights={ bag = 3.0 }"), "weights"),
            (food("") + &food(""), "duplicate id"),
            (food("") + &food("").replace("id='oats'", "id='oats-2'"), "also names"),
            (food("family='rye'"), "not a food id"),
            (food("family='oats'"), "itself"),
            (
                food("family='oats-2'")
                    + &food("family='oats'").replace("id='oats'", "id='oats-2'").replace("name='oats'", "name='oat bran'"),
                "cycle",
            ),
        ];
        for (text, want) in cases {
            let e = Catalog::from_toml(&text, AISLES, QUALS, &why("")).unwrap_err().to_string();
            assert!(e.contains(want), "{want:?} not in {e:?}");
        }
    }

    #[test]
    fn why_words_are_checked_with_the_file_and_key_named() {
        let oats = food("");
        let ok = Catalog::from_toml(&oats, AISLES, QUALS, &why("oats = 'Oats may meet wheat in the mill.'")).unwrap();
        assert_eq!(ok.why.entry(ok.by_id("oats").unwrap()), Some("Oats may meet wheat in the mill."));
        let cases = [
            (why("zorblax = 'A made-up food.'"), "why.toml: food.zorblax: \"zorblax\" is not a food id"),
            (why("oats = 'Oats are {food}.'"), "why.toml: food.oats: uses {food}"),
            (why("oats = 'No full stop'"), "why.toml: food.oats: must end a sentence"),
            (why("").replace("plural = []", "plural = ['rye']"), "why.toml: words.plural: \"rye\" is not a food id"),
            (why("").replace("{Food} {is} a dairy food.", "{Food} {are} dairy."), "why.toml: trigger.dairy.sentence: uses {are}"),
            (
                why("").replace("{Food} {is} a leafy green.", "A leafy green."),
                "why.toml: attribute.leafy_green.sentence: must start with {Food}",
            ),
            (
                why("").replace("[trigger.sesame]\nwords = \"sesame\"", "[trigger.sesame]\nwords = \"sesame {x\""),
                "why.toml: trigger.sesame.words",
            ),
            (why("").replace("[trigger.sesame]", "[trigger.sesame-ish]"), "why.toml: trigger.sesame-ish: unknown trigger"),
            (why("").replace("\n[headline]\n", "\n[headline]\nshout = 'x'\n"), "unknown field `shout`"),
        ];
        for (text, want) in cases {
            let e = Catalog::from_toml(&oats, AISLES, QUALS, &text).unwrap_err().to_string();
            assert!(e.starts_with("why.toml: ") && e.contains(want), "{want:?} not in {e:?}");
        }
        // Every trigger needs its words.
        let start = why("").find("[trigger.sesame]").unwrap();
        let end = why("").find("[attribute.fermented]").unwrap();
        let without_sesame = format!("{}{}", &why("")[..start], &why("")[end..]);
        let e = Catalog::from_toml(&oats, AISLES, QUALS, &without_sesame).unwrap_err().to_string();
        assert!(e.contains("why.toml: trigger.sesame: is missing"), "{e}");
    }
}
