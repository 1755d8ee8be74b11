//! Recipe photos: an image beside a recipe file with the same stem (Cooklang's convention:
//! `Pancakes.cook` and `Pancakes.jpg`), or a saved page's schema.org `image` — a `data:` URI,
//! or a file in the page's own folder (`Pancakes_files/`, where "Save page, complete" puts
//! it). Nothing is fetched: a remote URL is looked for in that folder by its file name, and
//! otherwise ignored.
//!
//! The type is read from the bytes, never from the name, and only JPEG, PNG, WebP and GIF are
//! photos. A bad photo is a warning for the cook, never a reason to refuse the recipe.

use super::Source;
use base64::Engine;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The largest photo kept (8 MiB): a phone's full-size JPEG fits; larger is a mistake (a RAW
/// file, a video) and would bloat the library and its backups.
pub const MAX_PHOTO_BYTES: u64 = 8 * 1024 * 1024;

/// The extensions of a same-stem photo beside a recipe file, in the order they are tried (each
/// also in capitals: `Pancakes.JPG`).
pub const PHOTO_EXTENSIONS: [&str; 4] = ["jpg", "jpeg", "png", "webp"];

/// A recipe's photo: its bytes and their media type, as read from the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    /// `image/jpeg`, `image/png`, `image/webp` or `image/gif`.
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// Why a photo was not used. Every message names the file (or the page the photo is in).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PhotoError {
    #[error("{path}: cannot read the photo: {message}")]
    Io { path: String, message: String },
    #[error("{path}: the photo is {} MB; photos are limited to {} MB", mb_up(*size), mb_up(*max))]
    TooLarge { path: String, size: u64, max: u64 },
    #[error("{path}: not a JPEG, PNG, WebP or GIF image, so it is not used as the recipe's photo")]
    NotAnImage { path: String },
    #[error("{path}: the page's photo {reference:?} was not found beside the page")]
    Missing { path: String, reference: String },
    #[error("{path}: the page's photo {reference:?} is outside the page's folder, so it is not used")]
    Outside { path: String, reference: String },
    #[error("{path}: the page's photo (a data: URI) cannot be read: {message}")]
    DataUri { path: String, message: String },
}

impl PhotoError {
    /// The file the message is about.
    pub fn path(&self) -> &str {
        match self {
            PhotoError::Io { path, .. }
            | PhotoError::TooLarge { path, .. }
            | PhotoError::NotAnImage { path }
            | PhotoError::Missing { path, .. }
            | PhotoError::Outside { path, .. }
            | PhotoError::DataUri { path, .. } => path,
        }
    }
}

/// Megabytes with one decimal rounded up, for messages ("8.0", "12.3"): a photo a byte over the
/// limit reads "8.1 MB", never "8.0 MB; limited to 8.0 MB".
fn mb_up(bytes: u64) -> String {
    format!("{:.1}", (bytes as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0)
}

/// The media type of an image from its first bytes: JPEG, PNG, WebP or GIF; `None` for
/// anything else.
///
/// Written out rather than taken from a crate: four fixed signatures are a few lines, and the
/// small crates that detect types (`infer`) test fewer bytes than the formats define — the
/// first 3 of PNG's 8-byte signature, WebP's "WEBP" without its RIFF header — and know dozens
/// of types this never wants.
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(PNG) {
        Some("image/png")
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else {
        None
    }
}

/// The file extension for a media type (`jpg` for `image/jpeg`); `None` for a type that is not
/// a photo's.
pub fn photo_extension(mime: &str) -> Option<&'static str> {
    match mime {
        "image/jpeg" => Some("jpg"),
        "image/png" => Some("png"),
        "image/webp" => Some("webp"),
        "image/gif" => Some("gif"),
        _ => None,
    }
}

impl Photo {
    /// A photo from bytes, its type read from them; `label` names the source in errors.
    pub fn from_bytes(label: &str, bytes: Vec<u8>) -> Result<Photo, PhotoError> {
        if bytes.len() as u64 > MAX_PHOTO_BYTES {
            return Err(PhotoError::TooLarge { path: label.to_string(), size: bytes.len() as u64, max: MAX_PHOTO_BYTES });
        }
        let mime = sniff_image(&bytes).ok_or_else(|| PhotoError::NotAnImage { path: label.to_string() })?;
        Ok(Photo { mime: mime.to_string(), bytes })
    }

