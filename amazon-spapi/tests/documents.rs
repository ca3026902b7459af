//! Fixture tests for feed and report documents (`amazon_spapi::documents`): the pitfalls of
//! `amazon-api-facts.md` (double gzip, CP932 and ISO-8859-1 reports, upload content types), bounded-memory
//! streaming, and the create-poll-download helper on virtual time against a loopback server.

use std::io::Write as _;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::SpApiClient;
use amazon_spapi::clock::ManualClock;
use amazon_spapi::documents::{
    submit_feed, ByteStream, DocumentHttp, DocumentResponse, Documents, ReportJob, ReportOutcome, UploadBody,
    MAX_CHUNK,
};
use amazon_spapi::error::{Error, TransportError};
use amazon_spapi::region::Region;
use amazon_spapi::reports_2021_06_30::CreateReport;
use amazon_spapi::transport::{HttpRequest, HttpResponse, Transport};
use bytes::Bytes;
use chrono::{DateTime, Utc};
use flate2::write::GzEncoder;
use flate2::Compression;
use futures::StreamExt;
use http::{HeaderMap, HeaderValue, StatusCode};
use url::Url;

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// A storage service in memory: serves one body in fixed-size pieces, records what was asked, and counts
/// how many pieces were pulled (to show that reading is lazy).
#[derive(Debug, Default)]
struct FakeStorage {
    body: Vec<u8>,
    piece: usize,
    headers: Vec<(&'static str, &'static str)>,
    status: u16,
    gets: Mutex<Vec<HeaderMap>>,
    puts: Mutex<Vec<(HeaderMap, Vec<u8>)>>,
    pulled: Arc<AtomicUsize>,
}

impl FakeStorage {
    fn serving(body: Vec<u8>, piece: usize, headers: Vec<(&'static str, &'static str)>) -> Arc<Self> {
        Arc::new(Self {
            body,
            piece,
            headers,
            status: 200,
            ..Self::default()
        })
    }
}

#[async_trait::async_trait]
impl DocumentHttp for FakeStorage {
    async fn get(&self, _url: Url, headers: HeaderMap) -> Result<DocumentResponse, TransportError> {
        self.gets.lock().unwrap().push(headers);
        let mut h = HeaderMap::new();
        for (k, v) in &self.headers {
            h.insert(*k, HeaderValue::from_static(v));
        }
        let pieces: Vec<Bytes> = self
            .body
            .chunks(self.piece.max(1))
            .map(Bytes::copy_from_slice)
            .collect();
        let pulled = self.pulled.clone();
        let body: ByteStream = futures::stream::iter(pieces)
            .map(move |b| {
                pulled.fetch_add(1, Ordering::SeqCst);
                Ok(b)
            })
            .boxed();
        Ok(DocumentResponse {
            status: StatusCode::from_u16(self.status).unwrap(),
            headers: h,
            body,
        })
    }

    async fn put(
        &self,
        _url: Url,
        headers: HeaderMap,
        body: UploadBody,
    ) -> Result<(StatusCode, HeaderMap, Bytes), TransportError> {
        let bytes = match body {
            UploadBody::Bytes(b) => b.to_vec(),
            UploadBody::Stream { mut stream, .. } => {
                let mut v = Vec::new();
                while let Some(c) = stream.next().await {
                    v.extend_from_slice(&c?);
                }
                v
            }
        };
        self.puts.lock().unwrap().push((headers, bytes));
        Ok((StatusCode::OK, HeaderMap::new(), Bytes::new()))
    }
}

async fn read_text(docs: &Documents) -> Result<String, Error> {
    docs.download("https://tortuga-prod-na.s3.amazonaws.com/doc?X-Amz-Signature=abc")
        .await?
        .into_text()
        .read_to_string(64 << 20)
        .await
}

const REPORT: &str = "order-id\tsku\tquantity\n902-3159896-1390916\tSKU-1\t2\n";

