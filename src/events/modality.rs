//! Modality: whether a clause reports that something happened.
//!
//! The cue nearest before the trigger in its clause decides: "would", "could", "may",
//! "likely", "if" make it hypothetical; "will", "plans to", "threatens to" planned;
//! "denied", "did not", "never" negated. No cue: asserted.

use super::lexicon::{self, W};
use super::{Doc, Sent};
use crate::model::{DateRef, Modality};

/// The modal cues of a sentence, read once for every trigger that asks ([`of`] used to walk
/// back over its clause for each, and test each token against every date: triggers × clause
/// × dates in a long sentence, issue 13). Read only for a trigger the bounded walk back
/// ([`before`]) cannot tell: after a capitalised cue, or in a long clause.
#[derive(Default)]
pub(crate) struct Cues {
    /// The cues that decide from any distance (not "no" or "without", not in a date):
    /// token and modality, ascending.
    plain: Vec<(usize, Modality)>,
    /// The cue tokens inside a date ("May" in "9 May 2020"), ascending.
    in_date: Vec<usize>,
}

impl Cues {
    fn new(doc: &Doc, s: &Sent) -> Cues {
        // a cue inside a date is a month's name ("May" in "9 May 2020"), which a date has
        // only capitalised: the other words of a date are figures, weekdays and a few
        // words of time ("last", "this morning") that are no cues. Until a capitalised cue,
        // no cue is in a date: the cues are read without the dates (no cue, nothing to tell,
        // and most sentences have no capitalised cue).
        let mut cues = Cues::default();
        let mut capital = false;
        for (i, tok) in s.toks.iter().enumerate() {
            let W::Cue(m) = tok.w else { continue };
            if tok.cap {
                capital = true;
                break;
            }
            if !is_near_only(doc, tok) {
                cues.plain.push((i, m));
            }
        }
        if !capital {
            return cues;
        }
        let dates = doc.dates(s);
        let span_of = |(d, _, _): &(DateRef, usize, usize)| (d.span.start, d.span.end);
        // the dates are read in text order: walked as they are, without a sorted copy
        if dates.is_sorted_by_key(|(d, _, _)| d.span.start) {
            Cues::walk(doc, s, dates.len(), dates.iter().map(span_of))
        } else {
            let mut v: Vec<_> = dates.iter().map(span_of).collect();
            v.sort_by_key(|&(start, _)| start);
            Cues::walk(doc, s, v.len(), v.into_iter())
        }
    }

    /// The cues of the sentence, given its dates' (start, end) by start: a token is in a
    /// date when one that starts at or before it ends at or after it, that is when the
    /// furthest end of the dates that start at or before it is at or after its end.
    fn walk(
        doc: &Doc,
        s: &Sent,
        n_dates: usize,
        spans: impl Iterator<Item = (usize, usize)>,
    ) -> Cues {
        let mut spans = spans.peekable();
        let mut furthest: Option<usize> = None;
        let mut cues = Cues::default();
        super::work::add(s.toks.len() + n_dates);
        // the tokens are in text order, so the walk along the dates only goes forward
        for (i, tok) in s.toks.iter().enumerate() {
            let W::Cue(m) = tok.w else { continue };
            while let Some((_, end)) = spans.next_if(|&(start, _)| start <= tok.span.start) {
                furthest = Some(furthest.map_or(end, |f| f.max(end)));
            }
            if furthest.is_some_and(|end| end >= tok.span.end) {
                cues.in_date.push(i);
            } else if !is_near_only(doc, tok) {
                cues.plain.push((i, m));
            }
        }
        cues
    }
}

/// "no" and "without" decide only near the trigger ([`of`]).
fn is_near_only(doc: &Doc, tok: &super::Tok) -> bool {
    doc.word_is(tok, lexicon::NEAR_ONLY_CUES)
}

/// The modality of the trigger at token `t` in the clause starting at token `a`.
#[inline(never)]
pub(crate) fn of(doc: &Doc, s: &Sent, a: usize, t: usize) -> Modality {
    super::work::add(1);
    match before(doc, s, a, t) {
        Before::Cue(m) => m,
        Before::None => after(doc, s, t),
        Before::Unsure => by_cues(doc, s, a, t),
    }
}