    /// Reads a photo file (the size checked before reading).
    pub fn read(path: &Path) -> Result<Photo, PhotoError> {
        let label = path.display().to_string();
        let io = |e: std::io::Error| PhotoError::Io { path: label.clone(), message: e.to_string() };
        let file = std::fs::File::open(path).map_err(io)?;
        let size = file.metadata().map_err(io)?.len();
        if size > MAX_PHOTO_BYTES {
            return Err(PhotoError::TooLarge { path: label, size, max: MAX_PHOTO_BYTES });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        // At most one byte past the limit, in case the file grew after the size check.
        file.take(MAX_PHOTO_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
        Photo::from_bytes(&label, bytes)
    }

    /// The photo checked again (its type read from its bytes, its size): for photos that came
    /// from elsewhere than [`Photo::from_bytes`] — the fields are public.
    pub fn checked(self, label: &str) -> Result<Photo, PhotoError> {
        Photo::from_bytes(label, self.bytes)
    }

    /// The file extension for this photo: `jpg`, `png`, `webp` or `gif`.
    pub fn extension(&self) -> &'static str {
        photo_extension(&self.mime).or_else(|| sniff_image(&self.bytes).and_then(photo_extension)).unwrap_or("bin")
    }
}

/// The photo of a recipe read from `source`: the page's `images` (a saved page's schema.org
/// `image`, in order) first, then a same-stem image beside the file ([`PHOTO_EXTENSIONS`]).
/// The first good one is the photo; when there is none, the problems met on the way are
/// returned, each naming its file. Pasted text (no path) can only have a `data:` photo.
pub fn find_photo(source: &Source, images: &[String]) -> (Option<Photo>, Vec<PhotoError>) {
    let mut problems = Vec::new();
    for image in images {
        match page_photo(source, image) {
            Some(Ok(photo)) => return (Some(photo), Vec::new()),
            Some(Err(e)) => problems.push(e),
            None => {}
        }
    }
    if let Some(path) = &source.path {
        let mut tried: Vec<PathBuf> = Vec::new();
        for candidate in same_stem(path) {
            // On a case-insensitive disk `x.jpg` and `x.JPG` are one file: try it once.
            let canonical = std::fs::canonicalize(&candidate).unwrap_or(candidate.clone());
            if tried.contains(&canonical) {
                continue;
            }
            tried.push(canonical);
            match Photo::read(&candidate) {
                Ok(photo) => return (Some(photo), Vec::new()),
                Err(e) => problems.push(e),
            }
        }
    }
    (None, problems)
}

/// The files beside `path` that would be its photo: same stem, a photo extension, existing.
fn same_stem(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (path.parent(), path.file_stem()) else { return Vec::new() };
    let mut found = Vec::new();
    for ext in PHOTO_EXTENSIONS {
        for ext in [ext.to_string(), ext.to_ascii_uppercase()] {
            let mut name = stem.to_os_string();
            name.push(".");
            name.push(&ext);
            let p = dir.join(name);
            if p.is_file() {
                found.push(p);
            }
        }
    }
    found
}

/// A page's `image` value as a photo: `None` when it names nothing this can read offline (a
/// remote URL with no copy in the page's folder, another scheme, a relative path in pasted text).
fn page_photo(source: &Source, image: &str) -> Option<Result<Photo, PhotoError>> {
    let image = image.trim();
    let page = &source.label;
    if let Some(rest) = strip_prefix_ignore_case(image, "data:") {
        return Some(data_uri(page, rest));
    }
    let dir = source.path.as_deref().and_then(Path::parent)?;
    let remote = strip_prefix_ignore_case(image, "http://")
        .or_else(|| strip_prefix_ignore_case(image, "https://"))
        .or_else(|| image.strip_prefix("//"));
    if let Some(rest) = remote {
        // "Save page, complete" keeps the JSON-LD's URL but saves the image in `<stem>_files/`
        // under its file name: look for it there.
        let name = percent_decode(rest.split(['?', '#']).next().unwrap_or_default().rsplit('/').next().unwrap_or_default());
        let stem = source.path.as_deref().and_then(Path::file_stem)?;
        let mut folder = stem.to_os_string();
        folder.push("_files");
        let copy = dir.join(folder).join(String::from_utf8_lossy(&name).as_ref());
        let plain = !name.is_empty() && name != b"." && name != b".." && !name.contains(&b'/') && !name.contains(&b'\\');
        return (plain && copy.is_file()).then(|| Photo::read(&copy));
    }
    if has_scheme(image) {
        return None; // file:, blob:, …: not a photo a saved page carries with it
    }
    let relative = String::from_utf8_lossy(&percent_decode(image.split(['?', '#']).next().unwrap_or_default())).into_owned();
    if relative.is_empty() {
        return None;
    }
    let missing = || PhotoError::Missing { path: page.clone(), reference: relative.clone() };
    let Ok(base) = std::fs::canonicalize(dir) else { return Some(Err(missing())) };
    let Ok(file) = std::fs::canonicalize(dir.join(&relative)) else { return Some(Err(missing())) };
    // A page names its own files; a path out of its folder (`../../x.jpg`, `/home/…`) is not read.
    if !file.starts_with(&base) {
        return Some(Err(PhotoError::Outside { path: page.clone(), reference: relative }));
    }
    if !file.is_file() {
        return Some(Err(missing()));
    }
    Some(Photo::read(&file))
}

/// The bytes of a `data:` URI (after `data:`): base64, or percent-encoded text.
fn data_uri(page: &str, rest: &str) -> Result<Photo, PhotoError> {
    let label = format!("{page} (the page's photo)");
    let bad = |message: &str| PhotoError::DataUri { path: page.to_string(), message: message.to_string() };
    let (header, data) = rest.split_once(',').ok_or_else(|| bad("no comma before the data"))?;
    let bytes = if header.trim_end().to_ascii_lowercase().ends_with(";base64") {
        let clean: String = data.chars().filter(|c| !c.is_ascii_whitespace()).collect();
        let clean = percent_decode(&clean); // some pages escape `+`, `/` and `=`
                                            // Four characters make three bytes: refuse a huge photo before decoding it.
        let size = clean.len() as u64 / 4 * 3;
        if size > MAX_PHOTO_BYTES + 3 {
            return Err(PhotoError::TooLarge { path: label, size, max: MAX_PHOTO_BYTES });
        }
        let engine = base64::engine::GeneralPurpose::new(
            &base64::alphabet::STANDARD,
            base64::engine::GeneralPurposeConfig::new().with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
        );
        engine.decode(&clean).map_err(|e| bad(&format!("invalid base64 ({e})")))?
    } else {
        percent_decode(data)
    };
    Photo::from_bytes(&label, bytes)
}

/// `%XX` escapes decoded (a `%` without two hex digits stays as it is).
fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &s[prefix.len()..])
}

