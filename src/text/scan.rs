//! Byte scans of the text stage, 32 bytes at a time (64 for a whole text), for a byte test
//! `hit` (an OR of `u8::from(b == ..)` terms: 1 for a byte to pick, 0 for any other, and 0 for the byte 0):
//! [`Marks`] gives every picked byte in turn, a block's picks gathered into bits once, for
//! the many look-ups of segmentation (line breaks, sentence ends, clause marks) with
//! `Marks::next`, and for the rare bytes of typography (the characters to fold) with
//! [`Marks::next_rare`], which passes a block without a pick with one OR of its bytes under a
//! cheaper test that may pick more (about half an instruction a byte) and gathers the bits
//! of the other blocks only.

/// The bytes a [`Marks`] block covers.
const BLOCK: usize = 32;

/// The bytes a block of [`Marks::wide`] covers: for a scan of a whole text, where a block
/// of 64 gathers its bits with less work a byte than two of 32 (one call, one set of
/// constants); a scan of a short span (a sentence's clauses) reads fewer bytes past its end
/// with blocks of 32.
pub(super) const WIDE: usize = 64;

/// The bytes of the leading whole blocks of `hay` in which `hit` picks nothing.
#[inline(always)]
fn clear_blocks(hay: &[u8], hit: impl Fn(u8) -> u8 + Copy) -> usize {
    hay.chunks_exact(BLOCK)
        .take_while(|block| block.iter().fold(0, |acc, &b| acc | hit(b)) == 0)
        .count()
        * BLOCK
}

/// `rest`, shorter than a block, padded with zero bytes (which no test picks).
fn padded<const N: usize>(rest: &[u8]) -> [u8; N] {
    let mut block = [0; N];
    if let Some(head) = block.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    block
}

/// The offsets of the bytes of a text that a byte test picks, found a block of 32 bytes at
/// a time: one pass over the text for any number of look-ups that go forward.
///
/// A block's picks are one `u64` of bits, made with a vector compare and a multiply per
/// eight bytes, so a byte costs about one instruction and a pick a few more; a block is read past the
/// limit of a look-up when the text goes on, and again when a look-up goes back to an
/// earlier block.
///
/// Look-ups must not go back inside the block read last: the bits of the bytes before the
/// last look-up's `from` are cleared, so such a look-up would miss them. Every caller walks
/// forward (each `from` at or past the one before).
///
/// `N` is the bytes of a block: [`BLOCK`] for [`Marks::new`], [`WIDE`] for [`Marks::wide`].
pub(super) struct Marks<'t, F, const N: usize = BLOCK> {
    bytes: &'t [u8],
    hit: F,
    /// Offset of the block read last.
    base: usize,
    /// The picked bytes of `bytes[base..base + N]` at or after the last look-up, as bits.
    mask: u64,
}

impl<'t, F: Fn(u8) -> u8 + Copy> Marks<'t, F> {
    /// `hit` gives 1 for a byte to pick and 0 for any other; the first block read is the
    /// one at `from`.
    pub(super) fn new(bytes: &'t [u8], hit: F, from: usize) -> Self {
        Self::start(bytes, hit, from)
    }
}

impl<'t, F: Fn(u8) -> u8 + Copy> Marks<'t, F, WIDE> {
    /// [`Marks::new`] with blocks of [`WIDE`] bytes, for a scan over a whole text.
    pub(super) fn wide(bytes: &'t [u8], hit: F, from: usize) -> Self {
        Self::start(bytes, hit, from)
    }
}

impl<'t, F: Fn(u8) -> u8 + Copy, const N: usize> Marks<'t, F, N> {
    /// The marks of `hit` over `bytes`, the first block read the one at `from`.
    fn start(bytes: &'t [u8], hit: F, from: usize) -> Self {
        let mut marks = Marks {
            bytes,
            hit,
            base: 0,
            mask: 0,
        };
        marks.load(from);
        marks
    }

