//! The `gutsy` binary end to end: output shapes, bad input, and that nothing stored is lost.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary under test; `GUTSY_TEST_BIN` overrides it (builders sharing one target directory
/// overwrite each other's `target/debug/gutsy`).
fn bin() -> PathBuf {
    std::env::var_os("GUTSY_TEST_BIN").map(PathBuf::from).unwrap_or_else(|| env!("CARGO_BIN_EXE_gutsy").into())
}

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env { dir: tempfile::tempdir().unwrap() }
    }
    fn db(&self) -> PathBuf {
        self.dir.path().join("library.db")
    }
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }
    fn run(&self, args: &[&str]) -> Output {
        Command::new(bin()).args(args).env("GUTSY_DB", self.db()).stdin(Stdio::null()).output().unwrap()
    }
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "gutsy {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }
    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
    /// The slugs (readable aliases) of the whole library, by title.
    fn ids(&self) -> Vec<String> {
        let v = self.json(&["recipes", "list", "--json"]);
        v.as_array().unwrap().iter().map(|c| c["slug"].as_str().unwrap().to_string()).collect()
    }
    /// slug → stable id.
    fn uids(&self) -> std::collections::BTreeMap<String, String> {
        let v = self.json(&["recipes", "list", "--json"]);
        v.as_array().unwrap().iter().map(|c| (c["slug"].as_str().unwrap().to_string(), c["id"].as_str().unwrap().to_string())).collect()
    }
}

const GOOD: &str = "---\ntitle: Test Kimchi Bowl\nservings: 2\nmeal: [lunch]\nprep time: 10 min\ncook time: 15 min\n---\nCook @brown rice{1%cup} and top with @kimchi{1/2%cup} and @baby spinach{2%handful}.\n";

#[test]
fn parse_json_has_the_documented_shape() {
    let env = Env::new();
    let out = env.ok(&["ingredients", "parse", "--json", "2 to 3 cloves garlic, minced", "salt to taste"]);
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let g = &lines[0];
    assert_eq!(g["input"], "2 to 3 cloves garlic, minced");
    assert_eq!(g["quantity"]["min"], 2.0);
    assert_eq!(g["quantity"]["max"], 3.0);
    assert_eq!(g["unit"], "clove");
    assert_eq!(g["name"], "garlic");
    assert_eq!(g["note"], "minced");
    assert!(g["food"].is_string());
    assert!(g["attributes"].as_array().unwrap().iter().any(|a| a == "prebiotic"));
    assert!(g["triggers"].as_array().unwrap().is_empty());
    assert!(lines[1]["quantity"].is_null() && lines[1]["unit"].is_null());
}

