//! The output types: the JSON contract of `SCHEMA.md`, and nothing else.
//!
//! Every type here is plain data with public fields. Structs and enums are
//! `#[non_exhaustive]` so that fields and variants can be added without breaking users.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// One event read from an article.
///
/// In JSON the variant is the `"type"` field: `"strike"`, `"explosion"`, `"clash"`,
/// `"attack"`, `"protest"`, `"riot"`, `"development"` or `"casualty"`. Every kind but a
/// casualty carries a [`Category`], ACLED's sub-event type; a [`Casualty`] points at the
/// event that caused it through [`Casualty::event`], an index into the same list.
///
/// Each variant holds its record in a `Box`, so that an event is one pointer in the list:
/// a match reads through it, and `Event::from` makes one.
///
/// ```
/// use conflict_events::{Event, Strike};
/// let event = Event::from(Strike::default());
/// if let Event::Strike(s) = &event {
///     assert!(s.actor.is_none());
/// }
/// assert_eq!(event.type_name(), "strike");
/// ```
//
// Each variant is boxed: an event is then one pointer in the list, where inline it was 680
// bytes. The list of an article of two events or more was an allocation of 1 kB or more,
// which makes glibc's malloc consolidate its fast bins and cut the small allocations after
// it from free chunks (2.0-2.3% of the extraction's time sampled in `malloc_consolidate`
// and `unlink_chunk`, 0.6-0.7% boxed), and every move of an event (sorting the list,
// merging the casualties in) copied its 680 bytes. The inline variants were kept before
// for the ergonomics of destructuring patterns; the measured cost is the reason to change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Event {
    /// An attack from the air or from afar: air strike, missile, shelling, drone.
    Strike(Box<Strike>),
    /// An explosive device, a suicide bomb, a grenade, a chemical weapon.
    Explosion(Box<Explosion>),
    /// Fighting between two organised armed sides, and territory taken in it.
    Clash(Box<Clash>),
    /// Violence by an armed side against unarmed people: attack, abduction, sexual violence.
    Attack(Box<Attack>),
    /// A public demonstration that is not violent (perhaps met with force).
    Protest(Box<Protest>),
    /// A violent demonstration, or violence by a mob.
    Riot(Box<Riot>),
    /// A strategic development: an agreement, arrests, looting, a base, a weapons seizure...
    Development(Box<Development>),
    /// A figure of people killed, wounded, displaced...
    Casualty(Box<Casualty>),
}

macro_rules! event_from {
    ($($variant:ident),*) => {$(
        impl From<$variant> for Event {
            fn from(e: $variant) -> Event {
                Event::$variant(Box::new(e))
            }
        }
    )*};
}

event_from! { Strike, Explosion, Clash, Attack, Protest, Riot, Development, Casualty }

impl Event {
    /// How the text reports the event.
    pub fn modality(&self) -> Modality {
        match self {
            Event::Strike(s) => s.modality,
            Event::Casualty(c) => c.modality,
            _ => self.incident().map_or(Modality::Asserted, |i| i.modality),
        }
    }

    /// The spans of the sentences or clauses the event was read from.
    //
    // The evidence is at the same place in a strike, a casualty and an incident (`repr(C)`),
    // and rustc puts the incident first in an explosion, an attack and a development: the
    // match reads one place for five kinds of eight, where its jump went to four places by
    // the kind and was mispredicted on 5,370 of 17,771 calls (callgrind, 300 articles).
    pub fn evidence(&self) -> &[Span] {
        match self {
            Event::Strike(s) => &s.evidence,
            Event::Casualty(c) => &c.evidence,
            _ => self.incident().map_or(&[], |i| &i.evidence),
        }
    }

    /// ACLED's sub-event type; `None` for a casualty figure.
    pub fn category(&self) -> Option<Category> {
        match self {
            Event::Strike(s) => Some(s.category),
            Event::Explosion(e) => Some(e.category),
            Event::Clash(e) => Some(e.category),
            Event::Attack(e) => Some(e.category),
            Event::Protest(e) => Some(e.category),
            Event::Riot(e) => Some(e.category),
            Event::Development(e) => Some(e.category),
            Event::Casualty(_) => None,
        }
    }

    /// The word of the `"type"` field: `"strike"`, `"clash"`, ..., `"casualty"`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Event::Strike(_) => "strike",
            Event::Explosion(_) => "explosion",
            Event::Clash(_) => "clash",
            Event::Attack(_) => "attack",
            Event::Protest(_) => "protest",
            Event::Riot(_) => "riot",
            Event::Development(_) => "development",
            Event::Casualty(_) => "casualty",
        }
    }

    /// The fields every kind but a strike and a casualty shares.
    pub fn incident(&self) -> Option<&Incident> {
        match self {
            Event::Explosion(e) => Some(&e.incident),
            Event::Clash(e) => Some(&e.incident),
            Event::Attack(e) => Some(&e.incident),
            Event::Protest(e) => Some(&e.incident),
            Event::Riot(e) => Some(&e.incident),
            Event::Development(e) => Some(&e.incident),
            Event::Strike(_) | Event::Casualty(_) => None,
        }
    }

    /// The strike, if this is one.
    pub fn as_strike(&self) -> Option<&Strike> {
        match self {
            Event::Strike(s) => Some(s),
            _ => None,
        }
    }

    /// The casualty figure, if this is one.
    pub fn as_casualty(&self) -> Option<&Casualty> {
        match self {
            Event::Casualty(c) => Some(c),
            _ => None,
        }
    }

    /// Calls `f` on every span of the event, with the words the span carries where a field
    /// keeps them (an entity's `text`, a count's or a date's `text`). One walk over every
    /// field, so that moving spans (the extractor maps them back through the typography
    /// folding) cannot forget one.
    pub(crate) fn for_each_span<F: FnMut(&mut Span, Option<&mut Excerpt>)>(&mut self, f: &mut F) {
        match self {
            Event::Strike(s) => {
                s.evidence.iter_mut().for_each(|e| f(e, None));
                if let Some(a) = &mut s.actor {
                    a.for_each_span(f);
                }
                if let Some(b) = &mut s.base {
                    b.for_each_span(f);
                }
                s.targets.iter_mut().for_each(|t| t.for_each_span(f));
                s.provinces.iter_mut().for_each(|p| p.for_each_span(f));
                s.locations.iter_mut().for_each(|p| p.for_each_span(f));
                if let Some(d) = &mut s.date {
                    f(&mut d.span, Some(&mut d.text));
                }
                if let Some(c) = &mut s.fatalities {
                    f(&mut c.span, Some(&mut c.text));
                }
            }
            Event::Explosion(e) => e.incident.for_each_span(f),
            Event::Clash(e) => {
                e.incident.for_each_span(f);
                if let Some(t) = &mut e.territory {
                    if let Some(p) = &mut t.place {
                        p.for_each_span(f);
                    }
                    if let Some(a) = &mut t.taken_by {
                        a.for_each_span(f);
                    }
                }
            }
            Event::Attack(e) => e.incident.for_each_span(f),
            Event::Protest(e) => {
                e.incident.for_each_span(f);
                e.crowd.for_each_span(f);
            }
            Event::Riot(e) => {
                e.incident.for_each_span(f);
                e.crowd.for_each_span(f);
            }
            Event::Development(e) => e.incident.for_each_span(f),
            Event::Casualty(c) => {
                c.evidence.iter_mut().for_each(|e| f(e, None));
                f(&mut c.count.span, Some(&mut c.count.text));
                if let Some(w) = &mut c.victims.words {
                    f(&mut w.span, Some(&mut w.text));
                }
                if let Some(p) = &mut c.perpetrator {
                    p.for_each_span(f);
                }
                for p in [&mut c.place, &mut c.province].into_iter().flatten() {
                    p.for_each_span(f);
                }
                if let Some(d) = &mut c.date {
                    f(&mut d.span, Some(&mut d.text));
                }
                // the name is the gazetteer's, not the text's words: nothing to map
                if let Some(s) = &mut c.source {
                    f(&mut s.span, None);
                }
            }
        }
    }
}

