//! MWS Orders 2013-09-01: `ListOrders`, `ListOrdersByNextToken`, `ListOrderItems`,
//! `ListOrderItemsByNextToken` (`POST /Orders/2013-09-01`).
//!
//! `ListOrders` and `ListOrdersByNextToken` share one throttling bucket (quota 6, one request restored
//! every 60 s); `ListOrderItems` and `ListOrderItemsByNextToken` share another (quota 30, one every 2 s).

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use futures::stream::{self, Stream};
use rust_decimal::Decimal;

use super::client::{MwsClient, MwsResponse};
use super::error::MwsError;
use super::model::{mws_enum, pii_of, Address, Money, Pii, ResponseMetadata};
use super::operation::{self, MwsOperation};
use super::xml::Element;

/// Most marketplaces one `ListOrders` request may name.
pub const MAX_MARKETPLACES: usize = 50;
/// Largest `MaxResultsPerPage`.
pub const MAX_RESULTS_PER_PAGE: u32 = 100;
/// How far before "now" `CreatedBefore` / `LastUpdatedBefore` must lie at the latest.
pub const MIN_BEFORE_AGE: chrono::Duration = chrono::Duration::minutes(2);

mws_enum! {
    /// `OrderStatus` of an order.
    pub enum OrderStatus {
        /// Placed but not yet paid (or waiting for payment authorisation).
        PendingAvailability = "PendingAvailability",
        /// Placed, payment not yet authorised.
        Pending = "Pending",
        /// Payment authorised, nothing shipped.
        Unshipped = "Unshipped",
        /// Some items shipped.
        PartiallyShipped = "PartiallyShipped",
        /// Everything shipped.
        Shipped = "Shipped",
        /// Shipped, invoice not yet confirmed (China).
        InvoiceUnconfirmed = "InvoiceUnconfirmed",
        /// Canceled.
        Canceled = "Canceled",
        /// Cannot be fulfilled (multi-channel fulfillment orders).
        Unfulfillable = "Unfulfillable",
    }
}

mws_enum! {
    /// `FulfillmentChannel`: who ships the order.
    pub enum FulfillmentChannel {
        /// Fulfilled by Amazon.
        Afn = "AFN",
        /// Fulfilled by the merchant.
        Mfn = "MFN",
    }
}

mws_enum! {
    /// `PaymentMethod` of an order.
    pub enum PaymentMethod {
        /// Cash on delivery.
        Cod = "COD",
        /// Convenience store (Japan).
        Cvs = "CVS",
        /// Any other method.
        Other = "Other",
    }
}

mws_enum! {
    /// `OrderType`.
    pub enum OrderType {
        /// A regular order.
        StandardOrder = "StandardOrder",
        /// An order with a long lead time.
        LongLeadTimeOrder = "LongLeadTimeOrder",
        /// A pre-order.
        Preorder = "Preorder",
        /// A back order.
        BackOrder = "BackOrder",
        /// A sourcing-on-demand order.
        SourcingOnDemandOrder = "SourcingOnDemandOrder",
    }
}

mws_enum! {
    /// `ShipmentServiceLevelCategory`.
    pub enum ShipmentServiceLevelCategory {
        /// Expedited.
        Expedited = "Expedited",
        /// Free economy.
        FreeEconomy = "FreeEconomy",
        /// Next day.
        NextDay = "NextDay",
        /// Same day.
        SameDay = "SameDay",
        /// Second day.
        SecondDay = "SecondDay",
        /// Scheduled delivery.
        Scheduled = "Scheduled",
        /// Standard.
        Standard = "Standard",
    }
}

