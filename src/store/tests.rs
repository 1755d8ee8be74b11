//! Store behaviour: identity, tombstones, the bundle, derived data, filters in SQL.

use super::*;
use crate::filter::{Filter, FilterSpec};
use crate::library;

const MINE: &str = "---\ntitle: Simple Sauerkraut\nservings: 4\nmeal: [snack]\n---\nMy own way with @red cabbage{1%kg} and @salt{20%g}.\n";

fn lib() -> Store {
    let (store, warnings) = library::open_in_memory().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    store
}

fn ids(store: &Store, spec: FilterSpec) -> Vec<String> {
    let f = Filter::from_spec(Catalog::bundled(), &spec).unwrap();
    store.list(Catalog::bundled(), &f).unwrap().into_iter().map(|c| c.slug).collect()
}

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn import_path(store: &mut Store, p: &Path) -> (Recipe, Saved) {
    store.import(&crate::import::read_source(p, None).unwrap()).unwrap()
}

#[test]
fn first_open_loads_the_bundled_library_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/lib.db");
    let n = library::bundled_files().len();
    let (store, warnings) = library::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(store.count().unwrap(), n);
    let id = store.find("Simple Sauerkraut").unwrap().id;
    drop(store);
    let (store, _) = library::open(&path).unwrap();
    assert_eq!(store.count().unwrap(), n, "reopening does not duplicate");
    assert_eq!(store.find("Simple Sauerkraut").unwrap().id, id, "ids survive reopening");
}

#[test]
fn one_file_by_any_path_spelling_is_one_recipe_and_keeps_its_id_when_retitled() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let p = file(&dir, "x.cook", MINE);
    let mut store = lib();
    let before = store.count().unwrap();
    let (r1, s1) = import_path(&mut store, &p);
    let (r2, s2) = import_path(&mut store, &dir.path().join("sub/../x.cook"));
    let (r3, s3) = import_path(&mut store, &dir.path().join("./x.cook"));
    assert_eq!((s1, s2, s3), (Saved::Added, Saved::Unchanged, Saved::Unchanged));
    assert_eq!((r1.id.as_str(), r2.id.as_str()), (r3.id.as_str(), r3.id.as_str()));
    assert_eq!(store.count().unwrap(), before + 1);
    assert_eq!(r1.slug, "simple-sauerkraut-2", "the bundled recipe keeps its slug; never overwritten");
    assert_ne!(store.find("simple-sauerkraut").unwrap().id, r1.id);

    std::fs::write(&p, MINE.replace("Simple Sauerkraut", "Red Kraut")).unwrap();
    let (r4, s4) = import_path(&mut store, &p);
    assert_eq!((s4, r4.id.as_str(), r4.slug.as_str()), (Saved::Replaced, r1.id.as_str(), "red-kraut"));
    assert_eq!(store.count().unwrap(), before + 1);
    assert_eq!(store.recipe(&r1.id).unwrap().unwrap().title, "Red Kraut");
    assert_eq!(store.recipe("red-kraut").unwrap().unwrap().id, r1.id, "the slug is an alias");
}

#[test]
fn a_moved_file_is_the_same_recipe() {
    let dir = tempfile::tempdir().unwrap();
    let a = file(&dir, "a.cook", MINE);
    let mut store = lib();
    let (r1, _) = import_path(&mut store, &a);
    let b = dir.path().join("b.cook");
    std::fs::rename(&a, &b).unwrap();
    let (r2, s2) = import_path(&mut store, &b);
    assert_eq!((r2.id, s2), (r1.id, Saved::Unchanged));
    std::fs::write(&b, MINE.replace("20%g", "25%g")).unwrap();
    assert_eq!(import_path(&mut store, &b).1, Saved::Replaced, "the moved file's path is now its identity");
}

