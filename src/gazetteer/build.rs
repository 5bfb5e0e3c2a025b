//! Building a [`Gazetteer`]: files parsed into one shared buffer of entries, user entries
//! checked (common words, duplicates), then the indexes.
//!
//! # Memory
//!
//! Every entry's strings go to one buffer and each entry is a 24-byte record into it; the
//! case-insensitive keys are grouped by sorting compact records (hash, offset, entry), not
//! through a map of owned strings, into 12-byte key records; the prefix table is an
//! open-addressing table of 12-byte slots sized to the keys' prefixes (at most three
//! quarters full), not a hash map that doubles. Measured on a generated file of a million
//! town lines (47 MB, 1.38 million names and aliases), the build's peak resident memory
//! grows by 3.7 times the file, its text included (the README's "User gazetteers").

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind, StartKind};
use once_cell::sync::Lazy;

use super::table::{prefix_slots, probe_words, Filter, Words, PREFIX_FLAG_BITS, PREFIX_WORDS};
use super::tsv::{self, Line};
use super::{
    bloom_bits, builtin, code_hash, code_slot, code_tag, is_case_sensitive, next_bits,
    next_word_end, run_sig_at, Automaton, Entry, EntryId, EntryKind, Gazetteer, Inner, Named,
    Names, Slot, Starts, BUILTIN_FILES, CODE_WORDS, KEY_FOLDED, KEY_PROPER, KEY_WORDS,
    NAME_UNMATCHED, PREFIX_KEY, PREFIX_LOWER, PREFIX_MORE, PREFIX_MORE_LOWER, REMOVED,
};
use crate::error::Error;
use crate::hash::{fnv_lower, fnv_step, name_hash, Fast, FNV_OFFSET, NAME_SEED};

/// Common English words a user file may not use as case-insensitive names or aliases: they
/// would match all over any article ("the", "said", "killed"). A name or alias among them
/// (or in the built-in stoplist, `data/stoplist.tsv`) is not matched and the builder
/// returns a [`Warning`]; written with a leading `=` it is forced, and matched only as
/// written (`=Said` matches "Said", never "said"). The built-in data is held to the
/// stoplist only (its "Most" and "Than" are towns, matched only with their capital).
#[rustfmt::skip]
pub const COMMON_WORDS: &[&str] = &[
    "a", "about", "after", "against", "air", "all", "also", "an", "and", "any", "are",
    "army", "as", "at", "attack", "attacked", "attacks", "be", "been", "before", "being",
    "between", "bomb", "bombed", "bombs", "but", "by", "can", "city", "civilians", "could",
    "dead", "death", "deaths", "did", "died", "dies", "district", "do", "does", "during",
    "east", "eastern", "fire", "fired", "first", "five", "for", "force", "forces", "four",
    "from", "government", "had", "has", "have", "he", "her", "here", "his", "hit", "hurt",
    "if", "in", "injured", "into", "is", "it", "its", "just", "kill", "killed", "killing",
    "kills", "last", "many", "may", "might", "military", "minister", "more", "most", "much",
    "must", "near", "new", "no", "nor", "north", "northern", "not", "of", "official",
    "officials", "old", "on", "one", "only", "onto", "or", "other", "our", "over", "people",
    "police", "president", "province", "raid", "raids", "region", "said", "say", "says",
    "shelled", "shelling", "she", "should", "since", "so", "soldiers", "some", "south",
    "southern", "state", "still", "strike", "strikes", "striking", "struck", "ten", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "three", "to", "told", "tells", "town", "troops", "two", "under", "until", "up", "very",
    "village", "war", "was", "we", "were", "west", "western", "what", "when", "where",
    "which", "while", "who", "will", "with", "would", "wounded", "yes", "you",
];

static COMMON: Lazy<HashSet<&'static str>> = Lazy::new(|| COMMON_WORDS.iter().copied().collect());

/// Something a build accepted but changed: a common word not matched, duplicate lines
/// merged. Returned by [`GazetteerBuilder::build_with_warnings`], never printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    kind: WarningKind,
    file: String,
    line: usize,
    message: String,
}

/// What a [`Warning`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// A name or alias is a common English word: not matched (force it with `=`).
    CommonWord,
    /// A line repeats an earlier entry (same kind, name, country, code and province): its
    /// aliases and attributes were merged into the earlier one.
    Duplicate,
}

