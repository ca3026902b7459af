//! The storage error.

use crate::crypto::CryptoError;
use crate::domain::AmazonOrderId;

/// A boxed error from a database driver.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a store operation failed. Messages never contain personal data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database failed (connection lost, disk full, lock timeout ...). Often temporary: retry later.
    #[error("the database failed during {operation}: {source}")]
    Backend {
        /// What the store was doing.
        operation: &'static str,
        /// The driver's error.
        #[source]
        source: BoxError,
    },
    /// A stored row cannot be read back: it was changed outside OrderHub or damaged. Restore the row from a
    /// backup, or delete it and import the order again.
    #[error("stored {table} row `{key}` is corrupted ({detail}); restore it from a backup or delete it and import it again")]
    CorruptRow {
        /// The table.
        table: &'static str,
        /// The row's key (an order id, a SKU, an outbox id ...).
        key: String,
        /// What is wrong (never the row's content).
        detail: String,
    },
    /// An order's personal data cannot be decrypted: the key supplied under its key id is not the key it was
    /// written with, or the ciphertext was damaged.
    #[error("the personal data of order {order_id} cannot be decrypted: {source}")]
    Decryption {
        /// The order.
        order_id: AmazonOrderId,
        /// The cause.
        #[source]
        source: CryptoError,
    },
    /// An order carries personal data but the store was opened without an encryption key (personal data is
    /// never written in clear), or it mixes new personal data with stored personal data this store cannot
    /// read. Open the store with the [`Keyring`](crate::crypto::Keyring) holding the keys.
    #[error(
        "order {order_id} carries personal data but the store has no encryption key: open it with a Keyring"
    )]
    KeyRequired {
        /// The order.
        order_id: AmazonOrderId,
    },
    /// Personal data could not be encrypted.
    #[error("the personal data of order {order_id} cannot be encrypted: {source}")]
    Encryption {
        /// The order.
        order_id: AmazonOrderId,
        /// The cause.
        #[source]
        source: CryptoError,
    },
    /// The database was written by a newer OrderHub (its schema has a migration this version does not know).
    /// Upgrade OrderHub; never point an older version at a newer database.
    #[error(
        "the database schema is at migration {found_version} (`{found_name}`), newer than the {supported_version} \
         this OrderHub knows: upgrade OrderHub"
    )]
    NewerSchema {
        /// The newest migration recorded in the database.
        found_version: i64,
        /// Its name.
        found_name: String,
        /// The newest migration this version knows.
        supported_version: i64,
    },
    /// A migration failed to apply.
    #[error("migration {version} (`{name}`) failed: {source}")]
    Migration {
        /// The migration.
        version: i64,
        /// Its name.
        name: &'static str,
        /// The cause.
        #[source]
        source: BoxError,
    },
    /// The change set required a lease its committer no longer holds; nothing was written. Another worker
    /// took over the job: stop and acquire the lease again.
    #[error(
        "lease `{name}` is not held by `{holder}` any more; nothing was written: acquire the lease again"
    )]
    LeaseLost {
        /// The lease.
        name: String,
        /// The holder that lost it.
        holder: String,
    },
    /// A record with this id exists already; nothing was written.
    #[error("{kind} `{id}` exists already; nothing was written (ids must be unique)")]
    Duplicate {
        /// The kind of record.
        kind: &'static str,
        /// Its id.
        id: String,
    },
    /// The record does not exist.
    #[error("{kind} `{id}` does not exist")]
    NotFound {
        /// The kind of record.
        kind: &'static str,
        /// Its id.
        id: String,
    },
    /// The store was configured wrongly (a bad path or URL, an invalid option).
    #[error("invalid store configuration: {message}")]
    Config {
        /// What is wrong and how to fix it.
        message: String,
    },
}

impl StoreError {
    /// Whether retrying the same operation later may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, StoreError::Backend { .. })
    }

    #[cfg_attr(not(any(feature = "sqlite", feature = "postgres")), allow(dead_code))]
    pub(crate) fn backend(operation: &'static str, source: impl Into<BoxError>) -> Self {
        StoreError::Backend {
            operation,
            source: source.into(),
        }
    }

    pub(crate) fn corrupt(table: &'static str, key: impl Into<String>, detail: impl Into<String>) -> Self {
        StoreError::CorruptRow {
            table,
            key: key.into(),
            detail: detail.into(),
        }
    }
}
