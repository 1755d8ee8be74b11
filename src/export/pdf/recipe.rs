//! A recipe card: title, servings and times, ingredients, numbered steps, notes — over as many
//! portrait pages as it needs.

use super::canvas::{Block, Canvas, Flow, Geometry, Item, INK, LEADING, MUTED};
use super::fonts::{Face, Fonts};
use super::{Paper, PdfError};
use crate::library::{IngredientView, RecipeView};

const MARGIN: f32 = 50.0;
const TITLE: f32 = 20.0;
const META: f32 = 9.5;
const HEADING: f32 = 13.0;
const SUBHEADING: f32 = 10.5;
const TEXT: f32 = 10.5;
const SMALL: f32 = 8.5;
/// The ingredient quantities take at most this share of the width; longer ones wrap.
const QTY_SHARE: f32 = 0.3;
const QTY_GAP: f32 = 10.0;
/// Room for a step's number ("12.") left of its text.
const STEP_INDENT: f32 = 22.0;

/// The recipe as scaled in `view`, as a PDF.
pub fn recipe_pdf(view: &RecipeView, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::get()?;
    let mut canvas = layout(fonts, view, paper);
    if canvas.pages.len() > 1 {
        canvas.number_pages(fonts);
    }
    canvas.finish(&view.recipe.title)
}

fn layout(fonts: &Fonts, view: &RecipeView, paper: Paper) -> Canvas {
    let r = &view.recipe;
    let (w, h) = paper.portrait();
    let g = Geometry::new(w, h, MARGIN);
    let width = g.content_width();
    let mut flow = Flow::new(Canvas::new(g), 1, 0.0, g.margin);

    let mut head = Block::new(0.0);
    head.lines(Face::Bold, TITLE, 0.0, &fonts.wrap(Face::Bold, TITLE, &r.title, width), INK);
    head.height += 3.0;
    head.lines(Face::Regular, META, 0.0, &fonts.wrap(Face::Regular, META, &meta(view), width), MUTED);
    if let Some(d) = r.description.as_deref().filter(|d| !d.trim().is_empty()) {
        head.height += 8.0;
        head.lines(Face::Regular, TEXT, 0.0, &fonts.wrap(Face::Regular, TEXT, d, width), INK);
    }
    head.height += 6.0;
    head.items.push(Item::Line { points: vec![(0.0, head.height), (width, head.height)], width: 0.8, grey: INK });
    flow.place(head);

    let shown: Vec<&IngredientView> = view.ingredients.iter().filter(|i| !i.dropped).collect();
    let widest = shown
        .iter()
        .filter_map(|i| i.quantity_text.as_deref())
        .map(|q| fonts.width(Face::Regular, TEXT, &fonts.clean(Face::Regular, q)))
        .fold(0.0, f32::max);
    let qty_w = widest.min(width * QTY_SHARE);
    let mut rows = shown.iter().map(|i| ingredient(fonts, i, qty_w, width));
    if let Some(first) = rows.next() {
        flow.place(heading(fonts, "Ingredients", width).then(first));
        rows.for_each(|row| {
            flow.place(row);
        });
    }
    if let Some(without) = view.text.without.as_deref() {
        let mut block = Block::new(6.0);
        block.lines(Face::Regular, SMALL, 0.0, &fonts.wrap(Face::Regular, SMALL, without, width), MUTED);
        flow.place(block);
    }

    let mut section: Option<&str> = None;
    for (n, step) in r.steps.iter().enumerate() {
        let mut block = Block::new(6.0);
        let new_section = step.section.as_deref().filter(|s| !s.trim().is_empty() && section != Some(*s));
        if let Some(s) = new_section {
            block.space_before = 10.0;
            block.lines(Face::Bold, SUBHEADING, 0.0, &fonts.wrap(Face::Bold, SUBHEADING, s, width), INK);
            block.height += 3.0;
            section = Some(s);
        }
        let number = format!("{}.", n + 1);
        let nw = fonts.width(Face::Bold, TEXT, &number);
        block.lines_at(Face::Bold, TEXT, STEP_INDENT - 6.0 - nw, block.height, &[number], INK);
        block.lines(Face::Regular, TEXT, STEP_INDENT, &fonts.wrap(Face::Regular, TEXT, &step.text, width - STEP_INDENT), INK);
        if n == 0 {
            block = heading(fonts, "Steps", width).then(block);
        }
        flow.place(block);
    }

    for (n, note) in r.notes.iter().filter(|n| !n.trim().is_empty()).enumerate() {
        let mut block = Block::new(5.0);
        block.lines(Face::Regular, TEXT, 0.0, &fonts.wrap(Face::Regular, TEXT, note, width), INK);
        if n == 0 {
            block = heading(fonts, "Notes", width).then(block);
        }
        flow.place(block);
    }
    if let Some(source) = r.source.as_deref().filter(|s| !s.trim().is_empty()) {
        let mut block = Block::new(16.0);
        block.lines(Face::Regular, SMALL, 0.0, &fonts.wrap(Face::Regular, SMALL, &format!("Source: {source}"), width), MUTED);
        flow.place(block);
    }
    flow.canvas
}