impl Warning {
    /// What it is about.
    pub fn kind(&self) -> WarningKind {
        self.kind
    }
    /// The file, as named to [`GazetteerBuilder::add_tsv`].
    pub fn file(&self) -> &str {
        &self.file
    }
    /// The line (1-based).
    pub fn line(&self) -> usize {
        self.line
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Builds a [`Gazetteer`] from the built-in data and user files.
///
/// ```
/// use conflict_events::gazetteer::Gazetteer;
/// let gazetteer = Gazetteer::builder()
///     .builtin(false)
///     .add_tsv("my_groups.tsv", "armed_group\tRed Hand Brigade\t\t\t\tRHB|Red Hand")
///     .build()?;
/// let hits = gazetteer.find("The RHB claimed the attack.");
/// assert_eq!(gazetteer.entries_of(&hits[0]).next().unwrap().1.name(), "Red Hand Brigade");
/// # Ok::<(), conflict_events::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct GazetteerBuilder {
    builtin: bool,
    stoplist: bool,
    files: Vec<(String, String)>,
}

impl Default for GazetteerBuilder {
    fn default() -> Self {
        GazetteerBuilder {
            builtin: true,
            stoplist: true,
            files: Vec::new(),
        }
    }
}

impl GazetteerBuilder {
    /// Include the built-in data (default: yes).
    pub fn builtin(mut self, yes: bool) -> Self {
        self.builtin = yes;
        self
    }

    /// Drop case-insensitive patterns that are common English words (default: yes): the
    /// built-in stoplist for every file, and [`COMMON_WORDS`] for user files.
    pub fn stoplist(mut self, yes: bool) -> Self {
        self.stoplist = yes;
        self
    }

    /// Add a user file: `name` is used in error messages, `text` is its content.
    pub fn add_tsv(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.files.push((name.into(), text.into()));
        self
    }

    /// Parses every file and builds the indexes.
    ///
    /// # Errors
    /// A malformed line (naming file, line and reason), or an automaton that cannot be built.
    pub fn build(&self) -> Result<Gazetteer, Error> {
        if self.builtin && self.stoplist && self.files.is_empty() {
            // the built-in data alone: its index, made ahead of time, shared
            return Ok(Gazetteer::builtin().clone());
        }
        self.build_from_files()
    }

    /// [`build`](Self::build), always from the files (the built-in TSV files too).
    pub(crate) fn build_from_files(&self) -> Result<Gazetteer, Error> {
        self.build_inner(false).map(|(g, _)| g)
    }

    /// [`build`](Self::build), with what it accepted but changed, in file and line order:
    /// common words not matched, duplicate lines merged.
    ///
    /// ```
    /// use conflict_events::gazetteer::{Gazetteer, WarningKind};
    /// let (gazetteer, warnings) = Gazetteer::builder()
    ///     .builtin(false)
    ///     .add_tsv("g.tsv", "city\tSaid\tEG\ncity\t=Said\tEG\t\t\tSaid Town\n")
    ///     .build_with_warnings()?;
    /// assert_eq!(warnings[0].to_string(), "g.tsv:1: name \"Said\" is a common English word: \
    ///     not matched (write \"=Said\" to match it as written)");
    /// assert_eq!(warnings[1].kind(), WarningKind::Duplicate);
    /// assert_eq!(gazetteer.find("said Said").len(), 1); // the forced one, as written
    /// # Ok::<(), conflict_events::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`build`](Self::build).
    pub fn build_with_warnings(&self) -> Result<(Gazetteer, Vec<Warning>), Error> {
        self.build_inner(true)
    }

    /// Builds, with the warnings if `collect` (a million duplicate lines make a million
    /// warnings: not made when not asked for).
    fn build_inner(&self, collect: bool) -> Result<(Gazetteer, Vec<Warning>), Error> {
        let stop: HashSet<String> = if self.stoplist {
            builtin::stoplist()
        } else {
            HashSet::new()
        };
        let bytes = self.files.iter().map(|(_, t)| t.len()).sum::<usize>()
            + if self.builtin {
                BUILTIN_FILES.iter().map(|(_, t)| t.len()).sum()
            } else {
                0
            };
        let mut store = Store::with_capacity(bytes);
        if self.builtin {
            for (name, text) in BUILTIN_FILES {
                tsv::parse_each(name, text, |n, line| {
                    store.push(&line, |_, _| false, name, n)
                })?;
            }
        }
        let first_user = store.slots.len();
        let mut found = Found {
            list: Vec::new(),
            collect,
        };
        for (f, (name, text)) in self.files.iter().enumerate() {
            tsv::parse_each(name, text, |n, line| {
                let too_many = || Error::gazetteer(name, n, "more than 4 G lines or files");
                let origin = (u32::try_from(f), u32::try_from(n));
                let (Ok(file), Ok(line_no)) = origin else {
                    return Err(too_many());
                };
                store.origins.push((file, line_no));
                let refused = |what: &str, p: &str| {
                    let w = self.stoplist.then(|| common_word(what, p, &stop)).flatten();
                    w.map(|message| {
                        found.push(f, || warning(WarningKind::CommonWord, name, n, message))
                    })
                    .is_some()
                };
                store.push(&line, refused, name, n)
            })?;
        }
        if !self.files.is_empty() {
            store.merge_duplicates(first_user, &self.files, &mut found)?;
        }
        found.list.sort_by_key(|(f, w)| (*f, w.line));
        let (entries, text) = store.finish();
        let gazetteer = index(entries, text, &stop)?;
        Ok((gazetteer, found.list.into_iter().map(|(_, w)| w).collect()))
    }
}

/// The warnings of a build, with the index of their file; made only if `collect`.
struct Found {
    list: Vec<(usize, Warning)>,
    collect: bool,
}

impl Found {
    fn push(&mut self, file: usize, make: impl FnOnce() -> Warning) {
        if self.collect {
            self.list.push((file, make()));
        }
    }
}

fn warning(kind: WarningKind, file: &str, line: usize, message: String) -> Warning {
    Warning {
        kind,
        file: file.to_string(),
        line,
        message,
    }
}

/// The message if `pattern` (a name or an alias, as written) is a common word not forced.
fn common_word(what: &str, pattern: &str, stop: &HashSet<String>) -> Option<String> {
    if is_case_sensitive(pattern) {
        return None;
    }
    let folded = crate::text::Normalized::new(pattern);
    let key = folded.as_str().to_ascii_lowercase();
    if !COMMON.contains(key.as_str()) && !stop.contains(&key) {
        return None;
    }
    let mut forced = String::with_capacity(pattern.len() + 1);
    forced.push('=');
    let mut chars = pattern.chars();
    if let Some(c) = chars.next() {
        forced.extend(c.to_uppercase());
        forced.push_str(chars.as_str());
    }
    Some(format!(
        "{what} {pattern:?} is a common English word: not matched (write {forced:?} to match \
         it as written)"
    ))
}

/// Entries as they are read: their strings in one buffer, a [`Slot`] each.
struct Store {
    text: String,
    slots: Vec<Slot>,
    /// For each user entry (from the first user file on): the file index and line (8 bytes
    /// a line, not 16: a million lines are 8 MB).
    origins: Vec<(u32, u32)>,
}

impl Store {
    fn with_capacity(bytes: usize) -> Store {
        Store {
            // the strings of a line are shorter than the line: pages never written are
            // never resident, and the buffer is shrunk when done
            text: String::with_capacity(bytes),
            slots: Vec::with_capacity(bytes / 32),
            origins: Vec::new(),
        }
    }

