//! Fulfillment Outbound 2020-07-01 beyond the order lifecycle: `updateFulfillmentOrder` (orders on hold),
//! `listReturnReasonCodes`, `createFulfillmentReturn` (returns processed by a fulfillment center over
//! simulated time, restocking sellable units), `getFeatures`, `getFeatureInventory` and `getFeatureSKU`.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

use super::data;
use super::fulfillment::{check_address, schedule_shipping, McfOrder, SPEEDS};
use super::http::{iso, parse_time, Reply};
use super::server::Ctx;
use super::state::State;

/// One return item of a fulfillment order.
#[derive(Debug, Clone)]
pub(crate) struct McfReturn {
    pub seller_return_item_id: String,
    pub item_id: String,
    pub shipment_id: String,
    pub reason: String,
    pub comment: Option<String>,
    pub authorization: String,
    pub status: &'static str,
    pub changed: DateTime<Utc>,
    pub process_at: DateTime<Utc>,
    pub condition: Option<&'static str>,
}

/// One return authorization.
#[derive(Debug, Clone)]
pub(crate) struct McfAuthorization {
    pub id: String,
    pub rma: String,
    pub domain: &'static str,
}

/// The return reasons Amazon offers for MCF items.
pub(crate) const RETURN_REASONS: &[(&str, &str)] = &[
    ("CR-UNWANTED_ITEM", "No longer needed/wanted"),
    ("AMZ-PG-BAD-DESC", "Different from website description"),
    ("CR-DEFECTIVE", "Defective/Does not work properly"),
    ("CR-ORDERED_WRONG_ITEM", "Accidental order"),
    ("CR-FOUND_BETTER_PRICE", "Better price available"),
    ("CR-DAMAGED_BY_FC", "Damaged due to inappropriate packaging"),
    ("CR-MISSED_ESTIMATED_DELIVERY", "Missed estimated delivery date"),
    ("CR-MISSING_PARTS", "Missing parts or accessories"),
    ("CR-DAMAGED_BY_CARRIER", "Damaged during shipping"),
    ("CR-SWITCHEROO", "Different from what was ordered"),
    ("CR-EXTRA_ITEM", "Arrived in addition to what was ordered"),
    ("CR-UNAUTHORIZED_PURCHASE", "Unauthorized purchase"),
];

/// MCF features: (name, description, marketplaces where offered; empty for all).
const FEATURES: &[(&str, &str, &[&str])] = &[
    (
        "BLANK_BOX",
        "Provides the ability to ship in non-Amazon branded packaging (blank boxes).",
        &[],
    ),
    (
        "BLOCK_AMZL",
        "Blocks orders from being shipped using Amazon Logistics (AMZL).",
        &["US", "CA", "UK", "DE", "FR", "IT", "ES"],
    ),
    (
        "PACKING_SLIP",
        "Provides the ability to insert customized packing slips with messages.",
        &[],
    ),
    (
        "OVERBOX",
        "Ships items in an overbox rather than in their original product packaging.",
        &["US", "UK", "DE"],
    ),
    (
        "SIGNATURE_CONFIRMATION",
        "Requires a signature from the recipient upon delivery.",
        &["US"],
    ),
];

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether a seller is enrolled in a feature (deterministic from the seed).
fn seller_enrolled(st: &State, seller: usize, feature: &str) -> bool {
    // Every seller has blank boxes; the others depend on the seed.
    feature == "BLANK_BOX" || data::mix(st.seed ^ fnv(feature), 31 + seller as u64) % 3 != 0
}

/// Whether a SKU sits in a warehouse that supports the feature.
fn sku_eligible(st: &State, sku: &str, feature: &str) -> bool {
    data::mix(st.seed ^ fnv(feature), fnv(sku)) % 5 != 0
}

fn feature_offered(feature: &str, mp_code: &str) -> Option<&'static str> {
    FEATURES
        .iter()
        .find(|(n, _, mps)| *n == feature && (mps.is_empty() || mps.contains(&mp_code)))
        .map(|(n, _, _)| *n)
}

