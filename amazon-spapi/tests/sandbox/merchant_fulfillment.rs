//! Sandbox cases of Merchant Fulfillment v0 (owner: ops-b).

use amazon_spapi::error::Error;
use amazon_spapi::merchant_fulfillment_v0::{
    CancelShipment, CreateShipment, CreateShipmentRequest, GetAdditionalSellerInputs,
    GetAdditionalSellerInputsRequest, GetEligibleShipmentServices, GetEligibleShipmentServicesRequest,
    GetShipment,
};
use serde_json::Value;

use crate::orders_v0::only;
use crate::{harness, Case};

fn typed<T: serde::Serialize>(v: &T) -> Option<Value> {
    Some(serde_json::to_value(v).expect("typed answers serialize"))
}

macro_rules! body {
    ($case:expr, $h:expr, $t:ty) => {
        match $case.body::<$t>() {
            Ok(b) => b,
            Err(e) => return Some($h.verify($case, Err(Error::invalid_input("body", e)))),
        }
    };
}

/// Checks `case` when it is a Merchant Fulfillment case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "merchantFulfillmentV0" {
        return None;
    }
    let h = harness(case);
    let c = h.client();
    let known: &[&str] = match case.operation_id.as_str() {
        "getEligibleShipmentServices" | "createShipment" | "getAdditionalSellerInputs" => &["body"],
        "getShipment" | "cancelShipment" => &["shipmentId"],
        _ => return None,
    };
    if let Err(e) = only(case, known) {
        return Some(Err(e));
    }
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "getEligibleShipmentServices" => {
            let body = body!(case, h, GetEligibleShipmentServicesRequest);
            let mut b = GetEligibleShipmentServices::new(c);
            if let Some(d) = body.shipment_request_details {
                b = b.shipment_request_details(d);
            }
            if let Some(f) = body.shipping_offering_filter {
                b = b.shipping_offering_filter(f);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "createShipment" => {
            let body = body!(case, h, CreateShipmentRequest);
            CreateShipment::new(c)
                .body(body)
                .send()
                .await
                .map(|r| typed(&r.payload))
        }
        "getAdditionalSellerInputs" => {
            let body = body!(case, h, GetAdditionalSellerInputsRequest);
            let mut b = GetAdditionalSellerInputs::new(c);
            if let Some(v) = body.shipping_service_id {
                b = b.shipping_service_id(v);
            }
            if let Some(v) = body.ship_from_address {
                b = b.ship_from_address(v);
            }
            if let Some(v) = body.order_id {
                b = b.order_id(v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "getShipment" => {
            let mut b = GetShipment::new(c);
            if let Some(id) = case.str("shipmentId") {
                b = b.shipment_id(id);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "cancelShipment" => {
            let mut b = CancelShipment::new(c);
            if let Some(id) = case.str("shipmentId") {
                b = b.shipment_id(id);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        _ => return None,
    };
    Some(h.verify(case, outcome))
}
