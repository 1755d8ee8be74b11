//! `gutsy recipes …`

use super::{open_store, CliError};
use clap::Subcommand;
use gutsy::catalog::Catalog;
use gutsy::diet::Attribute;
use gutsy::export::write_whole;
use gutsy::import::{Photo, SourceFormat};
use gutsy::library::{export_recipes, import_paths, recipe_view, ExportError, Filter, FilterSpec};
use gutsy::model::{format_minutes, MealType};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

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
        /// Keep only recipes with at most this many minutes of prep and cooking.
        #[arg(long, value_name = "MINUTES")]
        max_minutes: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Show one recipe with its derived gut facts.
    Show {
        /// Recipe id, slug, title, or a unique part of the title.
        recipe: String,
        /// Leave out optional ingredients with these triggers or foods ("without the honey").
        #[arg(long, value_delimiter = ',', value_name = "TRIGGER|FOOD")]
        exclude: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Delete recipes by id or slug (as shown by `recipes list --json`).
    Delete {
        #[arg(required = true)]
        ids: Vec<String>,
    },
    /// Import recipe files (Cooklang `.cook`; schema.org Recipe JSON-LD in saved pages `.html`,
    /// `.htm` or `.json`, `.jsonld`), or folders of them; each file is saved on its own.
    /// The same file imported again updates its recipe, which keeps its id. Prints a line per
    /// file and a summary; fails only when no file could be imported.
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The files' format: auto (from the extension), cook or jsonld.
        #[arg(long, value_name = "FORMAT", default_value = "auto", value_parser = import_format)]
        format: ImportFormat,
    },
    /// Export recipes into a folder, one file each named after its slug (never over an existing
    /// file). A recipe imported as Cooklang is written as its own text, byte for byte.
    Export {
        /// The files' format: cook or jsonld (schema.org Recipe, one .json file per recipe).
        #[arg(long, value_name = "FORMAT")]
        format: SourceFormat,
        /// The folder to write into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Recipes to export by id or slug (repeatable); by default the whole library.
        #[arg(long = "id", value_name = "ID")]
        ids: Vec<String>,
    },
    /// A recipe's photo: write it to a file (--out), or set (--set) or remove (--remove) it.
    /// Imports take the photo from an image beside the recipe file with the same name
    /// (Pancakes.cook, Pancakes.jpg) or from a saved page.
    #[command(group(clap::ArgGroup::new("action").required(true).args(["out", "set", "remove"])))]
    Photo {
        /// Recipe id, slug, title, or a unique part of the title.
        recipe: String,
        /// Write the photo to FILE (or into FILE if it is a folder, named after the recipe's slug).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Make the image in FILE (JPEG, PNG, WebP or GIF) the recipe's photo.
        #[arg(long, value_name = "FILE")]
        set: Option<PathBuf>,
        /// Remove the recipe's photo.
        #[arg(long)]
        remove: bool,
    },
}

/// `--format` of an import: a format, or `None` for "from each file's extension".
#[derive(Debug, Clone, Copy)]
pub struct ImportFormat(Option<SourceFormat>);

fn import_format(s: &str) -> Result<ImportFormat, String> {
    if s.trim().eq_ignore_ascii_case("auto") {
        return Ok(ImportFormat(None));
    }
    s.parse::<SourceFormat>().map(|f| ImportFormat(Some(f))).map_err(|e| e.replace("(expected: ", "(expected: auto, "))
}

