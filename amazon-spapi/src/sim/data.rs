//! The seeded marketplace: products, orders and how orders change over simulated time.

use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;

use super::config::SellerSpec;
use super::market::{self, MarketplaceInfo};

/// A seeded random stream; `stream` separates independent uses of one seed.
pub(crate) fn rng_for(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut r = ChaCha8Rng::seed_from_u64(seed);
    r.set_stream(stream);
    r
}

/// A 64-bit mix of the seed and a number (splitmix64), for per-request decisions.
pub(crate) fn mix(seed: u64, n: u64) -> u64 {
    let mut z = seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A uniform number in [0, 1) from a mixed value.
pub(crate) fn unit(seed: u64, n: u64) -> f64 {
    (mix(seed, n) >> 11) as f64 / (1u64 << 53) as f64
}

/// Digits from a seeded stream.
pub(crate) fn digits(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.gen_range(0..10u8)))
        .collect()
}

/// Upper-case letters and digits from a seeded stream.
pub(crate) fn alnum(rng: &mut ChaCha8Rng, n: usize) -> String {
    const CHARS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    (0..n)
        .map(|_| char::from(CHARS[rng.gen_range(0..CHARS.len())]))
        .collect()
}

/// Amazon's order status (v0 spelling in [`OrderStatus::v0`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum OrderStatus {
    PendingAvailability,
    Pending,
    Unshipped,
    PartiallyShipped,
    Shipped,
    InvoiceUnconfirmed,
    Canceled,
    Unfulfillable,
}

impl OrderStatus {
    pub(crate) const ALL: [OrderStatus; 8] = [
        OrderStatus::PendingAvailability,
        OrderStatus::Pending,
        OrderStatus::Unshipped,
        OrderStatus::PartiallyShipped,
        OrderStatus::Shipped,
        OrderStatus::InvoiceUnconfirmed,
        OrderStatus::Canceled,
        OrderStatus::Unfulfillable,
    ];

    pub(crate) fn v0(self) -> &'static str {
        match self {
            OrderStatus::PendingAvailability => "PendingAvailability",
            OrderStatus::Pending => "Pending",
            OrderStatus::Unshipped => "Unshipped",
            OrderStatus::PartiallyShipped => "PartiallyShipped",
            OrderStatus::Shipped => "Shipped",
            OrderStatus::InvoiceUnconfirmed => "InvoiceUnconfirmed",
            OrderStatus::Canceled => "Canceled",
            OrderStatus::Unfulfillable => "Unfulfillable",
        }
    }

    /// The 2026-01-01 `FulfillmentStatus` (InvoiceUnconfirmed orders have shipped).
    pub(crate) fn v2026(self) -> &'static str {
        match self {
            OrderStatus::PendingAvailability => "PENDING_AVAILABILITY",
            OrderStatus::Pending => "PENDING",
            OrderStatus::Unshipped => "UNSHIPPED",
            OrderStatus::PartiallyShipped => "PARTIALLY_SHIPPED",
            OrderStatus::Shipped | OrderStatus::InvoiceUnconfirmed => "SHIPPED",
            OrderStatus::Canceled => "CANCELLED",
            OrderStatus::Unfulfillable => "UNFULFILLABLE",
        }
    }

    pub(crate) fn from_v0(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.v0() == s)
    }

    pub(crate) fn from_v2026(s: &str) -> Vec<Self> {
        Self::ALL.into_iter().filter(|x| x.v2026() == s).collect()
    }
}

/// Who ships the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Channel {
    Mfn,
    Afn,
}

impl Channel {
    pub(crate) fn v0(self) -> &'static str {
        match self {
            Channel::Mfn => "MFN",
            Channel::Afn => "AFN",
        }
    }
}

