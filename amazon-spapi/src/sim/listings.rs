//! Listings Items 2021-08-01 (get, put, patch, delete, search) and the `JSON_LISTINGS_FEED`, which change
//! listing quantity and handling time (`fulfillment_availability`).

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::data::{self, Product};
use super::feeds::FeedRecord;
use super::http::{format_amount, iso, Reply};
use super::server::Ctx;
use super::state::State;

fn check_seller(st: &State, ctx: &Ctx<'_>, seller_id: &str) -> Result<(), Reply> {
    if st.sellers[ctx.seller].id != seller_id {
        return Err(Reply::denied(
            "The sellerId in the path is not the selling partner the token belongs to.",
        ));
    }
    if ctx.query.list("marketplaceIds").is_empty() {
        return Err(Reply::invalid("marketplaceIds is required."));
    }
    Ok(())
}

fn item_json(st: &State, seller: usize, p: &Product, mps: &[String], included: &[String]) -> Value {
    let has = |s: &str| included.iter().any(|x| x == s);
    let mut v = json!({ "sku": p.sku });
    let markets: Vec<&super::market::MarketplaceInfo> =
        mps.iter().filter_map(|m| super::market::marketplace(m)).collect();
    if has("summaries") {
        v["summaries"] = Value::Array(
            markets
                .iter()
                .map(|m| {
                    json!({
                        "marketplaceId": m.id,
                        "asin": p.asin,
                        "productType": p.product_type,
                        "conditionType": "new_new",
                        "status": if p.fba || p.mfn_quantity > 0 { json!(["BUYABLE", "DISCOVERABLE"]) } else { json!(["DISCOVERABLE"]) },
                        "itemName": p.title,
                        "createdDate": iso(p.created),
                        "lastUpdatedDate": iso(p.last_updated),
                    })
                })
                .collect(),
        );
    }
    if has("attributes") {
        let mut attrs = st
            .listing_attributes
            .get(&(seller, p.sku.clone()))
            .cloned()
            .unwrap_or_default();
        attrs.insert(
            "fulfillment_availability".into(),
            json!([{
                "fulfillment_channel_code": if p.fba { "AMAZON_NA" } else { "DEFAULT" },
                "quantity": if p.fba { p.fba_fulfillable } else { p.mfn_quantity },
                "lead_time_to_ship_max_days": p.handling_days,
            }]),
        );
        attrs
            .entry("item_name")
            .or_insert_with(|| json!([{ "value": p.title, "language_tag": "en_US" }]));
        v["attributes"] = Value::Object(attrs);
    }
    if has("issues") {
        v["issues"] = json!([]);
    }
    if has("offers") {
        v["offers"] = Value::Array(
            markets
                .iter()
                .map(|m| {
                    json!({
                        "marketplaceId": m.id,
                        "offerType": "B2C",
                        "price": { "currencyCode": m.currency, "amount": format_amount(data::price_in(p.base_price, m), m.decimals) },
                    })
                })
                .collect(),
        );
    }
    if has("fulfillmentAvailability") {
        v["fulfillmentAvailability"] = json!([{
            "fulfillmentChannelCode": if p.fba { "AMAZON_NA" } else { "DEFAULT" },
            "quantity": if p.fba { p.fba_fulfillable } else { p.mfn_quantity },
        }]);
    }
    v
}

fn included(ctx: &Ctx<'_>) -> Vec<String> {
    let l = ctx.query.list("includedData");
    if l.is_empty() {
        vec!["summaries".to_owned()]
    } else {
        l
    }
}

/// `GET /listings/2021-08-01/items/{sellerId}/{sku}`.
pub(crate) fn get(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    if let Err(r) = check_seller(st, ctx, &p[0]) {
        return r;
    }
    match st.sellers[ctx.seller].product(&p[1]) {
        Some(prod) => Reply::ok(&item_json(
            st,
            ctx.seller,
            prod,
            &ctx.query.list("marketplaceIds"),
            &included(ctx),
        )),
        None => Reply::error(
            404,
            "NOT_FOUND",
            &format!("SKU '{}' not found in marketplace", p[1]),
            "",
        ),
    }
}

