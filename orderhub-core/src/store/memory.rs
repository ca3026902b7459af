//! The in-memory store: for tests, examples and embedding without persistence. Personal data stays in
//! process memory in clear (nothing is at rest).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Mutex, MutexGuard, PoisonError};

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use crate::domain::{
    AmazonOrderId, Connection, ConnectionHealth, ConnectionId, FeedRecord, InventoryItem, Order, OutboxEntry,
    OutboxId, OutboxStatus,
};
use crate::ports::{
    ChangeSet, CommitReport, ConnectionStore, Cursor, FeedLogQuery, FeedLogStore, InventoryStore, Lease,
    OrderQuery, OrderStore, OutboxQuery, OutboxStore, StoreError, SyncStateStore, UnitOfWork, UpsertOutcome,
    WriteMode,
};

use super::decide;

struct OutboxRow {
    seq: u64,
    entry: OutboxEntry,
    claimed_until: Option<DateTime<Utc>>,
}

#[derive(Default)]
struct State {
    orders: HashMap<AmazonOrderId, Order>,
    inventory: BTreeMap<String, InventoryItem>,
    cursors: HashMap<(ConnectionId, String), Cursor>,
    leases: HashMap<String, Lease>,
    outbox: BTreeMap<OutboxId, OutboxRow>,
    outbox_seq: u64,
    feeds: BTreeMap<String, FeedRecord>,
    connections: BTreeMap<ConnectionId, Connection>,
}

/// A store in process memory. Cheap to create; everything is lost when it is dropped.
#[derive(Default)]
pub struct MemoryStore {
    state: Mutex<State>,
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryStore").finish_non_exhaustive()
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock cannot leave the state half-written: every mutation is validated
        // before it starts. So a poisoned lock is still consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl State {
    fn lease_held(&self, name: &str, holder: &str, now: DateTime<Utc>) -> bool {
        self.leases
            .get(name)
            .is_some_and(|l| l.holder == holder && l.expires_at > now)
    }

    fn apply(&mut self, changes: ChangeSet) -> Result<CommitReport, StoreError> {
        // Validate everything first, so that an error leaves the state untouched.
        if let Some(check) = &changes.lease {
            if !self.lease_held(&check.name, &check.holder, check.now) {
                return Err(StoreError::LeaseLost {
                    name: check.name.clone(),
                    holder: check.holder.clone(),
                });
            }
        }
        let mut new_ids = HashSet::new();
        for e in &changes.outbox {
            if self.outbox.contains_key(&e.id) || !new_ids.insert(&e.id) {
                return Err(StoreError::Duplicate {
                    kind: "outbox entry",
                    id: e.id.0.clone(),
                });
            }
        }
        let mut report = CommitReport::default();
        for (order, mode) in changes.orders {
            let stored = self.orders.get(&order.id).map(|o| o.dates.last_updated);
            let outcome = decide(stored, order.dates.last_updated, mode);
            report.orders.push((order.id.clone(), outcome));
            if outcome.written() {
                self.orders.insert(order.id.clone(), order);
            }
        }
        for entry in changes.outbox {
            self.outbox_seq += 1;
            self.outbox.insert(
                entry.id.clone(),
                OutboxRow {
                    seq: self.outbox_seq,
                    entry,
                    claimed_until: None,
                },
            );
        }
        for item in changes.inventory {
            self.inventory.insert(item.sku.clone(), item);
        }
        for c in changes.cursors {
            self.cursors.insert((c.connection_id.clone(), c.scope.clone()), c);
        }
        Ok(report)
    }

    fn outbox_mut(&mut self, id: &OutboxId) -> Result<&mut OutboxRow, StoreError> {
        self.outbox.get_mut(id).ok_or_else(|| StoreError::NotFound {
            kind: "outbox entry",
            id: id.0.clone(),
        })
    }

    fn check_outbox_ids(&self, ids: &[OutboxId]) -> Result<(), StoreError> {
        match ids.iter().find(|id| !self.outbox.contains_key(id)) {
            Some(id) => Err(StoreError::NotFound {
                kind: "outbox entry",
                id: id.0.clone(),
            }),
            None => Ok(()),
        }
    }
}

#[async_trait]
impl UnitOfWork for MemoryStore {
    async fn commit(&self, changes: ChangeSet) -> Result<CommitReport, StoreError> {
        self.lock().apply(changes)
    }
}

#[async_trait]
impl OrderStore for MemoryStore {
    async fn upsert_orders(&self, orders: &[Order]) -> Result<Vec<UpsertOutcome>, StoreError> {
        let changes = ChangeSet {
            orders: orders.iter().map(|o| (o.clone(), WriteMode::Import)).collect(),
            ..ChangeSet::default()
        };
        Ok(self
            .lock()
            .apply(changes)?
            .orders
            .into_iter()
            .map(|(_, o)| o)
            .collect())
    }

