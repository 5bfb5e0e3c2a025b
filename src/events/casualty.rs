//! Casualty figures: a count, the word that says what happened to the people it counts,
//! and who they were.
//!
//! Forms read: "killed 12 militants", "killing at least 12", "12 people were killed",
//! "12 militants killed", "12 dead", "12 fatalities", "left 12 dead", "the death toll rose
//! to 12", "a soldier was killed", "displaced millions". A figure of things ("12
//! airstrikes", "30 missiles", "3 houses"), a year, an age, a distance or a percentage is
//! never a casualty. An older figure of the same toll ("updating a previous toll of 112",
//! "up from 112") is not a figure of its own. Running tolls ("the war has killed more than
//! 280,000", "since 2011", "so far") are `cumulative`.

use crate::bounds::{skipped, Stage};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use super::identity;
use super::kinds::Cause;
use super::lexicon::{self, Pos, C, K, W};
use super::strike::Strikes;
use super::work;
use super::{
    clause_else_sentence_date, is_locative_before, modality, nearest_event_date, paragraph_date,
    push_unique_ascending, Doc, PlaceRef, Sent,
};
use crate::gazetteer::{share_code, EntryKind};
use crate::model::{
    Casualty, CasualtyKind, Count, DateRef, Entity, Place, PlaceKind, Qualifier, Source,
    VictimCategory, Victims, Words,
};
use crate::numbers::NumberKind;
use crate::span::Span;

/// A figure of a clause: the figures stage's count borrowed until the figure is read as a
/// casualty (most are not), a count of its own for one made here.
struct Cand<'n> {
    count: Cow<'n, Count>,
    a: usize,
    b: usize,
    /// The person nouns of a figure told by its nouns ("a man and a woman", "a farmer and
    /// his two sons"): their category and the span from the first noun to the last.
    victims: Option<(VictimCategory, Span)>,
}

/// Where a figure of a clause is read: the clause, and the stretch of it that tells the
/// figure's scope. A toll carried on ("killed 35, bringing the total since October to
/// 34,000") starts a stretch of its own: its running words are not the incident's.
#[derive(Clone, Copy)]
struct Scope {
    si: usize,
    ca: usize,
    cb: usize,
    lo: usize,
    hi: usize,
    /// The clause is a coding remark of analysts ([`Memo::is_coding_remark`]).
    coding: bool,
}

/// A casualty in its box, as the output's [`crate::model::Event::Casualty`] holds it: made
/// boxed, it is copied into its box once, and the stage's list, its sort and the merge into
/// the output move the box, not the large record.
pub(crate) type Boxed = Box<Casualty>;

pub(crate) fn extract(doc: &Doc, strikes: &Strikes, causes: &[Cause]) -> Vec<Boxed> {
    if skipped(Stage::Casualty) {
        return Vec::new();
    }
    let mut memo = Memo::new();
    // the thread's list of its last article, emptied ([`keep_list`]), and the tolls'
    // working lists its memo's lists kept ([`Lists::tellings`])
    let mut out = Tolls::take(
        crate::kept::take_for(&LIST, doc.text.len()),
        &mut memo.lists,
    );
    // kept from sentence to sentence and clause to clause, and from article to article in
    // the memo's lists (emptied, for the figures of this article's sentences)
    let mut cands: Vec<Cand> = super::emptied(std::mem::take(&mut memo.lists.cands).into_iter());
    for (si, s) in doc.sents.iter().enumerate() {
        // figures are read only where a casualty or toll word is, in a sentence that tells
        // an event (marked as it was tokenized)
        if !s.casualty_words {
            continue;
        }
        // deaths no conflict caused (floods, earthquakes, accidents) are no casualties of war
        if causes.get(si) == Some(&Cause::Disaster) {
            continue;
        }
        let strike = strikes
            .by_sentence
            .get(si)
            .copied()
            .flatten()
            .and_then(|i| strikes.events.get(i));
        read_sentence(doc, &mut memo, (si, s), strike, &mut cands, &mut out);
    }
    memo.lists.cands = super::emptied(cands.into_iter());
    let mut list = out.give_back(&mut memo.lists);
    memo.keep();
    if skipped(Stage::CasualtyOutput) {
        list.clear();
    }
    list
}

/// The figures of the sentence `si`, `s`, read clause by clause into `out`: only a clause
/// that has the sentence's first casualty or toll word or one of its own, and figures.
/// `cands` is the stage's list of candidates, kept from clause to clause. Inlined into
/// [`extract`], its one caller: as a call of its own it cost 0.5 M instructions more over
/// the profile's 300 articles.
#[inline(always)]
fn read_sentence<'t>(
    doc: &Doc<'t>,
    memo: &mut Memo<'t>,
    (si, s): (usize, &'t Sent),
    strike: Option<&crate::model::Strike>,
    cands: &mut Vec<Cand<'t>>,
    out: &mut Tolls,
) {
    let Some(first) = first_casualty_word(s) else {
        return;
    };
    if skipped(Stage::CasualtyRules) {
        std::hint::black_box(doc.numbers(s).len());
        return;
    }
    out.in_sentence.clear();
    memo.enter();
    for &(ca, cb) in s.clauses {
        // `read` takes the kind of a figure from a casualty or toll word of its clause
        let clause = s.toks.get(ca..cb).unwrap_or(&[]);
        work::add(clause.len());
        let has_first = !clause.is_empty() && (ca..cb).contains(&first);
        if cb <= first || !has_first && !clause.iter().any(is_casualty_word) {
            continue;
        }
        // the memo reads the tokens its figures ask about, their clause and the few
        // words before it, and gathers the clause's articles for the candidates in the
        // same pass (a clause without figures is read too: its answers are the same)
        memo.cover(doc, s, ca, cb);
        let conj = memo.last_conj;
        candidates(doc, s, (ca, cb), &memo.lists.articles, conj, cands);
        if cands.is_empty() {
            continue;
        }
        let coding = memo.is_coding_remark(doc, clause, ca, cb);
        for c in cands.drain(..) {
            // the stretch between the carrying words ("bringing") around the figure
            let (lo, hi) = memo.stretch(ca, cb, c.a, c.b);
            let scope = Scope {
                si,
                ca,
                cb,
                lo,
                hi,
                coding,
            };
            read(doc, memo, s, scope, c, strike, out);
        }
    }
}

/// Where the first casualty or toll word of `s` is (a sentence marked as having one has
/// one): a clause that ends by it has none. A clause that is its whole sentence has one,
/// and is read from its start with no walk to it (most sentences are one clause).
#[inline]
fn first_casualty_word(s: &Sent) -> Option<usize> {
    debug_assert!(s.toks.iter().any(is_casualty_word), "a casualty word");
    match s.clauses {
        [(0, cb)] if *cb == s.toks.len() => Some(0),
        _ => s.toks.iter().position(is_casualty_word),
    }
}

/// True for a casualty or toll word: a figure is read only in a clause with one.
fn is_casualty_word(t: &super::Tok) -> bool {
    t.marks & lexicon::MARK_CASUALTY != 0
}

/// Figures of the clause [ca, cb): counts from the numbers stage, "a"/"an" before a person
/// noun, and people counted by their nouns ("a man and a woman" is 2), into `v` (emptied
/// first). `articles` are the tokens of the clause's articles, ascending
/// ([`Lists::articles`]), and `conj` the last "and" read so far ([`Memo::last_conj`]).
fn candidates<'n>(
    doc: &Doc,
    s: &'n Sent,
    (ca, cb): (usize, usize),
    articles: &[usize],
    conj: Option<usize>,
    v: &mut Vec<Cand<'n>>,
) {
    v.clear();
    // the figures of a clause that is its whole sentence (most are) are all the sentence's,
    // taken with no search for the clause's bounds (two binary searches, mispredicted at
    // most clauses); a figure past a clause's bounds is passed over below all the same
    let numbers = if (ca, cb) == (0, s.toks.len()) {
        doc.numbers(s)
    } else {
        doc.numbers_from(s, ca, cb)
    };
    // pushed one by one: `v` keeps its room from clause to clause (an `extend` of a filter
    // went through the generic out-of-line loop that reserves for every figure)
    for (n, a, b) in numbers {
        let (a, b) = (*a, *b);
        if n.kind != NumberKind::Count || a < ca || b > cb || a >= b {
            continue;
        }
        // "has risen from 12 to 19": the figure it rose from is no figure of its own
        if doc.class_word_at(s, a.wrapping_sub(1), W::From, lexicon::FROM)
            && is_to_figure(doc, s, b)
        {
            continue;
        }
        v.push(Cand {
            count: Cow::Borrowed(&n.count),
            a,
            b,
            victims: None,
        });
    }
    // only an article starts a figure here
    for &i in articles {
        let Some(t) = s.toks.get(i) else {
            continue;
        };
        // "killing the man", "resulted in the death of the commander": one person
        // the classes of the words before first, the words' text last
        let definite_after_verb = t.w == W::Definite
            && i > ca
            && s.toks.get(i - 1).is_some_and(|p| {
                matches!(p.w, W::Casualty(_, Pos::Verb))
                    || i >= 2
                        && s.toks.get(i - 2).is_some_and(|d| {
                            matches!(d.w, W::Casualty(CasualtyKind::Killed, Pos::After))
                        })
                        && p.w == W::Locative
                        && doc.word_is(p, lexicon::OF)
            })
            && doc.word_is(t, lexicon::THE);
        if t.w != W::Indefinite && !definite_after_verb {
            continue;
        }
        if singular_person(doc, s, i + 1, cb).is_some() {
            v.push(Cand {
                count: Cow::Owned(Count::new(
                    Some(1),
                    None,
                    None,
                    Qualifier::Exact,
                    doc.word(t),
                    t.span,
                )),
                a: i,
                b: i + 1,
                victims: None,
            });
        }
    }
    v.sort_by_key(|c| c.a);
    coordinate(doc, s, cb, conj, v);
}

/// True if "to" at token `b` is followed by a figure ("from 12 to 19").
fn is_to_figure(doc: &Doc, s: &Sent, b: usize) -> bool {
    doc.word_at_is(s, b, lexicon::TO)
        && doc
            .numbers_from(s, b + 1, b + 2)
            .iter()
            .any(|(n, _, _)| n.kind == NumberKind::Count)
}