/// "Serves 4 (the recipe makes 2) · Prep 15 min · Cook 30 min · Ferment 3 weeks · 4.2 g fiber
/// per serving".
fn meta(view: &RecipeView) -> String {
    let mut parts = vec![if view.servings == view.recipe.servings || view.recipe.servings == 0 {
        format!("Serves {}", view.servings)
    } else {
        format!("Serves {} (the recipe makes {})", view.servings, view.recipe.servings)
    }];
    let t = &view.text;
    for (label, time) in [("Prep", &t.prep_time), ("Cook", &t.cook_time), ("Ferment", &t.ferment_time)] {
        if let Some(time) = time {
            parts.push(format!("{label} {time}"));
        }
    }
    if !t.fiber.is_empty() {
        parts.push(t.fiber.clone());
    }
    parts.join(" · ")
}

fn heading(fonts: &Fonts, text: &str, width: f32) -> Block {
    let mut block = Block::new(16.0);
    block.lines(Face::Bold, HEADING, 0.0, &fonts.wrap(Face::Bold, HEADING, text, width), INK);
    block.height += 3.0;
    block
}

/// The quantity in its column, the name beside it ("(optional)" when it is), the note below in
/// small type.
fn ingredient(fonts: &Fonts, i: &IngredientView, qty_w: f32, width: f32) -> Block {
    let mut block = Block::new(2.5);
    let name_x = if qty_w > 0.0 { qty_w + QTY_GAP } else { 0.0 };
    let name_w = width - name_x;
    let qty = i.quantity_text.as_deref().map(|q| fonts.wrap(Face::Regular, TEXT, q, qty_w)).unwrap_or_default();
    let name = if i.optional { format!("{} (optional)", i.name) } else { i.name.clone() };
    let q = block.lines_at(Face::Regular, TEXT, 0.0, 0.0, &qty, INK);
    let n = block.lines_at(Face::Regular, TEXT, name_x, 0.0, &fonts.wrap(Face::Regular, TEXT, &name, name_w), INK);
    block.height = q.max(n).max(TEXT * LEADING);
    if let Some(note) = i.note.as_deref().filter(|n| !n.trim().is_empty()) {
        block.lines(Face::Regular, SMALL, name_x, &fonts.wrap(Face::Regular, SMALL, note, name_w), MUTED);
    }
    block
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::filter::Filter;

    fn view(text: &str, servings: u32) -> RecipeView {
        let r = crate::import::parse_cook("t.cook", text).unwrap();
        crate::library::recipe_view(Catalog::bundled(), &r, servings, &Filter::default())
    }

    fn texts(canvas: &Canvas) -> Vec<String> {
        canvas.pages.iter().flatten().filter_map(|i| if let Item::Text { text, .. } = i { Some(text.clone()) } else { None }).collect()
    }

    #[test]
    fn the_card_has_title_meta_ingredients_numbered_steps_and_notes() {
        let v = view(
            "---\ntitle: Crème Fraîche Dip\nservings: 2\nprep time: 10 min\n---\n\
             Stir @crème fraîche{200%g}(cold) with @jalapeño{1} and @salt{}.\n\nChill it.\n\n> Keeps 2 days.\n",
            4,
        );
        assert_eq!(meta(&v).split(" · ").take(2).collect::<Vec<_>>(), vec!["Serves 4 (the recipe makes 2)", "Prep 10 min"]);
        let fonts = Fonts::get().unwrap();
        let t = texts(&layout(fonts, &v, Paper::A4));
        for want in [
            "Crème Fraîche Dip",
            "Ingredients",
            "400 g",
            "crème fraîche",
            "cold",
            "jalapeño",
            "Steps",
            "1.",
            "2.",
            "Chill it.",
            "Notes",
            "Keeps 2 days.",
        ] {
            assert!(t.iter().any(|x| x == want), "{want} missing from {t:?}");
        }
    }

    #[test]
    fn a_long_recipe_runs_over_pages() {
        let mut text = String::from("---\ntitle: Long\nservings: 1\n---\n");
        for i in 0..80 {
            text.push_str(&format!("Step {i}: stir the pot slowly and patiently for a while, tasting as you go.\n\n"));
        }
        let fonts = Fonts::get().unwrap();
        let canvas = layout(fonts, &view(&text, 1), Paper::Letter);
        assert!(canvas.pages.len() >= 2);
        assert!(texts(&canvas).iter().any(|t| t == "80."));
    }
}
