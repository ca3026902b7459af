//! Orders v0: every definition of Amazon's model (`models/orders-api-model/ordersV0.json`) as lenient
//! serde types.
//!
//! Drafted from the model by a script and then edited by hand; it is meant to be read. Every field is
//! optional (Amazon leaves out fields its model calls required), lists default to empty, booleans, numbers
//! and money also decode from strings (`"IsGift": "true"`, `"NumberOfItems": "3"`), timestamps are parsed
//! leniently ([`crate::de::parse_datetime`]), and enums keep values they do not know (`Unknown`). Structs
//! holding buyers' personal data print `<redacted>` for it in `Debug`.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::de;
use crate::error::AmazonError;

pub use super::ids::{AmazonOrderId, MarketplaceId, OrderItemId};

/// An item of an [`UpdateShipmentStatusRequest`]: which item, and how many of it.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UpdateShipmentStatusOrderItem {
    /// The order item's unique identifier.
    #[serde(rename = "orderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// The quantity for which to update the shipment status.
    #[serde(
        rename = "quantity",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<u32>,
}

/// The request body for the `updateShipmentStatus` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UpdateShipmentStatusRequest {
    /// The unobfuscated marketplace identifier.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "marketplaceId", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_id: Option<MarketplaceId>,
    /// The shipment status to apply.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "shipmentStatus", default, skip_serializing_if = "Option::is_none")]
    pub shipment_status: Option<ShipmentStatus>,
    /// For partial shipment status updates, the list of order items and quantities to be updated.
    #[serde(
        rename = "orderItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub order_items: Vec<UpdateShipmentStatusOrderItem>,
}

/// The request body for the `updateVerificationStatus` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UpdateVerificationStatusRequest {
    /// The updated values of the `VerificationStatus` field.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "regulatedOrderVerificationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regulated_order_verification_status: Option<UpdateVerificationStatusRequestBody>,
}

/// The updated values of the `VerificationStatus` field.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UpdateVerificationStatusRequestBody {
    /// The new verification status of the order.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<VerificationStatus>,
    /// The identifier of the order's regulated information reviewer.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "externalReviewerId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_reviewer_id: Option<String>,
    /// The unique identifier of the rejection reason used for rejecting the order's regulated information.
    /// Only required if the new status is rejected.
    #[serde(
        rename = "rejectionReasonId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejection_reason_id: Option<String>,
    /// Additional information regarding the verification of the order.
    #[serde(
        rename = "verificationDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub verification_details: Option<VerificationDetails>,
}

/// The error response schema for the `UpdateShipmentStatus` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UpdateShipmentStatusErrorResponse {
    /// One or more unexpected errors occurred during the `UpdateShipmentStatus` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The error response schema for the `UpdateVerificationStatus` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UpdateVerificationStatusErrorResponse {
    /// One or more unexpected errors occurred during the `UpdateVerificationStatus` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getOrders` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrdersResponse {
    /// The payload for the `getOrders` operation.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrdersList>,
    /// One or more unexpected errors occurred during the `getOrders` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrderResponse {
    /// The payload for the `getOrder` operation.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<Order>,
    /// One or more unexpected errors occurred during the `getOrder` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getOrderBuyerInfo` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrderBuyerInfoResponse {
    /// The payload for the `getOrderBuyerInfo` operation.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderBuyerInfo>,
    /// One or more unexpected errors occurred during the `getOrderBuyerInfo` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getOrderRegulatedInfo` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrderRegulatedInfoResponse {
    /// The payload for the `getOrderRegulatedInfo` operation.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderRegulatedInfo>,
    /// One or more unexpected errors occurred during the `getOrderRegulatedInfo` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getOrderAddress` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrderAddressResponse {
    /// The payload for the `getOrderAddress` operations.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderAddress>,
    /// One or more unexpected errors occurred during the `getOrderAddress` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getOrderItems` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrderItemsResponse {
    /// The payload for the `getOrderItems` operation.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderItemsList>,
    /// One or more unexpected errors occurred during the `getOrderItems` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// The response schema for the `getOrderItemsBuyerInfo` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrderItemsBuyerInfoResponse {
    /// The payload for the `getOrderItemsBuyerInfo` operation.
    #[serde(rename = "payload", default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<OrderItemsBuyerInfoList>,
    /// One or more unexpected errors occurred during the `getOrderItemsBuyerInfo` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// A list of orders along with additional information to make subsequent API calls.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrdersList {
    /// A list of orders.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "Orders",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub orders: Vec<Order>,
    /// When present and not empty, pass this string token in the next request to return the next response
    /// page.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Use this date to select orders that were last updated before (or at) a specified time. An update is
    /// defined as any change in order status, including the creation of a new order. Includes updates made
    /// by Amazon and by the seller. Use ISO 8601 format for all dates.
    #[serde(
        rename = "LastUpdatedBefore",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_before: Option<DateTime<Utc>>,
    /// Use this date to select orders created before (or at) a specified time. Only orders placed before
    /// the specified time are returned. The date must be in ISO 8601 format.
    #[serde(
        rename = "CreatedBefore",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_before: Option<DateTime<Utc>>,
}

