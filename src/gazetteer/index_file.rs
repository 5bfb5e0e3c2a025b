//! The built-in gazetteer's index, computed ahead of time and embedded in the binary, so
//! that the first `Extractor::new()` parses nothing.
//!
//! Two files in `data/`, written by this module from the index the builder makes of
//! `data/*.tsv` (the test `builtin::tests::index_files_are_current` rebuilds them and fails
//! on any difference; `CONFLICT_EVENTS_WRITE_INDEX=1 cargo test --lib index_files` writes
//! them):
//! - `builtin_index.txt`: the strings, UTF-8: the entries' shared text, then the keys that
//!   folding changes, then the case-sensitive patterns one a line, then the keys of the
//!   overflow map one a line;
//! - `builtin_index.bin`: the tables, little-endian 32-bit words: a header (magic, format
//!   version, the lengths of the source files it was made from, the table sizes), the
//!   entries' records, then the tables of [`Names`] and [`Inner`] as they are in memory
//!   (the run filter of [`Names`] too, in 16-bit words, made as `Names::finish`
//!   makes them for a user gazetteer).
//!
//! Reading it copies only the entries' records (16 bytes each) and builds the small
//! automaton of case-sensitive patterns; the other tables are read in place. A file that
//! does not fit (another format, other sources, a table out of range) is refused, and the
//! built-in gazetteer is then built from the TSV files as before: slower, same result.

use std::borrow::Cow;
use std::sync::Arc;

use super::build::cs_automaton;
use super::table::{Filter, Words};
use super::{builtin, Entry, EntryKind, Gazetteer, Inner, Named, Names, RunFilter, Slot};

const MAGIC: u32 = u32::from_le_bytes(*b"CEGZ");
/// Bumped whenever the layout of a table changes.
const VERSION: u32 = 14;
/// Words per entry record.
const ENTRY_WORDS: usize = 4;

/// The two files.
#[cfg(test)]
pub(crate) struct IndexFiles {
    /// `builtin_index.bin`.
    pub(crate) tables: Vec<u8>,
    /// `builtin_index.txt`.
    pub(crate) text: String,
}

/// The index files of `g`, a gazetteer built from sources of lengths `sources`; `None` if
/// a size passes 32 bits.
#[cfg(test)]
pub(crate) fn write(g: &Gazetteer, sources: &[usize]) -> Option<IndexFiles> {
    let inner = &g.inner;
    let names = &inner.names_dict;
    let mut overflow: Vec<(&str, super::Target)> =
        names.overflow.iter().map(|(k, t)| (&**k, *t)).collect();
    overflow.sort_unstable_by_key(|(k, _)| *k);
    let overflow_keys: Vec<&str> = overflow.iter().map(|(k, _)| *k).collect();
    let overflow_keys = overflow_keys.join("\n");
    let overflow_targets: Vec<u32> = overflow
        .iter()
        .flat_map(|(_, t)| {
            let (from, to) = t.named.ids;
            [from, to, u32::from(t.proper), t.named.word()]
        })
        .collect();
    // the entries' text (the built-in one is followed by the other strings)
    let after = names.folded.len() + inner.cs_patterns.len() + overflow_keys.len();
    // (a gazetteer built from files has its whole buffer, even where its entries read
    // the built-in text: [`super::build`])
    let text = match &names.text {
        None => builtin::TEXT.get(..builtin::TEXT.len().checked_sub(after)?)?,
        Some(t) => t.as_str(),
    };
    let mut w: Vec<u32> = vec![MAGIC, VERSION, u32::try_from(sources.len()).ok()?];
    for &s in sources {
        w.push(u32::try_from(s).ok()?);
    }
    let targets: Vec<u32> = inner
        .automata
        .iter()
        .flat_map(|a| a.targets.iter().flat_map(|t| [t.ids.0, t.ids.1, t.word()]))
        .collect();
    let sizes = [
        inner.entries.len(),
        inner.ids.len(),
        names.keys.len(),
        names.prefixes.len(),
        names.first_words.blocks() * 2,
        names.next_words.blocks() * 2,
        names.lower_starts.lengths.len() / 4,
        inner.codes.len(),
        targets.len(),
        inner.patterns,
        names.max_len,
        usize::from(names.lead_other),
        text.len(),
        names.folded.len(),
        inner.cs_patterns.len(),
        overflow.len(),
        overflow_keys.len(),
    ];
    for s in sizes {
        w.push(u32::try_from(s).ok()?);
    }
    w.extend((0..4).map(|i| (names.lead >> (32 * i)) as u32));
    for e in &inner.entries {
        w.extend(slot_words(&e.at));
    }
    let mut tables: Vec<u8> = w.iter().flat_map(|x| x.to_le_bytes()).collect();
    write_tables(g, targets, overflow_targets, &mut tables)?;
    let mut all = String::with_capacity(text.len() + names.folded.len());
    all.push_str(text);
    all.push_str(&names.folded);
    all.push_str(&inner.cs_patterns);
    all.push_str(&overflow_keys);
    Some(IndexFiles { tables, text: all })
}