/// ACLED's sub-event type, word for word in JSON (`"Armed clash"`, `"Peaceful protest"`).
///
/// [`Category::event_type`] gives ACLED's event type, one of six.
///
/// ```
/// use conflict_events::{AcledEventType, Category};
/// assert_eq!(Category::ArmedClash.as_str(), "Armed clash");
/// assert_eq!(Category::ArmedClash.event_type(), AcledEventType::Battles);
/// assert_eq!(Category::Grenade.to_string(), "Grenade");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Category {
    /// A strike from aircraft or drones.
    #[default]
    #[serde(rename = "Air/drone strike")]
    AirDroneStrike,
    /// Shelling, artillery, rockets and missiles fired from afar.
    #[serde(rename = "Shelling/artillery/missile attack")]
    ShellingArtilleryMissile,
    /// A remotely or victim-detonated explosive: IED, landmine, car bomb, planted bomb.
    #[serde(rename = "Remote explosive/landmine/IED")]
    RemoteExplosive,
    /// A suicide bombing.
    #[serde(rename = "Suicide bomb")]
    SuicideBomb,
    /// A grenade thrown or launched by hand.
    #[serde(rename = "Grenade")]
    Grenade,
    /// A chemical weapon.
    #[serde(rename = "Chemical weapon")]
    ChemicalWeapon,
    /// Fighting between two organised armed sides.
    #[serde(rename = "Armed clash")]
    ArmedClash,
    /// A state's forces take back territory in fighting.
    #[serde(rename = "Government regains territory")]
    GovernmentRegainsTerritory,
    /// A non-state armed group takes territory in fighting.
    #[serde(rename = "Non-state actor overtakes territory")]
    NonStateOvertakesTerritory,
    /// Violence by an armed side against unarmed people.
    #[serde(rename = "Attack")]
    Attack,
    /// People abducted or disappeared by an armed side.
    #[serde(rename = "Abduction/forced disappearance")]
    Abduction,
    /// Rape and other sexual violence by an armed side.
    #[serde(rename = "Sexual violence")]
    SexualViolence,
    /// A demonstration met with no force.
    #[serde(rename = "Peaceful protest")]
    PeacefulProtest,
    /// A demonstration dispersed, or its people arrested, without lethal force.
    #[serde(rename = "Protest with intervention")]
    ProtestWithIntervention,
    /// Lethal or grave force against peaceful protesters.
    #[serde(rename = "Excessive force against protesters")]
    ExcessiveForce,
    /// Demonstrators turn violent: stones, fires, fights with police.
    #[serde(rename = "Violent demonstration")]
    ViolentDemonstration,
    /// A mob's violence: lynching, communal fights, vigilante attacks.
    #[serde(rename = "Mob violence")]
    MobViolence,
    /// A ceasefire, truce, peace deal, prisoner exchange or surrender.
    #[serde(rename = "Agreement")]
    Agreement,
    /// Arrests by a state's forces, outside a protest.
    #[serde(rename = "Arrests")]
    Arrests,
    /// A group changes (splits, merges, new leader, relocates) or changes what it does.
    #[serde(rename = "Change to group/activity")]
    ChangeToGroup,
    /// Weapons seized, defused, or shot down before use.
    #[serde(rename = "Disrupted weapons use")]
    DisruptedWeaponsUse,
    /// A base or headquarters set up.
    #[serde(rename = "Headquarters or base established")]
    BaseEstablished,
    /// Looting, arson and destruction of property without an attack on people.
    #[serde(rename = "Looting/property destruction")]
    LootingPropertyDestruction,
    /// Territory handed over or taken without fighting.
    #[serde(rename = "Non-violent transfer of territory")]
    NonViolentTransfer,
    /// Another strategic development.
    #[serde(rename = "Other")]
    Other,
}

