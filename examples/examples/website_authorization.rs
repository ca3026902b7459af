//! Website authorization: how a seller connects their Amazon account to your hub.
//!
//! 1. Build the Seller Central consent URL for the seller's region, carrying an unguessable `state` tied
//!    to the user's session.
//! 2. Read the redirect Amazon sends back (`spapi_oauth_code`, `selling_partner_id`, `state`) and refuse
//!    it when the `state` does not match (a forged callback, shown here too).
//! 3. Exchange the code (valid five minutes, usable once) for the seller's refresh token, keep it
//!    encrypted, and make a first call with it.
//!
//! By default the local simulator plays Seller Central and the seller. Against Amazon, set
//! `SPAPI_APP_ID`, `SPAPI_CLIENT_ID`, `SPAPI_CLIENT_SECRET` (and `SPAPI_REGION`, default NA): the example
//! prints the consent URL and exits; run it again with `SPAPI_REDIRECT_URL` (the full URL the seller came
//! back to) and `SPAPI_OAUTH_STATE` (the state printed the first time) to exchange the code, and
//! `SPAPI_REFRESH_TOKEN_FILE` to have the refresh token written to that file (it is never printed).
//!
//! Run: `cargo run -p examples --example website_authorization`

use std::sync::Arc;

use amazon_spapi::auth::DEFAULT_LWA_ENDPOINT;
use amazon_spapi::auth::{AuthorizationCallback, ConsentRequest, LwaClient, LwaCredentials, SecretString};
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::clock::SystemClock;
use amazon_spapi::region::Region;
use amazon_spapi::sellers_v1::GetMarketplaceParticipations;
use amazon_spapi::sim::{SimConfig, Simulator};
use amazon_spapi::transport::ReqwestTransport;
use anyhow::Context as _;
use examples::env;
use rand::Rng as _;

/// Where Seller Central sends the seller back to (one of the app's registered redirect URIs).
const REDIRECT_URI: &str = "https://hub.example.com/amazon/callback";

/// An unguessable state for one authorization attempt (keep it in the user's session).
fn new_state() -> String {
    let bytes: [u8; 16] = rand::thread_rng().gen();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Ok(client_id) = std::env::var(env::CLIENT_ID) else {
        return against_simulator().await;
    };
    let app_id = std::env::var("SPAPI_APP_ID").context(
        "SPAPI_APP_ID is not set: set it to your app's id (amzn1.sp.solution....) from Developer Central",
    )?;
    let secret =
        std::env::var(env::CLIENT_SECRET).with_context(|| format!("{} is not set", env::CLIENT_SECRET))?;
    against_amazon(&app_id, &client_id, SecretString::new(secret)).await
}

async fn against_simulator() -> anyhow::Result<()> {
    println!("Website authorization against the local simulator (set SPAPI_APP_ID, SPAPI_CLIENT_ID and");
    println!("SPAPI_CLIENT_SECRET to run it against Amazon)\n");
    let sim = Simulator::start(SimConfig::new(11).frozen()).await?;
    let seller = "A2SIMEUSELLER1";

    // 1. The consent URL. `beta(true)` while the app is still a draft in Developer Central.
    let state = new_state();
    let consent = ConsentRequest::new("amzn1.sp.solution.example-app", state.as_str())
        .redirect_uri(REDIRECT_URI)
        .beta(true)
        .url_for_region(Region::Europe)?;
    println!("1. Send the seller to:\n   {consent}");

    // 2. The seller consents; Seller Central redirects to REDIRECT_URI (the simulator plays the seller).
    let code = sim.authorization_code(seller)?;
    let mut redirect = Url::parse(REDIRECT_URI)?;
    redirect
        .query_pairs_mut()
        .append_pair("state", &state)
        .append_pair("selling_partner_id", seller)
        .append_pair("spapi_oauth_code", code.expose());

    // A callback with someone else's state is refused before any code is exchanged.
    let mut forged = redirect.clone();
    forged
        .query_pairs_mut()
        .clear()
        .append_pair("state", "attacker-chosen")
        .append_pair("selling_partner_id", seller)
        .append_pair("spapi_oauth_code", "ANstolen");
    match AuthorizationCallback::from_redirect(&forged, &state) {
        Err(e) => println!("2. A forged callback is refused: {e}"),
        Ok(_) => anyhow::bail!("a callback with the wrong state was accepted"),
    }
    let callback = AuthorizationCallback::from_redirect(&redirect, &state)?;
    println!(
        "   The real callback is accepted for seller {} (the code is a secret: {:?})",
        callback.selling_partner_id, callback.spapi_oauth_code
    );

    // 3. The code becomes the seller's refresh token.
    let lwa = LwaClient::new(
        Arc::new(ReqwestTransport::new()?),
        Arc::new(sim.clock()),
        Url::parse(&sim.lwa_url())?,
    );
    let grant = lwa
        .exchange_authorization_code(
            sim.client_id(),
            &sim.client_secret(),
            &callback.spapi_oauth_code,
            Some(REDIRECT_URI),
        )
        .await?;
    println!(
        "3. Code exchanged: refresh token {} (store it encrypted; Debug and Display never show it)",
        grant.refresh_token
    );
    // A code works once: replaying it is refused.
    let replay = lwa
        .exchange_authorization_code(
            sim.client_id(),
            &sim.client_secret(),
            &callback.spapi_oauth_code,
            Some(REDIRECT_URI),
        )
        .await;
    match replay {
        Err(e) => println!("   Replaying the code is refused: {e}"),
        Ok(_) => anyhow::bail!("a used authorization code was accepted twice"),
    }

    // The refresh token works: ask which marketplaces the seller sells in.
    let client = SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            grant.refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url())?)
        .lwa_endpoint(Url::parse(&sim.lwa_url())?)
        .selling_partner_id(callback.selling_partner_id.as_str())
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()?;
    let participations = GetMarketplaceParticipations::new(&client).send().await?;
    let names: Vec<String> = participations
        .iter()
        .filter_map(|p| p.marketplace.as_ref()?.country_code.clone())
        .collect();
    println!(
        "4. Connected: {} sells in {}",
        callback.selling_partner_id,
        names.join(", ")
    );
    sim.shutdown().await;
    Ok(())
}

