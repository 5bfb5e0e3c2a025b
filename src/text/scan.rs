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
/// vector compares and four multiplies (each gathers the low bits of eight bytes); not
/// inlined, as inside a loop the compiler mixes the two steps into slow byte shuffles.
#[inline(never)]
fn block_mask<const N: usize>(block: &[u8; N], hit: impl Fn(u8) -> u8) -> u64 {
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
