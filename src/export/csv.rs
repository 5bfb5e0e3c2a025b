//! ACLED-style CSV: one row per event, casualty figures folded into `fatalities`.

use std::borrow::Cow;
use std::io::{self, Write};

use super::{modality_word, precision_word, Article};
use crate::gazetteer::Gazetteer;
use crate::model::{
    CasualtyKind, Count, DateRef, Entity, Event, Incident, Modality, Place, PlaceKind,
};
use crate::span::Span;

/// The columns of [`Csv`], in order: ACLED's first, in ACLED's order, then this crate's.
///
/// | column | value |
/// |---|---|
/// | `event_date` | the event's date, ISO 8601 (the first day of the month or year for a coarser date); empty when the text gives none or it cannot be resolved |
/// | `event_type` | ACLED's event type: `Explosions/Remote violence`, `Battles`... |
/// | `sub_event_type` | ACLED's sub-event type, the event's `category`: `Air/drone strike`... |
/// | `actor1` | the actor's canonical name |
/// | `actor2` | the targets' names, `; `-separated |
/// | `country` | the name of the country of the event's places |
/// | `admin1` | the names of its first-level subdivisions, `; `-separated |
/// | `location` | the names of its towns, districts, bases, `; `-separated |
/// | `source` | the article's source, then the sources the text names for its figures, `; `-separated |
/// | `notes` | the evidence: the text of the sentences it was read from, spaces collapsed |
/// | `fatalities` | the people it killed (see [`Csv`]); `0` when the text gives no figure |
/// | `country_code` | ISO 3166-1 alpha-2 of `country` |
/// | `admin1_code` | ISO 3166-2 of `admin1`, `; `-separated, in the same order |
/// | `article_id` | the [`Article`]'s id |
/// | `type` | the event's `type`: `strike`, `clash`... |
/// | `modality` | `asserted`, `planned`, `hypothetical`, `negated` |
/// | `date_precision` | `day`, `month`, `year`; empty with no date |
/// | `evidence` | the evidence spans as in JSON, byte offsets: `[[0,139],[140,201]]` |
pub const CSV_COLUMNS: [&str; 18] = [
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "source",
    "notes",
    "fatalities",
    "country_code",
    "admin1_code",
    "article_id",
    "type",
    "modality",
    "date_precision",
    "evidence",
];

/// How [`Csv`] ends a row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LineEnding {
    /// `\r\n`, as RFC 4180 says (and spreadsheets expect).
    #[default]
    CrLf,
    /// `\n`, as Unix tools expect.
    Lf,
}

impl LineEnding {
    fn as_str(self) -> &'static str {
        match self {
            LineEnding::CrLf => "\r\n",
            LineEnding::Lf => "\n",
        }
    }
}

/// A field quoted by RFC 4180: in double quotes, with its quotes doubled, when it holds a
/// comma, a double quote, a CR or an LF; as it is otherwise.
///
/// ```
/// use conflict_events::export::csv_field;
/// assert_eq!(csv_field("Idlib"), "Idlib");
/// assert_eq!(csv_field("Idlib, Syria"), "\"Idlib, Syria\"");
/// assert_eq!(csv_field("the \"raids\""), "\"the \"\"raids\"\"\"");
/// assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
/// ```
pub fn csv_field(value: &str) -> Cow<'_, str> {
    if !value.contains([',', '"', '\r', '\n']) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    out.push('"');
    Cow::Owned(out)
}

/// Writes events as CSV rows in ACLED's columns ([`CSV_COLUMNS`]), one row per event.
///
/// A casualty figure is not a row: a `killed` figure whose [`Casualty::event`] points at an
/// event feeds that event's `fatalities`, and the source it names joins the event's
/// `source`. A figure that points at no event (a war's running toll, or a figure the text
/// ties to nothing) is left out: ACLED has no row for a figure without an event, and the
/// JSON keeps it. `fatalities` is the event's own `fatalities` figure where the extractor
/// set one, else the sum of the `killed` figures pointing at it (those reported as having
/// happened, running tolls aside), else `0` (ACLED's convention for "no figure reported");
/// a figure counts by its best number (the exact one, else the lower bound: "dozens" is 24).
///
/// Pass every event of the article in the order they came: a casualty's `event` is an
/// index into that list. Every event the list holds is a row, whatever its modality; the
/// `modality` column tells them apart. Rows end with CRLF (RFC 4180) unless
/// [`Csv::line_ending`] says LF.
///
/// Country and province codes are named from the events' own places, else from the
/// gazetteer given to [`Csv::names`], else from the built-in one.
///
/// ```
/// use conflict_events::export::{Article, Csv, LineEnding};
/// use conflict_events::{Document, Extractor};
///
/// let text = "Russia struck Kharkiv with missiles on Monday.";
/// let events = Extractor::new().extract(&Document::new(text));
/// let article = Article::new(text).id("kharkiv-1");
/// let rows = Csv::new().rows(&article, &events);
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows[0][1], "Explosions/Remote violence"); // event_type
/// assert_eq!(rows[0][2], "Shelling/artillery/missile attack"); // sub_event_type
/// assert_eq!(rows[0][3], "Russia"); // actor1
/// assert_eq!((rows[0][5].as_str(), rows[0][11].as_str()), ("Ukraine", "UA")); // country
/// assert_eq!(rows[0][0], ""); // "Monday", but of which week? No publication date.
///
/// let mut out = Vec::new();
/// Csv::new().line_ending(LineEnding::Lf).write_rows(&mut out, &article, &events)?;
/// let line = String::from_utf8(out).unwrap();
/// assert!(line.ends_with(",kharkiv-1,strike,asserted,,\"[[0,46]]\"\n"));
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// [`Casualty::event`]: crate::Casualty::event
#[derive(Clone, Copy, Debug, Default)]
pub struct Csv<'g> {
    line_ending: LineEnding,
    names: Option<&'g Gazetteer>,
}

