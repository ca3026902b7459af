//! A local Selling Partner API simulator (feature `sim`): the embedded default for examples and tests.
//!
//! [`Simulator::start`] serves, on 127.0.0.1 and a free port, everything this crate calls: Login with
//! Amazon (at [`SimHandle::lwa_url`]), Orders v0 and 2026-01-01, Tokens, Feeds, Reports and their
//! documents, Fulfillment Outbound, FBA Inventory, Merchant Fulfillment, Sellers and Listings Items,
//! plus Amazon's static sandbox cases. Its marketplace is generated from a seed, lives in simulated time
//! (with a scale factor, or frozen and moved by [`SimHandle::advance`]), enforces Amazon's usage plans,
//! and injects seeded faults. Every request is recorded.
//!
//! ```no_run
//! # async fn demo() -> Result<(), amazon_spapi::sim::SimError> {
//! use amazon_spapi::sim::{SimConfig, Simulator};
//! let sim = Simulator::start(SimConfig::new(7).frozen()).await?;
//! let seller = &sim.sellers()[0];
//! println!("SP-API at {}, LWA at {}, seller {}", sim.base_url(), sim.lwa_url(), seller.selling_partner_id);
//! sim.advance(chrono::Duration::hours(1));
//! sim.shutdown().await;
//! # Ok(()) }
//! ```

use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use crate::auth::SecretString;

mod clock;
mod codec;
mod config;
mod conn;
mod data;
mod faults;
mod fba_inventory;
mod feeds;
mod fulfillment;
mod http;
mod limits;
mod listings;
mod lwa;
mod market;
mod mcf_more;
mod orders_2026;
mod orders_v0;
mod record;
mod regulated;
mod sandbox;
mod sellers;
mod server;
mod state;
mod tokens;
mod xml;

pub use clock::SimClock;
pub use config::{
    default_sellers, FaultConfig, LimitsConfig, RateLimitHeader, Role, SandboxMode, SellerSpec, SimConfig,
};
pub use limits::usage_plan;
pub use market::{marketplace, MarketplaceInfo, MARKETPLACES};
pub use record::{RecordedRequest, TokenKind};

use server::{lock, Shared};

/// Why the simulator could not start or could not do what a test asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SimError {
    /// The listening socket could not be opened.
    #[error("the simulator could not listen on 127.0.0.1:{port}: {source}; choose another port or 0 for any free one")]
    Bind {
        /// The port asked for.
        port: u16,
        /// The cause.
        source: std::io::Error,
    },
    /// The configuration is not usable.
    #[error("invalid simulator configuration: {0}")]
    InvalidConfig(String),
    /// No seller with this selling partner id.
    #[error("the simulator has no seller {0}; see SimHandle::sellers() for the configured ones")]
    UnknownSeller(String),
    /// No order with this id.
    #[error("the simulator has no order {0}")]
    UnknownOrder(String),
    /// The order cannot change as asked (for example shipping a canceled order).
    #[error("order {order_id} is {status} and cannot be {action}")]
    InvalidOrderState {
        /// The order.
        order_id: String,
        /// Its Orders v0 status.
        status: String,
        /// What was asked.
        action: &'static str,
    },
}

/// What a test needs to know about one seller.
#[derive(Debug, Clone)]
pub struct SellerInfo {
    /// Selling partner id.
    pub selling_partner_id: String,
    /// Marketplace ids the seller sells in.
    pub marketplace_ids: Vec<String>,
    /// The seller's refresh token (for the `refresh_token` grant).
    pub refresh_token: SecretString,
    /// Restricted roles the application holds for the seller.
    pub roles: Vec<Role>,
}

