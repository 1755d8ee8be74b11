//! The shopping list on paper: the title, then aisles as bold headings over lines to tick, in
//! two columns when they fit, page numbers at the bottom.

use super::canvas::{Block, Canvas, Flow, Geometry, Item, BASELINE, INK, LEADING, MUTED, RULE};
use super::fonts::{Face, Fonts};
use super::{Paper, PdfError};
use crate::export::layout::{ListDoc, ListLine};

const MARGIN: f32 = 42.0;
const GUTTER: f32 = 24.0;
const TITLE: f32 = 18.0;
const SUBTITLE: f32 = 10.0;
const HEADING: f32 = 11.0;
const TEXT: f32 = 10.0;
const SMALL: f32 = 8.0;
/// The checkbox's side, and where the quantity starts.
const BOX: f32 = 8.0;
const TEXT_X: f32 = BOX + 6.0;
/// Between the quantity column and the name.
const QTY_GAP: f32 = 8.0;
/// The quantity column takes this share of a column for quantities of ordinary length, and at
/// most `QTY_SHARE` for a single long word; longer quantities wrap.
const QTY_COMFORTABLE: f32 = 0.28;
const QTY_SHARE: f32 = 0.36;
/// Lines kept of an absurdly long name, detail or quantity, so one item always fits a column.
const MAX_LINES: usize = 12;

/// Where things go across one column of width `width`.
#[derive(Debug, Clone, Copy)]
struct Columns {
    width: f32,
    qty_w: f32,
    name_x: f32,
}

impl Columns {
    /// The quantity column is as wide as the widest quantity that takes at most a comfortable
    /// share of the column ("1 bunch", "4 fillets"): sized by the very longest, one odd
    /// "400 g + 2 cans (14 oz)" would narrow every name, so that one wraps instead. It always
    /// holds the longest single word, and never more than `QTY_SHARE` of the column.
    fn new(fonts: &Fonts, doc: &ListDoc, width: f32) -> Columns {
        let comfortable = (width - TEXT_X) * QTY_COMFORTABLE;
        let mut qty_w: f32 = 0.0;
        for q in doc.sections.iter().flat_map(|s| &s.lines).map(|l| l.quantity.as_str()) {
            let w = fonts.width(Face::Regular, TEXT, &fonts.clean(Face::Regular, q));
            qty_w = qty_w.max(if w <= comfortable { w } else { fonts.widest_word(Face::Regular, TEXT, q) });
        }
        let qty_w = qty_w.min((width - TEXT_X) * QTY_SHARE);
        let name_x = if qty_w > 0.0 { TEXT_X + qty_w + QTY_GAP } else { TEXT_X };
        Columns { width, qty_w, name_x }
    }

    fn name_w(&self) -> f32 {
        self.width - self.name_x
    }

    /// Every word of every heading, quantity, name and detail has room without being cut.
    fn hold_every_word(&self, fonts: &Fonts, doc: &ListDoc) -> bool {
        doc.sections.iter().all(|s| {
            fonts.widest_word(Face::Bold, HEADING, &s.heading) <= self.width
                && s.lines.iter().all(|l| {
                    fonts.widest_word(Face::Regular, TEXT, &l.quantity) <= self.qty_w
                        && fonts.widest_word(Face::Regular, TEXT, &l.name) <= self.name_w()
                        && l.detail.as_deref().is_none_or(|d| fonts.widest_word(Face::Regular, SMALL, d) <= self.name_w())
                })
        })
    }
}

/// The shopping list as a PDF: A4 or US Letter, portrait.
pub fn list_pdf(doc: &ListDoc, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::get()?;
    let mut canvas = layout(fonts, doc, paper);
    canvas.number_pages(fonts);
    canvas.finish(&doc.title)
}

