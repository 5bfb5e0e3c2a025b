//! The kinds of ACLED's taxonomy beside strikes: explosions, clashes, attacks, protests,
//! riots and strategic developments.
//!
//! One pass over a clause's tokens collects its cues ([`K`], from the lexicon) into
//! [`Signs`], with the two sides of what happened: the actor before the trigger and the
//! side acted on after it, each armed (soldiers, a named group, positions), unarmed
//! (villagers, houses) or unknown. [`decide`] turns signs into a kind and ACLED's category
//! by the codebook's rules, in order:
//!
//! 1. an explosive device makes an explosion (a seized or defused one, a development);
//! 2. a protest is a riot when its people turn violent, "with intervention" when it is
//!    dispersed or its people arrested, "excessive force" when they are shot;
//! 3. a riot or a mob is a riot;
//! 4. fighting is a clash when both sides are armed (territory taken gives its category),
//!    mob violence when neither is;
//! 5. rape and abduction are attacks of their own categories;
//! 6. an assault is a clash on an armed side and an attack on an unarmed one;
//! 7. agreements, bases, seized weapons, arrests and looting are developments.
//!
//! Mentions of one event merge ([`place`]): the signs of every mention add up, and the kind
//! is decided once on the sum, so "protesters gathered ... police fired teargas" is one
//! protest with intervention, "an IED hit a patrol, then gunmen opened fire" one explosion,
//! and houses burned in an attack stay the attack. A mention with another day, place or
//! actor is another event.
//!
//! Adding a kind: give its words a cue in the lexicon (`CUES`), a bit in [`Signs`], a rule
//! in [`decide`], and a variant in [`Kind`] with its conversion in [`into_event`]. The
//! actor, place, date and merging code is shared and needs no copy.

use super::lexicon::{self, C, K, W};
use super::roles::{self, push_unique_place, Where};
use super::toks_in;
use super::{modality, nearest_date, paragraph_date, Doc, Ment, Sent};
use crate::bounds::{skipped, Stage};
use crate::gazetteer::EntryKind;
use crate::model::{
    Attack, CasualtyKind, Category, Clash, Crowd, Development, Device, Entity, EntityKind, Event,
    Explosion, Incident, Modality, Place, Protest, Riot, Territory, VictimCategory,
};
use crate::span::Span;

/// The kind of an event, before it becomes an [`Event`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Explosion,
    Clash,
    Attack,
    Protest,
    Riot,
    Development,
}

/// Whether a side is armed, as far as the clause tells.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Side {
    #[default]
    Unknown,
    Armed,
    Unarmed,
}

/// What the clauses of one event say, added up over its mentions.
#[derive(Clone, Copy, Debug, Default)]
struct Signs {
    /// One bit per cue ([`bit`]).
    cues: u64,
    device: Option<Device>,
    actor: Side,
    other: Side,
    /// The actor is a state's force (police, army, a state's military).
    state_actor: bool,
    /// A "killed" word in the clause.
    killed: bool,
    /// The first cue of the first mention: what the sentence is about.
    lead: Option<K>,
    /// A word of people killed or wounded, or a verb of a hit ("struck", "targeted").
    hurt: bool,
    /// The side acted on is a thing (a building, a vehicle), with no people named.
    other_thing: bool,
    /// Guns in the clause: gunfire, shooting, small arms ([`lexicon::GUNFIRE`]).
    gun: bool,
}

const fn bit(k: K) -> u64 {
    match k {
        K::None => 0,
        K::Fight => 1,
        K::SmallArms => 1 << 1,
        K::Assault => 1 << 2,
        K::Abduct => 1 << 3,
        K::Sexual => 1 << 4,
        K::Device(_) => 1 << 5,
        K::Blast => 1 << 6,
        K::Protest => 1 << 7,
        K::Riot => 1 << 8,
        K::Unrest => 1 << 9,
        K::Disperse => 1 << 10,
        K::Arrest => 1 << 11,
        K::Loot => 1 << 12,
        K::Burn => 1 << 13,
        K::Seize => 1 << 14,
        K::Agree => 1 << 15,
        K::Establish => 1 << 16,
        K::Take => 1 << 17,
        K::Body => 1 << 18,
        K::Disaster => 1 << 19,
        K::Crowd => 1 << 20,
        K::Foiled => 1 << 21,
        K::TakeVerb => 1 << 22,
        K::Control => 1 << 23,
        K::Post => 1 << 24,
        K::Set => 1 << 25,
        K::Mob => 1 << 26,
        K::About => 1 << 27,
        K::Damage => 1 << 28,
        K::Operation => 1 << 29,
        K::Exchange | K::Gather | K::Trend | K::Mine | K::Found => 0,
    }
}

/// The number of the cue `k`: its variant's, in [`K`]'s order, so that the match is the read
/// of its tag (a match on the cue was a jump table).
#[inline]
const fn cue_number(k: K) -> usize {
    match k {
        K::None => 0,
        K::Fight => 1,
        K::SmallArms => 2,
        K::Assault => 3,
        K::Abduct => 4,
        K::Sexual => 5,
        K::Device(_) => 6,
        K::Blast => 7,
        K::Mine => 8,
        K::Protest => 9,
        K::Riot => 10,
        K::Unrest => 11,
        K::Disperse => 12,
        K::Arrest => 13,
        K::Loot => 14,
        K::Burn => 15,
        K::Damage => 16,
        K::Operation => 17,
        K::Seize => 18,
        K::Agree => 19,
        K::Establish => 20,
        K::Take => 21,
        K::TakeVerb => 22,
        K::Control => 23,
        K::Post => 24,
        K::Set => 25,
        K::Mob => 26,
        K::About => 27,
        K::Exchange => 28,
        K::Gather => 29,
        K::Trend => 30,
        K::Body => 31,
        K::Found => 32,
        K::Disaster => 33,
        K::Crowd => 34,
        K::Foiled => 35,
    }
}

/// One cue of each variant of [`K`] (a test checks each number is here).
const EACH_CUE: [K; 36] = [
    K::None,
    K::Fight,
    K::SmallArms,
    K::Assault,
    K::Abduct,
    K::Sexual,
    K::Device(Device::Ied),
    K::Blast,
    K::Mine,
    K::Protest,
    K::Riot,
    K::Unrest,
    K::Disperse,
    K::Arrest,
    K::Loot,
    K::Burn,
    K::Damage,
    K::Operation,
    K::Seize,
    K::Agree,
    K::Establish,
    K::Take,
    K::TakeVerb,
    K::Control,
    K::Post,
    K::Set,
    K::Mob,
    K::About,
    K::Exchange,
    K::Gather,
    K::Trend,
    K::Body,
    K::Found,
    K::Disaster,
    K::Crowd,
    K::Foiled,
];

/// [`bit`] of each cue by its number ([`cue_number`]).
const CUE_BITS: [u64; 64] = {
    let mut t = [0; 64];
    let mut i = 0;
    while i < EACH_CUE.len() {
        t[cue_number(EACH_CUE[i])] = bit(EACH_CUE[i]);
        i += 1;
    }
    t
};

/// [`bit`] read from a table: a load, where the match of [`bit`] compiled to a jump table.
fn cue_bit(k: K) -> u64 {
    // (the number is under 64: no test is compiled)
    CUE_BITS[cue_number(k) & 63]
}

/// A base word ("base", "airbase") in the clause: with [`K::Establish`], a base set up.
const BASE: u64 = 1 << 62;
/// A strike word or weapon of aircraft in the clause: "bombs" dropped from the air.
const AIR: u64 = 1 << 63;
/// A weapon noun in the clause ("drones", "rockets"): what is seized or intercepted.
const WEAPON: u64 = 1 << 61;

/// Cues of violence: with one of them, a disaster word does not cancel the event.
const VIOLENT: u64 = bit(K::Fight)
    | bit(K::Assault)
    | bit(K::Abduct)
    | bit(K::Sexual)
    | bit(K::Device(Device::Ied))
    | bit(K::Riot)
    | bit(K::Mob)
    | bit(K::Unrest);

impl Signs {
    fn has(&self, k: K) -> bool {
        self.cues & bit(k) != 0
    }

    fn any(&self, mask: u64) -> bool {
        self.cues & mask != 0
    }

    fn add(&mut self, o: &Signs) {
        self.cues |= o.cues;
        self.device = self.device.or(o.device);
        self.lead = self.lead.or(o.lead);
        if self.actor == Side::Unknown {
            self.actor = o.actor;
        }
        if self.other == Side::Unknown {
            self.other = o.other;
        }
        self.state_actor |= o.state_actor;
        self.killed |= o.killed;
        self.hurt |= o.hurt;
        self.gun |= o.gun;
        self.other_thing &= o.other_thing || o.other == Side::Unknown;
    }
}

/// One clause's reading of an event, or an event made of several.
pub(crate) struct Found {
    signs: Signs,
    /// The sentence of the first mention: the evidence of an event of one mention, whose
    /// `incident.evidence` is left empty (no vector made for a mention that is merged into
    /// an event or decides no kind) until a second mention is merged in or the event is
    /// made ([`into_event`]).
    span: Span,
    /// True if the mention can stand as an event by itself (not only a detail of another:
    /// arrests after an attack, a death with no other word).
    strong: bool,
    si: usize,
    paragraph: usize,
    /// Read from the headline, which retells the event the body tells.
    headline: bool,
    /// The trigger refers back to an event told before: "the attack", "this protest".
    refers_back: bool,
    modality: Modality,
    /// Where the incident's date is read from, until it is read ([`Found::date`]): the date
    /// is read only for an event kept or compared by its date, not for every mention.
    date_from: Option<DateFrom>,
    incident: Incident,
    /// Boxed, as few mentions take territory: the record (moved into the list and out of
    /// it) is smaller by the place and actor it holds.
    territory: Option<Box<Territory>>,
    /// The crowd of a mention of a protest, a crowd or a riot, boxed for the same reason;
    /// `None` is the default crowd (no size, nothing it was about).
    crowd: Option<Box<Crowd>>,
    /// The kind and category its signs decide ([`decide`]), set when no more mentions can
    /// be merged in, at the end of [`extract`], and read by [`into_event`]: the signs were
    /// decided twice.
    decided: Option<(Kind, Category)>,
}

/// The clause [a, b) of sentence `si` and its trigger `t`: where a mention's date is read.
#[derive(Clone, Copy)]
struct DateFrom {
    si: usize,
    a: usize,
    b: usize,
    t: usize,
}

impl Found {
    /// The incident's date, read the first time it is asked: the nearest date of the
    /// clause, else of the sentence, else of the paragraph before.
    fn date(&mut self, doc: &Doc) -> Option<&crate::model::DateRef> {
        if let Some(d) = self.date_from.take() {
            self.incident.date = date_of(doc, d);
        }
        self.incident.date.as_ref()
    }
}

/// The date of a mention read from where [`DateFrom`] says.
fn date_of(doc: &Doc, d: DateFrom) -> Option<crate::model::DateRef> {
    let s = doc.sents.get(d.si)?;
    super::clause_else_sentence_date(doc, s, (d.a, d.b), d.t, nearest_date)
        .or_else(|| paragraph_date(doc, d.si))
}

/// The events of the kinds of this module in an article, in the order first told (with those
/// whose signs decide no kind, which [`into_events`] drops). `strike_by_sentence` holds, for
/// each sentence, the strike it tells, if any.
pub(crate) fn extract(doc: &Doc, strike_by_sentence: &[Option<usize>]) -> Vec<Found> {
    if skipped(Stage::Kinds) {
        return Vec::new();
    }
    // the thread's list of its last article, emptied ([`into_events`])
    let mut events: Vec<Found> = crate::kept::take_for(&FOUND, doc.text.len());
    for si in EventSentences::new(&doc.sents) {
        let Some(s) = doc.sents.get(si) else {
            break;
        };
        let strike_here = strike_by_sentence.get(si).is_some_and(Option::is_some);
        // a strike's sentence of no word that can name another kind tells only the strike:
        // its clauses, each the strike's ([`read_sentence`]), passed with one walk
        if strike_here && !may_tell_other_kind(s.toks) {
            continue;
        }
        read_sentence(doc, si, s, strike_here, &mut events);
    }
    // the dates not read yet by a comparison: read for the events that decide a kind only
    // (the others are left in the list: [`into_events`] drops them, where a pass removing
    // them here moved the records kept)
    for e in events.iter_mut() {
        e.decided = decide(&e.signs);
        if e.decided.is_some() {
            e.date(doc);
        }
    }
    events
}