/// Appends to `tables`, after the header [`write`] made, the tables of `g` in the order
/// the reader takes them: ids, keys, prefixes, first and next words, the filter of
/// lowercase first words, codes, the automata's targets and the overflow keys' targets; `None` if
/// a filter's table is not made of whole 32-bit words.
#[cfg(test)]
fn write_tables(
    g: &Gazetteer,
    targets: Vec<u32>,
    overflow_targets: Vec<u32>,
    tables: &mut Vec<u8>,
) -> Option<()> {
    let inner = &g.inner;
    let names = &inner.names_dict;
    for t in [&inner.ids, &names.keys, &names.prefixes] {
        t.write_to(tables);
    }
    for f in [&names.first_words, &names.next_words] {
        f.write_to(tables);
    }
    let lower = &names.lower_starts.lengths;
    if lower.len() % 4 != 0 {
        return None;
    }
    tables.extend_from_slice(lower);
    inner.codes.write_to(tables);
    Words::Owned(targets).write_to(tables);
    Words::Owned(overflow_targets).write_to(tables);
    Some(())
}

#[cfg(test)]
fn slot_words(s: &Slot) -> [u32; ENTRY_WORDS] {
    [
        s.start,
        u32::from(s.pats) | u32::from(s.attrs) << 16,
        u32::from(s.code)
            | u32::from(s.province) << 8
            | u32::from(s.kind as u8) << 16
            | u32::from(s.flags) << 24,
        u32::from(s.country[0]) | u32::from(s.country[1]) << 8 | u32::from(s.name) << 16,
    ]
}

/// The slot of an entry record (16 bytes); `None` if its kind is out of range.
fn slot_of(record: &[u8; ENTRY_WORDS * 4]) -> Option<Slot> {
    let word = |at: usize| {
        record
            .get(at..at + 4)
            .and_then(|w| <[u8; 4]>::try_from(w).ok())
            .map_or(0, u32::from_le_bytes)
    };
    let (w0, w1, w2, w3) = (word(0), word(4), word(8), word(12));
    Some(Slot {
        start: w0,
        pats: w1 as u16,
        name: (w3 >> 16) as u16,
        attrs: (w1 >> 16) as u16,
        code: w2 as u8,
        province: (w2 >> 8) as u8,
        kind: *EntryKind::ALL.get(usize::from((w2 >> 16) as u8))?,
        flags: (w2 >> 24) as u8,
        country: [w3 as u8, (w3 >> 8) as u8],
    })
}

/// Reads `bytes` word by word and cuts tables out of them.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn word(&mut self) -> Option<u32> {
        let w = self.bytes.get(self.at..self.at.checked_add(4)?)?;
        self.at += 4;
        Some(u32::from_le_bytes(w.try_into().ok()?))
    }

    fn size(&mut self) -> Option<usize> {
        self.word().map(|w| w as usize)
    }

    fn table(&mut self, words: usize) -> Option<&'static [u8]> {
        let end = self.at.checked_add(words.checked_mul(4)?)?;
        let t = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(t)
    }
}

