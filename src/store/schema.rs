//! Database schema, as ordered migrations. Never edit a released migration: add a new one.

use rusqlite_migration::{Migrations, M};

/// Schema version after all migrations (SQLite `user_version`).
pub const VERSION: i64 = 10;

pub fn migrations() -> Migrations<'static> {
    let mut all = migrations_v1();
    all.push(M::up(V2));
    all.push(M::up(V3));
    all.push(M::up(V4));
    all.push(M::up(V5));
    all.push(M::up(V6));
    all.push(M::up(V7));
    all.push(M::up(V8));
    all.push(M::up(V9));
    all.push(M::up(V10));
    Migrations::new(all)
}

/// The migrations of schema version 1 (tests build old libraries with them).
pub fn migrations_v1() -> Vec<M<'static>> {
    vec![M::up(
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
    )]
}

// 2: stable ids, source identity, tombstones, and derived facts stored in tables (a cache of the
// source text, rebuilt whenever the model version in `meta` changes).

const V2: &str = "
CREATE TABLE recipe_v2 (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,          -- the stable id plans refer to
    slug          TEXT NOT NULL UNIQUE,          -- readable alias, follows the title
    title         TEXT NOT NULL,
    origin        TEXT NOT NULL CHECK (origin IN ('bundled', 'user')),
    bundle_key    TEXT UNIQUE,                   -- recipes/x.cook for bundled recipes
    edited        INTEGER NOT NULL DEFAULT 0,    -- a bundled recipe the cook changed
    source_format TEXT NOT NULL DEFAULT 'cook',
    source_path   TEXT,                          -- canonical path of an imported file
    source_hash   TEXT NOT NULL,                 -- hash of source_text
    source_text   TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
INSERT INTO recipe_v2 (id, uid, slug, title, origin, bundle_key, source_path, source_hash, source_text, created_at, updated_at)
SELECT id,
       lower(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-' ||
             substr('89ab', 1 + (abs(random()) % 4), 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12)),
       slug, title, origin,
       CASE WHEN origin = 'bundled' THEN source_path END,
       CASE WHEN origin = 'user' THEN source_path END,
       '', source_text, created_at, updated_at
FROM (SELECT *, hex(randomblob(16)) AS h FROM recipe);
DROP TABLE recipe;
ALTER TABLE recipe_v2 RENAME TO recipe;
CREATE INDEX recipe_by_title ON recipe (title COLLATE NOCASE);
CREATE INDEX recipe_by_path ON recipe (source_path);
CREATE INDEX recipe_by_hash ON recipe (source_hash);

-- Bundled recipes the cook deleted: they stay deleted when the bundle changes.
CREATE TABLE tombstone (
    bundle_key TEXT PRIMARY KEY,
    deleted_at TEXT NOT NULL
) STRICT;

-- Everything below is derived from recipe.source_text and rebuilt when the model changes.
CREATE TABLE recipe_derived (
    recipe_id       INTEGER PRIMARY KEY REFERENCES recipe (id) ON DELETE CASCADE,
    body            TEXT NOT NULL,     -- JSON of model::Recipe
    card            TEXT NOT NULL,     -- JSON of card::RecipeCard
    meals           INTEGER NOT NULL,  -- bit set of MealType
    triggers        INTEGER NOT NULL,  -- bit set of Trigger, non-optional lines
    optional_triggers INTEGER NOT NULL,
    attributes      INTEGER NOT NULL,  -- bit set of Attribute
    fiber_per_serving REAL,            -- NULL when unknown
    plants          INTEGER NOT NULL,
    unknown         INTEGER NOT NULL,  -- non-optional lines matching no food
    active_minutes  INTEGER,           -- prep + cook, NULL when not stated
    ferment_minutes INTEGER
) STRICT;
CREATE TABLE recipe_food (
    recipe_id INTEGER NOT NULL REFERENCES recipe (id) ON DELETE CASCADE,
    food      TEXT NOT NULL,           -- catalog id
    optional  INTEGER NOT NULL,
    PRIMARY KEY (recipe_id, food, optional)
) STRICT, WITHOUT ROWID;
CREATE INDEX recipe_food_by_food ON recipe_food (food);
CREATE TABLE recipe_plant (
    recipe_id INTEGER NOT NULL REFERENCES recipe (id) ON DELETE CASCADE,
    plant     TEXT NOT NULL,
    PRIMARY KEY (recipe_id, plant)
) STRICT, WITHOUT ROWID;
CREATE TABLE recipe_line (
    recipe_id INTEGER NOT NULL REFERENCES recipe (id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,        -- index in the recipe's ingredient list
    food      TEXT,                    -- catalog id, NULL when unknown
    grams     REAL,
    optional  INTEGER NOT NULL,
    PRIMARY KEY (recipe_id, line)
) STRICT, WITHOUT ROWID;
DELETE FROM recipe_fts;
DELETE FROM meta WHERE key IN ('bundled', 'model');
";

// 3: the derived facts split in two: a narrow `recipe_index` (read whole into the list index:
// small columns only, so a scan never wades through JSON) and `recipe_doc` (the decoded recipe
// and card, read one row at a time). A cache, so it is dropped and rebuilt on the next open.
const V3: &str = "
DROP TABLE recipe_derived;
-- Kept in title order (the primary key), so the list index loads with one sequential scan.
CREATE TABLE recipe_index (
    sort_key        TEXT NOT NULL,     -- the title's lowercase words
    recipe_id       INTEGER NOT NULL REFERENCES recipe (id) ON DELETE CASCADE,
    meals           INTEGER NOT NULL,  -- bit set of MealType
    triggers        INTEGER NOT NULL,  -- bit set of Trigger, non-optional lines
    optional_triggers INTEGER NOT NULL,
    attributes      INTEGER NOT NULL,  -- bit set of Attribute
    fiber_per_serving REAL,            -- NULL when unknown
    plants          INTEGER NOT NULL,
    unknown         INTEGER NOT NULL,  -- non-optional lines matching no food
    active_minutes  INTEGER,           -- prep + cook, NULL when not stated
    ferment_minutes INTEGER,
    foods           BLOB NOT NULL,     -- catalog indices (u32 LE) of the non-optional foods, sorted
    filter          INTEGER NOT NULL,  -- the columns above a filter tests, packed (store/index.rs)
    PRIMARY KEY (sort_key, recipe_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX recipe_index_by_recipe ON recipe_index (recipe_id);
CREATE TABLE recipe_doc (
    recipe_id INTEGER PRIMARY KEY REFERENCES recipe (id) ON DELETE CASCADE,
    card      TEXT NOT NULL,           -- JSON of card::RecipeCard (first: read on every list)
    body      TEXT NOT NULL            -- JSON of model::Recipe
) STRICT;
DELETE FROM recipe_food;
DELETE FROM recipe_plant;
DELETE FROM recipe_line;
-- Search: contentless (the text lives in `recipe`; only row ids come back) with prefix indexes
-- for the 2-4 letters typed so far, which make a short prefix in a big library ~3x faster.
DROP TABLE recipe_fts;
CREATE VIRTUAL TABLE recipe_fts USING fts5(
    title, ingredients, steps, tags,
    tokenize = 'unicode61 remove_diacritics 2',
    content = '', contentless_delete = 1, prefix = '2 3 4'
);
DELETE FROM meta WHERE key = 'model';
";

// 4: saved plans. Slots name recipes by their stable id (no foreign key): a deleted recipe
// leaves its slot saying so, with the title it had, never a broken plan.
const V4: &str = "
CREATE TABLE plan (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL UNIQUE,
    start       TEXT NOT NULL,             -- YYYY-MM-DD
    days        INTEGER NOT NULL,
    meals       TEXT NOT NULL,             -- meal words in slot order, space-separated
    servings    INTEGER NOT NULL,
    settings    TEXT NOT NULL,             -- JSON of planner::PlanSettings (to regenerate)
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE TABLE plan_slot (
    plan_id     INTEGER NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    day         INTEGER NOT NULL,
    meal        TEXT NOT NULL,
    recipe_uid  TEXT,                      -- recipe.uid; NULL for an empty slot
    title       TEXT,                      -- the recipe's title when planned
    servings    INTEGER NOT NULL,
    locked      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (plan_id, day, meal)
) STRICT, WITHOUT ROWID;
";

// 5: what the planner reads per recipe, in the one row it scans: the main ingredient and the
// plants (the per-line tables need a sort and three scans). A cache: re-derived on the next open.
const V5: &str = "
ALTER TABLE recipe_index ADD COLUMN main_food TEXT;                   -- catalog id of the heaviest line
ALTER TABLE recipe_index ADD COLUMN plant_list TEXT NOT NULL DEFAULT ''; -- plant names, one per line
DELETE FROM meta WHERE key = 'model';
";

// 6: the cook's settings (`settings::Settings`), one JSON value per key ("settings" today).
const V6: &str = "
CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) STRICT;
";

// 7: shopping lists' check marks and added items, per list ("plan:<uid>", "recipes:<…>").
const V7: &str = "
CREATE TABLE shopping_check (
    list  TEXT NOT NULL,
    item  TEXT NOT NULL,                   -- the item's key (catalog food id, name, extra:N)
    PRIMARY KEY (list, item)
) STRICT, WITHOUT ROWID;
CREATE TABLE shopping_extra (
    list  TEXT NOT NULL,
    id    INTEGER NOT NULL,
    text  TEXT NOT NULL,
    PRIMARY KEY (list, id)
) STRICT, WITHOUT ROWID;
";

// 8: cards in their own narrow table, several to a page (a list reads thousands; beside the
// body each took a page of its own); a covering index for loading the list index without
// reading the food blobs; the stable id and title in `recipe_index`, so the planner reads its
// candidates from that one table (the `recipe` rows carry the source text: a page each).
// The derived rows are rebuilt on the next open.
const V8: &str = "
CREATE TABLE recipe_card (
    recipe_id INTEGER PRIMARY KEY REFERENCES recipe (id) ON DELETE CASCADE,
    card      TEXT NOT NULL            -- JSON of card::RecipeCard
) STRICT;
INSERT INTO recipe_card (recipe_id, card) SELECT recipe_id, card FROM recipe_doc;
ALTER TABLE recipe_doc DROP COLUMN card;
CREATE INDEX recipe_index_list ON recipe_index (sort_key, recipe_id, filter);
ALTER TABLE recipe_index ADD COLUMN uid TEXT NOT NULL DEFAULT '';
ALTER TABLE recipe_index ADD COLUMN title TEXT NOT NULL DEFAULT '';
DELETE FROM meta WHERE key = 'model';
";

// 9: the file says it is a Gutsy library (`PRAGMA application_id`, bytes 68-71 of the header),
// so a backup is recognised before it is restored. Must equal `backup::APPLICATION_ID`.
const V9: &str = "PRAGMA application_id = 1198879859;";

// 10: recipe photos (`import::Photo`), the cook's data like the source text (never derived, so
// a new model keeps them), in a table of their own: the list never reads them, a card says
// `has_photo` (written with the card, and set again whenever the photo changes).
const V10: &str = "
CREATE TABLE recipe_photo (
    recipe_id INTEGER PRIMARY KEY REFERENCES recipe (id) ON DELETE CASCADE,
    mime      TEXT NOT NULL,           -- read from the bytes: image/jpeg, image/png, image/webp, image/gif
    bytes     BLOB NOT NULL
) STRICT;
";

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