/// A summary of one simulated order (no personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderSummary {
    /// Amazon order id.
    pub order_id: String,
    /// Selling partner id.
    pub seller: String,
    /// Marketplace id.
    pub marketplace_id: String,
    /// Orders v0 status (`Unshipped`, `Shipped` ...).
    pub status: String,
    /// `MFN` or `AFN`.
    pub fulfillment_channel: String,
    /// Purchase date.
    pub purchase_date: DateTime<Utc>,
    /// Last update.
    pub last_update: DateTime<Utc>,
    /// (order item id, SKU, quantity ordered, quantity shipped) per line.
    pub items: Vec<(String, String, i64, i64)>,
    /// Whether the order is a business order.
    pub is_business: bool,
    /// Whether the order is a Prime order.
    pub is_prime: bool,
    /// Whether the order is an Amazon Handmade order.
    pub is_handmade: bool,
}

/// A listing's merchant-fulfilled quantity and handling time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListingStock {
    /// Merchant-fulfilled quantity.
    pub quantity: i64,
    /// Handling time in days (`lead_time_to_ship_max_days`).
    pub handling_days: i64,
    /// FBA fulfillable quantity.
    pub fba_fulfillable: i64,
}

/// The simulator.
#[derive(Debug)]
pub struct Simulator;

impl Simulator {
    /// Generates the marketplace and starts serving on 127.0.0.1.
    ///
    /// # Errors
    /// [`SimError::InvalidConfig`] for a configuration without sellers or with unknown marketplaces;
    /// [`SimError::Bind`] when the port cannot be opened.
    pub async fn start(config: SimConfig) -> Result<SimHandle, SimError> {
        validate(&config)?;
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", config.port))
            .await
            .map_err(|source| SimError::Bind {
                port: config.port,
                source,
            })?;
        let port = listener
            .local_addr()
            .map_err(|source| SimError::Bind {
                port: config.port,
                source,
            })?
            .port();
        let base_url = format!("http://127.0.0.1:{port}");
        let state = state::State::new(&config);
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            limiter: Mutex::new(limits::Limiter::default()),
            clock: SimClock::new(config.start_time, config.time_scale),
            base_url: base_url.clone(),
            seq: AtomicU64::new(0),
            api_seq: AtomicU64::new(0),
            records: Mutex::new(VecDeque::new()),
            sandbox: sandbox::Sandbox::load(),
            tokens_expired: AtomicBool::new(false),
            cfg: config,
        });
        let app = axum::Router::new()
            .fallback(server::entry)
            .with_state(Arc::clone(&shared))
            .into_make_service_with_connect_info::<conn::ConnHandle>();
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(conn::SimListener(listener), app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(SimHandle {
            shared,
            base_url,
            stop: Mutex::new(Some(tx)),
            task: Mutex::new(Some(task)),
        })
    }
}

fn validate(c: &SimConfig) -> Result<(), SimError> {
    if c.sellers.is_empty() {
        return Err(SimError::InvalidConfig(
            "at least one seller is needed".to_owned(),
        ));
    }
    for s in &c.sellers {
        if s.marketplaces.is_empty() {
            return Err(SimError::InvalidConfig(format!(
                "seller {} sells in no marketplace",
                s.selling_partner_id
            )));
        }
        for m in &s.marketplaces {
            if marketplace(m).is_none() {
                let known: Vec<&str> = MARKETPLACES.iter().map(|m| m.code).collect();
                return Err(SimError::InvalidConfig(format!(
                    "seller {} has unknown marketplace {m}; known: {}",
                    s.selling_partner_id,
                    known.join(", ")
                )));
            }
        }
        if !(0.0..=1.0).contains(&s.afn_share) || !s.orders_per_day.is_finite() || s.orders_per_day < 0.0 {
            return Err(SimError::InvalidConfig(format!(
                "seller {}: afn_share must be within 0..=1 and orders_per_day non-negative",
                s.selling_partner_id
            )));
        }
    }
    let mut ids: Vec<&str> = c.sellers.iter().map(|s| s.selling_partner_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() != c.sellers.len() {
        return Err(SimError::InvalidConfig(
            "selling partner ids must be unique".to_owned(),
        ));
    }
    if !c.time_scale.is_finite() || c.time_scale < 0.0 {
        return Err(SimError::InvalidConfig(
            "time_scale must be 0 (frozen) or positive".to_owned(),
        ));
    }
    Ok(())
}

/// A running simulator. Dropping it stops the server; [`SimHandle::shutdown`] also waits for it.
pub struct SimHandle {
    shared: Arc<Shared>,
    base_url: String,
    stop: Mutex<Option<oneshot::Sender<()>>>,
    task: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl std::fmt::Debug for SimHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimHandle")
            .field("base_url", &self.base_url)
            .finish_non_exhaustive()
    }
}

