//! Store behaviour: identity, tombstones, the bundle, derived data, filters in SQL.

use super::*;
use crate::filter::{Filter, FilterSpec};
use crate::import::Source;
use crate::library;

const MINE: &str = "---\ntitle: Simple Sauerkraut\nservings: 4\nmeal: [snack]\n---\nMy own way with @red cabbage{1%kg} and @salt{20%g}.\n";

fn lib() -> Store {
    let (store, warnings) = library::open_in_memory().unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    store
}

fn ids(store: &Store, spec: FilterSpec) -> Vec<String> {
    let f = Filter::from_spec(Catalog::bundled(), &spec).unwrap();
    store.list(&f).unwrap().into_iter().map(|c| c.slug).collect()
}

fn file(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn import_path(store: &mut Store, p: &Path) -> (Recipe, Saved) {
    let imported = store.import(&crate::import::read_source(p, None).unwrap()).unwrap();
    (imported.recipe, imported.saved)
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
    // (every trigger bit set in the packed filter facts too).
    store.conn.execute("UPDATE recipe_index SET triggers = 15, unknown = 3, filter = filter | 65535", []).unwrap();
    let dairy = || FilterSpec { exclude: vec!["dairy".into()], ..FilterSpec::default() };
    assert!(!ids(&store, dairy()).contains(&"simple-sauerkraut".to_string()), "the scrambled facts are what a list reads");
    // A recipe whose text no longer parses keeps its old facts (and is reported as stale).
    store.conn.execute("UPDATE recipe SET source_text = '---\ntitle: [broken\n---\n' WHERE slug = 'milk-kefir'", []).unwrap();
    store.conn.execute("UPDATE meta SET value = 'old' WHERE key = 'model'", []).unwrap();
    drop(store);
    let (store, warnings) = library::open(&path).unwrap();
    assert!(ids(&store, dairy()).contains(&"simple-sauerkraut".to_string()), "facts re-derived from the source text");
    assert_eq!(store.find("Simple Sauerkraut").unwrap().id, id);
    assert_eq!(store.stale().len(), 1, "{warnings:?}");
    assert!(ids(&store, FilterSpec::default()).contains(&"milk-kefir".to_string()), "a stale recipe stays listed");
    assert!(store.recipe("milk-kefir").unwrap().is_some());
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
                if let Err(e) = store.list(&Filter::default()) {
                    assert!(matches!(e, StoreError::NotADatabase { .. } | StoreError::Damaged { .. }), "{e}");
                }
            }
            Err(e) => assert!(matches!(e, StoreError::NotADatabase { .. }), "at {at}: {e}"),
        }
    }
}

fn recipe_text(title: &str, line: &str) -> String {
    format!("---\ntitle: {title}\nservings: 2\n---\nMix {line} and serve.\n")
}

#[test]
fn pages_split_the_whole_list_and_title_hits_come_first() {
    let mut store = lib();
    // "Beet salad" uses kale only in a step; "Kale chips" has it in the title; "Green bowl" as an ingredient.
    store.import_text("a", &recipe_text("Beet Salad", "@beetroot{2} and then a handful of kale leaves")).unwrap();
    store.import_text("b", &recipe_text("Kale Chips", "@kale{1%bunch} with @olive oil{1%tbsp}")).unwrap();
    store.import_text("c", &recipe_text("Green Bowl", "@kale{100%g} with @lemon{1}")).unwrap();
    let catalog = Catalog::bundled();
    let f = Filter::from_spec(catalog, &FilterSpec { search: Some("kal".into()), ..FilterSpec::default() }).unwrap();
    let all = store.list(&f).unwrap();
    let titles: Vec<&str> = all.iter().map(|c| c.title.as_str()).collect();
    assert!(titles.contains(&"Beet Salad") && titles.contains(&"Green Bowl"), "{titles:?}");
    let title_hits = titles.iter().take_while(|t| t.to_lowercase().split(' ').any(|w| w.starts_with("kal"))).count();
    assert!(title_hits >= 1 && titles[..title_hits].contains(&"Kale Chips"), "title hits first: {titles:?}");
    assert!(titles[title_hits..].iter().all(|t| !t.to_lowercase().contains("kale")), "then the rest: {titles:?}");
    let rest: Vec<&str> = titles[title_hits..].to_vec();
    let mut sorted = rest.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(rest, sorted, "each tier in title order");

    // Pages of any size put together are the whole list, with the same total.
    for size in [1, 2, 5] {
        let mut joined = Vec::new();
        let mut offset = 0;
        loop {
            let page = store.list_page(&f, offset, size).unwrap();
            assert_eq!((page.total, page.offset), (all.len(), offset));
            assert!(page.cards.len() <= size);
            if page.cards.is_empty() {
                break;
            }
            offset += page.cards.len();
            joined.extend(page.cards);
        }
        assert_eq!(joined, all, "pages of {size}");
    }
}

