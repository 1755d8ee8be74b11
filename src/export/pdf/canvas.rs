//! What the layouts draw — text runs, boxes and lines in points from a page's top-left corner —
//! collected page by page (`Canvas`), flowed into columns (`Flow`), and written out through
//! printpdf with the fonts subset to the characters drawn.

use super::fonts::{subset_font, Face, Fonts};
use super::PdfError;
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, TextItem,
};
use std::collections::{BTreeMap, BTreeSet};

/// Line height as a multiple of the type size.
pub(crate) const LEADING: f32 = 1.25;
/// From the top of a line box to its baseline, as a multiple of the type size (DejaVu's ascender
/// is 0.93 em; the rest of the leading goes below, where the descender needs 0.24 em).
pub(crate) const BASELINE: f32 = 0.95;

/// Grey levels: 0 is black.
pub(crate) const INK: f32 = 0.0;
pub(crate) const MUTED: f32 = 0.38;
pub(crate) const RULE: f32 = 0.65;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A run of cleaned text whose baseline starts at (x, y).
    Text { face: Face, size: f32, x: f32, y: f32, text: String, grey: f32 },
    /// A rectangle by its top-left corner: stroked with `stroke` points, or filled when `None`.
    Rect { x: f32, y: f32, w: f32, h: f32, stroke: Option<f32>, grey: f32 },
    /// An open polyline.
    Line { points: Vec<(f32, f32)>, width: f32, grey: f32 },
}

impl Item {
    fn shifted(mut self, dx: f32, dy: f32) -> Item {
        match &mut self {
            Item::Text { x, y, .. } | Item::Rect { x, y, .. } => {
                *x += dx;
                *y += dy;
            }
            Item::Line { points, .. } => {
                for p in points {
                    p.0 += dx;
                    p.1 += dy;
                }
            }
        }
        self
    }
}

/// Something placed whole: its items relative to its own top-left corner, its height, and the
/// space wanted above it unless it starts a column.
#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    pub items: Vec<Item>,
    pub height: f32,
    pub space_before: f32,
}

impl Block {
    pub(crate) fn new(space_before: f32) -> Block {
        Block { items: Vec::new(), height: 0.0, space_before }
    }

    /// Lines of text, one below the other, starting `self.height` down, at `x`.
    pub(crate) fn lines(&mut self, face: Face, size: f32, x: f32, lines: &[String], grey: f32) {
        let top = self.height;
        let h = self.lines_at(face, size, x, top, lines, grey);
        self.height = top + h;
    }

    /// Lines of text at `x`, their first line box's top at `top`; returns their height and
    /// leaves `self.height` alone (for text side by side).
    pub(crate) fn lines_at(&mut self, face: Face, size: f32, x: f32, top: f32, lines: &[String], grey: f32) -> f32 {
        for (i, line) in lines.iter().enumerate() {
            let y = top + (i as f32) * size * LEADING + size * BASELINE;
            self.items.push(Item::Text { face, size, x, y, text: line.clone(), grey });
        }
        (lines.len() as f32) * size * LEADING
    }

    /// This block followed by `next` as one block (a heading kept with its first line).
    pub(crate) fn then(mut self, next: Block) -> Block {
        let dy = self.height + next.space_before;
        self.items.extend(next.items.into_iter().map(|i| i.shifted(0.0, dy)));
        self.height = dy + next.height;
        self
    }
}

/// The page size and margins, in points.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Geometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    /// Where the content stops; page numbers go in the margin below.
    pub bottom: f32,
}

impl Geometry {
    pub(crate) fn new(width: f32, height: f32, margin: f32) -> Geometry {
        Geometry { width, height, margin, bottom: height - margin }
    }

    pub(crate) fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }
}

/// Pages of items.
#[derive(Debug)]
pub(crate) struct Canvas {
    pub geometry: Geometry,
    pub pages: Vec<Vec<Item>>,
}

impl Canvas {
    pub(crate) fn new(geometry: Geometry) -> Canvas {
        Canvas { geometry, pages: vec![Vec::new()] }
    }

    pub(crate) fn page(&mut self) -> &mut Vec<Item> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub(crate) fn draw(&mut self, block: Block, x: f32, y: f32) {
        self.page().extend(block.items.into_iter().map(|i| i.shifted(x, y)));
    }

