//! Windows: a long article read a piece at a time.
//!
//! The records the rules read (a token record per word, a sentence record per sentence,
//! their mentions, figures and dates) cost 14 to 125 bytes per byte of text, by its shape.
//! Kept for a whole 100 MB page dump they would take gigabytes; kept for one window at a
//! time they take at most the window's share, whatever the length of the input. An article
//! no longer than a window is read whole, as one window.
//!
//! A window ends where the text breaks best within the second half of its allowed length:
//! at a blank line (a paragraph ends), else at the end of a sentence, else at a line
//! break, else at white space, else at the last char boundary. Finding the cut looks at
//! most half a window back, and each window moves on by at least half a window, so cutting
//! the whole text is one pass over it.

/// Where a window of the text lies in the article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Part {
    /// It starts the article: only here is a first paragraph a headline and a first
    /// sentence's opening a dateline.
    pub first: bool,
    /// It ends the article: only here are last short lines the teaser of another story.
    pub last: bool,
}

impl Part {
    /// The whole article.
    #[cfg(test)]
    pub const WHOLE: Part = Part {
        first: true,
        last: true,
    };
}

/// One window: `text[start..end]`, and where it lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    pub start: usize,
    pub end: usize,
    pub part: Part,
}

/// The smallest window the cutter makes: below it the breaks it looks for are too rare.
pub(crate) const MIN_WINDOW: usize = 1024;

/// The windows of `text`, each at most `max` bytes (at least [`MIN_WINDOW`]), in order,
/// tiling it without gaps. A text of at most `max` bytes is one window.
pub(crate) fn windows(text: &str, max: usize) -> impl Iterator<Item = Window> + '_ {
    let max = max.max(MIN_WINDOW);
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = cut(text, start, max);
        let window = Window {
            start,
            end,
            part: Part {
                first: start == 0,
                last: end >= text.len(),
            },
        };
        done = window.part.last;
        start = end;
        Some(window)
    })
}

/// How good a break is: the better, the larger.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    Space,
    Line,
    Sentence,
    Paragraph,
}

/// The end of the window starting at `start`: the text's end if it is near, else the
/// best break in `start + max / 2 ..= start + max` (the last of the best kind).
fn cut(text: &str, start: usize, max: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes.len().saturating_sub(start) <= max {
        return bytes.len();
    }
    let hard = floor_boundary(text, start + max);
    let soft = start + max / 2;
    let mut best: Option<(Break, usize)> = None;
    // Walking back from the hard end: `blank` while only white space was seen since the
    // last line break (a blank line when another line break comes).
    let mut blank = false;
    // where the line after the current one starts: a paragraph break cuts there, after
    // the blank line, so that the next window starts with the paragraph's words
    let mut next_line = hard;
    let mut at = hard;
    while at > soft {
        let Some(&b) = bytes.get(at - 1) else {
            break;
        };
        let found = match b {
            b'\n' if blank => Some((Break::Paragraph, next_line)),
            b'\n' => Some((Break::Line, at)),
            b' ' | b'\t' | b'\r' => {
                let ends_sentence =
                    at >= 2 && matches!(bytes.get(at - 2), Some(b'.' | b'!' | b'?'));
                let kind = if ends_sentence {
                    Break::Sentence
                } else {
                    Break::Space
                };
                Some((kind, at))
            }
            _ => None,
        };
        if b == b'\n' {
            blank = true;
            next_line = at;
        } else if !b.is_ascii_whitespace() {
            blank = false;
        }
        if let Some((kind, cut_at)) = found {
            if best.is_none_or(|(k, _)| kind > k) {
                best = Some((kind, cut_at));
                if kind == Break::Paragraph {
                    break;
                }
            }
        }
        at -= 1;
    }
    // without a break, the hard end (a char boundary past `start`: `max` is at least 4)
    best.map_or(hard, |(_, at)| at)
}

/// The last char boundary of `text` at or before `at` (the text's end past it).
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, max: usize) -> Vec<Window> {
        windows(text, max).collect()
    }

    /// Windows tile the text, each at most `max` bytes, on char boundaries, first and
    /// last marked once each.
    fn check_tiling(text: &str, max: usize) -> Vec<Window> {
        let ws = all(text, max);
        let max = max.max(MIN_WINDOW);
        assert!(!ws.is_empty());
        let mut at = 0;
        for (i, w) in ws.iter().enumerate() {
            assert_eq!(w.start, at, "gap or overlap at window {i}");
            assert!(w.end > w.start || text.is_empty(), "empty window {i}");
            assert!(w.end - w.start <= max, "window {i} too long");
            assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            assert_eq!(w.part.first, i == 0);
            assert_eq!(w.part.last, i + 1 == ws.len());
            at = w.end;
        }
        assert_eq!(at, text.len());
        ws
    }

    #[test]
    fn a_short_text_is_one_whole_window() {
        let text = "Gunmen killed two herders.\n\nPolice said.";
        assert_eq!(
            all(text, 4096),
            vec![Window {
                start: 0,
                end: text.len(),
                part: Part::WHOLE
            }]
        );
        assert_eq!(all("", 4096).len(), 1);
    }

    #[test]
    fn windows_end_at_a_blank_line_before_a_sentence_end() {
        // paragraphs of about 300 bytes, each of sentences of about 60
        let sentence = "Rebels shelled the town of Kafr Nabl in the north today. ";
        let paragraph = sentence.repeat(5);
        let text = [paragraph.as_str(); 40].join("\n  \n");
        let ws = check_tiling(&text, 2048);
        assert!(ws.len() > 4);
        for w in &ws[..ws.len() - 1] {
            let before = &text[..w.end];
            assert!(
                before.ends_with("\n  \n"),
                "{:?}",
                &before[before.len() - 8..]
            );
        }
    }

    #[test]
    fn without_paragraphs_windows_end_after_a_sentence() {
        let text = "Rebels shelled the town of Kafr Nabl in the north today. ".repeat(200);
        for w in &check_tiling(&text, 2000)[..1] {
            assert!(text[..w.end].ends_with(". "));
        }
    }

    #[test]
    fn without_any_break_windows_end_on_a_char_boundary() {
        for text in [
            "x".repeat(10_000),
            "é".repeat(5_001),
            "\u{1F600}".repeat(3001),
        ] {
            let ws = check_tiling(&text, 1500);
            assert!(ws.len() >= 7, "{}", ws.len());
        }
    }

    #[test]
    fn any_text_is_tiled() {
        let mut next = crate::text::xorshift(7);
        let alphabet = ["a", " ", "\n", ".", "é", "\r", "\t", "?", "B"];
        for len in [0, 1, 1023, 1024, 1025, 5000, 20_000] {
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            for max in [0, 1024, 1500, 4096] {
                check_tiling(&text, max);
            }
        }
    }
}
