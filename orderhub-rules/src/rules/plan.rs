//! The evaluation plan: a compiled condition ([`Cond`]) specialised by the kind of value each test reads,
//! and flattened into a branch program.
//!
//! [`Cond`] keeps every test generic (a field reference, an operator, a typed operand): evaluating one means
//! building a [`Val`](super::fields::Val) and matching it against the operand. The plan resolves that once,
//! when the rules are compiled: a test of a text field reads a borrowed `&str` and runs a text operation,
//! a number test reads a `Decimal`, a flag test a `bool`. Tests the plan does not specialise (times, tags,
//! shipment and inventory-item fields) keep the generic [`Leaf`]. Regular expressions of the common anchored
//! shape run on a specialised matcher ([`Anchored`]).
//!
//! The groups (`all`, `any`, `none`) disappear: the tests become a [`Program`], a list of [`Op`]s each
//! naming where to go next when its test holds and when it does not (the usual short-circuit compilation of
//! boolean expressions), so evaluating a condition is a loop over tests instead of a recursive walk. A line
//! quantifier is one op whose test runs a sub-program for each line. The tests run in the same order as the
//! generic evaluator's, with the same short-circuits, and give the same results, test for test (see
//! `eval.rs`).

use regex::Regex;
use rust_decimal::Decimal;

use super::anchored::Anchored;
use super::compile::{Cond, Leaf, Operand, Test};
use super::fields::{FieldRef, Fixed};

/// A condition compiled to a branch program: run `ops[entry]`, then the op its outcome names, until a
/// target is [`ACCEPT`] or [`REJECT`] (past the end of `ops`).
#[derive(Debug, Clone)]
pub(crate) struct Program {
    pub(crate) ops: Box<[Op]>,
    pub(crate) entry: u32,
}

/// The target "the condition holds".
pub(crate) const ACCEPT: u32 = u32::MAX;
/// The target "the condition does not hold".
pub(crate) const REJECT: u32 = u32::MAX - 1;

/// One test of a program and where to go after it.
#[derive(Debug, Clone)]
pub(crate) struct Op {
    pub(crate) step: Step,
    /// The next op when the test holds (or [`ACCEPT`] / [`REJECT`]).
    pub(crate) on_true: u32,
    /// The next op when it does not.
    pub(crate) on_false: u32,
}

/// A specialised test.
#[derive(Debug, Clone)]
pub(crate) enum Step {
    Text(TextSrc, TextTest),
    Num(NumSrc, NumTest),
    Bool(BoolSrc, BoolTest),
    /// Some line satisfies the sub-program.
    AnyLine(Program),
    /// Every line does (and there is an order).
    AllLines(Program),
    /// No line does.
    NoLine(Program),
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
    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether `h` (of the operand's length) equals the operand.
    #[inline(always)]
    pub(crate) fn eq_same_len(&self, h: &[u8]) -> bool {
        match &self.folded {
            None => h == self.text.as_bytes(),
            Some(f) => h.len() == f.len() && h.iter().zip(f.iter()).all(|(b, (l, m))| b | m == *l),
        }
    }

    /// Whether `h` equals the operand.
    #[inline(always)]
    pub(crate) fn equals(&self, h: &[u8]) -> bool {
        h.len() == self.len() && self.eq_same_len(h)
    }

    /// Whether `h` starts with the operand.
    #[inline(always)]
    pub(crate) fn prefix_of(&self, h: &[u8]) -> bool {
        h.get(..self.len()).is_some_and(|p| self.eq_same_len(p))
    }

    /// Whether `h` ends with the operand.
    #[inline(always)]
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
    #[inline(always)]
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
    Matches(Box<Matcher>),
    Blank(bool),
    /// Metadata compared as a number.
    Gt(Decimal),
    /// Metadata compared as a number.
    Lt(Decimal),
}

/// A compiled `matches` test.
#[derive(Debug, Clone)]
pub(crate) enum Matcher {
    /// The pattern has the shape [`Anchored`] handles.
    Anchored(Anchored),
    /// Any other pattern.
    Regex(Regex),
}

impl Matcher {
    fn new(re: &Regex, cs: bool) -> Self {
        match Anchored::compile(re.as_str(), !cs) {
            Some(a) => Matcher::Anchored(a),
            None => Matcher::Regex(re.clone()),
        }
    }

