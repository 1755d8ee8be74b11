//! Property tests: the ingredient parser is total and reads back the quantities it prints.

use gutsy::catalog::Catalog;
use gutsy::ingredients::parse::{is_number_word, AMOUNT_WORDS, APPROXIMATE};
use gutsy::ingredients::{parse_line, IngredientLine};
use gutsy::quantity::{Amount, Number};
use gutsy::units::Units;
use proptest::prelude::*;
use std::collections::HashSet;

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

/// The input's alphabetic words that the parsed line does not keep: not in its name, note, unit
/// (or a spelling of its unit, alt or pack unit), nor a word the parser consumes by design
/// (number words, articles and connectors of amounts, approximation words, "optional").
fn dropped_words(input: &str, line: &IngredientLine) -> Vec<String> {
    let mut kept: HashSet<String> = HashSet::new();
    for text in [Some(line.name.as_str()), line.note.as_deref(), line.unit.as_deref()].into_iter().flatten() {
        kept.extend(words(text));
    }
    let units = Units::get();
    let unit_symbols =
        [line.unit.as_deref(), line.alt.as_ref().and_then(|m| m.unit.as_deref()), line.pack.as_ref().and_then(|m| m.unit.as_deref())];
    for symbol in unit_symbols.into_iter().flatten() {
        for spelling in units.spellings(symbol) {
            kept.extend(words(&spelling));
        }
    }
    let consumed = |w: &str| is_number_word(w) || AMOUNT_WORDS.contains(&w) || APPROXIMATE.iter().any(|a| a.trim_end_matches('.') == w);
    words(input).filter(|w| !kept.contains(w) && !consumed(w)).collect()
}

/// Lines built from the pieces cooks combine: approximations, number words, multipliers,
/// dual units, pack sizes, sizes, sums, names and notes.
fn composed_line() -> impl Strategy<Value = String> {
    let pick = |v: &[&'static str]| prop::sample::select(v.to_vec());
    (
        pick(&["", "about ", "Approx. ", "roughly ", "~", "around ", "Optional: "]),
        pick(&[
            "",
            "2 ",
            "1 1/2 ",
            "1,5 ",
            "1,000 ",
            "½ ",
            "two ",
            "One and a half ",
            "half a ",
            "a dozen ",
            "a couple of ",
            "three-quarters ",
            "2 x 400g ",
            "2×200 g ",
            "1 (14 oz) ",
            "2 (15-ounce) ",
            "a ",
            "an ",
            "1-2 ",
            "2 to 3 ",
            "1-inch ",
            "a 2-inch ",
            "1 thumb-sized ",
            "2.5 cm ",
        ]),
        pick(&[
            "",
            "cups ",
            "cup/240 g ",
            "g ",
            "g (7 oz) ",
            "tbsp ",
            "Tbsp. + 1 tsp ",
            "cup plus 2 tablespoons ",
            "tbsp - 3 tbsp ",
            "can ",
            "tins ",
            "piece of ",
            "pieces ",
            "knob of ",
            "sheets ",
            "pkt ",
            "cloves ",
            "sticks ",
            "bulb ",
            "smidgens of ",
            "heaped tsp ",
        ]),
        pick(&[
            "flour",
            "coconut milk",
            "garlic",
            "fresh ginger",
            "Greek yogurt",
            "red onion",
            "chickpeas",
            "butter",
            "cinnamon sticks",
            "garlic cloves",
            "eggs",
            "half-and-half",
            "salt",
        ]),
        pick(&[
            "",
            ", finely chopped",
            " (optional)",
            ", to taste",
            ", drained and rinsed",
            " (about 240 ml)",
            ", optional, for serving",
            " or oat milk",
        ]),
    )
        .prop_map(|(a, b, c, d, e)| format!("{a}{b}{c}{d}{e}"))
}

fn number() -> impl Strategy<Value = Number> {
    (1i64..5000, prop::sample::select(vec![1i64, 2, 3, 4, 8, 10, 100])).prop_filter_map("valid", |(n, d)| Number::new(n, d))
}

fn amount() -> impl Strategy<Value = Amount> {
    prop_oneof![
        number().prop_map(Amount::exact),
        (number(), number()).prop_filter_map("min < max", |(a, b)| (a < b).then_some(Amount::Range { min: a, max: b })),
    ]
}

fn unit() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![
        None,
        Some("g"),
        Some("kg"),
        Some("ml"),
        Some("l"),
        Some("tsp"),
        Some("tbsp"),
        Some("cup"),
        Some("fl oz"),
        Some("oz"),
        Some("lb"),
        Some("pinch"),
        Some("clove"),
        Some("can"),
        Some("bunch"),
        Some("stick"),
        Some("packet"),
        Some("knob"),
        Some("sheet"),
        Some("scoop"),
        Some("bottle"),
    ])
}

fn name() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["garlic", "olive oil", "coconut milk", "rolled oats", "sea salt", "baby spinach", "red lentils", "water"])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_any_text(s in "\\PC{0,200}") {
        let line = parse_line(&s);
        let _ = Catalog::bundled().match_line(&line);
    }

    #[test]
    fn never_panics_on_number_soup(s in "[0-9 ./½¼¾⅓-]{0,12}(cup|g|tbsp|of|a|\\(|\\)| |,)*[a-z ]{0,10}") {
        let _ = parse_line(&s);
    }

    #[test]
    fn printed_quantities_read_back(a in amount(), u in unit(), n in name()) {
        let text = match u {
            Some(u) => format!("{a} {u} {n}"),
            None => format!("{a} {n}"),
        };
        let line = parse_line(&text);
        prop_assert_eq!(line.quantity, Some(a), "quantity of {:?}", text);
        prop_assert_eq!(line.unit.as_deref(), u, "unit of {:?}", text);
        prop_assert_eq!(line.name.as_str(), n);
        // The canonical form the parser prints parses to the same line.
        let again = parse_line(&line.to_string());
        prop_assert_eq!(again.quantity, line.quantity);
        prop_assert_eq!(again.unit, line.unit);
        prop_assert_eq!(again.name, line.name);
    }

    #[test]
    fn composed_lines_drop_no_word(text in composed_line()) {
        let line = parse_line(&text);
        let dropped = dropped_words(&text, &line);
        prop_assert!(dropped.is_empty(), "{:?} dropped {:?}: {:?}", text, dropped, line);
    }

    #[test]
    fn any_text_drops_no_word(text in "[a-zA-Z0-9 ,./()~+×x-]{0,50}") {
        let line = parse_line(&text);
        let dropped = dropped_words(&text, &line);
        prop_assert!(dropped.is_empty(), "{:?} dropped {:?}: {:?}", text, dropped, line);
    }

    #[test]
    fn exact_scaling_round_trips(a in number(), k in 1i64..12) {
        let k = Number::integer(k).unwrap();
        let up = a.checked_mul(&k).unwrap();
        let back = up.checked_mul(&Number::new(1, k.numer()).unwrap()).unwrap();
        prop_assert_eq!(back, a);
    }
}