/// One `Order` of a `ListOrders` answer.
///
/// Buyers' data ([`Order::buyer_email`], [`Order::buyer_name`], the shipping address) is wrapped in
/// [`Pii`], so `Debug` never prints it.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Order {
    /// `AmazonOrderId` (3-7-7 digits). Empty only if Amazon left it out.
    pub amazon_order_id: String,
    /// `SellerOrderId`.
    pub seller_order_id: Option<String>,
    /// `PurchaseDate`.
    pub purchase_date: Option<DateTime<Utc>>,
    /// `LastUpdateDate`.
    pub last_update_date: Option<DateTime<Utc>>,
    /// `OrderStatus`.
    pub order_status: Option<OrderStatus>,
    /// `FulfillmentChannel`.
    pub fulfillment_channel: Option<FulfillmentChannel>,
    /// `SalesChannel`, for example `Amazon.com`.
    pub sales_channel: Option<String>,
    /// `OrderChannel`.
    pub order_channel: Option<String>,
    /// `ShipServiceLevel`.
    pub ship_service_level: Option<String>,
    /// `ShippingAddress` (personal data).
    pub shipping_address: Option<Address>,
    /// `OrderTotal`.
    pub order_total: Option<Money>,
    /// `NumberOfItemsShipped`.
    pub number_of_items_shipped: Option<u32>,
    /// `NumberOfItemsUnshipped`.
    pub number_of_items_unshipped: Option<u32>,
    /// `PaymentExecutionDetail/PaymentExecutionDetailItem` (COD orders).
    pub payment_execution_detail: Vec<PaymentExecutionDetailItem>,
    /// `PaymentMethod`.
    pub payment_method: Option<PaymentMethod>,
    /// `PaymentMethodDetails/PaymentMethodDetail`.
    pub payment_method_details: Vec<String>,
    /// `MarketplaceId`.
    pub marketplace_id: Option<String>,
    /// `BuyerEmail` (personal data; an anonymised Amazon relay address).
    pub buyer_email: Option<Pii>,
    /// `BuyerName` (personal data).
    pub buyer_name: Option<Pii>,
    /// `BuyerCounty` (Brazil).
    pub buyer_county: Option<String>,
    /// `ShipmentServiceLevelCategory`.
    pub shipment_service_level_category: Option<ShipmentServiceLevelCategory>,
    /// `EasyShipShipmentStatus`.
    pub easy_ship_shipment_status: Option<String>,
    /// `CbaDisplayableShippingLabel`.
    pub cba_displayable_shipping_label: Option<String>,
    /// `OrderType`.
    pub order_type: Option<OrderType>,
    /// `EarliestShipDate`.
    pub earliest_ship_date: Option<DateTime<Utc>>,
    /// `LatestShipDate`.
    pub latest_ship_date: Option<DateTime<Utc>>,
    /// `EarliestDeliveryDate`.
    pub earliest_delivery_date: Option<DateTime<Utc>>,
    /// `LatestDeliveryDate`.
    pub latest_delivery_date: Option<DateTime<Utc>>,
    /// `IsBusinessOrder`.
    pub is_business_order: Option<bool>,
    /// `IsPrime`.
    pub is_prime: Option<bool>,
    /// `IsPremiumOrder`.
    pub is_premium_order: Option<bool>,
    /// `IsGlobalExpressEnabled`.
    pub is_global_express_enabled: Option<bool>,
    /// `IsReplacementOrder`.
    pub is_replacement_order: Option<bool>,
    /// `ReplacedOrderId`.
    pub replaced_order_id: Option<String>,
    /// `PromiseResponseDueDate`.
    pub promise_response_due_date: Option<DateTime<Utc>>,
    /// `IsEstimatedShipDateSet`.
    pub is_estimated_ship_date_set: Option<bool>,
    /// `IsSoldByAB`.
    pub is_sold_by_ab: Option<bool>,
    /// `IsISPU` (in-store pickup).
    pub is_ispu: Option<bool>,
    /// `DefaultShipFromLocationAddress`.
    pub default_ship_from_location_address: Option<Address>,
}

/// One `PaymentExecutionDetailItem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentExecutionDetailItem {
    /// `Payment`.
    pub payment: Option<Money>,
    /// `PaymentMethod` (`COD`, `GC`, `PointsAccount`, ...).
    pub payment_method: Option<String>,
}

