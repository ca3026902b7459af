//! Amazon Multi-Channel Fulfillment: orders the import policy routed to Amazon ([`MCF_ROUTE`]) are created
//! with `createFulfillmentOrder` exactly once, followed until shipped, and their tracking copied back to
//! the order as a shipment confirmation for the marketplace.
//!
//! Exactly once rests on the fulfillment order id: it is derived from the Amazon order id
//! ([`mcf_order_id`]), so a worker that crashed after Amazon accepted the order but before the hub
//! recorded it sends the same id again; Amazon refuses the duplicate, and the engine then fetches the
//! existing fulfillment order instead of creating another. Confirmations get deterministic outbox ids
//! (one per Amazon shipment), so following the same shipment twice never queues two confirmations.
//!
//! State is kept in the order's metadata ([`mcf_keys`]).

use chrono::{DateTime, Utc};

use super::import::decision_keys;
use super::{ConnectionRuntime, Engine, EngineError};
use crate::domain::{
    AmazonOrderId, AmazonOrderStatus, FulfillmentChannel, HubStatus, Order, OutboxEntry, OutboxId,
    OutboxPayload, Shipment, ShipmentId, ShipmentLine,
};
use crate::ports::{
    FulfillmentError, FulfillmentLine, FulfillmentOrderStatus, FulfillmentRequest, FulfillmentShipment,
    FulfillmentSpeed, FulfillmentStatusReport, OrderQuery,
};

/// The value of the order metadata key `route_to` ([`decision_keys::ROUTE_TO`], written from
/// `ImportDecision::route_to`, for example by a rule's `RouteTo` action) that sends an order to Amazon
/// Multi-Channel Fulfillment. Compared without regard to case; `amazon_mcf` and `mcf` are accepted too.
pub const MCF_ROUTE: &str = "amazon-mcf";

/// Order metadata keys of the MCF job.
pub mod mcf_keys {
    /// The seller fulfillment order id at Amazon (set once Amazon has the order).
    pub const ORDER_ID: &str = "mcf_order_id";
    /// The fulfillment order's status as Amazon last reported it (`Received`, `Planning`, `Processing`,
    /// `Complete`, `CompletePartialled`, `Cancelled`, `Unfulfillable`, `Invalid`).
    pub const STATUS: &str = "mcf_status";
    /// When the hub handed the order to Amazon (RFC 3339).
    pub const SUBMITTED_AT: &str = "mcf_submitted_at";
    /// When the status was last read (RFC 3339).
    pub const CHECKED_AT: &str = "mcf_checked_at";
    /// Tracking numbers copied back, comma-separated.
    pub const TRACKING: &str = "mcf_tracking";
    /// Carrier of the tracking numbers.
    pub const CARRIER: &str = "mcf_carrier";
    /// Why Amazon could not fulfill the order (cancelled, unfulfillable, invalid), for the integrator.
    pub const PROBLEM: &str = "mcf_problem";
    /// Input: overrides the shipping speed (`Standard`, `Expedited`, `Priority`, `ScheduledDelivery`).
    pub const SHIPPING_SPEED: &str = "mcf_shipping_speed";
}

/// Amazon's limit on `sellerFulfillmentOrderId`.
const MAX_ID_LEN: usize = 40;

/// Orders read per store query.
const PAGE: u32 = 500;

/// The seller fulfillment order id of an order: `OH-` and the Amazon order id, or, for ids that would
/// not fit Amazon's 40 characters, a shortened id with a hash of the full id. The same order always
/// gets the same id, which is what makes creation idempotent across crashes.
pub fn mcf_order_id(order_id: &AmazonOrderId) -> String {
    let clean: String = order_id
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let id = format!("OH-{clean}");
    if id.len() <= MAX_ID_LEN && clean.len() == order_id.as_str().len() {
        return id;
    }
    // FNV-1a over the original id: stable across versions and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in order_id.as_str().bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let keep: String = clean.chars().take(MAX_ID_LEN - 3 - 17).collect();
    format!("OH-{keep}-{h:016x}")
}