    /// Adds a line. `refuse(what, pattern)` says whether a name or alias is refused (not
    /// matched): a refused alias is left out, a refused name kept but flagged.
    fn push(
        &mut self,
        line: &Line<'_>,
        mut refuse: impl FnMut(&str, &str) -> bool,
        file: &str,
        line_no: usize,
    ) -> Result<(), Error> {
        let too_big = || Error::gazetteer(file, line_no, "the gazetteer text passes 4 GiB");
        let start = u32::try_from(self.text.len()).map_err(|_| too_big())?;
        let mut flags = 0;
        if refuse("name", line.name) {
            flags |= NAME_UNMATCHED;
        }
        self.text.push_str(line.name);
        for (i, alias) in line.aliases().enumerate() {
            if !refuse(&format!("alias {}", i + 1), alias) {
                self.text.push('\t');
                self.text.push_str(alias);
            }
        }
        let pats = self.text.len() - start as usize;
        self.text.push_str(line.code);
        if line.kind != EntryKind::Province {
            self.text.push_str(line.province);
        }
        self.text.push_str(line.attrs);
        let province = if line.kind == EntryKind::Province {
            0
        } else {
            line.province.len()
        };
        let slot = slot(line, start, pats, province, flags)
            .ok_or_else(|| Error::gazetteer(file, line_no, "a column is too long"))?;
        self.slots.push(slot);
        Ok(())
    }

    /// Merges every user entry that repeats an earlier one (same kind, name, country, code
    /// and province) into it: aliases it lacks, attributes whose key it lacks. Built-in
    /// entries are never merged with each other (the data has towns of one name in one
    /// province).
    fn merge_duplicates(
        &mut self,
        first_user: usize,
        files: &[(String, String)],
        found: &mut Found,
    ) -> Result<(), Error> {
        let mut keyed: Vec<(u64, u32)> = Vec::with_capacity(self.slots.len());
        for (i, s) in self.slots.iter().enumerate() {
            let id = u32::try_from(i).map_err(|_| Error::automaton("too many entries"))?;
            keyed.push((self.identity_hash(s), id));
        }
        keyed.sort_unstable();
        let mut run_start = 0;
        while let Some(&(h, _)) = keyed.get(run_start) {
            let run_end = keyed
                .get(run_start..)
                .and_then(|r| r.iter().position(|(x, _)| *x != h))
                .map_or(keyed.len(), |p| run_start + p);
            if run_end - run_start > 1 {
                let run: Vec<usize> = keyed
                    .get(run_start..run_end)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&(_, i)| i as usize)
                    .collect();
                self.merge_run(&run, first_user, files, found);
            }
            run_start = run_end;
        }
        let mut i = 0;
        let origins = std::mem::take(&mut self.origins);
        self.origins = origins
            .into_iter()
            .filter(|_| {
                let keep = self
                    .slots
                    .get(first_user + i)
                    .is_some_and(|s| s.flags & REMOVED == 0);
                i += 1;
                keep
            })
            .collect();
        self.slots.retain(|s| s.flags & REMOVED == 0);
        Ok(())
    }

