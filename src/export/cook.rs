//! A recipe as Cooklang text: the stored text itself when the recipe came in as Cooklang
//! (lossless, byte for byte), otherwise written from the model so that
//! [`crate::import::parse_cook`] reads the same recipe back — front matter for the fields,
//! steps with `@name{qty%unit}(note)` mentions, `== Section ==` lines and `>` notes.

use crate::import::cook::FRONT_MATTER_KEYS;
use crate::import::SourceFormat;
use crate::ingredients::{clean_name, IngredientLine};
use crate::model::{format_minutes, Recipe};
use crate::quantity::{Amount, Number};
use serde_yaml::{Mapping, Value as Yaml};

/// The file extension of exported Cooklang.
pub const EXTENSION: &str = "cook";

/// The recipe as Cooklang. `stored` is the recipe's stored source (format and text): Cooklang
/// source is returned as it is; anything else (or nothing) is written from `recipe`.
pub fn recipe_cooklang(recipe: &Recipe, stored: Option<(SourceFormat, &str)>) -> String {
    match stored {
        Some((SourceFormat::Cooklang, text)) => text.to_string(),
        _ => write_cooklang(recipe),
    }
}

/// Writes the recipe as Cooklang from its fields.
pub fn write_cooklang(recipe: &Recipe) -> String {
    let mut out = String::from("---\n");
    out.push_str(&front_matter(recipe));
    out.push_str("---\n");

    let mut steps: Vec<String> = recipe.steps.iter().map(|s| s.text.clone()).collect();
    let marks = place_ingredients(&recipe.ingredients, &steps);
    // Mentions inserted from the end of each step, so earlier offsets stay valid.
    let mut rendered: Vec<String> = Vec::with_capacity(steps.len().max(1));
    if steps.is_empty() && !recipe.ingredients.is_empty() {
        steps.push(String::new()); // a paragraph of hidden mentions only: no step on import
    }
    for (i, text) in steps.iter().enumerate() {
        let mut parts = String::new();
        let mut at = 0;
        for m in marks.iter().filter(|m| m.step == i) {
            parts.push_str(&escape(&text[at..m.start], at == 0));
            parts.push_str(&mention(&recipe.ingredients[m.line], m.name.as_deref()));
            at = m.start + m.name.as_ref().map_or(0, String::len);
            // A `(` right after a mention would be read as its note.
            if text[at..].starts_with('(') {
                parts.push('\\');
            }
        }
        parts.push_str(&escape(&text[at..], at == 0));
        rendered.push(parts);
    }

    let mut section: Option<&str> = None;
    for (i, text) in rendered.iter().enumerate() {
        let step_section = recipe.steps.get(i).and_then(|s| s.section.as_deref());
        if step_section != section && step_section.is_some() {
            out.push_str(&format!("\n== {} ==\n", step_section.unwrap_or_default()));
        }
        section = step_section.or(section);
        out.push('\n');
        out.push_str(text);
        out.push('\n');
    }
    for note in &recipe.notes {
        out.push('\n');
        for line in note.lines() {
            out.push_str("> ");
            out.push_str(&escape(line.trim(), false));
            out.push('\n');
        }
    }
    out
}

fn front_matter(recipe: &Recipe) -> String {
    let mut m = Mapping::new();
    let s = |v: &str| Yaml::String(v.to_string());
    m.insert(s("title"), s(&recipe.title));
    m.insert(s("servings"), Yaml::Number(recipe.servings.into()));
    if !recipe.meals.is_empty() {
        m.insert(s("meal"), Yaml::Sequence(recipe.meals.iter().map(|x| s(x.as_str())).collect()));
    }
    for (key, minutes) in
        [("prep time", recipe.times.prep_minutes), ("cook time", recipe.times.cook_minutes), ("ferment time", recipe.times.ferment_minutes)]
    {
        if let Some(minutes) = minutes {
            m.insert(s(key), s(&format_minutes(minutes)));
        }
    }
    if !recipe.tags.is_empty() {
        m.insert(s("tags"), Yaml::Sequence(recipe.tags.iter().map(|t| s(t)).collect()));
    }
    if let Some(d) = &recipe.description {
        m.insert(s("description"), s(d));
    }
    if let Some(src) = &recipe.source {
        m.insert(s("source"), s(src));
    }
    for (key, value) in &recipe.metadata {
        // A kept key can never shadow a field (the importer keeps none of these).
        if !FRONT_MATTER_KEYS.contains(&key.to_lowercase().as_str()) && !m.contains_key(key.as_str()) {
            m.insert(s(key), s(value));
        }
    }
    serde_yaml::to_string(&m).unwrap_or_default()
}

