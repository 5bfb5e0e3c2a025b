//! Reads articles and prints their events as JSON.
//!
//! ```text
//! extract FILE [--date YYYY-MM-DD]     one article: the events as pretty JSON
//! extract --jsonl [OPTIONS] < IN > OUT  batch: one {"id","text","date"} per line in,
//!                                      one {"id","events"} per line out, in order
//! extract --csv FILE | --jsonl --csv    ACLED-style CSV, one row per event (LF ends)
//! extract --html FILE > page.html       a page that shows the reading
//!
//!   --threads N           worker threads (default and most: the number of cores;
//!                         more would only wait for a core)
//!   --max-line-bytes N    longest input line read (default 16777216, 16 MiB)
//!   --max-seconds S       time one line may take (default 10; 0 for no limit)
//! ```
//!
//! # Batch mode
//!
//! Every input line gives exactly one output line, in input order, so the output has as
//! many lines as the input. A bad line (not UTF-8, not JSON, no `id`, no `text`, a bad
//! `date`, empty, over the size or time limit) gives `{"id": <its id, or null if it cannot
//! be read>, "events": []}` (with `--csv`, no row) and one line on stderr, in input order:
//! `line N (byte OFFSET): reason`, where OFFSET is where the line starts in the input. A
//! UTF-8 byte-order mark at the start of a line is skipped, and a lone UTF-16 surrogate
//! escape (`\ud800` without its pair, as Python's `json.dumps` writes for broken text) is
//! read as U+FFFD, the replacement character.
//!
//! Limits. A line over `--max-line-bytes` is not parsed: its id is read from its first
//! 64 KiB when it comes before the text. A line whose extraction takes longer than
//! `--max-seconds` gets its output line and error when the limit passes, and the batch goes
//! on: the extraction cannot be interrupted, so its thread is left to finish in the
//! background (its result is dropped) and a fresh thread takes its place; at most four such
//! threads per worker are left running, past that the batch waits for them. Memory stays
//! bounded: at most 64 MiB of input lines (and 64 lines per thread) are in flight, besides
//! what each running extraction holds.
//!
//! # Exit status
//!
//! 0 when every line was good; 1 when some line was bad (each is on stderr); 2 on a usage
//! error, an unreadable input or an output that cannot be written (`cannot write: ...`, a
//! full disk). When the reader of the output goes away (`extract ... | head`), the run
//! stops quietly with the status it has so far (0, or 1 after a bad line).

#[path = "support/jsonl.rs"]
mod jsonl;

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use conflict_events::export::{html_page, Article, Csv, LineEnding};
use conflict_events::{Event, Extractor};
use jsonl::RawLine;
use serde_json::Value;

/// A line's outcome with its output line as bytes, written as they are made.
type Outcome = jsonl::Outcome<Vec<u8>>;

const USAGE: &str = "usage: extract [--csv | --html] FILE [--date YYYY-MM-DD]
       extract --jsonl [--csv] [--threads N] [--max-line-bytes N] [--max-seconds S] < IN > OUT

  --threads N         worker threads (default and most: the number of cores)
  --max-line-bytes N  longest input line read (default 16777216, 16 MiB)
  --max-seconds S     time one line may take (default 10; 0 for no limit)

exit status: 0 all lines good, 1 some line bad (see stderr), 2 usage, read or write error";