/// A product a seller lists (one SKU, offered in every marketplace of the seller).
#[derive(Debug, Clone)]
pub(crate) struct Product {
    pub sku: String,
    pub asin: String,
    pub fnsku: String,
    pub title: String,
    /// Price in US dollars; converted per marketplace.
    pub base_price: Decimal,
    pub product_type: String,
    pub fba: bool,
    pub mfn_quantity: i64,
    pub handling_days: i64,
    pub fba_fulfillable: i64,
    pub fba_inbound: i64,
    pub fba_reserved: i64,
    pub fba_unfulfillable: i64,
    pub created: DateTime<Utc>,
    pub last_updated: DateTime<Utc>,
    pub deleted: bool,
}

/// Price of a product in a marketplace's currency.
pub(crate) fn price_in(base: Decimal, mp: &MarketplaceInfo) -> Decimal {
    let factor = match mp.currency {
        "CAD" => Decimal::new(135, 2),
        "MXN" => Decimal::new(18, 0),
        "GBP" => Decimal::new(80, 2),
        "EUR" => Decimal::new(92, 2),
        "JPY" => Decimal::new(150, 0),
        "AUD" => Decimal::new(150, 2),
        _ => Decimal::ONE,
    };
    let p = base * factor;
    if mp.decimals == 0 {
        (p / Decimal::TEN).round() * Decimal::TEN
    } else {
        p.trunc() + Decimal::new(99, 2)
    }
}

/// A buyer's postal address.
#[derive(Debug, Clone)]
pub(crate) struct PostalAddress {
    pub name: String,
    pub company: Option<String>,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub state: String,
    pub postal: String,
    pub country: String,
    pub phone: String,
    pub commercial: bool,
}

/// The buyer.
#[derive(Debug, Clone)]
pub(crate) struct Buyer {
    pub name: String,
    pub email: String,
    pub company: Option<String>,
    pub po_number: Option<String>,
    pub vat_id: Option<String>,
}

/// One order line.
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub id: String,
    pub sku: String,
    pub asin: String,
    pub title: String,
    pub qty: i64,
    pub qty_shipped: i64,
    pub unit_price: Decimal,
    pub item_price: Decimal,
    pub item_tax: Decimal,
    pub shipping_price: Decimal,
    pub shipping_tax: Decimal,
    pub condition_id: &'static str,
    pub condition_subtype: &'static str,
    pub condition_note: Option<String>,
    pub gift_message: Option<String>,
    pub gift_wrap_level: Option<String>,
    pub customized_url: Option<String>,
    pub ioss: Option<String>,
    pub business_price: bool,
    pub buyer_cancel_reason: Option<String>,
    pub serial_required: bool,
}

/// A shipped package (from confirmShipment, a fulfillment feed, Amazon, or Seller Central).
#[derive(Debug, Clone)]
pub(crate) struct Package {
    pub reference_id: String,
    pub carrier_code: String,
    pub carrier_name: Option<String>,
    pub shipping_method: Option<String>,
    pub tracking: String,
    pub ship_date: DateTime<Utc>,
    pub items: Vec<(String, i64)>,
}

/// A change Amazon (or the buyer) makes to an order at a scheduled simulated time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Transition {
    Released,
    PaymentCleared,
    PaymentFailed,
    BuyerCancels(String),
    BuyerRequestsCancel(String),
    AmazonShips,
    AmazonUnfulfillable,
    SellerShipsExternally { partial: bool },
    InvoiceConfirmed,
}

/// One order.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    pub id: String,
    pub seller: usize,
    pub mp: &'static MarketplaceInfo,
    pub seller_order_id: String,
    pub purchase_date: DateTime<Utc>,
    pub last_update: DateTime<Utc>,
    pub status: OrderStatus,
    pub channel: Channel,
    pub is_prime: bool,
    pub is_business: bool,
    pub is_premium: bool,
    pub handmade: bool,
    pub payment_method: &'static str,
    pub ship_service_level: &'static str,
    pub ship_category: &'static str,
    pub earliest_ship: DateTime<Utc>,
    pub latest_ship: DateTime<Utc>,
    pub earliest_delivery: DateTime<Utc>,
    pub latest_delivery: DateTime<Utc>,
    pub buyer: Buyer,
    pub address: PostalAddress,
    pub items: Vec<Item>,
    pub packages: Vec<Package>,
    pub schedule: Vec<(DateTime<Utc>, Transition)>,
    pub easy_ship_status: Option<String>,
    pub cancel_reason: Option<String>,
    pub canceled_by_seller: bool,
    /// Regulated items (pet prescription medicine) and their verification.
    pub regulated: Option<super::regulated::Regulated>,
}

