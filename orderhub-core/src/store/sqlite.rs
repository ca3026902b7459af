//! The SQLite store (feature `sqlite`): a file, or a database in memory. The embedded default.
//!
//! Writes take SQLite's write lock up front (`BEGIN IMMEDIATE`), so a change set, a lease or an outbox
//! claim is decided and written without interleaving. Personal data is sealed with the store's
//! [`Keyring`] before it reaches the database.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::str::FromStr;
use std::time::Duration as StdDuration;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection};

use crate::crypto::Keyring;
use crate::domain::{
    AmazonOrderId, ConnectionId, FeedRecord, InventoryItem, Order, OutboxEntry, OutboxId, OutboxStatus,
};
use crate::ports::{
    ChangeSet, CommitReport, Cursor, FeedLogQuery, FeedLogStore, InventoryStore, Lease, LeaseCheck,
    OrderQuery, OrderStore, OutboxQuery, OutboxState, OutboxStore, StoreError, SyncStateStore, UnitOfWork,
    UpsertOutcome, WriteMode,
};

use super::codec::{self, OrderRow, PiiWrite};
use super::migrations::{self, SQLITE};
use super::{decide, from_micros, next_lease, push_order_filters, to_micros};

const CHUNK: usize = 400;

fn be(operation: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| StoreError::backend(operation, e)
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| d.is_unique_violation())
}