/// Default `--max-seconds`.
const DEFAULT_MAX_SECONDS: f64 = 10.0;
/// Input bytes read but not yet written, at most (a longer single line still goes alone).
const MAX_BYTES_IN_FLIGHT: usize = 64 << 20;
/// Lines read but not yet written, per thread, at most.
const LINES_IN_FLIGHT_PER_THREAD: usize = 64;
/// Threads left running past the time limit, per worker, at most.
const ABANDONED_PER_THREAD: usize = 4;
/// The writer is woken by the result of the line it waits for or, with more lines in
/// flight, of the line this many on (a line past the time limit is still seen in time: the
/// writer's wait ends at the limit). Half the lines in flight of one worker
/// ([`LINES_IN_FLIGHT_PER_THREAD`]): the lines done and not yet written take from the work
/// the reader keeps ahead of the workers. 32 against 8: voluntary context switches over
/// the bench corpus six times 1,824 -> 505, CPU 0.756 -> 0.734 s (five alternated runs).
const WRITER_BATCH: u64 = 32;
/// The longest the writer waits before it looks again (for workers that are gone).
const WRITER_WAIT: Duration = Duration::from_secs(1);
/// The batch mode's input buffer: a line (4.4 KB on average in the bench corpus) mostly
/// comes whole from one read, one allocation of its length, where standard input's own
/// 8 KiB buffer gave it in pieces, each a reallocation and a system call.
const INPUT_BUFFER: usize = 256 << 10;
/// The batch mode's output buffer, for the short lines: a line as long (a JSON line of the
/// bench corpus averages 15 KB) is written past it with no copy, into standard output's own
/// line buffer, which finds the line's newline at its end and writes it straight through.
const OUTPUT_BUFFER: usize = 8 << 10;

/// How a run ends, when it does not end normally.
enum Stop {
    /// A usage, read or write error: the message, exit 2.
    Fail(String),
    /// The reader of the output went away: stop quietly.
    Closed,
}

impl From<String> for Stop {
    fn from(msg: String) -> Stop {
        Stop::Fail(msg)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Stop::Closed) => ExitCode::SUCCESS,
        Err(Stop::Fail(msg)) => {
            note(&format!("extract: {msg}"));
            ExitCode::from(2)
        }
    }
}

/// One line on stderr; an unwritable stderr is ignored (there is nowhere else to say it).
fn note(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// A write error: a closed pipe stops quietly, anything else is `cannot write`.
fn write_error(e: io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Stop::Closed
    } else {
        Stop::Fail(format!("cannot write: {e}"))
    }
}

/// The settings of a run.
struct Options {
    file: Option<String>,
    date: Option<conflict_events::NaiveDate>,
    jsonl: bool,
    csv: bool,
    html: bool,
    threads: Option<usize>,
    max_line_bytes: usize,
    max_time: Option<Duration>,
}

fn parse_args(args: &[String]) -> Result<Option<Options>, Stop> {
    let mut o = Options {
        file: None,
        date: None,
        jsonl: false,
        csv: false,
        html: false,
        threads: None,
        max_line_bytes: jsonl::DEFAULT_MAX_LINE_BYTES,
        max_time: Some(Duration::from_secs_f64(DEFAULT_MAX_SECONDS)),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |what: &str| it.next().ok_or(format!("{a} needs {what}\n{USAGE}"));
        match a.as_str() {
            "--jsonl" => o.jsonl = true,
            "--csv" => o.csv = true,
            "--html" => o.html = true,
            "--date" => {
                let v = value("a value (YYYY-MM-DD)")?;
                o.date = Some(jsonl::parse_date(v).map_err(|e| format!("--date {v:?}: {e}"))?);
            }
            "--threads" => {
                let v = value("a number")?;
                let n = v.parse().ok().filter(|n| *n > 0);
                o.threads =
                    Some(n.ok_or(format!("--threads {v:?}: expected a whole number above 0"))?);
            }
            "--max-line-bytes" => {
                let v = value("a number of bytes")?;
                let n = v.parse().ok().filter(|n| *n > 0);
                o.max_line_bytes = n.ok_or(format!(
                    "--max-line-bytes {v:?}: expected a whole number above 0"
                ))?;
            }
            "--max-seconds" => {
                let v = value("a number of seconds")?;
                let s: f64 = v
                    .parse()
                    .ok()
                    .filter(|s: &f64| s.is_finite() && *s >= 0.0 && *s < 1e9)
                    .ok_or(format!(
                        "--max-seconds {v:?}: expected seconds, 0 for no limit"
                    ))?;
                o.max_time = (s > 0.0).then(|| Duration::from_secs_f64(s));
            }
            "-h" | "--help" => {
                writeln!(io::stdout().lock(), "{USAGE}").map_err(write_error)?;
                return Ok(None);
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}").into()),
            s => {
                if o.file.replace(s.to_string()).is_some() {
                    return Err(format!("one FILE only\n{USAGE}").into());
                }
            }
        }
    }
    Ok(Some(o))
}

