//! Strikes: one mention per clause with a strike trigger, merged per article.
//!
//! A trigger is strong when it names an attack from afar by itself ("airstrikes",
//! "shelled", "fired mortars", "drone strike", "Israeli strikes") and weak when it needs an
//! event already told ("the raids", "the strikes", "hit"). A weak or definite mention
//! ("Tuesday's strikes", "the raids") adds to the event told last; a strong mention starts
//! a new event unless it is the same strike again (same actor, date and places, or no
//! places of its own).

use super::identity;
use super::lexicon::{self, C, CLAIM, OWN, W};
use super::roles::{has_place, take_out};
use super::toks_in;
use super::work;
use super::{
    clause_else_sentence_date, is_locative_before, modality, nearest_event_date, paragraph_date,
    push_unique_ascending, same_code, Doc, Few, Sent,
};
use crate::bounds::{skipped, Stage};
use crate::gazetteer::{share_code, EntryKind};
use crate::model::{
    Category, DateRef, Entity, EntityKind, Event, Modality, Place, PlaceKind, Strike, Weapon,
};
use crate::span::Span;
use std::borrow::Cow;

/// Who struck, as far as one clause tells.
#[derive(Clone, Debug, PartialEq)]
enum Actor {
    Named(Entity),
    /// The text says the striker is unknown ("unidentified warplanes").
    Unknown,
    /// The clause does not say.
    Unresolved,
}

struct Found<'c> {
    si: usize,
    strong: bool,
    definite: bool,
    /// "another strike", "a second strike": not the event told before.
    another: bool,
    /// The countries it is placed in: its towns' and provinces', and a country named as a
    /// place ("in southern Lebanon"); shared codes, not copies ([`share_code`]). A list
    /// kept for the whole document and refilled per mention: most mentions merge into a
    /// strike told before and keep no list of their own.
    countries: &'c [Cow<'static, str>],
    /// Its provinces and towns ([`super::roles::places`]): lists kept for the whole document
    /// and refilled per mention, as [`Found::countries`]. A new strike, or one that has none
    /// yet, takes them out ([`take_out`]); merged into a strike's, their room is kept for
    /// the next.
    provinces: &'c mut Vec<Place>,
    locations: &'c mut Vec<Place>,
    /// The clause [a, b) and the trigger's token, for what only a new strike reads
    /// ([`New`]), and whether the mention is indefinite, read only where a merge asks
    /// ([`indefinite`]).
    a: usize,
    b: usize,
    t: usize,
    /// The mentions it came from ([`origins`]): where a new strike told with no other
    /// place is placed ([`origin`]).
    from: Vec<Option<usize>>,
    weapon: Option<Weapon>,
    actor: Actor,
    /// The sentence's base ([`Here`]): copied only into the strike that keeps it.
    base: Option<&'c Place>,
    /// Its targets: a list kept for the whole document and refilled per mention, as
    /// [`Found::provinces`]. A new strike takes it out; merged, its room is kept for the
    /// next mention, where a list of its own was allocated and freed at every merge.
    targets: &'c mut Vec<Entity>,
    date: Option<DateRef>,
    /// True if [`Found::date`] is also the date of a new event (a strong, not definite
    /// trigger); otherwise that date is read only for a mention that becomes one ([`New`]).
    date_is_new: bool,
    modality: Modality,
    evidence: Span,
}

/// The lists a mention's [`Found`] borrows, kept for the whole document and refilled per
/// mention: its countries, its places and its targets. The thread keeps them, emptied, for
/// its next text ([`Kept`]), where each article made them anew and its first mention
/// allocated each.
#[derive(Default)]
struct Lists {
    countries: Vec<Cow<'static, str>>,
    places: super::roles::PlaceLists,
    targets: Vec<Entity>,
}

impl Lists {
    fn clear(&mut self) {
        self.countries.clear();
        self.places.clear();
        self.targets.clear();
    }

    /// The room in bytes of the largest list.
    fn room(&self) -> usize {
        let bytes = |n: usize, size: usize| n.saturating_mul(size);
        bytes(
            self.countries.capacity(),
            std::mem::size_of::<Cow<'static, str>>(),
        )
        .max(bytes(
            self.targets.capacity(),
            std::mem::size_of::<Entity>(),
        ))
        .max(self.places.room())
    }
}

/// What merging needs to know of a strike told so far beside its record.
struct Told {
    actor_known: bool,
    /// The first and the last sentence that tell it: all merging reads of the sentences
    /// (they come in order, so no list of them is kept).
    first: usize,
    last: usize,
    /// The countries its mentions place it in ("in southern Lebanon", a town's country):
    /// most strikes have one, held in place, where a vector of one was an allocation for
    /// each strike ([`Few`]).
    countries: Few<Cow<'static, str>>,
}

/// The strikes told so far: the records, which are the events made at the end (not moved
/// out of a larger record each), and beside each what merging needs of it.
#[derive(Default)]
struct Accs {
    strikes: Vec<Strike>,
    told: Vec<Told>,
}

/// The strikes an article's lists are made for at its first ([`Accs::push`]): the profile
/// articles tell six on average.
const STRIKES: usize = 8;

/// One strike told so far, as a mention is compared with it.
#[derive(Clone, Copy)]
struct Acc<'a> {
    strike: &'a Strike,
    told: &'a Told,
}

impl Accs {
    fn len(&self) -> usize {
        self.strikes.len()
    }

    fn is_empty(&self) -> bool {
        self.strikes.is_empty()
    }

    /// Adds a strike: the lists are made for [`STRIKES`] at the first, as most articles
    /// tell several (a list grown from empty is moved to a larger one at its fifth strike,
    /// its ninth, ...).
    fn push(&mut self, strike: Strike, told: Told) {
        if self.strikes.is_empty() {
            self.strikes.reserve(STRIKES);
            self.told.reserve(STRIKES);
        }
        self.strikes.push(strike);
        self.told.push(told);
    }

    fn get(&self, i: usize) -> Option<Acc<'_>> {
        Some(Acc {
            strike: self.strikes.get(i)?,
            told: self.told.get(i)?,
        })
    }
}

/// The strike events of a document, and for each sentence the event told there.
pub(crate) struct Strikes {
    pub events: Vec<Strike>,
    /// Empty when no sentence tells a strike (most articles): read it with `get`.
    pub by_sentence: Vec<Option<usize>>,
    /// The list of [`Told`], emptied, and the mentions' lists: kept with the others by
    /// [`into_events`].
    told: Vec<Told>,
    lists: Lists,
}

/// The lists of [`extract`] a thread keeps, emptied, for its next text: the strikes' (some
/// 4 kB an article, an allocation above the allocator's small sizes) and what merging
/// knows of them, the strike of each sentence, and the mentions' lists.
#[derive(Default)]
struct Kept {
    accs: Accs,
    by_sentence: Vec<Option<usize>>,
    lists: Lists,
}

thread_local! {
    static KEPT: std::cell::Cell<Kept> = std::cell::Cell::default();
}

/// The room in bytes of [`Kept`]'s largest list, for [`crate::kept::keep`].
fn largest(kept: &Kept) -> usize {
    let bytes = |n: usize, size: usize| n.saturating_mul(size);
    [
        bytes(kept.accs.strikes.capacity(), std::mem::size_of::<Strike>()),
        bytes(kept.accs.told.capacity(), std::mem::size_of::<Told>()),
        bytes(
            kept.by_sentence.capacity(),
            std::mem::size_of::<Option<usize>>(),
        ),
        kept.lists.room(),
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
}

const ACTOR_KINDS: [EntryKind; 6] = [
    EntryKind::Military,
    EntryKind::ArmedGroup,
    EntryKind::Country,
    EntryKind::Demonym,
    EntryKind::Metonym,
    EntryKind::Official,
];

pub(crate) fn extract(doc: &Doc) -> Strikes {
    if skipped(Stage::Strike) {
        return Strikes {
            events: Vec::new(),
            by_sentence: Vec::new(),
            told: Vec::new(),
            lists: Lists::default(),
        };
    }
    // the thread's lists of its last text, emptied ([`into_events`])
    // (and the countries and places of the mention read last: [`Found::countries`])
    let Kept {
        mut accs,
        mut by_sentence,
        mut lists,
    } = crate::kept::take_for(&KEPT, doc.text.len());
    // only the sentences that can tell a strike or the base of one told before: the others
    // read nothing ([`StrikeSentences`])
    for si in StrikeSentences::new(&doc.sents) {
        let Some(s) = doc.sents.get(si) else {
            break;
        };
        read_sentence(doc, (si, s), &mut accs, &mut by_sentence, &mut lists);
    }
    finish(doc, accs, (by_sentence, lists))
}

/// Reads the strikes that sentence `si` (`s`) tells, each placed among `accs` ([`place`])
/// and the first of the sentence's noted in `by_sentence`, its mentions' lists in `lists`;
/// or, where it tells none, the base of the strike told last ([`base_of_last`]).
#[inline(always)]
fn read_sentence(
    doc: &Doc,
    (si, s): (usize, &Sent),
    accs: &mut Accs,
    by_sentence: &mut Vec<Option<usize>>,
    lists: &mut Lists,
) {
    let mut last_in_sentence: Option<usize> = None;
    let mut any = false;
    // the sentence's base, read once for all its clauses
    let mut here: Option<Here> = None;
    // a sentence that tells no event (a statement of condolence, a notice) has no strike,
    // nor one without a trigger, launch or weapon word
    let clauses = if s.strike_words { s.clauses } else { &[] };
    // one pass over the sentence's tokens for its clauses' trigger walks and its base
    let pass = if clauses.is_empty() {
        Pass::default()
    } else {
        Pass::of(s.toks)
    };
    for &(a, b) in clauses {
        let Some(t) = trigger(doc, s, (a, b), pass.strike) else {
            continue;
        };
        any = true;
        // a weak mention only adds to a strike told before: none yet, nothing to read
        if accs.is_empty() && !t.strong && !is_another(s, a, t.tok) {
            continue;
        }
        let here = here.get_or_insert_with(|| Here::of(doc, s, pass.words));
        let mut f = find(doc, si, s, (a, b), t, here, lists);
        let idx = place(doc, accs, &mut f, last_in_sentence);
        if let Some(i) = idx {
            last_in_sentence = Some(i);
            // made (or filled) at the first strike: most articles have none
            if by_sentence.is_empty() {
                by_sentence.resize(doc.sents.len(), None);
            }
            if let Some(slot @ None) = by_sentence.get_mut(si) {
                *slot = Some(i);
            }
        }
    }
    // the base of the strike told last ([`base_of_last`]), not sought where the
    // sentence's pass, if it was made, found no base word or "from"
    if !any && (clauses.is_empty() || pass.words.has(Words::BASE_OR_FROM)) {
        base_of_last(doc, si, s, accs);
    }
}

/// The indices of the sentences [`extract`] reads, in order: those with strike words
/// ([`Sent::strike_words`]) and those with a base word or "from" (its second marks,
/// [`lexicon::SEEK_BASE_OR_FROM`]), which may tell the base of the strike told last
/// ([`base_of_last`]). The others, of neither, tell no strike and no base. Found through a
/// mask of 64 sentences at a time: a test of each sentence's flag was mispredicted at one
/// sentence in two, as the sentences of strike words and the others alternate with no
/// pattern. Written out like the kinds' `EventSentences`: one iterator generic over the
/// test, for both, changed the compiler's inlining of other code (+0.15 M instructions
/// over 300 articles).
struct StrikeSentences<'d, 't> {
    sents: &'d [Sent<'t>],
    /// The first sentence of the window the mask covers.
    base: usize,
    /// Bit i set where the sentence `base + i` is read and not returned yet.
    mask: u64,
}

impl<'d, 't> StrikeSentences<'d, 't> {
    fn new(sents: &'d [Sent<'t>]) -> Self {
        StrikeSentences {
            sents,
            base: 0,
            mask: strike_mask(sents),
        }
    }
}

impl Iterator for StrikeSentences<'_, '_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            self.base += 64;
            let rest = self.sents.get(self.base..).filter(|r| !r.is_empty())?;
            self.mask = strike_mask(rest);
        }
        let i = self.mask.trailing_zeros() as usize;
        // the lowest bit cleared
        self.mask &= self.mask - 1;
        Some(self.base + i)
    }
}

/// Bit i set where the sentence i of the first 64 of `sents` is one [`StrikeSentences`]
/// returns: one shift and or a sentence, with no branch.
fn strike_mask(sents: &[Sent]) -> u64 {
    let sents = sents.get(..64).unwrap_or(sents);
    sents.iter().enumerate().fold(0, |m, (i, s)| {
        let read = s.strike_words | (s.seek & lexicon::SEEK_BASE_OR_FROM != 0);
        m | u64::from(read) << i
    })
}

/// "The aircraft had taken off from Hmeimim air base": the base told in sentence `si` (`s`),
/// which has no strike of its own, given to the strike told last if it has none and was told
/// at most two sentences before.
#[inline(always)]
fn base_of_last(doc: &Doc, si: usize, s: &Sent, accs: &mut Accs) {
    if let (Some(st), Some(told)) = (accs.strikes.last_mut(), accs.told.last()) {
        if st.base.is_none() && si <= told.last + 2 {
            if let (Some(b), _) = base(doc, s) {
                st.base = Some(b);
                st.evidence.push(s.span);
            }
        }
    }
}

/// The article's strikes once every sentence is read: a strike with no place takes its
/// paragraph's, and its targets are pruned.
#[inline(always)]
fn finish(doc: &Doc, mut accs: Accs, (by_sentence, lists): (Vec<Option<usize>>, Lists)) -> Strikes {
    for (st, told) in accs.strikes.iter_mut().zip(&accs.told) {
        if st.provinces.is_empty() && st.locations.is_empty() {
            super::roles::paragraph_places(doc, told.first, &mut st.provinces, &mut st.locations);
        }
        prune_targets(&mut st.targets);
    }
    accs.told.clear();
    Strikes {
        events: accs.strikes,
        by_sentence,
        told: accs.told,
        lists,
    }
}

