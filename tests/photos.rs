//! Recipe photos: found beside a `.cook` file (same stem) or in a saved page (a `data:` URI, a
//! file in the page's `_files` folder), their type read from the bytes, a bad one a warning
//! that never costs the recipe; kept through export, backup and restore; gone with the recipe.

use gutsy::import::{Photo, MAX_PHOTO_BYTES};
use gutsy::library::{self, export_recipes, import_paths, ImportOutcome, ImportReport};
use gutsy::store::{restore, RestoreMode, Store, StoreError};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// A 1×1 JPEG, PNG and WebP (ImageMagick, stripped): real images, a few hundred bytes.
const JPEG: &str = "ffd8ffe000104a46494600010100000100010000ffdb004300100b0c0e0c0a100e0d0e1211101318281a181616183123251d283a333d3c3933383740485c4e404457453738506d51575f626768673e4d71797064785c656763ffdb0043011112121815182f1a1a2f634238426363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363636363ffc00011080001000103012200021101031101ffc4001500010100000000000000000000000000000005ffc40014100100000000000000000000000000000000ffc4001501010100000000000000000000000000000506ffc40014110100000000000000000000000000000000ffda000c03010002110311003f008a00b5e3ffd9";
const PNG: &str = "89504e470d0a1a0a0000000d494844520000000100000001010300000025db56ca00000003504c5445ff000019e209370000000a4944415408d76360000000020001e221bc330000000049454e44ae426082";
const WEBP: &str = "524946463c000000574542505650382030000000d001009d012a0100010002003425a00274ba01f80003b000fef0c40bff20b96175c8d7ff203fe407fc80fff8f2000000";

fn bytes(hex: &str) -> Vec<u8> {
    (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect()
}

fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ABC[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

fn cook(title: &str) -> String {
    format!("---\ntitle: {title}\nservings: 2\n---\nWhisk @eggs{{2}} into @flour{{100%g}} and @milk{{200%ml}}.\n")
}

fn page(title: &str, image: &str) -> String {
    format!(
        r#"<!doctype html><html><head><title>{title}</title>
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Recipe", "name": "{title}",
 "image": {image}, "recipeIngredient": ["2 eggs", "100 g flour"], "recipeInstructions": "Whisk."}}</script>
</head><body><img src="x"></body></html>"#
    )
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, content).unwrap();
    p
}

fn import(store: &mut Store, paths: &[PathBuf]) -> ImportReport {
    import_paths(store, paths, None, |_| {}, &AtomicBool::new(false)).unwrap()
}

/// The photo of the recipe titled `title`, by its id.
fn photo_of(store: &Store, title: &str) -> Option<Photo> {
    store.photo(&store.find(title).unwrap().id).unwrap()
}

fn has_photo_on_card(store: &Store, title: &str) -> bool {
    store.list(&library::Filter::default()).unwrap().into_iter().find(|c| c.title == title).unwrap().has_photo
}

#[test]
fn a_same_stem_image_beside_a_cook_file_is_its_photo() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "Pancakes.cook", cook("Pancakes").as_bytes());
    write(d, "Pancakes.jpg", &bytes(JPEG));
    let b = write(d, "Crepes.cook", cook("Crepes").as_bytes());
    write(d, "Crepes.PNG", &bytes(PNG));
    let c = write(d, "Plain.cook", cook("Plain").as_bytes());
    write(d, "Other.jpg", &bytes(JPEG)); // another stem: nobody's photo
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &[a, b, c]);
    assert_eq!(report.added, 3, "{report:?}");
    assert!(report.files.iter().all(|f| f.warnings.is_empty()), "{report:?}");

    let p = photo_of(&store, "Pancakes").unwrap();
    assert_eq!((p.mime.as_str(), &p.bytes, p.extension()), ("image/jpeg", &bytes(JPEG), "jpg"));
    assert_eq!(photo_of(&store, "Crepes").unwrap().mime, "image/png");
    assert_eq!(photo_of(&store, "Plain"), None);
    assert!(has_photo_on_card(&store, "Pancakes") && has_photo_on_card(&store, "Crepes"));
    assert!(!has_photo_on_card(&store, "Plain"));
    // The stored cards (the CLI's `--json`) say it too.
    let json: Vec<String> = store.list_json(&library::Filter::default()).unwrap().iter().map(|c| c.get().to_string()).collect();
    assert!(json.iter().any(|c| c.contains("\"Pancakes\"") && c.contains("\"has_photo\":true")), "{json:?}");

    assert!(matches!(store.photo("no-such-recipe"), Err(StoreError::NotFound(_))));
    assert_eq!(store.photo("pancakes").unwrap().unwrap().mime, "image/jpeg", "by slug too");
}