impl Category {
    /// The JSON word: ACLED's sub-event type.
    pub fn as_str(self) -> &'static str {
        use Category::*;
        match self {
            AirDroneStrike => "Air/drone strike",
            ShellingArtilleryMissile => "Shelling/artillery/missile attack",
            RemoteExplosive => "Remote explosive/landmine/IED",
            SuicideBomb => "Suicide bomb",
            Grenade => "Grenade",
            ChemicalWeapon => "Chemical weapon",
            ArmedClash => "Armed clash",
            GovernmentRegainsTerritory => "Government regains territory",
            NonStateOvertakesTerritory => "Non-state actor overtakes territory",
            Attack => "Attack",
            Abduction => "Abduction/forced disappearance",
            SexualViolence => "Sexual violence",
            PeacefulProtest => "Peaceful protest",
            ProtestWithIntervention => "Protest with intervention",
            ExcessiveForce => "Excessive force against protesters",
            ViolentDemonstration => "Violent demonstration",
            MobViolence => "Mob violence",
            Agreement => "Agreement",
            Arrests => "Arrests",
            ChangeToGroup => "Change to group/activity",
            DisruptedWeaponsUse => "Disrupted weapons use",
            BaseEstablished => "Headquarters or base established",
            LootingPropertyDestruction => "Looting/property destruction",
            NonViolentTransfer => "Non-violent transfer of territory",
            Other => "Other",
        }
    }

    /// ACLED's event type of this sub-event type.
    pub fn event_type(self) -> AcledEventType {
        use Category::*;
        match self {
            AirDroneStrike
            | ShellingArtilleryMissile
            | RemoteExplosive
            | SuicideBomb
            | Grenade
            | ChemicalWeapon => AcledEventType::ExplosionsRemoteViolence,
            ArmedClash | GovernmentRegainsTerritory | NonStateOvertakesTerritory => {
                AcledEventType::Battles
            }
            Attack | Abduction | SexualViolence => AcledEventType::ViolenceAgainstCivilians,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForce => AcledEventType::Protests,
            ViolentDemonstration | MobViolence => AcledEventType::Riots,
            Agreement
            | Arrests
            | ChangeToGroup
            | DisruptedWeaponsUse
            | BaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransfer
            | Other => AcledEventType::StrategicDevelopments,
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// ACLED's six event types, above its sub-event types ([`Category`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum AcledEventType {
    /// "Battles": armed clashes and territory taken.
    #[serde(rename = "Battles")]
    Battles,
    /// "Explosions/Remote violence": strikes, shelling, bombs, grenades.
    #[serde(rename = "Explosions/Remote violence")]
    ExplosionsRemoteViolence,
    /// "Violence against civilians".
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    /// "Protests".
    #[serde(rename = "Protests")]
    Protests,
    /// "Riots".
    #[serde(rename = "Riots")]
    Riots,
    /// "Strategic developments".
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl AcledEventType {
    /// ACLED's words for the event type.
    pub fn as_str(self) -> &'static str {
        match self {
            AcledEventType::Battles => "Battles",
            AcledEventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            AcledEventType::ViolenceAgainstCivilians => "Violence against civilians",
            AcledEventType::Protests => "Protests",
            AcledEventType::Riots => "Riots",
            AcledEventType::StrategicDevelopments => "Strategic developments",
        }
    }
}

impl std::fmt::Display for AcledEventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The fields every kind of event but a strike and a casualty has (ACLED's actor 1 and
/// actor 2, where, when, how many killed). In JSON they stand beside the kind's own fields.
// `repr(C)` as `Strike`: `modality` and `evidence` where a strike has them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[repr(C)]
pub struct Incident {
    /// How the text reports it.
    pub modality: Modality,
    /// The sentences or clauses it was read from.
    pub evidence: Vec<Span>,
    /// Who acted (ACLED's actor 1): the attacker, the first side of a clash, the protesters
    /// or rioters, the arresting force.
    pub actor: Option<Entity>,
    /// The other side (ACLED's actor 2): the victims, the side fought, those arrested.
    pub targets: Vec<Entity>,
    /// Where: first-level subdivisions (ISO 3166-2 `code`).
    pub provinces: Vec<Place>,
    /// Where: towns, cities, districts, each with its province where known.
    pub locations: Vec<Place>,
    /// When.
    pub date: Option<DateRef>,
    /// The people it killed, where the text says (ACLED's `fatalities`).
    pub fatalities: Option<Count>,
}

impl Incident {
    fn for_each_span<F: FnMut(&mut Span, Option<&mut Excerpt>)>(&mut self, f: &mut F) {
        self.evidence.iter_mut().for_each(|e| f(e, None));
        if let Some(a) = &mut self.actor {
            a.for_each_span(f);
        }
        self.targets.iter_mut().for_each(|t| t.for_each_span(f));
        self.provinces.iter_mut().for_each(|p| p.for_each_span(f));
        self.locations.iter_mut().for_each(|p| p.for_each_span(f));
        if let Some(d) = &mut self.date {
            f(&mut d.span, Some(&mut d.text));
        }
        if let Some(c) = &mut self.fatalities {
            f(&mut c.span, Some(&mut c.text));
        }
    }
}

/// An explosive device, a suicide bomb, a grenade or a chemical weapon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Explosion {
    /// ACLED's sub-event type.
    pub category: Category,
    /// The device, where the text names it.
    pub device: Option<Device>,
    /// Actor, targets, places, date, fatalities, modality, evidence.
    #[serde(flatten)]
    pub incident: Incident,
}

/// The device of an [`Explosion`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Device {
    /// An improvised explosive device, a roadside bomb.
    Ied,
    /// A landmine.
    Landmine,
    /// A car or truck bomb.
    CarBomb,
    /// A suicide vest or belt, a suicide bomber.
    SuicideVest,
    /// A hand grenade.
    Grenade,
    /// A bomb of no named kind, planted or left.
    Bomb,
    /// A chemical agent.
    Chemical,
}

/// Fighting between two organised armed sides.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Clash {
    /// ACLED's sub-event type.
    pub category: Category,
    /// Territory taken in the fighting, and by whom, where the text says.
    pub territory: Option<Territory>,
    /// The two sides (`actor` and `targets`), places, date, fatalities, modality, evidence.
    #[serde(flatten)]
    pub incident: Incident,
}

/// Territory taken in a [`Clash`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Territory {
    /// The place taken, where named.
    pub place: Option<Place>,
    /// Who took it.
    pub taken_by: Option<Entity>,
}

/// Violence by an armed side against unarmed people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attack {
    /// ACLED's sub-event type.
    pub category: Category,
    /// The attacker (`actor`), the victims (`targets`), places, date, fatalities...
    #[serde(flatten)]
    pub incident: Incident,
}

/// Who took part in a protest or riot and why.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Crowd {
    /// How many took part, where the text says ("around 50 workers").
    pub size: Option<Count>,
    /// What it was about ("demanding shorter shifts"), where the text says.
    pub about: Option<Excerpt>,
    /// Where `about` is.
    pub about_span: Option<Span>,
}

impl Crowd {
    fn for_each_span<F: FnMut(&mut Span, Option<&mut Excerpt>)>(&mut self, f: &mut F) {
        if let Some(c) = &mut self.size {
            f(&mut c.span, Some(&mut c.text));
        }
        if let Some(sp) = &mut self.about_span {
            f(sp, self.about.as_mut());
        }
    }
}

/// A public demonstration that is not violent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Protest {
    /// ACLED's sub-event type.
    pub category: Category,
    /// How many, and what about.
    #[serde(flatten)]
    pub crowd: Crowd,
    /// The protesters (`actor`), the force that intervened (`targets`), places, date...
    #[serde(flatten)]
    pub incident: Incident,
}

