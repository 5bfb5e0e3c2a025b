//! The public API: thread-safety bounds, the SCHEMA.md JSON shape, span serialization,
//! and no guessed dates without a publication date.

use conflict_events::{Document, Event, Extractor, NaiveDate};
use serde_json::Value as Json;

const STRIKE_KEYS: &[&str] = &[
    "type",
    "modality",
    "evidence",
    "actor",
    "base",
    "targets",
    "provinces",
    "locations",
    "date",
    "weapon",
];

const CASUALTY_KEYS: &[&str] = &[
    "type",
    "modality",
    "evidence",
    "kind",
    "count",
    "victims",
    "cumulative",
    "perpetrator",
    "place",
    "province",
    "date",
    "source",
];

const MODALITIES: &[&str] = &["asserted", "planned", "hypothetical", "negated"];
const WEAPONS: &[&str] = &["air", "drone", "missile", "artillery"];
const KINDS: &[&str] = &[
    "killed",
    "wounded",
    "displaced",
    "missing",
    "abducted",
    "detained",
];
const CATEGORIES: &[&str] = &["combatants", "civilians", "security_forces", "people"];
const QUALIFIERS: &[&str] = &[
    "exact",
    "about",
    "at_least",
    "more_than",
    "up_to",
    "fewer_than",
    "vague",
    "range",
];
const ENTITY_KINDS: &[&str] = &[
    "state",
    "armed_group",
    "military",
    "person",
    "organization",
    "generic",
];
const PLACE_KINDS: &[&str] = &[
    "country", "province", "city", "district", "air_base", "region",
];
const PRECISIONS: &[&str] = &["day", "month", "year"];

const ARTICLE: &str =
    "Russian warplanes that took off from an Iranian airbase struck Islamic State \
positions near the town of Saraqeb in Idlib province on Tuesday. At least 12 militants were \
killed, the Syrian Observatory for Human Rights said.";

fn tuesday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2016, 8, 16).expect("valid date")
}

fn article_json() -> Vec<Json> {
    let events = Extractor::new().extract(&Document::new(ARTICLE).published(tuesday()));
    events
        .iter()
        .map(|e| serde_json::to_value(e).expect("events serialize"))
        .collect()
}

fn find<'a>(events: &'a [Json], ty: &str) -> &'a Json {
    events
        .iter()
        .find(|e| e["type"] == ty)
        .unwrap_or_else(|| panic!("no {ty} event in {events:?}"))
}

fn assert_keys(ev: &Json, keys: &[&str]) {
    let obj = ev.as_object().expect("an event is a JSON object");
    let missing: Vec<&&str> = keys.iter().filter(|k| !obj.contains_key(**k)).collect();
    assert!(missing.is_empty(), "missing keys {missing:?} in {ev}");
}

fn assert_word(v: &Json, allowed: &[&str], what: &str) {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string: {v}"));
    assert!(allowed.contains(&s), "{what} {s:?} not in {allowed:?}");
}

fn assert_span(v: &Json, what: &str) {
    let a = v
        .as_array()
        .unwrap_or_else(|| panic!("{what} span is not an array: {v}"));
    assert_eq!(a.len(), 2, "{what} span is not [s, e]: {v}");
    let (s, e) = (a[0].as_u64(), a[1].as_u64());
    assert!(
        matches!((s, e), (Some(s), Some(e)) if s <= e),
        "{what} span is not two ordered integers: {v}"
    );
}

fn assert_entity(v: &Json, what: &str) {
    if v.is_null() {
        return;
    }
    for key in ["name", "kind", "country", "span"] {
        assert!(v.get(key).is_some(), "{what} has no {key}: {v}");
    }
    assert!(v["name"].is_string(), "{what}.name: {v}");
    assert_word(&v["kind"], ENTITY_KINDS, &format!("{what}.kind"));
    assert_span(&v["span"], what);
}

fn assert_place(v: &Json, what: &str) {
    if v.is_null() {
        return;
    }
    for key in ["name", "kind", "code", "country", "span"] {
        assert!(v.get(key).is_some(), "{what} has no {key}: {v}");
    }
    assert_word(&v["kind"], PLACE_KINDS, &format!("{what}.kind"));
    if !v["span"].is_null() {
        assert_span(&v["span"], what);
    }
}

fn assert_date(v: &Json, what: &str) {
    if v.is_null() {
        return;
    }
    for key in ["text", "date", "precision"] {
        assert!(v.get(key).is_some(), "{what} has no {key}: {v}");
    }
    assert_word(&v["precision"], PRECISIONS, &format!("{what}.precision"));
}

#[test]
fn extractor_is_clone_send_sync_static() {
    fn assert_bounds<T: Clone + Send + Sync + 'static>() {}
    assert_bounds::<Extractor>();
    assert_bounds::<Event>();
    // And it is usable from another thread.
    let extractor = Extractor::new();
    let handle = std::thread::spawn(move || {
        extractor
            .extract(&Document::new(ARTICLE).published(tuesday()))
            .len()
    });
    assert!(handle.join().expect("thread ran") > 0);
}

