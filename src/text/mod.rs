//! Text stage: normalisation, page furniture, sentences and clauses.
//!
//! Knows nothing of gazetteers or events. Every span is a byte span into the text it was given.
//!
//! OWNER: helper "text". Signatures are fixed; bodies to be written.

use std::borrow::Cow;

use crate::span::Span;

/// The article text with scraped-text debris folded to ASCII look-alikes, and a map back
/// to the bytes of the original.
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    /// `map[i]` = offset in the original of byte `i` of `text`; `map.len() == text.len() + 1`.
    /// `None` when `text` is the original unchanged.
    map: Option<Vec<usize>>,
}

impl<'a> Normalized<'a> {
    /// Folds typographic characters: curly quotes to `'` `"`, dashes and non-breaking hyphens to
    /// `-`, non-breaking and thin spaces to ` `, `\r` to ` `; drops soft hyphens and zero-width
    /// spaces. Borrows when there is nothing to fold.
    pub fn new(input: &'a str) -> Normalized<'a> {
        let _ = input;
        unimplemented!()
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original offset of a byte offset into the folded text (clamped to the end).
    pub fn to_original(&self, offset: usize) -> usize {
        let _ = offset;
        unimplemented!()
    }

    /// The original span of a span of the folded text; on char boundaries of the original.
    pub fn span_to_original(&self, span: Span) -> Span {
        Span::new(self.to_original(span.start), self.to_original(span.end))
    }
}

/// One sentence of the article body or its headline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence, trimmed of surrounding white space.
    pub span: Span,
    /// Index of its paragraph (blank-line or line separated block), from 0.
    pub paragraph: usize,
    /// True for a headline: a first paragraph that is one line without final punctuation.
    pub headline: bool,
}

/// The article cut into sentences, with what was left out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    /// Sentences in text order, furniture and dateline excluded.
    pub sentences: Vec<Sentence>,
    /// Page furniture removed: "Share", "Advertisement", "Read more: ...", "Related: ...",
    /// a trailing teaser headline of another story, bylines, photo credits.
    pub furniture: Vec<Span>,
    /// A dateline ("DAMASCUS, Syria (AP) —", "MOSCOW (Reuters) -") if the body starts with one.
    pub dateline: Option<Span>,
}

/// Cuts `text` into sentences. Abbreviations (U.S., Dec., Col., Gen., Mr., No.) and
/// decimals do not end a sentence; a line break inside a paragraph without final
/// punctuation does (scraped headlines and captions).
pub fn segment(text: &str) -> Segmented {
    let _ = text;
    unimplemented!()
}

/// The clauses of a sentence: split at `;`, at `, which`/`, who`/`, while`/`, but`/`, although`,
/// at ` but `, and at a dash between words. Spans cover the whole sentence without gaps
/// (each clause is trimmed of white space).
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let _ = (text, sentence);
    unimplemented!()
}
