//! The outbox: pending outbound changes, written in the same transaction as the change that caused them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{AmazonOrderId, ConnectionId, MarketplaceId, OrderItemId, OutboxId, SellerId};
use super::money::Money;
use super::shipment::Shipment;

/// Amazon's reasons for a seller cancellation (`CancelReason` in `POST_ORDER_ACKNOWLEDGEMENT_DATA`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CancelReason {
    /// Out of stock.
    NoInventory,
    /// The address cannot be delivered to.
    ShippingAddressUndeliverable,
    /// The buyer exchanged the item.
    CustomerExchange,
    /// The buyer asked to cancel.
    BuyerCanceled,
    /// General adjustment.
    GeneralAdjustment,
    /// Carrier credit decision.
    CarrierCreditDecision,
    /// Risk assessment information not valid.
    RiskAssessmentInformationNotValid,
    /// Carrier coverage failure.
    CarrierCoverageFailure,
    /// Customer return.
    CustomerReturn,
    /// Merchandise not received.
    MerchandiseNotReceived,
}

impl CancelReason {
    /// Amazon's text for the reason.
    pub fn as_str(self) -> &'static str {
        match self {
            CancelReason::NoInventory => "NoInventory",
            CancelReason::ShippingAddressUndeliverable => "ShippingAddressUndeliverable",
            CancelReason::CustomerExchange => "CustomerExchange",
            CancelReason::BuyerCanceled => "BuyerCanceled",
            CancelReason::GeneralAdjustment => "GeneralAdjustment",
            CancelReason::CarrierCreditDecision => "CarrierCreditDecision",
            CancelReason::RiskAssessmentInformationNotValid => "RiskAssessmentInformationNotValid",
            CancelReason::CarrierCoverageFailure => "CarrierCoverageFailure",
            CancelReason::CustomerReturn => "CustomerReturn",
            CancelReason::MerchandiseNotReceived => "MerchandiseNotReceived",
        }
    }
}

/// One line to cancel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelLine {
    /// The order line.
    pub order_item_id: OrderItemId,
    /// Why.
    pub reason: CancelReason,
}

/// What an outbox entry asks Amazon to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OutboxPayload {
    /// Confirm one package of one order.
    ShipmentConfirmation {
        /// The marketplace of the order.
        marketplace_id: MarketplaceId,
        /// The package.
        shipment: Shipment,
    },
    /// Cancel an order (all lines when `lines` is empty).
    Cancellation {
        /// The order.
        order_id: AmazonOrderId,
        /// Lines to cancel with reasons; empty cancels the whole order with `reason`.
        lines: Vec<CancelLine>,
        /// Reason for a whole-order cancel.
        reason: CancelReason,
    },
    /// Set the quantity (and optionally the handling time) of a SKU in one marketplace.
    InventoryUpdate {
        /// The marketplace.
        marketplace_id: MarketplaceId,
        /// The SKU.
        sku: String,
        /// Quantity available.
        quantity: u32,
        /// Handling time in days.
        handling_time_days: Option<u32>,
    },
    /// Set the price of a SKU in one marketplace (sent separately from quantities).
    PriceUpdate {
        /// The marketplace.
        marketplace_id: MarketplaceId,
        /// The SKU.
        sku: String,
        /// The price.
        price: Money,
    },
}

impl OutboxPayload {
    /// A short name of the kind, for logs and the feed log.
    pub fn kind(&self) -> &'static str {
        match self {
            OutboxPayload::ShipmentConfirmation { .. } => "shipment_confirmation",
            OutboxPayload::Cancellation { .. } => "cancellation",
            OutboxPayload::InventoryUpdate { .. } => "inventory_update",
            OutboxPayload::PriceUpdate { .. } => "price_update",
        }
    }
}

/// Where an outbox entry stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum OutboxStatus {
    /// Waiting to be sent.
    Pending,
    /// Sent in a submission whose result is not known yet.
    Submitted {
        /// The feed log record of the submission.
        feed_record_id: String,
    },
    /// Amazon accepted it.
    Done,
    /// Amazon refused it, or retries ran out; the message says why.
    Failed {
        /// Amazon's message or the hub's reason.
        message: String,
        /// Whether a retry may help.
        retryable: bool,
    },
}

/// A pending outbound change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The entry's id.
    pub id: OutboxId,
    /// The connection it goes out through.
    pub connection_id: ConnectionId,
    /// The seller.
    pub seller_id: SellerId,
    /// What to do.
    pub payload: OutboxPayload,
    /// When it was written.
    pub created_at: DateTime<Utc>,
    /// Not before this time (debounce windows, retry backoff).
    pub not_before: DateTime<Utc>,
    /// Attempts made so far.
    pub attempts: u32,
    /// Status.
    pub status: OutboxStatus,
}
