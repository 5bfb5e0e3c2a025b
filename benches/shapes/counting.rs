//! The system allocator, counting the bytes held now and at most since the last [`start`]:
//! the peak heap of one extraction, for the scaling bench and the linearity test (each a
//! binary of its own, which installs [`Counting`] as its global allocator).
//!
//! The counts are the calling thread's own: the test harness runs other tests and prints
//! their results on other threads at the same time, and a process-wide count took their
//! allocations into one extraction's peak (20 KB of 234 KB, now and then, on an 8 KB
//! article). An extraction allocates on the thread that calls it.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The counting allocator.
pub struct Counting;

thread_local! {
    /// Bytes this thread allocated less what it freed (negative when it frees what another
    /// thread allocated), and the most that was since [`start`]. Constant-initialised and
    /// without destructors, so the allocator can use them at any time, without allocating.
    static HELD: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn add(bytes: usize) {
    let _ = HELD.try_with(|held| {
        let now = held.get().wrapping_add_unsigned(bytes);
        held.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn sub(bytes: usize) {
    let _ = HELD.try_with(|held| held.set(held.get().wrapping_sub_unsigned(bytes)));
}

fn held() -> isize {
    HELD.try_with(Cell::get).unwrap_or(0)
}

// SAFETY: every call is passed on to `System` unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            add(layout.size());
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        sub(layout.size());
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            sub(layout.size());
            add(new_size);
        }
        p
    }
}

/// Starts a measure on this thread: the peak is reset to what is held now, which is
/// returned.
pub fn start() -> isize {
    let before = held();
    let _ = PEAK.try_with(|peak| peak.set(before));
    before
}

/// What is held now beyond `before` (what [`start`] returned): after an extraction, the
/// events it returned.
pub fn held_since(before: isize) -> usize {
    usize::try_from(held().saturating_sub(before)).unwrap_or(0)
}

/// The peak held by this thread since [`start`] beyond what was held then.
pub fn peak_since(before: isize) -> usize {
    let peak = PEAK.try_with(Cell::get).unwrap_or(before);
    usize::try_from(peak.saturating_sub(before)).unwrap_or(0)
}
