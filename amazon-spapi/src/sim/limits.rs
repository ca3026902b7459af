//! Usage plans per (seller, operation), enforced with token buckets in simulated time.
//!
//! The table holds Amazon's default rates and bursts as stated in each operation's description in the
//! official models (see `shared/reference/usage-plans.tsv`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};

/// The usage plan of a route: the crate's table generated from the models
/// ([`crate::limiter::usage_plans::USAGE_PLANS`], matched by method and path template), else
/// [`usage_plan`].
pub(crate) fn plan_for_route(method: &str, path: &str, op: &str) -> Option<(f64, u32)> {
    crate::limiter::usage_plans::USAGE_PLANS
        .iter()
        .find(|e| e.method.eq_ignore_ascii_case(method) && e.path == path)
        .map(|e| (e.plan.rate, e.plan.burst))
        .or_else(|| usage_plan(op))
}

/// Amazon's default usage plan (rate per second, burst) of an operation, by the simulator's operation
/// key (`orders-v0/getOrders`); the simulator's own table, kept for operations the generated table lacks.
pub fn usage_plan(operation: &str) -> Option<(f64, u32)> {
    Some(match operation {
        "orders-v0/getOrders" => (0.0167, 20),
        "orders-v0/getOrder"
        | "orders-v0/getOrderBuyerInfo"
        | "orders-v0/getOrderAddress"
        | "orders-v0/getOrderItems"
        | "orders-v0/getOrderItemsBuyerInfo"
        | "orders-v0/getOrderRegulatedInfo"
        | "orders-v0/updateVerificationStatus" => (0.5, 30),
        "orders-v0/updateShipmentStatus" => (5.0, 15),
        "orders-v0/confirmShipment" => (2.0, 10),
        "orders-2026-01-01/searchOrders" => (0.0056, 20),
        "orders-2026-01-01/getOrder" => (0.5, 30),
        "feeds/getFeeds" => (0.0222, 10),
        "feeds/createFeed" => (0.0083, 15),
        "feeds/cancelFeed" | "feeds/getFeed" => (2.0, 15),
        "feeds/createFeedDocument" => (0.5, 15),
        "feeds/getFeedDocument" => (0.0222, 10),
        "reports/getReports"
        | "reports/cancelReport"
        | "reports/createReportSchedule"
        | "reports/getReportSchedules"
        | "reports/getReportSchedule"
        | "reports/cancelReportSchedule" => (0.0222, 10),
        "reports/createReport" => (0.0167, 15),
        "reports/getReport" => (2.0, 15),
        "reports/getReportDocument" => (0.0167, 15),
        "fulfillment-outbound/deliveryOffers" => (5.0, 30),
        op if op.starts_with("fulfillment-outbound/") => (2.0, 30),
        "fba-inventory/getInventorySummaries" => (2.0, 2),
        "merchant-fulfillment/getEligibleShipmentServices" => (6.0, 12),
        "merchant-fulfillment/createShipment" => (2.0, 2),
        "merchant-fulfillment/getShipment"
        | "merchant-fulfillment/cancelShipment"
        | "merchant-fulfillment/getAdditionalSellerInputs" => (1.0, 1),
        "tokens/createRestrictedDataToken" => (1.0, 10),
        "sellers/getMarketplaceParticipations" | "sellers/getAccount" => (0.016, 15),
        "listings/getListingsItem" | "listings/putListingsItem" => (5.0, 10),
        op if op.starts_with("listings/") => (5.0, 5),
        _ => return None,
    })
}

#[derive(Debug, Clone)]
struct Bucket {
    tokens: f64,
    at: DateTime<Utc>,
    throttled_in_a_row: u32,
    forbidden: bool,
}

/// What the limiter decided for one request.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Decision {
    Allow,
    Throttle,
    Forbid,
}

