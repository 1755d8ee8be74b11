//! Import and export through the library: a folder of 1,000 malformed files mixed with good
//! ones in one import, cancelling, and recipes round-tripped through Cooklang export.

use gutsy::import::{parse_cook, SourceFormat, MAX_FILE_BYTES};
use gutsy::library::{export_recipes, import_paths, ImportOutcome, ImportProgress};
use gutsy::model::Recipe;
use gutsy::store::Store;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

const GOOD_FILES: usize = 200;
const BAD_FILES: usize = 1000;

fn good(i: usize) -> String {
    format!(
        "---\ntitle: Good Bowl {i}\nservings: {}\nmeal: [lunch]\nprep time: {} min\n---\nCook @brown rice{{{}%g}} and top with @kimchi{{1/2%cup}}.\n\n> Note {i}.\n",
        1 + i % 6,
        5 + i % 50,
        100 + i
    )
}

/// A malformed file of kind `i % 12`: its bytes and what its error must say (the file name is
/// always checked; `at` is the `name:line` prefix where the error has a line).
fn bad(i: usize) -> (Vec<u8>, Option<usize>, &'static str) {
    match i % 12 {
        0 => (format!("---\ntitle: Cut {i}\nservings: [2,\n").into_bytes(), Some(1), "never closed"),
        1 => (latin1(i), Some(4), "UTF-8"),
        2 => (format!("Soup {i}\n\x00\x01binary").into_bytes(), Some(2), "binary"),
        3 => (format!("Add @salt{{1%g {i}.\n").into_bytes(), Some(1), "never closed"),
        4 => (format!("---\ntitle: Slow {i}\nprep time: a while\n---\nBoil @water{{1%l}}.\n").into_bytes(), Some(3), "duration"),
        5 => (Vec::new(), None, "no steps or ingredients"),
        6 => (format!("---\ntitle: Many {i}\nservings: lots\n---\nBoil @water{{1%l}}.\n").into_bytes(), Some(3), "servings"),
        7 => (format!("---\ntitle: \"Unclosed {i}\n---\nBoil @water{{1%l}}.\n").into_bytes(), Some(3), "YAML"),
        8 => (format!("Boil the water {i}}}.\n").into_bytes(), Some(1), "without its"),
        9 => (format!("---\ntitle: When {i}\nmeal: [elevenses]\n---\nBoil @water{{1%l}}.\n").into_bytes(), Some(3), "elevenses"),
        10 => (format!("Mix.\n{}{i}\n", "x".repeat(10_001)).into_bytes(), Some(2), "characters long"),
        _ => (format!("-- only a comment {i}\n\n   \n").into_bytes(), None, "no steps or ingredients"),
    }
}

