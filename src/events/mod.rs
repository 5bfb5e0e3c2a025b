//! Events: triggers and slots filled per clause, then resolved per article.
//!
//! The stage reads the sentences of the text stage, the gazetteer mentions, and the numbers
//! and dates of the sentences that hold a strike or casualty word. It knows nothing of
//! serialisation. Spans here are into the (normalised) text it is given.

mod casualty;
mod cause;
mod identity;
mod kinds;
mod lexicon;
mod modality;
mod roles;
mod strike;
#[cfg(test)]
mod testing;
#[cfg(test)]
mod tokwalk_tests;

use crate::bounds::{skipped, Stage};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use chrono::NaiveDate;

use crate::dates;
use crate::gazetteer::{share_code, Entry, EntryId, EntryKind, Gazetteer, Mention, NameStarts};
use crate::hash::ALNUM_LOWER;
use crate::model::{DateRef, Entity, EntityKind, Event, Place, PlaceKind};
use crate::numbers::{self, Number};
use crate::span::Span;
use crate::text::{self, Sentence};

use lexicon::{key_more, key_step, K, W};

/// A count of the work of this thread's extractions: the tokens and words read, the items
/// of the scans the rules make over clauses, mentions, dates and earlier events. Nothing
/// reads it but the linearity test (through `Extractor::work_steps`, hidden from the docs),
/// which checks that it grows in proportion to the input in every shape of text, where a
/// clock could not tell on a shared machine. A thread-local add: too cheap to measure.
pub(crate) mod work {
    use std::cell::Cell;

    thread_local! {
        static STEPS: Cell<u64> = const { Cell::new(0) };
    }

    /// Counts `n` steps.
    #[inline]
    pub(crate) fn add(n: usize) {
        STEPS.with(|c| c.set(c.get().wrapping_add(n as u64)));
    }

    /// The steps counted on this thread so far.
    pub(crate) fn steps() -> u64 {
        STEPS.with(Cell::get)
    }
}

/// The order of preference of a mention's entries (see [`Doc::entries`]): lower first.
pub(crate) type Preference = (std::cmp::Reverse<u32>, bool, usize);

/// A place by its gazetteer entry, before its strings are copied into a [`Place`].
#[derive(Clone, Copy)]
pub(crate) struct PlaceRef<'t> {
    pub entry: &'t Entry,
    pub kind: PlaceKind,
    pub span: Span,
}

impl PlaceRef<'_> {
    /// The country code of the place's entry.
    pub(crate) fn country(&self) -> Option<&str> {
        self.entry.country()
    }

    /// The province of a town, district or air base (a province or country has none).
    pub(crate) fn province(&self) -> Option<&str> {
        match self.kind {
            PlaceKind::City | PlaceKind::District | PlaceKind::AirBase => self.entry.province(),
            _ => None,
        }
    }

    pub(crate) fn to_place(self) -> Place {
        // the code of a country or province; [`PlaceRef::province`]
        let (code, province) = match self.kind {
            PlaceKind::Country | PlaceKind::Province => (true, false),
            PlaceKind::City | PlaceKind::District | PlaceKind::AirBase => (false, true),
            PlaceKind::Region => (false, false),
        };
        let strings = self.entry.shared_place(code, province);
        Place {
            text: Default::default(),
            name: Some(strings.name),
            kind: self.kind,
            code: strings.code,
            country: strings.country,
            province: strings.province,
            span: Some(self.span),
        }
    }
}

/// The best entry so far of [`Doc::best_place_entry`] or [`Doc::as_actor`]: its country
/// weight, rank, and whether it is named by alias, once read; its entry and the entry's id
/// (which [`Doc::place_refs`] keeps).
struct Candidate<'t> {
    weight: u32,
    rank: u8,
    by_alias: Option<bool>,
    id: EntryId,
    entry: &'t Entry,
}

impl<'t> Candidate<'t> {
    fn new(weight: u32, rank: u8, (id, entry): (EntryId, &'t Entry)) -> Self {
        Candidate {
            weight,
            rank,
            by_alias: None,
            id,
            entry,
        }
    }
}

/// The one country named by a run of entries ([`Doc::mention_weight`]): none if they name
/// none, or several.
#[derive(Clone, Copy, Default)]
struct OneCountry<'t> {
    country: Option<&'t str>,
    several: bool,
}

impl<'t> OneCountry<'t> {
    fn add(&mut self, c: Option<&'t str>) {
        match (self.country, c) {
            (_, None) => {}
            (None, c) => self.country = c,
            // codes of two bytes, compared as words, not by a call to `memcmp`
            (Some(x), Some(c)) => self.several |= !same_code(x, c),
        }
    }

    fn get(self) -> Option<&'t str> {
        self.country.filter(|_| !self.several)
    }
}

/// A token of a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    pub w: W,
    /// The word's cue for the event kinds.
    pub k: K,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// A punctuation character, or 0 for a word.
    pub punct: u8,
    /// The word's marks ([`lexicon::Class::marks`]), 0 for punctuation.
    pub marks: u8,
    /// A name of the gazetteer may start at it ([`NameStarts`]): the name walk is given
    /// these tokens only.
    pub may_name: bool,
    /// Index into `Sent::ments` of the mention covering it.
    pub ment: Option<u16>,
    /// For a word, its first byte with [`LEAD_PLAIN`] cleared if the word has a cut ('.',
    /// ',' or '\'' inside, as [`tokenize`] pushes them); [`NO_LEAD`] for punctuation. Its
    /// [`LEAD_PLAIN`] bit is clear exactly at a word that starts with an ASCII digit or has
    /// a cut ([`Tok::may_start_date`]): set by the tokenizer from the bytes it has read
    /// (one store a token), where the date reader read each token's first byte again.
    pub lead: u8,
}

/// The bit of [`Tok::lead`] that is set at a word that neither starts with an ASCII digit
/// nor has a cut: an ASCII letter has it, a digit does not, and the first byte of a char of
/// two bytes or more (0xc2 to 0xf4) has it. The bit of [`lexicon::MARK_DATE`] too, so that
/// [`Tok::may_start_date`] tells both in one test.
const LEAD_PLAIN: u8 = 0x40;

/// [`Tok::lead`] of punctuation: [`LEAD_PLAIN`] set.
const NO_LEAD: u8 = 0xff;

const _: () = assert!(lexicon::MARK_DATE == LEAD_PLAIN);

impl Tok {
    /// The number of its word's class ([`lexicon::C`]), [`lexicon::C::Other`] for
    /// punctuation.
    #[inline]
    pub(crate) fn c(&self) -> lexicon::C {
        lexicon::C::of(self.w)
    }

    /// True if the token's class is one of those of `mask` ([`lexicon::mask`]): one bit test
    /// where a `matches!` on [`W`] compiled to compares or a jump table.
    #[inline]
    pub(crate) fn is_in(&self, mask: u64) -> bool {
        self.c().bit() & mask != 0
    }

    /// Whether the date reader has to look at the token (the `keyword` of
    /// [`dates::for_each_date_of_tokens`]): a word the lexicon marked a date keyword
    /// ([`lexicon::MARK_DATE`]), or one that starts with an ASCII digit or has a cut
    /// ([`Tok::lead`]). One test of two bytes, where the reader's scan tested the token's
    /// mark, its end against the next cut, its mark bit and its first byte in the text.
    #[inline]
    pub(crate) fn may_start_date(&self) -> bool {
        // (one bit of both: set in the lead and clear in the marks only at a word that
        // starts with no digit, has no cut and is no keyword)
        self.lead & !self.marks & LEAD_PLAIN == 0
    }

    /// The token's value in a table of one value per class ([`lexicon::class_table`]).
    #[inline]
    pub(crate) fn read(&self, table: &[u8; 64]) -> u8 {
        // (the index is under 64: no test is compiled)
        table[self.c() as usize & 63]
    }
}

/// Whether the tokens of a sentence none of whose words is a date keyword or has a cut
/// ([`Sent::date_words`]) may start a date: a word token of four characters that starts
/// with a digit, told by its [`Tok::lead`] (in such a sentence, a digit's). A figure starts a
/// date only as a year (four digits) or as a day before a month's name, which is a keyword
/// ([`dates::for_each_date_of_tokens`]); in such a sentence no other word starts one. Most
/// figures of such sentences are counts ("12 people"), whose sentences are then passed
/// over without looking for a date at all. One branch a token, on both tests at once: many
/// words have four letters, in no order a predictor learns; where the sentence's bytes were
/// read eight at a time for a digit first, and then its tokens with a branch on each length.
fn may_have_year(toks: &[Tok]) -> bool {
    toks.iter()
        .any(|t| (t.lead & LEAD_PLAIN == 0) & (t.span.len() == 4))
}

/// The tokens [lo, hi) of `toks` that it has (none where `lo` is past them): a slice
/// walked without a bounds check per token, where the rules walk a range of a sentence.
#[inline]
pub(crate) fn toks_in(toks: &[Tok], lo: usize, hi: usize) -> &[Tok] {
    toks.get(lo..hi.min(toks.len())).unwrap_or(&[])
}

/// A gazetteer mention inside a sentence, with its token range.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ment {
    pub m: Mention,
    pub a: usize,
    pub b: usize,
    /// The kinds of the entries it names, a bit each ([`kind_bits`]): read from the
    /// gazetteer once, when the mention is placed, where the rules asked the entries again
    /// at each test of a kind.
    pub kinds: u32,
}

/// The bit of each of `kinds` in a mention's kinds ([`Ment::kinds`]).
pub(crate) const fn kind_bits(kinds: &[EntryKind]) -> u32 {
    let mut bits = 0;
    let mut i = 0;
    while i < kinds.len() {
        bits |= kinds[i].bit();
        i += 1;
    }
    bits
}

/// How [`Doc::as_actor`] ranks an entry's kind, the least first: 9 for a kind that names
/// no actor.
const fn actor_rank(k: EntryKind) -> u8 {
    match k {
        EntryKind::Military => 0,
        EntryKind::ArmedGroup => 1,
        EntryKind::Country => 2,
        EntryKind::Demonym => 3,
        EntryKind::Metonym => 4,
        EntryKind::Official => 5,
        _ => 9,
    }
}

/// [`actor_rank`] of each kind, by its number, for [`Doc::as_actor`]'s loop.
static ACTOR_RANKS: [u8; 16] = {
    let mut t = [9u8; 16];
    let mut i = 0;
    while i < EntryKind::ALL.len() {
        let k = EntryKind::ALL[i];
        t[k as usize] = actor_rank(k);
        i += 1;
    }
    t
};

/// The kinds [`actor_rank`] ranks, a bit each.
const ACTOR_BITS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < EntryKind::ALL.len() {
        if actor_rank(EntryKind::ALL[i]) < 9 {
            bits |= EntryKind::ALL[i].bit();
        }
        i += 1;
    }
    bits
};

/// The kinds of the entries `m` names in `gaz`, a bit each: stored with the name in the
/// index ([`Mention::kinds`]), where the entries' records were read for them (two
/// dependent reads of tables larger than the cache, at every mention placed). Debug
/// builds check them against the entries.
fn kinds_of(gaz: &Gazetteer, m: &Mention) -> u32 {
    debug_assert_eq!(
        m.kinds(),
        gaz.entries_of(m)
            .fold(0, |bits, (_, e)| bits | e.kind().bit())
    );
    m.kinds()
}

/// Pushes to `ments` the mentions inside sentence `span`, from `mentions` (in text order,
/// the first at or after its start), each with its range in the sentence's tokens `toks`;
/// marks the tokens they cover. Returns how many of `mentions` start before its end.
fn sentence_mentions(
    gaz: &Gazetteer,
    mentions: &[Mention],
    span: Span,
    toks: &mut [Tok],
    ments: &mut Vec<Ment>,
) -> usize {
    let mut n = 0u16;
    // the first token not before the last mention: the mentions start in text order, so
    // their token ranges are found by a walk over the tokens, not searched for each
    let mut a = 0;
    let mut last_start = 0;
    let mut read = 0;
    for m in mentions {
        work::add(1);
        if m.span.start >= span.end {
            break;
        }
        read += 1;
        if m.span.end <= span.end {
            if m.span.start < last_start {
                a = 0;
            }
            last_start = m.span.start;
            // the tokens overlapping the mention, as `tok_range` gives them
            while toks.get(a).is_some_and(|t| t.span.end <= m.span.start) {
                a += 1;
            }
            // and marked as they are walked, where a second loop over them marked them (its
            // count of one, two or three tokens mispredicted); with no room left for a
            // mention's index, none is marked
            let mut b = a;
            let mark = (n < u16::MAX).then_some(n);
            while let Some(t) = toks.get_mut(b).filter(|t| t.span.start < m.span.end) {
                if mark.is_some() {
                    t.ment = mark;
                }
                b += 1;
            }
            if a < b && mark.is_some() {
                ments.push(Ment {
                    m: *m,
                    a,
                    b,
                    kinds: kinds_of(gaz, m),
                });
                n += 1;
            }
        }
    }
    read
}

/// The spans of the tokens at which a name may start ([`Tok::may_name`]), in order, for the
/// name walk: the tokens' flags are read 64 at a time into a mask with no branch, and the
/// mask's bits are taken one by one (a test of each token's flag, in the walk's loop, was
/// mispredicted for one token in four).
struct NameTokens<'t> {
    /// The tokens after the block.
    rest: &'t [Tok],
    /// The 64 tokens (or fewer, at the end) that `mask` tells.
    block: &'t [Tok],
    /// A bit for each token of `block` at which a name may start that is not given yet.
    mask: u64,
}

impl Iterator for NameTokens<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        while self.mask == 0 {
            if self.rest.is_empty() {
                return None;
            }
            (self.block, self.rest) = self.rest.split_at(self.rest.len().min(64));
            // read from the last token down, each flag shifted in at the bottom: no shift by
            // a token's index
            self.mask = (self.block.iter().rev()).fold(0, |m, t| m << 1 | u64::from(t.may_name));
        }
        let k = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        self.block.get(k).map(|t| (t.span.start, t.span.end))
    }
}

/// Where the parts of one sentence are in the vectors of [`Prepared`].
struct Parts {
    span: Span,
    paragraph: usize,
    headline: bool,
    toks: Range<usize>,
    cuts: Range<usize>,
    clauses: Range<usize>,
    ments: Range<usize>,
    cause_words: bool,
    event_words: bool,
    strike_words: bool,
    casualty_words: bool,
    date_words: bool,
    seek: u8,
}

/// The tokens, cuts, clauses and mentions of all the sentences of a text, each kind in one
/// vector that the sentences of a [`Doc`] borrow their parts of: a text costs a few
/// allocations to prepare and to drop, not one to four a sentence.
pub(crate) struct Prepared {
    toks: Vec<Tok>,
    cuts: Vec<usize>,
    clauses: Vec<(usize, usize)>,
    ments: Vec<Ment>,
    parts: Vec<Parts>,
}

impl Prepared {
    /// Tokenizes the `sentences` of `text`, finds the names of `gaz` in their words (into
    /// `mentions`, a vector the caller keeps) and places them in the sentences; cuts into
    /// clauses the sentences where an event can be told.
    pub(crate) fn new(
        gaz: &Gazetteer,
        text: &str,
        sentences: &[Sentence],
        mentions: &mut Vec<Mention>,
    ) -> Prepared {
        let mut prepared = Prepared::tokenized(text, sentences, gaz.name_starts());
        // the names are looked up at the tokens' word starts, not found by a scan of the
        // text's bytes of its own (the tokens hold no space, and no text outside the
        // sentences, where a mention would be dropped); a token the tokenizer found no name
        // can start at is one the walk would pass over, and so is each byte inside it (a
        // lowercase letter after a letter)
        let words = NameTokens {
            rest: &prepared.toks,
            block: &[],
            mask: 0,
        };
        if !skipped(Stage::Names) {
            gaz.find_in_words(text, words, mentions);
        }
        if skipped(Stage::Mentions) {
            mentions.clear();
        }
        prepared.place_mentions(gaz, mentions);
        prepared
    }

    /// Tokenizes the `sentences` of `text` (each token told whether a name of `starts`'
    /// gazetteer may start there), and cuts into clauses those where an event can be told;
    /// no mention is placed yet.
    fn tokenized(text: &str, sentences: &[Sentence], starts: NameStarts) -> Prepared {
        // a token takes at least two bytes with its space, most take five
        let room = text.len() / 4 + 4;
        // the vectors of the thread's last text, emptied ([`Kept`]), if they have room
        let Kept {
            mut toks,
            mut cuts,
            mut clauses,
            ments,
            mut parts,
        } = Kept::take(text.len());
        clear_with_room(&mut toks, room);
        // sized so as to grow seldom, if ever: a few cuts in a sentence ("3,000", "U.S."),
        // and a clause or two in each
        clear_with_room(&mut cuts, text.len() / 64 + 4);
        clear_with_room(&mut clauses, sentences.len() * 2);
        clear_with_room(&mut parts, sentences.len());
        // the lexicon's lines fetched together before the words read them one by one
        if text.len() >= lexicon::WARM_BYTES {
            std::hint::black_box(lexicon::table().warm());
        }
        for s in sentences {
            let (t0, c0, k0) = (toks.len(), cuts.len(), clauses.len());
            let [marks, seek] = tokenize(text, s.span, starts, &mut toks, &mut cuts).to_le_bytes();
            let sent_toks: &[Tok] = toks.get(t0..).unwrap_or_default();
            let event_words = event_words(sent_toks, marks);
            // clauses matter only where an event can be told
            if event_words {
                work::add(s.span.end.saturating_sub(s.span.start));
                clause_ranges(text, s.span, sent_toks, &mut clauses);
            }
            if clauses.len() == k0 {
                clauses.push((0, sent_toks.len()));
            }
            parts.push(Parts {
                span: s.span,
                paragraph: s.paragraph,
                headline: s.headline,
                toks: t0..toks.len(),
                cuts: c0..cuts.len(),
                clauses: k0..clauses.len(),
                ments: 0..0,
                cause_words: marks & lexicon::MARK_CAUSE != 0,
                event_words,
                strike_words: event_words && marks & lexicon::MARK_STRIKE != 0,
                casualty_words: event_words && marks & lexicon::MARK_CASUALTY != 0,
                // a word cut in parts may have a part that starts a date
                date_words: marks & lexicon::MARK_DATE != 0 || cuts.len() > c0,
                seek,
            });
        }
        Prepared {
            toks,
            cuts,
            clauses,
            ments,
            parts,
        }
    }

    /// Places `mentions` (in text order) in the sentences, and marks the tokens they cover.
    /// The mentions are walked, not the sentences: a sentence with none (many have none) is
    /// passed by one test of its end and keeps the empty range [`Prepared::tokenized`] gave
    /// it, where each sentence took a slice of its tokens and a call of its own.
    fn place_mentions(&mut self, gaz: &Gazetteer, mentions: &[Mention]) {
        // every mention in one sentence at most
        clear_with_room(&mut self.ments, mentions.len());
        let mut mi = 0;
        let mut pi = 0;
        while let Some(m) = mentions.get(mi) {
            // the first sentence that ends after the mention starts
            while self
                .parts
                .get(pi)
                .is_some_and(|p| p.span.end <= m.span.start)
            {
                pi += 1;
            }
            let Some(p) = self.parts.get_mut(pi) else {
                break;
            };
            if m.span.start < p.span.start {
                // between two sentences: in none
                mi += 1;
                continue;
            }
            let m0 = self.ments.len();
            let sent_toks: &mut [Tok] = self.toks.get_mut(p.toks.clone()).unwrap_or_default();
            let rest = mentions.get(mi..).unwrap_or(&[]);
            // those that start before its end are passed: none is in the next sentence
            mi += sentence_mentions(gaz, rest, p.span, sent_toks, &mut self.ments);
            p.ments = m0..self.ments.len();
            pi += 1;
        }
    }

