//! Several threads, one `Extractor`.
//!
//! ```text
//! cargo run --release --example threads [-- THREADS]
//! ```
//!
//! An `Extractor` is `Send + Sync` and cheap to clone (the gazetteer inside is shared, built
//! once): threads can borrow one (`std::thread::scope`) or each take a clone
//! (`std::thread::spawn` needs `'static`). Both ways are shown on a few hundred short
//! articles; the results are the same as on one thread, in the same order.

use std::sync::atomic::{AtomicUsize, Ordering};

use conflict_events::{Document, Event, Extractor, NaiveDate};

/// Our own short articles, with their publication dates.
const ARTICLES: [(&str, &str); 4] = [
    (
        "2024-03-04",
        "Russian missiles struck the centre of Kharkiv on Sunday, killing at least 9 \
         civilians, the governor said.",
    ),
    (
        "2019-05-13",
        "Syrian army artillery shelled rebel positions near Jisr al-Shughur in Idlib \
         province on Saturday, residents said.",
    ),
    (
        "2024-01-10",
        "Israeli jets struck targets in Deir el-Balah on Tuesday. The war has killed more \
         than 20,000 people, the health ministry said.",
    ),
    (
        "2023-11-02",
        "Ukrainian drones hit an oil depot in Russia's Belgorod region overnight, wounding \
         two people, officials said.",
    ),
];

/// One document per article, `copies` times over.
fn corpus(copies: usize) -> Vec<Document<'static>> {
    let mut docs = Vec::with_capacity(ARTICLES.len() * copies);
    for _ in 0..copies {
        for (date, text) in ARTICLES {
            let mut doc = Document::new(text);
            if let Ok(d) = date.parse::<NaiveDate>() {
                doc = doc.published(d);
            }
            docs.push(doc);
        }
    }
    docs
}

/// Scoped threads borrow one extractor and take the next article from a shared counter;
/// each result goes back to its article's slot, so the order is the input's.
fn scoped(extractor: &Extractor, docs: &[Document<'_>], threads: usize) -> Vec<Vec<Event>> {
    let next = AtomicUsize::new(0);
    let done: Vec<(usize, Vec<Event>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(doc) = docs.get(i) else { break };
                        mine.push((i, extractor.extract(doc)));
                    }
                    mine
                })
            })
            .collect();
        // a worker that panicked would lose its articles: the comparison in main shows it
        workers
            .into_iter()
            .filter_map(|w| w.join().ok())
            .flatten()
            .collect()
    });
    let mut results: Vec<Vec<Event>> = vec![Vec::new(); docs.len()];
    for (i, events) in done {
        if let Some(slot) = results.get_mut(i) {
            *slot = events;
        }
    }
    results
}

fn main() {
    let threads = std::env::args()
        .nth(1)
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or(4);
    let extractor = Extractor::new();
    let docs = corpus(100);

    let one: Vec<Vec<Event>> = docs.iter().map(|d| extractor.extract(d)).collect();
    let many = scoped(&extractor, &docs, threads);
    assert_eq!(
        one, many,
        "the same events, in the same order, on {threads} threads"
    );

    // `spawn` needs owned data: each thread takes a clone of the extractor (a shared
    // pointer to the same gazetteer, not a copy of it) and its own share of the articles
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let extractor = extractor.clone();
            std::thread::spawn(move || {
                corpus(100)
                    .iter()
                    .skip(t)
                    .step_by(threads)
                    .map(|d| extractor.extract(d).len())
                    .sum::<usize>()
            })
        })
        .collect();
    let spawned: usize = handles.into_iter().filter_map(|h| h.join().ok()).sum();

    let count = |f: fn(&Event) -> bool| one.iter().flatten().filter(|e| f(e)).count();
    let strikes = count(|e| e.as_strike().is_some());
    let figures = count(|e| e.as_casualty().is_some());
    println!(
        "{} articles on {threads} scoped threads: {strikes} strikes, {figures} casualty \
         figures, the same events in the same order as on one thread",
        docs.len()
    );
    assert_eq!(spawned, one.iter().map(Vec::len).sum::<usize>());
    println!("{threads} spawned threads with clones of the extractor: {spawned} events");
}
