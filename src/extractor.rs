//! The extractor: article text in, events out.

use crate::bounds::{skipped, Stage};
use chrono::NaiveDate;

use crate::error::Error;
use crate::events;
use crate::gazetteer::Gazetteer;
use crate::model::{Event, Excerpt, Modality};
use crate::span::Span;
use crate::text::{self, Normalized};

/// An article to read: its text and, optionally, its publication date.
///
/// Relative dates ("Tuesday", "yesterday", "last September") resolve against the
/// publication date; without one they are kept with `date: None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document<'t> {
    text: &'t str,
    published: Option<NaiveDate>,
}

impl<'t> Document<'t> {
    /// An article with no publication date.
    pub fn new(text: &'t str) -> Document<'t> {
        Document {
            text,
            published: None,
        }
    }

    /// Sets the publication date.
    pub fn published(mut self, date: NaiveDate) -> Document<'t> {
        self.published = Some(date);
        self
    }

    /// The text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The publication date, if set.
    pub fn publication_date(&self) -> Option<NaiveDate> {
        self.published
    }
}

/// Reads articles and returns their events. Cheap to clone; `Send + Sync`.
///
/// ```
/// use conflict_events::{Document, Event, Extractor, NaiveDate};
///
/// let text = "Russian warplanes struck Islamic State positions in Idlib province on \
///             Tuesday, killing 12 militants, the Syrian Observatory for Human Rights said.";
/// let date = NaiveDate::from_ymd_opt(2016, 8, 16).unwrap();
/// let events = Extractor::new().extract(&Document::new(text).published(date));
///
/// let strike = events.iter().find_map(Event::as_strike).unwrap();
/// assert_eq!(strike.actor.as_ref().unwrap().country.as_deref(), Some("RU"));
/// assert_eq!(strike.provinces[0].code.as_deref(), Some("SY-ID"));
///
/// let casualty = events.iter().find_map(Event::as_casualty).unwrap();
/// assert_eq!(casualty.count.value, Some(12));
/// assert_eq!(casualty.date.as_ref().unwrap().date, Some(date)); // Tuesday = that day
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    options: events::Options,
    asserted_only: bool,
    window: usize,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// The longest piece of an article read at once, in bytes, unless
    /// [`ExtractorBuilder::window_bytes`] sets another: about 10,000 words, longer than all
    /// but the longest narratives.
    pub const DEFAULT_WINDOW_BYTES: usize = 64 * 1024;

    /// An extractor on the built-in gazetteer (built once, on first use, and shared).
    pub fn new() -> Extractor {
        Extractor {
            gazetteer: Gazetteer::builtin().clone(),
            options: events::Options::default(),
            asserted_only: false,
            window: Extractor::DEFAULT_WINDOW_BYTES,
        }
    }

    /// A builder, to set the gazetteer.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The gazetteer in use.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// The work counted so far by this thread's extractions (the steps of the inner loops):
    /// for the linearity test of the crate, which checks that it grows in proportion to the
    /// input in every shape of text. Not part of the API: it may change or go at any time.
    #[doc(hidden)]
    pub fn work_steps() -> u64 {
        events::work::steps()
    }

    /// The events of an article. Never fails and never panics; every span is a byte span
    /// of `doc.text()` on char boundaries.
    ///
    /// The events come in the order the text tells them, casualty figures among them (a
    /// figure's `event` is an index into the same list). An article longer than the window
    /// ([`Extractor::DEFAULT_WINDOW_BYTES`], or [`ExtractorBuilder::window_bytes`]) is read a window of
    /// whole paragraphs at a time, so that its cost in memory is bounded by the window
    /// whatever its length; what is told in two windows is two events.
    pub fn extract(&self, doc: &Document<'_>) -> Vec<Event> {
        let mut events = Vec::new();
        for w in text::windows(doc.text, self.window) {
            let original = doc.text.get(w.start..w.end).unwrap_or("");
            let norm = Normalized::new(original);
            let mut found = events::extract(
                &self.gazetteer,
                self.options,
                norm.as_str(),
                doc.published,
                w.part,
            );
            if !skipped(Stage::Remap) {
                remap(&mut found, &norm, original, w.start);
            }
            join(&mut events, found);
        }
        if self.asserted_only {
            keep_asserted(&mut events);
        }
        events
    }
}

/// The events of an article's windows, joined into one list in text order, each casualty's
/// `event` moved by the events of the windows before its own.
fn join(events: &mut Vec<Event>, window: Vec<Event>) {
    if events.is_empty() {
        // the first window (most often the only one), as it is
        *events = window;
        return;
    }
    let before = events.len();
    events.extend(window.into_iter().map(|mut e| {
        if let Event::Casualty(c) = &mut e {
            c.event = c.event.map(|i| i + before);
        }
        e
    }));
}