#[tokio::test]
async fn double_gzipped_document_decodes_whatever_the_headers_say() {
    let twice = gzip(&gzip(REPORT.as_bytes()));
    // Amazon's June 2023 answers: gzip bytes, `Content-Encoding: gzip`, and gzip inside again.
    let storage = FakeStorage::serving(
        twice,
        7,
        vec![
            ("content-type", "text/tab-separated-values; charset=UTF-8"),
            ("content-encoding", "gzip"),
        ],
    );
    let docs = Documents::with_http(storage.clone());
    let mut reader = docs.download("https://s3.test/doc").await.unwrap();
    let mut out = Vec::new();
    while let Some(b) = reader.next_bytes().await.unwrap() {
        out.extend_from_slice(&b);
    }
    assert_eq!(String::from_utf8(out).unwrap(), REPORT);
    assert_eq!(reader.gzip_layers(), 2);
    let sent = storage.gets.lock().unwrap()[0].clone();
    assert_eq!(sent.get("accept-encoding").unwrap(), "identity");
    assert!(
        sent.get("x-amz-access-token").is_none(),
        "presigned URLs are fetched without the token"
    );
}

#[tokio::test]
async fn plain_and_single_gzip_documents_decode() {
    for body in [REPORT.as_bytes().to_vec(), gzip(REPORT.as_bytes())] {
        let docs = Documents::with_http(FakeStorage::serving(body, 1, vec![]));
        assert_eq!(read_text(&docs).await.unwrap(), REPORT);
    }
    // A one-byte document is not mistaken for gzip.
    let docs = Documents::with_http(FakeStorage::serving(b"x".to_vec(), 1, vec![]));
    assert_eq!(read_text(&docs).await.unwrap(), "x");
    let docs = Documents::with_http(FakeStorage::serving(Vec::new(), 1, vec![]));
    assert_eq!(read_text(&docs).await.unwrap(), "");
}

#[tokio::test]
async fn truncated_gzip_is_a_decode_error() {
    let mut body = gzip(&vec![b'a'; 100_000]);
    body.truncate(body.len() / 2);
    let docs = Documents::with_http(FakeStorage::serving(body, 1000, vec![]));
    let err = read_text(&docs).await.unwrap_err();
    assert!(matches!(err, Error::Decode(_)), "{err}");
    assert!(err.to_string().contains("download it again"), "{err}");
}

#[tokio::test]
async fn cp932_report_is_decoded() {
    let text = "注文番号\t商品名\t数量\n503-1234567-1234567\t日本茶・ほうじ茶\t1\n";
    let (sjis, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    // Amazon Japan names the charset in several ways; all decode as CP932.
    for ct in [
        "text/plain;charset=Cp932",
        "text/tab-separated-values; charset=Shift_JIS",
        "text/plain; charset=\"Windows-31J\"",
    ] {
        let storage = FakeStorage::serving(gzip(&sjis), 5, vec![("content-type", ct)]);
        let docs = Documents::with_http(storage);
        assert_eq!(read_text(&docs).await.unwrap(), text, "{ct}");
    }
    // Without a charset in the header the caller can say which one it is.
    let docs = Documents::with_http(FakeStorage::serving(sjis.to_vec(), 3, vec![]));
    let mut t = docs
        .download("https://s3.test/d")
        .await
        .unwrap()
        .into_text_with(encoding_rs::SHIFT_JIS);
    let mut all = String::new();
    while let Some(c) = t.next_chunk().await.unwrap() {
        all.push_str(&c);
    }
    assert_eq!(all, text);
    assert!(!t.had_errors());
}

#[tokio::test]
async fn iso_8859_1_report_is_decoded() {
    let text = "sku\tname\nSKU-Ä\tCafé Müller – 5 €\n";
    let (latin, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&latin).is_err(),
        "the fixture must not be UTF-8"
    );
    let docs = Documents::with_http(FakeStorage::serving(
        latin.to_vec(),
        2,
        vec![("content-type", "text/plain; charset=ISO-8859-1")],
    ));
    assert_eq!(read_text(&docs).await.unwrap(), text);
    // Read as UTF-8 by mistake it would be garbled, and the reader says so.
    let docs = Documents::with_http(FakeStorage::serving(
        latin.to_vec(),
        2,
        vec![("content-type", "text/plain; charset=UTF-8")],
    ));
    let mut t = docs.download("https://s3.test/d").await.unwrap().into_text();
    while t.next_chunk().await.unwrap().is_some() {}
    assert!(t.had_errors());
}

