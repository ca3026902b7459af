-- OrderHub schema 1 (SQLite). Times are microseconds since the Unix epoch (UTC).
-- Personal data lives only in orders.pii, sealed with AES-256-GCM under the key named by orders.pii_key_id.

CREATE TABLE orders (
    id TEXT PRIMARY KEY NOT NULL,
    seller_id TEXT NOT NULL,
    marketplace_id TEXT NOT NULL,
    fulfillment_channel TEXT NOT NULL,
    amazon_status TEXT NOT NULL,
    hub_status TEXT NOT NULL,
    folder TEXT,
    purchased_at INTEGER NOT NULL,
    last_updated_at INTEGER NOT NULL,
    body TEXT NOT NULL,
    pii BLOB,
    pii_key_id TEXT
);
CREATE INDEX orders_purchased ON orders (purchased_at, id);
CREATE INDEX orders_updated ON orders (last_updated_at);
CREATE INDEX orders_marketplace ON orders (marketplace_id, purchased_at);
CREATE INDEX orders_amazon_status ON orders (amazon_status);
CREATE INDEX orders_hub_status ON orders (hub_status);
CREATE INDEX orders_folder ON orders (folder);

CREATE TABLE inventory (
    sku TEXT PRIMARY KEY NOT NULL,
    body TEXT NOT NULL
);

CREATE TABLE cursors (
    connection_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    position INTEGER,
    token TEXT,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (connection_id, scope)
);

CREATE TABLE leases (
    name TEXT PRIMARY KEY NOT NULL,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    generation INTEGER NOT NULL
);

CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    connection_id TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    not_before INTEGER NOT NULL,
    attempts INTEGER NOT NULL,
    claimed_by TEXT,
    claimed_until INTEGER,
    body TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (state, not_before);
CREATE INDEX outbox_connection ON outbox (connection_id, state);

CREATE TABLE feed_log (
    id TEXT PRIMARY KEY NOT NULL,
    connection_id TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    status TEXT NOT NULL,
    submitted_at INTEGER NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX feed_log_connection ON feed_log (connection_id, submitted_at);
