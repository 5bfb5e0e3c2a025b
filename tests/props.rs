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
