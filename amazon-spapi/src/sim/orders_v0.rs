//! Orders v0: getOrders, getOrder, getOrderItems, getOrderAddress, getOrderBuyerInfo,
//! getOrderItemsBuyerInfo, confirmShipment and updateShipmentStatus, as Amazon's model defines them.

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map, Value};

use super::data::{self, Channel, Item, Order, OrderStatus, Package};
use super::faults::page_fault;
use super::http::{iso, money_v0, parse_time, Reply};
use super::server::Ctx;
use super::state::{OrderPage, State};

/// Personal data a rendering may include.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Pii {
    pub address: bool,
    pub buyer: bool,
    pub tax: bool,
}

impl Pii {
    pub(crate) fn from_ctx(ctx: &Ctx<'_>) -> Self {
        Self {
            address: ctx.sees("shippingAddress"),
            buyer: ctx.sees("buyerInfo"),
            tax: ctx.sees("buyerTaxInformation"),
        }
    }
}

fn m(o: &Order, d: rust_decimal::Decimal) -> Value {
    money_v0(d, o.mp.currency, o.mp.decimals)
}

pub(crate) fn address_v0(o: &Order, full: bool) -> Value {
    let a = &o.address;
    let mut v = Map::new();
    if full && o.has_pii() {
        v.insert("Name".into(), json!(a.name));
        if let Some(c) = &a.company {
            v.insert("CompanyName".into(), json!(c));
        }
        v.insert("AddressLine1".into(), json!(a.line1));
        if !a.line2.is_empty() {
            v.insert("AddressLine2".into(), json!(a.line2));
        }
        v.insert("Phone".into(), json!(a.phone));
        v.insert(
            "AddressType".into(),
            json!(if a.commercial { "Commercial" } else { "Residential" }),
        );
    }
    v.insert("City".into(), json!(a.city));
    if !a.state.is_empty() {
        v.insert("StateOrRegion".into(), json!(a.state));
    }
    v.insert("PostalCode".into(), json!(a.postal));
    v.insert("CountryCode".into(), json!(a.country));
    Value::Object(v)
}

fn buyer_info_v0(o: &Order, pii: Pii) -> Value {
    let mut v = Map::new();
    if o.has_pii() && pii.buyer {
        v.insert("BuyerEmail".into(), json!(o.buyer.email));
        v.insert("BuyerName".into(), json!(o.buyer.name));
        if let Some(po) = &o.buyer.po_number {
            v.insert("PurchaseOrderNumber".into(), json!(po));
        }
    }
    if o.has_pii() && pii.tax && o.is_business {
        if let Some(company) = &o.buyer.company {
            let mut tax = json!({ "CompanyLegalName": company, "TaxingRegion": o.mp.country });
            if let Some(vat) = &o.buyer.vat_id {
                tax["TaxClassifications"] = json!([{ "Name": "VATNumber", "Value": vat }]);
            }
            v.insert("BuyerTaxInfo".into(), tax);
        }
    }
    Value::Object(v)
}

/// An order in the Orders v0 shape.
pub(crate) fn order_v0(o: &Order, pii: Pii) -> Value {
    let mut v = json!({
        "AmazonOrderId": o.id,
        "SellerOrderId": o.seller_order_id,
        "PurchaseDate": iso(o.purchase_date),
        "LastUpdateDate": iso(o.last_update),
        "OrderStatus": o.status.v0(),
        "FulfillmentChannel": o.channel.v0(),
        "SalesChannel": o.mp.name,
        "ShipServiceLevel": o.ship_service_level,
        "NumberOfItemsShipped": o.shipped_units(),
        "NumberOfItemsUnshipped": o.unshipped_units(),
        "PaymentMethod": o.payment_method,
        "PaymentMethodDetails": [if o.payment_method == "Other" { "Standard" } else { o.payment_method }],
        "IsReplacementOrder": false,
        "MarketplaceId": o.mp.id,
        "ShipmentServiceLevelCategory": o.ship_category,
        "OrderType": if o.status == OrderStatus::PendingAvailability { "Preorder" } else { "StandardOrder" },
        "EarliestShipDate": iso(o.earliest_ship),
        "LatestShipDate": iso(o.latest_ship),
        "EarliestDeliveryDate": iso(o.earliest_delivery),
        "LatestDeliveryDate": iso(o.latest_delivery),
        "IsBusinessOrder": o.is_business,
        "IsPrime": o.is_prime,
        "IsPremiumOrder": o.is_premium,
        "IsGlobalExpressEnabled": false,
        "IsSoldByAB": false,
        "IsIBA": false,
        "IsISPU": false,
        "IsAccessPointOrder": false,
        "HasRegulatedItems": o.regulated.is_some(),
        "AutomatedShippingSettings": { "HasAutomatedShippingSettings": false },
        "BuyerInfo": buyer_info_v0(o, pii),
    });
    if !matches!(o.status, OrderStatus::Pending | OrderStatus::PendingAvailability) {
        v["OrderTotal"] = m(o, o.total());
        v["ShippingAddress"] = address_v0(o, pii.address);
    }
    if o.is_business {
        v["BuyerInvoicePreference"] = json!("BUSINESS");
    }
    if let Some(s) = &o.easy_ship_status {
        v["EasyShipShipmentStatus"] = json!(s);
    }
    v
}

