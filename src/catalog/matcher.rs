//! Matching an ingredient name to a catalog food: longest phrase wins, ties go to the rightmost
//! (English puts the head noun last: "chicken stock" is stock), qualifiers adjust triggers.

use super::normalize::tokens_into;
use super::{Catalog, FoodIdx};
use crate::diet::TriggerSet;
use crate::ingredients::{parse_line, IngredientLine};
use serde::Serialize;

/// How the matched phrase relates to the food.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(export)]
pub enum MatchKind {
    Name,
    Alias,
    Plural,
}

/// One food of a line that names several: an alternative ("butter or ghee", "(or shoyu)") or a
/// list item ("salt & pepper", "1 tsp each cumin and coriander").
#[derive(Debug, Clone, PartialEq)]
pub struct MatchPart {
    pub food: Option<FoodIdx>,
    /// The words as written.
    pub text: String,
    /// Triggers of this part after qualifiers.
    pub triggers: TriggerSet,
    /// True for an "or" alternative other than the first; false for the main food and for
    /// "and" list items.
    pub alternative: bool,
    /// The part's name has words beyond the matched phrase that name the product ("celery soup").
    pub partial: bool,
}

/// The result of matching one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LineMatch {
    /// The primary food: the first alternative or item that matched. `None` when the line is
    /// unknown, which includes a line where any alternative or item matched nothing.
    pub food: Option<FoodIdx>,
    /// The normalized words that matched (of the primary food).
    pub phrase: Option<String>,
    pub kind: Option<MatchKind>,
    /// Triggers after qualifiers ("gluten-free") are applied: the union over every alternative
    /// and list item that matched.
    pub triggers: TriggerSet,
    /// Indexes of the qualifiers found for the primary food.
    pub qualifiers: Vec<usize>,
    /// Some part matched only a piece of a longer product name ("condensed cream of celery soup").
    pub partial: bool,
    /// Words of alternatives or items that matched nothing.
    pub unknown_parts: Vec<String>,
    /// Every alternative and item, in line order; one element for a simple line.
    pub parts: Vec<MatchPart>,
}

impl LineMatch {
    fn unknown() -> LineMatch {
        LineMatch {
            food: None,
            phrase: None,
            kind: None,
            triggers: TriggerSet::default(),
            qualifiers: Vec::new(),
            partial: false,
            unknown_parts: Vec::new(),
            parts: Vec::new(),
        }
    }
}

/// A single food's match, before the parts of a line are put together.
struct Hit {
    m: LineMatch,
    /// Word count of the matched phrase and of the text matched.
    phrase_words: usize,
    text_words: usize,
}

/// Words after a matched phrase that only describe its shape ("bread cubes", "celery sticks"):
/// they do not make the match partial.
const SHAPE_WORDS: &[&str] = &[
    "cube", "cubes", "chunk", "chunks", "piece", "pieces", "slice", "slices", "strip", "strips", "wedge", "wedges", "half", "halves",
    "leaf", "leaves", "sprig", "sprigs", "floret", "florets", "stick", "sticks", "ring", "rings", "segment", "segments", "round", "rounds",
    "crumb", "crumbs", "shaving", "shavings", "ribbon", "ribbons", "spear", "spears", "each", "only", "bunch", "clove", "cloves", "stalk",
    "stalks", "fillet", "fillets", "to", "taste", "as", "needed", "for", "serving", "garnish", "dusting", "frying", "of", "choice", "your",
    "whole", "ground", "powder", "cup", "cups", "tbsp", "tsp", "g", "ml", "oz", "lb",
];

/// Product nouns before a matched phrase that mean the food is something else ("soup mix
/// onion" is rare; "sauce tomato" rarer): kept tiny on purpose.
const PRODUCT_WORDS: &[&str] = &["soup", "sauce", "dressing", "spread", "cake", "pie", "bar", "mix", "liqueur", "flavoured", "flavored"];

/// Note segments that introduce an alternative: "(or unsalted butter)", "alternatively honey".
const ALT_PREFIXES: &[&str] = &[
    "or use ",
    "or ",
    "alternatively use ",
    "alternatively ",
    "such as ",
    "e.g. ",
    "eg ",
    "e.g ",
    "substitute ",
    "sub ",
    "can use ",
    "can substitute ",
];

