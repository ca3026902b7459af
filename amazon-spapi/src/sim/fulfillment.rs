//! Fulfillment Outbound 2020-07-01 (Multi-Channel Fulfillment orders that move through their statuses and
//! get tracking numbers) and Merchant Fulfillment v0 (labels: eligible services, create, get, cancel).

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map, Value};

use super::data::{self, Channel};
use super::http::{format_amount, iso, parse_time, Reply};
use super::server::Ctx;
use super::state::State;

/// One MCF order line.
#[derive(Debug, Clone)]
pub(crate) struct McfItem {
    pub sku: String,
    pub item_id: String,
    pub qty: i64,
    pub cancelled: i64,
    pub unfulfillable: i64,
    pub gift_message: Option<String>,
}

/// One MCF package.
#[derive(Debug, Clone)]
pub(crate) struct McfPackage {
    pub number: i64,
    pub carrier: String,
    pub tracking: String,
    pub ship_date: DateTime<Utc>,
    pub arrival: DateTime<Utc>,
}

/// One MCF order.
#[derive(Debug, Clone)]
pub(crate) struct McfOrder {
    pub id: String,
    pub seller: usize,
    pub marketplace_id: String,
    pub displayable_id: String,
    pub displayable_date: String,
    pub comment: String,
    pub speed: String,
    pub address: Value,
    pub action: String,
    pub policy: String,
    pub items: Vec<McfItem>,
    pub received: DateTime<Utc>,
    pub status: &'static str,
    pub status_updated: DateTime<Utc>,
    pub schedule: Vec<(DateTime<Utc>, &'static str)>,
    pub packages: Vec<McfPackage>,
    pub reserved: bool,
    /// Return items requested with `createFulfillmentReturn`.
    pub returns: Vec<super::mcf_more::McfReturn>,
    /// Return authorizations issued for them.
    pub authorizations: Vec<super::mcf_more::McfAuthorization>,
}

pub(crate) const SPEEDS: &[&str] = &["Standard", "Expedited", "Priority", "ScheduledDelivery"];

fn mcf_money(amount: rust_decimal::Decimal, currency: &str) -> Value {
    json!({ "currencyCode": currency, "value": format_amount(amount, 2) })
}

pub(crate) fn check_address(a: Option<&Value>) -> Result<Value, Reply> {
    let Some(a) = a.filter(|a| a.is_object()) else {
        return Err(Reply::invalid("destinationAddress is required."));
    };
    for k in ["name", "addressLine1", "countryCode", "postalCode"] {
        if a.get(k)
            .and_then(Value::as_str)
            .is_none_or(|s| s.trim().is_empty())
        {
            return Err(Reply::invalid(&format!("destinationAddress.{k} is required.")));
        }
    }
    Ok(a.clone())
}

fn req_str<'a>(b: &'a Value, k: &str) -> Result<&'a str, Reply> {
    b.get(k)
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| Reply::invalid(&format!("{k} is required.")))
}

