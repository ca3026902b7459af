//! Fulfillment by a third party (Amazon Multi-Channel Fulfillment): the port the engine sends orders through.

use std::fmt;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::{Address, MarketplaceId, Money};

use super::error::BoxError;

/// How fast the fulfiller should ship.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FulfillmentSpeed {
    /// Standard shipping.
    #[default]
    Standard,
    /// Expedited shipping.
    Expedited,
    /// Priority shipping.
    Priority,
    /// Scheduled delivery (Japan).
    ScheduledDelivery,
}

impl FulfillmentSpeed {
    /// Amazon's name for the speed.
    pub fn as_str(self) -> &'static str {
        match self {
            FulfillmentSpeed::Standard => "Standard",
            FulfillmentSpeed::Expedited => "Expedited",
            FulfillmentSpeed::Priority => "Priority",
            FulfillmentSpeed::ScheduledDelivery => "ScheduledDelivery",
        }
    }
}

/// One line to fulfill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FulfillmentLine {
    /// The seller's SKU (must be stocked with the fulfiller).
    pub sku: String,
    /// The line's id, unique within the request.
    pub line_id: String,
    /// Units.
    pub quantity: u32,
    /// Declared value per unit (customs, some marketplaces).
    pub per_unit_declared_value: Option<Money>,
}

/// A request to ship an order from the fulfiller's stock.
#[derive(Clone, PartialEq, Eq)]
pub struct FulfillmentRequest {
    /// The seller's id for the fulfillment order (unique; re-submitting the same id is idempotent at Amazon).
    pub id: String,
    /// The order id shown to the recipient.
    pub displayable_order_id: String,
    /// The order date shown to the recipient.
    pub displayable_order_date: DateTime<Utc>,
    /// The comment shown on the packing slip.
    pub displayable_comment: String,
    /// The marketplace whose stock is used, when not the default.
    pub marketplace_id: Option<MarketplaceId>,
    /// Shipping speed.
    pub speed: FulfillmentSpeed,
    /// Where to ship (personal data; never printed).
    pub destination: Address,
    /// Lines.
    pub lines: Vec<FulfillmentLine>,
    /// E-mail addresses that get shipment notifications (personal data; never printed).
    pub notification_emails: Vec<String>,
}

impl fmt::Debug for FulfillmentRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FulfillmentRequest")
            .field("id", &self.id)
            .field("displayable_order_id", &self.displayable_order_id)
            .field("speed", &self.speed)
            .field("destination", &self.destination)
            .field("lines", &self.lines)
            .field("notification_emails", &self.notification_emails.len())
            .finish_non_exhaustive()
    }
}

/// The state of a fulfillment order.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FulfillmentOrderStatus {
    /// Received, not yet validated.
    Received,
    /// Rejected as invalid.
    Invalid,
    /// Being planned.
    Planning,
    /// Being processed.
    Processing,
    /// Canceled.
    Cancelled,
    /// Shipped in full.
    Complete,
    /// Shipped in part; the rest could not be fulfilled.
    CompletePartialled,
    /// Cannot be fulfilled.
    Unfulfillable,
    /// A status this version does not know, as Amazon sent it.
    Other(String),
}

impl FulfillmentOrderStatus {
    /// Parses Amazon's text (case-insensitive); unknown text becomes `Other`.
    pub fn parse(s: &str) -> Self {
        match s.trim().to_ascii_lowercase().as_str() {
            "received" | "new" => FulfillmentOrderStatus::Received,
            "invalid" => FulfillmentOrderStatus::Invalid,
            "planning" => FulfillmentOrderStatus::Planning,
            "processing" => FulfillmentOrderStatus::Processing,
            "cancelled" | "canceled" => FulfillmentOrderStatus::Cancelled,
            "complete" => FulfillmentOrderStatus::Complete,
            "completepartialled" => FulfillmentOrderStatus::CompletePartialled,
            "unfulfillable" => FulfillmentOrderStatus::Unfulfillable,
            _ => FulfillmentOrderStatus::Other(s.trim().to_owned()),
        }
    }

    /// Whether nothing more will happen to the order.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            FulfillmentOrderStatus::Invalid
                | FulfillmentOrderStatus::Cancelled
                | FulfillmentOrderStatus::Complete
                | FulfillmentOrderStatus::CompletePartialled
                | FulfillmentOrderStatus::Unfulfillable
        )
    }
}

/// One package the fulfiller shipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FulfillmentShipment {
    /// The fulfiller's shipment id.
    pub shipment_id: String,
    /// The shipment's status as the fulfiller gives it (`SHIPPED`, `CANCELLED_BY_FULFILLER` ...).
    pub status: String,
    /// When it shipped.
    pub shipped_at: Option<DateTime<Utc>>,
    /// Carrier code.
    pub carrier: Option<String>,
    /// Tracking numbers of its packages.
    pub tracking_numbers: Vec<String>,
    /// SKUs and units in it.
    pub lines: Vec<(String, u32)>,
}

/// Where a fulfillment order stands, with its shipments and tracking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FulfillmentStatusReport {
    /// The seller's id for the fulfillment order.
    pub id: String,
    /// Its status.
    pub status: FulfillmentOrderStatus,
    /// When the status last changed.
    pub status_updated_at: Option<DateTime<Utc>>,
    /// Shipments so far.
    pub shipments: Vec<FulfillmentShipment>,
}

/// Why a fulfillment call failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FulfillmentError {
    /// The fulfiller refused the request (unknown SKU, no stock, invalid address ...); fix it before retrying.
    #[error("the fulfiller refused the request: {message}")]
    Rejected {
        /// The fulfiller's message.
        message: String,
    },
    /// The fulfillment order does not exist.
    #[error("fulfillment order `{id}` does not exist")]
    NotFound {
        /// Its id.
        id: String,
    },
    /// The request cannot be sent as it is (a field is missing or out of range).
    #[error("invalid fulfillment request: {message}")]
    Invalid {
        /// What to fix.
        message: String,
    },
    /// The fulfiller could not be reached or failed; `retryable` says whether trying again may help.
    #[error("the fulfillment service failed: {source}")]
    Unavailable {
        /// Whether a retry may help.
        retryable: bool,
        /// The cause.
        #[source]
        source: BoxError,
    },
}

impl FulfillmentError {
    /// Whether retrying later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, FulfillmentError::Unavailable { retryable: true, .. })
    }
}

/// Ships orders from a fulfiller's stock (Amazon MCF).
#[async_trait]
pub trait FulfillmentService: Send + Sync {
    /// Submits a fulfillment order.
    ///
    /// # Errors
    /// [`FulfillmentError::Invalid`] before sending; [`FulfillmentError::Rejected`]; [`FulfillmentError::Unavailable`].
    async fn submit(&self, request: &FulfillmentRequest) -> Result<(), FulfillmentError>;

    /// Cancels a fulfillment order that has not shipped.
    ///
    /// # Errors
    /// [`FulfillmentError::NotFound`]; [`FulfillmentError::Rejected`] when it is too late; [`FulfillmentError::Unavailable`].
    async fn cancel(&self, id: &str) -> Result<(), FulfillmentError>;

    /// The status, shipments and tracking of a fulfillment order.
    ///
    /// # Errors
    /// [`FulfillmentError::NotFound`]; [`FulfillmentError::Unavailable`].
    async fn status(&self, id: &str) -> Result<FulfillmentStatusReport, FulfillmentError>;
}
