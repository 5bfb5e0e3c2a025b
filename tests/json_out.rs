//! The batch mode's JSON writer (`examples/support/json_out.rs`, included with the batch
//! mode's line handling by `batch_mode`): its output is byte-identical to `serde_json::to_string` for strings of every
//! kind, for any JSON value, for every serde shape, and for the events of war-news texts
//! whose spans quote control chars, quotes and backslashes. And the batch mode's line
//! reader, which finds newlines and backslashes eight bytes at a time, against a plain
//! split and serde_json's reading of the surrogates it rewrites; and its JSON reader, whose
//! fast path for flat objects of strings reads what serde_json reads, and leaves the rest
//! (with every error) to it.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use conflict_events::{Document, Extractor};
use proptest::prelude::*;
use serde::{Serialize, Serializer};
use serde_json::{Map, Number, Value};

use crate::batch_mode::jsonl::{self, json_out};

/// Both writers' results, as `Result<String, ()>` so that two failures compare equal.
fn both<T: Serialize + ?Sized>(value: &T) -> (Result<String, ()>, Result<String, ()>) {
    (
        json_out::to_string(value, 0).map_err(|_| ()),
        serde_json::to_string(value).map_err(|_| ()),
    )
}

fn assert_same<T: Serialize + ?Sized>(value: &T) {
    let (ours, theirs) = both(value);
    assert_eq!(ours, theirs);
}

/// Chars that need an escape or sit at an edge of the writer's word reads, and plain ones.
const CHARS: &[char] = &[
    '"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\u{0}', '\u{1}', '\u{1f}', ' ', '\u{7f}',
    '\u{80}', '\u{a0}', '\u{2028}', '\u{2029}', 'é', '€', '😀', 'a', 'Z', '0', '/', '<', '}',
];

/// Strings of up to 40 chars from [`CHARS`]: every length around the 7, 8 and 16-byte
/// edges of the writer's fast paths, with escapes at every position.
fn tricky_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(CHARS), 0..40).prop_map(|c| c.into_iter().collect())
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<u64>().prop_map(Number::from),
        any::<i64>().prop_map(Number::from),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
        (0u64..1000).prop_map(Number::from),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        tricky_string().prop_map(Value::String),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((tricky_string(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

const NEWS: &[&str] = &[
    "Russian",
    "warplanes",
    "struck",
    "Aleppo",
    "on",
    "Tuesday",
    "killing",
    "12",
    "civilians",
    "militants",
    "an",
    "airstrike",
    "in",
    "Idlib",
    "province",
    "hit",
    "a",
    "market",
    "shelling",
    "Kharkiv",
    "wounded",
    "at",
    "least",
    "30",
    "people",
    "drone",
    "strike",
    "Somalia",
    "said",
    "the",
    "army",
    "clashes",
    "Houthi",
    "rebels",
    "Yemen",
    "\"",
    "\\",
    "\u{1}",
    "\t",
    "\u{2028}",
    "«",
    "»",
    "—",
    "é",
];

/// War-news texts with quotes, backslashes and control chars between the words, which the
/// events' quoted text then holds.
fn news() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(NEWS),
            prop::sample::select(&[" ", ", ", ". ", "\n", " \" "][..]),
        ),
        0..60,
    )
    .prop_map(|parts| parts.into_iter().flat_map(|(w, s)| [w, s]).collect())
}

const HIGH: &str = "\\ud800";
const LOW: &str = "\\udc00";

/// Pieces of a JSON string and what each reads as, surrogates apart.
const SURROGATE_PIECES: &[(&str, &str)] = &[
    (HIGH, ""),
    (LOW, ""),
    ("\\\\", "\\"),
    ("\\\\ud800", "\\ud800"),
    ("\\n", "\n"),
    ("\\u0041", "A"),
    ("x", "x"),
    ("some plain words", "some plain words"),
];

