//! Compiling a [`RuleSpec`] into accessors, typed operands, compiled regexes and checked actions.

use std::cell::RefCell;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use orderhub_core::domain::HubStatus;
use orderhub_core::policy::import::{EventKind, SkipReason};
use regex::{Regex, RegexBuilder};
use rust_decimal::Decimal;

use super::fields::{self, FieldRef, Kind, Scope};
use super::plan::{plan, Program};
use super::spec::{ActionSpec, ConditionSpec, RuleSpec, Scalar};
use super::RuleErrorKind;
use crate::carriers::CarrierList;

/// A compiled rule.
#[derive(Debug, Clone)]
pub(crate) struct CompiledRule {
    pub(crate) index: usize,
    pub(crate) name: Arc<str>,
    pub(crate) enabled: bool,
    /// Bit per [`EventKind`].
    pub(crate) events: u8,
    /// The condition as compiled (generic tests): the reference evaluator's.
    pub(crate) cond: Cond,
    /// The same condition, specialised for evaluation.
    pub(crate) plan: Program,
    pub(crate) actions: Box<[Action]>,
}

pub(crate) fn event_bit(kind: EventKind) -> u8 {
    match kind {
        EventKind::OrderImported => 1,
        EventKind::OrderChanged => 2,
        EventKind::OrderCanceled => 4,
        EventKind::ShipmentSending => 8,
        EventKind::InventorySyncing => 16,
        // `EventKind` is non-exhaustive; a kind this version does not know matches no rule.
        #[allow(unreachable_patterns)]
        _ => 0,
    }
}

/// A compiled condition.
#[derive(Debug, Clone)]
pub(crate) enum Cond {
    True,
    Test(Leaf),
    All(Box<[Cond]>),
    Any(Box<[Cond]>),
    None(Box<[Cond]>),
    AnyLine(Box<Cond>),
    AllLines(Box<Cond>),
    NoLine(Box<Cond>),
}

/// A test of one field.
#[derive(Debug, Clone)]
pub(crate) struct Leaf {
    pub(crate) field: FieldRef,
    pub(crate) test: Test,
    pub(crate) case_sensitive: bool,
}

/// A compiled operator with its operand.
#[derive(Debug, Clone)]
pub(crate) enum Test {
    Eq(Operand),
    Ne(Operand),
    In(Box<[Operand]>),
    Contains(Box<str>),
    StartsWith(Box<str>),
    EndsWith(Box<str>),
    Gt(Operand),
    Lt(Operand),
    Blank(bool),
    Matches(Regex),
}

impl Test {
    /// Negative tests hold for a multi-valued field when every value passes; positive ones when any does.
    pub(crate) fn is_negative(&self) -> bool {
        matches!(self, Test::Ne(_) | Test::Blank(true))
    }
}

/// A typed operand.
#[derive(Debug, Clone)]
pub(crate) enum Operand {
    Text { text: Box<str>, num: Option<Decimal> },
    Num(Decimal),
    Bool(bool),
    Time(DateTime<Utc>),
}

