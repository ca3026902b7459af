//! Outbound: claim due outbox entries, plan, record the intent, submit, and read the results.
//!
//! Exactly-once for shipment confirmations rests on three rules:
//! 1. The feed-log record and the entries' `Submitted` status are written *before* Amazon is called.
//! 2. A submission left `Submitted` by a crash is settled by [`Engine::reconcile_submissions`], which
//!    asks Amazon what it knows (for `confirmShipment`: the quantities shipped per line) before anything
//!    is sent again, and only puts back entries Amazon has no trace of.
//! 3. Amazon's "package already confirmed" answer counts as success, never as a reason to resend.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use amazon_spapi::client::SpApiClient;
use amazon_spapi::documents::{submit_feed, Documents};
use amazon_spapi::operation::{fill_path, ApiRequest};
use amazon_spapi::orders_v0::{GetOrderItems, OrderItem, CONFIRM_SHIPMENT};
use chrono::{DateTime, Utc};
use futures::TryStreamExt;

use super::{ConnectionRuntime, Engine, EngineError};
use crate::domain::ShipmentLine;
use crate::domain::{
    AmazonOrderId, ConnectionId, FeedRecord, FeedResultSummary, FeedStatus, InventoryItem, OutboxEntry,
    OutboxId, OutboxPayload, OutboxStatus,
};
use crate::policy::import::{ImportContext, PolicyEvent};
use crate::policy::outbound::{
    BatchPayload, ConfirmShipmentCall, OutboundBatch, OutboundInput, ReportReadError,
    CONFIRM_SHIPMENT_LOG_NAME,
};
use crate::ports::{FeedLogQuery, OutboxQuery, OutboxState};

/// What one outbound run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutboundReport {
    /// Entries claimed.
    pub claimed: usize,
    /// Submissions made (feeds or batches of calls).
    pub submissions: usize,
    /// Entries Amazon accepted during the run (`confirmShipment` answers; feeds are settled later).
    pub done: usize,
    /// Entries handed to Amazon in feeds, waiting for the processing report.
    pub awaiting_report: usize,
    /// Entries the planner refused (superseded, skipped, or errors the integrator must fix).
    pub refused: usize,
    /// Entries the planner deferred.
    pub deferred: usize,
    /// Entries put back for a retry with backoff.
    pub retrying: usize,
    /// Entries marked failed for good.
    pub failed: usize,
    /// The feed-log records written.
    pub feed_records: Vec<String>,
    /// What the crash reconciliation at the start of the run did.
    pub reconciled: ReconcileReport,
}

/// What [`Engine::reconcile_submissions`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReconcileReport {
    /// Open submissions examined.
    pub examined: usize,
    /// Entries Amazon turned out to have received: marked done without sending again.
    pub confirmed_at_amazon: usize,
    /// Entries Amazon had no trace of: put back to be sent.
    pub resubmitted: usize,
    /// Records closed because none of their entries was still open.
    pub closed: usize,
}

/// What [`Engine::collect_feed_results`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedResultsReport {
    /// Feeds whose report was read.
    pub finished: usize,
    /// Feeds Amazon is still processing.
    pub pending: usize,
    /// Entries marked done.
    pub done: usize,
    /// Entries put back for a retry.
    pub retrying: usize,
    /// Entries failed for good.
    pub failed: usize,
}

impl Engine {
    /// One outbound pass: settles submissions a crash left open, claims due entries, asks the planner,
    /// records each submission in the feed log *before* calling Amazon, and submits.
    ///
    /// # Errors
    /// [`EngineError::Store`]; Amazon failures of single entries are recorded on the entries (retry with
    /// backoff, or failed), not returned.
    pub async fn run_outbound(&self) -> Result<OutboundReport, EngineError> {
        let mut report = OutboundReport {
            reconciled: self.reconcile_submissions().await?,
            ..Default::default()
        };
        let now = self.now();
        let claimed = self
            .store
            .claim_due(
                now,
                self.config.claim_limit,
                &self.config.worker_id,
                self.config.claim_ttl,
            )
            .await?;
        report.claimed = claimed.len();
        let mut by_connection: BTreeMap<ConnectionId, Vec<OutboxEntry>> = BTreeMap::new();
        for e in claimed {
            by_connection.entry(e.connection_id.clone()).or_default().push(e);
        }
        for (connection_id, pending) in by_connection {
            let Ok(rt) = self.runtime(&connection_id) else {
                tracing::warn!(connection = %connection_id, "outbox entries for an unknown connection stay pending");
                for e in &pending {
                    self.retry_or_fail(
                        e,
                        "the connection is not registered with the engine",
                        now,
                        &mut report,
                    )
                    .await?;
                }
                continue;
            };
            self.outbound_connection(rt, pending, now, &mut report).await?;
        }
        Ok(report)
    }