/// Words before an item of a note list that only say how much ("a little cream").
const FILLERS: &[&str] = &[
    "a little ",
    "a bit of ",
    "some ",
    "a pinch of ",
    "pinch of ",
    "a dash of ",
    "dash of ",
    "a splash of ",
    "splash of ",
    "a few ",
    "a knob of ",
    "a drizzle of ",
];

/// The state words a note may give for the food itself ("quinoa, cooked").
const COOKED: &[&str] = &["cooked", "boiled", "cooked and cooled", "steamed", "leftover cooked", "precooked", "pre cooked"];

impl Catalog {
    /// Matches a parsed line: the name picks the food, the whole line's qualifiers adjust triggers.
    ///
    /// A name may hold several foods: alternatives ("butter or ghee", "sherry/broth", "plain or
    /// coconut yogurt", where the last alternative's noun is shared) and lists ("oil and butter",
    /// "salt & pepper", "each honey and soy sauce"). A name that one catalog phrase covers across
    /// its "and"/"or" ("half and half", "salt and vinegar crisps") is that one food. The note adds
    /// alternatives ("(or unsalted butter)", "or use shoyu") when they name a catalog food, and
    /// list items when the name is a bare food and a note segment is nothing but foods
    /// ("Pepper, nutmeg and a little cream"). Any alternative or item that matches nothing
    /// makes the line unknown; note alternatives that match nothing ("or more to taste") are
    /// ignored. Triggers are the union of every part.
    ///
    /// The parser moves leading preparation words into the note ("crushed red pepper" → name
    /// "red pepper", note "crushed"). Some of those words name a different food, so they
    /// (`leading_prep`) are put back in front of the name for matching; a match must still use a
    /// word of the name itself.
    pub fn match_line(&self, line: &IngredientLine) -> LineMatch {
        let mut parts: Vec<(Hit, String, bool)> = Vec::with_capacity(1);
        self.name_parts(line, &mut parts);
        if let Some(note) = line.note.as_deref().filter(|n| !n.is_empty()) {
            self.note_parts(note, &mut parts);
        }
        assemble(parts)
    }

    /// The parts of the name itself.
    fn name_parts(&self, line: &IngredientLine, out: &mut Vec<(Hit, String, bool)>) {
        let name = strip_each(&line.name);
        if !has_connector(name) {
            out.push((self.match_single(line, name, true), line.name.clone(), false));
            return;
        }
        let pieces = split_pieces(name);
        if pieces.len() <= 1 {
            out.push((self.match_single(line, name, true), line.name.clone(), false));
            return;
        }
        // One catalog phrase across the connectors ("half and half", "mac & cheese") is one food.
        // A slash always separates alternatives ("butter/ghee" is not the ghee alias "butter ghee").
        let slash = name.split_whitespace().any(is_slash_word);
        let whole = if slash {
            Hit { m: LineMatch::unknown(), phrase_words: 0, text_words: 0 }
        } else if name.contains('&') {
            self.match_single(line, &name.replace('&', " and "), true)
        } else {
            self.match_single(line, name, true)
        };
        if let Some(phrase) = whole.m.phrase.as_deref() {
            let within = |text: &str| {
                let t = crate::catalog::normalize::normalize(text);
                format!(" {t} ").contains(&format!(" {phrase} "))
            };
            let prefix = line.leading_prep.as_deref().unwrap_or("");
            let crosses = !pieces
                .iter()
                .enumerate()
                .any(|(i, (p, _))| within(p) || (i == 0 && !prefix.is_empty() && within(&format!("{prefix} {p}"))));
            if crosses {
                out.push((whole, line.name.clone(), false));
                return;
            }
        }
        let last_words: Vec<&str> = pieces.last().map(|(p, _)| p.split(' ').collect()).unwrap_or_default();
        let n = pieces.len();
        for (i, (piece, alt)) in pieces.iter().enumerate() {
            let mut hit = self.match_single(line, piece, i == 0);
            // "plain or coconut yogurt", "red and green peppers": the last piece's noun is shared.
            if i + 1 < n && last_words.len() >= 2 {
                let own = normalized_words(piece);
                // The longest phrase wins ("black and white sesame seeds" share "sesame seeds");
                // on a tie the shortest shared noun ("white or whole wheat flour" → "white flour").
                let mut best: Option<Hit> = None;
                for k in 1..last_words.len() {
                    let suffix = last_words[last_words.len() - k..].join(" ");
                    let c = self.match_single(line, &format!("{piece} {suffix}"), i == 0);
                    let Some(p) = c.m.phrase.as_deref() else { continue };
                    let uses_own = p.split(' ').any(|w| own.iter().any(|o| o == w));
                    // A piece that is a whole food keeps it when sharing the noun only reaches
                    // an alias of another food of the same kind: "butter or coconut oil" is
                    // butter, not "butter oil" (ghee). "Lemon and lime juice" still shares
                    // (lemon juice is named for the lemon), as does "chicken or vegetable
                    // stock" (chicken is meat, chicken stock is not).
                    let alias_of_same_kind = |a: Option<FoodIdx>, b: Option<FoodIdx>| {
                        a.zip(b).is_some_and(|(a, b)| {
                            self.food(a).category == self.food(b).category && !self.food(b).name.to_lowercase().starts_with(&own.join(" "))
                        })
                    };
                    let whole_own = hit.m.food.is_some() && hit.phrase_words >= own.len();
                    let better = match hit.m.phrase.as_deref() {
                        None => true,
                        Some(_) if whole_own && alias_of_same_kind(hit.m.food, c.m.food) => false,
                        Some(hp) => uses_own && c.phrase_words > hp.split(' ').count(),
                    };
                    if better && best.as_ref().is_none_or(|b| c.phrase_words > b.phrase_words) {
                        best = Some(c);
                    }
                }
                if let Some(mut b) = best {
                    b.m.partial = false;
                    hit = b;
                }
            }
            out.push((hit, piece.clone(), *alt));
        }
    }

