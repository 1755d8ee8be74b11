//! Documents for paper and files: one layout model per kind of document (`layout.rs`), rendered
//! as Markdown (`markdown.rs`) or PDF (`pdf/`). The app's print view lays out the same model.

pub mod layout;
pub mod markdown;
pub mod pdf;

pub use layout::{ListDoc, ListLine, ListSection};
