//! What the planner plans from: the recipes passing a filter, read from the derived tables in
//! a few scans (no recipe decoded).

use super::{not_a_database, Store, StoreError};
use crate::diet::Attribute;
use crate::filter::Filter;
use crate::model::MealType;
use crate::planner::Candidate;
use std::collections::HashMap;

impl Store {
    /// Every recipe passing `filter` as a planner candidate, in list order. One read transaction.
    pub fn plan_candidates(&self, filter: &Filter) -> Result<Vec<Candidate>, StoreError> {
        let db = |e| not_a_database(&self.label, e);
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let ids = self.filtered_ids(&tx, filter).map_err(db)?;
        let at: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let fermented = 1i64 << Attribute::ALL.iter().position(|a| *a == Attribute::Fermented).unwrap_or(0);
        let mut cands: Vec<Option<Candidate>> = vec![None; ids.len()];
        let mut stmt = tx.prepare_cached(
            "SELECT i.recipe_id, r.uid, r.title, i.meals, i.attributes, i.fiber_per_serving, i.active_minutes, i.ferment_minutes
             FROM recipe_index i JOIN recipe r ON r.id = i.recipe_id",
        )?;
        let mut rows = stmt.query([]).map_err(db)?;
        while let Some(r) = rows.next().map_err(db)? {
            let Some(&i) = at.get(&r.get(0)?) else { continue };
            let meals: i64 = r.get(3)?;
            let attributes: i64 = r.get(4)?;
            cands[i] = Some(Candidate {
                id: r.get(1)?,
                title: r.get(2)?,
                meals: MealType::ALL.iter().enumerate().filter(|(b, _)| meals & (1 << b) != 0).map(|(_, m)| *m).collect(),
                fermented: attributes & fermented != 0,
                plants: Vec::new(),
                fiber_per_serving: r.get(5)?,
                active_minutes: r.get::<_, Option<i64>>(6)?.and_then(|m| u32::try_from(m).ok()),
                lead_minutes: r.get::<_, Option<i64>>(7)?.and_then(|m| u32::try_from(m).ok()),
                main_food: None,
                foods: Vec::new(),
            });
        }
        drop(rows);
        // Plants, foods, and the main ingredient (the heaviest non-optional line).
        for (sql, what) in [
            ("SELECT recipe_id, plant FROM recipe_plant ORDER BY recipe_id, plant", 0),
            ("SELECT recipe_id, food FROM recipe_food WHERE optional = 0 ORDER BY recipe_id, food", 1),
            ("SELECT recipe_id, food FROM recipe_line WHERE optional = 0 AND food IS NOT NULL ORDER BY recipe_id, grams DESC, line", 2),
        ] {
            let mut stmt = tx.prepare_cached(sql)?;
            let mut rows = stmt.query([]).map_err(db)?;
            while let Some(r) = rows.next().map_err(db)? {
                let Some(c) = at.get(&r.get(0)?).and_then(|&i| cands[i].as_mut()) else { continue };
                let value: String = r.get(1)?;
                match what {
                    0 => c.plants.push(value),
                    1 => c.foods.push(value),
                    _ => {
                        c.main_food.get_or_insert(value);
                    }
                }
            }
        }
        drop(stmt);
        tx.finish().map_err(db)?;
        Ok(cands.into_iter().flatten().collect())
    }
}