fn marketplace_param(st: &State, ctx: &Ctx<'_>) -> Result<&'static super::market::MarketplaceInfo, Reply> {
    let Some(id) = ctx.query.get("marketplaceId").filter(|s| !s.is_empty()) else {
        return Err(Reply::invalid("marketplaceId is required."));
    };
    match super::market::marketplace(id) {
        Some(mp) if st.sellers[ctx.seller].marketplaces.iter().any(|m| m.id == mp.id) => Ok(mp),
        Some(_) => Err(Reply::invalid(&format!(
            "The seller does not participate in marketplace {id}."
        ))),
        None => Err(Reply::invalid(&format!("Invalid marketplaceId {id}."))),
    }
}

/// `GET /fba/outbound/2020-07-01/features`.
pub(crate) fn features(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let mp = match marketplace_param(st, ctx) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let list: Vec<Value> = FEATURES
        .iter()
        .filter(|(_, _, mps)| mps.is_empty() || mps.contains(&mp.code))
        .map(|(n, d, _)| {
            json!({
                "featureName": n,
                "featureDescription": d,
                "sellerEligible": seller_enrolled(st, ctx.seller, n),
            })
        })
        .collect();
    Reply::ok(&json!({ "payload": { "features": list } }))
}

fn feature_path(mp: &super::market::MarketplaceInfo, name: &str) -> Result<&'static str, Reply> {
    feature_offered(name, mp.code).ok_or_else(|| {
        Reply::invalid(&format!(
            "Feature {name} is not available in marketplace {}; see getFeatures.",
            mp.id
        ))
    })
}

/// `GET /fba/outbound/2020-07-01/features/inventory/{featureName}`.
pub(crate) fn feature_inventory(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    const PAGE: usize = 50;
    let mp = match marketplace_param(st, ctx) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let feature = match feature_path(mp, &p[0]) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let since = match ctx.query.get("queryStartDate") {
        Some(s) => match parse_time(s) {
            Some(t) => Some(t),
            None => return Reply::invalid("queryStartDate must be an ISO 8601 date-time."),
        },
        None => None,
    };
    let offset = match ctx.query.get("nextToken") {
        Some(t) => match t.strip_prefix("fi-").and_then(|n| n.parse::<usize>().ok()) {
            Some(n) => n,
            None => return Reply::invalid("Invalid nextToken."),
        },
        None => 0,
    };
    let mut skus: Vec<Value> = Vec::new();
    if seller_enrolled(st, ctx.seller, feature) {
        let mut products: Vec<&data::Product> = st.sellers[ctx.seller]
            .products
            .iter()
            .filter(|p| p.fba && !p.deleted)
            .filter(|p| since.is_none_or(|t| p.last_updated >= t))
            .filter(|p| sku_eligible(st, &p.sku, feature))
            .collect();
        products.sort_by(|a, b| a.sku.cmp(&b.sku));
        skus = products
            .iter()
            .map(|p| {
                json!({
                    "sellerSku": p.sku,
                    "fnSku": p.fnsku,
                    "asin": p.asin,
                    "skuCount": p.fba_fulfillable,
                    "overlappingSkus": [],
                })
            })
            .collect();
    }
    let total = skus.len();
    let page: Vec<Value> = skus.into_iter().skip(offset).take(PAGE).collect();
    let mut payload = json!({
        "marketplaceId": mp.id,
        "featureName": feature,
        "featureSkus": page,
    });
    if offset + PAGE < total {
        payload["nextToken"] = json!(format!("fi-{}", offset + PAGE));
    }
    Reply::ok(&json!({ "payload": payload }))
}

