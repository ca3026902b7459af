//! Simulator configuration: seed, simulated time, sellers and their roles, limits, faults, sandbox mode.

use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};

/// A restricted role an application can hold for one seller; each role unlocks some personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// Direct-to-Consumer Shipping: shipping addresses (`shippingAddress`, `RECIPIENT`) and buyer
    /// name and e-mail (`buyerInfo`, `BUYER`).
    DirectToConsumerShipping,
    /// Tax Invoicing: buyer information (`buyerInfo`, `BUYER`) and buyer tax information.
    TaxInvoicing,
    /// Tax Remittance: buyer tax information (`buyerTaxInformation`).
    TaxRemittance,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 3] = [
        Role::DirectToConsumerShipping,
        Role::TaxInvoicing,
        Role::TaxRemittance,
    ];
}

/// One seller of the simulated marketplace.
#[derive(Debug, Clone)]
pub struct SellerSpec {
    /// Selling partner id, for example `A1SIMUS0000001`.
    pub selling_partner_id: String,
    /// Store name shown in `getMarketplaceParticipations`.
    pub store_name: String,
    /// Marketplace country codes this seller sells in (`US`, `DE`, `JP` ...; see `marketplaces.tsv`).
    pub marketplaces: Vec<String>,
    /// Restricted roles the application holds for this seller (empty: no personal data at all).
    pub roles: Vec<Role>,
    /// Orders created per simulated day (on average; arrivals are seeded).
    pub orders_per_day: f64,
    /// Share of orders fulfilled by Amazon (AFN, never with personal data), 0.0 to 1.0.
    pub afn_share: f64,
    /// Whether the seller sells on Amazon Handmade (custom, made-to-order items).
    pub handmade: bool,
    /// The seller's refresh token; when `None` one is derived from the seed.
    pub refresh_token: Option<crate::auth::SecretString>,
}

impl SellerSpec {
    /// A seller with no roles, 100 orders a day, a fifth of them fulfilled by Amazon.
    pub fn new(selling_partner_id: impl Into<String>, marketplaces: &[&str]) -> Self {
        let id = selling_partner_id.into();
        Self {
            store_name: format!("Store {id}"),
            selling_partner_id: id,
            marketplaces: marketplaces.iter().map(|m| (*m).to_owned()).collect(),
            roles: Vec::new(),
            orders_per_day: 100.0,
            afn_share: 0.2,
            handmade: false,
            refresh_token: None,
        }
    }

    /// Sets the roles.
    #[must_use]
    pub fn roles(mut self, roles: &[Role]) -> Self {
        self.roles = roles.to_vec();
        self
    }

    /// Sets the order rate per simulated day.
    #[must_use]
    pub fn orders_per_day(mut self, n: f64) -> Self {
        self.orders_per_day = n;
        self
    }

    /// Sets the share of Amazon-fulfilled orders.
    #[must_use]
    pub fn afn_share(mut self, share: f64) -> Self {
        self.afn_share = share;
        self
    }

    /// Sets the seller's refresh token (otherwise one is derived from the seed).
    #[must_use]
    pub fn refresh_token(mut self, token: impl Into<crate::auth::SecretString>) -> Self {
        self.refresh_token = Some(token.into());
        self
    }

    /// Marks the seller as an Amazon Handmade seller.
    #[must_use]
    pub fn handmade(mut self, yes: bool) -> Self {
        self.handmade = yes;
        self
    }

    /// Sets the store name.
    #[must_use]
    pub fn store_name(mut self, name: impl Into<String>) -> Self {
        self.store_name = name.into();
        self
    }
}

/// What `x-amzn-RateLimit-Limit` carries on answers.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum RateLimitHeader {
    /// The operation's rate, as Amazon usually sends it.
    Correct,
    /// No header at all.
    Missing,
    /// A wrong value (the given rate) on every answer.
    Wrong(f64),
}

/// Usage-plan enforcement.
#[derive(Debug, Clone)]
pub struct LimitsConfig {
    /// Whether usage plans are enforced at all (off for throughput benchmarks).
    pub enabled: bool,
    /// Multiplies every rate and burst (1.0 = Amazon's defaults).
    pub factor: f64,
    /// What `x-amzn-RateLimit-Limit` carries.
    pub header: RateLimitHeader,
    /// After this many 429s in a row for one (seller, operation), answer 403 instead (as Amazon may after
    /// sustained throttling) until the bucket has refilled completely. `None`: never.
    pub forbid_after_throttles: Option<u32>,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            enabled: true,
            factor: 1.0,
            header: RateLimitHeader::Correct,
            forbid_after_throttles: None,
        }
    }
}

/// Seeded fault injection. Every decision is a function of the seed and the request's sequence number.
#[derive(Debug, Clone, Default)]
pub struct FaultConfig {
    /// Share of SP-API requests answered `500 InternalFailure`.
    pub internal_error_share: f64,
    /// Share answered `503 ServiceUnavailable`.
    pub unavailable_share: f64,
    /// Share whose connection is reset before any answer.
    pub connection_reset_share: f64,
    /// Share whose body is cut off halfway (the `Content-Length` promises more).
    pub truncated_body_share: f64,
    /// Share delayed by up to `max_latency` (wall time).
    pub latency_share: f64,
    /// Largest added latency.
    pub max_latency: Duration,
    /// Share of order-list follow-up pages answered with the previous page again.
    pub repeated_page_share: f64,
    /// Share of order-list pages whose orders come back in a shuffled order.
    pub reordered_page_share: f64,
    /// After this many SP-API requests, every access token issued so far expires at once (a token that
    /// expires mid-run).
    pub expire_tokens_after_requests: Option<u64>,
    /// Whether the LWA token endpoint gets faults too.
    pub include_lwa: bool,
    /// Document downloads carry `Content-Encoding: gzip` on gzip bodies (as Amazon did in June 2023).
    pub gzip_content_encoding_header: bool,
}

