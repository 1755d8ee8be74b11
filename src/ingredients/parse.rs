//! Free-text ingredient lines → [`IngredientLine`].
//!
//! Hand-rolled on purpose: the crates that parse ingredient lines are either NLP models that need
//! downloads at run time or unmaintained grammars without ranges, glued units or parentheticals.
//! This parser is a small, total function: it never fails, keeps every word it does not understand
//! (an unknown unit stays in the name or unit as written) and runs in well under a microsecond.
//!
//! Amounts it reads: digits, fractions and decimal commas (`1,5 kg`; `1,000 g` is a thousand);
//! number words (`two`, `one and a half`, `half a`, `a dozen`, `a couple of`, `three-quarters`);
//! ranges (`1-2 cups`, `78g to 104g`); sums into the first unit, exactly (`1/2 cup + 2 tbsp` =
//! 5/8 cup); approximations (`about`, `~`: "about" goes to the note); a second measure
//! (`2 cups/240 g`, `1 cup (240 ml)`: [`IngredientLine::alt`]); sizes of pieces (`1-inch piece`,
//! `thumb-sized`); pack sizes (`1 (14 oz) can`, `1 can (14 oz)`: [`IngredientLine::pack`]).
//!
//! Multipliers, for a shopping list: with a count unit after the size, the line counts packs and
//! keeps the size as `pack` ("2 x 400g cans" = 2 can, pack 400 g: the matcher still sees a can,
//! and [`IngredientLine::pack_total`] gives 800 g); without one, the quantity is the exact product
//! ("2 x 200 g salmon fillets" = 400 g, pack 200 g). Either way the written size stays in the note.

use super::{IngredientLine, Measure};
use crate::quantity::{vulgar_fraction, Amount, Number};
use crate::units::{Unit, UnitKind, Units};

/// Words that describe preparation or size, moved from the front of a name into the note.
const DESCRIPTORS: &[&str] = &[
    "chopped",
    "finely",
    "roughly",
    "coarsely",
    "thinly",
    "diced",
    "minced",
    "sliced",
    "grated",
    "shredded",
    "crushed",
    "peeled",
    "cubed",
    "halved",
    "quartered",
    "mashed",
    "melted",
    "softened",
    "toasted",
    "rinsed",
    "drained",
    "trimmed",
    "fresh",
    "freshly",
    "large",
    "medium",
    "small",
    "ripe",
    "heaped",
    "heaping",
    "level",
    "packed",
    "loosely",
    "firmly",
    "lightly",
    "scant",
    "generous",
    "rounded",
    "organic",
    "good",
    "quality",
    "good-quality",
    "and",
    "boneless",
    "skinless",
    "pitted",
    "seedless",
    "deseeded",
    "cored",
];

/// Size words that may stand between a number and its unit: `2 heaped tbsp`. Words ending in
/// "-sized"/"-size" (`thumb-sized`) count too.
const SIZES: &[&str] = &["small", "medium", "large", "heaped", "heaping", "level", "scant", "generous", "rounded", "big"];

/// Words before an amount that make it approximate: `about 2 cups`, `~250 ml`. The line's note
/// says "about".
pub const APPROXIMATE: &[&str] = &["about", "approx", "approx.", "approximately", "roughly", "around", "circa", "ca.", "~"];

