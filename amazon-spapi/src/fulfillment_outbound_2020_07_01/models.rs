//! Fulfillment Outbound 2020-07-01: every definition of Amazon's model, as lenient serde types.
//!
//! Generated from Amazon's `models/fulfillment-outbound-api-model/fulfillmentOutbound_2020-07-01.json` by `gen_models.py` (see the
//! issue note); the output is committed and meant to be read. Every field is an `Option` because
//! Amazon leaves out fields its own model calls required; booleans, integers, decimals and strings
//! also decode from the other JSON spelling; enums keep unknown values. Fields holding personal
//! data (and presigned URLs) are redacted from `Debug`.

use super::ids::SellerFulfillmentOrderId;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::lenient_enum! {
    /// Additional location information.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum AdditionalLocationInfo {
        /// `AS_INSTRUCTED`
        AsInstructed = "AS_INSTRUCTED",
        /// `CARPORT`
        Carport = "CARPORT",
        /// `CUSTOMER_PICKUP`
        CustomerPickup = "CUSTOMER_PICKUP",
        /// `DECK`
        Deck = "DECK",
        /// `DOOR_PERSON`
        DoorPerson = "DOOR_PERSON",
        /// `FRONT_DESK`
        FrontDesk = "FRONT_DESK",
        /// `FRONT_DOOR`
        FrontDoor = "FRONT_DOOR",
        /// `GARAGE`
        Garage = "GARAGE",
        /// `GUARD`
        Guard = "GUARD",
        /// `MAIL_ROOM`
        MailRoom = "MAIL_ROOM",
        /// `MAIL_SLOT`
        MailSlot = "MAIL_SLOT",
        /// `MAILBOX`
        Mailbox = "MAILBOX",
        /// `MC_BOY`
        McBoy = "MC_BOY",
        /// `MC_GIRL`
        McGirl = "MC_GIRL",
        /// `MC_MAN`
        McMan = "MC_MAN",
        /// `MC_WOMAN`
        McWoman = "MC_WOMAN",
        /// `NEIGHBOR`
        Neighbor = "NEIGHBOR",
        /// `OFFICE`
        Office = "OFFICE",
        /// `OUTBUILDING`
        Outbuilding = "OUTBUILDING",
        /// `PATIO`
        Patio = "PATIO",
        /// `PORCH`
        Porch = "PORCH",
        /// `REAR_DOOR`
        RearDoor = "REAR_DOOR",
        /// `RECEPTIONIST`
        Receptionist = "RECEPTIONIST",
        /// `RECEIVER`
        Receiver = "RECEIVER",
        /// `SECURE_LOCATION`
        SecureLocation = "SECURE_LOCATION",
        /// `SIDE_DOOR`
        SideDoor = "SIDE_DOOR",
    }
}

crate::lenient_enum! {
    /// The unit of measure for the amount.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum AmountUnitOfMeasure {
        /// `Eaches`
        Eaches = "Eaches",
    }
}

crate::lenient_enum! {
    /// The current delivery status of the package.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum CurrentStatus {
        /// `IN_TRANSIT`
        InTransit = "IN_TRANSIT",
        /// `DELIVERED`
        Delivered = "DELIVERED",
        /// `RETURNING`
        Returning = "RETURNING",
        /// `RETURNED`
        Returned = "RETURNED",
        /// `UNDELIVERABLE`
        Undeliverable = "UNDELIVERABLE",
        /// `DELAYED`
        Delayed = "DELAYED",
        /// `AVAILABLE_FOR_PICKUP`
        AvailableForPickup = "AVAILABLE_FOR_PICKUP",
        /// `CUSTOMER_ACTION`
        CustomerAction = "CUSTOMER_ACTION",
        /// `UNKNOWN`
        UnknownX = "UNKNOWN",
        /// `OUT_FOR_DELIVERY`
        OutForDelivery = "OUT_FOR_DELIVERY",
        /// `DELIVERY_ATTEMPTED`
        DeliveryAttempted = "DELIVERY_ATTEMPTED",
        /// `PICKUP_SUCCESSFUL`
        PickupSuccessful = "PICKUP_SUCCESSFUL",
        /// `PICKUP_CANCELLED`
        PickupCancelled = "PICKUP_CANCELLED",
        /// `PICKUP_ATTEMPTED`
        PickupAttempted = "PICKUP_ATTEMPTED",
        /// `PICKUP_SCHEDULED`
        PickupScheduled = "PICKUP_SCHEDULED",
        /// `RETURN_REQUEST_ACCEPTED`
        ReturnRequestAccepted = "RETURN_REQUEST_ACCEPTED",
        /// `REFUND_ISSUED`
        RefundIssued = "REFUND_ISSUED",
        /// `RETURN_RECEIVED_IN_FC`
        ReturnReceivedInFc = "RETURN_RECEIVED_IN_FC",
    }
}

crate::lenient_enum! {
    /// The drop-off location type at the destination address.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum DropOffLocationType {
        /// `FRONT_DOOR`
        FrontDoor = "FRONT_DOOR",
        /// `DELIVERY_BOX`
        DeliveryBox = "DELIVERY_BOX",
        /// `GAS_METER_BOX`
        GasMeterBox = "GAS_METER_BOX",
        /// `BICYCLE_BASKET`
        BicycleBasket = "BICYCLE_BASKET",
        /// `GARAGE`
        Garage = "GARAGE",
        /// `RECEPTIONIST`
        Receptionist = "RECEPTIONIST",
        /// `FALLBACK_NEIGHBOR_DELIVERY`
        FallbackNeighborDelivery = "FALLBACK_NEIGHBOR_DELIVERY",
        /// `DO_NOT_LEAVE_UNATTENDED`
        DoNotLeaveUnattended = "DO_NOT_LEAVE_UNATTENDED",
    }
}

crate::lenient_enum! {
    /// The event code for the delivery event.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum EventCode {
        /// `EVENT_101`
        Event101 = "EVENT_101",
        /// `EVENT_102`
        Event102 = "EVENT_102",
        /// `EVENT_201`
        Event201 = "EVENT_201",
        /// `EVENT_202`
        Event202 = "EVENT_202",
        /// `EVENT_203`
        Event203 = "EVENT_203",
        /// `EVENT_204`
        Event204 = "EVENT_204",
        /// `EVENT_205`
        Event205 = "EVENT_205",
        /// `EVENT_206`
        Event206 = "EVENT_206",
        /// `EVENT_301`
        Event301 = "EVENT_301",
        /// `EVENT_302`
        Event302 = "EVENT_302",
        /// `EVENT_304`
        Event304 = "EVENT_304",
        /// `EVENT_306`
        Event306 = "EVENT_306",
        /// `EVENT_307`
        Event307 = "EVENT_307",
        /// `EVENT_308`
        Event308 = "EVENT_308",
        /// `EVENT_309`
        Event309 = "EVENT_309",
        /// `EVENT_401`
        Event401 = "EVENT_401",
        /// `EVENT_402`
        Event402 = "EVENT_402",
        /// `EVENT_403`
        Event403 = "EVENT_403",
        /// `EVENT_404`
        Event404 = "EVENT_404",
        /// `EVENT_405`
        Event405 = "EVENT_405",
        /// `EVENT_406`
        Event406 = "EVENT_406",
        /// `EVENT_407`
        Event407 = "EVENT_407",
        /// `EVENT_408`
        Event408 = "EVENT_408",
        /// `EVENT_409`
        Event409 = "EVENT_409",
        /// `EVENT_411`
        Event411 = "EVENT_411",
        /// `EVENT_412`
        Event412 = "EVENT_412",
        /// `EVENT_413`
        Event413 = "EVENT_413",
        /// `EVENT_414`
        Event414 = "EVENT_414",
        /// `EVENT_415`
        Event415 = "EVENT_415",
        /// `EVENT_416`
        Event416 = "EVENT_416",
        /// `EVENT_417`
        Event417 = "EVENT_417",
        /// `EVENT_418`
        Event418 = "EVENT_418",
        /// `EVENT_419`
        Event419 = "EVENT_419",
        /// `EVENT_801`
        Event801 = "EVENT_801",
        /// `EVENT_804`
        Event804 = "EVENT_804",
    }
}

crate::lenient_enum! {
    /// Specifies the policy to use when fulfilling an order.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FeatureSettingsFeatureFulfillmentPolicy {
        /// `Required`
        Required = "Required",
        /// `NotRequired`
        NotRequired = "NotRequired",
    }
}

crate::lenient_enum! {
    /// The type of fee.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FeeName {
        /// `FBAPerUnitFulfillmentFee`
        FbaPerUnitFulfillmentFee = "FBAPerUnitFulfillmentFee",
        /// `FBAPerOrderFulfillmentFee`
        FbaPerOrderFulfillmentFee = "FBAPerOrderFulfillmentFee",
        /// `FBATransportationFee`
        FbaTransportationFee = "FBATransportationFee",
        /// `FBAFulfillmentCODFee`
        FbaFulfillmentCodFee = "FBAFulfillmentCODFee",
    }
}

crate::lenient_enum! {
    /// Specifies whether the fulfillment order should ship now or have an order hold put on it.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FulfillmentAction {
        /// `Ship`
        Ship = "Ship",
        /// `Hold`
        Hold = "Hold",
    }
}

crate::lenient_enum! {
    /// The current status of the fulfillment order.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FulfillmentOrderStatus {
        /// `New`
        New = "New",
        /// `Received`
        Received = "Received",
        /// `Planning`
        Planning = "Planning",
        /// `Processing`
        Processing = "Processing",
        /// `Cancelled`
        Cancelled = "Cancelled",
        /// `Complete`
        Complete = "Complete",
        /// `CompletePartialled`
        CompletePartialled = "CompletePartialled",
        /// `Unfulfillable`
        Unfulfillable = "Unfulfillable",
        /// `Invalid`
        Invalid = "Invalid",
    }
}

crate::lenient_enum! {
    /// The `FulfillmentPolicy` value specified when you called the `createFulfillmentOrder` operation.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FulfillmentPolicy {
        /// `FillOrKill`
        FillOrKill = "FillOrKill",
        /// `FillAll`
        FillAll = "FillAll",
        /// `FillAllAvailable`
        FillAllAvailable = "FillAllAvailable",
    }
}

crate::lenient_enum! {
    /// The method used to calculate the estimated shipping weight.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FulfillmentPreviewItemShippingWeightCalculationMethod {
        /// `Package`
        Package = "Package",
        /// `Dimensional`
        Dimensional = "Dimensional",
    }
}

