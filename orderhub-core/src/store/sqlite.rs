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

use std::path::Path;
use std::str::FromStr;
use std::time::Duration as StdDuration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Sqlite;

use crate::crypto::Keyring;

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
            .foreign_keys(true)
            // Up to 64 MiB of page cache per connection (allocated as used): a batch of orders and the
            // indexes it touches stay in memory instead of spilling to the WAL mid-transaction.
            .pragma("cache_size", "-65536")
            // Statement journals (multi-row upserts need one) in memory rather than in temporary files.
            .pragma("temp_store", "memory")
            // Checkpoint every ~16 MiB of WAL instead of every 4 MiB: fewer, larger checkpoints.
            .pragma("wal_autocheckpoint", "4096");
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
