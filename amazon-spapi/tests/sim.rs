//! The simulator over plain HTTP (reqwest): Login with Amazon, Orders v0 and 2026-01-01, Tokens, Feeds,
//! Reports, documents, Fulfillment Outbound, FBA Inventory, Merchant Fulfillment, Sellers, Listings,
//! sandbox cases, usage plans, faults, recording and determinism.
#![cfg(feature = "sim")]

use std::collections::{BTreeSet, HashSet};
use std::io::Read;

use amazon_spapi::sim::{FaultConfig, SimConfig, SimHandle, Simulator, TokenKind};
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};

const US: &str = "ATVPDKIKX0DER";
const DE: &str = "A1PA6795UKMFR9";
const JP: &str = "A1VC38T7YXB528";
const AU: &str = "A39IBJ37TRP1C6";
const US_SELLER: &str = "A1SIMUSSELLER1";
const EU_SELLER: &str = "A2SIMEUSELLER1";
const JP_SELLER: &str = "A3SIMJPSELLER1";
const AU_SELLER: &str = "A4SIMAUSELLER1";

struct Api {
    http: reqwest::Client,
    base: String,
    token: String,
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Value,
    bytes: Vec<u8>,
}

async fn token(sim: &SimHandle, seller: &str) -> String {
    let info = sim.seller(seller).unwrap();
    let http = reqwest::Client::new();
    let r = http
        .post(sim.lwa_url())
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", info.refresh_token.expose()),
            ("client_id", sim.client_id()),
            ("client_secret", sim.client_secret().expose()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    v["access_token"].as_str().unwrap().to_owned()
}

async fn api(sim: &SimHandle, seller: &str) -> Api {
    Api {
        http: reqwest::Client::new(),
        base: sim.base_url().to_owned(),
        token: token(sim, seller).await,
    }
}

impl Api {
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        query: &[(&str, &str)],
        body: Option<Value>,
    ) -> Answer {
        let mut rb = self
            .http
            .request(method, format!("{}{}", self.base, path))
            .header("x-amz-access-token", &self.token);
        if !query.is_empty() {
            rb = rb.query(query);
        }
        if let Some(b) = body {
            rb = rb.header("content-type", "application/json").body(b.to_string());
        }
        let r = rb.send().await.unwrap();
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let bytes = r.bytes().await.unwrap().to_vec();
        let body = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Answer {
            status,
            headers,
            body,
            bytes,
        }
    }

    async fn get(&self, path: &str, query: &[(&str, &str)]) -> Answer {
        self.send(reqwest::Method::GET, path, query, None).await
    }

    async fn post(&self, path: &str, body: Value) -> Answer {
        self.send(reqwest::Method::POST, path, &[], Some(body)).await
    }

    fn with_token(&self, token: &str) -> Api {
        Api {
            http: self.http.clone(),
            base: self.base.clone(),
            token: token.to_owned(),
        }
    }
}

fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

async fn frozen(seed: u64) -> SimHandle {
    Simulator::start(SimConfig::new(seed).frozen()).await.unwrap()
}

async fn all_orders(api: &Api, mp: &str, after: DateTime<Utc>, page: &str) -> (Vec<Value>, usize) {
    let after = iso(after);
    let first = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", mp),
                ("CreatedAfter", &after),
                ("MaxResultsPerPage", page),
            ],
        )
        .await;
    assert_eq!(first.status, 200, "{}", first.body);
    let mut orders: Vec<Value> = first.body["payload"]["Orders"].as_array().unwrap().clone();
    let mut next = first.body["payload"]["NextToken"].as_str().map(str::to_owned);
    let mut pages = 1;
    while let Some(t) = next {
        let r = api
            .get("/orders/v0/orders", &[("MarketplaceIds", mp), ("NextToken", &t)])
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        orders.extend(r.body["payload"]["Orders"].as_array().unwrap().iter().cloned());
        next = r.body["payload"]["NextToken"].as_str().map(str::to_owned);
        pages += 1;
    }
    (orders, pages)
}

fn gunzip_if_needed(bytes: Vec<u8>) -> Vec<u8> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_end(&mut out)
            .unwrap();
        out
    } else {
        bytes
    }
}

#[tokio::test]
async fn lwa_grants_expiry_and_revocation() {
    let sim = frozen(11).await;
    let http = reqwest::Client::new();
    let us = sim.seller(US_SELLER).unwrap();
    let post = |form: Vec<(&'static str, String)>| {
        let http = http.clone();
        let url = sim.lwa_url();
        async move {
            let r = http.post(url).form(&form).send().await.unwrap();
            let s = r.status().as_u16();
            (
                s,
                serde_json::from_slice::<Value>(&r.bytes().await.unwrap()).unwrap(),
            )
        }
    };
    let id = sim.client_id().to_owned();
    let secret = sim.client_secret().expose().to_owned();
    // refresh_token
    let (s, v) = post(vec![
        ("grant_type", "refresh_token".into()),
        ("refresh_token", us.refresh_token.expose().into()),
        ("client_id", id.clone()),
        ("client_secret", secret.clone()),
    ])
    .await;
    assert_eq!(s, 200);
    assert_eq!(v["token_type"], "bearer");
    assert_eq!(v["expires_in"], 3600);
    let access = v["access_token"].as_str().unwrap().to_owned();
    assert!(access.starts_with("Atza|"));
    // wrong secret
    let (s, v) = post(vec![
        ("grant_type", "refresh_token".into()),
        ("refresh_token", us.refresh_token.expose().into()),
        ("client_id", id.clone()),
        ("client_secret", "wrong".into()),
    ])
    .await;
    assert_eq!((s, v["error"].as_str()), (401, Some("invalid_client")));
    // authorization_code, once only
    let code = sim.authorization_code(US_SELLER).unwrap();
    let form = vec![
        ("grant_type", "authorization_code".into()),
        ("code", code.expose().to_owned()),
        ("client_id", id.clone()),
        ("client_secret", secret.clone()),
    ];
    let (s, v) = post(form.clone()).await;
    assert_eq!(s, 200);
    assert!(v["refresh_token"].as_str().unwrap().starts_with("Atzr|"));
    let (s, v) = post(form).await;
    assert_eq!((s, v["error"].as_str()), (400, Some("invalid_grant")));
    // client_credentials: a scope is required; the grantless token cannot read a seller's orders.
    let (s, v) = post(vec![
        ("grant_type", "client_credentials".into()),
        ("client_id", id.clone()),
        ("client_secret", secret.clone()),
    ])
    .await;
    assert_eq!((s, v["error"].as_str()), (400, Some("invalid_scope")));
    let (s, v) = post(vec![
        ("grant_type", "client_credentials".into()),
        ("scope", "sellingpartnerapi::notifications".into()),
        ("client_id", id.clone()),
        ("client_secret", secret.clone()),
    ])
    .await;
    assert_eq!(s, 200);
    let api = Api {
        http: http.clone(),
        base: sim.base_url().to_owned(),
        token: v["access_token"].as_str().unwrap().to_owned(),
    };
    assert_eq!(
        api.get("/sellers/v1/marketplaceParticipations", &[]).await.status,
        403
    );
    // The access token works, then expires after an hour of simulated time.
    let api = api.with_token(&access);
    assert_eq!(
        api.get("/sellers/v1/marketplaceParticipations", &[]).await.status,
        200
    );
    sim.advance(Duration::seconds(3601));
    let r = api.get("/sellers/v1/marketplaceParticipations", &[]).await;
    assert_eq!(r.status, 403);
    assert!(r.body["errors"][0]["details"]
        .as_str()
        .unwrap()
        .contains("expired"));
    // Revoked refresh token: invalid_grant.
    assert!(sim.revoke_refresh_token(us.refresh_token.expose()));
    let (s, v) = post(vec![
        ("grant_type", "refresh_token".into()),
        ("refresh_token", us.refresh_token.expose().into()),
        ("client_id", id),
        ("client_secret", secret),
    ])
    .await;
    assert_eq!((s, v["error"].as_str()), (400, Some("invalid_grant")));
    // Secrets never reach a Debug string or the recording.
    let debug = format!("{:?} {:?} {:?}", SimConfig::new(11), sim.sellers(), sim);
    assert!(
        !debug.contains("sim-client-secret") && !debug.contains(us.refresh_token.expose()),
        "{debug}"
    );
    let recorded = format!("{:?}", sim.recorded_requests());
    assert!(!recorded.contains(us.refresh_token.expose()));
    assert!(!recorded.contains(&access));
    for r in sim.recorded_requests() {
        let body = String::from_utf8_lossy(&r.body).into_owned();
        assert!(!body.contains(us.refresh_token.expose()), "{body}");
        assert!(!body.contains("sim-client-secret"), "{body}");
        if let Some(h) = r.header("x-amz-access-token") {
            assert_eq!(h, "<redacted>");
        }
    }
    sim.shutdown().await;
}

