//! Page furniture: whole lines that are not article prose.
//!
//! Works on one trimmed line at a time; the decisions that need the whole article (the
//! trailing teaser of another story) are made in `sentences`, with the helpers here.

/// Lines that are furniture when they are exactly one of these (ASCII case-insensitive,
/// trimmed, trailing punctuation ignored).
const EXACT: &[&str] = &[
    "share",
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share via email",
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "tweet",
    "email",
    "e-mail",
    "print",
    "comments",
    "comment",
    "follow us",
    "sign up",
    "sign in",
    "log in",
    "subscribe",
    "skip to content",
    "skip to main content",
    "image",
    "photo",
    "photos",
    "video",
    "close",
    "menu",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "reddit",
    "telegram",
    "pinterest",
    "copy link",
    "link copied",
    "listen",
    "listen to this article",
    "save",
    "read more",
    "continue reading",
    "show more",
    "back to top",
    "home",
    "watch",
    "related",
    "related content",
    "more",
    "play video",
    "enlarge",
    "enlarge this image",
    "toggle caption",
    "hide caption",
    "loading",
    "story continues below",
    "story continues below advertisement",
    "scroll to continue",
    "advertisement - scroll to continue",
    "most read",
    "trending",
    "top stories",
    "newsletter",
];

/// Lines that are furniture when they start with one of these (ASCII case-insensitive).
const PREFIX: &[&str] = &[
    "read more",
    "related:",
    "related articles",
    "related stories",
    "related coverage",
    "related topics",
    "see also:",
    "also read",
    "more:",
    "sign up for",
    "sign up to",
    "subscribe to",
    "click here",
    "photo:",
    "photos:",
    "photograph:",
    "photo credit",
    "image:",
    "image caption",
    "image source",
    "media caption",
    "caption:",
    "video:",
    "watch:",
    "copyright",
    "(c)",
    "\u{a9}",
    "all rights reserved",
    "reporting by",
    "additional reporting",
    "(reporting by",
    "(additional reporting",
    "editing by",
    "writing by",
    "follow us on",
    "share this",
    "share on",
    "last updated",
    "updated:",
    "published:",
    "most read",
    "most popular",
    "most viewed",
    "most shared",
    "trending now",
    "trending:",
    "popular now",
    "more stories",
    "more from",
    "latest news",
    "latest stories",
    "you may also like",
    "you might also like",
    "recommended for you",
    "short link",
    "short url",
    "shortlink",
    "permalink",
];

/// Words of a counter or a time stamp of a page: "2,345 views", "Shares: 1.2K", "12
/// comments", "Updated 16:18" (ASCII case-insensitive, a trailing ':' ignored).
const COUNTER_WORDS: &[&str] = &[
    "views",
    "view",
    "shares",
    "share",
    "comments",
    "comment",
    "likes",
    "like",
    "reads",
    "reactions",
    "retweets",
    "tweets",
    "updated",
    "published",
    "posted",
    "ago",
    "min",
    "mins",
    "hours",
    "hour",
    "am",
    "pm",
    "gmt",
    "utc",
    "edited",
];

/// Longest entry of [`EXACT`], to skip long lines at once.
const EXACT_MAX: usize = 40;

/// Longest line [`is_counter_line`] reads (longer than any line [`EXACT`] matches).
const COUNTER_MAX: usize = 120;

/// How many leading bytes the tables of [`by_leading_bytes`] look at.
const LEADING: usize = 3;

/// The entries of [`EXACT`] by their first three bytes (see [`by_leading_bytes`]).
const EXACT_BY_LEADING: [[u128; 256]; LEADING] = by_leading_bytes(EXACT);

/// The entries of [`PREFIX`] by their first three bytes (see [`by_leading_bytes`]).
const PREFIX_BY_LEADING: [[u128; 256]; LEADING] = by_leading_bytes(PREFIX);

