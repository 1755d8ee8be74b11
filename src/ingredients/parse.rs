//! Free-text ingredient lines → [`IngredientLine`].
//!
//! Hand-rolled on purpose: the crates that parse ingredient lines are either NLP models that need
//! downloads at run time or unmaintained grammars without ranges, glued units or parentheticals.
//! This parser is a small, total function: it never fails, keeps every word it does not understand
//! (an unknown unit stays in the name or unit as written) and runs in well under a microsecond.

use super::IngredientLine;
use crate::quantity::{vulgar_fraction, Amount, Number};
use crate::units::Units;

/// Words that describe preparation or size, moved from the front of a name into the note.
const DESCRIPTORS: &[&str] = &[
    "chopped", "finely", "roughly", "coarsely", "thinly", "diced", "minced", "sliced", "grated",
    "shredded", "crushed", "peeled", "cubed", "halved", "quartered", "mashed", "melted",
    "softened", "toasted", "rinsed", "drained", "trimmed", "fresh", "freshly", "large", "medium",
    "small", "ripe", "heaped", "heaping", "level", "packed", "loosely", "firmly", "lightly",
    "scant", "generous", "rounded", "organic", "good", "quality", "good-quality", "and",
    "boneless", "skinless", "pitted", "seedless", "deseeded", "cored",
];

