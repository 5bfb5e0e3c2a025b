//! Many articles on several threads, results in input order.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of every item, on up to `threads` threads (scoped, so they may borrow), in the order
/// of `items`. Threads take the next item as they finish one, so that a long article does
/// not hold up a whole share of the others. The calling thread is one of them, so a thread
/// the system refuses to start only means fewer threads.
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
    let work = || {
        let mut mine = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            mine.push((i, f(item)));
        }
        mine
    };
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    let mut place = |results: Vec<(usize, R)>| {
        for (i, r) in results {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(r);
            }
        }
    };
    let all_joined = std::thread::scope(|scope| {
        let workers: Vec<_> = (1..threads)
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
            .collect();
        place(work());
        let mut all_joined = true;
        for worker in workers {
            match worker.join() {
                Ok(results) => place(results),
                Err(_) => all_joined = false,
            }
        }
        all_joined
    });
    let results: Option<Vec<R>> = slots.into_iter().collect();
    match results {
        Some(r) if all_joined => Ok(r),
        _ => Err("internal error: a worker thread of extract_many stopped".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::map_in_order;

    #[test]
    fn results_come_in_input_order_whatever_the_thread_count() {
        let items: Vec<u64> = (0..1000).collect();
        let squares: Vec<u64> = items.iter().map(|x| x * x).collect();
        for threads in [0, 1, 2, 3, 7, 5000] {
            assert_eq!(
                map_in_order(&items, threads, |x| x * x),
                Ok(squares.clone())
            );
        }
        assert_eq!(map_in_order(&[] as &[u64], 4, |x| *x), Ok(vec![]));
    }
}