/// Drops the events the text does not report as having happened, and renumbers the
/// casualties' `event` (an index into the same list): a figure whose event is dropped
/// keeps no event.
fn keep_asserted(events: &mut Vec<Event>) {
    let mut kept = 0;
    let new_index: Vec<Option<usize>> = events
        .iter()
        .map(|e| {
            (e.modality() == Modality::Asserted).then(|| {
                kept += 1;
                kept - 1
            })
        })
        .collect();
    events.retain(|e| e.modality() == Modality::Asserted);
    for e in events.iter_mut() {
        if let Event::Casualty(c) = e {
            c.event = c.event.and_then(|i| new_index.get(i).copied().flatten());
        }
    }
}

/// Moves every span of a window's events from its folded text back to the original,
/// and the words a field keeps with its span to the original's words; then by `offset`,
/// where the window starts in the article.
///
/// Each call of the walk passes `None` or `Some` words as a constant, so the `match` in the
/// closures is decided where the walk is compiled: a span with words and one without go to
/// functions of their own, with no test of the words at run time (it was mispredicted on
/// about a quarter of the spans).
fn remap(events: &mut [Event], norm: &Normalized<'_>, original: &str, offset: usize) {
    if norm.is_borrowed() {
        // nothing folded: the spans are the original's already
        for e in events {
            e.for_each_span(&mut |span, words| {
                if let Some(words) = words {
                    set_words(words, span.get(original), original, *span);
                }
                *span = moved(*span, offset);
            });
        }
    } else {
        let back = Back {
            norm,
            original,
            offset,
        };
        for e in events {
            e.for_each_span(&mut |span, words| match words {
                Some(words) => back.remap_with_words(span, words),
                None => back.remap(span),
            });
        }
    }
}

/// What [`remap`] maps the spans of a folded window with.
struct Back<'n, 't> {
    norm: &'n Normalized<'t>,
    /// The text the window folded.
    original: &'t str,
    offset: usize,
}

impl Back<'_, '_> {
    /// Maps `span` to the original and moves it by the offset. Inlined: the walk calls it
    /// from few places (the evidence, a casualty's source), and it allocates nothing.
    #[inline]
    fn remap(&self, span: &mut Span) {
        let (back, _) = self.norm.span_and_text_to_original(*span);
        *span = moved(back, self.offset);
    }

    /// [`Back::remap`] of a span that keeps words, which become the original's words at it.
    /// Not inlined: the walk over an event's fields calls it from many places.
    #[inline(never)]
    fn remap_with_words(&self, span: &mut Span, words: &mut Excerpt) {
        let (back, text) = self.norm.span_and_text_to_original(*span);
        set_words(words, text, self.original, back);
        *span = moved(back, self.offset);
    }
}

/// `span` moved by `offset`.
#[inline]
fn moved(span: Span, offset: usize) -> Span {
    Span::new(span.start + offset, span.end + offset)
}

/// Sets the words a field keeps to `text`, the text of `original` at its span `at`, where
/// it has one: in place, with no allocation unless the words are new and longer than an
/// [`Excerpt`] holds inline.
#[inline]
fn set_words(words: &mut Excerpt, text: Option<&str>, original: &str, at: Span) {
    if let (Some(text), Some(tail)) = (text, original.as_bytes().get(at.start..)) {
        words.set_from(text, tail);
    }
}

/// Builds an [`Extractor`].
///
/// ```
/// use conflict_events::{Extractor, gazetteer::Gazetteer};
/// let gazetteer = Gazetteer::builder()
///     .add_tsv("extra.tsv", "armed_group\tRed Hand Brigade\t\t\t\tRHB")
///     .build()?;
/// let extractor = Extractor::builder().gazetteer(gazetteer).build()?;
/// # Ok::<(), conflict_events::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    gazetteer: Option<Gazetteer>,
    options: events::Options,
    asserted_only: bool,
    window: Option<usize>,
}