fn run(args: &[String]) -> Result<ExitCode, Stop> {
    let Some(o) = parse_args(args)? else {
        return Ok(ExitCode::SUCCESS);
    };
    if o.csv && o.html {
        return Err(format!("--csv or --html, not both\n{USAGE}").into());
    }
    let extractor = Extractor::new();
    if o.jsonl {
        if o.html {
            return Err(format!("--html reads one FILE, not --jsonl\n{USAGE}").into());
        }
        if o.file.is_some() {
            return Err(format!("--jsonl reads standard input, not a FILE\n{USAGE}").into());
        }
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let settings = Settings {
            threads: o.threads.unwrap_or(cores).min(cores),
            max_line_bytes: o.max_line_bytes,
            max_time: o.max_time,
            csv: o.csv,
        };
        return batch(&extractor, &settings);
    }
    let path = o.file.ok_or_else(|| format!("no FILE given\n{USAGE}"))?;
    let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{path} is not UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut doc = conflict_events::Document::new(text);
    if let Some(d) = o.date {
        doc = doc.published(d);
    }
    let events = extractor.extract(&doc);
    let mut out = io::BufWriter::new(io::stdout().lock());
    if o.csv || o.html {
        let article = Article::new(text).id(&path);
        let page = match o.html {
            true => html_page(&article, &events),
            false => csv_text(true, Some(&article), &events),
        };
        out.write_all(page.as_bytes())
            .and_then(|()| out.flush())
            .map_err(write_error)?;
        return Ok(ExitCode::SUCCESS);
    }
    serde_json::to_writer_pretty(&mut out, &events).map_err(|e| {
        if e.is_io() {
            write_error(e.into())
        } else {
            Stop::Fail(format!("cannot serialise the events: {e}"))
        }
    })?;
    writeln!(out)
        .and_then(|()| out.flush())
        .map_err(write_error)?;
    Ok(ExitCode::SUCCESS)
}

