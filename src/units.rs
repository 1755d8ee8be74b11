//! Units of measure, loaded from the reviewed table `src/data/units.toml`.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Mass,
    Volume,
    Count,
}

/// One canonical unit.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub symbol: String,
    pub kind: UnitKind,
    /// Grams (mass) or millilitres (volume) in one unit.
    pub base: Option<f64>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitFile {
    unit: Vec<Unit>,
}

/// The unit table with its lookup indexes.
#[derive(Debug)]
pub struct Units {
    units: Vec<Unit>,
    folded: HashMap<String, usize>,
    exact: HashMap<String, usize>,
    /// First words of multi-word spellings ("fl" of "fl oz"), lowercase.
    two_word_starts: Vec<String>,
}

const UNITS_TOML: &str = include_str!("data/units.toml");

impl Units {
    /// The bundled table. It is checked by unit tests, so a bad edit fails `cargo test`.
    pub fn get() -> &'static Units {
        static UNITS: OnceLock<Units> = OnceLock::new();
        UNITS.get_or_init(|| {
            Units::from_toml(UNITS_TOML).unwrap_or_else(|e| panic!("bundled units.toml: {e}"))
        })
    }

    /// Parses and validates a unit table.
    pub fn from_toml(text: &str) -> Result<Units, String> {
        let file: UnitFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut folded = HashMap::new();
        let mut exact = HashMap::new();
        for (i, u) in file.unit.iter().enumerate() {
            if (u.kind == UnitKind::Count) != u.base.is_none() {
                return Err(format!("unit {}: count units have no base, others need one", u.symbol));
            }
            for a in std::iter::once(&u.symbol).chain(&u.aliases) {
                if let Some(j) = folded.insert(a.to_lowercase(), i) {
                    if j != i {
                        return Err(format!("alias {a:?} names two units"));
                    }
                }
            }
            for a in &u.exact {
                exact.insert(a.clone(), i);
            }
        }
        let two_word_starts = folded
            .keys()
            .filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_string()))
            .collect();
        Ok(Units { units: file.unit, folded, exact, two_word_starts })
    }

    /// Finds the unit a word (or two words, e.g. "fl oz") stands for. A trailing "." is ignored.
    pub fn lookup(&self, word: &str) -> Option<&Unit> {
        let w = word.strip_suffix('.').unwrap_or(word);
        if w.is_empty() {
            return None;
        }
        if let Some(&i) = self.exact.get(w) {
            return Some(&self.units[i]);
        }
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            let lower = w.to_ascii_lowercase();
            self.folded.get(&lower).map(|&i| &self.units[i])
        } else {
            self.folded.get(w).map(|&i| &self.units[i])
        }
    }

    /// Whether `word` can begin a two-word unit ("fl" in "fl oz").
    pub fn starts_two_word(&self, word: &str) -> bool {
        self.two_word_starts.iter().any(|w| w.eq_ignore_ascii_case(word.trim_end_matches('.')))
    }

    /// The canonical unit with this symbol.
    pub fn by_symbol(&self, symbol: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.symbol == symbol)
    }

    pub fn all(&self) -> &[Unit] {
        &self.units
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_table_loads_and_knows_the_usual_words() {
        let u = Units::get();
        for (word, sym) in [
            ("teaspoon", "tsp"),
            ("tsp", "tsp"),
            ("t", "tsp"),
            ("T", "tbsp"),
            ("Tbsp.", "tbsp"),
            ("tablespoons", "tbsp"),
            ("c.", "cup"),
            ("fl oz", "fl oz"),
            ("qt", "qt"),
            ("pt", "pt"),
            ("dl", "dl"),
            ("litre", "l"),
            ("liter", "l"),
            ("L", "l"),
            ("g", "g"),
            ("kg", "kg"),
            ("oz", "oz"),
            ("lb", "lb"),
            ("pound", "lb"),
            ("cloves", "clove"),
            ("can", "can"),
            ("bunch", "bunch"),
            ("head", "head"),
            ("sprigs", "sprig"),
            ("handful", "handful"),
            ("pinch", "pinch"),
            ("pieces", "piece"),
        ] {
            assert_eq!(u.lookup(word).map(|u| u.symbol.as_str()), Some(sym), "{word}");
        }
        assert!(u.lookup("smidgen").is_none());
        assert!(u.lookup(".").is_none());
    }

    #[test]
    fn a_table_with_a_duplicate_alias_is_rejected() {
        let bad = "[[unit]]\nsymbol='g'\nkind='mass'\nbase=1.0\n[[unit]]\nsymbol='G2'\nkind='mass'\nbase=2.0\naliases=['g']\n";
        assert!(Units::from_toml(bad).unwrap_err().contains("two units"));
    }
}
