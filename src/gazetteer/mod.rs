//! Gazetteers: the names the extractor knows, and how they are found in text.
//!
//! A [`Gazetteer`] holds [`Entry`]s (countries, demonyms, metonyms, provinces, towns, air
//! bases, armed groups, state forces, officials, news sources), each with the surface forms
//! (patterns) that name it. The built-in data (see `data/README.md`) is embedded in the
//! crate; user files in the same TSV format can be added with [`GazetteerBuilder::add_tsv`].
//!
//! # The file format
//!
//! UTF-8, one entry per line; `#` lines are comments and blank lines are ignored. Seven
//! tab-separated columns (trailing empty ones may be left out):
//!
//! ```text
//! kind  name  country  code  province  aliases  attrs
//! ```
//!
//! `kind` is one of `country demonym metonym province city district air_base armed_group
//! military official source`; `country` is ISO 3166-1 alpha-2; `code` is the alpha-2 of a
//! country or the ISO 3166-2 of a province; `province` is the ISO 3166-2 code a town or air
//! base lies in; `aliases` are `|`-separated; `attrs` are `key=value` pairs separated by `;`.
//! A malformed line is an error naming the file, the line and the reason.
//!
//! # Matching policy
//!
//! - **Case.** A pattern is matched ASCII-case-insensitively ("idlib", "IDLIB", "Idlib"),
//!   except a pattern with no lowercase letter (acronyms: "IS", "SDF", "HTS", "U.S.") or a
//!   pattern written with a leading `=` (`=Hit`, the Iraqi town, so that the verb "hit" never
//!   matches): those match only as written. "IS" the group is thus never "is" the verb.
//!   Non-ASCII letters are not case-folded: write such variants out.
//! - **Stoplist.** Case-insensitive patterns that are common English words ("of", "more",
//!   "police", "deal", "hit") are dropped when the gazetteer is built (the built-in
//!   `data/stoplist.tsv`; [`GazetteerBuilder::stoplist`] turns it off). A case-sensitive
//!   pattern is kept: `=Deal` matches "Deal" but not "deal".
//! - **Proper names.** A case-insensitive pattern written with a capital ("Than", a town in
//!   India; "Mobile") matches only where the text has a capital too, so "more than" is no
//!   town; "IDLIB" and "Deir Ez-Zor" still match "Idlib" and "Deir ez-Zor".
//! - **Typography.** Patterns are folded like article text (curly quotes and apostrophes to
//!   `'`, dashes to `-`, no-break spaces to spaces), so "Qal‘ah" and "Deir ez‑Zor" match
//!   whichever way the text writes them.
//! - **Word boundaries.** A hit counts only where the character before it and the character
//!   after it are not letters or digits (any script). "Iran" does not match inside
//!   "Iranian"; "Syria" matches in "Syria's" and "Syria-Turkey".
//! - **Longest first.** At each position the longest pattern wins ("Deir ez-Zor province"
//!   over "Deir"). When the longest hit fails the boundary check, the next shorter pattern
//!   that starts at the same position is tried, down to the shortest; if none fits, the
//!   search resumes at the next character. Case-sensitive and case-insensitive hits are
//!   merged the same way: leftmost first, then longest; on the same words the
//!   case-sensitive one wins ("SANA" the agency over "Sana" the city).
//! - **Water bodies.** A place name that is part of the name of a sea, gulf, river or lake
//!   is no mention: followed by a water word ("the Dnipro River", "the Euphrates river", but
//!   not "the Odesa sea port"), ending in "Sea", "Gulf", "Ocean" or "Strait" ("the Red Sea",
//!   but "Red Sea governorate" and "Red Sea State" are the provinces), or after "Gulf of",
//!   "Sea of", "Strait of", "Bay of", "Lake" or "River" ("the Gulf of Aden", "the Sea of
//!   Azov", "Lake Chad"). A demonym before a capitalised water word ("the Persian Gulf",
//!   "the Indian Ocean") is dropped too. The words are `sea gulf river strait straits ocean
//!   bay lake lagoon`, in any case.
//!
//! # How names are found
//!
//! The case-sensitive patterns (acronyms, `=forced`) are few and live in an aho-corasick
//! automaton, run anchored only where the text has the first two bytes of one of them (a
//! capital at a word start, mostly); when they all start with a letter or digit (not an
//! ASCII lowercase one), a hit can only be at a word start, and the automaton is tried at
//! the word starts the walk below visits, with no pass of its own. The case-insensitive ones (some 85,000 names) live in a hash table of every
//! key prefix cut at its word ends, hashed as the text is read: at each word start the
//! search hashes the word and probes the table once, and only walks on to the next word
//! while the words so far start some name. A word that starts no name costs one hash of its
//! bytes and one probe, whatever the number of names. The tables are flat arrays of 32-bit
//! words (the prefixes an open-addressing table sized to its keys); the built-in ones are
//! computed ahead of time from `data/*.tsv` and read in place from the binary
//! (`data/builtin_index.*`), so the built-in gazetteer costs no parsing at start.
//! - **One pattern, several entries.** "Aleppo" is a city and a province, "Moscow" a city
//!   and a metonym for Russia's government: a [`Mention`] lists every entry its pattern
//!   names, and the extractor picks by context.

mod build;
mod builtin;
mod index_file;
mod table;
pub(crate) mod tsv;

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, Anchored, Input};

#[cfg(test)]
use crate::hash::name_hash;
use crate::hash::{fnv_step, mix, name_step, ALNUM_LOWER, FNV_OFFSET, NAME_SEED};
use crate::kept;
use crate::span::Span;
use crate::text::is_one_of;
use table::{find_slot, Bloom, Filter, Words, PREFIX_FLAG_BITS};

pub use build::{GazetteerBuilder, Warning, WarningKind, COMMON_WORDS};
pub use builtin::BUILTIN_FILES;

/// What an [`Entry`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EntryKind {
    /// A country by name: "Russia", "Russian Federation".
    Country,
    /// A country's adjective or people: "Russian", "Iranians".
    Demonym,
    /// A seat of government standing for it: "the Kremlin", "Moscow", "the Pentagon".
    Metonym,
    /// A first-level subdivision: province, governorate, oblast, state.
    Province,
    /// A town or city.
    City,
    /// A district or neighbourhood.
    District,
    /// An air base.
    AirBase,
    /// A non-state armed group.
    ArmedGroup,
    /// A state's armed force or a coalition of states.
    Military,
    /// An official: head of state, minister.
    Official,
    /// A news agency or monitor.
    Source,
}

impl EntryKind {
    pub(crate) const ALL: [EntryKind; 11] = [
        EntryKind::Country,
        EntryKind::Demonym,
        EntryKind::Metonym,
        EntryKind::Province,
        EntryKind::City,
        EntryKind::District,
        EntryKind::AirBase,
        EntryKind::ArmedGroup,
        EntryKind::Military,
        EntryKind::Official,
        EntryKind::Source,
    ];
    pub(crate) const ALL_WORDS: [&'static str; 11] = [
        "country",
        "demonym",
        "metonym",
        "province",
        "city",
        "district",
        "air_base",
        "armed_group",
        "military",
        "official",
        "source",
    ];

    /// The word for this kind in gazetteer files.
    pub fn as_str(self) -> &'static str {
        let i = EntryKind::ALL.iter().position(|k| *k == self).unwrap_or(0);
        EntryKind::ALL_WORDS.get(i).copied().unwrap_or("country")
    }

    /// The kind for a word of gazetteer files.
    pub fn from_word(word: &str) -> Option<EntryKind> {
        let i = EntryKind::ALL_WORDS.iter().position(|w| *w == word)?;
        EntryKind::ALL.get(i).copied()
    }

    /// True for kinds that name places.
    pub const fn is_place(self) -> bool {
        matches!(
            self,
            EntryKind::Country
                | EntryKind::Province
                | EntryKind::City
                | EntryKind::District
                | EntryKind::AirBase
        )
    }

    /// Its bit in a set of kinds (every kind has one of a `u32`'s bits).
    pub(crate) const fn bit(self) -> u32 {
        1 << (self as u32 & 31)
    }

    /// The set of the kinds that name places ([`EntryKind::is_place`]), a bit each.
    pub(crate) const PLACE_BITS: u32 = {
        let mut bits = 0;
        let mut i = 0;
        while i < EntryKind::ALL.len() {
            if EntryKind::ALL[i].is_place() {
                bits |= EntryKind::ALL[i].bit();
            }
            i += 1;
        }
        bits
    };
}

// one bit for each kind: the last kind's must fit
const _: () = assert!((EntryKind::Source as u32) < 32);

/// One named thing.
///
/// Its strings live in one buffer shared by every entry of its [`Gazetteer`] (a million
/// entries are a million small records, not several million small allocations); the
/// built-in entries' buffer is embedded in the binary.
#[derive(Clone)]
pub struct Entry {
    /// The shared buffer; `None` where its strings are read in the built-in index's text,
    /// [`builtin::TEXT`]: every entry of the built-in gazetteer, and the built-in entries of
    /// a gazetteer built at run time, whose strings are there byte for byte (`build.rs`,
    /// `Store::finish`).
    text: Option<Arc<String>>,
    at: Slot,
}

/// Where an [`Entry`]'s strings are in the shared buffer, and its fixed-size fields. At
/// `start`: the patterns joined by tabs (`pats` bytes, the first, its name, `name` bytes),
/// the code (`code`), the province (`province`), the attributes column (`attrs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Slot {
    pub(crate) start: u32,
    pub(crate) pats: u16,
    /// The first pattern's length (its leading `=` counted): the name's, found without
    /// looking for the tab after it (output values read an entry's name ~10,000 times over
    /// the profile's articles).
    pub(crate) name: u16,
    pub(crate) attrs: u16,
    pub(crate) code: u8,
    pub(crate) province: u8,
    pub(crate) kind: EntryKind,
    /// ISO 3166-1 alpha-2, or two zero bytes for none.
    pub(crate) country: [u8; 2],
    /// [`NAME_UNMATCHED`], [`REMOVED`].
    pub(crate) flags: u8,
}

impl Slot {
    /// The offset just past its strings in their buffer.
    pub(crate) fn end(&self) -> usize {
        self.start as usize
            + usize::from(self.pats)
            + usize::from(self.code)
            + usize::from(self.province)
            + usize::from(self.attrs)
    }
}

/// [`Slot`] flag: the name is not looked for in text (a common word, refused).
pub(crate) const NAME_UNMATCHED: u8 = 1;
/// [`Slot`] flag: merged into an earlier entry, dropped when the gazetteer is built.
pub(crate) const REMOVED: u8 = 2;

impl Entry {
    /// What it names.
    pub fn kind(&self) -> EntryKind {
        self.at.kind
    }
    /// Canonical name.
    pub fn name(&self) -> &str {
        self.name_in(self.buffer())
    }
    /// Its name in `buffer`, its strings' buffer.
    fn name_in<'b>(&self, buffer: &'b str) -> &'b str {
        tsv::strip_cs(self.part_in(buffer, 0, usize::from(self.at.name)))
    }
    /// ISO 3166-1 alpha-2 of its country.
    pub fn country(&self) -> Option<&str> {
        if self.at.country == [0, 0] {
            return None;
        }
        // an alpha-2 code (most are) from the static table, without a call to `from_utf8`
        alpha2(self.at.country).or_else(|| std::str::from_utf8(&self.at.country).ok())
    }
    /// Its country's code as stored, two bytes (two zero bytes for none): what
    /// [`Entry::country`] reads, to be compared without making a `str` of it.
    #[inline]
    pub(crate) fn country_bytes(&self) -> [u8; 2] {
        self.at.country
    }
    /// Its code: alpha-2 for a country, ISO 3166-2 for a province, an id otherwise.
    pub fn code(&self) -> Option<&str> {
        self.code_in(self.buffer())
    }
    /// Its code in `buffer`, its strings' buffer.
    fn code_in<'b>(&self, buffer: &'b str) -> Option<&'b str> {
        let s = self.part_in(buffer, usize::from(self.at.pats), usize::from(self.at.code));
        (!s.is_empty()).then_some(s)
    }
    /// ISO 3166-2 of the province a town or air base lies in; a province's own code.
    pub fn province(&self) -> Option<&str> {
        self.province_in(self.buffer())
    }
    /// Its province in `buffer`, its strings' buffer.
    fn province_in<'b>(&self, buffer: &'b str) -> Option<&'b str> {
        let s = match self.at.kind {
            EntryKind::Province => return self.code_in(buffer),
            _ => self.part_in(
                buffer,
                usize::from(self.at.pats) + usize::from(self.at.code),
                usize::from(self.at.province),
            ),
        };
        (!s.is_empty()).then_some(s)
    }
    /// The surface forms, the name first (a leading `=` marks a case-sensitive one).
    pub fn patterns(&self) -> Patterns<'_> {
        let pats = self.part(0, usize::from(self.at.pats));
        Patterns {
            rest: Some(pats),
            left: pats.bytes().filter(|b| *b == b'\t').count() + 1,
        }
    }
    /// The value of an attribute (`pop`, `role`, `from`, `to`, `ambiguous`...).
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs()
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| k.trim() == key)
            .map(|(_, v)| v.trim())
    }
    /// The attributes column as written (`pop=23000;role=x`).
    pub(crate) fn attrs(&self) -> &str {
        let at =
            usize::from(self.at.pats) + usize::from(self.at.code) + usize::from(self.at.province);
        self.part(at, usize::from(self.at.attrs))
    }
    /// `len` bytes of its strings from `from`.
    fn part(&self, from: usize, len: usize) -> &str {
        self.part_in(self.buffer(), from, len)
    }
    /// [`Entry::part`] of `buffer`, its strings' buffer.
    fn part_in<'b>(&self, buffer: &'b str, from: usize, len: usize) -> &'b str {
        let start = self.at.start as usize + from;
        buffer.get(start..start + len).unwrap_or("")
    }
    /// The buffer its strings are in.
    fn buffer(&self) -> &str {
        self.text.as_deref().map_or(builtin::TEXT, String::as_str)
    }
    /// Its name for an output value: borrowed from the built-in index, which is embedded
    /// in the binary, so that no mention copies it; copied from a run-time gazetteer.
    pub(crate) fn shared_name(&self) -> Cow<'static, str> {
        self.share(|e, buffer| Some(e.name_in(buffer)))
            .unwrap_or_default()
    }
    /// Its country's code for an output value: never copied.
    pub(crate) fn shared_country(&self) -> Option<Cow<'static, str>> {
        // an alpha-2 code as stored (most are) is found in the table by its bytes at once
        alpha2(self.at.country)
            .map(Cow::Borrowed)
            .or_else(|| self.country().map(share_code))
    }
    /// The strings of its place for an output value, shared as [`Entry::shared_name`]
    /// shares each: its name, its code if `code`, its country, its province if `province`;
    /// the buffer they are in told once for all (a place is built ~5,000 times over the
    /// profile's articles, and each accessor told it again).
    #[inline]
    pub(crate) fn shared_place(&self, code: bool, province: bool) -> SharedPlace {
        let country = self.shared_country();
        match &self.text {
            None => self.place_strings(builtin::TEXT, [code, province], country, Cow::Borrowed),
            Some(t) => self.place_strings(t, [code, province], country, |s: &str| {
                Cow::Owned(s.to_string())
            }),
        }
    }
    /// [`Entry::shared_place`] of `buffer`, its strings' buffer, each string given by `share`.
    #[inline(always)]
    fn place_strings<'b>(
        &self,
        buffer: &'b str,
        [code, province]: [bool; 2],
        country: Option<Cow<'static, str>>,
        share: impl Fn(&'b str) -> Cow<'static, str>,
    ) -> SharedPlace {
        SharedPlace {
            name: share(self.name_in(buffer)),
            code: if code {
                self.code_in(buffer).map(&share)
            } else {
                None
            },
            country,
            province: if province {
                self.province_in(buffer).map(&share)
            } else {
                None
            },
        }
    }
    /// One of its strings, as `pick` reads it in its buffer: borrowed as read in the
    /// built-in index's text, copied from a run-time gazetteer's.
    fn share(
        &self,
        pick: impl for<'b> Fn(&Entry, &'b str) -> Option<&'b str>,
    ) -> Option<Cow<'static, str>> {
        match &self.text {
            None => pick(self, builtin::TEXT).map(Cow::Borrowed),
            Some(t) => pick(self, t).map(|s| Cow::Owned(s.to_string())),
        }
    }
    /// True if its name is looked for in text.
    pub(crate) fn name_matched(&self) -> bool {
        self.at.flags & NAME_UNMATCHED == 0
    }
}

/// The strings of a place's output value ([`Entry::shared_place`]).
pub(crate) struct SharedPlace {
    pub(crate) name: Cow<'static, str>,
    pub(crate) code: Option<Cow<'static, str>>,
    pub(crate) country: Option<Cow<'static, str>>,
    pub(crate) province: Option<Cow<'static, str>>,
}

/// Every pair of ASCII capitals, "AA" to "ZZ", so that a country code in an output value
/// is a `&'static str` ([`share_code`]).
static ALPHA2: [u8; 26 * 26 * 2] = alpha2_table();

const fn alpha2_table() -> [u8; 26 * 26 * 2] {
    let mut t = [0u8; 26 * 26 * 2];
    let mut i = 0;
    while i < 26 * 26 {
        t[2 * i] = b'A' + (i / 26) as u8;
        t[2 * i + 1] = b'A' + (i % 26) as u8;
        i += 1;
    }
    t
}

/// [`ALPHA2`] as text: ASCII, so any two of its bytes from an even offset are a `str`.
static ALPHA2_TEXT: &str = match std::str::from_utf8(&ALPHA2) {
    Ok(t) => t,
    Err(_) => "",
};

/// The alpha-2 code of two ASCII capitals, from [`ALPHA2_TEXT`]; `None` for other bytes.
fn alpha2([a, b]: [u8; 2]) -> Option<&'static str> {
    if !(a.is_ascii_uppercase() && b.is_ascii_uppercase()) {
        return None;
    }
    let i = (usize::from(a - b'A') * 26 + usize::from(b - b'A')) * 2;
    ALPHA2_TEXT.get(i..i + 2)
}

/// A country code (or any string) for an output value: an alpha-2 code is borrowed from a
/// static table, anything else copied.
pub(crate) fn share_code(code: &str) -> Cow<'static, str> {
    let alpha2 = match code.as_bytes() {
        &[a, b] => alpha2([a, b]),
        _ => None,
    };
    alpha2.map_or_else(|| Cow::Owned(code.to_string()), Cow::Borrowed)
}

/// The patterns of an [`Entry`], the name first ([`Entry::patterns`]).
#[derive(Clone, Debug)]
pub struct Patterns<'a> {
    rest: Option<&'a str>,
    left: usize,
}

impl<'a> Iterator for Patterns<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        self.left = self.left.saturating_sub(1);
        match rest.split_once('\t') {
            Some((p, more)) => {
                self.rest = Some(more);
                Some(p)
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Patterns<'_> {}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.at.kind == other.at.kind
            && self.at.country == other.at.country
            && self.at.flags == other.at.flags
            && self.part(0, usize::from(self.at.pats)) == other.part(0, usize::from(other.at.pats))
            && self.code() == other.code()
            && self.province() == other.province()
            && self.attrs() == other.attrs()
    }
}

impl Eq for Entry {}

impl std::fmt::Debug for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entry")
            .field("kind", &self.kind())
            .field("name", &self.name())
            .field("country", &self.country())
            .field("code", &self.code())
            .field("province", &self.province())
            .field("patterns", &self.patterns().collect::<Vec<_>>())
            .field("attrs", &self.attrs())
            .finish()
    }
}

/// Index of an entry in its [`Gazetteer`].
pub type EntryId = u32;

/// A gazetteer hit: a span of text and the entries its pattern names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where.
    pub span: Span,
    named: Named,
}

impl Mention {
    /// The kinds of the entries it names, a bit each ([`EntryKind::bit`]): stored with its
    /// pattern, so that they are known with no read of the entries.
    #[inline]
    pub(crate) fn kinds(&self) -> u32 {
        u32::from(self.named.kinds)
    }
}

/// What a pattern names: its range in `Inner::ids`, the kinds of those entries, a bit each
/// ([`kind_mask`]), and the country a mention of it weighs for ([`weighed_country`]). Read
/// with the range, where they were asked of each entry's record: two dependent reads of
/// tables larger than the cache, at each mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Named {
    ids: (u32, u32),
    kinds: u16,
    /// The country's code as entries store it ([`Entry::country_bytes`]), zeros for none.
    country: [u8; 2],
}

impl Named {
    /// Its kinds and country in one word, as the tables store them: the kinds in the low
    /// half, the country's bytes above.
    fn word(self) -> u32 {
        let [a, b] = self.country;
        u32::from(self.kinds) | u32::from(a) << 16 | u32::from(b) << 24
    }