crate::lenient_enum! {
    /// Indicates if the return item has been processed by a fulfillment center.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FulfillmentReturnItemStatus {
        /// `New`
        New = "New",
        /// `Processed`
        Processed = "Processed",
    }
}

crate::lenient_enum! {
    /// The current status of the shipment.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FulfillmentShipmentFulfillmentShipmentStatus {
        /// `PENDING`
        Pending = "PENDING",
        /// `SHIPPED`
        Shipped = "SHIPPED",
        /// `CANCELLED_BY_FULFILLER`
        CancelledByFulfiller = "CANCELLED_BY_FULFILLER",
        /// `CANCELLED_BY_SELLER`
        CancelledBySeller = "CANCELLED_BY_SELLER",
    }
}

crate::lenient_enum! {
    /// A code for why the item is invalid for return.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum InvalidItemReasonCode {
        /// `InvalidValues`
        InvalidValues = "InvalidValues",
        /// `DuplicateRequest`
        DuplicateRequest = "DuplicateRequest",
        /// `NoCompletedShipItems`
        NoCompletedShipItems = "NoCompletedShipItems",
        /// `NoReturnableQuantity`
        NoReturnableQuantity = "NoReturnableQuantity",
    }
}

crate::lenient_enum! {
    /// The condition of the return item when received by an Amazon fulfillment center.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ReturnItemDisposition {
        /// `Sellable`
        Sellable = "Sellable",
        /// `Defective`
        Defective = "Defective",
        /// `CustomerDamaged`
        CustomerDamaged = "CustomerDamaged",
        /// `CarrierDamaged`
        CarrierDamaged = "CarrierDamaged",
        /// `FulfillerDamaged`
        FulfillerDamaged = "FulfillerDamaged",
    }
}

crate::lenient_enum! {
    /// The shipping method used for the fulfillment order. When this value is `ScheduledDelivery`,
    /// choose `Ship` for the `fulfillmentAction`. `Hold` is not a valid `fulfillmentAction` value when
    /// the `shippingSpeedCategory` value is `ScheduledDelivery`. Note: Shipping method service level
    /// agreements vary by marketplace. Sellers should refer to the Seller Central website in their
    /// marketplace for shipping method service level agreements and fulfillment fees.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ShippingSpeedCategory {
        /// `Standard`
        Standard = "Standard",
        /// `Expedited`
        Expedited = "Expedited",
        /// `Priority`
        Priority = "Priority",
        /// `ScheduledDelivery`
        ScheduledDelivery = "ScheduledDelivery",
    }
}

crate::lenient_enum! {
    /// The unit of weight.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum WeightUnit {
        /// `KG`
        Kg = "KG",
        /// `KILOGRAMS`
        Kilograms = "KILOGRAMS",
        /// `LB`
        Lb = "LB",
        /// `POUNDS`
        Pounds = "POUNDS",
    }
}

/// Error response returned when the request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Error {
    /// An error code that identifies the type of error that occurred.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub code: Option<String>,
    /// A message that describes the error condition.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub message: Option<String>,
    /// Additional details that can help the caller understand or fix the issue.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub details: Option<String>,
}

/// A physical address.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// The name of the person, business or institution at the address.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub name: Option<String>,
    /// The first line of the address.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "addressLine1",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line1: Option<String>,
    /// Additional address information, if required.
    #[serde(
        rename = "addressLine2",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line2: Option<String>,
    /// Additional address information, if required.
    #[serde(
        rename = "addressLine3",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line3: Option<String>,
    /// The city where the person, business, or institution is located. This property is required in all
    /// countries except Japan. It should not be used in Japan.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub city: Option<String>,
    /// The district or county where the person, business, or institution is located.
    #[serde(
        rename = "districtOrCounty",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub district_or_county: Option<String>,
    /// The state or region where the person, business or institution is located.
    #[serde(
        rename = "stateOrRegion",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub state_or_region: Option<String>,
    /// The postal code of the address.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "postalCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub postal_code: Option<String>,
    /// The two digit country code. In ISO 3166-1 alpha-2 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "countryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub country_code: Option<String>,
    /// The phone number of the person, business, or institution located at the address.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub phone: Option<String>,
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("Address")
            .field("name", &self.name.as_ref().map(|_| "<redacted>"))
            .field(
                "address_line1",
                &self.address_line1.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "address_line2",
                &self.address_line2.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "address_line3",
                &self.address_line3.as_ref().map(|_| "<redacted>"),
            )
            .field("city", &self.city)
            .field(
                "district_or_county",
                &self.district_or_county.as_ref().map(|_| "<redacted>"),
            )
            .field("state_or_region", &self.state_or_region)
            .field("postal_code", &self.postal_code)
            .field("country_code", &self.country_code)
            .field("phone", &self.phone.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl Address {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.name.is_none() {
            out.push(format!("{prefix}name"));
        }
        if self.address_line1.is_none() {
            out.push(format!("{prefix}addressLine1"));
        }
        if self.postal_code.is_none() {
            out.push(format!("{prefix}postalCode"));
        }
        if self.country_code.is_none() {
            out.push(format!("{prefix}countryCode"));
        }
    }
}

/// The COD (Cash On Delivery) charges that you associate with a COD fulfillment order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CODSettings {
    /// When true, this fulfillment order requires a COD (Cash On Delivery) payment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "isCodRequired",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub is_cod_required: Option<bool>,
    /// The amount of the COD charge to be collected from the recipient for a COD order.
    #[serde(rename = "codCharge", default, skip_serializing_if = "Option::is_none")]
    pub cod_charge: Option<Money>,
    /// The amount of the tax on the COD charge to be collected from the recipient for a COD order.
    #[serde(rename = "codChargeTax", default, skip_serializing_if = "Option::is_none")]
    pub cod_charge_tax: Option<Money>,
    /// The amount of the tax on the COD charge to be collected from the recipient for a COD order.
    #[serde(rename = "shippingCharge", default, skip_serializing_if = "Option::is_none")]
    pub shipping_charge: Option<Money>,
    /// The amount of the tax on the shipping charge to be collected from the recipient for a COD order.
    #[serde(
        rename = "shippingChargeTax",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_charge_tax: Option<Money>,
}

impl CODSettings {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.is_cod_required.is_none() {
            out.push(format!("{prefix}isCodRequired"));
        }
        if let Some(v) = &self.cod_charge {
            v.collect_missing(&format!("{prefix}codCharge."), out);
        }
        if let Some(v) = &self.cod_charge_tax {
            v.collect_missing(&format!("{prefix}codChargeTax."), out);
        }
        if let Some(v) = &self.shipping_charge {
            v.collect_missing(&format!("{prefix}shippingCharge."), out);
        }
        if let Some(v) = &self.shipping_charge_tax {
            v.collect_missing(&format!("{prefix}shippingChargeTax."), out);
        }
    }
}

/// Item information for creating a fulfillment order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateFulfillmentOrderItem {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// A fulfillment order item identifier that the seller creates to track fulfillment order items.
    /// Used to disambiguate multiple fulfillment items that have the same `sellerSku` value. For
    /// example, the seller might assign different `sellerFulfillmentOrderItemId` values to two items in
    /// a fulfillment order that share the same `sellerSku` value but have different `giftMessage`
    /// values.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The item quantity.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// A message to the gift recipient, if applicable.
    #[serde(
        rename = "giftMessage",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub gift_message: Option<String>,
    /// Item-specific text that displays in recipient-facing materials such as the outbound shipment
    /// packing slip.
    #[serde(
        rename = "displayableComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_comment: Option<String>,
    /// Amazon's fulfillment network SKU of the item.
    #[serde(
        rename = "fulfillmentNetworkSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fulfillment_network_sku: Option<String>,
    /// The monetary value assigned by the seller to this item. This is a required field for India MCF
    /// orders.
    #[serde(
        rename = "perUnitDeclaredValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub per_unit_declared_value: Option<Money>,
    /// The amount to be collected from the recipient for this item in a COD (Cash On Delivery) order.
    #[serde(rename = "perUnitPrice", default, skip_serializing_if = "Option::is_none")]
    pub per_unit_price: Option<Money>,
    /// The tax on the amount to be collected from the recipient for this item in a COD (Cash On
    /// Delivery) order.
    #[serde(rename = "perUnitTax", default, skip_serializing_if = "Option::is_none")]
    pub per_unit_tax: Option<Money>,
}

impl std::fmt::Debug for CreateFulfillmentOrderItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("CreateFulfillmentOrderItem")
            .field("seller_sku", &self.seller_sku)
            .field(
                "seller_fulfillment_order_item_id",
                &self.seller_fulfillment_order_item_id,
            )
            .field("quantity", &self.quantity)
            .field("gift_message", &self.gift_message.as_ref().map(|_| "<redacted>"))
            .field(
                "displayable_comment",
                &self.displayable_comment.as_ref().map(|_| "<redacted>"),
            )
            .field("fulfillment_network_sku", &self.fulfillment_network_sku)
            .field("per_unit_declared_value", &self.per_unit_declared_value)
            .field("per_unit_price", &self.per_unit_price)
            .field("per_unit_tax", &self.per_unit_tax)
            .finish()
    }
}

impl CreateFulfillmentOrderItem {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.seller_sku.is_none() {
            out.push(format!("{prefix}sellerSku"));
        }
        if self.seller_fulfillment_order_item_id.is_none() {
            out.push(format!("{prefix}sellerFulfillmentOrderItemId"));
        }
        if self.quantity.is_none() {
            out.push(format!("{prefix}quantity"));
        }
        if let Some(v) = &self.per_unit_declared_value {
            v.collect_missing(&format!("{prefix}perUnitDeclaredValue."), out);
        }
        if let Some(v) = &self.per_unit_price {
            v.collect_missing(&format!("{prefix}perUnitPrice."), out);
        }
        if let Some(v) = &self.per_unit_tax {
            v.collect_missing(&format!("{prefix}perUnitTax."), out);
        }
    }
}

