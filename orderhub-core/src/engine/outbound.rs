//! Outbound: claim due outbox entries, plan, record the intent, submit, and read the results.
//!
//! Exactly-once for shipment confirmations rests on these rules:
//! 1. The feed-log record and the entries' `Submitted` status are written *before* Amazon is called.
//! 2. A submission left `Submitted` by a crash is settled by [`Engine::reconcile_submissions`], which
//!    asks Amazon what it knows before anything is sent again, and only puts back entries Amazon has no
//!    trace of: for `confirmShipment`, the quantities shipped per line; for a feed whose `createFeed`
//!    answer was lost (or whose worker died around the call), `getFeeds` filtered by type and creation
//!    time. A feed Amazon shows and no other record claims is adopted (its processing report settles the
//!    entries); when Amazon shows nothing, the entries are sent again; when it is ambiguous, they are
//!    held (failed, retryable, with a message) rather than risk a second confirmation.
//! 3. A `createFeed` that may have reached Amazon (reset, timeout, 5xx other than 503, an undecodable
//!    answer) is never resubmitted directly: it is left to step 2.
//! 4. Every package of an order keeps the same `packageReferenceId` on every attempt (its position among
//!    the order's shipment entries), so Amazon's "package already confirmed" answer to a repeat means
//!    *this* package is at Amazon and counts as success, never as a reason to resend. The rest of a
//!    multi-package update that was cut short (a crash, a failed call) is planned again on its own, so it
//!    is not refused as a second update of the order.
//! 5. Backoff and the attempt limit count submissions (records in the feed log), not claims: an entry the
//!    planner defers (feed throttling, debounce windows) loses no attempt.
//! 6. A feed submission calls `createFeed` only while the reconciliation would still look for its feed
//!    (its record's time plus the grace, less one call's retry budget): a worker paused past that point
//!    (a stopped VM) sends nothing when it wakes and leaves the entries alone, since the reconciliation
//!    may already have given them to another worker. What is left is a pause inside the `createFeed`
//!    request itself, after the check.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use amazon_spapi::client::SpApiClient;
use amazon_spapi::documents::{submit_feed, Documents};
use amazon_spapi::error::TransportErrorKind;
use amazon_spapi::feeds_2021_06_30::{GetFeeds, CREATE_FEED};
use amazon_spapi::operation::{fill_path, ApiRequest};
use amazon_spapi::orders_v0::{GetOrderItems, OrderItem, CONFIRM_SHIPMENT};
use chrono::{DateTime, Duration, Utc};
use futures::TryStreamExt;

use super::{ConnectionRuntime, Engine, EngineError};
use crate::domain::ShipmentLine;
use crate::domain::{
    AmazonOrderId, ConnectionId, FeedRecord, FeedResultSummary, FeedStatus, InventoryItem, OutboxEntry,
    OutboxId, OutboxPayload, OutboxStatus,
};
use crate::policy::import::{ImportContext, PolicyEvent};
use crate::policy::outbound::{
    BatchPayload, ConfirmShipmentCall, OutboundBatch, OutboundInput, OutboundPlan, ReportReadError,
    CONFIRM_SHIPMENT_LOG_NAME,
};
use crate::ports::{FeedLogQuery, OutboxQuery};

/// How many feed-log records of a connection are read to count an entry's submissions and to find the
/// packages it was sent together with.
const FEED_HISTORY: u32 = 2_000;

/// How many recent feed-log records the planner sees (its feed throttling needs only the newest).
const PLANNER_RECENT: usize = 200;

/// Clock difference allowed between the feed log and Amazon's `createdTime` when matching a submission
/// with a feed Amazon lists.
const FEED_CLOCK_SLACK_SECONDS: i64 = 120;

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
    /// Entries in feeds whose `createFeed` may or may not have reached Amazon (the answer was lost): left
    /// submitted for [`Engine::reconcile_submissions`] to look up, never resubmitted directly.
    pub unknown_outcome: usize,
    /// Entries in feeds not sent because the submission outlived its deadline before `createFeed` (the
    /// worker was paused or its steps ran slow): left as they were for [`Engine::reconcile_submissions`],
    /// which by then may have given them to another worker. Nothing reached Amazon.
    pub too_late: usize,
    /// Entries the planner refused (superseded, skipped, or errors the integrator must fix).
    pub refused: usize,
    /// Entries the planner deferred (no attempt is counted for them).
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
    /// Feed submissions whose `createFeed` answer was lost and whose feed Amazon lists: the feed id was
    /// recorded, and the processing report will settle the entries.
    pub adopted: usize,
    /// Entries of feed submissions that Amazon may hold but that cannot be told apart from another lost
    /// submission: marked failed (retryable) with a message instead of being sent a second time.
    pub held: usize,
    /// Submissions left open because Amazon could not be asked now (the next run asks again).
    pub unsettled: usize,
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

