//! Listing through a filter, in SQL over the stored facts and the FTS index: no recipe is
//! decoded or re-derived to answer a list.

use super::{derive::bits, fts_query, not_a_database, Store, StoreError};
use crate::card::RecipeCard;
use crate::catalog::Catalog;
use crate::diet::{Attribute, Trigger};
use crate::filter::Filter;
use crate::model::MealType;
use rusqlite::named_params;

/// The conditions every listed recipe meets; `:q` is the FTS query (NULL for no search).
const CONDITIONS: &str = "
    (d.triggers & :triggers) = 0
    -- an unknown ingredient cannot be vouched for: it never passes a trigger exclusion
    AND (:triggers = 0 OR d.unknown = 0)
    AND (d.attributes & :attributes) = :attributes
    AND (:meal = 0 OR (d.meals & :meal) <> 0)
    AND (:max_minutes IS NULL OR (d.active_minutes IS NOT NULL AND d.active_minutes <= :max_minutes))
    AND (:foods = '[]' OR NOT EXISTS (
        SELECT 1 FROM recipe_food f
        WHERE f.recipe_id = d.recipe_id AND f.optional = 0 AND f.food IN (SELECT value FROM json_each(:foods))))";

impl Store {
    /// Recipe cards through a filter: search results best first, otherwise by title.
    pub fn list(&self, catalog: &Catalog, filter: &Filter) -> Result<Vec<RecipeCard>, StoreError> {
        let foods: Vec<&str> = filter.exclude_foods.iter().map(|&f| catalog.food(f).id.as_str()).collect();
        let foods = serde_json::to_string(&foods).map_err(|e| StoreError::Damaged { id: String::new(), message: e.to_string() })?;
        let meal = filter.meal.map(|m| bits(&MealType::ALL, &[m])).unwrap_or(0);
        let search = filter.search.as_deref().and_then(fts_query);
        let sql = match search {
            Some(_) => format!(
                "SELECT d.card FROM recipe_fts JOIN recipe_derived d ON d.recipe_id = recipe_fts.rowid
                 WHERE recipe_fts MATCH :q AND {CONDITIONS}
                 ORDER BY bm25(recipe_fts, 10.0, 4.0, 1.0, 2.0)"
            ),
            None => format!(
                "SELECT d.card FROM recipe r JOIN recipe_derived d ON d.recipe_id = r.id
                 WHERE :q IS NULL AND {CONDITIONS}
                 ORDER BY r.title COLLATE NOCASE"
            ),
        };
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map(
                named_params! {
                    ":q": search,
                    ":triggers": bits(Trigger::ALL, &filter.exclude_triggers),
                    ":attributes": bits(Attribute::ALL, &filter.attributes),
                    ":meal": meal,
                    ":max_minutes": filter.max_minutes,
                    ":foods": foods,
                },
                |r| r.get::<_, String>(0),
            )
            .map_err(|e| not_a_database(&self.label, e))?;
        let mut cards = Vec::new();
        for row in rows {
            let json = row.map_err(|e| not_a_database(&self.label, e))?;
            cards.push(serde_json::from_str(&json).map_err(|e| StoreError::Damaged { id: String::new(), message: e.to_string() })?);
        }
        Ok(cards)
    }
}