    /// Alternatives and list continuations in the note.
    fn note_parts(&self, note: &str, out: &mut Vec<(Hit, String, bool)>) {
        if !note.bytes().any(|b| b.is_ascii_alphabetic()) {
            return;
        }
        // List continuation needs a bare food as the name: one part, all words matched.
        let bare = out.len() == 1 && out[0].0.m.food.is_some() && out[0].0.phrase_words >= out[0].0.text_words;
        for seg in note.split([',', ';', '(', ')']) {
            let seg = seg.trim();
            if seg.len() < 2 {
                continue;
            }
            let alt_rest = ALT_PREFIXES.iter().find_map(|p| {
                let n = p.len();
                (seg.len() > n && seg.is_char_boundary(n) && seg[..n].eq_ignore_ascii_case(p)).then(|| &seg[n..])
            });
            if let Some(rest) = alt_rest {
                // "or 2 tbsp unsalted butter", "or more to taste", "or 1 tsp dried",
                // "or coconut oil for dairy-free" (the purpose is not part of the food)
                let rest = [" for ", " if ", " to "].iter().filter_map(|m| rest.find(m)).min().map_or(rest, |i| &rest[..i]);
                let alt = parse_line(rest);
                if alt.name.is_empty() {
                    continue;
                }
                let name = strip_each(&alt.name);
                for (piece, _) in split_pieces(name) {
                    let hit = self.match_single(&alt, &piece, false);
                    if hit.m.food.is_some() {
                        out.push((hit, piece, true));
                    }
                }
            } else if bare && may_be_foods(seg) {
                let lower = seg.to_lowercase();
                let items = split_pieces(&lower);
                let mut found = Vec::with_capacity(items.len());
                for (item, alt) in &items {
                    let mut item = item.as_str();
                    for f in FILLERS {
                        item = item.strip_prefix(f).unwrap_or(item);
                    }
                    let hit = self.match_text_hit(item, 0, "");
                    if hit.m.food.is_none() || hit.phrase_words < hit.text_words {
                        found.clear();
                        break;
                    }
                    found.push((hit, item.to_string(), *alt));
                }
                out.extend(found);
            }
        }
    }

    fn match_single(&self, line: &IngredientLine, name: &str, first: bool) -> Hit {
        let note = line.note.as_deref().unwrap_or("");
        if name.is_empty() {
            return self.match_text_hit(name, 0, note);
        }
        let mut hit = self.match_named(line, name, first, note);
        // "4 whole cloves": the unit word can be part of the food's name.
        if hit.m.food.is_none() {
            if let Some(unit) = line.unit.as_deref().filter(|u| u.chars().all(char::is_alphabetic)) {
                let retry = self.match_text_hit(&format!("{name} {unit}"), 0, note);
                if retry.m.food.is_some() {
                    return retry;
                }
            }
        }
        // "quinoa, cooked": the cooked food, when the catalog has it.
        if let Some(food) = hit.m.food {
            if note.split([',', ';', '(', ')']).any(|s| COOKED.iter().any(|c| s.trim().eq_ignore_ascii_case(c))) {
                let key = format!("cooked {}", self.food(food).name);
                if let Some(&(idx, kind)) = self.phrases.get(key.as_str()) {
                    hit.m.triggers = self.qualified(self.food_triggers(idx), &hit.m.qualifiers);
                    hit.m.food = Some(idx);
                    hit.m.kind = Some(kind);
                    hit.m.phrase = Some(key);
                }
            }
        }
        hit
    }