/// Reads the clauses of sentence `si`, `s`, into `events` ([`extract`]); `strike_here` if it
/// tells a strike. Inlined: called out of line, it saved and restored its registers at
/// each sentence with event words (+0.17 M instructions over 300 articles).
#[inline(always)]
fn read_sentence(doc: &Doc, si: usize, s: &Sent, strike_here: bool, events: &mut Vec<Found>) {
    for &(a, b) in s.clauses {
        // in a strike's sentence, a clause of no word that can name another kind is the
        // strike's ([`is_the_strikes`]): told by the cues of its words, before any is read
        // in context
        if strike_here && !s.toks.get(a..b).is_some_and(may_tell_other_kind) {
            continue;
        }
        // a mention is built in its place at the end of the list, and taken back out
        // only when it retells an earlier event ([`place`]): a push of a found mention
        // copied the large record twice
        if let Some(f) = find(doc, si, s, a, b, strike_here) {
            if events.capacity() == 0 {
                events.reserve(clauses_left(doc, si).min(MENTIONS_AT_ONCE));
            }
            events.push(f);
            place(doc, events);
        }
    }
}

/// The indices of the sentences with event words ([`Sent::event_words`]), in order, found
/// through a mask of 64 sentences at a time: a test of each sentence's flag was mispredicted
/// at most sentences, as those with event words and those without alternate with no pattern.
struct EventSentences<'d, 't> {
    sents: &'d [Sent<'t>],
    /// The first sentence of the window the mask covers.
    base: usize,
    /// Bit i set where the sentence `base + i` has event words and is not returned yet.
    mask: u64,
}

impl<'d, 't> EventSentences<'d, 't> {
    fn new(sents: &'d [Sent<'t>]) -> Self {
        EventSentences {
            sents,
            base: 0,
            mask: event_mask(sents),
        }
    }
}

impl Iterator for EventSentences<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            self.base += 64;
            let rest = self.sents.get(self.base..).filter(|r| !r.is_empty())?;
            self.mask = event_mask(rest);
        }
        let i = self.mask.trailing_zeros() as usize;
        // the lowest bit cleared
        self.mask &= self.mask - 1;
        Some(self.base + i)
    }
}

/// Bit i set where the sentence i of the first 64 of `sents` has event words: one shift and
/// or a sentence, with no branch.
fn event_mask(sents: &[Sent]) -> u64 {
    let sents = sents.get(..64).unwrap_or(sents);
    sents
        .iter()
        .enumerate()
        .fold(0, |m, (i, s)| m | u64::from(s.event_words) << i)
}

thread_local! {
    /// The list of [`extract`], kept emptied for the thread's next text: some 21 kB an
    /// article, an allocation above the allocator's small sizes ([`crate::kept::keep_list`]).
    static FOUND: std::cell::Cell<Vec<Found>> = std::cell::Cell::default();
}

/// Moves the events of `found` (the list of [`extract`]) that decide a kind into `events`,
/// and keeps the list for the thread's next text if this text, of `len` bytes, took the
/// thread's. Kept out of line: inlined into its caller, it moved that code's branches
/// (mispredicted some 20 k times more over 300 articles, in code it does not touch).
#[inline(never)]
pub(crate) fn into_events(found: Vec<Found>, events: &mut Vec<Event>, len: usize) {
    // each event's parts taken from its record in the list, where moving the records out
    // of the list copied each whole (those that decide no kind too)
    let mut found = found;
    events.extend(found.iter_mut().filter_map(into_event));
    // (the records are dropped here, or by `keep_list_for` for a list the thread keeps)
    crate::kept::keep_list_for(&FOUND, len, found);
}

/// The list of events is sized at its first mention for at most this many: an article of
/// more grows it.
const MENTIONS_AT_ONCE: usize = 32;

/// The clauses of the sentences from `si` on that have event words: a bound on the mentions
/// left to read, each a clause ([`extract`]).
fn clauses_left(doc: &Doc, si: usize) -> usize {
    let rest = doc.sents.get(si..).unwrap_or(&[]);
    rest.iter()
        .filter(|s| s.event_words)
        .map(|s| s.clauses.len())
        .sum()
}

/// The cues that make a clause of a strike's sentence tell an event of its own
/// ([`is_the_strikes`]): fighting, fire, a device, a crowd, a mob, an abduction, an agreement.
const OTHER_THAN_STRIKE: u64 = bit(K::Fight)
    | bit(K::SmallArms)
    | bit(K::Device(Device::Ied))
    | bit(K::Protest)
    | bit(K::Crowd)
    | bit(K::Riot)
    | bit(K::Mob)
    | bit(K::Abduct)
    | bit(K::Agree);

/// True if a word of cue `k` can give a clause a sign of [`OTHER_THAN_STRIKE`] or a lead of
/// [`K::Seize`], read in context or not ([`cue_in_context`]: "exchanged fire" fights,
/// "gathered ... demanding" protests; [`finish`]: a mine that went off is a device).
fn tells_other_than_strike(k: K) -> bool {
    bit(k) & OTHER_THAN_STRIKE != 0 || matches!(k, K::Seize | K::Exchange | K::Gather | K::Mine)
}

/// True if a word of the clause `toks` can make it tell an event other than its sentence's
/// strike ([`tells_other_than_strike`]). A word of no cue is passed by one compare of the
/// cue (a test of [`is_plain`] first let through the triggers and casualty words of a
/// strike's clause, each a mispredicted branch).
fn may_tell_other_kind(toks: &[super::Tok]) -> bool {
    toks.iter()
        .any(|t| !matches!(t.k, K::None) && tells_other_than_strike(t.k))
}

/// A clause's reading: its signs, and the tokens of its first and last event words.
struct Reading {
    signs: Signs,
    /// The trigger: the first cue or deed (a killing, a hit), else small-arms fire.
    first: Option<usize>,
    /// The last cue, the word nearest the verb for modality.
    last: Option<usize>,
}

/// What the walk over a clause's tokens keeps besides the signs.
#[derive(Default)]
struct Walk {
    first: Option<usize>,
    last: Option<usize>,
    /// The first killing or hit ("killed", "targeted"), whatever its cue.
    deed_at: Option<usize>,
    /// The first small-arms word ("88 shots involving small arms were observed").
    arms_at: Option<usize>,
    /// "bomb" with no word that it was planted or went off (yet).
    loose_bomb: bool,
    /// "mine" with no word that it went off (yet).
    loose_mine: bool,
    /// A trend word ("fighting has intensified"), not inside a protest's demands.
    trend: bool,
    /// A word of what something is about ("demanding", "against") so far.
    about_seen: bool,
    /// A word of what something is about or of a crowd ("protesters") anywhere in the
    /// clause, read when a gathering first asks ([`Walk::about_or_crowd`]).
    about_or_crowd: Option<bool>,
    /// A protest's clause ("protesters", "rally")...
    protest_led: bool,
    /// ...and where what it is about begins ("demanding", "against", "after").
    matter_from: Option<usize>,
}

impl Walk {
    /// Whether the clause `toks` has a word of what something is about or of a crowd: read
    /// once, at the first gathering ("gathered"), which is rare.
    fn about_or_crowd(&mut self, toks: &[super::Tok]) -> bool {
        *self
            .about_or_crowd
            .get_or_insert_with(|| toks.iter().any(|t| matches!(t.k, K::About | K::Crowd)))
    }
}

/// The word classes [`finish`] needs of the whole clause, noted by the walk over its
/// tokens as it reads each word that is not plain ([`is_plain`]).
#[derive(Default)]
struct Classes {
    /// A word of people killed or wounded.
    wounded: bool,
    /// A verb of a hit ("struck", "targeted").
    hit: bool,
    perfect: bool,
    running: bool,
}

impl Classes {
    /// Notes the class of the word `t`, one that is not plain.
    fn note(&mut self, t: &super::Tok) {
        // each flag by a test of its own with no branch: a match on the class was a jump
        // table, mispredicted at most words not plain
        self.wounded |= matches!(
            t.w,
            W::Casualty(CasualtyKind::Killed | CasualtyKind::Wounded, _)
        );
        self.hit |= t.w == W::Trigger(None, false);
        self.perfect |= t.w == W::Perfect;
        self.running |= t.w == W::Running;
    }
}

/// The signs of the clause [a, b), and its trigger.
fn signs(doc: &Doc, s: &Sent, a: usize, b: usize) -> Reading {
    let mut g = Signs::default();
    let mut w = Walk::default();
    let toks = s.toks.get(a..b).unwrap_or(&[]);
    let mut classes = Classes::default();
    let mut words = KindWords::new(toks);
    // the token after the last one read
    let mut from = 0;
    loop {
        // what a protest is about is not begun yet
        let matter_open = w.protest_led && w.matter_from.is_none();
        // a word of no cue and of no class that [`read_word`], [`cue_in_context`] or
        // [`finish`] reads (most words) adds no sign: passed over in a tight loop, as it
        // can only start what a protest is about ("because"), read below where one is open.
        // (A clause with no cue, no deed and no fire is walked too: [`finish`] gives it no
        // trigger, and a first pass to find one would read the words before it twice.)
        let k = if matter_open {
            from
        } else {
            match words.next_from(from) {
                Some(k) => k,
                None => break,
            }
        };
        let Some(t) = toks.get(k) else {
            break;
        };
        from = k + 1;
        let plain = is_plain(t);
        if !plain {
            classes.note(t);
        }
        let matter_word =
            matter_open && (matches!(t.k, K::About) || doc.word_is(t, lexicon::BECAUSE));
        // (most words are lowercase, no name or month: told before the call)
        if (!plain || matter_word) && t.cap && is_name_or_month(doc, s, toks, a, k) {
            w.about_seen |= matches!(t.k, K::About);
            continue;
        }
        if plain {
            if matter_word {
                w.matter_from = Some(k);
            }
            continue;
        }
        let cue = cue_in_context(doc, toks, k, &mut w);
        // "protesters demanding the return of looted funds": the matter, not the deed
        let cue = if w.protest_led && told_as_matter(doc, toks, k, cue, w.matter_from.is_some()) {
            K::None
        } else {
            cue
        };
        if matter_word {
            w.matter_from = Some(k);
        }
        w.protest_led |= matches!(t.k, K::Protest | K::Crowd | K::Gather);
        w.about_seen |= matches!(t.k, K::About);
        read_word(doc, &mut g, &mut w, t, a + k);
        add_cue(&mut g, &mut w, cue, a + k);
    }
    finish(g, w, s, &classes)
}

/// The words of a clause that are not plain ([`is_plain`]), found through a mask of
/// [`WINDOW`] tokens at a time: the walk of [`signs`] goes from one to the next with no branch per
/// word (a plain test per word was mispredicted at nearly every word not plain).
struct KindWords<'t> {
    toks: &'t [super::Tok],
    /// The first token of the window the mask covers.
    base: usize,
    /// Bit i set where the token `base + i` is not plain.
    mask: u64,
}

impl<'t> KindWords<'t> {
    fn new(toks: &'t [super::Tok]) -> Self {
        KindWords {
            toks,
            base: 0,
            mask: not_plain_mask(toks),
        }
    }

    /// The first word at or after token `from` that is not plain.
    fn next_from(&mut self, mut from: usize) -> Option<usize> {
        loop {
            // (a `from` before the window, never asked, wraps: a window is made at it)
            let rel = from.wrapping_sub(self.base);
            if rel < WINDOW {
                let m = self.mask >> rel;
                if m != 0 {
                    return Some(from + m.trailing_zeros() as usize);
                }
                from = self.base + WINDOW;
            }
            let rest = self.toks.get(from..).filter(|r| !r.is_empty())?;
            self.base = from;
            self.mask = not_plain_mask(rest);
        }
    }
}