/// Order information.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Order {
    /// An Amazon-defined order identifier, in 3-7-7 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "AmazonOrderId", default, skip_serializing_if = "Option::is_none")]
    pub amazon_order_id: Option<AmazonOrderId>,
    /// A seller-defined order identifier.
    #[serde(rename = "SellerOrderId", default, skip_serializing_if = "Option::is_none")]
    pub seller_order_id: Option<String>,
    /// The date when the order was created.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "PurchaseDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_date: Option<DateTime<Utc>>,
    /// The date when the order was last updated.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "LastUpdateDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_date: Option<DateTime<Utc>>,
    /// The current order status.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "OrderStatus", default, skip_serializing_if = "Option::is_none")]
    pub order_status: Option<OrderStatus>,
    /// Whether the order was fulfilled by Amazon (`AFN`) or by the seller (`MFN`).
    #[serde(
        rename = "FulfillmentChannel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_channel: Option<FulfillmentChannel>,
    /// The sales channel for the first item in the order.
    #[serde(rename = "SalesChannel", default, skip_serializing_if = "Option::is_none")]
    pub sales_channel: Option<String>,
    /// The order channel for the first item in the order.
    #[serde(rename = "OrderChannel", default, skip_serializing_if = "Option::is_none")]
    pub order_channel: Option<String>,
    /// The order's shipment service level.
    #[serde(rename = "ShipServiceLevel", default, skip_serializing_if = "Option::is_none")]
    pub ship_service_level: Option<String>,
    /// The total charge for this order.
    #[serde(rename = "OrderTotal", default, skip_serializing_if = "Option::is_none")]
    pub order_total: Option<Money>,
    /// The number of items shipped.
    #[serde(
        rename = "NumberOfItemsShipped",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_items_shipped: Option<u32>,
    /// The number of items unshipped.
    #[serde(
        rename = "NumberOfItemsUnshipped",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_items_unshipped: Option<u32>,
    /// Information about the sub-payment methods for an order.
    #[serde(
        rename = "PaymentExecutionDetail",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub payment_execution_detail: Vec<PaymentExecutionDetailItem>,
    /// The payment method for the order. This property is limited to COD and CVS payment methods. Unless
    /// you need the specific COD payment information provided by the `PaymentExecutionDetailItem` object,
    /// we recommend using the `PaymentMethodDetails` property to get payment method information.
    #[serde(rename = "PaymentMethod", default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<PaymentMethod>,
    /// A list of payment methods for the order.
    #[serde(
        rename = "PaymentMethodDetails",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub payment_method_details: Vec<String>,
    /// The identifier for the marketplace where the order was placed.
    #[serde(rename = "MarketplaceId", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_id: Option<MarketplaceId>,
    /// The shipment service level category for the order.
    #[serde(
        rename = "ShipmentServiceLevelCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipment_service_level_category: Option<String>,
    /// The status of the Amazon Easy Ship order. This property is only included for Amazon Easy Ship
    /// orders.
    #[serde(
        rename = "EasyShipShipmentStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub easy_ship_shipment_status: Option<EasyShipShipmentStatus>,
    /// Custom ship label for Checkout by Amazon (CBA).
    #[serde(
        rename = "CbaDisplayableShippingLabel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cba_displayable_shipping_label: Option<String>,
    /// The order's type.
    #[serde(rename = "OrderType", default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<OrderType>,
    /// The start of the time period within which you have committed to ship the order. In ISO 8601 date
    /// time format. Only returned for seller-fulfilled orders.
    #[serde(
        rename = "EarliestShipDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub earliest_ship_date: Option<DateTime<Utc>>,
    /// The end of the time period within which you have committed to ship the order. In ISO 8601 date time
    /// format. Only returned for seller-fulfilled orders.
    #[serde(
        rename = "LatestShipDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub latest_ship_date: Option<DateTime<Utc>>,
    /// The start of the time period within which you have committed to fulfill the order. In ISO 8601 date
    /// time format. Only returned for seller-fulfilled orders.
    #[serde(
        rename = "EarliestDeliveryDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub earliest_delivery_date: Option<DateTime<Utc>>,
    /// The end of the time period within which you have committed to fulfill the order. In ISO 8601 date
    /// time format. Only returned for seller-fulfilled orders that do not have a `PendingAvailability`,
    /// `Pending`, or `Canceled` status.
    #[serde(
        rename = "LatestDeliveryDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub latest_delivery_date: Option<DateTime<Utc>>,
    /// When true, the order is an Amazon Business order. An Amazon Business order is an order where the
    /// buyer is a Verified Business Buyer.
    #[serde(
        rename = "IsBusinessOrder",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_business_order: Option<bool>,
    /// When true, the order is a seller-fulfilled Amazon Prime order.
    #[serde(
        rename = "IsPrime",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_prime: Option<bool>,
    /// When true, the order has a Premium Shipping Service Level Agreement. For more information about
    /// Premium Shipping orders, refer to "Premium Shipping Options" in the Seller Central Help for your
    /// marketplace.
    #[serde(
        rename = "IsPremiumOrder",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_premium_order: Option<bool>,
    /// When true, the order is a `GlobalExpress` order.
    #[serde(
        rename = "IsGlobalExpressEnabled",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_global_express_enabled: Option<bool>,
    /// The order ID value for the order that is being replaced. Returned only if IsReplacementOrder = true.
    #[serde(rename = "ReplacedOrderId", default, skip_serializing_if = "Option::is_none")]
    pub replaced_order_id: Option<AmazonOrderId>,
    /// When true, this is a replacement order.
    #[serde(
        rename = "IsReplacementOrder",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_replacement_order: Option<bool>,
    /// Indicates the date by which the seller must respond to the buyer with an estimated ship date. Only
    /// returned for Sourcing on Demand orders.
    #[serde(
        rename = "PromiseResponseDueDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub promise_response_due_date: Option<DateTime<Utc>>,
    /// When true, the estimated ship date is set for the order. Only returned for Sourcing on Demand
    /// orders.
    #[serde(
        rename = "IsEstimatedShipDateSet",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_estimated_ship_date_set: Option<bool>,
    /// When true, the item within this order was bought and re-sold by Amazon Business EU SARL (ABEU). By
    /// buying and instantly re-selling your items, ABEU becomes the seller of record, making your inventory
    /// available for sale to customers who would not otherwise purchase from a third-party seller.
    #[serde(
        rename = "IsSoldByAB",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_sold_by_ab: Option<bool>,
    /// When true, the item within this order was bought and re-sold by Amazon Business EU SARL (ABEU). By
    /// buying and instantly re-selling your items, ABEU becomes the seller of record, making your inventory
    /// available for sale to customers who would not otherwise purchase from a third-party seller.
    #[serde(
        rename = "IsIBA",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_iba: Option<bool>,
    /// The recommended location for the seller to ship the items from. It is calculated at checkout. The
    /// seller may or may not choose to ship from this location.
    #[serde(
        rename = "DefaultShipFromLocationAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_ship_from_location_address: Option<Address>,
    /// The buyer's invoicing preference. Sellers can use this data to issue electronic invoices for orders
    /// in Turkey.
    #[serde(
        rename = "BuyerInvoicePreference",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_invoice_preference: Option<BuyerInvoicePreference>,
    /// Contains the business invoice tax information. Sellers could use this data to issue electronic
    /// invoices for business orders in Turkey.
    #[serde(
        rename = "BuyerTaxInformation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_tax_information: Option<BuyerTaxInformation>,
    /// Contains the instructions about the fulfillment, such as the location from where you want the order
    /// filled.
    #[serde(
        rename = "FulfillmentInstruction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_instruction: Option<FulfillmentInstruction>,
    /// When true, this order is marked to be picked up from a store rather than delivered.
    #[serde(
        rename = "IsISPU",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_ispu: Option<bool>,
    /// When true, this order is marked to be delivered to an Access Point. The access location is chosen by
    /// the customer. Access Points include Amazon Hub Lockers, Amazon Hub Counters, and pickup points
    /// operated by carriers.
    #[serde(
        rename = "IsAccessPointOrder",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_access_point_order: Option<bool>,
    /// Tax information about the marketplace where the sale took place. Sellers can use this data to issue
    /// electronic invoices for orders in Brazil.
    #[serde(
        rename = "MarketplaceTaxInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub marketplace_tax_info: Option<MarketplaceTaxInfo>,
    /// The seller’s friendly name registered in the marketplace where the sale took place. Sellers can use
    /// this data to issue electronic invoices for orders in Brazil.
    #[serde(
        rename = "SellerDisplayName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub seller_display_name: Option<String>,
    /// The shipping address for the order.
    #[serde(rename = "ShippingAddress", default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Buyer information.
    #[serde(rename = "BuyerInfo", default, skip_serializing_if = "Option::is_none")]
    pub buyer_info: Option<BuyerInfo>,
    /// Contains information regarding the Shipping Settings Automaton program, such as whether the order's
    /// shipping settings were generated automatically, and what those settings are.
    #[serde(
        rename = "AutomatedShippingSettings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub automated_shipping_settings: Option<AutomatedShippingSettings>,
    /// Whether the order contains regulated items which may require additional approval steps before being
    /// fulfilled.
    #[serde(
        rename = "HasRegulatedItems",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub has_regulated_items: Option<bool>,
    /// The status of the electronic invoice.
    #[serde(
        rename = "ElectronicInvoiceStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub electronic_invoice_status: Option<ElectronicInvoiceStatus>,
}

/// Buyer information for an order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderBuyerInfo {
    /// An Amazon-defined order identifier, in 3-7-7 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "AmazonOrderId", default, skip_serializing_if = "Option::is_none")]
    pub amazon_order_id: Option<AmazonOrderId>,
    /// The anonymized email address of the buyer.
    #[serde(rename = "BuyerEmail", default, skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// The buyer name or the recipient name.
    #[serde(rename = "BuyerName", default, skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// The county of the buyer.
    #[serde(rename = "BuyerCounty", default, skip_serializing_if = "Option::is_none")]
    pub buyer_county: Option<String>,
    /// Tax information about the buyer. Sellers can use this data to issue electronic invoices for business
    /// orders.
    #[serde(rename = "BuyerTaxInfo", default, skip_serializing_if = "Option::is_none")]
    pub buyer_tax_info: Option<BuyerTaxInfo>,
    /// The purchase order (PO) number entered by the buyer at checkout. Only returned for orders where the
    /// buyer entered a PO number at checkout.
    #[serde(
        rename = "PurchaseOrderNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_order_number: Option<String>,
}

crate::redacted_debug!(OrderBuyerInfo { amazon_order_id } hide { buyer_email, buyer_name, buyer_county, buyer_tax_info, purchase_order_number });

