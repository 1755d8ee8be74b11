//! A week's plan on landscape paper: a grid of days (rows) by meals (columns) with each day's
//! gut numbers, then the prep tasks and the warnings.

use super::canvas::{Block, Canvas, Flow, Geometry, Item, INK, LEADING, MUTED, RULE};
use super::fonts::{Face, Fonts};
use super::{Paper, PdfError};
use crate::model::{capitalized, MealType};
use crate::planner::{DayView, MealView, PlanView};

const MARGIN: f32 = 36.0;
const TITLE: f32 = 16.0;
const SUBTITLE: f32 = 9.5;
const TEXT: f32 = 9.5;
const SMALL: f32 = 7.5;
const HEADING: f32 = 11.0;
const DAY_W: f32 = 124.0;
const PAD: f32 = 5.0;
const HEADER_FILL: f32 = 0.92;
/// Lines kept of a recipe title or a note in one cell, so a row always fits a page.
const MAX_LINES: usize = 6;

/// The plan as a landscape PDF: the grid, then prep tasks and warnings.
pub fn plan_pdf(plan: &PlanView, paper: Paper) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::get()?;
    let title = plan.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or("Meal plan");
    let mut canvas = layout(fonts, plan, title, paper);
    if canvas.pages.len() > 1 {
        canvas.number_pages(fonts);
    }
    canvas.finish(title)
}

fn layout(fonts: &Fonts, plan: &PlanView, title: &str, paper: Paper) -> Canvas {
    let (w, h) = paper.landscape();
    let g = Geometry::new(w, h, MARGIN);
    let width = g.content_width();
    let mut canvas = Canvas::new(g);
    let mut head = Block::new(0.0);
    head.lines(Face::Bold, TITLE, 0.0, &fonts.wrap(Face::Bold, TITLE, title, width), INK);
    head.height += 2.0;
    head.lines(Face::Regular, SUBTITLE, 0.0, &fonts.wrap(Face::Regular, SUBTITLE, &subtitle(plan), width), MUTED);
    let top = g.margin + head.height + 12.0;
    canvas.draw(head, g.margin, g.margin);
    let mut flow = Flow::new(canvas, 1, 0.0, top);

    let meals = meals(plan);
    if !meals.is_empty() {
        let cell_w = (width - DAY_W) / meals.len() as f32;
        let header = header_row(fonts, &meals, cell_w);
        flow.place(header.clone());
        for day in &plan.days {
            let row = day_row(fonts, day, &meals, cell_w);
            if !flow.fits(&row) {
                // A new page repeats the meals over the grid.
                flow.next_column();
                flow.place(header.clone());
            }
            flow.place(row);
        }
    }
    let sections = [
        ("Prep", plan.prep.iter().map(|p| p.task.as_str()).collect::<Vec<_>>()),
        ("Warnings", plan.warnings.iter().map(String::as_str).collect()),
    ];
    for (name, items) in sections {
        let mut items = items.into_iter();
        let Some(first) = items.next() else { continue };
        let mut heading = Block::new(14.0);
        heading.lines(Face::Bold, HEADING, 0.0, &[name.to_string()], INK);
        heading.height += 3.0;
        flow.place(heading.then(bullet(fonts, first, width)));
        for item in items {
            flow.place(bullet(fonts, item, width));
        }
    }
    flow.canvas
}

/// "30 Nov – 6 Dec 2026 · 5 of 7 days with a ferment · 23 plants".
fn subtitle(plan: &PlanView) -> String {
    let first = plan.days.first().map_or(plan.start, |d| d.date);
    let last = plan.days.last().map_or(plan.start, |d| d.date);
    let mut parts = vec![if first == last {
        first.format("%a %-d %b %Y").to_string()
    } else {
        format!("{} – {}", first.format("%a %-d %b"), last.format("%a %-d %b %Y"))
    }];
    if !plan.days.is_empty() {
        let days = plan.days.len();
        parts.push(format!("{} of {days} day{} with a ferment", plan.metrics.fermented_days, if days == 1 { "" } else { "s" }));
        let plants = plan.metrics.plants.len();
        parts.push(format!("{plants} plant{}", if plants == 1 { "" } else { "s" }));
    }
    parts.join(" · ")
}