    /// The byte of the text at `at`.
    pub(super) fn byte(&self, at: usize) -> Option<u8> {
        self.bytes.get(at).copied()
    }

    /// The first picked offset at or after `from` and before `limit` ([`Marks::seek`], then
    /// the pick [`Marks::pop`] would give, kept): the look-up the tests hold against a plain scan.
    #[cfg(test)]
    pub(super) fn next(&mut self, from: usize, limit: usize) -> Option<usize> {
        self.seek(from);
        self.peek(limit)
    }

    /// Drops the picks before `from`: the next [`Marks::pop`] gives the first at or after it.
    #[cfg(test)]
    #[inline(always)]
    pub(super) fn seek(&mut self, from: usize) {
        match from.checked_sub(self.base) {
            Some(ahead) if ahead < N => self.mask &= u64::MAX << ahead,
            _ => self.load(from),
        }
    }

    /// The first pick not yet dropped, if it is before `limit`, and drops it: a walk that
    /// takes every pick in turn (a `from` just past the last one) without the offset
    /// arithmetic of `Marks::next`.
    #[inline(always)]
    pub(super) fn pop(&mut self, limit: usize) -> Option<usize> {
        let at = self.peek(limit)?;
        self.mask &= self.mask - 1;
        Some(at)
    }

    /// The first pick not yet dropped, if it is before `limit`.
    #[inline(always)]
    fn peek(&mut self, limit: usize) -> Option<usize> {
        let end = limit.min(self.bytes.len());
        while self.mask == 0 {
            let next = self.base + N;
            if next >= end {
                return None;
            }
            self.load(next);
        }
        let at = self.base + self.mask.trailing_zeros() as usize;
        (at < end).then_some(at)
    }

    /// The first picked offset at or after `from`, for bytes that most blocks lack: the
    /// blocks after the one read last are passed with one OR of their bytes under `coarse`
    /// until one may have a pick, and only that one is gathered into bits. `coarse` picks
    /// every byte that the test of the marks picks, and may pick more (bytes that are rare
    /// too): a test of fewer compares.
    #[inline(always)]
    pub(super) fn next_rare(
        &mut self,
        from: usize,
        coarse: impl Fn(u8) -> u8 + Copy,
    ) -> Option<usize> {
        match from.checked_sub(self.base) {
            Some(ahead) if ahead < N => self.mask &= u64::MAX << ahead,
            _ => self.load(from),
        }
        while self.mask == 0 {
            let next = self.base + N;
            let rest = self.bytes.get(next..).filter(|rest| !rest.is_empty())?;
            self.load(next + clear_blocks(rest, coarse));
        }
        Some(self.base + self.mask.trailing_zeros() as usize)
    }

    /// Reads the block at `from`: the bits of its picked bytes (none past the text).
    #[inline(always)]
    fn load(&mut self, from: usize) {
        self.base = from;
        let block = self.bytes.get(from..).and_then(<[u8]>::first_chunk::<N>);
        self.mask = match block {
            Some(block) => block_mask(block, self.hit),
            None => {
                let rest = self.bytes.get(from..).unwrap_or(&[]);
                block_mask(&padded::<N>(rest), self.hit) & !(u64::MAX << rest.len().min(N - 1))
            }
        };
    }
}

/// Bit `i` set when `hit(block[i])` is 1. Written so that the compiler makes it a few
/// vector compares and, for a block of 32, four multiplies (each gathers the low bits of
/// eight bytes); a block of [`WIDE`] is gathered by [`transposed_mask`] instead (82
/// instructions against 97). Not inlined, as inside a loop the compiler mixes the two steps
/// into slow byte shuffles.
#[inline(never)]
fn block_mask<const N: usize>(block: &[u8; N], hit: impl Fn(u8) -> u8) -> u64 {
    if N == WIDE {
        return transposed_mask(block, hit);
    }
    let mut hits = [0u8; N];
    for (h, &b) in hits.iter_mut().zip(block) {
        *h = hit(b) & 1;
    }
    let mut mask = 0;
    for (k, eight) in hits.chunks_exact(8).enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(eight);
        // byte j of the product's top byte is the low bit of byte j: bytes of 0 or 1 sum
        // without carries
        let gathered = u64::from_le_bytes(word).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        mask |= gathered << (8 * k);
    }
    mask
}

