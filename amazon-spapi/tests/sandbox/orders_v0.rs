//! Sandbox cases of Orders v0 (owner: ops-a).

use amazon_spapi::error::Error;
use amazon_spapi::orders_v0::{
    ConfirmShipment, ConfirmShipmentRequest, GetOrder, GetOrderAddress, GetOrderBuyerInfo, GetOrderItems,
    GetOrderItemsBuyerInfo, GetOrderRegulatedInfo, GetOrders, QueryTime, UpdateShipmentStatus,
    UpdateShipmentStatusRequest, UpdateVerificationStatus, UpdateVerificationStatusRequest,
};
use serde_json::Value;

use crate::{harness, Case};

/// A timestamp parameter: a point in time when it parses, else the literal (`TEST_CASE_200`).
pub fn query_time(case: &Case, name: &str) -> Option<QueryTime> {
    let s = case.str(name)?;
    Some(match case.time(name) {
        Some(t) => QueryTime::At(t),
        None => QueryTime::literal(s),
    })
}

/// Fails when the case carries a parameter the arm does not map (so nothing is silently dropped).
pub fn only(case: &Case, known: &[&str]) -> Result<(), String> {
    match case.params.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(format!(
            "{}: parameter `{k}` is not mapped to the builder",
            case.label()
        )),
        None => Ok(()),
    }
}

fn typed<T: serde::Serialize>(v: &T) -> Option<Value> {
    Some(serde_json::to_value(v).expect("typed answers serialize"))
}