#[test]
fn strike_json_has_the_schema_keys_and_words() {
    let events = article_json();
    let strike = find(&events, "strike");
    assert_keys(strike, STRIKE_KEYS);
    assert_word(&strike["modality"], MODALITIES, "modality");
    assert_eq!(strike["modality"], "asserted");
    assert_word(&strike["weapon"], WEAPONS, "weapon");
    assert_eq!(strike["weapon"], "air");
    assert_entity(&strike["actor"], "actor");
    assert_eq!(strike["actor"]["country"], "RU", "{strike}");
    assert_place(&strike["base"], "base");
    assert_eq!(strike["base"]["country"], "IR", "{strike}");
    for t in strike["targets"].as_array().expect("targets is an array") {
        assert_entity(t, "target");
    }
    let provinces = strike["provinces"]
        .as_array()
        .expect("provinces is an array");
    for p in provinces {
        assert_place(p, "province");
    }
    assert!(
        provinces.iter().any(|p| p["code"] == "SY-ID"),
        "no SY-ID in {strike}"
    );
    for l in strike["locations"]
        .as_array()
        .expect("locations is an array")
    {
        assert_place(l, "location");
    }
    assert_date(&strike["date"], "date");
    assert_eq!(strike["date"]["date"], "2016-08-16", "{strike}");
    assert_eq!(strike["date"]["precision"], "day", "{strike}");
}

#[test]
fn casualty_json_has_the_schema_keys_and_words() {
    let events = article_json();
    let casualty = find(&events, "casualty");
    assert_keys(casualty, CASUALTY_KEYS);
    assert_word(&casualty["modality"], MODALITIES, "modality");
    assert_word(&casualty["kind"], KINDS, "kind");
    assert_eq!(casualty["kind"], "killed");
    assert!(casualty["cumulative"].is_boolean(), "{casualty}");
    assert_eq!(casualty["cumulative"], false);

    let count = &casualty["count"];
    for key in ["value", "low", "high", "qualifier", "text"] {
        assert!(count.get(key).is_some(), "count has no {key}: {count}");
    }
    assert_word(&count["qualifier"], QUALIFIERS, "qualifier");
    assert_eq!(count["value"], 12, "{count}");
    assert_eq!(count["qualifier"], "at_least", "{count}");
    assert!(count["text"].is_string(), "{count}");

    let victims = &casualty["victims"];
    assert!(victims.get("text").is_some(), "{victims}");
    assert_word(&victims["category"], CATEGORIES, "category");
    assert_eq!(victims["category"], "combatants");

    assert_entity(&casualty["perpetrator"], "perpetrator");
    assert_place(&casualty["place"], "place");
    assert_place(&casualty["province"], "province");
    assert_date(&casualty["date"], "date");
    assert!(
        casualty["source"].is_string() || casualty["source"].is_null(),
        "{casualty}"
    );
    assert_eq!(
        casualty["source"], "Syrian Observatory for Human Rights",
        "{casualty}"
    );
}

#[test]
fn spans_serialize_as_two_element_arrays() {
    let events = article_json();
    assert!(!events.is_empty());
    for ev in &events {
        let evidence = ev["evidence"].as_array().expect("evidence is an array");
        assert!(!evidence.is_empty(), "no evidence in {ev}");
        for span in evidence {
            assert_span(span, "evidence");
        }
    }
    let strike = find(&events, "strike");
    assert_span(&strike["actor"]["span"], "actor");
    let actor_span = strike["actor"]["span"].as_array().expect("checked");
    let (s, e) = (
        actor_span[0].as_u64().expect("checked") as usize,
        actor_span[1].as_u64().expect("checked") as usize,
    );
    let words = ARTICLE.get(s..e).unwrap_or_default();
    assert!(
        words.starts_with("Russian"),
        "actor span {s}..{e} is {words:?}: {strike}"
    );

    let casualty = find(&events, "casualty");
    assert_span(&casualty["count"]["span"], "count");
    // Round trip: the typed span of the typed event serializes to the same array.
    let typed = Extractor::new().extract(&Document::new(ARTICLE).published(tuesday()));
    let c = typed
        .iter()
        .find_map(Event::as_casualty)
        .expect("a casualty");
    assert_eq!(
        serde_json::to_value(c.count.span).expect("span serializes"),
        serde_json::json!([c.count.span.start, c.count.span.end])
    );
}

#[test]
fn no_publication_date_means_no_guessed_relative_date() {
    let text = "Russian warplanes struck rebel positions in Idlib province on Tuesday, \
killing at least 12 militants.";
    let events = Extractor::new().extract(&Document::new(text));
    assert!(
        events.iter().any(|e| e.as_strike().is_some()),
        "no strike in {events:?}"
    );
    for ev in &events {
        let date = match ev {
            Event::Strike(s) => s.date.as_ref(),
            Event::Casualty(c) => c.date.as_ref(),
            _ => None,
        };
        if let Some(d) = date {
            assert_eq!(d.date, None, "guessed a date for {:?} in {ev:?}", d.text);
        }
    }
    // With the publication date the same text resolves "Tuesday".
    let dated = Extractor::new().extract(&Document::new(text).published(tuesday()));
    let strike = dated.iter().find_map(Event::as_strike).expect("a strike");
    assert_eq!(
        strike.date.as_ref().and_then(|d| d.date),
        Some(tuesday()),
        "{strike:?}"
    );
}
