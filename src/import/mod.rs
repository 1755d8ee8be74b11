//! Reading recipes from outside: files checked for size and encoding, then Cooklang or
//! schema.org JSON-LD parsed into the model, and the recipe's photo found beside it
//! (`photo.rs`). Pure functions over text, except [`read_recipe_file`], [`read_source`] and
//! [`find_photo`] at the edge.

pub mod cook;
mod files;
pub mod jsonld;
mod photo;
mod source;

pub use cook::parse_cook;
pub use files::{collect_files, read_source, Source, SourceFormat};
pub use jsonld::{parse_jsonld, parse_jsonld_with_images};
pub use photo::{find_photo, photo_extension, sniff_image, Photo, PhotoError, MAX_PHOTO_BYTES, PHOTO_EXTENSIONS};
pub use source::{check_size, check_text, read_recipe_file, read_text_file, MAX_FILE_BYTES, MAX_LINE_CHARS};

/// Why a recipe could not be imported. Every variant names the file; most name the line.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum ImportError {
    #[error("{path}: cannot read the file: {message}")]
    Io { path: String, message: String },
    #[error("{path}: the file is {size} bytes; recipe files are limited to {max} bytes")]
    TooLarge { path: String, size: u64, max: u64 },
    #[error("{path}:{line}: this is a binary file (NUL byte), not a recipe")]
    Binary { path: String, line: usize },
    #[error("{path}:{line}: the text is not valid UTF-8 (save the file as UTF-8)")]
    Encoding { path: String, line: usize },
    #[error("{path}:{line}: the line is {len} characters long; the limit is {max}")]
    LineTooLong { path: String, line: usize, len: usize, max: usize },
    #[error("{path}:{line}:{column}: {message}")]
    Syntax { path: String, line: usize, column: usize, message: String },
    #[error("{path}:{line}: {message}")]
    Metadata { path: String, line: usize, message: String },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
    /// A photo given for a recipe ([`crate::store::Store::set_photo`]) is not one. On import a
    /// bad photo is a warning instead: the recipe is saved without it.
    #[error(transparent)]
    Photo(#[from] PhotoError),
}

impl ImportError {
    /// The file the error is about.
    pub fn path(&self) -> &str {
        match self {
            ImportError::Io { path, .. }
            | ImportError::TooLarge { path, .. }
            | ImportError::Binary { path, .. }
            | ImportError::Encoding { path, .. }
            | ImportError::LineTooLong { path, .. }
            | ImportError::Syntax { path, .. }
            | ImportError::Metadata { path, .. }
            | ImportError::Invalid { path, .. } => path,
            ImportError::Photo(e) => e.path(),
        }
    }
}