    /// The sentences, each borrowing its tokens, cuts, clauses and mentions by the ranges
    /// [`Prepared::new`] gave them: a slice of a range is one test of its ends, where a
    /// split off the front of what is left took a length, a test and two slices.
    /// The vector is the thread's ([`SENTS`]) for a text of `text_len` bytes that may keep
    /// its lists ([`crate::kept::may_keep`]).
    fn sents(&self, text_len: usize) -> Vec<Sent<'_>> {
        let mut sents = relabel(crate::kept::take_for(&SENTS, text_len));
        clear_with_room(&mut sents, self.parts.len());
        sents.extend(self.parts.iter().map(|parts| Sent {
            span: parts.span,
            paragraph: parts.paragraph,
            headline: parts.headline,
            toks: part(&self.toks, &parts.toks),
            cuts: part(&self.cuts, &parts.cuts),
            clauses: part(&self.clauses, &parts.clauses),
            ments: part(&self.ments, &parts.ments),
            numbers: OnceCell::new(),
            dates: OnceCell::new(),
            cause_words: parts.cause_words,
            event_words: parts.event_words,
            strike_words: parts.strike_words,
            casualty_words: parts.casualty_words,
            date_words: parts.date_words,
            seek: parts.seek,
            day_date: OnceCell::new(),
            cues: OnceCell::new(),
        }));
        sents
    }
}

/// The vectors of a [`Prepared`] text: a thread keeps those of the last text it dropped for
/// the next one (as the text stage keeps its buffers, [`crate::text::Normalized`]), where
/// each text made five of an article's size anew.
#[derive(Default)]
struct Kept {
    toks: Vec<Tok>,
    cuts: Vec<usize>,
    clauses: Vec<(usize, usize)>,
    ments: Vec<Ment>,
    parts: Vec<Parts>,
}

/// The most items of a vector [`Kept`] keeps: the tokens of an article of 8 kB (a text of
/// 8,000 bytes or more makes its own vectors, [`Kept::take`]), some 64 kB in all.
const KEEP_TOKS: usize = 2048;

/// Empties `v` and gives it room for `room` items: a vector too small is replaced, not grown
/// (a vector grown is copied whole, the stale items of the last text with it).
pub(crate) fn clear_with_room<T>(v: &mut Vec<T>, room: usize) {
    v.clear();
    if v.capacity() < room {
        *v = Vec::with_capacity(room);
    }
}

/// An empty vector with the room of `v` (emptied), of a type that is `v`'s but for a
/// lifetime: std collects a vector's items into one of their size in its allocation, so the
/// room is kept and nothing is allocated (and no item is moved, as none is left).
fn relabel<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    emptied(v.into_iter())
}

/// The allocation of the vector `rest` iterates, as an empty vector (its items left are
/// dropped) of a type of the same size, `T` itself or `T` but for a lifetime: std collects
/// in place, nothing is allocated. A list moved out by `into_iter` (which moves its items
/// faster than a drain does) is kept so.
pub(crate) fn emptied<T, U>(rest: std::vec::IntoIter<T>) -> Vec<U> {
    rest.filter_map(|_| None).collect()
}

thread_local! {
    /// The vectors of the last [`Prepared`] text the thread dropped (see [`Kept`]).
    static KEPT: std::cell::Cell<Kept> = std::cell::Cell::default();
    /// The sentence records of the last [`Doc`] the thread dropped, emptied: a vector of
    /// some 17 kB an article, whose allocation (above the allocator's small sizes) made it
    /// sort its freed small blocks ([`crate::kept::keep_list`]).
    static SENTS: std::cell::Cell<Vec<Sent<'static>>> = std::cell::Cell::default();
    /// The event list of [`extract`], kept emptied (see [`SENTS`]).
    static EVENTS: std::cell::Cell<Vec<Event>> = std::cell::Cell::default();
    /// The gazetteer's mentions of the last text, kept emptied (see [`SENTS`]): some 1.6 kB
    /// an article.
    static MENTIONS: std::cell::Cell<Vec<Mention>> = std::cell::Cell::default();
    /// The country weights of the last [`Doc`] ([`Doc::countries`]), kept emptied (see
    /// [`SENTS`]): grown from none, they were two or three allocations an article.
    static COUNTRIES: std::cell::Cell<Vec<(&'static str, u32)>> = std::cell::Cell::default();
    /// The province names of the thread's last texts ([`CodeNames`]).
    static PROVINCE_NAMES: std::cell::Cell<CodeNames> = std::cell::Cell::default();
    /// The answers of [`Doc::place_ref`] of the last [`Doc`] ([`Doc::place_refs`]), kept
    /// emptied (see [`SENTS`]).
    static PLACE_REFS: std::cell::Cell<Vec<PlaceSlot>> = std::cell::Cell::default();
}

/// Keeps `events` (emptied) for the thread's next text, if the text, of `len` bytes, took
/// the thread's ([`crate::kept::keep_list_for`]).
pub(crate) fn keep_events(len: usize, events: Vec<Event>) {
    crate::kept::keep_list_for(&EVENTS, len, events);
}

impl Drop for Doc<'_> {
    /// Keeps the sentences' vector and the country weights, emptied, and the province
    /// names ([`CodeNames`]) for the thread's next text, if this text took the thread's
    /// ([`Prepared::sents`], [`Doc::new`]).
    fn drop(&mut self) {
        let sents = std::mem::take(&mut self.sents);
        crate::kept::keep_list_for(&SENTS, self.text.len(), relabel(sents));
        let countries = std::mem::take(&mut self.countries);
        crate::kept::keep_list_for(&COUNTRIES, self.text.len(), relabel(countries));
        std::mem::take(self.province_names.get_mut()).keep(self.text.len());
        let place_refs = std::mem::take(&mut self.place_refs);
        crate::kept::keep_list_for(&PLACE_REFS, self.text.len(), place_refs);
    }
}

impl Kept {
    /// The thread's vectors (not emptied) for a text of `len` bytes that may keep them
    /// ([`crate::kept::may_keep`]), else new ones (the thread's left as they are): a text
    /// too long to keep its vectors costs the heap what it did before they were kept,
    /// whatever was kept before it.
    fn take(len: usize) -> Kept {
        crate::kept::take_for(&KEPT, len)
    }
}

impl Drop for Prepared {
    /// Keeps the vectors for the thread's next text, unless one grew past a window's size.
    fn drop(&mut self) {
        let most = [
            self.toks.capacity(),
            self.cuts.capacity(),
            self.clauses.capacity(),
            self.ments.capacity(),
            self.parts.capacity(),
        ]
        .into_iter()
        .max();
        let kept = Kept {
            toks: std::mem::take(&mut self.toks),
            cuts: std::mem::take(&mut self.cuts),
            clauses: std::mem::take(&mut self.clauses),
            ments: std::mem::take(&mut self.ments),
            parts: std::mem::take(&mut self.parts),
        };
        crate::kept::keep(&KEPT, kept, most.unwrap_or(0), KEEP_TOKS);
    }
}

/// The items of `all` in range `r` (none if it is out of bounds): a sentence's share of
/// what [`Prepared`] holds for the whole text.
fn part<'a, T>(all: &'a [T], r: &Range<usize>) -> &'a [T] {
    all.get(r.start..r.end).unwrap_or(&[])
}

/// A sentence prepared for the rules; its tokens, cuts, clauses and mentions are borrowed
/// from the [`Prepared`] text.
pub(crate) struct Sent<'t> {
    pub span: Span,
    pub paragraph: usize,
    /// The article's headline: it retells the event of the body.
    pub headline: bool,
    pub toks: &'t [Tok],
    /// The offsets of the '.', ',' and '\'' inside its word tokens, in text order.
    pub cuts: &'t [usize],
    /// Clauses as token ranges.
    pub clauses: &'t [(usize, usize)],
    pub ments: &'t [Ment],
    /// Figures with their token ranges, read when a rule first asks ([`Doc::numbers`]).
    numbers: OnceCell<Few<(Number, usize, usize)>>,
    /// Dates with their token ranges, read when a rule first asks ([`Doc::dates`]).
    dates: OnceCell<Few<(DateRef, usize, usize)>>,
    /// True if a word of the sentence tells a cause ([`lexicon::MARK_CAUSE`]), though the
    /// sentence may tell no event.
    cause_words: bool,
    /// True if the sentence has a strike or casualty word and tells an event.
    pub event_words: bool,
    /// True if the sentence tells an event ([`Sent::event_words`]) and has a word at which
    /// the strike rules look for a trigger ([`lexicon::MARK_STRIKE`]): only such a sentence
    /// can tell a strike.
    pub strike_words: bool,
    /// True if the sentence tells an event ([`Sent::event_words`]) and has a casualty or toll
    /// word ([`lexicon::MARK_CASUALTY`]): only such a sentence can tell a casualty.
    pub casualty_words: bool,
    /// True if a token has a cut or is a word of the dates' keywords
    /// ([`lexicon::MARK_DATE`]); else only a figure can start a date ([`Doc::may_have_date`]).
    date_words: bool,
    /// The second marks of its words ([`lexicon::Class::seek`]), all of them or'ed: a walk
    /// of the strike rules for a word of a class or list they mark is not made in a sentence
    /// without one.
    pub seek: u8,
    /// The last day-precision date of a sentence without event words, read when an event
    /// of its paragraph first needs it; boxed, as most sentences have none (a sentence
    /// record is kept for every sentence of the article).
    pub day_date: OnceCell<Option<Box<DateRef>>>,
    /// The modal cues, read when a rule first asks ([`modality::of`]); not boxed, as a
    /// box would be one more allocation for every sentence a rule reads.
    pub cues: OnceCell<modality::Cues>,
}

/// A sentence's figures or dates ([`Sent::numbers`], [`Sent::dates`]): a sentence with any
/// most often has one, held in place, where a vector of one was an allocation for each
/// such sentence; none or more are a vector (none allocates nothing).
enum Few<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> Few<T> {
    /// None.
    const NONE: Few<T> = Few::Many(Vec::new());

    fn as_slice(&self) -> &[T] {
        match self {
            Few::One(x) => std::slice::from_ref(x),
            Few::Many(v) => v,
        }
    }

    /// Adds `x` after those it has; a second spills the first to a vector with room for four.
    fn push(&mut self, x: T) {
        match self {
            Few::Many(v) if v.is_empty() => *self = Few::One(x),
            Few::Many(v) => v.push(x),
            Few::One(_) => {
                if let Few::One(first) = std::mem::replace(self, Few::NONE) {
                    let mut v = Vec::with_capacity(4);
                    v.push(first);
                    v.push(x);
                    *self = Few::Many(v);
                }
            }
        }
    }

    /// The items of `v`, moved out (`v` is left empty): one in place, more in one
    /// allocation of their number.
    fn take_from(v: &mut Vec<T>) -> Few<T> {
        if v.len() == 1 {
            if let Some(x) = v.pop() {
                return Few::One(x);
            }
        }
        let mut out = Vec::with_capacity(v.len());
        out.append(v);
        Few::Many(out)
    }
}

/// Settings of the event stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Options {
    /// Report figures of people detained, arrested, abducted or kidnapped.
    pub captives: bool,
}

/// What the rules see of the whole article.
pub(crate) struct Doc<'t> {
    pub options: Options,
    pub published: Option<NaiveDate>,
    pub text: &'t str,
    pub gaz: &'t Gazetteer,
    pub sents: Vec<Sent<'t>>,
    /// Country weights from place mentions: which country the article is about.
    /// (country code, weight): an article names few countries, so a list is searched
    /// faster than a map is hashed.
    pub countries: Vec<(&'t str, u32)>,
    /// The country the article is mostly about.
    pub main_country: Option<&'t str>,
    /// For each sentence, once asked: the sentence whose date is its paragraph date
    /// ([`paragraph_date`]), by index.
    pub para_dates: std::cell::RefCell<Vec<Option<Option<usize>>>>,
    /// The names of the province codes asked so far ([`Doc::province_of`]), in this text
    /// and the thread's earlier ones with the same gazetteer ([`CodeNames`]).
    pub province_names: std::cell::RefCell<CodeNames>,
    /// Where [`Doc::numbers`] gathers a sentence's figures before it moves them out in one
    /// allocation of their number: kept from sentence to sentence, it grows seldom.
    figures: std::cell::RefCell<Vec<(Number, usize, usize)>>,
    /// Whether the lists an event keeps are copied out of the rules' kept ones with no
    /// room to spare ([`roles::take_out`]): in a text too long to keep the thread's lists
    /// ([`crate::kept::may_keep`], a window of a long article), whose events are many.
    pub exact_lists: bool,
    /// The mentions of all the sentences, which each sentence borrows its part of: a
    /// mention's place in it indexes [`Doc::place_refs`].
    ments: &'t [Ment],
    /// For each mention of [`Doc::ments`], the answer of [`Doc::place_ref`] once read: the
    /// rules ask it again of the same mention (the casualty rules of most mentions the
    /// strike rules' places read), and each reading ranked its entries anew.
    place_refs: Vec<PlaceSlot>,
}

/// A mention's answer of [`Doc::place_ref`] ([`Doc::place_refs`]): none until it is read,
/// then its entry's id and its kind, if it names a place (an id, not the entry: a
/// reference in a cell would bind the [`Doc`]'s lifetime to be exact).
type PlaceSlot = std::cell::Cell<Option<Option<(EntryId, PlaceKind)>>>;

/// Runs the event stage over `text`, an article or a window of one (`part` tells which):
/// its events in text order, casualties among them, whose `event` indexes the list.
pub(crate) fn extract(
    gaz: &Gazetteer,
    options: Options,
    text: &str,
    published: Option<NaiveDate>,
    part: text::Part,
) -> Vec<Event> {
    let prepared = {
        let seg = text::segment(text, part);
        let mut mentions = crate::kept::take_for(&MENTIONS, text.len());
        // the sentences keep what they need of both: not held while the rules run
        let prepared = Prepared::new(gaz, text, &seg.sentences, &mut mentions);
        seg.keep(text.len());
        crate::kept::keep_list_for(&MENTIONS, text.len(), mentions);
        prepared
    };
    let mut doc = Doc::new(gaz, text, &prepared, published);
    doc.options = options;
    let strikes = strike::extract(&doc);
    let kinds = kinds::extract(&doc, &strikes.by_sentence);
    // the casualty rules read the strikes; then the strikes move into the output
    let causes = sentence_causes(&doc);
    let casualties = casualty::extract(&doc, &strikes, &causes);
    // one vector for the events: sized for all, so it never grows
    let mut events = crate::kept::take_for(&EVENTS, text.len());
    clear_with_room(&mut events, strikes.events.len() + kinds.len());
    strike::into_events(strikes, &mut events, text.len());
    kinds::into_events(kinds, &mut events, text.len());
    drop_intercepted_strikes(&mut events);
    if let Some(day) = published {
        events.iter_mut().for_each(|e| date_by_report(e, day));
    }
    // in the order the text tells them: by the start of the first evidence span
    events.sort_by_key(|e| e.evidence().first().map_or(usize::MAX, |s| s.start));
    // each casualty made an event in its place in the output, moved once
    cause::link(&doc, events, casualties)
}

/// A strike whose sentence tells it was intercepted or shot down ("air defences intercepted
/// two drones") did not land: the disrupted weapons use is the event.
fn drop_intercepted_strikes(events: &mut Vec<Event>) {
    let mut disrupted: Vec<Span> = events
        .iter()
        .filter(|e| e.category() == Some(crate::model::Category::DisruptedWeaponsUse))
        .flat_map(|e| e.evidence().iter().copied())
        .collect();
    if disrupted.is_empty() {
        return;
    }
    // sorted, to be searched: an article may tell many of each
    disrupted.sort_unstable();
    events.retain(|e| {
        work::add(e.evidence().len());
        !matches!(e, Event::Strike(_))
            || !e
                .evidence()
                .iter()
                .any(|sp| disrupted.binary_search(sp).is_ok())
    });
}

/// An event the text gives no date is dated by its report: the publication date, marked
/// `inferred`, as ACLED dates an event its source does not date.
fn date_by_report(e: &mut Event, day: NaiveDate) {
    let at = e.evidence().first().map_or(0, |s| s.start);
    let slot = match e {
        Event::Strike(s) => &mut s.date,
        Event::Explosion(x) => &mut x.incident.date,
        Event::Clash(x) => &mut x.incident.date,
        Event::Attack(x) => &mut x.incident.date,
        Event::Protest(x) => &mut x.incident.date,
        Event::Riot(x) => &mut x.incident.date,
        Event::Development(x) => &mut x.incident.date,
        _ => return,
    };
    if slot.is_none() {
        *slot = Some(DateRef {
            text: Default::default(),
            date: Some(day),
            precision: crate::model::Precision::Day,
            span: Span::new(at, at),
            inferred: true,
        });
    }
}

/// Adds `x` to a list once. The lists this keeps (evidence spans, sentence indices) grow in
/// text order, so a new item is most often past the last one or equal to it: both are told
/// by the last item alone, in constant time, where a scan of the whole list would make an
/// event told in every sentence of an article quadratic. An item before the last (which the
/// rules never add) falls back to the scan.
pub(crate) fn push_unique_ascending<T: Ord>(v: &mut Vec<T>, x: T) {
    match v.last() {
        Some(last) if *last == x => {}
        Some(last) if *last > x && v.contains(&x) => {}
        _ => v.push(x),
    }
}

/// For each sentence, what caused what it tells: its own words, else the cause told last
/// in its paragraph ("Floods hit the region. Twelve people died."). The list starts at the
/// first disaster (empty in most articles): a sentence past its end has none, and only a
/// disaster is ever asked about.
fn sentence_causes(doc: &Doc) -> Vec<kinds::Cause> {
    let mut out = Vec::new();
    let mut started = false;
    let mut last = (usize::MAX, kinds::Cause::Untold);
    for (si, s) in doc.sents.iter().enumerate() {
        if s.paragraph != last.0 {
            last = (s.paragraph, kinds::Cause::Untold);
        }
        // a sentence of no word that tells a cause (`kinds::cause` reads strong triggers,
        // weapon nouns and cues of violence, a blast or a disaster) tells none: its words are
        // not read again
        let c = if s.cause_words {
            kinds::cause(s)
        } else {
            debug_assert!(
                kinds::cause(s) == kinds::Cause::Untold,
                "a cause of no word that tells one"
            );
            kinds::Cause::Untold
        };
        if c != kinds::Cause::Untold {
            last.1 = c;
        }
        let cause = if c == kinds::Cause::Untold { last.1 } else { c };
        if cause == kinds::Cause::Disaster && !started {
            // the sentences before told no disaster
            started = true;
            out = Vec::with_capacity(doc.sents.len());
            out.resize(si, kinds::Cause::Untold);
        }
        if started {
            out.push(cause);
        }
    }
    out
}

