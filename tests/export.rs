//! The exporters: CSV quoting and columns, casualty figures folded into `fatalities`, and
//! the HTML page's marks, read back with small parsers of our own.

use std::collections::BTreeMap;

use conflict_events::export::CSV_COLUMNS;
use conflict_events::export::{csv_field, fields, html_page, Article, Csv, LineEnding};
use conflict_events::{Document, Event, Extractor, NaiveDate};

// ---------------------------------------------------------------------------------------
// A reader of RFC 4180 CSV, to check what the writer writes.

/// Records of an RFC 4180 text; `\r\n` and `\n` both end a record outside quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => {
                assert!(
                    field.is_empty(),
                    "a quote inside an unquoted field: {text:?}"
                );
                quoted = true;
            }
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() != Some(&'\n') => panic!("a CR without LF: {text:?}"),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an open quote at the end: {text:?}");
    assert!(
        field.is_empty() && record.is_empty(),
        "no line end at the end"
    );
    records
}

/// Writes header and rows, checks the line ends, reads them back as column -> value maps.
fn csv_rows(
    article: &Article<'_>,
    events: &[Event],
    ending: LineEnding,
) -> Vec<BTreeMap<String, String>> {
    let csv = Csv::new().line_ending(ending);
    let mut out = Vec::new();
    csv.write_header(&mut out).expect("a Vec takes it");
    let n = csv
        .write_rows(&mut out, article, events)
        .expect("a Vec takes it");
    let text = String::from_utf8(out).expect("CSV is UTF-8");
    let records = parse_csv(&text);
    assert_eq!(records.len(), n + 1, "{text}");
    assert_eq!(records[0], CSV_COLUMNS, "the header");
    // outside quoted fields, every line end is the one asked for
    let outside: String = text.split('"').step_by(2).collect();
    let ends = outside.matches('\n').count();
    assert_eq!(ends, records.len(), "{text:?}");
    match ending {
        LineEnding::CrLf => assert_eq!(outside.matches("\r\n").count(), ends, "{text:?}"),
        _ => assert!(!outside.contains('\r'), "{text:?}"),
    }
    records[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.len(), CSV_COLUMNS.len(), "{r:?}");
            CSV_COLUMNS
                .iter()
                .map(|c| c.to_string())
                .zip(r.iter().cloned())
                .collect()
        })
        .collect()
}

#[test]
fn fields_are_quoted_by_rfc_4180() {
    let cases = [
        ("", ""),
        ("Idlib", "Idlib"),
        (" spaced ", " spaced "),
        ("Ma’arrat al-Nu’man", "Ma’arrat al-Nu’man"),
        ("Aleppo, Syria", "\"Aleppo, Syria\""),
        ("\"", "\"\"\"\""),
        ("the \"raids\"", "\"the \"\"raids\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("crlf\r\n", "\"crlf\r\n\""),
        ("semi;colon|pipe\ttab", "semi;colon|pipe\ttab"),
        (",\",\"", "\",\"\",\"\"\""),
    ];
    for (raw, quoted) in cases {
        assert_eq!(csv_field(raw), quoted, "{raw:?}");
        // and a reader gets the field back, alone and between others
        let line = format!("a,{},b\r\n", csv_field(raw));
        assert_eq!(parse_csv(&line), [vec!["a", raw, "b"]], "{line:?}");
    }
}

