//! The HTTP side: routes, authorization, usage plans, faults, recording, and the axum server around it.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::Body;
use axum::extract::{Request, State as AxState};
use axum::response::Response;
use bytes::Bytes;
use chrono::{DateTime, Utc};

use super::clock::SimClock;
use super::config::{RateLimitHeader, SandboxMode, SimConfig};
use super::faults::{self, Fault};
use super::http::{match_path, Query, Reply};
use super::limits::{self, Decision, Limiter};
use super::record::{RecordedRequest, TokenKind};
use super::sandbox::Sandbox;
use super::state::State;

/// What a resource handler sees of a request.
pub(crate) struct Ctx<'a> {
    pub now: DateTime<Utc>,
    pub seller: usize,
    pub query: &'a Query,
    pub body: &'a [u8],
    pub base_url: &'a str,
    pub seq: u64,
    /// Data elements the request may see (from the RDT, already limited to the seller's roles).
    pub elements: Vec<String>,
    pub faults: &'a super::config::FaultConfig,
    /// Whether the request came with a Restricted Data Token.
    pub rdt: bool,
}

impl Ctx<'_> {
    /// Whether the request may see a data element (`shippingAddress`, `buyerInfo`, `buyerTaxInformation`).
    pub(crate) fn sees(&self, element: &str) -> bool {
        self.elements.iter().any(|e| e == element)
    }

    /// Parses the JSON body.
    pub(crate) fn json(&self) -> Result<serde_json::Value, Reply> {
        serde_json::from_slice(self.body)
            .map_err(|e| Reply::invalid(&format!("The request body is not valid JSON: {e}")))
    }
}

pub(crate) type Handler = fn(&mut State, &Ctx<'_>, &[String]) -> Reply;

/// One SP-API route.
pub(crate) struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub op: &'static str,
    pub handler: Handler,
}

macro_rules! route {
    ($m:literal, $p:literal, $op:literal, $h:path) => {
        Route {
            method: $m,
            path: $p,
            op: $op,
            handler: $h,
        }
    };
}

use super::{
    fba_inventory, feeds, fulfillment, listings, mcf_more, orders_2026, orders_v0, regulated, sellers, tokens,
};

