//! SQLite: personal data at rest, keys, and bad input.

use orderhub_core::crypto::{CryptoError, Keyring};
use orderhub_core::domain::{AbsentReason, Pii};
use orderhub_core::ports::{OrderQuery, OrderStore, StoreError, UpsertOutcome};
use orderhub_core::store::conformance::{buyer_name, gift_message, order_id, sample_order, street, t};
use orderhub_core::store::SqliteStore;

use super::{key, keyring};

fn fresh_dir() -> std::path::PathBuf {
    let dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("orderhub-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test]
async fn personal_data_is_not_in_the_database_file() {
    let dir = fresh_dir();
    let path = dir.join("hub.db");
    let store = SqliteStore::open(&path, keyring()).await.unwrap();
    let orders: Vec<_> = (1..=40)
        .map(|n| sample_order(n, 3, t(n as i64), t(100)))
        .collect();
    store.upsert_orders(&orders).await.unwrap();
    // Save one again (the update path) and read them back.
    let mut edited = orders[0].clone();
    edited.folder = Some("Rush".into());
    store.save_order(&edited).await.unwrap();
    assert_eq!(store.get_order(&orders[1].id).await.unwrap().unwrap(), orders[1]);
    store.close().await;

    let mut bytes = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
    }
    // The scan reads real data: non-personal fields are there in clear.
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
            assert!(!contains(&bytes, &secret), "`{secret}` found in the SQLite files");
        }
    }
    assert!(!contains(&bytes, "Zebulon") && !contains(&bytes, "Marigold") && !contains(&bytes, "Wilhelmina"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn without_the_key_personal_data_is_unavailable_and_kept() {
    let dir = fresh_dir();
    let path = dir.join("hub.db");
    let order = sample_order(1, 3, t(0), t(10));
    {
        let store = SqliteStore::open(&path, keyring()).await.unwrap();
        store.upsert_orders(std::slice::from_ref(&order)).await.unwrap();
        store.close().await;
    }
    let keyless = SqliteStore::open(&path, Keyring::empty()).await.unwrap();
    let loaded = keyless.get_order(&order.id).await.unwrap().unwrap();
    let unavailable = AbsentReason::KeyUnavailable {
        key_id: "k2026".into(),
    };
    assert_eq!(loaded.buyer, Pii::Absent(unavailable.clone()));
    assert_eq!(loaded.shipping_address, Pii::Absent(unavailable.clone()));
    assert_eq!(
        loaded.lines[0].gift.as_ref().unwrap().message,
        Pii::Absent(unavailable.clone())
    );
    assert_eq!(loaded.lines, {
        let mut l = order.lines.clone();
        l[0].gift.as_mut().unwrap().message = Pii::Absent(unavailable);
        l
    });
    assert_eq!(
        (loaded.order_total, &loaded.tags),
        (order.order_total, &order.tags)
    );
    // A hub-side change saved without the key keeps the sealed personal data.
    let mut moved = loaded.clone();
    moved.folder = Some("Archive".into());
    assert_eq!(keyless.save_order(&moved).await.unwrap(), UpsertOutcome::Updated);
    // New personal data is never written in clear.
    let fresh = sample_order(2, 1, t(0), t(10));
    let err = keyless
        .upsert_orders(std::slice::from_ref(&fresh))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::KeyRequired { order_id } if *order_id == fresh.id),
        "{err:?}"
    );
    assert_eq!(keyless.get_order(&fresh.id).await.unwrap(), None);
    keyless.close().await;

    let keyed = SqliteStore::open(&path, keyring()).await.unwrap();
    let back = keyed.get_order(&order.id).await.unwrap().unwrap();
    assert_eq!(back.folder.as_deref(), Some("Archive"));
    assert_eq!(back.buyer, order.buyer);
    assert_eq!(back.shipping_address, order.shipping_address);
    assert_eq!(back.lines, order.lines);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn keys_rotate() {
    let old = SqliteStore::in_memory(Keyring::new(key("2025", 1)))
        .await
        .unwrap();
    let order = sample_order(1, 2, t(0), t(10));
    old.upsert_orders(std::slice::from_ref(&order)).await.unwrap();
    let rotated = old.with_keyring(Keyring::new(key("2026", 2)).with_read_key(key("2025", 1)));
    assert_eq!(rotated.get_order(&order.id).await.unwrap().unwrap(), order);
    assert_eq!(rotated.save_order(&order).await.unwrap(), UpsertOutcome::Updated);
    let (key_id,): (String,) = sqlx::query_as("SELECT pii_key_id FROM orders")
        .fetch_one(old.pool())
        .await
        .unwrap();
    assert_eq!(key_id, "2026");
    let only_new = old.with_keyring(Keyring::new(key("2026", 2)));
    assert_eq!(only_new.get_order(&order.id).await.unwrap().unwrap(), order);
    let only_old = old.with_keyring(Keyring::new(key("2025", 1)));
    let loaded = only_old.get_order(&order.id).await.unwrap().unwrap();
    assert_eq!(
        loaded.buyer,
        Pii::Absent(AbsentReason::KeyUnavailable {
            key_id: "2026".into()
        })
    );
}

#[tokio::test]
async fn wrong_key_is_a_typed_error_naming_the_order() {
    let store = SqliteStore::in_memory(keyring()).await.unwrap();
    let order = sample_order(5, 3, t(0), t(10));
    store.upsert_orders(std::slice::from_ref(&order)).await.unwrap();
    let wrong = store.with_keyring(Keyring::new(key("k2026", 43)));
    let err = wrong.get_order(&order.id).await.unwrap_err();
    match &err {
        StoreError::Decryption {
            order_id,
            source: CryptoError::WrongKeyOrCorrupted { key_id },
        } => {
            assert_eq!(order_id, &order.id);
            assert_eq!(key_id, "k2026");
        }
        other => panic!("unexpected {other:?}"),
    }
    let text = format!("{err} {err:?}");
    assert!(text.contains(order.id.as_str()), "{text}");
    assert!(!text.contains("Zebulon") && !text.contains("Marigold"), "{text}");
    assert!(matches!(
        wrong.query_orders(&OrderQuery::all()).await,
        Err(StoreError::Decryption { .. })
    ));
}

#[tokio::test]
async fn corrupted_rows_are_typed_errors_naming_the_order() {
    let store = SqliteStore::in_memory(keyring()).await.unwrap();
    let orders: Vec<_> = (1..=4).map(|n| sample_order(n, 3, t(n as i64), t(10))).collect();
    store.upsert_orders(&orders).await.unwrap();
    let id = |n: usize| orders[n].id.as_str().to_owned();
    let pool = store.pool();
    sqlx::query("UPDATE orders SET body = '{\"id\": \"truncated' WHERE id = ?")
        .bind(id(0))
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("UPDATE orders SET body = 42 WHERE id = ?")
        .bind(id(1))
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("UPDATE orders SET pii = zeroblob(64) WHERE id = ?")
        .bind(id(2))
        .execute(pool)
        .await
        .unwrap();
    sqlx::query("UPDATE orders SET pii = x'01' WHERE id = ?")
        .bind(id(3))
        .execute(pool)
        .await
        .unwrap();

    for (n, order) in orders.iter().enumerate().take(2) {
        let err = store.get_order(&order.id).await.unwrap_err();
        assert!(
            matches!(&err, StoreError::CorruptRow { table: "orders", key, .. } if *key == id(n)),
            "{err:?}"
        );
        assert!(err.to_string().contains(&id(n)));
    }
    for (n, order) in orders.iter().enumerate().skip(2) {
        let err = store.get_order(&order.id).await.unwrap_err();
        assert!(
            matches!(&err, StoreError::Decryption { order_id, .. } if order_id.as_str() == id(n)),
            "{err:?}"
        );
    }
    assert!(store.query_orders(&OrderQuery::all()).await.is_err());
}

#[tokio::test]
async fn a_database_from_a_newer_schema_is_refused_naming_the_migration() {
    let dir = fresh_dir();
    let path = dir.join("hub.db");
    let store = SqliteStore::open(&path, keyring()).await.unwrap();
    sqlx::query("INSERT INTO orderhub_migrations (version, name) VALUES (999, 'future_split_orders')")
        .execute(store.pool())
        .await
        .unwrap();
    store.close().await;
    let err = SqliteStore::open(&path, keyring()).await.unwrap_err();
    match &err {
        StoreError::NewerSchema {
            found_version: 999,
            found_name,
            supported_version,
        } => {
            assert_eq!(found_name, "future_split_orders");
            assert!(*supported_version >= 1);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(err.to_string().contains("future_split_orders") && err.to_string().contains("upgrade"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn new_files_get_16_kib_pages_and_existing_files_keep_theirs() {
    let dir = fresh_dir();
    let pragma = |store: &SqliteStore, name: &'static str| {
        let pool = store.pool().clone();
        async move {
            let (v,): (i64,) = sqlx::query_as(&format!("PRAGMA {name}"))
                .fetch_one(&pool)
                .await
                .unwrap();
            v
        }
    };
    let orders: Vec<_> = (1..=5).map(|n| sample_order(n, 3, t(n as i64), t(10))).collect();

    let fresh = SqliteStore::open(dir.join("new.db"), keyring()).await.unwrap();
    assert_eq!(pragma(&fresh, "page_size").await, 16 * 1024);
    assert_eq!(pragma(&fresh, "wal_autocheckpoint").await, 1024);
    fresh.close().await;

    // A file created with the default 4 KiB pages (as `open` did before) keeps them, and its checkpoint
    // interval stays ~16 MiB of WAL.
    let path = dir.join("old.db");
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(&path)
        .create_if_missing(true)
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal);
    let old = SqliteStore::with_options(options, 1, keyring()).await.unwrap();
    old.upsert_orders(&orders[..2]).await.unwrap();
    old.close().await;
    let reopened = SqliteStore::open(&path, keyring()).await.unwrap();
    assert_eq!(pragma(&reopened, "page_size").await, 4096);
    assert_eq!(pragma(&reopened, "wal_autocheckpoint").await, 4096);
    let outcomes = reopened.upsert_orders(&orders).await.unwrap();
    assert_eq!(
        outcomes,
        [
            UpsertOutcome::Unchanged,
            UpsertOutcome::Unchanged,
            UpsertOutcome::Inserted,
            UpsertOutcome::Inserted,
            UpsertOutcome::Inserted
        ]
    );
    for order in &orders {
        assert_eq!(reopened.get_order(&order.id).await.unwrap().as_ref(), Some(order));
    }
    reopened.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_batch_with_an_order_twice_keeps_the_personal_data_of_the_earlier_version() {
    let dir = fresh_dir();
    let store = SqliteStore::open(dir.join("hub.db"), keyring()).await.unwrap();
    let first = sample_order(1, 3, t(0), t(10));
    // The same order, newer, as loaded without the key: markers instead of its personal data.
    let unavailable = || AbsentReason::KeyUnavailable {
        key_id: "k2026".into(),
    };
    let mut later = first.clone();
    later.dates.last_updated = t(20);
    later.folder = Some("Rush".into());
    later.buyer = Pii::Absent(unavailable());
    later.shipping_address = Pii::Absent(unavailable());
    later.lines[0].gift.as_mut().unwrap().message = Pii::Absent(unavailable());
    let other = sample_order(2, 1, t(0), t(10));
    let outcomes = store
        .upsert_orders(&[first.clone(), other.clone(), later.clone()])
        .await
        .unwrap();
    assert_eq!(
        outcomes,
        [
            UpsertOutcome::Inserted,
            UpsertOutcome::Inserted,
            UpsertOutcome::Updated
        ]
    );
    let mut expected = first.clone();
    expected.dates.last_updated = t(20);
    expected.folder = Some("Rush".into());
    assert_eq!(store.get_order(&first.id).await.unwrap(), Some(expected));
    assert_eq!(store.get_order(&other.id).await.unwrap(), Some(other));
    store.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}
