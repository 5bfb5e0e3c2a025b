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

/// The slot of hash `h` in a prefix table (open addressing, linear probing): its own, or
/// the empty one where it would go; `None` if the table is full or has no slot.
#[inline]
pub(crate) fn find_slot(table: &Words, h: u64) -> Option<(usize, bool)> {
    probe(table.len(), h, |i| table.get(i))
}

/// [`find_slot`] over a table of `words` words read by `get`.
#[inline]
pub(crate) fn probe(
    words: usize,
    h: u64,
    get: impl Fn(usize) -> Option<u32>,
) -> Option<(usize, bool)> {
    let n = words / PREFIX_WORDS;
    if n == 0 {
        return None;
    }
    let mut i = home_slot(h, n);
    for _ in 0..n {
        let at = i * PREFIX_WORDS;
        if get(at + 2)? & ((1 << PREFIX_FLAG_BITS) - 1) == 0 {
            return Some((i, false));
        }
        if get(at)? == h as u32 && get(at + 1)? == (h >> 32) as u32 {
            return Some((i, true));
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
