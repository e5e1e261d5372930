//! A compact byte trie for the gazetteer's anchored walk.
//!
//! [`super::Matcher::find`] only ever asks "which names start exactly here?", walking from a
//! unit start until the text leaves the trie. An Aho-Corasick automaton answers more than that:
//! its build computes a failure transition for every state and copies the matches of suffix
//! states into each state, work and memory the anchored walk never uses (for a million names,
//! nearly half of a 25 s start-up and most of 1.5 GB). This trie has neither: it is built in one
//! pass over the sorted patterns, and its size is linear in them.
//!
//! Layout: nodes in one array, the children of a node consecutive and sorted by their edge byte
//! (kept in a parallel byte array, so finding a child is a search in a short byte slice). A
//! node also holds a *skip*: bytes that must follow its edge byte before its value or children
//! apply, so that runs without a branch (the unique tail of most names) cost one node, not one
//! per byte.

/// No value at a node.
const NONE: u32 = u32::MAX;

/// One node: 16 bytes, four to a cache line and never across two. (The walk reads a few nodes
/// scattered over a trie of a megabyte or more, most of them a cache miss: a smaller node
/// keeps more of the trie cached.)
#[derive(Clone, Copy, Debug)]
struct Node {
    /// Index of the first child in `nodes`; the children are consecutive.
    first_child: u32,
    /// The skip bytes themselves when there are at most [`INLINE_SKIP`] (most skips are that
    /// short, and so cost no read elsewhere in memory); else the start of the skip bytes in
    /// `skips`, as a little-endian `u32`.
    skip: [u8; INLINE_SKIP],
    /// The value of the pattern that ends after the skip, or `NONE`.
    value: u32,
    /// Number of skip bytes (at most [`MAX_SKIP`]).
    skip_len: u16,
    /// Number of children.
    children: u16,
}

/// Longest skip of a node: a longer unbranched run continues in a node with one child.
const MAX_SKIP: usize = u16::MAX as usize;
/// Longest skip kept in the node itself.
const INLINE_SKIP: usize = 4;

/// A set of byte strings, each with a `u32` value, searched by walking from a start position
/// (see the unit tests below for examples).
#[derive(Clone, Debug, Default)]
pub(super) struct Trie {
    nodes: Vec<Node>,
    /// The edge byte into each node (parallel to `nodes`; the root's is unused).
    labels: Vec<u8>,
    skips: Vec<u8>,
    /// The root's child for each first byte (or `NONE`) when the root has no skip: every walk
    /// starts there, and the root has the most children.
    root: Option<Box<[u32; 256]>>,
}

impl Trie {
    /// Builds the trie from `(pattern, value)` pairs sorted by pattern, without duplicates.
    /// Time and memory are linear in the patterns' total length.
    pub(super) fn build<P: AsRef<str>>(sorted: &[(P, u32)]) -> Trie {
        debug_assert!(sorted.windows(2).all(|w| w[0].0.as_ref() < w[1].0.as_ref()));
        let mut t = Trie {
            nodes: Vec::with_capacity(sorted.len() * 2),
            labels: Vec::with_capacity(sorted.len() * 2),
            skips: Vec::new(),
            root: None,
        };
        t.push_node(0);
        if sorted.is_empty() {
            return t;
        }
        // (node, range of patterns below it, depth right after its edge byte), breadth first:
        // the upper levels, which every walk reads, end up together in a few cache lines.
        let mut work = std::collections::VecDeque::from([(0usize, 0usize, sorted.len(), 0usize)]);
        while let Some((node, lo, hi, depth)) = work.pop_front() {
            let key = |i: usize| sorted[i].0.as_ref().as_bytes();
            let (first, last) = (key(lo), key(hi - 1));
            // Sorted: the range's common prefix is that of its first and last pattern (or its
            // first `MAX_SKIP` bytes: every pattern of the range then goes on past it).
            let common = depth
                + first[depth..]
                    .iter()
                    .zip(&last[depth..])
                    .take_while(|(a, b)| a == b)
                    .count()
                    .min(MAX_SKIP);
            let mut lo = lo;
            let skip = &first[depth..common];
            let n = &mut t.nodes[node];
            if skip.len() <= INLINE_SKIP {
                n.skip[..skip.len()].copy_from_slice(skip);
            } else {
                n.skip = to_u32(t.skips.len()).to_le_bytes();
                t.skips.extend_from_slice(skip);
            }
            n.skip_len = skip.len() as u16;
            if first.len() == common {
                n.value = sorted[lo].1;
                lo += 1;
            }
            // The rest are longer than `common`: one child per distinct next byte.
            let first_child = t.nodes.len();
            let mut at = lo;
            while at < hi {
                let byte = key(at)[common];
                let end = group_end(&sorted[at..hi], |p| p.as_bytes()[common] == byte) + at;
                work.push_back((t.nodes.len(), at, end, common + 1));
                t.push_node(byte);
                at = end;
            }
            let children = (t.nodes.len() - first_child) as u16;
            let n = &mut t.nodes[node];
            n.first_child = to_u32(first_child);
            n.children = children;
        }
        let root = t.nodes[0];
        if root.skip_len == 0 && root.value == NONE {
            let mut table = Box::new([NONE; 256]);
            let first = root.first_child as usize;
            for child in first..first + usize::from(root.children) {
                table[usize::from(t.labels[child])] = child as u32;
            }
            t.root = Some(table);
        }
        t.nodes.shrink_to_fit();
        t.labels.shrink_to_fit();
        t.skips.shrink_to_fit();
        t
    }