/// Bit `i` of entry `b` of table `k` is set when byte `k` of `list[i]` is `b` (ASCII
/// case-insensitive: the entry of a letter and that of its other case both), or for every `b`
/// when `list[i]` is shorter than `k + 1` bytes. Evaluated at compile time: a list longer
/// than 128 entries or with an empty entry does not compile.
const fn by_leading_bytes(list: &[&str]) -> [[u128; 256]; LEADING] {
    let mut tables = [[0; 256]; LEADING];
    let mut i = 0;
    while i < list.len() {
        let bytes = list[i].as_bytes();
        assert!(!bytes.is_empty());
        let mut k = 0;
        while k < LEADING {
            if k < bytes.len() {
                let lower = bytes[k].to_ascii_lowercase();
                tables[k][lower as usize] |= 1 << i;
                tables[k][lower.to_ascii_uppercase() as usize] |= 1 << i;
            } else {
                let mut b = 0;
                while b < 256 {
                    tables[k][b] |= 1 << i;
                    b += 1;
                }
            }
            k += 1;
        }
        i += 1;
    }
    tables
}

/// The entries of `list` whose bits are set in `bits`.
fn entries<'l>(list: &'l [&'l str], mut bits: u128) -> impl Iterator<Item = &'l str> + 'l {
    std::iter::from_fn(move || {
        let i = bits.trailing_zeros();
        bits &= bits.wrapping_sub(1);
        usize::try_from(i).ok().and_then(|i| list.get(i).copied())
    })
}

/// The entries of a [`by_leading_bytes`] `tables` that may start `s` (ASCII case-insensitive),
/// as bits: those whose first bytes are those of `s`; none if `s` is empty.
fn leading_bits(tables: &[[u128; 256]; LEADING], s: &str) -> u128 {
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        return 0;
    }
    let mut bits = u128::MAX;
    for (table, &b) in tables.iter().zip(bytes) {
        bits &= table.get(usize::from(b)).copied().unwrap_or(0);
    }
    bits
}

/// A byte that is ASCII and not white space: a char that [`str::trim`] keeps.
fn is_solid(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ')
}

/// The bounds of `s.trim()` in `s`, at once when `s` starts and ends with a [`is_solid`] byte
/// (most lines, sentences and clauses do).
#[inline]
pub(super) fn trim_bounds(s: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(&first), Some(&last)) if is_solid(first) && is_solid(last) => (0, s.len()),
        _ => trim_bounds_cut(s),
    }
}

/// [`trim_bounds`] of other strings: ASCII white space is cut on the bytes, and [`str::trim`]
/// runs only when a byte left at an edge is not ASCII (it may start a wide space).
fn trim_bounds_cut(s: &str) -> (usize, usize) {
    let bytes = s.as_bytes();
    let is_space = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|b| matches!(b, b'\t'..=b'\r' | b' '))
    };
    let mut a = 0;
    while is_space(a) {
        a += 1;
    }
    let mut z = bytes.len();
    while z > a && is_space(z - 1) {
        z -= 1;
    }
    if a >= z {
        return (a, a);
    }
    let ascii = |at: usize| bytes.get(at).is_some_and(u8::is_ascii);
    if ascii(a) && ascii(z - 1) {
        return (a, z);
    }
    let body = s.trim_start();
    let a = s.len() - body.len();
    (a, a + body.trim_end().len())
}

/// `s.trim()`, by [`trim_bounds`].
fn trim(s: &str) -> &str {
    let (a, z) = trim_bounds(s);
    s.get(a..z).unwrap_or("")
}

/// [`is_furniture_trimmed_line`] of a line not trimmed yet (the tests' entry).
#[cfg(test)]
pub(super) fn is_furniture_line(line: &str) -> bool {
    is_furniture_trimmed_line(trim(line))
}

/// True if the whole `line`, trimmed already (as the segmenter cuts its lines: no second
/// trim of every line of the text), is page furniture: a share button, an advertisement
/// marker, "Read more: ..." and the like, a photo credit or copyright line, or a byline.
///
/// Most lines are paragraphs of prose, told at once ([`is_long_prose`]) where this is inlined.
#[inline]
pub(super) fn is_furniture_trimmed_line(line: &str) -> bool {
    debug_assert_eq!(line, trim(line), "a trimmed line");
    !is_long_prose(line) && is_furniture_trimmed(line)
}