impl Order {
    /// Reads one `<Order>` element. Never fails: missing or unreadable values become `None`.
    pub fn from_element(e: &Element) -> Self {
        Order {
            amazon_order_id: e.text_of("AmazonOrderId").unwrap_or_default(),
            seller_order_id: e.text_of("SellerOrderId"),
            purchase_date: e.time_of("PurchaseDate"),
            last_update_date: e.time_of("LastUpdateDate"),
            order_status: e.text_of("OrderStatus").map(|s| OrderStatus::parse(&s)),
            fulfillment_channel: e
                .text_of("FulfillmentChannel")
                .map(|s| FulfillmentChannel::parse(&s)),
            sales_channel: e.text_of("SalesChannel"),
            order_channel: e.text_of("OrderChannel"),
            ship_service_level: e.text_of("ShipServiceLevel"),
            shipping_address: e.child("ShippingAddress").map(Address::from_element),
            order_total: Money::from_element(e, "OrderTotal"),
            number_of_items_shipped: e.parse_of("NumberOfItemsShipped"),
            number_of_items_unshipped: e.parse_of("NumberOfItemsUnshipped"),
            payment_execution_detail: e
                .child("PaymentExecutionDetail")
                .map(|d| {
                    d.children_named("PaymentExecutionDetailItem")
                        .map(|i| PaymentExecutionDetailItem {
                            payment: Money::from_element(i, "Payment"),
                            payment_method: i.text_of("PaymentMethod"),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            payment_method: e.text_of("PaymentMethod").map(|s| PaymentMethod::parse(&s)),
            payment_method_details: e.texts_of("PaymentMethodDetails", "PaymentMethodDetail"),
            marketplace_id: e.text_of("MarketplaceId"),
            buyer_email: pii_of(e, "BuyerEmail"),
            buyer_name: pii_of(e, "BuyerName"),
            buyer_county: e.text_of("BuyerCounty"),
            shipment_service_level_category: e
                .text_of("ShipmentServiceLevelCategory")
                .map(|s| ShipmentServiceLevelCategory::parse(&s)),
            easy_ship_shipment_status: e.text_of("EasyShipShipmentStatus"),
            cba_displayable_shipping_label: e.text_of("CbaDisplayableShippingLabel"),
            order_type: e.text_of("OrderType").map(|s| OrderType::parse(&s)),
            earliest_ship_date: e.time_of("EarliestShipDate"),
            latest_ship_date: e.time_of("LatestShipDate"),
            earliest_delivery_date: e.time_of("EarliestDeliveryDate"),
            latest_delivery_date: e.time_of("LatestDeliveryDate"),
            is_business_order: e.bool_of("IsBusinessOrder"),
            is_prime: e.bool_of("IsPrime"),
            is_premium_order: e.bool_of("IsPremiumOrder"),
            is_global_express_enabled: e.bool_of("IsGlobalExpressEnabled"),
            is_replacement_order: e.bool_of("IsReplacementOrder"),
            replaced_order_id: e.text_of("ReplacedOrderId"),
            promise_response_due_date: e.time_of("PromiseResponseDueDate"),
            is_estimated_ship_date_set: e.bool_of("IsEstimatedShipDateSet"),
            is_sold_by_ab: e.bool_of("IsSoldByAB"),
            is_ispu: e.bool_of("IsISPU"),
            default_ship_from_location_address: e
                .child("DefaultShipFromLocationAddress")
                .map(Address::from_element),
        }
    }
}

/// One page of orders: the answer to `ListOrders` or `ListOrdersByNextToken`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ListOrdersPage {
    /// The orders on this page.
    pub orders: Vec<Order>,
    /// Token for the next page (`ListOrdersByNextToken`), `None` on the last page.
    pub next_token: Option<String>,
    /// `CreatedBefore` as Amazon applied it (when the request filtered by creation time).
    pub created_before: Option<DateTime<Utc>>,
    /// `LastUpdatedBefore` as Amazon applied it: the safe place to move an import cursor to.
    pub last_updated_before: Option<DateTime<Utc>>,
    /// `ResponseMetadata/RequestId`.
    pub request_id: Option<String>,
}

impl ListOrdersPage {
    /// Reads a `ListOrdersResponse` or `ListOrdersByNextTokenResponse` document.
    ///
    /// # Errors
    ///
    /// [`MwsError::Decode`] when the XML is malformed or is not one of those two answers.
    pub fn from_xml(body: &[u8]) -> Result<Self, MwsError> {
        Self::decode(&operation::LIST_ORDERS, body, None)
    }

    pub(crate) fn decode(op: &MwsOperation, body: &[u8], request_id: Option<&str>) -> Result<Self, MwsError> {
        let (root, result) =
            operation::result_element(op, body, request_id, &["ListOrders", "ListOrdersByNextToken"])?;
        Ok(ListOrdersPage {
            orders: result
                .child("Orders")
                .map(|o| o.children_named("Order").map(Order::from_element).collect())
                .unwrap_or_default(),
            next_token: result.text_of("NextToken"),
            created_before: result.time_of("CreatedBefore"),
            last_updated_before: result.time_of("LastUpdatedBefore"),
            request_id: ResponseMetadata::from_root(&root).request_id,
        })
    }
}

/// `PointsGranted` of an order item (Japan).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointsGranted {
    /// `PointsNumber`.
    pub points_number: Option<u32>,
    /// `PointsMonetaryValue`.
    pub points_monetary_value: Option<Money>,
}

/// `TaxCollection` of an order item (marketplace facilitator tax).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxCollection {
    /// `Model`, for example `MarketplaceFacilitator`.
    pub model: Option<String>,
    /// `ResponsibleParty`, for example `Amazon Services, Inc.`.
    pub responsible_party: Option<String>,
}

/// One `OrderItem` of a `ListOrderItems` answer.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct OrderItem {
    /// `ASIN`.
    pub asin: Option<String>,
    /// `SellerSKU`.
    pub seller_sku: Option<String>,
    /// `OrderItemId`. Empty only if Amazon left it out.
    pub order_item_id: String,
    /// `Title`.
    pub title: Option<String>,
    /// `QuantityOrdered`.
    pub quantity_ordered: Option<u32>,
    /// `QuantityShipped`.
    pub quantity_shipped: Option<u32>,
    /// `PointsGranted`.
    pub points_granted: Option<PointsGranted>,
    /// `ProductInfo/NumberOfItems`.
    pub number_of_items: Option<u32>,
    /// `ItemPrice`.
    pub item_price: Option<Money>,
    /// `ShippingPrice`.
    pub shipping_price: Option<Money>,
    /// `GiftWrapPrice`.
    pub gift_wrap_price: Option<Money>,
    /// `ItemTax`.
    pub item_tax: Option<Money>,
    /// `ShippingTax`.
    pub shipping_tax: Option<Money>,
    /// `GiftWrapTax`.
    pub gift_wrap_tax: Option<Money>,
    /// `ShippingDiscount`.
    pub shipping_discount: Option<Money>,
    /// `ShippingDiscountTax`.
    pub shipping_discount_tax: Option<Money>,
    /// `PromotionDiscount`.
    pub promotion_discount: Option<Money>,
    /// `PromotionDiscountTax`.
    pub promotion_discount_tax: Option<Money>,
    /// `PromotionIds/PromotionId`.
    pub promotion_ids: Vec<String>,
    /// `CODFee`.
    pub cod_fee: Option<Money>,
    /// `CODFeeDiscount`.
    pub cod_fee_discount: Option<Money>,
    /// `IsGift`.
    pub is_gift: Option<bool>,
    /// `GiftMessageText` (personal data).
    pub gift_message_text: Option<Pii>,
    /// `GiftWrapLevel`.
    pub gift_wrap_level: Option<String>,
    /// `ConditionNote`.
    pub condition_note: Option<String>,
    /// `ConditionId`, for example `New`.
    pub condition_id: Option<String>,
    /// `ConditionSubtypeId`.
    pub condition_subtype_id: Option<String>,
    /// `ScheduledDeliveryStartDate`.
    pub scheduled_delivery_start_date: Option<DateTime<Utc>>,
    /// `ScheduledDeliveryEndDate`.
    pub scheduled_delivery_end_date: Option<DateTime<Utc>>,
    /// `PriceDesignation`, for example `BusinessPrice`.
    pub price_designation: Option<String>,
    /// `TaxCollection`.
    pub tax_collection: Option<TaxCollection>,
    /// `SerialNumberRequired`.
    pub serial_number_required: Option<bool>,
    /// `IsTransparency`.
    pub is_transparency: Option<bool>,
    /// `IossNumber`.
    pub ioss_number: Option<String>,
    /// `DeemedResellerCategory`, for example `IOSS` or `UOSS`.
    pub deemed_reseller_category: Option<String>,
}