    /// The entries `ids` with the kinds and country of [`Named::word`] `word`.
    fn of_word(ids: (u32, u32), word: u32) -> Named {
        Named {
            ids,
            kinds: word as u16,
            country: [(word >> 16) as u8, (word >> 24) as u8],
        }
    }

    /// What entries `ids` of `entries`, which are at `range` in `Inner::ids`, are.
    fn of(entries: &[Entry], ids: &[EntryId], range: (u32, u32)) -> Named {
        Named {
            ids: range,
            kinds: kind_mask(entries, ids),
            country: weighed_country(entries, ids),
        }
    }
}

/// The country a mention of entries `ids` of `entries` weighs for in an article
/// ([`Gazetteer::weighed_country`]): the one country of the entries, or of the provinces
/// among them if any is one ("Homs" is a Syrian governorate and a Libyan town: the province
/// speaks); its code as the entries store it, zeros for none (no country, or several).
fn weighed_country(entries: &[Entry], ids: &[EntryId]) -> [u8; 2] {
    let named = || ids.iter().filter_map(|&id| entries.get(id as usize));
    let province = named().any(|e| e.kind() == EntryKind::Province);
    let mut one: Option<(&str, [u8; 2])> = None;
    let weighed = named().filter(|e| !province || e.kind() == EntryKind::Province);
    for e in weighed {
        match (one, e.country()) {
            (_, None) => {}
            (None, Some(c)) => one = Some((c, e.country_bytes())),
            (Some((x, _)), Some(c)) if x == c => {}
            (Some(_), Some(_)) => return [0, 0],
        }
    }
    one.map_or([0, 0], |(_, bytes)| bytes)
}

/// The kinds of the entries `ids` of `entries`, a bit each ([`EntryKind::bit`]; every kind
/// has one of a `u16`'s bits): what [`Named::kinds`] stores.
fn kind_mask(entries: &[Entry], ids: &[EntryId]) -> u16 {
    let bits = ids
        .iter()
        .filter_map(|&id| entries.get(id as usize))
        .fold(0, |bits, e| bits | e.kind().bit());
    // (no bit is lost: checked below, at compile time)
    bits as u16
}

// every kind's bit fits in a `u16` ([`Named::kinds`])
const _: () = assert!((EntryKind::Source as u32) < 16);

struct Automaton {
    ac: AhoCorasick,
    /// For each pattern of `ac`, what it names.
    targets: Vec<Named>,
    /// The bytes some pattern starts with: the search runs the automaton, anchored, only
    /// where the text has them (a capital, mostly, at a word start).
    starts: Starts,
}

/// The first byte and the first two bytes of an [`Automaton`]'s patterns: most capitals at a
/// word start ("The", "Syria") begin no acronym, and two bytes say so where one does not.
pub(crate) struct Starts {
    /// For each byte, true if some pattern starts with it.
    first: [bool; 256],
    /// A bit for each pair of bytes (first times 256 plus second) that starts some pattern;
    /// a one-byte pattern sets the bit of every second byte. Of its fixed size, so that a
    /// test ([`Starts::pair`], at every word the walk visits) has no bounds check.
    pairs: Box<[u64; 256 * 256 / 64]>,
    /// No pattern starts with an ASCII lowercase letter or a space: the search passes
    /// such bytes over eight at a time.
    plain: bool,
    /// Every pattern starts with an ASCII capital or digit or a non-ASCII letter or digit:
    /// a hit is at a word start the name walk visits, and is looked for there.
    word_first: bool,
}

impl Default for Starts {
    fn default() -> Starts {
        Starts {
            first: [false; 256],
            pairs: Box::new([0; 256 * 256 / 64]),
            plain: true,
            word_first: true,
        }
    }
}

impl Starts {
    /// Counts `pattern` in.
    pub(crate) fn add(&mut self, pattern: &[u8]) {
        let Some(&b) = pattern.first() else {
            return;
        };
        self.first[usize::from(b)] = true;
        self.plain &= b != b' ' && !b.is_ascii_lowercase();
        let c = std::str::from_utf8(pattern)
            .ok()
            .and_then(|p| p.chars().next());
        self.word_first &= c.is_some_and(|c| {
            c.is_ascii_uppercase() || c.is_ascii_digit() || (!c.is_ascii() && c.is_alphanumeric())
        });
        let seconds = match pattern.get(1) {
            Some(&c) => c..=c,
            None => 0..=u8::MAX,
        };
        for c in seconds {
            let pair = usize::from(b) << 8 | usize::from(c);
            if let Some(w) = self.pairs.get_mut(pair / 64) {
                *w |= 1 << (pair % 64);
            }
        }
    }

    /// False if no pattern starts with `b` then `next` (the byte after it, if any).
    #[inline]
    fn pair(&self, b: u8, next: Option<u8>) -> bool {
        let Some(c) = next else {
            return self.first[usize::from(b)];
        };
        let pair = usize::from(b) << 8 | usize::from(c);
        self.pairs
            .get(pair / 64)
            .is_some_and(|w| w >> (pair % 64) & 1 == 1)
    }
}

/// The case-insensitive patterns, looked up at word starts: proper names ("Idlib", written
/// with a capital) only where the text has a capital, the others ("the Kremlin",
/// "al-Manamah") at any word start. A hash probe per word costs less than an automaton step
/// per byte, and the build is short.
///
/// Every table is flat ([`Words`]): the built-in index's are read in place from the
/// binary, a user gazetteer's are built to the size they need.
#[derive(Default)]
struct Names {
    /// The keys (compared ASCII-case-insensitively), [`KEY_WORDS`] words each: where the
    /// key is (a start in the entries' shared text, where the pattern is written, or with
    /// [`KEY_FOLDED`] set, in `folded`), its length, where its range of `Inner::ids`
    /// starts (with [`KEY_PROPER`] set when it needs a capital; the range ends where the
    /// next key's starts), and what its entries are ([`Named::word`]: the mention's kinds and
    /// country, read with the key, not from the entries). A last record ends the table, only
    /// to say where the last key's range ends.
    keys: Words,
    /// The entries' shared text; `None` for the built-in one.
    text: Option<Arc<String>>,
    /// The keys that folding changes ("Qal‘ah" is the key "Qal'ah").
    folded: Cow<'static, str>,
    /// Every key cut at each of its word ends ("the", "the white", "the white house"), by
    /// the hash of the lowercased prefix ([`name_hash`](crate::hash::name_hash)), with
    /// what the prefix is: the search at a word start walks word end by word end while the
    /// words so far start some key, so a word that starts none costs one hash and one
    /// probe. An open-addressing
    /// table of `PREFIX_WORDS` words a slot: hash (two words), key and flags.
    prefixes: Words,
    /// A Bloom filter of the first words of the keys (three bits a word, in one 64-bit
    /// block: [`Bloom`]; about ten bits a key in all, a power of two of blocks): it
    /// says "no key starts here" for most words from a table small enough to stay in
    /// cache, where a probe of `prefixes` would miss the cache.
    first_words: Filter,
    /// A Bloom filter of the words that go on from a key's prefix ([`next_bits`]): for each
    /// prefix that a longer key continues, its hash with the signature ([`run_sig`]) of the
    /// run of ASCII letters and digits after the byte that ends it (of "Rif
    /// Dimashq": "Dimashq" after "Rif"). Most words after a capitalised word ("The army",
    /// "He said") go on no key: the walk tells so without hashing and probing them. Made
    /// with the prefixes (about ten bits a prefix, a power of two of 64-bit blocks).
    next_words: Filter,
    /// Keys that `prefixes` does not hold: one whose hash another key already has (a 64-bit
    /// collision: none in the built-in data, but a user file must not lose a name to one),
    /// or one that does not end at a word end as the search cuts text ("Aqta'", "Taiwan *":
    /// all 216 of the built-in data's, which the walk never reaches).
    overflow: HashMap<Box<str>, Target>,
    /// ASCII bytes that are not letters or digits but start a key ("'Ajman"): such keys are
    /// also looked up where the text has that byte.
    lead: u128,
    /// Some key starts with a non-ASCII character that is not a letter or digit.
    lead_other: bool,
    /// Longest key in bytes.
    max_len: usize,
    /// The first words of the keys that need no capital, made from the tables above by
    /// [`Names::finish`].
    lower_starts: RunFilter,
}

/// True if `lead` ([`Names::lead`]) has the ASCII byte `b`, which is no letter or digit.
#[inline]
fn leads(lead: u128, b: u8) -> bool {
    let half = if b < 64 {
        lead as u64
    } else {
        (lead >> 64) as u64
    };
    b < 128 && half >> (b & 63) & 1 == 1
}

/// The bit of [`RunFilter::lower`] (`lower`) for a run of `len` lowercase letters (one or
/// more) that starts with `first` and then `next` (for a run of one byte, any byte).
#[inline(always)]
fn lower_bit(lower: &[u32; 1024], first: u8, next: u8, len: usize) -> bool {
    lower[RunFilter::lower_slot(first, next)] >> len.min(16) & 1 != 0
}

/// The tests that tell the tokens at which no key of a gazetteer starts, made for the
/// tokenizer ([`Gazetteer::name_starts`]): it tells each token as it pushes it, from the
/// bytes it holds already, and the name walk over words ([`Gazetteer::find_in_words`]) is
/// given the others only, some 70 k of 227 k tokens over 300 articles. The walk's own test
/// of each token read its bytes again and sorted every token (a lowercase word, a
/// capitalised one, a mark) in branches that the mixed text mispredicted. A token told
/// here starts no key, nor does any position inside it, where the walk would have found
/// none ([`names_at`] makes nothing of them): a word of lowercase ASCII letters (or of a
/// lowercase letter then other letters and digits) that [`Names::lower_starts`] says
/// starts none, whose bytes inside follow a letter; or an ASCII mark of one byte that no
/// key starts with ([`Names::lead`]).
#[derive(Clone, Copy)]
pub(crate) struct NameStarts<'g> {
    /// [`RunFilter::lower`] of [`Names::lower_starts`].
    lower: &'g [u32; 1024],
    /// [`Names::lead`].
    lead: u128,
}

impl NameStarts<'_> {
    /// True if a key may start at the word of `len` ASCII letters and digits (one to
    /// eight) that open the little-endian word `chunk`, followed by an ASCII byte, told from
    /// its first two bytes with no branch: unless it is two letters or more, the first
    /// lowercase, and [`Names::lower_starts`] says it starts no key (as the walk's test of
    /// such a word, [`RunFilter::may_start_run`], says; a word of one letter is left to the
    /// walk).
    #[inline(always)]
    pub(crate) fn run(&self, chunk: u64, len: usize) -> bool {
        // of the ASCII letters and digits, the lowercase letters have 0x40 and 0x20 set, the
        // capitals 0x40 only
        let lower = chunk & 0x4060 == 0x4060;
        let slot = RunFilter::lower_slot(chunk as u8, (chunk >> 8) as u8);
        // (a shift of the length, which is under 32: no test of it)
        !lower | (self.lower[slot].wrapping_shr(len as u32) & 1 != 0)
    }

    /// [`NameStarts::run`] for the word of `len` bytes (one or more) at `i` of `bytes`, whose
    /// first eight bytes are `chunk` (zero past the end), whatever it holds: one of other
    /// bytes than lowercase ASCII letters ("al-Bab", "U.S", whose parts the walk reads), or
    /// of more than sixteen, may start a key.
    #[inline]
    pub(crate) fn word(&self, chunk: u64, bytes: &[u8], i: usize, len: usize) -> bool {
        let first = lower_run(chunk);
        // the next eight bytes counted only after eight letters, with no branch (zero past
        // the end, as [`chunk_at`] reads them: a word of nine to sixteen letters before a
        // sentence's last bytes is told, where, with no bytes read, it was left to the walk)
        let more = lower_run(chunk_at(bytes, i + 8));
        let n = first + (more & usize::from(first == 8).wrapping_neg());
        (n != len) | lower_bit(self.lower, chunk as u8, (chunk >> 8) as u8, len)
    }

    /// [`NameStarts::word`] for the word of `len` bytes at `i` of `bytes` (a word as the
    /// tokenizer cuts it: ASCII letters and digits, "-", ".", ",", "'" and non-ASCII
    /// characters, and no ASCII letter after it) whose first eight bytes `chunk` are ASCII
    /// letters and digits, told with no count of a run: the tokenizer has found the word's
    /// end already, and `word` counted the lowercase letters of its first sixteen bytes
    /// again (some 32 instructions a word, over 34 k long words; this takes some 20). A
    /// word of eight to sixteen bytes is all lowercase letters if its first eight and its
    /// last eight are (the two cover it), and of the bytes a word holds only the lowercase
    /// letters have 0x60 and not 0x80 of the mask 0xe0 (a digit has 0x20 only, a capital
    /// 0x40, the joining marks 0x20, the bytes of other characters 0x80): then, as in
    /// `word`, the length and the first two letters tell ([`lower_bit`]). `len` is eight or
    /// more for the answer of `word`; under eight, the answer is only some yes or no (the
    /// tokenizer tells a word of fewer than eight letters and digits by other means).
    #[inline(always)]
    pub(crate) fn long_word(&self, chunk: u64, bytes: &[u8], i: usize, len: usize) -> bool {
        const CASE: u64 = ONES * 0xe0;
        const LOWER: u64 = ONES * 0x60;
        // the last eight bytes, inside the word (none for a word of fewer than eight at the
        // start of `bytes`)
        let last = bytes.get(..i + len).and_then(<[u8]>::last_chunk::<8>);
        let last = last.map_or(0, |c| u64::from_le_bytes(*c));
        let lower = ((chunk ^ LOWER) | (last ^ LOWER)) & CASE == 0;
        // with no branch: a word of up to sixteen bytes
        let told = lower & (len <= 16);
        !told | lower_bit(self.lower, chunk as u8, (chunk >> 8) as u8, len)
    }

    /// [`NameStarts::word`], its first bytes read here.
    pub(crate) fn word_at(&self, bytes: &[u8], i: usize, len: usize) -> bool {
        self.word(chunk_at(bytes, i), bytes, i, len)
    }

    /// True if a key may start with the ASCII byte `b`, a token of one byte that is no
    /// letter or digit.
    #[inline]
    pub(crate) fn mark(&self, b: u8) -> bool {
        leads(self.lead, b)
    }
}

/// Runs of ASCII letters and digits that start some keys, by their first two bytes and
/// their length ([`Names::lower_starts`]): some 350 first words of keys that need no
/// capital in the built-in data ("al", "the", "el"). A word written in lowercase starts
/// only such a key, and most ("said", "were") start none: the tokenizer leaves them out of
/// the name walk ([`NameStarts`]), and the byte walk passes them over without hashing them. A yes may be wrong, a no
/// never is. The built-in index stores them made ([`RunFilter::stored`]).
struct RunFilter {
    /// For each first byte's row ([`RUN_ROW`]) and second byte (lowercased; 0 for a
    /// one-byte run), a 16-bit little-endian word: a bit for each length from 1 to 15 and
    /// one for 16 and more. Read in place from the built-in index, or made by
    /// [`Names::finish`]. Empty: not made, every run may start a key.
    lengths: Cow<'static, [u8]>,
    /// The words of `lengths` for runs of lowercase letters, shifted left by one (bit `n`
    /// for a length `n`, 16 for 16 and more), by the low five bits of the first letter and
    /// of the second: the walk's lowercase words are told with no table of rows and no
    /// bounds check ([`RunFilter::may_start_lower`]). The bit of a run of one letter is in
    /// every word of its first letter's row, whatever the second byte (a run of two or more
    /// has no such bit of its own): a run of one is told from the byte after it, with no
    /// select of a second byte. Made from `lengths` ([`RunFilter::made`]).
    lower: Box<[u32; 1024]>,
}

impl Default for RunFilter {
    /// Not made: every run may start a key.
    fn default() -> RunFilter {
        RunFilter {
            lengths: Cow::Borrowed(&[]),
            lower: Box::new([u32::MAX; 1024]),
        }
    }
}

/// The row of a [`RunFilter`]'s table for each first byte of a run: `a`-`z` (either case)
/// 0 to 25, `0`-`9` 26 to 35, any other byte [`RUN_OTHER`].
const RUN_ROW: [u8; 256] = {
    let mut rows = [RUN_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        rows[b] = match c {
            b'a'..=b'z' => c - b'a',
            b'A'..=b'Z' => c - b'A',
            b'0'..=b'9' => c - b'0' + 26,
            _ => RUN_OTHER,
        };
        b += 1;
    }
    rows
};

/// The last row of a [`RunFilter`]'s table, for a run that starts with no ASCII letter or
/// digit: every bit set (no key is counted under it, and such a run may start any).
const RUN_OTHER: u8 = 36;

impl RunFilter {
    /// Size of a made filter's table in bytes: a row for each first byte's row and one for
    /// the others, of 256 words of two bytes.
    const BYTES: usize = (RUN_OTHER as usize + 1) * 256 * 2;

    /// A filter with no runs.
    fn new() -> RunFilter {
        let mut lengths = vec![0; RunFilter::BYTES];
        if let Some(other) = lengths.get_mut(usize::from(RUN_OTHER) * 256 * 2..) {
            other.fill(0xFF);
        }
        RunFilter {
            lengths: Cow::Owned(lengths),
            ..RunFilter::default()
        }
        .made()
    }

    /// The filter whose table is `bytes`, stored made; `None` if they are not the size of
    /// one.
    fn stored(bytes: &'static [u8]) -> Option<RunFilter> {
        (bytes.len() == RunFilter::BYTES).then(|| {
            RunFilter {
                lengths: Cow::Borrowed(bytes),
                ..RunFilter::default()
            }
            .made()
        })
    }

    /// The filter with its table of lowercase runs ([`RunFilter::lower`]) made from its
    /// `lengths`, as they are now.
    fn made(mut self) -> RunFilter {
        let word = |lengths: &[u8], first: u8, second: u8| {
            let slot = RunFilter::slot(first, second);
            lengths
                .get(slot..slot + 2)
                .and_then(|w| <[u8; 2]>::try_from(w).ok())
                .map_or(u16::MAX, u16::from_le_bytes)
        };
        for first in b'a'..=b'z' {
            // a run of one letter: its bit, in each word of the row
            let one = u32::from(word(&self.lengths, first, 0) & RunFilter::bit(1)) << 1;
            // by the low five bits of a second byte: a letter's, or none for the others
            for low in 0..32u8 {
                let second = (1..=26).contains(&low).then(|| b'a' + low - 1);
                let runs = second.map_or(0, |c| u32::from(word(&self.lengths, first, c)) << 1);
                self.lower[RunFilter::lower_slot(first, low)] = runs | one;
            }
        }
        self
    }

    /// The place in [`RunFilter::lower`] of a run whose first byte is `first`, a lowercase
    /// letter, and whose second is `second`, a lowercase letter, or 0 for a run of one.
    #[inline(always)]
    fn lower_slot(first: u8, second: u8) -> usize {
        usize::from(first & 31) << 5 | usize::from(second & 31)
    }

    /// [`RunFilter::may_start_run`] for a run of `len` lowercase letters (one or more)
    /// that starts with `first` and then `next` (for a run of one byte, any byte).
    #[inline(always)]
    fn may_start_lower(&self, first: u8, next: u8, len: usize) -> bool {
        lower_bit(&self.lower, first, next, len)
    }

    /// The byte offset of a run's first two bytes (the second ASCII-lowercased, 0 for
    /// none) in the table.
    #[inline]
    fn slot(first: u8, second: u8) -> usize {
        (usize::from(RUN_ROW[usize::from(first)]) * 256 + usize::from(second)) * 2
    }

    /// The bit of a run of `len` bytes, one or more (none for an empty run, which no
    /// caller asks about).
    #[inline]
    fn bit(len: usize) -> u16 {
        ((1u32 << len.min(16)) >> 1) as u16
    }

    /// Counts in `run`, ASCII letters and digits (an empty one needs no counting: an empty
    /// run of the text is let through, as it may start any key).
    fn add(&mut self, run: &[u8]) {
        let Some(&first) = run.first() else {
            return;
        };
        if RUN_ROW[usize::from(first)] == RUN_OTHER {
            return;
        }
        let second = run.get(1).copied().unwrap_or(0);
        let slot = RunFilter::slot(first, second.to_ascii_lowercase());
        if let Some(w) = self.lengths.to_mut().get_mut(slot..slot + 2) {
            let bits = RunFilter::bit(run.len()).to_le_bytes();
            for (b, new) in w.iter_mut().zip(bits) {
                *b |= new;
            }
        }
    }

    /// False if no key counted in starts with `run`, ASCII letters and digits (an empty
    /// run may start any).
    #[cfg(test)]
    fn may_start(&self, run: &[u8]) -> bool {
        let (Some(&first), second) = (run.first(), run.get(1).copied().unwrap_or(0)) else {
            return true;
        };
        self.may_start_run(first, second, run.len())
    }