/// The singular person noun of a figure "a"/"an" whose next word is `from` ("a soldier",
/// "a young man", "a 60-year-old man", "an unknown militant"): its token and category.
fn singular_person(doc: &Doc, s: &Sent, from: usize, cb: usize) -> Option<(usize, VictimCategory)> {
    let mut j = from;
    let mut words = 0;
    // the plain words passed, read for a part noun only once a person noun ends the walk
    let mut passed = [0usize; 4];
    let mut n = 0;
    while j < cb && words < 4 {
        words += 1;
        // a name of several words ("a regime Air Force Intelligence member") is one modifier
        if let Some(m) = s
            .toks
            .get(j)
            .and_then(|t| t.ment)
            .and_then(|m| s.ments.get(m as usize))
        {
            if m.b > j + 1 && s.toks.get(j).is_none_or(|t| person(t.w).is_none()) {
                j = m.b;
                continue;
            }
        }
        match s.toks.get(j).map(|t| t.w) {
            Some(W::Victim(_) | W::Kin) => break,
            // "a regime soldier", "a Syrian army officer", "an unknown militant"
            Some(W::Regime | W::Military | W::Unknown) => j += 1,
            Some(W::Other) if s.toks.get(j).is_some_and(|t| t.punct == 0) => {
                if let Some(slot) = passed.get_mut(n) {
                    *slot = j;
                    n += 1;
                }
                j += 1
            }
            _ => return None,
        }
    }
    let t = s.toks.get(j)?;
    let cat = person(t.w)?;
    let word = doc.word(t);
    // singular nouns only: "a soldier", not "a number of soldiers"
    if word.ends_with('s') || cat == VictimCategory::People && !lexicon::PERSON.contains(&word) {
        return None;
    }
    // "a number of", "a total of": a part noun among the words passed is no person. Read
    // last, for the few walks that end at a person noun (most end at a word of no person,
    // where each plain word was read for one before), each told by the word's length
    // before its text, and with ASCII case ignored, not by a lowercased copy
    let part = |&k: &usize| doc.word_at_is(s, k, lexicon::PART_NOUNS);
    if passed.get(..n).is_some_and(|p| p.iter().any(part)) {
        return None;
    }
    // "a police officer", "a Republican Guard member": the head is the last noun
    while s.toks.get(j + 1).is_some_and(|n| person(n.w).is_some()) {
        j += 1;
    }
    Some((j, cat))
}

/// People counted by their nouns: "a man and a woman" (2), "a farmer and his two sons" (3),
/// "two women and a child" (3). A figure followed by its person noun, "and", then "a"/"an"
/// and a singular noun, or "his"/"her"/"their" and a singular noun or a figure with its
/// noun, becomes one figure of the sum, when the nouns are of one category (civilians with
/// civilians: "a commander and his son" stay apart); the figure of the joined phrase goes.
/// Two figures in digits or words ("60 guards and 5 police officers") stay two figures.
/// `conj` is the last word of the class `Conj` that [`Memo::cover`] read in the sentence.
fn coordinate(doc: &Doc, s: &Sent, cb: usize, conj: Option<usize>, v: &mut Vec<Cand<'_>>) {
    if v.is_empty() {
        return;
    }
    // a figure joins nouns only across an "and" after it ([`join`]), a word of the class
    // `Conj` ([`Doc::class_word_at`]): the sentence's last such word, and a figure after it
    // is not read for its nouns. The memo read it for a clause that ends its sentence (the
    // words of the clause are all read, and one before the clause is before every figure
    // of it), where a scan of the sentence read every word a second time; a clause before
    // the end scans the sentence (a noun may end past its clause: [`singular_person`])
    let last_conj = if cb >= s.toks.len() {
        conj
    } else {
        s.toks.iter().rposition(|t| t.w == W::Conj)
    };
    let Some(last_conj) = last_conj else {
        return;
    };
    let mut k = 0;
    while k < v.len() {
        let joined = v
            .get(k)
            .filter(|c| c.b < last_conj)
            .and_then(|c| join(doc, s, cb, v, c));
        let Some((total, last_noun, victims)) = joined else {
            k += 1;
            continue;
        };
        let b = last_noun + 1;
        if let (Some(c), Some(last)) = (v.get_mut(k), s.toks.get(last_noun)) {
            let span = c.count.span.cover(last.span);
            let words = span.get(doc.text).unwrap_or("");
            c.count = Cow::Owned(Count::new(
                Some(total),
                None,
                None,
                Qualifier::Exact,
                words,
                span,
            ));
            c.b = b;
            c.victims = Some(victims);
        }
        // the figures of the nouns that joined it go
        let mut i = k + 1;
        while i < v.len() {
            if v.get(i).is_some_and(|n| n.a < b) {
                v.remove(i);
            } else {
                i += 1;
            }
        }
        k += 1;
    }
}

/// The sum of the people [`coordinate`] joins to the figure `c`, the token of the last noun,
/// and the victims (category and span from the first noun to the last); `None` when nothing
/// joins.
fn join(
    doc: &Doc,
    s: &Sent,
    cb: usize,
    v: &[Cand],
    c: &Cand,
) -> Option<(u64, usize, (VictimCategory, Span))> {
    let (first, cat) = person_after(doc, s, c, cb)?;
    let mut total = c
        .count
        .value
        .filter(|_| c.count.qualifier == Qualifier::Exact)?;
    let mut noun = first;
    let figure_at = |at: usize| v.iter().find(|n| n.a == at);
    // "and a woman", "and his son", "and his two sons"
    while doc.class_word_at(s, noun + 1, W::Conj, lexicon::AND) {
        let at = noun + 2;
        let owner = doc.word_at_is(s, at, lexicon::PERSONAL_POSSESSIVES);
        let added = match figure_at(if owner { at + 1 } else { at }) {
            Some(n) if owner || is_article_figure(s, n) => {
                let value = n
                    .count
                    .value
                    .filter(|_| n.count.qualifier == Qualifier::Exact)?;
                person_after(doc, s, n, cb).map(|(nn, ncat)| (value, nn, ncat))
            }
            None if owner => singular_person(doc, s, at + 1, cb).map(|(nn, ncat)| (1, nn, ncat)),
            _ => None,
        };
        match added {
            Some((value, nn, ncat)) if ncat == cat => {
                total = total.saturating_add(value);
                noun = nn;
            }
            _ => break,
        }
    }
    if noun == first {
        return None;
    }
    let span = s.toks.get(first)?.span.cover(s.toks.get(noun)?.span);
    Some((total, noun, (cat, span)))
}

/// True for a figure of one person by its article: "a", "an", "the".
fn is_article_figure(s: &Sent, c: &Cand) -> bool {
    c.b == c.a + 1
        && s.toks
            .get(c.a)
            .is_some_and(|t| matches!(t.w, W::Indefinite | W::Definite))
}

/// The person noun right after a figure: "a \[young\] man", "two \[local\] children".
fn person_after(doc: &Doc, s: &Sent, c: &Cand, cb: usize) -> Option<(usize, VictimCategory)> {
    if is_article_figure(s, c) {
        return singular_person(doc, s, c.b, cb);
    }
    (c.b..cb.min(c.b + 3))
        .take_while(|&j| {
            s.toks
                .get(j)
                .is_some_and(|t| t.punct == 0 && (t.w == W::Other || person(t.w).is_some()))
        })
        .find_map(|j| Some((j, person(s.toks.get(j)?.w)?)))
}

/// The category of a person noun a figure counts: a victim noun's, or civilians for kin
/// ("his two sons"), which the other kinds do not read as a side.
fn person(w: W) -> Option<VictimCategory> {
    match w {
        W::Victim(cat) => Some(cat),
        W::Kin => Some(VictimCategory::Civilians),
        _ => None,
    }
}

/// True for a figure that is no figure of its own by the words around it: an older figure of
/// the same toll ("a previous toll of 112", "up from 112"), or a coding remark of analysts
/// ("coded as 10"; a whole clause of one is [`Memo::is_coding_remark`]).
fn is_aside(doc: &Doc, memo: &Memo, s: &Sent, c: &Cand) -> bool {
    if any_in(&memo.lists.previous, c.a.saturating_sub(4), c.a) {
        return true;
    }
    let from = c.a > 0 && doc.class_word_at(s, c.a - 1, W::From, lexicon::FROM);
    if from && doc.word_at_is(s, c.b, lexicon::TO) {
        return true;
    }
    if from && c.a >= 2 && doc.word_at_is(s, c.a - 2, lexicon::UP_DOWN) {
        return true;
    }
    c.a >= 2
        && any_in(&memo.lists.coded, c.a - 2, c.a - 1)
        && doc.word_at_is(s, c.a - 1, lexicon::CODED_AS)
}

/// The running phrases' first words ([`Memo::cover`]), by first letter and length
/// ([`lexicon::Shapes`]): most words are none of them.
const FIRSTS: lexicon::Shapes = {
    let mut shapes = lexicon::Shapes::NONE;
    let mut k = 0;
    while k < lexicon::RUNNING_PHRASES.len() {
        shapes = shapes.with(lexicon::RUNNING_PHRASES[k].0);
        k += 1;
    }
    shapes
};

/// The analysts' words ([`lexicon::CODED`], [`lexicon::SPLIT`]), likewise.
const ANALYSTS: lexicon::Shapes = lexicon::Shapes::of(&[lexicon::CODED, lexicon::SPLIT]);

/// The words of either.
const EITHER: lexicon::Shapes = FIRSTS.or(ANALYSTS);

/// The whole a figure is a part of ([`partitive`]).
#[derive(Clone, Copy)]
enum Whole {
    /// "two of the dead", "eleven of those wounded".
    Toll(CasualtyKind),
    /// "three of the victims".
    Victims,
    /// "one of whom", "two of them": the figure told before.
    Them,
}

/// "two of the dead", "eleven of those wounded", "three of the victims", "one of whom": a
/// part of a toll told before, and the token after the words that name it. A figure of the
/// same kind as its whole is no figure of its own ("two of the dead were children"); one of
/// another kind is ("three of the wounded later died").
fn partitive(doc: &Doc, s: &Sent, b: usize) -> Option<(Whole, usize)> {
    if !doc.class_word_at(s, b, W::Locative, lexicon::OF) {
        return None;
    }
    if doc.word_at_is(s, b + 1, lexicon::OBJECT_PRONOUNS)
        && !s
            .toks
            .get(b + 2)
            .is_some_and(|t| matches!(t.w, W::Casualty(..) | W::Victim(_)))
    {
        return Some((Whole::Them, b + 2));
    }
    let det = s.toks.get(b + 1)?;
    if det.w != W::Definite || doc.word_at_is(s, b + 1, lexicon::POSSESSIVES) {
        return None;
    }
    match s.toks.get(b + 2)?.w {
        W::Casualty(k, _) => Some((Whole::Toll(k), b + 3)),
        W::Victim(VictimCategory::People) if !doc.word_at_is(s, b + 2, lexicon::PEOPLE_PLURALS) => {
            Some((Whole::Victims, b + 3))
        }
        _ => None,
    }
}

/// What [`after_figure`] reads: the victims (their category and the words that name them)
/// and the casualty word with its token.
struct Reading {
    victims: Option<(VictimCategory, Span)>,
    kind: Option<(CasualtyKind, usize)>,
}

/// The classes of people ([`person`]): victims and kin.
const PERSONS: u64 = lexicon::VICTIMS | C::Kin.bit();
/// Nouns that may stand before a person noun ("aid workers", "security guards").
const NOUN_MODIFIERS: u64 = lexicon::mask(&[C::Thing, C::Military]);
/// Words after a figure that make it no figure of people: "12 houses", "30 rockets fired".
const NO_VICTIMS: u64 = lexicon::mask(&[C::Thing, C::WeaponNoun, C::Trigger, C::Base, C::Launch]);
/// Words passed between a figure and its casualty word: "were", "have", "the".
const PASSED_AFTER_FIGURE: u64 =
    lexicon::mask(&[C::Aux, C::Perfect, C::Definite, C::Unknown, C::Report]);
/// Words that may qualify the victims: "12 Boko Haram fighters", "12 government soldiers".
const ADJECTIVES: u64 = lexicon::mask(&[C::Other, C::Military, C::Regime]);