/// A violent demonstration or a mob's violence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Riot {
    /// ACLED's sub-event type.
    pub category: Category,
    /// How many, and what about.
    #[serde(flatten)]
    pub crowd: Crowd,
    /// The rioters (`actor`), whom they fought or attacked (`targets`), places, date...
    #[serde(flatten)]
    pub incident: Incident,
}

/// A strategic development: agreement, arrests, looting, base, seized weapons...
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Development {
    /// ACLED's sub-event type.
    pub category: Category,
    /// Who acted (`actor`), who was acted on (`targets`), places, date...
    #[serde(flatten)]
    pub incident: Incident,
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
// `repr(C)`: the fields in the order declared (the JSON's order all the same), so that
// `modality` and `evidence` sit at the same place in a strike, a casualty and an incident,
// and `Event::evidence` and `Event::modality` read one place for most kinds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[repr(C)]
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
    /// ACLED's sub-event type: [`Category::AirDroneStrike`] or
    /// [`Category::ShellingArtilleryMissile`].
    pub category: Category,
    /// The people this strike killed, where the text says (ACLED's `fatalities`).
    pub fatalities: Option<Count>,
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
///
/// In JSON, [`Casualty::source`] is two keys, as `SCHEMA.md` has it: `"source"`, the name,
/// and `"source_span"`, both `null` when the text names no source. Read back, a `"source"`
/// without its `"source_span"`, or the other way round, is an error.
// `repr(C)` as `Strike`: `modality` and `evidence` where a strike has them.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
#[repr(C)]
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
    /// Who gave the figure ("Syrian Observatory for Human Rights"), and where the text
    /// names them.
    pub source: Option<Source>,
    /// The index, in the same list of events, of the event that caused these casualties;
    /// `None` for a war's running toll or a figure the text ties to no event.
    pub event: Option<usize>,
}

// By hand: serde's derive cannot write one field (`source`) as two keys.
impl Serialize for Casualty {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Casualty", 13)?;
        out.serialize_field("modality", &self.modality)?;
        out.serialize_field("evidence", &self.evidence)?;
        out.serialize_field("kind", &self.kind)?;
        out.serialize_field("count", &self.count)?;
        out.serialize_field("victims", &self.victims)?;
        out.serialize_field("cumulative", &self.cumulative)?;
        out.serialize_field("perpetrator", &self.perpetrator)?;
        out.serialize_field("place", &self.place)?;
        out.serialize_field("province", &self.province)?;
        out.serialize_field("date", &self.date)?;
        out.serialize_field("source", &self.source.as_ref().map(|x| &x.name))?;
        out.serialize_field("source_span", &self.source.as_ref().map(|x| x.span))?;
        out.serialize_field("event", &self.event)?;
        out.end()
    }
}

/// A [`Casualty`] as its JSON has it, the source's name and span apart: what
/// `Casualty::deserialize` reads before it pairs them.
#[derive(Deserialize)]
#[serde(rename = "Casualty")]
struct CasualtyJson {
    modality: Modality,
    evidence: Vec<Span>,
    kind: CasualtyKind,
    count: Count,
    victims: Victims,
    cumulative: bool,
    perpetrator: Option<Entity>,
    place: Option<Place>,
    province: Option<Place>,
    date: Option<DateRef>,
    source: Option<String>,
    source_span: Option<Span>,
    event: Option<usize>,
}

impl<'de> Deserialize<'de> for Casualty {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Casualty, D::Error> {
        use serde::de::Error;
        let c = CasualtyJson::deserialize(d)?;
        let source = match (c.source, c.source_span) {
            (Some(name), Some(span)) => Some(Source::new(name, span)),
            (None, None) => None,
            (Some(_), None) => return Err(D::Error::custom("`source` without `source_span`")),
            (None, Some(_)) => return Err(D::Error::custom("`source_span` without `source`")),
        };
        Ok(Casualty {
            modality: c.modality,
            evidence: c.evidence,
            kind: c.kind,
            count: c.count,
            victims: c.victims,
            cumulative: c.cumulative,
            perpetrator: c.perpetrator,
            place: c.place,
            province: c.province,
            date: c.date,
            source,
            event: c.event,
        })
    }
}

/// Who gave a casualty figure, and where the text names them.
///
/// `name` is the source's name in the gazetteer, not the words of the text: "SOHR" in the
/// text is "Syrian Observatory for Human Rights". In JSON a source is two keys of its
/// [`Casualty`], `"source"` and `"source_span"`.
///
/// ```
/// use conflict_events::{Document, Extractor, Span};
/// let text = "Air strikes killed 9 fighters in Idlib, SOHR said.";
/// let events = Extractor::new().extract(&Document::new(text));
/// let figure = events.iter().find_map(|e| e.as_casualty()).unwrap();
/// let source = figure.source.as_ref().unwrap();
/// assert_eq!(source.name, "Syrian Observatory for Human Rights");
/// assert_eq!(source.span.get(text), Some("SOHR"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Source {
    /// The source's name ("Syrian Observatory for Human Rights"); borrowed from the
    /// built-in gazetteer when it is its name (see [`Entity::name`]).
    pub name: Cow<'static, str>,
    /// Where the text names it.
    pub span: Span,
}

impl Source {
    /// A source named `name`, at `span` in the text.
    pub fn new(name: impl Into<Cow<'static, str>>, span: Span) -> Source {
        Source {
            name: name.into(),
            span,
        }
    }
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
///
/// In JSON, [`Victims::words`] is two keys around the category, as `SCHEMA.md` has it:
/// `{"text": "militants", "category": "combatants", "span": [s, e]}`, `text` and `span` both
/// `null` when the text names no victims. Read back, a `text` without its `span`, or the
/// other way round, is an error.
///
/// ```
/// use conflict_events::{Document, Extractor, VictimCategory};
/// let text = "Air strikes killed 9 fighters in Idlib.";
/// let events = Extractor::new().extract(&Document::new(text));
/// let figure = events.iter().find_map(|e| e.as_casualty()).unwrap();
/// assert_eq!(figure.victims.category, VictimCategory::Combatants);
/// assert_eq!(figure.victims.text(), Some("fighters"));
/// assert_eq!(figure.victims.span().and_then(|s| s.get(text)), Some("fighters"));
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Victims {
    /// The words of the text that name them ("militants", "civilians"), and where; `None`
    /// when the text does not name them ("12 were killed").
    pub words: Option<Words>,
    /// Their category.
    pub category: VictimCategory,
}

impl Victims {
    /// The words of the text that name them, if any.
    pub fn text(&self) -> Option<&str> {
        self.words.as_ref().map(|w| w.text.as_str())
    }

