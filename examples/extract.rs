//! Reads articles and prints their events as JSON.
//!
//! ```text
//! extract FILE [--date YYYY-MM-DD]         one article: the events as pretty JSON
//! extract --jsonl [--threads N] < IN > OUT  batch: one {"id","text","date"} per line in,
//!                                          one {"id","events"} per line out, in order
//! extract --csv FILE | --jsonl --csv        ACLED-style CSV, one row per event (LF ends)
//! extract --html FILE > page.html           a page that shows the reading
//! ```
//!
//! In batch mode a bad line gives one line on stderr naming its number and the reason; the
//! other lines are still processed (the bad one gets `"events": []` when it has an id, and
//! no line otherwise), and the exit status is 1 at the end.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use conflict_events::export::{html_page, Article, Csv, LineEnding};
use conflict_events::{Document, Extractor, NaiveDate};
use serde_json::Value;

const USAGE: &str = "usage: extract [--csv | --html] FILE [--date YYYY-MM-DD]\n       extract --jsonl [--csv] [--threads N] < articles.jsonl > events.jsonl";

/// `--csv`: the batch writes CSV rows instead of JSON lines (set once, before the batch).
static CSV: AtomicBool = AtomicBool::new(false);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("extract: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let mut file = None;
    let mut date = None;
    let mut jsonl = false;
    let mut html = false;
    let mut threads = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--jsonl" => jsonl = true,
            "--csv" => CSV.store(true, Ordering::Relaxed),
            "--html" => html = true,
            "--date" => {
                let v = it.next().ok_or("--date needs a value (YYYY-MM-DD)")?;
                date = Some(parse_date(v).map_err(|e| format!("--date {v:?}: {e}"))?);
            }
            "--threads" => {
                let v = it.next().ok_or("--threads needs a number")?;
                let n: usize =
                    v.parse().ok().filter(|n| *n > 0).ok_or_else(|| {
                        format!("--threads {v:?}: expected a whole number above 0")
                    })?;
                threads = Some(n);
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
            s => {
                if file.replace(s.to_string()).is_some() {
                    return Err(format!("one FILE only\n{USAGE}"));
                }
            }
        }
    }
    let extractor = Extractor::new();
    if jsonl {
        if html {
            return Err(format!("--html reads one FILE, not --jsonl\n{USAGE}"));
        }
        if file.is_some() {
            return Err(format!("--jsonl reads standard input, not a FILE\n{USAGE}"));
        }
        let threads = threads.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        });
        if CSV.load(Ordering::Relaxed) {
            print!("{}", csv_text(true, None, &[]));
        }
        return batch(&extractor, threads);
    }
    let path = file.ok_or_else(|| format!("no FILE given\n{USAGE}"))?;
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path} is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut doc = Document::new(&text);
    if let Some(d) = date {
        doc = doc.published(d);
    }
    let events = extractor.extract(&doc);
    if CSV.load(Ordering::Relaxed) && html {
        return Err(format!("--csv or --html, not both\n{USAGE}"));
    }
    if CSV.load(Ordering::Relaxed) || html {
        let article = Article::new(&text).id(&path);
        let out = match html {
            true => html_page(&article, &events),
            false => csv_text(true, Some(&article), &events),
        };
        print!("{out}");
        return Ok(ExitCode::SUCCESS);
    }
    let json = serde_json::to_string_pretty(&events).map_err(|e| e.to_string())?;
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

/// LF-ended CSV: the header if asked, then the article's rows.
fn csv_text(header: bool, article: Option<&Article>, events: &[conflict_events::Event]) -> String {
    let (csv, mut out) = (Csv::new().line_ending(LineEnding::Lf), Vec::new());
    // writing into a Vec does not fail
    if header {
        let _ = csv.write_header(&mut out);
    }
    if let Some(a) = article {
        let _ = csv.write_rows(&mut out, a, events);
    }
    String::from_utf8(out).unwrap_or_default()
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("not a date YYYY-MM-DD ({e})"))
}

/// One output line: the input's id and its events.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a Value,
    events: &'a [conflict_events::Event],
}