    async fn save_order(&self, order: &Order) -> Result<UpsertOutcome, StoreError> {
        let report = self.lock().apply(ChangeSet::new().save(order.clone()))?;
        Ok(report
            .orders
            .first()
            .map(|(_, o)| *o)
            .unwrap_or(UpsertOutcome::Unchanged))
    }

    async fn get_order(&self, id: &AmazonOrderId) -> Result<Option<Order>, StoreError> {
        Ok(self.lock().orders.get(id).cloned())
    }

    async fn query_orders(&self, query: &OrderQuery) -> Result<Vec<Order>, StoreError> {
        let state = self.lock();
        let mut found: Vec<&Order> = state.orders.values().filter(|o| query.matches(o)).collect();
        found.sort_by(|a, b| (a.dates.purchased, &a.id).cmp(&(b.dates.purchased, &b.id)));
        let limit = query.limit.map_or(usize::MAX, |l| l as usize);
        Ok(found
            .into_iter()
            .skip(query.offset as usize)
            .take(limit)
            .cloned()
            .collect())
    }

    async fn count_orders(&self, query: &OrderQuery) -> Result<u64, StoreError> {
        Ok(self.lock().orders.values().filter(|o| query.matches(o)).count() as u64)
    }
}

#[async_trait]
impl InventoryStore for MemoryStore {
    async fn put_items(&self, items: &[InventoryItem]) -> Result<(), StoreError> {
        let mut state = self.lock();
        for item in items {
            state.inventory.insert(item.sku.clone(), item.clone());
        }
        Ok(())
    }

    async fn get_item(&self, sku: &str) -> Result<Option<InventoryItem>, StoreError> {
        Ok(self.lock().inventory.get(sku).cloned())
    }

    async fn list_items(&self) -> Result<Vec<InventoryItem>, StoreError> {
        Ok(self.lock().inventory.values().cloned().collect())
    }
}

#[async_trait]
impl SyncStateStore for MemoryStore {
    async fn get_cursor(
        &self,
        connection_id: &ConnectionId,
        scope: &str,
    ) -> Result<Option<Cursor>, StoreError> {
        Ok(self
            .lock()
            .cursors
            .get(&(connection_id.clone(), scope.to_owned()))
            .cloned())
    }

    async fn put_cursor(&self, cursor: &Cursor) -> Result<(), StoreError> {
        self.lock().cursors.insert(
            (cursor.connection_id.clone(), cursor.scope.clone()),
            cursor.clone(),
        );
        Ok(())
    }

