//! Legacy MWS (feature `mws`): the Signature Version 2 vector, and every operation against a loopback
//! server that checks signatures and Content-MD5 with its own implementation, on virtual time.
#![cfg(feature = "mws")]

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use amazon_spapi::auth::SecretString;
use amazon_spapi::clock::ManualClock;
use amazon_spapi::mws::feeds::{self, FeedProcessingStatus, ResultCode};
use amazon_spapi::mws::orders::{
    FulfillmentChannel, OrderStatus, OrderType, PaymentMethod, ShipmentServiceLevelCategory,
};
use amazon_spapi::mws::{signer, MwsClient, MwsCredentials, MwsEndpoint, MwsError, MwsErrorCode};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::response::Response;
use base64::Engine as _;
use chrono::{DateTime, TimeZone, Utc};
use futures::StreamExt;
use hmac::Mac;
use md5::Digest;
use rust_decimal::Decimal;

const SELLER: &str = "A2SELLEREXAMPLE";
const ACCESS_KEY: &str = "AKIAMWSEXAMPLE7Q";
const SECRET_KEY: &str = "mws/Secret+Key=Never-Print-Me-9f8e7d";
const AUTH_TOKEN: &str = "amzn.mws.4ea38b7b-f563-7709-4bae-87aeaEXAMPLE";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/mws/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 1, 12, 0, 0).unwrap()
}

// ---------------------------------------------------------------------------------------------------
// The loopback MWS server: its own RFC 3986 encoder, HMAC-SHA256 and MD5 checks, and a script of
// answers per action.

#[derive(Debug, Clone)]
struct Seen {
    path: String,
    params: HashMap<String, String>,
    content_type: Option<String>,
    body: Vec<u8>,
}

impl Seen {
    fn param(&self, name: &str) -> Option<&str> {
        self.params.get(name).map(String::as_str)
    }
}

#[derive(Debug, Clone)]
struct Reply {
    status: u16,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

fn ok(body: Vec<u8>) -> Reply {
    Reply {
        status: 200,
        body,
        headers: vec![("content-type", "text/xml".to_owned())],
    }
}

fn err(status: u16, body: Vec<u8>) -> Reply {
    Reply {
        status,
        body,
        headers: vec![("content-type", "text/xml".to_owned())],
    }
}

#[derive(Default)]
struct ServerState {
    script: HashMap<String, VecDeque<Reply>>,
    seen: Vec<Seen>,
    problems: Vec<String>,
}

#[derive(Clone)]
struct Mock {
    addr: SocketAddr,
    state: Arc<Mutex<ServerState>>,
}

impl Mock {
    async fn start() -> Mock {
        logs();
        let state = Arc::new(Mutex::new(ServerState::default()));
        let app = axum::Router::new()
            .fallback(handle)
            .with_state(Arc::clone(&state));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Mock { addr, state }
    }