    fn push_node(&mut self, label: u8) {
        self.nodes.push(Node {
            first_child: 0,
            skip: [0; INLINE_SKIP],
            skip_len: 0,
            value: NONE,
            children: 0,
        });
        self.labels.push(label);
    }

    /// Every pattern that is a prefix of `text`, shortest first, as (length, value): the
    /// plain walk the tests check [`Trie::longest`] against.
    #[cfg(test)]
    pub(super) fn prefixes<'a>(&'a self, text: &'a [u8]) -> Prefixes<'a> {
        Prefixes {
            trie: self,
            text,
            node: if self.nodes.is_empty() { None } else { Some(0) },
            at: 0,
        }
    }

    /// The longest pattern that is a prefix of `text` and whose length `accept`s, as (length,
    /// value). The same as the last of [`Trie::prefixes`] that `accept` takes, in one loop.
    #[inline]
    pub(super) fn longest(
        &self,
        text: &[u8],
        accept: impl Fn(usize) -> bool,
    ) -> Option<(usize, u32)> {
        let mut best = None;
        let (mut id, mut at) = (0, 0);
        if let (Some(table), Some(&b)) = (&self.root, text.first()) {
            id = table[usize::from(b)] as usize; // NONE: no such node, `get` below ends it
            at = 1;
        }
        loop {
            let n = self.nodes.get(id)?;
            let skip = self.skip_of(n);
            // Skips are a few bytes: compared in line, not by a `memcmp` call.
            if text.len() - at < skip.len() || skip.iter().zip(&text[at..]).any(|(a, b)| a != b) {
                return best;
            }
            at += skip.len();
            if n.value != NONE && accept(at) {
                best = Some((at, n.value));
            }
            let Some(&b) = text.get(at) else {
                return best;
            };
            let Some(child) = self.child(n, b) else {
                return best;
            };
            id = child;
            at += 1;
        }
    }

    /// [`Trie::longest`] for a text with no-break spaces (U+00A0, the bytes `C2 A0`), which
    /// scraped pages put between the words of a name (`Dedi\u{a0}Mulyadi`): each reads as the
    /// plain space the patterns are written with. Lengths are still the text's own bytes. A
    /// separate loop, so that the walk over texts without one (most) pays nothing for it.
    pub(super) fn longest_nbsp(
        &self,
        text: &[u8],
        accept: impl Fn(usize) -> bool,
    ) -> Option<(usize, u32)> {
        // the byte at `at` as the patterns see it, and how many text bytes it takes
        let read = |at: usize| -> Option<(u8, usize)> {
            match *text.get(at)? {
                0xC2 if text.get(at + 1) == Some(&0xA0) => Some((b' ', 2)),
                b => Some((b, 1)),
            }
        };
        let mut best = None;
        let (mut id, mut at) = (0, 0);
        if let Some(table) = &self.root {
            let (b, width) = read(0)?;
            id = table[usize::from(b)] as usize;
            at = width;
        }
        loop {
            let n = self.nodes.get(id)?;
            for &s in self.skip_of(n) {
                match read(at) {
                    Some((b, width)) if b == s => at += width,
                    _ => return best,
                }
            }
            if n.value != NONE && accept(at) {
                best = Some((at, n.value));
            }
            let Some((b, width)) = read(at) else {
                return best;
            };
            let Some(child) = self.child(n, b) else {
                return best;
            };
            id = child;
            at += width;
        }
    }

