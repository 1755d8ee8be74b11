//! Property tests: the ingredient parser is total and reads back the quantities it prints.

use gutsy::catalog::Catalog;
use gutsy::ingredients::parse_line;
use gutsy::quantity::{Amount, Number};
use proptest::prelude::*;

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
    prop::sample::select(vec![None, Some("g"), Some("kg"), Some("ml"), Some("l"), Some("tsp"), Some("tbsp"), Some("cup"), Some("fl oz"), Some("oz"), Some("lb"), Some("pinch"), Some("clove"), Some("can"), Some("bunch")])
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
    fn exact_scaling_round_trips(a in number(), k in 1i64..12) {
        let k = Number::integer(k).unwrap();
        let up = a.checked_mul(&k).unwrap();
        let back = up.checked_mul(&Number::new(1, k.numer()).unwrap()).unwrap();
        prop_assert_eq!(back, a);
    }
}
