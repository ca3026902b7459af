//! Import: the incremental order import of one connection, and backfill in windows.

use std::collections::{HashMap, HashSet};

use amazon_spapi::auth::SecretString;
use amazon_spapi::client::SpApiClient;
use amazon_spapi::operation::ApiRequest;
use amazon_spapi::orders_2026_01_01::{self as v2026, IncludedData, SearchOrders};
use amazon_spapi::orders_v0::{self as v0, DataElement, GetOrderItems, GetOrders};
use chrono::{DateTime, Duration, Utc};
use futures::{StreamExt, TryStreamExt};

use super::{ConnectionRuntime, Engine, EngineError};
use crate::adapter::{self, AdapterContext};
use crate::domain::{
    AmazonOrderStatus, ConnectionId, FulfillmentChannel, HubStatus, InventoryItem, Order, OrdersApiVersion,
    OutboxId, OutboxPayload,
};
use crate::policy::import::{ImportContext, ImportDecision, PolicyEvent};
use crate::ports::{ChangeSet, Cursor, UpsertOutcome};

/// Cursor scope of the incremental order import (`position` is the next `LastUpdatedAfter`).
pub const ORDERS_SCOPE: &str = "orders";

/// Cursor scope of a backfill (`position` is how far it got; `token` is the date it started from).
pub const BACKFILL_SCOPE: &str = "orders-backfill";

/// Amazon refuses `LastUpdatedBefore` values less than two minutes in the past; the engine keeps this much
/// more margin.
const BEFORE_MARGIN_SECONDS: i64 = 2 * 60 + 5;

/// Per-order calls (Orders v0 `getOrderItems`) in flight at once. The client's limiter spaces them by the
/// usage plan; several in flight keep the bucket busy while one waits for its answer. Kept below the
/// smallest burst of the per-order operations (30), so the limiter hears Amazon's first answer before it
/// hands out a slot past the burst.
const PER_ORDER_CONCURRENCY: usize = 8;

/// Metadata keys the engine writes from an import decision (the decision's fields that are not order
/// fields).
pub mod decision_keys {
    /// The fulfillment service the order is routed to.
    pub const ROUTE_TO: &str = "route_to";
    /// Hold until (RFC 3339).
    pub const HOLD_UNTIL: &str = "hold_until";
    /// The integrator's shipping method.
    pub const SHIPPING_METHOD: &str = "shipping_method";
    /// The integrator's payment type.
    pub const PAYMENT_TYPE: &str = "payment_type";
    /// The hub's invoice number.
    pub const INVOICE_NUMBER: &str = "invoice_number";
    /// The hub's order number (the connection's prefix and Amazon's order id).
    pub const ORDER_NUMBER: &str = "order_number";
    /// Set to `1` when a cancellation put the order's units back into the hub's stock.
    pub const RESTOCKED: &str = "restocked";
    /// When the hub first imported the order (RFC 3339, the engine's clock); set once, never changed.
    /// Retention counts from it.
    pub const IMPORTED_AT: &str = "imported_at";
}

/// What an import (or one page of it) did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Pages received.
    pub pages: u32,
    /// Orders Amazon returned (repeats included).
    pub seen: u64,
    /// New orders written.
    pub imported: u64,
    /// Known orders that changed at Amazon and were updated.
    pub updated: u64,
    /// Known orders returned again without a change.
    pub unchanged: u64,
    /// New orders the import policy skipped.
    pub skipped: u64,
    /// Orders Amazon returned that could not be mapped (missing required fields).
    pub unmappable: u64,
    /// Known orders canceled at Amazon during this run.
    pub canceled: u64,
    /// Canceled orders whose units went back into the hub's stock.
    pub restocked: u64,
    /// Where the cursor stands after the run.
    pub cursor: Option<DateTime<Utc>>,
}

impl ImportReport {
    fn add(&mut self, other: &ImportReport) {
        self.pages += other.pages;
        self.seen += other.seen;
        self.imported += other.imported;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.skipped += other.skipped;
        self.unmappable += other.unmappable;
        self.canceled += other.canceled;
        self.restocked += other.restocked;
        if other.cursor.is_some() {
            self.cursor = other.cursor;
        }
    }
}