    /// The child of node `n` whose edge byte is `b` (its index), shared by both walks: a
    /// binary search over many children, a scan over few.
    #[inline]
    fn child(&self, n: &Node, b: u8) -> Option<usize> {
        let first = n.first_child as usize;
        let labels = &self.labels[first..first + usize::from(n.children)];
        let found = if labels.len() > 16 {
            labels.binary_search(&b).ok()
        } else {
            labels.iter().position(|&l| l == b)
        };
        found.map(|i| first + i)
    }

    /// The skip bytes of node `n` (see [`Node::skip`]).
    #[inline]
    fn skip_of<'a>(&'a self, n: &'a Node) -> &'a [u8] {
        let len = usize::from(n.skip_len);
        if len <= INLINE_SKIP {
            &n.skip[..len]
        } else {
            &self.skips[u32::from_le_bytes(n.skip) as usize..][..len]
        }
    }

    /// Approximate heap bytes.
    pub(super) fn memory_usage(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.labels.capacity()
            + self.skips.capacity()
    }
}

/// Iterator of [`Trie::prefixes`].
#[cfg(test)]
pub(super) struct Prefixes<'a> {
    trie: &'a Trie,
    text: &'a [u8],
    /// The node entered (its edge byte consumed, its skip not yet), or None when done.
    node: Option<usize>,
    /// Bytes of `text` consumed.
    at: usize,
}

#[cfg(test)]
impl Iterator for Prefixes<'_> {
    type Item = (usize, u32);

    #[inline]
    fn next(&mut self) -> Option<(usize, u32)> {
        let t = self.trie;
        while let Some(id) = self.node.take() {
            let n = t.nodes[id];
            let skip = t.skip_of(&n);
            if !self.text[self.at..].starts_with(skip) {
                return None;
            }
            self.at += skip.len();
            if let Some(&b) = self.text.get(self.at) {
                let first = n.first_child as usize;
                let labels = &t.labels[first..first + usize::from(n.children)];
                if let Ok(i) = labels.binary_search(&b) {
                    self.node = Some(first + i);
                }
            }
            if n.value != NONE {
                let found = (self.at, n.value);
                self.at += 1; // the edge byte of the next node, if any
                return Some(found);
            }
            self.at += 1;
        }
        None
    }
}

/// The length of the leading run of `items` whose pattern satisfies `same` (which holds for a
/// prefix of them). Galloping from the start: groups are mostly short, and each probe reads a
/// string somewhere in memory, so a binary search over the whole rest costs far more.
fn group_end<P: AsRef<str>>(items: &[(P, u32)], same: impl Fn(&str) -> bool) -> usize {
    let mut step = 1;
    let mut lo = 0; // items[..=lo] satisfy `same`
    while lo + step < items.len() && same(items[lo + step].0.as_ref()) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(items.len());
    lo + 1 + items[lo + 1..hi].partition_point(|(p, _)| same(p.as_ref()))
}