    /// Whether `h` matches.
    #[inline]
    pub(crate) fn is_match(&self, h: &str) -> bool {
        match self {
            Matcher::Anchored(a) => a.is_match(h),
            Matcher::Regex(re) => re.is_match(h),
        }
    }
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

/// Builds the program of a compiled condition.
pub(crate) fn plan(c: Cond) -> Program {
    let mut ops = Vec::new();
    let entry = emit(c, ACCEPT, REJECT, &mut ops);
    // `emit` pushes a group's members last to first (each member's targets must exist first); reverse, so
    // that the tests run front to back through memory.
    let n = ops.len();
    let flip = |t: u32| {
        if t >= REJECT {
            t
        } else {
            u32::try_from(n - 1 - t as usize).unwrap_or(REJECT)
        }
    };
    ops.reverse();
    for op in &mut ops {
        op.on_true = flip(op.on_true);
        op.on_false = flip(op.on_false);
    }
    Program {
        ops: ops.into_boxed_slice(),
        entry: flip(entry),
    }
}

/// Emits the ops of `c`, going to `t` when it holds and to `f` when it does not; returns its entry (which is
/// `t` or `f` itself for conditions that need no test: `all` of nothing holds, `any` of nothing does not).
fn emit(c: Cond, t: u32, f: u32, ops: &mut Vec<Op>) -> u32 {
    let mut push = |step: Step| {
        ops.push(Op {
            step,
            on_true: t,
            on_false: f,
        });
        u32::try_from(ops.len() - 1).unwrap_or(REJECT)
    };
    match c {
        Cond::True => t,
        Cond::Test(leaf) => push(leaf_plan(leaf)),
        Cond::AnyLine(c) => push(Step::AnyLine(plan(*c))),
        Cond::AllLines(c) => push(Step::AllLines(plan(*c))),
        Cond::NoLine(c) => push(Step::NoLine(plan(*c))),
        // Every member must hold: each goes on to the next one, the last to `t`; any failure goes to `f`.
        Cond::All(cs) => cs
            .into_vec()
            .into_iter()
            .rev()
            .fold(t, |next, c| emit(c, next, f, ops)),
        // One member must hold: each failure tries the next one, the last goes to `f`.
        Cond::Any(cs) => cs
            .into_vec()
            .into_iter()
            .rev()
            .fold(f, |next, c| emit(c, t, next, ops)),
        // No member may hold: `any` with the outcomes swapped.
        Cond::None(cs) => cs
            .into_vec()
            .into_iter()
            .rev()
            .fold(t, |next, c| emit(c, f, next, ops)),
    }
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
        // The regex was built with `case_insensitive(!cs)` (see `compile.rs`: a `matches` leaf's
        // `case_sensitive` is the rule's flag as given).
        Test::Matches(re) => TextTest::Matches(Box::new(Matcher::new(re, cs))),
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

fn leaf_plan(leaf: Leaf) -> Step {
    let cs = leaf.case_sensitive;
    let special = match &leaf.field {
        FieldRef::Order(f) if f.order_text_field() => {
            text_test(&leaf.test, cs).map(|t| Step::Text(TextSrc::Order(*f), t))
        }
        FieldRef::Line(f) if f.line_text_field() => {
            text_test(&leaf.test, cs).map(|t| Step::Text(TextSrc::Line(*f), t))
        }
        FieldRef::OrderMeta {
            key,
            channel_fallback,
            slot,
        } => text_test(&leaf.test, cs).map(|t| {
            Step::Text(
                TextSrc::OrderMeta {
                    key: key.clone(),
                    channel_fallback: *channel_fallback,
                    slot: *slot,
                },
                t,
            )
        }),
        FieldRef::LineMeta(key) => {
            text_test(&leaf.test, cs).map(|t| Step::Text(TextSrc::LineMeta(key.clone()), t))
        }
        FieldRef::Order(f) if f.order_num_field() => {
            num_test(&leaf.test).map(|t| Step::Num(NumSrc::Order(*f), t))
        }
        FieldRef::Line(f) if f.line_num_field() => {
            num_test(&leaf.test).map(|t| Step::Num(NumSrc::Line(*f), t))
        }
        FieldRef::Order(f) if f.order_bool_field() => {
            bool_test(&leaf.test).map(|t| Step::Bool(BoolSrc::Order(*f), t))
        }
        FieldRef::Line(f) if f.line_bool_field() => {
            bool_test(&leaf.test).map(|t| Step::Bool(BoolSrc::Line(*f), t))
        }
        _ => None,
    };
    special.unwrap_or_else(|| Step::Generic(Box::new(leaf)))
}
