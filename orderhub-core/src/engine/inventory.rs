//! Inventory: the hub's stock out to Amazon (only what changed since the last sync), and Amazon's FBA
//! stock into the hub.

use std::collections::BTreeMap;

use amazon_spapi::fba_inventory_v1::GetInventorySummaries;
use futures::TryStreamExt;

use super::{ConnectionRuntime, Engine, EngineError};
use crate::domain::{ConnectionId, FulfillmentChannel, InventoryItem, OutboxId, OutboxPayload};
use crate::ports::{ChangeSet, Cursor};

/// Cursor scope of the inventory sync: `token` holds what was last queued per marketplace and SKU
/// (JSON), `position` when.
pub const INVENTORY_SYNC_SCOPE: &str = "inventory-sync";

/// Inventory item metadata keys the FBA stock job writes (Amazon's detailed quantities, as text).
pub const FBA_STOCK_KEYS: [&str; 4] = [
    "fba_fulfillable",
    "fba_inbound",
    "fba_reserved",
    "fba_unfulfillable",
];

/// What an inventory sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InventorySyncReport {
    /// Items examined.
    pub examined: usize,
    /// Stock updates queued (one per SKU and marketplace), to go out as `JSON_LISTINGS_FEED` in the
    /// outbound pass.
    pub queued: usize,
    /// SKU and marketplace pairs whose quantity and handling time were already sent.
    pub unchanged: usize,
    /// SKUs left out, with the reason (`amazon_skip`, Amazon-fulfilled, not listed on this connection).
    pub skipped: Vec<(String, &'static str)>,
}

/// What an FBA stock read did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FbaStockReport {
    /// Summaries Amazon returned (all marketplaces).
    pub summaries: usize,
    /// Items written with Amazon's stock (channel Amazon).
    pub updated: usize,
    /// Items whose stock had not changed.
    pub unchanged: usize,
    /// SKUs the hub keeps as merchant-fulfilled stock while Amazon reports FBA stock for them; left as
    /// they are (set the item's channel to Amazon to take Amazon's figure).
    pub conflicts: Vec<String>,
}

/// What was last queued for one SKU in one marketplace: quantity and handling time.
type Sent = BTreeMap<String, BTreeMap<String, (u32, Option<u32>)>>;

