//! User gazetteer files written carelessly or with hostile intent: byte-order marks, tabs
//! that are spaces, names that are punctuation or one letter, common words, duplicates.

use conflict_events::gazetteer::{EntryKind, Gazetteer, WarningKind, COMMON_WORDS};
use conflict_events::ErrorKind;

fn user(text: &str) -> Result<(Gazetteer, Vec<String>), String> {
    Gazetteer::builder()
        .builtin(false)
        .add_tsv("g.tsv", text)
        .build_with_warnings()
        .map(|(g, w)| (g, w.iter().map(ToString::to_string).collect()))
        .map_err(|e| {
            assert_eq!(e.kind(), ErrorKind::Gazetteer);
            e.to_string()
        })
}

fn found(g: &Gazetteer, text: &str) -> Vec<String> {
    g.find(text)
        .iter()
        .map(|m| m.span.get(text).unwrap_or("?").to_string())
        .collect()
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let (g, warnings) = user("\u{feff}armed_group\tRed Hand Brigade\t\t\t\tRHB\n").unwrap();
    assert_eq!(
        found(&g, "The RHB and the Red Hand Brigade"),
        ["RHB", "Red Hand Brigade"]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn tabs_that_are_spaces_or_trailing_are_named() {
    let cases = [
        (
            "city\tAleppo\tSY\t\tSY-HL\tHalab\tpop=1\t\n",
            "g.tsv:1: 8 columns, expected at most 7 (kind, name, country, code, province, \
             aliases, attrs): the line ends with a tab",
        ),
        (
            "# towns\ncity    Aleppo    SY\n",
            "g.tsv:2: no tab on the line: columns are separated by tabs, not spaces",
        ),
        (
            "city\tAleppo\tSY SY-HL\n",
            "g.tsv:1: column 3 (country) \"SY SY-HL\" has spaces where a tab belongs: columns \
             are separated by tabs",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(user(text).unwrap_err(), want, "for {text:?}");
    }
    // a trailing tab that leaves seven columns or fewer is only an empty column
    let (g, _) = user("city\tAleppo\tSY\t\n").unwrap();
    assert_eq!(g.entries()[0].country(), Some("SY"));
}

#[test]
fn punctuation_and_one_letter_names_are_refused() {
    let cases = [
        (
            "city\t.\tSY\n",
            "g.tsv:1: name \".\" has no letter or digit",
        ),
        ("city\t,\n", "g.tsv:1: name \",\" has no letter or digit"),
        (
            "city\t«»\tSY\n",
            "g.tsv:1: name \"«»\" has no letter or digit",
        ),
        (
            "city\tB\tSY\n",
            "g.tsv:1: name \"B\" is a single character (a name needs at least two)",
        ),
        (
            "armed_group\tRed Hand\t\t\t\tRH|R\n",
            "g.tsv:1: alias 2 \"R\" is a single character (a name needs at least two)",
        ),
        (
            "armed_group\tRed Hand\t\t\t\t...\n",
            "g.tsv:1: alias 1 \"...\" has no letter or digit",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(user(text).unwrap_err(), want, "for {text:?}");
    }
    // two characters, or digits, are names
    let (g, _) = user("city\tAş\tTR\ncity\t42\tSY\n").unwrap();
    assert_eq!(found(&g, "in Aş and 42"), ["Aş", "42"]);
}

#[test]
fn common_words_are_not_matched_unless_forced() {
    let text = "city\tSaid\tEG\ncity\tKilled\tXX\t\t\tKilled Town|the\ncity\t=The\tGB\n";
    let (g, warnings) = user(text).unwrap();
    assert_eq!(
        warnings,
        [
            "g.tsv:1: name \"Said\" is a common English word: not matched (write \"=Said\" to \
             match it as written)",
            "g.tsv:2: name \"Killed\" is a common English word: not matched (write \"=Killed\" \
             to match it as written)",
            "g.tsv:2: alias 2 \"the\" is a common English word: not matched (write \"=The\" to \
             match it as written)",
        ]
    );
    let article = "The army said 12 were killed in Killed Town. Said is in Egypt; the killed...";
    // "The" is forced: matched as written, so "the" is not
    assert_eq!(found(&g, article), ["The", "Killed Town"]);
    // the entries stay, with their names
    let names: Vec<&str> = g.entries().iter().map(|e| e.name()).collect();
    assert_eq!(names, ["Said", "Killed", "The"]);
    // the stoplist switch turns the check off
    let g = Gazetteer::builder()
        .builtin(false)
        .stoplist(false)
        .add_tsv("g.tsv", "city\tSaid\tEG\n")
        .build()
        .unwrap();
    assert_eq!(found(&g, "Said and said"), ["Said"]);
    assert!(COMMON_WORDS.contains(&"killed"));
}

#[test]
fn duplicates_are_merged_and_reported() {
    let text = "\
city\tTell Qarah\tSY\t\tSY-HA\tTal Qara\tpop=900
armed_group\tRed Hand\tSY
city\tTell Qarah\tSY\t\tSY-HA\tTell Qara|Tal Qara\tpop=1000;founded=1901
city\tTell Qarah\tSY\t\tSY-HM\t\t
";
    let (g, warnings) = user(text).unwrap();
    assert_eq!(
        warnings,
        ["g.tsv:3: duplicate of g.tsv:1 (city \"Tell Qarah\"): merged"]
    );
    // the one in another province stays apart
    assert_eq!(g.entries().len(), 3);
    let first = &g.entries()[0];
    assert_eq!(
        first.patterns().collect::<Vec<_>>(),
        ["Tell Qarah", "Tal Qara", "Tell Qara"]
    );
    // the first line's attributes win, the second's new keys are added
    assert_eq!(first.attr("pop"), Some("900"));
    assert_eq!(first.attr("founded"), Some("1901"));
    let hits = g.find("near Tell Qara");
    let kinds: Vec<EntryKind> = g.entries_of(&hits[0]).map(|(_, e)| e.kind()).collect();
    assert_eq!(kinds, [EntryKind::City]);
}

#[test]
fn a_user_line_that_repeats_a_built_in_entry_is_merged_into_it() {
    let (plain, _) = Gazetteer::builder().build_with_warnings().unwrap();
    let (g, warnings) = Gazetteer::builder()
        .add_tsv(
            "mine.tsv",
            "province\tIdlib\tSY\tSY-ID\t\tIdleb Governorate\n",
        )
        .build_with_warnings()
        .unwrap();
    assert_eq!(
        warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["mine.tsv:1: duplicate of a built-in entry (province \"Idlib\"): merged"]
    );
    assert_eq!(warnings[0].kind(), WarningKind::Duplicate);
    assert_eq!((warnings[0].file(), warnings[0].line()), ("mine.tsv", 1));
    assert_eq!(g.entries().len(), plain.entries().len());
    let hits = g.find("in Idleb Governorate");
    let codes: Vec<_> = g.entries_of(&hits[0]).map(|(_, e)| e.code()).collect();
    assert_eq!(codes, [Some("SY-ID")]);
}

#[test]
fn the_built_in_data_builds_without_warnings() {
    let (g, warnings) = Gazetteer::builder().build_with_warnings().unwrap();
    assert!(
        warnings.is_empty(),
        "{:?}",
        &warnings[..warnings.len().min(5)]
    );
    assert_eq!(g.entries().len(), Gazetteer::builtin().entries().len());
    assert_eq!(g.pattern_count(), Gazetteer::builtin().pattern_count());
}

#[test]
fn a_large_file_builds_and_finds_its_last_line() {
    // 20,000 generated towns, every one a distinct name, plus a duplicate of each tenth
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!(
            "city\tZq{i}town\tSY\t\tSY-HL\tZq{i}ville\tpop={i}\n"
        ));
    }
    for i in (0..20_000).step_by(10) {
        text.push_str(&format!("city\tZq{i}town\tSY\t\tSY-HL\tZq{i}burg\n"));
    }
    let (g, warnings) = user(&text).unwrap();
    assert_eq!(g.entries().len(), 20_000);
    assert_eq!(warnings.len(), 2_000);
    assert_eq!(g.pattern_count(), 42_000);
    assert_eq!(
        found(&g, "from Zq19999ville to Zq19990burg"),
        ["Zq19999ville", "Zq19990burg"]
    );
}
