//! Finding the schema.org Recipe: in a JSON document, or in the JSON-LD scripts of a saved page
//! (html5ever through `scraper`, so the page is read as a browser reads it).

use super::super::ImportError;
use scraper::{Html, Selector};
use serde_json::{Map, Value};

/// How deep the search for a Recipe looks inside a JSON-LD document (and how deep instruction
/// sections may nest): real pages need three or four levels.
pub const MAX_DEPTH: usize = 32;
/// How many JSON values the search visits at most in one document.
const MAX_NODES: usize = 200_000;

/// Whether the text is a JSON document (it starts with `{` or `[`) rather than a page.
pub fn is_json(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').trim_start().starts_with(['{', '['])
}

/// Whether the text looks like an HTML page: it starts with a tag and has a document or
/// JSON-LD marker somewhere.
pub fn is_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if !t.starts_with('<') {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "application/ld+json"].iter().any(|m| lower.contains(m))
}

/// The first schema.org Recipe in `text` (a JSON document or a page), as its JSON object.
pub fn find_recipe(label: &str, text: &str) -> Result<Map<String, Value>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_json(text) {
        let doc = parse_json(label, text, 1, 1)?;
        return first_recipe(&doc).cloned().ok_or_else(|| invalid(label, "no schema.org Recipe found in the JSON document".into()));
    }
    // html5ever reads CR LF as LF; the same text here lets a script be found in the page again
    // (for the line of a JSON error) without changing any line number.
    let normalized;
    let text = if text.contains("\r\n") {
        normalized = text.replace("\r\n", "\n");
        normalized.as_str()
    } else {
        text
    };
    let page = Html::parse_document(text);
    let scripts = Selector::parse("script[type]").map_err(|e| invalid(label, format!("internal selector error: {e}")))?;
    let mut blocks = 0;
    let mut first_error = None;
    for script in page.select(&scripts) {
        let kind = script.attr("type").unwrap_or_default().trim().to_ascii_lowercase();
        if !kind.starts_with("application/ld+json") {
            continue;
        }
        blocks += 1;
        let raw: String = script.text().collect();
        let json = unwrap_script(&raw);
        if json.trim().is_empty() {
            continue;
        }
        // Where the block starts in the page, so a JSON error names the page's line.
        let (line, column) = match text.find(raw.as_str()) {
            Some(at) if !raw.is_empty() => position(text, at + (json.as_ptr() as usize - raw.as_ptr() as usize)),
            _ => (1, 1),
        };
        match parse_json(label, json, line, column) {
            Ok(doc) => {
                if let Some(recipe) = first_recipe(&doc) {
                    return Ok(recipe.clone());
                }
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    Err(invalid(
        label,
        match blocks {
            0 => "no JSON-LD script (<script type=\"application/ld+json\">) in the page: is it a saved recipe page?".to_string(),
            1 => "no schema.org Recipe found in 1 JSON-LD block".to_string(),
            n => format!("no schema.org Recipe found in {n} JSON-LD blocks"),
        },
    ))
}

fn invalid(label: &str, message: String) -> ImportError {
    ImportError::Invalid { path: label.to_string(), message }
}

/// A script's JSON without the comment or CDATA wrappers some pages put around it.
fn unwrap_script(raw: &str) -> &str {
    let mut s = raw.trim();
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    s
}

/// 1-based line and column of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, column)
}

/// Parses JSON that starts at `line`:`column` of the file; an error names the file's position.
fn parse_json(label: &str, json: &str, line: usize, column: usize) -> Result<Value, ImportError> {
    serde_json::from_str(json).map_err(|e| {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        let message = full.strip_suffix(&suffix).unwrap_or(&full);
        let (l, c) = if e.line() <= 1 { (line, column + e.column().saturating_sub(1)) } else { (line + e.line() - 1, e.column()) };
        ImportError::Syntax { path: label.to_string(), line: l, column: c, message: format!("invalid JSON: {message}") }
    })
}

/// Whether a JSON-LD object is a schema.org Recipe: `@type` "Recipe" (or `schema:Recipe`, a
/// schema.org URL), alone or in an array such as `["Recipe", "NewsArticle"]`.
pub fn is_recipe(object: &Map<String, Value>) -> bool {
    let is = |t: &Value| {
        t.as_str().is_some_and(|t| t.trim().rsplit(['/', ':', '#']).next().is_some_and(|last| last.eq_ignore_ascii_case("recipe")))
    };
    match object.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// The first Recipe object in document order: the value itself, or inside it (`@graph`,
/// `mainEntity`, arrays, any property), at most [`MAX_DEPTH`] levels down. No recursion.
pub fn first_recipe(doc: &Value) -> Option<&Map<String, Value>> {
    let mut stack = vec![(doc, 0usize)];
    let mut visited = 0;
    while let Some((value, depth)) = stack.pop() {
        visited += 1;
        if visited > MAX_NODES {
            return None;
        }
        let children: Vec<&Value> = match value {
            Value::Object(m) if is_recipe(m) => return Some(m),
            Value::Object(m) => {
                // The usual containers first, then any other property.
                let preferred = ["@graph", "mainEntity", "mainEntityOfPage"];
                let first = preferred.iter().filter_map(|k| m.get(*k));
                let rest = m.iter().filter(|(k, _)| !preferred.contains(&k.as_str())).map(|(_, v)| v);
                first.chain(rest).collect()
            }
            Value::Array(items) => items.iter().collect(),
            _ => continue,
        };
        if depth < MAX_DEPTH {
            stack.extend(children.into_iter().rev().filter(|v| v.is_object() || v.is_array()).map(|v| (v, depth + 1)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn recipes_are_found_where_pages_put_them() {
        let name = |v: &Value| first_recipe(v).and_then(|m| m.get("name")).and_then(Value::as_str).map(str::to_string);
        assert_eq!(name(&json!({"@type": "Recipe", "name": "a"})).as_deref(), Some("a"));
        assert_eq!(name(&json!([{"@type": "Person"}, {"@type": ["Recipe", "NewsArticle"], "name": "b"}])).as_deref(), Some("b"));
        assert_eq!(name(&json!({"@graph": [{"@type": "WebPage"}, {"@type": "schema:Recipe", "name": "c"}]})).as_deref(), Some("c"));
        assert_eq!(
            name(&json!({"@type": "WebPage", "mainEntity": {"@type": "http://schema.org/Recipe", "name": "d"}})).as_deref(),
            Some("d")
        );
        assert_eq!(name(&json!({"@type": "Recipes"})), None);
        assert_eq!(name(&json!({"@type": 5})), None);
        // Deeper than the limit is not looked at (and does not overflow the stack).
        let mut deep = json!({"@type": "Recipe", "name": "deep"});
        for _ in 0..MAX_DEPTH + 1 {
            deep = json!([deep]);
        }
        assert_eq!(name(&deep), None);
    }

    #[test]
    fn sniffing() {
        assert!(is_json(" \n{\"a\":1}") && is_json("\u{feff}[1]"));
        assert!(!is_json(">> title: x\n") && !is_json(""));
        assert!(is_html("<!DOCTYPE html><html></html>") && is_html("  <script type=\"application/ld+json\">{}</script>"));
        assert!(!is_html("Boil @water{1%l}.") && !is_html("<b>hi</b>"));
    }

    #[test]
    fn invalid_json_names_the_line_and_column_in_the_page() {
        let page = "<html>\n<head>\n<script type=\"application/ld+json\">\n{\n  \"@type\": \"Recipe\",\n  \"name\": oops\n}\n</script>\n</head></html>";
        let e = find_recipe("p.html", page).unwrap_err();
        assert!(e.to_string().starts_with("p.html:6:11: invalid JSON: expected value"), "{e}");
        let e = find_recipe("crlf.html", &page.replace('\n', "\r\n")).unwrap_err();
        assert!(e.to_string().starts_with("crlf.html:6:11: invalid JSON"), "{e}");
        let e = find_recipe("x.json", "{\n  \"a\": 1,\n  \"b\" 2\n}").unwrap_err();
        assert!(e.to_string().starts_with("x.json:3:7: invalid JSON: expected `:`"), "{e}");
        let e = find_recipe("one.json", "{\"a\": }").unwrap_err();
        assert!(e.to_string().starts_with("one.json:1:7: invalid JSON"), "{e}");
    }
}