/// [`block_mask`] for up to 64 bytes without a multiply: the pick of byte `8k + j` is put
/// in bit `k` of byte `j` (a vector AND with a constant per byte, then the 16-byte vectors
/// and their halves ORed into one `u64`), and that 8 by 8 matrix of bits is transposed in
/// three swaps of bit blocks, which moves it to bit `8k + j`. Cheaper than eight
/// multiplies for a block of 64; for 32 the multiplies are cheaper (48 instructions
/// against 56).
#[inline(always)]
fn transposed_mask<const N: usize>(block: &[u8; N], hit: impl Fn(u8) -> u8) -> u64 {
    let mut hits = [0u8; N];
    for (i, (h, &b)) in hits.iter_mut().zip(block).enumerate() {
        *h = (hit(b) & 1) << (i / 8);
    }
    let mut folded = 0u128;
    for sixteen in hits.chunks_exact(16) {
        let mut word = [0; 16];
        word.copy_from_slice(sixteen);
        folded |= u128::from_le_bytes(word);
    }
    let x = folded as u64 | (folded >> 64) as u64;
    // the transpose of an 8 by 8 bit matrix (Hacker's Delight, 7-3): 1, 2 and 4 wide
    // blocks swapped across the diagonal
    let t = (x ^ (x >> 7)) & 0x00AA_00AA_00AA_00AA;
    let x = x ^ t ^ (t << 7);
    let t = (x ^ (x >> 14)) & 0x0000_CCCC_0000_CCCC;
    let x = x ^ t ^ (t << 14);
    let t = (x ^ (x >> 28)) & 0x0000_0000_F0F0_F0F0;
    x ^ t ^ (t << 28)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A byte test of the kind the scans use: line breaks and sentence ends.
    fn mark(b: u8) -> u8 {
        u8::from(b == b'\n') | u8::from(b == b'.') | u8::from(b == b'!') | u8::from(b == b'?')
    }

    /// The mask a byte at a time, as `block_mask` must give it.
    fn plain<const N: usize>(block: &[u8; N]) -> u64 {
        block
            .iter()
            .enumerate()
            .filter(|&(_, &b)| mark(b) == 1)
            .fold(0, |mask, (i, _)| mask | 1 << i)
    }

    #[test]
    fn block_masks_match_a_byte_at_a_time() {
        let alphabet = b".!?\na Z\r,0\xe2";
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for round in 0..20_000 {
            let mut block = [0u8; WIDE];
            for b in block.iter_mut() {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                // from sparse picks (a pick in 64 bytes) to dense ones
                let pick = (state >> 33) as usize % (alphabet.len() + round % 64);
                *b = alphabet.get(pick).copied().unwrap_or(b'x');
            }
            assert_eq!(block_mask(&block, mark), plain(&block), "{block:?}");
            assert_eq!(transposed_mask(&block, mark), plain(&block), "{block:?}");
            let half: [u8; BLOCK] = *block.first_chunk().unwrap_or(&[0; BLOCK]);
            assert_eq!(block_mask(&half, mark), plain(&half), "{half:?}");
            assert_eq!(transposed_mask(&half, mark), plain(&half), "{half:?}");
        }
        // every single pick, and all of them
        for i in 0..WIDE {
            let mut block = [b'a'; WIDE];
            if let Some(b) = block.get_mut(i) {
                *b = b'.';
            }
            assert_eq!(block_mask(&block, mark), 1 << i);
        }
        assert_eq!(block_mask(&[b'\n'; WIDE], mark), u64::MAX);
    }
}
