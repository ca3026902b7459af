//! Orders API 2026-01-01: `searchOrders` and `getOrder`, with items inside the order and personal data
//! through `includedData` (role-based access, no Restricted Data Token).
//!
//! This is the successor of [`crate::orders_v0`]'s read operations (Amazon asks integrators to move by
//! 2027-03-27). Ask for the datasets you need with `included_data`: `BUYER` and `RECIPIENT` return
//! personal data when the application has the roles for it.
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::marketplace::Marketplace;
//! use amazon_spapi::orders_2026_01_01::{IncludedData, SearchOrders};
//! use futures::TryStreamExt;
//!
//! let since = chrono::DateTime::parse_from_rfc3339("2026-11-01T00:00:00Z").unwrap().to_utc();
//! let mut orders = SearchOrders::new(client)
//!     .marketplace_ids([Marketplace::JP])
//!     .last_updated_after(since)
//!     .included_data([IncludedData::Recipient, IncludedData::Fulfillment])
//!     .orders();
//! while let Some(order) = orders.try_next().await? {
//!     println!("{:?}", order.order_id);
//! }
//! # Ok(()) }
//! ```

use http::Method;

use crate::operation::{Operation, Restriction, UsagePlan};

mod get_order;
pub mod models;
mod search_orders;

pub use crate::orders_v0::QueryTime;
pub use get_order::GetOrder;
pub use models::*;
pub use search_orders::{SearchOrders, SEARCH_ORDERS_PAGES};

crate::lenient_enum! {
    /// A dataset `searchOrders` and `getOrder` can include in the answer.
    pub enum IncludedData {
        /// Buyer name, e-mail, company, purchase order number (personal data; needs a role).
        Buyer = "BUYER",
        /// The delivery address and preferences (personal data; needs a role).
        Recipient = "RECIPIENT",
        /// Order and item proceeds.
        Proceeds = "PROCEEDS",
        /// Item expenses (points).
        Expense = "EXPENSE",
        /// Promotions.
        Promotion = "PROMOTION",
        /// Cancellation requests and executions.
        Cancellation = "CANCELLATION",
        /// Fulfillment status, windows and item fulfillment details.
        Fulfillment = "FULFILLMENT",
        /// Packages and their tracking.
        Packages = "PACKAGES",
        /// Tax registrations and invoicing.
        Tax = "TAX",
        /// Payment executions.
        Payment = "PAYMENT",
        /// Associated fulfillment orders.
        FulfillmentOrders = "FULFILLMENT_ORDERS",
    }
}

crate::lenient_enum! {
    /// Who fulfills an order.
    pub enum FulfilledBy {
        /// The seller.
        Merchant = "MERCHANT",
        /// Amazon.
        Amazon = "AMAZON",
    }
}

/// `GET /orders/2026-01-01/orders` (0.0056 requests per second, burst 20).
pub static SEARCH_ORDERS: Operation = Operation {
    api: "orders",
    version: "2026-01-01",
    name: "searchOrders",
    method: Method::GET,
    path: "/orders/2026-01-01/orders",
    usage_plan: UsagePlan::new(0.0056, 20),
    restriction: Restriction::None,
    idempotent: true,
};

/// `GET /orders/2026-01-01/orders/{orderId}` (0.5/s, burst 30).
pub static GET_ORDER: Operation = Operation {
    api: "orders",
    version: "2026-01-01",
    name: "getOrder",
    method: Method::GET,
    path: "/orders/2026-01-01/orders/{orderId}",
    usage_plan: UsagePlan::new(0.5, 30),
    restriction: Restriction::None,
    idempotent: true,
};

/// Every operation of this module.
pub static OPERATIONS: [&Operation; 2] = [&SEARCH_ORDERS, &GET_ORDER];

fn csv_of<T: AsRef<str>>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|s| s.as_ref().to_owned())
        .collect::<Vec<_>>()
        .join(",")
}