/// What follows a figure at token `from`: its victims and its casualty word ("12 militants
/// were killed", "23 people, among them seven children, were killed").
fn after_figure(
    doc: &Doc,
    s: &Sent,
    from: usize,
    cb: usize,
    mut victims: Option<(VictimCategory, Span)>,
) -> Option<Reading> {
    let mut j = from;
    let mut adjectives = 0;
    // tokens left in a phrase after the victims ("a fighter from the opposition rebels")
    let mut phrase = 0;
    while j < cb {
        work::add(1);
        let Some(t) = s.toks.get(j) else { break };
        if phrase > 0 {
            phrase -= 1;
            if in_phrase(doc, s, j) {
                j += 1;
                continue;
            }
            phrase = 0;
        }
        // the arms of a match on the class as tests of masks in the match's order (its jump
        // table was mispredicted at nearly every word after a figure)
        if t.is_in(PERSONS) {
            let cat = person(t.w).unwrap_or(VictimCategory::People);
            // "police officer": the head noun is the last one
            let cat = victims.map(|(c, _)| c).unwrap_or(cat);
            victims = Some((cat, t.span));
        } else if let W::Casualty(k, _) = t.w {
            return Some(Reading {
                victims,
                kind: Some((k, j)),
            });
        } else if t.w == W::Conj && victims.is_some() && joins_verbs(s, j) {
            // "was shot and killed"
        } else if t.is_in(NOUN_MODIFIERS)
            && victims.is_none()
            && s.toks.get(j + 1).is_some_and(|n| n.is_in(PERSONS))
        {
            // "aid workers", "security guards": a noun before a person noun is a modifier
        } else if t.is_in(NO_VICTIMS) {
            victims?;
            break;
        } else if t.is_in(PASSED_AFTER_FIGURE) {
        } else if victims.is_some() && part_inside(s, j, cb).is_some() {
            // "23 people, among them seven children, were killed": the part told inside
            j = part_inside(s, j, cb).unwrap_or(j);
        } else if t.punct == b'"' || t.punct == b'\'' {
            // '12 militants were "neutralised"': quotes around the verb
        } else if t.w == W::Locative && j == from && doc.word_is(t, lexicon::OF) {
            // "dozens of civilians", "12 of them"
        } else if t.is_in(lexicon::mask(&[C::Locative, C::From]))
            && victims.is_some()
            && j + 1 < cb
            && j < from + 6
        {
            // "a fighter from the Haydariyon militia was found dead", "1 fighter from IS was
            // killed", "a member of the opposition rebels was killed"
            phrase = 5;
        } else if t.is_in(ADJECTIVES) && (victims.is_none() && t.punct == 0 || t.punct == b'-') {
            adjectives += 1;
            if adjectives > 4 {
                break;
            }
            j = modifier(doc, s, t, j, &mut victims);
        } else {
            break;
        }
        j += 1;
    }
    Some(Reading {
        victims,
        kind: None,
    })
}

/// A word before the victims' noun at token `j` ("12 Boko Haram fighters"): a name gives
/// the victims where none are known yet, and a name of several words is one modifier.
/// Returns the last token of the modifier.
fn modifier(
    doc: &Doc,
    s: &Sent,
    t: &super::Tok,
    j: usize,
    victims: &mut Option<(VictimCategory, Span)>,
) -> usize {
    let Some(m) = t.ment.and_then(|m| s.ments.get(m as usize)) else {
        return j;
    };
    if victims.is_none() {
        *victims = named_victims(doc, m);
    }
    j.max(m.b.saturating_sub(1))
}

/// True if the figure at token `a` is named as a part of a toll: "among the wounded were
/// four children", "among the dead are two journalists".
fn among_toll(s: &Sent, a: usize) -> bool {
    let w = |k: usize| s.toks.get(k).map(|t| t.w);
    (a.saturating_sub(5)..a).any(|k| {
        w(k) == Some(W::Including)
            && w(k + 1) == Some(W::Definite)
            && matches!(
                w(k + 2),
                Some(W::Casualty(..) | W::Victim(VictimCategory::People))
            )
            && (k + 3..a).all(|j| matches!(w(j), Some(W::Aux | W::Perfect)))
    })
}

/// True if what killed or wounded is a disaster, not violence: the cue nearest before the
/// casualty word at `kind_tok` in its clause ("Floods kill 40", "Heavy rains caused
/// flooding that killed"), or, with none before, after it ("40 killed in floods").
fn by_disaster(s: &Sent, ca: usize, cb: usize, kind_tok: usize) -> bool {
    let cue = |k: usize| {
        s.toks.get(k).and_then(|t| match (t.w, t.k) {
            (_, K::Disaster) => Some(true),
            (W::Trigger(..) | W::WeaponNoun(_) | W::Launch, _) => Some(false),
            (_, K::None) => None,
            _ => Some(false),
        })
    };
    (ca..kind_tok)
        .rev()
        .find_map(cue)
        .or_else(|| (kind_tok + 1..cb).find_map(cue))
        .unwrap_or(false)
}

/// True if the "and" at token `j` joins an auxiliary and a casualty word ("was shot and
/// killed").
fn joins_verbs(s: &Sent, j: usize) -> bool {
    j > 0
        && s.toks.get(j - 1).is_some_and(|p| p.w == W::Aux)
        && s.toks
            .get(j + 1)
            .is_some_and(|n| matches!(n.w, W::Casualty(..)))
}

/// The token that closes a part of a toll told inside it, when token `j` opens one: ", among
/// them seven children,", "(including four women)".
fn part_inside(s: &Sent, j: usize, cb: usize) -> Option<usize> {
    let t = s.toks.get(j)?;
    if !matches!(t.punct, b',' | b'(') || s.toks.get(j + 1)?.w != W::Including {
        return None;
    }
    let close = if t.punct == b'(' { b')' } else { b',' };
    (j + 2..cb).find(|&k| s.toks.get(k).is_some_and(|x| x.punct == close))
}

/// True if token `j` continues a phrase after a figure's victims ("a fighter from the
/// opposition rebels"): words of a name, not punctuation and not another figure ("4
/// militants in addition to 11 injuries").
fn in_phrase(doc: &Doc, s: &Sent, j: usize) -> bool {
    let figure = !doc.numbers_from(s, j, j + 1).is_empty();
    !figure
        && s.toks.get(j).is_some_and(|t| {
            t.punct == 0
                && matches!(
                    t.w,
                    W::Definite
                        | W::Indefinite
                        | W::Other
                        | W::Military
                        | W::Regime
                        | W::Victim(_)
                        | W::Kin
                        | W::Unknown
                )
        })
}

/// The victims a name before the casualty word makes: an armed group ("12 Boko Haram
/// killed"), a people in the plural ("23 Palestinians").
fn named_victims(doc: &Doc, m: &super::Ment) -> Option<(VictimCategory, Span)> {
    if doc.has_kind(m, &[EntryKind::ArmedGroup]) {
        return Some((VictimCategory::Combatants, m.m.span));
    }
    let plural = doc
        .text
        .get(..m.m.span.end)
        .is_some_and(|w| w.ends_with('s'));
    (doc.has_kind(m, &[EntryKind::Demonym]) && plural).then_some((VictimCategory::People, m.m.span))
}

/// True if the casualty verb at `j` has people as its object ("killed a woman", "wounded
/// three civilians", "killed the imam"): what stands before it is the agent, not a figure.
fn has_person_object(doc: &Doc, s: &Sent, j: usize, cb: usize) -> bool {
    if !s
        .toks
        .get(j)
        .is_some_and(|t| matches!(t.w, W::Casualty(_, Pos::Verb)))
    {
        return false;
    }
    let k = j + 1;
    let Some(t) = s.toks.get(k) else {
        return false;
    };
    let figure = doc
        .numbers_from(s, k, k + 1)
        .iter()
        .find(|(n, _, _)| n.kind == NumberKind::Count)
        .map(|(_, _, b)| *b);
    match (t.w, figure) {
        (W::Victim(_) | W::Kin, _) => true,
        (_, Some(b)) => {
            (b..cb.min(b + 3)).any(|x| s.toks.get(x).is_some_and(|n| person(n.w).is_some()))
        }
        (W::Indefinite | W::Definite, None) => singular_person(doc, s, k + 1, cb).is_some(),
        _ => false,
    }
}

/// "the death toll ... has risen to 21", "the number killed had climbed from nine to 14",
/// "bringing the total since October to 34,000": a figure after "to" or "at" that a toll
/// verb sets. Its kind is the casualty word nearest before it in its stretch, else "toll"
/// (killed), else the kind of the figure the toll carries on from (`carried`).
fn toll_to(
    doc: &Doc,
    s: &Sent,
    sc: Scope,
    a: usize,
    carried: Option<CasualtyKind>,
) -> Option<(CasualtyKind, usize)> {
    let to = a.checked_sub(1)?;
    if !doc.word_at_is(s, to, lexicon::TOLL_AT) || to <= sc.lo {
        return None;
    }
    let w = |k: usize| s.toks.get(k).map_or(W::Other, |t| t.w);
    let verb = (sc.lo.max(to.saturating_sub(12))..to)
        .rev()
        .find(|&k| matches!(w(k), W::Rise | W::Bringing))?;
    let named = (sc.lo..to).rev().find_map(|k| match w(k) {
        W::Casualty(kind, _) => Some((kind, k)),
        W::Toll => Some((CasualtyKind::Killed, k)),
        _ => None,
    });
    named.or_else(|| {
        carried
            .filter(|_| w(verb) == W::Bringing)
            .map(|k| (k, verb))
    })
}

/// Before the figure: "killed 12", "killing at least 12", "toll rose to 12", "shot dead 2".
fn kind_before(doc: &Doc, s: &Sent, ca: usize, a: usize) -> Option<(CasualtyKind, usize)> {
    let mut i = a;
    let mut steps = 0usize;
    // "killing three soldiers and two civilians": the verb of the figure before the "and"
    let mut coord = false;
    while i > ca && steps < if coord { 6 } else { 3 } {
        i -= 1;
        steps += 1;
        let t = s.toks.get(i)?;
        match t.w {
            W::Casualty(k, Pos::Verb) => return Some((k, i)),
            W::Conj
                if !coord
                    && i + 1 == a
                    && i > 0
                    && s.toks
                        .get(i - 1)
                        .is_some_and(|p| matches!(p.w, W::Victim(_))) =>
            {
                coord = true;
                steps = 0;
            }
            // the earlier figure and its victims
            W::Victim(_) | W::Other if coord && t.punct == 0 => {}
            W::Casualty(CasualtyKind::Killed, Pos::After)
                if doc.word_at_is(s, i.wrapping_sub(1), lexicon::HURT_VERBS)
                    || doc.word_is(t, lexicon::LIVES) =>
            {
                return Some((CasualtyKind::Killed, i));
            }
            W::Casualty(CasualtyKind::Killed, Pos::After)
                if doc.word_at_is(s, i + 1, lexicon::OF) =>
            {
                return Some((CasualtyKind::Killed, i));
            }
            W::Toll => return Some((CasualtyKind::Killed, i)),
            W::Definite | W::Aux | W::Locative => {}
            // "the death toll rose to 12": look further back for "toll"
            W::Rise => {
                steps = steps.saturating_sub(1);
                if i + 6 < a {
                    return None;
                }
            }
            W::Other if doc.word_at_is(s, i, lexicon::TOLL_AT) => {
                steps = steps.saturating_sub(1);
                if i + 6 < a {
                    return None;
                }
            }
            _ => return None,
        }
    }
    None
}

