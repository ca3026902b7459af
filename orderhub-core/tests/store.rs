//! The storage conformance suite against every backend, plus the at-rest and bad-input tests of the SQL
//! backends. PostgreSQL uses `DATABASE_URL` (each test in its own schema); without it those tests print a
//! notice and pass, unless `ORDERHUB_REQUIRE_DATABASE` is set (CI), then they fail.

use std::sync::Arc;

use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::ports::Store;

#[cfg_attr(not(any(feature = "sqlite", feature = "postgres")), allow(dead_code))]
fn key(id: &str, byte: u8) -> EncryptionKey {
    EncryptionKey::new(id, [byte; 32]).unwrap()
}

#[cfg_attr(not(any(feature = "sqlite", feature = "postgres")), allow(dead_code))]
fn keyring() -> Keyring {
    Keyring::new(key("k2026", 42))
}

/// A fresh database file under cargo's per-target temp directory.
#[cfg(feature = "sqlite")]
fn temp_db_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("orderhub-{}.db", uuid::Uuid::new_v4()))
}

mod memory {
    use super::*;
    use orderhub_core::store::MemoryStore;

    orderhub_core::conformance_tests!(Some((Arc::new(MemoryStore::new()) as Arc<dyn Store>, ())));
}

#[cfg(feature = "sqlite")]
mod sqlite_memory {
    use super::*;
    use orderhub_core::store::SqliteStore;

    orderhub_core::conformance_tests!(Some((
        Arc::new(SqliteStore::in_memory(keyring()).await.unwrap()) as Arc<dyn Store>,
        ()
    )));
}

#[cfg(feature = "sqlite")]
mod sqlite_file {
    use super::*;
    use orderhub_core::store::SqliteStore;

    async fn make() -> Option<(Arc<dyn Store>, ())> {
        let path = temp_db_path();
        Some((Arc::new(SqliteStore::open(path, keyring()).await.unwrap()), ()))
    }

    orderhub_core::conformance_tests!(make().await);
}

#[cfg(feature = "sqlite")]
#[path = "store/sqlite_at_rest.rs"]
mod sqlite_at_rest;

#[cfg(feature = "postgres")]
#[path = "store/postgres.rs"]
mod postgres;
