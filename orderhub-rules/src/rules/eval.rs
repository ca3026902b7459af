//! Evaluating compiled rules. Nothing here allocates except actions that write text into the decision, and
//! those reuse the buffers a cleared decision keeps.

use chrono::{DateTime, Duration, Utc};
use orderhub_core::domain::OrderLine;
use orderhub_core::policy::import::{
    Admission, CarrierChoice, FiredRule, ImportContext, ImportDecision, PolicyEvent,
};

use rust_decimal::Decimal;

use super::compile::{event_bit, Action, CompiledRule, Cond, Leaf, Operand, Test};
use super::fields::{parse_number, FieldRef, Subject, Val};
use super::plan::{BoolSrc, BoolTest, NumSrc, NumTest, Program, Step, TextEq, TextSrc, TextTest, ACCEPT};
use crate::text::{contains_ignore_ascii_case, ends_with_ignore_ascii_case, starts_with_ignore_ascii_case};

/// Runs the rules with the specialised plans.
pub(crate) fn run(
    rules: &[CompiledRule],
    event: PolicyEvent<'_>,
    ctx: &ImportContext<'_>,
    out: &mut ImportDecision,
) {
    run_with(rules, event, ctx, out, |rule, s, cache| {
        exec(&rule.plan, s, None, cache)
    });
}

/// Runs the rules with the generic conditions (the reference the plans must agree with).
pub(crate) fn run_reference(
    rules: &[CompiledRule],
    event: PolicyEvent<'_>,
    ctx: &ImportContext<'_>,
    out: &mut ImportDecision,
) {
    run_with(rules, event, ctx, out, |rule, s, cache| {
        eval_reference(&rule.cond, s, None, cache)
    });
}

#[inline(always)]
fn run_with<'a>(
    rules: &[CompiledRule],
    event: PolicyEvent<'a>,
    ctx: &ImportContext<'a>,
    out: &mut ImportDecision,
    holds: impl Fn(&CompiledRule, &Subject<'a>, &mut MetaCache<'a>) -> bool,
) {
    let bit = event_bit(event.kind());
    let subject = match event {
        PolicyEvent::ShipmentSending { order, shipment } => Subject {
            order: Some(order),
            shipment: Some(shipment),
            item: None,
            inventory: ctx.inventory,
        },
        PolicyEvent::InventorySyncing(item) => Subject {
            order: None,
            shipment: None,
            item: Some(item),
            inventory: ctx.inventory,
        },
        other => Subject {
            order: other.order(),
            shipment: None,
            item: None,
            inventory: ctx.inventory,
        },
    };
    let mut cache = MetaCache::new();
    let mut hold = HoldMemo::default();
    for rule in rules {
        if !rule.enabled || rule.events & bit == 0 || !holds(rule, &subject, &mut cache) {
            continue;
        }
        out.trace.push(FiredRule {
            index: rule.index,
            name: rule.name.clone(),
        });
        let mut stop = false;
        for action in rule.actions.iter() {
            stop |= apply(action, ctx, out, &mut hold);
        }
        if stop {
            break;
        }
    }
}

/// `now + hours` for the last `hold_for_hours` applied in one evaluation (rules often share the figure).
#[derive(Default)]
struct HoldMemo(Option<(i64, Option<DateTime<Utc>>)>);

impl HoldMemo {
    #[inline]
    fn until(&mut self, now: DateTime<Utc>, hours: i64) -> Option<DateTime<Utc>> {
        match self.0 {
            Some((h, t)) if h == hours => t,
            _ => {
                let t = now.checked_add_signed(Duration::hours(hours));
                self.0 = Some((hours, t));
                t
            }
        }
    }
}

/// Applies one action; `true` for "stop processing".
fn apply(action: &Action, ctx: &ImportContext<'_>, out: &mut ImportDecision, hold: &mut HoldMemo) -> bool {
    match action {
        Action::Folder(f) => out.set_folder(f),
        Action::SetMeta(k, v) => out.set_metadata(k, v),
        Action::RemoveMeta(k) => out.remove_metadata(k),
        Action::Tag(t) => out.add_tag(t),
        Action::HubStatus(s) => out.hub_status = Some(s.clone()),
        Action::RouteTo(r) => out.set_route_to(r),
        Action::HoldUntil(t) => out.hold_until = Some(*t),
        Action::HoldForHours(h) => out.hold_until = hold.until(ctx.now, *h),
        Action::Skip(reason) => out.admission = Admission::Skip(reason.clone()),
        Action::Carrier(code) => {
            out.carrier = Some(CarrierChoice {
                code: (*code).to_owned(),
                name: None,
            });
        }
        Action::ShippingMethod(m) => out.set_shipping_method(m),
        Action::Stop => return true,
    }
    false
}

