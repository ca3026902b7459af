//! Legacy MWS (feature `mws`): what the MWS client can still do, and what it cannot.
//!
//! **Amazon switched MWS off on 2024-04-01**: no request to a real MWS endpoint succeeds any more, and
//! OrderHub's simulator speaks SP-API only. What remains useful is for migrations and test rigs: reading
//! MWS-shaped data, replaying MWS traffic against mocks and recorders, comparing it with SP-API answers.
//! So this example
//!
//! 1. signs a request with Signature Version 2 (HmacSHA256) and shows the string that is signed — the
//!    signer is checked against Amazon's published test vector in `amazon-spapi/tests/mws.rs`;
//! 2. runs the client against a small MWS mock started here, on loopback, that checks every request's
//!    signature and `Content-MD5` the way MWS did and answers with MWS documents (the fixtures in
//!    `amazon-spapi/tests/fixtures/mws`): `ListOrders` with its `NextToken` page, `ListOrderItems`,
//!    `SubmitFeed`, `GetFeedSubmissionList` and `GetFeedSubmissionResult` with its processing report;
//! 3. shows a request signed with the wrong secret refused as `SignatureDoesNotMatch`.
//!
//! There is no "against Amazon" mode: for live orders use the SP-API examples.
//!
//! Run: `cargo run -p examples --example mws_legacy`

use std::sync::{Arc, Mutex};

use amazon_spapi::auth::SecretString;
use amazon_spapi::client::Url;
use amazon_spapi::mws::feeds::{content_md5, feed_type};
use amazon_spapi::mws::{signer, MwsClient, MwsCredentials, MwsEndpoint, MwsError};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use chrono::{TimeZone, Utc};
use futures::TryStreamExt;

const SELLER: &str = "A2SELLEREXAMPLE";
const ACCESS_KEY: &str = "AKIAMWSEXAMPLE7Q";
const SECRET: &str = "mws-example-secret-key";

/// Answers of the mock, by `Action`: MWS documents as Amazon wrote them.
fn answer(action: &str) -> Option<&'static [u8]> {
    macro_rules! fixture {
        ($name:literal) => {
            include_bytes!(concat!("../../amazon-spapi/tests/fixtures/mws/", $name)).as_slice()
        };
    }
    Some(match action {
        "ListOrders" => fixture!("list_orders_page1.xml"),
        "ListOrdersByNextToken" => fixture!("list_orders_page2.xml"),
        "ListOrderItems" => fixture!("list_order_items_page1.xml"),
        "ListOrderItemsByNextToken" => fixture!("list_order_items_page2.xml"),
        "SubmitFeed" => fixture!("submit_feed.xml"),
        "GetFeedSubmissionList" => fixture!("get_feed_submission_list.xml"),
        "GetFeedSubmissionListByNextToken" => fixture!("get_feed_submission_list_by_next_token.xml"),
        "GetFeedSubmissionResult" => fixture!("get_feed_submission_result.xml"),
        _ => return None,
    })
}

fn error(status: u16, code: &str, message: &str) -> Response {
    let body = format!(
        "<?xml version=\"1.0\"?><ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code>\
         <Message>{message}</Message></Error><RequestID>example-mock</RequestID></ErrorResponse>"
    );
    Response::builder()
        .status(status)
        .header("content-type", "text/xml")
        .body(Body::from(body))
        .unwrap_or_default()
}

