//! A specialised matcher for the regular expressions rules use most: anchored at both ends (`^...$`) and
//! made of single characters from ASCII classes, with at most one repetition, such as `^ref-3[0-9]*$` or
//! `^(?:SKU|PRD)-[0-9]{4}$`.
//!
//! The pattern is parsed with `regex-syntax` (the parser `regex` itself uses, same version and
//! configuration), and the matcher is built from the parsed expression, where case-insensitivity, classes
//! and single-character alternations are already resolved: `(?i)r` is the class `[Rr]`, `(?i)k` is
//! `[Kk\u{212A}]` (Kelvin sign), `a|b` is `[ab]`. Anything outside the shape below (captures, other
//! alternations, non-ASCII classes, multi-line anchors, word boundaries, two repetitions, an unanchored
//! end) is not compiled and the rule keeps the `regex` engine. The result is `regex`'s `is_match`, exactly:
//!
//! - the expression is `Concat[Look::Start, item.., Look::End]` (`^` and `$` without multi-line mode
//!   match only at the very start and end of the text, as `\A` and `\z` do);
//! - every item is a literal (its bytes, each matched exactly), a class whose characters are all ASCII
//!   (one byte each), or, once, a repetition `{min,max}` of a one-byte literal or such a class.
//!
//! Every item but the repetition matches exactly one byte, so the text matches when it is long enough, its
//! first bytes match the items before the repetition, its last bytes the items after it, and the bytes in
//! between (as many as the repetition allows) all belong to the repeated class. Non-ASCII text bytes only
//! ever match a literal's identical bytes (a literal of a non-ASCII character is its UTF-8 encoding).

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A set of bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ByteSet([u128; 2]);

impl ByteSet {
    const EMPTY: ByteSet = ByteSet([0, 0]);

    fn insert(&mut self, b: u8) {
        let (i, bit) = (usize::from(b >> 7), b & 0x7f);
        if let Some(w) = self.0.get_mut(i) {
            *w |= 1u128 << bit;
        }
    }

    fn one(b: u8) -> Self {
        let mut s = ByteSet::EMPTY;
        s.insert(b);
        s
    }

    #[inline]
    fn contains(&self, b: u8) -> bool {
        let w = if b < 0x80 { self.0[0] } else { self.0[1] };
        (w >> (b & 0x7f)) & 1 == 1
    }

    /// The class's characters when they are all ASCII (`None` otherwise).
    fn of_class(c: &Class) -> Option<Self> {
        let mut s = ByteSet::EMPTY;
        let mut add = |lo: u32, hi: u32| -> Option<()> {
            if hi > 0x7f || lo > hi {
                return None;
            }
            for b in lo..=hi {
                s.insert(u8::try_from(b).ok()?);
            }
            Some(())
        };
        match c {
            Class::Unicode(u) => {
                for r in u.ranges() {
                    add(u32::from(r.start()), u32::from(r.end()))?;
                }
            }
            Class::Bytes(b) => {
                for r in b.ranges() {
                    add(u32::from(r.start()), u32::from(r.end()))?;
                }
            }
        }
        Some(s)
    }

    /// A one-byte item: a literal of one byte (an ASCII character) or an ASCII class.
    fn of_single(h: &Hir) -> Option<Self> {
        match h.kind() {
            HirKind::Literal(l) => match &*l.0 {
                [b] => Some(ByteSet::one(*b)),
                _ => None,
            },
            HirKind::Class(c) => ByteSet::of_class(c),
            _ => None,
        }
    }
}

/// The repetition in the middle.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Rep {
    set: ByteSet,
    min: usize,
    max: Option<usize>,
}

/// A compiled anchored pattern (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Anchored {
    /// One set per byte at the start of the text.
    head: Box<[ByteSet]>,
    /// The repetition after `head`, if any; without one the text is exactly `head`.
    rep: Option<Rep>,
    /// One set per byte at the end of the text (after the repetition).
    tail: Box<[ByteSet]>,
}

impl Anchored {
    /// Compiles `pattern` as `regex::RegexBuilder` does with `case_insensitive(case_insensitive)` and
    /// otherwise default settings; `None` when the pattern is not of the supported shape (or does not
    /// parse), in which case the caller keeps the `regex` engine.
    pub(crate) fn compile(pattern: &str, case_insensitive: bool) -> Option<Self> {
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(true)
            .utf8(true)
            .case_insensitive(case_insensitive)
            .multi_line(false)
            .dot_matches_new_line(false)
            .crlf(false)
            .line_terminator(b'\n')
            .swap_greed(false)
            .ignore_whitespace(false)
            .nest_limit(250)
            .octal(false)
            .build()
            .parse(pattern)
            .ok()?;
        Self::of_hir(&hir)
    }

