//! Turning what a person types into a safe FTS5 query.

/// Builds an FTS5 MATCH expression from free text: every word becomes a quoted prefix term
/// (`"kef"*`), all of which must match. Quotes, operators and brackets typed by the user are
/// just separators, so no input can produce an FTS5 syntax error. `None` when no word remains.
pub fn fts_query(text: &str) -> Option<String> {
    let terms: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{}\"*", w.to_lowercase()))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// An FTS5 expression for recipes whose tags contain every word of `tag` (a narrowing step:
/// the caller checks the exact tag). `None` when the tag has no word.
pub fn tag_query(tag: &str) -> Option<String> {
    let words: Vec<String> =
        tag.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| format!("\"{}\"", w.to_lowercase())).collect();
    (!words.is_empty()).then(|| format!("tags : ({})", words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::{fts_query, tag_query};

    #[test]
    fn a_tag_becomes_words_in_the_tags_column() {
        assert_eq!(tag_query("Quick dinner"), Some("tags : (\"quick\" \"dinner\")".into()));
        assert_eq!(tag_query(" # "), None);
    }

    #[test]
    fn operators_and_quotes_become_plain_terms() {
        assert_eq!(fts_query("kefir"), Some("\"kefir\"*".into()));
        assert_eq!(fts_query("\"coconut\" AND (kefir OR"), Some("\"coconut\"* \"and\"* \"kefir\"* \"or\"*".into()));
        assert_eq!(fts_query("  ***  "), None);
        assert_eq!(fts_query("crème"), Some("\"crème\"*".into()));
    }
}