/// The request body schema for the `createFulfillmentOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateFulfillmentOrderRequest {
    /// The marketplace the fulfillment order is placed against.
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// A fulfillment order identifier that the seller creates to track their fulfillment order. The
    /// `sellerFulfillmentOrderId` must be unique for each fulfillment order that a seller creates. If
    /// the seller's system already creates unique order identifiers, then these might be good values
    /// for them to use.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub seller_fulfillment_order_id: Option<SellerFulfillmentOrderId>,
    /// A fulfillment order identifier that the seller creates. This value displays as the order
    /// identifier in recipient-facing materials such as the outbound shipment packing slip. The value
    /// of `displayableOrderId` should match the order identifier that the seller provides to the
    /// recipient. The seller can use the SellerFulfillmentOrderId for this value or they can specify an
    /// alternate value if they want the recipient to reference an alternate order identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "displayableOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_order_id: Option<String>,
    /// The date and time of the fulfillment order. Displays as the order date in recipient-facing
    /// materials such as the outbound shipment packing slip.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "displayableOrderDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub displayable_order_date: Option<DateTime<Utc>>,
    /// Order-specific text that appears in recipient-facing materials such as the outbound shipment
    /// packing slip.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "displayableOrderComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_order_comment: Option<String>,
    /// The shipping method for the fulfillment order. When this value is `ScheduledDelivery`, choose
    /// Ship for the `fulfillmentAction`. Hold is not a valid `fulfillmentAction` value when the
    /// `shippingSpeedCategory` value is `ScheduledDelivery`. Note: Shipping method service level
    /// agreements vary by marketplace. Sellers can refer to Seller Central for shipping method
    /// service-level agreements and multi-channel fulfillment fees.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "shippingSpeedCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_speed_category: Option<ShippingSpeedCategory>,
    /// The time range within which a Scheduled Delivery fulfillment order should be delivered. This is
    /// only available in the JP marketplace.
    #[serde(rename = "deliveryWindow", default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<DeliveryWindow>,
    /// The destination address for the fulfillment order.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "destinationAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_address: Option<Address>,
    /// The delivery preferences applied to the destination address. These preferences are applied when
    /// possible and are best effort. For eligible orders, the default delivery preference is to leave
    /// the package unattended at the front door. This feature is currently supported only in the JP
    /// marketplace and not applicable for other marketplaces. For eligible orders, the default delivery
    /// preference will be to deliver the package unattended at the front door, unless you specify
    /// otherwise.
    #[serde(
        rename = "deliveryPreferences",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_preferences: Option<DeliveryPreferences>,
    /// Specifies whether the fulfillment order should ship now or have an order hold put on it.
    #[serde(
        rename = "fulfillmentAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_action: Option<FulfillmentAction>,
    /// The `FulfillmentPolicy` value specified when you called the `createFulfillmentOrder` operation.
    #[serde(
        rename = "fulfillmentPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
    /// The COD (Cash On Delivery) charges that you associate with a COD fulfillment order.
    #[serde(rename = "codSettings", default, skip_serializing_if = "Option::is_none")]
    pub cod_settings: Option<CODSettings>,
    /// The two-character country code for the country from which the fulfillment order ships. Must be
    /// in ISO 3166-1 alpha-2 format.
    #[serde(
        rename = "shipFromCountryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub ship_from_country_code: Option<String>,
    /// A list of email addresses that the seller provides that are used by Amazon to send ship-complete
    /// notifications to recipients on behalf of the seller.
    #[serde(
        rename = "notificationEmails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub notification_emails: Option<Vec<String>>,
    /// A list of features and their fulfillment policies to apply to the order.
    #[serde(
        rename = "featureConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
    /// A list of items to include in the fulfillment order preview, including quantity. Maximum of 100
    /// line items with a maximum of 250 units per order.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<CreateFulfillmentOrderItem>>,
    /// An array of various payment attributes related to this fulfillment order. This property is
    /// required if the order is placed against the India marketplace.
    #[serde(
        rename = "paymentInformation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_information: Option<Vec<PaymentInformation>>,
}

impl std::fmt::Debug for CreateFulfillmentOrderRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("CreateFulfillmentOrderRequest")
            .field("marketplace_id", &self.marketplace_id)
            .field("seller_fulfillment_order_id", &self.seller_fulfillment_order_id)
            .field("displayable_order_id", &self.displayable_order_id)
            .field("displayable_order_date", &self.displayable_order_date)
            .field(
                "displayable_order_comment",
                &self.displayable_order_comment.as_ref().map(|_| "<redacted>"),
            )
            .field("shipping_speed_category", &self.shipping_speed_category)
            .field("delivery_window", &self.delivery_window)
            .field("destination_address", &self.destination_address)
            .field("delivery_preferences", &self.delivery_preferences)
            .field("fulfillment_action", &self.fulfillment_action)
            .field("fulfillment_policy", &self.fulfillment_policy)
            .field("cod_settings", &self.cod_settings)
            .field("ship_from_country_code", &self.ship_from_country_code)
            .field(
                "notification_emails",
                &self.notification_emails.as_ref().map(|_| "<redacted>"),
            )
            .field("feature_constraints", &self.feature_constraints)
            .field("items", &self.items)
            .field("payment_information", &self.payment_information)
            .finish()
    }
}

impl CreateFulfillmentOrderRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.seller_fulfillment_order_id.is_none() {
            out.push(format!("{prefix}sellerFulfillmentOrderId"));
        }
        if self.displayable_order_id.is_none() {
            out.push(format!("{prefix}displayableOrderId"));
        }
        if self.displayable_order_date.is_none() {
            out.push(format!("{prefix}displayableOrderDate"));
        }
        if self.displayable_order_comment.is_none() {
            out.push(format!("{prefix}displayableOrderComment"));
        }
        if self.shipping_speed_category.is_none() {
            out.push(format!("{prefix}shippingSpeedCategory"));
        }
        if let Some(v) = &self.delivery_window {
            v.collect_missing(&format!("{prefix}deliveryWindow."), out);
        }
        if self.destination_address.is_none() {
            out.push(format!("{prefix}destinationAddress"));
        }
        if let Some(v) = &self.destination_address {
            v.collect_missing(&format!("{prefix}destinationAddress."), out);
        }
        if let Some(v) = &self.delivery_preferences {
            v.collect_missing(&format!("{prefix}deliveryPreferences."), out);
        }
        if let Some(v) = &self.cod_settings {
            v.collect_missing(&format!("{prefix}codSettings."), out);
        }
        for (i, v) in self.feature_constraints.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}featureConstraints[{i}]."), out);
        }
        if self.items.is_none() {
            out.push(format!("{prefix}items"));
        }
        for (i, v) in self.items.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}items[{i}]."), out);
        }
        for (i, v) in self.payment_information.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}paymentInformation[{i}]."), out);
        }
    }
}

/// The `createFulfillmentReturn` operation creates a fulfillment return for items that were fulfilled
/// using the `createFulfillmentOrder` operation. For calls to `createFulfillmentReturn`, you must
/// include `returnReasonCode` values returned by a previous call to the `listReturnReasonCodes`
/// operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateFulfillmentReturnRequest {
    /// An array of items to be returned.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<CreateReturnItem>>,
}

impl CreateFulfillmentReturnRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.items.is_none() {
            out.push(format!("{prefix}items"));
        }
        for (i, v) in self.items.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}items[{i}]."), out);
        }
    }
}

/// The result for the `createFulfillmentReturn` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateFulfillmentReturnResult {
    /// An array of items that Amazon accepted for return. Returns empty if no items were accepted for
    /// return.
    #[serde(rename = "returnItems", default, skip_serializing_if = "Option::is_none")]
    pub return_items: Option<Vec<ReturnItem>>,
    /// An array of invalid return item information.
    #[serde(
        rename = "invalidReturnItems",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invalid_return_items: Option<Vec<InvalidReturnItem>>,
    /// An array of return authorization information.
    #[serde(
        rename = "returnAuthorizations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub return_authorizations: Option<Vec<ReturnAuthorization>>,
}

/// The response schema for the `createFulfillmentReturn` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateFulfillmentReturnResponse {
    /// The payload for the `createFulfillmentReturn` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<CreateFulfillmentReturnResult>,
    /// One or more unexpected errors occurred during the `createFulfillmentReturn` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// An item that Amazon accepted for return.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateReturnItem {
    /// An identifier the seller assigns to the return item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerReturnItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_return_item_id: Option<String>,
    /// The identifier assigned to the item by the seller when the fulfillment order was created.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The identifier for the shipment that is associated with the return item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "amazonShipmentId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_shipment_id: Option<String>,
    /// The return reason code assigned to the return item by the seller.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "returnReasonCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub return_reason_code: Option<String>,
    /// An optional comment about the return item.
    #[serde(
        rename = "returnComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub return_comment: Option<String>,
}

impl CreateReturnItem {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.seller_return_item_id.is_none() {
            out.push(format!("{prefix}sellerReturnItemId"));
        }
        if self.seller_fulfillment_order_item_id.is_none() {
            out.push(format!("{prefix}sellerFulfillmentOrderItemId"));
        }
        if self.amazon_shipment_id.is_none() {
            out.push(format!("{prefix}amazonShipmentId"));
        }
        if self.return_reason_code.is_none() {
            out.push(format!("{prefix}returnReasonCode"));
        }
    }
}

/// An amount of money, including units in the form of currency.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Money {
    /// Three digit currency code in ISO 4217 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "currencyCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub currency_code: Option<String>,
    /// A decimal number with no loss of precision. Useful when precision loss is unacceptable, as with
    /// currencies. Follows RFC7159 for number representation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal"
    )]
    pub value: Option<Decimal>,
}

impl Money {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.currency_code.is_none() {
            out.push(format!("{prefix}currencyCode"));
        }
        if self.value.is_none() {
            out.push(format!("{prefix}value"));
        }
    }
}

/// The time range within which a Scheduled Delivery fulfillment order should be delivered. This is only
/// available in the JP marketplace.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DeliveryWindow {
    /// The date and time of the start of the Scheduled Delivery window, in ISO 8601 date time format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "startDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub start_date: Option<DateTime<Utc>>,
    /// The date and time of the end of the Scheduled Delivery window, in ISO 8601 date time format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "endDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub end_date: Option<DateTime<Utc>>,
}

impl DeliveryWindow {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.start_date.is_none() {
            out.push(format!("{prefix}startDate"));
        }
        if self.end_date.is_none() {
            out.push(format!("{prefix}endDate"));
        }
    }
}

/// The delivery preferences applied to the destination address. These preferences are applied when
/// possible and are best effort. This feature is currently supported only in the JP marketplace and not
/// applicable for other marketplaces. For eligible orders, the default delivery preference will be to
/// deliver the package unattended at the front door, unless you specify otherwise.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryPreferences {
    /// Additional delivery instructions. For example, this could be instructions on how to enter a
    /// building, nearby landmark or navigation instructions, or `Beware of dogs`.
    #[serde(
        rename = "deliveryInstructions",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub delivery_instructions: Option<String>,
    /// The preferred location to leave packages at the destination address.
    #[serde(rename = "dropOffLocation", default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<DropOffLocation>,
}

