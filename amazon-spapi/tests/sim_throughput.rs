//! Simulator throughput on loopback with usage plans off: the same measurements as the criterion bench
//! `benches/benches/simulator.rs`, as an ignored test that prints requests per second. It asserts nothing
//! about time; run it in release mode:
//!
//! `cargo test --release -p amazon-spapi --features sim --test sim_throughput -- --ignored --nocapture`
#![cfg(feature = "sim")]

use std::time::{Duration, Instant};

use amazon_spapi::sim::{SimConfig, Simulator};
use serde_json::Value;

const US: &str = "ATVPDKIKX0DER";
const SELLER: &str = "A1SIMUSSELLER1";

async fn get(http: &reqwest::Client, url: &str, token: &str, query: &[(&str, &str)]) -> usize {
    let r = http
        .get(url)
        .header("x-amz-access-token", token)
        .query(query)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.status());
    r.bytes().await.unwrap().len()
}

/// Runs `f` repeatedly for about `for_` and returns (calls per second, bytes of the last answer).
async fn rate<F, Fut>(for_: Duration, mut f: F) -> (f64, usize)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    for _ in 0..20 {
        f().await;
    }
    let start = Instant::now();
    let mut n = 0u64;
    let mut last = 0;
    while start.elapsed() < for_ {
        last = f().await;
        n += 1;
    }
    (n as f64 / start.elapsed().as_secs_f64(), last)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement, not a check: run in release mode with --ignored --nocapture"]
async fn simulator_throughput_on_loopback() {
    let sim = Simulator::start(SimConfig::new(1).frozen().without_limits())
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let seller = sim.seller(SELLER).unwrap();
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
        .unwrap();
    let v: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    let token = v["access_token"].as_str().unwrap().to_owned();
    let after = (sim.now() - chrono::Duration::days(2)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let order_id = sim
        .orders(SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.marketplace_id == US)
        .unwrap()
        .order_id;
    let orders_url = format!("{}/orders/v0/orders", sim.base_url());
    let order_url = format!("{}/orders/v0/orders/{order_id}", sim.base_url());
    let page_q = [
        ("MarketplaceIds", US),
        ("CreatedAfter", after.as_str()),
        ("MaxResultsPerPage", "100"),
    ];

    // In-process baseline: a bare axum server answering the simulator's getOrder body.
    let body = http
        .get(&order_url)
        .header("x-amz-access-token", &token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let app = axum::Router::new().fallback(move || {
        let body = body.clone();
        async move { ([("content-type", "application/json")], body) }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!(
        "http://{}/orders/v0/orders/{order_id}",
        listener.local_addr().unwrap()
    );
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });

    let d = Duration::from_secs(5);
    let (pages, page_bytes) = rate(d, || get(&http, &orders_url, &token, &page_q)).await;
    let (one, one_bytes) = rate(d, || get(&http, &order_url, &token, &[])).await;
    let (base, _) = rate(d, || get(&http, &base_url, &token, &[])).await;
    let (conc, _) = rate(d, || {
        let http = http.clone();
        let url = order_url.clone();
        let token = token.clone();
        async move {
            let tasks: Vec<_> = (0..8)
                .map(|_| {
                    let (http, url, token) = (http.clone(), url.clone(), token.clone());
                    tokio::spawn(async move {
                        for _ in 0..8 {
                            get(&http, &url, &token, &[]).await;
                        }
                    })
                })
                .collect();
            for t in tasks {
                t.await.unwrap();
            }
            64
        }
    })
    .await;
    println!(
        "simulator throughput (loopback, limits off, {} orders in the marketplace):",
        sim.order_count()
    );
    println!("  getOrders page of 100 ({page_bytes} bytes), sequential: {pages:.0} requests/s");
    println!("  getOrder ({one_bytes} bytes), sequential:              {one:.0} requests/s");
    println!(
        "  getOrder, 8 in flight:                           {:.0} requests/s",
        conc * 64.0
    );
    println!(
        "  baseline (bare axum, same body), sequential:     {base:.0} requests/s (simulator/baseline {:.2})",
        one / base
    );
    sim.shutdown().await;
}