/// What the walk back from a trigger tells ([`before`]).
#[derive(Debug, PartialEq, Eq)]
enum Before {
    /// The cue that decides.
    Cue(Modality),
    /// No cue before the trigger in its clause: the words after it decide.
    None,
    /// A capitalised cue, which may be a month's name in a date, or a clause too long to
    /// walk: the sentence's cues decide ([`by_cues`]).
    Unsure,
}

/// How many tokens before a trigger [`before`] walks: further, the sentence's cues are
/// read once ([`Cues`]), so a clause of many triggers is not walked for each.
const WALK_BACK: usize = 16;

/// The cue before the trigger at `t` in the clause from `a`, read by a walk back over its
/// words: a lowercase cue is in no date (a cue inside a date is a month's name, which a
/// date has only capitalised), so most triggers are told without the sentence's cues and
/// dates (most sentences asked have no cue before the trigger, and no sentence's cues are
/// read for them).
fn before(doc: &Doc, s: &Sent, a: usize, t: usize) -> Before {
    let near = a.max(t.saturating_sub(3));
    let lowest = a.max(t.saturating_sub(WALK_BACK));
    // a slice walked back: no bounds check per token (`of` is kept out of line, so that
    // its callers are laid out as before)
    for (k, tok) in super::toks_in(s.toks, lowest, t).iter().enumerate().rev() {
        let W::Cue(m) = tok.w else { continue };
        let i = lowest + k;
        if tok.cap {
            return Before::Unsure;
        }
        // the three tokens before the trigger: any cue decides, "no" only right before
        // the trigger's phrase; further back, not "no" or "without"
        let skip = if i >= near {
            doc.word_is(tok, lexicon::NO) && t - i > 2
        } else {
            is_near_only(doc, tok)
        };
        if !skip {
            return Before::Cue(m);
        }
    }
    if lowest > a {
        Before::Unsure
    } else {
        Before::None
    }
}

/// The modality of the trigger at token `t` in the clause starting at token `a`, by the
/// sentence's cues (read once for the sentence).
fn by_cues(doc: &Doc, s: &Sent, a: usize, t: usize) -> Modality {
    let cues = s.cues.get_or_init(|| Cues::new(doc, s));
    // the three tokens before the trigger, nearest first: any cue not in a date decides
    // ("May" in "9 May 2020" is a month, not a modal)
    for i in (a.max(t.saturating_sub(3))..t).rev() {
        let Some(tok) = s.toks.get(i) else { continue };
        let W::Cue(m) = tok.w else { continue };
        if cues.in_date.binary_search(&i).is_ok() {
            continue;
        }
        // "no" before a figure word ("no one", "no casualties") is handled by the
        // casualty rules; here it must stand right before the trigger's phrase.
        if doc.word_is(tok, lexicon::NO) && t - i > 2 {
            continue;
        }
        // "without" only negates what directly follows it
        return m;
    }
    // further back, the nearest cue that decides from any distance
    let near = a.max(t.saturating_sub(3));
    let k = cues.plain.partition_point(|&(i, _)| i < near);
    if let Some(&(i, m)) = k.checked_sub(1).and_then(|k| cues.plain.get(k)) {
        if i >= a {
            return m;
        }
    }
    after(doc, s, t)
}

/// The modality words after a trigger, in its clause: "more air strikes ... were likely",
/// "strikes are expected". The words of [`lexicon::HYPOTHETICAL_AFTER`] and
/// [`lexicon::PLANNED_AFTER`] carry a mark ([`lexicon::MARK_AFTER`], set by the lexicon as the
/// tokenizer read them), so the nine tokens after the trigger are passed by their marks read
/// together ([`marks_of`]), and the word and the clause's end are read only where one is
/// marked ([`marked_after`]; most triggers have none after them).
#[inline]
fn after(doc: &Doc, s: &Sent, t: usize) -> Modality {
    let ahead = s.toks.get(t + 1..).unwrap_or(&[]);
    let ahead = ahead.get(..AFTER_WALK).unwrap_or(ahead);
    if marks_of(ahead) & lexicon::MARK_AFTER == 0 {
        return Modality::Asserted;
    }
    marked_after(doc, s, t, ahead)
}