/// A checked action.
#[derive(Debug, Clone)]
pub(crate) enum Action {
    Folder(String),
    SetMeta(String, String),
    RemoveMeta(String),
    Tag(String),
    HubStatus(HubStatus),
    RouteTo(String),
    HoldUntil(DateTime<Utc>),
    HoldForHours(i64),
    Skip(SkipReason),
    Carrier(&'static str),
    ShippingMethod(String),
    Stop,
}

fn events_of(spec: &RuleSpec) -> Result<(u8, Vec<EventKind>), RuleErrorKind> {
    let mut bits = 0;
    let mut kinds = Vec::new();
    for e in spec.on.as_slice() {
        let name = e.trim();
        let Some(kind) = EventKind::ALL
            .iter()
            .copied()
            .find(|k| k.as_str().eq_ignore_ascii_case(name))
        else {
            return Err(RuleErrorKind::UnknownEvent {
                event: name.chars().take(64).collect(),
                suggestion: crate::text::closest(name, EventKind::ALL.iter().map(|k| k.as_str()))
                    .map(str::to_owned),
            });
        };
        bits |= event_bit(kind);
        kinds.push(kind);
    }
    if bits == 0 {
        return Err(RuleErrorKind::NoEvents);
    }
    Ok((bits, kinds))
}

/// Compiles one rule. `meta_keys` interns the order-metadata keys of the whole rule set (their positions
/// are the evaluation cache's slots).
pub(crate) fn compile_rule(
    index: usize,
    spec: &RuleSpec,
    carriers: &CarrierList,
    meta_keys: &mut Vec<Box<str>>,
) -> Result<CompiledRule, RuleErrorKind> {
    if spec.name.trim().is_empty() {
        return Err(RuleErrorKind::NoName);
    }
    let (events, kinds) = events_of(spec)?;
    let cx = Cx {
        events: &kinds,
        meta_keys: RefCell::new(meta_keys),
    };
    let cond = match &spec.when {
        None => Cond::True,
        Some(c) => cx.cond(c, false)?,
    };
    let plan = plan(cond.clone());
    let actions = spec
        .actions
        .iter()
        .map(|a| compile_action(a, spec, &kinds, carriers))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CompiledRule {
        index,
        name: Arc::from(spec.name.trim()),
        enabled: spec.enabled,
        events,
        cond,
        plan,
        actions: actions.into_boxed_slice(),
    })
}

struct Cx<'a> {
    events: &'a [EventKind],
    meta_keys: RefCell<&'a mut Vec<Box<str>>>,
}

