//! `gutsy backup FILE` and `gutsy restore FILE [--merge|--replace]`.

use super::{open_store, CliError};
use gutsy::store::{restore, RestoreMode};
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct BackupArgs {
    /// The backup file to write (replaced whole; never left half-written).
    file: PathBuf,
}

#[derive(clap::Args)]
pub struct RestoreArgs {
    /// A backup made with `gutsy backup`.
    file: PathBuf,
    /// Add what the library lacks, keep the rest (the default).
    #[arg(long, conflicts_with = "replace")]
    merge: bool,
    /// Make the library exactly the backup (what is not in it is gone).
    #[arg(long)]
    replace: bool,
}

pub fn run_backup(args: BackupArgs, db: Option<PathBuf>) -> Result<(), CliError> {
    let store = open_store(db)?;
    store.backup_to(&args.file)?;
    let plans = store.plans()?.len();
    let mut out = std::io::stdout().lock();
    writeln!(out, "backed up {} recipes and {plans} plans to {}", store.count()?, args.file.display())?;
    Ok(())
}

pub fn run_restore(args: RestoreArgs, db: Option<PathBuf>) -> Result<(), CliError> {
    let _ = args.merge; // the default
    let mode = if args.replace { RestoreMode::Replace } else { RestoreMode::Merge };
    let mut store = open_store(db)?;
    let r = restore(&mut store, &args.file, mode)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", r.sentence(mode, &args.file.display().to_string()))?;
    for e in &r.recipes_failed {
        eprintln!("gutsy: warning: recipe not restored: {e}");
    }
    Ok(())
}