#[test]
fn another_connection_writing_is_seen_by_the_next_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let (app, _) = library::open(&path).unwrap();
    let (mut cli, _) = library::open(&path).unwrap();
    let find = |store: &Store| ids(store, FilterSpec { search: Some("rhubarb".into()), ..FilterSpec::default() });
    assert!(find(&app).is_empty());
    cli.import_text("r", &recipe_text("Rhubarb Compote", "@rhubarb{400%g}")).unwrap();
    assert_eq!(find(&app), ["rhubarb-compote"], "a commit by another connection reloads the list index");
    cli.delete("rhubarb-compote").unwrap();
    assert!(find(&app).is_empty());
    // And its own writes, of course.
    let mut app = app;
    app.import_text("r", &recipe_text("Rhubarb Fool", "@rhubarb{400%g}")).unwrap();
    assert_eq!(find(&app), ["rhubarb-fool"]);
}

#[test]
fn a_batch_import_keeps_good_files_and_reports_each_bad_one_in_order() {
    let mut store = lib();
    let before = store.count().unwrap();
    let n = BATCH + 7; // more than one commit
    let sources = (0..n).map(|i| {
        let label = format!("r{i}.cook");
        let text = if i % 10 == 3 {
            "---\ntitle: [unclosed\n---\nMix @oats{1%cup}.\n".to_string()
        } else {
            recipe_text(&format!("Porridge {i}"), "@rolled oats{1%cup}")
        };
        Ok(Source { format: crate::import::SourceFormat::Cooklang, label, text, path: None })
    });
    let mut heard = Vec::new();
    store.import_all(sources, |label, result| heard.push((label, result.is_ok()))).unwrap();
    assert_eq!(heard.len(), n);
    for (i, (label, ok)) in heard.iter().enumerate() {
        assert_eq!(label, &format!("r{i}.cook"), "in order");
        assert_eq!(*ok, i % 10 != 3, "{label}");
    }
    let bad = (0..n).filter(|i| i % 10 == 3).count();
    assert_eq!(store.count().unwrap(), before + n - bad);
    let titles: Vec<String> = store.list(&Filter::default()).unwrap().into_iter().map(|c| c.title).collect();
    assert!(!titles.iter().any(|t| t == "Porridge 3" || t == "Porridge 13"), "nothing of a bad file");
    assert!(titles.iter().any(|t| t == "Porridge 14"));
    assert_eq!(store.find("Porridge 4").unwrap().ingredients.len(), 1);
}

#[test]
fn plan_candidates_are_the_filtered_list_with_the_same_facts() {
    let store = lib();
    let spec = FilterSpec { exclude: vec!["dairy".into(), "onion".into()], ..FilterSpec::default() };
    let f = Filter::from_spec(Catalog::bundled(), &spec).unwrap();
    let cards = store.list(&f).unwrap();
    let cands = store.plan_candidates(&f).unwrap();
    assert_eq!(cands.iter().map(|c| &c.id).collect::<Vec<_>>(), cards.iter().map(|c| &c.id).collect::<Vec<_>>());
    for (c, card) in cands.iter().zip(&cards) {
        assert_eq!(c.title, card.title);
        assert_eq!(c.meals, card.meals, "{}", c.title);
        assert_eq!(c.fermented, card.attributes.contains(&crate::diet::Attribute::Fermented), "{}", c.title);
        assert_eq!(c.plants.len(), card.plants, "{}", c.title);
        assert_eq!(c.fiber_per_serving.is_some(), card.fiber_known, "{}", c.title);
        assert_eq!(c.lead_minutes, card.times.ferment_minutes, "{}", c.title);
        assert!(!c.foods.iter().any(|food| &**food == "onion" || &**food == "red-onion"), "{}: excluded food", c.title);
        assert!(c.main_food.as_ref().is_none_or(|m| c.foods.contains(m)), "{}: main food is one of its foods", c.title);
    }
    assert!(cands.iter().any(|c| c.lead_minutes.is_some()), "ferments bring their lead time");
}

const PAGE: &str = r#"<!doctype html><html><head><title>Leek soup | Blog</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Leek soup"},
{"@type": "Recipe", "name": "Leek &amp; Potato Soup", "recipeYield": "4 servings", "cookTime": "PT30M",
 "recipeCategory": "Lunch", "recipeIngredient": ["2 leeks, sliced", "500 g potatoes", "1 cup milk"],
 "recipeInstructions": [{"@type": "HowToStep", "text": "Soften the leeks."}, {"@type": "HowToStep", "text": "Simmer with the potatoes, add milk."}]}]}</script>