impl Cx<'_> {
    fn cond(&self, c: &ConditionSpec, in_line: bool) -> Result<Cond, RuleErrorKind> {
        let mut found = Vec::new();
        let mut note = |present: bool, name: &str| {
            if present {
                found.push(format!("`{name}`"));
            }
        };
        note(c.all.is_some(), "all");
        note(c.any.is_some(), "any");
        note(c.none.is_some(), "none");
        note(c.any_line.is_some(), "any_line");
        note(c.all_lines.is_some(), "all_lines");
        note(c.no_line.is_some(), "no_line");
        let ops = operators(c);
        let is_test = c.field.is_some() || !ops.is_empty();
        if is_test {
            note(c.field.is_some(), "field");
            for op in &ops {
                found.push(format!("`{op}`"));
            }
        }
        let forms = usize::from(c.all.is_some())
            + usize::from(c.any.is_some())
            + usize::from(c.none.is_some())
            + usize::from(c.any_line.is_some())
            + usize::from(c.all_lines.is_some())
            + usize::from(c.no_line.is_some())
            + usize::from(is_test);
        if forms != 1 || (is_test && (c.field.is_none() || ops.len() != 1)) {
            return Err(RuleErrorKind::ConditionShape { found });
        }
        let group = |list: &Vec<ConditionSpec>| -> Result<Box<[Cond]>, RuleErrorKind> {
            list.iter()
                .map(|x| self.cond(x, in_line))
                .collect::<Result<Vec<_>, _>>()
                .map(Vec::into_boxed_slice)
        };
        let quant = |inner: &ConditionSpec, name: &'static str| -> Result<Box<Cond>, RuleErrorKind> {
            if in_line {
                return Err(RuleErrorKind::NestedQuantifier { inner: name });
            }
            self.check_order_event(name)?;
            self.cond(inner, true).map(Box::new)
        };
        if let Some(l) = &c.all {
            return group(l).map(Cond::All);
        }
        if let Some(l) = &c.any {
            return group(l).map(Cond::Any);
        }
        if let Some(l) = &c.none {
            return group(l).map(Cond::None);
        }
        if let Some(x) = &c.any_line {
            return quant(x, "any_line").map(Cond::AnyLine);
        }
        if let Some(x) = &c.all_lines {
            return quant(x, "all_lines").map(Cond::AllLines);
        }
        if let Some(x) = &c.no_line {
            return quant(x, "no_line").map(Cond::NoLine);
        }
        let field_name = c.field.as_deref().unwrap_or_default().trim();
        self.leaf(c, field_name, ops[0], in_line).map(Cond::Test)
    }

    fn check_order_event(&self, what: &str) -> Result<(), RuleErrorKind> {
        if let Some(e) = self.events.iter().find(|e| **e == EventKind::InventorySyncing) {
            return Err(RuleErrorKind::FieldNotAvailable {
                field: what.to_owned(),
                event: e.as_str().to_owned(),
                hint: "inventory rules see only `item.*` fields; give this rule order events",
            });
        }
        Ok(())
    }

    fn leaf(
        &self,
        c: &ConditionSpec,
        name: &str,
        op: &'static str,
        in_line: bool,
    ) -> Result<Leaf, RuleErrorKind> {
        let Some(mut resolved) = fields::resolve(name) else {
            return Err(RuleErrorKind::UnknownField {
                field: name.chars().take(100).collect(),
                suggestion: fields::suggest(name),
                known: fields::known_fields(),
            });
        };
        match resolved.scope {
            Scope::Order => self.check_order_event(name)?,
            Scope::Line => {
                self.check_order_event(name)?;
                if !in_line {
                    return Err(RuleErrorKind::LineFieldOutsideQuantifier {
                        field: name.to_owned(),
                    });
                }
            }
            Scope::Shipment => {
                if let Some(e) = self.events.iter().find(|e| **e != EventKind::ShipmentSending) {
                    return Err(RuleErrorKind::FieldNotAvailable {
                        field: name.to_owned(),
                        event: e.as_str().to_owned(),
                        hint: "`shipment.*` fields exist only on `shipment_sending`",
                    });
                }
            }
            Scope::Item => {
                if let Some(e) = self.events.iter().find(|e| **e != EventKind::InventorySyncing) {
                    return Err(RuleErrorKind::FieldNotAvailable {
                        field: name.to_owned(),
                        event: e.as_str().to_owned(),
                        hint: "`item.*` fields exist only on `inventory_syncing`",
                    });
                }
            }
        }
        if let FieldRef::OrderMeta { key, slot, .. } = &mut resolved.field {
            let mut keys = self.meta_keys.borrow_mut();
            *slot = keys.iter().position(|k| k == key).unwrap_or_else(|| {
                keys.push(key.clone());
                keys.len() - 1
            });
        }
        let kind = resolved.kind;
        let case_sensitive = c.case_sensitive.unwrap_or(false);
        let not_for = |hint: &'static str| RuleErrorKind::OperatorNotForField {
            field: name.to_owned(),
            op,
            kind: kind.describe(),
            hint,
        };
        let textual = matches!(kind, Kind::Text | Kind::Dynamic | Kind::TextList);
        let test = match op {
            "equals" => Test::Eq(operand(name, op, kind, opt(&c.equals))?),
            "not_equals" => Test::Ne(operand(name, op, kind, opt(&c.not_equals))?),
            "in" => Test::In(
                c.in_list
                    .iter()
                    .flatten()
                    .map(|v| operand(name, op, kind, v))
                    .collect::<Result<Vec<_>, _>>()?
                    .into_boxed_slice(),
            ),
            "contains" | "starts_with" | "ends_with" => {
                if !textual {
                    return Err(not_for("; use `equals`, `greater_than` or `less_than`"));
                }
                let raw = match op {
                    "contains" => c.contains.as_deref(),
                    "starts_with" => c.starts_with.as_deref(),
                    _ => c.ends_with.as_deref(),
                }
                .unwrap_or_default();
                let needle: Box<str> = raw.into();
                match op {
                    "contains" => Test::Contains(needle),
                    "starts_with" => Test::StartsWith(needle),
                    _ => Test::EndsWith(needle),
                }
            }
            "greater_than" | "less_than" => {
                let v = if op == "greater_than" {
                    opt(&c.greater_than)
                } else {
                    opt(&c.less_than)
                };
                let o = match kind {
                    Kind::Number | Kind::Dynamic => Operand::Num(number(name, op, v)?),
                    Kind::Time => Operand::Time(time(name, op, v)?),
                    _ => {
                        return Err(not_for(
                            "; only numbers, amounts, times and metadata compare by size",
                        ))
                    }
                };
                if op == "greater_than" {
                    Test::Gt(o)
                } else {
                    Test::Lt(o)
                }
            }
            "is_blank" => Test::Blank(c.is_blank.unwrap_or(true)),
            "matches" => {
                if !textual {
                    return Err(not_for("; regular expressions test text"));
                }
                let pattern = c.matches.as_deref().unwrap_or_default();
                let re = RegexBuilder::new(pattern)
                    .case_insensitive(!case_sensitive)
                    .size_limit(1 << 20)
                    .build()
                    .map_err(|e| RuleErrorKind::BadRegex {
                        field: name.to_owned(),
                        message: e.to_string(),
                    })?;
                Test::Matches(re)
            }
            _ => {
                return Err(RuleErrorKind::ConditionShape {
                    found: vec![format!("`{op}`")],
                })
            }
        };
        // Ignoring ASCII case changes nothing when the operand has no ASCII letters: compare bytes then,
        // which is faster (plain memcmp / substring search).
        let letters = |t: &str| t.bytes().any(|b| b.is_ascii_alphabetic());
        let caseless_operand = match &test {
            Test::Eq(Operand::Text { text, .. }) | Test::Ne(Operand::Text { text, .. }) => !letters(text),
            Test::Contains(n) | Test::StartsWith(n) | Test::EndsWith(n) => !letters(n),
            _ => false,
        };
        Ok(Leaf {
            field: resolved.field,
            test,
            case_sensitive: case_sensitive || caseless_operand,
        })
    }
}