    fn script(&self, action: &str, reply: Reply) {
        self.state
            .lock()
            .unwrap()
            .script
            .entry(action.to_owned())
            .or_default()
            .push_back(reply);
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    fn problems(&self) -> Vec<String> {
        self.state.lock().unwrap().problems.clone()
    }

    fn endpoint(&self) -> MwsEndpoint {
        MwsEndpoint::custom(&format!("http://{}", self.addr)).unwrap()
    }
}

/// RFC 3986 as Signature Version 2 wants it, written independently of the client's signer.
fn rfc3986(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn expected_signature(host: &str, path: &str, params: &HashMap<String, String>) -> String {
    let mut names: Vec<&String> = params.keys().filter(|k| k.as_str() != "Signature").collect();
    names.sort();
    let query: Vec<String> = names
        .iter()
        .map(|k| format!("{}={}", rfc3986(k), rfc3986(&params[*k])))
        .collect();
    let sts = format!("POST\n{}\n{}\n{}", host.to_lowercase(), path, query.join("&"));
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET_KEY.as_bytes()).unwrap();
    mac.update(sts.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes())
}

fn error_xml(code: &str, message: &str) -> Vec<u8> {
    format!(
        "<?xml version=\"1.0\"?><ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code>\
         <Message>{message}</Message></Error><RequestID>mock-req</RequestID></ErrorResponse>"
    )
    .into_bytes()
}

async fn handle(State(state): State<Arc<Mutex<ServerState>>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, 64 << 20).await.unwrap().to_vec();
    let host = parts
        .headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let path = parts.uri.path().to_owned();
    let content_type = parts
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let form = content_type
        .as_deref()
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    let raw_params: Vec<u8> = if form {
        body.clone()
    } else {
        parts.uri.query().unwrap_or_default().as_bytes().to_vec()
    };
    let mut params = HashMap::new();
    for (k, v) in url::form_urlencoded::parse(&raw_params) {
        params.insert(k.into_owned(), v.into_owned());
    }
    let seen = Seen {
        path: path.clone(),
        params: params.clone(),
        content_type,
        body: body.clone(),
    };
    let mut st = state.lock().unwrap();
    st.seen.push(seen);
    // Err: the server's own checks failed (recorded as a problem); Ok: the scripted answer.
    let checked = (|| -> Result<Reply, Reply> {
        if parts.method != Method::POST {
            return Err(err(400, error_xml("InvalidParameterValue", "MWS wants POST")));
        }
        let action = params.get("Action").cloned().unwrap_or_default();
        for (name, want) in [
            ("AWSAccessKeyId", Some(ACCESS_KEY)),
            ("MWSAuthToken", Some(AUTH_TOKEN)),
            ("SignatureMethod", Some("HmacSHA256")),
            ("SignatureVersion", Some("2")),
            ("Timestamp", None),
            ("Version", None),
        ] {
            match (params.get(name), want) {
                (None, _) => return Err(err(400, error_xml("MissingParameter", name))),
                (Some(v), Some(w)) if v != w => return Err(err(401, error_xml("AccessDenied", name))),
                _ => {}
            }
        }
        let seller_param = if path == "/Orders/2013-09-01" {
            "SellerId"
        } else {
            "Merchant"
        };
        if params.get(seller_param).map(String::as_str) != Some(SELLER) {
            return Err(err(401, error_xml("AccessDenied", "seller")));
        }
        if params.get("Signature") != Some(&expected_signature(&host, &path, &params)) {
            return Err(err(
                403,
                error_xml("SignatureDoesNotMatch", "The request signature does not match"),
            ));
        }
        if action == "SubmitFeed" {
            let md5 = base64::engine::general_purpose::STANDARD.encode(md5::Md5::digest(&body));
            let header = parts.headers.get("content-md5").and_then(|v| v.to_str().ok());
            if header != Some(md5.as_str()) || params.get("ContentMD5Value") != Some(&md5) {
                return Err(err(
                    400,
                    error_xml("ContentMD5DoesNotMatch", "the Content-MD5 does not match"),
                ));
            }
        }
        match st.script.get_mut(&action).and_then(VecDeque::pop_front) {
            Some(r) => Ok(r),
            None => Err(err(
                400,
                error_xml(
                    "InvalidParameterValue",
                    &format!("no scripted answer for {action}"),
                ),
            )),
        }
    })();
    let reply = match checked {
        Ok(r) => r,
        Err(r) => {
            st.problems.push(String::from_utf8_lossy(&r.body).into_owned());
            r
        }
    };
    let mut resp = Response::builder()
        .status(reply.status)
        .header("x-mws-request-id", "hdr-req-id");
    for (k, v) in &reply.headers {
        resp = resp.header(*k, v);
    }
    resp.body(Body::from(reply.body)).unwrap()
}

fn credentials() -> MwsCredentials {
    MwsCredentials::new(SELLER, ACCESS_KEY, SECRET_KEY).with_auth_token(AUTH_TOKEN)
}

fn client(mock: &Mock, clock: &ManualClock) -> MwsClient {
    MwsClient::builder(mock.endpoint(), credentials())
        .clock(Arc::new(clock.clone()))
        .sleeper(Arc::new(clock.clone()))
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap()
}

// ---------------------------------------------------------------------------------------------------

#[test]
fn signature_version_2_test_vector() {
    let secret = SecretString::new("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    let params = [
        ("AWSAccessKeyId", "AKIAIOSFODNN7EXAMPLE"),
        ("Action", "DescribeJobFlows"),
        ("SignatureMethod", "HmacSHA256"),
        ("SignatureVersion", "2"),
        ("Timestamp", "2011-10-03T15:19:30"),
        ("Version", "2009-03-31"),
    ];
    let sts = signer::string_to_sign("GET", "elasticmapreduce.amazonaws.com", "/", &params);
    assert_eq!(
        sts.as_bytes(),
        b"GET\nelasticmapreduce.amazonaws.com\n/\nAWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Action=DescribeJobFlows&\
SignatureMethod=HmacSHA256&SignatureVersion=2&Timestamp=2011-10-03T15%3A19%3A30&Version=2009-03-31"
    );
    let sig = signer::sign(&secret, &sts);
    assert_eq!(sig, "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf/Mj6vPxyYIs=");
    assert_eq!(
        signer::percent_encode(&sig),
        "i91nKc4PWAt0JJIdXwz9HxZCJDdiy6cf%2FMj6vPxyYIs%3D"
    );
}

#[tokio::test]
async fn list_orders_pages_through_next_token() {
    let mock = Mock::start().await;
    mock.script("ListOrders", ok(fixture("list_orders_page1.xml")));
    mock.script("ListOrdersByNextToken", ok(fixture("list_orders_page2.xml")));
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);

    let pages: Vec<_> = client
        .list_orders()
        .marketplace_id("ATVPDKIKX0DER")
        .marketplace_id("A2EUQ1WTGCTBG2")
        .created_after(Utc.with_ymd_and_hms(2024, 2, 20, 0, 0, 0).unwrap())
        .order_status(OrderStatus::Unshipped)
        .order_status(OrderStatus::PartiallyShipped)
        .fulfillment_channel(FulfillmentChannel::Mfn)
        .max_results_per_page(50)
        .pages()
        .collect()
        .await;
    assert_eq!(mock.problems(), Vec::<String>::new());
    assert_eq!(pages.len(), 2);
    let p1 = pages[0].as_ref().unwrap();
    let p2 = pages[1].as_ref().unwrap();

