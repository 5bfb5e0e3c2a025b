//! The yardstick of the batch mode: a bare pass of a naive 36,000-name gazetteer.
//!
//! ```text
//! naive_gazetteer --write-corpus BYTES > corpus.jsonl   the bench corpus as JSON lines
//! naive_gazetteer < corpus.jsonl                        the naive pass, one line of figures
//! ```
//!
//! `scripts/batch_vs_naive.py` runs both and times the `extract --jsonl` batch mode against
//! the naive pass over the same articles (issue 11, item 4). Neither mode is part of the
//! library.
//!
//! **The corpus.** `--write-corpus BYTES` writes the articles of the bench corpus
//! (`benches/corpus/`, seed `SEED`) until their texts reach `BYTES`, one
//! `{"id","text","date"}` per line, as `BENCH_DUMP_CORPUS` of `cargo bench --bench extract`
//! does for its first 5.2 MB: the same generator, deterministic, so the same file each time.
//!
//! **The naive gazetteer.** The first 36,000 distinct names (the `name` column, a leading
//! `=` removed, distinct ignoring ASCII case) of the crate's built-in TSV files, read in the
//! crate's order: `data/countries.tsv`, `provinces.tsv`, then `cities.tsv`, inside which the
//! 36,000 end (the figures name the last one taken). No aliases, no stoplist, no word boundaries, no case rules: one
//! `aho_corasick::AhoCorasick`, ASCII case-insensitive, leftmost-longest, every other setting
//! the default (the crate picks the automaton: for this many names a contiguous NFA).
//!
//! **The pass.** Reads every line of standard input, takes its `text` (serde_json), builds
//! the automaton and counts its matches over every text, then prints one JSON line:
//! `{"names", "last_name", "automaton", "articles", "text_bytes", "matches", "read_s",
//! "build_s", "pass_s"}`. `pass_s` is the count alone; the whole process (start, read, parse, build,
//! pass) is what the script times from outside.

#[allow(dead_code)] // the corpus module also serves the benches
#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::collections::HashSet;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Deserialize;

/// How many names the naive gazetteer holds.
const NAMES: usize = 36_000;

/// The built-in files, in the order the crate reads them (`src/gazetteer/builtin.rs`).
const FILES: [&str; 7] = [
    include_str!("../data/countries.tsv"),
    include_str!("../data/provinces.tsv"),
    include_str!("../data/cities.tsv"),
    include_str!("../data/air_bases.tsv"),
    include_str!("../data/groups.tsv"),
    include_str!("../data/officials.tsv"),
    include_str!("../data/sources.tsv"),
];

const USAGE: &str = "usage: naive_gazetteer --write-corpus BYTES > corpus.jsonl
       naive_gazetteer < corpus.jsonl";

/// One input line: only its text is read.
#[derive(Deserialize)]
struct Line {
    text: String,
}

/// The first [`NAMES`] distinct names of the built-in files.
fn names() -> Vec<&'static str> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(NAMES);
    let lines = FILES.iter().flat_map(|f| f.lines());
    for line in lines.filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let Some(name) = line.split('\t').nth(1) else {
            continue;
        };
        let name = name.strip_prefix('=').unwrap_or(name);
        if !name.is_empty() && seen.insert(name.to_ascii_lowercase()) {
            out.push(name);
            if out.len() == NAMES {
                break;
            }
        }
    }
    out
}

/// Writes the bench corpus until its texts reach `bytes`.
fn write_corpus(bytes: usize) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for (i, text) in corpus::corpus_bytes(bytes).iter().enumerate() {
        let line = serde_json::json!({
            "id": format!("bench-{i}"),
            "text": text,
            "date": corpus::publication_date(i).to_string(),
        });
        writeln!(out, "{line}")?;
    }
    out.flush()
}

/// Reads the texts, builds the automaton, counts its matches, prints the figures.
fn naive_pass() -> Result<(), String> {
    let start = Instant::now();
    let mut input = String::new();
    io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    let texts = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str::<Line>(l)
                .map(|line| line.text)
                .map_err(|e| format!("line {}: {e}", n + 1))
        })
        .collect::<Result<Vec<String>, String>>()?;
    let read = start.elapsed();

    let start = Instant::now();
    let names = names();
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .map_err(|e| format!("cannot build the automaton: {e}"))?;
    let build = start.elapsed();

    let start = Instant::now();
    let matches: usize = texts.iter().map(|t| ac.find_iter(t).count()).sum();
    let pass = start.elapsed();

    let figures = serde_json::json!({
        "names": names.len(),
        "last_name": names.last(),
        "automaton": format!("{:?}", ac.kind()),
        "articles": texts.len(),
        "text_bytes": texts.iter().map(String::len).sum::<usize>(),
        "matches": matches,
        "read_s": read.as_secs_f64(),
        "build_s": build.as_secs_f64(),
        "pass_s": pass.as_secs_f64(),
    });
    println!("{figures}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.as_slice() {
        [] => naive_pass(),
        [flag, bytes] if flag == "--write-corpus" => match bytes.parse::<usize>() {
            Ok(bytes) => write_corpus(bytes).map_err(|e| format!("cannot write: {e}")),
            Err(_) => Err(format!(
                "--write-corpus {bytes:?}: expected a number of bytes"
            )),
        },
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("naive_gazetteer: {e}");
            ExitCode::from(2)
        }
    }
}
