//! Orders 2026-01-01: searchOrders and getOrder, with `includedData` and role-based personal data.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map, Value};

use super::data::{Channel, Order, OrderStatus};
use super::faults::page_fault;
use super::http::{iso, money_camel, parse_time, Reply};
use super::orders_v0::page_token;
use super::server::Ctx;
use super::state::{OrderPage, State};

const DATASETS: &[&str] = &[
    "BUYER",
    "RECIPIENT",
    "PROCEEDS",
    "EXPENSE",
    "PROMOTION",
    "CANCELLATION",
    "FULFILLMENT",
    "PACKAGES",
    "TAX",
    "PAYMENT",
    "FULFILLMENT_ORDERS",
];

/// Datasets to render, with the roles already applied to BUYER and RECIPIENT.
#[derive(Debug, Clone, Default)]
pub(crate) struct Included {
    sets: Vec<String>,
    buyer_pii: bool,
    recipient_pii: bool,
}

impl Included {
    fn has(&self, s: &str) -> bool {
        self.sets.iter().any(|x| x == s)
    }
}

fn included(st: &State, ctx: &Ctx<'_>, sets: Vec<String>) -> Result<Included, Reply> {
    if let Some(bad) = sets.iter().find(|s| !DATASETS.contains(&s.as_str())) {
        return Err(Reply::error(
            400,
            "InvalidInput",
            &format!("includedData holds an unknown dataset: {bad}."),
            &format!("Valid values: {}", DATASETS.join(", ")),
        ));
    }
    let seller = &st.sellers[ctx.seller];
    Ok(Included {
        buyer_pii: seller.may_see("buyerInfo"),
        recipient_pii: seller.may_see("shippingAddress"),
        sets,
    })
}

fn m(o: &Order, d: rust_decimal::Decimal) -> Value {
    money_camel(d, o.mp.currency, o.mp.decimals)
}

fn window(a: DateTime<Utc>, b: DateTime<Utc>) -> Value {
    json!({ "earliestDateTime": iso(a), "latestDateTime": iso(b) })
}

