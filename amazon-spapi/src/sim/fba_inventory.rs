//! FBA Inventory v1: `getInventorySummaries`, from the seeded catalog (stock moves with AFN and MCF orders).

use serde_json::{json, Value};

use super::http::{iso, parse_time, Reply};
use super::server::Ctx;
use super::state::State;

const PAGE: usize = 50;

/// `GET /fba/inventory/v1/summaries`.
pub(crate) fn summaries(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let q = ctx.query;
    if q.get("granularityType") != Some("Marketplace") {
        return Reply::invalid("granularityType is required and must be Marketplace.");
    }
    let Some(gid) = q.get("granularityId") else {
        return Reply::invalid("granularityId is required (the marketplace id).");
    };
    let mps = q.list("marketplaceIds");
    if mps.len() != 1 {
        return Reply::invalid("marketplaceIds must hold exactly one marketplace id.");
    }
    let seller = &st.sellers[ctx.seller];
    if !seller.marketplaces.iter().any(|m| m.id == mps[0]) {
        return Reply::invalid(&format!("The seller does not sell in marketplace {}.", mps[0]));
    }
    let details = q.get("details") == Some("true");
    let since = match q.get("startDateTime") {
        Some(s) => match parse_time(s) {
            Some(t) => Some(t),
            None => return Reply::invalid("startDateTime must be an ISO 8601 date-time."),
        },
        None => None,
    };
    let mut skus = q.list("sellerSkus");
    if let Some(s) = q.get("sellerSku") {
        skus.push(s.to_owned());
    }
    if skus.len() > 50 {
        return Reply::invalid("sellerSkus accepts at most 50 SKUs.");
    }
    let offset: usize = match q.get("nextToken") {
        Some(t) => match t.strip_prefix("inv-").and_then(|n| n.parse().ok()) {
            Some(n) => n,
            None => return Reply::invalid("Invalid nextToken."),
        },
        None => 0,
    };
    let found: Vec<Value> = seller
        .products
        .iter()
        .filter(|p| p.fba && !p.deleted)
        .filter(|p| skus.is_empty() || skus.contains(&p.sku))
        .filter(|p| since.is_none_or(|t| p.last_updated >= t))
        .map(|p| {
            let total = p.fba_fulfillable + p.fba_inbound + p.fba_reserved + p.fba_unfulfillable;
            let mut v = json!({
                "asin": p.asin,
                "fnSku": p.fnsku,
                "sellerSku": p.sku,
                "condition": "NewItem",
                "lastUpdatedTime": iso(p.last_updated),
                "productName": p.title,
                "totalQuantity": total,
            });
            if details {
                v["inventoryDetails"] = json!({
                    "fulfillableQuantity": p.fba_fulfillable,
                    "inboundWorkingQuantity": p.fba_inbound,
                    "inboundShippedQuantity": 0,
                    "inboundReceivingQuantity": 0,
                    "reservedQuantity": {
                        "totalReservedQuantity": p.fba_reserved,
                        "pendingCustomerOrderQuantity": p.fba_reserved,
                        "pendingTransshipmentQuantity": 0,
                        "fcProcessingQuantity": 0,
                    },
                    "researchingQuantity": { "totalResearchingQuantity": 0, "researchingQuantityBreakdown": [] },
                    "unfulfillableQuantity": {
                        "totalUnfulfillableQuantity": p.fba_unfulfillable,
                        "customerDamagedQuantity": p.fba_unfulfillable,
                        "warehouseDamagedQuantity": 0,
                        "distributorDamagedQuantity": 0,
                        "carrierDamagedQuantity": 0,
                        "defectiveQuantity": 0,
                        "expiredQuantity": 0,
                    },
                });
            }
            v
        })
        .collect();
    let page: Vec<Value> = found.iter().skip(offset).take(PAGE).cloned().collect();
    let mut v = json!({ "payload": {
        "granularity": { "granularityType": "Marketplace", "granularityId": gid },
        "inventorySummaries": page,
    } });
    if offset + PAGE < found.len() {
        v["pagination"] = json!({ "nextToken": format!("inv-{}", offset + PAGE) });
    }
    Reply::ok(&v)
}