#[test]
fn deleted_bundled_recipes_stay_deleted_and_dropped_ones_go() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let (mut store, _) = library::open(&path).unwrap();
    assert!(store.delete("simple-sauerkraut").unwrap());
    assert!(!store.delete("simple-sauerkraut").unwrap());
    // A new bundle (another fingerprint) must not bring it back.
    let mut files = library::bundled_files();
    let kraut = files.iter().position(|(k, _)| k.ends_with("simple-sauerkraut.cook")).unwrap();
    let kept = files.remove(kraut);
    assert!(store.sync_bundle(&library::bundled_files(), "v2").unwrap().is_empty());
    assert!(store.recipe("simple-sauerkraut").unwrap().is_none(), "tombstone");
    // A bundled recipe the cook edited survives its removal from the bundle; others go.
    let kefir = store.find("Coconut Water Kefir").unwrap();
    let edited = store.source_text(&kefir.id).unwrap().unwrap().replace("Coconut Water Kefir", "My Kefir");
    store.update_text(&kefir.id, &edited).unwrap();
    let before = store.count().unwrap();
    files.retain(|(k, _)| !k.ends_with("coconut-water-kefir.cook") && !k.ends_with("gut-healing-parsnip-soup.cook"));
    store.sync_bundle(&files, "v3").unwrap();
    assert_eq!(store.count().unwrap(), before - 1);
    assert_eq!(store.recipe(&kefir.id).unwrap().unwrap().title, "My Kefir");
    assert!(store.find("Gut Healing Parsnip Soup").is_err());
    drop(kept);
}

#[test]
fn derived_data_is_rebuilt_when_the_model_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let (store, _) = library::open(&path).unwrap();
    let id = store.find("Simple Sauerkraut").unwrap().id;
    // Simulate facts derived by an older model: wrong stored facts and another version.
    store.conn.execute("UPDATE recipe_derived SET triggers = 15, unknown = 3", []).unwrap();
    store.conn.execute("UPDATE meta SET value = 'old' WHERE key = 'model'", []).unwrap();
    drop(store);
    let (store, _) = library::open(&path).unwrap();
    let spec = FilterSpec { exclude: vec!["dairy".into()], ..FilterSpec::default() };
    assert!(ids(&store, spec).contains(&"simple-sauerkraut".to_string()), "facts re-derived from the source text");
    assert_eq!(store.find("Simple Sauerkraut").unwrap().id, id);
}

#[test]
fn search_find_and_delete() {
    let mut store = lib();
    let hits = store.search("kefir").unwrap();
    let kefir = store.find("Coconut Water Kefir").unwrap();
    assert!(hits.contains(&kefir.id));
    assert!(store.search("kef").unwrap().len() >= hits.len(), "prefix search as you type");
    assert!(store.search("\" (* )").unwrap().is_empty(), "punctuation alone searches nothing");
    assert!(!store.search("\"kefir\" AND (").unwrap().is_empty(), "operators are plain words, not syntax errors");
    assert!(matches!(store.find("sauerkraut"), Err(StoreError::Ambiguous { .. })));
    assert_eq!(store.find("SIMPLE SAUERKRAUT").unwrap().slug, "simple-sauerkraut");
    assert!(matches!(store.find("zzz"), Err(StoreError::NotFound(_))));
    assert!(matches!(store.find("100%"), Err(StoreError::NotFound(_))), "LIKE wildcards are plain text");
    let before = store.count().unwrap();
    assert!(store.delete(&kefir.id).unwrap());
    assert_eq!(store.count().unwrap(), before - 1);
    assert!(!store.search("kefir").unwrap().contains(&kefir.id));
}

#[test]
fn a_failed_import_writes_nothing() {
    let mut store = lib();
    let before = store.count().unwrap();
    assert!(store.import_text("bad.cook", "---\nservings: none\n---\nx @y{1}\n").is_err());
    assert_eq!(store.count().unwrap(), before);
}

