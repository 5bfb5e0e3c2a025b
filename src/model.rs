//! The output types: the JSON contract of `SCHEMA.md`, and nothing else.
//!
//! Every type here is plain data with public fields. Structs and enums are
//! `#[non_exhaustive]` so that fields and variants can be added without breaking users.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// One event read from an article.
///
/// In JSON the variant is the `"type"` field: `"strike"` or `"casualty"`.
// A strike is larger than a casualty; boxing it would make every match on events clumsier
// for users of this plain-data type, for a few hundred bytes per event.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Event {
    /// An attack from the air or from afar: air strike, missile, shelling, drone.
    Strike(Strike),
    /// A figure of people killed, wounded, displaced...
    Casualty(Casualty),
}

impl Event {
    /// How the text reports the event.
    pub fn modality(&self) -> Modality {
        match self {
            Event::Strike(s) => s.modality,
            Event::Casualty(c) => c.modality,
        }
    }

    /// The spans of the sentences or clauses the event was read from.
    pub fn evidence(&self) -> &[Span] {
        match self {
            Event::Strike(s) => &s.evidence,
            Event::Casualty(c) => &c.evidence,
        }
    }

    /// The strike, if this is one.
    pub fn as_strike(&self) -> Option<&Strike> {
        match self {
            Event::Strike(s) => Some(s),
            Event::Casualty(_) => None,
        }
    }

    /// The casualty figure, if this is one.
    pub fn as_casualty(&self) -> Option<&Casualty> {
        match self {
            Event::Casualty(c) => Some(c),
            Event::Strike(_) => None,
        }
    }
}

/// Whether the text says the event happened.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Modality {
    /// Reported as having happened.
    #[default]
    Asserted,
    /// Announced, will happen ("plans to", "will", "threatens to").
    Planned,
    /// May happen ("likely", "could", "would", "if").
    Hypothetical,
    /// Did not happen ("denied", "did not").
    Negated,
}

/// An attack from the air or from afar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Strike {
    /// How the text reports it.
    pub modality: Modality,
    /// The sentences or clauses it was read from.
    pub evidence: Vec<Span>,
    /// Who struck; `None` when the text names no striker ("unidentified warplanes").
    pub actor: Option<Entity>,
    /// Where the aircraft or missiles flew from.
    pub base: Option<Place>,
    /// Who or what was struck.
    pub targets: Vec<Entity>,
    /// The first-level subdivisions struck (ISO 3166-2 `code`).
    pub provinces: Vec<Place>,
    /// Towns, cities, districts struck, each with its province where known.
    pub locations: Vec<Place>,
    /// When.
    pub date: Option<DateRef>,
    /// The means: air, drone, missile, artillery.
    pub weapon: Option<Weapon>,
}

/// The means of a strike.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Weapon {
    /// Aircraft: air strikes, bombing, raids.
    Air,
    /// Drones.
    Drone,
    /// Missiles and rockets.
    Missile,
    /// Shelling, artillery, mortars.
    Artillery,
}

/// A figure of people killed, wounded, displaced...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Casualty {
    /// How the text reports it.
    pub modality: Modality,
    /// The sentences or clauses it was read from.
    pub evidence: Vec<Span>,
    /// What happened to the people counted.
    pub kind: CasualtyKind,
    /// The figure, with its words.
    pub count: Count,
    /// Who was counted.
    pub victims: Victims,
    /// A running toll of a war or campaign rather than one incident.
    pub cumulative: bool,
    /// Who caused it, where the text says.
    pub perpetrator: Option<Entity>,
    /// Where: the most precise place known.
    pub place: Option<Place>,
    /// The first-level subdivision of `place`, where known.
    pub province: Option<Place>,
    /// When.
    pub date: Option<DateRef>,
    /// Who gave the figure ("Syrian Observatory for Human Rights").
    pub source: Option<String>,
    /// Where the source is named in the text.
    pub source_span: Option<Span>,
}

/// What happened to the people a casualty figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CasualtyKind {
    /// Killed, dead.
    Killed,
    /// Wounded, injured.
    Wounded,
    /// Displaced, fled, homeless.
    Displaced,
    /// Missing.
    Missing,
    /// Abducted, kidnapped, taken hostage.
    Abducted,
    /// Detained, arrested.
    Detained,
}

