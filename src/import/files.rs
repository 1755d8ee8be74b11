//! Sources of recipes: which format a file is in, reading it with its canonical path (its
//! identity), and walking folders. Every error names the file.

use super::{check_size, check_text, read_text_file, ImportError};
use crate::model::Recipe;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The formats recipes come in: Cooklang, and schema.org Recipe in JSON-LD (a saved web page
/// or a JSON document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceFormat {
    Cooklang,
    JsonLd,
}

impl SourceFormat {
    pub const ALL: [SourceFormat; 2] = [SourceFormat::Cooklang, SourceFormat::JsonLd];

    /// The name stored with a recipe and accepted by `--format`.
    pub fn as_str(&self) -> &'static str {
        match self {
            SourceFormat::Cooklang => "cook",
            SourceFormat::JsonLd => "jsonld",
        }
    }

    /// File extensions of the format.
    pub fn extensions(&self) -> &'static [&'static str] {
        match self {
            SourceFormat::Cooklang => &["cook"],
            SourceFormat::JsonLd => &["html", "htm", "json", "jsonld"],
        }
    }

    /// The format of a file, from its extension.
    pub fn of_path(path: &Path) -> Option<SourceFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        SourceFormat::ALL.into_iter().find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// The format of text that came without a name (pasted text, `--format auto`): a JSON
    /// object or array, or an HTML page, is JSON-LD; anything else is Cooklang. An HTML page
    /// without JSON-LD is JSON-LD too, so it is refused as "no Recipe found" instead of being
    /// read as Cooklang steps full of markup.
    pub fn sniff(text: &str) -> SourceFormat {
        if super::jsonld::looks_like_jsonld(text) {
            SourceFormat::JsonLd
        } else {
            SourceFormat::Cooklang
        }
    }

    /// Parses text in this format; `label` names the source in errors.
    pub fn parse(&self, label: &str, text: &str) -> Result<Recipe, ImportError> {
        match self {
            SourceFormat::Cooklang => super::parse_cook(label, text),
            SourceFormat::JsonLd => super::parse_jsonld(label, text),
        }
    }

    /// [`SourceFormat::parse`], and the images the text names for its photo (a saved page's
    /// schema.org `image`; none for Cooklang, whose photo is the file beside it):
    /// see [`super::find_photo`].
    pub fn parse_with_images(&self, label: &str, text: &str) -> Result<(Recipe, Vec<String>), ImportError> {
        match self {
            SourceFormat::Cooklang => super::parse_cook(label, text).map(|r| (r, Vec::new())),
            SourceFormat::JsonLd => super::jsonld::parse_jsonld_with_images(label, text),
        }
    }

    /// Checks text read from a file before parsing: Cooklang has a line-length limit; pages
    /// and JSON are often one long line, and have only the size limit.
    fn check(&self, label: &str, text: &str) -> Result<(), ImportError> {
        match self {
            SourceFormat::Cooklang => check_text(label, text),
            SourceFormat::JsonLd => check_size(label, text),
        }
    }
}

impl FromStr for SourceFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "cook" | "cooklang" => Ok(SourceFormat::Cooklang),
            "jsonld" | "json-ld" | "schema" => Ok(SourceFormat::JsonLd),
            other => {
                let names: Vec<&str> = SourceFormat::ALL.iter().map(|f| f.as_str()).collect();
                Err(format!("unknown recipe format {other:?} (expected one of: {})", names.join(", ")))
            }
        }
    }
}

/// A recipe's text with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub format: SourceFormat,
    /// Names the source in messages (the path as the cook gave it).
    pub label: String,
    pub text: String,
    /// The canonical path of the file, its identity: `x.cook`, `./x.cook` and `/abs/x.cook`
    /// are one file. `None` for text that came from no file.
    pub path: Option<PathBuf>,
}