/// Pushes to `toks` the tokens of a sentence, each told whether a name of `starts` may
/// start there ([`Tok::may_name`]); `cuts` takes the offsets of the '.', ',' and '\''
/// inside its words ("U.S", "1,200", "Hay'at"), where the date scanner's words end.
/// Returns the marks of its words ([`lexicon::Class::marks`]) in the low byte and their
/// second marks ([`lexicon::Class::seek`]) in the high one, all of them or'ed.
fn tokenize(
    text: &str,
    span: Span,
    starts: NameStarts,
    toks: &mut Vec<Tok>,
    cuts: &mut Vec<usize>,
) -> u16 {
    let Some(s) = span.get(text) else {
        return 0;
    };
    work::add(s.len());
    let lexicon = lexicon::table();
    let mut marks = 0;
    let base = span.start;
    let bytes = s.as_bytes();
    // the last offset with eight bytes at it, for the inner loop's one test of a chunk
    let last = bytes.len().checked_sub(8);
    let mut i = 0usize;
    loop {
        // the commonest token, ASCII letters and digits then a space, in a loop of its own:
        // the inner loop's values are the ones the compiler keeps in registers, where in one
        // loop with the other tokens' paths they were spilled to the stack (and where the
        // loop was a function of its own, inlined, the tokenizer took 0.8 M instructions
        // more over 300 articles)
        let mut chunk = padded_chunk_at(bytes, i);
        // the run that opens the chunk the loop stops at, handed to `ascii_word`, which
        // counted it again
        let mut run = Run::default();
        while let Some(c) = chunk {
            let (n, packed) = alnum_prefix_any(c);
            // a space after them, and a vector with room, so that the push calls nothing
            if !space_after_run(c, n) || toks.len() == toks.capacity() {
                run = Run {
                    chunk: c,
                    n,
                    packed,
                };
                break;
            }
            let class = lexicon.classify_short(n, packed);
            marks |= class.both_marks();
            // (the first byte is a letter or digit: a capital has no case bit)
            let cap = c as u8 & 0x20 == 0;
            let may_name = starts.run(c, n);
            toks.push(class_tok(base + i, n, class, cap, may_name, c as u8));
            i += n + 1;
            chunk = chunk_below(bytes, i, last);
        }
        let b = match chunk {
            Some(chunk) => chunk as u8,
            None => match bytes.get(i) {
                Some(&b) => b,
                None => break,
            },
        };
        if b == b' ' {
            i += 1;
            continue;
        }
        // a word that opens with ASCII letters and digits and ends at no space
        if chunk.is_some() && b.is_ascii_alphanumeric() {
            let (end, m) = ascii_word(starts, s, base, i, run, toks, cuts);
            marks |= m;
            i = end;
            continue;
        }
        match other_token(starts, s, base, i, b, toks, cuts) {
            Some((end, m)) => {
                marks |= m;
                i = end;
            }
            None => break,
        }
    }
    marks
}

/// The token of the word of `n` bytes at `start` in the text, of the lexicon class
/// `class`, with its [`Tok::lead`] `lead` (made by [`word_tok`], and by [`tokenize`]'s inner
/// loop with no call).
#[inline(always)]
fn class_tok(
    start: usize,
    n: usize,
    class: lexicon::Class,
    cap: bool,
    may_name: bool,
    lead: u8,
) -> Tok {
    Tok {
        // (a word ends after it starts: no span to order)
        span: Span {
            start,
            end: start + n,
        },
        w: class.w,
        k: class.k,
        cap,
        punct: 0,
        marks: class.marks,
        may_name,
        ment: None,
        lead,
    }
}

/// The ASCII letters and digits that open eight bytes of text, as [`alnum_prefix`] gives
/// them, for [`ascii_word`].
#[derive(Clone, Copy, Default)]
struct Run {
    /// The eight bytes, the first in the low byte.
    chunk: u64,
    /// How many of them are letters and digits.
    n: usize,
    /// Those bytes lowercased and packed ([`alnum_prefix`]).
    packed: u64,
}

/// The word at `i` of the sentence `s` (at `base` in the text) whose first eight bytes
/// `run.chunk` open with one or more ASCII letters and digits ([`Run`], as the tokenizer's
/// inner loop counted them) and which is not followed by a space there, told whether a
/// name of `starts` may start at it ([`Tok::may_name`]); pushed to `toks`, with the offset
/// after it (and after a space that follows) and its marks. Most are told whole by those
/// eight bytes ([`ends_word`]), and the punctuation after them ("Idlib, ") is pushed here
/// with no turn of the loops.
#[inline]
fn ascii_word(
    starts: NameStarts,
    s: &str,
    base: usize,
    i: usize,
    Run { chunk, n, packed }: Run,
    toks: &mut Vec<Tok>,
    cuts: &mut Vec<usize>,
) -> (usize, u16) {
    let bytes = s.as_bytes();
    debug_assert!(n > 0 && (n, packed) == alnum_prefix(chunk));
    let b = chunk as u8;
    let cap = b.is_ascii_uppercase();
    if ends_word(chunk, n) {
        let class = lexicon::table().classify(bytes, i, n, packed);
        let tok = class_tok(base + i, n, class, cap, starts.run(chunk, n), b);
        toks.push(tok);
        // the byte after the word (under eight letters and digits: no wrap)
        // and punctuation after it, with the space after that, pushed here, where it took
        // a turn of both loops and a call of `other_token`
        let p = chunk.wrapping_shr(8 * n as u32) as u8;
        let mut end = i + n;
        if LONE_PUNCT[usize::from(p)] {
            toks.push(punct_tok(base + end, p, starts.mark(p)));
            end += 1;
        }
        end += usize::from(bytes.get(end) == Some(&b' '));
        return (end, class.both_marks());
    }
    let mut lead = b;
    let (end, key) = word_end(s, char::from(b), i + n, packed, |k| {
        lead &= !LEAD_PLAIN;
        cuts.push(base + k);
    });
    let len = end.saturating_sub(i);
    // a word joined after fewer than eight letters and digits ("al-Bab") may start a name;
    // a longer one is told from its first and last eight bytes, with no second count of
    // its letters ([`NameStarts::long_word`])
    let may_name = n < 8 || starts.long_word(chunk, bytes, i, len);
    let (tok, marks) = word_tok(bytes, base, i, len, key, (cap, may_name), lead);
    toks.push(tok);
    // punctuation after it ("government, ") pushed here, as after a shorter word
    let end = punct_after(starts, bytes, base, end, toks);
    // a space after it passed here with no branch, not by a turn of the loops (a word of
    // eight bytes or more ends at a space most often)
    (end + usize::from(bytes.get(end) == Some(&b' ')), marks)
}

/// Pushes to `toks` the ASCII punctuation at `end` of the `bytes` of a sentence (at `base` in
/// the text) that is a token of its own ([`LONE_PUNCT`]), if any, and returns the offset
/// after it: the punctuation after a word that [`ascii_word`] or [`other_token`] read with
/// [`word_end`] ("government, ", "Idlib." at a sentence's end), pushed with the word, where
/// it took a turn of both loops and a call of [`other_token`].
#[inline]
fn punct_after(
    starts: NameStarts,
    bytes: &[u8],
    base: usize,
    end: usize,
    toks: &mut Vec<Tok>,
) -> usize {
    match bytes.get(end).filter(|&&p| LONE_PUNCT[usize::from(p)]) {
        Some(&p) => {
            toks.push(punct_tok(base + end, p, starts.mark(p)));
            end + 1
        }
        None => end,
    }
}

/// The token of the ASCII punctuation `p` at `at` in the text, at which a name may start
/// or not ([`Tok::may_name`]).
#[inline]
fn punct_tok(at: usize, p: u8, may_name: bool) -> Tok {
    Tok {
        span: Span {
            start: at,
            end: at + 1,
        },
        w: W::Other,
        k: K::None,
        cap: false,
        punct: p,
        marks: 0,
        may_name,
        ment: None,
        lead: NO_LEAD,
    }
}

/// The ASCII bytes that are a token of their own whatever follows them, as [`other_token`]
/// tells them: neither a letter, a digit nor a space of any kind, and not the "'" that may
/// open "'s". Not the zero byte, which [`padded_chunk_at`] reads past a sentence's end (a
/// zero byte of the text is a token of its own all the same, by [`other_token`]).
static LONE_PUNCT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 1;
    while b < 128 {
        let c = b as u8;
        t[b] = !c.is_ascii_alphanumeric() && !matches!(c, 9..=13 | b' ' | b'\'');
        b += 1;
    }
    t
};

/// The token at `i` of the sentence `s` (at `base` in the text) that [`ascii_word`] does not
/// read: one that does not open with ASCII letters or digits, or any in the sentence's last
/// seven bytes (where no eight bytes are read); a word, or punctuation (a space of another
/// kind is passed). Pushed to `toks`, a word with the punctuation right after it
/// ([`punct_after`]), with the offset after them and the word's marks, or `None` at a broken
/// char.
fn other_token(
    starts: NameStarts,
    s: &str,
    base: usize,
    i: usize,
    b: u8,
    toks: &mut Vec<Tok>,
    cuts: &mut Vec<usize>,
) -> Option<(usize, u16)> {
    let bytes = s.as_bytes();
    // an ASCII char is told a letter or digit by a table, not by the Unicode tests
    let (c, alnum) = if b.is_ascii() {
        (char::from(b), ALNUM_LOWER[usize::from(b)] != 0)
    } else {
        let c = s.get(i..).and_then(|r| r.chars().next())?;
        (c, c.is_alphanumeric())
    };
    if alnum {
        // an ASCII first letter is read with those after it
        let (end, key) = if c.is_ascii() {
            (i, 0)
        } else {
            let end = i + c.len_utf8();
            (end, key_more(0, bytes.get(i..end).unwrap_or(&[])))
        };
        let mut lead = b;
        let (end, key) = word_end(s, c, end, key, |k| {
            lead &= !LEAD_PLAIN;
            cuts.push(base + k);
        });
        let len = end.saturating_sub(i);
        let may_name = starts.word_at(bytes, i, len);
        let (tok, marks) = word_tok(bytes, base, i, len, key, (c.is_uppercase(), may_name), lead);
        toks.push(tok);
        // (and punctuation after it, and a space after that, as after punctuation)
        let end = punct_after(starts, bytes, base, end, toks);
        return Some((end + usize::from(bytes.get(end) == Some(&b' ')), marks));
    }
    if c.is_whitespace() {
        return Some((i + c.len_utf8(), 0));
    }
    let mut end = i + c.len_utf8();
    // "'s" is one token
    if c == '\'' && bytes.get(end) == Some(&b's') {
        end += 1;
    }
    let span = Span::new(base + i, base + end);
    // a mark of one byte, which a name may start with or not; "'s" and the marks of other
    // scripts are read by the name walk
    let may_name = span.end - span.start != 1 || starts.mark(b);
    // a space after it passed here with no branch (the tokenizer's test of a space was
    // mispredicted after punctuation)
    end += usize::from(bytes.get(end) == Some(&b' '));
    toks.push(Tok {
        span,
        w: W::Other,
        k: K::None,
        cap: false,
        punct: if c.is_ascii() { c as u8 } else { b'?' },
        marks: 0,
        may_name,
        ment: None,
        lead: NO_LEAD,
    });
    Some((end, 0))
}

/// The token of the word of `len` bytes at `i` in the `bytes` of a sentence that starts at
/// `base` in the text, with the word's lexicon key, whether it starts with a capital (its
/// marks in [`Tok::marks`]) and whether a name may start there, and its [`Tok::lead`]; with
/// both bytes of the word's marks ([`lexicon::Class::both_marks`]).
#[inline]
fn word_tok(
    bytes: &[u8],
    base: usize,
    i: usize,
    len: usize,
    key: u64,
    (cap, may_name): (bool, bool),
    lead: u8,
) -> (Tok, u16) {
    let class = lexicon::table().classify(bytes, i, len, key);
    let tok = class_tok(base + i, len, class, cap, may_name, lead);
    (tok, class.both_marks())
}

/// True if the word of `n` ASCII letters and digits that opens `chunk` ([`alnum_prefix`])
/// ends there, as [`word_end`] would tell: fewer than eight of them, then an ASCII byte that
/// joins nothing after it, a space or punctuation, or a "-", ".", "," or "'" before an ASCII
/// byte that is no letter or digit ("Idlib, ", "town.\""). A word that goes on, or whose end
/// needs more than these bytes, is read by [`word_end`].
fn ends_word(chunk: u64, n: usize) -> bool {
    // the byte after the run and the one after it, by table and with no test: a shift wraps
    // round past the eighth byte to the first ones, letters or digits, which end nothing (the
    // tests of `n` and of the bytes were mispredicted for a fifth of the words)
    let next = END_BYTE[usize::from(chunk.wrapping_shr(8 * n as u32) as u8)];
    let after = END_BYTE[usize::from(chunk.wrapping_shr(8 * n as u32 + 8) as u8)];
    (next | (next >> 1 & after >> 2)) & 1 != 0
}

/// The rank of a place's kind when a mention names several ([`Doc::place_ref`]): a town
/// first, then an air base, a district, a province (first after a place word: 0) and a
/// country; other kinds after them.
static PLACE_RANK: [u8; 16] = {
    let mut t = [9u8; 16];
    t[EntryKind::City as usize] = 1;
    t[EntryKind::AirBase as usize] = 2;
    t[EntryKind::District as usize] = 3;
    t[EntryKind::Province as usize] = 4;
    t[EntryKind::Country as usize] = 5;
    t
};

/// The kind of place of each kind of entry, by its number ([`Doc::place_ref`]): none for a
/// kind that names no place (the test `the_tables_of_kinds_agree_with_the_rankings` holds it
/// to [`PLACE_RANK`]).
static PLACE_KINDS: [Option<PlaceKind>; 16] = {
    let mut t = [None; 16];
    t[EntryKind::Country as usize] = Some(PlaceKind::Country);
    t[EntryKind::Province as usize] = Some(PlaceKind::Province);
    t[EntryKind::City as usize] = Some(PlaceKind::City);
    t[EntryKind::District as usize] = Some(PlaceKind::District);
    t[EntryKind::AirBase as usize] = Some(PlaceKind::AirBase);
    t
};

/// What a byte after a word's ASCII letters and digits tells of its end ([`ends_word`]), in
/// bits: 1, it ends the word (ASCII, no letter, digit, "-", ".", "," or "'"); 2, it joins the
/// word to what follows unless that is 4, an ASCII byte that is no letter or digit.
static END_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if !c.is_ascii_alphanumeric() {
            t[b] = if matches!(c, b'-' | b'.' | b',' | b'\'') {
                6
            } else {
                5
            };
        }
        b += 1;
    }
    t
};

/// The end of the word that starts with `c` and is read up to `end`, with its lexicon key
/// ([`lexicon::key_step`]) so far `key`: letters and digits, joined by "-", "." or "'"
/// before a letter or digit ("al-Bab", "U.S", "Hay'at", not the possessive "'s"), and ","
/// between digits ("1,200"); with the key of the whole word, computed as it is read.
fn word_end(
    s: &str,
    c: char,
    mut end: usize,
    mut key: u64,
    mut cut: impl FnMut(usize),
) -> (usize, u64) {
    let bytes = s.as_bytes();
    loop {
        // most of a word is ASCII letters and digits
        (end, key) = alnum_run(bytes, end, key);
        // most words end at a space
        if bytes.get(end).is_none_or(|&b| b == b' ') {
            break;
        }
        let Some(d) = char_at(s, end) else {
            break;
        };
        let joins = d.is_alphanumeric()
            || matches!(d, '-' | '.' | ',' | '\'')
                && char_at(s, end + 1).is_some_and(|n| match d {
                    ',' => n.is_ascii_digit() && c.is_ascii_digit(),
                    '\'' => {
                        n.is_alphanumeric()
                            && (n != 's' || char_at(s, end + 2).is_some_and(char::is_alphanumeric))
                    }
                    _ => n.is_alphanumeric(),
                });
        if !joins {
            break;
        }
        if matches!(d, '.' | ',' | '\'') {
            cut(end);
        }
        let next = end + d.len_utf8();
        key = key_more(key, bytes.get(end..next).unwrap_or(&[]));
        end = next;
    }
    (end, key)
}

/// The end of the run of ASCII letters and digits at `end`, with `key` continued over it:
/// eight bytes at a time ([`alnum_prefix`]), where a byte at a time took nine instructions
/// a byte; the last bytes of `bytes` as one chunk too (one at a time only in a sentence of
/// fewer than eight bytes).
fn alnum_run(bytes: &[u8], mut end: usize, mut key: u64) -> (usize, u64) {
    while let Some(chunk) = bytes.get(end..).and_then(<[u8]>::first_chunk::<8>) {
        let (n, packed) = alnum_prefix(u64::from_le_bytes(*chunk));
        // `n` steps of `key_step` at once: the key so far moves left by a byte for each
        key = key.rotate_left(8 * n as u32) ^ packed;
        end += n;
        if n < 8 {
            return (end, key);
        }
    }
    // fewer than eight bytes left: read as one chunk, zero past the end ([`padded_chunk_at`];
    // none at the end), where a loop of a byte at a time mispredicted its exit at most
    // sentences' last word
    if bytes.len() >= 8 {
        let (n, packed) = alnum_prefix(padded_chunk_at(bytes, end).unwrap_or(0));
        return (end + n, key.rotate_left(8 * n as u32) ^ packed);
    }
    while let Some(&b) = bytes.get(end) {
        let l = ALNUM_LOWER[usize::from(b)];
        if l == 0 {
            break;
        }
        key = key_step(key, l);
        end += 1;
    }
    (end, key)
}

/// The ASCII letters and digits that open `chunk` (eight bytes of text, the first in the low
/// byte): how many, and those bytes lowercased and packed, the first in the high byte (the
/// part of the [`key_step`] key they add).
fn alnum_prefix(chunk: u64) -> (usize, u64) {
    let (n, packed) = alnum_prefix_any(chunk);
    // with none, the shift (of 64, wrapped to 0) is masked off, with no branch, so that a
    // word's key is 0 then
    (n, packed & u64::from(n != 0).wrapping_neg())
}

/// True if the `n` ASCII letters and digits that open `chunk` ([`alnum_prefix`]) are one
/// or more and a space follows them in it. The byte after them is read as the second byte of
/// a shift by a byte fewer: with none, and after eight, the shift of -8 or 56 wraps round to
/// 56, which leaves no space there; where a test of `n` for none took four instructions.
#[inline(always)]
fn space_after_run(chunk: u64, n: usize) -> bool {
    (chunk.wrapping_shr((8 * n as u32).wrapping_sub(8)) >> 8) as u8 == b' '
}

/// [`alnum_prefix`] whose packed bytes are right only when there are some: with none, they
/// are the whole chunk's (the tokenizer's inner loop stops there, and is spared the mask).
#[inline(always)]
fn alnum_prefix_any(chunk: u64) -> (usize, u64) {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = LO * 0x80;
    /// The case bit of every byte.
    const CASE: u64 = LO * 0x20;
    // the sums stay inside an ASCII byte; the high bit then says "at least": a digit is at
    // least '0' and not at least ':', a letter (either case, once 0x20 is set) at least 'a'
    // and not at least '{'. A byte with the high bit set is no letter or digit whatever
    // its sums say, and its carries reach only the bytes after it, past the run: no mask
    // of the high bits first (a constant fewer kept in a register)
    let digit = chunk.wrapping_add(LO * 0x50) & !chunk.wrapping_add(LO * 0x46);
    let y = chunk | CASE;
    let letter = y.wrapping_add(LO * 0x1f) & !y.wrapping_add(LO * 0x05);
    let alnum = (digit | letter) & !chunk & HI;
    let n = ((!alnum & HI).trailing_zeros() / 8) as usize;
    // 0x20 lowercases a letter and leaves a digit as it is
    let packed = (chunk | CASE).swap_bytes().wrapping_shr(64 - 8 * n as u32);
    (n, packed)
}

/// The eight bytes at `i` of `bytes` as [`chunk_at`] reads them; near the end, the bytes
/// left, zero past the end (a zero byte is no letter, digit or space: a word read from
/// the chunk ends there, as at a space); `None` at the end, or near the end of a sentence
/// of fewer than eight bytes. The tokenizer reads a sentence's last words so, by its paths
/// for a word of ASCII letters and digits, where they took its path for any token
/// ([`other_token`]) and a byte at a time, mispredicted at most sentences' last word.
#[inline]
fn padded_chunk_at(bytes: &[u8], i: usize) -> Option<u64> {
    chunk_at(bytes, i).or_else(|| {
        let last = bytes.last_chunk::<8>().filter(|_| i < bytes.len())?;
        // (1 to 7 bytes of the last eight are before `i`)
        let before = (i + 8).saturating_sub(bytes.len()).min(7);
        Some(u64::from_le_bytes(*last) >> (8 * before))
    })
}

