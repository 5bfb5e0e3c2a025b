//! The event stage's name walk over its tokens ([`Prepared::new`],
//! `Gazetteer::find_in_words`) against the byte walk of `Gazetteer::find`: the same
//! mentions in the sentences.

use super::Prepared;
use crate::gazetteer::{Gazetteer, Mention};
use crate::text::{segment, Part};
use proptest::prelude::*;

/// The mentions of `text` the event stage places in its sentences, from the walk over the
/// tokens, and those of the byte walk inside a sentence; asserted equal.
fn same_mentions(gaz: &Gazetteer, text: &str) {
    let seg = segment(text, Part::WHOLE);
    let inside = |m: &&Mention| {
        seg.sentences
            .iter()
            .any(|s| s.span.start <= m.span.start && m.span.end <= s.span.end)
    };
    let mut walked = Vec::new();
    let prepared = Prepared::new(gaz, text, &seg.sentences, &mut walked);
    let placed: Vec<Mention> = prepared.ments.iter().map(|m| m.m).collect();
    let walked: Vec<Mention> = walked.iter().filter(inside).copied().collect();
    let scanned: Vec<Mention> = gaz.find(text).iter().filter(inside).copied().collect();
    assert_eq!(walked, scanned, "{text:?}");
    // a mention covers a token, or it is in none of the sentences
    assert!(placed.iter().all(|m| scanned.contains(m)), "{text:?}");
}

/// A gazetteer whose keys start with punctuation, after joiners and inside words.
fn marked() -> Gazetteer {
    Gazetteer::builder()
        .builtin(false)
        .add_tsv(
            "t.tsv",
            "city\t'Ajman\tAE\ncity\tBab\tSY\ncity\tal-Bab\tSY\ncity\t-Nord\tFR\n\
             city\tat\tSY\ncity\t1,200\tSY\ncity\tUS\tUS\ncity\t.Kom\tUS\n\
             armed_group\t=HTS\tSY\ncity\tSão Paulo\tBR\ncity\tthe Kremlin\tRU\n",
        )
        .build()
        .unwrap()
}

/// A key that starts with a mark of another script, which may be where the tokenizer passes
/// white space: the byte walk is run.
fn spaced() -> Gazetteer {
    Gazetteer::builder()
        .builtin(false)
        .add_tsv("t.tsv", "city\t\u{ab}Vale\tBR\ncity\tIdlib\tSY\n")
        .build()
        .unwrap()
}

const CASES: &[&str] = &[
    "Rebels shelled al-Bab and Idlib, the U.S. said.",
    "Hay'at Tahrir al-Sham (HTS) took 1,200 men to 'Ajman's port.",
    "Forces in pro-Syria towns near Aleppo's edge; Homs\u{bb} fell.",
    "A strike on S\u{e3}o Paulo-based units \u{2019}s at the Kremlin.",
    "Saint-Nord. U.S.A. and x.Kom were hit; \u{201c}Kyiv\u{201d} said.",
    "Damascus\u{a0}Vale, \u{ab}Vale\u{bb}, \u{e9}Idlib and Idlib\u{e9} were named.",
];

#[test]
fn the_token_walk_finds_what_the_byte_walk_finds_in_sentences() {
    for gaz in [Gazetteer::builtin(), &marked(), &spaced()] {
        for text in CASES {
            same_mentions(gaz, text);
        }
    }
}

/// Words and marks a text is made of, some joined with no space.
const PIECES: &[&str] = &[
    "the",
    "The",
    "al",
    "Bab",
    "-",
    "'",
    ".",
    ",",
    "’",
    "s",
    "1",
    "200",
    "U",
    "S",
    "Idlib",
    "Syria",
    "Kremlin",
    "Aleppo",
    "said",
    "at",
    "Ajman",
    "Nord",
    "Kom",
    "HTS",
    "São",
    "Paulo",
    "é",
    "Köln",
    "日本",
    "(",
    ")",
    "\u{a0}",
    "\u{ab}",
    "Vale",
    "government",
    "x",
];

/// Between pieces: nothing (a joined word), a space, a line end, a paragraph break.
const GAPS: &[&str] = &["", "", " ", " ", " ", "\n", "\n\n", ". "];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn proptest_the_token_walk_finds_what_the_byte_walk_finds(
        parts in proptest::collection::vec((0..PIECES.len(), 0..GAPS.len()), 0..40)
    ) {
        let text: String = parts.iter().flat_map(|&(p, g)| [PIECES[p], GAPS[g]]).collect();
        for gaz in [Gazetteer::builtin(), &marked(), &spaced()] {
            same_mentions(gaz, &text);
        }
    }
}

/// A gazetteer of keys that need no capital and start with lowercase words, built at run
/// time: its own filter of first words ([`crate::gazetteer::NameStarts`]) tells the tokens.
fn lowercase() -> Gazetteer {
    Gazetteer::builder()
        .builtin(false)
        .add_tsv(
            "t.tsv",
            "city\tthe hague\tNL\ncity\tal qaim\tIQ\ncity\txy\tUS\ncity\tdeir ez-zor\tSY\n\
             armed_group\tel-shabaab\tSO\ncity\tiPhone\tUS\ncity\tabcdefghijklmnop\tUS\n",
        )
        .build()
        .unwrap()
}

/// Texts of the words of `gaz`'s keys (every `step`th key), as written, lowercased and
/// capitalised, between words and marks that start none: the byte walk's mentions in them
/// all start at tokens the tokenizer told a name may start at ([`Tok::may_name`](super::Tok)),
/// and the walk over those tokens finds them all.
fn names_start_at_told_tokens(gaz: &Gazetteer, step: usize, seed: u64) {
    let mut words: Vec<String> = Vec::new();
    for key in gaz.keys().into_iter().step_by(step) {
        words.push(key.to_string());
        words.push(key.to_lowercase());
        words.extend(key.split(' ').map(str::to_lowercase));
    }
    for filler in [
        "said",
        "the",
        "a",
        "of",
        "in",
        "were",
        "government",
        ",",
        ".",
        "-",
    ] {
        words.push(filler.to_string());
    }
    let mut next = crate::text::xorshift(seed);
    let mut pick = |n: usize| (next() % n as u64) as usize;
    for _ in 0..words.len() / 4 + 50 {
        let mut text = String::new();
        for _ in 0..12 {
            text.push_str(&words[pick(words.len())]);
            text.push_str(GAPS[pick(GAPS.len())]);
        }
        let seg = segment(&text, Part::WHOLE);
        let mut mentions = Vec::new();
        let prepared = Prepared::new(gaz, &text, &seg.sentences, &mut mentions);
        for m in gaz.find(&text) {
            let at = m.span.start;
            let tok = prepared
                .toks
                .iter()
                .find(|t| t.span.start <= at && at < t.span.end);
            assert!(tok.is_none_or(|t| t.may_name), "{text:?}: {m:?} in {tok:?}");
        }
        same_mentions(gaz, &text);
    }
}

#[test]
fn the_tokens_told_no_name_start_have_none() {
    names_start_at_told_tokens(Gazetteer::builtin(), 37, 5);
    for (k, gaz) in [marked(), spaced(), lowercase()].iter().enumerate() {
        names_start_at_told_tokens(gaz, 1, 11 + k as u64);
    }
}
