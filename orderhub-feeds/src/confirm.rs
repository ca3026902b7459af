//! Orders v0 `confirmShipment` request bodies (`ConfirmShipmentRequest`), and helpers that complete a
//! shipment or a cancellation from the order before it enters the outbox.

use chrono::{DateTime, SecondsFormat, Utc};
use orderhub_core::{CancelLine, CancelReason, OrderLine, Shipment, ShipmentLine};
use serde::Serialize;

use crate::carrier::Carrier;

/// `ConfirmShipmentRequest` of Orders v0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmShipmentRequest<'a> {
    /// The package.
    pub package_detail: PackageDetail<'a>,
    /// COD collection method (`DirectPayment`, Japan only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cod_collection_method: Option<&'a str>,
    /// The order's marketplace.
    pub marketplace_id: &'a str,
}

/// `PackageDetail` of Orders v0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageDetail<'a> {
    /// Positive number, unique among the order's packages.
    pub package_reference_id: String,
    /// Amazon's carrier code (`Other` for unlisted carriers).
    pub carrier_code: &'a str,
    /// The carrier's name (required with `Other`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carrier_name: Option<&'a str>,
    /// Shipping service.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_method: Option<&'a str>,
    /// Tracking number.
    pub tracking_number: &'a str,
    /// Ship date, ISO 8601.
    pub ship_date: String,
    /// Items and quantities in the package.
    pub order_items: Vec<ConfirmShipmentOrderItem<'a>>,
}

/// `ConfirmShipmentOrderItem` of Orders v0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmShipmentOrderItem<'a> {
    /// The order item.
    pub order_item_id: &'a str,
    /// Units in the package.
    pub quantity: u32,
}

impl<'a> ConfirmShipmentRequest<'a> {
    /// The request for `shipment` as package `package_reference_id` of its order, with the carrier already
    /// resolved to Amazon's code. `None` when the shipment has no tracking number (the API requires one).
    pub fn for_shipment(
        shipment: &'a Shipment,
        carrier: &'a Carrier,
        marketplace_id: &'a str,
        package_reference_id: u32,
    ) -> Option<Self> {
        let tracking_number = shipment.tracking_number.as_deref()?;
        Some(ConfirmShipmentRequest {
            package_detail: PackageDetail {
                package_reference_id: package_reference_id.max(1).to_string(),
                carrier_code: &carrier.code,
                carrier_name: carrier.name.as_deref(),
                shipping_method: shipment.service.as_deref().filter(|s| !s.trim().is_empty()),
                tracking_number,
                ship_date: iso_date_time(&shipment.ship_date),
                order_items: shipment
                    .lines
                    .iter()
                    .map(|l| ConfirmShipmentOrderItem {
                        order_item_id: l.order_item_id.as_str(),
                        quantity: l.quantity,
                    })
                    .collect(),
            },
            cod_collection_method: None,
            marketplace_id,
        })
    }

    /// The JSON body.
    pub fn to_json(&self) -> String {
        // Serializing these plain structs to a String cannot fail; stay total anyway.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// ISO 8601 with milliseconds and `Z`, as Amazon's examples write it.
pub(crate) fn iso_date_time(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// `shipment` with its lines filled in from the order's lines (`&order.lines`) when it lists none
/// ("everything still unshipped"): one line per order line with units left to ship. `confirmShipment`
/// needs the items listed.
pub fn shipment_with_order_lines(shipment: &Shipment, order_lines: &[OrderLine]) -> Shipment {
    let mut s = shipment.clone();
    if s.lines.is_empty() {
        s.lines = order_lines
            .iter()
            .filter(|l| l.quantity_unshipped() > 0)
            .map(|l| ShipmentLine {
                order_item_id: l.order_item_id.clone(),
                quantity: l.quantity_unshipped(),
            })
            .collect();
    }
    s
}

/// Cancel lines for every line of an order (`&order.lines`) with `reason`, so the reason reaches Amazon
/// (the acknowledgement feed carries reasons per item only).
pub fn cancel_all_lines(order_lines: &[OrderLine], reason: CancelReason) -> Vec<CancelLine> {
    order_lines
        .iter()
        .map(|l| CancelLine {
            order_item_id: l.order_item_id.clone(),
            reason,
        })
        .collect()
}
