//! The library under two processes and under SIGKILL: the `gutsy` binary importing while another
//! connection lists and writes (no "database is locked" reaches either side, nothing is lost),
//! and a writing `gutsy` killed at random moments (the file always passes `integrity_check`,
//! and every recipe is there whole — with its derived rows and search row — or not at all).

use gutsy::store::Store;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The binary under test; `GUTSY_TEST_BIN` overrides it (builders sharing one target directory
/// overwrite each other's `target/debug/gutsy`).
fn gutsy(db: &Path, args: &[&str]) -> Command {
    let bin = std::env::var_os("GUTSY_TEST_BIN").map(PathBuf::from).unwrap_or_else(|| env!("CARGO_BIN_EXE_gutsy").into());
    let mut c = Command::new(bin);
    c.args(args).env("GUTSY_DB", db).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

fn recipe(title: &str, word: &str) -> String {
    format!(
        "---\ntitle: {title}\nservings: 2\nmeal: [lunch, dinner]\n---\nCook @brown rice{{1%cup}}, stir in @kimchi{{1/2%cup}} and \
         @baby spinach{{2%handful}}; finish with {word} and @sesame seeds{{1%tbsp}}.\n"
    )
}

/// `n` recipe files in `dir`, their text marked with `round` (a new round rewrites them).
fn folder(dir: &Path, n: usize, round: usize) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(dir.join(format!("r{i:03}.cook")), recipe(&format!("Bowl {i} round {round}"), &format!("word{round}x{i}"))).unwrap();
    }
    dir.to_path_buf()
}

/// SplitMix64: the same seed gives the same kill times on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The file is sound and every recipe is whole or absent: its row ⇔ its derived rows (index,
/// card, doc) and its search row, derived from the text it has now (same title).
fn check_library(db: &Path, when: &str) -> usize {
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "{when}: integrity_check");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap_or_else(|e| panic!("{sql}: {e}")) };
    for (what, sql) in [
        ("recipe without its index row", "SELECT count(*) FROM recipe r WHERE NOT EXISTS (SELECT 1 FROM recipe_index i WHERE i.recipe_id = r.id AND i.uid = r.uid AND i.title = r.title)"),
        ("recipe without its card", "SELECT count(*) FROM recipe r WHERE NOT EXISTS (SELECT 1 FROM recipe_card c WHERE c.recipe_id = r.id AND json_extract(c.card, '$.title') = r.title)"),
        ("recipe without its doc", "SELECT count(*) FROM recipe r WHERE NOT EXISTS (SELECT 1 FROM recipe_doc d WHERE d.recipe_id = r.id AND json_extract(d.body, '$.title') = r.title)"),
        ("recipe without its search row", "SELECT count(*) FROM recipe WHERE id NOT IN (SELECT rowid FROM recipe_fts)"),
        ("index row without a recipe", "SELECT count(*) FROM recipe_index WHERE recipe_id NOT IN (SELECT id FROM recipe)"),
        ("card without a recipe", "SELECT count(*) FROM recipe_card WHERE recipe_id NOT IN (SELECT id FROM recipe)"),
        ("doc without a recipe", "SELECT count(*) FROM recipe_doc WHERE recipe_id NOT IN (SELECT id FROM recipe)"),
        ("search row without a recipe", "SELECT count(*) FROM recipe_fts WHERE rowid NOT IN (SELECT id FROM recipe)"),
    ] {
        assert_eq!(count(sql), 0, "{when}: {what}");
    }
    let fts = count("SELECT count(*) FROM recipe_fts");
    let recipes = count("SELECT count(*) FROM recipe");
    assert_eq!(fts, recipes, "{when}: one search row per recipe");
    recipes as usize
}

