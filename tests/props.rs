//! Property tests: the extractor never panics, its spans are valid, its output is
//! deterministic and the same from a cloned extractor.

use std::sync::OnceLock;

use conflict_events::{Document, Event, Extractor, NaiveDate};
use proptest::prelude::*;

use crate::cases::span_errors;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

fn extract(text: &str, date: Option<NaiveDate>) -> Vec<Event> {
    let mut doc = Document::new(text);
    if let Some(d) = date {
        doc = doc.published(d);
    }
    extractor().extract(&doc)
}

/// Every span of every event is inside `text`, on char boundaries, and agrees with its words.
fn assert_spans(text: &str, events: &[Event]) -> Result<(), TestCaseError> {
    for ev in events {
        let json = serde_json::to_value(ev).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let errs = span_errors(text, &json);
        prop_assert!(errs.is_empty(), "{errs:?} in {json} for {text:?}");
        // The typed view agrees with the JSON one for evidence.
        for span in ev.evidence() {
            prop_assert!(span.get(text).is_some(), "evidence {span:?} in {text:?}");
        }
    }
    Ok(())
}

const WORDS: &[&str] = &[
    "Russian",
    "warplanes",
    "jets",
    "struck",
    "bombed",
    "shelled",
    "fired",
    "missiles",
    "drone",
    "strike",
    "air",
    "strikes",
    "killed",
    "wounded",
    "injured",
    "displaced",
    "abducted",
    "detained",
    "missing",
    "dead",
    "at",
    "least",
    "more",
    "than",
    "nearly",
    "up",
    "to",
    "about",
    "between",
    "and",
    "dozens",
    "hundreds",
    "millions",
    "twelve",
    "two",
    "dozen",
    "a",
    "soldier",
    "civilians",
    "militants",
    "people",
    "police",
    "rebels",
    "Islamic",
    "State",
    "ISIS",
    "Daesh",
    "Nusra",
    "Front",
    "Houthi",
    "al-Shabaab",
    "PKK",
    "Kremlin",
    "Moscow",
    "Pentagon",
    "Saudi-led",
    "coalition",
    "Israeli",
    "Turkish",
    "U.S.",
    "Iranian",
    "airbase",
    "Hmeimim",
    "from",
    "in",
    "near",
    "the",
    "town",
    "of",
    "province",
    "Aleppo",
    "Idlib",
    "Idleb",
    "Homs",
    "Deir",
    "ez-Zor",
    "Deir ez\u{2011}Zor",
    "Hasakeh",
    "Mariupol",
    "Marib",
    "Kismayo",
    "Mosul",
    "Hodeidah",
    "Tuesday",
    "Monday",
    "Wednesday",
    "yesterday",
    "last",
    "September",
    "on",
    "March",
    "17",
    "9 May 2020",
    "said",
    "would",
    "could",
    "may",
    "likely",
    "if",
    "plans",
    "threatens",
    "denied",
    "did",
    "not",
    "refused",
    "according",
    "Syrian",
    "Observatory",
    "for",
    "Human",
    "Rights",
    "since",
    "2011",
    "has",
    "280,000",
    "12-year-old",
    "30 km",
    "40%",
    "120mm",
    "$5 million",
    "Share",
    "Advertisement",
    "Read more:",
    "Related:",
    "DAMASCUS, Syria (AP) \u{2014}",
    "Tuesday\u{2019}s",
    "\u{201c}",
    "\u{201d}",
    "\u{2013}",
    "\u{2014}",
    "\u{a0}",
    "\u{1F4A5}",
    "\u{1F1F8}\u{1F1FE}",
    "é",
    "ß",
    "中文",
    "\u{0301}",
    "0",
    "1",
    "3",
    "7",
    "99999999999999999999999",
    "-",
];

const SEPARATORS: &[&str] = &[
    " ", " ", " ", ", ", ". ", "\n", "\r\n", "\n\n", "\t", "\u{a0}", "", ": ", "; ",
];