/// A store in a SQLite database.
#[derive(Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    keyring: Keyring,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("keyring", &self.keyring)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// Opens (creating it if needed) the database file at `path`, and migrates it.
    ///
    /// # Errors
    /// [`StoreError::Backend`] when the file cannot be opened; [`StoreError::NewerSchema`] when it was written
    /// by a newer OrderHub; [`StoreError::Migration`].
    pub async fn open(path: impl AsRef<Path>, keyring: Keyring) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::new()
            .filename(path.as_ref())
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(StdDuration::from_secs(10))
            .foreign_keys(true);
        Self::with_options(options, 4, keyring).await
    }

    /// A fresh database in memory (one connection; gone when the store is dropped).
    ///
    /// # Errors
    /// As [`SqliteStore::open`].
    pub async fn in_memory(keyring: Keyring) -> Result<Self, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:").map_err(|e| StoreError::Config {
            message: e.to_string(),
        })?;
        Self::with_options(options, 1, keyring).await
    }

    /// Opens a database with your own connection options and pool size, and migrates it. An in-memory
    /// database needs `max_connections` = 1 (each connection would see its own database).
    ///
    /// # Errors
    /// As [`SqliteStore::open`].
    pub async fn with_options(
        options: SqliteConnectOptions,
        max_connections: u32,
        keyring: Keyring,
    ) -> Result<Self, StoreError> {
        let pool = SqlitePoolOptions::new()
            .max_connections(max_connections.max(1))
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await
            .map_err(be("opening the database"))?;
        let store = SqliteStore { pool, keyring };
        if let Err(e) = store.migrate().await {
            // Return the connection (and roll back its transaction) before reporting.
            store.pool.close().await;
            return Err(e);
        }
        Ok(store)
    }

    /// The connection pool (for your own queries; the tables are OrderHub's).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The keyring personal data is sealed with.
    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// A handle on the same database with another keyring (to read with other keys, or none).
    pub fn with_keyring(&self, keyring: Keyring) -> Self {
        SqliteStore {
            pool: self.pool.clone(),
            keyring,
        }
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await.map_err(be("migrating"))?;
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS orderhub_migrations (version INTEGER PRIMARY KEY NOT NULL, \
             name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        )
        .execute(&mut *conn)
        .await
        .map_err(be("migrating"))?;
        let mut tx = sqlx::Connection::begin_with(&mut *conn, "BEGIN IMMEDIATE")
            .await
            .map_err(be("migrating"))?;
        let newest: Option<(i64, String)> = sqlx::query_as(&format!(
            "SELECT version, name FROM {} ORDER BY version DESC LIMIT 1",
            migrations::TABLE
        ))
        .fetch_optional(&mut *tx)
        .await
        .map_err(be("reading the schema version"))?;
        if let Err(e) = migrations::check_not_newer(SQLITE, newest.clone()) {
            tx.rollback().await.map_err(be("migrating"))?;
            return Err(e);
        }
        let current = newest.map_or(0, |(v, _)| v);
        for m in SQLITE.iter().filter(|m| m.version > current) {
            let fail = |e: sqlx::Error| StoreError::Migration {
                version: m.version,
                name: m.name,
                source: e.into(),
            };
            sqlx::raw_sql(m.sql).execute(&mut *tx).await.map_err(fail)?;
            sqlx::query(&format!(
                "INSERT INTO {} (version, name) VALUES (?, ?)",
                migrations::TABLE
            ))
            .bind(m.version)
            .bind(m.name)
            .execute(&mut *tx)
            .await
            .map_err(fail)?;
        }
        tx.commit().await.map_err(be("migrating"))?;
        Ok(())
    }

    fn decode_order_row(&self, row: &SqliteRow) -> Result<Order, StoreError> {
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

    async fn commit_changes(&self, changes: ChangeSet) -> Result<CommitReport, StoreError> {
        // Encode (and encrypt) before taking the write lock.
        let mut rows = Vec::with_capacity(changes.orders.len());
        for (order, mode) in &changes.orders {
            rows.push((
                codec::encode_order(order, &self.keyring)?,
                *mode,
                order.dates.last_updated,
            ));
        }
        let mut seen = HashSet::new();
        let mut outbox = Vec::with_capacity(changes.outbox.len());
        for e in &changes.outbox {
            if !seen.insert(e.id.as_str()) {
                return Err(StoreError::Duplicate {
                    kind: "outbox entry",
                    id: e.id.0.clone(),
                });
            }
            outbox.push((
                e,
                codec::outbox_body(e)?,
                codec::encode_json("outbox", e.id.as_str(), &e.status)?,
            ));
        }
        let mut items = Vec::with_capacity(changes.inventory.len());
        for i in &changes.inventory {
            items.push((i.sku.as_str(), codec::item_body(i)?));
        }

        let mut tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(be("starting a transaction"))?;
        if let Some(check) = &changes.lease {
            check_lease(&mut tx, check).await?;
        }

        // The stored LastUpdateDate of every order in the batch.
        let mut stored: HashMap<String, i64> = HashMap::new();
        let ids: Vec<&str> = rows.iter().map(|(r, _, _)| r.id.as_str()).collect();
        for chunk in ids.chunks(CHUNK) {
            let mut qb = QueryBuilder::<Sqlite>::new("SELECT id, last_updated_at FROM orders WHERE id IN (");
            let mut sep = qb.separated(", ");
            for id in chunk {
                sep.push_bind(*id);
            }
            qb.push(")");
            let found: Vec<(String, i64)> = qb
                .build_query_as()
                .fetch_all(&mut *tx)
                .await
                .map_err(be("reading orders"))?;
            stored.extend(found);
        }

        let mut report = CommitReport::default();
        for (row, mode, updated) in &rows {
            let prior = match stored.get(&row.id) {
                Some(v) => Some(from_micros("orders", &row.id, *v)?),
                None => None,
            };
            let outcome = decide(prior, *updated, *mode);
            report.orders.push((AmazonOrderId(row.id.clone()), outcome));
            if outcome.written() {
                write_order(&mut tx, row).await?;
                stored.insert(row.id.clone(), row.last_updated_at);
            }
        }

        if !outbox.is_empty() {
            let ids: Vec<&str> = outbox.iter().map(|(e, _, _)| e.id.as_str()).collect();
            for chunk in ids.chunks(CHUNK) {
                let mut qb = QueryBuilder::<Sqlite>::new("SELECT id FROM outbox WHERE id IN (");
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
            for (e, body, status) in &outbox {
                sqlx::query(
                    "INSERT INTO outbox (id, connection_id, seller_id, kind, state, status, created_at, not_before, \
                     attempts, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(e.id.as_str())
                .bind(e.connection_id.as_str())
                .bind(e.seller_id.as_str())
                .bind(e.payload.kind())
                .bind(OutboxState::of(&e.status).as_str())
                .bind(status)
                .bind(to_micros(e.created_at))
                .bind(to_micros(e.not_before))
                .bind(i64::from(e.attempts))
                .bind(body)
                .execute(&mut *tx)
                .await
                .map_err(|err| {
                    if is_unique_violation(&err) {
                        StoreError::Duplicate { kind: "outbox entry", id: e.id.0.clone() }
                    } else {
                        StoreError::backend("writing the outbox", err)
                    }
                })?;
            }
        }

        for (sku, body) in &items {
            sqlx::query("INSERT INTO inventory (sku, body) VALUES (?, ?) ON CONFLICT(sku) DO UPDATE SET body = excluded.body")
                .bind(*sku)
                .bind(body)
                .execute(&mut *tx)
                .await
                .map_err(be("writing inventory"))?;
        }
        for c in &changes.cursors {
            write_cursor(&mut tx, c).await?;
        }
        tx.commit().await.map_err(be("committing"))?;
        Ok(report)
    }

    async fn update_outbox(
        &self,
        ids: &[OutboxId],
        state: OutboxState,
        status: &OutboxStatus,
        not_before: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        let status_json = codec::encode_json("outbox", "", status)?;
        let mut tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(be("starting a transaction"))?;
        for id in ids {
            let done = sqlx::query(
                "UPDATE outbox SET state = ?, status = ?, not_before = COALESCE(?, not_before), claimed_by = NULL, \
                 claimed_until = NULL WHERE id = ?",
            )
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

async fn check_lease(conn: &mut SqliteConnection, check: &LeaseCheck) -> Result<(), StoreError> {
    let lease: Option<(String, i64)> = sqlx::query_as("SELECT holder, expires_at FROM leases WHERE name = ?")
        .bind(&check.name)
        .fetch_optional(&mut *conn)
        .await
        .map_err(be("checking a lease"))?;
    match lease {
        Some((holder, expires)) if holder == check.holder && expires > to_micros(check.now) => Ok(()),
        _ => Err(StoreError::LeaseLost {
            name: check.name.clone(),
            holder: check.holder.clone(),
        }),
    }
}

async fn write_order(conn: &mut SqliteConnection, row: &OrderRow) -> Result<(), StoreError> {
    const COLS: &str = "INSERT INTO orders (id, seller_id, marketplace_id, fulfillment_channel, amazon_status, \
        hub_status, folder, purchased_at, last_updated_at, body, pii, pii_key_id) \
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET seller_id = excluded.seller_id, \
        marketplace_id = excluded.marketplace_id, fulfillment_channel = excluded.fulfillment_channel, \
        amazon_status = excluded.amazon_status, hub_status = excluded.hub_status, folder = excluded.folder, \
        purchased_at = excluded.purchased_at, last_updated_at = excluded.last_updated_at, body = excluded.body";
    let (sql, pii, key_id) = match &row.pii {
        PiiWrite::Set(Some((key_id, sealed))) => (
            format!("{COLS}, pii = excluded.pii, pii_key_id = excluded.pii_key_id"),
            Some(sealed),
            Some(key_id),
        ),
        PiiWrite::Set(None) => (
            format!("{COLS}, pii = excluded.pii, pii_key_id = excluded.pii_key_id"),
            None,
            None,
        ),
        PiiWrite::Keep => (COLS.to_owned(), None, None),
    };
    sqlx::query(&sql)
        .bind(&row.id)
        .bind(&row.seller_id)
        .bind(&row.marketplace_id)
        .bind(row.fulfillment_channel)
        .bind(&row.amazon_status)
        .bind(&row.hub_status)
        .bind(&row.folder)
        .bind(row.purchased_at)
        .bind(row.last_updated_at)
        .bind(&row.body)
        .bind(pii)
        .bind(key_id)
        .execute(&mut *conn)
        .await
        .map_err(be("writing an order"))?;
    Ok(())
}

async fn write_cursor(conn: &mut SqliteConnection, c: &Cursor) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO cursors (connection_id, scope, position, token, updated_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT(connection_id, scope) DO UPDATE SET position = excluded.position, token = excluded.token, \
         updated_at = excluded.updated_at",
    )
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

fn decode_outbox_row(row: &SqliteRow) -> Result<OutboxEntry, StoreError> {
    let id: String = row.try_get("id").map_err(be("reading the outbox"))?;
    let bad = |what: &str| StoreError::corrupt("outbox", &id, format!("{what} has the wrong type"));
    let body: String = row.try_get("body").map_err(|_| bad("the body"))?;
    let status: String = row.try_get("status").map_err(|_| bad("the status"))?;
    let not_before: i64 = row.try_get("not_before").map_err(|_| bad("not_before"))?;
    let attempts: i64 = row.try_get("attempts").map_err(|_| bad("attempts"))?;
    let mut entry: OutboxEntry = codec::decode_json("outbox", &id, &body)?;
    if entry.id.as_str() != id {
        return Err(StoreError::corrupt(
            "outbox",
            &id,
            "the body belongs to another entry",
        ));
    }
    entry.status = codec::decode_json("outbox", &id, &status)?;
    entry.not_before = from_micros("outbox", &id, not_before)?;
    entry.attempts = u32::try_from(attempts).map_err(|_| bad("attempts"))?;
    Ok(entry)
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
impl UnitOfWork for SqliteStore {
    async fn commit(&self, changes: ChangeSet) -> Result<CommitReport, StoreError> {
        self.commit_changes(changes).await
    }
}

#[async_trait]
impl OrderStore for SqliteStore {
    async fn upsert_orders(&self, orders: &[Order]) -> Result<Vec<UpsertOutcome>, StoreError> {
        let changes = ChangeSet {
            orders: orders.iter().map(|o| (o.clone(), WriteMode::Import)).collect(),
            ..ChangeSet::default()
        };
        Ok(self
            .commit_changes(changes)
            .await?
            .orders
            .into_iter()
            .map(|(_, o)| o)
            .collect())
    }

    async fn save_order(&self, order: &Order) -> Result<UpsertOutcome, StoreError> {
        let report = self.commit_changes(ChangeSet::new().save(order.clone())).await?;
        Ok(report
            .orders
            .first()
            .map_or(UpsertOutcome::Unchanged, |(_, o)| *o))
    }

    async fn get_order(&self, id: &AmazonOrderId) -> Result<Option<Order>, StoreError> {
        let row = sqlx::query("SELECT id, body, pii, pii_key_id FROM orders WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(be("reading an order"))?;
        row.map(|r| self.decode_order_row(&r)).transpose()
    }

    async fn query_orders(&self, query: &OrderQuery) -> Result<Vec<Order>, StoreError> {
        let mut qb = QueryBuilder::<Sqlite>::new("SELECT id, body, pii, pii_key_id FROM orders WHERE 1=1");
        push_order_filters!(qb, query);
        qb.push(" ORDER BY purchased_at, id LIMIT ")
            .push_bind(query.limit.map_or(-1, i64::from))
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
        let mut qb = QueryBuilder::<Sqlite>::new("SELECT COUNT(*) FROM orders WHERE 1=1");
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
impl InventoryStore for SqliteStore {
    async fn put_items(&self, items: &[InventoryItem]) -> Result<(), StoreError> {
        let changes = ChangeSet {
            inventory: items.to_vec(),
            ..ChangeSet::default()
        };
        self.commit_changes(changes).await.map(|_| ())
    }

    async fn get_item(&self, sku: &str) -> Result<Option<InventoryItem>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT body FROM inventory WHERE sku = ?")
            .bind(sku)
            .fetch_optional(&self.pool)
            .await
            .map_err(be("reading inventory"))?;
        row.map(|(body,)| codec::decode_json("inventory", sku, &body))
            .transpose()
    }

    async fn list_items(&self) -> Result<Vec<InventoryItem>, StoreError> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT sku, body FROM inventory ORDER BY sku")
            .fetch_all(&self.pool)
            .await
            .map_err(be("reading inventory"))?;
        rows.iter()
            .map(|(sku, body)| codec::decode_json("inventory", sku, body))
            .collect()
    }
}

#[async_trait]
impl SyncStateStore for SqliteStore {
    async fn get_cursor(
        &self,
        connection_id: &ConnectionId,
        scope: &str,
    ) -> Result<Option<Cursor>, StoreError> {
        let row: Option<(Option<i64>, Option<String>, i64)> = sqlx::query_as(
            "SELECT position, token, updated_at FROM cursors WHERE connection_id = ? AND scope = ?",
        )
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
        let mut conn = self.pool.acquire().await.map_err(be("writing a cursor"))?;
        write_cursor(&mut conn, cursor).await
    }

    async fn acquire_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        ttl: Duration,
    ) -> Result<Option<Lease>, StoreError> {
        let mut tx = self
            .pool
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(be("taking a lease"))?;
        let current: Option<(String, String, i64, i64)> =
            sqlx::query_as("SELECT name, holder, expires_at, generation FROM leases WHERE name = ?")
                .bind(name)
                .fetch_optional(&mut *tx)
                .await
                .map_err(be("taking a lease"))?;
        let current = current.map(decode_lease).transpose()?;
        let Some(lease) = next_lease(current.as_ref(), name, holder, now, ttl) else {
            return Ok(None);
        };
        sqlx::query(
            "INSERT INTO leases (name, holder, expires_at, generation) VALUES (?, ?, ?, ?) ON CONFLICT(name) \
             DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at, generation = excluded.generation",
        )
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
        let done = sqlx::query("UPDATE leases SET holder = '', expires_at = 0 WHERE name = ? AND holder = ?")
            .bind(name)
            .bind(holder)
            .execute(&self.pool)
            .await
            .map_err(be("releasing a lease"))?;
        Ok(done.rows_affected() > 0 && !holder.is_empty())
    }

    async fn get_lease(&self, name: &str) -> Result<Option<Lease>, StoreError> {
        let row: Option<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT name, holder, expires_at, generation FROM leases WHERE name = ? AND holder <> ''",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await
        .map_err(be("reading a lease"))?;
        row.map(decode_lease).transpose()
    }
}

#[async_trait]
impl OutboxStore for SqliteStore {
    async fn enqueue(&self, entries: &[OutboxEntry]) -> Result<(), StoreError> {
        let changes = ChangeSet {
            outbox: entries.to_vec(),
            ..ChangeSet::default()
        };
        self.commit_changes(changes).await.map(|_| ())
    }

    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        limit: u32,
        claimer: &str,
        claim_ttl: Duration,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        // One statement: SQLite runs it under its write lock, so two claimers never get the same entry.
        let rows = sqlx::query(
            "UPDATE outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE seq IN (\
             SELECT seq FROM outbox WHERE state = 'pending' AND not_before <= ? \
             AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY created_at, seq LIMIT ?) \
             RETURNING seq, id, body, status, created_at, not_before, attempts",
        )
        .bind(claimer)
        .bind(to_micros(now + claim_ttl))
        .bind(to_micros(now))
        .bind(to_micros(now))
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await
        .map_err(be("claiming outbox entries"))?;
        let mut keyed = Vec::with_capacity(rows.len());
        for row in &rows {
            let seq: i64 = row.try_get("seq").map_err(be("claiming outbox entries"))?;
            let created: i64 = row.try_get("created_at").map_err(be("claiming outbox entries"))?;
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
        let row = sqlx::query("SELECT id, body, status, not_before, attempts FROM outbox WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(be("reading the outbox"))?;
        row.as_ref().map(decode_outbox_row).transpose()
    }

    async fn list_outbox(&self, query: &OutboxQuery) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut qb = QueryBuilder::<Sqlite>::new(
            "SELECT id, body, status, not_before, attempts FROM outbox WHERE 1=1",
        );
        if let Some(c) = &query.connection_id {
            qb.push(" AND connection_id = ").push_bind(c.0.clone());
        }
        if let Some(s) = query.state {
            qb.push(" AND state = ").push_bind(s.as_str());
        }
        qb.push(" ORDER BY created_at, seq LIMIT ")
            .push_bind(query.limit.map_or(-1, i64::from));
        let rows = qb
            .build()
            .fetch_all(&self.pool)
            .await
            .map_err(be("reading the outbox"))?;
        rows.iter().map(decode_outbox_row).collect()
    }
}

fn feed_status_name(record: &FeedRecord) -> Result<String, StoreError> {
    let json = codec::encode_json("feed_log", &record.id, &record.status)?;
    Ok(json.trim_matches('"').to_owned())
}

#[async_trait]
impl FeedLogStore for SqliteStore {
    async fn record_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO feed_log (id, connection_id, seller_id, status, submitted_at, body) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(&record.id)
        .bind(record.connection_id.as_str())
        .bind(record.seller_id.as_str())
        .bind(feed_status_name(record)?)
        .bind(to_micros(record.submitted_at))
        .bind(codec::feed_body(record)?)
        .execute(&self.pool)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::Duplicate { kind: "feed record", id: record.id.clone() }
            } else {
                StoreError::backend("recording a feed", e)
            }
        })?;
        Ok(())
    }

    async fn update_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
        let done = sqlx::query("UPDATE feed_log SET status = ?, submitted_at = ?, body = ? WHERE id = ?")
            .bind(feed_status_name(record)?)
            .bind(to_micros(record.submitted_at))
            .bind(codec::feed_body(record)?)
            .bind(&record.id)
            .execute(&self.pool)
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
        let row: Option<(String,)> = sqlx::query_as("SELECT body FROM feed_log WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(be("reading the feed log"))?;
        row.map(|(b,)| codec::decode_json("feed_log", id, &b)).transpose()
    }

    async fn list_feeds(&self, query: &FeedLogQuery) -> Result<Vec<FeedRecord>, StoreError> {
        let mut qb = QueryBuilder::<Sqlite>::new("SELECT id, body FROM feed_log WHERE 1=1");
        if let Some(c) = &query.connection_id {
            qb.push(" AND connection_id = ").push_bind(c.0.clone());
        }
        if let Some(s) = &query.status {
            let name = codec::encode_json("feed_log", "", s)?;
            qb.push(" AND status = ")
                .push_bind(name.trim_matches('"').to_owned());
        }
        qb.push(" ORDER BY submitted_at DESC, id DESC LIMIT ")
            .push_bind(query.limit.map_or(-1, i64::from));
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