impl SimHandle {
    /// The SP-API base URL (`http://127.0.0.1:{port}`), for the client's endpoint setting.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The Login with Amazon token endpoint served by the same server.
    pub fn lwa_url(&self) -> String {
        format!("{}/auth/o2/token", self.base_url)
    }

    /// The application's LWA client id.
    pub fn client_id(&self) -> &str {
        &self.shared.cfg.client_id
    }

    /// The application's LWA client secret.
    pub fn client_secret(&self) -> SecretString {
        self.shared.cfg.client_secret.clone()
    }

    /// The seed.
    pub fn seed(&self) -> u64 {
        self.shared.cfg.seed
    }

    /// Every seller, with its refresh token.
    pub fn sellers(&self) -> Vec<SellerInfo> {
        let st = lock(&self.shared.state);
        st.sellers
            .iter()
            .enumerate()
            .map(|(i, s)| SellerInfo {
                selling_partner_id: s.id.clone(),
                marketplace_ids: s.marketplaces.iter().map(|m| m.id.to_owned()).collect(),
                refresh_token: SecretString::new(st.refresh_token_of(i).unwrap_or_default()),
                roles: s.roles.clone(),
            })
            .collect()
    }

    /// One seller by selling partner id.
    ///
    /// # Errors
    /// [`SimError::UnknownSeller`].
    pub fn seller(&self, selling_partner_id: &str) -> Result<SellerInfo, SimError> {
        self.sellers()
            .into_iter()
            .find(|s| s.selling_partner_id == selling_partner_id)
            .ok_or_else(|| SimError::UnknownSeller(selling_partner_id.to_owned()))
    }

    /// Issues an additional refresh token for a seller (as if they authorized the app again).
    ///
    /// # Errors
    /// [`SimError::UnknownSeller`].
    pub fn register_refresh_token(&self, selling_partner_id: &str, token: &str) -> Result<(), SimError> {
        let mut st = lock(&self.shared.state);
        let i = st
            .seller_index(selling_partner_id)
            .ok_or_else(|| SimError::UnknownSeller(selling_partner_id.to_owned()))?;
        st.refresh_tokens.insert(
            token.to_owned(),
            state::RefreshGrant {
                seller: i,
                revoked: false,
            },
        );
        Ok(())
    }

    /// Issues a one-time `spapi_oauth_code` for the `authorization_code` grant (the website
    /// authorization workflow).
    ///
    /// # Errors
    /// [`SimError::UnknownSeller`].
    pub fn authorization_code(&self, selling_partner_id: &str) -> Result<SecretString, SimError> {
        let mut st = lock(&self.shared.state);
        let i = st
            .seller_index(selling_partner_id)
            .ok_or_else(|| SimError::UnknownSeller(selling_partner_id.to_owned()))?;
        let code = st.new_token("ANcode", 20);
        st.auth_codes.insert(code.clone(), i);
        Ok(SecretString::new(code))
    }

    /// Revokes a refresh token: the token endpoint answers `invalid_grant` from now on. Returns whether
    /// the token was known.
    pub fn revoke_refresh_token(&self, token: &str) -> bool {
        let mut st = lock(&self.shared.state);
        match st.refresh_tokens.get_mut(token) {
            Some(g) => {
                g.revoked = true;
                true
            }
            None => false,
        }
    }