/// What the feed log says about a connection's recent submissions.
#[derive(Default)]
struct History {
    /// Newest first.
    records: Vec<FeedRecord>,
    /// Submissions (feed-log records) per entry.
    submissions: HashMap<OutboxId, u32>,
    /// The entries each entry was submitted together with.
    companions: HashMap<OutboxId, BTreeSet<OutboxId>>,
}

impl History {
    fn new(records: Vec<FeedRecord>) -> Self {
        let mut submissions: HashMap<OutboxId, u32> = HashMap::new();
        let mut companions: HashMap<OutboxId, BTreeSet<OutboxId>> = HashMap::new();
        for r in &records {
            for id in &r.entries {
                *submissions.entry(id.clone()).or_default() += 1;
                if r.entries.len() > 1 {
                    let others = companions.entry(id.clone()).or_default();
                    others.extend(r.entries.iter().filter(|o| *o != id).cloned());
                }
            }
        }
        History {
            records,
            submissions,
            companions,
        }
    }

    /// Submissions of `id` recorded so far.
    fn submissions(&self, id: &OutboxId) -> u32 {
        self.submissions.get(id).copied().unwrap_or(0)
    }

    fn companions(&self, id: &OutboxId) -> Option<&BTreeSet<OutboxId>> {
        self.companions.get(id)
    }

    fn known_feed_ids(&self) -> HashSet<&str> {
        self.records
            .iter()
            .filter_map(|r| r.amazon_feed_id.as_deref())
            .collect()
    }
}

/// When a feed submission could have created its feed at Amazon: from, to.
type Window = (DateTime<Utc>, DateTime<Utc>);

