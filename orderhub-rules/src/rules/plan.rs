//! The evaluation plan: a compiled condition ([`Cond`]) specialised by the kind of value each test reads.
//!
//! [`Cond`] keeps every test generic (a field reference, an operator, a typed operand): evaluating one means
//! building a [`Val`](super::fields::Val) and matching it against the operand. The plan resolves that once,
//! when the rules are compiled: a test of a text field reads a borrowed `&str` and runs a text operation,
//! a number test reads a `Decimal`, a flag test a `bool`. Groups of one member are flattened. Tests the plan
//! does not specialise (times, tags, shipment and inventory-item fields) keep the generic [`Leaf`]. The
//! results are the generic evaluator's, test for test (see `eval.rs`).

use regex::Regex;
use rust_decimal::Decimal;

use super::compile::{Cond, Leaf, Operand, Test};
use super::fields::{FieldRef, Fixed};

/// A specialised condition.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    True,
    All(Box<[Node]>),
    Any(Box<[Node]>),
    None(Box<[Node]>),
    AnyLine(Box<Node>),
    AllLines(Box<Node>),
    NoLine(Box<Node>),
    Text(TextSrc, TextTest),
    Num(NumSrc, NumTest),
    Bool(BoolSrc, BoolTest),
    Generic(Box<Leaf>),
}

/// Where a text value comes from.
#[derive(Debug, Clone)]
pub(crate) enum TextSrc {
    /// A fixed order field of text kind.
    Order(Fixed),
    /// A fixed line field of text kind (read from the line being quantified).
    Line(Fixed),
    /// Order metadata (see [`FieldRef::OrderMeta`]).
    OrderMeta {
        key: Box<str>,
        channel_fallback: bool,
        slot: usize,
    },
    /// Line metadata.
    LineMeta(Box<str>),
}

/// A text operand prepared for comparison: byte for byte when case-sensitive (or when it has no ASCII
/// letters, where ignoring case changes nothing), otherwise folded: a value byte `b` matches the operand's
/// byte at `i` when `b | mask[i] == lower[i]`, where `lower` is the operand in ASCII lower case and
/// `mask[i]` is `0x20` for a letter (so `b` may be either case of it) and `0` otherwise (exact byte). This is
/// `eq_ignore_ascii_case`, with the operand's half done once at compile time.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub(crate) text: Box<str>,
    /// `None`: compare bytes.
    folded: Option<Box<[(u8, u8)]>>,
}

impl Pattern {
    pub(crate) fn new(text: &str, cs: bool) -> Self {
        let folded = (!cs && letters(text)).then(|| {
            text.bytes()
                .map(|b| {
                    let mask = if b.is_ascii_alphabetic() { 0x20 } else { 0 };
                    (b.to_ascii_lowercase(), mask)
                })
                .collect()
        });
        Pattern {
            text: text.into(),
            folded,
        }
    }

    /// The operand's length in bytes.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether `h` (of the operand's length) equals the operand.
    #[inline]
    pub(crate) fn eq_same_len(&self, h: &[u8]) -> bool {
        match &self.folded {
            None => h == self.text.as_bytes(),
            Some(f) => h.len() == f.len() && h.iter().zip(f.iter()).all(|(b, (l, m))| b | m == *l),
        }
    }

    /// Whether `h` equals the operand.
    #[inline]
    pub(crate) fn equals(&self, h: &[u8]) -> bool {
        h.len() == self.len() && self.eq_same_len(h)
    }

    /// Whether `h` starts with the operand.
    #[inline]
    pub(crate) fn prefix_of(&self, h: &[u8]) -> bool {
        h.get(..self.len()).is_some_and(|p| self.eq_same_len(p))
    }

    /// Whether `h` ends with the operand.
    #[inline]
    pub(crate) fn suffix_of(&self, h: &[u8]) -> bool {
        h.len()
            .checked_sub(self.len())
            .and_then(|start| h.get(start..))
            .is_some_and(|s| self.eq_same_len(s))
    }

    /// Whether `h` contains the operand.
    #[inline]
    pub(crate) fn within(&self, h: &str) -> bool {
        match &self.folded {
            None => h.contains(&*self.text),
            Some(f) => {
                let Some(&(l0, m0)) = f.first() else {
                    return true;
                };
                h.as_bytes()
                    .windows(f.len())
                    .any(|w| w[0] | m0 == l0 && w.iter().zip(f.iter()).skip(1).all(|(b, (l, m))| b | m == *l))
            }
        }
    }
}

