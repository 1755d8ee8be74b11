//! `gutsy recipes …`

use super::{open_store, CliError};
use clap::Subcommand;
use gutsy::catalog::Catalog;
use gutsy::diet::Attribute;
use gutsy::facts::recipe_facts;
use gutsy::import::read_recipe_file;
use gutsy::library::{list, Filter, FilterSpec};
use gutsy::model::{format_minutes, MealType};
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum Command {
    /// List recipes, optionally searched and filtered.
    List {
        /// Full-text search over title, ingredients, steps and tags.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Leave out recipes containing these: dairy, gluten, sugar, alcohol (or eggs, nuts, …)
        /// or a catalog food such as tofu. Comma-separated or repeated.
        #[arg(long, value_delimiter = ',', value_name = "TRIGGER|FOOD")]
        exclude: Vec<String>,
        /// Keep only recipes with all of these: fermented, prebiotic, leafy_green, cruciferous, high_fiber.
        #[arg(long, value_delimiter = ',', value_name = "ATTRIBUTE")]
        attribute: Vec<Attribute>,
        /// Keep only recipes for this meal: breakfast, lunch, dinner, snack, drink.
        #[arg(long)]
        meal: Option<MealType>,
        #[arg(long)]
        json: bool,
    },
    /// Show one recipe with its derived gut facts.
    Show {
        /// Recipe id, title, or a unique part of the title.
        recipe: String,
        #[arg(long)]
        json: bool,
    },
    /// Delete recipes by id (as shown by `recipes list --json`).
    Delete {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Import Cooklang `.cook` files, or folders of them (each file is saved on its own).
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

pub fn run(cmd: Command, db: Option<PathBuf>) -> Result<(), CliError> {
    let catalog = Catalog::bundled();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match cmd {
        Command::List { search, exclude, attribute, meal, json } => {
            let spec = FilterSpec { search, exclude, attributes: attribute, meal };
            let filter = Filter::from_spec(catalog, &spec).map_err(CliError::Usage)?;
            let store = open_store(db)?;
            let cards = list(&store, catalog, &filter)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&cards)?)?;
            } else if cards.is_empty() {
                writeln!(out, "No recipe matches these filters.")?;
            } else {
                let width = cards.iter().map(|c| c.title.chars().count()).max().unwrap_or(0);
                for c in &cards {
                    let meals: Vec<&str> = c.meals.iter().map(|m| m.as_str()).collect();
                    let triggers: Vec<&str> = c.triggers.iter().map(|t| t.as_str()).collect();
                    let attrs: Vec<&str> = c.attributes.iter().map(|a| a.as_str()).collect();
                    writeln!(
                        out,
                        "{:<width$}  {:<20} {:>9}  {:<16} {}",
                        c.title,
                        meals.join(","),
                        format_minutes(c.times.active_minutes()),
                        if triggers.is_empty() { "-".to_string() } else { triggers.join(",") },
                        attrs.join(",")
                    )?;
                }
                writeln!(out, "{} recipes", cards.len())?;
            }
        }
        Command::Show { recipe, json } => {
            let store = open_store(db)?;
            let r = store.find(&recipe)?;
            let facts = recipe_facts(catalog, &r);
            if json {
                let v = serde_json::json!({ "recipe": r, "facts": facts });
                writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                show_text(&mut out, &r, &facts)?;
            }
        }
        Command::Delete { ids } => {
            let mut store = open_store(db)?;
            let mut missing = Vec::new();
            for id in &ids {
                if store.delete(id)? {
                    writeln!(out, "deleted {id}")?;
                } else {
                    missing.push(id.as_str());
                }
            }
            if !missing.is_empty() {
                out.flush()?;
                return Err(CliError::Usage(format!("no recipe with id {}", missing.join(", "))));
            }
        }
        Command::Import { paths } => {
            let mut store = open_store(db)?;
            let files = collect_files(&paths)?;
            if files.is_empty() {
                return Err(CliError::Usage("no .cook files found in the given paths".into()));
            }
            let mut failed = 0;
            for path in &files {
                let label = path.display().to_string();
                let result = read_recipe_file(path)
                    .map_err(gutsy::store::StoreError::from)
                    .and_then(|text| store.import_text(&label, &text));
                match result {
                    Ok((r, saved)) => {
                        let verb = match saved {
                            gutsy::store::Saved::Added => "added",
                            gutsy::store::Saved::Replaced => "replaced",
                        };
                        writeln!(out, "{verb} {} ({}) from {label}", r.title, r.id)?;
                    }
                    Err(e) => {
                        failed += 1;
                        out.flush()?;
                        eprintln!("gutsy: error: {e}");
                    }
                }
            }
            out.flush()?;
            if failed > 0 {
                return Err(CliError::Partial(format!(
                    "{failed} of {} files were not imported (see above); the others were saved",
                    files.len()
                )));
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Files named directly, plus `.cook` files found (recursively, sorted) in named folders.
fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files).map_err(|e| CliError::Usage(format!("{}: {e}", p.display())))?;
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, files)?;
        } else if p.extension().is_some_and(|e| e == "cook") {
            files.push(p);
        }
    }
    Ok(())
}

