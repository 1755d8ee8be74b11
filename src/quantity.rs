//! Exact quantities: numbers are rationals so that 1/3 cup scaled ×3 is exactly 1 cup.

use num_integer::Integer;
use num_rational::Ratio;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// An exact, non-negative number such as `3/2`.
/// Serialized as its ASCII form (`"1 1/2"`) so JSON keeps it exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ts_rs::TS)]
#[ts(export, type = "string", rename = "Fraction")]
pub struct Number(Ratio<i64>);

/// Numbers larger than this are not treated as quantities (keeps arithmetic far from overflow).
pub const MAX_NUMBER: i64 = 1_000_000_000;

impl Number {
    pub fn new(numer: i64, denom: i64) -> Option<Self> {
        if denom == 0 || numer < 0 || denom < 0 {
            return None;
        }
        let r = Ratio::new(numer, denom);
        (r.to_integer() <= MAX_NUMBER).then_some(Number(r))
    }
    pub fn integer(n: i64) -> Option<Self> {
        Self::new(n, 1)
    }
    pub fn numer(&self) -> i64 {
        *self.0.numer()
    }
    pub fn denom(&self) -> i64 {
        *self.0.denom()
    }
    pub fn is_zero(&self) -> bool {
        self.numer() == 0
    }
    pub fn to_f64(&self) -> f64 {
        self.numer() as f64 / self.denom() as f64
    }
    /// Sum, or `None` on overflow.
    pub fn checked_add(&self, other: &Number) -> Option<Number> {
        let (a, b) = (self.0, other.0);
        // lcm computed with a checked multiply: `Integer::lcm` overflows on large coprime denominators.
        let l = (a.denom() / a.denom().gcd(b.denom())).checked_mul(*b.denom())?;
        let n = a.numer().checked_mul(l / a.denom())?.checked_add(b.numer().checked_mul(l / b.denom())?)?;
        Number::new(n, l)
    }
    /// `self - other` when it is not negative, else zero; `None` on overflow. (Quantities are
    /// never negative: what the pantry has beyond a need is not "minus" anything.)
    pub fn saturating_sub(&self, other: &Number) -> Option<Number> {
        if self <= other {
            return Number::integer(0);
        }
        let (a, b) = (self.0, other.0);
        let l = (a.denom() / a.denom().gcd(b.denom())).checked_mul(*b.denom())?;
        let n = a.numer().checked_mul(l / a.denom())?.checked_sub(b.numer().checked_mul(l / b.denom())?)?;
        Number::new(n, l)
    }
    /// Product, or `None` on overflow.
    pub fn checked_mul(&self, other: &Number) -> Option<Number> {
        let (a, b) = (self.0, other.0);
        // Cross-reduce first so that e.g. 1/3 × 3 never leaves the small range.
        let g1 = a.numer().gcd(b.denom()).max(1);
        let g2 = b.numer().gcd(a.denom()).max(1);
        let n = (a.numer() / g1).checked_mul(b.numer() / g2)?;
        let d = (a.denom() / g2).checked_mul(b.denom() / g1)?;
        Number::new(n, d)
    }
    /// Quotient, or `None` on overflow or division by zero.
    pub fn checked_div(&self, other: &Number) -> Option<Number> {
        if other.is_zero() {
            return None;
        }
        self.checked_mul(&Number::new(other.denom(), other.numer())?)
    }
    /// Parses an exact table value: a decimal with up to 15 fractional digits (`236.5882365`) or a
    /// fraction (`1/60`). For data files; user text goes through [`Number::parse`].
    pub fn parse_exact(s: &str) -> Option<Number> {
        let s = s.trim();
        if s.contains('/') {
            return Self::parse_simple(s);
        }
        let (i, f) = s.split_once('.').unwrap_or((s, ""));
        if f.len() > 15 || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let i = if i.is_empty() { 0 } else { parse_digits(i)? };
        let scale = 10i64.pow(f.len() as u32);
        let f: i64 = if f.is_empty() { 0 } else { f.parse().ok()? };
        Number::new(i.checked_mul(scale)?.checked_add(f)?, scale)
    }
    /// Parses `2`, `1.5`, `.5`, `1/2`, `1 1/2` (mixed number). Unicode fractions are handled by
    /// the ingredient parser, which rewrites them to this form first.
    pub fn parse(s: &str) -> Option<Number> {
        let s = s.trim();
        if let Some((whole, frac)) = s.split_once(' ') {
            let w = Self::parse_simple(whole.trim())?;
            let f = Self::parse_simple(frac.trim())?;
            if f.denom() == 1 || w.denom() != 1 {
                return None;
            }
            return w.checked_add(&f);
        }
        Self::parse_simple(s)
    }
    fn parse_simple(s: &str) -> Option<Number> {
        if let Some((n, d)) = s.split_once('/') {
            let n = parse_digits(n)?;
            let d = parse_digits(d)?;
            return Number::new(n, d);
        }
        if let Some((i, f)) = s.split_once('.') {
            if f.is_empty() || f.len() > 6 || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let i = if i.is_empty() { 0 } else { parse_digits(i)? };
            let scale = 10i64.pow(f.len() as u32);
            let f: i64 = f.parse().ok()?;
            return Number::new(i.checked_mul(scale)?.checked_add(f)?, scale);
        }
        Number::new(parse_digits(s)?, 1)
    }

