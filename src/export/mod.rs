//! Documents for paper and files: one layout model per kind of document (`layout.rs`), rendered
//! as Markdown (`markdown.rs`) or PDF (`pdf/`). The app's print view lays out the same model.
//! Recipes for other apps: schema.org JSON-LD (`jsonld.rs`).

pub mod cook;
pub mod ical;
pub mod jsonld;
pub mod layout;
pub mod markdown;
pub mod pdf;

pub use jsonld::recipe_jsonld;
pub use layout::{ListDoc, ListLine, ListSection};

/// Writes `bytes` to `path` whole or not at all: a sibling temporary file, synced, then renamed
/// over it (a crash or a full disk never leaves half a PDF). A path with no file name is an
/// `InvalidInput` error.
pub fn write_whole(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let name = path.file_name().ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let tmp = path.with_file_name(format!(".{}.partial", name.to_string_lossy()));
    let written = std::fs::File::create(&tmp)
        .and_then(|mut f| f.write_all(bytes).and_then(|_| f.sync_all()))
        .and_then(|_| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_whole_write_leaves_the_file_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.pdf");
        super::write_whole(&path, b"%PDF").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF");
        let missing = dir.path().join("no/such/dir/list.pdf");
        assert!(super::write_whole(&missing, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "no temporary file left behind");
    }
}