impl std::fmt::Debug for DeliveryPreferences {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("DeliveryPreferences")
            .field(
                "delivery_instructions",
                &self.delivery_instructions.as_ref().map(|_| "<redacted>"),
            )
            .field("drop_off_location", &self.drop_off_location)
            .finish()
    }
}

impl DeliveryPreferences {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if let Some(v) = &self.drop_off_location {
            v.collect_missing(&format!("{prefix}dropOffLocation."), out);
        }
    }
}

/// The drop-off location at the destination address.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DropOffLocation {
    /// The drop-off location type at the destination address.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<DropOffLocationType>,
    /// Additional information about the drop-off location. This information can vary depending on the
    /// type of drop-off location specified in the `type` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<BTreeMap<String, String>>,
}

impl DropOffLocation {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.r#type.is_none() {
            out.push(format!("{prefix}type"));
        }
    }
}

/// Fee type and cost.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Fee {
    /// The type of fee.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<FeeName>,
    /// The amount of the fee.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
}

/// General information about a fulfillment order, including its status.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FulfillmentOrder {
    /// The fulfillment order identifier submitted with the `createFulfillmentOrder` operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub seller_fulfillment_order_id: Option<SellerFulfillmentOrderId>,
    /// The identifier for the marketplace the fulfillment order is placed against.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// A fulfillment order identifier submitted with the `createFulfillmentOrder` operation. Displays
    /// as the order identifier in recipient-facing materials such as the packing slip.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "displayableOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_order_id: Option<String>,
    /// A date and time submitted with the `createFulfillmentOrder` operation. Displays as the order
    /// date in recipient-facing materials such as the packing slip.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "displayableOrderDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub displayable_order_date: Option<DateTime<Utc>>,
    /// A text block submitted with the `createFulfillmentOrder` operation. Displays in recipient-facing
    /// materials such as the packing slip.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "displayableOrderComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_order_comment: Option<String>,
    /// The shipping method used for the fulfillment order. When this value is `ScheduledDelivery`,
    /// choose `Ship` for the `fulfillmentAction`. `Hold` is not a valid `fulfillmentAction` value when
    /// the `shippingSpeedCategory` value is `ScheduledDelivery`. Note: Shipping method service level
    /// agreements vary by marketplace. Sellers should refer to the Seller Central website in their
    /// marketplace for shipping method service level agreements and fulfillment fees.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "shippingSpeedCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_speed_category: Option<ShippingSpeedCategory>,
    /// The time range within which a Scheduled Delivery fulfillment order should be delivered. This is
    /// only available in the JP marketplace.
    #[serde(rename = "deliveryWindow", default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<DeliveryWindow>,
    /// The destination address submitted with the `createFulfillmentOrder` operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "destinationAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_address: Option<Address>,
    /// Specifies whether the fulfillment order should ship now or have an order hold put on it.
    #[serde(
        rename = "fulfillmentAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_action: Option<FulfillmentAction>,
    /// The `FulfillmentPolicy` value specified when you called the `createFulfillmentOrder` operation.
    #[serde(
        rename = "fulfillmentPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
    /// The COD (Cash On Delivery) charges that you associate with a COD fulfillment order.
    #[serde(rename = "codSettings", default, skip_serializing_if = "Option::is_none")]
    pub cod_settings: Option<CODSettings>,
    /// The date and time that the fulfillment order was received by an Amazon fulfillment center.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "receivedDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub received_date: Option<DateTime<Utc>>,
    /// The current status of the fulfillment order.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentOrderStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_order_status: Option<FulfillmentOrderStatus>,
    /// The date and time that the status of the fulfillment order last changed, in ISO 8601 date time
    /// format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "statusUpdatedDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub status_updated_date: Option<DateTime<Utc>>,
    /// A list of email addresses that the seller provides that are used by Amazon to send ship-complete
    /// notifications to recipients on behalf of the seller.
    #[serde(
        rename = "notificationEmails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub notification_emails: Option<Vec<String>>,
    /// A list of features and their fulfillment policies to apply to the order.
    #[serde(
        rename = "featureConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
}

impl std::fmt::Debug for FulfillmentOrder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("FulfillmentOrder")
            .field("seller_fulfillment_order_id", &self.seller_fulfillment_order_id)
            .field("marketplace_id", &self.marketplace_id)
            .field("displayable_order_id", &self.displayable_order_id)
            .field("displayable_order_date", &self.displayable_order_date)
            .field(
                "displayable_order_comment",
                &self.displayable_order_comment.as_ref().map(|_| "<redacted>"),
            )
            .field("shipping_speed_category", &self.shipping_speed_category)
            .field("delivery_window", &self.delivery_window)
            .field("destination_address", &self.destination_address)
            .field("fulfillment_action", &self.fulfillment_action)
            .field("fulfillment_policy", &self.fulfillment_policy)
            .field("cod_settings", &self.cod_settings)
            .field("received_date", &self.received_date)
            .field("fulfillment_order_status", &self.fulfillment_order_status)
            .field("status_updated_date", &self.status_updated_date)
            .field(
                "notification_emails",
                &self.notification_emails.as_ref().map(|_| "<redacted>"),
            )
            .field("feature_constraints", &self.feature_constraints)
            .finish()
    }
}

/// Item information for a fulfillment order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FulfillmentOrderItem {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// A fulfillment order item identifier submitted with a call to the `createFulfillmentOrder`
    /// operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The item quantity.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// A message to the gift recipient, if applicable.
    #[serde(
        rename = "giftMessage",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub gift_message: Option<String>,
    /// Item-specific text that displays in recipient-facing materials such as the outbound shipment
    /// packing slip.
    #[serde(
        rename = "displayableComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_comment: Option<String>,
    /// Amazon's fulfillment network SKU of the item.
    #[serde(
        rename = "fulfillmentNetworkSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fulfillment_network_sku: Option<String>,
    /// Indicates whether the item is sellable or unsellable.
    #[serde(
        rename = "orderItemDisposition",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub order_item_disposition: Option<String>,
    /// The item quantity that was cancelled by the seller.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "cancelledQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub cancelled_quantity: Option<i64>,
    /// The item quantity that is unfulfillable.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "unfulfillableQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub unfulfillable_quantity: Option<i64>,
    /// The estimated date and time that the item quantity is scheduled to ship from the fulfillment
    /// center. Note that this value can change over time. If the shipment that contains the item
    /// quantity is cancelled, `estimatedShipDate` is not returned.
    #[serde(
        rename = "estimatedShipDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub estimated_ship_date: Option<DateTime<Utc>>,
    /// The estimated arrival date and time of the item quantity. Note that this value can change over
    /// time. If the shipment that contains the item quantity is cancelled, `estimatedArrivalDate` is
    /// not returned.
    #[serde(
        rename = "estimatedArrivalDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub estimated_arrival_date: Option<DateTime<Utc>>,
    /// The amount to be collected from the recipient for this item in a COD (Cash On Delivery) order.
    #[serde(rename = "perUnitPrice", default, skip_serializing_if = "Option::is_none")]
    pub per_unit_price: Option<Money>,
    /// The tax on the amount to be collected from the recipient for this item in a COD (Cash On
    /// Delivery) order.
    #[serde(rename = "perUnitTax", default, skip_serializing_if = "Option::is_none")]
    pub per_unit_tax: Option<Money>,
    /// The monetary value assigned by the seller to this item. This is a required field for India MCF
    /// orders.
    #[serde(
        rename = "perUnitDeclaredValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub per_unit_declared_value: Option<Money>,
}

impl std::fmt::Debug for FulfillmentOrderItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("FulfillmentOrderItem")
            .field("seller_sku", &self.seller_sku)
            .field(
                "seller_fulfillment_order_item_id",
                &self.seller_fulfillment_order_item_id,
            )
            .field("quantity", &self.quantity)
            .field("gift_message", &self.gift_message.as_ref().map(|_| "<redacted>"))
            .field(
                "displayable_comment",
                &self.displayable_comment.as_ref().map(|_| "<redacted>"),
            )
            .field("fulfillment_network_sku", &self.fulfillment_network_sku)
            .field("order_item_disposition", &self.order_item_disposition)
            .field("cancelled_quantity", &self.cancelled_quantity)
            .field("unfulfillable_quantity", &self.unfulfillable_quantity)
            .field("estimated_ship_date", &self.estimated_ship_date)
            .field("estimated_arrival_date", &self.estimated_arrival_date)
            .field("per_unit_price", &self.per_unit_price)
            .field("per_unit_tax", &self.per_unit_tax)
            .field("per_unit_declared_value", &self.per_unit_declared_value)
            .finish()
    }
}

/// Information about a fulfillment order preview, including delivery and fee information based on
/// shipping method.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentPreview {
    /// The shipping method used for the fulfillment order. When this value is `ScheduledDelivery`,
    /// choose `Ship` for the `fulfillmentAction`. `Hold` is not a valid `fulfillmentAction` value when
    /// the `shippingSpeedCategory` value is `ScheduledDelivery`. Note: Shipping method service level
    /// agreements vary by marketplace. Sellers should refer to the Seller Central website in their
    /// marketplace for shipping method service level agreements and fulfillment fees.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "shippingSpeedCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_speed_category: Option<ShippingSpeedCategory>,
    /// Delivery information for a scheduled delivery. This is only available in the JP marketplace.
    #[serde(
        rename = "scheduledDeliveryInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_delivery_info: Option<ScheduledDeliveryInfo>,
    /// When true, this fulfillment order preview is fulfillable.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "isFulfillable",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub is_fulfillable: Option<bool>,
    /// When true, this fulfillment order preview is for COD (Cash On Delivery).
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "isCODCapable",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub is_cod_capable: Option<bool>,
    /// Estimated shipping weight for this fulfillment order preview.
    #[serde(
        rename = "estimatedShippingWeight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_shipping_weight: Option<Weight>,
    /// The estimated fulfillment fees for this fulfillment order preview, if applicable. The fees data
    /// will not be available for IN marketplace orders.
    #[serde(rename = "estimatedFees", default, skip_serializing_if = "Option::is_none")]
    pub estimated_fees: Option<Vec<Fee>>,
    /// An array of fulfillment preview shipment information.
    #[serde(
        rename = "fulfillmentPreviewShipments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_preview_shipments: Option<Vec<FulfillmentPreviewShipment>>,
    /// An array of unfulfillable preview item information.
    #[serde(
        rename = "unfulfillablePreviewItems",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unfulfillable_preview_items: Option<Vec<UnfulfillablePreviewItem>>,
    /// Error codes associated with the fulfillment order preview that indicate why the order is not
    /// fulfillable.
    #[serde(
        rename = "orderUnfulfillableReasons",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub order_unfulfillable_reasons: Option<Vec<String>>,
    /// The marketplace the fulfillment order is placed against.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// A list of features and their fulfillment policies to apply to the order.
    #[serde(
        rename = "featureConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
}

