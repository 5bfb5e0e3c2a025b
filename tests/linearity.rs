//! Linear work and memory in every shape of text (issue 13), checked without a clock.
//!
//! Each adversarial shape of `benches/shapes` (the scaling bench's) is read at three sizes,
//! each twice the last; doubling the input may at most multiply by [`MAX_GROWTH`] both the
//! work the extraction counts (`Extractor::work_steps`: the steps of its inner loops, which
//! a quadratic rescan multiplies by four) and its peak heap (counted by a wrapper around the
//! system allocator). A clock would fail on a busy machine; these counts do not move.

use conflict_events::{Document, Extractor};

#[path = "../benches/shapes/mod.rs"]
mod shapes;

/// The most the work or the peak heap may grow when the input doubles (2 is linear, 4
/// quadratic), with room for the steps of a growing vector.
const MAX_GROWTH: f64 = 2.2;

/// The sizes each shape is read at: small, as the tests run unoptimised. `LINEARITY_KB=N`
/// reads them at N, 2N and 4N KB instead (`cargo test --release --test linearity`).
fn sizes() -> [usize; 3] {
    let kb = std::env::var("LINEARITY_KB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(8);
    [kb << 10, kb << 11, kb << 12]
}

#[global_allocator]
static ALLOCATOR: shapes::counting::Counting = shapes::counting::Counting;

/// The tests of this file one at a time: the allocator's counts are the process's.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn one_at_a_time() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// What one extraction cost: input bytes, work steps, peak heap beyond the start.
struct Cost {
    bytes: usize,
    steps: u64,
    heap: usize,
}

fn cost(extractor: &Extractor, text: &str) -> Cost {
    let before = shapes::counting::start();
    let steps = Extractor::work_steps();
    let events = extractor.extract(&Document::new(text));
    let steps = Extractor::work_steps() - steps;
    let heap = shapes::counting::peak_since(before);
    drop(events);
    Cost {
        bytes: text.len(),
        steps,
        heap,
    }
}

/// The growth of `b` over `a`, per doubling of the input (for inputs not exactly double).
fn growth(a: f64, b: f64, bytes_a: usize, bytes_b: usize) -> f64 {
    let exponent = (b.max(1.0) / a.max(1.0)).ln() / (bytes_b as f64 / bytes_a as f64).ln();
    2f64.powf(exponent)
}

#[test]
fn work_and_peak_heap_grow_linearly_in_every_shape() {
    let _alone = one_at_a_time();
    let extractor = Extractor::new();
    // the gazetteer is built before the first measurement
    extractor.extract(&Document::new("Jets struck Aleppo."));
    let mut report = Vec::new();
    let mut failed = false;
    for shape in shapes::shapes() {
        let costs: Vec<Cost> = sizes()
            .iter()
            .map(|&n| cost(&extractor, &(shape.make)(n)))
            .collect();
        for pair in costs.windows(2) {
            let [a, b] = pair else { continue };
            let work = growth(a.steps as f64, b.steps as f64, a.bytes, b.bytes);
            let heap = growth(a.heap as f64, b.heap as f64, a.bytes, b.bytes);
            let bad = work > MAX_GROWTH || heap > MAX_GROWTH;
            failed |= bad;
            report.push(format!(
                "{:<34} {:>7} -> {:>7} bytes: work x{work:.2} ({} steps), heap x{heap:.2} ({} bytes){}",
                shape.name,
                a.bytes,
                b.bytes,
                b.steps,
                b.heap,
                if bad { "  <- superlinear" } else { "" }
            ));
        }
    }
    let report = report.join("\n");
    println!("{report}");
    assert!(
        !failed,
        "doubling the input grew work or heap more than x{MAX_GROWTH}:\n{report}"
    );
}

/// The most an extraction may hold beyond the events it returns, per input byte, when the
/// input is many windows long: the records of one window are then a small part of it.
const MAX_HEAP_PER_BYTE: f64 = 4.0;

/// An article much longer than the window is read a window at a time: beyond its events, the
/// peak heap is the records of one window and a few bytes per input byte, in every shape,
/// however long the input.
#[test]
fn heap_beyond_the_events_is_bounded_by_the_window() {
    let _alone = one_at_a_time();
    const WINDOW: usize = 4096;
    let extractor = Extractor::builder().window_bytes(WINDOW).build().unwrap();
    extractor.extract(&Document::new("Jets struck Aleppo."));
    let mut report = Vec::new();
    let mut failed = false;
    for shape in shapes::shapes() {
        let text = (shape.make)(WINDOW * 64);
        let before = shapes::counting::start();
        let events = extractor.extract(&Document::new(&text));
        let output = shapes::counting::held_since(before);
        let peak = shapes::counting::peak_since(before);
        drop(events);
        let per_byte = peak.saturating_sub(output) as f64 / text.len() as f64;
        let bad = per_byte > MAX_HEAP_PER_BYTE;
        failed |= bad;
        report.push(format!(
            "{:<34} {:>7} bytes: peak {peak}, events {output}, beyond them {per_byte:.2} per byte{}",
            shape.name,
            text.len(),
            if bad { "  <- over" } else { "" }
        ));
    }
    let report = report.join("\n");
    println!("{report}");
    assert!(
        !failed,
        "more than {MAX_HEAP_PER_BYTE} bytes per input byte beyond the events:\n{report}"
    );
}