    // Requests: filters on the first, the token alone on the second.
    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(seen[0].path, "/Orders/2013-09-01");
    assert_eq!(
        seen[0].content_type.as_deref(),
        Some("application/x-www-form-urlencoded; charset=utf-8")
    );
    assert_eq!(seen[0].param("Action"), Some("ListOrders"));
    assert_eq!(seen[0].param("Version"), Some("2013-09-01"));
    assert_eq!(seen[0].param("Timestamp"), Some("2024-03-01T12:00:00Z"));
    assert_eq!(seen[0].param("CreatedAfter"), Some("2024-02-20T00:00:00Z"));
    assert_eq!(seen[0].param("MarketplaceId.Id.1"), Some("ATVPDKIKX0DER"));
    assert_eq!(seen[0].param("MarketplaceId.Id.2"), Some("A2EUQ1WTGCTBG2"));
    assert_eq!(seen[0].param("OrderStatus.Status.1"), Some("Unshipped"));
    assert_eq!(seen[0].param("OrderStatus.Status.2"), Some("PartiallyShipped"));
    assert_eq!(seen[0].param("FulfillmentChannel.Channel.1"), Some("MFN"));
    assert_eq!(seen[0].param("MaxResultsPerPage"), Some("50"));
    assert_eq!(seen[1].param("Action"), Some("ListOrdersByNextToken"));
    assert_eq!(
        seen[1].param("NextToken"),
        Some("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4=")
    );
    assert!(seen[1].param("CreatedAfter").is_none() && seen[1].param("MarketplaceId.Id.1").is_none());

    // Page 1: typed orders, PII behind `Pii`.
    assert_eq!(
        p1.request_id.as_deref(),
        Some("88faca76-b600-46d2-b53c-0c8c4533e43a")
    );
    assert_eq!(
        p1.created_before,
        Some(Utc.with_ymd_and_hms(2024, 3, 1, 11, 58, 0).unwrap())
    );
    assert_eq!(p1.orders.len(), 2);
    let o = &p1.orders[0];
    assert_eq!(o.amazon_order_id, "902-3159896-1390916");
    assert_eq!(o.seller_order_id.as_deref(), Some("SO-2024-000117"));
    assert_eq!(o.order_status, Some(OrderStatus::Unshipped));
    assert_eq!(o.fulfillment_channel, Some(FulfillmentChannel::Mfn));
    assert_eq!(o.payment_method, Some(PaymentMethod::Other));
    assert_eq!(o.order_type, Some(OrderType::StandardOrder));
    assert_eq!(
        o.shipment_service_level_category,
        Some(ShipmentServiceLevelCategory::Standard)
    );
    assert_eq!(
        o.purchase_date,
        Some(Utc.with_ymd_and_hms(2024, 2, 24, 21, 41, 32).unwrap())
    );
    let total = o.order_total.as_ref().unwrap();
    assert_eq!(
        (total.currency_code.as_str(), total.amount),
        ("USD", Decimal::new(4397, 2))
    );
    assert_eq!(
        (o.number_of_items_shipped, o.number_of_items_unshipped),
        (Some(0), Some(2))
    );
    assert_eq!(
        (o.is_prime, o.is_business_order, o.is_replacement_order),
        (Some(true), Some(false), Some(false))
    );
    assert_eq!(o.payment_method_details, vec!["Standard".to_owned()]);
    assert_eq!(o.buyer_name.as_ref().unwrap().expose(), "Jane Q. Buyer");
    let addr = o.shipping_address.as_ref().unwrap();
    assert_eq!(addr.city.as_ref().unwrap().expose(), "SEATTLE");
    assert_eq!(addr.country_code.as_deref(), Some("US"));
    let debug = format!("{p1:?}");
    for pii in [
        "Jane Q. Buyer",
        "410 Terry Ave",
        "5vlh04mgfmjh9h5",
        "206-555-0142",
    ] {
        assert!(!debug.contains(pii), "Debug of a page leaks {pii}");
    }
    assert_eq!(p1.orders[1].fulfillment_channel, Some(FulfillmentChannel::Afn));
    assert!(p1.orders[1].buyer_email.is_none() && p1.orders[1].shipping_address.is_none());

    // Page 2: Amazon's quirks survive decoding.
    assert_eq!(p2.next_token, None);
    let q = &p2.orders[0];
    assert_eq!(
        q.order_status,
        Some(OrderStatus::Unknown("AwaitingCarrierPickup".into()))
    );
    assert_eq!(
        q.shipment_service_level_category,
        Some(ShipmentServiceLevelCategory::Unknown("HyperSpeed".into()))
    );
    assert_eq!(
        q.order_type.as_ref().map(OrderType::as_str),
        Some("NewKindOfOrder")
    );
    assert_eq!(q.number_of_items_shipped, Some(3));
    assert_eq!(
        q.number_of_items_unshipped, None,
        "an unreadable number decodes as absent"
    );
    assert_eq!((q.is_prime, q.is_business_order), (Some(true), Some(true)));
    assert!(q.order_total.is_none() && q.seller_order_id.is_none() && q.latest_ship_date.is_none());
    assert_eq!(q.payment_method, Some(PaymentMethod::Cod));
    assert_eq!(q.payment_execution_detail.len(), 2);
    assert_eq!(
        q.payment_execution_detail[1].payment_method.as_deref(),
        Some("PointsAccount")
    );
    assert_eq!(
        q.payment_execution_detail[0].payment.as_ref().unwrap().amount,
        Decimal::new(1500, 0)
    );
    assert_eq!(q.buyer_name.as_ref().unwrap().expose(), "山田 太郎 & Co");
    // No waits: two calls fit in the bucket of six.
    assert_eq!(clock.total_slept(), Duration::ZERO);
}

