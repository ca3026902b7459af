//! Orders API v0: list and read orders, their items, addresses and buyer information; confirm
//! shipments; update Easy Ship status; regulated order information.
//!
//! Amazon marked the v0 read operations deprecated in favour of [`crate::orders_2026_01_01`] (move by
//! 2027-03-27); `confirmShipment` and `updateShipmentStatus` stay. Personal data comes through Restricted
//! Data Tokens, which the builders here fetch and cache themselves ([`crate::rdt`]): ask for it with
//! `.data_elements([DataElement::ShippingAddress])` on [`GetOrders`]/[`GetOrder`]/[`GetOrderItems`], or
//! call [`GetOrderAddress`], [`GetOrderBuyerInfo`] or [`GetOrderItemsBuyerInfo`].
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::marketplace::Marketplace;
//! use amazon_spapi::orders_v0::GetOrders;
//! use futures::TryStreamExt;
//!
//! let since = chrono::DateTime::parse_from_rfc3339("2026-11-01T00:00:00Z").unwrap().to_utc();
//! let mut orders = GetOrders::new(client).marketplace_ids([Marketplace::US]).last_updated_after(since).orders();
//! while let Some(order) = orders.try_next().await? {
//!     println!("{:?} {:?}", order.amazon_order_id, order.order_status);
//! }
//! # Ok(()) }
//! ```

use http::Method;

use crate::operation::{Operation, Restriction, UsagePlan};

mod confirm_shipment;
mod get_order;
mod get_order_items;
mod get_orders;
mod ids;
pub mod models;
mod regulated_info;
mod update_shipment_status;

pub use confirm_shipment::{ConfirmShipment, CARRIER_OTHER};
pub use get_order::{GetOrder, GetOrderAddress, GetOrderBuyerInfo};
pub use get_order_items::{GetOrderItems, GetOrderItemsBuyerInfo, ORDER_ITEMS_PAGES};
pub use get_orders::{GetOrders, GET_ORDERS_PAGES, MAX_IDS};
pub use ids::{AmazonOrderId, MarketplaceId, OrderItemId, QueryTime};
pub use models::*;
pub use regulated_info::{GetOrderRegulatedInfo, UpdateVerificationStatus};
pub use update_shipment_status::UpdateShipmentStatus;

crate::lenient_enum! {
    /// A restricted data element of Orders v0 reads, granted through a Restricted Data Token.
    pub enum DataElement {
        /// Buyer name, e-mail, county, tax information, purchase order number (role: Tax Invoicing or
        /// Tax Remittance).
        BuyerInfo = "buyerInfo",
        /// The shipping address (role: Direct-to-Consumer Shipping).
        ShippingAddress = "shippingAddress",
        /// Business buyers' tax information (role: Tax Invoicing or Tax Remittance).
        BuyerTaxInformation = "buyerTaxInformation",
    }
}

const fn op(
    name: &'static str,
    method: Method,
    path: &'static str,
    plan: UsagePlan,
    r: Restriction,
    idem: bool,
) -> Operation {
    Operation {
        api: "orders",
        version: "v0",
        name,
        method,
        path,
        usage_plan: plan,
        restriction: r,
        idempotent: idem,
    }
}