    async fn outbound_connection(
        &self,
        rt: &ConnectionRuntime,
        pending: Vec<OutboxEntry>,
        now: DateTime<Utc>,
        report: &mut OutboundReport,
    ) -> Result<(), EngineError> {
        let id = &rt.connection.id;
        let pending = self.prepare_shipments(rt, pending, now, report).await?;
        let orders: BTreeSet<AmazonOrderId> = pending.iter().filter_map(order_of).collect();
        let mut sent = Vec::new();
        for state in [OutboxState::Submitted, OutboxState::Done] {
            let q = OutboxQuery {
                connection_id: Some(id.clone()),
                state: Some(state),
                limit: None,
            };
            sent.extend(
                self.store
                    .list_outbox(&q)
                    .await?
                    .into_iter()
                    .filter(|e| order_of(e).is_some_and(|o| orders.contains(&o))),
            );
        }
        let recent = self
            .store
            .list_feeds(&FeedLogQuery {
                connection_id: Some(id.clone()),
                status: None,
                limit: Some(200),
            })
            .await?;
        let inventory: HashMap<String, InventoryItem> = self
            .store
            .list_items()
            .await?
            .into_iter()
            .map(|i| (i.sku.clone(), i))
            .collect();
        let plan = {
            let input = OutboundInput::new(&pending, now)
                .sent(&sent)
                .recent(&recent)
                .inventory(&inventory);
            self.planner.plan(&input)
        };
        for w in &plan.warnings {
            tracing::warn!(connection = %id, warning = %w, "outbound plan warning");
        }
        for refusal in &plan.refusals {
            report.refused += 1;
            match refusal.reason.status() {
                OutboxStatus::Failed { message, retryable } => {
                    self.store
                        .mark_failed(&refusal.entry, &message, retryable)
                        .await?;
                }
                _ => self.store.mark_done(std::slice::from_ref(&refusal.entry)).await?,
            }
        }
        for d in &plan.deferred {
            report.deferred += 1;
            self.store
                .retry_at(&d.entry, d.until.unwrap_or(now).max(now))
                .await?;
        }
        let by_id: HashMap<&OutboxId, &OutboxEntry> = pending.iter().map(|e| (&e.id, e)).collect();
        for batch in &plan.batches {
            self.submit_batch(rt, batch, &by_id, now, report).await?;
        }
        Ok(())
    }

    /// Asks the import policy about each shipment about to be confirmed (`shipment_sending`: carrier,
    /// method, or skip) and fills the lines of shipments that list none ("everything still unshipped")
    /// from the stored order, since `confirmShipment` needs the items listed.
    async fn prepare_shipments(
        &self,
        rt: &ConnectionRuntime,
        pending: Vec<OutboxEntry>,
        now: DateTime<Utc>,
        report: &mut OutboundReport,
    ) -> Result<Vec<OutboxEntry>, EngineError> {
        let inventory: HashMap<String, InventoryItem> = HashMap::new();
        let mut out = Vec::with_capacity(pending.len());
        for mut entry in pending {
            if let OutboxPayload::ShipmentConfirmation { shipment, .. } = &mut entry.payload {
                if let Some(order) = self.store.get_order(&shipment.order_id).await? {
                    if shipment.lines.is_empty() {
                        shipment.lines = order
                            .lines
                            .iter()
                            .filter(|l| l.quantity_unshipped() > 0)
                            .map(|l| ShipmentLine {
                                order_item_id: l.order_item_id.clone(),
                                quantity: l.quantity_unshipped(),
                            })
                            .collect();
                    }
                    let decision = {
                        let ctx = ImportContext::new(&rt.connection.settings, &inventory, now);
                        self.import_policy.on_event(
                            PolicyEvent::ShipmentSending {
                                order: &order,
                                shipment,
                            },
                            &ctx,
                        )
                    };
                    if let Some(reason) = decision.skip_reason() {
                        report.refused += 1;
                        self.store
                            .mark_failed(&entry.id, &format!("not sent: {reason}"), false)
                            .await?;
                        continue;
                    }
                    if let Some(c) = &decision.carrier {
                        shipment.carrier = match (&c.name, c.code.eq_ignore_ascii_case("Other")) {
                            (Some(name), true) => name.clone(),
                            _ => c.code.clone(),
                        };
                    }
                    if let Some(m) = &decision.shipping_method {
                        shipment.service = Some(m.clone());
                    }
                }
            }
            out.push(entry);
        }
        Ok(out)
    }