    /// "1 / 3", centred in the bottom margin of every page.
    pub(crate) fn number_pages(&mut self, fonts: &Fonts) {
        let total = self.pages.len();
        let g = self.geometry;
        let size = 8.0;
        for (i, page) in self.pages.iter_mut().enumerate() {
            let text = format!("{} / {total}", i + 1);
            let w = fonts.width(Face::Regular, size, &text);
            let y = g.bottom + (g.height - g.bottom) * 0.55;
            page.push(Item::Text { face: Face::Regular, size, x: (g.width - w) / 2.0, y, text, grey: MUTED });
        }
    }

    /// The document as PDF bytes: each face subset to the characters drawn in it.
    pub(crate) fn finish(mut self, title: &str) -> Result<Vec<u8>, PdfError> {
        let fonts = Fonts::get()?;
        let mut used: BTreeMap<Face, BTreeSet<char>> = BTreeMap::new();
        for item in self.pages.iter_mut().flatten() {
            if let Item::Text { face, text, .. } = item {
                // The layouts clean what they measure; this catches any run they did not, so no
                // character is ever dropped silently for want of a glyph.
                if text.chars().any(|c| !fonts.has(*face, c)) {
                    *text = fonts.clean(*face, text);
                }
                used.entry(*face).or_default().extend(text.chars());
            }
        }
        let mut doc = PdfDocument::new(title);
        let info = &mut doc.metadata.info;
        let now = OffsetDateTime::now_utc();
        (info.creation_date, info.modification_date, info.metadata_date) = (now, now, now);
        info.creator = "Gutsy".into();
        info.producer = concat!("Gutsy ", env!("CARGO_PKG_VERSION"), " (printpdf)").into();
        let mut ids: BTreeMap<Face, FontId> = BTreeMap::new();
        for (face, chars) in &used {
            ids.insert(*face, doc.add_font(&subset_font(*face, chars)?));
        }
        let g = self.geometry;
        let pages: Vec<PdfPage> =
            self.pages.iter().map(|items| PdfPage::new(mm(g.width), mm(g.height), ops(items, &ids, g.height))).collect();
        doc.with_pages(pages);
        let mut warnings = Vec::new();
        let bytes = doc.save(&PdfSaveOptions { subset_fonts: false, ..PdfSaveOptions::default() }, &mut warnings);
        match warnings.into_iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
            Some(w) => Err(PdfError::Writer { page: w.page + 1, message: w.msg }),
            None => Ok(bytes),
        }
    }
}

fn mm(pt: f32) -> Mm {
    Mm(pt * 25.4 / 72.0)
}

fn grey(level: f32) -> Color {
    Color::Greyscale(Greyscale::new(level, None))
}

/// printpdf operations for one page; y turns from "down from the top" into PDF's "up from the
/// bottom".
fn ops(items: &[Item], ids: &BTreeMap<Face, FontId>, height: f32) -> Vec<Op> {
    let pt = |x: f32, y: f32| Point { x: Pt(x), y: Pt(height - y) };
    let mut out = Vec::with_capacity(items.len() * 5);
    for item in items {
        match item {
            Item::Text { face, size, x, y, text, grey: g } => {
                let Some(id) = ids.get(face) else { continue };
                out.extend([
                    Op::StartTextSection,
                    Op::SetFillColor { col: grey(*g) },
                    Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(*size) },
                    Op::SetTextCursor { pos: pt(*x, *y) },
                    Op::ShowText { items: vec![TextItem::Text(text.clone())] },
                    Op::EndTextSection,
                ]);
            }
            Item::Rect { x, y, w, h, stroke, grey: g } => {
                let mode = match stroke {
                    Some(width) => {
                        out.push(Op::SetOutlineColor { col: grey(*g) });
                        out.push(Op::SetOutlineThickness { pt: Pt(*width) });
                        PaintMode::Stroke
                    }
                    None => {
                        out.push(Op::SetFillColor { col: grey(*g) });
                        PaintMode::Fill
                    }
                };
                let rectangle =
                    Rect { x: Pt(*x), y: Pt(height - y - h), width: Pt(*w), height: Pt(*h), mode: Some(mode), winding_order: None };
                out.push(Op::DrawRectangle { rectangle });
            }
            Item::Line { points, width, grey: g } => {
                out.push(Op::SetOutlineColor { col: grey(*g) });
                out.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let points = points.iter().map(|&(x, y)| LinePoint { p: pt(x, y), bezier: false }).collect();
                out.push(Op::DrawLine { line: Line { points, is_closed: false } });
            }
        }
    }
    out
}

