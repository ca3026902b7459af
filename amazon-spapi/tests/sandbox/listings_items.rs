//! Sandbox cases of Listings Items 2021-08-01 (owner: ops-b).

use amazon_spapi::error::Error;
use amazon_spapi::listings_items_2021_08_01::{
    DeleteListingsItem, GetListingsItem, ListingsItemPatchRequest, ListingsItemPutRequest, PatchListingsItem,
    PutListingsItem, SearchListingsItems,
};
use serde_json::Value;

use crate::orders_v0::only;
use crate::{harness, Case};

fn typed<T: serde::Serialize>(v: &T) -> Option<Value> {
    Some(serde_json::to_value(v).expect("typed answers serialize"))
}

/// The body of a case, or an empty body when the case has none (`"body": {}` without a value).
fn body_or_default<T: serde::de::DeserializeOwned + Default>(case: &Case) -> Result<T, String> {
    match case.param("body") {
        None | Some(Value::Null) => Ok(T::default()),
        Some(_) => case.body(),
    }
}

/// Checks `case` when it is a Listings Items case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "listingsItems_2021-08-01" {
        return None;
    }
    let h = harness(case);
    let c = h.client();
    let item: &[&str] = &["sellerId", "sku", "marketplaceIds", "issueLocale"];
    let known: Vec<&str> = match case.operation_id.as_str() {
        "getListingsItem" => [item, &["includedData", "body"]].concat(),
        "patchListingsItem" | "putListingsItem" => [item, &["includedData", "mode", "body"]].concat(),
        "deleteListingsItem" => item.to_vec(),
        "searchListingsItems" => vec![
            "sellerId",
            "marketplaceIds",
            "issueLocale",
            "includedData",
            "identifiers",
            "identifiersType",
            "variationParentSku",
            "packageHierarchySku",
            "createdAfter",
            "createdBefore",
            "lastUpdatedAfter",
            "lastUpdatedBefore",
            "withIssueSeverity",
            "withStatus",
            "withoutStatus",
            "sortBy",
            "sortOrder",
            "pageSize",
            "pageToken",
        ],
        _ => return None,
    };
    if let Err(e) = only(case, &known) {
        return Some(Err(e));
    }
    macro_rules! target {
        ($b:expr) => {{
            let mut b = $b.marketplace_ids(case.strs("marketplaceIds"));
            if let Some(v) = case.str("sellerId") {
                b = b.seller_id(v);
            }
            if let Some(v) = case.str("sku") {
                b = b.sku(v);
            }
            if let Some(v) = case.str("issueLocale") {
                b = b.issue_locale(v);
            }
            b
        }};
    }
    let preview = case.str("mode").as_deref() == Some("VALIDATION_PREVIEW");
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "getListingsItem" => target!(GetListingsItem::new(c))
            .included_data(case.strs("includedData"))
            .send()
            .await
            .map(|r| typed(&r.payload)),
        "deleteListingsItem" => target!(DeleteListingsItem::new(c))
            .send()
            .await
            .map(|r| typed(&r.payload)),
        "patchListingsItem" => {
            let body: ListingsItemPatchRequest = match body_or_default(case) {
                Ok(b) => b,
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = target!(PatchListingsItem::new(c))
                .included_data(case.strs("includedData"))
                .validation_preview(preview);
            if let Some(v) = body.product_type {
                b = b.product_type(v);
            }
            if let Some(v) = body.patches {
                b = b.patches(v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "putListingsItem" => {
            let body: ListingsItemPutRequest = match body_or_default(case) {
                Ok(b) => b,
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = target!(PutListingsItem::new(c))
                .included_data(case.strs("includedData"))
                .validation_preview(preview);
            if let Some(v) = body.product_type {
                b = b.product_type(v);
            }
            if let Some(v) = body.requirements {
                b = b.requirements(v);
            }
            if let Some(v) = body.attributes {
                b = b.attributes(v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "searchListingsItems" => {
            let mut b = SearchListingsItems::new(c)
                .marketplace_ids(case.strs("marketplaceIds"))
                .included_data(case.strs("includedData"))
                .identifiers(case.strs("identifiers"))
                .with_issue_severity(case.strs("withIssueSeverity"))
                .with_status(case.strs("withStatus"))
                .without_status(case.strs("withoutStatus"));
            for (name, set) in [
                (
                    "sellerId",
                    SearchListingsItems::seller_id as fn(SearchListingsItems, String) -> SearchListingsItems,
                ),
                ("issueLocale", SearchListingsItems::issue_locale),
                ("identifiersType", SearchListingsItems::identifiers_type),
                ("variationParentSku", SearchListingsItems::variation_parent_sku),
                ("packageHierarchySku", SearchListingsItems::package_hierarchy_sku),
                ("sortBy", SearchListingsItems::sort_by),
                ("sortOrder", SearchListingsItems::sort_order),
                ("pageToken", SearchListingsItems::page_token),
            ] {
                if let Some(v) = case.str(name) {
                    b = set(b, v);
                }
            }
            for (name, set) in [
                (
                    "createdAfter",
                    SearchListingsItems::created_after
                        as fn(SearchListingsItems, chrono::DateTime<chrono::Utc>) -> SearchListingsItems,
                ),
                ("createdBefore", SearchListingsItems::created_before),
                ("lastUpdatedAfter", SearchListingsItems::last_updated_after),
                ("lastUpdatedBefore", SearchListingsItems::last_updated_before),
            ] {
                if let Some(t) = case.time(name) {
                    b = set(b, t);
                }
            }
            if let Some(n) = case.str("pageSize").and_then(|s| s.parse().ok()) {
                b = b.page_size(n);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        _ => return None,
    };
    Some(h.verify(case, outcome))
}
