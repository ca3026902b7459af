//! A day of marketplace activity: thousands of orders over 24 simulated hours, imported every 15 minutes
//! with LastUpdatedAfter cursors (moved to the answers' LastUpdatedBefore), shipped with confirmShipment,
//! with Amazon's usage plans on. Simulated time is moved by the test (frozen clock), so the wall time is
//! what the requests cost; it is printed, not asserted.
#![cfg(feature = "sim")]

use std::collections::HashMap;

use amazon_spapi::sim::{default_sellers, SimConfig, SimHandle, Simulator};
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

struct Client {
    http: reqwest::Client,
    base: String,
    token: String,
    expires: DateTime<Utc>,
    refresh: String,
}

impl Client {
    async fn ensure_token(&mut self, sim: &SimHandle) {
        if sim.now() + Duration::minutes(1) < self.expires {
            return;
        }
        let r = self
            .http
            .post(sim.lwa_url())
            .form(&[
                ("grant_type", "refresh_token"),
                ("refresh_token", self.refresh.as_str()),
                ("client_id", sim.client_id()),
                ("client_secret", sim.client_secret().expose()),
            ])
            .send()
            .await
            .unwrap();
        let v: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
        self.token = v["access_token"].as_str().unwrap().to_owned();
        self.expires = sim.now() + Duration::seconds(v["expires_in"].as_i64().unwrap());
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut rb = self
            .http
            .request(method, format!("{}{path}", self.base))
            .header("x-amz-access-token", &self.token)
            .query(query);
        if let Some(b) = body {
            rb = rb.header("content-type", "application/json").body(b.to_string());
        }
        let r = rb.send().await.unwrap();
        let s = r.status().as_u16();
        let b = r.bytes().await.unwrap();
        (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_day_of_orders_in_seconds() {
    let wall = std::time::Instant::now();
    let sellers = default_sellers().into_iter().map(|s| {
        let rate = s.orders_per_day * 3.0;
        s.orders_per_day(rate)
    });
    let mut cfg = SimConfig::new(2026).frozen().sellers(sellers.collect());
    cfg.history = Duration::hours(6);
    let sim = Simulator::start(cfg).await.unwrap();
    let start = sim.now();
    let before = sim.order_count();
    let mut clients = Vec::new();
    for s in sim.sellers() {
        clients.push((
            s.clone(),
            Client {
                http: reqwest::Client::new(),
                base: sim.base_url().to_owned(),
                token: String::new(),
                expires: start,
                refresh: s.refresh_token.expose().to_owned(),
            },
            start - Duration::hours(6),
        ));
    }
    // What the "hub" knows: order id -> (status, LastUpdateDate).
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    let mut requests = 0usize;
    let mut throttled = 0usize;
    let mut confirmed = 0usize;
    for _tick in 0..96 {
        sim.advance(Duration::minutes(15));
        for (seller, client, cursor) in clients.iter_mut() {
            client.ensure_token(&sim).await;
            let mut query = vec![
                ("MarketplaceIds", seller.marketplace_ids.join(",")),
                ("LastUpdatedAfter", iso(*cursor)),
            ];
            let mut new_cursor = None;
            let mut to_ship = Vec::new();
            loop {
                let (status, body) = client
                    .call(reqwest::Method::GET, "/orders/v0/orders", &query, None)
                    .await;
                requests += 1;
                if status == 429 {
                    throttled += 1;
                    sim.advance(Duration::seconds(61));
                    continue;
                }
                assert_eq!(status, 200, "{body}");
                let p = &body["payload"];
                for o in p["Orders"].as_array().unwrap() {
                    let id = o["AmazonOrderId"].as_str().unwrap().to_owned();
                    if o["OrderStatus"] == "Unshipped" && o["FulfillmentChannel"] == "MFN" {
                        to_ship.push((id.clone(), o["MarketplaceId"].as_str().unwrap().to_owned()));
                    }
                    seen.insert(
                        id,
                        (
                            o["OrderStatus"].as_str().unwrap().to_owned(),
                            o["LastUpdateDate"].as_str().unwrap().to_owned(),
                        ),
                    );
                }
                if new_cursor.is_none() {
                    new_cursor = p["LastUpdatedBefore"].as_str().map(str::to_owned);
                }
                match p["NextToken"].as_str() {
                    Some(t) => {
                        query = vec![
                            ("MarketplaceIds", seller.marketplace_ids.join(",")),
                            ("NextToken", t.to_owned()),
                        ];
                    }
                    None => break,
                }
            }
            *cursor = DateTime::parse_from_rfc3339(&new_cursor.unwrap())
                .unwrap()
                .with_timezone(&Utc);
            // Ship every other new order with confirmShipment (within the usage plan: 2/s, burst 10).
            for (id, mp) in to_ship.into_iter().step_by(2).take(8) {
                let (s, items) = client
                    .call(
                        reqwest::Method::GET,
                        &format!("/orders/v0/orders/{id}/orderItems"),
                        &[],
                        None,
                    )
                    .await;
                requests += 1;
                if s != 200 {
                    continue;
                }
                let lines: Vec<Value> = items["payload"]["OrderItems"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| json!({ "orderItemId": i["OrderItemId"], "quantity": i["QuantityOrdered"].as_i64().unwrap() - i["QuantityShipped"].as_i64().unwrap() }))
                    .filter(|i| i["quantity"].as_i64().unwrap() > 0)
                    .collect();
                let body = json!({ "marketplaceId": mp, "packageDetail": {
                    "packageReferenceId": "1", "carrierCode": "UPS", "trackingNumber": format!("1Z{id}"),
                    "shipDate": iso(sim.now()), "orderItems": lines } });
                let (s, b) = client
                    .call(
                        reqwest::Method::POST,
                        &format!("/orders/v0/orders/{id}/shipmentConfirmation"),
                        &[],
                        Some(body),
                    )
                    .await;
                requests += 1;
                // A buyer may have canceled between the listing and the confirmation.
                assert!(s == 204 || s == 400, "{s} {b}");
                if s == 204 {
                    confirmed += 1;
                }
                sim.advance(Duration::seconds(1));
            }
        }
    }
    // The hub's view equals the simulator's for every order last updated before the final cursors.
    let mut compared = 0;
    for (seller, _, cursor) in &clients {
        for o in sim.orders(&seller.selling_partner_id).unwrap() {
            if o.last_update > *cursor {
                continue;
            }
            let (status, _) = seen
                .get(&o.order_id)
                .unwrap_or_else(|| panic!("order {} was never imported", o.order_id));
            assert_eq!(status, &o.status, "order {}", o.order_id);
            compared += 1;
        }
    }
    let created = sim.order_count() - before;
    assert!(created > 2000, "{created} orders created in the day");
    assert!(compared > 2000, "{compared}");
    assert!(confirmed > 500, "{confirmed}");
    assert!(sim.now() >= start + Duration::hours(24));
    eprintln!(
        "scenario: {created} orders created over 24 simulated hours, {compared} compared, {confirmed} shipments confirmed, \
         {requests} requests ({throttled} throttled), wall time {:.2?}",
        wall.elapsed()
    );
    sim.shutdown().await;
}