/// `POST /fba/outbound/2020-07-01/fulfillmentOrders`.
pub(crate) fn create(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let b = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let fields = (|| -> Result<_, Reply> {
        Ok((
            req_str(&b, "sellerFulfillmentOrderId")?.to_owned(),
            req_str(&b, "displayableOrderId")?.to_owned(),
            req_str(&b, "displayableOrderDate")?.to_owned(),
            req_str(&b, "displayableOrderComment")?.to_owned(),
            req_str(&b, "shippingSpeedCategory")?.to_owned(),
            check_address(b.get("destinationAddress"))?,
        ))
    })();
    let (id, disp_id, disp_date, comment, speed, address) = match fields {
        Ok(f) => f,
        Err(r) => return r,
    };
    if id.len() > 40 {
        return Reply::invalid("sellerFulfillmentOrderId must be at most 40 characters.");
    }
    if !SPEEDS.contains(&speed.as_str()) {
        return Reply::invalid(&format!(
            "shippingSpeedCategory {speed} is not one of {}.",
            SPEEDS.join(", ")
        ));
    }
    if parse_time(&disp_date).is_none() {
        return Reply::invalid("displayableOrderDate must be an ISO 8601 date-time.");
    }
    if st.mcf.iter().any(|o| o.seller == ctx.seller && o.id == id) {
        return Reply::invalid(&format!(
            "A fulfillment order with sellerFulfillmentOrderId {id} already exists."
        ));
    }
    let seller = &st.sellers[ctx.seller];
    let marketplace_id = b
        .get("marketplaceId")
        .and_then(Value::as_str)
        .map(str::to_owned)
        .or_else(|| seller.marketplaces.first().map(|m| m.id.to_owned()))
        .unwrap_or_default();
    let Some(items) = b.get("items").and_then(Value::as_array).filter(|a| !a.is_empty()) else {
        return Reply::invalid("items must hold at least one item.");
    };
    let mut lines = Vec::new();
    for it in items {
        let sku = it.get("sellerSku").and_then(Value::as_str).unwrap_or("");
        let item_id = it
            .get("sellerFulfillmentOrderItemId")
            .and_then(Value::as_str)
            .unwrap_or("");
        let qty = it.get("quantity").and_then(Value::as_i64).unwrap_or(0);
        if sku.is_empty() || item_id.is_empty() || qty <= 0 {
            return Reply::invalid(
                "Each item needs sellerSku, sellerFulfillmentOrderItemId and a positive quantity.",
            );
        }
        match seller.product(sku) {
            Some(p) if p.fba => {}
            _ => {
                return Reply::invalid(&format!(
                    "SKU {sku} has no FBA inventory listing for this seller."
                ))
            }
        }
        lines.push(McfItem {
            sku: sku.to_owned(),
            item_id: item_id.to_owned(),
            qty,
            cancelled: 0,
            unfulfillable: 0,
            gift_message: it.get("giftMessage").and_then(Value::as_str).map(str::to_owned),
        });
    }
    let action = b
        .get("fulfillmentAction")
        .and_then(Value::as_str)
        .unwrap_or("Ship")
        .to_owned();
    let policy = b
        .get("fulfillmentPolicy")
        .and_then(Value::as_str)
        .unwrap_or("FillOrKill")
        .to_owned();
    let now = ctx.now;
    let h = data::mix(st.seed, ctx.seq);
    let mut schedule = vec![(now + Duration::minutes(1), "Received")];
    if action != "Hold" {
        schedule.extend(schedule_shipping(now, h));
    }
    st.mcf.push(McfOrder {
        id,
        seller: ctx.seller,
        marketplace_id,
        displayable_id: disp_id,
        displayable_date: disp_date,
        comment,
        speed,
        address,
        action,
        policy,
        items: lines,
        received: now,
        status: "New",
        status_updated: now,
        schedule,
        packages: Vec::new(),
        reserved: false,
        returns: Vec::new(),
        authorizations: Vec::new(),
    });
    Reply::ok(&json!({}))
}

