//! When buyers' personal data is due for redaction, and redacting it.
//!
//! The default schedule is the one in the project's PII policy (an established hub's published schedule):
//!
//! - not shipped: 14 days after import;
//! - shipped with a tracked service: the earliest of 30 days after delivery, 30 days after the ship date and
//!   44 days after the label was created;
//! - shipped with an untracked service: 30 days after the shipment.
//!
//! Every number is configurable, but **30 days after delivery is a ceiling no setting can pass**: Amazon's
//! Data Protection Policy allows keeping personal data no longer than 30 days after delivery. Only an
//! explicit legal hold ([`RetentionFacts::legal_hold`]) keeps it longer.
//!
//! For an order with several shipments, each shipment's date is computed and the latest counts (the
//! address is needed until the last package is handled); the ceiling counts from the last delivery once
//! every shipment is delivered.

use chrono::{DateTime, Duration, Utc};
use orderhub_core::domain::{Order, Shipment, REDACTED};
use orderhub_core::policy::redaction::{RedactionPolicy, RedactionReport, RetentionFacts};
use serde::{Deserialize, Serialize};

/// The hard ceiling: days after delivery.
pub const CEILING_DAYS_AFTER_DELIVERY: u32 = 30;

/// The redaction schedule, in days. `None` turns a clause off (the ceiling still applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RedactionSchedule {
    /// Orders with no shipment: days after import (default 14).
    pub unshipped_after_import_days: u32,
    /// Tracked shipments: days after delivery (default 30; values above the ceiling are held to it).
    pub tracked_after_delivery_days: Option<u32>,
    /// Tracked shipments: days after the ship date (default 30).
    pub tracked_after_ship_days: Option<u32>,
    /// Tracked shipments: days after the label was created (default 44).
    pub tracked_after_label_days: Option<u32>,
    /// Untracked shipments: days after the shipment (default 30).
    pub untracked_after_shipment_days: u32,
}

impl Default for RedactionSchedule {
    fn default() -> Self {
        RedactionSchedule {
            unshipped_after_import_days: 14,
            tracked_after_delivery_days: Some(30),
            tracked_after_ship_days: Some(30),
            tracked_after_label_days: Some(44),
            untracked_after_shipment_days: 30,
        }
    }
}