    /// Entries of one identity hash, in file order: each user entry equal to an earlier one
    /// is merged into the first of them.
    fn merge_run(
        &mut self,
        run: &[usize],
        first_user: usize,
        files: &[(String, String)],
        found: &mut Found,
    ) {
        let mut keepers: Vec<usize> = Vec::new();
        for &j in run {
            let Some(sj) = self.slots.get(j).copied() else {
                continue;
            };
            let same = keepers.iter().copied().find(|&k| {
                self.slots
                    .get(k)
                    .is_some_and(|sk| self.same_identity(sk, &sj))
            });
            match same {
                Some(k) if j >= first_user => {
                    let origin = |e: usize| {
                        let (f, l) = self.origins.get(e.wrapping_sub(first_user)).copied()?;
                        Some((f as usize, l as usize))
                    };
                    let (Some((fj, lj)), first) = (origin(j), origin(k)) else {
                        continue;
                    };
                    let merged = self.merge(k, j);
                    found.push(fj, || {
                        let file = files.get(fj).map_or("", |f| f.0.as_str());
                        let of = match first {
                            Some((fk, lk)) => {
                                format!("{}:{lk}", files.get(fk).map_or("", |f| f.0.as_str()))
                            }
                            None => "a built-in entry".to_string(),
                        };
                        let what = format!("{} {:?}", sj.kind.as_str(), self.name_of(&sj));
                        let message = if merged {
                            format!("duplicate of {of} ({what}): merged")
                        } else {
                            format!("duplicate of {of} ({what}): kept apart, merged it is too long")
                        };
                        warning(WarningKind::Duplicate, file, lj, message)
                    });
                }
                Some(_) => {}
                None => keepers.push(j),
            }
        }
    }

    /// Merges entry `j` into entry `k`; false if the merged strings would be too long.
    fn merge(&mut self, k: usize, j: usize) -> bool {
        let (Some(sk), Some(sj)) = (self.slots.get(k).copied(), self.slots.get(j).copied()) else {
            return false;
        };
        let pats_k = self.part(&sk, 0, usize::from(sk.pats)).to_string();
        let pats_j = self.part(&sj, 0, usize::from(sj.pats)).to_string();
        let have: HashSet<&str> = pats_k.split('\t').collect();
        let mut pats = pats_k.clone();
        // the other line's name too when written otherwise ("=Said" after "Said"), unless
        // it was refused
        let skip = usize::from(sj.flags & NAME_UNMATCHED != 0);
        for p in pats_j.split('\t').skip(skip) {
            if !have.contains(p) {
                pats.push('\t');
                pats.push_str(p);
            }
        }
        let mut attrs = attrs_of(self, &sk).to_string();
        let keys: HashSet<String> = attrs
            .split(';')
            .filter_map(|p| p.split_once('=').map(|(k, _)| k.trim().to_string()))
            .collect();
        for pair in attrs_of(self, &sj).split(';') {
            match pair.split_once('=') {
                Some((key, _)) if !keys.contains(key.trim()) => {
                    if !attrs.is_empty() {
                        attrs.push(';');
                    }
                    attrs.push_str(pair.trim());
                }
                _ => {}
            }
        }
        let (Ok(pats_len), Ok(attrs_len), Ok(start)) = (
            u16::try_from(pats.len()),
            u16::try_from(attrs.len()),
            u32::try_from(self.text.len()),
        ) else {
            return false;
        };
        let code_prov = self
            .part(
                &sk,
                usize::from(sk.pats),
                usize::from(sk.code) + usize::from(sk.province),
            )
            .to_string();
        self.text.push_str(&pats);
        self.text.push_str(&code_prov);
        self.text.push_str(&attrs);
        if let Some(s) = self.slots.get_mut(k) {
            s.start = start;
            s.pats = pats_len;
            s.attrs = attrs_len;
        }
        if let Some(s) = self.slots.get_mut(j) {
            s.flags |= REMOVED;
        }
        true
    }

    fn part(&self, s: &Slot, from: usize, len: usize) -> &str {
        let start = s.start as usize + from;
        self.text.get(start..start + len).unwrap_or("")
    }

    fn name_of(&self, s: &Slot) -> &str {
        let pats = self.part(s, 0, usize::from(s.pats));
        tsv::strip_cs(pats.split('\t').next().unwrap_or(""))
    }

    /// The strings that say which entry it is: name, code, province.
    fn identity(&self, s: &Slot) -> (&str, &str) {
        let code_prov = self.part(
            s,
            usize::from(s.pats),
            usize::from(s.code) + usize::from(s.province),
        );
        (self.name_of(s), code_prov)
    }

    fn identity_hash(&self, s: &Slot) -> u64 {
        let (name, code_prov) = self.identity(s);
        let mut h = fnv_step(FNV_OFFSET, s.kind as u8);
        for b in s.country.iter().chain(name.as_bytes()).chain(&[0]) {
            h = fnv_step(h, *b);
        }
        h = fnv_step(h, s.code);
        code_prov.bytes().fold(h, fnv_step)
    }

