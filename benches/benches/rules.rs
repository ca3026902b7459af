//! Criterion benchmark `rules`: 50 rules over 1,000,000 orders on one core (target ≥ 500,000 orders/s).
//!
//! Three measurements, each evaluating 1,000,000 `order_imported` events per iteration (10,000 distinct,
//! deterministic orders cycled 100 times) on the calling thread:
//! - `rules/50_rules_1m_orders`: the compiled rule set alone (`RuleSet::evaluate_into`, one reused decision);
//! - `rules/50_rules_1m_orders_generic`: the same with the generic evaluator
//!   (`RuleSet::evaluate_reference_into`, no specialised plans), the same-process baseline: the ratio of the
//!   two does not depend on the machine's load the way the absolute figures do;
//! - `rules/decide_1m_orders`: the whole import policy (filters, mappings, then the 50 rules) via
//!   `RulesPolicy::decide_into`.
//!
//! Run: `cargo bench -p benches --bench rules`.
//!
//! Instruction counts (load-independent): `RULES_BENCH_ORDERS=N` skips criterion and evaluates N orders with
//! `evaluate_into` (`RULES_BENCH_GENERIC=1`: with the generic evaluator), so that
//! `valgrind --tool=callgrind` over two values of N gives the instructions per order (the difference divided
//! by the difference in N removes the setup).

use std::hint::black_box;

use chrono::{TimeZone, Utc};
use criterion::{criterion_group, Criterion, Throughput};
use orderhub_core::domain::{
    Address, AmazonOrderId, AmazonOrderStatus, ConnectionSettings, Currency, FulfillmentChannel, HubStatus,
    MarketplaceId, Metadata, Money, Order, OrderDates, OrderFlags, OrderLine, Pii, SalesChannel, SellerId,
};
use orderhub_core::policy::import::{ImportContext, ImportDecision, NoInventory, PolicyEvent};
use orderhub_rules::mappings::TextMap;
use orderhub_rules::{
    CountryFilter, FilterSettings, Mappings, PaymentMapping, RuleSet, RulesPolicy, ShippingMethodMapping,
};
use rust_decimal::Decimal;

const DISTINCT_ORDERS: usize = 10_000;
const ORDERS_PER_ITERATION: usize = 1_000_000;

const COUNTRIES: &[&str] = &[
    "US", "CA", "MX", "GB", "DE", "FR", "IT", "ES", "JP", "AU", "NL", "SE",
];

/// 50 rules of the kinds integrators write: the AFN rule and its safety filter, country routing, amount
/// thresholds, line quantifiers, regexes on metadata, nested groups.
fn rule_file() -> String {
    let mut s = String::from(
        r#"
[[rules]]
name = "AFN to Closed"
on = "order_imported"
when = { field = "metadata.amazon_fulfillment_channel", equals = "AFN" }
actions = [{ move_to_folder = "Closed" }]

[[rules]]
name = "Submit unfulfilled orders (safety filter)"
on = "order_imported"
when = { all = [
  { field = "metadata.amazon_fulfillment_channel", not_equals = "AFN" },
  { field = "amazon_status", in = ["Unshipped", "PartiallyShipped"] },
] }
actions = [{ route_to = "acme-3pl" }]
"#,
    );
    for i in 2..50 {
        let c1 = COUNTRIES[i % COUNTRIES.len()];
        let c2 = COUNTRIES[(i * 7 + 3) % COUNTRIES.len()];
        let body = match i % 8 {
            0 => format!(
                "when = {{ field = \"ship_country\", in = [\"{c1}\", \"{c2}\"] }}\nactions = [{{ route_to = \"wh-{i}\" }}]"
            ),
            1 => format!(
                "when = {{ field = \"order_total\", greater_than = {} }}\nactions = [{{ tag = \"big-{i}\" }}]",
                50 + i * 10
            ),
            2 => format!(
                "when = {{ any_line = {{ field = \"line.sku\", starts_with = \"SKU-{}\" }} }}\nactions = [{{ set_metadata = {{ key = \"line-rule\", value = \"{i}\" }} }}]",
                i % 10
            ),
            3 => format!(
                "when = {{ all = [{{ field = \"prime\", equals = true }}, {{ field = \"ship_country\", equals = \"{c1}\" }}] }}\nactions = [{{ set_shipping_method = \"Express-{i}\" }}]"
            ),
            4 => format!(
                "when = {{ field = \"metadata.channel_ref\", matches = \"^ref-{}[0-9]*$\" }}\nactions = [{{ tag = \"ref-{i}\" }}]",
                i % 10
            ),
            5 => format!(
                "when = {{ any = [{{ field = \"shipping_service_level\", contains = \"Exp\" }}, {{ field = \"metadata.rush\", is_blank = false }}, {{ field = \"total_quantity\", greater_than = {} }}] }}\nactions = [{{ set_hub_status = \"OnHold\" }}, {{ hold_for_hours = 4 }}]",
                3 + i % 4
            ),
            6 => format!(
                "when = {{ none = [{{ field = \"ship_country\", equals = \"{c1}\" }}, {{ all_lines = {{ field = \"line.physical\", equals = true }} }}] }}\nactions = [{{ tag = \"digital-{i}\" }}]"
            ),
            _ => format!(
                "when = {{ all = [{{ field = \"sales_channel_name\", ends_with = \".co.uk\" }}, {{ field = \"order_total\", less_than = {} }}, {{ field = \"id\", starts_with = \"20{}\" }}] }}\nactions = [{{ move_to_folder = \"UK small {i}\" }}]",
                30 + i,
                i % 10
            ),
        };
        s.push_str(&format!(
            "\n[[rules]]\nname = \"rule {i}\"\non = \"order_imported\"\n{body}\n"
        ));
    }
    s
}