/// Checks `case` when it is an Orders v0 case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "ordersV0" {
        return None;
    }
    let h = harness(case);
    let c = h.client();
    let order_id = case.str("orderId").unwrap_or_default();
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "getOrders" => {
            if let Err(e) = only(
                case,
                &[
                    "CreatedAfter",
                    "CreatedBefore",
                    "LastUpdatedAfter",
                    "LastUpdatedBefore",
                    "MarketplaceIds",
                    "NextToken",
                    "MaxResultsPerPage",
                    "AmazonOrderIds",
                ],
            ) {
                return Some(Err(e));
            }
            let mut b = GetOrders::new(c).marketplace_ids(case.strs("MarketplaceIds"));
            if let Some(t) = query_time(case, "CreatedAfter") {
                b = b.created_after(t);
            }
            if let Some(t) = query_time(case, "CreatedBefore") {
                b = b.created_before(t);
            }
            if let Some(t) = query_time(case, "LastUpdatedAfter") {
                b = b.last_updated_after(t);
            }
            if let Some(t) = query_time(case, "LastUpdatedBefore") {
                b = b.last_updated_before(t);
            }
            if let Some(t) = case.str("NextToken") {
                b = b.next_token(t);
            }
            if let Some(n) = case.str("MaxResultsPerPage").and_then(|s| s.parse().ok()) {
                b = b.max_results_per_page(n);
            }
            b = b.amazon_order_ids(case.strs("AmazonOrderIds"));
            b.send_with_raw().await.map(|r| typed(&r.payload))
        }
        "getOrder" => {
            if let Err(e) = only(case, &["orderId"]) {
                return Some(Err(e));
            }
            GetOrder::new(c, order_id)
                .send_with_raw()
                .await
                .map(|r| typed(&r.payload))
        }
        "getOrderBuyerInfo" => {
            if let Err(e) = only(case, &["orderId"]) {
                return Some(Err(e));
            }
            GetOrderBuyerInfo::new(c, order_id)
                .send_with_raw()
                .await
                .map(|r| typed(&r.payload))
        }
        "getOrderAddress" => {
            if let Err(e) = only(case, &["orderId"]) {
                return Some(Err(e));
            }
            GetOrderAddress::new(c, order_id)
                .send_with_raw()
                .await
                .map(|r| typed(&r.payload))
        }
        "getOrderItems" => {
            if let Err(e) = only(case, &["orderId", "NextToken"]) {
                return Some(Err(e));
            }
            let mut b = GetOrderItems::new(c, order_id);
            if let Some(t) = case.str("NextToken") {
                b = b.next_token(t);
            }
            b.send_with_raw().await.map(|r| typed(&r.payload))
        }
        "getOrderItemsBuyerInfo" => {
            if let Err(e) = only(case, &["orderId", "NextToken"]) {
                return Some(Err(e));
            }
            let mut b = GetOrderItemsBuyerInfo::new(c, order_id);
            if let Some(t) = case.str("NextToken") {
                b = b.next_token(t);
            }
            b.send_with_raw().await.map(|r| typed(&r.payload))
        }
        "getOrderRegulatedInfo" => {
            if let Err(e) = only(case, &["orderId"]) {
                return Some(Err(e));
            }
            GetOrderRegulatedInfo::new(c, order_id)
                .send_with_raw()
                .await
                .map(|r| typed(&r.payload))
        }
        "updateShipmentStatus" => {
            if let Err(e) = only(case, &["orderId", "body"]) {
                return Some(Err(e));
            }
            let mut b = UpdateShipmentStatus::new(c, order_id);
            if case.param("body").is_some() {
                match case.body::<UpdateShipmentStatusRequest>() {
                    Ok(body) => {
                        if let Some(m) = body.marketplace_id {
                            b = b.marketplace_id(m);
                        }
                        if let Some(s) = body.shipment_status {
                            b = b.shipment_status(s);
                        }
                        for it in body.order_items {
                            b = b.item(it.order_item_id.unwrap_or_default(), it.quantity.unwrap_or(0));
                        }
                    }
                    Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
                }
            }
            b.send().await.map(|()| None)
        }
        "confirmShipment" => {
            if let Err(e) = only(case, &["orderId", "body"]) {
                return Some(Err(e));
            }
            let body = match case.body::<ConfirmShipmentRequest>() {
                Ok(b) => b,
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = ConfirmShipment::new(c, order_id);
            if let Some(m) = body.marketplace_id {
                b = b.marketplace_id(m);
            }
            if let Some(m) = body.cod_collection_method {
                b = b.cod_collection_method(m);
            }
            if let Some(p) = body.package_detail {
                if let Some(v) = p.package_reference_id {
                    b = b.package_reference_id(v);
                }
                if let Some(v) = p.carrier_code {
                    b = b.carrier_code(v);
                }
                if let Some(v) = p.carrier_name {
                    b = b.carrier_name(v);
                }
                if let Some(v) = p.shipping_method {
                    b = b.shipping_method(v);
                }
                if let Some(v) = p.tracking_number {
                    b = b.tracking_number(v);
                }
                if let Some(v) = p.ship_date {
                    b = b.ship_date(v);
                }
                if let Some(v) = p.ship_from_supply_source_id {
                    b = b.ship_from_supply_source_id(v);
                }
                for it in p.order_items {
                    b = b.item_with_transparency_codes(
                        it.order_item_id.unwrap_or_default(),
                        it.quantity.unwrap_or(0),
                        it.transparency_codes,
                    );
                }
            }
            b.send().await.map(|()| None)
        }
        "updateVerificationStatus" => {
            if let Err(e) = only(case, &["orderId", "body"]) {
                return Some(Err(e));
            }
            let body = match case.body::<UpdateVerificationStatusRequest>() {
                Ok(b) => b.regulated_order_verification_status.unwrap_or_default(),
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = UpdateVerificationStatus::new(c, order_id);
            if let Some(s) = body.status {
                b = b.status(s);
            }
            if let Some(v) = body.external_reviewer_id {
                b = b.external_reviewer_id(v);
            }
            if let Some(v) = body.rejection_reason_id {
                b = b.rejection_reason_id(v);
            }
            if let Some(v) = body.verification_details {
                b = b.verification_details(v);
            }
            b.send().await.map(|()| None)
        }
        _ => return None,
    };
    Some(h.verify(case, outcome))
}