/// What an actor is known by: the country of a state or force that has one, else its name
/// (ASCII case ignored).
#[derive(Clone, Copy)]
enum Key<'e> {
    Country(&'e str),
    Name(&'e str),
}

fn key(e: &Entity) -> Key<'_> {
    match e.country.as_deref() {
        Some(c) if e.kind == EntityKind::State || e.kind == EntityKind::Military => Key::Country(c),
        _ => Key::Name(&e.name),
    }
}

/// True if two actors are known by the same key: compared in place, as a merge compares
/// every mention with the strikes told before it (no lowercased copies).
fn same_actor(a: &Entity, b: &Entity) -> bool {
    // a country code is compared with a name as the name lowercased
    let code_is_name = |c: &str, n: &str| {
        c.len() == n.len()
            && c.bytes()
                .zip(n.bytes())
                .all(|(x, y)| x == y.to_ascii_lowercase())
    };
    match (key(a), key(b)) {
        (Key::Country(x), Key::Country(y)) => x == y,
        (Key::Name(x), Key::Name(y)) => x.eq_ignore_ascii_case(y),
        (Key::Country(c), Key::Name(n)) | (Key::Name(n), Key::Country(c)) => code_is_name(c, n),
    }
}

/// How many of the strikes told last a mention may refer back to: a news article retells a
/// strike paragraphs later, but merging must not grow with the square of a long text.
const LOOK_BACK: usize = 32;

/// True if a mention can tell the strike of `acc`: the same modality, and no conflict of
/// actor or day (what one side does not know agrees with anything).
fn compatible(acc: Acc, f: &Found) -> bool {
    if acc.strike.modality != f.modality {
        return false;
    }
    // the mention's actor first: it is the same for every strike one merge compares it
    // with, so this branch follows it, where one on both actors at once was mispredicted
    // at most strikes
    let actor_ok = match &f.actor {
        Actor::Unresolved => true,
        Actor::Unknown => acc.strike.actor.is_none(),
        Actor::Named(b) => match &acc.strike.actor {
            Some(a) => same_actor(a, b),
            None => !acc.told.actor_known,
        },
    };
    // a side with no date the text gives agrees with any day ([`identity::dates_agree`]):
    // told here, with no call, for the many mentions and strikes that have none
    actor_ok
        && (untold(&f.date)
            || untold(&acc.strike.date)
            || identity::dates_agree(acc.strike.date.as_ref(), f.date.as_ref()))
}

/// True if `d` is no date the text gives (none, or the report's): one that
/// [`identity::dates_agree`] finds agrees with any date.
fn untold(d: &Option<DateRef>) -> bool {
    d.as_ref().is_none_or(|d| d.inferred)
}

/// True if a mention's countries agree with the strike's: either knows none, or they share
/// one ([`countries_agree`]).
fn same_country(acc: Acc, f: &Found) -> bool {
    countries_agree(acc.told.countries.as_slice(), f.countries)
}

/// True if two lists of countries agree: either is empty, or they share a code.
#[inline]
fn countries_agree(theirs: &[Cow<'static, str>], mine: &[Cow<'static, str>]) -> bool {
    // codes compared as words ([`same_code`]), not by a call to `memcmp` each
    match (theirs, mine) {
        ([], _) | (_, []) => true,
        // most strikes and mentions have one country: compared with no loop, where the two
        // loops' exits were mispredicted
        ([x], [c]) => same_code(x, c),
        _ => mine.iter().any(|c| theirs.iter().any(|x| same_code(x, c))),
    }
}

/// True if a mention's places agree with the strike's (see [`identity::places_agree`]): a
/// mention that tells a strike of its own must name the same provinces, one that refers back
/// (weak or definite) some of them.
fn same_place(acc: Acc, f: &Found) -> bool {
    let how = if f.strong && !f.definite {
        identity::Match::Same
    } else {
        identity::Match::Overlap
    };
    let acc_places = (&acc.strike.provinces[..], &acc.strike.locations[..]);
    same_country(acc, f) && identity::places_agree(acc_places, (f.provinces, f.locations), how)
}

/// True if the places a mention's sentence names beside it (`hint`, [`hint`]) agree with
/// the strike's.
fn hinted(acc: Acc, hint: &[Place]) -> bool {
    let acc_places = (&acc.strike.provinces[..], &acc.strike.locations[..]);
    identity::places_agree(acc_places, (&[], hint), identity::Match::Overlap)
}

/// The strike a mention tells again, if any. Several clauses of one sentence tell one strike;
/// otherwise the strike told last (of the last [`LOOK_BACK`]) whose actor, day and place agree
/// with the mention's: a mention that refers back ("the strike", "the raids") or retells the
/// strike through another source merges into it, even paragraphs later, and another day,
/// place or actor is another strike. A weak or definite mention ("the strikes killed three")
/// with no such strike adds to the last one of the same actor and day, an indefinite one ("a
/// strike on...") does not. "Another strike" or a
/// sentence that opens with "Separately," tells no strike of an earlier sentence.
fn same_event(doc: &Doc, accs: &Accs, f: &Found, last_in_sentence: Option<usize>) -> Option<usize> {
    if let Some(i) = last_in_sentence {
        let acc = accs.get(i)?;
        let no_places = f.provinces.is_empty() && f.locations.is_empty();
        if compatible(acc, f) && (no_places || same_place(acc, f) || !f.strong && !f.another) {
            return Some(i);
        }
    }
    if f.another {
        return None;
    }
    let first = accs.len().saturating_sub(LOOK_BACK);
    work::add(accs.len() - first);
    // one walk back, each strike tested once: the last that agrees in place, else the last
    // compatible one; the strike of the speakers' town before any other that agrees
    // ("rescuers in Ariha said the strike...")
    let mut agreeing = None;
    let mut weak = None;
    // the places the sentence names beside the mention, read when a strike first agrees
    // with it (most mentions merge before, or name places of their own)
    let mut hint: Option<Vec<Place>> = None;
    for i in (0..accs.len() - first).rev() {
        let Some(acc) = accs.get(first + i) else {
            continue;
        };
        if !compatible(acc, f) {
            continue;
        }
        weak = weak.or(Some(i));
        if !same_place(acc, f) {
            continue;
        }
        let hint = hint.get_or_insert_with(|| hint_of(doc, f));
        if hint.is_empty() || hinted(acc, hint) {
            return Some(first + i);
        }
        agreeing = agreeing.or(Some(i));
    }
    // "a strike on..." ([`is_indefinite`]) read only here, where it decides: an event
    // introduced, not one referred back to
    let weak = || weak.filter(|_| (!f.strong || f.definite) && !indefinite(doc, f));
    agreeing.or_else(weak).map(|i| first + i)
}

/// Adds a mention to the events: merged into one already told, or as a new one.
/// The mention is read by reference and its parts taken out of it: a move of the whole
/// (several hundred bytes) costs a copy per mention.
fn place(
    doc: &Doc,
    accs: &mut Accs,
    f: &mut Found,
    last_in_sentence: Option<usize>,
) -> Option<usize> {
    match same_event(doc, accs, f, last_in_sentence) {
        Some(i) => {
            let st = accs.strikes.get_mut(i)?;
            let told = accs.told.get_mut(i)?;
            merge(st, told, f, doc.exact_lists);
            Some(i)
        }
        None if f.strong => {
            let si = f.si;
            let known = !matches!(f.actor, Actor::Unresolved);
            let New { origin, date_new } = New::of(doc, f);
            let date_new = if f.date_is_new {
                f.date.take()
            } else {
                date_new
            };
            let provinces = take_out(f.provinces, doc.exact_lists);
            let locations = take_out(f.locations, doc.exact_lists);
            let strike = Strike {
                modality: f.modality,
                // room for the sentences that retell it, merged below
                evidence: with_first(f.evidence),
                actor: match std::mem::replace(&mut f.actor, Actor::Unresolved) {
                    Actor::Named(e) => Some(e),
                    _ => None,
                },
                // written below, where the mention has one (few do)
                base: None,
                targets: take_out(f.targets, doc.exact_lists),
                provinces: if provinces.is_empty() && locations.is_empty() {
                    origin.provinces
                } else {
                    provinces
                },
                locations: if locations.is_empty() {
                    origin.locations
                } else {
                    locations
                },
                date: date_new,
                weapon: f.weapon,
                category: category_of(f.weapon),
                fatalities: None,
            };
            accs.push(
                strike,
                Told {
                    actor_known: known,
                    first: si,
                    last: si,
                    countries: {
                        let mut v = Few::NONE;
                        for c in f.countries {
                            v.push(c.clone());
                        }
                        v
                    },
                },
            );
            // the base written in place: a `None` in the record above wrote the whole place,
            // a call to `memcpy` for each new strike
            if let (Some(b), Some(st)) = (f.base, accs.strikes.last_mut()) {
                st.base = Some(b.clone());
            }
            Some(accs.len() - 1)
        }
        None => None,
    }
}

/// A list of `x` with room for seven more: a strike is often retold, and a list made
/// for one item would be moved to a larger one at its first retelling (one of four, at
/// its fourth: one strike in eight of the profile's).
fn with_first<T>(x: T) -> Vec<T> {
    let mut v = Vec::with_capacity(8);
    v.push(x);
    v
}

/// Adds a mention to a strike told before, taking what it keeps out of the mention.
fn merge(s: &mut Strike, told: &mut Told, f: &mut Found, exact: bool) {
    for c in f.countries {
        if !told.countries.as_slice().iter().any(|x| same_code(x, c)) {
            told.countries.push(c.clone());
        }
    }
    push_unique_ascending(&mut s.evidence, f.evidence);
    // the sentences are read in order: a mention's is the last so far
    told.last = told.last.max(f.si);
    match f.actor {
        Actor::Named(_) if s.actor.is_none() => {
            if let Actor::Named(e) = std::mem::replace(&mut f.actor, Actor::Unresolved) {
                s.actor = Some(e);
            }
            told.actor_known = true;
        }
        Actor::Unknown => told.actor_known = true,
        _ => {}
    }
    // written only where the mention has a base (few do): the assignment of `None` wrote
    // the whole place, a call to `memcpy` at every merge
    if let (None, Some(b)) = (&s.base, f.base) {
        s.base = Some(b.clone());
    }
    for t in f.targets.drain(..) {
        if !s.targets.iter().any(|x| x.name == t.name) {
            s.targets.push(t);
        }
    }
    merge_places(&mut s.provinces, f.provinces, exact);
    merge_places(&mut s.locations, f.locations, exact);
    if s.date.is_none() {
        s.date = f.date.take();
    }
    if s.weapon.is_none() {
        s.weapon = f.weapon;
        s.category = category_of(s.weapon);
    }
}

/// Moves a mention's places to a strike's, those it has not (as [`push_unique_place`] of
/// each would). A mention's list has no place twice ([`super::roles::places`]): where the
/// strike has none yet, the list is taken out as [`take_out`] does. Always inlined: out of
/// line (as small edits elsewhere left it), its two calls a merge cost some 0.3 M
/// instructions over the profile.
///
/// [`push_unique_place`]: super::roles::push_unique_place
#[inline(always)]
fn merge_places(to: &mut Vec<Place>, from: &mut Vec<Place>, exact: bool) {
    if to.is_empty() {
        // taken whole, or copied where lists are exact (the mention's then keeps its room)
        if !from.is_empty() {
            *to = take_out(from, exact);
        }
        return;
    }
    // the places the strike has are dropped where they stand and the others moved in one
    // block, where each was moved out of the list and into the strike's (two copies of 152
    // bytes); the strike's list as it was is all the test needs, as the mention's has no
    // place twice
    work::add(to.len().saturating_mul(from.len()));
    from.retain(|p| !has_place(to, p));
    to.append(from);
}

/// ACLED's sub-event type of a strike by its means: aircraft and drones, or anything fired
/// from the ground (a strike of unknown means is most often shelling in the news).
fn category_of(weapon: Option<Weapon>) -> Category {
    match weapon {
        Some(Weapon::Air | Weapon::Drone) => Category::AirDroneStrike,
        _ => Category::ShellingArtilleryMissile,
    }
}

/// Generic targets ("militants") go when the same event names armed groups.
fn prune_targets(targets: &mut Vec<Entity>) {
    if targets.iter().any(|t| t.kind != EntityKind::Generic) {
        targets.retain(|t| t.kind != EntityKind::Generic);
    }
}

fn weapon_of(w: W) -> Option<Weapon> {
    match w {
        W::WeaponNoun(x) => Some(x),
        _ => None,
    }
}

/// The weapon the word at `k` names where it stands: "air" and "aerial" count only right
/// before a trigger, and "tear gas shells" are no weapon.
fn weapon_at(doc: &Doc, s: &Sent, k: usize) -> Option<Weapon> {
    let t = s.toks.get(k)?;
    let w = weapon_of(t.w)?;
    // the air words are aircraft nouns: no other weapon needs its word read
    if w == Weapon::Air
        && doc.word_is(t, lexicon::AIR_WORDS)
        && !doc.word_at_is(s, k + 1, lexicon::AIR_HEADS)
    {
        return None;
    }
    if k > 0 && NOT_ARMS_BEFORE.at(doc, s, k - 1) {
        return None;
    }
    Some(w)
}

/// The clause [a, b) whose trigger is sought, with what is read of it once, when the first
/// trigger asks, not by a scan of the clause for every trigger (a clause of N weak triggers
/// cost N scans, issue 13).
struct Clause<'a, 'd> {
    doc: &'a Doc<'d>,
    s: &'a Sent<'d>,
    a: usize,
    b: usize,
    /// The clause's tokens, and the sentence's trigger words ([`Pass::strike`]), of which its
    /// weapon nouns are some ([`Clause::weapon`]).
    toks: &'a [super::Tok],
    strike: u64,
    weapon: std::cell::OnceCell<Option<Weapon>>,
    air: std::cell::OnceCell<bool>,
}