/// An order item in the Orders v0 shape.
pub(crate) fn item_v0(o: &Order, i: &Item, pii: Pii) -> Value {
    let zero = rust_decimal::Decimal::ZERO;
    let mut v = json!({
        "ASIN": i.asin,
        "SellerSKU": i.sku,
        "OrderItemId": i.id,
        "Title": i.title,
        "QuantityOrdered": i.qty,
        "QuantityShipped": i.qty_shipped,
        "ProductInfo": { "NumberOfItems": "1" },
        "ItemPrice": m(o, i.item_price),
        "ShippingPrice": m(o, i.shipping_price),
        "ItemTax": m(o, i.item_tax),
        "ShippingTax": m(o, i.shipping_tax),
        "ShippingDiscount": m(o, zero),
        "ShippingDiscountTax": m(o, zero),
        "PromotionDiscount": m(o, zero),
        "PromotionDiscountTax": m(o, zero),
        "PromotionIds": [],
        "IsGift": if i.gift_message.is_some() { "true" } else { "false" },
        "ConditionId": i.condition_id,
        "ConditionSubtypeId": i.condition_subtype,
        "IsTransparency": false,
        "SerialNumberRequired": i.serial_required,
    });
    if let Some(n) = &i.condition_note {
        v["ConditionNote"] = json!(n);
    }
    if i.business_price {
        v["PriceDesignation"] = json!("BusinessPrice");
    }
    if o.mp.included_tax_pct == 0 {
        v["TaxCollection"] =
            json!({ "Model": "MarketplaceFacilitator", "ResponsibleParty": "Amazon Services, Inc." });
    }
    if let Some(ioss) = &i.ioss {
        v["IossNumber"] = json!(ioss);
        v["DeemedResellerCategory"] = json!("IOSS");
    }
    if let Some(r) = &i.buyer_cancel_reason {
        v["BuyerRequestedCancel"] = json!({ "IsBuyerRequestedCancel": "true", "BuyerCancelReason": r });
    }
    if pii.buyer && o.has_pii() {
        let b = item_buyer_info(o, i);
        if b.as_object().is_some_and(|m| !m.is_empty()) {
            v["BuyerInfo"] = b;
        }
    }
    v
}

fn item_buyer_info(o: &Order, i: &Item) -> Value {
    let mut b = Map::new();
    if let Some(url) = &i.customized_url {
        b.insert("BuyerCustomizedInfo".into(), json!({ "CustomizedURL": url }));
    }
    if let Some(msg) = &i.gift_message {
        b.insert("GiftMessageText".into(), json!(msg));
        b.insert("GiftWrapPrice".into(), m(o, rust_decimal::Decimal::ZERO));
        if let Some(l) = &i.gift_wrap_level {
            b.insert("GiftWrapLevel".into(), json!(l));
        }
    }
    Value::Object(b)
}

fn find_order<'a>(st: &'a State, ctx: &Ctx<'_>, id: &str) -> Result<&'a Order, Reply> {
    match st.order(id) {
        Some(o) if o.seller == ctx.seller => Ok(o),
        _ => Err(Reply::not_found(&format!("Order {id}"))),
    }
}

fn two_minutes_before(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::minutes(2)
}

