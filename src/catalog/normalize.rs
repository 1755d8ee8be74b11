//! Text → match tokens: lowercase words, punctuation and hyphens as separators.

/// Lowercases `text` into `buf` with every run of non-alphanumeric characters turned into one
/// space, and returns the byte ranges of the words in `buf`.
pub fn tokens_into(text: &str, buf: &mut String, out: &mut Vec<(usize, usize)>) {
    buf.clear();
    out.clear();
    let mut start: Option<usize> = None;
    for c in text.chars() {
        // Apostrophes join ("za'atar" → "zaatar"), so "baker's" does not make a stray "s".
        if c == '\'' || c == '’' {
            continue;
        }
        if c.is_alphanumeric() {
            if start.is_none() {
                if !buf.is_empty() {
                    buf.push(' ');
                }
                start = Some(buf.len());
            }
            for l in c.to_lowercase() {
                buf.push(l);
            }
        } else if let Some(s) = start.take() {
            out.push((s, buf.len()));
        }
    }
    if let Some(s) = start {
        out.push((s, buf.len()));
    }
}

/// Normalized form of a phrase: `"Gluten-Free  Oats"` → `"gluten free oats"`.
pub fn normalize(text: &str) -> String {
    let mut buf = String::new();
    let mut toks = Vec::new();
    tokens_into(text, &mut buf, &mut toks);
    buf
}

/// English plural forms of a phrase's last word, for matching "tomatoes" to "tomato".
pub fn plurals(phrase: &str) -> Vec<String> {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (format!("{h} "), l),
        None => (String::new(), phrase),
    };
    let mut forms = vec![format!("{head}{last}s"), format!("{head}{last}es")];
    if let Some(stem) = last.strip_suffix('y') {
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            forms.push(format!("{head}{stem}ies"));
        }
    }
    if let Some(stem) = last.strip_suffix("fe").or_else(|| last.strip_suffix('f')) {
        forms.push(format!("{head}{stem}ves"));
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_punctuation_and_case() {
        assert_eq!(normalize("Certified Gluten-Free  Oats!"), "certified gluten free oats");
        assert_eq!(normalize("100% buckwheat soba"), "100 buckwheat soba");
        assert_eq!(normalize("za'atar"), "zaatar");
        assert_eq!(normalize("  "), "");
    }

    #[test]
    fn plural_forms() {
        let p = plurals("cherry");
        assert!(p.contains(&"cherries".to_string()));
        assert!(plurals("tomato").contains(&"tomatoes".to_string()));
        assert!(plurals("bay leaf").contains(&"bay leaves".to_string()));
        assert!(!plurals("day").contains(&"daies".to_string()));
    }
}