impl Order {
    pub(crate) fn total(&self) -> Decimal {
        let included = self.mp.included_tax_pct > 0;
        self.items
            .iter()
            .map(|i| {
                let base = i.item_price + i.shipping_price;
                if included {
                    base
                } else {
                    base + i.item_tax + i.shipping_tax
                }
            })
            .sum()
    }

    pub(crate) fn shipped_units(&self) -> i64 {
        self.items.iter().map(|i| i.qty_shipped).sum()
    }

    pub(crate) fn unshipped_units(&self) -> i64 {
        if matches!(self.status, OrderStatus::Canceled) {
            return 0;
        }
        self.items.iter().map(|i| i.qty - i.qty_shipped).sum()
    }

    /// Recomputes Shipped / PartiallyShipped from the shipped quantities.
    pub(crate) fn settle_shipping_status(&mut self, business_invoice: bool) {
        let shipped = self.shipped_units();
        let total: i64 = self.items.iter().map(|i| i.qty).sum();
        if shipped == 0 {
            return;
        }
        self.status = if shipped >= total {
            if business_invoice {
                OrderStatus::InvoiceUnconfirmed
            } else {
                OrderStatus::Shipped
            }
        } else {
            OrderStatus::PartiallyShipped
        };
    }

    /// Whether the order is still open for shipping.
    pub(crate) fn shippable(&self) -> bool {
        matches!(
            self.status,
            OrderStatus::Unshipped | OrderStatus::PartiallyShipped
        )
    }

    /// Whether personal data may ever be shown for this order (never for Amazon-fulfilled orders).
    pub(crate) fn has_pii(&self) -> bool {
        self.channel == Channel::Mfn
            && !matches!(
                self.status,
                OrderStatus::Pending | OrderStatus::PendingAvailability
            )
    }

    /// Business orders in the EU wait for the seller's invoice after shipping.
    pub(crate) fn needs_invoice(&self) -> bool {
        self.is_business && market::in_eu(self.mp) && self.channel == Channel::Mfn
    }
}

/// The per-seller order generator: a seeded stream and the time of the next order.
#[derive(Debug)]
pub(crate) struct SellerGen {
    pub rng: ChaCha8Rng,
    pub next_at: DateTime<Utc>,
    pub rate_per_sec: f64,
}

impl SellerGen {
    pub(crate) fn new(seed: u64, seller: usize, spec: &SellerSpec, from: DateTime<Utc>) -> Self {
        let mut rng = rng_for(seed, 1000 + seller as u64);
        let rate_per_sec = (spec.orders_per_day.max(0.0)) / 86_400.0;
        let next_at = from + next_gap(&mut rng, rate_per_sec);
        Self {
            rng,
            next_at,
            rate_per_sec,
        }
    }

    pub(crate) fn advance(&mut self) {
        let gap = next_gap(&mut self.rng, self.rate_per_sec);
        self.next_at += gap;
    }
}

fn next_gap(rng: &mut ChaCha8Rng, rate_per_sec: f64) -> Duration {
    if rate_per_sec <= 0.0 {
        return Duration::days(365 * 100);
    }
    let u: f64 = rng.gen_range(1e-9..1.0);
    let secs = -u.ln() / rate_per_sec;
    Duration::milliseconds((secs * 1000.0).clamp(1.0, 1e12) as i64)
}