/// A fulfillment order Amazon could not (or will not) ship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct McfProblem {
    /// The hub order.
    pub order_id: AmazonOrderId,
    /// The seller fulfillment order id.
    pub fulfillment_order_id: String,
    /// Amazon's status (`Cancelled`, `Unfulfillable`, `Invalid`) or `Rejected` when creation was refused.
    pub status: String,
    /// What happened, and what to do.
    pub message: String,
}

/// What an MCF run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct McfReport {
    /// Orders created at Amazon in this run.
    pub submitted: Vec<AmazonOrderId>,
    /// Orders Amazon already had (a run before crashed after creating them); recorded without creating
    /// them again.
    pub recovered: Vec<AmazonOrderId>,
    /// Orders whose status was read.
    pub checked: usize,
    /// Orders still on their way (not shipped, not failed).
    pub in_progress: usize,
    /// Shipments copied back to orders (order, tracking number), each with its confirmation queued.
    pub shipped: Vec<(AmazonOrderId, String)>,
    /// Orders Amazon refused, cancelled or could not fulfill; recorded on the order (hub status
    /// `OnHold`, [`mcf_keys::PROBLEM`]).
    pub problems: Vec<McfProblem>,
    /// Routed orders that could not be handed over as they are (no address, no SKU ...), with the reason;
    /// they are tried again in the next run.
    pub skipped: Vec<(AmazonOrderId, String)>,
}

/// Whether an order's `route_to` metadata names Amazon MCF.
fn routed_to_mcf(order: &Order) -> bool {
    order
        .metadata
        .get(decision_keys::ROUTE_TO)
        .map(|r| {
            let r = r.trim();
            r.eq_ignore_ascii_case(MCF_ROUTE)
                || r.eq_ignore_ascii_case("amazon_mcf")
                || r.eq_ignore_ascii_case("mcf")
        })
        .unwrap_or(false)
}

/// Whether a hold set by the import policy still applies.
pub(crate) fn held(order: &Order, now: DateTime<Utc>) -> bool {
    order
        .metadata
        .get(decision_keys::HOLD_UNTIL)
        .and_then(|t| DateTime::parse_from_rfc3339(t.trim()).ok())
        .is_some_and(|t| t.with_timezone(&Utc) > now)
}

fn speed_of(order: &Order) -> FulfillmentSpeed {
    let text = order
        .metadata
        .get(mcf_keys::SHIPPING_SPEED)
        .or(order.shipment_service_level_category.as_deref())
        .unwrap_or("Standard")
        .trim()
        .to_ascii_lowercase();
    match text.as_str() {
        "expedited" | "secondday" | "second_day" => FulfillmentSpeed::Expedited,
        "priority" | "nextday" | "next_day" | "sameday" | "same_day" => FulfillmentSpeed::Priority,
        "scheduled" | "scheduleddelivery" => FulfillmentSpeed::ScheduledDelivery,
        _ => FulfillmentSpeed::Standard,
    }
}

/// The fulfillment request for an order, or why it cannot be made (personal data is never in the text).
fn request_for(order: &Order, comment: &str) -> Result<FulfillmentRequest, String> {
    let Some(address) = order.shipping_address.as_present() else {
        return Err(
            "the order has no shipping address (redacted, or the app lacks the personal-data role); \
             Amazon MCF needs one"
                .to_owned(),
        );
    };
    let mut lines = Vec::new();
    for l in order
        .lines
        .iter()
        .filter(|l| l.physical && l.quantity_unshipped() > 0)
    {
        let Some(sku) = l.sku.as_ref().filter(|s| !s.trim().is_empty()) else {
            return Err(format!(
                "line {} has no SKU; MCF ships by the seller's SKU",
                l.order_item_id
            ));
        };
        lines.push(FulfillmentLine {
            sku: sku.clone(),
            line_id: l.order_item_id.as_str().to_owned(),
            quantity: l.quantity_unshipped(),
            per_unit_declared_value: None,
        });
    }
    if lines.is_empty() {
        return Err("the order has no unshipped physical line".to_owned());
    }
    Ok(FulfillmentRequest {
        id: mcf_order_id(&order.id),
        displayable_order_id: order
            .metadata
            .get(decision_keys::ORDER_NUMBER)
            .unwrap_or(order.id.as_str())
            .to_owned(),
        displayable_order_date: order.dates.purchased,
        displayable_comment: comment.to_owned(),
        marketplace_id: Some(order.marketplace_id.clone()),
        speed: speed_of(order),
        destination: address.clone(),
        lines,
        notification_emails: Vec::new(),
    })
}

