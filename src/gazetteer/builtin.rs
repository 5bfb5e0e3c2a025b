//! The built-in data, embedded from `data/` (see `data/README.md` for sources and licences).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::Gazetteer;

/// The built-in gazetteer files: (file name, content).
pub const BUILTIN_FILES: [(&str, &str); 7] = [
    (
        "data/countries.tsv",
        include_str!("../../data/countries.tsv"),
    ),
    (
        "data/provinces.tsv",
        include_str!("../../data/provinces.tsv"),
    ),
    ("data/cities.tsv", include_str!("../../data/cities.tsv")),
    (
        "data/air_bases.tsv",
        include_str!("../../data/air_bases.tsv"),
    ),
    ("data/groups.tsv", include_str!("../../data/groups.tsv")),
    (
        "data/officials.tsv",
        include_str!("../../data/officials.tsv"),
    ),
    ("data/sources.tsv", include_str!("../../data/sources.tsv")),
];

const STOPLIST: &str = include_str!("../../data/stoplist.tsv");

/// The stoplist, lowercased: one pattern per line, `#` lines are comments.
pub(crate) fn stoplist() -> HashSet<String> {
    STOPLIST
        .lines()
        .map(|l| l.split('\t').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.to_ascii_lowercase())
        .collect()
}

static SHARED: Lazy<Gazetteer> = Lazy::new(|| {
    // The built-in data is checked by the test suite; should it ever fail to build, the
    // extractor still works, with an empty gazetteer, rather than panic.
    Gazetteer::builder()
        .build()
        .or_else(|_| Gazetteer::builder().builtin(false).build())
        .unwrap_or_else(|_| Gazetteer::empty())
});

pub(crate) fn shared() -> &'static Gazetteer {
    &SHARED
}