/// LF-ended CSV: the header if asked, then the article's rows.
fn csv_text(header: bool, article: Option<&Article>, events: &[Event]) -> String {
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

/// How a batch runs.
struct Settings {
    threads: usize,
    max_line_bytes: usize,
    max_time: Option<Duration>,
    /// CSV rows instead of JSON lines.
    csv: bool,
}

/// The state of one line between its reading and its writing.
struct Job {
    /// When a worker started it.
    started: Mutex<Option<Instant>>,
    /// Its id, once parsed (for the output line of a line over the time limit).
    id: Mutex<Option<Value>>,
    /// [`RUNNING`], [`DONE`] or [`ABANDONED`].
    state: AtomicU8,
    number: u64,
    offset: u64,
    bytes: usize,
}

/// [`Job`] state: read, or being extracted.
const RUNNING: u8 = 0;
/// Its result is sent.
const DONE: u8 = 1;
/// Past the time limit: its output line is written, its result will be dropped, and its
/// worker stops after it (a fresh one took its place).
const ABANDONED: u8 = 2;

/// What the reader hands the writer, in input order.
enum Read {
    Line(Arc<Job>),
    Failed(String),
}

/// Lines and bytes read but not yet written: the reader waits when either is at its limit,
/// and is woken once an eighth of both is free again (or all): one wake-up for many
/// lines, where one for each line cost a futex call on each side. The counts are atomics,
/// so that a line's take and give lock nothing; `lock` only orders the reader's wait with
/// the writer's wake-up.
struct Budget {
    lines_used: AtomicUsize,
    bytes_used: AtomicUsize,
    /// True while the reader waits (set under `lock`).
    waiting: AtomicBool,
    lock: Mutex<()>,
    freed: Condvar,
    lines: usize,
    bytes: usize,
}

impl Budget {
    fn new(lines: usize, bytes: usize) -> Budget {
        Budget {
            lines_used: AtomicUsize::new(0),
            bytes_used: AtomicUsize::new(0),
            waiting: AtomicBool::new(false),
            lock: Mutex::new(()),
            freed: Condvar::new(),
            lines,
            bytes,
        }
    }

    /// Whether a line of `bytes` may be read now: a line longer than the byte budget still
    /// goes, alone.
    fn fits(&self, bytes: usize) -> bool {
        let lines = self.lines_used.load(Ordering::SeqCst);
        lines == 0
            || (lines < self.lines && self.bytes_used.load(Ordering::SeqCst) + bytes <= self.bytes)
    }

    /// Lines read but not yet written.
    fn in_flight(&self) -> usize {
        self.lines_used.load(Ordering::SeqCst)
    }

    fn take(&self, bytes: usize) {
        if !self.fits(bytes) {
            self.wait_for_room(bytes);
        }
        self.lines_used.fetch_add(1, Ordering::SeqCst);
        self.bytes_used.fetch_add(bytes, Ordering::SeqCst);
    }

    /// Waits until a line of `bytes` fits. `waiting` is set before the counts are read
    /// again, and `give` lowers the counts before it reads `waiting`: one of the two sees
    /// the other's write, so no wake-up is lost.
    fn wait_for_room(&self, bytes: usize) {
        let Ok(mut guard) = self.lock.lock() else {
            return;
        };
        self.waiting.store(true, Ordering::SeqCst);
        while !self.fits(bytes) {
            match self.freed.wait(guard) {
                Ok(g) => guard = g,
                Err(_) => break,
            }
        }
        self.waiting.store(false, Ordering::SeqCst);
    }

    fn give(&self, bytes: usize) {
        let lines = self
            .lines_used
            .fetch_sub(1, Ordering::SeqCst)
            .saturating_sub(1);
        let used = self
            .bytes_used
            .fetch_sub(bytes, Ordering::SeqCst)
            .saturating_sub(bytes);
        // an eighth free: the seven eighths still read keep the workers busy while the
        // reader wakes up (on a loaded host it may wait some milliseconds for a core)
        let room = lines + self.lines / 8 <= self.lines && used + self.bytes / 8 <= self.bytes;
        if (lines == 0 || room) && self.waiting.load(Ordering::SeqCst) {
            // the lock waits for the reader to be in its wait (it holds it until then)
            let _guard = self.lock.lock();
            self.freed.notify_one();
        }
    }
}

/// Wakes the writer when the line it waits for is sent, or with more lines in flight the
/// one [`WRITER_BATCH`] lines on: a wake-up for each line cost a futex call in the worker
/// and a switch into the writer, some 10% of the batch mode's time in all.
struct Signal {
    /// While the writer waits: the line whose result wakes it.
    target: Mutex<Option<u64>>,
    sent: Condvar,
}

impl Signal {
    /// A worker has sent the result of line `n`.
    fn sent(&self, n: u64) {
        if let Ok(mut target) = self.target.lock() {
            if target.is_some_and(|t| n >= t) {
                *target = None;
                self.sent.notify_one();
            }
        }
    }
}

/// What the workers share.
struct Pool {
    extractor: Extractor,
    jobs: Mutex<Receiver<(Arc<Job>, RawLine)>>,
    results: Mutex<Sender<(u64, Outcome)>>,
    /// Wakes the writer.
    signal: Signal,
    max_line_bytes: usize,
    /// CSV rows instead of JSON lines.
    csv: bool,
    /// Workers that take new lines.
    live: AtomicUsize,
    /// Workers left running past the time limit.
    abandoned: AtomicUsize,
}

/// Reads standard input, extracts on `threads` workers, writes in input order.
fn batch(extractor: &Extractor, settings: &Settings) -> Result<ExitCode, Stop> {
    let (threads, max_line_bytes) = (settings.threads, settings.max_line_bytes);
    let (job_tx, job_rx) = mpsc::channel();
    let (result_tx, result_rx) = mpsc::channel();
    let (read_tx, read_rx) = mpsc::channel();
    let budget = Arc::new(Budget::new(
        LINES_IN_FLIGHT_PER_THREAD * threads,
        MAX_BYTES_IN_FLIGHT,
    ));
    let pool = Arc::new(Pool {
        extractor: extractor.clone(),
        jobs: Mutex::new(job_rx),
        results: Mutex::new(result_tx),
        signal: Signal {
            target: Mutex::new(None),
            sent: Condvar::new(),
        },
        max_line_bytes,
        csv: settings.csv,
        live: AtomicUsize::new(0),
        abandoned: AtomicUsize::new(0),
    });
    for _ in 0..threads {
        spawn_worker(&pool).map_err(|e| {
            format!("cannot start {threads} worker threads ({e}): try a smaller --threads")
        })?;
    }
    let reader_budget = Arc::clone(&budget);
    std::thread::Builder::new()
        .name("reader".to_string())
        .spawn(move || read_all(max_line_bytes, &reader_budget, &job_tx, &read_tx))
        .map_err(|e| format!("cannot start the reader thread ({e})"))?;
    let mut writer = Writer {
        out: io::BufWriter::with_capacity(OUTPUT_BUFFER, io::stdout().lock()),
        failed: false,
        pending: HashMap::new(),
        progress: io::stderr().is_terminal().then(|| (Instant::now(), 0)),
    };
    let limits = Limits {
        max_time: settings.max_time,
        max_abandoned: ABANDONED_PER_THREAD * threads,
    };
    let header = match settings.csv {
        true => csv_text(true, None, &[]),
        false => String::new(),
    };
    let stop = writer
        .out
        .write_all(header.as_bytes())
        .map_err(write_error)
        .and_then(|()| writer.write_all(&read_rx, &result_rx, &budget, &pool, &limits));
    let flushed = writer.out.flush().map_err(write_error);
    if writer.progress.is_some() {
        note("");
    }
    let code = if writer.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    };
    match stop.and(flushed) {
        Ok(()) => Ok(code),
        Err(Stop::Closed) => Ok(code),
        Err(e) => Err(e),
    }
}