/// The eight bytes at `i` of `bytes` as [`padded_chunk_at`] reads them, where `last` is
/// the last offset that has eight bytes at it (`None` for fewer than eight bytes in all):
/// up to it, with one test of `i` against it (the compiler then knows the eight bytes are
/// there), where [`chunk_at`] tested the bytes left both for a wrap and for eight.
#[inline(always)]
fn chunk_below(bytes: &[u8], i: usize, last: Option<usize>) -> Option<u64> {
    match last {
        Some(last) if i <= last => chunk_at(bytes, i),
        _ => padded_chunk_at(bytes, i),
    }
}

/// The eight bytes at `i` of `bytes`, the byte at `i` the low one, or `None` near the end:
/// the bytes left, then their first eight (no test of `i + 8` for a wrap, as a range to
/// `i + 8` had).
#[inline]
fn chunk_at(bytes: &[u8], i: usize) -> Option<u64> {
    bytes
        .get(i..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map(|c| u64::from_le_bytes(*c))
}

/// The character at byte `i` (on a char boundary), quickly for ASCII.
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Pushes to `clauses` the token ranges of the clauses of the sentence `span` of `text`
/// ([`text::clause_cut`]'s rules), whose tokens are `toks`; none if it has no tokens. A cut
/// falls only where a token starts (a `;`, `,` or dash, or a "but"), so the tokens are walked
/// and the text is read only at those: no scan of the sentence's bytes, and no search for the
/// tokens of each clause (the tokens hold no white space, so a clause's tokens are those
/// that start inside it, as [`tok_range`] would give them).
fn clause_ranges(text: &str, span: Span, toks: &[Tok], clauses: &mut Vec<(usize, usize)>) {
    let mut first = 0;
    let mut rest = toks.iter();
    while let Some(t) = rest.next() {
        // told by its first byte, by a table: most tokens are passed by that one test (a
        // `;`, `,` or `-`, a word of "b" or a non-ASCII char of 0xe2 is a tenth of them); then
        // by its length, a bit of the same table (a `;`, `,` or `-` of one byte, "but" or an
        // en or em dash of three: "bus" or a quote mark is ruled out by the text). The length
        // read only then, where both were read for every token. The first byte is told by
        // the token's own bytes ([`cut_key`]), where the text's was read at its offset
        let lengths = CUT_KEY_LENGTHS[usize::from(cut_key(t))];
        if lengths == 0 {
            continue;
        }
        let len = t.span.end.wrapping_sub(t.span.start);
        if (lengths >> len.min(15)) & 1 == 0 {
            continue;
        }
        let Some(next) = text::clause_cut(text, span, t.span.start) else {
            continue;
        };
        // the clause before ends with the tokens that start before `next`: this one and at
        // most the rest of its dash ("--"), or none of them at a "but"
        let after = rest.as_slice();
        let mut cut = toks.len() - after.len() - 1;
        if t.span.start < next {
            cut += 1 + after.iter().take_while(|t| t.span.start < next).count();
        }
        if first < cut {
            clauses.push((first, cut));
        }
        first = cut;
    }
    if first < toks.len() {
        clauses.push((first, toks.len()));
    }
}

/// The lengths a token that may cut a clause has ([`clause_ranges`]) as bits, by its first
/// byte: one for a `;`, `,` or `-`, three for "but" and an en or em dash (0xe2 opens both).
static CUT_LENGTHS: [u16; 256] = {
    let mut t = [0u16; 256];
    t[b';' as usize] = 1 << 1;
    t[b',' as usize] = 1 << 1;
    t[b'-' as usize] = 1 << 1;
    t[b'b' as usize] = 1 << 3;
    t[0xe2] = 1 << 3;
    t
};

/// What a token holds of its first byte for [`clause_ranges`] ([`CUT_KEY_LENGTHS`]): a
/// word's [`Tok::lead`] (its first byte, [`LEAD_PLAIN`] cleared at a cut), punctuation's
/// [`Tok::punct`] (its byte, '?' for a char not ASCII) flipped by its lead, [`NO_LEAD`]. Two
/// bytes of the token, where the text's byte at its start took its offset, a bound test and
/// the text's pointer.
#[inline]
fn cut_key(t: &Tok) -> u8 {
    t.punct ^ t.lead
}

/// [`CUT_LENGTHS`] by a token's [`cut_key`]: a key takes the lengths of every first byte it
/// may stand for (a word's with [`LEAD_PLAIN`] set or not, punctuation's flipped, every
/// char not ASCII for the '?' that stands for them), so that a token that the text's first
/// byte lets through is let through (a few more are, for the length and the text to rule
/// out: a "?", a mark of three bytes, a word of a Cyrillic letter).
static CUT_KEY_LENGTHS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = CUT_LENGTHS[k]
            | CUT_LENGTHS[k | LEAD_PLAIN as usize]
            | CUT_LENGTHS[k ^ NO_LEAD as usize];
        t[(b'?' ^ NO_LEAD) as usize] |= CUT_LENGTHS[k | 0x80];
        k += 1;
    }
    t
};

/// Token index range covering a byte span (tokens overlapping it).
fn tok_range(toks: &[Tok], span: Span) -> (usize, usize) {
    let a = toks.partition_point(|t| t.span.end <= span.start);
    let b = toks.partition_point(|t| t.span.start < span.end);
    (a, b.max(a))
}

/// Whether a sentence tells an event: its tokens have a strike or casualty word or a cue of
/// an event kind ([`is_event_word`]), and it is no statement of condolence or notice
/// ([`tells_no_event`]). Told by the `marks` of its words, which the
/// tokenizer gathered: its tokens are read again only in a sentence with a word of
/// condolence or a notice.
fn event_words(toks: &[Tok], marks: u8) -> bool {
    let cued = marks & lexicon::MARK_EVENT != 0;
    debug_assert_eq!(cued, toks.iter().any(is_event_word), "marks of event words");
    let no_event = marks & lexicon::MARK_NO_EVENT != 0 && tells_no_event(toks);
    cued && !no_event
}

/// True for a strike or casualty word, or a word that cues an event kind.
fn is_event_word(t: &Tok) -> bool {
    lexicon::marks(t.w, t.k) & lexicon::MARK_EVENT != 0
}

/// True for a sentence that tells no event whatever its words: a quoted statement of
/// condolence ('"We extend our condolences to the families of the 12 people killed"'), a
/// notice ("the school said in a notice that classes would be suspended after the shelling").
/// Not inlined into [`Prepared::new`], whose tokenizer loop keeps its registers.
#[inline(never)]
fn tells_no_event(toks: &[Tok]) -> bool {
    let mut quoted = false;
    let mut before = W::Other;
    for t in toks {
        if t.punct == b'"' {
            quoted = !quoted;
        }
        match t.w {
            W::Ceremony if quoted => return true,
            // "in a notice", not "until further notice"
            W::Notice if matches!(before, W::Indefinite | W::Definite) => return true,
            _ => {}
        }
        before = t.w;
    }
    false
}

impl<'t> Doc<'t> {
    fn new(
        gaz: &'t Gazetteer,
        text: &'t str,
        prepared: &'t Prepared,
        published: Option<NaiveDate>,
    ) -> Doc<'t> {
        let sents = prepared.sents(text.len());
        let mut doc = Doc {
            options: Options::default(),
            published,
            text,
            gaz,
            sents,
            countries: Vec::new(),
            main_country: None,
            para_dates: std::cell::RefCell::new(Vec::new()),
            province_names: std::cell::RefCell::new(CodeNames::for_text(gaz, text.len())),
            figures: std::cell::RefCell::default(),
            exact_lists: !crate::kept::may_keep(text.len()),
            ments: &prepared.ments,
            place_refs: crate::kept::take_for(&PLACE_REFS, text.len()),
        };
        // none read yet (the thread's list comes back emptied; cleared here all the same)
        doc.place_refs.clear();
        doc.place_refs
            .resize(prepared.ments.len(), std::cell::Cell::new(None));
        doc.weigh_countries(&prepared.ments);
        doc
    }

    /// Country weights: provinces and towns count 2, countries named as places 1, from the
    /// mentions of all the sentences (`ments`, each sentence's in turn, which the sentences
    /// borrow their parts of): walked as one slice, where a loop over the sentences and one
    /// over each one's mentions had their ends mispredicted (many sentences have none).
    fn weigh_countries(&mut self, ments: &[Ment]) {
        // the thread's vector, emptied ([`COUNTRIES`])
        let mut w: Vec<(&'t str, u32)> =
            relabel(crate::kept::take_for(&COUNTRIES, self.text.len()));
        for m in ments {
            let Some((country, weight)) = self.mention_weight(m) else {
                continue;
            };
            match w.iter_mut().find(|(c, _)| same_code(c, country)) {
                Some((_, n)) => *n += weight,
                None => w.push((country, weight)),
            }
        }
        let mut best: Option<(&&str, &u32)> = None;
        for (c, n) in &w {
            if best.is_none_or(|(bc, bn)| n > bn || (n == bn && c < bc)) {
                best = Some((c, n));
            }
        }
        self.main_country = best.map(|(c, _)| *c);
        self.countries = w;
    }

    /// The country a place mention `m` speaks for and its weight, or `None` if its entries
    /// name no one country or it weighs nothing. Its kinds and country are stored with its
    /// name ([`Gazetteer::weighed_country`]): its entries are not read.
    fn mention_weight(&self, m: &Ment) -> Option<(&'t str, u32)> {
        // the kinds of its entries, read when it was placed ([`Ment::kinds`]): a mention that
        // weighs nothing has its entries unread
        let any = |k: EntryKind| m.kinds & k.bit() != 0;
        // "Homs" is a Syrian governorate and a Libyan town: the province speaks
        let province = any(EntryKind::Province);
        // a province says more than a town, which may be a homonym of a small place
        let weight = if province {
            3
        } else if any(EntryKind::City) || any(EntryKind::Country) && self.locative_before(m) {
            2
        } else if any(EntryKind::Country)
            || any(EntryKind::Demonym)
            || any(EntryKind::ArmedGroup)
            || any(EntryKind::Military)
        {
            1
        } else {
            return None;
        };
        // the one country of its entries, or of its provinces: stored with its name, where
        // the entries were read for it (debug builds read them still, to check it)
        let country = self.gaz.weighed_country(&m.m);
        if cfg!(debug_assertions) {
            let mut read = OneCountry::default();
            for (_, e) in self.gaz.entries_of(&m.m) {
                if !province || e.kind() == EntryKind::Province {
                    read.add(e.country());
                }
            }
            debug_assert_eq!(country, read.get(), "the country of {:?}", m.m);
        }
        Some((country?, weight))
    }

    /// [`is_locative_before`] for mention `m`, in the sentence that holds it (found by its
    /// start: the sentences are in text order and do not overlap; asked of a country alone).
    fn locative_before(&self, m: &Ment) -> bool {
        let at = self.sents.partition_point(|s| s.span.end <= m.m.span.start);
        self.sents
            .get(at)
            .is_some_and(|s| is_locative_before(s, m.a))
    }

    /// The figures of a sentence with their token ranges; only a sentence with a strike or
    /// casualty word has any (figures elsewhere tell no event). Read once, when first asked.
    pub(crate) fn numbers<'s>(&self, s: &'s Sent) -> &'s [(Number, usize, usize)] {
        s.numbers.get_or_init(|| self.read_numbers(s)).as_slice()
    }

    /// [`Doc::numbers`], read.
    fn read_numbers(&self, s: &Sent) -> Few<(Number, usize, usize)> {
        if !s.event_words {
            return Few::NONE;
        }
        work::add(s.toks.len());
        // the figures are gathered in the document's buffer (a new one if it is in use,
        // which it never is: reading figures asks for no figures) and moved out in one
        // allocation of their number, not grown push by push
        let mut shared = self.figures.try_borrow_mut().ok();
        let mut own = Vec::new();
        let v = shared.as_deref_mut().unwrap_or(&mut own);
        v.clear();
        let tok = |t: &Tok| (t.span, t.punct);
        // each figure comes with its token range ([`tok_range`]), which its reader finds
        // from its words
        numbers::for_each_number_of_tokens(self.text, s.span, s.toks, tok, |n, a, b| {
            debug_assert_eq!((a, b), tok_range(s.toks, n.count.span), "token range");
            v.push((n, a, b));
        });
        // [`Doc::numbers_from`] searches them by their first token
        debug_assert!(v.is_sorted_by_key(|x| x.1), "figures out of text order");
        // moved as one block: no allocation for a sentence with no figure or one
        Few::take_from(v)
    }

    /// The figures of a sentence whose first token is in [lo, hi), by binary search: the
    /// figures are in text order.
    pub(crate) fn numbers_from<'s>(
        &self,
        s: &'s Sent,
        lo: usize,
        hi: usize,
    ) -> &'s [(Number, usize, usize)] {
        let all = self.numbers(s);
        let a = all.partition_point(|(_, na, _)| *na < lo);
        let b = all.partition_point(|(_, na, _)| *na < hi).max(a);
        all.get(a..b).unwrap_or(&[])
    }

    /// The dates of a sentence with their token ranges, on the terms of [`Doc::numbers`].
    pub(crate) fn dates<'s>(&self, s: &'s Sent) -> &'s [(DateRef, usize, usize)] {
        s.dates
            .get_or_init(|| {
                if !s.event_words {
                    return Few::NONE;
                }
                if !self.may_have_date(s) {
                    debug_assert!(
                        {
                            let mut none = true;
                            self.for_each_date(s, |_| none = false);
                            none
                        },
                        "a date in a sentence that may have none"
                    );
                    return Few::NONE;
                }
                work::add(s.toks.len());
                let mut v = Few::NONE;
                self.for_each_date(s, |d| {
                    let (a, b) = tok_range(s.toks, d.span);
                    v.push((d, a, b));
                });
                v
            })
            .as_slice()
    }

    /// Whether sentence `s` may have a date: a word of it may start one
    /// ([`Sent::date_words`]), or it has a year ([`may_have_year`]). Told without reading
    /// its words or its bytes: the tokenizer marked them, where its dates were read (their
    /// reader passed over every token of it to tell that its figures were counts).
    fn may_have_date(&self, s: &Sent) -> bool {
        s.date_words || s.span.get(self.text).is_none() || may_have_year(s.toks)
    }

    /// The dates of a sentence in text order, read from the words of its tokens.
    fn for_each_date(&self, s: &Sent, each: impl FnMut(DateRef)) {
        if s.span.get(self.text).is_none() {
            // no tokens: the scanner reads what it can
            return dates::for_each_date(self.text, s.span, self.published, each);
        }
        let tok = |t: &Tok| (t.span, t.punct);
        // a word the lexicon did not mark is no date keyword: it starts a date only as a
        // figure or in parts between cuts, which the tokenizer told too ([`Tok::lead`])
        let keyword = Tok::may_start_date;
        let (text, published) = (self.text, self.published);
        dates::for_each_date_of_tokens(text, s.toks, tok, keyword, s.cuts, published, each);
    }

    pub(crate) fn word(&self, t: &Tok) -> &'t str {
        work::add(1);
        t.span.get(self.text).unwrap_or("")
    }

    /// True if the word of token `t` is one of `list` (ASCII case ignored).
    pub(crate) fn word_is(&self, t: &Tok, list: &[&str]) -> bool {
        // most tokens have the length of no listed word: told without reading the word
        let n = t.span.len();
        list.iter().any(|w| w.len() == n) && lexicon::is_one_of(self.word(t), list)
    }

    /// True if sentence `s` has a token `i` whose word is one of `list`.
    #[inline]
    pub(crate) fn word_at_is(&self, s: &Sent, i: usize, list: &[&str]) -> bool {
        s.toks.get(i).is_some_and(|t| self.word_is(t, list))
    }

    /// True if sentence `s` has a token `i` of the class `class` whose word is one of `list`
    /// (all of whose words are of that class: each rule module's tests hold its lists to
    /// theirs): the class, a byte of the token, rules out most tokens without comparing
    /// their words.
    #[inline]
    pub(crate) fn class_word_at(&self, s: &Sent, i: usize, class: W, list: &[&str]) -> bool {
        s.toks
            .get(i)
            .is_some_and(|t| t.w == class && self.word_is(t, list))
    }

    pub(crate) fn country_name(&self, code: &str) -> Cow<'static, str> {
        self.gaz
            .shared_name_of(code)
            .unwrap_or_else(|| share_code(code))
    }

    /// The entries of a mention, each with its order of preference: the article's countries
    /// first, then an entry the text names by its own name ("Homs" is Syria's governorate
    /// by name, a Libyan one only by alias), then the gazetteer's order. Callers pick the
    /// least (rule, preference) without sorting or collecting.
    pub(crate) fn entries(
        &self,
        m: &Mention,
    ) -> impl Iterator<Item = (&'t Entry, Preference)> + use<'_, 't> {
        let words = m.span.get(self.text).unwrap_or("");
        self.gaz.entries_of(m).enumerate().map(move |(i, (_, e))| {
            let weight = self.code_weight(e.country_bytes());
            let by_alias = !e.name().eq_ignore_ascii_case(words);
            (e, (std::cmp::Reverse(weight), by_alias, i))
        })
    }

    /// The mention as an actor: a force, group, state, or official's state.
    pub(crate) fn as_actor(&self, m: &Ment) -> Option<Entity> {
        // a mention of no actor's kind (a town, a source) is told by its kinds, its entries
        // unread
        if m.kinds & ACTOR_BITS == 0 {
            return None;
        }
        // read from a table, not a `match` (compiled as a jump by a table, mispredicted)
        let rank = |k: EntryKind| ACTOR_RANKS.get(k as usize).copied().unwrap_or(9);
        // the least by (rank, preference of [`Doc::entries`]), in one pass that reads the
        // country weight and the name only of an entry that can still win
        let words = m.m.span.get(self.text).unwrap_or("");
        let by_alias = |e: &Entry| !e.name().eq_ignore_ascii_case(words);
        let mut best: Option<Candidate<'t>> = None;
        for (id, e) in self.gaz.entries_of(&m.m) {
            let r = rank(e.kind());
            if r >= 9 || best.as_ref().is_some_and(|b| r > b.rank) {
                continue;
            }
            let w = self.code_weight(e.country_bytes());
            let Some(b) = best.as_mut().filter(|b| b.rank == r && b.weight == w) else {
                if best.as_ref().is_none_or(|b| r < b.rank || w > b.weight) {
                    best = Some(Candidate::new(w, r, (id, e)));
                }
                continue;
            };
            // same rank and weight: the name wins over an alias, else the first
            if !by_alias(e) && *b.by_alias.get_or_insert_with(|| by_alias(b.entry)) {
                *b = Candidate::new(w, r, (id, e));
                b.by_alias = Some(false);
            }
        }
        let e = best?.entry;
        let span = m.m.span;
        Some(match e.kind() {
            EntryKind::Military | EntryKind::ArmedGroup => Entity {
                name: e.shared_name(),
                kind: if e.kind() == EntryKind::Military {
                    EntityKind::Military
                } else {
                    EntityKind::ArmedGroup
                },
                country: e.shared_country(),
                span,
                text: Default::default(),
            },
            _ => {
                let code = e.country().or(e.code())?;
                Entity {
                    name: self.country_name(code),
                    kind: EntityKind::State,
                    country: Some(share_code(code)),
                    span,
                    text: Default::default(),
                }
            }
        })
    }

    /// The mention as a place, preferring a province when a province word follows: its
    /// entry and kind, without building the [`Place`] (rules that compare several
    /// candidates build only the one they keep, with [`PlaceRef::to_place`]). `s` is the
    /// sentence of `m`. The answer is read once for each mention of the text
    /// ([`Doc::place_refs`]), then told again ([`Doc::read_place_ref`] reads it).
    pub(crate) fn place_ref(&self, s: &Sent, m: &Ment) -> Option<PlaceRef<'t>> {
        work::add(1);
        // a mention of no place (an actor, a source) is told by its kinds, its entries unread
        if !self.is_place(m) {
            return None;
        }
        let span = m.m.span;
        let slot = self.place_slot(m);
        if let Some(got) = slot.and_then(std::cell::Cell::get) {
            let (id, kind) = got?;
            let entry = self.gaz.entry(id)?;
            return Some(PlaceRef { entry, kind, span });
        }
        let got = self.read_place_ref(s, m);
        if let Some(slot) = slot {
            slot.set(Some(got.map(|(id, p)| (id, p.kind))));
        }
        got.map(|(_, p)| p)
    }

    /// The slot of [`Doc::place_refs`] of a mention of the text, by its place in
    /// [`Doc::ments`] (told by its address); none for a mention of no sentence of the text.
    fn place_slot(&self, m: &Ment) -> Option<&PlaceSlot> {
        let at = (m as *const Ment as usize).wrapping_sub(self.ments.as_ptr() as usize)
            / std::mem::size_of::<Ment>().max(1);
        self.ments
            .get(at)
            .filter(|x| std::ptr::eq(*x, m))
            .and(self.place_refs.get(at))
    }

    /// [`Doc::place_ref`] read anew, for a mention that may name a place; with its entry's id.
    fn read_place_ref(&self, s: &Sent, m: &Ment) -> Option<(EntryId, PlaceRef<'t>)> {
        // a province word ranks only a province, and changes the order only against a town,
        // district or air base (a province is before a country either way): the words around
        // a mention of no province, or of none of those (a province alone), are not read
        const BEFORE_PROVINCE: u32 =
            kind_bits(&[EntryKind::City, EntryKind::District, EntryKind::AirBase]);
        let province_word = m.kinds & EntryKind::Province.bit() != 0
            && m.kinds & BEFORE_PROVINCE != 0
            && Self::province_word_near(s, m);
        let rank = |k: EntryKind| {
            // read from a table, not a `match` (compiled as a jump by a table, mispredicted)
            let r = PLACE_RANK.get(k as usize).copied().unwrap_or(9);
            if province_word && k == EntryKind::Province {
                0
            } else {
                r
            }
        };
        // keep the article's country first, then by kind
        let (top_weight, (id, e)) = self.best_place_entry(&m.m, rank)?;
        // a town or province far from the article's countries needs a place word before it
        // (the weight first: most places are of the article's countries)
        if top_weight == 0
            && matches!(e.kind(), EntryKind::City | EntryKind::Province)
            && !self.countries.is_empty()
            && !is_locative_before(s, m.a)
        {
            return None;
        }
        // read from a table, not a `match` (compiled as a jump by a table)
        let kind = PLACE_KINDS.get(e.kind() as usize).copied().flatten()?;
        let place = PlaceRef {
            entry: e,
            kind,
            span: m.m.span,
        };
        Some((id, place))
    }

    /// True if a province word goes with the mention ([`Doc::place_ref`]): "Kamianka,
    /// Donetsk" and "(Wadajir, Banadir)", the second name of two after a comma; "Idlib
    /// province", "the Aleppo, Idlib and Deir al Zour provinces", a word after a list of names.
    fn province_word_near(s: &Sent, m: &Ment) -> bool {
        let after_place = m.a >= 2
            && s.toks.get(m.a - 1).is_some_and(|t| t.punct == b',')
            && s.toks.get(m.a - 2).is_some_and(|t| t.ment.is_some());
        let mut k = m.b;
        while s
            .toks
            .get(k)
            .is_some_and(|t| t.punct == b',' || t.w == W::Conj || t.ment.is_some())
            && k < m.b + 12
        {
            k += 1;
        }
        // every token from `m.b` to `k` is a comma, conjunction or mention: the loop read it
        after_place || s.toks.get(k).is_some_and(|t| t.w == W::ProvinceWord)
    }

    /// The entry of a mention as a place, in one pass: of the entries `rank` ranks below 9,
    /// those of the heaviest country weight, the least by (named by alias where no country
    /// weighs, rank, [`Doc::entries`] preference); with that weight and its id. Whether an entry is
    /// named by alias is read only when two entries of the same weight need it.
    fn best_place_entry(
        &self,
        m: &Mention,
        rank: impl Fn(EntryKind) -> u8,
    ) -> Option<(u32, (EntryId, &'t Entry))> {
        // the mention's words are read only when two entries of one weight need them
        let by_alias = |e: &Entry| {
            !e.name()
                .eq_ignore_ascii_case(m.span.get(self.text).unwrap_or(""))
        };
        let mut best: Option<Candidate<'t>> = None;
        for (id, e) in self.gaz.entries_of(m) {
            let r = rank(e.kind());
            if r >= 9 {
                continue;
            }
            let w = self.code_weight(e.country_bytes());
            let Some(b) = best.as_mut().filter(|b| b.weight == w) else {
                if best.as_ref().is_none_or(|b| w > b.weight) {
                    best = Some(Candidate::new(w, r, (id, e)));
                }
                continue;
            };
            if w != 0 && r != b.rank {
                // by rank alone
                if r < b.rank {
                    *b = Candidate::new(w, r, (id, e));
                }
                continue;
            }
            let alias = by_alias(e);
            let b_alias = *b.by_alias.get_or_insert_with(|| by_alias(b.entry));
            // the later entry wins only if it is less on (alias where no weight, rank, alias)
            if (alias && w == 0, r, alias) < (b_alias && w == 0, b.rank, b_alias) {
                *b = Candidate::new(w, r, (id, e));
                b.by_alias = Some(alias);
            }
        }
        best.map(|b| (b.weight, (b.id, b.entry)))
    }

    /// The weight of the country of an entry whose code is `code` ([`Entry::country_bytes`]),
    /// for the entry loops of [`Doc::entries`], [`Doc::place_ref`] and [`Doc::as_actor`]:
    /// its two bytes compared with each of the article's countries as stored, not made a
    /// `str` first and compared by a call to `memcmp`. Two zero bytes (no country) match
    /// none: the article's countries are entries' codes.
    fn code_weight(&self, code: [u8; 2]) -> u32 {
        self.countries
            .iter()
            .find(|(x, _)| matches!(x.as_bytes(), &[a, b] if [a, b] == code))
            .map_or(0, |(_, n)| *n)
    }

    /// True if the mention speaks or stands for people rather than a place: "Moscow said",
    /// "a Jubaland official", "Idlib residents".
    pub(crate) fn is_speaker(&self, s: &Sent, m: &Ment) -> bool {
        let next = s.toks.get(m.b);
        let next2 = s.toks.get(m.b + 1);
        next.is_some_and(|t| t.w == W::Report)
            // the class first: a word is sliced from the text only before a reporting word
            || next2.is_some_and(|t| t.w == W::Report) && next.is_some_and(|t| self.word(t) == "'s")
            || next
                .is_some_and(|t| self.could_be_title(t) && self.word_is(t, lexicon::SPEAKER_TITLES))
    }

    /// False for most words that are no speaker title, told by bits: its length, then its
    /// first letter with its length ([`SPEAKER_SHAPES`]).
    fn could_be_title(&self, t: &Tok) -> bool {
        let n = t.span.len();
        SPEAKER_SHAPES.has_length(n)
            && self
                .text
                .as_bytes()
                .get(t.span.start)
                .is_some_and(|&b| SPEAKER_SHAPES.may_start(b, n))
    }

    /// True if the mention names a place of some kind.
    pub(crate) fn is_place(&self, m: &Ment) -> bool {
        m.kinds & EntryKind::PLACE_BITS != 0
    }

    /// True if one of the mention's entries is of one of `kinds` (told by [`Ment::kinds`]).
    pub(crate) fn has_kind(&self, m: &Ment, kinds: &[EntryKind]) -> bool {
        m.kinds & kind_bits(kinds) != 0
    }

    /// The canonical name of a source or official mention, shared with the gazetteer (a
    /// figure's source is copied to every figure of its sentence).
    pub(crate) fn as_source(&self, m: &Ment) -> Option<Cow<'static, str>> {
        if !self.has_kind(m, &[EntryKind::Source, EntryKind::Official]) {
            return None;
        }
        self.gaz
            .entries_of(&m.m)
            .map(|(_, e)| e)
            .find(|e| matches!(e.kind(), EntryKind::Source | EntryKind::Official))
            .map(Entry::shared_name)
    }

    /// The province of a place: its own code, or the province of a town.
    pub(crate) fn province_of(&self, p: &Place) -> Option<Place> {
        match p.kind {
            PlaceKind::Province => Some(p.clone()),
            PlaceKind::Country => None,
            _ => self.town_province(p),
        }
    }

    /// The province of `town`, a place neither a province nor a country, from its province
    /// code and its name ([`Doc::province_name`]): [`Doc::province_of`] of a town.
    #[inline]
    pub(crate) fn town_province(&self, town: &Place) -> Option<Place> {
        let code = town.province.as_ref()?;
        Some(Self::province_place(town, self.province_name(code)))
    }

    /// The province of `town` made from its province code and that province's `name`
    /// ([`Doc::province_name`]): for a caller that reads the name first.
    #[inline]
    pub(crate) fn province_place(town: &Place, name: Option<Cow<'static, str>>) -> Place {
        Place {
            text: Default::default(),
            name,
            kind: PlaceKind::Province,
            country: share(town.country.as_ref()),
            code: share(town.province.as_ref()),
            province: None,
            span: town.span,
        }
    }

    /// The gazetteer's name of the province `code` (of a town), looked up once per thread
    /// and gazetteer ([`CodeNames`]): a town's province is asked for every event and figure
    /// placed there, and the gazetteer's lookup hashes and probes its table of codes each
    /// time. Inline, the first lookup of a code apart: the call and its saved registers
    /// cost as much as the table's probe.
    #[inline]
    pub(crate) fn province_name(&self, code: &str) -> Option<Cow<'static, str>> {
        let key = code_key(code);
        if let Some(name) = self.province_names.borrow().get(key, code) {
            return name;
        }
        self.first_province_name(key, code)
    }

    /// [`Doc::province_name`] of a code not asked before (or since the table was emptied):
    /// the gazetteer's, kept for the next time.
    #[inline(never)]
    fn first_province_name(&self, key: u64, code: &str) -> Option<Cow<'static, str>> {
        let name = self.gaz.shared_name_of(code);
        self.province_names
            .borrow_mut()
            .insert(key, code, share(name.as_ref()));
        name
    }
}