/// A NextToken with the characters that need URL-encoding, as Amazon's do.
pub(crate) fn page_token(seed: u64, seq: u64) -> String {
    format!(
        "{:016x}+{:016x}/{:08x}==",
        data::mix(seed, seq),
        data::mix(seed ^ 5, seq),
        data::mix(seed ^ 6, seq) as u32
    )
}

/// `GET /orders/v0/orders`.
pub(crate) fn get_orders(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let q = ctx.query;
    let pii = Pii::from_ctx(ctx);
    if let Some(token) = q.get("NextToken") {
        let Some(page) = st.order_pages.get(token).cloned() else {
            return Reply::invalid(
                "Invalid NextToken: it was not issued for this selling partner or has expired.",
            );
        };
        if page.seller != ctx.seller {
            return Reply::invalid(
                "Invalid NextToken: it was not issued for this selling partner or has expired.",
            );
        }
        let repeat = page_fault(st.seed, ctx.seq, ctx.faults.repeated_page_share, 0x11);
        return render_page(st, ctx, &page, pii, repeat);
    }
    let mps = q.list("MarketplaceIds");
    if mps.is_empty() {
        return Reply::invalid("MarketplaceIds is required: give at least one marketplace id.");
    }
    if mps.len() > 50 {
        return Reply::invalid("MarketplaceIds accepts at most 50 marketplace ids.");
    }
    let size = match q.get("MaxResultsPerPage").map(str::parse::<usize>) {
        None => 100,
        Some(Ok(n)) if (1..=100).contains(&n) => n,
        _ => return Reply::invalid("MaxResultsPerPage must be a whole number from 1 to 100."),
    };
    let bound = two_minutes_before(ctx.now);
    let parse = |name: &str| -> Result<Option<DateTime<Utc>>, Reply> {
        match q.get(name) {
            None => Ok(None),
            Some(s) => parse_time(s)
                .map(Some)
                .ok_or_else(|| Reply::invalid(&format!("{name} is not a valid ISO 8601 date-time: {s}"))),
        }
    };
    let (ca, cb, ua, ub) = match (
        parse("CreatedAfter"),
        parse("CreatedBefore"),
        parse("LastUpdatedAfter"),
        parse("LastUpdatedBefore"),
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
        (Err(r), ..) | (_, Err(r), ..) | (_, _, Err(r), _) | (.., Err(r)) => return r,
    };
    let ids = q.list("AmazonOrderIds");
    if ids.is_empty() {
        match (ca.is_some(), ua.is_some()) {
            (false, false) => {
                return Reply::invalid("Exactly one of CreatedAfter and LastUpdatedAfter is required.");
            }
            (true, true) => {
                return Reply::invalid("CreatedAfter and LastUpdatedAfter cannot be used together.")
            }
            _ => {}
        }
    }
    if ca.is_some() && (ub.is_some()) || ua.is_some() && cb.is_some() {
        return Reply::invalid("Created and LastUpdated date filters cannot be combined.");
    }
    for (name, t) in [
        ("CreatedAfter", ca),
        ("LastUpdatedAfter", ua),
        ("CreatedBefore", cb),
        ("LastUpdatedBefore", ub),
    ] {
        if let Some(t) = t {
            if t > bound {
                return Reply::invalid(&format!(
                    "{name} must be at least two minutes before the time of the request ({}); it was {}.",
                    iso(ctx.now),
                    iso(t)
                ));
            }
        }
    }
    if let (Some(a), Some(b)) = (ca, cb) {
        if b < a {
            return Reply::invalid("CreatedBefore must be equal to or after CreatedAfter.");
        }
    }
    if let (Some(a), Some(b)) = (ua, ub) {
        if b < a {
            return Reply::invalid("LastUpdatedBefore must be equal to or after LastUpdatedAfter.");
        }
    }
    let mut statuses = Vec::new();
    for s in q.list("OrderStatuses") {
        match OrderStatus::from_v0(&s) {
            Some(x) => statuses.push(x),
            None => return Reply::invalid(&format!("OrderStatuses holds an unknown status: {s}")),
        }
    }
    let channels = q.list("FulfillmentChannels");
    if let Some(bad) = channels.iter().find(|c| *c != "AFN" && *c != "MFN") {
        return Reply::invalid(&format!(
            "FulfillmentChannels holds an unknown channel: {bad} (use AFN or MFN)."
        ));
    }
    let payments = q.list("PaymentMethods");
    let buyer_email = q.get("BuyerEmail");
    let seller_order_id = q.get("SellerOrderId");
    let by_update = ua.is_some();
    let upper = if by_update {
        ub.unwrap_or(bound)
    } else {
        cb.unwrap_or(bound)
    };
    let mut found: Vec<(DateTime<Utc>, &str)> = st
        .seller_orders(ctx.seller)
        .map(|(_, o)| o)
        .filter(|o| mps.iter().any(|m| m == o.mp.id))
        .filter(|o| ids.is_empty() || ids.contains(&o.id))
        .filter(|o| {
            if !ids.is_empty() && ca.is_none() && ua.is_none() {
                return true;
            }
            if by_update {
                ua.is_some_and(|a| o.last_update >= a) && o.last_update <= upper
            } else {
                ca.is_some_and(|a| o.purchase_date >= a) && o.purchase_date <= upper
            }
        })
        .filter(|o| statuses.is_empty() || statuses.contains(&o.status))
        .filter(|o| channels.is_empty() || channels.iter().any(|c| c == o.channel.v0()))
        .filter(|o| payments.is_empty() || payments.iter().any(|p| p == o.payment_method))
        .filter(|o| buyer_email.is_none_or(|e| o.has_pii() && o.buyer.email == e))
        .filter(|o| seller_order_id.is_none_or(|s| o.seller_order_id == s))
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
        included: Vec::new(),
    };
    render_page(st, ctx, &page, pii, false)
}

