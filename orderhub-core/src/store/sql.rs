//! What the SQL backends share: the statements, the planning of a commit, and the trait implementations.
//!
//! SQLite and PostgreSQL agree on almost all of OrderHub's SQL: `ON CONFLICT … DO UPDATE`, `RETURNING`,
//! and `$n` placeholders (SQLite reads `$1` as a numbered parameter too). So the statements are written once,
//! here, and [`sql_store!`] generates the trait implementations for a backend from the few places where the
//! dialects differ: how a write transaction starts (`BEGIN IMMEDIATE` takes SQLite's write lock up front),
//! and the row locks PostgreSQL takes (`FOR UPDATE`, `FOR UPDATE SKIP LOCKED`) where SQLite's single
//! writer needs none.
//!
//! Orders are written in multi-row statements ([`ORDER_ROWS_PER_STATEMENT`] rows each), after one batched
//! read of the stored `LastUpdateDate`s; the write also carries the rule itself
//! (`WHERE orders.last_updated_at <= excluded.last_updated_at`), so an older order cannot overwrite a newer
//! one even if the decision and the write ever disagreed. The orders are encoded (JSON written, personal
//! data sealed) on the calling task while the transaction runs, so that work overlaps the database's.

use std::collections::{HashMap, HashSet};

use crate::crypto::Keyring;
use crate::domain::{Order, OutboxEntry};
use crate::ports::{ChangeSet, CommitReport, Cursor, LeaseCheck, StoreError, WriteMode};

use super::codec::{self, OrderRow};
use super::{decide, from_micros, to_micros};

/// Orders per multi-row `INSERT` (12 parameters each; well under SQLite's 32,766 and PostgreSQL's 65,535).
pub(crate) const ORDER_ROWS_PER_STATEMENT: usize = 100;

/// Ids per `IN (…)` list.
pub(crate) const IDS_PER_STATEMENT: usize = 500;

/// The columns of `orders`, in the order [`push_order_values`] binds them.
pub(crate) const ORDER_INSERT: &str =
    "INSERT INTO orders (id, seller_id, marketplace_id, fulfillment_channel, \
    amazon_status, hub_status, folder, purchased_at, last_updated_at, body, pii, pii_key_id) ";

/// The update of an order that exists already, without the personal-data columns.
pub(crate) const ORDER_UPSERT_KEEP_PII: &str =
    " ON CONFLICT (id) DO UPDATE SET seller_id = excluded.seller_id, \
    marketplace_id = excluded.marketplace_id, fulfillment_channel = excluded.fulfillment_channel, \
    amazon_status = excluded.amazon_status, hub_status = excluded.hub_status, folder = excluded.folder, \
    purchased_at = excluded.purchased_at, last_updated_at = excluded.last_updated_at, body = excluded.body";

/// The extra assignments when the personal data is written too.
pub(crate) const ORDER_UPSERT_SET_PII: &str = ", pii = excluded.pii, pii_key_id = excluded.pii_key_id";

/// The `LastUpdateDate` rule, enforced by the write itself.
pub(crate) const ORDER_GUARD: &str = " WHERE orders.last_updated_at <= excluded.last_updated_at";

pub(crate) const GET_ORDER: &str = "SELECT id, body, pii, pii_key_id FROM orders WHERE id = $1";
pub(crate) const QUERY_ORDERS: &str = "SELECT id, body, pii, pii_key_id FROM orders WHERE 1=1";
pub(crate) const COUNT_ORDERS: &str = "SELECT COUNT(*) FROM orders WHERE 1=1";
pub(crate) const STORED_DATES: &str = "SELECT id, last_updated_at FROM orders WHERE id IN (";

pub(crate) const PUT_ITEM: &str = "INSERT INTO inventory (sku, body) VALUES ($1, $2) \
    ON CONFLICT (sku) DO UPDATE SET body = excluded.body";
pub(crate) const GET_ITEM: &str = "SELECT body FROM inventory WHERE sku = $1";
pub(crate) const LIST_ITEMS: &str = "SELECT sku, body FROM inventory ORDER BY sku";

pub(crate) const PUT_CURSOR: &str = "INSERT INTO cursors (connection_id, scope, position, token, updated_at) \
    VALUES ($1, $2, $3, $4, $5) ON CONFLICT (connection_id, scope) DO UPDATE SET position = excluded.position, \
    token = excluded.token, updated_at = excluded.updated_at";
pub(crate) const GET_CURSOR: &str =
    "SELECT position, token, updated_at FROM cursors WHERE connection_id = $1 AND scope = $2";

/// Makes sure a lease row exists (an empty holder is a free lease) so it can be locked.
pub(crate) const LEASE_PLACEHOLDER: &str = "INSERT INTO leases (name, holder, expires_at, generation) \
    VALUES ($1, '', 0, 0) ON CONFLICT (name) DO NOTHING";
pub(crate) const LEASE_ROW: &str = "SELECT name, holder, expires_at, generation FROM leases WHERE name = $1";
pub(crate) const PUT_LEASE: &str = "INSERT INTO leases (name, holder, expires_at, generation) \
    VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, \
    expires_at = excluded.expires_at, generation = excluded.generation";
pub(crate) const RELEASE_LEASE: &str =
    "UPDATE leases SET holder = '', expires_at = 0 WHERE name = $1 AND holder = $2";
pub(crate) const GET_LEASE: &str =
    "SELECT name, holder, expires_at, generation FROM leases WHERE name = $1 AND holder <> ''";

pub(crate) const OUTBOX_EXISTING: &str = "SELECT id FROM outbox WHERE id IN (";
pub(crate) const OUTBOX_INSERT: &str =
    "INSERT INTO outbox (id, connection_id, seller_id, kind, state, status, \
    created_at, not_before, attempts, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