/// A trie index: the patterns' total length must fit in 32 bits (4 GB of names).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trie(words: &[&str]) -> Trie {
        let mut pairs: Vec<(&str, u32)> = words.iter().copied().zip(0..).collect();
        pairs.sort();
        Trie::build(&pairs)
    }

    /// Every prefix found; also checks `longest` against it, for every accepted length set
    /// that matters here (all lengths, odd lengths only, none).
    fn found(t: &Trie, text: &str) -> Vec<(usize, u32)> {
        let all: Vec<(usize, u32)> = t.prefixes(text.as_bytes()).collect();
        assert_eq!(t.longest(text.as_bytes(), |_| true), all.last().copied());
        let odd = all.iter().rev().find(|(len, _)| len % 2 == 1).copied();
        assert_eq!(t.longest(text.as_bytes(), |len| len % 2 == 1), odd);
        assert_eq!(t.longest(text.as_bytes(), |_| false), None);
        all
    }

    #[test]
    fn finds_every_prefix_shortest_first() {
        let t = trie(&["Korea", "Korea Utara", "Korea Selatan", "Kor", "Rusia"]);
        assert_eq!(found(&t, "Korea Utara baru"), [(3, 3), (5, 0), (11, 1)]);
        assert_eq!(found(&t, "Korea Selatan"), [(3, 3), (5, 0), (13, 2)]);
        assert_eq!(found(&t, "Korea Sel"), [(3, 3), (5, 0)]);
        assert_eq!(found(&t, "Rusia"), [(5, 4)]);
        assert_eq!(found(&t, "Rusi"), []);
        assert_eq!(found(&t, "Ko"), []);
        assert_eq!(found(&t, ""), []);
        assert_eq!(found(&t, "Jakarta"), []);
    }

    /// Skips of every length: in the node (up to four bytes), in `skips`, and longer than a
    /// node's skip can be (continued in a node with one child).
    #[test]
    fn skips_short_long_and_longer_than_a_node_holds() {
        let t = trie(&["Bina", "Bina Karya", "Bina Kar", "Binaraga Utama Sejahtera"]);
        assert_eq!(found(&t, "Bina Karya"), [(4, 0), (8, 2), (10, 1)]);
        assert_eq!(found(&t, "Binaraga Utama Sejahtera"), [(4, 0), (24, 3)]);
        assert_eq!(found(&t, "Binaraga Utama Sejahtara"), [(4, 0)]);
        let long = "a".repeat(MAX_SKIP + 10);
        let longer = format!("{long}b{long}");
        let t = trie(&[&long[..3], &long, &longer]);
        assert_eq!(
            found(&t, &longer),
            [(3, 0), (long.len(), 1), (longer.len(), 2)]
        );
        assert_eq!(found(&t, &long[..long.len() - 1]), [(3, 0)]);
    }

    #[test]
    fn single_pattern_and_empty_set() {
        let t = trie(&["AS"]);
        assert_eq!(found(&t, "AS dan"), [(2, 0)]);
        assert_eq!(found(&t, "A"), []);
        assert_eq!(found(&trie(&[]), "AS"), []);
    }

    #[test]
    fn no_break_spaces_read_as_spaces() {
        let t = trie(&["Raja Ampat", "Raja", "Korea Utara", "Sulawesi Utara"]);
        for (plain, value) in [
            ("Raja Ampat di", 0),
            ("Korea Utara", 2),
            ("Sulawesi Utara.", 3),
        ] {
            let spaced = plain.replacen(' ', "\u{a0}", 1);
            let want = t
                .longest(plain.as_bytes(), |_| true)
                .map(|(len, _)| len + 1);
            let got = t.longest_nbsp(spaced.as_bytes(), |_| true);
            assert_eq!(got.map(|(len, _)| len), want, "{plain}");
            assert_eq!(got.map(|(_, v)| v), Some(value), "{plain}");
            // (the same as the plain walk on a text without one)
            assert_eq!(
                t.longest_nbsp(plain.as_bytes(), |_| true),
                t.longest(plain.as_bytes(), |_| true)
            );
        }
        // a C2 byte not followed by A0 is no space
        assert_eq!(t.longest_nbsp(b"Raja\xc2\x82Ampat", |_| true), Some((4, 1)));
    }

    #[test]
    fn multibyte_and_one_byte_patterns() {
        let t = trie(&["X", "São Paulo", "SÃO PAULO", "Sã"]);
        assert_eq!(found(&t, "São Paulo"), [(3, 3), (10, 1)]);
        assert_eq!(found(&t, "SÃO PAULO"), [(10, 2)]);
        assert_eq!(found(&t, "X Corp"), [(1, 0)]);
    }

    #[test]
    fn agrees_with_a_plain_scan() {
        // Many patterns sharing prefixes: every prefix of each text is found, and only those.
        let words: Vec<String> = (0..300)
            .map(|i| format!("{}{}", ["Sri", "Sur", "S", "Su"][i % 4], i * 7 % 113))
            .collect();
        let mut unique: Vec<&str> = words.iter().map(String::as_str).collect();
        unique.sort();
        unique.dedup();
        let t = trie(&unique);
        for text in ["Sri1", "Sur77 x", "S11", "Su", "S", "Sri10", "Sur105"] {
            let expect: Vec<(usize, u32)> = (1..=text.len())
                .filter_map(|len| {
                    let v = unique.iter().position(|w| *w == &text[..len])?;
                    Some((len, v as u32))
                })
                .collect();
            assert_eq!(found(&t, text), expect, "{text}");
        }
    }
}