/// The mock: checks the signature (and Content-MD5 of feeds), then answers by `Action`.
async fn mws_mock(State(seen): State<Arc<Mutex<Vec<String>>>>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let Ok(body) = axum::body::to_bytes(body, 16 << 20).await else {
        return error(400, "InvalidParameterValue", "unreadable body");
    };
    let host = parts
        .headers
        .get("host")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let form = parts
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    let query = if form {
        String::from_utf8_lossy(&body).into_owned()
    } else {
        parts.uri.query().unwrap_or_default().to_owned()
    };
    let params: Vec<(String, String)> = Url::parse(&format!("http://mock/?{query}"))
        .map(|u| u.query_pairs().into_owned().collect())
        .unwrap_or_default();
    let param = |n: &str| params.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
    let action = param("Action").unwrap_or_default().to_owned();
    if let Ok(mut s) = seen.lock() {
        s.push(action.clone());
    }
    let secret = SecretString::new(SECRET);
    if !signer::verify(&secret, parts.method.as_str(), &host, parts.uri.path(), &params) {
        return error(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
        );
    }
    if action == "SubmitFeed" && param("ContentMD5Value") != Some(content_md5(&body).as_str()) {
        return error(
            400,
            "ContentMD5DoesNotMatch",
            "the Content-MD5 does not match the feed",
        );
    }
    let Some(doc) = answer(&action) else {
        return error(400, "InvalidParameterValue", "this mock does not know the action");
    };
    let mut resp = Response::builder().status(200).header("content-type", "text/xml");
    if action == "GetFeedSubmissionResult" {
        resp = resp.header("content-md5", content_md5(doc));
    }
    resp.body(Body::from(doc)).unwrap_or_default()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    println!(
        "Legacy MWS. Amazon switched MWS off on 2024-04-01: this runs against a local mock, never Amazon.\n"
    );

    // 1. What a signed MWS request is.
    let t = Utc
        .with_ymd_and_hms(2024, 3, 1, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let params = [
        ("AWSAccessKeyId", ACCESS_KEY),
        ("Action", "ListOrders"),
        ("CreatedAfter", "2024-02-20T00:00:00Z"),
        ("MarketplaceId.Id.1", "ATVPDKIKX0DER"),
        ("SellerId", SELLER),
        ("SignatureMethod", "HmacSHA256"),
        ("SignatureVersion", "2"),
        ("Timestamp", &t.format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        ("Version", "2013-09-01"),
    ];
    let url = Url::parse("https://mws.amazonservices.com/Orders/2013-09-01")?;
    let sts = signer::string_to_sign("POST", &signer::canonical_host(&url), url.path(), &params);
    let signature = signer::sign_request(&SecretString::new(SECRET), "POST", &url, &params);
    println!("1. The string Signature Version 2 signs:\n{}\n", indent(&sts));
    println!(
        "   Signature: {signature}\n   Body sent: {}\n",
        signer::encode_signed(&params, &signature)
    );

    // 2. The client against the mock.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let app = axum::Router::new().fallback(mws_mock).with_state(seen.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let endpoint = MwsEndpoint::custom(&format!("http://{addr}"))?;
    let creds = MwsCredentials::new(SELLER, ACCESS_KEY, SECRET).with_auth_token("amzn.mws.example-token");
    println!("   Credentials print as: {creds:?}");
    let client = MwsClient::builder(endpoint.clone(), creds).build()?;

    let since = Utc
        .with_ymd_and_hms(2024, 2, 20, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let pages: Vec<_> = client
        .list_orders()
        .marketplace_id("ATVPDKIKX0DER")
        .created_after(since)
        .pages()
        .try_collect()
        .await?;
    let orders: Vec<_> = pages.iter().flat_map(|p| p.orders.iter()).collect();
    println!("2. ListOrders: {} pages, {} orders", pages.len(), orders.len());
    for o in &orders {
        println!(
            "     {} {:<16} {:?} total {:?} (buyer name held as {:?})",
            o.amazon_order_id,
            o.order_status.as_ref().map_or("-", |s| s.as_str()),
            o.fulfillment_channel.as_ref().map(|c| c.as_str()),
            o.order_total
                .as_ref()
                .map(|m| format!("{} {}", m.amount, m.currency_code)),
            o.buyer_name
        );
    }
    if let Some(first) = orders.first() {
        let items: Vec<_> = client
            .list_order_items(first.amazon_order_id.as_str())
            .pages()
            .try_collect()
            .await?;
        let n: usize = items.iter().map(|p| p.order_items.len()).sum();
        println!(
            "   ListOrderItems of {}: {n} items over {} pages",
            first.amazon_order_id,
            items.len()
        );
    }

    let feed = include_bytes!("../../amazon-spapi/tests/fixtures/mws/order_fulfillment_feed.xml");
    let submitted = client
        .submit_feed(feed_type::POST_ORDER_FULFILLMENT_DATA, feed.as_slice())
        .send()
        .await?;
    println!(
        "   SubmitFeed (Content-MD5 {}): submission {}",
        content_md5(feed),
        submitted.feed_submission_info.feed_submission_id
    );
    let list: Vec<_> = client.get_feed_submission_list().pages().try_collect().await?;
    println!(
        "   GetFeedSubmissionList: {} submissions over {} pages",
        list.iter().map(|p| p.feed_submission_info.len()).sum::<usize>(),
        list.len()
    );
    let result = client
        .get_feed_submission_result(submitted.feed_submission_info.feed_submission_id.as_str())
        .send()
        .await?;
    if let Some(report) = &result.report {
        println!(
            "   GetFeedSubmissionResult: {:?}, {:?} processed, {:?} successful, {:?} with errors (MD5 checked: {})",
            report.status_code,
            report.summary.messages_processed,
            report.summary.messages_successful,
            report.summary.messages_with_error,
            result.content_md5_checked
        );
    }

    // 3. The wrong secret.
    let wrong = MwsClient::builder(
        endpoint,
        MwsCredentials::new(SELLER, ACCESS_KEY, "not-the-secret"),
    )
    .build()?;
    match wrong
        .list_orders()
        .marketplace_id("ATVPDKIKX0DER")
        .created_after(since)
        .send()
        .await
    {
        Err(e @ MwsError::Api(_)) => println!("3. Wrong secret key: {e}"),
        Err(e) => println!("3. Wrong secret key: {e}"),
        Ok(_) => anyhow::bail!("the mock accepted a request signed with the wrong key"),
    }
    let actions = seen.lock().map(|s| s.clone()).unwrap_or_default();
    println!(
        "\nThe mock saw {} requests: {}",
        actions.len(),
        actions.join(", ")
    );
    server.abort();
    Ok(())
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("   | {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