/// Every SP-API operation the simulator answers.
pub(crate) static ROUTES: &[Route] = &[
    route!(
        "GET",
        "/orders/v0/orders",
        "orders-v0/getOrders",
        orders_v0::get_orders
    ),
    route!(
        "GET",
        "/orders/v0/orders/{orderId}",
        "orders-v0/getOrder",
        orders_v0::get_order
    ),
    route!(
        "GET",
        "/orders/v0/orders/{orderId}/buyerInfo",
        "orders-v0/getOrderBuyerInfo",
        orders_v0::get_order_buyer_info
    ),
    route!(
        "GET",
        "/orders/v0/orders/{orderId}/address",
        "orders-v0/getOrderAddress",
        orders_v0::get_order_address
    ),
    route!(
        "GET",
        "/orders/v0/orders/{orderId}/orderItems",
        "orders-v0/getOrderItems",
        orders_v0::get_order_items
    ),
    route!(
        "GET",
        "/orders/v0/orders/{orderId}/orderItems/buyerInfo",
        "orders-v0/getOrderItemsBuyerInfo",
        orders_v0::get_order_items_buyer_info
    ),
    route!(
        "POST",
        "/orders/v0/orders/{orderId}/shipment",
        "orders-v0/updateShipmentStatus",
        orders_v0::update_shipment_status
    ),
    route!(
        "GET",
        "/orders/v0/orders/{orderId}/regulatedInfo",
        "orders-v0/getOrderRegulatedInfo",
        regulated::get_info
    ),
    route!(
        "PATCH",
        "/orders/v0/orders/{orderId}/regulatedInfo",
        "orders-v0/updateVerificationStatus",
        regulated::update_status
    ),
    route!(
        "POST",
        "/orders/v0/orders/{orderId}/shipmentConfirmation",
        "orders-v0/confirmShipment",
        orders_v0::confirm_shipment
    ),
    route!(
        "GET",
        "/orders/2026-01-01/orders",
        "orders-2026-01-01/searchOrders",
        orders_2026::search_orders
    ),
    route!(
        "GET",
        "/orders/2026-01-01/orders/{orderId}",
        "orders-2026-01-01/getOrder",
        orders_2026::get_order
    ),
    route!(
        "POST",
        "/tokens/2021-03-01/restrictedDataToken",
        "tokens/createRestrictedDataToken",
        tokens::create_rdt
    ),
    route!(
        "POST",
        "/feeds/2021-06-30/documents",
        "feeds/createFeedDocument",
        feeds::create_feed_document
    ),
    route!(
        "GET",
        "/feeds/2021-06-30/documents/{feedDocumentId}",
        "feeds/getFeedDocument",
        feeds::get_feed_document
    ),
    route!(
        "POST",
        "/feeds/2021-06-30/feeds",
        "feeds/createFeed",
        feeds::create_feed
    ),
    route!(
        "GET",
        "/feeds/2021-06-30/feeds",
        "feeds/getFeeds",
        feeds::get_feeds
    ),
    route!(
        "GET",
        "/feeds/2021-06-30/feeds/{feedId}",
        "feeds/getFeed",
        feeds::get_feed
    ),
    route!(
        "DELETE",
        "/feeds/2021-06-30/feeds/{feedId}",
        "feeds/cancelFeed",
        feeds::cancel_feed
    ),
    route!(
        "POST",
        "/reports/2021-06-30/reports",
        "reports/createReport",
        feeds::create_report
    ),
    route!(
        "GET",
        "/reports/2021-06-30/reports",
        "reports/getReports",
        feeds::get_reports
    ),
    route!(
        "GET",
        "/reports/2021-06-30/reports/{reportId}",
        "reports/getReport",
        feeds::get_report
    ),
    route!(
        "DELETE",
        "/reports/2021-06-30/reports/{reportId}",
        "reports/cancelReport",
        feeds::cancel_report
    ),
    route!(
        "GET",
        "/reports/2021-06-30/schedules",
        "reports/getReportSchedules",
        feeds::get_schedules
    ),
    route!(
        "POST",
        "/reports/2021-06-30/schedules",
        "reports/createReportSchedule",
        feeds::create_schedule
    ),
    route!(
        "GET",
        "/reports/2021-06-30/schedules/{reportScheduleId}",
        "reports/getReportSchedule",
        feeds::get_schedule
    ),
    route!(
        "DELETE",
        "/reports/2021-06-30/schedules/{reportScheduleId}",
        "reports/cancelReportSchedule",
        feeds::cancel_schedule
    ),
    route!(
        "GET",
        "/reports/2021-06-30/documents/{reportDocumentId}",
        "reports/getReportDocument",
        feeds::get_report_document
    ),
    route!(
        "POST",
        "/fba/outbound/2020-07-01/fulfillmentOrders/preview",
        "fulfillment-outbound/getFulfillmentPreview",
        fulfillment::preview
    ),
    route!(
        "POST",
        "/fba/outbound/2020-07-01/fulfillmentOrders",
        "fulfillment-outbound/createFulfillmentOrder",
        fulfillment::create
    ),
    route!(
        "GET",
        "/fba/outbound/2020-07-01/fulfillmentOrders",
        "fulfillment-outbound/listAllFulfillmentOrders",
        fulfillment::list
    ),
    route!(
        "GET",
        "/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}",
        "fulfillment-outbound/getFulfillmentOrder",
        fulfillment::get
    ),
    route!(
        "PUT",
        "/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}/cancel",
        "fulfillment-outbound/cancelFulfillmentOrder",
        fulfillment::cancel
    ),
    route!(
        "PUT",
        "/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}",
        "fulfillment-outbound/updateFulfillmentOrder",
        mcf_more::update
    ),
    route!(
        "PUT",
        "/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}/return",
        "fulfillment-outbound/createFulfillmentReturn",
        mcf_more::create_return
    ),
    route!(
        "GET",
        "/fba/outbound/2020-07-01/returnReasonCodes",
        "fulfillment-outbound/listReturnReasonCodes",
        mcf_more::return_reason_codes
    ),
    route!(
        "GET",
        "/fba/outbound/2020-07-01/features",
        "fulfillment-outbound/getFeatures",
        mcf_more::features
    ),
    route!(
        "GET",
        "/fba/outbound/2020-07-01/features/inventory/{featureName}",
        "fulfillment-outbound/getFeatureInventory",
        mcf_more::feature_inventory
    ),
    route!(
        "GET",
        "/fba/outbound/2020-07-01/features/inventory/{featureName}/{sellerSku}",
        "fulfillment-outbound/getFeatureSKU",
        mcf_more::feature_sku
    ),
    route!(
        "GET",
        "/fba/outbound/2020-07-01/tracking",
        "fulfillment-outbound/getPackageTrackingDetails",
        fulfillment::tracking
    ),
    route!(
        "GET",
        "/fba/inventory/v1/summaries",
        "fba-inventory/getInventorySummaries",
        fba_inventory::summaries
    ),
    route!(
        "POST",
        "/mfn/v0/eligibleShippingServices",
        "merchant-fulfillment/getEligibleShipmentServices",
        fulfillment::mfn_eligible
    ),
    route!(
        "POST",
        "/mfn/v0/shipments",
        "merchant-fulfillment/createShipment",
        fulfillment::mfn_create
    ),
    route!(
        "GET",
        "/mfn/v0/shipments/{shipmentId}",
        "merchant-fulfillment/getShipment",
        fulfillment::mfn_get
    ),
    route!(
        "DELETE",
        "/mfn/v0/shipments/{shipmentId}",
        "merchant-fulfillment/cancelShipment",
        fulfillment::mfn_cancel
    ),
    route!(
        "POST",
        "/mfn/v0/additionalSellerInputs",
        "merchant-fulfillment/getAdditionalSellerInputs",
        fulfillment::mfn_additional_inputs
    ),
    route!(
        "GET",
        "/sellers/v1/marketplaceParticipations",
        "sellers/getMarketplaceParticipations",
        sellers::participations
    ),
    route!(
        "GET",
        "/sellers/v1/account",
        "sellers/getAccount",
        sellers::account
    ),
    route!(
        "GET",
        "/listings/2021-08-01/items/{sellerId}",
        "listings/searchListingsItems",
        listings::search
    ),
    route!(
        "GET",
        "/listings/2021-08-01/items/{sellerId}/{sku}",
        "listings/getListingsItem",
        listings::get
    ),
    route!(
        "PUT",
        "/listings/2021-08-01/items/{sellerId}/{sku}",
        "listings/putListingsItem",
        listings::put
    ),
    route!(
        "PATCH",
        "/listings/2021-08-01/items/{sellerId}/{sku}",
        "listings/patchListingsItem",
        listings::patch
    ),
    route!(
        "DELETE",
        "/listings/2021-08-01/items/{sellerId}/{sku}",
        "listings/deleteListingsItem",
        listings::delete
    ),
];