/// `GET /listings/2021-08-01/items/{sellerId}`.
pub(crate) fn search(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    if let Err(r) = check_seller(st, ctx, &p[0]) {
        return r;
    }
    let size = match ctx.query.get("pageSize").map(str::parse::<usize>) {
        None => 10,
        Some(Ok(n)) if (1..=20).contains(&n) => n,
        _ => return Reply::invalid("pageSize must be a whole number from 1 to 20."),
    };
    let offset: usize = match ctx.query.get("pageToken") {
        Some(t) => match t.strip_prefix("lst-").and_then(|n| n.parse().ok()) {
            Some(n) => n,
            None => return Reply::invalid("Invalid pageToken."),
        },
        None => 0,
    };
    let identifiers = ctx.query.list("identifiers");
    let seller = &st.sellers[ctx.seller];
    let found: Vec<&Product> = seller
        .products
        .iter()
        .filter(|p| !p.deleted)
        .filter(|p| identifiers.is_empty() || identifiers.iter().any(|i| *i == p.sku || *i == p.asin))
        .collect();
    let mps = ctx.query.list("marketplaceIds");
    let inc = included(ctx);
    let items: Vec<Value> = found
        .iter()
        .skip(offset)
        .take(size)
        .map(|p| item_json(st, ctx.seller, p, &mps, &inc))
        .collect();
    let mut v = json!({ "numberOfResults": found.len(), "items": items });
    if offset + size < found.len() {
        v["pagination"] = json!({ "nextToken": format!("lst-{}", offset + size) });
    }
    Reply::ok(&v)
}

/// Applies one attribute change to a product; returns an error message when the change is invalid.
fn apply_attribute(
    st: &mut State,
    seller: usize,
    sku: &str,
    op: &str,
    name: &str,
    value: &Value,
    at: DateTime<Utc>,
) -> Result<(), String> {
    if !matches!(op, "add" | "replace" | "merge" | "delete") {
        return Err(format!("op {op:?} is not one of add, replace, merge, delete."));
    }
    if name == "fulfillment_availability" && op != "delete" {
        let Some(first) = value.as_array().and_then(|a| a.first()) else {
            return Err("fulfillment_availability needs one value.".to_owned());
        };
        let qty = first.get("quantity").map(|q| {
            q.as_i64()
                .ok_or_else(|| "quantity must be a whole number".to_owned())
        });
        let lead = first.get("lead_time_to_ship_max_days").map(|q| {
            q.as_i64()
                .ok_or_else(|| "lead_time_to_ship_max_days must be a whole number".to_owned())
        });
        let qty = qty.transpose()?;
        let lead = lead.transpose()?;
        if qty.is_some_and(|q| q < 0) {
            return Err("quantity cannot be negative.".to_owned());
        }
        if lead.is_some_and(|d| !(0..=30).contains(&d)) {
            return Err("lead_time_to_ship_max_days must be from 0 to 30.".to_owned());
        }
        let Some(p) = st.sellers[seller].product_mut(sku) else {
            return Err(format!("SKU {sku} not found."));
        };
        if let Some(q) = qty {
            p.mfn_quantity = q;
        }
        if let Some(d) = lead {
            p.handling_days = d;
        }
        p.last_updated = at;
        return Ok(());
    }
    let attrs = st.listing_attributes.entry((seller, sku.to_owned())).or_default();
    if op == "delete" {
        attrs.remove(name);
    } else {
        attrs.insert(name.to_owned(), value.clone());
    }
    if let Some(p) = st.sellers[seller].product_mut(sku) {
        p.last_updated = at;
    }
    Ok(())
}

fn submission(st: &mut State, sku: &str, issues: &[Value]) -> Reply {
    let id = st.new_token("", 32).to_lowercase();
    let status = if issues.iter().any(|i| i["severity"] == "ERROR") {
        "INVALID"
    } else {
        "ACCEPTED"
    };
    Reply::ok(&json!({ "sku": sku, "status": status, "submissionId": id, "issues": issues }))
}

fn issue(code: &str, message: &str) -> Value {
    json!({ "code": code, "message": message, "severity": "ERROR", "categories": ["INVALID_ATTRIBUTE"] })
}

fn new_product(st: &mut State, seller: usize, sku: &str, product_type: &str, at: DateTime<Utc>) {
    let mut rng = data::rng_for(st.seed ^ 0x5157, st.counter);
    st.counter += 1;
    st.sellers[seller].products.push(Product {
        sku: sku.to_owned(),
        asin: format!("B0{}", data::alnum(&mut rng, 8)),
        fnsku: format!("X00{}", data::alnum(&mut rng, 7)),
        title: sku.to_owned(),
        base_price: rust_decimal::Decimal::new(1999, 2),
        product_type: product_type.to_owned(),
        fba: false,
        mfn_quantity: 0,
        handling_days: 2,
        fba_fulfillable: 0,
        fba_inbound: 0,
        fba_reserved: 0,
        fba_unfulfillable: 0,
        created: at,
        last_updated: at,
        deleted: false,
    });
}