/// The order's regulated information along with its verification status.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderRegulatedInfo {
    /// An Amazon-defined order identifier, in 3-7-7 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "AmazonOrderId", default, skip_serializing_if = "Option::is_none")]
    pub amazon_order_id: Option<AmazonOrderId>,
    /// The regulated information collected during purchase and used to verify the order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "RegulatedInformation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regulated_information: Option<RegulatedInformation>,
    /// When true, the order requires attaching a dosage information label when shipped.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "RequiresDosageLabel",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_dosage_label: Option<bool>,
    /// The order's verification status.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "RegulatedOrderVerificationStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub regulated_order_verification_status: Option<RegulatedOrderVerificationStatus>,
}

/// The verification status of the order, along with associated approval or rejection metadata.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct RegulatedOrderVerificationStatus {
    /// The verification status of the order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<VerificationStatus>,
    /// When true, the regulated information provided in the order requires a review by the merchant.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "RequiresMerchantAction",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub requires_merchant_action: Option<bool>,
    /// A list of valid rejection reasons that may be used to reject the order's regulated information.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "ValidRejectionReasons",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub valid_rejection_reasons: Vec<RejectionReason>,
    /// The reason for rejecting the order's regulated information. Not present if the order isn't rejected.
    #[serde(rename = "RejectionReason", default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<RejectionReason>,
    /// The date the order was reviewed. In ISO 8601 date time format.
    #[serde(
        rename = "ReviewDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub review_date: Option<DateTime<Utc>>,
    /// The identifier for the order's regulated information reviewer.
    #[serde(
        rename = "ExternalReviewerId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub external_reviewer_id: Option<String>,
    /// A list of valid verification details that may be provided and the criteria required for when the
    /// verification detail can be provided.
    #[serde(
        rename = "ValidVerificationDetails",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub valid_verification_details: Vec<ValidVerificationDetail>,
    /// Valid interim status codes that may be used when populating `InterimStatusDetail`. Each element
    /// contains a `StatusCode` identifier and its customer-facing `StatusDescription`.
    #[serde(
        rename = "ValidInterimStatusCodes",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub valid_interim_status_codes: Vec<ValidInterimStatusCode>,
}

/// The reason for rejecting the order's regulated information. This is only present if the order is
/// rejected.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct RejectionReason {
    /// The unique identifier for the rejection reason.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "RejectionReasonId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejection_reason_id: Option<String>,
    /// The description of this rejection reason.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "RejectionReasonDescription",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rejection_reason_description: Option<String>,
}

/// Information about the prescription that is used to verify a regulated product. This must be provided
/// once per order and reflect the seller’s own records. Only approved orders can have prescriptions.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PrescriptionDetail {
    /// The identifier for the prescription used to verify the regulated product.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "prescriptionId", default, skip_serializing_if = "Option::is_none")]
    pub prescription_id: Option<String>,
    /// The expiration date of the prescription used to verify the regulated product, in ISO 8601 date time
    /// format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "expirationDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiration_date: Option<DateTime<Utc>>,
    /// The number of units in each fill as provided in the prescription.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "writtenQuantity",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub written_quantity: Option<u32>,
    /// The total number of refills written in the original prescription used to verify the regulated
    /// product. If a prescription originally had no refills, this value must be 0.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "totalRefillsAuthorized",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_refills_authorized: Option<u32>,
    /// The number of refills remaining for the prescription used to verify the regulated product. If a
    /// prescription originally had 10 total refills, this value must be `10` for the first order, `9` for
    /// the second order, and `0` for the eleventh order. If a prescription originally had no refills, this
    /// value must be 0.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "refillsRemaining",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub refills_remaining: Option<u32>,
    /// The identifier for the clinic which provided the prescription used to verify the regulated product.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "clinicId", default, skip_serializing_if = "Option::is_none")]
    pub clinic_id: Option<String>,
    /// The instructions for the prescription as provided by the approver of the regulated product.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "usageInstructions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub usage_instructions: Option<String>,
}

crate::redacted_debug!(PrescriptionDetail { expiration_date, written_quantity, total_refills_authorized, refills_remaining } hide { prescription_id, clinic_id, usage_instructions });

/// An order attribute with its original value and the pre-approved alternative value suggested by the
/// vet.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ApprovedAttribute {
    /// The name of the attribute requiring correction (for example, `asin`, `petWeight`).
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "attributeName", default, skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
    /// The original value of the attribute in the rejected order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "originalValue", default, skip_serializing_if = "Option::is_none")]
    pub original_value: Option<String>,
    /// The pre-approved value that would result in order approval.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "approvedValue", default, skip_serializing_if = "Option::is_none")]
    pub approved_value: Option<String>,
}

/// Interim status information provided during the verification process to share granular progress
/// updates while an order is pending verification (for example, vet contacted through email).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct InterimStatusDetail {
    /// The identifier for the interim status type. Must be one of the `ValidInterimStatusCodes` values
    /// returned by the `getOrderRegulatedInfo` operation.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "statusCode", default, skip_serializing_if = "Option::is_none")]
    pub status_code: Option<String>,
    /// The date and time when this interim status was set, in ISO 8601 date and time format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "statusDateTime",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub status_date_time: Option<DateTime<Utc>>,
}

/// A valid interim status code and its customer-facing description. Available with the
/// `getOrderRegulatedInfo` operation to indicate which status codes can populate the
/// `InterimStatusDetail` field.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ValidInterimStatusCode {
    /// The identifier for the interim status type.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "StatusCode", default, skip_serializing_if = "Option::is_none")]
    pub status_code: Option<String>,
    /// A customer-facing description of the interim status.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "StatusDescription",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub status_description: Option<String>,
}

/// The types of verification details that may be provided for the order and the criteria required for
/// when the type of verification detail can be provided. The types of verification details allowed
/// depend on the type of regulated product and will not change order to order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ValidVerificationDetail {
    /// A supported type of verification detail. The type indicates which verification detail could be
    /// shared while updating the regulated order. Valid values: `prescriptionDetail`,
    /// `approvedAlternativeDetails`, `interimStatusDetail`.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "VerificationDetailType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub verification_detail_type: Option<String>,
    /// A list of valid verification statuses where the associated verification detail type may be provided.
    /// For example, if the value of this field is ["Approved"], calls to provide the associated
    /// verification detail will fail for orders with a `VerificationStatus` of `Pending`, `Rejected`,
    /// `Expired`, or `Cancelled`.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "ValidVerificationStatuses",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub valid_verification_statuses: Vec<VerificationStatus>,
}

/// Additional information related to the verification of a regulated order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct VerificationDetails {
    /// Information regarding the prescription tied to the order.
    #[serde(
        rename = "prescriptionDetail",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub prescription_detail: Option<PrescriptionDetail>,
    /// Pre-approved alternative product attributes provided when a vet rejects an order but suggests a
    /// correction. Only valid when the verification status is `Rejected`.
    #[serde(
        rename = "approvedAlternativeDetails",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub approved_alternative_details: Vec<ApprovedAttribute>,
    /// Interim status information provided during the verification process. Only valid when the
    /// verification status is `Pending`.
    #[serde(
        rename = "interimStatusDetail",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub interim_status_detail: Option<InterimStatusDetail>,
}

/// The regulated information collected during purchase and used to verify the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct RegulatedInformation {
    /// A list of regulated information fields as collected from the regulatory form.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "Fields",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub fields: Vec<RegulatedInformationField>,
}

/// A field collected from the regulatory form.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RegulatedInformationField {
    /// The unique identifier of the field.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "FieldId", default, skip_serializing_if = "Option::is_none")]
    pub field_id: Option<String>,
    /// The name of the field.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "FieldLabel", default, skip_serializing_if = "Option::is_none")]
    pub field_label: Option<String>,
    /// The type of field.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "FieldType", default, skip_serializing_if = "Option::is_none")]
    pub field_type: Option<RegulatedFieldType>,
    /// The content of the field as collected in regulatory form. Note that `FileAttachment` type fields
    /// contain a URL where you can download the attachment.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "FieldValue", default, skip_serializing_if = "Option::is_none")]
    pub field_value: Option<String>,
}

