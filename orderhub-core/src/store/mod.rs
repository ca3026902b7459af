//! Storage backends: [`memory`] (always), [`sqlite`] (feature `sqlite`, the embedded default) and
//! [`postgres`] (feature `postgres`). Each implements every trait of [`crate::ports`] and passes the same
//! conformance suite.
//!
//! The SQL backends run their migrations (in `orderhub-core/migrations/`) when opened, refuse a database
//! written by a newer schema ([`StoreError::NewerSchema`]), and encrypt buyers' personal data with the
//! [`Keyring`](crate::crypto::Keyring) they are opened with.

pub mod memory;
#[cfg(feature = "postgres")]
pub mod postgres;
#[cfg(feature = "sqlite")]
pub mod sqlite;

#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod codec;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod migrations;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod sql;

#[doc(hidden)]
pub mod conformance;

use chrono::{DateTime, Utc};

pub use memory::MemoryStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;

use crate::ports::{StoreError, UpsertOutcome, WriteMode};

/// Decides what writing an order updated at `incoming` does when the stored one (if any) was updated at
/// `stored`.
pub(crate) fn decide(
    stored: Option<DateTime<Utc>>,
    incoming: DateTime<Utc>,
    mode: WriteMode,
) -> UpsertOutcome {
    match stored {
        None => UpsertOutcome::Inserted,
        Some(s) if incoming > s => UpsertOutcome::Updated,
        Some(s) if incoming == s => match mode {
            WriteMode::Import => UpsertOutcome::Unchanged,
            WriteMode::Save => UpsertOutcome::Updated,
        },
        Some(_) => UpsertOutcome::Stale,
    }
}

/// Microseconds since the Unix epoch, the SQL backends' time representation.
#[cfg_attr(not(any(feature = "sqlite", feature = "postgres")), allow(dead_code))]
pub(crate) fn to_micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

/// The inverse of [`to_micros`]; an out-of-range value is a corrupted row.
#[cfg_attr(not(any(feature = "sqlite", feature = "postgres")), allow(dead_code))]
pub(crate) fn from_micros(table: &'static str, key: &str, v: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp_micros(v)
        .ok_or_else(|| StoreError::corrupt(table, key, "timestamp out of range"))
}

/// The lease after `holder` asks for `name` at `now`, given the current one; `None` when someone else holds
/// it. Shared by every backend so they agree.
pub(crate) fn next_lease(
    current: Option<&crate::ports::Lease>,
    name: &str,
    holder: &str,
    now: DateTime<Utc>,
    ttl: chrono::Duration,
) -> Option<crate::ports::Lease> {
    use crate::ports::Lease;
    let expires_at = now + ttl;
    match current {
        Some(l) if l.holder == holder && l.expires_at > now => Some(Lease {
            expires_at,
            ..l.clone()
        }),
        Some(l) if l.holder.is_empty() || l.expires_at <= now => Some(Lease {
            name: name.to_owned(),
            holder: holder.to_owned(),
            expires_at,
            generation: l.generation + 1,
        }),
        Some(_) => None,
        None => Some(Lease {
            name: name.to_owned(),
            holder: holder.to_owned(),
            expires_at,
            generation: 1,
        }),
    }
}

/// Pushes the `WHERE` conditions of an [`OrderQuery`](crate::ports::OrderQuery) onto a `QueryBuilder`
/// whose SQL so far ends with `WHERE 1=1`.
#[cfg(any(feature = "sqlite", feature = "postgres"))]
macro_rules! push_order_filters {
    ($qb:expr, $q:expr) => {{
        let q: &$crate::ports::OrderQuery = $q;
        if let Some(s) = &q.seller_id {
            $qb.push(" AND seller_id = ").push_bind(s.0.clone());
        }
        if !q.marketplaces.is_empty() {
            $qb.push(" AND marketplace_id IN (");
            let mut sep = $qb.separated(", ");
            for m in &q.marketplaces {
                sep.push_bind(m.0.clone());
            }
            $qb.push(")");
        }
        if !q.amazon_statuses.is_empty() {
            $qb.push(" AND amazon_status IN (");
            let mut sep = $qb.separated(", ");
            for s in &q.amazon_statuses {
                sep.push_bind(s.as_str().to_owned());
            }
            $qb.push(")");
        }
        if !q.hub_statuses.is_empty() {
            $qb.push(" AND hub_status IN (");
            let mut sep = $qb.separated(", ");
            for s in &q.hub_statuses {
                sep.push_bind(s.as_str().to_owned());
            }
            $qb.push(")");
        }
        if let Some(f) = &q.folder {
            $qb.push(" AND folder = ").push_bind(f.clone());
        }
        if let Some(c) = q.fulfillment_channel {
            $qb.push(" AND fulfillment_channel = ")
                .push_bind(c.code().to_owned());
        }
        if let Some(t) = q.purchased_from {
            $qb.push(" AND purchased_at >= ")
                .push_bind($crate::store::to_micros(t));
        }
        if let Some(t) = q.purchased_to {
            $qb.push(" AND purchased_at < ")
                .push_bind($crate::store::to_micros(t));
        }
        if let Some(t) = q.updated_from {
            $qb.push(" AND last_updated_at >= ")
                .push_bind($crate::store::to_micros(t));
        }
        if let Some(t) = q.updated_to {
            $qb.push(" AND last_updated_at < ")
                .push_bind($crate::store::to_micros(t));
        }
    }};
}
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) use push_order_filters;
