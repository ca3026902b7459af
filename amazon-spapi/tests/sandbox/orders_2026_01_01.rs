//! Sandbox cases of Orders 2026-01-01 (owner: ops-a).

use amazon_spapi::error::Error;
use amazon_spapi::orders_2026_01_01::{GetOrder, IncludedData, SearchOrders};
use serde_json::Value;

use crate::orders_v0::{only, query_time};
use crate::{harness, Case};

fn included(case: &Case) -> Vec<IncludedData> {
    case.strs("includedData")
        .iter()
        .map(|s| IncludedData::from(s.as_str()))
        .collect()
}

/// Checks `case` when it is an Orders 2026-01-01 case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "orders_2026-01-01" {
        return None;
    }
    let h = harness(case);
    let c = h.client();
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "searchOrders" => {
            let known = [
                "createdAfter",
                "createdBefore",
                "lastUpdatedAfter",
                "lastUpdatedBefore",
                "marketplaceIds",
                "includedData",
                "paginationToken",
                "maxResultsPerPage",
            ];
            if let Err(e) = only(case, &known) {
                return Some(Err(e));
            }
            let mut b = SearchOrders::new(c)
                .marketplace_ids(case.strs("marketplaceIds"))
                .included_data(included(case));
            if let Some(t) = query_time(case, "createdAfter") {
                b = b.created_after(t);
            }
            if let Some(t) = query_time(case, "createdBefore") {
                b = b.created_before(t);
            }
            if let Some(t) = query_time(case, "lastUpdatedAfter") {
                b = b.last_updated_after(t);
            }
            if let Some(t) = query_time(case, "lastUpdatedBefore") {
                b = b.last_updated_before(t);
            }
            if let Some(t) = case.str("paginationToken") {
                b = b.pagination_token(t);
            }
            if let Some(n) = case.str("maxResultsPerPage").and_then(|s| s.parse().ok()) {
                b = b.max_results_per_page(n);
            }
            b.send_with_raw()
                .await
                .map(|r| Some(serde_json::to_value(&r.payload).unwrap()))
        }
        "getOrder" => {
            if let Err(e) = only(case, &["orderId", "includedData"]) {
                return Some(Err(e));
            }
            GetOrder::new(c, case.str("orderId").unwrap_or_default())
                .included_data(included(case))
                .send_with_raw()
                .await
                .map(|r| Some(serde_json::to_value(&r.payload).unwrap()))
        }
        _ => return None,
    };
    Some(h.verify(case, outcome))
}
