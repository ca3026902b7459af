//! Outbound planning: the question the sync engine asks `orderhub-feeds` (or any other implementation).
//!
//! The engine loads the due outbox entries, the recent submissions and what it knows about the seller's
//! listings, and asks an [`OutboundPlanner`] what to send. The answer, an [`OutboundPlan`], holds
//! everything needed to submit without knowing Amazon's document formats:
//!
//! - [`OutboundBatch`]es, each one submission: a feed document (with its type, content type and
//!   marketplaces) or a list of `confirmShipment` request bodies. [`OutboundBatch::entries`] lists the
//!   outbox entries in message order: message id `i + 1` is `entries[i]`. Store that list unchanged as
//!   [`FeedRecord::entries`]; [`OutboundPlanner::read_report`] uses it to tie Amazon's results back.
//! - [`Refusal`]s: entries that must never be sent (a second confirmation of an order, a line split further
//!   than Amazon accepts, a SKU Amazon does not know, ...) or that need not be (superseded stock updates,
//!   `amazon_skip` items). [`RefusalReason::status`] is the status to record.
//! - [`PlanWarning`]s: things that are allowed but hurt the seller (one tracking number on several orders).
//! - [`Deferral`]s: entries to plan again later (debounce windows, feed throttling, retry backoff), and
//!   [`OutboundPlan::next_check_at`], the earliest time a new plan could send more.
//!
//! Every entry of [`OutboundInput::pending`] appears exactly once in the plan: in one batch, one refusal or
//! one deferral.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use chrono::{DateTime, Utc};

use crate::domain::{
    AmazonOrderId, ConnectionId, FeedRecord, FeedResultSummary, FeedStatus, InventoryItem, MarketplaceId,
    OrderItemId, OutboxEntry, OutboxId, OutboxStatus, SellerId, ShipmentId,
};

/// Plans outbound work. Implemented by `orderhub_feeds::FeedPlanner`; pure: same input, same plan.
pub trait OutboundPlanner: Send + Sync {
    /// Groups the due entries of `input` into batches, refusals and deferrals.
    fn plan(&self, input: &OutboundInput<'_>) -> OutboundPlan;

    /// Reads the processing report of a submitted feed and ties each result to the outbox entry that
    /// produced the message. `carried` holds the entries of `record.entries` (any order; used for their
    /// kind and marketplace); `document` is the report as downloaded (already un-gzipped).
    ///
    /// # Errors
    /// [`ReportReadError::NotFinished`] when Amazon is still processing (read it again later),
    /// [`ReportReadError::Unreadable`] when the document is not a processing report,
    /// [`ReportReadError::UnsupportedFeedType`] for a feed type this planner never submits.
    fn read_report(
        &self,
        record: &FeedRecord,
        carried: &[OutboxEntry],
        document: &[u8],
    ) -> Result<FeedOutcome, ReportReadError>;
}

/// Looks up the hub's inventory item for a SKU, so the planner can honour `amazon_skip`,
/// `SwitchFulfillmentTo`, `FulfillmentLatency` and the item's fulfillment channel at the moment it plans.
pub trait InventoryLookup: Send + Sync {
    /// The item of `sku` for `seller_id`, when the hub has one.
    fn item(&self, seller_id: &SellerId, sku: &str) -> Option<&InventoryItem>;
}

/// A map from SKU to item, for one seller (the seller id is ignored).
impl InventoryLookup for HashMap<String, InventoryItem> {
    fn item(&self, _seller_id: &SellerId, sku: &str) -> Option<&InventoryItem> {
        self.get(sku)
    }
}

/// A map from SKU to item, for one seller (the seller id is ignored).
impl InventoryLookup for BTreeMap<String, InventoryItem> {
    fn item(&self, _seller_id: &SellerId, sku: &str) -> Option<&InventoryItem> {
        self.get(sku)
    }
}

/// A map from (seller, SKU) to item, for several sellers.
impl InventoryLookup for HashMap<(SellerId, String), InventoryItem> {
    fn item(&self, seller_id: &SellerId, sku: &str) -> Option<&InventoryItem> {
        self.get(&(seller_id.clone(), sku.to_owned()))
    }
}

/// A SKU Amazon said it does not know (from [`FeedOutcome::unknown_skus`]); the planner refuses further
/// updates for it instead of retrying forever.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownSku {
    /// The seller.
    pub seller_id: SellerId,
    /// The marketplace where Amazon did not know it; `None` means every marketplace.
    pub marketplace_id: Option<MarketplaceId>,
    /// The SKU.
    pub sku: String,
}