impl Clause<'_, '_> {
    /// The weapon of the clause: the first that is not aircraft, else aircraft.
    fn weapon(&self) -> Option<Weapon> {
        let (doc, s, a, b) = (self.doc, self.s, self.a, self.b);
        *self.weapon.get_or_init(|| {
            work::add(b - a);
            // one pass: the first weapon other than aircraft, else the first aircraft
            let mut air = None;
            // over the clause's trigger, launch and weapon words only, a weapon noun being
            // one ([`TriggerWords`]: most read from the sentence's mask), where a walk of the
            // clause tested every token
            let mut words = TriggerWords::of(self.toks, a, self.strike);
            while let Some(j) = words.next() {
                let Some(t) = self.toks.get(j) else { break };
                if !matches!(t.w, W::WeaponNoun(_)) {
                    continue;
                }
                match weapon_at(doc, s, a + j) {
                    Some(Weapon::Air) => air = air.or(Some(Weapon::Air)),
                    Some(w) => return Some(w),
                    None => {}
                }
            }
            air
        })
    }

    /// Whether aircraft are named in the clause by a word other than "air" or "aerial".
    fn air(&self) -> bool {
        let (doc, s, a, b) = (self.doc, self.s, self.a, self.b);
        *self.air.get_or_init(|| {
            toks_in(s.toks, a, b)
                .iter()
                .any(|x| x.w == W::WeaponNoun(Weapon::Air) && !doc.word_is(x, lexicon::AIR_WORDS))
        })
    }
}

/// The trigger of a clause [a, b) ([`Trigger`]): its first strong trigger, else its first
/// weak one. `strike`: the sentence's trigger words ([`Pass::strike`]).
fn trigger(doc: &Doc, s: &Sent, (a, b): (usize, usize), strike: u64) -> Option<Trigger> {
    let clause = s.toks.get(a..b).unwrap_or(&[]);
    work::add(clause.len());
    // what is read of the clause is read when a trigger word first asks: most clauses have
    // none, and the walk below is their only pass
    let cl = Clause {
        doc,
        s,
        a,
        b,
        toks: clause,
        strike,
        weapon: std::cell::OnceCell::new(),
        air: std::cell::OnceCell::new(),
    };
    let mut weak: Option<Trigger> = None;
    // the words that can start a strike, read from the sentence's mask (most of a clause's
    // tokens are none)
    let mut words = TriggerWords::of(clause, a, strike);
    while let Some(j) = words.next() {
        let i = a + j;
        let Some(tok) = clause.get(j) else { break };
        let found = match tok.w {
            W::Trigger(wp, strong) => by_trigger(&cl, i, wp, strong),
            W::Launch => by_launch(&cl, i),
            W::WeaponNoun(w) if w != Weapon::Air || doc.word_is(tok, lexicon::BOMBERS) => {
                by_weapon(&cl, i, w)
            }
            _ => None,
        };
        let Some((i, weapon, strong)) = found else {
            continue;
        };
        if strong {
            return Some(Trigger {
                tok: i,
                weapon,
                strong: true,
                definite: is_definite(doc, s, a, i),
            });
        }
        // a weak trigger after the first is kept for nothing: its article is not read
        if weak.is_none() {
            weak = Some(Trigger {
                tok: i,
                weapon,
                strong: false,
                definite: is_definite(doc, s, a, i),
            });
        }
    }
    weak
}

/// The trigger, launch and weapon words of a clause, in order: those of the sentence's
/// first [`Pass::COVERED`] tokens read from its mask ([`Pass::strike`]), a bit each, where
/// a walk of the clause's tokens stopped at each (its exit was mispredicted at most
/// clauses); the rest, in a longer sentence, walked ([`next_trigger_word`]).
struct TriggerWords<'t> {
    clause: &'t [super::Tok],
    /// The clause's words of the mask not yet visited, a bit each (bit `j`: token `j` of the
    /// clause).
    mask: u64,
    /// The clause's first token past the mask's, from which the walk reads.
    next: usize,
}

impl<'t> TriggerWords<'t> {
    /// The words of the clause `clause` starting at the sentence's token `a`, whose trigger
    /// words are `strike`.
    fn of(clause: &'t [super::Tok], a: usize, strike: u64) -> TriggerWords<'t> {
        // the clause's tokens the mask covers ([`Pass::COVERED`])
        let covered = Pass::COVERED.saturating_sub(a).min(clause.len());
        let low = u64::MAX
            .checked_shr(64u32.saturating_sub(covered as u32))
            .unwrap_or(0);
        TriggerWords {
            clause,
            mask: strike.checked_shr(a.min(64) as u32).unwrap_or(0) & low,
            next: covered,
        }
    }

    /// The next trigger word's index in the clause.
    fn next(&mut self) -> Option<usize> {
        if self.mask != 0 {
            let j = self.mask.trailing_zeros() as usize;
            self.mask &= self.mask - 1;
            return Some(j);
        }
        if self.next >= self.clause.len() {
            return None;
        }
        let j = next_trigger_word(self.clause, self.next)?;
        self.next = j + 1;
        Some(j)
    }
}

/// The first token of `clause` at or after `from` that is a trigger, launch or weapon word:
/// the only words [`trigger`] reads, walked for only past the tokens a sentence's mask tells
/// ([`TriggerWords`], a long sentence's). Out of line: inlined into the walk, its loop kept
/// five more counters for the walk's body (16 instructions a token, not 6). Told by the
/// token's [`lexicon::MARK_STRIKE`], the mark of exactly those classes, one test of a bit
/// where the three classes took a load, a subtraction and a compare.
#[inline(never)]
fn next_trigger_word(clause: &[super::Tok], from: usize) -> Option<usize> {
    let k = clause
        .get(from..)?
        .iter()
        .position(|t| t.marks & lexicon::MARK_STRIKE != 0)?;
    Some(from + k)
}

/// A trigger word at `i` (weapon `wp`, `strong` by the lexicon): whether it starts a strike,
/// with its weapon and whether it is strong.
fn by_trigger(
    cl: &Clause,
    i: usize,
    wp: Option<Weapon>,
    strong: bool,
) -> Option<(usize, Option<Weapon>, bool)> {
    let (doc, s, a) = (cl.doc, cl.s, cl.a);
    let tok = s.toks.get(i)?;
    let prev = i
        .checked_sub(1)
        .filter(|&j| j >= a)
        .and_then(|j| s.toks.get(j));
    let next = s.toks.get(i + 1);
    let prev_weapon = i.checked_sub(1).filter(|&j| j >= a).and_then(|j| {
        prev.and_then(|p| weapon_of(p.w))
            .filter(|_| !TEAR_GAS.at(doc, s, j.wrapping_sub(1)))
    });
    if next.is_some_and(|n| n.w == W::Campaign) {
        return None;
    }
    if prev.is_some_and(|p| matches!(p.w, W::Improvised | W::NotAttack)) {
        return None;
    }
    // the trigger's word is compared with the (lowercase) lists ASCII case aside, not
    // lowercased into a copy
    if is_bomb_thing(doc, s, i, tok) && !cl.air() {
        return None;
    }
    let is_attack = is_attack_word(doc, tok);
    if is_attack && prev_weapon.is_none() && !ATTACK_AS_VERB.at(doc, s, i.wrapping_sub(1)) {
        return None;
    }
    // the words around a trigger strong by itself are not read, and the clause's weapon only
    // where the trigger's own words leave it to decide
    let strong = strong
        || prev_weapon.is_some()
        || actor_before(doc, s, prev, tok)
        || verb_after_aux(doc, s, a, i, tok)
        || (!is_attack && cl.weapon().is_some());
    let weapon = wp.or(prev_weapon).or_else(|| cl.weapon());
    Some((i, weapon, strong))
}

/// True if the token starts with the "attack" stem, ASCII case aside: its first bytes read
/// from the text, with no word sliced at char boundaries.
fn is_attack_word(doc: &Doc, tok: &super::Tok) -> bool {
    let stem = lexicon::ATTACK_STEM.as_bytes();
    tok.span.len() >= stem.len()
        && doc
            .text
            .as_bytes()
            .get(tok.span.start..tok.span.start + stem.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(stem))
}

/// "bombs" as a thing ("two bombs planted", "a bomb exploded"): whether the trigger `tok` at
/// `i` is such a noun, no air strike unless aircraft drop it or it is a kind dropped from the
/// air.
fn is_bomb_thing(doc: &Doc, s: &Sent, i: usize, tok: &super::Tok) -> bool {
    BOMB_NOUNS.has(doc, tok) && !doc.word_at_is(s, i.wrapping_sub(1), lexicon::BOMB_NOT_THING)
}

/// "Israeli strikes", "a coalition strike", "regime raids": whether an actor stands right
/// before the trigger `tok` (token `prev`).
fn actor_before(doc: &Doc, s: &Sent, prev: Option<&super::Tok>, tok: &super::Tok) -> bool {
    prev.is_some_and(|p| {
        matches!(p.w, W::Coalition | W::Regime)
            || p.ment
                .and_then(|m| s.ments.get(m as usize))
                .is_some_and(|m| {
                    doc.has_kind(
                        m,
                        &[EntryKind::Demonym, EntryKind::Country, EntryKind::Military],
                    )
                })
    }) && ACTOR_TRIGGERS.has(doc, tok)
}

/// "would strike", "to strike", "did not strike": whether the trigger `tok` at `i` is a verb
/// after an auxiliary, not an anaphor.
fn verb_after_aux(doc: &Doc, s: &Sent, a: usize, i: usize, tok: &super::Tok) -> bool {
    i > a && AUX_BEFORE_VERB.at(doc, s, i - 1) && VERB_TRIGGERS.has(doc, tok)
}

/// "mortar fire", "shells fired by", "rockets launched from": whether the launch word at `i`
/// starts a strike, by a weapon other than aircraft after or just before it.
fn by_launch(cl: &Clause, i: usize) -> Option<(usize, Option<Weapon>, bool)> {
    let (doc, s, a, b) = (cl.doc, cl.s, cl.a, cl.b);
    let ahead = (i + 1..(i + 7).min(b))
        .filter_map(|k| weapon_at(doc, s, k))
        .find(|w| *w != Weapon::Air);
    // "mortar fire", "shells fired by", "rockets launched from"
    let behind = (i.saturating_sub(3).max(a)..i)
        .rev()
        .take_while(|&k| {
            s.toks
                .get(k)
                .is_some_and(|x| matches!(x.w, W::Aux | W::WeaponNoun(_)))
        })
        .find_map(|k| weapon_at(doc, s, k))
        .filter(|w| *w != Weapon::Air);
    ahead.or(behind).map(|w| (i, Some(w), true))
}

/// Whether the weapon noun `w` at `i` starts a strike: one with "by" after it or just
/// before it.
fn by_weapon(cl: &Clause, i: usize, w: Weapon) -> Option<(usize, Option<Weapon>, bool)> {
    let (doc, s, a) = (cl.doc, cl.s, cl.a);
    let by = |j: usize| doc.class_word_at(s, j, W::By, lexicon::BY);
    let by_after = by(i + 1);
    let by_before = (i.saturating_sub(4).max(a)..i).any(by);
    (weapon_at(doc, s, i).is_some() && (by_after || by_before)).then_some((i, Some(w), true))
}

/// "the strikes", "these raids", "Tuesday's strikes", "the air raids".
fn is_definite(doc: &Doc, s: &Sent, a: usize, t: usize) -> bool {
    let mut i = t;
    while i > a {
        i -= 1;
        let Some(tok) = s.toks.get(i) else {
            return false;
        };
        match tok.w {
            W::WeaponNoun(_) => continue,
            W::Definite => return doc.word_is(tok, lexicon::POINTING_BACK),
            _ if is_apostrophe_s(doc, tok) => {
                // "Tuesday's strikes": a date before the possessive
                return i
                    .checked_sub(1)
                    .is_some_and(|j| doc.dates(s).iter().any(|(_, da, db)| *da <= j && j < *db));
            }
            _ => return false,
        }
    }
    false
}

/// True if the token is "'s": the tokenizer makes it one token of punctuation, "'" and the
/// "s" after it, so its mark and length tell most tokens without their word sliced from the
/// text.
fn is_apostrophe_s(doc: &Doc, tok: &super::Tok) -> bool {
    tok.punct == b'\'' && tok.span.len() == 2 && doc.word(tok) == lexicon::APOSTROPHE_S
}

/// The trigger of a clause found by [`trigger`].
#[derive(Clone, Copy)]
struct Trigger {
    /// The token of the trigger word.
    tok: usize,
    weapon: Option<Weapon>,
    /// A strong trigger (an attack word or one that names its weapon), not a weak one.
    strong: bool,
    /// "the strikes", "these raids" ([`is_definite`]).
    definite: bool,
}

/// The strike a clause [a, b) with the trigger `trig` tells: its actor, places, targets,
/// dates and how it refers to strikes told before.
fn find<'c>(
    doc: &Doc,
    si: usize,
    s: &Sent,
    (a, b): (usize, usize),
    trig: Trigger,
    here: &'c Here,
    lists: &'c mut Lists,
) -> Found<'c> {
    let Trigger {
        tok: t,
        weapon,
        strong,
        definite,
    } = trig;
    let modality = modality::of(doc, s, a, t);
    let (actor, actor_ment) = actor(doc, s, (a, b, t), here.words);
    let (base, base_ment) = (here.base.0.as_deref(), here.base.1);
    // a vector only where the sentence names where fire came from, as most do not
    let from: Vec<Option<usize>> = if here.from_or_base {
        origins(s).collect()
    } else {
        Vec::new()
    };
    // where the strike came from is not where it hit (skipped: the actor's and the base's
    // mentions, then those)
    let with_origins: Vec<Option<usize>>;
    let sides = [actor_ment, base_ment];
    let skip: &[Option<usize>] = if from.is_empty() {
        &sides
    } else {
        with_origins = sides.iter().chain(&from).copied().collect();
        &with_origins
    };
    let Lists {
        countries,
        places,
        targets,
    } = lists;
    super::roles::places_into(doc, s, a, b, skip, places);
    let super::roles::Where {
        provinces,
        locations,
    } = &mut places.found;
    let another = here.words.has(Words::ANOTHER) && is_another(s, a, t);
    place_countries((provinces, locations), countries);
    clause_targets(doc, s, (a, b, t), here, skip, targets, countries);
    // only a mention that may start a strike of its own ([`Found::strong`]) needs the date
    // of a new event
    let date_is_new = strong && !definite;
    let date = mention_date(doc, si, s, (a, b, t), date_is_new);
    Found {
        si,
        strong: strong || another,
        definite: definite && !another,
        another,
        countries,
        a,
        b,
        t,
        from,
        weapon,
        actor,
        base,
        targets,
        provinces,
        locations,
        date,
        date_is_new,
        modality,
        evidence: s.span,
    }
}