/// An order in the 2026-01-01 shape.
pub(crate) fn order_2026(o: &Order, inc: &Included) -> Value {
    let mut programs = Vec::new();
    if o.is_prime {
        programs.push("PRIME");
    }
    if o.is_business {
        programs.push("AMAZON_BUSINESS");
    }
    if o.is_premium {
        programs.push("PREMIUM");
    }
    if o.status == OrderStatus::PendingAvailability {
        programs.push("PREORDER");
    }
    if o.channel == Channel::Afn {
        programs.push("DELIVERY_BY_AMAZON");
    }
    let pending = matches!(o.status, OrderStatus::Pending | OrderStatus::PendingAvailability);
    let mut v = json!({
        "orderId": o.id,
        "orderAliases": [{ "aliasId": o.seller_order_id, "aliasType": "SELLER_ORDER_ID" }],
        "createdTime": iso(o.purchase_date),
        "lastUpdatedTime": iso(o.last_update),
        "programs": programs,
        "salesChannel": { "channelName": "AMAZON", "marketplaceId": o.mp.id, "marketplaceName": o.mp.name },
    });
    let pii = o.has_pii();
    if inc.has("BUYER") {
        let mut b = Map::new();
        if pii && inc.buyer_pii {
            b.insert("buyerName".into(), json!(o.buyer.name));
            b.insert("buyerEmail".into(), json!(o.buyer.email));
            if let Some(c) = &o.buyer.company {
                b.insert("buyerCompanyName".into(), json!(c));
            }
        }
        if let Some(po) = &o.buyer.po_number {
            b.insert("buyerPurchaseOrderNumber".into(), json!(po));
        }
        if !b.is_empty() {
            v["buyer"] = Value::Object(b);
        }
    }
    if inc.has("RECIPIENT") && !pending {
        let a = &o.address;
        let mut d = Map::new();
        if pii && inc.recipient_pii {
            d.insert("name".into(), json!(a.name));
            if let Some(c) = &a.company {
                d.insert("companyName".into(), json!(c));
            }
            d.insert("addressLine1".into(), json!(a.line1));
            if !a.line2.is_empty() {
                d.insert("addressLine2".into(), json!(a.line2));
            }
            d.insert("phone".into(), json!(a.phone));
            d.insert(
                "addressType".into(),
                json!(if a.commercial { "COMMERCIAL" } else { "RESIDENTIAL" }),
            );
        }
        d.insert("city".into(), json!(a.city));
        if !a.state.is_empty() {
            d.insert("stateOrRegion".into(), json!(a.state));
        }
        d.insert("postalCode".into(), json!(a.postal));
        d.insert("countryCode".into(), json!(a.country));
        v["recipient"] = json!({ "deliveryAddress": Value::Object(d) });
    }
    if inc.has("PROCEEDS") && !pending {
        v["proceeds"] = json!({ "grandTotal": m(o, o.total()) });
    }
    if inc.has("FULFILLMENT") {
        v["fulfillment"] = json!({
            "fulfillmentStatus": o.status.v2026(),
            "fulfilledBy": if o.channel == Channel::Afn { "AMAZON" } else { "MERCHANT" },
            "fulfillmentServiceLevel": match o.ship_category {
                "Expedited" => "EXPEDITED",
                "NextDay" => "NEXT_DAY",
                "SecondDay" => "SECOND_DAY",
                _ => "STANDARD",
            },
            "shipByWindow": window(o.earliest_ship, o.latest_ship),
            "deliverByWindow": window(o.earliest_delivery, o.latest_delivery),
        });
    }
    if inc.has("PACKAGES") && !o.packages.is_empty() {
        let pk: Vec<Value> = o
            .packages
            .iter()
            .map(|p| {
                json!({
                    "packageReferenceId": p.reference_id,
                    "createdTime": iso(p.ship_date),
                    "packageStatus": { "status": "SHIPPED" },
                    "carrier": p.carrier_name.clone().unwrap_or_else(|| p.carrier_code.clone()),
                    "shipTime": iso(p.ship_date),
                    "shippingService": p.shipping_method.clone().unwrap_or_else(|| "Standard".to_owned()),
                    "trackingNumber": p.tracking,
                    "packageItems": p.items.iter().map(|(id, q)| json!({ "orderItemId": id, "quantity": q })).collect::<Vec<_>>(),
                })
            })
            .collect();
        v["packages"] = Value::Array(pk);
    }
    let items: Vec<Value> = o
        .items
        .iter()
        .map(|i| {
            let mut product = json!({
                "asin": i.asin,
                "title": i.title,
                "sellerSku": i.sku,
                "condition": {
                    "conditionType": i.condition_id.to_uppercase(),
                    "conditionSubtype": i.condition_subtype.to_uppercase(),
                },
                "price": { "unitPrice": m(o, i.unit_price) },
            });
            if let Some(n) = &i.condition_note {
                product["condition"]["conditionNote"] = json!(n);
            }
            if i.business_price {
                product["price"]["priceDesignation"] = json!("BUSINESS_PRICE");
            }
            if let Some(url) = &i.customized_url {
                if inc.has("BUYER") && inc.buyer_pii && pii {
                    product["customization"] = json!({ "customizedUrl": url });
                }
            }
            let mut item = json!({ "orderItemId": i.id, "quantityOrdered": i.qty, "product": product });
            if inc.has("PROCEEDS") {
                let included_tax = o.mp.included_tax_pct > 0;
                let total = i.item_price
                    + i.shipping_price
                    + if included_tax {
                        rust_decimal::Decimal::ZERO
                    } else {
                        i.item_tax + i.shipping_tax
                    };
                item["proceeds"] = json!({
                    "proceedsTotal": m(o, total),
                    "breakdowns": [
                        { "type": "ITEM", "subtotal": m(o, i.item_price) },
                        { "type": "SHIPPING", "subtotal": m(o, i.shipping_price) },
                        { "type": "TAX", "subtotal": m(o, i.item_tax + i.shipping_tax) },
                    ],
                });
            }
            if inc.has("CANCELLATION") {
                if let Some(r) = &i.buyer_cancel_reason {
                    item["cancellation"] =
                        json!({ "cancellationRequest": { "requester": "BUYER", "cancelReason": r } });
                }
            }
            if inc.has("FULFILLMENT") {
                let unfulfilled = if o.status == OrderStatus::Canceled {
                    0
                } else {
                    i.qty - i.qty_shipped
                };
                let mut f = json!({ "quantityFulfilled": i.qty_shipped, "quantityUnfulfilled": unfulfilled });
                if let Some(msg) = &i.gift_message {
                    if inc.has("BUYER") && inc.buyer_pii && pii {
                        f["packing"] = json!({ "giftOption": {
                            "giftMessage": msg,
                            "giftWrapLevel": i.gift_wrap_level.clone().unwrap_or_default(),
                        } });
                    }
                }
                item["fulfillment"] = f;
            }
            item
        })
        .collect();
    v["orderItems"] = Value::Array(items);
    v
}

