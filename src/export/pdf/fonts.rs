//! The two faces every PDF uses — DejaVu Sans and DejaVu Sans Bold, shipped in `assets/fonts/`
//! (Bitstream Vera licence, `LICENSE-DejaVu.txt`) — their metrics for layout, text cleaning and
//! line wrapping, and the per-document subsets that get embedded.
//!
//! Subsetting is done here, not by printpdf: printpdf 0.12 subsets only with its `text_layout`
//! feature, which brings its whole HTML/layout engine (azul, ~90 more crates). The subsetter is
//! the one printpdf itself calls there (`allsorts-azul`, already in the build through printpdf),
//! asked for a Unicode `cmap` so the subset parses back into a `printpdf::ParsedFont`.

use super::PdfError;
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetError, SubsetProfile};
use printpdf::ParsedFont;
use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

static REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

/// Shown for a character neither face has (an emoji, most CJK): visible, never silently dropped.
const MISSING: char = '\u{FFFD}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Face {
    Regular,
    Bold,
}

impl Face {
    #[cfg(test)]
    pub(crate) const ALL: [Face; 2] = [Face::Regular, Face::Bold];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Face::Regular => "DejaVuSans",
            Face::Bold => "DejaVuSans-Bold",
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
        }
    }
}

/// One whole face, parsed once per process: its character map and advance widths.
#[derive(Debug)]
struct Metrics {
    font: ParsedFont,
    units_per_em: f32,
}

impl Metrics {
    fn load(face: Face) -> Option<Metrics> {
        let font = ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new())?;
        let units_per_em = f32::from(font.units_per_em.max(1));
        // A face without a Unicode cmap would lay out as nothing at all.
        font.lookup_glyph_index(u32::from('a'))?;
        Some(Metrics { font, units_per_em })
    }

    fn glyph(&self, c: char) -> Option<u16> {
        self.font.lookup_glyph_index(u32::from(c)).filter(|&g| g != 0)
    }

    /// Advance of `c` in em (0 for a character the face lacks; text is cleaned before).
    fn advance(&self, c: char) -> f32 {
        self.glyph(c).and_then(|g| self.font.get_glyph_width(g)).map_or(0.0, |w| f32::from(w) / self.units_per_em)
    }
}

/// Both faces, for measuring and cleaning text.
#[derive(Debug)]
pub(crate) struct Fonts {
    regular: Metrics,
    bold: Metrics,
}

static FONTS: OnceLock<Option<Fonts>> = OnceLock::new();

