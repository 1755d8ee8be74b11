//! Plans as the cook works with them — generate (and save), show, lock, swap, regenerate: the
//! store's saved plans and candidates meeting the pure planner. Every change is saved whole.

use crate::catalog::Catalog;
use crate::diet::{Attribute, Category};
use crate::filter::{Filter, FilterError, FilterSpec};
use crate::model::MealType;
use crate::planner::{
    alternatives, generate, leftover_source, leftover_sources, outcome, plan_view, put_with_leftovers, Candidate, Fixed, PlanRule,
    PlanSettings, PlanView, RecipeRef, Request, RuleSpec, SavedPlan, SavedSlot, Slot,
};
use crate::settings::{Settings, SettingsError};
use crate::store::{Store, StoreError};
use chrono::NaiveDate;
use std::collections::HashSet;

/// Why a plan operation failed.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Filter(#[from] FilterError),
    #[error("no plan named {0:?}")]
    NotFound(String),
    #[error("the plan has no {meal} on day {day}")]
    NoSuchSlot { day: u32, meal: MealType },
    #[error("{recipe:?} cannot go in that slot: it is not a {meal} recipe, or it breaks the plan's exclusions or rules")]
    DoesNotFit { recipe: String, meal: MealType },
    #[error("the {meal} on {date} eats the leftovers of the dinner before: change that dinner instead")]
    Leftover { date: NaiveDate, meal: MealType },
    #[error("servings must be between 1 and 99, not {0}")]
    Servings(u32),
    #[error("a plan needs a name")]
    EmptyName,
    #[error("rule {rule:?}: {target:?} is not a gut attribute (fermented, cruciferous, …), a food category (fish, meat, legume, …), a food group (red meat, oily fish, …) or a food in the catalog")]
    UnknownRuleTarget { rule: String, target: String },
}

/// Resolves the cook's rules against the candidates: an attribute, else a food category, else
/// a named group of foods ("red meat", `catalog/groups.toml`), else a catalog food with its
/// family ("onion" counts red onion).
/// A target starting with `#` is one of the cook's tags, looked up in `store` (`None`: only
/// check the rules can be resolved).
pub fn resolve_rules(cands: &[Candidate], specs: &[RuleSpec], store: Option<&Store>) -> Result<Vec<PlanRule>, PlanError> {
    let catalog = Catalog::bundled();
    specs
        .iter()
        .map(|spec| {
            let word = spec.target.replace(' ', "_");
            let hits: Vec<bool> = if let Some(tag) = spec.target.strip_prefix('#') {
                let ids = match store {
                    Some(store) => store.recipes_tagged(tag)?,
                    None => HashSet::new(),
                };
                cands.iter().map(|c| ids.contains(&c.id)).collect()
            } else if let Ok(a) = word.parse::<Attribute>() {
                cands.iter().map(|c| c.attributes.contains(&a)).collect()
            } else if let Ok(cat) = word.parse::<Category>() {
                cands.iter().map(|c| c.foods.iter().any(|f| catalog.by_id(f).is_some_and(|i| catalog.food(i).category == cat))).collect()
            } else if let Some(group) = catalog.food_group(&spec.target) {
                let ids: Vec<&str> = group.into_iter().map(|i| catalog.food(i).id.as_str()).collect();
                cands.iter().map(|c| c.foods.iter().any(|f| ids.contains(&&**f))).collect()
            } else if let Some(food) = catalog.find_food(&spec.target) {
                let family: Vec<&str> = catalog.family(food).into_iter().map(|i| catalog.food(i).id.as_str()).collect();
                cands.iter().map(|c| c.foods.iter().any(|f| family.contains(&&**f))).collect()
            } else {
                return Err(PlanError::UnknownRuleTarget { rule: spec.to_string(), target: spec.target.clone() });
            };
            Ok(PlanRule { spec: spec.clone(), hits })
        })
        .collect()
}

/// A new plan to generate.
#[derive(Debug, Clone)]
pub struct NewPlan {
    /// Saved under this name (replacing a plan of the same name) when given.
    pub name: Option<String>,
    pub start: NaiveDate,
    pub days: u32,
    pub meals: Vec<MealType>,
    pub servings: u32,
    pub settings: PlanSettings,
}

impl NewPlan {
    /// A week of breakfast, lunch and dinner for two from `start`.
    pub fn week(name: Option<String>, start: NaiveDate, settings: PlanSettings) -> NewPlan {
        NewPlan { name, start, days: 7, meals: vec![MealType::Breakfast, MealType::Lunch, MealType::Dinner], servings: 2, settings }
    }