    fn same_identity(&self, a: &Slot, b: &Slot) -> bool {
        a.kind == b.kind
            && a.country == b.country
            && a.code == b.code
            && a.province == b.province
            && self.identity(a) == self.identity(b)
    }

    /// The entries, and the buffer their strings are in. An entry whose strings lie in
    /// the part of the buffer that is byte for byte the built-in index's text (the lines
    /// of the built-in files, parsed first, when the gazetteer includes them) reads them
    /// there ([`Entry`]'s `text` is `None`): the output values of its mentions then borrow
    /// them from the binary, as the built-in gazetteer's do, instead of copying each. The
    /// other entries (the user's lines, and built-in entries a user line merged into) share
    /// the buffer. The buffer stays whole: the name walk reads every key in it.
    fn finish(mut self) -> (Vec<Entry>, Arc<String>) {
        self.text.shrink_to_fit();
        let same = common_prefix(self.text.as_bytes(), builtin::TEXT.as_bytes());
        let text = Arc::new(self.text);
        let mut entries = Vec::with_capacity(self.slots.len());
        entries.extend(self.slots.into_iter().map(|at| Entry {
            text: (at.end() > same).then(|| Arc::clone(&text)),
            at,
        }));
        (entries, text)
    }
}

fn attrs_of<'s>(store: &'s Store, s: &Slot) -> &'s str {
    let at = usize::from(s.pats) + usize::from(s.code) + usize::from(s.province);
    store.part(s, at, usize::from(s.attrs))
}

/// The [`Slot`] of a line whose strings start at `start`; `None` if a length overflows
/// (the parser's limits keep them in range).
fn slot(line: &Line<'_>, start: u32, pats: usize, province: usize, flags: u8) -> Option<Slot> {
    let mut country = [0u8; 2];
    if let [a, b] = line.country.as_bytes() {
        country = [*a, *b];
    }
    Some(Slot {
        start,
        pats: u16::try_from(pats).ok()?,
        // a column has no tab: the name is the first pattern, whole
        name: u16::try_from(line.name.len()).ok()?,
        attrs: u16::try_from(line.attrs.len()).ok()?,
        code: u8::try_from(line.code.len()).ok()?,
        province: u8::try_from(province).ok()?,
        kind: line.kind,
        country,
        flags,
    })
}

/// A case-insensitive key to index: where its lowercased text is in the key buffer, its
/// hash's high half (sorting by it groups equal keys), the entry, and whether the pattern
/// is written with a capital.
#[derive(Clone, Copy)]
struct Key {
    hash: u32,
    start: u32,
    len: u32,
    /// Entry id, with the top bit set when the pattern is a proper name.
    entry: u32,
}

const PROPER_BIT: u32 = 1 << 31;

/// Builds the indexes over the entries.
fn index(
    entries: Vec<Entry>,
    text: Arc<String>,
    stop: &HashSet<String>,
) -> Result<Gazetteer, Error> {
    if entries.len() >= PROPER_BIT as usize {
        return Err(Error::automaton("too many entries"));
    }
    let (folded, keys, cs) = collect_keys(&entries, stop)?;
    let bufs = Bufs {
        text: text.as_str(),
        folded: &folded,
    };
    let (key_words, mut ids) = group_keys(keys, &bufs, &entries)?;
    let mut names_dict = Names {
        keys: Words::Owned(key_words),
        ..Names::default()
    };
    let groups = names_dict.key_count();
    // the Bloom filter of first words, about ten bits a key (no more first words than keys)
    let blocks = (groups * 10 / 64).next_power_of_two().max(16);
    let count = prefix_count(&names_dict, &bufs);
    let mut prefixes = vec![0u32; prefix_slots(count) * PREFIX_WORDS];
    // the Bloom filter of the words that go on from a prefix, about ten bits a prefix that
    // is no whole key (each key has one that is)
    let next_blocks = (count.saturating_sub(groups) * 10 / 64)
        .next_power_of_two()
        .max(16);
    let mut blooms = Blooms {
        first: Filter::new(blocks),
        next: Filter::new(next_blocks),
    };
    for index in 0..groups {
        add_key(&mut names_dict, &bufs, index, &mut prefixes, &mut blooms)?;
    }
    names_dict.prefixes = Words::Owned(prefixes);
    names_dict.first_words = blooms.first;
    names_dict.next_words = blooms.next;
    names_dict.text = Some(text);
    names_dict.folded = folded.into();
    names_dict.finish();
    let (automata, cs_patterns) = case_sensitive_automaton(cs, &mut ids, &entries)?;
    let patterns = groups + automata.iter().map(|a| a.targets.len()).sum::<usize>();
    let codes = code_table(&entries);
    ids.shrink_to_fit();
    Ok(Gazetteer {
        inner: Arc::new(Inner {
            entries,
            ids: Words::Owned(ids),
            automata,
            cs_patterns: cs_patterns.into(),
            names_dict,
            patterns,
            codes: Words::Owned(codes),
        }),
    })
}

