//! Evaluating compiled rules. Nothing here allocates except actions that write text into the decision.

use chrono::Duration;
use orderhub_core::domain::OrderLine;
use orderhub_core::policy::import::{
    Admission, CarrierChoice, FiredRule, ImportContext, ImportDecision, MetadataChange, PolicyEvent,
};

use super::compile::{event_bit, Action, CompiledRule, Cond, Leaf, Operand, Test};
use super::fields::{parse_number, FieldRef, Subject, Val};
use crate::text::{contains_ignore_ascii_case, ends_with_ignore_ascii_case, starts_with_ignore_ascii_case};

pub(crate) fn run(
    rules: &[CompiledRule],
    event: PolicyEvent<'_>,
    ctx: &ImportContext<'_>,
    out: &mut ImportDecision,
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
    for rule in rules {
        if !rule.enabled || rule.events & bit == 0 || !eval(&rule.cond, &subject, None, &mut cache) {
            continue;
        }
        out.trace.push(FiredRule {
            index: rule.index,
            name: rule.name.clone(),
        });
        let mut stop = false;
        for action in rule.actions.iter() {
            stop |= apply(action, ctx, out);
        }
        if stop {
            break;
        }
    }
}

/// Applies one action; `true` for "stop processing".
fn apply(action: &Action, ctx: &ImportContext<'_>, out: &mut ImportDecision) -> bool {
    match action {
        Action::Folder(f) => set_text(&mut out.folder, f),
        Action::SetMeta(k, v) => {
            match out.metadata.get_mut(k.as_str()) {
                Some(MetadataChange::Set(old)) => old.clone_from(v),
                Some(slot) => *slot = MetadataChange::Set(v.clone()),
                None => {
                    out.metadata.insert(k.clone(), MetadataChange::Set(v.clone()));
                }
            };
        }
        Action::RemoveMeta(k) => match out.metadata.get_mut(k.as_str()) {
            Some(slot) => *slot = MetadataChange::Remove,
            None => {
                out.metadata.insert(k.clone(), MetadataChange::Remove);
            }
        },
        Action::Tag(t) => {
            if !out.tags.contains(t.as_str()) {
                out.tags.insert(t.clone());
            }
        }
        Action::HubStatus(s) => out.hub_status = Some(s.clone()),
        Action::RouteTo(r) => set_text(&mut out.route_to, r),
        Action::HoldUntil(t) => out.hold_until = Some(*t),
        Action::HoldForHours(h) => out.hold_until = ctx.now.checked_add_signed(Duration::hours(*h)),
        Action::Skip(reason) => out.admission = Admission::Skip(reason.clone()),
        Action::Carrier(code) => {
            out.carrier = Some(CarrierChoice {
                code: (*code).to_owned(),
                name: None,
            });
        }
        Action::ShippingMethod(m) => set_text(&mut out.shipping_method, m),
        Action::Stop => return true,
    }
    false
}

fn set_text(slot: &mut Option<String>, v: &str) {
    match slot {
        Some(s) => {
            s.clear();
            s.push_str(v);
        }
        None => *slot = Some(v.to_owned()),
    }
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

    #[inline]
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

pub(crate) fn eval<'a>(
    c: &Cond,
    s: &Subject<'a>,
    line: Option<&'a OrderLine>,
    cache: &mut MetaCache<'a>,
) -> bool {
    match c {
        Cond::True => true,
        Cond::Test(leaf) => eval_leaf(leaf, s, line, cache),
        Cond::All(cs) => cs.iter().all(|c| eval(c, s, line, cache)),
        Cond::Any(cs) => cs.iter().any(|c| eval(c, s, line, cache)),
        Cond::None(cs) => !cs.iter().any(|c| eval(c, s, line, cache)),
        Cond::AnyLine(c) => s
            .order
            .is_some_and(|o| o.lines.iter().any(|l| eval(c, s, Some(l), cache))),
        Cond::AllLines(c) => s
            .order
            .is_some_and(|o| o.lines.iter().all(|l| eval(c, s, Some(l), cache))),
        Cond::NoLine(c) => !s
            .order
            .is_some_and(|o| o.lines.iter().any(|l| eval(c, s, Some(l), cache))),
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