#[test]
fn the_type_comes_from_the_bytes_not_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "Waffles.cook", cook("Waffles").as_bytes());
    write(d, "Waffles.jpg", &bytes(PNG)); // a PNG named .jpg
    let b = write(d, "Blini.cook", cook("Blini").as_bytes());
    write(d, "Blini.webp", &bytes(WEBP));
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &[a, b]);
    let p = photo_of(&store, "Waffles").unwrap();
    assert_eq!((p.mime.as_str(), p.extension()), ("image/png", "png"));
    assert_eq!(photo_of(&store, "Blini").unwrap().mime, "image/webp");
}

#[test]
fn a_bad_photo_is_a_warning_and_costs_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let garbage = write(d, "Garbage.cook", cook("Garbage").as_bytes());
    write(d, "Garbage.jpg", b"<html>this is not a photo</html>");
    let huge = write(d, "Huge.cook", cook("Huge").as_bytes());
    let mut big = bytes(JPEG);
    big.resize(MAX_PHOTO_BYTES as usize + 1, 0);
    write(d, "Huge.jpg", &big);
    let good = write(d, "Good.cook", cook("Good").as_bytes());
    write(d, "Good.png", &bytes(PNG));
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &[garbage, huge, good]);
    assert_eq!((report.added, report.failed), (3, 0), "{report:?}");
    assert!(report.summary.ends_with("2 warnings."), "{}", report.summary);

    let file = |name: &str| report.files.iter().find(|f| f.file.ends_with(name)).unwrap();
    let w = &file("Garbage.cook").warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert!(w[0].contains("Garbage.jpg: not a JPEG, PNG, WebP or GIF image"), "{w:?}");
    assert!(w[0].ends_with("the recipe was imported without a photo"), "{w:?}");
    let w = &file("Huge.cook").warnings;
    assert!(w[0].contains("Huge.jpg: the photo is 8.1 MB; photos are limited to 8.0 MB"), "{w:?}");
    assert!(file("Good.cook").warnings.is_empty());
    assert_eq!(file("Garbage.cook").outcome, ImportOutcome::Added);

    assert_eq!(photo_of(&store, "Garbage"), None);
    assert_eq!(photo_of(&store, "Huge"), None);
    assert_eq!(photo_of(&store, "Good").unwrap().mime, "image/png");
    let r = store.find("Garbage").unwrap();
    assert_eq!(r.ingredients.len(), 3, "the recipe is whole");
}

#[test]
fn a_new_photo_updates_the_recipe_and_no_photo_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "Toast.cook", cook("Toast").as_bytes());
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut store, std::slice::from_ref(&a)).added, 1);
    let id = store.find("Toast").unwrap().id;
    assert_eq!(store.photo(&id).unwrap(), None);

    write(d, "Toast.jpg", &bytes(JPEG));
    let again = import(&mut store, std::slice::from_ref(&a));
    assert_eq!(again.files[0].outcome, ImportOutcome::Updated, "the same text with a new photo");
    assert_eq!(again.files[0].id.as_deref(), Some(id.as_str()), "the same recipe");
    assert_eq!(store.photo(&id).unwrap().unwrap().mime, "image/jpeg");
    assert_eq!(import(&mut store, std::slice::from_ref(&a)).files[0].outcome, ImportOutcome::Unchanged, "the same photo again");

    std::fs::remove_file(d.join("Toast.jpg")).unwrap();
    write(d, "Toast.png", &bytes(PNG));
    assert_eq!(import(&mut store, std::slice::from_ref(&a)).files[0].outcome, ImportOutcome::Updated);
    assert_eq!(store.photo(&id).unwrap().unwrap().mime, "image/png", "re-import replaces the photo");

    std::fs::remove_file(d.join("Toast.png")).unwrap();
    assert_eq!(import(&mut store, std::slice::from_ref(&a)).files[0].outcome, ImportOutcome::Unchanged);
    assert_eq!(store.photo(&id).unwrap().unwrap().mime, "image/png", "a file without a photo leaves the cook's photo alone");

    // Set and removed by hand; the card follows.
    store.set_photo(&id, Some(Photo { mime: "text/plain".into(), bytes: bytes(WEBP) })).unwrap();
    assert_eq!(store.photo(&id).unwrap().unwrap().mime, "image/webp", "the type is read from the bytes");
    let e = store.set_photo(&id, Some(Photo { mime: "image/png".into(), bytes: b"<svg/>".to_vec() })).unwrap_err();
    assert!(e.to_string().contains("not a JPEG, PNG, WebP or GIF image"), "{e}");
    assert_eq!(store.photo(&id).unwrap().unwrap().mime, "image/webp", "a refused photo changes nothing");
    store.set_photo(&id, None).unwrap();
    assert_eq!(store.photo(&id).unwrap(), None);
    assert!(!has_photo_on_card(&store, "Toast"));
    assert!(matches!(store.set_photo("nope", None), Err(StoreError::NotFound(_))));
}