/// The tokens [`not_plain_mask`] reads at once: its mark bit shifted by at most this much
/// stays in a `u64`.
const WINDOW: usize = 64 - lexicon::MARK_KIND.trailing_zeros() as usize;

/// Bit i set where the token i of the first [`WINDOW`] of `toks` is not plain
/// ([`is_plain`]): the mark bit itself is shifted into place, four instructions a token.
fn not_plain_mask(toks: &[super::Tok]) -> u64 {
    let toks = toks.get(..WINDOW).unwrap_or(toks);
    let marks = toks.iter().enumerate().fold(0, |m, (i, t)| {
        m | u64::from(t.marks & lexicon::MARK_KIND) << i
    });
    marks >> lexicon::MARK_KIND.trailing_zeros()
}

/// True if the token has no cue and a word class that adds no sign whatever its
/// neighbours: [`cue_in_context`] gives it no cue, and neither [`read_word`] nor [`finish`]
/// ([`Classes`]) reads anything of it.
/// Told by the token's marks ([`lexicon::MARK_KIND`]), set by the lexicon as the word was
/// read ([`plain_class`]).
fn is_plain(t: &super::Tok) -> bool {
    let plain = t.marks & lexicon::MARK_KIND == 0;
    debug_assert_eq!(plain, plain_class(t.w, t.k), "marks of plain words");
    plain
}

/// [`is_plain`] for a word of class `w` and cue `k`.
pub(crate) fn plain_class(w: W, k: K) -> bool {
    matches!(k, K::None)
        && !matches!(
            w,
            W::Launch
                | W::Base
                | W::WeaponNoun(_)
                | W::Trigger(..)
                | W::Casualty(..)
                | W::Perfect
                | W::Running
        )
}

/// True if a capitalised cue is a name or a month, not an event: beside a figure ("30 March
/// 2023"), inside a name ("the Fighting Irish"), or within a sentence ("in March") unless its
/// neighbours are capitalised too (a headline's title case).
fn is_name_or_month(doc: &Doc, s: &Sent, toks: &[super::Tok], a: usize, k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return false;
    };
    if !t.cap {
        return false;
    }
    let next = toks.get(k + 1);
    let prev = k.checked_sub(1).and_then(|j| toks.get(j));
    let digit = |x: Option<&super::Tok>| {
        x.is_some_and(|x| doc.word(x).starts_with(|c: char| c.is_ascii_digit()))
    };
    let title_case = s.headline || next.is_some_and(|n| n.cap);
    let acronym = doc.word(t).bytes().all(|c| !c.is_ascii_lowercase());
    let name = t.ment.is_some() || a + k > 0 && !title_case && !acronym;
    digit(prev) || digit(next) || name
}

/// The cue of the token at `k` read with its neighbours: "set fire" burns, "took control"
/// takes, "exchanged fire" fights, "riot police" is no riot, "grenade launchers" no grenade.
fn cue_in_context(doc: &Doc, toks: &[super::Tok], k: usize, w: &mut Walk) -> K {
    let Some(t) = toks.get(k) else {
        return K::None;
    };
    let next = toks.get(k + 1);
    let prev = k.checked_sub(1).and_then(|j| toks.get(j));
    match t.k {
        K::Set => set_phrase(doc, toks, k),
        // "took control", "seized control"
        K::Control if prev.is_some_and(|p| matches!(p.k, K::TakeVerb | K::Seize)) => K::Take,
        K::Control | K::TakeVerb => K::None,
        K::Exchange => exchanged_fire(toks, k),
        // "gathered ... demanding", "protesters gathered": a protest when its cause or its
        // people are told
        K::Gather if w.about_or_crowd(toks) => K::Protest,
        K::Gather => K::None,
        // "fighting has intensified in recent weeks", "to ease fighting": a trend, unless
        // part of what a protest asks ("demanding an easing of ...")
        K::Trend => {
            // "the ongoing lockdown": a trend of something else
            let of_other = next.is_some_and(|n| matches!(n.w, W::Other) && matches!(n.k, K::None));
            w.trend |= !w.about_seen && !of_other;
            K::None
        }
        // "riot police" are a force, not a riot
        K::Riot
            if next.is_some_and(|n| {
                matches!(n.w, W::Victim(VictimCategory::SecurityForces) | W::Military)
            }) =>
        {
            K::None
        }
        // "the fight against coronavirus" is no fighting; "clashed over land" is
        K::Fight if next.is_some_and(|n| matches!(n.k, K::About)) && !is_past(doc, t) => K::None,
        // "grenade launchers" are a weapon, not a thrown grenade
        K::Device(Device::Grenade) if next.is_some_and(|n| matches!(n.w, W::WeaponNoun(_))) => {
            K::None
        }
        // "opened fire"
        K::Assault if doc.word_is(t, lexicon::OPENED) => {
            if next.is_some_and(|n| matches!(n.w, W::Launch)) {
                K::Assault
            } else {
                K::None
            }
        }
        // "bomb" is an explosive device only when planted or when it explodes (see
        // `finish`), not when aircraft drop it
        K::Device(Device::Ied) if matches!(t.w, W::Trigger(..)) => {
            if prev.is_some_and(|p| matches!(p.w, W::Improvised))
                || next.is_some_and(|n| matches!(n.k, K::Blast))
            {
                K::Device(Device::Ied)
            } else {
                w.loose_bomb = true;
                K::None
            }
        }
        K::Mine => {
            w.loose_mine = true;
            K::None
        }
        // "was found dead", "were discovered dead": a body found
        K::Found if next.is_some_and(|n| matches!(n.w, W::Casualty(CasualtyKind::Killed, _))) => {
            K::Body
        }
        K::Found => K::None,
        // "fired on the positions of": direct fire, where no strike word is
        K::None if matches!(t.w, W::Launch) => K::Assault,
        k => k,
    }
}

/// "set fire to", "set ablaze", "set on fire" burn; "set up" a base establishes it.
fn set_phrase(doc: &Doc, toks: &[super::Tok], k: usize) -> K {
    let after = |j: usize| toks.get(k + j);
    match after(1) {
        Some(n) if matches!(n.w, W::Launch) || matches!(n.k, K::Burn) => K::Burn,
        Some(n)
            if matches!(n.w, W::Locative) && after(2).is_some_and(|x| matches!(x.w, W::Launch)) =>
        {
            K::Burn
        }
        Some(n) if doc.word_is(n, lexicon::UP) => K::Establish,
        _ => K::None,
    }
}

/// "exchanged fire", "traded gunfire", "exchanged artillery": fighting.
fn exchanged_fire(toks: &[super::Tok], k: usize) -> K {
    let fire = |x: Option<&super::Tok>| {
        x.is_some_and(|x| {
            matches!(x.w, W::Launch | W::WeaponNoun(_)) || matches!(x.k, K::SmallArms)
        })
    };
    if fire(toks.get(k + 1)) || fire(toks.get(k + 2)) {
        K::Fight
    } else {
        K::None
    }
}

/// What a token's word class adds, whatever its cue: bases, weapons, aircraft, guns, a
/// killing or a hit.
fn read_word(doc: &Doc, g: &mut Signs, w: &mut Walk, t: &super::Tok, at: usize) {
    // the gunfire words are assault cues: no other word needs reading
    g.gun |= matches!(t.w, W::Launch)
        || matches!(t.k, K::SmallArms)
        || matches!(t.k, K::Assault) && doc.word_is(t, lexicon::GUNFIRE);
    match t.w {
        W::Base => g.cues |= BASE,
        // aircraft and air strikes (a "bomb" on its own may be planted)
        W::WeaponNoun(weapon) => {
            g.cues |= WEAPON;
            if weapon == crate::model::Weapon::Air {
                g.cues |= AIR;
            }
        }
        W::Trigger(Some(crate::model::Weapon::Air), true) if matches!(t.k, K::None) => {
            g.cues |= AIR
        }
        W::Casualty(CasualtyKind::Killed, _) => {
            g.killed = true;
            w.deed_at = w.deed_at.or(Some(at));
        }
        // "targeted a post", "struck a patrol": a hit, whatever its cue
        W::Trigger(None, false) => w.deed_at = w.deed_at.or(Some(at)),
        _ => {}
    }
}

/// The cues that lead a clause and mark its trigger ([`add_cue`]): all but a disaster, a
/// post, small arms and what a protest is about.
const LEADS: u64 = !(bit(K::Disaster) | bit(K::Post) | bit(K::SmallArms) | bit(K::About));

/// Adds the cue read at token `at` to the signs. Told by the cue's bit ([`cue_bit`]: a load),
/// not by a match on the cue, which was a jump table mispredicted at most words not plain:
/// [`K::None`] has no bit and adds nothing, and so would a cue of no bit, which no word can
/// give (a test checks).
fn add_cue(g: &mut Signs, w: &mut Walk, cue: K, at: usize) {
    let b = cue_bit(cue);
    if b & LEADS != 0 {
        if let K::Device(d) = cue {
            // "suicide bomber", "car bomb": the more telling word
            g.device = match (g.device, d) {
                (Some(Device::SuicideVest), _) => Some(Device::SuicideVest),
                (Some(Device::Grenade), _) => Some(Device::Grenade),
                _ => Some(d),
            };
        }
        g.cues |= b;
        g.lead = g.lead.or(Some(cue));
        w.first = w.first.or(Some(at));
        w.last = Some(at);
    } else if b != 0 {
        g.cues |= b;
        if b == bit(K::SmallArms) {
            w.arms_at = w.arms_at.or(Some(at));
        }
    }
}

/// The signs once the whole clause is read: a loose bomb or mine that went off, a war's
/// running toll, a trend, and the trigger.
fn finish(mut g: Signs, mut w: Walk, s: &Sent, classes: &Classes) -> Reading {
    // "detonated a bomb", "a bomb exploded"; "a mine exploded", "killed by a mine"
    let wounded = classes.wounded;
    g.hurt = wounded || classes.hit;
    let loose = if w.loose_bomb && g.has(K::Blast) && !g.any(AIR) {
        Some(Device::Ied)
    } else if w.loose_mine && (g.has(K::Blast) || wounded) {
        Some(Device::Landmine)
    } else {
        None
    };
    if let (Some(d), None) = (loose, g.device) {
        g.device = Some(d);
        g.cues |= bit(K::Device(d));
    }
    // "the war, which has killed 280,000": a running toll, not an incident's death
    // (the sentence is read for a war word only where the clause has a perfect)
    let war_toll =
        classes.perfect && s.toks.iter().any(|x| matches!(x.w, W::War)) || classes.running;
    if war_toll {
        g.killed = false;
        w.deed_at = None;
    }
    // a trend of fighting or protests is background, not an incident
    if w.trend && !g.killed {
        return Reading {
            signs: Signs::default(),
            first: None,
            last: None,
        };
    }
    // a death with no other word ("soldiers killed a man") is read from its verb;
    // "88 shots involving small arms were observed": fire with no verb of its own;
    // "killed 15 militants in an operation": the killing, told first, is the trigger
    let first = match (w.first, w.deed_at) {
        (Some(f), Some(k)) => Some(f.min(k)),
        _ => w.first.or(w.deed_at).or(w.arms_at),
    };
    Reading {
        signs: g,
        first,
        last: w.last.or(w.deed_at).or(w.arms_at),
    }
}

