//! The simulator's mutable world: sellers, orders, tokens, feeds, reports, documents, shipments; and how it
//! moves forward in simulated time.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, Utc};
use rand_chacha::ChaCha8Rng;
use serde_json::Value;

use super::config::{Role, SimConfig};
use super::data::{self, Order, OrderContext, OrderStatus, Product, SellerGen, Transition};
use super::feeds::{FeedRecord, ReportRecord};
use super::fulfillment::{McfOrder, MfnShipment};

/// One seller at run time.
#[derive(Debug)]
pub(crate) struct SellerState {
    pub id: String,
    pub store_name: String,
    pub marketplaces: Vec<&'static super::market::MarketplaceInfo>,
    pub roles: Vec<Role>,
    pub products: Vec<Product>,
    pub gen: SellerGen,
    pub spec: super::config::SellerSpec,
}

impl SellerState {
    pub(crate) fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether the application may see the data element (`shippingAddress`, `buyerInfo`,
    /// `buyerTaxInformation`) for this seller.
    pub(crate) fn may_see(&self, element: &str) -> bool {
        match element {
            "shippingAddress" => self.has_role(Role::DirectToConsumerShipping),
            "buyerInfo" => self.has_role(Role::DirectToConsumerShipping) || self.has_role(Role::TaxInvoicing),
            "buyerTaxInformation" => self.has_role(Role::TaxInvoicing) || self.has_role(Role::TaxRemittance),
            _ => false,
        }
    }

    pub(crate) fn product(&self, sku: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.sku == sku && !p.deleted)
    }

    pub(crate) fn product_mut(&mut self, sku: &str) -> Option<&mut Product> {
        self.products.iter_mut().find(|p| p.sku == sku && !p.deleted)
    }
}

/// Who an access token speaks for.
#[derive(Debug, Clone)]
pub(crate) struct AccessGrant {
    /// `None` for grantless (client_credentials) tokens.
    pub seller: Option<usize>,
    pub expires: DateTime<Utc>,
}

/// A Restricted Data Token.
#[derive(Debug, Clone)]
pub(crate) struct Rdt {
    pub seller: usize,
    pub expires: DateTime<Utc>,
    /// (method, path, data elements)
    pub resources: Vec<(String, String, Vec<String>)>,
}

/// A refresh token.
#[derive(Debug, Clone)]
pub(crate) struct RefreshGrant {
    pub seller: usize,
    pub revoked: bool,
}

/// A stored document (feed input, feed result, report).
#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub seller: usize,
    pub content_type: String,
    pub content: Option<Vec<u8>>,
    pub gzip: bool,
    pub upload: bool,
}

/// A snapshot of an order list for paging.
#[derive(Debug, Clone)]
pub(crate) struct OrderPage {
    pub seller: usize,
    pub ids: std::sync::Arc<Vec<String>>,
    pub offset: usize,
    pub page_size: usize,
    pub last_updated_before: Option<String>,
    pub created_before: Option<String>,
    pub previous: Option<(usize, usize)>,
    pub included: Vec<String>,
}

/// The whole simulated world.
pub(crate) struct State {
    pub seed: u64,
    pub start: DateTime<Utc>,
    pub now: DateTime<Utc>,
    pub sellers: Vec<SellerState>,
    pub orders: Vec<Order>,
    pub order_index: HashMap<String, usize>,
    /// (time, order index, position in its schedule), kept sorted descending so the next is last.
    pub pending: Vec<(DateTime<Utc>, usize, usize)>,
    pub access_tokens: HashMap<String, AccessGrant>,
    pub refresh_tokens: HashMap<String, RefreshGrant>,
    pub auth_codes: HashMap<String, usize>,
    pub rdts: HashMap<String, Rdt>,
    pub order_pages: HashMap<String, OrderPage>,
    /// Page tokens in the order they were issued (the oldest expire first).
    pub page_tokens: std::collections::VecDeque<String>,
    pub token_rng: ChaCha8Rng,
    pub id_rng: ChaCha8Rng,
    pub counter: u64,
    pub feeds: Vec<FeedRecord>,
    pub reports: Vec<ReportRecord>,
    pub report_schedules: Vec<super::feeds::ScheduleRecord>,
    pub documents: BTreeMap<String, Document>,
    pub mcf: Vec<McfOrder>,
    pub mfn_shipments: BTreeMap<String, MfnShipment>,
    pub listing_attributes: HashMap<(usize, String), serde_json::Map<String, Value>>,
    pub access_token_lifetime: Duration,
    pub rdt_lifetime: Duration,
    pub gzip_documents: bool,
    pub client_id: String,
    pub client_secret: String,
}

