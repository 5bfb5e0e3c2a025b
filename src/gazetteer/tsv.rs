//! The one TSV parser, for built-in and user gazetteer files alike.
//!
//! Format: UTF-8, one entry per line; `#` lines are comments and blank lines are ignored.
//! Seven tab-separated columns, trailing empty ones may be left out:
//!
//! ```text
//! kind  name  country  code  province  aliases  attrs
//! ```
//!
//! - `kind`: `country`, `demonym`, `metonym`, `province`, `city`, `district`, `air_base`,
//!   `armed_group`, `military`, `official`, `source`;
//! - `name`: the canonical name, also matched as a pattern;
//! - `country`: ISO 3166-1 alpha-2, or empty;
//! - `code`: alpha-2 for a country, ISO 3166-2 for a province, else empty or an id;
//! - `province`: ISO 3166-2 of the province a town or air base lies in, or empty;
//! - `aliases`: other surface forms separated by `|`;
//! - `attrs`: `key=value` pairs separated by `;` (`pop=23000`, `role=defence_minister`).

use super::EntryKind;
use crate::error::Error;

/// The column names, for messages.
const COLUMNS: [&str; 7] = [
    "kind", "name", "country", "code", "province", "aliases", "attrs",
];

/// Longest name and aliases of one line together, in bytes (tab-joined).
pub(crate) const MAX_PATTERN_BYTES: usize = u16::MAX as usize;
/// Longest attribute column, in bytes.
pub(crate) const MAX_ATTRS_BYTES: usize = u16::MAX as usize;
/// Longest code, in bytes.
pub(crate) const MAX_CODE_BYTES: usize = u8::MAX as usize;

/// One checked line: every column as written (trimmed), borrowed from the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    pub(crate) kind: EntryKind,
    /// The name as written: a leading `=` marks it case-sensitive.
    pub(crate) name: &'a str,
    pub(crate) country: &'a str,
    pub(crate) code: &'a str,
    pub(crate) province: &'a str,
    /// The aliases column, `|`-separated; each alias is checked.
    pub(crate) aliases: &'a str,
    pub(crate) attrs: &'a str,
}

impl<'a> Line<'a> {
    /// The aliases, trimmed.
    pub(crate) fn aliases(&self) -> impl Iterator<Item = &'a str> {
        let col = self.aliases;
        col.split('|')
            .map(str::trim)
            .filter(move |_| !col.is_empty())
    }
}

/// Parses one gazetteer file and hands each entry line, with its number, to `each`. `file`
/// names it in error messages. A byte-order mark at the start is skipped.
pub(crate) fn parse_each<'a>(
    file: &str,
    text: &'a str,
    mut each: impl FnMut(usize, Line<'a>) -> Result<(), Error>,
) -> Result<(), Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        each(line_no, parse_line(file, line_no, line)?)?;
    }
    Ok(())
}

/// Every entry line of a file, with its number.
#[cfg(test)]
pub(crate) fn parse<'a>(file: &str, text: &'a str) -> Result<Vec<(usize, Line<'a>)>, Error> {
    let mut lines = Vec::new();
    parse_each(file, text, |n, line| {
        lines.push((n, line));
        Ok(())
    })?;
    Ok(lines)
}

/// Splits a line at its tabs: the columns, trimmed, and how many there are.
fn columns(line: &str) -> ([&str; 7], usize) {
    let mut cols = [""; 7];
    let mut n = 0;
    for c in line.split('\t') {
        if let Some(slot) = cols.get_mut(n) {
            *slot = c.trim();
        }
        n += 1;
    }
    (cols, n)
}

/// Why a line's columns look separated by spaces instead of tabs, if they do: a line with
/// no tab but a space, a kind with a space in it, a code column with a space, or a run of
/// spaces inside a column.
fn spaces_for_tabs(line: &str, cols: &[&str; 7]) -> Option<String> {
    if !line.contains('\t') && line.trim().contains(' ') {
        return Some("no tab on the line: columns are separated by tabs, not spaces".to_string());
    }
    let coded = [0, 2, 3, 4];
    cols.iter().enumerate().find_map(|(i, col)| {
        let spaced = col.contains("  ") || (coded.contains(&i) && col.contains(' '));
        spaced.then(|| {
            format!(
                "column {} ({}) {col:?} has spaces where a tab belongs: columns are separated \
                 by tabs",
                i + 1,
                COLUMNS.get(i).copied().unwrap_or("?")
            )
        })
    })
}