/// Reads the figure `c` of the clause `sc` as a casualty into `out`, with what its sentence
/// itself tells of it; none where the figure is no casualty of its own. (Built in its place
/// as `out` takes it, not handed back: a casualty is large to move.)
fn read<'t>(
    doc: &Doc<'t>,
    memo: &mut Memo<'t>,
    s: &Sent,
    sc: Scope,
    c: Cand,
    strike: Option<&crate::model::Strike>,
    out: &mut Tolls,
) -> Option<()> {
    let Scope { si, ca, cb, .. } = sc;
    let in_sentence = &out.in_sentence;
    if is_passed_over(doc, memo, s, sc, &c, in_sentence) {
        return None;
    }
    let Figure {
        victims,
        kind,
        kind_tok,
    } = figure(doc, s, sc, &c, in_sentence)?;
    let disaster = memo.disaster;
    if is_refused(doc, s, sc, kind, kind_tok, disaster, victims) {
        return None;
    }
    let modality = modality::of(doc, s, ca, kind_tok.min(c.a));
    if is_either(doc, s, kind_tok, c.a) {
        return None;
    }
    let cumulative = memo.is_cumulative(s.toks, sc.lo, sc.hi);
    let victims = victims_of(doc, victims);
    // every field made before the place, the last of the large ones, so that the place and
    // its province go straight into the casualty (a place made before a call that may
    // unwind was copied once more to be dropped there); the place and date made in the
    // values returned, and whether the sentence tells them set in place (a tuple returned
    // was copied whole once more)
    let perpetrator = match strike.and_then(|x| x.actor.as_ref()) {
        Some(actor) => Some(actor.clone()),
        None => memo.perpetrator(doc, s, ca, c.a),
    };
    let source = memo.source(doc, s);
    let count = c.count.into_owned();
    out.make_room();
    let mut told = Told::default();
    let date = date_of(doc, s, sc, c.a, strike, cumulative, &mut told.date);
    let evidence = vec![s.span];
    let place = place(
        doc,
        memo,
        (si, s),
        (ca, cb),
        strike,
        cumulative,
        &mut told.place,
    );
    let province = place.as_ref().and_then(|p| doc.province_of(p));
    // built in its box, the list's and then the output's (a casualty is large: the list
    // and the output move the box, not the casualty), then merged into an earlier telling
    // if one agrees
    out.list.push(Box::new(Casualty {
        modality,
        evidence,
        kind,
        count,
        victims,
        cumulative,
        perpetrator,
        place,
        province,
        date,
        source,
        event: None,
    }));
    out.in_sentence.push(kind);
    out.settle(told);
    Some(())
}

/// Whether the figure is not read at all: a coding remark, an aside, or a part of a figure
/// already given ("including 3 children") or of a toll.
fn is_passed_over(
    doc: &Doc,
    memo: &Memo,
    s: &Sent,
    sc: Scope,
    c: &Cand,
    in_sentence: &[CasualtyKind],
) -> bool {
    if sc.coding || is_aside(doc, memo, s, c) {
        return true;
    }
    // a part of a figure already given: "including 3 children"
    let including = any_in(&memo.lists.including, c.a.saturating_sub(2), c.a);
    // a part of a toll is named after an "among" ([`among_toll`]) a few words before
    including && !in_sentence.is_empty()
        || any_in(&memo.lists.including, c.a.saturating_sub(5), c.a) && among_toll(s, c.a)
}

/// What [`figure`] reads: the victims (their category and the words that name them), the
/// kind of the casualty and the token of the word that tells it.
struct Figure {
    victims: Option<(VictimCategory, Span)>,
    kind: CasualtyKind,
    kind_tok: usize,
}

/// The kind and victims of the figure `c`, read after it or else before it; none where it
/// has no casualty word, is a part of a toll, or did the killing itself.
fn figure(
    doc: &Doc,
    s: &Sent,
    sc: Scope,
    c: &Cand,
    in_sentence: &[CasualtyKind],
) -> Option<Figure> {
    let Scope { ca, cb, .. } = sc;
    // "two of the dead were children": a part of a toll; "three of the wounded later died"
    // is a figure of the dead
    let part = partitive(doc, s, c.b);
    let from = part.map_or(c.b, |(_, after)| after);
    let Reading {
        mut victims,
        mut kind,
    } = after_figure(doc, s, from, cb, c.victims)?;
    if let Some((whole, _)) = part {
        if is_part_of(whole, kind, in_sentence) {
            return None;
        }
    }
    // "a policeman killed a woman", "2 gunmen wounded 3 people": the figure did it (not "20
    // injured fighters", where the verb is an adjective)
    if victims.is_some() && kind.is_some_and(|(_, j)| j > from && has_person_object(doc, s, j, cb))
    {
        return None;
    }
    if is_bare(s, from, victims, kind) {
        if let Some(before) = kind_before(doc, s, ca, c.a).filter(|&(_, k)| k + 3 >= c.a) {
            kind = Some(before);
        }
    }
    if kind.is_none() {
        kind = toll_to(doc, s, sc, c.a, in_sentence.last().copied());
    }
    if kind.is_none() {
        kind = kind_before(doc, s, ca, c.a);
        // after a verb before the figure, the noun after it names the victims
        if kind.is_some() && victims.is_none() {
            if let Some(t) = s.toks.get(c.b) {
                if let Some(cat) = person(t.w) {
                    victims = Some((cat, t.span));
                }
            }
        }
    }
    let (kind, kind_tok) = kind?;
    Some(Figure {
        victims,
        kind,
        kind_tok,
    })
}

/// Whether a figure that is a part of `whole` ([`partitive`]), with the casualty word
/// `found` after it, is only a part of a toll told before.
fn is_part_of(
    whole: Whole,
    found: Option<(CasualtyKind, usize)>,
    in_sentence: &[CasualtyKind],
) -> bool {
    let found = found.map(|(k, _)| k);
    match whole {
        Whole::Toll(k) => found.is_none_or(|f| f == k),
        Whole::Victims => found.is_none(),
        // "killing 2 of them" is a figure; "six wounded, one of whom seriously" is not
        Whole::Them => found.is_some() && found == in_sentence.last().copied(),
    }
}

/// "killed 3 fighters displaced from Ghouta": whether the casualty word after the figure's
/// noun is a bare participle, so the verb before the figure tells its kind.
fn is_bare(
    s: &Sent,
    from: usize,
    victims: Option<(VictimCategory, Span)>,
    kind: Option<(CasualtyKind, usize)>,
) -> bool {
    kind.is_some_and(|(_, k)| {
        k > from
            && victims.is_some()
            && !(from..k).any(|x| {
                s.toks
                    .get(x)
                    .is_some_and(|t| matches!(t.w, W::Aux | W::Perfect))
            })
    })
}

/// Whether a figure of `kind` told at `kind_tok` is refused: a disaster's (only where the
/// sentence has a disaster word, `disaster`), fighters who fled, or captives when they are
/// not asked for.
fn is_refused(
    doc: &Doc,
    s: &Sent,
    sc: Scope,
    kind: CasualtyKind,
    kind_tok: usize,
    disaster: bool,
    victims: Option<(VictimCategory, Span)>,
) -> bool {
    // "Floods kill 40 as fighting rages nearby": the figure is the flood's
    if disaster && by_disaster(s, sc.ca, sc.cb, kind_tok) {
        return true;
    }
    // "the three other soldiers fled": fighters who flee are not displaced people
    if kind == CasualtyKind::Displaced
        && s.toks
            .get(kind_tok)
            .is_some_and(|t| doc.word_is(t, lexicon::FLED))
        && victims.is_some_and(|(c, _)| {
            matches!(
                c,
                VictimCategory::Combatants | VictimCategory::SecurityForces
            )
        })
    {
        return true;
    }
    matches!(kind, CasualtyKind::Detained | CasualtyKind::Abducted) && !doc.options.captives
}

/// Whether the casualty word at `kind_tok` is one of two joined by "or"/"and" ("killed or
/// wounded"): a figure of both is a figure of neither.
fn is_either(doc: &Doc, s: &Sent, kind_tok: usize, a: usize) -> bool {
    // the other casualty word's class first: it is rarer than the words that join them
    let casualty_at = |k: usize| {
        s.toks
            .get(k)
            .is_some_and(|t| matches!(t.w, W::Casualty(..)))
    };
    if casualty_at(kind_tok + 2) && doc.word_at_is(s, kind_tok + 1, lexicon::EITHER_AFTER) {
        return true;
    }
    kind_tok < a
        && casualty_at(kind_tok.wrapping_sub(2))
        && doc.word_at_is(s, kind_tok.wrapping_sub(1), lexicon::EITHER_BEFORE)
}

/// The victims of a figure from the words that name them ("others" are people); people
/// where no words do.
fn victims_of(doc: &Doc, victims: Option<(VictimCategory, Span)>) -> Victims {
    let Some((category, span)) = victims else {
        return Victims {
            words: None,
            category: VictimCategory::People,
        };
    };
    // a span of the sentence's words is always in the text; were it not, no words
    let text = span.get(doc.text);
    // the words tested as they are in the text, not read back out of the `Excerpt` made
    let category = if text.is_some_and(|w| lexicon::is_one_of(w, lexicon::OTHERS)) {
        VictimCategory::People
    } else {
        category
    };
    let words = text.map(|w| Words::new(w, span));
    Victims { words, category }
}

/// The date of the figure at token `a`: its sentence's own (`told` set), else the
/// strike's or the paragraph's; none for a running toll.
fn date_of(
    doc: &Doc,
    s: &Sent,
    sc: Scope,
    a: usize,
    strike: Option<&crate::model::Strike>,
    cumulative: bool,
    told: &mut bool,
) -> Option<DateRef> {
    // a running toll has no date of its own ("since October 7" is when it began)
    if cumulative {
        return None;
    }
    let own = clause_else_sentence_date(doc, s, (sc.ca, sc.cb), a, nearest_event_date);
    *told = own.is_some();
    own.or_else(|| strike.and_then(|x| x.date.clone()))
        .or_else(|| paragraph_date(doc, sc.si))
}

/// Whether a phrase of running tolls ([`lexicon::RUNNING_PHRASES`]: "so far", "to date")
/// starts at token `k` of sentence `s`.
fn running_phrase_at(doc: &Doc, s: &Sent, k: usize) -> bool {
    let (Some(t), Some(n)) = (s.toks.get(k), s.toks.get(k + 1)) else {
        return false;
    };
    // the second word's length first: most words before one of its length are no first word
    lexicon::RUNNING_PHRASES.iter().any(|&(first, second)| {
        n.span.len() == second.len()
            && doc.word(t).eq_ignore_ascii_case(first)
            && doc.word(n).eq_ignore_ascii_case(second)
    })
}

/// True if a token of `at` (ascending) is in [lo, hi).
fn any_in(at: &[usize], lo: usize, hi: usize) -> bool {
    let i = at.partition_point(|&k| k < lo);
    at.get(i).is_some_and(|&k| k < hi)
}