    /// A week of breakfast, lunch and dinner from the cook's settings (household, exclusions,
    /// rules, leftovers, time limits).
    pub fn from_settings(name: Option<String>, start: NaiveDate, settings: &Settings, seed: u64) -> Result<NewPlan, SettingsError> {
        Ok(NewPlan { servings: settings.household, ..NewPlan::week(name, start, settings.plan_settings(seed)?) })
    }
}

/// A swap's choices: the slot's next-best recipes with their reasons.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SwapChoice {
    pub recipe: RecipeRef,
    pub delta: f64,
    pub reasons: Vec<String>,
}

fn request(
    store: &Store,
    cands: &[Candidate],
    start: NaiveDate,
    days: u32,
    meals: &[MealType],
    settings: &PlanSettings,
    today: NaiveDate,
) -> Result<Request, PlanError> {
    Ok(Request {
        rules: resolve_rules(cands, &settings.rules, Some(store))?,
        days,
        meals: meals.to_vec(),
        max_minutes: settings.max_minutes.clone(),
        no_repeat_days: settings.no_repeat_days,
        seed: settings.seed,
        today: Some(today),
        leftovers: settings.leftovers,
        ..Request::week(start)
    })
}

/// The recipes passing the plan's exclusions, plus any recipe a slot already holds.
fn candidates(store: &Store, settings: &PlanSettings, held: &[&str]) -> Result<Vec<Candidate>, PlanError> {
    let filter = Filter::from_spec(Catalog::bundled(), &FilterSpec { exclude: settings.exclude.clone(), ..FilterSpec::default() })?;
    let mut cands = store.plan_candidates(&filter)?;
    if held.iter().any(|id| !cands.iter().any(|c| c.id == *id)) {
        for c in store.plan_candidates(&Filter::default())? {
            if held.contains(&c.id.as_str()) && !cands.iter().any(|k| k.id == c.id) {
                cands.push(c);
            }
        }
    }
    Ok(cands)
}

fn to_slots(plan: &SavedPlan, cands: &[Candidate]) -> Vec<Slot> {
    plan.slots
        .iter()
        .map(|s| Slot {
            day: s.day,
            meal: s.meal,
            recipe: s.recipe.as_ref().and_then(|id| cands.iter().position(|c| &c.id == id)),
            fixed: s.locked,
        })
        .collect()
}

fn to_saved(plan: &SavedPlan, cands: &[Candidate], slots: &[Slot]) -> Vec<SavedSlot> {
    slots
        .iter()
        .map(|s| {
            let before = plan.slots.iter().find(|o| o.day == s.day && o.meal == s.meal);
            let (recipe, title) = match s.recipe {
                Some(r) => (Some(cands[r].id.clone()), Some(cands[r].title.clone())),
                // A deleted recipe stays named in its slot.
                None => (before.and_then(|o| o.recipe.clone()), before.and_then(|o| o.title.clone())),
            };
            SavedSlot { day: s.day, meal: s.meal, recipe, title, servings: before.map_or(plan.servings, |o| o.servings), locked: s.fixed }
        })
        .collect()
}

/// The view of a saved plan with its slots as `slots` say.
fn view_of(store: &Store, plan: &SavedPlan, cands: &[Candidate], slots: Vec<Slot>, today: NaiveDate) -> Result<PlanView, PlanError> {
    let req = request(store, cands, plan.start, plan.days, &plan.meals, &plan.settings, today)?;
    let out = outcome(cands, &req, slots);
    let servings: Vec<u32> = out
        .slots
        .iter()
        .map(|s| plan.slots.iter().find(|o| o.day == s.day && o.meal == s.meal).map_or(plan.servings, |o| o.servings))
        .collect();
    let mut view = plan_view(cands, &req, &out, &servings);
    view.id = Some(plan.id.clone());
    view.name = Some(plan.name.clone());
    for day in &mut view.days {
        let d = (day.date - plan.start).num_days() as u32;
        for m in &mut day.meals {
            if let Some(s) = plan.slots.iter().find(|s| s.day == d && s.meal == m.meal) {
                if m.recipe.is_none() {
                    if let (Some(id), Some(title)) = (&s.recipe, &s.title) {
                        m.deleted = Some(RecipeRef { id: id.clone(), title: title.clone() });
                    }
                }
            }
        }
    }
    Ok(view)
}

/// A saved plan with its slots in the planner's order (day by day, meals as the plan lists them).
fn load(store: &Store, key: &str) -> Result<SavedPlan, PlanError> {
    let mut plan = store.plan(key)?.ok_or_else(|| PlanError::NotFound(key.to_string()))?;
    let meals = plan.meals.clone();
    plan.slots.sort_by_key(|s| (s.day, meals.iter().position(|m| *m == s.meal).unwrap_or(usize::MAX)));
    Ok(plan)
}