/// A text equality operand (`equals`, `not_equals`, one member of `in`).
#[derive(Debug, Clone)]
pub(crate) struct TextEq {
    /// Trimmed when compiled.
    pub(crate) pat: Pattern,
    /// For metadata: the operand as a number (`1.0` equals `1`).
    pub(crate) num: Option<Decimal>,
}

/// A number operand with its mantissa rescaled to every scale a `Decimal` can have (where it fits), so
/// that comparing a value of scale `s` is one integer comparison of mantissas.
#[derive(Debug, Clone)]
pub(crate) struct NumOperand {
    pub(crate) value: Decimal,
    /// `scaled[s]`: the operand's mantissa at scale `s`; `None` below its own scale or on overflow.
    scaled: Box<[Option<i128>]>,
}

impl NumOperand {
    pub(crate) fn new(value: Decimal) -> Self {
        let (m, own) = (value.mantissa(), value.scale());
        let scaled = (0..=28u32)
            .map(|s| {
                s.checked_sub(own)
                    .and_then(|d| 10i128.checked_pow(d))
                    .and_then(|p| m.checked_mul(p))
            })
            .collect();
        NumOperand { value, scaled }
    }

    /// `v` compared with the operand (numerically, as `Decimal`'s `Ord`).
    #[inline]
    pub(crate) fn cmp_value(&self, v: &Decimal) -> std::cmp::Ordering {
        match self.scaled.get(v.scale() as usize) {
            Some(Some(m)) => v.mantissa().cmp(m),
            _ => v.cmp(&self.value),
        }
    }
}

/// A test of a text value.
#[derive(Debug, Clone)]
pub(crate) enum TextTest {
    Eq(TextEq),
    Ne(TextEq),
    In(Box<[TextEq]>),
    Contains(Pattern),
    StartsWith(Pattern),
    EndsWith(Pattern),
    Matches(Regex),
    Blank(bool),
    /// Metadata compared as a number.
    Gt(Decimal),
    /// Metadata compared as a number.
    Lt(Decimal),
}

/// Where a number comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NumSrc {
    Order(Fixed),
    Line(Fixed),
}

/// A test of a number.
#[derive(Debug, Clone)]
pub(crate) enum NumTest {
    Eq(NumOperand),
    Ne(NumOperand),
    In(Box<[NumOperand]>),
    Gt(NumOperand),
    Lt(NumOperand),
    Blank(bool),
}

/// Where a flag comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum BoolSrc {
    Order(Fixed),
    Line(Fixed),
}

/// A test of a flag.
#[derive(Debug, Clone)]
pub(crate) enum BoolTest {
    Eq(bool),
    Ne(bool),
    In(Box<[bool]>),
    Blank(bool),
}

/// Builds the plan of a compiled condition.
pub(crate) fn plan(c: Cond) -> Node {
    match c {
        Cond::True => Node::True,
        Cond::All(cs) => group(cs, Node::All),
        Cond::Any(cs) => group(cs, Node::Any),
        Cond::None(cs) => {
            let nodes: Vec<Node> = cs.into_vec().into_iter().map(plan).collect();
            Node::None(nodes.into_boxed_slice())
        }
        Cond::AnyLine(c) => Node::AnyLine(Box::new(plan(*c))),
        Cond::AllLines(c) => Node::AllLines(Box::new(plan(*c))),
        Cond::NoLine(c) => Node::NoLine(Box::new(plan(*c))),
        Cond::Test(leaf) => leaf_plan(leaf),
    }
}

/// `all` / `any` of exactly one member is that member (an empty group keeps its meaning: `all` of nothing
/// holds, `any` of nothing does not).
fn group(cs: Box<[Cond]>, make: fn(Box<[Node]>) -> Node) -> Node {
    let mut nodes: Vec<Node> = cs.into_vec().into_iter().map(plan).collect();
    if nodes.len() == 1 {
        if let Some(n) = nodes.pop() {
            return n;
        }
    }
    make(nodes.into_boxed_slice())
}

fn letters(t: &str) -> bool {
    t.bytes().any(|b| b.is_ascii_alphabetic())
}

fn text_eq(o: &Operand, cs: bool) -> Option<TextEq> {
    match o {
        Operand::Text { text, num } => Some(TextEq {
            pat: Pattern::new(text, cs),
            num: *num,
        }),
        _ => None,
    }
}

