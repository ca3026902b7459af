//! Credentials, access tokens and the Login with Amazon token endpoint.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use http::{HeaderValue, Method};
use tracing::Instrument;
use url::Url;

use super::SecretString;
use crate::clock::Clock;
use crate::error::{LwaError, TransportErrorKind};
use crate::transport::{HttpRequest, Transport};

/// Amazon's token endpoint, the same for every region.
pub const DEFAULT_LWA_ENDPOINT: &str = "https://api.amazon.com/auth/o2/token";

/// Default timeout of one token request.
pub const DEFAULT_LWA_TIMEOUT: Duration = Duration::from_secs(15);

/// Grantless scope for the Notifications API (destinations, subscriptions).
pub const SCOPE_NOTIFICATIONS: &str = "sellingpartnerapi::notifications";

/// Grantless scope for rotating the application's client secret.
pub const SCOPE_CLIENT_CREDENTIAL_ROTATION: &str = "sellingpartnerapi::client_credential:rotation";

/// The application's LWA credentials, plus the seller's refresh token for seller-authorized calls.
///
/// `Debug` shows the client id only; the secret and the refresh token print as `<redacted>`.
#[derive(Clone, Debug)]
pub struct LwaCredentials {
    /// The LWA client id of the application (`amzn1.application-oa2-client....`).
    pub client_id: String,
    /// The LWA client secret (rotate it every 180 days).
    pub client_secret: SecretString,
    /// The seller's refresh token, from the authorization workflow; `None` for grantless use only.
    pub refresh_token: Option<SecretString>,
}

impl LwaCredentials {
    /// Credentials for calls on behalf of a seller.
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<SecretString>,
        refresh_token: impl Into<SecretString>,
    ) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            refresh_token: Some(refresh_token.into()),
        }
    }

    /// Credentials for grantless operations only (no seller).
    pub fn grantless(client_id: impl Into<String>, client_secret: impl Into<SecretString>) -> Self {
        Self {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            refresh_token: None,
        }
    }
}

/// An LWA access token with its expiry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccessToken {
    /// The token (`Atza|...`).
    pub token: SecretString,
    /// When it stops working.
    pub expires_at: DateTime<Utc>,
}

impl AccessToken {
    /// Whether the token is still good for at least `margin` at `now`.
    pub fn is_fresh(&self, now: DateTime<Utc>, margin: Duration) -> bool {
        let margin = chrono::Duration::from_std(margin).unwrap_or(chrono::Duration::MAX);
        now.checked_add_signed(margin)
            .is_some_and(|t| t < self.expires_at)
    }
}

/// What the `authorization_code` exchange returns: the seller's refresh token (store it, encrypted) and a
/// first access token.
#[derive(Clone, Debug)]
pub struct AuthorizationGrant {
    /// The refresh token to keep for this seller.
    pub refresh_token: SecretString,
    /// An access token, good for about an hour.
    pub access_token: AccessToken,
}

#[derive(serde::Deserialize)]
struct TokenBody {
    access_token: Option<String>,
    refresh_token: Option<String>,
    expires_in: Option<serde_json::Value>,
}

#[derive(serde::Deserialize)]
struct ErrorBody {
    error: Option<String>,
    error_description: Option<String>,
}

/// A client for the LWA token endpoint.
#[derive(Clone, Debug)]
pub struct LwaClient {
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
    endpoint: Url,
    timeout: Duration,
}

impl LwaClient {
    /// A client that talks to `endpoint` through `transport`, reading time from `clock`.
    pub fn new(transport: Arc<dyn Transport>, clock: Arc<dyn Clock>, endpoint: Url) -> Self {
        Self {
            transport,
            clock,
            endpoint,
            timeout: DEFAULT_LWA_TIMEOUT,
        }
    }

    /// Sets the timeout of one token request (default 15 s).
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The token endpoint.
    pub fn endpoint(&self) -> &Url {
        &self.endpoint
    }