/// The steps of an order released for shipping at `now` (`h` spreads the durations).
pub(crate) fn schedule_shipping(now: DateTime<Utc>, h: u64) -> [(DateTime<Utc>, &'static str); 3] {
    [
        (now + Duration::minutes(10), "Planning"),
        (now + Duration::minutes(60 + (h % 120) as i64), "Processing"),
        (now + Duration::minutes(360 + (h % 720) as i64), "Complete"),
    ]
}

/// Moves MCF orders along their schedule.
pub(crate) fn advance_mcf(st: &mut State, now: DateTime<Utc>) {
    super::mcf_more::advance_returns(st, now);
    for i in 0..st.mcf.len() {
        loop {
            let o = &st.mcf[i];
            let Some(&(t, next)) = o.schedule.first() else {
                break;
            };
            if t > now
                || matches!(
                    o.status,
                    "Cancelled" | "Unfulfillable" | "Complete" | "CompletePartialled"
                )
            {
                break;
            }
            st.mcf[i].schedule.remove(0);
            let seller = st.mcf[i].seller;
            match next {
                "Planning" => {
                    // Reserve stock; FillOrKill orders without enough stock become Unfulfillable.
                    let policy = st.mcf[i].policy.clone();
                    let items = st.mcf[i].items.clone();
                    let short = items.iter().any(|it| {
                        st.sellers[seller]
                            .product(&it.sku)
                            .is_none_or(|p| p.fba_fulfillable < it.qty)
                    });
                    if short && policy == "FillOrKill" {
                        let o = &mut st.mcf[i];
                        for it in &mut o.items {
                            it.unfulfillable = it.qty;
                        }
                        o.status = "Unfulfillable";
                        o.status_updated = t;
                        o.schedule.clear();
                        break;
                    }
                    let mut new_items = items;
                    for it in &mut new_items {
                        if let Some(p) = st.sellers[seller].product_mut(&it.sku) {
                            let take = it.qty.min(p.fba_fulfillable.max(0));
                            it.unfulfillable = it.qty - take;
                            p.fba_fulfillable -= take;
                            p.fba_reserved += take;
                            p.last_updated = t;
                        }
                    }
                    let o = &mut st.mcf[i];
                    o.items = new_items;
                    o.reserved = true;
                    o.status = "Planning";
                    o.status_updated = t;
                }
                "Complete" => {
                    let h = data::mix(st.seed, 4000 + i as u64);
                    let mp = super::market::marketplace(&st.mcf[i].marketplace_id)
                        .unwrap_or(&super::market::MARKETPLACES[0]);
                    let (carrier, tracking) = data::amazon_carrier(h, mp);
                    let number = 100_000 + (st.counter as i64) * 10 + i as i64;
                    st.counter += 1;
                    let items = st.mcf[i].items.clone();
                    for it in &items {
                        if let Some(p) = st.sellers[seller].product_mut(&it.sku) {
                            p.fba_reserved = (p.fba_reserved - (it.qty - it.unfulfillable)).max(0);
                            p.last_updated = t;
                        }
                    }
                    let o = &mut st.mcf[i];
                    o.packages.push(McfPackage {
                        number,
                        carrier: carrier.to_owned(),
                        tracking,
                        ship_date: t,
                        arrival: t + Duration::days(2),
                    });
                    o.status = if o.items.iter().any(|it| it.unfulfillable > 0) {
                        "CompletePartialled"
                    } else {
                        "Complete"
                    };
                    o.status_updated = t;
                }
                s => {
                    let o = &mut st.mcf[i];
                    o.status = s;
                    o.status_updated = t;
                }
            }
        }
    }
}

fn order_json(o: &McfOrder) -> Value {
    json!({
        "sellerFulfillmentOrderId": o.id,
        "marketplaceId": o.marketplace_id,
        "displayableOrderId": o.displayable_id,
        "displayableOrderDate": o.displayable_date,
        "displayableOrderComment": o.comment,
        "shippingSpeedCategory": o.speed,
        "destinationAddress": o.address,
        "fulfillmentAction": o.action,
        "fulfillmentPolicy": o.policy,
        "receivedDate": iso(o.received),
        "fulfillmentOrderStatus": o.status,
        "statusUpdatedDate": iso(o.status_updated),
    })
}

fn full_json(o: &McfOrder) -> Value {
    let items: Vec<Value> = o
        .items
        .iter()
        .map(|it| {
            let mut v = json!({
                "sellerSku": it.sku,
                "sellerFulfillmentOrderItemId": it.item_id,
                "quantity": it.qty,
                "cancelledQuantity": it.cancelled,
                "unfulfillableQuantity": it.unfulfillable,
            });
            if let Some(g) = &it.gift_message {
                v["giftMessage"] = json!(g);
            }
            v
        })
        .collect();
    let shipments: Vec<Value> = o
        .packages
        .iter()
        .enumerate()
        .map(|(n, p)| {
            json!({
                "amazonShipmentId": super::mcf_more::shipment_id(p.number),
                "fulfillmentCenterId": "SIM1",
                "fulfillmentShipmentStatus": "SHIPPED",
                "shippingDate": iso(p.ship_date),
                "estimatedArrivalDate": iso(p.arrival),
                "fulfillmentShipmentItem": o.items.iter().filter(|it| it.qty > it.unfulfillable).map(|it| json!({
                    "sellerSku": it.sku,
                    "sellerFulfillmentOrderItemId": it.item_id,
                    "quantity": it.qty - it.unfulfillable,
                    "packageNumber": p.number,
                })).collect::<Vec<_>>(),
                "fulfillmentShipmentPackage": [{
                    "packageNumber": p.number,
                    "carrierCode": p.carrier,
                    "trackingNumber": p.tracking,
                    "estimatedArrivalDate": iso(p.arrival),
                }],
                "shippingNotes": [format!("Package {}", n + 1)],
            })
        })
        .collect();
    json!({ "payload": {
        "fulfillmentOrder": order_json(o),
        "fulfillmentOrderItems": items,
        "fulfillmentShipments": shipments,
        "returnItems": o.returns.iter().map(super::mcf_more::return_json).collect::<Vec<_>>(),
        "returnAuthorizations": o
            .authorizations
            .iter()
            .map(super::mcf_more::authorization_json)
            .collect::<Vec<_>>(),
    } })
}

/// `GET /fba/outbound/2020-07-01/fulfillmentOrders/{id}`.
pub(crate) fn get(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    match st.mcf.iter().find(|o| o.seller == ctx.seller && o.id == p[0]) {
        Some(o) => Reply::ok(&full_json(o)),
        None => Reply::not_found(&format!("Fulfillment order {}", p[0])),
    }
}

/// `GET /fba/outbound/2020-07-01/fulfillmentOrders`.
pub(crate) fn list(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let since = match ctx.query.get("queryStartDate") {
        Some(s) => match parse_time(s) {
            Some(t) => t,
            None => return Reply::invalid("queryStartDate must be an ISO 8601 date-time."),
        },
        None => ctx.now - Duration::days(36),
    };
    let offset: usize = match ctx.query.get("nextToken") {
        Some(t) => match t.strip_prefix("mcf-").and_then(|n| n.parse().ok()) {
            Some(n) => n,
            None => return Reply::invalid("Invalid nextToken."),
        },
        None => 0,
    };
    let mut found: Vec<&McfOrder> = st
        .mcf
        .iter()
        .filter(|o| o.seller == ctx.seller && o.status_updated >= since)
        .collect();
    found.sort_by(|a, b| a.status_updated.cmp(&b.status_updated).then(a.id.cmp(&b.id)));
    let page: Vec<Value> = found
        .iter()
        .skip(offset)
        .take(100)
        .map(|o| order_json(o))
        .collect();
    let mut payload = json!({ "fulfillmentOrders": page });
    if offset + 100 < found.len() {
        payload["nextToken"] = json!(format!("mcf-{}", offset + 100));
    }
    Reply::ok(&json!({ "payload": payload }))
}

/// `PUT /fba/outbound/2020-07-01/fulfillmentOrders/{id}/cancel`.
pub(crate) fn cancel(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let now = ctx.now;
    let seller = ctx.seller;
    let Some(i) = st.mcf.iter().position(|o| o.seller == seller && o.id == p[0]) else {
        return Reply::not_found(&format!("Fulfillment order {}", p[0]));
    };
    if !matches!(st.mcf[i].status, "New" | "Received" | "Planning") {
        return Reply::invalid(&format!(
            "Fulfillment order {} is {} and can no longer be cancelled.",
            p[0], st.mcf[i].status
        ));
    }
    if st.mcf[i].reserved {
        let items = st.mcf[i].items.clone();
        for it in items {
            if let Some(pr) = st.sellers[seller].product_mut(&it.sku) {
                let q = it.qty - it.unfulfillable;
                pr.fba_reserved = (pr.fba_reserved - q).max(0);
                pr.fba_fulfillable += q;
                pr.last_updated = now;
            }
        }
    }
    let o = &mut st.mcf[i];
    for it in &mut o.items {
        it.cancelled = it.qty - it.unfulfillable;
    }
    o.status = "Cancelled";
    o.status_updated = now;
    o.schedule.clear();
    Reply::ok(&json!({}))
}

/// `GET /fba/outbound/2020-07-01/tracking?packageNumber=`.
pub(crate) fn tracking(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let Some(n) = ctx.query.get("packageNumber").and_then(|s| s.parse::<i64>().ok()) else {
        return Reply::invalid("packageNumber is required and must be a whole number.");
    };
    let found = st
        .mcf
        .iter()
        .filter(|o| o.seller == ctx.seller)
        .find_map(|o| o.packages.iter().find(|p| p.number == n).map(|p| (o, p)));
    let Some((o, p)) = found else {
        return Reply::not_found(&format!("Package {n}"));
    };
    let delivered = ctx.now >= p.arrival;
    let city = o.address.get("city").and_then(Value::as_str).unwrap_or("");
    let state = o
        .address
        .get("stateOrRegion")
        .and_then(Value::as_str)
        .unwrap_or("");
    let country = o.address.get("countryCode").and_then(Value::as_str).unwrap_or("");
    let mut events = vec![json!({
        "eventDate": iso(p.ship_date),
        "eventAddress": { "city": "Fulfillment Center", "state": "", "country": country },
        "eventCode": "EVENT_101",
        "eventDescription": "Carrier picked up the package.",
    })];
    if delivered {
        events.push(json!({
            "eventDate": iso(p.arrival),
            "eventAddress": { "city": city, "state": state, "country": country },
            "eventCode": "EVENT_301",
            "eventDescription": "Delivered.",
        }));
    }
    Reply::ok(&json!({ "payload": {
        "packageNumber": p.number,
        "trackingNumber": p.tracking,
        "carrierCode": p.carrier,
        "shipDate": iso(p.ship_date),
        "estimatedArrivalDate": iso(p.arrival),
        "shipToAddress": { "city": city, "state": state, "country": country },
        "currentStatus": if delivered { "DELIVERED" } else { "IN_TRANSIT" },
        "trackingEvents": events,
    } }))
}

/// `POST /fba/outbound/2020-07-01/fulfillmentOrders/preview`.
pub(crate) fn preview(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let b = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let address = match check_address(b.get("address")) {
        Ok(a) => a,
        Err(r) => return r,
    };
    let _ = address;
    let Some(items) = b.get("items").and_then(Value::as_array).filter(|a| !a.is_empty()) else {
        return Reply::invalid("items must hold at least one item.");
    };
    let seller = &st.sellers[ctx.seller];
    let mp = b
        .get("marketplaceId")
        .and_then(Value::as_str)
        .and_then(super::market::marketplace)
        .or_else(|| seller.marketplaces.first().copied())
        .unwrap_or(&super::market::MARKETPLACES[0]);
    let speeds: Vec<String> = b
        .get("shippingSpeedCategories")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .filter(|v: &Vec<String>| !v.is_empty())
        .unwrap_or_else(|| vec!["Standard".into(), "Expedited".into(), "Priority".into()]);
    let mut ok_items = Vec::new();
    let mut bad_items = Vec::new();
    for it in items {
        let sku = it.get("sellerSku").and_then(Value::as_str).unwrap_or("");
        let qty = it.get("quantity").and_then(Value::as_i64).unwrap_or(0);
        let item_id = it
            .get("sellerFulfillmentOrderItemId")
            .and_then(Value::as_str)
            .unwrap_or("");
        let stock = seller.product(sku).filter(|p| p.fba).map(|p| p.fba_fulfillable);
        match stock {
            Some(s) if s >= qty && qty > 0 => ok_items.push(json!({
                "sellerSku": sku, "quantity": qty, "sellerFulfillmentOrderItemId": item_id,
                "estimatedShippingWeight": { "unit": "POUNDS", "value": "1.2" },
                "shippingWeightCalculationMethod": "Package",
            })),
            _ => bad_items.push(json!({
                "sellerSku": sku, "quantity": qty, "sellerFulfillmentOrderItemId": item_id,
                "itemUnfulfillableReasons": [if stock.is_some() { "InventoryUnavailable" } else { "InvalidSKU" }],
            })),
        }
    }
    let previews: Vec<Value> = speeds
        .iter()
        .map(|s| {
            let (ship, arrive, fee) = match s.as_str() {
                "Priority" => (0, 1, rust_decimal::Decimal::new(1299, 2)),
                "Expedited" => (1, 2, rust_decimal::Decimal::new(899, 2)),
                _ => (1, 5, rust_decimal::Decimal::new(599, 2)),
            };
            let mut p = json!({
                "shippingSpeedCategory": s,
                "isFulfillable": bad_items.is_empty(),
                "isCODCapable": false,
                "marketplaceId": mp.id,
                "estimatedShippingWeight": { "unit": "POUNDS", "value": "1.2" },
                "estimatedFees": [{ "name": "FBAPerUnitFulfillmentFee", "amount": mcf_money(fee, mp.currency) }],
                "unfulfillablePreviewItems": bad_items,
            });
            if bad_items.is_empty() {
                p["fulfillmentPreviewShipments"] = json!([{
                    "earliestShipDate": iso(ctx.now + Duration::days(ship)),
                    "latestShipDate": iso(ctx.now + Duration::days(ship + 1)),
                    "earliestArrivalDate": iso(ctx.now + Duration::days(arrive)),
                    "latestArrivalDate": iso(ctx.now + Duration::days(arrive + 2)),
                    "fulfillmentPreviewItems": ok_items,
                }]);
            } else {
                p["orderUnfulfillableReasons"] = json!(["InventoryUnavailable"]);
            }
            p
        })
        .collect();
    Reply::ok(&json!({ "payload": { "fulfillmentPreviews": previews } }))
}

// ---------------------------------------------------------------------------------------------
// Merchant Fulfillment v0

/// One purchased label.
#[derive(Debug, Clone)]
pub(crate) struct MfnShipment {
    pub id: String,
    pub seller: usize,
    pub order_id: String,
    pub items: Value,
    pub ship_from: Value,
    pub dimensions: Value,
    pub weight: Value,
    pub service: Value,
    pub tracking: String,
    pub label_pdf: Vec<u8>,
    pub created: DateTime<Utc>,
    pub cancelled: Option<DateTime<Utc>>,
}

fn services_for(region: &str) -> &'static [(&'static str, &'static str, &'static str)] {
    match region {
        "EU" => &[
            ("DHL Paket", "DHL", "DHL_PAKET_STANDARD"),
            ("DPD Classic", "DPD", "DPD_CLASSIC"),
            ("Royal Mail Tracked 48", "Royal Mail", "RM_TRACKED_48"),
        ],
        "FE" => &[
            ("ヤマト運輸 宅急便", "YAMATO", "YAMATO_TA_Q_BIN"),
            ("Australia Post Parcel Post", "Australia Post", "AUSPOST_PARCEL"),
        ],
        _ => &[
            ("UPS Ground", "UPS", "UPS_PTP_GND"),
            ("USPS Priority Mail", "USPS", "USPS_PTP_PRI"),
            ("FedEx 2Day", "FEDEX", "FEDEX_PTP_TWO_DAY"),
        ],
    }
}

