//! The batch mode of the `extract` example: its line handling (`examples/support/jsonl.rs`,
//! included here as a module) and, when `cargo test` has built the example, the program
//! itself on bad lines, a closed pipe and a full disk.

#[path = "../examples/support/jsonl.rs"]
pub(crate) mod jsonl;

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use conflict_events::Extractor;
use jsonl::{RawLine, KEPT_OF_LONG_LINE};
use serde_json::{json, Value};

const ARTICLE: &str = "Russian warplanes struck Aleppo on Tuesday, killing 12 militants.";

fn lines(input: &[u8], max: usize) -> Vec<(RawLine, bool)> {
    let mut cursor = Cursor::new(input);
    let mut out = Vec::new();
    let (mut number, mut offset) = (1, 0);
    while let Some((line, newline)) = jsonl::read_line(&mut cursor, max, number, offset).unwrap() {
        offset = line.next_offset(newline);
        number += 1;
        out.push((line, newline));
    }
    out
}

fn raw(bytes: &[u8]) -> RawLine {
    RawLine {
        number: 3,
        offset: 100,
        bytes: bytes.to_vec(),
        len: bytes.len() as u64,
        cut: false,
    }
}

#[test]
fn lines_are_split_with_their_offsets_and_a_long_one_is_cut() {
    let input = b"ab\n\ncd\r\nlast";
    let got: Vec<(u64, u64, Vec<u8>, bool)> = lines(input, 100)
        .into_iter()
        .map(|(l, nl)| (l.number, l.offset, l.bytes, nl))
        .collect();
    assert_eq!(
        got,
        [
            (1, 0, b"ab".to_vec(), true),
            (2, 3, b"".to_vec(), true),
            (3, 4, b"cd\r".to_vec(), true),
            (4, 8, b"last".to_vec(), false),
        ]
    );
    // over the limit: the first 64 KiB kept, the length counted, the next line intact
    let mut big = vec![b'x'; 200_000];
    big.extend_from_slice(b"\nnext\n");
    let got = lines(&big, 1000);
    assert_eq!(got.len(), 2);
    assert!(got[0].0.cut);
    assert_eq!(got[0].0.len, 200_000);
    assert_eq!(got[0].0.bytes.len(), KEPT_OF_LONG_LINE);
    assert_eq!(
        (got[1].0.offset, got[1].0.bytes.as_slice()),
        (200_001, &b"next"[..])
    );
}

#[test]
fn a_byte_order_mark_and_lone_surrogates_are_read() {
    let mut line =
        raw(b"\xef\xbb\xbf{\"id\": 1, \"text\": \"a \\ud800 b \\udc00 \\ud83d\\ude00 \\\\ud800\"}");
    let request = jsonl::parse(&mut line, 1 << 20).unwrap();
    assert_eq!(request.id, json!(1));
    assert_eq!(request.text, "a \u{fffd} b \u{fffd} \u{1f600} \\ud800");
}