/// `GET /orders/2026-01-01/orders`.
pub(crate) fn search_orders(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let q = ctx.query;
    let inc = match included(st, ctx, q.list("includedData")) {
        Ok(i) => i,
        Err(r) => return r,
    };
    if let Some(token) = q.get("paginationToken") {
        let Some(page) = st
            .order_pages
            .get(token)
            .cloned()
            .filter(|p| p.seller == ctx.seller)
        else {
            return Reply::invalid("Invalid paginationToken: it was not issued for this selling partner.");
        };
        let inc = if q.has("includedData") {
            inc
        } else {
            match included(st, ctx, page.included.clone()) {
                Ok(i) => i,
                Err(r) => return r,
            }
        };
        let repeat = page_fault(st.seed, ctx.seq, ctx.faults.repeated_page_share, 0x33);
        return render(st, ctx, &page, &inc, repeat);
    }
    let size = match q.get("maxResultsPerPage").map(str::parse::<usize>) {
        None => 100,
        Some(Ok(n)) if (1..=100).contains(&n) => n,
        _ => return Reply::invalid("maxResultsPerPage must be a whole number from 1 to 100."),
    };
    let parse = |name: &str| -> Result<Option<DateTime<Utc>>, Reply> {
        match q.get(name) {
            None => Ok(None),
            Some(s) => parse_time(s)
                .map(Some)
                .ok_or_else(|| Reply::invalid(&format!("{name} is not a valid ISO 8601 date-time: {s}"))),
        }
    };
    let (ca, cb, ua, ub) = match (
        parse("createdAfter"),
        parse("createdBefore"),
        parse("lastUpdatedAfter"),
        parse("lastUpdatedBefore"),
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
        (Err(r), ..) | (_, Err(r), ..) | (_, _, Err(r), _) | (.., Err(r)) => return r,
    };
    if ca.is_some() == ua.is_some() {
        return Reply::invalid("You must provide exactly one of createdAfter and lastUpdatedAfter.");
    }
    if ca.is_some() && ub.is_some() || ua.is_some() && cb.is_some() {
        return Reply::invalid("created* and lastUpdated* filters cannot be combined.");
    }
    let bound = ctx.now - Duration::minutes(2);
    for (name, t) in [
        ("createdAfter", ca),
        ("lastUpdatedAfter", ua),
        ("createdBefore", cb),
        ("lastUpdatedBefore", ub),
    ] {
        if let Some(t) = t {
            if t > bound {
                return Reply::invalid(&format!(
                    "{name} must be at least two minutes before the time of the request ({}).",
                    iso(ctx.now)
                ));
            }
        }
    }
    if matches!((ca, cb), (Some(a), Some(b)) if b < a) || matches!((ua, ub), (Some(a), Some(b)) if b < a) {
        return Reply::invalid("The Before date must be equal to or after the After date.");
    }
    let mut statuses = Vec::new();
    for s in q.list("fulfillmentStatuses") {
        let found = OrderStatus::from_v2026(&s);
        if found.is_empty() {
            return Reply::invalid(&format!("fulfillmentStatuses holds an unknown status: {s}"));
        }
        statuses.extend(found);
    }
    let by = q.list("fulfilledBy");
    if let Some(bad) = by.iter().find(|b| *b != "MERCHANT" && *b != "AMAZON") {
        return Reply::invalid(&format!(
            "fulfilledBy holds an unknown value: {bad} (use MERCHANT or AMAZON)."
        ));
    }
    let mps = q.list("marketplaceIds");
    let by_update = ua.is_some();
    let upper = if by_update {
        ub.unwrap_or(bound)
    } else {
        cb.unwrap_or(bound)
    };
    let lower = if by_update { ua } else { ca }.unwrap_or(upper);
    let mut found: Vec<(DateTime<Utc>, &str)> = st
        .seller_orders(ctx.seller)
        .map(|(_, o)| o)
        .filter(|o| mps.is_empty() || mps.iter().any(|m| m == o.mp.id))
        .filter(|o| {
            let t = if by_update { o.last_update } else { o.purchase_date };
            t >= lower && t <= upper
        })
        .filter(|o| statuses.is_empty() || statuses.contains(&o.status))
        .filter(|o| by.is_empty() || by.iter().any(|b| (b == "AMAZON") == (o.channel == Channel::Afn)))
        .map(|o| {
            (
                if by_update { o.last_update } else { o.purchase_date },
                o.id.as_str(),
            )
        })
        .collect();
    found.sort();
    let page = OrderPage {
        seller: ctx.seller,
        ids: std::sync::Arc::new(found.into_iter().map(|(_, id)| id.to_owned()).collect()),
        offset: 0,
        page_size: size,
        last_updated_before: if by_update { Some(iso(upper)) } else { None },
        created_before: if by_update { None } else { Some(iso(upper)) },
        previous: None,
        included: inc.sets.clone(),
    };
    render(st, ctx, &page, &inc, false)
}