/// Validates `ShipmentRequestDetails` against the order and returns (order id, items, weight in oz).
fn check_details(st: &State, ctx: &Ctx<'_>, d: Option<&Value>) -> Result<(String, Value, f64), Reply> {
    let Some(d) = d else {
        return Err(Reply::invalid("ShipmentRequestDetails is required."));
    };
    let order_id = d.get("AmazonOrderId").and_then(Value::as_str).unwrap_or("");
    let Some(o) = st.order(order_id).filter(|o| o.seller == ctx.seller) else {
        return Err(Reply::not_found(&format!("Order {order_id}")));
    };
    if o.channel != Channel::Mfn {
        return Err(Reply::invalid(
            "The order is fulfilled by Amazon; labels are only for merchant-fulfilled orders.",
        ));
    }
    if !o.shippable() {
        return Err(Reply::invalid(&format!(
            "The order is {} and cannot be shipped.",
            o.status.v0()
        )));
    }
    let Some(items) = d
        .get("ItemList")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Err(Reply::invalid("ItemList must hold at least one item."));
    };
    for it in items {
        let id = it.get("OrderItemId").and_then(Value::as_str).unwrap_or("");
        let q = it.get("Quantity").and_then(Value::as_i64).unwrap_or(0);
        let Some(line) = o.items.iter().find(|i| i.id == id) else {
            return Err(Reply::invalid(&format!(
                "OrderItemId {id} is not an item of order {order_id}."
            )));
        };
        if q <= 0 || q > line.qty - line.qty_shipped {
            return Err(Reply::invalid(&format!(
                "Quantity {q} of item {id} is not between 1 and the units left to ship."
            )));
        }
    }
    for k in [
        "ShipFromAddress",
        "PackageDimensions",
        "Weight",
        "ShippingServiceOptions",
    ] {
        if d.get(k).is_none() {
            return Err(Reply::invalid(&format!(
                "ShipmentRequestDetails.{k} is required."
            )));
        }
    }
    let w = d
        .get("Weight")
        .and_then(|w| w.get("Value"))
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    if w <= 0.0 {
        return Err(Reply::invalid("Weight.Value must be positive."));
    }
    let unit = d
        .get("Weight")
        .and_then(|w| w.get("Unit"))
        .and_then(Value::as_str)
        .unwrap_or("oz");
    let oz = match unit {
        "g" => w / 28.35,
        _ => w,
    };
    Ok((order_id.to_owned(), Value::Array(items.clone()), oz))
}