/// Who a casualty figure counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Victims {
    /// The words of the text ("militants", "civilians"), if any.
    pub text: Option<String>,
    /// Their category.
    pub category: VictimCategory,
    /// Where `text` is.
    pub span: Option<Span>,
}

/// The category of the people counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum VictimCategory {
    /// Fighters of armed groups, militants, rebels.
    Combatants,
    /// Civilians, children, women.
    Civilians,
    /// Soldiers, police, state forces.
    SecurityForces,
    /// People, unspecified.
    People,
}

/// A named (or generic) actor: a state, an armed group, a force, a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// Canonical name ("Russia", "Islamic State", "militants").
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Its country (ISO 3166-1 alpha-2), if it has one.
    pub country: Option<String>,
    /// Where the text names it.
    pub span: Span,
    /// The words of the text that name it ("NAF rebel forces", "Russian").
    #[serde(default)]
    pub text: String,
}

/// What an [`Entity`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A state or its government.
    State,
    /// A non-state armed group.
    ArmedGroup,
    /// A state's armed force ("Russian Aerospace Forces").
    Military,
    /// A person.
    Person,
    /// An organization: news agency, monitor, NGO.
    Organization,
    /// A generic noun ("militants", "a hospital").
    Generic,
}

/// A place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Place {
    /// Canonical name, or `None` for an unnamed place ("an Iranian airbase").
    pub name: Option<String>,
    /// What it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a province, else `None`.
    pub code: Option<String>,
    /// Its country (ISO 3166-1 alpha-2).
    pub country: Option<String>,
    /// Its first-level subdivision (ISO 3166-2), for towns and air bases, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// Where the text names it.
    pub span: Option<Span>,
}

/// What a [`Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A first-level subdivision: province, governorate, oblast, state.
    Province,
    /// A town or city.
    City,
    /// A district or neighbourhood.
    District,
    /// An air base.
    AirBase,
    /// A wider region.
    Region,
}

/// A figure, with its words.
///
/// "more than 280,000" is value 280000, low 280000, qualifier `more_than`;
/// "dozens" is value `None`, low 24, qualifier `vague`; "3 – 7" is low 3, high 7,
/// qualifier `range`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Count {
    /// The exact or best number, if there is one.
    pub value: Option<u64>,
    /// Lower bound, if known.
    pub low: Option<u64>,
    /// Upper bound, if known.
    pub high: Option<u64>,
    /// How the text qualifies it.
    pub qualifier: Qualifier,
    /// The words of the figure.
    pub text: String,
    /// Where the words are.
    pub span: Span,
}

impl Count {
    /// A count with the given fields.
    pub fn new(
        value: Option<u64>,
        low: Option<u64>,
        high: Option<u64>,
        qualifier: Qualifier,
        text: impl Into<String>,
        span: Span,
    ) -> Count {
        Count {
            value,
            low,
            high,
            qualifier,
            text: text.into(),
            span,
        }
    }

    /// The exact or best number, else the lower bound.
    pub fn best(&self) -> Option<u64> {
        self.value.or(self.low)
    }
}

/// How a [`Count`] is qualified.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// "12".
    Exact,
    /// "about 12", "nearly 12", "some 12".
    About,
    /// "at least 12".
    AtLeast,
    /// "more than 12", "over 12".
    MoreThan,
    /// "up to 12", "as many as 12".
    UpTo,
    /// "fewer than 12", "less than 12".
    FewerThan,
    /// "dozens", "hundreds", "millions", "several".
    Vague,
    /// "3-7", "between 3 and 7".
    Range,
}

/// A date as the text gives it, resolved where possible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DateRef {
    /// The words of the date ("Tuesday", "last September").
    pub text: String,
    /// The resolved date: the day, or the first day of the month or year for coarser
    /// precision. `None` when it cannot be resolved (a weekday without a publication date).
    pub date: Option<NaiveDate>,
    /// How precise `date` is.
    pub precision: Precision,
    /// Where the words are.
    pub span: Span,
}

/// The precision of a [`DateRef`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Precision {
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}