/// An event of every kind but a casualty, and figures pointing at them, built from JSON
/// (the output types are `#[non_exhaustive]`: JSON is how a user builds them). The clash's
/// actor and target cross, and the target holds a figure; the development's actor is past
/// the end of the text.
const EVERY_KIND: &str = r#"[
 {"type":"strike","modality":"asserted","evidence":[[0,44]],"category":"Air/drone strike",
  "actor":{"name":"Forces, \"Special\"","kind":"military","country":"RU","span":[0,7]},
  "base":null,"targets":[],"provinces":[],"locations":[],"date":null,"weapon":"air",
  "fatalities":null},
 {"type":"explosion","category":"Remote explosive/landmine/IED","device":"ied",
  "modality":"asserted","evidence":[[45,77]],"actor":null,"targets":[],"provinces":[],
  "locations":[],"date":null,"fatalities":{"value":5,"low":null,"high":null,
  "qualifier":"exact","text":"five","span":[59,63]}},
 {"type":"clash","category":"Armed clash","territory":null,"modality":"asserted",
  "evidence":[[78,115]],
  "actor":{"name":"Russian jets","kind":"military","country":"RU","span":[0,12]},
  "targets":[{"name":"jets hit, 40","kind":"generic","country":null,"span":[8,20]}],
  "provinces":[],"locations":[],"date":null,"fatalities":null},
 {"type":"attack","category":"Attack","modality":"planned","evidence":[[78,115]],
  "actor":null,"targets":[],"provinces":[],"locations":[],"date":null,"fatalities":null},
 {"type":"protest","category":"Peaceful protest","size":null,"about":null,
  "about_span":null,"modality":"asserted","evidence":[],"actor":null,"targets":[],
  "provinces":[],"locations":[],"date":null,"fatalities":null},
 {"type":"riot","category":"Mob violence","size":null,"about":null,"about_span":null,
  "modality":"asserted","evidence":[],"actor":null,"targets":[],"provinces":[],
  "locations":[],"date":null,"fatalities":null},
 {"type":"development","category":"Arrests","modality":"negated","evidence":[],
  "actor":{"name":"past the end","kind":"generic","country":null,"span":[100,200]},
  "targets":[],"provinces":[],"locations":[],"date":null,"fatalities":null},
 {"type":"casualty","modality":"asserted","evidence":[[0,44]],"kind":"killed",
  "count":{"value":7,"low":null,"high":null,"qualifier":"exact","text":"7","span":[27,28]},
  "victims":{"text":null,"category":"people","span":null},"cumulative":false,
  "perpetrator":null,"place":null,"province":null,"date":null,
  "source":"a monitor","source_span":[39,43],"event":0},
 {"type":"casualty","modality":"asserted","evidence":[[0,44]],"kind":"killed",
  "count":{"value":null,"low":24,"high":null,"qualifier":"vague","text":"dozens",
  "span":[32,38]},"victims":{"text":null,"category":"people","span":null},
  "cumulative":false,"perpetrator":null,"place":null,"province":null,"date":null,
  "source":"Example Wire","source_span":[39,43],"event":0},
 {"type":"casualty","modality":"asserted","evidence":[[0,44]],"kind":"wounded",
  "count":{"value":40,"low":null,"high":null,"qualifier":"exact","text":"40",
  "span":[18,20]},"victims":{"text":null,"category":"people","span":null},
  "cumulative":false,"perpetrator":null,"place":null,"province":null,"date":null,
  "source":null,"source_span":null,"event":0},
 {"type":"casualty","modality":"asserted","evidence":[[45,77]],"kind":"killed",
  "count":{"value":9,"low":null,"high":null,"qualifier":"exact","text":"9","span":[70,71]},
  "victims":{"text":null,"category":"people","span":null},"cumulative":false,
  "perpetrator":null,"place":null,"province":null,"date":null,"source":null,
  "source_span":null,"event":1},
 {"type":"casualty","modality":"asserted","evidence":[[78,115]],"kind":"killed",
  "count":{"value":280000,"low":280000,"high":null,"qualifier":"more_than",
  "text":"more than 280,000","span":[97,114]},
  "victims":{"text":null,"category":"people","span":null},"cumulative":true,
  "perpetrator":null,"place":null,"province":null,"date":null,"source":null,
  "source_span":null,"event":null},
 {"type":"casualty","modality":"hypothetical","evidence":[[0,44]],"kind":"killed",
  "count":{"value":100,"low":null,"high":null,"qualifier":"up_to","text":"7","span":[27,28]},
  "victims":{"text":null,"category":"people","span":null},"cumulative":false,
  "perpetrator":null,"place":null,"province":null,"date":null,"source":null,
  "source_span":null,"event":0},
 {"type":"casualty","modality":"asserted","evidence":[[0,44]],"kind":"killed",
  "count":{"value":500,"low":null,"high":null,"qualifier":"exact","text":"dozens",
  "span":[32,38]},"victims":{"text":null,"category":"people","span":null},
  "cumulative":true,"perpetrator":null,"place":null,"province":null,"date":null,
  "source":null,"source_span":null,"event":0},
 {"type":"casualty","modality":"asserted","evidence":[[78,115]],"kind":"killed",
  "count":{"value":3,"low":null,"high":null,"qualifier":"exact","text":"3","span":[70,71]},
  "victims":{"text":null,"category":"people","span":null},"cumulative":false,
  "perpetrator":null,"place":null,"province":null,"date":null,"source":null,
  "source_span":null,"event":99}
]"#;

