//! A small binary encoding for the caches: little-endian integers and
//! length-prefixed strings, read back with every length checked, so a
//! corrupt or foreign file is rejected instead of trusted.

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer {
    /// The bytes written so far.
    pub bytes: Vec<u8>,
}

impl Writer {
    /// A `u32`.
    pub fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// A `u64`.
    pub fn u64(&mut self, v: u64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// An `i64`.
    pub fn i64(&mut self, v: i64) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }

    /// A count or index (as `u32`, saturating).
    pub fn len(&mut self, v: usize) {
        self.u32(u32::try_from(v).unwrap_or(u32::MAX));
    }

    /// Raw bytes with their length.
    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.bytes.extend_from_slice(b);
    }

    /// A string with its length.
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
}

/// Reads values back; every read returns `None` past the end or on a
/// length over its limit.
#[derive(Debug)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`.
    pub fn new(bytes: &'a [u8]) -> Self {
        Self { rest: bytes }
    }

    /// Whether everything was read.
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(head)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    /// A `u32`.
    pub fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }

    /// A `u64`.
    pub fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }

    /// An `i64`.
    pub fn i64(&mut self) -> Option<i64> {
        self.array().map(i64::from_le_bytes)
    }

    /// A count of at most `max`.
    pub fn len(&mut self, max: usize) -> Option<usize> {
        usize::try_from(self.u32()?).ok().filter(|&n| n <= max)
    }

    /// Raw bytes of at most `max`.
    pub fn bytes(&mut self, max: usize) -> Option<&'a [u8]> {
        let n = self.len(max)?;
        self.take(n)
    }

    /// A UTF-8 string of at most `max` bytes.
    pub fn str(&mut self, max: usize) -> Option<&'a str> {
        std::str::from_utf8(self.bytes(max)?).ok()
    }

    /// Exactly `N` bytes.
    pub fn fixed<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.array()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut w = Writer::default();
        w.u32(7);
        w.i64(-3);
        w.str("Zürich");
        w.u64(u64::MAX);
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.u32(), Some(7));
        assert_eq!(r.i64(), Some(-3));
        assert_eq!(r.str(100), Some("Zürich"));
        assert_eq!(r.u64(), Some(u64::MAX));
        assert!(r.is_empty());
        assert_eq!(r.u32(), None);
    }

    #[test]
    fn lengths_past_the_end_or_the_limit_fail() {
        let mut w = Writer::default();
        w.str("abcdef");
        assert_eq!(Reader::new(&w.bytes).str(5), None);
        let cut = w.bytes.get(..6).unwrap();
        assert_eq!(Reader::new(cut).str(100), None);
        let mut bad = Writer::default();
        bad.bytes(&[0xff, 0xfe]);
        assert_eq!(Reader::new(&bad.bytes).str(10), None);
    }
}