/// Whether and how Amazon's static sandbox cases are answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SandboxMode {
    /// Never.
    Off,
    /// A request matching a case (with at least one parameter) gets the case's answer; everything else
    /// is simulated.
    Mixed,
    /// Like Amazon's sandbox host: only cases are answered; anything else is a 400.
    Only,
}

/// Configuration of a [`crate::sim::Simulator`].
#[derive(Debug, Clone)]
pub struct SimConfig {
    /// Seed for every generated value and every injected fault.
    pub seed: u64,
    /// Simulated time when the simulator starts.
    pub start_time: DateTime<Utc>,
    /// Simulated seconds per wall-clock second (60.0: a minute per second). 0.0 freezes time; it then
    /// moves only through [`crate::sim::SimHandle::advance`].
    pub time_scale: f64,
    /// How much order history exists before `start_time`.
    pub history: chrono::Duration,
    /// The sellers.
    pub sellers: Vec<SellerSpec>,
    /// LWA client id of the application.
    pub client_id: String,
    /// LWA client secret of the application.
    pub client_secret: crate::auth::SecretString,
    /// Lifetime of access tokens (simulated time).
    pub access_token_lifetime: chrono::Duration,
    /// Lifetime of Restricted Data Tokens (simulated time).
    pub rdt_lifetime: chrono::Duration,
    /// Usage plans.
    pub limits: LimitsConfig,
    /// Faults.
    pub faults: FaultConfig,
    /// Static sandbox cases.
    pub sandbox: SandboxMode,
    /// Whether result and report documents are gzip-compressed (`compressionAlgorithm: GZIP`).
    pub gzip_documents: bool,
    /// Port on 127.0.0.1 (0: any free port).
    pub port: u16,
    /// Keep at most this many recorded requests (oldest dropped first).
    pub max_recorded_requests: usize,
}

impl Default for SimConfig {
    fn default() -> Self {
        Self::new(1)
    }
}

/// The default sellers: a US seller, an EU seller, a Japanese seller, an Australian seller without any
/// role, and a US Handmade seller.
pub fn default_sellers() -> Vec<SellerSpec> {
    vec![
        SellerSpec::new("A1SIMUSSELLER1", &["US", "CA", "MX"])
            .store_name("Sim Outdoor US")
            .roles(&Role::ALL)
            .orders_per_day(400.0)
            .afn_share(0.3),
        SellerSpec::new("A2SIMEUSELLER1", &["DE", "FR", "IT", "ES", "UK"])
            .store_name("Sim Haushalt EU")
            .roles(&Role::ALL)
            .orders_per_day(300.0)
            .afn_share(0.25),
        SellerSpec::new("A3SIMJPSELLER1", &["JP"])
            .store_name("シム雑貨店")
            .roles(&[Role::DirectToConsumerShipping])
            .orders_per_day(150.0)
            .afn_share(0.2),
        SellerSpec::new("A4SIMAUSELLER1", &["AU"])
            .store_name("Sim Goods AU")
            .orders_per_day(80.0)
            .afn_share(0.1),
        SellerSpec::new("A5SIMHANDMADE1", &["US"])
            .store_name("Sim Handmade Studio")
            .roles(&[Role::DirectToConsumerShipping, Role::TaxInvoicing])
            .orders_per_day(60.0)
            .afn_share(0.0)
            .handmade(true),
    ]
}

impl SimConfig {
    /// Defaults with the given seed: time starts at 2026-11-02T08:00:00Z and runs 60 times faster than the
    /// wall clock, two days of history, the [`default_sellers`], limits on, no faults, sandbox cases mixed in.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            start_time: Utc
                .with_ymd_and_hms(2026, 11, 2, 8, 0, 0)
                .single()
                .unwrap_or_default(),
            time_scale: 60.0,
            history: chrono::Duration::days(2),
            sellers: default_sellers(),
            client_id: "amzn1.application-oa2-client.simulator".to_owned(),
            client_secret: crate::auth::SecretString::new("sim-client-secret"),
            access_token_lifetime: chrono::Duration::seconds(3600),
            rdt_lifetime: chrono::Duration::seconds(3600),
            limits: LimitsConfig::default(),
            faults: FaultConfig::default(),
            sandbox: SandboxMode::Mixed,
            gzip_documents: true,
            port: 0,
            max_recorded_requests: 100_000,
        }
    }

    /// Freezes simulated time (it then moves only through `advance`): what deterministic tests want.
    #[must_use]
    pub fn frozen(mut self) -> Self {
        self.time_scale = 0.0;
        self
    }

    /// Sets the time scale.
    #[must_use]
    pub fn time_scale(mut self, scale: f64) -> Self {
        self.time_scale = scale;
        self
    }

    /// Switches usage plans off.
    #[must_use]
    pub fn without_limits(mut self) -> Self {
        self.limits.enabled = false;
        self
    }

    /// Sets the sellers.
    #[must_use]
    pub fn sellers(mut self, sellers: Vec<SellerSpec>) -> Self {
        self.sellers = sellers;
        self
    }

    /// Sets the faults.
    #[must_use]
    pub fn faults(mut self, faults: FaultConfig) -> Self {
        self.faults = faults;
        self
    }

    /// Sets the simulated start time.
    #[must_use]
    pub fn start_time(mut self, t: DateTime<Utc>) -> Self {
        self.start_time = t;
        self
    }

    /// Sets the sandbox mode.
    #[must_use]
    pub fn sandbox(mut self, mode: SandboxMode) -> Self {
        self.sandbox = mode;
        self
    }
}