/// Cardinal number words: `two eggs`, `one 14-oz can`.
const CARDINALS: &[(&str, i64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
];

/// Fraction words and their denominators: `half a lemon`, `three-quarters cup`.
const FRACTIONS: &[(&str, i64)] = &[
    ("half", 2),
    ("halves", 2),
    ("third", 3),
    ("thirds", 3),
    ("quarter", 4),
    ("quarters", 4),
    ("fourth", 4),
    ("fourths", 4),
    ("eighth", 8),
    ("eighths", 8),
];

/// Words the parser reads as part of an amount and does not keep in the name or note (besides
/// [`APPROXIMATE`], which leave "about" in the note): number words, "dozen", "couple",
/// articles and connectors. The no-dropped-word property test uses this list.
pub const AMOUNT_WORDS: &[&str] = &["a", "an", "of", "and", "to", "or", "x", "plus", "dozen", "couple", "optional"];

/// Whether `word` (lowercase) is a number word the parser turns into digits.
pub fn is_number_word(word: &str) -> bool {
    CARDINALS.iter().any(|(w, _)| *w == word) || FRACTIONS.iter().any(|(w, _)| *w == word)
}

/// Parses one ingredient line. Total: any input gives a line; nothing is dropped.
pub fn parse_line(input: &str) -> IngredientLine {
    let text = normalize(input);
    let mut notes: Vec<String> = Vec::new();
    let (text, optional) = take_optional(&text);
    let mut rest: &str = text.trim();

    // "juice of 1 lemon", "zest and juice of 2 limes": the food is the fruit; the part is a note.
    for part in ["juice and zest", "zest and juice", "juice", "zest"] {
        if let Some(after) = strip_prefix_ci(rest, part).and_then(|r| strip_prefix_ci(r, " of ")) {
            notes.push(part.to_string());
            rest = after;
            break;
        }
    }

    // "about 2 cups", "~250 ml", "roughly 1 kg": the amount as stated, "about" in the note.
    if let Some((w, after)) = split_word(rest) {
        if is_one_of(w, APPROXIMATE) && starts_amount(after) {
            notes.push("about".to_string());
            rest = after;
        }
    }

    // "two eggs", "one and a half cups", "half a lemon", "a dozen eggs": digits from here on.
    let spelled;
    if let Some(s) = number_words(rest) {
        spelled = s;
        rest = &spelled;
    }

    let mut m = Measured::default();

    // "a pinch of salt", "an 8 oz can of tomatoes", "a 2-inch piece of ginger", "pinch of salt"
    if let Some((article, after)) = split_word(rest) {
        let one = Number::integer(1).map(Amount::exact);
        if article.eq_ignore_ascii_case("a") || article.eq_ignore_ascii_case("an") {
            if let Some(one) = one {
                // Kept only when a unit follows: "a pinch of", "a 2-inch piece".
                let (mut tried, mut tried_notes) = (Measured::default(), Vec::new());
                if let Some(after_count) = measure_after_count(one, None, after, after, true, &mut tried, &mut tried_notes) {
                    rest = after_count;
                    m = tried;
                    notes.append(&mut tried_notes);
                }
            }
        } else if take_unit(rest).is_some_and(|(_, r)| starts_with_of(r)) {
            // "pinch of salt"
            if let (Some(one), Some((u, after_unit))) = (one, take_unit(rest)) {
                m.quantity = Some(one);
                m.unit = Some(u);
                rest = skip_of(after_unit);
            }
        }
    }

    if m.quantity.is_none() {
        if let Some((q, glued, after)) = take_amount(rest) {
            rest = measure_after_count(q, glued, rest, after, false, &mut m, &mut notes).unwrap_or(after);
        }
    }

    let (mut name, mut tail_notes) = split_name(rest);
    // "4 garlic cloves": a count unit written after the food.
    if m.unit.is_none() && m.quantity.is_some() {
        if let Some((food, last)) = name.rsplit_once(' ') {
            if let Some(u) = Units::get().lookup(last).filter(|u| u.trailing()) {
                m.unit = Some(u.symbol.clone());
                name = food.to_string();
            }
        }
    }
    let (name, descr) = strip_descriptors(&name);
    let leading_prep = (!descr.is_empty()).then(|| descr.join(" "));
    notes.extend(leading_prep.clone());
    notes.append(&mut tail_notes);
    notes.retain(|n| !n.is_empty());

    IngredientLine {
        input: input.to_string(),
        quantity: m.quantity,
        unit: m.unit,
        name,
        note: (!notes.is_empty()).then(|| notes.join(", ")),
        optional,
        leading_prep,
        alt: m.alt,
        pack: m.pack,
    }
}

/// What the amount part of a line says.
#[derive(Default)]
struct Measured {
    quantity: Option<Amount>,
    unit: Option<String>,
    alt: Option<Measure>,
    pack: Option<Measure>,
}

/// Whether `s` starts with something that reads as an amount (for "about", "~").
fn starts_amount(s: &str) -> bool {
    split_word(s).is_some_and(|(w, _)| {
        let lower = w.to_ascii_lowercase();
        w.starts_with(|c: char| c.is_ascii_digit() || c == '.')
            || is_number_word(lower.split('-').next().unwrap_or(""))
            || lower == "a"
            || lower == "an"
    })
}

/// The text `s` had before `rest` (a suffix of it), trimmed: the words as the cook wrote them.
fn consumed<'a>(s: &'a str, rest: &str) -> &'a str {
    s[..s.len().saturating_sub(rest.len())].trim()
}

/// Whether the unit measures something a shopping list can sum (mass or volume).
fn is_amount_unit(u: &Unit) -> bool {
    matches!(u.kind, UnitKind::Mass | UnitKind::Volume)
}

