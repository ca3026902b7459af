//! Sandbox cases of FBA Inventory v1 (owner: ops-b).
//!
//! Amazon's model has only dynamic sandbox cases for this API today, so the sandbox folder holds no file
//! for it; this module maps any static case a later model adds (file `fbaInventory`).

use amazon_spapi::error::Error;
use amazon_spapi::fba_inventory_v1::GetInventorySummaries;
use serde_json::Value;

use crate::orders_v0::only;
use crate::{harness, Case};

/// Checks `case` when it is an FBA Inventory case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "fbaInventory" || case.operation_id != "getInventorySummaries" {
        return None;
    }
    let known = [
        "details",
        "granularityType",
        "granularityId",
        "startDateTime",
        "sellerSkus",
        "sellerSku",
        "nextToken",
        "marketplaceIds",
    ];
    if let Err(e) = only(case, &known) {
        return Some(Err(e));
    }
    let h = harness(case);
    let mut b = GetInventorySummaries::new(h.client()).seller_skus(case.strs("sellerSkus"));
    if let Some(m) = case.strs("marketplaceIds").first() {
        b = b.marketplace_id(m.clone());
    }
    if let Some(d) = case.str("details") {
        b = b.details(d == "true");
    }
    if let Some(t) = case.time("startDateTime") {
        b = b.start_date_time(t);
    }
    if let Some(s) = case.str("sellerSku") {
        b = b.seller_sku(s);
    }
    if let Some(t) = case.str("nextToken") {
        b = b.next_token(t);
    }
    let outcome: Result<Option<Value>, Error> = b
        .send()
        .await
        .map(|r| Some(serde_json::to_value(&r.payload).expect("serializes")));
    Some(h.verify(case, outcome))
}