/// Checks a name or an alias: not empty, with a letter or a digit, longer than one
/// character. `what` is `name` or `alias N`.
fn check_pattern(what: &str, written: &str) -> Result<(), String> {
    let bare = strip_cs(written);
    if bare.is_empty() {
        return Err(format!("{what} is empty"));
    }
    if !bare.chars().any(char::is_alphanumeric) {
        return Err(format!("{what} {written:?} has no letter or digit"));
    }
    if bare.chars().nth(1).is_none() {
        return Err(format!(
            "{what} {written:?} is a single character (a name needs at least two)"
        ));
    }
    Ok(())
}

fn parse_line<'a>(file: &str, line_no: usize, line: &'a str) -> Result<Line<'a>, Error> {
    let err = |reason: String| Error::gazetteer(file, line_no, reason);
    let (cols, n) = columns(line);
    if n > 7 {
        let tail = if line.ends_with('\t') {
            ": the line ends with a tab"
        } else {
            ""
        };
        return Err(err(format!(
            "{n} columns, expected at most 7 (kind, name, country, code, province, aliases, \
             attrs){tail}"
        )));
    }
    if let Some(reason) = spaces_for_tabs(line, &cols) {
        return Err(err(reason));
    }
    let [kind_word, name, country, code, province, aliases, attrs] = cols;
    let kind = EntryKind::from_word(kind_word).ok_or_else(|| {
        let bom = if kind_word.starts_with('\u{feff}') {
            " (it starts with a byte-order mark, U+FEFF)"
        } else {
            ""
        };
        err(format!(
            "unknown kind {kind_word:?}{bom} (expected one of: {})",
            EntryKind::ALL_WORDS.join(", ")
        ))
    })?;
    if strip_cs(name).is_empty() {
        return Err(err("empty name".to_string()));
    }
    check_pattern("name", name).map_err(err)?;
    check_codes(kind, country, code, province).map_err(err)?;
    let mut pattern_bytes = name.len();
    if !aliases.is_empty() {
        for (n, alias) in aliases.split('|').enumerate() {
            let alias = alias.trim();
            check_pattern(&format!("alias {}", n + 1), alias).map_err(err)?;
            pattern_bytes += 1 + alias.len();
        }
    }
    if pattern_bytes > MAX_PATTERN_BYTES {
        return Err(err(format!(
            "name and aliases take {pattern_bytes} bytes, at most {MAX_PATTERN_BYTES}"
        )));
    }
    if attrs.len() > MAX_ATTRS_BYTES {
        return Err(err(format!(
            "attrs take {} bytes, at most {MAX_ATTRS_BYTES}",
            attrs.len()
        )));
    }
    if let Some(pair) = attrs
        .split(';')
        .filter(|p| !p.trim().is_empty())
        .find(|p| !p.contains('='))
    {
        return Err(err(format!("attribute {pair:?} is not key=value")));
    }
    Ok(Line {
        kind,
        name,
        country,
        code,
        province,
        aliases,
        attrs,
    })
}

/// The country, code and province columns of a line of this kind.
fn check_codes(kind: EntryKind, country: &str, code: &str, province: &str) -> Result<(), String> {
    if !country.is_empty() && !is_alpha2(country) {
        return Err(format!(
            "country {country:?} is not an ISO 3166-1 alpha-2 code (two capital letters)"
        ));
    }
    match kind {
        EntryKind::Country if !is_alpha2(code) => {
            return Err(format!(
                "country code {code:?} is not an ISO 3166-1 alpha-2 code"
            ))
        }
        EntryKind::Province if !is_iso3166_2(code) => {
            return Err(format!(
                "province code {code:?} is not an ISO 3166-2 code (like SY-DY)"
            ))
        }
        _ => {}
    }
    if code.len() > MAX_CODE_BYTES {
        return Err(format!(
            "code takes {} bytes, at most {MAX_CODE_BYTES}",
            code.len()
        ));
    }
    if !province.is_empty() && !is_iso3166_2(province) {
        return Err(format!(
            "province {province:?} is not an ISO 3166-2 code (like SY-DY)"
        ));
    }
    Ok(())
}

/// A pattern written with a leading `=` is matched case-sensitively.
pub(crate) fn strip_cs(p: &str) -> &str {
    p.strip_prefix('=').unwrap_or(p)
}

pub(crate) fn is_alpha2(s: &str) -> bool {
    s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase())
}