/// The targets of clause [a, b) with its trigger at `t`, into `targets` (emptied first): the
/// roles of its mentions not in `skip` ([`mention_roles`], which also adds their countries),
/// then the combatant nouns after the trigger ([`generic_targets`]).
fn clause_targets(
    doc: &Doc,
    s: &Sent,
    (a, b, t): (usize, usize, usize),
    here: &Here,
    skip: &[Option<usize>],
    targets: &mut Vec<Entity>,
    countries: &mut Vec<Cow<'static, str>>,
) {
    targets.clear();
    mention_roles(doc, s, (a, b, t), skip, targets, countries);
    // (a combatant noun told by the sentence's second marks, where a victim of any
    // category is most often none)
    if here.words.has(Words::VICTIM) && s.seek & lexicon::SEEK_COMBATANT != 0 {
        generic_targets(doc, s, b, t, targets);
    }
}

/// The date of a mention in clause [a, b) with its trigger at `t`: that of a new strike
/// ([`date_of_new`]) where it may start one (`is_new`), else the nearest date told close by.
fn mention_date(
    doc: &Doc,
    si: usize,
    s: &Sent,
    (a, b, t): (usize, usize, usize),
    is_new: bool,
) -> Option<DateRef> {
    if is_new {
        date_of_new(doc, si, s, a, b, t)
    } else {
        nearest_event_date(doc, s, a, b, t, Some(4))
    }
}

/// What a sentence tells of where its strikes came from, read once for all its clauses
/// (most trigger sentences have one clause that reaches [`find`], some several).
struct Here {
    /// The base of the strikes the sentence tells ([`base`]), and its mention: the place
    /// boxed, as few sentences name one, so that a sentence's `Here` is a few words moved
    /// into its slot, not a call to `memcpy` for a place that is most often none.
    base: (Option<Box<Place>>, Option<usize>),
    /// The classes of word the sentence has ([`Words`]).
    words: Words,
    /// True if a token of the sentence is a base word or "from": else it names neither a
    /// base nor where fire came from ([`origins`]), and one pass over its tokens rules both
    /// out.
    from_or_base: bool,
}

impl Here {
    /// The sentence `s`'s, whose classes of word are `words` ([`Pass::words`]).
    fn of(doc: &Doc, s: &Sent, words: Words) -> Here {
        // every base and origin is a mention with its base word or "from" at most five
        // tokens before it or one after it ([`base`], [`origins`]): only the tokens from five
        // before the first mention to one after the last are read (none without a mention)
        // (their range read only in a sentence with such a word: most have none)
        let from_or_base = words.has(Words::BASE_OR_FROM) && {
            let (lo, hi) = match (s.ments.first(), s.ments.iter().map(|m| m.b).max()) {
                (Some(first), Some(last)) => (first.a.saturating_sub(5), last + 1),
                _ => (0, 0),
            };
            toks_in(s.toks, lo, hi)
                .iter()
                .any(|x| matches!(x.w, W::Base | W::From))
        };
        Here {
            base: if from_or_base {
                let (place, ment) = base(doc, s);
                (place.map(Box::new), ment)
            } else {
                (None, None)
            },
            from_or_base,
            words,
        }
    }
}

/// A word list with its filter ([`lexicon::Shapes`]): most words that are in no list are
/// told by their length and first letter, two table reads, before the list is read
/// ([`Doc::word_is`] compares the word's length with each listed word's, a loop whose
/// branches follow the text).
struct Listed {
    words: &'static [&'static str],
    shapes: lexicon::Shapes,
}

impl Listed {
    const fn of(words: &'static [&'static str]) -> Listed {
        Listed {
            words,
            shapes: lexicon::Shapes::of(&[words]),
        }
    }

    /// True if the word of `t` is one of the list (ASCII case ignored).
    fn has(&self, doc: &Doc, t: &super::Tok) -> bool {
        let n = t.span.len();
        doc.text
            .as_bytes()
            .get(t.span.start)
            .is_some_and(|&b| self.shapes.may_start(b, n))
            && lexicon::is_one_of(doc.word(t), self.words)
    }

    /// True if sentence `s` has a token `i` whose word is one of the list.
    fn at(&self, doc: &Doc, s: &Sent, i: usize) -> bool {
        s.toks.get(i).is_some_and(|t| self.has(doc, t))
    }
}

/// The lists read at most triggers, with their filters.
static AUX_BEFORE_VERB: Listed = Listed::of(lexicon::AUX_BEFORE_VERB);
static VERB_TRIGGERS: Listed = Listed::of(lexicon::VERB_TRIGGERS);
static NOT_ARMS_BEFORE: Listed = Listed::of(lexicon::NOT_ARMS_BEFORE);
static BOMB_NOUNS: Listed = Listed::of(lexicon::BOMB_NOUNS);
static ACTOR_TRIGGERS: Listed = Listed::of(lexicon::ACTOR_TRIGGERS);
static INSTRUMENT: Listed = Listed::of(lexicon::INSTRUMENT);
static MILITARY_SPEAKER: Listed = Listed::of(lexicon::MILITARY_SPEAKER);
static TEAR_GAS: Listed = Listed::of(lexicon::TEAR_GAS);
static ATTACK_AS_VERB: Listed = Listed::of(lexicon::ATTACK_AS_VERB);

/// The classes of word a sentence has of those that the walks of its clauses seek (an
/// unknown striker, "another", a victim, a base or "from", a reporting verb, "by"): one
/// pass over its tokens for all its clauses, where most sentences have few of them and each
/// walk was made for each clause. Not "between", a word of a class most sentences have (a
/// locative): told by its length at every token, it cost more than the walk of the clause
/// for the few mentions that seek it ([`between`]).
#[derive(Clone, Copy, Default)]
struct Words(u8);

impl Words {
    const UNKNOWN: u8 = 1;
    const ANOTHER: u8 = 2;
    /// A victim of any category: [`generic_targets`] reads those of combatants (a test of
    /// the category at every word cost five instructions a word, or a branch).
    const VICTIM: u8 = 4;
    const BASE_OR_FROM: u8 = 8;
    const REPORT: u8 = 16;
    const BY: u8 = 32;

    /// The bit of each class ([`lexicon::C`]), 0 for the classes not sought.
    const BITS: [u8; 64] = lexicon::class_table(&[
        (C::Unknown, Words::UNKNOWN),
        (C::Another, Words::ANOTHER),
        (C::Base, Words::BASE_OR_FROM),
        (C::From, Words::BASE_OR_FROM),
        (C::Report, Words::REPORT),
        (C::By, Words::BY),
        (C::Victim, Words::VICTIM),
    ]);

    /// True if the sentence has a word of the class `bit`.
    fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

/// What one pass over a strike sentence's tokens tells its clauses' walks: the classes of
/// word it has ([`Words`]) and which of its first tokens are trigger, launch or weapon
/// words ([`TriggerWords`]). One read of each token's class, with no branch but the loop's,
/// where a walk for the classes and one for the trigger words each mispredicted their
/// exits (and the trigger walk each trigger word it stopped at).
#[derive(Clone, Copy, Default)]
struct Pass {
    words: Words,
    /// Bit `i`: token `i` is a trigger, launch or weapon word ([`lexicon::MARK_STRIKE`]), for
    /// the first [`Pass::COVERED`] tokens.
    strike: u64,
}

impl Pass {
    /// The bit of [`lexicon::MARK_STRIKE`] in a token's marks.
    const SHIFT: u32 = lexicon::MARK_STRIKE.trailing_zeros();
    /// The tokens [`Pass::strike`] tells: those whose mark was not shifted out.
    const COVERED: usize = 64 - Pass::SHIFT as usize;

