//! PostgreSQL: the conformance suite, personal data at rest, keys and bad input. Each test works in a fresh
//! schema with a random name, dropped when the test ends (tests run in parallel and share the database).

use std::sync::Arc;

use orderhub_core::crypto::{CryptoError, Keyring};
use orderhub_core::domain::{AbsentReason, Pii};
use orderhub_core::ports::{OrderStore, Store, StoreError, UpsertOutcome};
use orderhub_core::store::conformance::{buyer_name, gift_message, order_id, sample_order, street, t};
use orderhub_core::store::PostgresStore;
use sqlx::Connection;

use super::{key, keyring};

/// `DATABASE_URL`, or `None` with a notice; panics when `ORDERHUB_REQUIRE_DATABASE` is set and it is missing.
fn database_url() -> Option<String> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("ORDERHUB_REQUIRE_DATABASE").is_some() => {
            panic!("ORDERHUB_REQUIRE_DATABASE is set but DATABASE_URL is not: PostgreSQL tests cannot be skipped")
        }
        _ => {
            eprintln!("NOTICE: DATABASE_URL is not set; skipping a PostgreSQL store test");
            None
        }
    }
}

/// Drops its schema when dropped (also when the test panics).
pub struct SchemaGuard {
    url: String,
    pub schema: String,
}

impl Drop for SchemaGuard {
    fn drop(&mut self) {
        let (url, schema) = (self.url.clone(), self.schema.clone());
        // Drop may run inside a runtime: do the async work on a thread with its own runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&url).await {
                    let sql = format!("SET lock_timeout = '20s'; DROP SCHEMA IF EXISTS {schema} CASCADE");
                    let _ = sqlx::raw_sql(&sql).execute(&mut conn).await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

async fn fresh(keyring: Keyring) -> Option<(PostgresStore, SchemaGuard)> {
    let url = database_url()?;
    let schema = format!("oh_test_{}", uuid::Uuid::new_v4().simple());
    let guard = SchemaGuard {
        url: url.clone(),
        schema: schema.clone(),
    };
    let store = PostgresStore::connect_in_schema(&url, &schema, keyring)
        .await
        .unwrap();
    Some((store, guard))
}

async fn make() -> Option<(Arc<dyn Store>, SchemaGuard)> {
    let (store, guard) = fresh(keyring()).await?;
    Some((Arc::new(store), guard))
}

mod conformance {
    use super::*;

    orderhub_core::conformance_tests!(make().await);
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Every column of every table of the schema, as stored: bytea raw, everything else as text.
async fn table_bytes(store: &PostgresStore, schema: &str) -> Vec<u8> {
    let columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns \
         WHERE table_schema = $1 ORDER BY table_name, ordinal_position",
    )
    .bind(schema)
    .fetch_all(store.pool())
    .await
    .unwrap();
    assert!(columns.iter().any(|(t, c, _)| t == "orders" && c == "pii"));
    let mut out = Vec::new();
    for (table, column, ty) in columns {
        if ty == "bytea" {
            let rows: Vec<(Option<Vec<u8>>,)> =
                sqlx::query_as(&format!("SELECT \"{column}\" FROM {schema}.\"{table}\""))
                    .fetch_all(store.pool())
                    .await
                    .unwrap();
            out.extend(rows.into_iter().flat_map(|(b,)| b.unwrap_or_default()));
        } else {
            let rows: Vec<(Option<String>,)> =
                sqlx::query_as(&format!("SELECT \"{column}\"::text FROM {schema}.\"{table}\""))
                    .fetch_all(store.pool())
                    .await
                    .unwrap();
            out.extend(
                rows.into_iter()
                    .flat_map(|(s,)| s.unwrap_or_default().into_bytes()),
            );
        }
    }
    out
}

#[tokio::test]
async fn personal_data_is_not_in_the_tables() {
    let Some((store, guard)) = fresh(keyring()).await else {
        return;
    };
    let orders: Vec<_> = (1..=40)
        .map(|n| sample_order(n, 3, t(n as i64), t(100)))
        .collect();
    store.upsert_orders(&orders).await.unwrap();
    let mut edited = orders[0].clone();
    edited.folder = Some("Rush".into());
    store.save_order(&edited).await.unwrap();
    assert_eq!(store.get_order(&orders[1].id).await.unwrap().unwrap(), orders[1]);
    let bytes = table_bytes(&store, &guard.schema).await;
    assert!(
        contains(&bytes, "Widget model 2"),
        "scan found no order data at all"
    );
    assert!(contains(&bytes, order_id(7).as_str()));
    for n in 1..=40 {
        for secret in [
            buyer_name(n),
            street(n),
            gift_message(n),
            format!("q{n}@marketplace.amazon.de"),
        ] {
            assert!(
                !contains(&bytes, &secret),
                "`{secret}` found in the PostgreSQL tables"
            );
        }
    }
}

#[tokio::test]
async fn without_the_key_personal_data_is_unavailable_and_kept() {
    let Some((store, _guard)) = fresh(keyring()).await else {
        return;
    };
    let order = sample_order(1, 3, t(0), t(10));
    store.upsert_orders(std::slice::from_ref(&order)).await.unwrap();
    let keyless = store.with_keyring(Keyring::empty());
    let loaded = keyless.get_order(&order.id).await.unwrap().unwrap();
    let unavailable = AbsentReason::KeyUnavailable {
        key_id: "k2026".into(),
    };
    assert_eq!(loaded.buyer, Pii::Absent(unavailable.clone()));
    assert_eq!(loaded.shipping_address, Pii::Absent(unavailable.clone()));
    assert_eq!(
        loaded.lines[0].gift.as_ref().unwrap().message,
        Pii::Absent(unavailable)
    );
    let mut moved = loaded;
    moved.folder = Some("Archive".into());
    assert_eq!(keyless.save_order(&moved).await.unwrap(), UpsertOutcome::Updated);
    let fresh_order = sample_order(2, 1, t(0), t(10));
    assert!(matches!(
        keyless.upsert_orders(std::slice::from_ref(&fresh_order)).await,
        Err(StoreError::KeyRequired { .. })
    ));
    assert_eq!(store.get_order(&fresh_order.id).await.unwrap(), None);
    let back = store.get_order(&order.id).await.unwrap().unwrap();
    assert_eq!(back.folder.as_deref(), Some("Archive"));
    assert_eq!(
        (back.buyer, back.shipping_address, back.lines),
        (order.buyer, order.shipping_address, order.lines)
    );
}

#[tokio::test]
async fn wrong_key_and_corrupted_rows_are_typed_errors_naming_the_order() {
    let Some((store, _guard)) = fresh(keyring()).await else {
        return;
    };
    let orders: Vec<_> = (1..=3).map(|n| sample_order(n, 3, t(n as i64), t(10))).collect();
    store.upsert_orders(&orders).await.unwrap();
    let wrong = store.with_keyring(Keyring::new(key("k2026", 43)));
    let err = wrong.get_order(&orders[0].id).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Decryption { order_id, source: CryptoError::WrongKeyOrCorrupted { .. } } if *order_id == orders[0].id),
        "{err:?}"
    );
    assert!(!format!("{err} {err:?}").contains("Zebulon"));

