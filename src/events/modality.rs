//! Modality: whether a clause reports that something happened.
//!
//! The cue nearest before the trigger in its clause decides: "would", "could", "may",
//! "likely", "if" make it hypothetical; "will", "plans to", "threatens to" planned;
//! "denied", "did not", "never" negated. No cue: asserted.

use super::lexicon::W;
use super::{Doc, Sent};
use crate::model::Modality;

/// The modality of the trigger at token `t` in the clause starting at token `a`.
pub(crate) fn of(doc: &Doc, s: &Sent, a: usize, t: usize) -> Modality {
    let mut i = t;
    while i > a {
        i -= 1;
        let Some(tok) = s.toks.get(i) else { break };
        // "May" in "9 May 2020" is a month, not a modal
        if doc
            .dates(s)
            .iter()
            .any(|(d, _, _)| d.span.contains(tok.span))
        {
            continue;
        }
        if let W::Cue(m) = tok.w {
            // "no" before a figure word ("no one", "no casualties") is handled by the
            // casualty rules; here it must stand right before the trigger's phrase.
            if doc.word(tok).eq_ignore_ascii_case("no") && t - i > 2 {
                continue;
            }
            // "without" only negates what directly follows it
            if doc.word(tok).eq_ignore_ascii_case("without") && t - i > 3 {
                continue;
            }
            return m;
        }
    }
    // "more air strikes ... were likely", "strikes are expected"
    let end = s
        .clauses
        .iter()
        .find(|(ca, cb)| *ca <= t && t < *cb)
        .map(|(_, cb)| *cb)
        .unwrap_or(s.toks.len());
    for tok in s.toks.get(t + 1..end.min(t + 10)).unwrap_or(&[]) {
        match super::lower(doc.word(tok)).as_ref() {
            "likely" | "unlikely" | "possible" | "expected" | "feared" | "imminent" => {
                return Modality::Hypothetical
            }
            "planned" | "scheduled" => return Modality::Planned,
            _ => {}
        }
    }
    Modality::Asserted
}