    /// The pass over a sentence's tokens `toks`.
    fn of(toks: &[super::Tok]) -> Pass {
        let mut seen = 0;
        let mut strike = 0u64;
        // from the last token, so that each shifts the later ones up a bit: token `i`'s mark
        // ends at bit `i + 2`, where [`lexicon::MARK_STRIKE`] is (those past shifted out)
        for x in toks.iter().rev() {
            seen |= x.read(&Words::BITS);
            strike = (strike << 1) | u64::from(x.marks & lexicon::MARK_STRIKE);
        }
        Pass {
            words: Words(seen),
            strike: strike >> Pass::SHIFT,
        }
    }
}

/// The date of a strike a clause [a, b) with the trigger at `t` starts: the nearest in the
/// clause, else in the sentence, else the paragraph's.
fn date_of_new(doc: &Doc, si: usize, s: &Sent, a: usize, b: usize, t: usize) -> Option<DateRef> {
    clause_else_sentence_date(doc, s, (a, b), t, nearest_event_date)
        .or_else(|| paragraph_date(doc, si))
}

/// What only a mention that starts a strike of its own needs, read when it does (most
/// mentions retell a strike told before): where it came from, when it names no other place
/// ("shelled border posts from Kunar"), and the date of a new event (unless it is
/// [`Found::date`]).
struct New {
    origin: super::roles::Where,
    date_new: Option<DateRef>,
}

impl New {
    fn of(doc: &Doc, f: &Found<'_>) -> New {
        let Some(s) = doc.sents.get(f.si) else {
            return New {
                origin: super::roles::Where::default(),
                date_new: None,
            };
        };
        let (a, b) = (f.a, f.b);
        New {
            origin: origin(doc, s, a, b, f.provinces, f.locations, &f.from),
            date_new: if f.date_is_new {
                None
            } else {
                date_of_new(doc, f.si, s, a, b, f.t)
            },
        }
    }
}

/// A strike told with no place but where it came from (the mentions `from`) is placed there,
/// if it is new: the places of the clause's other mentions, none where it names its own.
fn origin(
    doc: &Doc,
    s: &Sent,
    a: usize,
    b: usize,
    provinces: &[Place],
    locations: &[Place],
    from: &[Option<usize>],
) -> super::roles::Where {
    if provinces.is_empty() && locations.is_empty() && !from.is_empty() {
        let others: Vec<Option<usize>> = (0..s.ments.len())
            .map(Some)
            .filter(|m| !from.contains(m))
            .collect();
        super::roles::places(doc, s, a, b, &others)
    } else {
        super::roles::Where::default()
    }
}

/// "another strike", or a sentence that opens with "Separately," / "In a separate attack":
/// whether the strike at `t` is not the one told before.
fn is_another(s: &Sent, a: usize, t: usize) -> bool {
    let marker = |x: &super::Tok| x.w == W::Another;
    // the four words before the trigger in its clause, and the sentence's first four
    toks_in(s.toks, a.max(t.saturating_sub(4)), t)
        .iter()
        .any(marker)
        || toks_in(s.toks, 0, t.min(4)).iter().any(marker)
}

/// The mentions of the clause [a, b) with its trigger at `t` that tell the strike, leaving
/// out those in `skip` (actor, base, where it came from): the armed groups after the trigger
/// are its targets, pushed to `targets` ([`group_target`]), and a country after a place word
/// one of its countries, added to `countries` ([`country_mention`]). One walk of the
/// sentence's mentions for both, where each had its own (and its exit mispredicted).
fn mention_roles(
    doc: &Doc,
    s: &Sent,
    (a, b, t): (usize, usize, usize),
    skip: &[Option<usize>],
    targets: &mut Vec<Entity>,
    countries: &mut Vec<Cow<'static, str>>,
) {
    for (mi, m) in s.ments.iter().enumerate() {
        // each told by its kinds first, a bit that passes most mentions (towns, states) with
        // a branch the predictor gets, before where it stands is read
        if super::roles::is_group_only(doc, m) {
            group_target(doc, s, (a, b, t), skip, (mi, m), targets);
        }
        if doc.has_kind(m, &[EntryKind::Country]) {
            country_mention(doc, s, (a, b), skip, (mi, m), countries);
        }
    }
}

/// A target: the armed group `m` (mention `mi`), if it stands after the trigger `t` in the
/// clause [a, b) and is not in `skip`, pushed to `targets` once.
fn group_target(
    doc: &Doc,
    s: &Sent,
    (a, b, t): (usize, usize, usize),
    skip: &[Option<usize>],
    (mi, m): (usize, &super::Ment),
    targets: &mut Vec<Entity>,
) {
    if !(m.a > t && m.a >= a && m.b <= b) || skip.contains(&Some(mi)) {
        return;
    }
    // "the Houthi-run health ministry said", "IS-held villages": a modifier, not a target
    if !super::roles::is_compound_modifier(doc, m) && !doc.is_speaker(s, m) {
        if let Some(e) = doc.as_actor(m) {
            if !targets.iter().any(|x: &Entity| x.name == e.name) {
                targets.push(e);
            }
        }
    }
}

/// Generic targets: the combatant nouns after the trigger `t` in the clause (up to `b`) that
/// no figure counts, added to `targets`.
fn generic_targets(doc: &Doc, s: &Sent, b: usize, t: usize, targets: &mut Vec<Entity>) {
    let after = toks_in(s.toks, t + 1, b);
    let combatants = |x: &super::Tok| x.w == W::Victim(crate::model::VictimCategory::Combatants);
    // the combatant nouns sought by a loop of their own, with no counter beside the slice's
    // (a walk with the token's index in hand kept three a token)
    let mut from = 0;
    while let Some(j) = after
        .get(from..)
        .and_then(|r| r.iter().position(combatants))
    {
        let j = from + j;
        from = j + 1;
        let i = t + 1 + j;
        // a noun inside a mention ("Syrian Democratic Forces") is no generic target,
        // whatever figure is before it: told first, so that the sentence's figures are not
        // read for it (they are read when a rule first asks, and no other rule asks for
        // those of some strike sentences)
        if let Some(tok) = after.get(j).filter(|tok| tok.ment.is_none()) {
            let counted = doc
                .numbers(s)
                .iter()
                .any(|(_, _, nb)| *nb == i || *nb + 1 == i);
            if !counted {
                let name = doc.word(tok).to_ascii_lowercase();
                if !targets.iter().any(|e: &Entity| e.name == name) {
                    targets.push(Entity {
                        name: name.into(),
                        kind: EntityKind::Generic,
                        country: None,
                        span: tok.span,
                        text: Default::default(),
                    });
                }
            }
        }
    }
}

/// The places of a mention's sentence that are not the strike's ([`hint`]): none where it
/// names places of its own.
fn hint_of(doc: &Doc, f: &Found) -> Vec<Place> {
    match doc.sents.get(f.si) {
        Some(s) if f.provinces.is_empty() && f.locations.is_empty() => hint(doc, s),
        _ => Vec::new(),
    }
}

/// "Rescuers in Ariha said the strike on the town...": where the speakers are tells which
/// strike a mention with no place of its own refers to; the sentence's places that are not
/// countries (read for a mention that has no places of its own).
fn hint(doc: &Doc, s: &Sent) -> Vec<Place> {
    s.ments
        .iter()
        .filter_map(|m| doc.place_ref(s, m))
        .filter(|p| p.kind != PlaceKind::Country)
        .map(|p| p.to_place())
        .collect()
}

/// Whether the mention `f` is indefinite ([`is_indefinite`]).
fn indefinite(doc: &Doc, f: &Found) -> bool {
    doc.sents
        .get(f.si)
        .is_some_and(|s| is_indefinite(s, f.a, f.t))
}

/// "a coalition strike on...", "an air raid": whether the article of the trigger's phrase
/// is indefinite.
fn is_indefinite(s: &Sent, a: usize, t: usize) -> bool {
    // the three words before the trigger in its clause, back to a punctuation mark: read
    // with no branch but the loop's, where a walk that stopped at the first article or mark
    // was mispredicted at one trigger in two
    let before = s.toks.get(a.max(t.saturating_sub(3))..t).unwrap_or(&[]);
    let mut open = true;
    let mut found = false;
    for x in before.iter().rev() {
        open &= x.punct == 0;
        found |= open & (x.w == W::Indefinite);
    }
    found
}

/// The countries a mention places a strike in, first those of its provinces and towns: the
/// list `v` emptied and filled with them (the clause's countries after a place word are
/// added by [`country_mention`]).
fn place_countries((provinces, locations): (&[Place], &[Place]), v: &mut Vec<Cow<'static, str>>) {
    v.clear();
    // a place's country is a shared code already: copied, not looked up again; the two
    // lists walked one after the other, where a chain of them tested which one it was in at
    // each step (5.5 k mispredicted branches over the profile's 300 articles)
    for list in [provinces, locations] {
        for c in list.iter().filter_map(|p| p.country.as_ref()) {
            if !v.iter().any(|x| same_code(x, c)) {
                v.push(c.clone());
            }
        }
    }
}

/// A country the clause [a, b) names after a place word ("struck the launchers in southern
/// Lebanon"): the country of the mention `m` (mention `mi`, one with a country among its
/// entries), if it is not in `skip` (actor, base, where it came from), added to `v` once.
fn country_mention(
    doc: &Doc,
    s: &Sent,
    (a, b): (usize, usize),
    skip: &[Option<usize>],
    (mi, m): (usize, &super::Ment),
    v: &mut Vec<Cow<'static, str>>,
) {
    if m.a < a || m.b > b || skip.contains(&Some(mi)) || !is_locative_before(s, m.a) {
        return;
    }
    if let Some(p) = doc.place_ref(s, m).filter(|p| p.kind == PlaceKind::Country) {
        if let Some(c) = p
            .country()
            .or(p.entry.code())
            .filter(|c| !v.iter().any(|x| same_code(x, c)))
        {
            v.push(share_code(c));
        }
    }
}

/// The mentions a strike came from: "from southern Lebanon", "from the Belgorod region of
/// Russia" (the place right after "from", and what hangs on it with "of").
fn origins<'s>(s: &'s Sent<'s>) -> impl Iterator<Item = Option<usize>> + 's {
    let fired = |from: usize| {
        (from.saturating_sub(4)..from).any(|k| {
            s.toks
                .get(k)
                .is_some_and(|x| matches!(x.w, W::Launch | W::Trigger(..) | W::WeaponNoun(_)))
        })
    };
    s.ments.iter().enumerate().filter_map(move |(mi, m)| {
        // "stretching from Al Mayadin to Al-Bukamal" is a stretch, not where fire came from
        if s.toks
            .get(m.b)
            .is_some_and(|x| x.w == W::Other && x.punct == 0)
            && s.toks.get(m.b + 1).is_some_and(|x| x.ment.is_some())
        {
            return None;
        }
        let mut k = m.a;
        // back over "the", "southern", "region of"
        for _ in 0..5 {
            let prev = k.checked_sub(1).and_then(|j| s.toks.get(j))?;
            // a place word directly before the name ("southern"), or "of" after a province word
            let place_word = k == m.a
                || k.checked_sub(2)
                    .and_then(|j| s.toks.get(j))
                    .is_some_and(|x| x.w == W::ProvinceWord);
            match prev.w {
                W::From => return fired(k - 1).then_some(Some(mi)),
                W::Locative if place_word => k -= 1,
                W::Definite | W::ProvinceWord | W::Other if prev.punct == 0 => k -= 1,
                _ => return None,
            }
        }
        None
    })
}

/// The base a strike flew from, and the mention that names it.
type Base = (Option<Place>, Option<usize>);

/// The base the strike flew from: "an Iranian airbase", "from a base in Iran", "from Hmeimim".
fn base(doc: &Doc, s: &Sent) -> Base {
    // a sentence with no base word nor "from" (its second marks) names no base, told
    // without a walk of its mentions' tokens
    if s.seek & lexicon::SEEK_BASE_OR_FROM == 0 {
        return (None, None);
    }
    base_walk(doc, s)
}

/// [`base`] with no test of the sentence's second marks.
fn base_walk(doc: &Doc, s: &Sent) -> Base {
    // every base read below is a mention with a base word or "from" near it (a base word
    // right after a token of it, two before one, or "from" up to three before it): only the
    // mentions' tokens and the few before and after each are read to rule a sentence out,
    // not all its tokens (most sentences have no base)
    let near_mention = |m: &super::Ment| {
        s.toks
            .get(m.a.saturating_sub(3)..(m.b + 1).min(s.toks.len()))
            .unwrap_or(&[])
            .iter()
            .any(|t| matches!(t.w, W::Base | W::From))
    };
    if !s.ments.iter().any(near_mention) {
        return (None, None);
    }
    let by_word = s.toks.iter().enumerate().find_map(|(i, tok)| match tok.w {
        W::Base => base_at_word(doc, s, i, tok),
        _ => None,
    });
    match by_word.or_else(|| named_base(doc, s)) {
        Some((place, mi)) => (Some(place), Some(mi)),
        None => (None, None),
    }
}

/// The base told by the base word `tok` at `i`: a state's ("Iranian airbase") or a place's
/// ("from a base in Iran"), with its mention's index.
fn base_at_word(doc: &Doc, s: &Sent, i: usize, tok: &super::Tok) -> Option<(Place, usize)> {
    // "Iranian airbase"
    let before = i.checked_sub(1).and_then(|j| s.toks.get(j));
    if let Some(mi) = before.and_then(|p| p.ment).map(usize::from) {
        if let Some(m) = s.ments.get(mi) {
            if let Some(e) = doc.as_actor(m).filter(|e| e.kind == EntityKind::State) {
                return Some((air_base(e.country, m.m.span.cover(tok.span)), mi));
            }
        }
    }
    // "from a base in Iran"
    let from = (i.saturating_sub(3)..i).any(|j| doc.class_word_at(s, j, W::From, lexicon::FROM));
    if !(from && doc.class_word_at(s, i + 1, W::Locative, lexicon::IN)) {
        return None;
    }
    let mi = usize::from(s.toks.get(i + 2)?.ment?);
    let m = s.ments.get(mi)?;
    let p = doc.place_ref(s, m)?;
    let country = p.country().map(share_code);
    Some((air_base(country, tok.span.cover(m.m.span)), mi))
}

/// A named air base after "from", with its mention's index.
fn named_base(doc: &Doc, s: &Sent) -> Option<(Place, usize)> {
    s.ments.iter().enumerate().find_map(|(mi, m)| {
        let after_from = m.a > 0
            && (m.a.saturating_sub(3)..m.a)
                .any(|j| doc.class_word_at(s, j, W::From, lexicon::FROM));
        if !after_from || !doc.has_kind(m, &[EntryKind::AirBase]) {
            return None;
        }
        let p = doc.place_ref(s, m)?;
        (p.kind == PlaceKind::AirBase).then(|| (p.to_place(), mi))
    })
}

/// An air base known by its country alone, told by the words at `span`.
fn air_base(country: Option<Cow<'static, str>>, span: Span) -> Place {
    Place {
        text: Default::default(),
        name: None,
        kind: PlaceKind::AirBase,
        code: None,
        country,
        province: None,
        span: Some(span),
    }
}

/// The striker of the trigger at `t` in clause [a, b): (actor, its mention index).
/// `words`: the classes of word the sentence has, which spare the walks for the others.
fn actor(
    doc: &Doc,
    s: &Sent,
    (a, b, t): (usize, usize, usize),
    words: Words,
) -> (Actor, Option<usize>) {
    let speech = if words.has(Words::REPORT) {
        speech(doc, s, t)
    } else {
        None
    };
    let mut best = match scan(doc, s, (a, b, t), speech, words) {
        Scan::By(mi, e) => return (Actor::Named(e), Some(mi)),
        Scan::Best(best) => best,
    };
    first_subject(doc, s, a, t, &mut best);
    // "unidentified warplanes": no guess, unless the subject stands right before the trigger
    // (its words are read only where they decide)
    let unknown = || {
        words.has(Words::UNKNOWN)
            && toks_in(s.toks, a, b.min(t + 4))
                .iter()
                .any(|t| t.w == W::Unknown)
    };
    if let Some((mi, e)) = best {
        if s.ments.get(mi).is_some_and(|m| m.b + 1 >= t) || !unknown() {
            return (Actor::Named(e), Some(mi));
        }
        return (Actor::Unknown, None);
    }
    if unknown() {
        return (Actor::Unknown, None);
    }
    // "the army said it shelled": the speaker; "activists said government forces shelled":
    // who the report names
    let (ga, gt) = match speech {
        Some(sp) if sp.own => (a, sp.verb.max(a)),
        Some(sp) if sp.verb <= a + SPEAKER_WORDS + 1 => ((sp.verb + 1).max(a), t),
        _ => (a, t),
    };
    if let Some(e) = super::roles::generic_actor(doc, s, ga, gt) {
        return (Actor::Named(e), None);
    }
    // "..., Russia's defence ministry said": a military speaker reports its own strike
    // (not "Ukraine's emergency service said", which speaks for the side struck); only in a
    // sentence with a reporting verb
    let speaker = || {
        s.ments
            .iter()
            .enumerate()
            .find(|(_, m)| is_military_speaker(doc, s, t, m))
    };
    if let Some((mi, m)) = words.has(Words::REPORT).then(speaker).flatten() {
        if let Some(e) = doc.as_actor(m) {
            return (Actor::Named(e), Some(mi));
        }
    }
    // "between" sought only here, in the clause of a striker not told otherwise
    between(doc, s, a, b).unwrap_or((Actor::Unresolved, None))
}

/// What [`scan`] finds of the actor among the mentions of a sentence.
enum Scan {
    /// "by LNA forces" after the trigger: the actor, whatever else is named.
    By(usize, Entity),
    /// The best subject before the trigger, if any: in the clause, else before it.
    Best(Option<(usize, Entity)>),
}

/// The actor a sentence's mentions name for the trigger at `t` in clause [a, b) (`speech`:
/// the report it is told in): an agent after "by", else the best subject before it.
/// `words`: the classes of word the sentence has ([`Words`]).
fn scan(
    doc: &Doc,
    s: &Sent,
    (a, b, t): (usize, usize, usize),
    speech: Option<Speech>,
    words: Words,
) -> Scan {
    // the first agent: "by LNA forces" after the trigger, whatever else is named (only in a
    // sentence with "by"; the words around a mention read before its entries)
    let agents = if words.has(Words::BY) { s.ments } else { &[] };
    for (mi, m) in agents.iter().enumerate() {
        if m.a > t && m.a < b && is_agent(doc, s, t, m) && may_act(doc, s, t, m, speech) {
            if let Some(e) = doc.as_actor(m) {
                return Scan::By(mi, e);
            }
        }
    }
    // the best subject is the last in the clause, else the last before it: sought from the
    // end, so that only the subject kept is read as an actor, not every one before it
    let mut before: Option<(usize, Entity)> = None;
    for (mi, m) in s.ments.iter().enumerate().rev() {
        let in_clause = m.a >= a;
        // outside the clause, only a subject before it, and only the last
        if m.b > t || !in_clause && (m.b > a || before.is_some()) {
            continue;
        }
        if !may_act(doc, s, t, m, speech) || is_no_subject(doc, s, t, m) {
            continue;
        }
        let Some(e) = doc.as_actor(m) else {
            continue;
        };
        if in_clause {
            return Scan::Best(Some((mi, e)));
        }
        before = Some((mi, e));
    }
    Scan::Best(before)
}

/// Whether the mention `m` can be the actor of the trigger at `t` at all, wherever it
/// stands ([`scan`]): an actor's entry, not the speaker of the report `speech` the strike
/// is told in, not a modifier.
fn may_act(doc: &Doc, s: &Sent, t: usize, m: &super::Ment, speech: Option<Speech>) -> bool {
    if !doc.has_kind(m, &ACTOR_KINDS) {
        return false;
    }
    // "Israel's army said the rockets were fired...": the speaker did not fire them,
    // unless it speaks of its own act ("France's army said it had killed")
    if let Some(sp) = speech {
        let told = m.a > sp.verb && m.a < t;
        if sp.own && told || !sp.own && speaks(doc, s, m, sp.verb) {
            return false;
        }
    }
    // "the Hamas-run health ministry", "IS-held villages": a modifier acts on nothing
    !super::roles::is_compound_modifier(doc, m)
}

/// "by LNA forces", "by alleged LNA forces", "by suspected Israeli jets": whether the
/// mention `m` is the agent right after the trigger at `t` ("strikes carried out by",
/// "shells fired by"), not "facilities run by".
fn is_agent(doc: &Doc, s: &Sent, t: usize, m: &super::Ment) -> bool {
    let by_at = (m.a.saturating_sub(3)..m.a)
        .rev()
        .take_while(|&j| {
            s.toks.get(j).is_some_and(|p| {
                p.punct == 0
                    && (p.w == W::By
                        || p.w == W::Other
                        || p.w == W::Definite
                        || p.w == W::Indefinite)
            })
        })
        .find(|&j| s.toks.get(j).is_some_and(|p| p.w == W::By));
    by_at.is_some_and(|j| {
        j > t
            && (t + 1..j).all(|k| {
                s.toks.get(k).is_some_and(|x| {
                    matches!(x.w, W::Aux | W::Launch | W::WeaponNoun(_))
                        || doc.word_is(x, lexicon::CARRIED_OUT)
                })
            })
    })
}

/// Whether the mention `m` before the trigger at `t` is no subject that strikes: a
/// modifier of a thing or of people, a place after a locative, a patron, or only a place.
fn is_no_subject(doc: &Doc, s: &Sent, t: usize, m: &super::Ment) -> bool {
    let next = s.toks.get(m.b);
    let group = doc.has_kind(m, &[EntryKind::ArmedGroup, EntryKind::Military]);
    // "Israeli tanks shelled": things that fire are the striker's
    let firing = m.b + 1 == t;
    if next.is_some_and(|n| {
        matches!(n.w, W::Thing if !firing)
            || matches!(
                n.w,
                W::Base
                    | W::Victim(crate::model::VictimCategory::Civilians)
                    | W::Victim(crate::model::VictimCategory::People)
            )
            || (!group && n.w == W::Victim(crate::model::VictimCategory::Combatants))
            // "-" is a token of punctuation of its own: told by its mark, not its word
            || n.punct == b'-'
    }) {
        return true;
    }
    // "killed in Israeli strikes": the place word governs the strikes, not the people
    let adjective = m.b == t && doc.has_kind(m, &[EntryKind::Demonym]);
    if is_locative_before(s, m.a) && !adjective {
        return true;
    }
    // "pro-Iran militias": the patron is not the striker (every patron word ends with a
    // hyphen: the byte before the name is read first)
    let start = m.m.span.start;
    let hyphen = start
        .checked_sub(1)
        .and_then(|k| doc.text.as_bytes().get(k))
        .is_some_and(|&c| c == b'-');
    if hyphen
        && doc
            .text
            .get(start.saturating_sub(4)..start)
            .is_some_and(|p| lexicon::is_one_of(p, lexicon::PATRON_BEFORE))
    {
        return true;
    }
    // a place that is only a place (a town, a province) is not an actor
    !doc.has_kind(m, &ACTOR_KINDS)
}

/// "National Resistance and coalition forces fired": the first of the coordinated
/// subjects; "X destroyed a tank of Y with artillery fire": the subject, not the nearest.
/// Replaces `best` with that subject where one is.
fn first_subject(doc: &Doc, s: &Sent, a: usize, t: usize, best: &mut Option<(usize, Entity)>) {
    if let Some((bi, _)) = best {
        // the words before the trigger are read only where a subject was found
        let instrument = (t.saturating_sub(3).max(a)..t).any(|k| INSTRUMENT.at(doc, s, k));
        let bm = s.ments.get(*bi).copied();
        let coordinated =
            bm.is_some_and(|m| m.a >= 2 && s.toks.get(m.a - 1).is_some_and(|x| x.w == W::Conj));
        if instrument || coordinated {
            let first = s.ments.iter().enumerate().find(|(_, m)| {
                m.a >= a
                    && m.b <= t
                    && doc.has_kind(m, &ACTOR_KINDS)
                    && !is_locative_before(s, m.a)
                    && (instrument || bm.is_some_and(|b| m.b + 1 == b.a))
            });
            if let Some((mi, m)) = first {
                if let Some(e) = doc.as_actor(m) {
                    *best = Some((mi, e));
                }
            }
        }
    }
}

/// Whether the mention `m` after the trigger at `t` is a military speaker that reports its
/// own strike: "Moscow said", "the IDF said", "Russia's defence ministry said"; not
/// "Israeli police said", whose name may also be a force's.
fn is_military_speaker(doc: &Doc, s: &Sent, t: usize, m: &super::Ment) -> bool {
    // the token tests first: the gazetteer's entries and the word lists only after them
    let military_speaker = || {
        let speaks_itself = s.toks.get(m.b).is_some_and(|x| x.w == W::Report);
        doc.has_kind(m, &[EntryKind::Metonym])
            || doc.has_kind(m, &[EntryKind::Military]) && speaks_itself
            || (m.b..(m.b + 4).min(s.toks.len())).any(|k| MILITARY_SPEAKER.at(doc, s, k))
    };
    m.a > t
        && (m.b..(m.b + 5).min(s.toks.len()))
            .any(|k| s.toks.get(k).is_some_and(|x| x.w == W::Report))
        && military_speaker()
        && doc.has_kind(
            m,
            &[
                EntryKind::Country,
                EntryKind::Metonym,
                EntryKind::Military,
                EntryKind::Demonym,
            ],
        )
        && !is_locative_before(s, m.a)
}

/// "shelling exchange between regime forces and rebels": the first party after "between"
/// in the clause [a, b), named or generic.
fn between(doc: &Doc, s: &Sent, a: usize, b: usize) -> Option<(Actor, Option<usize>)> {
    // a sentence without the word (its second marks, [`lexicon::SEEK_BETWEEN`]) is not
    // walked: most have none, and the walk mispredicted at the locatives it passed
    if s.seek & lexicon::SEEK_BETWEEN == 0 {
        return None;
    }
    between_walk(doc, s, a, b)
}

/// [`between`] with no test of the sentence's second marks: the walk of the clause [a, b)
/// for "between".
fn between_walk(doc: &Doc, s: &Sent, a: usize, b: usize) -> Option<(Actor, Option<usize>)> {
    // "between" is a locative: the class and the length, told together with one branch a
    // token (the class alone was mispredicted at most locatives), rule out the other words
    // without reading them
    let n = lexicon::BETWEEN.iter().map(|w| w.len());
    let (short, long) = (n.clone().min().unwrap_or(0), n.max().unwrap_or(0));
    let k = a + toks_in(s.toks, a, b).iter().position(|x| {
        let len = x.span.len();
        (x.w == W::Locative) & (len >= short) & (len <= long) && doc.word_is(x, lexicon::BETWEEN)
    })?;
    if let Some((mi, m)) = s
        .ments
        .iter()
        .enumerate()
        .find(|(_, m)| m.a > k && m.b <= b)
    {
        if m.a <= k + 3 && doc.has_kind(m, &ACTOR_KINDS) {
            if let Some(e) = doc.as_actor(m) {
                return Some((Actor::Named(e), Some(mi)));
            }
        }
    }
    super::roles::generic_actor(doc, s, k + 1, (k + 4).min(b)).map(|e| (Actor::Named(e), None))
}

/// The most words between a speaker's name and its reporting verb ("Syria's state news
/// agency SANA said").
const SPEAKER_WORDS: usize = 5;

/// True if the mention is the subject of the reporting verb at `verb`: its name, then at most
/// [`SPEAKER_WORDS`] words of its own ("'s health ministry", "-run health ministry").
fn speaks(doc: &Doc, s: &Sent, m: &super::Ment, verb: usize) -> bool {
    m.b <= verb
        && verb - m.b <= SPEAKER_WORDS
        && (m.b..verb).all(|k| {
            s.toks
                .get(k)
                .is_some_and(|x| x.punct == 0 || is_apostrophe_s(doc, x))
        })
}

/// A report before a trigger: the reporting verb ("Israel's army said", "according to"), and
/// whether the speaker tells its own act.
#[derive(Clone, Copy)]
struct Speech {
    verb: usize,
    own: bool,
}

/// The report the trigger at `t` is told in, if a reporting verb stands before it in its
/// sentence. The speaker tells its own act when a pronoun or a possessive follows the verb
/// ("said it had killed", "said its jets struck"), or when it claims the act ("claimed to
/// have shelled", "claimed a drone strike").
fn speech(doc: &Doc, s: &Sent, t: usize) -> Option<Speech> {
    let verb = toks_in(s.toks, 0, t)
        .iter()
        .rposition(|x| x.w == W::Report)?;
    let word = |k: usize| s.toks.get(k).map_or("", |x| doc.word(x));
    // told by the word's length first ([`Doc::word_is`]): most words after a verb are none
    let word_is = |k: usize, list: &[&str]| s.toks.get(k).is_some_and(|x| doc.word_is(x, list));
    let is_own = |k: usize| word_is(k, OWN);
    let w = |k: usize| s.toks.get(k).map(|x| x.w);
    // "said that it", "said its"
    let mut k = verb + 1;
    if w(k) == Some(W::Definite) && !is_own(k) && w(k + 1) == Some(W::Pronoun) {
        k += 1;
    }
    // "claimed to have shelled", "claimed a drone strike on", "claimed the firing of"
    let claim = word_is(verb, CLAIM);
    let claimed_act = claim
        && (lexicon::is_one_of(word(k), lexicon::TO)
            || matches!(w(k), Some(W::Indefinite | W::Definite))
                && t > k
                && t <= k + 3
                && (k + 1..t).all(|j| matches!(w(j), Some(W::WeaponNoun(_) | W::Other))));
    let own = w(k) == Some(W::Pronoun) || is_own(k) || claimed_act;
    Some(Speech { verb, own })
}

/// Moves the strikes into `events`, and keeps the lists for the thread's next text if this
/// text, of `len` bytes, took the thread's.
pub(crate) fn into_events(mut strikes: Strikes, events: &mut Vec<Event>, len: usize) {
    let mut moved = strikes.events.into_iter();
    events.extend(moved.by_ref().map(Event::from));
    if !crate::kept::may_keep(len) {
        return;
    }
    strikes.by_sentence.clear();
    strikes.lists.clear();
    let kept = Kept {
        accs: Accs {
            strikes: super::emptied(moved),
            told: strikes.told,
        },
        by_sentence: strikes.by_sentence,
        lists: strikes.lists,
    };
    let largest = largest(&kept);
    crate::kept::keep(&KEPT, kept, largest, crate::kept::KEEP_LIST_BYTES);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`countries_agree`]'s one-to-one case agrees with the walk of both lists it skips,
    /// over every pair of lists of up to three codes from a few (one not an alpha-2 code).
    #[test]
    fn countries_agree_as_the_walk_of_both_lists() {
        let codes: [Cow<'static, str>; 4] = ["SY".into(), "LB".into(), "IQ".into(), "SY-ID".into()];
        let mut lists: Vec<Vec<Cow<'static, str>>> = vec![Vec::new()];
        for n in 1..=3 {
            for k in 0..codes.len().pow(n) {
                let list = (0..n)
                    .map(|j| codes[k / codes.len().pow(j) % codes.len()].clone())
                    .collect();
                lists.push(list);
            }
        }
        for theirs in &lists {
            for mine in &lists {
                let walked = theirs.is_empty()
                    || mine.is_empty()
                    || mine.iter().any(|c| theirs.iter().any(|x| x == c));
                assert_eq!(countries_agree(theirs, mine), walked, "{theirs:?} {mine:?}");
            }
        }
    }

    /// A mention's countries are its provinces' then its towns' countries, each once, in
    /// the order first met, and none of the list's earlier contents ([`place_countries`]
    /// walks the two lists one after the other).
    #[test]
    fn place_countries_are_each_once_in_order() {
        let at = |country: Option<&'static str>| Place {
            text: Default::default(),
            name: Some("x".into()),
            kind: PlaceKind::City,
            code: None,
            country: country.map(Cow::Borrowed),
            province: None,
            span: None,
        };
        let provinces = [at(Some("SY")), at(None), at(Some("LB")), at(Some("SY"))];
        let locations = [at(Some("LB")), at(Some("IQ")), at(None), at(Some("IQ"))];
        let mut v: Vec<Cow<'static, str>> = vec!["UA".into()];
        place_countries((&provinces, &locations), &mut v);
        assert_eq!(v, ["SY", "LB", "IQ"]);
        place_countries((&[], &locations), &mut v);
        assert_eq!(v, ["LB", "IQ"]);
        place_countries((&provinces, &[]), &mut v);
        assert_eq!(v, ["SY", "LB"]);
        place_countries((&[], &[]), &mut v);
        assert!(v.is_empty());
    }

