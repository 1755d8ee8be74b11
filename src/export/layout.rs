//! The printable list: a title, sections (aisles) of checkable lines. The shopping list builds
//! it; the PDF, the Markdown export and the app's print view only render it.

use serde::Serialize;

/// A checklist document (the shopping list).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ListDoc {
    /// "Shopping list — Week of Mon 30 Nov".
    pub title: String,
    /// "30 Nov – 6 Dec · 2 people · 21 meals".
    pub subtitle: Option<String>,
    pub sections: Vec<ListSection>,
    /// A closing remark ("In your pantry: salt, olive oil.").
    pub footer: Option<String>,
}

/// One heading (an aisle) and its lines, in order.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ListSection {
    pub heading: String,
    pub lines: Vec<ListLine>,
}

/// One line to tick: "☐ 1½ cups  rolled oats   for: Overnight Oats, Porridge".
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ListLine {
    pub checked: bool,
    /// "1½ cups", "400 g + 2 cans (14 oz)"; empty for "to taste" items.
    pub quantity: String,
    pub name: String,
    /// Small print: "for: Overnight Oats, Porridge".
    pub detail: Option<String>,
}