fn held(plan: &SavedPlan) -> Vec<&str> {
    plan.slots.iter().filter_map(|s| s.recipe.as_deref()).collect()
}

/// Generates a plan, and saves it when it has a name.
pub fn generate_plan(store: &mut Store, new: &NewPlan, today: NaiveDate) -> Result<PlanView, PlanError> {
    let cands = candidates(store, &new.settings, &[])?;
    let req = request(store, &cands, new.start, new.days, &new.meals, &new.settings, today)?;
    let out = generate(&cands, &req);
    let Some(name) = &new.name else { return Ok(plan_view(&cands, &req, &out, &vec![new.servings; out.slots.len()])) };
    let mut plan = SavedPlan {
        id: String::new(),
        name: name.clone(),
        start: new.start,
        days: new.days,
        meals: new.meals.clone(),
        servings: new.servings,
        settings: new.settings.clone(),
        slots: Vec::new(),
    };
    plan.slots = to_saved(&plan, &cands, &out.slots);
    plan.id = store.save_plan(&plan)?;
    view_of(store, &plan, &cands, out.slots, today)
}

/// A saved plan as it stands (recipes deleted since are marked, never dropped).
pub fn show_plan(store: &Store, key: &str, today: NaiveDate) -> Result<PlanView, PlanError> {
    let plan = load(store, key)?;
    let cands = candidates(store, &plan.settings, &held(&plan))?;
    let slots = to_slots(&plan, &cands);
    view_of(store, &plan, &cands, slots, today)
}

/// Regenerates every unlocked slot (with a new seed when given); locked slots stay.
pub fn regenerate_plan(store: &mut Store, key: &str, seed: Option<u64>, today: NaiveDate) -> Result<PlanView, PlanError> {
    let mut plan = load(store, key)?;
    if let Some(seed) = seed {
        plan.settings.seed = seed;
    }
    let cands = candidates(store, &plan.settings, &held(&plan))?;
    let mut req = request(store, &cands, plan.start, plan.days, &plan.meals, &plan.settings, today)?;
    req.fixed = plan
        .slots
        .iter()
        .filter(|s| s.locked)
        .filter_map(|s| Some(Fixed { day: s.day, meal: s.meal, recipe: s.recipe.clone()? }))
        .collect();
    let out = generate(&cands, &req);
    plan.slots = to_saved(&plan, &cands, &out.slots);
    store.save_plan(&plan)?;
    view_of(store, &plan, &cands, out.slots, today)
}

fn slot_index(plan: &SavedPlan, day: u32, meal: MealType) -> Result<usize, PlanError> {
    plan.slots.iter().position(|s| s.day == day && s.meal == meal).ok_or(PlanError::NoSuchSlot { day, meal })
}

/// A slot the cook can change on its own: not one eating the dinner before's leftovers.
fn own_slot(plan: &SavedPlan, day: u32, meal: MealType) -> Result<usize, PlanError> {
    let i = slot_index(plan, day, meal)?;
    if plan.settings.leftovers && leftover_source(&plan.meals, plan.days, day, meal).is_some() {
        let date = plan.start.checked_add_days(chrono::Days::new(u64::from(day))).unwrap_or(plan.start);
        return Err(PlanError::Leftover { date, meal });
    }
    Ok(i)
}

/// Locks (or unlocks) one slot: regenerating leaves a locked slot as it is.
pub fn lock_slot(store: &mut Store, key: &str, day: u32, meal: MealType, locked: bool, today: NaiveDate) -> Result<PlanView, PlanError> {
    let mut plan = load(store, key)?;
    let i = own_slot(&plan, day, meal)?;
    plan.slots[i].locked = locked;
    store.save_plan(&plan)?;
    show_plan(store, key, today)
}

/// The next-best recipes for one slot, best first, with their reasons.
pub fn swap_choices(store: &Store, key: &str, day: u32, meal: MealType, k: usize, today: NaiveDate) -> Result<Vec<SwapChoice>, PlanError> {
    let plan = load(store, key)?;
    let i = own_slot(&plan, day, meal)?;
    let cands = candidates(store, &plan.settings, &held(&plan))?;
    let slots = to_slots(&plan, &cands);
    let req = request(store, &cands, plan.start, plan.days, &plan.meals, &plan.settings, today)?;
    Ok(alternatives(&cands, &req, &slots, i, k)
        .into_iter()
        .map(|a| SwapChoice {
            recipe: RecipeRef { id: cands[a.recipe].id.clone(), title: cands[a.recipe].title.clone() },
            delta: a.delta,
            reasons: a.reasons,
        })
        .collect())
}

