//! Flat tables of 32-bit words: the built-in index's are read in place from the bytes
//! embedded in the binary (little-endian, no copy, no parsing); a user gazetteer's are
//! vectors built at run time, each of exactly the size it needs.

use crate::hash::mix;

/// A table of `u32`: static bytes of the built-in index, or built at run time.
#[derive(Clone, Debug)]
pub(crate) enum Words {
    /// Little-endian words embedded in the binary.
    Static(&'static [u8]),
    /// Built at run time.
    Owned(Vec<u32>),
}

impl Default for Words {
    fn default() -> Words {
        Words::Owned(Vec::new())
    }
}

impl Words {
    /// Word `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<u32> {
        match self {
            Words::Static(b) => {
                let at = i.checked_mul(4)?;
                let w: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
                Some(u32::from_le_bytes(w))
            }
            Words::Owned(v) => v.get(i).copied(),
        }
    }

    /// True if bits `bits` are all set, bit `n` being bit `n % 32` of word `n / 32` (of a
    /// little-endian word: bit `n % 8` of byte `n / 8`); the variant matched once.
    #[inline]
    pub(crate) fn has_bits<const N: usize>(&self, bits: [usize; N]) -> bool {
        match self {
            Words::Static(b) => bits
                .iter()
                .all(|&n| b.get(n / 8).is_some_and(|&x| x >> (n % 8) & 1 == 1)),
            Words::Owned(v) => bits
                .iter()
                .all(|&n| v.get(n / 32).is_some_and(|&w| w >> (n % 32) & 1 == 1)),
        }
    }

    /// Words `i` to `i + N - 1`; the variant matched once.
    #[inline]
    pub(crate) fn run<const N: usize>(&self, i: usize) -> Option<[u32; N]> {
        let mut out = [0u32; N];
        match self {
            Words::Static(b) => {
                let at = i.checked_mul(4)?;
                let bytes = b.get(at..at.checked_add(4 * N)?)?;
                for (w, c) in out.iter_mut().zip(bytes.chunks_exact(4)) {
                    *w = u32::from_le_bytes(c.try_into().ok()?);
                }
            }
            Words::Owned(v) => out.copy_from_slice(v.get(i..i.checked_add(N)?)?),
        }
        Some(out)
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        match self {
            Words::Static(b) => b.len() / 4,
            Words::Owned(v) => v.len(),
        }
    }

    /// Size in bytes.
    pub(crate) fn bytes(&self) -> usize {
        self.len() * 4
    }

    /// Appends every word, little-endian, to `out`.
    #[cfg(test)]
    pub(crate) fn write_to(&self, out: &mut Vec<u8>) {
        for i in 0..self.len() {
            out.extend_from_slice(&self.get(i).unwrap_or(0).to_le_bytes());
        }
    }
}

/// Words per slot of a prefix table: the hash's low and high halves, then the key shifted
/// left by [`PREFIX_FLAG_BITS`] with the flags below it (zero flags: an empty slot).
pub(crate) const PREFIX_WORDS: usize = 3;
/// Bits of a prefix slot's last word that hold its flags.
pub(crate) const PREFIX_FLAG_BITS: u32 = 4;

/// The slot where the probe for hash `h` starts, in a table of `n` slots (any `n`, not only
/// powers of two: the table has the size its keys need).
#[inline]
pub(crate) fn home_slot(h: u64, n: usize) -> usize {
    ((u128::from(mix(h)) * n as u128) >> 64) as usize
}

/// The slot of hash `h` in a prefix table (open addressing, linear probing) and its last
/// word: its own slot, or the empty one where it would go; `None` if the table is full or
/// has no slot. One bounds check a slot, whichever the storage (the search probes once a
/// word).
#[inline(always)]
pub(crate) fn find_slot(table: &Words, h: u64) -> Option<(usize, bool, u32)> {
    match table {
        Words::Static(b) => probe(b.len() / (4 * PREFIX_WORDS), h, |i| {
            let at = i * 4 * PREFIX_WORDS;
            let s: &[u8; 4 * PREFIX_WORDS] = b.get(at..at + 4 * PREFIX_WORDS)?.try_into().ok()?;
            let w = |k: usize| u32::from_le_bytes([s[k], s[k + 1], s[k + 2], s[k + 3]]);
            Some([w(0), w(4), w(8)])
        }),
        Words::Owned(v) => probe_words(v, h),
    }
}

/// [`find_slot`] in a table being built.
#[inline]
pub(crate) fn probe_words(v: &[u32], h: u64) -> Option<(usize, bool, u32)> {
    probe(v.len() / PREFIX_WORDS, h, |i| {
        let at = i * PREFIX_WORDS;
        let s: &[u32; PREFIX_WORDS] = v.get(at..at + PREFIX_WORDS)?.try_into().ok()?;
        Some(*s)
    })
}

/// [`find_slot`] over `n` slots read by `slot`.
#[inline(always)]
fn probe(
    n: usize,
    h: u64,
    slot: impl Fn(usize) -> Option<[u32; PREFIX_WORDS]>,
) -> Option<(usize, bool, u32)> {
    if n == 0 {
        return None;
    }
    let (lo, hi) = (h as u32, (h >> 32) as u32);
    let mut i = home_slot(h, n);
    for _ in 0..n {
        let [a, b, last] = slot(i)?;
        if last & ((1 << PREFIX_FLAG_BITS) - 1) == 0 {
            return Some((i, false, last));
        }
        if a == lo && b == hi {
            return Some((i, true, last));
        }
        i += 1;
        if i == n {
            i = 0;
        }
    }
    None
}

/// Slots for `keys` keys: at most three quarters full.
pub(crate) fn prefix_slots(keys: usize) -> usize {
    keys.saturating_add(keys / 3).saturating_add(1)
}