/// True if the cue at `k` of a protest's clause tells what the protest is about rather than
/// what the protesters did: a participle ("the looted funds", "a burnt transformer") and,
/// after the words of what it is about (`after_matter`: "demanding", "against", "after"), a
/// noun ("against the riots", "the arrest of a youth") or a verb of another subject ("youths
/// who clashed", "crops were damaged"). A past verb of the protesters still counts
/// ("protesters demanding reforms clashed with police", "... were arrested").
fn told_as_matter(doc: &Doc, toks: &[super::Tok], k: usize, cue: K, after_matter: bool) -> bool {
    let intervention = matches!(cue, K::Arrest | K::Disperse);
    let violence = matches!(
        cue,
        K::Riot | K::Unrest | K::Burn | K::Damage | K::Loot | K::Fight | K::Mob
    );
    if !intervention && !violence {
        return false;
    }
    let Some(t) = toks.get(k) else {
        return false;
    };
    if !is_past(doc, t) {
        return after_matter;
    }
    let Some(p) = k.checked_sub(1).and_then(|j| toks.get(j)) else {
        return false;
    };
    // "the looted funds", "of detained activists"
    if matches!(p.w, W::Definite | W::Indefinite | W::Locative | W::By) {
        return true;
    }
    // "who clashed"; "were damaged", "have been robbed" (a passive of the protesters is
    // an intervention: "were arrested")
    after_matter
        && (matches!(p.k, K::About)
            || doc.word_is(p, lexicon::RELATIVE)
            || violence && matches!(p.w, W::Aux | W::Perfect))
}

/// True if the token is a past form: "-ed" ("clashed", "looted") or one of
/// [`lexicon::PAST_FORMS`] ("burnt").
fn is_past(doc: &Doc, t: &super::Tok) -> bool {
    let word = doc.word(t);
    let ed = word.len() > 3
        && word
            .get(word.len() - 2..)
            .is_some_and(|e| e.eq_ignore_ascii_case("ed"));
    ed || doc.word_is(t, lexicon::PAST_FORMS)
}

/// The kind and category of what the signs tell, by ACLED's rules (see the module docs).
fn decide(g: &Signs) -> Option<(Kind, Category)> {
    // a protest over a flood or a road accident is a protest
    if g.has(K::Disaster) && !g.any(VIOLENT | bit(K::Protest)) {
        return None;
    }
    by_device(g)
        .or_else(|| by_crowd(g))
        .or_else(|| by_fighting(g))
        .or_else(|| by_violence(g))
        .or_else(|| by_development(g))
}

/// Rule 1: a device that went off is an explosion; a device or weapons seized, foiled or
/// intercepted are disrupted weapons use.
fn by_device(g: &Signs) -> Option<(Kind, Category)> {
    use Category as C;
    let device = g.device.filter(|d| {
        // a bomb dropped by aircraft is a strike's
        !(matches!(d, Device::Ied) && g.any(AIR))
    });
    if let Some(d) = device {
        if g.has(K::Seize) || g.has(K::Foiled) {
            return Some((Kind::Development, C::DisruptedWeaponsUse));
        }
        // "a roadside bomb struck a patrol, wounding three": it went off
        let confirmed = !matches!(d, Device::Ied | Device::Bomb)
            || g.has(K::Blast)
            || g.killed
            || g.hurt
            || g.any(bit(K::Assault));
        if confirmed {
            let cat = match d {
                Device::SuicideVest => C::SuicideBomb,
                Device::Grenade => C::Grenade,
                Device::Chemical => C::ChemicalWeapon,
                _ => C::RemoteExplosive,
            };
            return Some((Kind::Explosion, cat));
        }
    }
    // weapons seized, or drones and missiles intercepted, before they struck
    if g.lead == Some(K::Seize) && g.any(bit(K::Device(Device::Ied)) | AIR | WEAPON) {
        return Some((Kind::Development, C::DisruptedWeaponsUse));
    }
    None
}

/// Rules 2 and 3: protests (violent, with intervention, met with lethal force, peaceful),
/// riots and mobs.
fn by_crowd(g: &Signs) -> Option<(Kind, Category)> {
    use Category as C;
    if g.has(K::Protest) || g.has(K::Crowd) {
        if g.any(
            bit(K::Riot)
                | bit(K::Unrest)
                | bit(K::Burn)
                | bit(K::Damage)
                | bit(K::Loot)
                | bit(K::Fight),
        ) {
            return Some((Kind::Riot, C::ViolentDemonstration));
        }
        if g.killed && g.state_actor {
            return Some((Kind::Protest, C::ExcessiveForce));
        }
        if g.any(bit(K::Disperse) | bit(K::Arrest)) {
            return Some((Kind::Protest, C::ProtestWithIntervention));
        }
        // "protesters ... demanding": a crowd with a cause protests
        if g.has(K::Protest) || g.has(K::About) {
            return Some((Kind::Protest, C::PeacefulProtest));
        }
    }
    if g.has(K::Mob) {
        return Some((Kind::Riot, C::MobViolence));
    }
    if g.has(K::Riot) || g.has(K::Unrest) {
        return Some((Kind::Riot, C::ViolentDemonstration));
    }
    None
}

/// Rule 4: fighting, territory taken, and fire between armed sides are clashes (between
/// unarmed people, a mob's); an agreement that ends fighting is the agreement.
fn by_fighting(g: &Signs) -> Option<(Kind, Category)> {
    use Category as C;
    // "signed a peace accord ending months of fighting": the agreement is the event
    if g.lead == Some(K::Agree) {
        return Some((Kind::Development, C::Agreement));
    }
    if g.has(K::Fight) || g.has(K::Take) {
        // fighting between unarmed people ("two groups of villagers clashed") is a mob's
        if g.actor == Side::Unarmed && g.other != Side::Armed {
            return Some((Kind::Riot, C::MobViolence));
        }
        let cat = match (g.has(K::Take), g.state_actor) {
            (true, true) => C::GovernmentRegainsTerritory,
            (true, false) => C::NonStateOvertakesTerritory,
            _ => C::ArmedClash,
        };
        return Some((Kind::Clash, cat));
    }
    // small-arms fire, or a force's operation, against armed men: a clash
    let unarmed = g.actor == Side::Unarmed || g.other == Side::Unarmed;
    // "explosions involving mortars near the frontline": weapons fired at armed men, with
    // no device that went off and no aircraft
    if g.has(K::Blast) && g.any(WEAPON) && !g.any(AIR) && g.other == Side::Armed && !unarmed {
        return Some((Kind::Clash, C::ArmedClash));
    }
    if g.has(K::SmallArms) && !unarmed && !g.has(K::Abduct) && !g.has(K::Sexual)
        || g.has(K::Operation) && g.other == Side::Armed
    {
        return Some((Kind::Clash, C::ArmedClash));
    }
    None
}

/// Rules 5 and 6: rape and abduction; an assault is a clash on an armed side, an attack on
/// unarmed people (by unarmed people without guns, a mob's).
fn by_violence(g: &Signs) -> Option<(Kind, Category)> {
    use Category as C;
    if g.has(K::Sexual) {
        return Some((Kind::Attack, C::SexualViolence));
    }
    if g.has(K::Abduct) {
        return Some((Kind::Attack, C::Abduction));
    }
    // a police raid that arrests people is the arrests
    if g.has(K::Arrest) && g.state_actor && !g.killed {
        return Some((Kind::Development, C::Arrests));
    }
    // villagers who beat up a thief: violence by unarmed people, a mob's
    if g.has(K::Assault) && g.actor == Side::Unarmed && g.other != Side::Armed && !g.gun {
        return Some((Kind::Riot, C::MobViolence));
    }
    if g.has(K::Assault) || g.has(K::Body) || g.killed && g.actor == Side::Armed {
        if g.other == Side::Armed {
            return Some((Kind::Clash, C::ArmedClash));
        }
        // an attack on a building, not on people, that burns or wrecks it
        if g.other_thing && !g.killed && g.any(bit(K::Burn) | bit(K::Damage)) {
            return Some((Kind::Development, C::LootingPropertyDestruction));
        }
        return Some((Kind::Attack, C::Attack));
    }
    None
}

/// Rule 7: agreements, bases, arrests (by an armed group, an abduction) and looting.
fn by_development(g: &Signs) -> Option<(Kind, Category)> {
    use Category as C;
    if g.has(K::Agree) {
        return Some((Kind::Development, C::Agreement));
    }
    if g.has(K::Establish) && g.any(BASE) {
        return Some((Kind::Development, C::BaseEstablished));
    }
    if g.has(K::Arrest) {
        return Some(if g.actor == Side::Armed && !g.state_actor {
            (Kind::Attack, C::Abduction)
        } else {
            (Kind::Development, C::Arrests)
        });
    }
    if g.has(K::Loot) || g.has(K::Burn) || g.has(K::Damage) && g.actor != Side::Unknown {
        return Some((Kind::Development, C::LootingPropertyDestruction));
    }
    None
}

/// True if the signs make an event by themselves rather than a detail of another.
fn is_strong(g: &Signs) -> bool {
    const WEAK: u64 = bit(K::Arrest)
        | bit(K::Damage)
        | bit(K::Operation)
        | bit(K::Loot)
        | bit(K::Burn)
        | bit(K::Seize)
        | bit(K::Disperse)
        | bit(K::Body)
        | bit(K::Take);
    const NONE: u64 =
        BASE | AIR | WEAPON | bit(K::Post) | bit(K::SmallArms) | bit(K::Disaster) | bit(K::About);
    g.cues & !WEAK & !NONE != 0
}

/// Whether a sentence tells of violence or of a disaster, for casualty figures: deaths no
/// conflict caused are no casualties of war.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    /// Neither: the figure takes the cause told before it.
    Untold,
    /// A flood, an earthquake, an accident, a disease, and no violence.
    Disaster,
    /// Violence: a strike, a clash, an attack, a bomb...
    Conflict,
}

/// Whether a word of cue `k` tells a cause ([`cause`] reads it): violence, a blast or a
/// disaster.
pub(crate) fn tells_cause(k: K) -> bool {
    bit(k) & (VIOLENT | bit(K::Blast) | bit(K::Disaster)) != 0
}

/// The class of word that tells a conflict caused what a sentence tells, with a strong
/// trigger: a weapon noun.
const CAUSE_CLASSES: u64 = C::WeaponNoun.bit();

/// What the words of a sentence say caused what happened in it.
#[inline]
pub(crate) fn cause(s: &Sent) -> Cause {
    let mut disaster = false;
    for t in s.toks {
        // most words tell no cause: one test of the mark the lexicon gave the word
        // ([`lexicon::MARK_CAUSE`]: a strong trigger, a weapon noun or a cue of
        // [`tells_cause`], the words read below)
        if t.marks & lexicon::MARK_CAUSE == 0 {
            continue;
        }
        // the cue's bit read once for both cue tests; the class and the cue told by one
        // branch (a weapon noun by the class's bit, a strong trigger by its payload)
        let cue = bit(t.k);
        let strong = matches!(t.w, W::Trigger(_, true));
        if t.is_in(CAUSE_CLASSES) | strong | (cue & (VIOLENT | bit(K::Blast)) != 0) {
            return Cause::Conflict;
        }
        disaster |= cue & bit(K::Disaster) != 0;
    }
    if disaster {
        Cause::Disaster
    } else {
        Cause::Untold
    }
}

/// The reading of one clause, if it tells an event of these kinds.
fn find(doc: &Doc, si: usize, s: &Sent, a: usize, b: usize, strike_here: bool) -> Option<Found> {
    let Reading {
        signs: mut g,
        first,
        last,
    } = signs(doc, s, a, b);
    let t = first?;
    // the sides, read below, can still make a kind of these signs; none can of no cue
    if g.cues & !(BASE | AIR | WEAPON) == 0 && !g.killed {
        return None;
    }
    if strike_here && is_the_strikes(&g) {
        return None;
    }
    let Sides {
        actor,
        actor_ment,
        targets,
    } = read_sides(doc, s, a, b, t, &mut g);
    let Where {
        provinces,
        locations,
    } = roles::places(doc, s, a, b, &[actor_ment]);
    // the cue nearest the verb: "a ceasefire could be signed" is hypothetical
    let modality = modality::of(doc, s, a, last.unwrap_or(t));
    let crowd = (g.has(K::Protest) || g.has(K::Crowd) || g.has(K::Riot))
        .then(|| Box::new(crowd(doc, s, a, b)));
    let territory = g.has(K::Take).then(|| {
        Box::new(Territory {
            place: locations.first().or(provinces.first()).cloned(),
            taken_by: actor.clone(),
        })
    });
    // the incident made in its place in the reading, not made apart and copied in
    Some(Found {
        strong: is_strong(&g),
        signs: g,
        si,
        paragraph: s.paragraph,
        headline: s.headline,
        refers_back: refers_back(s, a, t),
        modality,
        span: s.span,
        // the date read when first asked ([`Found::date`])
        date_from: Some(DateFrom { si, a, b, t }),
        incident: Incident {
            modality,
            evidence: Vec::new(),
            actor,
            targets,
            provinces,
            locations,
            date: None,
            fatalities: None,
        },
        territory,
        crowd,
        // decided once all its mentions are merged in ([`extract`])
        decided: None,
    })
}