    /// Revokes every refresh token of a seller (the seller withdrew the authorization).
    ///
    /// # Errors
    /// [`SimError::UnknownSeller`].
    pub fn revoke_seller(&self, selling_partner_id: &str) -> Result<(), SimError> {
        let mut st = lock(&self.shared.state);
        let i = st
            .seller_index(selling_partner_id)
            .ok_or_else(|| SimError::UnknownSeller(selling_partner_id.to_owned()))?;
        for g in st.refresh_tokens.values_mut().filter(|g| g.seller == i) {
            g.revoked = true;
        }
        let now = self.shared.clock.now();
        for g in st.access_tokens.values_mut().filter(|g| g.seller == Some(i)) {
            g.expires = now;
        }
        Ok(())
    }

    /// Expires every access token and RDT issued so far (a token that expires mid-run).
    pub fn expire_access_tokens(&self) {
        let now = self.shared.clock.now();
        let mut st = lock(&self.shared.state);
        for g in st.access_tokens.values_mut() {
            g.expires = now;
        }
        for r in st.rdts.values_mut() {
            r.expires = now;
        }
    }

    /// Current simulated time.
    pub fn now(&self) -> DateTime<Utc> {
        self.shared.clock.now()
    }

    /// The simulated clock (shared; clones see the same time).
    pub fn clock(&self) -> SimClock {
        self.shared.clock.clone()
    }

    /// Moves simulated time forward and brings the marketplace up to date.
    pub fn advance(&self, by: chrono::Duration) {
        self.shared.clock.advance(by);
        drop(self.shared.world());
    }

    /// Changes how fast simulated time runs (0: frozen).
    pub fn set_time_scale(&self, scale: f64) {
        self.shared.clock.set_scale(scale);
    }

    /// Every request received so far (oldest first), secrets redacted.
    pub fn recorded_requests(&self) -> Vec<RecordedRequest> {
        lock(&self.shared.records).iter().cloned().collect()
    }

    /// Forgets the recorded requests.
    pub fn clear_recorded_requests(&self) {
        lock(&self.shared.records).clear();
    }

    /// Summaries of a seller's orders, by purchase date.
    ///
    /// # Errors
    /// [`SimError::UnknownSeller`].
    pub fn orders(&self, selling_partner_id: &str) -> Result<Vec<OrderSummary>, SimError> {
        let st = self.shared.world();
        let i = st
            .seller_index(selling_partner_id)
            .ok_or_else(|| SimError::UnknownSeller(selling_partner_id.to_owned()))?;
        Ok(st.seller_orders(i).map(|(_, o)| summary(&st, o)).collect())
    }

    /// One order's summary.
    ///
    /// # Errors
    /// [`SimError::UnknownOrder`].
    pub fn order(&self, order_id: &str) -> Result<OrderSummary, SimError> {
        let st = self.shared.world();
        st.order(order_id)
            .map(|o| summary(&st, o))
            .ok_or_else(|| SimError::UnknownOrder(order_id.to_owned()))
    }

    /// How many orders exist (all sellers).
    pub fn order_count(&self) -> usize {
        self.shared.world().orders.len()
    }

    /// Ships every remaining unit of an order, as if the seller confirmed it in Seller Central.
    ///
    /// # Errors
    /// [`SimError::UnknownOrder`]; [`SimError::InvalidOrderState`] when the order is not open for shipping.
    pub fn mark_shipped(&self, order_id: &str, carrier: &str, tracking: &str) -> Result<(), SimError> {
        let now = self.shared.clock.now();
        let mut st = self.shared.world();
        let o = st
            .order_mut(order_id)
            .ok_or_else(|| SimError::UnknownOrder(order_id.to_owned()))?;
        if !o.shippable() {
            return Err(SimError::InvalidOrderState {
                order_id: order_id.to_owned(),
                status: o.status.v0().to_owned(),
                action: "shipped",
            });
        }
        let items: Vec<(String, i64)> = o
            .items
            .iter()
            .filter(|i| i.qty > i.qty_shipped)
            .map(|i| (i.id.clone(), i.qty - i.qty_shipped))
            .collect();
        for i in &mut o.items {
            i.qty_shipped = i.qty;
        }
        let n = o.packages.len() + 1;
        o.packages.push(data::Package {
            reference_id: format!("{}", 800 + n),
            carrier_code: carrier.to_owned(),
            carrier_name: None,
            shipping_method: None,
            tracking: tracking.to_owned(),
            ship_date: now,
            items,
        });
        let invoice = o.needs_invoice();
        o.settle_shipping_status(invoice);
        o.last_update = now;
        Ok(())
    }