    /// False if no key counted in starts with the run of `len` bytes (one or more) that
    /// starts with `first` and then `next`, its second byte or, for a run of one, the byte after it (no
    /// ASCII letter or digit, which the table reads as none).
    #[inline]
    fn may_start_run(&self, first: u8, next: u8, len: usize) -> bool {
        let slot = RunFilter::slot(first, ALNUM_LOWER[usize::from(next)]);
        self.lengths
            .get(slot..slot + 2)
            .and_then(|w| <[u8; 2]>::try_from(w).ok())
            .is_none_or(|w| u16::from_le_bytes(w) & RunFilter::bit(len) != 0)
    }
}

/// The run of ASCII letters and digits of `bytes` from `from`.
fn run_at(bytes: &[u8], from: usize) -> &[u8] {
    let rest = bytes.get(from..).unwrap_or(&[]);
    let len = rest
        .iter()
        .position(|&c| ALNUM_LOWER[usize::from(c)] == 0)
        .unwrap_or(rest.len());
    rest.get(..len).unwrap_or(&[])
}

/// Words per key of [`Names::keys`].
const KEY_WORDS: usize = 4;
/// The bit of a key's last word that says it needs a capital.
const KEY_PROPER: u32 = 1 << 31;

/// The bit of a key's start that says it is in [`Names::folded`].
const KEY_FOLDED: u32 = 1 << 31;

/// What a key prefix is: [`PREFIX_MORE`] and the other flags, and the index in
/// [`Names::keys`] of the key ending there (with [`PREFIX_KEY`]).
#[derive(Clone, Copy, Default)]
struct Prefix {
    flags: u8,
    key: u32,
}

impl Prefix {
    /// The prefix a prefix table slot's last word holds: the key's index above the flags.
    #[inline(always)]
    fn of_word(w: u32) -> Prefix {
        Prefix {
            key: w >> PREFIX_FLAG_BITS,
            flags: (w & ((1 << PREFIX_FLAG_BITS) - 1)) as u8,
        }
    }
}

/// [`Prefix`] flags: a longer key goes on.
const PREFIX_MORE: u8 = 1;
/// A key ends here.
const PREFIX_KEY: u8 = 2;
/// A key ends here that needs no capital.
const PREFIX_LOWER: u8 = 4;
/// A longer key goes on that needs no capital.
const PREFIX_MORE_LOWER: u8 = 8;

/// A key of [`Names`]: what it names, and whether it needs a capital.
#[derive(Clone, Copy)]
struct Target {
    named: Named,
    proper: bool,
}

/// The probe of a first-word hash in [`Names::first_words`] (of `blocks` blocks, a power of
/// two).
#[inline(always)]
fn bloom_bits(h: u64, blocks: usize) -> Bloom {
    Bloom::of(mix(h), blocks)
}

/// The signature of the run of ASCII letters and digits that the little-endian word `x`
/// starts with, for [`Names::next_words`]: its first eight bytes or fewer with bit 5 set
/// (lowercased), zero past the run; `None` for an empty run. A run of one to seven bytes is
/// told apart from any other; a longer one by its first eight.
#[inline(always)]
fn run_sig(x: u64) -> Option<u64> {
    let n = alnum_run(x);
    (n > 0).then(|| (x | (ONES * 0x20)) & (u64::MAX >> (64 - 8 * n)))
}

/// [`run_sig`] of the run of ASCII letters and digits of `bytes` from `from` ([`run_at`]),
/// whatever follows it: the words of a key that go on from its prefixes.
fn run_sig_at(bytes: &[u8], from: usize) -> Option<u64> {
    let mut chunk = [0u8; 8];
    for (c, &b) in chunk.iter_mut().zip(run_at(bytes, from)) {
        *c = b;
    }
    run_sig(u64::from_le_bytes(chunk))
}

/// The probe in [`Names::next_words`] (of `blocks` blocks, a power of two) of the prefix of
/// hash `h` followed by a run of signature `sig`.
#[inline(always)]
fn next_bits(h: u64, sig: u64, blocks: usize) -> Bloom {
    Bloom::of(mix(h ^ sig.wrapping_mul(0x9e37_79b9_7f4a_7c15)), blocks)
}

impl Names {
    /// Key `i` and what it names.
    fn key(&self, i: u32) -> Option<(&str, Target)> {
        let (start, len, target) = self.key_record(i as usize)?;
        Some((self.key_at(start, len)?, target))
    }

    /// The record of key `i`: where it is, its length, what it names.
    fn key_record(&self, i: usize) -> Option<(u32, u32, Target)> {
        // this record's words and the next one's, whose ids start where this one's end
        let [start, len, from, named, .., to] = self
            .keys
            .run::<{ KEY_WORDS + 3 }>(i.checked_mul(KEY_WORDS)?)?;
        let target = Target {
            named: Named::of_word((from & !KEY_PROPER, to & !KEY_PROPER), named),
            proper: from & KEY_PROPER != 0,
        };
        Some((start, len, target))
    }

    /// True if there are no keys, in the table or out of it.
    fn is_empty(&self) -> bool {
        self.key_count() == 0 && self.overflow.is_empty()
    }

    /// Number of keys.
    fn key_count(&self) -> usize {
        (self.keys.len() / KEY_WORDS).saturating_sub(1)
    }

    /// The key at `start` (in `text`, or in `folded` with [`KEY_FOLDED`]) of `len` bytes.
    fn key_at(&self, start: u32, len: u32) -> Option<&str> {
        let (buf, at) = self.key_buffer(start);
        buf.get(at..at.checked_add(len as usize)?)
    }

    /// The bytes of [`Names::key_at`], cut with no test of char boundaries (a key's are):
    /// what the walk compares with the text, at each key it finds, where the tests of
    /// `str::get` were some 8 k mispredicted branches over 300 articles.
    #[inline(always)]
    fn key_bytes(&self, start: u32, len: u32) -> Option<&[u8]> {
        let (buf, at) = self.key_buffer(start);
        buf.as_bytes().get(at..at.checked_add(len as usize)?)
    }

    /// The buffer a key's `start` is in, and its offset there.
    #[inline(always)]
    fn key_buffer(&self, start: u32) -> (&str, usize) {
        if start & KEY_FOLDED != 0 {
            (&self.folded, (start & !KEY_FOLDED) as usize)
        } else {
            let text = self.text.as_deref().map_or(builtin::TEXT, String::as_str);
            (text, start as usize)
        }
    }

    /// What the words of text `w` name: key `index` if it is they (ASCII-case-insensitively),
    /// else the overflow map's key, lowercased in `key` (none for bytes cut inside a
    /// character, which no key equals either). Apart from the walk, which it would slow down
    /// with loads of tables it seldom reads.
    #[inline(never)]
    fn target(&self, w: &[u8], index: u32, key: &mut String) -> Option<Target> {
        let record = self.key_record(index as usize);
        let found = record.and_then(|(start, len, t)| Some((self.key_bytes(start, len)?, t)));
        match found {
            // most texts write a name as its key does: one compare, not one a byte
            Some((k, t)) if k == w || k.eq_ignore_ascii_case(w) => Some(t),
            _ if self.overflow.is_empty() => None,
            _ => {
                key.clear();
                key.push_str(std::str::from_utf8(w).ok()?);
                key.make_ascii_lowercase();
                self.overflow.get(key.as_str()).copied()
            }
        }
    }

    /// True if a key starts with the ASCII byte `b`, which is no letter or digit.
    #[inline]
    fn leads(&self, b: u8) -> bool {
        leads(self.lead, b)
    }

    /// True if no key starts with white space, which the tokenizer passes over (an ASCII
    /// space, tab or line end; [`Names::lead_other`] for the others, and for every mark
    /// that is no ASCII): the walk over its words ([`find_names_in_words`]) then visits
    /// every start the byte walk does in them.
    fn token_walk(&self) -> bool {
        const SPACES: u128 =
            1 << b' ' | 1 << b'\t' | 1 << b'\n' | 1 << 0x0b | 1 << 0x0c | 1 << b'\r';
        !self.lead_other && self.lead & SPACES == 0
    }

    /// The prefix of the first word of hash `h` as a prefix table slot's last word (zero
    /// if no key starts with the word): the first-word filter first, which tells most such
    /// words, then the prefix table.
    fn first_prefix(&self, h: u64) -> u32 {
        if !self.may_start(h) {
            return 0;
        }
        match find_slot(&self.prefixes, h) {
            Some((_, true, w)) => w,
            _ => 0,
        }
    }

    /// The prefix of hash `h`, if some key starts with it.
    #[inline]
    fn prefix(&self, h: u64) -> Option<Prefix> {
        let (_, true, w) = find_slot(&self.prefixes, h)? else {
            return None;
        };
        Some(Prefix::of_word(w))
    }

    /// Makes the tables derived from the others ([`RunFilter`]s), once the others are
    /// complete (the built-in index stores them made).
    fn finish(&mut self) {
        let mut starts = RunFilter::new();
        let keys = (0..self.key_count() as u32)
            .filter_map(|i| self.key(i))
            .filter(|(_, t)| !t.proper);
        let overflow = self.overflow.iter().filter(|(_, t)| !t.proper);
        for k in keys.map(|(k, _)| k).chain(overflow.map(|(k, _)| &**k)) {
            let k = k.as_bytes();
            // a key that starts with punctuation is looked up at that byte, not at a word
            let first = run_at(k, 0);
            starts.add(first);
        }
        self.lower_starts = starts.made();
    }

    /// False if no key goes on from the prefix of hash `h`, which ends at `end` of `bytes`,
    /// to the next word there ([`Names::next_words`]; true may be wrong): told from the
    /// eight bytes after the one at `end`, and true where the text has fewer or no run of
    /// ASCII letters and digits starts there (the next word is then read and probed).
    #[inline(always)]
    fn may_go_on(&self, h: u64, bytes: &[u8], end: usize) -> bool {
        let chunk = eight_at(bytes, end + 1);
        let Some(sig) = chunk.and_then(|c| run_sig(u64::from_le_bytes(c))) else {
            return true;
        };
        self.next_words
            .has(next_bits(h, sig, self.next_words.blocks()))
    }

    /// False if no key starts with the word of first-word hash `h` (true may be wrong).
    fn may_start(&self, h: u64) -> bool {
        self.first_words
            .has(bloom_bits(h, self.first_words.blocks()))
    }
}

/// The first word end after `from`, up to `limit`: a position after a letter, digit or
/// period and before ASCII punctuation, a space, a non-alphanumeric character or the end.
/// Names and text are cut alike, so a name matches where the text has its words.
fn next_word_end(text: &str, from: usize, limit: usize) -> Option<usize> {
    next_word_end_hashed(text, from, limit, NAME_SEED).map(|(end, _)| end)
}

/// [`next_word_end_hashed`], told at once for the most common next word of a walk: one
/// ASCII byte that is no letter or digit (a space), then ASCII letters and digits up to an
/// ASCII byte or the end of the text; any other is read by the full function.
#[inline(always)]
fn next_word_hashed(text: &str, from: usize, limit: usize, h: u64) -> Option<(usize, u64)> {
    // no closure: one the compiler did not inline cost a call a word
    let bytes = text.as_bytes();
    if let Some(&sep) = bytes.get(from) {
        if sep.is_ascii() && ALNUM_LOWER[usize::from(sep)] == 0 {
            let (end, next) = alnum_run_hashed_from(bytes, from + 1, name_step(h, u64::from(sep)));
            if end > from + 1 && end <= limit && bytes.get(end).is_none_or(u8::is_ascii) {
                return Some((end, next));
            }
        }
    }
    next_word_end_hashed(text, from, limit, h)
}

/// [`next_word_end`], and `h` continued over the bytes from `from` to it
/// ([`name_hash`](crate::hash::name_hash)): the walk cuts and hashes the next words of a
/// name in one pass.
#[inline(never)]
fn next_word_end_hashed(text: &str, from: usize, limit: usize, h: u64) -> Option<(usize, u64)> {
    let bytes = text.as_bytes();
    // the byte before `j`, hashed
    let mut before = *bytes.get(from)?;
    let (mut j, mut h) = (from, h);
    // a byte that is no ASCII letter or digit is a unit of its own; a letter or digit
    // starts a run, hashed whole below
    if ALNUM_LOWER[usize::from(before)] == 0 {
        h = name_step(h, u64::from(before));
        j += 1;
    }
    loop {
        // the run of ASCII letters and digits from `j` (a run past `limit` ends no word);
        // `before` is then its last byte, if it has one
        let (end, nh) = alnum_run_hashed_from(bytes, j, h);
        h = nh;
        if let Some(&last) = bytes.get(j..end).and_then(<[u8]>::last) {
            before = last;
        }
        j = end;
        if j > limit {
            return None;
        }
        let after = bytes.get(j).copied();
        if before.is_ascii_alphanumeric() || before == b'.' || before >= 0x80 {
            match after {
                None => return Some((j, h)),
                Some(a) if a.is_ascii() => return Some((j, h)),
                // raw text: "Homs»" ends, "Homsé" does not
                Some(_) => {
                    let alnum = text
                        .get(j..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_alphanumeric);
                    if text.is_char_boundary(j) && !alnum {
                        return Some((j, h));
                    }
                }
            }
        }
        // a byte that is no ASCII letter or digit: a unit of its own
        before = after?;
        h = name_step(h, u64::from(before));
        j += 1;
    }
}

struct Inner {
    entries: Vec<Entry>,
    /// The entries each key or pattern names, in ranges.
    ids: Words,
    automata: Vec<Automaton>,
    /// The case-sensitive patterns of `automata`, one a line (kept for the index file).
    #[cfg_attr(not(test), allow(dead_code))]
    cs_patterns: Cow<'static, str>,
    names_dict: Names,
    patterns: usize,
    /// Countries (by alpha-2) and provinces (by ISO 3166-2): the entries whose names are
    /// canonical, the first entry of each code, by the hash of the code ([`code_slot`]).
    codes: Words,
}

/// A set of named entries and the indexes that find them. Cheap to clone (shared).
#[derive(Clone)]
pub struct Gazetteer {
    inner: Arc<Inner>,
}

/// Which gazetteer a cache kept across texts holds the answers of ([`Gazetteer::id`]),
/// without keeping that gazetteer's tables alive: a weak reference, so that a gazetteer
/// the user drops is freed, and whose allocation, held while the reference lives, no
/// other gazetteer can be given, so that two gazetteers are never taken for one.
#[derive(Clone, Debug, Default)]
pub(crate) struct GazetteerId(std::sync::Weak<Inner>);

impl GazetteerId {
    /// True while the gazetteer (or a clone) lives.
    #[cfg(test)]
    pub(crate) fn alive(&self) -> bool {
        self.0.strong_count() > 0
    }
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("entries", &self.inner.entries.len())
            .field("patterns", &self.inner.patterns)
            .finish()
    }
}

/// Words per slot of the table of codes ([`code_slot`]): the entry id plus one (zero: an
/// empty slot), then [`code_tag`] of its code.
pub(crate) const CODE_WORDS: usize = 2;

/// The hash of a code, for the table of codes ([`code_slot`]).
fn code_hash(code: &str) -> u64 {
    code.bytes().fold(FNV_OFFSET, fnv_step)
}

/// The word stored beside an entry id in the table of codes: the high half of its code's
/// hash (the slot is found from the low bits' mix), so that a slot of another code is told
/// without reading that entry's code.
fn code_tag(h: u64) -> u32 {
    (h >> 32) as u32
}

/// The slot of `code` in a table of codes ([`CODE_WORDS`] a slot), by open addressing: the
/// slot of the entry with that code, or the empty one where it would go.
fn code_slot(codes: &impl IdTable, entries: &[Entry], code: &str) -> Option<usize> {
    let n = codes.slots();
    if n == 0 {
        return None;
    }
    let h = code_hash(code);
    let tag = code_tag(h);
    let mut i = table::home_slot(h, n);
    for _ in 0..n {
        let [id, t] = codes.slot(i)?;
        if id == 0 {
            return Some(i);
        }
        // the slots probed past hold other codes, most of them told by their tag alone
        if t == tag && entries.get(id as usize - 1)?.code() == Some(code) {
            return Some(i);
        }
        i = if i + 1 == n { 0 } else { i + 1 };
    }
    None
}

/// A table of codes ([`code_slot`]): built (a slice) or read ([`Words`]).
trait IdTable {
    fn slots(&self) -> usize;
    /// Slot `i`: the entry id plus one, the tag.
    fn slot(&self, i: usize) -> Option<[u32; CODE_WORDS]>;
}

impl IdTable for Words {
    fn slots(&self) -> usize {
        self.len() / CODE_WORDS
    }
    fn slot(&self, i: usize) -> Option<[u32; CODE_WORDS]> {
        self.run(i.checked_mul(CODE_WORDS)?)
    }
}

impl IdTable for Vec<u32> {
    fn slots(&self) -> usize {
        self.len() / CODE_WORDS
    }
    fn slot(&self, i: usize) -> Option<[u32; CODE_WORDS]> {
        let at = i.checked_mul(CODE_WORDS)?;
        self.get(at..at.checked_add(CODE_WORDS)?)?.try_into().ok()
    }
}

/// True if the pattern is matched only as written.
pub(crate) fn is_case_sensitive(pattern: &str) -> bool {
    pattern.starts_with('=') || !pattern.chars().any(|c| c.is_lowercase())
}

impl Gazetteer {
    /// This gazetteer's identity, shared by its clones ([`GazetteerId`]).
    pub(crate) fn id(&self) -> GazetteerId {
        GazetteerId(Arc::downgrade(&self.inner))
    }

    /// True if `id` is this gazetteer's (or a clone's) [`Gazetteer::id`].
    pub(crate) fn is(&self, id: &GazetteerId) -> bool {
        std::ptr::eq(Arc::as_ptr(&self.inner), id.0.as_ptr())
    }

    /// A builder, with the built-in data on by default.
    pub fn builder() -> GazetteerBuilder {
        GazetteerBuilder::default()
    }

    /// A gazetteer with no entries.
    pub fn empty() -> Gazetteer {
        Gazetteer {
            inner: Arc::new(Inner {
                entries: Vec::new(),
                ids: Words::default(),
                automata: Vec::new(),
                cs_patterns: Cow::Borrowed(""),
                names_dict: Names::default(),
                patterns: 0,
                codes: Words::default(),
            }),
        }
    }

