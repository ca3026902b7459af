//! Fixture tests for the pitfalls of `shared/reference/amazon-api-facts.md` in the Orders, Tokens,
//! pagination and Restricted Data Token area, driven through the real builders and client over a
//! scripted transport (no network; virtual time).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use amazon_spapi::auth::{LwaCredentials, SecretString};
use amazon_spapi::client::SpApiClient;
use amazon_spapi::clock::ManualClock;
use amazon_spapi::error::{Error, TransportError};
use amazon_spapi::marketplace::Marketplace;
use amazon_spapi::orders_2026_01_01::SearchOrders;
use amazon_spapi::orders_v0::{
    DataElement, DeemedResellerCategory, GetOrderAddress, GetOrderItems, GetOrders, OrderStatus,
};
use amazon_spapi::region::{Environment, Region};
use amazon_spapi::transport::{HttpRequest, HttpResponse, Transport};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::StreamExt;
use http::{HeaderMap, HeaderValue, StatusCode};

type Responder = dyn Fn(&HttpRequest, usize) -> (u16, String) + Send + Sync;

/// A transport that answers Login with Amazon itself and everything else through a script, recording
/// every SP-API request.
struct Script {
    respond: Box<Responder>,
    seen: Mutex<Vec<HttpRequest>>,
}

impl std::fmt::Debug for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Script")
    }
}

#[async_trait::async_trait]
impl Transport for Script {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("application/json"));
        if request.url.host_str() == Some("lwa.test") {
            let body = r#"{"access_token":"Atza|access","token_type":"bearer","expires_in":3600}"#;
            return Ok(HttpResponse {
                status: StatusCode::OK,
                headers,
                body: Bytes::from(body),
            });
        }
        let n = {
            let mut seen = self.seen.lock().unwrap();
            seen.push(request.clone());
            seen.len() - 1
        };
        let (status, body) = (self.respond)(&request, n);
        headers.insert("x-amzn-requestid", HeaderValue::from_static("req-1"));
        Ok(HttpResponse {
            status: StatusCode::from_u16(status).unwrap(),
            headers,
            body: Bytes::from(body),
        })
    }
}

struct Setup {
    client: SpApiClient,
    script: Arc<Script>,
    clock: ManualClock,
}

impl Setup {
    fn requests(&self) -> Vec<HttpRequest> {
        self.script.seen.lock().unwrap().clone()
    }
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T12:00:00Z")
        .unwrap()
        .to_utc()
}

fn setup_with(
    env: Environment,
    seller: &str,
    respond: impl Fn(&HttpRequest, usize) -> (u16, String) + Send + Sync + 'static,
) -> Setup {
    let script = Arc::new(Script {
        respond: Box::new(respond),
        seen: Mutex::new(Vec::new()),
    });
    let clock = ManualClock::new(now());
    let client = SpApiClient::builder()
        .credentials(LwaCredentials::new(
            "amzn1.application-oa2-client.q",
            "secret",
            "Atzr|refresh",
        ))
        .region(Region::NorthAmerica)
        .environment(env)
        .selling_partner_id(seller)
        .lwa_endpoint(url::Url::parse("https://lwa.test/auth/o2/token").unwrap())
        .transport(script.clone())
        .clock(Arc::new(clock.clone()))
        .sleeper(Arc::new(clock.clone()))
        .build()
        .unwrap();
    Setup {
        client,
        script,
        clock,
    }
}

fn setup(respond: impl Fn(&HttpRequest, usize) -> (u16, String) + Send + Sync + 'static) -> Setup {
    setup_with(
        Environment::Custom(url::Url::parse("http://sp.test").unwrap()),
        "A1SELLER",
        respond,
    )
}

fn since() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-01T00:00:00Z")
        .unwrap()
        .to_utc()
}