impl OrderItem {
    /// Reads one `<OrderItem>` element. Never fails: missing or unreadable values become `None`.
    pub fn from_element(e: &Element) -> Self {
        OrderItem {
            asin: e.text_of("ASIN"),
            seller_sku: e.text_of("SellerSKU"),
            order_item_id: e.text_of("OrderItemId").unwrap_or_default(),
            title: e.text_of("Title"),
            quantity_ordered: e.parse_of("QuantityOrdered"),
            quantity_shipped: e.parse_of("QuantityShipped"),
            points_granted: e.child("PointsGranted").map(|p| PointsGranted {
                points_number: p.parse_of("PointsNumber"),
                points_monetary_value: Money::from_element(p, "PointsMonetaryValue"),
            }),
            number_of_items: e.child("ProductInfo").and_then(|p| p.parse_of("NumberOfItems")),
            item_price: Money::from_element(e, "ItemPrice"),
            shipping_price: Money::from_element(e, "ShippingPrice"),
            gift_wrap_price: Money::from_element(e, "GiftWrapPrice"),
            item_tax: Money::from_element(e, "ItemTax"),
            shipping_tax: Money::from_element(e, "ShippingTax"),
            gift_wrap_tax: Money::from_element(e, "GiftWrapTax"),
            shipping_discount: Money::from_element(e, "ShippingDiscount"),
            shipping_discount_tax: Money::from_element(e, "ShippingDiscountTax"),
            promotion_discount: Money::from_element(e, "PromotionDiscount"),
            promotion_discount_tax: Money::from_element(e, "PromotionDiscountTax"),
            promotion_ids: e.texts_of("PromotionIds", "PromotionId"),
            cod_fee: Money::from_element(e, "CODFee"),
            cod_fee_discount: Money::from_element(e, "CODFeeDiscount"),
            is_gift: e.bool_of("IsGift"),
            gift_message_text: pii_of(e, "GiftMessageText"),
            gift_wrap_level: e.text_of("GiftWrapLevel"),
            condition_note: e.text_of("ConditionNote"),
            condition_id: e.text_of("ConditionId"),
            condition_subtype_id: e.text_of("ConditionSubtypeId"),
            scheduled_delivery_start_date: e.time_of("ScheduledDeliveryStartDate"),
            scheduled_delivery_end_date: e.time_of("ScheduledDeliveryEndDate"),
            price_designation: e.text_of("PriceDesignation"),
            tax_collection: e.child("TaxCollection").map(|t| TaxCollection {
                model: t.text_of("Model"),
                responsible_party: t.text_of("ResponsibleParty"),
            }),
            serial_number_required: e.bool_of("SerialNumberRequired"),
            is_transparency: e.bool_of("IsTransparency"),
            ioss_number: e.text_of("IossNumber"),
            deemed_reseller_category: e.text_of("DeemedResellerCategory"),
        }
    }

    /// Item price plus shipping, gift wrap and their taxes, minus discounts, when every present amount is
    /// in the same currency as the item price. `None` without an item price or with mixed currencies.
    pub fn total(&self) -> Option<Money> {
        let base = self.item_price.as_ref()?;
        let mut sum: Decimal = base.amount;
        let add = [
            &self.shipping_price,
            &self.gift_wrap_price,
            &self.item_tax,
            &self.shipping_tax,
            &self.gift_wrap_tax,
            &self.cod_fee,
        ];
        let sub = [
            &self.shipping_discount,
            &self.shipping_discount_tax,
            &self.promotion_discount,
            &self.promotion_discount_tax,
            &self.cod_fee_discount,
        ];
        for (m, sign) in add.iter().map(|m| (m, 1)).chain(sub.iter().map(|m| (m, -1))) {
            if let Some(m) = m {
                if !m.currency_code.is_empty() && m.currency_code != base.currency_code {
                    return None;
                }
                sum = if sign > 0 {
                    sum + m.amount
                } else {
                    sum - m.amount.abs()
                };
            }
        }
        Some(Money {
            currency_code: base.currency_code.clone(),
            amount: sum,
        })
    }
}

