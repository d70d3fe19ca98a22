//! Many strings found in one pass: an Aho-Corasick automaton whose work is
//! linear in the text plus the patterns, however many patterns are
//! identical, nested or end at the same place.
//!
//! General-purpose automata report every pattern ending at a position (k
//! patterns ending together cost k there), copy those lists into each state
//! (quadratic memory for nested patterns), or read ahead for a longer match
//! at every short one. Here identical patterns are one pattern, a state
//! links to the nearest pattern it ends with instead of copying lists, and
//! the two questions the reader asks are answered without reading ahead:
//! where each pattern first ends ([`Matcher::first_ends`]), and which is the
//! longest pattern starting at each byte ([`Matcher::longest_starts`], on an
//! automaton of the reversed patterns).

/// "None" in the automaton's tables.
const NONE: u32 = u32::MAX;
/// The root state.
const ROOT: u32 = 0;

/// An automaton over a set of distinct, non-empty patterns.
#[derive(Debug, Clone)]
pub struct Matcher {
    /// Whether patterns were added reversed (for [`Matcher::longest_starts`]).
    reversed: bool,
    /// Length in bytes of each distinct pattern.
    lens: Vec<u32>,
    /// Per state: the byte on the edge into it. States are in breadth-first
    /// order, so each state's children are consecutive, sorted by byte.
    byte: Vec<u8>,
    /// Per state: its first child; the children of `s` are
    /// `first_child[s]..first_child[s + 1]` (one extra entry at the end).
    first_child: Vec<u32>,
    /// Per state: the longest proper suffix of its string that is a state.
    fail: Vec<u32>,
    /// Per state: the nearest state along `fail` that ends a pattern.
    out: Vec<u32>,
    /// Per state: the pattern that ends here, if any.
    pattern: Vec<u32>,
    /// The root's transitions, by byte.
    root_next: Vec<u32>,
}

