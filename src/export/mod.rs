//! Events out of Rust: ACLED-style CSV rows and one HTML page that shows the reading.
//!
//! - [`Csv`] writes one row per event in ACLED's columns ([`CSV_COLUMNS`]); casualty
//!   figures are not rows of their own but feed the `fatalities` of the event that caused
//!   them. [`csv_field`] is its RFC 4180 quoting.
//! - [`html_page`] writes one self-contained page (inline CSS and a few lines of inline
//!   script, nothing fetched): the article with every event's evidence and every field's
//!   span highlighted, coloured by event type, and a list of the events beside it.
//! - [`fields`] lists the fields of an event with their JSON names, values and spans: what
//!   the page highlights, for those who want to draw their own.
//!
//! Both read an [`Article`]: the text the events were read from (their spans are byte
//! offsets into it), and optionally an id and the name of its source.
//!
//! ```
//! use conflict_events::export::{fields, html_page, Article, Csv};
//! use conflict_events::{Document, Extractor};
//!
//! let text = "Russian warplanes struck Islamic State positions near Palmyra on Tuesday.";
//! let events = Extractor::new().extract(&Document::new(text));
//! let article = Article::new(text).id("palmyra-1").source("Example Wire");
//!
//! let mut csv = Vec::new();
//! let csv_writer = Csv::new();
//! csv_writer.write_header(&mut csv)?;
//! let rows = csv_writer.write_rows(&mut csv, &article, &events)?;
//! assert_eq!(rows, 1); // one strike
//! let csv = String::from_utf8(csv).unwrap();
//! assert!(csv.starts_with("event_date,event_type,sub_event_type,actor1,"));
//! assert!(csv.contains(",Explosions/Remote violence,Air/drone strike,"));
//! assert!(csv.contains(",Syria,Homs,Palmyra,Example Wire,"));
//!
//! // every field a mark in the text, found by its event, name and span
//! let page = html_page(&article, &events);
//! for f in fields(&events[0]) {
//!     let span = f.span.unwrap();
//!     let mark = format!(
//!         r#"data-event="0" data-field="{}" data-start="{}" data-end="{}""#,
//!         f.name, span.start, span.end
//!     );
//!     assert!(page.contains(&mark), "{mark}");
//! }
//! # Ok::<(), std::io::Error>(())
//! ```

mod csv;
mod html;

use crate::model::{
    Count, DateRef, Entity, EntityKind, Event, Incident, Place, PlaceKind, Precision, Qualifier,
    VictimCategory,
};
use crate::span::Span;

pub use self::csv::{csv_field, Csv, LineEnding, CSV_COLUMNS};
pub use self::html::html_page;

/// An article as the exporters see it: the text its events were read from, an id, and the
/// name of its source.
///
/// ```
/// use conflict_events::export::Article;
/// let article = Article::new("Shelling hit Donetsk.").id("a-17").source("Example Wire");
/// assert_eq!(article.text(), "Shelling hit Donetsk.");
/// assert_eq!(article.id_str(), "a-17");
/// assert_eq!(article.source_name(), Some("Example Wire"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Article<'a> {
    text: &'a str,
    id: &'a str,
    source: Option<&'a str>,
}