/// True if the strike told in the clause's sentence is the event: its words name no other
/// kind ("fired at positions" and "killing 3" add nothing to a strike).
fn is_the_strikes(g: &Signs) -> bool {
    !g.any(OTHER_THAN_STRIKE)
    // "air defences intercepted two drones": the interception is what the clause tells;
    // "fired a missile ..., adding that it was intercepted" stays the strike
    && g.lead != Some(K::Seize)
}

/// The two sides of a clause's event: the actor (and its mention), the armed groups acted
/// on.
struct Sides {
    actor: Option<Entity>,
    actor_ment: Option<usize>,
    targets: Vec<Entity>,
}

/// Reads the sides of the event triggered at `t` into the signs (armed, unarmed, a state's
/// force, a thing) and returns who they are.
fn read_sides(doc: &Doc, s: &Sent, a: usize, b: usize, t: usize, g: &mut Signs) -> Sides {
    let passive = is_passive(s, a, t) || is_passive_before(doc, s, a, t);
    let (actor, actor_ment) = actor(doc, s, a, b, t, passive);
    g.actor = actor.as_ref().map_or(Side::Unknown, |(_, side)| *side);
    g.state_actor = actor.as_ref().is_some_and(|(e, _)| is_state(e));
    let (other, targets) = other_side(doc, s, a, b, t, passive, actor_ment);
    g.other = other;
    g.other_thing = other == Side::Unarmed
        && targets.is_empty()
        && !(t + 1..b).any(|k| person_side(doc, s, k).is_some())
        && (t + 1..b).any(|k| s.toks.get(k).is_some_and(|x| x.w == W::Thing));
    // in the passive the subject is the side acted on, not the actor: "a man was injured in
    // a shooting by armed men", "was beaten up by locals" (the agent is read only here)
    if g.actor == Side::Unknown && passive {
        g.actor = by_phrase(s, t, b)
            .find_map(|k| person_side(doc, s, k))
            .unwrap_or_default();
    } else if g.actor == Side::Unknown {
        g.actor = subject_side(doc, s, a, t);
        // "police", "soldiers", "the army": a state's force though unnamed (where the
        // subject has a side: read once, above)
        g.state_actor |= g.actor != Side::Unknown
            && (a..t).rev().any(|k| {
                s.toks.get(k).is_some_and(|x| {
                    matches!(x.w, W::Victim(VictimCategory::SecurityForces) | W::Military)
                })
            });
    }
    Sides {
        actor: actor.map(|(e, _)| e),
        actor_ment,
        targets,
    }
}

/// "the attack", "these clashes", "the protest": a definite word right before the trigger
/// (a noun, not a verb) refers back to an event already told.
fn refers_back(s: &Sent, a: usize, t: usize) -> bool {
    t > a && s.toks.get(t - 1).is_some_and(|p| p.w == W::Definite)
}

/// "was attacked", "were abducted by": the subject is the side acted on.
fn is_passive(s: &Sent, a: usize, t: usize) -> bool {
    (t.saturating_sub(2).max(a)..t).any(|k| {
        s.toks.get(k).is_some_and(|x| {
            x.w == W::Aux && x.punct == 0 && matches!(x.span.len(), 2..=4) || x.w == W::Perfect
        })
    }) && s
        .toks
        .get(t)
        .is_some_and(|x| x.w != W::Other || x.k != K::None)
}

/// "a man was injured in a shooting by ...", "two men were found dead": a passive verb
/// before the trigger makes its subject the side acted on.
fn is_passive_before(doc: &Doc, s: &Sent, a: usize, t: usize) -> bool {
    (a..t).any(|k| {
        let be = s
            .toks
            .get(k)
            .is_some_and(|x| x.w == W::Aux && x.punct == 0 && matches!(x.span.len(), 2..=4));
        be && s
            .toks
            .get(k + 1)
            .is_some_and(|x| matches!(x.w, W::Casualty(..)) || x.k != K::None || is_past(doc, x))
    })
}

/// Whether a mention names an armed actor (a group, a force, a state) and that actor.
/// "Indian nationals", "Israeli settlers", "Syrian civilians": a people before a word for
/// civilians names people, not their state.
fn armed_mention(doc: &Doc, s: &Sent, m: &Ment) -> Option<Entity> {
    let people = s.toks.get(m.b).is_some_and(|n| {
        matches!(
            n.w,
            W::Victim(VictimCategory::Civilians | VictimCategory::People)
        ) || n.k == K::Crowd
    });
    if people && !doc.has_kind(m, &[EntryKind::ArmedGroup, EntryKind::Military]) {
        return None;
    }
    if !doc.has_kind(
        m,
        &[
            EntryKind::ArmedGroup,
            EntryKind::Military,
            EntryKind::Country,
            EntryKind::Demonym,
            EntryKind::Metonym,
        ],
    ) {
        return None;
    }
    doc.as_actor(m)
}

fn is_state(e: &Entity) -> bool {
    matches!(e.kind, EntityKind::State | EntityKind::Military)
}

/// Who acted: in the active, the gazetteer actor before the trigger (the subject), else a
/// generic force ("regime forces", "the army"); in the passive, the agent after "by".
fn actor(
    doc: &Doc,
    s: &Sent,
    a: usize,
    b: usize,
    t: usize,
    passive: bool,
) -> (Option<(Entity, Side)>, Option<usize>) {
    let usable = |m: &Ment| {
        !super::is_locative_before(s, m.a)
            && !doc.is_speaker(s, m)
            && !roles::is_compound_modifier(doc, m)
    };
    if passive {
        let by = (t + 1..b).find(|&k| s.toks.get(k).is_some_and(|x| x.w == W::By));
        if let Some(k) = by {
            for (mi, m) in s.ments.iter().enumerate() {
                if m.a > k && m.a <= k + 4 && m.b <= b {
                    if let Some(e) = armed_mention(doc, s, m) {
                        return (Some((e, Side::Armed)), Some(mi));
                    }
                }
            }
        }
        return (None, None);
    }
    let mut best = None;
    for (mi, m) in s.ments.iter().enumerate() {
        if m.b > t || m.a < a || !usable(m) {
            continue;
        }
        if let Some(e) = armed_mention(doc, s, m) {
            best = Some((e, mi));
        }
    }
    if let Some((e, mi)) = best {
        return (Some((e, Side::Armed)), Some(mi));
    }
    let generic = roles::generic_actor(doc, s, a, t)
        .filter(|e| e.kind != EntityKind::Generic)
        .map(|e| (e, Side::Armed));
    (generic, None)
}

/// True if the token may name a side ([`named_side`] reads it): most words are no mention
/// and of no class or cue of a side, told here, as the scans for a side read every word
/// after a trigger.
#[inline]
fn may_name_side(t: &super::Tok) -> bool {
    // the classes of both tests in one mask, and `|` for `||`: the tests follow the text
    t.ment.is_some() | t.is_in(PERSON_CLASSES | SIDE_THINGS) || is_crowd_or_post(t)
}

/// The classes of word that may name people or armed men: victims, military nouns.
const PERSON_CLASSES: u64 = lexicon::VICTIMS | C::Military.bit();

/// The classes of word that name what a side holds or is: a base, a town, a thing.
const SIDE_THINGS: u64 = lexicon::mask(&[C::Base, C::TownWord, C::Thing]);

/// True if the token may name people (or the posts armed men hold), not a thing or a
/// place ([`person_side`]).
/// (A crowd or a post is a cue: its cue is read only for a word the lexicon marked as read
/// by the kinds, [`lexicon::MARK_KIND`], not for most words.)
#[inline]
fn names_person(t: &super::Tok) -> bool {
    t.ment.is_some() | t.is_in(PERSON_CLASSES) || is_crowd_or_post(t)
}

/// A crowd or a post by its cue, read only for a word the lexicon marked as read by the
/// kinds.
#[inline]
fn is_crowd_or_post(t: &super::Tok) -> bool {
    t.marks & lexicon::MARK_KIND != 0 && matches!(t.k, K::Crowd | K::Post)
}

/// The side of a token that may name one ([`may_name_side`]): armed for fighters, forces
/// and what they hold; unarmed for civilians, people, villages and houses. Kept out of line.
#[inline(never)]
fn named_side(doc: &Doc, s: &Sent, k: usize, t: &super::Tok) -> Side {
    if let Some(m) = t.ment.and_then(|m| s.ments.get(m as usize)) {
        if doc.has_kind(m, &[EntryKind::ArmedGroup, EntryKind::Military]) {
            return Side::Armed;
        }
    }
    match (t.w, t.k) {
        (_, K::Post) => Side::Armed,
        (W::Victim(VictimCategory::Combatants | VictimCategory::SecurityForces), _)
        | (W::Military, _)
        | (W::Base, _) => Side::Armed,
        (_, K::Crowd) => Side::Unarmed,
        // "armed men", "a man armed with a knife"
        (W::Victim(VictimCategory::Civilians | VictimCategory::People), _)
            if k.checked_sub(1)
                .is_some_and(|j| doc.word_at_is(s, j, lexicon::ARMED))
                || doc.word_at_is(s, k + 1, lexicon::ARMED) =>
        {
            Side::Armed
        }
        (W::Victim(VictimCategory::Civilians | VictimCategory::People), _) | (W::TownWord, _) => {
            Side::Unarmed
        }
        (W::Thing, _) if doc.word_is(t, lexicon::PROPERTY) => Side::Unarmed,
        _ => Side::Unknown,
    }
}

/// The side of the token at `k` that names people (or the posts armed men hold), not a
/// thing or a place.
fn person_side(doc: &Doc, s: &Sent, k: usize) -> Option<Side> {
    let t = s.toks.get(k)?;
    if !names_person(t) {
        return None;
    }
    let side = named_side(doc, s, k, t);
    (side != Side::Unknown).then_some(side)
}

/// The tokens of the agent after the trigger at `t`: the few words after "by" ("by armed men
/// in a car"), or none.
fn by_phrase(s: &Sent, t: usize, b: usize) -> std::ops::Range<usize> {
    (t + 1..b)
        .find(|&k| s.toks.get(k).is_some_and(|x| x.w == W::By))
        .map_or(0..0, |k| k + 1..(k + 5).min(b))
}

/// The side of the subject before the trigger, where no actor was named.
fn subject_side(doc: &Doc, s: &Sent, a: usize, t: usize) -> Side {
    // people act; "shots were observed" names no side
    toks_in(s.toks, a, t)
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, x)| names_person(x))
        .map(|(i, x)| named_side(doc, s, a + i, x))
        .find(|x| *x != Side::Unknown)
        .unwrap_or_default()
}

/// The side acted on after the trigger at `t` in the active: the first people named after
/// it, not in the agent after "by" ("injured in a shooting by armed men"), else the first
/// word of a side, a thing or a place ("shot at the vehicle of a commander" is armed,
/// "attacked a village and killed residents" not). One walk reads the people and finds
/// the agent; the words of a side that are no such people are read only if no people are
/// found, and the people read are not read again (their side is unknown).
fn side_after(doc: &Doc, s: &Sent, t: usize, b: usize) -> Side {
    let from = t + 1;
    let toks = toks_in(s.toks, from, b);
    // the agent: the few words after the first "by" ([`by_phrase`])
    let mut agent = 0..0;
    let mut by_seen = false;
    // the first word of a side not read as people
    let mut unread = None;
    for (i, x) in toks.iter().enumerate() {
        let k = from + i;
        if !by_seen && x.w == W::By {
            by_seen = true;
            agent = k + 1..(k + 5).min(b);
        }
        if !may_name_side(x) {
            continue;
        }
        if names_person(x) && !agent.contains(&k) {
            let side = named_side(doc, s, k, x);
            if side != Side::Unknown {
                return side;
            }
        } else if unread.is_none() {
            unread = Some(i);
        }
    }
    let Some(u) = unread else {
        return Side::Unknown;
    };
    toks.iter()
        .enumerate()
        .skip(u)
        .filter(|&(i, x)| may_name_side(x) && (!names_person(x) || agent.contains(&(from + i))))
        .map(|(i, x)| named_side(doc, s, from + i, x))
        .find(|x| *x != Side::Unknown)
        .unwrap_or_default()
}

