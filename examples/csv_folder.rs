//! Writes the ACLED-style CSV of a folder of articles: one row per event.
//!
//! ```text
//! cargo run --release --example csv_folder -- DIR [OUT.csv]
//! cargo run --example csv_folder              # a few articles of its own
//! ```
//!
//! Every `*.txt` file of DIR is one article (UTF-8), read in name order; the name without
//! `.txt` is its `article_id`. A name that starts with a date, `2024-03-04-kharkiv.txt`,
//! gives the publication date that "on Sunday" resolves against. The CSV goes to OUT.csv,
//! or to standard output, with CRLF line ends (RFC 4180, what spreadsheets expect). A file
//! that cannot be read or is not UTF-8 is named on stderr and skipped, and the exit status
//! is 1 at the end. Without DIR it writes three short articles into a temporary folder and
//! reads that.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use conflict_events::export::{Article, Csv};
use conflict_events::{Document, Extractor, NaiveDate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first() {
        Some(dir) => write_folder(Path::new(dir), args.get(1).map(Path::new)),
        None => demo(),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("csv_folder: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes the CSV of DIR's articles; `Ok(false)` when a file was skipped.
fn write_folder(dir: &Path, out: Option<&Path>) -> Result<bool, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut sink: Box<dyn Write> = match out {
        Some(path) => Box::new(
            File::create(path).map_err(|e| format!("cannot create {}: {e}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w = BufWriter::new(&mut sink);
    let extractor = Extractor::new();
    // names of countries and provinces from the gazetteer that read the articles
    let csv = Csv::new().names(extractor.gazetteer());
    let write_error = |e: std::io::Error| format!("cannot write: {e}");
    csv.write_header(&mut w).map_err(write_error)?;
    let (mut all_read, mut rows) = (true, 0);
    for path in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("csv_folder: skipped {}: {e}", path.display());
                all_read = false;
                continue;
            }
        };
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let mut doc = Document::new(&text);
        if let Some(date) = id.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()) {
            doc = doc.published(date);
        }
        let events = extractor.extract(&doc);
        rows += csv
            .write_rows(&mut w, &Article::new(&text).id(id), &events)
            .map_err(write_error)?;
    }
    w.flush().map_err(write_error)?;
    eprintln!("csv_folder: {} articles, {rows} rows", files.len());
    Ok(all_read)
}

/// Three articles of our own in a temporary folder, written as CSV to standard output.
fn demo() -> Result<bool, String> {
    let dir = std::env::temp_dir().join(format!("csv_folder-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let articles = [
        (
            "2024-03-04-kharkiv.txt",
            "Russian missiles struck the centre of Kharkiv on Sunday, the governor said.",
        ),
        (
            "2019-05-13-idlib.txt",
            "Syrian army artillery shelled rebel positions in the town of Jisr al-Shughur \
             in Idlib province on Saturday, residents said, describing \"the heaviest \
             bombardment, by far\" this year.",
        ),
        (
            "undated.txt",
            "Israeli jets struck targets in Deir el-Balah in Gaza, witnesses said.",
        ),
    ];
    for (name, text) in articles {
        std::fs::write(dir.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    let result = write_folder(&dir, None);
    let _ = std::fs::remove_dir_all(&dir);
    result
}