/// Reads what follows a count `q` (with letters `glued` to it, "250g"; `from` is the text from
/// the count on, `s` the text after it): sizes, pack sizes,
/// multipliers, the unit, a range or sum in units, and a second measure. Fills `m` and returns
/// the rest, or `None` when `implicit` (a count of one from "a"/"an") finds no unit.
fn measure_after_count<'a>(
    q: Amount,
    glued: Option<&'a str>,
    from: &'a str,
    s: &'a str,
    implicit: bool,
    m: &mut Measured,
    notes: &mut Vec<String>,
) -> Option<&'a str> {
    let units = Units::get();
    let mut rest = s;
    let mut quantity = q;
    let mut unit: Option<&'static Unit> = None;
    let mut unknown_unit: Option<String> = None;

    // "400g tin", "1-inch piece", "2.5 cm piece": the number was the size of one piece.
    // The word after the count, looked up once (this runs on every line).
    let first_at = if glued.is_none() { unit_at(s) } else { None };
    let own_unit = match glued {
        Some(g) => units.lookup(g).map(|u| (u, s)),
        None if !implicit => first_at,
        None => None,
    };
    if let Some((u, after_u)) = own_unit.filter(|(u, _)| u.kind == UnitKind::Length || is_amount_unit(u)) {
        if let Some((count_unit, after)) = count_unit_at(after_u) {
            set_size(Measure { quantity: q, unit: Some(u.symbol.clone()) }, u, consumed(from, after_u), m, notes);
            quantity = Amount::exact(Number::integer(1)?);
            unit = Some(count_unit);
            rest = after;
        }
    }
    if unit.is_none() {
        match glued.map(|g| (g, units.lookup(g))) {
            // "2cm": a length alone is no unit of the line; kept as written.
            Some((g, Some(u))) if u.kind == UnitKind::Length => unknown_unit = Some(g.to_string()),
            Some((_, Some(u))) => unit = Some(u),
            // "3pk": letters glued to a number are its unit, known or not.
            Some((g, None)) => unknown_unit = Some(g.to_string()),
            None => {}
        }
    }

    if unit.is_none() && unknown_unit.is_none() {
        // "2 x 400g cans", "3 × 15 ml spoons"
        if let (Amount::Exact { value: count }, Some(("x" | "X" | "×", after_x))) = (quantity, split_word(rest)) {
            if let Some((size, size_unit, after)) = take_measure(after_x).filter(|(_, u, _)| is_amount_unit(u)) {
                let written = consumed(after_x, after).to_string();
                let pack = Measure { quantity: size, unit: Some(size_unit.symbol.clone()) };
                if let Some((count_unit, after_unit)) = count_unit_at(after) {
                    // Countable packs: 2 cans, each 400 g.
                    m.pack = Some(pack);
                    notes.push(written);
                    unit = Some(count_unit);
                    rest = after_unit;
                } else if let Some(total) = size.scaled(&count) {
                    // No pack word: the exact product, 2 x 200 g = 400 g.
                    m.pack = Some(pack);
                    notes.push(format!("{} x {}", count, consumed(after_x, after)));
                    quantity = total;
                    unit = Some(size_unit);
                    rest = after;
                }
            }
        }
    }

    // "3 x large eggs": a count written with "x" and no size.
    if unit.is_none() && unknown_unit.is_none() && m.pack.is_none() {
        if let Some(("x" | "X" | "×", after_x)) = split_word(rest) {
            if !after_x.is_empty() {
                rest = after_x;
            }
        }
    }

    if unit.is_none() && unknown_unit.is_none() {
        // "1 (14 oz) can", "2 (15-ounce) cans": a measure in parentheses before a count unit.
        if let Some((inner, after)) = paren_group(rest) {
            if let Some((size, size_unit, "")) = take_measure(inner) {
                if let Some((count_unit, after_unit)) = count_unit_at(after) {
                    set_size(Measure { quantity: size, unit: Some(size_unit.symbol.clone()) }, size_unit, inner.trim(), m, notes);
                    unit = Some(count_unit);
                    rest = after_unit;
                }
            }
        }
        rest = take_parentheticals(rest, notes);
    }

    if unit.is_none() && unknown_unit.is_none() {
        // "2 1-inch pieces", "1 14-oz can", "2.5 cm piece", "1 thumb-sized piece", "2 heaped tbsp"
        if let Some((size, size_unit, after)) = take_measure(rest) {
            if let Some((count_unit, after_unit)) =
                count_unit_at(after).filter(|_| is_amount_unit(size_unit) || size_unit.kind == UnitKind::Length)
            {
                set_size(Measure { quantity: size, unit: Some(size_unit.symbol.clone()) }, size_unit, consumed(rest, after), m, notes);
                unit = Some(count_unit);
                rest = after_unit;
            }
        } else if let Some((w, after_size)) = split_word(rest) {
            let lower = w.to_ascii_lowercase();
            let sized = lower.ends_with("-sized") || lower.ends_with("-size");
            if (sized || is_one_of(w, SIZES)) && take_unit(after_size).is_some() {
                notes.push(lower);
                rest = after_size;
            }
        }
    }

    if unit.is_none() && unknown_unit.is_none() {
        let at = if rest.len() == s.len() { first_at } else { unit_at(rest) };
        if let Some((u, after_unit)) = at.filter(|(u, _)| u.kind != UnitKind::Length) {
            if implicit && !starts_with_of(after_unit) {
                // "a cup" without "of": not read as an amount ("a can of" is).
                return None;
            }
            unit = Some(u);
            rest = after_unit;
        } else if let Some((w, after_w)) = split_word(rest) {
            // "2 smidgens of ginger": an unknown unit is recognised by the "of" after it.
            if starts_with_of(after_w) && w.chars().all(char::is_alphabetic) && !implicit {
                unknown_unit = Some(w.to_string());
                rest = after_w;
            }
        }
    }
    if implicit && unit.is_none() {
        return None;
    }

    if let Some(u) = unit.filter(|u| u.factor().is_some()) {
        // "78g to 104g", "2 tbsp - 3 tbsp": a range with the unit on both ends.
        if let (Amount::Exact { value: min }, Some((sep, after_sep))) = (quantity, split_word(rest)) {
            if sep == "-" || sep.eq_ignore_ascii_case("to") || sep.eq_ignore_ascii_case("or") {
                if let Some((Amount::Exact { value: max }, u2, after)) = take_measure(after_sep) {
                    if u2.symbol == u.symbol {
                        quantity = Amount::between(min, max);
                        rest = after;
                    }
                }
            }
        }
        // "1/2 cup + 2 tbsp", "1 cup plus 2 tablespoons": one exact amount in the first unit.
        while let (Amount::Exact { value }, Some((op, after_op))) = (quantity, split_word(rest)) {
            if !(op == "+" || op.eq_ignore_ascii_case("plus") || op.eq_ignore_ascii_case("and")) {
                break;
            }
            let Some((Amount::Exact { value: more }, u2, after)) = take_measure(after_op) else { break };
            let Some(sum) = units.convert(more, &u2.symbol, &u.symbol).and_then(|v| value.checked_add(&v)) else { break };
            notes.push(consumed(rest, after).to_string());
            quantity = Amount::exact(sum);
            rest = after;
        }
        // "2 cups/240 g flour", "100g/3.5oz", "1 cup (240 ml) milk", "200 g (about 7 oz)"
        if let Some(("/", after_slash)) = split_word(rest) {
            if let Some((a, u2, after)) = take_measure(after_slash) {
                m.alt = Some(Measure { quantity: a, unit: Some(u2.symbol.clone()) });
                notes.push(consumed(after_slash, after).to_string());
                rest = after;
            }
        } else if let Some((inner, _)) = paren_group(rest) {
            let measured = split_word(inner).filter(|(w, _)| is_one_of(w, APPROXIMATE)).map_or(inner, |(_, r)| r);
            if let Some((a, u2, "")) = take_measure(measured) {
                m.alt = Some(Measure { quantity: a, unit: Some(u2.symbol.clone()) });
            }
        }
    }

    // "1 can (14 oz) tomatoes", "2 cans (400g each)": the pack size after the count unit.
    if unit.is_some_and(|u| u.kind == UnitKind::Count) && m.pack.is_none() {
        if let Some((inner, _)) = paren_group(rest) {
            let inner = inner.trim();
            let inner = inner.strip_suffix(" each").unwrap_or(inner);
            if let Some((size, size_unit, "")) = take_measure(inner).filter(|(_, su, _)| is_amount_unit(su)) {
                m.pack = Some(Measure { quantity: size, unit: Some(size_unit.symbol.clone()) });
            }
        }
    }

    m.quantity = Some(quantity);
    m.unit = unit.map(|u| u.symbol.clone()).or(unknown_unit);
    if m.unit.is_some() {
        rest = skip_of(rest);
    }
    Some(take_parentheticals(rest, notes))
}