crate::redacted_debug!(RegulatedInformationField { field_id, field_label, field_type } hide { field_value });

/// The shipping address for the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderAddress {
    /// An Amazon-defined order identifier, in 3-7-7 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "AmazonOrderId", default, skip_serializing_if = "Option::is_none")]
    pub amazon_order_id: Option<AmazonOrderId>,
    /// The company name of the contact buyer. For IBA orders, the buyer company must be Amazon entities.
    #[serde(rename = "BuyerCompanyName", default, skip_serializing_if = "Option::is_none")]
    pub buyer_company_name: Option<String>,
    /// The shipping address for the order.
    #[serde(rename = "ShippingAddress", default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Address>,
    /// Contains all of the delivery instructions provided by the customer for the shipping address.
    #[serde(
        rename = "DeliveryPreferences",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_preferences: Option<DeliveryPreferences>,
}

crate::redacted_debug!(OrderAddress { amazon_order_id, shipping_address, delivery_preferences } hide { buyer_company_name });

/// The shipping address for the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// The name.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The company name of the recipient.
    #[serde(rename = "CompanyName", default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// The street address.
    #[serde(rename = "AddressLine1", default, skip_serializing_if = "Option::is_none")]
    pub address_line1: Option<String>,
    /// Additional street address information, if required.
    #[serde(rename = "AddressLine2", default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Additional street address information, if required.
    #[serde(rename = "AddressLine3", default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// The city.
    #[serde(rename = "City", default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The county.
    #[serde(rename = "County", default, skip_serializing_if = "Option::is_none")]
    pub county: Option<String>,
    /// The district.
    #[serde(rename = "District", default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// The state or region.
    #[serde(rename = "StateOrRegion", default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    /// The municipality.
    #[serde(rename = "Municipality", default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// The postal code.
    #[serde(rename = "PostalCode", default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// The country code. A two-character country code, in ISO 3166-1 alpha-2 format.
    #[serde(rename = "CountryCode", default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The phone number of the buyer.
    #[serde(rename = "Phone", default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Extended address fields for additional address components including the street name or number.
    #[serde(rename = "ExtendedFields", default, skip_serializing_if = "Option::is_none")]
    pub extended_fields: Option<AddressExtendedFields>,
    /// The address type of the shipping address.
    #[serde(rename = "AddressType", default, skip_serializing_if = "Option::is_none")]
    pub address_type: Option<AddressType>,
}

crate::redacted_debug!(Address { city, state_or_region, country_code, address_type } hide { name, company_name, address_line1, address_line2, address_line3, county, district, municipality, postal_code, phone, extended_fields });

/// Extended address fields for additional address components including the street name or number.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressExtendedFields {
    /// The street name.
    #[serde(rename = "StreetName", default, skip_serializing_if = "Option::is_none")]
    pub street_name: Option<String>,
    /// The house, building, or property number associated with the location's street address.
    #[serde(rename = "StreetNumber", default, skip_serializing_if = "Option::is_none")]
    pub street_number: Option<String>,
    /// The floor number/unit number in the building/private house number.
    #[serde(rename = "Complement", default, skip_serializing_if = "Option::is_none")]
    pub complement: Option<String>,
    /// The neighborhood. This value is only used in some countries (such as Brazil).
    #[serde(rename = "Neighborhood", default, skip_serializing_if = "Option::is_none")]
    pub neighborhood: Option<String>,
    /// Latitude and longitude coordinates for the shipping address using the WGS84 coordinate system.
    #[serde(rename = "GeoCoordinates", default, skip_serializing_if = "Option::is_none")]
    pub geo_coordinates: Option<GeoCoordinates>,
}

crate::redacted_debug!(AddressExtendedFields {  } hide { street_name, street_number, complement, neighborhood, geo_coordinates });

/// The latitude and longitude coordinates of the shipping address using the WGS84 coordinate system.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GeoCoordinates {
    /// The latitude coordinate of the shipping address using the WGS84 coordinate system.
    #[serde(
        rename = "Latitude",
        default,
        deserialize_with = "de::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub latitude: Option<f64>,
    /// The longitude coordinate of the shipping address using the WGS84 coordinate system.
    #[serde(
        rename = "Longitude",
        default,
        deserialize_with = "de::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub longitude: Option<f64>,
}

/// Contains all of the delivery instructions provided by the customer for the shipping address.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryPreferences {
    /// Drop-off location selected by the customer.
    #[serde(rename = "DropOffLocation", default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<String>,
    /// Business hours and days when the delivery is preferred.
    #[serde(
        rename = "PreferredDeliveryTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub preferred_delivery_time: Option<PreferredDeliveryTime>,
    /// Enumerated list of miscellaneous delivery attributes associated with the shipping address.
    #[serde(
        rename = "OtherAttributes",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub other_attributes: Vec<OtherDeliveryAttributes>,
    /// Building instructions, nearby landmark or navigation instructions.
    #[serde(
        rename = "AddressInstructions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub address_instructions: Option<String>,
}

crate::redacted_debug!(DeliveryPreferences { preferred_delivery_time, other_attributes } hide { drop_off_location, address_instructions });

/// The time window when the delivery is preferred.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PreferredDeliveryTime {
    /// Business hours when the business is open for deliveries.
    #[serde(
        rename = "BusinessHours",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub business_hours: Vec<BusinessHours>,
    /// Dates when the business is closed during the next 30 days.
    #[serde(
        rename = "ExceptionDates",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub exception_dates: Vec<ExceptionDates>,
}

/// Business days and hours when the destination is open for deliveries.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct BusinessHours {
    /// Day of the week.
    #[serde(rename = "DayOfWeek", default, skip_serializing_if = "Option::is_none")]
    pub day_of_week: Option<DayOfWeek>,
    /// Time window during the day when the business is open.
    #[serde(
        rename = "OpenIntervals",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub open_intervals: Vec<OpenInterval>,
}

/// Dates when the business is closed or open with a different time window.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ExceptionDates {
    /// Date when the business is closed, in ISO 8601 date format.
    #[serde(
        rename = "ExceptionDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub exception_date: Option<DateTime<Utc>>,
    /// Boolean indicating if the business is closed or open on that date.
    #[serde(
        rename = "IsOpen",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_open: Option<bool>,
    /// Time window during the day when the business is open.
    #[serde(
        rename = "OpenIntervals",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub open_intervals: Vec<OpenInterval>,
}

/// The time interval for which the business is open.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OpenInterval {
    /// The time when the business opens.
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<OpenTimeInterval>,
    /// The time when the business closes.
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<OpenTimeInterval>,
}

/// The time when the business opens or closes.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OpenTimeInterval {
    /// The hour when the business opens or closes.
    #[serde(
        rename = "Hour",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub hour: Option<u32>,
    /// The minute when the business opens or closes.
    #[serde(
        rename = "Minute",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub minute: Option<u32>,
}

/// The monetary value of the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Money {
    /// The three-digit currency code. In ISO 4217 format.
    #[serde(rename = "CurrencyCode", default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// The currency amount.
    #[serde(
        rename = "Amount",
        default,
        deserialize_with = "de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Decimal>,
}

/// Information about a sub-payment method used to pay for a COD order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PaymentExecutionDetailItem {
    /// The monetary value of the order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "Payment", default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<Money>,
    /// The sub-payment method for an order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "PaymentMethod", default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    /// The Brazilian Taxpayer Identifier (CNPJ) of the payment processor or acquiring bank that authorizes
    /// the payment.
    #[serde(rename = "AcquirerId", default, skip_serializing_if = "Option::is_none")]
    pub acquirer_id: Option<String>,
    /// The card network or brand used in the payment transaction (for example, Visa or Mastercard).
    #[serde(rename = "CardBrand", default, skip_serializing_if = "Option::is_none")]
    pub card_brand: Option<String>,
    /// The unique code that confirms the payment authorization.
    #[serde(
        rename = "AuthorizationCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authorization_code: Option<String>,
}