/// Reads every line, hands each to the workers and, in order, to the writer.
fn read_all(
    max_line_bytes: usize,
    budget: &Budget,
    jobs: &Sender<(Arc<Job>, RawLine)>,
    order: &Sender<Read>,
) {
    let stdin = io::stdin();
    let mut input = io::BufReader::with_capacity(INPUT_BUFFER, stdin.lock());
    let (mut number, mut offset) = (1u64, 0u64);
    loop {
        let (line, newline) = match jsonl::read_line(&mut input, max_line_bytes, number, offset) {
            Ok(Some(l)) => l,
            Ok(None) => return,
            Err(e) => {
                let _ = order.send(Read::Failed(format!("cannot read standard input: {e}")));
                return;
            }
        };
        let bytes = line.bytes.len();
        budget.take(bytes);
        let job = Arc::new(Job {
            started: Mutex::new(None),
            id: Mutex::new(None),
            state: AtomicU8::new(RUNNING),
            number,
            offset,
            bytes,
        });
        offset = line.next_offset(newline);
        number += 1;
        if order.send(Read::Line(Arc::clone(&job))).is_err() || jobs.send((job, line)).is_err() {
            return;
        }
    }
}

fn spawn_worker(pool: &Arc<Pool>) -> io::Result<()> {
    let worker = Arc::clone(pool);
    std::thread::Builder::new()
        .name("extract".to_string())
        .spawn(move || work(&worker))?;
    pool.live.fetch_add(1, Ordering::SeqCst);
    Ok(())
}

/// A worker: takes lines until there are none, or until it was left past the time limit
/// (a fresh worker took its place).
fn work(pool: &Pool) {
    let results = match pool.results.lock() {
        Ok(tx) => tx.clone(),
        Err(_) => return,
    };
    loop {
        let next = match pool.jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((job, line)) = next else {
            return;
        };
        if let Ok(mut s) = job.started.lock() {
            *s = Some(Instant::now());
        }
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(pool, &job, line)))
                .unwrap_or_else(|_| Outcome {
                    output: jsonl::output_bytes(&job_id(&job), &[]),
                    error: Some(format!(
                        "line {} (byte {}): internal error: the extractor panicked",
                        job.number, job.offset
                    )),
                });
        let done = job
            .state
            .compare_exchange(RUNNING, DONE, Ordering::SeqCst, Ordering::SeqCst);
        let _ = results.send((job.number, outcome));
        pool.signal.sent(job.number);
        if done.is_err() {
            // left past the time limit: a fresh worker took this one's place
            pool.abandoned.fetch_sub(1, Ordering::SeqCst);
            return;
        }
    }
}

