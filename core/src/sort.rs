//! A stable sort for the short lists the page sorts (schedules, incidents,
//! the answers' spenders): an insertion sort, one small function however
//! many element types use it, where the standard library's sort adds about
//! 3 KB of wasm to the page for each element type and comparison. The lists
//! are bounded ([`crate::bounds`]), so its quadratic worst case stays a few
//! million comparisons at most.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal elements in their order (stable).
///
/// ```
/// use nines_core::sort::sort_by;
/// let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd')];
/// sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(0, 'd'), (1, 'b'), (2, 'a'), (2, 'c')]);
/// let mut none: [u8; 0] = [];
/// sort_by(&mut none, |x, y| x.cmp(y));
/// ```
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against the standard library's stable sort, on every arrangement
    /// of a list with repeated keys (stability shows in the tags).
    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let base = [3u8, 1, 2, 1, 3, 0];
        let mut seen = 0;
        for seed in 0u32..720 {
            let mut v: Vec<(u8, u32)> = base.iter().map(|&k| (k, 0)).collect();
            // A permutation from the seed (factorial number system).
            let mut s = seed;
            for i in (1..v.len()).rev() {
                let j = (s % (i as u32 + 1)) as usize;
                s /= i as u32 + 1;
                v.swap(i, j);
            }
            for (tag, x) in v.iter_mut().enumerate() {
                x.1 = tag as u32;
            }
            let mut want = v.clone();
            want.sort_by_key(|a| a.0);
            sort_by(&mut v, |a, b| a.0.cmp(&b.0));
            assert_eq!(v, want, "seed {seed}");
            seen += 1;
        }
        assert_eq!(seen, 720);
    }
}
