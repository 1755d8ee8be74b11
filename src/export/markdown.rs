//! The list as Markdown (GitHub task lists), which also reads well as plain text.

use super::layout::ListDoc;
use std::fmt::Write;

/// `# Title`, `## Aisle`, `- [ ] 1½ cups rolled oats — for: Overnight Oats`.
pub fn list_markdown(doc: &ListDoc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}", doc.title);
    if let Some(sub) = &doc.subtitle {
        let _ = writeln!(out, "\n{sub}");
    }
    for section in &doc.sections {
        let _ = writeln!(out, "\n## {}\n", section.heading);
        for line in &section.lines {
            let tick = if line.checked { "x" } else { " " };
            let qty = if line.quantity.is_empty() { String::new() } else { format!("{} ", line.quantity) };
            let detail = line.detail.as_ref().map(|d| format!(" — {d}")).unwrap_or_default();
            let _ = writeln!(out, "- [{tick}] {qty}{}{detail}", line.name);
        }
    }
    if let Some(footer) = &doc.footer {
        let _ = writeln!(out, "\n{footer}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ListLine, ListSection};

    #[test]
    fn every_section_and_line_is_written_as_a_task() {
        let doc = ListDoc {
            title: "Shopping list".into(),
            subtitle: Some("2 people".into()),
            sections: vec![ListSection {
                heading: "Fruit & vegetables".into(),
                lines: vec![
                    ListLine { checked: false, quantity: "2".into(), name: "jalapeño".into(), detail: Some("for: Salsa".into()) },
                    ListLine { checked: true, quantity: String::new(), name: "salt".into(), detail: None },
                ],
            }],
            footer: None,
        };
        let md = list_markdown(&doc);
        assert!(md.starts_with("# Shopping list\n\n2 people\n"));
        assert!(md.contains("## Fruit & vegetables\n\n- [ ] 2 jalapeño — for: Salsa\n- [x] salt\n"), "{md}");
    }
}
