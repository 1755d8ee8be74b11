//! Listing through a filter: search in FTS5, filters and order over the in-memory
//! [`ListIndex`], then the cards of one page read by id. No recipe is decoded or re-derived to
//! answer a list.

use super::index::{freshness, ListIndex};
use super::{fts_query, not_a_database, Store, StoreError};
use crate::card::RecipeCard;
use crate::filter::Filter;
use rusqlite::OptionalExtension;
use serde_json::value::RawValue;

/// One page of a filtered list.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ListPage {
    /// Recipes passing the filter, all pages together.
    pub total: usize,
    /// Position of the first card in the whole list.
    pub offset: usize,
    pub cards: Vec<RecipeCard>,
}

impl Store {
    /// Every recipe card through a filter: search results best first, otherwise by title.
    pub fn list(&self, filter: &Filter) -> Result<Vec<RecipeCard>, StoreError> {
        Ok(self.list_page(filter, 0, usize::MAX)?.cards)
    }

    /// The cards `offset..offset + limit` of [`Store::list`], and how many there are in all.
    /// Search results come title hits first, then the rest, each in title order: an order a
    /// cook can predict, and cheap (FTS5's `bm25` costs ~2 µs per hit, too much for a common
    /// word in a big library).
    pub fn list_page(&self, filter: &Filter, offset: usize, limit: usize) -> Result<ListPage, StoreError> {
        let (total, cards) = self.cards_where(filter, offset, limit, |json| serde_json::from_str(&json))?;
        Ok(ListPage { total, offset, cards })
    }

    /// Every card of [`Store::list`] as the JSON it is stored as, for callers that only pass
    /// it on (the CLI's `--json`): nothing is decoded and encoded again.
    pub fn list_json(&self, filter: &Filter) -> Result<Vec<Box<RawValue>>, StoreError> {
        Ok(self.cards_where(filter, 0, usize::MAX, RawValue::from_string)?.1)
    }

    /// How many recipes pass `filter`, and the cards `offset..offset + limit` read through
    /// `decode`, in one read transaction so the page and the total agree.
    fn cards_where<T>(
        &self,
        filter: &Filter,
        offset: usize,
        limit: usize,
        decode: impl Fn(String) -> serde_json::Result<T>,
    ) -> Result<(usize, Vec<T>), StoreError> {
        let db = |e| not_a_database(&self.label, e);
        let tx = self.conn.unchecked_transaction().map_err(db)?;
        let ids = self.filtered_ids(&tx, filter).map_err(db)?;
        let mut stmt = tx.prepare_cached("SELECT card FROM recipe_card WHERE recipe_id = ?1")?;
        let mut cards = Vec::new();
        for id in ids.iter().skip(offset).take(limit) {
            let damaged = |message: String| StoreError::Damaged { id: id.to_string(), message };
            // The index names it but its card is gone: the file was damaged (a torn page).
            let json: String =
                stmt.query_row([id], |r| r.get(0)).optional().map_err(db)?.ok_or_else(|| damaged("its card is missing".into()))?;
            cards.push(decode(json).map_err(|e| damaged(e.to_string()))?);
        }
        drop(stmt);
        tx.finish().map_err(db)?;
        Ok((ids.len(), cards))
    }

    /// Row ids of the recipes passing `filter`, in list order (inside the caller's transaction).
    pub(super) fn filtered_ids(&self, tx: &rusqlite::Connection, filter: &Filter) -> Result<Vec<i64>, rusqlite::Error> {
        let search = match filter.search.as_deref().and_then(fts_query) {
            Some(q) => Some((self.fts_hits(&q)?, self.fts_hits(&format!("title : ({q})"))?)),
            None => None,
        };
        let now = freshness(tx)?;
        let mut index = self.index.borrow_mut();
        let index = match index.take() {
            Some(i) if i.freshness == now => index.insert(i),
            _ => index.insert(ListIndex::load(tx)?),
        };
        index.select(tx, filter, search.as_ref().map(|(hits, first)| (hits.as_slice(), first.as_slice())))
    }

    /// Row ids matching an FTS5 query.
    fn fts_hits(&self, q: &str) -> Result<Vec<i64>, rusqlite::Error> {
        let mut stmt = self.conn.prepare_cached("SELECT rowid FROM recipe_fts WHERE recipe_fts MATCH ?1")?;
        let rows = stmt.query_map([q], |r| r.get::<_, i64>(0))?;
        rows.collect()
    }
}