/// `GET /fba/outbound/2020-07-01/features/inventory/{featureName}/{sellerSku}`.
pub(crate) fn feature_sku(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let mp = match marketplace_param(st, ctx) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let feature = match feature_path(mp, &p[0]) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let sku = p[1].as_str();
    let mut payload = json!({
        "marketplaceId": mp.id,
        "featureName": feature,
        "sellerSku": sku,
    });
    let mut reasons = Vec::new();
    match st.sellers[ctx.seller].product(sku).filter(|p| p.fba) {
        None => reasons.push("INVALID_SKU"),
        Some(prod) => {
            payload["fnSku"] = json!(prod.fnsku);
            payload["asin"] = json!(prod.asin);
            payload["skuCount"] = json!(prod.fba_fulfillable);
            payload["overlappingSkus"] = json!([]);
            if !seller_enrolled(st, ctx.seller, feature) {
                reasons.push("MERCHANT_NOT_ENROLLED");
            }
            if !sku_eligible(st, sku, feature) {
                reasons.push("SKU_NOT_ELIGIBLE");
            }
        }
    }
    payload["isEligible"] = json!(reasons.is_empty());
    if !reasons.is_empty() {
        payload["ineligibleReasons"] = json!(reasons);
    }
    Reply::ok(&json!({ "payload": payload }))
}

/// `PUT /fba/outbound/2020-07-01/fulfillmentOrders/{id}`: changes an order on hold and, with
/// `fulfillmentAction: Ship`, releases it for fulfillment.
pub(crate) fn update(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let b = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(i) = st.mcf.iter().position(|o| o.seller == ctx.seller && o.id == p[0]) else {
        return Reply::not_found(&format!("Fulfillment order {}", p[0]));
    };
    let o = &st.mcf[i];
    if o.action != "Hold" || !matches!(o.status, "New" | "Received") {
        return Reply::invalid(&format!(
            "Fulfillment order {} is {} with fulfillmentAction {}; only orders on hold (Hold, New or Received) can be updated.",
            o.id, o.status, o.action
        ));
    }
    let s = |k: &str| b.get(k).and_then(Value::as_str);
    if let Some(v) = s("displayableOrderId") {
        if v.trim().is_empty() || v.len() > 40 {
            return Reply::invalid("displayableOrderId must hold 1 to 40 characters.");
        }
    }
    if let Some(v) = s("displayableOrderComment") {
        if v.len() > 750 {
            return Reply::invalid("displayableOrderComment must be at most 750 characters.");
        }
    }
    if let Some(v) = s("displayableOrderDate") {
        if parse_time(v).is_none() {
            return Reply::invalid("displayableOrderDate must be an ISO 8601 date-time.");
        }
    }
    if let Some(v) = s("shippingSpeedCategory") {
        if !SPEEDS.contains(&v) {
            return Reply::invalid(&format!(
                "shippingSpeedCategory {v} is not one of {}.",
                SPEEDS.join(", ")
            ));
        }
    }
    if let Some(v) = s("fulfillmentAction") {
        if v != "Ship" && v != "Hold" {
            return Reply::invalid("fulfillmentAction must be Ship or Hold.");
        }
    }
    if let Some(v) = s("fulfillmentPolicy") {
        if !matches!(v, "FillOrKill" | "FillAll" | "FillAllAvailable") {
            return Reply::invalid("fulfillmentPolicy must be FillOrKill, FillAll or FillAllAvailable.");
        }
    }
    let address = match b.get("destinationAddress") {
        None | Some(Value::Null) => None,
        a => match check_address(a) {
            Ok(a) => Some(a),
            Err(r) => return r,
        },
    };
    let mut item_changes = Vec::new();
    if let Some(items) = b.get("items").and_then(Value::as_array) {
        for it in items {
            let id = it
                .get("sellerFulfillmentOrderItemId")
                .and_then(Value::as_str)
                .unwrap_or("");
            let Some(qty) = it.get("quantity").and_then(Value::as_i64) else {
                return Reply::invalid("Each item needs sellerFulfillmentOrderItemId and quantity.");
            };
            if qty <= 0 {
                return Reply::invalid(&format!(
                    "Item {id}: quantity must be positive; cancel the order to drop every unit."
                ));
            }
            if !o.items.iter().any(|x| x.item_id == id) {
                return Reply::invalid(&format!("Item {id} is not part of fulfillment order {}.", o.id));
            }
            if let Some(sku) = it.get("sellerSku").and_then(Value::as_str) {
                if o.items.iter().any(|x| x.item_id == id && x.sku != sku) {
                    return Reply::invalid(&format!(
                        "Item {id} has a different sellerSku; an item's SKU cannot change."
                    ));
                }
            }
            let gift = it.get("giftMessage").and_then(Value::as_str).map(str::to_owned);
            item_changes.push((id.to_owned(), qty, gift));
        }
    }
    let now = ctx.now;
    let seq = ctx.seq;
    let seed = st.seed;
    let o = &mut st.mcf[i];
    if let Some(v) = s("displayableOrderId") {
        v.clone_into(&mut o.displayable_id);
    }
    if let Some(v) = s("displayableOrderDate") {
        v.clone_into(&mut o.displayable_date);
    }
    if let Some(v) = s("displayableOrderComment") {
        v.clone_into(&mut o.comment);
    }
    if let Some(v) = s("shippingSpeedCategory") {
        v.clone_into(&mut o.speed);
    }
    if let Some(v) = s("fulfillmentPolicy") {
        v.clone_into(&mut o.policy);
    }
    if let Some(a) = address {
        o.address = a;
    }
    for (id, qty, gift) in item_changes {
        if let Some(x) = o.items.iter_mut().find(|x| x.item_id == id) {
            x.qty = qty;
            if gift.is_some() {
                x.gift_message = gift;
            }
        }
    }
    if s("fulfillmentAction") == Some("Ship") {
        "Ship".clone_into(&mut o.action);
        // Keep a pending Received step, then plan, process and ship as a fresh order would.
        o.schedule.retain(|(_, s)| *s == "Received");
        let h = data::mix(seed, seq);
        o.schedule.extend(schedule_shipping(now, h));
    }
    o.status_updated = now;
    Reply::ok(&json!({}))
}