fn header(req: &HttpRequest, name: &str) -> String {
    req.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

// ---------------------------------------------------------------------------------------------------
// Lenient decoding.
// ---------------------------------------------------------------------------------------------------

const ITEMS_WITH_QUIRKS: &str = r#"{"payload": {"AmazonOrderId": "302-1", "OrderItems": [
  {"ASIN": "B0001", "OrderItemId": "111", "QuantityOrdered": "3", "QuantityShipped": 0,
   "IsGift": "true", "ProductInfo": {"NumberOfItems": "3"},
   "BuyerRequestedCancel": {"IsBuyerRequestedCancel": "true", "BuyerCancelReason": "changed mind"},
   "DeemedResellerCategory": "JE_VOEC", "SerialNumberRequired": "false",
   "ItemPrice": {"CurrencyCode": "NOK", "Amount": 199.5},
   "BuyerInfo": {"GiftMessageText": "Happy birthday, Kari Nordmann"}},
  {"OrderItemId": "112", "IsGift": false, "ProductInfo": {"NumberOfItems": 2},
   "DeemedResellerCategory": "IOSS", "ItemTax": {"CurrencyCode": "EUR", "Amount": "1.01"}}
]}}"#;

#[tokio::test]
async fn unknown_enum_and_strings_for_booleans_and_numbers() {
    let s = setup(|_, _| (200, ITEMS_WITH_QUIRKS.to_owned()));
    let items = GetOrderItems::new(&s.client, "302-1")
        .send()
        .await
        .expect("a 200 answer decodes");
    let a = &items.order_items[0];
    assert_eq!(
        a.deemed_reseller_category,
        Some(DeemedResellerCategory::Unknown("JE_VOEC".into()))
    );
    assert_eq!(a.is_gift, Some(true));
    assert_eq!(a.quantity_ordered, Some(3));
    assert_eq!(a.product_info.as_ref().and_then(|p| p.number_of_items), Some(3));
    assert_eq!(
        a.buyer_requested_cancel
            .as_ref()
            .and_then(|c| c.is_buyer_requested_cancel),
        Some(true)
    );
    assert_eq!(a.serial_number_required, Some(false));
    assert_eq!(
        a.item_price.as_ref().and_then(|m| m.amount),
        Some(rust_decimal::Decimal::new(1995, 1))
    );
    let b = &items.order_items[1];
    assert_eq!(b.is_gift, Some(false));
    assert_eq!(b.deemed_reseller_category, Some(DeemedResellerCategory::Ioss));
    assert_eq!(
        b.item_tax.as_ref().and_then(|m| m.amount),
        Some(rust_decimal::Decimal::new(101, 2))
    );
    // The unknown value survives a round trip.
    let again = serde_json::to_string(&items).unwrap();
    assert!(again.contains("\"JE_VOEC\""));
    // No personal data in Debug.
    let dbg = format!("{items:?}");
    assert!(!dbg.contains("Kari"), "{dbg}");
    assert!(dbg.contains("JE_VOEC"));
}

#[tokio::test]
async fn missing_required_fields_decode_as_absent() {
    // The model requires AmazonOrderId, PurchaseDate, LastUpdateDate, OrderStatus on orders and ASIN,
    // OrderItemId, QuantityOrdered on items; Amazon sometimes leaves them out.
    let body = r#"{"payload": {"Orders": [{"LastUpdateDate": "2026-11-02T10:00:00Z", "OrderStatus": "Shipped"},
                   {"AmazonOrderId": "302-2", "OrderStatus": "Unshipped", "NumberOfItemsUnshipped": "2",
                    "IsPrime": "false", "IsBusinessOrder": "True"}],
                   "LastUpdatedBefore": "2026-11-27T11:58:00Z"}}"#;
    let s = setup(move |_, _| (200, body.to_owned()));
    let page = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .last_updated_after(since())
        .send()
        .await
        .expect("decodes");
    assert_eq!(page.orders.len(), 2);
    assert!(page.orders[0].amazon_order_id.is_none());
    assert!(page.orders[0].purchase_date.is_none());
    assert_eq!(page.orders[0].order_status, Some(OrderStatus::Shipped));
    assert_eq!(page.orders[1].number_of_items_unshipped, Some(2));
    assert_eq!(page.orders[1].is_prime, Some(false));
    assert_eq!(page.orders[1].is_business_order, Some(true));
    assert_eq!(
        page.last_updated_before.map(|t| t.to_rfc3339()),
        Some("2026-11-27T11:58:00+00:00".to_owned())
    );

    // Items without ASIN and quantity, and an answer without a payload at all.
    let s = setup(|_, n| {
        if n == 0 {
            (
                200,
                r#"{"payload": {"OrderItems": [{"OrderItemId": "1"}]}}"#.to_owned(),
            )
        } else {
            (200, "{}".to_owned())
        }
    });
    let items = GetOrderItems::new(&s.client, "302-3").send().await.unwrap();
    assert!(items.order_items[0].asin.is_none() && items.order_items[0].quantity_ordered.is_none());
    let empty = GetOrderItems::new(&s.client, "302-3").send().await.unwrap();
    assert!(empty.order_items.is_empty());
}