/// The meals of the grid's columns, in the order the plan has them.
fn meals(plan: &PlanView) -> Vec<MealType> {
    let mut meals: Vec<MealType> = Vec::new();
    for m in plan.days.iter().flat_map(|d| &d.meals) {
        if !meals.contains(&m.meal) {
            meals.push(m.meal);
        }
    }
    meals
}

fn header_row(fonts: &Fonts, meals: &[MealType], cell_w: f32) -> Block {
    let mut block = Block::new(0.0);
    let h = TEXT * LEADING + 2.0 * PAD;
    let width = DAY_W + cell_w * meals.len() as f32;
    block.items.push(Item::Rect { x: 0.0, y: 0.0, w: width, h, stroke: None, grey: HEADER_FILL });
    for (i, meal) in meals.iter().enumerate() {
        let x = DAY_W + i as f32 * cell_w;
        let name = fonts.truncate(Face::Bold, TEXT, &capitalized(meal.as_str()), cell_w - 2.0 * PAD);
        block.lines_at(Face::Bold, TEXT, x + PAD, PAD, &[name], INK);
        block.items.push(Item::Rect { x, y: 0.0, w: cell_w, h, stroke: Some(0.5), grey: RULE });
    }
    block.items.push(Item::Rect { x: 0.0, y: 0.0, w: DAY_W, h, stroke: Some(0.5), grey: RULE });
    block.height = h;
    block
}

fn capped(mut lines: Vec<String>) -> Vec<String> {
    if lines.len() > MAX_LINES {
        lines.truncate(MAX_LINES);
        if let Some(last) = lines.last_mut() {
            last.push_str(" …");
        }
    }
    lines
}

/// One day: its label and numbers, then a cell per meal.
fn day_row(fonts: &Fonts, day: &DayView, meals: &[MealType], cell_w: f32) -> Block {
    let mut block = Block::new(0.0);
    let inner = DAY_W - 2.0 * PAD;
    let mut y = PAD;
    y += block.lines_at(Face::Bold, TEXT, PAD, y, &capped(fonts.wrap(Face::Bold, TEXT, &day.label, inner)), INK) + 1.5;
    let m = &day.metrics;
    let (ferment, grey) = if m.fermented { ("✓ fermented", INK) } else { ("no ferment", MUTED) };
    y += block.lines_at(Face::Regular, SMALL, PAD, y, &[ferment.to_string()], grey);
    let numbers = format!("{:.1} g fiber · {} plant{}", m.fiber_g, m.plants, if m.plants == 1 { "" } else { "s" });
    y += block.lines_at(Face::Regular, SMALL, PAD, y, &fonts.wrap(Face::Regular, SMALL, &numbers, inner), MUTED);
    let mut height = y + PAD;
    for (i, meal) in meals.iter().enumerate() {
        let x = DAY_W + i as f32 * cell_w;
        let h = match day.meals.iter().find(|v| v.meal == *meal) {
            Some(view) => meal_cell(fonts, &mut block, view, x + PAD, cell_w - 2.0 * PAD),
            None => 0.0,
        };
        height = height.max(h + 2.0 * PAD);
    }
    block.items.push(Item::Rect { x: 0.0, y: 0.0, w: DAY_W, h: height, stroke: Some(0.5), grey: RULE });
    for i in 0..meals.len() {
        block.items.push(Item::Rect { x: DAY_W + i as f32 * cell_w, y: 0.0, w: cell_w, h: height, stroke: Some(0.5), grey: RULE });
    }
    block.height = height;
    block
}