pub(crate) const OUTBOX_UPDATE: &str = "UPDATE outbox SET state = $1, status = $2, \
    not_before = COALESCE($3, not_before), claimed_by = NULL, claimed_until = NULL WHERE id = $4";
/// Claims due entries; the backend appends its row-lock clause inside the sub-select, then [`OUTBOX_CLAIM_END`].
pub(crate) const OUTBOX_CLAIM: &str = "UPDATE outbox SET claimed_by = $1, claimed_until = $2, \
    attempts = attempts + 1 WHERE seq IN (SELECT seq FROM outbox WHERE state = 'pending' AND not_before <= $3 \
    AND (claimed_until IS NULL OR claimed_until <= $4) ORDER BY created_at, seq LIMIT $5";
pub(crate) const OUTBOX_CLAIM_END: &str =
    ") RETURNING seq, id, body, status, created_at, not_before, attempts";
pub(crate) const GET_OUTBOX: &str = "SELECT id, body, status, not_before, attempts FROM outbox WHERE id = $1";
pub(crate) const LIST_OUTBOX: &str = "SELECT id, body, status, not_before, attempts FROM outbox WHERE 1=1";

pub(crate) const RECORD_FEED: &str =
    "INSERT INTO feed_log (id, connection_id, seller_id, status, submitted_at, \
    body) VALUES ($1, $2, $3, $4, $5, $6)";
pub(crate) const UPDATE_FEED: &str =
    "UPDATE feed_log SET status = $1, submitted_at = $2, body = $3 WHERE id = $4";
pub(crate) const GET_FEED: &str = "SELECT body FROM feed_log WHERE id = $1";
pub(crate) const LIST_FEEDS: &str = "SELECT id, body FROM feed_log WHERE 1=1";

pub(crate) const SAVE_CONNECTION: &str = "INSERT INTO connections (id, seller_id, body, health) \
    VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO UPDATE SET seller_id = excluded.seller_id, body = excluded.body, \
    health = excluded.health";
pub(crate) const GET_CONNECTION: &str = "SELECT body, health FROM connections WHERE id = $1";
pub(crate) const LIST_CONNECTIONS: &str = "SELECT id, body, health FROM connections ORDER BY id";
pub(crate) const SET_CONNECTION_HEALTH: &str = "UPDATE connections SET health = $1 WHERE id = $2";

pub(crate) const NEWEST_MIGRATION: &str =
    "SELECT version, name FROM orderhub_migrations ORDER BY version DESC LIMIT 1";
pub(crate) const RECORD_MIGRATION: &str = "INSERT INTO orderhub_migrations (version, name) VALUES ($1, $2)";

/// `LIMIT` for "no limit": both databases accept the largest `BIGINT` (SQLite has no `LIMIT ALL`).
pub(crate) fn limit(limit: Option<u32>) -> i64 {
    limit.map_or(i64::MAX, i64::from)
}

pub(crate) fn be(operation: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| StoreError::backend(operation, e)
}

pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| d.is_unique_violation())
}

/// An outbox entry ready to be inserted.
pub(crate) struct OutboxInsert<'a> {
    pub entry: &'a OutboxEntry,
    pub body: String,
    pub status: String,
}

/// An order of a change set as the decision sees it: its id, its `LastUpdateDate`, its mode and whether it
/// keeps the stored personal data. It is encoded (JSON written, personal data sealed) only while the
/// transaction runs, overlapping the database's work (see [`encode_writes`]).
pub(crate) struct Planned<'a> {
    pub order: &'a Order,
    pub mode: WriteMode,
    pub last_updated_at: i64,
    /// Writing it keeps the stored personal-data columns (see [`codec::keeps_pii`]).
    pub keeps_pii: bool,
}

/// A change set checked (the refusals that need no database made, outbox and inventory JSON written) before
/// any lock is taken. The orders are encoded later, in [`encode_writes`].
pub(crate) struct Encoded<'a> {
    pub lease: Option<&'a LeaseCheck>,
    pub orders: Vec<Planned<'a>>,
    pub outbox: Vec<OutboxInsert<'a>>,
    pub items: Vec<(&'a str, String)>,
    pub cursors: &'a [Cursor],
}

