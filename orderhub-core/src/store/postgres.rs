//! The PostgreSQL store (feature `postgres`): for deployments where several workers share one database.
//!
//! Workers coordinate through row locks: a change set locks the orders it decides on (`FOR UPDATE`), outbox
//! claims skip rows another worker holds (`FOR UPDATE SKIP LOCKED`), and leases are taken under a row lock.
//! Orders are written in bulk (`UNNEST`). Personal data is sealed with the store's [`Keyring`] before it
//! reaches the database. Queries are built at run time: no database is needed to compile.

use std::collections::{HashMap, HashSet};
use std::str::FromStr;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow};
use sqlx::{PgConnection, Postgres, QueryBuilder, Row};

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
use super::migrations::{self, POSTGRES};
use super::{decide, from_micros, next_lease, push_order_filters, to_micros};

fn be(operation: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
    move |e| StoreError::backend(operation, e)
}

fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| d.is_unique_violation())
}

/// A store in a SQLite database.
#[derive(Clone)]
pub struct PostgresStore {
    pool: PgPool,
    keyring: Keyring,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("keyring", &self.keyring)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database at `url` (for example `postgres://user@host:5432/hub`) and migrates it.
    ///
    /// # Errors
    /// [`StoreError::Config`] for a bad URL; [`StoreError::Backend`] when the database cannot be reached;
    /// [`StoreError::NewerSchema`] when it was written by a newer OrderHub; [`StoreError::Migration`].
    pub async fn connect(url: &str, keyring: Keyring) -> Result<Self, StoreError> {
        Self::with_options(Self::parse_url(url)?, 8, keyring).await
    }

    /// Connects to `url` and keeps OrderHub's tables in the schema `schema` (created when missing), for
    /// several hubs, or tests, sharing one database.
    ///
    /// # Errors
    /// As [`PostgresStore::connect`]; [`StoreError::Config`] when `schema` is not a plain identifier.
    pub async fn connect_in_schema(url: &str, schema: &str, keyring: Keyring) -> Result<Self, StoreError> {
        check_schema_name(schema)?;
        let options = Self::parse_url(url)?;
        {
            let mut conn: PgConnection = sqlx::Connection::connect_with(&options)
                .await
                .map_err(be("connecting"))?;
            sqlx::raw_sql(&format!("CREATE SCHEMA IF NOT EXISTS {schema}"))
                .execute(&mut conn)
                .await
                .map_err(be("creating the schema"))?;
            sqlx::Connection::close(conn).await.map_err(be("connecting"))?;
        }
        Self::with_options(options.options([("search_path", schema)]), 8, keyring).await
    }