fn process(pool: &Pool, job: &Job, mut line: RawLine) -> Outcome {
    match jsonl::parse(&mut line, pool.max_line_bytes) {
        Ok(request) => {
            if let Ok(mut id) = job.id.lock() {
                *id = Some(request.id.clone());
            }
            drop(line);
            if pool.csv {
                csv_rows(pool, &request)
            } else {
                jsonl::extract(&pool.extractor, request, job.number, job.offset)
            }
        }
        // a CSV has no row for a bad line
        Err(bad) => without_row(
            jsonl::bad_outcome(&bad, job.number, job.offset).into_bytes(),
            pool.csv,
        ),
    }
}

/// A good line's CSV rows (none when it has no event).
fn csv_rows(pool: &Pool, request: &jsonl::Request) -> Outcome {
    let mut doc = conflict_events::Document::new(&request.text);
    if let Some(d) = request.date {
        doc = doc.published(d);
    }
    let events = pool.extractor.extract(&doc);
    let id = request
        .id
        .as_str()
        .map_or_else(|| request.id.to_string(), str::to_string);
    let mut rows =
        csv_text(false, Some(&Article::new(&request.text).id(&id)), &events).into_bytes();
    if rows.last() == Some(&b'\n') {
        rows.pop();
    }
    Outcome {
        output: rows,
        error: None,
    }
}

/// The outcome of a line past the time limit.
fn timed_out(job: &Job, max: Duration) -> Outcome {
    Outcome {
        output: jsonl::output_bytes(&job_id(job), &[]),
        error: Some(format!(
            "line {} (byte {}): took over {} s (--max-seconds): no events given",
            job.number,
            job.offset,
            max.as_secs_f64()
        )),
    }
}

/// With `csv`, the outcome without its output line: a CSV has no row for a bad line.
fn without_row(mut outcome: Outcome, csv: bool) -> Outcome {
    if csv {
        outcome.output.clear();
    }
    outcome
}

fn job_id(job: &Job) -> Value {
    job.id
        .lock()
        .ok()
        .and_then(|id| id.clone())
        .unwrap_or(Value::Null)
}

/// The time limit, and how many threads may be left running past it.
struct Limits {
    max_time: Option<Duration>,
    max_abandoned: usize,
}

/// Writes the output lines in input order.
struct Writer<W: Write> {
    out: W,
    failed: bool,
    /// Results that came before their turn, by line number.
    pending: HashMap<u64, Outcome>,
    /// Start and lines written, when stderr is a terminal.
    progress: Option<(Instant, u64)>,
}

impl<W: Write> Writer<W> {
    fn write_all(
        &mut self,
        order: &Receiver<Read>,
        results: &Receiver<(u64, Outcome)>,
        budget: &Budget,
        pool: &Arc<Pool>,
        limits: &Limits,
    ) -> Result<(), Stop> {
        for read in order {
            let job = match read {
                Read::Line(job) => job,
                Read::Failed(msg) => return Err(Stop::Fail(msg)),
            };
            let outcome = self.wait_for(&job, results, budget, pool, limits)?;
            self.write(outcome)?;
            budget.give(job.bytes);
        }
        Ok(())
    }

    /// The result of `job`, or its time-out when it passes the limit.
    fn wait_for(
        &mut self,
        job: &Job,
        results: &Receiver<(u64, Outcome)>,
        budget: &Budget,
        pool: &Arc<Pool>,
        limits: &Limits,
    ) -> Result<Outcome, Stop> {
        loop {
            if let Some(outcome) = self.pending.remove(&job.number) {
                return Ok(outcome);
            }
            self.receive(job.number, results)?;
            if let Some(outcome) = self.pending.remove(&job.number) {
                return Ok(outcome);
            }
            let started = job.started.lock().ok().and_then(|s| *s);
            let wait = match (limits.max_time, started) {
                (Some(max), Some(t)) => {
                    let left = max.saturating_sub(t.elapsed());
                    if left.is_zero() && abandon(pool, job, limits) {
                        return Ok(without_row(timed_out(job, max), pool.csv));
                    }
                    left.max(Duration::from_millis(10))
                }
                // not started yet: look again soon
                (Some(_), None) if pool.live.load(Ordering::SeqCst) == 0 => {
                    return Err(Stop::Fail(
                        "no worker thread left: none could be started in place of those past \
                         the time limit"
                            .to_string(),
                    ))
                }
                (Some(max), None) => max.min(Duration::from_millis(100)),
                (None, _) => WRITER_WAIT,
            };
            // the head's result, or with more lines in flight the one WRITER_BATCH lines on
            let last = job.number + (budget.in_flight() as u64).clamp(1, WRITER_BATCH) - 1;
            self.sleep(
                job.number,
                last,
                results,
                &pool.signal,
                wait.min(WRITER_WAIT),
            )?;
        }
    }