impl Matcher {
    /// An automaton over `patterns`; also returns, for each pattern, the id
    /// of its distinct pattern (`None` for an empty one, which is left out).
    /// With `reversed`, the automaton is built for [`Matcher::longest_starts`].
    pub fn new<'a>(
        patterns: impl IntoIterator<Item = &'a str>,
        reversed: bool,
    ) -> (Self, Vec<Option<usize>>) {
        let keys: Vec<Vec<u8>> = patterns
            .into_iter()
            .map(|p| {
                let mut key = p.as_bytes().to_vec();
                if reversed {
                    key.reverse();
                }
                key
            })
            .collect();
        let mut order: Vec<usize> = (0..keys.len())
            .filter(|&i| keys.get(i).is_some_and(|k| !k.is_empty()))
            .collect();
        order.sort_unstable_by(|&a, &b| keys.get(a).cmp(&keys.get(b)));
        let mut ids = vec![None; keys.len()];
        let mut distinct: Vec<&[u8]> = Vec::new();
        for i in order {
            let Some(key) = keys.get(i) else { continue };
            if distinct.last() != Some(&key.as_slice()) {
                distinct.push(key);
            }
            if let Some(id) = ids.get_mut(i) {
                *id = Some(distinct.len() - 1);
            }
        }
        let matcher = Self::build(&distinct, reversed);
        (matcher, ids)
    }

    /// The trie of sorted, distinct `keys` in breadth-first order, then its
    /// failure and output links.
    fn build(keys: &[&[u8]], reversed: bool) -> Self {
        let mut m = Self {
            reversed,
            lens: keys.iter().map(|k| to_u32(k.len())).collect(),
            byte: vec![0],
            first_child: Vec::new(),
            fail: Vec::new(),
            out: Vec::new(),
            pattern: vec![NONE],
            root_next: vec![NONE; 256],
        };
        // Each state stands for the keys `lo..hi`, which share its first
        // `depth` bytes; only while building.
        let mut spans: Vec<(u32, u32, u32)> = vec![(0, to_u32(keys.len()), 0)];
        let mut s = 0;
        while let Some(&(lo, hi, depth)) = spans.get(s) {
            m.first_child.push(to_u32(m.byte.len()));
            let (mut lo, d) = (lo as usize, depth as usize);
            if lo < hi as usize && keys.get(lo).is_some_and(|k| k.len() == d) {
                if let Some(p) = m.pattern.get_mut(s) {
                    *p = to_u32(lo);
                }
                lo += 1;
            }
            while lo < hi as usize {
                let Some(b) = keys.get(lo).and_then(|k| k.get(d)).copied() else {
                    break;
                };
                let mut end = lo + 1;
                while end < hi as usize && keys.get(end).and_then(|k| k.get(d)) == Some(&b) {
                    end += 1;
                }
                if s == 0
                    && let Some(r) = m.root_next.get_mut(usize::from(b))
                {
                    *r = to_u32(m.byte.len());
                }
                m.byte.push(b);
                m.pattern.push(NONE);
                spans.push((to_u32(lo), to_u32(end), depth + 1));
                lo = end;
            }
            s += 1;
        }
        drop(spans);
        m.first_child.push(to_u32(m.byte.len()));
        m.links();
        m
    }

    /// Failure and output links, parents before children.
    fn links(&mut self) {
        let states = self.byte.len();
        self.fail = vec![ROOT; states];
        self.out = vec![NONE; states];
        for parent in 0..states {
            let parent = to_u32(parent);
            for child in self.children(parent) {
                let b = self.byte.get(child as usize).copied().unwrap_or(0);
                let fail = if parent == ROOT {
                    ROOT
                } else {
                    let mut f = self.fail_of(parent);
                    loop {
                        if let Some(next) = self.child(f, b) {
                            break next;
                        }
                        if f == ROOT {
                            break ROOT;
                        }
                        f = self.fail_of(f);
                    }
                };
                let out = if self.pattern_at(fail) == NONE {
                    self.out.get(fail as usize).copied().unwrap_or(NONE)
                } else {
                    fail
                };
                if let Some(slot) = self.fail.get_mut(child as usize) {
                    *slot = fail;
                }
                if let Some(slot) = self.out.get_mut(child as usize) {
                    *slot = out;
                }
            }
        }
    }

    /// Number of distinct patterns.
    pub fn len(&self) -> usize {
        self.lens.len()
    }

    /// Whether there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.lens.is_empty()
    }

    /// Number of states (at most the patterns' total length, plus one).
    pub fn states(&self) -> usize {
        self.byte.len()
    }

    /// Length in bytes of distinct pattern `id`.
    pub fn pattern_len(&self, id: usize) -> usize {
        self.lens.get(id).map_or(0, |&l| l as usize)
    }

    /// For each distinct pattern, where it first ends: the index of the text
    /// and the byte offset just past the match. Patterns do not span texts.
    /// Each state's patterns are listed once, the first time the state is
    /// reached, so the work is linear in the texts plus the patterns.
    pub fn first_ends<'a>(
        &self,
        texts: impl IntoIterator<Item = &'a str>,
    ) -> Vec<Option<(usize, usize)>> {
        let mut found = vec![None; self.len()];
        if self.is_empty() || self.reversed {
            return found;
        }
        let mut listed = vec![false; self.states()];
        let mut left = self.len();
        for (t, text) in texts.into_iter().enumerate() {
            let mut s = ROOT;
            for (i, &b) in text.as_bytes().iter().enumerate() {
                s = self.next(s, b);
                let mut at = s;
                while at != NONE && !listed.get(at as usize).copied().unwrap_or(true) {
                    if let Some(seen) = listed.get_mut(at as usize) {
                        *seen = true;
                    }
                    let p = self.pattern_at(at);
                    if let Some(slot) = found.get_mut(p as usize) {
                        *slot = Some((t, i + 1));
                        left -= 1;
                    }
                    at = self.out.get(at as usize).copied().unwrap_or(NONE);
                }
                if left == 0 {
                    return found;
                }
            }
        }
        found
    }

    /// For each byte of `text`, the distinct pattern that starts there and
    /// is longest, if any (needs an automaton built `reversed`). Fills `out`,
    /// one entry per byte; a single pass from the end, no reading ahead.
    pub fn longest_starts(&self, text: &str, out: &mut Vec<Option<u32>>) {
        out.clear();
        out.resize(text.len(), None);
        if self.is_empty() || !self.reversed {
            return;
        }
        let mut s = ROOT;
        for (i, &b) in text.as_bytes().iter().enumerate().rev() {
            s = self.next(s, b);
            let here = if self.pattern_at(s) == NONE {
                self.out.get(s as usize).copied().unwrap_or(NONE)
            } else {
                s
            };
            if let Some(slot) = out.get_mut(i) {
                let p = self.pattern_at(here);
                *slot = (p != NONE).then_some(p);
            }
        }
    }

    /// The state after reading `b` in state `s`.
    fn next(&self, mut s: u32, b: u8) -> u32 {
        loop {
            if let Some(next) = self.child(s, b) {
                return next;
            }
            if s == ROOT {
                return ROOT;
            }
            s = self.fail_of(s);
        }
    }

    /// The child of `s` on byte `b`.
    fn child(&self, s: u32, b: u8) -> Option<u32> {
        if s == ROOT {
            let next = self.root_next.get(usize::from(b)).copied().unwrap_or(NONE);
            return (next != NONE).then_some(next);
        }
        let children = self.children(s);
        let bytes = self
            .byte
            .get(children.start as usize..children.end as usize)?;
        let i = bytes.binary_search(&b).ok()?;
        Some(children.start + to_u32(i))
    }

    fn children(&self, s: u32) -> std::ops::Range<u32> {
        let start = self.first_child.get(s as usize).copied().unwrap_or(0);
        let end = self
            .first_child
            .get(s as usize + 1)
            .copied()
            .unwrap_or(start);
        start..end.max(start)
    }

    fn fail_of(&self, s: u32) -> u32 {
        self.fail.get(s as usize).copied().unwrap_or(ROOT)
    }

    fn pattern_at(&self, s: u32) -> u32 {
        self.pattern.get(s as usize).copied().unwrap_or(NONE)
    }
}

