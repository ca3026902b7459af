//! Access-token caching: the [`TokenCache`] trait, the in-memory cache, and the single-flight
//! [`TokenProvider`].

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::lwa::{AccessToken, LwaClient, LwaCredentials};
use super::SecretString;
use crate::clock::Clock;
use crate::error::LwaError;

/// The key of one cached token: the client id plus either a hash of the refresh token or the scopes.
///
/// The refresh token itself never appears in a key (keys may be logged or stored in plain text).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct TokenKey(String);

impl TokenKey {
    /// The key for a seller-authorized token.
    pub fn for_refresh_token(client_id: &str, refresh_token: &SecretString) -> Self {
        Self(format!(
            "lwa:{client_id}:rt:{}",
            short_hash(refresh_token.expose())
        ))
    }

    /// The key for a grantless token with `scopes`.
    pub fn for_scopes(client_id: &str, scopes: &[&str]) -> Self {
        let mut s: Vec<&str> = scopes.to_vec();
        s.sort_unstable();
        Self(format!("lwa:{client_id}:scope:{}", s.join(" ")))
    }

    /// The key as text (safe to log or use as a database key).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for TokenKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TokenKey({})", self.0)
    }
}

impl fmt::Display for TokenKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The first 16 bytes of SHA-256 of `value`, in hex: an identity for a secret that does not reveal it.
pub(crate) fn short_hash(value: &str) -> String {
    let digest = Sha256::digest(value.as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Where access tokens are kept between calls.
///
/// The default is [`MemoryTokenCache`]. Implement this trait to share tokens between processes (a database
/// table, Redis). A cache that fails should answer `None` from `get` (the provider then fetches a new
/// token) and drop the token in `put`: a cache outage costs token requests, not failed calls. Store tokens
/// encrypted: they are bearer credentials.
#[async_trait::async_trait]
pub trait TokenCache: Send + Sync + fmt::Debug {
    /// The cached token for `key`, if any (fresh or not: the provider checks expiry).
    async fn get(&self, key: &TokenKey) -> Option<AccessToken>;
    /// Stores `token` under `key`.
    async fn put(&self, key: &TokenKey, token: AccessToken);
    /// Forgets the token under `key` (after Amazon rejected it).
    async fn remove(&self, key: &TokenKey);
}

/// An in-process token cache.
#[derive(Debug, Default)]
pub struct MemoryTokenCache {
    tokens: Mutex<HashMap<TokenKey, AccessToken>>,
}

impl MemoryTokenCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<TokenKey, AccessToken>> {
        self.tokens.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The cached token for `key`, without going through the async trait (fast path).
    pub fn get_now(&self, key: &TokenKey) -> Option<AccessToken> {
        self.lock().get(key).cloned()
    }
}

#[async_trait::async_trait]
impl TokenCache for MemoryTokenCache {
    async fn get(&self, key: &TokenKey) -> Option<AccessToken> {
        self.get_now(key)
    }

    async fn put(&self, key: &TokenKey, token: AccessToken) {
        self.lock().insert(key.clone(), token);
    }

    async fn remove(&self, key: &TokenKey) {
        self.lock().remove(key);
    }
}

/// Hands out access tokens from a [`TokenCache`], refreshing them `refresh_margin` (60 s by default)
/// before they expire. Single-flight: however many tasks ask at once for a missing or stale token, one
/// token request goes to Login with Amazon and the others wait for its result.
#[derive(Debug)]
pub struct TokenProvider {
    lwa: LwaClient,
    cache: Arc<dyn TokenCache>,
    clock: Arc<dyn Clock>,
    refresh_margin: Duration,
    flights: Mutex<HashMap<TokenKey, Arc<Flight>>>,
}

/// One key's single-flight state: the lock held while fetching, the number of fetches finished, and the
/// error of the last one if it failed (handed to the callers that waited for it, so a failing token
/// endpoint sees one request per wave of callers, not one per caller).
#[derive(Debug, Default)]
struct Flight {
    finished: std::sync::atomic::AtomicU64,
    last_error: tokio::sync::Mutex<Option<LwaError>>,
}

/// The default margin before expiry at which a token is refreshed.
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(60);

impl TokenProvider {
    /// A provider fetching tokens with `lwa`, keeping them in `cache`.
    pub fn new(lwa: LwaClient, cache: Arc<dyn TokenCache>, clock: Arc<dyn Clock>) -> Self {
        Self {
            lwa,
            cache,
            clock,
            refresh_margin: DEFAULT_REFRESH_MARGIN,
            flights: Mutex::new(HashMap::new()),
        }
    }

    /// Sets how long before expiry a token is refreshed (default 60 s).
    #[must_use]
    pub fn with_refresh_margin(mut self, margin: Duration) -> Self {
        self.refresh_margin = margin;
        self
    }

    /// The LWA client.
    pub fn lwa(&self) -> &LwaClient {
        &self.lwa
    }

    /// The cache.
    pub fn cache(&self) -> &Arc<dyn TokenCache> {
        &self.cache
    }

    fn flight(&self, key: &TokenKey) -> Arc<Flight> {
        let mut f = self.flights.lock().unwrap_or_else(PoisonError::into_inner);
        f.entry(key.clone()).or_default().clone()
    }

    async fn cached_fresh(&self, key: &TokenKey) -> Option<AccessToken> {
        let t = self.cache.get(key).await?;
        t.is_fresh(self.clock.now(), self.refresh_margin).then_some(t)
    }

    /// A fresh access token for the seller behind `credentials`.
    ///
    /// # Errors
    ///
    /// The [`LwaError`] of the token request when one was needed and failed.
    pub async fn access_token(
        &self,
        key: &TokenKey,
        credentials: &LwaCredentials,
    ) -> Result<AccessToken, LwaError> {
        self.get_or_fetch(key, None, || self.lwa.refresh_access_token(credentials))
            .await
    }

    /// A fresh grantless access token for `scopes`.
    ///
    /// # Errors
    ///
    /// The [`LwaError`] of the token request when one was needed and failed.
    pub async fn grantless_token(
        &self,
        credentials: &LwaCredentials,
        scopes: &[&str],
    ) -> Result<AccessToken, LwaError> {
        let key = TokenKey::for_scopes(&credentials.client_id, scopes);
        self.get_or_fetch(&key, None, || {
            self.lwa
                .client_credentials(&credentials.client_id, &credentials.client_secret, scopes)
        })
        .await
    }

    /// A new token after Amazon rejected `rejected` as expired: the cached token is replaced unless
    /// another task already replaced it (then that newer token is returned, with no second request).
    ///
    /// # Errors
    ///
    /// The [`LwaError`] of the token request.
    pub async fn refresh_after_rejection(
        &self,
        key: &TokenKey,
        credentials: &LwaCredentials,
        rejected: &SecretString,
    ) -> Result<AccessToken, LwaError> {
        self.get_or_fetch(key, Some(rejected), || self.lwa.refresh_access_token(credentials))
            .await
    }

    async fn get_or_fetch<F, Fut>(
        &self,
        key: &TokenKey,
        rejected: Option<&SecretString>,
        fetch: F,
    ) -> Result<AccessToken, LwaError>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<AccessToken, LwaError>>,
    {
        let usable = |t: &AccessToken| rejected.is_none_or(|r| &t.token != r);
        if let Some(t) = self.cached_fresh(key).await {
            if usable(&t) {
                return Ok(t);
            }
        }
        let flight = self.flight(key);
        let seen = flight.finished.load(std::sync::atomic::Ordering::Acquire);
        let mut last_error = flight.last_error.lock().await;
        // Someone else may have fetched it while this task waited.
        if let Some(t) = self.cached_fresh(key).await {
            if usable(&t) {
                return Ok(t);
            }
        }
        if flight.finished.load(std::sync::atomic::Ordering::Acquire) != seen {
            if let Some(e) = last_error.as_ref() {
                // The fetch this task waited for failed: share its error rather than asking again.
                return Err(e.clone());
            }
        }
        tracing::debug!(key = %key, "requesting a new LWA access token");
        let result = fetch().await;
        flight.finished.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        match result {
            Ok(t) => {
                *last_error = None;
                self.cache.put(key, t.clone()).await;
                Ok(t)
            }
            Err(e) => {
                *last_error = Some(e.clone());
                Err(e)
            }
        }
    }
}