impl<'a> Article<'a> {
    /// An article with this text, an empty id and no source.
    pub fn new(text: &'a str) -> Article<'a> {
        Article {
            text,
            id: "",
            source: None,
        }
    }

    /// Sets the id: the CSV's `article_id`, the page's title.
    pub fn id(mut self, id: &'a str) -> Article<'a> {
        self.id = id;
        self
    }

    /// Sets the name of the publication the article comes from: the first name in the
    /// CSV's `source` column.
    pub fn source(mut self, source: &'a str) -> Article<'a> {
        self.source = Some(source);
        self
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The id (empty if none was set).
    pub fn id_str(&self) -> &'a str {
        self.id
    }

    /// The name of the source, if set.
    pub fn source_name(&self) -> Option<&'a str> {
        self.source
    }
}

/// One field of an event: its name in the event's JSON, its value in words, and where the
/// text says it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Field {
    /// The JSON path of the field within the event, as `SCHEMA.md` names it: `actor`,
    /// `targets[0]`, `locations[1]`, `date`, `fatalities`, `territory.place`, `count`,
    /// `victims`, `source`...
    pub name: String,
    /// The value in words: `Russia (state, RU)`, `Idlib (province, SY-ID)`,
    /// `2016-08-16 (day)`, `at least 12`.
    pub value: String,
    /// Where the text says it, if it does (an unnamed place may have no span).
    pub span: Option<Span>,
}

/// The fields of an event that point into the text, in the order of its JSON, with their
/// names and values. The evidence spans are not fields: see [`Event::evidence`].
///
/// ```
/// use conflict_events::export::fields;
/// use conflict_events::{Document, Extractor, Span};
///
/// let text = "Russia struck Kharkiv with missiles on Monday.";
/// let events = Extractor::new().extract(&Document::new(text));
/// let actor = fields(&events[0]).into_iter().find(|f| f.name == "actor").unwrap();
/// assert_eq!(actor.value, "Russia (state, RU)");
/// assert_eq!(actor.span, Some(Span::new(0, 6)));
/// let town = fields(&events[0]).into_iter().find(|f| f.name == "locations[0]").unwrap();
/// assert_eq!(town.value, "Kharkiv (city, UA-63)");
/// ```
pub fn fields(event: &Event) -> Vec<Field> {
    let mut out = Fields(Vec::new());
    match event {
        Event::Strike(s) => {
            out.entity("actor", s.actor.as_ref());
            out.place("base", s.base.as_ref());
            out.entities("targets", &s.targets);
            out.places("provinces", &s.provinces);
            out.places("locations", &s.locations);
            out.date("date", s.date.as_ref());
            out.count("fatalities", s.fatalities.as_ref());
        }
        Event::Explosion(e) => out.incident(&e.incident),
        Event::Clash(e) => {
            out.incident(&e.incident);
            if let Some(t) = &e.territory {
                out.place("territory.place", t.place.as_ref());
                out.entity("territory.taken_by", t.taken_by.as_ref());
            }
        }
        Event::Attack(e) => out.incident(&e.incident),
        Event::Protest(e) => {
            out.count("size", e.crowd.size.as_ref());
            out.text("about", e.crowd.about.as_deref(), e.crowd.about_span);
            out.incident(&e.incident);
        }
        Event::Riot(e) => {
            out.count("size", e.crowd.size.as_ref());
            out.text("about", e.crowd.about.as_deref(), e.crowd.about_span);
            out.incident(&e.incident);
        }
        Event::Development(e) => out.incident(&e.incident),
        Event::Casualty(c) => {
            out.count("count", Some(&c.count));
            let category = victim_word(c.victims.category);
            match &c.victims.words {
                Some(w) => out.push("victims", format!("{} ({category})", w.text), Some(w.span)),
                None => out.push("victims", category.to_string(), None),
            }
            out.entity("perpetrator", c.perpetrator.as_ref());
            out.place("place", c.place.as_ref());
            out.place("province", c.province.as_ref());
            out.date("date", c.date.as_ref());
            if let Some(s) = &c.source {
                out.push("source", s.name.to_string(), Some(s.span));
            }
        }
    }
    out.0
}

/// Collects [`Field`]s.
struct Fields(Vec<Field>);

impl Fields {
    fn push(&mut self, name: &str, value: String, span: Option<Span>) {
        self.0.push(Field {
            name: name.to_string(),
            value,
            span,
        });
    }

    fn incident(&mut self, i: &Incident) {
        self.entity("actor", i.actor.as_ref());
        self.entities("targets", &i.targets);
        self.places("provinces", &i.provinces);
        self.places("locations", &i.locations);
        self.date("date", i.date.as_ref());
        self.count("fatalities", i.fatalities.as_ref());
    }

    fn entity(&mut self, name: &str, e: Option<&Entity>) {
        if let Some(e) = e {
            self.push(name, entity_value(e), Some(e.span));
        }
    }

    fn entities(&mut self, name: &str, es: &[Entity]) {
        for (i, e) in es.iter().enumerate() {
            self.push(&format!("{name}[{i}]"), entity_value(e), Some(e.span));
        }
    }

