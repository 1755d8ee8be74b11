//! `gutsy shopping-list …` and `gutsy export pdf …`: lists and documents to the terminal or files.

use super::{open_store, CliError};
use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use gutsy::catalog::Catalog;
use gutsy::export::markdown::list_markdown;
use gutsy::export::pdf::{list_pdf, plan_pdf, recipe_pdf, Paper};
use gutsy::library::{recipe_view, shopping_list, show_plan, Filter, FilterSpec, ListOptions, ListSource, PlanError, ShoppingError};
use gutsy::shopping::list_doc;
use gutsy::units::UnitSystem;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, ValueEnum)]
pub enum Units {
    Metric,
    Us,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Paper {
        match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

/// `gutsy shopping-list`.
#[derive(Args)]
pub struct ListArgs {
    /// A saved plan (name or id): servings as cooked, leftovers once.
    #[arg(long, value_name = "PLAN", conflicts_with = "recipe", required_unless_present = "recipe")]
    plan: Option<String>,
    /// A recipe (id, slug or title), with the servings to cook after `*`: "Dal*4". Repeat.
    #[arg(long, value_name = "TITLE[*SERVINGS]")]
    recipe: Vec<String>,
    /// A Cooklang pantry.conf to take off the list (default: the one kept in the library).
    #[arg(long, value_name = "FILE")]
    pantry: Option<PathBuf>,
    /// Show everything to buy, pantry or not.
    #[arg(long, conflicts_with = "pantry")]
    no_pantry: bool,
    /// A Cooklang aisle.conf giving your shop's aisle order (default: the one kept in the library).
    #[arg(long, value_name = "FILE")]
    aisles: Option<PathBuf>,
    /// Units to buy in (default: from settings).
    #[arg(long)]
    units: Option<Units>,
    #[arg(long, conflicts_with_all = ["markdown", "pdf"])]
    json: bool,
    #[arg(long, conflicts_with = "pdf")]
    markdown: bool,
    /// Write a PDF to this file.
    #[arg(long, value_name = "FILE")]
    pdf: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
}

#[derive(Subcommand)]
pub enum ExportCommand {
    /// Documents as PDF: `plan NAME` (the week grid) or `recipe TITLE` (a card).
    #[command(subcommand)]
    Pdf(PdfCommand),
    /// The aisle order as a Cooklang aisle.conf to edit: the one kept in the library, else the
    /// catalog's (every food under its aisle).
    Aisles {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum PdfCommand {
    /// The week as a landscape grid with each day's gut metrics and the prep tasks.
    Plan {
        plan: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
    /// A recipe card.
    Recipe {
        recipe: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Servings to scale to (default: the recipe's).
        #[arg(long)]
        servings: Option<u32>,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
    },
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn read(path: &Path) -> Result<(String, String), CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| CliError::Usage(format!("{}: cannot read: {e}", path.display())))?;
    Ok((text, path.display().to_string()))
}

fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    gutsy::export::write_whole(path, bytes).map_err(|e| CliError::Usage(format!("{}: cannot write: {e}", path.display())))
}

fn shopping_error(e: ShoppingError) -> CliError {
    match e {
        ShoppingError::Store(e) | ShoppingError::Plan(PlanError::Store(e)) => CliError::Store(e),
        other => CliError::Usage(other.to_string()),
    }
}

pub fn run_list(args: ListArgs, db: Option<PathBuf>) -> Result<(), CliError> {
    let source = match &args.plan {
        Some(p) => ListSource::Plan(p.clone()),
        None => {
            ListSource::Recipes(args.recipe.iter().map(|r| ListSource::recipe_arg(r)).collect::<Result<_, _>>().map_err(shopping_error)?)
        }
    };
    let options = ListOptions {
        pantry: args.pantry.as_deref().map(read).transpose()?,
        aisles: args.aisles.as_deref().map(read).transpose()?,
        units: args.units.map(|u| match u {
            Units::Metric => UnitSystem::Metric,
            Units::Us => UnitSystem::Us,
        }),
        ignore_pantry: args.no_pantry,
    };
    let store = open_store(db)?;
    let made = shopping_list(&store, &source, &options, today()).map_err(shopping_error)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Some(path) = &args.pdf {
        let bytes = list_pdf(&list_doc(&made.list), args.paper.into()).map_err(|e| CliError::Usage(e.to_string()))?;
        write_whole(path, &bytes)?;
        writeln!(out, "wrote {}", path.display())?;
    } else if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&made.list)?)?;
    } else {
        // Markdown reads well as plain text too.
        let _ = args.markdown;
        write!(out, "{}", list_markdown(&list_doc(&made.list)))?;
    }
    out.flush()?;
    Ok(())
}

pub fn run_export(cmd: ExportCommand, db: Option<PathBuf>) -> Result<(), CliError> {
    let store = open_store(db)?;
    let cmd = match cmd {
        ExportCommand::Pdf(cmd) => cmd,
        ExportCommand::Aisles { out } => {
            let text = match store.text_setting(gutsy::library::AISLES_KEY)? {
                Some(t) => t,
                None => gutsy::shopping::catalog_aisle_conf(Catalog::bundled()),
            };
            write_whole(&out, text.as_bytes())?;
            println!("wrote {}", out.display());
            return Ok(());
        }
    };
    let (bytes, out) = match cmd {
        PdfCommand::Plan { plan, out, paper } => {
            let view = show_plan(&store, &plan, today()).map_err(|e| match e {
                PlanError::Store(e) => CliError::Store(e),
                other => CliError::Usage(other.to_string()),
            })?;
            (plan_pdf(&view, paper.into()), out)
        }
        PdfCommand::Recipe { recipe, out, servings, paper } => {
            let r = store.find(&recipe)?;
            let catalog = Catalog::bundled();
            let filter = Filter::from_spec(catalog, &FilterSpec::default()).map_err(|e| CliError::Usage(e.to_string()))?;
            let view = recipe_view(catalog, &r, servings.unwrap_or(r.servings).clamp(1, 1000), &filter);
            (recipe_pdf(&view, paper.into()), out)
        }
    };
    let bytes = bytes.map_err(|e| CliError::Usage(e.to_string()))?;
    write_whole(&out, &bytes)?;
    println!("wrote {}", out.display());
    Ok(())
}
