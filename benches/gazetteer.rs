//! The built-in gazetteer: how long it takes to get, and the hashed-prefix walk measured
//! against one aho-corasick automaton over every name (issue 11), in one run.
//!
//! `cargo bench --bench gazetteer` prints, before the timed groups:
//! - the first `Gazetteer::builtin()` of the process (the index read from the binary, what
//!   the first `Extractor::new()` pays), the pattern count and `memory_usage()`;
//! - for each aho-corasick kind (contiguous NFA, DFA; ASCII case-insensitive,
//!   leftmost-longest, over the case-insensitive names) its build time and
//!   `memory_usage()`.
//!
//! Then it times: the build of the built-in gazetteer from its TSV files (what a mixed
//! built-in + user build pays, and what every start paid before the index was embedded),
//! the automata builds, and matching over the same generated articles: the gazetteer's
//! `find` (the walk over names, the acronym automaton, merging, water bodies) against a
//! bare pass of each automaton (`find_iter`, no boundary check), and the acronym automaton
//! alone, which both designs need.

#[allow(dead_code)] // the corpus module also serves the extract bench
mod corpus;

use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use conflict_events::gazetteer::Gazetteer;
use criterion::{black_box, BenchmarkId, Criterion, SamplingMode, Throughput};

const CORPUS_BYTES: usize = 2 * 1024 * 1024;

/// The case-insensitive names (lowercased, once each) and the case-sensitive ones.
fn names(g: &Gazetteer) -> (Vec<String>, Vec<String>) {
    let (mut ci, mut cs) = (Vec::new(), Vec::new());
    for (p, case_sensitive) in g.patterns() {
        if case_sensitive {
            cs.push(p);
        } else {
            ci.push(p.to_ascii_lowercase());
        }
    }
    for v in [&mut ci, &mut cs] {
        v.sort_unstable();
        v.dedup();
    }
    (ci, cs)
}

fn automaton(pats: &[String], kind: AhoCorasickKind, insensitive: bool) -> AhoCorasick {
    AhoCorasick::builder()
        .ascii_case_insensitive(insensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(kind))
        .build(pats)
        .expect("automaton")
}

const KINDS: [(&str, AhoCorasickKind); 2] = [
    ("nfa_contiguous", AhoCorasickKind::ContiguousNFA),
    ("dfa", AhoCorasickKind::DFA),
];

fn bench_gazetteer(c: &mut Criterion) {
    let start = Instant::now();
    let builtin = Gazetteer::builtin();
    let first = start.elapsed();
    let patterns = builtin.pattern_count();
    eprintln!(
        "gazetteer: first Gazetteer::builtin() {:.2} ms; {} entries, {patterns} patterns, \
         memory_usage {:.2} MiB",
        first.as_secs_f64() * 1e3,
        builtin.entries().len(),
        builtin.memory_usage() as f64 / (1024.0 * 1024.0)
    );
    assert!(patterns > 0, "the built-in gazetteer has no pattern");
    let (ci, cs) = names(builtin);
    let mut automata = Vec::new();
    for (name, kind) in KINDS {
        let start = Instant::now();
        let ac = automaton(&ci, kind, true);
        eprintln!(
            "aho-corasick {name} over {} names: built in {:.1} ms, memory_usage {:.2} MiB",
            ci.len(),
            start.elapsed().as_secs_f64() * 1e3,
            ac.memory_usage() as f64 / (1024.0 * 1024.0)
        );
        automata.push((name, ac));
    }
    // the acronyms' automaton, which both designs need: the gazetteer builds a DFA at start
    let mut acronyms = Vec::new();
    for (name, kind) in KINDS {
        let start = Instant::now();
        let ac = automaton(&cs, kind, false);
        eprintln!(
            "acronyms, aho-corasick {name} over {} patterns: built in {:.2} ms, memory_usage \
             {:.2} MiB",
            cs.len(),
            start.elapsed().as_secs_f64() * 1e3,
            ac.memory_usage() as f64 / (1024.0 * 1024.0)
        );
        acronyms.push((name, ac));
    }

    let mut group = c.benchmark_group("gazetteer");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    group.bench_function("build_builtin_from_tsv", |b| {
        b.iter(|| {
            // an empty user file: the built-in TSV files are parsed and indexed
            let g = Gazetteer::builder()
                .add_tsv("empty.tsv", "")
                .build()
                .expect("built-in gazetteer");
            assert_eq!(g.pattern_count(), patterns);
            black_box(g)
        })
    });
    for (name, kind) in KINDS {
        group.bench_function(BenchmarkId::new("build_aho_corasick", name), |b| {
            b.iter(|| black_box(automaton(&ci, kind, true)))
        });
    }
    group.finish();
    bench_matching(c, builtin, &automata, &acronyms);
}

/// Matching throughput over the same articles.
fn bench_matching(
    c: &mut Criterion,
    g: &Gazetteer,
    automata: &[(&str, AhoCorasick)],
    acronyms: &[(&str, AhoCorasick)],
) {
    let texts = corpus::corpus_bytes(CORPUS_BYTES);
    let bytes: usize = texts.iter().map(String::len).sum();
    let found: usize = texts.iter().map(|t| g.find(t).len()).sum();
    assert!(found > 0, "no name found in the corpus");
    let mut group = c.benchmark_group("gazetteer_find");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("walk_find", |b| {
        b.iter(|| {
            let n: usize = texts.iter().map(|t| g.find(t).len()).sum();
            assert_eq!(n, found);
            n
        })
    });
    for (name, ac) in automata {
        group.bench_function(BenchmarkId::new("aho_corasick_bare", *name), |b| {
            b.iter(|| {
                let n: usize = texts.iter().map(|t| ac.find_iter(t.as_str()).count()).sum();
                assert!(n >= found / 2);
                n
            })
        });
    }
    for (name, ac) in acronyms {
        group.bench_function(BenchmarkId::new("acronyms_bare", *name), |b| {
            b.iter(|| {
                let n: usize = texts.iter().map(|t| ac.find_iter(t.as_str()).count()).sum();
                black_box(n)
            })
        });
    }
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench_gazetteer(&mut c);
    c.final_summary();
}