const EVERY_KIND_TEXT: &str = "Russian jets hit, 40 hurt, 7 or dozens dead. \
An IED killed five, then 9 more. The war has killed more than 280,000.";

fn every_kind() -> Vec<Event> {
    serde_json::from_str(EVERY_KIND).expect("the JSON of every kind reads")
}

#[test]
fn one_row_per_event_and_figures_feed_their_event() {
    let events = every_kind();
    let article = Article::new(EVERY_KIND_TEXT)
        .id("kinds")
        .source("Example Wire");
    let rows = csv_rows(&article, &events, LineEnding::CrLf);
    let col = |i: usize, c: &str| rows[i][c].as_str();
    // seven events, eight casualty figures: seven rows, no figure a row of its own
    let types: Vec<&str> = (0..rows.len()).map(|i| col(i, "type")).collect();
    assert_eq!(
        types,
        [
            "strike",
            "explosion",
            "clash",
            "attack",
            "protest",
            "riot",
            "development"
        ]
    );
    let event_types: Vec<&str> = (0..rows.len()).map(|i| col(i, "event_type")).collect();
    assert_eq!(
        event_types,
        [
            "Explosions/Remote violence",
            "Explosions/Remote violence",
            "Battles",
            "Violence against civilians",
            "Protests",
            "Riots",
            "Strategic developments"
        ]
    );
    assert_eq!(col(1, "sub_event_type"), "Remote explosive/landmine/IED");
    // the strike has no figure of its own: 7 + "dozens" (24) killed point at it; the 40
    // wounded, the hypothetical 100 and the running toll of 500 do not count
    assert_eq!(col(0, "fatalities"), "31");
    // the explosion's own figure wins over the 9 pointing at it
    assert_eq!(col(1, "fatalities"), "5");
    // the running toll points at no event and the figure pointing past the list is ignored
    assert_eq!(col(2, "fatalities"), "0");
    // the article's source, then the figures' sources, each once
    assert_eq!(col(0, "source"), "Example Wire; a monitor");
    assert_eq!(col(2, "source"), "Example Wire");
    assert_eq!(col(0, "actor1"), "Forces, \"Special\"");
    assert_eq!(col(3, "modality"), "planned");
    assert_eq!(col(6, "modality"), "negated");
    assert_eq!(
        col(0, "notes"),
        "Russian jets hit, 40 hurt, 7 or dozens dead."
    );
    assert_eq!(col(0, "evidence"), "[[0,44]]");
    assert_eq!(col(4, "evidence"), "[]");
    assert_eq!(col(4, "notes"), "");
    assert!(rows.iter().all(|r| r["article_id"] == "kinds"));
}

#[test]
fn line_ends_are_crlf_by_default_and_lf_on_request() {
    let events = every_kind();
    let article = Article::new(EVERY_KIND_TEXT);
    let mut crlf = Vec::new();
    Csv::new().write_header(&mut crlf).expect("a Vec takes it");
    assert!(crlf.ends_with(b"evidence\r\n"));
    let lf = csv_rows(&article, &events, LineEnding::Lf);
    let crlf = csv_rows(&article, &events, LineEnding::CrLf);
    assert_eq!(lf, crlf, "the line end changes no value");
}

#[test]
fn spans_from_another_text_do_not_break_a_row() {
    // the events of a longer text written with a shorter one: no notes, no panic
    let events = every_kind();
    let rows = csv_rows(&Article::new("short"), &events, LineEnding::Lf);
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| r["notes"].is_empty()));
    // and the page draws none of them, but lists them
    let page = html_page(&Article::new("short"), &events);
    assert!(!page.contains("<mark"), "a mark outside the text");
    assert!(page.contains("is not in the text"));
}

