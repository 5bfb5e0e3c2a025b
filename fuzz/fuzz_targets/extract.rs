//! `Extractor::extract` on arbitrary text (invalid UTF-8 replaced) and publication dates,
//! to chrono's limits: no panic, spans in the text on char boundaries, the text beside a
//! span equal to the text there, events in text order, the same events twice.
#![no_main]

use conflict_events_fuzz::{date_and_text, extract_and_check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (date, text) = date_and_text(data);
    extract_and_check(&text, date);
});