#[tokio::test]
async fn get_orders_pages_filters_and_the_two_minute_rule() {
    let sim = Simulator::start(SimConfig::new(21).frozen().without_limits())
        .await
        .unwrap();
    let api = api(&sim, US_SELLER).await;
    let after = sim.now() - Duration::days(3);
    let (orders, pages) = all_orders(&api, US, after, "50").await;
    assert!(pages > 2, "{pages} pages");
    let ids: Vec<&str> = orders
        .iter()
        .map(|o| o["AmazonOrderId"].as_str().unwrap())
        .collect();
    let unique: HashSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "no order twice");
    let dates: Vec<&str> = orders
        .iter()
        .map(|o| o["PurchaseDate"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by purchase date");
    let bound = sim.now() - Duration::minutes(2);
    let expected: BTreeSet<String> = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| o.marketplace_id == US && o.purchase_date <= bound)
        .map(|o| o.order_id)
        .collect();
    assert_eq!(
        unique.iter().map(|s| (*s).to_owned()).collect::<BTreeSet<_>>(),
        expected
    );

    // CreatedBefore comes back as now - 2 minutes; a CreatedBefore later than that is refused.
    let r = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &iso(after)),
                ("MaxResultsPerPage", "1"),
            ],
        )
        .await;
    assert_eq!(r.body["payload"]["CreatedBefore"], iso(bound));
    let r = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &iso(after)),
                ("CreatedBefore", &iso(sim.now())),
            ],
        )
        .await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["errors"][0]["code"], "InvalidInput");
    assert!(r.body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("two minutes"));
    // LastUpdatedAfter answers carry LastUpdatedBefore.
    let r = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("LastUpdatedAfter", &iso(sim.now() - Duration::hours(3))),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body["payload"]["LastUpdatedBefore"], iso(bound));
    // Missing MarketplaceIds, both After dates, bad page size.
    assert_eq!(
        api.get("/orders/v0/orders", &[("CreatedAfter", &iso(after))])
            .await
            .status,
        400
    );
    let both = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &iso(after)),
                ("LastUpdatedAfter", &iso(after)),
            ],
        )
        .await;
    assert_eq!(both.status, 400);
    let big = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &iso(after)),
                ("MaxResultsPerPage", "101"),
            ],
        )
        .await;
    assert_eq!(big.status, 400);
    // Status and channel filters.
    let r = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &iso(after)),
                ("OrderStatuses", "Shipped"),
                ("FulfillmentChannels", "AFN"),
            ],
        )
        .await;
    let list = r.body["payload"]["Orders"].as_array().unwrap();
    assert!(!list.is_empty());
    assert!(list
        .iter()
        .all(|o| o["OrderStatus"] == "Shipped" && o["FulfillmentChannel"] == "AFN"));
    let bad = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &iso(after)),
                ("OrderStatuses", "Lost"),
            ],
        )
        .await;
    assert_eq!(bad.status, 400);
    // A NextToken is tied to its seller.
    let first = api
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &iso(after)),
                ("MaxResultsPerPage", "5"),
            ],
        )
        .await;
    let t = first.body["payload"]["NextToken"].as_str().unwrap().to_owned();
    assert!(
        t.contains('+') && t.contains('/'),
        "tokens need URL-encoding: {t}"
    );
    let other = self::api(&sim, EU_SELLER).await;
    assert_eq!(
        other
            .get("/orders/v0/orders", &[("MarketplaceIds", US), ("NextToken", &t)])
            .await
            .status,
        400
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn the_marketplace_has_every_status_and_kind_of_order() {
    let sim = Simulator::start(SimConfig::new(1).frozen().without_limits())
        .await
        .unwrap();
    let mut statuses = BTreeSet::new();
    for s in sim.sellers() {
        for o in sim.orders(&s.selling_partner_id).unwrap() {
            statuses.insert(o.status);
        }
    }
    for s in [
        "Pending",
        "Unshipped",
        "PartiallyShipped",
        "Shipped",
        "Canceled",
        "Unfulfillable",
        "InvoiceUnconfirmed",
        "PendingAvailability",
    ] {
        assert!(statuses.contains(s), "no {s} order: {statuses:?}");
    }
    assert!(sim.order_count() > 1500, "{}", sim.order_count());
    assert!(sim
        .orders("A5SIMHANDMADE1")
        .unwrap()
        .iter()
        .all(|o| o.is_handmade));

    // Look at the data over the API, with every data element.
    let us = api(&sim, US_SELLER).await;
    let rdt = us
        .post(
            "/tokens/2021-03-01/restrictedDataToken",
            json!({ "restrictedResources": [
                { "method": "GET", "path": "/orders/v0/orders", "dataElements": ["buyerInfo", "shippingAddress", "buyerTaxInformation"] },
                { "method": "GET", "path": "/orders/v0/orders/{orderId}/orderItems", "dataElements": ["buyerInfo"] },
            ] }),
        )
        .await;
    assert_eq!(rdt.status, 200, "{}", rdt.body);
    let rdt_api = us.with_token(rdt.body["restrictedDataToken"].as_str().unwrap());
    let (orders, _) = all_orders(&rdt_api, US, sim.now() - Duration::days(3), "100").await;
    assert!(orders.iter().any(|o| o["IsPrime"] == true));
    assert!(orders
        .iter()
        .any(|o| o["IsBusinessOrder"] == true && o["BuyerInfo"]["PurchaseOrderNumber"].is_string()));
    assert!(orders.iter().any(|o| o["IsPremiumOrder"] == true));
    // AFN orders never carry personal data, even with an RDT; MFN orders do.
    let afn: Vec<&Value> = orders
        .iter()
        .filter(|o| o["FulfillmentChannel"] == "AFN")
        .collect();
    assert!(!afn.is_empty());
    assert!(afn
        .iter()
        .all(|o| o["ShippingAddress"].get("Name").is_none() && o["BuyerInfo"].get("BuyerEmail").is_none()));
    assert!(orders
        .iter()
        .any(|o| o["FulfillmentChannel"] == "MFN" && o["ShippingAddress"]["Name"].is_string()));
    // Items: several lines and quantities, gifts, condition notes.
    let mut gift = false;
    let mut used = false;
    let mut multi = false;
    for o in orders
        .iter()
        .filter(|o| o["FulfillmentChannel"] == "MFN" && o["OrderStatus"] == "Unshipped")
        .take(150)
    {
        let r = rdt_api
            .get(
                &format!(
                    "/orders/v0/orders/{}/orderItems",
                    o["AmazonOrderId"].as_str().unwrap()
                ),
                &[],
            )
            .await;
        assert_eq!(r.status, 200);
        let items = r.body["payload"]["OrderItems"].as_array().unwrap();
        multi |= items.len() > 1 || items.iter().any(|i| i["QuantityOrdered"].as_i64().unwrap() > 1);
        gift |= items
            .iter()
            .any(|i| i["IsGift"] == "true" && i["BuyerInfo"]["GiftMessageText"].is_string());
        used |= items
            .iter()
            .any(|i| i["ConditionId"] == "Used" && i["ConditionNote"].is_string());
    }
    assert!(gift && used && multi, "gift {gift} used {used} multi {multi}");

    // EU: VAT-inclusive prices (ItemTax is the VAT inside ItemPrice) and IOSS numbers.
    let eu = api(&sim, EU_SELLER).await;
    let (eu_orders, _) = all_orders(&eu, DE, sim.now() - Duration::days(3), "100").await;
    let mut ioss = false;
    for o in eu_orders.iter().filter(|o| o["OrderTotal"].is_object()).take(120) {
        let r = eu
            .get(
                &format!(
                    "/orders/v0/orders/{}/orderItems",
                    o["AmazonOrderId"].as_str().unwrap()
                ),
                &[],
            )
            .await;
        for i in r.body["payload"]["OrderItems"].as_array().unwrap() {
            let price: f64 = i["ItemPrice"]["Amount"].as_str().unwrap().parse().unwrap();
            let tax: f64 = i["ItemTax"]["Amount"].as_str().unwrap().parse().unwrap();
            assert!(
                (tax - price * 19.0 / 119.0).abs() < 0.011,
                "VAT inside the price: {price} {tax}"
            );
            assert_eq!(i["ItemPrice"]["CurrencyCode"], "EUR");
            ioss |= i["IossNumber"].as_str().is_some_and(|s| s.starts_with("IM"))
                && i["DeemedResellerCategory"] == "IOSS";
        }
        let total: f64 = o["OrderTotal"]["Amount"].as_str().unwrap().parse().unwrap();
        assert!(total > 0.0);
    }
    assert!(ioss, "an IOSS order");

    // Japan: addresses in kanji.
    let jp = api(&sim, JP_SELLER).await;
    let rdt = jp
        .post(
            "/tokens/2021-03-01/restrictedDataToken",
            json!({ "restrictedResources": [{ "method": "GET", "path": "/orders/v0/orders", "dataElements": ["shippingAddress"] }] }),
        )
        .await;
    assert_eq!(rdt.status, 200);
    let (jp_orders, _) = all_orders(
        &jp.with_token(rdt.body["restrictedDataToken"].as_str().unwrap()),
        JP,
        sim.now() - Duration::days(3),
        "100",
    )
    .await;
    assert!(jp_orders.iter().any(
        |o| o["ShippingAddress"]["StateOrRegion"]
            .as_str()
            .is_some_and(|s| s.ends_with('都') || s.ends_with('府') || s.ends_with('県') || s == "北海道")
            && o["ShippingAddress"]["Name"]
                .as_str()
                .is_some_and(|n| n.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
    ));
    assert!(jp_orders.iter().all(|o| o["MarketplaceId"] == JP));
    sim.shutdown().await;
}

#[tokio::test]
async fn personal_data_needs_an_rdt_and_the_role() {
    let sim = frozen(31).await;
    let us = api(&sim, US_SELLER).await;
    let mfn = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .unwrap();
    let path = format!("/orders/v0/orders/{}/address", mfn.order_id);
    let plain = us.get(&path, &[]).await;
    assert_eq!(plain.status, 200);
    let addr = &plain.body["payload"]["ShippingAddress"];
    assert!(
        addr.get("Name").is_none() && addr.get("AddressLine1").is_none(),
        "{addr}"
    );
    assert!(addr["PostalCode"].is_string() && addr["City"].is_string());
    let rdt = us
        .post("/tokens/2021-03-01/restrictedDataToken", json!({ "restrictedResources": [{ "method": "GET", "path": "/orders/v0/orders/{orderId}/address" }] }))
        .await;
    assert_eq!(rdt.status, 200, "{}", rdt.body);
    assert_eq!(rdt.body["expiresIn"], 3600);
    let with = us.with_token(rdt.body["restrictedDataToken"].as_str().unwrap());
    let full = with.get(&path, &[]).await;
    assert!(
        full.body["payload"]["ShippingAddress"]["Name"].is_string(),
        "{}",
        full.body
    );
    assert!(full.body["payload"]["ShippingAddress"]["AddressLine1"].is_string());
    // The RDT covers only its path.
    assert_eq!(
        with.get(&format!("/orders/v0/orders/{}/buyerInfo", mfn.order_id), &[])
            .await
            .status,
        403
    );
    // Buyer info through a specific-path RDT.
    let rdt = us
        .post(
            "/tokens/2021-03-01/restrictedDataToken",
            json!({ "restrictedResources": [{ "method": "GET", "path": format!("/orders/v0/orders/{}/buyerInfo", mfn.order_id) }] }),
        )
        .await;
    let r = us
        .with_token(rdt.body["restrictedDataToken"].as_str().unwrap())
        .get(&format!("/orders/v0/orders/{}/buyerInfo", mfn.order_id), &[])
        .await;
    assert!(
        r.body["payload"]["BuyerEmail"]
            .as_str()
            .unwrap()
            .contains("@marketplace.amazon.com"),
        "{}",
        r.body
    );
    // Item-level buyer information (gift messages, customization) through an RDT.
    let rdt = us
        .post(
            "/tokens/2021-03-01/restrictedDataToken",
            json!({ "restrictedResources": [{ "method": "GET", "path": "/orders/v0/orders/{orderId}/orderItems/buyerInfo" }] }),
        )
        .await;
    assert_eq!(rdt.status, 200);
    let path = format!("/orders/v0/orders/{}/orderItems/buyerInfo", mfn.order_id);
    let r = us
        .with_token(rdt.body["restrictedDataToken"].as_str().unwrap())
        .get(&path, &[])
        .await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body["payload"]["OrderItems"].as_array().unwrap().len(),
        mfn.items.len()
    );
    assert_eq!(
        us.get(&path, &[]).await.body["payload"]["OrderItems"][0]
            .as_object()
            .unwrap()
            .len(),
        1,
        "only the item id without an RDT"
    );
    // Bad RDT requests.
    let r = us
        .post(
            "/tokens/2021-03-01/restrictedDataToken",
            json!({ "restrictedResources": [] }),
        )
        .await;
    assert_eq!(r.status, 400);
    let r = us
        .post(
            "/tokens/2021-03-01/restrictedDataToken",
            json!({ "restrictedResources": [{ "method": "GET", "path": "/sellers/v1/account" }] }),
        )
        .await;
    assert_eq!(r.status, 400);
    // The Australian seller's application holds no role: no RDT, and orders import without personal data.
    let au = api(&sim, AU_SELLER).await;
    let r = au
        .post("/tokens/2021-03-01/restrictedDataToken", json!({ "restrictedResources": [{ "method": "GET", "path": "/orders/v0/orders/{orderId}/address" }] }))
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(r.body["errors"][0]["code"], "Unauthorized");
    let (orders, _) = all_orders(&au, AU, sim.now() - Duration::days(3), "100").await;
    assert!(!orders.is_empty());
    assert!(orders
        .iter()
        .all(|o| o.get("ShippingAddress").is_none_or(|a| a.get("Name").is_none())));
    // Orders 2026-01-01: includedData with roles.
    let r = us
        .get(
            "/orders/2026-01-01/orders",
            &[
                ("createdAfter", &iso(sim.now() - Duration::days(3))),
                ("marketplaceIds", US),
                ("includedData", "BUYER,RECIPIENT,FULFILLMENT,PROCEEDS,PACKAGES"),
                ("fulfilledBy", "MERCHANT"),
                ("maxResultsPerPage", "100"),
            ],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let list = r.body["orders"].as_array().unwrap();
    assert!(list.iter().any(
        |o| o["recipient"]["deliveryAddress"]["name"].is_string() && o["buyer"]["buyerEmail"].is_string()
    ));
    assert!(list.iter().all(|o| o["fulfillment"]["fulfilledBy"] == "MERCHANT"));
    assert!(list
        .iter()
        .any(|o| !o["packages"].as_array().is_none_or(Vec::is_empty)));
    assert!(r.body["createdBefore"].is_string() && r.body["pagination"]["nextToken"].is_string());
    let r = au
        .get(
            "/orders/2026-01-01/orders",
            &[
                ("createdAfter", &iso(sim.now() - Duration::days(3))),
                ("includedData", "BUYER,RECIPIENT"),
            ],
        )
        .await;
    assert_eq!(r.status, 200);
    for o in r.body["orders"].as_array().unwrap() {
        assert!(
            o["recipient"]["deliveryAddress"].get("name").is_none() && o["buyer"].get("buyerEmail").is_none(),
            "{o}"
        );
    }
    let r = us
        .get(
            &format!("/orders/2026-01-01/orders/{}", mfn.order_id),
            &[("includedData", "RECIPIENT,FULFILLMENT")],
        )
        .await;
    assert_eq!(r.body["order"]["fulfillment"]["fulfillmentStatus"], "UNSHIPPED");
    assert!(r.body["order"]["orderItems"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    assert_eq!(
        us.get("/orders/2026-01-01/orders", &[("includedData", "BUYER")])
            .await
            .status,
        400
    );
    assert_eq!(
        us.get(
            &format!("/orders/2026-01-01/orders/{}", mfn.order_id),
            &[("includedData", "SECRETS")]
        )
        .await
        .status,
        400
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn confirm_shipment_validates_like_amazon() {
    let sim = frozen(41).await;
    let us = api(&sim, US_SELLER).await;
    let o = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| {
            o.fulfillment_channel == "MFN"
                && o.status == "Unshipped"
                && o.marketplace_id == US
                && o.items.iter().map(|i| i.2).sum::<i64>() >= 2
        })
        .unwrap();
    let path = format!("/orders/v0/orders/{}/shipmentConfirmation", o.order_id);
    let (item, _, qty, _) = o.items[0].clone();
    let body = |carrier: &str, name: Option<&str>, q: i64, pkg: &str| {
        json!({ "marketplaceId": US, "packageDetail": {
            "packageReferenceId": pkg, "carrierCode": carrier, "carrierName": name, "trackingNumber": "1Z999",
            "shipDate": iso(sim.now()), "orderItems": [{ "orderItemId": item, "quantity": q }] } })
    };
    let r = us.post(&path, body("Pony Express", None, 1, "1")).await;
    assert_eq!(r.status, 400);
    assert!(r.body["errors"][0]["message"].as_str().unwrap().contains("Other"));
    assert_eq!(us.post(&path, body("Other", None, 1, "1")).await.status, 400);
    assert_eq!(us.post(&path, body("UPS", None, qty + 1, "1")).await.status, 400);
    assert_eq!(us.post(&path, body("UPS", None, 1, "abc")).await.status, 400);
    let mut wrong_mp = body("UPS", None, 1, "1");
    wrong_mp["marketplaceId"] = json!(DE);
    assert_eq!(us.post(&path, wrong_mp).await.status, 400);
    let before = sim.order(&o.order_id).unwrap().last_update;
    sim.advance(Duration::minutes(5));
    let r = us
        .post(&path, body("Pony Express", Some("Pony Express Inc."), 1, "1"))
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let after = sim.order(&o.order_id).unwrap();
    assert_eq!(after.status, "PartiallyShipped");
    assert!(after.last_update > before);
    // The same package again is refused.
    assert_eq!(us.post(&path, body("UPS", None, 1, "1")).await.status, 400);
    // Ship the rest in package 2.
    let rest: Vec<Value> = after
        .items
        .iter()
        .filter(|i| i.2 > i.3)
        .map(|i| json!({ "orderItemId": i.0, "quantity": i.2 - i.3 }))
        .collect();
    let r = us
        .post(&path, json!({ "marketplaceId": US, "packageDetail": { "packageReferenceId": "2", "carrierCode": "USPS", "trackingNumber": "9400", "shipDate": iso(sim.now()), "orderItems": rest } }))
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    assert_eq!(sim.order(&o.order_id).unwrap().status, "Shipped");
    // Shipped orders cannot be confirmed again; AFN orders never.
    assert_eq!(us.post(&path, body("UPS", None, 1, "3")).await.status, 400);
    let afn = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "AFN" && o.status == "Unshipped" && o.marketplace_id == US);
    if let Some(afn) = afn {
        let r = us
            .post(&format!("/orders/v0/orders/{}/shipmentConfirmation", afn.order_id), json!({ "marketplaceId": US, "packageDetail": {
                "packageReferenceId": "1", "carrierCode": "UPS", "trackingNumber": "1", "shipDate": iso(sim.now()),
                "orderItems": [{ "orderItemId": afn.items[0].0, "quantity": 1 }] } }))
            .await;
        assert_eq!(r.status, 400);
    }
    // updateShipmentStatus
    let u = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped")
        .unwrap();
    let r = us
        .post(
            &format!("/orders/v0/orders/{}/shipment", u.order_id),
            json!({ "marketplaceId": u.marketplace_id, "shipmentStatus": "ReadyForPickup" }),
        )
        .await;
    assert_eq!(r.status, 204, "{}", r.body);
    let r = us.get(&format!("/orders/v0/orders/{}", u.order_id), &[]).await;
    assert_eq!(r.body["payload"]["EasyShipShipmentStatus"], "PendingPickUp");
    let r = us
        .post(
            &format!("/orders/v0/orders/{}/shipment", u.order_id),
            json!({ "marketplaceId": u.marketplace_id, "shipmentStatus": "Teleported" }),
        )
        .await;
    assert_eq!(r.status, 400);
    sim.shutdown().await;
}

#[tokio::test]
async fn usage_plans_throttle_with_amazons_answers() {
    let mut cfg = SimConfig::new(51).frozen();
    cfg.limits.forbid_after_throttles = Some(3);
    let sim = Simulator::start(cfg).await.unwrap();
    let us = api(&sim, US_SELLER).await;
    let after = iso(sim.now() - Duration::hours(1));
    let q = [
        ("MarketplaceIds", US),
        ("CreatedAfter", after.as_str()),
        ("MaxResultsPerPage", "1"),
    ];
    for i in 0..20 {
        let r = us.get("/orders/v0/orders", &q).await;
        assert_eq!(r.status, 200, "call {i}");
        assert_eq!(r.headers["x-amzn-RateLimit-Limit"], "0.0167");
        assert!(r.headers.contains_key("x-amzn-RequestId"));
    }
    let r = us.get("/orders/v0/orders", &q).await;
    assert_eq!(r.status, 429);
    assert_eq!(
        r.body,
        json!({ "errors": [{ "code": "QuotaExceeded", "message": "You exceeded your quota for the requested resource." }] })
    );
    // Another seller has its own bucket.
    let eu = api(&sim, EU_SELLER).await;
    assert_eq!(
        eu.get(
            "/orders/v0/orders",
            &[("MarketplaceIds", DE), ("CreatedAfter", after.as_str())]
        )
        .await
        .status,
        200
    );
    // Sustained throttling turns into 403 until the bucket refills.
    for _ in 0..2 {
        assert_eq!(us.get("/orders/v0/orders", &q).await.status, 429);
    }
    assert_eq!(us.get("/orders/v0/orders", &q).await.status, 403);
    sim.advance(Duration::minutes(21));
    assert_eq!(us.get("/orders/v0/orders", &q).await.status, 200);
    // getOrder has its own, larger plan.
    let id = sim.orders(US_SELLER).unwrap()[0].order_id.clone();
    assert_eq!(
        us.get(&format!("/orders/v0/orders/{id}"), &[]).await.headers["x-amzn-RateLimit-Limit"],
        "0.5"
    );
    sim.shutdown().await;

    // The header can be missing or wrong.
    let mut cfg = SimConfig::new(52).frozen();
    cfg.limits.header = amazon_spapi::sim::RateLimitHeader::Missing;
    let sim = Simulator::start(cfg).await.unwrap();
    let us = api(&sim, US_SELLER).await;
    assert!(!us
        .get("/sellers/v1/marketplaceParticipations", &[])
        .await
        .headers
        .contains_key("x-amzn-RateLimit-Limit"));
    sim.shutdown().await;
}

async fn upload(http: &reqwest::Client, url: &str, ct: &str, body: &[u8]) -> u16 {
    http.put(url)
        .header("content-type", ct)
        .body(body.to_vec())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn submit_feed(sim: &SimHandle, api: &Api, feed_type: &str, mp: &str, ct: &str, doc: &[u8]) -> String {
    let d = api
        .post("/feeds/2021-06-30/documents", json!({ "contentType": ct }))
        .await;
    assert_eq!(d.status, 201, "{}", d.body);
    let url = d.body["url"].as_str().unwrap();
    assert!(url.starts_with(sim.base_url()));
    assert_eq!(
        upload(&api.http, url, "text/plain", doc).await,
        403,
        "wrong Content-Type is refused"
    );
    assert_eq!(upload(&api.http, url, ct, doc).await, 200);
    let f = api
        .post("/feeds/2021-06-30/feeds", json!({ "feedType": feed_type, "marketplaceIds": [mp], "inputFeedDocumentId": d.body["feedDocumentId"] }))
        .await;
    assert_eq!(f.status, 202, "{}", f.body);
    f.body["feedId"].as_str().unwrap().to_owned()
}

async fn feed_result(api: &Api, feed_id: &str) -> (Value, Vec<u8>) {
    let f = api.get(&format!("/feeds/2021-06-30/feeds/{feed_id}"), &[]).await;
    assert_eq!(f.status, 200);
    let doc_id = f.body["resultFeedDocumentId"]
        .as_str()
        .unwrap_or_else(|| panic!("no result: {}", f.body))
        .to_owned();
    let d = api
        .get(&format!("/feeds/2021-06-30/documents/{doc_id}"), &[])
        .await;
    assert_eq!(d.body["compressionAlgorithm"], "GZIP");
    let bytes = api
        .http
        .get(d.body["url"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec();
    (f.body, gunzip_if_needed(bytes))
}

#[tokio::test]
async fn feeds_ship_cancel_and_change_listings() {
    let sim = frozen(61).await;
    let us = api(&sim, US_SELLER).await;
    let open: Vec<_> = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .collect();
    let (ship, cancel) = (&open[0], &open[1]);
    let now = iso(sim.now());
    let fulfillment = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>{US_SELLER}</MerchantIdentifier></Header>
<MessageType>OrderFulfillment</MessageType>
<Message><MessageID>1</MessageID><OrderFulfillment><AmazonOrderID>{}</AmazonOrderID><FulfillmentDate>{now}</FulfillmentDate>
<FulfillmentData><CarrierCode>UPS</CarrierCode><ShipperTrackingNumber>1Z12345</ShipperTrackingNumber></FulfillmentData></OrderFulfillment></Message>
<Message><MessageID>2</MessageID><OrderFulfillment><AmazonOrderID>999-0000000-0000000</AmazonOrderID><FulfillmentDate>{now}</FulfillmentDate>
<FulfillmentData><CarrierCode>UPS</CarrierCode><ShipperTrackingNumber>1Z1</ShipperTrackingNumber></FulfillmentData></OrderFulfillment></Message>
</AmazonEnvelope>"#,
        ship.order_id
    );
    let f1 = submit_feed(
        &sim,
        &us,
        "POST_ORDER_FULFILLMENT_DATA",
        US,
        "text/xml; charset=UTF-8",
        fulfillment.as_bytes(),
    )
    .await;
    let st = us.get(&format!("/feeds/2021-06-30/feeds/{f1}"), &[]).await;
    assert_eq!(st.body["processingStatus"], "IN_QUEUE");
    // A second fulfillment feed right away waits for the 20-minute spacing.
    let f2 = submit_feed(
        &sim,
        &us,
        "POST_ORDER_FULFILLMENT_DATA",
        US,
        "text/xml; charset=UTF-8",
        fulfillment.as_bytes(),
    )
    .await;
    sim.advance(Duration::minutes(10));
    assert_eq!(
        us.get(&format!("/feeds/2021-06-30/feeds/{f1}"), &[]).await.body["processingStatus"],
        "DONE"
    );
    assert_eq!(
        us.get(&format!("/feeds/2021-06-30/feeds/{f2}"), &[]).await.body["processingStatus"],
        "IN_QUEUE"
    );
    let (_, report) = feed_result(&us, &f1).await;
    let report = String::from_utf8(report).unwrap();
    assert!(
        report.contains("<MessagesProcessed>2</MessagesProcessed>"),
        "{report}"
    );
    assert!(
        report.contains("<MessagesSuccessful>1</MessagesSuccessful>"),
        "{report}"
    );
    assert!(
        report.contains("<MessageID>2</MessageID><ResultCode>Error</ResultCode>"),
        "{report}"
    );
    assert_eq!(sim.order(&ship.order_id).unwrap().status, "Shipped");
    sim.advance(Duration::minutes(20));
    let (f2_body, f2_report) = feed_result(&us, &f2).await;
    assert_eq!(f2_body["processingStatus"], "DONE");
    assert!(
        String::from_utf8(f2_report)
            .unwrap()
            .contains("is Shipped and cannot be confirmed"),
        "shipping twice is an error"
    );

    // Order acknowledgement with Failure cancels the order.
    let ack = format!(
        r#"<?xml version="1.0"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>{US_SELLER}</MerchantIdentifier></Header>
<MessageType>OrderAcknowledgement</MessageType><Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>{}</AmazonOrderID>
<StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>{}</AmazonOrderItemCode><CancelReason>NoInventory</CancelReason></Item></OrderAcknowledgement></Message></AmazonEnvelope>"#,
        cancel.order_id, cancel.items[0].0
    );
    let f3 = submit_feed(
        &sim,
        &us,
        "POST_ORDER_ACKNOWLEDGEMENT_DATA",
        US,
        "text/xml; charset=UTF-8",
        ack.as_bytes(),
    )
    .await;
    sim.advance(Duration::minutes(10));
    let (_, report) = feed_result(&us, &f3).await;
    assert!(String::from_utf8(report)
        .unwrap()
        .contains("<MessagesSuccessful>1</MessagesSuccessful>"));
    assert_eq!(sim.order(&cancel.order_id).unwrap().status, "Canceled");

    // JSON_LISTINGS_FEED changes quantity and handling time.
    let sku = sim
        .skus(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|(_, fba)| !fba)
        .unwrap()
        .0;
    let listings = json!({
        "header": { "sellerId": US_SELLER, "version": "2.0", "issueLocale": "en_US" },
        "messages": [
            { "messageId": 1, "sku": sku, "operationType": "PATCH", "productType": "PRODUCT", "patches": [
                { "op": "replace", "path": "/attributes/fulfillment_availability",
                  "value": [{ "fulfillment_channel_code": "DEFAULT", "quantity": 7, "lead_time_to_ship_max_days": 4 }] } ] },
            { "messageId": 2, "sku": "NO-SUCH-SKU", "operationType": "PATCH", "productType": "PRODUCT", "patches": [
                { "op": "replace", "path": "/attributes/fulfillment_availability", "value": [{ "fulfillment_channel_code": "DEFAULT", "quantity": 1 }] } ] }
        ]
    });
    let f4 = submit_feed(
        &sim,
        &us,
        "JSON_LISTINGS_FEED",
        US,
        "application/json; charset=UTF-8",
        listings.to_string().as_bytes(),
    )
    .await;
    sim.advance(Duration::minutes(10));
    let (_, report) = feed_result(&us, &f4).await;
    let report: Value = serde_json::from_slice(&report).unwrap();
    assert_eq!(report["summary"]["messagesProcessed"], 2);
    assert_eq!(report["summary"]["messagesAccepted"], 1);
    assert_eq!(report["issues"][0]["messageId"], 2);
    let stock = sim.listing(US_SELLER, &sku).unwrap().unwrap();
    assert_eq!((stock.quantity, stock.handling_days), (7, 4));

    // Retired feed types are refused; a feed whose document was never uploaded too.
    let d = us
        .post(
            "/feeds/2021-06-30/documents",
            json!({ "contentType": "text/xml" }),
        )
        .await;
    let r = us
        .post("/feeds/2021-06-30/feeds", json!({ "feedType": "POST_INVENTORY_AVAILABILITY_DATA", "marketplaceIds": [US], "inputFeedDocumentId": d.body["feedDocumentId"] }))
        .await;
    assert_eq!(r.status, 400);
    let r = us
        .post("/feeds/2021-06-30/feeds", json!({ "feedType": "POST_ORDER_FULFILLMENT_DATA", "marketplaceIds": [US], "inputFeedDocumentId": d.body["feedDocumentId"] }))
        .await;
    assert_eq!(r.status, 400);
    // getFeeds: filters required; nextToken alone.
    let r = us
        .get(
            "/feeds/2021-06-30/feeds",
            &[("feedTypes", "POST_ORDER_FULFILLMENT_DATA"), ("pageSize", "1")],
        )
        .await;
    assert_eq!(r.body["feeds"].as_array().unwrap().len(), 1);
    let t = r.body["nextToken"].as_str().unwrap().to_owned();
    assert_eq!(
        us.get("/feeds/2021-06-30/feeds", &[("nextToken", &t), ("pageSize", "1")])
            .await
            .status,
        400
    );
    assert_eq!(
        us.get("/feeds/2021-06-30/feeds", &[("nextToken", &t)]).await.body["feeds"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(us.get("/feeds/2021-06-30/feeds", &[]).await.status, 400);
    sim.shutdown().await;
}

#[tokio::test]
async fn reports_are_processed_and_gzipped() {
    let sim = frozen(71).await;
    let us = api(&sim, US_SELLER).await;
    let r = us
        .post("/reports/2021-06-30/reports", json!({ "reportType": "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL", "marketplaceIds": [US], "dataStartTime": iso(sim.now() - Duration::days(1)) }))
        .await;
    assert_eq!(r.status, 202, "{}", r.body);
    let id = r.body["reportId"].as_str().unwrap().to_owned();
    assert_eq!(
        us.get(&format!("/reports/2021-06-30/reports/{id}"), &[])
            .await
            .body["processingStatus"],
        "IN_QUEUE"
    );
    sim.advance(Duration::minutes(5));
    let rep = us.get(&format!("/reports/2021-06-30/reports/{id}"), &[]).await;
    assert_eq!(rep.body["processingStatus"], "DONE");
    let doc = us
        .get(
            &format!(
                "/reports/2021-06-30/documents/{}",
                rep.body["reportDocumentId"].as_str().unwrap()
            ),
            &[],
        )
        .await;
    assert_eq!(doc.body["compressionAlgorithm"], "GZIP");
    let bytes = us
        .http
        .get(doc.body["url"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap()
        .to_vec();
    assert_eq!(&bytes[..2], &[0x1f, 0x8b]);
    let tsv = String::from_utf8(gunzip_if_needed(bytes)).unwrap();
    assert!(tsv.starts_with("amazon-order-id\t"));
    assert!(tsv.lines().count() > 50);
    // Japanese reports come in Shift_JIS.
    let jp = api(&sim, JP_SELLER).await;
    let r = jp
        .post(
            "/reports/2021-06-30/reports",
            json!({ "reportType": "GET_MERCHANT_LISTINGS_ALL_DATA", "marketplaceIds": [JP] }),
        )
        .await;
    sim.advance(Duration::minutes(5));
    let rep = jp
        .get(
            &format!(
                "/reports/2021-06-30/reports/{}",
                r.body["reportId"].as_str().unwrap()
            ),
            &[],
        )
        .await;
    let doc = jp
        .get(
            &format!(
                "/reports/2021-06-30/documents/{}",
                rep.body["reportDocumentId"].as_str().unwrap()
            ),
            &[],
        )
        .await;
    let bytes = gunzip_if_needed(
        jp.http
            .get(doc.body["url"].as_str().unwrap())
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec(),
    );
    assert!(std::str::from_utf8(&bytes).is_err(), "Shift_JIS, not UTF-8");
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&bytes);
    assert!(!bad && text.contains("水筒"));
    // Unknown type, getReports with and without token.
    assert_eq!(
        us.post(
            "/reports/2021-06-30/reports",
            json!({ "reportType": "GET_NOTHING", "marketplaceIds": [US] })
        )
        .await
        .status,
        400
    );
    let r = us
        .get(
            "/reports/2021-06-30/reports",
            &[(
                "reportTypes",
                "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL",
            )],
        )
        .await;
    assert_eq!(r.body["reports"].as_array().unwrap().len(), 1);
    sim.shutdown().await;
}

#[tokio::test]
async fn fulfillment_outbound_inventory_labels_sellers_listings() {
    let sim = frozen(81).await;
    let us = api(&sim, US_SELLER).await;
    // FBA inventory.
    let inv = us
        .get(
            "/fba/inventory/v1/summaries",
            &[
                ("details", "true"),
                ("granularityType", "Marketplace"),
                ("granularityId", US),
                ("marketplaceIds", US),
            ],
        )
        .await;
    assert_eq!(inv.status, 200, "{}", inv.body);
    let sums = inv.body["payload"]["inventorySummaries"].as_array().unwrap();
    let stocked = sums
        .iter()
        .find(|s| s["inventoryDetails"]["fulfillableQuantity"].as_i64().unwrap() >= 3)
        .unwrap();
    let sku = stocked["sellerSku"].as_str().unwrap().to_owned();
    let before = stocked["inventoryDetails"]["fulfillableQuantity"]
        .as_i64()
        .unwrap();
    assert_eq!(
        us.get(
            "/fba/inventory/v1/summaries",
            &[("granularityType", "Marketplace"), ("granularityId", US)]
        )
        .await
        .status,
        400
    );
    // MCF: preview, create, statuses, tracking, cancel.
    let addr = json!({ "name": "Test Buyer", "addressLine1": "1 Main St", "city": "Seattle", "stateOrRegion": "WA", "postalCode": "98101", "countryCode": "US" });
    let p = us.post("/fba/outbound/2020-07-01/fulfillmentOrders/preview", json!({ "address": addr, "items": [{ "sellerSku": sku, "quantity": 2, "sellerFulfillmentOrderItemId": "1" }] })).await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert_eq!(p.body["payload"]["fulfillmentPreviews"][0]["isFulfillable"], true);
    let create = |id: &str| {
        json!({ "sellerFulfillmentOrderId": id, "displayableOrderId": id, "displayableOrderDate": iso(sim.now()), "displayableOrderComment": "Thanks",
                "shippingSpeedCategory": "Standard", "destinationAddress": addr, "items": [{ "sellerSku": sku, "sellerFulfillmentOrderItemId": "1", "quantity": 2 }] })
    };
    assert_eq!(
        us.post("/fba/outbound/2020-07-01/fulfillmentOrders", create("MCF-1"))
            .await
            .status,
        200
    );
    assert_eq!(
        us.post("/fba/outbound/2020-07-01/fulfillmentOrders", create("MCF-1"))
            .await
            .status,
        400
    );
    assert_eq!(
        us.post("/fba/outbound/2020-07-01/fulfillmentOrders", create("MCF-2"))
            .await
            .status,
        200
    );
    let g = us
        .get("/fba/outbound/2020-07-01/fulfillmentOrders/MCF-1", &[])
        .await;
    assert_eq!(
        g.body["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"],
        "New"
    );
    sim.advance(Duration::minutes(15));
    assert_eq!(
        us.get("/fba/outbound/2020-07-01/fulfillmentOrders/MCF-1", &[])
            .await
            .body["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"],
        "Planning"
    );
    assert_eq!(
        us.send(
            reqwest::Method::PUT,
            "/fba/outbound/2020-07-01/fulfillmentOrders/MCF-2/cancel",
            &[],
            None
        )
        .await
        .status,
        200
    );
    sim.advance(Duration::hours(20));
    let us = api(&sim, US_SELLER).await;
    let g = us
        .get("/fba/outbound/2020-07-01/fulfillmentOrders/MCF-1", &[])
        .await;
    assert_eq!(
        g.body["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"], "Complete",
        "{}",
        g.body
    );
    let pkg = &g.body["payload"]["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0];
    assert!(pkg["trackingNumber"].as_str().unwrap().starts_with("TBA"));
    let t = us
        .get(
            "/fba/outbound/2020-07-01/tracking",
            &[("packageNumber", &pkg["packageNumber"].to_string())],
        )
        .await;
    assert_eq!(t.status, 200, "{}", t.body);
    assert_eq!(t.body["payload"]["currentStatus"], "IN_TRANSIT");
    assert_eq!(
        us.send(
            reqwest::Method::PUT,
            "/fba/outbound/2020-07-01/fulfillmentOrders/MCF-1/cancel",
            &[],
            None
        )
        .await
        .status,
        400
    );
    let l = us.get("/fba/outbound/2020-07-01/fulfillmentOrders", &[]).await;
    assert_eq!(
        l.body["payload"]["fulfillmentOrders"].as_array().unwrap().len(),
        2
    );
    let after = sim.listing(US_SELLER, &sku).unwrap().unwrap().fba_fulfillable;
    assert!(after <= before - 2, "MCF took stock: {before} -> {after}");

    // Merchant Fulfillment: eligible services, create (confirms the shipment), get, cancel.
    let o = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .unwrap();
    let details = json!({ "AmazonOrderId": o.order_id, "ItemList": o.items.iter().map(|i| json!({ "OrderItemId": i.0, "Quantity": i.2 })).collect::<Vec<_>>(),
        "ShipFromAddress": { "Name": "Warehouse", "AddressLine1": "2201 Westlake Ave", "City": "Seattle", "StateOrProvinceCode": "WA", "PostalCode": "98121", "CountryCode": "US", "Email": "w@example.com", "Phone": "+1 206 555 0100" },
        "PackageDimensions": { "Length": 10, "Width": 8, "Height": 4, "Unit": "inches" }, "Weight": { "Value": 16, "Unit": "oz" },
        "ShippingServiceOptions": { "DeliveryExperience": "DeliveryConfirmationWithoutSignature", "CarrierWillPickUp": false } });
    let e = us
        .post(
            "/mfn/v0/eligibleShippingServices",
            json!({ "ShipmentRequestDetails": details }),
        )
        .await;
    assert_eq!(e.status, 200, "{}", e.body);
    let svc = e.body["payload"]["ShippingServiceList"][0]["ShippingServiceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let c = us
        .post(
            "/mfn/v0/shipments",
            json!({ "ShipmentRequestDetails": details, "ShippingServiceId": svc }),
        )
        .await;
    assert_eq!(c.status, 200, "{}", c.body);
    let label = &c.body["payload"]["Label"]["FileContents"];
    assert!(
        label["Contents"].as_str().unwrap().len() > 40 && label["Checksum"].as_str().unwrap().ends_with("==")
    );
    assert_eq!(c.body["payload"]["Status"], "Purchased");
    assert_eq!(sim.order(&o.order_id).unwrap().status, "Shipped");
    let sid = c.body["payload"]["ShipmentId"].as_str().unwrap().to_owned();
    assert_eq!(
        us.get(&format!("/mfn/v0/shipments/{sid}"), &[]).await.body["payload"]["TrackingId"],
        c.body["payload"]["TrackingId"]
    );
    let x = us
        .send(
            reqwest::Method::DELETE,
            &format!("/mfn/v0/shipments/{sid}"),
            &[],
            None,
        )
        .await;
    assert_eq!(x.body["payload"]["Status"], "RefundPending");
    assert_eq!(
        us.post(
            "/mfn/v0/shipments",
            json!({ "ShipmentRequestDetails": details, "ShippingServiceId": svc })
        )
        .await
        .status,
        400
    );

    // Sellers and Listings Items.
    let s = us.get("/sellers/v1/marketplaceParticipations", &[]).await;
    let ids: Vec<&str> = s.body["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["marketplace"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&US));
    let mfn_sku = sim
        .skus(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|(_, fba)| !fba)
        .unwrap()
        .0;
    let path = format!("/listings/2021-08-01/items/{US_SELLER}/{mfn_sku}");
    let g = us
        .get(
            &path,
            &[
                ("marketplaceIds", US),
                (
                    "includedData",
                    "summaries,attributes,fulfillmentAvailability,offers",
                ),
            ],
        )
        .await;
    assert_eq!(g.status, 200, "{}", g.body);
    assert_eq!(g.body["sku"], mfn_sku.as_str());
    assert_eq!(g.body["summaries"][0]["marketplaceId"], US);
    let p = us
        .send(reqwest::Method::PATCH, &path, &[("marketplaceIds", US)], Some(json!({ "productType": "HOME", "patches": [
            { "op": "replace", "path": "/attributes/fulfillment_availability", "value": [{ "fulfillment_channel_code": "DEFAULT", "quantity": 42, "lead_time_to_ship_max_days": 2 }] } ] })))
        .await;
    assert_eq!(p.body["status"], "ACCEPTED", "{}", p.body);
    assert_eq!(sim.listing(US_SELLER, &mfn_sku).unwrap().unwrap().quantity, 42);
    let g = us
        .get(
            &path,
            &[
                ("marketplaceIds", US),
                ("includedData", "fulfillmentAvailability"),
            ],
        )
        .await;
    assert_eq!(g.body["fulfillmentAvailability"][0]["quantity"], 42);
    assert_eq!(
        us.get(
            &format!("/listings/2021-08-01/items/{EU_SELLER}/{mfn_sku}"),
            &[("marketplaceIds", US)]
        )
        .await
        .status,
        403
    );
    let s = us
        .get(
            &format!("/listings/2021-08-01/items/{US_SELLER}"),
            &[("marketplaceIds", US), ("pageSize", "20")],
        )
        .await;
    assert_eq!(s.body["items"].as_array().unwrap().len(), 20);
    assert!(s.body["pagination"]["nextToken"].is_string());
    sim.shutdown().await;
}

#[tokio::test]
async fn sandbox_cases_are_answered() {
    let sim = frozen(91).await;
    let us = api(&sim, US_SELLER).await;
    let r = us.get("/orders/v0/orders/TEST_CASE_200", &[]).await;
    assert_eq!(r.status, 200);
    assert!(r.body["payload"]["AmazonOrderId"].is_string());
    let r = us.get("/orders/v0/orders/TEST_CASE_400", &[]).await;
    assert_eq!(r.status, 400);
    let r = us
        .get(
            "/orders/v0/orders",
            &[("CreatedAfter", "TEST_CASE_200"), ("MarketplaceIds", US)],
        )
        .await;
    assert_eq!(r.status, 200);
    assert!(!r.body["payload"]["Orders"].as_array().unwrap().is_empty());
    sim.shutdown().await;
    // Only mode: anything else is a 400.
    let sim = Simulator::start(
        SimConfig::new(91)
            .frozen()
            .sandbox(amazon_spapi::sim::SandboxMode::Only),
    )
    .await
    .unwrap();
    let us = api(&sim, US_SELLER).await;
    assert_eq!(us.get("/orders/v0/orders/TEST_CASE_200", &[]).await.status, 200);
    let id = sim.orders(US_SELLER).unwrap()[0].order_id.clone();
    assert_eq!(us.get(&format!("/orders/v0/orders/{id}"), &[]).await.status, 400);
    sim.shutdown().await;
}

#[tokio::test]
async fn faults_are_seeded_and_requests_recorded() {
    let faults = FaultConfig {
        internal_error_share: 0.15,
        unavailable_share: 0.15,
        connection_reset_share: 0.1,
        truncated_body_share: 0.1,
        ..FaultConfig::default()
    };
    let mut outcomes = Vec::new();
    for _ in 0..2 {
        let sim = Simulator::start(
            SimConfig::new(101)
                .frozen()
                .without_limits()
                .faults(faults.clone()),
        )
        .await
        .unwrap();
        let us = api(&sim, US_SELLER).await;
        let mut seen = Vec::new();
        for _ in 0..60 {
            let r = us
                .http
                .get(format!("{}/sellers/v1/marketplaceParticipations", sim.base_url()))
                .header("x-amz-access-token", &us.token)
                .send()
                .await;
            let outcome = match r {
                Err(_) => "send-error".to_owned(),
                Ok(r) => {
                    let s = r.status().as_u16();
                    match r.bytes().await {
                        Ok(b) if serde_json::from_slice::<Value>(&b).is_ok() => s.to_string(),
                        _ => format!("{s}-broken-body"),
                    }
                }
            };
            seen.push(outcome);
        }
        let recorded = sim.recorded_requests();
        assert_eq!(recorded.len(), 61);
        assert_eq!(
            recorded[1].operation.as_deref(),
            Some("sellers/getMarketplaceParticipations")
        );
        assert_eq!(recorded[1].token_kind, TokenKind::Access);
        assert_eq!(recorded[1].seller.as_deref(), Some(US_SELLER));
        outcomes.push(seen);
        sim.shutdown().await;
    }
    assert_eq!(outcomes[0], outcomes[1], "same seed, same faults");
    let o = &outcomes[0];
    for kind in ["200", "500", "503"] {
        assert!(o.iter().any(|x| x == kind), "{kind} in {o:?}");
    }
    assert!(
        o.iter().any(|x| x.contains("broken") || x == "send-error"),
        "{o:?}"
    );

    // Repeated pages: the client sees some orders twice but none is lost.
    let sim = Simulator::start(SimConfig::new(102).frozen().without_limits().faults(FaultConfig {
        repeated_page_share: 0.5,
        reordered_page_share: 0.5,
        ..FaultConfig::default()
    }))
    .await
    .unwrap();
    let us = api(&sim, US_SELLER).await;
    let (orders, _) = all_orders(&us, US, sim.now() - Duration::days(3), "20").await;
    let unique: HashSet<&str> = orders
        .iter()
        .map(|o| o["AmazonOrderId"].as_str().unwrap())
        .collect();
    assert!(orders.len() > unique.len(), "some page came twice");
    let expected = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| o.marketplace_id == US && o.purchase_date <= sim.now() - Duration::minutes(2))
        .count();
    assert_eq!(unique.len(), expected);
    sim.shutdown().await;

    // A token that expires mid-run.
    let sim = Simulator::start(SimConfig::new(103).frozen().faults(FaultConfig {
        expire_tokens_after_requests: Some(3),
        ..FaultConfig::default()
    }))
    .await
    .unwrap();
    let us = api(&sim, US_SELLER).await;
    let codes: Vec<u16> = {
        let mut v = Vec::new();
        for _ in 0..5 {
            v.push(us.get("/sellers/v1/marketplaceParticipations", &[]).await.status);
        }
        v
    };
    assert_eq!(codes, vec![200, 200, 200, 403, 403]);
    let fresh = api(&sim, US_SELLER).await;
    assert_eq!(
        fresh
            .get("/sellers/v1/marketplaceParticipations", &[])
            .await
            .status,
        200
    );
    sim.shutdown().await;
}

async fn transcript(seed: u64) -> Vec<Vec<u8>> {
    let sim = frozen(seed).await;
    let us = api(&sim, US_SELLER).await;
    let mut out = Vec::new();
    let after = iso(sim.now() - Duration::days(2));
    let r = us
        .get(
            "/orders/v0/orders",
            &[
                ("MarketplaceIds", US),
                ("CreatedAfter", &after),
                ("MaxResultsPerPage", "30"),
            ],
        )
        .await;
    let next = r.body["payload"]["NextToken"].as_str().unwrap().to_owned();
    let first_id = r.body["payload"]["Orders"][0]["AmazonOrderId"]
        .as_str()
        .unwrap()
        .to_owned();
    out.push(r.bytes);
    out.push(
        us.get(
            "/orders/v0/orders",
            &[("MarketplaceIds", US), ("NextToken", &next)],
        )
        .await
        .bytes,
    );
    out.push(
        us.get(&format!("/orders/v0/orders/{first_id}/orderItems"), &[])
            .await
            .bytes,
    );
    out.push(
        us.get(
            "/orders/2026-01-01/orders",
            &[
                ("createdAfter", &after),
                ("includedData", "BUYER,RECIPIENT,PROCEEDS,FULFILLMENT,PACKAGES"),
            ],
        )
        .await
        .bytes,
    );
    out.push(
        us.post(
            "/tokens/2021-03-01/restrictedDataToken",
            json!({ "restrictedResources": [{ "method": "GET", "path": "/orders/v0/orders" }] }),
        )
        .await
        .bytes,
    );
    out.push(
        us.get(
            "/fba/inventory/v1/summaries",
            &[
                ("details", "true"),
                ("granularityType", "Marketplace"),
                ("granularityId", US),
                ("marketplaceIds", US),
            ],
        )
        .await
        .bytes,
    );
    sim.advance(Duration::hours(6));
    out.push(
        us.get(
            "/orders/v0/orders",
            &[("MarketplaceIds", US), ("LastUpdatedAfter", &after)],
        )
        .await
        .bytes,
    );
    out.push(us.token.clone().into_bytes());
    sim.shutdown().await;
    out
}

#[tokio::test]
async fn same_seed_same_bytes() {
    let a = transcript(7).await;
    let b = transcript(7).await;
    assert_eq!(a.len(), b.len());
    for (i, (x, y)) in a.iter().zip(b.iter()).enumerate() {
        assert_eq!(x, y, "answer {i} differs");
        assert!(x.len() > 10);
    }
    let c = transcript(8).await;
    assert_ne!(a[0], c[0], "another seed, another marketplace");
}