#[tokio::test]
async fn list_order_items_pages() {
    let mock = Mock::start().await;
    mock.script("ListOrderItems", ok(fixture("list_order_items_page1.xml")));
    mock.script(
        "ListOrderItemsByNextToken",
        ok(fixture("list_order_items_page2.xml")),
    );
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);
    let pages: Vec<_> = client
        .list_order_items("902-3159896-1390916")
        .pages()
        .collect()
        .await;
    assert_eq!(mock.problems(), Vec::<String>::new());
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    assert_eq!(pages.len(), 2);
    let seen = mock.seen();
    assert_eq!(seen[0].param("AmazonOrderId"), Some("902-3159896-1390916"));
    assert_eq!(
        seen[1].param("NextToken"),
        Some("MRgZW55IGNhcm5hbCBwbGVhc3VyZS6=")
    );
    assert!(seen[1].param("AmazonOrderId").is_none());

    let a = &pages[0].order_items[0];
    assert_eq!(pages[0].amazon_order_id.as_deref(), Some("902-3159896-1390916"));
    assert_eq!(a.order_item_id, "68828574383266");
    assert_eq!(a.seller_sku.as_deref(), Some("KS-5KG-SS"));
    assert_eq!(
        (a.quantity_ordered, a.quantity_shipped, a.number_of_items),
        (Some(1), Some(0), Some(1))
    );
    assert_eq!(a.item_price.as_ref().unwrap().amount, Decimal::new(2599, 2));
    assert_eq!(a.promotion_ids, vec!["PROMO-SPRING-2024".to_owned()]);
    assert_eq!(
        a.tax_collection.as_ref().unwrap().model.as_deref(),
        Some("MarketplaceFacilitator")
    );
    // 25.99 + 4.99 + 2.47 + 0 - 0 - 2.00
    assert_eq!(a.total().unwrap().amount, Decimal::new(3145, 2));

    let b = &pages[1].order_items[0];
    assert_eq!(b.quantity_ordered, Some(1), "blank-padded numbers are read");
    assert_eq!(b.is_gift, Some(true));
    assert_eq!(
        b.gift_message_text.as_ref().unwrap().expose(),
        "Happy birthday, Alex!"
    );
    assert!(!format!("{b:?}").contains("Happy birthday"));
    assert_eq!(b.deemed_reseller_category.as_deref(), Some("JE_VOEC"));
    assert!(b.item_tax.is_none() && b.points_granted.is_none());

    // Bad order ids are refused before anything is sent.
    let e = client
        .list_order_items("902-31598961390916")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(e, MwsError::InvalidInput { ref field, .. } if field == "AmazonOrderId"),
        "{e}"
    );
    assert_eq!(mock.seen().len(), 2);

    // The raw answer, byte for byte, for callers that store or compare answers.
    mock.script("ListOrderItems", ok(fixture("list_order_items_page1.xml")));
    let raw = client
        .list_order_items("902-3159896-1390916")
        .send_raw()
        .await
        .unwrap();
    assert_eq!(
        raw.body.as_ref(),
        fixture("list_order_items_page1.xml").as_slice()
    );
    assert_eq!((raw.status.as_u16(), raw.attempts), (200, 1));
    assert_eq!(raw.request_id.as_deref(), Some("hdr-req-id"));
}

#[tokio::test]
async fn submit_feed_sends_body_with_content_md5_and_signed_query() {
    let mock = Mock::start().await;
    // Throttled first: the refused upload is sent again after one restore interval (120 s for SubmitFeed).
    mock.script("SubmitFeed", err(503, fixture("error_request_throttled.xml")));
    mock.script("SubmitFeed", ok(fixture("submit_feed.xml")));
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);
    let feed = fixture("order_fulfillment_feed.xml");
    let result = client
        .submit_feed(feeds::feed_type::POST_ORDER_FULFILLMENT_DATA, feed.clone())
        .marketplace_id("ATVPDKIKX0DER")
        .purge_and_replace(false)
        .send()
        .await
        .unwrap();
    assert_eq!(mock.problems(), Vec::<String>::new());
    let info = &result.feed_submission_info;
    assert_eq!(info.feed_submission_id, "2291326430");
    assert_eq!(info.feed_type.as_deref(), Some("_POST_ORDER_FULFILLMENT_DATA_"));
    assert_eq!(info.feed_processing_status, Some(FeedProcessingStatus::Submitted));
    assert_eq!(info.submitted_date, Some(t0()));
    assert_eq!(
        result.request_id.as_deref(),
        Some("75424a44-0ec1-4a1a-9e55-8e0a21a5ff8a")
    );

    let all = mock.seen();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].body, all[1].body);
    let slept = clock.total_slept();
    assert!((slept.as_secs_f64() - 120.0).abs() < 1e-3, "slept {slept:?}");
    let seen = &all[1];
    assert_eq!(seen.param("Timestamp"), Some("2024-03-01T12:02:00Z"));
    assert_eq!(seen.path, "/");
    assert_eq!(seen.body, feed, "the feed is the raw body");
    assert_eq!(seen.content_type.as_deref(), Some("text/xml"));
    assert_eq!(seen.param("Merchant"), Some(SELLER));
    assert_eq!(seen.param("Version"), Some("2009-01-01"));
    assert_eq!(seen.param("FeedType"), Some("_POST_ORDER_FULFILLMENT_DATA_"));
    assert_eq!(seen.param("MarketplaceIdList.Id.1"), Some("ATVPDKIKX0DER"));
    assert_eq!(seen.param("PurgeAndReplace"), Some("false"));
    assert_eq!(
        seen.param("ContentMD5Value"),
        Some(feeds::content_md5(&feed).as_str())
    );
}