/// Generates a seller's catalog.
pub(crate) fn gen_products(seed: u64, seller: usize, spec: &SellerSpec, at: DateTime<Utc>) -> Vec<Product> {
    let mut rng = rng_for(seed, 500 + seller as u64);
    let japanese = spec.marketplaces.iter().all(|m| m == "JP");
    let n = 40;
    let short: String = spec.selling_partner_id.chars().skip(1).take(4).collect();
    (0..n)
        .map(|i| {
            let title = if spec.handmade {
                market::TITLES_HANDMADE[i % market::TITLES_HANDMADE.len()].to_owned()
            } else if japanese {
                market::TITLES_JA[i % market::TITLES_JA.len()].to_owned()
            } else {
                format!(
                    "{} {}",
                    market::TITLE_ADJECTIVES
                        .choose(&mut rng)
                        .copied()
                        .unwrap_or("Classic"),
                    market::TITLE_NOUNS[i % market::TITLE_NOUNS.len()]
                )
            };
            let fba = spec.afn_share > 0.0 && i % 3 == 0;
            let cents: i64 = rng.gen_range(699..19999);
            Product {
                sku: format!("SIM-{short}-{i:04}"),
                asin: format!("B0{}", alnum(&mut rng, 8)),
                fnsku: format!("X00{}", alnum(&mut rng, 7)),
                title,
                base_price: Decimal::new(cents, 2),
                product_type: "HOME".to_owned(),
                fba,
                mfn_quantity: rng.gen_range(0..120),
                handling_days: if spec.handmade {
                    rng.gen_range(3..10)
                } else {
                    rng.gen_range(1..4)
                },
                fba_fulfillable: if fba { rng.gen_range(0..400) } else { 0 },
                fba_inbound: if fba { rng.gen_range(0..50) } else { 0 },
                fba_reserved: if fba { rng.gen_range(0..10) } else { 0 },
                fba_unfulfillable: if fba { rng.gen_range(0..4) } else { 0 },
                created: at - Duration::days(rng.gen_range(30..900)),
                last_updated: at - Duration::days(rng.gen_range(0..30)),
                deleted: false,
            }
        })
        .collect()
}

fn round_to(d: Decimal, mp: &MarketplaceInfo) -> Decimal {
    d.round_dp(mp.decimals)
}

fn included_tax(gross: Decimal, mp: &MarketplaceInfo) -> Decimal {
    let pct = Decimal::from(mp.included_tax_pct);
    round_to(gross * pct / (Decimal::ONE_HUNDRED + pct), mp)
}

/// Everything [`gen_order`] needs to know about the seller.
pub(crate) struct OrderContext<'a> {
    pub seller: usize,
    pub spec: &'a SellerSpec,
    pub products: &'a [Product],
    pub sim_start: DateTime<Utc>,
}

