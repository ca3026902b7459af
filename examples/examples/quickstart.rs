//! Quickstart: what OrderHub can do today, end to end against the local SP-API simulator, with no credentials.
//!
//! 1. Lists the 23 Amazon marketplaces OrderHub knows.
//! 2. Runs the website authorization workflow: builds the Seller Central consent URL, then exchanges the
//!    `spapi_oauth_code` the seller comes back with for a refresh token (the simulator plays the seller).
//! 3. With that refresh token, asks Amazon which marketplaces the seller sells in, and pages through the
//!    orders of the last three days (Orders v0 `getOrders`; the client's rate limiter spends the burst
//!    and then waits, in simulated time).
//!
//! The full main job (import into SQLite with rules, shipments, cancellations, inventory, redaction) is
//! the sync engine's, which is still being built; this example grows into it.
//!
//! Run: `cargo run -p examples --example quickstart`

use std::collections::BTreeMap;
use std::sync::Arc;

use amazon_spapi::auth::{ConsentRequest, LwaClient, LwaCredentials};
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::marketplace::Marketplace;
use amazon_spapi::orders_v0::GetOrders;
use amazon_spapi::region::Region;
use amazon_spapi::sellers_v1::GetMarketplaceParticipations;
use amazon_spapi::sim::{SimConfig, Simulator};
use amazon_spapi::transport::ReqwestTransport;
use futures::TryStreamExt;

const EU_SELLER: &str = "A2SIMEUSELLER1";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    println!("OrderHub quickstart (against the local SP-API simulator)\n");

    println!("Marketplaces:");
    for m in Marketplace::ALL {
        println!(
            "  {:<3} {:<22} {:<15} {} {}",
            m.code, m.country, m.id, m.currency, m.region
        );
    }

    let sim = Simulator::start(SimConfig::new(7).frozen()).await?;
    println!("\nSimulator listening at {}", sim.base_url());

    // Website authorization workflow: send the seller to Seller Central...
    let consent =
        ConsentRequest::new("amzn1.sp.solution.quickstart", "state-7f3a9c").url_for_region(Region::Europe)?;
    println!("\n1. Send the seller to: {consent}");
    // ...the seller consents and comes back with a code (the simulator plays the seller here)...
    let code = sim.authorization_code(EU_SELLER)?;
    let lwa = LwaClient::new(
        Arc::new(ReqwestTransport::new()?),
        Arc::new(sim.clock()),
        Url::parse(&sim.lwa_url())?,
    );
    // ...and the code becomes the seller's refresh token (store it encrypted; never log it).
    let grant = lwa
        .exchange_authorization_code(sim.client_id(), &sim.client_secret(), &code, None)
        .await?;
    println!(
        "2. Authorization code exchanged; refresh token received: {}",
        grant.refresh_token
    );

    let client = SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            grant.refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url())?)
        .lwa_endpoint(Url::parse(&sim.lwa_url())?)
        .selling_partner_id(EU_SELLER)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()?;

    let participations = GetMarketplaceParticipations::new(&client).send().await?;
    let ids: Vec<String> = participations
        .iter()
        .filter_map(|p| {
            p.marketplace
                .as_ref()
                .and_then(|m| m.id.as_ref())
                .map(|id| id.as_str().to_owned())
        })
        .collect();
    println!(
        "3. {EU_SELLER} sells in {} marketplaces: {}",
        ids.len(),
        ids.join(", ")
    );

    let since = sim.now() - chrono::Duration::days(3);
    let orders: Vec<_> = GetOrders::new(&client)
        .marketplace_ids(ids.iter().map(String::as_str))
        .last_updated_after(since)
        .orders()
        .try_collect()
        .await?;
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    for o in &orders {
        let status = o
            .order_status
            .as_ref()
            .map_or("(none)".to_owned(), |s| s.as_str().to_owned());
        *by_status.entry(status).or_default() += 1;
    }
    println!("4. {} orders changed in the last three days:", orders.len());
    for (status, n) in &by_status {
        println!("     {status:<20} {n:>5}");
    }

    sim.shutdown().await;
    println!("\nDone.");
    Ok(())
}