/// Where a backfill stands, handed to the progress callback after every committed page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackfillProgress {
    /// Orders Amazon returned so far in this run.
    pub orders_seen: u64,
    /// New orders imported so far in this run.
    pub imported: u64,
    /// Orders the import policy skipped so far in this run.
    pub skipped: u64,
    /// The window being walked.
    pub window_start: DateTime<Utc>,
    /// Its end.
    pub window_end: DateTime<Utc>,
    /// How far the backfill has committed.
    pub position: DateTime<Utc>,
    /// Where it ends (the present, less Amazon's two-minute margin).
    pub end: DateTime<Utc>,
    /// Windows not yet finished, the current one included.
    pub windows_left: u32,
}

impl BackfillProgress {
    /// The share of the time range done, 0.0 to 1.0 (for a progress bar).
    pub fn fraction(&self, from: DateTime<Utc>) -> f64 {
        let total = (self.end - from).num_seconds();
        if total <= 0 {
            return 1.0;
        }
        let done = (self.position - from).num_seconds().clamp(0, total);
        #[allow(clippy::cast_precision_loss)]
        let f = done as f64 / total as f64;
        f
    }
}

/// What a backfill did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackfillReport {
    /// Totals of this run.
    pub import: ImportReport,
    /// Where this run started (later than `from` when it resumed an interrupted backfill).
    pub started_at: Option<DateTime<Utc>>,
    /// Where it ended.
    pub ended_at: Option<DateTime<Utc>>,
    /// Windows walked in this run.
    pub windows: u32,
    /// Whether it resumed an interrupted backfill.
    pub resumed: bool,
}

/// One page of an order list, mapped.
struct MappedPage {
    orders: Vec<Order>,
    unmappable: u64,
    next_token: Option<String>,
    last_updated_before: Option<DateTime<Utc>>,
    /// Set when a per-order call failed: `orders` then holds the orders listed before the one that
    /// failed, and the walk commits them, keeps its cursor at or before the earliest `LastUpdateDate` of
    /// the orders it could not fetch, and stops with the error.
    cut_short: Option<CutShort>,
}

/// Why and where a page was cut short.
struct CutShort {
    error: EngineError,
    /// The earliest `LastUpdateDate` among the orders not fetched (`None` when Amazon sent none).
    earliest_left: Option<DateTime<Utc>>,
}

/// One page of an order list as Amazon sent it, before the per-order calls.
enum ListPage {
    /// Orders v0: the items still have to be fetched order by order.
    V0(v0::OrdersList),
    /// Orders 2026-01-01: the orders carry their items.
    Mapped(MappedPage),
}

impl ListPage {
    fn next_token(&self) -> Option<String> {
        match self {
            ListPage::V0(list) => list.next_token.clone().filter(|t| !t.is_empty()),
            ListPage::Mapped(page) => page.next_token.clone(),
        }
    }
}

/// Where a walk commits its cursor.
struct WalkTarget<'a> {
    scope: &'a str,
    token: Option<String>,
    lease: Option<&'a str>,
}