/// Generates one order created at `at`, with its scheduled changes.
pub(crate) fn gen_order(rng: &mut ChaCha8Rng, ctx: &OrderContext<'_>, at: DateTime<Utc>) -> Order {
    let spec = ctx.spec;
    let mps: Vec<&'static MarketplaceInfo> = spec
        .marketplaces
        .iter()
        .filter_map(|m| market::marketplace(m))
        .collect();
    let mp = if mps.is_empty() {
        &market::MARKETPLACES[0]
    } else {
        // The first marketplace is the seller's home and gets most orders.
        if rng.gen_bool(0.6) {
            mps[0]
        } else {
            mps[rng.gen_range(0..mps.len())]
        }
    };
    let prefix = mp.order_prefixes[rng.gen_range(0..mp.order_prefixes.len())];
    let id = format!("{prefix}-{}-{}", digits(rng, 7), digits(rng, 7));
    let fba_products: Vec<&Product> = ctx.products.iter().filter(|p| p.fba).collect();
    let channel = if !fba_products.is_empty() && rng.gen_bool(spec.afn_share.clamp(0.0, 1.0)) {
        Channel::Afn
    } else {
        Channel::Mfn
    };
    let is_business = !spec.handmade && mp.code != "AU" && rng.gen_bool(0.12);
    let is_prime = rng.gen_bool(if channel == Channel::Afn { 0.6 } else { 0.25 });
    let is_premium = rng.gen_bool(0.05);
    let preorder = channel == Channel::Mfn && !spec.handmade && rng.gen_bool(0.02);
    let payment_method = if mp.code == "JP" && rng.gen_bool(0.1) {
        if rng.gen_bool(0.5) {
            "COD"
        } else {
            "CVS"
        }
    } else {
        "Other"
    };
    let (level, category, ship_days, deliver_days) = if is_premium {
        ("NextDay", "NextDay", 0, 1)
    } else if is_prime {
        ("SecondDay", "SecondDay", 1, 2)
    } else if rng.gen_bool(0.15) {
        ("Expedited", "Expedited", 1, 3)
    } else {
        ("Std Cont US Street Addr", "Standard", 2, 7)
    };
    let level = if level.starts_with("Std") {
        match mp.code {
            "US" => "Std US D2D Dom",
            "CA" => "Std CA D2D Dom",
            "UK" => "Std UK Dom_1",
            "DE" | "FR" | "IT" | "ES" => "Std DE Dom_2",
            "JP" => "Std JP Kanto8",
            "AU" => "Std AU Dom",
            _ => "Standard",
        }
    } else {
        level
    };
    let handling = if spec.handmade { rng.gen_range(3..10) } else { 0 };
    let earliest_ship = at + Duration::hours(2);
    let latest_ship = at + Duration::days(ship_days + handling) + Duration::hours(10);
    let earliest_delivery = latest_ship + Duration::days(1);
    let latest_delivery = latest_ship + Duration::days(deliver_days + 1);

    let pool = market::address_pool(mp.country);
    let (name, line1, line2, city, state, postal, phone) = pool[rng.gen_range(0..pool.len())];
    let company = if is_business {
        Some(format!("{} GmbH & Co", city.split(' ').next().unwrap_or(city)))
    } else {
        None
    };
    let company = company.map(|c| {
        if mp.code == "JP" {
            format!("{city}株式会社")
        } else {
            c
        }
    });
    let email_local = alnum(rng, 12).to_lowercase();
    let buyer = Buyer {
        name: name.to_owned(),
        email: format!(
            "{email_local}@marketplace.{}",
            mp.domain.trim_start_matches("www.")
        ),
        company: company.clone(),
        po_number: if is_business {
            Some(format!("PO-{}", digits(rng, 6)))
        } else {
            None
        },
        vat_id: if is_business && mp.region == "EU" {
            Some(format!("{}{}", mp.country, digits(rng, 9)))
        } else {
            None
        },
    };
    let address = PostalAddress {
        name: name.to_owned(),
        company,
        line1: line1.to_owned(),
        line2: line2.to_owned(),
        city: city.to_owned(),
        state: state.to_owned(),
        postal: postal.to_owned(),
        country: mp.country.to_owned(),
        phone: phone.to_owned(),
        commercial: is_business,
    };

    let n_items = match rng.gen_range(0..10) {
        0..=6 => 1,
        7 | 8 => 2,
        _ => 3,
    };
    let candidates: Vec<&Product> = if channel == Channel::Afn {
        fba_products
    } else {
        ctx.products
            .iter()
            .filter(|p| !p.fba || rng.gen_bool(0.3))
            .collect()
    };
    let ioss = if market::in_eu(mp) && rng.gen_bool(0.1) {
        Some(format!("IM{}", digits(rng, 10)))
    } else {
        None
    };
    let mut items = Vec::new();
    let mut used = Vec::new();
    for _ in 0..n_items {
        let Some(p) = candidates.choose(rng) else { break };
        if used.contains(&p.sku) {
            continue;
        }
        used.push(p.sku.clone());
        let qty = if rng.gen_bool(0.8) { 1 } else { rng.gen_range(2..5) };
        let mut unit = price_in(p.base_price, mp);
        if is_business && rng.gen_bool(0.5) {
            unit = round_to(unit * Decimal::new(95, 2), mp);
        }
        let item_price = unit * Decimal::from(qty);
        let shipping_price = if is_prime || channel == Channel::Afn {
            Decimal::ZERO
        } else {
            price_in(Decimal::new(399, 2), mp)
        };
        let (item_tax, shipping_tax) = if mp.included_tax_pct > 0 {
            (included_tax(item_price, mp), included_tax(shipping_price, mp))
        } else {
            (
                round_to(item_price * Decimal::new(8, 2), mp),
                round_to(shipping_price * Decimal::new(8, 2), mp),
            )
        };
        let used_item = !spec.handmade && rng.gen_bool(0.1);
        let (condition_id, condition_subtype, condition_note) = if used_item {
            let sub = ["LikeNew", "VeryGood", "Good", "Acceptable"][rng.gen_range(0..4)];
            (
                "Used",
                sub,
                Some(market::CONDITION_NOTES[rng.gen_range(0..market::CONDITION_NOTES.len())].to_owned()),
            )
        } else {
            ("New", "New", None)
        };
        let gift = rng.gen_bool(0.08);
        let custom = spec.handmade && rng.gen_bool(0.6);
        items.push(Item {
            id: digits(rng, 14),
            sku: p.sku.clone(),
            asin: p.asin.clone(),
            title: p.title.clone(),
            qty,
            qty_shipped: 0,
            unit_price: unit,
            item_price,
            item_tax,
            shipping_price,
            shipping_tax,
            condition_id,
            condition_subtype,
            condition_note,
            gift_message: if gift {
                Some(market::GIFT_MESSAGES[rng.gen_range(0..market::GIFT_MESSAGES.len())].to_owned())
            } else {
                None
            },
            gift_wrap_level: if gift { Some("Classic".to_owned()) } else { None },
            customized_url: if custom {
                Some(format!(
                    "https://zme-caps.amazon.com/t/{}/{}",
                    alnum(rng, 12),
                    digits(rng, 6)
                ))
            } else {
                None
            },
            ioss: ioss.clone(),
            business_price: is_business,
            buyer_cancel_reason: None,
            serial_required: false,
        });
    }

    let mut order = Order {
        id,
        seller: ctx.seller,
        mp,
        seller_order_id: format!("SO-{}", digits(rng, 8)),
        purchase_date: at,
        last_update: at,
        status: if preorder {
            OrderStatus::PendingAvailability
        } else {
            OrderStatus::Pending
        },
        channel,
        is_prime,
        is_business,
        is_premium,
        handmade: spec.handmade,
        payment_method,
        ship_service_level: level,
        ship_category: category,
        earliest_ship,
        latest_ship,
        earliest_delivery,
        latest_delivery,
        buyer,
        address,
        items,
        packages: Vec::new(),
        schedule: Vec::new(),
        easy_ship_status: None,
        cancel_reason: None,
        canceled_by_seller: false,
        regulated: None,
    };
    order.schedule = gen_schedule(rng, &order, ctx.sim_start);
    order
}