/// The marks of the tokens `ahead` of a trigger together: nine tokens (most triggers have
/// as many after them) in one unrolled pass, without a branch for each.
#[inline]
fn marks_of(ahead: &[super::Tok]) -> u8 {
    match ahead.first_chunk::<AFTER_WALK>() {
        Some(nine) => nine.iter().fold(0, |m, tok| m | tok.marks),
        None => ahead.iter().fold(0, |m, tok| m | tok.marks),
    }
}

/// [`after`] for the tokens `ahead` of the trigger at `t` of which one is marked.
#[inline(never)]
fn marked_after(doc: &Doc, s: &Sent, t: usize, ahead: &[super::Tok]) -> Modality {
    let Some(k) = ahead
        .iter()
        .position(|tok| tok.marks & lexicon::MARK_AFTER != 0)
    else {
        return Modality::Asserted;
    };
    // the first marked word decides, if it is in the trigger's clause (a word further on is
    // further out of it)
    if t + 1 + k >= clause_end(s, t) {
        return Modality::Asserted;
    }
    match ahead.get(k) {
        Some(tok) if doc.word_is(tok, lexicon::PLANNED_AFTER) => Modality::Planned,
        _ => Modality::Hypothetical,
    }
}

/// How many tokens after a trigger [`after`] reads.
const AFTER_WALK: usize = 9;