impl Engine {
    /// Imports the orders of one connection changed since its cursor: every page is committed with its
    /// outbox entries and the cursor in one transaction; the cursor ends at Amazon's `LastUpdatedBefore`.
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`], [`EngineError::NoMarketplace`], [`EngineError::Busy`] when
    /// another worker imports the connection, [`EngineError::Amazon`] and [`EngineError::Store`] (pages
    /// committed before the error stay committed; the next run continues from the cursor).
    pub async fn import_connection(&self, connection_id: &ConnectionId) -> Result<ImportReport, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("import:{connection_id}");
        let now = self.now();
        if self
            .store
            .acquire_lease(&lease, &self.config.worker_id, now, self.config.lease_ttl)
            .await?
            .is_none()
        {
            return Err(EngineError::Busy { lease });
        }
        let result = self.import_locked(rt, &lease, now).await;
        // A failed release only delays the next worker until the lease expires.
        if let Err(e) = self.store.release_lease(&lease, &self.config.worker_id).await {
            tracing::warn!(connection = %connection_id, error = %e, "could not release the import lease");
        }
        result
    }

    async fn import_locked(
        &self,
        rt: &ConnectionRuntime,
        lease: &str,
        now: DateTime<Utc>,
    ) -> Result<ImportReport, EngineError> {
        let settings = &rt.connection.settings;
        let cursor = self.store.get_cursor(&rt.connection.id, ORDERS_SCOPE).await?;
        let after = cursor
            .and_then(|c| c.position)
            .or(settings.import_from)
            .unwrap_or_else(|| now - Duration::days(i64::from(settings.history_days.max(1))));
        let target = WalkTarget {
            scope: ORDERS_SCOPE,
            token: None,
            lease: Some(lease),
        };
        let mut report = ImportReport::default();
        let mut no_progress = |_: &ImportReport, _: DateTime<Utc>| {};
        self.walk(rt, after, None, &target, &mut report, &mut no_progress)
            .await?;
        tracing::info!(
            connection = %rt.connection.id,
            pages = report.pages,
            seen = report.seen,
            imported = report.imported,
            updated = report.updated,
            skipped = report.skipped,
            "order import finished"
        );
        Ok(report)
    }

    /// Imports every order changed from `from` to the present, one window ([`super::EngineConfig::backfill_window`])
    /// at a time, calling `progress` after every committed page. An interrupted backfill from the same
    /// date resumes where it committed last. When it reaches the present it also moves the incremental
    /// import's cursor forward, if that one had not got that far.
    ///
    /// # Errors
    /// As [`Engine::import_connection`]; rerun the backfill with the same `from` to resume.
    pub async fn backfill(
        &self,
        connection_id: &ConnectionId,
        from: DateTime<Utc>,
        progress: &mut (dyn FnMut(&BackfillProgress) + Send),
    ) -> Result<BackfillReport, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("import:{connection_id}");
        let now = self.now();
        if self
            .store
            .acquire_lease(&lease, &self.config.worker_id, now, self.config.lease_ttl)
            .await?
            .is_none()
        {
            return Err(EngineError::Busy { lease });
        }
        let result = self.backfill_locked(rt, from, &lease, now, progress).await;
        if let Err(e) = self.store.release_lease(&lease, &self.config.worker_id).await {
            tracing::warn!(connection = %connection_id, error = %e, "could not release the import lease");
        }
        result
    }

    async fn backfill_locked(
        &self,
        rt: &ConnectionRuntime,
        from: DateTime<Utc>,
        lease: &str,
        now: DateTime<Utc>,
        progress: &mut (dyn FnMut(&BackfillProgress) + Send),
    ) -> Result<BackfillReport, EngineError> {
        let id = &rt.connection.id;
        let token = from.to_rfc3339();
        let saved = self.store.get_cursor(id, BACKFILL_SCOPE).await?;
        let resume = saved
            .filter(|c| c.token.as_deref() == Some(token.as_str()))
            .and_then(|c| c.position)
            .filter(|p| *p > from);
        let end = now - Duration::seconds(BEFORE_MARGIN_SECONDS);
        let window = if self.config.backfill_window > Duration::zero() {
            self.config.backfill_window
        } else {
            Duration::days(1)
        };
        let mut position = resume.unwrap_or(from);
        let mut report = BackfillReport {
            started_at: Some(position),
            resumed: resume.is_some(),
            ..BackfillReport::default()
        };
        let target = WalkTarget {
            scope: BACKFILL_SCOPE,
            token: Some(token),
            lease: Some(lease),
        };
        while position < end {
            let window_end = (position + window).min(end);
            let windows_left = windows_between(position, end, window);
            let window_start = position;
            let totals = report.import.clone();
            let mut on_page = |page_totals: &ImportReport, at: DateTime<Utc>| {
                progress(&BackfillProgress {
                    orders_seen: totals.seen + page_totals.seen,
                    imported: totals.imported + page_totals.imported,
                    skipped: totals.skipped + page_totals.skipped,
                    window_start,
                    window_end,
                    position: at,
                    end,
                    windows_left,
                });
            };
            let mut window_report = ImportReport::default();
            position = self
                .walk(
                    rt,
                    position,
                    Some(window_end),
                    &target,
                    &mut window_report,
                    &mut on_page,
                )
                .await?
                .max(window_end);
            report.import.add(&window_report);
            report.windows += 1;
        }
        report.ended_at = Some(position.max(end));
        // Hand over to the incremental import when the backfill covered its starting point.
        let main = self.store.get_cursor(id, ORDERS_SCOPE).await?;
        let move_main = match main.as_ref().and_then(|c| c.position) {
            None => true,
            Some(p) => p >= from && p < end,
        };
        if move_main && end > from {
            let changes = ChangeSet::new()
                .cursor(Cursor::new(id.clone(), ORDERS_SCOPE, Some(end), now))
                .require_lease(lease, &self.config.worker_id, self.now());
            self.store.commit(changes).await?;
        }
        Ok(report)
    }

    /// Walks the order list from `after` (to `before`, or the present), committing page by page.
    /// Returns the cursor position reached.
    async fn walk(
        &self,
        rt: &ConnectionRuntime,
        after: DateTime<Utc>,
        before: Option<DateTime<Utc>>,
        target: &WalkTarget<'_>,
        report: &mut ImportReport,
        on_page: &mut (dyn FnMut(&ImportReport, DateTime<Utc>) + Send),
    ) -> Result<DateTime<Utc>, EngineError> {
        let id = &rt.connection.id;
        if rt.connection.marketplaces.is_empty() {
            return Err(EngineError::NoMarketplace {
                connection_id: id.clone(),
            });
        }
        let mut inventory: HashMap<String, InventoryItem> = self
            .store
            .list_items()
            .await?
            .into_iter()
            .map(|i| (i.sku.clone(), i))
            .collect();
        let mut position = after;
        let mut upper: Option<DateTime<Utc>> = before;
        let mut current = self.fetch_list(rt, after, before, None).await?;
        loop {
            // The per-order calls of this page and the listing call of the next one use different usage
            // plans: run them together, so neither bucket waits for the other.
            let next_token = current.next_token();
            let (page, next) = futures::join!(self.complete_page(rt, current), async {
                match next_token {
                    Some(t) => Some(self.fetch_list(rt, after, before, Some(t)).await),
                    None => None,
                }
            });
            let page = page?;
            report.pages += 1;
            report.unmappable += page.unmappable;
            if let Some(b) = page.last_updated_before {
                upper = Some(before.map_or(b, |x| x.min(b)));
            }
            let now = self.now();
            let mut changes = ChangeSet::new();
            let mut touched: HashSet<String> = HashSet::new();
            let mut newest: Option<DateTime<Utc>> = None;
            let mut page_ids: HashSet<String> = HashSet::new();
            let mut orders = page.orders;
            orders.sort_by_key(|o| o.dates.last_updated);
            for order in orders {
                report.seen += 1;
                // Amazon lists the orders by their LastUpdateDate when the walk started but shows each as
                // it is now: an order changed since (its date is past LastUpdatedBefore) may have been
                // listed by an earlier date, and orders on later pages may come before its new date. Only
                // dates up to LastUpdatedBefore are dates the listing was sorted by, so only they move the
                // cursor; it never passes an order still to come.
                if upper.is_none_or(|u| order.dates.last_updated <= u) {
                    newest =
                        Some(newest.map_or(order.dates.last_updated, |n| n.max(order.dates.last_updated)));
                }
                if !page_ids.insert(order.id.as_str().to_owned()) {
                    report.unchanged += 1;
                    continue;
                }
                self.judge(rt, order, now, &mut inventory, &mut touched, &mut changes, report)
                    .await?;
            }
            // Never past the answer's LastUpdatedBefore: orders changed after it come in the next run.
            if let Some(n) = newest {
                let mut capped = upper.map_or(n, |u| n.min(u));
                // Nor past an order of this page that could not be fetched.
                if let Some(left) = page.cut_short.as_ref().and_then(|c| c.earliest_left) {
                    capped = capped.min(left);
                }
                position = position.max(capped);
            }
            let more = page.next_token.is_some();
            if !more && page.cut_short.is_none() {
                if let Some(u) = upper {
                    position = position.max(u);
                }
            }
            for sku in &touched {
                if let Some(item) = inventory.get(sku) {
                    changes = changes.inventory(item.clone());
                }
            }
            changes = changes.cursor(Cursor {
                connection_id: id.clone(),
                scope: target.scope.to_owned(),
                position: Some(position),
                token: target.token.clone(),
                updated_at: now,
            });
            if let Some(lease) = target.lease {
                // Renew the lease page by page, so a long walk keeps it; commit only while holding it.
                if self
                    .store
                    .acquire_lease(lease, &self.config.worker_id, now, self.config.lease_ttl)
                    .await?
                    .is_none()
                {
                    return Err(EngineError::Busy {
                        lease: lease.to_owned(),
                    });
                }
                changes = changes.require_lease(lease, &self.config.worker_id, now);
            }
            let committed = self.store.commit(changes).await?;
            // The store has the last word on what was written (another writer may have been first).
            report.imported += committed.count(UpsertOutcome::Inserted) as u64;
            report.updated += committed.count(UpsertOutcome::Updated) as u64;
            report.unchanged +=
                (committed.count(UpsertOutcome::Unchanged) + committed.count(UpsertOutcome::Stale)) as u64;
            report.cursor = Some(position);
            on_page(report, position);
            if let Some(cut) = page.cut_short {
                // The listing call for the next page may have run; its answer is dropped.
                tracing::info!(
                    connection = %id,
                    seen = report.seen,
                    "page cut short by a failed per-order call; the orders listed before it are committed"
                );
                return Err(cut.error);
            }
            match next {
                Some(next) => current = next?,
                None => break,
            }
        }
        Ok(position)
    }

    /// Decides what one order Amazon returned becomes, adding it (and what it causes) to `changes`.
    #[allow(clippy::too_many_arguments)]
    async fn judge(
        &self,
        rt: &ConnectionRuntime,
        mut order: Order,
        now: DateTime<Utc>,
        inventory: &mut HashMap<String, InventoryItem>,
        touched: &mut HashSet<String>,
        changes: &mut ChangeSet,
        report: &mut ImportReport,
    ) -> Result<(), EngineError> {
        let settings = &rt.connection.settings;
        let stored = self.store.get_order(&order.id).await?;
        match stored {
            None => {
                let decision = {
                    let ctx = ImportContext::new(settings, &*inventory, now);
                    self.import_policy.decide(&order, &ctx)
                };
                if let Some(reason) = decision.skip_reason() {
                    tracing::debug!(order = %order.id, reason = %reason, "order skipped");
                    report.skipped += 1;
                    return Ok(());
                }
                if let Some(folder) = &settings.new_order_folder {
                    order.folder = Some(folder.clone());
                }
                apply_decision(&decision, &mut order);
                if let Some(prefix) = &settings.order_number_prefix {
                    order
                        .metadata
                        .set(decision_keys::ORDER_NUMBER, format!("{prefix}{}", order.id));
                }
                if holds_stock(&order) {
                    for line in &order.lines {
                        if let Some(item) = line.sku.as_ref().and_then(|s| inventory.get_mut(s)) {
                            item.quantity -= i64::from(line.quantity_unshipped());
                            touched.insert(item.sku.clone());
                        }
                    }
                }
                order.metadata.set(decision_keys::IMPORTED_AT, now.to_rfc3339());
                changes.orders.push((order, crate::ports::WriteMode::Import));
            }
            Some(old) if old.dates.last_updated >= order.dates.last_updated => {
                report.unchanged += 1;
            }
            Some(old) => {
                let newly_canceled = order.amazon_status == AmazonOrderStatus::Canceled
                    && old.amazon_status != AmazonOrderStatus::Canceled;
                let mut merged = merge(&old, order);
                let decision = {
                    let ctx = ImportContext::new(settings, &*inventory, now);
                    let event = if newly_canceled {
                        PolicyEvent::OrderCanceled(&merged)
                    } else {
                        PolicyEvent::OrderChanged(&merged)
                    };
                    self.import_policy.on_event(event, &ctx)
                };
                apply_decision(&decision, &mut merged);
                if newly_canceled {
                    merged.hub_status = HubStatus::Canceled;
                    report.canceled += 1;
                    if holds_stock(&old) {
                        self.restock(rt, &old, now, inventory, touched, changes);
                        merged.metadata.set(decision_keys::RESTOCKED, "1");
                        report.restocked += 1;
                    }
                }
                if old.redacted_at.is_some() {
                    // Personal data redacted once never comes back through a later import.
                    let _ = self.redaction.redact(&mut merged, old.redacted_at.unwrap_or(now));
                }
                changes.orders.push((merged, crate::ports::WriteMode::Import));
            }
        }
        Ok(())
    }

    /// Puts the unshipped units of a canceled order back into the hub's stock and queues the new
    /// quantity for Amazon, in the same change set.
    fn restock(
        &self,
        rt: &ConnectionRuntime,
        old: &Order,
        now: DateTime<Utc>,
        inventory: &mut HashMap<String, InventoryItem>,
        touched: &mut HashSet<String>,
        changes: &mut ChangeSet,
    ) {
        for line in &old.lines {
            let Some(item) = line.sku.as_ref().and_then(|s| inventory.get_mut(s)) else {
                continue;
            };
            item.quantity += i64::from(line.quantity_unshipped());
            touched.insert(item.sku.clone());
            if item.channel == FulfillmentChannel::Amazon {
                continue;
            }
            let quantity = u32::try_from(item.quantity.max(0)).unwrap_or(u32::MAX);
            changes.outbox.push(
                rt.pending_entry(
                    OutboxId::new(uuid::Uuid::new_v4().to_string()),
                    OutboxPayload::InventoryUpdate {
                        marketplace_id: old.marketplace_id.clone(),
                        sku: item.sku.clone(),
                        quantity,
                        handling_time_days: item
                            .handling_time_days
                            .or(rt.connection.settings.default_handling_time_days),
                    },
                    now,
                ),
            );
        }
    }

    /// One page of the order list, through the Orders API the connection is set to (Orders v0: without
    /// the items yet, see [`Engine::complete_page`]).
    async fn fetch_list(
        &self,
        rt: &ConnectionRuntime,
        after: DateTime<Utc>,
        before: Option<DateTime<Utc>>,
        token: Option<String>,
    ) -> Result<ListPage, EngineError> {
        let id = &rt.connection.id;
        let amazon = |during: &'static str| {
            move |source| EngineError::Amazon {
                connection_id: id.clone(),
                during,
                source: Box::new(source),
            }
        };
        let mps: Vec<String> = rt
            .connection
            .marketplaces
            .iter()
            .map(|m| m.as_str().to_owned())
            .collect();
        let pii = self.wants_personal_data(rt);
        let size = self.config.page_size.clamp(1, 100);
        match rt.connection.settings.orders_api {
            OrdersApiVersion::V0 => {
                let mut req = GetOrders::new(&rt.client)
                    .marketplace_ids(mps)
                    .last_updated_after(after)
                    .max_results_per_page(size);
                if let Some(b) = before {
                    req = req.last_updated_before(b);
                }
                if pii {
                    req = req.data_elements([DataElement::ShippingAddress, DataElement::BuyerInfo]);
                }
                if let Some(t) = token {
                    req = req.next_token(t);
                }
                let list = req.send().await.map_err(amazon("getOrders"))?;
                Ok(ListPage::V0(list))
            }
            OrdersApiVersion::V2026_01_01 => {
                let mut req = SearchOrders::new(&rt.client)
                    .marketplace_ids(mps)
                    .last_updated_after(after)
                    .max_results_per_page(size)
                    .included_data([
                        IncludedData::Fulfillment,
                        IncludedData::Proceeds,
                        IncludedData::Cancellation,
                        IncludedData::Promotion,
                    ]);
                if pii {
                    req = req.included_data([IncludedData::Buyer, IncludedData::Recipient]);
                }
                if let Some(b) = before {
                    req = req.last_updated_before(b);
                }
                if let Some(t) = token {
                    req = req.pagination_token(t);
                }
                let answer = req.send().await.map_err(amazon("searchOrders"))?;
                let next_token = answer
                    .pagination
                    .as_ref()
                    .and_then(|p| p.next_token.clone())
                    .filter(|t| !t.is_empty());
                let ctx = rt.adapter_context();
                let mut orders = Vec::with_capacity(answer.orders.len());
                let mut unmappable = 0;
                for o in &answer.orders {
                    match map_2026(&ctx, o) {
                        Some(order) => orders.push(order),
                        None => unmappable += 1,
                    }
                }
                Ok(ListPage::Mapped(MappedPage {
                    orders,
                    unmappable,
                    next_token,
                    last_updated_before: answer.last_updated_before,
                    cut_short: None,
                }))
            }
        }
    }

    /// Whether the import asks for buyers' personal data on this connection.
    fn wants_personal_data(&self, rt: &ConnectionRuntime) -> bool {
        self.config.personal_data && rt.missing_role.is_none()
    }

    /// Makes the orders of a page: for Orders v0, fetches every order's items, up to
    /// [`PER_ORDER_CONCURRENCY`] calls at once (the client's limiter spaces them), keeping the page's order.
    async fn complete_page(&self, rt: &ConnectionRuntime, page: ListPage) -> Result<MappedPage, EngineError> {
        let list = match page {
            ListPage::Mapped(page) => return Ok(page),
            ListPage::V0(list) => list,
        };
        let pii = self.wants_personal_data(rt);
        // One Restricted Data Token for the generic path serves every order (Amazon accepts
        // `{orderId}` in the path); without it every order would cost a createRestrictedDataToken call.
        // When Amazon refuses it, each call fetches its own token and reports the refusal itself.
        let generic_rdt = pii
            && match generic_items_rdt(&rt.client).await {
                Ok(token) => token.is_some(),
                Err(e) => {
                    tracing::debug!(error = %e, "no Restricted Data Token for every order's items; one per order");
                    false
                }
            };
        // Owned ids, so the stream's closure borrows nothing from the list (keeps the walk `Send`).
        let ids: Vec<Option<v0::AmazonOrderId>> =
            list.orders.iter().map(|o| o.amazon_order_id.clone()).collect();
        let mut calls = futures::stream::iter(ids)
            .map(|oid| self.order_items(rt, oid, pii, generic_rdt))
            .buffered(PER_ORDER_CONCURRENCY);
        // The answers come in the page's order; at the first failure the orders before it are kept (a
        // storm that throttles one call must not throw away the page, or every run would hit the same
        // wall) and the calls still in flight are dropped.
        let mut items: Vec<Vec<v0::OrderItem>> = Vec::with_capacity(list.orders.len());
        let mut failure = None;
        while let Some(answer) = calls.next().await {
            match answer {
                Ok(i) => items.push(i),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        drop(calls);
        let cut_short = failure.map(|error| CutShort {
            error,
            earliest_left: list.orders[items.len()..]
                .iter()
                .filter_map(|o| o.last_update_date)
                .min(),
        });
        let ctx = rt.adapter_context();
        let mut orders = Vec::with_capacity(items.len());
        let mut unmappable = 0;
        for (o, items) in list.orders.iter().zip(&items) {
            match map_v0(&ctx, o, items) {
                Some(order) => orders.push(order),
                None => unmappable += 1,
            }
        }
        Ok(MappedPage {
            orders,
            unmappable,
            // A page cut short is the last one this run commits.
            next_token: if cut_short.is_some() {
                None
            } else {
                list.next_token.filter(|t| !t.is_empty())
            },
            last_updated_before: list.last_updated_before,
            cut_short,
        })
    }

    /// Every item of one Orders v0 order (none when Amazon left the order id out).
    async fn order_items(
        &self,
        rt: &ConnectionRuntime,
        order_id: Option<v0::AmazonOrderId>,
        pii: bool,
        generic_rdt: bool,
    ) -> Result<Vec<v0::OrderItem>, EngineError> {
        let Some(oid) = order_id else {
            return Ok(Vec::new());
        };
        let amazon = |source| EngineError::Amazon {
            connection_id: rt.connection.id.clone(),
            during: "getOrderItems",
            source: Box::new(source),
        };
        let mut req = GetOrderItems::new(&rt.client, oid);
        if pii {
            req = req.data_elements([DataElement::BuyerInfo]);
            if generic_rdt {
                // From the cache, renewed shortly before it expires.
                if let Some(token) = generic_items_rdt(&rt.client).await.map_err(amazon)? {
                    req = req.restricted_data_token(token);
                }
            }
        }
        req.items().try_collect().await.map_err(amazon)
    }
}

/// The Restricted Data Token for `getOrderItems` with `buyerInfo` on the generic path
/// (`/orders/v0/orders/{orderId}/orderItems`), valid for every order; cached by the client crate.
async fn generic_items_rdt(client: &SpApiClient) -> Result<Option<SecretString>, amazon_spapi::error::Error> {
    let mut req = ApiRequest::new(v0::GET_ORDER_ITEMS.path);
    req.data_elements = vec![DataElement::BuyerInfo.as_str().to_owned()];
    amazon_spapi::rdt::resolve(client, &v0::GET_ORDER_ITEMS, &req).await
}

/// The Amazon adapter call for Orders v0 (one place, so the mapping can be swapped).
fn map_v0(ctx: &AdapterContext, order: &v0::Order, items: &[v0::OrderItem]) -> Option<Order> {
    match adapter::order_from_v0(ctx, order, items) {
        Ok(o) => Some(o),
        Err(e) => {
            tracing::warn!(error = %e, "order skipped: cannot be mapped");
            None
        }
    }
}

/// The Amazon adapter call for Orders 2026-01-01.
fn map_2026(ctx: &AdapterContext, order: &v2026::Order) -> Option<Order> {
    match adapter::order_from_2026(ctx, order) {
        Ok(o) => Some(o),
        Err(e) => {
            tracing::warn!(error = %e, "order skipped: cannot be mapped");
            None
        }
    }
}

/// Whether the order holds units of the hub's stock: merchant-fulfilled and not shipped or canceled.
fn holds_stock(order: &Order) -> bool {
    order.fulfillment_channel == FulfillmentChannel::Merchant
        && !matches!(
            order.amazon_status,
            AmazonOrderStatus::Canceled
                | AmazonOrderStatus::Shipped
                | AmazonOrderStatus::InvoiceUnconfirmed
                | AmazonOrderStatus::Pending
        )
        && !matches!(
            order.hub_status,
            HubStatus::Shipped | HubStatus::Canceled | HubStatus::Closed
        )
        && order.lines.iter().all(|l| l.quantity_shipped == 0)
}

/// The order as Amazon now sends it, keeping what the hub decided before: folder, tags, metadata, hub
/// status (moved on only by Amazon's shipped, canceled and paid transitions) and the redaction time.
fn merge(old: &Order, mut new: Order) -> Order {
    let hub_status = match (&new.amazon_status, &old.hub_status) {
        (_, HubStatus::Canceled) => HubStatus::Canceled,
        (AmazonOrderStatus::Canceled, _) => HubStatus::Canceled,
        (AmazonOrderStatus::Shipped | AmazonOrderStatus::InvoiceUnconfirmed, _) => HubStatus::Shipped,
        (AmazonOrderStatus::Unshipped | AmazonOrderStatus::PartiallyShipped, HubStatus::Unpaid) => {
            new.hub_status
        }
        (_, h) => h.clone(),
    };
    let mut metadata = old.metadata.clone();
    for (k, v) in new.metadata.iter() {
        metadata.set(k, v);
    }
    new.hub_status = hub_status;
    new.folder.clone_from(&old.folder);
    new.tags.extend(old.tags.iter().cloned());
    new.metadata = metadata;
    new.redacted_at = old.redacted_at;
    new
}

/// Applies a decision: the order fields, then what the engine keeps in metadata.
fn apply_decision(decision: &ImportDecision, order: &mut Order) {
    decision.apply_to(order);
    let mut put = |key: &str, value: Option<String>| {
        if let Some(v) = value {
            order.metadata.set(key, v);
        }
    };
    put(decision_keys::ROUTE_TO, decision.route_to.clone());
    put(
        decision_keys::HOLD_UNTIL,
        decision.hold_until.map(|t| t.to_rfc3339()),
    );
    put(decision_keys::SHIPPING_METHOD, decision.shipping_method.clone());
    put(decision_keys::PAYMENT_TYPE, decision.payment_type.clone());
    put(decision_keys::INVOICE_NUMBER, decision.invoice_number.clone());
}

fn windows_between(from: DateTime<Utc>, to: DateTime<Utc>, window: Duration) -> u32 {
    let total = (to - from).num_seconds().max(0);
    let w = window.num_seconds().max(1);
    u32::try_from((total + w - 1) / w).unwrap_or(u32::MAX)
}
