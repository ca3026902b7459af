//! Merchant Fulfillment API v0: buy shipping labels from Amazon for orders the seller ships itself.
//!
//! - [`GetEligibleShipmentServices`]: the shipping service offers for a package;
//! - [`GetAdditionalSellerInputs`]: extra inputs a carrier needs before a label can be bought;
//! - [`CreateShipment`]: buys a label (restricted: a Restricted Data Token is fetched and cached);
//! - [`GetShipment`]: a shipment and its label (restricted);
//! - [`CancelShipment`]: cancels a shipment and refunds the label.
//!
//! Addresses and label contents are buyers' personal data: their `Debug` output is redacted.

mod ids;
pub mod models;
mod shipments;

pub use models::{
    Address, CancelShipmentResponse, CreateShipmentRequest, CreateShipmentResponse, CurrencyAmount,
    GetAdditionalSellerInputsRequest, GetAdditionalSellerInputsResponse, GetEligibleShipmentServicesRequest,
    GetEligibleShipmentServicesResponse, GetShipmentResponse, Item, Label, PackageDimensions, Shipment,
    ShipmentRequestDetails, ShippingService, ShippingServiceOptions, Weight,
};
pub use shipments::{
    CancelShipment, CreateShipment, GetAdditionalSellerInputs, GetEligibleShipmentServices, GetShipment,
    CANCEL_SHIPMENT, CREATE_SHIPMENT, GET_ADDITIONAL_SELLER_INPUTS, GET_ELIGIBLE_SHIPMENT_SERVICES,
    GET_SHIPMENT,
};

#[cfg(test)]
mod tests;
pub use ids::*;
