//! Flat tables of 32-bit words: the built-in index's are read in place from the bytes
//! embedded in the binary (little-endian, no copy, no parsing); a user gazetteer's are
//! vectors built at run time, each of exactly the size it needs.

use std::borrow::Cow;

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

/// A Bloom filter of 64-bit blocks, a power of two of them, little-endian: the built-in
/// index's read in place, a user gazetteer's built at run time (either way one slice, so
/// a probe has one path). A probe ([`Bloom`]) asks for its bits in one block: one cache
/// line.
#[derive(Clone, Debug, Default)]
pub(crate) struct Filter {
    bytes: Cow<'static, [u8]>,
}

impl Filter {
    /// The filter of the little-endian blocks `bytes`; `None` if they are not a power of
    /// two of blocks.
    pub(crate) fn stored(bytes: &'static [u8]) -> Option<Filter> {
        let blocks = bytes.len() / 8;
        (bytes.len() % 8 == 0 && blocks.is_power_of_two()).then_some(Filter {
            bytes: Cow::Borrowed(bytes),
        })
    }

    /// An empty filter of `blocks` blocks (a power of two), to be made.
    pub(crate) fn new(blocks: usize) -> Filter {
        Filter {
            bytes: Cow::Owned(vec![0; blocks.saturating_mul(8)]),
        }
    }

    /// True if the probe's bits are all set (no branch on the bits).
    #[inline(always)]
    pub(crate) fn has(&self, probe: Bloom) -> bool {
        let b: &[u8] = &self.bytes;
        // the block's offset masked into the table (a power of two of blocks): the bounds
        // check is then one compare
        let at = (probe.block << 3) & b.len().saturating_sub(8);
        b.get(at..at + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            .is_some_and(|c| u64::from_le_bytes(c) & probe.mask == probe.mask)
    }

    /// Sets the probe's bits, in a filter being made.
    pub(crate) fn set(&mut self, probe: Bloom) {
        let at = probe.block.saturating_mul(8);
        let bytes = self.bytes.to_mut();
        if let Some(block) = bytes.get_mut(at..).and_then(<[u8]>::first_chunk_mut::<8>) {
            *block = (u64::from_le_bytes(*block) | probe.mask).to_le_bytes();
        }
    }

    /// Number of blocks.
    #[inline]
    pub(crate) fn blocks(&self) -> usize {
        self.bytes.len() / 8
    }

    /// Size in bytes.
    pub(crate) fn bytes(&self) -> usize {
        self.bytes.len()
    }

    /// Appends every block, little-endian, to `out`.
    #[cfg(test)]
    pub(crate) fn write_to(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.bytes);
    }
}

/// A Bloom filter probe: the bits `mask` of block `block` ([`Filter::has`]). All of a
/// word's bits in one block, so a probe reads one cache line, not one a bit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Bloom {
    pub(crate) block: usize,
    pub(crate) mask: u64,
}

impl Bloom {
    /// The probe of a hash `x` (already mixed) in a filter of `blocks` blocks, a power of
    /// two: the block from the low bits, three bit positions from the high half.
    #[inline(always)]
    pub(crate) fn of(x: u64, blocks: usize) -> Bloom {
        let bit = |shift: u32| 1u64 << (x >> shift & 63);
        Bloom {
            block: (x as usize) & blocks.wrapping_sub(1),
            mask: bit(32) | bit(40) | bit(48),
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
            Some(PrefixSlot::of([w(0), w(4), w(8)]))
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
        Some(PrefixSlot::of(*s))
    })
}

/// A slot of a prefix table as [`probe`] reads it: the hash whole (its two words, low
/// first), compared with one instruction where its halves took two, and the last word.
#[derive(Clone, Copy)]
struct PrefixSlot {
    hash: u64,
    last: u32,
}

impl PrefixSlot {
    /// The slot of words `[lo, hi, last]`.
    #[inline(always)]
    fn of([lo, hi, last]: [u32; PREFIX_WORDS]) -> PrefixSlot {
        PrefixSlot {
            hash: u64::from(hi) << 32 | u64::from(lo),
            last,
        }
    }
}

/// [`find_slot`] over `n` slots read by `slot`.
#[inline(always)]
fn probe(
    n: usize,
    h: u64,
    slot: impl Fn(usize) -> Option<PrefixSlot>,
) -> Option<(usize, bool, u32)> {
    if n == 0 {
        return None;
    }
    let home = home_slot(h, n);
    let mut i = home;
    loop {
        let PrefixSlot { hash, last } = slot(i)?;
        if last & ((1 << PREFIX_FLAG_BITS) - 1) == 0 {
            return Some((i, false, last));
        }
        if hash == h {
            return Some((i, true, last));
        }
        i += 1;
        if i == n {
            i = 0;
        }
        // each slot once: back at the first, the table is full
        if i == home {
            return None;
        }
    }
}