fn latin1(i: usize) -> Vec<u8> {
    let mut b = format!("---\ntitle: Caf{i}\n---\nStir ").into_bytes();
    b.push(0xe9);
    b.extend_from_slice(b" well.\n");
    b
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_thousand_bad_files_get_one_error_each_and_every_good_file_is_imported() {
    let started = std::time::Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("mixed");
    std::fs::create_dir_all(&folder).unwrap();
    let mut expect: HashMap<String, (Option<usize>, &'static str)> = HashMap::new();
    for i in 0..BAD_FILES {
        let name = format!("bad-{i:04}.cook");
        let (bytes, line, what) = bad(i);
        std::fs::write(folder.join(&name), bytes).unwrap();
        expect.insert(name, (line, what));
    }
    // Three files over the size limit (sparse: nothing is written to disk).
    for i in 0..3 {
        let name = format!("huge-{i}.cook");
        std::fs::File::create(folder.join(&name)).unwrap().set_len(MAX_FILE_BYTES + 1 + i).unwrap();
        expect.insert(name, (None, "limited to"));
    }
    for i in 0..GOOD_FILES {
        std::fs::write(folder.join(format!("good-{i:04}.cook")), good(i)).unwrap();
    }
    std::fs::write(folder.join("readme.txt"), "not a recipe: skipped in folders").unwrap();

    let db = dir.path().join("library.db");
    let mut store = Store::open(&db).unwrap();
    let mut heard: Vec<ImportProgress> = Vec::new();
    let report = import_paths(&mut store, std::slice::from_ref(&folder), None, |p| heard.push(p.clone()), &AtomicBool::new(false)).unwrap();

    let total = BAD_FILES + 3 + GOOD_FILES;
    assert_eq!(report.files.len(), total);
    assert_eq!((report.added, report.updated, report.unchanged), (GOOD_FILES, 0, 0));
    assert_eq!(report.failed, BAD_FILES + 3);
    assert!(!report.cancelled);
    assert_eq!(heard.len(), total);
    assert_eq!(heard.last().map(|p| (p.done, p.total)), Some((total, total)));
    for f in &report.files {
        let name = Path::new(&f.file).file_name().unwrap().to_str().unwrap().to_string();
        match expect.remove(&name) {
            Some((line, what)) => {
                assert_eq!(f.outcome, ImportOutcome::Failed, "{name}");
                let error = f.error.as_deref().unwrap();
                assert!(error.contains(&name), "{error} names the file");
                if let Some(line) = line {
                    assert!(error.contains(&format!("{name}:{line}:")), "{error}: line {line}");
                }
                assert!(error.contains(what), "{error}: {what}");
                assert!(f.id.is_none() && f.title.is_none());
            }
            None => {
                assert!(name.starts_with("good-"), "{name}");
                assert_eq!(f.outcome, ImportOutcome::Added, "{name}: {:?}", f.error);
                assert!(f.id.is_some() && f.error.is_none());
            }
        }
    }
    assert!(expect.is_empty(), "every bad file has exactly one result: {:?}", expect.keys().take(5).collect::<Vec<_>>());

    // No partial recipe: every recipe row has its derived rows, and nothing else has any.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let recipes = count(&conn, "SELECT count(*) FROM recipe");
    assert_eq!(recipes, GOOD_FILES as i64, "the new library holds only the good files");
    for table in ["recipe_index", "recipe_doc", "recipe_card"] {
        assert_eq!(count(&conn, &format!("SELECT count(*) FROM {table}")), recipes, "{table}");
    }
    assert_eq!(count(&conn, "SELECT count(*) FROM recipe_fts"), recipes, "search rows");
    for table in ["recipe_line", "recipe_food", "recipe_plant"] {
        let orphans = count(&conn, &format!("SELECT count(*) FROM {table} WHERE recipe_id NOT IN (SELECT id FROM recipe)"));
        assert_eq!(orphans, 0, "{table}");
    }
    assert_eq!(count(&conn, "SELECT count(DISTINCT recipe_id) FROM recipe_line"), recipes, "every recipe has its lines");

    // The library still lists, and finds a good recipe.
    let cards = store.list(&Default::default()).unwrap();
    assert_eq!(cards.len(), GOOD_FILES);
    assert_eq!(store.find("Good Bowl 7").unwrap().servings, 2);
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[test]
fn a_cancelled_import_keeps_what_was_committed_and_names_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let n = gutsy::store::BATCH + 100;
    let files: Vec<PathBuf> = (0..n)
        .map(|i| {
            let p = dir.path().join(format!("good-{i:04}.cook"));
            std::fs::write(&p, good(i)).unwrap();
            p
        })
        .collect();
    let mut store = Store::open_in_memory().unwrap();
    let cancel = AtomicBool::new(false);
    // Cancelled as the first batch is reported (committed): the next file is not written.
    let stop = |_: &ImportProgress| cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    let report = import_paths(&mut store, &files, Some(SourceFormat::Cooklang), stop, &cancel).unwrap();
    assert!(report.cancelled);
    assert_eq!(report.files.len(), n);
    assert_eq!((report.added, report.failed), (gutsy::store::BATCH, 100));
    assert_eq!(store.count().unwrap(), gutsy::store::BATCH, "the committed batch stays, nothing after it");
    for f in &report.files[gutsy::store::BATCH..] {
        assert_eq!(f.outcome, ImportOutcome::Failed);
        assert_eq!(f.error.as_deref(), Some(format!("{}: not imported (cancelled)", f.file).as_str()));
    }
}

/// The fields a round trip keeps (the store gives id and slug).
fn same(a: &Recipe, b: &Recipe) -> bool {
    let strip = |r: &Recipe| Recipe { id: String::new(), slug: String::new(), ..r.clone() };
    strip(a) == strip(b)
}

#[test]
fn every_bundled_recipe_comes_back_from_an_export_byte_for_byte() {
    let (store, warnings) = gutsy::library::open_in_memory().unwrap();
    assert!(warnings.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let report = export_recipes(&store, None, SourceFormat::Cooklang, dir.path()).unwrap();
    assert_eq!(report.failed, 0);
    assert_eq!(report.written, store.count().unwrap());
    for f in &report.files {
        let file = PathBuf::from(f.file.as_deref().unwrap());
        let text = std::fs::read_to_string(&file).unwrap();
        let (_, stored) = store.source(&f.id).unwrap().unwrap();
        assert_eq!(text, stored, "{}", file.display());
        let again = parse_cook(&file.display().to_string(), &text).unwrap();
        assert!(same(&again, &store.recipe(&f.id).unwrap().unwrap()), "{}", file.display());
    }
    // Imported into a new library, the exported files are the same recipes.
    let mut other = Store::open_in_memory().unwrap();
    let back = import_paths(&mut other, &[dir.path().to_path_buf()], None, |_| {}, &AtomicBool::new(false)).unwrap();
    assert_eq!((back.added, back.failed), (report.written, 0));
    for f in &back.files {
        let title = f.title.as_deref().unwrap();
        let original = store.find(title).unwrap();
        assert!(same(&original, &other.recipe(f.id.as_deref().unwrap()).unwrap().unwrap()), "{title}");
    }
}

#[test]
fn written_cooklang_imports_as_the_same_recipe_through_the_store() {
    // A recipe as another format would give it (no Cooklang source): written, then imported.
    let (store, _) = gutsy::library::open_in_memory().unwrap();
    let mut other = Store::open_in_memory().unwrap();
    for card in store.list(&Default::default()).unwrap() {
        let recipe = store.recipe(&card.id).unwrap().unwrap();
        let text = gutsy::export::cook::recipe_cooklang(&recipe, None);
        let back = other.import_text(&format!("{}.cook", recipe.slug), &text).unwrap().recipe;
        assert!(same(&recipe, &back), "{}:\n{text}", recipe.slug);
    }
}