/// `GET /fba/outbound/2020-07-01/returnReasonCodes`.
pub(crate) fn return_reason_codes(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let Some(sku) = ctx.query.get("sellerSku").filter(|s| !s.is_empty()) else {
        return Reply::invalid("sellerSku is required.");
    };
    let order = ctx.query.get("sellerFulfillmentOrderId");
    if order.is_none() && ctx.query.get("marketplaceId").is_none() {
        return Reply::invalid("marketplaceId is required when sellerFulfillmentOrderId is not given.");
    }
    if let Some(id) = order {
        let Some(o) = st.mcf.iter().find(|o| o.seller == ctx.seller && o.id == id) else {
            return Reply::not_found(&format!("Fulfillment order {id}"));
        };
        if !o.items.iter().any(|it| it.sku == sku) {
            return Reply::invalid(&format!("SKU {sku} is not part of fulfillment order {id}."));
        }
    } else if let Err(r) = marketplace_param(st, ctx) {
        return r;
    }
    if st.sellers[ctx.seller].product(sku).is_none_or(|p| !p.fba) {
        return Reply::invalid(&format!(
            "SKU {sku} has no FBA inventory listing for this seller."
        ));
    }
    let translate = ctx.query.get("language").is_some_and(|l| !l.starts_with("en"));
    let list: Vec<Value> = RETURN_REASONS
        .iter()
        .map(|(c, d)| {
            let mut v = json!({ "returnReasonCode": c, "description": d });
            if translate {
                v["translatedDescription"] = json!(d);
            }
            v
        })
        .collect();
    Reply::ok(&json!({ "payload": { "reasonCodeDetails": list } }))
}

/// The shipment id `getFulfillmentOrder` shows for a package.
pub(crate) fn shipment_id(number: i64) -> String {
    format!("D{number:09}")
}