    /// Cancels an order as if the buyer canceled it before it shipped.
    ///
    /// # Errors
    /// [`SimError::UnknownOrder`]; [`SimError::InvalidOrderState`] when something has shipped.
    pub fn cancel_order(&self, order_id: &str, reason: &str) -> Result<(), SimError> {
        let now = self.shared.clock.now();
        let mut st = self.shared.world();
        let o = st
            .order_mut(order_id)
            .ok_or_else(|| SimError::UnknownOrder(order_id.to_owned()))?;
        if o.shipped_units() > 0
            || !matches!(
                o.status,
                data::OrderStatus::Pending
                    | data::OrderStatus::Unshipped
                    | data::OrderStatus::PendingAvailability
            )
        {
            return Err(SimError::InvalidOrderState {
                order_id: order_id.to_owned(),
                status: o.status.v0().to_owned(),
                action: "canceled",
            });
        }
        o.status = data::OrderStatus::Canceled;
        o.cancel_reason = Some(reason.to_owned());
        for i in &mut o.items {
            i.buyer_cancel_reason = Some(reason.to_owned());
        }
        o.last_update = now;
        Ok(())
    }

    /// A listing's stock and handling time.
    ///
    /// # Errors
    /// [`SimError::UnknownSeller`].
    pub fn listing(&self, selling_partner_id: &str, sku: &str) -> Result<Option<ListingStock>, SimError> {
        let st = self.shared.world();
        let i = st
            .seller_index(selling_partner_id)
            .ok_or_else(|| SimError::UnknownSeller(selling_partner_id.to_owned()))?;
        Ok(st.sellers[i].product(sku).map(|p| ListingStock {
            quantity: p.mfn_quantity,
            handling_days: p.handling_days,
            fba_fulfillable: p.fba_fulfillable,
        }))
    }

    /// A seller's SKUs (merchant-fulfilled first, then FBA).
    ///
    /// # Errors
    /// [`SimError::UnknownSeller`].
    pub fn skus(&self, selling_partner_id: &str) -> Result<Vec<(String, bool)>, SimError> {
        let st = lock(&self.shared.state);
        let i = st
            .seller_index(selling_partner_id)
            .ok_or_else(|| SimError::UnknownSeller(selling_partner_id.to_owned()))?;
        let mut v: Vec<(String, bool)> = st.sellers[i]
            .products
            .iter()
            .filter(|p| !p.deleted)
            .map(|p| (p.sku.clone(), p.fba))
            .collect();
        v.sort_by_key(|(s, fba)| (*fba, s.clone()));
        Ok(v)
    }

    /// Stops the server and waits until it has stopped.
    pub async fn shutdown(self) {
        let stop = lock(&self.stop).take();
        if let Some(tx) = stop {
            let _ = tx.send(());
        }
        let task = lock(&self.task).take();
        if let Some(t) = task {
            let _ = t.await;
        }
    }
}

impl Drop for SimHandle {
    fn drop(&mut self) {
        if let Some(tx) = lock(&self.stop).take() {
            let _ = tx.send(());
        }
    }
}

fn summary(st: &state::State, o: &data::Order) -> OrderSummary {
    OrderSummary {
        order_id: o.id.clone(),
        seller: st.sellers[o.seller].id.clone(),
        marketplace_id: o.mp.id.to_owned(),
        status: o.status.v0().to_owned(),
        fulfillment_channel: o.channel.v0().to_owned(),
        purchase_date: o.purchase_date,
        last_update: o.last_update,
        items: o
            .items
            .iter()
            .map(|i| (i.id.clone(), i.sku.clone(), i.qty, i.qty_shipped))
            .collect(),
        is_business: o.is_business,
        is_prime: o.is_prime,
        is_handmade: o.handmade,
    }
}