fn plus_days(t: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    t.checked_add_signed(Duration::days(i64::from(days)))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

impl RedactionSchedule {
    /// When one shipment's personal data is due, before the ceiling.
    pub fn shipment_due(&self, s: &Shipment) -> DateTime<Utc> {
        if s.tracked {
            let candidates = [
                s.delivered_at
                    .zip(self.tracked_after_delivery_days)
                    .map(|(t, d)| plus_days(t, d)),
                self.tracked_after_ship_days.map(|d| plus_days(s.ship_date, d)),
                s.label_created_at
                    .zip(self.tracked_after_label_days)
                    .map(|(t, d)| plus_days(t, d)),
            ];
            if let Some(earliest) = candidates.into_iter().flatten().min() {
                return earliest;
            }
        }
        plus_days(s.ship_date, self.untracked_after_shipment_days)
    }

    /// When the order's personal data is due: the schedule, held to the ceiling; `None` under a legal hold.
    pub fn due_at(
        &self,
        order: &Order,
        shipments: &[Shipment],
        facts: &RetentionFacts,
    ) -> Option<DateTime<Utc>> {
        if facts.legal_hold {
            return None;
        }
        let mine = || shipments.iter().filter(|s| s.order_id == order.id);
        let due = match mine().map(|s| self.shipment_due(s)).max() {
            None => plus_days(facts.imported_at, self.unshipped_after_import_days),
            Some(latest) => latest,
        };
        Some(match ceiling(order, shipments) {
            Some(c) => due.min(c),
            None => due,
        })
    }
}

/// 30 days after the order's delivery (the last shipment's), once every shipment is delivered.
pub fn ceiling(order: &Order, shipments: &[Shipment]) -> Option<DateTime<Utc>> {
    let mut last: Option<DateTime<Utc>> = None;
    let mut any = false;
    for s in shipments.iter().filter(|s| s.order_id == order.id) {
        any = true;
        let d = s.delivered_at?;
        last = Some(last.map_or(d, |l| l.max(d)));
    }
    if !any {
        return None;
    }
    last.map(|d| plus_days(d, CEILING_DAYS_AFTER_DELIVERY))
}

/// Whether the order still holds personal data that [`redact`] would replace.
pub fn holds_personal_data(order: &Order) -> bool {
    let mut probe = order.clone();
    !redact_fields(&mut probe).is_empty()
}

/// Redacts `order` in place: the buyer's name, e-mail, phone, company and tax id, the address's name,
/// company, street lines and phone, gift messages, and usernames (metadata keys containing `username` or
/// `user_name`) become `REDACTED (Amazon)`; city, county, district, state, municipality, postal code and
/// country stay. Sets `redacted_at` to `now` unless it was already set. Idempotent.
pub fn redact(order: &mut Order, now: DateTime<Utc>) -> RedactionReport {
    let fields = redact_fields(order);
    let at = *order.redacted_at.get_or_insert(now);
    RedactionReport {
        fields,
        redacted_at: Some(at),
    }
}

fn scrub(slot: &mut Option<String>, name: &str, out: &mut Vec<String>) {
    if let Some(v) = slot {
        if v != REDACTED {
            REDACTED.clone_into(v);
            out.push(name.to_owned());
        }
    }
}

fn is_username_key(k: &str) -> bool {
    let l = k.to_ascii_lowercase();
    l.contains("username") || l.contains("user_name")
}

fn redact_fields(order: &mut Order) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(b) = order.buyer.as_present_mut() {
        scrub(&mut b.name, "buyer.name", &mut out);
        scrub(&mut b.email, "buyer.email", &mut out);
        scrub(&mut b.phone, "buyer.phone", &mut out);
        scrub(&mut b.company, "buyer.company", &mut out);
        scrub(&mut b.tax_registration_id, "buyer.tax_registration_id", &mut out);
    }
    if let Some(a) = order.shipping_address.as_present_mut() {
        scrub(&mut a.name, "shipping_address.name", &mut out);
        scrub(&mut a.company, "shipping_address.company", &mut out);
        scrub(&mut a.line1, "shipping_address.line1", &mut out);
        scrub(&mut a.line2, "shipping_address.line2", &mut out);
        scrub(&mut a.line3, "shipping_address.line3", &mut out);
        scrub(&mut a.phone, "shipping_address.phone", &mut out);
    }
    for (k, v) in order.metadata.0.iter_mut() {
        if is_username_key(k) && v != REDACTED {
            REDACTED.clone_into(v);
            out.push(format!("metadata.{k}"));
        }
    }
    for (i, line) in order.lines.iter_mut().enumerate() {
        if let Some(msg) = line.gift.as_mut().and_then(|g| g.message.as_present_mut()) {
            if msg != REDACTED {
                REDACTED.clone_into(msg);
                out.push(format!("lines[{i}].gift.message"));
            }
        }
        for (k, v) in line.metadata.0.iter_mut() {
            if is_username_key(k) && v != REDACTED {
                REDACTED.clone_into(v);
                out.push(format!("lines[{i}].metadata.{k}"));
            }
        }
    }
    out
}

/// The redaction policy: a [`RedactionSchedule`] (the default one unless configured) and [`redact`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ScheduledRedaction {
    /// The schedule.
    pub schedule: RedactionSchedule,
}

impl ScheduledRedaction {
    /// The policy with `schedule`.
    pub fn new(schedule: RedactionSchedule) -> Self {
        ScheduledRedaction { schedule }
    }
}

impl RedactionPolicy for ScheduledRedaction {
    /// `None` when there is nothing left to redact or under a legal hold; otherwise the schedule's time held
    /// to the ceiling.
    fn due_at(&self, order: &Order, shipments: &[Shipment], facts: &RetentionFacts) -> Option<DateTime<Utc>> {
        if !holds_personal_data(order) {
            return None;
        }
        self.schedule.due_at(order, shipments, facts)
    }

    fn redact(&self, order: &mut Order, now: DateTime<Utc>) -> RedactionReport {
        redact(order, now)
    }
}
