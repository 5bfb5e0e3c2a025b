//! The user gazetteer TSV parser and builder on arbitrary files: no panic; an error names
//! the file and a line of it; a built gazetteer holds only names with a letter or digit and
//! two characters or more, finds mentions in order on char boundaries, and builds the
//! same twice.
#![no_main]

use conflict_events::gazetteer::Gazetteer;
use conflict_events::ErrorKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let lines = text.lines().count().max(1);
    let build = || {
        Gazetteer::builder()
            .builtin(false)
            .add_tsv("fuzz.tsv", text.as_ref())
            .build_with_warnings()
    };
    let (g, warnings) = match build() {
        Ok(built) => built,
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "a message on one line: {msg:?}");
            if e.kind() == ErrorKind::Gazetteer {
                let line: usize = msg
                    .strip_prefix("fuzz.tsv:")
                    .and_then(|r| r.split(':').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("no file:line in {msg:?}"));
                assert!((1..=lines).contains(&line), "{msg:?} of {lines} lines");
            }
            assert_eq!(build().map(|_| ()), Err(e), "the same error twice");
            return;
        }
    };
    for w in &warnings {
        assert_eq!(w.file(), "fuzz.tsv");
        assert!((1..=lines).contains(&w.line()), "{w} of {lines} lines");
    }
    for e in g.entries() {
        let name = e.name();
        assert!(name.chars().any(char::is_alphanumeric), "{e:?}");
        assert!(name.chars().nth(1).is_some(), "{e:?}");
        assert!(e.country().is_none_or(|c| c.len() == 2), "{e:?}");
        assert!(
            e.patterns().all(|p| !p.trim_start_matches('=').is_empty()),
            "{e:?}"
        );
    }
    let (again, warnings_again) = build().expect("built once, builds twice");
    assert_eq!(g.entries(), again.entries());
    assert_eq!(warnings, warnings_again);
    // the file's own text, where its names are
    let mut end = 0;
    for m in g.find(&text) {
        assert!(m.span.start >= end, "overlapping or out of order: {m:?}");
        assert!(m.span.get(&text).is_some(), "{m:?} off the text");
        assert!(g.entries_of(&m).next().is_some(), "{m:?} names nothing");
        end = m.span.end;
    }
});