/// The lists of a [`Memo`], which keep nothing of the text: a thread keeps those of its
/// last article for the next one (as the text stage keeps its buffers), where each
/// article grew eleven lists anew from nothing, and a sentence its list of actors.
#[derive(Default)]
struct Lists {
    /// The tokens of the carrying words ("bringing"), ascending.
    bringing: Vec<usize>,
    /// The words of running tolls ([`Memo::is_cumulative`]): the token of each, or of the
    /// first word of a phrase of two ("so far"), and the token after it, ascending.
    running: Vec<(usize, usize)>,
    /// The tokens of perfects ("has", "have"), ascending: a war that "has killed".
    perfect: Vec<usize>,
    /// The tokens of "previous" and its like ([`is_aside`]), and of "including" and "among"
    /// ([`is_passed_over`]), ascending.
    previous: Vec<usize>,
    including: Vec<usize>,
    /// The tokens of the analysts' words "coded" and "split" ([`Memo::is_coding_remark`]),
    /// ascending.
    coded: Vec<usize>,
    split: Vec<usize>,
    /// The tokens of the articles ("a", "an", "the") of the clause covered last, ascending:
    /// the only words that start a figure of [`candidates`] of their own.
    articles: Vec<usize>,
    /// The mentions that may be a perpetrator ([`may_perpetrate`]), by index, once asked
    /// ([`Memo::actors_read`]): the list is kept from sentence to sentence, not made anew.
    actors: Vec<usize>,
    /// For a sentence, the nearest earlier sentence of its paragraph that names a place
    /// ([`Memo::earlier_place`]), and the place of each such sentence: indices, not a copy
    /// of the place for every sentence.
    /// (Keyed by sentence index, which the text cannot choose: the crate's fast hash.)
    earlier: HashMap<usize, Option<usize>, crate::hash::Fast>,
    named: HashMap<usize, Option<Place>, crate::hash::Fast>,
    /// The working lists of an article's [`Tolls`] (its tellings, the listed heads of
    /// [`Heads`] and the kinds read in a sentence) and of its figures ([`candidates`]),
    /// emptied: lent to the article's tolls and figures and given back at its end, where
    /// each article grew all four anew, four allocations and frees an article
    /// ([`Tolls::take`], [`Tolls::give_back`]).
    tellings: Vec<Telling>,
    heads: Vec<(u128, usize)>,
    in_sentence: Vec<CasualtyKind>,
    cands: Vec<Cand<'static>>,
}

/// The most items a thread keeps room for in a list of [`Lists`] between articles (a list
/// holds some of a sentence's words).
const KEEP_ITEMS: usize = 256;

thread_local! {
    /// The lists of the last [`Memo`] the thread dropped (see [`Lists`]).
    static LISTS: std::cell::Cell<Lists> = std::cell::Cell::default();
}

impl Lists {
    /// The thread's lists (not emptied), or new ones.
    fn take() -> Lists {
        crate::kept::take(&LISTS)
    }

    /// Keeps the lists for the thread's next article, unless one grew large.
    fn keep(self) {
        let most = [
            self.bringing.capacity(),
            self.running.capacity(),
            self.perfect.capacity(),
            self.previous.capacity(),
            self.including.capacity(),
            self.coded.capacity(),
            self.split.capacity(),
            self.articles.capacity(),
            self.actors.capacity(),
            self.earlier.capacity(),
            self.named.capacity(),
            self.tellings.capacity(),
            self.heads.capacity(),
            self.in_sentence.capacity(),
            self.cands.capacity(),
        ]
        .into_iter()
        .max();
        crate::kept::keep(&LISTS, self, most.unwrap_or(0), KEEP_ITEMS);
    }
}

/// How many tokens before its clause a figure's questions to the [`Memo`] reach: "a
/// previous toll of" ([`is_aside`]), "among the dead were" ([`is_passed_over`]).
const LOOK_BACK: usize = 5;

/// What the figures of an article share, read once for all of them: each figure used to
/// scan its clause or sentence for these, so a clause of N figures ("killing 10, 11, 12,
/// ...") cost N scans of N tokens (issue 13). The first fields are of the sentence being
/// read ([`Memo::enter`]), read from the tokens of its clauses with figures and the
/// [`LOOK_BACK`] tokens before each ([`Memo::cover`]); the last two of the article.
#[derive(Default)]
struct Memo<'t> {
    /// The tokens before this one are read, or passed over as no figure asks about them.
    covered: usize,
    /// The sentence names a war ([`Memo::is_cumulative`]), once asked: only a perfect in a
    /// figure's stretch asks.
    war: Option<bool>,
    /// The tokens read have a disaster word ("floods"): without one in its clause no figure
    /// is a disaster's ([`by_disaster`]).
    disaster: bool,
    /// The last token of the class `Conj` ("and", "or") read ([`coordinate`]).
    last_conj: Option<usize>,
    /// The word lists of the sentence and the article, kept by the thread between articles.
    lists: Lists,
    /// The sentence's source ([`source`]), once asked.
    source: Option<Option<Source>>,
    /// [`Lists::actors`] is read for the sentence.
    actors_read: bool,
    /// The place [`pick`] finds in the whole sentence, and in the clause asked last (the
    /// figures of a clause are read one after another), as entries: a [`Place`] is built
    /// only for the figure that takes it.
    whole: Option<Option<PlaceRef<'t>>>,
    clause: Option<((usize, usize), Option<PlaceRef<'t>>)>,
}

impl<'t> Memo<'t> {
    /// Starts on the figures of a sentence: nothing of it is read yet ([`Memo::cover`]).
    fn enter(&mut self) {
        self.covered = 0;
        self.war = None;
        self.disaster = false;
        self.last_conj = None;
        self.lists.bringing.clear();
        self.lists.running.clear();
        self.lists.perfect.clear();
        self.lists.previous.clear();
        self.lists.including.clear();
        self.lists.coded.clear();
        self.lists.split.clear();
        self.whole = None;
        self.clause = None;
        self.source = None;
        self.actors_read = false;
    }

    /// A memo for an article, with the lists the thread's last article left ([`Lists`]),
    /// emptied.
    fn new() -> Memo<'t> {
        let mut memo = Memo {
            lists: Lists::take(),
            ..Memo::default()
        };
        memo.enter();
        memo.lists.articles.clear();
        memo.lists.earlier.clear();
        memo.lists.named.clear();
        memo
    }

    /// Leaves the memo's lists to the thread's next article ([`Lists`]).
    fn keep(self) {
        self.lists.keep();
    }

    /// The classes [`Memo::cover`] notes.
    const READ: u64 = lexicon::mask(&[
        C::Bringing,
        C::Running,
        C::Perfect,
        C::Previous,
        C::Including,
        C::Indefinite,
        C::Definite,
        C::Conj,
    ]);

    /// Reads, for the figures of the clause [ca, cb) of sentence `s`, what they ask of their
    /// clause or stretch and of the [`LOOK_BACK`] tokens before it: one pass over the tokens
    /// not read yet (clauses come in text order, so the lists stay ascending), where each
    /// figure's scan of its clause read them before. A clause with no casualty word, and
    /// the words before the first one with one, are not read. The clause's articles are
    /// gathered in the same pass ([`Lists::articles`]), and the last "and" noted
    /// ([`Memo::last_conj`]).
    fn cover(&mut self, doc: &Doc, s: &Sent, ca: usize, cb: usize) {
        let cb = cb.min(s.toks.len());
        let from = self.covered.max(ca.saturating_sub(LOOK_BACK));
        self.lists.articles.clear();
        // the clause's tokens read before (none, as clauses come apart and in text order):
        // only their articles are sought
        for (k, t) in (ca..).zip(s.toks.get(ca..from.min(cb)).unwrap_or(&[])) {
            if t.is_in(lexicon::ARTICLES) {
                self.lists.articles.push(k);
            }
        }
        let toks = s.toks.get(from..cb).unwrap_or(&[]);
        self.covered = self.covered.max(cb);
        work::add(toks.len());
        for (k, t) in (from..).zip(toks) {
            // the classes read told apart by one test (a bit of a mask of their numbers), not
            // a jump table: most words are none of them
            if t.is_in(Memo::READ) {
                match t.w {
                    W::Bringing => self.lists.bringing.push(k),
                    W::Running => self.lists.running.push((k, k + 1)),
                    W::Perfect => self.lists.perfect.push(k),
                    W::Previous => self.lists.previous.push(k),
                    W::Including => self.lists.including.push(k),
                    W::Conj => self.last_conj = Some(k),
                    _ if k >= ca => self.lists.articles.push(k),
                    _ => {}
                }
            }
            self.disaster |= t.k == K::Disaster;
            // a word's first byte is its lead when it has no cut, as every listed word has
            // none ([`super::Tok::lead`]): no load from the text. A word with a cut (its
            // lead's letter bit cleared) and punctuation have a lead no listed word starts
            // with, and are none of them.
            let (len, first) = (t.span.len(), t.lead);
            if EITHER.may_start(first, len) {
                if FIRSTS.may_start(first, len) && running_phrase_at(doc, s, k) {
                    self.lists.running.push((k, k + 2));
                }
                if ANALYSTS.may_start(first, len) {
                    // the word read once for both lists
                    let word = doc.word(t);
                    if lexicon::is_one_of(word, lexicon::CODED) {
                        self.lists.coded.push(k);
                    } else if lexicon::is_one_of(word, lexicon::SPLIT) {
                        self.lists.split.push(k);
                    }
                }
            }
        }
    }

    /// The stretch of clause [ca, cb) between the carrying words around a figure at
    /// [a, b): from the last one before it, to the first one after it.
    fn stretch(&self, ca: usize, cb: usize, a: usize, b: usize) -> (usize, usize) {
        let before = self.lists.bringing.partition_point(|&k| k < a);
        let lo = before
            .checked_sub(1)
            .and_then(|i| self.lists.bringing.get(i))
            .copied()
            .filter(|&k| k >= ca)
            .unwrap_or(ca);
        let after = self.lists.bringing.partition_point(|&k| k < b);
        let hi = self
            .lists
            .bringing
            .get(after)
            .copied()
            .filter(|&k| k < cb)
            .unwrap_or(cb);
        (lo, hi)
    }

    /// A running toll: "since", "so far", "to date", "in total", or a war that "has killed",
    /// in the stretch [lo, hi) of a figure's clause; a phrase of two words wholly inside it.
    /// Whether the sentence (its tokens `toks`) names a war is read the first time a perfect
    /// asks.
    fn is_cumulative(&mut self, toks: &[super::Tok], lo: usize, hi: usize) -> bool {
        // only a phrase that starts at the stretch's last token ends past it, and a running
        // word of that token comes before it: the first entry from `lo` tells
        let i = self.lists.running.partition_point(|&(a, _)| a < lo);
        let running = self
            .lists
            .running
            .get(i)
            .is_some_and(|&(a, after)| a < hi && after <= hi);
        running
            || any_in(&self.lists.perfect, lo, hi)
                && *self
                    .war
                    .get_or_insert_with(|| toks.iter().any(|t| t.w == W::War))
    }

    /// True for a clause [ca, cb) (its tokens `clause`) that is a coding remark of analysts
    /// ("10 fatalities coded and split across 4 locations"): none of its figures is a figure
    /// of its own ([`is_aside`]). Read once per clause, not once per figure.
    fn is_coding_remark(&self, doc: &Doc, clause: &[super::Tok], ca: usize, cb: usize) -> bool {
        if any_in(&self.lists.coded, ca, cb) {
            return true;
        }
        // "split" is rare: only then are the words after it sought
        any_in(&self.lists.split, ca, cb)
            && clause.iter().any(|t| doc.word_is(t, lexicon::SPLIT_OVER))
    }

    fn source(&mut self, doc: &Doc, s: &Sent) -> Option<Source> {
        self.source.get_or_insert_with(|| source(doc, s)).clone()
    }

    /// The place [`pick`] finds in the whole sentence `s`.
    fn pick_whole(&mut self, doc: &Doc<'t>, s: &Sent) -> Option<PlaceRef<'t>> {
        *self
            .whole
            .get_or_insert_with(|| pick(doc, s, 0, s.toks.len()))
    }

    /// The place [`pick`] finds in the clause [ca, cb) of the sentence `s`.
    fn pick_clause(
        &mut self,
        doc: &Doc<'t>,
        s: &Sent,
        ca: usize,
        cb: usize,
    ) -> Option<PlaceRef<'t>> {
        // a clause that is the whole sentence is read once for both
        if (ca, cb) == (0, s.toks.len()) {
            return self.pick_whole(doc, s);
        }
        match self.clause {
            Some((range, p)) if range == (ca, cb) => p,
            _ => {
                let p = pick(doc, s, ca, cb);
                self.clause = Some(((ca, cb), p));
                p
            }
        }
    }

    /// The place of the nearest earlier sentence of the paragraph of sentence `si` that
    /// names one. Each sentence's answer is kept, and a walk back stops at a known answer,
    /// so every sentence is read once however many figures ask.
    fn earlier_place(&mut self, doc: &Doc<'t>, si: usize) -> Option<Place> {
        let paragraph = doc.sents.get(si)?.paragraph;
        let mut k = si;
        let found = loop {
            let Some(p) = k.checked_sub(1).and_then(|j| doc.sents.get(j)) else {
                break None;
            };
            if p.paragraph != paragraph {
                break None;
            }
            if let Some(&known) = self.lists.earlier.get(&k) {
                break known;
            }
            let named = self
                .lists
                .named
                .entry(k - 1)
                .or_insert_with(|| pick(doc, p, 0, p.toks.len()).map(PlaceRef::to_place));
            if named.is_some() {
                break Some(k - 1);
            }
            work::add(1);
            k -= 1;
        };
        for j in k..=si {
            self.lists.earlier.insert(j, found);
        }
        self.lists.named.get(&found?).cloned().flatten()
    }

    /// [`perpetrator`], by a binary search among the sentence's possible perpetrators.
    fn perpetrator(&mut self, doc: &Doc, s: &Sent, ca: usize, at: usize) -> Option<Entity> {
        if !self.actors_read {
            self.actors_read = true;
            work::add(s.ments.len());
            self.lists.actors.clear();
            self.lists.actors.extend(
                (0..s.ments.len())
                    .filter(|&i| s.ments.get(i).is_some_and(|m| may_perpetrate(doc, s, m))),
            );
        }
        perpetrator(doc, s, &self.lists.actors, ca, at)
    }
}