    fn match_named(&self, line: &IngredientLine, name: &str, first: bool, note: &str) -> Hit {
        // "1 can tomatoes" means canned tomatoes, a different food from fresh ones.
        if line.unit.as_deref().and_then(|u| crate::units::Units::get().by_symbol(u)).is_some_and(crate::units::Unit::container) {
            let h = self.match_text_hit(&format!("canned {name}"), 0, note);
            if h.m.phrase.as_deref().is_some_and(|p| p.starts_with("canned ")) {
                return h;
            }
        }
        // "juice of 1 lemon" (name "lemon", note "juice") is lemon juice, if the catalog has it.
        let first_note = note.split(',').next().unwrap_or("").trim();
        if first_note == "juice" || first_note == "zest" {
            let base = self.match_text_hit(name, 0, note);
            if let Some(food) = base.m.food {
                let part = format!("{} {first_note}", self.food(food).name);
                if let Some(&(idx, kind)) = self.phrases.get(part.as_str()) {
                    let mut hit = base;
                    hit.m.triggers = self.qualified(self.food_triggers(idx), &hit.m.qualifiers);
                    hit.m.food = Some(idx);
                    hit.m.kind = Some(kind);
                    hit.m.phrase = Some(part);
                    return hit;
                }
            }
        }
        match line.leading_prep.as_deref().filter(|p| first && !p.is_empty()) {
            Some(prefix) => {
                let combined = format!("{prefix} {name}");
                let skip = prefix.split(' ').filter(|w| !w.is_empty()).count();
                self.match_text_hit(&combined, skip, note)
            }
            None => self.match_text_hit(name, 0, note),
        }
    }

    /// Matches `name`; qualifiers are looked for in `name` and in `extra` (the note).
    pub fn match_text(&self, name: &str, extra: &str) -> LineMatch {
        let text = name.trim().to_string();
        assemble(vec![(self.match_text_hit(name, 0, extra), text, false)])
    }

    /// The matcher: the chosen phrase must end after the first `skip` words (the re-added prefix).
    fn match_text_hit(&self, name: &str, skip: usize, extra: &str) -> Hit {
        let mut buf = String::with_capacity(name.len() + 8);
        let mut toks = Vec::with_capacity(8);
        tokens_into(name, &mut buf, &mut toks);
        let words: Vec<&str> = toks.iter().map(|&(s, e)| &buf[s..e]).collect();
        let text_words = words.len().saturating_sub(skip);

        // Words in `buf` are separated by single spaces, so a span of words is a slice of it:
        // phrases are looked up without building keys.
        let mut best = None;
        let max_len = self.longest_phrase.min(words.len());
        'outer: for len in (1..=max_len).rev() {
            for start in (0..=words.len() - len).rev() {
                if start + len <= skip {
                    continue;
                }
                let phrase = &buf[toks[start].0..toks[start + len - 1].1];
                if let Some(&(idx, kind)) = self.phrases.get(phrase) {
                    best = Some((idx, kind, phrase, start, start + len));
                    break 'outer;
                }
            }
        }
        let Some((idx, kind, phrase, bstart, bend)) = best else {
            return Hit { m: LineMatch::unknown(), phrase_words: 0, text_words };
        };
        // "condensed cream of celery soup" → celery: words after the phrase (English puts the head
        // noun last) or a product noun before it mean the food is only part of the product.
        let partial = words[bend..].iter().any(|w| !SHAPE_WORDS.contains(w) && !w.bytes().all(|b| b.is_ascii_digit()))
            || words[skip.min(bstart)..bstart].iter().any(|w| PRODUCT_WORDS.contains(w));