impl<'a> Encoded<'a> {
    /// Orders only, each with its mode (no copy of the orders is made).
    pub fn orders(
        orders: impl IntoIterator<Item = (&'a Order, WriteMode)>,
        keyring: &Keyring,
    ) -> Result<Self, StoreError> {
        let orders = orders
            .into_iter()
            .map(|(order, mode)| {
                Ok(Planned {
                    order,
                    mode,
                    last_updated_at: to_micros(order.dates.last_updated),
                    keeps_pii: codec::keeps_pii(order, keyring)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Encoded {
            lease: None,
            orders,
            outbox: Vec::new(),
            items: Vec::new(),
            cursors: &[],
        })
    }

    /// A whole change set. Duplicate outbox ids within it are refused here.
    pub fn changes(changes: &'a ChangeSet, keyring: &Keyring) -> Result<Self, StoreError> {
        let mut encoded = Self::orders(changes.orders.iter().map(|(o, m)| (o, *m)), keyring)?;
        let mut seen = HashSet::new();
        for e in &changes.outbox {
            if !seen.insert(e.id.as_str()) {
                return Err(StoreError::Duplicate {
                    kind: "outbox entry",
                    id: e.id.0.clone(),
                });
            }
            encoded.outbox.push(OutboxInsert {
                entry: e,
                body: codec::outbox_body(e)?,
                status: codec::encode_json("outbox", e.id.as_str(), &e.status)?,
            });
        }
        for i in &changes.inventory {
            encoded.items.push((i.sku.as_str(), codec::item_body(i)?));
        }
        encoded.lease = changes.lease.as_ref();
        encoded.cursors = &changes.cursors;
        Ok(encoded)
    }
}

/// One order to write, by index into the planned orders: the version whose row is written, and the version
/// whose personal-data columns are written with it (the same one, unless that version keeps the stored
/// personal data and an earlier written version of the batch set it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct OrderWrite {
    pub row: usize,
    pub pii: usize,
}

/// Decides every order of a batch against the stored `LastUpdateDate`s (`stored`, by id; updated as the
/// batch goes, so a batch holding one order twice is decided in arrival order) and returns the report and
/// the writes: one per order id, the last written version, which is what writing them one by one would have
/// left. When that version keeps the stored personal data but an earlier written version of the batch set
/// it, the earlier personal data is written.
pub(crate) fn decide_batch<'r>(
    orders: &[Planned<'r>],
    mut stored: HashMap<&'r str, i64>,
) -> Result<(CommitReport, Vec<OrderWrite>), StoreError> {
    let mut report = CommitReport::default();
    report.orders.reserve(orders.len());
    let mut writes: Vec<OrderWrite> = Vec::with_capacity(orders.len());
    let mut slot: HashMap<&'r str, usize> = HashMap::with_capacity(orders.len());
    for (index, planned) in orders.iter().enumerate() {
        let id: &'r str = planned.order.id.as_str();
        let prior = match stored.get(id) {
            Some(v) => Some(from_micros("orders", id, *v)?),
            None => None,
        };
        let outcome = decide(
            prior,
            from_micros("orders", id, planned.last_updated_at)?,
            planned.mode,
        );
        report.orders.push((planned.order.id.clone(), outcome));
        if !outcome.written() {
            continue;
        }
        stored.insert(id, planned.last_updated_at);
        match slot.get(id) {
            Some(&i) => {
                let pii = if planned.keeps_pii { writes[i].pii } else { index };
                writes[i] = OrderWrite { row: index, pii };
            }
            None => {
                slot.insert(id, writes.len());
                writes.push(OrderWrite {
                    row: index,
                    pii: index,
                });
            }
        }
    }
    Ok((report, writes))
}

/// Orders encoded between two yields to the database's work (see [`encode_writes`]).
const ENCODE_BETWEEN_YIELDS: usize = 4;

/// Encodes the planned orders, in order, and sends each row (by index) to `to`, yielding to the other
/// futures of the task every few orders. Joined on the same task with the transaction (which takes the rows
/// through [`EncodedRows`]), it keeps the calling thread encoding while the database works on the statement
/// before: for SQLite the statement runs on the connection's worker thread, for PostgreSQL in the server.
///
/// Stops early (without error) when the receiver is gone.
pub(crate) async fn encode_writes(
    orders: &[Planned<'_>],
    keyring: &Keyring,
    to: futures::channel::mpsc::UnboundedSender<(usize, Result<OrderRow, StoreError>)>,
) {
    let mut capacity = 1024;
    for (index, planned) in orders.iter().enumerate() {
        let row = codec::encode_order(planned.order, keyring, capacity);
        if let Ok(row) = &row {
            // The next order is likely about as long; a little more avoids a reallocation.
            capacity = row.body.len() + row.body.len() / 8 + 64;
        }
        let failed = row.is_err();
        if to.unbounded_send((index, row)).is_err() || failed {
            return;
        }
        if index % ENCODE_BETWEEN_YIELDS == ENCODE_BETWEEN_YIELDS - 1 {
            yield_now().await;
        }
    }
}

/// Returns `Pending` once, waking the task at once: the futures joined with the caller get a turn.
async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(|cx| {
        if yielded {
            std::task::Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            std::task::Poll::Pending
        }
    })
    .await;
}

/// The rows sent by [`encode_writes`], taken by index as the writes need them.
pub(crate) struct EncodedRows {
    from: futures::channel::mpsc::UnboundedReceiver<(usize, Result<OrderRow, StoreError>)>,
    rows: Vec<Option<OrderRow>>,
}

impl EncodedRows {
    pub fn new(
        from: futures::channel::mpsc::UnboundedReceiver<(usize, Result<OrderRow, StoreError>)>,
        count: usize,
    ) -> Self {
        EncodedRows {
            from,
            rows: std::iter::repeat_with(|| None).take(count).collect(),
        }
    }

    /// Takes the row of order `index`, waiting for it to be encoded.
    async fn take(&mut self, index: usize) -> Result<OrderRow, StoreError> {
        use futures::StreamExt;
        loop {
            if let Some(row) = self.rows.get_mut(index).and_then(Option::take) {
                return Ok(row);
            }
            match self.from.next().await {
                Some((i, row)) => {
                    if let Some(at) = self.rows.get_mut(i) {
                        *at = Some(row?);
                    }
                }
                None => {
                    return Err(StoreError::corrupt(
                        "orders",
                        "",
                        format!("order {index} of the batch was not encoded"),
                    ))
                }
            }
        }
    }

    /// Waits for the rest of the batch to be encoded: an order that fails to encode fails the commit even
    /// when it is not written, as before any SQL ran.
    pub async fn finish(&mut self) -> Result<(), StoreError> {
        use futures::StreamExt;
        while let Some((_, row)) = self.from.next().await {
            row?;
        }
        Ok(())
    }

    /// The rows of `writes`, each with the personal-data columns of its `pii` version.
    pub async fn next_rows(&mut self, writes: &[OrderWrite]) -> Result<Vec<OrderRow>, StoreError> {
        let mut rows = Vec::with_capacity(writes.len());
        for w in writes {
            let mut row = self.take(w.row).await?;
            if w.pii != w.row {
                // Rare: the order twice in the batch, the later version without its personal data.
                row.pii = self.take(w.pii).await?.pii;
            }
            rows.push(row);
        }
        Ok(rows)
    }
}

/// Pushes `rows` (owned: the values move into the statement without a copy) onto a `QueryBuilder`
/// (multi-row `VALUES`), in [`ORDER_INSERT`]'s order.
macro_rules! push_order_values {
    ($qb:expr, $rows:expr) => {{
        $qb.push_values($rows, |mut b, row: $crate::store::codec::OrderRow| {
            let (key_id, sealed) = match row.pii {
                $crate::store::codec::PiiWrite::Set(Some((k, s))) => (Some(k), Some(s)),
                _ => (None, None),
            };
            b.push_bind(row.id)
                .push_bind(row.seller_id)
                .push_bind(row.marketplace_id)
                .push_bind(row.fulfillment_channel)
                .push_bind(row.amazon_status)
                .push_bind(row.hub_status)
                .push_bind(row.folder)
                .push_bind(row.purchased_at)
                .push_bind(row.last_updated_at)
                .push_bind(row.body)
                .push_bind(sealed)
                .push_bind(key_id);
        });
    }};
}
pub(crate) use push_order_values;

/// Generates the storage traits for a SQL backend `$store` (a struct with `pool: Pool<$db>` and
/// `keyring: Keyring`). The dialect differences are arguments:
/// - `begin_write`: the statement that starts a write transaction;
/// - `lock_rows`: appended to a `SELECT` whose rows the transaction decides on (`""` or `" FOR UPDATE"`);
/// - `skip_locked`: appended to the outbox claim's sub-select;
/// - `migrations`: the embedded migrations; `create_migrations_table`: the bookkeeping table's DDL;
///   `migration_lock`: a statement run first in the migration transaction (to serialize migrators), or `""`.
macro_rules! sql_store {
    (
        store = $store:ident,
        db = $db:ty,
        begin_write = $begin:expr,
        lock_rows = $lock:expr,
        skip_locked = $skip:expr,
        migrations = $migrations:expr,
        create_migrations_table = $create_migrations:expr,
        migration_lock = $migration_lock:expr $(,)?
    ) => {
        use std::collections::HashMap as __HashMap;

        use async_trait::async_trait;
        use chrono::{DateTime, Duration, Utc};
        use sqlx::{QueryBuilder, Row};

        use $crate::domain::{
            AmazonOrderId, Connection, ConnectionHealth, ConnectionId, FeedRecord, InventoryItem, Order,
            OutboxEntry, OutboxId, OutboxStatus,
        };
        use $crate::ports::{
            ChangeSet, CommitReport, ConnectionStore, Cursor, FeedLogQuery, FeedLogStore, InventoryStore, Lease,
            OrderQuery, OrderStore, OutboxQuery, OutboxState, OutboxStore, StoreError, SyncStateStore,
            UnitOfWork, UpsertOutcome, WriteMode,
        };
        use $crate::store::codec;
        use $crate::store::sql::{self, be, is_unique_violation, Encoded, OrderWrite};
        use $crate::store::{from_micros, next_lease, push_order_filters, to_micros};

        type __Conn = <$db as sqlx::Database>::Connection;
        type __Row = <$db as sqlx::Database>::Row;

        impl $store {
            async fn migrate(&self) -> Result<(), StoreError> {
                let mut tx = self.writer().begin_with($begin).await.map_err(be("migrating"))?;
                let lock: &str = $migration_lock;
                if !lock.is_empty() {
                    sqlx::query(lock)
                        .execute(&mut *tx)
                        .await
                        .map_err(be("locking the schema for migration"))?;
                }
                sqlx::raw_sql($create_migrations)
                    .execute(&mut *tx)
                    .await
                    .map_err(be("migrating"))?;
                let newest: Option<(i64, String)> = sqlx::query_as(sql::NEWEST_MIGRATION)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(be("reading the schema version"))?;
                let known: &[$crate::store::migrations::Migration] = $migrations;
                if let Err(e) = $crate::store::migrations::check_not_newer(known, newest.clone()) {
                    tx.rollback().await.map_err(be("migrating"))?;
                    return Err(e);
                }
                let current = newest.map_or(0, |(v, _)| v);
                for m in known.iter().filter(|m| m.version > current) {
                    let fail = |e: sqlx::Error| StoreError::Migration {
                        version: m.version,
                        name: m.name,
                        source: e.into(),
                    };
                    sqlx::raw_sql(m.sql).execute(&mut *tx).await.map_err(fail)?;
                    sqlx::query(sql::RECORD_MIGRATION)
                        .bind(m.version)
                        .bind(m.name)
                        .execute(&mut *tx)
                        .await
                        .map_err(fail)?;
                }
                tx.commit().await.map_err(be("migrating"))?;
                Ok(())
            }

            fn decode_order_row(&self, row: &__Row) -> Result<Order, StoreError> {
                let id: String = row.try_get("id").map_err(be("reading an order"))?;
                let body: String = row
                    .try_get("body")
                    .map_err(|_| StoreError::corrupt("orders", &id, "the body is not text"))?;
                let pii: Option<Vec<u8>> = row
                    .try_get("pii")
                    .map_err(|_| StoreError::corrupt("orders", &id, "the personal data is not a blob"))?;
                let key_id: Option<String> = row
                    .try_get("pii_key_id")
                    .map_err(|_| StoreError::corrupt("orders", &id, "the key id is not text"))?;
                codec::decode_order(&id, &body, pii.as_deref(), key_id.as_deref(), &self.keyring)
            }

            /// Runs the transaction of `encoded`, while the same task encodes its orders: the encoding of the
            /// next statement's rows overlaps the database's work on this one.
            async fn commit_encoded(&self, encoded: Encoded<'_>) -> Result<CommitReport, StoreError> {
                let (to, from) = futures::channel::mpsc::unbounded();
                let mut rows = sql::EncodedRows::new(from, encoded.orders.len());
                let (result, ()) = futures::join!(
                    self.write_encoded(&encoded, &mut rows),
                    sql::encode_writes(&encoded.orders, &self.keyring, to),
                );
                result
            }

            async fn write_encoded(
                &self,
                encoded: &Encoded<'_>,
                rows: &mut sql::EncodedRows,
            ) -> Result<CommitReport, StoreError> {
                let mut tx = self.writer().begin_with($begin)
                    .await
                    .map_err(be("starting a transaction"))?;
                if let Some(check) = encoded.lease {
                    let lease: Option<(String, i64)> =
                        sqlx::query_as(&format!("SELECT holder, expires_at FROM leases WHERE name = $1{}", $lock))
                            .bind(&check.name)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(be("checking a lease"))?;
                    if !matches!(&lease, Some((holder, expires))
                        if *holder == check.holder && *expires > to_micros(check.now))
                    {
                        return Err(StoreError::LeaseLost {
                            name: check.name.clone(),
                            holder: check.holder.clone(),
                        });
                    }
                }

                // The stored LastUpdateDate of every order in the batch (locked where the dialect locks rows).
                let mut stored: __HashMap<&str, i64> = __HashMap::new();
                let mut ids: Vec<&str> = encoded.orders.iter().map(|p| p.order.id.as_str()).collect();
                ids.sort_unstable();
                ids.dedup();
                for chunk in ids.chunks(sql::IDS_PER_STATEMENT) {
                    let mut qb = QueryBuilder::<$db>::new(sql::STORED_DATES);
                    let mut sep = qb.separated(", ");
                    for id in chunk {
                        sep.push_bind(*id);
                    }
                    qb.push(") ORDER BY id").push($lock);
                    let found: Vec<(String, i64)> = qb
                        .build_query_as()
                        .fetch_all(&mut *tx)
                        .await
                        .map_err(be("reading orders"))?;
                    for (id, at) in found {
                        if let Ok(i) = chunk.binary_search(&id.as_str()) {
                            stored.insert(chunk[i], at);
                        }
                    }
                }
                let (report, writes) = sql::decide_batch(&encoded.orders, stored)?;
                let (set, keep): (Vec<OrderWrite>, Vec<OrderWrite>) =
                    writes.into_iter().partition(|w| !encoded.orders[w.pii].keeps_pii);
                for (writes, set_pii) in [(set, true), (keep, false)] {
                    for chunk in writes.chunks(sql::ORDER_ROWS_PER_STATEMENT) {
                        let rows = rows.next_rows(chunk).await?;
                        let mut qb = QueryBuilder::<$db>::new(sql::ORDER_INSERT);
                        sql::push_order_values!(qb, rows);
                        qb.push(sql::ORDER_UPSERT_KEEP_PII);
                        if set_pii {
                            qb.push(sql::ORDER_UPSERT_SET_PII);
                        }
                        qb.push(sql::ORDER_GUARD);
                        qb.build()
                            .execute(&mut *tx)
                            .await
                            .map_err(be("writing orders"))?;
                    }
                }
                rows.finish().await?;

                if !encoded.outbox.is_empty() {
                    let ids: Vec<&str> = encoded.outbox.iter().map(|o| o.entry.id.as_str()).collect();
                    for chunk in ids.chunks(sql::IDS_PER_STATEMENT) {
                        let mut qb = QueryBuilder::<$db>::new(sql::OUTBOX_EXISTING);
                        let mut sep = qb.separated(", ");
                        for id in chunk {
                            sep.push_bind(*id);
                        }
                        qb.push(") LIMIT 1");
                        let dup: Option<(String,)> = qb
                            .build_query_as()
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(be("reading the outbox"))?;
                        if let Some((id,)) = dup {
                            return Err(StoreError::Duplicate {
                                kind: "outbox entry",
                                id,
                            });
                        }
                    }
                    for o in &encoded.outbox {
                        let e = o.entry;
                        sqlx::query(sql::OUTBOX_INSERT)
                            .bind(e.id.as_str())
                            .bind(e.connection_id.as_str())
                            .bind(e.seller_id.as_str())
                            .bind(e.payload.kind())
                            .bind(OutboxState::of(&e.status).as_str())
                            .bind(&o.status)
                            .bind(to_micros(e.created_at))
                            .bind(to_micros(e.not_before))
                            .bind(i64::from(e.attempts))
                            .bind(&o.body)
                            .execute(&mut *tx)
                            .await
                            .map_err(|err| {
                                if is_unique_violation(&err) {
                                    StoreError::Duplicate {
                                        kind: "outbox entry",
                                        id: e.id.0.clone(),
                                    }
                                } else {
                                    StoreError::backend("writing the outbox", err)
                                }
                            })?;
                    }
                }

                for (sku, body) in &encoded.items {
                    sqlx::query(sql::PUT_ITEM)
                        .bind(*sku)
                        .bind(body)
                        .execute(&mut *tx)
                        .await
                        .map_err(be("writing inventory"))?;
                }
                for c in encoded.cursors {
                    Self::write_cursor(&mut tx, c).await?;
                }
                tx.commit().await.map_err(be("committing"))?;
                Ok(report)
            }

            async fn write_cursor(conn: &mut __Conn, c: &Cursor) -> Result<(), StoreError> {
                sqlx::query(sql::PUT_CURSOR)
                    .bind(c.connection_id.as_str())
                    .bind(&c.scope)
                    .bind(c.position.map(to_micros))
                    .bind(&c.token)
                    .bind(to_micros(c.updated_at))
                    .execute(&mut *conn)
                    .await
                    .map_err(be("writing a cursor"))?;
                Ok(())
            }

            async fn update_outbox(
                &self,
                ids: &[OutboxId],
                state: OutboxState,
                status: &OutboxStatus,
                not_before: Option<DateTime<Utc>>,
            ) -> Result<(), StoreError> {
                let status_json = codec::encode_json("outbox", "", status)?;
                let mut tx = self.writer().begin_with($begin)
                    .await
                    .map_err(be("starting a transaction"))?;
                for id in ids {
                    let done = sqlx::query(sql::OUTBOX_UPDATE)
                        .bind(state.as_str())
                        .bind(&status_json)
                        .bind(not_before.map(to_micros))
                        .bind(id.as_str())
                        .execute(&mut *tx)
                        .await
                        .map_err(be("updating the outbox"))?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound {
                            kind: "outbox entry",
                            id: id.0.clone(),
                        });
                    }
                }
                tx.commit().await.map_err(be("committing"))?;
                Ok(())
            }
        }

        fn decode_outbox_row(row: &__Row) -> Result<OutboxEntry, StoreError> {
            let id: String = row.try_get("id").map_err(be("reading the outbox"))?;
            let bad = |what: &str| StoreError::corrupt("outbox", &id, format!("{what} has the wrong type"));
            let body: String = row.try_get("body").map_err(|_| bad("the body"))?;
            let status: String = row.try_get("status").map_err(|_| bad("the status"))?;
            let not_before: i64 = row.try_get("not_before").map_err(|_| bad("not_before"))?;
            let attempts: i64 = row.try_get("attempts").map_err(|_| bad("attempts"))?;
            codec::decode_outbox(&id, &body, &status, not_before, attempts)
        }

        fn decode_lease(row: (String, String, i64, i64)) -> Result<Lease, StoreError> {
            let (name, holder, expires_at, generation) = row;
            let expires_at = from_micros("leases", &name, expires_at)?;
            Ok(Lease {
                name,
                holder,
                expires_at,
                generation,
            })
        }

        #[async_trait]
        impl UnitOfWork for $store {
            async fn commit(&self, changes: ChangeSet) -> Result<CommitReport, StoreError> {
                self.commit_encoded(Encoded::changes(&changes, &self.keyring)?)
                    .await
            }
        }

        #[async_trait]
        impl OrderStore for $store {
            async fn upsert_orders(&self, orders: &[Order]) -> Result<Vec<UpsertOutcome>, StoreError> {
                let encoded = Encoded::orders(orders.iter().map(|o| (o, WriteMode::Import)), &self.keyring)?;
                Ok(self
                    .commit_encoded(encoded)
                    .await?
                    .orders
                    .into_iter()
                    .map(|(_, o)| o)
                    .collect())
            }

            async fn save_order(&self, order: &Order) -> Result<UpsertOutcome, StoreError> {
                let encoded = Encoded::orders([(order, WriteMode::Save)], &self.keyring)?;
                let report = self.commit_encoded(encoded).await?;
                Ok(report
                    .orders
                    .first()
                    .map_or(UpsertOutcome::Unchanged, |(_, o)| *o))
            }

            async fn get_order(&self, id: &AmazonOrderId) -> Result<Option<Order>, StoreError> {
                let row = sqlx::query(sql::GET_ORDER)
                    .bind(id.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(be("reading an order"))?;
                row.map(|r| self.decode_order_row(&r)).transpose()
            }

            async fn query_orders(&self, query: &OrderQuery) -> Result<Vec<Order>, StoreError> {
                let mut qb = QueryBuilder::<$db>::new(sql::QUERY_ORDERS);
                push_order_filters!(qb, query);
                qb.push(" ORDER BY purchased_at, id LIMIT ")
                    .push_bind(sql::limit(query.limit))
                    .push(" OFFSET ")
                    .push_bind(i64::from(query.offset));
                let rows = qb
                    .build()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(be("querying orders"))?;
                rows.iter().map(|r| self.decode_order_row(r)).collect()
            }

            async fn count_orders(&self, query: &OrderQuery) -> Result<u64, StoreError> {
                let mut qb = QueryBuilder::<$db>::new(sql::COUNT_ORDERS);
                push_order_filters!(qb, query);
                let (n,): (i64,) = qb
                    .build_query_as()
                    .fetch_one(&self.pool)
                    .await
                    .map_err(be("counting orders"))?;
                Ok(u64::try_from(n).unwrap_or(0))
            }
        }

        #[async_trait]
        impl InventoryStore for $store {
            async fn put_items(&self, items: &[InventoryItem]) -> Result<(), StoreError> {
                let changes = ChangeSet {
                    inventory: items.to_vec(),
                    ..ChangeSet::default()
                };
                self.commit(changes).await.map(|_| ())
            }

            async fn get_item(&self, sku: &str) -> Result<Option<InventoryItem>, StoreError> {
                let row: Option<(String,)> = sqlx::query_as(sql::GET_ITEM)
                    .bind(sku)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(be("reading inventory"))?;
                row.map(|(body,)| codec::decode_json("inventory", sku, &body))
                    .transpose()
            }

            async fn list_items(&self) -> Result<Vec<InventoryItem>, StoreError> {
                let rows: Vec<(String, String)> = sqlx::query_as(sql::LIST_ITEMS)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(be("reading inventory"))?;
                rows.iter()
                    .map(|(sku, body)| codec::decode_json("inventory", sku, body))
                    .collect()
            }
        }

        #[async_trait]
        impl SyncStateStore for $store {
            async fn get_cursor(
                &self,
                connection_id: &ConnectionId,
                scope: &str,
            ) -> Result<Option<Cursor>, StoreError> {
                let row: Option<(Option<i64>, Option<String>, i64)> = sqlx::query_as(sql::GET_CURSOR)
                    .bind(connection_id.as_str())
                    .bind(scope)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(be("reading a cursor"))?;
                let Some((position, token, updated_at)) = row else {
                    return Ok(None);
                };
                let key = format!("{connection_id}/{scope}");
                Ok(Some(Cursor {
                    connection_id: connection_id.clone(),
                    scope: scope.to_owned(),
                    position: position.map(|p| from_micros("cursors", &key, p)).transpose()?,
                    token,
                    updated_at: from_micros("cursors", &key, updated_at)?,
                }))
            }

            async fn put_cursor(&self, cursor: &Cursor) -> Result<(), StoreError> {
                let mut conn = self.writer().acquire().await.map_err(be("writing a cursor"))?;
                Self::write_cursor(&mut conn, cursor).await
            }

            async fn acquire_lease(
                &self,
                name: &str,
                holder: &str,
                now: DateTime<Utc>,
                ttl: Duration,
            ) -> Result<Option<Lease>, StoreError> {
                let mut tx = self.writer().begin_with($begin).await.map_err(be("taking a lease"))?;
                // Make sure the row exists, then read it under the write lock (SQLite) or its row lock
                // (PostgreSQL): concurrent acquirers queue.
                sqlx::query(sql::LEASE_PLACEHOLDER)
                    .bind(name)
                    .execute(&mut *tx)
                    .await
                    .map_err(be("taking a lease"))?;
                let current: Option<(String, String, i64, i64)> =
                    sqlx::query_as(&format!("{}{}", sql::LEASE_ROW, $lock))
                        .bind(name)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(be("taking a lease"))?;
                let current = current.map(decode_lease).transpose()?;
                let Some(lease) = next_lease(current.as_ref(), name, holder, now, ttl) else {
                    return Ok(None);
                };
                sqlx::query(sql::PUT_LEASE)
                    .bind(name)
                    .bind(holder)
                    .bind(to_micros(lease.expires_at))
                    .bind(lease.generation)
                    .execute(&mut *tx)
                    .await
                    .map_err(be("taking a lease"))?;
                tx.commit().await.map_err(be("taking a lease"))?;
                Ok(Some(lease))
            }

            async fn release_lease(&self, name: &str, holder: &str) -> Result<bool, StoreError> {
                let done = sqlx::query(sql::RELEASE_LEASE)
                    .bind(name)
                    .bind(holder)
                    .execute(self.writer())
                    .await
                    .map_err(be("releasing a lease"))?;
                Ok(done.rows_affected() > 0 && !holder.is_empty())
            }

            async fn get_lease(&self, name: &str) -> Result<Option<Lease>, StoreError> {
                let row: Option<(String, String, i64, i64)> = sqlx::query_as(sql::GET_LEASE)
                    .bind(name)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(be("reading a lease"))?;
                row.map(decode_lease).transpose()
            }
        }

        #[async_trait]
        impl OutboxStore for $store {
            async fn enqueue(&self, entries: &[OutboxEntry]) -> Result<(), StoreError> {
                let changes = ChangeSet {
                    outbox: entries.to_vec(),
                    ..ChangeSet::default()
                };
                self.commit(changes).await.map(|_| ())
            }

            async fn claim_due(
                &self,
                now: DateTime<Utc>,
                limit: u32,
                claimer: &str,
                claim_ttl: Duration,
            ) -> Result<Vec<OutboxEntry>, StoreError> {
                // One statement. SQLite runs it under its write lock; in PostgreSQL rows another claimer has
                // locked are skipped, and rows it claimed and committed fail the re-checked `claimed_until`
                // condition. So two claimers never get the same entry.
                let rows = sqlx::query(&format!("{}{}{}", sql::OUTBOX_CLAIM, $skip, sql::OUTBOX_CLAIM_END))
                    .bind(claimer)
                    .bind(to_micros(now + claim_ttl))
                    .bind(to_micros(now))
                    .bind(to_micros(now))
                    .bind(i64::from(limit))
                    .fetch_all(self.writer())
                    .await
                    .map_err(be("claiming outbox entries"))?;
                let mut keyed = Vec::with_capacity(rows.len());
                for row in &rows {
                    let seq: i64 = row.try_get("seq").map_err(be("claiming outbox entries"))?;
                    let created: i64 = row
                        .try_get("created_at")
                        .map_err(be("claiming outbox entries"))?;
                    keyed.push(((created, seq), decode_outbox_row(row)?));
                }
                keyed.sort_by_key(|(k, _)| *k);
                Ok(keyed.into_iter().map(|(_, e)| e).collect())
            }

            async fn mark_submitted(&self, ids: &[OutboxId], feed_record_id: &str) -> Result<(), StoreError> {
                let status = OutboxStatus::Submitted {
                    feed_record_id: feed_record_id.to_owned(),
                };
                self.update_outbox(ids, OutboxState::Submitted, &status, None)
                    .await
            }

            async fn mark_done(&self, ids: &[OutboxId]) -> Result<(), StoreError> {
                self.update_outbox(ids, OutboxState::Done, &OutboxStatus::Done, None)
                    .await
            }

            async fn mark_failed(&self, id: &OutboxId, message: &str, retryable: bool) -> Result<(), StoreError> {
                let status = OutboxStatus::Failed {
                    message: message.to_owned(),
                    retryable,
                };
                self.update_outbox(std::slice::from_ref(id), OutboxState::Failed, &status, None)
                    .await
            }

            async fn retry_at(&self, id: &OutboxId, not_before: DateTime<Utc>) -> Result<(), StoreError> {
                self.update_outbox(
                    std::slice::from_ref(id),
                    OutboxState::Pending,
                    &OutboxStatus::Pending,
                    Some(not_before),
                )
                .await
            }

            async fn get_outbox(&self, id: &OutboxId) -> Result<Option<OutboxEntry>, StoreError> {
                let row = sqlx::query(sql::GET_OUTBOX)
                    .bind(id.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(be("reading the outbox"))?;
                row.as_ref().map(decode_outbox_row).transpose()
            }

            async fn list_outbox(&self, query: &OutboxQuery) -> Result<Vec<OutboxEntry>, StoreError> {
                let mut qb = QueryBuilder::<$db>::new(sql::LIST_OUTBOX);
                if let Some(c) = &query.connection_id {
                    qb.push(" AND connection_id = ").push_bind(c.as_str());
                }
                if let Some(s) = query.state {
                    qb.push(" AND state = ").push_bind(s.as_str());
                }
                qb.push(" ORDER BY created_at, seq LIMIT ")
                    .push_bind(sql::limit(query.limit));
                let rows = qb
                    .build()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(be("reading the outbox"))?;
                rows.iter().map(decode_outbox_row).collect()
            }
        }

        #[async_trait]
        impl FeedLogStore for $store {
            async fn record_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
                sqlx::query(sql::RECORD_FEED)
                    .bind(&record.id)
                    .bind(record.connection_id.as_str())
                    .bind(record.seller_id.as_str())
                    .bind(codec::feed_status_name(&record.id, &record.status)?)
                    .bind(to_micros(record.submitted_at))
                    .bind(codec::feed_body(record)?)
                    .execute(self.writer())
                    .await
                    .map_err(|e| {
                        if is_unique_violation(&e) {
                            StoreError::Duplicate {
                                kind: "feed record",
                                id: record.id.clone(),
                            }
                        } else {
                            StoreError::backend("recording a feed", e)
                        }
                    })?;
                Ok(())
            }

            async fn update_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
                let done = sqlx::query(sql::UPDATE_FEED)
                    .bind(codec::feed_status_name(&record.id, &record.status)?)
                    .bind(to_micros(record.submitted_at))
                    .bind(codec::feed_body(record)?)
                    .bind(&record.id)
                    .execute(self.writer())
                    .await
                    .map_err(be("updating a feed record"))?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::NotFound {
                        kind: "feed record",
                        id: record.id.clone(),
                    });
                }
                Ok(())
            }

            async fn get_feed(&self, id: &str) -> Result<Option<FeedRecord>, StoreError> {
                let row: Option<(String,)> = sqlx::query_as(sql::GET_FEED)
                    .bind(id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(be("reading the feed log"))?;
                row.map(|(b,)| codec::decode_json("feed_log", id, &b)).transpose()
            }

            async fn list_feeds(&self, query: &FeedLogQuery) -> Result<Vec<FeedRecord>, StoreError> {
                let mut qb = QueryBuilder::<$db>::new(sql::LIST_FEEDS);
                if let Some(c) = &query.connection_id {
                    qb.push(" AND connection_id = ").push_bind(c.as_str());
                }
                if let Some(s) = &query.status {
                    qb.push(" AND status = ")
                        .push_bind(codec::feed_status_name("", s)?);
                }
                qb.push(" ORDER BY submitted_at DESC, id DESC LIMIT ")
                    .push_bind(sql::limit(query.limit));
                let rows: Vec<(String, String)> = qb
                    .build_query_as()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(be("reading the feed log"))?;
                rows.iter()
                    .map(|(id, b)| codec::decode_json("feed_log", id, b))
                    .collect()
            }
        }

        #[async_trait]
        impl ConnectionStore for $store {
            async fn save_connection(&self, connection: &Connection) -> Result<(), StoreError> {
                let (body, health) = codec::connection_columns(connection)?;
                sqlx::query(sql::SAVE_CONNECTION)
                    .bind(connection.id.as_str())
                    .bind(connection.seller_id.as_str())
                    .bind(body)
                    .bind(health)
                    .execute(self.writer())
                    .await
                    .map_err(be("writing a connection"))?;
                Ok(())
            }

            async fn get_connection(&self, id: &ConnectionId) -> Result<Option<Connection>, StoreError> {
                let row: Option<(String, String)> = sqlx::query_as(sql::GET_CONNECTION)
                    .bind(id.as_str())
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(be("reading a connection"))?;
                row.map(|(body, health)| codec::decode_connection(id.as_str(), &body, &health))
                    .transpose()
            }

            async fn list_connections(&self) -> Result<Vec<Connection>, StoreError> {
                let rows: Vec<(String, String, String)> = sqlx::query_as(sql::LIST_CONNECTIONS)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(be("reading connections"))?;
                rows.iter()
                    .map(|(id, body, health)| codec::decode_connection(id, body, health))
                    .collect()
            }

            async fn set_connection_health(
                &self,
                id: &ConnectionId,
                health: &ConnectionHealth,
            ) -> Result<(), StoreError> {
                let done = sqlx::query(sql::SET_CONNECTION_HEALTH)
                    .bind(codec::connection_health(id.as_str(), health)?)
                    .bind(id.as_str())
                    .execute(self.writer())
                    .await
                    .map_err(be("updating a connection"))?;
                if done.rows_affected() == 0 {
                    return Err(StoreError::NotFound {
                        kind: "connection",
                        id: id.0.clone(),
                    });
                }
                Ok(())
            }
        }
    };
}
pub(crate) use sql_store;
