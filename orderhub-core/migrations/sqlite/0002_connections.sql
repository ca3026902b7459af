-- OrderHub schema 2 (SQLite): seller connections. No personal data and no secrets: plain JSON.
-- The health lives in its own column so it can change without rewriting the settings.

CREATE TABLE connections (
    id TEXT PRIMARY KEY NOT NULL,
    seller_id TEXT NOT NULL,
    body TEXT NOT NULL,
    health TEXT NOT NULL
);