/// `PATCH /listings/2021-08-01/items/{sellerId}/{sku}`.
pub(crate) fn patch(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    if let Err(r) = check_seller(st, ctx, &p[0]) {
        return r;
    }
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    if body.get("productType").and_then(Value::as_str).is_none() {
        return Reply::invalid("productType is required.");
    }
    let Some(patches) = body
        .get("patches")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Reply::invalid("patches must hold at least one patch.");
    };
    let sku = p[1].clone();
    if st.sellers[ctx.seller].product(&sku).is_none() {
        return submission(
            st,
            &sku,
            &[issue(
                "4000001",
                &format!("SKU {sku} does not exist; create it with putListingsItem."),
            )],
        );
    }
    let preview = ctx.query.get("mode") == Some("VALIDATION_PREVIEW");
    let mut issues = Vec::new();
    for pt in patches {
        let op = pt.get("op").and_then(Value::as_str).unwrap_or("");
        let path = pt.get("path").and_then(Value::as_str).unwrap_or("");
        let Some(name) = path.strip_prefix("/attributes/") else {
            issues.push(issue(
                "4000002",
                &format!("path {path:?} must start with /attributes/."),
            ));
            continue;
        };
        let value = pt.get("value").cloned().unwrap_or(Value::Null);
        if preview {
            continue;
        }
        if let Err(e) = apply_attribute(st, ctx.seller, &sku, op, name, &value, ctx.now) {
            issues.push(issue("4000003", &e));
        }
    }
    submission(st, &sku, &issues)
}

/// `PUT /listings/2021-08-01/items/{sellerId}/{sku}`.
pub(crate) fn put(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    if let Err(r) = check_seller(st, ctx, &p[0]) {
        return r;
    }
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let Some(pt) = body.get("productType").and_then(Value::as_str) else {
        return Reply::invalid("productType is required.");
    };
    let Some(attrs) = body.get("attributes").and_then(Value::as_object) else {
        return Reply::invalid("attributes is required.");
    };
    let sku = p[1].clone();
    if ctx.query.get("mode") == Some("VALIDATION_PREVIEW") {
        return submission(st, &sku, &[]);
    }
    if st.sellers[ctx.seller].product(&sku).is_none() {
        new_product(st, ctx.seller, &sku, pt, ctx.now);
    }
    st.listing_attributes
        .insert((ctx.seller, sku.clone()), Map::new());
    let mut issues = Vec::new();
    for (name, value) in attrs {
        if let Err(e) = apply_attribute(st, ctx.seller, &sku, "replace", name, value, ctx.now) {
            issues.push(issue("4000003", &e));
        }
    }
    if let Some(title) = attrs
        .get("item_name")
        .and_then(|v| v.get(0))
        .and_then(|v| v.get("value"))
        .and_then(Value::as_str)
    {
        if let Some(prod) = st.sellers[ctx.seller].product_mut(&sku) {
            prod.title = title.to_owned();
        }
    }
    submission(st, &sku, &issues)
}

/// `DELETE /listings/2021-08-01/items/{sellerId}/{sku}`.
pub(crate) fn delete(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    if let Err(r) = check_seller(st, ctx, &p[0]) {
        return r;
    }
    let now = ctx.now;
    match st.sellers[ctx.seller].product_mut(&p[1]) {
        Some(prod) => {
            prod.deleted = true;
            prod.last_updated = now;
            let sku = p[1].clone();
            submission(st, &sku, &[])
        }
        None => Reply::error(404, "NOT_FOUND", &format!("SKU '{}' not found", p[1]), ""),
    }
}