/// Token buckets per (seller, operation).
#[derive(Debug, Default)]
pub(crate) struct Limiter {
    buckets: HashMap<(usize, &'static str), Bucket>,
}

impl Limiter {
    /// Takes one token for (seller, op) at simulated time `now`.
    pub(crate) fn take(
        &mut self,
        seller: usize,
        op: &'static str,
        plan: Option<(f64, u32)>,
        now: DateTime<Utc>,
        factor: f64,
        forbid_after: Option<u32>,
    ) -> Decision {
        let Some((rate, burst)) = plan else {
            return Decision::Allow;
        };
        let rate = rate * factor;
        let burst = (f64::from(burst) * factor).max(1.0);
        let b = self.buckets.entry((seller, op)).or_insert(Bucket {
            tokens: burst,
            at: now,
            throttled_in_a_row: 0,
            forbidden: false,
        });
        let elapsed = (now - b.at).num_milliseconds().max(0) as f64 / 1000.0;
        b.tokens = (b.tokens + elapsed * rate).min(burst);
        b.at = now;
        if b.forbidden {
            if b.tokens >= burst {
                b.forbidden = false;
                b.throttled_in_a_row = 0;
            } else {
                return Decision::Forbid;
            }
        }
        // A client that computed its wait from the same rate may arrive a hair early (floating point).
        if b.tokens >= 1.0 - 1e-3 {
            b.tokens = (b.tokens - 1.0).max(0.0);
            b.throttled_in_a_row = 0;
            Decision::Allow
        } else {
            b.throttled_in_a_row += 1;
            if let Some(n) = forbid_after {
                if b.throttled_in_a_row > n {
                    b.forbidden = true;
                    return Decision::Forbid;
                }
            }
            Decision::Throttle
        }
    }

    /// Tokens left for (seller, op), for tests.
    #[cfg(test)]
    pub(crate) fn tokens(&self, seller: usize, op: &'static str) -> Option<f64> {
        self.buckets.get(&(seller, op)).map(|b| b.tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn get_orders_bursts_twenty_then_one_a_minute() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut l = Limiter::default();
        for _ in 0..20 {
            assert_eq!(
                l.take(
                    0,
                    "orders-v0/getOrders",
                    usage_plan("orders-v0/getOrders"),
                    t0,
                    1.0,
                    None
                ),
                Decision::Allow
            );
        }
        assert_eq!(
            l.take(
                0,
                "orders-v0/getOrders",
                usage_plan("orders-v0/getOrders"),
                t0,
                1.0,
                None
            ),
            Decision::Throttle
        );
        // Another seller has its own bucket.
        assert_eq!(
            l.take(
                1,
                "orders-v0/getOrders",
                usage_plan("orders-v0/getOrders"),
                t0,
                1.0,
                None
            ),
            Decision::Allow
        );
        assert_eq!(
            l.take(
                0,
                "orders-v0/getOrders",
                usage_plan("orders-v0/getOrders"),
                t0 + Duration::seconds(30),
                1.0,
                None
            ),
            Decision::Throttle
        );
        assert_eq!(
            l.take(
                0,
                "orders-v0/getOrders",
                usage_plan("orders-v0/getOrders"),
                t0 + Duration::seconds(61),
                1.0,
                None
            ),
            Decision::Allow
        );
        assert!(l.tokens(0, "orders-v0/getOrders").unwrap() < 1.0);
    }

    #[test]
    fn sustained_throttling_turns_into_403_until_refilled() {
        let t0 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let mut l = Limiter::default();
        let op = "merchant-fulfillment/getShipment";
        assert_eq!(l.take(0, op, usage_plan(op), t0, 1.0, Some(2)), Decision::Allow);
        assert_eq!(
            l.take(0, op, usage_plan(op), t0, 1.0, Some(2)),
            Decision::Throttle
        );
        assert_eq!(
            l.take(0, op, usage_plan(op), t0, 1.0, Some(2)),
            Decision::Throttle
        );
        assert_eq!(l.take(0, op, usage_plan(op), t0, 1.0, Some(2)), Decision::Forbid);
        assert_eq!(
            l.take(
                0,
                op,
                usage_plan(op),
                t0 + Duration::milliseconds(500),
                1.0,
                Some(2)
            ),
            Decision::Forbid
        );
        assert_eq!(
            l.take(0, op, usage_plan(op), t0 + Duration::seconds(2), 1.0, Some(2)),
            Decision::Allow
        );
    }

    #[test]
    fn every_operation_the_simulator_serves_has_a_plan_that_agrees_with_the_models() {
        for r in super::super::server::ROUTES {
            let mine = usage_plan(r.op).unwrap_or_else(|| panic!("no usage plan for {}", r.op));
            let generated = plan_for_route(r.method, r.path, "");
            if let Some((rate, burst)) = generated {
                assert!(
                    (rate - mine.0).abs() < 1e-9 && burst == mine.1,
                    "{}: {:?} vs {:?}",
                    r.op,
                    mine,
                    generated
                );
            }
        }
    }
}
