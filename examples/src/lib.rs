//! The harness the runnable examples share: each example runs against OrderHub's local SP-API simulator by
//! default, and against Amazon when credentials are in the environment.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! use amazon_spapi::sim::{Role, SellerSpec};
//! use examples::{Harness, SimOptions};
//!
//! let sellers = vec![SellerSpec::new("A1SIMUSSELLER1", &["US", "CA"]).roles(&Role::ALL)];
//! let harness = Harness::from_env_or_simulator(SimOptions::new(7, sellers)).await?;
//! for s in harness.sellers() {
//!     println!("{} in {} ({} marketplaces)", s.seller_id, s.region, s.marketplace_ids.len());
//! }
//! harness.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! # Environment
//!
//! | variable | meaning |
//! | --- | --- |
//! | `SPAPI_CLIENT_ID` | LWA client id of your application; when set, examples run against Amazon |
//! | `SPAPI_CLIENT_SECRET` | LWA client secret |
//! | `SPAPI_REFRESH_TOKEN` | the seller's refresh token (from the website or self authorization) |
//! | `SPAPI_SELLER_ID` | the seller's selling partner id (merchant token) |
//! | `SPAPI_REGION` | `NA`, `EU` or `FE`; default: the region of the first marketplace |
//! | `SPAPI_MARKETPLACES` | comma-separated country codes or marketplace ids (`US,CA`); default: every marketplace the seller participates in |
//! | `SPAPI_SANDBOX` | `1`: Amazon's sandbox endpoints instead of production |
//! | `ORDERHUB_LIVE_WRITES` | `1`: against Amazon, let examples confirm shipments, cancel orders and change stock (they skip these steps otherwise) |
//! | `ORDERHUB_EXAMPLE_SMALL` | `1`: small sizes (what CI runs) |
//!
//! Against the simulator, simulated time is frozen and moves only when the harness (or a rate limiter
//! waiting under Amazon's usage plans) advances it, so an example covering days of orders finishes in
//! seconds.

use std::fmt;
use std::sync::Arc;

use amazon_spapi::auth::{ConsentRequest, LwaClient, LwaCredentials, SecretString};
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::clock::{Clock, Sleeper, SystemClock, TokioSleeper};
use amazon_spapi::marketplace::Marketplace;
use amazon_spapi::region::{Environment, Region};
use amazon_spapi::sellers_v1::GetMarketplaceParticipations;
use amazon_spapi::sim::{SellerSpec, SimConfig, SimHandle, Simulator};
use amazon_spapi::transport::ReqwestTransport;
use anyhow::{anyhow, bail, Context};
use chrono::{DateTime, Utc};
use orderhub_core::engine::ConnectionRuntime;
use orderhub_core::{
    AmazonRegion, Connection, ConnectionHealth, ConnectionId, ConnectionSettings, MarketplaceId, SellerId,
};

/// The names of the environment variables the harness reads.
pub mod env {
    /// LWA client id; its presence switches the examples to Amazon.
    pub const CLIENT_ID: &str = "SPAPI_CLIENT_ID";
    /// LWA client secret.
    pub const CLIENT_SECRET: &str = "SPAPI_CLIENT_SECRET";
    /// The seller's refresh token.
    pub const REFRESH_TOKEN: &str = "SPAPI_REFRESH_TOKEN";
    /// `NA`, `EU` or `FE`.
    pub const REGION: &str = "SPAPI_REGION";
    /// Comma-separated marketplace country codes or ids.
    pub const MARKETPLACES: &str = "SPAPI_MARKETPLACES";
    /// The seller's selling partner id.
    pub const SELLER_ID: &str = "SPAPI_SELLER_ID";
    /// `1` for Amazon's sandbox endpoints.
    pub const SANDBOX: &str = "SPAPI_SANDBOX";
    /// `1` to let examples write to a live seller account.
    pub const LIVE_WRITES: &str = "ORDERHUB_LIVE_WRITES";
    /// `1` for small sizes (CI).
    pub const SMALL: &str = "ORDERHUB_EXAMPLE_SMALL";
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| matches!(v.trim(), "1" | "true" | "yes" | "on"))
}