/// A copy of a string of an output value: a borrowed one (the built-in gazetteer's, most
/// are) by its reference, inline where `Cow::clone` may be a call.
#[inline]
fn share(s: Option<&Cow<'static, str>>) -> Option<Cow<'static, str>> {
    s.map(|s| match s {
        Cow::Borrowed(b) => Cow::Borrowed(*b),
        Cow::Owned(o) => Cow::Owned(o.clone()),
    })
}

/// The lengths and first letters of [`lexicon::SPEAKER_TITLES`], for [`Doc::is_speaker`].
static SPEAKER_SHAPES: lexicon::Shapes = lexicon::Shapes::of(&[lexicon::SPEAKER_TITLES]);

/// True if two codes are the same: a code of up to eight bytes is compared as two words
/// (its first and last four bytes, or two), as a code is a few bytes and a call to
/// `memcmp`, or a loop over its bytes, costs more.
pub(crate) fn same_code(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    if a.len() > 8 {
        return a == b;
    }
    if let (Some(a0), Some(b0), Some(a1), Some(b1)) = (
        a.first_chunk::<4>(),
        b.first_chunk::<4>(),
        a.last_chunk::<4>(),
        b.last_chunk::<4>(),
    ) {
        // both halves compared, with no branch between them (`&`): one on the first was
        // mispredicted 10 k times over the 300 profile articles
        return (a0 == b0) & (a1 == b1);
    }
    if let (Some(a0), Some(b0), Some(a1), Some(b1)) = (
        a.first_chunk::<2>(),
        b.first_chunk::<2>(),
        a.last_chunk::<2>(),
        b.last_chunk::<2>(),
    ) {
        return (a0 == b0) & (a1 == b1);
    }
    a.first() == b.first()
}

/// Names by code ([`Doc::province_names`]), by each code's [`code_key`]: an open-addressed
/// table, where a lookup is mostly one probe (a list searched from its start mispredicted
/// its exit, 5 k times over the 300 profile articles), and a list behind it for the codes
/// too long for a key (compared by their bytes; none of ISO 3166-2 is).
///
/// The thread keeps it from one text to the next ([`PROVINCE_NAMES`]): an article's towns
/// are mostly in provinces an earlier article named, whose names it then need not look up
/// (1,584 first look-ups of an article over the 300 profile articles, about 360
/// instructions and 5 mispredictions each). It holds the names of one gazetteer, `gaz`,
/// and is emptied before it serves another ([`CodeNames::serve`]). Full, it is emptied
/// too, so that it stays small however many codes a thread's texts name.
#[derive(Debug)]
pub(crate) struct CodeNames {
    /// The gazetteer whose names these are (none before the first text: a weak reference
    /// that no gazetteer is).
    gaz: crate::gazetteer::GazetteerId,
    /// The slots, each a key ([`NO_KEY`] if free) and its name: `room` of them, or none
    /// before the first code is kept.
    slots: Vec<(u64, Option<Cow<'static, str>>)>,
    /// How many slots the table makes (a power of two): [`CODE_SLOTS`], or
    /// [`LONG_TEXT_CODE_SLOTS`] for a text too long to keep the thread's.
    room: usize,
    /// How many slots are taken.
    taken: usize,
    /// The codes too long for a key, with their names: at most [`CODE_REST`].
    rest: Vec<(String, Option<Cow<'static, str>>)>,
}

/// The slots of [`CodeNames`]: a power of two, half of them filled at most, so that a probe
/// seldom goes past the first; room for the provinces of many articles.
const CODE_SLOTS: usize = 512;

/// The slots of the [`CodeNames`] of a text too long to take the thread's (a window of a
/// long article, [`crate::kept::may_keep`]): made for it alone, and small, so that its peak
/// heap stays what its text makes it.
const LONG_TEXT_CODE_SLOTS: usize = 32;

impl Default for CodeNames {
    fn default() -> Self {
        CodeNames::with_room(CODE_SLOTS)
    }
}

/// The most codes too long for a key that [`CodeNames`] keeps, compared one by one.
const CODE_REST: usize = 16;

/// A free slot of [`CodeNames`]: the key of no code, as a code short enough for a key has
/// its length (at most seven) in its top byte.
const NO_KEY: u64 = u64::MAX;

impl CodeNames {
    /// The table the thread kept ([`PROVINCE_NAMES`]) for a text of `len` bytes that may
    /// keep it ([`crate::kept::may_keep`]), else a new one, ready for `gaz`'s names.
    fn for_text(gaz: &Gazetteer, len: usize) -> CodeNames {
        let mut names = if crate::kept::may_keep(len) {
            crate::kept::take(&PROVINCE_NAMES)
        } else {
            CodeNames::with_room(LONG_TEXT_CODE_SLOTS)
        };
        names.serve(gaz);
        names
    }

    /// An empty table of `room` slots (a power of two), made at its first code.
    fn with_room(room: usize) -> CodeNames {
        CodeNames {
            gaz: Default::default(),
            slots: Vec::new(),
            room,
            taken: 0,
            rest: Vec::new(),
        }
    }

    /// Keeps the table for the thread's next text if this one, of `len` bytes, took the
    /// thread's ([`CodeNames::for_text`]); its size is bounded, as it empties when full.
    fn keep(self, len: usize) {
        if crate::kept::may_keep(len) {
            crate::kept::keep(&PROVINCE_NAMES, self, 0, 0);
        }
    }

    /// Readies the table for `gaz`'s names: emptied unless it holds `gaz`'s already (or a
    /// clone's, which has the same names; [`crate::gazetteer::GazetteerId`]).
    fn serve(&mut self, gaz: &Gazetteer) {
        if gaz.is(&self.gaz) {
            return;
        }
        self.empty_slots();
        self.rest.clear();
        self.gaz = gaz.id();
    }

    /// Forgets the names of the slots (their room stays).
    fn empty_slots(&mut self) {
        self.slots.iter_mut().for_each(|s| *s = (NO_KEY, None));
        self.taken = 0;
    }

    /// The first of `len` slots (a power of two) of `key`: high bits of it once mixed, as
    /// a code's bytes differ mostly in its last ones.
    fn home(key: u64, len: usize) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & len.wrapping_sub(1)
    }

    /// The name kept for `code` (of key `key`), or `None` if it was never asked; the outer
    /// `Option` tells the two apart, the inner is the name (a code may have none).
    #[inline]
    fn get(&self, key: u64, code: &str) -> Option<Option<Cow<'static, str>>> {
        if key == LONG_CODE {
            return self.get_rest(code);
        }
        let len = self.slots.len();
        let mut at = Self::home(key, len);
        // at most `taken` + 1 probes: a free slot is always left (none before the first)
        for _ in 0..len {
            let (k, name) = self.slots.get(at)?;
            if *k == key {
                return Some(share(name.as_ref()));
            }
            if *k == NO_KEY {
                break;
            }
            at = (at + 1) & (len - 1);
        }
        None
    }

    /// [`CodeNames::get`] from the list of the codes too long for a key.
    #[inline(never)]
    fn get_rest(&self, code: &str) -> Option<Option<Cow<'static, str>>> {
        self.rest
            .iter()
            .find(|(c, _)| same_code(c, code))
            .map(|(_, name)| share(name.as_ref()))
    }

    /// Keeps `name` for `code` (of key `key`), which [`CodeNames::get`] did not find; the
    /// table (or the list of long codes) is emptied first if it is full.
    fn insert(&mut self, key: u64, code: &str, name: Option<Cow<'static, str>>) {
        if key == LONG_CODE {
            if self.rest.len() >= CODE_REST {
                self.rest.clear();
            }
            self.rest.push((code.to_string(), name));
            return;
        }
        if self.slots.is_empty() {
            self.slots.resize(self.room.max(2), (NO_KEY, None));
        }
        let len = self.slots.len();
        if self.taken >= len / 2 {
            self.empty_slots();
        }
        let mut at = Self::home(key, len);
        for _ in 0..len {
            match self.slots.get_mut(at) {
                Some(slot) if slot.0 == NO_KEY => {
                    *slot = (key, name);
                    self.taken += 1;
                    return;
                }
                Some(_) => at = (at + 1) & (len - 1),
                None => return,
            }
        }
    }

    /// Whether the table is full: the next code with a key empties it first.
    #[cfg(test)]
    fn is_full(&self) -> bool {
        self.taken >= self.room / 2
    }
}

/// The [`code_key`] of every code longer than seven bytes: those are compared by their bytes.
const LONG_CODE: u64 = u64::MAX;

/// A code of up to seven bytes as one number: its bytes, and its length in the top byte (so
/// two codes have the same key only if they are the same); [`LONG_CODE`] for a longer one.
fn code_key(code: &str) -> u64 {
    let b = code.as_bytes();
    let len = b.len() as u64;
    if b.len() > 7 {
        return LONG_CODE;
    }
    // a code of four to seven bytes (all of ISO 3166-2's) from two reads of four bytes, not
    // a loop over its bytes whose length mispredicts: the reads overlap on the same bytes,
    // so OR-ing them gives each byte at its place, as the loop does
    if let (Some(head), Some(tail)) = (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        return len << 56
            | u64::from(u32::from_le_bytes(*head))
            | u64::from(u32::from_le_bytes(*tail)) << (8 * (len - 4));
    }
    code_key_bytewise(b)
}