        // Qualifiers count only where they describe the matched food: right before it or inside
        // its name ("gluten-free rolled oats", "gluten free flour"), or as a note that says nothing
        // else ("oats (certified gluten-free)"). "soy sauce (or gluten-free tamari)" keeps its
        // gluten. Most lines have no qualifier word at all, so a cheap check skips the scan.
        let mut found = Vec::new();
        let note_has_qualifier = extra.split(|c: char| !c.is_alphanumeric()).any(|w| self.qualifier_words.contains(&w.to_lowercase()));
        if note_has_qualifier || words.iter().any(|w| self.qualifier_words.contains(*w)) {
            let segments: Vec<Vec<String>> = extra
                .split([',', ';', '(', ')'])
                .map(|seg| {
                    crate::catalog::normalize::normalize(seg).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect::<Vec<_>>()
                })
                .filter(|seg| !seg.is_empty() && seg.iter().all(|w| w == "certified" || self.qualifier_words.contains(w)))
                .collect();
            for (qi, (qwords, _)) in self.qualifiers.iter().enumerate() {
                let n = qwords.len();
                let in_name = (0..(words.len() + 1).saturating_sub(n))
                    .any(|p| words[p..p + n] == qwords[..] && (p + n == bstart || (p >= bstart && p + n <= bend)));
                let in_note = segments.iter().any(|seg| seg.windows(n).any(|w| w == &qwords[..]));
                if in_name || in_note {
                    found.push(qi);
                }
            }
        }
        let m = LineMatch {
            food: Some(idx),
            phrase: Some(phrase.to_string()),
            kind: Some(kind),
            triggers: self.qualified(self.food_triggers(idx), &found),
            qualifiers: found,
            partial,
            unknown_parts: Vec::new(),
            parts: Vec::new(),
        };
        Hit { m, phrase_words: bend - bstart, text_words }
    }

    /// A food's triggers as changed by the qualifiers found in its line.
    fn qualified(&self, mut triggers: TriggerSet, found: &[usize]) -> TriggerSet {
        for &qi in found {
            let q = &self.qualifiers[qi].1;
            q.removes.iter().for_each(|t| triggers.remove(*t));
            q.adds.iter().for_each(|t| triggers.insert(*t));
        }
        triggers
    }

    pub(super) fn qualifier(&self, i: usize) -> &super::Qualifier {
        &self.qualifiers[i].1
    }
}

/// Puts the parts of a line together: the primary food is the first part that matched; any part
/// that matched nothing makes the line unknown; triggers are the union.
fn assemble(parts: Vec<(Hit, String, bool)>) -> LineMatch {
    let mut out = LineMatch::unknown();
    out.parts.reserve_exact(parts.len());
    let mut primary: Option<LineMatch> = None;
    for (hit, text, alternative) in parts {
        let m = hit.m;
        if m.food.is_some() {
            out.triggers = out.triggers.union(m.triggers);
        } else {
            out.unknown_parts.push(text.clone());
        }
        out.partial |= m.partial;
        out.parts.push(MatchPart { food: m.food, text, triggers: m.triggers, alternative, partial: m.partial });
        if primary.is_none() && m.food.is_some() {
            primary = Some(m);
        }
    }
    if let Some(m) = primary.filter(|_| out.unknown_parts.is_empty()) {
        out.food = m.food;
        out.phrase = m.phrase;
        out.kind = m.kind;
        out.qualifiers = m.qualifiers;
    }
    out
}

/// Whether a name may hold several foods: "or", "and", "and/or", "&", a comma or a slash between words.
fn has_connector(name: &str) -> bool {
    if name.contains(['&', ',']) {
        return true;
    }
    if !name.contains(['/', ' ']) {
        return false;
    }
    name.split_whitespace()
        .any(|w| w.eq_ignore_ascii_case("or") || w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("and/or") || is_slash_word(w))
}

