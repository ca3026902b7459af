//! Sandbox cases of Fulfillment Outbound 2020-07-01 (owner: ops-b).
//!
//! Amazon's model has only dynamic sandbox cases for this API today, so the sandbox folder holds no file
//! for it; this module maps any static case a later model adds (file `fulfillmentOutbound_2020-07-01`).

use amazon_spapi::error::Error;
use amazon_spapi::fulfillment_outbound_2020_07_01::{
    CancelFulfillmentOrder, CreateFulfillmentOrder, CreateFulfillmentOrderRequest, CreateFulfillmentReturn,
    CreateFulfillmentReturnRequest, GetFeatures, GetFulfillmentOrder, GetFulfillmentPreview,
    GetFulfillmentPreviewRequest, GetPackageTrackingDetails, ListAllFulfillmentOrders, ListReturnReasonCodes,
    UpdateFulfillmentOrder, UpdateFulfillmentOrderRequest,
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

/// Checks `case` when it is a Fulfillment Outbound case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "fulfillmentOutbound_2020-07-01" {
        return None;
    }
    let id = "sellerFulfillmentOrderId";
    let known: &[&str] = match case.operation_id.as_str() {
        "getFulfillmentPreview" | "createFulfillmentOrder" => &["body"],
        "getFulfillmentOrder" | "cancelFulfillmentOrder" => &[id],
        "updateFulfillmentOrder" | "createFulfillmentReturn" => &[id, "body"],
        "listAllFulfillmentOrders" => &["queryStartDate", "nextToken"],
        "getPackageTrackingDetails" => &["packageNumber"],
        "listReturnReasonCodes" => &[
            "sellerSku",
            "marketplaceId",
            "sellerFulfillmentOrderId",
            "language",
        ],
        "getFeatures" => &["marketplaceId"],
        _ => return None,
    };
    if let Err(e) = only(case, known) {
        return Some(Err(e));
    }
    let h = harness(case);
    let c = h.client();
    let order_id = case.str(id).unwrap_or_default();
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "getFulfillmentPreview" => {
            let body = body!(case, h, GetFulfillmentPreviewRequest);
            GetFulfillmentPreview::new(c)
                .body(body)
                .send()
                .await
                .map(|r| typed(&r.payload))
        }
        "createFulfillmentOrder" => {
            let body = body!(case, h, CreateFulfillmentOrderRequest);
            CreateFulfillmentOrder::new(c)
                .body(body)
                .send()
                .await
                .map(|r| typed(&r.payload))
        }
        "getFulfillmentOrder" => GetFulfillmentOrder::new(c)
            .seller_fulfillment_order_id(order_id)
            .send()
            .await
            .map(|r| typed(&r.payload)),
        "cancelFulfillmentOrder" => CancelFulfillmentOrder::new(c)
            .seller_fulfillment_order_id(order_id)
            .send()
            .await
            .map(|r| typed(&r.payload)),
        "updateFulfillmentOrder" => {
            let body = body!(case, h, UpdateFulfillmentOrderRequest);
            UpdateFulfillmentOrder::new(c)
                .seller_fulfillment_order_id(order_id)
                .body(body)
                .send()
                .await
                .map(|r| typed(&r.payload))
        }
        "createFulfillmentReturn" => {
            let body = body!(case, h, CreateFulfillmentReturnRequest);
            CreateFulfillmentReturn::new(c)
                .seller_fulfillment_order_id(order_id)
                .body(body)
                .send()
                .await
                .map(|r| typed(&r.payload))
        }
        "listAllFulfillmentOrders" => {
            let mut b = ListAllFulfillmentOrders::new(c);
            if let Some(t) = case.time("queryStartDate") {
                b = b.query_start_date(t);
            }
            if let Some(t) = case.str("nextToken") {
                b = b.next_token(t);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "getPackageTrackingDetails" => {
            let mut b = GetPackageTrackingDetails::new(c);
            if let Some(n) = case.str("packageNumber").and_then(|s| s.parse().ok()) {
                b = b.package_number(n);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "listReturnReasonCodes" => {
            let mut b = ListReturnReasonCodes::new(c);
            if let Some(v) = case.str("sellerSku") {
                b = b.seller_sku(v);
            }
            if let Some(v) = case.str("marketplaceId") {
                b = b.marketplace_id(v);
            }
            if let Some(v) = case.str(id) {
                b = b.seller_fulfillment_order_id(v);
            }
            if let Some(v) = case.str("language") {
                b = b.language(v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "getFeatures" => {
            let mut b = GetFeatures::new(c);
            if let Some(v) = case.str("marketplaceId") {
                b = b.marketplace_id(v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        _ => return None,
    };
    Some(h.verify(case, outcome))
}