pub fn run(cmd: Command, db: Option<PathBuf>) -> Result<(), CliError> {
    let catalog = Catalog::bundled();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match cmd {
        Command::List { search, exclude, attribute, meal, max_minutes, json } => {
            let spec = FilterSpec { search, exclude, attributes: attribute, meal, max_minutes };
            let filter = Filter::from_spec(catalog, &spec).map_err(|e| CliError::Usage(e.to_string()))?;
            let store = open_store(db)?;
            if json {
                // The stored cards as they are, one per line: the same JSON as decoding and
                // encoding them again, without the cost (a big library lists thousands).
                let cards = store.list_json(&filter)?;
                writeln!(out, "[")?;
                for (i, card) in cards.iter().enumerate() {
                    writeln!(out, "  {}{}", card.get(), if i + 1 < cards.len() { "," } else { "" })?;
                }
                writeln!(out, "]")?;
                out.flush()?;
                return Ok(());
            }
            let cards = store.list(&filter)?;
            if cards.is_empty() {
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
        Command::Show { recipe, exclude, json } => {
            let spec = FilterSpec { exclude, ..FilterSpec::default() };
            let filter = Filter::from_spec(catalog, &spec).map_err(|e| CliError::Usage(e.to_string()))?;
            let store = open_store(db)?;
            let r = store.find(&recipe)?;
            let view = recipe_view(catalog, &r, r.servings, &filter);
            if json {
                let v = serde_json::json!({ "recipe": view.recipe, "facts": view.facts, "text": view.text });
                writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
            } else {
                show_text(&mut out, &view)?;
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
        Command::Import { paths, format } => {
            let mut store = open_store(db)?;
            let report = import_paths(&mut store, &paths, format.0, |_| {}, &AtomicBool::new(false))?;
            if report.files.is_empty() {
                return Err(CliError::Usage("no recipe files (.cook, .html, .htm, .json, .jsonld) found in the given paths".into()));
            }
            for f in &report.files {
                match (&f.error, &f.title) {
                    (Some(e), _) => {
                        out.flush()?;
                        eprintln!("gutsy: error: {e}");
                    }
                    (None, title) => {
                        let verb = serde_json::to_value(f.outcome)?;
                        let (title, slug) = (title.as_deref().unwrap_or_default(), f.slug.as_deref().unwrap_or_default());
                        writeln!(out, "{} {title} ({slug}) from {}", verb.as_str().unwrap_or_default(), f.file)?;
                    }
                }
                if !f.warnings.is_empty() {
                    out.flush()?;
                    for w in &f.warnings {
                        eprintln!("gutsy: warning: {w}");
                    }
                }
            }
            let (added, updated, unchanged, failed) = (report.added, report.updated, report.unchanged, report.failed);
            let warnings: usize = report.files.iter().map(|f| f.warnings.len()).sum();
            let warnings = match warnings {
                0 => String::new(),
                1 => ", 1 warning".to_string(),
                n => format!(", {n} warnings"),
            };
            writeln!(out, "{added} added, {updated} updated, {unchanged} unchanged, {failed} failed{warnings}")?;
            out.flush()?;
            if report.imported() == 0 {
                return Err(CliError::Partial(format!("none of the {} files was imported (see above)", report.files.len())));
            }
            if failed > 0 {
                eprintln!("gutsy: {failed} of {} files were not imported (see above); the others were saved", report.files.len());
            }
        }
        Command::Export { format, out: dir, ids } => {
            let store = open_store(db)?;
            let ids = (!ids.is_empty()).then_some(ids);
            let report = export_recipes(&store, ids.as_deref(), format, &dir).map_err(|e| match e {
                ExportError::Store(e) => CliError::Store(e),
                other => CliError::Usage(other.to_string()),
            })?;
            for f in &report.files {
                if let Some(file) = &f.file {
                    writeln!(out, "wrote {file} ({})", f.title.as_deref().unwrap_or_default())?;
                }
                if let Some(photo) = &f.photo {
                    writeln!(out, "wrote {photo} (the photo)")?;
                }
                if let Some(e) = &f.error {
                    out.flush()?;
                    eprintln!("gutsy: error: {e}");
                }
            }
            writeln!(out, "{} written, {} failed", report.written, report.failed)?;
            out.flush()?;
            if report.failed > 0 {
                return Err(CliError::Partial(format!(
                    "{} of {} recipes were not exported (see above)",
                    report.failed,
                    report.files.len()
                )));
            }
        }
        Command::Photo { recipe, out: file, set, remove } => {
            let mut store = open_store(db)?;
            let r = store.find(&recipe)?;
            if let Some(path) = set {
                let photo = Photo::read(&path).map_err(|e| CliError::Usage(e.to_string()))?;
                let (mime, size) = (photo.mime.clone(), photo.bytes.len());
                store.set_photo(&r.id, Some(photo))?;
                writeln!(out, "set the photo of {} ({}) to {} ({mime}, {size} bytes)", r.title, r.slug, path.display())?;
            } else if remove {
                store.set_photo(&r.id, None)?;
                writeln!(out, "removed the photo of {} ({})", r.title, r.slug)?;
            } else if let Some(file) = file {
                let photo = store.photo(&r.id)?.ok_or_else(|| CliError::Usage(format!("{} ({}) has no photo", r.title, r.slug)))?;
                let file = if file.is_dir() { file.join(format!("{}.{}", r.slug, photo.extension())) } else { file };
                write_whole(&file, &photo.bytes).map_err(|e| CliError::Usage(format!("{}: cannot write: {e}", file.display())))?;
                writeln!(out, "wrote {} ({}, {} bytes)", file.display(), photo.mime, photo.bytes.len())?;
                let named = file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
                let fits = named.as_deref().is_some_and(|e| e == photo.extension() || (e == "jpeg" && photo.extension() == "jpg"));
                if !fits {
                    out.flush()?;
                    eprintln!(
                        "gutsy: warning: {}: the photo is {}; name the file .{} to open it",
                        file.display(),
                        photo.mime,
                        photo.extension()
                    );
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn show_text(out: &mut impl Write, view: &gutsy::library::RecipeView) -> Result<(), CliError> {
    let (r, facts) = (&view.recipe, &view.facts);
    writeln!(out, "{}  ({})", r.title, r.slug)?;
    if let Some(d) = &r.description {
        writeln!(out, "{d}")?;
    }
    let meals: Vec<&str> = r.meals.iter().map(|m| m.as_str()).collect();
    let mut times = Vec::new();
    for (label, t) in [("prep", &view.text.prep_time), ("cook", &view.text.cook_time), ("ferment", &view.text.ferment_time)] {
        if let Some(t) = t {
            times.push(format!("{label} {t}"));
        }
    }
    writeln!(out, "Serves {} · {} · {}", view.servings, meals.join(", "), times.join(", "))?;
    writeln!(out, "\nIngredients")?;
    for (i, lf) in view.ingredients.iter().zip(&facts.lines) {
        let mut s = String::from("  ");
        if let Some(q) = &i.quantity_text {
            s.push_str(&format!("{q} "));
        }
        s.push_str(&i.name);
        if let Some(n) = &i.note {
            s.push_str(&format!(", {n}"));
        }
        if i.optional {
            s.push_str(" (optional)");
        }
        if i.dropped {
            s.push_str("   — left out");
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
    if let Some(w) = &view.text.without {
        writeln!(out, "  {w}")?;
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
    writeln!(out, "  Fiber: {}", view.text.fiber)?;
    if !facts.fiber_unknown.is_empty() {
        writeln!(out, "    (not counted, weight unknown: {})", facts.fiber_unknown.join(", "))?;
    }
    writeln!(out, "  Plants ({}): {}", facts.plants.len(), facts.plants.join(", "))?;
    if !facts.unknown.is_empty() {
        writeln!(out, "  Unknown ingredients: {}", facts.unknown.join(", "))?;
    }
    Ok(())
}