/// What the planner is asked about.
#[derive(Clone, Copy)]
pub struct OutboundInput<'a> {
    /// Entries to plan (status [`OutboxStatus::Pending`]; others are deferred untouched).
    pub pending: &'a [OutboxEntry],
    /// Confirmation entries already submitted or accepted (status `Submitted` or `Done`) for the orders
    /// concerned, so a second confirmation of a shipment or an order is refused.
    pub sent: &'a [OutboxEntry],
    /// Recent submissions (at least the last feed interval's worth), for feed throttling.
    pub recent: &'a [FeedRecord],
    /// SKUs Amazon reported as unknown.
    pub unknown_skus: &'a [UnknownSku],
    /// The hub's inventory, when the engine has it.
    pub inventory: Option<&'a dyn InventoryLookup>,
    /// The current time.
    pub now: DateTime<Utc>,
}

impl<'a> OutboundInput<'a> {
    /// Input with the pending entries and the time; nothing sent, no recent feeds, no inventory.
    pub fn new(pending: &'a [OutboxEntry], now: DateTime<Utc>) -> Self {
        OutboundInput {
            pending,
            sent: &[],
            recent: &[],
            unknown_skus: &[],
            inventory: None,
            now,
        }
    }

    /// Sets the already-sent confirmation entries.
    #[must_use]
    pub fn sent(mut self, sent: &'a [OutboxEntry]) -> Self {
        self.sent = sent;
        self
    }

    /// Sets the recent submissions.
    #[must_use]
    pub fn recent(mut self, recent: &'a [FeedRecord]) -> Self {
        self.recent = recent;
        self
    }

    /// Sets the SKUs Amazon does not know.
    #[must_use]
    pub fn unknown_skus(mut self, unknown: &'a [UnknownSku]) -> Self {
        self.unknown_skus = unknown;
        self
    }

    /// Sets the inventory lookup.
    #[must_use]
    pub fn inventory(mut self, inventory: &'a dyn InventoryLookup) -> Self {
        self.inventory = Some(inventory);
        self
    }
}

impl fmt::Debug for OutboundInput<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OutboundInput")
            .field("pending", &self.pending.len())
            .field("sent", &self.sent.len())
            .field("recent", &self.recent.len())
            .field("unknown_skus", &self.unknown_skus.len())
            .field("inventory", &self.inventory.is_some())
            .field("now", &self.now)
            .finish()
    }
}

/// The feed types the planner submits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OutboundFeedType {
    /// `POST_ORDER_FULFILLMENT_DATA` (XML shipment confirmations).
    OrderFulfillment,
    /// `POST_ORDER_ACKNOWLEDGEMENT_DATA` (XML cancellations).
    OrderAcknowledgement,
    /// `JSON_LISTINGS_FEED` (quantities, handling times, prices).
    JsonListings,
}

impl OutboundFeedType {
    /// Amazon's feed type name.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboundFeedType::OrderFulfillment => "POST_ORDER_FULFILLMENT_DATA",
            OutboundFeedType::OrderAcknowledgement => "POST_ORDER_ACKNOWLEDGEMENT_DATA",
            OutboundFeedType::JsonListings => "JSON_LISTINGS_FEED",
        }
    }

    /// The type named `name`, if it is one of these.
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "POST_ORDER_FULFILLMENT_DATA" => Some(OutboundFeedType::OrderFulfillment),
            "POST_ORDER_ACKNOWLEDGEMENT_DATA" => Some(OutboundFeedType::OrderAcknowledgement),
            "JSON_LISTINGS_FEED" => Some(OutboundFeedType::JsonListings),
            _ => None,
        }
    }

    /// The `Content-Type` to give `createFeedDocument` and the upload.
    pub fn content_type(self) -> &'static str {
        match self {
            OutboundFeedType::JsonListings => "application/json; charset=UTF-8",
            _ => "text/xml; charset=UTF-8",
        }
    }
}