    let id = |n: usize| orders[n].id.as_str().to_owned();
    sqlx::query("UPDATE orders SET body = '{\"id\": \"trunc' WHERE id = $1")
        .bind(id(0))
        .execute(store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE orders SET pii = '\\x0102'::bytea WHERE id = $1")
        .bind(id(1))
        .execute(store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE orders SET pii_key_id = NULL WHERE id = $1")
        .bind(id(2))
        .execute(store.pool())
        .await
        .unwrap();
    let err = store.get_order(&orders[0].id).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::CorruptRow { key, .. } if *key == id(0)),
        "{err:?}"
    );
    let err = store.get_order(&orders[1].id).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Decryption { order_id, .. } if order_id.as_str() == id(1)),
        "{err:?}"
    );
    let err = store.get_order(&orders[2].id).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::CorruptRow { key, .. } if *key == id(2)),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_database_from_a_newer_schema_is_refused_naming_the_migration() {
    let Some((store, guard)) = fresh(keyring()).await else {
        return;
    };
    sqlx::query("INSERT INTO orderhub_migrations (version, name) VALUES (999, 'future_split_orders')")
        .execute(store.pool())
        .await
        .unwrap();
    let url = database_url().unwrap();
    let err = PostgresStore::connect_in_schema(&url, &guard.schema, keyring())
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::NewerSchema { found_version: 999, found_name, .. } if found_name == "future_split_orders"),
        "{err:?}"
    );
    // A bad URL never echoes its password.
    let err = PostgresStore::connect("postgres://u:hunter2@[bad", keyring())
        .await
        .unwrap_err();
    assert!(!err.to_string().contains("hunter2"));
}