/// The side acted on, and the armed groups named as targets: after the trigger in the
/// active ("attacked a checkpoint", "clashed with Al-Shabaab"); the subject in the passive.
fn other_side(
    doc: &Doc,
    s: &Sent,
    a: usize,
    b: usize,
    t: usize,
    passive: bool,
    actor_ment: Option<usize>,
) -> (Side, Vec<Entity>) {
    let mut targets: Vec<Entity> = Vec::new();
    for (mi, m) in s.ments.iter().enumerate() {
        if Some(mi) == actor_ment || m.a <= t || m.b > b {
            continue;
        }
        if !roles::is_group_only(doc, m) && !doc.has_kind(m, &[EntryKind::Military]) {
            continue;
        }
        if roles::is_compound_modifier(doc, m) || doc.is_speaker(s, m) {
            continue;
        }
        if let Some(e) = doc.as_actor(m) {
            if !targets.iter().any(|x| x.name == e.name) {
                targets.push(e);
            }
        }
    }
    // the subject in the passive; in the active, the first people named after the trigger,
    // else the first thing or place
    let side = if passive {
        subject_side(doc, s, a, t)
    } else {
        side_after(doc, s, t, b)
    };
    let side = if side == Side::Unknown && !targets.is_empty() {
        Side::Armed
    } else {
        side
    };
    (side, targets)
}

/// The size of a crowd ("around 50 workers") and what it was about ("demanding ...",
/// "against ...", "over ...").
fn crowd(doc: &Doc, s: &Sent, a: usize, b: usize) -> Crowd {
    let size = doc
        .numbers(s)
        .iter()
        .filter(|(n, na, _)| n.kind == crate::numbers::NumberKind::Count && *na >= a && *na < b)
        .find(|(_, _, nb)| {
            s.toks
                .get(*nb)
                .is_some_and(|t| matches!(t.w, W::Victim(_)) || t.k == K::Crowd)
        })
        .map(|(n, _, _)| n.count.clone());
    let about = (a..b).find(|&k| s.toks.get(k).is_some_and(|t| t.k == K::About));
    let (about, about_span) = match about.and_then(|k| {
        let start = s.toks.get(k)?.span.start;
        let end = s
            .toks
            .get(k + 1..b)?
            .iter()
            .take_while(|t| !matches!(t.punct, b',' | b'.' | b';' | b'(' | b'['))
            .last()?
            .span
            .end;
        Some(Span::new(start, end))
    }) {
        Some(sp) => (sp.get(doc.text).map(Into::into), Some(sp)),
        None => (None, None),
    };
    Crowd {
        size,
        about,
        about_span,
    }
}

/// Two readings of one event? Another day, another place or another actor is another event;
/// what one side does not know is compatible. The days are compared last: a mention's date
/// is read only when the rest agrees ([`Found::date`]).
fn compatible(doc: &Doc, e: &mut Found, f: &mut Found) -> bool {
    if e.modality != f.modality || !same_place_and_side(&e.incident, &f.incident) {
        return false;
    }
    let p = e.date(doc).and_then(|d| d.date);
    match (p, f.date(doc).and_then(|d| d.date)) {
        (Some(p), Some(q)) => p == q,
        _ => true,
    }
}

/// The places and actors of two incidents agree ([`compatible`]). The places are compared
/// first: they tell apart nearly all the incidents of one modality that do not agree.
fn same_place_and_side(x: &Incident, y: &Incident) -> bool {
    same_place(x, y)
        && match (&x.actor, &y.actor) {
            (Some(p), Some(q)) => same_side(p, q) || x.targets.iter().any(|t| same_side(t, q)),
            _ => true,
        }
}

/// The places of two incidents agree: one has none to compare by ([`place_keys`]), or they
/// share one. Loops over the two lists, which hold one key each at most comparisons, where
/// the chained iterators of the keys cost some 100 instructions a comparison.
fn same_place(x: &Incident, y: &Incident) -> bool {
    let ((xs, x_codes), (ys, y_codes)) = (place_keys(x), place_keys(y));
    let (mut x_has, mut y_has) = (false, false);
    for p in xs {
        let Some(p) = place_key(p, x_codes) else {
            continue;
        };
        x_has = true;
        for q in ys {
            let Some(q) = place_key(q, y_codes) else {
                continue;
            };
            if p == q {
                return true;
            }
            y_has = true;
        }
        if !y_has {
            return true;
        }
    }
    !x_has
}

/// What places an incident is compared by: its provinces, by their codes, when one has a
/// code, else its towns, by their names (true for codes).
fn place_keys(i: &Incident) -> (&[Place], bool) {
    if i.provinces.iter().any(|p| p.code.is_some()) {
        (&i.provinces, true)
    } else {
        (&i.locations, false)
    }
}

/// The key of place `p` ([`place_keys`]): its code, or its name.
fn place_key(p: &Place, code: bool) -> Option<&str> {
    if code {
        p.code.as_deref()
    } else {
        p.name.as_deref()
    }
}

/// True if two entities are one side: the same country, else the same name (ASCII case
/// aside); an entity with a country and one without agree when the name is the code.
fn same_side(p: &Entity, q: &Entity) -> bool {
    let lower_is = |name: &str, code: &str| {
        name.len() == code.len()
            && name
                .bytes()
                .zip(code.bytes())
                .all(|(n, c)| n.to_ascii_lowercase() == c)
    };
    match (&p.country, &q.country) {
        (Some(a), Some(b)) => a == b,
        (Some(a), None) => lower_is(&q.name, a),
        (None, Some(b)) => lower_is(&p.name, b),
        (None, None) => p.name.eq_ignore_ascii_case(&q.name),
    }
}

/// How many events back a weak mention or one that refers back ("the attack") looks for its
/// event: one retold after more events of the article is an event of its own. Bounds the
/// cost of an article of thousands of events.
const REFER_BACK: usize = 64;

/// Places the mention last in `events` (pushed there by [`extract`]): it stays there as a new
/// event, or is taken back out and merged into the earlier event it retells ([`retold`]).
fn place(doc: &Doc, events: &mut Vec<Found>) {
    let Some((f, earlier)) = events.split_last_mut() else {
        return;
    };
    let Some(i) = retold(doc, earlier, f) else {
        return;
    };
    // a retelling: taken back out (rare) and merged into the event it retells
    let Some(f) = events.pop() else {
        return;
    };
    if let Some(e) = events.get_mut(i) {
        merge(doc, e, f);
    }
}

/// The index in `events` of the event the mention `f` retells, if any ([`place`]).
fn retold(doc: &Doc, events: &mut [Found], f: &mut Found) -> Option<usize> {
    let n = events.len();
    // (the cheap test first: two strong mentions told far apart are not compared; a date
    // `compatible` would have read is read at the end for an event kept)
    let (with_last, last_compared) = match events.last_mut() {
        Some(e) => {
            let compared = is_near(e, f) || !f.strong || !e.strong;
            (compared && compatible(doc, e, f), compared)
        }
        None => (false, false),
    };
    if with_last {
        n.checked_sub(1)
    } else if !f.strong || f.refers_back {
        // a weak mention, or one that refers back ("the attack", "the clashes", "this
        // protest"), joins the last compatible event of its kind, however far back in the
        // text (of the last [`REFER_BACK`] events); the last event, if compared above, is
        // not compared again (`compatible` gives the same answer twice)
        let from = n.saturating_sub(REFER_BACK);
        let to = n.saturating_sub(usize::from(last_compared));
        let recent = events.get_mut(from..to).unwrap_or(&mut []);
        recent
            .iter_mut()
            .rposition(|e| compatible(doc, e, f))
            .map(|i| from + i)
    } else {
        None
    }
}

/// True if the mention `f` is told near the event `e`: `e` is the headline's, or `f` is at
/// most two sentences after it in its paragraph.
fn is_near(e: &Found, f: &Found) -> bool {
    e.headline || e.paragraph == f.paragraph && f.si <= e.si + 2
}

/// Merges the mention `f` into the event `e` it retells ([`place`]).
fn merge(doc: &Doc, e: &mut Found, mut f: Found) {
    // (compatible read both dates; read here too, should it not have)
    e.date(doc);
    f.date(doc);
    let far = !is_near(e, &f);
    // a mention that refers back names the event; its own words ("condemned the attack and
    // sent troops") do not change what the event was
    if !(f.refers_back && far) {
        e.signs.add(&f.signs);
    }
    e.strong |= f.strong;
    e.headline &= f.headline;
    e.refers_back &= f.refers_back;
    e.si = e.si.max(f.si);
    let (x, y) = (&mut e.incident, f.incident);
    // mentions come in text order: a repeated span is the last one (a linear check per
    // merge would make a long retelling quadratic)
    // (a mention from [`find`] is one sentence, `f.span`, with no vector of evidence yet)
    if x.evidence.is_empty() {
        x.evidence.push(e.span);
    }
    if x.evidence.last() != Some(&f.span) {
        x.evidence.push(f.span);
    }
    if x.actor.is_none() {
        x.actor = y.actor;
    }
    for t in y.targets {
        if !x.targets.iter().any(|q| q.name == t.name) {
            x.targets.push(t);
        }
    }
    if x.provinces.is_empty() && x.locations.is_empty() {
        for p in y.provinces {
            push_unique_place(&mut x.provinces, p);
        }
        for p in y.locations {
            push_unique_place(&mut x.locations, p);
        }
    }
    if x.date.is_none() {
        x.date = y.date;
    }
    if e.territory.is_none() {
        e.territory = f.territory;
    }
    merge_crowd(&mut e.crowd, f.crowd);
}

/// Merges the crowd `f` of a mention into the event's `e` ([`merge`]): the size, and what it
/// was about, where the event has none. (`None` is the default crowd: merging it can only
/// clear the span of what the crowd was about where no excerpt was read.)
fn merge_crowd(e: &mut Option<Box<Crowd>>, f: Option<Box<Crowd>>) {
    let Some(f) = f else {
        if let Some(e) = e.as_mut().filter(|e| e.about.is_none()) {
            e.about_span = None;
        }
        return;
    };
    let Some(e) = e.as_mut() else {
        *e = Some(f);
        return;
    };
    if e.size.is_none() {
        e.size = f.size;
    }
    if e.about.is_none() {
        e.about = f.about;
        e.about_span = f.about_span;
    }
}