/// A trimmed line that can be no furniture, told from its length and first bytes: longer
/// than any line of [`EXACT`] or counters, and starting with no [`PREFIX`] entry and no
/// "By" ([`is_byline`]).
fn is_long_prose(line: &str) -> bool {
    line.len() > COUNTER_MAX
        && !matches!(line.as_bytes().first(), Some(b'b' | b'B'))
        && leading_bits(&PREFIX_BY_LEADING, line) == 0
}

/// [`is_furniture_trimmed_line`] of a line that may be furniture (no long prose).
#[inline(never)]
fn is_furniture_trimmed(line: &str) -> bool {
    if line.is_empty() {
        return false;
    }
    if line.len() <= EXACT_MAX + 8 {
        let core = line.trim_end_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '.' | ':' | '!' | '|' | '>' | '-' | '\u{bb}' | '\u{203a}')
        });
        let bits = leading_bits(&EXACT_BY_LEADING, core);
        if entries(EXACT, bits).any(|e| core.eq_ignore_ascii_case(e)) {
            return true;
        }
    }
    let bits = leading_bits(&PREFIX_BY_LEADING, line);
    if entries(PREFIX, bits).any(|p| starts_with_word(line, p)) {
        return true;
    }
    is_byline(line) || is_counter_line(line)
}

/// A line of page counters and time stamps: "Updated 16:18 | Shares: 1.2K", "2,345 views ·
/// 12 comments". Every piece between separators (`|`, `·`, `•`) is a counter: a counter word
/// ([`COUNTER_WORDS`]) with figures, times or other counter words, or a share button alone.
fn is_counter_line(line: &str) -> bool {
    // without a figure no piece is a counter (a quick test: most lines of prose end here)
    if line.len() > COUNTER_MAX || !has_digit(line.as_bytes()) {
        return false;
    }
    let mut figures = false;
    let pieces = counter_pieces(line).map(str::trim);
    let all = pieces.filter(|p| !p.is_empty()).all(|piece| {
        let mut counter = false;
        let words_ok = piece.split_ascii_whitespace().all(|w| {
            let w = w.trim_end_matches([':', ',']);
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                figures = true;
                return true;
            }
            let listed = COUNTER_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c));
            counter |= listed;
            listed
        });
        words_ok && (counter || piece.split_ascii_whitespace().count() == 0)
            || EXACT.iter().any(|e| piece.eq_ignore_ascii_case(e))
    });
    all && figures
}

/// True if `bytes` hold an ASCII digit: every byte is read (an OR the compiler makes a few
/// vector compares for sixteen bytes), cheaper on a short line than a search that stops at
/// the first digit byte by byte.
fn has_digit(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(0, |acc, &b| acc | u8::from(b.is_ascii_digit()))
        != 0
}

/// The pieces of `line` between the separators of a counter line (`|`, `\u{b7}`, `\u{2022}`),
/// as `str::split` gives them, found on the bytes rather than by decoding each char.
fn counter_pieces(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let s = rest?;
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            let width = match b {
                b'|' => 1,
                0xc2 if bytes.get(i + 1) == Some(&0xb7) => 2,
                0xe2 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0xa2][..]) => 3,
                _ => 0,
            };
            if width > 0 {
                rest = s.get(i + width..);
                return s.get(..i);
            }
            i += 1;
        }
        rest = None;
        Some(s)
    })
}

/// True if `line` starts with `prefix` (ASCII case-insensitive) and, when the prefix ends in
/// a letter, the next char is not a letter ("Copyright" but not "Copyrighted").
fn starts_with_word(line: &str, prefix: &str) -> bool {
    let Some(head) = line.get(..prefix.len()) else {
        return false;
    };
    if !head.eq_ignore_ascii_case(prefix) {
        return false;
    }
    let ends_in_letter = prefix
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic());
    if !ends_in_letter {
        return true;
    }
    line.get(prefix.len()..)
        .and_then(|rest| rest.chars().next())
        .is_none_or(|c| !c.is_alphabetic())
}