fn var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// Whether examples run with small sizes (`ORDERHUB_EXAMPLE_SMALL=1`, as CI does).
pub fn small() -> bool {
    flag(env::SMALL)
}

/// `small` when [`small()`] is on, `full` otherwise.
pub fn sized<T>(full: T, small: T) -> T {
    if self::small() {
        small
    } else {
        full
    }
}

/// How to start the simulator when no credentials are in the environment.
#[derive(Debug, Clone)]
pub struct SimOptions {
    /// Seed of every generated value.
    pub seed: u64,
    /// The simulated sellers.
    pub sellers: Vec<SellerSpec>,
    /// Simulated time at start (default: the simulator's, 2026-11-02T08:00:00Z).
    pub start_time: Option<DateTime<Utc>>,
    /// Order history before the start (default: the simulator's, two days).
    pub history: Option<chrono::Duration>,
    /// Move simulated time to this instant right after starting (the marketplace catches up: orders
    /// created and changed meanwhile exist, exactly as if the simulator had run until then).
    pub advance_to: Option<DateTime<Utc>>,
    /// Enforce Amazon's usage plans (default on; waits are virtual because the clock is frozen).
    pub usage_plans: bool,
}

impl SimOptions {
    /// Options with `seed` and `sellers`, everything else the simulator's default.
    pub fn new(seed: u64, sellers: Vec<SellerSpec>) -> Self {
        SimOptions {
            seed,
            sellers,
            start_time: None,
            history: None,
            advance_to: None,
            usage_plans: true,
        }
    }

    /// Sets the simulated start time.
    #[must_use]
    pub fn start_time(mut self, t: DateTime<Utc>) -> Self {
        self.start_time = Some(t);
        self
    }

    /// Sets how much order history exists before the start.
    #[must_use]
    pub fn history(mut self, d: chrono::Duration) -> Self {
        self.history = Some(d);
        self
    }

    /// Moves simulated time to `t` right after starting.
    #[must_use]
    pub fn advance_to(mut self, t: DateTime<Utc>) -> Self {
        self.advance_to = Some(t);
        self
    }

    /// Switches usage-plan enforcement on or off.
    #[must_use]
    pub fn usage_plans(mut self, on: bool) -> Self {
        self.usage_plans = on;
        self
    }

    fn config(&self) -> SimConfig {
        let mut cfg = SimConfig::new(self.seed).frozen().sellers(self.sellers.clone());
        if let Some(t) = self.start_time {
            cfg = cfg.start_time(t);
        }
        if let Some(h) = self.history {
            cfg.history = h;
        }
        if !self.usage_plans {
            cfg = cfg.without_limits();
        }
        cfg
    }
}

/// One seller the example can talk to.
#[derive(Clone)]
pub struct SellerAccess {
    /// The selling partner id.
    pub seller_id: String,
    /// The SP-API region.
    pub region: Region,
    /// Marketplace ids the example uses for this seller.
    pub marketplace_ids: Vec<String>,
    /// The seller's client (rate-limited, retried; on the harness's clock).
    pub client: SpApiClient,
}

impl fmt::Debug for SellerAccess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SellerAccess")
            .field("seller_id", &self.seller_id)
            .field("region", &self.region)
            .field("marketplace_ids", &self.marketplace_ids)
            .finish_non_exhaustive()
    }
}

/// What the website authorization workflow gives: the consent URL the seller was sent to, and the refresh
/// token the `spapi_oauth_code` was exchanged for (store it encrypted; never print it).
#[derive(Debug, Clone)]
pub struct WebsiteGrant {
    /// The Seller Central consent URL.
    pub consent_url: Url,
    /// The seller's refresh token.
    pub refresh_token: SecretString,
}