impl Csv<'static> {
    /// CRLF line ends; names from the built-in gazetteer.
    pub fn new() -> Csv<'static> {
        Csv::default()
    }
}

impl<'g> Csv<'g> {
    /// Sets how rows end.
    pub fn line_ending(mut self, line_ending: LineEnding) -> Self {
        self.line_ending = line_ending;
        self
    }

    /// Names country and province codes from this gazetteer (the extractor's, with a user
    /// gazetteer) before the built-in one.
    pub fn names<'h>(self, gazetteer: &'h Gazetteer) -> Csv<'h> {
        Csv {
            line_ending: self.line_ending,
            names: Some(gazetteer),
        }
    }

    /// Writes the header row.
    ///
    /// # Errors
    /// The writer's.
    pub fn write_header<W: Write + ?Sized>(&self, out: &mut W) -> io::Result<()> {
        out.write_all(CSV_COLUMNS.join(",").as_bytes())?;
        out.write_all(self.line_ending.as_str().as_bytes())
    }

    /// Writes one row per event of the article (not per casualty figure) and returns how
    /// many it wrote.
    ///
    /// # Errors
    /// The writer's.
    pub fn write_rows<W: Write + ?Sized>(
        &self,
        out: &mut W,
        article: &Article<'_>,
        events: &[Event],
    ) -> io::Result<usize> {
        let rows = self.rows(article, events);
        let mut line = String::new();
        for row in &rows {
            line.clear();
            for (i, field) in row.iter().enumerate() {
                if i > 0 {
                    line.push(',');
                }
                line.push_str(&csv_field(field));
            }
            line.push_str(self.line_ending.as_str());
            out.write_all(line.as_bytes())?;
        }
        Ok(rows.len())
    }

    /// The rows, unquoted: one per event that is not a casualty figure, each with the
    /// values of [`CSV_COLUMNS`] in order.
    pub fn rows(&self, article: &Article<'_>, events: &[Event]) -> Vec<Vec<String>> {
        events
            .iter()
            .enumerate()
            .filter_map(|(i, e)| self.row(article, events, i, e))
            .collect()
    }

    fn row(
        &self,
        article: &Article<'_>,
        events: &[Event],
        index: usize,
        event: &Event,
    ) -> Option<Vec<String>> {
        let category = event.category()?;
        let parts = Parts::of(event)?;
        let places = self.places(&parts);
        let date = parts.date.and_then(|d| Some((d.date?, d.precision)));
        let row = vec![
            date.map(|(d, _)| d.to_string()).unwrap_or_default(),
            category.event_type().as_str().to_string(),
            category.as_str().to_string(),
            parts.actor.map(|a| a.name.to_string()).unwrap_or_default(),
            join(parts.targets.iter().map(|t| &*t.name)),
            join(places.countries.iter().map(|(_, n)| n.as_str())),
            join(places.provinces.iter().map(|(_, n)| n.as_str())),
            join(places.locations.iter().map(String::as_str)),
            sources(article, events, index),
            notes(article.text(), event.evidence()),
            fatalities(parts.fatalities, events, index).to_string(),
            join(places.countries.iter().map(|(c, _)| c.as_str())),
            join(places.provinces.iter().map(|(c, _)| c.as_str())),
            article.id_str().to_string(),
            event.type_name().to_string(),
            modality_word(event.modality()).to_string(),
            date.map(|(_, p)| precision_word(p).to_string())
                .unwrap_or_default(),
            spans_json(event.evidence()),
        ];
        debug_assert_eq!(row.len(), CSV_COLUMNS.len());
        Some(row)
    }

    /// The name of a country or province code: the gazetteer's, the built-in one's, or the
    /// code itself.
    fn name_of(&self, code: &str) -> String {
        self.names
            .and_then(|g| g.name_of(code))
            .or_else(|| Gazetteer::builtin().name_of(code))
            .unwrap_or(code)
            .to_string()
    }

    /// The countries, provinces and towns of an event, each once, in the order met.
    fn places(&self, parts: &Parts<'_>) -> Places {
        let mut out = Places::default();
        for p in parts.places() {
            if let Some(c) = &p.country {
                out.add_country(c, || self.name_of(c));
            }
            match p.kind {
                PlaceKind::Country => {
                    if let Some(c) = p.code.as_ref().or(p.country.as_ref()) {
                        let name = p.name.clone();
                        out.add_country(c, || {
                            name.map_or_else(|| self.name_of(c), Cow::into_owned)
                        });
                    }
                }
                PlaceKind::Province => {
                    if let Some(c) = &p.code {
                        let name = p.name.clone();
                        out.add_province(c, || {
                            name.map_or_else(|| self.name_of(c), Cow::into_owned)
                        });
                    }
                }
                _ => {
                    if let Some(c) = &p.province {
                        out.add_province(c, || self.name_of(c));
                    }
                    if let Some(n) = &p.name {
                        if !out.locations.iter().any(|l| l == n) {
                            out.locations.push(n.to_string());
                        }
                    }
                }
            }
        }
        out
    }
}

