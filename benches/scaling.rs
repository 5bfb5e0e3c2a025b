//! How extraction time and memory grow with the input, shape by shape (issue 13): each
//! adversarial shape at three sizes, with the growth exponent of time and of peak heap
//! between sizes (log of the time ratio over log of the size ratio: 1 is linear, 2
//! quadratic).
//!
//! ```text
//! cargo bench --bench scaling [-- FILTER]               the table (a few minutes)
//! cargo bench --bench scaling -- --write DIR BYTES [FILTER]
//!                                    each shape (or those matching) at BYTES, as DIR/<shape>.txt
//! ```
//!
//! The second form writes the same texts at any size, to measure the `extract` example on
//! them (`/usr/bin/time -v target/release/examples/extract DIR/<shape>.txt`). Times are the
//! best of up to five runs on one thread; peak heap is what the allocator held at most during
//! one extraction beyond what it held before (input text excluded), counted by a wrapper
//! around the system allocator; output is what the returned events hold, and beyond/in the
//! peak heap beyond the output per input byte.

// benches/shapes/mod.rs: the shapes, shared with the linearity test (tests/linearity.rs)
mod shapes;

use std::time::{Duration, Instant};

use conflict_events::{Document, Extractor};
use shapes::shapes;

#[global_allocator]
static ALLOCATOR: shapes::counting::Counting = shapes::counting::Counting;

/// One measurement: best time, peak heap beyond the start, the heap of the events
/// returned, events.
struct Run {
    bytes: usize,
    time: Duration,
    heap: usize,
    output: usize,
    events: usize,
}

fn measure(extractor: &Extractor, text: &str) -> Run {
    let mut best = Duration::MAX;
    let mut heap = 0;
    let mut output = 0;
    let mut events = 0;
    let started = Instant::now();
    // five runs, fewer when they take over three seconds: the best is the least disturbed
    // by other work on the machine
    for _ in 0..5 {
        let before = shapes::counting::start();
        let t = Instant::now();
        let found = extractor.extract(&Document::new(text));
        let took = t.elapsed();
        heap = heap.max(shapes::counting::peak_since(before));
        output = shapes::counting::held_since(before);
        events = found.len();
        drop(found);
        best = best.min(took);
        if started.elapsed() > Duration::from_secs(3) {
            break;
        }
    }
    Run {
        bytes: text.len(),
        time: best,
        heap,
        output,
        events,
    }
}

fn exponent(a: f64, b: f64, size_a: usize, size_b: usize) -> f64 {
    (b / a).ln() / (size_b as f64 / size_a as f64).ln()
}

fn table(filter: Option<&str>) {
    let extractor = Extractor::new();
    // the gazetteer is built before the first measurement
    extractor.extract(&Document::new("Jets struck Aleppo."));
    println!(
        "{:<34} {:>9} {:>9} {:>8} {:>9} {:>7} {:>9} {:>9} {:>7} {:>6} {:>6}",
        "shape",
        "bytes",
        "seconds",
        "MB/s",
        "heap MB",
        "heap/in",
        "output MB",
        "beyond/in",
        "events",
        "t exp",
        "m exp"
    );
    for shape in shapes() {
        if filter.is_some_and(|f| !shape.name.contains(f)) {
            continue;
        }
        let mut prev: Option<Run> = None;
        for size in shape.sizes {
            let text = (shape.make)(size);
            let run = measure(&extractor, &text);
            let (t_exp, m_exp) = match &prev {
                Some(p) => (
                    format!(
                        "{:.2}",
                        exponent(
                            p.time.as_secs_f64(),
                            run.time.as_secs_f64(),
                            p.bytes,
                            run.bytes
                        )
                    ),
                    format!(
                        "{:.2}",
                        exponent(
                            p.heap.max(1) as f64,
                            run.heap.max(1) as f64,
                            p.bytes,
                            run.bytes
                        )
                    ),
                ),
                None => ("-".to_string(), "-".to_string()),
            };
            let secs = run.time.as_secs_f64();
            println!(
                "{:<34} {:>9} {:>9.4} {:>8.1} {:>9.1} {:>7.1} {:>9.1} {:>9.1} {:>7} {:>6} {:>6}",
                shape.name,
                run.bytes,
                secs,
                run.bytes as f64 / 1e6 / secs.max(1e-9),
                run.heap as f64 / 1e6,
                run.heap as f64 / run.bytes as f64,
                run.output as f64 / 1e6,
                run.heap.saturating_sub(run.output) as f64 / run.bytes as f64,
                run.events,
                t_exp,
                m_exp
            );
            prev = Some(run);
        }
    }
}

fn write_shapes(dir: &str, bytes: &str, filter: Option<&str>) -> Result<(), String> {
    let n: usize = bytes
        .parse()
        .map_err(|_| format!("{bytes:?}: expected a number of bytes"))?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {dir}: {e}"))?;
    for shape in shapes() {
        if filter.is_some_and(|f| !shape.name.contains(f)) {
            continue;
        }
        let path = format!("{dir}/{}.txt", shape.name);
        std::fs::write(&path, (shape.make)(n)).map_err(|e| format!("cannot write {path}: {e}"))?;
        println!("{path}");
    }
    Ok(())
}

fn main() {
    // cargo passes --bench; anything else not an option is a filter
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    match args.as_slice() {
        [w, dir, bytes, rest @ ..] if w == "--write" && rest.len() <= 1 => {
            if let Err(e) = write_shapes(dir, bytes, rest.first().map(String::as_str)) {
                eprintln!("scaling: {e}");
                std::process::exit(2);
            }
        }
        [] => table(None),
        [filter] => table(Some(filter)),
        _ => {
            eprintln!("usage: scaling [FILTER] | scaling --write DIR BYTES [FILTER]");
            std::process::exit(2);
        }
    }
}