/// One input line's result: the output line, and an error message for stderr.
fn process(extractor: &Extractor, line_no: usize, line: &str) -> (Option<String>, Option<String>) {
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return (None, Some(format!("line {line_no}: not JSON: {e}"))),
    };
    let id = value.get("id").cloned();
    let fail = |reason: String| {
        let out = id
            .clone()
            .filter(|_| !CSV.load(Ordering::Relaxed)) // a CSV has no row for a failed line
            .map(|id| serde_json::json!({"id": id, "events": []}).to_string());
        (out, Some(format!("line {line_no}: {reason}")))
    };
    let Some(id_value) = id.clone() else {
        return fail("no \"id\" field".to_string());
    };
    let Some(text) = value.get("text").and_then(Value::as_str) else {
        return fail("no \"text\" string field".to_string());
    };
    let mut doc = Document::new(text);
    match value.get("date") {
        None | Some(Value::Null) => {}
        Some(Value::String(d)) => match parse_date(d) {
            Ok(d) => doc = doc.published(d),
            Err(e) => return fail(format!("\"date\" {d:?}: {e}")),
        },
        Some(other) => return fail(format!("\"date\" must be a string, got {other}")),
    }
    let events = extractor.extract(&doc);
    if CSV.load(Ordering::Relaxed) {
        let id = id_value
            .as_str()
            .map_or_else(|| id_value.to_string(), str::to_string);
        let rows = csv_text(false, Some(&Article::new(text).id(&id)), &events);
        return (rows.strip_suffix('\n').map(str::to_string), None);
    }
    // serialised straight from the events (through a `Value` it cost more than extraction)
    let line = Line {
        id: &id_value,
        events: &events,
    };
    match serde_json::to_string(&line) {
        Ok(out) => (Some(out), None),
        Err(e) => fail(format!("cannot serialise the events: {e}")),
    }
}

fn batch(extractor: &Extractor, threads: usize) -> Result<ExitCode, String> {
    // lines read, extracted and written at a time: enough for the threads to share, few
    // enough to keep memory flat (4,096 lines of news took 76 MB at peak, 256 take 57-61)
    const CHUNK: usize = 256;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let progress = std::io::stderr().is_terminal();
    let started = Instant::now();
    let mut failed = false;
    let mut line_no = 0usize;
    let mut done = 0usize;
    let mut lines: Vec<(usize, String)> = Vec::with_capacity(CHUNK);
    loop {
        lines.clear();
        let mut eof = false;
        while lines.len() < CHUNK {
            let mut buf = Vec::new();
            let n = input
                .read_until(b'\n', &mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            if n == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            match String::from_utf8(buf) {
                Ok(s) => {
                    if !s.trim().is_empty() {
                        lines.push((line_no, s));
                    }
                }
                Err(_) => {
                    eprintln!("line {line_no}: not UTF-8");
                    failed = true;
                }
            }
        }
        let results = run_parallel(extractor, &lines, threads);
        for (out_line, err) in results {
            if let Some(e) = err {
                eprintln!("{e}");
                failed = true;
            }
            if let Some(l) = out_line {
                writeln!(out, "{l}").map_err(|e| format!("cannot write: {e}"))?;
            }
        }
        done += lines.len();
        if progress {
            eprint!(
                "\r{done} articles, {:.0} articles/s",
                done as f64 / started.elapsed().as_secs_f64().max(1e-9)
            );
        }
        if eof {
            break;
        }
    }
    if progress {
        eprintln!();
    }
    out.flush().map_err(|e| format!("cannot write: {e}"))?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

type Outcome = (Option<String>, Option<String>);

/// Processes lines on `threads` threads; results come back in input order.
fn run_parallel(extractor: &Extractor, lines: &[(usize, String)], threads: usize) -> Vec<Outcome> {
    if threads <= 1 || lines.len() < 2 {
        return lines
            .iter()
            .map(|(n, l)| process(extractor, *n, l))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Outcome>> = vec![None; lines.len()];
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let next = &next;
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((n, l)) = lines.get(i) else { break };
                        mine.push((i, process(extractor, *n, l)));
                    }
                    mine
                })
            })
            .collect();
        for h in handles {
            if let Ok(results) = h.join() {
                for (i, r) in results {
                    if let Some(slot) = slots.get_mut(i) {
                        *slot = Some(r);
                    }
                }
            }
        }
    });
    slots
        .into_iter()
        .map(|s| s.unwrap_or((None, Some("internal error: a worker stopped".to_string()))))
        .collect()
}