/// Tax information about the buyer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BuyerTaxInfo {
    /// The legal name of the company.
    #[serde(rename = "CompanyLegalName", default, skip_serializing_if = "Option::is_none")]
    pub company_legal_name: Option<String>,
    /// The country or region imposing the tax.
    #[serde(rename = "TaxingRegion", default, skip_serializing_if = "Option::is_none")]
    pub taxing_region: Option<String>,
    /// A list of tax classifications that apply to the order.
    #[serde(
        rename = "TaxClassifications",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tax_classifications: Vec<TaxClassification>,
}

crate::redacted_debug!(BuyerTaxInfo { taxing_region } hide { company_legal_name, tax_classifications });

/// Tax information about the marketplace.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct MarketplaceTaxInfo {
    /// A list of tax classifications that apply to the order.
    #[serde(
        rename = "TaxClassifications",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tax_classifications: Vec<TaxClassification>,
}

/// The tax classification of the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TaxClassification {
    /// The type of tax.
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The buyer's tax identifier.
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// The order items list along with the order ID.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderItemsList {
    /// A list of order items.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "OrderItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub order_items: Vec<OrderItem>,
    /// When present and not empty, pass this string token in the next request to return the next response
    /// page.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// An Amazon-defined order identifier, in 3-7-7 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "AmazonOrderId", default, skip_serializing_if = "Option::is_none")]
    pub amazon_order_id: Option<AmazonOrderId>,
}

/// A single order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderItem {
    /// The item's Amazon Standard Identification Number (ASIN).
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "ASIN", default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// The item's seller stock keeping unit (SKU).
    #[serde(rename = "SellerSKU", default, skip_serializing_if = "Option::is_none")]
    pub seller_sku: Option<String>,
    /// An Amazon-defined order item identifier.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "OrderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// A list of associated items that a customer has purchased with a product. For example, a tire
    /// installation service purchased with tires.
    #[serde(
        rename = "AssociatedItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub associated_items: Vec<AssociatedItem>,
    /// The item's name.
    #[serde(rename = "Title", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The number of items in the order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "QuantityOrdered",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_ordered: Option<u32>,
    /// The number of items shipped.
    #[serde(
        rename = "QuantityShipped",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_shipped: Option<u32>,
    /// The item's product information.
    #[serde(rename = "ProductInfo", default, skip_serializing_if = "Option::is_none")]
    pub product_info: Option<ProductInfoDetail>,
    /// The number and value of Amazon Points granted with the purchase of an item.
    #[serde(rename = "PointsGranted", default, skip_serializing_if = "Option::is_none")]
    pub points_granted: Option<PointsGrantedDetail>,
    /// The selling price of the order item. Note that an order item is an item and a quantity. This means
    /// that the value of `ItemPrice` is equal to the selling price of the item multiplied by the quantity
    /// ordered. `ItemPrice` excludes `ShippingPrice` and GiftWrapPrice.
    #[serde(rename = "ItemPrice", default, skip_serializing_if = "Option::is_none")]
    pub item_price: Option<Money>,
    /// The item's shipping price.
    #[serde(rename = "ShippingPrice", default, skip_serializing_if = "Option::is_none")]
    pub shipping_price: Option<Money>,
    /// The tax on the item price.
    #[serde(rename = "ItemTax", default, skip_serializing_if = "Option::is_none")]
    pub item_tax: Option<Money>,
    /// The tax on the shipping price.
    #[serde(rename = "ShippingTax", default, skip_serializing_if = "Option::is_none")]
    pub shipping_tax: Option<Money>,
    /// The discount on the shipping price.
    #[serde(rename = "ShippingDiscount", default, skip_serializing_if = "Option::is_none")]
    pub shipping_discount: Option<Money>,
    /// The tax on the discount on the shipping price.
    #[serde(
        rename = "ShippingDiscountTax",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_discount_tax: Option<Money>,
    /// The total of all promotional discounts in the offer.
    #[serde(
        rename = "PromotionDiscount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub promotion_discount: Option<Money>,
    /// The tax on the total of all promotional discounts in the offer.
    #[serde(
        rename = "PromotionDiscountTax",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub promotion_discount_tax: Option<Money>,
    /// A list of promotion identifiers provided by the seller when the promotions were created.
    #[serde(
        rename = "PromotionIds",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub promotion_ids: Vec<String>,
    /// The fee charged for COD service.
    #[serde(rename = "CODFee", default, skip_serializing_if = "Option::is_none")]
    pub cod_fee: Option<Money>,
    /// The discount on the COD fee.
    #[serde(rename = "CODFeeDiscount", default, skip_serializing_if = "Option::is_none")]
    pub cod_fee_discount: Option<Money>,
    /// Indicates whether the item is a gift.
    #[serde(
        rename = "IsGift",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_gift: Option<bool>,
    /// The condition of the item, as described by the seller.
    #[serde(rename = "ConditionNote", default, skip_serializing_if = "Option::is_none")]
    pub condition_note: Option<String>,
    /// The condition of the item.
    #[serde(rename = "ConditionId", default, skip_serializing_if = "Option::is_none")]
    pub condition_id: Option<String>,
    /// The subcondition of the item.
    #[serde(
        rename = "ConditionSubtypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub condition_subtype_id: Option<String>,
    /// The start date of the scheduled delivery window in the time zone for the order destination. In ISO
    /// 8601 date time format.
    #[serde(
        rename = "ScheduledDeliveryStartDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_delivery_start_date: Option<DateTime<Utc>>,
    /// The end date of the scheduled delivery window in the time zone for the order destination. In ISO
    /// 8601 date time format.
    #[serde(
        rename = "ScheduledDeliveryEndDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_delivery_end_date: Option<DateTime<Utc>>,
    /// Indicates that the selling price is a special price that is only available for Amazon Business
    /// orders. For more information about the Amazon Business Seller Program, refer to the Amazon Business
    /// website.
    #[serde(rename = "PriceDesignation", default, skip_serializing_if = "Option::is_none")]
    pub price_designation: Option<String>,
    /// Information about withheld taxes.
    #[serde(rename = "TaxCollection", default, skip_serializing_if = "Option::is_none")]
    pub tax_collection: Option<TaxCollection>,
    /// When true, the product type for this item has a serial number.
    #[serde(
        rename = "SerialNumberRequired",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub serial_number_required: Option<bool>,
    /// When true, the ASIN is enrolled in Transparency. The Transparency serial number that you must submit
    /// is determined by:
    #[serde(
        rename = "IsTransparency",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_transparency: Option<bool>,
    /// The IOSS number of the marketplace. Sellers shipping to the EU from outside the EU must provide this
    /// IOSS number to their carrier when Amazon has collected the VAT on the sale.
    #[serde(rename = "IossNumber", default, skip_serializing_if = "Option::is_none")]
    pub ioss_number: Option<String>,
    /// The store chain store identifier. Linked to a specific store in a store chain.
    #[serde(
        rename = "StoreChainStoreId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub store_chain_store_id: Option<String>,
    /// The category of deemed reseller. This applies to selling partners that are not based in the EU and
    /// is used to help them meet the VAT Deemed Reseller tax laws in the EU and UK.
    #[serde(
        rename = "DeemedResellerCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub deemed_reseller_category: Option<DeemedResellerCategory>,
    /// A single item's buyer information.
    #[serde(rename = "BuyerInfo", default, skip_serializing_if = "Option::is_none")]
    pub buyer_info: Option<ItemBuyerInfo>,
    /// Information about whether or not a buyer requested cancellation.
    #[serde(
        rename = "BuyerRequestedCancel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_requested_cancel: Option<BuyerRequestedCancel>,
    /// A list of serial numbers for electronic products that are shipped to customers. Returned for FBA
    /// orders only.
    #[serde(
        rename = "SerialNumbers",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub serial_numbers: Vec<String>,
    /// Substitution preferences for the order item. This is an optional field that is only present if a
    /// seller supports substitutions, as is the case with some grocery sellers.
    #[serde(
        rename = "SubstitutionPreferences",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub substitution_preferences: Option<SubstitutionPreferences>,
    /// Measurement information for the order item.
    #[serde(rename = "Measurement", default, skip_serializing_if = "Option::is_none")]
    pub measurement: Option<Measurement>,
    /// Shipping constraints applicable to this order.
    #[serde(
        rename = "ShippingConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_constraints: Option<ShippingConstraints>,
    /// Contains the list of programs that are associated with an item.
    #[serde(rename = "AmazonPrograms", default, skip_serializing_if = "Option::is_none")]
    pub amazon_programs: Option<AmazonPrograms>,
}

