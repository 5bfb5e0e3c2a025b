//! The field walk of the exporters against the model's own walk over every span, for an
//! event of every kind with every field filled.

use super::fields;
use crate::model::*;
use crate::span::Span;

/// Hands out distinct spans, so that a field walked twice or not at all shows.
struct Spans(usize);

impl Spans {
    fn next(&mut self) -> Span {
        self.0 += 10;
        Span::new(self.0, self.0 + 5)
    }

    fn entity(&mut self) -> Entity {
        Entity {
            name: "Side".into(),
            kind: EntityKind::ArmedGroup,
            country: Some("SY".into()),
            span: self.next(),
            text: "side".into(),
        }
    }

    fn place(&mut self, kind: PlaceKind) -> Place {
        Place {
            text: Default::default(),
            name: Some("Town".into()),
            kind,
            code: None,
            country: Some("SY".into()),
            province: Some("SY-ID".into()),
            span: Some(self.next()),
        }
    }

    fn count(&mut self) -> Count {
        Count::new(Some(3), None, None, Qualifier::Exact, "three", self.next())
    }

    fn date(&mut self) -> DateRef {
        DateRef {
            text: "Monday".into(),
            date: None,
            precision: Precision::Day,
            span: self.next(),
            inferred: false,
        }
    }

    fn incident(&mut self) -> Incident {
        Incident {
            modality: Modality::Asserted,
            evidence: vec![self.next(), self.next()],
            actor: Some(self.entity()),
            targets: vec![self.entity(), self.entity()],
            provinces: vec![self.place(PlaceKind::Province)],
            locations: vec![self.place(PlaceKind::City), self.place(PlaceKind::District)],
            date: Some(self.date()),
            fatalities: Some(self.count()),
        }
    }

    fn crowd(&mut self) -> Crowd {
        Crowd {
            size: Some(self.count()),
            about: Some("wages".into()),
            about_span: Some(self.next()),
        }
    }
}

fn every_kind() -> Vec<Event> {
    let mut s = Spans(0);
    let strike = Strike {
        evidence: vec![s.next()],
        actor: Some(s.entity()),
        base: Some(s.place(PlaceKind::AirBase)),
        targets: vec![s.entity()],
        provinces: vec![s.place(PlaceKind::Province)],
        locations: vec![s.place(PlaceKind::City)],
        date: Some(s.date()),
        weapon: Some(Weapon::Air),
        fatalities: Some(s.count()),
        ..Strike::default()
    };
    let casualty = Casualty {
        modality: Modality::Asserted,
        evidence: vec![s.next()],
        kind: CasualtyKind::Killed,
        count: s.count(),
        victims: Victims {
            words: Some(Words::new("civilians", s.next())),
            category: VictimCategory::Civilians,
        },
        cumulative: false,
        perpetrator: Some(s.entity()),
        place: Some(s.place(PlaceKind::City)),
        province: Some(s.place(PlaceKind::Province)),
        date: Some(s.date()),
        source: Some(Source::new("a monitor", s.next())),
        event: Some(0),
    };
    vec![
        Event::from(strike),
        Event::from(Explosion {
            category: Category::RemoteExplosive,
            device: Some(Device::Ied),
            incident: s.incident(),
        }),
        Event::from(Clash {
            category: Category::GovernmentRegainsTerritory,
            territory: Some(Territory {
                place: Some(s.place(PlaceKind::City)),
                taken_by: Some(s.entity()),
            }),
            incident: s.incident(),
        }),
        Event::from(Attack {
            category: Category::Attack,
            incident: s.incident(),
        }),
        Event::from(Protest {
            category: Category::PeacefulProtest,
            crowd: s.crowd(),
            incident: s.incident(),
        }),
        Event::from(Riot {
            category: Category::ViolentDemonstration,
            crowd: s.crowd(),
            incident: s.incident(),
        }),
        Event::from(Development {
            category: Category::Arrests,
            incident: s.incident(),
        }),
        Event::from(casualty),
    ]
}

#[test]
fn fields_and_evidence_are_every_span_of_every_kind() {
    for event in every_kind() {
        let mut walked = Vec::new();
        event
            .clone()
            .for_each_span(&mut |span, _| walked.push(*span));
        let mut listed: Vec<Span> = event.evidence().to_vec();
        listed.extend(fields(&event).iter().filter_map(|f| f.span));
        walked.sort();
        listed.sort();
        assert_eq!(walked, listed, "{}: {event:?}", event.type_name());
    }
}

#[test]
fn field_names_are_the_json_paths() {
    let names = |e: &Event| -> Vec<String> { fields(e).into_iter().map(|f| f.name).collect() };
    let events = every_kind();
    assert_eq!(
        names(&events[0]),
        [
            "actor",
            "base",
            "targets[0]",
            "provinces[0]",
            "locations[0]",
            "date",
            "fatalities"
        ]
    );
    let clash = names(&events[2]);
    assert!(clash.contains(&"territory.place".to_string()), "{clash:?}");
    assert!(
        clash.contains(&"territory.taken_by".to_string()),
        "{clash:?}"
    );
    assert!(clash.contains(&"targets[1]".to_string()), "{clash:?}");
    let protest = names(&events[4]);
    assert_eq!(protest[..2], ["size", "about"]);
    assert_eq!(
        names(&events[7]),
        [
            "count",
            "victims",
            "perpetrator",
            "place",
            "province",
            "date",
            "source"
        ]
    );
}

#[test]
fn values_are_words_a_reader_knows() {
    let events = every_kind();
    let value = |e: &Event, name: &str| {
        fields(e)
            .into_iter()
            .find(|f| f.name == name)
            .map(|f| f.value)
    };
    let strike = &events[0];
    assert_eq!(
        value(strike, "actor").as_deref(),
        Some("Side (armed_group, SY)")
    );
    assert_eq!(
        value(strike, "base").as_deref(),
        Some("Town (air_base, SY-ID)")
    );
    assert_eq!(
        value(strike, "date").as_deref(),
        Some("Monday (unresolved)")
    );
    assert_eq!(value(strike, "fatalities").as_deref(), Some("3"));
    assert_eq!(
        value(&events[7], "victims").as_deref(),
        Some("civilians (civilians)")
    );
    assert_eq!(value(&events[7], "source").as_deref(), Some("a monitor"));
}