/// [`code_key`] of a code of up to seven bytes, byte by byte: the short codes' path, and
/// the reference the fast path is tested against.
fn code_key_bytewise(b: &[u8]) -> u64 {
    b.iter()
        .enumerate()
        .fold((b.len() as u64) << 56, |k, (i, &x)| {
            k | u64::from(x) << (8 * i)
        })
}

/// True if the token before `a` (skipping determiners and adjectives-like capitals once)
/// puts a mention at `a` in a place role.
pub(crate) fn is_locative_before(s: &Sent, a: usize) -> bool {
    let mut i = a;
    for _ in 0..3 {
        if i == 0 {
            return false;
        }
        i -= 1;
        let Some(t) = s.toks.get(i) else {
            return false;
        };
        match t.w {
            W::Locative | W::TownWord | W::ProvinceWord => return true,
            W::Definite => continue,
            _ if t.punct == b'(' || t.punct == b',' => {
                return t.punct == b'('
                    || i > 0 && s.toks.get(i - 1).is_some_and(|p| p.ment.is_some())
            }
            _ => return false,
        }
    }
    false
}

/// The nearest date to token `at` within tokens [a, b), within `max` tokens if given.
pub(crate) fn nearest_date(
    doc: &Doc,
    s: &Sent,
    a: usize,
    b: usize,
    at: usize,
    max: Option<usize>,
) -> Option<DateRef> {
    nearest_date_where(doc, s, a, b, at, max, |_, _| true)
}

/// [`nearest_date`] among the dates (by their token range) that `keep` accepts.
fn nearest_date_where(
    doc: &Doc,
    s: &Sent,
    a: usize,
    b: usize,
    at: usize,
    max: Option<usize>,
    keep: impl Fn(usize, usize) -> bool,
) -> Option<DateRef> {
    work::add(doc.dates(s).len());
    // the first of the nearest, as `min_by_key` takes it; `keep` (which reads the tokens
    // around) asked last, only of a date that would be taken
    let mut best: Option<(usize, &DateRef)> = None;
    for (d, da, db) in doc.dates(s) {
        let (da, db) = (*da, *db);
        let dist = if db <= at {
            at - db
        } else {
            da.saturating_sub(at)
        };
        if da >= a
            && db <= b
            && max.is_none_or(|m| dist <= m)
            && best.is_none_or(|(nearest, _)| dist < nearest)
            && keep(da, db)
        {
            best = Some((dist, d));
        }
    }
    best.map(|(_, d)| d.clone())
}

/// The date `read` ([`nearest_date`] or [`nearest_event_date`]) finds nearest to token `at`
/// in the clause [a, b), else in the whole sentence. A clause that is the whole sentence
/// (most are) is read once: the sentence's answer could only repeat the clause's.
pub(crate) fn clause_else_sentence_date<R>(
    doc: &Doc,
    s: &Sent,
    (a, b): (usize, usize),
    at: usize,
    read: R,
) -> Option<DateRef>
where
    R: Fn(&Doc, &Sent, usize, usize, usize, Option<usize>) -> Option<DateRef>,
{
    let whole = (0, s.toks.len());
    read(doc, s, a, b, at, None).or_else(|| {
        ((a, b) != whole)
            .then(|| read(doc, s, whole.0, whole.1, at, None))
            .flatten()
    })
}

/// [`nearest_date`] without the date of a report ("rescuers said on Wednesday that the strike
/// ...", "officials said Tuesday"): that is when the event was told, not when it happened.
/// "said Tuesday's strikes", "As reported on 3 May, ..." and "Reported on 3 May, ..." keep
/// their dates.
pub(crate) fn nearest_event_date(
    doc: &Doc,
    s: &Sent,
    a: usize,
    b: usize,
    at: usize,
    max: Option<usize>,
) -> Option<DateRef> {
    let w = |k: usize| s.toks.get(k).map(|t| t.w);
    let told = |da: usize, db: usize| {
        let verb = match da.checked_sub(1).and_then(w) {
            Some(W::Locative) => da.checked_sub(2),
            _ => da.checked_sub(1),
        };
        let Some(verb) = verb.filter(|&v| w(v) == Some(W::Report)) else {
            return false;
        };
        let as_reported = verb
            .checked_sub(1)
            .and_then(|k| s.toks.get(k))
            .is_some_and(|t| {
                lexicon::AS_REPORTED
                    .iter()
                    .any(|x| doc.word(t).eq_ignore_ascii_case(x))
            });
        // "Reported on 28 April, ..." opens the sentence: the date is the event's
        verb > 0 && !as_reported && s.toks.get(db).is_none_or(|t| doc.word(t) != "'s")
    };
    nearest_date_where(doc, s, a, b, at, max, |da, db| !told(da, db))
}

/// The latest day-precision date of earlier sentences of the same paragraph.
///
/// Each sentence's answer is kept ([`Doc::para_dates`]), and a walk back stops at the first
/// sentence whose answer is known, so however many events ask, every sentence is read once:
/// linear in the sentences of a paragraph, not quadratic.
pub(crate) fn paragraph_date(doc: &Doc, si: usize) -> Option<DateRef> {
    let own = |p| own_day_date(doc, p);
    let mut memo = doc.para_dates.borrow_mut();
    if memo.len() != doc.sents.len() {
        *memo = vec![None; doc.sents.len()];
    }
    // walk back to a sentence that gives a date, a known answer, or the paragraph's start;
    // the answers kept are sentence indices, so the date is copied once, at the end
    let paragraph = doc.sents.get(si)?.paragraph;
    let mut k = si;
    let found = loop {
        if k == 0 {
            break None;
        }
        let p = doc.sents.get(k - 1)?;
        if p.paragraph != paragraph {
            break None;
        }
        if let Some(known) = memo.get(k).copied().flatten() {
            break known;
        }
        if own(p).is_some() {
            break Some(k - 1);
        }
        work::add(1);
        k -= 1;
    };
    // (one fill of the slice: a loop over the `Option` of it tested it at every slot)
    if let Some(walked) = memo.get_mut(k..=si) {
        walked.fill(Some(found));
    }
    found.and_then(|j| doc.sents.get(j)).and_then(own).cloned()
}