fn render_page(st: &mut State, ctx: &Ctx<'_>, page: &OrderPage, pii: Pii, repeat: bool) -> Reply {
    let (from, to) = match (repeat, page.previous) {
        (true, Some(prev)) => prev,
        _ => (page.offset, (page.offset + page.page_size).min(page.ids.len())),
    };
    let mut slice: Vec<&str> = page.ids[from..to].iter().map(String::as_str).collect();
    if page_fault(st.seed, ctx.seq, ctx.faults.reordered_page_share, 0x22) {
        slice.reverse();
    }
    let orders: Vec<Value> = slice
        .iter()
        .filter_map(|id| st.order(id))
        .map(|o| order_v0(o, pii))
        .collect();
    let mut payload = json!({ "Orders": orders });
    if let Some(t) = &page.last_updated_before {
        payload["LastUpdatedBefore"] = json!(t);
    }
    if let Some(t) = &page.created_before {
        payload["CreatedBefore"] = json!(t);
    }
    if repeat && page.previous.is_some() {
        // A fresh token for the page this one should have been: nothing is lost, some orders come twice.
        let next = page_token(st.seed, ctx.seq);
        st.put_page(next.clone(), page.clone());
        payload["NextToken"] = json!(next);
    } else if to < page.ids.len() {
        let next = page_token(st.seed, ctx.seq);
        let mut np = page.clone();
        np.offset = to;
        np.previous = Some((from, to));
        st.put_page(next.clone(), np);
        payload["NextToken"] = json!(next);
    }
    Reply::ok(&json!({ "payload": payload }))
}

/// `GET /orders/v0/orders/{orderId}`.
pub(crate) fn get_order(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    match find_order(st, ctx, &p[0]) {
        Ok(o) => Reply::ok(&json!({ "payload": order_v0(o, Pii::from_ctx(ctx)) })),
        Err(r) => r,
    }
}

/// `GET /orders/v0/orders/{orderId}/buyerInfo`.
pub(crate) fn get_order_buyer_info(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let o = match find_order(st, ctx, &p[0]) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let mut v = buyer_info_v0(o, Pii::from_ctx(ctx));
    v["AmazonOrderId"] = json!(o.id);
    Reply::ok(&json!({ "payload": v }))
}

/// `GET /orders/v0/orders/{orderId}/address`.
pub(crate) fn get_order_address(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let o = match find_order(st, ctx, &p[0]) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let mut v = json!({ "AmazonOrderId": o.id });
    if !matches!(o.status, OrderStatus::Pending | OrderStatus::PendingAvailability) {
        v["ShippingAddress"] = address_v0(o, ctx.sees("shippingAddress"));
    }
    if o.has_pii() && ctx.sees("shippingAddress") {
        if let Some(c) = &o.address.company {
            v["BuyerCompanyName"] = json!(c);
        }
    }
    Reply::ok(&json!({ "payload": v }))
}

