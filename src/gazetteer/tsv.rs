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

use super::{Entry, EntryKind};
use crate::error::Error;

/// Parses one gazetteer file. `file` names it in error messages.
pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Entry>, Error> {
    let mut entries = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        entries.push(parse_line(file, line_no, line)?);
    }
    Ok(entries)
}

fn parse_line(file: &str, line_no: usize, line: &str) -> Result<Entry, Error> {
    let err = |reason: String| Error::gazetteer(file, line_no, reason);
    let mut cols = [""; 7];
    let mut n = 0;
    for c in line.split('\t') {
        if let Some(slot) = cols.get_mut(n) {
            *slot = c.trim();
        }
        n += 1;
    }
    if n > 7 {
        return Err(err(format!(
            "{n} columns, expected at most 7 (kind, name, country, code, province, aliases, attrs)"
        )));
    }
    let col = |i: usize| cols.get(i).copied().unwrap_or("");
    let kind_word = col(0);
    let kind = EntryKind::from_word(kind_word).ok_or_else(|| {
        err(format!(
            "unknown kind {kind_word:?} (expected one of: {})",
            EntryKind::ALL_WORDS.join(", ")
        ))
    })?;
    let name = col(1);
    if strip_cs(name).is_empty() {
        return Err(err("empty name".to_string()));
    }
    let country = col(2);
    if !country.is_empty() && !is_alpha2(country) {
        return Err(err(format!(
            "country {country:?} is not an ISO 3166-1 alpha-2 code (two capital letters)"
        )));
    }
    let code = col(3);
    match kind {
        EntryKind::Country if !is_alpha2(code) => {
            return Err(err(format!(
                "country code {code:?} is not an ISO 3166-1 alpha-2 code"
            )))
        }
        EntryKind::Province if !is_iso3166_2(code) => {
            return Err(err(format!(
                "province code {code:?} is not an ISO 3166-2 code (like SY-DY)"
            )))
        }
        _ => {}
    }
    let province = col(4);
    if !province.is_empty() && !is_iso3166_2(province) {
        return Err(err(format!(
            "province {province:?} is not an ISO 3166-2 code (like SY-DY)"
        )));
    }
    let aliases = col(5);
    let mut patterns =
        Vec::with_capacity(1 + aliases.matches('|').count() + usize::from(!aliases.is_empty()));
    patterns.push(name.to_string());
    if !aliases.is_empty() {
        for (n, alias) in aliases.split('|').enumerate() {
            let alias = alias.trim();
            if strip_cs(alias).is_empty() {
                return Err(err(format!("alias {} is empty", n + 1)));
            }
            patterns.push(alias.to_string());
        }
    }
    let attr_col = col(6);
    if let Some(pair) = attr_col
        .split(';')
        .filter(|p| !p.trim().is_empty())
        .find(|p| !p.contains('='))
    {
        return Err(err(format!("attribute {pair:?} is not key=value")));
    }
    let attrs = attr_col.to_string();
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    Ok(Entry {
        kind,
        name: strip_cs(name).to_string(),
        country: opt(country),
        code: opt(code),
        province: opt(province),
        patterns,
        attrs,
    })
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
        assert_eq!(e[0].kind, EntryKind::City);
        assert_eq!(e[0].name, "Aleppo");
        assert_eq!(e[0].province.as_deref(), Some("SY-HL"));
        assert_eq!(e[0].patterns, vec!["Aleppo", "Halab", "Alep"]);
        assert_eq!(e[0].attr("pop"), Some("2000000"));
    }

    #[test]
    fn trailing_columns_may_be_omitted_and_crlf_is_accepted() {
        let e = parse("t.tsv", "armed_group\tHamas\r\n").unwrap();
        assert_eq!(e[0].name, "Hamas");
        assert_eq!(e[0].country, None);
    }

    #[test]
    fn errors_name_file_line_and_reason() {
        let cases = [
            ("x\tY\n", "g.tsv:1: unknown kind \"x\" (expected one of: country, demonym, metonym, province, city, district, air_base, armed_group, military, official, source)"),
            ("# c\ncity\t\n", "g.tsv:2: empty name"),
            ("city\tA\tsyr\n", "g.tsv:1: country \"syr\" is not an ISO 3166-1 alpha-2 code (two capital letters)"),
            ("province\tIdlib\tSY\tIdlib\n", "g.tsv:1: province code \"Idlib\" is not an ISO 3166-2 code (like SY-DY)"),
            ("country\tSyria\tSY\tSYR\n", "g.tsv:1: country code \"SYR\" is not an ISO 3166-1 alpha-2 code"),
            ("city\tA\tSY\t\tSY-HL\tB||C\n", "g.tsv:1: alias 2 is empty"),
            ("city\tA\tSY\t\tSY-HL\t\tpop\n", "g.tsv:1: attribute \"pop\" is not key=value"),
            ("city\tA\tSY\t\tHL\n", "g.tsv:1: province \"HL\" is not an ISO 3166-2 code (like SY-DY)"),
            ("city\tA\t\t\t\t\t\tz\n", "g.tsv:1: 8 columns, expected at most 7 (kind, name, country, code, province, aliases, attrs)"),
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