#[tokio::test]
async fn garbage_still_fails_with_a_path_and_no_personal_data() {
    let body = r#"{"payload": {"Orders": [{"AmazonOrderId": "302-1", "IsPrime": "Jane Roe"}]}}"#;
    let s = setup(move |_, _| (200, body.to_owned()));
    let err = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .send()
        .await
        .unwrap_err();
    let Error::Decode(d) = &err else { panic!("{err:?}") };
    assert_eq!(d.path, "payload.Orders[0].IsPrime");
    assert_eq!(d.request_id.as_deref(), Some("req-1"));
    let text = format!("{err} {err:?}");
    assert!(!text.contains("Jane"), "{text}");
}

// ---------------------------------------------------------------------------------------------------
// Throttling: a 403 after 429s is throttling, not a permission problem.
// ---------------------------------------------------------------------------------------------------

const FORBIDDEN: &str = r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is forbidden","details":""}]}"#;
const THROTTLED: &str = r#"{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}"#;

#[tokio::test]
async fn forbidden_after_throttling_is_retried() {
    let s = setup(|_, n| match n {
        0 | 1 => (429, THROTTLED.to_owned()),
        2 => (403, FORBIDDEN.to_owned()),
        _ => (
            200,
            r#"{"payload":{"Orders":[{"AmazonOrderId":"302-9"}]}}"#.to_owned(),
        ),
    });
    let page = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .send()
        .await
        .expect("the 403 after 429s is retried like throttling");
    assert_eq!(
        page.orders[0].amazon_order_id.as_ref().map(|i| i.as_str()),
        Some("302-9")
    );
    assert_eq!(s.requests().len(), 4);
    assert!(
        s.clock.total_slept() > Duration::ZERO,
        "waited (virtually) between attempts"
    );
}

#[tokio::test]
async fn forbidden_without_throttling_is_a_permission_error() {
    let s = setup(|_, _| (403, FORBIDDEN.to_owned()));
    let err = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .send()
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(StatusCode::FORBIDDEN), "{err}");
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn endless_throttling_ends_with_throttled() {
    let s = setup(|_, n| {
        if n % 2 == 0 {
            (429, THROTTLED.to_owned())
        } else {
            (403, FORBIDDEN.to_owned())
        }
    });
    let err = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Throttled { .. }), "{err:?}");
    assert!(s.requests().len() < 50, "retries are capped");
}

// ---------------------------------------------------------------------------------------------------
// Pagination.
// ---------------------------------------------------------------------------------------------------

fn page(token: Option<&str>, id: &str) -> String {
    match token {
        Some(t) => format!(r#"{{"payload":{{"NextToken":"{t}","Orders":[{{"AmazonOrderId":"{id}"}}]}}}}"#),
        None => format!(r#"{{"payload":{{"Orders":[{{"AmazonOrderId":"{id}"}}]}}}}"#),
    }
}

#[tokio::test]
async fn repeated_pagination_token_ends_the_stream_with_an_error() {
    let s = setup(|_, n| match n {
        0 => (200, page(Some("tok+A/1="), "1")),
        1 => (200, page(Some("tok-B"), "2")),
        2 => (200, page(Some("tok+A/1="), "3")),
        _ => (200, page(None, "never")),
    });
    let out: Vec<_> = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .orders()
        .collect()
        .await;
    let ids: Vec<String> = out
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .filter_map(|o| o.amazon_order_id.clone())
        .map(|i| i.into_string())
        .collect();
    assert_eq!(ids, vec!["1", "2", "3"]);
    let last = out.last().unwrap().as_ref().unwrap_err();
    assert!(last.to_string().contains("same pagination token"), "{last}");
    assert_eq!(s.requests().len(), 3, "no request after the repeated token");
}

#[tokio::test]
async fn tokens_are_url_encoded_and_filters_repeated() {
    let s = setup(|_, n| match n {
        0 => (200, page(Some("tok+A/1="), "1")),
        _ => (200, page(None, "2")),
    });
    let pages: Vec<_> = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US, Marketplace::CA])
        .created_after(since())
        .pages()
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
    let reqs = s.requests();
    let q = reqs[1].url.query().unwrap().to_owned();
    assert!(q.contains("NextToken=tok%2BA%2F1%3D"), "{q}");
    assert!(q.contains("MarketplaceIds=ATVPDKIKX0DER%2CA2EUQ1WTGCTBG2"), "{q}");
    assert!(q.contains("CreatedAfter=2026-11-01T00%3A00%3A00Z"), "{q}");
}