/// Slots of the per-evaluation order-metadata cache; keys interned beyond this are looked up directly.
const CACHE_SLOTS: usize = 16;

/// Order-metadata values looked up during one evaluation, by interned key: each key is looked up at most
/// once per event however many rules test it. Lives on the stack.
pub(crate) struct MetaCache<'a> {
    vals: [Option<Option<&'a str>>; CACHE_SLOTS],
}

impl<'a> MetaCache<'a> {
    pub(crate) fn new() -> Self {
        MetaCache {
            vals: [None; CACHE_SLOTS],
        }
    }

    #[inline(always)]
    fn get(&mut self, slot: usize, lookup: impl FnOnce() -> Option<&'a str>) -> Option<&'a str> {
        match self.vals.get_mut(slot) {
            Some(Some(v)) => *v,
            Some(empty) => {
                let v = lookup();
                *empty = Some(v);
                v
            }
            None => lookup(),
        }
    }
}

/// Runs a program: whether the condition holds. Inlined into the rule loop and into [`quantify`] (line
/// programs hold no quantifiers: nesting them is a compile error), so that running a rule's condition
/// costs no call unless it quantifies over lines.
#[inline(always)]
pub(crate) fn exec<'a>(
    p: &Program,
    s: &Subject<'a>,
    line: Option<&'a OrderLine>,
    cache: &mut MetaCache<'a>,
) -> bool {
    let mut pc = p.entry;
    // Targets past the end are the outcomes (`ACCEPT`, `REJECT`).
    while let Some(op) = p.ops.get(pc as usize) {
        pc = if step(&op.step, s, line, cache) {
            op.on_true
        } else {
            op.on_false
        };
    }
    pc == ACCEPT
}

/// Runs one test.
#[inline(always)]
fn step<'a>(st: &Step, s: &Subject<'a>, line: Option<&'a OrderLine>, cache: &mut MetaCache<'a>) -> bool {
    match st {
        Step::Text(src, t) => text_test(t, text_of(src, s, line, cache)),
        Step::Num(src, t) => num_test(t, num_of(*src, s, line)),
        Step::Bool(src, t) => bool_test(t, bool_of(*src, s, line)),
        Step::AnyLine(p) => quantify(Quantifier::Any, p, s, cache),
        Step::AllLines(p) => quantify(Quantifier::All, p, s, cache),
        Step::NoLine(p) => quantify(Quantifier::No, p, s, cache),
        Step::Generic(leaf) => eval_leaf(leaf, s, line, cache),
    }
}

#[derive(Clone, Copy)]
enum Quantifier {
    Any,
    All,
    No,
}

/// Runs a line program on the order's lines.
#[inline(never)]
fn quantify<'a>(q: Quantifier, p: &Program, s: &Subject<'a>, cache: &mut MetaCache<'a>) -> bool {
    let Some(o) = s.order else {
        return matches!(q, Quantifier::No);
    };
    let mut lines = o.lines.iter();
    match q {
        Quantifier::Any => lines.any(|l| exec(p, s, Some(l), cache)),
        Quantifier::All => lines.all(|l| exec(p, s, Some(l), cache)),
        Quantifier::No => !lines.any(|l| exec(p, s, Some(l), cache)),
    }
}

/// A text field's value (`None`: missing), as the generic path reads it.
#[inline(always)]
fn text_of<'a>(
    src: &TextSrc,
    s: &Subject<'a>,
    line: Option<&'a OrderLine>,
    cache: &mut MetaCache<'a>,
) -> Option<&'a str> {
    match src {
        TextSrc::Order(f) => s.order.and_then(|o| f.order_text(o)),
        TextSrc::OrderMeta {
            key,
            channel_fallback,
            slot,
        } => s
            .order
            .and_then(|o| match cache.get(*slot, || o.metadata.get(key)) {
                Some(v) => Some(v),
                None if *channel_fallback => Some(o.fulfillment_channel.code()),
                None => None,
            }),
        TextSrc::Line(f) => line.and_then(|l| f.line_text(l, s.inventory)),
        TextSrc::LineMeta(key) => line.and_then(|l| l.metadata.get(key)),
    }
}

