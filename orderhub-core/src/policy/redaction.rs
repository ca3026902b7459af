//! The redaction policy: when an order's personal data is due for redaction, and how it is redacted.
//!
//! The retention job of the sync engine asks [`RedactionPolicy::due_at`] for each order that still holds
//! personal data and calls [`RedactionPolicy::redact`] once the time has come. `orderhub-rules` implements it
//! with the schedule from the project's PII policy (and the 30-days-after-delivery ceiling of Amazon's Data
//! Protection Policy). Time is always an argument.

use chrono::{DateTime, Utc};

use crate::domain::{Order, Shipment};

/// Facts about an order the order itself does not carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionFacts {
    /// When the hub imported the order (use the purchase date if the store does not know).
    pub imported_at: DateTime<Utc>,
    /// An explicit legal hold: the only thing that keeps personal data past the ceiling.
    pub legal_hold: bool,
}

impl RetentionFacts {
    /// Facts for an order imported at `imported_at`, without a legal hold.
    pub fn imported(imported_at: DateTime<Utc>) -> Self {
        RetentionFacts {
            imported_at,
            legal_hold: false,
        }
    }
}

/// What [`RedactionPolicy::redact`] did. Names fields, never values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RedactionReport {
    /// The fields that held personal data and now hold the redaction marker (`buyer.name`, `line[0].gift_message` ...).
    pub fields: Vec<String>,
    /// When the order counts as redacted (the first redaction's time, if it was redacted before).
    pub redacted_at: Option<DateTime<Utc>>,
}

/// When personal data is due for redaction, and how to redact it.
pub trait RedactionPolicy: Send + Sync {
    /// When `order`'s personal data is due for redaction; `None` when it never is (nothing to redact, already
    /// redacted, or a legal hold).
    fn due_at(&self, order: &Order, shipments: &[Shipment], facts: &RetentionFacts) -> Option<DateTime<Utc>>;

    /// Whether it is due at `now`.
    fn is_due(
        &self,
        order: &Order,
        shipments: &[Shipment],
        facts: &RetentionFacts,
        now: DateTime<Utc>,
    ) -> bool {
        self.due_at(order, shipments, facts).is_some_and(|t| t <= now)
    }

    /// Redacts `order`'s personal data in place and sets `redacted_at`. Redacting twice changes nothing more.
    fn redact(&self, order: &mut Order, now: DateTime<Utc>) -> RedactionReport;
}