/// One page of order items: the answer to `ListOrderItems` or `ListOrderItemsByNextToken`.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct ListOrderItemsPage {
    /// `AmazonOrderId` the items belong to.
    pub amazon_order_id: Option<String>,
    /// The items on this page.
    pub order_items: Vec<OrderItem>,
    /// Token for the next page (`ListOrderItemsByNextToken`), `None` on the last page.
    pub next_token: Option<String>,
    /// `ResponseMetadata/RequestId`.
    pub request_id: Option<String>,
}

impl ListOrderItemsPage {
    /// Reads a `ListOrderItemsResponse` or `ListOrderItemsByNextTokenResponse` document.
    ///
    /// # Errors
    ///
    /// [`MwsError::Decode`] when the XML is malformed or is not one of those two answers.
    pub fn from_xml(body: &[u8]) -> Result<Self, MwsError> {
        Self::decode(&operation::LIST_ORDER_ITEMS, body, None)
    }

    pub(crate) fn decode(op: &MwsOperation, body: &[u8], request_id: Option<&str>) -> Result<Self, MwsError> {
        let (root, result) = operation::result_element(
            op,
            body,
            request_id,
            &["ListOrderItems", "ListOrderItemsByNextToken"],
        )?;
        Ok(ListOrderItemsPage {
            amazon_order_id: result.text_of("AmazonOrderId"),
            order_items: result
                .child("OrderItems")
                .map(|o| {
                    o.children_named("OrderItem")
                        .map(OrderItem::from_element)
                        .collect()
                })
                .unwrap_or_default(),
            next_token: result.text_of("NextToken"),
            request_id: ResponseMetadata::from_root(&root).request_id,
        })
    }
}

fn mws_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Builder for `ListOrders`. Create it with [`MwsClient::list_orders`]; every setter can be called in any
/// order, and the combination is checked when the request is sent.
#[derive(Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListOrders {
    client: MwsClient,
    marketplace_ids: Vec<String>,
    created_after: Option<DateTime<Utc>>,
    created_before: Option<DateTime<Utc>>,
    last_updated_after: Option<DateTime<Utc>>,
    last_updated_before: Option<DateTime<Utc>>,
    order_statuses: Vec<OrderStatus>,
    fulfillment_channels: Vec<FulfillmentChannel>,
    payment_methods: Vec<PaymentMethod>,
    buyer_email: Option<Pii>,
    seller_order_id: Option<String>,
    max_results_per_page: Option<u32>,
    tfm_shipment_statuses: Vec<String>,
}

impl std::fmt::Debug for ListOrders {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListOrders")
            .field("marketplace_ids", &self.marketplace_ids)
            .field("created_after", &self.created_after)
            .field("created_before", &self.created_before)
            .field("last_updated_after", &self.last_updated_after)
            .field("last_updated_before", &self.last_updated_before)
            .field("order_statuses", &self.order_statuses)
            .field("buyer_email", &self.buyer_email)
            .field("seller_order_id", &self.seller_order_id)
            .field("max_results_per_page", &self.max_results_per_page)
            .finish_non_exhaustive()
    }
}

impl ListOrders {
    pub(crate) fn new(client: MwsClient) -> Self {
        ListOrders {
            client,
            marketplace_ids: Vec::new(),
            created_after: None,
            created_before: None,
            last_updated_after: None,
            last_updated_before: None,
            order_statuses: Vec::new(),
            fulfillment_channels: Vec::new(),
            payment_methods: Vec::new(),
            buyer_email: None,
            seller_order_id: None,
            max_results_per_page: None,
            tfm_shipment_statuses: Vec::new(),
        }
    }

    /// Adds a marketplace (`MarketplaceId.Id.N`); at least one, at most 50.
    pub fn marketplace_id(mut self, id: impl Into<String>) -> Self {
        self.marketplace_ids.push(id.into());
        self
    }

    /// Orders created at or after `t`. Exactly one of this and [`ListOrders::last_updated_after`].
    pub fn created_after(mut self, t: DateTime<Utc>) -> Self {
        self.created_after = Some(t);
        self
    }

    /// Orders created before `t` (at least two minutes before now; only with `created_after`).
    pub fn created_before(mut self, t: DateTime<Utc>) -> Self {
        self.created_before = Some(t);
        self
    }

    /// Orders updated at or after `t`. Exactly one of this and [`ListOrders::created_after`].
    pub fn last_updated_after(mut self, t: DateTime<Utc>) -> Self {
        self.last_updated_after = Some(t);
        self
    }

    /// Orders updated before `t` (at least two minutes before now; only with `last_updated_after`).
    pub fn last_updated_before(mut self, t: DateTime<Utc>) -> Self {
        self.last_updated_before = Some(t);
        self
    }