struct Live {
    client_id: String,
    client_secret: SecretString,
    environment: Environment,
    writes: bool,
}

/// The simulator with its sellers, or Amazon with the seller from the environment.
pub struct Harness {
    sim: Option<SimHandle>,
    live: Option<Live>,
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    sellers: Vec<SellerAccess>,
}

impl fmt::Debug for Harness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Harness")
            .field("simulated", &self.is_simulated())
            .field("sellers", &self.sellers)
            .finish_non_exhaustive()
    }
}

impl Harness {
    /// Amazon when `SPAPI_CLIENT_ID` is set (see [`Harness::from_env`]), the simulator otherwise.
    ///
    /// # Errors
    /// A missing or malformed variable (naming it), or the simulator failing to start.
    pub async fn from_env_or_simulator(options: SimOptions) -> anyhow::Result<Harness> {
        match Self::from_env().await? {
            Some(h) => Ok(h),
            None => Self::simulator(options).await,
        }
    }

    /// Starts the simulator with `options`; one [`SellerAccess`] per simulated seller, with the refresh
    /// token the simulator issued for it.
    ///
    /// # Errors
    /// The simulator failing to start or rejecting the configuration.
    pub async fn simulator(options: SimOptions) -> anyhow::Result<Harness> {
        let sim = Simulator::start(options.config())
            .await
            .context("starting the SP-API simulator")?;
        if let Some(t) = options.advance_to {
            let by = t - sim.now();
            if by > chrono::Duration::zero() {
                sim.advance(by);
            }
        }
        let clock = sim.clock();
        let mut harness = Harness {
            live: None,
            clock: Arc::new(clock.clone()),
            sleeper: Arc::new(clock),
            sellers: Vec::new(),
            sim: None,
        };
        let mut sellers = Vec::new();
        for info in sim.sellers() {
            let region = info
                .marketplace_ids
                .first()
                .and_then(|id| Marketplace::by_id(id))
                .map_or(Region::NorthAmerica, |m| m.region);
            let client = sim_client(&sim, &info.selling_partner_id, info.refresh_token.clone())?;
            sellers.push(SellerAccess {
                seller_id: info.selling_partner_id,
                region,
                marketplace_ids: info.marketplace_ids,
                client,
            });
        }
        harness.sellers = sellers;
        harness.sim = Some(sim);
        Ok(harness)
    }

