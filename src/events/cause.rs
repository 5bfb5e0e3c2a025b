//! Casualties and their causes: each figure points at the event that caused it, and each
//! event's `fatalities` is the sum of the killed figures that point at it.
//!
//! A figure's cause is an event told in the same sentence (a kind of this crate before a
//! strike: "clashes, backed by shelling, killed 3" is the clash's), else the event told last
//! before it in its paragraph, within two sentences. A running toll has no cause.

use super::casualty::Boxed;
use super::Doc;
use crate::model::{CasualtyKind, Count, Event, Modality, Qualifier, VictimCategory};

/// Links the casualties to the events (in text order) before them, sets the events'
/// fatalities, then merges the two lists into one in text order, keeping the links right.
///
/// The two lists are kept for the thread's next text, emptied; the output is made anew.
pub(crate) fn link(doc: &Doc, mut events: Vec<Event>, mut casualties: Vec<Boxed>) -> Vec<Event> {
    if casualties.is_empty() {
        // no casualties: nothing to link, and the events are in text order
        // the events move to an output of their number: the list is kept
        let mut out = Vec::with_capacity(events.len());
        out.append(&mut events);
        super::keep_events(doc.text.len(), events);
        super::casualty::keep_list(doc.text.len(), casualties);
        return out;
    }
    let mut scratch = Scratch::take(events.len(), doc.sents.len() + 1);
    let Scratch {
        starts,
        first,
        figures,
        sums,
        new_of,
    } = &mut scratch;
    // the events and figures come in text order: their sentences are found by a walk on
    let mut sentences = Sentences::new(doc);
    starts.clear();
    starts.extend(events.iter().map(|e| {
        let start = start_of(e.evidence());
        (sentences.of(start), start, matches!(e, Event::Strike(_)))
    }));
    debug_assert!(starts.is_sorted_by_key(|x| x.0), "events out of text order");
    first_events(doc.sents.len(), starts, first);
    let mut sentences = Sentences::new(doc);
    // each figure's cause, and the figures that count toward a cause's fatalities gathered
    // in the same walk ([`fatalities`]), where a second walk read every casualty again
    figures.clear();
    figures.reserve(casualties.len());
    for (fi, c) in casualties.iter_mut().enumerate() {
        if c.cumulative {
            continue;
        }
        let Some(at) = c.evidence.first().map(|s| s.start) else {
            continue;
        };
        let si = sentences.of(at);
        c.event = cause_of(doc, starts, first, si);
        if let Some(i) = c.event.filter(|&i| i < events.len() && counts(c)) {
            figures.push((i, fi));
        }
    }
    fatalities(doc.text, &mut events, &casualties, figures, sums);
    let out = merge(&mut events, starts, &mut casualties, new_of);
    scratch.keep();
    super::keep_events(doc.text.len(), events);
    super::casualty::keep_list(doc.text.len(), casualties);
    out
}

/// The working lists of [`link`]: a thread keeps those of its last article for the next
/// one (as the text stage keeps its buffers), where each article made five anew.
#[derive(Default)]
struct Scratch {
    starts: Vec<(usize, usize, bool)>,
    first: Vec<usize>,
    figures: Vec<(usize, usize)>,
    sums: Vec<(usize, Count)>,
    new_of: Vec<usize>,
}

/// The most items a thread keeps room for in a list of [`Scratch`] between articles: a news
/// article tells fewer events and sentences.
const KEEP_ITEMS: usize = 256;

thread_local! {
    /// The lists of the last article the thread linked (see [`Scratch`]).
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::default();
}

impl Scratch {
    /// The thread's lists (not emptied) for an article of `events` events and `first`
    /// entries of [`first_events`] that they may keep, else new ones (the thread's left as
    /// they are): a text too long to keep its lists costs the heap what it did before they
    /// were kept, whatever was kept before it.
    fn take(events: usize, first: usize) -> Scratch {
        if events.max(first) > KEEP_ITEMS {
            return Scratch::default();
        }
        crate::kept::take(&SCRATCH)
    }

    /// Keeps the lists for the thread's next article, unless one grew large.
    fn keep(mut self) {
        // (no figure's words kept past its article)
        self.sums.clear();
        let most = [
            self.starts.capacity(),
            self.first.capacity(),
            self.figures.capacity(),
            self.sums.capacity(),
            self.new_of.capacity(),
        ]
        .into_iter()
        .max();
        crate::kept::keep(&SCRATCH, self, most.unwrap_or(0), KEEP_ITEMS);
    }
}