/// The pages of the list, before page numbers.
fn layout(fonts: &Fonts, doc: &ListDoc, paper: Paper) -> Canvas {
    let (w, h) = paper.portrait();
    let geometry = Geometry::new(w, h, MARGIN);
    let mut canvas = Canvas::new(geometry);
    let top = header(fonts, &mut canvas, doc);
    // Two columns unless that would cut a word (a very long quantity or name): then one.
    let two = Columns::new(fonts, doc, (geometry.content_width() - GUTTER) / 2.0);
    let (columns, cols) = if two.hold_every_word(fonts, doc) { (2, two) } else { (1, Columns::new(fonts, doc, geometry.content_width())) };
    let mut flow = Flow::new(canvas, columns, GUTTER, top);
    for section in &doc.sections {
        let mut lines = section.lines.iter();
        let Some(first) = lines.next() else {
            flow.place(heading(fonts, &section.heading, cols.width, false));
            continue;
        };
        // A heading never ends a column: it goes with its first line.
        flow.place(heading(fonts, &section.heading, cols.width, false).then(item(fonts, first, cols)));
        for line in lines {
            let block = item(fonts, line, cols);
            if flow.fits(&block) {
                flow.place(block);
            } else {
                // A new column in the middle of an aisle says which aisle it is.
                flow.next_column();
                flow.place(heading(fonts, &section.heading, cols.width, true).then(block));
            }
        }
    }
    if let Some(footer) = doc.footer.as_deref() {
        let mut block = Block::new(14.0);
        block.lines(Face::Regular, 9.0, 0.0, &fonts.wrap(Face::Regular, 9.0, footer, cols.width), MUTED);
        flow.place(block);
    }
    flow.canvas
}

/// The title, subtitle and a rule on the first page; returns where the columns start.
fn header(fonts: &Fonts, canvas: &mut Canvas, doc: &ListDoc) -> f32 {
    let g = canvas.geometry;
    let width = g.content_width();
    let mut block = Block::new(0.0);
    block.lines(Face::Bold, TITLE, 0.0, &fonts.wrap(Face::Bold, TITLE, &doc.title, width), INK);
    if let Some(sub) = doc.subtitle.as_deref() {
        block.height += 2.0;
        block.lines(Face::Regular, SUBTITLE, 0.0, &fonts.wrap(Face::Regular, SUBTITLE, sub, width), MUTED);
    }
    block.height += 5.0;
    block.items.push(Item::Line { points: vec![(0.0, block.height), (width, block.height)], width: 0.8, grey: INK });
    let bottom = g.margin + block.height + 14.0;
    canvas.draw(block, g.margin, g.margin);
    bottom
}

/// An aisle's name in bold over a hairline; "(cont.)" when it heads a later column.
fn heading(fonts: &Fonts, text: &str, width: f32, continued: bool) -> Block {
    let mut block = Block::new(if continued { 0.0 } else { 11.0 });
    let text = if continued { format!("{text} (cont.)") } else { text.to_string() };
    let mut lines = fonts.wrap(Face::Bold, HEADING, &text, width);
    lines.truncate(MAX_LINES);
    block.lines(Face::Bold, HEADING, 0.0, &lines, if continued { MUTED } else { INK });
    block.height += 1.5;
    block.items.push(Item::Line { points: vec![(0.0, block.height), (width, block.height)], width: 0.5, grey: RULE });
    block.height += 4.0;
    block
}

/// `lines` cut to `max`, the last one kept ending in "…".
fn capped(fonts: &Fonts, face: Face, size: f32, mut lines: Vec<String>, width: f32) -> Vec<String> {
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            *last = fonts.truncate(face, size, &format!("{last} …………"), width);
        }
    }
    lines
}

