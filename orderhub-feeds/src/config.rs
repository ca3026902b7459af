//! How the planner batches: confirmation mode, limits, windows, the carrier resolver.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::Duration;
use orderhub_core::MarketplaceId;

use crate::carrier::{AmazonCarrierList, CarrierResolver};

/// How shipment confirmations go out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ConfirmationMode {
    /// Orders v0 `confirmShipment`, one call per package (the default).
    #[default]
    Api,
    /// A `POST_ORDER_FULFILLMENT_DATA` XML feed, one message per package.
    Feed,
}

/// Size limits of one submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeedLimits {
    /// Most messages in one feed (`JSON_LISTINGS_FEED` accepts 1 to 25,000).
    pub max_messages: usize,
    /// Most bytes in one feed document (Amazon: keep a feed under 10 MiB).
    pub max_bytes: usize,
    /// Most `confirmShipment` calls in one batch (the engine's rate limiter paces them).
    pub max_calls: usize,
}

impl FeedLimits {
    /// Amazon's limits: 25,000 messages, 10 MiB, and 50 calls per confirmation batch.
    pub const AMAZON: FeedLimits = FeedLimits {
        max_messages: 25_000,
        max_bytes: 10 * 1024 * 1024,
        max_calls: 50,
    };
}

impl Default for FeedLimits {
    fn default() -> Self {
        FeedLimits::AMAZON
    }
}

/// The planner's settings. Start from [`PlannerConfig::default`] and change what differs.
#[derive(Clone)]
pub struct PlannerConfig {
    /// API calls or XML feed for shipment confirmations.
    pub confirmation_mode: ConfirmationMode,
    /// Size limits.
    pub limits: FeedLimits,
    /// At most one feed of a type per seller (per connection) within this interval (Amazon: 20 minutes).
    pub min_feed_interval: Duration,
    /// Cancellations wait this long after the first pending one, so close cancellations share a feed
    /// (default five minutes).
    pub cancel_debounce: Duration,
    /// In how many packages one order line may be (default 1: Amazon's SP-API refuses notifications of
    /// lines split over packages).
    pub max_packages_per_line: usize,
    /// Handling time sent when neither the entry nor the item's `FulfillmentLatency` sets one.
    pub default_handling_time_days: Option<u32>,
    /// `productType` of `PATCH` messages (Amazon accepts the generic `PRODUCT` for offer-only patches).
    pub product_type: String,
    /// `issueLocale` of the listings feed header, when set (for example `en_US`).
    pub issue_locale: Option<String>,
    /// Amazon fulfillment channel code per marketplace, used when `SwitchFulfillmentTo` is `AFN`.
    pub afn_channel_codes: BTreeMap<MarketplaceId, String>,
    /// Turns the integrator's carrier name into Amazon's carrier code and name. The default,
    /// [`AmazonCarrierList`], knows Amazon's base list; plug the rule engine's coercion in here.
    pub carriers: Arc<dyn CarrierResolver>,
}

impl Default for PlannerConfig {
    fn default() -> Self {
        PlannerConfig {
            confirmation_mode: ConfirmationMode::Api,
            limits: FeedLimits::AMAZON,
            min_feed_interval: Duration::minutes(20),
            cancel_debounce: Duration::minutes(5),
            max_packages_per_line: 1,
            default_handling_time_days: None,
            product_type: "PRODUCT".to_owned(),
            issue_locale: None,
            afn_channel_codes: default_afn_channel_codes(),
            carriers: Arc::new(AmazonCarrierList::default()),
        }
    }
}

impl fmt::Debug for PlannerConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PlannerConfig")
            .field("confirmation_mode", &self.confirmation_mode)
            .field("limits", &self.limits)
            .field("min_feed_interval", &self.min_feed_interval)
            .field("cancel_debounce", &self.cancel_debounce)
            .field("max_packages_per_line", &self.max_packages_per_line)
            .field("default_handling_time_days", &self.default_handling_time_days)
            .field("product_type", &self.product_type)
            .field("issue_locale", &self.issue_locale)
            .field("afn_channel_codes", &self.afn_channel_codes.len())
            .finish_non_exhaustive()
    }
}

/// Amazon's fulfillment network per marketplace (`AMAZON_NA`, `AMAZON_EU`, `AMAZON_JP`, `AMAZON_IN`,
/// `AMAZON_FE`), as data.
pub const AFN_CHANNEL_CODES: &[(&str, &str)] = &[
    ("ATVPDKIKX0DER", "AMAZON_NA"),  // US
    ("A2EUQ1WTGCTBG2", "AMAZON_NA"), // CA
    ("A1AM78C64UM0Y8", "AMAZON_NA"), // MX
    ("A2Q3Y263D00KWC", "AMAZON_NA"), // BR
    ("A1F83G8C2ARO7P", "AMAZON_EU"), // UK
    ("A1PA6795UKMFR9", "AMAZON_EU"), // DE
    ("A13V1IB3VIYZZH", "AMAZON_EU"), // FR
    ("APJ6JRA9NG5V4", "AMAZON_EU"),  // IT
    ("A1RKKUPIHCS9HS", "AMAZON_EU"), // ES
    ("A1805IZSGTT6HS", "AMAZON_EU"), // NL
    ("A2NODRKZP88ZB9", "AMAZON_EU"), // SE
    ("A1C3SOZRARQ6R3", "AMAZON_EU"), // PL
    ("AMEN7PMS3EDWL", "AMAZON_EU"),  // BE
    ("A28R8C7NBKEWEA", "AMAZON_EU"), // IE
    ("A33AVAJ2PDY3EV", "AMAZON_EU"), // TR
    ("A2VIGQ35RCS4UG", "AMAZON_EU"), // AE
    ("A17E79C6D8DWNP", "AMAZON_EU"), // SA
    ("ARBP9OOSHTCHU", "AMAZON_EU"),  // EG
    ("A21TJRUUN4KGV", "AMAZON_IN"),  // IN
    ("A1VC38T7YXB528", "AMAZON_JP"), // JP
    ("A39IBJ37TRP1C6", "AMAZON_FE"), // AU
    ("A19VAU5U5O7RUS", "AMAZON_FE"), // SG
];

/// [`AFN_CHANNEL_CODES`] as a map.
pub fn default_afn_channel_codes() -> BTreeMap<MarketplaceId, String> {
    AFN_CHANNEL_CODES
        .iter()
        .map(|(m, c)| (MarketplaceId::new(*m), (*c).to_owned()))
        .collect()
}