/// The place a figure of clause `clause` of sentence `si`, `s`, took place: its clause's,
/// its sentence's (`own` set: the place is the sentence's own), its strike's, the
/// article's country for a running toll, or the place of the sentences before it in its
/// paragraph. (Each answer is made in the value returned, which the caller writes into the
/// casualty's box, not passed down a chain of `or_else`: a place is large to move.)
fn place<'t>(
    doc: &Doc<'t>,
    memo: &mut Memo<'t>,
    (si, s): (usize, &Sent),
    (ca, cb): (usize, usize),
    strike: Option<&crate::model::Strike>,
    cumulative: bool,
    own: &mut bool,
) -> Option<Place> {
    let found = memo
        .pick_clause(doc, s, ca, cb)
        .or_else(|| memo.pick_whole(doc, s));
    if let Some(p) = found {
        *own = true;
        return Some(p.to_place());
    }
    if let Some(x) = strike {
        if let Some(p) = x.locations.first().or_else(|| x.provinces.first()) {
            return Some(p.clone());
        }
    }
    if !cumulative {
        return memo.earlier_place(doc, si);
    }
    let c = doc.main_country?;
    Some(Place {
        text: Default::default(),
        name: Some(doc.country_name(c)),
        kind: PlaceKind::Country,
        code: Some(share_code(c)),
        country: Some(share_code(c)),
        province: None,
        span: None,
    })
}

/// The place named in tokens [lo, hi) of a sentence: the article's own country first, then
/// a place that knows its province, then a place word before it, then the most precise.
/// (A place's rank is read only when another place competes with it: most clauses name one.)
fn pick<'t>(doc: &Doc<'t>, s: &Sent, lo: usize, hi: usize) -> Option<PlaceRef<'t>> {
    let mut best: Option<Ranked> = None;
    for m in ments_from(s, lo, hi) {
        work::add(1);
        if m.b > hi || !doc.is_place(m) {
            continue;
        }
        let locative = is_locative_before(s, m.a);
        // a country named as an actor ("Russia and Iran are backing") is not a place
        let Some(p) = doc.place_ref(s, m) else {
            continue;
        };
        if p.kind == PlaceKind::Country && !locative && !is_possessive_after(doc, s, m.b) {
            continue;
        }
        let Some(b) = best.as_mut() else {
            best = Some(Ranked {
                place: p,
                locative,
                key: None,
            });
            continue;
        };
        let known = *b
            .key
            .get_or_insert_with(|| place_key(doc, &b.place, b.locative));
        let key = place_key(doc, &p, locative);
        if key > known {
            *b = Ranked {
                place: p,
                locative,
                key: Some(key),
            };
        }
    }
    best.map(|b| b.place)
}

/// How [`pick`] ranks a place (the greater first): in the article's own country, knows its
/// province, has a place word before it, the most precise kind.
type PlaceKey = (bool, bool, bool, std::cmp::Reverse<u8>);

/// The best place of [`pick`] so far: whether a place word is before it, and its rank once
/// another place asked for it.
struct Ranked<'t> {
    place: PlaceRef<'t>,
    locative: bool,
    key: Option<PlaceKey>,
}

/// The rank of the place `p` ([`PlaceKey`]), `locative` if a place word is before it.
fn place_key(doc: &Doc, p: &PlaceRef, locative: bool) -> PlaceKey {
    let rank = match p.kind {
        PlaceKind::City | PlaceKind::District | PlaceKind::AirBase => 0u8,
        PlaceKind::Province => 1,
        PlaceKind::Region => 2,
        PlaceKind::Country => 3,
    };
    (
        p.country().is_some() && p.country() == doc.main_country,
        p.kind == PlaceKind::Province || p.province().is_some(),
        locative,
        std::cmp::Reverse(rank),
    )
}

/// The mentions of a sentence that start in tokens [lo, hi), by binary search: the mentions
/// are in text order. A bound that every mention passes (the whole sentence, asked for
/// most places, or a clause from the sentence's start or to its end) is taken with no
/// search: a search's loop runs as many rounds as the count of mentions has bits, and its
/// end was mispredicted from sentence to sentence.
fn ments_from<'s>(s: &'s Sent, lo: usize, hi: usize) -> &'s [super::Ment] {
    let all = s.ments;
    let a = if all.first().is_none_or(|m| m.a >= lo) {
        0
    } else {
        all.partition_point(|m| m.a < lo)
    };
    let b = if all.last().is_none_or(|m| m.a < hi) {
        all.len()
    } else {
        all.partition_point(|m| m.a < hi)
    };
    all.get(a..b.max(a)).unwrap_or(&[])
}

fn is_possessive_after(doc: &Doc, s: &Sent, b: usize) -> bool {
    s.toks
        .get(b)
        .is_some_and(|t| doc.word(t) == lexicon::APOSTROPHE_S)
}

fn source(doc: &Doc, s: &Sent) -> Option<Source> {
    for m in s.ments {
        if doc.has_kind(m, &[EntryKind::Source]) {
            if let Some(name) = doc.as_source(m) {
                return Some(Source::new(name, m.m.span));
            }
        }
    }
    None
}

/// True if a mention may name who killed: an armed group, a force, a people or a state, not
/// after a place word ("in Syria") nor before a victim noun that is no fighter ("Syrian
/// civilians").
fn may_perpetrate(doc: &Doc, s: &Sent, m: &super::Ment) -> bool {
    if !doc.has_kind(
        m,
        &[
            EntryKind::ArmedGroup,
            EntryKind::Military,
            EntryKind::Demonym,
            EntryKind::Country,
        ],
    ) {
        return false;
    }
    if is_locative_before(s, m.a) {
        return false;
    }
    // a victim noun after it is the victims' ("Syrian civilians"), unless they fight
    s.toks.get(m.b).is_none_or(|t| {
        !matches!(t.w, W::Victim(_))
            || matches!(
                t.w,
                W::Victim(VictimCategory::Combatants) | W::Victim(VictimCategory::SecurityForces)
            )
    })
}

/// Who killed, for a figure at token `at` of a clause from `ca`: the last mention of the
/// stretch that [`may_perpetrate`] (`actors`, indices into the sentence's mentions, which
/// are in text order), as an actor. Found by a binary search for the last one that ends by
/// `at`: the mentions before it end earlier and start earlier still.
fn perpetrator(doc: &Doc, s: &Sent, actors: &[usize], ca: usize, at: usize) -> Option<Entity> {
    let ends_by = actors.partition_point(|&i| s.ments.get(i).is_some_and(|m| m.b <= at));
    let m = ends_by
        .checked_sub(1)
        .and_then(|j| actors.get(j))
        .and_then(|&i| s.ments.get(i))
        .filter(|m| m.a >= ca)?;
    doc.as_actor(m)
}

/// The casualties of an article, with an index by kind and figure: a figure told again finds
/// the tellings of its size at once, not by a scan over every casualty so far.
#[derive(Default)]
struct Tolls {
    list: Vec<Boxed>,
    /// For each casualty, whether its place and date are its sentence's own, and the one
    /// told before it with the same kind and figure.
    tellings: Vec<Telling>,
    /// The casualty told last of each kind and figure: the head of its chain of tellings.
    last: Heads,
    /// The kinds of the casualties read in the sentence being read, in text order.
    in_sentence: Vec<CasualtyKind>,
}

thread_local! {
    /// The casualty list of [`extract`], kept emptied for the thread's next text. (Its
    /// casualties are boxed: each is moved into the output by its box.)
    static LIST: std::cell::Cell<Vec<Boxed>> = std::cell::Cell::default();
}

/// Keeps `list`, the casualty list of [`extract`] once read, emptied for the thread's next
/// text ([`crate::kept::keep_list`]), if the text, of `len` bytes, took the thread's.
pub(crate) fn keep_list(len: usize, list: Vec<Boxed>) {
    crate::kept::keep_list_for(&LIST, len, list);
}

/// How many kinds and figures [`Heads`] keeps in a list, read in turn: as many as most
/// articles tell.
const LISTED: usize = 16;

/// A kind of casualty (by its number: kinds have no order) and a figure's size.
type Key = (u8, Option<u64>);

/// The heads of the chains of tellings of [`Tolls`], by kind and figure: the first
/// [`LISTED`] in a list, any others in a tree. (A figure's size is the text's to choose: a
/// list of bounded length or a tree, not a hash keyed by it.)
#[derive(Default)]
struct Heads {
    /// Each listed key as one number ([`packed`]), and its head.
    list: Vec<(u128, usize)>,
    tree: BTreeMap<Key, usize>,
}