/// Records the size of one piece or pack: mass and volume sizes become `pack`; all stay in the
/// note as written ("14 oz", "1-inch").
fn set_size(size: Measure, unit: &Unit, written: &str, m: &mut Measured, notes: &mut Vec<String>) {
    if is_amount_unit(unit) {
        m.pack = Some(size);
    }
    notes.push(written.to_string());
}

/// A count unit (can, piece, tin) at the start of `s`.
fn count_unit_at(s: &str) -> Option<(&'static Unit, &str)> {
    unit_at(s).filter(|(u, _)| u.kind == UnitKind::Count)
}

/// `(…)` at the start of `s`: its inside and what follows.
fn paren_group(s: &str) -> Option<(&str, &str)> {
    let t = s.trim_start().strip_prefix('(')?;
    let close = t.find(')')?;
    Some((&t[..close], t[close + 1..].trim_start()))
}

/// An amount with a known unit (glued or not; lengths too): `400g`, `15-ounce`, `2.5 cm`.
fn take_measure(s: &str) -> Option<(Amount, &'static Unit, &str)> {
    let (a, glued, rest) = take_amount(s)?;
    match glued {
        Some(g) => Some((a, Units::get().lookup(g)?, rest)),
        None => {
            let (u, rest) = unit_at(rest)?;
            Some((a, u, rest))
        }
    }
}

/// Rewrites number words at the start of `s` into digits: "two to three cloves" → "2 to 3
/// cloves", "one and a half cups" → "1 1/2 cups", "half a lemon" → "1/2 lemon", "a dozen eggs"
/// → "12 eggs", "a couple of eggs" → "2 eggs", "three-quarters cup" → "3/4 cup". `None` when `s`
/// starts with none.
fn number_words(s: &str) -> Option<String> {
    // Cheap checks first: this runs on every line.
    let (first, after_first) = split_word(s)?;
    let head = first.split('-').next().unwrap_or("");
    let spelled = CARDINALS.iter().chain(FRACTIONS).any(|(w, _)| w.eq_ignore_ascii_case(head));
    let article = (first.eq_ignore_ascii_case("a") || first.eq_ignore_ascii_case("an"))
        && split_word(after_first)
            .is_some_and(|(w, _)| ["couple", "dozen"].iter().chain(FRACTIONS.iter().map(|(f, _)| f)).any(|x| x.eq_ignore_ascii_case(w)));
    let digits_dozen =
        first.starts_with(|c: char| c.is_ascii_digit()) && split_word(after_first).is_some_and(|(w, _)| w.eq_ignore_ascii_case("dozen"));
    if !(spelled || article || digits_dozen) {
        return None;
    }
    let (n, rest) = spelled_number(s)?;
    let mut out = format!("{n} {rest}");
    // "two to three", "one or two"
    if let Some((sep, after)) = split_word(rest) {
        if sep.eq_ignore_ascii_case("to") || sep.eq_ignore_ascii_case("or") || sep == "-" {
            if let Some((n2, rest2)) = spelled_number(after) {
                out = format!("{n} {sep} {n2} {rest2}");
            }
        }
    }
    Some(out.trim_end().to_string())
}

/// One spelled-out number at the start of `s` and the rest.
fn spelled_number(s: &str) -> Option<(Number, &str)> {
    // Words, with "three-quarters" and "one-half" split at the hyphen.
    let words: Vec<&str> = s.split(' ').take(6).collect();
    let mut toks: Vec<(String, usize)> = Vec::new(); // (lowercase word, index of the source word)
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_ascii_lowercase();
        match lower.split_once('-') {
            Some((a, b)) if cardinal(a).is_some() && fraction(b).is_some() => {
                toks.push((a.to_string(), i));
                toks.push((b.to_string(), i));
            }
            _ => toks.push((lower, i)),
        }
    }
    let word = |k: usize| toks.get(k).map(|(w, _)| w.as_str()).unwrap_or("");
    let article = |w: &str| w == "a" || w == "an";
    let mut k: usize;
    let mut value: Number;
    if article(word(0)) {
        (value, k) = match word(1) {
            "couple" => (Number::integer(2)?, 2),
            "dozen" => (Number::integer(12)?, 2),
            w => (Number::new(1, fraction(w)?)?, 2),
        };
    } else if let Some(d) = fraction(word(0)).filter(|d| *d == 2) {
        // "half a lemon", "half cup"
        value = Number::new(1, d)?;
        k = 1;
    } else if let Some(c) = cardinal(word(0)) {
        value = Number::integer(c)?;
        k = 1;
        if let Some(d) = fraction(word(1)) {
            // "three quarters", "one-half", "two thirds"
            value = Number::new(c, d)?;
            k = 2;
        } else if word(1) == "and" {
            // "one and a half", "two and three-quarters"
            let frac = if article(word(2)) {
                fraction(word(3)).and_then(|d| Number::new(1, d)).map(|f| (f, 4))
            } else {
                cardinal(word(2))
                    .zip(fraction(word(3)))
                    .and_then(|(c2, d)| Number::new(c2, d))
                    .filter(|f| f.numer() < f.denom())
                    .map(|f| (f, 4))
            };
            if let Some((f, next)) = frac {
                value = value.checked_add(&f)?;
                k = next;
            }
        }
    } else if let Some(n) = Number::parse(word(0)).filter(|_| word(1) == "dozen") {
        value = n.checked_mul(&Number::integer(12)?)?;
        k = 2;
    } else {
        return None;
    }
    // "half a dozen", "two dozen"
    if article(word(k)) && word(k + 1) == "dozen" {
        k += 1;
    }
    if word(k) == "dozen" {
        value = value.checked_mul(&Number::integer(12)?)?;
        k += 1;
    }
    // "half a lemon", "a third of a cup", "a couple of eggs"
    if word(k) == "of" {
        k += 1;
    }
    if article(word(k)) && k > 0 && (word(k - 1) == "of" || fraction(word(k - 1)).is_some()) {
        k += 1;
    }
    // Every token of a source word must be used: never split a word halfway.
    let used_words = match toks.get(k) {
        Some((_, i)) if k > 0 && toks[k - 1].1 == *i => return None,
        Some((_, i)) => *i,
        None => words.len(),
    };
    let skip: usize = words[..used_words].iter().map(|w| w.len() + 1).sum();
    Some((value, s.get(skip.min(s.len())..).unwrap_or("")))
}