/// What [`Engine::submit_batch`] needs besides the batch.
struct SubmitContext<'a> {
    entries: &'a HashMap<&'a OutboxId, &'a OutboxEntry>,
    history: &'a History,
    references: &'a HashMap<OutboxId, u32>,
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
                        e.attempts,
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

    async fn history(&self, id: &ConnectionId) -> Result<History, EngineError> {
        let records = self
            .store
            .list_feeds(&FeedLogQuery {
                connection_id: Some(id.clone()),
                status: None,
                limit: Some(FEED_HISTORY),
            })
            .await?;
        Ok(History::new(records))
    }

    async fn outbound_connection(
        &self,
        rt: &ConnectionRuntime,
        pending: Vec<OutboxEntry>,
        now: DateTime<Utc>,
        report: &mut OutboundReport,
    ) -> Result<(), EngineError> {
        let id = &rt.connection.id;
        let history = self.history(id).await?;
        let pending = self.prepare_shipments(rt, pending, &history, now, report).await?;
        if pending.is_empty() {
            return Ok(());
        }
        let orders: BTreeSet<AmazonOrderId> = pending.iter().filter_map(order_of).collect();
        // Every entry about the same orders, whatever its state.
        let related: Vec<OutboxEntry> = if orders.is_empty() {
            Vec::new()
        } else {
            self.store
                .list_outbox(&OutboxQuery {
                    connection_id: Some(id.clone()),
                    state: None,
                    limit: None,
                })
                .await?
                .into_iter()
                .filter(|e| order_of(e).is_some_and(|o| orders.contains(&o)))
                .collect()
        };
        let sent: Vec<OutboxEntry> = related
            .iter()
            .filter(|e| matches!(e.status, OutboxStatus::Submitted { .. } | OutboxStatus::Done))
            .cloned()
            .collect();
        let references = package_references(related.iter().chain(pending.iter()));
        let inventory: HashMap<String, InventoryItem> = self
            .store
            .list_items()
            .await?
            .into_iter()
            .map(|i| (i.sku.clone(), i))
            .collect();

        // The rest of a multi-package update that was cut short: its companions (sent in the same
        // submission, same order) are at Amazon already, so it is planned without them in `sent`, where
        // they would make it look like a second update of the order.
        let sent_ids: HashMap<&OutboxId, &OutboxEntry> = sent.iter().map(|e| (&e.id, e)).collect();
        let mut hidden: HashSet<OutboxId> = HashSet::new();
        let (continuations, fresh): (Vec<OutboxEntry>, Vec<OutboxEntry>) =
            pending.into_iter().partition(|e| {
                let (Some(order), true) = (
                    order_of(e),
                    matches!(e.payload, OutboxPayload::ShipmentConfirmation { .. }),
                ) else {
                    return false;
                };
                let Some(companions) = history.companions(&e.id) else {
                    return false;
                };
                let mut found = false;
                for c in companions {
                    if sent_ids
                        .get(c)
                        .is_some_and(|s| order_of(s).as_ref() == Some(&order))
                    {
                        hidden.insert(c.clone());
                        found = true;
                    }
                }
                found
            });
        drop(sent_ids);

        if !continuations.is_empty() {
            let sent_without: Vec<OutboxEntry> =
                sent.iter().filter(|e| !hidden.contains(&e.id)).cloned().collect();
            let recent = &history.records[..history.records.len().min(PLANNER_RECENT)];
            let plan = {
                let input = OutboundInput::new(&continuations, now)
                    .sent(&sent_without)
                    .recent(recent)
                    .inventory(&inventory);
                self.planner.plan(&input)
            };
            let ctx = SubmitContext {
                entries: &continuations.iter().map(|e| (&e.id, e)).collect(),
                history: &history,
                references: &references,
            };
            self.apply_plan(rt, &plan, &ctx, now, report).await?;
        }
        if !fresh.is_empty() {
            // The continuations may have written records the feed throttling must see.
            let recent = if continuations.is_empty() {
                history.records[..history.records.len().min(PLANNER_RECENT)].to_vec()
            } else {
                self.store
                    .list_feeds(&FeedLogQuery {
                        connection_id: Some(id.clone()),
                        status: None,
                        limit: Some(PLANNER_RECENT as u32),
                    })
                    .await?
            };
            let plan = {
                let input = OutboundInput::new(&fresh, now)
                    .sent(&sent)
                    .recent(&recent)
                    .inventory(&inventory);
                self.planner.plan(&input)
            };
            let ctx = SubmitContext {
                entries: &fresh.iter().map(|e| (&e.id, e)).collect(),
                history: &history,
                references: &references,
            };
            self.apply_plan(rt, &plan, &ctx, now, report).await?;
        }
        Ok(())
    }

    async fn apply_plan(
        &self,
        rt: &ConnectionRuntime,
        plan: &OutboundPlan,
        ctx: &SubmitContext<'_>,
        now: DateTime<Utc>,
        report: &mut OutboundReport,
    ) -> Result<(), EngineError> {
        let id = &rt.connection.id;
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
            // A deferral is not an attempt: attempts are counted from the feed log (submissions).
            report.deferred += 1;
            self.store
                .retry_at(&d.entry, d.until.unwrap_or(now).max(now))
                .await?;
        }
        for batch in &plan.batches {
            self.submit_batch(rt, batch, ctx, now, report).await?;
        }
        Ok(())
    }

    /// Asks the import policy about each shipment about to be confirmed (`shipment_sending`: carrier,
    /// method, or skip) and fills the lines of shipments that list none ("everything still unshipped")
    /// from the stored order, since `confirmShipment` needs the items listed.
    ///
    /// When such a shipment finds nothing left unshipped, Amazon already shows the whole order shipped: after
    /// an earlier submission of the entry (whose answer was lost) the entry is done; otherwise it is failed
    /// with that explanation (the order was confirmed elsewhere) instead of being sent.
    async fn prepare_shipments(
        &self,
        rt: &ConnectionRuntime,
        pending: Vec<OutboxEntry>,
        history: &History,
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
                        if shipment.lines.is_empty() && !order.lines.is_empty() {
                            if history.submissions(&entry.id) > 0 {
                                tracing::warn!(entry = %entry.id, order = %shipment.order_id, "Amazon shows the order shipped after an earlier submission whose answer was lost: done");
                                report.done += 1;
                                self.store.mark_done(std::slice::from_ref(&entry.id)).await?;
                            } else {
                                report.refused += 1;
                                self.store
                                    .mark_failed(
                                        &entry.id,
                                        &format!(
                                            "not sent: Amazon shows every unit of order {} shipped already (confirmed \
                                             elsewhere, for example in Seller Central); nothing is left to confirm",
                                            shipment.order_id
                                        ),
                                        false,
                                    )
                                    .await?;
                            }
                            continue;
                        }
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
        ctx: &SubmitContext<'_>,
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
        // This submission is attempt number `earlier submissions + 1` of each entry.
        let attempts = |id: &OutboxId| ctx.history.submissions(id).saturating_add(1);
        match &batch.payload {
            BatchPayload::ConfirmShipments(calls) => {
                let mut summary = FeedResultSummary::default();
                for call in calls {
                    summary.processed += 1;
                    let body = with_package_reference(&call.body, ctx.references.get(&call.entry).copied());
                    match send_confirmation(&rt.client, call, body).await {
                        Ok(()) => {
                            summary.successful += 1;
                            report.done += 1;
                            self.store.mark_done(std::slice::from_ref(&call.entry)).await?;
                        }
                        Err(e) if already_confirmed(&e) => {
                            // The package reference is this package's on every attempt: Amazon has it.
                            summary.successful += 1;
                            summary.warnings += 1;
                            report.done += 1;
                            tracing::warn!(entry = %call.entry, order = %call.order_id, "Amazon had this package already");
                            self.store.mark_done(std::slice::from_ref(&call.entry)).await?;
                        }
                        Err(e) if self.shipped_at_amazon(rt, ctx, call, &e).await => {
                            // Refused because the order is shipped, and Amazon shows this package's units
                            // shipped: an earlier attempt whose answer was lost got through.
                            summary.successful += 1;
                            summary.warnings += 1;
                            report.done += 1;
                            tracing::warn!(entry = %call.entry, order = %call.order_id, "Amazon shows this package shipped already");
                            self.store.mark_done(std::slice::from_ref(&call.entry)).await?;
                        }
                        Err(e) => {
                            summary.errors += 1;
                            let message = e.to_string();
                            match ctx.entries.get(&call.entry) {
                                Some(entry) if worth_retrying(&e) => {
                                    self.retry_or_fail(entry, attempts(&call.entry), &message, now, report)
                                        .await?;
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
                // Cancellation payloads carry no marketplace, so the planner leaves the batch's list
                // empty; createFeed needs at least one: submit with the connection's marketplaces.
                let marketplaces: Vec<String> = if batch.marketplace_ids.is_empty() {
                    &rt.connection.marketplaces
                } else {
                    &batch.marketplace_ids
                }
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
                // The reconciliation takes a submission without a feed id to have created its feed, if at
                // all, within `feed_grace` of its record; after that it may give the entries to another
                // worker. A worker paused past that point must not create a feed any more: createFeed
                // starts no later than one call's retry budget before the end of the grace.
                .create_feed_before(record.submitted_at + self.feed_grace(rt) - self.call_budget(rt))
                .send()
                .await;
                match result {
                    Err(amazon_spapi::error::Error::DeadlinePassed { .. }) => {
                        // Nothing reached Amazon. The entries and the record are the reconciliation's now
                        // (it may already have put them back, and another worker may have sent them):
                        // touching them here could undo that worker's bookkeeping.
                        tracing::warn!(
                            record = %record.id,
                            "the submission outlived its deadline before createFeed; nothing was sent, the \
                             reconciliation settles its entries"
                        );
                        report.too_late += batch.entries.len();
                    }
                    Ok(feed) => {
                        record.amazon_feed_id = Some(feed.feed_id.as_str().to_owned());
                        self.store.update_feed(&record).await?;
                        report.awaiting_report += batch.entries.len();
                    }
                    Err(e) if feed_outcome_unknown(&e) => {
                        // Amazon may have created the feed: sending it again could confirm twice. The record
                        // stays open without a feed id; the reconciliation looks the feed up on Amazon.
                        tracing::warn!(
                            record = %record.id,
                            error = %e,
                            "the createFeed answer was lost; the feed is looked up on Amazon before anything is sent again"
                        );
                        // The end of the attempt bounds when Amazon may have created the feed.
                        record.finished_at = Some(self.now());
                        self.store.update_feed(&record).await?;
                        report.unknown_outcome += batch.entries.len();
                    }
                    Err(e) => {
                        // Amazon did not create the feed (refused, throttled, or an earlier step failed).
                        let message = e.to_string();
                        let retry = worth_retrying(&e);
                        // The entries first: a crash before the record is closed leaves it open for the
                        // reconciliation, never entries stranded under a closed record.
                        for id in &batch.entries {
                            match ctx.entries.get(id) {
                                Some(entry) if retry => {
                                    self.retry_or_fail(entry, attempts(id), &message, now, report)
                                        .await?;
                                }
                                _ => {
                                    report.failed += 1;
                                    self.store.mark_failed(id, &message, false).await?;
                                }
                            }
                        }
                        record.status = if retry {
                            FeedStatus::Cancelled
                        } else {
                            FeedStatus::Fatal
                        };
                        record.finished_at = Some(self.now());
                        self.store.update_feed(&record).await?;
                    }
                }
            }
        }
        Ok(())
    }

    /// After Amazon refused a confirmation (a 400, for example "the order is Shipped"): whether it shows
    /// every unit of the package shipped, so the refusal is Amazon having it already.
    async fn shipped_at_amazon(
        &self,
        rt: &ConnectionRuntime,
        ctx: &SubmitContext<'_>,
        call: &ConfirmShipmentCall,
        e: &amazon_spapi::error::Error,
    ) -> bool {
        if e.status().is_none_or(|s| s.as_u16() != 400) {
            return false;
        }
        let Some(OutboxPayload::ShipmentConfirmation { shipment, .. }) =
            ctx.entries.get(&call.entry).map(|e| &e.payload)
        else {
            return false;
        };
        match order_items(rt, &call.order_id).await {
            Ok(items) => shipment_covered(shipment, &items),
            Err(err) => {
                tracing::warn!(entry = %call.entry, error = %err, "cannot check a refused confirmation with Amazon");
                false
            }
        }
    }

    /// Puts an entry back with backoff, or fails it for good once `attempts` (submissions so far, this
    /// one included) reached the limit.
    async fn retry_or_fail(
        &self,
        entry: &OutboxEntry,
        attempts: u32,
        message: &str,
        now: DateTime<Utc>,
        report: &mut OutboundReport,
    ) -> Result<(), EngineError> {
        if attempts >= self.config.max_attempts {
            report.failed += 1;
            self.store
                .mark_failed(
                    &entry.id,
                    &format!("{message} (gave up after {attempts} attempts)"),
                    true,
                )
                .await?;
        } else {
            report.retrying += 1;
            self.store
                .retry_at(&entry.id, now + self.config.backoff(attempts))
                .await?;
        }
        Ok(())
    }

    /// How long after its record a feed submission whose feed id is unknown may still be in flight: the
    /// claim time plus three calls' retry budgets (`createFeedDocument`, the upload, `createFeed`).
    fn feed_grace(&self, rt: &ConnectionRuntime) -> Duration {
        self.config.claim_ttl + self.call_budget(rt) * 3
    }

    /// The longest one call (with its retries) may take: the client's retry budget.
    fn call_budget(&self, rt: &ConnectionRuntime) -> Duration {
        Duration::from_std(rt.client.retry_policy().max_elapsed).unwrap_or(Duration::minutes(10))
    }

    /// Settles submissions a crash (or a lost answer) left open:
    ///
    /// - `confirmShipment` batches older than the claim time-to-live: entries Amazon shows as shipped are
    ///   marked done; those it has no trace of are put back to be sent (with the same package reference,
    ///   so a late duplicate is answered "already confirmed").
    /// - Feeds without an Amazon feed id (a lost `createFeed` answer, or a crash around the call), once no
    ///   worker can still be submitting them (the claim time-to-live after the attempt ended, or after a
    ///   crash the claim time plus three calls' retry budgets): `getFeeds` of the type over the window in
    ///   which the submission could have created its feed. No unclaimed feed there puts the entries back;
    ///   an unclaimed feed no other open submission could own is adopted (its processing report settles
    ///   the entries); a feed another submission still in flight could own makes it wait; one another
    ///   settled submission could own holds the entries (failed, retryable, with a message) rather than
    ///   risk a second confirmation.
    ///
    /// Assumes the hub is the only one submitting its feed types for the seller.
    ///
    /// # Errors
    /// [`EngineError::Store`]. When Amazon cannot be asked, nothing is resent and the submission is
    /// counted in [`ReconcileReport::unsettled`] for the next run.
    pub async fn reconcile_submissions(&self) -> Result<ReconcileReport, EngineError> {
        let mut report = ReconcileReport::default();
        for rt in self.connections.values() {
            let now = self.now();
            let q = FeedLogQuery {
                connection_id: Some(rt.connection.id.clone()),
                status: Some(FeedStatus::Submitted),
                limit: None,
            };
            let api_cutoff = now - self.config.claim_ttl;
            let mut unknown_feeds: BTreeMap<String, Vec<FeedRecord>> = BTreeMap::new();
            for record in self.store.list_feeds(&q).await? {
                if record.feed_type == CONFIRM_SHIPMENT_LOG_NAME {
                    if record.submitted_at <= api_cutoff {
                        self.reconcile_calls(rt, record, now, &mut report).await?;
                    }
                } else if record.amazon_feed_id.is_none() {
                    unknown_feeds
                        .entry(record.feed_type.clone())
                        .or_default()
                        .push(record);
                }
            }
            for (feed_type, records) in unknown_feeds {
                self.reconcile_lost_feeds(rt, &feed_type, records, now, &mut report)
                    .await?;
            }
        }
        Ok(report)
    }

    async fn reconcile_calls(
        &self,
        rt: &ConnectionRuntime,
        mut record: FeedRecord,
        now: DateTime<Utc>,
        report: &mut ReconcileReport,
    ) -> Result<(), EngineError> {
        report.examined += 1;
        let open = self.open_entries(&record).await?;
        if !open.is_empty() {
            let mut items: HashMap<AmazonOrderId, Vec<OrderItem>> = HashMap::new();
            for entry in &open {
                let shipped = match &entry.payload {
                    OutboxPayload::ShipmentConfirmation { shipment, .. } => {
                        if !items.contains_key(&shipment.order_id) {
                            match order_items(rt, &shipment.order_id).await {
                                Ok(list) => {
                                    items.insert(shipment.order_id.clone(), list);
                                }
                                Err(e) => {
                                    tracing::warn!(record = %record.id, error = %e, "cannot ask Amazon about an open confirmation; nothing is resent");
                                    report.unsettled += 1;
                                    return Ok(());
                                }
                            }
                        }
                        items
                            .get(&shipment.order_id)
                            .is_some_and(|list| shipment_covered(shipment, list))
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
        } else {
            report.closed += 1;
        }
        record.status = FeedStatus::Done;
        record.finished_at = Some(now);
        self.store.update_feed(&record).await?;
        Ok(())
    }

    /// Settles feed submissions of one type whose Amazon feed id is unknown.
    ///
    /// Each such submission's feed, if Amazon created it, was created inside its window: from the record
    /// (written before any call) to the end of the `createFeed` attempt (`finished_at`, written when the
    /// answer was lost) or, after a crash, the longest a submission can take. A submission is settled once
    /// no worker can still be submitting it: no feed of the type that no record claims in its window →
    /// nothing at Amazon, the entries go again; such a feed in no other open submission's window → adopted;
    /// shared with submissions still in flight → wait; shared with settled ones only → held.
    async fn reconcile_lost_feeds(
        &self,
        rt: &ConnectionRuntime,
        feed_type: &str,
        records: Vec<FeedRecord>,
        now: DateTime<Utc>,
        report: &mut ReconcileReport,
    ) -> Result<(), EngineError> {
        let grace = self.feed_grace(rt);
        let slack = Duration::seconds(FEED_CLOCK_SLACK_SECONDS);
        let window = |r: &FeedRecord| {
            (
                r.submitted_at - slack,
                r.finished_at.unwrap_or(r.submitted_at + grace) + slack,
            )
        };
        let settleable = |r: &FeedRecord| match r.finished_at {
            Some(t) => t <= now - self.config.claim_ttl,
            None => r.submitted_at <= now - grace,
        };
        // (record, open entries, settleable now)
        let mut lost: Vec<(FeedRecord, Vec<OutboxEntry>, bool)> = Vec::new();
        for mut record in records {
            if !settleable(&record) {
                lost.push((record, Vec::new(), false));
                continue;
            }
            report.examined += 1;
            let open = self.open_entries(&record).await?;
            if open.is_empty() {
                record.status = FeedStatus::Cancelled;
                record.finished_at = Some(now);
                self.store.update_feed(&record).await?;
                report.closed += 1;
            } else {
                lost.push((record, open, true));
            }
        }
        let Some(since) = lost.iter().filter(|l| l.2).map(|l| window(&l.0).0).min() else {
            return Ok(());
        };
        let since = lost.iter().map(|l| window(&l.0).0).fold(since, DateTime::min);
        let listed: Result<Vec<_>, _> = GetFeeds::new(&rt.client)
            .feed_types([feed_type])
            .created_since(since)
            .page_size(100)
            .feeds()
            .try_collect()
            .await;
        let listed = match listed {
            Ok(l) => l,
            Err(e) => {
                tracing::warn!(connection = %rt.connection.id, feed_type, error = %e, "cannot list Amazon's feeds; submissions with a lost createFeed answer stay open");
                report.unsettled += lost.iter().filter(|l| l.2).count();
                return Ok(());
            }
        };
        let history = self.history(&rt.connection.id).await?;
        let known = history.known_feed_ids();
        // Feeds Amazon has that no record of ours claims, oldest first.
        let mut candidates: Vec<(String, DateTime<Utc>)> = listed
            .into_iter()
            .filter_map(|f| Some((f.feed_id?.as_str().to_owned(), f.created_time?)))
            .filter(|(id, _)| !known.contains(id.as_str()))
            .collect();
        candidates.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        let windows: Vec<(String, Window, bool)> = lost
            .iter()
            .map(|(r, _, settle)| (r.id.clone(), window(r), *settle))
            .collect();
        let inside = |t: DateTime<Utc>, w: Window| t >= w.0 && t <= w.1;
        for (mut record, open, settle) in lost {
            if !settle {
                continue;
            }
            let mine = window(&record);
            let in_window: Vec<&(String, DateTime<Utc>)> =
                candidates.iter().filter(|(_, t)| inside(*t, mine)).collect();
            if in_window.is_empty() {
                // Amazon created no feed of this type while this submission could have: it never got it.
                for e in &open {
                    report.resubmitted += 1;
                    self.store.retry_at(&e.id, now).await?;
                }
                record.status = FeedStatus::Cancelled;
                record.finished_at = Some(now);
                self.store.update_feed(&record).await?;
                continue;
            }
            let others = |t: DateTime<Utc>| {
                windows
                    .iter()
                    .filter(|(id, w, _)| *id != record.id && inside(t, *w))
                    .map(|(_, _, settle)| *settle)
                    .collect::<Vec<bool>>()
            };
            if let Some((feed_id, _)) = in_window.iter().find(|(_, t)| others(*t).is_empty()) {
                tracing::info!(record = %record.id, feed = %feed_id, "adopted the feed Amazon created for a submission whose answer was lost");
                record.amazon_feed_id = Some(feed_id.clone());
                record.finished_at = None;
                self.store.update_feed(&record).await?;
                report.adopted += 1;
                continue;
            }
            if in_window
                .iter()
                .any(|(_, t)| others(*t).iter().any(|settle| !settle))
            {
                // Another submission that may own the feed is still in flight: decide later.
                report.unsettled += 1;
                continue;
            }
            // The feed may be this submission's or another lost one's. Hold the entries rather than risk
            // confirming twice.
            let message = format!(
                "Amazon may already have this entry: a {feed_type} feed was created while submission {} was \
                 being sent, its createFeed answer was lost, and the feed cannot be told apart from another \
                 lost submission's. Check the feeds in Seller Central, then retry the entry by hand if Amazon \
                 does not have it",
                record.id
            );
            for e in &open {
                report.held += 1;
                self.store.mark_failed(&e.id, &message, true).await?;
            }
            record.status = FeedStatus::Fatal;
            record.finished_at = Some(now);
            self.store.update_feed(&record).await?;
        }
        Ok(())
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
            let mut history: Option<History> = None;
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
                        if history.is_none() {
                            history = Some(self.history(&rt.connection.id).await?);
                        }
                        let submissions =
                            |id: &OutboxId| history.as_ref().map_or(1, |h| h.submissions(id).max(1));
                        for o in &outcome.entries {
                            match &o.status {
                                OutboxStatus::Done => {
                                    report.done += 1;
                                    self.store.mark_done(std::slice::from_ref(&o.entry)).await?;
                                }
                                OutboxStatus::Failed {
                                    message,
                                    retryable: true,
                                } => {
                                    let attempts = submissions(&o.entry);
                                    if attempts < self.config.max_attempts {
                                        report.retrying += 1;
                                        self.store
                                            .retry_at(&o.entry, now + self.config.backoff(attempts))
                                            .await?;
                                    } else {
                                        report.failed += 1;
                                        self.store.mark_failed(&o.entry, message, true).await?;
                                    }
                                }
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

/// Each shipment entry's `packageReferenceId`: its position (from 1) among the shipment entries of its
/// order, oldest first. It never changes between attempts, and two packages of an order never share one.
fn package_references<'a>(entries: impl Iterator<Item = &'a OutboxEntry>) -> HashMap<OutboxId, u32> {
    let mut by_order: BTreeMap<AmazonOrderId, BTreeMap<(DateTime<Utc>, OutboxId), ()>> = BTreeMap::new();
    for e in entries {
        if let OutboxPayload::ShipmentConfirmation { shipment, .. } = &e.payload {
            by_order
                .entry(shipment.order_id.clone())
                .or_default()
                .insert((e.created_at, e.id.clone()), ());
        }
    }
    let mut out = HashMap::new();
    for packages in by_order.into_values() {
        for (i, ((_, id), ())) in packages.into_iter().enumerate() {
            out.insert(id, u32::try_from(i + 1).unwrap_or(u32::MAX));
        }
    }
    out
}

/// The planner's `confirmShipment` body with the package's stable reference (unchanged when the body is
/// not the JSON expected).
fn with_package_reference(body: &str, reference: Option<u32>) -> String {
    let Some(reference) = reference else {
        return body.to_owned();
    };
    let Ok(mut v) = serde_json::from_str::<serde_json::Value>(body) else {
        return body.to_owned();
    };
    match v.get_mut("packageDetail").and_then(|p| p.as_object_mut()) {
        Some(detail) => {
            detail.insert(
                "packageReferenceId".to_owned(),
                serde_json::Value::String(reference.to_string()),
            );
            v.to_string()
        }
        None => body.to_owned(),
    }
}

/// Sends one `confirmShipment` call with `body` (the planner's, with the stable package reference).
async fn send_confirmation(
    client: &SpApiClient,
    call: &ConfirmShipmentCall,
    body: String,
) -> Result<(), amazon_spapi::error::Error> {
    let path = fill_path(CONFIRM_SHIPMENT.path, &[("orderId", call.order_id.as_str())]);
    let req = ApiRequest::new(path).json_body(body.into_bytes().into());
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

/// Whether a failed call may succeed later: what the client calls retryable, and Amazon's 403 "Access to
/// requested resource is forbidden", its answer to sustained throttling (the client retries it only after
/// a 429 in the same call, but a storm shows it on the first attempt of the next call). Such entries come
/// back with backoff until the attempt limit.
fn worth_retrying(e: &amazon_spapi::error::Error) -> bool {
    match e {
        amazon_spapi::error::Error::Api(api) if api.status.as_u16() == 403 => api
            .errors
            .iter()
            .any(|x| amazon_spapi::retry::is_sustained_throttling_message(&x.message)),
        _ => e.is_retryable(),
    }
}

/// Whether a failed feed submission may nevertheless have created the feed: the failure happened in
/// `createFeed` after the request may have reached Amazon (a reset or timeout, a 5xx other than 503, or a
/// 2xx answer that could not be read). Throttling, 503 and 4xx answers, and failures of the earlier steps
/// (`createFeedDocument`, the upload), mean Amazon created nothing.
fn feed_outcome_unknown(e: &amazon_spapi::error::Error) -> bool {
    use amazon_spapi::error::Error;
    let create_feed = CREATE_FEED.key();
    match e {
        Error::Api(api) => {
            api.operation == create_feed && api.status.is_server_error() && api.status.as_u16() != 503
        }
        Error::Transport {
            operation, source, ..
        } => {
            *operation == create_feed
                && !matches!(
                    source.kind,
                    TransportErrorKind::Connect | TransportErrorKind::Request
                )
        }
        Error::Timeout { operation, .. } => *operation == create_feed,
        Error::Decode(d) => d.operation == create_feed,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn package_reference_is_rewritten_in_the_body() {
        let body = r#"{"marketplaceId":"ATVPDKIKX0DER","packageDetail":{"packageReferenceId":"1","carrierCode":"UPS"}}"#;
        let out = with_package_reference(body, Some(3));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["packageDetail"]["packageReferenceId"], "3");
        assert_eq!(v["packageDetail"]["carrierCode"], "UPS");
        assert_eq!(with_package_reference("not json", Some(2)), "not json");
        assert_eq!(with_package_reference(body, None), body);
    }

    /// An HTTP status of whatever type the client's errors use.
    fn status_code<T: TryFrom<u16>>(n: u16) -> T {
        match T::try_from(n) {
            Ok(s) => s,
            Err(_) => panic!("{n} is not an HTTP status"),
        }
    }

    #[test]
    fn lost_create_feed_answers_are_told_from_refusals() {
        use amazon_spapi::error::{ApiError, Error, TransportError};
        let api = |op: String, status: u16| {
            Error::Api(Box::new(ApiError {
                operation: op,
                status: status_code(status),
                errors: Vec::new(),
                request_id: None,
                rate_limit: None,
                attempts: 1,
            }))
        };
        let create = CREATE_FEED.key();
        assert!(feed_outcome_unknown(&api(create.clone(), 500)));
        assert!(!feed_outcome_unknown(&api(create.clone(), 503)));
        assert!(!feed_outcome_unknown(&api(create.clone(), 400)));
        assert!(!feed_outcome_unknown(&api(
            "feeds/2021-06-30/createFeedDocument".into(),
            500
        )));
        let transport = |kind| Error::Transport {
            operation: create.clone(),
            attempts: 1,
            source: TransportError::new(kind, "x"),
        };
        assert!(feed_outcome_unknown(&transport(TransportErrorKind::Reset)));
        assert!(!feed_outcome_unknown(&transport(TransportErrorKind::Connect)));
        assert!(!feed_outcome_unknown(&Error::Throttled {
            operation: create,
            retry_after: None,
            attempts: 5,
            request_id: None,
            rate_limit: None,
        }));
    }
}
