//! Fulfillment Outbound API 2020-07-01 (Multi-Channel Fulfillment): have Amazon ship orders from
//! other channels out of the seller's FBA inventory.
//!
//! - [`GetFulfillmentPreview`]: what shipping speeds, dates and fees Amazon can offer;
//! - [`CreateFulfillmentOrder`], [`GetFulfillmentOrder`], [`ListAllFulfillmentOrders`],
//!   [`UpdateFulfillmentOrder`], [`CancelFulfillmentOrder`]: the fulfillment order;
//! - [`GetPackageTrackingDetails`]: tracking of one package;
//! - [`ListReturnReasonCodes`], [`CreateFulfillmentReturn`]: returns;
//! - [`GetFeatures`]: which MCF features (blank box, block AMZL...) a marketplace offers;
//!   [`GetFeatureInventory`] and [`GetFeatureSku`]: which SKUs are eligible for one.
//!
//! Destination addresses, notification e-mails and gift messages are buyers' personal data: their
//! `Debug` output is redacted.

mod ids;
pub mod models;
mod orders;
mod other;

pub use models::{
    Address, CancelFulfillmentOrderResponse, CreateFulfillmentOrderItem, CreateFulfillmentOrderRequest,
    CreateFulfillmentOrderResponse, CreateFulfillmentReturnRequest, CreateFulfillmentReturnResponse,
    FeatureSku, FulfillmentAction, FulfillmentOrder, FulfillmentOrderStatus, FulfillmentPolicy,
    GetFeatureInventoryResponse, GetFeatureSkuResponse, GetFeaturesResponse, GetFulfillmentOrderResponse,
    GetFulfillmentPreviewItem, GetFulfillmentPreviewRequest, GetFulfillmentPreviewResponse,
    GetPackageTrackingDetailsResponse, ListAllFulfillmentOrdersResponse, ListReturnReasonCodesResponse,
    Money, ShippingSpeedCategory, UpdateFulfillmentOrderRequest, UpdateFulfillmentOrderResponse,
};
pub use orders::{
    CancelFulfillmentOrder, CreateFulfillmentOrder, GetFulfillmentOrder, GetFulfillmentPreview,
    ListAllFulfillmentOrders, UpdateFulfillmentOrder, CANCEL_FULFILLMENT_ORDER, CREATE_FULFILLMENT_ORDER,
    GET_FULFILLMENT_ORDER, GET_FULFILLMENT_PREVIEW, LIST_ALL_FULFILLMENT_ORDERS,
    LIST_ALL_FULFILLMENT_ORDERS_PAGES, UPDATE_FULFILLMENT_ORDER,
};
pub use other::{
    CreateFulfillmentReturn, GetFeatureInventory, GetFeatureSku, GetFeatures, GetPackageTrackingDetails,
    ListReturnReasonCodes, CREATE_FULFILLMENT_RETURN, GET_FEATURES, GET_FEATURE_INVENTORY,
    GET_FEATURE_INVENTORY_PAGES, GET_FEATURE_SKU, GET_PACKAGE_TRACKING_DETAILS, LIST_RETURN_REASON_CODES,
};

/// The usage plan Amazon's model gives every operation of this API: 2 requests per second, burst 30.
pub(crate) const PLAN: crate::operation::UsagePlan = crate::operation::UsagePlan::new(2.0, 30);

#[cfg(test)]
mod tests;
pub use ids::*;