fn service_json(st: &State, ctx: &Ctx<'_>, order_id: &str, i: usize, oz: f64) -> Option<Value> {
    let o = st.order(order_id)?;
    let (name, carrier, id) = *services_for(o.mp.region).get(i)?;
    let cents = 500 + (oz * 12.0) as i64 + 150 * i as i64;
    let amount = rust_decimal::Decimal::new(cents, 2);
    let amount_num: f64 = format_amount(amount, 2).parse().unwrap_or(0.0);
    Some(json!({
        "ShippingServiceName": name,
        "CarrierName": carrier,
        "ShippingServiceId": id,
        "ShippingServiceOfferId": format!("offer-{:016x}", data::mix(st.seed, data::mix(ctx.seller as u64, i as u64) ^ oz as u64)),
        "ShipDate": iso(ctx.now),
        "EarliestEstimatedDeliveryDate": iso(ctx.now + Duration::days(1 + i as i64)),
        "LatestEstimatedDeliveryDate": iso(ctx.now + Duration::days(3 + i as i64)),
        "Rate": { "CurrencyCode": o.mp.currency, "Amount": amount_num },
        "RateWithAdjustments": { "CurrencyCode": o.mp.currency, "Amount": amount_num },
        "ShippingServiceOptions": { "DeliveryExperience": "DeliveryConfirmationWithoutSignature", "CarrierWillPickUp": false, "LabelFormat": "PDF" },
        "AvailableLabelFormats": ["PDF", "PNG", "ZPL203"],
        "RequiresAdditionalSellerInputs": false,
    }))
}