/// Puts `recipe` (an id, or a title) in one slot, if it fits the slot and the plan's rules.
pub fn swap_slot(store: &mut Store, key: &str, day: u32, meal: MealType, recipe: &str, today: NaiveDate) -> Result<PlanView, PlanError> {
    let mut plan = load(store, key)?;
    let i = own_slot(&plan, day, meal)?;
    let wanted = store.find(recipe)?;
    let cands = candidates(store, &plan.settings, &held(&plan))?;
    let mut slots = to_slots(&plan, &cands);
    let req = request(store, &cands, plan.start, plan.days, &plan.meals, &plan.settings, today)?;
    let r = cands
        .iter()
        .position(|c| c.id == wanted.id)
        .filter(|&r| crate::planner::fits(&cands[r], &req, &slots[i]) && crate::planner::repeat_ok(&slots, &req, i, r))
        .ok_or_else(|| PlanError::DoesNotFit { recipe: wanted.title.clone(), meal })?;
    put_with_leftovers(&mut slots, &leftover_sources(&req, &to_slots(&plan, &cands)), i, Some(r));
    // The cook chose it: regenerating keeps it.
    slots[i].fixed = true;
    plan.slots = to_saved(&plan, &cands, &slots);
    store.save_plan(&plan)?;
    view_of(store, &plan, &cands, slots, today)
}

/// Moves slot `from`'s recipe to slot `to` (a drag, or the keyboard), swapping with what `to`
/// held; both must fit where they land. The cook placed them: both are locked.
pub fn move_slot(
    store: &mut Store,
    key: &str,
    from: (u32, MealType),
    to: (u32, MealType),
    today: NaiveDate,
) -> Result<PlanView, PlanError> {
    let mut plan = load(store, key)?;
    let a = own_slot(&plan, from.0, from.1)?;
    let b = own_slot(&plan, to.0, to.1)?;
    let cands = candidates(store, &plan.settings, &held(&plan))?;
    let mut slots = to_slots(&plan, &cands);
    let req = request(store, &cands, plan.start, plan.days, &plan.meals, &plan.settings, today)?;
    let sources = leftover_sources(&req, &slots);
    let (ra, rb) = (slots[a].recipe, slots[b].recipe);
    put_with_leftovers(&mut slots, &sources, a, rb);
    put_with_leftovers(&mut slots, &sources, b, ra);
    for (at, r) in [(b, ra), (a, rb)] {
        if let Some(r) = r {
            if !crate::planner::fits(&cands[r], &req, &slots[at]) || !crate::planner::repeat_ok(&slots, &req, at, r) {
                return Err(PlanError::DoesNotFit { recipe: cands[r].title.clone(), meal: slots[at].meal });
            }
        }
    }
    slots[a].fixed = rb.is_some();
    slots[b].fixed = ra.is_some();
    plan.slots = to_saved(&plan, &cands, &slots);
    store.save_plan(&plan)?;
    view_of(store, &plan, &cands, slots, today)
}

/// Sets how many eat one slot (1–99).
pub fn set_servings(
    store: &mut Store,
    key: &str,
    day: u32,
    meal: MealType,
    servings: u32,
    today: NaiveDate,
) -> Result<PlanView, PlanError> {
    if !(1..=99).contains(&servings) {
        return Err(PlanError::Servings(servings));
    }
    let mut plan = load(store, key)?;
    let i = slot_index(&plan, day, meal)?;
    plan.slots[i].servings = servings;
    store.save_plan(&plan)?;
    show_plan(store, key, today)
}

/// Renames a saved plan.
pub fn rename_plan(store: &mut Store, key: &str, name: &str) -> Result<(), PlanError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(PlanError::EmptyName);
    }
    if !store.rename_plan(key, name)? {
        return Err(PlanError::NotFound(key.to_string()));
    }
    Ok(())
}

/// Copies a saved plan under a new name (a new id; slots, locks and settings as they are).
pub fn duplicate_plan(store: &mut Store, key: &str, name: &str, today: NaiveDate) -> Result<PlanView, PlanError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(PlanError::EmptyName);
    }
    if store.plan(name)?.is_some() {
        return Err(StoreError::PlanNameTaken(name.to_string()).into());
    }
    let mut plan = load(store, key)?;
    plan.id = String::new();
    plan.name = name.to_string();
    store.save_plan(&plan)?;
    show_plan(store, name, today)
}
