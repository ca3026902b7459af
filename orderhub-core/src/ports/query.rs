//! Query filters.

use chrono::{DateTime, Utc};

use crate::domain::{
    AmazonOrderStatus, ConnectionId, FeedStatus, FulfillmentChannel, HubStatus, MarketplaceId, Order,
    OutboxEntry, OutboxStatus, SellerId,
};

/// Which orders to return. Empty lists and `None` match everything; date ranges are `[from, to)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderQuery {
    /// Only this seller.
    pub seller_id: Option<SellerId>,
    /// Only these marketplaces.
    pub marketplaces: Vec<MarketplaceId>,
    /// Only these Amazon statuses.
    pub amazon_statuses: Vec<AmazonOrderStatus>,
    /// Only these hub statuses.
    pub hub_statuses: Vec<HubStatus>,
    /// Only orders in this folder.
    pub folder: Option<String>,
    /// Only this fulfillment channel.
    pub fulfillment_channel: Option<FulfillmentChannel>,
    /// Purchased at or after.
    pub purchased_from: Option<DateTime<Utc>>,
    /// Purchased before.
    pub purchased_to: Option<DateTime<Utc>>,
    /// Last updated at or after.
    pub updated_from: Option<DateTime<Utc>>,
    /// Last updated before.
    pub updated_to: Option<DateTime<Utc>>,
    /// At most this many.
    pub limit: Option<u32>,
    /// Skip this many.
    pub offset: u32,
}

impl OrderQuery {
    /// Matches every order.
    pub fn all() -> Self {
        Self::default()
    }

    /// Only orders of `marketplace` (may be given several times).
    #[must_use]
    pub fn marketplace(mut self, marketplace: impl Into<MarketplaceId>) -> Self {
        self.marketplaces.push(marketplace.into());
        self
    }

    /// Only orders with Amazon status `status` (may be given several times).
    #[must_use]
    pub fn amazon_status(mut self, status: AmazonOrderStatus) -> Self {
        self.amazon_statuses.push(status);
        self
    }

    /// Only orders with hub status `status` (may be given several times).
    #[must_use]
    pub fn hub_status(mut self, status: HubStatus) -> Self {
        self.hub_statuses.push(status);
        self
    }

    /// Only orders in `folder`.
    #[must_use]
    pub fn folder(mut self, folder: impl Into<String>) -> Self {
        self.folder = Some(folder.into());
        self
    }

    /// Only orders of `seller`.
    #[must_use]
    pub fn seller(mut self, seller: impl Into<SellerId>) -> Self {
        self.seller_id = Some(seller.into());
        self
    }

    /// Only orders purchased in `[from, to)`.
    #[must_use]
    pub fn purchased_between(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.purchased_from = Some(from);
        self.purchased_to = Some(to);
        self
    }

    /// Only orders last updated in `[from, to)`.
    #[must_use]
    pub fn updated_between(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.updated_from = Some(from);
        self.updated_to = Some(to);
        self
    }

    /// At most `limit` orders, skipping `offset`.
    #[must_use]
    pub fn page(mut self, limit: u32, offset: u32) -> Self {
        self.limit = Some(limit);
        self.offset = offset;
        self
    }

    /// Whether `order` matches the filters (limit and offset aside).
    pub fn matches(&self, order: &Order) -> bool {
        self.seller_id.as_ref().is_none_or(|s| s == &order.seller_id)
            && (self.marketplaces.is_empty() || self.marketplaces.contains(&order.marketplace_id))
            && (self.amazon_statuses.is_empty() || self.amazon_statuses.contains(&order.amazon_status))
            && (self.hub_statuses.is_empty() || self.hub_statuses.contains(&order.hub_status))
            && self
                .folder
                .as_ref()
                .is_none_or(|f| order.folder.as_ref() == Some(f))
            && self
                .fulfillment_channel
                .is_none_or(|c| c == order.fulfillment_channel)
            && self.purchased_from.is_none_or(|t| order.dates.purchased >= t)
            && self.purchased_to.is_none_or(|t| order.dates.purchased < t)
            && self.updated_from.is_none_or(|t| order.dates.last_updated >= t)
            && self.updated_to.is_none_or(|t| order.dates.last_updated < t)
    }
}

/// The state of an outbox entry without its details, for filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutboxState {
    /// [`OutboxStatus::Pending`].
    Pending,
    /// [`OutboxStatus::Submitted`].
    Submitted,
    /// [`OutboxStatus::Done`].
    Done,
    /// [`OutboxStatus::Failed`].
    Failed,
}

impl OutboxState {
    /// The state of `status`.
    pub fn of(status: &OutboxStatus) -> Self {
        match status {
            OutboxStatus::Pending => OutboxState::Pending,
            OutboxStatus::Submitted { .. } => OutboxState::Submitted,
            OutboxStatus::Done => OutboxState::Done,
            OutboxStatus::Failed { .. } => OutboxState::Failed,
        }
    }

    /// A short name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            OutboxState::Pending => "pending",
            OutboxState::Submitted => "submitted",
            OutboxState::Done => "done",
            OutboxState::Failed => "failed",
        }
    }
}

/// Which outbox entries to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboxQuery {
    /// Only this connection.
    pub connection_id: Option<ConnectionId>,
    /// Only entries in this state.
    pub state: Option<OutboxState>,
    /// At most this many.
    pub limit: Option<u32>,
}

impl OutboxQuery {
    /// Whether `entry` matches (limit aside).
    pub fn matches(&self, entry: &OutboxEntry) -> bool {
        self.connection_id
            .as_ref()
            .is_none_or(|c| c == &entry.connection_id)
            && self.state.is_none_or(|s| s == OutboxState::of(&entry.status))
    }
}

/// Which feed-log records to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedLogQuery {
    /// Only this connection.
    pub connection_id: Option<ConnectionId>,
    /// Only records with this status.
    pub status: Option<FeedStatus>,
    /// At most this many.
    pub limit: Option<u32>,
}

impl FeedLogQuery {
    /// Whether `record` matches (limit aside).
    pub fn matches(&self, record: &crate::domain::FeedRecord) -> bool {
        self.connection_id
            .as_ref()
            .is_none_or(|c| c == &record.connection_id)
            && self.status.as_ref().is_none_or(|s| s == &record.status)
    }
}