/// Size words that may stand between a number and its unit: `2 heaped tbsp`.
const SIZES: &[&str] = &[
    "small", "medium", "large", "heaped", "heaping", "level", "scant", "generous", "rounded", "big",
];

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

    let mut quantity = None;
    let mut unit = None;

    // "a pinch of salt", "an 8 oz can of tomatoes", "a 2-inch piece of ginger", "pinch of salt"
    if let Some((article, after)) = split_word(rest) {
        let (after, size) = if article.eq_ignore_ascii_case("a") || article.eq_ignore_ascii_case("an") {
            take_size(after)
        } else {
            (rest, None)
        };
        let counted = after.len() < rest.len() || take_unit(after).is_some_and(|(_, r)| starts_with_of(r));
        if counted {
            if let Some((u, after_unit)) = take_unit(after) {
                quantity = Number::integer(1).map(Amount::exact);
                unit = Some(u);
                notes.extend(size);
                rest = skip_of(after_unit);
            }
        }
    }

    if quantity.is_none() {
        if let Some((q, glued, after)) = take_amount(rest) {
            quantity = Some(q);
            rest = after;
            rest = take_parentheticals(rest, &mut notes);
            if let Some(g) = glued {
                // "250g": the letters glued to the number are the unit, known or not.
                unit = Some(canonical_unit(g));
                rest = skip_of(rest);
            } else {
                // "2 heaped tbsp"
                if let Some((w, after_size)) = split_word(rest) {
                    if is_one_of(w, SIZES) && take_unit(after_size).is_some() {
                        notes.push(w.to_ascii_lowercase());
                        rest = after_size;
                    }
                }
                if let Some((u, after_unit)) = take_unit(rest) {
                    unit = Some(u);
                    rest = skip_of(after_unit);
                } else if let Some((w, after_w)) = split_word(rest) {
                    // "2 knobs of butter": an unknown unit is recognised by the "of" after it.
                    if let Some((of, _)) = split_word(after_w) {
                        if of.eq_ignore_ascii_case("of") && w.chars().all(char::is_alphabetic) {
                            unit = Some(w.to_string());
                            rest = skip_of(after_w);
                        }
                    }
                }
            }
            rest = take_parentheticals(rest, &mut notes);
        }
    }

    let (mut name, mut tail_notes) = split_name(rest);
    // "4 garlic cloves": a count unit written after the food.
    if unit.is_none() && quantity.is_some() {
        if let Some((food, last)) = name.rsplit_once(' ') {
            let trailing = ["clove", "cloves", "stalk", "stalks", "sprig", "sprigs"];
            if trailing.iter().any(|t| t.eq_ignore_ascii_case(last)) {
                unit = Some(canonical_unit(last));
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
        quantity,
        unit,
        name,
        note: (!notes.is_empty()).then(|| notes.join(", ")),
        optional,
        leading_prep,
    }
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
    let mut out = String::with_capacity(input.len() + 8);
    let mut prev: Option<char> = None;
    for c in input.chars() {
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
    let out = space_numeric_dashes(&out);
    let trimmed = out.trim_end();
    // Bullets from pasted lists: "- 2 eggs", "* 1 cup", "• salt".
    let t = trimmed
        .strip_prefix("- ")
        .or_else(|| trimmed.strip_prefix("* "))
        .or_else(|| trimmed.strip_prefix("• "))
        .unwrap_or(trimmed);
    t.trim().to_string()
}

/// `1-2` and `1/2-3` → `1 - 2`, `1/2 - 3`, so ranges split into words; `gluten-free` is untouched.
fn space_numeric_dashes(s: &str) -> String {
    if !s.contains('-') {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        let numeric_dash = c == '-'
            && chars[..i].iter().rev().find(|c| **c != ' ').is_some_and(|c| c.is_ascii_digit())
            && chars[i + 1..].iter().find(|c| **c != ' ').is_some_and(|c| c.is_ascii_digit() || *c == '.');
        if numeric_dash {
            out.push_str(" - ");
        } else {
            out.push(c);
        }
    }
    out.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Removes an "(optional)" / ", optional" / "optional:" marker.
fn take_optional(text: &str) -> (String, bool) {
    // The whole word only: "optionally toasted" is not optional.
    let mut from = 0;
    let at = loop {
        let Some(i) = find_ci(&text[from..], "optional").map(|i| i + from) else {
            return (text.to_string(), false);
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
    (joined.split_whitespace().collect::<Vec<_>>().join(" "), true)
}

/// Byte offset of an ASCII `needle` in `hay`, ignoring ASCII case (no allocation: this runs on
/// every line).
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n) && hay.is_char_boundary(i))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let n = prefix.len();
    (s.len() >= n && s.is_char_boundary(n) && s[..n].eq_ignore_ascii_case(prefix)).then(|| &s[n..])
}

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// First whitespace-separated word and the remainder (trimmed).
fn split_word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    if s.is_empty() {
        return None;
    }
    match s.find(' ') {
        Some(i) => Some((&s[..i], s[i + 1..].trim_start())),
        None => Some((s, "")),
    }
}

fn starts_with_of(s: &str) -> bool {
    split_word(s).is_some_and(|(w, _)| w.eq_ignore_ascii_case("of"))
}

/// After "a"/"an": a size such as "2-inch", "8 oz" or "(14 oz)" before the unit, as a note.
fn take_size(s: &str) -> (&str, Option<String>) {
    if let Some((w, rest)) = split_word(s) {
        let dims = ["inch", "in", "cm", "\"", "inches"];
        if w.starts_with(|c: char| c.is_ascii_digit())
            && dims.iter().any(|d| w.to_ascii_lowercase().trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == '-') == *d)
        {
            return (rest, Some(w.to_string()));
        }
    }
    if let Some((q, None, rest)) = take_amount(s) {
        if let Some((u, after)) = take_unit(rest) {
            if take_unit(after).is_some() {
                return (after, Some(format!("{q} {u}")));
            }
        }
    }
    (s, None)
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

/// A known unit of one or two words at the start of `s` (trailing "," and ")" not included).
fn take_unit(s: &str) -> Option<(String, &str)> {
    let units = Units::get();
    let (w1, rest1) = split_word(s)?;
    if let Some((w2, rest2)) = split_word(rest1).filter(|_| units.starts_two_word(w1)) {
        let two = format!("{w1} {w2}");
        if let Some(u) = units.lookup(two.trim_end_matches(',')) {
            return Some((u.symbol.clone(), rest2));
        }
    }
    let w1 = w1.trim_end_matches(',');
    units.lookup(w1).map(|u| (u.symbol.clone(), rest1))
}

fn canonical_unit(word: &str) -> String {
    match Units::get().lookup(word) {
        Some(u) => u.symbol.clone(),
        None => word.to_string(),
    }
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

/// A token that starts with a number: the number and any letters glued to it.
fn number_token(w: &str) -> Option<(Number, Option<&str>)> {
    if !w.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let head_len = w.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '/')).unwrap_or(w.len());
    let (head, glued) = w.split_at(head_len);
    let n = Number::parse(head)?;
    if glued.is_empty() {
        return Some((n, None));
    }
    glued.starts_with(char::is_alphabetic).then_some((n, Some(glued)))
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
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
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
    let mut name = name.split_whitespace().collect::<Vec<_>>().join(" ");
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
        let is_descr = is_one_of(w, DESCRIPTORS)
            || (w.ends_with("ly") && words.get(1).is_some_and(|n| is_one_of(n, DESCRIPTORS)));
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
        check("2 knobs of ginger", "2", Some("knobs"), "ginger", None);
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
        for s in ["", " ", "(", ")", "1-", "1/", "/2", "-", "1 - ", "½½½", "(((", "a", "an of",
                  "9999999999999999999999 g", "1/0 cup", "0.1234567 g", "é", "1 (", "1 cup (", ",,,"] {
            let _ = parse_line(s);
        }
    }
}