    /// Adds an order status filter (`OrderStatus.Status.N`). `Unshipped` and `PartiallyShipped` must be
    /// asked for together.
    pub fn order_status(mut self, status: OrderStatus) -> Self {
        self.order_statuses.push(status);
        self
    }

    /// Adds a fulfillment channel filter (`FulfillmentChannel.Channel.N`).
    pub fn fulfillment_channel(mut self, channel: FulfillmentChannel) -> Self {
        self.fulfillment_channels.push(channel);
        self
    }

    /// Adds a payment method filter (`PaymentMethod.Method.N`).
    pub fn payment_method(mut self, method: PaymentMethod) -> Self {
        self.payment_methods.push(method);
        self
    }

    /// Only orders of this buyer (`BuyerEmail`); excludes every filter but the time window.
    pub fn buyer_email(mut self, email: impl Into<String>) -> Self {
        self.buyer_email = Some(Pii::new(email));
        self
    }

    /// Only the order with this seller order id (`SellerOrderId`); excludes every filter but the time
    /// window.
    pub fn seller_order_id(mut self, id: impl Into<String>) -> Self {
        self.seller_order_id = Some(id.into());
        self
    }

    /// Page size, 1 to 100 (Amazon's default is 100).
    pub fn max_results_per_page(mut self, n: u32) -> Self {
        self.max_results_per_page = Some(n);
        self
    }

    /// Adds a TFM shipment status filter (`TFMShipmentStatus.Status.N`, China only).
    pub fn tfm_shipment_status(mut self, status: impl Into<String>) -> Self {
        self.tfm_shipment_statuses.push(status.into());
        self
    }

    /// Checks the combination and builds the operation's parameters.
    fn params(&self) -> Result<Vec<(String, String)>, MwsError> {
        let invalid = MwsError::invalid_input;
        if self.marketplace_ids.is_empty() {
            return Err(invalid(
                "MarketplaceId",
                "name at least one marketplace with .marketplace_id(..)",
            ));
        }
        if self.marketplace_ids.len() > MAX_MARKETPLACES {
            return Err(invalid(
                "MarketplaceId",
                "at most 50 marketplaces per request; split the request",
            ));
        }
        if self.marketplace_ids.iter().any(|m| m.trim().is_empty()) {
            return Err(invalid("MarketplaceId", "a marketplace id is empty"));
        }
        match (self.created_after, self.last_updated_after) {
            (None, None) => {
                return Err(invalid(
                    "CreatedAfter",
                    "set exactly one of created_after and last_updated_after (neither is set)",
                ))
            }
            (Some(_), Some(_)) => {
                return Err(invalid(
                    "CreatedAfter",
                    "set exactly one of created_after and last_updated_after (both are set)",
                ))
            }
            _ => {}
        }
        if self.created_after.is_some() && self.last_updated_before.is_some() {
            return Err(invalid(
                "LastUpdatedBefore",
                "only allowed together with last_updated_after",
            ));
        }
        if self.last_updated_after.is_some() && self.created_before.is_some() {
            return Err(invalid(
                "CreatedBefore",
                "only allowed together with created_after",
            ));
        }
        let now = self.client.now();
        for (field, after, before) in [
            ("CreatedBefore", self.created_after, self.created_before),
            (
                "LastUpdatedBefore",
                self.last_updated_after,
                self.last_updated_before,
            ),
        ] {
            if let (Some(a), Some(b)) = (after, before) {
                if b <= a {
                    return Err(invalid(field, "must be later than the matching *After time"));
                }
            }
            if let Some(b) = before {
                if b > now - MIN_BEFORE_AGE {
                    return Err(invalid(
                        field,
                        "must be at least two minutes before now; leave it out or use an earlier time",
                    ));
                }
            }
            if let Some(a) = after {
                if a > now {
                    return Err(MwsError::invalid_input(
                        field.replace("Before", "After"),
                        "lies in the future",
                    ));
                }
            }
        }
        let has_unshipped = self.order_statuses.contains(&OrderStatus::Unshipped);
        let has_partial = self.order_statuses.contains(&OrderStatus::PartiallyShipped);
        if has_unshipped != has_partial {
            return Err(invalid(
                "OrderStatus",
                "Unshipped and PartiallyShipped must be asked for together in Orders 2013-09-01",
            ));
        }
        if self.buyer_email.is_some() && self.seller_order_id.is_some() {
            return Err(invalid(
                "BuyerEmail",
                "BuyerEmail and SellerOrderId cannot be combined",
            ));
        }
        if (self.buyer_email.is_some() || self.seller_order_id.is_some())
            && (!self.order_statuses.is_empty()
                || !self.fulfillment_channels.is_empty()
                || !self.payment_methods.is_empty()
                || !self.tfm_shipment_statuses.is_empty())
        {
            return Err(invalid(
                "BuyerEmail",
                "with BuyerEmail or SellerOrderId only the time window may be given, not status, channel or \
                 payment filters",
            ));
        }
        if let Some(n) = self.max_results_per_page {
            if n == 0 || n > MAX_RESULTS_PER_PAGE {
                return Err(invalid("MaxResultsPerPage", "must be between 1 and 100"));
            }
        }

        let mut p = Vec::new();
        let mut push = |k: String, v: String| p.push((k, v));
        if let Some(t) = self.created_after {
            push("CreatedAfter".into(), mws_time(t));
        }
        if let Some(t) = self.created_before {
            push("CreatedBefore".into(), mws_time(t));
        }
        if let Some(t) = self.last_updated_after {
            push("LastUpdatedAfter".into(), mws_time(t));
        }
        if let Some(t) = self.last_updated_before {
            push("LastUpdatedBefore".into(), mws_time(t));
        }
        for (i, m) in self.marketplace_ids.iter().enumerate() {
            push(format!("MarketplaceId.Id.{}", i + 1), m.clone());
        }
        for (i, s) in self.order_statuses.iter().enumerate() {
            push(format!("OrderStatus.Status.{}", i + 1), s.as_str().to_owned());
        }
        for (i, c) in self.fulfillment_channels.iter().enumerate() {
            push(
                format!("FulfillmentChannel.Channel.{}", i + 1),
                c.as_str().to_owned(),
            );
        }
        for (i, m) in self.payment_methods.iter().enumerate() {
            push(format!("PaymentMethod.Method.{}", i + 1), m.as_str().to_owned());
        }
        for (i, s) in self.tfm_shipment_statuses.iter().enumerate() {
            push(format!("TFMShipmentStatus.Status.{}", i + 1), s.clone());
        }
        if let Some(e) = &self.buyer_email {
            push("BuyerEmail".into(), e.expose().to_owned());
        }
        if let Some(s) = &self.seller_order_id {
            push("SellerOrderId".into(), s.clone());
        }
        if let Some(n) = self.max_results_per_page {
            push("MaxResultsPerPage".into(), n.to_string());
        }
        Ok(p)
    }