/// Whether a reference starts with a URI scheme (`file:`, `blob:`): letters, digits, `+`, `-`,
/// `.` before a colon, the first a letter. A Windows drive (`C:`) is one letter: a path.
fn has_scheme(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            scheme.len() > 1
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes() {
        assert_eq!(sniff_image(b"\xFF\xD8\xFF\xE0\0\x10JFIF"), Some("image/jpeg"));
        assert_eq!(sniff_image(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some("image/png"));
        assert_eq!(sniff_image(b"RIFF\x24\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff_image(b"GIF89a\x01\0\x01\0"), Some("image/gif"));
        for not in [&b""[..], b"\xFF\xD8", b"\x89PNG\r\n", b"RIFF\0\0\0\0WAVE", b"GIF", b"<svg/>", b"%PDF-1.7", b"hello"] {
            assert_eq!(sniff_image(not), None, "{not:?}");
        }
        assert_eq!(photo_extension("image/jpeg"), Some("jpg"));
        assert_eq!(photo_extension("text/html"), None);
    }

    #[test]
    fn limits_and_messages() {
        let e = Photo::from_bytes("x.jpg", b"<html>".to_vec()).unwrap_err();
        assert_eq!(e.to_string(), "x.jpg: not a JPEG, PNG, WebP or GIF image, so it is not used as the recipe's photo");
        let mut big = vec![0xFF, 0xD8, 0xFF];
        big.resize(MAX_PHOTO_BYTES as usize + 1, 0);
        let e = Photo::from_bytes("big.jpg", big).unwrap_err();
        assert_eq!(e.to_string(), "big.jpg: the photo is 8.1 MB; photos are limited to 8.0 MB");
        assert_eq!(e.path(), "big.jpg");
    }

    #[test]
    fn data_uris_and_escapes() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let b64 = base64::engine::general_purpose::STANDARD.encode(&png);
        let p = data_uri("p.html", &format!("image/png;base64,{b64}")).unwrap();
        assert_eq!((p.mime.as_str(), p.bytes), ("image/png", png.clone()));
        // The declared type does not count; whitespace and missing padding are forgiven.
        let p = data_uri("p.html", &format!("image/jpeg;BASE64, {}", b64.trim_end_matches('='))).unwrap();
        assert_eq!(p.mime, "image/png");
        let p = data_uri("p.html", "image/gif,GIF89a%01%00").unwrap();
        assert_eq!(p.bytes, b"GIF89a\x01\0");
        assert!(matches!(data_uri("p.html", "image/png;base64,!!!!"), Err(PhotoError::DataUri { .. })));
        assert!(matches!(data_uri("p.html", "image/png;base64"), Err(PhotoError::DataUri { .. })));
        assert!(matches!(data_uri("p.html", "text/html,<b>hi</b>"), Err(PhotoError::NotAnImage { .. })));
        assert_eq!(percent_decode("a%20b%2"), b"a b%2");
        assert_eq!(percent_decode("100%"), b"100%");
        assert!(has_scheme("file:///x.jpg") && has_scheme("blob:abc") && !has_scheme("C:\\x.jpg") && !has_scheme("x_files/a.jpg"));
    }
}
