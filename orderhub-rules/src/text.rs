//! Small text helpers shared by the parsers (suggestions in error messages, case-insensitive search).

/// Levenshtein distance over chars (inputs here are short: field names, codes).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub(crate) fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = 2.max(word.chars().count() / 4);
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Whether `haystack` contains `needle`, ASCII case ignored. No allocation: scans for the first byte in
/// either case, then compares the rest.
pub(crate) fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    if n.len() > h.len() {
        return false;
    }
    let (lo, up) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    (0..=h.len() - n.len())
        .any(|i| (h[i] == lo || h[i] == up) && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest))
}

/// Whether `haystack` starts with `prefix`, ASCII case ignored.
pub(crate) fn starts_with_ignore_ascii_case(haystack: &str, prefix: &str) -> bool {
    let (h, p) = (haystack.as_bytes(), prefix.as_bytes());
    h.len() >= p.len() && h[..p.len()].eq_ignore_ascii_case(p)
}

/// Whether `haystack` ends with `suffix`, ASCII case ignored.
pub(crate) fn ends_with_ignore_ascii_case(haystack: &str, suffix: &str) -> bool {
    let (h, s) = (haystack.as_bytes(), suffix.as_bytes());
    h.len() >= s.len() && h[h.len() - s.len()..].eq_ignore_ascii_case(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(edit_distance("metadat", "metadata"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(closest("metadat", ["metadata", "folder"]), Some("metadata"));
        assert_eq!(closest("zzzzzz", ["metadata", "folder"]), None);
        assert!(contains_ignore_ascii_case("Hello World", "o w"));
        assert!(!contains_ignore_ascii_case("Hi", "hello"));
        assert!(starts_with_ignore_ascii_case("AMZ-1", "amz"));
        assert!(ends_with_ignore_ascii_case("sku-FBA", "-fba"));
        assert!(!ends_with_ignore_ascii_case("a", "ab"));
    }
}
