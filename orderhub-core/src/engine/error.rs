//! The engine's error.

use crate::domain::ConnectionId;
use crate::ports::StoreError;

/// Why an engine job stopped. Messages never carry secrets or personal data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    /// The connection is not registered with the engine.
    #[error(
        "connection {connection_id} is not registered with the engine: add it with Engine::with_connection"
    )]
    UnknownConnection {
        /// The connection.
        connection_id: ConnectionId,
    },
    /// The connection has no marketplace to import from.
    #[error("connection {connection_id} lists no marketplace: add at least one to its settings")]
    NoMarketplace {
        /// The connection.
        connection_id: ConnectionId,
    },
    /// Another worker holds the job's lease; nothing was done. Try again after the lease expires.
    #[error("job `{lease}` is held by another worker; nothing was done, it runs there (or retry after the lease expires)")]
    Busy {
        /// The lease name.
        lease: String,
    },
    /// Amazon (or the way to it) failed. What was committed before stays committed; the next run continues
    /// from the cursor.
    #[error("Amazon call failed for connection {connection_id} during {during}: {source}")]
    Amazon {
        /// The connection.
        connection_id: ConnectionId,
        /// What the engine was doing.
        during: &'static str,
        /// The client's error.
        #[source]
        source: Box<amazon_spapi::error::Error>,
    },
    /// The store failed. What was committed before stays committed.
    #[error("the store failed: {0}")]
    Store(#[from] StoreError),
    /// An Amazon label cannot be bought, voided or read for an order (bad or missing order metadata,
    /// an order that cannot ship, a service Amazon does not offer ...); the error names the order and
    /// what to fix.
    #[error(transparent)]
    Label(#[from] super::labels::LabelError),
    /// The order is not in the store.
    #[error("order {order_id} is not in the store: import it first")]
    UnknownOrder {
        /// The order.
        order_id: crate::domain::AmazonOrderId,
    },
    /// The fulfillment service (Amazon MCF) refused or failed a call for an order.
    #[error(
        "fulfillment of order {order_id} through connection {connection_id} failed during {during}: {source}"
    )]
    Fulfillment {
        /// The connection.
        connection_id: ConnectionId,
        /// The hub order.
        order_id: crate::domain::AmazonOrderId,
        /// What the engine was doing.
        during: &'static str,
        /// The service's error.
        #[source]
        source: crate::ports::FulfillmentError,
    },
}

impl EngineError {
    /// Whether running the job again later may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            EngineError::Busy { .. } => true,
            EngineError::Amazon { source, .. } => source.is_retryable(),
            EngineError::Store(e) => e.is_retryable(),
            EngineError::Label(e) => e.is_retryable(),
            EngineError::Fulfillment { source, .. } => source.is_retryable(),
            _ => false,
        }
    }
}
