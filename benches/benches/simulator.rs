//! Criterion benchmark `simulator`: how fast the local SP-API simulator answers on loopback with usage
//! plans off (the floor for client benchmarks that run against it).
//!
//! - `getOrders_page100`: one `getOrders` page of 100 orders (v0 JSON, about 150 KB), sequential;
//! - `getOrder`: one `getOrder`, sequential;
//! - `getOrder_8x8_concurrent`: 64 `getOrder` calls, 8 in flight at a time;
//! - `baseline_static_getOrder`: the same `reqwest` client against a bare axum server in the same process
//!   answering a fixed `getOrder` body of the same size (the in-process baseline).
//!
//! Run: `cargo bench -p benches --bench simulator`. Figures go to BENCHMARKS.md.

use std::time::Duration;

use amazon_spapi::sim::{SimConfig, SimHandle, Simulator};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const US: &str = "ATVPDKIKX0DER";
const SELLER: &str = "A1SIMUSSELLER1";

struct Setup {
    sim: SimHandle,
    http: reqwest::Client,
    token: String,
    created_after: String,
    order_id: String,
    baseline: String,
}

async fn setup() -> Setup {
    let sim = Simulator::start(SimConfig::new(1).frozen().without_limits())
        .await
        .expect("simulator");
    let http = reqwest::Client::new();
    let seller = sim.seller(SELLER).expect("seller");
    let r = http
        .post(sim.lwa_url())
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", seller.refresh_token.expose()),
            ("client_id", sim.client_id()),
            ("client_secret", sim.client_secret().expose()),
        ])
        .send()
        .await
        .expect("token");
    let v: serde_json::Value = serde_json::from_slice(&r.bytes().await.expect("body")).expect("json");
    let token = v["access_token"].as_str().expect("access token").to_owned();
    let created_after =
        (sim.now() - chrono::Duration::days(2)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let order_id = sim
        .orders(SELLER)
        .expect("orders")
        .into_iter()
        .find(|o| o.marketplace_id == US)
        .expect("an order")
        .order_id;
    // The baseline answers with the simulator's own getOrder body.
    let body = http
        .get(format!("{}/orders/v0/orders/{order_id}", sim.base_url()))
        .header("x-amz-access-token", &token)
        .send()
        .await
        .expect("getOrder")
        .bytes()
        .await
        .expect("body");
    let app = axum::Router::new().fallback(move || {
        let body = body.clone();
        async move {
            (
                [
                    ("content-type", "application/json"),
                    ("x-amzn-RequestId", "baseline"),
                ],
                body,
            )
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let baseline = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Setup {
        sim,
        http,
        token,
        created_after,
        order_id,
        baseline,
    }
}

async fn get(http: &reqwest::Client, url: &str, token: &str, query: &[(&str, &str)]) -> usize {
    let r = http
        .get(url)
        .header("x-amz-access-token", token)
        .query(query)
        .send()
        .await
        .expect("send");
    assert!(r.status().is_success(), "{}", r.status());
    r.bytes().await.expect("body").len()
}

fn simulator(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let s = rt.block_on(setup());
    let orders_url = format!("{}/orders/v0/orders", s.sim.base_url());
    let order_url = format!("{}/orders/v0/orders/{}", s.sim.base_url(), s.order_id);
    let baseline_url = format!("{}/orders/v0/orders/{}", s.baseline, s.order_id);
    let page_query = [
        ("MarketplaceIds", US),
        ("CreatedAfter", s.created_after.as_str()),
        ("MaxResultsPerPage", "100"),
    ];

    let mut g = c.benchmark_group("simulator");
    g.sample_size(30)
        .measurement_time(Duration::from_secs(6))
        .warm_up_time(Duration::from_secs(2));
    g.throughput(Throughput::Elements(1));
    g.bench_function("getOrders_page100", |b| {
        b.to_async(&rt)
            .iter(|| get(&s.http, &orders_url, &s.token, &page_query));
    });
    g.bench_function("getOrder", |b| {
        b.to_async(&rt).iter(|| get(&s.http, &order_url, &s.token, &[]));
    });
    g.bench_function("baseline_static_getOrder", |b| {
        b.to_async(&rt)
            .iter(|| get(&s.http, &baseline_url, &s.token, &[]));
    });
    g.throughput(Throughput::Elements(64));
    g.bench_function("getOrder_8x8_concurrent", |b| {
        b.to_async(&rt).iter(|| async {
            let tasks: Vec<_> = (0..8)
                .map(|_| {
                    let http = s.http.clone();
                    let url = order_url.clone();
                    let token = s.token.clone();
                    tokio::spawn(async move {
                        let mut n = 0;
                        for _ in 0..8 {
                            n += get(&http, &url, &token, &[]).await;
                        }
                        n
                    })
                })
                .collect();
            let mut total = 0;
            for t in tasks {
                total += t.await.expect("task");
            }
            total
        });
    });
    g.finish();
    rt.block_on(async {
        let n = s.sim.recorded_requests().len();
        assert!(n > 100, "{n}");
    });
}

criterion_group!(benches, simulator);
criterion_main!(benches);