    /// Where the text names them, if it does.
    pub fn span(&self) -> Option<Span> {
        self.words.as_ref().map(|w| w.span)
    }
}

// By hand: serde's derive cannot write one field (`words`) as two keys around another.
impl Serialize for Victims {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Victims", 3)?;
        out.serialize_field("text", &self.text())?;
        out.serialize_field("category", &self.category)?;
        out.serialize_field("span", &self.span())?;
        out.end()
    }
}

/// [`Victims`] as its JSON has it, the words and their span apart.
#[derive(Deserialize)]
#[serde(rename = "Victims")]
struct VictimsJson {
    text: Option<Excerpt>,
    category: VictimCategory,
    span: Option<Span>,
}

impl<'de> Deserialize<'de> for Victims {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Victims, D::Error> {
        use serde::de::Error;
        let v = VictimsJson::deserialize(d)?;
        let words = match (v.text, v.span) {
            (Some(text), Some(span)) => Some(Words { text, span }),
            (None, None) => None,
            (Some(_), None) => return Err(D::Error::custom("victims' `text` without `span`")),
            (None, Some(_)) => return Err(D::Error::custom("victims' `span` without `text`")),
        };
        Ok(Victims {
            words,
            category: v.category,
        })
    }
}

/// The article's words at a span: the `text` of an entity, a place, a count, a date or a
/// casualty's victims, and a crowd's `about`.
///
/// A string that holds up to 22 bytes in itself and a longer one on the heap, so that
/// most words of a mention ("Russian", "Idlib", "at least 12") cost no allocation. Read
/// it as a `&str` (`as_str()`, `&*text`, any `str` method), compare it with `==` to a
/// `&str` or a `String`; it is written to JSON as a string.
///
/// ```
/// use conflict_events::Excerpt;
/// let text = Excerpt::from("Deir ez-Zor");
/// assert_eq!(text, "Deir ez-Zor");
/// assert_eq!(text.len(), 11);
/// assert_eq!(String::from(text), "Deir ez-Zor");
/// ```
//
// A `String` per mention was one malloc, one copy and one free for some 105 words an
// article; 99.4% of them are 22 bytes or shorter, which fit in the 24 bytes of a `String`.
#[derive(Clone, Default)]
pub struct Excerpt(Repr);

/// The bytes held in the value when they fit, else a `Box<str>`. A text that fits is
/// always held inline, so that it has one representation; the comparisons go by
/// `as_str()` all the same.
#[derive(Clone)]
enum Repr {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Box<str>),
}

/// The longest text held inline: what fits beside its length and the variant's tag in the
/// 24 bytes of a `String`.
const INLINE: usize = 22;

impl Default for Repr {
    fn default() -> Repr {
        Repr::Inline {
            len: 0,
            buf: [0; INLINE],
        }
    }
}

impl Repr {
    /// `text` inline, where it fits.
    fn inline(text: &str) -> Option<Repr> {
        let mut buf = [0; INLINE];
        buf.get_mut(..text.len())?.copy_from_slice(text.as_bytes());
        let len = u8::try_from(text.len()).ok()?;
        Some(Repr::Inline { len, buf })
    }

    fn of(text: &str) -> Repr {
        Repr::inline(text).unwrap_or_else(|| Repr::Heap(text.into()))
    }
}

impl Excerpt {
    /// The words, as a `&str`.
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // the bytes are a `str`'s cut at its length: never invalid, "" rather than panic
            Repr::Inline { len, buf } => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or(""),
            Repr::Heap(s) => s,
        }
    }

    /// The words, as a `String`.
    pub fn into_string(self) -> String {
        match self.0 {
            Repr::Heap(s) => s.into_string(),
            Repr::Inline { .. } => self.as_str().to_string(),
        }
    }

    /// Sets the words to `text`, in place: no allocation when `text` fits inline, none when
    /// the words are `text` already.
    pub fn set(&mut self, text: &str) {
        // inline to inline: the bytes copied over the old ones, as cheap as comparing them
        if let Repr::Inline { len, buf } = &mut self.0 {
            if let (Some(to), Ok(n)) = (buf.get_mut(..text.len()), u8::try_from(text.len())) {
                to.copy_from_slice(text.as_bytes());
                *len = n;
                return;
            }
        }
        if self.as_str() != text {
            self.0 = Repr::of(text);
        }
    }
}

impl Excerpt {
    /// [`Excerpt::set`] for words cut from a longer text: `tail` is that text from the
    /// words' start on, and starts with `text`. When it has [`INLINE`] bytes, words that
    /// fit are copied as one block of that size (the bytes after them are held, never
    /// read), with no branch on their length: the remap sets some 30,000 words over 300
    /// articles, of lengths that follow no pattern a predictor learns.
    #[inline]
    pub(crate) fn set_from(&mut self, text: &str, tail: &[u8]) {
        debug_assert!(tail.starts_with(text.as_bytes()), "{text:?}");
        if let (Repr::Inline { len, buf }, Some(block)) = (&mut self.0, tail.first_chunk()) {
            if let Some(n) = u8::try_from(text.len())
                .ok()
                .filter(|&n| usize::from(n) <= INLINE)
            {
                *buf = *block;
                *len = n;
                return;
            }
        }
        self.set(text);
    }
}

impl std::ops::Deref for Excerpt {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Excerpt {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Excerpt {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Excerpt {
    fn from(text: &str) -> Excerpt {
        Excerpt(Repr::of(text))
    }
}

impl From<String> for Excerpt {
    fn from(text: String) -> Excerpt {
        match Repr::inline(&text) {
            Some(r) => Excerpt(r),
            None => Excerpt(Repr::Heap(text.into_boxed_str())),
        }
    }
}

impl From<Excerpt> for String {
    fn from(text: Excerpt) -> String {
        text.into_string()
    }
}

impl std::fmt::Debug for Excerpt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Excerpt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self.as_str(), f)
    }
}

