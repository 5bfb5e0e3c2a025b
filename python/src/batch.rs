//! Many articles on several threads, results in input order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of every item, on up to `threads` threads (scoped, so they may borrow), in the order
/// of `items`. Threads take the next item as they finish one, so that a long article does
/// not hold up a whole share of the others.
///
/// # Errors
/// Only if a worker thread stopped without finishing (which `f` must never make happen).
pub(crate) fn map_in_order<T, R, F>(items: &[T], threads: usize, f: F) -> Result<Vec<R>, String>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return Ok(items.iter().map(f).collect());
    }
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let (next, f) = (&next, &f);
    let finished = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        let mut all_joined = true;
        for worker in workers {
            match worker.join() {
                Ok(results) => {
                    for (i, r) in results {
                        if let Some(slot) = slots.get_mut(i) {
                            *slot = Some(r);
                        }
                    }
                }
                Err(_) => all_joined = false,
            }
        }
        all_joined
    });
    let results: Option<Vec<R>> = slots.into_iter().collect();
    match results {
        Some(r) if finished => Ok(r),
        _ => Err("internal error: a worker thread of extract_many stopped".to_string()),
    }
}