pub(crate) fn is_iso3166_2(s: &str) -> bool {
    match s.split_once('-') {
        Some((cc, sub)) => {
            is_alpha2(cc)
                && (1..=3).contains(&sub.len())
                && sub
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_columns() {
        let text = "# comment\n\ncity\tAleppo\tSY\t\tSY-HL\tHalab|Alep\tpop=2000000\n";
        let e = parse("t.tsv", text).unwrap();
        assert_eq!(e.len(), 1);
        let (n, l) = e[0];
        assert_eq!(n, 3);
        assert_eq!(l.kind, EntryKind::City);
        assert_eq!(l.name, "Aleppo");
        assert_eq!(l.province, "SY-HL");
        assert_eq!(l.aliases().collect::<Vec<_>>(), vec!["Halab", "Alep"]);
        assert_eq!(l.attrs, "pop=2000000");
    }

    #[test]
    fn trailing_columns_may_be_omitted_and_crlf_is_accepted() {
        let e = parse("t.tsv", "armed_group\tHamas\r\n").unwrap();
        assert_eq!(e[0].1.name, "Hamas");
        assert_eq!(e[0].1.country, "");
        assert_eq!(e[0].1.aliases().count(), 0);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let e = parse("t.tsv", "\u{feff}city\tAleppo\tSY\n").unwrap();
        assert_eq!(e[0].1.kind, EntryKind::City);
        // one in the middle of a file is named
        let err = parse("t.tsv", "city\tA1\n\u{feff}city\tB1\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tsv:2: unknown kind \"\\u{feff}city\" (it starts with a byte-order mark, U+FEFF) \
             (expected one of: country, demonym, metonym, province, city, district, air_base, \
             armed_group, military, official, source)"
        );
    }

    #[test]
    fn errors_name_file_line_and_reason() {
        let cases = [
            ("x\tY\n", "g.tsv:1: unknown kind \"x\" (expected one of: country, demonym, metonym, province, city, district, air_base, armed_group, military, official, source)"),
            ("# c\ncity\t\n", "g.tsv:2: empty name"),
            ("city\tAb\tsyr\n", "g.tsv:1: country \"syr\" is not an ISO 3166-1 alpha-2 code (two capital letters)"),
            ("province\tIdlib\tSY\tIdlib\n", "g.tsv:1: province code \"Idlib\" is not an ISO 3166-2 code (like SY-DY)"),
            ("country\tSyria\tSY\tSYR\n", "g.tsv:1: country code \"SYR\" is not an ISO 3166-1 alpha-2 code"),
            ("city\tAb\tSY\t\tSY-HL\tBc||Cd\n", "g.tsv:1: alias 2 is empty"),
            ("city\tAb\tSY\t\tSY-HL\t\tpop\n", "g.tsv:1: attribute \"pop\" is not key=value"),
            ("city\tAb\tSY\t\tHL\n", "g.tsv:1: province \"HL\" is not an ISO 3166-2 code (like SY-DY)"),
            ("city\tA1\t\t\t\t\t\tz\n", "g.tsv:1: 8 columns, expected at most 7 (kind, name, country, code, province, aliases, attrs)"),
            ("city\tAleppo\tSY\t\tSY-HL\tHalab\tpop=1\t\n", "g.tsv:1: 8 columns, expected at most 7 (kind, name, country, code, province, aliases, attrs): the line ends with a tab"),
            ("city Aleppo SY\n", "g.tsv:1: no tab on the line: columns are separated by tabs, not spaces"),
            ("city Aleppo\tSY\n", "g.tsv:1: column 1 (kind) \"city Aleppo\" has spaces where a tab belongs: columns are separated by tabs"),
            ("city\tAleppo\tSY  SY-HL\n", "g.tsv:1: column 3 (country) \"SY  SY-HL\" has spaces where a tab belongs: columns are separated by tabs"),
            ("city\tAleppo    SY\n", "g.tsv:1: column 2 (name) \"Aleppo    SY\" has spaces where a tab belongs: columns are separated by tabs"),
            ("city\t.\tSY\n", "g.tsv:1: name \".\" has no letter or digit"),
            ("city\t=,;\tSY\n", "g.tsv:1: name \"=,;\" has no letter or digit"),
            ("city\tX\tSY\n", "g.tsv:1: name \"X\" is a single character (a name needs at least two)"),
            ("city\tAleppo\tSY\t\t\tHalab|-|Alep\n", "g.tsv:1: alias 2 \"-\" has no letter or digit"),
            ("city\tAleppo\tSY\t\t\tHalab|=A\n", "g.tsv:1: alias 2 \"=A\" is a single character (a name needs at least two)"),
        ];
        for (text, want) in cases {
            let got = parse("g.tsv", text).unwrap_err();
            assert_eq!(got.to_string(), want, "for {text:?}");
            assert_eq!(got.kind(), crate::ErrorKind::Gazetteer);
        }
    }

    #[test]
    fn code_checks() {
        assert!(is_iso3166_2("SY-DY"));
        assert!(is_iso3166_2("UA-09"));
        assert!(is_iso3166_2("IR-13"));
        assert!(!is_iso3166_2("SY-"));
        assert!(!is_iso3166_2("SY-ABCD"));
        assert!(!is_iso3166_2("sy-dy"));
        assert!(is_alpha2("RU"));
        assert!(!is_alpha2("R"));
    }
}