fn extractor() -> &'static Extractor {
    static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn lines_are_read_as_a_split_at_newlines(
        data in prop::collection::vec(prop::sample::select(&b"\n\x0b\x09\x8a\x0a\xffa{bc"[..]), 0..200),
        capacity in prop::sample::select(&[5usize, 16, 64, 4096][..]),
    ) {
        // a BufReader with a small buffer too, so that lines span several reads
        let data = data.as_slice();
        let mut input = std::io::BufReader::with_capacity(capacity, data);
        let mut expected: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
        if data.is_empty() || data.ends_with(b"\n") {
            expected.pop();
        }
        let (mut number, mut offset) = (1, 0);
        let mut lines = Vec::new();
        while let Some((line, newline)) = jsonl::read_line(&mut input, 1 << 20, number, offset).unwrap() {
            prop_assert_eq!(line.offset, offset);
            offset = line.next_offset(newline);
            number += 1;
            lines.push(line.bytes);
        }
        prop_assert_eq!(lines, expected);
        prop_assert_eq!(offset, data.len() as u64);
    }

    #[test]
    fn lone_surrogates_are_found_at_any_distance(
        pieces in prop::collection::vec(prop::sample::select(SURROGATE_PIECES), 0..30),
    ) {
        // the JSON string and, piece by piece, what it should read as once rewritten
        let mut json = b"\"".to_vec();
        let (mut want, mut lone) = (String::new(), 0);
        let mut rest = pieces.as_slice();
        while let Some((&(raw, read), after)) = rest.split_first() {
            json.extend_from_slice(raw.as_bytes());
            rest = after;
            match (raw, after.first()) {
                (HIGH, Some(&(LOW, _))) => {
                    json.extend_from_slice(LOW.as_bytes());
                    want.push('\u{10000}');
                    rest = after.get(1..).unwrap_or_default();
                }
                (HIGH | LOW, _) => {
                    want.push('\u{fffd}');
                    lone += 1;
                }
                _ => want.push_str(read),
            }
        }
        json.push(b'"');
        prop_assert_eq!(jsonl::replace_lone_surrogates(&mut json), lone);
        prop_assert_eq!(serde_json::from_slice::<String>(&json).ok(), Some(want));
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them(s in tricky_string(), t in any::<String>()) {
        prop_assert_eq!(json_out::to_string(&s, 0).ok(), serde_json::to_string(&s).ok());
        prop_assert_eq!(json_out::to_string(&t, 0).ok(), serde_json::to_string(&t).ok());
        // as map keys and struct-like sequences, one after the other
        let map: BTreeMap<&str, &str> = [(s.as_str(), t.as_str()), (t.as_str(), s.as_str())].into();
        prop_assert_eq!(json_out::to_string(&map, 0).ok(), serde_json::to_string(&map).ok());
        let chars: Vec<char> = s.chars().collect();
        prop_assert_eq!(json_out::to_string(&chars, 0).ok(), serde_json::to_string(&chars).ok());
    }

    #[test]
    fn json_values_are_written_as_serde_json_writes_them(v in json_value()) {
        let (ours, theirs) = both(&v);
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn integers_are_written_as_serde_json_writes_them(u in any::<u64>(), i in any::<i64>(), s in 0u64..1_000_000_000) {
        let (ours, theirs) = both(&(u, i, s, u32::try_from(s).ok(), -(s as i64)));
        prop_assert_eq!(ours, theirs);
    }

    #[test]
    fn events_are_written_as_serde_json_writes_them(text in news(), id in json_value()) {
        let events = extractor().extract(&Document::new(&text));
        let (ours, theirs) = both(&events);
        prop_assert_eq!(ours, theirs);
        let line = serde_json::json!({"id": id, "events": events});
        let (ours, theirs) = both(&line);
        prop_assert_eq!(ours, theirs);
    }
}

#[test]
fn integers_at_the_edges() {
    for u in [
        0,
        1,
        9,
        10,
        99,
        100,
        9_999_999,
        10_000_000,
        99_999_999,
        100_000_000,
        u64::MAX,
    ] {
        assert_same(&u);
        assert_same(&(u as i64));
        assert_same(&(u as i64).wrapping_neg());
    }
    assert_same(&i64::MIN);
    assert_same(&(u8::MAX, i8::MIN, u16::MAX, i16::MIN, u32::MAX, i32::MIN));
}

/// The digits of integers below 10^8 are made all at once, in lanes: every one below
/// 100,000, those around each power of ten, and a stride through the rest.
#[test]
fn integers_of_up_to_eight_digits_are_serde_jsons() {
    let around_powers = (1..=8).flat_map(|p| {
        let power = 10u64.pow(p);
        power.saturating_sub(500)..power + 500
    });
    for u in (0..100_000)
        .chain(around_powers)
        .chain((0..100_000_000).step_by(9_973))
    {
        assert_eq!(json_out::to_string(&u, 0).ok(), Some(u.to_string()));
    }
}

#[test]
fn floats_are_serde_jsons() {
    for f in [
        0.0,
        -0.0,
        0.1,
        1.0,
        -1.5,
        1e300,
        5e-324,
        f64::MAX,
        f64::NAN,
        f64::INFINITY,
    ] {
        assert_same(&f);
        assert_same(&(f as f32));
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Pair(u8, &'static str);

#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct Wrapped(&'static str);

#[derive(Serialize)]
enum Shape {
    Plain,
    Newtype(u8),
    Tuple(u8, &'static str),
    Struct { a: u8, b: Option<&'static str> },
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Tagged {
    Inner {
        x: u8,
        #[serde(flatten)]
        rest: BTreeMap<&'static str, u8>,
    },
}

/// Field and variant names of every length around the writer's word edges, some with
/// escapes: the names it writes from constants.
#[derive(Serialize)]
struct Names {
    #[serde(rename = "")]
    empty: Variant,
    #[serde(rename = "q\"7bytes")]
    quote: Variant,
    #[serde(rename = "seven_7")]
    seven: Variant,
    #[serde(rename = "eight_88")]
    eight: Variant,
    #[serde(rename = "back\\slash_10")]
    backslash: Variant,
    #[serde(rename = "sixteen_bytes_ok")]
    sixteen: Variant,
    #[serde(rename = "twelve_b\\ytes")]
    late_backslash: Variant,
    #[serde(rename = "seventeen_bytes_x")]
    seventeen: Variant,
    #[serde(rename = "tab\tand_newline\n_past_sixteen")]
    controls: Variant,
}

#[derive(Serialize, Clone, Copy)]
enum Variant {
    #[serde(rename = "")]
    Empty,
    #[serde(rename = "a\u{1}b")]
    Control,
    #[serde(rename = "Air/drone strike")]
    Sixteen,
    #[serde(rename = "Shelling/artillery/missile attack")]
    Long,
    #[serde(rename = "fifteen\"quotes\"")]
    Quotes,
    #[serde(rename = "abcdefgh\"ij")]
    LateQuote,
}

#[test]
fn names_of_every_length_are_serde_jsons() {
    use Variant::*;
    for v in [Empty, Control, Sixteen, Long, Quotes, LateQuote] {
        assert_same(&v);
        assert_same(&Names {
            empty: v,
            quote: v,
            seven: v,
            eight: v,
            backslash: v,
            sixteen: v,
            late_backslash: v,
            seventeen: v,
            controls: v,
        });
    }
}

/// A `Display` value written with `collect_str`, as chrono writes a date.
struct Shown(&'static str);

impl Serialize for Shown {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Shown {
    /// Its first char by `write_str`, the others one by one by `write_char`, as a date's
    /// `-` is written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.0.chars();
        if let Some(first) = chars.next() {
            f.write_str(first.encode_utf8(&mut [0; 4]))?;
        }
        chars.try_for_each(|c| f.write_char(c))
    }
}

#[test]
fn every_serde_shape_is_serde_jsons() {
    assert_same(&());
    assert_same(&Unit);
    assert_same(&Pair(3, "x\"y"));
    assert_same(&Wrapped("a\nb"));
    assert_same(&(Option::<u8>::None, Some(true), false, 'q', '"'));
    assert_same(&[
        Shape::Plain,
        Shape::Newtype(1),
        Shape::Tuple(2, "t"),
        Shape::Struct { a: 3, b: None },
    ]);
    assert_same(&Shape::Struct {
        a: 3,
        b: Some("\u{1}"),
    });
    assert_same(&Tagged::Inner {
        x: 1,
        rest: [("k", 2), ("\\", 3)].into(),
    });
    assert_same(&vec![Vec::<u8>::new(), vec![1], vec![1, 2]]);
    assert_same(&BTreeMap::<String, u8>::new());
    assert_same(&(Shown("2024-01-02"), Shown("a\"b\u{7}c"), Shown("")));
    assert_same(&(Shown("é-€😀\u{1f}\\\u{ff}\u{80}-"), Shown("\u{2028}x")));
    assert_same(&BTreeMap::from([(Wrapped("k"), 1)]));
    assert_same(&BTreeMap::from([('c', 1)]));
}

/// A value whose `Serialize` fails.
struct Failing;

impl Serialize for Failing {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("no"))
    }
}

/// Bytes as serde writes a byte string.
struct Bytes(&'static [u8]);

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(self.0)
    }
}

#[test]
fn what_it_leaves_to_serde_json_comes_out_the_same() {
    // numbers, booleans and unit structs as keys: serde_json quotes some, refuses others
    assert_same(&BTreeMap::from([(1u32, "a"), (20, "b")]));
    assert_same(&BTreeMap::from([(-1i64, 1u8)]));
    assert_same(&BTreeMap::from([(true, 1u8)]));
    assert_same(&BTreeMap::from([((1u8, 2u8), 1u8)]));
    assert_same(&BTreeMap::from([(Some("k"), 1u8)]));
    assert_same(&(u128::MAX, i128::MIN));
    assert_same(&Bytes(b"\x00\xff"));
    assert_same(&Failing);
    assert_same(&vec![Value::Null, serde_json::to_value(1).unwrap()]);
    let (ours, _) = both(&[Failing]);
    assert!(ours.is_err());
}

#[test]
fn an_output_line_with_escapes_is_written_the_same() {
    let text = "Russian warplanes struck \"Aleppo\"\\ on Tuesday,\u{1} killing 12 civilians\t\u{2028} in Idlib.";
    let events = extractor().extract(&Document::new(text));
    assert!(!events.is_empty());
    let line = serde_json::json!({"id": "a\"b\\c\u{1}\u{2028}", "events": events});
    let (ours, theirs) = both(&line);
    assert!(
        theirs
            .as_ref()
            .is_ok_and(|t| t.contains("a\\\"b\\\\c\\u0001\u{2028}")),
        "{theirs:?}"
    );
    assert_eq!(ours, theirs);
}

/// Pieces of a JSON line around and inside a flat object, for [`object_line`]: JSON's
/// whitespace, then spaces JSON does not take.
const SPACES: &[&str] = &["", "", "", "", " ", "\t", "\r", "\n", "  "];
const ODD_SPACES: &[&str] = &["\u{a0}", "\u{c}", "\u{feff}", "\u{0}"];
/// Keys: mostly plain ones, a few the fast path leaves (a `\u` escape) or that are bad.
const KEYS: &[&str] = &[
    "\"id\"",
    "\"text\"",
    "\"date\"",
    "\"id\"",
    "\"text\"",
    "\"date\"",
    "\"x\"",
    "\"\"",
    "\"a\\\"b\"",
    "\"é\"",
    "\"t\\u0065xt\"",
    "id",
    "'id'",
];
/// Pieces of a string the fast path reads, then pieces it leaves to serde_json (some bad).
const VALUE_PIECES: &[&str] = &[
    "a",
    "Hello world, ",
    "é€😀",
    "\\n",
    "\\r\\n",
    "\\\"",
    "\\\\",
    "\\/",
    "\\b",
    "\\f",
    "\\t",
    "\u{7f}",
    "\u{2028}",
    "0123456789abcdef",
    "ud800",
    "udc00",
];
const ODD_PIECES: &[&str] = &[
    "\\u0041",
    "\\ud83d\\ude00",
    "\\ufffd",
    "\\x",
    "\\",
    "\\u12",
    "\n",
    "\t",
    "\u{1}",
    "\"",
];
const OTHER_VALUES: &[&str] = &[
    "null",
    "nul",
    "nullx",
    "true",
    "false",
    "0",
    "7",
    "-1",
    "01",
    "1.5",
    "1e3",
    "18446744073709551616",
    "[]",
    "[\"a\",null]",
    "{}",
    "{\"x\":\"y\"}",
    "\"",
    "",
];

/// A JSON string of [`VALUE_PIECES`] and now and then one of [`ODD_PIECES`], quotes
/// included.
fn json_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        20 => prop::sample::select(VALUE_PIECES),
        1 => prop::sample::select(ODD_PIECES),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| format!("\"{}\"", pieces.concat()))
}

/// One member's value: mostly a string, else null or something the fast path leaves to
/// serde_json (a number, a boolean, a nested value, something bad).
fn member_value() -> impl Strategy<Value = String> {
    prop_oneof![
        12 => json_string(),
        1 => Just("null".to_string()),
        1 => prop::sample::select(OTHER_VALUES).prop_map(str::to_string),
    ]
}

/// Mostly one of `usual`, now and then one of `odd`.
fn mostly(
    usual: &'static [&'static str],
    odd: &'static [&'static str],
) -> impl Strategy<Value = &'static str> {
    prop_oneof![
        30 => prop::sample::select(usual),
        1 => prop::sample::select(odd),
    ]
}

