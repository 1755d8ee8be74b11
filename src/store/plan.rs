//! What the planner plans from: the recipes passing a filter, read in one scan of the derived
//! `recipe_index` (no recipe decoded, no per-line table sorted).

use super::{not_a_database, Store, StoreError};
use crate::catalog::Catalog;
use crate::diet::{Attribute, Trigger};
use crate::filter::Filter;
use crate::model::MealType;
use crate::planner::{Candidate, FoodId};
use std::collections::{HashMap, HashSet};

impl Store {
    /// Every recipe passing `filter` as a planner candidate, in list order. One read transaction.
    pub fn plan_candidates(&self, filter: &Filter) -> Result<Vec<Candidate>, StoreError> {
        let db = |e| not_a_database(&self.label, e);
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let ids = self.filtered_ids(&tx, filter).map_err(db)?;
        let at: HashMap<i64, usize> = ids.iter().enumerate().map(|(i, &id)| (id, i)).collect();
        let fermented = 1i64 << Attribute::ALL.iter().position(|a| *a == Attribute::Fermented).unwrap_or(0);
        let mut cands: Vec<Option<Candidate>> = vec![None; ids.len()];
        let catalog = Catalog::bundled();
        // Each catalog food's id once, shared by every candidate naming it.
        let shared: Vec<FoodId> = catalog.foods().iter().map(|f| FoodId::from(f.id.as_str())).collect();
        let by_id = |id: &str| catalog.by_id(id).and_then(|i| shared.get(i.0 as usize)).cloned().unwrap_or_else(|| id.into());
        let mut stmt = tx.prepare_cached(
            "SELECT recipe_id, uid, title, meals, attributes, fiber_per_serving, active_minutes, ferment_minutes,
                    foods, main_food, plant_list, triggers
             FROM recipe_index",
        )?;
        let sql = |e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e));
        let mut rows = stmt.query([]).map_err(db)?;
        while let Some(r) = rows.next().map_err(db)? {
            let Some(&i) = at.get(&r.get(0)?) else { continue };
            let meals: i64 = r.get(3)?;
            let attributes: i64 = r.get(4)?;
            // Catalog indices of the foods (the catalog is part of the model version, so they match).
            let foods: Vec<u8> = r.get(8)?;
            let foods =
                foods.chunks_exact(4).filter_map(|b| shared.get(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize).cloned()).collect();
            cands[i] = Some(Candidate {
                id: r.get(1)?,
                title: r.get(2)?,
                meals: MealType::ALL.iter().enumerate().filter(|(b, _)| meals & (1 << b) != 0).map(|(_, m)| *m).collect(),
                fermented: attributes & fermented != 0,
                attributes: Attribute::ALL.iter().enumerate().filter(|(b, _)| attributes & (1 << b) != 0).map(|(_, a)| *a).collect(),
                triggers: {
                    let t: i64 = r.get(11)?;
                    Trigger::ALL.iter().enumerate().filter(|(b, _)| t & (1 << b) != 0).map(|(_, x)| *x).collect()
                },
                plants: r.get_ref(10)?.as_str().map_err(sql)?.lines().filter(|p| !p.is_empty()).map(by_id).collect(),
                fiber_per_serving: r.get(5)?,
                active_minutes: r.get::<_, Option<i64>>(6)?.and_then(|m| u32::try_from(m).ok()),
                lead_minutes: r.get::<_, Option<i64>>(7)?.and_then(|m| u32::try_from(m).ok()),
                main_food: r.get_ref(9)?.as_str_or_null().map_err(sql)?.map(by_id),
                foods,
            });
        }
        drop(rows);
        drop(stmt);
        tx.finish().map_err(db)?;
        Ok(cands.into_iter().flatten().collect())
    }

    /// The ids of the recipes tagged `tag` (any case; "#" and spaces around it ignored).
    pub fn recipes_tagged(&self, tag: &str) -> Result<HashSet<String>, StoreError> {
        let db = |e| not_a_database(&self.label, e);
        let wanted = tag.trim().trim_start_matches('#').trim().to_lowercase();
        let Some(q) = super::search::tag_query(&wanted) else { return Ok(HashSet::new()) };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT r.uid, d.card FROM recipe_fts f JOIN recipe r ON r.id = f.rowid JOIN recipe_card d ON d.recipe_id = r.id
                 WHERE recipe_fts MATCH ?1",
            )
            .map_err(db)?;
        let mut rows = stmt.query([q]).map_err(db)?;
        let mut out = HashSet::new();
        while let Some(r) = rows.next().map_err(db)? {
            let (uid, card): (String, String) = (r.get(0)?, r.get(1)?);
            // The words matched; the tag must be exactly one of the recipe's tags.
            let card: crate::card::RecipeCard =
                serde_json::from_str(&card).map_err(|e| StoreError::Damaged { id: uid.clone(), message: e.to_string() })?;
            if card.tags.iter().any(|t| t.trim().to_lowercase() == wanted) {
                out.insert(uid);
            }
        }
        Ok(out)
    }
}
