//! Shipments: one package confirmed to Amazon, with carrier and tracking.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{AmazonOrderId, OrderItemId, ShipmentId};

/// The quantity of one order line in a package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShipmentLine {
    /// The order line.
    pub order_item_id: OrderItemId,
    /// Units in this package.
    pub quantity: u32,
}

/// One package of one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shipment {
    /// The hub's id for this shipment.
    pub id: ShipmentId,
    /// The order it belongs to.
    pub order_id: AmazonOrderId,
    /// The carrier as the integrator named it (coerced to Amazon's code when sent).
    pub carrier: String,
    /// The shipping service or method, for example `Ground`.
    pub service: Option<String>,
    /// Tracking number.
    pub tracking_number: Option<String>,
    /// When it shipped.
    pub ship_date: DateTime<Utc>,
    /// Lines and quantities in the package; empty means "everything still unshipped".
    pub lines: Vec<ShipmentLine>,
    /// Whether the service is tracked (drives the redaction schedule).
    pub tracked: bool,
    /// When a label was bought for it, if one was.
    pub label_created_at: Option<DateTime<Utc>>,
    /// When it was delivered, when the carrier says.
    pub delivered_at: Option<DateTime<Utc>>,
}