/// `POST /mfn/v0/eligibleShippingServices`.
pub(crate) fn mfn_eligible(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let b = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let (order_id, _items, oz) = match check_details(st, ctx, b.get("ShipmentRequestDetails")) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let list: Vec<Value> = (0..3)
        .filter_map(|i| service_json(st, ctx, &order_id, i, oz))
        .collect();
    Reply::ok(&json!({ "payload": {
        "ShippingServiceList": list,
        "RejectedShippingServiceList": [],
        "TemporarilyUnavailableCarrierList": [],
        "TermsAndConditionsNotAcceptedCarrierList": [],
    } }))
}

fn label_pdf(shipment_id: &str, tracking: &str) -> Vec<u8> {
    let text = format!("%PDF-1.4\n% OrderHub simulator label\n1 0 obj << /Shipment ({shipment_id}) /Tracking ({tracking}) >> endobj\n%%EOF\n");
    text.into_bytes()
}

fn shipment_json(st: &State, ctx: &Ctx<'_>, s: &MfnShipment) -> Value {
    let mut ship_to = Map::new();
    if let Some(o) = st.order(&s.order_id) {
        let a = &o.address;
        if ctx.sees("shippingAddress") {
            ship_to.insert("Name".into(), json!(a.name));
            ship_to.insert("AddressLine1".into(), json!(a.line1));
            if !a.line2.is_empty() {
                ship_to.insert("AddressLine2".into(), json!(a.line2));
            }
            ship_to.insert("Email".into(), json!(o.buyer.email));
            ship_to.insert("Phone".into(), json!(a.phone));
        }
        ship_to.insert("City".into(), json!(a.city));
        ship_to.insert("StateOrProvinceCode".into(), json!(a.state));
        ship_to.insert("PostalCode".into(), json!(a.postal));
        ship_to.insert("CountryCode".into(), json!(a.country));
    }
    let status = match s.cancelled {
        None => "Purchased",
        Some(t) if ctx.now >= t + Duration::days(1) => "RefundApplied",
        Some(_) => "RefundPending",
    };
    let gz = {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = enc.write_all(&s.label_pdf);
        enc.finish().unwrap_or_default()
    };
    let currency = s
        .service
        .get("Rate")
        .and_then(|r| r.get("CurrencyCode"))
        .cloned()
        .unwrap_or(json!("USD"));
    json!({
        "ShipmentId": s.id,
        "AmazonOrderId": s.order_id,
        "ItemList": s.items,
        "ShipFromAddress": s.ship_from,
        "ShipToAddress": Value::Object(ship_to),
        "PackageDimensions": s.dimensions,
        "Weight": s.weight,
        "Insurance": { "CurrencyCode": currency, "Amount": 0.0 },
        "ShippingService": s.service,
        "Label": {
            "Dimensions": { "Length": 6.0, "Width": 4.0, "Unit": "inches" },
            "FileContents": {
                "Contents": super::codec::base64(&gz),
                "FileType": "application/pdf",
                "Checksum": super::codec::base64(&super::codec::md5(&gz)),
            },
            "LabelFormat": "PDF",
        },
        "Status": status,
        "TrackingId": s.tracking,
        "CreatedDate": iso(s.created),
        "LastUpdatedDate": iso(s.cancelled.unwrap_or(s.created)),
    })
}

