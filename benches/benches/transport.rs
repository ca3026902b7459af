//! Criterion benchmark `transport`: one GET through the full SP-API client stack (token cache hit, rate
//! limiter with room, retry wrapper, reqwest transport) against the same GET with a bare `reqwest` client,
//! both to the same loopback axum server in the same process.
//!
//! Run: `cargo bench -p benches --bench transport`. The ratio full/bare is recorded in BENCHMARKS.md
//! (target ≤ 1.10).

use std::sync::Arc;
use std::time::Duration;

use amazon_spapi::auth::{AccessToken, LwaCredentials, MemoryTokenCache, SecretString, TokenCache, TokenKey};
use amazon_spapi::client::SpApiClient;
use amazon_spapi::clock::{Clock, SystemClock};
use amazon_spapi::operation::{ApiRequest, Operation, Restriction, UsagePlan};
use criterion::{criterion_group, criterion_main, Criterion};
use reqwest::Method;

/// An operation with a plan so high the limiter always has room.
static BENCH_GET: Operation = Operation {
    api: "bench",
    version: "v0",
    name: "getThing",
    method: Method::GET,
    path: "/bench/v0/things/{id}",
    usage_plan: UsagePlan {
        rate: 1.0e9,
        burst: 1_000_000_000,
    },
    restriction: Restriction::None,
    idempotent: true,
};

const BODY: &str = r#"{"payload":{"AmazonOrderId":"902-3159896-1390916","OrderStatus":"Unshipped","NumberOfItemsShipped":0}}"#;

fn start_server(rt: &tokio::runtime::Runtime) -> String {
    rt.block_on(async {
        let app = axum::Router::new().fallback(|| async {
            (
                [
                    ("content-type", "application/json"),
                    ("x-amzn-RequestId", "bench-request"),
                ],
                BODY,
            )
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
        format!("http://{addr}")
    })
}

fn transport(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let base = start_server(&rt);

    // Full stack, with the token already in the cache.
    let creds = LwaCredentials::new(
        "amzn1.application-oa2-client.bench",
        "secret",
        "Atzr|bench-refresh",
    );
    let key = TokenKey::for_refresh_token(
        &creds.client_id,
        creds.refresh_token.as_ref().expect("refresh token"),
    );
    let cache = Arc::new(MemoryTokenCache::new());
    let clock = SystemClock::new();
    rt.block_on(cache.put(
        &key,
        AccessToken {
            token: SecretString::new("Atza|bench-access"),
            expires_at: clock.now() + chrono::Duration::hours(10),
        },
    ));
    let client = SpApiClient::builder()
        .credentials(creds)
        .endpoint(amazon_spapi::client::Url::parse(&base).expect("url"))
        .token_cache(cache)
        .build()
        .expect("client");

    // Bare reqwest, configured like the SDK's transport.
    let bare = reqwest::Client::builder()
        .use_rustls_tls()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(60))
        .build()
        .expect("reqwest client");
    let bare_url = format!("{base}/bench/v0/things/902-3159896-1390916?MarketplaceIds=ATVPDKIKX0DER");

    let mut group = c.benchmark_group("transport");
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("bare_reqwest_get", |b| {
        b.to_async(&rt).iter(|| async {
            let r = bare
                .get(&bare_url)
                .header("x-amz-access-token", "Atza|bench-access")
                .header("accept", "application/json")
                .send()
                .await
                .expect("send");
            assert!(r.status().is_success());
            let body = r.bytes().await.expect("body");
            assert_eq!(body.len(), BODY.len());
        });
    });
    group.bench_function("full_stack_get", |b| {
        b.to_async(&rt).iter(|| async {
            let req = ApiRequest::new("/bench/v0/things/902-3159896-1390916")
                .query("MarketplaceIds", "ATVPDKIKX0DER");
            let r = client.send(&BENCH_GET, req).await.expect("send");
            assert_eq!(r.body.len(), BODY.len());
        });
    });
    group.finish();
}

criterion_group!(benches, transport);
criterion_main!(benches);