</head><body><p>Long story about soup.</p></body></html>"#;

#[test]
fn pasted_json_ld_is_sniffed_stored_with_its_format_and_re_derived() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lib.db");
    let (mut store, _) = library::open(&path).unwrap();
    let imported = store.import_text("pasted", PAGE).unwrap();
    let (recipe, saved) = (imported.recipe, imported.saved);
    assert_eq!(saved, Saved::Added);
    assert_eq!(recipe.title, "Leek & Potato Soup");
    let format: String = store.conn.query_row("SELECT source_format FROM recipe WHERE uid = ?1", [&recipe.id], |r| r.get(0)).unwrap();
    assert_eq!(format, "jsonld");
    let dairy = || FilterSpec { exclude: vec!["dairy".into()], ..FilterSpec::default() };
    assert!(!ids(&store, dairy()).contains(&recipe.slug), "the milk counts");
    // An older model: scrambled facts, re-derived from the stored page on open.
    store
        .conn
        .execute("UPDATE recipe_index SET triggers = 0, filter = 0 WHERE recipe_id = (SELECT id FROM recipe WHERE uid = ?1)", [&recipe.id])
        .unwrap();
    store.conn.execute("UPDATE meta SET value = 'old' WHERE key = 'model'", []).unwrap();
    drop(store);
    let (mut store, _) = library::open(&path).unwrap();
    assert!(store.stale().is_empty(), "{:?}", store.stale());
    assert!(!ids(&store, dairy()).contains(&recipe.slug), "facts re-derived from the JSON-LD text");
    let again = store.recipe(&recipe.id).unwrap().unwrap();
    assert_eq!((again.servings, again.times.cook_minutes, again.steps.len()), (4, Some(30), 2));
    // The editor's save of JSON keeps it JSON-LD; Cooklang text makes it Cooklang.
    let json = r#"{"@type": "Recipe", "name": "Leek Soup", "recipeIngredient": ["2 leeks"]}"#;
    assert_eq!(store.update_text(&recipe.id, json).unwrap().title, "Leek Soup");
    let format: String = store.conn.query_row("SELECT source_format FROM recipe WHERE uid = ?1", [&recipe.id], |r| r.get(0)).unwrap();
    assert_eq!(format, "jsonld");
    store.update_text(&recipe.id, "Soften @leeks{2}.\n").unwrap();
    let format: String = store.conn.query_row("SELECT source_format FROM recipe WHERE uid = ?1", [&recipe.id], |r| r.get(0)).unwrap();
    assert_eq!(format, "cook");
    // A pasted page without a recipe is refused, naming what is missing, and nothing is written.
    let e = store.import_text("page", "<!doctype html><html><body>hi</body></html>").unwrap_err();
    assert!(e.to_string().contains("page: no JSON-LD script"), "{e}");
}

/// A library written by schema 1 and committed (`tests/data/library-v1.db`, the tables of
/// `schema::migrations_v1()` with two recipes of the cook's), opened by today's code: migrated
/// on a copy, its recipes listed and read with facts derived now.
#[test]
fn the_committed_version_1_fixture_opens_migrated_with_its_recipes() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/library-v1.db");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.db");
    std::fs::copy(&fixture, &path).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(v, 1, "the fixture is a version 1 library");
    }
    let (store, warnings) = library::open(&path).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(store.count().unwrap(), library::bundled_files().len() + 2);
    let kraut = store.find("Fixture Kraut").unwrap();
    assert_eq!((kraut.servings, kraut.id.len(), kraut.slug.as_str()), (4, 36, "fixture-kraut"));
    let listed = ids(&store, FilterSpec { search: Some("fixture".into()), ..FilterSpec::default() });
    assert_eq!(listed, ["fixture-kraut", "fixture-oat-bowl"]);
    let fermented = ids(&store, FilterSpec { attributes: vec![crate::diet::Attribute::Fermented], ..FilterSpec::default() });
    assert!(fermented.contains(&"fixture-kraut".to_string()), "facts derived by today's code");
    let oats = store.recipe("fixture-oat-bowl").unwrap().unwrap();
    assert_eq!(oats.ingredients.len(), 4);
    let app: i64 = store.conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    assert_eq!(app, super::APPLICATION_ID, "stamped as a Gutsy library by the migration");
    drop(store);
    assert_eq!(std::fs::read(&fixture).unwrap()[..16], *b"SQLite format 3\0", "the fixture itself is never opened for writing");
}
