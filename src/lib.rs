//! conflict-events: raw war news in, typed and explainable events out.
//!
//! ```
//! use conflict_events::{Document, Event, Extractor, NaiveDate};
//!
//! let text = "Russian warplanes bombed Nusra Front positions in Idlib province on Monday, \
//!             killing 9 fighters, the Syrian Observatory for Human Rights said.";
//! let date = NaiveDate::from_ymd_opt(2016, 8, 16).unwrap();
//! for event in Extractor::new().extract(&Document::new(text).published(date)) {
//!     match event {
//!         Event::Strike(s) => assert_eq!(s.provinces[0].code.as_deref(), Some("SY-ID")),
//!         Event::Casualty(c) => assert_eq!(c.count.value, Some(9)),
//!         _ => {}
//!     }
//! }
//! ```
//!
//! The pipeline, one module per stage: [`text`] (furniture, sentences, clauses),
//! [`gazetteer`] (names found by hashed word prefixes, acronyms by aho-corasick),
//! [`numbers`], [`dates`], then the event
//! rules, which fill strike and casualty slots per clause and merge the mentions of one
//! strike per article. The output types ([`Event`], [`Strike`], [`Casualty`]...) serialize
//! to the JSON of `SCHEMA.md`. Built-in data: see `data/README.md`. [`export`] writes the
//! events as ACLED-style CSV rows and as an HTML page that shows the reading.
//!
//! # The events, one example of each type
//!
//! An [`Event`] is one of eight types, `"type"` in its JSON. Every type but a casualty
//! carries a [`Category`], ACLED's sub-event type, whose [`Category::event_type`] is ACLED's
//! event type; a [`Casualty`] is a figure of people killed, wounded, displaced..., and points
//! at the event that caused it (`event`, an index into the same list). Every field that the
//! text says carries its [`Span`], byte offsets into the text, and the evidence of an event
//! is the spans of the sentences it was read from. The events come in the order the text
//! tells them.
//!
//! ## Strike and casualty
//!
//! [`Strike`]: an attack from the air or from afar (air strike, drone, missile, shelling);
//! [`Casualty`]: a figure of people. Read from an article:
//!
//! ```
//! use conflict_events::{
//!     CasualtyKind, Category, Document, Event, Extractor, NaiveDate, VictimCategory, Weapon,
//! };
//!
//! let text = "Russian warplanes bombed Nusra Front positions near Saraqeb in Idlib \
//!             province on Monday, killing 9 fighters, the Syrian Observatory for Human \
//!             Rights said.";
//! let published = NaiveDate::from_ymd_opt(2016, 8, 16).unwrap(); // a Tuesday
//! let events = Extractor::new().extract(&Document::new(text).published(published));
//!
//! let strike = events.iter().find_map(Event::as_strike).unwrap();
//! let actor = strike.actor.as_ref().unwrap();
//! assert_eq!(actor.country.as_deref(), Some("RU"));
//! assert_eq!(actor.span.get(text), Some("Russian warplanes"));
//! assert_eq!(strike.targets[0].name, "Nusra Front");
//! assert_eq!(strike.provinces[0].code.as_deref(), Some("SY-ID"));
//! assert_eq!(strike.locations[0].name.as_deref(), Some("Saraqeb"));
//! assert_eq!(strike.date.as_ref().unwrap().date, NaiveDate::from_ymd_opt(2016, 8, 15));
//! assert_eq!((strike.weapon, strike.category), (Some(Weapon::Air), Category::AirDroneStrike));
//!
//! let killed = events.iter().find_map(Event::as_casualty).unwrap();
//! assert_eq!((killed.kind, killed.count.value), (CasualtyKind::Killed, Some(9)));
//! assert_eq!(killed.victims.category, VictimCategory::Combatants);
//! assert_eq!(killed.source.as_deref(), Some("Syrian Observatory for Human Rights"));
//! assert!(!killed.cumulative); // one incident's figure, not a war's running toll
//! ```
//!
//! Their JSON, as `cargo run --example extract -- FILE --date 2016-08-16` prints it today
//! (the rules that tie a figure to the event that caused it are being written: until they
//! are, a casualty's `event` and a strike's `fatalities` are `null`):
//!
//! ```text
//!
//! {
//!   "type": "strike",
//!   "modality": "asserted",
//!   "evidence": [[0, 154]],
//!   "actor": {"name": "Russian Aerospace Forces", "kind": "military", "country": "RU",
//!             "span": [0, 17], "text": "Russian warplanes"},
//!   "base": null,
//!   "targets": [
//!     {"name": "Nusra Front", "kind": "armed_group", "country": "SY", "span": [25, 36],
//!      "text": "Nusra Front"}
//!   ],
//!   "provinces": [
//!     {"name": "Idlib", "kind": "province", "code": "SY-ID", "country": "SY",
//!      "span": [63, 68]}
//!   ],
//!   "locations": [
//!     {"name": "Saraqeb", "kind": "city", "code": null, "country": "SY", "province": "SY-ID",
//!      "span": [52, 59]}
//!   ],
//!   "date": {"text": "Monday", "date": "2016-08-15", "precision": "day", "span": [81, 87]},
//!   "weapon": "air",
//!   "category": "Air/drone strike",
//!   "fatalities": null
//! }
//! {
//!   "type": "casualty",
//!   "modality": "asserted",
//!   "evidence": [[0, 154]],
//!   "kind": "killed",
//!   "count": {"value": 9, "low": null, "high": null, "qualifier": "exact", "text": "9",
//!             "span": [97, 98]},
//!   "victims": {"text": "fighters", "category": "combatants", "span": [99, 107]},
//!   "cumulative": false,
//!   "perpetrator": {"name": "Russian Aerospace Forces", "kind": "military", "country": "RU",
//!                   "span": [0, 17], "text": "Russian warplanes"},
//!   "place": {"name": "Saraqeb", "kind": "city", "code": null, "country": "SY",
//!             "province": "SY-ID", "span": [52, 59]},
//!   "province": {"name": "Idlib", "kind": "province", "code": "SY-ID", "country": "SY",
//!                "span": [52, 59]},
//!   "date": {"text": "Monday", "date": "2016-08-15", "precision": "day", "span": [81, 87]},
//!   "source": "Syrian Observatory for Human Rights",
//!   "source_span": [113, 148],
//!   "event": null
//! }
//! ```
//!
//! ## The other types
//!
//! The rules that read explosions, clashes, attacks, protests, riots and strategic
//! developments are being written; the examples below build each event from its JSON (the
//! output types are `#[non_exhaustive]`: outside the crate, serde is how to build one) and
//! read it the way the extractor's output is read.
//!
//! ## Explosion
//!
//! [`Explosion`]: a bomb, a mine, an IED, a suicide bomb, a grenade, a chemical weapon; its
//! own field is `device`.
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Device, Event};
//!
//! let text = "A roadside bomb killed three soldiers near Kidal in northern Mali on Monday.";
//! // published 2024-06-11
//! let json = r#"
//! {
//!   "type": "explosion",
//!   "category": "Remote explosive/landmine/IED",
//!   "device": "ied",
//!   "modality": "asserted",
//!   "evidence": [[0, 76]],
//!   "actor": null,
//!   "targets": [
//!     {"name": "Military Forces of Mali", "kind": "military", "country": "ML",
//!      "span": [29, 37], "text": "soldiers"}
//!   ],
//!   "provinces": [
//!     {"name": "Kidal", "kind": "province", "code": "ML-8", "country": "ML", "span": [43, 48]}
//!   ],
//!   "locations": [
//!     {"name": "Kidal", "kind": "city", "code": null, "country": "ML", "province": "ML-8",
//!      "span": [43, 48]}
//!   ],
//!   "date": {"text": "Monday", "date": "2024-06-10", "precision": "day", "span": [69, 75]},
//!   "fatalities": {"value": 3, "low": null, "high": null, "qualifier": "exact",
//!                  "text": "three", "span": [23, 28]}
//! }
//! "#;
//! let event: Event = serde_json::from_str(json)?;
//! let Event::Explosion(explosion) = &event else { unreachable!() };
//! assert_eq!(explosion.category, Category::RemoteExplosive);
//! assert_eq!(explosion.category.event_type(), AcledEventType::ExplosionsRemoteViolence);
//! assert_eq!(explosion.device, Some(Device::Ied));
//! let victims = &explosion.incident.targets[0];
//! assert_eq!(victims.span.get(text), Some("soldiers"));
//! assert_eq!(explosion.incident.fatalities.as_ref().and_then(|c| c.best()), Some(3));
//! // the JSON above is the JSON of the event, key for key
//! assert_eq!(serde_json::to_value(&event)?, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Clash
//!
//! [`Clash`]: fighting between two organised armed sides, and territory taken in it; its
//! own field is `territory` (the place taken and who took it).
//!
//! ```
//! use conflict_events::export::{Article, Csv};
//! use conflict_events::{AcledEventType, Category, Event};
//!
//! let text = "Government forces recaptured the town of Saraqeb from Hayat Tahrir al-Sham on \
//!             Friday after heavy fighting, leaving 12 fighters dead.";
//! // published 2020-03-07
//! let json = r#"
//! {
//!   "type": "clash",
//!   "category": "Government regains territory",
//!   "territory": {
//!     "place": {"name": "Saraqeb", "kind": "city", "code": null, "country": "SY",
//!               "province": "SY-ID", "span": [41, 48]},
//!     "taken_by": {"name": "Syrian Arab Army", "kind": "military", "country": "SY",
//!                  "span": [0, 17], "text": "Government forces"}
//!   },
//!   "modality": "asserted",
//!   "evidence": [[0, 132]],
//!   "actor": {"name": "Syrian Arab Army", "kind": "military", "country": "SY",
//!             "span": [0, 17], "text": "Government forces"},
//!   "targets": [
//!     {"name": "Hayat Tahrir al-Sham", "kind": "armed_group", "country": "SY",
//!      "span": [54, 74], "text": "Hayat Tahrir al-Sham"}
//!   ],
//!   "provinces": [
//!     {"name": "Idlib", "kind": "province", "code": "SY-ID", "country": "SY",
//!      "span": [41, 48]}
//!   ],
//!   "locations": [
//!     {"name": "Saraqeb", "kind": "city", "code": null, "country": "SY", "province": "SY-ID",
//!      "span": [41, 48]}
//!   ],
//!   "date": {"text": "Friday", "date": "2020-03-06", "precision": "day", "span": [78, 84]},
//!   "fatalities": {"value": 12, "low": null, "high": null, "qualifier": "exact", "text": "12",
//!                  "span": [115, 117]}
//! }
//! "#;
//! let event: Event = serde_json::from_str(json)?;
//! let Event::Clash(clash) = &event else { unreachable!() };
//! assert_eq!(clash.category, Category::GovernmentRegainsTerritory);
//! assert_eq!(clash.category.event_type(), AcledEventType::Battles);
//! let territory = clash.territory.as_ref().unwrap();
//! assert_eq!(territory.taken_by.as_ref().unwrap().name, "Syrian Arab Army");
//! assert_eq!(territory.place.as_ref().unwrap().span.unwrap().get(text), Some("Saraqeb"));
//!
//! // one row of ACLED-style CSV (see the `export` module)
//! let rows = Csv::new().rows(&Article::new(text), std::slice::from_ref(&event));
//! assert_eq!(&rows[0][..5], ["2020-03-06", "Battles", "Government regains territory",
//!                            "Syrian Arab Army", "Hayat Tahrir al-Sham"]);
//! // the JSON above is the JSON of the event, key for key
//! assert_eq!(serde_json::to_value(&event)?, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Attack
//!
//! [`Attack`]: violence by an armed side against unarmed people, abductions, sexual
//! violence.
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Event};
//!
//! let text = "Gunmen on motorbikes killed five villagers in Tillaberi region on Sunday, the \
//!             governor said.";
//! // published 2023-08-14
//! let json = r#"
//! {
//!   "type": "attack",
//!   "category": "Attack",
//!   "modality": "asserted",
//!   "evidence": [[0, 92]],
//!   "actor": {"name": "gunmen", "kind": "generic", "country": null, "span": [0, 6],
//!             "text": "Gunmen"},
//!   "targets": [
//!     {"name": "villagers", "kind": "generic", "country": null, "span": [33, 42],
//!      "text": "villagers"}
//!   ],
//!   "provinces": [
//!     {"name": "Tillaberi", "kind": "province", "code": "NE-6", "country": "NE",
//!      "span": [46, 55]}
//!   ],
//!   "locations": [],
//!   "date": {"text": "Sunday", "date": "2023-08-13", "precision": "day", "span": [66, 72]},
//!   "fatalities": {"value": 5, "low": null, "high": null, "qualifier": "exact",
//!                  "text": "five", "span": [28, 32]}
//! }
//! "#;
//! let event: Event = serde_json::from_str(json)?;
//! let Event::Attack(attack) = &event else { unreachable!() };
//! assert_eq!(attack.category.event_type(), AcledEventType::ViolenceAgainstCivilians);
//! assert_eq!(attack.incident.actor.as_ref().unwrap().span.get(text), Some("Gunmen"));
//! assert_eq!(attack.incident.provinces[0].code.as_deref(), Some("NE-6"));
//! // the JSON above is the JSON of the event, key for key
//! assert_eq!(serde_json::to_value(&event)?, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Protest
//!
//! [`Protest`]: a demonstration that is not violent; its own fields are `size` and `about`
//! (with `about_span`), as for a riot.
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Event, Qualifier};
//!
//! let text = "Around 300 textile workers rallied in Dhaka on Thursday, demanding unpaid \
//!             wages.";
//! // published 2023-11-03
//! let json = r#"
//! {
//!   "type": "protest",
//!   "category": "Peaceful protest",
//!   "size": {"value": 300, "low": null, "high": null, "qualifier": "about",
//!            "text": "Around 300", "span": [0, 10]},
//!   "about": "unpaid wages",
//!   "about_span": [67, 79],
//!   "modality": "asserted",
//!   "evidence": [[0, 80]],
//!   "actor": {"name": "textile workers", "kind": "generic", "country": null, "span": [11, 26],
//!             "text": "textile workers"},
//!   "targets": [],
//!   "provinces": [
//!     {"name": "Dhaka", "kind": "province", "code": "BD-C", "country": "BD", "span": [38, 43]}
//!   ],
//!   "locations": [
//!     {"name": "Dhaka", "kind": "city", "code": null, "country": "BD", "province": "BD-C",
//!      "span": [38, 43]}
//!   ],
//!   "date": {"text": "Thursday", "date": "2023-11-02", "precision": "day", "span": [47, 55]},
//!   "fatalities": null
//! }
//! "#;
//! let event: Event = serde_json::from_str(json)?;
//! let Event::Protest(protest) = &event else { unreachable!() };
//! assert_eq!(protest.category, Category::PeacefulProtest);
//! assert_eq!(protest.category.event_type(), AcledEventType::Protests);
//! let size = protest.crowd.size.as_ref().unwrap();
//! assert_eq!((size.value, size.qualifier), (Some(300), Qualifier::About));
//! assert_eq!(protest.crowd.about_span.unwrap().get(text), Some("unpaid wages"));
//! // the JSON above is the JSON of the event, key for key
//! assert_eq!(serde_json::to_value(&event)?, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Riot
//!
//! [`Riot`]: a violent demonstration or a mob's violence.
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Event};
//!
//! let text = "Rioters set fire to police vehicles in Nairobi on Tuesday as protests over tax \
//!             rises turned violent.";
//! // published 2024-06-26
//! let json = r#"
//! {
//!   "type": "riot",
//!   "category": "Violent demonstration",
//!   "size": null,
//!   "about": "tax rises",
//!   "about_span": [75, 84],
//!   "modality": "asserted",
//!   "evidence": [[0, 100]],
//!   "actor": {"name": "rioters", "kind": "generic", "country": null, "span": [0, 7],
//!             "text": "Rioters"},
//!   "targets": [
//!     {"name": "Police Forces of Kenya", "kind": "military", "country": "KE",
//!      "span": [20, 26], "text": "police"}
//!   ],
//!   "provinces": [
//!     {"name": "Nairobi City", "kind": "province", "code": "KE-30", "country": "KE",
//!      "span": [39, 46]}
//!   ],
//!   "locations": [
//!     {"name": "Nairobi", "kind": "city", "code": null, "country": "KE", "province": "KE-30",
//!      "span": [39, 46]}
//!   ],
//!   "date": {"text": "Tuesday", "date": "2024-06-25", "precision": "day", "span": [50, 57]},
//!   "fatalities": null
//! }
//! "#;
//! let event: Event = serde_json::from_str(json)?;
//! let Event::Riot(riot) = &event else { unreachable!() };
//! assert_eq!(riot.category, Category::ViolentDemonstration);
//! assert_eq!(riot.category.event_type(), AcledEventType::Riots);
//! assert_eq!(riot.crowd.about.as_deref(), Some("tax rises"));
//! assert_eq!(riot.incident.targets[0].country.as_deref(), Some("KE"));
//! // the JSON above is the JSON of the event, key for key
//! assert_eq!(serde_json::to_value(&event)?, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! ## Development
//!
//! [`Development`]: a strategic development: an agreement, arrests, looting, a base set up,
//! weapons seized...
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Event, Modality};
//!
//! let text = "Turkish police arrested 14 suspected Islamic State members in Gaziantep on \
//!             Wednesday.";
//! // published 2022-05-12
//! let json = r#"
//! {
//!   "type": "development",
//!   "category": "Arrests",
//!   "modality": "asserted",
//!   "evidence": [[0, 85]],
//!   "actor": {"name": "Police Forces of Turkey", "kind": "military", "country": "TR",
//!             "span": [0, 14], "text": "Turkish police"},
//!   "targets": [
//!     {"name": "Islamic State", "kind": "armed_group", "country": null, "span": [37, 50],
//!      "text": "Islamic State"}
//!   ],
//!   "provinces": [
//!     {"name": "Gaziantep", "kind": "province", "code": "TR-27", "country": "TR",
//!      "span": [62, 71]}
//!   ],
//!   "locations": [
//!     {"name": "Gaziantep", "kind": "city", "code": null, "country": "TR",
//!      "province": "TR-27", "span": [62, 71]}
//!   ],
//!   "date": {"text": "Wednesday", "date": "2022-05-11", "precision": "day", "span": [75, 84]},
//!   "fatalities": null
//! }
//! "#;
//! let event: Event = serde_json::from_str(json)?;
//! let Event::Development(arrests) = &event else { unreachable!() };
//! assert_eq!(arrests.category, Category::Arrests);
//! assert_eq!(arrests.category.event_type(), AcledEventType::StrategicDevelopments);
//! assert_eq!(arrests.incident.targets[0].name, "Islamic State");
//! assert_eq!(arrests.incident.modality, Modality::Asserted);
//! // the JSON above is the JSON of the event, key for key
//! assert_eq!(serde_json::to_value(&event)?, serde_json::from_str::<serde_json::Value>(json)?);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Output for people who do not write Rust
//!
//! - [`export::Csv`]: one row per event in ACLED's columns (`event_date`, `event_type`,
//!   `sub_event_type`, `actor1`, `actor2`, `country`, `admin1`, `location`, `source`,
//!   `notes`, `fatalities`, plus codes, `article_id`, `modality` and the evidence spans);
//!   casualty figures feed the `fatalities` of the event they point at.
//! - [`export::html_page`]: one self-contained page with every evidence and field span
//!   highlighted on the article, coloured by event type, in the manner of spaCy's displaCy.
//!
//! # Examples
//!
//! ```text
//! cargo run --release --example extract -- FILE [--date YYYY-MM-DD]   # the events as JSON
//! cargo run --release --example extract -- --csv FILE                 # ... as CSV rows
//! cargo run --release --example extract -- --html FILE > page.html    # ... on the article
//! cargo run --release --example extract -- --jsonl [--csv] < in.jsonl # a batch
//! cargo run --example custom_gazetteer [-- my_groups.tsv]             # a user gazetteer
//! cargo run --release --example csv_folder -- DIR [OUT.csv]           # a folder to CSV
//! cargo run --release --example threads [-- N]                        # N threads, one Extractor
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod dates;
mod error;
mod events;
pub mod export;
mod extractor;
pub mod gazetteer;
mod hash;
pub mod model;
pub mod numbers;
mod span;
pub mod text;

pub use chrono::NaiveDate;
pub use error::{Error, ErrorKind};
pub use extractor::{Document, Extractor, ExtractorBuilder};
pub use gazetteer::Gazetteer;
pub use model::*;
pub use span::Span;

/// The README's code examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