impl ExtractorBuilder {
    /// Uses this gazetteer instead of the built-in one.
    pub fn gazetteer(mut self, gazetteer: Gazetteer) -> Self {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Also report figures of people detained, arrested, abducted or kidnapped (kinds
    /// `detained` and `abducted`). Off by default: most such figures in the news are police
    /// actions or crime reports, not casualties of war.
    pub fn captives(mut self, yes: bool) -> Self {
        self.options.captives = yes;
        self
    }

    /// Keep only the events reported as having happened (modality `asserted`): denied,
    /// hypothetical and planned ones are dropped. Off by default: every event comes with
    /// its `modality`.
    ///
    /// ```
    /// use conflict_events::{Document, Extractor, Modality};
    ///
    /// let text = "Russian warplanes struck militants in Idlib on Tuesday. Turkey plans to \
    ///             launch drone strikes against the PKK in northern Iraq next month.";
    /// let all = Extractor::new().extract(&Document::new(text));
    /// assert!(all.iter().any(|e| e.modality() == Modality::Planned));
    ///
    /// let extractor = Extractor::builder().asserted_only(true).build()?;
    /// let asserted = extractor.extract(&Document::new(text));
    /// assert!(!asserted.is_empty());
    /// assert!(asserted.iter().all(|e| e.modality() == Modality::Asserted));
    /// # Ok::<(), conflict_events::Error>(())
    /// ```
    pub fn asserted_only(mut self, yes: bool) -> Self {
        self.asserted_only = yes;
        self
    }

    /// The longest piece of an article read at once, in bytes ([`Extractor::DEFAULT_WINDOW_BYTES`]
    /// unless set; 1,024 at least). An article longer than this is cut into windows at
    /// paragraph breaks (else at sentence ends, line breaks or white space) and each is read
    /// on its own, so memory is bounded by the window (at most about 125 bytes per byte of
    /// a window, 14 to 30 in news) and not by the article. What a window cannot see is lost:
    /// an event retold in a later window is an event of its own, and a toll updated there a
    /// figure of its own.
    ///
    /// ```
    /// use conflict_events::{Document, Event, Extractor};
    ///
    /// let paragraph = "Russian warplanes struck militants in Idlib on Tuesday.\n\n";
    /// let text = paragraph.repeat(100); // 5.6 KB
    /// let small = Extractor::builder().window_bytes(2048).build()?;
    /// let events = small.extract(&Document::new(&text));
    /// // the strike retold in every paragraph is one strike in each window of three
    /// let strikes = events.iter().filter_map(Event::as_strike).count();
    /// assert!(strikes > 1);
    /// let whole = Extractor::builder().window_bytes(1 << 20).build()?;
    /// assert_eq!(whole.extract(&Document::new(&text)).iter().filter_map(Event::as_strike).count(), 1);
    /// # Ok::<(), conflict_events::Error>(())
    /// ```
    pub fn window_bytes(mut self, bytes: usize) -> Self {
        self.window = Some(bytes.max(text::MIN_WINDOW));
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// None today; the signature leaves room for settings that validate.
    pub fn build(self) -> Result<Extractor, Error> {
        Ok(Extractor {
            gazetteer: self
                .gazetteer
                .unwrap_or_else(|| Gazetteer::builtin().clone()),
            options: self.options,
            asserted_only: self.asserted_only,
            window: self.window.unwrap_or(Extractor::DEFAULT_WINDOW_BYTES),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names, codes and countries of built-in places and actors borrow the embedded
    /// gazetteer: extracting copies none of them.
    #[test]
    fn builtin_names_in_events_are_not_copied() {
        use std::borrow::Cow;
        let text = "Russian warplanes struck militants in Idlib province on Tuesday.";
        let events = Extractor::new().extract(&Document::new(text));
        let strike = events.iter().find_map(Event::as_strike).expect("a strike");
        let actor = strike.actor.as_ref().expect("an actor");
        assert!(matches!(&actor.name, Cow::Borrowed(_)), "{actor:?}");
        assert!(
            matches!(&actor.country, Some(Cow::Borrowed("RU"))),
            "{actor:?}"
        );
        let idlib = strike.provinces.first().expect("a province");
        assert!(
            matches!(&idlib.code, Some(Cow::Borrowed("SY-ID"))),
            "{idlib:?}"
        );
        assert!(matches!(&idlib.name, Some(Cow::Borrowed(_))), "{idlib:?}");
    }

    /// One asserted strike and casualty, then a planned, a hypothetical and a denied strike.
    const FOUR_MODALITIES: &str = "Russian warplanes struck militants in Idlib province on \
        Tuesday, killing 12 fighters, a monitor said. Turkey plans to launch drone strikes \
        against the PKK in northern Iraq next month, officials said. Analysts warned that \
        Israeli jets could strike Iranian targets in Syria in the coming weeks. The Pentagon \
        denied that U.S. aircraft had bombed a hospital in Kunduz.";

    #[test]
    fn asserted_only_drops_planned_hypothetical_and_negated_events() {
        let doc = Document::new(FOUR_MODALITIES);
        let all = Extractor::new().extract(&doc);
        for m in [Modality::Planned, Modality::Hypothetical, Modality::Negated] {
            assert!(
                all.iter().any(|e| e.modality() == m),
                "no {m:?} event in {all:#?}"
            );
        }
        let extractor = Extractor::builder().asserted_only(true).build().unwrap();
        let kept = extractor.extract(&doc);
        let expected: Vec<Event> = all
            .into_iter()
            .filter(|e| e.modality() == Modality::Asserted)
            .collect();
        assert_eq!(kept, expected);
        let strikes: Vec<_> = kept.iter().filter_map(Event::as_strike).collect();
        assert_eq!(strikes.len(), 1, "{kept:#?}");
        let actor = strikes[0].actor.as_ref().and_then(|a| a.country.as_deref());
        assert_eq!(actor, Some("RU"));
        let killed = kept
            .iter()
            .find_map(Event::as_casualty)
            .map(|c| c.count.value);
        assert_eq!(killed, Some(Some(12)));
    }

    #[test]
    fn asserted_only_renumbers_the_event_a_casualty_points_at() {
        let text = "Turkey plans to launch drone strikes against the PKK in northern Iraq \
                    next month. Russian warplanes struck militants in Idlib on Tuesday, \
                    killing 12 fighters.";
        let doc = Document::new(text);
        let cause = |events: &[Event]| -> Option<String> {
            let c = events.iter().find_map(Event::as_casualty)?;
            let strike = events.get(c.event?)?.as_strike()?;
            strike
                .actor
                .as_ref()?
                .country
                .as_deref()
                .map(str::to_string)
        };
        let all = Extractor::new().extract(&doc);
        assert_eq!(cause(&all).as_deref(), Some("RU"), "{all:#?}");
        let extractor = Extractor::builder().asserted_only(true).build().unwrap();
        let kept = extractor.extract(&doc);
        assert!(kept.len() < all.len(), "{kept:#?}");
        assert_eq!(cause(&kept).as_deref(), Some("RU"), "{kept:#?}");
    }

    #[test]
    fn asserted_only_is_off_by_default() {
        let doc = Document::new(FOUR_MODALITIES);
        let built = Extractor::builder().build().unwrap().extract(&doc);
        assert!(built.iter().any(|e| e.modality() == Modality::Negated));
        assert_eq!(built, Extractor::new().extract(&doc));
    }

    /// An article of `n` paragraphs (at most 31), each telling a strike on a town and a day
    /// of its own with its toll, and (town, toll) of each.
    fn strikes_in_towns(n: usize) -> (String, Vec<(&'static str, u64)>) {
        const TOWNS: [&str; 8] = [
            "Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Daraa", "Latakia", "Palmyra",
        ];
        let mut text = String::new();
        let mut told = Vec::new();
        for i in 0..n {
            let town = TOWNS[i % TOWNS.len()];
            let toll = 3 + i as u64;
            text.push_str(&format!(
                "Russian warplanes struck {town} on May {}, killing {toll} \
                 civilians, a monitor said. The monitor gave no other detail of the raid \
                 on the town, and the ministry did not answer questions about it.\n\n",
                i + 1
            ));
            told.push((town, toll));
        }
        (text, told)
    }

    #[test]
    fn windows_join_into_one_list_with_spans_and_links_on_the_article() {
        let (text, told) = strikes_in_towns(24);
        let day = NaiveDate::from_ymd_opt(2016, 6, 1).unwrap();
        let doc = Document::new(&text).published(day);
        let extractor = Extractor::builder().window_bytes(1024).build().unwrap();
        let events = extractor.extract(&doc);
        let strikes: Vec<_> = events.iter().filter_map(Event::as_strike).collect();
        assert_eq!(strikes.len(), told.len(), "{events:#?}");
        // in text order, casualties among the events
        let starts: Vec<usize> = events.iter().map(|e| e.evidence()[0].start).collect();
        assert!(starts.is_sorted(), "{starts:?}");
        let mut tolls = Vec::new();
        for c in events.iter().filter_map(Event::as_casualty) {
            // each figure points at the strike of its own paragraph, on the town it names
            let strike = events[c.event.unwrap()].as_strike().unwrap();
            let place = strike.locations.iter().chain(&strike.provinces).next();
            let town = place.and_then(|p| p.span?.get(&text)).unwrap();
            let toll = c.count.value.unwrap();
            assert!(told.contains(&(town, toll)), "{town} {toll}");
            assert_eq!(c.count.span.get(&text), Some(toll.to_string().as_str()));
            tolls.push(toll);
        }
        assert_eq!(tolls, told.iter().map(|t| t.1).collect::<Vec<_>>());
        // the same article read whole tells the same events: each window saw all of them
        assert_eq!(events, Extractor::new().extract(&doc));
    }

    #[test]
    fn a_window_is_at_least_the_minimum() {
        let (text, _) = strikes_in_towns(4);
        let tiny = Extractor::builder().window_bytes(0).build().unwrap();
        let least = Extractor::builder()
            .window_bytes(text::MIN_WINDOW)
            .build()
            .unwrap();
        let doc = Document::new(&text);
        assert_eq!(tiny.extract(&doc), least.extract(&doc));
    }
}