#[tokio::test]
async fn feed_submission_list_and_result() {
    let mock = Mock::start().await;
    mock.script(
        "GetFeedSubmissionList",
        ok(fixture("get_feed_submission_list.xml")),
    );
    mock.script(
        "GetFeedSubmissionListByNextToken",
        ok(fixture("get_feed_submission_list_by_next_token.xml")),
    );
    let report = fixture("get_feed_submission_result.xml");
    let md5 = base64::engine::general_purpose::STANDARD.encode(md5::Md5::digest(&report));
    let mut good = ok(report.clone());
    good.headers.push(("content-md5", md5));
    mock.script(
        "GetFeedSubmissionResult",
        err(400, fixture("error_feed_result_not_ready.xml")),
    );
    mock.script("GetFeedSubmissionResult", good);
    let mut damaged = ok(report.clone());
    damaged
        .headers
        .push(("content-md5", "1B2M2Y8AsgTpgAmY7PhCfg==".to_owned()));
    mock.script("GetFeedSubmissionResult", damaged);
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);

    let pages: Vec<_> = client
        .get_feed_submission_list()
        .feed_type(feeds::feed_type::POST_ORDER_FULFILLMENT_DATA)
        .feed_processing_status(FeedProcessingStatus::Done)
        .max_count(2)
        .pages()
        .collect()
        .await;
    let pages: Vec<_> = pages.into_iter().map(Result::unwrap).collect();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].has_next, Some(true));
    assert_eq!(pages[0].feed_submission_info.len(), 2);
    assert_eq!(
        pages[0].feed_submission_info[1].feed_processing_status,
        Some(FeedProcessingStatus::InProgress)
    );
    assert_eq!(
        pages[1].feed_submission_info[0].feed_processing_status,
        Some(FeedProcessingStatus::InSafetyNet)
    );
    let seen = mock.seen();
    assert_eq!(
        seen[0].param("FeedTypeList.Type.1"),
        Some("_POST_ORDER_FULFILLMENT_DATA_")
    );
    assert_eq!(seen[0].param("FeedProcessingStatusList.Status.1"), Some("_DONE_"));
    assert_eq!(seen[0].param("MaxCount"), Some("2"));
    assert_eq!(
        seen[1].param("NextToken"),
        Some("2ynB0eXBlIGxpc3QgbmV4dCB0b2tlbg==")
    );

    // Not ready yet: a typed error that is not retried.
    let e = client
        .get_feed_submission_result("2291326431")
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(&MwsErrorCode::FeedProcessingResultNotReady));
    assert!(e.to_string().contains("still processing"), "{e}");

    let r = client
        .get_feed_submission_result("2291326430")
        .send()
        .await
        .unwrap();
    assert!(r.content_md5_checked);
    assert_eq!(r.body.as_ref(), report.as_slice());
    let rep = r.report.unwrap();
    assert_eq!(rep.document_transaction_id.as_deref(), Some("2291326430"));
    assert_eq!(rep.status_code.as_deref(), Some("Complete"));
    assert_eq!(rep.summary.messages_processed, Some(2));
    assert_eq!(rep.summary.messages_with_error, Some(1));
    assert_eq!(rep.results.len(), 1);
    assert_eq!(rep.results[0].message_id, Some(2));
    assert_eq!(rep.results[0].result_code, Some(ResultCode::Error));
    assert_eq!(rep.results[0].result_message_code.as_deref(), Some("18028"));
    assert_eq!(
        rep.results[0].amazon_order_id.as_deref(),
        Some("058-1233752-8214740")
    );

    let e = client
        .get_feed_submission_result("2291326430")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(e, MwsError::ContentMd5Mismatch { .. }), "{e}");
    assert_eq!(mock.problems(), Vec::<String>::new());

    // Ids exclude filters (Amazon would silently ignore them).
    let e = client
        .get_feed_submission_list()
        .feed_submission_id("1")
        .max_count(5)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(e, MwsError::InvalidInput { .. }));
}

#[tokio::test]
async fn error_responses_decode_into_typed_errors() {
    let mock = Mock::start().await;
    mock.script(
        "ListOrders",
        err(400, fixture("error_invalid_parameter_value.xml")),
    );
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);
    let e = client
        .list_orders()
        .marketplace_id("ATVPDKIKX0DER")
        .last_updated_after(Utc.with_ymd_and_hms(2024, 2, 1, 0, 0, 0).unwrap())
        .send()
        .await
        .unwrap_err();
    let api = e.api_error().expect("an MWS API error");
    assert_eq!(api.status.as_u16(), 400);
    assert_eq!(api.code, MwsErrorCode::InvalidParameterValue);
    assert_eq!(api.error_type.as_deref(), Some("Sender"));
    assert_eq!(api.message, "CreatedAfter date is in the future");
    assert_eq!(
        api.request_id.as_deref(),
        Some("d3c0f2a6-1b8e-4b7e-9a0c-5e6f7a8b9c0d")
    );
    assert_eq!(api.attempts, 1, "a 400 is not retried");
    assert!(!e.is_retryable());
    let text = e.to_string();
    assert!(
        text.contains("InvalidParameterValue") && text.contains("fix the request"),
        "{text}"
    );
    assert_eq!(mock.seen().len(), 1);

    // Unknown codes are kept.
    mock.script(
        "ListOrders",
        err(400, error_xml("BrandNewCode", "scripted-error")),
    );
    let e = client
        .list_orders()
        .marketplace_id("ATVPDKIKX0DER")
        .last_updated_after(Utc.with_ymd_and_hms(2024, 2, 1, 0, 0, 0).unwrap())
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.code(), Some(&MwsErrorCode::Unknown("BrandNewCode".into())));
    assert_eq!(mock.problems(), Vec::<String>::new());
}