/// The fields a row reads, whichever kind the event is.
struct Parts<'e> {
    actor: Option<&'e Entity>,
    targets: &'e [Entity],
    provinces: &'e [Place],
    locations: &'e [Place],
    /// A clash's territory taken.
    territory: Option<&'e Place>,
    date: Option<&'e DateRef>,
    fatalities: Option<&'e Count>,
}

impl<'e> Parts<'e> {
    fn of(event: &'e Event) -> Option<Parts<'e>> {
        if let Event::Strike(s) = event {
            return Some(Parts {
                actor: s.actor.as_ref(),
                targets: &s.targets,
                provinces: &s.provinces,
                locations: &s.locations,
                territory: None,
                date: s.date.as_ref(),
                fatalities: s.fatalities.as_ref(),
            });
        }
        let i: &Incident = event.incident()?;
        let territory = match event {
            Event::Clash(c) => c.territory.as_ref().and_then(|t| t.place.as_ref()),
            _ => None,
        };
        Some(Parts {
            actor: i.actor.as_ref(),
            targets: &i.targets,
            provinces: &i.provinces,
            locations: &i.locations,
            territory,
            date: i.date.as_ref(),
            fatalities: i.fatalities.as_ref(),
        })
    }

    fn places(&self) -> impl Iterator<Item = &'e Place> {
        self.provinces
            .iter()
            .chain(self.locations.iter())
            .chain(self.territory)
    }
}

/// (code, name) of countries and provinces, names of towns; each once.
#[derive(Default)]
struct Places {
    countries: Vec<(String, String)>,
    provinces: Vec<(String, String)>,
    locations: Vec<String>,
}

impl Places {
    fn add_country(&mut self, code: &str, name: impl FnOnce() -> String) {
        if !self.countries.iter().any(|(c, _)| c == code) {
            self.countries.push((code.to_string(), name()));
        }
    }

    fn add_province(&mut self, code: &str, name: impl FnOnce() -> String) {
        if !self.provinces.iter().any(|(c, _)| c == code) {
            self.provinces.push((code.to_string(), name()));
        }
    }
}

fn join<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in parts {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(p);
    }
    out
}

/// The `killed` casualty figures that point at event `index`, reported as having happened
/// and not a running toll.
fn killed_figures(events: &[Event], index: usize) -> impl Iterator<Item = &Count> {
    events.iter().filter_map(move |e| match e {
        Event::Casualty(c)
            if c.event == Some(index)
                && c.kind == CasualtyKind::Killed
                && c.modality == Modality::Asserted
                && !c.cumulative =>
        {
            Some(&c.count)
        }
        _ => None,
    })
}

/// The event's own figure, else the sum of the killed figures pointing at it, else 0.
fn fatalities(own: Option<&Count>, events: &[Event], index: usize) -> u64 {
    match own {
        Some(c) => c.best().unwrap_or(0),
        None => killed_figures(events, index)
            .filter_map(Count::best)
            .fold(0u64, u64::saturating_add),
    }
}

/// The article's source, then the sources named by the figures pointing at the event.
fn sources(article: &Article<'_>, events: &[Event], index: usize) -> String {
    let mut names: Vec<&str> = article.source_name().into_iter().collect();
    for e in events {
        if let Event::Casualty(c) = e {
            if c.event == Some(index) {
                if let Some(s) = c.source.as_ref().map(|s| &*s.name) {
                    if !names.contains(&s) {
                        names.push(s);
                    }
                }
            }
        }
    }
    join(names.into_iter())
}

/// The text of the evidence spans, each run of whitespace one space, spans apart by one
/// space. A span that is not in the text (a list of events from another text) is skipped.
fn notes(text: &str, evidence: &[Span]) -> String {
    let mut out = String::new();
    for words in evidence.iter().filter_map(|s| s.get(text)) {
        for w in words.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
    }
    out
}

/// `[[0,139],[140,201]]`.
fn spans_json(spans: &[Span]) -> String {
    let inner: Vec<String> = spans
        .iter()
        .map(|s| format!("[{},{}]", s.start, s.end))
        .collect();
    format!("[{}]", inner.join(","))
}