/// Paths (method, template) whose answers hold personal data and the data elements each implies.
pub(crate) const RESTRICTED: &[(&str, &str, &[&str])] = &[
    ("GET", "/orders/v0/orders", &[]),
    ("GET", "/orders/v0/orders/{orderId}", &[]),
    ("GET", "/orders/v0/orders/{orderId}/address", &["shippingAddress"]),
    ("GET", "/orders/v0/orders/{orderId}/buyerInfo", &["buyerInfo"]),
    ("GET", "/orders/v0/orders/{orderId}/orderItems", &[]),
    (
        "GET",
        "/orders/v0/orders/{orderId}/orderItems/buyerInfo",
        &["buyerInfo"],
    ),
    ("GET", "/orders/v0/orders/{orderId}/regulatedInfo", &[]),
    ("GET", "/mfn/v0/shipments/{shipmentId}", &["shippingAddress"]),
    ("POST", "/mfn/v0/shipments", &["shippingAddress"]),
    ("POST", "/mfn/v0/eligibleShippingServices", &["shippingAddress"]),
    ("DELETE", "/mfn/v0/shipments/{shipmentId}", &["shippingAddress"]),
];

/// Everything the server shares between requests.
pub(crate) struct Shared {
    pub state: Mutex<State>,
    pub limiter: Mutex<Limiter>,
    pub clock: SimClock,
    pub cfg: SimConfig,
    pub base_url: String,
    pub seq: AtomicU64,
    pub api_seq: AtomicU64,
    pub records: Mutex<VecDeque<RecordedRequest>>,
    pub sandbox: Sandbox,
    pub tokens_expired: AtomicBool,
}

pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    match m.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    }
}

impl Shared {
    /// The world, caught up to the current simulated time.
    pub(crate) fn world(&self) -> MutexGuard<'_, State> {
        let now = self.clock.now();
        let mut st = lock(&self.state);
        st.catch_up(now);
        st
    }
}

/// A request as read from the wire.
pub(crate) struct RawRequest {
    pub method: String,
    pub path: String,
    pub raw_query: Option<String>,
    pub headers: Vec<(String, String)>,
    pub body: Bytes,
}

impl RawRequest {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What to send back, with the fault to apply on the way.
pub(crate) struct Outcome {
    pub reply: Reply,
    pub fault: Option<Fault>,
    pub latency: Option<std::time::Duration>,
}

/// axum entry point: every request comes here.
pub(crate) async fn entry(AxState(shared): AxState<Arc<Shared>>, req: Request) -> Response {
    let conn = req
        .extensions()
        .get::<axum::extract::ConnectInfo<super::conn::ConnHandle>>()
        .map(|c| c.0.clone());
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, 64 * 1024 * 1024)
        .await
        .unwrap_or_default();
    let raw = RawRequest {
        method: parts.method.as_str().to_owned(),
        path: parts.uri.path().to_owned(),
        raw_query: parts.uri.query().map(str::to_owned),
        headers: parts
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body,
    };
    let outcome = handle(&shared, &raw);
    if let Some(d) = outcome.latency {
        tokio::time::sleep(d).await;
    }
    if let (Some(Fault::ConnectionReset), Some(conn)) = (&outcome.fault, &conn) {
        // A real reset: the connection fails before anything of the answer is written.
        conn.reset();
    }
    to_response(outcome)
}

fn to_response(o: Outcome) -> Response {
    let reply = o.reply;
    let mut b = Response::builder().status(reply.status);
    if let Some(ct) = &reply.content_type {
        b = b.header("content-type", ct.as_str());
    }
    for (k, v) in &reply.headers {
        b = b.header(k.as_str(), v.as_str());
    }
    let body = match o.fault {
        // Only without connection info (a router served elsewhere): fail the body instead.
        Some(Fault::ConnectionReset) => {
            let s = futures::stream::once(async {
                Err::<Bytes, std::io::Error>(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "simulated connection reset",
                ))
            });
            Body::from_stream(s)
        }
        Some(Fault::TruncatedBody) => {
            b = b.header("content-length", reply.body.len().to_string());
            let half = Bytes::from(reply.body[..reply.body.len() / 2].to_vec());
            let s = futures::stream::iter(vec![
                Ok::<Bytes, std::io::Error>(half),
                Err(std::io::Error::new(
                    std::io::ErrorKind::UnexpectedEof,
                    "simulated truncated body",
                )),
            ]);
            Body::from_stream(s)
        }
        _ => Body::from(reply.body),
    };
    match b.body(body) {
        Ok(r) => r,
        Err(_) => Response::new(Body::from("simulator: could not build the answer")),
    }
}

