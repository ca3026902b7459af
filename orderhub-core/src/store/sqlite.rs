//! The SQLite store (feature `sqlite`): a file, or a database in memory. The embedded default.
//!
//! Writes take SQLite's write lock up front (`BEGIN IMMEDIATE`), so a change set, a lease or an outbox
//! claim is decided and written without interleaving. Personal data is sealed with the store's
//! [`Keyring`] before it reaches the database.
//!
//! A file database runs in WAL mode with `synchronous = NORMAL`, the usual choice for an embedded store: a
//! committed transaction survives a crash of the process, and the database stays consistent after a power
//! loss, which can roll back the transactions of the last moments (the next import fetches those orders
//! again: the cursor commits with them). Use [`SqliteStore::with_options`] with `synchronous = FULL` to
//! make every commit wait for the disk.
//!
//! A file [`SqliteStore::open`] creates has 16 KiB pages (an order's row is about 3.5 KiB), and checkpoints
//! run every ~16 MiB of WAL whatever the page size; an existing file keeps its page size. OrderHub's writes
//! share one connection (SQLite has one writer at a time anyway), whose page cache stays valid from one
//! write transaction to the next; reads use the others.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration as StdDuration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, SqliteConnection};

use crate::crypto::Keyring;

/// A store in a SQLite database.
#[derive(Clone)]
pub struct SqliteStore {
    /// Reads (and your own queries).
    pool: SqlitePool,
    /// Writes: one connection (SQLite has one writer at a time anyway), so its page cache stays valid from
    /// one write transaction to the next. The same pool as `pool` when the store has a single connection.
    writer: SqlitePool,
    keyring: Keyring,
}

/// The page size of a database file `open` creates: 16 KiB pages hold several orders each (an order's row
/// is about 3.5 KiB) and make a write transaction fewer, larger WAL frames than the 4 KiB default.
/// An existing database keeps the page size it was created with.
const NEW_DATABASE_PAGE_SIZE: u32 = 16 * 1024;

/// WAL bytes between automatic checkpoints, whatever the page size.
const WAL_AUTOCHECKPOINT_BYTES: i64 = 16 * 1024 * 1024;

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
            .page_size(NEW_DATABASE_PAGE_SIZE)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .busy_timeout(StdDuration::from_secs(10))
            .foreign_keys(true)
            // Up to 64 MiB of page cache per connection (allocated as used): a batch of orders and the
            // indexes it touches stay in memory instead of spilling to the WAL mid-transaction.
            .pragma("cache_size", "-65536")
            // Statement journals (multi-row upserts need one) in memory rather than in temporary files.
            .pragma("temp_store", "memory");
        // Checkpoint every ~16 MiB of WAL instead of every 1,000 pages: fewer, larger checkpoints.
        Self::connect(options, 4, Some(WAL_AUTOCHECKPOINT_BYTES), keyring).await
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
    /// database needs `max_connections` = 1 (each connection would see its own database). With more than one
    /// connection, one of them is kept for writes.
    ///
    /// # Errors
    /// As [`SqliteStore::open`].
    pub async fn with_options(
        options: SqliteConnectOptions,
        max_connections: u32,
        keyring: Keyring,
    ) -> Result<Self, StoreError> {
        Self::connect(options, max_connections, None, keyring).await
    }

    /// Opens the pools (the writer first: it creates the file), sets the checkpoint interval to
    /// `checkpoint_bytes` of WAL on each connection when given, and migrates.
    async fn connect(
        options: SqliteConnectOptions,
        max_connections: u32,
        checkpoint_bytes: Option<i64>,
        keyring: Keyring,
    ) -> Result<Self, StoreError> {
        let pool_options = |max: u32| {
            SqlitePoolOptions::new()
                .max_connections(max)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .after_connect(move |conn, _| Box::pin(set_wal_autocheckpoint(conn, checkpoint_bytes)))
        };
        let writer = pool_options(1)
            .connect_with(options.clone())
            .await
            .map_err(be("opening the database"))?;
        let pool = if max_connections <= 1 {
            writer.clone()
        } else {
            match pool_options(max_connections - 1).connect_with(options).await {
                Ok(pool) => pool,
                Err(e) => {
                    writer.close().await;
                    return Err(StoreError::backend("opening the database", e));
                }
            }
        };
        let store = SqliteStore {
            pool,
            writer,
            keyring,
        };
        if let Err(e) = store.migrate().await {
            // Return the connections (and roll back the migration's transaction) before reporting.
            store.writer.close().await;
            store.pool.close().await;
            return Err(e);
        }
        Ok(store)
    }

    /// The pool writes go through.
    fn writer(&self) -> &SqlitePool {
        &self.writer
    }

    /// The connection pool for reads (and your own queries; the tables are OrderHub's). OrderHub's writes go
    /// through a connection of their own when the store has more than one: [`SqliteStore::close`] closes
    /// both.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Closes the store's connections (this handle's and its clones'), waiting for those in use.
    pub async fn close(&self) {
        self.writer.close().await;
        self.pool.close().await;
    }

    /// The keyring personal data is sealed with.
    pub fn keyring(&self) -> &Keyring {
        &self.keyring
    }

    /// A handle on the same database with another keyring (to read with other keys, or none).
    pub fn with_keyring(&self, keyring: Keyring) -> Self {
        SqliteStore {
            pool: self.pool.clone(),
            writer: self.writer.clone(),
            keyring,
        }
    }
}

/// Sets the automatic checkpoint interval of `conn` to about `bytes` of WAL (nothing when `None`).
async fn set_wal_autocheckpoint(conn: &mut SqliteConnection, bytes: Option<i64>) -> Result<(), sqlx::Error> {
    if let Some(bytes) = bytes {
        use sqlx::{Executor, Row};
        let page_size: i64 = conn.fetch_one("PRAGMA page_size").await?.try_get(0)?;
        let pages = (bytes / page_size.max(512)).max(1);
        conn.execute(format!("PRAGMA wal_autocheckpoint = {pages}").as_str())
            .await?;
    }
    Ok(())
}

super::sql::sql_store! {
    store = SqliteStore,
    db = Sqlite,
    // Takes the write lock up front: a change set, a lease or an outbox claim is decided and written without
    // interleaving, and no reader-turned-writer can deadlock.
    begin_write = "BEGIN IMMEDIATE",
    lock_rows = "",
    skip_locked = "",
    migrations = super::migrations::SQLITE,
    create_migrations_table = "CREATE TABLE IF NOT EXISTS orderhub_migrations (version INTEGER PRIMARY KEY NOT NULL, \
        name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
    migration_lock = "",
}