    /// The built-in gazetteer, read on first use from the index embedded in the binary,
    /// and shared.
    pub fn builtin() -> &'static Gazetteer {
        builtin::shared()
    }

    /// All entries.
    pub fn entries(&self) -> &[Entry] {
        &self.inner.entries
    }

    /// The entry with this id.
    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.inner.entries.get(id as usize)
    }

    /// The canonical name of a country (alpha-2) or province (ISO 3166-2) code.
    ///
    /// ```
    /// use conflict_events::gazetteer::Gazetteer;
    /// assert_eq!(Gazetteer::builtin().name_of("SY-HL"), Some("Aleppo"));
    /// assert_eq!(Gazetteer::builtin().name_of("RU"), Some("Russia"));
    /// ```
    pub fn name_of(&self, code: &str) -> Option<&str> {
        self.code_entry(code).map(Entry::name)
    }

    /// [`Gazetteer::name_of`] for an output value ([`Entry::shared_name`]).
    pub(crate) fn shared_name_of(&self, code: &str) -> Option<Cow<'static, str>> {
        self.code_entry(code).map(Entry::shared_name)
    }

    /// The country or province of this code ([`Gazetteer::name_of`]).
    fn code_entry(&self, code: &str) -> Option<&Entry> {
        let codes = &self.inner.codes;
        let slot = code_slot(codes, &self.inner.entries, code)?;
        let [id, _] = codes.slot(slot)?;
        self.inner.entries.get(id.checked_sub(1)? as usize)
    }

    /// Number of distinct patterns (case-insensitive ones once, lowercased).
    pub fn pattern_count(&self) -> usize {
        self.inner.patterns
    }

    /// Every pattern as matched (case-sensitive ones as written, others lowercased), for
    /// building a baseline matcher over the same names.
    pub fn patterns(&self) -> Vec<(String, bool)> {
        let mut out = Vec::with_capacity(self.inner.patterns);
        for e in &self.inner.entries {
            for p in e.patterns().skip(usize::from(!e.name_matched())) {
                out.push((tsv::strip_cs(p).to_string(), is_case_sensitive(p)));
            }
        }
        out
    }

    /// Heap memory of the indexes and entries, in bytes (approximate for entries).
    pub fn memory_usage(&self) -> usize {
        let automata: usize = self
            .inner
            .automata
            .iter()
            .map(|a| a.ac.memory_usage() + a.targets.len() * std::mem::size_of::<Named>())
            .sum();
        // the entries share one buffer of strings: the built-in one in the binary, or the
        // one a gazetteer built at run time made (where its built-in entries may read the
        // binary's, it holds them too)
        let names = &self.inner.names_dict;
        let text = match &names.text {
            Some(t) => t.len(),
            None => self.inner.entries.first().map_or(0, |e| e.buffer().len()),
        };
        let entries = self.inner.entries.len() * std::mem::size_of::<Entry>() + text;
        let dict = names.keys.bytes()
            + names.folded.len()
            + names.prefixes.bytes()
            + names.first_words.bytes()
            + names.next_words.bytes()
            + names.overflow.keys().map(|k| k.len() + 32).sum::<usize>();
        automata + dict + entries + self.inner.ids.bytes() + self.inner.codes.bytes()
    }

    /// The entries a mention names, with their ids.
    pub fn entries_of<'g>(
        &'g self,
        m: &Mention,
    ) -> impl Iterator<Item = (EntryId, &'g Entry)> + 'g {
        let ids = &self.inner.ids;
        let (from, to) = m.named.ids;
        (from as usize..to as usize).filter_map(move |i| {
            let id = ids.get(i)?;
            self.inner.entries.get(id as usize).map(|e| (id, e))
        })
    }

    /// The country mention `m` weighs for in an article: the one country of its entries, or
    /// of its provinces if one is a province ([`weighed_country`]); `None` if they name no
    /// one country. Stored with its name: the entries are read only for a code that is no
    /// alpha-2 (none of the built-in data's), to borrow it from them.
    pub(crate) fn weighed_country(&self, m: &Mention) -> Option<&str> {
        let code = m.named.country;
        if code == [0, 0] {
            return None;
        }
        alpha2(code).or_else(|| {
            self.entries_of(m)
                .find(|(_, e)| e.country_bytes() == code)
                .and_then(|(_, e)| e.country())
        })
    }

    /// Every mention in `text`, in text order, non-overlapping (see the matching policy).
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut all = Vec::new();
        self.find_into(text, &mut all);
        all
    }

    /// [`Gazetteer::find`] into `all`, emptied first (and given room for the mentions of
    /// `text`): the event stage passes a vector the thread keeps between articles.
    pub(crate) fn find_into(&self, text: &str, all: &mut Vec<Mention>) {
        self.find_with(text, None::<std::iter::Empty<(usize, usize)>>, all);
    }

    /// The tests that tell the tokens where none of its keys starts ([`NameStarts`]),
    /// which the tokenizer makes before [`Gazetteer::find_in_words`] is given the others.
    pub(crate) fn name_starts(&self) -> NameStarts<'_> {
        let names = &self.inner.names_dict;
        NameStarts {
            lower: &names.lower_starts.lower,
            lead: names.lead,
        }
    }

    /// Its keys (of the names it finds case-insensitively), for the tests that build texts
    /// of them.
    #[cfg(test)]
    pub(crate) fn keys(&self) -> Vec<&str> {
        let names = &self.inner.names_dict;
        (0..names.key_count())
            .filter_map(|k| names.key(u32::try_from(k).ok()?).map(|(key, _)| key))
            .collect()
    }

    /// [`Gazetteer::find_into`] for a text its caller has cut into words already: `words`
    /// gives their start and end offsets, in text order (the event stage's tokens, each
    /// sentence's). The names are looked for in them only ([`find_names_in_words`]): the
    /// same mentions as [`Gazetteer::find_into`]'s in the words, none outside them. A
    /// gazetteer with a key that can start in the space between words
    /// ([`Names::token_walk`]) is searched over the whole text.
    pub(crate) fn find_in_words(
        &self,
        text: &str,
        words: impl Iterator<Item = (usize, usize)>,
        all: &mut Vec<Mention>,
    ) {
        self.find_with(text, Some(words), all);
    }

    /// [`Gazetteer::find_into`], the names looked for in `words` if it is given.
    fn find_with(
        &self,
        text: &str,
        words: Option<impl Iterator<Item = (usize, usize)>>,
        all: &mut Vec<Mention>,
    ) {
        // about one mention in a hundred bytes of news: room for them from the start, not
        // grown by doubling
        crate::events::clear_with_room(all, text.len() / MENTION_BYTES);
        let names = &self.inner.names_dict;
        // one automaton whose patterns all start at a word start: run from the name walk,
        // at the word starts it visits, instead of a pass of its own
        let walked = match self.inner.automata.as_slice() {
            [a] if a.starts.word_first && !names.is_empty() => Some(a),
            _ => None,
        };
        if walked.is_none() {
            for a in &self.inner.automata {
                find_one(a, text, all);
            }
        }
        let sources = self.inner.automata.len() + usize::from(names.key_count() != 0);
        let mut cs = CsWalk { a: walked, from: 0 };
        let mut firsts = kept::take_for(&FIRSTS, text.len());
        firsts.serve(self);
        match words {
            Some(words) if names.token_walk() => {
                find_names_in_words(names, &mut firsts, text, words, &mut cs, all);
            }
            _ => find_names(names, &mut firsts, text, &mut cs, all),
        }
        if kept::may_keep(text.len()) {
            // of a fixed size: kept whatever the text was
            kept::keep(&FIRSTS, firsts, FIRST_SLOTS, FIRST_SLOTS);
        }
        if sources > 1 {
            dedup_mentions(all);
        }
        self.drop_water_bodies(text, all);
    }

    /// Drops the mentions that are part of the name of a body of water
    /// ([`Gazetteer::is_water_body`]), their kinds ([`may_name_water`]) and the bytes around
    /// each read first ([`may_be_water`]): nearly half name no place, and most have no
    /// water word near them. A loop of its own, not `retain`, whose closure is a call per
    /// mention.
    fn drop_water_bodies(&self, text: &str, all: &mut Vec<Mention>) {
        let bytes = text.as_bytes();
        let mut kept = 0;
        for k in 0..all.len() {
            let Some(&Mention {
                span: Span { start, end },
                named: Named { kinds, .. },
                ..
            }) = all.get(k)
            else {
                break;
            };
            // the mention read again only in the rare case: not copied to the stack
            if may_name_water(u32::from(kinds))
                && may_be_water(bytes, start, end)
                && all.get(k).is_some_and(|m| self.is_water_body(text, m))
            {
                continue;
            }
            // the mentions from `kept` to `k` are dropped ones
            if kept != k {
                all.swap(kept, k);
            }
            kept += 1;
        }
        all.truncate(kept);
    }

    /// True for a place mention that is part of the name of a sea, gulf, river or lake
    /// (see the matching policy): "the Red Sea" is not Egypt's Red Sea governorate, "the
    /// Gulf of Aden" not Aden, "the Dnipro River" not the city of Dnipro, "the Persian Gulf"
    /// not Iran. Out of line: the caller asks [`may_be_water`] first, which most mentions
    /// fail.
    #[inline(never)]
    fn is_water_body(&self, text: &str, m: &Mention) -> bool {
        let mut kinds = self.entries_of(m).map(|(_, e)| e.kind());
        let Some(first) = kinds.next() else {
            return false;
        };
        let place = first.is_place() && kinds.all(EntryKind::is_place);
        let demonym = first == EntryKind::Demonym;
        (place || demonym) && in_water_name(text, m.span, place)
    }
}

/// Sorts `all` by start, the longer first at one start, and drops a mention that starts
/// inside the last one kept: the one kept at a start is the longest, and of two as long the
/// one found first (the case-sensitive hit "SANA", the agency, over the case-insensitive
/// one "Sana", the city). The name walk finds them by start but for a hit of each kind at
/// one start: then the longest of them takes the first's place in one pass, with no sort.
fn dedup_mentions(all: &mut Vec<Mention>) {
    let nonempty = |m: &Mention| m.span.start < m.span.end;
    let by_start = all.first().is_none_or(nonempty)
        && all.is_sorted_by(|x, y| x.span.start <= y.span.start && nonempty(y));
    if !by_start {
        // stable: of two as long at one start the first found stays first
        all.sort_by(|x, y| {
            x.span
                .start
                .cmp(&y.span.start)
                .then(y.span.end.cmp(&x.span.end))
        });
    }
    // in place: a mention that starts inside the last one kept is dropped, and one that
    // starts with it but goes further takes its place (only before a sort)
    all.dedup_by(|m, last| {
        if m.span.start == last.span.start && m.span.end > last.span.end {
            *last = *m;
            return true;
        }
        m.span.start < last.span.end
    });
}

/// Bytes of text per mention the first room is made for in [`Gazetteer::find`] (the
/// profile's articles have one mention in about 96 bytes).
const MENTION_BYTES: usize = 64;

/// The words around a place (`place`) or demonym mention that make it part of the name of a
/// body of water ([`Gazetteer::is_water_body`]). Out of line: few mentions get here
/// ([`may_be_water`]), and the quick tests before it stay small.
#[inline(never)]
fn in_water_name(text: &str, span: Span, place: bool) -> bool {
    let own = text.get(span.start..span.end).unwrap_or("");
    let after = word_after(text, span.end);
    // "the Dnipro River", "the Euphrates river", "the Persian Gulf"; not "the Odesa sea
    // port" or "the Kherson river port"
    if let Some((w, end)) = after {
        let capital = w.starts_with(|c: char| c.is_ascii_uppercase());
        if is_water_word(w)
            && (place || capital)
            && !word_after(text, end).is_some_and(|(p, _)| p.eq_ignore_ascii_case("port"))
        {
            return true;
        }
    }
    if !place {
        return false;
    }
    // "the Red Sea" (a name that ends in "Sea", "Gulf"...), unless "Red Sea governorate";
    // a name that ends in "River" or "Lake" is more often the province ("Cross River")
    // (most names are one word: no space, no last word to read)
    let last = own
        .bytes()
        .rposition(|b| b == b' ')
        .and_then(|sp| own.get(sp + 1..));
    if last.is_some_and(|last| is_one_of(last, &SEA_WORDS)) {
        return !after.is_some_and(|(w, _)| is_one_of(w, &REGION_WORDS));
    }
    // "the Gulf of Aden", "the Sea of Azov", "Lake Chad", "the River Jordan", and "the
    // Bay of Bengal" for a place named like a water word (Somalia's Bay region)
    if is_water_word(own) && after.is_some_and(|(w, _)| w.eq_ignore_ascii_case("of")) {
        return true;
    }
    match word_before(text, span.start) {
        Some((w, start)) if w.eq_ignore_ascii_case("of") => {
            word_before(text, start).is_some_and(|(w, _)| is_water_word(w))
        }
        Some((w, _)) => is_one_of(w, &WATER_BEFORE),
        None => false,
    }
}

/// Words that name a body of water after or before a place name.
const WATER_WORDS: [&str; 9] = [
    "sea", "gulf", "river", "strait", "straits", "ocean", "bay", "lake", "lagoon",
];

/// The last words of a name that is a sea's ("the Red Sea"), not a province's.
const SEA_WORDS: [&str; 5] = ["sea", "gulf", "ocean", "strait", "straits"];

/// Words after such a name that make it a region's again ("Red Sea governorate").
const REGION_WORDS: [&str; 4] = ["governorate", "province", "state", "oblast"];

/// Words before a place name that make it a body of water's ("Lake Chad", "the River
/// Jordan"); "of" only after a water word ("the Gulf of Aden").
const WATER_BEFORE: [&str; 2] = ["lake", "river"];

/// The first two letters of the [`WATER_WORDS`]: bit `second - b'a'` of row `first - b'a'`.
const WATER_PAIRS: [u32; 26] = letter_pairs(&WATER_WORDS, false);

/// The last two letters of the [`WATER_WORDS`], likewise.
const WATER_ENDS: [u32; 26] = letter_pairs(&WATER_WORDS, true);

/// The last two letters of a word before a place that [`in_water_name`] reads: "of" and
/// the [`WATER_BEFORE`].
const BEFORE_ENDS: [u32; 26] = {
    let mut rows = letter_pairs(&WATER_BEFORE, true);
    rows[(b'o' - b'a') as usize] |= 1 << (b'f' - b'a');
    rows
};

/// The first (or last, `ends`) two letters of `words`, lowercase ASCII of two or more.
const fn letter_pairs(words: &[&str], ends: bool) -> [u32; 26] {
    let mut rows = [0u32; 26];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        let at = if ends { w.len() - 2 } else { 0 };
        rows[(w[at] - b'a') as usize] |= 1 << (w[at + 1] - b'a');
        i += 1;
    }
    rows
}

/// A set of two-byte pairs: bit `first << 8 | second` of 65,536.
type PairSet = [u64; 1024];

/// The pairs of ASCII letters of `rows` (bit `second - b'a'` of row `first - b'a'`), in
/// either case: one bit test per pair of bytes, where folding and range tests cost some
/// twenty instructions.
const fn pair_set(rows: &[u32; 26]) -> PairSet {
    let mut set = [0u64; 1024];
    let mut k = 0;
    while k < 26 * 26 * 4 {
        // each letter pair, in each of its four spellings
        let (pair, case) = (k / 4, k % 4);
        let (a, b) = ((pair / 26) as u8, (pair % 26) as u8);
        if rows[a as usize] >> b & 1 != 0 {
            let first = (b'a' + a - 32 * (case / 2) as u8) as usize;
            let second = (b'a' + b - 32 * (case % 2) as u8) as usize;
            let p = first << 8 | second;
            set[p / 64] |= 1 << (p % 64);
        }
        k += 1;
    }
    set
}

/// [`WATER_PAIRS`], [`WATER_ENDS`] and [`BEFORE_ENDS`] as [`PairSet`]s.
static WATER_PAIR_SET: PairSet = pair_set(&WATER_PAIRS);
static WATER_END_SET: PairSet = pair_set(&WATER_ENDS);
static BEFORE_END_SET: PairSet = pair_set(&BEFORE_ENDS);

/// True if the ASCII letters at `i` and `i + 1` (either case) begin a water word.
#[inline]
fn water_pair_at(bytes: &[u8], i: usize) -> bool {
    pair_in(&WATER_PAIR_SET, bytes, i)
}

/// True if the bytes at `i` and `i + 1` are a pair of `set`.
#[inline]
fn pair_in(set: &PairSet, bytes: &[u8], i: usize) -> bool {
    let Some(&[a, b]) = bytes.get(i..).and_then(<[u8]>::first_chunk::<2>) else {
        return false;
    };
    let p = usize::from(a) << 8 | usize::from(b);
    set.get(p / 64).is_some_and(|w| w >> (p % 64) & 1 != 0)
}

fn is_water_word(w: &str) -> bool {
    // most words are told by their first two letters, which begin none of them
    water_pair_at(w.as_bytes(), 0) && is_one_of(w, &WATER_WORDS)
}

/// A necessary condition for [`Gazetteer::is_water_body`], told from a mention's kinds
/// ([`Mention::kinds`]): all its entries name places, or one of them (the first, the rule
/// says) is a demonym. Some 45% of the mentions of news (armed groups, forces, sources)
/// fail it, where the bytes around each were read ([`may_be_water`]) for some 96
/// instructions.
#[inline(always)]
fn may_name_water(kinds: u32) -> bool {
    kinds & !EntryKind::PLACE_BITS == 0 || kinds & EntryKind::Demonym.bit() != 0
}

/// A necessary condition for [`Gazetteer::is_water_body`], read from a few bytes: each of
/// its rules needs a water word after the mention (skipping spaces), the mention's last word
/// (or the mention) a water word (told first by its last two letters, then by its first
/// two), or "of", "lake" or "river" just before it (skipping spaces; told by their last two
/// letters). Most mentions fail all three.
///
/// Told from the eight bytes after the mention and the eight before it for most mentions
/// (fewer than seven spaces on either side), else by [`may_be_water_slow`].
#[inline(always)]
fn may_be_water(bytes: &[u8], start: usize, end: usize) -> bool {
    // `start - 8` wraps to an offset past the text for a mention in its first eight bytes;
    // one range check for the three loads of eight bytes
    let window = bytes.get(start.wrapping_sub(8)..end.wrapping_add(8));
    let word = |c: Option<&[u8; 8]>| c.map(|c| u64::from_le_bytes(*c));
    let (Some(before), Some(last), Some(after)) = window.map_or((None, None, None), |w| {
        let last = w.len().checked_sub(16).and_then(|k| w.get(k..));
        (
            word(w.first_chunk()),
            word(last.and_then(<[u8]>::first_chunk)),
            word(w.last_chunk()),
        )
    }) else {
        return may_be_water_slow(bytes, start, end);
    };
    // the spaces after the mention, from the first byte; those before it, from the last
    let spaces_after = ((after ^ SPACES).trailing_zeros() / 8) as usize;
    let spaces_before = ((before ^ SPACES).leading_zeros() / 8) as usize;
    if spaces_after > 6 || spaces_before > 6 {
        return may_be_water_slow(bytes, start, end);
    }
    // a pair of bytes `first, second` as a [`PairSet`] reads it: `first << 8 | second`
    let pair = |x: u64, at: usize| usize::from(((x >> (8 * at)) as u16).swap_bytes());
    if pair_bit(&WATER_PAIR_SET, pair(after, spaces_after)) && water_after(after, spaces_after) {
        return true;
    }
    if pair_bit(&WATER_END_SET, pair(last, 6)) && last_word_may_be_water(bytes, start, end) {
        return true;
    }
    pair_bit(&BEFORE_END_SET, pair(before, 6 - spaces_before))
        && water_before(before, spaces_before)
}

/// The little-endian words of [`WATER_WORDS`] (zero past a word's end), to be compared
/// with a word of text lowercased.
const WATER_CODES: [u64; 9] = word_codes(&WATER_WORDS);

/// The little-endian words of [`WATER_BEFORE`], likewise.
const WATER_BEFORE_CODES: [u64; 2] = word_codes(&WATER_BEFORE);

/// The little-endian words of `words` (eight bytes or fewer), zero past a word's end.
const fn word_codes<const N: usize>(words: &[&str; N]) -> [u64; N] {
    let mut codes = [0u64; N];
    let mut i = 0;
    while i < N {
        let w = words[i].as_bytes();
        assert!(w.len() <= 8, "a water word of more than eight bytes");
        let mut k = 0;
        while k < w.len() {
            codes[i] |= (w[k] as u64) << (8 * k);
            k += 1;
        }
        i += 1;
    }
    codes
}

/// Bit 5 of each byte: an ASCII letter with it set is lowercase.
const CASE: u64 = ONES * 0x20;

/// False if the word after a mention is no water word, as the first rule of
/// [`in_water_name`] needs it (read by [`word_after`]): told from `after`, the eight bytes
/// from the mention's end (little-endian, zero past the text), which start with `spaces`
/// spaces. True where the word may go on past them. Asked only where the first two letters
/// are a water word's: "said Aleppo's security", "Idlib state" pass those, and the entries'
/// kinds and the rules were read again for each.
#[cold]
#[inline(never)]
fn water_after(after: u64, spaces: usize) -> bool {
    // the word needs a space before it, and ends at the first byte that is no letter
    let word = (after | CASE).checked_shr(8 * spaces as u32).unwrap_or(0);
    let n = lower_run(word);
    if spaces == 0 || n + spaces >= 8 {
        return spaces != 0;
    }
    let word = word & !(u64::MAX << (8 * n));
    WATER_CODES.contains(&word)
}

/// False if the words before a mention make no water name of it, as the last rules of
/// [`in_water_name`] need them (read by [`word_before`]): "lake" or "river", or "of" after a
/// water word's last two letters, spaces between. Told from `before`, the eight bytes before
/// the mention (little-endian, zero before the text), which end with `spaces` spaces; true
/// where they do not hold the words. Asked only where the word before ends like "of",
/// "lake" or "river": "the province of Idlib", "after Aleppo" pass those.
#[cold]
#[inline(never)]
fn water_before(before: u64, spaces: usize) -> bool {
    if spaces == 0 || spaces > 3 {
        return spaces != 0;
    }
    // the word's last byte at the top
    let word = before << (8 * spaces);
    let lower = word | CASE;
    // one of the words at the top: "lake", "river"
    let named = WATER_BEFORE
        .iter()
        .zip(WATER_BEFORE_CODES)
        .any(|(w, code)| lower.checked_shr(64 - 8 * w.len() as u32) == Some(code));
    // "of", a space, then two letters that end a water word, or more spaces
    let of = lower >> 48 == u64::from(u16::from_le_bytes(*b"of")) && (word >> 40) as u8 == b' ';
    let pair = usize::from(((word >> 24) as u16).swap_bytes());
    let water = (word >> 32) as u8 == b' ' || pair_bit(&WATER_END_SET, pair);
    named | (of & water)
}

/// Eight spaces.
const SPACES: u64 = ONES * b' ' as u64;

/// True if `set` has the pair `p` (`first << 8 | second`).
#[inline(always)]
fn pair_bit(set: &PairSet, p: usize) -> bool {
    set.get(p / 64).is_some_and(|w| w >> (p % 64) & 1 != 0)
}

