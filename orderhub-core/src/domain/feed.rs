//! The feed log: every submission to Amazon, what it carried and how it ended.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ConnectionId, OutboxId, SellerId};

/// How a submission is doing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedStatus {
    /// Sent; Amazon has not finished processing it.
    Submitted,
    /// Amazon finished; per-entry results are recorded.
    Done,
    /// Amazon rejected the whole submission.
    Fatal,
    /// Canceled before processing.
    Cancelled,
}

/// Counts from a processing report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedResultSummary {
    /// Messages processed.
    pub processed: u32,
    /// Messages accepted.
    pub successful: u32,
    /// Messages with errors.
    pub errors: u32,
    /// Messages with warnings.
    pub warnings: u32,
}

/// One submission to Amazon: a feed, or a batch of API calls (`confirmShipment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedRecord {
    /// The hub's id for the record.
    pub id: String,
    /// The connection.
    pub connection_id: ConnectionId,
    /// The seller.
    pub seller_id: SellerId,
    /// Feed type (`POST_ORDER_FULFILLMENT_DATA`, `JSON_LISTINGS_FEED` ...) or `API:confirmShipment`.
    pub feed_type: String,
    /// Amazon's feed id, once Amazon gave one.
    pub amazon_feed_id: Option<String>,
    /// When it was submitted.
    pub submitted_at: DateTime<Utc>,
    /// The outbox entries it carried.
    pub entries: Vec<OutboxId>,
    /// Status.
    pub status: FeedStatus,
    /// Result counts, once known.
    pub summary: Option<FeedResultSummary>,
    /// When it finished, once it did.
    pub finished_at: Option<DateTime<Utc>>,
}