#[test]
fn saved_pages_carry_their_photo_inline_or_in_their_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inline = write(d, "Inline.html", page("Inline", &format!("\"data:image/png;base64,{}\"", base64(&bytes(PNG)))).as_bytes());
    let folder = write(d, "Folder.html", page("Folder", r#"{"@type": "ImageObject", "url": "Folder_files/pic%201.jpg"}"#).as_bytes());
    write(d, "Folder_files/pic 1.jpg", &bytes(JPEG));
    // "Save page, complete" keeps the page's URL but saves the image in the folder by name.
    let saved = write(d, "Saved.html", page("Saved", r#"["https://example.com/img/saved-1200.webp?w=1200"]"#).as_bytes());
    write(d, "Saved_files/saved-1200.webp", &bytes(WEBP));
    let remote = write(d, "Remote.html", page("Remote", r#""https://example.com/remote.jpg""#).as_bytes());
    let missing = write(d, "Missing.html", page("Missing", r#""Missing_files/gone.jpg""#).as_bytes());
    let outside = write(d, "sub/Outside.html", page("Outside", r#""../Folder_files/pic%201.jpg""#).as_bytes());
    let bad = write(d, "Bad.html", page("Bad", r#""data:image/jpeg;base64,PGh0bWw+""#).as_bytes());
    let mut store = Store::open_in_memory().unwrap();
    let report = import(&mut store, &[inline, folder, saved, remote, missing, outside, bad]);
    assert_eq!((report.added, report.failed), (7, 0), "{report:?}");

    assert_eq!(photo_of(&store, "Inline").unwrap().bytes, bytes(PNG));
    assert_eq!(photo_of(&store, "Folder").unwrap().bytes, bytes(JPEG));
    assert_eq!(photo_of(&store, "Saved").unwrap().mime, "image/webp");
    let inline = store.find("Inline").unwrap();
    assert!(!inline.metadata.contains_key("image"), "a data: URI is not kept as text: {:?}", inline.metadata);

    let warnings = |name: &str| report.files.iter().find(|f| f.file.ends_with(name)).unwrap().warnings.clone();
    assert!(warnings("Remote.html").is_empty(), "a remote photo is not fetched, and no surprise");
    assert_eq!(photo_of(&store, "Remote"), None);
    assert_eq!(store.find("Remote").unwrap().metadata.get("image").map(String::as_str), Some("https://example.com/remote.jpg"));
    let w = warnings("Missing.html");
    assert!(w.len() == 1 && w[0].contains("Missing.html: the page's photo \"Missing_files/gone.jpg\" was not found"), "{w:?}");
    let w = warnings("Outside.html");
    assert!(w.len() == 1 && w[0].contains("is outside the page's folder"), "{w:?}");
    assert_eq!(photo_of(&store, "Outside"), None);
    let w = warnings("Bad.html");
    assert!(w.len() == 1 && w[0].contains("Bad.html (the page's photo): not a JPEG, PNG, WebP or GIF image"), "{w:?}");
    assert_eq!(photo_of(&store, "Bad"), None);
}

#[test]
fn pasted_pages_keep_an_inline_photo() {
    let mut store = Store::open_in_memory().unwrap();
    let text = page("Pasted", &format!("\"data:image/jpeg;base64,{}\"", base64(&bytes(JPEG))));
    let report = library::import_pasted(&mut store, &text).unwrap();
    assert_eq!(report.added, 1, "{report:?}");
    assert_eq!(photo_of(&store, "Pasted").unwrap().mime, "image/jpeg");
    let text = page("Pasted Path", r#""Pasted_files/pic.jpg""#);
    let report = library::import_pasted(&mut store, &text).unwrap();
    assert!(report.files[0].warnings.is_empty(), "pasted text has no folder to look in: {report:?}");
}

#[test]
fn export_writes_the_photo_beside_the_recipe_and_it_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "in/Pancakes.cook", cook("Pancakes").as_bytes());
    write(d, "in/Pancakes.jpg", &bytes(JPEG));
    let b = write(d, "in/Page.html", page("Page", &format!("\"data:image/png;base64,{}\"", base64(&bytes(PNG)))).as_bytes());
    let c = write(d, "in/Plain.cook", cook("Plain").as_bytes());
    let mut store = Store::open_in_memory().unwrap();
    import(&mut store, &[a, b, c]);
    let ids: Vec<String> = ["Pancakes", "Page", "Plain"].iter().map(|t| store.find(t).unwrap().id).collect();

    let out = d.join("out");
    write(&out, "page.png", b"someone else's file"); // never written over: the stem moves on
    let report = export_recipes(&store, Some(&ids), gutsy::import::SourceFormat::Cooklang, &out).unwrap();
    assert_eq!((report.written, report.failed), (3, 0), "{report:?}");
    let names = |out: &Path| {
        let mut n: Vec<String> = std::fs::read_dir(out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        n.sort();
        n
    };
    assert_eq!(names(&out), ["page-2.cook", "page-2.png", "page.png", "pancakes.cook", "pancakes.jpg", "plain.cook"]);
    assert_eq!(std::fs::read(out.join("pancakes.jpg")).unwrap(), bytes(JPEG));
    let pancakes = report.files.iter().find(|f| f.title.as_deref() == Some("Pancakes")).unwrap();
    assert!(pancakes.photo.as_deref().is_some_and(|p| p.ends_with("pancakes.jpg")), "{pancakes:?}");
    assert_eq!(report.files.iter().find(|f| f.title.as_deref() == Some("Plain")).unwrap().photo, None);

    // Into another library: the same recipes with the same photos.
    let mut other = Store::open_in_memory().unwrap();
    let back = import(&mut other, std::slice::from_ref(&out));
    assert_eq!(back.added, 3, "{back:?}");
    assert!(back.files.iter().all(|f| f.warnings.is_empty()), "{back:?}");
    assert_eq!(photo_of(&other, "Pancakes").unwrap().bytes, bytes(JPEG));
    assert_eq!(photo_of(&other, "Page").unwrap().bytes, bytes(PNG));
    assert_eq!(photo_of(&other, "Plain"), None);

    // JSON-LD export: the photo beside the .json, read back by the same rule.
    let json_out = d.join("json");
    let report = export_recipes(&store, Some(&ids[..1]), gutsy::import::SourceFormat::JsonLd, &json_out).unwrap();
    assert_eq!(report.written, 1, "{report:?}");
    assert_eq!(names(&json_out), ["pancakes.jpg", "pancakes.json"]);
    let mut third = Store::open_in_memory().unwrap();
    import(&mut third, &[json_out]);
    assert_eq!(photo_of(&third, "Pancakes").unwrap().bytes, bytes(JPEG));
}

#[test]
fn deleting_a_recipe_deletes_its_photo() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "Gone.cook", cook("Gone").as_bytes());
    write(d, "Gone.jpg", &bytes(JPEG));
    let db = d.join("lib.db");
    let mut store = Store::open(&db).unwrap();
    import(&mut store, &[a]);
    let id = store.find("Gone").unwrap().id;
    assert!(store.photo(&id).unwrap().is_some());
    assert!(store.delete(&id).unwrap());
    assert!(matches!(store.photo(&id), Err(StoreError::NotFound(_))));
    drop(store);
    let conn = rusqlite_count(&db);
    assert_eq!(conn, 0, "no photo row left behind");
}

/// Rows left in `recipe_photo`, read with SQLite directly.
fn rusqlite_count(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM recipe_photo", [], |r| r.get(0)).unwrap()
}

#[test]
fn backups_and_restores_carry_photos() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = write(d, "Kept.cook", cook("Kept").as_bytes());
    write(d, "Kept.webp", &bytes(WEBP));
    let (mut store, _) = library::open(&d.join("a.db")).unwrap();
    import(&mut store, &[a]);
    let backup = d.join("a.backup");
    store.backup_to(&backup).unwrap();

    // Replace: the library becomes the backup, photo and all.
    let id = store.find("Kept").unwrap().id;
    store.set_photo(&id, None).unwrap();
    restore(&mut store, &backup, RestoreMode::Replace).unwrap();
    assert_eq!(store.photo(&id).unwrap().unwrap().bytes, bytes(WEBP));
    assert!(has_photo_on_card(&store, "Kept"));

    // Merge into another library: the recipe is added with its photo.
    let (mut other, _) = library::open(&d.join("b.db")).unwrap();
    let r = restore(&mut other, &backup, RestoreMode::Merge).unwrap();
    assert_eq!(r.recipes_added, 1, "{r:?}");
    assert_eq!(other.photo(&id).unwrap().unwrap().mime, "image/webp");
    assert!(has_photo_on_card(&other, "Kept"));
}