    fn of_hir(hir: &Hir) -> Option<Self> {
        let HirKind::Concat(items) = hir.kind() else {
            return None;
        };
        let (first, rest) = items.split_first()?;
        let (last, middle) = rest.split_last()?;
        if !matches!(first.kind(), HirKind::Look(Look::Start))
            || !matches!(last.kind(), HirKind::Look(Look::End))
        {
            return None;
        }
        let (mut head, mut tail) = (Vec::new(), Vec::new());
        let mut rep = None;
        for item in middle {
            let fixed = if rep.is_none() { &mut head } else { &mut tail };
            match item.kind() {
                HirKind::Literal(l) => fixed.extend(l.0.iter().map(|&b| ByteSet::one(b))),
                HirKind::Class(c) => fixed.push(ByteSet::of_class(c)?),
                HirKind::Repetition(r) if rep.is_none() => {
                    rep = Some(Rep {
                        set: ByteSet::of_single(&r.sub)?,
                        min: usize::try_from(r.min).ok()?,
                        max: match r.max {
                            Some(m) => Some(usize::try_from(m).ok()?),
                            None => None,
                        },
                    });
                }
                _ => return None,
            }
        }
        Some(Anchored {
            head: head.into_boxed_slice(),
            rep,
            tail: tail.into_boxed_slice(),
        })
    }

