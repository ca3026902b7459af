//! Connection health: the test-credentials call.

use amazon_spapi::error::LwaError;

use super::{Engine, EngineError};
use crate::domain::{ConnectionHealth, ConnectionId};

impl Engine {
    /// Tests a connection's credentials by obtaining an access token: [`ConnectionHealth::Live`] when Login
    /// with Amazon grants one, [`ConnectionHealth::NeedsReauthorization`] when it answers `invalid_grant`
    /// (the seller revoked or let the authorization lapse; they must authorize the app again). A token the
    /// client still holds in its cache counts as live.
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::Amazon`] for any other failure (network, a wrong
    /// client id or secret), which says nothing about the seller's authorization.
    pub async fn test_credentials(
        &self,
        connection_id: &ConnectionId,
    ) -> Result<ConnectionHealth, EngineError> {
        let rt = self.runtime(connection_id)?;
        match rt.client.access_token().await {
            Ok(_) => Ok(ConnectionHealth::Live),
            Err(amazon_spapi::error::Error::Auth(LwaError::InvalidGrant { .. })) => {
                tracing::warn!(connection = %connection_id, "the seller's authorization is no longer valid");
                Ok(ConnectionHealth::NeedsReauthorization { since: self.now() })
            }
            Err(source) => Err(EngineError::Amazon {
                connection_id: connection_id.clone(),
                during: "test credentials",
                source: Box::new(source),
            }),
        }
    }
}