/// A note segment that could be a list of foods ("nutmeg and a little cream"), not a preparation
/// ("peeled and cubed", "stems removed", "for frying", "about 2 cups"): a cheap test before matching.
fn may_be_foods(seg: &str) -> bool {
    const NOT_FOOD: &[&str] = &[
        "for",
        "to",
        "taste",
        "about",
        "approx",
        "plus",
        "into",
        "cut",
        "at",
        "room",
        "temperature",
        "optional",
        "inch",
        "cm",
        "mm",
        "thick",
        "thin",
        "large",
        "small",
        "medium",
        "whole",
        "if",
        "needed",
        "see",
        "note",
        "use",
        "such",
        "recipe",
        "above",
        "below",
        "in",
        "on",
        "with",
        "without",
        "from",
        "the",
        "more",
        "less",
        "extra",
        "divided",
        "reserved",
        "ends",
        "stems",
        "pieces",
        "bite",
        "size",
        "sized",
        "lengthwise",
        "any",
        "your",
        "choice",
        "brand",
        "we",
        "i",
        "you",
        "or",
        "each",
        "skin",
        "bones",
        "seeds",
        "removed",
        "cup",
        "cups",
        "tbsp",
        "tsp",
        "g",
        "kg",
        "oz",
        "ml",
        "lb",
        "lbs",
        "can",
        "tin",
        "package",
        "packet",
    ];
    if seg.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    seg.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).all(|w| {
        let l = w.len();
        let ed = l > 4 && w.is_char_boundary(l - 2) && w[l - 2..].eq_ignore_ascii_case("ed") && !w.to_ascii_lowercase().ends_with("seed");
        let ly = l > 3 && w.is_char_boundary(l - 2) && w[l - 2..].eq_ignore_ascii_case("ly");
        !ed && !ly && !NOT_FOOD.iter().any(|n| n.eq_ignore_ascii_case(w))
    })
}

/// "each cumin and coriander", "cumin and coriander each" → the foods.
fn strip_each(name: &str) -> &str {
    let n = name.trim();
    for p in ["each of ", "each: ", "each "] {
        if n.len() > p.len() && n.is_char_boundary(p.len()) && n[..p.len()].eq_ignore_ascii_case(p) {
            return n[p.len()..].trim_start();
        }
    }
    if n.len() > 5 && n.is_char_boundary(n.len() - 5) && n[n.len() - 5..].eq_ignore_ascii_case(" each") {
        return n[..n.len() - 5].trim_end();
    }
    n
}

fn normalized_words(text: &str) -> Vec<String> {
    crate::catalog::normalize::normalize(text).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Splits a name into its foods: "or" and "/" start an alternative (flag true after the first),
/// "and", "and/or", "&" and commas start a list item of the same alternative. A name without any of
/// them is one piece (no allocation beyond the one string).
fn split_pieces(name: &str) -> Vec<(String, bool)> {
    if !has_connector(name) {
        return vec![(name.to_string(), false)];
    }
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut cur = String::new();
    let mut cur_alt = false;
    let mut alt_seen = false;
    let flush = |cur: &mut String, alt: bool, pieces: &mut Vec<(String, bool)>| {
        let t = cur.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').to_string();
        if t.chars().any(char::is_alphanumeric) {
            pieces.push((t, alt));
        }
        cur.clear();
    };
    for w in name.split_whitespace() {
        if w.eq_ignore_ascii_case("or") {
            flush(&mut cur, cur_alt, &mut pieces);
            alt_seen |= !pieces.is_empty();
            cur_alt = alt_seen;
            continue;
        }
        if w.eq_ignore_ascii_case("and") || w == "&" || w.eq_ignore_ascii_case("and/or") {
            flush(&mut cur, cur_alt, &mut pieces);
            continue;
        }
        let (w, comma) = match w.strip_suffix(',') {
            Some(x) => (x, true),
            None => (w, false),
        };
        if is_slash_word(w) {
            for (j, sub) in w.split('/').enumerate() {
                if j > 0 {
                    flush(&mut cur, cur_alt, &mut pieces);
                    alt_seen |= !pieces.is_empty();
                    cur_alt = alt_seen;
                }
                push_word(&mut cur, sub);
            }
        } else if w.contains('&') && w.len() > 1 {
            for (j, sub) in w.split('&').enumerate() {
                if j > 0 {
                    flush(&mut cur, cur_alt, &mut pieces);
                }
                push_word(&mut cur, sub);
            }
        } else {
            push_word(&mut cur, w);
        }
        if comma {
            flush(&mut cur, cur_alt, &mut pieces);
        }
    }
    flush(&mut cur, cur_alt, &mut pieces);
    if pieces.is_empty() {
        pieces.push((name.to_string(), false));
    }
    pieces
}

fn push_word(cur: &mut String, w: &str) {
    if w.is_empty() {
        return;
    }
    if !cur.is_empty() {
        cur.push(' ');
    }
    cur.push_str(w);
}

/// "sherry/broth", "butter/ghee": a slash between letters (not "1/2", not "and/or").
fn is_slash_word(w: &str) -> bool {
    w.contains('/') && !w.eq_ignore_ascii_case("and/or") && w.split('/').all(|p| p.chars().next().is_some_and(char::is_alphabetic))
}