/// `GET /orders/v0/orders/{orderId}/orderItems`.
pub(crate) fn get_order_items(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let o = match find_order(st, ctx, &p[0]) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let pii = Pii::from_ctx(ctx);
    let items: Vec<Value> = o.items.iter().map(|i| item_v0(o, i, pii)).collect();
    Reply::ok(&json!({ "payload": { "AmazonOrderId": o.id, "OrderItems": items } }))
}

/// `GET /orders/v0/orders/{orderId}/orderItems/buyerInfo`.
pub(crate) fn get_order_items_buyer_info(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let o = match find_order(st, ctx, &p[0]) {
        Ok(o) => o,
        Err(r) => return r,
    };
    let show = ctx.sees("buyerInfo") && o.has_pii();
    let items: Vec<Value> = o
        .items
        .iter()
        .map(|i| {
            let mut v = if show { item_buyer_info(o, i) } else { json!({}) };
            v["OrderItemId"] = json!(i.id);
            v
        })
        .collect();
    Reply::ok(&json!({ "payload": { "AmazonOrderId": o.id, "OrderItems": items } }))
}

/// `POST /orders/v0/orders/{orderId}/shipment` (updateShipmentStatus).
pub(crate) fn update_shipment_status(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let now = ctx.now;
    let seller = ctx.seller;
    let Some(o) = st.order_mut(&p[0]).filter(|o| o.seller == seller) else {
        return Reply::not_found(&format!("Order {}", p[0]));
    };
    if body.get("marketplaceId").and_then(Value::as_str) != Some(o.mp.id) {
        return Reply::invalid("marketplaceId does not match the order's marketplace.");
    }
    let status = match body.get("shipmentStatus").and_then(Value::as_str) {
        Some("ReadyForPickup") => "PendingPickUp",
        Some("PickedUp") => "PickedUp",
        Some("RefusedPickup") => "RejectedByBuyer",
        _ => return Reply::invalid("shipmentStatus must be ReadyForPickup, PickedUp or RefusedPickup."),
    };
    if o.channel != Channel::Mfn {
        return Reply::invalid("The order is fulfilled by Amazon; its shipment status cannot be updated.");
    }
    if matches!(
        o.status,
        OrderStatus::Canceled | OrderStatus::Pending | OrderStatus::PendingAvailability
    ) {
        return Reply::invalid(&format!(
            "The order is {} and has no shipment to update.",
            o.status.v0()
        ));
    }
    o.easy_ship_status = Some(status.to_owned());
    o.last_update = now;
    Reply::empty(204)
}

/// What a shipment confirmation asks for, after validation.
pub(crate) struct Confirmation {
    pub package: Package,
}