/// Our own article: one strike, no casualty figure (its `fatalities` is 0 whatever the
/// rules that tie figures to events do), quotes and commas in the sentence.
const SHELLING: &str = "Syrian army artillery shelled rebel positions in the town of Jisr \
al-Shughur in Idlib province on Saturday, residents said, describing the \"heaviest \
bombardment, by far\" this year.";

#[test]
fn a_strike_extracted_from_an_article_is_one_row_in_acled_columns() {
    let date = NaiveDate::from_ymd_opt(2019, 5, 13).expect("a date"); // a Monday
    let events = Extractor::new().extract(&Document::new(SHELLING).published(date));
    let article = Article::new(SHELLING).id("jisr-1").source("Example Wire");
    let rows = csv_rows(&article, &events, LineEnding::CrLf);
    assert_eq!(rows.len(), 1, "{events:#?}");
    let row = &rows[0];
    let expect = [
        ("event_date", "2019-05-11"),
        ("event_type", "Explosions/Remote violence"),
        ("sub_event_type", "Shelling/artillery/missile attack"),
        ("actor1", "Syrian Arab Army"),
        ("actor2", "rebel"),
        ("country", "Syria"),
        ("admin1", "Idlib"),
        ("location", "Jisr al-Shughur"),
        ("source", "Example Wire"),
        ("notes", SHELLING),
        ("fatalities", "0"),
        ("country_code", "SY"),
        ("admin1_code", "SY-ID"),
        ("article_id", "jisr-1"),
        ("type", "strike"),
        ("modality", "asserted"),
        ("date_precision", "day"),
        ("evidence", "[[0,180]]"),
    ];
    for (column, value) in expect {
        assert_eq!(row[column], value, "column {column}");
    }
    assert_eq!(expect.len(), CSV_COLUMNS.len(), "every column checked");
}

// ---------------------------------------------------------------------------------------
// A reader of the page's text: the tags the page writes and their attributes.

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#13;", "\r")
        .replace("&amp;", "&")
}

fn attrs(tag: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].rsplit(' ').next().unwrap_or("").to_string();
        let value_end = rest[eq + 2..].find('"').expect("a closed attribute") + eq + 2;
        out.insert(name, unescape(&rest[eq + 2..value_end]));
        rest = &rest[value_end + 1..];
    }
    out
}

/// What the page's text holds: the text, and the text under each field mark (keyed by
/// event, field, start, end) and each evidence band (keyed by events, start, end), the
/// pieces of a cut mark put together.
#[derive(Debug, Default)]
struct Drawn {
    text: String,
    fields: BTreeMap<(usize, String, usize, usize), String>,
    evidence: BTreeMap<(String, usize, usize), String>,
    labels: usize,
}

fn read_page(page: &str) -> Drawn {
    let start = page
        .find("<article class=\"text\" id=\"text\">")
        .expect("the text")
        + 32;
    let end = page[start..].find("</article>").expect("the text's end") + start;
    let mut rest = &page[start..end];
    let mut open: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    let mut drawn = Drawn::default();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("</") {
            let close = after.find('>').expect("a closed tag");
            let (name, _) = open.pop().expect("a tag to close");
            assert_eq!(name, after[..close], "tags nest");
            rest = &after[close + 1..];
        } else if let Some(after) = rest.strip_prefix('<') {
            let close = after.find('>').expect("a closed tag");
            let tag = &after[..close];
            let name = tag.split(' ').next().unwrap_or("").to_string();
            let a = attrs(tag);
            if a.get("class").is_some_and(|c| c == "lbl") {
                drawn.labels += 1;
            }
            open.push((name, a));
            rest = &after[close + 1..];
        } else {
            let stop = rest.find('<').unwrap_or(rest.len());
            let words = unescape(&rest[..stop]);
            drawn.text.push_str(&words);
            for (name, a) in &open {
                let n = |k: &str| a[k].parse::<usize>().expect("a number");
                if name == "mark" {
                    let key = (
                        n("data-event"),
                        a["data-field"].clone(),
                        n("data-start"),
                        n("data-end"),
                    );
                    drawn.fields.entry(key).or_default().push_str(&words);
                } else if a.get("class").is_some_and(|c| c == "ev") {
                    let key = (a["data-events"].clone(), n("data-start"), n("data-end"));
                    drawn.evidence.entry(key).or_default().push_str(&words);
                }
            }
            rest = &rest[stop..];
        }
    }
    assert!(open.is_empty(), "unclosed tags {open:?}");
    drawn
}