#[tokio::test]
async fn throttling_answers_empty_the_bucket_and_are_retried_or_reported() {
    let mock = Mock::start().await;
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);

    // One throttled answer, then success: the retry waits one restore interval (2 s for ListOrderItems).
    mock.script("ListOrderItems", err(503, fixture("error_request_throttled.xml")));
    mock.script("ListOrderItems", ok(fixture("list_order_items_page1.xml")));
    let page = client
        .list_order_items("902-3159896-1390916")
        .send()
        .await
        .unwrap();
    assert_eq!(page.order_items.len(), 1);
    assert_eq!(mock.seen().len(), 2);
    let slept = clock.total_slept();
    assert!((slept.as_secs_f64() - 2.0).abs() < 1e-3, "slept {slept:?}");
    // Each attempt is signed afresh with the clock's time.
    assert_eq!(mock.seen()[1].param("Timestamp"), Some("2024-03-01T12:00:02Z"));

    // Throttled on every attempt: a typed, retryable error after three attempts.
    for _ in 0..3 {
        mock.script("ListOrderItems", err(503, fixture("error_request_throttled.xml")));
    }
    let e = client
        .list_order_items("902-3159896-1390916")
        .send()
        .await
        .unwrap_err();
    let api = e.api_error().unwrap();
    assert_eq!(api.code, MwsErrorCode::RequestThrottled);
    assert!(api.code.is_throttling());
    assert_eq!(api.status.as_u16(), 503);
    assert_eq!(api.attempts, 3);
    assert_eq!(
        api.request_id.as_deref(),
        Some("7ce3b9a5-4d4e-4fa4-8f6b-0c3ad3c1d3b2")
    );
    assert!(e.is_retryable());
    assert!(e.to_string().contains("restore rate"), "{e}");
    assert_eq!(mock.seen().len(), 5);

    // QuotaExceeded (the hourly quota) is reported at once, not retried, and empties the bucket: the next
    // GetFeedSubmissionList waits one restore interval (45 s).
    mock.script(
        "GetFeedSubmissionList",
        err(503, error_xml("QuotaExceeded", "You exceeded your quota")),
    );
    mock.script(
        "GetFeedSubmissionList",
        ok(fixture("get_feed_submission_list_by_next_token.xml")),
    );
    let before = clock.total_slept();
    let e = client.get_feed_submission_list().send().await.unwrap_err();
    assert_eq!(e.code(), Some(&MwsErrorCode::QuotaExceeded));
    assert_eq!(e.api_error().unwrap().attempts, 1);
    assert!(e.is_retryable());
    assert_eq!(clock.total_slept(), before, "no wait before reporting");
    assert_eq!(mock.seen().len(), 6);
    client.get_feed_submission_list().send().await.unwrap();
    let waited = clock.total_slept() - before;
    assert!((waited.as_secs_f64() - 45.0).abs() < 1e-3, "waited {waited:?}");
    assert_eq!(mock.problems(), Vec::<String>::new());
    assert_eq!(mock.problems(), Vec::<String>::new());
}

#[tokio::test]
async fn quotas_wait_on_virtual_time() {
    let mock = Mock::start().await;
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);
    // ListOrders and ListOrdersByNextToken share one bucket: 6 requests, one restored per minute.
    for _ in 0..7 {
        mock.script("ListOrders", ok(fixture("list_orders_page1.xml")));
    }
    mock.script("ListOrdersByNextToken", ok(fixture("list_orders_page2.xml")));
    for _ in 0..7 {
        client
            .list_orders()
            .marketplace_id("ATVPDKIKX0DER")
            .created_after(Utc.with_ymd_and_hms(2024, 2, 1, 0, 0, 0).unwrap())
            .send()
            .await
            .unwrap();
    }
    client
        .list_orders_by_next_token("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4=")
        .send()
        .await
        .unwrap();
    assert_eq!(mock.problems(), Vec::<String>::new());
    let sleeps = clock.sleeps();
    assert_eq!(sleeps.len(), 2, "{sleeps:?}");
    for s in &sleeps {
        assert!((s.as_secs_f64() - 60.0).abs() < 1e-3, "{sleeps:?}");
    }
    let stamps: Vec<DateTime<Utc>> = mock
        .seen()
        .iter()
        .map(|s| {
            DateTime::parse_from_rfc3339(s.param("Timestamp").unwrap())
                .unwrap()
                .to_utc()
        })
        .collect();
    let offsets: Vec<i64> = stamps.iter().map(|t| (*t - t0()).num_seconds()).collect();
    // Six at once, then one a minute (the shared bucket also holds back ByNextToken).
    assert!(offsets[..6].iter().all(|o| *o == 0), "{offsets:?}");
    assert!(
        (59..=60).contains(&offsets[6]) && (119..=120).contains(&offsets[7]),
        "{offsets:?}"
    );

    // ListOrderItems has its own bucket (30, one per 2 s): not held back by the empty ListOrders bucket.
    mock.script("ListOrderItems", ok(fixture("list_order_items_page1.xml")));
    client
        .list_order_items("902-3159896-1390916")
        .send()
        .await
        .unwrap();
    assert_eq!(clock.sleeps().len(), 2);
}

#[tokio::test]
async fn repeated_next_token_ends_the_stream_with_an_error() {
    let mock = Mock::start().await;
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);
    mock.script("ListOrderItems", ok(fixture("list_order_items_page1.xml")));
    // The follow-up hands out the same token again.
    let again = String::from_utf8(fixture("list_order_items_page1.xml"))
        .unwrap()
        .replace("ListOrderItemsResponse", "ListOrderItemsByNextTokenResponse")
        .replace("ListOrderItemsResult", "ListOrderItemsByNextTokenResult");
    mock.script("ListOrderItemsByNextToken", ok(again.into_bytes()));
    let items: Vec<_> = client
        .list_order_items("902-3159896-1390916")
        .pages()
        .collect()
        .await;
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[1].is_ok());
    assert!(matches!(
        items[2],
        Err(MwsError::RepeatedNextToken {
            operation: "ListOrderItemsByNextToken"
        })
    ));
    assert_eq!(mock.seen().len(), 2);
}

