//! Database schema, as ordered migrations. Never edit a released migration: add a new one.

use rusqlite_migration::{Migrations, M};

/// Schema version after all migrations (SQLite `user_version`).
pub const VERSION: i64 = 1;

pub fn migrations() -> Migrations<'static> {
    Migrations::new(vec![M::up(
        "CREATE TABLE recipe (
             id          INTEGER PRIMARY KEY,
             slug        TEXT NOT NULL UNIQUE,
             title       TEXT NOT NULL,
             origin      TEXT NOT NULL CHECK (origin IN ('bundled', 'user')),
             source_path TEXT,
             source_text TEXT NOT NULL,
             body        TEXT NOT NULL,  -- JSON of model::Recipe
             created_at  TEXT NOT NULL,
             updated_at  TEXT NOT NULL
         ) STRICT;
         CREATE VIRTUAL TABLE recipe_fts USING fts5(
             title, ingredients, steps, tags,
             tokenize = 'unicode61 remove_diacritics 2'
         );
         CREATE TABLE meta (
             key   TEXT PRIMARY KEY,
             value TEXT NOT NULL
         ) STRICT;",
    )])
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, super::VERSION, "bump VERSION with each migration");
    }
}
