//! Moving an unreadable library file out of the way so a fresh one can start at its path. The
//! old file is never deleted: a cook (or a later Gutsy) may still rescue recipes from it.

use chrono::NaiveDateTime;
use std::path::{Path, PathBuf};

/// Renames `path` (and its `-wal`/`-shm` companions) to `NAME.damaged-YYYY-MM-DD-HHMMSS.EXT`
/// beside it; a number is added if that name is taken. `None` when there is no file to move.
pub fn set_aside(path: &Path, now: NaiveDateTime) -> std::io::Result<Option<PathBuf>> {
    if !path.exists() {
        return Ok(None);
    }
    let stem = path.file_stem().map_or_else(|| "library".into(), |s| s.to_string_lossy().into_owned());
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    let stamp = now.format("%Y-%m-%d-%H%M%S");
    let target = (1..)
        .map(|n| {
            let extra = if n == 1 { String::new() } else { format!("-{n}") };
            path.with_file_name(format!("{stem}.damaged-{stamp}{extra}{ext}"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.with_file_name(format!("{stem}.damaged{ext}")));
    // The companions first: a library file without its WAL is what a reader would see anyway.
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            std::fs::rename(&side, PathBuf::from(format!("{}{suffix}", target.display())))?;
        }
    }
    std::fs::rename(path, &target)?;
    Ok(Some(target))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3).and_then(|d| d.and_hms_opt(21, 5, 9)).unwrap_or_default()
    }

    #[test]
    fn moves_the_file_and_its_companions_aside_without_losing_a_byte() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("library.db");
        std::fs::write(&db, b"garbage").unwrap();
        std::fs::write(dir.path().join("library.db-wal"), b"wal").unwrap();
        let aside = set_aside(&db, now()).unwrap().unwrap();
        assert_eq!(aside.file_name().unwrap(), "library.damaged-2026-12-03-210509.db");
        assert_eq!(std::fs::read(&aside).unwrap(), b"garbage");
        assert_eq!(std::fs::read(format!("{}-wal", aside.display())).unwrap(), b"wal");
        assert!(!db.exists() && !dir.path().join("library.db-wal").exists());
        // A second damaged file in the same second gets its own name.
        std::fs::write(&db, b"again").unwrap();
        let second = set_aside(&db, now()).unwrap().unwrap();
        assert_ne!(second, aside);
        assert_eq!(std::fs::read(&second).unwrap(), b"again");
        assert_eq!(set_aside(&db, now()).unwrap(), None, "nothing left to move");
    }
}
