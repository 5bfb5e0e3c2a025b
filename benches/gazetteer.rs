//! Build time and memory of the built-in gazetteer.
//!
//! `cargo bench --bench gazetteer`: times `Gazetteer::builder().build()` (parsing every
//! built-in TSV and building the automata, what the first `Extractor::new()` pays) and
//! prints the pattern count and `memory_usage()` once.

use std::time::Duration;

use conflict_events::Gazetteer;
use criterion::{black_box, criterion_group, criterion_main, Criterion, SamplingMode};

fn bench_build(c: &mut Criterion) {
    let built = Gazetteer::builder().build().expect("built-in gazetteer");
    let patterns = built.pattern_count();
    let entries = built.entries().len();
    let memory = built.memory_usage();
    eprintln!(
        "gazetteer: {entries} entries, {patterns} patterns, memory_usage {memory} bytes ({:.2} MiB)",
        memory as f64 / (1024.0 * 1024.0)
    );
    assert!(patterns > 0, "the built-in gazetteer has no pattern");

    let mut group = c.benchmark_group("gazetteer");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("build_builtin", |b| {
        b.iter(|| {
            let g = Gazetteer::builder().build().expect("built-in gazetteer");
            assert_eq!(g.pattern_count(), patterns);
            black_box(g)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_build);
criterion_main!(benches);
