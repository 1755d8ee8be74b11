//! Property tests: no text makes the JSON-LD importer or the format sniffer panic — arbitrary
//! strings, arbitrary JSON-LD-ish documents, and those documents inside a page.

use gutsy::import::{parse_jsonld, SourceFormat};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Keys and strings a recipe page uses, so generated documents reach the recipe reader.
const KEYS: &[&str] = &[
    "@type",
    "@graph",
    "mainEntity",
    "name",
    "text",
    "url",
    "recipeIngredient",
    "ingredients",
    "recipeInstructions",
    "itemListElement",
    "recipeYield",
    "prepTime",
    "cookTime",
    "totalTime",
    "fermentTime",
    "recipeCategory",
    "recipeCuisine",
    "keywords",
    "author",
    "image",
    "description",
    "contentUrl",
    "@value",
];
const WORDS: &[&str] = &[
    "Recipe",
    "HowToStep",
    "HowToSection",
    "HowToTip",
    "Person",
    "PT1H30M",
    "P1D",
    "PT",
    "P",
    "4-6",
    "Makes 12",
    "2 cups flour",
    "<p>Boil &amp; stir</p>",
    "&",
    "<",
    "<br>",
    "dinner",
    "main course",
    "",
    " ",
    "1/0 cup",
    "99999999999999999999",
    "½ tsp salt",
    "<script>x</script>",
    "<!--",
    "]]>",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)),
        prop::sample::select(WORDS).prop_map(|w| Value::String(w.to_string())),
        ".{0,40}".prop_map(Value::String),
    ];
    leaf.prop_recursive(8, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8).prop_map(|pairs| {
                let mut m = Map::new();
                for (k, v) in pairs {
                    m.insert(k.to_string(), v);
                }
                Value::Object(m)
            }),
        ]
    })
}

/// A document that is a Recipe at some level, with arbitrary properties.
fn recipe_doc() -> impl Strategy<Value = Value> {
    let lines = prop::collection::vec(prop_oneof![prop::sample::select(WORDS).prop_map(str::to_string), ".{0,30}"], 1..6);
    (prop::collection::vec((prop::sample::select(KEYS), json_value()), 0..12), 0usize..3, ".{1,30}", lines, any::<bool>()).prop_map(
        |(pairs, wrap, name, lines, keep_basics)| {
            let mut m = Map::new();
            m.insert("@type".into(), Value::String("Recipe".into()));
            m.insert("name".into(), Value::String(name));
            m.insert("recipeIngredient".into(), Value::from(lines));
            for (k, v) in pairs {
                // Half the documents keep a name and lines, so the whole reader runs.
                let basic = k == "name" || k == "recipeIngredient";
                if k != "@type" && !(keep_basics && basic) {
                    m.insert(k.to_string(), v);
                }
            }
            let recipe = Value::Object(m);
            match wrap {
                0 => recipe,
                1 => serde_json::json!({"@graph": [{"@type": "WebPage"}, recipe]}),
                _ => serde_json::json!([{"@type": "WebPage", "mainEntity": recipe}]),
            }
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_never_panic(text in ".{0,400}", prefix in prop::sample::select(&["", "{", "[", "<html>", "<script type=\"application/ld+json\">"][..])) {
        let text = format!("{prefix}{text}");
        let _ = SourceFormat::sniff(&text);
        let _ = parse_jsonld("x.html", &text);
    }

    #[test]
    fn arbitrary_json_documents_never_panic(doc in json_value()) {
        let text = doc.to_string();
        prop_assert_eq!(SourceFormat::sniff(&text), if text.starts_with(['{', '[']) { SourceFormat::JsonLd } else { SourceFormat::Cooklang });
        let _ = parse_jsonld("x.json", &text);
    }

    #[test]
    fn arbitrary_recipes_never_panic_in_json_or_a_page(doc in recipe_doc()) {
        let json = doc.to_string();
        let from_json = parse_jsonld("x.json", &json);
        let page = format!("<!doctype html><html><head><script type=\"application/ld+json\">{json}</script></head><body></body></html>");
        prop_assert_eq!(SourceFormat::sniff(&page), SourceFormat::JsonLd);
        let _ = parse_jsonld("x.html", &page);
        // Whatever imports, exports and imports again with the same title and lines.
        if let Ok(r) = from_json {
            let back = parse_jsonld("back.json", &gutsy::export::recipe_jsonld(&r).to_string());
            // Decoded text that reads as markup again ("&lt;b&gt;" became "<b>") may change on
            // the second reading; any other text comes back the same.
            if !r.title.contains(['<', '&']) && !r.ingredients.iter().any(|l| l.input.contains(['<', '&'])) {
                prop_assert!(back.is_ok(), "{:?}", back);
                let back = back.unwrap();
                prop_assert_eq!(&back.title, &r.title);
                prop_assert_eq!(back.ingredients.len(), r.ingredients.len());
            }
        }
    }

    #[test]
    fn deep_nesting_is_refused_or_bounded(depth in 0usize..300, open in prop::sample::select(&["[", "{\"@graph\":", "{\"mainEntity\":"][..])) {
        let close = if open == "[" { "]" } else { "}" };
        let text = format!("{}{{\"@type\":\"Recipe\",\"name\":\"x\",\"recipeIngredient\":[\"1 egg\"]}}{}", open.repeat(depth), close.repeat(depth));
        let r = parse_jsonld("deep.json", &text);
        if depth <= gutsy::import::jsonld::MAX_DEPTH {
            prop_assert!(r.is_ok(), "{:?}", r);
        } else {
            prop_assert!(r.is_err());
        }
    }
}