impl PartialEq for Excerpt {
    fn eq(&self, other: &Excerpt) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Excerpt {}

impl PartialOrd for Excerpt {
    fn partial_cmp(&self, other: &Excerpt) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Excerpt {
    fn cmp(&self, other: &Excerpt) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

// As a `str` hashes, which `Borrow<str>` asks for.
impl std::hash::Hash for Excerpt {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

/// `==` between an [`Excerpt`] and `$t`, both ways, as between a `String` and `$t`.
macro_rules! excerpt_eq {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for Excerpt {
            fn eq(&self, other: &$t) -> bool {
                self.as_str() == &other[..]
            }
        }
        impl PartialEq<Excerpt> for $t {
            fn eq(&self, other: &Excerpt) -> bool {
                &self[..] == other.as_str()
            }
        }
    )*};
}

excerpt_eq!(str, &str, String);

impl Serialize for Excerpt {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Excerpt {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Excerpt, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Excerpt;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Excerpt, E> {
                Ok(Excerpt::from(v))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Excerpt, E> {
                Ok(Excerpt::from(v))
            }
        }
        d.deserialize_string(Visit)
    }
}

/// Words of the text, and where they are.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Words {
    /// The words, as the text writes them.
    pub text: Excerpt,
    /// Where they are.
    pub span: Span,
}

impl Words {
    /// The words `text`, at `span` in the text.
    pub fn new(text: impl Into<Excerpt>, span: Span) -> Words {
        Words {
            text: text.into(),
            span,
        }
    }
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
    ///
    /// Names, codes and countries are `Cow<'static, str>`: borrowed from the built-in
    /// gazetteer, which is embedded in the binary, so that no mention copies them; owned
    /// when they come from a gazetteer built at run time. Read them as `&str` (`&*name`,
    /// `name.as_ref()`, `place.name.as_deref()`), compare them with `==` to a `&str`.
    pub name: Cow<'static, str>,
    /// What it is.
    pub kind: EntityKind,
    /// Its country (ISO 3166-1 alpha-2), if it has one.
    pub country: Option<Cow<'static, str>>,
    /// Where the text names it.
    pub span: Span,
    /// The words of the text that name it ("NAF rebel forces", "Russian").
    #[serde(default)]
    pub text: Excerpt,
}

impl Entity {
    fn for_each_span<F: FnMut(&mut Span, Option<&mut Excerpt>)>(&mut self, f: &mut F) {
        f(&mut self.span, Some(&mut self.text));
    }
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
    /// Canonical name, or `None` for an unnamed place ("an Iranian airbase"). Shared with
    /// the built-in gazetteer like [`Entity::name`], as are the code, country and province.
    pub name: Option<Cow<'static, str>>,
    /// What it is.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a province, else `None`.
    pub code: Option<Cow<'static, str>>,
    /// Its country (ISO 3166-1 alpha-2).
    pub country: Option<Cow<'static, str>>,
    /// Its first-level subdivision (ISO 3166-2), for towns and air bases, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<Cow<'static, str>>,
    /// Where the text names it.
    pub span: Option<Span>,
    /// The words of the text that name it ("Deir ez-Zor", "Aleppo's"), like
    /// [`Entity::text`]; empty for a place the text does not name.
    #[serde(default)]
    pub text: Excerpt,
}

impl Place {
    fn for_each_span<F: FnMut(&mut Span, Option<&mut Excerpt>)>(&mut self, f: &mut F) {
        if let Some(sp) = &mut self.span {
            f(sp, Some(&mut self.text));
        }
    }
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
    pub text: Excerpt,
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
        text: impl Into<Excerpt>,
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
    pub text: Excerpt,
    /// The resolved date: the day, or the first day of the month or year for coarser
    /// precision. `None` when it cannot be resolved (a weekday without a publication date).
    #[serde(serialize_with = "serialize_date")]
    pub date: Option<NaiveDate>,
    /// How precise `date` is.
    pub precision: Precision,
    /// Where the words are (empty when `inferred`).
    pub span: Span,
    /// True when the text gives no date and the publication date stands in: the event is
    /// dated by its report, with no words of its own (`text` is empty, `span` empty at the
    /// start of the event's evidence). Filter on it to keep only dates the text states.
    #[serde(default)]
    pub inferred: bool,
}

/// [`DateRef::date`] as chrono writes it, `Some` passed on as `Some`: the same string, made
/// by [`IsoDate`] without chrono's formatter (some 580 instructions a date).
fn serialize_date<S: serde::Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match date {
        Some(d) => s.serialize_some(&IsoDate(*d)),
        None => s.serialize_none(),
    }
}

/// A date serialised as chrono's `Serialize` writes it: `YYYY-MM-DD`, made here by hand for
/// a year in 0..=9999; chrono itself writes one outside (signed, `+10000-01-01`).
struct IsoDate(NaiveDate);

impl Serialize for IsoDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use chrono::Datelike;
        let date = self.0;
        let Ok(year) = u32::try_from(date.year()) else {
            return date.serialize(s);
        };
        if year > 9999 {
            return date.serialize(s);
        }
        let pair = |n: u32| {
            usize::try_from(n)
                .ok()
                .and_then(|n| DIGIT_PAIRS.get(n))
                .copied()
                .unwrap_or([b'0'; 2])
        };
        let ([y1, y2], [y3, y4]) = (pair(year / 100), pair(year % 100));
        let ([m1, m2], [d1, d2]) = (pair(date.month()), pair(date.day()));
        let text = [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2];
        match std::str::from_utf8(&text) {
            Ok(text) => s.serialize_str(text),
            Err(_) => date.serialize(s),
        }
    }
}

/// The two ASCII digits of each number below 100, `00` to `99`.
const DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

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

/// `as_str()` (the word the JSON uses) and `Display` for the word enums of the output.
macro_rules! json_words {
    ($($ty:ident { $($variant:ident => $word:literal),+ $(,)? })+) => {$(
        impl $ty {
            /// The word of this value in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $word,)+
                }
            }

            #[cfg(test)]
            fn all() -> &'static [$ty] {
                &[$($ty::$variant,)+]
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )+};
}