/// Reads a recipe file (size, binary and encoding checked) with its canonical path. `format`
/// overrides the extension; a file whose extension names no format is sniffed.
pub fn read_source(path: &Path, format: Option<SourceFormat>) -> Result<Source, ImportError> {
    let label = path.display().to_string();
    let text = read_text_file(path)?;
    let format = format.or_else(|| SourceFormat::of_path(path)).unwrap_or_else(|| SourceFormat::sniff(&text));
    format.check(&label, &text)?;
    let canonical = std::fs::canonicalize(path).map_err(|e| ImportError::Io { path: label.clone(), message: e.to_string() })?;
    Ok(Source { format, label, text, path: Some(canonical) })
}

/// The files to import for `paths`: files named directly, plus the recipe files found
/// (recursively, sorted, hidden folders skipped) in named folders. Unreadable paths are errors.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<ImportError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut errors);
        } else {
            files.push(p.clone());
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<ImportError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ImportError::Io { path: dir.display().to_string(), message: e.to_string() });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, errors);
        } else if SourceFormat::of_path(&p).is_some() {
            files.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_walked_and_paths_made_canonical() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/.git")).unwrap();
        std::fs::write(dir.path().join("a/x.cook"), "Boil @water{1%l}.\n").unwrap();
        std::fs::write(dir.path().join("a/.git/y.cook"), "Boil @water{1%l}.\n").unwrap();
        std::fs::write(dir.path().join("a/notes.txt"), "hi").unwrap();
        let (files, errors) = collect_files(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(files, vec![dir.path().join("a/x.cook")]);
        let a = read_source(&dir.path().join("a/x.cook"), None).unwrap();
        let b = read_source(&dir.path().join("a/../a/./x.cook"), None).unwrap();
        assert_eq!(a.path, b.path);
        assert_ne!(a.label, b.label);
        assert_eq!("Cooklang".parse::<SourceFormat>(), Ok(SourceFormat::Cooklang));
        for name in ["jsonld", "JSON-LD", "schema"] {
            assert_eq!(name.parse::<SourceFormat>(), Ok(SourceFormat::JsonLd));
        }
        assert_eq!("yaml".parse::<SourceFormat>(), Err("unknown recipe format \"yaml\" (expected one of: cook, jsonld)".into()));
        for f in SourceFormat::ALL {
            assert_eq!(f.as_str().parse::<SourceFormat>(), Ok(f), "the stored name reads back");
        }
    }

    #[test]
    fn pages_and_json_are_collected_and_long_lines_allowed_there() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.html", "b.HTM", "c.json", "d.jsonld", "e.cook", "f.txt", "g.js"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let (files, _) = collect_files(&[dir.path().to_path_buf()]);
        let names: Vec<_> = files.iter().map(|f| f.file_name().unwrap().to_str().unwrap()).collect();
        assert_eq!(names, vec!["a.html", "b.HTM", "c.json", "d.jsonld", "e.cook"]);
        let long = format!(
            "{{\"@type\":\"Recipe\",\"name\":\"Long\",\"recipeIngredient\":[\"1 egg\"],\"description\":\"{}\"}}",
            "y".repeat(20_000)
        );
        std::fs::write(dir.path().join("long.json"), &long).unwrap();
        std::fs::write(dir.path().join("long.cook"), &long).unwrap();
        let s = read_source(&dir.path().join("long.json"), None).unwrap();
        assert_eq!(s.format, SourceFormat::JsonLd);
        assert_eq!(s.format.parse(&s.label, &s.text).unwrap().title, "Long");
        assert!(read_source(&dir.path().join("long.cook"), None).is_err(), "Cooklang keeps its line limit");
    }

    #[test]
    fn sniffing_pasted_text() {
        assert_eq!(SourceFormat::sniff("{\"@type\": \"Recipe\"}"), SourceFormat::JsonLd);
        assert_eq!(SourceFormat::sniff("\n  [1, 2]"), SourceFormat::JsonLd);
        assert_eq!(SourceFormat::sniff("<!doctype html><title>x</title>"), SourceFormat::JsonLd);
        assert_eq!(SourceFormat::sniff("---\ntitle: x\n---\nBoil @water{1%l}.\n"), SourceFormat::Cooklang);
        assert_eq!(SourceFormat::sniff(""), SourceFormat::Cooklang);
    }
}