/// Checks a package against the order as Amazon does: carrier code from the list (or `Other` with a
/// name), a positive numeric package reference, items of this order, quantities within what is left,
/// and no second confirmation of the same package.
pub(crate) fn validate_package(o: &Order, pd: &Value, now: DateTime<Utc>) -> Result<Confirmation, String> {
    if !o.shippable() {
        return Err(format!(
            "The order is {} and cannot be confirmed as shipped.",
            o.status.v0()
        ));
    }
    if o.channel != Channel::Mfn {
        return Err("The order is fulfilled by Amazon; Amazon confirms its shipment.".to_owned());
    }
    let reference = match pd.get("packageReferenceId") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err("packageReferenceId is required.".to_owned()),
    };
    if reference.is_empty()
        || !reference.chars().all(|c| c.is_ascii_digit())
        || reference.chars().all(|c| c == '0')
    {
        return Err(format!(
            "packageReferenceId must be a positive number; got {reference:?}."
        ));
    }
    if o.packages.iter().any(|p| p.reference_id == reference) {
        return Err(format!(
            "Package {reference} of order {} has already been confirmed.",
            o.id
        ));
    }
    let carrier = pd.get("carrierCode").and_then(Value::as_str).unwrap_or("");
    let carrier_name = pd
        .get("carrierName")
        .and_then(Value::as_str)
        .filter(|s| !s.trim().is_empty());
    if carrier.is_empty() {
        return Err("carrierCode is required.".to_owned());
    }
    if carrier.eq_ignore_ascii_case("Other") && carrier_name.is_none() {
        return Err("carrierCode Other needs a carrierName.".to_owned());
    }
    if !data::known_carrier(carrier) && carrier_name.is_none() {
        return Err(format!(
            "carrierCode {carrier:?} is not in Amazon's list; send carrierCode Other with a carrierName."
        ));
    }
    let tracking = pd.get("trackingNumber").and_then(Value::as_str).unwrap_or("");
    if tracking.trim().is_empty() {
        return Err("trackingNumber is required.".to_owned());
    }
    let ship_date = pd
        .get("shipDate")
        .and_then(Value::as_str)
        .and_then(parse_time)
        .ok_or_else(|| "shipDate must be an ISO 8601 date-time.".to_owned())?;
    if ship_date < o.purchase_date - Duration::days(1) {
        return Err("shipDate is before the order was placed.".to_owned());
    }
    if ship_date > now + Duration::days(2) {
        return Err("shipDate is too far in the future.".to_owned());
    }
    let Some(items) = pd
        .get("orderItems")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Err("orderItems must list at least one item.".to_owned());
    };
    let mut out: Vec<(String, i64)> = Vec::new();
    for it in items {
        let id = it.get("orderItemId").and_then(Value::as_str).unwrap_or("");
        let qty = match it.get("quantity") {
            Some(Value::Number(n)) => n.as_i64().unwrap_or(0),
            Some(Value::String(s)) => s.parse().unwrap_or(0),
            _ => 0,
        };
        let Some(line) = o.items.iter().find(|i| i.id == id) else {
            return Err(format!("orderItemId {id:?} is not an item of order {}.", o.id));
        };
        if qty <= 0 {
            return Err(format!("quantity of item {id} must be positive."));
        }
        let already: i64 = out.iter().filter(|(i, _)| i == id).map(|(_, q)| q).sum();
        let left = line.qty - line.qty_shipped - already;
        if qty > left {
            return Err(format!(
                "quantity {qty} of item {id} is more than the {left} unit(s) left to ship (ordered {}, shipped {}).",
                line.qty, line.qty_shipped
            ));
        }
        out.push((id.to_owned(), qty));
    }
    Ok(Confirmation {
        package: Package {
            reference_id: reference,
            carrier_code: carrier.to_owned(),
            carrier_name: carrier_name.map(str::to_owned),
            shipping_method: pd
                .get("shippingMethod")
                .and_then(Value::as_str)
                .map(str::to_owned),
            tracking: tracking.to_owned(),
            ship_date,
            items: out,
        },
    })
}

/// Applies a validated confirmation to the order.
pub(crate) fn apply_package(o: &mut Order, c: Confirmation, now: DateTime<Utc>) {
    for (id, q) in &c.package.items {
        if let Some(line) = o.items.iter_mut().find(|i| i.id == *id) {
            line.qty_shipped += q;
        }
    }
    o.packages.push(c.package);
    let invoice = o.needs_invoice();
    o.settle_shipping_status(invoice);
    o.last_update = now;
}

/// `POST /orders/v0/orders/{orderId}/shipmentConfirmation`.
pub(crate) fn confirm_shipment(st: &mut State, ctx: &Ctx<'_>, p: &[String]) -> Reply {
    let body = match ctx.json() {
        Ok(b) => b,
        Err(r) => return r,
    };
    let now = ctx.now;
    let seller = ctx.seller;
    let Some(o) = st.order_mut(&p[0]).filter(|o| o.seller == seller) else {
        return Reply::not_found(&format!("Order {}", p[0]));
    };
    let Some(mp) = body.get("marketplaceId").and_then(Value::as_str) else {
        return Reply::invalid("marketplaceId is required.");
    };
    if mp != o.mp.id {
        return Reply::invalid(&format!(
            "marketplaceId {mp} is not the marketplace of order {}.",
            o.id
        ));
    }
    let Some(pd) = body.get("packageDetail") else {
        return Reply::invalid("packageDetail is required.");
    };
    match validate_package(o, pd, now) {
        Ok(c) => {
            apply_package(o, c, now);
            Reply::empty(204)
        }
        Err(msg) => Reply::invalid(&msg),
    }
}
