//! `gutsy plan …`

use super::{open_store, CliError};
use chrono::NaiveDate;
use clap::Subcommand;
use gutsy::catalog::Catalog;
use gutsy::library::{
    duplicate_plan, generate_plan, lock_slot, move_slot, regenerate_plan, rename_plan, set_servings, show_plan, swap_choices, swap_slot,
    Filter, FilterSpec, NewPlan, PlanError,
};
use gutsy::model::MealType;
use gutsy::planner::{day_label, PlanView, RuleSpec};
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
        /// Servings per meal (default: the household in settings).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=50))]
        servings: Option<u32>,
        /// Leave out recipes with these triggers (dairy, gluten, sugar, alcohol, …) or foods
        /// (default: the exclusions in settings; `none` for none).
        #[arg(long, value_delimiter = ',', value_name = "TRIGGER|FOOD")]
        exclude: Option<Vec<String>>,
        /// Longest prep + cook time for a meal, e.g. `dinner=30` (default: from settings).
        /// Comma-separated or repeated.
        #[arg(long, value_delimiter = ',', value_name = "MEAL=MINUTES", value_parser = meal_minutes)]
        max_minutes: Option<Vec<(MealType, u32)>>,
        /// A rule for the week, e.g. "fish >= 2", "meat <= 1", "cruciferous >= 4 days" (meals, or days
        /// with it). Repeat for several; given, they replace the rules in settings.
        #[arg(long, value_name = "RULE")]
        rule: Vec<RuleSpec>,
        /// No recipe comes back within this many days (default: from settings).
        #[arg(long)]
        no_repeat_days: Option<u32>,
        /// Cook once, eat twice: each dinner also feeds the next day's lunch (default: from settings).
        #[arg(long, value_name = "true|false")]
        leftovers: Option<bool>,
        /// The same seed gives the same plan.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// The day lead times count from (default: today).
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
        /// Save the plan under this name (a plan of that name is replaced).
        #[arg(long, value_name = "NAME")]
        save: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Show a saved plan.
    Show {
        /// Plan name or id.
        plan: String,
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
        #[arg(long)]
        json: bool,
    },
    /// List saved plans.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Delete a saved plan.
    Delete { plan: String },
    /// Lock a slot (regenerating leaves it as it is), or unlock it.
    Lock {
        plan: String,
        #[command(flatten)]
        slot: SlotArgs,
        #[arg(long)]
        unlock: bool,
        #[arg(long)]
        json: bool,
    },
    /// Without --to, list the best recipes for a slot and why; with --to, put that recipe there.
    Swap {
        plan: String,
        #[command(flatten)]
        slot: SlotArgs,
        /// Recipe id, slug or title.
        #[arg(long, value_name = "RECIPE")]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Move a slot's recipe to another slot (swapping with what is there); both end up locked.
    Move {
        plan: String,
        /// Day of the slot to move from (1 for the plan's first).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        day: u32,
        #[arg(long)]
        meal: MealType,
        /// Day to move to.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        to_day: u32,
        /// Meal to move to (default: the same meal).
        #[arg(long)]
        to_meal: Option<MealType>,
        #[arg(long)]
        json: bool,
    },
    /// Set how many eat one slot.
    Servings {
        plan: String,
        #[command(flatten)]
        slot: SlotArgs,
        #[arg(value_parser = clap::value_parser!(u32).range(1..=99))]
        servings: u32,
        #[arg(long)]
        json: bool,
    },
    /// Rename a saved plan.
    Rename { plan: String, name: String },
    /// Copy a saved plan under a new name.
    Duplicate {
        plan: String,
        name: String,
        #[arg(long)]
        json: bool,
    },
    /// Write the plan as an iCalendar file (.ics): each meal an event at its time of day, each
    /// ferment to start a task. Re-exporting updates the same events in a calendar.
    ExportIcal {
        /// Plan name or id.
        plan: String,
        /// The .ics file to write (replaced whole).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_name = "DATE")]
        today: Option<NaiveDate>,
    },
    /// Plan every unlocked slot again (with a new seed when given).
    Regenerate {
        plan: String,
        #[arg(long)]
        seed: Option<u64>,
        #[arg(long)]
        json: bool,
    },
}