    /// Sends `ListOrders` and returns the first page.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] for a combination Amazon would reject, [`MwsError::Api`] for an MWS error
    /// answer, [`MwsError::Decode`] for an unreadable answer, [`MwsError::Client`] for transport, timeout
    /// and rate-limit failures.
    pub async fn send(self) -> Result<ListOrdersPage, MwsError> {
        let resp = self.send_raw().await?;
        ListOrdersPage::decode(&operation::LIST_ORDERS, &resp.body, resp.request_id.as_deref())
    }

    /// Sends `ListOrders` and returns the answer undecoded (the raw XML), for callers that store or
    /// compare answers.
    ///
    /// # Errors
    ///
    /// As [`ListOrders::send`], except decoding.
    pub async fn send_raw(self) -> Result<MwsResponse, MwsError> {
        let params = self.params()?;
        self.client.execute(&operation::LIST_ORDERS, params, None).await
    }

    /// Every page: `ListOrders`, then `ListOrdersByNextToken` (which sends the token alone) until no token
    /// comes back. The stream ends with an error if Amazon hands out a token it already gave.
    pub fn pages(self) -> impl Stream<Item = Result<ListOrdersPage, MwsError>> + Send {
        let client = self.client.clone();
        paginate(
            Box::pin(self.send()),
            move |token| Box::pin(client.list_orders_by_next_token(token).send()),
            |page: &ListOrdersPage| page.next_token.clone(),
            "ListOrdersByNextToken",
        )
    }
}

/// Builder for `ListOrdersByNextToken`. Create it with [`MwsClient::list_orders_by_next_token`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListOrdersByNextToken {
    client: MwsClient,
    next_token: String,
}

impl ListOrdersByNextToken {
    pub(crate) fn new(client: MwsClient, next_token: String) -> Self {
        Self { client, next_token }
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] for an empty token; otherwise as [`ListOrders::send`].
    pub async fn send(self) -> Result<ListOrdersPage, MwsError> {
        let resp = self.send_raw().await?;
        ListOrdersPage::decode(
            &operation::LIST_ORDERS_BY_NEXT_TOKEN,
            &resp.body,
            resp.request_id.as_deref(),
        )
    }

    /// Sends the request and returns the answer undecoded (the raw XML), for callers that store or
    /// compare answers.
    ///
    /// # Errors
    ///
    /// As [`Self::send`], except decoding.
    pub async fn send_raw(self) -> Result<MwsResponse, MwsError> {
        let params = token_param(self.next_token)?;
        self.client
            .execute(&operation::LIST_ORDERS_BY_NEXT_TOKEN, params, None)
            .await
    }
}

/// Builder for `ListOrderItems`. Create it with [`MwsClient::list_order_items`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListOrderItems {
    client: MwsClient,
    amazon_order_id: String,
}

/// The `NextToken` parameter of a follow-up request.
pub(crate) fn token_param(next_token: String) -> Result<Vec<(String, String)>, MwsError> {
    if next_token.trim().is_empty() {
        return Err(MwsError::invalid_input("NextToken", "the token is empty"));
    }
    Ok(vec![("NextToken".to_owned(), next_token)])
}

