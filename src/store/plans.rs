//! Saved plans: one transaction per write; slots refer to recipes by their stable id.

use super::{now, Store, StoreError};
use crate::model::MealType;
use crate::planner::{PlanSettings, SavedPlan, SavedSlot};
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

/// A saved plan in a list of them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PlanSummary {
    pub id: String,
    pub name: String,
    #[ts(type = "string")]
    pub start: NaiveDate,
    pub days: u32,
}

/// A plan's row, as stored.
struct Header {
    rowid: i64,
    id: String,
    name: String,
    start: String,
    days: u32,
    meals: String,
    servings: u32,
    settings: String,
}

fn damaged(id: &str, message: impl ToString) -> StoreError {
    StoreError::Damaged { id: id.to_string(), message: message.to_string() }
}

impl Store {
    /// Saves `plan` under its name: a plan of that name is replaced (and keeps its id).
    /// Returns the plan's id.
    pub fn save_plan(&mut self, plan: &SavedPlan) -> Result<String, StoreError> {
        let settings = serde_json::to_string(&plan.settings).map_err(|e| damaged(&plan.name, e))?;
        let meals: Vec<&str> = plan.meals.iter().map(|m| m.as_str()).collect();
        let tx = self.conn.transaction()?;
        let existing: Option<(i64, String)> =
            tx.query_row("SELECT id, uid FROM plan WHERE name = ?1", [&plan.name], |r| Ok((r.get(0)?, r.get(1)?))).optional()?;
        let (rowid, uid) = match existing {
            Some((rowid, uid)) => {
                tx.execute(
                    "UPDATE plan SET start = ?2, days = ?3, meals = ?4, servings = ?5, settings = ?6, updated_at = ?7 WHERE id = ?1",
                    params![rowid, plan.start.to_string(), plan.days, meals.join(" "), plan.servings, settings, now()],
                )?;
                tx.execute("DELETE FROM plan_slot WHERE plan_id = ?1", [rowid])?;
                (rowid, uid)
            }
            None => {
                let uid = if plan.id.is_empty() { uuid::Uuid::new_v4().to_string() } else { plan.id.clone() };
                tx.execute(
                    "INSERT INTO plan (uid, name, start, days, meals, servings, settings, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                    params![uid, plan.name, plan.start.to_string(), plan.days, meals.join(" "), plan.servings, settings, now()],
                )?;
                (tx.last_insert_rowid(), uid)
            }
        };
        {
            let mut slot = tx.prepare_cached(
                "INSERT INTO plan_slot (plan_id, day, meal, recipe_uid, title, servings, locked) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for s in &plan.slots {
                slot.execute(params![rowid, s.day, s.meal.as_str(), s.recipe, s.title, s.servings, s.locked])?;
            }
        }
        tx.commit()?;
        Ok(uid)
    }

    /// The plan with this id or name.
    pub fn plan(&self, key: &str) -> Result<Option<SavedPlan>, StoreError> {
        let row = self
            .conn
            .query_row("SELECT id, uid, name, start, days, meals, servings, settings FROM plan WHERE uid = ?1 OR name = ?1", [key], |r| {
                Ok(Header {
                    rowid: r.get(0)?,
                    id: r.get(1)?,
                    name: r.get(2)?,
                    start: r.get(3)?,
                    days: r.get(4)?,
                    meals: r.get(5)?,
                    servings: r.get(6)?,
                    settings: r.get(7)?,
                })
            })
            .optional()?;
        let Some(Header { rowid, id, name, start, days, meals, servings, settings }) = row else { return Ok(None) };
        let start: NaiveDate = start.parse().map_err(|e| damaged(&name, e))?;
        let meals = meals.split_whitespace().map(|m| m.parse::<MealType>().map_err(|e| damaged(&name, e))).collect::<Result<_, _>>()?;
        let settings: PlanSettings = serde_json::from_str(&settings).map_err(|e| damaged(&name, e))?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, meal, recipe_uid, title, servings, locked FROM plan_slot WHERE plan_id = ?1 ORDER BY day")?;
        let rows = stmt.query_map([rowid], |r| {
            Ok((r.get::<_, u32>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get::<_, u32>(4)?, r.get::<_, bool>(5)?))
        })?;
        let mut slots = Vec::new();
        for row in rows {
            let (day, meal, recipe, title, servings, locked) = row?;
            let meal = meal.parse::<MealType>().map_err(|e| damaged(&name, e))?;
            slots.push(SavedSlot { day, meal, recipe, title, servings, locked });
        }
        Ok(Some(SavedPlan { id, name, start, days, meals, servings, settings, slots }))
    }

    /// Every saved plan, the one changed last first (the app opens on it).
    pub fn plans(&self) -> Result<Vec<PlanSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT uid, name, start, days FROM plan ORDER BY updated_at DESC, name")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u32>(3)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, start, days) = row?;
            out.push(PlanSummary { start: start.parse().map_err(|e| damaged(&name, e))?, id, name, days });
        }
        Ok(out)
    }

    /// Renames a plan (by id or name); `false` if there was none. A name in use is refused.
    pub fn rename_plan(&mut self, key: &str, name: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let taken: Option<String> = tx.query_row("SELECT uid FROM plan WHERE name = ?1", [name], |r| r.get(0)).optional()?;
        let this: Option<String> = tx.query_row("SELECT uid FROM plan WHERE uid = ?1 OR name = ?1", [key], |r| r.get(0)).optional()?;
        let Some(this) = this else { return Ok(false) };
        if taken.is_some_and(|t| t != this) {
            return Err(StoreError::PlanNameTaken(name.to_string()));
        }
        tx.execute("UPDATE plan SET name = ?2, updated_at = ?3 WHERE uid = ?1", params![this, name, now()])?;
        tx.commit()?;
        Ok(true)
    }

    /// Deletes a plan by id or name; `false` if there was none.
    pub fn delete_plan(&mut self, key: &str) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let n = tx.execute("DELETE FROM plan WHERE uid = ?1 OR name = ?1", [key])?;
        tx.commit()?;
        Ok(n > 0)
    }
}