/// True if the last word of the mention from `start` to `end` (the mention if it has no
/// space) begins like a water word.
#[inline]
fn last_word_may_be_water(bytes: &[u8], start: usize, end: usize) -> bool {
    let own = bytes.get(start..end).unwrap_or(&[]);
    let last = own
        .iter()
        .rposition(|&b| b == b' ')
        .map_or(start, |sp| start + sp + 1);
    water_pair_at(bytes, last)
}

/// [`may_be_water`], read byte by byte: near the text's ends and after many spaces.
#[inline(never)]
fn may_be_water_slow(bytes: &[u8], start: usize, end: usize) -> bool {
    let mut next = end;
    while bytes.get(next) == Some(&b' ') {
        next += 1;
    }
    if water_pair_at(bytes, next) && water_after(chunk_at(bytes, end), next - end) {
        return true;
    }
    // read back to the last word only for a mention that ends like a water word
    if end >= 2
        && pair_in(&WATER_END_SET, bytes, end - 2)
        && last_word_may_be_water(bytes, start, end)
    {
        return true;
    }
    // the end of the word before, after spaces
    let mut before = start;
    while before > 0 && bytes.get(before - 1) == Some(&b' ') {
        before -= 1;
    }
    before >= 2
        && pair_in(&BEFORE_END_SET, bytes, before - 2)
        && water_before(chunk_before(bytes, start), start - before)
}

/// The eight bytes of `bytes` before `at` as a little-endian word, zero before the start.
fn chunk_before(bytes: &[u8], at: usize) -> u64 {
    (0..8).fold(0, |x, k| {
        let b = (at + k).checked_sub(8).and_then(|i| bytes.get(i));
        x | u64::from(b.copied().unwrap_or(0)) << (8 * k)
    })
}

/// The ASCII word that follows `pos` after spaces, and its end.
fn word_after(text: &str, pos: usize) -> Option<(&str, usize)> {
    let rest = text.as_bytes().get(pos..)?;
    let spaces = rest.iter().take_while(|&&b| b == b' ').count();
    let word = rest.get(spaces..)?;
    let len = word.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let start = pos + spaces;
    (spaces > 0 && len > 0).then(|| (text.get(start..start + len).unwrap_or(""), start + len))
}

/// The ASCII word that ends before `pos` and spaces, and its start.
fn word_before(text: &str, pos: usize) -> Option<(&str, usize)> {
    let head = text.as_bytes().get(..pos)?;
    let spaces = head.iter().rev().take_while(|&&b| b == b' ').count();
    let end = pos - spaces;
    let word = head.get(..end)?;
    let len = word
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let start = end - len;
    (spaces > 0 && len > 0).then(|| (text.get(start..end).unwrap_or(""), start))
}

fn is_word_byte_at(text: &str, pos: usize, before: bool) -> bool {
    let c = if before {
        text.get(..pos).and_then(|s| s.chars().next_back())
    } else {
        text.get(pos..).and_then(|s| s.chars().next())
    };
    c.is_some_and(char::is_alphanumeric)
}

fn at_boundary(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let first_word = bytes
        .get(start)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    let last_word = end
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80);
    (!first_word || !is_word_byte_at(text, start, true))
        && (!last_word || !is_word_byte_at(text, end, false))
}

/// What the name walk does at a byte that opens no ASCII letter or digit.
enum OtherStart {
    /// A key may start here: whether with a capital, and where the next start can be.
    Start { cap: bool, next: usize },
    /// No key starts here: the walk goes on at this offset.
    Pass(usize),
}

/// [`find_names`] at the byte `b` at `i` that is no ASCII letter or digit: ASCII punctuation
/// that some key starts with, or a char of another script (a letter that starts a word, or
/// a mark some key starts with); the acronyms are visited at a letter that starts a word.
#[inline(always)]
fn other_start(
    names: &Names,
    text: &str,
    i: usize,
    b: u8,
    cs: &mut CsWalk,
    out: &mut Vec<Mention>,
) -> OtherStart {
    if b.is_ascii() {
        return if names.leads(b) {
            OtherStart::Start {
                cap: false,
                next: i + 1,
            }
        } else {
            OtherStart::Pass(i + 1)
        };
    }
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c) if c.is_alphanumeric() && !is_word_before(text, i) => {
            cs.visit(text, i, b, out);
            OtherStart::Start {
                cap: !c.is_lowercase(),
                next: i + c.len_utf8(),
            }
        }
        Some(c) if !c.is_alphanumeric() && names.lead_other => OtherStart::Start {
            cap: false,
            next: i + c.len_utf8(),
        },
        Some(c) => OtherStart::Pass(i + c.len_utf8()),
        None => OtherStart::Pass(i + 1),
    }
}

/// How many bytes after a word that starts no key (ending at `run`) the walk can pass
/// before the next word: its space, most often (1), or a mark that starts no key and a
/// space ("Syria, the": 2; not a turn of the walk's loop for each), or none (0), as when a
/// key starts with a space.
#[inline(always)]
fn gap_after_word(names: &Names, bytes: &[u8], run: usize) -> usize {
    let after = bytes.get(run).copied();
    if names.leads(b' ') {
        0
    } else if after == Some(b' ') {
        1
    } else if after.is_some_and(|p| !names.leads(p)) && bytes.get(run + 1) == Some(&b' ') {
        2
    } else {
        0
    }
}

/// Case-insensitive patterns: at each word start, the longest key ending at a word end
/// (a proper name only where the text has a capital there).
#[inline(never)]
fn find_names(
    names: &Names,
    firsts: &mut FirstWords,
    text: &str,
    cs: &mut CsWalk,
    out: &mut Vec<Mention>,
) {
    if names.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let mut key = String::new();
    let mut w = Walk::new(names, text, cs, &mut key, out, firsts);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match names_at(&mut w, i, b) {
            Turn::Next(next) => i = next,
            Turn::Done(run) => {
                // past the space after the word, or a mark and a space; then the lowercase
                // words that start no key, in their own loop
                let gap = gap_after_word(names, bytes, run);
                i = run + gap;
                if gap != 0 {
                    i = pass_lower_words(names, bytes, i);
                }
            }
        }
    }
}

/// [`find_names`] at the starts of the words that `words` gives (start and end offsets in
/// `text`, in text order: the event stage's tokens where a name may start,
/// [`NameStarts`]), where the tokenizer has already cut the text: the space between them
/// is passed over with no turn of the walk, and the text outside them (what is no
/// sentence) is not read. Inside a word the walk goes as [`find_names`] does ("al-Bab",
/// "U.S", "'s": a start after each joiner), the same positions and the same look-ups;
/// [`Names::token_walk`] tells the gazetteers for which the bytes between the words start
/// no key. Each word is read, with no test of its own first: the tokenizer has left out
/// those that start no key.
#[inline(never)]
fn find_names_in_words(
    names: &Names,
    firsts: &mut FirstWords,
    text: &str,
    words: impl Iterator<Item = (usize, usize)>,
    cs: &mut CsWalk,
    out: &mut Vec<Mention>,
) {
    if names.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let mut key = String::new();
    let mut w = Walk::new(names, text, cs, &mut key, out, firsts);
    // where the walk goes on: a word's end, or past it after a name or a run that goes on
    // (a word inside a name found is read from the name's end on)
    let mut i = 0;
    for (start, end) in words {
        i = i.max(start);
        while i < end {
            let Some(&b) = bytes.get(i) else {
                return;
            };
            i = match names_at(&mut w, i, b) {
                Turn::Next(next) | Turn::Done(next) => next,
            };
        }
    }
}

/// Where a name walk goes on after [`names_at`].
enum Turn {
    /// At this offset.
    Next(usize),
    /// After the word that ends at this offset, which starts no key: the byte walk passes
    /// the space after it and the lowercase words that start none in a loop of its own.
    Done(usize),
}

/// What a name walk reads and writes at each of its turns ([`names_at`]): the names, the
/// text, the case-sensitive patterns' walk, a buffer for a key lowercased, and the mentions
/// found.
struct Walk<'w, 'a> {
    names: &'w Names,
    text: &'w str,
    cs: &'w mut CsWalk<'a>,
    key: &'w mut String,
    out: &'w mut Vec<Mention>,
    firsts: &'w mut FirstWords,
}

impl<'w, 'a> Walk<'w, 'a> {
    /// Made by each walk from its own arguments, not passed to it: a walk given the state's
    /// references in a struct it did not make cost 3 M instructions more over 300 articles.
    #[inline(always)]
    fn new(
        names: &'w Names,
        text: &'w str,
        cs: &'w mut CsWalk<'a>,
        key: &'w mut String,
        out: &'w mut Vec<Mention>,
        firsts: &'w mut FirstWords,
    ) -> Self {
        Walk {
            names,
            text,
            cs,
            key,
            out,
            firsts,
        }
    }
}

/// One turn of the name walk `w` at `i`, whose byte is `b`: if a key may start there, the
/// longest one is looked up and pushed to the mentions, and the case-sensitive patterns
/// visited. Both walks ([`find_names`], [`find_names_in_words`]) take the same turns, so
/// they find the same names in the words they both read.
#[inline(always)]
fn names_at(w: &mut Walk<'_, '_>, i: usize, b: u8) -> Turn {
    let (names, text) = (w.names, w.text);
    let (cs, key, out) = (&mut *w.cs, &mut *w.key, &mut *w.out);
    let firsts = &mut *w.firsts;
    let bytes = text.as_bytes();
    let mut first: Option<Walked> = None;
    // a candidate start, whether it is written with a capital (or a digit), and where
    // the next candidate can be if no key starts here
    let (cap, next) = if ALNUM_LOWER[usize::from(b)] != 0 {
        let cap = !b.is_ascii_lowercase();
        // the run of ASCII letters and digits from here, hashed as it is read whatever its
        // case: a capitalised word and a lowercase one take one path, told apart by the
        // prefix flags only (the case was a branch the mixed text mispredicted)
        let (run, h) = alnum_run_hashed(bytes, i);
        if is_word_before(text, i) {
            return Turn::Next(run);
        }
        // no pattern the walk visits starts with a lowercase letter (`Starts::word_first`):
        // visited at every word, no test of its case
        cs.visit(text, i, b, out);
        // most words end at ASCII punctuation or space (a period too: the walk cuts
        // "U.S." and "said." after the letters): one probe says whether any key starts
        // with this word
        let word_end = bytes.get(run).is_none_or(u8::is_ascii);
        if word_end {
            match first_word(names, firsts, text, i..run, h, cap, key, out) {
                FirstWord::Done => return Turn::Done(run),
                FirstWord::Walk(f) => first = Some(f),
            }
        }
        (cap, run)
    } else {
        match other_start(names, text, i, b, cs, out) {
            OtherStart::Start { cap, next } => (cap, next),
            OtherStart::Pass(to) => return Turn::Next(to),
        }
    };
    match longest_at(names, text, i, cap, key, first) {
        Some((e, named)) => {
            out.push(Mention {
                span: Span::new(i, e),
                named,
            });
            cs.inside(text, i, e, out);
            Turn::Next(e.max(i + 1))
        }
        None => Turn::Next(next),
    }
}

/// The end of the run of ASCII letters and digits from `i` ([`run_at`]), and the run's
/// hash ([`name_hash`](crate::hash::name_hash)), in one pass.
#[inline]
fn alnum_run_hashed(bytes: &[u8], i: usize) -> (usize, u64) {
    alnum_run_hashed_from(bytes, i, NAME_SEED)
}

/// [`alnum_run_hashed`], the hash continued from `h`: the run read and hashed eight bytes
/// at a time, one step each. The loop has one exit, after fewer than eight bytes: a run of
/// eight or sixteen ends at a chunk that has none ("Thursday", "Ministry"), whose step is
/// made and dropped by a select, where a second exit for it was mispredicted at some 6 k
/// of 71 k words over 300 articles.
#[inline(always)]
fn alnum_run_hashed_from(bytes: &[u8], i: usize, mut h: u64) -> (usize, u64) {
    let mut run = i;
    loop {
        let x = chunk_at(bytes, run);
        let n = alnum_run(x);
        // the run's bytes lowercased (bit 5 set keeps a digit), zero past it (the shift
        // wraps for an empty run, whose step is not kept)
        let bits = u64::MAX.wrapping_shr((64 - 8 * n) as u32);
        let stepped = name_step(h, (x | (ONES * 0x20)) & bits);
        h = if n != 0 { stepped } else { h };
        run += n;
        if n < 8 {
            break;
        }
    }
    (run, h)
}

/// The eight bytes of `bytes` from `at` as a little-endian word, zero past the end (a zero
/// byte is no letter or digit: a run read from the word ends there).
#[inline(always)]
fn chunk_at(bytes: &[u8], at: usize) -> u64 {
    match eight_at(bytes, at) {
        Some(chunk) => u64::from_le_bytes(chunk),
        None => last_chunk_at(bytes, at),
    }
}

/// The eight bytes of `bytes` from `at`, if there are eight. Cut as one range, whose end
/// the walk's loops test with one compare against the length (`at` is known in the text
/// there); `get(at..)` then `first_chunk` tested `at` and then the bytes left, with more
/// instructions at each of the walk's words. The end wraps only for an offset past any
/// text, which has no bytes either.
#[inline(always)]
fn eight_at(bytes: &[u8], at: usize) -> Option<[u8; 8]> {
    bytes
        .get(at..at.wrapping_add(8))
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
}

/// [`chunk_at`] where fewer than eight bytes are left: apart, as few words are read there.
#[cold]
#[inline(never)]
fn last_chunk_at(bytes: &[u8], at: usize) -> u64 {
    let mut chunk = [0u8; 8];
    for (c, &b) in chunk.iter_mut().zip(bytes.get(at..).unwrap_or(&[])) {
        *c = b;
    }
    u64::from_le_bytes(chunk)
}

/// The first position from `i` that is not a lowercase word starting no key followed by a
/// space: what the scan in [`find_names`] makes of such a word (no probe, the space passed
/// over), with none of its other cases to tell apart. `i` follows a space, which starts no
/// key, so a word there is at a word start.
fn pass_lower_words(names: &Names, bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        if !b.is_ascii_lowercase() {
            break;
        }
        // most: fewer than eight lowercase letters and a space, in the eight bytes from `i`
        if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
            let x = u64::from_le_bytes(*chunk);
            let n = lower_run(x);
            if n < 8 && (x >> (8 * n)) as u8 == b' ' {
                if names.lower_starts.may_start_lower(b, (x >> 8) as u8, n) {
                    return i;
                }
                i += n + 1;
                continue;
            }
        }
        let LowerWord {
            end,
            after,
            next,
            lower,
        } = lower_word(bytes, i);
        // a word that goes on in a non-ASCII letter is the scan's
        if after.is_some_and(|a| !a.is_ascii()) {
            break;
        }
        let len = end - i;
        let starts = if lower {
            names.lower_starts.may_start_lower(b, next, len)
        } else {
            names.lower_starts.may_start_run(b, next, len)
        };
        // a word that may start a key too, read from its end on
        if starts {
            return i;
        }
        i = match after {
            Some(b' ') => end + 1,
            // "said, the": a punctuation mark that starts no key, then a space
            Some(p) if !names.leads(p) && bytes.get(end + 1) == Some(&b' ') => end + 2,
            _ => return end,
        };
    }
    i
}

/// A run of ASCII letters and digits that starts with a lowercase letter ([`lower_word`]).
struct LowerWord {
    /// Where it ends.
    end: usize,
    /// The byte there, if any.
    after: Option<u8>,
    /// Its second byte, or for a run of one byte the byte after it (0 at the end).
    next: u8,
    /// True if it is lowercase letters only (told from eight bytes at a time).
    lower: bool,
}

/// The run of ASCII letters and digits from `i`, which starts in lowercase: told from the
/// eight bytes from `i` when they hold the run and the byte after it (most words), or from
/// those and the next eight (most longer ones), else found by [`alnum_run_end`].
#[inline(always)]
fn lower_word(bytes: &[u8], i: usize) -> LowerWord {
    if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        // one load: the bytes are read from the word, not from the slice again
        let x = u64::from_le_bytes(*chunk);
        let next = (x >> 8) as u8;
        let n = lower_run(x);
        let (at, n, x) = if n < 8 {
            (i, n, x)
        } else if let Some(more) = bytes.get(i + 8..).and_then(<[u8]>::first_chunk::<8>) {
            let x = u64::from_le_bytes(*more);
            (i + 8, lower_run(x), x)
        } else {
            (i, 8, x)
        };
        if n < 8 {
            let after = (x >> (8 * n)) as u8;
            if ALNUM_LOWER[usize::from(after)] == 0 {
                return LowerWord {
                    end: at + n,
                    after: Some(after),
                    next,
                    lower: true,
                };
            }
        }
    }
    let end = alnum_run_end(bytes, i);
    LowerWord {
        end,
        after: bytes.get(end).copied(),
        next: bytes.get(i + 1).copied().unwrap_or(0),
        lower: false,
    }
}

/// The end of the run of ASCII letters and digits from `i` ([`run_at`]), for a run that
/// starts in lowercase: most are lowercase words, whose letters are counted eight at a time
/// ([`lower_bytes`]); a capital or digit in them, and the last bytes of the text, byte by
/// byte.
#[inline]
fn alnum_run_end(bytes: &[u8], i: usize) -> usize {
    let mut end = i;
    while let Some(chunk) = bytes.get(end..).and_then(<[u8]>::first_chunk::<8>) {
        let n = lower_bytes(*chunk);
        end += n;
        if n < 8 {
            break;
        }
    }
    while bytes
        .get(end)
        .is_some_and(|&c| ALNUM_LOWER[usize::from(c)] != 0)
    {
        end += 1;
    }
    end
}

/// What the scan makes of a word from a word start to a word end.
enum FirstWord {
    /// No key starts with it, or only one of one word, recorded if it is there: the scan
    /// goes on after it.
    Done,
    /// The walk goes on from it.
    Walk(Walked),
}

/// Slots of [`FirstWords`] (a power of two): 16 KB a thread. Over 300 articles, 256 slots
/// missed more than 512, and 512 more than 1,024.
const FIRST_SLOTS: usize = 1024;

thread_local! {
    /// The first words the thread's walks have looked up, kept from one text to the next.
    static FIRSTS: Cell<FirstWords> = Cell::default();
}

/// The first words the name walks of a thread have looked up, by their hash: what
/// [`Names::first_prefix`] said of each, in a direct-mapped table of [`FIRST_SLOTS`]
/// slots, kept from one text to the next ([`FIRSTS`]) while the gazetteer is the same.
/// News names the same words again and again ("the", "a", "of", "The", its places): of
/// some 71 k first words over 300 articles, most were looked up before, where each took a
/// probe of the first-word filter and, for half, of the prefix table (their loads and
/// their mispredicted branches). The answer is the one the tables give for the hash.
#[derive(Default)]
struct FirstWords {
    /// The gazetteer whose answers the slots hold (none: not made yet).
    of: GazetteerId,
    /// A hash and its answer ([`Names::first_prefix`]'s word); every slot starts with the
    /// hash 0 and its own answer, so that no slot is empty.
    slots: Box<[(u64, u32)]>,
}

impl FirstWords {
    /// Makes the table serve `g`: emptied if it held another gazetteer's answers.
    fn serve(&mut self, g: &Gazetteer) {
        if g.is(&self.of) && self.slots.len() == FIRST_SLOTS {
            return;
        }
        let empty = (0, g.inner.names_dict.first_prefix(0));
        self.slots = vec![empty; FIRST_SLOTS].into_boxed_slice();
        self.of = g.id();
    }

    /// [`Names::first_prefix`] of the first word of hash `h`, as a [`Prefix`]: from the
    /// table if it holds `h`, else looked up and kept there.
    #[inline(always)]
    fn prefix(&mut self, names: &Names, h: u64) -> Option<Prefix> {
        // the hash's low bits: a slot of the table
        let w = match self.slots.get_mut(h as usize & (FIRST_SLOTS - 1)) {
            Some(slot) if slot.0 == h => slot.1,
            Some(slot) => {
                let w = names.first_prefix(h);
                *slot = (h, w);
                w
            }
            None => names.first_prefix(h),
        };
        prefix_of_word(w)
    }
}

/// The [`Prefix`] of a prefix table slot's last word ([`find_slot`]): none for zero flags.
#[inline(always)]
fn prefix_of_word(w: u32) -> Option<Prefix> {
    let p = Prefix::of_word(w);
    (p.flags != 0).then_some(p)
}

/// A word the walk has read: where it ends, the hash of the words from the start to there,
/// and their prefix.
#[derive(Clone, Copy)]
struct Step {
    end: usize,
    h: u64,
    prefix: Prefix,
}

