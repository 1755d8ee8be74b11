//! Cooklang text → [`Recipe`], through the reference parser (`cooklang` crate).

use super::{check_text, ImportError};
use crate::ingredients::{clean_name, IngredientLine};
use crate::model::{parse_minutes, slugify, MealType, Recipe, Step, Times};
use crate::quantity::{Amount, Number};
use crate::units::Units;
use cooklang::{Content, Converter, CooklangParser, Extensions, Item, Modifiers};
use serde_yaml::Value as Yaml;
use std::sync::OnceLock;

fn parser() -> &'static CooklangParser {
    static PARSER: OnceLock<CooklangParser> = OnceLock::new();
    // Units are ours (units.toml), so the crate's unit handling stays off: with it on, any timer
    // or unit missing from the crate's own table is an error.
    PARSER.get_or_init(|| CooklangParser::new(Extensions::all() - Extensions::ADVANCED_UNITS, Converter::empty()))
}

/// 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary_compat(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}
impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// Line of a front-matter key, for error messages (1 if not found).
fn key_line(text: &str, key: &str) -> usize {
    text.lines().position(|l| l.trim_start().to_lowercase().starts_with(&format!("{key}:"))).map(|i| i + 1).unwrap_or(1)
}

fn yaml_text(v: &Yaml) -> Option<String> {
    match v {
        Yaml::String(s) => Some(s.trim().to_string()),
        Yaml::Number(n) => Some(n.to_string()),
        Yaml::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn yaml_list(v: &Yaml) -> Vec<String> {
    match v {
        Yaml::Sequence(items) => items.iter().filter_map(yaml_text).collect(),
        other => {
            yaml_text(other).map(|s| s.split(',').map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()).unwrap_or_default()
        }
    }
}

/// Refuses what the Cooklang parser would read as text although it is a broken recipe: front
/// matter opened and never closed (a truncated file: its title would become a step), and a
/// `{` or `}` without its other half on the line (a mention's amount cut off or mistyped).
/// Escaped braces (`\{`) and comments (`--`) are text.
fn check_markup(label: &str, text: &str) -> Result<(), ImportError> {
    let syntax = |line: usize, column: usize, message: &str| ImportError::Syntax {
        path: label.to_string(),
        line,
        column,
        message: message.to_string(),
    };
    let mut lines = text.lines().enumerate();
    if text.lines().next().is_some_and(|l| l.trim_end() == "---") {
        lines.next();
        if !lines.by_ref().any(|(_, l)| l.trim_end() == "---") {
            return Err(syntax(1, 1, "the front matter is never closed (no line \"---\" after it): is the file cut short?"));
        }
    }
    for (i, line) in lines {
        let mut open: Option<usize> = None;
        let mut chars = line.chars().enumerate().peekable();
        while let Some((col, c)) = chars.next() {
            match c {
                '\\' => {
                    chars.next();
                }
                '-' if chars.peek().is_some_and(|(_, n)| *n == '-') => break,
                '{' if open.is_some() => return Err(syntax(i + 1, col + 1, "\"{\" inside an amount: is a \"}\" missing?")),
                '{' => open = Some(col),
                '}' if open.is_none() => return Err(syntax(i + 1, col + 1, "\"}\" without its \"{\"")),
                '}' => open = None,
                _ => {}
            }
        }
        if let Some(col) = open {
            return Err(syntax(i + 1, col + 1, "\"{\" is never closed on its line"));
        }
    }
    Ok(())
}

/// Front-matter keys read into the recipe's own fields; every other key is kept in
/// `Recipe::metadata` as written (an `image` too: the model has no field for it).
pub const FRONT_MATTER_KEYS: [&str; 10] =
    ["title", "servings", "meal", "meals", "prep time", "cook time", "ferment time", "tags", "description", "source"];

/// Parses one Cooklang recipe. `label` names the source in errors (a path or "recipes/x.cook").
pub fn parse_cook(label: &str, text: &str) -> Result<Recipe, ImportError> {
    // Editors on Windows may start UTF-8 files with a byte-order mark; it would hide the front matter.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_text(label, text)?;
    check_markup(label, text)?;
    let result = parser().parse(text);
    // The crate only warns about broken front matter and then drops it; losing the title and
    // servings silently is worse than refusing the file, so those warnings are errors here.
    let front_matter_broken = result.report().warnings().any(|w| w.message.to_lowercase().contains("frontmatter"));
    let result = if front_matter_broken { Err(result.report().clone()) } else { result.into_result().map(|(r, _)| r) };
    let parsed = result.map_err(|report| {
        let diag = report
            .errors()
            .next()
            .or_else(|| report.iter().find(|w| w.message.to_lowercase().contains("frontmatter")))
            .or_else(|| report.iter().next());
        let (message, offset) = match diag {
            Some(d) => (d.message.to_string(), d.labels.first().map(|(s, _)| s.start()).unwrap_or(0)),
            None => ("the recipe could not be parsed".to_string(), 0),
        };
        let (line, column) = position(text, offset);
        ImportError::Syntax { path: label.to_string(), line, column, message }
    })?;

    let meta = &parsed.metadata;
    let get = |k: &str| meta.map.get(k);
    let meta_err = |key: &str, message: String| ImportError::Metadata { path: label.to_string(), line: key_line(text, key), message };

    let stem = std::path::Path::new(label).file_stem().and_then(|s| s.to_str()).unwrap_or("recipe").replace(['-', '_'], " ");
    let title = get("title").and_then(yaml_text).filter(|t| !t.is_empty()).unwrap_or(stem);

    let servings = match get("servings") {
        None => 1,
        Some(v) => {
            let s = yaml_text(v).unwrap_or_default();
            let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
            match digits.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => n,
                _ => return Err(meta_err("servings", format!("servings must be a whole number from 1 to 1000, not {s:?}"))),
            }
        }
    };

    let mut meals = Vec::new();
    // `meal` is Gutsy's own key and must be right; `course` and `category` come from other apps
    // and map where they can ("main" → lunch, dinner), otherwise they are only kept.
    for key in ["meal", "meals"] {
        if let Some(v) = get(key) {
            for m in yaml_list(v) {
                let meal: MealType = m.parse().map_err(|e: String| meta_err(key, e))?;
                if !meals.contains(&meal) {
                    meals.push(meal);
                }
            }
        }
    }
    if meals.is_empty() {
        for key in ["course", "category", "courses", "categories"] {
            for m in get(key).map(yaml_list).unwrap_or_default() {
                for meal in MealType::from_course(&m) {
                    if !meals.contains(&meal) {
                        meals.push(meal);
                    }
                }
            }
        }
    }
    let metadata = meta
        .map
        .iter()
        .filter_map(|(k, v)| {
            let key = yaml_text(k)?;
            if FRONT_MATTER_KEYS.contains(&key.to_lowercase().as_str()) {
                return None;
            }
            let value = match v {
                Yaml::Sequence(_) => yaml_list(v).join(", "),
                other => yaml_text(other).or_else(|| serde_yaml::to_string(other).ok().map(|s| s.trim().to_string()))?,
            };
            Some((key, value))
        })
        .collect();

    let time = |key: &str| -> Result<Option<u32>, ImportError> {
        match get(key).and_then(yaml_text) {
            None => Ok(None),
            Some(s) => parse_minutes(&s).map(Some).map_err(|e| meta_err(key, e)),
        }
    };
    let times = Times { prep_minutes: time("prep time")?, cook_minutes: time("cook time")?, ferment_minutes: time("ferment time")? };

    let tags = get("tags").map(yaml_list).unwrap_or_default();
    let description = get("description").and_then(yaml_text).filter(|d| !d.is_empty());
    let source = meta.source().and_then(|s| s.name().or(s.url()).map(str::to_string));

    let mut ingredients: Vec<IngredientLine> = Vec::new();
    for ing in &parsed.ingredients {
        let line = to_line(ing);
        merge_into(&mut ingredients, line);
    }

    let mut steps = Vec::new();
    let mut notes = Vec::new();
    for section in &parsed.sections {
        for content in &section.content {
            match content {
                Content::Text(t) => notes.push(t.trim().to_string()),
                Content::Step(step) => {
                    let mut s = String::new();
                    for item in &step.items {
                        match item {
                            Item::Text { value } => s.push_str(value),
                            Item::Ingredient { index } => {
                                // `@-salt{}` is listed but hidden from the step's text.
                                if let Some(i) = parsed.ingredients.get(*index).filter(|i| !i.modifiers().contains(Modifiers::HIDDEN)) {
                                    s.push_str(&i.display_name());
                                }
                            }
                            Item::Cookware { index } => {
                                if let Some(c) = parsed.cookware.get(*index) {
                                    s.push_str(c.alias.as_deref().unwrap_or(&c.name));
                                }
                            }
                            Item::Timer { index } => {
                                if let Some(t) = parsed.timers.get(*index) {
                                    match (&t.quantity, &t.name) {
                                        (Some(q), _) => s.push_str(&q.to_string()),
                                        (None, Some(n)) => s.push_str(n),
                                        _ => {}
                                    }
                                }
                            }
                            Item::InlineQuantity { index } => {
                                if let Some(q) = parsed.inline_quantities.get(*index) {
                                    s.push_str(&q.to_string());
                                }
                            }
                        }
                    }
                    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !s.is_empty() {
                        steps.push(Step { section: section.name.clone(), text: s });
                    }
                }
            }
        }
    }
    if steps.is_empty() && ingredients.is_empty() {
        return Err(ImportError::Invalid {
            path: label.to_string(),
            message: "no steps or ingredients found: is this a Cooklang recipe?".into(),
        });
    }

    Ok(Recipe {
        id: String::new(),
        slug: slugify(&title),
        title,
        description,
        servings,
        times,
        meals,
        ingredients,
        steps,
        notes,
        source,
        tags,
        metadata,
    })
}

fn number(n: &cooklang::quantity::Number) -> Option<Number> {
    match *n {
        cooklang::quantity::Number::Fraction { whole, num, den, .. } => {
            Number::new(i64::from(whole), 1)?.checked_add(&Number::new(i64::from(num), i64::from(den).max(1))?)
        }
        cooklang::quantity::Number::Regular(f) => {
            if !f.is_finite() || f < 0.0 {
                return None;
            }
            Number::parse(format!("{f:.6}").trim_end_matches('0').trim_end_matches('.'))
        }
    }
}

/// A Cooklang mention `@name{qty%unit}(note)` as an ingredient line.
fn to_line(ing: &cooklang::Ingredient) -> IngredientLine {
    let (name, mut notes, leading_prep) = clean_name(&ing.display_name());
    let mut quantity = None;
    let mut unit = None;
    if let Some(q) = &ing.quantity {
        match q.value() {
            cooklang::Value::Number(n) => quantity = number(n).map(Amount::exact),
            cooklang::Value::Range { start, end } => {
                if let (Some(min), Some(max)) = (number(start), number(end)) {
                    quantity = Some(Amount::between(min, max));
                }
            }
            cooklang::Value::Text(t) => {
                // `{pinch}` is one pinch; other words ("to taste") are a note.
                match Units::get().lookup(t.trim()) {
                    Some(u) => {
                        quantity = Number::integer(1).map(Amount::exact);
                        unit = Some(u.symbol.clone());
                    }
                    None => notes.push(t.trim().to_string()),
                }
            }
        }
        if let Some(u) = q.unit() {
            unit = Some(Units::get().lookup(u.trim()).map(|u| u.symbol.clone()).unwrap_or_else(|| u.trim().to_string()));
        }
    }
    if let Some(n) = &ing.note {
        notes.push(n.trim().to_string());
    }
    notes.retain(|n| !n.is_empty());
    let mut line = IngredientLine {
        input: String::new(),
        quantity,
        unit,
        name,
        note: (!notes.is_empty()).then(|| notes.join(", ")),
        optional: ing.modifiers().contains(Modifiers::OPT),
        leading_prep,
        ..IngredientLine::default()
    };
    line.input = line.to_string();
    line
}

/// Adds a mention to the list, summing it into an earlier mention of the same food and unit.
fn merge_into(lines: &mut Vec<IngredientLine>, line: IngredientLine) {
    let same = lines.iter_mut().find(|l| l.name.eq_ignore_ascii_case(&line.name) && l.unit == line.unit && l.optional == line.optional);
    if let Some(existing) = same {
        if let (Some(Amount::Exact { value: a }), Some(Amount::Exact { value: b })) = (existing.quantity, line.quantity) {
            if let Some(sum) = a.checked_add(&b) {
                existing.quantity = Some(Amount::exact(sum));
                existing.note = match (existing.note.take(), line.note) {
                    (Some(a), Some(b)) if a != b => Some(format!("{a}; {b}")),
                    (a, b) => a.or(b),
                };
                existing.input = existing.to_string();
                return;
            }
        }
    }
    lines.push(line);
}

#[cfg(test)]
mod tests {
    use super::*;

    const KRAUT: &str = "---\ntitle: Test Kraut\nservings: 8\nmeal: [snack]\nprep time: 30 min\ncook time: 0 min\nferment time: 3 weeks\ntags: [ferment, cabbage]\n---\nSlice the @green cabbage{1.5%kg}(finely shredded) and salt it with @sea salt{28%g}.\n\nTop up with @sea salt{5%g} in @water{250%ml}; wait ~{21%days}.\n\n> Keep it under the brine.\n";

    #[test]
    fn reads_front_matter_ingredients_and_steps() {
        let r = parse_cook("test-kraut.cook", KRAUT).unwrap();
        assert_eq!((r.id.as_str(), r.slug.as_str()), ("", "test-kraut"), "the store gives the id");
        assert_eq!(r.servings, 8);
        assert_eq!(r.meals, vec![MealType::Snack]);
        assert_eq!(r.times.ferment_minutes, Some(21 * 24 * 60));
        assert_eq!(r.tags, vec!["ferment", "cabbage"]);
        let names: Vec<&str> = r.ingredients.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, vec!["green cabbage", "sea salt", "water"]);
        let salt = &r.ingredients[1];
        assert_eq!(salt.quantity.unwrap().to_string(), "33", "mentions of one food and unit are summed");
        assert_eq!(r.ingredients[0].quantity.unwrap().to_string(), "1 1/2");
        assert_eq!(r.ingredients[0].unit.as_deref(), Some("kg"));
        assert_eq!(r.ingredients[0].note.as_deref(), Some("finely shredded"));
        assert_eq!(r.steps.len(), 2);
        assert!(r.steps[1].text.contains("21 days"), "{}", r.steps[1].text);
        assert_eq!(r.notes, vec!["Keep it under the brine."]);
    }

    #[test]
    fn other_apps_metadata_is_kept_and_courses_map_to_meals() {
        let text = "---\ntitle: Dal\ncourse: main\ncuisine: Indian\ndiet: [vegan, gluten free]\nauthor: Asha\nyield: 4 bowls\nrating: 5\nvegan: true\n---\nSimmer @red lentils{200%g}.\n";
        let r = parse_cook("dal.cook", text).unwrap();
        assert_eq!(r.meals, vec![MealType::Lunch, MealType::Dinner]);
        assert_eq!(r.metadata.get("course").map(String::as_str), Some("main"));
        assert_eq!(r.metadata.get("cuisine").map(String::as_str), Some("Indian"));
        assert_eq!(r.metadata.get("diet").map(String::as_str), Some("vegan, gluten free"));
        assert_eq!(r.metadata.get("rating").map(String::as_str), Some("5"));
        assert_eq!(r.metadata.get("vegan").map(String::as_str), Some("true"));
        assert!(!r.metadata.contains_key("title"));
        for (course, meals) in [("Dessert", vec![MealType::Snack]), ("side dish", vec![]), ("Breakfast, Brunch", vec![MealType::Breakfast])]
        {
            let r = parse_cook("c.cook", &text.replace("course: main", &format!("course: {course}"))).unwrap();
            assert_eq!(r.meals, meals, "{course}");
        }
        let r = parse_cook("c.cook", &text.replace("course: main", "category: [Drinks]")).unwrap();
        assert_eq!(r.meals, vec![MealType::Drink]);
        let r = parse_cook("c.cook", &text.replace("course: main", "meal: breakfast\ncourse: main")).unwrap();
        assert_eq!(r.meals, vec![MealType::Breakfast], "Gutsy's own meal key wins");
    }

    #[test]
    fn bad_metadata_names_the_line() {
        let bad = KRAUT.replace("meal: [snack]", "meal: [elevenses]");
        let e = parse_cook("x.cook", &bad).unwrap_err();
        assert_eq!(e.to_string().split(':').take(2).collect::<Vec<_>>(), vec!["x.cook", "4"]);
        let bad = KRAUT.replace("3 weeks", "a while");
        assert!(parse_cook("x.cook", &bad).unwrap_err().to_string().starts_with("x.cook:7:"));
        let bad = KRAUT.replace("servings: 8", "servings: lots");
        assert!(parse_cook("x.cook", &bad).unwrap_err().to_string().starts_with("x.cook:3:"));
    }

    #[test]
    fn syntax_errors_and_empty_files_are_errors() {
        let e = parse_cook("y.cook", "---\ntitle: [unclosed\n---\nStep.\n").unwrap_err();
        assert!(e.to_string().starts_with("y.cook:"), "{e}");
        assert!(parse_cook("z.cook", "").is_err());
    }

    #[test]
    fn cut_front_matter_and_unbalanced_braces_are_errors() {
        for (text, at) in [
            ("---\ntitle: Cut\nservings: [2,\n", "c.cook:1:1:"),
            ("Add @salt{1%g.\n", "c.cook:1:10:"),
            ("Add @salt{1%g and @pepper{}.\n", "c.cook:1:"),
            ("Mix.\n\nAdd salt}.\n", "c.cook:3:9:"),
        ] {
            let e = parse_cook("c.cook", text).unwrap_err().to_string();
            assert!(e.starts_with(at), "{e}");
        }
        assert!(parse_cook("c.cook", "Add @salt{1%g} \\{braces\\} -- a {comment\n").is_ok());
    }

    #[test]
    fn byte_order_mark_and_huge_fractions() {
        let r = parse_cook("bom.cook", &format!("\u{feff}{KRAUT}")).unwrap();
        assert_eq!(r.title, "Test Kraut");
        let r = parse_cook("f.cook", "Add @salt{1/4294967291%g} and @salt{1/4294967279%g}.\n").unwrap();
        assert_eq!(r.ingredients.len(), 2, "unsummable mentions stay separate instead of panicking");
        let r = parse_cook("r.cook", "Add @salt{3-1%tsp}.\n").unwrap();
        assert_eq!(r.ingredients[0].quantity.unwrap().to_string(), "1-3");
    }

    #[test]
    fn text_quantities_and_ranges() {
        let r = parse_cook("t.cook", "Add @salt{pinch} and @chilli flakes{1-2%tsp} and @?pepper{}(to taste).\n").unwrap();
        assert_eq!(r.ingredients[0].unit.as_deref(), Some("pinch"));
        assert_eq!(r.ingredients[1].quantity.unwrap().to_string(), "1-2");
        assert!(r.ingredients[2].optional);
        assert_eq!(r.title, "t");
    }
}
