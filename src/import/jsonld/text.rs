//! Text out of JSON-LD values: HTML entities decoded and tags dropped by html5ever (through
//! `scraper`'s fragment parsing), block elements (`<p>`, `<br>`, `<li>`) as paragraph breaks,
//! white space collapsed.

use ego_tree::iter::Edge;
use scraper::{Html, Node};
use serde_json::Value;

/// Elements that break a paragraph.
const BLOCKS: [&str; 16] = ["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "hr"];
/// Elements whose content is not text a cook wrote.
const HIDDEN: [&str; 4] = ["script", "style", "template", "noscript"];

/// The paragraphs of a text that may hold HTML: entities decoded, tags dropped, each paragraph
/// (a line, or a block element) with its white space collapsed; empty ones left out.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
    // Control characters (NUL and the like) are never a cook's text; a lone CR ends a line.
    let cleaned;
    let text = if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        cleaned = text
            .chars()
            .filter_map(|c| if c == '\r' { Some('\n') } else { (!c.is_control() || c == '\t' || c == '\n').then_some(c) })
            .collect::<String>();
        cleaned.as_str()
    } else {
        text
    };
    let plain;
    let text = if text.contains(['<', '&']) {
        plain = html_text(text);
        plain.as_str()
    } else {
        text
    };
    text.lines().map(collapse).filter(|l| !l.is_empty()).collect()
}

/// One line of text (a title, a name): [`paragraphs`] joined by spaces.
pub(super) fn line(text: &str) -> String {
    paragraphs(text).join(" ")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an HTML fragment, a line break around every block element.
fn html_text(fragment: &str) -> String {
    let html = Html::parse_fragment(fragment);
    let mut out = String::with_capacity(fragment.len());
    // Inside how many hidden elements the walk is (their text is skipped).
    let mut hidden = 0usize;
    for edge in html.root_element().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) if hidden == 0 => out.push_str(t),
                Node::Element(e) if HIDDEN.contains(&e.name()) => hidden += 1,
                Node::Element(e) if BLOCKS.contains(&e.name()) => out.push('\n'),
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(e) if HIDDEN.contains(&e.name()) => hidden = hidden.saturating_sub(1),
                Node::Element(e) if BLOCKS.contains(&e.name()) => out.push('\n'),
                _ => {}
            },
        }
    }
    out
}

/// The texts of a value that should be text: a string, a number, an object's `name` (or
/// `@value`, `text`), or an array of those (one level: nested arrays are not text).
pub(super) fn texts(value: &Value) -> Vec<String> {
    let one = |v: &Value| -> Option<String> {
        let s = match v {
            Value::String(s) => line(s),
            Value::Number(n) => n.to_string(),
            Value::Object(m) => ["name", "@value", "text"].iter().find_map(|k| m.get(*k).and_then(Value::as_str)).map(line)?,
            _ => return None,
        };
        (!s.is_empty()).then_some(s)
    };
    match value {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}

/// The first text of a value (see [`texts`]).
pub(super) fn first_text(value: Option<&Value>) -> Option<String> {
    value.and_then(|v| texts(v).into_iter().next())
}

/// A list of words: a string split at commas, or an array of texts (kept whole, so a tag may
/// hold a comma). Duplicates (ignoring case) dropped.
pub(super) fn word_list(value: Option<&Value>) -> Vec<String> {
    let Some(value) = value else { return Vec::new() };
    let words: Vec<String> = match value {
        Value::String(s) => line(s).split(',').map(|w| w.trim().to_string()).collect(),
        other => texts(other),
    };
    let mut out: Vec<String> = Vec::new();
    for w in words {
        push_unique(&mut out, w);
    }
    out
}

/// Adds `word` unless empty or already there (ignoring case).
fn push_unique(list: &mut Vec<String>, word: String) {
    if !word.is_empty() && !list.iter().any(|w| w.to_lowercase() == word.to_lowercase()) {
        list.push(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entities_and_tags() {
        assert_eq!(line("Crème fraîche &amp; chives"), "Crème fraîche & chives");
        assert_eq!(line("<b>Bold</b>&nbsp;move &lt;3"), "Bold move <3");
        assert_eq!(line("1 < 2 & 3 > 2"), "1 < 2 & 3 > 2");
        assert_eq!(line("plain   words\n here"), "plain words here");
        assert_eq!(paragraphs("<p>Heat the pan.</p><p>Add   oil.</p>Then wait."), vec!["Heat the pan.", "Add oil.", "Then wait."]);
        assert_eq!(paragraphs("One<br>Two<br/>Three"), vec!["One", "Two", "Three"]);
        assert_eq!(paragraphs("<ol><li>a</li><li>b</li></ol>"), vec!["a", "b"]);
        assert_eq!(line("Hi<script>alert(1)</script> there<style>p{}</style>"), "Hi there");
        assert_eq!(line("&#39;quoted&#39; &quot;x&quot; &eacute;"), "'quoted' \"x\" é");
        assert_eq!(line("<unclosed"), "");
        assert_eq!(paragraphs("a\0b\r\nc\rd\u{7}"), vec!["ab", "c", "d"]);
        assert_eq!(line("<\0a"), "", "NUL is dropped before the markup is read");
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn values_as_text() {
        assert_eq!(texts(&json!("a &amp; b")), vec!["a & b"]);
        assert_eq!(texts(&json!(4)), vec!["4"]);
        assert_eq!(texts(&json!({"@type": "Person", "name": "Asha"})), vec!["Asha"]);
        assert_eq!(texts(&json!(["x", {"name": "y"}, ["nested"], null, ""])), vec!["x", "y"]);
        assert!(texts(&json!(null)).is_empty());
        assert_eq!(word_list(Some(&json!("easy, Quick,  easy , dinner"))), vec!["easy", "Quick", "dinner"]);
        assert_eq!(word_list(Some(&json!(["a, b", "c"]))), vec!["a, b", "c"]);
        assert!(word_list(None).is_empty());
    }
}