const NULL: Scalar = Scalar::Bool(false);

fn opt(v: &Option<Scalar>) -> &Scalar {
    v.as_ref().unwrap_or(&NULL)
}

fn operators(c: &ConditionSpec) -> Vec<&'static str> {
    let mut v = Vec::new();
    let pairs: [(bool, &'static str); 10] = [
        (c.equals.is_some(), "equals"),
        (c.not_equals.is_some(), "not_equals"),
        (c.contains.is_some(), "contains"),
        (c.starts_with.is_some(), "starts_with"),
        (c.ends_with.is_some(), "ends_with"),
        (c.in_list.is_some(), "in"),
        (c.greater_than.is_some(), "greater_than"),
        (c.less_than.is_some(), "less_than"),
        (c.is_blank.is_some(), "is_blank"),
        (c.matches.is_some(), "matches"),
    ];
    for (present, name) in pairs {
        if present {
            v.push(name);
        }
    }
    v
}

fn shown(v: &Scalar) -> String {
    v.to_text().chars().take(64).collect()
}

fn operand(field: &str, op: &'static str, kind: Kind, v: &Scalar) -> Result<Operand, RuleErrorKind> {
    Ok(match kind {
        Kind::Text | Kind::TextList => Operand::Text {
            text: v.to_text().trim().into(),
            num: None,
        },
        Kind::Dynamic => {
            let text = v.to_text().trim().to_owned();
            let num = fields::parse_number(&text);
            Operand::Text {
                text: text.into(),
                num,
            }
        }
        Kind::Number => Operand::Num(number(field, op, v)?),
        Kind::Time => Operand::Time(time(field, op, v)?),
        Kind::Bool => Operand::Bool(match v {
            Scalar::Bool(b) => *b,
            Scalar::Int(1) => true,
            Scalar::Int(0) => false,
            Scalar::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "1" => true,
                "false" | "no" | "0" => false,
                _ => return Err(bad(field, op, "true or false", v)),
            },
            _ => return Err(bad(field, op, "true or false", v)),
        }),
    })
}

fn bad(field: &str, op: &'static str, expected: &'static str, v: &Scalar) -> RuleErrorKind {
    RuleErrorKind::BadValue {
        field: field.to_owned(),
        op,
        expected,
        value: shown(v),
    }
}