    /// Deletes the schema `schema` and everything in it (OrderHub's tables with all orders): for tests,
    /// benchmarks and decommissioning a hub. There is no undo.
    ///
    /// # Errors
    /// [`StoreError::Config`] for a bad URL or schema name; [`StoreError::Backend`].
    pub async fn drop_schema(url: &str, schema: &str) -> Result<(), StoreError> {
        check_schema_name(schema)?;
        let mut conn: PgConnection = sqlx::Connection::connect_with(&Self::parse_url(url)?)
            .await
            .map_err(be("connecting"))?;
        sqlx::raw_sql(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
            .execute(&mut conn)
            .await
            .map_err(be("dropping the schema"))?;
        sqlx::Connection::close(conn).await.map_err(be("connecting"))?;
        Ok(())
    }

    fn parse_url(url: &str) -> Result<PgConnectOptions, StoreError> {
        // The parser's message can quote the URL, password included: never pass it on.
        PgConnectOptions::from_str(url).map_err(|_| StoreError::Config {
            message:
                "the PostgreSQL URL is not valid (expected postgres://user[:password]@host[:port]/database)"
                    .into(),
        })
    }

    /// Connects with your own connection options and pool size, and migrates the database.
    ///
    /// # Errors
    /// As [`PostgresStore::connect`].
    pub async fn with_options(
        options: PgConnectOptions,
        max_connections: u32,
        keyring: Keyring,
    ) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections.max(1))
            .connect_with(options)
            .await
            .map_err(be("opening the database"))?;
        let store = PostgresStore { pool, keyring };
        if let Err(e) = store.migrate().await {
            // Return the connection (and roll back its transaction) before reporting.
            store.pool.close().await;
            return Err(e);
        }
        Ok(store)
    }

    /// The connection pool (for your own queries; the tables are OrderHub's).
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The keyring personal data is sealed with.
    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// A handle on the same database with another keyring (to read with other keys, or none).
    pub fn with_keyring(&self, keyring: Keyring) -> Self {
        PostgresStore {
            pool: self.pool.clone(),
            keyring,
        }
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await.map_err(be("migrating"))?;
        // One migrator per schema at a time, even when several workers start together.
        sqlx::query("SELECT pg_advisory_xact_lock(72616, hashtext(current_schema()))")
            .execute(&mut *tx)
            .await
            .map_err(be("locking the schema for migration"))?;
        sqlx::raw_sql(
            "CREATE TABLE IF NOT EXISTS orderhub_migrations (version BIGINT PRIMARY KEY NOT NULL, \
             name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )
        .execute(&mut *tx)
        .await
        .map_err(be("migrating"))?;
        let newest: Option<(i64, String)> = sqlx::query_as(&format!(
            "SELECT version, name FROM {} ORDER BY version DESC LIMIT 1",
            migrations::TABLE
        ))
        .fetch_optional(&mut *tx)
        .await
        .map_err(be("reading the schema version"))?;
        if let Err(e) = migrations::check_not_newer(POSTGRES, newest.clone()) {
            tx.rollback().await.map_err(be("migrating"))?;
            return Err(e);
        }
        let current = newest.map_or(0, |(v, _)| v);
        for m in POSTGRES.iter().filter(|m| m.version > current) {
            let fail = |e: sqlx::Error| StoreError::Migration {
                version: m.version,
                name: m.name,
                source: e.into(),
            };
            sqlx::raw_sql(m.sql).execute(&mut *tx).await.map_err(fail)?;
            sqlx::query(&format!(
                "INSERT INTO {} (version, name) VALUES ($1, $2)",
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

    fn decode_order_row(&self, row: &PgRow) -> Result<Order, StoreError> {
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

        let mut tx = self.pool.begin().await.map_err(be("starting a transaction"))?;
        if let Some(check) = &changes.lease {
            check_lease(&mut tx, check).await?;
        }

        // The stored LastUpdateDate of every order in the batch.
        let mut stored: HashMap<String, i64> = HashMap::new();
        let ids: Vec<String> = rows.iter().map(|(r, _, _)| r.id.clone()).collect();
        if !ids.is_empty() {
            let found: Vec<(String, i64)> = sqlx::query_as(
                "SELECT id, last_updated_at FROM orders WHERE id = ANY($1) ORDER BY id FOR UPDATE",
            )
            .bind(&ids)
            .fetch_all(&mut *tx)
            .await
            .map_err(be("reading orders"))?;
            stored.extend(found);
        }

        let mut report = CommitReport::default();
        let mut written: Vec<&OrderRow> = Vec::new();
        let mut last_written: HashMap<&str, usize> = HashMap::new();
        for (row, mode, updated) in &rows {
            let prior = match stored.get(&row.id) {
                Some(v) => Some(from_micros("orders", &row.id, *v)?),
                None => None,
            };
            let outcome = decide(prior, *updated, *mode);
            report.orders.push((AmazonOrderId(row.id.clone()), outcome));
            if outcome.written() {
                stored.insert(row.id.clone(), row.last_updated_at);
                // Only the last written version of an order matters.
                last_written.insert(row.id.as_str(), written.len());
                written.push(row);
            }
        }
        let written: Vec<&OrderRow> = written
            .iter()
            .enumerate()
            .filter(|(i, r)| last_written.get(r.id.as_str()) == Some(i))
            .map(|(_, r)| *r)
            .collect();
        let (keep, set): (Vec<&OrderRow>, Vec<&OrderRow>) =
            written.into_iter().partition(|r| matches!(r.pii, PiiWrite::Keep));
        for chunk in set.chunks(2000) {
            write_orders_bulk(&mut tx, chunk).await?;
        }
        for row in keep {
            write_order(&mut tx, row).await?;
        }

        if !outbox.is_empty() {
            let ids: Vec<&str> = outbox.iter().map(|(e, _, _)| e.id.as_str()).collect();
            let dup: Option<(String,)> = sqlx::query_as("SELECT id FROM outbox WHERE id = ANY($1) LIMIT 1")
                .bind(&ids)
                .fetch_optional(&mut *tx)
                .await
                .map_err(be("reading the outbox"))?;
            if let Some((id,)) = dup {
                return Err(StoreError::Duplicate {
                    kind: "outbox entry",
                    id,
                });
            }
            for (e, body, status) in &outbox {
                sqlx::query(
                    "INSERT INTO outbox (id, connection_id, seller_id, kind, state, status, created_at, not_before, \
                     attempts, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
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
            sqlx::query("INSERT INTO inventory (sku, body) VALUES ($1, $2) ON CONFLICT(sku) DO UPDATE SET body = excluded.body")
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
        let mut tx = self.pool.begin().await.map_err(be("starting a transaction"))?;
        for id in ids {
            let done = sqlx::query(
                "UPDATE outbox SET state = $1, status = $2, not_before = COALESCE($3, not_before), claimed_by = NULL, \
                 claimed_until = NULL WHERE id = $4",
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

fn check_schema_name(schema: &str) -> Result<(), StoreError> {
    let first_ok = schema
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b == b'_');
    if !first_ok
        || schema.len() > 63
        || !schema
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(StoreError::Config {
            message: format!(
                "schema name `{schema}` must be 1 to 63 lower-case letters, digits or underscores, not starting \
                 with a digit"
            ),
        });
    }
    Ok(())
}

async fn check_lease(conn: &mut PgConnection, check: &LeaseCheck) -> Result<(), StoreError> {
    let lease: Option<(String, i64)> =
        sqlx::query_as("SELECT holder, expires_at FROM leases WHERE name = $1 FOR UPDATE")
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

/// Writes orders with personal-data columns set, in one statement.
async fn write_orders_bulk(conn: &mut PgConnection, rows: &[&OrderRow]) -> Result<(), StoreError> {
    let mut id = Vec::with_capacity(rows.len());
    let mut seller = Vec::with_capacity(rows.len());
    let mut marketplace = Vec::with_capacity(rows.len());
    let mut channel = Vec::with_capacity(rows.len());
    let mut amazon_status = Vec::with_capacity(rows.len());
    let mut hub_status = Vec::with_capacity(rows.len());
    let mut folder = Vec::with_capacity(rows.len());
    let mut purchased = Vec::with_capacity(rows.len());
    let mut updated = Vec::with_capacity(rows.len());
    let mut body = Vec::with_capacity(rows.len());
    let mut pii: Vec<Option<&[u8]>> = Vec::with_capacity(rows.len());
    let mut key_id: Vec<Option<&str>> = Vec::with_capacity(rows.len());
    for r in rows {
        id.push(r.id.as_str());
        seller.push(r.seller_id.as_str());
        marketplace.push(r.marketplace_id.as_str());
        channel.push(r.fulfillment_channel);
        amazon_status.push(r.amazon_status.as_str());
        hub_status.push(r.hub_status.as_str());
        folder.push(r.folder.as_deref());
        purchased.push(r.purchased_at);
        updated.push(r.last_updated_at);
        body.push(r.body.as_str());
        match &r.pii {
            PiiWrite::Set(Some((k, sealed))) => {
                pii.push(Some(sealed.as_slice()));
                key_id.push(Some(k.as_str()));
            }
            PiiWrite::Set(None) | PiiWrite::Keep => {
                pii.push(None);
                key_id.push(None);
            }
        }
    }
    sqlx::query(
        "INSERT INTO orders (id, seller_id, marketplace_id, fulfillment_channel, amazon_status, hub_status, \
         folder, purchased_at, last_updated_at, body, pii, pii_key_id) \
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], \
         $8::bigint[], $9::bigint[], $10::text[], $11::bytea[], $12::text[]) \
         ON CONFLICT (id) DO UPDATE SET seller_id = EXCLUDED.seller_id, marketplace_id = EXCLUDED.marketplace_id, \
         fulfillment_channel = EXCLUDED.fulfillment_channel, amazon_status = EXCLUDED.amazon_status, \
         hub_status = EXCLUDED.hub_status, folder = EXCLUDED.folder, purchased_at = EXCLUDED.purchased_at, \
         last_updated_at = EXCLUDED.last_updated_at, body = EXCLUDED.body, pii = EXCLUDED.pii, \
         pii_key_id = EXCLUDED.pii_key_id WHERE orders.last_updated_at <= EXCLUDED.last_updated_at",
    )
    .bind(id)
    .bind(seller)
    .bind(marketplace)
    .bind(channel)
    .bind(amazon_status)
    .bind(hub_status)
    .bind(folder)
    .bind(purchased)
    .bind(updated)
    .bind(body)
    .bind(pii)
    .bind(key_id)
    .execute(&mut *conn)
    .await
    .map_err(be("writing orders"))?;
    Ok(())
}

async fn write_order(conn: &mut PgConnection, row: &OrderRow) -> Result<(), StoreError> {
    const COLS: &str = "INSERT INTO orders (id, seller_id, marketplace_id, fulfillment_channel, amazon_status, \
        hub_status, folder, purchased_at, last_updated_at, body, pii, pii_key_id) \
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT(id) DO UPDATE SET seller_id = excluded.seller_id, \
        marketplace_id = excluded.marketplace_id, fulfillment_channel = excluded.fulfillment_channel, \
        amazon_status = excluded.amazon_status, hub_status = excluded.hub_status, folder = excluded.folder, \
        purchased_at = excluded.purchased_at, last_updated_at = excluded.last_updated_at, body = excluded.body";
    const GUARD: &str = " WHERE orders.last_updated_at <= excluded.last_updated_at";
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
    let sql = format!("{sql}{GUARD}");
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

async fn write_cursor(conn: &mut PgConnection, c: &Cursor) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO cursors (connection_id, scope, position, token, updated_at) VALUES ($1, $2, $3, $4, $5) \
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

fn decode_outbox_row(row: &PgRow) -> Result<OutboxEntry, StoreError> {
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
impl UnitOfWork for PostgresStore {
    async fn commit(&self, changes: ChangeSet) -> Result<CommitReport, StoreError> {
        self.commit_changes(changes).await
    }
}

#[async_trait]
impl OrderStore for PostgresStore {
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
        let row = sqlx::query("SELECT id, body, pii, pii_key_id FROM orders WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(be("reading an order"))?;
        row.map(|r| self.decode_order_row(&r)).transpose()
    }

    async fn query_orders(&self, query: &OrderQuery) -> Result<Vec<Order>, StoreError> {
        let mut qb = QueryBuilder::<Postgres>::new("SELECT id, body, pii, pii_key_id FROM orders WHERE 1=1");
        push_order_filters!(qb, query);
        qb.push(" ORDER BY purchased_at, id LIMIT ")
            .push_bind(query.limit.map(i64::from))
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
        let mut qb = QueryBuilder::<Postgres>::new("SELECT COUNT(*) FROM orders WHERE 1=1");
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
impl InventoryStore for PostgresStore {
    async fn put_items(&self, items: &[InventoryItem]) -> Result<(), StoreError> {
        let changes = ChangeSet {
            inventory: items.to_vec(),
            ..ChangeSet::default()
        };
        self.commit_changes(changes).await.map(|_| ())
    }

    async fn get_item(&self, sku: &str) -> Result<Option<InventoryItem>, StoreError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT body FROM inventory WHERE sku = $1")
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
impl SyncStateStore for PostgresStore {
    async fn get_cursor(
        &self,
        connection_id: &ConnectionId,
        scope: &str,
    ) -> Result<Option<Cursor>, StoreError> {
        let row: Option<(Option<i64>, Option<String>, i64)> = sqlx::query_as(
            "SELECT position, token, updated_at FROM cursors WHERE connection_id = $1 AND scope = $2",
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
        let mut tx = self.pool.begin().await.map_err(be("taking a lease"))?;
        // Make sure the row exists, then lock it: concurrent acquirers queue on the row lock.
        sqlx::query(
            "INSERT INTO leases (name, holder, expires_at, generation) VALUES ($1, '', 0, 0) \
             ON CONFLICT (name) DO NOTHING",
        )
        .bind(name)
        .execute(&mut *tx)
        .await
        .map_err(be("taking a lease"))?;
        let current: Option<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT name, holder, expires_at, generation FROM leases WHERE name = $1 FOR UPDATE",
        )
        .bind(name)
        .fetch_optional(&mut *tx)
        .await
        .map_err(be("taking a lease"))?;
        let current = current.map(decode_lease).transpose()?;
        let Some(lease) = next_lease(current.as_ref(), name, holder, now, ttl) else {
            return Ok(None);
        };
        sqlx::query(
            "INSERT INTO leases (name, holder, expires_at, generation) VALUES ($1, $2, $3, $4) ON CONFLICT(name) \
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
        let done =
            sqlx::query("UPDATE leases SET holder = '', expires_at = 0 WHERE name = $1 AND holder = $2")
                .bind(name)
                .bind(holder)
                .execute(&self.pool)
                .await
                .map_err(be("releasing a lease"))?;
        Ok(done.rows_affected() > 0 && !holder.is_empty())
    }

    async fn get_lease(&self, name: &str) -> Result<Option<Lease>, StoreError> {
        let row: Option<(String, String, i64, i64)> = sqlx::query_as(
            "SELECT name, holder, expires_at, generation FROM leases WHERE name = $1 AND holder <> ''",
        )
        .bind(name)
        .fetch_optional(&self.pool)
        .await
        .map_err(be("reading a lease"))?;
        row.map(decode_lease).transpose()
    }
}

#[async_trait]
impl OutboxStore for PostgresStore {
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
        // Rows another claimer has locked are skipped; rows it claimed and committed fail the re-checked
        // `claimed_until` condition. So two claimers never get the same entry.
        let rows = sqlx::query(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2, attempts = attempts + 1 WHERE seq IN (\
             SELECT seq FROM outbox WHERE state = 'pending' AND not_before <= $3 \
             AND (claimed_until IS NULL OR claimed_until <= $4) ORDER BY created_at, seq LIMIT $5 FOR UPDATE SKIP LOCKED) \
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
        let row = sqlx::query("SELECT id, body, status, not_before, attempts FROM outbox WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await
            .map_err(be("reading the outbox"))?;
        row.as_ref().map(decode_outbox_row).transpose()
    }

    async fn list_outbox(&self, query: &OutboxQuery) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut qb = QueryBuilder::<Postgres>::new(
            "SELECT id, body, status, not_before, attempts FROM outbox WHERE 1=1",
        );
        if let Some(c) = &query.connection_id {
            qb.push(" AND connection_id = ").push_bind(c.0.clone());
        }
        if let Some(s) = query.state {
            qb.push(" AND state = ").push_bind(s.as_str());
        }
        qb.push(" ORDER BY created_at, seq LIMIT ")
            .push_bind(query.limit.map(i64::from));
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
impl FeedLogStore for PostgresStore {
    async fn record_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO feed_log (id, connection_id, seller_id, status, submitted_at, body) VALUES ($1, $2, $3, $4, $5, $6)",
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
        let done = sqlx::query("UPDATE feed_log SET status = $1, submitted_at = $2, body = $3 WHERE id = $4")
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
        let row: Option<(String,)> = sqlx::query_as("SELECT body FROM feed_log WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(be("reading the feed log"))?;
        row.map(|(b,)| codec::decode_json("feed_log", id, &b)).transpose()
    }

    async fn list_feeds(&self, query: &FeedLogQuery) -> Result<Vec<FeedRecord>, StoreError> {
        let mut qb = QueryBuilder::<Postgres>::new("SELECT id, body FROM feed_log WHERE 1=1");
        if let Some(c) = &query.connection_id {
            qb.push(" AND connection_id = ").push_bind(c.0.clone());
        }
        if let Some(s) = &query.status {
            let name = codec::encode_json("feed_log", "", s)?;
            qb.push(" AND status = ")
                .push_bind(name.trim_matches('"').to_owned());
        }
        qb.push(" ORDER BY submitted_at DESC, id DESC LIMIT ")
            .push_bind(query.limit.map(i64::from));
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