    /// Whether `text` matches (what `regex::Regex::is_match` answers).
    #[inline]
    pub(crate) fn is_match(&self, text: &str) -> bool {
        let b = text.as_bytes();
        let Some(middle_len) = b.len().checked_sub(self.head.len() + self.tail.len()) else {
            return false;
        };
        let Some((head, rest)) = b.split_at_checked(self.head.len()) else {
            return false;
        };
        if !head.iter().zip(self.head.iter()).all(|(&c, s)| s.contains(c)) {
            return false;
        }
        let Some((middle, tail)) = rest.split_at_checked(middle_len) else {
            return false;
        };
        if !tail.iter().zip(self.tail.iter()).all(|(&c, s)| s.contains(c)) {
            return false;
        }
        match &self.rep {
            None => middle.is_empty(),
            Some(r) => {
                middle.len() >= r.min
                    && r.max.is_none_or(|m| middle.len() <= m)
                    && middle.iter().all(|&c| r.set.contains(c))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Anchored;
    use regex::RegexBuilder;

    /// Patterns of the supported shape, and some that are not (those must compile to `None`).
    const PATTERNS: &[&str] = &[
        "^ref-3[0-9]*$",
        "^ref-[0-9]+$",
        "^$",
        "^a$",
        "^abc$",
        "^[a-c]x?$",
        "^x{2,3}$",
        "^x{2}y$",
        "^[0-9]{0,2}-[A-Z]$",
        "^(?:a|b)c$",
        "^(?:SKU|PRD)-[0-9]{4}$",
        "^k$",
        "^s[0-9]*$",
        "^é[0-9]*$",
        "^\\-1[0-9]*$",
        "^1\\.0[0-9]*$",
        "^ [0-9]*$",
        "\\Aref\\z",
        "^(?i)ref$",
        "^(?-i)REF[0-9]*$",
        "^(?-u:[a-z])+$",
        "^[[:alpha:]]?[0-9]*$",
        "^x*?$",
        "^.$",
        "^[^a]$",
        "^ref-3[0-9]*",
        "ref-3[0-9]*$",
        "^(ref)$",
        "^a*b*$",
        "^(?:ab)*$",
        "(?m)^ref$",
        "^ref$|^x$",
        "^\\bref$",
        "^\\d+$",
        "^\\w$",
        "^é*$",
    ];

    const TEXTS: &[&str] = &[
        "",
        " ",
        "ref-3",
        "ref-30",
        "ref-399",
        "REF-3",
        "Ref-31",
        "ref-3a",
        "ref-4",
        "ref-",
        "ref-3\n",
        "\nref-3",
        "xref-3",
        "ref",
        "REF",
        "a",
        "b",
        "ac",
        "bc",
        "abc",
        "ABC",
        "x",
        "xx",
        "xxx",
        "xxxx",
        "xxy",
        "xy",
        "-Z",
        "12-z",
        "123-A",
        "SKU-1234",
        "prd-0000",
        "PRD-123",
        "k",
        "K",
        "\u{212A}",
        "s",
        "S",
        "\u{17F}",
        "\u{17F}12",
        "é",
        "É",
        "é12",
        "ée",
        "-1",
        "-12",
        "1.0",
        "1x0",
        " 12",
        "  ",
        "ab",
        "abab",
        "aab",
        "٣",
        "1٣",
        "\u{0}",
        "ж",
    ];

    #[test]
    fn agrees_with_regex() {
        let mut compiled = 0;
        for pattern in PATTERNS {
            for ci in [false, true] {
                let re = RegexBuilder::new(pattern)
                    .case_insensitive(ci)
                    .size_limit(1 << 20)
                    .build()
                    .unwrap();
                let Some(m) = Anchored::compile(pattern, ci) else {
                    continue;
                };
                compiled += 1;
                for text in TEXTS {
                    assert_eq!(
                        m.is_match(text),
                        re.is_match(text),
                        "pattern {pattern:?} case-insensitive {ci}, text {text:?}"
                    );
                }
            }
        }
        assert!(compiled >= 30, "{compiled} patterns compiled");
    }

    #[test]
    fn shapes_it_does_not_compile() {
        for pattern in [
            "ref-3[0-9]*",
            "^ref-3[0-9]*",
            "ref-3[0-9]*$",
            "^(ref)$",
            "^a*b*$",
            "^(?:ab)*$",
            "(?m)^ref$",
            "(?m)^ref[0-9]*$",
            "^ref$|^x$",
            "^\\bref$",
            "^.$",
            "^[^a]$",
            "^\\w$",
            "^é*$",
            "(",
        ] {
            assert_eq!(Anchored::compile(pattern, false), None, "{pattern}");
        }
        // Unicode case folding makes these classes non-ASCII: `k` also matches the Kelvin sign, `s` the
        // long s.
        assert_eq!(Anchored::compile("^k$", true), None);
        assert_eq!(Anchored::compile("^s[0-9]*$", true), None);
        assert!(Anchored::compile("^k$", false).is_some());
        // ASCII-only case folding keeps them ASCII.
        assert!(Anchored::compile("^(?-u:k)$", true).is_some());
    }

    #[test]
    fn the_benchmark_patterns_compile() {
        for d in 0..10 {
            let pattern = format!("^ref-{d}[0-9]*$");
            for ci in [false, true] {
                let m = Anchored::compile(&pattern, ci).unwrap();
                assert!(m.is_match(&format!("ref-{d}")));
                assert!(m.is_match(&format!("ref-{d}99")));
                assert!(!m.is_match(&format!("ref-{}", (d + 1) % 10)));
                assert_eq!(m.is_match(&format!("REF-{d}1")), ci);
            }
        }
    }

    /// Pieces random patterns are made of: literals (ASCII, non-ASCII, letters with non-ASCII case
    /// variants), escapes, ASCII classes and repetitions, which the matcher handles ...
    const PIECES: &[&str] = &[
        "a",
        "A",
        "k",
        "s",
        "r",
        "-",
        "0",
        "9",
        "é",
        "ж",
        "\\.",
        "\\-",
        " ",
        "[0-9]",
        "[a-c]",
        "[A-Z]",
        "[[:alpha:]]",
        "(?:a|b)",
        "(?i:k)",
        "(?-i:s)",
        "(?-u:[a-z])",
        "(?-u:k)",
        "*",
        "+",
        "?",
        "{2}",
        "{1,3}",
        "{0,}",
        "*?",
    ];

    /// ... and pieces it does not: negated and Unicode classes, captures, other alternations, anchors.
    const OTHER_PIECES: &[&str] = &[
        "[^a]", "\\d", "\\w", ".", "(?:ab|c)", "(ref)", "^", "$", "\\b", "(?m)", "(?i)",
    ];

    const ALPHABET: &[char] = &[
        'a', 'A', 'b', 'c', 'k', 'K', 's', 'S', 'r', 'R', 'z', 'Z', '0', '5', '9', '-', '.', ' ', 'é', 'É',
        'ж', '\u{212A}', '\u{17F}', '\n',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]

        #[test]
        fn random_patterns_agree_with_regex(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    12 => proptest::sample::select(PIECES),
                    1 => proptest::sample::select(OTHER_PIECES),
                ],
                0..7,
            ),
            anchors in proptest::prop_oneof![
                6 => proptest::strategy::Just((true, true)),
                1 => (proptest::bool::ANY, proptest::bool::ANY),
            ],
            ci in proptest::bool::ANY,
            texts in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(ALPHABET), 0..7),
                1..12,
            ),
        ) {
            let pattern = format!(
                "{}{}{}",
                if anchors.0 { "^" } else { "" },
                pieces.concat(),
                if anchors.1 { "$" } else { "" }
            );
            let Ok(re) = RegexBuilder::new(&pattern).case_insensitive(ci).size_limit(1 << 20).build() else {
                return Ok(());
            };
            let Some(m) = Anchored::compile(&pattern, ci) else {
                return Ok(());
            };
            for t in &texts {
                let text: String = t.iter().collect();
                proptest::prop_assert_eq!(
                    m.is_match(&text),
                    re.is_match(&text),
                    "pattern {:?} case-insensitive {}, text {:?}",
                    pattern,
                    ci,
                    text
                );
            }
            // Texts built to match: the pattern's own literal pieces.
            let literal: String = pieces.concat();
            proptest::prop_assert_eq!(m.is_match(&literal), re.is_match(&literal), "{:?}", pattern);
        }
    }
}