/// A deterministic pseudo-random sequence (no clock, no RNG crate needed).
fn lcg(state: &mut u64) -> u64 {
    *state = state
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    *state >> 33
}

fn orders() -> Vec<Order> {
    let t = Utc
        .with_ymd_and_hms(2026, 5, 1, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let mut st = 42u64;
    (0..DISTINCT_ORDERS)
        .map(|i| {
            let r = lcg(&mut st);
            let afn = r % 10 == 0;
            let country = COUNTRIES[(r as usize / 10) % COUNTRIES.len()];
            let nlines = 1 + (r as usize / 7) % 3;
            let lines = (0..nlines)
                .map(|j| {
                    let q = 1 + (lcg(&mut st) % 3) as u32;
                    let mut l =
                        OrderLine::new(format!("{i:08}{j:06}"), format!("SKU-{}", lcg(&mut st) % 100), q);
                    l.physical = lcg(&mut st) % 20 != 0;
                    l.item_price = Some(Money::new(
                        Decimal::new((lcg(&mut st) % 20_000) as i64, 2),
                        Currency::USD,
                    ));
                    l
                })
                .collect();
            let mut metadata = Metadata::new();
            metadata.set("amazon_fulfillment_channel", if afn { "AFN" } else { "MFN" });
            metadata.set("channel_ref", format!("ref-{}", lcg(&mut st) % 1000));
            if r % 17 == 0 {
                metadata.set("rush", "1");
            }
            Order {
                id: AmazonOrderId::new(format!("{}-{:07}-{:07}", 200 + r % 800, i, r % 10_000_000)),
                seller_id: SellerId::new("A2I6EXAMPLE"),
                marketplace_id: MarketplaceId::new("ATVPDKIKX0DER"),
                fulfillment_channel: if afn {
                    FulfillmentChannel::Amazon
                } else {
                    FulfillmentChannel::Merchant
                },
                amazon_status: if afn {
                    AmazonOrderStatus::Shipped
                } else {
                    AmazonOrderStatus::Unshipped
                },
                hub_status: HubStatus::New,
                folder: None,
                dates: OrderDates {
                    purchased: t,
                    last_updated: t,
                    earliest_ship: None,
                    latest_ship: None,
                    earliest_delivery: None,
                    latest_delivery: None,
                },
                flags: OrderFlags {
                    prime: r % 3 == 0,
                    ..OrderFlags::default()
                },
                sales_channel: SalesChannel::Amazon,
                sales_channel_name: Some(
                    if country == "GB" {
                        "Amazon.co.uk"
                    } else {
                        "Amazon.com"
                    }
                    .into(),
                ),
                order_type: Some("StandardOrder".into()),
                order_total: Some(Money::new(Decimal::new((r % 50_000) as i64, 2), Currency::USD)),
                prices_include_vat: false,
                vat_tax: None,
                ioss_number: None,
                shipping_service_level: Some(
                    if r % 5 == 0 {
                        "Exp US D2D Dom"
                    } else {
                        "Std US D2D Dom"
                    }
                    .into(),
                ),
                shipment_service_level_category: Some("Standard".into()),
                payment_method: Some("Other".into()),
                buyer: Pii::default(),
                shipping_address: Pii::Present(Address {
                    city: Some("Springfield".into()),
                    postal_code: Some("12345".into()),
                    country_code: Some(country.into()),
                    ..Address::default()
                }),
                lines,
                tags: Default::default(),
                metadata,
                redacted_at: None,
            }
        })
        .collect()
}

fn bench_rules(c: &mut Criterion) {
    let rules = match RuleSet::from_toml(&rule_file()) {
        Ok(r) => r,
        Err(e) => panic!("benchmark rule file: {e}"),
    };
    assert_eq!(rules.len(), 50);
    let orders = orders();
    let settings = ConnectionSettings {
        import_amazon_fulfilled: true,
        ..ConnectionSettings::default()
    };
    let now = Utc
        .with_ymd_and_hms(2026, 5, 1, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let ctx = ImportContext::new(&settings, &NoInventory, now);

    // How many rules fire on average (printed so the figure can be read in context).
    let fired: usize = orders
        .iter()
        .map(|o| rules.evaluate(PolicyEvent::OrderImported(o), &ctx).trace.len())
        .sum();
    println!(
        "rules fired per order on average: {:.2}",
        fired as f64 / orders.len() as f64
    );

    let mut group = c.benchmark_group("rules");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(25));
    group.throughput(Throughput::Elements(ORDERS_PER_ITERATION as u64));
    group.bench_function("50_rules_1m_orders_generic", |b| {
        let mut d = ImportDecision::default();
        b.iter(|| {
            for i in 0..ORDERS_PER_ITERATION {
                d.clear();
                rules.evaluate_reference_into(
                    PolicyEvent::OrderImported(&orders[i % DISTINCT_ORDERS]),
                    &ctx,
                    &mut d,
                );
                black_box(&d);
            }
        });
    });
    group.bench_function("50_rules_1m_orders", |b| {
        let mut d = ImportDecision::default();
        b.iter(|| {
            for i in 0..ORDERS_PER_ITERATION {
                d.clear();
                rules.evaluate_into(
                    PolicyEvent::OrderImported(&orders[i % DISTINCT_ORDERS]),
                    &ctx,
                    &mut d,
                );
                black_box(&d);
            }
        });
    });

    let policy = match RulesPolicy::new(
        FilterSettings {
            countries: CountryFilter::parse("-JP,AU").unwrap_or_default(),
            ..FilterSettings::default()
        },
        Mappings {
            shipping: ShippingMethodMapping(TextMap::from_pairs([("Std US D2D Dom", "Ground")])),
            payment: PaymentMapping(TextMap::from_pairs([("Other", "Amazon Pay")])),
            invoice_prefix: Some("AMZ-".into()),
            ..Mappings::default()
        },
        rules.clone(),
    ) {
        Ok(p) => p,
        Err(e) => panic!("benchmark policy: {e}"),
    };
    group.bench_function("decide_1m_orders", |b| {
        let mut d = ImportDecision::default();
        b.iter(|| {
            for i in 0..ORDERS_PER_ITERATION {
                policy.decide_into(&orders[i % DISTINCT_ORDERS], &ctx, &mut d);
                black_box(&d);
            }
        });
    });
    group.finish();
}

/// `RULES_BENCH_ORDERS=N`: evaluate N orders outside criterion (for instruction counting) and report.
fn count_only(n: usize) {
    let rules = match RuleSet::from_toml(&rule_file()) {
        Ok(r) => r,
        Err(e) => panic!("benchmark rule file: {e}"),
    };
    let orders = orders();
    let settings = ConnectionSettings {
        import_amazon_fulfilled: true,
        ..ConnectionSettings::default()
    };
    let now = Utc
        .with_ymd_and_hms(2026, 5, 1, 12, 0, 0)
        .single()
        .unwrap_or_default();
    let ctx = ImportContext::new(&settings, &NoInventory, now);
    let generic = std::env::var_os("RULES_BENCH_GENERIC").is_some_and(|v| v == "1");
    let mut d = ImportDecision::default();
    let mut fired = 0usize;
    let started = std::time::Instant::now();
    for i in 0..n {
        d.clear();
        let event = PolicyEvent::OrderImported(&orders[i % DISTINCT_ORDERS]);
        if generic {
            rules.evaluate_reference_into(event, &ctx, &mut d);
        } else {
            rules.evaluate_into(event, &ctx, &mut d);
        }
        fired += black_box(&d).trace.len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{n} orders ({}) in {secs:.3} s: {:.0} orders/s; {fired} rules fired",
        if generic {
            "generic evaluator"
        } else {
            "evaluate_into"
        },
        n as f64 / secs.max(1e-9)
    );
}

criterion_group!(benches, bench_rules);

fn main() {
    if let Some(n) = std::env::var("RULES_BENCH_ORDERS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        count_only(n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