    /// Amazon, with the one seller the environment describes (see the [crate docs](crate)); `None` when
    /// `SPAPI_CLIENT_ID` is not set. Without `SPAPI_MARKETPLACES` it asks Amazon where the seller sells.
    ///
    /// # Errors
    /// A missing or malformed variable, naming it; Amazon refusing the credentials.
    pub async fn from_env() -> anyhow::Result<Option<Harness>> {
        let Some(client_id) = var(env::CLIENT_ID) else {
            return Ok(None);
        };
        let need = |name: &str| {
            var(name).ok_or_else(|| {
                anyhow!(
                    "{name} is not set: set it (see the README) or unset {} to use the simulator",
                    env::CLIENT_ID
                )
            })
        };
        let client_secret = SecretString::new(need(env::CLIENT_SECRET)?);
        let refresh_token = SecretString::new(need(env::REFRESH_TOKEN)?);
        let seller_id = need(env::SELLER_ID)?;
        let mut marketplaces: Vec<&'static Marketplace> = Vec::new();
        if let Some(list) = var(env::MARKETPLACES) {
            for code in list.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                let m = Marketplace::by_id(code)
                    .or_else(|| Marketplace::by_country_code(code))
                    .ok_or_else(|| {
                        anyhow!("{}: `{code}` is neither a marketplace id nor a country code Amazon sells in (for example US, DE, JP or ATVPDKIKX0DER)", env::MARKETPLACES)
                    })?;
                marketplaces.push(m);
            }
        }
        let region = match var(env::REGION) {
            Some(r) => r
                .parse::<Region>()
                .with_context(|| format!("{} is not a region", env::REGION))?,
            None => marketplaces.first().map_or(Region::NorthAmerica, |m| m.region),
        };
        if let Some(m) = marketplaces.iter().find(|m| m.region != region) {
            bail!(
                "{}: marketplace {} is served by region {}, not {region}; list marketplaces of one region",
                env::MARKETPLACES,
                m.code,
                m.region
            );
        }
        let environment = if flag(env::SANDBOX) {
            Environment::Sandbox
        } else {
            Environment::Production
        };
        let clock: Arc<dyn Clock> = Arc::new(SystemClock::new());
        let sleeper: Arc<dyn Sleeper> = Arc::new(TokioSleeper);
        let live = Live {
            client_id,
            client_secret,
            environment,
            writes: flag(env::LIVE_WRITES),
        };
        let mut harness = Harness {
            sim: None,
            live: Some(live),
            clock,
            sleeper,
            sellers: Vec::new(),
        };
        let client = harness.client_for(&seller_id, region, refresh_token)?;
        let marketplace_ids: Vec<String> = if marketplaces.is_empty() {
            let participations = GetMarketplaceParticipations::new(&client)
                .send()
                .await
                .context("asking Amazon where the seller sells (set SPAPI_MARKETPLACES to skip this)")?;
            participations
                .iter()
                .filter(|p| {
                    p.participation
                        .as_ref()
                        .is_none_or(|x| x.is_participating != Some(false))
                })
                .filter_map(|p| p.marketplace.as_ref().and_then(|m| m.id.as_ref()))
                .map(|id| id.as_str().to_owned())
                .filter(|id| Marketplace::by_id(id).is_some_and(|m| m.region == region))
                .collect()
        } else {
            marketplaces.iter().map(|m| m.id.to_owned()).collect()
        };
        harness.sellers.push(SellerAccess {
            seller_id,
            region,
            marketplace_ids,
            client,
        });
        Ok(Some(harness))
    }

    /// Whether this is the simulator (not Amazon).
    pub fn is_simulated(&self) -> bool {
        self.sim.is_some()
    }

    /// The simulator, when simulated.
    pub fn sim(&self) -> Option<&SimHandle> {
        self.sim.as_ref()
    }

    /// Whether examples may write to the seller account: always on the simulator; on Amazon only with
    /// `ORDERHUB_LIVE_WRITES=1`.
    pub fn writes_allowed(&self) -> bool {
        self.live.as_ref().is_none_or(|l| l.writes)
    }

    /// The clock: simulated time, or the system clock against Amazon. Give it to the engine.
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// The current time on [`Harness::clock`].
    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// The sellers.
    pub fn sellers(&self) -> &[SellerAccess] {
        &self.sellers
    }

    /// One seller by selling partner id.
    pub fn seller(&self, seller_id: &str) -> Option<&SellerAccess> {
        self.sellers.iter().find(|s| s.seller_id == seller_id)
    }

    /// A client for `seller_id` in `region` with another refresh token (for example one from
    /// [`Harness::authorize_website`] or from your credential store).
    ///
    /// # Errors
    /// The client builder's error.
    pub fn client_for(
        &self,
        seller_id: &str,
        region: Region,
        refresh_token: SecretString,
    ) -> anyhow::Result<SpApiClient> {
        if let Some(sim) = &self.sim {
            return sim_client(sim, seller_id, refresh_token);
        }
        let live = self
            .live
            .as_ref()
            .ok_or_else(|| anyhow!("the harness has neither the simulator nor Amazon credentials"))?;
        SpApiClient::builder()
            .credentials(LwaCredentials::new(
                live.client_id.as_str(),
                live.client_secret.clone(),
                refresh_token,
            ))
            .region(region)
            .environment(live.environment.clone())
            .selling_partner_id(seller_id)
            .clock(self.clock.clone())
            .sleeper(self.sleeper.clone())
            .build()
            .context("building the SP-API client")
    }

    /// The website authorization workflow for `seller_id`: the consent URL the seller is sent to, and the
    /// `spapi_oauth_code` the seller comes back with exchanged for a refresh token. The simulator plays the
    /// seller (it issues the code); against Amazon the seller has to click, so this returns an error
    /// saying to use `SPAPI_REFRESH_TOKEN` instead.
    ///
    /// # Errors
    /// Against Amazon (see above); an unknown simulated seller; the token endpoint refusing the code.
    pub async fn authorize_website(
        &self,
        seller_id: &str,
        application_id: &str,
        state: &str,
    ) -> anyhow::Result<WebsiteGrant> {
        let Some(sim) = &self.sim else {
            bail!(
                "the website authorization needs the seller to consent in Seller Central; against Amazon, put the refresh token you received in {}",
                env::REFRESH_TOKEN
            );
        };
        let seller = self
            .seller(seller_id)
            .ok_or_else(|| anyhow!("the simulator has no seller {seller_id}"))?;
        let consent_url = ConsentRequest::new(application_id, state)
            .url_for_region(seller.region)
            .context("building the consent URL")?;
        // The seller consents and Seller Central redirects back with a one-time code.
        let code = sim.authorization_code(seller_id)?;
        let lwa = LwaClient::new(
            Arc::new(ReqwestTransport::new()?),
            self.clock.clone(),
            Url::parse(&sim.lwa_url())?,
        );
        let grant = lwa
            .exchange_authorization_code(sim.client_id(), &sim.client_secret(), &code, None)
            .await
            .context("exchanging the authorization code")?;
        Ok(WebsiteGrant {
            consent_url,
            refresh_token: grant.refresh_token,
        })
    }

    /// A hub connection for `seller` (its region and marketplaces) under `id`, with `settings`, marked live.
    pub fn connection(&self, seller: &SellerAccess, id: &str, settings: ConnectionSettings) -> Connection {
        Connection {
            id: ConnectionId::new(id),
            seller_id: SellerId::new(seller.seller_id.as_str()),
            region: amazon_region(seller.region),
            marketplaces: seller
                .marketplace_ids
                .iter()
                .map(|m| MarketplaceId::new(m.as_str()))
                .collect(),
            alias: Some(format!("{} ({})", seller.seller_id, seller.region)),
            settings,
            health: ConnectionHealth::Live,
        }
    }

    /// [`Harness::connection`] with the seller's client, ready for `Engine::with_connection`.
    pub fn runtime(
        &self,
        seller: &SellerAccess,
        id: &str,
        settings: ConnectionSettings,
    ) -> ConnectionRuntime {
        ConnectionRuntime::new(self.connection(seller, id, settings), seller.client.clone())
    }

    /// Lets `by` pass: on the simulator, simulated time moves forward at once (feeds get processed, orders
    /// arrive); against Amazon, this waits.
    pub async fn wait(&self, by: chrono::Duration) {
        match &self.sim {
            Some(sim) => sim.advance(by),
            None => self.sleeper.sleep(by.to_std().unwrap_or_default()).await,
        }
    }

    /// Stops the simulator (nothing to do against Amazon).
    pub async fn shutdown(self) {
        if let Some(sim) = self.sim {
            sim.shutdown().await;
        }
    }
}

/// The hub's region for an SP-API region.
pub fn amazon_region(region: Region) -> AmazonRegion {
    match region {
        Region::NorthAmerica => AmazonRegion::Na,
        Region::Europe => AmazonRegion::Eu,
        Region::FarEast => AmazonRegion::Fe,
    }
}

fn sim_client(sim: &SimHandle, seller_id: &str, refresh_token: SecretString) -> anyhow::Result<SpApiClient> {
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url())?)
        .lwa_endpoint(Url::parse(&sim.lwa_url())?)
        .selling_partner_id(seller_id)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()
        .context("building the simulator client")
}

/// The workspace README's Rust samples, compiled and run as doctests (`cargo test --doc -p examples`).
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