/// `POST /mfn/v0/shipments`.
pub(crate) fn mfn_create(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let b = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let details = b.get("ShipmentRequestDetails");
    let (order_id, items, oz) = match check_details(st, ctx, details) {
        Ok(x) => x,
        Err(r) => return r,
    };
    let Some(service_id) = b.get("ShippingServiceId").and_then(Value::as_str) else {
        return Reply::invalid("ShippingServiceId is required: pick one from getEligibleShipmentServices.");
    };
    let Some(mp_region) = st.order(&order_id).map(|o| o.mp.region) else {
        return Reply::not_found(&format!("Order {order_id}"));
    };
    let Some(idx) = services_for(mp_region)
        .iter()
        .position(|(_, _, id)| *id == service_id)
    else {
        return Reply::invalid(&format!(
            "ShippingServiceId {service_id} is not eligible for this shipment."
        ));
    };
    let Some(service) = service_json(st, ctx, &order_id, idx, oz) else {
        return Reply::invalid("The shipping service is not available.");
    };
    let id = format!(
        "{:08x}-{:04x}-4{:03x}-a{:03x}-{:012x}",
        data::mix(st.seed, ctx.seq) as u32,
        ctx.seq % 0xffff,
        ctx.seq % 0xfff,
        (ctx.seq / 7) % 0xfff,
        data::mix(st.seed ^ 9, ctx.seq) % 0xffff_ffff_ffff
    );
    let carrier = services_for(mp_region)[idx].1;
    let tracking = format!(
        "{}{:012}",
        if carrier == "UPS" { "1Z" } else { "" },
        data::mix(st.seed ^ 11, ctx.seq) % 1_000_000_000_000
    );
    let d = details.cloned().unwrap_or_default();
    let shipment = MfnShipment {
        id: id.clone(),
        seller: ctx.seller,
        order_id: order_id.clone(),
        items: items.clone(),
        ship_from: d.get("ShipFromAddress").cloned().unwrap_or_default(),
        dimensions: d.get("PackageDimensions").cloned().unwrap_or_default(),
        weight: d.get("Weight").cloned().unwrap_or_default(),
        service,
        tracking: tracking.clone(),
        label_pdf: label_pdf(&id, &tracking),
        created: ctx.now,
        cancelled: None,
    };
    // Buying a label with Amazon confirms the shipment of its items.
    let now = ctx.now;
    if let Some(o) = st.order_mut(&order_id) {
        let pkg_items: Vec<(String, i64)> = items
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|i| {
                        Some((
                            i.get("OrderItemId")?.as_str()?.to_owned(),
                            i.get("Quantity")?.as_i64()?,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        for (iid, q) in &pkg_items {
            if let Some(line) = o.items.iter_mut().find(|l| l.id == *iid) {
                line.qty_shipped += q;
            }
        }
        let n = o.packages.len() + 1;
        o.packages.push(data::Package {
            reference_id: format!("{}", 900 + n),
            carrier_code: carrier.to_owned(),
            carrier_name: None,
            shipping_method: Some(services_for(mp_region)[idx].0.to_owned()),
            tracking,
            ship_date: now,
            items: pkg_items,
        });
        let invoice = o.needs_invoice();
        o.settle_shipping_status(invoice);
        o.last_update = now;
    }
    let v = shipment_json(st, ctx, &shipment);
    st.mfn_shipments.insert(id, shipment);
    Reply::ok(&json!({ "payload": v }))
}

/// `GET /mfn/v0/shipments/{shipmentId}`.
pub(crate) fn mfn_get(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    match st.mfn_shipments.get(&p[0]).filter(|s| s.seller == ctx.seller) {
        Some(s) => Reply::ok(&json!({ "payload": shipment_json(st, ctx, s) })),
        None => Reply::not_found(&format!("Shipment {}", p[0])),
    }
}

/// `DELETE /mfn/v0/shipments/{shipmentId}`.
pub(crate) fn mfn_cancel(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let now = ctx.now;
    let Some(s) = st.mfn_shipments.get_mut(&p[0]).filter(|s| s.seller == ctx.seller) else {
        return Reply::not_found(&format!("Shipment {}", p[0]));
    };
    if s.cancelled.is_some() {
        return Reply::invalid("The shipment has already been cancelled.");
    }
    if now > s.created + Duration::days(1) {
        return Reply::invalid("Labels can only be cancelled within 24 hours of purchase.");
    }
    s.cancelled = Some(now);
    let s = s.clone();
    Reply::ok(&json!({ "payload": shipment_json(st, ctx, &s) }))
}

/// `POST /mfn/v0/additionalSellerInputs`.
pub(crate) fn mfn_additional_inputs(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let b = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let order_id = b.get("OrderId").and_then(Value::as_str).unwrap_or("");
    if st.order(order_id).filter(|o| o.seller == ctx.seller).is_none() {
        return Reply::not_found(&format!("Order {order_id}"));
    }
    if b.get("ShippingServiceId").and_then(Value::as_str).is_none() || b.get("ShipFromAddress").is_none() {
        return Reply::invalid("ShippingServiceId and ShipFromAddress are required.");
    }
    Reply::ok(&json!({ "payload": { "ShipmentLevelFields": [], "ItemLevelFieldsList": [] } }))
}