    /// Exchanges the seller's refresh token for an access token (`grant_type=refresh_token`).
    ///
    /// # Errors
    ///
    /// [`LwaError::InvalidGrant`] when the seller's authorization expired or was revoked,
    /// [`LwaError::InvalidClient`] when the client secret is wrong, [`LwaError::Decode`] when the
    /// credentials hold no refresh token, transport and timeout errors otherwise.
    pub async fn refresh_access_token(&self, credentials: &LwaCredentials) -> Result<AccessToken, LwaError> {
        let Some(refresh) = &credentials.refresh_token else {
            return Err(LwaError::NotAllowed {
                code: "missing_refresh_token".to_owned(),
                description: Some(
                    "these credentials are grantless; add the seller's refresh token".to_owned(),
                ),
            });
        };
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "refresh_token")
            .append_pair("refresh_token", refresh.expose())
            .append_pair("client_id", &credentials.client_id)
            .append_pair("client_secret", credentials.client_secret.expose())
            .finish();
        let (token, _) = self.request(form).await?;
        Ok(token)
    }

    /// Exchanges the `spapi_oauth_code` from the website authorization workflow for the seller's refresh
    /// token (`grant_type=authorization_code`). The code is valid for five minutes.
    ///
    /// # Errors
    ///
    /// [`LwaError::InvalidGrant`] when the code expired or was already used, [`LwaError::Decode`] when the
    /// answer holds no refresh token, and the errors of [`LwaClient::refresh_access_token`].
    pub async fn exchange_authorization_code(
        &self,
        client_id: &str,
        client_secret: &SecretString,
        code: &SecretString,
        redirect_uri: Option<&str>,
    ) -> Result<AuthorizationGrant, LwaError> {
        let mut ser = url::form_urlencoded::Serializer::new(String::new());
        ser.append_pair("grant_type", "authorization_code")
            .append_pair("code", code.expose())
            .append_pair("client_id", client_id)
            .append_pair("client_secret", client_secret.expose());
        if let Some(r) = redirect_uri {
            ser.append_pair("redirect_uri", r);
        }
        let (access_token, refresh) = self.request(ser.finish()).await?;
        let refresh_token = refresh.ok_or_else(|| LwaError::Decode {
            message: "the authorization_code answer holds no refresh_token".to_owned(),
        })?;
        Ok(AuthorizationGrant {
            refresh_token,
            access_token,
        })
    }

    /// Gets an access token for grantless operations (`grant_type=client_credentials`) with `scopes`
    /// (for example [`SCOPE_NOTIFICATIONS`]).
    ///
    /// # Errors
    ///
    /// [`LwaError::NotAllowed`] for a scope the app may not use, and the errors of
    /// [`LwaClient::refresh_access_token`].
    pub async fn client_credentials(
        &self,
        client_id: &str,
        client_secret: &SecretString,
        scopes: &[&str],
    ) -> Result<AccessToken, LwaError> {
        let form = url::form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "client_credentials")
            .append_pair("scope", &scopes.join(" "))
            .append_pair("client_id", client_id)
            .append_pair("client_secret", client_secret.expose())
            .finish();
        let (token, _) = self.request(form).await?;
        Ok(token)
    }

    async fn request(&self, form: String) -> Result<(AccessToken, Option<SecretString>), LwaError> {
        let mut req = HttpRequest::new(Method::POST, self.endpoint.clone());
        req.headers.insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded;charset=UTF-8"),
        );
        req.headers
            .insert(http::header::ACCEPT, HeaderValue::from_static("application/json"));
        req.body = Some(bytes::Bytes::from(form));
        req.timeout = Some(self.timeout);
        let span = tracing::debug_span!("lwa_token", endpoint = %self.endpoint.host_str().unwrap_or(""));
        let sent = tokio::time::timeout(self.timeout, self.transport.send(req))
            .instrument(span)
            .await;
        let resp = match sent {
            Err(_) => return Err(LwaError::Timeout { after: self.timeout }),
            Ok(Err(e)) if e.kind == TransportErrorKind::Timeout => {
                return Err(LwaError::Timeout { after: self.timeout })
            }
            Ok(Err(source)) => return Err(LwaError::Transport { source }),
            Ok(Ok(r)) => r,
        };
        if !resp.status.is_success() {
            let body: ErrorBody = serde_json::from_slice(&resp.body).unwrap_or(ErrorBody {
                error: None,
                error_description: None,
            });
            let code = body.error.unwrap_or_default();
            let description = body.error_description;
            tracing::debug!(status = resp.status.as_u16(), code = %code, "LWA refused the token request");
            return Err(match code.as_str() {
                "invalid_grant" => LwaError::InvalidGrant { description },
                "invalid_client" => LwaError::InvalidClient { description },
                "invalid_scope" | "unauthorized_client" => LwaError::NotAllowed { code, description },
                _ => LwaError::Rejected {
                    status: resp.status.as_u16(),
                    code,
                    description,
                },
            });
        }
        let body: TokenBody = serde_json::from_slice(&resp.body).map_err(|e| LwaError::Decode {
            // serde's message names the position and the expected type, never the token itself.
            message: format!("not a token answer (line {}, column {})", e.line(), e.column()),
        })?;
        let token = body
            .access_token
            .filter(|t| !t.is_empty())
            .ok_or_else(|| LwaError::Decode {
                message: "the answer holds no access_token".to_owned(),
            })?;
        let expires_in = match &body.expires_in {
            Some(serde_json::Value::Number(n)) => n.as_f64(),
            Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
            _ => None,
        }
        .filter(|s| s.is_finite() && *s > 0.0)
        .unwrap_or(3600.0);
        let expires_at = self.clock.now() + chrono::Duration::milliseconds((expires_in * 1000.0) as i64);
        Ok((
            AccessToken {
                token: SecretString::new(token),
                expires_at,
            },
            body.refresh_token.map(SecretString::new),
        ))
    }
}