/// Where an ingredient line is mentioned: in step `step` at byte `start`, naming the text
/// `name` there, or hidden (`@-`, no text) when the step's words do not name it.
struct Mark {
    line: usize,
    step: usize,
    start: usize,
    name: Option<String>,
}

/// The name a mention must have so that the importer reads the line's name (and leading
/// preparation words) back.
fn mention_name(line: &IngredientLine) -> String {
    match &line.leading_prep {
        Some(prep) => format!("{prep} {}", line.name),
        None => line.name.clone(),
    }
}

/// Places every line in order: at the first whole-word occurrence of its name after the
/// previous mention, else hidden right after it. The importer lists mentions in text order, so
/// the lines come back in their order.
fn place_ingredients(lines: &[IngredientLine], steps: &[String]) -> Vec<Mark> {
    let mut marks = Vec::with_capacity(lines.len());
    let (mut step, mut at) = (0, 0);
    for (i, line) in lines.iter().enumerate() {
        let name = mention_name(line);
        let readable = !name.is_empty() && name.chars().all(|c| !"@#~{}[]()%|\\".contains(c));
        let found = readable.then(|| find_word(steps, &name, step, at)).flatten();
        match found {
            Some((s, start)) => {
                marks.push(Mark { line: i, step: s, start, name: Some(name.clone()) });
                (step, at) = (s, start + name.len());
            }
            None => marks.push(Mark { line: i, step, start: at, name: None }),
        }
    }
    marks
}

