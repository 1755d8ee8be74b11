//! `gutsy settings …`: the household, default exclusions, plan rules and habits, units.

use super::{open_store, CliError};
use clap::Subcommand;
use gutsy::library::{save_settings, SaveSettingsError};
use gutsy::model::MealType;
use gutsy::settings::Settings;
use gutsy::units::UnitSystem;
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum Command {
    /// Print the settings.
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Change some settings; the others stay. Nothing is saved if any value is refused.
    Set {
        /// How many eat each meal (servings of a new plan).
        #[arg(long, value_name = "PEOPLE")]
        household: Option<u32>,
        /// Triggers and foods to leave out by default (`none` to clear). Comma-separated.
        #[arg(long, value_delimiter = ',', value_name = "TRIGGER|FOOD")]
        exclude: Option<Vec<String>>,
        /// A plan rule ("fish >= 2", "cruciferous >= 4 days"); repeat for several. Replaces the rules.
        #[arg(long, value_name = "RULE")]
        rule: Vec<String>,
        /// Remove every plan rule.
        #[arg(long, conflicts_with = "rule")]
        no_rules: bool,
        #[arg(long, value_name = "metric|us", value_parser = units)]
        units: Option<UnitSystem>,
        /// Cook once, eat twice: each dinner also feeds the next day's lunch.
        #[arg(long, value_name = "true|false")]
        leftovers: Option<bool>,
        #[arg(long, value_name = "DAYS")]
        no_repeat_days: Option<u32>,
        /// Longest prep + cook time per meal, e.g. `dinner=30` (`none` to clear). Comma-separated.
        #[arg(long, value_delimiter = ',', value_name = "MEAL=MINUTES")]
        max_minutes: Option<Vec<String>>,
        /// Keep this Cooklang pantry.conf in the library (shopping lists take it off).
        #[arg(long, value_name = "FILE")]
        pantry: Option<PathBuf>,
        /// Keep this Cooklang aisle.conf in the library (shopping lists follow its order).
        #[arg(long, value_name = "FILE")]
        aisles: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
}

fn units(text: &str) -> Result<UnitSystem, String> {
    match text.trim().to_lowercase().as_str() {
        "metric" => Ok(UnitSystem::Metric),
        "us" => Ok(UnitSystem::Us),
        other => Err(format!("{other:?}: units are metric or us")),
    }
}

pub fn run(cmd: Command, db: Option<PathBuf>) -> Result<(), CliError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match cmd {
        Command::Show { json } => print(&mut out, &open_store(db)?.settings()?, json)?,
        Command::Set { household, exclude, rule, no_rules, units, leftovers, no_repeat_days, max_minutes, pantry, aisles, json } => {
            let mut store = open_store(db)?;
            // The files first: a bad one is refused (file and line named) before anything is saved.
            let read = |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| CliError::Usage(format!("{}: cannot read: {e}", p.display())));
            let pantry = pantry.as_ref().map(|p| read(p).map(|t| (t, p.display().to_string()))).transpose()?;
            let aisles = aisles.as_ref().map(|p| read(p).map(|t| (t, p.display().to_string()))).transpose()?;
            let catalog = gutsy::catalog::Catalog::bundled();
            if let Some((text, file)) = &pantry {
                gutsy::shopping::parse_pantry(catalog, text, file).map_err(|e| CliError::Usage(e.to_string()))?;
            }
            if let Some((text, file)) = &aisles {
                gutsy::shopping::parse_aisles(catalog, text, file).map_err(|e| CliError::Usage(e.to_string()))?;
            }
            let mut s = store.settings()?;
            s.household = household.unwrap_or(s.household);
            if let Some(e) = exclude {
                s.exclude = e.into_iter().filter(|w| !w.trim().eq_ignore_ascii_case("none")).collect();
            }
            if no_rules || !rule.is_empty() {
                s.rules = rule;
            }
            s.units = units.unwrap_or(s.units);
            s.leftovers = leftovers.unwrap_or(s.leftovers);
            s.no_repeat_days = no_repeat_days.unwrap_or(s.no_repeat_days);
            if let Some(m) = max_minutes {
                s.max_minutes = m
                    .iter()
                    .filter(|w| !w.trim().eq_ignore_ascii_case("none"))
                    .map(|w| super::plan::meal_minutes(w))
                    .collect::<Result<_, _>>()
                    .map_err(CliError::Usage)?;
            }
            let saved = save_settings(&mut store, s).map_err(|e| match e {
                SaveSettingsError::Store(e) => CliError::Store(e),
                other => CliError::Usage(other.to_string()),
            })?;
            let kept = |e: gutsy::library::ShoppingError| CliError::Usage(e.to_string());
            if let Some((text, _)) = &pantry {
                gutsy::library::save_pantry(&mut store, text).map_err(kept)?;
            }
            if let Some((text, _)) = &aisles {
                gutsy::library::save_aisles(&mut store, text).map_err(kept)?;
            }
            print(&mut out, &saved, json)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn print(out: &mut impl Write, s: &Settings, json: bool) -> Result<(), CliError> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(s)?)?;
        return Ok(());
    }
    let list = |v: &[String]| if v.is_empty() { "none".to_string() } else { v.join(", ") };
    let minutes: Vec<String> = s.max_minutes.iter().map(|(m, n): &(MealType, u32)| format!("{} ≤ {n} min", m.as_str())).collect();
    writeln!(out, "household       {} {}", s.household, if s.household == 1 { "person" } else { "people" })?;
    writeln!(out, "exclude         {}", list(&s.exclude))?;
    writeln!(out, "rules           {}", list(&s.rules))?;
    writeln!(out, "units           {}", if s.units == UnitSystem::Us { "US" } else { "metric" })?;
    writeln!(out, "leftovers       {}", if s.leftovers { "each dinner also feeds the next day's lunch" } else { "no" })?;
    writeln!(out, "no repeat       within {} days", s.no_repeat_days)?;
    writeln!(out, "time limits     {}", list(&minutes))?;
    Ok(())
}
