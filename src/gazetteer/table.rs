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

    /// True if the Bloom filter probe `probe` passes: its bits all set in its 64-bit
    /// block (words `2 * block` and `2 * block + 1`, the first the low half). One load a
    /// probe, of one cache line, and no branch on the bits.
    #[inline]
    pub(crate) fn has_bloom(&self, probe: Bloom) -> bool {
        let at = probe.block.checked_mul(2);
        let block = match self {
            Words::Static(b) => at
                .and_then(|i| b.get(i.checked_mul(4)?..)?.first_chunk::<8>())
                .map(|c| u64::from_le_bytes(*c)),
            Words::Owned(v) => at
                .and_then(|i| v.get(i..)?.first_chunk::<2>())
                .map(|&[lo, hi]| u64::from(lo) | u64::from(hi) << 32),
        };
        block.is_some_and(|w| w & probe.mask == probe.mask)
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

/// A Bloom filter probe: the bits `mask` of 64-bit block `block` ([`Words::has_bloom`]).
/// All of a word's bits in one block, so a probe reads one cache line, not one a bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bloom {
    pub(crate) block: usize,
    pub(crate) mask: u64,
}

impl Bloom {
    /// The probe of a hash `x` (already mixed) in a filter of `words` 32-bit words, a power
    /// of two (at least two): the block from the low bits, three bit positions from the
    /// high half.
    #[inline(always)]
    pub(crate) fn of(x: u64, words: usize) -> Bloom {
        let blocks = words / 2;
        let bit = |shift: u32| 1u64 << (x >> shift & 63);
        Bloom {
            block: (x as usize) & blocks.saturating_sub(1),
            mask: bit(32) | bit(40) | bit(48),
        }
    }

    /// Sets the probe's bits in `filter`, a filter being made.
    pub(crate) fn set(self, filter: &mut [u32]) {
        let at = self.block.saturating_mul(2);
        if let Some([lo, hi]) = filter.get_mut(at..).and_then(<[u32]>::first_chunk_mut::<2>) {
            *lo |= self.mask as u32;
            *hi |= (self.mask >> 32) as u32;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bloom_probe_reads_its_bits_from_either_storage() {
        let mut filter = vec![0u32; 64];
        let probes: Vec<Bloom> = (0..20u64)
            .map(|i| Bloom::of(crate::hash::mix(i), filter.len()))
            .collect();
        for p in &probes[..10] {
            assert!(p.block < 32 && p.mask.count_ones() >= 1);
            p.set(&mut filter);
        }
        let bytes: Vec<u8> = filter.iter().flat_map(|w| w.to_le_bytes()).collect();
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let (owned, stored) = (Words::Owned(filter), Words::Static(bytes));
        for (i, p) in probes.iter().enumerate() {
            let has = owned.has_bloom(*p);
            assert_eq!(has, stored.has_bloom(*p), "{i}");
            // no false negative
            assert!(has || i >= 10, "{i}");
        }
        // a block out of the filter fails
        let out = Bloom { block: 32, mask: 1 };
        assert!(!owned.has_bloom(out) && !stored.has_bloom(out));
        // the high half of a block is the second word
        let mut one = vec![0u32; 4];
        Bloom {
            block: 1,
            mask: 1 << 33,
        }
        .set(&mut one);
        assert_eq!(one, [0, 0, 0, 2]);
    }
}
