//! Recipe photos (`recipe_photo`): the cook's data beside the source text, never derived. The
//! list never reads them; a recipe's card says `has_photo`, kept in step by [`put`].

use super::{not_a_database, row_where, Store, StoreError};
use crate::import::{sniff_image, Photo};
use rusqlite::{params, Connection, OptionalExtension};

impl Store {
    /// The photo of the recipe with this id (or slug): `None` when it has none, an error when
    /// there is no such recipe. The type is read from the bytes again, so what is served is
    /// always an image whatever the file the library came from.
    pub fn photo(&self, key: &str) -> Result<Option<Photo>, StoreError> {
        let row: Option<(String, Option<Vec<u8>>)> = self
            .conn
            .prepare_cached(
                "SELECT r.uid, p.bytes FROM recipe r LEFT JOIN recipe_photo p ON p.recipe_id = r.id
                 WHERE r.uid = ?1 OR r.slug = ?1 ORDER BY r.uid = ?1 DESC LIMIT 1",
            )?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()
            .map_err(|e| not_a_database(&self.label, e))?;
        let (uid, bytes) = row.ok_or_else(|| StoreError::NotFound(key.to_string()))?;
        let Some(bytes) = bytes else { return Ok(None) };
        let mime = sniff_image(&bytes).ok_or_else(|| StoreError::Damaged { id: uid, message: "its photo is not an image".into() })?;
        Ok(Some(Photo { mime: mime.to_string(), bytes }))
    }

    /// Sets (or with `None` removes) the photo of the recipe with this id (or slug). The photo
    /// is checked first ([`Photo::checked`]: an image by its bytes, within the size limit);
    /// its type is read from the bytes. One transaction.
    pub fn set_photo(&mut self, key: &str, photo: Option<Photo>) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let row = row_where(&tx, "uid = ?1 OR slug = ?1", key)?.ok_or_else(|| StoreError::NotFound(key.to_string()))?;
        let photo =
            photo.map(|p| p.checked(&format!("the photo for {}", row.slug))).transpose().map_err(crate::import::ImportError::from)?;
        put(&tx, row.id, photo.as_ref())?;
        tx.commit()?;
        Ok(())
    }
}

/// Writes (or with `None` deletes) the photo of stored recipe `rowid` inside `tx`, and its
/// card's `has_photo`; `true` when anything changed. The same photo again changes nothing.
pub(super) fn put(tx: &Connection, rowid: i64, photo: Option<&Photo>) -> Result<bool, rusqlite::Error> {
    let changed = match photo {
        Some(p) => {
            let same: Option<bool> = tx
                .prepare_cached("SELECT mime = ?2 AND bytes = ?3 FROM recipe_photo WHERE recipe_id = ?1")?
                .query_row(params![rowid, p.mime, p.bytes], |r| r.get(0))
                .optional()?;
            if same == Some(true) {
                false
            } else {
                tx.prepare_cached("INSERT OR REPLACE INTO recipe_photo (recipe_id, mime, bytes) VALUES (?1, ?2, ?3)")?
                    .execute(params![rowid, p.mime, p.bytes])?;
                true
            }
        }
        None => tx.prepare_cached("DELETE FROM recipe_photo WHERE recipe_id = ?1")?.execute([rowid])? > 0,
    };
    if changed {
        tx.prepare_cached("UPDATE recipe_card SET card = json_set(card, '$.has_photo', json(?2)) WHERE recipe_id = ?1")?
            .execute(params![rowid, if photo.is_some() { "true" } else { "false" }])?;
    }
    Ok(changed)
}