    /// ASCII form that [`Number::parse`] reads back: `2`, `1/3`, `1 1/2`.
    pub fn ascii(&self) -> String {
        self.to_string()
    }

    /// Display form with vulgar-fraction glyphs where one exists: `1½`, `⅓`, else `2 3/7`.
    pub fn pretty(&self) -> String {
        let (n, d) = (self.numer(), self.denom());
        if d == 1 {
            return n.to_string();
        }
        let whole = n / d;
        let rem = n % d;
        let glyph = match (rem, d) {
            (1, 2) => Some("½"),
            (1, 3) => Some("⅓"),
            (2, 3) => Some("⅔"),
            (1, 4) => Some("¼"),
            (3, 4) => Some("¾"),
            (1, 5) => Some("⅕"),
            (2, 5) => Some("⅖"),
            (3, 5) => Some("⅗"),
            (4, 5) => Some("⅘"),
            (1, 6) => Some("⅙"),
            (5, 6) => Some("⅚"),
            (1, 8) => Some("⅛"),
            (3, 8) => Some("⅜"),
            (5, 8) => Some("⅝"),
            (7, 8) => Some("⅞"),
            _ => None,
        };
        match (whole, glyph) {
            (0, Some(g)) => g.to_string(),
            (w, Some(g)) => format!("{w}{g}"),
            _ => self.to_string(),
        }
    }
}

fn parse_digits(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Maps a vulgar-fraction character to its ASCII fraction.
pub fn vulgar_fraction(c: char) -> Option<&'static str> {
    Some(match c {
        '½' => "1/2",
        '⅓' => "1/3",
        '⅔' => "2/3",
        '¼' => "1/4",
        '¾' => "3/4",
        '⅕' => "1/5",
        '⅖' => "2/5",
        '⅗' => "3/5",
        '⅘' => "4/5",
        '⅙' => "1/6",
        '⅚' => "5/6",
        '⅐' => "1/7",
        '⅛' => "1/8",
        '⅜' => "3/8",
        '⅝' => "5/8",
        '⅞' => "7/8",
        '⅑' => "1/9",
        '⅒' => "1/10",
        _ => return None,
    })
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (n, d) = (self.numer(), self.denom());
        if d == 1 {
            write!(f, "{n}")
        } else if n > d {
            write!(f, "{} {}/{}", n / d, n % d, d)
        } else {
            write!(f, "{n}/{d}")
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.ascii())
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Number::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a number: {s:?}")))
    }
}

/// How much of something: one exact number or a range such as `1-2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(untagged)]
#[ts(export)]
pub enum Amount {
    Exact { value: Number },
    Range { min: Number, max: Number },
}