#[tokio::test]
async fn large_gzip_document_streams_with_bounded_memory() {
    // 8 MiB of report text, compressed (about 30 KiB), served in 4 KiB pieces.
    let line = b"902-3159896-1390916\tSKU-000001\tWidget, blue, large\t3\t19.99\tUSD\n";
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    let total: usize = 8 << 20;
    let mut written = 0;
    while written < total {
        let n = line.len().min(total - written);
        enc.write_all(&line[..n]).unwrap();
        written += n;
    }
    let compressed = enc.finish().unwrap();
    let storage = FakeStorage::serving(compressed.clone(), 4096, vec![]);
    let pulled = storage.pulled.clone();
    let docs = Documents::with_http(storage);
    let mut reader = docs.download("https://s3.test/big").await.unwrap();

    let first = reader.next_bytes().await.unwrap().unwrap();
    // The first decoded piece arrives after one or two compressed pieces, not after the whole body.
    assert!(
        pulled.load(Ordering::SeqCst) <= 2,
        "pulled {} pieces before the first output",
        pulled.load(Ordering::SeqCst)
    );
    let (mut count, mut bytes, mut largest) = (1usize, first.len(), first.len());
    while let Some(b) = reader.next_bytes().await.unwrap() {
        assert!(b.len() <= MAX_CHUNK, "a piece of {} bytes", b.len());
        largest = largest.max(b.len());
        bytes += b.len();
        count += 1;
    }
    assert_eq!(bytes, total);
    assert!(largest <= MAX_CHUNK);
    assert!(count >= total / MAX_CHUNK, "{count} pieces");
    assert_eq!(reader.bytes_received(), compressed.len() as u64);
    assert_eq!(reader.bytes_decoded(), total as u64);
}

// ---------------------------------------------------------------------------------------------------
// Uploads.
// ---------------------------------------------------------------------------------------------------

/// An SP-API transport that answers createFeedDocument and createFeed, and records every request.
#[derive(Debug, Default)]
struct FeedApi {
    requests: Mutex<Vec<HttpRequest>>,
}

#[async_trait::async_trait]
impl Transport for FeedApi {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut headers = HeaderMap::new();
        headers.insert("content-type", HeaderValue::from_static("application/json"));
        let body: &'static [u8] = if request.url.host_str() == Some("lwa.test") {
            br#"{"access_token":"Atza|access","token_type":"bearer","expires_in":3600}"#
        } else if request.url.path() == "/feeds/2021-06-30/documents" {
            br#"{"feedDocumentId":"amzn1.tortuga.4.na.doc1","url":"https://tortuga-prod-na.s3.test/doc1?X-Amz-Signature=sig"}"#
        } else {
            br#"{"feedId":"FEED-77"}"#
        };
        let status = if request.url.host_str() == Some("lwa.test") {
            StatusCode::OK
        } else {
            StatusCode::ACCEPTED
        };
        if request.url.host_str() != Some("lwa.test") {
            self.requests.lock().unwrap().push(request);
        }
        Ok(HttpResponse {
            status,
            headers,
            body: Bytes::from_static(body),
        })
    }
}

fn client_over(transport: Arc<dyn Transport>, clock: &ManualClock) -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            "amzn1.application-oa2-client.t",
            "secret",
            "Atzr|refresh",
        ))
        .region(Region::NorthAmerica)
        .lwa_endpoint(Url::parse("https://lwa.test/auth/o2/token").unwrap())
        .transport(transport)
        .clock(Arc::new(clock.clone()))
        .sleeper(Arc::new(clock.clone()))
        .build()
        .unwrap()
}