/// One line to tick: the box, the quantity, the name (both wrapping in their columns) and the
/// detail in small type right under the name. A ticked line is greyed.
fn item(fonts: &Fonts, line: &ListLine, cols: Columns) -> Block {
    let grey = if line.checked { MUTED } else { INK };
    let mut block = Block::new(3.5);
    let qty = capped(fonts, Face::Regular, TEXT, fonts.wrap(Face::Regular, TEXT, &line.quantity, cols.qty_w), cols.qty_w);
    let name = capped(fonts, Face::Regular, TEXT, fonts.wrap(Face::Regular, TEXT, &line.name, cols.name_w()), cols.name_w());
    let q = block.lines_at(Face::Regular, TEXT, TEXT_X, 0.0, &qty, grey);
    let n = block.lines_at(Face::Regular, TEXT, cols.name_x, 0.0, &name, grey);
    let d = match line.detail.as_deref() {
        Some(detail) => {
            let lines = capped(fonts, Face::Regular, SMALL, fonts.wrap(Face::Regular, SMALL, detail, cols.name_w()), cols.name_w());
            block.lines_at(Face::Regular, SMALL, cols.name_x, n, &lines, MUTED)
        }
        None => 0.0,
    };
    block.height = q.max(n + d).max(TEXT * LEADING);
    // The box sits on the first baseline and rises to about the capitals' height.
    let baseline = TEXT * BASELINE;
    let top = baseline - BOX + 0.5;
    block.items.push(Item::Rect { x: 0.5, y: top, w: BOX, h: BOX, stroke: Some(0.7), grey: INK });
    if line.checked {
        let tick = vec![(2.0, top + 4.2), (3.9, top + 6.3), (7.3, top + 1.4)];
        block.items.push(Item::Line { points: tick, width: 1.1, grey: INK });
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::ListSection;

    fn line(qty: &str, name: &str, detail: Option<&str>) -> ListLine {
        ListLine { checked: false, quantity: qty.into(), name: name.into(), detail: detail.map(Into::into) }
    }

    fn texts(flow_pages: &[Vec<Item>]) -> Vec<Vec<(String, f32, f32)>> {
        flow_pages
            .iter()
            .map(|p| {
                p.iter().filter_map(|i| if let Item::Text { text, x, y, .. } = i { Some((text.clone(), *x, *y)) } else { None }).collect()
            })
            .collect()
    }

    #[test]
    fn quantities_line_up_in_a_column_and_long_names_wrap_under_themselves() {
        let fonts = Fonts::get().unwrap();
        let doc = ListDoc {
            title: "T".into(),
            subtitle: None,
            sections: vec![ListSection {
                heading: "Dairy".into(),
                lines: vec![
                    line("200 g", "crème fraîche", None),
                    line("½ cup", "a very long name of an ingredient that must wrap over lines", Some("for: Soup")),
                ],
            }],
            footer: None,
        };
        let cols = Columns::new(fonts, &doc, 240.0);
        assert!(cols.hold_every_word(fonts, &doc));
        let b = item(fonts, &doc.sections[0].lines[1], cols);
        let runs: Vec<(String, f32, f32)> = b
            .items
            .iter()
            .filter_map(|i| if let Item::Text { text, x, y, .. } = i { Some((text.clone(), *x, *y)) } else { None })
            .collect();
        assert_eq!(runs[0].0, "½ cup");
        assert_eq!(runs[0].1, TEXT_X);
        let name: Vec<&(String, f32, f32)> = runs.iter().filter(|r| r.1 == cols.name_x && r.0 != "for: Soup").collect();
        assert!(name.len() >= 2, "{runs:?}");
        assert!(runs.iter().any(|r| r.0 == "for: Soup" && r.2 > name[name.len() - 1].2));
        // The box and the quantity's first baseline agree.
        assert!(b.items.iter().any(|i| matches!(i, Item::Rect { y, h, .. } if (y + h - 0.5 - TEXT * BASELINE).abs() < 0.01)));
    }

    #[test]
    fn a_heading_is_never_the_last_thing_in_a_column() {
        let fonts = Fonts::get().unwrap();
        let sections = (0..12)
            .map(|s| ListSection {
                heading: format!("Aisle {s}"),
                lines: (0..7).map(|i| line("1", &format!("item {s}-{i}"), None)).collect(),
            })
            .collect();
        let doc = ListDoc { title: "T".into(), subtitle: None, sections, footer: None };
        let canvas = layout(fonts, &doc, Paper::A4);
        let g = canvas.geometry;
        let cols = Columns::new(fonts, &doc, (g.content_width() - GUTTER) / 2.0);
        let pages = texts(&canvas.pages);
        assert!(pages.len() >= 2);
        for page in &pages {
            for x in [MARGIN, MARGIN + cols.width + GUTTER] {
                let column: Vec<&(String, f32, f32)> = page.iter().filter(|t| t.1 >= x && t.1 < x + cols.width).collect();
                let last = column.iter().max_by(|a, b| a.2.total_cmp(&b.2));
                if let Some(last) = last {
                    assert!(last.0.starts_with("item") || last.0 == "1", "column ends with {:?}", last.0);
                    assert!(last.2 <= g.bottom);
                }
            }
        }
        // Every item is drawn exactly once.
        let all: Vec<&String> = pages.iter().flatten().map(|t| &t.0).filter(|t| t.starts_with("item")).collect();
        assert_eq!(all.len(), 84);
    }

    #[test]
    fn an_overlong_quantity_falls_back_to_one_column_and_nothing_is_lost() {
        let fonts = Fonts::get().unwrap();
        let doc = ListDoc {
            title: "T".into(),
            subtitle: None,
            sections: vec![ListSection {
                heading: "Odd".into(),
                lines: vec![line("1", "Donaudampfschifffahrtsgesellschaftskapitänsmütze", None)],
            }],
            footer: None,
        };
        let two = Columns::new(fonts, &doc, 240.0);
        assert!(!two.hold_every_word(fonts, &doc));
        let pdf = list_pdf(&doc, Paper::Letter).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