fn minutes(rng: &mut ChaCha8Rng, lo: i64, hi: i64) -> Duration {
    Duration::minutes(rng.gen_range(lo..hi))
}

fn gen_schedule(
    rng: &mut ChaCha8Rng,
    o: &Order,
    sim_start: DateTime<Utc>,
) -> Vec<(DateTime<Utc>, Transition)> {
    let mut s = Vec::new();
    let mut t = o.purchase_date;
    if o.status == OrderStatus::PendingAvailability {
        t += Duration::hours(rng.gen_range(6..72));
        s.push((t, Transition::Released));
    }
    t += minutes(rng, 5, 60);
    if rng.gen_bool(0.02) {
        s.push((t, Transition::PaymentFailed));
        return s;
    }
    if rng.gen_bool(0.02) {
        let r = market::BUYER_CANCEL_REASONS[rng.gen_range(0..market::BUYER_CANCEL_REASONS.len())];
        s.push((t, Transition::BuyerCancels(r.to_owned())));
        return s;
    }
    s.push((t, Transition::PaymentCleared));
    match o.channel {
        Channel::Afn => {
            t += minutes(rng, 120, 1200);
            if rng.gen_bool(0.03) {
                s.push((t, Transition::AmazonUnfulfillable));
            } else {
                s.push((t, Transition::AmazonShips));
            }
        }
        Channel::Mfn => {
            if rng.gen_bool(0.03) {
                let r = market::BUYER_CANCEL_REASONS[rng.gen_range(0..market::BUYER_CANCEL_REASONS.len())];
                s.push((
                    t + minutes(rng, 10, 240),
                    Transition::BuyerRequestsCancel(r.to_owned()),
                ));
            }
            // Orders from before the simulator started were partly handled in Seller Central already.
            let ship_at = t + minutes(rng, 60, 1200);
            if ship_at < sim_start && rng.gen_bool(0.7) {
                let partial = o.items.iter().map(|i| i.qty).sum::<i64>() > 1 && rng.gen_bool(0.15);
                s.push((ship_at, Transition::SellerShipsExternally { partial }));
                if o.needs_invoice() {
                    let inv = ship_at + minutes(rng, 600, 3000);
                    s.push((inv, Transition::InvoiceConfirmed));
                }
            }
        }
    }
    s.sort_by_key(|(t, _)| *t);
    s
}