/// A byline: "By John Smith", "BY JOHN SMITH and JANE DOE", "By Reuters Staff": starts with
/// "By ", the next word is capitalised, at most 8 words, no final period.
fn is_byline(line: &str) -> bool {
    let Some(head) = line.get(..3) else {
        return false;
    };
    if !head.eq_ignore_ascii_case("by ") {
        return false;
    }
    if line.ends_with('.') || word_count(line, 9) > 8 {
        return false;
    }
    line.get(3..)
        .map(str::trim_start)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase)
}

/// Number of words separated by ASCII white space, counting at most `cap`.
///
/// A word starts at a byte that is no space after one that is (or at the text's start): the
/// pairs of bytes are read 64 at a time with a sum the compiler makes a few vector
/// operations, and the count stops after the block that reaches `cap`.
pub(super) fn word_count(s: &str, cap: usize) -> usize {
    let bytes = s.as_bytes();
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut count = usize::from(bytes.first().is_some_and(|&b| !is_space(b)));
    let mut at = 1;
    while count < cap && at < bytes.len() {
        let end = bytes.len().min(at + 64);
        let (Some(before), Some(here)) = (bytes.get(at - 1..end - 1), bytes.get(at..end)) else {
            break;
        };
        let starts = before
            .iter()
            .zip(here)
            .fold(0u8, |n, (&a, &b)| n + u8::from(is_space(a) & !is_space(b)));
        count += usize::from(starts);
        at = end;
    }
    count.min(cap)
}

/// Closing quotes and brackets that may follow final punctuation.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{2019}' | '\u{201d}' | '\u{bb}'
    )
}

/// The last char of `s` that is not a closing quote or bracket, with its byte offset in `s`
/// (the last char itself if `s` is all closers).
pub(super) fn last_significant(s: &str) -> Option<(usize, char)> {
    let mut last = None;
    for (i, c) in s.char_indices().rev() {
        if last.is_none() {
            last = Some((i, c));
        }
        if !is_closer(c) && !c.is_whitespace() {
            return Some((i, c));
        }
    }
    last
}

/// True if `s` ends in `.`, `!` or `?`, perhaps followed by closing quotes or brackets.
pub(super) fn ends_with_sentence_punct(s: &str) -> bool {
    matches!(last_significant(s), Some((_, '.' | '!' | '?')))
}