fn status_text(s: &FulfillmentOrderStatus) -> String {
    match s {
        FulfillmentOrderStatus::Received => "Received".to_owned(),
        FulfillmentOrderStatus::Invalid => "Invalid".to_owned(),
        FulfillmentOrderStatus::Planning => "Planning".to_owned(),
        FulfillmentOrderStatus::Processing => "Processing".to_owned(),
        FulfillmentOrderStatus::Cancelled => "Cancelled".to_owned(),
        FulfillmentOrderStatus::Complete => "Complete".to_owned(),
        FulfillmentOrderStatus::CompletePartialled => "CompletePartialled".to_owned(),
        FulfillmentOrderStatus::Unfulfillable => "Unfulfillable".to_owned(),
        FulfillmentOrderStatus::Other(s) => s.clone(),
    }
}

/// Whether a recorded status text is final (nothing more to follow).
fn final_text(s: &str) -> bool {
    FulfillmentOrderStatus::parse(s).is_final()
}

/// The shipment confirmation of one shipment Amazon made for an order.
fn confirmation(
    rt: &ConnectionRuntime,
    order: &Order,
    s: &FulfillmentShipment,
    now: DateTime<Utc>,
) -> Option<(OutboxEntry, String)> {
    let tracking = s.tracking_numbers.first()?.clone();
    if s.status.eq_ignore_ascii_case("CANCELLED_BY_FULFILLER")
        || s.status.eq_ignore_ascii_case("CANCELLED_BY_SELLER")
    {
        return None;
    }
    // Amazon reports SKUs and units; the marketplace order wants its order items.
    let mut left: Vec<(usize, u32)> = order
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i, l.quantity_unshipped()))
        .collect();
    let mut lines: Vec<ShipmentLine> = Vec::new();
    for (sku, qty) in &s.lines {
        let mut qty = *qty;
        for (i, room) in &mut left {
            if qty == 0 {
                break;
            }
            if order.lines[*i].sku.as_deref() != Some(sku.as_str()) || *room == 0 {
                continue;
            }
            let take = qty.min(*room);
            *room -= take;
            qty -= take;
            let id = order.lines[*i].order_item_id.clone();
            match lines.iter_mut().find(|l| l.order_item_id == id) {
                Some(l) => l.quantity += take,
                None => lines.push(ShipmentLine {
                    order_item_id: id,
                    quantity: take,
                }),
            }
        }
    }
    let shipment = Shipment {
        id: ShipmentId::new(format!("mcf-{}", s.shipment_id)),
        order_id: order.id.clone(),
        carrier: s.carrier.clone().unwrap_or_else(|| "Other".to_owned()),
        service: None,
        tracking_number: Some(tracking.clone()),
        ship_date: s.shipped_at.unwrap_or(now),
        lines,
        tracked: true,
        label_created_at: None,
        delivered_at: None,
    };
    let entry = rt.pending_entry(
        OutboxId::new(format!("mcf-confirm-{}-{}", order.id, s.shipment_id)),
        OutboxPayload::ShipmentConfirmation {
            marketplace_id: order.marketplace_id.clone(),
            shipment,
        },
        now,
    );
    Some((entry, tracking))
}

impl Engine {
    /// Creates at Amazon MCF every open, merchant-fulfilled order of the connection whose `route_to`
    /// metadata is [`MCF_ROUTE`] and that Amazon does not have yet, then follows every open fulfillment
    /// order ([`Engine::submit_mcf`] then [`Engine::track_mcf`]).
    ///
    /// # Errors
    /// As [`Engine::submit_mcf`] and [`Engine::track_mcf`].
    pub async fn run_mcf(
        &self,
        connection_id: &crate::domain::ConnectionId,
    ) -> Result<McfReport, EngineError> {
        let mut report = self.submit_mcf(connection_id).await?;
        let tracked = self.track_mcf(connection_id).await?;
        report.checked += tracked.checked;
        report.in_progress += tracked.in_progress;
        report.shipped.extend(tracked.shipped);
        report.problems.extend(tracked.problems);
        Ok(report)
    }