/// Every field with a span is drawn, once, over the words of its span; every evidence span
/// is a band over its words; nothing else is drawn.
fn assert_drawn(text: &str, events: &[Event], page: &str) {
    let drawn = read_page(page);
    assert_eq!(drawn.text, text, "the page shows the whole text, unchanged");
    let mut want = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        for f in fields(e) {
            // a span outside the text or empty is not drawn
            let Some(span) = f.span.filter(|s| !s.is_empty()) else {
                continue;
            };
            if let Some(words) = span.get(text) {
                want.insert((i, f.name, span.start, span.end), words.to_string());
            }
        }
    }
    assert_eq!(drawn.fields, want);
    assert_eq!(drawn.labels, want.len(), "one label per field");
    for (i, e) in events.iter().enumerate() {
        for s in e.evidence() {
            let band = drawn
                .evidence
                .iter()
                .find(|((ids, a, b), _)| {
                    (*a, *b) == (s.start, s.end) && ids.split(' ').any(|id| id == i.to_string())
                })
                .unwrap_or_else(|| panic!("no band for evidence {s:?} of event {i}"));
            assert_eq!(Some(band.1.as_str()), s.get(text));
        }
    }
}

/// An article with HTML in it, non-ASCII letters and a CR LF.
const HOSTILE: &str =
    "Ukrainian drones struck an oil depot in Bryansk <script>alert('x')</script> \
& \"Novozybkov\" overnight, the region’s governor said.\r\nNo one was hurt.";