/// Contains the list of programs that Amazon associates with an item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AmazonPrograms {
    /// A list of the programs that Amazon associates with the order item.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "Programs",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub programs: Vec<String>,
}

/// Substitution preferences for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SubstitutionPreferences {
    /// The type of substitution that these preferences represent.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "SubstitutionType", default, skip_serializing_if = "Option::is_none")]
    pub substitution_type: Option<SubstitutionType>,
    /// Substitution options for the order item.
    #[serde(
        rename = "SubstitutionOptions",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub substitution_options: Vec<SubstitutionOption>,
}

/// Substitution options for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SubstitutionOption {
    /// The item's Amazon Standard Identification Number (ASIN).
    #[serde(rename = "ASIN", default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// The number of items to be picked for this substitution option.
    #[serde(
        rename = "QuantityOrdered",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_ordered: Option<u32>,
    /// The item's seller stock keeping unit (SKU).
    #[serde(rename = "SellerSKU", default, skip_serializing_if = "Option::is_none")]
    pub seller_sku: Option<String>,
    /// The item's title.
    #[serde(rename = "Title", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Measurement information for the substitution option.
    #[serde(rename = "Measurement", default, skip_serializing_if = "Option::is_none")]
    pub measurement: Option<Measurement>,
}

/// Measurement information for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Measurement {
    /// The unit of measure.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "Unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<MeasurementUnit>,
    /// The measurement value.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "Value",
        default,
        deserialize_with = "de::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<f64>,
}

/// An item that is associated with an order item. For example, a tire installation service that is
/// purchased with tires.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AssociatedItem {
    /// The order item's order identifier, in 3-7-7 format.
    #[serde(rename = "OrderId", default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<AmazonOrderId>,
    /// An Amazon-defined item identifier for the associated item.
    #[serde(rename = "OrderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// The type of association an item has with an order item.
    #[serde(rename = "AssociationType", default, skip_serializing_if = "Option::is_none")]
    pub association_type: Option<AssociationType>,
}

/// A single order item's buyer information list with the order ID.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderItemsBuyerInfoList {
    /// A single order item's buyer information list.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "OrderItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub order_items: Vec<OrderItemBuyerInfo>,
    /// When present and not empty, pass this string token in the next request to return the next response
    /// page.
    #[serde(rename = "NextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// An Amazon-defined order identifier, in 3-7-7 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "AmazonOrderId", default, skip_serializing_if = "Option::is_none")]
    pub amazon_order_id: Option<AmazonOrderId>,
}

/// A single order item's buyer information.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderItemBuyerInfo {
    /// An Amazon-defined order item identifier.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "OrderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// Buyer information for custom orders from the Amazon Custom program.
    #[serde(
        rename = "BuyerCustomizedInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_customized_info: Option<BuyerCustomizedInfoDetail>,
    /// The gift wrap price of the item.
    #[serde(rename = "GiftWrapPrice", default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_price: Option<Money>,
    /// The tax on the gift wrap price.
    #[serde(rename = "GiftWrapTax", default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_tax: Option<Money>,
    /// A gift message provided by the buyer.
    #[serde(rename = "GiftMessageText", default, skip_serializing_if = "Option::is_none")]
    pub gift_message_text: Option<String>,
    /// The gift wrap level specified by the buyer.
    #[serde(rename = "GiftWrapLevel", default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_level: Option<String>,
}

crate::redacted_debug!(OrderItemBuyerInfo { order_item_id, gift_wrap_price, gift_wrap_tax, gift_wrap_level } hide { buyer_customized_info, gift_message_text });

/// The number of Amazon Points offered with the purchase of an item, and their monetary value.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PointsGrantedDetail {
    /// The number of Amazon Points granted with the purchase of an item.
    #[serde(
        rename = "PointsNumber",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub points_number: Option<u32>,
    /// The monetary value of the Amazon Points granted.
    #[serde(
        rename = "PointsMonetaryValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub points_monetary_value: Option<Money>,
}

/// Product information on the number of items.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ProductInfoDetail {
    /// The total number of items that are included in the ASIN.
    #[serde(
        rename = "NumberOfItems",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub number_of_items: Option<u32>,
}

/// Buyer information for custom orders from the Amazon Custom program.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BuyerCustomizedInfoDetail {
    /// The location of a ZIP file containing Amazon Custom data.
    #[serde(rename = "CustomizedURL", default, skip_serializing_if = "Option::is_none")]
    pub customized_url: Option<String>,
}

crate::redacted_debug!(BuyerCustomizedInfoDetail {  } hide { customized_url });

/// Information about withheld taxes.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TaxCollection {
    /// The tax collection model applied to the item.
    #[serde(rename = "Model", default, skip_serializing_if = "Option::is_none")]
    pub model: Option<TaxCollectionModel>,
    /// The party responsible for withholding the taxes and remitting them to the taxing authority.
    #[serde(rename = "ResponsibleParty", default, skip_serializing_if = "Option::is_none")]
    pub responsible_party: Option<TaxResponsibleParty>,
}

/// Contains the business invoice tax information. Available only in the TR marketplace.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BuyerTaxInformation {
    /// Business buyer's company legal name.
    #[serde(
        rename = "BuyerLegalCompanyName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_legal_company_name: Option<String>,
    /// Business buyer's address.
    #[serde(
        rename = "BuyerBusinessAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_business_address: Option<String>,
    /// Business buyer's tax registration ID.
    #[serde(
        rename = "BuyerTaxRegistrationId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_tax_registration_id: Option<String>,
    /// Business buyer's tax office.
    #[serde(rename = "BuyerTaxOffice", default, skip_serializing_if = "Option::is_none")]
    pub buyer_tax_office: Option<String>,
}

crate::redacted_debug!(BuyerTaxInformation {  } hide { buyer_legal_company_name, buyer_business_address, buyer_tax_registration_id, buyer_tax_office });

/// Contains the instructions about the fulfillment, such as the location from where you want the order
/// filled.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentInstruction {
    /// The `sourceId` of the location from where you want the order fulfilled.
    #[serde(
        rename = "FulfillmentSupplySourceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_supply_source_id: Option<String>,
}

/// Delivery constraints applicable to this order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ShippingConstraints {
    /// Indicates if the line item needs to be delivered by pallet.
    #[serde(rename = "PalletDelivery", default, skip_serializing_if = "Option::is_none")]
    pub pallet_delivery: Option<ConstraintType>,
    /// Indicates that the recipient of the line item must sign to confirm its delivery.
    #[serde(
        rename = "SignatureConfirmation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub signature_confirmation: Option<ConstraintType>,
    /// Indicates that the person receiving the line item must be the same as the intended recipient of the
    /// order.
    #[serde(
        rename = "RecipientIdentityVerification",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recipient_identity_verification: Option<ConstraintType>,
    /// Indicates that the carrier must confirm the recipient is of the legal age to receive the line item
    /// upon delivery.
    #[serde(
        rename = "RecipientAgeVerification",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recipient_age_verification: Option<ConstraintType>,
}