    /// A new strike or a strike with no places takes a mention's list of places whole, or
    /// in a text of exact lists copies it and leaves the mention its room; an empty one
    /// stays with the mention, with its room ([`take_out`], [`merge_places`]).
    #[test]
    fn place_lists_are_taken_whole_or_exact() {
        let town = Place {
            text: Default::default(),
            name: Some("Idlib".into()),
            kind: PlaceKind::City,
            code: None,
            country: Some("SY".into()),
            province: Some("SY-ID".into()),
            span: None,
        };
        for exact in [false, true] {
            // an empty list stays with the mention, with its room, and none is made
            let mut from: Vec<Place> = Vec::with_capacity(4);
            assert_eq!(take_out(&mut from, exact).capacity(), 0);
            let mut to = Vec::new();
            merge_places(&mut to, &mut from, exact);
            assert_eq!(to.capacity(), 0);
            assert!(from.capacity() >= 4);
            from.push(town.clone());
            merge_places(&mut to, &mut from, exact);
            assert_eq!(to, vec![town.clone()]);
            assert!(from.is_empty());
            if exact {
                // the strike's list holds its one place, the mention's keeps its room
                assert_eq!(to.capacity(), 1);
                assert!(from.capacity() >= 4);
            } else {
                // taken whole, room and all
                assert!(to.capacity() >= 4);
                assert_eq!(from.capacity(), 0);
            }
            // a place the strike has is not added twice
            from.push(town.clone());
            merge_places(&mut to, &mut from, exact);
            assert_eq!(to.len(), 1);
        }
    }

