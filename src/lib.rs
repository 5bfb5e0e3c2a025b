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
//! The pipeline, one (crate-private) module per stage: `text` (furniture, sentences,
//! clauses), [`gazetteer`] (names found by hashed word prefixes, acronyms by aho-corasick),
//! `numbers`, `dates`, then the event
//! rules, which fill the slots of every kind per clause, merge the mentions of one event
//! per article and tie casualty figures to their cause. The output types ([`Event`], [`Strike`], [`Casualty`]...) serialize
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
//! tells them. Entities and places also carry `text`, the words that name them ("Russian
//! warplanes" for the Russian Aerospace Forces, "Idleb" for Idlib); the examples below
//! leave it out of places for brevity.
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
//! let source = killed.source.as_ref().unwrap();
//! assert_eq!(source.name, "Syrian Observatory for Human Rights");
//! assert_eq!(source.span.get(text), Some("Syrian Observatory for Human Rights"));
//! assert!(!killed.cumulative); // one incident's figure, not a war's running toll
//! assert_eq!(killed.event, Some(0)); // caused by the strike, events[0]
//! assert_eq!(strike.fatalities.as_ref().and_then(|c| c.value), Some(9));
//! ```
//!
//! Their JSON, as `cargo run --example extract -- FILE --date 2016-08-16` prints it: the
//! figure of 9 killed is the strike's `fatalities`, and the casualty points at the strike
//! (`"event": 0`, its index in the list).
//!
//! ```text
//! [
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
//!   "fatalities": {"value": 9, "low": null, "high": null, "qualifier": "exact", "text": "9",
//!                  "span": [97, 98]}
//! },
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
//!   "event": 0
//! }
//! ]
//! ```
//!
//! ## Explosion
//!
//! [`Explosion`]: a bomb, a mine, an IED, a suicide bomb, a grenade, a chemical weapon; its
//! own field is `device`.
//!
//! ```
//! use conflict_events::{
//!     AcledEventType, Category, Device, Document, Event, Extractor, NaiveDate,
//! };
//!
//! let text = "A roadside bomb killed three soldiers near Kidal in northern Mali on Monday.";
//! let published = NaiveDate::from_ymd_opt(2024, 6, 11).unwrap();
//! let events = Extractor::new().extract(&Document::new(text).published(published));
//! let Event::Explosion(bomb) = &events[0] else { panic!("{events:?}") };
//! assert_eq!(bomb.category, Category::RemoteExplosive);
//! assert_eq!(bomb.category.event_type(), AcledEventType::ExplosionsRemoteViolence);
//! assert_eq!(bomb.device, Some(Device::Ied));
//! assert_eq!(bomb.incident.provinces[0].code.as_deref(), Some("ML-8"));
//! assert_eq!(bomb.incident.fatalities.as_ref().and_then(|c| c.best()), Some(3));
//! // the figure is a casualty of its own, which points at the bomb
//! assert_eq!(events[1].as_casualty().and_then(|c| c.event), Some(0));
//! ```
//!
//! The explosion's JSON; its figure follows in the list, a casualty with `"event": 0`:
//!
//! ```text
//! {
//!   "type": "explosion",
//!   "category": "Remote explosive/landmine/IED",
//!   "device": "ied",
//!   "modality": "asserted",
//!   "evidence": [[0, 76]],
//!   "actor": null,
//!   "targets": [],
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
//! ```
//!
//! ## Clash
//!
//! [`Clash`]: fighting between two organised armed sides, and territory taken in it; its
//! own field is `territory`, the place taken and who took it. The CSV row of the `export`
//! module is shown too.
//!
//! ```
//! use conflict_events::export::{Article, Csv};
//! use conflict_events::{AcledEventType, Category, Document, Event, Extractor, NaiveDate};
//!
//! let text = "Government forces recaptured the town of Saraqeb from Hayat Tahrir al-Sham \
//!             on Friday after heavy fighting, leaving 12 fighters dead.";
//! let published = NaiveDate::from_ymd_opt(2020, 3, 7).unwrap();
//! let events = Extractor::new().extract(&Document::new(text).published(published));
//! let Event::Clash(clash) = &events[0] else { panic!("{events:?}") };
//! assert_eq!(clash.category, Category::GovernmentRegainsTerritory);
//! assert_eq!(clash.category.event_type(), AcledEventType::Battles);
//! let territory = clash.territory.as_ref().unwrap();
//! let taken_by = territory.taken_by.as_ref().unwrap();
//! assert_eq!(taken_by.span.get(text), Some("Government forces"));
//! assert_eq!(territory.place.as_ref().unwrap().name.as_deref(), Some("Saraqeb"));
//!
//! let rows = Csv::new().rows(&Article::new(text), &events);
//! assert_eq!(rows.len(), 1); // the figure of 12 dead is the clash's `fatalities`
//! assert_eq!(rows[0][..3], ["2020-03-06", "Battles", "Government regains territory"]);
//! assert_eq!((rows[0][7].as_str(), rows[0][10].as_str()), ("Saraqeb", "12"));
//! ```
//!
//! The clash's JSON; its figure follows in the list, a casualty with `"event": 0`:
//!
//! ```text
//! {
//!   "type": "clash",
//!   "category": "Government regains territory",
//!   "territory": {
//!     "place": {"name": "Saraqeb", "kind": "city", "code": null, "country": "SY",
//!               "province": "SY-ID", "span": [41, 48]},
//!     "taken_by": {"name": "Syria", "kind": "military", "country": "SY", "span": [0, 17],
//!                  "text": "Government forces"}
//!   },
//!   "modality": "asserted",
//!   "evidence": [[0, 132]],
//!   "actor": {"name": "Syria", "kind": "military", "country": "SY", "span": [0, 17],
//!             "text": "Government forces"},
//!   "targets": [
//!     {"name": "Nusra Front", "kind": "armed_group", "country": "SY", "span": [54, 74],
//!      "text": "Hayat Tahrir al-Sham"}
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
//! ```
//!
//! ## Attack
//!
//! [`Attack`]: violence by an armed side against unarmed people, abductions, sexual
//! violence.
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Document, Event, Extractor, NaiveDate};
//!
//! let text = "Jihadist gunmen attacked the village of Tingara in Tillaberi region on \
//!             Sunday, killing five civilians.";
//! let published = NaiveDate::from_ymd_opt(2023, 8, 14).unwrap();
//! let events = Extractor::new().extract(&Document::new(text).published(published));
//! let Event::Attack(attack) = &events[0] else { panic!("{events:?}") };
//! assert_eq!(attack.category, Category::Attack);
//! assert_eq!(attack.category.event_type(), AcledEventType::ViolenceAgainstCivilians);
//! assert_eq!(attack.incident.provinces[0].code.as_deref(), Some("NE-6"));
//! let sunday = NaiveDate::from_ymd_opt(2023, 8, 13);
//! assert_eq!(attack.incident.date.as_ref().and_then(|d| d.date), sunday);
//! assert_eq!(attack.incident.fatalities.as_ref().and_then(|c| c.value), Some(5));
//! ```
//!
//! The attack's JSON; its figure follows in the list, a casualty with `"event": 0`:
//!
//! ```text
//! {
//!   "type": "attack",
//!   "category": "Attack",
//!   "modality": "asserted",
//!   "evidence": [[0, 102]],
//!   "actor": null,
//!   "targets": [],
//!   "provinces": [
//!     {"name": "Tillaberi", "kind": "province", "code": "NE-6", "country": "NE",
//!      "span": [51, 60]}
//!   ],
//!   "locations": [],
//!   "date": {"text": "Sunday", "date": "2023-08-13", "precision": "day", "span": [71, 77]},
//!   "fatalities": {"value": 5, "low": null, "high": null, "qualifier": "exact",
//!                  "text": "five", "span": [87, 91]}
//! }
//! ```
//!
//! ## Protest
//!
//! [`Protest`]: a demonstration that is not violent; its own fields are `size` and `about`
//! (with `about_span`), as for a riot.
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Document, Event, Extractor, NaiveDate};
//!
//! let text = "Around 300 textile workers rallied in Dhaka on Thursday, demanding unpaid \
//!             wages.";
//! let published = NaiveDate::from_ymd_opt(2023, 11, 3).unwrap();
//! let events = Extractor::new().extract(&Document::new(text).published(published));
//! let Event::Protest(protest) = &events[0] else { panic!("{events:?}") };
//! assert_eq!(protest.category, Category::PeacefulProtest);
//! assert_eq!(protest.category.event_type(), AcledEventType::Protests);
//! let about = protest.crowd.about_span.and_then(|s| s.get(text));
//! assert_eq!(about, Some("demanding unpaid wages"));
//! assert_eq!(protest.incident.locations[0].name.as_deref(), Some("Dhaka"));
//! ```
//!
//! Its JSON:
//!
//! ```text
//! {
//!   "type": "protest",
//!   "category": "Peaceful protest",
//!   "size": null,
//!   "about": "demanding unpaid wages",
//!   "about_span": [57, 79],
//!   "modality": "asserted",
//!   "evidence": [[0, 80]],
//!   "actor": null,
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
//! ```
//!
//! ## Riot
//!
//! [`Riot`]: a violent demonstration or a mob's violence.
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Document, Event, Extractor, NaiveDate};
//!
//! let text = "Rioters torched police vehicles and clashed with police in Nairobi on \
//!             Tuesday during protests against tax rises.";
//! let published = NaiveDate::from_ymd_opt(2024, 6, 26).unwrap();
//! let events = Extractor::new().extract(&Document::new(text).published(published));
//! let Event::Riot(riot) = &events[0] else { panic!("{events:?}") };
//! assert_eq!(riot.category, Category::ViolentDemonstration);
//! assert_eq!(riot.category.event_type(), AcledEventType::Riots);
//! assert_eq!(riot.crowd.about.as_deref(), Some("against tax rises"));
//! assert_eq!(riot.incident.locations[0].country.as_deref(), Some("KE"));
//! ```
//!
//! Its JSON:
//!
//! ```text
//! {
//!   "type": "riot",
//!   "category": "Violent demonstration",
//!   "size": null,
//!   "about": "against tax rises",
//!   "about_span": [94, 111],
//!   "modality": "asserted",
//!   "evidence": [[0, 112]],
//!   "actor": null,
//!   "targets": [],
//!   "provinces": [],
//!   "locations": [
//!     {"name": "Nairobi", "kind": "city", "code": null, "country": "KE", "span": [59, 66]}
//!   ],
//!   "date": {"text": "Tuesday", "date": "2024-06-25", "precision": "day", "span": [70, 77]},
//!   "fatalities": null
//! }
//! ```
//!
//! ## Development
//!
//! [`Development`]: a strategic development: an agreement, arrests, looting, a base set up,
//! weapons seized...
//!
//! ```
//! use conflict_events::{AcledEventType, Category, Document, Event, Extractor, NaiveDate};
//!
//! let text = "Turkish police arrested 14 suspected Islamic State members in Gaziantep on \
//!             Wednesday.";
//! let published = NaiveDate::from_ymd_opt(2022, 5, 12).unwrap();
//! let events = Extractor::new().extract(&Document::new(text).published(published));
//! let Event::Development(arrests) = &events[0] else { panic!("{events:?}") };
//! assert_eq!(arrests.category, Category::Arrests);
//! assert_eq!(arrests.category.event_type(), AcledEventType::StrategicDevelopments);
//! assert_eq!(arrests.incident.actor.as_ref().unwrap().country.as_deref(), Some("TR"));
//! assert_eq!(arrests.incident.targets[0].name, "Islamic State");
//! ```
//!
//! Its JSON:
//!
//! ```text
//! {
//!   "type": "development",
//!   "category": "Arrests",
//!   "modality": "asserted",
//!   "evidence": [[0, 85]],
//!   "actor": {"name": "Turkey", "kind": "state", "country": "TR", "span": [0, 7],
//!             "text": "Turkish"},
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

// one `unsafe`, the `madvise` hint of `huge_pages`, allowed there alone
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod bounds;
mod dates;
mod error;
mod events;
pub mod export;
mod extractor;
pub mod gazetteer;
mod hash;
mod huge_pages;
mod kept;
mod model;
mod numbers;
mod span;
mod text;

pub use chrono::NaiveDate;
pub use error::{Error, ErrorKind};
pub use extractor::{Document, Extractor, ExtractorBuilder};
pub use model::*;
pub use span::Span;

/// The README's code examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