/// Carrier codes Amazon lists (its 2012 base schema plus a few newer ones); kept as data.
pub(crate) const CARRIER_CODES: &[&str] = &[
    "USPS",
    "UPS",
    "UPSMI",
    "FedEx",
    "DHL",
    "Fastway",
    "GLS",
    "GO!",
    "Hermes Logistik Gruppe",
    "Royal Mail",
    "Parcelforce",
    "City Link",
    "TNT",
    "Target",
    "SagawaExpress",
    "NipponExpress",
    "YamatoTransport",
    "DHL Global Mail",
    "UPS Mail Innovations",
    "FedEx SmartPost",
    "OSM",
    "OnTrac",
    "Streamlite",
    "Newgistics",
    "Canada Post",
    "Blue Package",
    "Chronopost",
    "Deutsche Post",
    "DPD",
    "La Poste",
    "Parcelnet",
    "Poste Italiane",
    "SDA",
    "Smartmail",
    "FEDEX_JP",
    "JP_EXPRESS",
    "NITTSU",
    "SAGAWA",
    "YAMATO",
    "BlueDart",
    "AFL/Fedex",
    "Aramex",
    "India Post",
    "Professional",
    "DTDC",
    "Overnite Express",
    "First Flight",
    "Delhivery",
    "Lasership",
    "Yodel",
    "Other",
    "Amazon Shipping",
    "AMZL",
    "Australia Post",
    "BRT",
    "Colissimo",
    "Correos",
    "DHL eCommerce",
    "DHL-Paket",
    "DPD Local",
    "Hermes UK",
    "InPost",
    "Japan Post",
    "Mondial Relay",
    "PostNord",
    "Self Delivery",
    "SENDLE",
    "Yun Express",
    "ZTO Express",
];

/// Whether Amazon knows the carrier code (case-insensitive, as Amazon matches it).
pub(crate) fn known_carrier(code: &str) -> bool {
    CARRIER_CODES.iter().any(|c| c.eq_ignore_ascii_case(code))
}

/// A carrier and tracking number Amazon's own network uses in a marketplace.
pub(crate) fn amazon_carrier(rng_value: u64, mp: &MarketplaceInfo) -> (&'static str, String) {
    let carrier = match mp.region {
        "NA" => "AMZN_US",
        "EU" => "AMZN_UK",
        _ => "AMZN_JP",
    };
    (carrier, format!("TBA{:012}", rng_value % 1_000_000_000_000))
}
