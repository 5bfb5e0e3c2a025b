//! What the unit tests of the rules share: a text made into the document the rules read.

use super::{Doc, Prepared, Sent};
use crate::gazetteer::Gazetteer;
use chrono::NaiveDate;

/// Segments `text`, finds its built-in names, prepares it and calls `each` with the
/// document and each of its sentences, as [`super::extract`] would read them.
pub(crate) fn each_sentence(
    text: &str,
    published: Option<NaiveDate>,
    mut each: impl FnMut(&Doc, &Sent),
) {
    let gaz = Gazetteer::builtin();
    let seg = crate::text::segment(text, crate::text::Part::WHOLE);
    let mentions = gaz.find(text);
    let prepared = Prepared::new(text, &seg.sentences, &mentions);
    let doc = Doc::new(gaz, text, &prepared, published);
    for s in &doc.sents {
        each(&doc, s);
    }
}