    fn place(&mut self, name: &str, p: Option<&Place>) {
        if let Some(p) = p {
            self.push(name, place_value(p), p.span);
        }
    }

    fn places(&mut self, name: &str, ps: &[Place]) {
        for (i, p) in ps.iter().enumerate() {
            self.push(&format!("{name}[{i}]"), place_value(p), p.span);
        }
    }

    fn date(&mut self, name: &str, d: Option<&DateRef>) {
        if let Some(d) = d {
            self.push(name, date_value(d), Some(d.span));
        }
    }

    fn count(&mut self, name: &str, c: Option<&Count>) {
        if let Some(c) = c {
            self.push(name, count_value(c), Some(c.span));
        }
    }

    fn text(&mut self, name: &str, words: Option<&str>, span: Option<Span>) {
        if words.is_some() || span.is_some() {
            self.push(name, words.unwrap_or_default().to_string(), span);
        }
    }
}

/// "Russia (state, RU)", "militants (generic)".
fn entity_value(e: &Entity) -> String {
    match &e.country {
        Some(c) => format!("{} ({}, {c})", e.name, entity_kind_word(e.kind)),
        None => format!("{} ({})", e.name, entity_kind_word(e.kind)),
    }
}

/// "Idlib (province, SY-ID)", "Saraqeb (city, SY-ID)", "(unnamed) (air_base, IR)".
fn place_value(p: &Place) -> String {
    let name = p.name.as_deref().unwrap_or("(unnamed)");
    let code = p
        .code
        .as_deref()
        .or(p.province.as_deref())
        .or(p.country.as_deref());
    match code {
        Some(c) => format!("{name} ({}, {c})", place_kind_word(p.kind)),
        None => format!("{name} ({})", place_kind_word(p.kind)),
    }
}

/// "2016-08-16 (day)", or the words when the date is not resolved: "Tuesday (unresolved)".
fn date_value(d: &DateRef) -> String {
    match d.date {
        Some(date) => format!("{date} ({})", precision_word(d.precision)),
        None => format!("{} (unresolved)", d.text),
    }
}

/// "12", "at least 12", "3-7", "dozens (24 or more)".
pub(crate) fn count_value(c: &Count) -> String {
    let n = |v: Option<u64>| v.map_or_else(|| "?".to_string(), |v| v.to_string());
    let best = n(c.best());
    match c.qualifier {
        Qualifier::Exact => best,
        Qualifier::About => format!("about {best}"),
        Qualifier::AtLeast => format!("at least {best}"),
        Qualifier::MoreThan => format!("more than {best}"),
        Qualifier::UpTo => format!("up to {}", n(c.high.or(c.value))),
        Qualifier::FewerThan => format!("fewer than {}", n(c.high.or(c.value))),
        Qualifier::Range => format!("{}-{}", n(c.low), n(c.high)),
        Qualifier::Vague => match c.low {
            Some(low) => format!("{} ({low} or more)", c.text),
            None => c.text.to_string(),
        },
    }
}

pub(crate) fn entity_kind_word(k: EntityKind) -> &'static str {
    match k {
        EntityKind::State => "state",
        EntityKind::ArmedGroup => "armed_group",
        EntityKind::Military => "military",
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Generic => "generic",
    }
}

pub(crate) fn place_kind_word(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Province => "province",
        PlaceKind::City => "city",
        PlaceKind::District => "district",
        PlaceKind::AirBase => "air_base",
        PlaceKind::Region => "region",
    }
}

pub(crate) fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

fn victim_word(v: VictimCategory) -> &'static str {
    match v {
        VictimCategory::Combatants => "combatants",
        VictimCategory::Civilians => "civilians",
        VictimCategory::SecurityForces => "security_forces",
        VictimCategory::People => "people",
    }
}

pub(crate) fn modality_word(m: crate::model::Modality) -> &'static str {
    use crate::model::Modality;
    match m {
        Modality::Asserted => "asserted",
        Modality::Planned => "planned",
        Modality::Hypothetical => "hypothetical",
        Modality::Negated => "negated",
    }
}

#[cfg(test)]
mod tests;