/// Texts made of war-news words, digits, punctuation, curly quotes, NBSP, CRLF and emoji.
fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(WORDS),
            prop::sample::select(SEPARATORS),
        ),
        0..80,
    )
    .prop_map(|parts| {
        let mut s = String::new();
        for (w, sep) in parts {
            s.push_str(w);
            s.push_str(sep);
        }
        s
    })
}

fn any_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of((1990i32..2030, 1u32..=12, 1u32..=28))
        .prop_map(|o| o.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_do_not_panic_and_spans_are_valid(text in any::<String>(), date in any_date()) {
        let events = extract(&text, date);
        assert_spans(&text, &events)?;
    }

    #[test]
    fn newsish_text_does_not_panic_and_spans_are_valid(text in newsish(), date in any_date()) {
        let events = extract(&text, date);
        assert_spans(&text, &events)?;
    }

    #[test]
    fn output_is_deterministic(text in newsish(), date in any_date()) {
        let first = extract(&text, date);
        let second = extract(&text, date);
        prop_assert_eq!(&first, &second);
        let cloned = extractor().clone();
        let mut doc = Document::new(&text);
        if let Some(d) = date {
            doc = doc.published(d);
        }
        prop_assert_eq!(&first, &cloned.extract(&doc));
        // A fresh extractor gives the same output too: no hidden state between calls.
        prop_assert_eq!(&first, &Extractor::new().extract(&doc));
    }
}

/// A fixed news-like article still produces events, so the properties above are not vacuous.
#[test]
fn newsish_words_do_produce_events() {
    let text = "Russian warplanes struck Idlib on Tuesday, killing at least 12 civilians.";
    let date = NaiveDate::from_ymd_opt(2016, 8, 16);
    let events = extract(text, date);
    assert!(
        events.iter().any(|e| e.as_strike().is_some()),
        "no strike in {events:?}"
    );
    assert!(
        events.iter().any(|e| e.as_casualty().is_some()),
        "no casualty in {events:?}"
    );
}

/// An article with words for every field: a strike (actor, base, targets, provinces, town,
/// date), its casualty figure and source, a protest (size, what it was about) and an attack.
const FIELDED: &str = "Russian warplanes flying from the Hamadan airbase in Iran struck Islamic \
State and Nusra Front positions near Saraqib in Idlib province on Tuesday, killing 12 \
militants, the Syrian Observatory for Human Rights said.\n\nAround 50 workers protested in \
Aleppo on Monday, demanding unpaid wages.\n\nGunmen stormed a village in Zamfara state on \
Saturday and killed 14 villagers, police said.";

/// Characters the typography map drops ("\u{200b}") or folds to a space ("\u{a0}").
const DROPPED: &[&str] = &["\u{200b}", "\u{ad}", "\u{feff}"];
const SPACES: &[&str] = &[" ", "\u{a0}", "\u{202f}", "\u{2009}"];

/// `FIELDED` with a dropped character before some words and folded spaces between some.
fn folded_fielded() -> impl Strategy<Value = String> {
    let words = FIELDED.split(' ').count();
    prop::collection::vec(
        (
            prop::option::of(prop::sample::select(DROPPED)),
            prop::sample::select(SPACES),
        ),
        words,
    )
    .prop_map(|noise| {
        let mut out = String::new();
        for (i, (word, (drop, space))) in FIELDED.split(' ').zip(noise).enumerate() {
            if i > 0 {
                out.push_str(space);
            }
            if let Some(d) = drop {
                out.push_str(d);
            }
            out.push_str(word);
        }
        out
    })
}

/// What the typography map makes of `s` for these characters.
fn fold(s: &str) -> String {
    let mut out = s.to_string();
    for d in DROPPED {
        out = out.replace(d, "");
    }
    for sp in SPACES {
        out = out.replace(sp, " ");
    }
    out
}