/// The words the scan has read before the walk: the first, and the second when the first
/// was not over the length limit.
#[derive(Clone, Copy)]
struct Walked {
    first: Step,
    second: Option<Step>,
}

/// The first word at `word` (ASCII letters and digits, of hash `h`, `cap` if it is not
/// written in lowercase): looked up in the thread's first-word cache (`firsts`), else
/// through the first-word filter and the prefix table, and recorded if it is a key of
/// one word that no key goes on past. A lowercase word takes the path of a capitalised
/// one, its prefix read with the flags of the keys that need no capital
/// ([`prefix_flags`]): its own run filters first ([`Names::lower_starts`] and the others)
/// kept it from being hashed, but the branch on its case was mispredicted at one word in
/// two.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn first_word(
    names: &Names,
    firsts: &mut FirstWords,
    text: &str,
    word: std::ops::Range<usize>,
    h: u64,
    cap: bool,
    key: &mut String,
    out: &mut Vec<Mention>,
) -> FirstWord {
    let bytes = text.as_bytes();
    let (key_ok, more_ok) = prefix_flags(cap);
    let prefix = firsts
        .prefix(names, h)
        .filter(|p| p.flags & (key_ok | more_ok) != 0);
    let Some(prefix) = prefix else {
        return FirstWord::Done;
    };
    let first = Step {
        end: word.end,
        h,
        prefix,
    };
    if prefix.flags & more_ok != 0 {
        // most walks end at the second word ("The", "the", "of"): read it here, and walk
        // on only if the two words start a key
        let limit = word.start.saturating_add(names.max_len).min(bytes.len());
        if word.end > limit {
            return FirstWord::Walk(Walked {
                first,
                second: None,
            });
        }
        // most second words go on no key: told before they are hashed
        let second = names
            .may_go_on(h, bytes, word.end)
            .then(|| next_word_hashed(text, word.end, limit, h))
            .flatten()
            .and_then(|(end, h)| {
                let prefix = names.prefix(h)?;
                Some(Step { end, h, prefix })
            });
        if second.is_some() {
            return FirstWord::Walk(Walked { first, second });
        }
        if prefix.flags & key_ok == 0 {
            return FirstWord::Done;
        }
    }
    // a key of one word, no walk further
    // bytes, not `str::get`, whose tests of char boundaries a run of ASCII needs not
    let w = bytes.get(word.clone()).unwrap_or(&[]);
    let target = (w.len() <= names.max_len)
        .then(|| names.target(w, prefix.key, key))
        .flatten()
        .filter(|t| cap || !t.proper);
    if let Some(t) = target {
        out.push(Mention {
            span: Span::new(word.start, word.end),
            named: t.named,
        });
    }
    FirstWord::Done
}

/// The longest key at `i` ending at a word end: walks word end by word end while the words
/// so far start some key. `first` is the first word (and the second) when the caller has
/// read them. Inlined into [`find_names`], its one caller: as a call of its own, its frame
/// and the steps handed to it through memory cost more than the registers it takes there.
#[inline(always)]
fn longest_at(
    names: &Names,
    text: &str,
    i: usize,
    cap: bool,
    key: &mut String,
    first: Option<Walked>,
) -> Option<(usize, Named)> {
    let bytes = text.as_bytes();
    let limit = i.saturating_add(names.max_len).min(bytes.len());
    let (key_ok, more_ok) = prefix_flags(cap);
    let mut h = NAME_SEED;
    let mut e = i;
    let mut hit = None;
    // the steps read before, the first then the second
    let (mut given, mut then) = match first {
        Some(w) if w.first.end > i && w.first.end <= limit => (Some(w.first), w.second),
        _ => (None, None),
    };
    loop {
        let (ne, prefix) = match given.take() {
            Some(step) => {
                h = step.h;
                given = then.take();
                (step.end, step.prefix)
            }
            None => {
                let Some((ne, nh)) = next_word_hashed(text, e, limit, h) else {
                    break;
                };
                h = nh;
                let Some(prefix) = names.prefix(h) else {
                    break;
                };
                (ne, prefix)
            }
        };
        if prefix.flags & key_ok != 0 {
            match names.target(bytes.get(i..ne).unwrap_or(&[]), prefix.key, key) {
                Some(t) if cap || !t.proper => hit = Some((ne, t.named)),
                _ => {}
            }
        }
        if prefix.flags & more_ok == 0 {
            break;
        }
        e = ne;
    }
    hit
}

/// The [`Prefix`] flags that let a search go on: a key ends here, a key goes on; for a
/// start written with a capital, any key, otherwise keys that need none.
fn prefix_flags(cap: bool) -> (u8, u8) {
    if cap {
        (PREFIX_KEY, PREFIX_MORE)
    } else {
        (PREFIX_LOWER, PREFIX_MORE_LOWER)
    }
}

/// True if the character before `pos` is a letter or digit (any script).
fn is_word_before(text: &str, pos: usize) -> bool {
    match pos.checked_sub(1).and_then(|p| text.as_bytes().get(p)) {
        None => false,
        Some(&b) if b.is_ascii() => ALNUM_LOWER[usize::from(b)] != 0,
        Some(_) => is_word_byte_at(text, pos, true),
    }
}

/// The case-sensitive patterns: at each position where the text has the first two bytes of
/// some pattern (a word byte only at a word start, where a hit can pass the boundary check),
/// the longest pattern starting there that passes it, down to the shortest. The same hits
/// as an unanchored leftmost-longest search that retries shorter patterns at a rejected
/// start, for a table look-up per byte instead of an automaton step.
#[inline(never)]
fn find_one(a: &Automaton, text: &str, out: &mut Vec<Mention>) {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at = next_start(&a.starts, bytes, at);
        let Some(&b) = bytes.get(at) else {
            break;
        };
        // a pattern's first byte is a character's first byte: `at` is a char boundary
        if (b.is_ascii_alphanumeric() || b >= 0x80) && is_word_before(text, at) {
            at += 1;
            continue;
        }
        at = cs_hit_at(a, text, at, out).unwrap_or(at + 1);
    }
}

/// The longest case-sensitive pattern at `at` that passes the boundary check, else the
/// next shorter one, down to the shortest: pushed to `out`, and where the search goes on
/// after it returned; `None` if none fits.
fn cs_hit_at(a: &Automaton, text: &str, at: usize, out: &mut Vec<Mention>) -> Option<usize> {
    let mut end = text.len();
    while end > at {
        let input = Input::new(text).range(at..end).anchored(Anchored::Yes);
        let m = a.ac.find(input)?;
        if at_boundary(text, m.start(), m.end()) {
            if let Some(&named) = a.targets.get(m.pattern().as_usize()) {
                out.push(Mention {
                    span: Span::new(m.start(), m.end()),
                    named,
                });
            }
            return Some(m.end().max(at + 1));
        }
        end = m.end().saturating_sub(1);
    }
    None
}

/// The case-sensitive patterns looked for from the name walk ([`find_names`]) when they
/// all start with a word character ([`Starts::word_first`]): a hit can only be at a word
/// start, and the walk visits every word start that one of them can begin with, but those
/// inside a name it found, which [`CsWalk::inside`] visits. The same hits as
/// [`find_one`].
struct CsWalk<'a> {
    /// The automaton, if it is run from the walk.
    a: Option<&'a Automaton>,
    /// Where the search goes on: the end of the last hit.
    from: usize,
}

impl CsWalk<'_> {
    /// The word start `i`, which the caller has checked is one, whose byte `b` it has read.
    #[inline(always)]
    fn visit(&mut self, text: &str, i: usize, b: u8, out: &mut Vec<Mention>) {
        let Some(a) = self.a else {
            return;
        };
        let bytes = text.as_bytes();
        if i < self.from {
            return;
        }
        // the pair's bit alone (a pair some pattern starts with has a first byte one
        // starts with): a test of the first byte, true at most capitals and false at every
        // lowercase letter, was mispredicted at one word in two
        if a.starts.pair(b, bytes.get(i + 1).copied()) {
            if let Some(next) = cs_hit_at(a, text, i, out) {
                self.from = next;
            }
        }
    }

    /// The word starts after `i` and before `e`, the span of a name the walk passes over.
    #[inline(never)]
    fn inside(&mut self, text: &str, i: usize, e: usize, out: &mut Vec<Mention>) {
        let Some(a) = self.a else {
            return;
        };
        let span = text.as_bytes().get(i + 1..e).unwrap_or(&[]);
        for (p, &b) in (i + 1..).zip(span) {
            // a pattern's first byte is a character's first byte: `p` is a char boundary
            if a.starts.first[usize::from(b)] && !is_word_before(text, p) {
                self.visit(text, p, b, out);
            }
        }
    }
}

/// The first position from `at` where `bytes` has the first two bytes of a pattern (the
/// end if none): most bytes are lowercase letters and spaces, passed over eight at a time
/// when no pattern starts with one ([`Starts::plain`]). Its own loop, with few registers to
/// keep.
#[inline(never)]
fn next_start(starts: &Starts, bytes: &[u8], at: usize) -> usize {
    let plain = starts.plain;
    // the bytes from `at` on, as a slice cut from the front
    let mut rest = bytes.get(at..).unwrap_or(&[]);
    loop {
        if plain {
            while let Some((&chunk, tail)) = rest.split_first_chunk::<8>() {
                let n = plain_bytes(chunk);
                // fewer than eight: the next byte is not plain, and is looked at alone
                if n < 8 {
                    rest = rest.get(n..).unwrap_or(&[]);
                    break;
                }
                rest = tail;
            }
        }
        let [b, ref after @ ..] = *rest else {
            return bytes.len();
        };
        if starts.first[usize::from(b)] && starts.pair(b, after.first().copied()) {
            return bytes.len() - rest.len();
        }
        rest = after;
    }
}

/// How many of the eight bytes of `chunk` are ASCII lowercase letters or spaces before the
/// first that is not, in one 64-bit word.
#[inline]
fn plain_bytes(chunk: [u8; 8]) -> usize {
    let x = u64::from_le_bytes(chunk);
    let low = swar_low(x);
    let space = !((low ^ (ONES * u64::from(b' '))) - ONES);
    leading_run((swar_lower(low) | space) & !x & HIGH)
}

/// How many of the eight bytes of `chunk` are ASCII letters and digits before the first
/// that is not ([`alnum_run`]).
#[cfg(test)]
fn alnum_bytes(chunk: [u8; 8]) -> usize {
    alnum_run(u64::from_le_bytes(chunk))
}

/// How many of the eight bytes of the little-endian word `x` are ASCII letters and digits
/// before the first that is not, in one 64-bit word: a byte with bit 5 set is a lowercase
/// letter if it was a letter of either case.
#[inline]
fn alnum_run(x: u64) -> usize {
    let low = swar_low(x);
    let digit = (low - ONES * u64::from(b'0')) & !(low - ONES * u64::from(b'9' + 1));
    let letter = swar_lower(low | (ONES * 0x20));
    leading_run((digit | letter) & !x & HIGH)
}

/// How many of the eight bytes of `chunk` are ASCII lowercase letters before the first that
/// is not, in one 64-bit word ([`plain_bytes`] without the spaces).
#[inline]
fn lower_bytes(chunk: [u8; 8]) -> usize {
    lower_run(u64::from_le_bytes(chunk))
}

/// [`lower_bytes`] of the little-endian word `x`.
#[inline]
fn lower_run(x: u64) -> usize {
    leading_run(swar_lower(swar_low(x)) & !x & HIGH)
}

/// The top bit of each byte of a 64-bit word.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// The low bit of each byte.
const ONES: u64 = 0x0101_0101_0101_0101;

/// Each byte's low seven bits with the top bit set: subtracting a byte value below 0x80
/// borrows from no other byte, and leaves the top bit set where the byte is no less.
#[inline]
fn swar_low(x: u64) -> u64 {
    (x & !HIGH) | HIGH
}

/// The top bit of each byte of `low` ([`swar_low`]) whose low seven bits are `a` to `z`.
#[inline]
fn swar_lower(low: u64) -> u64 {
    (low - ONES * u64::from(b'a')) & !(low - ONES * u64::from(b'z' + 1))
}