#[inline(always)]
fn num_of(src: NumSrc, s: &Subject<'_>, line: Option<&OrderLine>) -> Option<Decimal> {
    match src {
        NumSrc::Order(f) => s.order.and_then(|o| f.order_num(o)),
        NumSrc::Line(f) => line.and_then(|l| f.line_num(l, s.inventory)),
    }
}

#[inline(always)]
fn bool_of(src: BoolSrc, s: &Subject<'_>, line: Option<&OrderLine>) -> Option<bool> {
    match src {
        BoolSrc::Order(f) => s.order.and_then(|o| f.order_bool(o)),
        BoolSrc::Line(f) => line.and_then(|l| f.line_bool(l)),
    }
}

impl TextEq {
    /// [`equals`] for a present text value and a text operand.
    #[inline(always)]
    fn holds(&self, t: &str) -> bool {
        let n = self.pat.len();
        let b = t.as_bytes();
        if b.len() == n {
            if self.pat.eq_same_len(b) {
                return true;
            }
        } else if b.len() > n && self.pat.equals(t.trim().as_bytes()) {
            return true;
        }
        self.num.is_some_and(|n| parse_number(t) == Some(n))
    }
}

#[inline(always)]
fn text_test(t: &TextTest, v: Option<&str>) -> bool {
    match t {
        TextTest::Eq(e) => v.is_some_and(|v| e.holds(v)),
        TextTest::Ne(e) => !v.is_some_and(|v| e.holds(v)),
        TextTest::In(l) => v.is_some_and(|v| l.iter().any(|e| e.holds(v))),
        TextTest::Contains(p) => v.is_some_and(|h| p.within(h)),
        TextTest::StartsWith(p) => v.is_some_and(|h| p.prefix_of(h.as_bytes())),
        TextTest::EndsWith(p) => v.is_some_and(|h| p.suffix_of(h.as_bytes())),
        TextTest::Matches(m) => v.is_some_and(|h| m.is_match(h)),
        TextTest::Blank(want) => v.is_none_or(|t| t.trim().is_empty()) == *want,
        TextTest::Gt(b) => v.and_then(parse_number).is_some_and(|a| a > *b),
        TextTest::Lt(b) => v.and_then(parse_number).is_some_and(|a| a < *b),
    }
}

#[inline(always)]
fn num_test(t: &NumTest, v: Option<Decimal>) -> bool {
    use std::cmp::Ordering;
    match t {
        NumTest::Gt(b) => v.is_some_and(|a| b.cmp_value(&a) == Ordering::Greater),
        NumTest::Lt(b) => v.is_some_and(|a| b.cmp_value(&a) == Ordering::Less),
        NumTest::Eq(b) => v.is_some_and(|a| b.cmp_value(&a) == Ordering::Equal),
        NumTest::Ne(b) => v.is_none_or(|a| b.cmp_value(&a) != Ordering::Equal),
        NumTest::In(l) => v.is_some_and(|a| l.iter().any(|b| b.cmp_value(&a) == Ordering::Equal)),
        NumTest::Blank(want) => v.is_none() == *want,
    }
}

#[inline(always)]
fn bool_test(t: &BoolTest, v: Option<bool>) -> bool {
    match t {
        BoolTest::Eq(b) => v == Some(*b),
        BoolTest::Ne(b) => v != Some(*b),
        BoolTest::In(l) => v.is_some_and(|a| l.contains(&a)),
        BoolTest::Blank(want) => v.is_none() == *want,
    }
}

/// The generic evaluator (the reference for [`exec`]).
fn eval_reference<'a>(
    c: &Cond,
    s: &Subject<'a>,
    line: Option<&'a OrderLine>,
    cache: &mut MetaCache<'a>,
) -> bool {
    match c {
        Cond::True => true,
        Cond::Test(leaf) => eval_leaf(leaf, s, line, cache),
        Cond::All(cs) => cs.iter().all(|c| eval_reference(c, s, line, cache)),
        Cond::Any(cs) => cs.iter().any(|c| eval_reference(c, s, line, cache)),
        Cond::None(cs) => !cs.iter().any(|c| eval_reference(c, s, line, cache)),
        Cond::AnyLine(c) => s
            .order
            .is_some_and(|o| o.lines.iter().any(|l| eval_reference(c, s, Some(l), cache))),
        Cond::AllLines(c) => s
            .order
            .is_some_and(|o| o.lines.iter().all(|l| eval_reference(c, s, Some(l), cache))),
        Cond::NoLine(c) => !s
            .order
            .is_some_and(|o| o.lines.iter().any(|l| eval_reference(c, s, Some(l), cache))),
    }
}