impl Engine {
    /// Queues the stock of the hub's inventory for Amazon: one `InventoryUpdate` outbox entry per SKU and
    /// marketplace of the connection whose quantity or handling time changed since the last sync (all of
    /// them the first time). Items whose `amazon_connections` metadata names other connections, items
    /// marked `amazon_skip` and Amazon-fulfilled items (unless
    /// `SwitchFulfillmentTo` is set) are left out; the handling time is the item's `FulfillmentLatency`,
    /// else its own, else the connection's default. Quantities below zero go as zero. The entries and the
    /// record of what was queued commit in one transaction; the outbound pass sends them as
    /// `JSON_LISTINGS_FEED`.
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::Busy`] when another worker syncs the
    /// connection; [`EngineError::Store`].
    pub async fn sync_inventory(
        &self,
        connection_id: &ConnectionId,
    ) -> Result<InventorySyncReport, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("inventory:{connection_id}");
        self.take_lease(&lease).await?;
        let result = self.sync_inventory_locked(rt, &lease).await;
        self.give_lease(&lease).await;
        result
    }

    async fn sync_inventory_locked(
        &self,
        rt: &ConnectionRuntime,
        lease: &str,
    ) -> Result<InventorySyncReport, EngineError> {
        let id = &rt.connection.id;
        let now = self.now();
        let cursor = self.store.get_cursor(id, INVENTORY_SYNC_SCOPE).await?;
        // A record that cannot be read only costs a full resend.
        let mut sent: Sent = cursor
            .as_ref()
            .and_then(|c| c.token.as_deref())
            .and_then(|t| serde_json::from_str(t).ok())
            .unwrap_or_default();
        let mut report = InventorySyncReport::default();
        let mut changes = ChangeSet::new();
        let default_handling = rt.connection.settings.default_handling_time_days;
        for item in self.store.list_items().await? {
            report.examined += 1;
            if !item.listed_on(id.as_str()) {
                report
                    .skipped
                    .push((item.sku.clone(), "not listed on this connection"));
                continue;
            }
            if item.skip_amazon() {
                report.skipped.push((item.sku.clone(), "amazon_skip"));
                continue;
            }
            if item.channel == FulfillmentChannel::Amazon && item.switch_fulfillment_to().is_none() {
                report.skipped.push((item.sku.clone(), "Amazon-fulfilled"));
                continue;
            }
            let quantity = u32::try_from(item.quantity.max(0)).unwrap_or(u32::MAX);
            let handling = item.effective_handling_time().or(default_handling);
            for m in &rt.connection.marketplaces {
                let per_market = sent.entry(m.as_str().to_owned()).or_default();
                if per_market.get(&item.sku) == Some(&(quantity, handling)) {
                    report.unchanged += 1;
                    continue;
                }
                per_market.insert(item.sku.clone(), (quantity, handling));
                report.queued += 1;
                changes = changes.enqueue(rt.pending_entry(
                    OutboxId::new(uuid::Uuid::new_v4().to_string()),
                    OutboxPayload::InventoryUpdate {
                        marketplace_id: m.clone(),
                        sku: item.sku.clone(),
                        quantity,
                        handling_time_days: handling,
                    },
                    now,
                ));
            }
        }
        // Encoding a map of strings and numbers cannot fail; if it did, the next sync would resend all.
        let token = serde_json::to_string(&sent).ok();
        let mut cursor = Cursor::new(id.clone(), INVENTORY_SYNC_SCOPE, Some(now), now);
        cursor.token = token;
        changes = changes
            .cursor(cursor)
            .require_lease(lease, &self.config.worker_id, now);
        self.store.commit(changes).await?;
        tracing::info!(connection = %id, queued = report.queued, unchanged = report.unchanged, "inventory sync queued");
        Ok(report)
    }

    /// Reads the connection's FBA stock (`getInventorySummaries`, FBA Inventory v1, every marketplace of
    /// the connection) and writes it into the hub's inventory as Amazon-fulfilled items (channel Amazon,
    /// quantity = fulfillable units, Amazon's detailed quantities in [`FBA_STOCK_KEYS`]). Items the hub
    /// keeps as merchant-fulfilled are not overwritten (reported as conflicts). When several marketplaces
    /// report the same SKU (a shared North American pool), the first marketplace of the connection wins.
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::Busy`]; [`EngineError::Amazon`] (nothing is
    /// written then); [`EngineError::Store`].
    pub async fn sync_fba_stock(&self, connection_id: &ConnectionId) -> Result<FbaStockReport, EngineError> {
        let rt = self.runtime(connection_id)?;
        let lease = format!("fba-stock:{connection_id}");
        self.take_lease(&lease).await?;
        let result = self.sync_fba_stock_locked(rt, &lease).await;
        self.give_lease(&lease).await;
        let health = self.health_after(connection_id, &result, |r| {
            r.summaries > 0 || !rt.connection.marketplaces.is_empty()
        });
        self.observe_health(connection_id, health).await;
        result
    }

    async fn sync_fba_stock_locked(
        &self,
        rt: &ConnectionRuntime,
        lease: &str,
    ) -> Result<FbaStockReport, EngineError> {
        let mut report = FbaStockReport::default();
        let mut seen: BTreeMap<String, InventoryItem> = BTreeMap::new();
        let existing: BTreeMap<String, InventoryItem> = self
            .store
            .list_items()
            .await?
            .into_iter()
            .map(|i| (i.sku.clone(), i))
            .collect();
        for m in &rt.connection.marketplaces {
            let summaries: Vec<_> = GetInventorySummaries::new(&rt.client)
                .marketplace_id(m.as_str())
                .details(true)
                .summaries()
                .try_collect()
                .await
                .map_err(|source| EngineError::Amazon {
                    connection_id: rt.connection.id.clone(),
                    during: "getInventorySummaries",
                    source: Box::new(source),
                })?;
            for s in summaries {
                report.summaries += 1;
                let Some(sku) = s.seller_sku.clone().filter(|x| !x.trim().is_empty()) else {
                    continue;
                };
                if seen.contains_key(&sku) {
                    continue;
                }
                let details = s.inventory_details.as_ref();
                let fulfillable = details
                    .and_then(|d| d.fulfillable_quantity)
                    .or(s.total_quantity)
                    .unwrap_or(0)
                    .max(0);
                let mut item = match existing.get(&sku) {
                    Some(i) if i.channel == FulfillmentChannel::Merchant => {
                        report.conflicts.push(sku.clone());
                        continue;
                    }
                    Some(i) => i.clone(),
                    None => {
                        let mut i = InventoryItem::new(sku.clone(), 0);
                        i.channel = FulfillmentChannel::Amazon;
                        i
                    }
                };
                item.quantity = fulfillable;
                if item.asin.is_none() {
                    item.asin.clone_from(&s.asin);
                }
                if let Some(d) = details {
                    let reserved = d
                        .reserved_quantity
                        .as_ref()
                        .and_then(|r| r.total_reserved_quantity);
                    let unfulfillable = d
                        .unfulfillable_quantity
                        .as_ref()
                        .and_then(|u| u.total_unfulfillable_quantity);
                    let inbound = [
                        d.inbound_working_quantity,
                        d.inbound_shipped_quantity,
                        d.inbound_receiving_quantity,
                    ]
                    .iter()
                    .flatten()
                    .sum::<i64>();
                    for (k, v) in
                        FBA_STOCK_KEYS
                            .iter()
                            .zip([Some(fulfillable), Some(inbound), reserved, unfulfillable])
                    {
                        if let Some(v) = v {
                            item.metadata.set(*k, v.to_string());
                        }
                    }
                }
                seen.insert(sku, item);
            }
        }
        let now = self.now();
        let mut changes = ChangeSet::new();
        for (sku, item) in seen {
            if existing.get(&sku) == Some(&item) {
                report.unchanged += 1;
                continue;
            }
            report.updated += 1;
            changes = changes.inventory(item);
        }
        if !changes.is_empty() {
            changes = changes.require_lease(lease, &self.config.worker_id, now);
            self.store.commit(changes).await?;
        }
        tracing::info!(connection = %rt.connection.id, updated = report.updated, conflicts = report.conflicts.len(), "FBA stock read");
        Ok(report)
    }
}
