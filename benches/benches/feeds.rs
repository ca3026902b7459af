//! Criterion benchmark `feeds`: plan and render 40,000 inventory updates (JSON_LISTINGS_FEED) and 10,000
//! shipment confirmations (confirmShipment bodies and the POST_ORDER_FULFILLMENT_DATA feed).
//!
//! Run: `cargo bench -p benches --bench feeds`. Target: at most 25 ms for the 40,000 inventory updates.

use std::hint::black_box;

use chrono::{DateTime, Duration, TimeZone, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use orderhub_core::policy::outbound::{BatchPayload, OutboundInput, OutboundPlan, OutboundPlanner};
use orderhub_core::{
    AmazonOrderId, ConnectionId, FeedRecord, FeedStatus, MarketplaceId, OrderItemId, OutboxEntry, OutboxId,
    OutboxPayload, OutboxStatus, SellerId, Shipment, ShipmentId, ShipmentLine,
};
use orderhub_feeds::{ConfirmationMode, FeedPlanner, PlannerConfig};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0)
        .single()
        .unwrap_or_default()
}

fn entry(i: usize, payload: OutboxPayload) -> OutboxEntry {
    let created = now() - Duration::seconds(i as i64 % 3600);
    OutboxEntry {
        id: OutboxId::new(format!("ob-{i:06}")),
        connection_id: ConnectionId::new("conn-1"),
        seller_id: SellerId::new("A2I6EXAMPLE"),
        payload,
        created_at: created,
        not_before: created,
        attempts: 0,
        status: OutboxStatus::Pending,
    }
}

fn inventory(n: usize) -> Vec<OutboxEntry> {
    (0..n)
        .map(|i| {
            entry(
                i,
                OutboxPayload::InventoryUpdate {
                    marketplace_id: MarketplaceId::new("ATVPDKIKX0DER"),
                    sku: format!("SKU-{i:06}-BLUE-M"),
                    quantity: (i % 500) as u32,
                    handling_time_days: Some(2),
                },
            )
        })
        .collect()
}

fn confirmations(n: usize) -> Vec<OutboxEntry> {
    (0..n)
        .map(|i| {
            let shipment = Shipment {
                id: ShipmentId::new(format!("shp-{i:06}")),
                order_id: AmazonOrderId::new(format!("111-{:07}-{:07}", i, i * 3 % 10_000_000)),
                carrier: if i % 3 == 0 {
                    "Speedy Parcels".into()
                } else {
                    "UPS".into()
                },
                service: Some("Ground".into()),
                tracking_number: Some(format!("1Z{i:016}")),
                ship_date: now() - Duration::hours(2),
                lines: vec![ShipmentLine {
                    order_item_id: OrderItemId::new(format!("{:014}", i)),
                    quantity: 1,
                }],
                tracked: true,
                label_created_at: None,
                delivered_at: None,
            };
            entry(
                i,
                OutboxPayload::ShipmentConfirmation {
                    marketplace_id: MarketplaceId::new("ATVPDKIKX0DER"),
                    shipment,
                },
            )
        })
        .collect()
}

fn rendered_bytes(plan: &OutboundPlan) -> usize {
    plan.batches
        .iter()
        .map(|b| match &b.payload {
            BatchPayload::Feed(d) => d.body.len(),
            BatchPayload::ConfirmShipments(calls) => calls.iter().map(|c| c.body.len()).sum(),
            _ => 0,
        })
        .sum()
}

/// Plans all of `pending`, advancing the clock to the plan's `next_check_at` between rounds and reloading
/// the entries still pending, as the engine would (the reload clones them; that is part of the figure).
fn plan_all(planner: &FeedPlanner, pending: &[OutboxEntry]) -> (usize, usize) {
    let mut rest: Option<Vec<OutboxEntry>> = None;
    let mut recent: Vec<FeedRecord> = Vec::new();
    let mut t = now();
    let (mut sent, mut bytes) = (0, 0);
    loop {
        let current: &[OutboxEntry] = rest.as_deref().unwrap_or(pending);
        if current.is_empty() {
            break;
        }
        let plan = planner.plan(&OutboundInput::new(current, t).recent(&recent));
        bytes += rendered_bytes(&plan);
        let mut done = std::collections::HashSet::new();
        for b in &plan.batches {
            sent += b.entries.len();
            done.extend(b.entries.iter());
            recent.push(FeedRecord {
                id: format!("f{}", recent.len()),
                connection_id: b.connection_id.clone(),
                seller_id: b.seller_id.clone(),
                feed_type: b.kind.log_name().to_owned(),
                amazon_feed_id: None,
                submitted_at: t,
                entries: Vec::new(),
                status: FeedStatus::Submitted,
                summary: None,
                finished_at: None,
            });
        }
        done.extend(plan.refusals.iter().map(|r| &r.entry));
        let next: Vec<OutboxEntry> = current
            .iter()
            .filter(|e| !done.contains(&e.id))
            .cloned()
            .collect();
        t = plan.next_check_at.unwrap_or(t + Duration::minutes(20));
        rest = Some(next);
    }
    (sent, bytes)
}

fn bench(c: &mut Criterion) {
    let inv = inventory(40_000);
    let conf = confirmations(10_000);
    let planner = FeedPlanner::default();
    let feed_planner = FeedPlanner::new(PlannerConfig {
        confirmation_mode: ConfirmationMode::Feed,
        ..PlannerConfig::default()
    });

    let mut g = c.benchmark_group("feeds");
    g.sample_size(20);
    g.bench_function("inventory_40k_one_plan", |b| {
        b.iter(|| black_box(planner.plan(&OutboundInput::new(black_box(&inv), now()))));
    });
    g.bench_function("inventory_40k_all_rounds", |b| {
        b.iter(|| black_box(plan_all(&planner, black_box(&inv))));
    });
    g.bench_function("confirmations_10k_api", |b| {
        b.iter(|| black_box(planner.plan(&OutboundInput::new(black_box(&conf), now()))));
    });
    g.bench_function("confirmations_10k_feed", |b| {
        b.iter(|| black_box(feed_planner.plan(&OutboundInput::new(black_box(&conf), now()))));
    });
    g.finish();

    // Sanity, printed once: what one plan produces.
    let plan = planner.plan(&OutboundInput::new(&inv, now()));
    let (sent, bytes) = plan_all(&planner, &inv);
    println!(
        "inventory: one plan -> {} feed(s), {} messages, {} deferred; all rounds -> {sent} messages, {bytes} bytes",
        plan.batches.len(),
        plan.batches.iter().map(|b| b.entries.len()).sum::<usize>(),
        plan.deferred.len()
    );
    let plan = planner.plan(&OutboundInput::new(&conf, now()));
    println!(
        "confirmations (api): {} batches, {} bytes",
        plan.batches.len(),
        rendered_bytes(&plan)
    );
    let plan = feed_planner.plan(&OutboundInput::new(&conf, now()));
    println!(
        "confirmations (feed): {} batches, {} bytes",
        plan.batches.len(),
        rendered_bytes(&plan)
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