    async fn acquire_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        ttl: Duration,
    ) -> Result<Option<Lease>, StoreError> {
        let mut state = self.lock();
        let lease = super::next_lease(state.leases.get(name), name, holder, now, ttl);
        if let Some(l) = &lease {
            state.leases.insert(name.to_owned(), l.clone());
        }
        Ok(lease)
    }

    async fn release_lease(&self, name: &str, holder: &str) -> Result<bool, StoreError> {
        let mut state = self.lock();
        match state.leases.get_mut(name) {
            Some(l) if l.holder == holder => {
                // Keep the generation so fencing tokens keep growing.
                l.holder = String::new();
                l.expires_at = DateTime::<Utc>::UNIX_EPOCH;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    async fn get_lease(&self, name: &str) -> Result<Option<Lease>, StoreError> {
        Ok(self
            .lock()
            .leases
            .get(name)
            .filter(|l| !l.holder.is_empty())
            .cloned())
    }
}

#[async_trait]
impl OutboxStore for MemoryStore {
    async fn enqueue(&self, entries: &[OutboxEntry]) -> Result<(), StoreError> {
        let changes = ChangeSet {
            outbox: entries.to_vec(),
            ..ChangeSet::default()
        };
        self.lock().apply(changes).map(|_| ())
    }

    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        limit: u32,
        _claimer: &str,
        claim_ttl: Duration,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut state = self.lock();
        let mut due: Vec<&mut OutboxRow> = state
            .outbox
            .values_mut()
            .filter(|r| {
                r.entry.status == OutboxStatus::Pending
                    && r.entry.not_before <= now
                    && r.claimed_until.is_none_or(|t| t <= now)
            })
            .collect();
        due.sort_by_key(|r| (r.entry.created_at, r.seq));
        let mut claimed = Vec::new();
        for row in due.into_iter().take(limit as usize) {
            row.claimed_until = Some(now + claim_ttl);
            row.entry.attempts = row.entry.attempts.saturating_add(1);
            claimed.push(row.entry.clone());
        }
        Ok(claimed)
    }

    async fn mark_submitted(&self, ids: &[OutboxId], feed_record_id: &str) -> Result<(), StoreError> {
        let mut state = self.lock();
        state.check_outbox_ids(ids)?;
        for id in ids {
            let row = state.outbox_mut(id)?;
            row.entry.status = OutboxStatus::Submitted {
                feed_record_id: feed_record_id.to_owned(),
            };
            row.claimed_until = None;
        }
        Ok(())
    }

    async fn mark_done(&self, ids: &[OutboxId]) -> Result<(), StoreError> {
        let mut state = self.lock();
        state.check_outbox_ids(ids)?;
        for id in ids {
            let row = state.outbox_mut(id)?;
            row.entry.status = OutboxStatus::Done;
            row.claimed_until = None;
        }
        Ok(())
    }

    async fn mark_failed(&self, id: &OutboxId, message: &str, retryable: bool) -> Result<(), StoreError> {
        let mut state = self.lock();
        let row = state.outbox_mut(id)?;
        row.entry.status = OutboxStatus::Failed {
            message: message.to_owned(),
            retryable,
        };
        row.claimed_until = None;
        Ok(())
    }

    async fn retry_at(&self, id: &OutboxId, not_before: DateTime<Utc>) -> Result<(), StoreError> {
        let mut state = self.lock();
        let row = state.outbox_mut(id)?;
        row.entry.status = OutboxStatus::Pending;
        row.entry.not_before = not_before;
        row.claimed_until = None;
        Ok(())
    }

    async fn get_outbox(&self, id: &OutboxId) -> Result<Option<OutboxEntry>, StoreError> {
        Ok(self.lock().outbox.get(id).map(|r| r.entry.clone()))
    }

    async fn list_outbox(&self, query: &OutboxQuery) -> Result<Vec<OutboxEntry>, StoreError> {
        let state = self.lock();
        let mut rows: Vec<&OutboxRow> = state
            .outbox
            .values()
            .filter(|r| query.matches(&r.entry))
            .collect();
        rows.sort_by_key(|r| (r.entry.created_at, r.seq));
        let limit = query.limit.map_or(usize::MAX, |l| l as usize);
        Ok(rows.into_iter().take(limit).map(|r| r.entry.clone()).collect())
    }
}

#[async_trait]
impl FeedLogStore for MemoryStore {
    async fn record_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
        let mut state = self.lock();
        if state.feeds.contains_key(&record.id) {
            return Err(StoreError::Duplicate {
                kind: "feed record",
                id: record.id.clone(),
            });
        }
        state.feeds.insert(record.id.clone(), record.clone());
        Ok(())
    }

    async fn update_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
        let mut state = self.lock();
        match state.feeds.get_mut(&record.id) {
            Some(r) => {
                *r = record.clone();
                Ok(())
            }
            None => Err(StoreError::NotFound {
                kind: "feed record",
                id: record.id.clone(),
            }),
        }
    }

    async fn get_feed(&self, id: &str) -> Result<Option<FeedRecord>, StoreError> {
        Ok(self.lock().feeds.get(id).cloned())
    }

    async fn list_feeds(&self, query: &FeedLogQuery) -> Result<Vec<FeedRecord>, StoreError> {
        let state = self.lock();
        let mut found: Vec<&FeedRecord> = state.feeds.values().filter(|r| query.matches(r)).collect();
        found.sort_by(|a, b| (b.submitted_at, &b.id).cmp(&(a.submitted_at, &a.id)));
        let limit = query.limit.map_or(usize::MAX, |l| l as usize);
        Ok(found.into_iter().take(limit).cloned().collect())
    }
}

#[async_trait]
impl ConnectionStore for MemoryStore {
    async fn save_connection(&self, connection: &Connection) -> Result<(), StoreError> {
        self.lock()
            .connections
            .insert(connection.id.clone(), connection.clone());
        Ok(())
    }

    async fn get_connection(&self, id: &ConnectionId) -> Result<Option<Connection>, StoreError> {
        Ok(self.lock().connections.get(id).cloned())
    }

    async fn list_connections(&self) -> Result<Vec<Connection>, StoreError> {
        Ok(self.lock().connections.values().cloned().collect())
    }

    async fn set_connection_health(
        &self,
        id: &ConnectionId,
        health: &ConnectionHealth,
    ) -> Result<(), StoreError> {
        match self.lock().connections.get_mut(id) {
            Some(c) => {
                c.health = health.clone();
                Ok(())
            }
            None => Err(StoreError::NotFound {
                kind: "connection",
                id: id.0.clone(),
            }),
        }
    }
}