/// The start of the first evidence span: an event's place in text order.
fn start_of(evidence: &[crate::span::Span]) -> usize {
    evidence.first().map_or(usize::MAX, |s| s.start)
}

/// The sentence of an offset, for offsets asked mostly in ascending order: a walk on from
/// the sentence of the last one, a binary search only where an offset is before it.
struct Sentences<'d, 't> {
    sents: &'d [super::Sent<'t>],
    /// The sentence of the last offset asked, and that offset.
    at: usize,
    last: usize,
}

impl<'d, 't> Sentences<'d, 't> {
    fn new(doc: &'d Doc<'t>) -> Self {
        Sentences {
            sents: &doc.sents,
            at: 0,
            last: 0,
        }
    }

    /// The index of the first sentence that ends after `at` (the number of sentences if
    /// none does).
    fn of(&mut self, at: usize) -> usize {
        if at < self.last {
            self.at = self.sents.partition_point(|s| s.span.end <= at);
        } else {
            while self.sents.get(self.at).is_some_and(|s| s.span.end <= at) {
                self.at += 1;
            }
        }
        self.last = at;
        self.at
    }
}

/// For each sentence index `i` up to `sentences` (inclusive), the number of events told
/// before sentence `i`: the index in `starts` (in sentence order) of the first event of
/// sentence `i` or after. Made by one count of the events and one sum, so the events of a
/// sentence are found by two look-ups, not by binary searches for every figure.
/// Made in `first`, emptied first.
fn first_events(sentences: usize, starts: &[(usize, usize, bool)], first: &mut Vec<usize>) {
    // the events of each sentence counted at the sentence after it, then summed: no branch
    // a sentence (the walk's test of the next event was mispredicted at most sentences
    // with events)
    first.clear();
    first.resize(sentences + 1, 0);
    for x in starts {
        if let Some(n) = first.get_mut(x.0.saturating_add(1)) {
            *n += 1;
        }
    }
    let mut sum = 0;
    for f in first.iter_mut() {
        sum += *f;
        *f = sum;
    }
}