fn start() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T12:00:00Z")
        .unwrap()
        .to_utc()
}

#[tokio::test]
async fn upload_with_a_content_type_that_would_not_match_is_refused_before_sending() {
    let api = Arc::new(FeedApi::default());
    let clock = ManualClock::new(start());
    let client = client_over(api.clone(), &clock);
    let storage = FakeStorage::serving(Vec::new(), 1, vec![]);
    let cases: [(&str, &str, &[u8]); 4] = [
        // JSON_LISTINGS_FEED takes application/json.
        (
            "JSON_LISTINGS_FEED",
            "text/xml; charset=UTF-8",
            b"{\"header\":{}}",
        ),
        // HTTP strips the trailing whitespace: the signed value would differ.
        ("POST_ORDER_FULFILLMENT_DATA", "text/xml; charset=UTF-8 ", b"<a/>"),
        // Says UTF-8, is not.
        (
            "POST_ORDER_FULFILLMENT_DATA",
            "text/xml; charset=UTF-8",
            b"<a>M\xfcller</a>",
        ),
        // Not a content type at all.
        ("POST_ORDER_FULFILLMENT_DATA", "xml", b"<a/>"),
    ];
    for (feed_type, ct, body) in cases {
        let err = submit_feed(&client, feed_type, ct, body.to_vec())
            .marketplace_ids(["ATVPDKIKX0DER"])
            .documents(Documents::with_http(storage.clone()))
            .send()
            .await
            .unwrap_err();
        match &err {
            Error::InvalidInput { field, reason } => {
                assert!(field == "content_type" || field == "body", "{field}");
                assert!(!reason.is_empty());
            }
            other => panic!("{ct:?}: expected InvalidInput, got {other}"),
        }
    }
    assert!(
        api.requests.lock().unwrap().is_empty(),
        "nothing may be sent for a refused upload"
    );
    assert!(storage.puts.lock().unwrap().is_empty());
}