impl fmt::Display for OutboundFeedType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a batch is submitted as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BatchKind {
    /// Orders v0 `confirmShipment` calls, one per entry.
    ConfirmShipmentCalls,
    /// One feed of this type.
    Feed(OutboundFeedType),
}

impl BatchKind {
    /// The name to record as [`FeedRecord::feed_type`]: the feed type, or `API:confirmShipment`.
    pub fn log_name(self) -> &'static str {
        match self {
            BatchKind::ConfirmShipmentCalls => CONFIRM_SHIPMENT_LOG_NAME,
            BatchKind::Feed(t) => t.as_str(),
        }
    }
}

/// [`FeedRecord::feed_type`] of a batch of `confirmShipment` calls.
pub const CONFIRM_SHIPMENT_LOG_NAME: &str = "API:confirmShipment";

/// A rendered feed document.
#[derive(Clone, PartialEq, Eq)]
pub struct FeedDocument {
    /// The feed type.
    pub feed_type: OutboundFeedType,
    /// The `Content-Type` for `createFeedDocument` and the upload (they must match exactly).
    pub content_type: &'static str,
    /// The document (UTF-8 JSON or XML).
    pub body: String,
}

impl fmt::Debug for FeedDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FeedDocument")
            .field("feed_type", &self.feed_type)
            .field("content_type", &self.content_type)
            .field("bytes", &self.body.len())
            .finish()
    }
}

/// One `confirmShipment` call: `POST /orders/v0/orders/{order_id}/shipmentConfirmation` with `body`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmShipmentCall {
    /// The outbox entry it confirms.
    pub entry: OutboxId,
    /// The shipment (package).
    pub shipment_id: ShipmentId,
    /// The order (path parameter).
    pub order_id: AmazonOrderId,
    /// The `ConfirmShipmentRequest` JSON body.
    pub body: String,
}

/// What a batch carries.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum BatchPayload {
    /// Upload this document and create a feed for the batch's marketplaces.
    Feed(FeedDocument),
    /// Make these calls in order (packages of one order are consecutive).
    ConfirmShipments(Vec<ConfirmShipmentCall>),
}

/// One submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboundBatch {
    /// The connection it goes out through.
    pub connection_id: ConnectionId,
    /// The seller.
    pub seller_id: SellerId,
    /// Calls or a feed of a type.
    pub kind: BatchKind,
    /// Marketplaces (`marketplaceIds` of `createFeed`).
    pub marketplace_ids: Vec<MarketplaceId>,
    /// The entries, in message order: message id `i + 1` is `entries[i]`.
    pub entries: Vec<OutboxId>,
    /// The document or the calls.
    pub payload: BatchPayload,
}

/// Why an entry is not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RefusalReason {
    /// This package was already confirmed to Amazon.
    ShipmentAlreadyConfirmed {
        /// The shipment.
        shipment_id: ShipmentId,
        /// The entry that confirmed it.
        previous: OutboxId,
    },
    /// Amazon was already told about this order; it accepts one shipment update per order.
    OrderAlreadyConfirmed {
        /// The order.
        order_id: AmazonOrderId,
        /// The entry that confirmed it.
        previous: OutboxId,
    },
    /// One order line is spread over more packages than Amazon accepts.
    LineSplitTooFar {
        /// The order.
        order_id: AmazonOrderId,
        /// The line.
        order_item_id: OrderItemId,
        /// Packages it is in.
        packages: usize,
        /// The most Amazon accepts.
        max: usize,
    },
    /// The shipment cannot be confirmed as it stands; `detail` says what to fix.
    InvalidShipment {
        /// The order.
        order_id: AmazonOrderId,
        /// What is wrong.
        detail: String,
    },
    /// The order was confirmed as shipped; Amazon does not cancel shipped orders.
    CancelAfterShipment {
        /// The order.
        order_id: AmazonOrderId,
    },
    /// The cancellation cannot be sent as it stands; `detail` says what to fix.
    InvalidCancellation {
        /// The order.
        order_id: AmazonOrderId,
        /// What is wrong.
        detail: String,
    },
    /// Amazon said it does not know the SKU.
    UnknownSku {
        /// The SKU.
        sku: String,
        /// The marketplace.
        marketplace_id: MarketplaceId,
    },
    /// The stock or price update cannot be sent as it stands; `detail` says what to fix.
    InvalidListingUpdate {
        /// The SKU.
        sku: String,
        /// What is wrong.
        detail: String,
    },
    /// The item is marked `amazon_skip` = 1; nothing is sent.
    AmazonSkip {
        /// The SKU.
        sku: String,
    },
    /// Amazon fulfills the SKU; its stock is Amazon's and is never pushed.
    AmazonFulfilled {
        /// The SKU.
        sku: String,
    },
    /// A newer entry for the same thing replaces this one; nothing is lost.
    Superseded {
        /// The entry sent instead.
        by: OutboxId,
    },
    /// The entry alone is larger than one submission may be.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit.
        max: usize,
    },
}

