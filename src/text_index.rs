//! A read-only multimap from strings of one document to indices (entity, name or token
//! numbers), built once and then only looked up.
//!
//! The stages used a hash map of vectors for this, one heap allocation per distinct key: the
//! largest share of the per-document allocations. Two sorted vectors make the same lookups
//! with two allocations in all.

/// Keys in order, each with its values ascending; each (key, value) pair once.
#[derive(Default)]
pub(crate) struct TextIndex<'a> {
    keys: Vec<&'a str>,
    values: Vec<usize>,
}

impl<'a> TextIndex<'a> {
    /// The index of `pairs` (in any order; a repeated pair counts once).
    pub(crate) fn new(mut pairs: Vec<(&'a str, usize)>) -> TextIndex<'a> {
        pairs.sort_unstable();
        pairs.dedup();
        let (keys, values) = pairs.into_iter().unzip();
        TextIndex { keys, values }
    }

    /// The values of `key`, ascending; `None` when it has none.
    pub(crate) fn get(&self, key: &str) -> Option<&[usize]> {
        let a = self.keys.partition_point(|&k| k < key);
        let n = self.keys[a..].partition_point(|&k| k == key);
        (n > 0).then(|| &self.values[a..a + n])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_ascending_and_once() {
        let x = TextIndex::new(vec![("Rudi", 4), ("Ani", 2), ("Rudi", 1), ("Rudi", 4)]);
        assert_eq!(x.get("Rudi"), Some(&[1, 4][..]));
        assert_eq!(x.get("Ani"), Some(&[2][..]));
        assert_eq!(x.get("Budi"), None);
        assert_eq!(x.get(""), None);
    }
}
