//! The built-in index in huge pages: a copy of it in memory the kernel backs with 2 MiB pages
//! where it can, instead of the 4 KiB pages of the binary's mapping.
//!
//! The name walk reads the index's filters and prefix table at the text's words, a few
//! scattered lines of 5.4 MB a word: with 4 KiB pages most of those reads also miss the
//! translation cache (1,300 pages for the index alone), and the walk waits on a page-table
//! walk before it waits on the line. In 2 MiB pages the whole index takes three entries of
//! that cache. (A bare aho-corasick pass builds its automaton on the heap, where a kernel
//! that gives huge pages to every large allocation, `always`, gives it them too; this
//! machine's kernel, like most distributions', gives them only where asked, `madvise`.)
//!
//! Linux only, and only where the kernel's transparent huge pages are not `never`
//! (`/sys/kernel/mm/transparent_hugepage/enabled`): elsewhere [`copy_of`] gives its input
//! back, and the index is read in place, as before. The one `unsafe` of the crate is the
//! `madvise` call that asks for the pages: a hint on memory the copy owns, which changes
//! no byte of it and no mapping Rust code relies on; if the kernel refuses it, the copy is
//! read from ordinary pages.

/// The size of a huge page on x86-64 and aarch64 with 4 KiB base pages.
#[cfg(target_os = "linux")]
const HUGE_PAGE: usize = 2 << 20;

/// Smaller inputs are not copied: they take less than one huge page.
#[cfg(target_os = "linux")]
const MIN_LEN: usize = HUGE_PAGE;

/// `bytes`, or a copy of them the kernel was asked to back with huge pages (leaked: the
/// built-in index lives as long as the process). The copy is made where it can pay: on
/// Linux, for `bytes` of a huge page or more, when transparent huge pages are on.
pub(crate) fn copy_of(bytes: &'static [u8]) -> &'static [u8] {
    #[cfg(target_os = "linux")]
    {
        if bytes.len() >= MIN_LEN && enabled() {
            return linux::copy(bytes);
        }
    }
    bytes
}

/// True if the kernel gives transparent huge pages to memory that asks for them: its
/// setting is `[always]` or `[madvise]`, not `[never]` (or unreadable).
#[cfg(target_os = "linux")]
fn enabled() -> bool {
    std::fs::read_to_string("/sys/kernel/mm/transparent_hugepage/enabled")
        .is_ok_and(|s| s.contains("[always]") || s.contains("[madvise]"))
}

#[cfg(target_os = "linux")]
mod linux {
    use super::HUGE_PAGE;

    /// The advice that asks for huge pages (`MADV_HUGEPAGE` in `<sys/mman.h>`).
    const MADV_HUGEPAGE: i32 = 14;

    #[allow(unsafe_code)]
    extern "C" {
        /// The C library's `madvise(2)`.
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }

    /// The copy of [`super::copy_of`]: a zeroed buffer one huge page longer than `bytes`
    /// rounded up to huge pages (an allocation this large is a fresh mapping of the
    /// allocator's, its pages not yet touched), the huge-page-aligned part of it advised,
    /// then written.
    pub(super) fn copy(bytes: &'static [u8]) -> &'static [u8] {
        let rounded = bytes.len().div_ceil(HUGE_PAGE) * HUGE_PAGE;
        let mut buf = vec![0u8; rounded + HUGE_PAGE];
        let off = buf.as_ptr().align_offset(HUGE_PAGE);
        let Some(aligned) = buf.get_mut(off..off + rounded) else {
            return bytes;
        };
        advise_huge(aligned);
        let Some(copy) = buf.get_mut(off..off + bytes.len()) else {
            return bytes;
        };
        copy.copy_from_slice(bytes);
        let leaked: &'static [u8] = Vec::leak(buf);
        leaked.get(off..off + bytes.len()).unwrap_or(bytes)
    }

    /// Asks the kernel to back `range` with huge pages; a refusal leaves it as it was.
    #[allow(unsafe_code)]
    fn advise_huge(range: &mut [u8]) {
        // SAFETY: `range` is memory this process owns for the call's duration (a mutable
        // borrow of a live allocation), and MADV_HUGEPAGE changes neither its bytes nor
        // whether it is mapped: only the size of the pages the kernel backs it with. The
        // result is a hint's: on an error nothing changed, and nothing depends on it.
        let _ = unsafe { madvise(range.as_mut_ptr().cast(), range.len(), MADV_HUGEPAGE) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The copy holds the same bytes, whatever its pages (here, any input of the index's
    /// size).
    #[test]
    fn a_copy_is_the_same_bytes() {
        let bytes: &'static [u8] = Vec::leak((0..5_000_000u32).map(|i| (i % 251) as u8).collect());
        let copy = copy_of(bytes);
        assert_eq!(copy, bytes);
    }

    /// A small input is read in place.
    #[test]
    fn a_small_input_is_not_copied() {
        static SMALL: [u8; 4096] = [7; 4096];
        assert!(std::ptr::eq(copy_of(&SMALL), &SMALL[..]));
    }

    /// On Linux with huge pages on, a large input's copy starts on a huge page.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_copy_starts_on_a_huge_page() {
        let bytes: &'static [u8] = Vec::leak(vec![1u8; 3 << 20]);
        let copy = copy_of(bytes);
        if enabled() {
            assert!(!std::ptr::eq(copy, bytes));
            assert_eq!(copy.as_ptr().align_offset(HUGE_PAGE), 0);
        } else {
            assert!(std::ptr::eq(copy, bytes));
        }
    }
}
