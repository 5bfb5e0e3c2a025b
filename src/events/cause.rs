//! Casualties and their causes: each figure points at the event that caused it, and each
//! event's `fatalities` is the sum of the killed figures that point at it.
//!
//! A figure's cause is an event told in the same sentence (a kind of this crate before a
//! strike: "clashes, backed by shelling, killed 3" is the clash's), else the event told last
//! before it in its paragraph, within two sentences. A running toll has no cause.

use super::Doc;
use crate::model::{CasualtyKind, Count, Event, Modality, Qualifier, VictimCategory};

/// Links the casualties (from `first_casualty` on) to the events before them, then moves
/// every casualty into text order among the events, keeping the links right.
pub(crate) fn link(doc: &Doc, events: &mut [Event], first_casualty: usize) {
    let sentence_of = |at: usize| doc.sents.partition_point(|s| s.span.end <= at);
    if events.len() <= first_casualty {
        // no casualties: nothing to link, and the events are in text order
        return;
    }
    let starts: Vec<(usize, usize, bool)> = events
        .iter()
        .take(first_casualty)
        .map(|e| {
            let start = e.evidence().first().map_or(usize::MAX, |s| s.start);
            (sentence_of(start), start, matches!(e, Event::Strike(_)))
        })
        .collect();
    debug_assert!(starts.is_sorted_by_key(|x| x.0), "events out of text order");
    for e in events.iter_mut().skip(first_casualty) {
        let Event::Casualty(c) = e else { continue };
        if c.cumulative {
            continue;
        }
        let Some(at) = c.evidence.first().map(|s| s.start) else {
            continue;
        };
        let si = sentence_of(at);
        c.event = cause_of(doc, &starts, si);
    }
    fatalities(doc.text, events, first_casualty);
    order(events);
}

/// The index of the event that caused a figure of sentence `si`; `starts` holds each event's
/// (sentence, start of its evidence, is a strike), in text order (the events are sorted by
/// their start before the casualties are added), so the events of a sentence are found by a
/// binary search, not by a scan of every event for every figure.
fn cause_of(doc: &Doc, starts: &[(usize, usize, bool)], si: usize) -> Option<usize> {
    // the events of sentences [from, to): a range of `starts`
    let of = |from: usize, to: usize| {
        let a = starts.partition_point(|x| x.0 < from);
        let b = starts.partition_point(|x| x.0 < to);
        (a, b.max(a))
    };
    // the same sentence: a kind before a strike
    let (a, b) = of(si, si + 1);
    let here = starts.get(a..b).unwrap_or(&[]);
    super::work::add(here.len() + 1);
    let same = |strike: bool| here.iter().position(|x| x.2 == strike).map(|i| a + i);
    if let Some(i) = same(false).or_else(|| same(true)) {
        return Some(i);
    }
    // the event told last in the two sentences before, in the same paragraph: the last of
    // the range, as the range is in the order of the starts
    let paragraph = doc.sents.get(si)?.paragraph;
    let (a, b) = of(si.saturating_sub(2), si);
    (a..b).rev().find(|&i| {
        starts
            .get(i)
            .and_then(|x| doc.sents.get(x.0))
            .is_some_and(|s| s.paragraph == paragraph)
    })
}

/// An event's `fatalities`: its asserted, killed figures. Two figures of the same victims are
/// one toll told twice or updated ("at least eight", then "the toll rose to 10"): the larger
/// stands. Figures of different victims add up ("3 soldiers and 2 civilians" is 5), unless a
/// figure of people in general is as large as their sum: then it is the total.
fn fatalities(text: &str, events: &mut [Event], first_casualty: usize) {
    let mut tolls: Vec<Vec<(VictimCategory, Count)>> = vec![Vec::new(); first_casualty];
    for e in events.iter().skip(first_casualty) {
        let Event::Casualty(c) = e else { continue };
        if c.kind != CasualtyKind::Killed || c.modality != Modality::Asserted {
            continue;
        }
        let Some(list) = c.event.and_then(|i| tolls.get_mut(i)) else {
            continue;
        };
        let cat = c.victims.category;
        match list.iter_mut().find(|(k, _)| *k == cat) {
            Some((_, n)) if c.count.best() > n.best() => *n = c.count.clone(),
            Some(_) => {}
            None => list.push((cat, c.count.clone())),
        }
    }
    for (e, list) in events.iter_mut().zip(tolls) {
        let sum = total(text, list);
        match e {
            Event::Strike(s) => s.fatalities = sum,
            Event::Explosion(x) => x.incident.fatalities = sum,
            Event::Clash(x) => x.incident.fatalities = sum,
            Event::Attack(x) => x.incident.fatalities = sum,
            Event::Protest(x) => x.incident.fatalities = sum,
            Event::Riot(x) => x.incident.fatalities = sum,
            Event::Development(x) => x.incident.fatalities = sum,
            _ => {}
        }
    }
}

/// The total of one event's figures, one per kind of victims (see [`fatalities`]).
fn total(text: &str, list: Vec<(VictimCategory, Count)>) -> Option<Count> {
    // one walk in the list's order: the figure of people in general set aside, the others
    // summed (most events have no figure: nothing is allocated for them)
    let mut people: Option<Count> = None;
    let mut sum: Option<Count> = None;
    for (k, n) in list {
        if k == VictimCategory::People {
            people = people.or(Some(n));
            continue;
        }
        sum = Some(match sum {
            None => n,
            Some(prev) => add(text, &prev, &n),
        });
    }
    match (people, sum) {
        (Some(p), Some(s)) if p.best() >= s.best() => Some(p),
        (p, None) => p,
        (_, s) => s,
    }
}

/// Two figures of one event added: "killing 3 soldiers and 2 civilians" is 5. The words are
/// the stretch from the first figure to the second.
fn add(text: &str, prev: &Count, c: &Count) -> Count {
    let exact = prev.qualifier == Qualifier::Exact && c.qualifier == Qualifier::Exact;
    let value = match (prev.best(), c.best()) {
        (Some(p), Some(q)) => Some(p.saturating_add(q)),
        _ => None,
    };
    let span = prev.span.cover(c.span);
    Count::new(
        if exact { value } else { None },
        if exact { None } else { value },
        None,
        if exact {
            Qualifier::Exact
        } else {
            Qualifier::AtLeast
        },
        span.get(text).unwrap_or(""),
        span,
    )
}

/// Puts every event in text order, casualties among the others, and renumbers the links.
fn order(events: &mut [Event]) {
    let start = |e: &Event| e.evidence().first().map_or(usize::MAX, |s| s.start);
    // most often the events are in order already: nothing moves, nothing is allocated
    if events.is_sorted_by_key(start) {
        return;
    }
    // one sort of the indices by (start, index): the order of a stable sort by start, the
    // events then moved there by swaps, not sorted a second time
    let mut idx: Vec<(usize, usize)> = events.iter().map(start).zip(0..).collect();
    idx.sort_unstable();
    let mut new_of = vec![0usize; events.len()];
    for (new, &(_, old)) in idx.iter().enumerate() {
        if let Some(slot) = new_of.get_mut(old) {
            *slot = new;
        }
    }
    // each swap puts the event at `i` where it goes: at most one swap per event
    let mut to = new_of.clone();
    for i in 0..to.len() {
        while let Some(&j) = to.get(i).filter(|&&j| j != i) {
            events.swap(i, j);
            to.swap(i, j);
        }
    }
    for e in events.iter_mut() {
        if let Event::Casualty(c) = e {
            c.event = c.event.and_then(|i| new_of.get(i).copied());
        }
    }
}