/// Item information for a shipment in a fulfillment order preview.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentPreviewItem {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The item quantity.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// A fulfillment order item identifier that the seller created with a call to the
    /// `createFulfillmentOrder` operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The estimated shipping weight of the item quantity for a single item, as identified by
    /// `sellerSku`, in a shipment.
    #[serde(
        rename = "estimatedShippingWeight",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub estimated_shipping_weight: Option<Weight>,
    /// The method used to calculate the estimated shipping weight.
    #[serde(
        rename = "shippingWeightCalculationMethod",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_weight_calculation_method: Option<FulfillmentPreviewItemShippingWeightCalculationMethod>,
}

/// Delivery and item information for a shipment in a fulfillment order preview.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentPreviewShipment {
    /// The earliest date that the shipment is expected to be sent from the fulfillment center, in ISO
    /// 8601 date time format.
    #[serde(
        rename = "earliestShipDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub earliest_ship_date: Option<DateTime<Utc>>,
    /// The latest date that the shipment is expected to be sent from the fulfillment center, in ISO
    /// 8601 date time format.
    #[serde(
        rename = "latestShipDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub latest_ship_date: Option<DateTime<Utc>>,
    /// The earliest date that the shipment is expected to arrive at its destination.
    #[serde(
        rename = "earliestArrivalDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub earliest_arrival_date: Option<DateTime<Utc>>,
    /// The latest date that the shipment is expected to arrive at its destination, in ISO 8601 date
    /// time format.
    #[serde(
        rename = "latestArrivalDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub latest_arrival_date: Option<DateTime<Utc>>,
    /// Provides additional insight into the shipment timeline when exact delivery dates are not able to
    /// be precomputed.
    #[serde(rename = "shippingNotes", default, skip_serializing_if = "Option::is_none")]
    pub shipping_notes: Option<Vec<String>>,
    /// Information about the items in the shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentPreviewItems",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_preview_items: Option<Vec<FulfillmentPreviewItem>>,
}

/// Delivery and item information for a shipment in a fulfillment order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentShipment {
    /// A shipment identifier assigned by Amazon.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "amazonShipmentId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_shipment_id: Option<String>,
    /// An identifier for the fulfillment center from which the shipment is sent.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentCenterId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fulfillment_center_id: Option<String>,
    /// The current status of the shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentShipmentStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_shipment_status: Option<FulfillmentShipmentFulfillmentShipmentStatus>,
    /// The meaning of the `shippingDate` value depends on the current status of the shipment. If the
    /// current value of FulfillmentShipmentStatus is:
    #[serde(
        rename = "shippingDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub shipping_date: Option<DateTime<Utc>>,
    /// The estimated arrival date and time of the shipment, in ISO 8601 date time format. Note that
    /// this value can change over time. If a shipment includes more than one package,
    /// `estimatedArrivalDate` applies to all of the packages in the shipment. If the shipment is
    /// cancelled, `estimatedArrivalDate` is not returned.
    #[serde(
        rename = "estimatedArrivalDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub estimated_arrival_date: Option<DateTime<Utc>>,
    /// Provides additional insight into shipment timeline. Primarily used to communicate that actual
    /// delivery dates aren't available.
    #[serde(rename = "shippingNotes", default, skip_serializing_if = "Option::is_none")]
    pub shipping_notes: Option<Vec<String>>,
    /// An array of fulfillment shipment item information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentShipmentItem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_shipment_item: Option<Vec<FulfillmentShipmentItem>>,
    /// An array of fulfillment shipment package information.
    #[serde(
        rename = "fulfillmentShipmentPackage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_shipment_package: Option<Vec<FulfillmentShipmentPackage>>,
}

/// Item information for a shipment in a fulfillment order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentShipmentItem {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The fulfillment order item identifier that the seller created and submitted with a call to the
    /// `createFulfillmentOrder` operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The item quantity.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// An identifier for the package that contains the item quantity.
    #[serde(
        rename = "packageNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub package_number: Option<i64>,
    /// The serial number of the shipped item.
    #[serde(
        rename = "serialNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub serial_number: Option<String>,
    /// The manufacturer lot codes of the shipped items.
    #[serde(
        rename = "manufacturerLotCodes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub manufacturer_lot_codes: Option<Vec<String>>,
}

/// Package information for a shipment in a fulfillment order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentShipmentPackage {
    /// Identifies a package in a shipment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "packageNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub package_number: Option<i64>,
    /// Identifies the carrier who will deliver the shipment to the recipient.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "carrierCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_code: Option<String>,
    /// The tracking number, if provided, can be used to obtain tracking and delivery information.
    #[serde(
        rename = "trackingNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub tracking_number: Option<String>,
    /// The Amazon fulfillment tracking number, if provided, can be used to obtain tracking and delivery
    /// information.
    #[serde(
        rename = "amazonFulfillmentTrackingNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_fulfillment_tracking_number: Option<String>,
    /// The estimated arrival date and time of the package, in ISO 8601 date time format.
    #[serde(
        rename = "estimatedArrivalDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub estimated_arrival_date: Option<DateTime<Utc>>,
    /// The locker details, if provided can be used to access locker delivery box.
    #[serde(rename = "lockerDetails", default, skip_serializing_if = "Option::is_none")]
    pub locker_details: Option<LockerDetails>,
    /// The delivery information of the package, this information is only available post package
    /// delivery to its intended destination.
    #[serde(
        rename = "deliveryInformation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_information: Option<DeliveryInformation>,
}

/// The request for the `getFulfillmentOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFulfillmentOrderResult {
    /// General information about a fulfillment order, including its status.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "fulfillmentOrder", default, skip_serializing_if = "Option::is_none")]
    pub fulfillment_order: Option<FulfillmentOrder>,
    /// An array of fulfillment order item information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentOrderItems",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_order_items: Option<Vec<FulfillmentOrderItem>>,
    /// An array of fulfillment shipment information.
    #[serde(
        rename = "fulfillmentShipments",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_shipments: Option<Vec<FulfillmentShipment>>,
    /// An array of items that Amazon accepted for return. Returns empty if no items were accepted for
    /// return.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "returnItems", default, skip_serializing_if = "Option::is_none")]
    pub return_items: Option<Vec<ReturnItem>>,
    /// An array of return authorization information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "returnAuthorizations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub return_authorizations: Option<Vec<ReturnAuthorization>>,
    /// An array of various payment attributes related to this fulfillment order.
    #[serde(
        rename = "paymentInformation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub payment_information: Option<Vec<PaymentInformation>>,
}

/// The response schema for the `getFulfillmentOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFulfillmentOrderResponse {
    /// The payload for the `getFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetFulfillmentOrderResult>,
    /// One or more unexpected errors occurred during the `getFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Item information for a fulfillment order preview.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFulfillmentPreviewItem {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The item quantity.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// The monetary value assigned by the seller to this item. This is a required field if this order
    /// is an export order or an India MCF order.
    #[serde(
        rename = "perUnitDeclaredValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub per_unit_declared_value: Option<Money>,
    /// A fulfillment order item identifier that the seller creates to track items in the fulfillment
    /// preview.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
}

impl GetFulfillmentPreviewItem {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.seller_sku.is_none() {
            out.push(format!("{prefix}sellerSku"));
        }
        if self.quantity.is_none() {
            out.push(format!("{prefix}quantity"));
        }
        if let Some(v) = &self.per_unit_declared_value {
            v.collect_missing(&format!("{prefix}perUnitDeclaredValue."), out);
        }
        if self.seller_fulfillment_order_item_id.is_none() {
            out.push(format!("{prefix}sellerFulfillmentOrderItemId"));
        }
    }
}

/// The request body schema for the `getFulfillmentPreview` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFulfillmentPreviewRequest {
    /// The marketplace the fulfillment order is placed against.
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The destination address for the fulfillment order preview.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// Identifying information and quantity information for the items in the fulfillment order preview.
    /// Maximum of 100 line items with a maximum of 250 units per order.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<GetFulfillmentPreviewItem>>,
    /// A list of shipping methods used for creating fulfillment order previews.
    #[serde(
        rename = "shippingSpeedCategories",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_speed_categories: Option<Vec<ShippingSpeedCategory>>,
    /// When true, returns all fulfillment order previews both for COD and not for COD. Otherwise,
    /// returns only fulfillment order previews that are not for COD.
    #[serde(
        rename = "includeCODFulfillmentPreview",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub include_cod_fulfillment_preview: Option<bool>,
    /// When true, returns the `ScheduledDeliveryInfo` response object, which contains the available
    /// delivery windows for a Scheduled Delivery. The `ScheduledDeliveryInfo` response object can only
    /// be returned for fulfillment order previews with `ShippingSpeedCategories` equal to
    /// `ScheduledDelivery`.
    #[serde(
        rename = "includeDeliveryWindows",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub include_delivery_windows: Option<bool>,
    /// A list of features and their fulfillment policies to apply to the order.
    #[serde(
        rename = "featureConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
}

impl GetFulfillmentPreviewRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.address.is_none() {
            out.push(format!("{prefix}address"));
        }
        if let Some(v) = &self.address {
            v.collect_missing(&format!("{prefix}address."), out);
        }
        if self.items.is_none() {
            out.push(format!("{prefix}items"));
        }
        for (i, v) in self.items.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}items[{i}]."), out);
        }
        for (i, v) in self.feature_constraints.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}featureConstraints[{i}]."), out);
        }
    }
}

/// A list of fulfillment order previews, including estimated shipping weights, estimated shipping fees,
/// and estimated ship dates and arrival dates.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFulfillmentPreviewResult {
    /// An array of fulfillment preview information.
    #[serde(
        rename = "fulfillmentPreviews",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_previews: Option<Vec<FulfillmentPreview>>,
}