impl Fonts {
    /// The faces, parsed on first use. Fails only if the bundled files are damaged (a unit test
    /// parses them).
    pub(crate) fn get() -> Result<&'static Fonts, PdfError> {
        let fonts = FONTS.get_or_init(|| Some(Fonts { regular: Metrics::load(Face::Regular)?, bold: Metrics::load(Face::Bold)? }));
        fonts.as_ref().ok_or(PdfError::Font { face: "DejaVu Sans" })
    }

    fn metrics(&self, face: Face) -> &Metrics {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// Whether `face` draws `c` itself.
    pub(crate) fn has(&self, face: Face, c: char) -> bool {
        self.metrics(face).glyph(c).is_some()
    }

    /// Text as the face can draw it: composed (NFC: a decomposed "e" + combining grave would
    /// be drawn as two glyphs with nothing to place the accent), line breaks and tabs as
    /// spaces, other control and invisible format characters dropped, and a character the face
    /// lacks as U+FFFD.
    pub(crate) fn clean(&self, face: Face, text: &str) -> String {
        let m = self.metrics(face);
        text.nfc()
            .filter_map(|c| match c {
                '\t' | '\n' | '\r' => Some(' '),
                c if c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FE00}'..='\u{FE0F}' | '\u{2060}' | '\u{FEFF}') => None,
                c if m.glyph(c).is_some() => Some(c),
                _ => Some(MISSING),
            })
            .collect()
    }

    /// Width in points of cleaned `text` set in `face` at `size` (no kerning: printpdf writes
    /// plain advances, so this is exactly the width drawn).
    pub(crate) fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let m = self.metrics(face);
        text.chars().map(|c| m.advance(c)).sum::<f32>() * size
    }

    /// Cleaned `text` broken into lines no wider than `width` points.
    ///
    /// Hand-rolled greedy breaking at spaces: printpdf's own line layout lives behind its
    /// `text_layout` feature (see the module comment), and every string here is a short
    /// label — a name, a step, a note — in one face and size, where greedy first-fit is what a
    /// typesetter would also do. A word wider than the line on its own is cut between
    /// characters (a URL, "Sauerkraut-Kimchi-Mix" in a narrow cell) so nothing is clipped.
    /// Empty text gives no lines.
    pub(crate) fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let text = self.clean(face, text);
        let space = self.width(face, size, " ");
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_w = 0.0;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let w = self.width(face, size, word);
            if !line.is_empty() && line_w + space + w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w <= width {
                line.push_str(word);
                line_w = w;
                continue;
            }
            // The word alone is too wide: as many characters per line as fit (at least one).
            line_w = 0.0;
            for c in word.chars() {
                let cw = self.width(face, size, c.encode_utf8(&mut [0; 4]));
                if !line.is_empty() && line_w + cw > width {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// The widest word of `text` (what a column must hold without cutting a word).
    pub(crate) fn widest_word(&self, face: Face, size: f32, text: &str) -> f32 {
        self.clean(face, text).split(' ').map(|w| self.width(face, size, w)).fold(0.0, f32::max)
    }

    /// `text` cut to fit `width` on one line, ending in "…" when cut.
    pub(crate) fn truncate(&self, face: Face, size: f32, text: &str, width: f32) -> String {
        let text = self.clean(face, text);
        if self.width(face, size, &text) <= width {
            return text;
        }
        let ellipsis = self.width(face, size, "…");
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cw = self.width(face, size, c.encode_utf8(&mut [0; 4]));
            if w + cw + ellipsis > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.truncate(out.trim_end().len());
        out.push('…');
        out
    }
}

/// `face` reduced to the glyphs of `chars` (plus .notdef and the parts of composite glyphs),
/// with a Unicode cmap, ready for `PdfDocument::add_font`. Its PostScript name carries the
/// six-letter subset tag PDF asks for (ISO 32000-1, 9.6.4), derived from the glyph set.
pub(crate) fn subset_font(face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, PdfError> {
    let fonts = Fonts::get()?;
    let m = fonts.metrics(face);
    // allsorts wants .notdef first and no duplicates; the others keep the font's order.
    let mut glyphs: Vec<u16> = chars.iter().filter_map(|&c| m.glyph(c)).collect();
    glyphs.sort_unstable();
    glyphs.dedup();
    glyphs.insert(0, 0);
    let err = |source: SubsetError| PdfError::Subset { face: face.name(), source };
    let data = ReadScope::new(face.bytes()).read::<FontData<'_>>().map_err(|e| err(e.into()))?;
    let provider = data.table_provider(0).map_err(|e| err(e.into()))?;
    let bytes = subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(err)?;
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or(PdfError::Font { face: face.name() })?;
    font.font_name = Some(format!("{}+{}", subset_tag(&glyphs), face.name()));
    Ok(font)
}

/// Six capital letters from a hash of the glyph set: the same subset always gets the same tag.
fn subset_tag(glyphs: &[u16]) -> String {
    let mut h = rustc_hash::FxHasher::default();
    glyphs.hash(&mut h);
    let mut n = h.finish();
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (n % 26) as u8);
            n /= 26;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_parse_and_draw_the_characters_of_a_shopping_list() {
        let f = Fonts::get().expect("the bundled fonts parse");
        for face in Face::ALL {
            for c in "Crème fraîche – 200 g ½ cup Jalapeño ≥ · … — “ ” ’ ¼ ¾ ⅓ ⅔ ⅛ × °".chars() {
                assert!(f.has(face, c), "{face:?} lacks {c:?} U+{:04X}", u32::from(c));
            }
        }
        // The tick of a plan's fermented day is only in the regular face.
        assert!(f.has(Face::Regular, '✓'));
    }

    #[test]
    fn cleaning_composes_accents_and_marks_what_the_font_lacks() {
        let f = Fonts::get().unwrap();
        assert_eq!(f.clean(Face::Regular, "Cre\u{300}me\tfraîche\u{200B}"), "Crème fraîche");
        assert_eq!(f.clean(Face::Regular, "taco 🌮"), "taco \u{FFFD}");
    }

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_only_words_wider_than_the_line() {
        let f = Fonts::get().unwrap();
        let w = f.width(Face::Regular, 10.0, "rolled oats");
        assert!(w > 40.0 && w < 70.0, "{w}");
        let lines = f.wrap(Face::Regular, 10.0, "extra virgin olive oil, cold pressed", w + 1.0);
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(f.width(Face::Regular, 10.0, l) <= w + 1.0, "{l}");
        }
        assert_eq!(lines.join(" "), "extra virgin olive oil, cold pressed");
        let cut = f.wrap(Face::Regular, 10.0, "Sauerkraut-Kimchi-Mischung", 40.0);
        assert!(cut.len() > 1 && cut.concat() == "Sauerkraut-Kimchi-Mischung", "{cut:?}");
        assert!(f.wrap(Face::Regular, 10.0, "  ", 40.0).is_empty());
        // Never an endless loop or an empty line, even narrower than one character.
        assert_eq!(f.wrap(Face::Regular, 10.0, "ab", 1.0), vec!["a", "b"]);
        let t = f.truncate(Face::Regular, 10.0, "a very long recipe title indeed", 60.0);
        assert!(t.ends_with('…') && f.width(Face::Regular, 10.0, &t) <= 60.0, "{t}");
    }

    #[test]
    fn a_subset_keeps_only_the_glyphs_asked_for_and_maps_them_back() {
        let chars: BTreeSet<char> = "Jalapeño ½".chars().collect();
        let font = subset_font(Face::Regular, &chars).unwrap();
        // A few glyphs and the tables that come with any face (names, hinting): a few % of it.
        assert!(font.original_bytes.len() < REGULAR_TTF.len() / 20, "{} bytes", font.original_bytes.len());
        for c in chars {
            assert!(font.lookup_glyph_index(u32::from(c)).is_some_and(|g| g != 0), "{c:?}");
        }
        assert!(font.lookup_glyph_index(u32::from('z')).is_none());
        let name = font.font_name.unwrap();
        assert!(name.ends_with("+DejaVuSans") && name.len() == 6 + 1 + 10, "{name}");
    }
}