#[tokio::test]
async fn search_orders_follows_pagination_next_token() {
    let s = setup(|_, n| match n {
        0 => (
            200,
            r#"{"orders":[{"orderId":"1"}],"pagination":{"nextToken":"n/1"}}"#.to_owned(),
        ),
        _ => (
            200,
            r#"{"orders":[{"orderId":"2"}],"lastUpdatedBefore":"2026-11-27T11:58:00Z"}"#.to_owned(),
        ),
    });
    let orders: Vec<_> = SearchOrders::new(&s.client)
        .last_updated_after(since())
        .orders()
        .collect()
        .await;
    assert_eq!(orders.len(), 2);
    let q = s.requests()[1].url.query().unwrap().to_owned();
    assert!(
        q.contains("paginationToken=n%2F1") && q.contains("lastUpdatedAfter="),
        "{q}"
    );
}

// ---------------------------------------------------------------------------------------------------
// Builders validate before anything is sent.
// ---------------------------------------------------------------------------------------------------

#[tokio::test]
async fn invalid_requests_never_leave_the_process() {
    let s = setup(|_, _| (200, "{}".to_owned()));
    let e = GetOrders::new(&s.client)
        .created_after(since())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::InvalidInput { field, .. } if field == "MarketplaceIds"),
        "{e}"
    );
    let e = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .send()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("CreatedAfter or LastUpdatedAfter"), "{e}");
    let e = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .created_before(now() - chrono::Duration::seconds(30))
        .send()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("two minutes"), "{e}");
    let e = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .last_updated_after(since())
        .send()
        .await
        .unwrap_err();
    assert!(matches!(e, Error::InvalidInput { .. }));
    let e = amazon_spapi::orders_v0::ConfirmShipment::new(&s.client, "302-1")
        .marketplace_id(Marketplace::US)
        .package_reference_id("PKG-1")
        .carrier_code("UPS")
        .tracking_number("1Z")
        .ship_date(since())
        .item("111", 1)
        .send()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("packageReferenceId"), "{e}");
    let e = amazon_spapi::orders_v0::ConfirmShipment::new(&s.client, "302-1")
        .marketplace_id(Marketplace::US)
        .package_reference_id("1")
        .carrier_code("Other")
        .tracking_number("1Z")
        .ship_date(since())
        .item("111", 1)
        .send()
        .await
        .unwrap_err();
    assert!(e.to_string().contains("carrierName"), "{e}");
    assert!(s.requests().is_empty());
}

// ---------------------------------------------------------------------------------------------------
// Restricted Data Tokens.
// ---------------------------------------------------------------------------------------------------

const ADDRESS: &str = r#"{"payload":{"AmazonOrderId":"X","ShippingAddress":{"Name":"Jane Roe","AddressLine1":"1 Main St","City":"Seattle","CountryCode":"US"}}}"#;