/// The index of the event that caused a figure of sentence `si`; `starts` holds each event's
/// (sentence, start of its evidence, is a strike), in text order (the events are sorted by
/// their start before the casualties are added), and `first` where each sentence's events
/// begin in it ([`first_events`]), so the events of a sentence are found at once, not by a
/// scan of every event for every figure.
fn cause_of(
    doc: &Doc,
    starts: &[(usize, usize, bool)],
    first: &[usize],
    si: usize,
) -> Option<usize> {
    // the events of sentences [from, to): a range of `starts` (past the last sentence, all
    // the events, whose sentences are at most the number of sentences)
    let of = |from: usize, to: usize| {
        let at = |i: usize| first.get(i).copied().unwrap_or(starts.len());
        let (a, b) = (at(from), at(to));
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

/// True if a casualty linked to an event counts toward its `fatalities` ([`fatalities`]):
/// an asserted figure of the killed.
fn counts(c: &crate::model::Casualty) -> bool {
    c.kind == CasualtyKind::Killed && c.modality == Modality::Asserted
}

/// An event's `fatalities`: its asserted, killed figures. Two figures of the same victims are
/// one toll told twice or updated ("at least eight", then "the toll rose to 10"): the larger
/// stands. Figures of different victims add up ("3 soldiers and 2 civilians" is 5), unless a
/// figure of people in general is as large as their sum: then it is the total.
/// `figures` holds (event, figure) for each figure linked to an event that [`counts`], in
/// the casualties' order (gathered as [`link`] links them); `sums` is room for its work
/// ([`Scratch`]), emptied first.
fn fatalities(
    text: &str,
    events: &mut [Event],
    casualties: &[Boxed],
    figures: &mut [(usize, usize)],
    sums: &mut Vec<(usize, Count)>,
) {
    debug_assert!(
        figures.iter().all(|&(i, fi)| i < events.len()
            && casualties
                .get(fi)
                .is_some_and(|c| counts(c) && c.event == Some(i))),
        "figures not the counted ones"
    );
    // the figures grouped by event in text order by a stable sort: no list of figures is
    // allocated per event, and no figure copied but the one that stands
    if figures.is_empty() {
        return;
    }
    figures.sort_by_key(|&(i, _)| i);
    sums.clear();
    sums.reserve(figures.len().min(events.len()));
    let mut list: Vec<(VictimCategory, &Count)> = Vec::with_capacity(8);
    for group in figures.chunk_by(|x, y| x.0 == y.0) {
        list.clear();
        for &(_, fi) in group {
            let Some(c) = casualties.get(fi) else {
                continue;
            };
            let cat = c.victims.category;
            match list.iter_mut().find(|(k, _)| *k == cat) {
                Some((_, n)) if c.count.best() > n.best() => *n = &c.count,
                Some(_) => {}
                None => list.push((cat, &c.count)),
            }
        }
        if let (Some(&(i, _)), Some(sum)) = (group.first(), total(text, &list)) {
            sums.push((i, sum));
        }
    }
    // the events are made with no fatalities: only those with figures are set
    for (i, sum) in sums.drain(..) {
        match events.get_mut(i) {
            Some(Event::Strike(s)) => s.fatalities = Some(sum),
            Some(Event::Explosion(x)) => x.incident.fatalities = Some(sum),
            Some(Event::Clash(x)) => x.incident.fatalities = Some(sum),
            Some(Event::Attack(x)) => x.incident.fatalities = Some(sum),
            Some(Event::Protest(x)) => x.incident.fatalities = Some(sum),
            Some(Event::Riot(x)) => x.incident.fatalities = Some(sum),
            Some(Event::Development(x)) => x.incident.fatalities = Some(sum),
            _ => {}
        }
    }
}

/// The total of one event's figures, one per kind of victims (see [`fatalities`]).
fn total(text: &str, list: &[(VictimCategory, &Count)]) -> Option<Count> {
    // one walk in the list's order: the figure of people in general set aside, the others
    // summed
    let mut people: Option<&Count> = None;
    let mut sum: Option<Count> = None;
    for &(k, n) in list {
        if k == VictimCategory::People {
            people = people.or(Some(n));
            continue;
        }
        sum = Some(match sum {
            None => n.clone(),
            Some(prev) => add(text, &prev, n),
        });
    }
    match (people, sum) {
        (Some(p), Some(s)) if p.best() >= s.best() => Some(p.clone()),
        (p, None) => p.cloned(),
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

/// The events (in text order) and the casualties in one list in text order, as a stable
/// sort of the events followed by the casualties would put them (an event before a casualty
/// of the same start), with the links renumbered: each record moved once, to its place.
/// `starts` has each event's start as its second field (the list [`link`] made, one item
/// an event): read there, where the evidence of an event read anew was a jump on its kind.
/// `new_of` is room for its work ([`Scratch`]), emptied first. Both lists are left empty.
fn merge(
    events: &mut Vec<Event>,
    starts: &[(usize, usize, bool)],
    casualties: &mut Vec<Boxed>,
    new_of: &mut Vec<usize>,
) -> Vec<Event> {
    debug_assert!(
        events.is_sorted_by_key(|e| start_of(e.evidence())),
        "events out of text order"
    );
    debug_assert!(
        starts.len() == events.len()
            && events
                .iter()
                .zip(starts)
                .all(|(e, s)| start_of(e.evidence()) == s.1),
        "starts not the events'"
    );
    // most often in text order already: a check, no move
    casualties.sort_by_key(|c| start_of(&c.evidence));
    // the place of each event in the output, then the output built by one walk of both
    // (both in text order: the casualties before each event counted by a walk on)
    new_of.clear();
    new_of.reserve(events.len());
    let mut ci = 0;
    for (k, &(_, at, _)) in starts.iter().enumerate() {
        while casualties
            .get(ci)
            .is_some_and(|c| start_of(&c.evidence) < at)
        {
            ci += 1;
        }
        new_of.push(k + ci);
    }
    let mut out = Vec::with_capacity(events.len() + casualties.len());
    let mut cs = std::mem::take(casualties).into_iter();
    let mut es = std::mem::take(events).into_iter();
    // each casualty's link renumbered as it moves into the output: a walk of the output
    // afterwards tested every record for a casualty, mispredicted at about every other one
    let new_of = &*new_of;
    let renumbered = |mut c: Boxed| {
        c.event = c.event.and_then(|i| new_of.get(i).copied());
        Event::Casualty(c)
    };
    // the events as runs of those with no casualty between them, each run moved by one
    // extend: an event moved straight into its place (a push of each event took it out
    // into a temporary first, two copies of a large record)
    for run in new_of.chunk_by(|p, q| p + 1 == *q) {
        // the casualties before the run, moved as a run
        let before = run.first().map_or(0, |&n| n.saturating_sub(out.len()));
        out.extend(cs.by_ref().take(before).map(renumbered));
        out.extend(es.by_ref().take(run.len()));
    }
    out.extend(cs.by_ref().map(renumbered));
    // the lists' allocations back, for the thread's next text
    *casualties = super::emptied(cs);
    *events = super::emptied(es);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk to the sentence of an offset finds the sentence a binary search finds, in
    /// any order of the offsets.
    #[test]
    fn sentences_walk_as_a_search_finds() {
        let text = "Troops attacked a village. Two were killed. Police arrested ten men. \
                    Protesters gathered. The army shelled the town. Nothing else.";
        crate::events::testing::with_doc(text, None, |doc| walk_and_search(doc, text));
    }

    /// [`sentences_walk_as_a_search_finds`] on the document of `text`.
    fn walk_and_search(doc: &Doc, text: &str) {
        assert!(doc.sents.len() > 3);
        let mut next = crate::text::xorshift(5);
        let mut sentences = Sentences::new(doc);
        for _ in 0..1_000 {
            // mostly ascending, at times back, at times past the end
            let at = match next() % 4 {
                0 => (next() % (text.len() as u64 + 8)) as usize,
                _ => (sentences.last + (next() % 20) as usize).min(text.len() + 4),
            };
            let want = doc.sents.partition_point(|s| s.span.end <= at);
            assert_eq!(sentences.of(at), want, "{at}");
        }
        assert_eq!(sentences.of(usize::MAX), doc.sents.len());
    }

    /// The first event of each sentence is where a binary search of the events' sentences
    /// puts it, for every sentence and one past the last (and all the events after that).
    #[test]
    fn first_events_as_a_search_finds() {
        let mut next = crate::text::xorshift(7);
        for _ in 0..200 {
            let sentences = (next() % 12) as usize;
            let mut starts: Vec<(usize, usize, bool)> = (0..(next() % 10))
                .map(|_| ((next() % (sentences as u64 + 1)) as usize, 0, false))
                .collect();
            starts.sort_by_key(|x| x.0);
            let mut first = vec![7];
            first_events(sentences, &starts, &mut first);
            assert_eq!(first.len(), sentences + 1);
            for (i, &f) in first.iter().enumerate() {
                assert_eq!(f, starts.partition_point(|x| x.0 < i), "{i} {starts:?}");
            }
        }
    }

    /// A figure of killed people at `start`, linked to event `event`.
    fn figure(start: usize, event: Option<usize>) -> Boxed {
        Box::new(crate::events::testing::casualty(
            CasualtyKind::Killed,
            1,
            start,
            event,
        ))
    }

    /// The start of an event's evidence and, for a figure, its link.
    fn shape(e: &Event) -> (usize, Option<Option<usize>>) {
        let link = match e {
            Event::Casualty(c) => Some(c.event),
            _ => None,
        };
        (start_of(e.evidence()), link)
    }

    /// The merge puts the events and figures where a stable sort of the events followed by
    /// the figures puts them (an event before a figure of the same start; figures out of
    /// order sorted), and each link then points at the same event.
    #[test]
    fn merge_as_a_stable_sort_orders() {
        let strike = |start: usize| {
            Event::from(crate::model::Strike {
                evidence: vec![crate::span::Span::new(start, start + 1)],
                ..Default::default()
            })
        };
        let mut events: Vec<Event> = [10, 20, 20, 40].into_iter().map(strike).collect();
        let mut figures = vec![
            figure(20, Some(2)),
            figure(5, None),
            figure(40, Some(0)),
            figure(50, Some(3)),
            figure(20, Some(1)),
            figure(10, Some(1)),
        ];
        // the old way: all in one list, sorted stably by start, the links renumbered
        let mut all: Vec<Event> = events.clone();
        all.extend(figures.iter().cloned().map(Event::Casualty));
        let mut idx: Vec<usize> = (0..all.len()).collect();
        idx.sort_by_key(|&i| all.get(i).map(|e| start_of(e.evidence())));
        let new_of = |old: usize| idx.iter().position(|&i| i == old);
        let want: Vec<_> = idx
            .iter()
            .filter_map(|&i| all.get(i))
            .map(|e| {
                let (start, link) = shape(e);
                (start, link.map(|l| l.and_then(new_of)))
            })
            .collect();
        let starts: Vec<_> = events
            .iter()
            .map(|e| (0, start_of(e.evidence()), false))
            .collect();
        let got: Vec<_> = merge(&mut events, &starts, &mut figures, &mut vec![3])
            .iter()
            .map(shape)
            .collect();
        assert_eq!(got, want);
        assert!(
            events.is_empty() && figures.is_empty(),
            "both lists left empty"
        );
        assert_eq!(
            (events.capacity(), figures.capacity()),
            (4, 6),
            "with their room"
        );
        assert_eq!(got.first(), Some(&(5, Some(None))));
        assert_eq!(got.get(1), Some(&(10, None)));
    }
}
