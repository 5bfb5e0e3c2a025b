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