/// The built-in gazetteer from the embedded index files, if they fit `sources` (the
/// lengths of the files they must have been made from).
pub(crate) fn read(sources: &[usize]) -> Option<Gazetteer> {
    let mut r = Reader {
        bytes: builtin::index(),
        at: 0,
    };
    let head = [r.word()?, r.word()?, r.word()?];
    if head != [MAGIC, VERSION, u32::try_from(sources.len()).ok()?] {
        return None;
    }
    for &s in sources {
        if r.size()? != s {
            return None;
        }
    }
    let mut sizes = [0usize; 17];
    for s in &mut sizes {
        *s = r.size()?;
    }
    let [entries, ids, keys, prefixes, first_words, next_words, lower_starts, codes, targets, patterns, max_len, lead_other, text, folded, cs, overflow, overflow_len] =
        sizes;
    let mut lead = 0u128;
    for i in 0..4 {
        lead |= u128::from(r.word()?) << (32 * i);
    }
    let records = r.table(entries.checked_mul(ENTRY_WORDS)?)?;
    let entries: Vec<Entry> = records
        .chunks_exact(ENTRY_WORDS * 4)
        .map(|w| {
            let at = slot_of(w.try_into().ok()?)?;
            Some(Entry { text: None, at })
        })
        .collect::<Option<_>>()?;
    let ids = Words::Static(r.table(ids)?);
    let mut names = Names {
        keys: Words::Static(r.table(keys)?),
        prefixes: Words::Static(r.table(prefixes)?),
        first_words: Filter::stored(r.table(first_words)?)?,
        next_words: Filter::stored(r.table(next_words)?)?,
        lower_starts: RunFilter::stored(r.table(lower_starts)?)?,
        text: None,
        lead,
        lead_other: lead_other != 0,
        max_len,
        ..Names::default()
    };
    let codes = Words::Static(r.table(codes)?);
    let targets = Words::Static(r.table(targets)?);
    let overflow_targets = Words::Static(r.table(overflow.checked_mul(4)?)?);
    let strings = [text, folded, cs, overflow_len];
    if r.at != r.bytes.len() || builtin::TEXT.len() != strings.iter().sum::<usize>() {
        return None;
    }
    names.folded = Cow::Borrowed(builtin::TEXT.get(text..text + folded)?);
    let cs_patterns = builtin::TEXT.get(text + folded..text + folded + cs)?;
    let overflow_keys = builtin::TEXT.get(text + folded + cs..)?;
    names.overflow = overflow_map(overflow_keys, &overflow_targets, overflow)?;
    let automata = automata(cs_patterns, &targets)?;
    Some(Gazetteer {
        inner: Arc::new(Inner {
            entries,
            ids,
            automata,
            cs_patterns: Cow::Borrowed(cs_patterns),
            names_dict: names,
            patterns,
            codes,
        }),
    })
}

/// The automaton of the case-sensitive patterns (none if there are none), from their
/// targets' words (three each: the range of ids, [`Named::word`]).
fn automata(patterns: &str, targets: &Words) -> Option<Vec<super::Automaton>> {
    if patterns.is_empty() {
        return Some(Vec::new());
    }
    let named: Vec<Named> = (0..targets.len() / 3)
        .map(|i| {
            let ids = (targets.get(3 * i)?, targets.get(3 * i + 1)?);
            Some(Named::of_word(ids, targets.get(3 * i + 2)?))
        })
        .collect::<Option<_>>()?;
    if named.len() != patterns.split('\n').count() {
        return None;
    }
    cs_automaton(patterns.split('\n'), named)
        .ok()
        .map(|a| vec![a])
}

/// The overflow map of [`Names`]: `count` keys one a line, four words of target each
/// (the range of ids, the proper flag, [`Named::word`]).
fn overflow_map(
    keys: &str,
    targets: &Words,
    count: usize,
) -> Option<std::collections::HashMap<Box<str>, super::Target>> {
    let lines = keys.split('\n').filter(|_| count > 0);
    let map: std::collections::HashMap<Box<str>, super::Target> = lines
        .enumerate()
        .map(|(i, k)| {
            let ids = (targets.get(4 * i)?, targets.get(4 * i + 1)?);
            let t = super::Target {
                named: Named::of_word(ids, targets.get(4 * i + 3)?),
                proper: targets.get(4 * i + 2)? != 0,
            };
            Some((Box::from(k), t))
        })
        .collect::<Option<_>>()?;
    (map.len() == count).then_some(map)
}
