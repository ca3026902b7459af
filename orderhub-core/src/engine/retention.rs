//! Retention: redact the personal data the redaction policy says is due, and record what was done.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{Engine, EngineError};
use crate::domain::{AmazonOrderId, OutboxPayload, Shipment};
use crate::policy::redaction::RetentionFacts;
use crate::ports::{ChangeSet, OrderQuery, OutboxQuery, UpsertOutcome};

/// Order metadata flag (`1`) that keeps personal data past the schedule: an explicit legal hold.
pub const LEGAL_HOLD_KEY: &str = "legal_hold";

/// Order metadata key where the retention job records which fields it redacted (names, never values).
pub const REDACTION_LOG_KEY: &str = "redaction_log";

/// Orders read per store query.
const PAGE: u32 = 500;

/// One order the retention job redacted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedactedOrder {
    /// The order.
    pub order_id: AmazonOrderId,
    /// The fields that held personal data (`buyer.name`, `shipping_address` ...).
    pub fields: Vec<String>,
    /// When the order counts as redacted.
    pub redacted_at: Option<DateTime<Utc>>,
}

/// What one retention pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RetentionReport {
    /// Orders examined (those not yet redacted).
    pub examined: u64,
    /// Orders redacted in this pass, with the fields.
    pub redacted: Vec<RedactedOrder>,
    /// Orders that changed while being redacted; they are redacted in the next pass.
    pub retry_later: u64,
    /// The earliest time another order falls due, if any.
    pub next_due: Option<DateTime<Utc>>,
}

impl Engine {
    /// Redacts, in place, the personal data of every order the redaction policy says is due now, and
    /// records the redacted field names in the order's metadata ([`REDACTION_LOG_KEY`]) and the report.
    ///
    /// Facts given to the policy: the import time the importer recorded in the order's metadata
    /// ([`decision_keys::IMPORTED_AT`](super::decision_keys::IMPORTED_AT); the purchase date for orders
    /// imported before it was recorded, or when it does not parse), the [`LEGAL_HOLD_KEY`] flag, and the
    /// shipments found in the outbox.
    ///
    /// # Errors
    /// [`EngineError::Store`].
    pub async fn run_retention(&self) -> Result<RetentionReport, EngineError> {
        let now = self.now();
        let mut report = RetentionReport::default();
        let mut shipments: HashMap<AmazonOrderId, Vec<Shipment>> = HashMap::new();
        for e in self.store.list_outbox(&OutboxQuery::default()).await? {
            if let OutboxPayload::ShipmentConfirmation { shipment, .. } = e.payload {
                shipments
                    .entry(shipment.order_id.clone())
                    .or_default()
                    .push(shipment);
            }
        }
        let mut offset = 0u32;
        loop {
            let orders = self
                .store
                .query_orders(&OrderQuery::all().page(PAGE, offset))
                .await?;
            let n = u32::try_from(orders.len()).unwrap_or(u32::MAX);
            for mut order in orders {
                if order.redacted_at.is_some() {
                    continue;
                }
                report.examined += 1;
                let facts = RetentionFacts {
                    imported_at: imported_at(&order),
                    legal_hold: order.metadata.flag(LEGAL_HOLD_KEY),
                };
                let ships = shipments.get(&order.id).map_or(&[][..], Vec::as_slice);
                let Some(due) = self.redaction.due_at(&order, ships, &facts) else {
                    continue;
                };
                if due > now {
                    report.next_due = Some(report.next_due.map_or(due, |d| d.min(due)));
                    continue;
                }
                let done = self.redaction.redact(&mut order, now);
                if !done.fields.is_empty() {
                    order.metadata.set(
                        REDACTION_LOG_KEY,
                        format!("{} at {}", done.fields.join(","), now.to_rfc3339()),
                    );
                }
                let id = order.id.clone();
                let outcome = self.store.commit(ChangeSet::new().save(order)).await?;
                if outcome.orders.iter().any(|(_, o)| *o == UpsertOutcome::Stale) {
                    report.retry_later += 1;
                    continue;
                }
                tracing::info!(order = %id, fields = done.fields.len(), "personal data redacted");
                report.redacted.push(RedactedOrder {
                    order_id: id,
                    fields: done.fields,
                    redacted_at: done.redacted_at,
                });
            }
            if n < PAGE {
                break;
            }
            offset += PAGE;
        }
        Ok(report)
    }
}

/// When the order was first imported: the importer's record, else (older rows, unparsable values) the
/// purchase date, which is never later than the import.
fn imported_at(order: &crate::domain::Order) -> DateTime<Utc> {
    order
        .metadata
        .get(super::decision_keys::IMPORTED_AT)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map_or(order.dates.purchased, |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::store::conformance::sample_order;

    #[test]
    fn retention_counts_from_the_recorded_import_time_else_the_purchase_date() {
        let purchased = Utc.with_ymd_and_hms(2026, 3, 1, 8, 0, 0).unwrap();
        let imported = Utc.with_ymd_and_hms(2026, 3, 4, 9, 30, 0).unwrap();
        let mut order = sample_order(1, 1, purchased, purchased);
        assert_eq!(imported_at(&order), purchased, "older rows have no record");
        order
            .metadata
            .set(super::super::decision_keys::IMPORTED_AT, imported.to_rfc3339());
        assert_eq!(imported_at(&order), imported);
        order
            .metadata
            .set(super::super::decision_keys::IMPORTED_AT, "not a time");
        assert_eq!(imported_at(&order), purchased, "an unreadable record falls back");
    }
}