    /// Takes every result sent so far (those of lines already written, past their limit,
    /// are dropped).
    fn receive(&mut self, head: u64, results: &Receiver<(u64, Outcome)>) -> Result<(), Stop> {
        loop {
            match results.try_recv() {
                Ok((n, outcome)) => {
                    if n >= head {
                        self.pending.insert(n, outcome);
                    }
                }
                Err(TryRecvError::Empty) => return Ok(()),
                Err(TryRecvError::Disconnected) => {
                    return Err(Stop::Fail(
                        "internal error: every worker stopped".to_string(),
                    ))
                }
            }
        }
    }

    /// Waits at most `wait` for the result of line `last` (or any after it), unless that of
    /// `head` is already sent. The target is set and the results taken under the signal's
    /// lock, which a worker takes after each send: a result sent before is taken here, one
    /// sent after sees the target.
    fn sleep(
        &mut self,
        head: u64,
        last: u64,
        results: &Receiver<(u64, Outcome)>,
        signal: &Signal,
        wait: Duration,
    ) -> Result<(), Stop> {
        let Ok(mut target) = signal.target.lock() else {
            std::thread::sleep(wait.min(Duration::from_millis(1)));
            return Ok(());
        };
        self.receive(head, results)?;
        if self.pending.contains_key(&head) {
            return Ok(());
        }
        // lines after the head already in (from another worker): the head's own result
        // must wake the writer
        *target = Some(if self.pending.is_empty() { last } else { head });
        if let Ok((mut target, _)) = signal.sent.wait_timeout(target, wait) {
            *target = None;
        }
        Ok(())
    }

    /// Writes the outcome's line with its newline in one write (the newline is pushed onto
    /// it: a long line then goes past both buffers whole).
    fn write(&mut self, mut outcome: Outcome) -> Result<(), Stop> {
        if let Some(e) = &outcome.error {
            note(e);
            self.failed = true;
        }
        // JSON lines always have one; a CSV line's rows may be none
        if !outcome.output.is_empty() {
            outcome.output.push(b'\n');
            (self.out.write_all(&outcome.output)).map_err(write_error)?;
        }
        // the buffer, written, serves a later line's output
        jsonl::give_back(outcome.output);
        if let Some((start, done)) = &mut self.progress {
            *done += 1;
            if *done % 256 == 0 {
                let rate = *done as f64 / start.elapsed().as_secs_f64().max(1e-9);
                let _ = write!(
                    io::stderr().lock(),
                    "\r{done} articles, {rate:.0} articles/s"
                );
            }
        }
        Ok(())
    }
}

/// Leaves the worker of `job` running past the time limit, if fewer than the most are
/// and its result is not already sent, and starts a fresh worker in its place; false if
/// the batch must wait for it instead.
fn abandon(pool: &Arc<Pool>, job: &Job, limits: &Limits) -> bool {
    if pool.abandoned.load(Ordering::SeqCst) >= limits.max_abandoned {
        return false;
    }
    let left = job
        .state
        .compare_exchange(RUNNING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst);
    if left.is_err() {
        return false;
    }
    pool.abandoned.fetch_add(1, Ordering::SeqCst);
    pool.live.fetch_sub(1, Ordering::SeqCst);
    // should no thread start, the others go on; with none left the batch stops
    let _ = spawn_worker(pool);
    true
}