/// The keys, sorted and grouped: one record of [`KEY_WORDS`] words per distinct key (with
/// the kinds of its `entries`), and the entry ids the records point to.
fn group_keys(
    mut keys: Vec<Key>,
    bufs: &Bufs<'_>,
    entries: &[Entry],
) -> Result<(Vec<u32>, Vec<u32>), Error> {
    keys.sort_unstable_by(|a, b| {
        a.hash
            .cmp(&b.hash)
            .then_with(|| bufs.cmp(a, b))
            .then((a.entry & !PROPER_BIT).cmp(&(b.entry & !PROPER_BIT)))
    });
    let too_many = || Error::automaton("too many patterns");
    // as many records as keys at most (shrunk when done)
    let mut ids = Vec::with_capacity(keys.len());
    let mut out = Vec::with_capacity((keys.len() + 1) * KEY_WORDS);
    let mut i = 0;
    while let Some(k) = keys.get(i) {
        let start = u32::try_from(ids.len()).map_err(|_| too_many())?;
        let mut proper = true;
        let mut j = i;
        while let Some(o) = keys.get(j).filter(|o| bufs.same(k, o)) {
            let id = o.entry & !PROPER_BIT;
            proper &= o.entry & PROPER_BIT != 0;
            if ids.last() != Some(&id) || j == i {
                ids.push(id);
            }
            j += 1;
        }
        if start & KEY_PROPER != 0 {
            return Err(too_many());
        }
        let first = start | if proper { KEY_PROPER } else { 0 };
        let end = ids.len() as u32;
        let named = Named::of(
            entries,
            ids.get(start as usize..).unwrap_or(&[]),
            (start, end),
        );
        out.extend_from_slice(&[k.start, k.len, first, named.word()]);
        i = j;
    }
    // a last record, only to say where the last key's ids end
    let end = u32::try_from(ids.len())
        .ok()
        .filter(|e| e & KEY_PROPER == 0)
        .ok_or_else(too_many)?;
    out.extend_from_slice(&[0, 0, end, 0]);
    out.shrink_to_fit();
    Ok((out, ids))
}

/// The countries and provinces by code ([`Gazetteer::name_of`]): an open-addressing
/// table of entry ids plus one (zero: an empty slot) and their codes' tags
/// ([`CODE_WORDS`] a slot), the first entry of each code; at most half full (linear
/// probing's runs stay short: a code found in ~1.5 probes, a missing one in ~2.5, where
/// three quarters full took ~2.5 and ~8.5, and some codes 40 or more).
fn code_table(entries: &[Entry]) -> Vec<u32> {
    let named = |e: &&Entry| matches!(e.kind(), EntryKind::Country | EntryKind::Province);
    let count = entries.iter().filter(named).count();
    let slots = count.saturating_mul(2).saturating_add(1);
    let mut table = vec![0u32; CODE_WORDS.saturating_mul(slots)];
    for (i, e) in entries.iter().enumerate() {
        let (Some(code), true) = (e.code(), named(&e)) else {
            continue;
        };
        let (Some(slot), Ok(id)) = (code_slot(&table, entries, code), u32::try_from(i + 1)) else {
            continue;
        };
        let at = slot * CODE_WORDS;
        if let Some(w) = table
            .get_mut(at..at + CODE_WORDS)
            .filter(|w| w.first() == Some(&0))
        {
            w.copy_from_slice(&[id, code_tag(code_hash(code))]);
        }
    }
    table
}

/// Where the keys are: the entries' shared text, and the keys that folding changes.
struct Bufs<'a> {
    text: &'a str,
    folded: &'a str,
}

impl Bufs<'_> {
    fn key(&self, k: &Key) -> &'_ str {
        self.at(k.start, k.len)
    }

    /// The key at `start` (in `text`, or in `folded` with [`KEY_FOLDED`]) of `len` bytes.
    fn at(&self, start: u32, len: u32) -> &'_ str {
        let (buf, at) = if start & KEY_FOLDED != 0 {
            (self.folded, start & !KEY_FOLDED)
        } else {
            (self.text, start)
        };
        buf.get(at as usize..(at as usize).saturating_add(len as usize))
            .unwrap_or("")
    }

    fn same(&self, a: &Key, b: &Key) -> bool {
        a.hash == b.hash && self.key(a).eq_ignore_ascii_case(self.key(b))
    }

    /// Keys in ASCII-case-insensitive byte order.
    fn cmp(&self, a: &Key, b: &Key) -> std::cmp::Ordering {
        let (x, y) = (self.key(a).as_bytes(), self.key(b).as_bytes());
        x.iter()
            .map(u8::to_ascii_lowercase)
            .cmp(y.iter().map(u8::to_ascii_lowercase))
    }
}

type CaseSensitive = HashMap<String, (Vec<EntryId>, bool), Fast>;