#[test]
fn the_page_escapes_the_text_and_shows_it_whole() {
    let events = Extractor::new().extract(&Document::new(HOSTILE));
    assert!(!events.is_empty());
    let page = html_page(&Article::new(HOSTILE).id("<b>id</b>"), &events);
    assert!(
        !page.contains("<script>alert"),
        "the text's HTML is escaped"
    );
    assert!(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(page.contains("<title>&lt;b&gt;id&lt;/b&gt;"));
    assert_drawn(HOSTILE, &events, &page);
}

#[test]
fn the_page_fetches_nothing() {
    let events = Extractor::new().extract(&Document::new(SHELLING));
    let page = html_page(&Article::new(SHELLING), &events);
    for needle in ["http:", "https:", "src=", "<link", "@import", "url("] {
        assert!(!page.contains(needle), "{needle} in the page");
    }
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert_eq!(page.matches("<script>").count(), 1, "one inline script");
}

#[test]
fn the_page_of_an_extracted_article_marks_every_field() {
    let date = NaiveDate::from_ymd_opt(2019, 5, 13).expect("a date");
    let text = "Russian warplanes struck Islamic State positions near Palmyra on Sunday, \
                killing 12 militants, the Syrian Observatory for Human Rights said. \
                The war has killed more than 280,000 people.";
    let events = Extractor::new().extract(&Document::new(text).published(date));
    assert!(events.iter().any(|e| e.as_strike().is_some()));
    assert!(events.iter().any(|e| e.as_casualty().is_some()));
    assert_drawn(text, &events, &html_page(&Article::new(text), &events));
}

/// Spans that nest, cross, repeat, fall inside a char or outside the text.
#[test]
fn overlapping_and_bad_spans() {
    let text = "Mortars hit Dar’a and Busra al-Harir at dawn.";
    let entity = |s: usize, e: usize| {
        format!(r#"{{"name":"N","kind":"generic","country":null,"span":[{s},{e}]}}"#)
    };
    let place = |s: usize, e: usize| {
        format!(r#"{{"name":"P","kind":"city","code":null,"country":"SY","span":[{s},{e}]}}"#)
    };
    // Dar’a is 12..19 (’ is 15..18, three bytes); 16 is inside it
    let json = format!(
        r#"[{{"type":"attack","category":"Attack","modality":"asserted",
        "evidence":[[0,48],[8,30]],"actor":{a},"targets":[{t0},{t1},{t2}],"provinces":[],
        "locations":[{l0},{l1},{l2}],"date":null,"fatalities":null}},
        {{"type":"clash","category":"Armed clash","territory":null,"modality":"asserted",
        "evidence":[[0,48]],"actor":{a},"targets":[],"provinces":[],"locations":[{l0}],
        "date":null,"fatalities":null}}]"#,
        a = entity(0, 11),
        t0 = entity(8, 19),
        t1 = entity(16, 19),
        t2 = entity(40, 99),
        l0 = place(12, 19),
        l1 = place(24, 37),
        l2 = place(20, 20),
    );
    let events: Vec<Event> = serde_json::from_str(&json).expect("the JSON reads");
    let page = html_page(&Article::new(text), &events);
    let drawn = read_page(&page);
    assert_eq!(drawn.text, text);
    let get = |e: usize, f: &str, s: usize, end: usize| {
        drawn.fields.get(&(e, f.to_string(), s, end)).cloned()
    };
    // actor 0..11 and targets[0] 8..19 cross: targets[0] is cut in two, read back whole
    assert_eq!(get(0, "actor", 0, 11).as_deref(), Some("Mortars hit"));
    assert_eq!(get(0, "targets[0]", 8, 19).as_deref(), Some("hit Dar’a"));
    assert_eq!(
        page.matches(r#"data-field="targets[0]""#).count(),
        2,
        "two pieces"
    );
    // the same span in two events: a mark each
    assert_eq!(get(0, "locations[0]", 12, 19).as_deref(), Some("Dar’a"));
    assert_eq!(get(1, "locations[0]", 12, 19).as_deref(), Some("Dar’a"));
    assert_eq!(get(1, "actor", 0, 11).as_deref(), Some("Mortars hit"));
    // inside a char, past the end, empty: listed, not drawn
    assert_eq!(get(0, "targets[1]", 16, 19), None);
    assert_eq!(get(0, "targets[2]", 40, 99), None);
    assert_eq!(get(0, "locations[2]", 20, 20), None);
    assert_eq!(drawn.fields.len(), 6, "{:?}", drawn.fields.keys());
    assert!(page.contains(r#"data-ref-field="targets[1]""#));
    // the evidence [0,48] is past the end too; [8,30] is a band of event 0 only
    assert_eq!(
        drawn.evidence.keys().collect::<Vec<_>>(),
        [&("0".to_string(), 8, 30)]
    );
}

#[test]
fn shared_evidence_is_one_band_of_both_colours() {
    let events = every_kind();
    let page = html_page(&Article::new(EVERY_KIND_TEXT), &events);
    let drawn = read_page(&page);
    // the strike and its five figures read from [0,44]: one band
    assert!(
        drawn
            .evidence
            .contains_key(&("0 7 8 9 12 13".to_string(), 0, 44)),
        "{:?}",
        drawn.evidence.keys()
    );
    assert!(page.contains("rgba(239,131,84,.2) 0% 16%,rgba(110,190,90,.2) 16% 33%"));
    for kind in [
        "strike",
        "explosion",
        "clash",
        "attack",
        "protest",
        "riot",
        "development",
        "casualty",
    ] {
        assert!(
            page.contains(&format!("class=\"card t-{kind}\"")),
            "no {kind} card"
        );
    }
    assert!(page.contains("caused by event 1"));
    assert!(page.contains("figures: event 8, 9, 10, 13, 14"));
}

/// Writes a page of constructed events of every kind, with its text and JSON, for the
/// browser check (`scripts/browser_check.py`), which opens it in Chromium.
#[test]
fn every_kind_page_for_the_browser_check() {
    let events = every_kind();
    let page = html_page(&Article::new(EVERY_KIND_TEXT).id("every kind"), &events);
    assert_drawn(EVERY_KIND_TEXT, &events, &page);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("export-pages");
    std::fs::create_dir_all(&dir).expect("a folder under target/tmp");
    let json = serde_json::to_string(&events).expect("events serialize");
    for (name, body) in [
        ("every-kind.txt", EVERY_KIND_TEXT),
        ("every-kind.json", &json),
        ("every-kind.html", &page),
    ] {
        std::fs::write(dir.join(name), body).expect("written");
    }
}
