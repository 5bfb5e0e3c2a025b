//! The built-in data, embedded from `data/` (see `data/README.md` for sources and licences):
//! the TSV files, and the index made of them ahead of time ([`super::index_file`]).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::Gazetteer;

/// The built-in gazetteer files: (file name, content).
///
/// A `static`, not a `const`: a constant of `include_str!`s is copied into every codegen unit
/// (and every crate) that names it, 2.5 MB each time.
pub static BUILTIN_FILES: [(&str, &str); 7] = [
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

/// The built-in index's tables (`data/builtin_index.bin`).
pub(crate) static INDEX: &[u8] = include_bytes!("../../data/builtin_index.bin");
/// [`INDEX`] as the name walk reads it: copied once into huge pages where the kernel gives
/// them ([`crate::huge_pages`]), else in place.
pub(crate) fn index() -> &'static [u8] {
    static COPY: Lazy<&'static [u8]> = Lazy::new(|| crate::huge_pages::copy_of(INDEX));
    &COPY
}

/// The built-in index's strings (`data/builtin_index.txt`): the built-in entries' text first.
pub(crate) static TEXT: &str = include_str!("../../data/builtin_index.txt");

/// The lengths of the files the built-in index is made of: every built-in file, then the
/// stoplist (an index made of other files is not used).
pub(crate) fn source_lengths() -> Vec<usize> {
    BUILTIN_FILES
        .iter()
        .map(|(_, t)| t.len())
        .chain([STOPLIST.len()])
        .collect()
}

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
    // The index made ahead of time; if it does not fit the data (a stale file), the same
    // index built from the TSV files. The built-in data is checked by the test suite;
    // should it ever fail to build, the extractor still works, with an empty gazetteer,
    // rather than panic.
    super::index_file::read(&source_lengths())
        .map_or_else(|| Gazetteer::builder().build_from_files(), Ok)
        .or_else(|_| Gazetteer::builder().builtin(false).build())
        .unwrap_or_else(|_| Gazetteer::empty())
});

pub(crate) fn shared() -> &'static Gazetteer {
    &SHARED
}

#[cfg(test)]
mod tests {
    use super::super::index_file;
    use super::*;

    /// The index files in `data/` are what the builder makes of the built-in TSV files
    /// (regenerate-and-diff); `CONFLICT_EVENTS_WRITE_INDEX=1` writes them.
    #[test]
    fn index_files_are_current() {
        let built = Gazetteer::builder().build_from_files().unwrap();
        let files = index_file::write(&built, &source_lengths()).unwrap();
        if std::env::var_os("CONFLICT_EVENTS_WRITE_INDEX").is_some() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/");
            std::fs::write(format!("{dir}builtin_index.bin"), &files.tables).unwrap();
            std::fs::write(format!("{dir}builtin_index.txt"), &files.text).unwrap();
            return;
        }
        let stale = "data/builtin_index.* are stale: run \
            CONFLICT_EVENTS_WRITE_INDEX=1 cargo test --lib index_files_are_current";
        assert!(files.text == TEXT, "{stale}");
        assert!(files.tables == INDEX, "{stale}");
        // and they read back to the same index
        let read = index_file::read(&source_lengths()).expect("the index files read");
        let again = index_file::write(&read, &source_lengths()).unwrap();
        assert!(again.tables == INDEX && again.text == TEXT);
        assert_eq!(read.entries(), built.entries());
    }

    /// The run filter stored in the index is read in place, and is what `Names::finish`
    /// makes of the keys read with it.
    #[test]
    fn stored_run_filter_is_what_finish_makes() {
        let mut read = index_file::read(&source_lengths()).expect("the index files read");
        let names = &mut std::sync::Arc::get_mut(&mut read.inner)
            .expect("a gazetteer of its own")
            .names_dict;
        let stored = names.lower_starts.lengths.clone();
        assert!(matches!(&stored, std::borrow::Cow::Borrowed(b) if b.iter().any(|&x| x != 0)));
        names.finish();
        assert!(names.lower_starts.lengths == stored);
    }

    /// An index made of other files (another length of any of them) is not used.
    #[test]
    fn a_stale_index_is_refused() {
        let mut lengths = source_lengths();
        assert!(index_file::read(&lengths).is_some());
        if let Some(first) = lengths.first_mut() {
            *first += 1;
        }
        assert!(index_file::read(&lengths).is_none());
        assert!(index_file::read(&[]).is_none());
    }
}