#[tokio::test]
async fn list_orders_input_is_checked_before_sending() {
    let mock = Mock::start().await;
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);
    let after = Utc.with_ymd_and_hms(2024, 2, 1, 0, 0, 0).unwrap();
    let base = || client.list_orders().marketplace_id("ATVPDKIKX0DER");
    let cases = [
        (
            "no window",
            client.list_orders().marketplace_id("ATVPDKIKX0DER"),
            "CreatedAfter",
        ),
        (
            "no marketplace",
            client.list_orders().created_after(after),
            "MarketplaceId",
        ),
        (
            "both windows",
            base().created_after(after).last_updated_after(after),
            "CreatedAfter",
        ),
        (
            "mixed window",
            base()
                .created_after(after)
                .last_updated_before(after + chrono::Duration::days(1)),
            "LastUpdatedBefore",
        ),
        (
            "before too recent",
            base()
                .created_after(after)
                .created_before(t0() - chrono::Duration::seconds(60)),
            "CreatedBefore",
        ),
        (
            "unshipped alone",
            base().created_after(after).order_status(OrderStatus::Unshipped),
            "OrderStatus",
        ),
        (
            "page size",
            base().created_after(after).max_results_per_page(101),
            "MaxResultsPerPage",
        ),
        (
            "email with filter",
            base()
                .created_after(after)
                .buyer_email("x@example.com")
                .order_status(OrderStatus::Shipped),
            "BuyerEmail",
        ),
    ];
    for (name, req, field) in cases {
        match req.send().await {
            Err(MwsError::InvalidInput { field: f, reason }) => {
                assert_eq!(f, field, "{name}: {reason}");
                assert!(!reason.is_empty());
            }
            other => panic!("{name}: expected InvalidInput, got {other:?}"),
        }
    }
    assert!(mock.seen().is_empty(), "nothing may be sent for invalid input");
    // Debug of a builder hides the buyer's e-mail.
    assert!(!format!("{:?}", base().buyer_email("jane@example.com")).contains("jane@"));
}

/// A writer that appends to a shared buffer, to capture tracing output.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

static LOGS: OnceLock<Capture> = OnceLock::new();

/// The capture of all tracing output of this test binary, at TRACE level. A global subscriber installed
/// before any test logs anything: thread-local subscribers race with callsite registration in other
/// tests' threads and can miss events.
fn logs() -> &'static Capture {
    LOGS.get_or_init(|| {
        let capture = Capture::default();
        let writer = capture.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(move || writer.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("no other global subscriber");
        capture
    })
}

#[tokio::test]
async fn secrets_never_appear_in_debug_display_errors_or_logs() {
    let mock = Mock::start().await;
    let clock = ManualClock::new(t0());
    let client = client(&mock, &clock);
    let mut texts: Vec<String> = vec![format!("{client:?}"), format!("{:?}", credentials())];

    mock.script("ListOrders", ok(fixture("list_orders_page1.xml")));
    mock.script(
        "ListOrdersByNextToken",
        err(503, fixture("error_request_throttled.xml")),
    );
    mock.script("ListOrdersByNextToken", ok(fixture("list_orders_page2.xml")));
    let pages: Vec<_> = client
        .list_orders()
        .marketplace_id("ATVPDKIKX0DER")
        .created_after(Utc.with_ymd_and_hms(2024, 2, 1, 0, 0, 0).unwrap())
        .pages()
        .collect()
        .await;
    texts.push(format!("{pages:?}"));
    for _ in 0..3 {
        mock.script("ListOrderItems", err(503, fixture("error_request_throttled.xml")));
    }
    let e = client
        .list_order_items("902-3159896-1390916")
        .send()
        .await
        .unwrap_err();
    texts.push(format!("{e:?}"));
    texts.push(e.to_string());
    mock.script(
        "SubmitFeed",
        err(500, error_xml("InternalError", "scripted-error")),
    );
    let e = client
        .submit_feed(
            "_POST_ORDER_FULFILLMENT_DATA_",
            fixture("order_fulfillment_feed.xml"),
        )
        .send()
        .await;
    let e = e.unwrap_err();
    assert_eq!(e.code(), Some(&MwsErrorCode::InternalError));
    assert_eq!(
        e.api_error().unwrap().attempts,
        1,
        "a feed is never re-submitted after a server error"
    );
    texts.push(format!("{e:?}"));
    texts.push(e.to_string());

    // A transport failure on a feed upload, whose URL carries the auth token and signature.
    let dead = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead_addr = dead.local_addr().unwrap();
    drop(dead);
    let offline = MwsClient::builder(
        MwsEndpoint::custom(&format!("http://{dead_addr}")).unwrap(),
        credentials(),
    )
    .clock(Arc::new(clock.clone()))
    .sleeper(Arc::new(clock.clone()))
    .build()
    .unwrap();
    let e = offline
        .submit_feed("_POST_ORDER_FULFILLMENT_DATA_", "<x/>")
        .send()
        .await
        .unwrap_err();
    assert!(matches!(e, MwsError::Client(_)), "{e:?}");
    texts.push(format!("{e:?}"));
    texts.push(e.to_string());
    let e = offline
        .list_order_items("902-3159896-1390916")
        .send()
        .await
        .unwrap_err();
    texts.push(format!("{e:?}"));
    texts.push(e.to_string());

    assert!(pages.iter().all(Result::is_ok));
    // Everything every test of this binary logged so far (they all use the same secrets).
    let logs = String::from_utf8_lossy(&logs().0.lock().unwrap()).into_owned();
    assert!(logs.contains("MWS answer"), "the client logs its calls: {logs}");
    texts.push(logs);
    let encoded_secret = signer::percent_encode(SECRET_KEY);
    let encoded_token = signer::percent_encode(AUTH_TOKEN);
    for text in &texts {
        for secret in [
            SECRET_KEY,
            AUTH_TOKEN,
            encoded_secret.as_str(),
            encoded_token.as_str(),
            "Never-Print-Me",
        ] {
            assert!(!text.contains(secret), "a secret leaked into: {text}");
        }
        assert!(!text.contains("Jane Q. Buyer"), "PII leaked into: {text}");
    }
    assert_eq!(mock.problems(), Vec::<String>::new());
}

