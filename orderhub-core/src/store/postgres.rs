//! The PostgreSQL store (feature `postgres`): for deployments where several workers share one database.
//!
//! Workers coordinate through row locks: a change set locks the orders it decides on (`FOR UPDATE`), outbox
//! claims skip rows another worker holds (`FOR UPDATE SKIP LOCKED`), and leases are taken under a row lock.
//! Orders are written in multi-row statements. Personal data is sealed with the store's [`Keyring`] before it
//! reaches the database. Queries are built at run time: no database is needed to compile.

use std::str::FromStr;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{PgConnection, Postgres};

use crate::crypto::Keyring;

/// A store in a PostgreSQL database.
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

    /// The pool writes go through: the same as reads (PostgreSQL has many writers).
    fn writer(&self) -> &PgPool {
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

super::sql::sql_store! {
    store = PostgresStore,
    db = Postgres,
    begin_write = "BEGIN",
    lock_rows = " FOR UPDATE",
    skip_locked = " FOR UPDATE SKIP LOCKED",
    migrations = super::migrations::POSTGRES,
    create_migrations_table = "CREATE TABLE IF NOT EXISTS orderhub_migrations (version BIGINT PRIMARY KEY NOT NULL, \
        name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    // One migrator per schema at a time, even when several workers start together.
    migration_lock = "SELECT pg_advisory_xact_lock(72616, hashtext(current_schema()))",
}