fn invalid_item(ret_id: &str, item_id: &str, code: &str, description: &str) -> Value {
    json!({
        "sellerReturnItemId": ret_id,
        "sellerFulfillmentOrderItemId": item_id,
        "invalidItemReason": { "invalidItemReasonCode": code, "description": description },
    })
}

/// A return item in Amazon's shape.
pub(crate) fn return_json(r: &McfReturn) -> Value {
    let mut v = json!({
        "sellerReturnItemId": r.seller_return_item_id,
        "sellerFulfillmentOrderItemId": r.item_id,
        "amazonShipmentId": r.shipment_id,
        "sellerReturnReasonCode": r.reason,
        "status": r.status,
        "statusChangedDate": iso(r.changed),
        "returnAuthorizationId": r.authorization,
    });
    if let Some(c) = &r.comment {
        v["returnComment"] = json!(c);
    }
    if let Some(c) = r.condition {
        v["returnReceivedCondition"] = json!(c);
        v["amazonReturnReasonCode"] = json!(r.reason.trim_start_matches("CR-").trim_start_matches("AMZ-PG-"));
        v["fulfillmentCenterId"] = json!("SIM1");
    }
    v
}

/// A return authorization in Amazon's shape.
pub(crate) fn authorization_json(a: &McfAuthorization) -> Value {
    json!({
        "returnAuthorizationId": a.id,
        "fulfillmentCenterId": "SIM1",
        "returnToAddress": {
            "name": "Returns Department",
            "addressLine1": "5333 W. Lower Buckeye Road",
            "city": "Phoenix",
            "stateOrRegion": "AZ",
            "countryCode": "US",
            "postalCode": "85043",
        },
        "amazonRmaId": a.rma,
        "rmaPageURL": format!("https://{}/gp/orc/rml/{}", a.domain, a.rma),
    })
}

