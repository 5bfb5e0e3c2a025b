//! Working buffers a thread keeps from one text to the next: the text stage's folded-text
//! buffers, the preparation's vectors, the casualty rules' lists and the cause links' lists
//! are each taken from a thread-local slot when a text starts and put back when it is done,
//! so that an article does not allocate them anew. What grew large (a long text) is dropped,
//! not kept, so a thread holds at most a few hundred kilobytes between texts.
//!
//! ```ignore
//! thread_local! {
//!     static LISTS: Cell<Lists> = Cell::default();
//! }
//! let mut lists = kept::take(&LISTS);
//! // ... use lists, emptied as the stage needs ...
//! kept::keep(&LISTS, lists, largest_capacity, KEEP_ITEMS);
//! ```

use std::cell::Cell;
use std::thread::LocalKey;

/// What the thread kept in `slot` (as it was left: the caller empties it), or a new
/// default one when nothing is kept or the thread is exiting.
pub(crate) fn take<T: Default>(slot: &'static LocalKey<Cell<T>>) -> T {
    slot.try_with(Cell::take).unwrap_or_default()
}

/// Puts `value` in `slot` for the thread's next text if `largest`, the capacity of its
/// largest buffer, is at most `limit`; else drops it. Nothing is kept while the thread
/// exits (there is no next text).
pub(crate) fn keep<T>(slot: &'static LocalKey<Cell<T>>, value: T, largest: usize, limit: usize) {
    if largest <= limit {
        let _ = slot.try_with(|cell| cell.set(value));
    }
}

/// The most bytes a list of records kept by [`keep_list`] may hold: those of an article of
/// 8 kB fit (a news article has half as many bytes). A thread's kept lists hold some 70 kB
/// after a news article (the profile's), a few hundred kB at most.
pub(crate) const KEEP_LIST_BYTES: usize = 64 << 10;

/// The length from which a text no longer takes the lists a thread kept
/// ([`take_for`]): 8,000 bytes (a news article has half as many). A text this long or
/// longer (a window of a long article) makes its own and leaves the thread's as they are,
/// so that its heap is its own, not lighter by a list freed in its place: the linearity
/// test measures texts from 8,190 bytes on, which must all make their own.
pub(crate) const KEEP_TEXT_BYTES: usize = 8_000;

/// True if a text of `len` bytes takes the lists the thread kept ([`KEEP_TEXT_BYTES`]).
pub(crate) fn may_keep(len: usize) -> bool {
    len < KEEP_TEXT_BYTES
}

/// [`take`] for a text of `len` bytes that may keep what the thread kept ([`may_keep`]),
/// else a new default one (the thread's left as it is).
pub(crate) fn take_for<T: Default>(slot: &'static LocalKey<Cell<T>>, len: usize) -> T {
    if may_keep(len) {
        take(slot)
    } else {
        T::default()
    }
}

/// [`keep_list`] for a text of `len` bytes that took the thread's list
/// ([`take_for`]); a longer text's list is dropped.
pub(crate) fn keep_list_for<T>(slot: &'static LocalKey<Cell<Vec<T>>>, len: usize, list: Vec<T>) {
    if may_keep(len) {
        keep_list(slot, list);
    }
}

/// Empties `list` and puts it in `slot` for the thread's next text, unless its room is more
/// than [`KEEP_LIST_BYTES`]: its records are dropped now, not when the next text takes it.
pub(crate) fn keep_list<T>(slot: &'static LocalKey<Cell<Vec<T>>>, mut list: Vec<T>) {
    list.clear();
    let bytes = list.capacity().saturating_mul(std::mem::size_of::<T>());
    keep(slot, list, bytes, KEEP_LIST_BYTES);
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SLOT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
    }

    #[test]
    fn a_small_buffer_is_kept_and_a_large_one_dropped() {
        let mut v = take(&SLOT);
        assert_eq!(v.capacity(), 0, "nothing kept yet");
        v.reserve(10);
        let cap = v.capacity();
        keep(&SLOT, v, cap, 16);
        let v = take(&SLOT);
        assert_eq!(v.capacity(), cap, "the kept buffer comes back");
        // taken: the slot is empty until something is put back
        assert_eq!(take(&SLOT).capacity(), 0);
        let big = Vec::<u8>::with_capacity(100);
        keep(&SLOT, big, 100, 16);
        assert_eq!(
            take(&SLOT).capacity(),
            0,
            "a buffer past the limit is dropped"
        );
        drop(v);
    }

    thread_local! {
        static LIST: Cell<Vec<String>> = const { Cell::new(Vec::new()) };
    }

    thread_local! {
        static FOR_TEXT: Cell<Vec<u32>> = const { Cell::new(Vec::new()) };
    }

    #[test]
    fn only_a_short_text_takes_and_gives_back_the_thread_list() {
        let mut v = take_for(&FOR_TEXT, 100);
        v.reserve(10);
        let cap = v.capacity();
        keep_list_for(&FOR_TEXT, 100, v);
        // a long text makes its own list and leaves the thread's where it is
        let long = take_for::<Vec<u32>>(&FOR_TEXT, KEEP_TEXT_BYTES);
        assert_eq!(long.capacity(), 0, "a new list for a long text");
        let mut long = long;
        long.reserve(50);
        keep_list_for(&FOR_TEXT, KEEP_TEXT_BYTES, long);
        let back = take_for(&FOR_TEXT, KEEP_TEXT_BYTES - 1);
        assert_eq!(
            back.capacity(),
            cap,
            "the short text's list, not the long one's"
        );
    }

    #[test]
    fn a_list_is_kept_emptied_and_a_large_one_dropped() {
        let mut v = take(&LIST);
        v.push("a".to_string());
        let cap = v.capacity();
        keep_list(&LIST, v);
        let v = take(&LIST);
        assert!(v.is_empty(), "kept emptied");
        assert_eq!(v.capacity(), cap, "the kept list comes back");
        let big = Vec::<String>::with_capacity(KEEP_LIST_BYTES / std::mem::size_of::<String>() + 1);
        keep_list(&LIST, big);
        assert_eq!(
            take(&LIST).capacity(),
            0,
            "a list past the limit is dropped"
        );
        drop(v);
    }
}