/// True if the trimmed `line` may be the headline of another story at the end of the
/// article: at most 15 words, starts with a capital, digit or quote, and ends in a letter
/// or digit (no final punctuation).
pub(super) fn is_teaser_candidate(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if first.is_lowercase() || !(first.is_alphanumeric() || first == '"' || first == '\'') {
        return false;
    }
    if !matches!(last_significant(line), Some((_, c)) if c.is_alphanumeric()) {
        return false;
    }
    word_count(line, 16) <= 15
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        let text = " a \u{a0}b\u{2003}\n\u{85}c\t x\u{b}\u{1c}  \u{3000}\r\u{e9}";
        for start in 0..=text.len() {
            for end in start..=text.len() {
                if let Some(s) = text.get(start..end) {
                    assert_eq!(trim(s), s.trim(), "{s:?}");
                }
            }
        }
        for b in 0..=0x7f_u8 {
            let s = char::from(b).to_string();
            assert_eq!(trim(&s), s.trim(), "{b}");
        }
    }

    #[test]
    fn counter_pieces_are_the_split_pieces() {
        for line in [
            "",
            "|",
            "a|b",
            "Updated 16:18 | Shares: 1.2K",
            "2,345 views \u{b7} 12 comments \u{2022} x",
            "\u{b7}\u{2022}|\u{b7}",
            "caf\u{e9} \u{c2}\u{a0}\u{bf}\u{2021} \u{2023}|",
            "trailing |",
        ] {
            let want: Vec<&str> = line.split(['|', '\u{b7}', '\u{2022}']).collect();
            assert_eq!(counter_pieces(line).collect::<Vec<_>>(), want, "{line:?}");
        }
    }

    #[test]
    fn counter_lines() {
        for line in [
            "Updated 16:18",
            "Updated 16:18 | Shares: 1.2K",
            "2,345 views \u{b7} 12 comments",
            "1.2K shares",
            "Posted 3 hours ago | Share | Tweet",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
        for line in [
            "12 people were killed",
            "Shelling kills three in Kherson | 2,345 views",
            "Updated",
            "Views differ on the toll of 12",
        ] {
            assert!(!is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn teaser_lists_and_short_links() {
        for line in [
            "Most read: 1. Drone attack kills 5 in Odesa 2. Two killed in Sumy",
            "Short link: https://exmpl.news/x7Kd9 Copy",
            "You may also like: Strikes hit Gaza",
        ] {
            assert!(is_furniture_line(line), "{line}");
        }
    }

    #[test]
    fn exact_lines_any_case_and_trailing_punct() {
        for l in [
            "Share",
            "SHARE THIS ARTICLE",
            "Advertisement",
            "  advertising  ",
            "Tweet",
            "Email:",
            "Print",
            "Comments",
            "Follow us",
            "Sign up",
            "Subscribe!",
            "Skip to content",
            "Image",
            "Photo",
            "Video",
            "Close",
            "Menu",
        ] {
            assert!(is_furniture_line(l), "{l:?}");
        }
        for l in ["Shares fell", "Photographs show the crater.", "Closer ties"] {
            assert!(!is_furniture_line(l), "{l:?}");
        }
    }

    #[test]
    fn prefix_lines() {
        for l in [
            "Read more: Rebels shell the port",
            "Read More Another story",
            "Related: Ceasefire talks stall",
            "Related Articles",
            "See also: the map",
            "Also read: the timeline",
            "More: Drone footage",
            "RELATED: Border clash",
            "Sign up for our newsletter",
            "Subscribe to the daily brief",
            "Click here to follow the live blog",
            "Photo: Jane Roe/Agency",
            "Image: handout",
            "Image caption Smoke over the harbour",
            "Media caption Footage from the town",
            "Copyright 2020 Some Agency",
            "(c) 2021 Some Agency",
            "\u{a9} Some Agency 2019",
            "All rights reserved.",
        ] {
            assert!(is_furniture_line(l), "{l:?}");
        }
        assert!(!is_furniture_line("Copyrighted maps were shown."));
        assert!(!is_furniture_line("More than 40 people died."));
        assert!(!is_furniture_line("Relatedly, the army said."));
    }

    #[test]
    fn leading_byte_tables_find_every_entry() {
        for (list, tables) in [(EXACT, &EXACT_BY_LEADING), (PREFIX, &PREFIX_BY_LEADING)] {
            assert!(list.len() <= 128);
            for (i, e) in list.iter().enumerate() {
                for probe in [e.to_string(), e.to_uppercase(), format!("{e} and more")] {
                    let found: Vec<&str> = entries(list, leading_bits(tables, &probe)).collect();
                    assert!(found.contains(e), "{probe:?}");
                    // exactly the entries whose first bytes (up to three) are the probe's
                    let want: Vec<&str> = list
                        .iter()
                        .copied()
                        .filter(|f| {
                            let n = f.len().min(probe.len()).min(LEADING);
                            f.as_bytes()[..n].eq_ignore_ascii_case(&probe.as_bytes()[..n])
                        })
                        .collect();
                    assert_eq!(found, want, "{probe:?}");
                    assert_eq!(found.iter().filter(|f| *f == e).count(), 1, "{i}");
                }
            }
        }
        assert_eq!(leading_bits(&EXACT_BY_LEADING, ""), 0);
        assert_eq!(leading_bits(&PREFIX_BY_LEADING, "Rebels shelled"), 0);
        assert_eq!(entries(PREFIX, 0).count(), 0);
    }

    #[test]
    fn bylines() {
        assert!(is_furniture_line("By John Smith"));
        assert!(is_furniture_line("By JOHN SMITH and JANE DOE"));
        assert!(is_furniture_line("By Reuters Staff"));
        assert!(is_furniture_line("BY Ana Lopez, Field Reporter"));
        // A sentence that starts with "By" is prose.
        assert!(!is_furniture_line("By Tuesday the toll had reached 12."));
        assert!(!is_furniture_line("By nightfall the town was quiet"));
        assert!(!is_furniture_line(
            "By Monday Syrian forces and allied militias had taken three more villages"
        ));
        assert!(!is_furniture_line("Bystanders fled"));
    }

    #[test]
    fn teaser_candidates() {
        assert!(is_teaser_candidate(
            "Yemen: Floods cut off two districts near the coast"
        ));
        assert!(is_teaser_candidate(
            "\"We lost everything\" say farmers in the delta"
        ));
        assert!(!is_teaser_candidate("The clashes continued."));
        assert!(!is_teaser_candidate("he added that"));
        assert!(!is_teaser_candidate("Officials said:"));
        assert!(!is_teaser_candidate(
            "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        ));
    }

    #[test]
    fn counts_words_up_to_cap() {
        assert_eq!(word_count("", 5), 0);
        assert_eq!(word_count("  one\ttwo \n three  ", 9), 3);
        assert_eq!(word_count("a b c d e f", 4), 4);
        assert_eq!(word_count("\u{e9}t\u{e9} \u{1f600}", 9), 2);
        // the byte loop it replaced, over texts across several blocks of 64
        let reference = |s: &str, cap: usize| {
            let mut count = 0;
            let mut in_word = false;
            for &b in s.as_bytes() {
                let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
                if !space && !in_word {
                    count += 1;
                    if count >= cap {
                        return cap;
                    }
                }
                in_word = !space;
            }
            count
        };
        let mut seed = 7_u64;
        for n in 0..400 {
            let text: String = (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    [' ', 'a', '\t', 'b', '\n', '\u{e9}', '\r', 'c'][(seed >> 60) as usize % 8]
                })
                .collect();
            for cap in [0, 1, 2, 9, 16, 20, 64, 200] {
                assert_eq!(
                    word_count(&text, cap),
                    reference(&text, cap),
                    "{text:?} {cap}"
                );
            }
        }
    }

    #[test]
    fn long_prose_is_no_furniture() {
        let filler =
            " the army said on Tuesday that its forces had taken the town after a week of \
                      fighting, and that the roads to the north were open again for aid";
        let mut lines: Vec<String> = PREFIX.iter().map(|p| format!("{p}{filler}")).collect();
        lines.extend(
            PREFIX
                .iter()
                .map(|p| format!("{}{filler}", p.to_uppercase())),
        );
        lines.extend(EXACT.iter().map(|e| format!("{e}{filler}")));
        for head in [
            "By Reuters",
            "BY JOHN",
            "The",
            "Rebels",
            "Share",
            "\u{a9} 2024",
            "12",
        ] {
            lines.push(format!("{head}{filler}"));
        }
        for line in &lines {
            assert!(line.len() > COUNTER_MAX);
            if is_long_prose(line) {
                assert!(!is_furniture_trimmed(line), "{line}");
            }
        }
        assert!(is_long_prose(&format!("Rebels{filler}")));
        assert!(!is_long_prose(&format!("Reporting by{filler}")));
        assert!(!is_long_prose(&format!("BY JOHN{filler}")));
        assert!(!is_long_prose("Rebels shelled the town"));
    }

    #[test]
    fn punctuation_helpers() {
        assert!(ends_with_sentence_punct("He left.\""));
        assert!(ends_with_sentence_punct("Why? )"));
        assert!(!ends_with_sentence_punct("\"quoted\""));
        assert_eq!(last_significant("\"\""), Some((1, '"')));
        assert_eq!(last_significant(""), None);
    }
}