fn show_text(
    out: &mut impl Write,
    r: &gutsy::model::Recipe,
    facts: &gutsy::facts::RecipeFacts,
) -> Result<(), CliError> {
    writeln!(out, "{}  ({})", r.title, r.id)?;
    if let Some(d) = &r.description {
        writeln!(out, "{d}")?;
    }
    let meals: Vec<&str> = r.meals.iter().map(|m| m.as_str()).collect();
    let mut times = Vec::new();
    for (label, m) in [("prep", r.times.prep_minutes), ("cook", r.times.cook_minutes), ("ferment", r.times.ferment_minutes)] {
        if let Some(m) = m.filter(|m| *m > 0) {
            times.push(format!("{label} {}", format_minutes(m)));
        }
    }
    writeln!(out, "Serves {} · {} · {}", r.servings, meals.join(", "), times.join(", "))?;
    writeln!(out, "\nIngredients")?;
    for (line, lf) in r.ingredients.iter().zip(&facts.lines) {
        let mut s = String::from("  ");
        if let Some(q) = &line.quantity {
            s.push_str(&format!("{} ", q.pretty()));
        }
        if let Some(u) = &line.unit {
            s.push_str(&format!("{u} "));
        }
        s.push_str(&line.name);
        if let Some(n) = &line.note {
            s.push_str(&format!(", {n}"));
        }
        if line.optional {
            s.push_str(" (optional)");
        }
        match &lf.food {
            None => s.push_str("   ⚠ unknown food"),
            Some(_) if !lf.triggers.is_empty() => {
                let t: Vec<&str> = lf.triggers.iter().map(|t| t.as_str()).collect();
                s.push_str(&format!("   ⚠ {}", t.join(", ")));
            }
            _ => {}
        }
        writeln!(out, "{s}")?;
    }
    writeln!(out, "\nSteps")?;
    for (i, step) in r.steps.iter().enumerate() {
        writeln!(out, "  {}. {}", i + 1, step.text)?;
    }
    for n in &r.notes {
        writeln!(out, "  Note: {n}")?;
    }
    writeln!(out, "\nGut facts")?;
    let t: Vec<&str> = facts.triggers.iter().map(|t| t.as_str()).collect();
    writeln!(out, "  Triggers: {}", if t.is_empty() { "none".into() } else { t.join(", ") })?;
    if !facts.optional_triggers.is_empty() {
        let t: Vec<&str> = facts.optional_triggers.iter().map(|t| t.as_str()).collect();
        writeln!(out, "  Only in optional ingredients: {}", t.join(", "))?;
    }
    let a: Vec<&str> = facts.attributes.iter().map(|a| a.as_str()).collect();
    writeln!(out, "  Attributes: {}", if a.is_empty() { "none".into() } else { a.join(", ") })?;
    if let Some(why) = &facts.fermented_because {
        writeln!(out, "  Fermented: {why}")?;
    }
    writeln!(out, "  Fiber: {:.1} g per serving", facts.fiber_per_serving)?;
    if !facts.fiber_unknown.is_empty() {
        writeln!(out, "    (not counted, weight unknown: {})", facts.fiber_unknown.join(", "))?;
    }
    writeln!(out, "  Plants ({}): {}", facts.plants.len(), facts.plants.join(", "))?;
    if !facts.unknown.is_empty() {
        writeln!(out, "  Unknown ingredients: {}", facts.unknown.join(", "))?;
    }
    Ok(())
}