/// Slots for `keys` keys: at most three quarters full.
pub(crate) fn prefix_slots(keys: usize) -> usize {
    keys.saturating_add(keys / 3).saturating_add(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A prefix table of `slots` slots holding `keys` (hash, flags) in the order given, as
    /// the index builder fills one.
    fn prefix_table(slots: usize, keys: &[(u64, u32)]) -> Vec<u32> {
        let mut v = vec![0; slots * PREFIX_WORDS];
        for &(h, flags) in keys {
            let (i, found, _) = probe_words(&v, h).unwrap();
            assert!(!found);
            v[i * PREFIX_WORDS..][..PREFIX_WORDS].copy_from_slice(&[
                h as u32,
                (h >> 32) as u32,
                (i as u32) << PREFIX_FLAG_BITS | flags,
            ]);
        }
        v
    }

    #[test]
    fn a_prefix_probe_finds_every_key_and_only_them_in_either_storage() {
        // hashes that share their high half or their low half with others, so that a slot
        // matching one half only is passed over; many collide on home slots at 3/4 full
        let keys: Vec<(u64, u32)> = (0..300u64)
            .map(|i| {
                let h = match i % 3 {
                    0 => crate::hash::mix(i),
                    1 => 7 << 32 | i,
                    _ => i << 32 | 7,
                };
                (h, 1 + (i % 15) as u32)
            })
            .collect();
        let owned = Words::Owned(prefix_table(prefix_slots(keys.len()), &keys));
        let mut bytes = Vec::new();
        owned.write_to(&mut bytes);
        let stored = Words::Static(Box::leak(bytes.into_boxed_slice()));
        for table in [&owned, &stored] {
            for (i, &(h, flags)) in keys.iter().enumerate() {
                let (slot, found, last) = find_slot(table, h).unwrap();
                assert!(found, "{i}");
                assert_eq!(last & 15, flags, "{i}");
                assert_eq!(last >> PREFIX_FLAG_BITS, slot as u32, "{i}");
            }
            // absent hashes, some with one half of a key's: an empty slot, not found
            for h in (1000..1300u64).chain([7 << 32 | 1000, 1000 << 32 | 7]) {
                let (slot, found, last) = find_slot(table, h).unwrap();
                assert!(
                    !found && last == 0 && slot < prefix_slots(keys.len()),
                    "{h}"
                );
            }
        }
        // a full table: each key still found, an absent hash told after one turn, no loop
        let full = prefix_table(keys.len(), &keys);
        assert!(keys.iter().all(|&(h, _)| probe_words(&full, h).unwrap().1));
        assert!(probe_words(&full, 1 << 40).is_none());
        assert!(find_slot(&Words::Owned(full), 1 << 40).is_none());
        assert!(probe_words(&[], 1).is_none() && probe_words(&[1, 2], 1).is_none());
    }

    #[test]
    fn a_bloom_probe_reads_its_bits_from_either_storage() {
        let mut owned = Filter::new(32);
        let probes: Vec<Bloom> = (0..20u64)
            .map(|i| Bloom::of(crate::hash::mix(i), owned.blocks()))
            .collect();
        for p in &probes[..10] {
            assert!(p.block < 32 && p.mask.count_ones() >= 1);
            owned.set(*p);
        }
        let mut bytes = Vec::new();
        owned.write_to(&mut bytes);
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        let stored = Filter::stored(bytes).unwrap();
        assert_eq!(stored.blocks(), 32);
        for (i, p) in probes.iter().enumerate() {
            let has = owned.has(*p);
            assert_eq!(has, stored.has(*p), "{i}");
            // no false negative
            assert!(has || i >= 10, "{i}");
        }
        // a block out of the filter reads one in it (as the offset is masked), and an empty
        // filter says no; the high half of a block is its last four bytes
        let out = Bloom {
            block: 32 + probes[0].block,
            mask: probes[0].mask,
        };
        assert!(owned.has(out) && stored.has(out));
        assert!(!Filter::default().has(probes[0]));
        let mut one = Filter::new(2);
        one.set(Bloom {
            block: 1,
            mask: 1 << 33,
        });
        let mut bytes = Vec::new();
        one.write_to(&mut bytes);
        assert_eq!(bytes, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0]);
        assert!(Filter::stored(&bytes.leak()[..12]).is_none());
    }
}