fn rdt_script(req: &HttpRequest, n: usize) -> (u16, String) {
    if req.url.path() == "/tokens/2021-03-01/restrictedDataToken" {
        (
            200,
            format!(r#"{{"restrictedDataToken":"Atz.sprdt|rdt-{n}","expiresIn":3600}}"#),
        )
    } else {
        (200, ADDRESS.to_owned())
    }
}

#[tokio::test]
async fn restricted_reads_fetch_and_cache_a_token_for_exactly_that_path() {
    let s = setup_with(
        Environment::Custom(url::Url::parse("http://sp.test").unwrap()),
        "A-RDT-1",
        rdt_script,
    );
    let a = GetOrderAddress::new(&s.client, "902-1").send().await.unwrap();
    assert_eq!(
        a.shipping_address.as_ref().and_then(|x| x.city.as_deref()),
        Some("Seattle")
    );
    assert!(
        !format!("{a:?}").contains("Jane"),
        "addresses are redacted in Debug"
    );
    GetOrderAddress::new(&s.client, "902-1").send().await.unwrap();
    GetOrderAddress::new(&s.client, "902-2").send().await.unwrap();
    let reqs = s.requests();
    let paths: Vec<&str> = reqs.iter().map(|r| r.url.path()).collect();
    assert_eq!(
        paths,
        vec![
            "/tokens/2021-03-01/restrictedDataToken",
            "/orders/v0/orders/902-1/address",
            "/orders/v0/orders/902-1/address",
            "/tokens/2021-03-01/restrictedDataToken",
            "/orders/v0/orders/902-2/address",
        ],
        "one token per path, reused while valid"
    );
    let body: serde_json::Value = serde_json::from_slice(reqs[0].body.as_ref().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"restrictedResources":[{"method":"GET","path":"/orders/v0/orders/902-1/address"}]})
    );
    assert_eq!(header(&reqs[1], "x-amz-access-token"), "Atz.sprdt|rdt-0");
    assert_eq!(header(&reqs[2], "x-amz-access-token"), "Atz.sprdt|rdt-0");
    assert_eq!(header(&reqs[4], "x-amz-access-token"), "Atz.sprdt|rdt-3");
    // After expiry a new token is fetched.
    s.clock.advance(Duration::from_secs(3600));
    GetOrderAddress::new(&s.client, "902-1").send().await.unwrap();
    let reqs = s.requests();
    assert_eq!(reqs[5].url.path(), "/tokens/2021-03-01/restrictedDataToken");
    assert_eq!(header(&reqs[6], "x-amz-access-token"), "Atz.sprdt|rdt-5");
}