fn cardinal(w: &str) -> Option<i64> {
    CARDINALS.iter().find(|(c, _)| *c == w).map(|(_, n)| *n)
}

fn fraction(w: &str) -> Option<i64> {
    FRACTIONS.iter().find(|(c, _)| *c == w).map(|(_, n)| *n)
}

/// The food name alone, without preparation words: used for Cooklang `@name{}` mentions.
/// Returns the name, the notes, and the leading preparation words (also the first note).
pub fn clean_name(name: &str) -> (String, Vec<String>, Option<String>) {
    let normalized = normalize(name);
    let (n, mut notes) = split_name(&normalized);
    let (n, d) = strip_descriptors(&n);
    let leading = (!d.is_empty()).then(|| d.join(" "));
    if let Some(l) = &leading {
        notes.insert(0, l.clone());
    }
    (n, notes, leading)
}

/// Rewrites vulgar fractions (`1½` → `1 1/2`), dashes and runs of white space.
fn normalize(input: &str) -> String {
    // Fast path: printable ASCII with single spaces needs no rewriting here.
    let b = input.as_bytes();
    let plain = b.iter().all(|c| (0x20..0x7f).contains(c)) && !b.windows(2).any(|w| w == b"  ");
    let mut out = String::with_capacity(input.len() + 8);
    if plain {
        out.push_str(input.trim_start_matches(' '));
    }
    let mut prev: Option<char> = None;
    // Otherwise character by character (on the fast path this loop sees nothing).
    for c in input.chars().filter(|_| !plain) {
        if let Some(frac) = vulgar_fraction(c) {
            if prev.is_some_and(|p| p.is_ascii_digit()) {
                out.push(' ');
            }
            out.push_str(frac);
        } else {
            match c {
                '–' | '—' | '‑' | '−' | '-' => out.push('-'),
                '⁄' => out.push('/'),
                c if c.is_whitespace() => {
                    if !out.ends_with(' ') && !out.is_empty() {
                        out.push(' ');
                    }
                }
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
        prev = Some(c);
    }
    let out = if needs_spacing(out.as_bytes()) { space_numeric_dashes(&out) } else { out };
    let trimmed = out.trim_end();
    // Bullets from pasted lists: "- 2 eggs", "* 1 cup", "• salt".
    let t = trimmed.strip_prefix("- ").or_else(|| trimmed.strip_prefix("* ")).or_else(|| trimmed.strip_prefix("• ")).unwrap_or(trimmed);
    t.trim().to_string()
}

/// Whether [`space_numeric_dashes`] may have work to do (a cheap superset of its cases).
fn needs_spacing(b: &[u8]) -> bool {
    let next_digit = |i: usize| b[i + 1..].iter().find(|c| **c != b' ').is_some_and(|c| c.is_ascii_digit() || *c == b'.');
    let prev_digit = |i: usize| b[..i].iter().rev().find(|c| **c != b' ').is_some_and(u8::is_ascii_digit);
    (0..b.len()).any(|i| match b[i] {
        b'+' | b'~' => true,
        0xC3 => b.get(i + 1) == Some(&0x97),
        b'-' => next_digit(i),
        b'/' => i > 0 && (b[i - 1].is_ascii_alphabetic() || b[i - 1] >= 0x80) && next_digit(i),
        b'x' | b'X' => prev_digit(i) && next_digit(i),
        _ => false,
    })
}

/// Spaces out operators so they split into words: `1-2` and `1/2-3` → `1 - 2`, `1/2 - 3`;
/// `2x400g` → `2 x 400g`; `cups/240` → `cups / 240`; `+` and `~` always. `gluten-free` and
/// `1/2` are untouched.
fn space_numeric_dashes(s: &str) -> String {
    if !s.bytes().any(|b| matches!(b, b'-' | b'x' | b'X' | b'/' | b'+' | b'~') || b == 0xC3) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let prev = chars[..i].iter().rev().find(|c| **c != ' ');
        let next = chars[i + 1..].iter().find(|c| **c != ' ');
        let next_digit = next.is_some_and(|c| c.is_ascii_digit() || *c == '.');
        let spaced = match c {
            // "1-2", and "tsp-2 tsp" / "500ml-750ml" after a known unit.
            '-' => (prev.is_some_and(|c| c.is_ascii_digit()) || unit_before(&chars[..i])) && next_digit,
            'x' | 'X' | '×' => {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1);
                prev.is_some_and(|c| c.is_ascii_digit())
                    && before.is_some_and(|c| c == ' ' || c.is_ascii_digit())
                    && after.is_some_and(|c| *c == ' ' || c.is_ascii_digit())
                    && next_digit
            }
            '/' => i > 0 && chars[i - 1].is_alphabetic() && next_digit,
            '+' | '~' => true,
            _ => false,
        };
        if spaced {
            out.push(' ');
            out.push(c);
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Whether the letters right before the end of `chars` are a known unit ("tsp", "ml").
fn unit_before(chars: &[char]) -> bool {
    let start = chars.iter().rposition(|c| !c.is_alphabetic()).map_or(0, |i| i + 1);
    start < chars.len() && Units::get().lookup(&chars[start..].iter().collect::<String>()).is_some()
}

/// Removes an "(optional)" / ", optional" / "optional:" marker.
fn take_optional(text: &str) -> (std::borrow::Cow<'_, str>, bool) {
    // The whole word only: "optionally toasted" is not optional.
    let mut from = 0;
    let at = loop {
        let Some(i) = find_ci(&text[from..], "optional").map(|i| i + from) else {
            return (text.into(), false);
        };
        let end = i + "optional".len();
        let before_ok = !text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
        let after_ok = !text[end..].chars().next().is_some_and(char::is_alphanumeric);
        if before_ok && after_ok {
            break i;
        }
        from = end;
    };
    let (mut before, mut after) = (&text[..at], &text[at + "optional".len()..]);
    if before.ends_with('(') && after.starts_with(')') {
        before = &before[..before.len() - 1];
        after = &after[1..];
    }
    let after = after.strip_prefix(':').unwrap_or(after);
    // Keep a comma before the marker, so "honey, optional, for sweetness" still has its note.
    let joined = format!("{} {}", before.trim_end(), after.trim_start().trim_start_matches(','));
    (joined.split_whitespace().collect::<Vec<_>>().join(" ").into(), true)
}

/// Byte offset of an ASCII `needle` in `hay`, ignoring ASCII case (no allocation: this runs on
/// every line).
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    (0..=h.len() - n.len())
        .find(|&i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n) && hay.is_char_boundary(i))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.len();
    (s.len() >= n && s.is_char_boundary(n) && s[..n].eq_ignore_ascii_case(prefix)).then(|| &s[n..])
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// First whitespace-separated word and the remainder (trimmed).
/// [`normalize`] has turned all white space into single spaces; bytes are searched directly as
/// this runs many times per line.
fn split_word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start_matches(' ');
    if s.is_empty() {
        return None;
    }
    match s.bytes().position(|b| b == b' ') {
        Some(i) => Some((&s[..i], s[i + 1..].trim_start_matches(' '))),
        None => Some((s, "")),
    }
}

fn starts_with_of(s: &str) -> bool {
    split_word(s).is_some_and(|(w, _)| w.eq_ignore_ascii_case("of"))
}

/// Whether every word of `phrase` is a preparation/size word ("finely chopped", "large").
fn is_descriptor_phrase(phrase: &str) -> bool {
    let mut words = phrase.split(' ').filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(|w| is_one_of(w, DESCRIPTORS) || (w.len() > 4 && w.ends_with("ly")))
}

fn skip_of(s: &str) -> &str {
    match split_word(s) {
        Some((w, rest)) if w.eq_ignore_ascii_case("of") => rest,
        _ => s,
    }
}

/// A known unit of one or two words at the start of `s` (trailing "," and ")" not included);
/// lengths ("inch") are only sizes, never a line's unit.
fn take_unit(s: &str) -> Option<(String, &str)> {
    unit_at(s).filter(|(u, _)| u.kind != UnitKind::Length).map(|(u, r)| (u.symbol.clone(), r))
}

/// Any known unit of one or two words at the start of `s`, lengths included.
fn unit_at(s: &str) -> Option<(&'static Unit, &str)> {
    let units = Units::get();
    let (w1, rest1) = split_word(s)?;
    if let Some((w2, rest2)) = split_word(rest1).filter(|_| units.starts_two_word(w1)) {
        let two = format!("{w1} {w2}");
        if let Some(u) = units.lookup(two.trim_end_matches(',')) {
            return Some((u, rest2));
        }
    }
    let w1 = w1.trim_end_matches(',');
    units.lookup(w1).map(|u| (u, rest1))
}

/// A leading amount: `2`, `1 1/2`, `1 - 2`, `2 to 3`, `250g` (returns the glued `g`).
/// [`normalize`] has already spaced out dashes between numbers (`1-2` → `1 - 2`).
fn take_amount(s: &str) -> Option<(Amount, Option<&str>, &str)> {
    let (min, glued, rest) = take_value(s)?;
    if glued.is_none() {
        if let Some((sep, after_sep)) = split_word(rest) {
            if sep == "-" || sep.eq_ignore_ascii_case("to") || sep.eq_ignore_ascii_case("or") {
                if let Some((max, glued2, after_max)) = take_value(after_sep) {
                    return Some((Amount::between(min, max), glued2, after_max));
                }
            }
        }
    }
    Some((Amount::exact(min), glued, rest))
}

/// One number at the start of `s`: `2`, `1/2`, `1.5`, a mixed `1 1/2`, with letters glued on
/// (`250g`) returned separately.
fn take_value(s: &str) -> Option<(Number, Option<&str>, &str)> {
    let (w, rest) = split_word(s)?;
    let (value, glued) = number_token(w)?;
    if glued.is_none() && value.denom() == 1 && !w.contains('.') {
        if let Some((w2, rest2)) = split_word(rest) {
            if w2.contains('/') {
                if let Some((frac, glued2)) = number_token(w2) {
                    if frac.numer() < frac.denom() {
                        if let Some(v) = value.checked_add(&frac) {
                            return Some((v, glued2, rest2));
                        }
                    }
                }
            }
        }
    }
    Some((value, glued, rest))
}

/// A token that starts with a number: the number and any letters glued to it (`250g`, and
/// `14-oz` / `1-inch` with a hyphen). A comma between digits is a decimal comma (`1,5`) unless
/// it separates thousands (`1,000`, `12,500`).
fn number_token(w: &str) -> Option<(Number, Option<&str>)> {
    if !w.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let b = w.as_bytes();
    let head_len = (0..b.len())
        .find(|&i| {
            let c = b[i];
            !(c.is_ascii_digit() || c == b'.' || c == b'/' || (c == b',' && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        })
        .unwrap_or(b.len());
    let (head, glued) = w.split_at(head_len);
    let n = if head.contains(',') { decimal_comma(head)? } else { Number::parse(head)? };
    let glued = glued.strip_prefix('-').filter(|g| g.starts_with(char::is_alphabetic)).unwrap_or(glued);
    if glued.is_empty() || glued == "," {
        return Some((n, None));
    }
    (glued.starts_with(char::is_alphabetic) || glued == "\"").then_some((n, Some(glued)))
}

/// `1,5` → 3/2; `1,000` and `12,500,000` → thousands.
fn decimal_comma(head: &str) -> Option<Number> {
    let groups: Vec<&str> = head.split(',').collect();
    let thousands = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && !groups[0].starts_with('0')
        && groups[1..].iter().all(|g| g.len() == 3 && g.bytes().all(|c| c.is_ascii_digit()));
    if thousands {
        return Number::parse(&groups.concat());
    }
    match groups.as_slice() {
        [i, f] if !i.contains(['.', '/']) && !f.contains(['.', '/']) => Number::parse(&format!("{i}.{f}")),
        _ => None,
    }
}

/// Moves leading "(…)" groups into `notes`: `(14 oz) can`, `(240 ml) almond milk`.
fn take_parentheticals<'a>(mut s: &'a str, notes: &mut Vec<String>) -> &'a str {
    loop {
        let t = s.trim_start();
        if !t.starts_with('(') {
            return t;
        }
        match t.find(')') {
            Some(close) => {
                notes.push(t[1..close].trim().to_string());
                s = &t[close + 1..];
            }
            None => return t,
        }
    }
}

/// Splits the remainder into a name and notes: "garlic, minced", "olive oil, for drizzling",
/// "salt to taste", "tomatoes (chopped)".
fn split_name(rest: &str) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    let mut name = String::with_capacity(rest.len());
    // "boneless, skinless chicken": a comma between descriptor words does not end the name.
    let rest_owned;
    let mut rest = rest;
    if let Some(i) = rest.find(',') {
        if is_descriptor_phrase(rest[..i].trim()) && !rest[i + 1..].trim().is_empty() {
            rest_owned = format!("{}{}", &rest[..i], &rest[i + 1..]);
            rest = &rest_owned;
        }
    }
    // Pull every parenthetical out of the name, wherever it sits.
    let mut depth = 0usize;
    let mut current_note = String::new();
    for c in rest.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    current_note.push(c);
                } else {
                    // "a()B": the words either side stay two words.
                    name.push(' ');
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    name.push(' ');
                    notes.push(current_note.trim().to_string());
                    current_note.clear();
                } else {
                    current_note.push(c);
                }
            }
            c if depth > 0 => current_note.push(c),
            c => name.push(c),
        }
    }
    if !current_note.trim().is_empty() {
        notes.push(current_note.trim().to_string());
    }
    let tidy = !name.starts_with(' ') && !name.ends_with(' ') && !name.contains("  ");
    let mut name = if tidy { name } else { name.split_whitespace().collect::<Vec<_>>().join(" ") };
    if let Some(i) = name.find(',') {
        let tail = name[i + 1..].trim().to_string();
        name.truncate(i);
        notes.insert(0, tail);
    }
    for marker in [" to taste", " for serving", " for drizzling", " for garnish", " to serve"] {
        if let Some(i) = find_ci(&name, marker) {
            notes.insert(0, name[i + 1..].trim().to_string());
            name.truncate(i);
            break;
        }
    }
    notes.retain(|n| !n.is_empty());
    (name.trim().trim_end_matches(['.', ';', ':']).trim().to_string(), notes)
}