#[test]
fn an_import_in_another_process_never_meets_a_locked_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    let bundled = gutsy::library::open(&db).unwrap().0.count().unwrap();
    let files = folder(&dir.path().join("in"), 300, 0);
    let child = gutsy(&db, &["recipes", "import", files.to_str().unwrap()]).spawn().unwrap();

    // This process lists, saves settings and plans and imports while the other imports.
    let (mut store, _) = gutsy::library::open(&db).unwrap();
    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let mut child = Some(child);
    let mut mine = Vec::new();
    let mut plans = Vec::new();
    let mut rounds = 0;
    let began = Instant::now();
    while rounds < 6 || child.as_mut().is_some_and(|c| c.try_wait().unwrap().is_none()) {
        assert!(began.elapsed() < Duration::from_secs(120), "the import never finished");
        let listed = store.list(&gutsy::library::Filter::default()).unwrap_or_else(|e| panic!("list: {e}"));
        assert!(listed.len() >= bundled);
        let mut settings = store.settings().unwrap();
        settings.household = 1 + rounds % 6;
        store.save_settings(&settings).unwrap_or_else(|e| panic!("save settings: {e}"));
        let title = format!("Side Dish {rounds}");
        let r = store.import_text(&title, &recipe(&title, "lime")).unwrap_or_else(|e| panic!("import: {e}")).recipe;
        mine.push(r.id);
        if rounds % 3 == 0 {
            let name = format!("Plan {rounds}");
            let new = gutsy::library::NewPlan::week(Some(name.clone()), start, gutsy::planner::PlanSettings::default());
            gutsy::library::generate_plan(&mut store, &new, start).unwrap_or_else(|e| panic!("plan: {e}"));
            plans.push(name);
        }
        rounds += 1;
    }
    let out = child.take().unwrap().wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the import failed: {err}");
    assert!(!err.contains("locked") && !err.contains("busy"), "{err}");
    drop(store);

    let store = Store::open(&db).unwrap();
    assert_eq!(store.count().unwrap(), bundled + 300 + mine.len(), "everything written is there");
    for id in &mine {
        assert!(store.recipe(id).unwrap().is_some());
    }
    assert_eq!(store.find("Bowl 299 round 0").unwrap().title, "Bowl 299 round 0");
    let saved: Vec<String> = store.plans().unwrap().into_iter().map(|p| p.name).collect();
    assert!(plans.iter().all(|p| saved.contains(p)), "{plans:?} in {saved:?}");
    assert_eq!(store.settings().unwrap().household, 1 + (rounds - 1) % 6);
    check_library(&db, "after both");
}

#[test]
fn a_writer_killed_at_any_moment_leaves_a_sound_library() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.db");
    drop(gutsy::library::open(&db).unwrap());
    let n = 40;
    let input = dir.path().join("in");

    // How long a whole import rewriting every file takes (the shortest of three), to spread the
    // kills over it.
    let mut whole = Duration::MAX;
    for round in 0..4 {
        folder(&input, n, round);
        let t = Instant::now();
        let out = gutsy(&db, &["recipes", "import", input.to_str().unwrap()]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        if round > 0 {
            whole = whole.min(t.elapsed());
        }
    }
    let base = check_library(&db, "after a whole import");

    let mut rng = Rng(20261203);
    let kills = 200;
    let mut mid_run = 0;
    for round in 1..=kills {
        // A new text for every file: the import rewrites each recipe (same id, new facts).
        folder(&input, n, round + 3);
        let delay = Duration::from_micros(rng.next() % (whole.as_micros() as u64 + 1));
        let mut child = gutsy(&db, &["recipes", "import", input.to_str().unwrap()]).stderr(Stdio::null()).spawn().unwrap();
        std::thread::sleep(delay);
        if child.try_wait().unwrap().is_none() {
            mid_run += 1;
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let recipes = check_library(&db, &format!("kill {round} after {delay:?}"));
        assert_eq!(recipes, base, "kill {round}: a rewrite never adds or loses a recipe");
    }
    eprintln!("{kills} kills over {whole:?} imports, {mid_run} while the process ran");
    assert!(mid_run >= kills / 3, "most kills land while the import runs ({mid_run} of {kills})");

    // A restore --replace killed part-way: the old library or the backup, never a mixture.
    let backup = dir.path().join("small.backup");
    {
        let (empty, _) = gutsy::library::open(&dir.path().join("other.db")).unwrap();
        empty.backup_to(&backup).unwrap();
    }
    let small = gutsy::library::bundled_files().len();
    let t = Instant::now();
    let probe = dir.path().join("probe.db");
    std::fs::copy(&db, &probe).unwrap();
    let out = gutsy(&probe, &["restore", backup.to_str().unwrap(), "--replace"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let whole = t.elapsed();
    for round in 0..30 {
        let delay = Duration::from_micros(rng.next() % (whole.as_micros() as u64 + 1));
        let mut child = gutsy(&db, &["restore", backup.to_str().unwrap(), "--replace"]).spawn().unwrap();
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();
        let recipes = check_library(&db, &format!("restore kill {round} after {delay:?}"));
        assert!(recipes == base || recipes == small, "restore kill {round}: {recipes} recipes");
        if recipes == small {
            // Back to the big library for the next round.
            folder(&input, n, kills + round + 4);
            let out = gutsy(&db, &["recipes", "import", input.to_str().unwrap()]).output().unwrap();
            assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(check_library(&db, "re-import"), base);
        }
    }
}
