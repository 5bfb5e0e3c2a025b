//! Text stage: normalisation, page furniture, sentences and clauses.
//!
//! Knows nothing of gazetteers or events. Every span is a byte span into the text it was given.

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
    original_len: usize,
}

fn fold(c: char) -> Option<Option<char>> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => Some('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\r' => Some(' '),
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' => None,
        _ => return None,
    })
}

impl<'a> Normalized<'a> {
    /// Folds typographic characters: curly quotes to `'` `"`, dashes and non-breaking hyphens to
    /// `-`, non-breaking and thin spaces to ` `, `\r` to ` `; drops soft hyphens and zero-width
    /// spaces. Borrows when there is nothing to fold.
    ///
    /// ```
    /// use conflict_events::text::Normalized;
    /// let n = Normalized::new("Tuesday\u{2019}s strikes");
    /// assert_eq!(n.as_str(), "Tuesday's strikes");
    /// assert_eq!(n.to_original(8), 10); // "s" after the 3-byte apostrophe
    /// ```
    pub fn new(input: &'a str) -> Normalized<'a> {
        let needs = input
            .char_indices()
            .any(|(_, c)| (c == '\r' || !c.is_ascii()) && fold(c).is_some());
        if !needs {
            return Normalized {
                text: Cow::Borrowed(input),
                map: None,
                original_len: input.len(),
            };
        }
        let mut text = String::with_capacity(input.len());
        let mut map = Vec::with_capacity(input.len() + 1);
        for (i, c) in input.char_indices() {
            match fold(c) {
                Some(Some(r)) => {
                    text.push(r);
                    map.push(i);
                }
                Some(None) => {}
                None => {
                    text.push(c);
                    map.extend(std::iter::repeat_n(i, c.len_utf8()));
                }
            }
        }
        map.push(input.len());
        Normalized {
            text: Cow::Owned(text),
            map: Some(map),
            original_len: input.len(),
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original offset of a byte offset into the folded text (clamped to the end).
    pub fn to_original(&self, offset: usize) -> usize {
        match &self.map {
            None => offset.min(self.original_len),
            Some(m) => m.get(offset).copied().unwrap_or(self.original_len),
        }
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
    /// A dateline ("DAMASCUS, Syria (AP) -", "MOSCOW (Reuters) -") if the body starts with one.
    pub dateline: Option<Span>,
}

const FURNITURE_LINES: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "advertisement",
    "advertising",
    "tweet",
    "email",
    "print",
    "comments",
    "follow us",
    "sign up",
    "subscribe",
    "skip to content",
    "image",
    "photo",
    "video",
    "close",
    "menu",
    "story continues below advertisement",
    "continue reading",
    "listen",
    "save",
];
const FURNITURE_PREFIXES: &[&str] = &[
    "read more",
    "related:",
    "related articles",
    "related stories",
    "see also:",
    "also read",
    "more:",
    "sign up for",
    "subscribe to",
    "click here",
    "photo:",
    "image:",
    "image caption",
    "media caption",
    "copyright",
    "(c)",
    "\u{a9}",
    "all rights reserved",
    "watch:",
    "listen:",
    "getty images",
    "file photo",
];

fn trim_span(text: &str, s: Span) -> Span {
    let Some(t) = s.get(text) else {
        return Span::new(s.start, s.start);
    };
    let lead = t.len() - t.trim_start().len();
    let trail = t.len() - t.trim_end().len();
    Span::new(
        s.start + lead,
        s.end.saturating_sub(trail).max(s.start + lead),
    )
}

fn ends_sentence(line: &str) -> bool {
    let l = line.trim_end();
    l.ends_with(['.', '!', '?', ':', '"', '\'', ')']) && !l.ends_with("...") || l.ends_with("...")
}

fn is_furniture_line(line: &str) -> bool {
    let l = line.trim().trim_end_matches(['.', ':', '!', '|']).trim();
    let lower = l.to_ascii_lowercase();
    if FURNITURE_LINES.contains(&lower.as_str()) {
        return true;
    }
    if FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    // bylines: "By Jane Doe", "By JANE DOE and JOHN ROE"
    if let Some(rest) = l.strip_prefix("By ") {
        let words = rest.split_whitespace().count();
        return words <= 8
            && !line.trim_end().ends_with('.')
            && rest.chars().next().is_some_and(char::is_uppercase);
    }
    false
}

/// Cuts `text` into sentences. Abbreviations (U.S., Dec., Col., Gen., Mr., No.) and
/// decimals do not end a sentence; a line break inside a paragraph without final
/// punctuation does (scraped headlines and captions).
///
/// ```
/// use conflict_events::text::segment;
/// let t = "Share\n\nJets hit Idlib\n\nU.S. officials said Gen. Smith left. He returned.\n\nAdvertisement";
/// let s = segment(t);
/// let got: Vec<&str> = s.sentences.iter().map(|x| x.span.get(t).unwrap()).collect();
/// assert_eq!(got, ["Jets hit Idlib", "U.S. officials said Gen. Smith left.", "He returned."]);
/// assert!(s.sentences[0].headline);
/// ```
pub fn segment(text: &str) -> Segmented {
    // lines, grouped into paragraphs
    let mut lines: Vec<(Span, usize)> = Vec::new(); // (trimmed line span, paragraph)
    let mut para = 0usize;
    let mut blank = true;
    let mut start = 0usize;
    let bytes = text.as_bytes();
    let mut furniture = Vec::new();
    let mut i = 0;
    while i <= bytes.len() {
        if i == bytes.len() || bytes[i] == b'\n' {
            let sp = trim_span(text, Span::new(start, i));
            if sp.is_empty() {
                if !blank {
                    para += 1;
                }
                blank = true;
            } else {
                let line = sp.get(text).unwrap_or("");
                if is_furniture_line(line) {
                    furniture.push(sp);
                    if !blank {
                        para += 1;
                    }
                    blank = true;
                } else {
                    lines.push((sp, para));
                    blank = false;
                }
            }
            start = i + 1;
        }
        i += 1;
    }
    // a trailing teaser: a last short line without final punctuation, after body text
    if lines.len() >= 2 {
        if let Some(&(sp, p)) = lines.last() {
            let line = sp.get(text).unwrap_or("");
            let single = lines.iter().filter(|(_, q)| *q == p).count() == 1;
            let body_before = lines
                .iter()
                .any(|(s, q)| *q < p && ends_sentence(s.get(text).unwrap_or("")));
            if single
                && body_before
                && !ends_sentence(line)
                && line.split_whitespace().count() <= 15
            {
                furniture.push(sp);
                lines.pop();
            }
        }
    }
    let first_para = lines.first().map(|(_, p)| *p);
    let mut sentences = Vec::new();
    let mut dateline = None;
    let mut seen_body = false;
    for (k, &(sp, p)) in lines.iter().enumerate() {
        let line = sp.get(text).unwrap_or("");
        let headline = Some(p) == first_para
            && lines.iter().filter(|(_, q)| *q == p).count() == 1
            && !ends_sentence(line)
            && line.split_whitespace().count() <= 20
            && lines.len() > 1;
        let mut from = sp.start;
        if !headline && !seen_body {
            seen_body = true;
            if let Some(d) = find_dateline(line) {
                dateline = Some(Span::new(sp.start, sp.start + d.0));
                from = sp.start + d.1;
            }
        }
        let _ = k;
        for s in split_sentences(text, Span::new(from, sp.end)) {
            sentences.push(Sentence {
                span: s,
                paragraph: p,
                headline,
            });
        }
    }
    Segmented {
        sentences,
        furniture,
        dateline,
    }
}

/// A dateline at the start of a line: (end of the dateline words, start of the text after).
fn find_dateline(line: &str) -> Option<(usize, usize)> {
    let head = line.get(..line.len().min(80))?;
    let dash = head
        .find(" - ")
        .map(|i| (i, i + 3))
        .or_else(|| head.find(" -- ").map(|i| (i, i + 4)))?;
    let words = head.get(..dash.0)?;
    let caps = words.split([',', '(']).next()?.trim();
    if caps.len() >= 3
        && caps
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'')
        && words.split_whitespace().count() <= 6
    {
        return Some(dash);
    }
    None
}

const ABBREVIATIONS: &[&str] = &[
    "u.s",
    "u.k",
    "u.n",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "adm",
    "brig",
    "cpl",
    "pvt",
    "rep",
    "sen",
    "gov",
    "pres",
    "st",
    "no",
    "jan",
    "feb",
    "mar",
    "apr",
    "aug",
    "sept",
    "sep",
    "oct",
    "nov",
    "dec",
    "a.m",
    "p.m",
    "etc",
    "vs",
    "approx",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "prof",
    "rev",
    "ft",
    "mt",
    "fig",
    "u.s.a",
    "e.g",
    "i.e",
    "lt.-gen",
    "maj.-gen",
    "brig.-gen",
    "lt.-col",
];

fn split_sentences(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(s) = span.get(text) else { return out };
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'.' || c == b'!' || c == b'?' {
            // include closing quotes/brackets
            let mut end = i + 1;
            while end < b.len() && (b[end] == b'"' || b[end] == b'\'' || b[end] == b')') {
                end += 1;
            }
            let next_ws = end < b.len() && b[end] == b' ';
            let mut k = end;
            while k < b.len() && b[k] == b' ' {
                k += 1;
            }
            let next_ok = k < b.len() && {
                let n = b[k];
                n.is_ascii_uppercase() || n.is_ascii_digit() || n == b'"' || n == b'\'' || n >= 0x80
            };
            let mut split = next_ws && next_ok;
            if split && c == b'.' {
                // the word before the period
                let mut w = i;
                while w > 0
                    && !b[w - 1].is_ascii_whitespace()
                    && b[w - 1] != b'('
                    && b[w - 1] != b'"'
                {
                    w -= 1;
                }
                let word = s.get(w..i).unwrap_or("").to_ascii_lowercase();
                let single_initial =
                    word.len() == 1 && word.bytes().all(|x| x.is_ascii_alphabetic());
                if ABBREVIATIONS.contains(&word.as_str()) || single_initial {
                    split = false;
                }
            }
            if split {
                let sp = trim_span(text, Span::new(span.start + start, span.start + end));
                if !sp.is_empty() {
                    out.push(sp);
                }
                start = k;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    let sp = trim_span(text, Span::new(span.start + start, span.end));
    if !sp.is_empty() {
        out.push(sp);
    }
    out
}

/// The clauses of a sentence: split at `;`, at `, which`/`, who`/`, while`/`, but`/`, although`,
/// at ` but `, and at a dash between words. Spans cover the whole sentence without gaps
/// (each clause is trimmed of white space).
pub fn clauses(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(s) = sentence.get(text) else {
        return out;
    };
    let lower = s.to_ascii_lowercase();
    let mut cuts: Vec<usize> = Vec::new();
    for pat in [
        "; ",
        ", which ",
        ", who ",
        ", while ",
        ", whereas ",
        ", but ",
        ", although ",
        ", though ",
        " but ",
        " - ",
    ] {
        let mut from = 0;
        while let Some(p) = lower.get(from..).and_then(|r| r.find(pat)) {
            let at = from + p;
            // the new clause starts after the punctuation
            let cut = if pat.starts_with(',') || pat.starts_with(';') || pat == " - " {
                at + 1
            } else {
                at
            };
            cuts.push(cut);
            from = at + pat.len();
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut start = 0;
    for c in cuts.into_iter().chain(std::iter::once(s.len())) {
        if c <= start || !s.is_char_boundary(c) {
            continue;
        }
        let sp = trim_span(text, Span::new(sentence.start + start, sentence.start + c));
        if !sp.is_empty() {
            out.push(sp);
        }
        start = c;
    }
    if out.is_empty() {
        out.push(trim_span(text, sentence));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        segment(t)
            .sentences
            .iter()
            .map(|s| s.span.get(t).unwrap())
            .collect()
    }

    #[test]
    fn folds_and_maps_back() {
        let t = "Deir ez\u{2011}Zor\u{00a0}\u{201c}hit\u{201d}\r\n";
        let n = Normalized::new(t);
        assert_eq!(n.as_str(), "Deir ez-Zor \"hit\" \n");
        let sp = n.span_to_original(Span::new(0, 11));
        assert_eq!(sp.get(t), Some("Deir ez\u{2011}Zor"));
        let sp = n.span_to_original(Span::new(13, 16));
        assert_eq!(sp.get(t), Some("hit"));
        assert!(matches!(Normalized::new("plain").text, Cow::Borrowed(_)));
        assert_eq!(Normalized::new("a\u{00ad}b").as_str(), "ab");
    }

    #[test]
    fn abbreviations_and_decimals_do_not_split() {
        assert_eq!(
            sents("The U.S. Army and Col. Smith met on Dec. 3. About 1.5 million fled. Mr. J. Doe spoke."),
            vec!["The U.S. Army and Col. Smith met on Dec. 3.", "About 1.5 million fled.", "Mr. J. Doe spoke."]
        );
    }

    #[test]
    fn furniture_and_teaser_are_removed_headline_kept() {
        let t = "Share\n\nJets Pound Rebel Town\n\nJets struck the town. Five died.\n\nAdvertisement\n\nRead more: Other story here\n\nBy Jane Doe\n\nFloods: Rain sweeps capital of another land";
        let s = segment(t);
        let got: Vec<&str> = s.sentences.iter().map(|x| x.span.get(t).unwrap()).collect();
        assert_eq!(
            got,
            vec![
                "Jets Pound Rebel Town",
                "Jets struck the town.",
                "Five died."
            ]
        );
        assert!(s.sentences[0].headline);
        assert!(!s.sentences[1].headline);
        assert_eq!(s.furniture.len(), 5);
    }

    #[test]
    fn last_sentence_with_period_is_kept() {
        assert_eq!(
            sents("Jets struck.\n\nThe end came."),
            vec!["Jets struck.", "The end came."]
        );
    }

    #[test]
    fn dateline_is_cut() {
        let t = "DAMASCUS, Syria (AP) - Jets struck Idlib on Monday.";
        let s = segment(t);
        assert_eq!(
            s.sentences[0].span.get(t),
            Some("Jets struck Idlib on Monday.")
        );
        assert_eq!(
            s.dateline.and_then(|d| d.get(t)),
            Some("DAMASCUS, Syria (AP)")
        );
    }

    #[test]
    fn clauses_split() {
        let t = "Jets struck Idlib, which killed 5; rebels fled but returned.";
        let c: Vec<&str> = clauses(t, Span::new(0, t.len()))
            .iter()
            .map(|s| s.get(t).unwrap())
            .collect();
        assert_eq!(
            c,
            vec![
                "Jets struck Idlib,",
                "which killed 5;",
                "rebels fled",
                "but returned."
            ]
        );
    }

    #[test]
    fn odd_inputs_never_panic() {
        for t in [
            "",
            "\n\n\n",
            "Share",
            ".",
            "é.É. ü?",
            "\u{1F600}. \u{1F600}",
            "a\r\n\r\nb",
            "By ",
            " - ",
        ] {
            let s = segment(t);
            for x in &s.sentences {
                assert!(x.span.get(t).is_some());
                let _ = clauses(t, x.span);
            }
            let n = Normalized::new(t);
            let _ = n.to_original(n.as_str().len() + 5);
        }
    }
}
