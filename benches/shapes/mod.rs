//! The adversarial shapes of text of issue 13, each with a generator of about `n` bytes and
//! three sizes for the scaling bench (`benches/scaling.rs`). The linearity test
//! (`tests/linearity.rs`) reads the same shapes at sizes of its own.

#![allow(dead_code)]

pub mod counting;

// the realistic news of the other benches
#[path = "../corpus/mod.rs"]
mod corpus;

use conflict_events::gazetteer::EntryKind;
use conflict_events::gazetteer::Gazetteer;

/// One shape: its name, three sizes in bytes, and its generator (text of about `n` bytes).
pub struct Shape {
    pub name: &'static str,
    pub sizes: [usize; 3],
    pub make: fn(usize) -> String,
}

pub const KB: usize = 1 << 10;
pub const MB: usize = 1 << 20;

pub fn shapes() -> Vec<Shape> {
    vec![
        Shape {
            name: "one_sentence_repeated",
            sizes: [100 * KB, 200 * KB, 400 * KB],
            make: |n| repeat("Russian warplanes struck Aleppo, killing 12. ", n),
        },
        Shape {
            name: "distinct_sentences_one_paragraph",
            sizes: [256 * KB, 512 * KB, MB],
            make: distinct_sentences,
        },
        Shape {
            name: "struck_repeated_in_one_clause",
            sizes: [14 * KB, 28 * KB, 56 * KB],
            make: |n| format!("Russian warplanes {}Aleppo.", repeat("struck ", n)),
        },
        Shape {
            name: "weak_triggers_in_one_clause",
            sizes: [14 * KB, 28 * KB, 56 * KB],
            make: |n| format!("Gunmen {}Aleppo.", repeat("struck ", n)),
        },
        Shape {
            name: "figures_and_dates_in_one_sentence",
            sizes: [16 * KB, 32 * KB, 64 * KB],
            make: figures_and_dates,
        },
        Shape {
            name: "towns_in_one_clause",
            sizes: [64 * KB, 128 * KB, 256 * KB],
            make: |n| format!("Jets struck {}.", list_of_towns(n)),
        },
        Shape {
            name: "clashes_in_distinct_towns",
            sizes: [256 * KB, 512 * KB, MB],
            make: clashes,
        },
        Shape {
            name: "killing_and_a_list_of_figures",
            sizes: [5 * KB, 10 * KB, 20 * KB],
            make: figures,
        },
        Shape {
            name: "realistic_news_one_article",
            sizes: [MB, 2 * MB, 4 * MB],
            make: corpus::concatenated,
        },
        Shape {
            name: "dots",
            sizes: [MB, 2 * MB, 4 * MB],
            make: |n| repeat(".", n),
        },
        Shape {
            name: "quotes",
            sizes: [MB, 2 * MB, 4 * MB],
            make: |n| repeat("\"", n),
        },
        Shape {
            name: "nul_bytes",
            sizes: [MB, 2 * MB, 4 * MB],
            make: |n| repeat("\0", n),
        },
        Shape {
            name: "parentheses",
            sizes: [MB, 2 * MB, 4 * MB],
            make: |n| repeat("(", n),
        },
        Shape {
            name: "hyphens",
            sizes: [MB, 2 * MB, 4 * MB],
            make: |n| repeat("-", n),
        },
        Shape {
            name: "one_word_sentences",
            sizes: [MB, 2 * MB, 4 * MB],
            make: |n| repeat("Word. ", n),
        },
        Shape {
            name: "no_whitespace",
            sizes: [MB, 2 * MB, 4 * MB],
            make: |n| repeat("struckAleppo12,killing", n),
        },
        Shape {
            name: "one_long_sentence",
            // quadratic on the code of issue 13: 268 s at 1 MB
            sizes: [16 * KB, 32 * KB, 64 * KB],
            make: |n| {
                let mut s = repeat("warplanes struck Aleppo and killed 12 people and ", n);
                s.push('.');
                s
            },
        },
    ]
}

/// `unit` repeated to about `n` bytes.
fn repeat(unit: &str, n: usize) -> String {
    unit.repeat((n / unit.len()).max(1))
}

/// Syrian, Iraqi and Yemeni towns of the built-in gazetteer, in file order.
fn towns() -> Vec<String> {
    Gazetteer::builtin()
        .entries()
        .iter()
        .filter(|e| e.kind() == EntryKind::City)
        .filter(|e| matches!(e.country(), Some("SY" | "IQ" | "YE")))
        .map(|e| e.name().to_string())
        .collect()
}

/// Sentences of three towns and a figure each, all in one paragraph.
fn distinct_sentences(n: usize) -> String {
    let towns = towns();
    let mut s = String::with_capacity(n + 200);
    let mut i = 0usize;
    while s.len() < n && !towns.is_empty() {
        let t = |k: usize| {
            towns
                .get((i * 7 + k * 13) % towns.len())
                .map_or("", String::as_str)
        };
        s.push_str(&format!(
            "Jets struck {}, {} and {}, killing {}. ",
            t(0),
            t(1),
            t(2),
            i % 90 + 2
        ));
        i += 1;
    }
    s
}

/// "killing" followed by a list of figures.
fn figures(n: usize) -> String {
    let mut s = String::from("Russian warplanes struck Aleppo, killing ");
    let mut i = 0;
    while s.len() < n {
        s.push_str(&format!("{}, ", i % 900 + 10));
        i += 1;
    }
    s.push_str("and 3 people.");
    s
}

/// "killing" with figures and their days, in one sentence.
fn figures_and_dates(n: usize) -> String {
    let mut s = String::from("Russian warplanes struck Aleppo, killing ");
    let mut i = 0;
    while s.len() < n {
        s.push_str(&format!("{} on {} May, ", i % 900 + 10, i % 28 + 1));
        i += 1;
    }
    s.push_str("and 3 people.");
    s
}

/// Towns of [`towns`] joined by commas, to about `n` bytes.
fn list_of_towns(n: usize) -> String {
    let towns = towns();
    let mut s = String::with_capacity(n + 100);
    let mut i = 0;
    while s.len() < n && !towns.is_empty() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(towns.get(i % towns.len()).map_or("", String::as_str));
        i += 1;
    }
    s
}

/// Clashes in a different town each, all in one paragraph: the events of the other kinds.
fn clashes(n: usize) -> String {
    let towns = towns();
    let mut s = String::with_capacity(n + 200);
    let mut i = 0usize;
    while s.len() < n && !towns.is_empty() {
        let town = towns.get((i * 7) % towns.len()).map_or("", String::as_str);
        s.push_str(&format!(
            "Rebels clashed with government troops in {town}, a monitor said. "
        ));
        i += 1;
    }
    s
}