/// The first occurrence of `word` as whole words at or after (`step`, `at`).
fn find_word(steps: &[String], word: &str, step: usize, at: usize) -> Option<(usize, usize)> {
    for (s, text) in steps.iter().enumerate().skip(step) {
        let mut from = if s == step { at } else { 0 };
        while let Some(pos) = text.get(from..).and_then(|t| t.find(word)) {
            let start = from + pos;
            let end = start + word.len();
            let before = text[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let after = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if before && after {
                return Some((s, start));
            }
            from = start + text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    None
}

/// `@name{qty%unit}(note)`, `@?` when optional, `@-` when hidden (`name` is `None`).
fn mention(line: &IngredientLine, name: Option<&str>) -> String {
    let mut out = String::from("@");
    if name.is_none() {
        out.push('-');
    }
    if line.optional {
        out.push('?');
    }
    out.push_str(&name.map(str::to_string).unwrap_or_else(|| hidden_name(line)));
    // The note as the importer builds it: leading preparation words first, then the rest.
    let mut note = line.note.clone().unwrap_or_default();
    if let Some(prep) = &line.leading_prep {
        if let Some(rest) = note.strip_prefix(prep.as_str()) {
            note = rest.trim_start_matches(", ").to_string();
        }
    }
    out.push('{');
    match (&line.quantity, &line.unit) {
        (Some(q), Some(u)) => out.push_str(&format!("{}%{}", amount(q), u)),
        (Some(q), None) => out.push_str(&amount(q)),
        (None, Some(u)) => {
            // Only a word with a unit ("some%g"): the word comes back as the note's start.
            let (word, rest) = match note.split_once(", ") {
                Some((w, r)) => (w.to_string(), r.to_string()),
                None => (std::mem::take(&mut note), String::new()),
            };
            if !word.is_empty() {
                out.push_str(&format!("{word}%{u}"));
                note = rest;
            }
        }
        (None, None) => {}
    }
    out.push('}');
    if !note.is_empty() {
        out.push('(');
        for c in note.chars() {
            if matches!(c, ')' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push(')');
    }
    out
}

/// A hidden mention's name: the name with its leading words, without characters Cooklang reads
/// as markup.
fn hidden_name(line: &IngredientLine) -> String {
    let name: String = mention_name(line).chars().filter(|c| !"@#~{}[]()%|\\".contains(*c)).collect();
    if clean_name(&name).0.is_empty() {
        "ingredient".into()
    } else {
        name
    }
}

fn amount(a: &Amount) -> String {
    match a {
        Amount::Exact { value } => number(value),
        Amount::Range { min, max } => format!("{}-{}", number(min), number(max)),
    }
}

/// An exact number as Cooklang reads it back exactly: an integer, a short decimal, or `n/d`.
fn number(n: &Number) -> String {
    let (num, den) = (n.numer(), n.denom());
    if den == 1 {
        return num.to_string();
    }
    // A denominator of only 2s and 5s with at most 6 decimals is an exact decimal.
    let mut d = den;
    let (mut twos, mut fives) = (0, 0);
    while d % 2 == 0 {
        d /= 2;
        twos += 1;
    }
    while d % 5 == 0 {
        d /= 5;
        fives += 1;
    }
    let places = twos.max(fives);
    if d == 1 && places <= 6 {
        let scale = 10i128.pow(places);
        let scaled = i128::from(num) * scale / i128::from(den);
        let whole = scaled / scale;
        let frac = format!("{:0width$}", scaled % scale, width = places as usize);
        return format!("{whole}.{}", frac.trim_end_matches('0'));
    }
    format!("{num}/{den}")
}

/// Step or note text as Cooklang text: markup characters escaped, and a line start that would
/// open a section, note or metadata line escaped.
fn escape(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut first = line_start;
    while let Some(c) = chars.next() {
        let special = match c {
            '@' | '#' | '~' | '\\' | '{' | '}' => true,
            '-' => chars.peek() == Some(&'-') || out.ends_with('['),
            '[' => chars.peek() == Some(&'-'),
            '>' | '=' => first,
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
        first = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::parse_cook;

    /// The fields a round trip keeps (the store gives id and slug).
    fn same(a: &Recipe, b: &Recipe, what: &str) {
        let strip = |r: &Recipe| {
            let mut r = r.clone();
            r.id.clear();
            r.slug.clear();
            r
        };
        assert_eq!(strip(a), strip(b), "{what}");
    }

    fn round_trip(label: &str, text: &str) {
        let first = parse_cook(label, text).unwrap_or_else(|e| panic!("{e}"));
        let written = write_cooklang(&first);
        let second = parse_cook(label, &written).unwrap_or_else(|e| panic!("{e}\n{written}"));
        same(&first, &second, &format!("{label}:\n{written}"));
        assert_eq!(write_cooklang(&second), written, "{label}: writing is stable");
    }

    #[test]
    fn every_bundled_recipe_is_written_back_as_the_same_recipe() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("recipes");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "cook") {
                round_trip(&path.display().to_string(), &std::fs::read_to_string(&path).unwrap());
                n += 1;
            }
        }
        assert!(n > 40, "{n}");
    }

    /// Every Cooklang feature this importer reads, in one recipe.
    pub(crate) const SPEC_SAMPLE: &str = r#"---
title: Spec Sampler
servings: 4 bowls
meal: [lunch, dinner]
prep time: 1 h 15 min
cook time: 45 min
ferment time: 2 days
tags: [test, "comma, tag"]
description: "Everything at once: front matter, sections, notes."
source: https://example.org/sampler
course: main
cuisine: Levantine
author: Asha
image: https://example.org/sampler.jpg
diet: [vegan, gluten free]
rating: 5
---
-- a line comment
== Dough ==

Mix @flour{500%g} with @water{325%ml}(lukewarm) and a @pinch of salt{} [- a block comment -] in a #large bowl{}.

Knead for ~{10%minutes}, then rest ~rest{1%hour}.

== Filling ==

Fry @finely chopped red onion{2} in @olive oil{2-3%tbsp} in a #pan{}.
Add @?chilli flakes{1/2%tsp}(to taste), @salt{pinch} and @black pepper{}.
Stir in @tinned chickpeas{1 1/2%cans}(drained, rinsed) and @water{100%ml}.

> Keep the dough covered.

> Freezes well for a month.
"#;

    #[test]
    fn the_spec_sample_is_written_back_as_the_same_recipe() {
        round_trip("spec.cook", SPEC_SAMPLE);
        let r = parse_cook("spec.cook", SPEC_SAMPLE).unwrap();
        assert_eq!(r.steps.iter().filter(|s| s.section.as_deref() == Some("Filling")).count(), 1, "{:?}", r.steps);
        let text = write_cooklang(&r);
        for markup in
            ["@flour{500%g}", "@water{425%ml}(lukewarm)", "@?chilli flakes{0.5%tsp}(to taste)", "== Filling ==", "image: https://"]
        {
            assert!(text.contains(markup), "{markup} in\n{text}");
        }
        let stored = recipe_cooklang(&r, Some((SourceFormat::Cooklang, SPEC_SAMPLE)));
        assert_eq!(stored, SPEC_SAMPLE, "Cooklang source is exported as it is");
    }

    #[test]
    fn a_recipe_from_other_data_survives_writing_and_reading() {
        use crate::model::{MealType, Step, Times};
        let line = |q: Option<Amount>, unit: Option<&str>, name: &str, note: Option<&str>, optional: bool| {
            let mut l = IngredientLine {
                quantity: q,
                unit: unit.map(str::to_string),
                name: name.to_string(),
                note: note.map(str::to_string),
                optional,
                ..IngredientLine::default()
            };
            l.input = l.to_string();
            l
        };
        let n = |a: i64, b: i64| Number::new(a, b).unwrap();
        let recipe = Recipe {
            id: "x".into(),
            slug: "odd-one".into(),
            title: "Odd: One # @ ~ {}".into(),
            description: Some("Line one.\nLine two -- not a comment".into()),
            servings: 3,
            times: Times { prep_minutes: Some(20), cook_minutes: Some(95), ferment_minutes: Some(1440 * 7) },
            meals: vec![MealType::Breakfast],
            ingredients: vec![
                line(Some(Amount::exact(n(1, 3))), Some("cup"), "rolled oats", None, false),
                line(Some(Amount::Range { min: n(1, 2), max: n(3, 4) }), Some("l"), "milk", Some("warm (not hot)"), false),
                line(None, None, "cinnamon", None, true),
                line(Some(Amount::exact(n(2, 1))), None, "eggs", None, false),
                line(Some(Amount::exact(n(250, 1))), Some("g"), "blueberries", Some("fresh or frozen"), false),
            ],
            steps: vec![
                Step { section: None, text: "Soak the rolled oats in milk (warm) with 50% of the cinnamon.".into() },
                Step { section: Some("Morning".into()), text: "> Whisk eggs @ home; [-keep-] {them} cold -- really.".into() },
                Step { section: Some("Morning".into()), text: "== Serve == with whatever #berries you like.".into() },
            ],
            notes: vec!["Oats: 1/3 cup.".into(), "> Second note".into()],
            source: Some("Grandma's notebook".into()),
            tags: vec!["breakfast".into(), "make ahead".into()],
            metadata: [("author".to_string(), "Grandma".to_string()), ("yield".to_string(), "3 jars".to_string())].into(),
        };
        let text = recipe_cooklang(&recipe, None);
        let back = parse_cook("odd.cook", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let mut expected = recipe.clone();
        for l in &mut expected.ingredients {
            // The importer rebuilds each line's text from its parts.
            l.input = l.to_string();
        }
        expected.slug = back.slug.clone();
        expected.id.clear();
        assert_eq!(back, expected, "{text}");
        assert!(text.contains("@rolled oats{1/3%cup}") && text.contains("@eggs{2}"), "{text}");
    }
}
