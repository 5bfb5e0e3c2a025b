//! What the unit tests of the rules share: a text made into the document the rules read.

use super::{Doc, Prepared, Sent};
use crate::gazetteer::Gazetteer;
use crate::model::{Casualty, CasualtyKind, Count, Qualifier, VictimCategory, Victims};
use crate::span::Span;
use chrono::NaiveDate;

/// Segments `text`, finds its built-in names, prepares it and calls `f` with the document
/// the rules read, as [`super::extract`] builds it.
pub(crate) fn with_doc<R>(
    text: &str,
    published: Option<NaiveDate>,
    f: impl FnOnce(&Doc) -> R,
) -> R {
    let gaz = Gazetteer::builtin();
    let seg = crate::text::segment(text, crate::text::Part::WHOLE);
    let mut mentions = Vec::new();
    let prepared = Prepared::new(gaz, text, &seg.sentences, &mut mentions);
    let doc = Doc::new(gaz, text, &prepared, published);
    f(&doc)
}

/// [`with_doc`], calling `each` with the document and each of its sentences.
pub(crate) fn each_sentence(
    text: &str,
    published: Option<NaiveDate>,
    mut each: impl FnMut(&Doc, &Sent),
) {
    with_doc(text, published, |doc| {
        for s in &doc.sents {
            each(doc, s);
        }
    });
}

/// An asserted casualty of `kind` and figure `n` (its words empty) told by the one byte at
/// `at`, of people, linked to event `event`: what the tests of the tolls and the links build.
pub(crate) fn casualty(kind: CasualtyKind, n: u64, at: usize, event: Option<usize>) -> Casualty {
    let span = Span::new(at, at + 1);
    Casualty {
        modality: Default::default(),
        evidence: vec![span],
        kind,
        count: Count::new(Some(n), None, None, Qualifier::Exact, "", span),
        victims: Victims {
            words: None,
            category: VictimCategory::People,
        },
        cumulative: false,
        perpetrator: None,
        place: None,
        province: None,
        date: None,
        source: None,
        event,
    }
}

/// A random text of up to eleven of `words`, each followed by one of `marks`: what the
/// tokenizer's random tests read.
pub(crate) fn random_words(
    words: &[&str],
    marks: &[&str],
    next: &mut impl FnMut() -> u64,
) -> String {
    let n = (next() % 12) as usize;
    (0..n)
        .map(|_| {
            let w = words[(next() % words.len() as u64) as usize];
            let m = marks[(next() % marks.len() as u64) as usize];
            format!("{w}{m}")
        })
        .collect()
}

/// A random sentence of three to fourteen of `words`, spaced, and a period: what the
/// rules' random tests read.
pub(crate) fn random_sentence(words: &[&str], next: &mut impl FnMut() -> u64) -> String {
    let n = 3 + (next() % 12) as usize;
    let picked: Vec<&str> = (0..n)
        .map(|_| words[(next() % words.len() as u64) as usize])
        .collect();
    format!("{} .", picked.join(" "))
}

/// The province codes of the built-in gazetteer's entries, sorted, once each.
pub(crate) fn province_codes() -> Vec<&'static str> {
    let mut codes: Vec<&str> = Gazetteer::builtin()
        .entries()
        .iter()
        .filter_map(|e| e.province())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// A town of province `code` (its country the code's first two letters), named "Town" at
/// bytes 0-4: what the tests of a town's province ask about.
pub(crate) fn town_of(code: &str) -> crate::model::Place {
    use crate::model::{Place, PlaceKind};
    use std::borrow::Cow;
    Place {
        name: Some(Cow::Borrowed("Town")),
        kind: PlaceKind::City,
        code: None,
        country: code.get(..2).map(|c| Cow::Owned(c.to_string())),
        province: Some(Cow::Owned(code.to_string())),
        span: Some(Span::new(0, 4)),
        text: Default::default(),
    }
}
