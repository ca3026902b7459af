//! Ports: the small traits storage and fulfillment plug into.
//!
//! Storage is split by concern — [`OrderStore`], [`InventoryStore`], [`SyncStateStore`] (cursors and
//! leases), [`OutboxStore`], [`FeedLogStore`] and [`ConnectionStore`] (seller connections) — plus [`UnitOfWork`], which commits a [`ChangeSet`]
//! (orders, outbox entries, inventory and a cursor) in one transaction: all of it or nothing. [`Store`] is
//! the sum of all of them, implemented automatically, and is object-safe (`Arc<dyn Store>`).
//!
//! Every trait takes time as an argument (`now`): stores never read a clock.

mod error;
mod fulfillment;
mod query;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use crate::domain::{
    AmazonOrderId, Connection, ConnectionHealth, ConnectionId, FeedRecord, InventoryItem, Order, OutboxEntry,
    OutboxId,
};

pub use error::BoxError;
pub use error::StoreError;
pub use fulfillment::{
    FulfillmentError, FulfillmentLine, FulfillmentOrderStatus, FulfillmentRequest, FulfillmentService,
    FulfillmentShipment, FulfillmentSpeed, FulfillmentStatusReport,
};
pub use query::{FeedLogQuery, OrderQuery, OutboxQuery, OutboxState};

/// What happened to one order handed to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum UpsertOutcome {
    /// The order was new.
    Inserted,
    /// The stored order was replaced.
    Updated,
    /// The stored order has the same `LastUpdateDate`; nothing was written (imports are idempotent).
    Unchanged,
    /// The stored order is newer; nothing was written (an older `LastUpdateDate` never overwrites a newer one).
    Stale,
}

impl UpsertOutcome {
    /// Whether the store wrote the order.
    pub fn written(self) -> bool {
        matches!(self, UpsertOutcome::Inserted | UpsertOutcome::Updated)
    }
}

/// How an order is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WriteMode {
    /// An order as Amazon sent it: written when new or when its `LastUpdateDate` is newer than the stored
    /// one; the same date is [`UpsertOutcome::Unchanged`], an older one [`UpsertOutcome::Stale`].
    Import,
    /// A change made by the hub (folder, hub status, tags, redaction): written unless the stored order has a
    /// newer `LastUpdateDate` (then [`UpsertOutcome::Stale`]: load it again and reapply the change).
    Save,
}

/// The position of an incremental job: per connection and scope (for example `orders:ATVPDKIKX0DER`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The connection.
    pub connection_id: ConnectionId,
    /// The job and marketplace the cursor belongs to, for example `orders:A1PA6795UKMFR9` or `fba_stock`.
    pub scope: String,
    /// Where to continue from, for example the `LastUpdatedAfter` of the next import.
    pub position: Option<DateTime<Utc>>,
    /// An opaque continuation token, for example a `NextToken` of an interrupted page walk.
    pub token: Option<String>,
    /// When the cursor was written.
    pub updated_at: DateTime<Utc>,
}

impl Cursor {
    /// A cursor at `position`, written at `updated_at`, without a token.
    pub fn new(
        connection_id: impl Into<ConnectionId>,
        scope: impl Into<String>,
        position: Option<DateTime<Utc>>,
        updated_at: DateTime<Utc>,
    ) -> Self {
        Cursor {
            connection_id: connection_id.into(),
            scope: scope.into(),
            position,
            token: None,
            updated_at,
        }
    }
}

/// A time-limited lock on a named job (for example `import:<connection>`), so one worker runs it at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    /// The lease name.
    pub name: String,
    /// Who holds it (a worker id).
    pub holder: String,
    /// When it expires unless renewed.
    pub expires_at: DateTime<Utc>,
    /// A number that grows each time the lease changes hands (a fencing token).
    pub generation: i64,
}

/// A lease a [`ChangeSet`] must still hold when it commits; otherwise nothing is written
/// ([`StoreError::LeaseLost`]). This keeps a worker whose lease expired from committing over its successor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeaseCheck {
    /// The lease name.
    pub name: String,
    /// The holder that must still hold it.
    pub holder: String,
    /// The time of the commit (the lease must expire after it).
    pub now: DateTime<Utc>,
}

/// Changes committed together: all of them or none.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    /// A lease the committer must hold, checked inside the transaction.
    pub lease: Option<LeaseCheck>,
    /// Orders to write, each with its mode.
    pub orders: Vec<(Order, WriteMode)>,
    /// Outbox entries to add (their ids must be new).
    pub outbox: Vec<OutboxEntry>,
    /// Inventory items to write (replacing the item with the same SKU).
    pub inventory: Vec<InventoryItem>,
    /// Cursors to move.
    pub cursors: Vec<Cursor>,
}

impl ChangeSet {
    /// An empty change set.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an order as Amazon sent it ([`WriteMode::Import`]).
    #[must_use]
    pub fn import(mut self, order: Order) -> Self {
        self.orders.push((order, WriteMode::Import));
        self
    }