json_words! {
    Modality {
        Asserted => "asserted", Planned => "planned", Hypothetical => "hypothetical",
        Negated => "negated",
    }
    Weapon { Air => "air", Drone => "drone", Missile => "missile", Artillery => "artillery" }
    Device {
        Ied => "ied", Landmine => "landmine", CarBomb => "car_bomb",
        SuicideVest => "suicide_vest", Grenade => "grenade", Bomb => "bomb",
        Chemical => "chemical",
    }
    CasualtyKind {
        Killed => "killed", Wounded => "wounded", Displaced => "displaced",
        Missing => "missing", Abducted => "abducted", Detained => "detained",
    }
    VictimCategory {
        Combatants => "combatants", Civilians => "civilians",
        SecurityForces => "security_forces", People => "people",
    }
    EntityKind {
        State => "state", ArmedGroup => "armed_group", Military => "military",
        Person => "person", Organization => "organization", Generic => "generic",
    }
    PlaceKind {
        Country => "country", Province => "province", City => "city",
        District => "district", AirBase => "air_base", Region => "region",
    }
    Qualifier {
        Exact => "exact", About => "about", AtLeast => "at_least", MoreThan => "more_than",
        UpTo => "up_to", FewerThan => "fewer_than", Vague => "vague", Range => "range",
    }
    Precision { Day => "day", Month => "month", Year => "year" }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A strike, a casualty and an incident keep `modality` and `evidence` at the same
    /// place, which lets `Event::evidence` and `Event::modality` read one place for them.
    #[test]
    fn shared_fields_share_their_place() {
        use std::mem::offset_of;
        let evidence = [
            offset_of!(Strike, evidence),
            offset_of!(Casualty, evidence),
            offset_of!(Incident, evidence),
        ];
        assert!(evidence.iter().all(|&o| o == evidence[0]), "{evidence:?}");
        let modality = [
            offset_of!(Strike, modality),
            offset_of!(Casualty, modality),
            offset_of!(Incident, modality),
        ];
        assert!(modality.iter().all(|&o| o == modality[0]), "{modality:?}");
    }

    /// `as_str` and `Display` give exactly the word serde writes, for every value.
    #[test]
    fn words_are_the_json_words() {
        fn check<T: Serialize + std::fmt::Display>(values: &[T], name: &str) {
            for v in values {
                let json = serde_json::to_string(v).expect("serializes");
                assert_eq!(json, format!("\"{v}\""), "{name}");
            }
        }
        check(Modality::all(), "Modality");
        check(Weapon::all(), "Weapon");
        check(Device::all(), "Device");
        check(CasualtyKind::all(), "CasualtyKind");
        check(VictimCategory::all(), "VictimCategory");
        check(EntityKind::all(), "EntityKind");
        check(PlaceKind::all(), "PlaceKind");
        check(Qualifier::all(), "Qualifier");
        check(Precision::all(), "Precision");
        let every_category = [
            Category::AirDroneStrike,
            Category::ArmedClash,
            Category::Other,
        ];
        check(&every_category, "Category");
    }

    /// A casualty's source is the two keys `source` and `source_span`, in their place
    /// among the others, and reads back; one without the other does not read.
    #[test]
    fn a_source_is_two_keys() {
        let json = |source: &str| {
            format!(
                r#"{{"type":"casualty","modality":"asserted","evidence":[[0,9]],"kind":"killed","count":{{"value":3,"low":null,"high":null,"qualifier":"exact","text":"3","span":[0,1]}},"victims":{{"text":null,"category":"people","span":null}},"cumulative":false,"perpetrator":null,"place":null,"province":null,"date":null,{source},"event":null}}"#
            )
        };
        let read = |json: &str| serde_json::from_str::<Event>(json);
        for keys in [
            r#""source":"SOHR","source_span":[4,8]"#,
            r#""source":null,"source_span":null"#,
        ] {
            let event = read(&json(keys)).expect("reads");
            let written = serde_json::to_string(&event).expect("writes");
            assert_eq!(written, json(keys));
        }
        let event = read(&json(r#""source":"SOHR","source_span":[4,8]"#)).expect("reads");
        let source = event.as_casualty().and_then(|c| c.source.clone());
        assert_eq!(source, Some(Source::new("SOHR", Span::new(4, 8))));
        for half in [
            r#""source":"SOHR","source_span":null"#,
            r#""source":null,"source_span":[4,8]"#,
            r#""source":"SOHR""#,
        ] {
            let err = read(&json(half)).expect_err("half a source");
            assert!(err.to_string().contains("without"), "{err}");
        }
    }

    /// A date is written as chrono writes it: the same JSON, by serde_json, for the years
    /// at the ends of four digits and beyond them (signed), and a `None`.
    #[test]
    fn a_date_is_written_as_chrono_writes_it() {
        use chrono::Datelike;
        let dates = [
            (0, 1, 1),
            (9, 2, 28),
            (999, 12, 31),
            (2020, 10, 5),
            (2024, 2, 29),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 6, 15),
            (-10_000, 3, 9),
            (262_142, 12, 31),
            (-262_143, 1, 1),
        ];
        for (y, m, d) in dates {
            let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date chrono has");
            let written = serde_json::to_string(&IsoDate(date)).expect("writes");
            let chrono = serde_json::to_string(&date).expect("writes");
            assert_eq!(written, chrono, "{y}-{m}-{d}");
            let date_ref = DateRef {
                text: "on \"Tuesday\"\n".into(),
                date: Some(date),
                precision: Precision::Day,
                span: Span::new(3, 9),
                inferred: false,
            };
            let json = serde_json::to_string(&date_ref).expect("writes");
            let expected = format!(
                r#"{{"text":"on \"Tuesday\"\n","date":{chrono},"precision":"day","span":[3,9],"inferred":false}}"#
            );
            assert_eq!(json, expected);
            let back: DateRef = serde_json::from_str(&json).expect("reads");
            assert_eq!(back, date_ref);
        }
        // every day of 1900 to 2100, and the first and last of every four-digit year
        let mut every = NaiveDate::from_ymd_opt(1900, 1, 1);
        while let Some(date) = every.filter(|d| d.year() <= 2100) {
            let written = serde_json::to_string(&IsoDate(date)).expect("writes");
            assert_eq!(written, serde_json::to_string(&date).expect("writes"));
            every = date.succ_opt();
        }
        for y in 0..=9999 {
            for (m, d) in [(1, 1), (12, 31)] {
                let date = NaiveDate::from_ymd_opt(y, m, d).expect("a date chrono has");
                let written = serde_json::to_string(&IsoDate(date)).expect("writes");
                assert_eq!(written, serde_json::to_string(&date).expect("writes"));
            }
        }
        let undated = DateRef {
            text: Excerpt::default(),
            date: None,
            precision: Precision::Year,
            span: Span::default(),
            inferred: true,
        };
        let json = serde_json::to_string(&undated).expect("writes");
        assert_eq!(
            json,
            r#"{"text":"","date":null,"precision":"year","span":[0,0],"inferred":true}"#
        );
    }

    /// The victims' words are the two keys `text` and `span` around `category`, and read
    /// back; one without the other does not read.
    #[test]
    fn the_victims_words_are_two_keys() {
        let read = |json: &str| serde_json::from_str::<Victims>(json);
        for json in [
            r#"{"text":"militants","category":"combatants","span":[3,12]}"#,
            r#"{"text":null,"category":"people","span":null}"#,
        ] {
            let victims = read(json).expect("reads");
            assert_eq!(serde_json::to_string(&victims).expect("writes"), json);
        }
        let victims = read(r#"{"text":"militants","category":"combatants","span":[3,12]}"#);
        let words = victims.expect("reads").words;
        assert_eq!(words, Some(Words::new("militants", Span::new(3, 12))));
        for half in [
            r#"{"text":"militants","category":"combatants","span":null}"#,
            r#"{"text":null,"category":"people","span":[3,12]}"#,
            r#"{"text":"militants","category":"combatants"}"#,
        ] {
            let err = read(half).expect_err("half the words");
            assert!(err.to_string().contains("without"), "{err}");
        }
    }

    /// The inline form ends at 22 bytes: 22 held in the value, 23 on the heap, the same
    /// text either way.
    #[test]
    fn excerpt_inline_up_to_22_bytes() {
        // the size of a `String`, and no more in an `Option`
        assert_eq!(
            std::mem::size_of::<Excerpt>(),
            std::mem::size_of::<String>()
        );
        assert_eq!(
            std::mem::size_of::<Option<Excerpt>>(),
            std::mem::size_of::<String>()
        );
        let is_inline = |e: &Excerpt| matches!(e.0, Repr::Inline { .. });
        let short = "a".repeat(22);
        let long = "a".repeat(23);
        assert!(is_inline(&Excerpt::from(short.as_str())));
        assert!(!is_inline(&Excerpt::from(long.as_str())));
        assert_eq!(Excerpt::from(short.as_str()), short);
        assert_eq!(Excerpt::from(long.as_str()), long);
        // 21 ASCII bytes then a 2-byte char: 23 bytes, whole on the heap
        let straddling = format!("{}é", "a".repeat(21));
        let e = Excerpt::from(straddling.as_str());
        assert!(!is_inline(&e));
        assert_eq!(e.as_str(), straddling);
        assert_eq!(e.chars().last(), Some('é'));
        // 20 then 2: 22 bytes, inline
        let fits = format!("{}é", "a".repeat(20));
        assert!(is_inline(&Excerpt::from(fits.as_str())));
        assert_eq!(Excerpt::from(fits.as_str()), fits);
    }

    #[test]
    fn excerpt_empty() {
        let e = Excerpt::default();
        assert!(e.is_empty());
        assert_eq!(e, "");
        assert_eq!(e, Excerpt::from(String::new()));
        assert_eq!(format!("{e:?}"), "\"\"");
        assert_eq!(e.into_string(), "");
    }

    /// A text made from a `&str` and from a `String` is one value: equal, hashed alike, and
    /// hashed as the `str` (what `Borrow<str>` asks for).
    #[test]
    fn excerpt_equal_and_hashed_by_its_text() {
        use std::collections::HashSet;
        use std::hash::BuildHasher;
        let h = std::collections::hash_map::RandomState::new();
        for text in ["Idlib", "Syrian Observatory for Human Rights", ""] {
            let a = Excerpt::from(text);
            let b = Excerpt::from(text.to_string());
            assert_eq!(a, b);
            assert_eq!(h.hash_one(&a), h.hash_one(&b));
            assert_eq!(h.hash_one(&a), h.hash_one(text));
            let owned = text.to_string();
            assert!(a == text);
            assert!(text == a);
            assert!(a == *text);
            assert!(*text == a);
            assert!(a == owned);
            assert!(owned == a);
            assert_eq!(a.cmp(&b), std::cmp::Ordering::Equal);
            assert!(HashSet::from([a]).contains(text));
        }
        assert_ne!(Excerpt::from("Idlib"), Excerpt::from("Idli"));
        let (aleppo, idlib) = (Excerpt::from("Aleppo"), Excerpt::from("Idlib"));
        assert!(aleppo < idlib);
    }

    #[test]
    fn excerpt_serde_round_trip() {
        for text in [
            "Deir ez-Zor",
            "Aleppo\u{2019}s \"old\" city, and then some",
            "",
        ] {
            let e = Excerpt::from(text);
            let json = serde_json::to_string(&e).expect("serializes");
            assert_eq!(json, serde_json::to_string(text).expect("serializes"));
            let back: Excerpt = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back, e);
            assert_eq!(format!("{back:?}"), format!("{text:?}"));
            assert_eq!(back.to_string(), text);
        }
        assert!(serde_json::from_str::<Excerpt>("12").is_err());
    }

    /// `set` moves between the forms as the length asks, and a text keeps one form.
    #[test]
    fn excerpt_set_grows_and_shrinks() {
        let is_inline = |e: &Excerpt| matches!(e.0, Repr::Inline { .. });
        let long = "Syrian Observatory for Human Rights";
        let mut e = Excerpt::from("SOHR");
        e.set("Idlib");
        assert_eq!(e, "Idlib");
        assert!(is_inline(&e));
        e.set(long);
        assert_eq!(e, long);
        assert!(!is_inline(&e));
        e.set(long);
        assert_eq!(e, long);
        e.set("Idlib");
        assert_eq!(e, "Idlib");
        assert!(is_inline(&e));
        e.set("");
        assert!(e.is_empty());
        assert!(is_inline(&e));
    }

    /// `set_from` gives the words of `set` for every span of a text, near its end (fewer
    /// than `INLINE` bytes after the start) and past the inline length alike.
    #[test]
    fn excerpt_set_from_is_set() {
        let text = "Russian warplanes struck the Syrian Observatory in Deir ez-Zor.";
        let mut e = Excerpt::from("a long word held on the heap, longer than inline");
        for start in 0..text.len() {
            for end in start..=text.len() {
                let words = &text[start..end];
                e.set_from(words, &text.as_bytes()[start..]);
                assert_eq!(e.as_str(), words);
                assert_eq!(matches!(e.0, Repr::Inline { .. }), words.len() <= INLINE);
            }
        }
    }

    /// `set` copies every length that fits inline whole, over longer and shorter words.
    #[test]
    fn excerpt_set_copies_every_inline_length() {
        let text = "abcdefghijklmnopqrstuvwxyz";
        let mut e = Excerpt::from("0123456789012345678901");
        for n in (0..=INLINE).chain((0..=INLINE).rev()) {
            let words = &text[..n];
            e.set(words);
            assert_eq!(e.as_str(), words);
            assert!(matches!(e.0, Repr::Inline { .. }));
        }
    }
}