/// Checks the 3-7-7 digit shape of an Amazon order id.
fn check_order_id(id: &str) -> Result<(), MwsError> {
    let parts: Vec<&str> = id.split('-').collect();
    let ok = parts.len() == 3
        && parts
            .iter()
            .zip([3, 7, 7])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        Ok(())
    } else {
        Err(MwsError::invalid_input(
            "AmazonOrderId",
            "expected an Amazon order id of the form 123-1234567-1234567",
        ))
    }
}

impl ListOrderItems {
    pub(crate) fn new(client: MwsClient, amazon_order_id: String) -> Self {
        Self {
            client,
            amazon_order_id,
        }
    }

    /// Sends `ListOrderItems` and returns the first page.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] when the order id is not of the form `123-1234567-1234567`; otherwise as
    /// [`ListOrders::send`].
    pub async fn send(self) -> Result<ListOrderItemsPage, MwsError> {
        let resp = self.send_raw().await?;
        ListOrderItemsPage::decode(
            &operation::LIST_ORDER_ITEMS,
            &resp.body,
            resp.request_id.as_deref(),
        )
    }

    /// Sends the request and returns the answer undecoded (the raw XML), for callers that store or
    /// compare answers.
    ///
    /// # Errors
    ///
    /// As [`Self::send`], except decoding.
    pub async fn send_raw(self) -> Result<MwsResponse, MwsError> {
        check_order_id(&self.amazon_order_id)?;
        let params = vec![("AmazonOrderId".to_owned(), self.amazon_order_id)];
        self.client
            .execute(&operation::LIST_ORDER_ITEMS, params, None)
            .await
    }

    /// Every page of the order's items: `ListOrderItems`, then `ListOrderItemsByNextToken`.
    pub fn pages(self) -> impl Stream<Item = Result<ListOrderItemsPage, MwsError>> + Send {
        let client = self.client.clone();
        paginate(
            Box::pin(self.send()),
            move |token| Box::pin(client.list_order_items_by_next_token(token).send()),
            |page: &ListOrderItemsPage| page.next_token.clone(),
            "ListOrderItemsByNextToken",
        )
    }
}

/// Builder for `ListOrderItemsByNextToken`. Create it with [`MwsClient::list_order_items_by_next_token`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ListOrderItemsByNextToken {
    client: MwsClient,
    next_token: String,
}

impl ListOrderItemsByNextToken {
    pub(crate) fn new(client: MwsClient, next_token: String) -> Self {
        Self { client, next_token }
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] for an empty token; otherwise as [`ListOrders::send`].
    pub async fn send(self) -> Result<ListOrderItemsPage, MwsError> {
        let resp = self.send_raw().await?;
        ListOrderItemsPage::decode(
            &operation::LIST_ORDER_ITEMS_BY_NEXT_TOKEN,
            &resp.body,
            resp.request_id.as_deref(),
        )
    }

    /// Sends the request and returns the answer undecoded (the raw XML), for callers that store or
    /// compare answers.
    ///
    /// # Errors
    ///
    /// As [`Self::send`], except decoding.
    pub async fn send_raw(self) -> Result<MwsResponse, MwsError> {
        let params = token_param(self.next_token)?;
        self.client
            .execute(&operation::LIST_ORDER_ITEMS_BY_NEXT_TOKEN, params, None)
            .await
    }
}

/// A boxed future of one page.
pub(crate) type PageFuture<P> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<P, MwsError>> + Send>>;

enum PageState<P> {
    First(PageFuture<P>),
    Next(String),
    Fail(MwsError),
    Done,
}

/// A stream of pages: `first` is the first request, `next` sends a follow-up with a token, `token_of`
/// reads the next token of a page. Ends when a page has no token, after the first error, or with
/// [`MwsError::RepeatedNextToken`] when a token comes back that was already followed.
pub(crate) fn paginate<P, N>(
    first: PageFuture<P>,
    next: N,
    token_of: fn(&P) -> Option<String>,
    follow_up: &'static str,
) -> impl Stream<Item = Result<P, MwsError>> + Send
where
    P: Send + 'static,
    N: Fn(String) -> PageFuture<P> + Send + 'static,
{
    stream::unfold(
        (PageState::First(first), HashSet::<String>::new()),
        move |(state, mut seen)| {
            let action = match state {
                PageState::Done => None,
                PageState::Fail(e) => Some(Err(e)),
                PageState::First(fut) => Some(Ok(fut)),
                PageState::Next(token) => Some(Ok(next(token))),
            };
            async move {
                match action? {
                    Err(e) => Some((Err(e), (PageState::Done, seen))),
                    Ok(fut) => match fut.await {
                        Ok(page) => {
                            let state = match token_of(&page).filter(|t| !t.is_empty()) {
                                None => PageState::Done,
                                Some(t) if !seen.insert(t.clone()) => {
                                    PageState::Fail(MwsError::RepeatedNextToken { operation: follow_up })
                                }
                                Some(t) => PageState::Next(t),
                            };
                            Some((Ok(page), (state, seen)))
                        }
                        Err(e) => Some((Err(e), (PageState::Done, seen))),
                    },
                }
            }
        },
    )
}
