//! Cold start: from process start to the first line of output, as a user running
//! `extract FILE` on one article sees it (the built-in gazetteer's index read from the
//! binary, its acronym automaton built, one article extracted, its events printed).
//!
//! `cargo bench --bench cold_start`. Each sample spawns this bench binary again with
//! `CONFLICT_EVENTS_COLD_PROBE` set; the child builds `Extractor::new()`, extracts one
//! generated article, prints its events as one JSON line and exits. The parent times the
//! spawn up to that line (process start, dynamic linking and page faults included).
//!
//! The `extract` example does the same plus argument and file handling; measure it with
//! `perf stat -r 20 target/release/examples/extract FILE > /dev/null`.

#[allow(dead_code)] // the corpus module also serves the extract bench
mod corpus;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use conflict_events::{Document, Extractor};
use criterion::{Criterion, SamplingMode};

const PROBE: &str = "CONFLICT_EVENTS_COLD_PROBE";

/// The child: what a one-article run does, then one line out.
fn probe() {
    let text = corpus::long_article(4096, 0);
    let extractor = Extractor::new();
    let events = extractor.extract(&Document::new(&text).published(corpus::publication_date(0)));
    let line = serde_json::to_string(&events).expect("events serialise");
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}").expect("stdout");
    out.flush().expect("stdout");
}

/// Spawns the probe and returns the time to its first line of output.
fn one_run() -> Duration {
    let exe = std::env::current_exe().expect("the bench's own path");
    let start = Instant::now();
    let mut child = Command::new(exe)
        .env(PROBE, "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn the probe");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read the probe's output");
    let elapsed = start.elapsed();
    let status = child.wait().expect("wait for the probe");
    assert!(status.success(), "the probe failed: {status}");
    assert!(
        line.starts_with('['),
        "the probe printed no events array: {line:?}"
    );
    elapsed
}

fn bench_cold_start(c: &mut Criterion) {
    let mut group = c.benchmark_group("cold_start");
    group
        .sample_size(20)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
    group.bench_function("first_output_line", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| one_run()).sum())
    });
    group.finish();
}

fn main() {
    if std::env::var_os(PROBE).is_some() {
        probe();
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    bench_cold_start(&mut c);
    c.final_summary();
}