#[inline]
fn eval_leaf<'a>(
    leaf: &Leaf,
    s: &Subject<'a>,
    line: Option<&'a OrderLine>,
    cache: &mut MetaCache<'a>,
) -> bool {
    let cs = leaf.case_sensitive;
    let val = match &leaf.field {
        FieldRef::Tags => {
            let Some(order) = s.order else {
                return test(&leaf.test, Val::Missing, cs);
            };
            if order.tags.is_empty() {
                return test(&leaf.test, Val::Missing, cs);
            }
            return if leaf.test.is_negative() {
                order.tags.iter().all(|t| test(&leaf.test, Val::Text(t), cs))
            } else {
                order.tags.iter().any(|t| test(&leaf.test, Val::Text(t), cs))
            };
        }
        FieldRef::Order(f) => s.order.and_then(|o| f.order_value(o)).unwrap_or(Val::Missing),
        FieldRef::Line(f) => line
            .and_then(|l| f.line_value(l, s.inventory))
            .unwrap_or(Val::Missing),
        FieldRef::Shipment(f) => s
            .shipment
            .and_then(|sh| f.shipment_value(sh))
            .unwrap_or(Val::Missing),
        FieldRef::Item(f) => s.item.and_then(|i| f.item_value(i)).unwrap_or(Val::Missing),
        FieldRef::OrderMeta {
            key,
            channel_fallback,
            slot,
        } => s
            .order
            .map_or(Val::Missing, |o| match cache.get(*slot, || o.metadata.get(key)) {
                Some(v) => Val::Text(v),
                None if *channel_fallback => Val::Text(o.fulfillment_channel.code()),
                None => Val::Missing,
            }),
        FieldRef::LineMeta(key) => line
            .and_then(|l| l.metadata.get(key))
            .map_or(Val::Missing, Val::Text),
        FieldRef::ItemMeta(key) => s
            .item
            .and_then(|i| i.metadata.get(key))
            .map_or(Val::Missing, Val::Text),
    };
    test(&leaf.test, val, cs)
}

fn text_eq(a: &str, b: &str, cs: bool) -> bool {
    if cs {
        a == b
    } else {
        a.eq_ignore_ascii_case(b)
    }
}

fn equals(v: Val<'_>, o: &Operand, cs: bool) -> bool {
    match (v, o) {
        (Val::Text(t), Operand::Text { text, num }) => {
            // Operands are trimmed when compiled; values are trimmed only when they could need it.
            text_eq(t, text, cs)
                || (t.len() > text.len() && text_eq(t.trim(), text, cs))
                || num.is_some_and(|n| parse_number(t) == Some(n))
        }
        (Val::Num(a), Operand::Num(b)) => a == *b,
        (Val::Bool(a), Operand::Bool(b)) => a == *b,
        (Val::Time(a), Operand::Time(b)) => a == *b,
        _ => false,
    }
}

fn compare(v: Val<'_>, o: &Operand) -> Option<std::cmp::Ordering> {
    match (v, o) {
        (Val::Num(a), Operand::Num(b)) => Some(a.cmp(b)),
        (Val::Text(t), Operand::Num(b)) => parse_number(t).map(|a| a.cmp(b)),
        (Val::Time(a), Operand::Time(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

fn test(t: &Test, v: Val<'_>, cs: bool) -> bool {
    match t {
        Test::Eq(o) => equals(v, o, cs),
        Test::Ne(o) => !equals(v, o, cs),
        Test::In(list) => list.iter().any(|o| equals(v, o, cs)),
        Test::Blank(want) => {
            let blank = match v {
                Val::Missing => true,
                Val::Text(t) => t.trim().is_empty(),
                _ => false,
            };
            blank == *want
        }
        Test::Gt(o) => compare(v, o) == Some(std::cmp::Ordering::Greater),
        Test::Lt(o) => compare(v, o) == Some(std::cmp::Ordering::Less),
        Test::Contains(n) | Test::StartsWith(n) | Test::EndsWith(n) => {
            let Val::Text(h) = v else { return false };
            match (t, cs) {
                (Test::Contains(_), true) => h.contains(&**n),
                (Test::Contains(_), false) => contains_ignore_ascii_case(h, n),
                (Test::StartsWith(_), true) => h.starts_with(&**n),
                (Test::StartsWith(_), false) => starts_with_ignore_ascii_case(h, n),
                (_, true) => h.ends_with(&**n),
                (_, false) => ends_with_ignore_ascii_case(h, n),
            }
        }
        Test::Matches(re) => matches!(v, Val::Text(h) if re.is_match(h)),
    }
}
