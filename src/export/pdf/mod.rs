//! Documents as PDF, through printpdf: the shopping list (`list.rs`), a week's plan
//! (`plan.rs`) and a recipe card (`recipe.rs`). Each lays its pages out as blocks of text runs,
//! boxes and lines (`canvas.rs`, which also flows blocks down columns and writes the file), set
//! in DejaVu Sans embedded as per-document subsets with a ToUnicode map, so `pdftotext` and
//! copy-paste give the words back (`fonts.rs`, which also measures and wraps text).

mod canvas;
mod fonts;
mod list;
mod plan;
mod recipe;

pub use list::list_pdf;
pub use plan::plan_pdf;
pub use recipe::recipe_pdf;

use serde::{Deserialize, Serialize};

/// A paper size. Lists and recipes are portrait, plans landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points, portrait.
    pub fn portrait(self) -> (f32, f32) {
        match self {
            Paper::A4 => (210.0 / 25.4 * 72.0, 297.0 / 25.4 * 72.0),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// Width and height in points, landscape.
    pub fn landscape(self) -> (f32, f32) {
        let (w, h) = self.portrait();
        (h, w)
    }
}

/// Why a PDF could not be written. None of these depends on the document's text: they mean the
/// bundled fonts or the PDF writer failed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the bundled font {face} cannot be read")]
    Font { face: &'static str },
    #[error("the font {face} cannot be subset: {source}")]
    Subset {
        face: &'static str,
        #[source]
        source: allsorts::subset::SubsetError,
    },
    #[error("the PDF writer failed on page {page}: {message}")]
    Writer { page: usize, message: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paper_sizes_in_points() {
        let (w, h) = Paper::A4.portrait();
        assert!((w - 595.28).abs() < 0.01 && (h - 841.89).abs() < 0.01);
        assert_eq!(Paper::Letter.landscape(), (792.0, 612.0));
        assert_eq!(serde_json::to_string(&Paper::Letter).unwrap(), "\"letter\"");
    }

    #[test]
    fn empty_documents_still_render() {
        let list = crate::export::ListDoc { title: String::new(), subtitle: None, sections: vec![], footer: None };
        let plan = crate::planner::PlanView {
            id: None,
            name: None,
            start: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            days: vec![],
            metrics: crate::planner::WeekMetrics { plants: vec![], fermented_days: 0, fiber_g_per_day: vec![] },
            prep: vec![],
            warnings: vec![],
        };
        let recipe = crate::import::parse_cook("e.cook", "---\ntitle: 🍲\n---\nServe.\n").unwrap();
        let view = crate::library::recipe_view(crate::catalog::Catalog::bundled(), &recipe, 1, &crate::filter::Filter::default());
        for pdf in [list_pdf(&list, Paper::A4), plan_pdf(&plan, Paper::Letter), recipe_pdf(&view, Paper::A4)] {
            assert!(pdf.unwrap().starts_with(b"%PDF-"));
        }
    }
}