    /// A text too long to keep the thread's lists (a window of a long article) gives its
    /// events lists with no room to spare; the events are the same either way.
    #[test]
    fn long_texts_give_exact_lists() {
        let towns = [
            "Idlib",
            "Aleppo",
            "Hama",
            "Homs",
            "Raqqa",
            "Palmyra",
            "Maarat al-Numan",
        ];
        let mut text = String::new();
        let mut i = 0;
        while text.len() < 2 * crate::kept::KEEP_TEXT_BYTES {
            let town = towns.get(i % towns.len()).copied().unwrap_or("Idlib");
            text.push_str(&format!(
                "Separately, Russian warplanes struck {town} and Hama province on Monday, \
                 killing {} militants of the Nusra Front, monitors said. Thousands of \
                 people protested against the government in {town} on Tuesday.\n\n",
                i + 2
            ));
            i += 1;
        }
        let events = crate::Extractor::new().extract(&crate::Document::new(&text));
        let strikes: Vec<&Strike> = events
            .iter()
            .filter_map(|e| match e {
                crate::Event::Strike(s) => Some(&**s),
                _ => None,
            })
            .collect();
        assert!(strikes.len() >= towns.len(), "{} strikes", strikes.len());
        assert!(strikes
            .iter()
            .any(|s| s.provinces.len() + s.locations.len() >= 2));
        for s in &strikes {
            assert_eq!(s.provinces.capacity(), s.provinces.len());
            assert_eq!(s.locations.capacity(), s.locations.len());
            assert_eq!(s.targets.capacity(), s.targets.len());
        }
        // the other kinds' places, read by `roles::places`
        let incidents: Vec<_> = events.iter().filter_map(crate::Event::incident).collect();
        assert!(incidents.iter().any(|x| !x.provinces.is_empty()));
        for x in &incidents {
            assert_eq!(x.provinces.capacity(), x.provinces.len());
            assert_eq!(x.locations.capacity(), x.locations.len());
        }
    }

    /// The word lists [`Doc::class_word_at`] and [`weapon_at`] read only on tokens of one class
    /// must hold words of that class alone.
    #[test]
    fn gated_lists_are_of_their_class() {
        let gated: [(&[&str], W); 5] = [
            (lexicon::BETWEEN, W::Locative),
            (lexicon::IN, W::Locative),
            (lexicon::FROM, W::From),
            (lexicon::BY, W::By),
            (lexicon::AIR_WORDS, W::WeaponNoun(Weapon::Air)),
        ];
        for (list, class) in gated {
            for word in list {
                assert_eq!(lexicon::classify(word.as_bytes()).0, class, "{word}");
            }
        }
    }

    /// The word lists compared with a word ASCII case aside where they were compared with
    /// the word lowercased must be lowercase, or the two ways differ.
    #[test]
    fn case_free_lists_are_lowercase() {
        // the patron words are sought only after a hyphen ([`is_no_subject`])
        for word in lexicon::PATRON_BEFORE {
            assert!(word.ends_with('-'), "{word}");
        }
        let lists: [&[&str]; 5] = [
            lexicon::AIR_WORDS,
            lexicon::POINTING_BACK,
            lexicon::BOMB_NOUNS,
            lexicon::ACTOR_TRIGGERS,
            lexicon::VERB_TRIGGERS,
        ];
        for word in lists
            .iter()
            .flat_map(|l| l.iter())
            .chain([&lexicon::ATTACK_STEM])
        {
            assert_eq!(*word, word.to_ascii_lowercase(), "{word}");
        }
    }

    /// [`Listed::has`] tells every token of a text as [`Doc::word_is`] does, for each of
    /// the filtered lists, in any case and for words of every length.
    #[test]
    fn listed_is_word_is() {
        let text = "Strikes TO raid, would Bomb the Raids; tear GAS, flare with Using: \
                    the Defence ministry and Military said air forces could not strike \
                    water-bombers, illumination rounds, smoke and Pound targets. Did they? \
                    Never: a bomb, bombs, a tear-gas strike, the army's raids.";
        let lists: [(&Listed, &[&str]); 9] = [
            (&AUX_BEFORE_VERB, lexicon::AUX_BEFORE_VERB),
            (&VERB_TRIGGERS, lexicon::VERB_TRIGGERS),
            (&NOT_ARMS_BEFORE, lexicon::NOT_ARMS_BEFORE),
            (&BOMB_NOUNS, lexicon::BOMB_NOUNS),
            (&ACTOR_TRIGGERS, lexicon::ACTOR_TRIGGERS),
            (&INSTRUMENT, lexicon::INSTRUMENT),
            (&MILITARY_SPEAKER, lexicon::MILITARY_SPEAKER),
            (&TEAR_GAS, lexicon::TEAR_GAS),
            (&ATTACK_AS_VERB, lexicon::ATTACK_AS_VERB),
        ];
        let mut found = [0; 9];
        super::super::testing::each_sentence(text, None, |doc, s| {
            for (i, t) in s.toks.iter().enumerate() {
                for (k, (listed, list)) in lists.iter().enumerate() {
                    let is = doc.word_is(t, list);
                    assert_eq!(listed.has(doc, t), is, "{:?}", doc.word(t));
                    assert_eq!(listed.at(doc, s, i), is);
                    found[k] += usize::from(is);
                }
            }
            assert!(!lists.iter().any(|(l, _)| l.at(doc, s, s.toks.len())));
        });
        // every list has a word of the text
        assert!(found.iter().all(|&n| n > 0), "{found:?}");
    }

    /// [`is_apostrophe_s`] tells the tokens whose word is "'s", and only those, a token's
    /// mark "-" those whose word is "-" ([`is_no_subject`]), and [`is_indefinite`] is the
    /// walk back over three words it replaced.
    #[test]
    fn apostrophe_s_and_indefinite_read_by_marks() {
        let text = "Israel's army said a drone's strike hit the town's 'south' 's market. \
                    An air raid, a strike and the army's raids; rebels' shells, a 's strike. \
                    Pro-Iran militias - and Houthi -led forces -- shelled the x-ray unit.";
        let (mut found, mut hyphens) = (0, 0);
        super::super::testing::each_sentence(text, None, |doc, s| {
            for t in s.toks {
                let is = doc.word(t) == lexicon::APOSTROPHE_S;
                assert_eq!(is_apostrophe_s(doc, t), is, "{:?}", doc.word(t));
                found += usize::from(is);
                let hyphen = doc.word(t) == "-";
                assert_eq!(t.punct == b'-', hyphen, "{:?}", doc.word(t));
                hyphens += usize::from(hyphen);
            }
            for a in 0..s.toks.len() {
                for t in a..=s.toks.len() + 1 {
                    let walked = (a..t)
                        .rev()
                        .take(3)
                        .take_while(|&k| s.toks.get(k).is_some_and(|x| x.punct == 0))
                        .any(|k| s.toks.get(k).is_some_and(|x| x.w == W::Indefinite));
                    assert_eq!(is_indefinite(s, a, t), walked, "{a} {t}");
                }
            }
        });
        assert!(found >= 4 && hyphens >= 3, "{found} {hyphens}");
    }

    /// A token of class `w` with the marks the lexicon gives a word of that class.
    fn tok(w: W) -> super::super::Tok {
        super::super::Tok {
            span: Span::default(),
            w,
            k: lexicon::K::default(),
            cap: false,
            punct: 0,
            marks: lexicon::marks(w, lexicon::K::default()),
            may_name: false,
            ment: None,
            lead: b'a',
        }
    }

    /// Word classes for the tests of the trigger walks: the trigger, launch and weapon
    /// classes among others a strike's rules read (`Other` twice, as most words are).
    const TRIGGER_TEST_CLASSES: [W; 14] = [
        W::Other,
        W::Other,
        W::Trigger(None, true),
        W::Trigger(Some(Weapon::Air), false),
        W::WeaponNoun(Weapon::Air),
        W::WeaponNoun(Weapon::Drone),
        W::Launch,
        W::Victim(crate::model::VictimCategory::Combatants),
        W::Unknown,
        W::Another,
        W::Report,
        W::From,
        W::Base,
        W::By,
    ];

    /// The walk from one trigger, launch or weapon word to the next ([`next_trigger_word`])
    /// visits exactly the tokens of those classes, in order, on random clauses.
    #[test]
    fn next_trigger_word_visits_the_trigger_classes() {
        let classes = TRIGGER_TEST_CLASSES;
        let mut next = crate::text::xorshift(11);
        for _ in 0..2_000 {
            let n = (next() % 12) as usize;
            let clause: Vec<_> = (0..n)
                .map(|_| tok(classes[(next() % classes.len() as u64) as usize]))
                .collect();
            let expected: Vec<usize> = (0..n)
                .filter(|&i| matches!(clause[i].w, W::Trigger(..) | W::Launch | W::WeaponNoun(_)))
                .collect();
            let mut got = Vec::new();
            let mut from = 0;
            while let Some(j) = next_trigger_word(&clause, from) {
                got.push(j);
                from = j + 1;
            }
            assert_eq!(got, expected);
            assert_eq!(next_trigger_word(&clause, n + 1), None);
        }
    }

    /// The trigger words read from a sentence's [`Pass`] ([`TriggerWords`]) are those the
    /// walk of each clause visits ([`next_trigger_word`]), in order, on random sentences of
    /// every length (past [`Pass::COVERED`] tokens too) cut into random clauses; its
    /// classes are those a walk of the tokens finds.
    #[test]
    fn pass_trigger_words_are_the_walks() {
        let classes = TRIGGER_TEST_CLASSES;
        let mut next = crate::text::xorshift(23);
        let mut visited = 0;
        for _ in 0..3_000 {
            let n = (next() % 150) as usize;
            let toks: Vec<_> = (0..n)
                .map(|_| tok(classes[(next() % classes.len() as u64) as usize]))
                .collect();
            let pass = Pass::of(&toks);
            let seen = toks.iter().fold(0, |m, x| m | x.read(&Words::BITS));
            assert_eq!(pass.words.0, seen);
            let mut a = 0;
            loop {
                let b = (a + (next() % 40) as usize).min(n);
                let clause = &toks[a..b];
                let mut walked = Vec::new();
                let mut from = 0;
                while let Some(j) = next_trigger_word(clause, from) {
                    walked.push(j);
                    from = j + 1;
                }
                let mut words = TriggerWords::of(clause, a, pass.strike);
                let mut got = Vec::new();
                while let Some(j) = words.next() {
                    got.push(j);
                }
                assert_eq!(got, walked, "[{a}, {b}) of {n}");
                visited += got.len();
                if b == n {
                    break;
                }
                a = b;
            }
        }
        assert!(visited > 10_000, "{visited}");
    }

    /// [`merge_places`] keeps the places [`push_unique_place`] of each of the mention's
    /// (a list with no place twice) keeps, in the same order: over every pair of lists of up
    /// to three of four places (two share a code, two a name), lists exact or not.
    ///
    /// [`push_unique_place`]: super::super::roles::push_unique_place
    #[test]
    fn merged_places_are_those_pushed_one_by_one() {
        let place = |name: &'static str, code: &'static str| Place {
            name: Some(Cow::Borrowed(name)),
            code: Some(Cow::Borrowed(code)),
            ..super::super::testing::town_of("SY-ID")
        };
        let all = [
            place("Ariha", "SY-ID"),
            place("Saraqib", "SY-ID"),
            place("Ariha", "SY-HM"),
            place("Hama", "SY-HM"),
        ];
        // every list of distinct places of up to three, as a set of bits in order
        let lists: Vec<Vec<Place>> = (0u32..16)
            .filter(|m| m.count_ones() <= 3)
            .map(|m| {
                (0..all.len())
                    .filter(|&i| m & (1 << i) != 0)
                    .filter_map(|i| all.get(i).cloned())
                    .collect()
            })
            .collect();
        for to in &lists {
            for from in &lists {
                let mut pushed = to.clone();
                for p in from.iter().cloned() {
                    super::super::roles::push_unique_place(&mut pushed, p);
                }
                for exact in [false, true] {
                    let (mut merged, mut taken) = (to.clone(), from.clone());
                    merge_places(&mut merged, &mut taken, exact);
                    assert_eq!(merged, pushed, "{to:?} {from:?}");
                }
            }
        }
    }