/// The end of the first clause of sentence `s` that holds token `t` (clauses are in text
/// order: those that end after `t` are the last ones), or of the sentence.
fn clause_end(s: &Sent, t: usize) -> usize {
    let k = s.clauses.partition_point(|&(_, cb)| cb <= t);
    s.clauses
        .get(k)
        .filter(|&&(ca, _)| ca <= t)
        .map_or(s.toks.len(), |&(_, cb)| cb)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls `each` with the document of `text` (published 1 June 2020) and each of its
    /// sentences.
    fn each_sentence(text: &str, each: impl FnMut(&Doc, &Sent)) {
        let published = chrono::NaiveDate::from_ymd_opt(2020, 6, 1);
        crate::events::testing::each_sentence(text, published, each);
    }

    /// The marks of the tokens after a trigger read together ([`marks_of`]) are those read
    /// one by one, for every stretch of a sentence with marked words, nine tokens or fewer.
    #[test]
    fn marks_of_tokens_ahead() {
        let text = "Strikes were likely to go on, and more raids are expected in the town soon.";
        let mut marked = false;
        each_sentence(text, |_, s| {
            for lo in 0..=s.toks.len() {
                for hi in lo..=s.toks.len().min(lo + AFTER_WALK) {
                    let ahead = &s.toks[lo..hi];
                    let one_by_one = ahead.iter().fold(0, |m, t| m | t.marks);
                    assert_eq!(marks_of(ahead), one_by_one, "{lo}..{hi}");
                    marked |= one_by_one & lexicon::MARK_AFTER != 0;
                }
            }
        });
        assert!(marked);
    }

    /// The cues read without the dates where no cue is capitalised are those read with
    /// them: a lowercase cue word is in no date, whatever date words surround it.
    #[test]
    fn a_cue_in_a_date_is_capitalised() {
        let cues = [
            "may", "will", "could", "not", "no", "would", "if", "plans", "never", "denied",
        ];
        let frames = [
            "Troops {} attack on 9 {} 2020, officials said.",
            "Rebels {} strike {} 9, 2020 and {} 2021.",
            "Rebels {} strike last {} or this {} morning.",
            "Police {} clash in {} 2020, since {} 2019, mid-{} 2018.",
            "Fighters {} attack {} Tuesday, Monday {} night, today {}.",
            "Troops may attack on 9 May 2020, and {} {} strike.",
        ];
        for frame in frames {
            for cue in cues {
                let text = frame.replace("{}", cue);
                each_sentence(&text, |doc, s| {
                    let quick = Cues::new(doc, s);
                    let dates = doc.dates(s);
                    let mut spans: Vec<_> = dates
                        .iter()
                        .map(|(d, _, _)| (d.span.start, d.span.end))
                        .collect();
                    spans.sort_by_key(|&(start, _)| start);
                    let full = Cues::walk(doc, s, spans.len(), spans.into_iter());
                    assert_eq!(quick.plain, full.plain, "{text}");
                    assert_eq!(quick.in_date, full.in_date, "{text}");
                });
            }
        }
    }

    /// The words after a trigger, told by their marks, tell what reading them tells, for
    /// every trigger of sentences of the listed words in any case, near and far, in the
    /// trigger's clause and beyond it.
    #[test]
    fn the_marks_after_a_trigger_tell_what_its_words_tell() {
        let by_words = |doc: &Doc, s: &Sent, t: usize| {
            let end = clause_end(s, t).min(t + 10);
            for tok in s.toks.get(t + 1..end).unwrap_or(&[]) {
                let word = doc.word(tok);
                if tok.punct == 0 && lexicon::is_one_of(word, lexicon::HYPOTHETICAL_AFTER) {
                    return Modality::Hypothetical;
                }
                if tok.punct == 0 && lexicon::is_one_of(word, lexicon::PLANNED_AFTER) {
                    return Modality::Planned;
                }
            }
            Modality::Asserted
        };
        let words = lexicon::HYPOTHETICAL_AFTER
            .iter()
            .chain(lexicon::PLANNED_AFTER)
            .flat_map(|w| [w.to_string(), w.to_ascii_uppercase()])
            .chain(["plan", "likelihood", "expect", "planners"].map(String::from));
        let frames = [
            "More air strikes on the town were {} by officials, who said troops killed 3 people.",
            "Rebels attacked the base, {} officials said, and the army shelled a village while troops killed 4 people nearby.",
            "The bombing killed 5 people; more strikes are {}.",
            "Strikes {} {} in the north, where the army killed 2 rebels.",
        ];
        let mut told = [0; 4];
        for frame in frames {
            for w in words.clone() {
                let text = frame.replace("{}", &w);
                each_sentence(&text, |doc, s| {
                    for t in 0..=s.toks.len() + 1 {
                        let m = after(doc, s, t);
                        assert_eq!(m, by_words(doc, s, t), "{text} {t}");
                        told[m as usize] += 1;
                    }
                });
            }
        }
        // each modality is told
        assert!(told[..3].iter().all(|&n| n > 0), "{told:?}");
    }

    /// The walk back from a trigger, where it tells, tells what the sentence's cues tell,
    /// for every clause start and trigger of the sentences of cue words around dates.
    #[test]
    fn the_walk_back_tells_what_the_cues_tell() {
        let cues = [
            "may", "will", "could", "not", "no", "without", "would", "if", "never",
        ];
        let frames = [
            "Troops {} attack on 9 {} 2020, officials said, and {} {} strike.",
            "{} rebels {} strike {} 9, 2020 and {} 2021 after they {} not attack.",
            "Police said on Monday that troops {} clash, and the army said there {} no fighting in the long northern border region of the country where rebels {} attack.",
        ];
        let (mut walked, mut unsure) = (0, 0);
        for frame in frames {
            for cue in cues {
                let text = frame.replace("{}", cue);
                each_sentence(&text, |doc, s| {
                    for a in 0..s.toks.len() {
                        for t in a..=s.toks.len() {
                            let full = by_cues(doc, s, a, t);
                            match before(doc, s, a, t) {
                                Before::Cue(m) => {
                                    assert_eq!(m, full, "{text} {a} {t}");
                                    walked += 1;
                                }
                                Before::None => {
                                    assert_eq!(after(doc, s, t), full, "{text} {a} {t}");
                                    walked += 1;
                                }
                                Before::Unsure => unsure += 1,
                            }
                        }
                    }
                });
            }
        }
        // most triggers are told by the walk
        assert!(unsure < walked, "{unsure} unsure, {walked} walked");
    }
}
