//! Decompression that cannot blow up: what an archive or a gzip stream gives is capped at a
//! multiple of its compressed size (real map files shrink 3 to 20 times; a "bomb" a thousand
//! times), so that a one-megabyte file never asks for gigabytes.

use std::io::Read;

/// How many times its compressed size a file may grow when decompressed.
pub const MAX_RATIO: u64 = 100;

/// What any compressed input may give, whatever its size (small files of zeros or spaces, a
/// `.dbf`'s padding, legitimately shrink far more than [`MAX_RATIO`]).
pub const MIN_ALLOWANCE: u64 = 64 << 20;

/// What an input of `compressed` bytes may give once decompressed.
pub fn allowance(compressed: u64) -> u64 {
    compressed.saturating_mul(MAX_RATIO).max(MIN_ALLOWANCE)
}

/// The error a [`Capped`] reader gives past its allowance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "decompresses to more than {limit} bytes, {MAX_RATIO} times its size: refused as a decompression bomb"
)]
pub struct TooExpanded {
    /// The allowance, in bytes.
    pub limit: u64,
}

impl TooExpanded {
    /// The cap an I/O error reports, if it is one.
    pub fn of(e: &std::io::Error) -> Option<TooExpanded> {
        e.get_ref()
            .and_then(|inner| inner.downcast_ref::<TooExpanded>())
            .copied()
    }
}

/// A reader that fails with [`TooExpanded`] once it has given `limit` bytes and more remain.
pub struct Capped<R> {
    inner: R,
    limit: u64,
    left: u64,
}

impl<R: Read> Capped<R> {
    /// Caps `inner` at `limit` bytes.
    pub fn new(inner: R, limit: u64) -> Self {
        Capped {
            inner,
            limit,
            left: limit,
        }
    }
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if self.left == 0 {
            // at the cap: only the end of the stream is acceptable
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(std::io::Error::other(TooExpanded { limit: self.limit })),
            };
        }
        let max = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..max])?;
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_past_its_cap_is_refused_and_one_within_is_read_whole() {
        let data = vec![7u8; 1000];
        let mut out = Vec::new();
        Capped::new(&data[..], 1000).read_to_end(&mut out).unwrap();
        assert_eq!(out.len(), 1000);
        let mut out = Vec::new();
        let e = Capped::new(&data[..], 999)
            .read_to_end(&mut out)
            .unwrap_err();
        assert_eq!(TooExpanded::of(&e), Some(TooExpanded { limit: 999 }));
        assert!(out.len() <= 999);
    }
}