#[test]
fn parse_json_shows_second_measures_packs_and_the_parts_of_a_line() {
    let env = Env::new();
    let out = env.ok(&["ingredients", "parse", "--json", "2 x 400 g tins chickpeas", "1 cup (240 ml) oat milk", "butter or ghee"]);
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!((&lines[0]["pack"]["quantity"]["value"], &lines[0]["pack"]["unit"]), (&Value::from(400.0), &Value::from("g")));
    assert!(lines[0]["alt"].is_null());
    assert_eq!((&lines[1]["alt"]["quantity"]["value"], &lines[1]["alt"]["unit"]), (&Value::from(240.0), &Value::from("ml")));
    let parts = lines[2]["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 2, "{parts:?}");
    assert_eq!(parts[1]["alternative"], true);
    assert!(parts.iter().all(|p| p["food"].is_string()));
    assert_eq!(lines[2]["partial"], false);
}

#[test]
fn parse_reads_stdin_line_by_line() {
    let mut child =
        Command::new(bin()).args(["ingredients", "parse", "--json"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"1 cup soy sauce\n2 tbsp tamari\n").unwrap();
    let out = child.wait_with_output().unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["triggers"].as_array().unwrap().iter().any(|t| t == "gluten"));
    assert!(!lines[1]["triggers"].as_array().unwrap().iter().any(|t| t == "gluten"));
}

#[test]
fn explain_names_the_entry() {
    let env = Env::new();
    // The headline and the plain sentences come first, then the technical steps.
    let out = env.ok(&["ingredients", "explain", "2 tbsp malt vinegar"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[..2], ["2 tbsp malt vinegar", "Contains gluten"], "{out}");
    assert!(lines[2].starts_with("  Malt vinegar is made from malted barley"), "{out}");
    assert_eq!(lines[3], "Details:", "{out}");
    assert!(lines[4].contains("\"malt vinegar\" is the catalog food"), "{out}");
    assert!(out.trim_end().ends_with("→ triggers: gluten"), "{out}");
    let out = env.ok(&["ingredients", "explain", "3 florps"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "Not in the catalog — Gutsy can't tell what this contains", "{out}");
    assert!(lines[2].contains("“florps”"), "{out}");
    assert!(out.contains("Details:") && out.contains("unknown food"), "{out}");
}

#[test]
fn garbage_arguments_fail_with_one_clear_line() {
    let env = Env::new();
    for args in [
        vec!["frobnicate"],
        vec!["recipes", "list", "--meal", "elevenses"],
        vec!["recipes", "list", "--attribute", "crunchy"],
        vec!["recipes", "list", "--exclude", "unicorn-dust"],
        vec!["recipes", "show", "no such recipe at all"],
        vec!["recipes", "import"],
    ] {
        let out = env.run(&args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.to_lowercase().contains("error"), "{args:?}: {err}");
    }
}

#[test]
fn bundled_library_filters() {
    let env = Env::new();
    let all = env.json(&["recipes", "list", "--json"]);
    let all = all.as_array().unwrap();
    assert!(all.len() >= 40);
    let four = ["dairy", "gluten", "sugar", "alcohol"];
    let expected = all
        .iter()
        .filter(|c| c["unknown_ingredients"] == 0 && !c["triggers"].as_array().unwrap().iter().any(|t| four.contains(&t.as_str().unwrap())))
        .count();
    let free = env.json(&["recipes", "list", "--exclude", "dairy,gluten,sugar,alcohol", "--json"]);
    let free = free.as_array().unwrap();
    assert_eq!(free.len(), expected);
    assert!(free.len() * 2 > all.len(), "most of the bundled library is free of the four triggers");
    for c in free {
        let t = c["triggers"].as_array().unwrap();
        assert!(!t.iter().any(|t| ["dairy", "gluten", "sugar", "alcohol"].contains(&t.as_str().unwrap())));
    }
    let fermented = env.json(&["recipes", "list", "--attribute", "fermented", "--json"]);
    assert!(fermented.as_array().unwrap().len() >= 8);
    let kefir = env.json(&["recipes", "list", "--search", "kefir", "--json"]);
    let kefir: Vec<&str> = kefir.as_array().unwrap().iter().map(|c| c["slug"].as_str().unwrap()).collect();
    assert!(kefir.contains(&"milk-kefir") && kefir.contains(&"coconut-water-kefir"), "{kefir:?}");
    let no_dairy = env.json(&["recipes", "list", "--search", "kefir", "--exclude", "dairy", "--json"]);
    let no_dairy: Vec<&str> = no_dairy.as_array().unwrap().iter().map(|c| c["slug"].as_str().unwrap()).collect();
    assert!(!no_dairy.contains(&"milk-kefir") && no_dairy.contains(&"coconut-water-kefir"));
    // FTS5 syntax typed by a user is just words.
    env.ok(&["recipes", "list", "--search", "\"kefir AND (OR NEAR"]);
    let breakfast = env.json(&["recipes", "list", "--meal", "breakfast", "--json"]);
    assert!(breakfast.as_array().unwrap().iter().all(|c| c["meals"].as_array().unwrap().iter().any(|m| m == "breakfast")));
}

#[test]
fn show_derives_facts_from_ingredients() {
    let env = Env::new();
    let v = env.json(&["recipes", "show", "Simple Sauerkraut", "--json"]);
    assert_eq!(v["recipe"]["slug"], "simple-sauerkraut");
    assert_eq!(v["recipe"]["id"].as_str().unwrap().len(), 36, "a stable uuid");
    assert_eq!(env.json(&["recipes", "show", v["recipe"]["id"].as_str().unwrap(), "--json"])["recipe"]["title"], "Simple Sauerkraut");
    assert!(v["facts"]["attributes"].as_array().unwrap().iter().any(|a| a == "fermented"));
    assert!(v["facts"]["unknown"].as_array().unwrap().is_empty());
    let text = env.ok(&["recipes", "show", "milk-kefir"]);
    assert!(text.contains("Triggers: dairy"), "{text}");
}

#[test]
fn import_saves_good_files_and_names_bad_ones() {
    let env = Env::new();
    let before = env.ids();
    let good = env.file("in/test-kimchi-bowl.cook", GOOD.as_bytes());
    env.file("in/binary.cook", b"\x00\x01\x02garbage");
    env.file("in/latin1.cook", b"---\ntitle: Caf\xe9\n---\nStep.\n");
    env.file("in/long.cook", format!("---\ntitle: Long\n---\n{}\n", "a".repeat(100_000)).as_bytes());
    env.file("in/badmeta.cook", b"---\ntitle: Bad\nservings: many\n---\nMix @oats{1%cup}.\n");
    env.file("in/huge.cook", &vec![b'a'; 5 * 1024 * 1024 + 10]);
    env.file("in/notes.txt", b"not a recipe, ignored in folders");

    let out = env.run(&["recipes", "import", env.dir.path().join("in").to_str().unwrap()]);
    assert!(out.status.success(), "a partly failed import exits zero: some files were saved");
    let err = String::from_utf8_lossy(&out.stderr);
    for (file, what) in [
        ("binary.cook", "binary"),
        ("latin1.cook:2", "UTF-8"),
        ("long.cook:4", "100000 characters"),
        ("badmeta.cook:3", "servings"),
        ("huge.cook", "limited to"),
    ] {
        assert!(err.lines().any(|l| l.contains(file) && l.contains(what)), "no error naming {file} ({what}) in:\n{err}");
    }
    assert!(err.contains("5 of 6 files were not imported"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("added Test Kimchi Bowl (test-kimchi-bowl)"), "{stdout}");

    let after = env.ids();
    assert_eq!(after.len(), before.len() + 1, "only the good file was added, nothing lost");
    assert!(before.iter().all(|id| after.contains(id)));

    // Deleting removes exactly that recipe; an unknown id is an error.
    env.ok(&["recipes", "delete", "test-kimchi-bowl"]);
    assert_eq!(env.ids(), before);
    assert!(!env.run(&["recipes", "delete", "test-kimchi-bowl"]).status.success());
    env.ok(&["recipes", "import", good.to_str().unwrap()]);

    // Importing again does not duplicate.
    let out = env.ok(&["recipes", "import", good.to_str().unwrap()]);
    assert!(out.contains("unchanged") && out.contains("0 added, 0 updated, 1 unchanged, 0 failed"), "{out}");
    assert_eq!(env.ids().len(), after.len());
    let v = env.json(&["recipes", "show", "test-kimchi-bowl", "--json"]);
    assert!(v["facts"]["attributes"].as_array().unwrap().iter().any(|a| a == "fermented"), "kimchi is live-culture");
}

#[test]
fn photos_come_in_beside_recipes_with_warnings_and_out_with_recipes_photo() {
    let env = Env::new();
    // A PNG signature and header is all the type check reads; the file name does not count.
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    let jpeg: &[u8] = b"\xFF\xD8\xFF\xE0\0\x10JFIF\0";
    env.file("in/Photo Pancakes.cook", b"---\ntitle: Photo Pancakes\n---\nWhisk @eggs{2} into @flour{100%g}.\n");
    env.file("in/Photo Pancakes.jpg", png);
    env.file("in/Junk Photo.cook", b"---\ntitle: Junk Photo\n---\nWhisk @eggs{3} into @flour{150%g}.\n");
    env.file("in/Junk Photo.jpg", b"GIF? no, text");
    let out = env.run(&["recipes", "import", env.dir.path().join("in").to_str().unwrap()]);
    assert!(out.status.success(), "a bad photo fails nothing: {}", String::from_utf8_lossy(&out.stderr));
    let (stdout, err) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("2 added, 0 updated, 0 unchanged, 0 failed, 1 warning"), "{stdout}");
    assert!(
        err.lines().any(|l| l.starts_with("gutsy: warning: ") && l.contains("Junk Photo.jpg: not a JPEG, PNG, WebP or GIF image")),
        "{err}"
    );
    let cards = env.json(&["recipes", "list", "--json", "--search", "photo"]);
    let has = |slug: &str| cards.as_array().unwrap().iter().find(|c| c["slug"] == slug).unwrap()["has_photo"].clone();
    assert_eq!((has("photo-pancakes"), has("junk-photo")), (Value::Bool(true), Value::Bool(false)));

    let file = env.dir.path().join("out.png");
    let said = env.ok(&["recipes", "photo", "Photo Pancakes", "--out", file.to_str().unwrap()]);
    assert!(said.contains("image/png"), "{said}");
    assert_eq!(std::fs::read(&file).unwrap(), png);
    // Into a folder: named after the slug with the photo's own extension.
    env.ok(&["recipes", "photo", "photo-pancakes", "--out", env.dir.path().to_str().unwrap()]);
    assert_eq!(std::fs::read(env.dir.path().join("photo-pancakes.png")).unwrap(), png);

    let none = env.run(&["recipes", "photo", "junk-photo", "--out", file.to_str().unwrap()]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("Junk Photo (junk-photo) has no photo"), "{none:?}");
    let unknown = env.run(&["recipes", "photo", "no-such-recipe-at-all", "--out", file.to_str().unwrap()]);
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no recipe matches \"no-such-recipe-at-all\""), "{unknown:?}");
    assert!(!env.run(&["recipes", "photo", "junk-photo"]).status.success(), "an action is required");

    // Set from a file (checked by its bytes), then removed.
    let pic = env.file("pic.jpg", jpeg);
    env.ok(&["recipes", "photo", "junk-photo", "--set", pic.to_str().unwrap()]);
    let out = env.dir.path().join("junk.jpg");
    env.ok(&["recipes", "photo", "junk-photo", "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::read(&out).unwrap(), jpeg);
    let notes = env.file("notes.jpg", b"just notes");
    let refused = env.run(&["recipes", "photo", "junk-photo", "--set", notes.to_str().unwrap()]);
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("notes.jpg: not a JPEG"), "{refused:?}");
    env.ok(&["recipes", "photo", "junk-photo", "--remove"]);
    assert!(!env.run(&["recipes", "photo", "junk-photo", "--out", out.to_str().unwrap()]).status.success());
}

#[test]
fn unknown_ingredients_never_pass_a_trigger_exclusion() {
    let env = Env::new();
    let f = env.file("mystery.cook", b"---\ntitle: Mystery Stew\nmeal: [dinner]\n---\nSimmer @florpberries{200%g} with @water{1%l}.\n");
    env.ok(&["recipes", "import", f.to_str().unwrap()]);
    let shown = |args: &[&str]| env.json(args).as_array().unwrap().iter().any(|c| c["slug"] == "mystery-stew");
    assert!(shown(&["recipes", "list", "--json"]));
    assert!(!shown(&["recipes", "list", "--exclude", "dairy", "--json"]), "unknown food cannot be vouched for");
    let v = env.json(&["recipes", "show", "mystery-stew", "--json"]);
    assert_eq!(v["facts"]["unknown"][0], "florpberries");
}

#[test]
fn two_files_with_one_title_are_both_kept() {
    let env = Env::new();
    let a = env.file("a/bowl.cook", GOOD.as_bytes());
    let b = env.file("b/bowl.cook", GOOD.replace("servings: 2", "servings: 3").as_bytes());
    env.ok(&["recipes", "import", a.to_str().unwrap(), b.to_str().unwrap()]);
    let ids = env.ids();
    assert!(ids.contains(&"test-kimchi-bowl".to_string()) && ids.contains(&"test-kimchi-bowl-2".to_string()), "{ids:?}");
    // The same text in a third place is the same recipe, not a third copy.
    let c = env.file("c/copy.cook", GOOD.as_bytes());
    assert!(env.ok(&["recipes", "import", c.to_str().unwrap()]).contains("unchanged"));
    assert_eq!(env.ids().len(), ids.len());
}

#[test]
fn a_file_keeps_its_recipe_by_any_path_spelling_and_through_a_retitle() {
    let env = Env::new();
    let f = env.file("dir/bowl.cook", GOOD.as_bytes());
    let dir = env.dir.path();
    let before = env.ids().len();
    let spellings = [f.to_str().unwrap().to_string(), format!("{}/dir/../dir/./bowl.cook", dir.display())];
    for p in &spellings {
        env.ok(&["recipes", "import", p]);
    }
    let relative = Command::new(bin())
        .args(["recipes", "import", "./bowl.cook"])
        .current_dir(dir.join("dir"))
        .env("GUTSY_DB", env.db())
        .output()
        .unwrap();
    assert!(relative.status.success());
    assert_eq!(env.ids().len(), before + 1, "three spellings of one file are one recipe");
    let id = env.uids()["test-kimchi-bowl"].clone();
    std::fs::write(&f, GOOD.replace("Test Kimchi Bowl", "Kimchi Rice Bowl").replace("1/2%cup", "1%cup")).unwrap();
    let out = env.ok(&["recipes", "import", f.to_str().unwrap()]);
    assert!(out.contains("updated Kimchi Rice Bowl (kimchi-rice-bowl)"), "{out}");
    let uids = env.uids();
    assert_eq!(uids.get("kimchi-rice-bowl"), Some(&id), "a retitled file keeps its id");
    assert!(!uids.contains_key("test-kimchi-bowl"));
    assert_eq!(uids.len(), before + 1);
}

#[test]
fn other_apps_metadata_imports_and_optional_lines_do_not_count() {
    let env = Env::new();
    let f = env.file(
        "dal.cook",
        b"---\ntitle: Weeknight Dal\ncourse: main\ncuisine: Indian\nauthor: Someone\nservings: 4\n---\nSimmer @red lentils{200%g} with @onion{1} and @garlic{2%cloves}.\nServe with @?kimchi{1%tsp} and a drizzle of @?honey{1%tsp}.\n",
    );
    env.ok(&["recipes", "import", f.to_str().unwrap()]);
    let v = env.json(&["recipes", "show", "Weeknight Dal", "--json"]);
    assert!(v["recipe"]["meals"].as_array().unwrap().iter().any(|m| m == "dinner"), "course: main maps to meals");
    assert_eq!(v["recipe"]["metadata"]["cuisine"], "Indian");
    assert!(!v["facts"]["attributes"].as_array().unwrap().iter().any(|a| a == "fermented"), "optional kimchi");
    let listed = |args: &[&str]| env.json(args).as_array().unwrap().iter().any(|c| c["slug"] == "weeknight-dal");
    assert!(listed(&["recipes", "list", "--exclude", "sugar", "--json"]), "optional honey does not fail --exclude sugar");
    assert!(!listed(&["recipes", "list", "--attribute", "fermented", "--json"]));
    let text = env.ok(&["recipes", "show", "Weeknight Dal", "--exclude", "sugar"]);
    assert!(text.contains("Without the honey"), "{text}");
}

#[test]
fn a_garbage_database_is_refused_and_left_untouched() {
    let env = Env::new();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(env.db(), &garbage).unwrap();
    let out = env.run(&["recipes", "list"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("library.db") && err.contains("not a Gutsy library"), "{err}");
    assert_eq!(std::fs::read(env.db()).unwrap(), garbage, "the file must not be modified");
}

#[test]
fn the_library_survives_reopening() {
    let env = Env::new();
    let good = env.file("a.cook", GOOD.as_bytes());
    env.ok(&["recipes", "import", good.to_str().unwrap()]);
    let first = env.ids();
    let second = env.ids();
    assert_eq!(first, second);
    assert!(first.contains(&"test-kimchi-bowl".to_string()));
    assert!(Path::new(&env.db()).exists());
}

#[test]
fn plan_generate_meets_the_gut_goals_on_the_bundled_library_without_a_trigger() {
    let env = Env::new();
    let args = ["plan", "generate", "--start", "2026-11-30", "--exclude", "dairy,gluten,sugar,alcohol", "--seed", "7", "--json"];
    let plan = env.json(&args);
    let days = plan["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    assert_eq!(days[0]["date"], "2026-11-30");
    assert_eq!(days[6]["date"], "2026-12-06");
    assert!(days.iter().all(|d| d["metrics"]["fermented"] == true), "a ferment every day");
    assert_eq!(plan["metrics"]["fermented_days"], 7);
    assert!(plan["metrics"]["plants"].as_array().unwrap().len() >= 30);
    // Every planned recipe passes the same exclusions in the library's own list.
    let allowed: Vec<String> = env
        .json(&["recipes", "list", "--exclude", "dairy,gluten,sugar,alcohol", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    let mut seen = Vec::new();
    for d in days {
        let meals = d["meals"].as_array().unwrap();
        assert_eq!(meals.iter().map(|m| m["meal"].as_str().unwrap()).collect::<Vec<_>>(), ["breakfast", "lunch", "dinner"]);
        for m in meals {
            let id = m["recipe"]["id"].as_str().expect("every slot filled").to_string();
            assert!(allowed.contains(&id), "{} has an excluded trigger", m["recipe"]["title"]);
            assert_eq!(m["servings"], 2);
            seen.push(id);
        }
    }
    assert_eq!(env.json(&args), plan, "the same seed gives the same plan");
    // No recipe twice within 5 days: in 7 days each comes at most twice, and then 5+ days apart.
    for (i, a) in seen.iter().enumerate() {
        for (j, b) in seen.iter().enumerate().skip(i + 1) {
            if a == b {
                assert!(j / 3 - i / 3 >= 5, "{a} on days {} and {}", i / 3, j / 3);
            }
        }
    }
}

#[test]
fn plan_generate_honours_time_limits_and_refuses_bad_arguments() {
    let env = Env::new();
    let plan = env.json(&[
        "plan",
        "generate",
        "--start",
        "2026-12-28",
        "--days",
        "3",
        "--meals",
        "dinner",
        "--max-minutes",
        "dinner=25",
        "--json",
    ]);
    let list: Vec<String> = env
        .json(&["recipes", "list", "--meal", "dinner", "--max-minutes", "25", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    for d in plan["days"].as_array().unwrap() {
        for m in d["meals"].as_array().unwrap() {
            if let Some(id) = m["recipe"]["id"].as_str() {
                assert!(list.contains(&id.to_string()), "{} is over 25 minutes", m["recipe"]["title"]);
            }
        }
    }
    assert_eq!(plan["days"][2]["date"], "2026-12-30", "across the year end");
    for bad in [
        vec!["plan", "generate", "--start", "30/11/2026"],
        vec!["plan", "generate", "--start", "2026-11-30", "--max-minutes", "dinner"],
        vec!["plan", "generate", "--start", "2026-11-30", "--max-minutes", "supper=20"],
        vec!["plan", "generate", "--start", "2026-11-30", "--exclude", "florps"],
        vec!["plan", "generate", "--start", "2026-11-30", "--days", "0"],
    ] {
        let out = env.run(&bad);
        assert!(!out.status.success(), "{bad:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.lines().count() <= 3 && err.contains("error"), "{bad:?}: {err}");
    }
}

#[test]
fn a_saved_plan_keeps_locks_through_regeneration_swaps_and_deleted_recipes() {
    let env = Env::new();
    let slot = |plan: &Value, day: usize, meal: usize| plan["days"][day]["meals"][meal].clone();
    let first = env.json(&["plan", "generate", "--start", "2026-12-28", "--save", "New year", "--today", "2026-12-01", "--json"]);
    assert_eq!(first["name"], "New year");
    assert!(first["id"].is_string());
    assert_eq!(env.json(&["plan", "show", "New year", "--today", "2026-12-01", "--json"]), first, "saved as generated");
    let list = env.json(&["plan", "list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], first["id"]);

    // Lock Tuesday's lunch, regenerate with other seeds: it stays; other slots change.
    let locked = env.json(&["plan", "lock", "New year", "--day", "2", "--meal", "lunch", "--json"]);
    assert_eq!(slot(&locked, 1, 1)["locked"], true);
    let kept = slot(&first, 1, 1)["recipe"].clone();
    let mut changed = false;
    for seed in ["1", "2", "3"] {
        let again = env.json(&["plan", "regenerate", "New year", "--seed", seed, "--json"]);
        assert_eq!(slot(&again, 1, 1)["recipe"], kept, "a locked slot survives regeneration");
        assert_eq!(again["id"], first["id"], "same plan");
        changed |= again["days"] != first["days"];
    }
    assert!(changed, "regenerating changes the unlocked slots");

    // Swap Monday's dinner to the first choice offered: the plan shows it.
    let choices = env.json(&["plan", "swap", "New year", "--day", "1", "--meal", "dinner", "--json"]);
    let pick = choices[0]["recipe"]["id"].as_str().unwrap().to_string();
    assert!(choices[0]["reasons"].is_array());
    let swapped = env.json(&["plan", "swap", "New year", "--day", "1", "--meal", "dinner", "--to", &pick, "--json"]);
    assert_eq!(slot(&swapped, 0, 2)["recipe"]["id"], pick.as_str());
    // A recipe that is not a dinner cannot go there.
    let out = env.run(&["plan", "swap", "New year", "--day", "1", "--meal", "dinner", "--to", "Milk Kefir"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot go in that slot"));

    // Deleting the recipe leaves the slot saying so, with the title it had.
    let title = slot(&swapped, 0, 2)["recipe"]["title"].as_str().unwrap().to_string();
    env.ok(&["recipes", "delete", &pick]);
    let after = env.json(&["plan", "show", "New year", "--json"]);
    assert!(slot(&after, 0, 2)["recipe"].is_null());
    assert_eq!(slot(&after, 0, 2)["deleted"]["title"], title.as_str());
    assert!(env.ok(&["plan", "show", "New year"]).contains(&format!("{title} (recipe deleted)")));

    env.ok(&["plan", "delete", "New year"]);
    assert!(!env.run(&["plan", "show", "New year"]).status.success());
    assert_eq!(env.json(&["plan", "list", "--json"]).as_array().unwrap().len(), 0);
}

#[test]
fn plan_rules_are_kept_or_reported_and_bad_rules_refused() {
    let env = Env::new();
    let base = ["plan", "generate", "--start", "2026-11-30", "--json"];
    let fish = |plan: &Value| -> usize {
        // Fish meals, judged by the core's own facts of each planned recipe.
        let mut n = 0;
        for d in plan["days"].as_array().unwrap() {
            for m in d["meals"].as_array().unwrap() {
                let id = m["recipe"]["id"].as_str().unwrap();
                let shown = env.json(&["recipes", "show", id, "--json"]);
                let triggers = shown["facts"]["triggers"].as_array().unwrap();
                n += usize::from(triggers.iter().any(|t| t == "fish"));
            }
        }
        n
    };
    let with_rule = env.json(&[&base[..], &["--rule", "fish >= 3"]].concat());
    assert!(fish(&with_rule) >= 3, "three fish meals");
    assert!(!with_rule["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("fish")));
    let none = env.json(&[&base[..], &["--rule", "fish <= 0"]].concat());
    assert_eq!(fish(&none), 0);
    let too_many = env.json(&[&base[..], &["--rule", "fish >= 30"]].concat());
    let warnings: Vec<&str> = too_many["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.starts_with("Your rule “fish ≥ 30” is not met")), "{warnings:?}");
    for bad in ["florp >= 2", "fish = 2", "fish >= lots"] {
        let out = env.run(&["plan", "generate", "--start", "2026-11-30", "--rule", bad]);
        assert!(!out.status.success(), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(bad) || err.contains("florp"), "{bad}: {err}");
    }
}

#[test]
fn settings_are_the_defaults_of_every_new_plan_and_flags_override_them() {
    let env = Env::new();
    let set = env.json(&["settings", "set", "--household", "3", "--exclude", "Dairy,gluten", "--rule", "fish>=1", "--json"]);
    assert_eq!(set["household"], 3);
    assert_eq!(set["exclude"], serde_json::json!(["dairy", "gluten"]));
    assert_eq!(set["rules"], serde_json::json!(["fish ≥ 1"]));
    assert_eq!(env.json(&["settings", "show", "--json"]), set, "saved");
    // Refused changes name the value and save nothing.
    for bad in [vec!["--household", "0"], vec!["--rule", "unicorn >= 2"], vec!["--exclude", "florps"], vec!["--units", "imperial"]] {
        let out = env.run(&[&["settings", "set"][..], &bad].concat());
        assert!(!out.status.success(), "{bad:?}");
        assert!(!String::from_utf8_lossy(&out.stderr).trim().is_empty());
    }
    assert_eq!(env.json(&["settings", "show", "--json"]), set, "nothing saved by a refused change");

    let plan = env.json(&["plan", "generate", "--start", "2026-11-30", "--seed", "1", "--json"]);
    let meals: Vec<&Value> = plan["days"].as_array().unwrap().iter().flat_map(|d| d["meals"].as_array().unwrap()).collect();
    assert!(meals.iter().all(|m| m["servings"] == 3), "the household's servings");
    let triggers_of = |m: &Value| {
        let shown = env.json(&["recipes", "show", m["recipe"]["id"].as_str().unwrap(), "--json"]);
        shown["facts"]["triggers"].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    for m in &meals {
        let t = triggers_of(m);
        assert!(!t.iter().any(|t| t == "dairy" || t == "gluten"), "{} has {t:?}", m["recipe"]["title"]);
    }
    // A flag replaces the setting for this plan only.
    let two = env.json(&["plan", "generate", "--start", "2026-11-30", "--servings", "2", "--exclude", "none", "--json"]);
    assert_eq!(two["days"][0]["meals"][0]["servings"], 2);
    assert_eq!(env.json(&["settings", "show", "--json"])["household"], 3);
}

#[test]
fn leftovers_feed_the_next_lunch_and_are_cooked_once() {
    let env = Env::new();
    let plan = env.json(&[
        "plan",
        "generate",
        "--start",
        "2026-11-30",
        "--leftovers",
        "true",
        "--servings",
        "2",
        "--save",
        "Cook once",
        "--seed",
        "4",
        "--json",
    ]);
    let days = plan["days"].as_array().unwrap();
    for (d, day) in days.iter().enumerate() {
        let lunch = &day["meals"][1];
        let dinner = &day["meals"][2];
        assert_eq!(lunch["meal"], "lunch");
        if d == 0 {
            assert!(lunch["leftover_of"].is_null(), "the first lunch is cooked");
            assert_eq!(lunch["cook_servings"], 2);
        } else {
            assert_eq!(lunch["recipe"], days[d - 1]["meals"][2]["recipe"], "day {d}: lunch is the dinner before");
            assert_eq!(lunch["leftover_of"]["date"], days[d - 1]["date"]);
            assert_eq!(lunch["leftover_of"]["meal"], "dinner");
            assert_eq!(lunch["cook_servings"], 0, "leftovers are not cooked again");
        }
        let fed = d + 1 < days.len();
        assert_eq!(dinner["cook_servings"], if fed { 4 } else { 2 }, "day {d}: dinner cooks for tomorrow's lunch too");
    }
    // A leftover lunch follows its dinner: swapping it alone is refused with the reason.
    let out = env.run(&["plan", "swap", "Cook once", "--day", "2", "--meal", "lunch"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("leftovers"), "{}", String::from_utf8_lossy(&out.stderr));
    // Swapping the dinner changes the next lunch with it.
    let choice = env.json(&["plan", "swap", "Cook once", "--day", "1", "--meal", "dinner", "--json"])[0]["recipe"]["id"].clone();
    let swapped = env.json(&["plan", "swap", "Cook once", "--day", "1", "--meal", "dinner", "--to", choice.as_str().unwrap(), "--json"]);
    assert_eq!(swapped["days"][0]["meals"][2]["recipe"]["id"], choice);
    assert_eq!(swapped["days"][1]["meals"][1]["recipe"]["id"], choice);
    assert_eq!(swapped["days"][0]["meals"][2]["locked"], true, "a recipe the cook chose is kept on regenerate");
}

#[test]
fn plans_are_moved_served_renamed_and_copied() {
    let env = Env::new();
    let plan = env.json(&["plan", "generate", "--start", "2026-11-30", "--save", "Week", "--seed", "2", "--json"]);
    let recipe = |p: &Value, d: usize, m: usize| p["days"][d]["meals"][m]["recipe"]["id"].clone();
    // Move Monday's dinner to Thursday: the two swap and both are locked.
    let moved = env.json(&["plan", "move", "Week", "--day", "1", "--meal", "dinner", "--to-day", "4", "--json"]);
    assert_eq!(recipe(&moved, 3, 2), recipe(&plan, 0, 2));
    assert_eq!(recipe(&moved, 0, 2), recipe(&plan, 3, 2));
    assert_eq!(
        (moved["days"][0]["meals"][2]["locked"].clone(), moved["days"][3]["meals"][2]["locked"].clone()),
        (Value::Bool(true), Value::Bool(true))
    );
    // A dinner cannot land in a breakfast slot it does not fit.
    let out = env.run(&["plan", "move", "Week", "--day", "1", "--meal", "dinner", "--to-day", "2", "--to-meal", "breakfast"]);
    assert!(!out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(env.json(&["plan", "show", "Week", "--json"])["days"], moved["days"], "a refused move changes nothing");

    let served = env.json(&["plan", "servings", "Week", "--day", "3", "--meal", "lunch", "5", "--json"]);
    assert_eq!(served["days"][2]["meals"][1]["servings"], 5);
    assert_eq!(served["days"][2]["meals"][1]["cook_servings"], 5);
    assert!(!env.run(&["plan", "servings", "Week", "--day", "3", "--meal", "lunch", "0"]).status.success());

    env.ok(&["plan", "rename", "Week", "Advent week"]);
    assert!(!env.run(&["plan", "show", "Week"]).status.success());
    let copy = env.json(&["plan", "duplicate", "Advent week", "Advent week (copy)", "--json"]);
    assert_ne!(copy["id"], plan["id"]);
    assert_eq!(copy["days"], env.json(&["plan", "show", "Advent week", "--json"])["days"]);
    let names: Vec<Value> = env.json(&["plan", "list", "--json"]).as_array().unwrap().iter().map(|p| p["name"].clone()).collect();
    assert_eq!(names, vec![Value::from("Advent week (copy)"), Value::from("Advent week")], "the one changed last first");
    // A name in use is refused either way.
    assert!(!env.run(&["plan", "rename", "Advent week (copy)", "Advent week"]).status.success());
    assert!(!env.run(&["plan", "duplicate", "Advent week", "Advent week (copy)"]).status.success());
}

#[test]
fn a_rule_on_a_food_group_counts_its_foods() {
    let env = Env::new();
    // Red meat, by the catalog foods of each planned recipe's lines (not optional ones).
    let red =
        ["ground-beef", "beef-steak", "stewing-beef", "lamb", "lamb-mince", "pork", "pork-mince", "bacon", "ham", "chorizo", "sausage"];
    let with_red = |plan: &Value| -> usize {
        let mut n = 0;
        for d in plan["days"].as_array().unwrap() {
            for m in d["meals"].as_array().unwrap() {
                let shown = env.json(&["recipes", "show", m["recipe"]["id"].as_str().unwrap(), "--json"]);
                let lines = shown["facts"]["lines"].as_array().unwrap();
                n += usize::from(lines.iter().any(|l| l["optional"] == false && red.contains(&l["food"].as_str().unwrap_or(""))));
            }
        }
        n
    };
    let none = env.json(&["plan", "generate", "--start", "2026-11-30", "--rule", "red meat <= 0", "--json"]);
    assert_eq!(with_red(&none), 0);
    assert!(!none["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("red meat")));
    let some = env.json(&["plan", "generate", "--start", "2026-11-30", "--rule", "red meat >= 2", "--json"]);
    let warned = some["warnings"].as_array().unwrap().iter().any(|w| w.as_str().unwrap().contains("red meat"));
    assert!(with_red(&some) >= 2 || warned, "kept, or reported as unmet");
}

#[test]
fn a_rule_on_a_tag_counts_recipes_with_exactly_that_tag() {
    let env = Env::new();
    let tagged = |title: &str| {
        format!("---\ntitle: {title}\nservings: 2\nmeal: [lunch]\ntags: [Zesty Weeknight, batch]\n---\nSimmer @red lentils{{200%g}} with @carrot{{2}} and @spinach{{100%g}}.\n")
    };
    let a = env.file("a.cook", tagged("Tagged Lentil Pot").as_bytes());
    let b = env.file("b.cook", tagged("Tagged Carrot Stew").as_bytes());
    env.ok(&["recipes", "import", a.to_str().unwrap(), b.to_str().unwrap()]);
    let titles = |plan: &Value| -> Vec<String> {
        plan["days"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["meals"].as_array().unwrap().iter().map(|m| m["recipe"]["title"].as_str().unwrap_or("").to_string()))
            .collect()
    };
    let base = ["plan", "generate", "--start", "2026-11-30", "--json", "--rule"];
    let many = env.json(&[&base[..], &["#zesty weeknight >= 3"]].concat());
    assert!(titles(&many).iter().filter(|t| t.starts_with("Tagged")).count() >= 3, "{:?}", titles(&many));
    let none = env.json(&[&base[..], &["#Zesty Weeknight <= 0"]].concat());
    assert!(!titles(&none).iter().any(|t| t.starts_with("Tagged")));
    // "#zesty" is not the tag "zesty weeknight": no recipe counts, and the plan says so.
    let word = env.json(&[&base[..], &["#zesty >= 1"]].concat());
    let warnings: Vec<&str> = word["warnings"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
    assert!(warnings.iter().any(|w| w.contains("#zesty ≥ 1") && w.contains("0 recipes")), "{warnings:?}");
}

#[test]
fn shopping_lists_scale_merge_take_off_the_pantry_and_refuse_bad_input() {
    let env = Env::new();
    let list = |args: &[&str]| env.json(&[&["shopping-list", "--json"][..], args].concat());
    let item = |l: &Value, key: &str| -> Option<Value> {
        l["sections"].as_array().unwrap().iter().flat_map(|s| s["items"].as_array().unwrap().clone()).find(|i| i["key"] == key)
    };
    // Twice the servings, twice the cabbage (grams, exactly, before rounding to buy).
    let two = list(&["--recipe", "Simple Sauerkraut*2", "--no-pantry"]);
    let four = list(&["--recipe", "Simple Sauerkraut*4", "--no-pantry"]);
    let grams = |l: &Value| item(l, "cabbage").or_else(|| item(l, "white-cabbage")).map(|i| i["quantities"][0]["value"].as_f64().unwrap());
    let (g2, g4) = (grams(&two).expect("cabbage on the list"), grams(&four).unwrap());
    assert!((g4 / g2 - 2.0).abs() < 0.05, "{g2} → {g4}");
    assert!(two["sections"].as_array().unwrap().iter().all(|s| !s["aisle"].as_str().unwrap().is_empty()));

    // A week with leftovers cooks 7 × 3 − 6 meals.
    env.ok(&["plan", "generate", "--start", "2026-11-30", "--leftovers", "true", "--save", "Lo"]);
    let week = list(&["--plan", "Lo"]);
    assert!(week["subtitle"].as_str().unwrap().ends_with("15 meals to cook"), "{}", week["subtitle"]);
    // Each item knows its days, in order, named as the plan names them.
    let days: Vec<&str> = week["sections"][0]["items"][0]["days"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
    assert!(!days.is_empty() && days.iter().all(|d| d.ends_with(" Nov") || d.ends_with(" Dec")), "{days:?}");

    // The pantry, across units, and what it covers listed apart.
    let pantry = env.file("pantry.conf", b"[pantry]\nsalt = \"\"\n\"sea salt\" = \"\"\n");
    let with = list(&["--recipe", "Simple Sauerkraut", "--pantry", pantry.to_str().unwrap()]);
    assert!(with["pantry"].as_array().unwrap().iter().any(|i| i["name"].as_str().unwrap().contains("salt")), "{}", with["pantry"]);
    assert!(item(&with, "salt").is_none() && item(&with, "sea-salt").is_none());

    // Markdown by default, a PDF on request (its text readable).
    assert!(env.ok(&["shopping-list", "--recipe", "Simple Sauerkraut"]).starts_with("# Shopping list\n"));
    let pdf = env.dir.path().join("list.pdf");
    env.ok(&["shopping-list", "--recipe", "Simple Sauerkraut", "--pdf", pdf.to_str().unwrap(), "--paper", "letter"]);
    let text = Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext (poppler-utils) is installed");
    assert!(String::from_utf8_lossy(&text.stdout).contains("Shopping list"));

    // Bad input: named, exit code 1, nothing written.
    let bad_aisles = env.file("aisle.conf", b"[veg]\ncarrot\n[veg]\nleek\n");
    let bad_pantry = env.file("bad-pantry.conf", b"[pantry]\nflour = \"lots\"\n");
    let unwritable = env.dir.path().join("no/such/dir/list.pdf");
    for (args, says) in [
        (vec!["--plan", "No such plan"], "no plan named".to_string()),
        (vec!["--recipe", "Unicorn Stew"], "Unicorn Stew".to_string()),
        (vec!["--recipe", "Simple Sauerkraut*0"], "servings".to_string()),
        (vec!["--recipe", "Simple Sauerkraut", "--aisles", bad_aisles.to_str().unwrap()], "aisle.conf:3".to_string()),
        (vec!["--recipe", "Simple Sauerkraut", "--pantry", bad_pantry.to_str().unwrap()], "bad-pantry.conf:2".to_string()),
        (vec!["--recipe", "Simple Sauerkraut", "--pdf", unwritable.to_str().unwrap()], "cannot write".to_string()),
        (vec![], "--plan".to_string()),
    ] {
        let out = env.run(&[&["shopping-list"][..], &args].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(&says), "{args:?}: {err}");
    }
    assert!(!unwritable.exists());
}

#[test]
fn the_aisle_order_is_exported_edited_and_kept_in_the_library() {
    let env = Env::new();
    let path = env.dir.path().join("aisle.conf");
    env.ok(&["export", "aisles", "--out", path.to_str().unwrap()]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("[Fruit & vegetables]"), "{}", &text[..200.min(text.len())]);
    // The cook puts ferments first; the library keeps it; lists follow it.
    let mine = format!("[Ferments first]\nsauerkraut\nkimchi\n\n{}", text.replace("sauerkraut\n", "").replace("kimchi\n", ""));
    std::fs::write(&path, mine).unwrap();
    env.ok(&["settings", "set", "--aisles", path.to_str().unwrap()]);
    let list = env.json(&["shopping-list", "--recipe", "Avocado Sauerkraut Rice Cakes", "--json"]);
    assert_eq!(list["sections"][0]["aisle"], "Ferments first", "{}", list["sections"]);
    // A broken file is refused with its line, and the kept order stays.
    let broken = env.file("broken.conf", b"[a]\nx\n[a]\n");
    let out = env.run(&["settings", "set", "--aisles", broken.to_str().unwrap()]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("broken.conf:3"));
    assert_eq!(
        env.json(&["shopping-list", "--recipe", "Avocado Sauerkraut Rice Cakes", "--json"])["sections"][0]["aisle"],
        "Ferments first"
    );
}

#[test]
fn import_fails_only_when_nothing_was_imported_and_export_writes_files_back() {
    let env = Env::new();
    let bad = env.file("bad/only.cook", b"\x00binary");
    let out = env.run(&["recipes", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success(), "nothing imported exits non-zero");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("only.cook:1") && err.contains("none of the 1 files was imported"), "{err}");

    let good = env.file("in/bowl.cook", GOOD.as_bytes());
    let out = env.ok(&["recipes", "import", "--format", "cook", good.to_str().unwrap()]);
    assert!(out.contains("added Test Kimchi Bowl (test-kimchi-bowl)") && out.contains("1 added, 0 updated"), "{out}");

    let dir = env.dir.path().join("export");
    let out = env.ok(&["recipes", "export", "--format", "cook", "--out", dir.to_str().unwrap(), "--id", "test-kimchi-bowl"]);
    assert!(out.contains("1 written, 0 failed"), "{out}");
    assert_eq!(std::fs::read_to_string(dir.join("test-kimchi-bowl.cook")).unwrap(), GOOD, "Cooklang comes back byte for byte");
    // Again: a new name, never over the first file.
    env.ok(&["recipes", "export", "--format", "cook", "--out", dir.to_str().unwrap(), "--id", "test-kimchi-bowl"]);
    assert!(dir.join("test-kimchi-bowl-2.cook").exists());
    // As schema.org JSON-LD: a .json file that imports back as the same recipe.
    let ld = env.dir.path().join("ld");
    env.ok(&["recipes", "export", "--format", "jsonld", "--out", ld.to_str().unwrap(), "--id", "test-kimchi-bowl"]);
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(ld.join("test-kimchi-bowl.json")).unwrap()).unwrap();
    assert_eq!((doc["@type"].as_str(), doc["name"].as_str()), (Some("Recipe"), Some("Test Kimchi Bowl")));
    let other = Env::new();
    let out = other.ok(&["recipes", "import", ld.join("test-kimchi-bowl.json").to_str().unwrap()]);
    assert!(out.contains("added Test Kimchi Bowl"), "{out}");
    // The whole library by default, and an unknown id is named.
    let all = env.dir.path().join("all");
    env.ok(&["recipes", "export", "--format", "cook", "--out", all.to_str().unwrap()]);
    assert_eq!(std::fs::read_dir(&all).unwrap().count(), env.ids().len());
    let out = env.run(&["recipes", "export", "--format", "cook", "--out", all.to_str().unwrap(), "--id", "no-such-recipe"]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("no-such-recipe"));

    for args in [
        vec!["recipes", "import", "--format", "docx", "x.cook"],
        vec!["recipes", "export", "--format", "pdf", "--out", "x"],
        vec!["recipes", "import", "--format", "html", "x.cook"],
        vec!["recipes", "export", "--format", "cook"],
        vec!["recipes", "import"],
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(2), "clap's usage error for {args:?}");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn saved_recipe_pages_import_by_their_extension() {
    let env = Env::new();
    let page = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/jsonld/graph-page.html")).unwrap();
    let f = env.file("saved/leek-soup.html", &page);
    env.file("saved/about.htm", b"<!doctype html><html><head><title>About</title></head><body>hi</body></html>");
    // One page imports, so the run succeeds; the page without a recipe is named.
    let out = env.run(&["recipes", "import", env.dir.path().join("saved").to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("about.htm: no JSON-LD script"), "{err}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("added Leek & Potato Soup with Crème Fraîche"), "{stdout}");
    let v = env.json(&["recipes", "show", "Leek & Potato Soup", "--json"]);
    assert_eq!(v["recipe"]["servings"], 4);
    assert_eq!(v["recipe"]["metadata"]["author"], "Asha Evans");
    assert!(v["facts"]["triggers"].as_array().unwrap().iter().any(|t| t == "dairy"), "butter and crème fraîche: {v}");
    // The same page again is the same recipe.
    assert!(env.ok(&["recipes", "import", f.to_str().unwrap()]).contains("1 unchanged"));
}

#[test]
fn backup_and_restore_merge_or_replace_with_result_lines() {
    let env = Env::new();
    let mine = env.file("mine.cook", GOOD.as_bytes());
    env.ok(&["recipes", "import", mine.to_str().unwrap()]);
    env.ok(&["plan", "generate", "--start", "2026-11-30", "--save", "Week", "--today", "2026-11-01"]);
    let backup = env.dir.path().join("lib.backup");
    let out = env.ok(&["backup", backup.to_str().unwrap()]);
    assert!(out.starts_with("backed up ") && out.contains("1 plans") && out.contains("lib.backup"), "{out}");
    let before = env.uids();

    env.ok(&["recipes", "delete", "test-kimchi-bowl"]);
    env.ok(&["plan", "delete", "Week"]);
    let out = env.ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.starts_with("Merged") && out.contains("1 recipes added") && out.contains("1 plans added"), "merge is the default: {out}");
    assert_eq!(env.uids(), before);

    let other = env.file("other.cook", GOOD.replace("Test Kimchi Bowl", "Other Bowl").as_bytes());
    env.ok(&["recipes", "import", other.to_str().unwrap()]);
    let out = env.ok(&["restore", backup.to_str().unwrap(), "--replace"]);
    assert!(out.starts_with("Replaced the library with") && out.contains(&format!("{} recipes, 1 plans", before.len())), "{out}");
    assert_eq!(env.uids(), before, "the recipe added since is gone");

    let out = env.run(&["restore", backup.to_str().unwrap(), "--merge", "--replace"]);
    assert!(!out.status.success());
    let junk = env.file("junk.backup", b"not a library at all, just words");
    let out = env.run(&["restore", junk.to_str().unwrap(), "--replace"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("junk.backup") && err.contains("not an SQLite database"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(env.uids(), before);
}

#[test]
fn a_plan_exports_as_icalendar_with_the_same_uids_each_time() {
    let env = Env::new();
    env.ok(&["plan", "generate", "--start", "2026-11-28", "--save", "Week", "--today", "2026-11-01"]);
    let file = env.dir.path().join("out/week.ics");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let out = env.ok(&["plan", "export-ical", "Week", "--out", file.to_str().unwrap(), "--today", "2026-11-01"]);
    let text = std::fs::read_to_string(&file).unwrap();
    let plan = env.json(&["plan", "show", "Week", "--json", "--today", "2026-11-01"]);
    let filled =
        plan["days"].as_array().unwrap().iter().flat_map(|d| d["meals"].as_array().unwrap()).filter(|m| !m["recipe"].is_null()).count();
    let prep = plan["prep"].as_array().unwrap().len();
    assert!(out.contains(&format!("wrote {filled} meals and {prep} prep tasks")), "{out}");
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.trim_end().ends_with("END:VCALENDAR"));
    assert_eq!(text.matches("BEGIN:VEVENT").count(), filled);
    assert_eq!(text.matches("BEGIN:VTODO").count(), prep);
    assert!(text.contains("DTSTART:20261201T"), "the month's end crossed");
    let uids = |t: &str| -> Vec<String> { t.lines().filter(|l| l.starts_with("UID:")).map(str::to_string).collect() };
    let id = plan["id"].as_str().unwrap();
    assert!(uids(&text).contains(&format!("UID:{id}-2026-11-28-breakfast@gutsy")), "{text}");
    env.ok(&["plan", "export-ical", plan["id"].as_str().unwrap(), "--out", file.to_str().unwrap(), "--today", "2026-11-01"]);
    assert_eq!(uids(&std::fs::read_to_string(&file).unwrap()), uids(&text));
    let out = env.run(&["plan", "export-ical", "No such plan", "--out", file.to_str().unwrap()]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("No such plan"));
}