/// A line that is mostly a flat object, sometimes broken.
fn object_line() -> impl Strategy<Value = String> {
    let space = || mostly(SPACES, ODD_SPACES);
    let member = (
        space(),
        prop::sample::select(KEYS),
        space(),
        mostly(&[":"], &["", "=", "::"]),
        space(),
        member_value(),
        space(),
    );
    (
        space(),
        mostly(&["{"], &["[", "", "{{"]),
        prop::collection::vec((member, mostly(&[","], &["", ",,", ";"])), 0..6),
        mostly(&["}"], &[",}", "", "}}", "} x", "}\u{0}"]),
        space(),
    )
        .prop_map(|(before, open, members, close, after)| {
            let mut line = format!("{before}{open}");
            let n = members.len();
            for (i, ((s1, key, s2, colon, s3, value, s4), sep)) in members.into_iter().enumerate() {
                line.push_str(&format!("{s1}{key}{s2}{colon}{s3}{value}{s4}"));
                if i + 1 < n {
                    line.push_str(sep);
                }
            }
            line.push_str(&format!("{close}{after}"));
            line
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn lines_are_read_as_serde_json_reads_them(line in object_line()) {
        if let Some(fields) = jsonl::flat_object(&line) {
            let theirs = serde_json::from_str::<Value>(&line).ok();
            prop_assert_eq!(Some(Value::Object(fields)), theirs, "{:?}", line);
            // and the line has no surrogate escape that `parse` would have rewritten first
            let mut bytes = line.clone().into_bytes();
            prop_assert_eq!(jsonl::replace_lone_surrogates(&mut bytes), 0);
        }
    }
}

#[test]
fn the_usual_lines_take_the_fast_path() {
    let lines = [
        r#"{"date":"2016-01-01","id":"bench-0","text":"40 dead\r\n\r\nMOGADISHU \"Wire\" – é"}"#,
        "{\"id\": \"a\", \"text\": \"\", \"date\": null}",
        "\t{ \"text\" : \"x\\/y\\\\z\\b\\f\\t\" , \"id\" : \"\" }  ",
        "{}",
    ];
    for line in lines {
        let fields = jsonl::flat_object(line);
        assert!(fields.is_some(), "{line}");
        assert_eq!(fields.map(Value::Object), serde_json::from_str(line).ok());
    }
    // a later duplicate replaces an earlier one, in place, as in serde_json's map
    let line = r#"{"id":"a","text":"t","id":"b"}"#;
    let fields = jsonl::flat_object(line).unwrap_or_default();
    assert_eq!(fields.get("id"), Some(&Value::String("b".into())));
    assert_eq!(Some(Value::Object(fields)), serde_json::from_str(line).ok());
    // what it leaves to serde_json
    for line in [
        r#"{"id":7,"text":"t"}"#,
        r#"{"id":"a","text":"\u00e9"}"#,
        "{\"id\":\"a\",\"text\":\"tab\there\"}",
        r#"{"id":"a","text":"t"} x"#,
        r#"{"id":"a","text":"t",}"#,
        r#"{"id":"a","text":"t"#,
    ] {
        assert_eq!(jsonl::flat_object(line), None, "{line}");
    }
}