/// States and lengths are bounded by the file size limit, far below
/// `u32::MAX`.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every (pattern, end) by brute force: the first end of each pattern.
    fn naive_first_ends(patterns: &[&str], texts: &[&str]) -> Vec<Option<(usize, usize)>> {
        patterns
            .iter()
            .map(|p| {
                if p.is_empty() {
                    return None;
                }
                texts
                    .iter()
                    .enumerate()
                    .find_map(|(t, text)| text.find(p).map(|i| (t, i + p.len())))
            })
            .collect()
    }

    fn first_ends(patterns: &[&str], texts: &[&str]) -> Vec<Option<(usize, usize)>> {
        let (m, ids) = Matcher::new(patterns.iter().copied(), false);
        let found = m.first_ends(texts.iter().copied());
        ids.iter().map(|id| id.and_then(|id| found[id])).collect()
    }

    #[test]
    fn first_ends_match_a_naive_search() {
        let patterns = [
            "a", "a a", "a a a", "b", "ab", "bab", "", "x", "a", "ba", "aab",
        ];
        let texts = ["b", "ab a a bab", "", "a a a aab"];
        assert_eq!(
            first_ends(&patterns, &texts),
            naive_first_ends(&patterns, &texts)
        );
    }

    #[test]
    fn identical_patterns_share_one_id() {
        let (m, ids) = Matcher::new(["e", "e", "Putin", "e", ""], false);
        assert_eq!(m.len(), 2);
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[0], ids[3]);
        assert_ne!(ids[0], ids[2]);
        assert_eq!(ids[4], None);
        assert_eq!(m.states(), 1 + 1 + 5);
    }

    #[test]
    fn nested_patterns_are_listed_once_each() {
        let levels: Vec<String> = (1..=50).map(|i| vec!["a"; i].join(" ")).collect();
        let patterns: Vec<&str> = levels.iter().map(String::as_str).collect();
        let text = "a ".repeat(200);
        assert_eq!(
            first_ends(&patterns, &[&text]),
            naive_first_ends(&patterns, &[&text])
        );
    }

    #[test]
    fn longest_starts_find_the_longest_pattern_at_each_byte() {
        let patterns = ["Kim", "Kim Jong-un", "Jong", "un", "n"];
        let (m, ids) = Matcher::new(patterns, true);
        let text = "Kim Jong-un und Kim";
        let mut out = Vec::new();
        m.longest_starts(text, &mut out);
        for (i, got) in out.iter().enumerate() {
            let want = patterns
                .iter()
                .enumerate()
                .filter(|(_, p)| text.get(i..).is_some_and(|t| t.starts_with(**p)))
                .max_by_key(|(_, p)| p.len())
                .and_then(|(k, _)| ids[k]);
            assert_eq!(got.map(|p| p as usize), want, "at {i}");
        }
        assert_eq!(m.pattern_len(out[0].unwrap() as usize), "Kim Jong-un".len());
    }

    #[test]
    fn a_forward_automaton_gives_no_starts_and_a_reversed_one_no_ends() {
        let (forward, _) = Matcher::new(["a"], false);
        let mut out = Vec::new();
        forward.longest_starts("aaa", &mut out);
        assert_eq!(out, vec![None; 3]);
        let (reversed, _) = Matcher::new(["a"], true);
        assert_eq!(reversed.first_ends(["aaa"]), vec![None]);
    }

    #[test]
    fn multibyte_text_and_patterns() {
        let patterns = ["Pjöngjang", "ö", "jöng", "ang"];
        let texts = ["nach Pjöngjang, Pjöngjang", "öö"];
        assert_eq!(
            first_ends(&patterns, &texts),
            naive_first_ends(&patterns, &texts)
        );
    }
}