    /// Hands the routed orders Amazon does not have yet to the connection's fulfillment service, with
    /// the deterministic id [`mcf_order_id`]. When Amazon refuses an id because it already has it (a run
    /// before crashed between creating and recording), the existing fulfillment order is fetched and
    /// recorded instead. Held orders (`hold_until` in the future) wait.
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::Busy`] when another worker runs the MCF job of
    /// the connection; [`EngineError::Fulfillment`] when the service cannot be reached (what was recorded
    /// stays recorded; the next run continues); [`EngineError::Store`].
    pub async fn submit_mcf(
        &self,
        connection_id: &crate::domain::ConnectionId,
    ) -> Result<McfReport, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("mcf:{connection_id}");
        self.take_lease(&lease).await?;
        let result = self.submit_mcf_locked(rt).await;
        self.give_lease(&lease).await;
        let health = self.health_after(connection_id, &result, |r| {
            !(r.submitted.is_empty() && r.recovered.is_empty() && r.problems.is_empty())
        });
        self.observe_health(connection_id, health).await;
        result
    }

    async fn submit_mcf_locked(&self, rt: &ConnectionRuntime) -> Result<McfReport, EngineError> {
        let service = rt.fulfillment_service();
        let mut report = McfReport::default();
        let now = self.now();
        for order in self.open_orders(rt).await? {
            if !routed_to_mcf(&order)
                || order.metadata.get(mcf_keys::ORDER_ID).is_some()
                || held(&order, now)
                || matches!(
                    order.hub_status,
                    HubStatus::Shipped | HubStatus::Canceled | HubStatus::Closed | HubStatus::OnHold
                )
            {
                continue;
            }
            let request = match request_for(&order, &self.config.mcf_packing_slip_comment) {
                Ok(r) => r,
                Err(why) => {
                    tracing::warn!(order = %order.id, reason = %why, "order routed to MCF cannot be sent yet");
                    report.skipped.push((order.id.clone(), why));
                    continue;
                }
            };
            let fail = |during: &'static str, source: FulfillmentError| EngineError::Fulfillment {
                connection_id: rt.connection.id.clone(),
                order_id: order.id.clone(),
                during,
                source,
            };
            let (status, recovered) = match service.submit(&request).await {
                Ok(()) => ("Received".to_owned(), false),
                Err(FulfillmentError::Rejected { message }) => {
                    // Either a real refusal, or Amazon already has this id: ask.
                    match service.status(&request.id).await {
                        Ok(existing) => (status_text(&existing.status), true),
                        Err(FulfillmentError::NotFound { .. }) => {
                            self.record_problem(&order, &request.id, "Rejected", &message, now)
                                .await?;
                            report.problems.push(McfProblem {
                                order_id: order.id.clone(),
                                fulfillment_order_id: request.id.clone(),
                                status: "Rejected".to_owned(),
                                message,
                            });
                            continue;
                        }
                        Err(e) => return Err(fail("getFulfillmentOrder", e)),
                    }
                }
                Err(FulfillmentError::Invalid { message }) => {
                    report.skipped.push((order.id.clone(), message));
                    continue;
                }
                Err(e) => return Err(fail("createFulfillmentOrder", e)),
            };
            let id = request.id.clone();
            let status_for_save = status.clone();
            self.update_order(&order.id, &[], &mut |o: &mut Order| {
                o.metadata.set(mcf_keys::ORDER_ID, id.clone());
                o.metadata.set(mcf_keys::STATUS, status_for_save.clone());
                o.metadata.set(mcf_keys::SUBMITTED_AT, now.to_rfc3339());
                if matches!(o.hub_status, HubStatus::New | HubStatus::Unpaid) {
                    o.hub_status = HubStatus::Processing;
                }
            })
            .await?;
            if recovered {
                tracing::info!(order = %order.id, fulfillment_order = %request.id, "Amazon already had the fulfillment order; recorded it");
                report.recovered.push(order.id.clone());
            } else {
                tracing::info!(order = %order.id, fulfillment_order = %request.id, "fulfillment order created at Amazon");
                report.submitted.push(order.id.clone());
            }
        }
        Ok(report)
    }

    /// Reads the status of every fulfillment order the hub follows (recorded and not final) and copies
    /// what Amazon shipped back to the order: a [`Shipment`] per Amazon shipment with Amazon's carrier and
    /// tracking, queued as a `ShipmentConfirmation` outbox entry in the same transaction as the order
    /// change, so the marketplace order is confirmed with it. Cancelled, unfulfillable and invalid
    /// fulfillment orders put the order on hold with the reason in [`mcf_keys::PROBLEM`] and are reported.
    ///
    /// # Errors
    /// As [`Engine::submit_mcf`].
    pub async fn track_mcf(
        &self,
        connection_id: &crate::domain::ConnectionId,
    ) -> Result<McfReport, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("mcf:{connection_id}");
        self.take_lease(&lease).await?;
        let result = self.track_mcf_locked(rt).await;
        self.give_lease(&lease).await;
        let health = self.health_after(connection_id, &result, |r| {
            r.checked > 0 || !r.problems.is_empty()
        });
        self.observe_health(connection_id, health).await;
        result
    }

    async fn track_mcf_locked(&self, rt: &ConnectionRuntime) -> Result<McfReport, EngineError> {
        let service = rt.fulfillment_service();
        let mut report = McfReport::default();
        for order in self.open_orders(rt).await? {
            let Some(id) = order.metadata.get(mcf_keys::ORDER_ID).map(str::to_owned) else {
                continue;
            };
            if order.metadata.get(mcf_keys::STATUS).is_some_and(final_text) {
                continue;
            }
            let answer = match service.status(&id).await {
                Ok(a) => a,
                Err(FulfillmentError::NotFound { .. }) => {
                    let message = "Amazon has no fulfillment order with this id; remove mcf_order_id \
                                   from the order's metadata to create it again"
                        .to_owned();
                    self.record_problem(&order, &id, "NotFound", &message, self.now())
                        .await?;
                    report.problems.push(McfProblem {
                        order_id: order.id.clone(),
                        fulfillment_order_id: id,
                        status: "NotFound".to_owned(),
                        message,
                    });
                    continue;
                }
                Err(e) => {
                    return Err(EngineError::Fulfillment {
                        connection_id: rt.connection.id.clone(),
                        order_id: order.id.clone(),
                        during: "getFulfillmentOrder",
                        source: e,
                    })
                }
            };
            report.checked += 1;
            self.apply_status(rt, &order, &id, &answer, &mut report).await?;
        }
        Ok(report)
    }

    async fn apply_status(
        &self,
        rt: &ConnectionRuntime,
        order: &Order,
        id: &str,
        answer: &FulfillmentStatusReport,
        report: &mut McfReport,
    ) -> Result<(), EngineError> {
        let now = self.now();
        let status = status_text(&answer.status);
        let mut entries = Vec::new();
        let mut tracking = Vec::new();
        let mut carrier = None;
        for s in &answer.shipments {
            if let Some((entry, t)) = confirmation(rt, order, s, now) {
                if self.store.get_outbox(&entry.id).await?.is_some() {
                    continue; // copied back in an earlier run
                }
                carrier = carrier.or(s.carrier.clone());
                tracking.push(t);
                entries.push(entry);
            }
        }
        let problem = match answer.status {
            FulfillmentOrderStatus::Cancelled
            | FulfillmentOrderStatus::Unfulfillable
            | FulfillmentOrderStatus::Invalid => Some(format!(
                "Amazon MCF reports the fulfillment order {id} as {status}; ship the order another way \
                 or cancel it"
            )),
            _ => None,
        };
        let shipped = matches!(
            answer.status,
            FulfillmentOrderStatus::Complete | FulfillmentOrderStatus::CompletePartialled
        );
        let unchanged = order.metadata.get(mcf_keys::STATUS) == Some(status.as_str())
            && entries.is_empty()
            && problem.is_none();
        if unchanged {
            report.in_progress += 1;
            return Ok(());
        }
        let tracking_text = tracking.join(",");
        let problem_for_save = problem.clone();
        let status_for_save = status.clone();
        self.update_order(&order.id, &entries, &mut |o: &mut Order| {
            o.metadata.set(mcf_keys::STATUS, status_for_save.clone());
            o.metadata.set(mcf_keys::CHECKED_AT, now.to_rfc3339());
            if !tracking_text.is_empty() {
                o.metadata.set(mcf_keys::TRACKING, tracking_text.clone());
            }
            if let Some(c) = &carrier {
                o.metadata.set(mcf_keys::CARRIER, c.clone());
            }
            if let Some(p) = &problem_for_save {
                o.metadata.set(mcf_keys::PROBLEM, p.clone());
                if !matches!(o.hub_status, HubStatus::Canceled | HubStatus::Closed) {
                    o.hub_status = HubStatus::OnHold;
                }
            } else if shipped && !matches!(o.hub_status, HubStatus::Canceled) {
                o.hub_status = HubStatus::Shipped;
            }
        })
        .await?;
        for t in tracking {
            report.shipped.push((order.id.clone(), t));
        }
        if let Some(message) = problem {
            tracing::warn!(order = %order.id, fulfillment_order = id, status = %status, "MCF could not fulfill the order");
            report.problems.push(McfProblem {
                order_id: order.id.clone(),
                fulfillment_order_id: id.to_owned(),
                status,
                message,
            });
        } else if !shipped {
            report.in_progress += 1;
        }
        Ok(())
    }

    async fn record_problem(
        &self,
        order: &Order,
        id: &str,
        status: &str,
        message: &str,
        now: DateTime<Utc>,
    ) -> Result<(), EngineError> {
        self.update_order(&order.id, &[], &mut |o: &mut Order| {
            o.metadata.set(mcf_keys::STATUS, status.to_owned());
            o.metadata.set(mcf_keys::PROBLEM, format!("{id}: {message}"));
            o.metadata.set(mcf_keys::CHECKED_AT, now.to_rfc3339());
            if !matches!(o.hub_status, HubStatus::Canceled | HubStatus::Closed) {
                o.hub_status = HubStatus::OnHold;
            }
        })
        .await?;
        Ok(())
    }

    /// The connection's merchant-fulfilled orders Amazon still shows as unshipped or partly shipped.
    pub(crate) async fn open_orders(&self, rt: &ConnectionRuntime) -> Result<Vec<Order>, EngineError> {
        let mut out = Vec::new();
        let mut offset = 0u32;
        loop {
            let mut q = OrderQuery::all()
                .seller(rt.connection.seller_id.clone())
                .amazon_status(AmazonOrderStatus::Unshipped)
                .amazon_status(AmazonOrderStatus::PartiallyShipped)
                .page(PAGE, offset);
            q.marketplaces.clone_from(&rt.connection.marketplaces);
            q.fulfillment_channel = Some(FulfillmentChannel::Merchant);
            let page = self.store.query_orders(&q).await?;
            let n = u32::try_from(page.len()).unwrap_or(u32::MAX);
            out.extend(page);
            if n < PAGE {
                break;
            }
            offset += PAGE;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mcf_ids_are_stable_and_fit() {
        let id = AmazonOrderId::new("902-3159896-1390916");
        assert_eq!(mcf_order_id(&id), "OH-902-3159896-1390916");
        assert_eq!(mcf_order_id(&id), mcf_order_id(&id.clone()));
        let long = AmazonOrderId::new("x".repeat(60));
        let a = mcf_order_id(&long);
        assert!(a.len() <= MAX_ID_LEN, "{a}");
        let other = AmazonOrderId::new(format!("{}y", "x".repeat(59)));
        assert_ne!(a, mcf_order_id(&other));
        let odd = mcf_order_id(&AmazonOrderId::new("a b/c"));
        assert!(odd.len() <= MAX_ID_LEN && odd.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }
}