/// The response schema for the `getFulfillmentPreview` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFulfillmentPreviewResponse {
    /// The response payload for the `getFulfillmentPreview` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetFulfillmentPreviewResult>,
    /// One or more unexpected errors occurred during the `getFulfillmentPreview` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The request body schema for the `getDeliveryOffers` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetDeliveryOffersRequest {
    /// The product details for the delivery offer.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<GetDeliveryOffersProduct>,
    /// The terms for the delivery offer.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<GetDeliveryOffersTerms>,
}

impl GetDeliveryOffersRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.product.is_none() {
            out.push(format!("{prefix}product"));
        }
        if let Some(v) = &self.product {
            v.collect_missing(&format!("{prefix}product."), out);
        }
        if self.terms.is_none() {
            out.push(format!("{prefix}terms"));
        }
        if let Some(v) = &self.terms {
            v.collect_missing(&format!("{prefix}terms."), out);
        }
    }
}

/// The response schema for the `getDeliveryOffers` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetDeliveryOffersResponse {
    /// The response payload for the `getDeliveryOffers` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetDeliveryOffersResult>,
    /// One or more unexpected errors occurred during the `getDeliveryOffers` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// A list of delivery offers, including offer expiration, earliest and latest date and time range, and
/// the delivery offer policy.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetDeliveryOffersResult {
    /// An array of delivery offers.
    #[serde(rename = "deliveryOffers", default, skip_serializing_if = "Option::is_none")]
    pub delivery_offers: Option<Vec<DeliveryOffer>>,
}

/// An available offer for delivery of a product.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DeliveryOffer {
    /// The timestamp at which a delivery offer expires.
    #[serde(
        rename = "expiresAt",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub expires_at: Option<DateTime<Utc>>,
    /// The range between which delivery is expected.
    #[serde(rename = "dateRange", default, skip_serializing_if = "Option::is_none")]
    pub date_range: Option<DateRange>,
    /// The policy for a delivery offer, including localized messaging.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<DeliveryPolicy>,
}

/// The product details for the delivery offer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetDeliveryOffersProduct {
    /// Product identifier input that locates a product for MCF.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "productIdentifier",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub product_identifier: Option<ProductIdentifier>,
    /// The amount of the requested product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Amount>,
}

impl GetDeliveryOffersProduct {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.product_identifier.is_none() {
            out.push(format!("{prefix}productIdentifier"));
        }
        if let Some(v) = &self.product_identifier {
            v.collect_missing(&format!("{prefix}productIdentifier."), out);
        }
        if let Some(v) = &self.amount {
            v.collect_missing(&format!("{prefix}amount."), out);
        }
    }
}

/// A quantity based on the specified unit of measurement.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Amount {
    /// The unit of measure for the amount.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "unitOfMeasure", default, skip_serializing_if = "Option::is_none")]
    pub unit_of_measure: Option<AmountUnitOfMeasure>,
    /// The amount of a product in the associated unit of measurement.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal"
    )]
    pub value: Option<Decimal>,
}

impl Amount {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.unit_of_measure.is_none() {
            out.push(format!("{prefix}unitOfMeasure"));
        }
        if self.value.is_none() {
            out.push(format!("{prefix}value"));
        }
    }
}

/// The delivery terms for the delivery offer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetDeliveryOffersTerms {
    /// The origin for the delivery offer.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// The destination for the delivery offer.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<Destination>,
}

impl GetDeliveryOffersTerms {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.origin.is_none() {
            out.push(format!("{prefix}origin"));
        }
        if let Some(v) = &self.origin {
            v.collect_missing(&format!("{prefix}origin."), out);
        }
        if self.destination.is_none() {
            out.push(format!("{prefix}destination"));
        }
        if let Some(v) = &self.destination {
            v.collect_missing(&format!("{prefix}destination."), out);
        }
    }
}

/// The destination for the delivery offer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Destination {
    /// A physical address with varying degrees of precision. A more precise address can provide more
    /// accurate results than country code and postal code alone.
    #[serde(rename = "deliveryAddress", default, skip_serializing_if = "Option::is_none")]
    pub delivery_address: Option<VariablePrecisionAddress>,
    /// The IP address of the customer.
    #[serde(
        rename = "ipAddress",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub ip_address: Option<String>,
}

impl Destination {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if let Some(v) = &self.delivery_address {
            v.collect_missing(&format!("{prefix}deliveryAddress."), out);
        }
    }
}

/// Product identifier input that locates a product for MCF.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ProductIdentifier {
    /// The merchant SKU for the product.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "merchantSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub merchant_sku: Option<String>,
}

impl ProductIdentifier {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.merchant_sku.is_none() {
            out.push(format!("{prefix}merchantSku"));
        }
    }
}

/// The origin for the delivery offer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Origin {
    /// The two-digit country code (in ISO 3166-1 alpha-2 format) for the country where the items will
    /// ship from.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "countryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub country_code: Option<String>,
}

impl Origin {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.country_code.is_none() {
            out.push(format!("{prefix}countryCode"));
        }
    }
}

/// A physical address with varying degrees of precision. A more precise address can provide more
/// accurate results than country code and postal code alone.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct VariablePrecisionAddress {
    /// The first line of the address.
    #[serde(
        rename = "addressLine1",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line1: Option<String>,
    /// Additional address information, if required.
    #[serde(
        rename = "addressLine2",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line2: Option<String>,
    /// Additional address information, if required.
    #[serde(
        rename = "addressLine3",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub address_line3: Option<String>,
    /// The city where the person, business, or institution is located. This property should not be used
    /// in Japan.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub city: Option<String>,
    /// The district or county where the person, business, or institution is located.
    #[serde(
        rename = "districtOrCounty",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub district_or_county: Option<String>,
    /// The state or region where the person, business or institution is located.
    #[serde(
        rename = "stateOrRegion",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub state_or_region: Option<String>,
    /// The postal code of the address.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "postalCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub postal_code: Option<String>,
    /// The two digit country code. In ISO 3166-1 alpha-2 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "countryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub country_code: Option<String>,
}

impl VariablePrecisionAddress {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.postal_code.is_none() {
            out.push(format!("{prefix}postalCode"));
        }
        if self.country_code.is_none() {
            out.push(format!("{prefix}countryCode"));
        }
    }
}

/// The time range within which something (for example, a delivery) will occur.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DateRange {
    /// The earliest point in a date range.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub earliest: Option<DateTime<Utc>>,
    /// The latest point in a date range.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub latest: Option<DateTime<Utc>>,
}

/// The policy for a delivery offering.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DeliveryPolicy {
    /// Localized messaging for a delivery offering.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<DeliveryMessage>,
}

/// Localized messaging for a delivery offering.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DeliveryMessage {
    /// The message content for a delivery offering.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub text: Option<String>,
    /// The locale for the message (e.g., `en_US`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub locale: Option<String>,
}

/// The reason that the item is invalid for return.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct InvalidItemReason {
    /// A code for why the item is invalid for return.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "invalidItemReasonCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invalid_item_reason_code: Option<InvalidItemReasonCode>,
    /// A human readable description of the invalid item reason code.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub description: Option<String>,
}

/// An item that is invalid for return.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct InvalidReturnItem {
    /// An identifier the seller assigns to the return item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerReturnItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_return_item_id: Option<String>,
    /// The identifier assigned to the item by the seller when the fulfillment order was created.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The reason that the item is invalid for return.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "invalidItemReason",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub invalid_item_reason: Option<InvalidItemReason>,
}

/// The request for the `listAllFulfillmentOrders` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ListAllFulfillmentOrdersResult {
    /// When present and not empty, pass this string token in the next request to return the next
    /// response page.
    #[serde(
        rename = "nextToken",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub next_token: Option<String>,
    /// An array of fulfillment order information.
    #[serde(
        rename = "fulfillmentOrders",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_orders: Option<Vec<FulfillmentOrder>>,
}

/// The response schema for the `listAllFulfillmentOrders` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ListAllFulfillmentOrdersResponse {
    /// The payload for the `listAllFulfillmentOrders` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ListAllFulfillmentOrdersResult>,
    /// One or more unexpected errors occurred during the `listAllFulfillmentOrders` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The request for the `listReturnReasonCodes` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ListReturnReasonCodesResult {
    /// An array of return reason code details.
    #[serde(
        rename = "reasonCodeDetails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub reason_code_details: Option<Vec<ReasonCodeDetails>>,
}

/// The response schema for the `listReturnReasonCodes` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ListReturnReasonCodesResponse {
    /// The payload for the `listReturnReasonCodes` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<ListReturnReasonCodesResult>,
    /// One or more unexpected errors occurred during the `listReturnReasonCodes` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The locker details, which you can use to access the locker delivery box.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LockerDetails {
    /// Indicates the locker number
    #[serde(
        rename = "lockerNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub locker_number: Option<String>,
    /// Indicates the locker access code
    #[serde(
        rename = "lockerAccessCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub locker_access_code: Option<String>,
}

impl std::fmt::Debug for LockerDetails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("LockerDetails")
            .field(
                "locker_number",
                &self.locker_number.as_ref().map(|_| "<redacted>"),
            )
            .field(
                "locker_access_code",
                &self.locker_access_code.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

/// The delivery information of the package, this information is only available post package delivery to
/// its intended destination.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DeliveryInformation {
    /// All of the delivery documents for a package.
    #[serde(
        rename = "deliveryDocumentList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_document_list: Option<Vec<DeliveryDocument>>,
    /// The drop off location for a package.
    #[serde(rename = "dropOffLocation", default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<DropOffLocation>,
}

/// A delivery document for a package.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DeliveryDocument {
    /// The delivery document type. The only possible value is `DELIVERY_IMAGE`.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "documentType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub document_type: Option<String>,
    /// A URL that is valid for one hour to download the document. In case of URL expiry, call the API
    /// again to get a new url. The URL will have a Content-Type header.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub url: Option<String>,
}

