//! The domain model integrators program against: orders, lines, money, personal data, inventory,
//! shipments, connections, the outbox and the feed log. Independent of which Orders API version fed it.

pub mod connection;
pub mod feed;
pub mod ids;
pub mod inventory;
pub mod metadata;
pub mod money;
pub mod order;
pub mod outbox;
pub mod pii;
pub mod shipment;

pub use connection::{
    AmazonRegion, Cadence, Connection, ConnectionHealth, ConnectionSettings, OrdersApiVersion,
    ProductIdentifier,
};
pub use feed::{FeedRecord, FeedResultSummary, FeedStatus};
pub use ids::{AmazonOrderId, ConnectionId, MarketplaceId, OrderItemId, OutboxId, SellerId, ShipmentId};
pub use inventory::InventoryItem;
pub use metadata::{keys, Metadata};
pub use money::{Currency, Money, MoneyError};
pub use order::{
    AmazonOrderStatus, Condition, FulfillmentChannel, Gift, HubStatus, Order, OrderDates, OrderFlags,
    OrderLine, SalesChannel,
};
pub use outbox::{CancelLine, CancelReason, OutboxEntry, OutboxPayload, OutboxStatus};
pub use pii::{AbsentReason, Address, Buyer, Pii, REDACTED};
pub use shipment::{Shipment, ShipmentLine};