impl Amount {
    pub fn exact(n: Number) -> Self {
        Amount::Exact { value: n }
    }
    /// `min`–`max` in either order; one number when they are equal.
    pub fn between(a: Number, b: Number) -> Amount {
        match a.cmp(&b) {
            std::cmp::Ordering::Equal => Amount::exact(a),
            std::cmp::Ordering::Less => Amount::Range { min: a, max: b },
            std::cmp::Ordering::Greater => Amount::Range { min: b, max: a },
        }
    }

    /// The amount used for arithmetic: the value, or a range's midpoint.
    pub fn typical(&self) -> f64 {
        match self {
            Amount::Exact { value } => value.to_f64(),
            Amount::Range { min, max } => (min.to_f64() + max.to_f64()) / 2.0,
        }
    }
    /// Scales by an exact factor; `None` on overflow.
    pub fn scaled(&self, factor: &Number) -> Option<Amount> {
        Some(match self {
            Amount::Exact { value } => Amount::Exact { value: value.checked_mul(factor)? },
            Amount::Range { min, max } => Amount::Range { min: min.checked_mul(factor)?, max: max.checked_mul(factor)? },
        })
    }
    pub fn pretty(&self) -> String {
        match self {
            Amount::Exact { value } => value.pretty(),
            Amount::Range { min, max } => format!("{}–{}", min.pretty(), max.pretty()),
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Exact { value } => write!(f, "{value}"),
            Amount::Range { min, max } => write!(f, "{min}-{max}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Number {
        Number::parse(s).unwrap()
    }

    #[test]
    fn parses_the_usual_forms() {
        assert_eq!(n("2"), Number::new(2, 1).unwrap());
        assert_eq!(n("1.5"), Number::new(3, 2).unwrap());
        assert_eq!(n(".25"), Number::new(1, 4).unwrap());
        assert_eq!(n("1/3"), Number::new(1, 3).unwrap());
        assert_eq!(n("1 1/2"), Number::new(3, 2).unwrap());
        assert_eq!(Number::parse("1/0"), None);
        assert_eq!(Number::parse("abc"), None);
        assert_eq!(Number::parse("1.2.3"), None);
        assert_eq!(Number::parse("99999999999999999999"), None);
    }

    #[test]
    fn thirds_stay_exact_when_scaled() {
        let third = n("1/3");
        assert_eq!(third.checked_mul(&n("3")).unwrap(), n("1"));
        assert_eq!(third.checked_add(&third).unwrap().to_string(), "2/3");
    }

    #[test]
    fn display_round_trips_and_pretty_uses_glyphs() {
        for s in ["2", "1/3", "1 1/2", "7 3/8", "2/9"] {
            assert_eq!(n(s).to_string(), s);
        }
        assert_eq!(n("1 1/2").pretty(), "1½");
        assert_eq!(n("2/3").pretty(), "⅔");
        assert_eq!(n("2/7").pretty(), "2/7");
    }

    #[test]
    fn adding_fractions_with_huge_denominators_is_none_not_a_panic() {
        let a = Number::new(1, 4_294_967_291).unwrap();
        let b = Number::new(1, 4_294_967_279).unwrap();
        assert_eq!(a.checked_add(&b), None);
    }

    #[test]
    fn exact_table_values_and_division() {
        let cup = Number::parse_exact("236.5882365").unwrap();
        let tsp = Number::parse_exact("4.92892159375").unwrap();
        assert_eq!(cup.checked_div(&tsp), Number::integer(48));
        assert_eq!(Number::parse_exact("1/60"), Number::new(1, 60));
        assert_eq!(Number::parse_exact("1000"), Number::integer(1000));
        assert_eq!(Number::parse_exact("0.1234567890123456"), None);
        assert_eq!(n("1").checked_div(&n("0")), None);
    }

    #[test]
    fn scaling_overflow_is_none_not_a_panic() {
        let big = Number::new(MAX_NUMBER, 1).unwrap();
        assert_eq!(big.checked_mul(&big), None);
        let a = Amount::exact(big);
        assert!(a.scaled(&n("2")).is_none());
    }
}