/// A found event of [`extract`] as the public type, its parts taken out of its record (which
/// [`into_events`] then drops); `None` when its signs decide no kind ([`Found::decided`],
/// decided by [`extract`]).
fn into_event(f: &mut Found) -> Option<Event> {
    let (kind, category) = f.decided?;
    // an event of one mention: its sentence ([`Found::span`])
    if f.incident.evidence.is_empty() {
        f.incident.evidence = vec![f.span];
    }
    let incident = std::mem::take(&mut f.incident);
    Some(match kind {
        Kind::Explosion => Event::from(Explosion {
            category,
            device: f.signs.device,
            incident,
        }),
        Kind::Clash => Event::from(Clash {
            category,
            territory: f.territory.take().map(|t| *t).filter(|_| {
                matches!(
                    category,
                    Category::GovernmentRegainsTerritory | Category::NonStateOvertakesTerritory
                )
            }),
            incident,
        }),
        Kind::Attack => Event::from(Attack { category, incident }),
        Kind::Protest => Event::from(Protest {
            category,
            crowd: f.crowd.take().map(|c| *c).unwrap_or_default(),
            incident,
        }),
        Kind::Riot => Event::from(Riot {
            category,
            crowd: f.crowd.take().map(|c| *c).unwrap_or_default(),
            incident,
        }),
        Kind::Development => Event::from(Development { category, incident }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signs(cues: &[K]) -> Signs {
        let mut g = Signs::default();
        for &k in cues {
            g.cues |= bit(k);
            if let K::Device(d) = k {
                g.device = Some(d);
            }
        }
        g
    }

    #[test]
    fn acled_rules_decide_borderline_cases() {
        let kind = decide;
        // a protest with arrests is one protest, with intervention
        let g = signs(&[K::Protest, K::Arrest]);
        assert_eq!(
            kind(&g),
            Some((Kind::Protest, Category::ProtestWithIntervention))
        );
        // protesters who fight or torch make a riot
        let g = signs(&[K::Crowd, K::Fight]);
        assert_eq!(kind(&g), Some((Kind::Riot, Category::ViolentDemonstration)));
        let g = signs(&[K::Protest, K::Burn]);
        assert_eq!(kind(&g), Some((Kind::Riot, Category::ViolentDemonstration)));
        // an armed side against unarmed people is an attack; against armed men a clash
        let mut g = signs(&[K::Assault]);
        g.actor = Side::Armed;
        g.other = Side::Unarmed;
        assert_eq!(kind(&g), Some((Kind::Attack, Category::Attack)));
        g.other = Side::Armed;
        assert_eq!(kind(&g), Some((Kind::Clash, Category::ArmedClash)));
        // fighting between unarmed sides is mob violence
        let mut g = signs(&[K::Fight]);
        g.actor = Side::Unarmed;
        g.other = Side::Unarmed;
        assert_eq!(kind(&g), Some((Kind::Riot, Category::MobViolence)));
        // houses burned in an attack are the attack
        let mut g = signs(&[K::Assault, K::Burn]);
        g.other = Side::Unarmed;
        assert_eq!(kind(&g), Some((Kind::Attack, Category::Attack)));
        // an IED, then gunfire: the explosion
        let g = signs(&[K::Device(Device::Ied), K::Blast, K::Assault]);
        assert_eq!(kind(&g), Some((Kind::Explosion, Category::RemoteExplosive)));
        // a defused device is a development
        let g = signs(&[K::Device(Device::Ied), K::Seize]);
        assert_eq!(
            kind(&g),
            Some((Kind::Development, Category::DisruptedWeaponsUse))
        );
        // a flood is no event; a flood and gunmen is
        let g = signs(&[K::Disaster, K::Body]);
        assert_eq!(kind(&g), None);
        // territory taken by a state's forces
        let mut g = signs(&[K::Take]);
        g.actor = Side::Armed;
        g.state_actor = true;
        assert_eq!(
            kind(&g),
            Some((Kind::Clash, Category::GovernmentRegainsTerritory))
        );
    }

    /// The cues a word of cue `k` can give its clause: its own, or what [`cue_in_context`]
    /// reads it as with its neighbours, or [`finish`] once the clause is read (a loose bomb
    /// or mine that went off is a device). A new cue fails to compile here until listed.
    fn cues_it_can_give(k: K) -> Vec<K> {
        match k {
            // "fired on the positions": a word of no cue of class `Launch`
            K::None => vec![K::Assault],
            K::Set => vec![K::Burn, K::Establish],
            K::Control => vec![K::Take],
            K::TakeVerb | K::Trend => vec![],
            K::Exchange => vec![K::Fight],
            K::Gather => vec![K::Protest],
            K::Found => vec![K::Body],
            K::Mine => vec![K::Device(Device::Landmine)],
            K::Device(d) => vec![K::Device(d), K::Device(Device::Ied)],
            K::Fight
            | K::SmallArms
            | K::Assault
            | K::Abduct
            | K::Sexual
            | K::Blast
            | K::Protest
            | K::Riot
            | K::Unrest
            | K::Disperse
            | K::Arrest
            | K::Loot
            | K::Burn
            | K::Damage
            | K::Operation
            | K::Seize
            | K::Agree
            | K::Establish
            | K::Take
            | K::Post
            | K::Mob
            | K::About
            | K::Body
            | K::Disaster
            | K::Crowd
            | K::Foiled => vec![k],
        }
    }

    /// Every cue: one of each variant, and each device.
    fn every_cue() -> Vec<K> {
        let devices = [
            Device::Landmine,
            Device::CarBomb,
            Device::SuicideVest,
            Device::Grenade,
            Device::Bomb,
            Device::Chemical,
        ];
        let mut all = EACH_CUE.to_vec();
        all.extend(devices.map(K::Device));
        all
    }

    /// The table of the cues' bits ([`cue_bit`]) holds [`bit`] of every cue: each number
    /// of [`cue_number`] is one variant's, and [`EACH_CUE`] has them all.
    #[test]
    fn cue_bits_by_table_are_the_cues_bits() {
        for (i, &k) in EACH_CUE.iter().enumerate() {
            assert_eq!(cue_number(k), i, "{k:?}");
        }
        for k in every_cue() {
            assert_eq!(cue_bit(k), bit(k), "{k:?}");
        }
    }

    /// A pseudo-random sequence from `seed` (a linear congruential generator's high bits),
    /// for the random tests of this module.
    fn lcg(mut seed: u64) -> impl FnMut() -> usize {
        move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        }
    }

    /// The sentences walked through the masks of [`EventSentences`] are those with event
    /// words, in order, over texts of many windows of 64 sentences, with and without them
    /// in runs and alone.
    #[test]
    fn event_sentences_are_the_sentences_with_event_words() {
        let with = "Rebels attacked a village and killed 3 people.";
        let without = "The weather was fine in the town.";
        let mut next = lcg(7);
        for n in [0, 1, 63, 64, 65, 130, 200] {
            let text: Vec<&str> = (0..n)
                .map(|_| if next() % 3 == 0 { with } else { without })
                .collect();
            crate::events::testing::with_doc(&text.join(" "), None, |doc| {
                let expected: Vec<usize> = (0..doc.sents.len())
                    .filter(|&i| doc.sents[i].event_words)
                    .collect();
                let walked: Vec<usize> = EventSentences::new(&doc.sents).collect();
                assert_eq!(walked, expected, "{n} sentences");
                assert!(n < 64 || expected.len() > 10 && expected.len() < n - 10);
            });
        }
    }

    /// A sentence whose words name no other kind than a strike ([`may_tell_other_kind`] of
    /// all its tokens, the gate of [`extract`]) has no clause whose words do: passing it
    /// whole passes only clauses the clause's own test passes.
    #[test]
    fn a_strike_sentence_passed_whole_has_no_clause_of_another_kind() {
        let text = "An air strike hit a village, killing 3 people, and a drone struck a car. \
            Rebels clashed with troops after a strike on the town, and protesters gathered. \
            Jets bombed the base; an IED exploded nearby, and gunmen abducted 2 men.";
        let (mut passed, mut read) = (0, 0);
        each_sentence(text, |_, s| {
            let whole = may_tell_other_kind(s.toks);
            for &(a, b) in s.clauses {
                let clause = s.toks.get(a..b).is_some_and(may_tell_other_kind);
                assert!(whole || !clause, "{a}..{b}");
            }
            if whole {
                read += 1;
            } else {
                passed += 1;
            }
        });
        assert!(passed > 0 && read > 0, "{passed} passed, {read} read");
    }

    /// The kind an event of [`extract`] keeps ([`Found::decided`]) is the one its signs
    /// decide once all its mentions are merged, and [`into_events`] makes those events.
    #[test]
    fn the_kind_kept_is_the_one_the_signs_decide() {
        // one event a paragraph, so that none merges into another
        let text = "Gunmen attacked a village and killed 3 people.\n\nProtesters clashed with \
            police in the capital, and 2 people were killed.\n\nRebels clashed with soldiers \
            near the town, leaving 4 dead.\n\nAn IED exploded near a patrol, killing 3 \
            soldiers.\n\nFighting has intensified in recent weeks, killing 9 people.";
        crate::events::testing::with_doc(text, None, |doc| {
            let found = extract(doc, &[]);
            let decided = found.iter().filter(|f| f.decided.is_some()).count();
            for f in &found {
                assert_eq!(f.decided, decide(&f.signs));
            }
            assert!(decided >= 2, "{decided} of {}", found.len());
            let mut events = Vec::new();
            into_events(found, &mut events, text.len());
            assert_eq!(events.len(), decided);
        });
    }

    /// [`add_cue`] as it was, by a match on the cue: what the one by its bit must agree with.
    fn add_cue_by_match(g: &mut Signs, w: &mut Walk, cue: K, at: usize) {
        if matches!(cue, K::None) {
            return;
        }
        if let K::Device(d) = cue {
            g.device = match (g.device, d) {
                (Some(Device::SuicideVest), _) => Some(Device::SuicideVest),
                (Some(Device::Grenade), _) => Some(Device::Grenade),
                _ => Some(d),
            };
        }
        g.cues |= bit(cue);
        if matches!(cue, K::SmallArms) {
            w.arms_at = w.arms_at.or(Some(at));
        }
        if !matches!(cue, K::Disaster | K::Post | K::SmallArms | K::About) {
            g.lead = g.lead.or(Some(cue));
            w.first = w.first.or(Some(at));
            w.last = Some(at);
        }
    }

    /// [`add_cue`] adds what the match on the cue added, for every run of three cues a word
    /// can give ([`cues_it_can_give`], and none): a cue of no bit, which it leaves out, is
    /// none of them.
    #[test]
    fn cues_added_by_their_bits_are_added_as_by_a_match() {
        let mut given = vec![K::None];
        for k in every_cue() {
            for c in cues_it_can_give(k) {
                assert!(bit(c) != 0, "{c:?}, given by {k:?}, has no bit");
                if !given.contains(&c) {
                    given.push(c);
                }
            }
        }
        for &x in &given {
            for &y in &given {
                for &z in &given {
                    let (mut g, mut w) = (Signs::default(), Walk::default());
                    let (mut h, mut v) = (Signs::default(), Walk::default());
                    for (at, cue) in [x, y, z].into_iter().enumerate() {
                        add_cue(&mut g, &mut w, cue, at);
                        add_cue_by_match(&mut h, &mut v, cue, at);
                    }
                    let cues = [x, y, z];
                    assert_eq!(g.cues, h.cues, "{cues:?}");
                    assert_eq!(g.device, h.device, "{cues:?}");
                    assert_eq!(g.lead, h.lead, "{cues:?}");
                    assert_eq!((w.first, w.last), (v.first, v.last), "{cues:?}");
                    assert_eq!(w.arms_at, v.arms_at, "{cues:?}");
                }
            }
        }
    }

    /// A clause of a strike's sentence is passed over unread when none of its words
    /// [`tells_other_than_strike`]: no cue any word can give may keep it from being the
    /// strike's ([`is_the_strikes`]).
    #[test]
    fn a_strike_clause_is_told_by_its_words_cues() {
        for k in every_cue() {
            for c in cues_it_can_give(k) {
                let mut g = Signs::default();
                add_cue(&mut g, &mut Walk::default(), c, 0);
                if !is_the_strikes(&g) {
                    assert!(tells_other_than_strike(k), "{k:?} can give {c:?}");
                }
            }
        }
        // the words of a strike alone are the strike's
        assert!(!tells_other_than_strike(K::Assault));
        assert!(!tells_other_than_strike(K::Blast));
        assert!(!tells_other_than_strike(K::None));
    }

    #[test]
    fn boxed_crowds_merge_as_the_crowds_they_stand_for() {
        let about = |text: &str| Crowd {
            about: Some(text.into()),
            about_span: Some(Span::new(0, text.len())),
            ..Crowd::default()
        };
        // an event with no crowd takes the mention's
        let mut e = None;
        merge_crowd(&mut e, Some(Box::new(about("wages"))));
        assert_eq!(e.as_deref(), Some(&about("wages")));
        // an event's crowd keeps what it was about, and takes what it lacks
        let mut e = Some(Box::new(about("wages")));
        merge_crowd(&mut e, Some(Box::new(about("rents"))));
        assert_eq!(e.as_deref(), Some(&about("wages")));
        // a mention of no crowd is the default crowd: it clears the span of an event's
        // crowd with no excerpt, as merging `Crowd::default()` field by field did
        let mut e = Some(Box::new(Crowd {
            about_span: Some(Span::new(0, 4)),
            ..Crowd::default()
        }));
        merge_crowd(&mut e, None);
        assert_eq!(e.as_deref(), Some(&Crowd::default()));
        let mut e = None;
        merge_crowd(&mut e, None);
        assert!(e.is_none());
    }

    #[test]
    fn arrests_and_looting_are_weak() {
        assert!(!is_strong(&signs(&[K::Arrest])));
        assert!(!is_strong(&signs(&[K::Loot, K::Burn])));
        assert!(is_strong(&signs(&[K::Protest])));
        assert!(is_strong(&signs(&[K::Fight, K::Arrest])));
    }

    /// [`read_word`] reads [`lexicon::GUNFIRE`] only on assault cues.
    #[test]
    fn gunfire_words_are_assault_cues() {
        for word in lexicon::GUNFIRE {
            assert_eq!(lexicon::classify(word.as_bytes()).1, K::Assault, "{word}");
        }
    }

    /// Calls `each` with the document of `text` and each of its sentences.
    fn each_sentence(text: &str, each: impl FnMut(&Doc, &Sent)) {
        crate::events::testing::each_sentence(text, None, each);
    }

    /// [`KindWords`] finds, from any token on, the first word that is not plain, over windows
    /// of 64 tokens: in a walk that asks from one word after the last found, and asked anew.
    #[test]
    fn kind_words_are_the_words_not_plain() {
        let text = "Gunmen attacked a village, and the people of the town said that they \
            were in the houses of the old part of the town when the men came in the night \
            and that the men of the village went to the hills of the north with the \
            animals of the farms and the children of the families of the valley, as the \
            old men of the town stayed in the houses near the river and the roads to the \
            market of the town in the south of the valley, and the women of the farms \
            went with the children to the houses of the families in the west of the town \
            by the river, before police arrested two men and protesters gathered.";
        let mut long = false;
        each_sentence(text, |_, s| {
            let toks = s.toks;
            long |= toks.len() > 2 * WINDOW;
            let first_from = |from: usize| (from..toks.len()).find(|&k| !is_plain(&toks[k]));
            let mut walk = KindWords::new(toks);
            let mut from = 0;
            let mut found = 0;
            while let Some(k) = walk.next_from(from) {
                assert_eq!(Some(k), first_from(from), "walk from {from}");
                from = k + 1;
                found += 1;
            }
            assert_eq!(first_from(from), None);
            assert!(found >= 4, "the cues of the text");
            for from in 0..=toks.len() + 1 {
                assert_eq!(
                    KindWords::new(toks).next_from(from),
                    first_from(from),
                    "from {from}"
                );
            }
        });
        assert!(long, "a sentence of more than two windows");
    }

    const SIDE_TEXTS: &[&str] = &[
        "Gunmen attacked a village in Aleppo and killed residents, officials said.",
        "A man was injured in a shooting by armed men in a car near the Syrian border.",
        "Militants shot at the vehicle of a commander by the road in Idlib province.",
        "Soldiers raided houses in the town, and armed civilians by the Islamic State fired.",
        "Police attacked protesters and the army by the checkpoint in Gaza City on Monday.",
        "Troops stormed positions of al-Shabaab fighters near Mogadishu, residents said.",
        "Villagers beat up a thief by the market, then attacked two buildings in Kabul.",
        "The strike hit by the base, then by the homes of civilians in Kharkiv oblast.",
    ];

    /// [`side_after`], one walk that reads the people before any other word of a side, is
    /// the two walks it replaced: the first people after the trigger outside the agent
    /// after "by", else the first word of any side.
    #[test]
    fn the_side_after_a_trigger_is_read_in_one_walk() {
        let mut read = 0;
        for text in SIDE_TEXTS {
            each_sentence(text, |doc, s| {
                let side_of = |k: usize| {
                    s.toks
                        .get(k)
                        .filter(|x| may_name_side(x))
                        .map_or(Side::Unknown, |x| named_side(doc, s, k, x))
                };
                let b = s.toks.len();
                for t in 0..b {
                    let agent = by_phrase(s, t, b);
                    let people = (t + 1..b)
                        .filter(|k| !agent.contains(k))
                        .find_map(|k| person_side(doc, s, k));
                    let two_walks = people.unwrap_or_else(|| {
                        (t + 1..b)
                            .map(side_of)
                            .find(|x| *x != Side::Unknown)
                            .unwrap_or_default()
                    });
                    assert_eq!(side_after(doc, s, t, b), two_walks, "{text} at {t}");
                    read += usize::from(two_walks != Side::Unknown);
                }
            });
        }
        assert!(read > 20, "too few sides read: {read}");
    }

    /// [`cause`] passes the words its mark ([`lexicon::MARK_CAUSE`]) says tell no cause: a
    /// word without the mark is neither a strong trigger, a weapon noun nor a cue of a cause.
    #[test]
    fn a_cause_is_told_by_marked_words() {
        let mut marked = 0;
        for text in SIDE_TEXTS.iter().chain(&[
            "Floods killed 12 people after an airstrike and a blast hit the bridge.",
            "Drones and warplanes bombed the town as clashes and an earthquake struck.",
        ]) {
            each_sentence(text, |_, s| {
                for t in s.toks {
                    let tells =
                        matches!(t.w, W::Trigger(_, true) | W::WeaponNoun(_)) || tells_cause(t.k);
                    assert_eq!(t.marks & lexicon::MARK_CAUSE != 0, tells, "{text}");
                    marked += usize::from(tells);
                }
            });
        }
        assert!(marked > 5, "too few cause words: {marked}");
    }

    #[test]
    fn killed_is_a_casualty_word() {
        use super::super::lexicon::Pos;
        // the lexicon's "killed" is what `signs` reads as a death
        assert!(matches!(
            super::super::lexicon::classify(b"killed").0,
            W::Casualty(CasualtyKind::Killed, Pos::Verb)
        ));
    }

    /// [`retold`] as it was, comparing the last event again in its walk back: what the one
    /// that skips it must agree with.
    fn retold_comparing_all(doc: &Doc, events: &mut [Found], f: &mut Found) -> Option<usize> {
        let n = events.len();
        let with_last = match events.last_mut() {
            Some(e) => (is_near(e, f) || !f.strong || !e.strong) && compatible(doc, e, f),
            None => false,
        };
        if with_last {
            n.checked_sub(1)
        } else if !f.strong || f.refers_back {
            let from = n.saturating_sub(REFER_BACK);
            events[from..]
                .iter_mut()
                .rposition(|e| compatible(doc, e, f))
                .map(|i| from + i)
        } else {
            None
        }
    }

    /// Sentences of events told, retold, referred back to and detailed, at places, days and
    /// by actors that agree or not: the mentions of [`mentions_are_placed_as_by_comparing_all`].
    const RETELLINGS: &[&str] = &[
        "Gunmen attacked a village in Aleppo on 3 May 2020, killing 3 people.",
        "The attack was condemned by officials.",
        "Police arrested two men in Kabul on 4 May 2020.",
        "Protesters gathered in Kabul on 3 May 2020.",
        "Police fired teargas at the protesters in Kabul.",
        "Rebels clashed with soldiers near Mogadishu on 4 May 2020.",
        "The clashes left 4 dead.",
        "An IED exploded near a patrol in Idlib province.",
        "Fighting continued in Aleppo.",
        "Militants may attack the town of Kandahar.",
        "Troops stormed positions of al-Shabaab fighters near Mogadishu.",
        "Two people were killed in Idlib on 3 May 2020.",
        "Looters burned shops in Gaza City.",
        "Police arrested protesters in Aleppo.",
    ];

    /// [`retold`], which does not compare the last event twice, finds for every mention the
    /// event that comparing every event finds, over many random articles of retellings.
    #[test]
    fn mentions_are_placed_as_by_comparing_all() {
        let mut next = lcg(11);
        let (mut merged, mut skipped) = (0, 0);
        for _ in 0..60 {
            let mut text = String::new();
            for _ in 0..20 {
                text.push_str(RETELLINGS[next() % RETELLINGS.len()]);
                text.push_str(if next() % 4 == 0 { "\n\n" } else { " " });
            }
            crate::events::testing::with_doc(&text, None, |doc| {
                let mut events: Vec<Found> = Vec::new();
                for (si, s) in doc.sents.iter().enumerate() {
                    for &(a, b) in s.clauses.iter().filter(|_| s.event_words) {
                        let Some(mut f) = find(doc, si, s, a, b, false) else {
                            continue;
                        };
                        skipped += usize::from(events.last().is_some_and(|e| {
                            (is_near(e, &f) || !f.strong || !e.strong)
                                && (!f.strong || f.refers_back)
                        }));
                        let expected = retold_comparing_all(doc, &mut events, &mut f);
                        assert_eq!(retold(doc, &mut events, &mut f), expected, "{text}");
                        match expected.and_then(|i| events.get_mut(i)) {
                            Some(e) => {
                                merge(doc, e, f);
                                merged += 1;
                            }
                            None => events.push(f),
                        }
                    }
                }
            });
        }
        assert!(
            merged > 100 && skipped > 100,
            "{merged} merged, {skipped} skipped"
        );
    }

    /// [`same_place`] as it was, by iterators of the keys: what the loops must agree with.
    fn same_place_by_iterators(x: &Incident, y: &Incident) -> bool {
        let keys = |i: &Incident| -> Vec<String> {
            let (places, codes) = place_keys(i);
            let by_code = i.provinces.iter().any(|p| p.code.is_some());
            assert_eq!(codes, by_code);
            let codes = i.provinces.iter().filter_map(|p| p.code.as_deref());
            let names = i.locations.iter().filter_map(|p| p.name.as_deref());
            let keys: Vec<String> = codes
                .filter(|_| by_code)
                .chain(names.filter(|_| !by_code))
                .map(Into::into)
                .collect();
            assert!(keys.len() <= places.len());
            keys
        };
        let (px, py) = (keys(x), keys(y));
        px.is_empty() || py.is_empty() || px.iter().any(|p| py.contains(p))
    }

    /// [`same_place`] agrees with the comparison of the keys by iterators on many random
    /// pairs of incidents: provinces with and without codes, towns with and without names,
    /// none, one or several of each, some shared.
    #[test]
    fn places_compared_by_loops_agree_with_the_keys_compared() {
        use crate::model::PlaceKind;
        let mut next = lcg(5);
        let place = |kind: PlaceKind, next: &mut dyn FnMut() -> usize| {
            const KEYS: [&str; 4] = ["SY-AL", "AF-KAB", "Aleppo", "Kabul"];
            let mut key = || (next() % 3 != 0).then(|| KEYS[next() % KEYS.len()].into());
            Place {
                text: Default::default(),
                name: key(),
                kind,
                code: key(),
                country: None,
                province: None,
                span: None,
            }
        };
        let incident = |next: &mut dyn FnMut() -> usize| {
            let mut i = Incident::default();
            for _ in 0..next() % 3 {
                i.provinces.push(place(PlaceKind::Province, next));
            }
            for _ in 0..next() % 3 {
                i.locations.push(place(PlaceKind::City, next));
            }
            i
        };
        let (mut agree, mut differ) = (0, 0);
        for _ in 0..20_000 {
            let (x, y) = (incident(&mut next), incident(&mut next));
            let expected = same_place_by_iterators(&x, &y);
            assert_eq!(same_place(&x, &y), expected, "{x:?}\n{y:?}");
            if expected {
                agree += 1;
            } else {
                differ += 1;
            }
        }
        assert!(
            agree > 2_000 && differ > 2_000,
            "{agree} agree, {differ} differ"
        );
    }
}