/// Buyer information.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BuyerInfo {
    /// The anonymized email address of the buyer.
    #[serde(rename = "BuyerEmail", default, skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// The buyer name or the recipient name.
    #[serde(rename = "BuyerName", default, skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// The county of the buyer.
    #[serde(rename = "BuyerCounty", default, skip_serializing_if = "Option::is_none")]
    pub buyer_county: Option<String>,
    /// Tax information about the buyer. Sellers could use this data to issue electronic invoices for
    /// business orders.
    #[serde(rename = "BuyerTaxInfo", default, skip_serializing_if = "Option::is_none")]
    pub buyer_tax_info: Option<BuyerTaxInfo>,
    /// The purchase order (PO) number entered by the buyer at checkout. Only returned for orders where the
    /// buyer entered a PO number at checkout.
    #[serde(
        rename = "PurchaseOrderNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_order_number: Option<String>,
}

crate::redacted_debug!(BuyerInfo {  } hide { buyer_email, buyer_name, buyer_county, buyer_tax_info, purchase_order_number });

/// A single item's buyer information.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemBuyerInfo {
    /// Buyer information for custom orders from the Amazon Custom program.
    #[serde(
        rename = "BuyerCustomizedInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_customized_info: Option<BuyerCustomizedInfoDetail>,
    /// The gift wrap price of the item.
    #[serde(rename = "GiftWrapPrice", default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_price: Option<Money>,
    /// The tax on the gift wrap price.
    #[serde(rename = "GiftWrapTax", default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_tax: Option<Money>,
    /// A gift message provided by the buyer.
    #[serde(rename = "GiftMessageText", default, skip_serializing_if = "Option::is_none")]
    pub gift_message_text: Option<String>,
    /// The gift wrap level specified by the buyer.
    #[serde(rename = "GiftWrapLevel", default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_level: Option<String>,
}

crate::redacted_debug!(ItemBuyerInfo { gift_wrap_price, gift_wrap_tax, gift_wrap_level } hide { buyer_customized_info, gift_message_text });

/// Contains information regarding the Shipping Settings Automation program, such as whether the order's
/// shipping settings were generated automatically, and what those settings are.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AutomatedShippingSettings {
    /// When true, this order has automated shipping settings generated by Amazon. This order could be
    /// identified as an SSA order.
    #[serde(
        rename = "HasAutomatedShippingSettings",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub has_automated_shipping_settings: Option<bool>,
    /// Auto-generated carrier for SSA orders.
    #[serde(rename = "AutomatedCarrier", default, skip_serializing_if = "Option::is_none")]
    pub automated_carrier: Option<String>,
    /// Auto-generated ship method for SSA orders.
    #[serde(
        rename = "AutomatedShipMethod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub automated_ship_method: Option<String>,
}

/// Information about whether or not a buyer requested cancellation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct BuyerRequestedCancel {
    /// Indicate whether the buyer has requested cancellation.
    #[serde(
        rename = "IsBuyerRequestedCancel",
        default,
        deserialize_with = "de::opt_bool",
        skip_serializing_if = "Option::is_none"
    )]
    pub is_buyer_requested_cancel: Option<bool>,
    /// The reason that the buyer requested cancellation.
    #[serde(
        rename = "BuyerCancelReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_cancel_reason: Option<String>,
}

/// The request schema for an shipment confirmation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ConfirmShipmentRequest {
    /// Properties of packages
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "packageDetail", default, skip_serializing_if = "Option::is_none")]
    pub package_detail: Option<PackageDetail>,
    /// The COD collection method (only supported in the JP marketplace).
    #[serde(
        rename = "codCollectionMethod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cod_collection_method: Option<CodCollectionMethod>,
    /// The unobfuscated marketplace identifier.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "marketplaceId", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_id: Option<MarketplaceId>,
}

/// The error response schema for the `confirmShipment` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ConfirmShipmentErrorResponse {
    /// One or more unexpected errors occurred during the `confirmShipment` operation.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// Properties of packages
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PackageDetail {
    /// A seller-supplied identifier that uniquely identifies a package within the scope of an order. Only
    /// positive numeric values are supported.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "packageReferenceId",
        default,
        deserialize_with = "de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub package_reference_id: Option<String>,
    /// Identifies the carrier that will deliver the package. This field is required for all marketplaces.
    /// For more information, refer to the `CarrierCode` announcement.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "carrierCode", default, skip_serializing_if = "Option::is_none")]
    pub carrier_code: Option<String>,
    /// Carrier name that will deliver the package. Required when `carrierCode` is "Other"
    #[serde(rename = "carrierName", default, skip_serializing_if = "Option::is_none")]
    pub carrier_name: Option<String>,
    /// Ship method to be used for shipping the order.
    #[serde(rename = "shippingMethod", default, skip_serializing_if = "Option::is_none")]
    pub shipping_method: Option<String>,
    /// The tracking number used to obtain tracking and delivery information.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "trackingNumber", default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// The shipping date for the package. Must be in ISO 8601 date/time format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "shipDate",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_date: Option<DateTime<Utc>>,
    /// The unique identifier for the supply source.
    #[serde(
        rename = "shipFromSupplySourceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_from_supply_source_id: Option<String>,
    /// The list of order items and quantities to be updated.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "orderItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub order_items: Vec<ConfirmShipmentOrderItem>,
}

/// A single order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ConfirmShipmentOrderItem {
    /// The order item's unique identifier.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "orderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// The item's quantity.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "quantity",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<u32>,
    /// The list of transparency codes.
    #[serde(
        rename = "transparencyCodes",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub transparency_codes: Vec<String>,
}

crate::lenient_enum! {
    /// The address type of the shipping address.
    pub enum AddressType {
        /// `Residential`.
        Residential = "Residential",
        /// `Commercial`.
        Commercial = "Commercial",
    }
}

crate::lenient_enum! {
    /// The type of association an item has with an order item.
    pub enum AssociationType {
        /// `VALUE_ADD_SERVICE`.
        ValueAddService = "VALUE_ADD_SERVICE",
    }
}

crate::lenient_enum! {
    /// The buyer's invoicing preference. Sellers can use this data to issue electronic invoices for orders
    /// in Turkey.
    pub enum BuyerInvoicePreference {
        /// `INDIVIDUAL`.
        Individual = "INDIVIDUAL",
        /// `BUSINESS`.
        Business = "BUSINESS",
    }
}

crate::lenient_enum! {
    /// The COD collection method (only supported in the JP marketplace).
    pub enum CodCollectionMethod {
        /// `DirectPayment`.
        DirectPayment = "DirectPayment",
    }
}

crate::lenient_enum! {
    /// Details the importance of the constraint present on the item
    pub enum ConstraintType {
        /// `MANDATORY`.
        Mandatory = "MANDATORY",
    }
}

crate::lenient_enum! {
    /// Day of the week.
    pub enum DayOfWeek {
        /// `SUN`.
        Sun = "SUN",
        /// `MON`.
        Mon = "MON",
        /// `TUE`.
        Tue = "TUE",
        /// `WED`.
        Wed = "WED",
        /// `THU`.
        Thu = "THU",
        /// `FRI`.
        Fri = "FRI",
        /// `SAT`.
        Sat = "SAT",
    }
}

crate::lenient_enum! {
    /// The category of deemed reseller. This applies to selling partners that are not based in the EU and
    /// is used to help them meet the VAT Deemed Reseller tax laws in the EU and UK.
    pub enum DeemedResellerCategory {
        /// `IOSS`.
        Ioss = "IOSS",
        /// `UOSS`.
        Uoss = "UOSS",
    }
}