#[test]
fn lone_surrogate_escapes_are_rewritten_in_place() {
    let cases: [(&[u8], &[u8], usize); 5] = [
        (br#""\ud800""#, br#""\ufffd""#, 1),
        (br#""\udbff\u0041""#, br#""\ufffd\u0041""#, 1),
        (br#""\ud83d\ude00""#, br#""\ud83d\ude00""#, 0),
        (br#""\\udc00\\""#, br#""\\udc00\\""#, 0),
        (br#""\ud8"#, br#""\ud8"#, 0),
    ];
    for (input, want, n) in cases {
        let mut b = input.to_vec();
        assert_eq!(jsonl::replace_lone_surrogates(&mut b), n);
        assert_eq!(b, want, "{}", String::from_utf8_lossy(input));
    }
}

#[test]
fn every_bad_line_gives_one_output_line_and_one_reason() {
    let cases: [(&[u8], Value, &str); 10] = [
        (
            b"{\"id\": \"u\", \"text\": \"a\xffb\"}",
            json!("u"),
            "not UTF-8: byte 0xff at column 23",
        ),
        (
            b"not json",
            Value::Null,
            "not JSON: expected ident at column 2",
        ),
        (
            b"{\"id\": 5, \"text\": \"cut",
            json!(5),
            "not JSON: EOF while parsing a string at column 22",
        ),
        (b"   ", Value::Null, "empty line, expected a JSON object"),
        (b"[1]", Value::Null, "not a JSON object: [1]"),
        (b"{\"text\": \"x\"}", Value::Null, "no \"id\" field"),
        (
            b"{\"id\": [1], \"title\": \"x\"}",
            json!([1]),
            "no \"text\" field",
        ),
        (
            b"{\"id\": 2, \"text\": 3}",
            json!(2),
            "\"text\" must be a string, got 3",
        ),
        (
            b"{\"id\": 2, \"text\": \"x\", \"date\": \"16/08/2016\"}",
            json!(2),
            "\"date\" \"16/08/2016\": not a date YYYY-MM-DD (input contains invalid characters)",
        ),
        (
            b"{\"id\": 2, \"text\": \"x\", \"date\": 2016}",
            json!(2),
            "\"date\" must be a string, got 2016",
        ),
    ];
    let extractor = Extractor::new();
    for (input, id, reason) in cases {
        let outcome = jsonl::handle(&extractor, raw(input), 1 << 20);
        let out: Value = serde_json::from_str(&outcome.output).unwrap();
        assert_eq!(out, json!({"id": id, "events": []}), "{input:?}");
        assert_eq!(
            outcome.error.unwrap(),
            format!("line 3 (byte 100): {reason}")
        );
    }
}

#[test]
fn a_line_over_the_limit_keeps_its_id_when_it_comes_first() {
    // longer than the 64 KiB kept of a line over the limit
    let text = "x".repeat(100_000);
    let extractor = Extractor::new();
    for (line, id) in [
        (
            json!({"id": "first", "text": text}).to_string(),
            json!("first"),
        ),
        (
            format!("{{\"text\": \"{text}\", \"id\": \"after\"}}"),
            Value::Null,
        ),
    ] {
        let mut input = line.into_bytes();
        input.push(b'\n');
        let (raw, _) = lines(&input, 1000).remove(0);
        let outcome = jsonl::handle(&extractor, raw, 1000);
        let out: Value = serde_json::from_str(&outcome.output).unwrap();
        assert_eq!(out, json!({"id": id, "events": []}));
        let error = outcome.error.unwrap();
        assert!(
            error.ends_with("over the limit of 1000 (--max-line-bytes)"),
            "{error}"
        );
    }
}

#[test]
fn the_id_is_read_before_the_text_of_a_broken_line() {
    let cases: [(&[u8], Option<Value>); 5] = [
        (
            br#"{"id": {"a": [1, "}"]}, "text": "#,
            Some(json!({"a": [1, "}"]})),
        ),
        (br#" { "date" : "x" , "id" : 12.5 , "te"#, Some(json!(12.5))),
        (br#"{"text": "abc", "id": 1"#, Some(json!(1))),
        (br#"{"text": "ab"#, None),
        (br#"["id", 1]"#, None),
    ];
    for (bytes, want) in cases {
        assert_eq!(
            jsonl::id_before_text(bytes),
            want,
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn a_good_line_gives_its_events() {
    let line = json!({"id": "a1", "text": ARTICLE, "date": "2016-08-16"}).to_string();
    let outcome = jsonl::handle(&Extractor::new(), raw(line.as_bytes()), 1 << 20);
    assert_eq!(outcome.error, None);
    let out: Value = serde_json::from_str(&outcome.output).unwrap();
    assert_eq!(out["id"], "a1");
    assert_eq!(out["events"][0]["type"], "strike");
    assert_eq!(out["events"][0]["date"]["date"], "2016-08-16");
}

/// A worker unescapes a long text into the string its last one was read into, and writes
/// its output line into a buffer the writer gave back: neither may carry anything of the
/// line before (longer, shorter, with and without escapes).
#[test]
fn reused_text_and_output_buffers_carry_nothing_from_line_to_line() {
    let extractor = Extractor::new();
    let long = format!(
        "{ARTICLE}\n{}",
        "Shelling hit Idlib on Monday.\n".repeat(60)
    );
    let texts = [
        long.as_str(),
        "Rockets hit Kharkiv.\nNo one was hurt.",
        long.as_str(),
        "A quiet day.",
        ARTICLE,
    ];
    for (i, text) in texts.iter().enumerate() {
        let line = json!({"id": format!("l{i}\t"), "text": text}).to_string();
        let outcome = jsonl::handle(&extractor, raw(line.as_bytes()), 1 << 20);
        assert_eq!(outcome.error, None);
        let out: Value = serde_json::from_str(&outcome.output).unwrap();
        assert_eq!(out["id"], format!("l{i}\t"));
        let alone = extractor.extract(&conflict_events::Document::new(text));
        assert_eq!(
            out["events"],
            serde_json::to_value(&alone).unwrap(),
            "line {i}"
        );
        jsonl::give_back(outcome.output.into_bytes());
    }
}

/// The example as `cargo test` builds it, beside the test binary's directory; `None` when
/// it is missing or older than its sources (`cargo test --test lib` builds only this
/// target).
fn example() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let path = dir
        .join("examples")
        .join(format!("extract{}", std::env::consts::EXE_SUFFIX));
    let modified = |p: &std::path::Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let built = modified(&path);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let sources = [
        root.join("extract.rs"),
        root.join("support/jsonl.rs"),
        root.join("support/json_out.rs"),
    ];
    let fresh = built.is_some_and(|b| sources.iter().all(|s| modified(s).is_some_and(|m| m <= b)));
    if !fresh {
        eprintln!(
            "{} missing or stale: run `cargo test` to test the program",
            path.display()
        );
    }
    fresh.then_some(path)
}

fn batch_input() -> Vec<u8> {
    let mut input = Vec::new();
    for i in 0..300 {
        let line = match i % 50 {
            7 => b"{\"id\": 7, \"text\": \"\xff\"}".to_vec(),
            8 => b"garbage".to_vec(),
            9 => b"\xef\xbb\xbf{\"id\": 9, \"text\": \"\\ud800\"}".to_vec(),
            _ => json!({"id": i, "text": ARTICLE}).to_string().into_bytes(),
        };
        input.extend_from_slice(&line);
        input.push(b'\n');
    }
    input
}

fn run(exe: &PathBuf, args: &[&str], input: &[u8], stdout: Stdio) -> std::process::Output {
    let mut child = Command::new(exe)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

#[test]
fn the_program_answers_every_line_in_order() {
    let Some(exe) = example() else { return };
    let out = run(
        &exe,
        &["--jsonl", "--threads", "100000"],
        &batch_input(),
        Stdio::piped(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].clone())
        .collect();
    assert_eq!(ids.len(), 300);
    for (i, id) in ids.iter().enumerate() {
        let want = match i % 50 {
            7 => json!(7),
            8 => Value::Null,
            9 => json!(9),
            _ => json!(i),
        };
        assert_eq!(id, &want, "line {}", i + 1);
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    let numbers: Vec<&str> = stderr
        .lines()
        .map(|l| l.split(' ').nth(1).unwrap())
        .collect();
    let want: Vec<String> = (0..300)
        .filter(|i| i % 50 == 7 || i % 50 == 8)
        .map(|i| (i + 1).to_string())
        .collect();
    assert_eq!(numbers, want, "{stderr}");
}

#[test]
fn the_program_stops_quietly_on_a_closed_pipe() {
    let Some(exe) = example() else { return };
    let mut input = Vec::new();
    for _ in 0..40 {
        input.extend_from_slice(&batch_input());
    }
    for args in [&["--jsonl"][..], &["--jsonl", "--threads", "1"][..]] {
        let mut child = Command::new(&exe)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let data = input.clone();
        let feeder = std::thread::spawn(move || {
            let _ = stdin.write_all(&data);
        });
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 100];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        feeder.join().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        // the bad lines met before the pipe closed say so: status 1, else 0
        assert!(matches!(out.status.code(), Some(0 | 1)), "{:?}", out.status);
    }
}

#[test]
fn the_program_says_it_cannot_write_to_a_full_disk() {
    let Some(exe) = example() else { return };
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = run(&exe, &["--jsonl"], &batch_input(), Stdio::from(full));
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("extract: cannot write: No space left on device"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    // and the single-article mode
    let dir = std::env::temp_dir().join(format!("ce-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("article.txt");
    std::fs::write(&file, ARTICLE.repeat(200)).unwrap();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(&exe).arg(&file).stdout(full).output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("extract: cannot write:"));
}

#[test]
fn the_program_answers_many_short_lines_in_order() {
    // far more lines than the reader's budget lets in flight (64 a thread), so that the
    // reader waits and is woken again many times, and the writer is woken by batches
    let Some(exe) = example() else { return };
    let mut input = Vec::new();
    for i in 0..3000 {
        let text = if i % 3 == 0 { ARTICLE } else { "" };
        input.extend_from_slice(json!({"id": i, "text": text}).to_string().as_bytes());
        input.push(b'\n');
    }
    for threads in ["1", "2"] {
        let out = run(
            &exe,
            &["--jsonl", "--threads", threads],
            &input,
            Stdio::piped(),
        );
        assert_eq!(out.status.code(), Some(0), "{threads}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<Value> = stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3000, "{threads}");
        for (i, line) in lines.iter().enumerate() {
            assert_eq!(line["id"], json!(i), "{threads}");
            let events = line["events"].as_array().unwrap();
            assert_eq!(events.is_empty(), i % 3 != 0, "{threads} {i}");
        }
    }
}