impl State {
    pub(crate) fn new(cfg: &SimConfig) -> Self {
        let from = cfg.start_time - cfg.history;
        let mut token_rng = data::rng_for(cfg.seed, 7);
        let mut sellers = Vec::new();
        let mut refresh_tokens = HashMap::new();
        for (i, spec) in cfg.sellers.iter().enumerate() {
            let marketplaces = spec
                .marketplaces
                .iter()
                .filter_map(|m| super::market::marketplace(m))
                .collect::<Vec<_>>();
            let products = data::gen_products(cfg.seed, i, spec, cfg.start_time);
            let refresh = match &spec.refresh_token {
                Some(t) => t.expose().to_owned(),
                None => format!("Atzr|{}", data::alnum(&mut token_rng, 48)),
            };
            refresh_tokens.insert(
                refresh,
                RefreshGrant {
                    seller: i,
                    revoked: false,
                },
            );
            sellers.push(SellerState {
                id: spec.selling_partner_id.clone(),
                store_name: spec.store_name.clone(),
                marketplaces,
                roles: spec.roles.clone(),
                products,
                gen: SellerGen::new(cfg.seed, i, spec, from),
                spec: spec.clone(),
            });
        }
        let mut s = Self {
            seed: cfg.seed,
            start: cfg.start_time,
            now: from,
            sellers,
            orders: Vec::new(),
            order_index: HashMap::new(),
            pending: Vec::new(),
            access_tokens: HashMap::new(),
            refresh_tokens,
            auth_codes: HashMap::new(),
            rdts: HashMap::new(),
            order_pages: HashMap::new(),
            page_tokens: std::collections::VecDeque::new(),
            token_rng,
            id_rng: data::rng_for(cfg.seed, 9),
            counter: 0,
            feeds: Vec::new(),
            reports: Vec::new(),
            report_schedules: Vec::new(),
            documents: BTreeMap::new(),
            mcf: Vec::new(),
            mfn_shipments: BTreeMap::new(),
            listing_attributes: HashMap::new(),
            access_token_lifetime: cfg.access_token_lifetime,
            rdt_lifetime: cfg.rdt_lifetime,
            gzip_documents: cfg.gzip_documents,
            client_id: cfg.client_id.clone(),
            client_secret: cfg.client_secret.expose().to_owned(),
        };
        s.catch_up(cfg.start_time);
        s
    }

    /// A fresh deterministic token with the given prefix.
    pub(crate) fn new_token(&mut self, prefix: &str, len: usize) -> String {
        format!("{prefix}{}", data::alnum(&mut self.token_rng, len))
    }

    /// A fresh deterministic numeric id.
    pub(crate) fn next_id(&mut self, digits: usize) -> String {
        self.counter += 1;
        let tail = data::digits(&mut self.id_rng, digits.saturating_sub(4));
        format!("{:04}{tail}", self.counter % 10_000)
    }

    /// Keeps a page under a token; the oldest tokens expire once there are too many.
    pub(crate) fn put_page(&mut self, token: String, page: OrderPage) {
        const MAX_PAGES: usize = 20_000;
        if self.order_pages.insert(token.clone(), page).is_none() {
            self.page_tokens.push_back(token);
        }
        while self.page_tokens.len() > MAX_PAGES {
            if let Some(old) = self.page_tokens.pop_front() {
                self.order_pages.remove(&old);
            }
        }
    }

    /// The refresh token of a seller (the first one issued).
    pub(crate) fn refresh_token_of(&self, seller: usize) -> Option<String> {
        let mut v: Vec<&String> = self
            .refresh_tokens
            .iter()
            .filter(|(_, g)| g.seller == seller && !g.revoked)
            .map(|(t, _)| t)
            .collect();
        v.sort();
        v.first().map(|t| (*t).clone())
    }

    pub(crate) fn seller_index(&self, selling_partner_id: &str) -> Option<usize> {
        self.sellers.iter().position(|s| s.id == selling_partner_id)
    }

    pub(crate) fn order(&self, id: &str) -> Option<&Order> {
        self.order_index.get(id).map(|&i| &self.orders[i])
    }

    pub(crate) fn order_mut(&mut self, id: &str) -> Option<&mut Order> {
        match self.order_index.get(id) {
            Some(&i) => self.orders.get_mut(i),
            None => None,
        }
    }

    /// Moves the world to `now`: creates the orders due by then, applies scheduled changes, and
    /// advances feeds, reports and MCF orders.
    pub(crate) fn catch_up(&mut self, now: DateTime<Utc>) {
        if now < self.now {
            return;
        }
        let start = self.start;
        let mut added = false;
        for si in 0..self.sellers.len() {
            loop {
                let at = self.sellers[si].gen.next_at;
                if at > now {
                    break;
                }
                let seller = &mut self.sellers[si];
                let ctx = OrderContext {
                    seller: si,
                    spec: &seller.spec,
                    products: &seller.products,
                    sim_start: start,
                };
                let mut order = data::gen_order(&mut seller.gen.rng, &ctx, at);
                seller.gen.advance();
                while self.order_index.contains_key(&order.id) {
                    let tail = data::digits(&mut self.sellers[si].gen.rng, 7);
                    order.id = format!("{}{tail}", &order.id[..12]);
                }
                if order.items.is_empty() {
                    continue;
                }
                order.regulated = super::regulated::for_order(self.seed, &order);
                let idx = self.orders.len();
                for (k, (t, _)) in order.schedule.iter().enumerate() {
                    self.pending.push((*t, idx, k));
                    added = true;
                }
                self.order_index.insert(order.id.clone(), idx);
                self.orders.push(order);
            }
        }
        // Latest first so that pop() yields the earliest; ties broken by order index and position.
        if added {
            self.pending.sort_by(|a, b| b.cmp(a));
        }
        while let Some(&(t, idx, k)) = self.pending.last() {
            if t > now {
                break;
            }
            self.pending.pop();
            self.apply_transition(idx, k, t);
        }
        self.now = now;
        super::feeds::advance(self, now);
        super::fulfillment::advance_mcf(self, now);
    }

