//! The file boundary: size, binary and encoding checks before any parsing.

use super::ImportError;
use std::io::Read;
use std::path::Path;

/// Largest recipe file accepted (5 MB): real recipes are a few KB; larger is a mistake or an attack.
pub const MAX_FILE_BYTES: u64 = 5 * 1024 * 1024;
/// Longest line accepted in line-oriented formats (Cooklang), in characters. Saved pages and
/// JSON documents are often one long line, so JSON-LD only has the size limit.
pub const MAX_LINE_CHARS: usize = 10_000;

/// Reads a recipe file as text, refusing huge, binary and non-UTF-8 files and over-long lines
/// with the file named.
pub fn read_recipe_file(path: &Path) -> Result<String, ImportError> {
    let text = read_text_file(path)?;
    check_text(&path.display().to_string(), &text)?;
    Ok(text)
}

/// Reads a file as text, refusing huge, binary and non-UTF-8 files with the file named; line
/// lengths are left to the format ([`check_text`], [`check_size`]).
pub fn read_text_file(path: &Path) -> Result<String, ImportError> {
    let label = path.display().to_string();
    let io = |e: std::io::Error| ImportError::Io { path: label.clone(), message: e.to_string() };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { path: label, size, max: MAX_FILE_BYTES });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read at most one byte past the limit, in case the file grew after the size check.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { path: label, size: bytes.len() as u64, max: MAX_FILE_BYTES });
    }
    check_bytes(&label, bytes)
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())].iter().filter(|b| **b == b'\n').count() + 1
}

fn check_bytes(label: &str, bytes: Vec<u8>) -> Result<String, ImportError> {
    if let Some(i) = bytes.iter().position(|b| *b == 0) {
        return Err(ImportError::Binary { path: label.to_string(), line: line_of(&bytes, i) });
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        ImportError::Encoding { path: label.to_string(), line: line_of(e.as_bytes(), at) }
    })
}

/// Checks the size of text that is already in memory.
pub fn check_size(label: &str, text: &str) -> Result<(), ImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { path: label.into(), size: text.len() as u64, max: MAX_FILE_BYTES });
    }
    Ok(())
}

/// Checks text that is already in memory (line lengths, size).
pub fn check_text(label: &str, text: &str) -> Result<(), ImportError> {
    check_size(label, text)?;
    for (i, line) in text.lines().enumerate() {
        // Byte length bounds char count from above: only count chars for long lines.
        if line.len() > MAX_LINE_CHARS {
            let len = line.chars().count();
            if len > MAX_LINE_CHARS {
                return Err(ImportError::LineTooLong { path: label.into(), line: i + 1, len, max: MAX_LINE_CHARS });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    #[test]
    fn refuses_bad_files_with_their_name() {
        let dir = tempfile::tempdir().unwrap();
        let bin = write(&dir, "bin.cook", b"title\n\x00\x01\x02");
        let e = read_recipe_file(&bin).unwrap_err();
        assert!(matches!(e, ImportError::Binary { line: 2, .. }), "{e}");
        assert!(e.to_string().contains("bin.cook:2"));

        let latin1 = write(&dir, "latin.cook", b"a\nb\ncaf\xe9\n");
        let e = read_recipe_file(&latin1).unwrap_err();
        assert!(matches!(e, ImportError::Encoding { line: 3, .. }), "{e}");

        let long = write(&dir, "long.cook", format!("ok\n{}\n", "x".repeat(100_000)).as_bytes());
        let e = read_recipe_file(&long).unwrap_err();
        assert!(e.to_string().contains("long.cook:2: the line is 100000 characters long"), "{e}");

        let huge = write(&dir, "huge.cook", &vec![b'a'; (MAX_FILE_BYTES + 1) as usize]);
        assert!(matches!(read_recipe_file(&huge).unwrap_err(), ImportError::TooLarge { .. }));

        let missing = dir.path().join("nope.cook");
        assert!(read_recipe_file(&missing).unwrap_err().to_string().contains("nope.cook: cannot read"));
    }
}
