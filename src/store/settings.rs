//! The cook's settings: one JSON value in the `setting` table, read whole and written whole in
//! one transaction (a change from the CLI while the app runs is read on the app's next load).

use super::{Store, StoreError};
use crate::settings::Settings;
use rusqlite::{params, OptionalExtension};

const KEY: &str = "settings";

impl Store {
    /// The stored settings, or the defaults when none were saved.
    pub fn settings(&self) -> Result<Settings, StoreError> {
        let value: Option<String> = self.conn.query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| r.get(0)).optional()?;
        match value {
            None => Ok(Settings::default()),
            Some(v) => serde_json::from_str(&v).map_err(|e| StoreError::Damaged { id: KEY.to_string(), message: e.to_string() }),
        }
    }

    /// Replaces the settings (checked by the caller).
    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        let value = serde_json::to_string(settings).map_err(|e| StoreError::Damaged { id: KEY.to_string(), message: e.to_string() })?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![KEY, value],
        )?;
        tx.commit()?;
        Ok(())
    }
}