    fn apply_transition(&mut self, idx: usize, k: usize, at: DateTime<Utc>) {
        let seed = self.seed;
        let Some(order) = self.orders.get_mut(idx) else {
            return;
        };
        let Some((_, tr)) = order.schedule.get(k).cloned() else {
            return;
        };
        let changed = match tr {
            Transition::Released if order.status == OrderStatus::PendingAvailability => {
                order.status = OrderStatus::Pending;
                true
            }
            Transition::PaymentCleared if order.status == OrderStatus::Pending => {
                order.status = OrderStatus::Unshipped;
                true
            }
            Transition::PaymentFailed if order.status == OrderStatus::Pending => {
                order.status = OrderStatus::Canceled;
                order.cancel_reason = Some("PaymentFailed".to_owned());
                true
            }
            Transition::BuyerCancels(reason) if matches!(order.status, OrderStatus::Pending) => {
                order.status = OrderStatus::Canceled;
                for it in &mut order.items {
                    it.buyer_cancel_reason = Some(reason.clone());
                }
                order.cancel_reason = Some(reason);
                true
            }
            Transition::BuyerRequestsCancel(reason) if order.status == OrderStatus::Unshipped => {
                for it in &mut order.items {
                    it.buyer_cancel_reason = Some(reason.clone());
                }
                true
            }
            Transition::AmazonShips if order.shippable() => {
                let (carrier, tracking) = data::amazon_carrier(data::mix(seed, idx as u64), order.mp);
                let items: Vec<(String, i64)> = order.items.iter().map(|i| (i.id.clone(), i.qty)).collect();
                for it in &mut order.items {
                    it.qty_shipped = it.qty;
                }
                order.packages.push(data::Package {
                    reference_id: "1".to_owned(),
                    carrier_code: carrier.to_owned(),
                    carrier_name: None,
                    shipping_method: None,
                    tracking,
                    ship_date: at,
                    items: items.clone(),
                });
                order.status = OrderStatus::Shipped;
                let seller = order.seller;
                for (item_id, qty) in items {
                    let sku = self.orders[idx]
                        .items
                        .iter()
                        .find(|i| i.id == item_id)
                        .map(|i| i.sku.clone());
                    if let Some(p) = sku.and_then(|s| self.sellers[seller].product_mut(&s)) {
                        p.fba_fulfillable = (p.fba_fulfillable - qty).max(0);
                        p.last_updated = at;
                    }
                }
                true
            }
            Transition::AmazonUnfulfillable if order.shippable() => {
                order.status = OrderStatus::Unfulfillable;
                true
            }
            Transition::SellerShipsExternally { partial } if order.shippable() => {
                let mut shipped = Vec::new();
                let n = order.items.len();
                for (i, it) in order.items.iter_mut().enumerate() {
                    let q = if partial && i + 1 == n { it.qty - 1 } else { it.qty };
                    if q > 0 {
                        it.qty_shipped += q;
                        shipped.push((it.id.clone(), q));
                    }
                }
                let carrier = match order.mp.code {
                    "US" | "CA" | "MX" => "UPS",
                    "UK" => "Royal Mail",
                    "DE" => "DHL",
                    "JP" => "YAMATO",
                    "AU" => "Australia Post",
                    _ => "DPD",
                };
                order.packages.push(data::Package {
                    reference_id: "1".to_owned(),
                    carrier_code: carrier.to_owned(),
                    carrier_name: None,
                    shipping_method: None,
                    tracking: format!(
                        "1Z{:016}",
                        data::mix(seed, 77 + idx as u64) % 10_000_000_000_000_000
                    ),
                    ship_date: at,
                    items: shipped,
                });
                let invoice = order.needs_invoice();
                order.settle_shipping_status(invoice);
                true
            }
            Transition::InvoiceConfirmed if order.status == OrderStatus::InvoiceUnconfirmed => {
                order.status = OrderStatus::Shipped;
                true
            }
            _ => false,
        };
        if changed {
            let o = &mut self.orders[idx];
            if at > o.last_update {
                o.last_update = at;
            }
        }
    }

    /// Orders of one seller, ordered by purchase date.
    pub(crate) fn seller_orders(&self, seller: usize) -> impl Iterator<Item = (usize, &Order)> {
        self.orders
            .iter()
            .enumerate()
            .filter(move |(_, o)| o.seller == seller)
    }
}