/// Processes a `JSON_LISTINGS_FEED` document; `Err` holds the report of a feed that could not be read.
pub(crate) fn process_listings_feed(
    st: &mut State,
    f: &FeedRecord,
    text: &str,
    at: DateTime<Utc>,
) -> Result<Vec<u8>, Vec<u8>> {
    let seller_id = st.sellers[f.seller].id.clone();
    let fatal = |msg: String| {
        serde_json::to_vec(&json!({
            "header": { "sellerId": seller_id, "version": "2.0", "feedId": f.id },
            "issues": [{ "code": "100001", "severity": "ERROR", "message": msg }],
            "summary": { "errors": 1, "warnings": 0, "messagesProcessed": 0, "messagesAccepted": 0, "messagesInvalid": 0 },
        }))
        .unwrap_or_default()
    };
    let doc: Value =
        serde_json::from_str(text).map_err(|e| fatal(format!("The feed is not valid JSON: {e}")))?;
    let header_seller = doc
        .pointer("/header/sellerId")
        .and_then(Value::as_str)
        .unwrap_or("");
    if header_seller != seller_id {
        return Err(fatal(format!(
            "header.sellerId {header_seller:?} is not the seller that submitted the feed."
        )));
    }
    if doc.pointer("/header/version").and_then(Value::as_str) != Some("2.0") {
        return Err(fatal("header.version must be \"2.0\".".to_owned()));
    }
    let Some(messages) = doc.get("messages").and_then(Value::as_array) else {
        return Err(fatal("messages is required.".to_owned()));
    };
    if messages.is_empty() || messages.len() > 25_000 {
        return Err(fatal(format!(
            "messages must hold 1 to 25,000 messages; it holds {}.",
            messages.len()
        )));
    }
    let mut issues = Vec::new();
    let mut accepted = 0;
    let mut invalid = 0;
    for m in messages {
        let mid = m.get("messageId").and_then(Value::as_i64).unwrap_or(0);
        let sku = m.get("sku").and_then(Value::as_str).unwrap_or("").to_owned();
        let op = m.get("operationType").and_then(Value::as_str).unwrap_or("");
        let mut err = |msg: String| {
            issues.push(json!({ "messageId": mid, "sku": sku, "code": "4000003", "severity": "ERROR", "message": msg }));
        };
        if mid <= 0 || sku.is_empty() {
            err("messageId (positive) and sku are required.".to_owned());
            invalid += 1;
            continue;
        }
        if op != "DELETE" && m.get("productType").and_then(Value::as_str).is_none() {
            err("productType is required for this operationType.".to_owned());
            invalid += 1;
            continue;
        }
        let exists = st.sellers[f.seller].product(&sku).is_some();
        let mut failed = false;
        match op {
            "DELETE" => match st.sellers[f.seller].product_mut(&sku) {
                Some(p) => {
                    p.deleted = true;
                    p.last_updated = at;
                }
                None => {
                    err(format!("SKU {sku} does not exist."));
                    failed = true;
                }
            },
            "PATCH" => {
                if !exists {
                    err(format!("SKU {sku} does not exist; send UPDATE to create it."));
                    failed = true;
                } else {
                    let patches = m
                        .get("patches")
                        .and_then(Value::as_array)
                        .cloned()
                        .unwrap_or_default();
                    if patches.is_empty() {
                        err("patches is required for PATCH.".to_owned());
                        failed = true;
                    }
                    for pt in patches {
                        let pop = pt.get("op").and_then(Value::as_str).unwrap_or("");
                        let path = pt.get("path").and_then(Value::as_str).unwrap_or("");
                        let value = pt.get("value").cloned().unwrap_or(Value::Null);
                        let res = match path.strip_prefix("/attributes/") {
                            Some(name) => apply_attribute(st, f.seller, &sku, pop, name, &value, at),
                            None => Err(format!("path {path:?} must start with /attributes/.")),
                        };
                        if let Err(e) = res {
                            issues.push(json!({ "messageId": mid, "sku": sku, "code": "4000003", "severity": "ERROR", "message": e }));
                            failed = true;
                        }
                    }
                }
            }
            "UPDATE" | "PARTIAL_UPDATE" => {
                if !exists {
                    if op == "PARTIAL_UPDATE" {
                        err(format!(
                            "SKU {sku} does not exist; PARTIAL_UPDATE cannot create it."
                        ));
                        invalid += 1;
                        continue;
                    }
                    let pt = m
                        .get("productType")
                        .and_then(Value::as_str)
                        .unwrap_or("PRODUCT")
                        .to_owned();
                    new_product(st, f.seller, &sku, &pt, at);
                }
                let attrs = m
                    .get("attributes")
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                for (name, value) in attrs {
                    if let Err(e) = apply_attribute(st, f.seller, &sku, "replace", &name, &value, at) {
                        issues.push(json!({ "messageId": mid, "sku": sku, "code": "4000003", "severity": "ERROR", "message": e }));
                        failed = true;
                    }
                }
            }
            other => {
                err(format!(
                    "operationType {other:?} is not one of UPDATE, PARTIAL_UPDATE, PATCH, DELETE."
                ));
                failed = true;
            }
        }
        if failed {
            invalid += 1;
        } else {
            accepted += 1;
        }
    }
    let errors = issues.len();
    Ok(serde_json::to_vec(&json!({
        "header": { "sellerId": seller_id, "version": "2.0", "feedId": f.id },
        "issues": issues,
        "summary": {
            "errors": errors,
            "warnings": 0,
            "messagesProcessed": messages.len(),
            "messagesAccepted": accepted,
            "messagesInvalid": invalid,
        },
    }))
    .unwrap_or_default())
}
