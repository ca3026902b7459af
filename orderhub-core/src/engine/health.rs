//! Connection health: the test-credentials call, and the health every job's outcome implies, persisted
//! through the store's `ConnectionStore`.

use amazon_spapi::error::LwaError;

use super::{Engine, EngineError};
use crate::domain::{ConnectionHealth, ConnectionId};
use crate::ports::{FulfillmentError, StoreError};

/// Whether an Amazon client error is Login with Amazon's `invalid_grant`.
fn spapi_invalid_grant(e: &amazon_spapi::error::Error) -> bool {
    matches!(e, amazon_spapi::error::Error::Auth(LwaError::InvalidGrant { .. }))
}

/// Whether a job failed because the seller's authorization is no longer valid (`invalid_grant`).
pub(crate) fn is_invalid_grant(e: &EngineError) -> bool {
    match e {
        EngineError::Amazon { source, .. } => spapi_invalid_grant(source),
        EngineError::Fulfillment {
            source: FulfillmentError::Unavailable { source, .. },
            ..
        } => source
            .downcast_ref::<amazon_spapi::error::Error>()
            .is_some_and(spapi_invalid_grant),
        _ => false,
    }
}

impl Engine {
    /// Tests a connection's credentials by obtaining an access token: [`ConnectionHealth::Live`] when Login
    /// with Amazon grants one, [`ConnectionHealth::NeedsReauthorization`] when it answers `invalid_grant`
    /// (the seller revoked or let the authorization lapse; they must authorize the app again). A token the
    /// client still holds in its cache counts as live. The health is also saved with the connection when
    /// the store has it (`ConnectionStore`).
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::Amazon`] for any other failure (network, a wrong
    /// client id or secret), which says nothing about the seller's authorization; [`EngineError::Store`]
    /// when the health cannot be saved.
    pub async fn test_credentials(
        &self,
        connection_id: &ConnectionId,
    ) -> Result<ConnectionHealth, EngineError> {
        let rt = self.runtime(connection_id)?;
        let health = match rt.client.access_token().await {
            Ok(_) => ConnectionHealth::Live,
            Err(amazon_spapi::error::Error::Auth(LwaError::InvalidGrant { .. })) => {
                tracing::warn!(connection = %connection_id, "the seller's authorization is no longer valid");
                ConnectionHealth::NeedsReauthorization { since: self.now() }
            }
            Err(source) => {
                return Err(EngineError::Amazon {
                    connection_id: connection_id.clone(),
                    during: "test credentials",
                    source: Box::new(source),
                })
            }
        };
        self.persist_health(connection_id, &health).await?;
        Ok(health)
    }

    /// Records what a job's outcome says about the connection: `invalid_grant` makes it
    /// [`ConnectionHealth::NeedsReauthorization`]; a success in which the job talked to Amazon
    /// (`talked` says whether it did) makes it [`ConnectionHealth::Live`]; anything else says nothing.
    /// Only connections saved in the store are updated; a failure to save is logged, not returned (the
    /// job's own outcome matters more).
    ///
    /// Takes `talked` already evaluated (see [`Engine::health_after`]): a generic closure held across
    /// the await would make the callers' futures (and so [`Engine::tick`]'s) not `Send` for every
    /// lifetime, and `tokio::spawn(async move { engine.tick().await })` would not compile.
    pub(crate) async fn observe_health(
        &self,
        connection_id: &ConnectionId,
        health: Option<ConnectionHealth>,
    ) {
        let Some(health) = health else {
            return;
        };
        if let Err(e) = self.persist_health(connection_id, &health).await {
            tracing::warn!(connection = %connection_id, error = %e, "could not save the connection's health");
        }
    }

    /// What a job's outcome says about the connection's health, if anything (for
    /// [`Engine::observe_health`]).
    pub(crate) fn health_after<T>(
        &self,
        connection_id: &ConnectionId,
        outcome: &Result<T, EngineError>,
        talked: impl FnOnce(&T) -> bool,
    ) -> Option<ConnectionHealth> {
        match outcome {
            Ok(r) if talked(r) => Some(ConnectionHealth::Live),
            Err(e) if is_invalid_grant(e) => {
                tracing::warn!(connection = %connection_id, "the seller's authorization is no longer valid: re-authorize the app");
                Some(ConnectionHealth::NeedsReauthorization { since: self.now() })
            }
            _ => None,
        }
    }

    /// Saves `health` when the store has the connection and its health differs (a re-authorization noticed
    /// earlier keeps its first date).
    async fn persist_health(
        &self,
        connection_id: &ConnectionId,
        health: &ConnectionHealth,
    ) -> Result<(), EngineError> {
        let Some(stored) = self.store.get_connection(connection_id).await? else {
            return Ok(());
        };
        let same = match (&stored.health, health) {
            (
                ConnectionHealth::NeedsReauthorization { .. },
                ConnectionHealth::NeedsReauthorization { .. },
            ) => true,
            (a, b) => a == b,
        };
        if same {
            return Ok(());
        }
        match self.store.set_connection_health(connection_id, health).await {
            Ok(()) | Err(StoreError::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }
}