    /// Adds an order changed by the hub ([`WriteMode::Save`]).
    #[must_use]
    pub fn save(mut self, order: Order) -> Self {
        self.orders.push((order, WriteMode::Save));
        self
    }

    /// Adds an outbox entry.
    #[must_use]
    pub fn enqueue(mut self, entry: OutboxEntry) -> Self {
        self.outbox.push(entry);
        self
    }

    /// Adds an inventory item.
    #[must_use]
    pub fn inventory(mut self, item: InventoryItem) -> Self {
        self.inventory.push(item);
        self
    }

    /// Moves a cursor.
    #[must_use]
    pub fn cursor(mut self, cursor: Cursor) -> Self {
        self.cursors.push(cursor);
        self
    }

    /// Requires the committer to hold the lease `name` as `holder` at `now`.
    #[must_use]
    pub fn require_lease(
        mut self,
        name: impl Into<String>,
        holder: impl Into<String>,
        now: DateTime<Utc>,
    ) -> Self {
        self.lease = Some(LeaseCheck {
            name: name.into(),
            holder: holder.into(),
            now,
        });
        self
    }

    /// Whether there is nothing to commit.
    pub fn is_empty(&self) -> bool {
        self.orders.is_empty()
            && self.outbox.is_empty()
            && self.inventory.is_empty()
            && self.cursors.is_empty()
    }
}

/// What a commit did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitReport {
    /// One outcome per order of the change set, in its order.
    pub orders: Vec<(AmazonOrderId, UpsertOutcome)>,
}

impl CommitReport {
    /// How many orders got `outcome`.
    pub fn count(&self, outcome: UpsertOutcome) -> usize {
        self.orders.iter().filter(|(_, o)| *o == outcome).count()
    }
}

/// Commits a [`ChangeSet`] atomically.
#[async_trait]
pub trait UnitOfWork: Send + Sync {
    /// Writes every change of `changes` in one transaction, or none of them.
    ///
    /// # Errors
    /// [`StoreError::LeaseLost`] when the required lease is not held; [`StoreError::Duplicate`] when an outbox
    /// id already exists; [`StoreError::Encryption`] / [`StoreError::KeyRequired`] when personal data cannot
    /// be encrypted; [`StoreError::Backend`] for database failures. On any error nothing is written.
    async fn commit(&self, changes: ChangeSet) -> Result<CommitReport, StoreError>;
}

/// Orders.
#[async_trait]
pub trait OrderStore: Send + Sync {
    /// Writes orders as Amazon sent them ([`WriteMode::Import`]) in one transaction.
    ///
    /// # Errors
    /// As [`UnitOfWork::commit`].
    async fn upsert_orders(&self, orders: &[Order]) -> Result<Vec<UpsertOutcome>, StoreError>;

    /// Writes one order changed by the hub ([`WriteMode::Save`]).
    ///
    /// # Errors
    /// As [`UnitOfWork::commit`].
    async fn save_order(&self, order: &Order) -> Result<UpsertOutcome, StoreError>;

    /// Loads one order.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`] or [`StoreError::Decryption`] naming the order; [`StoreError::Backend`].
    async fn get_order(&self, id: &AmazonOrderId) -> Result<Option<Order>, StoreError>;

    /// Orders matching `query`, by purchase date then id.
    ///
    /// # Errors
    /// As [`OrderStore::get_order`].
    async fn query_orders(&self, query: &OrderQuery) -> Result<Vec<Order>, StoreError>;

    /// How many orders match `query` (ignoring its limit and offset).
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn count_orders(&self, query: &OrderQuery) -> Result<u64, StoreError>;
}

/// Inventory items, by SKU.
#[async_trait]
pub trait InventoryStore: Send + Sync {
    /// Writes items, replacing those with the same SKU.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn put_items(&self, items: &[InventoryItem]) -> Result<(), StoreError>;

    /// One item.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`]; [`StoreError::Backend`].
    async fn get_item(&self, sku: &str) -> Result<Option<InventoryItem>, StoreError>;

    /// All items, by SKU.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`]; [`StoreError::Backend`].
    async fn list_items(&self) -> Result<Vec<InventoryItem>, StoreError>;
}

/// Sync state: cursors and leases.
#[async_trait]
pub trait SyncStateStore: Send + Sync {
    /// The cursor of `connection_id` and `scope`.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn get_cursor(
        &self,
        connection_id: &ConnectionId,
        scope: &str,
    ) -> Result<Option<Cursor>, StoreError>;

    /// Writes a cursor (use a [`ChangeSet`] to move it together with the data it covers).
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn put_cursor(&self, cursor: &Cursor) -> Result<(), StoreError>;

    /// Takes the lease `name` for `holder` until `now + ttl` when it is free, expired, or already held by
    /// `holder` (then it is renewed). `None` when someone else holds it.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn acquire_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        ttl: Duration,
    ) -> Result<Option<Lease>, StoreError>;

    /// Gives the lease back when `holder` holds it; returns whether it did.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn release_lease(&self, name: &str, holder: &str) -> Result<bool, StoreError>;

    /// The lease `name`, expired or not.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn get_lease(&self, name: &str) -> Result<Option<Lease>, StoreError>;
}

