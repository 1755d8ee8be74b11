//! Units of measure, loaded from the reviewed table `src/data/units.toml`.

use crate::quantity::{Amount, Number};
use serde::Deserialize;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast hash for the short unit words looked up several times per parsed line (the
/// table is fixed data, so no defence against crafted collisions is needed).
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;

/// What a unit measures (its dimension).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Mass,
    Volume,
    Count,
    /// Sizes of pieces ("2-inch piece"); never a line's own unit.
    Length,
}

/// The family of units a display keeps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitSystem {
    Metric,
    Us,
}

/// One canonical unit.
#[derive(Debug, Clone)]
pub struct Unit {
    pub symbol: String,
    pub kind: UnitKind,
    /// Grams (mass), millilitres (volume) or millimetres (length) in one unit, as a float for
    /// estimates (grams, fiber). The exact value is [`Unit::factor`].
    pub base: Option<f64>,
    factor: Option<Number>,
    system: Option<UnitSystem>,
    display: bool,
    display_min: Number,
    trailing: bool,
    container: bool,
}

impl Unit {
    /// Exact grams / millilitres / millimetres in one unit; `None` for count units.
    pub fn factor(&self) -> Option<Number> {
        self.factor
    }
    /// A count unit also written after the food: "4 garlic cloves".
    pub fn trailing(&self) -> bool {
        self.trailing
    }
    /// The food in it is preserved: "1 can tomatoes" means canned tomatoes.
    pub fn container(&self) -> bool {
        self.container
    }
    pub fn system(&self) -> Option<UnitSystem> {
        self.system
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUnit {
    symbol: String,
    kind: UnitKind,
    base: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
    system: Option<UnitSystem>,
    #[serde(default)]
    display: bool,
    display_min: Option<String>,
    #[serde(default)]
    trailing: bool,
    #[serde(default)]
    container: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDuration {
    symbol: String,
    minutes: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitFile {
    unit: Vec<RawUnit>,
    #[serde(default)]
    duration: Vec<RawDuration>,
}

/// The unit table with its lookup indexes.
#[derive(Debug)]
pub struct Units {
    units: Vec<Unit>,
    folded: WordMap<usize>,
    exact: WordMap<usize>,
    symbols: WordMap<usize>,
    /// First words of multi-word spellings ("fl" of "fl oz"), lowercase.
    two_word_starts: Vec<String>,
    /// Duration words (lowercase) → minutes.
    durations: WordMap<Number>,
}

const UNITS_TOML: &str = include_str!("data/units.toml");

impl Units {
    /// The bundled table. It is checked by unit tests, so a bad edit fails `cargo test`.
    pub fn get() -> &'static Units {
        static UNITS: OnceLock<Units> = OnceLock::new();
        UNITS.get_or_init(|| Units::from_toml(UNITS_TOML).unwrap_or_else(|e| panic!("bundled units.toml: {e}")))
    }

    /// Parses and validates a unit table.
    pub fn from_toml(text: &str) -> Result<Units, String> {
        let file: UnitFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut folded = WordMap::default();
        let mut exact = WordMap::default();
        let mut symbols = WordMap::default();
        let mut units = Vec::with_capacity(file.unit.len());
        for (i, u) in file.unit.into_iter().enumerate() {
            if (u.kind == UnitKind::Count) != u.base.is_none() {
                return Err(format!("unit {}: count units have no base, others need one", u.symbol));
            }
            let factor = match &u.base {
                Some(b) => Some(
                    Number::parse_exact(b)
                        .filter(|f| !f.is_zero())
                        .ok_or_else(|| format!("unit {}: base {b:?} is not an exact positive decimal", u.symbol))?,
                ),
                None => None,
            };
            let display_min = match &u.display_min {
                Some(m) => Number::parse_exact(m).ok_or_else(|| format!("unit {}: bad display_min {m:?}", u.symbol))?,
                None => Number::integer(1).ok_or("1 is a number")?,
            };
            if u.display && (u.system.is_none() || factor.is_none()) {
                return Err(format!("unit {}: a display unit needs a system and a base", u.symbol));
            }
            if symbols.insert(u.symbol.clone(), i).is_some() {
                return Err(format!("symbol {:?} names two units", u.symbol));
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
            units.push(Unit {
                base: factor.map(|f| f.to_f64()),
                symbol: u.symbol,
                kind: u.kind,
                factor,
                system: u.system,
                display: u.display,
                display_min,
                trailing: u.trailing,
                container: u.container,
            });
        }
        let mut two_word_starts: Vec<String> =
            folded.keys().filter_map(|k| k.split_once(' ').map(|(first, _)| first.to_string())).collect();
        two_word_starts.sort();
        two_word_starts.dedup();
        let mut durations = WordMap::default();
        for d in &file.duration {
            let minutes =
                Number::parse_exact(&d.minutes).ok_or_else(|| format!("duration {}: minutes {:?} is not exact", d.symbol, d.minutes))?;
            for a in std::iter::once(&d.symbol).chain(&d.aliases) {
                if durations.insert(a.to_lowercase(), minutes).is_some() {
                    return Err(format!("duration word {a:?} appears twice"));
                }
            }
        }
        Ok(Units { units, folded, exact, symbols, two_word_starts, durations })
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
        let word = word.trim_end_matches('.');
        self.two_word_starts.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    /// The canonical unit with this symbol.
    pub fn by_symbol(&self, symbol: &str) -> Option<&Unit> {
        self.symbols.get(symbol).map(|&i| &self.units[i])
    }

    /// All spellings (symbol, aliases, case-sensitive aliases) of the unit with this symbol,
    /// lowercase except the case-sensitive ones.
    pub fn spellings(&self, symbol: &str) -> Vec<String> {
        let Some(&i) = self.symbols.get(symbol) else { return Vec::new() };
        let mut out: Vec<String> = self.folded.iter().filter(|(_, &j)| j == i).map(|(k, _)| k.clone()).collect();
        out.extend(self.exact.iter().filter(|(_, &j)| j == i).map(|(k, _)| k.clone()));
        out.sort();
        out
    }

    pub fn all(&self) -> &[Unit] {
        &self.units
    }

    /// Minutes in one duration unit ("h", "hours", "wk"); `None` for other words.
    pub fn duration_minutes(&self, word: &str) -> Option<Number> {
        let w = word.strip_suffix('.').unwrap_or(word);
        self.durations.get(w).or_else(|| self.durations.get(&w.to_lowercase())).copied()
    }

    /// Converts `value` exactly between two units of one dimension (symbols or spellings):
    /// `convert(1/2, "cup", "tbsp")` = 8. Count units convert only to themselves. `None` for
    /// unknown units, different dimensions or overflow; never panics.
    pub fn convert(&self, value: Number, from: &str, to: &str) -> Option<Number> {
        let (a, b) = (self.by_symbol(from).or_else(|| self.lookup(from))?, self.by_symbol(to).or_else(|| self.lookup(to))?);
        if a.symbol == b.symbol {
            return Some(value);
        }
        if a.kind != b.kind {
            return None;
        }
        value.checked_mul(&a.factor?)?.checked_div(&b.factor?)
    }
}

/// Whether `n` reads well in a unit of `system`: halves, thirds, quarters, eighths for US units;
/// at most two decimals for metric ones.
fn is_nice(n: &Number, system: UnitSystem) -> bool {
    match system {
        UnitSystem::Us => matches!(n.denom(), 1 | 2 | 3 | 4 | 8),
        UnitSystem::Metric => 100 % n.denom() == 0,
    }
}

/// The friendliest way to show `amount` of `unit` to a cook using `system`: the largest display
/// unit of that system and of the same dimension in which the amount is a nice number (halves,
/// thirds, quarters, eighths in US units; at most two decimals in metric ones) and at least the
/// unit's `display_min`. 1000 ml → 1 l, 1500 g → 1 1/2 kg,
/// 3 tsp → 1 tbsp, 16 tbsp → 1 cup, 750 ml stays 750 ml, 1 cup in metric stays 1 cup (236.58…
/// ml is not nice). Count and unknown units, and amounts with no nice form, come back unchanged.
pub fn friendly(amount: &Amount, unit: &str, system: UnitSystem) -> (Amount, String) {
    let units = Units::get();
    let unchanged = (*amount, units.lookup(unit).map_or_else(|| unit.to_string(), |u| u.symbol.clone()));
    let Some(from) = units.by_symbol(unit).or_else(|| units.lookup(unit)) else { return unchanged };
    let zero = match amount {
        Amount::Exact { value } => value.is_zero(),
        Amount::Range { min, .. } => min.is_zero(),
    };
    if from.factor.is_none() || zero {
        return unchanged;
    }
    let mut best: Option<(Number, &Unit, Amount)> = None;
    for to in units.units.iter().filter(|u| u.display && u.kind == from.kind && u.system == Some(system)) {
        let conv = |n: &Number| units.convert(*n, &from.symbol, &to.symbol).filter(|v| is_nice(v, system));
        let (converted, smallest) = match amount {
            Amount::Exact { value } => match conv(value) {
                Some(v) => (Amount::exact(v), v),
                None => continue,
            },
            Amount::Range { min, max } => match (conv(min), conv(max)) {
                (Some(a), Some(b)) => (Amount::between(a, b), a.min(b)),
                _ => continue,
            },
        };
        let Some(factor) = to.factor else { continue };
        if smallest < to.display_min {
            continue;
        }
        if best.as_ref().is_none_or(|(f, _, _)| factor > *f) {
            best = Some((factor, to, converted));
        }
    }
    match best {
        Some((_, to, converted)) => (converted, to.symbol.clone()),
        None => unchanged,
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
        let bad = "[[unit]]\nsymbol='g'\nkind='mass'\nbase='1'\n[[unit]]\nsymbol='G2'\nkind='mass'\nbase='2'\naliases=['g']\n";
        assert!(Units::from_toml(bad).unwrap_err().contains("two units"));
    }

    #[test]
    fn a_float_or_inexact_base_is_rejected() {
        let float = "[[unit]]\nsymbol='g'\nkind='mass'\nbase=1.0\n";
        assert!(Units::from_toml(float).is_err());
        let long = "[[unit]]\nsymbol='g'\nkind='mass'\nbase='0.1234567890123456'\n";
        assert!(Units::from_toml(long).unwrap_err().contains("exact"));
        let display = "[[unit]]\nsymbol='x'\nkind='count'\ndisplay=true\n";
        assert!(Units::from_toml(display).is_err());
    }

    fn n(s: &str) -> Number {
        Number::parse(s).unwrap()
    }

    #[test]
    fn conversions_are_exact_within_a_dimension() {
        let u = Units::get();
        assert_eq!(u.convert(n("1"), "cup", "tbsp"), Some(n("16")));
        assert_eq!(u.convert(n("1"), "cup", "tsp"), Some(n("48")));
        assert_eq!(u.convert(n("2"), "tbsp", "cup"), Some(n("1/8")));
        assert_eq!(u.convert(n("1"), "lb", "oz"), Some(n("16")));
        assert_eq!(u.convert(n("1"), "gal", "cup"), Some(n("16")));
        assert_eq!(u.convert(n("1"), "qt", "pt"), Some(n("2")));
        assert_eq!(u.convert(n("1"), "fl oz", "tbsp"), Some(n("2")));
        assert_eq!(u.convert(n("16"), "pinch", "tsp"), Some(n("1")));
        assert_eq!(u.convert(n("8"), "dash", "tsp"), Some(n("1")));
        assert_eq!(u.convert(n("1 1/2"), "kg", "g"), Some(n("1500")));
        assert_eq!(u.convert(n("1"), "inch", "mm"), Some(n("25.4")));
        // Spellings work as well as symbols; exact: 1 cup = 236.5882365 ml.
        assert_eq!(u.convert(n("1"), "cups", "millilitres"), Some(Number::parse_exact("236.5882365").unwrap()));
        assert_eq!(u.convert(n("3"), "cans", "can"), Some(n("3")));
        // Across dimensions, to or from count units, or unknown words: none.
        assert_eq!(u.convert(n("1"), "cup", "g"), None);
        assert_eq!(u.convert(n("1"), "can", "g"), None);
        assert_eq!(u.convert(n("1"), "can", "jar"), None);
        assert_eq!(u.convert(n("1"), "smidgen", "g"), None);
    }

    #[test]
    fn conversions_overflow_to_none_never_panic() {
        let u = Units::get();
        let big = Number::integer(crate::quantity::MAX_NUMBER).unwrap();
        assert_eq!(u.convert(big, "gal", "pinch"), None);
        assert_eq!(u.convert(big, "kg", "g"), None);
        let odd = Number::new(999_999_937, 999_999_929).unwrap();
        for a in ["tsp", "cup", "fl oz", "pinch", "qt", "l"] {
            for b in ["tsp", "cup", "fl oz", "pinch", "qt", "l"] {
                let _ = u.convert(odd, a, b);
                let _ = u.convert(big, a, b);
            }
        }
    }

    fn friendly_str(amount: &str, unit: &str, system: UnitSystem) -> String {
        let a = match amount.split_once('-') {
            Some((x, y)) => Amount::between(n(x), n(y)),
            None => Amount::exact(n(amount)),
        };
        let (a, u) = friendly(&a, unit, system);
        format!("{a} {u}")
    }

    #[test]
    fn friendly_units_read_like_a_cook_writes() {
        use UnitSystem::{Metric, Us};
        for (amount, unit, system, want) in [
            ("1000", "ml", Metric, "1 l"),
            ("1500", "g", Metric, "1 1/2 kg"),
            ("1250", "g", Metric, "1 1/4 kg"),
            ("1234", "g", Metric, "1234 g"),
            ("750", "ml", Metric, "750 ml"),
            ("3/4", "l", Metric, "750 ml"),
            ("2", "kg", Metric, "2 kg"),
            ("500", "g", Metric, "500 g"),
            ("3", "tsp", Us, "1 tbsp"),
            ("6", "tsp", Us, "2 tbsp"),
            ("16", "tbsp", Us, "1 cup"),
            ("4", "tbsp", Us, "1/4 cup"),
            ("2", "tbsp", Us, "2 tbsp"),
            ("1/3", "tsp", Us, "1/3 tsp"),
            ("1/2", "tbsp", Us, "1 1/2 tsp"),
            ("17", "tbsp", Us, "17 tbsp"),
            ("24", "tbsp", Us, "1 1/2 cup"),
            ("16", "oz", Us, "1 lb"),
            ("12", "oz", Us, "12 oz"),
            ("1", "tsp", Us, "1 tsp"),
            ("2", "pt", Us, "4 cup"),
            // Across systems only when the number stays nice: 1 cup is 236.58… ml.
            ("1", "cup", Metric, "1 cup"),
            ("100", "g", Us, "100 g"),
            // Ranges convert only when both ends are nice.
            ("3-6", "tsp", Us, "1-2 tbsp"),
            ("500-1500", "g", Metric, "500-1500 g"),
            ("1000-1500", "g", Metric, "1-1 1/2 kg"),
            // Counts, unknown words and zero stay as they are.
            ("3", "clove", Us, "3 clove"),
            ("2", "smidgen", Metric, "2 smidgen"),
            ("0", "ml", Metric, "0 ml"),
            ("2", "tablespoons", Us, "2 tbsp"),
        ] {
            assert_eq!(friendly_str(amount, unit, system), want, "{amount} {unit} in {system:?}");
        }
    }

    #[test]
    fn flags_and_durations_come_from_the_table() {
        let u = Units::get();
        for (w, trailing, container) in [
            ("cloves", true, false),
            ("sprig", true, false),
            ("rib", true, false),
            ("tin", false, true),
            ("jar", false, true),
            ("cup", false, false),
            ("stick", false, false),
        ] {
            let unit = u.lookup(w).unwrap();
            assert_eq!((unit.trailing(), unit.container()), (trailing, container), "{w}");
        }
        assert_eq!(u.duration_minutes("hours"), Some(n("60")));
        assert_eq!(u.duration_minutes("Wk."), Some(n("10080")));
        assert_eq!(u.duration_minutes("s"), Number::new(1, 60));
        assert_eq!(u.duration_minutes("fortnight"), None);
        assert!(u.lookup("hours").is_none(), "durations are not ingredient units");
        assert_eq!(u.lookup("pkt").map(|u| u.symbol.as_str()), Some("packet"));
        assert_eq!(u.lookup("bulb").map(|u| u.symbol.as_str()), Some("head"));
        assert_eq!(u.lookup("in").map(|u| u.kind), Some(UnitKind::Length));
        assert!(u.spellings("tbsp").contains(&"tablespoons".to_string()));
    }
}