/// A recipe's title (or why there is none) and its leftover note; returns the content height.
fn meal_cell(fonts: &Fonts, block: &mut Block, view: &MealView, x: f32, width: f32) -> f32 {
    let (title, grey) = match (&view.recipe, &view.deleted) {
        (Some(r), _) => (r.title.clone(), INK),
        (None, Some(d)) => (format!("{} (deleted)", d.title), MUTED),
        (None, None) => ("—".to_string(), MUTED),
    };
    let mut h = block.lines_at(Face::Regular, TEXT, x, PAD, &capped(fonts.wrap(Face::Regular, TEXT, &title, width)), grey);
    if let Some(note) = view.note.as_deref() {
        h += 2.0;
        h += block.lines_at(Face::Regular, SMALL, x, PAD + h, &capped(fonts.wrap(Face::Regular, SMALL, note, width)), MUTED);
    }
    h
}

/// "•" and the text, wrapped under itself.
fn bullet(fonts: &Fonts, text: &str, width: f32) -> Block {
    let mut block = Block::new(3.0);
    block.lines_at(Face::Regular, TEXT, 2.0, 0.0, &["•".to_string()], INK);
    block.lines(Face::Regular, TEXT, 12.0, &fonts.wrap(Face::Regular, TEXT, text, width - 12.0), INK);
    block
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::planner::{DayMetrics, RecipeRef, WeekMetrics};
    use chrono::NaiveDate;

    fn view(meal: MealType, title: Option<&str>, note: Option<&str>) -> MealView {
        MealView {
            meal,
            recipe: title.map(|t| RecipeRef { id: t.to_lowercase(), title: t.into() }),
            servings: 2,
            cook_servings: 2,
            locked: false,
            leftover_of: None,
            note: note.map(Into::into),
            deleted: None,
            triggers: vec![],
            attributes: vec![],
        }
    }

    fn plan(days: usize) -> PlanView {
        let start = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        PlanView {
            id: None,
            name: None,
            start,
            days: (0..days)
                .map(|d| {
                    let date = start + chrono::Days::new(d as u64);
                    DayView {
                        date,
                        label: crate::planner::day_label(date),
                        meals: vec![
                            view(MealType::Breakfast, Some("Blueberry Hemp Overnight Oats"), None),
                            view(MealType::Dinner, None, None),
                            view(MealType::Lunch, Some("Miso Mushroom Soup with Bok Choy"), Some("Leftovers of Mon 30 Nov dinner.")),
                        ],
                        metrics: DayMetrics { fermented: d % 2 == 0, fiber_g: 31.5, plants: 12 },
                    }
                })
                .collect(),
            metrics: WeekMetrics { plants: vec!["oats".into()], fermented_days: 4, fiber_g_per_day: vec![] },
            prep: vec![],
            warnings: vec!["Only 1 fermented recipe passes your filters.".into()],
        }
    }

    #[test]
    fn the_grid_has_a_column_per_meal_in_plan_order_and_a_row_per_day() {
        let p = plan(7);
        assert_eq!(meals(&p), vec![MealType::Breakfast, MealType::Dinner, MealType::Lunch]);
        assert_eq!(subtitle(&p), "Mon 30 Nov – Sun 6 Dec 2026 · 4 of 7 days with a ferment · 1 plant");
        let fonts = Fonts::get().unwrap();
        let canvas = layout(fonts, &p, "Meal plan", Paper::A4);
        assert_eq!(canvas.pages.len(), 1, "a week fits one landscape page");
        let texts: Vec<&str> =
            canvas.pages[0].iter().filter_map(|i| if let Item::Text { text, .. } = i { Some(text.as_str()) } else { None }).collect();
        for want in [
            "Breakfast",
            "Dinner",
            "Lunch",
            "Mon 30 Nov",
            "Sun 6 Dec",
            "✓ fermented",
            "no ferment",
            "31.5 g fiber · 12 plants",
            "—",
            "Warnings",
        ] {
            assert!(texts.contains(&want), "{want} missing from {texts:?}");
        }
    }

    #[test]
    fn a_long_plan_repeats_the_meals_on_every_page() {
        let fonts = Fonts::get().unwrap();
        let canvas = layout(fonts, &plan(21), "Three weeks", Paper::Letter);
        assert!(canvas.pages.len() >= 2);
        for page in &canvas.pages {
            assert!(page.iter().any(|i| matches!(i, Item::Text { text, .. } if text == "Breakfast")));
        }
    }
}