/// Every pattern to index: case-insensitive ones as [`Key`]s (into the entries' text where
/// folding leaves a pattern as written, else into the returned buffer of folded keys);
/// case-sensitive ones (few) in a map.
fn collect_keys(
    entries: &[Entry],
    stop: &HashSet<String>,
) -> Result<(String, Vec<Key>, CaseSensitive), Error> {
    // every pattern once, at most: reserved so that the list does not double past its need
    let count = entries
        .iter()
        .map(|e| {
            let pats = e.part(0, usize::from(e.at.pats));
            pats.bytes().filter(|b| *b == b'\t').count() + 1
        })
        .sum();
    let mut folded_keys = String::new();
    let mut keys: Vec<Key> = Vec::with_capacity(count);
    let mut cs: CaseSensitive = HashMap::default();
    let mut lower = String::new();
    for (i, e) in entries.iter().enumerate() {
        let id = u32::try_from(i).map_err(|_| Error::automaton("too many entries"))?;
        let skip = usize::from(!e.name_matched());
        for written in e.patterns().skip(skip) {
            // patterns are folded like the text ("Qal‘ah" is matched as "Qal'ah")
            let folded = crate::text::Normalized::new(written);
            let p = folded.as_str();
            let bare = tsv::strip_cs(p);
            if bare.is_empty() {
                continue;
            }
            let proper = bare.chars().next().is_some_and(char::is_uppercase);
            if is_case_sensitive(p) {
                let (v, all_proper) = cs
                    .entry(bare.to_string())
                    .or_insert_with(|| (Vec::new(), true));
                *all_proper &= proper;
                if v.last() != Some(&id) {
                    v.push(id);
                }
                continue;
            }
            lower.clear();
            lower.push_str(bare);
            lower.make_ascii_lowercase();
            if stop.contains(&lower) {
                continue;
            }
            keys.push(Key {
                hash: (fnv_lower(FNV_OFFSET, lower.as_bytes()) >> 32) as u32,
                start: key_start(e, written, bare, &mut folded_keys)?,
                len: bare.len() as u32,
                entry: id | if proper { PROPER_BIT } else { 0 },
            });
        }
    }
    Ok((folded_keys, keys, cs))
}

/// Where the key of pattern `written` of `e` is: the pattern itself in the entries' text
/// when folding left it as written (a case-insensitive pattern has no `=`), else `key`
/// copied to `folded` (with [`KEY_FOLDED`]).
fn key_start(e: &Entry, written: &str, key: &str, folded: &mut String) -> Result<u32, Error> {
    let too_big = || Error::automaton("the gazetteer text passes 2 GiB");
    let buffer = e.buffer();
    let at = (written.as_ptr() as usize).wrapping_sub(buffer.as_ptr() as usize);
    let start = if key.as_ptr() == written.as_ptr() && buffer.get(at..at + key.len()) == Some(key) {
        at
    } else {
        folded.push_str(key);
        folded.len() - key.len()
    };
    let start = u32::try_from(start)
        .ok()
        .filter(|s| s & KEY_FOLDED == 0)
        .ok_or_else(too_big)?;
    Ok(if key.as_ptr() == written.as_ptr() {
        start
    } else {
        start | KEY_FOLDED
    })
}

/// The number of prefixes of the keys, at most (a key of three words has three).
fn prefix_count(names: &Names, bufs: &Bufs<'_>) -> usize {
    let mut count = 0;
    for i in 0..names.key_count() {
        let Some((start, len, _)) = names.key_record(i) else {
            continue;
        };
        let k = bufs.at(start, len);
        let mut e = 0;
        while let Some(ne) = next_word_end(k, e, k.len()) {
            count += 1;
            e = ne;
        }
    }
    count
}

/// The Bloom filters of [`Names`] being made: of the first words
/// ([`Names::first_words`]), and of the words that go on from a prefix
/// ([`Names::next_words`]).
struct Blooms {
    first: Filter,
    next: Filter,
}