/// The text a `[start, end]` span covers, if it is one.
fn span_text<'a>(text: &'a str, span: &serde_json::Value) -> Option<&'a str> {
    let a = span.get(0)?.as_u64()? as usize;
    let b = span.get(1)?.as_u64()? as usize;
    text.get(a..b)
}

/// The spans of an evidence list.
fn span_list(x: &serde_json::Value) -> Vec<&serde_json::Value> {
    x.as_array().map(|l| l.iter().collect()).unwrap_or_default()
}

/// Compares the output on the noisy text with the output on the plain one: every span covers
/// the same words once folded, every other value is the same (strings folded).
fn same_but_spans(
    noisy: &str,
    plain: &str,
    n: &serde_json::Value,
    p: &serde_json::Value,
    path: &str,
    errs: &mut Vec<String>,
) {
    use serde_json::Value as J;
    let is_span = |key: &str| matches!(key, "span" | "about_span" | "source_span");
    match (n, p) {
        (J::Object(a), J::Object(b)) => {
            for (k, v) in b {
                let here = format!("{path}.{k}");
                let Some(nv) = a.get(k) else {
                    errs.push(format!("{here}: missing"));
                    continue;
                };
                if is_span(k) && !v.is_null() || k == "evidence" {
                    let (ns, ps): (Vec<&J>, Vec<&J>) = if k == "evidence" {
                        (span_list(nv), span_list(v))
                    } else {
                        (vec![nv], vec![v])
                    };
                    if ns.len() != ps.len() {
                        errs.push(format!("{here}: {} spans, not {}", ns.len(), ps.len()));
                    }
                    for (x, y) in ns.iter().zip(&ps) {
                        let (tx, ty) = (span_text(noisy, x), span_text(plain, y));
                        if tx.map(fold).as_deref() != ty {
                            errs.push(format!("{here}: {tx:?} is not {ty:?}"));
                        }
                    }
                } else {
                    same_but_spans(noisy, plain, nv, v, &here, errs);
                }
            }
        }
        (J::Array(a), J::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                same_but_spans(noisy, plain, x, y, &format!("{path}[{i}]"), errs);
            }
        }
        (J::String(a), J::String(b)) if fold(a) == *b => {}
        (a, b) if a == b => {}
        (a, b) => errs.push(format!("{path}: {a} is not {b}")),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Folded characters before every field move every span by their bytes: each span of
    /// the noisy text covers the same words as on the plain text, and nothing else changes.
    #[test]
    fn folded_characters_move_every_span(noisy in folded_fielded()) {
        let date = NaiveDate::from_ymd_opt(2016, 8, 17);
        let plain = serde_json::to_value(extract(FIELDED, date)).unwrap_or_default();
        let got = serde_json::to_value(extract(&noisy, date)).unwrap_or_default();
        let mut errs = Vec::new();
        same_but_spans(&noisy, FIELDED, &got, &plain, "events", &mut errs);
        prop_assert!(errs.is_empty(), "{errs:#?}\nin {noisy:?}");
    }
}

/// The article of the property above has every field the property checks, so it is not
/// vacuous: a strike with its base and targets, a casualty with its source, a protest with
/// its size and cause.
#[test]
fn fielded_article_has_every_field() {
    let events = extract(FIELDED, NaiveDate::from_ymd_opt(2016, 8, 17));
    let json = serde_json::to_value(&events).unwrap_or_default();
    let text = json.to_string();
    for key in [
        "\"base\":{",
        "\"source_span\":[",
        "\"about_span\":[",
        "\"targets\":[{",
        "\"locations\":[{",
    ] {
        assert!(text.contains(key), "no {key} in {text}");
    }
    let types: Vec<&str> = events.iter().map(Event::type_name).collect();
    for t in ["strike", "casualty", "protest", "attack"] {
        assert!(types.contains(&t), "no {t} in {types:?}");
    }
}
