//! Argument parsing and dispatch. Commands print; the core decides.

mod backup;
mod ingredients;
mod plan;
mod recipes;
mod settings;
mod shopping;

use clap::{Parser, Subcommand};
use gutsy::store::{default_db_path, Store, StoreError};
use std::path::PathBuf;
use std::process::ExitCode;

/// Gut-friendly recipe library and meal planner.
#[derive(Parser)]
#[command(name = "gutsy", version, about, long_about = None)]
struct Cli {
    /// Library database file (default: the platform data directory, shared with the app).
    #[arg(long, global = true, env = "GUTSY_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Understand ingredient lines: quantities, units, foods, triggers.
    #[command(subcommand)]
    Ingredients(ingredients::Command),
    /// Browse, show and import recipes.
    #[command(subcommand)]
    Recipes(recipes::Command),
    /// Plan a week of meals from the library.
    #[command(subcommand)]
    Plan(plan::Command),
    /// The household, default exclusions, plan rules, units.
    #[command(subcommand)]
    Settings(settings::Command),
    /// What to buy for a plan or for recipes: merged, by aisle, minus the pantry; text, JSON or PDF.
    ShoppingList(shopping::ListArgs),
    /// Documents for paper: a plan or a recipe as PDF.
    #[command(subcommand)]
    Export(shopping::ExportCommand),
    /// Copy the whole library (recipes, plans, settings, shopping state) to FILE, consistent
    /// even while the app is open.
    Backup(backup::BackupArgs),
    /// Bring back a backup made with `gutsy backup`: --merge (the default) adds the recipes,
    /// plans and settings the library lacks and keeps everything else; --replace makes the
    /// library exactly the backup. The file is checked before anything changes.
    Restore(backup::RestoreArgs),
}

/// A command's failure: printed as one line, exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Backup(#[from] gutsy::store::BackupError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write output: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// Some items failed; each was already reported.
    #[error("{0}")]
    Partial(String),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingredients(c) => ingredients::run(c),
        Command::Recipes(c) => recipes::run(c, cli.db),
        Command::Plan(c) => plan::run(c, cli.db),
        Command::Settings(c) => settings::run(c, cli.db),
        Command::ShoppingList(a) => shopping::run_list(a, cli.db),
        Command::Export(c) => shopping::run_export(c, cli.db),
        Command::Backup(a) => backup::run_backup(a, cli.db),
        Command::Restore(a) => backup::run_restore(a, cli.db),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gutsy: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the library named by `--db`/`GUTSY_DB`, or the default one.
pub fn open_store(db: Option<PathBuf>) -> Result<Store, CliError> {
    let path = match db {
        Some(p) => p,
        None => default_db_path().ok_or_else(|| CliError::Usage("no home directory found: pass --db PATH or set GUTSY_DB".into()))?,
    };
    let (store, warnings) = gutsy::library::open(&path).map_err(|e| match e {
        // The way out on the command line; the app offers its own (a new library, another file).
        StoreError::NotADatabase { .. } => CliError::Usage(format!("{e}; move the file away or choose another with --db / GUTSY_DB")),
        e => CliError::Store(e),
    })?;
    for e in warnings {
        eprintln!("gutsy: warning: recipe skipped: {e}");
    }
    Ok(store)
}