impl RefusalReason {
    /// Whether this is an error the integrator should see (`false` for skipped or superseded entries).
    pub fn is_error(&self) -> bool {
        !matches!(
            self,
            RefusalReason::AmazonSkip { .. }
                | RefusalReason::AmazonFulfilled { .. }
                | RefusalReason::Superseded { .. }
        )
    }

    /// The status to record for the entry: `Failed` (not retryable) for errors, `Done` otherwise.
    pub fn status(&self) -> OutboxStatus {
        if self.is_error() {
            OutboxStatus::Failed {
                message: self.to_string(),
                retryable: false,
            }
        } else {
            OutboxStatus::Done
        }
    }
}

impl fmt::Display for RefusalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefusalReason::ShipmentAlreadyConfirmed {
                shipment_id,
                previous,
            } => write!(
                f,
                "shipment {shipment_id} was already confirmed to Amazon by outbox entry {previous}; \
                 a package is confirmed once"
            ),
            RefusalReason::OrderAlreadyConfirmed { order_id, previous } => write!(
                f,
                "Amazon was already told that order {order_id} shipped (outbox entry {previous}) and accepts \
                 one shipment update per order; correct the tracking in Seller Central if it changed"
            ),
            RefusalReason::LineSplitTooFar {
                order_id,
                order_item_id,
                packages,
                max,
            } => write!(
                f,
                "order {order_id}: line {order_item_id} is split over {packages} packages but Amazon accepts \
                 at most {max}; ship the line in one package or confirm the order in Seller Central"
            ),
            RefusalReason::InvalidShipment { order_id, detail } => {
                write!(
                    f,
                    "the shipment of order {order_id} cannot be confirmed: {detail}"
                )
            }
            RefusalReason::CancelAfterShipment { order_id } => write!(
                f,
                "order {order_id} was already confirmed as shipped; Amazon does not cancel shipped orders, \
                 refund it in Seller Central instead"
            ),
            RefusalReason::InvalidCancellation { order_id, detail } => {
                write!(f, "the cancellation of order {order_id} cannot be sent: {detail}")
            }
            RefusalReason::UnknownSku { sku, marketplace_id } => write!(
                f,
                "Amazon does not know SKU `{sku}` in marketplace {marketplace_id}; it is not sent again. \
                 Create the listing in Seller Central, or mark the item amazon_skip = 1"
            ),
            RefusalReason::InvalidListingUpdate { sku, detail } => {
                write!(f, "the update of SKU `{sku}` cannot be sent: {detail}")
            }
            RefusalReason::AmazonSkip { sku } => {
                write!(
                    f,
                    "SKU `{sku}` is marked amazon_skip = 1; its stock is not sent to Amazon"
                )
            }
            RefusalReason::AmazonFulfilled { sku } => {
                write!(
                    f,
                    "SKU `{sku}` is fulfilled by Amazon; its stock is Amazon's and is not sent"
                )
            }
            RefusalReason::Superseded { by } => write!(f, "replaced by the newer outbox entry {by}"),
            RefusalReason::TooLarge { bytes, max } => write!(
                f,
                "the entry alone takes {bytes} bytes, more than the {max} bytes one submission may hold; \
                 shorten its texts"
            ),
        }
    }
}

