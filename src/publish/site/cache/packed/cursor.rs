//! Reading the manifest's fields one after the other, in place.

use std::ops::Range;

/// Reads fields one after the other; running past the end is an error.
pub(super) struct Cursor<'b> {
    pub(super) bytes: &'b [u8],
    pub(super) at: usize,
}

impl<'b> Cursor<'b> {
    pub(super) fn take(&mut self, len: usize) -> Result<&'b [u8], &'static str> {
        let end = self.at.checked_add(len).ok_or("it is truncated")?;
        let taken = self.bytes.get(self.at..end).ok_or("it is truncated")?;
        self.at = end;
        Ok(taken)
    }

    pub(super) fn array<const N: usize>(&mut self) -> Result<[u8; N], &'static str> {
        Ok(self.take(N)?.try_into().unwrap_or([0; N]))
    }

    pub(super) fn u8(&mut self) -> Result<u8, &'static str> {
        Ok(self.take(1)?[0])
    }

    pub(super) fn u32(&mut self) -> Result<u32, &'static str> {
        self.array().map(u32::from_le_bytes)
    }

    pub(super) fn u64(&mut self) -> Result<u64, &'static str> {
        self.array().map(u64::from_le_bytes)
    }

    pub(super) fn i64(&mut self) -> Result<i64, &'static str> {
        self.array().map(i64::from_le_bytes)
    }

    pub(super) fn i128(&mut self) -> Result<i128, &'static str> {
        self.array().map(i128::from_le_bytes)
    }

    /// A count, then that many records of `size` bytes: their place.
    pub(super) fn records(&mut self, size: usize) -> Result<Range<usize>, &'static str> {
        let count = self.u32()? as usize;
        let start = self.at;
        self.take(count.checked_mul(size).ok_or("it is truncated")?)?;
        Ok(start..self.at)
    }
}