#[test]
fn filters_run_over_stored_facts() {
    let mut store = lib();
    let all = ids(&store, FilterSpec::default());
    assert_eq!(all.len(), store.count().unwrap());
    let mut sorted = all.clone();
    sorted.sort_by_key(|s| s.to_lowercase());
    let no_dairy = ids(&store, FilterSpec { exclude: vec!["dairy".into()], ..FilterSpec::default() });
    assert!(!no_dairy.contains(&"milk-kefir".to_string()) && no_dairy.len() < all.len());
    let fermented = ids(&store, FilterSpec { attributes: vec![crate::diet::Attribute::Fermented], ..FilterSpec::default() });
    assert!(fermented.contains(&"simple-sauerkraut".to_string()) && !fermented.contains(&"gut-healing-parsnip-soup".to_string()));
    let quick = ids(&store, FilterSpec { max_minutes: Some(10), ..FilterSpec::default() });
    for slug in &quick {
        let r = store.recipe(slug).unwrap().unwrap();
        assert!(r.times.active_minutes() <= 10 && (r.times.prep_minutes.is_some() || r.times.cook_minutes.is_some()));
    }
    // An optional ingredient never excludes a recipe; an unknown required one always does.
    store.import_text("o.cook", "---\ntitle: Bowl\n---\nMix @brown rice{1%cup} and @?kimchi{1%tsp} and @?honey{1%tsp}.\n").unwrap();
    store.import_text("u.cook", "---\ntitle: Odd Bowl\n---\nMix @brown rice{1%cup} and @zorblax{1%tsp}.\n").unwrap();
    let no_sugar = ids(&store, FilterSpec { exclude: vec!["sugar".into()], ..FilterSpec::default() });
    assert!(no_sugar.contains(&"bowl".to_string()) && !no_sugar.contains(&"odd-bowl".to_string()));
    let fermented = ids(&store, FilterSpec { attributes: vec![crate::diet::Attribute::Fermented], ..FilterSpec::default() });
    assert!(!fermented.contains(&"bowl".to_string()), "optional kimchi does not make it fermented");
    let no_kimchi = ids(&store, FilterSpec { exclude: vec!["kimchi".into()], search: Some("bowl".into()), ..FilterSpec::default() });
    assert!(no_kimchi.contains(&"bowl".to_string()));
}

#[test]
fn a_version_1_library_is_migrated_with_its_recipes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        rusqlite_migration::Migrations::new(schema::migrations_v1()).to_latest(&mut conn).unwrap();
        conn.execute(
            "INSERT INTO recipe (slug, title, origin, source_path, source_text, body, created_at, updated_at)
             VALUES ('simple-sauerkraut-2', 'Simple Sauerkraut', 'user', 'mine.cook', ?1, '{}', 'x', 'x')",
            [MINE],
        )
        .unwrap();
    }
    let (store, warnings) = library::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let r = store.recipe("simple-sauerkraut-2").unwrap().unwrap();
    assert_eq!((r.servings, r.id.len()), (4, 36));
    assert_eq!(store.count().unwrap(), library::bundled_files().len() + 1);
}

#[test]
fn a_damaged_library_is_refused_with_a_clear_message_or_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    drop(library::open(&path).unwrap());
    let good = std::fs::read(&path).unwrap();
    // Scribble over pages past the header, at several places: never a panic, never a raw
    // SQLite message; either the library opens and lists, or it is named as damaged.
    for at in [4096usize, good.len() / 3, good.len() / 2, good.len() - 5000] {
        let mut bytes = good.clone();
        for b in &mut bytes[at..(at + 3000).min(good.len())] {
            *b = 0x5a;
        }
        std::fs::write(&path, &bytes).unwrap();
        let _ = std::fs::remove_file(dir.path().join("lib.db-wal"));
        match library::open(&path) {
            Ok((store, _)) => {
                if let Err(e) = store.list(Catalog::bundled(), &Filter::default()) {
                    assert!(matches!(e, StoreError::NotADatabase { .. } | StoreError::Damaged { .. }), "{e}");
                }
            }
            Err(e) => assert!(matches!(e, StoreError::NotADatabase { .. }), "at {at}: {e}"),
        }
    }
}
