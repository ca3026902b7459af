//! The quickstart run twice on one database: the first run backfills, the second continues from the stored
//! cursors (it asks Amazon only for orders changed after them) and imports the orders that arrived while
//! the hub was off, without importing any order a second time.

#[allow(dead_code)]
#[path = "../examples/quickstart.rs"]
mod quickstart;

use chrono::{DateTime, Utc};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_second_run_continues_from_the_stored_cursors() {
    let dir = tempfile::tempdir().unwrap();
    let options = quickstart::Options {
        db: dir.path().join("quickstart.db"),
        reset: false,
        progress: false,
        small: true,
        simulator_only: true,
    };

    let first = quickstart::run(options.clone()).await.unwrap();
    assert!(first.first_run);
    assert_eq!(first.connections.len(), 2, "an NA and an EU connection");
    for (id, c) in &first.connections {
        assert!(c.backfilled, "{id}: the first run backfills");
        assert!(c.continued_from.is_none(), "{id}");
        assert!(c.catch_up.imported > 0, "{id}: {:?}", c.catch_up);
        assert!(c.cursor_at_end.is_some(), "{id}");
    }
    assert!(
        first.redacted > 0,
        "after 15 simulated days the personal data of unshipped orders is due"
    );
    // The credentials file holds the refresh tokens sealed, never in the clear.
    let credentials = std::fs::read_to_string(dir.path().join("quickstart.db.credentials")).unwrap();
    assert!(!credentials.contains("Atzr|"), "refresh tokens are sealed");

    let second = quickstart::run(options).await.unwrap();
    assert!(!second.first_run);
    assert_eq!(second.connections.len(), 2);
    let mut caught_up = 0;
    let mut imported = 0;
    for (id, c) in &second.connections {
        let before = &first.connections[id];
        assert!(!c.backfilled, "{id}: no second backfill");
        assert_eq!(
            c.continued_from, before.cursor_at_end,
            "{id}: continues where the first run's cursor stopped"
        );
        // The first order-list request of the second run starts at the stored cursor.
        let after = second
            .first_list_after
            .get(&c.seller_id)
            .unwrap_or_else(|| panic!("{id}: no order list request recorded"));
        let after: DateTime<Utc> = DateTime::parse_from_rfc3339(after)
            .unwrap_or_else(|e| panic!("{id}: LastUpdatedAfter {after:?}: {e}"))
            .with_timezone(&Utc);
        assert_eq!(
            Some(after),
            before.cursor_at_end,
            "{id}: LastUpdatedAfter is the cursor"
        );
        assert!(
            c.catch_up.seen < before.catch_up.seen / 4,
            "{id}: the second run reads only what changed ({} vs {})",
            c.catch_up.seen,
            before.catch_up.seen
        );
        assert!(
            c.cursor_at_end > before.cursor_at_end,
            "{id}: the cursor moves on"
        );
        caught_up += c.catch_up.imported;
        imported += c.import.imported;
    }
    assert!(
        caught_up > 0,
        "orders that arrived while the hub was off are imported"
    );
    assert_eq!(
        second.orders_in_store,
        first.orders_in_store + imported,
        "every order imported in the second run is new to the store"
    );
}