/// Handles one request (everything but the wire).
pub(crate) fn handle(shared: &Shared, raw: &RawRequest) -> Outcome {
    let seq = shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
    let now = shared.clock.now();
    let mut rec = RecordedRequest::new(seq, now, raw);
    let outcome = handle_inner(shared, raw, seq, now, &mut rec);
    rec.status = outcome.reply.status;
    let mut records = lock(&shared.records);
    if records.len() >= shared.cfg.max_recorded_requests.max(1) {
        records.pop_front();
    }
    records.push_back(rec);
    outcome
}

fn plain(reply: Reply) -> Outcome {
    Outcome {
        reply,
        fault: None,
        latency: None,
    }
}

fn handle_inner(
    shared: &Shared,
    raw: &RawRequest,
    seq: u64,
    now: DateTime<Utc>,
    rec: &mut RecordedRequest,
) -> Outcome {
    let request_id = format!(
        "sim-{:08x}-{seq:08}",
        super::data::mix(shared.cfg.seed, seq) as u32
    );
    if raw.path == "/auth/o2/token" {
        rec.operation = Some("lwa/token".to_owned());
        let fault = if shared.cfg.faults.include_lwa {
            faults::decide(&shared.cfg, seq)
        } else {
            (None, None)
        };
        if let Some(r) = faults::error_reply(fault.0) {
            return Outcome {
                reply: r,
                fault: None,
                latency: fault.1,
            };
        }
        let mut st = shared.world();
        let reply = super::lwa::token(&mut st, raw, now);
        return Outcome {
            reply,
            fault: fault.0,
            latency: fault.1,
        };
    }
    if raw.path.starts_with("/sim-storage/") {
        rec.operation = Some("storage/document".to_owned());
        let mut st = shared.world();
        let reply = feeds::storage(&mut st, raw, &shared.cfg.faults);
        return plain(reply.header("x-amz-request-id", &request_id));
    }
    let query = Query::parse(raw.raw_query.as_deref());
    let Some((route, params)) = ROUTES.iter().find_map(|r| {
        if r.method != raw.method {
            return None;
        }
        match_path(r.path, &raw.path).map(|p| (r, p))
    }) else {
        return plain(
            Reply::error(
                404,
                "NotFound",
                "The requested resource was not found.",
                &format!("{} {}", raw.method, raw.path),
            )
            .header("x-amzn-RequestId", &request_id),
        );
    };
    rec.operation = Some(route.op.to_owned());
    let api_seq = shared.api_seq.fetch_add(1, Ordering::SeqCst) + 1;
    if let Some(n) = shared.cfg.faults.expire_tokens_after_requests {
        if api_seq > n && !shared.tokens_expired.swap(true, Ordering::SeqCst) {
            let mut st = lock(&shared.state);
            for g in st.access_tokens.values_mut() {
                g.expires = now;
            }
        }
    }

    // Authorization.
    let token = raw.header("x-amz-access-token").unwrap_or("").to_owned();
    let mut st = shared.world();
    let (seller, elements) = if token.is_empty() {
        rec.token_kind = TokenKind::None;
        return plain(
            Reply::denied("Access token is missing in the request header.")
                .header("x-amzn-RequestId", &request_id),
        );
    } else if let Some(g) = st.access_tokens.get(&token).cloned() {
        rec.token_kind = if g.seller.is_some() {
            TokenKind::Access
        } else {
            TokenKind::Grantless
        };
        if g.expires <= now {
            return plain(
                Reply::denied("The access token you provided has expired.")
                    .header("x-amzn-RequestId", &request_id),
            );
        }
        let Some(s) = g.seller else {
            return plain(
                Reply::denied("This operation needs a seller's authorization; a grantless token was sent.")
                    .header("x-amzn-RequestId", &request_id),
            );
        };
        (s, Vec::new())
    } else if let Some(r) = st.rdts.get(&token).cloned() {
        rec.token_kind = TokenKind::Rdt;
        if r.expires <= now {
            return plain(
                Reply::denied("The access token you provided has expired.")
                    .header("x-amzn-RequestId", &request_id),
            );
        }
        let Some(elements) = tokens::rdt_elements(&r, &raw.method, &raw.path) else {
            return plain(
                Reply::denied("The Restricted Data Token is not valid for this method and path.")
                    .header("x-amzn-RequestId", &request_id),
            );
        };
        let seller = r.seller;
        let elements = elements
            .into_iter()
            .filter(|e| st.sellers[seller].may_see(e))
            .collect();
        (seller, elements)
    } else {
        rec.token_kind = TokenKind::Unknown;
        return plain(
            Reply::denied("The access token you provided is revoked, malformed or invalid.")
                .header("x-amzn-RequestId", &request_id),
        );
    };
    rec.seller = Some(st.sellers[seller].id.clone());

    // Static sandbox cases.
    if shared.cfg.sandbox != SandboxMode::Off {
        if let Some(r) = shared.sandbox.answer(
            &raw.method,
            &params,
            route.path,
            &query,
            &raw.body,
            shared.cfg.sandbox,
        ) {
            return plain(r.header("x-amzn-RequestId", &request_id));
        }
        if shared.cfg.sandbox == SandboxMode::Only {
            return plain(
                Reply::invalid("No sandbox case matches this request.")
                    .header("x-amzn-RequestId", &request_id),
            );
        }
    }

    // Faults.
    let (fault, latency) = faults::decide(&shared.cfg, seq);
    if let Some(r) = faults::error_reply(fault) {
        return Outcome {
            reply: r.header("x-amzn-RequestId", &request_id),
            fault: None,
            latency,
        };
    }

    // Usage plans.
    let plan = limits::plan_for_route(route.method, route.path, route.op);
    let rate_header = match (shared.cfg.limits.header, plan) {
        (RateLimitHeader::Correct, Some((rate, _))) => Some(format!("{}", rate * shared.cfg.limits.factor)),
        (RateLimitHeader::Wrong(v), _) => Some(format!("{v}")),
        _ => None,
    };
    if shared.cfg.limits.enabled {
        let d = lock(&shared.limiter).take(
            seller,
            route.op,
            plan,
            now,
            shared.cfg.limits.factor,
            shared.cfg.limits.forbid_after_throttles,
        );
        match d {
            Decision::Allow => {}
            Decision::Throttle => {
                let mut r = Reply::error(
                    429,
                    "QuotaExceeded",
                    "You exceeded your quota for the requested resource.",
                    "",
                )
                .header("x-amzn-RequestId", &request_id);
                if let Some(h) = &rate_header {
                    r = r.header("x-amzn-RateLimit-Limit", h);
                }
                return Outcome {
                    reply: r,
                    fault: None,
                    latency,
                };
            }
            Decision::Forbid => {
                return Outcome {
                    reply: Reply::error(
                        403,
                        "Unauthorized",
                        "Access to requested resource is forbidden.",
                        "",
                    )
                    .header("x-amzn-RequestId", &request_id),
                    fault: None,
                    latency,
                }
            }
        }
    }

    let ctx = Ctx {
        now,
        seller,
        query: &query,
        body: &raw.body,
        base_url: &shared.base_url,
        seq,
        elements,
        faults: &shared.cfg.faults,
        rdt: rec.token_kind == TokenKind::Rdt,
    };
    let mut reply = (route.handler)(&mut st, &ctx, &params);
    drop(st);
    reply = reply.header("x-amzn-RequestId", &request_id);
    if let Some(h) = &rate_header {
        reply = reply.header("x-amzn-RateLimit-Limit", h);
    }
    Outcome {
        reply,
        fault,
        latency,
    }
}
