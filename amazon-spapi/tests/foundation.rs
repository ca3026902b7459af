//! Foundation tests: marketplaces, consent URLs, LWA, the token cache, the rate limiter on virtual time,
//! and the client end to end against a loopback server (retries, token refresh, RDT, query encoding,
//! error mapping), plus the secrets test.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use amazon_spapi::auth::{
    AccessToken, AuthorizationCallback, ConsentRequest, LwaClient, LwaCredentials, MemoryTokenCache,
    SecretString, TokenCache, TokenKey, TokenProvider,
};
use amazon_spapi::client::{Environment, SpApiClient};
use amazon_spapi::clock::{Clock, ManualClock};
use amazon_spapi::error::{Error, LwaError, TransportError, TransportErrorKind};
use amazon_spapi::limiter::{RateLimiter, TokenBucketLimiter};
use amazon_spapi::marketplace::Marketplace;
use amazon_spapi::operation::{ApiRequest, Operation, Restriction, UsagePlan};
use amazon_spapi::region::Region;
use amazon_spapi::retry::{FixedJitter, RetryPolicy};
use amazon_spapi::transport::{HttpRequest, HttpResponse, Transport};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use url::Url;

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

// ---------------------------------------------------------------------------------------------------------
// Marketplaces and regions

#[test]
fn marketplace_table_matches_reference_file() {
    let path = ["../../shared", "../shared", "/work/shared"]
        .iter()
        .map(|p| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(p)
                .join("reference/marketplaces.tsv")
        })
        .find(|p| p.exists())
        .expect("marketplaces.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 23);
    assert_eq!(Marketplace::ALL.len(), rows.len());
    for r in &rows {
        let (code, country, id, region, endpoint, aws, currency) = (r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
        let m = Marketplace::by_id(id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(m.code, code);
        assert_eq!(m.country, country);
        assert_eq!(m.currency, currency);
        assert_eq!(m.region.code(), region);
        assert_eq!(m.region.production_endpoint(), endpoint);
        assert_eq!(m.region.aws_region(), aws);
        assert_eq!(Marketplace::by_country_code(code).unwrap().id, id);
        assert!(m.seller_central.starts_with("https://sellercentral"));
    }
    assert_eq!(
        Marketplace::by_country_code("GB").unwrap().country,
        "United Kingdom"
    );
    assert_eq!(
        Marketplace::by_country_code("uk").unwrap().country,
        "United Kingdom"
    );
    assert!(Marketplace::by_country_code("XX").is_none());
    assert_eq!(
        Region::Europe.sandbox_endpoint(),
        "https://sandbox.sellingpartnerapi-eu.amazon.com"
    );
}

// ---------------------------------------------------------------------------------------------------------
// Consent URL and redirect

#[test]
fn consent_urls_per_region_and_marketplace() {
    let req = ConsentRequest::new("amzn1.sp.solution.abc", "st/ate+1");
    let na = req.url_for_region(Region::NorthAmerica).unwrap();
    assert_eq!(
        na.as_str(),
        "https://sellercentral.amazon.com/apps/authorize/consent?application_id=amzn1.sp.solution.abc&state=st%2Fate%2B1"
    );
    let fe = req.clone().beta(true).url_for_region(Region::FarEast).unwrap();
    assert!(fe
        .as_str()
        .starts_with("https://sellercentral.amazon.co.jp/apps/authorize/consent?"));
    assert!(fe.as_str().ends_with("&version=beta"));
    let de = req.url_for_marketplace(&Marketplace::DE).unwrap();
    assert_eq!(de.host_str(), Some("sellercentral-europe.amazon.com"));
    assert!(matches!(
        ConsentRequest::new("", "s").url_for_region(Region::Europe),
        Err(Error::InvalidInput { ref field, .. }) if field == "application_id"
    ));
    assert!(ConsentRequest::new("a", " ")
        .url_for_region(Region::Europe)
        .is_err());

    let back =
        Url::parse("https://app.example/cb?state=xyz&selling_partner_id=A3SELLER&spapi_oauth_code=RHxCODE")
            .unwrap();
    let cb = AuthorizationCallback::from_redirect(&back, "xyz").unwrap();
    assert_eq!(cb.selling_partner_id, "A3SELLER");
    assert_eq!(cb.spapi_oauth_code.expose(), "RHxCODE");
    assert!(!format!("{cb:?}").contains("RHxCODE"));
    let err = AuthorizationCallback::from_redirect(&back, "other").unwrap_err();
    assert!(err.to_string().contains("state"));
}

// ---------------------------------------------------------------------------------------------------------
// A scripted in-process transport (for LWA and cache tests)

#[derive(Debug, Default)]
struct ScriptTransport {
    calls: AtomicUsize,
    bodies: Mutex<Vec<String>>,
    /// (status, body) answered in order; the last one repeats.
    script: Mutex<VecDeque<(u16, String)>>,
    delay: Option<Duration>,
    hang: bool,
}

#[async_trait::async_trait]
impl Transport for ScriptTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        self.bodies
            .lock()
            .unwrap()
            .push(String::from_utf8_lossy(request.body.as_deref().unwrap_or(b"")).into_owned());
        if self.hang {
            std::future::pending::<()>().await;
        }
        if let Some(d) = self.delay {
            tokio::time::sleep(d).await;
        }
        let (status, body) = {
            let mut s = self.script.lock().unwrap();
            if s.len() > 1 {
                s.pop_front().unwrap()
            } else {
                s.front().cloned().unwrap_or((
                    200,
                    format!(r#"{{"access_token":"Atza|tok-{n}","token_type":"bearer","expires_in":3600}}"#),
                ))
            }
        };
        Ok(HttpResponse {
            status: StatusCode::from_u16(status).unwrap(),
            headers: HeaderMap::new(),
            body: Bytes::from(body),
        })
    }
}

fn lwa_with(transport: Arc<ScriptTransport>, clock: &ManualClock) -> LwaClient {
    LwaClient::new(
        transport,
        Arc::new(clock.clone()),
        Url::parse("https://lwa.invalid/auth/o2/token").unwrap(),
    )
}

fn creds() -> LwaCredentials {
    LwaCredentials::new(
        "amzn1.application-oa2-client.test",
        "cs-SECRET-123",
        "Atzr|REFRESH-456",
    )
}

#[tokio::test]
async fn lwa_grants_and_errors() {
    let clock = ManualClock::new(t0());
    let tr = Arc::new(ScriptTransport::default());
    let lwa = lwa_with(tr.clone(), &clock);
    let t = lwa.refresh_access_token(&creds()).await.unwrap();
    assert_eq!(t.token.expose(), "Atza|tok-1");
    assert_eq!(t.expires_at, t0() + chrono::Duration::seconds(3600));
    let body = tr.bodies.lock().unwrap()[0].clone();
    assert!(body.contains("grant_type=refresh_token"));
    assert!(body.contains("refresh_token=Atzr%7CREFRESH-456"));
    assert!(body.contains("client_secret=cs-SECRET-123"));

    let t = lwa
        .client_credentials(
            "cid",
            &SecretString::new("sec"),
            &[amazon_spapi::auth::SCOPE_NOTIFICATIONS],
        )
        .await
        .unwrap();
    assert_eq!(t.token.expose(), "Atza|tok-2");
    assert!(tr.bodies.lock().unwrap()[1]
        .contains("grant_type=client_credentials&scope=sellingpartnerapi%3A%3Anotifications"));

    tr.script.lock().unwrap().push_back((
        200,
        r#"{"access_token":"Atza|a","refresh_token":"Atzr|new","token_type":"bearer","expires_in":"3600"}"#
            .into(),
    ));
    let g = lwa
        .exchange_authorization_code(
            "cid",
            &SecretString::new("sec"),
            &SecretString::new("RHxCODE"),
            Some("https://app/cb"),
        )
        .await
        .unwrap();
    assert_eq!(g.refresh_token.expose(), "Atzr|new");
    assert!(tr.bodies.lock().unwrap()[2].contains("grant_type=authorization_code&code=RHxCODE"));

    for (status, body, check) in [
        (
            400,
            r#"{"error":"invalid_grant","error_description":"The request has an invalid grant parameter : refresh_token"}"#,
            "invalid_grant",
        ),
        (
            401,
            r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#,
            "invalid_client",
        ),
        (500, r#"{"error":"server_error"}"#, "server_error"),
        (200, r#"{"nope":1}"#, "decode"),
    ] {
        *tr.script.lock().unwrap() = VecDeque::from([(status, body.to_owned())]);
        let e = lwa.refresh_access_token(&creds()).await.unwrap_err();
        match (check, &e) {
            ("invalid_grant", LwaError::InvalidGrant { .. }) => {
                assert!(e.to_string().contains("send them through authorization again"));
                assert!(!e.is_retryable());
            }
            ("invalid_client", LwaError::InvalidClient { .. }) => assert!(e.to_string().contains("180 days")),
            ("server_error", LwaError::Rejected { status: 500, .. }) => assert!(e.is_retryable()),
            ("decode", LwaError::Decode { .. }) => {}
            _ => panic!("{check}: unexpected {e:?}"),
        }
    }
}

#[tokio::test(start_paused = true)]
async fn lwa_token_call_times_out() {
    let clock = ManualClock::new(t0());
    let tr = Arc::new(ScriptTransport {
        hang: true,
        ..Default::default()
    });
    let lwa = lwa_with(tr, &clock).with_timeout(Duration::from_secs(5));
    let e = lwa.refresh_access_token(&creds()).await.unwrap_err();
    assert!(
        matches!(e, LwaError::Timeout { after } if after == Duration::from_secs(5)),
        "{e:?}"
    );
    assert!(e.is_retryable());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hundred_concurrent_callers_with_expired_token_cause_one_request() {
    let clock = ManualClock::new(t0());
    let tr = Arc::new(ScriptTransport {
        delay: Some(Duration::from_millis(50)),
        ..Default::default()
    });
    let cache = Arc::new(MemoryTokenCache::new());
    let c = creds();
    let key = TokenKey::for_refresh_token(&c.client_id, c.refresh_token.as_ref().unwrap());
    // An expired token sits in the cache.
    cache
        .put(
            &key,
            AccessToken {
                token: SecretString::new("Atza|old"),
                expires_at: t0() - chrono::Duration::seconds(1),
            },
        )
        .await;
    let provider = Arc::new(TokenProvider::new(
        lwa_with(tr.clone(), &clock),
        cache.clone(),
        Arc::new(clock.clone()),
    ));
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let (p, k, c) = (provider.clone(), key.clone(), c.clone());
        tasks.push(tokio::spawn(async move {
            p.access_token(&k, &c).await.unwrap().token.expose().to_owned()
        }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), "Atza|tok-1");
    }
    assert_eq!(tr.calls.load(Ordering::SeqCst), 1, "exactly one token request");

    // Refreshed 60 s before expiry: at 3541 s the token is stale.
    clock.advance(Duration::from_secs(3539));
    assert_eq!(
        provider.access_token(&key, &c).await.unwrap().token.expose(),
        "Atza|tok-1"
    );
    clock.advance(Duration::from_secs(2));
    assert_eq!(
        provider.access_token(&key, &c).await.unwrap().token.expose(),
        "Atza|tok-2"
    );
    assert_eq!(tr.calls.load(Ordering::SeqCst), 2);
    // The key never holds the refresh token.
    assert!(!key.as_str().contains("REFRESH"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_share_one_failed_token_request() {
    let clock = ManualClock::new(t0());
    let tr = Arc::new(ScriptTransport {
        delay: Some(Duration::from_millis(50)),
        ..Default::default()
    });
    tr.script.lock().unwrap().push_back((
        400,
        r#"{"error":"invalid_grant","error_description":"revoked"}"#.into(),
    ));
    let provider = Arc::new(TokenProvider::new(
        lwa_with(tr.clone(), &clock),
        Arc::new(MemoryTokenCache::new()),
        Arc::new(clock.clone()),
    ));
    let c = creds();
    let key = TokenKey::for_refresh_token(&c.client_id, c.refresh_token.as_ref().unwrap());
    let mut tasks = Vec::new();
    for _ in 0..100 {
        let (p, k, c) = (provider.clone(), key.clone(), c.clone());
        tasks.push(tokio::spawn(async move { p.access_token(&k, &c).await }));
    }
    for t in tasks {
        assert!(matches!(t.await.unwrap(), Err(LwaError::InvalidGrant { .. })));
    }
    let calls = tr.calls.load(Ordering::SeqCst);
    // Callers that arrived after the failed request finished may ask again; those that waited for it don't.
    assert!(calls < 10, "{calls} token requests for 100 callers");
    // A later caller asks again (the seller may have re-authorized).
    *tr.script.lock().unwrap() = VecDeque::new();
    assert!(provider.access_token(&key, &c).await.is_ok());
}

// ---------------------------------------------------------------------------------------------------------
// Rate limiter on virtual time

#[tokio::test]
async fn hundred_calls_at_rate_2_burst_5_take_47_5_seconds() {
    let clock = ManualClock::new(t0());
    let limiter = TokenBucketLimiter::new(Arc::new(clock.clone()), Arc::new(clock.clone()));
    let plan = UsagePlan::new(2.0, 5);
    for _ in 0..100 {
        limiter.acquire("seller/orders/v0/getOrder", plan).await.unwrap();
    }
    let secs = clock.monotonic().as_secs_f64();
    assert!(
        (secs - 47.5).abs() <= 47.5 * 0.01,
        "took {secs} s of virtual time"
    );
    // The first five went at once.
    assert_eq!(clock.sleeps().len(), 95);
}

#[tokio::test]
async fn throttling_empties_the_bucket_and_header_rate_is_adopted() {
    let clock = ManualClock::new(t0());
    let limiter = TokenBucketLimiter::new(Arc::new(clock.clone()), Arc::new(clock.clone()));
    let plan = UsagePlan::new(0.5, 30);
    limiter.acquire("k", plan).await.unwrap();
    assert_eq!(clock.total_slept(), Duration::ZERO);
    limiter.throttled("k", plan);
    limiter.acquire("k", plan).await.unwrap();
    assert_eq!(
        clock.total_slept(),
        Duration::from_secs(2),
        "after a 429 the next call waits 1/rate"
    );

    // A sane header rate is adopted; an absurd one is ignored.
    limiter.observe_rate("k", plan, 5.0);
    assert_eq!(limiter.rate("k", plan), 5.0);
    limiter.observe_rate("k", plan, 1.0e9);
    limiter.observe_rate("k", plan, -3.0);
    limiter.observe_rate("k", plan, f64::NAN);
    assert_eq!(limiter.rate("k", plan), 5.0);
    limiter.throttled("k", plan);
    limiter.acquire("k", plan).await.unwrap();
    assert_eq!(clock.total_slept(), Duration::from_millis(2200));

    // Separate keys have separate buckets.
    limiter.acquire("other", plan).await.unwrap();
    assert_eq!(clock.total_slept(), Duration::from_millis(2200));
}

#[tokio::test]
async fn limiter_returns_typed_error_past_max_wait() {
    let clock = ManualClock::new(t0());
    let limiter = TokenBucketLimiter::new(Arc::new(clock.clone()), Arc::new(clock.clone()))
        .with_max_wait(Duration::from_secs(30));
    let plan = UsagePlan::new(0.0167, 1); // getOrders-like: one a minute
    limiter.acquire("k", plan).await.unwrap();
    let e = limiter.acquire("k", plan).await.unwrap_err();
    match &e {
        Error::RateLimitWait { wait, max_wait, .. } => {
            assert!(*wait > Duration::from_secs(59) && *wait < Duration::from_secs(61));
            assert_eq!(*max_wait, Duration::from_secs(30));
        }
        other => panic!("{other:?}"),
    }
    assert!(e.is_retryable());
    assert_eq!(
        clock.total_slept(),
        Duration::ZERO,
        "nothing waited, nothing taken"
    );
    // An MWS-style quota with an arbitrary key works the same way.
    let mws = UsagePlan::new(1.0 / 60.0, 6);
    for _ in 0..6 {
        limiter.acquire("mws/A1/ListOrders", mws).await.unwrap();
    }
    assert!(limiter.acquire("mws/A1/ListOrders", mws).await.is_err());
}

// ---------------------------------------------------------------------------------------------------------
// Loopback SP-API + LWA server

/// A scripted answer: status, body, extra headers.
type Scripted = (u16, String, Vec<(&'static str, String)>);

#[derive(Default)]
struct Srv {
    lwa_calls: AtomicUsize,
    api_calls: AtomicUsize,
    /// Scripted API answers: (status, body, extra headers); empty means 200 with a payload.
    script: Mutex<VecDeque<Scripted>>,
    seen_tokens: Mutex<Vec<String>>,
    seen_queries: Mutex<Vec<String>>,
    lwa_answer: Mutex<Option<(u16, String)>>,
}

async fn handler(
    State(s): State<Arc<Srv>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if uri.path() == "/auth/o2/token" {
        let n = s.lwa_calls.fetch_add(1, Ordering::SeqCst) + 1;
        assert_eq!(method, Method::POST);
        let form = String::from_utf8_lossy(&body).into_owned();
        assert!(form.contains("client_secret="));
        if let Some((st, b)) = s.lwa_answer.lock().unwrap().clone() {
            return (StatusCode::from_u16(st).unwrap(), b).into_response();
        }
        let b =
            format!(r#"{{"access_token":"Atza|ACCESS-secret-{n}","token_type":"bearer","expires_in":3600}}"#);
        return (StatusCode::OK, [("content-type", "application/json")], b).into_response();
    }
    let n = s.api_calls.fetch_add(1, Ordering::SeqCst) + 1;
    s.seen_tokens.lock().unwrap().push(
        headers
            .get("x-amz-access-token")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default(),
    );
    s.seen_queries
        .lock()
        .unwrap()
        .push(uri.query().unwrap_or("").to_owned());
    let next = s.script.lock().unwrap().pop_front();
    let (status, body, extra) = next.unwrap_or((200, r#"{"payload":{"ok":true}}"#.to_owned(), vec![]));
    let mut resp = (StatusCode::from_u16(status).unwrap(), body).into_response();
    let h = resp.headers_mut();
    h.insert("x-amzn-RequestId", format!("req-{n}").parse().unwrap());
    h.insert("content-type", "application/json".parse().unwrap());
    for (k, v) in extra {
        h.insert(k, v.parse().unwrap());
    }
    resp
}

async fn serve() -> (Arc<Srv>, Url) {
    let state = Arc::new(Srv::default());
    let app = axum::Router::new().fallback(handler).with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (state, Url::parse(&format!("http://{addr}/")).unwrap())
}

fn client(base: &Url, clock: &ManualClock, c: LwaCredentials) -> SpApiClient {
    SpApiClient::builder()
        .credentials(c)
        .region(Region::Europe)
        .endpoint(base.clone())
        .lwa_endpoint(base.join("/auth/o2/token").unwrap())
        .clock(Arc::new(clock.clone()))
        .sleeper(Arc::new(clock.clone()))
        .jitter(Arc::new(FixedJitter(1.0)))
        .build()
        .unwrap()
}

static GET_THING: Operation = Operation {
    api: "test",
    version: "v0",
    name: "getThing",
    method: Method::GET,
    path: "/test/v0/things/{id}",
    usage_plan: UsagePlan {
        rate: 100.0,
        burst: 100,
    },
    restriction: Restriction::None,
    idempotent: true,
};

static CREATE_THING: Operation = Operation {
    api: "test",
    version: "v0",
    name: "createThing",
    method: Method::POST,
    path: "/test/v0/things",
    usage_plan: UsagePlan {
        rate: 100.0,
        burst: 100,
    },
    restriction: Restriction::None,
    idempotent: false,
};

fn expired_403() -> Scripted {
    (
        403,
        r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is denied.","details":"The access token you provided has expired."}]}"#.into(),
        vec![],
    )
}

fn quota_429() -> Scripted {
    (429, r#"{"errors":[{"code":"QuotaExceeded","message":"You exceeded your quota for the requested resource."}]}"#.into(), vec![("x-amzn-RateLimit-Limit", "0.5".into())])
}

fn internal_500() -> Scripted {
    (500, r#"{"errors":[{"code":"InternalFailure","message":"We encountered an internal error. Please try again."}]}"#.into(), vec![])
}

#[tokio::test]
async fn client_sends_token_encodes_query_and_captures_headers() {
    let (srv, base) = serve().await;
    let clock = ManualClock::new(t0());
    let c = client(&base, &clock, creds());
    assert_eq!(c.region(), Region::Europe);
    assert!(matches!(c.environment(), Environment::Custom(_)));
    assert!(c.seller_key().starts_with("rt-") && !c.seller_key().contains("REFRESH"));
    srv.script
        .lock()
        .unwrap()
        .push_back((200, "{}".into(), vec![("x-amzn-RateLimit-Limit", "2.0".into())]));
    let req = ApiRequest::new("/test/v0/things/1")
        .query("NextToken", "ab+c/d==")
        .query("Marketplace Ids", "A1,B2");
    let r = c.send(&GET_THING, req).await.unwrap();
    assert_eq!(r.request_id.as_deref(), Some("req-1"));
    assert_eq!(r.rate_limit, Some(2.0));
    assert_eq!(r.attempts, 1);
    assert_eq!(
        srv.seen_queries.lock().unwrap()[0],
        "NextToken=ab%2Bc%2Fd%3D%3D&Marketplace%20Ids=A1%2CB2"
    );
    assert_eq!(srv.seen_tokens.lock().unwrap()[0], "Atza|ACCESS-secret-1");

    // A second call reuses the cached token.
    c.send(&GET_THING, ApiRequest::new("/test/v0/things/2"))
        .await
        .unwrap();
    assert_eq!(srv.lwa_calls.load(Ordering::SeqCst), 1);

    // An explicit RDT replaces the access token.
    let mut req = ApiRequest::new("/test/v0/things/3");
    req.explicit_rdt = Some(SecretString::new("Atz.sprdt|RDT"));
    c.send(&GET_THING, req).await.unwrap();
    assert_eq!(srv.seen_tokens.lock().unwrap()[2], "Atz.sprdt|RDT");

    // A path without a leading slash is rejected before sending.
    assert!(matches!(
        c.send(&GET_THING, ApiRequest::new("x")).await,
        Err(Error::InvalidInput { .. })
    ));
}

#[tokio::test]
async fn client_retries_throttling_and_server_errors_and_refreshes_expired_tokens() {
    let (srv, base) = serve().await;
    let clock = ManualClock::new(t0());
    let c = client(&base, &clock, creds());
    srv.script
        .lock()
        .unwrap()
        .extend([expired_403(), quota_429(), internal_500()]);
    let r = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap();
    assert_eq!(r.attempts, 4);
    assert_eq!(
        srv.lwa_calls.load(Ordering::SeqCst),
        2,
        "one refresh after the expired token"
    );
    let toks = srv.seen_tokens.lock().unwrap().clone();
    assert_eq!(
        toks,
        [
            "Atza|ACCESS-secret-1",
            "Atza|ACCESS-secret-2",
            "Atza|ACCESS-secret-2",
            "Atza|ACCESS-secret-2"
        ]
    );
    // Backoff with jitter 1.0: 1 s after attempt 2 (the 429), 2 s after attempt 3 (the 500); the 429 also
    // emptied the bucket and the header rate 0.5/s was adopted, so the limiter waited 2 s.
    let sleeps = clock.sleeps();
    assert!(sleeps.contains(&Duration::from_secs(1)), "{sleeps:?}");
    assert!(sleeps.contains(&Duration::from_secs(2)), "{sleeps:?}");

    // A token that is still "expired" after the refresh stops with the API error.
    srv.script.lock().unwrap().extend([expired_403(), expired_403()]);
    let e = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(StatusCode::FORBIDDEN));
    assert_eq!(e.amazon_code(), Some("Unauthorized"));
    assert!(!e.is_retryable());
}

#[tokio::test]
async fn client_maps_final_errors() {
    let (srv, base) = serve().await;
    let clock = ManualClock::new(t0());
    let c = SpApiClient::builder()
        .credentials(creds())
        .endpoint(base.clone())
        .lwa_endpoint(base.join("/auth/o2/token").unwrap())
        .clock(Arc::new(clock.clone()))
        .sleeper(Arc::new(clock.clone()))
        .jitter(Arc::new(FixedJitter(0.5)))
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            ..RetryPolicy::default()
        })
        .selling_partner_id("A3SELLER")
        .build()
        .unwrap();
    assert_eq!(c.seller_key(), "A3SELLER");

    // 400: no retry, Amazon's errors kept.
    srv.script.lock().unwrap().push_back((
        400,
        r#"{"errors":[{"code":"InvalidInput","message":"Invalid CreatedAfter","details":"must be ISO 8601"}]}"#.into(),
        vec![],
    ));
    let e = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    let Error::Api(api) = &e else { panic!("{e:?}") };
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    assert_eq!(api.errors[0].code, "InvalidInput");
    assert_eq!(api.errors[0].details.as_deref(), Some("must be ISO 8601"));
    assert_eq!(api.request_id.as_deref(), Some("req-1"));
    assert_eq!(api.attempts, 1);
    assert!(!e.is_retryable());

    // Three 429s: throttled after 3 attempts.
    srv.script
        .lock()
        .unwrap()
        .extend([quota_429(), quota_429(), quota_429()]);
    let e = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Throttled { attempts: 3, .. }), "{e:?}");
    assert!(e.is_retryable());

    // 429 then 403 "forbidden" (sustained throttling) then 200: treated as throttling and retried.
    srv.script.lock().unwrap().extend([
        quota_429(),
        (
            403,
            r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is forbidden"}]}"#
                .into(),
            vec![],
        ),
    ]);
    let r = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap();
    assert_eq!(r.attempts, 3);
    // ... and when it outlasts the retries it is reported as throttling, not as a permission problem.
    let forbidden = || -> Scripted {
        (
            403,
            r#"{"errors":[{"code":"Unauthorized","message":"Access to requested resource is forbidden"}]}"#
                .into(),
            vec![],
        )
    };
    srv.script
        .lock()
        .unwrap()
        .extend([quota_429(), forbidden(), forbidden()]);
    let e = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Throttled { attempts: 3, .. }), "{e:?}");
    // Amazon keeps answering 403 "forbidden" until the bucket has refilled, also on the first attempt of
    // the next call: right after a throttled call it is throttling too, and retried.
    srv.script.lock().unwrap().push_back(forbidden());
    let r = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap();
    assert_eq!(r.attempts, 2);
    // Once the bucket has had time to refill (burst 100 at 100/s: 1 s), without a 429 first, the same 403
    // is a permission error and is not retried.
    clock.advance(Duration::from_secs(5));
    srv.script.lock().unwrap().push_back(forbidden());
    let e = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Api(a) if a.status == StatusCode::FORBIDDEN && a.attempts == 1),
        "{e:?}"
    );

    // 500 on a non-idempotent operation: not retried.
    srv.script.lock().unwrap().push_back(internal_500());
    let e = c
        .send(
            &CREATE_THING,
            ApiRequest::new("/test/v0/things").json_body(Bytes::from_static(b"{}")),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, Error::Api(a) if a.attempts == 1 && a.status == StatusCode::INTERNAL_SERVER_ERROR),
        "{e:?}"
    );
    assert!(e.is_retryable());

    // A token endpoint answering 503 once is retried.
    *srv.lwa_answer.lock().unwrap() = Some((503, r#"{"error":"temporarily_unavailable"}"#.into()));
    let c3 = client(&base, &clock, LwaCredentials::new("cid", "sec", "Atzr|third"));
    let lwa_before = srv.lwa_calls.load(Ordering::SeqCst);
    let e = c3
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    assert!(
        matches!(e, Error::Auth(LwaError::Rejected { status: 503, .. })),
        "{e:?}"
    );
    assert!(e.is_retryable());
    assert_eq!(
        srv.lwa_calls.load(Ordering::SeqCst) - lwa_before,
        5,
        "retried up to max_attempts"
    );

    // invalid_grant from LWA surfaces as an auth error telling what to do.
    *srv.lwa_answer.lock().unwrap() = Some((
        400,
        r#"{"error":"invalid_grant","error_description":"revoked"}"#.into(),
    ));
    let c2 = client(&base, &clock, LwaCredentials::new("cid", "sec", "Atzr|other"));
    let e = c2
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Auth(LwaError::InvalidGrant { .. })), "{e:?}");
    assert!(e.to_string().contains("authorization again"));
}

#[tokio::test]
async fn connection_refused_is_a_transport_error() {
    let clock = ManualClock::new(t0());
    // Bind then drop a listener to get a port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let base = Url::parse(&format!("http://127.0.0.1:{port}/")).unwrap();
    let cache = Arc::new(MemoryTokenCache::new());
    let c = creds();
    let key = TokenKey::for_refresh_token(&c.client_id, c.refresh_token.as_ref().unwrap());
    cache
        .put(
            &key,
            AccessToken {
                token: SecretString::new("Atza|x"),
                expires_at: t0() + chrono::Duration::hours(1),
            },
        )
        .await;
    let client = SpApiClient::builder()
        .credentials(c)
        .endpoint(base)
        .clock(Arc::new(clock.clone()))
        .sleeper(Arc::new(clock.clone()))
        .token_cache(cache)
        .retry_policy(RetryPolicy {
            max_attempts: 2,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let e = client
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    match &e {
        Error::Transport { attempts, source, .. } => {
            assert_eq!(*attempts, 2);
            assert_eq!(source.kind, TransportErrorKind::Connect);
        }
        other => panic!("{other:?}"),
    }
    assert!(e.is_retryable());
}

// ---------------------------------------------------------------------------------------------------------
// Secrets never show up in logs, errors or Debug strings

#[derive(Clone, Default)]
struct Buf(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Buf {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn secrets_never_appear_in_logs_errors_or_debug() {
    let buf = Buf::default();
    let writer = buf.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::FULL)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    const CLIENT_SECRET: &str = "cs-SECRET-very-secret-123";
    const REFRESH: &str = "Atzr|REFRESH-secret-456";
    let (srv, base) = serve().await;
    let clock = ManualClock::new(t0());
    let c = client(
        &base,
        &clock,
        LwaCredentials::new("amzn1.application-oa2-client.x", CLIENT_SECRET, REFRESH),
    );
    let mut seen = Vec::<String>::new();
    seen.push(format!("{c:?}"));
    seen.push(format!("{:?}", creds()));

    // Expired token, 429, 500, success.
    srv.script
        .lock()
        .unwrap()
        .extend([expired_403(), quota_429(), internal_500()]);
    let r = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1").query("q", "1"))
        .await
        .unwrap();
    seen.push(format!("{r:?}"));
    // Final errors: 429s until the budget is spent, 500s, and an RDT request.
    srv.script
        .lock()
        .unwrap()
        .extend(std::iter::repeat_n(quota_429(), 5));
    let e = c
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    seen.push(format!("{e:?}"));
    seen.push(e.to_string());
    srv.script
        .lock()
        .unwrap()
        .extend(std::iter::repeat_n(internal_500(), 5));
    let mut req = ApiRequest::new("/test/v0/things/1");
    req.explicit_rdt = Some(SecretString::new("Atz.sprdt|RDT-secret-789"));
    seen.push(format!("{req:?}"));
    let e = c.send(&GET_THING, req).await.unwrap_err();
    seen.push(format!("{e:?}"));
    seen.push(e.to_string());
    // An LWA failure.
    *srv.lwa_answer.lock().unwrap() = Some((
        401,
        r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#.into(),
    ));
    let c2 = client(
        &base,
        &clock,
        LwaCredentials::new("cid", CLIENT_SECRET, "Atzr|REFRESH-other-000"),
    );
    let e = c2
        .send(&GET_THING, ApiRequest::new("/test/v0/things/1"))
        .await
        .unwrap_err();
    seen.push(format!("{e:?}"));
    seen.push(e.to_string());
    seen.push(format!("{c2:?}"));

    let logs = String::from_utf8(buf.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("spapi"), "the operation span was logged");
    assert!(logs.contains("test/v0/getThing"));
    seen.push(logs);
    let access_tokens: Vec<String> = srv.seen_tokens.lock().unwrap().clone();
    assert!(access_tokens.iter().any(|t| t.starts_with("Atza|ACCESS-secret")));
    let mut secrets = vec![
        CLIENT_SECRET.to_owned(),
        REFRESH.to_owned(),
        "REFRESH-secret".to_owned(),
        "ACCESS-secret".to_owned(),
        "RDT-secret".to_owned(),
        "REFRESH-other".to_owned(),
    ];
    secrets.extend(access_tokens);
    for s in &seen {
        for secret in &secrets {
            assert!(!s.contains(secret.as_str()), "secret {secret:?} leaked into: {s}");
        }
    }
}

#[test]
fn client_futures_are_send_and_client_is_cheap_to_share() {
    fn assert_send<T: Send>(_: &T) {}
    fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
    assert_send_sync::<SpApiClient>();
    let c = SpApiClient::builder().credentials(creds()).build().unwrap();
    let fut = c.send(&GET_THING, ApiRequest::new("/x"));
    assert_send(&fut);
    let fut = c.access_token();
    assert_send(&fut);
    // Missing credentials are a typed configuration error.
    assert!(matches!(
        SpApiClient::builder().build(),
        Err(Error::Config { .. })
    ));
    assert!(matches!(
        SpApiClient::builder()
            .credentials(LwaCredentials::new("cid", "", "rt"))
            .build(),
        Err(Error::Config { .. })
    ));
    // Production by default, NA by default.
    assert_eq!(
        c.environment().base_url(c.region()).as_str(),
        "https://sellingpartnerapi-na.amazon.com/"
    );
}