/// One slot of a plan.
#[derive(clap::Args)]
pub struct SlotArgs {
    /// Day of the plan, 1 for its first.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    day: u32,
    #[arg(long)]
    meal: MealType,
}

pub(super) fn meal_minutes(text: &str) -> Result<(MealType, u32), String> {
    let (meal, minutes) = text.split_once('=').ok_or_else(|| format!("{text:?}: expected MEAL=MINUTES, e.g. dinner=30"))?;
    let meal: MealType = meal.trim().parse().map_err(|e| format!("{text:?}: {e}"))?;
    let minutes = minutes.trim().parse().map_err(|_| format!("{text:?}: {minutes:?} is not a number of minutes"))?;
    Ok((meal, minutes))
}

pub fn run(cmd: Command, db: Option<PathBuf>) -> Result<(), CliError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match cmd {
        Command::Generate {
            start,
            days,
            meals,
            servings,
            exclude,
            max_minutes,
            no_repeat_days,
            leftovers,
            rule: rules,
            seed,
            today,
            save,
            json,
        } => {
            let exclude = exclude.map(|e| e.into_iter().filter(|w| !w.eq_ignore_ascii_case("none")).collect::<Vec<_>>());
            if let Some(exclude) = &exclude {
                // A bad exclusion is a usage error, before any library is opened.
                Filter::from_spec(Catalog::bundled(), &FilterSpec { exclude: exclude.clone(), ..FilterSpec::default() })
                    .map_err(|e| CliError::Usage(e.to_string()))?;
            }
            let mut meals_seen = Vec::new();
            for m in meals {
                if !meals_seen.contains(&m) {
                    meals_seen.push(m);
                }
            }
            let mut store = open_store(db)?;
            // The settings give every default; flags given replace them for this plan.
            let mine = store.settings()?;
            let mut new = NewPlan::from_settings(save, start, &mine, seed).map_err(|e| CliError::Usage(e.to_string()))?;
            new.days = days;
            new.meals = meals_seen;
            new.servings = servings.unwrap_or(new.servings);
            let s = &mut new.settings;
            s.exclude = exclude.unwrap_or(std::mem::take(&mut s.exclude));
            s.max_minutes = max_minutes.unwrap_or(std::mem::take(&mut s.max_minutes));
            s.no_repeat_days = no_repeat_days.unwrap_or(s.no_repeat_days);
            s.leftovers = leftovers.unwrap_or(s.leftovers);
            if !rules.is_empty() {
                s.rules = rules;
            }
            let view = generate_plan(&mut store, &new, today.unwrap_or_else(local_today)).map_err(plan_error)?;
            print_view(&mut out, &view, json)?;
        }
        Command::Show { plan, today, json } => {
            let store = open_store(db)?;
            print_view(&mut out, &show_plan(&store, &plan, today.unwrap_or_else(local_today)).map_err(plan_error)?, json)?;
        }
        Command::List { json } => {
            let plans = open_store(db)?.plans()?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&plans)?)?;
            } else if plans.is_empty() {
                writeln!(out, "No saved plans.")?;
            } else {
                for p in plans {
                    writeln!(out, "{}  from {}  {} days", p.name, day_label(p.start), p.days)?;
                }
            }
        }
        Command::Delete { plan } => {
            if !open_store(db)?.delete_plan(&plan)? {
                return Err(CliError::Usage(format!("no plan named {plan:?}")));
            }
            writeln!(out, "deleted {plan}")?;
        }
        Command::Lock { plan, slot, unlock, json } => {
            let mut store = open_store(db)?;
            let view = lock_slot(&mut store, &plan, slot.day - 1, slot.meal, !unlock, local_today()).map_err(plan_error)?;
            print_view(&mut out, &view, json)?;
        }
        Command::Swap { plan, slot, to: Some(recipe), json } => {
            let mut store = open_store(db)?;
            let view = swap_slot(&mut store, &plan, slot.day - 1, slot.meal, &recipe, local_today()).map_err(plan_error)?;
            print_view(&mut out, &view, json)?;
        }
        Command::Swap { plan, slot, to: None, json } => {
            let store = open_store(db)?;
            let choices = swap_choices(&store, &plan, slot.day - 1, slot.meal, 10, local_today()).map_err(plan_error)?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&choices)?)?;
            } else {
                let width = choices.iter().map(|c| c.recipe.title.chars().count()).max().unwrap_or(0);
                for c in choices {
                    let why = if c.reasons.is_empty() { "about the same for the week".to_string() } else { c.reasons.join("; ") };
                    writeln!(out, "{:<width$}  {why}", c.recipe.title)?;
                }
            }
        }
        Command::Move { plan, day, meal, to_day, to_meal, json } => {
            let mut store = open_store(db)?;
            let to = (to_day - 1, to_meal.unwrap_or(meal));
            let view = move_slot(&mut store, &plan, (day - 1, meal), to, local_today()).map_err(plan_error)?;
            print_view(&mut out, &view, json)?;
        }
        Command::Servings { plan, slot, servings, json } => {
            let mut store = open_store(db)?;
            let view = set_servings(&mut store, &plan, slot.day - 1, slot.meal, servings, local_today()).map_err(plan_error)?;
            print_view(&mut out, &view, json)?;
        }
        Command::Rename { plan, name } => {
            rename_plan(&mut open_store(db)?, &plan, &name).map_err(plan_error)?;
            writeln!(out, "renamed {plan} to {}", name.trim())?;
        }
        Command::Duplicate { plan, name, json } => {
            let mut store = open_store(db)?;
            print_view(&mut out, &duplicate_plan(&mut store, &plan, &name, local_today()).map_err(plan_error)?, json)?;
        }
        Command::ExportIcal { plan, out: file, today } => {
            let store = open_store(db)?;
            let view = show_plan(&store, &plan, today.unwrap_or_else(local_today)).map_err(plan_error)?;
            let (text, counts) = gutsy::export::ical::plan_ical(&view);
            gutsy::export::write_whole(&file, text.as_bytes())
                .map_err(|e| CliError::Usage(format!("cannot write {}: {e}", file.display())))?;
            writeln!(out, "wrote {} meals and {} prep tasks to {}", counts.meals, counts.prep, file.display())?;
        }
        Command::Regenerate { plan, seed, json } => {
            let mut store = open_store(db)?;
            print_view(&mut out, &regenerate_plan(&mut store, &plan, seed, local_today()).map_err(plan_error)?, json)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

fn plan_error(e: PlanError) -> CliError {
    match e {
        PlanError::Store(e) => CliError::Store(e),
        other => CliError::Usage(other.to_string()),
    }
}

fn print_view(out: &mut impl Write, view: &PlanView, json: bool) -> Result<(), CliError> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(view)?)?;
        Ok(())
    } else {
        print_plan(out, view)
    }
}

fn print_plan(out: &mut impl Write, view: &PlanView) -> Result<(), CliError> {
    if let Some(name) = &view.name {
        writeln!(out, "{name}\n")?;
    }
    for day in &view.days {
        let m = &day.metrics;
        writeln!(out, "{}  ({}{} plants, {} g fiber)", day.label, if m.fermented { "fermented, " } else { "" }, m.plants, m.fiber_g)?;
        for meal in &day.meals {
            let title = match (&meal.recipe, &meal.deleted) {
                (Some(r), _) => r.title.clone(),
                (None, Some(gone)) => format!("{} (recipe deleted)", gone.title),
                (None, None) => "—".to_string(),
            };
            let note = meal.note.as_ref().map(|n| format!("  — {n}")).unwrap_or_default();
            writeln!(out, "  {:<10} {title}{}{note}", meal.meal.as_str(), if meal.locked { "  (locked)" } else { "" })?;
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