#[tokio::test]
async fn submit_feed_puts_exactly_the_declared_content_type() {
    let api = Arc::new(FeedApi::default());
    let clock = ManualClock::new(start());
    let client = client_over(api.clone(), &clock);
    let storage = FakeStorage::serving(Vec::new(), 1, vec![]);
    let ct = "application/json; charset=UTF-8";
    let feed = br#"{"header":{"sellerId":"A1","version":"2.0"},"messages":[]}"#.to_vec();
    let submitted = submit_feed(&client, "JSON_LISTINGS_FEED", ct, feed.clone())
        .marketplace_ids(["ATVPDKIKX0DER"])
        .documents(Documents::with_http(storage.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.feed_id, "FEED-77");
    assert_eq!(submitted.feed_document_id, "amzn1.tortuga.4.na.doc1");
    let reqs = api.requests.lock().unwrap().clone();
    assert_eq!(reqs.len(), 2);
    let doc_body: serde_json::Value = serde_json::from_slice(reqs[0].body.as_ref().unwrap()).unwrap();
    assert_eq!(doc_body, serde_json::json!({ "contentType": ct }));
    let feed_body: serde_json::Value = serde_json::from_slice(reqs[1].body.as_ref().unwrap()).unwrap();
    assert_eq!(
        feed_body,
        serde_json::json!({"feedType": "JSON_LISTINGS_FEED", "marketplaceIds": ["ATVPDKIKX0DER"], "inputFeedDocumentId": "amzn1.tortuga.4.na.doc1"})
    );
    let puts = storage.puts.lock().unwrap();
    assert_eq!(puts.len(), 1);
    assert_eq!(puts[0].0.get("content-type").unwrap().as_bytes(), ct.as_bytes());
    assert!(puts[0].0.get("x-amz-access-token").is_none());
    assert_eq!(puts[0].1, feed);
}

#[tokio::test]
async fn streamed_upload_carries_its_length() {
    let storage = FakeStorage::serving(Vec::new(), 1, vec![]);
    let docs = Documents::with_http(storage.clone());
    let pieces: Vec<Result<Bytes, TransportError>> =
        vec![Ok(Bytes::from_static(b"<a>")), Ok(Bytes::from_static(b"</a>"))];
    let body = UploadBody::Stream {
        stream: futures::stream::iter(pieces).boxed(),
        length: 7,
    };
    docs.upload("https://s3.test/up", "text/xml; charset=UTF-8", body)
        .await
        .unwrap();
    assert_eq!(storage.puts.lock().unwrap()[0].1, b"<a></a>");
}

#[tokio::test]
async fn expired_url_names_what_to_do() {
    let storage = Arc::new(FakeStorage {
        body: b"<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>".to_vec(),
        piece: 100,
        status: 403,
        ..FakeStorage::default()
    });
    let docs = Documents::with_http(storage);
    let err = docs.download("https://s3.test/old").await.unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("AccessDenied") && text.contains("ask Amazon for the document again"),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------------
// Report: create, poll, download on virtual time against a loopback server.
// ---------------------------------------------------------------------------------------------------

#[derive(Default)]
struct Srv {
    base: Mutex<String>,
    polls: AtomicUsize,
    done_after: usize,
    log: Mutex<Vec<(String, HeaderMap)>>,
}

async fn handler(
    axum::extract::State(srv): axum::extract::State<Arc<Srv>>,
    method: http::Method,
    uri: http::Uri,
    headers: HeaderMap,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = uri.path().to_owned();
    srv.log
        .lock()
        .unwrap()
        .push((format!("{method} {path}"), headers));
    let json = |v: serde_json::Value| ([("content-type", "application/json")], v.to_string()).into_response();
    match (method.as_str(), path.as_str()) {
        ("POST", "/auth/o2/token") => {
            json(serde_json::json!({"access_token": "Atza|loop", "token_type": "bearer", "expires_in": 3600}))
        }
        ("POST", "/reports/2021-06-30/reports") => (
            StatusCode::ACCEPTED,
            [("content-type", "application/json")],
            r#"{"reportId":"R-1"}"#,
        )
            .into_response(),
        ("GET", "/reports/2021-06-30/reports/R-1") => {
            let n = srv.polls.fetch_add(1, Ordering::SeqCst) + 1;
            let status = if n >= srv.done_after {
                "DONE"
            } else if n == 1 {
                "IN_QUEUE"
            } else {
                "IN_PROGRESS"
            };
            json(serde_json::json!({
                "reportId": "R-1", "reportType": "GET_MERCHANT_LISTINGS_ALL_DATA",
                "createdTime": "2026-11-27T12:00:00Z", "processingStatus": status,
                "reportDocumentId": if status == "DONE" { Some("DOC-1") } else { None },
                "marketplaceIds": ["A1VC38T7YXB528"]
            }))
        }
        ("GET", "/reports/2021-06-30/documents/DOC-1") => {
            let base = srv.base.lock().unwrap().clone();
            json(
                serde_json::json!({"reportDocumentId": "DOC-1", "url": format!("{base}/s3/DOC-1?X-Amz-Signature=x"), "compressionAlgorithm": "GZIP"}),
            )
        }
        ("GET", "/s3/DOC-1") => {
            let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("商品名\t在庫\nお茶\t5\n");
            (
                [("content-type", "text/tab-separated-values;charset=Windows-31J")],
                gzip(&sjis),
            )
                .into_response()
        }
        _ => (StatusCode::NOT_FOUND, "{}").into_response(),
    }
}

async fn loopback(done_after: usize) -> (Arc<Srv>, Url) {
    let srv = Arc::new(Srv {
        done_after,
        ..Srv::default()
    });
    let app = axum::Router::new().fallback(handler).with_state(srv.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    *srv.base.lock().unwrap() = base.clone();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (srv, Url::parse(&base).unwrap())
}

fn loop_client(base: &Url, clock: &ManualClock) -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            "amzn1.application-oa2-client.t",
            "secret",
            "Atzr|refresh",
        ))
        .endpoint(base.clone())
        .lwa_endpoint(base.join("/auth/o2/token").unwrap())
        .clock(Arc::new(clock.clone()))
        .sleeper(Arc::new(clock.clone()))
        .build()
        .unwrap()
}

