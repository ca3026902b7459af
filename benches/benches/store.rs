//! Criterion benchmark `store`: upsert 100,000 orders of three lines each, in batches of 1,000, into the
//! memory store, a SQLite file and PostgreSQL (skipped when `DATABASE_URL` is unset). Each iteration starts
//! from an empty store; only the upserts are timed. Personal data is encrypted in the SQL backends, as in
//! production. Figures: BENCHMARKS.md.
//!
//! `cargo bench -p benches --bench store`
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode, Throughput};
use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::ports::Store;
use orderhub_core::store::conformance::{sample_order, t};
use orderhub_core::store::{MemoryStore, PostgresStore, SqliteStore};
use orderhub_core::Order;

const ORDERS: u64 = 100_000;
const BATCH: u64 = 1_000;

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn keyring() -> Keyring {
    Keyring::new(EncryptionKey::new("bench", [9u8; 32]).expect("key"))
}

fn batch(start: u64) -> Vec<Order> {
    (start..start + BATCH)
        .map(|n| sample_order(n, 3, t((n % 50_000) as i64), t(100_000)))
        .collect()
}

async fn upsert_all(store: &dyn Store) -> Duration {
    let mut elapsed = Duration::ZERO;
    let mut start = 0;
    while start < ORDERS {
        let orders = batch(start);
        let began = Instant::now();
        let outcomes = store.upsert_orders(&orders).await.expect("upsert");
        elapsed += began.elapsed();
        assert_eq!(outcomes.len(), orders.len());
        start += BATCH;
    }
    elapsed
}

enum Backend {
    Memory,
    Sqlite,
    Postgres(String),
}

async fn fresh(backend: &Backend) -> (Arc<dyn Store>, Option<String>, Option<std::path::PathBuf>) {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    match backend {
        Backend::Memory => (Arc::new(MemoryStore::new()), None, None),
        Backend::Sqlite => {
            let dir = std::env::temp_dir().join(format!("orderhub-bench-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&dir).expect("temp dir");
            let store = SqliteStore::open(dir.join("hub.db"), keyring())
                .await
                .expect("sqlite");
            (Arc::new(store), None, Some(dir))
        }
        Backend::Postgres(url) => {
            let schema = format!("oh_bench_{}_{n}", std::process::id());
            let store = PostgresStore::connect_in_schema(url, &schema, keyring())
                .await
                .expect("postgres");
            (Arc::new(store), Some(schema), None)
        }
    }
}

async fn cleanup(backend: &Backend, schema: Option<String>, dir: Option<std::path::PathBuf>) {
    if let (Backend::Postgres(url), Some(schema)) = (backend, schema) {
        PostgresStore::drop_schema(url, &schema)
            .await
            .expect("drop schema");
    }
    if let Some(dir) = dir {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn upsert(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let mut backends = vec![("memory", Backend::Memory), ("sqlite_file", Backend::Sqlite)];
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => backends.push(("postgres", Backend::Postgres(url))),
        _ => eprintln!("NOTICE: DATABASE_URL is not set; skipping the PostgreSQL store benchmark"),
    }
    let mut group = c.benchmark_group("store_upsert_100k_orders_3_lines");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(1));
    group.measurement_time(Duration::from_secs(5));
    group.throughput(Throughput::Elements(ORDERS));
    for (name, backend) in &backends {
        group.bench_function(BenchmarkId::new("batch_1000", name), |b| {
            b.to_async(&rt).iter_custom(|iters| async move {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let (store, schema, dir) = fresh(backend).await;
                    total += upsert_all(store.as_ref()).await;
                    drop(store);
                    cleanup(backend, schema, dir).await;
                }
                total
            });
        });
    }
    group.finish();
}

criterion_group!(benches, upsert);
criterion_main!(benches);