/// Blocks flowed down columns: the left column of a page, then the next, then a new page. A
/// block is never split; one taller than a whole column starts a fresh column and runs over its
/// end (the layouts cut what they place to a column's height first).
///
/// Hand-rolled rather than printpdf's HTML layout (behind its `text_layout`/`html` features):
/// the lists need exactly "next column or next page, keep a heading with its first line", which
/// is these few lines.
#[derive(Debug)]
pub(crate) struct Flow {
    pub canvas: Canvas,
    pub columns: usize,
    pub gutter: f32,
    /// Where the columns start on the current page (below the first page's title).
    pub top: f32,
    pub column: usize,
    pub y: f32,
}

impl Flow {
    pub(crate) fn new(canvas: Canvas, columns: usize, gutter: f32, top: f32) -> Flow {
        Flow { canvas, columns: columns.max(1), gutter, top, column: 0, y: top }
    }

    pub(crate) fn column_width(&self) -> f32 {
        let g = self.canvas.geometry;
        (g.content_width() - self.gutter * (self.columns as f32 - 1.0)) / self.columns as f32
    }

    pub(crate) fn at_column_top(&self) -> bool {
        self.y <= self.top
    }

    /// Whether `block` fits below what the current column holds.
    pub(crate) fn fits(&self, block: &Block) -> bool {
        let space = if self.at_column_top() { 0.0 } else { block.space_before };
        self.y + space + block.height <= self.canvas.geometry.bottom + 0.01
    }

    /// On to the next column, or the first column of a new page.
    pub(crate) fn next_column(&mut self) {
        if self.column + 1 < self.columns {
            self.column += 1;
        } else {
            self.canvas.pages.push(Vec::new());
            self.column = 0;
            self.top = self.canvas.geometry.margin;
        }
        self.y = self.top;
    }

    /// Places `block` in the current column, or at the top of the next one when it does not
    /// fit. Returns whether it moved on.
    pub(crate) fn place(&mut self, block: Block) -> bool {
        let moved = !self.fits(&block) && !self.at_column_top();
        if moved {
            self.next_column();
        }
        let space = if self.at_column_top() { 0.0 } else { block.space_before };
        let x = self.canvas.geometry.margin + self.column as f32 * (self.column_width() + self.gutter);
        let (y, h) = (self.y + space, block.height);
        self.canvas.draw(block, x, y);
        self.y = y + h;
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(h: f32, space_before: f32) -> Block {
        Block { items: vec![Item::Rect { x: 0.0, y: 0.0, w: 1.0, h, stroke: None, grey: 0.0 }], height: h, space_before }
    }

    fn tops(flow: &Flow) -> Vec<Vec<(i32, i32)>> {
        flow.canvas
            .pages
            .iter()
            .map(|p| p.iter().filter_map(|i| if let Item::Rect { x, y, .. } = i { Some((*x as i32, *y as i32)) } else { None }).collect())
            .collect()
    }

    #[test]
    fn blocks_fill_the_left_column_then_the_right_then_a_new_page() {
        // 100 pt of column between 50 and 150 on the first page, 140 later (10..150).
        let mut flow = Flow::new(Canvas::new(Geometry::new(220.0, 160.0, 10.0)), 2, 20.0, 50.0);
        assert_eq!(flow.column_width(), 90.0);
        for _ in 0..6 {
            flow.place(block(40.0, 5.0));
        }
        // Left: 50, 95 (space 5); right: 50, 95; next page left: 10, 55.
        assert_eq!(tops(&flow), vec![vec![(10, 50), (10, 95), (120, 50), (120, 95)], vec![(10, 10), (10, 55)]]);
    }

    #[test]
    fn a_block_taller_than_a_column_starts_a_fresh_one_and_never_loops() {
        let mut flow = Flow::new(Canvas::new(Geometry::new(220.0, 160.0, 10.0)), 1, 0.0, 10.0);
        flow.place(block(10.0, 0.0));
        assert!(flow.place(block(500.0, 0.0)));
        assert!(flow.place(block(10.0, 0.0)), "the column is full");
        assert_eq!(flow.canvas.pages.len(), 3);
    }

    #[test]
    fn a_heading_kept_with_its_line_moves_with_it() {
        let heading = block(10.0, 8.0);
        let both = heading.then(block(20.0, 2.0));
        assert_eq!(both.height, 32.0);
        assert_eq!(both.space_before, 8.0);
        let ys: Vec<f32> = both.items.iter().filter_map(|i| if let Item::Rect { y, .. } = i { Some(*y) } else { None }).collect();
        assert_eq!(ys, vec![0.0, 12.0]);
    }
}