/// Removes leading preparation/size words ("finely chopped red onion" → "red onion").
fn strip_descriptors(name: &str) -> (String, Vec<String>) {
    let mut words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let mut taken = Vec::new();
    while words.len() > 1 {
        let w = words[0].trim_end_matches(',');
        let is_descr = is_one_of(w, DESCRIPTORS) || (w.ends_with("ly") && words.get(1).is_some_and(|n| is_one_of(n, DESCRIPTORS)));
        if !is_descr {
            break;
        }
        if !w.eq_ignore_ascii_case("and") {
            taken.push(w.to_ascii_lowercase());
        }
        words.remove(0);
    }
    if words.first().is_some_and(|w| w.eq_ignore_ascii_case("of")) && words.len() > 1 {
        words.remove(0);
    }
    (words.join(" "), taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(line: &IngredientLine) -> String {
        line.quantity.map(|a| a.to_string()).unwrap_or_default()
    }

    fn check(input: &str, qty: &str, unit: Option<&str>, name: &str, note: Option<&str>) {
        let l = parse_line(input);
        assert_eq!(q(&l), qty, "quantity of {input:?}");
        assert_eq!(l.unit.as_deref(), unit, "unit of {input:?}");
        assert_eq!(l.name, name, "name of {input:?}");
        assert_eq!(l.note.as_deref(), note, "note of {input:?}");
    }

    #[test]
    fn the_lines_from_the_issue() {
        check("2 cups flour", "2", Some("cup"), "flour", None);
        check("1 1/2 cups oats", "1 1/2", Some("cup"), "oats", None);
        check("½ tsp", "1/2", Some("tsp"), "", None);
        check("1-2 tbsp", "1-2", Some("tbsp"), "", None);
        check("2 to 3 cloves garlic, minced", "2-3", Some("clove"), "garlic", Some("minced"));
        check("250g", "250", Some("g"), "", None);
        check("1 (14 oz) can coconut milk", "1", Some("can"), "coconut milk", Some("14 oz"));
        check("1 cup (240 ml) almond milk", "1", Some("cup"), "almond milk", Some("240 ml"));
        check("a pinch of salt", "1", Some("pinch"), "salt", None);
        check("juice of 1 lemon", "1", None, "lemon", Some("juice"));
        check("salt to taste", "", None, "salt", Some("to taste"));
        check("olive oil, for drizzling", "", None, "olive oil", Some("for drizzling"));
    }

    #[test]
    fn unit_spellings() {
        check("1 T. honey", "1", Some("tbsp"), "honey", None);
        check("1 t salt", "1", Some("tsp"), "salt", None);
        check("2 Tbsp. olive oil", "2", Some("tbsp"), "olive oil", None);
        check("3 c. water", "3", Some("cup"), "water", None);
        check("8 fl oz kombucha", "8", Some("fl oz"), "kombucha", None);
        check("1 qt broth", "1", Some("qt"), "broth", None);
        check("2 dl cream", "2", Some("dl"), "cream", None);
        check("1 litre water", "1", Some("l"), "water", None);
        check("1.5kg cabbage", "1 1/2", Some("kg"), "cabbage", None);
        check("2 lbs sweet potatoes", "2", Some("lb"), "sweet potatoes", None);
        check("1 bunch kale", "1", Some("bunch"), "kale", None);
        check("1 head cauliflower", "1", Some("head"), "cauliflower", None);
        check("3 sprigs thyme", "3", Some("sprig"), "thyme", None);
        check("a handful of spinach", "1", Some("handful"), "spinach", None);
    }

    #[test]
    fn unknown_units_are_kept_as_written() {
        check("2 knobs of ginger", "2", Some("knob"), "ginger", None);
        check("2 smidgens of ginger", "2", Some("smidgens"), "ginger", None);
        check("3pk tofu", "3", Some("pk"), "tofu", None);
        // A word after a number that is no unit stays in the name: nothing is dropped.
        check("2 smidgens cinnamon", "2", None, "smidgens cinnamon", None);
    }

    #[test]
    fn descriptors_and_optional() {
        check("1 large onion, finely chopped", "1", None, "onion", Some("large, finely chopped"));
        check("2 tbsp finely chopped fresh parsley", "2", Some("tbsp"), "parsley", Some("finely chopped fresh"));
        let l = parse_line("1 tsp chili flakes (optional)");
        assert!(l.optional);
        assert_eq!(l.name, "chili flakes");
        let l = parse_line("1 tbsp sesame seeds, optionally toasted");
        assert!(!l.optional, "optionally is not optional");
        assert_eq!(l.name, "sesame seeds");
        let l = parse_line("1 tbsp honey, optional, for sweetness");
        assert!(l.optional);
        assert_eq!((l.name.as_str(), l.note.as_deref()), ("honey", Some("for sweetness")));
        let l = parse_line("Optional: 1 tsp chili flakes");
        assert!(l.optional && l.name == "chili flakes" && l.unit.as_deref() == Some("tsp"));
        check("1½ cups water", "1 1/2", Some("cup"), "water", None);
        check("1 ½ cups water", "1 1/2", Some("cup"), "water", None);
        check("3–4 cups stock", "3-4", Some("cup"), "stock", None);
        check("2 heaped tbsp cocoa", "2", Some("tbsp"), "cocoa", Some("heaped"));
    }

    #[test]
    fn odd_input_never_panics() {
        for s in [
            "",
            " ",
            "(",
            ")",
            "1-",
            "1/",
            "/2",
            "-",
            "1 - ",
            "½½½",
            "(((",
            "a",
            "an of",
            "9999999999999999999999 g",
            "1/0 cup",
            "0.1234567 g",
            "é",
            "1 (",
            "1 cup (",
            ",,,",
            "999999999 x 999999999 g",
            "1000000000 gal + 1000000000 gal",
            "1/999999937 cup + 1/999999929 tsp",
            "999999999 dozen",
            "a dozen dozen",
            "half a",
            "one and a",
            "x",
            "2 x",
            "2 x (",
            "~",
            "about",
            "1,",
            ",5 g",
            "1,2,3 g",
            "1 cup /",
            "1 cup / 2",
            "78g to",
            "2 tbsp -",
            "(14 oz)",
            "1 (14 oz)",
            "a 2-inch",
            "1-inch",
            "×××",
            "2×",
            "one-",
            "-one",
            "three-quarters-",
            "1 tsp-",
            "g/3",
        ] {
            let _ = parse_line(s);
        }
    }

    #[test]
    fn pack_totals_sum_packs_exactly() {
        let total = |s: &str| parse_line(s).pack_total().map(|m| format!("{} {}", m.quantity, m.unit.unwrap_or_default()));
        assert_eq!(total("2 x 400g cans chickpeas").as_deref(), Some("800 g"));
        assert_eq!(total("2 (15-ounce) cans black beans").as_deref(), Some("30 oz"));
        assert_eq!(total("1-2 (14 oz) cans coconut milk").as_deref(), Some("14-28 oz"));
        assert_eq!(total("2 x 200 g salmon fillets").as_deref(), Some("400 g"));
        assert_eq!(total("2 cups flour"), None);
        // A size that is a length is a note, not a pack.
        assert_eq!(parse_line("1-inch piece ginger").pack, None);
    }

    #[test]
    fn families_of_amounts() {
        // Number words
        check("Three eggs", "3", None, "eggs", None);
        check("one and a half cups milk", "1 1/2", Some("cup"), "milk", None);
        check("a couple of tomatoes", "2", None, "tomatoes", None);
        check("two-thirds cup sugar", "2/3", Some("cup"), "sugar", None);
        // Sums convert exactly into the first unit
        check("1/2 cup + 2 tbsp flour", "5/8", Some("cup"), "flour", Some("+ 2 tbsp"));
        check("1 lb plus 4 oz beef", "1 1/4", Some("lb"), "beef", Some("plus 4 oz"));
        // A sum across dimensions is not added: the words stay.
        let l = parse_line("1 cup + 2 g salt");
        assert_eq!((q(&l).as_str(), l.unit.as_deref()), ("1", Some("cup")));
        assert!(l.name.contains("2 g salt"), "{l:?}");
        // Decimal commas and thousands
        check("1,5 kg potatoes", "1 1/2", Some("kg"), "potatoes", None);
        check("1,000 g flour", "1000", Some("g"), "flour", None);
        check("0,5l milk", "1/2", Some("l"), "milk", None);
        // Approximations
        check("about 2 cups spinach", "2", Some("cup"), "spinach", Some("about"));
        check("~250ml stock", "250", Some("ml"), "stock", Some("about"));
        // "in" is a length only before a piece; "2 in" alone is not a unit.
        check("2 in-season peaches", "2", None, "in-season peaches", None);
    }
}