/// Indexes key `index` of the names: every prefix cut at its word ends in `prefixes` (a
/// table of [`PREFIX_WORDS`] words a slot), its first word and the word after each prefix
/// in the Bloom filters, and the key itself (a key whose hash another key has goes to the
/// overflow map).
fn add_key(
    names: &mut Names,
    bufs: &Bufs<'_>,
    index: usize,
    prefixes: &mut [u32],
    blooms: &mut Blooms,
) -> Result<(), Error> {
    let Some((start, len, target)) = names.key_record(index) else {
        return Ok(());
    };
    let k = bufs.at(start, len);
    let index = u32::try_from(index)
        .ok()
        .filter(|i| i >> (32 - PREFIX_FLAG_BITS) == 0)
        .ok_or_else(|| Error::automaton("too many patterns"))?;
    names.max_len = names.max_len.max(k.len());
    let proper = target.proper;
    // the key's word ends, as the search will cut the text
    let mut h = NAME_SEED;
    let mut e = 0;
    let mut stored = false;
    while let Some(ne) = next_word_end(k, e, k.len()) {
        h = name_hash(h, k.as_bytes().get(e..ne).unwrap_or(&[]));
        if e == 0 {
            let probe = bloom_bits(h, blooms.first.blocks());
            blooms.first.set(probe);
        }
        if let Some(sig) = run_sig_at(k.as_bytes(), ne + 1).filter(|_| ne < k.len()) {
            blooms.next.set(next_bits(h, sig, blooms.next.blocks()));
        }
        let slot = prefix_slot(prefixes, h)?;
        let word = slot.get(2).copied().unwrap_or(0);
        let (mut key, mut flags) = (
            word >> PREFIX_FLAG_BITS,
            word & ((1 << PREFIX_FLAG_BITS) - 1),
        );
        if ne == k.len() {
            if flags & u32::from(PREFIX_KEY) == 0 {
                key = index;
                stored = true;
            }
            flags |= u32::from(PREFIX_KEY | if proper { 0 } else { PREFIX_LOWER });
        } else {
            flags |= u32::from(PREFIX_MORE | if proper { 0 } else { PREFIX_MORE_LOWER });
        }
        if let Some(w) = slot.get_mut(2) {
            *w = key << PREFIX_FLAG_BITS | flags;
        }
        e = ne;
    }
    let lead = k.chars().next();
    if !stored {
        let k: Box<str> = k.into();
        names.overflow.insert(k, target);
    }
    match lead {
        Some(c) if c.is_ascii() && !c.is_ascii_alphanumeric() => {
            names.lead |= 1u128 << (c as u32);
        }
        Some(c) if !c.is_ascii() && !c.is_alphanumeric() => names.lead_other = true,
        _ => {}
    }
    Ok(())
}

/// The slot of hash `h` in a prefix table being built, claimed for it if it was empty.
fn prefix_slot(prefixes: &mut [u32], h: u64) -> Result<&mut [u32], Error> {
    let full = || Error::automaton("the prefix table is full");
    let (slot, _, _) = probe_words(prefixes, h).ok_or_else(full)?;
    let at = slot * PREFIX_WORDS;
    let s = prefixes.get_mut(at..at + PREFIX_WORDS).ok_or_else(full)?;
    if let [lo, hi, ..] = s {
        *lo = h as u32;
        *hi = (h >> 32) as u32;
    }
    Ok(s)
}

/// The automaton of the case-sensitive patterns (acronyms, `=forced` names), if any, and
/// the patterns one a line.
fn case_sensitive_automaton(
    cs: CaseSensitive,
    ids: &mut Vec<EntryId>,
    entries: &[Entry],
) -> Result<(Vec<Automaton>, String), Error> {
    if cs.is_empty() {
        return Ok((Vec::new(), String::new()));
    }
    let mut pats: Vec<(String, (Vec<EntryId>, bool))> = cs.into_iter().collect();
    pats.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut targets = Vec::with_capacity(pats.len());
    for (_, (v, _)) in &pats {
        let start = ids.len() as u32;
        ids.extend_from_slice(v);
        targets.push(Named::of(entries, v, (start, ids.len() as u32)));
    }
    let lines: Vec<&str> = pats.iter().map(|(p, _)| p.as_str()).collect();
    let automaton = cs_automaton(lines.iter().copied(), targets)?;
    Ok((vec![automaton], lines.join("\n")))
}

/// The automaton of case-sensitive `patterns`, pattern `i` naming `targets[i]`. A contiguous NFA: built at every start (aho-corasick has no serialized
/// form), in 0.8-1.0 ms against 3-12 ms for a DFA; its bare pass over news text measured
/// 350 and 250 MiB/s in two runs of `benches/gazetteer.rs`, the DFA's 280 and 310, and
/// `extract --jsonl` over the bench corpus runs no slower with it.
pub(super) fn cs_automaton<'p>(
    patterns: impl IntoIterator<Item = &'p str>,
    targets: Vec<Named>,
) -> Result<Automaton, Error> {
    let mut starts = Starts::default();
    let patterns: Vec<&str> = patterns
        .into_iter()
        .inspect(|p| starts.add(p.as_bytes()))
        .collect();
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(false)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Both)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .map_err(Error::automaton)?;
    Ok(Automaton {
        ac,
        targets,
        starts,
    })
}

/// The length of the longest common prefix of `a` and `b`: compared a block at a time
/// (a slice comparison is a `memcmp`), then byte by byte in the first block that differs.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 4096;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a.get(i..i + BLOCK) == b.get(i..i + BLOCK) {
        i += BLOCK;
    }
    let (a, b) = (a.get(i..n).unwrap_or(&[]), b.get(i..n).unwrap_or(&[]));
    i + a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::common_prefix;

    /// The common prefix is found within a block, at a block's end and past whole blocks.
    #[test]
    fn common_prefix_at_any_offset() {
        let a: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        for at in [0, 1, 4095, 4096, 4097, 8191, 9_999] {
            let mut b = a.clone();
            if let Some(x) = b.get_mut(at) {
                *x ^= 1;
            }
            assert_eq!(common_prefix(&a, &b), at);
        }
        assert_eq!(common_prefix(&a, &a), a.len());
        assert_eq!(common_prefix(&a[..5000], &a), 5000);
        assert_eq!(common_prefix(&[], &a), 0);
    }
}