    async fn submit_batch(
        &self,
        rt: &ConnectionRuntime,
        batch: &OutboundBatch,
        entries: &HashMap<&OutboxId, &OutboxEntry>,
        now: DateTime<Utc>,
        report: &mut OutboundReport,
    ) -> Result<(), EngineError> {
        let mut record = FeedRecord {
            id: uuid::Uuid::new_v4().to_string(),
            connection_id: batch.connection_id.clone(),
            seller_id: batch.seller_id.clone(),
            feed_type: batch.kind.log_name().to_owned(),
            amazon_feed_id: None,
            submitted_at: now,
            entries: batch.entries.clone(),
            status: FeedStatus::Submitted,
            summary: None,
            finished_at: None,
        };
        // The intent, before Amazon hears of it.
        self.store.record_feed(&record).await?;
        self.store.mark_submitted(&batch.entries, &record.id).await?;
        report.submissions += 1;
        report.feed_records.push(record.id.clone());
        match &batch.payload {
            BatchPayload::ConfirmShipments(calls) => {
                let mut summary = FeedResultSummary::default();
                for call in calls {
                    summary.processed += 1;
                    match send_confirmation(&rt.client, call).await {
                        Ok(()) => {
                            summary.successful += 1;
                            report.done += 1;
                            self.store.mark_done(std::slice::from_ref(&call.entry)).await?;
                        }
                        Err(e) if already_confirmed(&e) => {
                            summary.successful += 1;
                            summary.warnings += 1;
                            report.done += 1;
                            tracing::warn!(entry = %call.entry, order = %call.order_id, "Amazon had this package already");
                            self.store.mark_done(std::slice::from_ref(&call.entry)).await?;
                        }
                        Err(e) => {
                            summary.errors += 1;
                            let message = e.to_string();
                            match entries.get(&call.entry) {
                                Some(entry) if e.is_retryable() => {
                                    self.retry_or_fail(entry, &message, now, report).await?;
                                }
                                _ => {
                                    report.failed += 1;
                                    self.store.mark_failed(&call.entry, &message, false).await?;
                                }
                            }
                        }
                    }
                }
                record.status = FeedStatus::Done;
                record.summary = Some(summary);
                record.finished_at = Some(self.now());
                self.store.update_feed(&record).await?;
            }
            BatchPayload::Feed(doc) => {
                let marketplaces: Vec<String> = batch
                    .marketplace_ids
                    .iter()
                    .map(|m| m.as_str().to_owned())
                    .collect();
                let result = submit_feed(
                    &rt.client,
                    doc.feed_type.as_str(),
                    doc.content_type,
                    doc.body.clone(),
                )
                .marketplace_ids(marketplaces)
                .documents(Documents::over_transport(&rt.client))
                .send()
                .await;
                match result {
                    Ok(feed) => {
                        record.amazon_feed_id = Some(feed.feed_id.to_string());
                        self.store.update_feed(&record).await?;
                        report.awaiting_report += batch.entries.len();
                    }
                    Err(e) => {
                        let message = e.to_string();
                        record.status = if e.is_retryable() {
                            FeedStatus::Cancelled
                        } else {
                            FeedStatus::Fatal
                        };
                        record.finished_at = Some(self.now());
                        self.store.update_feed(&record).await?;
                        for id in &batch.entries {
                            match entries.get(id) {
                                Some(entry) if e.is_retryable() => {
                                    self.retry_or_fail(entry, &message, now, report).await?;
                                }
                                _ => {
                                    report.failed += 1;
                                    self.store.mark_failed(id, &message, false).await?;
                                }
                            }
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// Puts an entry back with backoff, or fails it for good once its attempts ran out.
    async fn retry_or_fail(
        &self,
        entry: &OutboxEntry,
        message: &str,
        now: DateTime<Utc>,
        report: &mut OutboundReport,
    ) -> Result<(), EngineError> {
        if entry.attempts >= self.config.max_attempts {
            report.failed += 1;
            self.store
                .mark_failed(
                    &entry.id,
                    &format!("{message} (gave up after {} attempts)", entry.attempts),
                    true,
                )
                .await?;
        } else {
            report.retrying += 1;
            self.store
                .retry_at(&entry.id, now + self.config.backoff(entry.attempts))
                .await?;
        }
        Ok(())
    }

    /// Settles submissions a crash left open (status `Submitted`, older than the claim time-to-live):
    /// `confirmShipment` entries Amazon shows as shipped are marked done; those it has no trace of are put
    /// back to be sent; feeds never given an Amazon id have their open entries put back.
    ///
    /// # Errors
    /// [`EngineError::Store`]; [`EngineError::Amazon`] when Amazon cannot be asked (nothing is resent then).
    pub async fn reconcile_submissions(&self) -> Result<ReconcileReport, EngineError> {
        let mut report = ReconcileReport::default();
        let now = self.now();
        let older_than = now - self.config.claim_ttl;
        for rt in self.connections.values() {
            let q = FeedLogQuery {
                connection_id: Some(rt.connection.id.clone()),
                status: Some(FeedStatus::Submitted),
                limit: None,
            };
            for mut record in self.store.list_feeds(&q).await? {
                if record.submitted_at > older_than {
                    continue;
                }
                let is_api = record.feed_type == CONFIRM_SHIPMENT_LOG_NAME;
                if !is_api && record.amazon_feed_id.is_some() {
                    continue; // Amazon has it; collect_feed_results reads its report.
                }
                report.examined += 1;
                let open = self.open_entries(&record).await?;
                if open.is_empty() {
                    record.status = if is_api {
                        FeedStatus::Done
                    } else {
                        FeedStatus::Cancelled
                    };
                    record.finished_at = Some(now);
                    self.store.update_feed(&record).await?;
                    report.closed += 1;
                    continue;
                }
                for entry in &open {
                    let shipped = match (&entry.payload, is_api) {
                        (OutboxPayload::ShipmentConfirmation { shipment, .. }, true) => {
                            let items = order_items(rt, &shipment.order_id).await?;
                            shipment_covered(shipment, &items)
                        }
                        _ => false,
                    };
                    if shipped {
                        report.confirmed_at_amazon += 1;
                        self.store.mark_done(std::slice::from_ref(&entry.id)).await?;
                    } else {
                        report.resubmitted += 1;
                        self.store.retry_at(&entry.id, now).await?;
                    }
                }
                record.status = if is_api {
                    FeedStatus::Done
                } else {
                    FeedStatus::Cancelled
                };
                record.finished_at = Some(now);
                self.store.update_feed(&record).await?;
            }
        }
        Ok(report)
    }

    /// The entries of `record` still `Submitted` under it.
    async fn open_entries(&self, record: &FeedRecord) -> Result<Vec<OutboxEntry>, EngineError> {
        let mut open = Vec::new();
        for id in &record.entries {
            if let Some(e) = self.store.get_outbox(id).await? {
                if matches!(&e.status, OutboxStatus::Submitted { feed_record_id } if *feed_record_id == record.id)
                {
                    open.push(e);
                }
            }
        }
        Ok(open)
    }

    /// Reads the processing reports of submitted feeds and settles their entries: done, retry with
    /// backoff, or failed with Amazon's message.
    ///
    /// # Errors
    /// [`EngineError::Store`]. Amazon failures leave the feed for the next pass.
    pub async fn collect_feed_results(&self) -> Result<FeedResultsReport, EngineError> {
        let mut report = FeedResultsReport::default();
        for rt in self.connections.values() {
            let q = FeedLogQuery {
                connection_id: Some(rt.connection.id.clone()),
                status: Some(FeedStatus::Submitted),
                limit: None,
            };
            for mut record in self.store.list_feeds(&q).await? {
                let Some(feed_id) = record.amazon_feed_id.clone() else {
                    continue;
                };
                if record.feed_type == CONFIRM_SHIPMENT_LOG_NAME {
                    continue;
                }
                let documents = Documents::over_transport(&rt.client);
                let reader = match documents.feed_result(&rt.client, &feed_id).await {
                    Ok(Some(r)) => r,
                    Ok(None) => {
                        report.pending += 1;
                        continue;
                    }
                    Err(e) => {
                        tracing::warn!(record = %record.id, error = %e, "feed result not readable yet");
                        report.pending += 1;
                        continue;
                    }
                };
                let mut reader = reader;
                let mut bytes = Vec::new();
                loop {
                    match reader.next_bytes().await {
                        Ok(Some(b)) => bytes.extend_from_slice(&b),
                        Ok(None) => break,
                        Err(e) => {
                            tracing::warn!(record = %record.id, error = %e, "feed result download failed");
                            bytes.clear();
                            break;
                        }
                    }
                }
                if bytes.is_empty() {
                    report.pending += 1;
                    continue;
                }
                let mut carried = Vec::new();
                for id in &record.entries {
                    if let Some(e) = self.store.get_outbox(id).await? {
                        carried.push(e);
                    }
                }
                let now = self.now();
                match self.planner.read_report(&record, &carried, &bytes) {
                    Ok(outcome) => {
                        let by_id: HashMap<&OutboxId, &OutboxEntry> =
                            carried.iter().map(|e| (&e.id, e)).collect();
                        for o in &outcome.entries {
                            match &o.status {
                                OutboxStatus::Done => {
                                    report.done += 1;
                                    self.store.mark_done(std::slice::from_ref(&o.entry)).await?;
                                }
                                OutboxStatus::Failed {
                                    message,
                                    retryable: true,
                                } => match by_id.get(&o.entry) {
                                    Some(e) if e.attempts < self.config.max_attempts => {
                                        report.retrying += 1;
                                        self.store
                                            .retry_at(&o.entry, now + self.config.backoff(e.attempts))
                                            .await?;
                                    }
                                    _ => {
                                        report.failed += 1;
                                        self.store.mark_failed(&o.entry, message, true).await?;
                                    }
                                },
                                OutboxStatus::Failed {
                                    message,
                                    retryable: false,
                                } => {
                                    report.failed += 1;
                                    self.store.mark_failed(&o.entry, message, false).await?;
                                }
                                _ => {}
                            }
                        }
                        for u in &outcome.unknown_skus {
                            tracing::warn!(sku = %u.sku, "Amazon does not know this SKU");
                        }
                        record.status = outcome.status;
                        record.summary = Some(outcome.summary);
                        record.finished_at = Some(now);
                        self.store.update_feed(&record).await?;
                        report.finished += 1;
                    }
                    Err(ReportReadError::NotFinished { .. }) => report.pending += 1,
                    Err(e) => {
                        tracing::warn!(record = %record.id, error = %e, "processing report unusable");
                        if !e.is_retryable() {
                            record.status = FeedStatus::Fatal;
                            record.finished_at = Some(now);
                            self.store.update_feed(&record).await?;
                            for c in &carried {
                                report.failed += 1;
                                self.store.mark_failed(&c.id, &e.to_string(), false).await?;
                            }
                        } else {
                            report.pending += 1;
                        }
                    }
                }
            }
        }
        Ok(report)
    }
}

/// The order an outbound entry is about, for shipment confirmations and cancellations.
fn order_of(e: &OutboxEntry) -> Option<AmazonOrderId> {
    match &e.payload {
        OutboxPayload::ShipmentConfirmation { shipment, .. } => Some(shipment.order_id.clone()),
        OutboxPayload::Cancellation { order_id, .. } => Some(order_id.clone()),
        _ => None,
    }
}

/// Sends one `confirmShipment` call with the body the planner rendered.
async fn send_confirmation(
    client: &SpApiClient,
    call: &ConfirmShipmentCall,
) -> Result<(), amazon_spapi::error::Error> {
    let path = fill_path(CONFIRM_SHIPMENT.path, &[("orderId", call.order_id.as_str())]);
    let req = ApiRequest::new(path).json_body(call.body.clone().into_bytes().into());
    client.send(&CONFIRM_SHIPMENT, req).await.map(|_| ())
}

/// Whether Amazon refused a confirmation because it has the package already.
fn already_confirmed(e: &amazon_spapi::error::Error) -> bool {
    match e {
        amazon_spapi::error::Error::Api(api) if api.status.as_u16() == 400 => api
            .errors
            .iter()
            .any(|x| x.message.contains("already been confirmed") || x.message.contains("already confirmed")),
        _ => false,
    }
}

async fn order_items(
    rt: &ConnectionRuntime,
    order_id: &AmazonOrderId,
) -> Result<Vec<OrderItem>, EngineError> {
    GetOrderItems::new(&rt.client, order_id.as_str())
        .items()
        .try_collect()
        .await
        .map_err(|source| EngineError::Amazon {
            connection_id: rt.connection.id.clone(),
            during: "getOrderItems",
            source: Box::new(source),
        })
}

/// Whether Amazon shows every unit of the shipment as shipped.
fn shipment_covered(shipment: &crate::domain::Shipment, items: &[OrderItem]) -> bool {
    let shipped = |id: &str| {
        items
            .iter()
            .find(|i| i.order_item_id.as_ref().is_some_and(|x| x.as_str() == id))
            .map(|i| (i.quantity_ordered.unwrap_or(0), i.quantity_shipped.unwrap_or(0)))
    };
    if shipment.lines.is_empty() {
        return !items.is_empty()
            && items
                .iter()
                .all(|i| i.quantity_shipped.unwrap_or(0) >= i.quantity_ordered.unwrap_or(0));
    }
    shipment
        .lines
        .iter()
        .all(|l| shipped(l.order_item_id.as_str()).is_some_and(|(_, s)| s >= l.quantity))
}
