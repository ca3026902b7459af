//! Seller connections and their settings.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{ConnectionId, MarketplaceId, SellerId};
use super::order::AmazonOrderStatus;

/// The three SP-API regions (kept here so the domain does not depend on the HTTP crate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AmazonRegion {
    /// North America (and Brazil).
    Na,
    /// Europe, Middle East, India, Africa.
    Eu,
    /// Far East (Japan, Singapore, Australia).
    Fe,
}

/// Which Orders API imports a connection's orders.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrdersApiVersion {
    /// Orders v0 (deprecated by Amazon for reads; supported until 2027-03-27).
    V0,
    /// Orders 2026-01-01.
    #[default]
    V2026_01_01,
}

/// How often a job runs, with the cadences established hubs offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    /// Never.
    Never,
    /// Every N minutes.
    Minutes(u32),
    /// Hourly.
    Hourly,
    /// Every 2 hours.
    Every2Hours,
    /// Every 6 hours.
    Every6Hours,
    /// Every 12 hours.
    Every12Hours,
    /// Daily.
    Daily,
}

impl Cadence {
    /// The interval, or `None` for [`Cadence::Never`].
    pub fn interval(self) -> Option<chrono::Duration> {
        match self {
            Cadence::Never => None,
            Cadence::Minutes(m) => Some(chrono::Duration::minutes(i64::from(m.max(1)))),
            Cadence::Hourly => Some(chrono::Duration::hours(1)),
            Cadence::Every2Hours => Some(chrono::Duration::hours(2)),
            Cadence::Every6Hours => Some(chrono::Duration::hours(6)),
            Cadence::Every12Hours => Some(chrono::Duration::hours(12)),
            Cadence::Daily => Some(chrono::Duration::days(1)),
        }
    }
}

/// The product identifier the hub matches lines on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProductIdentifier {
    /// The seller's SKU.
    #[default]
    Sku,
    /// The ASIN.
    Asin,
}

/// Per-connection settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionSettings {
    /// Orders API to import with.
    pub orders_api: OrdersApiVersion,
    /// Order import schedule (default every 10 minutes).
    pub orders_schedule: Cadence,
    /// Inventory sync schedule.
    pub inventory_schedule: Cadence,
    /// FBA stock schedule.
    pub fba_stock_schedule: Cadence,
    /// MCF tracking schedule (default every 6 hours).
    pub mcf_tracking_schedule: Cadence,
    /// Feed results schedule.
    pub feed_results_schedule: Cadence,
    /// Import orders Amazon already shows as shipped.
    pub import_shipped: bool,
    /// Import Amazon-fulfilled orders.
    pub import_amazon_fulfilled: bool,
    /// Amazon statuses to import.
    pub statuses: Vec<AmazonOrderStatus>,
    /// Import orders changed on or after this date (first run / backfill).
    pub import_from: Option<DateTime<Utc>>,
    /// How far back the first import looks, in days (default 30).
    pub history_days: u32,
    /// Default handling time in days for inventory sync.
    pub default_handling_time_days: Option<u32>,
    /// IOSS number to fill in when Amazon gives none.
    pub ioss_prefill: Option<String>,
    /// Phone to fill in when the order has none.
    pub phone_prefill: Option<String>,
    /// E-mail to fill in when the order has none.
    pub email_prefill: Option<String>,
    /// Prefix for hub order numbers.
    pub order_number_prefix: Option<String>,
    /// Folder for new orders.
    pub new_order_folder: Option<String>,
    /// Product identifier.
    pub product_identifier: ProductIdentifier,
}

impl Default for ConnectionSettings {
    fn default() -> Self {
        ConnectionSettings {
            orders_api: OrdersApiVersion::default(),
            orders_schedule: Cadence::Minutes(10),
            inventory_schedule: Cadence::Hourly,
            fba_stock_schedule: Cadence::Every6Hours,
            mcf_tracking_schedule: Cadence::Every6Hours,
            feed_results_schedule: Cadence::Minutes(15),
            import_shipped: false,
            import_amazon_fulfilled: false,
            statuses: vec![AmazonOrderStatus::Unshipped, AmazonOrderStatus::PartiallyShipped],
            import_from: None,
            history_days: 30,
            default_handling_time_days: None,
            ioss_prefill: None,
            phone_prefill: None,
            email_prefill: None,
            order_number_prefix: None,
            new_order_folder: None,
            product_identifier: ProductIdentifier::Sku,
        }
    }
}

/// Whether a connection works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum ConnectionHealth {
    /// Set up, not yet authorized or tested.
    Incomplete,
    /// Working.
    Live,
    /// Amazon answered `invalid_grant`: the seller must authorize the app again.
    NeedsReauthorization {
        /// When it was noticed.
        since: DateTime<Utc>,
    },
}

/// A seller account connected to the hub.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    /// The hub's id.
    pub id: ConnectionId,
    /// The seller.
    pub seller_id: SellerId,
    /// The region.
    pub region: AmazonRegion,
    /// Marketplaces imported.
    pub marketplaces: Vec<MarketplaceId>,
    /// A name for people.
    pub alias: Option<String>,
    /// Settings.
    pub settings: ConnectionSettings,
    /// Health.
    pub health: ConnectionHealth,
}
