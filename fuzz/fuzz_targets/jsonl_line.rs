//! The batch mode's line reader (`examples/support/jsonl.rs`) on an arbitrary input stream:
//! as many output lines as input lines, each one line of JSON `{"id", "events"}`; a bad
//! line's message names its number and byte offset; a good line's events pass the span
//! checks against its text; the same outcome twice.
#![no_main]

#[path = "../../examples/support/jsonl.rs"]
mod jsonl;

use std::io::Cursor;

use conflict_events_fuzz::{check_events, extractor};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// A small size limit, so that the path of a line over it is taken too.
const MAX: usize = 2048;

fuzz_target!(|data: &[u8]| {
    let expected_lines = data.iter().filter(|&&b| b == b'\n').count()
        + usize::from(!data.is_empty() && !data.ends_with(b"\n"));
    let mut input = Cursor::new(data);
    let (mut number, mut offset) = (1u64, 0u64);
    while let Some((line, newline)) = jsonl::read_line(&mut input, MAX, number, offset).unwrap() {
        assert_eq!(line.offset, offset);
        let start = offset as usize;
        let whole = &data[start..start + line.len as usize];
        assert!(!whole.contains(&b'\n'));
        if !line.cut {
            assert_eq!(line.bytes, whole);
        }
        offset = line.next_offset(newline);
        let outcome = jsonl::handle(extractor(), line.clone(), MAX);
        assert_eq!(
            outcome,
            jsonl::handle(extractor(), line.clone(), MAX),
            "twice"
        );
        assert!(!outcome.output.contains('\n'), "{:?}", outcome.output);
        let out: Value = serde_json::from_str(&outcome.output).expect("output is JSON");
        let fields = out.as_object().expect("an object");
        assert_eq!(fields.len(), 2, "{out}");
        let events = fields.get("events").expect("events");
        match &outcome.error {
            Some(e) => {
                assert!(!e.contains('\n'), "{e:?}");
                let prefix = format!("line {number} (byte {}): ", line.offset);
                assert!(e.starts_with(&prefix), "{e:?} should start with {prefix:?}");
                assert_eq!(events, &Value::Array(Vec::new()));
            }
            None => {
                let mut again = line.clone();
                let request = jsonl::parse(&mut again, MAX).expect("a good line parses");
                assert_eq!(fields.get("id"), Some(&request.id));
                check_events(&request.text, events);
            }
        }
        number += 1;
    }
    assert_eq!(number - 1, expected_lines as u64, "one outcome per line");
    assert_eq!(offset as usize, data.len());
});
