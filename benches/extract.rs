//! Extraction speed: MB/s and articles/s on generated articles, against a bare
//! aho-corasick pass over the same gazetteer patterns in the same run (the baseline: the
//! least work any gazetteer-based extractor must do), plus a scaling series (1 KB, 100 KB,
//! 10 MB) to show that throughput does not fall with the size of one article, and the
//! extraction with a gazetteer built at run time (the built-in files and a user file).
//!
//! `cargo bench --bench extract` (add `-- --quick` for a rough figure in seconds);
//! `python3 scripts/bench_report.py` then prints MB/s, articles/s and the ratio.

// benches/corpus/mod.rs, not benches/corpus.rs: cargo would take a top-level file in
// benches/ for a bench target of its own.
mod corpus;
// benches/baseline/mod.rs: the bare pass, shared with examples/against_bare.rs
mod baseline;

use std::time::Duration;

use baseline::Baseline;
use conflict_events::gazetteer::Gazetteer;
use conflict_events::{Document, Extractor, NaiveDate};
use criterion::measurement::WallTime;
use criterion::{
    black_box, criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion,
    SamplingMode, Throughput,
};

/// Size of the corpus of the "extract" group.
const CORPUS_BYTES: usize = 5 * 1024 * 1024;

/// One article with its publication date.
struct Article {
    text: String,
    date: NaiveDate,
}

fn load_corpus() -> Vec<Article> {
    let texts = corpus::corpus_bytes(CORPUS_BYTES);
    // The generator is deterministic: the same seed gives the same articles.
    let again = corpus::articles(4, corpus::SEED);
    assert_eq!(
        texts.get(..4),
        Some(&again[..]),
        "the corpus generator is not deterministic"
    );
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Article {
            text,
            date: corpus::publication_date(i),
        })
        .collect()
}

/// With `BENCH_DUMP_CORPUS=FILE`, writes the corpus as JSON lines `{"id","text","date"}`
/// (the input of `cargo run --example extract -- --jsonl`), to read or check it.
fn dump(corpus: &[Article]) {
    let Some(path) = std::env::var_os("BENCH_DUMP_CORPUS") else {
        return;
    };
    let lines: Vec<String> = corpus
        .iter()
        .enumerate()
        .map(|(i, a)| {
            serde_json::json!({"id": format!("bench-{i}"), "text": a.text, "date": a.date.to_string()})
                .to_string()
        })
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("BENCH_DUMP_CORPUS: cannot write");
    eprintln!("corpus written to {}", path.to_string_lossy());
}

fn extract_all(extractor: &Extractor, corpus: &[Article]) -> usize {
    corpus
        .iter()
        .map(|a| {
            extractor
                .extract(&Document::new(&a.text).published(a.date))
                .len()
        })
        .sum()
}

fn bench_extract(c: &mut Criterion) {
    let corpus = load_corpus();
    dump(&corpus);
    let total: usize = corpus.iter().map(|a| a.text.len()).sum();
    let extractor = Extractor::new();
    let baseline = Baseline::new(extractor.gazetteer());

    // Computed once, before timing; each timed pass must give the same answer.
    let events = extract_all(&extractor, &corpus);
    let matches: usize = corpus.iter().map(|a| baseline.count(&a.text)).sum();
    eprintln!(
        "corpus: {} articles, {total} bytes, {events} events ({:.2} per article), \
         {matches} baseline matches over {} patterns; kernel huge pages: {}",
        corpus.len(),
        events as f64 / corpus.len() as f64,
        extractor.gazetteer().pattern_count(),
        baseline::huge_pages(),
    );
    assert!(events > 0, "the extractor found no event in the corpus");
    // The articles are a third strikes and casualties: far fewer than that means a stage broke.
    assert!(
        events >= corpus.len(),
        "fewer events ({events}) than articles ({}): extraction is broken",
        corpus.len()
    );

    let mut group = corpus_group(c, "extract", Throughput::Bytes(total as u64));
    time_extraction(&mut group, "full", &extractor, &corpus, events);
    group.bench_function("baseline_aho_corasick", |b| {
        b.iter(|| {
            let n: usize = black_box(&corpus)
                .iter()
                .map(|a| baseline.count(&a.text))
                .sum();
            assert_eq!(n, matches);
            n
        })
    });
    group.finish();

    let articles = Throughput::Elements(corpus.len() as u64);
    let mut group = corpus_group(c, "extract_articles", articles);
    time_extraction(&mut group, "full", &extractor, &corpus, events);
    group.finish();

    // A gazetteer built at run time: the built-in files and a user file whose one line
    // names nothing in the corpus, so that it finds the events the built-in one finds.
    let user = Gazetteer::builder()
        .add_tsv("user.tsv", USER_GAZETTEER)
        .build()
        .expect("the bench's user gazetteer builds");
    let with_user = Extractor::builder()
        .gazetteer(user)
        .build()
        .expect("an extractor with the user gazetteer");
    assert_eq!(extract_all(&with_user, &corpus), events);
    let mut group = corpus_group(c, "extract_gazetteer", Throughput::Bytes(total as u64));
    time_extraction(&mut group, "built_in_and_user", &with_user, &corpus, events);
    group.finish();
}

/// A group timing passes over the corpus: ten flat samples of eight seconds each.
fn corpus_group<'c>(
    c: &'c mut Criterion,
    name: &str,
    throughput: Throughput,
) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .throughput(throughput);
    group
}

/// Times `extractor` over the corpus as `id` of `group`; each pass must find `events`.
fn time_extraction(
    group: &mut BenchmarkGroup<'_, WallTime>,
    id: &str,
    extractor: &Extractor,
    corpus: &[Article],
    events: usize,
) {
    group.bench_function(id, |b| {
        b.iter(|| {
            let n = extract_all(black_box(extractor), black_box(corpus));
            assert_eq!(n, events);
            n
        })
    });
}

/// The user file of the run-time gazetteer bench: a fictional group.
const USER_GAZETTEER: &str = "armed_group\tCrimson Lantern Brigade\tSY\t\t\tCrimson Lanterns\n";

fn bench_scaling(c: &mut Criterion) {
    let extractor = Extractor::new();
    let date = corpus::publication_date(0);
    let inputs = [
        ("1KB", corpus::long_article(1024, 0)),
        ("100KB", corpus::long_article(100 * 1024, 0)),
        ("10MB", corpus::concatenated(10 * 1024 * 1024)),
    ];
    let mut group = c.benchmark_group("scaling");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1));
    for (name, text) in &inputs {
        let expected = extractor
            .extract(&Document::new(text).published(date))
            .len();
        eprintln!("scaling/{name}: {} bytes, {expected} events", text.len());
        assert!(expected > 0, "no event in the {name} article");
        group.throughput(Throughput::Bytes(text.len() as u64));
        // ten passes over 10 MB take ~16 s at ~6 MB/s: leave room for them
        let secs = if text.len() > 1 << 20 { 20 } else { 5 };
        group.measurement_time(Duration::from_secs(secs));
        group.bench_with_input(BenchmarkId::from_parameter(name), text, |b, text| {
            b.iter(|| {
                let n = extractor
                    .extract(&Document::new(black_box(text)).published(date))
                    .len();
                assert_eq!(n, expected);
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_extract, bench_scaling);
criterion_main!(benches);
