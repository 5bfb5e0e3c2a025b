//! Adds a user gazetteer file to the built-in data and reads an article with it.
//!
//! ```text
//! cargo run --example custom_gazetteer
//! cargo run --example custom_gazetteer -- my_groups.tsv
//! ```
//!
//! Without an argument it uses a small file written below. A malformed file stops with an
//! error naming the file, the line and the reason.

use conflict_events::gazetteer::Gazetteer;
use conflict_events::{Document, Event, Extractor, NaiveDate};

/// kind, name, country, code, province, aliases (|-separated), attrs (key=value;...)
const EXAMPLE: &str = "\
# A user gazetteer: a fictional group and a town the built-in data lacks.
armed_group\tRed Hand Brigade\tSY\t\t\tRHB|Red Hand fighters
city\tTell Qarah\tSY\t\tSY-HA\tTal Qara\tpop=900
";

fn main() {
    let (name, text) = match std::env::args().nth(1) {
        Some(path) => match std::fs::read_to_string(&path) {
            Ok(t) => (path, t),
            Err(e) => {
                eprintln!("custom_gazetteer: cannot read {path}: {e}");
                std::process::exit(2);
            }
        },
        None => ("example.tsv".to_string(), EXAMPLE.to_string()),
    };
    let gazetteer = match Gazetteer::builder().add_tsv(name, text).build() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("custom_gazetteer: {e}");
            std::process::exit(1);
        }
    };
    let extractor = match Extractor::builder().gazetteer(gazetteer).build() {
        Ok(x) => x,
        Err(e) => {
            eprintln!("custom_gazetteer: {e}");
            std::process::exit(1);
        }
    };
    let article = "Syrian army artillery shelled RHB positions near Tal Qara on Monday, \
                   killing six Red Hand fighters, a monitor said.";
    let date = NaiveDate::from_ymd_opt(2019, 3, 6).unwrap_or_default();
    for event in extractor.extract(&Document::new(article).published(date)) {
        match &event {
            Event::Strike(s) => println!(
                "strike by {:?} on {:?} in {:?}",
                s.actor.as_ref().map(|a| &a.name),
                s.targets.iter().map(|t| &t.name).collect::<Vec<_>>(),
                s.provinces
                    .iter()
                    .filter_map(|p| p.code.as_deref())
                    .collect::<Vec<_>>()
            ),
            Event::Casualty(c) => {
                println!("{:?} {:?} {:?}", c.count.value, c.victims.text(), c.kind)
            }
            _ => {}
        }
    }
}
