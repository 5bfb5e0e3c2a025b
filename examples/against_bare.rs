//! The extraction against the bench's bare aho-corasick pass, over the same articles.
//!
//! ```text
//! against_bare ab [ROUNDS] < corpus.jsonl   wall time of the two, interleaved chunk by chunk
//! against_bare extract < corpus.jsonl       the extraction alone (`extract_pass`)
//! against_bare bare < corpus.jsonl          the bare pass alone (`bare_pass`)
//! ```
//!
//! The input is JSON lines `{"text", "date"}` (`date` optional), as `extract --jsonl` reads
//! them. `scripts/against_bare.py` runs the two single modes under callgrind (collection
//! limited to `extract_pass` and `bare_pass`) to count instructions and simulated branch
//! mispredictions of both, and the `ab` mode for wall time.
//!
//! **Why `ab`.** `cargo bench` times the extraction and the bare pass one after the other,
//! eight seconds each; on a shared host whose speed drifts, their ratio drifts with it.
//! `ab` times both over the same chunk of 32 articles, one right after the other (which
//! goes first alternates), and sums the times of each over every chunk and round, so a
//! drift of the host's speed falls on both nearly alike. It prints each round's MB/s and
//! ratio (bare time / extraction time: 1.0 is the issue's target), then the median round
//! and the ratio of the sums. The bare pass is `benches/baseline`, the bench's own.

#[path = "../benches/baseline/mod.rs"]
mod baseline;

use std::io::{self, Read};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use baseline::Baseline;
use conflict_events::{Document, Extractor, NaiveDate};
use serde::Deserialize;

const USAGE: &str = "usage: against_bare ab [ROUNDS] < corpus.jsonl
       against_bare extract < corpus.jsonl
       against_bare bare < corpus.jsonl";

/// Articles timed together in `ab`: long enough to time, short enough to interleave finely.
const CHUNK: usize = 32;

/// One input line.
#[derive(Deserialize)]
struct Line {
    text: String,
    date: Option<String>,
}

/// One article with its publication date.
struct Article {
    text: String,
    date: Option<NaiveDate>,
}

fn read_articles() -> Result<Vec<Article>, String> {
    let mut input = String::new();
    io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            let line: Line = serde_json::from_str(l).map_err(|e| format!("line {}: {e}", n + 1))?;
            let date = match line.date {
                Some(d) => Some(
                    d.parse::<NaiveDate>()
                        .map_err(|e| format!("line {}: date {d:?}: {e}", n + 1))?,
                ),
                None => None,
            };
            Ok(Article {
                text: line.text,
                date,
            })
        })
        .collect()
}

/// The extraction of every article, as the bench times it (the events made and dropped).
#[inline(never)]
fn extract_pass(extractor: &Extractor, articles: &[Article]) -> usize {
    articles
        .iter()
        .map(|a| {
            let mut doc = Document::new(&a.text);
            if let Some(d) = a.date {
                doc = doc.published(d);
            }
            extractor.extract(&doc).len()
        })
        .sum()
}

/// The bare pass over every article's text.
#[inline(never)]
fn bare_pass(baseline: &Baseline, articles: &[Article]) -> usize {
    articles.iter().map(|a| baseline.count(&a.text)).sum()
}

/// Times of the two passes over one round of every chunk.
#[derive(Default)]
struct Round {
    bare: Duration,
    extract: Duration,
}

/// How long `pass` takes.
fn timed(pass: impl FnOnce() -> usize) -> Duration {
    let t = Instant::now();
    std::hint::black_box(pass());
    t.elapsed()
}

fn round(extractor: &Extractor, baseline: &Baseline, articles: &[Article]) -> Round {
    let mut r = Round::default();
    for (i, chunk) in articles.chunks(CHUNK).enumerate() {
        // which pass goes first alternates, so that neither always finds the caches warm
        if i % 2 == 0 {
            r.bare += timed(|| bare_pass(baseline, chunk));
            r.extract += timed(|| extract_pass(extractor, chunk));
        } else {
            r.extract += timed(|| extract_pass(extractor, chunk));
            r.bare += timed(|| bare_pass(baseline, chunk));
        }
    }
    r
}

fn ab(rounds: usize, articles: &[Article]) {
    let extractor = Extractor::new();
    let baseline = Baseline::new(extractor.gazetteer());
    let mb = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    println!("kernel huge pages: {}", baseline::huge_pages());
    // one round untimed: the automata and the allocator warm
    round(&extractor, &baseline, articles);
    let mut ratios = Vec::with_capacity(rounds);
    let mut total = Round::default();
    for n in 1..=rounds {
        let r = round(&extractor, &baseline, articles);
        let (b, e) = (r.bare.as_secs_f64(), r.extract.as_secs_f64());
        println!(
            "round {n}: bare {:.1} MB/s, extraction {:.1} MB/s, ratio {:.3}",
            mb / b,
            mb / e,
            b / e
        );
        ratios.push(b / e);
        total.bare += r.bare;
        total.extract += r.extract;
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios.get(ratios.len() / 2).copied().unwrap_or(f64::NAN);
    let pooled = total.bare.as_secs_f64() / total.extract.as_secs_f64();
    println!(
        "{} articles, {mb:.2} MB, {rounds} rounds: median ratio {median:.3}, ratio of sums {pooled:.3}",
        articles.len()
    );
}

fn run(args: &[String]) -> Result<(), String> {
    match args {
        [mode] if mode == "extract" => {
            let extractor = Extractor::new();
            let articles = read_articles()?;
            println!("{} events", extract_pass(&extractor, &articles));
        }
        [mode] if mode == "bare" => {
            let extractor = Extractor::new();
            let baseline = Baseline::new(extractor.gazetteer());
            let articles = read_articles()?;
            println!("{} matches", bare_pass(&baseline, &articles));
        }
        [mode, rest @ ..] if mode == "ab" && rest.len() <= 1 => {
            let rounds = match rest.first() {
                Some(r) => r
                    .parse::<usize>()
                    .ok()
                    .filter(|&r| r > 0)
                    .ok_or_else(|| format!("ROUNDS {r:?}: expected a positive number"))?,
                None => 5,
            };
            ab(rounds, &read_articles()?);
        }
        _ => return Err(USAGE.to_string()),
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("against_bare: {e}");
            ExitCode::from(2)
        }
    }
}