async fn against_amazon(app_id: &str, client_id: &str, client_secret: SecretString) -> anyhow::Result<()> {
    let region = match std::env::var(env::REGION) {
        Ok(r) => r
            .parse::<Region>()
            .with_context(|| format!("{} must be NA, EU or FE", env::REGION))?,
        Err(_) => Region::NorthAmerica,
    };
    let (Ok(redirect), Ok(state)) = (
        std::env::var("SPAPI_REDIRECT_URL"),
        std::env::var("SPAPI_OAUTH_STATE"),
    ) else {
        let state = new_state();
        let beta = std::env::var("SPAPI_APP_BETA").is_ok_and(|v| v == "1");
        let url = ConsentRequest::new(app_id, state.as_str())
            .beta(beta)
            .url_for_region(region)?;
        println!("Send the seller to:\n  {url}\n");
        println!("Then run again with SPAPI_OAUTH_STATE={state} and SPAPI_REDIRECT_URL=<the URL they came back to>.");
        return Ok(());
    };
    let redirect = Url::parse(&redirect).context("SPAPI_REDIRECT_URL is not a URL")?;
    let callback = AuthorizationCallback::from_redirect(&redirect, &state)?;
    let lwa = LwaClient::new(
        Arc::new(ReqwestTransport::new()?),
        Arc::new(SystemClock::new()),
        Url::parse(DEFAULT_LWA_ENDPOINT)?,
    );
    let redirect_uri = std::env::var("SPAPI_REDIRECT_URI").ok();
    let grant = lwa
        .exchange_authorization_code(
            client_id,
            &client_secret,
            &callback.spapi_oauth_code,
            redirect_uri.as_deref(),
        )
        .await?;
    let client = SpApiClient::builder()
        .credentials(LwaCredentials::new(
            client_id,
            client_secret,
            grant.refresh_token.clone(),
        ))
        .region(region)
        .selling_partner_id(callback.selling_partner_id.as_str())
        .build()?;
    let participations = GetMarketplaceParticipations::new(&client).send().await?;
    println!(
        "Connected {}: sells in {} marketplaces.",
        callback.selling_partner_id,
        participations.len()
    );
    // The refresh token is a secret: it is never printed. Keep it in your secret store.
    if let Ok(path) = std::env::var("SPAPI_REFRESH_TOKEN_FILE") {
        write_secret(&path, grant.refresh_token.expose())?;
        println!("Refresh token written to {path} (mode 0600).");
    } else {
        println!("Set SPAPI_REFRESH_TOKEN_FILE to have the refresh token written to a file (mode 0600).");
    }
    Ok(())
}

/// Writes `secret` to a file only its owner can read.
fn write_secret(path: &str, secret: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .with_context(|| format!("cannot write {path}"))?;
    file.write_all(secret.as_bytes())?;
    Ok(())
}
