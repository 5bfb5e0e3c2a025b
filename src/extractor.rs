//! The extractor: article text in, events out.

use chrono::NaiveDate;

use crate::error::Error;
use crate::events;
use crate::gazetteer::Gazetteer;
use crate::model::{Event, Modality};
use crate::text::Normalized;

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
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor on the built-in gazetteer (built once, on first use, and shared).
    pub fn new() -> Extractor {
        Extractor {
            gazetteer: Gazetteer::builtin().clone(),
            options: events::Options::default(),
            asserted_only: false,
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
    pub fn extract(&self, doc: &Document<'_>) -> Vec<Event> {
        let norm = Normalized::new(doc.text);
        let mut events =
            events::extract(&self.gazetteer, self.options, norm.as_str(), doc.published);
        if self.asserted_only {
            keep_asserted(&mut events);
        }
        for e in &mut events {
            remap(e, &norm, doc.text);
        }
        events
    }
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

/// Moves every span of an event from the folded text back to the original, and the words
/// a field keeps with its span to the original's words.
fn remap(e: &mut Event, norm: &Normalized<'_>, original: &str) {
    e.for_each_span(&mut |span, words| {
        *span = norm.span_to_original(*span);
        if let (Some(t), Some(w)) = (words, span.get(original)) {
            if w != t.as_str() {
                *t = w.to_string();
            }
        }
    });
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
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            strike.actor.as_ref()?.country.clone()
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
}