/// `GET /orders/v0/orders` (0.0167 requests per second, burst 20).
pub static GET_ORDERS: Operation = op(
    "getOrders",
    Method::GET,
    "/orders/v0/orders",
    UsagePlan::new(0.0167, 20),
    Restriction::WithDataElements,
    true,
);
/// `GET /orders/v0/orders/{orderId}` (0.5/s, burst 30).
pub static GET_ORDER: Operation = op(
    "getOrder",
    Method::GET,
    "/orders/v0/orders/{orderId}",
    UsagePlan::new(0.5, 30),
    Restriction::WithDataElements,
    true,
);
/// `GET /orders/v0/orders/{orderId}/buyerInfo` (0.5/s, burst 30; restricted).
pub static GET_ORDER_BUYER_INFO: Operation = op(
    "getOrderBuyerInfo",
    Method::GET,
    "/orders/v0/orders/{orderId}/buyerInfo",
    UsagePlan::new(0.5, 30),
    Restriction::Always,
    true,
);
/// `GET /orders/v0/orders/{orderId}/address` (0.5/s, burst 30; restricted).
pub static GET_ORDER_ADDRESS: Operation = op(
    "getOrderAddress",
    Method::GET,
    "/orders/v0/orders/{orderId}/address",
    UsagePlan::new(0.5, 30),
    Restriction::Always,
    true,
);
/// `GET /orders/v0/orders/{orderId}/orderItems` (0.5/s, burst 30).
pub static GET_ORDER_ITEMS: Operation = op(
    "getOrderItems",
    Method::GET,
    "/orders/v0/orders/{orderId}/orderItems",
    UsagePlan::new(0.5, 30),
    Restriction::WithDataElements,
    true,
);
/// `GET /orders/v0/orders/{orderId}/orderItems/buyerInfo` (0.5/s, burst 30; restricted).
pub static GET_ORDER_ITEMS_BUYER_INFO: Operation = op(
    "getOrderItemsBuyerInfo",
    Method::GET,
    "/orders/v0/orders/{orderId}/orderItems/buyerInfo",
    UsagePlan::new(0.5, 30),
    Restriction::Always,
    true,
);
/// `POST /orders/v0/orders/{orderId}/shipment` (5/s, burst 15).
pub static UPDATE_SHIPMENT_STATUS: Operation = op(
    "updateShipmentStatus",
    Method::POST,
    "/orders/v0/orders/{orderId}/shipment",
    UsagePlan::new(5.0, 15),
    Restriction::None,
    false,
);
/// `GET /orders/v0/orders/{orderId}/regulatedInfo` (0.5/s, burst 30; restricted).
pub static GET_ORDER_REGULATED_INFO: Operation = op(
    "getOrderRegulatedInfo",
    Method::GET,
    "/orders/v0/orders/{orderId}/regulatedInfo",
    UsagePlan::new(0.5, 30),
    Restriction::Always,
    true,
);
/// `PATCH /orders/v0/orders/{orderId}/regulatedInfo` (0.5/s, burst 30).
pub static UPDATE_VERIFICATION_STATUS: Operation = op(
    "updateVerificationStatus",
    Method::PATCH,
    "/orders/v0/orders/{orderId}/regulatedInfo",
    UsagePlan::new(0.5, 30),
    Restriction::None,
    false,
);
/// `POST /orders/v0/orders/{orderId}/shipmentConfirmation` (2/s, burst 10).
pub static CONFIRM_SHIPMENT: Operation = op(
    "confirmShipment",
    Method::POST,
    "/orders/v0/orders/{orderId}/shipmentConfirmation",
    UsagePlan::new(2.0, 10),
    Restriction::None,
    false,
);

/// Every operation of this module.
pub static OPERATIONS: [&Operation; 10] = [
    &GET_ORDERS,
    &GET_ORDER,
    &GET_ORDER_BUYER_INFO,
    &GET_ORDER_ADDRESS,
    &GET_ORDER_ITEMS,
    &GET_ORDER_ITEMS_BUYER_INFO,
    &UPDATE_SHIPMENT_STATUS,
    &GET_ORDER_REGULATED_INFO,
    &UPDATE_VERIFICATION_STATUS,
    &CONFIRM_SHIPMENT,
];

/// Checks that an order id is usable in a path.
pub(crate) fn check_order_id(id: &AmazonOrderId) -> Result<(), crate::error::Error> {
    if id.as_str().trim().is_empty() {
        return Err(crate::error::Error::invalid_input("orderId", "must not be empty"));
    }
    Ok(())
}

/// Serializes a request body.
pub(crate) fn json_body<T: serde::Serialize>(body: &T) -> Result<bytes::Bytes, crate::error::Error> {
    serde_json::to_vec(body)
        .map(bytes::Bytes::from)
        .map_err(|e| crate::error::Error::invalid_input("body", format!("cannot be serialized: {e}")))
}

/// Joins list values the way Swagger's default `csv` collection format wants them.
pub(crate) fn csv<T: AsRef<str>>(items: &[T]) -> String {
    items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(",")
}