fn render(st: &mut State, ctx: &Ctx<'_>, page: &OrderPage, inc: &Included, repeat: bool) -> Reply {
    let (from, to) = match (repeat, page.previous) {
        (true, Some(prev)) => prev,
        _ => (page.offset, (page.offset + page.page_size).min(page.ids.len())),
    };
    let mut slice: Vec<&str> = page.ids[from..to].iter().map(String::as_str).collect();
    if page_fault(st.seed, ctx.seq, ctx.faults.reordered_page_share, 0x44) {
        slice.reverse();
    }
    let orders: Vec<Value> = slice
        .iter()
        .filter_map(|id| st.order(id))
        .map(|o| order_2026(o, inc))
        .collect();
    let mut v = json!({ "orders": orders });
    if let Some(t) = &page.last_updated_before {
        v["lastUpdatedBefore"] = json!(t);
    }
    if let Some(t) = &page.created_before {
        v["createdBefore"] = json!(t);
    }
    if repeat && page.previous.is_some() {
        let next = page_token(st.seed ^ 0x2026, ctx.seq);
        st.put_page(next.clone(), page.clone());
        v["pagination"] = json!({ "nextToken": next });
    } else if to < page.ids.len() {
        let next = page_token(st.seed ^ 0x2026, ctx.seq);
        let mut np = page.clone();
        np.offset = to;
        np.previous = Some((from, to));
        st.put_page(next.clone(), np);
        v["pagination"] = json!({ "nextToken": next });
    }
    Reply::ok(&v)
}

/// `GET /orders/2026-01-01/orders/{orderId}`.
pub(crate) fn get_order(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let inc = match included(st, ctx, ctx.query.list("includedData")) {
        Ok(i) => i,
        Err(r) => return r,
    };
    match st.order(&p[0]) {
        Some(o) if o.seller == ctx.seller => Reply::ok(&json!({ "order": order_2026(o, &inc) })),
        _ => Reply::not_found(&format!("Order {}", p[0])),
    }
}
