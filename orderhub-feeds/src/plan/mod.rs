//! The planner: due outbox entries in, batches, refusals, warnings and deferrals out.

mod cancellations;
mod listings;
mod shipments;

use chrono::{DateTime, Utc};
use orderhub_core::policy::outbound::{
    DeferReason, Deferral, OutboundFeedType, OutboundInput, OutboundPlan, Refusal, RefusalReason,
};
use orderhub_core::{ConnectionId, FeedStatus, OutboxEntry, OutboxId, OutboxPayload, OutboxStatus, SellerId};

use crate::config::PlannerConfig;
use crate::hash::FastMap;

/// Collects the plan; every entry goes through exactly one of `refuse`, `defer` or a batch.
pub(crate) struct PlanOut {
    pub(crate) plan: OutboundPlan,
}

impl PlanOut {
    fn new() -> Self {
        PlanOut {
            plan: OutboundPlan::default(),
        }
    }

    pub(crate) fn refuse(&mut self, entry: &OutboxId, reason: RefusalReason) {
        self.plan.refusals.push(Refusal {
            entry: entry.clone(),
            reason,
        });
    }

    pub(crate) fn defer(&mut self, entry: &OutboxId, reason: DeferReason, until: Option<DateTime<Utc>>) {
        self.plan.deferred.push(Deferral {
            entry: entry.clone(),
            reason,
            until,
        });
    }

    fn finish(mut self) -> OutboundPlan {
        self.plan.next_check_at = self.plan.deferred.iter().filter_map(|d| d.until).min();
        self.plan
    }
}

/// When each (connection, seller, feed type) may send its next feed.
pub(crate) struct Throttle {
    last: FastMap<(ConnectionId, SellerId, String), DateTime<Utc>>,
    interval: chrono::Duration,
}

impl Throttle {
    fn new(cfg: &PlannerConfig, input: &OutboundInput<'_>) -> Self {
        let mut last: FastMap<(ConnectionId, SellerId, String), DateTime<Utc>> = FastMap::default();
        for r in input.recent {
            if r.status == FeedStatus::Cancelled {
                continue;
            }
            let key = (r.connection_id.clone(), r.seller_id.clone(), r.feed_type.clone());
            let slot = last.entry(key).or_insert(r.submitted_at);
            if r.submitted_at > *slot {
                *slot = r.submitted_at;
            }
        }
        Throttle {
            last,
            interval: cfg.min_feed_interval,
        }
    }

    /// `Some(time)` when a feed of `feed_type` may not go before `time` (later than `now`).
    pub(crate) fn blocked_until(
        &self,
        conn: &ConnectionId,
        seller: &SellerId,
        feed_type: OutboundFeedType,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        let key = (conn.clone(), seller.clone(), feed_type.as_str().to_owned());
        let free = *self.last.get(&key)? + self.interval;
        (free > now).then_some(free)
    }

    /// When the next feed may go after one sent `now`.
    pub(crate) fn next_slot(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now + self.interval
    }
}

/// Orders entries by creation time, then id, for deterministic plans.
pub(crate) fn by_age(a: &OutboxEntry, b: &OutboxEntry) -> std::cmp::Ordering {
    a.created_at.cmp(&b.created_at).then_with(|| a.id.cmp(&b.id))
}

/// Plans `input` under `cfg`.
pub(crate) fn plan(cfg: &PlannerConfig, input: &OutboundInput<'_>) -> OutboundPlan {
    let mut out = PlanOut::new();
    let throttle = Throttle::new(cfg, input);
    let mut ships = Vec::new();
    let mut cancels = Vec::new();
    let mut listings = Vec::new();
    for e in input.pending {
        if e.status != OutboxStatus::Pending {
            out.defer(&e.id, DeferReason::NotPending, None);
            continue;
        }
        if e.not_before > input.now {
            out.defer(&e.id, DeferReason::NotYetDue, Some(e.not_before));
            continue;
        }
        match &e.payload {
            OutboxPayload::ShipmentConfirmation { .. } => ships.push(e),
            OutboxPayload::Cancellation { .. } => cancels.push(e),
            OutboxPayload::InventoryUpdate { .. } | OutboxPayload::PriceUpdate { .. } => listings.push(e),
        }
    }
    shipments::plan(cfg, input, &throttle, ships, &mut out);
    cancellations::plan(cfg, input, &throttle, cancels, &mut out);
    listings::plan(cfg, input, &throttle, listings, &mut out);
    out.finish()
}

/// Whether `id` has Amazon's order id shape (`\w{3}-\w{7}-\w{7}`), which the XML schema requires.
pub(crate) fn is_amazon_order_id(id: &str) -> bool {
    let parts: Vec<&str> = id.split('-').collect();
    let word = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    parts.len() == 3
        && parts[0].len() == 3
        && parts[1].len() == 7
        && parts[2].len() == 7
        && parts.iter().all(|p| word(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_id_shape() {
        assert!(is_amazon_order_id("902-3159896-1390916"));
        assert!(is_amazon_order_id("S01-1234567-1234567"));
        assert!(!is_amazon_order_id("902-3159896-139091"));
        assert!(!is_amazon_order_id("902 3159896 1390916"));
        assert!(!is_amazon_order_id("9023-159896-1390916"));
        assert!(!is_amazon_order_id(""));
    }
}
