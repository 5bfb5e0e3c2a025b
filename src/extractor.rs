//! The extractor: article text in, events out.

use chrono::NaiveDate;

use crate::error::Error;
use crate::events;
use crate::gazetteer::Gazetteer;
use crate::model::Event;
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

    /// The events of an article. Never fails and never panics; every span is a byte span
    /// of `doc.text()` on char boundaries.
    pub fn extract(&self, doc: &Document<'_>) -> Vec<Event> {
        let norm = Normalized::new(doc.text);
        let mut events =
            events::extract(&self.gazetteer, self.options, norm.as_str(), doc.published);
        for e in &mut events {
            remap(e, &norm, doc.text);
        }
        events
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
        })
    }
}