/// Tracking details of package
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PackageTrackingDetails {
    /// The package identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "packageNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub package_number: Option<i64>,
    /// The tracking number for the package.
    #[serde(
        rename = "trackingNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub tracking_number: Option<String>,
    /// Link on swiship.com that allows customers to track the package.
    #[serde(
        rename = "customerTrackingLink",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub customer_tracking_link: Option<String>,
    /// The name of the carrier.
    #[serde(
        rename = "carrierCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_code: Option<String>,
    /// The phone number of the carrier.
    #[serde(
        rename = "carrierPhoneNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_phone_number: Option<String>,
    /// The URL of the carrier's website.
    #[serde(
        rename = "carrierURL",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub carrier_url: Option<String>,
    /// The shipping date for the package.
    #[serde(
        rename = "shipDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub ship_date: Option<DateTime<Utc>>,
    /// The estimated arrival date.
    #[serde(
        rename = "estimatedArrivalDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub estimated_arrival_date: Option<DateTime<Utc>>,
    /// The destination city for the package.
    #[serde(rename = "shipToAddress", default, skip_serializing_if = "Option::is_none")]
    pub ship_to_address: Option<TrackingAddress>,
    /// The current delivery status of the package.
    #[serde(rename = "currentStatus", default, skip_serializing_if = "Option::is_none")]
    pub current_status: Option<CurrentStatus>,
    /// Description corresponding to the `CurrentStatus` value.
    #[serde(
        rename = "currentStatusDescription",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub current_status_description: Option<String>,
    /// The delivery window for the package. This is available after the package reaches its destination
    /// delivery station.
    #[serde(rename = "deliveryWindow", default, skip_serializing_if = "Option::is_none")]
    pub delivery_window: Option<DateRange>,
    /// The name of the person who signed for the package.
    #[serde(
        rename = "signedForBy",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub signed_for_by: Option<String>,
    /// Additional location information.
    #[serde(
        rename = "additionalLocationInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub additional_location_info: Option<AdditionalLocationInfo>,
    /// An array of tracking event information.
    #[serde(rename = "trackingEvents", default, skip_serializing_if = "Option::is_none")]
    pub tracking_events: Option<Vec<TrackingEvent>>,
}

/// The response schema for the `getPackageTrackingDetails` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetPackageTrackingDetailsResponse {
    /// The payload for the `getPackageTrackingDetails` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<PackageTrackingDetails>,
    /// One or more unexpected errors occurred during the `getPackageTrackingDetails` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// A return reason code, a description, and an optional description translation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ReasonCodeDetails {
    /// A code that indicates a valid return reason.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "returnReasonCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub return_reason_code: Option<String>,
    /// A human readable description of the return reason code.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub description: Option<String>,
    /// A translation of the description. The translation is in the language specified in the `language`
    /// request parameter.
    #[serde(
        rename = "translatedDescription",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub translated_description: Option<String>,
}

/// The attributes related to the payment made from customer to seller for this order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PaymentInformation {
    /// The transaction identifier of this payment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "paymentTransactionId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub payment_transaction_id: Option<String>,
    /// The transaction mode of this payment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "paymentMode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub payment_mode: Option<String>,
    /// The transaction date of this payment.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "paymentDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub payment_date: Option<DateTime<Utc>>,
}

impl PaymentInformation {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.payment_transaction_id.is_none() {
            out.push(format!("{prefix}paymentTransactionId"));
        }
        if self.payment_mode.is_none() {
            out.push(format!("{prefix}paymentMode"));
        }
        if self.payment_date.is_none() {
            out.push(format!("{prefix}paymentDate"));
        }
    }
}

/// Return authorization information for items accepted for return.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ReturnAuthorization {
    /// An identifier for the return authorization. This identifier associates return items with the
    /// return authorization used to return them.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "returnAuthorizationId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub return_authorization_id: Option<String>,
    /// An identifier for the Amazon fulfillment center to which the return items should be sent.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentCenterId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fulfillment_center_id: Option<String>,
    /// The address of the Amazon fulfillment center that the return items should be sent to.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "returnToAddress", default, skip_serializing_if = "Option::is_none")]
    pub return_to_address: Option<Address>,
    /// The return merchandise authorization (RMA) that Amazon needs to process the return.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "amazonRmaId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_rma_id: Option<String>,
    /// A URL for a web page that contains the return authorization barcode and the mailing label. This
    /// does not include pre-paid shipping.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "rmaPageURL",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub rma_page_url: Option<String>,
}

/// An item that Amazon accepted for return.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ReturnItem {
    /// An identifier the seller assigns to the return item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerReturnItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_return_item_id: Option<String>,
    /// The identifier assigned to the item by the seller when the fulfillment order was created.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The identifier for the shipment that is associated with the return item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "amazonShipmentId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_shipment_id: Option<String>,
    /// The return reason code assigned to the return item by the seller.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerReturnReasonCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_return_reason_code: Option<String>,
    /// An optional comment about the return item.
    #[serde(
        rename = "returnComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub return_comment: Option<String>,
    /// The return reason code that the Amazon fulfillment center assigned to the return item.
    #[serde(
        rename = "amazonReturnReasonCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub amazon_return_reason_code: Option<String>,
    /// Indicates if the return item has been processed by an Amazon fulfillment center.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<FulfillmentReturnItemStatus>,
    /// Indicates when the status last changed.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "statusChangedDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub status_changed_date: Option<DateTime<Utc>>,
    /// Identifies the return authorization used to return this item. Refer to `ReturnAuthorization`.
    #[serde(
        rename = "returnAuthorizationId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub return_authorization_id: Option<String>,
    /// The condition of the return item when received by an Amazon fulfillment center.
    #[serde(
        rename = "returnReceivedCondition",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub return_received_condition: Option<ReturnItemDisposition>,
    /// The identifier for the Amazon fulfillment center that processed the return item.
    #[serde(
        rename = "fulfillmentCenterId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fulfillment_center_id: Option<String>,
}

/// Delivery information for a scheduled delivery. This is only available in the JP marketplace.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ScheduledDeliveryInfo {
    /// The time zone of the destination address for the fulfillment order preview. Must be an IANA time
    /// zone name. Example: Asia/Tokyo.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "deliveryTimeZone",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub delivery_time_zone: Option<String>,
    /// An array of time ranges that are available for scheduled delivery.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "deliveryWindows", default, skip_serializing_if = "Option::is_none")]
    pub delivery_windows: Option<Vec<DeliveryWindow>>,
}

/// Address information for tracking the package.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TrackingAddress {
    /// The city.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub city: Option<String>,
    /// The state.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub state: Option<String>,
    /// The country.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub country: Option<String>,
}

/// Information for tracking package deliveries.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TrackingEvent {
    /// The date and time that the delivery event took place, in ISO 8601 date time format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "eventDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub event_date: Option<DateTime<Utc>>,
    /// The city where the delivery event took place.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "eventAddress", default, skip_serializing_if = "Option::is_none")]
    pub event_address: Option<TrackingAddress>,
    /// The event code for the delivery event.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "eventCode", default, skip_serializing_if = "Option::is_none")]
    pub event_code: Option<EventCode>,
    /// A description for the corresponding event code.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "eventDescription",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub event_description: Option<String>,
}

/// Information about unfulfillable items in a fulfillment order preview.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UnfulfillablePreviewItem {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The item quantity.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// A fulfillment order item identifier created with a call to the `getFulfillmentPreview`
    /// operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// Error codes associated with the fulfillment order preview that indicate why the item is
    /// unfulfillable.
    #[serde(
        rename = "itemUnfulfillableReasons",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub item_unfulfillable_reasons: Option<Vec<String>>,
}

/// Item information for updating a fulfillment order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateFulfillmentOrderItem {
    /// The seller SKU of the item.
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// Identifies the fulfillment order item to update. Created with a previous call to the
    /// `createFulfillmentOrder` operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerFulfillmentOrderItemId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_fulfillment_order_item_id: Option<String>,
    /// The item quantity.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
    /// A message to the gift recipient, if applicable.
    #[serde(
        rename = "giftMessage",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub gift_message: Option<String>,
    /// Item-specific text that displays in recipient-facing materials such as the outbound shipment
    /// packing slip.
    #[serde(
        rename = "displayableComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_comment: Option<String>,
    /// Amazon's fulfillment network SKU of the item.
    #[serde(
        rename = "fulfillmentNetworkSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fulfillment_network_sku: Option<String>,
    /// Indicates whether the item is sellable or unsellable.
    #[serde(
        rename = "orderItemDisposition",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub order_item_disposition: Option<String>,
    /// The monetary value assigned by the seller to this item. This is a required field for India MCF
    /// orders.
    #[serde(
        rename = "perUnitDeclaredValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub per_unit_declared_value: Option<Money>,
    /// The amount to be collected from the recipient for this item in a COD (Cash On Delivery) order.
    #[serde(rename = "perUnitPrice", default, skip_serializing_if = "Option::is_none")]
    pub per_unit_price: Option<Money>,
    /// The tax on the amount to be collected from the recipient for this item in a COD (Cash On
    /// Delivery) order.
    #[serde(rename = "perUnitTax", default, skip_serializing_if = "Option::is_none")]
    pub per_unit_tax: Option<Money>,
}

impl std::fmt::Debug for UpdateFulfillmentOrderItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("UpdateFulfillmentOrderItem")
            .field("seller_sku", &self.seller_sku)
            .field(
                "seller_fulfillment_order_item_id",
                &self.seller_fulfillment_order_item_id,
            )
            .field("quantity", &self.quantity)
            .field("gift_message", &self.gift_message.as_ref().map(|_| "<redacted>"))
            .field(
                "displayable_comment",
                &self.displayable_comment.as_ref().map(|_| "<redacted>"),
            )
            .field("fulfillment_network_sku", &self.fulfillment_network_sku)
            .field("order_item_disposition", &self.order_item_disposition)
            .field("per_unit_declared_value", &self.per_unit_declared_value)
            .field("per_unit_price", &self.per_unit_price)
            .field("per_unit_tax", &self.per_unit_tax)
            .finish()
    }
}

impl UpdateFulfillmentOrderItem {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.seller_fulfillment_order_item_id.is_none() {
            out.push(format!("{prefix}sellerFulfillmentOrderItemId"));
        }
        if self.quantity.is_none() {
            out.push(format!("{prefix}quantity"));
        }
        if let Some(v) = &self.per_unit_declared_value {
            v.collect_missing(&format!("{prefix}perUnitDeclaredValue."), out);
        }
        if let Some(v) = &self.per_unit_price {
            v.collect_missing(&format!("{prefix}perUnitPrice."), out);
        }
        if let Some(v) = &self.per_unit_tax {
            v.collect_missing(&format!("{prefix}perUnitTax."), out);
        }
    }
}

