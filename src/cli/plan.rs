//! `gutsy plan …`

use super::{open_store, CliError};
use chrono::NaiveDate;
use clap::Subcommand;
use gutsy::catalog::Catalog;
use gutsy::library::{Filter, FilterSpec};
use gutsy::model::MealType;
use gutsy::planner::{generate, plan_view, PlanView, Request};
use std::io::Write;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum Command {
    /// Plan days × meals from the library against the gut goals: a fermented serving every day,
    /// 30+ distinct plants a week, fiber toward 30 g a day, variety.
    Generate {
        /// First day of the plan (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        start: NaiveDate,
        #[arg(long, default_value_t = 7, value_parser = clap::value_parser!(u32).range(1..=28))]
        days: u32,
        /// Meals of each day, in order.
        #[arg(long, value_delimiter = ',', default_value = "breakfast,lunch,dinner", value_name = "MEAL")]
        meals: Vec<MealType>,
        /// Servings per meal (the household).
        #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=50))]
        servings: u32,
        /// Leave out recipes with these triggers (dairy, gluten, sugar, alcohol, …) or foods.
        #[arg(long, value_delimiter = ',', value_name = "TRIGGER|FOOD")]
        exclude: Vec<String>,
        /// Longest prep + cook time for a meal, e.g. `dinner=30`. Comma-separated or repeated.
        #[arg(long, value_delimiter = ',', value_name = "MEAL=MINUTES", value_parser = meal_minutes)]
        max_minutes: Vec<(MealType, u32)>,
        /// No recipe comes back within this many days.
        #[arg(long, default_value_t = 5)]
        no_repeat_days: u32,
        /// The same seed gives the same plan.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// The day lead times count from (default: today).
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
}

fn meal_minutes(text: &str) -> Result<(MealType, u32), String> {
    let (meal, minutes) = text.split_once('=').ok_or_else(|| format!("{text:?}: expected MEAL=MINUTES, e.g. dinner=30"))?;
    let meal: MealType = meal.trim().parse().map_err(|e| format!("{text:?}: {e}"))?;
    let minutes = minutes.trim().parse().map_err(|_| format!("{text:?}: {minutes:?} is not a number of minutes"))?;
    Ok((meal, minutes))
}

pub fn run(cmd: Command, db: Option<PathBuf>) -> Result<(), CliError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match cmd {
        Command::Generate { start, days, meals, servings, exclude, max_minutes, no_repeat_days, seed, today, json } => {
            let catalog = Catalog::bundled();
            let filter =
                Filter::from_spec(catalog, &FilterSpec { exclude, ..FilterSpec::default() }).map_err(|e| CliError::Usage(e.to_string()))?;
            let mut meals_seen = Vec::new();
            for m in meals {
                if !meals_seen.contains(&m) {
                    meals_seen.push(m);
                }
            }
            let store = open_store(db)?;
            let cands = store.plan_candidates(&filter)?;
            let req = Request {
                days,
                meals: meals_seen,
                max_minutes,
                no_repeat_days,
                seed,
                today: Some(today.unwrap_or_else(|| chrono::Local::now().date_naive())),
                ..Request::week(start)
            };
            let outcome = generate(&cands, &req);
            let view = plan_view(&cands, &req, &outcome, servings);
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
            } else {
                print_plan(&mut out, &view)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn print_plan(out: &mut impl Write, view: &PlanView) -> Result<(), CliError> {
    for day in &view.days {
        let m = &day.metrics;
        writeln!(out, "{}  ({}{} plants, {} g fiber)", day.label, if m.fermented { "fermented, " } else { "" }, m.plants, m.fiber_g)?;
        for meal in &day.meals {
            let title = meal.recipe.as_ref().map_or("—", |r| r.title.as_str());
            writeln!(out, "  {:<10} {title}{}", meal.meal.as_str(), if meal.locked { "  (locked)" } else { "" })?;
        }
    }
    let w = &view.metrics;
    writeln!(out, "\nWeek: {} distinct plants, a ferment on {} of {} days", w.plants.len(), w.fermented_days, view.days.len())?;
    if !view.prep.is_empty() {
        writeln!(out, "\nPrep:")?;
        for p in &view.prep {
            writeln!(out, "  {}", p.task)?;
        }
    }
    for warning in &view.warnings {
        writeln!(out, "\nNote: {warning}")?;
    }
    Ok(())
}