/// How many bytes from the first have their top bit set in `marks` (top bits only).
#[inline]
fn leading_run(marks: u64) -> usize {
    ((!marks & HIGH).trailing_zeros() / 8) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gaz(text: &str) -> Gazetteer {
        Gazetteer::builder()
            .builtin(false)
            .add_tsv("t.tsv", text)
            .build()
            .unwrap()
    }

    /// A gazetteer is its clones' [`GazetteerId`] and no other's, the same contents built
    /// twice included; an id does not keep its gazetteer alive.
    #[test]
    fn an_id_tells_a_gazetteer_and_its_clones_only() {
        let file = "city\tAleppo\tSY\t\tSY-HL\n";
        let (a, b) = (gaz(file), gaz(file));
        let id = a.id();
        assert!(a.is(&id) && a.clone().is(&id));
        assert!(!b.is(&id), "a gazetteer built apart is another");
        assert!(
            !a.is(&GazetteerId::default()),
            "the default id is no gazetteer's"
        );
        assert!(id.alive());
        let clone = a.clone();
        drop(a);
        assert!(id.alive() && clone.is(&id), "a clone keeps it");
        drop(clone);
        assert!(!id.alive(), "an id keeps nothing alive");
    }

    /// Checks that every name of `g` (its keys, its overflow keys, its case-sensitive
    /// patterns) stores the kinds of the entries it names, as [`Gazetteer::entries_of`]
    /// reads them, and the one country of those entries (of its provinces, if one is a
    /// province); returns how many names it checked.
    fn assert_stored_kinds(g: &Gazetteer) -> usize {
        let names = &g.inner.names_dict;
        let keys = (0..names.key_count()).filter_map(|i| names.key_record(i));
        let keys = keys.map(|(_, _, t)| t.named);
        let overflow = names.overflow.values().map(|t| t.named);
        let cs = g
            .inner
            .automata
            .iter()
            .flat_map(|a| a.targets.iter().copied());
        let mut checked = 0;
        for named in keys.chain(overflow).chain(cs) {
            let m = Mention {
                span: Span::new(0, 0),
                named,
            };
            let read = g
                .entries_of(&m)
                .fold(0, |bits, (_, e)| bits | e.kind().bit());
            assert_eq!(m.kinds(), read, "{named:?}");
            assert!(read != 0, "{named:?} names no entry");
            let province = read & EntryKind::Province.bit() != 0;
            let countries: Vec<&str> = g
                .entries_of(&m)
                .filter(|(_, e)| !province || e.kind() == EntryKind::Province)
                .filter_map(|(_, e)| e.country())
                .collect();
            let one = countries
                .first()
                .filter(|c| countries.iter().all(|x| x == *c));
            assert_eq!(g.weighed_country(&m), one.copied(), "{named:?}");
            checked += 1;
        }
        checked
    }

    /// The kinds and country stored with each name are its entries': in the built-in index
    /// (read from its files, and built from the TSV files) and in a gazetteer built at run
    /// time, whose names find mentions that carry them.
    #[test]
    fn stored_kinds_are_the_entries_kinds() {
        let builtin = Gazetteer::builtin();
        assert!(assert_stored_kinds(builtin) > builtin.pattern_count() / 2);
        assert!(
            !builtin.inner.automata.is_empty() && !builtin.inner.names_dict.overflow.is_empty()
        );
        let built = Gazetteer::builder().build_from_files().unwrap();
        assert_eq!(assert_stored_kinds(&built), assert_stored_kinds(builtin));
        let g = gaz("city\tAleppo\tSY\nprovince\tAleppo\tSY\tSY-02\n\
            armed_group\tSyrian Democratic Forces\tSY\t\t\tSDF\n\
            military\tSyrian Army\tSY\t\t\tSDF|the army\n\
            city\tHoms\tLY\nprovince\tHoms\tSY\tSY-04\n\
            city\tTripoli\tLY\ncity\tTripoli\tLB\nofficial\tthe Envoy\n");
        assert_eq!(assert_stored_kinds(&g), 8);
        let found =
            g.find("The SDF and the army entered Aleppo, Homs and Tripoli, said the Envoy.");
        let kinds: Vec<u32> = found.iter().map(Mention::kinds).collect();
        let bits = |ks: &[EntryKind]| ks.iter().fold(0, |b, k| b | k.bit());
        let sdf = bits(&[EntryKind::ArmedGroup, EntryKind::Military]);
        let aleppo = bits(&[EntryKind::City, EntryKind::Province]);
        let military = EntryKind::Military.bit();
        let (city, official) = (EntryKind::City.bit(), EntryKind::Official.bit());
        assert_eq!(kinds, [sdf, military, aleppo, aleppo, city, official]);
        // the province speaks for Homs; Tripoli names two countries, the envoy none
        let countries: Vec<_> = found.iter().map(|m| g.weighed_country(m)).collect();
        let sy = Some("SY");
        assert_eq!(countries, [sy, sy, sy, sy, None, None]);
    }

    /// `find_into` empties the vector it is given: a vector kept from another text gives
    /// the mentions `find` gives, none of the old ones.
    #[test]
    fn find_into_a_used_vector_finds_what_find_finds() {
        let g = Gazetteer::builtin();
        let first = "Russian jets struck Idlib and Aleppo on Tuesday, the Syrian army said.";
        let second = "Protesters gathered in Kyiv; police in Kharkiv arrested ten.";
        let mut kept = g.find(first);
        assert!(!kept.is_empty());
        g.find_into(second, &mut kept);
        assert_eq!(kept, g.find(second));
        assert!(!kept.is_empty());
    }

    /// The built-in entries' strings in output values borrow the embedded index; those of a
    /// gazetteer built at run time are copies; both read the same.
    #[test]
    fn builtin_strings_are_shared_runtime_ones_copied() {
        let builtin = Gazetteer::builtin();
        let aleppo = builtin
            .entries()
            .iter()
            .find(|e| e.kind() == EntryKind::City && e.name() == "Aleppo")
            .expect("Aleppo is a built-in town");
        let name = aleppo.shared_name();
        assert!(matches!(name, Cow::Borrowed("Aleppo")), "{name:?}");
        let place = aleppo.shared_place(false, true);
        assert!(matches!(place.name, Cow::Borrowed("Aleppo")));
        assert!(matches!(place.province, Some(Cow::Borrowed("SY-HL"))));
        assert!(matches!(place.country, Some(Cow::Borrowed("SY"))));
        assert!(place.code.is_none());
        let town = aleppo.shared_place(false, false);
        assert!(town.code.is_none() && town.province.is_none());
        assert!(matches!(aleppo.shared_country(), Some(Cow::Borrowed("SY"))));
        assert!(matches!(
            builtin.shared_name_of("SY"),
            Some(Cow::Borrowed("Syria"))
        ));

        let g = gaz("city\tKamianka\tUA\t\tUA-14\t\nprovince\tDonetsk Oblast\tUA\tUA-14\t\t\n");
        let e = g.entries().first().expect("two entries");
        assert!(matches!(e.shared_name(), Cow::Owned(n) if n == "Kamianka"));
        let place = e.shared_place(false, true);
        assert!(matches!(place.name, Cow::Owned(n) if n == "Kamianka"));
        assert!(matches!(place.province, Some(Cow::Owned(p)) if p == "UA-14"));
        assert!(matches!(place.country, Some(Cow::Borrowed("UA"))));
        let province = g.entries().get(1).expect("two entries");
        let place = province.shared_place(true, false);
        assert!(matches!(place.name, Cow::Owned(n) if n == "Donetsk Oblast"));
        assert!(matches!(place.code, Some(Cow::Owned(c)) if c == "UA-14"));
        assert!(place.province.is_none());
        // a country code is borrowed whatever the gazetteer
        assert!(matches!(e.shared_country(), Some(Cow::Borrowed("UA"))));
    }

    /// A gazetteer built at run time with the built-in files reads the built-in entries'
    /// strings in the embedded index, so that their output values are borrowed as the
    /// built-in gazetteer's are (no copy per mention); the user's lines, and a built-in
    /// entry a user line merged into, are read in its own buffer and copied.
    #[test]
    fn runtime_gazetteer_borrows_the_builtin_entries_strings() {
        let user = "armed_group\tRed Hand Brigade\tSY\t\t\tRHB\n\
                    province\tIdlib\tSY\tSY-ID\t\tIdlib Governorate Zone\n";
        let g = Gazetteer::builder().add_tsv("u.tsv", user).build().unwrap();
        let find = |kind: EntryKind, name: &str| {
            g.entries()
                .iter()
                .find(|e| e.kind() == kind && e.name() == name)
                .unwrap_or_else(|| panic!("{name} is an entry"))
        };
        let aleppo = find(EntryKind::City, "Aleppo");
        assert!(matches!(aleppo.shared_name(), Cow::Borrowed("Aleppo")));
        let place = aleppo.shared_place(false, true);
        assert!(matches!(place.province, Some(Cow::Borrowed("SY-HL"))));
        assert!(matches!(
            g.shared_name_of("SY"),
            Some(Cow::Borrowed("Syria"))
        ));
        // the user's entry, and the built-in province its line merged into
        let group = find(EntryKind::ArmedGroup, "Red Hand Brigade");
        assert!(matches!(group.shared_name(), Cow::Owned(n) if n == "Red Hand Brigade"));
        let idlib = find(EntryKind::Province, "Idlib");
        assert!(idlib.patterns().any(|p| p == "Idlib Governorate Zone"));
        assert!(idlib.patterns().any(|p| p == "Idleb"));
        let place = idlib.shared_place(true, false);
        assert!(matches!(place.name, Cow::Owned(n) if n == "Idlib"));
        assert!(matches!(place.code, Some(Cow::Owned(c)) if c == "SY-ID"));
        // and every entry reads what the same entry of the built-in gazetteer reads
        let builtin = Gazetteer::builtin();
        for (a, b) in builtin.entries().iter().zip(g.entries()) {
            if a.text.is_none() && b.text.is_none() {
                assert_eq!(a, b);
            }
        }
        let mentions =
            g.find("The Red Hand Brigade shelled Aleppo and the Idlib Governorate Zone.");
        let names: Vec<&str> = mentions
            .iter()
            .flat_map(|m| g.entries_of(m).map(|(_, e)| e.name()))
            .collect();
        for want in ["Red Hand Brigade", "Aleppo", "Idlib"] {
            assert!(names.contains(&want), "{want} in {names:?}");
        }
    }

    /// The stored name length cuts the first pattern, and the table of codes finds the
    /// first entry of every code (its tag and its id), and no entry for a code it lacks;
    /// the built-in index as read, and a gazetteer built at run time.
    #[test]
    fn names_and_codes_read_from_the_entry_records() {
        let user = gaz("province\tNorth\tXA\tXA-N\t\tNorthern\ncity\t=Big Town\tXA\t\tXA-N\tBT\n");
        for g in [Gazetteer::builtin(), &user] {
            let mut first: HashMap<&str, &str> = HashMap::new();
            for e in g.entries() {
                let pattern = e.patterns().next().unwrap_or("");
                assert_eq!(e.name(), tsv::strip_cs(pattern));
                assert_eq!(e.shared_name(), e.name());
                if let (EntryKind::Country | EntryKind::Province, Some(code)) = (e.kind(), e.code())
                {
                    first.entry(code).or_insert(e.name());
                }
            }
            assert!(!first.is_empty());
            for (code, name) in first {
                assert_eq!(g.name_of(code), Some(name), "{code}");
                assert_eq!(g.shared_name_of(code).as_deref(), Some(name), "{code}");
            }
            for missing in ["", "XX-QQQ", "SY-H", "ZZ"] {
                assert_eq!(g.name_of(missing), None, "{missing}");
            }
        }
        assert_eq!(user.name_of("XA-N"), Some("North"));
        let town = user.entries().get(1).map(Entry::name);
        assert_eq!(town, Some("Big Town"));
    }

    #[test]
    fn country_codes_borrow_a_static_table() {
        for code in ["AA", "SY", "ZZ"] {
            assert!(matches!(share_code(code), Cow::Borrowed(c) if c == code));
        }
        for code in ["sy", "S", "SYR", "", "S\u{e9}", "Ü"] {
            assert!(matches!(share_code(code), Cow::Owned(c) if c == code));
        }
    }

    fn names(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text)
            .iter()
            .map(|m| m.span.get(text).unwrap().to_string())
            .collect()
    }

    #[test]
    fn longest_match_and_word_boundaries() {
        let g = gaz("province\tDeir ez-Zor\tSY\tSY-DY\t\tDeir\ncountry\tIran\tIR\tIR\ndemonym\tIranian\tIR\n");
        assert_eq!(names(&g, "in Deir ez-Zor province"), vec!["Deir ez-Zor"]);
        assert_eq!(
            names(&g, "an Iranian base in Iran"),
            vec!["Iranian", "Iran"]
        );
        assert_eq!(names(&g, "Irani Iranx"), Vec::<String>::new());
    }

    #[test]
    fn rejected_longest_falls_back_to_shorter_at_same_start() {
        let g = gaz("city\tDeir\tSY\nprovince\tDeir ez-Zor\tSY\tSY-DY\n");
        // "Deir ez-Zorx": the long pattern fails the boundary check; "Deir" fits.
        assert_eq!(names(&g, "Deir ez-Zorx"), vec!["Deir"]);
    }

    #[test]
    fn acronyms_are_case_sensitive_and_forced_patterns_too() {
        let g = gaz("armed_group\tIslamic State\t\t\t\tIS|ISIS\ncity\t=Hit\tIQ\t\tIQ-AN\n");
        assert_eq!(names(&g, "this is it"), Vec::<String>::new());
        assert_eq!(names(&g, "IS fighters in Hit were hit"), vec!["IS", "Hit"]);
        assert_eq!(names(&g, "Islamic state"), vec!["Islamic state"]);
        // a proper name needs its capital
        assert_eq!(names(&g, "islamic state"), Vec::<String>::new());
    }

    #[test]
    fn stoplist_drops_insensitive_common_words() {
        let g = Gazetteer::builder()
            .builtin(false)
            .add_tsv("t.tsv", "city\tPolice\tPL\ncity\t=Deal\tGB\n")
            .build()
            .unwrap();
        let stop = builtin::stoplist();
        if stop.contains("police") {
            assert_eq!(names(&g, "police said"), Vec::<String>::new());
        }
        assert_eq!(names(&g, "a deal in Deal"), vec!["Deal"]);
    }

    #[test]
    fn one_pattern_many_entries() {
        let g = gaz("city\tAleppo\tSY\t\tSY-HL\nprovince\tAleppo\tSY\tSY-HL\n");
        let m = g.find("in Aleppo");
        assert_eq!(m.len(), 1);
        let kinds: Vec<EntryKind> = g.entries_of(&m[0]).map(|(_, e)| e.kind()).collect();
        assert_eq!(kinds, vec![EntryKind::City, EntryKind::Province]);
    }

    #[test]
    fn non_ascii_boundaries() {
        let g = gaz("city\tHoms\tSY\t\tSY-HI\n");
        assert_eq!(names(&g, "«Homs» éHoms Homsé"), vec!["Homs"]);
    }

    #[test]
    fn lowercase_patterns_match_at_any_word_start() {
        let g = gaz("metonym\tthe Kremlin\tRU\ncity\tKremlin\tXX\n");
        assert_eq!(names(&g, "said the Kremlin"), vec!["the Kremlin"]);
        assert_eq!(names(&g, "The Kremlin said"), vec!["The Kremlin"]);
        // not inside a word; the shorter proper name still fits after it
        assert_eq!(names(&g, "bathe Kremlin"), vec!["Kremlin"]);
        assert_eq!(names(&g, "the kremlin"), vec!["the kremlin"]);
    }

    #[test]
    fn case_sensitive_hit_wins_on_the_same_span() {
        let g = gaz("source\tSyrian Arab News Agency\tSY\t\t\tSANA\ncity\tSana\tYE\n");
        let kind = |t: &str| -> Vec<EntryKind> {
            g.find(t)
                .iter()
                .flat_map(|m| g.entries_of(m).map(|(_, e)| e.kind()))
                .collect()
        };
        assert_eq!(kind("SANA said"), vec![EntryKind::Source]);
        assert_eq!(kind("in Sana today"), vec![EntryKind::City]);
    }

    #[test]
    fn water_bodies_are_no_places() {
        let g = gaz("province\tRed Sea\tEG\tEG-BA\ncity\tAden\tYE\t\tYE-AD\n\
             city\tDnipro\tUA\t\tUA-12\ncity\tOdesa\tUA\t\tUA-51\ndemonym\tPersian\tIR\n\
             province\tBay\tSO\tSO-BY\nprovince\tCross River\tNG\tNG-CR\ncountry\tChad\tTD\tTD\n");
        let none = Vec::<String>::new();
        assert_eq!(names(&g, "a tanker in the Red Sea"), none);
        assert_eq!(
            names(&g, "Red Sea governorate, Red Sea State"),
            vec!["Red Sea"; 2]
        );
        assert_eq!(names(&g, "in the Gulf of Aden, off Aden"), vec!["Aden"]);
        assert_eq!(names(&g, "the Dnipro River, the Dnipro  river"), none);
        assert_eq!(
            names(&g, "in Dnipro, the Odesa sea port"),
            vec!["Dnipro", "Odesa"]
        );
        assert_eq!(names(&g, "the Persian Gulf; Persian rugs"), vec!["Persian"]);
        assert_eq!(names(&g, "the Bay of Bengal; Baidoa in Bay"), vec!["Bay"]);
        assert_eq!(
            names(&g, "Lake Chad, the Sea of Aden; in Chad"),
            vec!["Chad"]
        );
        // a province named after its river is the province
        assert_eq!(names(&g, "gunmen in Cross River"), vec!["Cross River"]);
        // the words around read from eight bytes: more spaces, either case, a word that
        // only begins or ends like a water word
        assert_eq!(
            names(
                &g,
                "the Sea  of Aden, a LAGOON of Aden, RIVER   Dnipro, the Dnipro  Straits"
            ),
            none
        );
        assert_eq!(
            names(
                &g,
                "in Aden seaside, the lover of Aden, Chad riverside, off Dnipro"
            ),
            vec!["Aden", "Aden", "Chad", "Dnipro"]
        );
    }

    #[test]
    fn patterns_starting_with_punctuation() {
        let g = gaz("city\t\u{2018}Ajman\tAE\n");
        assert_eq!(names(&g, "in 'Ajman today"), vec!["'Ajman"]);
    }

    /// After a word that starts no key, a mark that starts none and a space, the words are
    /// read as after a word and its space: the lowercase ones passed over to a key, a
    /// capitalised one or a mark that starts one.
    #[test]
    fn words_after_a_mark_and_a_space() {
        let g = gaz("metonym\tthe Kremlin\tRU\ncity\t\u{2018}Ajman\tAE\ncity\tIdlib\tSY\n");
        assert_eq!(
            names(
                &g,
                "Moscow, as said the kremlin; then\u{201d} Idlib. 'Ajman"
            ),
            vec!["the kremlin", "Idlib", "'Ajman"]
        );
        assert_eq!(
            names(&g, "x, xthe Kremlin, (the Kremlin"),
            vec!["the Kremlin"]
        );
        assert_eq!(
            names(&g, "Idlib,  the Kremlin ,"),
            vec!["Idlib", "the Kremlin"]
        );
    }

    #[test]
    fn long_names_are_walked_word_by_word() {
        let g = gaz("country\tBosnia and Herzegovina\tBA\tBA\ncity\tBosnia\tBA\n");
        assert_eq!(
            names(&g, "Bosnia and Herzegovina, Bosnia and Croatia"),
            vec!["Bosnia and Herzegovina", "Bosnia"]
        );
    }

    #[test]
    fn first_word_filter_has_no_false_negative() {
        let g = Gazetteer::builtin();
        let names = &g.inner.names_dict;
        assert!(names.key_count() != 0);
        let mut rejected = 0;
        for i in 0..names.key_count() as u32 {
            let (k, _) = names.key(i).unwrap();
            let end = next_word_end(k, 0, k.len()).unwrap();
            let h = name_hash(NAME_SEED, k.as_bytes().get(..end).unwrap());
            assert!(names.may_start(h), "{k:?} would never be found");
            if !names.may_start(name_hash(NAME_SEED, format!("zq{k}x").as_bytes())) {
                rejected += 1;
            }
        }
        // and it rejects most words that start no key
        assert!(
            rejected * 10 > names.key_count() * 8,
            "{rejected} of {}",
            names.key_count()
        );
    }

    /// The first-word cache ([`FirstWords`]) gives what the tables give, for every key's
    /// first word and for words that start none, whether the hash is in it, was never in
    /// it, or took its slot from another (two hashes of one slot, read in turn).
    #[test]
    fn first_words_cache_is_the_tables() {
        let g = Gazetteer::builtin();
        let names = &g.inner.names_dict;
        let tables = |h: u64| names.may_start(h).then(|| names.prefix(h)).flatten();
        let same = |a: Option<Prefix>, b: Option<Prefix>| {
            a.map(|p| (p.flags, p.key)) == b.map(|p| (p.flags, p.key))
        };
        let mut firsts = FirstWords::default();
        firsts.serve(g);
        let mut hashes = vec![0, 1, FIRST_SLOTS as u64];
        for i in (0..names.key_count() as u32).step_by(7) {
            let (k, _) = names.key(i).unwrap();
            let end = next_word_end(k, 0, k.len()).unwrap();
            let h = name_hash(NAME_SEED, k.as_bytes().get(..end).unwrap());
            // the key's first word, a word that starts none, and one of the same slot
            hashes.extend([h, h ^ 0x5a5a_0000_0000, h.wrapping_add(FIRST_SLOTS as u64)]);
        }
        let starts = hashes.iter().filter(|&&h| tables(h).is_some()).count();
        assert!(
            starts * 10 > hashes.len() * 3,
            "{starts} of {}",
            hashes.len()
        );
        for round in 0..2 {
            for &h in &hashes {
                assert!(
                    same(firsts.prefix(names, h), tables(h)),
                    "{h:#x}, round {round}"
                );
                assert!(same(firsts.prefix(names, h), tables(h)), "{h:#x} again");
            }
        }
    }

    /// A thread that searches with two gazetteers in turn finds in each what that gazetteer
    /// finds alone: the first-word cache kept from one text to the next ([`FIRSTS`]) holds
    /// one gazetteer's answers and is emptied for the other's.
    #[test]
    fn first_words_kept_serve_one_gazetteer() {
        let a = gaz("city\tAleppo\tSY\t\tSY-HL\ncity\tHoms\tSY\t\tSY-HI\n");
        let b = gaz("city\tMosul\tIQ\t\tIQ-NI\ncity\tHoms Gap\tSY\t\tSY-HI\n");
        let text = "Aleppo, Homs and Mosul. Homs Gap, Aleppo and Mosul again.";
        let alone =
            |g: &Gazetteer| std::thread::scope(|s| s.spawn(|| names(g, text)).join().unwrap());
        let (just_a, just_b) = (alone(&a), alone(&b));
        assert_eq!(just_a, ["Aleppo", "Homs", "Homs", "Aleppo"]);
        assert_eq!(just_b, ["Mosul", "Homs Gap", "Mosul"]);
        for _ in 0..3 {
            assert_eq!(names(&a, text), just_a);
            assert_eq!(names(&b, text), just_b);
            assert_eq!(names(Gazetteer::builtin(), text).len(), 6);
        }
    }

    /// For every prefix of every key of `g` that the key goes on from, the test of the word
    /// after it ([`Names::may_go_on`], on the key as text) passes; returns how many prefixes
    /// there are and for how many a word no key has after it ("Zqxvkw") is rejected.
    fn next_words_of_keys(g: &Gazetteer) -> (usize, usize) {
        let names = &g.inner.names_dict;
        let (mut prefixes, mut rejected) = (0, 0);
        for i in 0..names.key_count() as u32 {
            let (k, _) = names.key(i).unwrap();
            // the key as text, with the eight bytes the test reads after a word's first
            let text = format!("{k}         ");
            let (mut e, mut h) = (0, NAME_SEED);
            while let Some(ne) = next_word_end(k, e, k.len()) {
                h = name_hash(h, k.as_bytes().get(e..ne).unwrap());
                if ne < k.len() {
                    assert!(names.may_go_on(h, text.as_bytes(), ne), "{k:?} after {ne}");
                    prefixes += 1;
                    rejected += usize::from(!names.may_go_on(h, b" Zqxvkw    ", 0));
                }
                e = ne;
            }
        }
        (prefixes, rejected)
    }

    #[test]
    fn next_word_filter_has_no_false_negative() {
        let (prefixes, rejected) = next_words_of_keys(Gazetteer::builtin());
        assert!(prefixes > 10_000, "{prefixes}");
        // and it rejects most words that go on no key
        assert!(rejected * 10 > prefixes * 8, "{rejected} of {prefixes}");
        let names = [
            "Rif Dimashq",
            "St. Louis",
            "Deir ez-Zor",
            "al-Bab",
            "U.S. Army",
            "Abu Kamal Border Crossing",
            "Hay'at Tahrir al-Sham",
            "Qal‘at al-Madiq",
            "Homsé Town",
            "Camp 12345678901 North",
            "the Kremlin",
            "Ras al Ain",
        ];
        let tsv: String = names.iter().map(|n| format!("city\t{n}\tSY\n")).collect();
        let g = gaz(&tsv);
        let (prefixes, _) = next_words_of_keys(&g);
        assert!(prefixes >= 15, "{prefixes}");
        // and the walk finds each name after a capitalised word and before another
        for n in names.map(|n| n.replace('‘', "'")) {
            let text = format!("Said {n} Today and {n}, then {n}");
            let found: Vec<&str> = g
                .find(&text)
                .iter()
                .filter_map(|m| text.get(m.span.start..m.span.end))
                .collect();
            assert_eq!(found, [&*n; 3], "{text:?}");
        }
    }

    #[test]
    fn words_before_a_period() {
        let g = gaz(
            "metonym\tthe Kremlin\tRU\ncity\tSt. Louis\tUS\ncity\tHoms\tSY\n\
             armed_group\tal-Qaeda\t\t\t\tal.Qaeda\n",
        );
        assert_eq!(
            names(&g, "said the Kremlin. St. Louis. In Homs.x the."),
            vec!["the Kremlin", "St. Louis", "Homs"]
        );
        assert_eq!(names(&g, "al.Qaeda, al. Qaeda"), vec!["al.Qaeda"]);
    }

    /// A run's filter test read from its first byte, the byte after that and its length
    /// is the test of the run itself, for a run of one byte too.
    #[test]
    fn may_start_run_is_may_start() {
        let mut f = RunFilter::new();
        for k in ["al", "a", "deir", "the", "k2", "x"] {
            f.add(k.as_bytes());
        }
        let t = b"a al alb deir the th k2 k x b z9 q -- d";
        for i in 0..t.len() {
            let run = run_at(t, i);
            if run.is_empty() {
                continue;
            }
            let next = t.get(i + 1).copied().unwrap_or(0);
            assert_eq!(
                f.may_start_run(t[i], next, run.len()),
                f.may_start(run),
                "at {i}"
            );
        }
    }

    /// The filter's table of lowercase runs tells what its table of rows does, for every
    /// two lowercase letters and length, and for a run of one letter whatever follows it:
    /// the built-in filters, a made one and one not made.
    #[test]
    fn may_start_lower_is_may_start_run() {
        let mut made = RunFilter::new();
        for k in ["al", "a", "deir", "the", "k2", "x", "abcdefghijklmnopqrst"] {
            made.add(k.as_bytes());
        }
        let made = made.made();
        let names = &Gazetteer::builtin().inner.names_dict;
        let default = RunFilter::default();
        let filters = [&names.lower_starts, &made, &default];
        let mut yes = 0;
        for f in filters {
            for first in b'a'..=b'z' {
                for second in b'a'..=b'z' {
                    for len in 2..40 {
                        let want = f.may_start_run(first, second, len);
                        assert_eq!(f.may_start_lower(first, second, len), want);
                        yes += usize::from(want);
                    }
                }
                // whatever the byte after it (a letter's slot too)
                let want = f.may_start_run(first, b' ', 1);
                for after in 0..=u8::MAX {
                    assert_eq!(f.may_start_lower(first, after, 1), want, "{after}");
                }
            }
        }
        // not every answer is yes, nor every one no
        assert!(yes > 26 * 26 * 38 && yes < 26 * 26 * 38 * 4, "{yes}");
    }

    /// `count` of eight bytes is the length of their leading run that `keep` takes, for
    /// every byte value at every position of `template`.
    fn counts_leading_run(count: fn([u8; 8]) -> usize, keep: fn(u8) -> bool, template: [u8; 8]) {
        for b in 0..=255u8 {
            for pos in 0..8 {
                let mut t = template;
                t[pos] = b;
                let want = t.iter().take_while(|&&c| keep(c)).count();
                assert_eq!(count(t), want, "{b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn alnum_bytes_counts_letters_and_digits() {
        counts_leading_run(alnum_bytes, |b| b.is_ascii_alphanumeric(), *b"aZ09bY8m");
    }

    #[test]
    fn plain_bytes_counts_lowercase_letters_and_spaces() {
        let plain = |b: u8| b.is_ascii_lowercase() || b == b' ';
        counts_leading_run(plain_bytes, plain, *b"ab cd ef");
    }

    /// The walk's shortcut for a simple next word reads what the full function does, from
    /// every position and under every limit.
    #[test]
    fn next_word_hashed_is_next_word_end_hashed() {
        let texts = [
            "the White House said",
            "Deir ez-Zor, U.S.-led al-Bab",
            "Homs\u{bb} and Homs\u{e9} x",
            "a  b..c 12th",
        ];
        for text in texts {
            for from in 0..=text.len() {
                for limit in from..=text.len() {
                    let want = next_word_end_hashed(text, from, limit, NAME_SEED);
                    let got = next_word_hashed(text, from, limit, NAME_SEED);
                    assert_eq!(got, want, "{text:?} from {from} to {limit}");
                }
            }
        }
    }

    #[test]
    fn chunk_at_reads_eight_bytes_zero_past_the_end() {
        let text = b"Idlib, Syria";
        for at in (0..=text.len() + 9).chain([usize::MAX - 7, usize::MAX]) {
            let mut want = [0u8; 8];
            for (k, w) in want.iter_mut().enumerate() {
                *w = at
                    .checked_add(k)
                    .and_then(|j| text.get(j))
                    .copied()
                    .unwrap_or(0);
            }
            assert_eq!(chunk_at(text, at), u64::from_le_bytes(want), "{at}");
            let whole = at.checked_add(8).is_some_and(|end| end <= text.len());
            assert_eq!(eight_at(text, at), whole.then_some(want), "{at}");
        }
    }

    #[test]
    fn alnum_run_hashed_is_name_hash_of_the_run() {
        // runs of every length around the chunks' edges (eight, sixteen: the empty chunk
        // after them is no step), ended by a mark, a space, a non-ASCII byte or the text's end
        let letters = "ThursdayMinistryOfDefence2024x";
        for len in 1..=letters.len() {
            let run = &letters[..len];
            for after in ["", " said", ".", "-Bab", "\u{e9}", "\u{bb}"] {
                let text = format!("{run}{after}");
                let want = (len, name_hash(NAME_SEED, run.as_bytes()));
                assert_eq!(alnum_run_hashed(text.as_bytes(), 0), want, "{text:?}");
                let shifted = format!("(x {text}");
                let got = alnum_run_hashed(shifted.as_bytes(), 3);
                assert_eq!(got, (len + 3, want.1), "{shifted:?}");
            }
        }
    }

    #[test]
    fn lower_bytes_counts_lowercase_letters() {
        counts_leading_run(lower_bytes, |b| b.is_ascii_lowercase(), *b"abcdefgh");
    }

    /// The run's end counted eight bytes at a time is the run's end counted byte by byte,
    /// from every position, whatever the bytes and the length of what is left; and what
    /// `lower_word` tells of a lowercase run is what the bytes say.
    #[test]
    fn alnum_run_end_is_run_at() {
        let texts = [
            "said the Kremlin",
            "abcdefghijklmnopq r",
            "abcdefgH1jklmnop, qr",
            "words\u{e9}t\u{e9} and caf\u{e9}",
            "x",
            "aaaaaaaa",
            "aaaaaaaaZ",
            "the al-Bab 12th brigade",
            "internationally, the administration's counteroffensive said",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "abcdefghijklmno5 abcdefghijklmnZ abcdefghijkl\u{e9}",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for i in 0..bytes.len() {
                let want = i + run_at(bytes, i).len();
                assert_eq!(alnum_run_end(bytes, i), want, "{text:?} at {i}");
                if bytes[i].is_ascii_lowercase() {
                    let w = lower_word(bytes, i);
                    assert_eq!(w.end, want, "{text:?} at {i}");
                    assert_eq!(w.after, bytes.get(want).copied(), "{text:?} at {i}");
                    assert_eq!(w.next, bytes.get(i + 1).copied().unwrap_or(0));
                    let lower = bytes[i..want].iter().all(u8::is_ascii_lowercase);
                    assert!(!w.lower || lower, "{text:?} at {i}");
                }
            }
        }
    }

    /// `next_start` finds what a scan byte by byte does, from every position, whether it
    /// passes plain bytes eight at a time or not.
    #[test]
    fn next_start_is_the_first_pair_from_at() {
        let texts = [
            "",
            "abc",
            "the SDF said",
            "said the long and quiet SDF; SD S",
            "a b c d e f g h i j k l m n o p SDF",
            "U.S.\u{e9}SDF x SDFSDF the Sx and.SD",
        ];
        for lower in [false, true] {
            let mut starts = Starts::default();
            for p in ["SDF", "U.S.", "\u{e9}S", "S"] {
                starts.add(p.as_bytes());
            }
            if lower {
                starts.add(b"qu");
            }
            assert_eq!(starts.plain, !lower);
            for t in texts.map(str::as_bytes) {
                for at in 0..=t.len() + 1 {
                    let starts_here = |i: usize| {
                        starts.first[usize::from(t[i])] && starts.pair(t[i], t.get(i + 1).copied())
                    };
                    let want = (at..t.len()).find(|&i| starts_here(i)).unwrap_or(t.len());
                    assert_eq!(next_start(&starts, t, at), want, "{t:?} from {at}");
                }
            }
        }
    }

    #[test]
    fn lowercase_word_filter_has_no_false_negative() {
        let g = Gazetteer::builtin();
        let names = &g.inner.names_dict;
        let mut checked = 0;
        for i in 0..names.key_count() as u32 {
            let (k, t) = names.key(i).unwrap();
            let lower = k.to_ascii_lowercase();
            let run: Vec<u8> = lower
                .bytes()
                .take_while(u8::is_ascii_alphanumeric)
                .collect();
            if !t.proper && run.first().is_some_and(u8::is_ascii_lowercase) {
                assert!(
                    names.lower_starts.may_start(&run),
                    "{k:?} would never be found"
                );
                checked += 1;
            }
        }
        assert!(checked > 100, "{checked}");
        // and it passes over most lowercase words
        let words = [
            "said", "were", "killed", "people", "attack", "in", "and", "by",
        ];
        let passed = words
            .iter()
            .filter(|w| names.lower_starts.may_start(w.as_bytes()))
            .count();
        assert!(passed * 2 < words.len(), "{passed}");
        // a user gazetteer's too, overflow map aside
        let g = gaz("metonym\tthe Kremlin\tRU\ncity\tal-Bab\tSY\ncity\tSaid\tEG\n");
        let names = &g.inner.names_dict;
        let lower = &names.lower_starts;
        assert!(lower.may_start(b"the") && lower.may_start(b"al"));
        assert!(!lower.may_start(b"said") && !lower.may_start(b"then"));
        assert_eq!(
            self::names(&g, "the army and the Kremlin"),
            vec!["the Kremlin"]
        );
    }

    #[test]
    fn mentions_deduplicated_as_sorted() {
        // the sort and dedup as they were, against the one pass over mentions by start
        let reference = |mut all: Vec<Mention>| {
            sorted_as_before(&mut all);
            all
        };
        let m = |start, end, id| Mention {
            span: Span::new(start, end),
            named: Named::of_word((id, id + 1), 0),
        };
        let cases = [
            vec![],
            vec![m(0, 4, 0)],
            // the case-sensitive hit first, shorter, then longer, then as long
            vec![m(0, 4, 0), m(0, 9, 1), m(0, 9, 2), m(3, 5, 3), m(9, 12, 4)],
            vec![m(0, 9, 0), m(0, 4, 1), m(5, 7, 2), m(9, 10, 3), m(9, 10, 4)],
            vec![m(2, 4, 0), m(3, 8, 1), m(3, 9, 2), m(9, 12, 3)],
            // out of order, and empty spans: sorted as before
            vec![m(5, 8, 0), m(0, 4, 1), m(4, 6, 2)],
            vec![m(0, 0, 0), m(0, 0, 1), m(0, 3, 2), m(3, 4, 3)],
            vec![m(0, 2, 0), m(2, 2, 1), m(2, 2, 2), m(2, 5, 3)],
        ];
        for all in cases {
            let mut got = all.clone();
            dedup_mentions(&mut got);
            assert_eq!(got, reference(all.clone()), "{all:?}");
        }
    }

    #[test]
    fn water_letter_pairs_read_either_case() {
        assert!(water_pair_at(b"Sea", 0) && water_pair_at(b"the GULF", 4));
        assert!(!water_pair_at(b"Se", 1) && !water_pair_at(b"s", 0) && !water_pair_at(b"", 0));
        assert!(!water_pair_at(b"s\xc3\xa9a", 0) && !water_pair_at(b"{e", 0));
        let before = &BEFORE_END_SET;
        assert!(pair_in(before, b"Lake", 2) && pair_in(before, b"OF", 0));
        assert!(!pair_in(before, b"o\x06", 0) && !pair_in(before, b"of", 1));
        // every pair of bytes, against the rows read with the standard library's case tests
        let in_rows = |rows: &[u32; 26], a: u8, b: u8| {
            let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
            a.is_ascii_lowercase()
                && b.is_ascii_lowercase()
                && rows[usize::from(a - b'a')] & (1 << (b - b'a')) != 0
        };
        let sets = [
            (&WATER_PAIRS, &WATER_PAIR_SET),
            (&WATER_ENDS, &WATER_END_SET),
            (&BEFORE_ENDS, &BEFORE_END_SET),
        ];
        for (rows, set) in sets {
            for a in 0..=255u8 {
                for b in 0..=255u8 {
                    assert_eq!(pair_in(set, &[a, b], 0), in_rows(rows, a, b), "{a} {b}");
                }
            }
        }
    }

    /// The kinds' test is a necessary condition of [`Gazetteer::is_water_body`]'s rule on
    /// the entries' kinds: every list of one to three entries that the rule lets through
    /// has kinds that pass it, and a list of a place and a kind that is none fails both.
    #[test]
    fn may_name_water_lets_through_what_the_rule_does() {
        let rule = |kinds: &[EntryKind]| match kinds {
            [first, rest @ ..] => {
                (first.is_place() && rest.iter().all(|k| k.is_place()))
                    || *first == EntryKind::Demonym
            }
            [] => false,
        };
        let bits = |kinds: &[EntryKind]| kinds.iter().fold(0, |b, k| b | k.bit());
        let mut passed = 0;
        for &a in &EntryKind::ALL {
            for &b in &EntryKind::ALL {
                for &c in &EntryKind::ALL {
                    for list in [&[a][..], &[a, b], &[a, b, c]] {
                        if rule(list) {
                            assert!(may_name_water(bits(list)), "{list:?}");
                            passed += 1;
                        }
                    }
                }
            }
        }
        assert!(passed > 100, "{passed}");
        let group = EntryKind::ALL
            .into_iter()
            .find(|k| !k.is_place() && *k != EntryKind::Demonym);
        let list = [EntryKind::City, group.unwrap_or(EntryKind::Demonym)];
        assert!(!rule(&list) && !may_name_water(bits(&list)));
    }

    /// The test read from a few bytes is the slow one, and a necessary condition of the
    /// rules: no span that [`in_water_name`] finds in a water name fails it.
    #[test]
    fn may_be_water_is_may_be_water_slow() {
        // words that pass and fail each of its tests, spaces of every count, other bytes
        let pieces = [
            "Sea", "gulf", "RIVER", "of", "Of", "lake", "the", "Aden", "Red Sea", "x", "é", " ",
            "  ", "       ", "        ", ",", "-", "ocean", "Bay", "er", "sa", "security", "lover",
            "Straits", "seas", "port", "Lagoon", "1",
        ];
        let mut named = 0;
        let mut seed: u64 = 7;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let bytes = text.as_bytes();
            for start in 0..bytes.len() {
                for end in start + 1..=bytes.len() {
                    let may = may_be_water(bytes, start, end);
                    assert_eq!(
                        may,
                        may_be_water_slow(bytes, start, end),
                        "{text:?} {start} {end}"
                    );
                    if in_water_name(&text, Span::new(start, end), true) {
                        assert!(may, "{text:?} {start} {end}");
                        named += 1;
                    }
                }
            }
        }
        assert!(named > 1000, "{named}");
    }

    /// The acronyms' search as it was: an unanchored leftmost-longest search, shorter
    /// patterns retried at a rejected start.
    fn find_one_unanchored(a: &Automaton, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let Some(m) = a.ac.find(Input::new(text).range(at..)) else {
                break;
            };
            let mut accepted = at_boundary(text, m.start(), m.end()).then_some(m);
            let mut end = m.end();
            while accepted.is_none() && end > m.start() + 1 {
                end -= 1;
                let input = Input::new(text)
                    .range(m.start()..end)
                    .anchored(Anchored::Yes);
                match a.ac.find(input) {
                    Some(s) if at_boundary(text, s.start(), s.end()) => accepted = Some(s),
                    Some(s) => end = s.end(),
                    None => break,
                }
            }
            match accepted {
                Some(m) => {
                    let named = a.targets[m.pattern().as_usize()];
                    out.push(Mention {
                        span: Span::new(m.start(), m.end()),
                        named,
                    });
                    at = m.end().max(at + 1);
                }
                None => {
                    at = m.start() + 1;
                    while !text.is_char_boundary(at) {
                        at += 1;
                    }
                }
            }
        }
        out
    }

    /// Texts of acronyms glued to each other and to letters, digits, punctuation and
    /// non-ASCII characters, every way round.
    fn acronym_texts(patterns: &[&str]) -> Vec<String> {
        let glue = [
            " ", "", "a", "Z", "9", ".", "-", "é", "«", "\u{939}", "(", "'", " the ", "s",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        (0..400)
            .map(|_| {
                let mut t = String::new();
                for _ in 0..30 {
                    t.push_str(glue[next(glue.len())]);
                    let p = patterns[next(patterns.len())];
                    // the whole pattern, or a cut of it at a char boundary
                    let cut = (0..=p.len())
                        .filter(|&c| p.is_char_boundary(c))
                        .nth(next(p.chars().count() + 1))
                        .unwrap_or(p.len());
                    t.push_str(if next(3) == 0 { &p[..cut] } else { p });
                }
                t
            })
            .collect()
    }

    #[test]
    fn anchored_acronym_search_finds_what_the_unanchored_one_did() {
        let g = Gazetteer::builtin();
        let a = &g.inner.automata[0];
        let patterns: Vec<&str> = g.inner.cs_patterns.split('\n').collect();
        let mut hits = 0;
        for t in acronym_texts(&patterns) {
            let mut got = Vec::new();
            find_one(a, &t, &mut got);
            assert_eq!(got, find_one_unanchored(a, &t), "{t:?}");
            hits += got.len();
        }
        assert!(hits > 1000, "{hits}");
        // patterns that start or end with punctuation, digits, non-ASCII letters
        let g = gaz("armed_group\t(SDF)\t\t\t\tU.S.|9/11|-X-|É.I.|SDF|SD|\u{939}\u{93f}\n");
        let a = &g.inner.automata[0];
        let patterns = [
            "(SDF)",
            "U.S.",
            "9/11",
            "-X-",
            "É.I.",
            "SDF",
            "SD",
            "\u{939}\u{93f}",
        ];
        for t in acronym_texts(&patterns) {
            let mut got = Vec::new();
            find_one(a, &t, &mut got);
            assert_eq!(got, find_one_unanchored(a, &t), "{t:?}");
        }
    }

    /// [`Gazetteer::find`] with the case-sensitive patterns in a pass of their own.
    fn find_in_two_passes(g: &Gazetteer, text: &str) -> Vec<Mention> {
        let mut all = Vec::new();
        for a in &g.inner.automata {
            find_one(a, text, &mut all);
        }
        let mut cs = CsWalk { a: None, from: 0 };
        let mut firsts = FirstWords::default();
        firsts.serve(g);
        find_names(&g.inner.names_dict, &mut firsts, text, &mut cs, &mut all);
        sorted_as_before(&mut all);
        all.retain(|m| !g.is_water_body(text, m));
        all
    }

    /// The mentions of every pass sorted by start (the longer first, stable) and those that
    /// start inside the last one kept dropped: what [`Gazetteer::find`] did before
    /// [`dedup_mentions`], the reference of the tests.
    fn sorted_as_before(all: &mut Vec<Mention>) {
        all.sort_by(|x, y| {
            x.span
                .start
                .cmp(&y.span.start)
                .then(y.span.end.cmp(&x.span.end))
        });
        all.dedup_by(|m, last| m.span.start < last.span.end);
    }

    #[test]
    fn acronyms_found_from_the_name_walk_are_those_of_their_own_pass() {
        let g = Gazetteer::builtin();
        assert!(g.inner.automata[0].starts.word_first);
        let mut patterns: Vec<&str> = g.inner.cs_patterns.split('\n').step_by(3).collect();
        // names that hold, start or end like acronyms, and names with acronyms inside
        let names = [
            "Deir ez-Zor",
            "Sana",
            "Islamic State",
            "the Kremlin",
            "Idlib",
            "al-Bab",
            "US-led coalition",
            "Free Syrian Army",
            "anti-IS coalition",
            "Kurdish YPG",
            "state news agency SANA",
            "pro-GNA forces",
            "Palipehutu-FNL",
        ];
        for _ in 0..12 {
            patterns.extend(names);
        }
        let mut hits = 0;
        for t in acronym_texts(&patterns) {
            let got = g.find(&t);
            assert_eq!(got, find_in_two_passes(g, &t), "{t:?}");
            hits += got.len();
        }
        assert!(hits > 1000, "{hits}");
        // an acronym that starts inside a name and ends past it, dropped, hides the one
        // after the name as the pass of their own did
        let g = gaz("armed_group\tYPG-99\t\t\t\t99\ncity\tKurdish YPG\tSY\n");
        assert!(g.inner.automata[0].starts.word_first);
        for t in ["Kurdish YPG-99", "Kurdish YPG 99", "the Kurdish YPG-99, 99"] {
            assert_eq!(g.find(t), find_in_two_passes(&g, t), "{t:?}");
        }
        assert_eq!(self::names(&g, "Kurdish YPG-99"), ["Kurdish YPG"]);
        // a pattern that starts with punctuation: the pass of their own
        let g = gaz("armed_group\t(SDF)\t\t\t\tSDF\ncity\tIdlib\tSY\n");
        assert!(!g.inner.automata[0].starts.word_first);
        assert_eq!(self::names(&g, "the (SDF) in Idlib"), ["(SDF)", "Idlib"]);
    }

    /// [`NameStarts::long_word`] gives the answer of [`NameStarts::word`] for every word
    /// whose first eight bytes are ASCII letters and digits, over words of 1 to 40 bytes
    /// (and a few more) of lowercase letters (opening as the built-in keys do, so that both
    /// answers come), capitals, digits, "-" and non-ASCII letters and marks, at the end of
    /// the text or before other bytes; and the
    /// tokenizer's answer for any word ("yes" under eight letters and digits, as
    /// [`NameStarts::word`] may not say "no" where a key starts) is never "no" where
    /// `word`'s is "yes".
    #[test]
    fn long_word_is_word() {
        let g = Gazetteer::builtin();
        let starts = g.name_starts();
        let heads: Vec<[u8; 2]> = g
            .keys()
            .iter()
            .filter_map(|k| k.as_bytes().first_chunk::<2>().copied())
            .filter(|h| h.iter().all(u8::is_ascii_lowercase))
            .collect();
        let mut seed: u64 = 11;
        let mut next = |m: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % m
        };
        let (mut told, mut compared) = (0, 0);
        for len in 1..=40usize {
            for round in 0..400 {
                let mut word: Vec<u8> = (0..len).map(|_| b'a' + next(26) as u8).collect();
                if round % 2 == 0 && len >= 2 {
                    word[..2].copy_from_slice(&heads[next(heads.len() as u64) as usize]);
                }
                // some words all lowercase; the others with a capital, digit or "-" somewhere
                // (a character of two or three bytes makes the word longer: its bytes hold
                // 0x60 of 0xe0 and not, "’" E2 80 99)
                for _ in 0..next(3) {
                    let at = next(word.len() as u64) as usize;
                    let by = ["Q", "7", "-", "A", "0", "é", "’"][next(7) as usize];
                    word.splice(at..=at, by.bytes());
                }
                let len = word.len();
                let tail = ["", " ", ".", ", and", "\" ", " 12", "-", " of the sixteen."]
                    [next(8) as usize];
                let text = [b"in ".as_slice(), &word, tail.as_bytes()].concat();
                let i = 3;
                let reference = starts.word_at(&text, i, len);
                let chunk = u64::from_le_bytes(*text[i..].first_chunk::<8>().unwrap_or(&[0; 8]));
                let n = text[i..]
                    .iter()
                    .take(8)
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let tokenizer = n < 8 || starts.long_word(chunk, &text, i, len);
                assert!(
                    tokenizer || !reference,
                    "{:?}",
                    String::from_utf8_lossy(&text)
                );
                if n == 8 {
                    assert_eq!(tokenizer, reference, "{:?}", String::from_utf8_lossy(&text));
                    compared += 1;
                    told += usize::from(!reference);
                }
            }
        }
        // both answers came, for words short and long enough
        assert!(
            told > 1_000 && compared - told > 1_000,
            "{told} of {compared}"
        );
    }
}