fn number(field: &str, op: &'static str, v: &Scalar) -> Result<Decimal, RuleErrorKind> {
    let n = match v {
        Scalar::Int(i) => Some(Decimal::from(*i)),
        Scalar::Float(f) => Decimal::try_from(*f).ok(),
        Scalar::Text(t) => fields::parse_number(t),
        Scalar::Bool(_) => None,
    };
    n.ok_or_else(|| bad(field, op, "a number", v))
}

fn time(field: &str, op: &'static str, v: &Scalar) -> Result<DateTime<Utc>, RuleErrorKind> {
    let Scalar::Text(t) = v else {
        return Err(bad(
            field,
            op,
            "an RFC 3339 time such as 2026-05-01T00:00:00Z, or a date",
            v,
        ));
    };
    parse_time(t).ok_or_else(|| {
        bad(
            field,
            op,
            "an RFC 3339 time such as 2026-05-01T00:00:00Z, or a date",
            v,
        )
    })
}

/// RFC 3339, or a bare date (midnight UTC).
pub(crate) fn parse_time(t: &str) -> Option<DateTime<Utc>> {
    let t = t.trim();
    DateTime::parse_from_rfc3339(t)
        .map(|d| d.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .map(|d| d.and_utc())
        })
}

fn non_empty(action: &'static str, v: &str) -> Result<String, RuleErrorKind> {
    let t = v.trim();
    if t.is_empty() {
        Err(RuleErrorKind::BadAction {
            action,
            message: "needs a non-empty value".to_owned(),
        })
    } else {
        Ok(t.to_owned())
    }
}

fn compile_action(
    a: &ActionSpec,
    rule: &RuleSpec,
    events: &[EventKind],
    carriers: &CarrierList,
) -> Result<Action, RuleErrorKind> {
    let name = a.name();
    Ok(match a {
        ActionSpec::MoveToFolder(f) => Action::Folder(non_empty(name, f)?),
        ActionSpec::SetMetadata(kv) => Action::SetMeta(non_empty(name, &kv.key)?, kv.value.to_text()),
        ActionSpec::RemoveMetadata(k) => Action::RemoveMeta(non_empty(name, k)?),
        ActionSpec::Tag(t) => Action::Tag(non_empty(name, t)?),
        ActionSpec::SetHubStatus(s) => Action::HubStatus(HubStatus::parse(&non_empty(name, s)?)),
        ActionSpec::RouteTo(s) => Action::RouteTo(non_empty(name, s)?),
        ActionSpec::HoldUntil(t) => {
            Action::HoldUntil(parse_time(t).ok_or_else(|| RuleErrorKind::BadAction {
                action: name,
                message: format!(
                    "`{}` is not an RFC 3339 time such as 2026-05-01T00:00:00Z (or a date)",
                    t.chars().take(64).collect::<String>()
                ),
            })?)
        }
        ActionSpec::HoldForHours(h) => Action::HoldForHours(i64::from(*h)),
        ActionSpec::SkipImport(reason) => Action::Skip(SkipReason::Rule {
            rule: rule.name.trim().to_owned(),
            reason: reason.trim().to_owned(),
        }),
        ActionSpec::CoerceCarrier(code) => {
            if let Some(e) = events.iter().find(|e| **e != EventKind::ShipmentSending) {
                return Err(RuleErrorKind::BadAction {
                    action: name,
                    message: format!(
                        "carriers are chosen when a shipment is sent; this rule also runs on `{e}`: give it \
                         `on = \"shipment_sending\"`"
                    ),
                });
            }
            Action::Carrier(
                carriers
                    .canonical_code(code)
                    .map_err(|e| RuleErrorKind::BadAction {
                        action: name,
                        message: e.to_string(),
                    })?,
            )
        }
        ActionSpec::SetShippingMethod(m) => Action::ShippingMethod(non_empty(name, m)?),
        ActionSpec::StopProcessing => Action::Stop,
    })
}