/// The request body schema for the `updateFulfillmentOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateFulfillmentOrderRequest {
    /// The marketplace the fulfillment order is placed against.
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// A fulfillment order identifier that the seller creates. This value displays as the order
    /// identifier in recipient-facing materials such as the outbound shipment packing slip. The value
    /// of `DisplayableOrderId` should match the order identifier that the seller provides to the
    /// recipient. The seller can use the `SellerFulfillmentOrderId` for this value or they can specify
    /// an alternate value if they want the recipient to reference an alternate order identifier.
    #[serde(
        rename = "displayableOrderId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_order_id: Option<String>,
    /// The date and time of the fulfillment order. Displays as the order date in recipient-facing
    /// materials such as the outbound shipment packing slip.
    #[serde(
        rename = "displayableOrderDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub displayable_order_date: Option<DateTime<Utc>>,
    /// Order-specific text that appears in recipient-facing materials such as the outbound shipment
    /// packing slip.
    #[serde(
        rename = "displayableOrderComment",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub displayable_order_comment: Option<String>,
    /// The shipping method used for the fulfillment order. When this value is `ScheduledDelivery`,
    /// choose `Ship` for the `fulfillmentAction`. `Hold` is not a valid `fulfillmentAction` value when
    /// the `shippingSpeedCategory` value is `ScheduledDelivery`. Note: Shipping method service level
    /// agreements vary by marketplace. Sellers should refer to the Seller Central website in their
    /// marketplace for shipping method service level agreements and fulfillment fees.
    #[serde(
        rename = "shippingSpeedCategory",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_speed_category: Option<ShippingSpeedCategory>,
    /// The destination address for the fulfillment order.
    #[serde(
        rename = "destinationAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub destination_address: Option<Address>,
    /// Specifies whether the fulfillment order should ship now or have an order hold put on it.
    #[serde(
        rename = "fulfillmentAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_action: Option<FulfillmentAction>,
    /// The `FulfillmentPolicy` value specified when you called the `createFulfillmentOrder` operation.
    #[serde(
        rename = "fulfillmentPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_policy: Option<FulfillmentPolicy>,
    /// The two-character country code for the country from which the fulfillment order ships. Must be
    /// in ISO 3166-1 alpha-2 format.
    #[serde(
        rename = "shipFromCountryCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub ship_from_country_code: Option<String>,
    /// A list of email addresses that the seller provides that are used by Amazon to send ship-complete
    /// notifications to recipients on behalf of the seller.
    #[serde(
        rename = "notificationEmails",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub notification_emails: Option<Vec<String>>,
    /// A list of features and their fulfillment policies to apply to the order.
    #[serde(
        rename = "featureConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub feature_constraints: Option<Vec<FeatureSettings>>,
    /// A list of items to include in the fulfillment order preview, including quantity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<UpdateFulfillmentOrderItem>>,
}

impl std::fmt::Debug for UpdateFulfillmentOrderRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("UpdateFulfillmentOrderRequest")
            .field("marketplace_id", &self.marketplace_id)
            .field("displayable_order_id", &self.displayable_order_id)
            .field("displayable_order_date", &self.displayable_order_date)
            .field(
                "displayable_order_comment",
                &self.displayable_order_comment.as_ref().map(|_| "<redacted>"),
            )
            .field("shipping_speed_category", &self.shipping_speed_category)
            .field("destination_address", &self.destination_address)
            .field("fulfillment_action", &self.fulfillment_action)
            .field("fulfillment_policy", &self.fulfillment_policy)
            .field("ship_from_country_code", &self.ship_from_country_code)
            .field(
                "notification_emails",
                &self.notification_emails.as_ref().map(|_| "<redacted>"),
            )
            .field("feature_constraints", &self.feature_constraints)
            .field("items", &self.items)
            .finish()
    }
}

impl UpdateFulfillmentOrderRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if let Some(v) = &self.destination_address {
            v.collect_missing(&format!("{prefix}destinationAddress."), out);
        }
        for (i, v) in self.feature_constraints.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}featureConstraints[{i}]."), out);
        }
        for (i, v) in self.items.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}items[{i}]."), out);
        }
    }
}

/// The response schema for the `updateFulfillmentOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UpdateFulfillmentOrderResponse {
    /// One or more unexpected errors occurred during the `updateFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The response schema for the `createFulfillmentOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateFulfillmentOrderResponse {
    /// One or more unexpected errors occurred during the `createFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The response schema for the `cancelFulfillmentOrder` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CancelFulfillmentOrderResponse {
    /// One or more unexpected errors occurred during the `cancelFulfillmentOrder` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The weight.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Weight {
    /// The unit of weight.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<WeightUnit>,
    /// The weight value.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub value: Option<String>,
}

/// The breakdown of eligibility inventory by feature.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFeatureInventoryResponse {
    /// The payload for the `getEligibleInventory` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetFeatureInventoryResult>,
    /// One or more unexpected errors occurred during the getFeatureInventory operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The payload for the `getEligibleInventory` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFeatureInventoryResult {
    /// The requested marketplace.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The name of the feature.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "featureName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub feature_name: Option<String>,
    /// When present and not empty, pass this string token in the next request to return the next
    /// response page.
    #[serde(
        rename = "nextToken",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub next_token: Option<String>,
    /// An array of SKUs eligible for this feature and the quantity available.
    #[serde(rename = "featureSkus", default, skip_serializing_if = "Option::is_none")]
    pub feature_skus: Option<Vec<FeatureSku>>,
}

/// Information about an SKU, including the count available, identifiers, and a list of overlapping SKUs
/// that share the same inventory pool.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FeatureSku {
    /// Used to identify an item in the given marketplace. SellerSKU is qualified by the seller's
    /// SellerId, which is included with every operation that you submit.
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The unique SKU used by Amazon's fulfillment network.
    #[serde(
        rename = "fnSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fn_sku: Option<String>,
    /// The Amazon Standard Identification Number (ASIN) of the item.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub asin: Option<String>,
    /// The number of SKUs available for this service.
    #[serde(
        rename = "skuCount",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub sku_count: Option<Decimal>,
    /// Other seller SKUs that are shared across the same inventory.
    #[serde(rename = "overlappingSkus", default, skip_serializing_if = "Option::is_none")]
    pub overlapping_skus: Option<Vec<String>>,
}

/// The response schema for the `getFeatures` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFeaturesResponse {
    /// The payload for the `getFeatures` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetFeaturesResult>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The payload for the `getFeatures` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFeaturesResult {
    /// An array of features.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub features: Option<Vec<Feature>>,
}

/// A Multi-Channel Fulfillment feature.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Feature {
    /// The feature name.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "featureName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub feature_name: Option<String>,
    /// The feature description.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "featureDescription",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub feature_description: Option<String>,
    /// When true, indicates that the seller is eligible to use the feature.
    #[serde(
        rename = "sellerEligible",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub seller_eligible: Option<bool>,
}

/// The response schema for the `getFeatureSKU` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFeatureSkuResponse {
    /// The payload for the `getFeatureSKU` operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetFeatureSkuResult>,
    /// A list of error responses returned when a request is unsuccessful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The payload for the `getFeatureSKU` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFeatureSkuResult {
    /// The requested marketplace.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The name of the feature.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "featureName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub feature_name: Option<String>,
    /// When true, the seller SKU is eligible for the requested feature.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "isEligible",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_bool"
    )]
    pub is_eligible: Option<bool>,
    /// A list of one or more reasons that the seller SKU is ineligible for the feature.
    #[serde(
        rename = "ineligibleReasons",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ineligible_reasons: Option<Vec<String>>,
    /// Used to identify an item in the given marketplace. SellerSKU is qualified by the seller's
    /// SellerId, which is included with every operation that you submit.
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The unique SKU used by Amazon's fulfillment network.
    #[serde(
        rename = "fnSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fn_sku: Option<String>,
    /// The Amazon Standard Identification Number (ASIN) of the item.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub asin: Option<String>,
    /// The number of SKUs available for this service.
    #[serde(
        rename = "skuCount",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal",
        serialize_with = "wire::opt_decimal_number"
    )]
    pub sku_count: Option<Decimal>,
}

/// Feature settings allows you to apply fulfillment features to an order. To block an order from being
/// shipped using Amazon Logistics (AMZL) and an AMZL tracking number, set `featureName` to `BLOCK_AMZL`
/// and `featureFulfillmentPolicy` to `Required`. Blocking AMZL will incur an additional fee surcharge
/// on your MCF orders and increase the risk of some of your orders being unfulfilled or delivered late
/// if there are no alternative carriers available. Using `BLOCK_AMZL` in an order request will take
/// precedence over your Seller Central account setting.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FeatureSettings {
    /// The name of the feature. Valid feature names are:
    #[serde(
        rename = "featureName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub feature_name: Option<String>,
    /// Specifies the policy to use when fulfilling an order.
    #[serde(
        rename = "featureFulfillmentPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub feature_fulfillment_policy: Option<FeatureSettingsFeatureFulfillmentPolicy>,
}

impl FeatureSettings {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// The request body schema for the `submitFulfillmentOrderStatusUpdate` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SubmitFulfillmentOrderStatusUpdateRequest {
    /// The current status of the fulfillment order.
    #[serde(
        rename = "fulfillmentOrderStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_order_status: Option<FulfillmentOrderStatus>,
}

impl SubmitFulfillmentOrderStatusUpdateRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        let _ = (prefix, out);
    }
}

/// The response schema for the `SubmitFulfillmentOrderStatusUpdate` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SubmitFulfillmentOrderStatusUpdateResponse {
    /// One or more unexpected errors occurred during the `SubmitFulfillmentOrderStatusUpdate`
    /// operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Serializers for request bodies: Amazon's `number` fields as JSON numbers (not the string form
/// `rust_decimal` uses by default) and timestamps in the millisecond ISO 8601 form of Amazon's examples.
mod wire {

    use rust_decimal::prelude::ToPrimitive;

    pub(super) fn opt_decimal_number<S: serde::Serializer>(
        v: &Option<rust_decimal::Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(d) if d.fract().is_zero() => match d.to_i64() {
                Some(i) => s.serialize_i64(i),
                None => s.serialize_f64(d.to_f64().unwrap_or(f64::MAX)),
            },
            Some(d) => match d.to_f64() {
                Some(f) => s.serialize_f64(f),
                None => s.serialize_str(&d.to_string()),
            },
        }
    }

    pub(super) fn opt_datetime_millis<S: serde::Serializer>(
        v: &Option<chrono::DateTime<chrono::Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        }
    }
}
