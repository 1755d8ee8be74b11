//! Shopping lists' state: which items are checked and what the cook added, per list, and the
//! cook's `pantry.conf` / `aisle.conf` texts. One transaction per change.

use super::{Store, StoreError};
use crate::shopping::Extra;
use rusqlite::{params, OptionalExtension};
use std::collections::HashSet;

impl Store {
    /// The checked item keys of `list`.
    pub fn checked_items(&self, list: &str) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT item FROM shopping_check WHERE list = ?1")?;
        let rows = stmt.query_map([list], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Checks or unchecks one item of `list`.
    pub fn set_checked(&mut self, list: &str, item: &str, checked: bool) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        if checked {
            tx.execute("INSERT OR IGNORE INTO shopping_check (list, item) VALUES (?1, ?2)", params![list, item])?;
        } else {
            tx.execute("DELETE FROM shopping_check WHERE list = ?1 AND item = ?2", params![list, item])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The items the cook added to `list`, in order.
    pub fn extras(&self, list: &str) -> Result<Vec<Extra>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT id, text FROM shopping_extra WHERE list = ?1 ORDER BY id")?;
        let rows = stmt.query_map([list], |r| Ok(Extra { key: format!("extra:{}", r.get::<_, i64>(0)?), text: r.get(1)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds an item to `list`; returns its key.
    pub fn add_extra(&mut self, list: &str, text: &str) -> Result<String, StoreError> {
        let tx = self.conn.transaction()?;
        let next: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM shopping_extra WHERE list = ?1", [list], |r| r.get(0))?;
        tx.execute("INSERT INTO shopping_extra (list, id, text) VALUES (?1, ?2, ?3)", params![list, next, text])?;
        tx.commit()?;
        Ok(format!("extra:{next}"))
    }

    /// Removes an added item (and its check mark).
    pub fn remove_extra(&mut self, list: &str, key: &str) -> Result<bool, StoreError> {
        let Some(id) = key.strip_prefix("extra:").and_then(|n| n.parse::<i64>().ok()) else { return Ok(false) };
        let tx = self.conn.transaction()?;
        let n = tx.execute("DELETE FROM shopping_extra WHERE list = ?1 AND id = ?2", params![list, id])?;
        tx.execute("DELETE FROM shopping_check WHERE list = ?1 AND item = ?2", params![list, key])?;
        tx.commit()?;
        Ok(n > 0)
    }

    /// A text the cook keeps in the library (`pantry.conf`, `aisle.conf`); `None` if never saved.
    pub fn text_setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.conn.query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    /// Saves such a text (checked by the caller).
    pub fn save_text_setting(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        tx.commit()?;
        Ok(())
    }
}