impl Heads {
    /// The row of the list that holds this kind and figure, if it is listed: sought once for
    /// a [`Heads::get_in`] and the [`Heads::set_in`] after it.
    fn row(&self, key: Key) -> Option<usize> {
        let key = packed(key);
        self.list.iter().position(|&(k, _)| k == key)
    }

    /// The casualty told last of this kind and figure.
    #[cfg(test)]
    fn get(&self, key: Key) -> Option<usize> {
        self.get_in(self.row(key), key)
    }

    /// `Heads::get` of a key whose row ([`Heads::row`]) is `row`.
    fn get_in(&self, row: Option<usize>, key: Key) -> Option<usize> {
        match row.and_then(|r| self.list.get(r)) {
            Some(&(_, at)) => Some(at),
            None => self.tree.get(&key).copied(),
        }
    }

    /// Sets casualty `at` as the one told last of this kind and figure; returns the one
    /// before. A key listed stays in the list, so it is never in the tree too.
    #[cfg(test)]
    fn set(&mut self, key: Key, at: usize) -> Option<usize> {
        self.set_in(self.row(key), key, at)
    }

    /// `Heads::set` of a key whose row ([`Heads::row`]) is `row`, the heads unchanged since
    /// it was sought.
    fn set_in(&mut self, row: Option<usize>, key: Key, at: usize) -> Option<usize> {
        if let Some((_, x)) = row.and_then(|r| self.list.get_mut(r)) {
            return Some(std::mem::replace(x, at));
        }
        if self.list.len() < LISTED {
            if self.list.capacity() == 0 {
                self.list.reserve(LISTED);
            }
            self.list.push((packed(key), at));
            return None;
        }
        self.tree.insert(key, at)
    }
}

/// A key of [`Heads`] as one number, compared at once where the pair's compare took a
/// branch for each of its parts (a row's search was mispredicted at most casualties).
fn packed((kind, size): Key) -> u128 {
    u128::from(kind) << 72 | u128::from(size.is_some()) << 64 | u128::from(size.unwrap_or(0))
}

/// A casualty's entry in [`Tolls::tellings`].
#[derive(Clone, Copy)]
struct Telling {
    told: Told,
    /// The casualty told before it with the same kind and figure, if any.
    before: Option<usize>,
}

/// Whether a figure's place and date are told in its own sentence, rather than taken from
/// the strike or the paragraph around it: only what a sentence tells can tell two figures
/// apart ("2 fatalities." after a sentence that names another town is no other figure).
#[derive(Clone, Copy, Default)]
struct Told {
    place: bool,
    date: bool,
}

/// How many of the last tellings of the same kind and figure a casualty is compared with
/// (`Tolls::add`). An article restates a toll a few times; without a bound, an article of
/// N figures of a few sizes told in N different places (a feed of the same report from many
/// towns) compares each with all before it, N² / sizes in all (issue 13). Past the bound a
/// figure restated is another casualty, which the reader sees; nothing is dropped.
pub(crate) const TOLL_LOOK_BACK: usize = 32;

/// The room [`Tolls::list`] starts with: as many figures as most articles tell, not grown
/// (and every casualty moved again) at the fifth and ninth.
const LIST_START: usize = 16;

impl Tolls {
    /// The tolls of an article, in `list` (emptied), with the working lists that `lists`
    /// kept from the thread's last article ([`Lists::tellings`]), emptied.
    fn take(list: Vec<Boxed>, lists: &mut Lists) -> Tolls {
        let mut tolls = Tolls {
            list,
            tellings: std::mem::take(&mut lists.tellings),
            last: Heads {
                list: std::mem::take(&mut lists.heads),
                tree: BTreeMap::new(),
            },
            in_sentence: std::mem::take(&mut lists.in_sentence),
        };
        tolls.list.clear();
        tolls.tellings.clear();
        tolls.last.list.clear();
        tolls.in_sentence.clear();
        tolls
    }

    /// The article's casualties; the working lists go back to `lists` for the thread's
    /// next article.
    fn give_back(self, lists: &mut Lists) -> Vec<Boxed> {
        lists.tellings = self.tellings;
        lists.heads = self.last.list;
        lists.in_sentence = self.in_sentence;
        self.list
    }

    /// Sizes the list and the tellings at the first casualty (each may be the thread's,
    /// with room already: [`LIST`], [`Lists::tellings`]).
    fn make_room(&mut self) {
        if self.list.capacity() == 0 {
            self.list.reserve(LIST_START);
        }
        if self.tellings.capacity() == 0 {
            self.tellings.reserve(LIST_START);
        }
    }

    /// Settles the casualty pushed last, told as `told`: merged into the last one told with
    /// the same kind, figure, scope and modality whose place, date and victims agree (of the
    /// last [`TOLL_LOOK_BACK`]), else kept: "two soldiers killed in Donetsk" and "two
    /// civilians killed in Kherson" are two figures, a figure restated is one.
    fn settle(&mut self, told: Told) {
        let Some((c, earlier)) = self.list.split_last() else {
            return;
        };
        let key = (c.kind as u8, c.count.best());
        // the tellings of the same kind and figure, the last first
        let row = self.last.row(key);
        let mut at = self.last.get_in(row, key);
        let mut same = None;
        for _ in 0..TOLL_LOOK_BACK {
            let Some(i) = at else { break };
            work::add(1);
            let (Some(p), Some(pt)) = (earlier.get(i), self.tellings.get(i)) else {
                break;
            };
            if p.cumulative == c.cumulative
                && p.modality == c.modality
                && agrees(p, pt.told, c, told)
            {
                same = Some(i);
                break;
            }
            at = pt.before;
        }
        let Some(i) = same else {
            let before = self.last.set_in(row, key, earlier.len());
            self.tellings.push(Telling { told, before });
            return;
        };
        // (the casualty is the last: popped, it is merged into the one it restates)
        let Some(c) = self.list.pop().map(|c| *c) else {
            return;
        };
        let (Some(prev), Some(Telling { told: pt, .. })) =
            (self.list.get_mut(i), self.tellings.get_mut(i))
        else {
            return;
        };
        pt.place |= told.place && prev.place.is_none();
        pt.date |= told.date && prev.date.is_none();
        for e in c.evidence {
            push_unique_ascending(&mut prev.evidence, e);
        }
        if prev.place.is_none() {
            prev.place = c.place;
            prev.province = c.province;
        }
        if prev.date.is_none() {
            prev.date = c.date;
        }
        if prev.source.is_none() {
            prev.source = c.source;
        }
        if prev.victims.words.is_none() {
            prev.victims = c.victims;
        }
        if prev.perpetrator.is_none() {
            prev.perpetrator = c.perpetrator;
        }
    }
}