fn needle(n: &str, cs: bool) -> Pattern {
    Pattern::new(n, cs)
}

fn text_test(t: &Test, cs: bool) -> Option<TextTest> {
    Some(match t {
        Test::Eq(o) => TextTest::Eq(text_eq(o, cs)?),
        Test::Ne(o) => TextTest::Ne(text_eq(o, cs)?),
        Test::In(l) => TextTest::In(
            l.iter()
                .map(|o| text_eq(o, cs))
                .collect::<Option<Vec<_>>>()?
                .into_boxed_slice(),
        ),
        Test::Contains(n) => TextTest::Contains(needle(n, cs)),
        Test::StartsWith(n) => TextTest::StartsWith(needle(n, cs)),
        Test::EndsWith(n) => TextTest::EndsWith(needle(n, cs)),
        Test::Matches(re) => TextTest::Matches(re.clone()),
        Test::Blank(b) => TextTest::Blank(*b),
        Test::Gt(Operand::Num(n)) => TextTest::Gt(*n),
        Test::Lt(Operand::Num(n)) => TextTest::Lt(*n),
        Test::Gt(_) | Test::Lt(_) => return None,
    })
}

fn num(o: &Operand) -> Option<NumOperand> {
    match o {
        Operand::Num(n) => Some(NumOperand::new(*n)),
        _ => None,
    }
}

fn num_test(t: &Test) -> Option<NumTest> {
    Some(match t {
        Test::Eq(o) => NumTest::Eq(num(o)?),
        Test::Ne(o) => NumTest::Ne(num(o)?),
        Test::In(l) => NumTest::In(l.iter().map(num).collect::<Option<Vec<_>>>()?.into_boxed_slice()),
        Test::Gt(o) => NumTest::Gt(num(o)?),
        Test::Lt(o) => NumTest::Lt(num(o)?),
        Test::Blank(b) => NumTest::Blank(*b),
        _ => return None,
    })
}

fn flag(o: &Operand) -> Option<bool> {
    match o {
        Operand::Bool(b) => Some(*b),
        _ => None,
    }
}

fn bool_test(t: &Test) -> Option<BoolTest> {
    Some(match t {
        Test::Eq(o) => BoolTest::Eq(flag(o)?),
        Test::Ne(o) => BoolTest::Ne(flag(o)?),
        Test::In(l) => BoolTest::In(l.iter().map(flag).collect::<Option<Vec<_>>>()?.into_boxed_slice()),
        Test::Blank(b) => BoolTest::Blank(*b),
        _ => return None,
    })
}

fn leaf_plan(leaf: Leaf) -> Node {
    let cs = leaf.case_sensitive;
    let special = match &leaf.field {
        FieldRef::Order(f) if f.order_text_field() => {
            text_test(&leaf.test, cs).map(|t| Node::Text(TextSrc::Order(*f), t))
        }
        FieldRef::Line(f) if f.line_text_field() => {
            text_test(&leaf.test, cs).map(|t| Node::Text(TextSrc::Line(*f), t))
        }
        FieldRef::OrderMeta {
            key,
            channel_fallback,
            slot,
        } => text_test(&leaf.test, cs).map(|t| {
            Node::Text(
                TextSrc::OrderMeta {
                    key: key.clone(),
                    channel_fallback: *channel_fallback,
                    slot: *slot,
                },
                t,
            )
        }),
        FieldRef::LineMeta(key) => {
            text_test(&leaf.test, cs).map(|t| Node::Text(TextSrc::LineMeta(key.clone()), t))
        }
        FieldRef::Order(f) if f.order_num_field() => {
            num_test(&leaf.test).map(|t| Node::Num(NumSrc::Order(*f), t))
        }
        FieldRef::Line(f) if f.line_num_field() => {
            num_test(&leaf.test).map(|t| Node::Num(NumSrc::Line(*f), t))
        }
        FieldRef::Order(f) if f.order_bool_field() => {
            bool_test(&leaf.test).map(|t| Node::Bool(BoolSrc::Order(*f), t))
        }
        FieldRef::Line(f) if f.line_bool_field() => {
            bool_test(&leaf.test).map(|t| Node::Bool(BoolSrc::Line(*f), t))
        }
        _ => None,
    };
    special.unwrap_or_else(|| Node::Generic(Box::new(leaf)))
}