#[tokio::test]
async fn report_is_created_polled_with_backoff_and_downloaded_on_virtual_time() {
    let (srv, base) = loopback(4).await;
    let clock = ManualClock::new(start());
    let client = loop_client(&base, &clock);
    let create = CreateReport::new(&client)
        .report_type("GET_MERCHANT_LISTINGS_ALL_DATA")
        .marketplace_ids(["A1VC38T7YXB528"]);
    let outcome = ReportJob::new(&client, create)
        .first_wait(Duration::from_secs(5))
        .max_wait(Duration::from_secs(15))
        .documents(Documents::from_reqwest(reqwest::Client::new()))
        .run()
        .await
        .unwrap();
    let ReportOutcome::Done {
        report,
        document,
        reader,
    } = outcome
    else {
        panic!("not done")
    };
    assert_eq!(report.report_id.unwrap(), "R-1");
    assert_eq!(document.report_document_id.clone().unwrap(), "DOC-1");
    assert_eq!(
        reader.into_text().read_to_string(1 << 20).await.unwrap(),
        "商品名\t在庫\nお茶\t5\n"
    );
    assert_eq!(srv.polls.load(Ordering::SeqCst), 4);
    // Backoff: 5 s, then doubling, capped at 15 s; all of it virtual.
    let waits: Vec<Duration> = clock
        .sleeps()
        .into_iter()
        .filter(|d| *d >= Duration::from_secs(1))
        .collect();
    assert_eq!(waits, [5, 10, 15, 15].map(Duration::from_secs));
    let log = srv.log.lock().unwrap();
    let (_, doc_headers) = log.iter().find(|(l, _)| l == "GET /s3/DOC-1").unwrap();
    assert!(doc_headers.get("x-amz-access-token").is_none());
    assert_eq!(doc_headers.get("accept-encoding").unwrap(), "identity");
    let (_, api_headers) = log
        .iter()
        .find(|(l, _)| l.starts_with("GET /reports/2021-06-30/reports/"))
        .unwrap();
    assert!(api_headers.get("x-amz-access-token").is_some());
}

#[tokio::test]
async fn report_that_never_finishes_ends_at_the_deadline() {
    let (srv, base) = loopback(usize::MAX).await;
    let clock = ManualClock::new(start());
    let client = loop_client(&base, &clock);
    let err = ReportJob::existing(&client, "R-1")
        .first_wait(Duration::from_secs(10))
        .max_wait(Duration::from_secs(60))
        .deadline(Duration::from_secs(300))
        .documents(Documents::from_reqwest(reqwest::Client::new()))
        .run()
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err}");
    // 10 + 20 + 40 + 60 + 60 + 60 = 250, then the last wait is cut to the 50 s that remain.
    assert_eq!(srv.polls.load(Ordering::SeqCst), 7);
    assert!(clock.total_slept() >= Duration::from_secs(300));
    assert!(
        clock.total_slept() < Duration::from_secs(302),
        "{:?}",
        clock.total_slept()
    );
}

#[tokio::test]
async fn documents_can_go_through_the_clients_own_transport() {
    let api = Arc::new(FeedApi::default());
    let clock = ManualClock::new(start());
    let client = client_over(api.clone(), &clock);
    let docs = Documents::over_transport(&client);
    let text = docs
        .download("https://s3.test/any")
        .await
        .unwrap()
        .into_text()
        .read_to_string(1024)
        .await
        .unwrap();
    assert_eq!(text, r#"{"feedId":"FEED-77"}"#);
    let reqs = api.requests.lock().unwrap();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].headers.get("accept-encoding").unwrap(), "identity");
    assert!(reqs[0].headers.get("x-amz-access-token").is_none());
}