/// `PUT /fba/outbound/2020-07-01/fulfillmentOrders/{id}/return`.
pub(crate) fn create_return(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let b = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(i) = st.mcf.iter().position(|o| o.seller == ctx.seller && o.id == p[0]) else {
        return Reply::not_found(&format!("Fulfillment order {}", p[0]));
    };
    let Some(items) = b.get("items").and_then(Value::as_array).filter(|a| !a.is_empty()) else {
        return Reply::invalid("items must hold at least one return item.");
    };
    for it in items {
        for k in [
            "sellerReturnItemId",
            "sellerFulfillmentOrderItemId",
            "amazonShipmentId",
            "returnReasonCode",
        ] {
            if it
                .get(k)
                .and_then(Value::as_str)
                .is_none_or(|s| s.trim().is_empty())
            {
                return Reply::invalid(&format!("Each return item needs {k}."));
            }
        }
    }
    let auth_id = format!("RMA{}", st.new_token("", 13));
    let rma = format!("D{}RMA", st.new_token("", 8));
    let now = ctx.now;
    let seed = st.seed;
    let o: &McfOrder = &st.mcf[i];
    let shipped = matches!(o.status, "Complete" | "CompletePartialled");
    let mut accepted: Vec<McfReturn> = Vec::new();
    let mut invalid = Vec::new();
    for it in items {
        let get = |k: &str| it.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
        let (ret_id, item_id, shipment, reason) = (
            get("sellerReturnItemId"),
            get("sellerFulfillmentOrderItemId"),
            get("amazonShipmentId"),
            get("returnReasonCode"),
        );
        let line = o.items.iter().find(|x| x.item_id == item_id);
        let known_shipment = o.packages.iter().any(|pk| shipment_id(pk.number) == shipment);
        if o.returns
            .iter()
            .chain(accepted.iter())
            .any(|r| r.seller_return_item_id == ret_id)
        {
            invalid.push(invalid_item(
                &ret_id,
                &item_id,
                "DuplicateRequest",
                "A fulfillment return has already been requested for this item.",
            ));
            continue;
        }
        if !shipped {
            invalid.push(invalid_item(
                &ret_id,
                &item_id,
                "NoCompletedShipItems",
                "The fulfillment order containing this item has not yet shipped.",
            ));
            continue;
        }
        let Some(line) = line.filter(|_| known_shipment) else {
            invalid.push(invalid_item(
                &ret_id,
                &item_id,
                "InvalidValues",
                "The item was not found in a shipment of this fulfillment order.",
            ));
            continue;
        };
        if !RETURN_REASONS.iter().any(|(c, _)| *c == reason) {
            invalid.push(invalid_item(
                &ret_id,
                &item_id,
                "InvalidValues",
                "The return reason code is not valid; see listReturnReasonCodes.",
            ));
            continue;
        }
        let returnable = line.qty - line.unfulfillable - line.cancelled;
        let taken = o
            .returns
            .iter()
            .chain(accepted.iter())
            .filter(|r| r.item_id == item_id)
            .count() as i64;
        if taken >= returnable {
            invalid.push(invalid_item(
                &ret_id,
                &item_id,
                "NoReturnableQuantity",
                "All item quantity available for return has been allocated to other return items.",
            ));
            continue;
        }
        let h = data::mix(seed ^ 0xAE7, fnv(&ret_id) ^ ctx.seq);
        accepted.push(McfReturn {
            seller_return_item_id: ret_id,
            item_id,
            shipment_id: shipment,
            reason,
            comment: it.get("returnComment").and_then(Value::as_str).map(str::to_owned),
            authorization: auth_id.clone(),
            status: "New",
            changed: now,
            process_at: now + Duration::hours(48 + (h % 120) as i64),
            condition: None,
        });
    }
    let mut auths = Vec::new();
    if !accepted.is_empty() {
        let domain = super::market::marketplace(&o.marketplace_id).map_or("www.amazon.com", |m| m.domain);
        let a = McfAuthorization {
            id: auth_id,
            rma,
            domain,
        };
        auths.push(authorization_json(&a));
        st.mcf[i].authorizations.push(a);
    }
    let returned: Vec<Value> = accepted.iter().map(return_json).collect();
    st.mcf[i].returns.extend(accepted);
    Reply::ok(&json!({ "payload": {
        "returnItems": returned,
        "invalidReturnItems": invalid,
        "returnAuthorizations": auths,
    } }))
}

/// Processes returns that reached the fulfillment center by `now`: sellable units go back to
/// fulfillable stock, the others to unfulfillable.
pub(crate) fn advance_returns(st: &mut State, now: DateTime<Utc>) {
    let seed = st.seed;
    for i in 0..st.mcf.len() {
        if st.mcf[i].returns.iter().all(|r| r.status != "New") {
            continue;
        }
        let seller = st.mcf[i].seller;
        for k in 0..st.mcf[i].returns.len() {
            let r = &st.mcf[i].returns[k];
            if r.status != "New" || r.process_at > now {
                continue;
            }
            let h = data::mix(seed ^ 0x4E7, fnv(&r.seller_return_item_id));
            let condition = match (r.reason.as_str(), h % 10) {
                ("CR-DEFECTIVE", _) => "Defective",
                ("CR-DAMAGED_BY_CARRIER", _) => "CarrierDamaged",
                ("CR-DAMAGED_BY_FC", _) => "FulfillerDamaged",
                (_, 0) => "CustomerDamaged",
                _ => "Sellable",
            };
            let at = r.process_at;
            let sku = st.mcf[i]
                .items
                .iter()
                .find(|x| x.item_id == r.item_id)
                .map(|x| x.sku.clone());
            if let Some(p) = sku.and_then(|s| st.sellers[seller].product_mut(&s)) {
                if condition == "Sellable" {
                    p.fba_fulfillable += 1;
                } else {
                    p.fba_unfulfillable += 1;
                }
                p.last_updated = at;
            }
            let r = &mut st.mcf[i].returns[k];
            r.status = "Processed";
            r.changed = at;
            r.condition = Some(condition);
        }
    }
}
