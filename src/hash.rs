//! The crate's one small hash: FNV-1a over bytes, continued word by word, with a
//! splitmix64 finaliser for hash tables. The keys it serves come from the gazetteer files
//! and the lexicon, not from article text, so the standard library's DoS-resistant SipHash
//! would cost more than it protects; and a hash computed while a word is scanned (and
//! lowercased) is reused for the table probe.

pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// For each byte, its ASCII lowercase if it is an ASCII letter or digit, else 0: one load
/// per byte in the word scans (the gazetteer walk's and the tokenizer's), which lowercase
/// and hash as they go.
pub(crate) static ALNUM_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// One byte of FNV-1a.
pub(crate) fn fnv_step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
}

/// FNV-1a over the ASCII-lowercased bytes, continuing from `h`: the hash of a prefix
/// extends to the next word without hashing the first words again.
pub(crate) fn fnv_lower(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| fnv_step(h, b.to_ascii_lowercase()))
}

/// The seed of [`name_hash`].
pub(crate) const NAME_SEED: u64 = FNV_OFFSET;
/// The odd multiplier of [`name_step`].
const NAME_PRIME: u64 = 0xa076_1d64_78bd_642f;

/// One unit of [`name_hash`]: a folded multiply (the high half of the 128-bit product
/// folded onto the low half), so that the high bytes of a unit reach the low bits too.
#[inline(always)]
pub(crate) fn name_step(h: u64, unit: u64) -> u64 {
    let p = u128::from(h ^ unit) * u128::from(NAME_PRIME);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The hash of the gazetteer's keys and of their prefixes cut at word ends, continued from
/// `h`, over `bytes` ASCII-lowercased: each run of ASCII letters and digits is hashed eight
/// bytes at a time (a unit of up to eight bytes, little-endian, zero past the run), each
/// other byte as a unit of its own. The name walk cuts text only where a run ends, so it
/// hashes a capitalised word with one step and no loop over its bytes, whose exit a
/// branch predictor misses at most words' ends (FNV-1a byte by byte: about as many
/// instructions, and some 33 k more mispredicted branches over 300 articles).
pub(crate) fn name_hash(mut h: u64, bytes: &[u8]) -> u64 {
    let mut rest = bytes;
    while let Some((&b, after)) = rest.split_first() {
        if ALNUM_LOWER[usize::from(b)] == 0 {
            h = name_step(h, u64::from(b));
            rest = after;
            continue;
        }
        let n = rest
            .iter()
            .position(|&c| ALNUM_LOWER[usize::from(c)] == 0)
            .unwrap_or(rest.len());
        let (run, after) = rest.split_at_checked(n).unwrap_or((rest, &[]));
        for chunk in run.chunks(8) {
            let mut unit = [0u8; 8];
            for (u, &c) in unit.iter_mut().zip(chunk) {
                *u = ALNUM_LOWER[usize::from(c)];
            }
            h = name_step(h, u64::from_le_bytes(unit));
        }
        rest = after;
    }
    h
}

/// One mixing step over a hash (the finaliser of splitmix64): spreads FNV's weaker low
/// bits, which pick the slot of a table.
pub(crate) fn mix(h: u64) -> u64 {
    let x = h ^ (h >> 29);
    let x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^ (x >> 32)
}

/// `BuildHasher` of the crate's maps: FNV-1a then [`mix`]; a `u64` key (already a hash)
/// is only mixed.
#[derive(Clone, Copy, Default)]
pub(crate) struct Fast;

pub(crate) struct FastHasher(u64);

impl std::hash::BuildHasher for Fast {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(FNV_OFFSET)
    }
}

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        mix(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = bytes.iter().fold(self.0, |h, &b| fnv_step(h, b));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hasher};

    /// `hash` from `seed` continues over a text cut in two, ignores ASCII case, and tells
    /// a hyphen from a space.
    fn continues_case_free(hash: fn(u64, &[u8]) -> u64, seed: u64) {
        let whole = hash(seed, b"Deir ez-Zor");
        let parts = hash(hash(seed, b"DEIR"), b" EZ-zor");
        assert_eq!(whole, parts);
        assert_eq!(whole, hash(seed, b"deir ez-zor"));
        assert_ne!(whole, hash(seed, b"deir ez zor"));
    }

    #[test]
    fn lowercase_hash_continues_word_by_word() {
        continues_case_free(fnv_lower, FNV_OFFSET);
    }

    #[test]
    fn name_hash_continues_at_run_ends() {
        continues_case_free(name_hash, NAME_SEED);
        // a run of eight bytes and one of nine, sixteen and seventeen: told apart
        let runs = [
            &b"abcdefgh"[..],
            b"abcdefghi",
            b"abcdefghabcdefgh",
            b"abcdefghabcdefghi",
        ];
        let hashes: Vec<u64> = runs.iter().map(|r| name_hash(NAME_SEED, r)).collect();
        for (i, a) in hashes.iter().enumerate() {
            assert!(hashes[i + 1..].iter().all(|b| a != b), "{i}");
        }
        // a byte of a run is not the same byte alone
        assert_ne!(name_hash(NAME_SEED, b"a-"), name_hash(NAME_SEED, b"a"));
    }

    #[test]
    fn a_u64_key_is_only_mixed() {
        let mut h = Fast.build_hasher();
        h.write_u64(42);
        assert_eq!(h.finish(), mix(42));
    }
}