/// True if two figures of one size can be one: no conflict of place, day or victims ("people"
/// agrees with any victims).
fn agrees(p: &Casualty, pt: Told, c: &Casualty, ct: Told) -> bool {
    let place = match (&p.place, &c.place) {
        (Some(x), Some(y)) if pt.place && ct.place => identity::place_agrees(x, y),
        _ => true,
    };
    let date = !(pt.date && ct.date) || identity::dates_agree(p.date.as_ref(), c.date.as_ref());
    let victims = p.victims.category == c.victims.category
        || p.victims.category == VictimCategory::People
        || c.victims.category == VictimCategory::People;
    place && victims && date
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words [`Doc::class_word_at`] is asked about have the class it tells them by, in
    /// either case.
    #[test]
    fn words_told_by_their_class_have_it() {
        let lists: [(&[&str], W); 3] = [
            (lexicon::FROM, W::From),
            (lexicon::OF, W::Locative),
            (lexicon::AND, W::Conj),
        ];
        for (list, w) in lists {
            for word in list {
                assert_eq!(lexicon::classify(word.as_bytes()).0, w, "{word}");
                let upper = word.to_ascii_uppercase();
                assert_eq!(lexicon::classify(upper.as_bytes()).0, w, "{upper}");
            }
        }
    }

    #[test]
    fn heads_past_the_list_are_kept_in_the_tree() {
        let mut heads = Heads::default();
        // more kinds and figures than the list holds
        let keys: Vec<Key> = (0..40u64).map(|n| ((n % 3) as u8, Some(n))).collect();
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(heads.get(k), None);
            assert_eq!(heads.set(k, i), None);
        }
        for (i, &k) in keys.iter().enumerate() {
            assert_eq!(heads.get(k), Some(i));
            assert_eq!(heads.set(k, 100 + i), Some(i));
            assert_eq!(heads.get(k), Some(100 + i));
        }
        assert_eq!(heads.get((0, None)), None);
        assert_eq!(heads.list.len(), LISTED);
    }

    /// The last "and" the memo reads for a clause that ends its sentence is the one a scan
    /// of the sentence finds (where a figure of the clause may be before it), and the
    /// figures joined by it are joined.
    #[test]
    fn the_memo_tells_the_last_and_of_a_clause_that_ends_its_sentence() {
        let text = "Gunmen killed a man and a woman in Kabul, and two soldiers died. \
                    A farmer and his two sons were killed, officials said. Three were killed.";
        let mut joined = 0;
        crate::events::testing::each_sentence(text, None, |doc, s| {
            let mut memo = Memo::default();
            memo.enter();
            let mut v = Vec::new();
            for &(ca, cb) in s.clauses {
                memo.cover(doc, s, ca, cb);
                if cb == s.toks.len() {
                    let scan = s.toks.iter().rposition(|t| t.w == W::Conj);
                    let after = |k: Option<usize>| k.filter(|&k| k >= ca);
                    assert_eq!(after(memo.last_conj), after(scan), "{ca}..{cb}");
                }
                let conj = memo.last_conj;
                candidates(doc, s, (ca, cb), &memo.lists.articles, conj, &mut v);
                joined += v.iter().filter(|c| c.victims.is_some()).count();
            }
        });
        // "a man and a woman", "a farmer and his two sons"
        assert_eq!(joined, 2);
    }

    /// A person noun after "a" is one person, unless a part noun stands between them ("a
    /// group member", "a total of one man"), which is read only once the person noun is.
    #[test]
    fn a_part_noun_before_the_person_noun_makes_no_person() {
        let cases = [
            ("A young man was killed.", true),
            ("A Syrian army officer was killed.", true),
            ("A group member was killed.", false),
            ("A total man was killed.", false),
            ("A member was killed.", true),
            ("A fighter was killed.", true),
            ("A dozen fighter was killed.", false),
            ("A statement said nothing.", false),
        ];
        for (text, person) in cases {
            crate::events::testing::each_sentence(text, None, |doc, s| {
                let found = singular_person(doc, s, 1, s.toks.len());
                assert_eq!(found.is_some(), person, "{text}");
            });
        }
    }

    /// A clause that is its whole sentence takes all the sentence's figures, with no search
    /// for its bounds: they are the figures a search finds, and the candidates the same.
    #[test]
    fn a_whole_sentence_clause_takes_all_its_figures() {
        let text = "Two soldiers and 14 civilians were killed and 3,000 displaced in 2023. \
                    At least 12 people died, 40 were hurt, and a man was killed on 5 May.";
        let mut figures = 0;
        crate::events::testing::each_sentence(text, None, |doc, s| {
            let (all, len) = (doc.numbers(s), s.toks.len());
            assert_eq!(doc.numbers_from(s, 0, len).len(), all.len());
            assert!(all.iter().all(|&(_, a, b)| a < b && b <= len));
            let mut v = Vec::new();
            candidates(doc, s, (0, len), &[], None, &mut v);
            let mut w = Vec::new();
            candidates(doc, s, (0, len + 1), &[], None, &mut w);
            let at = |v: &[Cand]| v.iter().map(|c| (c.a, c.b)).collect::<Vec<_>>();
            assert_eq!(at(&v), at(&w));
            figures += v.len();
        });
        assert!(figures >= 4, "{figures}");
    }

    /// The tolls' working lists are lent emptied with their room, and given back with it.
    #[test]
    fn the_tolls_lists_are_lent_emptied_and_given_back() {
        let mut lists = Lists::default();
        lists.tellings.push(Telling {
            told: Told::default(),
            before: None,
        });
        lists.heads.push((1, 2));
        lists.in_sentence.push(CasualtyKind::Killed);
        let rooms = |l: &Lists| (l.tellings.capacity(), l.heads.capacity());
        let room = rooms(&lists);
        let tolls = Tolls::take(Vec::new(), &mut lists);
        assert!(tolls.tellings.is_empty() && tolls.last.list.is_empty());
        assert!(tolls.in_sentence.is_empty() && tolls.in_sentence.capacity() > 0);
        assert_eq!(
            (tolls.tellings.capacity(), tolls.last.list.capacity()),
            room
        );
        assert!(tolls.give_back(&mut lists).is_empty());
        assert_eq!(rooms(&lists), room);
        assert!(lists.in_sentence.capacity() > 0);
    }

    /// An article's casualties leave the thread its tolls' and figures' lists, which the
    /// next article takes: the same casualties, and the lists' room not made anew.
    #[test]
    fn an_article_leaves_its_lists_to_the_next() {
        let text = "Two soldiers were killed and three civilians wounded in Aleppo on Monday. \
                    A man and a woman were killed in Idlib.";
        let read = || {
            crate::events::testing::with_doc(text, None, |doc| {
                let strikes = super::super::strike::extract(doc);
                let list = extract(doc, &strikes, &[]);
                let kinds: Vec<_> = list.iter().map(|c| (c.kind, c.count.value)).collect();
                keep_list(text.len(), list);
                kinds
            })
        };
        let first = read();
        assert!(first.len() >= 2, "{first:?}");
        let lists = Lists::take();
        let rooms = (
            lists.tellings.capacity(),
            lists.heads.capacity(),
            lists.in_sentence.capacity(),
            lists.cands.capacity(),
        );
        assert!(
            rooms.0 > 0 && rooms.1 > 0 && rooms.2 > 0 && rooms.3 > 0,
            "{rooms:?}"
        );
        lists.keep();
        assert_eq!(read(), first);
        let again = Lists::take();
        assert_eq!(again.tellings.capacity(), rooms.0);
        assert_eq!(again.cands.capacity(), rooms.3);
        again.keep();
    }

    /// A casualty of `kind` and figure `n` told in the sentence at `at`.
    fn told(kind: CasualtyKind, n: u64, at: usize) -> Casualty {
        crate::events::testing::casualty(kind, n, at, None)
    }

    #[test]
    fn a_figure_restated_is_settled_into_the_first_telling() {
        let mut tolls = Tolls::default();
        for (kind, n, at) in [
            (CasualtyKind::Killed, 12, 0),
            (CasualtyKind::Wounded, 12, 10),
            (CasualtyKind::Killed, 12, 20),
            (CasualtyKind::Killed, 7, 30),
        ] {
            tolls.make_room();
            tolls.list.push(Box::new(told(kind, n, at)));
            tolls.settle(Told::default());
        }
        // the third is the first restated: one casualty with the evidence of both
        let kept: Vec<_> = tolls.list.iter().map(|c| (c.kind, c.count.value)).collect();
        assert_eq!(
            kept,
            [
                (CasualtyKind::Killed, Some(12)),
                (CasualtyKind::Wounded, Some(12)),
                (CasualtyKind::Killed, Some(7)),
            ]
        );
        assert_eq!(tolls.list[0].evidence, [Span::new(0, 1), Span::new(20, 21)]);
        assert_eq!(tolls.tellings.len(), 3);
        // a figure told again after them finds the chain of its kind and size
        tolls.list.push(Box::new(told(CasualtyKind::Killed, 7, 40)));
        tolls.settle(Told::default());
        assert_eq!(tolls.list.len(), 3);
        assert_eq!(tolls.list[2].evidence.len(), 2);
    }

    #[test]
    fn the_cover_filters_let_every_listed_word_through() {
        let lists: [(&[&str], &lexicon::Shapes); 2] =
            [(lexicon::CODED, &ANALYSTS), (lexicon::SPLIT, &ANALYSTS)];
        for (list, shapes) in lists {
            for w in list {
                let first = w.as_bytes()[0];
                assert!(shapes.may_start(first, w.len()), "{w}");
                assert!(EITHER.may_start(first.to_ascii_uppercase(), w.len()), "{w}");
            }
        }
        for (first, _) in lexicon::RUNNING_PHRASES {
            let b = first.as_bytes()[0];
            assert!(FIRSTS.may_start(b, first.len()), "{first}");
            assert!(EITHER.may_start(b, first.len()), "{first}");
            assert!(
                EITHER.may_start(b.to_ascii_uppercase(), first.len()),
                "{first}"
            );
        }
        // and stop a word of a length none of them has, or a first letter none has
        assert!(!EITHER.may_start(b'a', 40) && !FIRSTS.may_start(b'q', 5));
        assert!(
            !EITHER.may_start(b'q', 5) && !EITHER.may_start(b'7', 2) && !EITHER.may_start(b',', 1)
        );
        // by byte, exactly: a first byte and a length pass if a listed word has them
        let words: Vec<&str> = lexicon::CODED
            .iter()
            .chain(lexicon::SPLIT)
            .copied()
            .chain(lexicon::RUNNING_PHRASES.iter().map(|(first, _)| *first))
            .collect();
        for b in 0..=u8::MAX {
            for len in 0..64 {
                let listed = words
                    .iter()
                    .any(|w| w.len() == len && w.as_bytes()[0].eq_ignore_ascii_case(&b));
                assert_eq!(EITHER.may_start(b, len), listed, "{b} {len}");
            }
        }
    }

    /// [`Memo::cover`] tells the listed words by a token's lead, not its first byte in the
    /// text: a token of each, in any case, has its first byte as its lead, and a word with a
    /// cut, a figure or punctuation of their lengths and letters does not pass.
    #[test]
    fn the_cover_reads_listed_words_by_their_lead() {
        let words = lexicon::CODED
            .iter()
            .chain(lexicon::SPLIT)
            .copied()
            .chain(lexicon::RUNNING_PHRASES.iter().map(|(first, _)| *first))
            .collect::<Vec<_>>();
        for &w in &words {
            let upper = w.to_ascii_uppercase();
            let title = format!("{}{}", &upper[..1], &w[1..]);
            for form in [w.to_string(), upper, title] {
                let text = format!("Rebels {form} far killed 3 people.");
                crate::events::testing::with_doc(&text, None, |doc| {
                    let s = doc.sents.first().expect("a sentence");
                    let t = s
                        .toks
                        .iter()
                        .find(|t| doc.word(t) == form)
                        .expect("the word");
                    assert_eq!(t.lead, form.as_bytes()[0], "{form}");
                    assert!(EITHER.may_start(t.lead, t.span.len()), "{form}");
                });
            }
        }
        let text = "They s.o 30 40 t' \"so\" c.ded, sp'it: 12,000 killed.";
        crate::events::testing::with_doc(text, None, |doc| {
            let s = doc.sents.first().expect("a sentence");
            for t in s.toks {
                let word = doc.word(t);
                let listed = words.contains(&word);
                assert_eq!(EITHER.may_start(t.lead, t.span.len()), listed, "{word}");
            }
        });
    }

    /// The mentions taken with no search for a bound every mention passes are those two
    /// binary searches find, for every range of tokens around each sentence.
    #[test]
    fn the_mentions_from_a_range_are_those_a_search_finds() {
        let text = "Gunmen killed a man in Kabul and two in Kandahar, Afghanistan, on Monday. \
                    Syrian forces shelled Aleppo and Idlib. No names here at all. \
                    In Mosul, Iraq, the Islamic State killed 12.";
        let mut ments = 0;
        crate::events::testing::each_sentence(text, None, |_, s| {
            let len = s.toks.len();
            for lo in 0..=len + 1 {
                for hi in 0..=len + 1 {
                    let a = s.ments.partition_point(|m| m.a < lo);
                    let b = s.ments.partition_point(|m| m.a < hi).max(a);
                    let searched = s.ments.get(a..b).unwrap_or(&[]);
                    let got = ments_from(s, lo, hi);
                    assert_eq!(got.len(), searched.len(), "{lo}..{hi}");
                    assert!(got.iter().zip(searched).all(|(x, y)| std::ptr::eq(x, y)));
                }
            }
            ments += s.ments.len();
        });
        assert!(ments >= 6, "{ments}");
    }

    #[test]
    fn tokens_in_a_range() {
        let at = [2, 5, 9];
        assert!(!any_in(&at, 3, 5));
        assert!(any_in(&at, 3, 6));
        assert!(!any_in(&at, 0, 2));
        assert!(any_in(&at, 9, 10));
        assert!(!any_in(&at, 10, 20));
        assert!(!any_in(&[], 0, 20));
    }

    #[test]
    fn running_words_and_phrases_inside_a_stretch() {
        // a running word at 3, a phrase of two words at 5 and 6
        let mut memo = Memo {
            lists: Lists {
                running: vec![(3, 4), (5, 7)],
                ..Lists::default()
            },
            war: Some(false),
            ..Memo::default()
        };
        assert!(!memo.is_cumulative(&[], 0, 3));
        assert!(memo.is_cumulative(&[], 3, 4));
        assert!(memo.is_cumulative(&[], 0, 20));
        // the phrase's second word is past the stretch
        assert!(!memo.is_cumulative(&[], 4, 6));
        assert!(memo.is_cumulative(&[], 4, 7));
        assert!(!memo.is_cumulative(&[], 6, 9));
        // a running word that also starts a phrase, at the stretch's last token
        memo.lists.running = vec![(5, 6), (5, 7)];
        assert!(memo.is_cumulative(&[], 4, 6));
        memo.lists.running = vec![(5, 7)];
        assert!(!memo.is_cumulative(&[], 4, 6));
        // a perfect counts in a sentence that names a war
        memo.lists.running.clear();
        memo.lists.perfect = vec![2];
        assert!(!memo.is_cumulative(&[], 0, 3));
        memo.war = Some(true);
        assert!(memo.is_cumulative(&[], 0, 3));
        assert!(!memo.is_cumulative(&[], 3, 9));
        // the war is sought in the tokens only when a perfect asks, then kept
        memo.war = None;
        assert!(!memo.is_cumulative(&[], 3, 9));
        assert_eq!(memo.war, None);
        assert!(!memo.is_cumulative(&[], 0, 3));
        assert_eq!(memo.war, Some(false));
    }
}