crate::lenient_enum! {
    /// The status of the Amazon Easy Ship order. This property is only included for Amazon Easy Ship
    /// orders.
    pub enum EasyShipShipmentStatus {
        /// `PendingSchedule`.
        PendingSchedule = "PendingSchedule",
        /// `PendingPickUp`.
        PendingPickUp = "PendingPickUp",
        /// `PendingDropOff`.
        PendingDropOff = "PendingDropOff",
        /// `LabelCanceled`.
        LabelCanceled = "LabelCanceled",
        /// `PickedUp`.
        PickedUp = "PickedUp",
        /// `DroppedOff`.
        DroppedOff = "DroppedOff",
        /// `AtOriginFC`.
        AtOriginFC = "AtOriginFC",
        /// `AtDestinationFC`.
        AtDestinationFC = "AtDestinationFC",
        /// `Delivered`.
        Delivered = "Delivered",
        /// `RejectedByBuyer`.
        RejectedByBuyer = "RejectedByBuyer",
        /// `Undeliverable`.
        Undeliverable = "Undeliverable",
        /// `ReturningToSeller`.
        ReturningToSeller = "ReturningToSeller",
        /// `ReturnedToSeller`.
        ReturnedToSeller = "ReturnedToSeller",
        /// `Lost`.
        Lost = "Lost",
        /// `OutForDelivery`.
        OutForDelivery = "OutForDelivery",
        /// `Damaged`.
        Damaged = "Damaged",
    }
}

crate::lenient_enum! {
    /// The status of the electronic invoice. Only available for Easy Ship orders and orders in the BR
    /// marketplace.
    pub enum ElectronicInvoiceStatus {
        /// `NotRequired`.
        NotRequired = "NotRequired",
        /// `NotFound`.
        NotFound = "NotFound",
        /// `Processing`.
        Processing = "Processing",
        /// `Errored`.
        Errored = "Errored",
        /// `Accepted`.
        Accepted = "Accepted",
    }
}

crate::lenient_enum! {
    /// Whether the order was fulfilled by Amazon (`AFN`) or by the seller (`MFN`).
    pub enum FulfillmentChannel {
        /// `MFN`.
        Mfn = "MFN",
        /// `AFN`.
        Afn = "AFN",
    }
}

crate::lenient_enum! {
    /// The unit of measure.
    pub enum MeasurementUnit {
        /// `OUNCES`.
        Ounces = "OUNCES",
        /// `POUNDS`.
        Pounds = "POUNDS",
        /// `KILOGRAMS`.
        Kilograms = "KILOGRAMS",
        /// `GRAMS`.
        Grams = "GRAMS",
        /// `MILLIGRAMS`.
        Milligrams = "MILLIGRAMS",
        /// `INCHES`.
        Inches = "INCHES",
        /// `FEET`.
        Feet = "FEET",
        /// `METERS`.
        Meters = "METERS",
        /// `CENTIMETERS`.
        Centimeters = "CENTIMETERS",
        /// `MILLIMETERS`.
        Millimeters = "MILLIMETERS",
        /// `SQUARE_METERS`.
        SquareMeters = "SQUARE_METERS",
        /// `SQUARE_CENTIMETERS`.
        SquareCentimeters = "SQUARE_CENTIMETERS",
        /// `SQUARE_FEET`.
        SquareFeet = "SQUARE_FEET",
        /// `SQUARE_INCHES`.
        SquareInches = "SQUARE_INCHES",
        /// `GALLONS`.
        Gallons = "GALLONS",
        /// `PINTS`.
        Pints = "PINTS",
        /// `QUARTS`.
        Quarts = "QUARTS",
        /// `FLUID_OUNCES`.
        FluidOunces = "FLUID_OUNCES",
        /// `LITERS`.
        Liters = "LITERS",
        /// `CUBIC_METERS`.
        CubicMeters = "CUBIC_METERS",
        /// `CUBIC_FEET`.
        CubicFeet = "CUBIC_FEET",
        /// `CUBIC_INCHES`.
        CubicInches = "CUBIC_INCHES",
        /// `CUBIC_CENTIMETERS`.
        CubicCentimeters = "CUBIC_CENTIMETERS",
        /// `COUNT`.
        Count = "COUNT",
    }
}

crate::lenient_enum! {
    /// The current order status.
    pub enum OrderStatus {
        /// `Pending`.
        Pending = "Pending",
        /// `Unshipped`.
        Unshipped = "Unshipped",
        /// `PartiallyShipped`.
        PartiallyShipped = "PartiallyShipped",
        /// `Shipped`.
        Shipped = "Shipped",
        /// `Canceled`.
        Canceled = "Canceled",
        /// `Unfulfillable`.
        Unfulfillable = "Unfulfillable",
        /// `InvoiceUnconfirmed`.
        InvoiceUnconfirmed = "InvoiceUnconfirmed",
        /// `PendingAvailability`.
        PendingAvailability = "PendingAvailability",
    }
}

crate::lenient_enum! {
    /// The order's type.
    pub enum OrderType {
        /// `StandardOrder`.
        StandardOrder = "StandardOrder",
        /// `LongLeadTimeOrder`.
        LongLeadTimeOrder = "LongLeadTimeOrder",
        /// `Preorder`.
        Preorder = "Preorder",
        /// `BackOrder`.
        BackOrder = "BackOrder",
        /// `SourcingOnDemandOrder`.
        SourcingOnDemandOrder = "SourcingOnDemandOrder",
    }
}

crate::lenient_enum! {
    /// Miscellaneous delivery attributes associated with the shipping address.
    pub enum OtherDeliveryAttributes {
        /// `HAS_ACCESS_POINT`.
        HasAccessPoint = "HAS_ACCESS_POINT",
        /// `PALLET_ENABLED`.
        PalletEnabled = "PALLET_ENABLED",
        /// `PALLET_DISABLED`.
        PalletDisabled = "PALLET_DISABLED",
    }
}

crate::lenient_enum! {
    /// The payment method for the order. This property is limited to COD and CVS payment methods. Unless
    /// you need the specific COD payment information provided by the `PaymentExecutionDetailItem` object,
    /// we recommend using the `PaymentMethodDetails` property to get payment method information.
    pub enum PaymentMethod {
        /// `COD`.
        Cod = "COD",
        /// `CVS`.
        Cvs = "CVS",
        /// `Other`.
        Other = "Other",
    }
}

crate::lenient_enum! {
    /// The type of field.
    pub enum RegulatedFieldType {
        /// `Text`.
        Text = "Text",
        /// `FileAttachment`.
        FileAttachment = "FileAttachment",
    }
}

crate::lenient_enum! {
    /// The shipment status to apply.
    pub enum ShipmentStatus {
        /// `ReadyForPickup`.
        ReadyForPickup = "ReadyForPickup",
        /// `PickedUp`.
        PickedUp = "PickedUp",
        /// `RefusedPickup`.
        RefusedPickup = "RefusedPickup",
    }
}

crate::lenient_enum! {
    /// The type of substitution that these preferences represent.
    pub enum SubstitutionType {
        /// `CUSTOMER_PREFERENCE`.
        CustomerPreference = "CUSTOMER_PREFERENCE",
        /// `AMAZON_RECOMMENDED`.
        AmazonRecommended = "AMAZON_RECOMMENDED",
        /// `DO_NOT_SUBSTITUTE`.
        DoNotSubstitute = "DO_NOT_SUBSTITUTE",
    }
}

crate::lenient_enum! {
    /// The tax collection model applied to the item.
    pub enum TaxCollectionModel {
        /// `MarketplaceFacilitator`.
        MarketplaceFacilitator = "MarketplaceFacilitator",
    }
}

crate::lenient_enum! {
    /// The party responsible for withholding the taxes and remitting them to the taxing authority.
    pub enum TaxResponsibleParty {
        /// `Amazon Services, Inc.`.
        AmazonServicesInc = "Amazon Services, Inc.",
    }
}

crate::lenient_enum! {
    /// The verification status of the order.
    pub enum VerificationStatus {
        /// `Pending`.
        Pending = "Pending",
        /// `Approved`.
        Approved = "Approved",
        /// `Rejected`.
        Rejected = "Rejected",
        /// `Expired`.
        Expired = "Expired",
        /// `Cancelled`.
        Cancelled = "Cancelled",
    }
}