/// The last day-precision date sentence `p` itself gives ([`paragraph_date`]), read once.
fn own_day_date<'s>(doc: &Doc, p: &'s Sent) -> Option<&'s DateRef> {
    let is_day = |d: &DateRef| d.precision == crate::model::Precision::Day && d.date.is_some();
    if p.event_words {
        doc.dates(p)
            .iter()
            .rev()
            .map(|(d, _, _)| d)
            .find(|d| is_day(d))
    } else {
        p.day_date
            .get_or_init(|| {
                // the last day date, read without a vector of all (none where no token can
                // start a date)
                let mut last = None;
                if !doc.may_have_date(p) {
                    return None;
                }
                doc.for_each_date(p, |d| {
                    if is_day(&d) {
                        last = Some(d);
                    }
                });
                last.map(Box::new)
            })
            .as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`tokenize`] with the built-in gazetteer's name starts, as the extractor calls it.
    fn tokens(text: &str, span: Span, toks: &mut Vec<Tok>, cuts: &mut Vec<usize>) -> u8 {
        let [marks, _] = both_marks(text, span, toks, cuts).to_le_bytes();
        marks
    }

    /// [`tokenize`]'s both bytes of marks ([`lexicon::Class::both_marks`]).
    fn both_marks(text: &str, span: Span, toks: &mut Vec<Tok>, cuts: &mut Vec<usize>) -> u16 {
        tokenize(text, span, Gazetteer::builtin().name_starts(), toks, cuts)
    }

    /// A vector relabelled keeps its allocation, and a document's sentence records are
    /// kept in theirs when it is dropped: the thread's next text does not make them anew.
    #[test]
    fn the_sentences_vector_is_kept_between_texts() {
        let v: Vec<Sent<'static>> = Vec::with_capacity(40);
        let at = v.as_ptr() as usize;
        let w: Vec<Sent<'_>> = relabel(v);
        assert_eq!((w.capacity(), w.as_ptr() as usize), (40, at));
        drop(w);
        let text = "Troops attacked a village. Two were killed. Police arrested ten men.";
        let room = testing::with_doc(text, None, |doc| doc.sents.capacity());
        let kept = crate::kept::take(&SENTS);
        assert!(room >= 3, "{room}");
        assert_eq!(kept.capacity(), room, "kept with its room");
    }

    /// Each placed mention's kinds are those of the entries it names, and the tests of a
    /// kind answer as the entries would (demonyms, provinces, towns, a source, a seat of
    /// government, a group); a mention of no place is no place, of no actor no actor.
    #[test]
    fn a_mention_carries_the_kinds_of_its_entries() {
        let text = "Russian jets struck Idlib and Aleppo on Tuesday, SANA reported. \
                    The Kremlin said Hezbollah fighters were in Homs.";
        testing::with_doc(text, None, |doc| {
            // mentions of no place, of no actor
            let mut seen = [0, 0];
            for s in &doc.sents {
                for m in s.ments {
                    let kinds: Vec<EntryKind> =
                        doc.gaz.entries_of(&m.m).map(|(_, e)| e.kind()).collect();
                    assert!(!kinds.is_empty());
                    assert_eq!(m.kinds, kind_bits(&kinds));
                    for k in EntryKind::ALL {
                        assert_eq!(doc.has_kind(m, &[k]), kinds.contains(&k), "{k:?}");
                    }
                    assert_eq!(doc.is_place(m), kinds.iter().any(|k| k.is_place()));
                    let source = [EntryKind::Source, EntryKind::Official];
                    let is_source = kinds.iter().any(|k| source.contains(k));
                    assert_eq!(doc.as_source(m).is_some(), is_source);
                    // a mention of no place is none, of no actor's kind no actor
                    if !kinds.iter().any(|k| k.is_place()) {
                        assert!(doc.place_ref(s, m).is_none());
                        seen[0] += 1;
                    }
                    if !kinds.iter().any(|&k| actor_rank(k) < 9) {
                        assert!(doc.as_actor(m).is_none());
                        seen[1] += 1;
                    }
                }
            }
            assert!(seen[0] >= 2 && seen[1] >= 2, "{seen:?}");
        });
        // the bits of the place kinds are those `is_place` tells
        for k in EntryKind::ALL {
            assert_eq!(EntryKind::PLACE_BITS & k.bit() != 0, k.is_place(), "{k:?}");
            assert_eq!(ACTOR_BITS & k.bit() != 0, actor_rank(k) < 9, "{k:?}");
        }
    }

    /// The mentions are placed in the sentences as a walk over the sentences placed them:
    /// each sentence takes those that start at or after its start and end by its end (a
    /// mention between two sentences, or across an end, is in none), with their token
    /// ranges and the marks of their tokens; a sentence with none has none, and the
    /// countries weighed from all of them are those weighed sentence by sentence.
    #[test]
    fn mentions_are_placed_as_a_walk_over_the_sentences_placed_them() {
        let text = "Russian jets struck Idlib and Aleppo on Tuesday, SANA reported.  \
                    Nothing was said.\n\nThe Kremlin said Hezbollah fighters were in Homs. \
                    Rain fell. Turkey shelled Afrin and Manbij near Aleppo.";
        let gaz = Gazetteer::builtin();
        let seg = crate::text::segment(text, crate::text::Part::WHOLE);
        let mut mentions = gaz.find(text);
        assert!(mentions.len() >= 8, "{}", mentions.len());
        // a mention moved to the gap between two sentences, and one moved across an end
        let gap = text.find(".  N").map_or(0, |k| k + 1);
        let end = text.find("Homs.").map_or(0, |k| k + 3);
        let mut moved = mentions[0];
        moved.span = Span::new(gap, gap + 2);
        let mut across = mentions[1];
        across.span = Span::new(end, end + 4);
        mentions.extend([moved, across]);
        mentions.sort_by_key(|m| m.span.start);
        let starts = gaz.name_starts();
        let mut walked = Prepared::tokenized(text, &seg.sentences, starts);
        walked.place_mentions(gaz, &mentions);
        // the walk over the sentences
        let mut want = Prepared::tokenized(text, &seg.sentences, starts);
        let mut mi = 0;
        for p in &mut want.parts {
            let m0 = want.ments.len();
            let toks = want.toks.get_mut(p.toks.clone()).unwrap_or_default();
            while mentions
                .get(mi)
                .is_some_and(|m| m.span.start < p.span.start)
            {
                mi += 1;
            }
            let rest = mentions.get(mi..).unwrap_or(&[]);
            mi += sentence_mentions(gaz, rest, p.span, toks, &mut want.ments);
            p.ments = m0..want.ments.len();
        }
        let (got, want) = (walked.sents(text.len()), want.sents(text.len()));
        assert_eq!(got.len(), want.len());
        let mut empty = 0;
        for (g, w) in got.iter().zip(&want) {
            let key = |m: &Ment| (m.m.span, m.a, m.b, m.kinds);
            assert_eq!(
                g.ments.iter().map(key).collect::<Vec<_>>(),
                w.ments.iter().map(key).collect::<Vec<_>>()
            );
            let marks = |s: &Sent| s.toks.iter().map(|t| t.ment).collect::<Vec<_>>();
            assert_eq!(marks(g), marks(w));
            empty += usize::from(g.ments.is_empty());
            // neither the moved mention nor the one across an end is placed
            assert!(g
                .ments
                .iter()
                .all(|m| m.m.span != moved.span && m.m.span != across.span));
        }
        assert!(empty >= 2, "{empty}");
        // the countries, weighed from the mentions of all the sentences
        let doc = Doc::new(gaz, text, &walked, None);
        let mut by_sentence: Vec<(&str, u32)> = Vec::new();
        for s in &doc.sents {
            for m in s.ments {
                if let Some((c, n)) = doc.mention_weight(m) {
                    match by_sentence.iter_mut().find(|(x, _)| *x == c) {
                        Some((_, k)) => *k += n,
                        None => by_sentence.push((c, n)),
                    }
                }
            }
        }
        assert!(!by_sentence.is_empty());
        assert_eq!(doc.countries, by_sentence);
    }

    /// The country weights' vector the thread keeps ([`COUNTRIES`]) comes back empty: a
    /// document weighed after others has the weights it has weighed first on a new thread.
    #[test]
    fn kept_country_weights_start_empty() {
        let texts = [
            "Russian forces shelled Kharkiv and Donetsk in Ukraine on Monday.",
            "An airstrike hit Idlib in Syria. Aleppo was shelled too.",
            "Protesters gathered in Nairobi, Kenya.",
        ];
        let weights = |text: &str| {
            testing::with_doc(text, None, |doc| {
                let countries: Vec<(String, u32)> = doc
                    .countries
                    .iter()
                    .map(|(c, n)| (c.to_string(), *n))
                    .collect();
                (countries, doc.main_country.map(str::to_string))
            })
        };
        let fresh: Vec<_> = texts
            .iter()
            .map(|t| std::thread::scope(|sc| sc.spawn(|| weights(t)).join().ok()))
            .collect();
        for (t, want) in texts.iter().zip(&fresh) {
            let got = weights(t);
            assert!(!got.0.is_empty(), "{t}");
            assert_eq!(Some(got), *want, "{t}");
        }
    }

    /// The nearest date's search (in the clause, within `max` tokens, among the dates `keep`
    /// takes, the first of the nearest) finds what filtering the sentence's dates and taking
    /// the first of the least distance finds, for every clause, token and distance of a
    /// sentence with several dates, and with a `keep` that drops some.
    #[test]
    fn nearest_date_is_the_first_of_the_nearest_kept() {
        let text = "On Monday jets struck Aleppo, and on 3 March 2016 they struck Idlib \
                    again on Tuesday morning, officials said on Wednesday.";
        let gaz = Gazetteer::builtin();
        let seg = crate::text::segment(text, crate::text::Part::WHOLE);
        let mut mentions = Vec::new();
        let prepared = Prepared::new(gaz, text, &seg.sentences, &mut mentions);
        let doc = Doc::new(gaz, text, &prepared, NaiveDate::from_ymd_opt(2016, 3, 10));
        let s = &doc.sents[0];
        let all = doc.dates(s).to_vec();
        assert!(all.len() >= 4, "{all:?}");
        let n = s.toks.len();
        let keeps: [&dyn Fn(usize, usize) -> bool; 3] =
            [&|_, _| true, &|da, _| da % 2 == 0, &|_, db| db + 3 < n];
        let mut found = 0;
        for keep in keeps {
            for a in 0..=n {
                for b in a..=n {
                    for at in 0..n {
                        for max in [None, Some(0), Some(1), Some(4), Some(9)] {
                            let want = all
                                .iter()
                                .filter(|(_, da, db)| *da >= a && *db <= b && keep(*da, *db))
                                .map(|(d, da, db)| {
                                    let dist = if *db <= at {
                                        at - db
                                    } else {
                                        da.saturating_sub(at)
                                    };
                                    (dist, d)
                                })
                                .filter(|(dist, _)| max.is_none_or(|m| *dist <= m))
                                .min_by_key(|(dist, _)| *dist)
                                .map(|(_, d)| d.clone());
                            let got = nearest_date_where(&doc, s, a, b, at, max, keep);
                            assert_eq!(got, want, "[{a}, {b}) at {at} within {max:?}");
                            found += usize::from(got.is_some());
                        }
                    }
                }
            }
        }
        assert!(found > 10_000, "{found}");
    }

    /// A vector cleared with room has no items and at least the room asked, whatever it had.
    #[test]
    fn clear_with_room_empties_and_makes_room() {
        for (had, room) in [(0, 0), (0, 5), (3, 2), (3, 9), (40, 9)] {
            let mut v: Vec<u32> = (0..had).collect();
            clear_with_room(&mut v, room);
            assert!(v.is_empty());
            assert!(v.capacity() >= room.max(had as usize));
        }
    }

    /// A [`Few`] holds what is pushed in order, as a vector would, however many; one taken
    /// from a vector leaves it empty.
    #[test]
    fn few_holds_what_a_vector_holds() {
        for n in 0..7 {
            let mut few = Few::NONE;
            let mut v = Vec::new();
            for i in 0..n {
                few.push(i);
                v.push(i);
            }
            assert_eq!(few.as_slice(), v.as_slice());
            assert_eq!(matches!(few, Few::One(_)), n == 1);
            let taken = Few::take_from(&mut v);
            assert!(v.is_empty());
            assert_eq!(taken.as_slice(), few.as_slice());
            assert_eq!(matches!(taken, Few::One(_)), n == 1);
        }
    }

    /// Words that take each of the tokenizer's paths (short and long, joined, cut,
    /// capitalised, a figure with a comma, an apostrophe, UTF-8), for the tests that compare
    /// the paths.
    const TOKEN_TEST_WORDS: [&str; 8] = [
        "government",
        "al-Bab",
        "U.S",
        "1,200",
        "governorate",
        "Idlib",
        "killed",
        "Sam's",
    ];

    /// The high byte [`tokenize`] returns is the OR of the second marks
    /// ([`lexicon::Class::seek`]) of its words, as the lexicon classifies each word alone,
    /// and its low byte the OR of the tokens' marks, whichever path pushes the words: short
    /// and long, joined, cut, capitalised and UTF-8 words among punctuation.
    #[test]
    fn the_second_marks_are_those_of_the_words() {
        let marked = [
            "between",
            "Between",
            "BETWEEN",
            "betweenness",
            "from",
            "From",
            "base",
            "airbase",
            "fighters",
            "militants",
            "Soldiers",
            "civilians",
            "Ḥamā",
            "between-",
            "frombase",
        ];
        let words: Vec<&str> = marked
            .iter()
            .chain(TOKEN_TEST_WORDS.iter())
            .copied()
            .collect();
        let marks = [", ", ". ", " ", " ", " ", ",", "-", "", "(", "\" "];
        let mut next = crate::text::xorshift(31);
        let (mut seen, mut none) = (0u8, 0);
        for _ in 0..3_000 {
            let text = super::testing::random_words(&words, &marks, &mut next);
            let span = Span::new(0, text.len());
            let (mut toks, mut cuts) = (Vec::new(), Vec::new());
            let [low, high] = both_marks(&text, span, &mut toks, &mut cuts).to_le_bytes();
            let class = |t: &Tok| {
                let w = t.span.get(&text).unwrap_or_default().as_bytes();
                lexicon::table().classify(w, 0, w.len(), lexicon::key_more(0, w))
            };
            let words = toks.iter().filter(|t| t.punct == 0);
            let want = words.clone().fold(0, |m, t| m | class(t).seek);
            assert_eq!(high, want, "{text:?}");
            assert_eq!(low, toks.iter().fold(0, |m, t| m | t.marks), "{text:?}");
            assert!(words.clone().all(|t| class(t).marks == t.marks), "{text:?}");
            seen |= high;
            none += usize::from(high == 0);
        }
        // every bit is met, and sentences with none
        let all = lexicon::SEEK_BETWEEN | lexicon::SEEK_COMBATANT | lexicon::SEEK_BASE_OR_FROM;
        assert_eq!(seen, all);
        assert!(none > 0);
    }

    /// A token's class number is its word's class's, punctuation's [`lexicon::C::Other`].
    #[test]
    fn tokens_carry_their_class_number() {
        let text = "The army said 12 fighters were killed, in Idlib.";
        super::testing::each_sentence(text, None, |_, s| {
            let victim = |t: &Tok| t.c() == lexicon::C::Victim && t.is_in(lexicon::VICTIMS);
            assert!(s.toks.iter().any(victim));
            assert!(s
                .toks
                .iter()
                .any(|t| t.punct == b',' && t.c() == lexicon::C::Other));
            assert!(s.toks.iter().any(|t| t.is_in(lexicon::ARTICLES)));
            let article = |t: &Tok| matches!(t.w, W::Definite | W::Indefinite);
            assert!(s
                .toks
                .iter()
                .all(|t| t.is_in(lexicon::ARTICLES) == article(t)));
        });
    }

    /// The run of letters and digits read eight bytes at a time is the run read a byte at a
    /// time, with the same key, in every mix of letters, digits, punctuation and UTF-8.
    #[test]
    fn alnum_run_matches_a_byte_loop() {
        let alphabet = b"aZq09Mz@[`{/:-. '\xc3\xa9\x80\xff";
        let mut next = crate::text::xorshift(7);
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let start = (next() % (len as u64 + 1)) as usize;
            let seed = next();
            let mut end = start;
            let mut key = seed;
            while let Some(&b) = bytes.get(end) {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                key = key_step(key, b.to_ascii_lowercase());
                end += 1;
            }
            assert_eq!(
                alnum_run(&bytes, start, seed),
                (end, key),
                "{bytes:?} at {start}"
            );
        }
    }

    /// The clauses cut from a sentence's tokens ([`clause_ranges`]) are those of the byte
    /// scan the rules were written as ([`text::for_each_clause`]), mapped to tokens by
    /// [`tok_range`], on random texts of the words and punctuation the rules read and of
    /// those that look like them.
    #[test]
    fn clause_ranges_agree_with_the_byte_scan() {
        // pieces apart by '|': the words and punctuation the rules read, and look-alikes
        let pieces: Vec<&str> = concat!(
            "but|But|butcher|but's|which|which-way|who|who's|who'd|who\u{e9}|while|whereas|",
            "although|though|whose|Idlib|Al|ez-Zor|46|3|7|\u{c9}tat|\u{e9}|U.S.|1,200|a|",
            " | | | |  |,|,|;|-|-|--|---|\u{2013}|\u{2014}|\u{2019}|\u{201c}|\u{a0}|\t|",
            ".|'s|'|(|?|!"
        )
        .split('|')
        .collect();
        let mut next = crate::text::xorshift(17);
        let (mut cut, mut toks, mut cuts) = (0, Vec::new(), Vec::new());
        for round in 0..40_000 {
            let n = 1 + (next() % 30) as usize;
            // most pieces apart by a space, as words are
            let mut text = String::new();
            for _ in 0..n {
                text.push_str(pieces[(next() % pieces.len() as u64) as usize]);
                if next() % 4 != 0 {
                    text.push(' ');
                }
            }
            // the whole text, or a part of it on char boundaries
            let mut span = Span::new(0, text.len());
            if round % 2 == 1 {
                let a = (next() % (text.len() as u64 + 1)) as usize;
                let b = a + (next() % (text.len() - a + 1) as u64) as usize;
                span = Span::new(a, b);
            }
            if span.get(&text).is_none() {
                continue;
            }
            toks.clear();
            tokens(&text, span, &mut toks, &mut cuts);
            let mut want = Vec::new();
            text::for_each_clause(&text, span, |c| {
                let (a, b) = tok_range(&toks, c);
                if a < b {
                    want.push((a, b));
                }
            });
            // the lengths told by a token's key hold those told by its first byte
            for t in &toks {
                let by_byte = CUT_LENGTHS[usize::from(text.as_bytes()[t.span.start])];
                let by_key = CUT_KEY_LENGTHS[usize::from(cut_key(t))];
                assert_eq!(by_byte & !by_key, 0, "{text:?} {t:?}");
            }
            let mut got = Vec::new();
            clause_ranges(&text, span, &toks, &mut got);
            assert_eq!(got, want, "{text:?} {span:?}");
            cut += got.len().saturating_sub(1);
        }
        assert!(cut > 25_000, "{cut} cuts");
    }

    /// A word that [`ends_word`] tells ends after the letters and digits of its first eight
    /// bytes is one that [`word_end`] ends there, with no cut, in every mix of letters,
    /// digits, joiners, punctuation and UTF-8.
    /// [`ends_word`]'s table tells every word end its tests told: a word of fewer than eight
    /// letters and digits before an ASCII byte that joins nothing, or before a joiner and
    /// then an ASCII byte that is no letter or digit; no other.
    #[test]
    fn cut_lengths_are_the_tests_they_replace() {
        // a `;`, `,` or `-` of one byte, "but" or a dash of three (first byte 0xe2)
        for b in 0..=255u8 {
            for len in 0..40usize {
                let told = (CUT_LENGTHS[usize::from(b)] >> len.min(15)) & 1 != 0;
                let tested = len == 1 && matches!(b, b';' | b',' | b'-')
                    || len == 3 && matches!(b, b'b' | 0xe2);
                assert_eq!(told, tested, "{b} {len}");
            }
        }
    }

    #[test]
    fn ends_word_tells_the_ends_its_tests_told() {
        let told = |chunk: u64, n: usize| {
            let next = (chunk >> (8 * n)) as u8;
            if !next.is_ascii() {
                return false;
            }
            if !matches!(next, b'-' | b'.' | b',' | b'\'') {
                return true;
            }
            let after = chunk.checked_shr(8 * (n as u32 + 1)).unwrap_or(0x61) as u8;
            n < 7 && after.is_ascii() && !after.is_ascii_alphanumeric()
        };
        for n in 1..8 {
            for next in 0..=255u8 {
                for after in [b' ', b'a', b'7', b'-', b'"', 0xe2] {
                    if next.is_ascii_alphanumeric() {
                        continue;
                    }
                    let word = u64::from_le_bytes(*b"abcdefgh") & !(u64::MAX << (8 * n));
                    let chunk = word | u64::from(next) << (8 * n);
                    let chunk = chunk
                        | u64::from(after)
                            .checked_shl(8 * (n as u32 + 1))
                            .unwrap_or(0);
                    assert_eq!(
                        ends_word(chunk, n),
                        n > 0 && told(chunk, n),
                        "{n} {next} {after}"
                    );
                }
            }
        }
        // eight letters and digits: the word goes on past them
        assert!(!ends_word(u64::from_le_bytes(*b"abcdefgh"), 8));
    }

    /// The table of place ranks holds the order [`Doc::place_ref`] gives the kinds.
    #[test]
    fn place_ranks() {
        use EntryKind as E;
        let rank = |k: E| PLACE_RANK.get(k as usize).copied();
        assert_eq!(rank(E::City), Some(1));
        assert_eq!(rank(E::AirBase), Some(2));
        assert_eq!(rank(E::District), Some(3));
        assert_eq!(rank(E::Province), Some(4));
        assert_eq!(rank(E::Country), Some(5));
        for k in [
            E::Demonym,
            E::Metonym,
            E::ArmedGroup,
            E::Military,
            E::Official,
            E::Source,
        ] {
            assert_eq!(rank(k), Some(9));
        }
    }

    /// A sentence's last words, read from a chunk zero past its end ([`padded_chunk_at`]),
    /// are the tokens and cuts they are when a space and a word follow them (read from eight
    /// bytes of the text), in every mix of letters, digits, punctuation, spaces, zero
    /// bytes and UTF-8; and the chunk is the bytes left, zero past the end.
    #[test]
    fn last_words_are_the_tokens_they_are_before_a_space() {
        let alphabet = "aZs09  -.,'\"(\u{0}\u{e9}\u{2019}\u{a0}";
        let chars: Vec<char> = alphabet.chars().collect();
        let mut next = crate::text::xorshift(29);
        for _ in 0..20_000 {
            let len = (next() % 20) as usize;
            let text: String = (0..len)
                .map(|_| chars[(next() % chars.len() as u64) as usize])
                .collect();
            let longer = format!("{text} xxxxxxxx");
            let (mut toks, mut cuts) = (Vec::with_capacity(64), Vec::new());
            let marks = tokens(&text, Span::new(0, text.len()), &mut toks, &mut cuts);
            let (mut want, mut want_cuts) = (Vec::with_capacity(64), Vec::new());
            tokens(
                &longer,
                Span::new(0, longer.len()),
                &mut want,
                &mut want_cuts,
            );
            // the word after the space, and the marks of the tokens before it
            want.pop();
            let want_marks = want.iter().fold(0, |m, t| m | t.marks);
            // (not whether a name may start at a token: a word that joins on is told so by its
            // count of bytes, a word of a sentence of fewer than eight bytes by its bytes, and
            // either may say yes where the other says no; the name walk tests hold both)
            let key = |t: &Tok| (t.span, t.w, t.k, (t.cap, t.punct, t.marks, t.lead));
            let same = toks.iter().map(key).eq(want.iter().map(key));
            assert!(same, "{text:?}: {toks:?} against {want:?}");
            assert_eq!(cuts, want_cuts, "{text:?}");
            assert_eq!(marks, want_marks, "{text:?}");
            let bytes = text.as_bytes();
            for i in 0..=bytes.len() + 1 {
                let mut eight = [0u8; 8];
                for (k, b) in eight.iter_mut().enumerate() {
                    *b = bytes.get(i + k).copied().unwrap_or(0);
                }
                let want = (i < bytes.len() && bytes.len() >= 8).then(|| u64::from_le_bytes(eight));
                assert_eq!(padded_chunk_at(bytes, i), want, "{text:?} at {i}");
                // and as the inner loop reads it, with one test against the last offset
                let last = bytes.len().checked_sub(8);
                assert_eq!(chunk_below(bytes, i, last), want, "{text:?} at {i}");
            }
        }
    }

    /// A word and its space are pushed by the tokenizer's inner loop only while its vector
    /// has room, by its other path after that: with a vector of every size, so that each
    /// token is pushed by the other path in some run, the tokens and cuts are the same.
    #[test]
    fn tokens_are_the_same_whichever_path_pushes_them() {
        let alphabet = "aZs09  -.,'\"(\u{e9}\u{2019}\u{a0}";
        let chars: Vec<char> = alphabet.chars().collect();
        let mut next = crate::text::xorshift(23);
        let key = |t: &Tok| {
            (
                t.span,
                t.w,
                t.k,
                (t.cap, t.punct, t.marks, t.may_name, t.lead),
            )
        };
        let mut pushed = 0;
        for _ in 0..3_000 {
            let len = (next() % 40) as usize;
            let text: String = (0..len)
                .map(|_| chars[(next() % chars.len() as u64) as usize])
                .chain(" killed 12 in Idlib, said Sam's men ".chars())
                .collect();
            let span = Span::new(0, text.len());
            let (mut want, mut want_cuts) = (Vec::with_capacity(text.len()), Vec::new());
            tokens(&text, span, &mut want, &mut want_cuts);
            for room in 0..=want.len() {
                let (mut toks, mut cuts) = (Vec::with_capacity(room), Vec::new());
                tokens(&text, span, &mut toks, &mut cuts);
                let same = toks.iter().map(key).eq(want.iter().map(key));
                assert!(same, "{text:?} with room for {room}");
                assert_eq!(cuts, want_cuts, "{text:?}");
                pushed += 1;
            }
        }
        assert!(pushed > 30_000, "{pushed} runs");
    }

    /// The tokenizer's paths push the tokens that [`other_token`] alone pushes, one at a
    /// time from each token's start (the first it pushes there): among them a word of eight
    /// bytes or more, a joined word, a word in a sentence's last bytes, and the punctuation
    /// after it, pushed with it ([`punct_after`]: "government, ", "al-Bab. ", "Idlib."). Whether
    /// a name may start at a word is left aside: the paths ask [`NameStarts`] in ways that
    /// may say yes to more words, never to fewer.
    #[test]
    fn tokens_are_those_other_token_pushes_one_at_a_time() {
        let words = TOKEN_TEST_WORDS;
        let marks = [
            ", ", ". ", "; ", ") ", "\" ", " ", ",", "-", "'", "", "(", " \u{a0}",
        ];
        let starts = Gazetteer::builtin().name_starts();
        let key = |t: &Tok| (t.span, t.w, t.k, (t.cap, t.punct, t.marks, t.lead));
        let mut next = crate::text::xorshift(29);
        let mut compared = 0;
        for _ in 0..3_000 {
            let text = super::testing::random_words(&words, &marks, &mut next);
            let span = Span::new(0, text.len());
            let (mut toks, mut cuts) = (Vec::with_capacity(text.len()), Vec::new());
            tokens(&text, span, &mut toks, &mut cuts);
            let (mut want, mut want_cuts) = (Vec::new(), Vec::new());
            let mut i = 0;
            while let Some(&b) = text.as_bytes().get(i) {
                if b == b' ' {
                    i += 1;
                    continue;
                }
                let mut one = Vec::new();
                let Some((end, _)) = other_token(starts, &text, 0, i, b, &mut one, &mut want_cuts)
                else {
                    break;
                };
                // (a space of another kind pushes none)
                i = one.first().map_or(end, |t| t.span.end);
                want.extend(one.first());
            }
            assert!(toks.iter().map(key).eq(want.iter().map(key)), "{text:?}");
            assert_eq!(cuts, want_cuts, "{text:?}");
            compared += want.len();
        }
        assert!(compared > 20_000, "{compared} tokens");
    }

    /// A sentence without keywords or cuts may have a date only at a word token of four
    /// characters that starts with a digit ([`may_have_year`]): "12 people" has none, "in
    /// 2016" may.
    #[test]
    fn only_a_figure_of_four_may_be_a_year() {
        for (text, year) in [
            ("killed 12 people, 345 of them", false),
            ("in 2016", true),
            ("at 10am", true),
            ("no figure here", false),
            ("a 12345 figure", false),
            ("word four", false),
            ("some (9876) \u{e9}t\u{e9} 123", true),
            ("some \u{661}\u{662} 1\u{e9}", false),
        ] {
            let span = Span::new(0, text.len());
            let (mut toks, mut cuts) = (Vec::new(), Vec::new());
            let marks = tokens(text, span, &mut toks, &mut cuts);
            assert!(
                marks & lexicon::MARK_DATE == 0 && cuts.is_empty(),
                "{text:?}"
            );
            assert_eq!(may_have_year(&toks), year, "{text:?}");
            if !year {
                assert!(dates::dates(text, span, None).is_empty(), "{text:?}");
            }
        }
    }

    /// A token fits in 32 bytes: [`Tok::lead`] took a byte of its padding.
    #[test]
    fn a_token_is_32_bytes() {
        assert_eq!(std::mem::size_of::<Tok>(), 32);
    }

    /// [`Tok::lead`] is what the date reader read from the text, on random texts of letters,
    /// digits, joiners, punctuation and UTF-8, with and without the room the tokenizer's
    /// inner loop needs: a word's first byte, less [`LEAD_PLAIN`] if a cut lies inside it,
    /// [`NO_LEAD`] for punctuation; so [`Tok::may_start_date`] holds exactly at a word that
    /// starts with an ASCII digit, has a cut or is marked a date keyword, where the reader's
    /// scan stopped ([`dates::for_each_date_of_tokens`]).
    #[test]
    fn token_leads_are_the_first_bytes_and_cuts() {
        let alphabet = "aZs09MnT  -.,'\"(:%\u{0}\u{e9}\u{2019}\u{a0}\u{661}";
        let chars: Vec<char> = alphabet.chars().collect();
        let mut next = crate::text::xorshift(31);
        let (mut digits, mut cut, mut dated) = (0, 0, 0);
        for _ in 0..4_000 {
            let len = (next() % 48) as usize;
            let text: String = (0..len)
                .map(|_| chars[(next() % chars.len() as u64) as usize])
                .chain(" on Monday 3,200 U.S. troops 1,a Hay'at 2016 ".chars())
                .collect();
            let span = Span::new(0, text.len());
            for room in [0, text.len()] {
                let (mut toks, mut cuts) = (Vec::with_capacity(room), Vec::new());
                tokens(&text, span, &mut toks, &mut cuts);
                for t in &toks {
                    let first = text.as_bytes()[t.span.start];
                    let has_cut = cuts.iter().any(|&k| t.span.start < k && k < t.span.end);
                    if t.punct != 0 || first == 0 {
                        assert_eq!(t.lead, NO_LEAD, "{text:?} {t:?}");
                        assert!(!t.may_start_date(), "{text:?} {t:?}");
                        continue;
                    }
                    let want = if has_cut { first & !LEAD_PLAIN } else { first };
                    assert_eq!(t.lead, want, "{text:?} {t:?}");
                    let keyword = t.marks & lexicon::MARK_DATE != 0;
                    let told = first.is_ascii_digit() || has_cut || keyword;
                    assert_eq!(t.may_start_date(), told, "{text:?} {t:?}");
                    digits += usize::from(first.is_ascii_digit());
                    cut += usize::from(has_cut);
                    dated += usize::from(keyword);
                }
            }
        }
        assert!(
            digits > 5_000 && cut > 5_000 && dated > 5_000,
            "{digits} {cut} {dated}"
        );
    }

    /// [`LONE_PUNCT`] holds the bytes that [`other_token`] makes a token of one byte, but
    /// the zero byte ([`padded_chunk_at`]'s past the end).
    #[test]
    fn lone_punct_is_the_punctuation_other_token_tells() {
        for b in 0..=255u8 {
            let c = char::from(b);
            let lone =
                b.is_ascii() && b != 0 && !c.is_alphanumeric() && !c.is_whitespace() && c != '\'';
            assert_eq!(LONE_PUNCT[usize::from(b)], lone, "{b}");
        }
    }

    /// [`alnum_prefix`] counts the ASCII letters and digits a byte at a time would, and packs
    /// them lowercased, whatever bytes follow them (bytes of other scripts and control bytes,
    /// whose sums carry past their byte, among them).
    #[test]
    fn alnum_prefix_agrees_with_a_byte_at_a_time() {
        let bytes = [
            b'0', b'9', b'a', b'z', b'A', b'Z', b' ', b'/', b':', b'@', b'[', b'`',
        ];
        let bytes = [
            &bytes[..],
            &[b'{', 0x10, 0x19, 0x7f, 0x80, 0xb0, 0xc3, 0xe0, 0xff, 0],
        ]
        .concat();
        let mut next = crate::text::xorshift(29);
        for _ in 0..200_000 {
            let chunk: [u8; 8] = std::array::from_fn(|_| {
                let r = next();
                if r % 4 == 0 {
                    (r >> 16) as u8
                } else {
                    bytes[(r >> 8) as usize % bytes.len()]
                }
            });
            let n = chunk
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            let packed = chunk[..n]
                .iter()
                .fold(0u64, |k, b| k << 8 | u64::from(b.to_ascii_lowercase()));
            let got = alnum_prefix(u64::from_le_bytes(chunk));
            assert_eq!(got, (n, packed), "{chunk:x?}");
            // the inner loop's unmasked run, and its test of the byte after it
            let c = u64::from_le_bytes(chunk);
            let (any_n, any_packed) = alnum_prefix_any(c);
            assert_eq!(any_n, n, "{chunk:x?}");
            assert!(n == 0 || any_packed == packed, "{chunk:x?}");
            let space = n > 0 && chunk.get(n) == Some(&b' ');
            assert_eq!(space_after_run(c, n), space, "{chunk:x?}");
        }
    }

    #[test]
    fn ends_word_agrees_with_word_end() {
        let alphabet = "aZs09 -.,'\"(\u{e9}\u{2019}";
        let chars: Vec<char> = alphabet.chars().collect();
        let mut next = crate::text::xorshift(11);
        let mut told = 0;
        for _ in 0..50_000 {
            let len = 8 + (next() % 6) as usize;
            let s: String = (0..len)
                .map(|_| chars[(next() % chars.len() as u64) as usize])
                .collect();
            let Some(chunk) = s.as_bytes().first_chunk::<8>() else {
                continue;
            };
            let chunk = u64::from_le_bytes(*chunk);
            let (n, packed) = alnum_prefix(chunk);
            if n == 0 || !ends_word(chunk, n) {
                continue;
            }
            told += 1;
            let c = char::from(s.as_bytes()[0]);
            let mut cuts = Vec::new();
            assert_eq!(
                word_end(&s, c, 0, 0, |k| cuts.push(k)),
                (n, packed),
                "{s:?}"
            );
            assert!(cuts.is_empty(), "{s:?}");
        }
        assert!(told > 1_000, "{told} words told");
    }

    /// The dates read from the tokens of `t` (alone, and inside a longer text) are the
    /// dates the scanner reads from its text, with and without a publication date; the
    /// windows read have the scanner's words; a sentence whose marks say it has no date
    /// (`Sent::date_words`) has none.
    fn same_dates(t: &str) {
        for (text, span) in [
            (t.to_string(), Span::new(0, t.len())),
            (format!("Xy. {t} 9"), Span::new(4, 4 + t.len())),
            (format!("3 May {t} Monday"), Span::new(6, 6 + t.len())),
        ] {
            let (mut toks, mut cuts) = (Vec::new(), Vec::new());
            let marks = tokens(&text, span, &mut toks, &mut cuts);
            let tok = |x: &Tok| (x.span, x.punct);
            // as [`Doc::may_have_date`] tells it
            let year = may_have_year(&toks);
            let date_words = marks & lexicon::MARK_DATE != 0 || !cuts.is_empty() || year;
            let keyword = Tok::may_start_date;
            dates::check_windows(&text, span, &toks, tok, keyword, &cuts);
            for published in [None, NaiveDate::from_ymd_opt(2016, 8, 16)] {
                let scanned = dates::dates(&text, span, published);
                assert!(date_words || scanned.is_empty(), "{t:?}: a date unmarked");
                let mut got = Vec::new();
                dates::for_each_date_of_tokens(&text, &toks, tok, keyword, &cuts, published, |d| {
                    got.push(dates::with_words(d, &text))
                });
                assert_eq!(got, scanned, "{t:?}");
            }
        }
    }

    /// The figures read from the tokens of `t` (alone, and inside a longer text) are the
    /// figures the scanner reads from its text, and so are the words made of the tokens.
    fn same_numbers(t: &str) {
        for (text, span) in [
            (t.to_string(), Span::new(0, t.len())),
            (format!("x:{t}'s 9"), Span::new(2, 2 + t.len())),
        ] {
            let (mut toks, mut cuts) = (Vec::new(), Vec::new());
            tokens(&text, span, &mut toks, &mut cuts);
            let tok = |x: &Tok| (x.span, x.punct);
            numbers::check_token_words(&text, span, &toks, tok);
            let mut got = Vec::new();
            numbers::SEARCHED.with(|n| n.set(0));
            numbers::for_each_number_of_tokens(&text, span, &toks, tok, |n, a, b| {
                assert_eq!((a, b), tok_range(&toks, n.count.span), "{t:?}");
                got.push(numbers::with_words(n, &text))
            });
            // the ranges were found from the figures' words, not searched for
            assert_eq!(numbers::SEARCHED.with(|n| n.get()), 0, "{t:?}");
            assert_eq!(got, numbers::numbers(&text, span), "{t:?}");
        }
    }

    #[test]
    fn numbers_of_tokens() {
        let texts = [
            "more than 280,000 people, twelve soldiers and 30 km in 2016",
            "at 10:30 a,b 1,a a,1 1,,2 x's 'sx 's Assad's-men x.'s x-'s %'s $5 12% F-16",
            "between 3 and 7, 3-7, a dozen, A quarter of a million, half a million.",
            "U.S.-led (12) \"40\" wounded 40, local officials said; -5 5- --5 x:y:z",
            "\u{0}12 \u{0}a\u{0} dozen",
            "Über 12 Menschen – «more than 3» é 1, twenty-five-é",
            "",
            "'s",
            "-",
            "9",
        ];
        for t in texts {
            same_numbers(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn proptest_numbers_of_tokens(t in "[a1 .,':%$s\\-\u{0}\u{e9}\u{a0}]{0,24}") {
            same_numbers(&t);
        }

        #[test]
        fn proptest_numbers_of_number_words(
            t in "((a|an|A|one|Two|twenty|five|dozen|dozens|of|thousands|more|than|about|to|and|between|12|3,000|1.5|x|km|people)[ .,':%$\\-]{0,2}){0,12}"
        ) {
            same_numbers(&t);
        }

        #[test]
        fn proptest_numbers_of_any_string(t in proptest::prelude::any::<String>()) {
            same_numbers(&t);
        }
    }

    /// A word that can start a date is found wherever it stands: after cuts, dashes and
    /// "'s", at either end, next to other dates, and with the words around it joined to it.
    #[test]
    fn dates_of_tokens() {
        let texts = [
            "On Dec. 3 the U.S. said 1,200 died, Hay'at Tahrir al-Sham's men--and 'stop",
            "a--b -c d- --e-- f-g-h 'sx x's x'st x'sb x' 's 's' ''s 3-4,5.6'7",
            "Monday-\u{2013}March 3 and Tuesday\u{e9}, \u{ab}Sunday\u{bb} Tuesday\u{2019}s",
            "\u{1F600}March 3 é Monday é -\u{301}x 1,a a,1 1,,2 1.,2 .5 5. -'s- x-'s",
            "U.S.-led strikes on Dec.3, x.Monday, a,2016 and x--Monday--y killed 3",
            "since--2011, last--night, 'sMonday, x'Monday, in 'March 2016', (last Tuesday)",
            "Monday Tuesday 3 May 2016 4 June yesterday today overnight on Sunday",
            "in March in 2016 in. March in- March in 'March of 2016 mid- March LAST night",
            "killed on Monday morning and last night, this morning, Thurs. and Sept. 9",
            "killed 12 people in 2016, 10am 1234 3-4 12 5 9 at 2016x 1-2-3",
            "killed 12 people, 3 of them 45 km away 12-14 1,2",
            "",
            "-",
            "'",
            "'s",
            "--",
            "a",
            "3",
            "x\u{a0}y\u{2003}z\tw\nv",
            "on March \u{0} 3, Monday \u{0} morning, \u{0}3 May \u{0}, last \u{0}-night",
        ];
        for t in texts {
            same_dates(t);
        }
        // every keyword as written, in capitals and lowercase: the token's mark
        // (`lexicon::MARK_DATE`) lets the reader compare those that are keywords
        for w in dates::KEYWORDS {
            let w = String::from_utf8_lossy(w);
            for v in [
                w.to_string(),
                w.to_ascii_uppercase(),
                w.to_ascii_lowercase(),
            ] {
                same_dates(&format!(
                    "on {v} 3, 2016 and {v} night, {v}. 4 in {v} 2015 {v}"
                ));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn proptest_dates_of_tokens(t in "[aZ09 .,'s\\-\u{0}\u{e9}\u{2019}\u{2013}\u{301}\u{a0}]{0,24}") {
            same_dates(&t);
        }

        #[test]
        fn proptest_dates_of_date_words(
            t in "((Monday|Tue|Dec|May|March|last|night|this|morning|in|since|on|of|today|3|2016|31st|x)[ .,'s\\-]{0,2}){0,12}"
        ) {
            same_dates(&t);
        }

        #[test]
        fn proptest_dates_of_any_string(t in proptest::prelude::any::<String>()) {
            same_dates(&t);
        }
    }

    #[test]
    fn code_key_agrees_with_its_bytewise_form() {
        // every length up to seven, with bytes that differ at each place
        let bytes = [b'A', b'Z', b'-', b'0', b'9', b'a', b'~', b'\x01'];
        for len in 0..=7 {
            for seed in 0..64usize {
                let code: Vec<u8> = (0..len)
                    .map(|i| bytes[(seed * 7 + i * (seed % 5 + 1)) % bytes.len()])
                    .collect();
                let code = std::str::from_utf8(&code).unwrap();
                assert_eq!(
                    code_key(code),
                    code_key_bytewise(code.as_bytes()),
                    "{code:?}"
                );
            }
        }
    }

    /// The table of province names finds what a plain list of (code, name) finds, for
    /// every province code of the gazetteer asked before and after it is kept, with codes
    /// too long for a key, and past the table's room: the list is emptied where the table
    /// is (a full table before a code with a key, [`CODE_REST`] long codes before another),
    /// in a table of a kept one's room and of a long text's.
    #[test]
    fn code_names_find_what_a_list_finds() {
        let gaz = Gazetteer::builtin();
        let mut codes = super::testing::province_codes();
        assert!(codes.len() > 2 * CODE_SLOTS, "{}", codes.len());
        let long: Vec<String> = (0..2 * CODE_REST).map(|i| format!("LONG-{i:04}")).collect();
        codes.extend(long.iter().map(String::as_str));
        codes.extend(["", "S"]);
        // texts of one code to all of them, the codes in turn and in a stride
        for (n, step, room) in [
            (1, 1, CODE_SLOTS),
            (3, 7, CODE_SLOTS),
            (CODE_SLOTS / 2, 1, CODE_SLOTS),
            (CODE_SLOTS, 13, CODE_SLOTS),
            (codes.len(), 1, CODE_SLOTS),
            (3 * codes.len(), 5, CODE_SLOTS),
            (LONG_TEXT_CODE_SLOTS, 3, LONG_TEXT_CODE_SLOTS),
            (codes.len(), 1, LONG_TEXT_CODE_SLOTS),
        ] {
            let mut names = CodeNames::with_room(room);
            let mut list: Vec<(&str, Option<Cow<'static, str>>)> = Vec::new();
            let mut emptied = 0;
            for i in 0..n {
                let code = codes[(i * step) % codes.len()];
                let key = code_key(code);
                let want = list
                    .iter()
                    .find(|(c, _)| *c == code)
                    .map(|(_, n)| n.clone());
                assert_eq!(names.get(key, code), want, "{code}");
                if want.is_none() {
                    let is_long = key == LONG_CODE;
                    let of_kind = list
                        .iter()
                        .filter(|(c, _)| (code_key(c) == LONG_CODE) == is_long)
                        .count();
                    if (is_long && of_kind >= CODE_REST) || (!is_long && names.is_full()) {
                        list.retain(|(c, _)| (code_key(c) == LONG_CODE) != is_long);
                        emptied += 1;
                    }
                    let name = gaz.shared_name_of(code);
                    names.insert(key, code, name.clone());
                    list.push((code, name));
                }
            }
            // the longer runs go past the table's room and the long codes' list
            assert!(n < codes.len() || emptied > 1, "{n} {step}");
            for (code, name) in &list {
                assert_eq!(
                    names.get(code_key(code), code).as_ref(),
                    Some(name),
                    "{code}"
                );
            }
            for code in &codes {
                let kept = list.iter().any(|(c, _)| c == code);
                assert_eq!(names.get(code_key(code), code).is_some(), kept, "{code}");
            }
        }
    }

    /// The province names the thread keeps between texts are never one gazetteer's for
    /// another's: a user gazetteer that names Aleppo's province otherwise, used on the
    /// same thread before, between and after the built-in one, gives its own name each
    /// time, and each gazetteer's text reads the same as on a thread of its own.
    #[test]
    fn kept_province_names_are_the_gazetteers_own() {
        use crate::extractor::{Document, Extractor};
        let user = |province: &str| {
            let file = format!(
                "province\t{province}\tSY\tSY-HL\t\n\
                 city\tAleppo\tSY\t\tSY-HL\n\
                 country\tRussia\tRU\tRU\t\tRussian\n"
            );
            let gaz = Gazetteer::builder()
                .builtin(false)
                .add_tsv("mine.tsv", file)
                .build()
                .unwrap();
            Extractor::builder().gazetteer(gaz).build().unwrap()
        };
        let text = "Russian jets struck Aleppo on Monday, killing five people.";
        let province = |ex: &Extractor| {
            let events = ex.extract(&Document::new(text));
            let names: Vec<Option<String>> = events
                .iter()
                .filter_map(|e| e.as_strike())
                .flat_map(|e| e.provinces.iter())
                .map(|p| p.name.as_deref().map(str::to_string))
                .collect();
            names
        };
        let builtin = Extractor::new();
        let mine = user("Halab Province");
        let want_builtin = std::thread::scope(|s| s.spawn(|| province(&builtin)).join().unwrap());
        let want_mine = std::thread::scope(|s| s.spawn(|| province(&mine)).join().unwrap());
        assert!(
            want_builtin.contains(&Some("Aleppo".to_string())),
            "{want_builtin:?}"
        );
        assert!(
            want_mine.contains(&Some("Halab Province".to_string())),
            "{want_mine:?}"
        );
        for _ in 0..2 {
            assert_eq!(province(&builtin), want_builtin);
            assert_eq!(province(&mine), want_mine);
        }
        // a gazetteer dropped is freed, though the thread's table last held its names, and
        // another made in its place is told apart
        let id = mine.gazetteer().id();
        drop(mine);
        assert!(
            !id.alive(),
            "the thread's table keeps a dropped gazetteer alive"
        );
        let other = user("Aleppo Governorate");
        let got = province(&other);
        assert!(
            got.contains(&Some("Aleppo Governorate".to_string())),
            "{got:?}"
        );
        assert_eq!(province(&builtin), want_builtin);
    }

    /// A town's province by [`Doc::town_province`] is its province by
    /// [`Doc::province_of`], named by the gazetteer, for every province code of the
    /// gazetteer, asked twice (the second from the article's table).
    #[test]
    fn town_province_is_province_of() {
        let gaz = Gazetteer::builtin();
        let text = "Jets struck Aleppo.";
        let seg = crate::text::segment(text, crate::text::Part::WHOLE);
        let mut mentions = Vec::new();
        let prepared = Prepared::new(gaz, text, &seg.sentences, &mut mentions);
        let doc = Doc::new(gaz, text, &prepared, None);
        for round in 0..2 {
            for code in super::testing::province_codes() {
                let town = super::testing::town_of(code);
                let pr = doc.town_province(&town);
                assert_eq!(pr, doc.province_of(&town), "{code} {round}");
                let pr = pr.unwrap();
                assert_eq!(pr.name, gaz.shared_name_of(code), "{code} {round}");
                assert_eq!(pr.code.as_deref(), Some(code));
                assert_eq!(pr.kind, PlaceKind::Province);
            }
        }
    }

    #[test]
    fn code_keys_tell_codes_apart() {
        let codes = [
            "", "S", "SY", "SY-HL", "SY-ID", "SY-HL\0", "UA-14", "GB-ENG", "IQ-ANB", "ABCDEFG",
        ];
        for a in codes {
            assert_ne!(code_key(a), LONG_CODE, "{a}");
            for b in codes {
                assert_eq!(code_key(a) == code_key(b), a == b, "{a} {b}");
            }
        }
        assert_eq!(code_key("ABCDEFGH"), LONG_CODE);
        let more = [
            "ABCDEFGH",
            "ABCDEFGI",
            "BBCDEFGH",
            "ABCDEFGHI",
            "ABCDEFGHJ",
            "SYX",
            "SXY",
        ];
        for a in codes.iter().chain(&more) {
            for b in codes.iter().chain(&more) {
                assert_eq!(same_code(a, b), a == b, "{a} {b}");
            }
        }
        assert_eq!(code_key("SY-HL"), code_key(&String::from("SY-HL")));
    }

    /// [`Doc::place_ref`] tells each mention's answer from [`Doc::place_refs`] once read: its
    /// answers, first and told again, in the text's order and the reverse, are those read
    /// anew ([`Doc::read_place_ref`]), over places of the article's country and of others,
    /// with and without a place word, province words, actors and speakers; a mention of no
    /// sentence of the text (a copy) has no slot and is read anew.
    #[test]
    fn place_refs_told_again_are_those_read_anew() {
        let text = "Russian jets struck Idlib province and Hama. Shelling hit Aleppo, Idlib \
                    and Deir al Zour provinces. Moscow said Damascus was hit. Drones hit \
                    Kamianka, Donetsk, and Luhansk oblast. Clashes in Rif Dimashq \
                    governorate near Homs. Kherson and Sumy were shelled. Fighting in \
                    Mogadishu and Kismayo, Somalia. Iraq and Baghdad officials said. \
                    Tripoli residents and Hyderabad crowds gathered.";
        let anew = |doc: &Doc, s: &Sent, m: &Ment| {
            let p = if doc.is_place(m) {
                doc.read_place_ref(s, m).map(|(_, p)| p)
            } else {
                None
            };
            p.map(|p| (p.entry as *const Entry, p.kind, p.span))
        };
        for reverse in [false, true] {
            super::testing::with_doc(text, None, |doc| {
                let (mut places, mut told, mut none) = (0, 0, 0);
                for round in 0..2 {
                    let mut all: Vec<(&Sent, &Ment)> = doc
                        .sents
                        .iter()
                        .flat_map(|s| s.ments.iter().map(move |m| (s, m)))
                        .collect();
                    if reverse {
                        all.reverse();
                    }
                    for (s, m) in all {
                        let want = anew(doc, s, m);
                        let got = doc.place_ref(s, m);
                        let got = got.map(|p| (p.entry as *const Entry, p.kind, p.span));
                        assert!(got == want, "{:?} {round}", m.m.span.get(doc.text));
                        if doc.is_place(m) {
                            // read once, then kept
                            assert!(doc.place_slot(m).is_some_and(|c| c.get().is_some()));
                            places += usize::from(round == 0);
                            told += usize::from(want.is_some());
                            none += usize::from(want.is_none());
                        }
                        let copy = *m;
                        assert!(doc.place_slot(&copy).is_none());
                        let got = doc.place_ref(s, &copy);
                        let got = got.map(|p| (p.entry as *const Entry, p.kind, p.span));
                        assert!(got == want, "{:?} copy", m.m.span.get(doc.text));
                    }
                }
                assert!(places > 15, "{places} places: the text names too few");
                assert!(told > 20, "{told} answers: the text names too few places");
                // a place mention with no answer (an actor, a town far off) is kept too
                assert!(none > 0, "every place mention has an answer");
            });
        }
    }
}