#[test]
fn decoders_are_usable_on_their_own() {
    let page =
        amazon_spapi::mws::orders::ListOrdersPage::from_xml(&fixture("list_orders_page1.xml")).unwrap();
    assert_eq!(page.orders.len(), 2);
    let e = amazon_spapi::mws::orders::ListOrdersPage::from_xml(&fixture("submit_feed.xml")).unwrap_err();
    assert!(matches!(e, MwsError::Decode { .. }), "{e}");
    let e = amazon_spapi::mws::orders::ListOrdersPage::from_xml(
        b"<ListOrdersResponse><oops></ListOrdersResponse>",
    );
    assert!(matches!(e, Err(MwsError::Decode { .. })));
    let list =
        feeds::FeedSubmissionListPage::from_xml(&fixture("get_feed_submission_list_by_next_token.xml"))
            .unwrap();
    assert_eq!(list.follow_token(), None);
    assert!(
        feeds::ProcessingReport::from_xml(b"Feed Processing Summary:\tNumber of records processed\t1")
            .is_none()
    );
}

#[test]
fn endpoints_per_marketplace() {
    assert_eq!(
        MwsEndpoint::for_marketplace("ATVPDKIKX0DER"),
        Some(MwsEndpoint::north_america())
    );
    assert_eq!(
        MwsEndpoint::for_marketplace("A1F83G8C2ARO7P"),
        Some(MwsEndpoint::europe())
    );
    assert_eq!(
        MwsEndpoint::for_marketplace("A1VC38T7YXB528")
            .unwrap()
            .url()
            .as_str(),
        "https://mws.amazonservices.jp/"
    );
    assert_eq!(MwsEndpoint::for_marketplace("nope"), None);
}

mod properties {
    use amazon_spapi::mws::{feeds, orders, signer, xml, MwsApiError};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// RFC 3986 encoding keeps only unreserved characters and `%XY` escapes, and decodes back.
        #[test]
        fn percent_encoding_round_trips(s in any::<String>()) {
            let enc = signer::percent_encode(&s);
            prop_assert!(enc.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)));
            prop_assert!(!enc.contains('+') && !enc.contains(' '));
            let dec = percent_encoding::percent_decode_str(&enc).decode_utf8().unwrap();
            prop_assert_eq!(dec.as_ref(), s.as_str());
        }

        /// No byte sequence makes the XML reader or any decoder panic.
        #[test]
        fn decoders_never_panic(body in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = xml::parse(&body);
            let _ = orders::ListOrdersPage::from_xml(&body);
            let _ = orders::ListOrderItemsPage::from_xml(&body);
            let _ = feeds::SubmitFeedResult::from_xml(&body);
            let _ = feeds::FeedSubmissionListPage::from_xml(&body);
            let _ = feeds::ProcessingReport::from_xml(&body);
            let _ = MwsApiError::from_xml(
                &amazon_spapi::mws::operation::LIST_ORDERS,
                http::StatusCode::BAD_REQUEST,
                &body,
            );
        }

        /// Well-formed but arbitrary order documents decode without failing.
        #[test]
        fn any_order_fields_decode(values in proptest::collection::vec("[ -~]{0,20}", 8)) {
            let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
            let doc = format!(
                "<ListOrdersResponse><ListOrdersResult><Orders><Order><AmazonOrderId>{}</AmazonOrderId>\
                 <OrderStatus>{}</OrderStatus><IsPrime>{}</IsPrime><NumberOfItemsShipped>{}</NumberOfItemsShipped>\
                 <PurchaseDate>{}</PurchaseDate><OrderTotal><Amount>{}</Amount><CurrencyCode>{}</CurrencyCode>\
                 </OrderTotal><FulfillmentChannel>{}</FulfillmentChannel></Order></Orders></ListOrdersResult>\
                 </ListOrdersResponse>",
                esc(&values[0]), esc(&values[1]), esc(&values[2]), esc(&values[3]),
                esc(&values[4]), esc(&values[5]), esc(&values[6]), esc(&values[7]),
            );
            let page = orders::ListOrdersPage::from_xml(doc.as_bytes()).unwrap();
            prop_assert_eq!(page.orders.len(), 1);
            prop_assert_eq!(page.orders[0].amazon_order_id.as_str(), values[0].trim());
            if let Some(status) = &page.orders[0].order_status {
                prop_assert_eq!(status.as_str(), values[1].trim());
            }
        }
    }
}