/// The outbox.
#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Adds entries (use a [`ChangeSet`] to add them together with the change that caused them).
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when an id exists; [`StoreError::Backend`].
    async fn enqueue(&self, entries: &[OutboxEntry]) -> Result<(), StoreError>;

    /// Claims up to `limit` pending entries due at `now` (`not_before <= now`) for `claimer` until
    /// `now + claim_ttl`, oldest first, and counts an attempt on each. An entry claimed by one worker is not
    /// handed to another until the claim expires (PostgreSQL: `FOR UPDATE SKIP LOCKED`).
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`]; [`StoreError::Backend`].
    async fn claim_due(
        &self,
        now: DateTime<Utc>,
        limit: u32,
        claimer: &str,
        claim_ttl: Duration,
    ) -> Result<Vec<OutboxEntry>, StoreError>;

    /// Marks entries as sent in the submission `feed_record_id` (they are no longer claimable).
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn mark_submitted(&self, ids: &[OutboxId], feed_record_id: &str) -> Result<(), StoreError>;

    /// Marks entries as accepted by Amazon.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn mark_done(&self, ids: &[OutboxId]) -> Result<(), StoreError>;

    /// Marks an entry as failed for good, with the reason.
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn mark_failed(&self, id: &OutboxId, message: &str, retryable: bool) -> Result<(), StoreError>;

    /// Puts an entry back to pending, due again at `not_before` (retry with backoff).
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn retry_at(&self, id: &OutboxId, not_before: DateTime<Utc>) -> Result<(), StoreError>;

    /// One entry.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`]; [`StoreError::Backend`].
    async fn get_outbox(&self, id: &OutboxId) -> Result<Option<OutboxEntry>, StoreError>;

    /// Entries matching `query`, oldest first.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`]; [`StoreError::Backend`].
    async fn list_outbox(&self, query: &OutboxQuery) -> Result<Vec<OutboxEntry>, StoreError>;
}

/// The feed log.
#[async_trait]
pub trait FeedLogStore: Send + Sync {
    /// Records a new submission.
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when the id exists; [`StoreError::Backend`].
    async fn record_feed(&self, record: &FeedRecord) -> Result<(), StoreError>;

    /// Replaces a recorded submission (status, Amazon's feed id, summary).
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when it was never recorded; [`StoreError::Backend`].
    async fn update_feed(&self, record: &FeedRecord) -> Result<(), StoreError>;

    /// One submission.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`]; [`StoreError::Backend`].
    async fn get_feed(&self, id: &str) -> Result<Option<FeedRecord>, StoreError>;

    /// Submissions matching `query`, newest first.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`]; [`StoreError::Backend`].
    async fn list_feeds(&self, query: &FeedLogQuery) -> Result<Vec<FeedRecord>, StoreError>;
}

/// Seller connections: who is connected, with which settings, and whether the connection works.
///
/// A [`Connection`] holds no buyer data and no secrets (refresh tokens live with the integrator's credential
/// store), so the SQL backends keep it as plain JSON.
#[async_trait]
pub trait ConnectionStore: Send + Sync {
    /// Writes a connection, replacing the one with the same id (settings and health included).
    ///
    /// # Errors
    /// [`StoreError::Backend`].
    async fn save_connection(&self, connection: &Connection) -> Result<(), StoreError>;

    /// One connection.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`] naming the connection; [`StoreError::Backend`].
    async fn get_connection(&self, id: &ConnectionId) -> Result<Option<Connection>, StoreError>;

    /// All connections, by id.
    ///
    /// # Errors
    /// [`StoreError::CorruptRow`] naming the connection; [`StoreError::Backend`].
    async fn list_connections(&self) -> Result<Vec<Connection>, StoreError>;

    /// Changes only the health of a connection (settings written meanwhile are kept).
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when the connection was never saved; [`StoreError::Backend`].
    async fn set_connection_health(
        &self,
        id: &ConnectionId,
        health: &ConnectionHealth,
    ) -> Result<(), StoreError>;
}

/// Everything a backend provides; implemented for every type that implements the parts.
/// Object-safe: the engine holds an `Arc<dyn Store>`.
pub trait Store:
    OrderStore + InventoryStore + SyncStateStore + OutboxStore + FeedLogStore + ConnectionStore + UnitOfWork
{
}

impl<T> Store for T where
    T: OrderStore
        + InventoryStore
        + SyncStateStore
        + OutboxStore
        + FeedLogStore
        + ConnectionStore
        + UnitOfWork
{
}