#[tokio::test]
async fn data_elements_decide_whether_a_token_is_needed() {
    let s = setup_with(
        Environment::Custom(url::Url::parse("http://sp.test").unwrap()),
        "A-RDT-2",
        |req, n| {
            if req.url.path().starts_with("/tokens/") {
                (
                    200,
                    format!(r#"{{"restrictedDataToken":"Atz.sprdt|rdt-{n}","expiresIn":3600}}"#),
                )
            } else {
                (200, r#"{"payload":{"Orders":[]}}"#.to_owned())
            }
        },
    );
    GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .send()
        .await
        .unwrap();
    GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .data_elements([DataElement::ShippingAddress, DataElement::BuyerInfo])
        .send()
        .await
        .unwrap();
    let reqs = s.requests();
    assert_eq!(reqs.len(), 3);
    assert_eq!(
        header(&reqs[0], "x-amz-access-token"),
        "Atza|access",
        "no token without data elements"
    );
    let body: serde_json::Value = serde_json::from_slice(reqs[1].body.as_ref().unwrap()).unwrap();
    assert_eq!(body["restrictedResources"][0]["path"], "/orders/v0/orders");
    assert_eq!(
        body["restrictedResources"][0]["dataElements"],
        serde_json::json!(["buyerInfo", "shippingAddress"])
    );
    assert_eq!(header(&reqs[2], "x-amz-access-token"), "Atz.sprdt|rdt-1");
}

#[tokio::test]
async fn explicit_token_and_sandbox_skip_the_token_call() {
    let s = setup_with(
        Environment::Custom(url::Url::parse("http://sp.test").unwrap()),
        "A-RDT-3",
        rdt_script,
    );
    GetOrderAddress::new(&s.client, "902-1")
        .restricted_data_token(SecretString::new("Atz.sprdt|mine"))
        .send()
        .await
        .unwrap();
    let reqs = s.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(header(&reqs[0], "x-amz-access-token"), "Atz.sprdt|mine");

    let s = setup_with(Environment::Sandbox, "A-RDT-4", rdt_script);
    GetOrderAddress::new(&s.client, "902-1").send().await.unwrap();
    let reqs = s.requests();
    assert_eq!(reqs.len(), 1, "the sandbox needs no token");
    assert_eq!(header(&reqs[0], "x-amz-access-token"), "Atza|access");
}

#[tokio::test]
async fn missing_role_is_named_in_the_error() {
    let s = setup_with(
        Environment::Custom(url::Url::parse("http://sp.test").unwrap()),
        "A-RDT-5",
        |req, _| {
            if req.url.path().starts_with("/tokens/") {
                (
                403,
                r#"{"errors":[{"code":"Unauthorized","message":"Application does not have access to one or more requested data elements: [shippingAddress]"}]}"#
                    .to_owned(),
            )
            } else {
                (200, ADDRESS.to_owned())
            }
        },
    );
    let err = GetOrderAddress::new(&s.client, "902-1").send().await.unwrap_err();
    let text = err.to_string();
    assert!(text.contains("Direct-to-Consumer Shipping"), "{text}");
    assert_eq!(
        s.requests()
            .iter()
            .filter(|r| r.url.path().starts_with("/orders"))
            .count(),
        0
    );
    let err = GetOrders::new(&s.client)
        .marketplace_ids([Marketplace::US])
        .created_after(since())
        .data_elements([DataElement::BuyerInfo])
        .send()
        .await
        .unwrap_err();
    assert!(
        err.to_string().contains("Tax Invoicing or Tax Remittance"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------------
// Raw answers and personal data.
// ---------------------------------------------------------------------------------------------------

#[tokio::test]
async fn raw_json_keeps_fields_the_model_does_not_know() {
    let body = r#"{"payload":{"AmazonOrderId":"902-7","OrderStatus":"Shipped","BrandNewField":{"x":1}}}"#;
    let s = setup(move |_, _| (200, body.to_owned()));
    let r = amazon_spapi::orders_v0::GetOrder::new(&s.client, "902-7")
        .send_with_raw()
        .await
        .unwrap();
    assert_eq!(
        r.payload.payload.as_ref().and_then(|o| o.order_status.clone()),
        Some(OrderStatus::Shipped)
    );
    assert_eq!(r.raw_value().unwrap()["payload"]["BrandNewField"]["x"], 1);
    assert_eq!(r.request_id(), Some("req-1"));
    assert!(
        !format!("{r:?}").contains("BrandNewField"),
        "Debug shows the body's size only"
    );
}

#[tokio::test]
async fn orders_2026_debug_hides_buyer_and_recipient() {
    let body = r#"{"order":{"orderId":"171-1","createdTime":"2024-12-24T20:30:00Z","programs":["PRIME"],
        "buyer":{"buyerName":"Maria Silva Santos","buyerEmail":"maria@example.com"},
        "recipient":{"deliveryAddress":{"name":"Maria Silva Santos","addressLine1":"Rua Augusta 1","city":"São Paulo",
        "countryCode":"BR","phone":"+55 11 5555-0000"},"deliveryPreference":{"addressInstruction":"Leave with doorman"}},
        "orderItems":[{"orderItemId":"1","quantityOrdered":"2","product":{"asin":"B1","price":{"unitPrice":{"amount":"10.5","currencyCode":"BRL"}},
        "customization":{"customizedUrl":"https://example.com/c/1"}},
        "fulfillment":{"packing":{"giftOption":{"giftMessage":"Feliz aniversário, Maria"}}}}]}}"#;
    let s = setup(move |_, _| (200, body.to_owned()));
    let order = amazon_spapi::orders_2026_01_01::GetOrder::new(&s.client, "171-1")
        .included_data([amazon_spapi::orders_2026_01_01::IncludedData::Buyer])
        .send()
        .await
        .unwrap();
    assert_eq!(order.order_items[0].quantity_ordered, Some(2));
    assert_eq!(
        order.buyer.as_ref().and_then(|b| b.buyer_email.as_deref()),
        Some("maria@example.com"),
        "the data is there for whoever asks for it"
    );
    let dbg = format!("{order:?}");
    for pii in [
        "Maria",
        "maria@",
        "Rua Augusta",
        "5555",
        "doorman",
        "example.com/c",
        "Feliz",
    ] {
        assert!(!dbg.contains(pii), "{pii} leaked into Debug: {dbg}");
    }
    assert!(dbg.contains("São Paulo") && dbg.contains("171-1"));
}