/// An entry that is not sent, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The entry.
    pub entry: OutboxId,
    /// Why.
    pub reason: RefusalReason,
}

/// Something allowed that the integrator should know about.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PlanWarning {
    /// One tracking number on several orders (combined shipment): allowed, but it lowers the seller's
    /// valid-tracking rate.
    CombinedShipment {
        /// The tracking number.
        tracking_number: String,
        /// The orders sharing it (sorted).
        orders: Vec<AmazonOrderId>,
        /// The pending entries carrying it.
        entries: Vec<OutboxId>,
    },
}

impl fmt::Display for PlanWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlanWarning::CombinedShipment { tracking_number, orders, .. } => write!(
                f,
                "tracking number {tracking_number} is used on {} orders (a combined shipment); Amazon accepts \
                 it but it may lower the seller's valid tracking rate",
                orders.len()
            ),
        }
    }
}

/// Why an entry waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DeferReason {
    /// Its `not_before` is in the future (retry backoff).
    NotYetDue,
    /// The cancellation debounce window is open, so cancellations made close together go in one feed.
    Debounce,
    /// A feed of this type went out less than the minimum interval ago, or this plan already holds one.
    FeedThrottled,
    /// The batch limit was reached; it goes in a later batch.
    BatchFull,
    /// Another entry for the same order is in this plan; one message per order per feed.
    SameOrderInFeed,
    /// Not in status `Pending`; left alone.
    NotPending,
}

/// An entry to plan again later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deferral {
    /// The entry.
    pub entry: OutboxId,
    /// Why.
    pub reason: DeferReason,
    /// The earliest time it can go, when known.
    pub until: Option<DateTime<Utc>>,
}

/// The planner's answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboundPlan {
    /// Submissions to make now.
    pub batches: Vec<OutboundBatch>,
    /// Entries never to send, with reasons.
    pub refusals: Vec<Refusal>,
    /// Allowed but worth telling.
    pub warnings: Vec<PlanWarning>,
    /// Entries to plan again later.
    pub deferred: Vec<Deferral>,
    /// When a new plan could send more (the earliest deferral with a time), if ever.
    pub next_check_at: Option<DateTime<Utc>>,
}

/// The result of one message, tied to its outbox entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryOutcome {
    /// The entry.
    pub entry: OutboxId,
    /// The message id it had in the feed.
    pub message_id: u64,
    /// `Done` or `Failed` with Amazon's message.
    pub status: OutboxStatus,
    /// Amazon's warnings, when it accepted the message with warnings.
    pub warnings: Vec<String>,
}

/// A processing report read and tied back to the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOutcome {
    /// `Done`, or `Fatal` when Amazon rejected the whole feed.
    pub status: FeedStatus,
    /// Counts as Amazon reported them.
    pub summary: FeedResultSummary,
    /// One outcome per entry of the record, in message order.
    pub entries: Vec<EntryOutcome>,
    /// SKUs Amazon said it does not know; pass them as [`OutboundInput::unknown_skus`] from now on.
    pub unknown_skus: Vec<UnknownSku>,
    /// Errors Amazon reported without naming a message (they made the unnamed messages fail).
    pub unattributed: Vec<String>,
}

/// A processing report could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportReadError {
    /// Amazon has not finished processing the feed.
    #[error("feed {feed_record_id} is still being processed by Amazon (status {status}); read the report again later")]
    NotFinished {
        /// The feed log record.
        feed_record_id: String,
        /// The status in the report.
        status: String,
    },
    /// The document is not a processing report this planner can read.
    #[error(
        "the processing report of feed {feed_record_id} could not be read: {source}; download it again, and if it \
         stays unreadable, check the feed in Seller Central"
    )]
    Unreadable {
        /// The feed log record.
        feed_record_id: String,
        /// What was wrong.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The record is of a kind this planner never submits.
    #[error("feed {feed_record_id} has type `{feed_type}`, which this planner does not submit or read")]
    UnsupportedFeedType {
        /// The feed log record.
        feed_record_id: String,
        /// Its type.
        feed_type: String,
    },
}

impl ReportReadError {
    /// Whether reading again later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ReportReadError::NotFinished { .. } | ReportReadError::Unreadable { .. }
        )
    }
}