    /// [`Clause::weapon`], which reads the clause's trigger words only ([`TriggerWords`]),
    /// finds the weapon a walk of all its tokens finds: the first other than aircraft, else
    /// aircraft; in short clauses and in a sentence longer than [`Pass::COVERED`] tokens,
    /// whose last words are walked, not read from the mask.
    #[test]
    fn clause_weapon_is_that_of_a_walk_of_every_token() {
        let long = "word ".repeat(Pass::COVERED + 5);
        let text = format!(
            "Israeli warplanes struck Gaza, and drones fired missiles at a car. \
             Shells and rockets were launched from Kunar; the air raids hit a market. \
             The army said {long} artillery and rocket fire and air strikes hit the base. \
             Aerial bombardment and tank shells hit the town."
        );
        let mut weapons = 0;
        super::super::testing::each_sentence(&text, None, |doc, s| {
            let pass = Pass::of(s.toks);
            for &(a, b) in s.clauses {
                let cl = Clause {
                    doc,
                    s,
                    a,
                    b,
                    toks: s.toks.get(a..b).unwrap_or(&[]),
                    strike: pass.strike,
                    weapon: std::cell::OnceCell::new(),
                    air: std::cell::OnceCell::new(),
                };
                let mut air = None;
                let mut walked = None;
                for k in a..b {
                    match s.toks.get(k).and_then(|_| weapon_at(doc, s, k)) {
                        Some(Weapon::Air) => air = air.or(Some(Weapon::Air)),
                        Some(w) => {
                            walked = Some(w);
                            break;
                        }
                        None => {}
                    }
                }
                let walked = walked.or(air);
                assert_eq!(cl.weapon(), walked, "{:?}", s.span.get(&text));
                weapons += usize::from(walked.is_some());
            }
        });
        assert!(weapons >= 4, "{weapons}");
    }

    /// The mentions' lists a thread keeps from one text to the next ([`Kept`]) carry nothing
    /// over: a text's strikes are the same after another text as on a thread of its own.
    #[test]
    fn kept_lists_carry_nothing_to_the_next_text() {
        let first = "Russian warplanes struck Idlib and Hama province on Monday, killing 12 \
                     militants of the Nusra Front in Ariha, monitors said.";
        let second = "Israeli strikes hit Gaza City on Tuesday. The strikes killed three \
                      fighters, medics said.";
        let run = |text: &str| {
            crate::Extractor::new()
                .extract(&crate::Document::new(text))
                .iter()
                .map(|e| format!("{e:?}"))
                .collect::<Vec<_>>()
        };
        let alone = std::thread::spawn(move || run(second)).join().ok();
        let after = std::thread::spawn(move || {
            let _ = run(first);
            run(second)
        })
        .join()
        .ok();
        assert!(alone.as_ref().is_some_and(|v| !v.is_empty()), "{alone:?}");
        assert_eq!(alone, after);
    }

    /// A token of a prepared text has [`lexicon::MARK_STRIKE`] exactly where its class is a
    /// trigger, launch or weapon word, which [`next_trigger_word`] tells by the mark.
    #[test]
    fn strike_mark_is_the_trigger_classes() {
        let text = "Israeli warplanes struck Gaza, and drones fired missiles at a car. \
                    Shells and rockets were launched from Kunar; the air raids, \
                    airstrikes and mortar fire hit the town's market. \
                    The army said the bombing of the base, by artillery and tanks, \
                    went on. Rebels shelled it - \"heavily\" - at 5.30 pm.";
        let mut marked = 0;
        super::super::testing::each_sentence(text, None, |doc, s| {
            for t in s.toks {
                let class = matches!(t.w, W::Trigger(..) | W::Launch | W::WeaponNoun(_));
                let mark = t.marks & lexicon::MARK_STRIKE != 0;
                assert_eq!(mark, class, "{:?}", doc.word(t));
                marked += usize::from(mark);
            }
        });
        assert!(marked >= 10, "{marked}");
    }

    /// A date [`untold`] agrees with every date, known or not ([`compatible`] tells it
    /// before it calls [`identity::dates_agree`]), and two told dates are compared.
    #[test]
    fn untold_dates_agree_with_any() {
        let day = |y: i32, m: u32, d: u32, precision, inferred| {
            Some(DateRef {
                text: Default::default(),
                date: chrono::NaiveDate::from_ymd_opt(y, m, d),
                precision,
                span: Span::default(),
                inferred,
            })
        };
        use crate::model::Precision::{Day, Month, Year};
        let mut dates = vec![None];
        for inferred in [false, true] {
            for p in [Day, Month, Year] {
                dates.push(day(2024, 5, 1, p, inferred));
                dates.push(day(2024, 5, 9, p, inferred));
                dates.push(day(2023, 6, 1, p, inferred));
                dates.push(day(2024, 13, 1, p, inferred));
            }
        }
        let mut disagree = 0;
        for a in &dates {
            for b in &dates {
                let agree = identity::dates_agree(a.as_ref(), b.as_ref());
                if untold(a) || untold(b) {
                    assert!(agree, "{a:?} {b:?}");
                }
                disagree += usize::from(!agree);
            }
        }
        // told dates are still told apart
        assert!(disagree > 0);
    }

    /// A sentence whose pass finds no base word nor "from" ([`Words::BASE_OR_FROM`]) names no
    /// base, so that [`extract`] does not seek one there: [`base`] finds none in it.
    #[test]
    fn no_base_without_a_base_word() {
        let text = "Israeli jets struck a depot near Damascus. \
                    The aircraft had taken off from Hmeimim air base. \
                    Russian jets flew from an Iranian airbase to strike the town. \
                    Rebels said the raid hit Idlib, killing three.";
        let (mut based, mut sentences) = (0, 0);
        super::super::testing::each_sentence(text, None, |doc, s| {
            sentences += 1;
            let words = Pass::of(s.toks).words;
            if base(doc, s).0.is_some() {
                based += 1;
                assert!(words.has(Words::BASE_OR_FROM));
            }
            if !words.has(Words::BASE_OR_FROM) {
                assert!(base(doc, s).0.is_none());
            }
        });
        assert_eq!(sentences, 4);
        // the bases of the second and third sentences are found
        assert_eq!(based, 2);
    }

    /// A sentence's [`Words`] has a class where a walk of its tokens finds a word of that
    /// class, and not where it finds none.
    #[test]
    fn words_are_the_classes_the_walks_find() {
        let text = "Unidentified warplanes struck another village, killing three militants. \
                    Shells fired from an air base against the town hit it, the monitor said. \
                    Clashes between the army and rebels went on. \
                    The strikes carried out by the army hit a market.";
        let mut sentences = 0;
        super::super::testing::each_sentence(text, None, |doc, s| {
            sentences += 1;
            let words = Pass::of(s.toks).words;
            let any = |p: &dyn Fn(&super::super::Tok) -> bool| s.toks.iter().any(p);
            let walks: [(u8, bool); 6] = [
                (Words::UNKNOWN, any(&|x| x.w == W::Unknown)),
                (Words::ANOTHER, any(&|x| x.w == W::Another)),
                (Words::VICTIM, any(&|x| matches!(x.w, W::Victim(_)))),
                (
                    Words::BASE_OR_FROM,
                    any(&|x| matches!(x.w, W::Base | W::From)),
                ),
                (Words::REPORT, any(&|x| x.w == W::Report)),
                (Words::BY, any(&|x| x.w == W::By)),
            ];
            for (bit, found) in walks {
                assert_eq!(
                    words.has(bit),
                    found,
                    "{bit} in {:?}",
                    doc.text.get(s.span.start..s.span.end)
                );
            }
        });
        assert_eq!(sentences, 4);
        // every class is found in some sentence of the text
        let mut all = 0;
        super::super::testing::each_sentence(text, None, |_, s| all |= Pass::of(s.toks).words.0);
        assert_eq!(all, 63);
    }

    /// The walks gated by a sentence's second marks ([`Sent::seek`]) find what they find
    /// ungated, over random sentences: [`between`], [`base`], and [`generic_targets`],
    /// which finds nothing in a sentence without [`lexicon::SEEK_COMBATANT`].
    #[test]
    fn the_second_marks_gate_only_walks_that_find_nothing() {
        let words = [
            "between",
            "Between",
            "from",
            "an",
            "Iranian",
            "airbase",
            "air",
            "base",
            "in",
            "Iran",
            "Hmeimim",
            "the",
            "army",
            "and",
            "rebels",
            "regime",
            "forces",
            "fighters",
            "soldiers",
            "civilians",
            "Clashes",
            "struck",
            "shelled",
            "killing",
            "three",
            "Idlib",
            "militants",
            "jets",
            "flew",
            ",",
        ];
        let mut next = crate::text::xorshift(37);
        let (mut betweens, mut bases, mut generics) = (0, 0, 0);
        for _ in 0..400 {
            let text = super::super::testing::random_sentence(&words, &mut next);
            super::super::testing::each_sentence(&text, None, |doc, s| {
                let n = s.toks.len();
                for a in 0..n {
                    for b in a..=n {
                        let walked = between_walk(doc, s, a, b);
                        betweens += usize::from(walked.is_some());
                        assert_eq!(between(doc, s, a, b), walked, "{text:?} [{a}, {b})");
                        if s.seek & lexicon::SEEK_COMBATANT == 0 && a < b {
                            let mut targets = Vec::new();
                            generic_targets(doc, s, b, a, &mut targets);
                            assert!(targets.is_empty(), "{text:?}");
                        }
                    }
                }
                let walked = base_walk(doc, s);
                bases += usize::from(walked.0.is_some());
                assert_eq!(base(doc, s), walked, "{text:?}");
                let mut targets = Vec::new();
                generic_targets(doc, s, n, 0, &mut targets);
                generics += usize::from(!targets.is_empty());
            });
        }
        // each walk finds something in some sentence
        assert!(
            betweens > 0 && bases > 0 && generics > 0,
            "{betweens} {bases} {generics}"
        );
    }

    /// A mention's lists kept for the document and refilled per mention ([`Lists`]) give
    /// each mention what lists of its own would: its targets, places and countries, over
    /// random sentences, every clause and every token of it as the trigger.
    #[test]
    fn kept_lists_are_fresh_lists() {
        let words = [
            "Hamas",
            "Hezbollah",
            "militants",
            "fighters",
            "civilians",
            "in",
            "Idlib",
            "Aleppo",
            "Syria",
            "Lebanon",
            "Israeli",
            "jets",
            "struck",
            "shelled",
            "airstrikes",
            "from",
            "Hmeimim",
            "air",
            "base",
            "the",
            "and",
            "on",
            ",",
        ];
        let mut next = crate::text::xorshift(41);
        let mut targets = 0;
        for _ in 0..150 {
            let text = super::super::testing::random_sentence(&words, &mut next);
            super::super::testing::with_doc(&text, None, |doc| {
                let mut kept = Lists::default();
                for (si, s) in doc.sents.iter().enumerate() {
                    let here = Here::of(doc, s, Pass::of(s.toks).words);
                    for &(a, b) in s.clauses {
                        for t in a..b {
                            let trig = Trigger {
                                tok: t,
                                weapon: None,
                                strong: true,
                                definite: false,
                            };
                            let mut fresh = Lists::default();
                            let f = find(doc, si, s, (a, b), trig, &here, &mut fresh);
                            let g = find(doc, si, s, (a, b), trig, &here, &mut kept);
                            assert_eq!(f.targets, g.targets, "{text:?} [{a}, {b}) {t}");
                            assert_eq!(f.provinces, g.provinces, "{text:?}");
                            assert_eq!(f.locations, g.locations, "{text:?}");
                            assert_eq!(f.countries, g.countries, "{text:?}");
                            targets += g.targets.len();
                        }
                    }
                }
            });
        }
        assert!(targets > 0);
    }

    /// [`toks_in`] holds the tokens an index walk over [lo, hi) reads, skipping the indices
    /// past the tokens.
    #[test]
    fn toks_in_is_the_index_walk() {
        let toks: Vec<_> = [W::Other, W::Report, W::Unknown, W::From, W::Other]
            .into_iter()
            .map(tok)
            .collect();
        for lo in 0..8 {
            for hi in 0..8 {
                let walked: Vec<W> = (lo..hi).filter_map(|k| toks.get(k)).map(|t| t.w).collect();
                let got: Vec<W> = toks_in(&toks, lo, hi).iter().map(|t| t.w).collect();
                assert_eq!(got, walked, "[{lo}, {hi})");
            }
        }
    }

    /// The sentences [`StrikeSentences`] returns are, in order, those with strike words or
    /// a base word or "from", and no others, across windows of 64 sentences.
    #[test]
    fn strike_sentences_are_those_with_strike_or_base_words() {
        let kinds = [
            "Jets struck a village near Aleppo.",
            "The weather was fine in the town.",
            "The convoy came from the north.",
            "Officials met in the capital.",
        ];
        let mut next = crate::text::xorshift(23);
        for n in [0, 1, 63, 64, 65, 130, 200] {
            let text: Vec<&str> = (0..n).map(|_| kinds[(next() % 4) as usize]).collect();
            super::super::testing::with_doc(&text.join(" "), None, |doc| {
                let read = |s: &Sent| s.strike_words || s.seek & lexicon::SEEK_BASE_OR_FROM != 0;
                let expected: Vec<usize> = (0..doc.sents.len())
                    .filter(|&i| doc.sents.get(i).is_some_and(read))
                    .collect();
                let walked: Vec<usize> = StrikeSentences::new(&doc.sents).collect();
                assert_eq!(walked, expected, "{n} sentences");
                let strikes = doc.sents.iter().filter(|s| s.strike_words).count();
                let bases = doc
                    .sents
                    .iter()
                    .filter(|s| !s.strike_words && read(s))
                    .count();
                assert!(n < 64 || strikes > 5 && bases > 5 && expected.len() < n - 10);
            });
        }
    }
}
