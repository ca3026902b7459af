//! The SP-API client: authorization, rate limiting, retries and transport for every operation.
//!
//! ```no_run
//! # async fn demo() -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::auth::LwaCredentials;
//! use amazon_spapi::client::SpApiClient;
//! use amazon_spapi::region::Region;
//!
//! let client = SpApiClient::builder()
//!     .credentials(LwaCredentials::new("amzn1.application-oa2-client.x", "secret", "Atzr|refresh"))
//!     .region(Region::Europe)
//!     .build()?;
//! # let _ = client; Ok(()) }
//! ```

use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, HeaderValue, StatusCode};
use tracing::Instrument;
/// Re-exported so callers can build endpoints without depending on `url` themselves.
pub use url::Url;

use crate::auth::cache::short_hash;
use crate::auth::{
    LwaClient, LwaCredentials, MemoryTokenCache, SecretString, TokenCache, TokenKey, TokenProvider,
    DEFAULT_LWA_ENDPOINT, DEFAULT_LWA_TIMEOUT,
};
use crate::clock::{Clock, Sleeper, SystemClock, TokioSleeper};
use crate::error::{AmazonError, ApiError, Error, TransportErrorKind};
use crate::limiter::{RateLimiter, TokenBucketLimiter};
use crate::operation::{ApiRequest, ApiResponse, Operation};
use crate::retry::{self, Decision, Jitter, Outcome, RandomJitter, RetryInput, RetryPolicy};
use crate::transport::{self, HttpRequest, HttpResponse, ReqwestTransport, Transport, TransportConfig};

pub use crate::region::{Environment, Region};

/// Default total timeout of one SP-API request.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// The characters kept as they are in query names and values: RFC 3986 unreserved (`A-Z a-z 0-9 - _ . ~`).
const QUERY: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one query name or value (RFC 3986 unreserved characters kept; `+`, `/`, `=` and space
/// encoded, as pagination tokens need).
pub fn encode_query_component(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, QUERY).to_string()
}

/// A Selling Partner API client for one seller (or for grantless calls of one application).
///
/// Cheap to clone: everything lives behind one `Arc`, including the one `reqwest::Client`.
#[derive(Clone, Debug)]
pub struct SpApiClient {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    credentials: LwaCredentials,
    token_key: Option<TokenKey>,
    tokens: TokenProvider,
    region: Region,
    environment: Environment,
    base: String,
    seller_key: String,
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    transport: Arc<dyn Transport>,
    limiter: Arc<dyn RateLimiter>,
    retry: RetryPolicy,
    jitter: Arc<dyn Jitter>,
    request_timeout: Duration,
    /// When each operation (by limiter key) was last throttled, on the monotonic clock: Amazon answers
    /// sustained throttling with 403 "forbidden" until the bucket has refilled, also on the first
    /// attempt of a later call, which must not read as a missing role.
    last_throttled: std::sync::Mutex<std::collections::HashMap<String, Duration>>,
}

/// Which token goes into `x-amz-access-token`.
enum TokenSource<'a> {
    Seller,
    Explicit(&'a SecretString),
    Grantless(&'a [&'a str]),
}

impl SpApiClient {
    /// A builder; only [`SpApiClientBuilder::credentials`] is required.
    pub fn builder() -> SpApiClientBuilder {
        SpApiClientBuilder::default()
    }

    /// Whether the operation behind `key` was throttled within the time its bucket takes to refill
    /// (at least a second): a 403 "forbidden" now is more likely Amazon's answer to that than a missing
    /// role.
    fn recently_throttled(&self, key: &str, plan: crate::operation::UsagePlan) -> bool {
        let map = self
            .inner
            .last_throttled
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(at) = map.get(key) else { return false };
        let refill = if plan.rate > 0.0 && plan.rate.is_finite() {
            Duration::from_secs_f64((f64::from(plan.burst.max(1)) / plan.rate).min(3600.0))
        } else {
            Duration::from_secs(60)
        };
        let window = (refill * 2).max(Duration::from_secs(1));
        self.inner.clock.monotonic().saturating_sub(*at) <= window
    }

    fn note_throttled(&self, key: &str) {
        let now = self.inner.clock.monotonic();
        self.inner
            .last_throttled
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key.to_owned(), now);
    }

    /// Where requests go.
    pub fn environment(&self) -> &Environment {
        &self.inner.environment
    }

    /// The region.
    pub fn region(&self) -> Region {
        self.inner.region
    }

    /// The identity used for limiter buckets and RDT cache keys: the selling partner id when set, else
    /// `rt-` and a hash of the refresh token (never the token), or `app-` and a hash of the client id for
    /// grantless clients.
    pub fn seller_key(&self) -> &str {
        &self.inner.seller_key
    }

    /// The injected clock (for expiry decisions such as caching Restricted Data Tokens).
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.inner.clock
    }

    /// The injected sleeper.
    pub fn sleeper(&self) -> &Arc<dyn Sleeper> {
        &self.inner.sleeper
    }

    /// The rate limiter.
    pub fn limiter(&self) -> &Arc<dyn RateLimiter> {
        &self.inner.limiter
    }

    /// The transport (also used for presigned document URLs).
    pub fn transport(&self) -> &Arc<dyn Transport> {
        &self.inner.transport
    }

    /// The Login with Amazon client (for the `authorization_code` exchange, for example).
    pub fn lwa(&self) -> &LwaClient {
        self.inner.tokens.lwa()
    }

    /// The token provider (cache plus single-flight refresh).
    pub fn token_provider(&self) -> &TokenProvider {
        &self.inner.tokens
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.retry
    }

    /// The LWA client id.
    pub fn client_id(&self) -> &str {
        &self.inner.credentials.client_id
    }

    /// A fresh LWA access token for the seller (from the cache when possible).
    ///
    /// # Errors
    ///
    /// [`Error::Auth`] when Login with Amazon refuses, [`Error::Config`] for grantless credentials.
    pub async fn access_token(&self) -> Result<SecretString, Error> {
        let key = self.inner.token_key.as_ref().ok_or_else(|| {
            Error::config("these credentials hold no refresh token: seller-authorized calls need one")
        })?;
        Ok(self
            .inner
            .tokens
            .access_token(key, &self.inner.credentials)
            .await?
            .token)
    }

    /// Sends `req` for `op` with the seller's access token (or `req.explicit_rdt` when set), waiting for
    /// the rate limiter and retrying by [`RetryPolicy`]. Only 2xx answers are `Ok`.
    ///
    /// # Errors
    ///
    /// [`Error::Api`] for an error answer, [`Error::Throttled`] when throttling outlasts the retries,
    /// [`Error::Auth`], [`Error::Transport`], [`Error::Timeout`], [`Error::RateLimitWait`], and
    /// [`Error::InvalidInput`] for a path that does not start with `/`.
    pub async fn send(&self, op: &Operation, req: ApiRequest) -> Result<ApiResponse, Error> {
        let source = match &req.explicit_rdt {
            Some(rdt) => TokenSource::Explicit(rdt),
            None => TokenSource::Seller,
        };
        self.dispatch(op, &req, source).await
    }

    /// Sends `req` for a grantless operation with a `client_credentials` token for `scopes`.
    ///
    /// # Errors
    ///
    /// As [`SpApiClient::send`].
    pub async fn send_grantless(
        &self,
        op: &Operation,
        req: ApiRequest,
        scopes: &[&str],
    ) -> Result<ApiResponse, Error> {
        self.dispatch(op, &req, TokenSource::Grantless(scopes)).await
    }

    /// The full URL for `req` (base URL, path, encoded query).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidInput`] when the path does not start with `/` or the result is not a URL.
    pub fn url_for(&self, req: &ApiRequest) -> Result<Url, Error> {
        if !req.path.starts_with('/') {
            return Err(Error::invalid_input(
                "path",
                format!("{:?} must start with '/'", req.path),
            ));
        }
        let mut s = String::with_capacity(self.inner.base.len() + req.path.len() + 16 * req.query.len());
        s.push_str(&self.inner.base);
        s.push_str(&req.path);
        for (i, (k, v)) in req.query.iter().enumerate() {
            s.push(if i == 0 { '?' } else { '&' });
            s.push_str(&encode_query_component(k));
            s.push('=');
            s.push_str(&encode_query_component(v));
        }
        Url::parse(&s).map_err(|e| Error::invalid_input("path", format!("does not make a valid URL: {e}")))
    }

    async fn token(
        &self,
        source: &TokenSource<'_>,
        rejected: Option<&SecretString>,
    ) -> Result<SecretString, Error> {
        let inner = &self.inner;
        match source {
            TokenSource::Explicit(t) => Ok((*t).clone()),
            TokenSource::Grantless(scopes) => Ok(inner
                .tokens
                .grantless_token(&inner.credentials, scopes)
                .await?
                .token),
            TokenSource::Seller => {
                let key = inner.token_key.as_ref().ok_or_else(|| {
                    Error::config("these credentials hold no refresh token: seller-authorized calls need one")
                })?;
                let t = match rejected {
                    Some(r) => {
                        inner
                            .tokens
                            .refresh_after_rejection(key, &inner.credentials, r)
                            .await?
                    }
                    None => inner.tokens.access_token(key, &inner.credentials).await?,
                };
                Ok(t.token)
            }
        }
    }

    async fn dispatch(
        &self,
        op: &Operation,
        req: &ApiRequest,
        source: TokenSource<'_>,
    ) -> Result<ApiResponse, Error> {
        let op_key = op.key();
        let span = tracing::debug_span!("spapi", operation = %op_key, method = %op.method, attempts = tracing::field::Empty);
        self.run(op, &op_key, req, source).instrument(span).await
    }

    fn build_request(
        &self,
        op: &Operation,
        url: &Url,
        req: &ApiRequest,
        token: &SecretString,
    ) -> Result<HttpRequest, Error> {
        let mut headers = HeaderMap::with_capacity(5);
        let mut tv = HeaderValue::from_str(token.expose())
            .map_err(|_| Error::config("the access token is not a valid header value"))?;
        tv.set_sensitive(true);
        headers.insert(transport::ACCESS_TOKEN_HEADER, tv);
        headers.insert(http::header::ACCEPT, HeaderValue::from_static("application/json"));
        headers.insert(
            http::header::USER_AGENT,
            HeaderValue::from_static(transport::USER_AGENT),
        );
        if req.body.is_some() {
            let ct = req.content_type.as_deref().unwrap_or("application/json");
            let v = HeaderValue::from_str(ct)
                .map_err(|_| Error::invalid_input("content_type", "not a valid header value"))?;
            headers.insert(http::header::CONTENT_TYPE, v);
        }
        Ok(HttpRequest {
            method: op.method.clone(),
            url: url.clone(),
            headers,
            body: req.body.clone(),
            timeout: Some(self.inner.request_timeout),
        })
    }

    async fn run(
        &self,
        op: &Operation,
        op_key: &str,
        req: &ApiRequest,
        source: TokenSource<'_>,
    ) -> Result<ApiResponse, Error> {
        let inner = &*self.inner;
        let url = self.url_for(req)?;
        let limiter_key = format!("{}/{}", inner.seller_key, op_key);
        let plan = op.usage_plan;
        let start = inner.clock.monotonic();
        let mut attempt: u32 = 0;
        let mut token_refreshed = false;
        let mut throttled_before = self.recently_throttled(&limiter_key, plan);
        let mut rejected: Option<SecretString> = None;
        loop {
            attempt += 1;
            inner.limiter.acquire(&limiter_key, plan).await?;
            let token = match self.token(&source, rejected.as_ref()).await {
                Ok(t) => t,
                // A token endpoint that is down or slow is retried like any transient failure.
                Err(e) if e.is_retryable() && attempt < inner.retry.max_attempts => {
                    let after = retry::backoff(&inner.retry, attempt, inner.jitter.next());
                    let elapsed = inner.clock.monotonic().saturating_sub(start);
                    if elapsed.saturating_add(after) > inner.retry.max_elapsed {
                        return Err(e);
                    }
                    tracing::debug!(attempt, error = %e, "token request failed; retrying");
                    inner.sleeper.sleep(after).await;
                    continue;
                }
                Err(e) => return Err(e),
            };
            let http_req = self.build_request(op, &url, req, &token)?;
            let sent = tokio::time::timeout(inner.request_timeout, inner.transport.send(http_req)).await;
            let resp: HttpResponse = match sent {
                Ok(Ok(r)) => r,
                Ok(Err(e)) => {
                    let kind = e.kind;
                    let decision = self.decide(
                        Outcome::Transport(kind),
                        attempt,
                        None,
                        start,
                        op,
                        token_refreshed,
                        throttled_before,
                    );
                    tracing::debug!(
                        attempt,
                        kind = transport::kind_name(kind),
                        ?decision,
                        "transport failure"
                    );
                    match decision {
                        Decision::Retry { after, .. } => {
                            inner.sleeper.sleep(after).await;
                            continue;
                        }
                        _ => {
                            tracing::Span::current().record("attempts", attempt);
                            return Err(if kind == TransportErrorKind::Timeout {
                                Error::Timeout {
                                    operation: op_key.to_owned(),
                                    after: inner.request_timeout,
                                    attempts: attempt,
                                }
                            } else {
                                Error::Transport {
                                    operation: op_key.to_owned(),
                                    attempts: attempt,
                                    source: e,
                                }
                            });
                        }
                    }
                }
                Err(_) => {
                    let decision = self.decide(
                        Outcome::Transport(TransportErrorKind::Timeout),
                        attempt,
                        None,
                        start,
                        op,
                        token_refreshed,
                        throttled_before,
                    );
                    tracing::debug!(attempt, kind = "timeout", ?decision, "no answer in time");
                    if let Decision::Retry { after, .. } = decision {
                        inner.sleeper.sleep(after).await;
                        continue;
                    }
                    tracing::Span::current().record("attempts", attempt);
                    return Err(Error::Timeout {
                        operation: op_key.to_owned(),
                        after: inner.request_timeout,
                        attempts: attempt,
                    });
                }
            };
            inner.limiter.answered(&limiter_key, plan);
            let request_id = resp.request_id();
            let rate_limit = resp.rate_limit();
            if let Some(r) = rate_limit {
                inner.limiter.observe_rate(&limiter_key, plan, r);
            }
            if resp.status.is_success() {
                tracing::Span::current().record("attempts", attempt);
                return Ok(ApiResponse {
                    status: resp.status,
                    headers: resp.headers,
                    body: resp.body,
                    request_id,
                    rate_limit,
                    attempts: attempt,
                });
            }
            let errors = parse_errors(&resp.body);
            let code = errors.first().map(|e| e.code.as_str());
            let message = errors
                .iter()
                .flat_map(|e| [e.message.as_str(), e.details.as_deref().unwrap_or("")])
                .collect::<Vec<_>>()
                .join(" ");
            if resp.status == StatusCode::TOO_MANY_REQUESTS
                || (resp.status == StatusCode::FORBIDDEN
                    && throttled_before
                    && retry::is_sustained_throttling_message(&message))
            {
                inner.limiter.throttled(&limiter_key, plan);
            }
            let retry_after = retry::parse_retry_after(&resp.headers, inner.clock.now());
            let outcome = Outcome::Status {
                status: resp.status,
                code,
                message: &message,
            };
            let decision = self.decide(
                outcome,
                attempt,
                retry_after,
                start,
                op,
                token_refreshed,
                throttled_before,
            );
            tracing::debug!(
                attempt,
                status = resp.status.as_u16(),
                code = code.unwrap_or(""),
                request_id = request_id.as_deref().unwrap_or(""),
                ?decision,
                "error answer"
            );
            // 429, or 403 "forbidden" after a 429 in this call (Amazon's answer to sustained throttling).
            let throttle_like = resp.status == StatusCode::TOO_MANY_REQUESTS
                || (resp.status == StatusCode::FORBIDDEN
                    && throttled_before
                    && retry::is_sustained_throttling_message(&message));
            if throttle_like {
                throttled_before = true;
                self.note_throttled(&limiter_key);
            }
            match decision {
                Decision::Retry { after, .. } => {
                    inner.sleeper.sleep(after).await;
                }
                Decision::RefreshToken if !matches!(source, TokenSource::Explicit(_)) => {
                    token_refreshed = true;
                    if matches!(source, TokenSource::Seller) {
                        rejected = Some(token);
                    } else if let TokenSource::Grantless(scopes) = &source {
                        let key = TokenKey::for_scopes(&inner.credentials.client_id, scopes);
                        inner.tokens.cache().remove(&key).await;
                    }
                }
                Decision::RefreshToken | Decision::Stop(_) => {
                    tracing::Span::current().record("attempts", attempt);
                    if throttle_like {
                        return Err(Error::Throttled {
                            operation: op_key.to_owned(),
                            retry_after: retry_after
                                .or_else(|| Some(Duration::from_secs_f64(1.0 / plan.rate.max(1e-3)))),
                            attempts: attempt,
                            request_id,
                            rate_limit,
                        });
                    }
                    return Err(Error::Api(Box::new(ApiError {
                        operation: op_key.to_owned(),
                        status: resp.status,
                        errors,
                        request_id,
                        rate_limit,
                        attempts: attempt,
                    })));
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn decide(
        &self,
        outcome: Outcome<'_>,
        attempt: u32,
        retry_after: Option<Duration>,
        start: Duration,
        op: &Operation,
        token_refreshed: bool,
        throttled_before: bool,
    ) -> Decision {
        let inner = &*self.inner;
        let input = RetryInput {
            outcome,
            attempt,
            retry_after,
            elapsed: inner.clock.monotonic().saturating_sub(start),
            idempotent: op.idempotent,
            token_refreshed,
            throttled_before,
            jitter: inner.jitter.next(),
        };
        retry::decide(&inner.retry, &input)
    }
}

#[derive(serde::Deserialize)]
struct ErrorList {
    #[serde(default)]
    errors: Vec<AmazonError>,
}

/// Amazon's `errors` list from an error body; an empty list when the body is not one.
pub fn parse_errors(body: &[u8]) -> Vec<AmazonError> {
    serde_json::from_slice::<ErrorList>(body)
        .map(|l| l.errors)
        .unwrap_or_default()
}

/// Builds an [`SpApiClient`].
#[derive(Debug, Default)]
pub struct SpApiClientBuilder {
    credentials: Option<LwaCredentials>,
    region: Option<Region>,
    environment: Option<Environment>,
    lwa_endpoint: Option<Url>,
    selling_partner_id: Option<String>,
    clock: Option<Arc<dyn Clock>>,
    sleeper: Option<Arc<dyn Sleeper>>,
    transport: Option<Arc<dyn Transport>>,
    transport_config: Option<TransportConfig>,
    limiter: Option<Arc<dyn RateLimiter>>,
    token_cache: Option<Arc<dyn TokenCache>>,
    retry_policy: Option<RetryPolicy>,
    jitter: Option<Arc<dyn Jitter>>,
    request_timeout: Option<Duration>,
    lwa_timeout: Option<Duration>,
}

impl SpApiClientBuilder {
    /// The LWA credentials (required).
    #[must_use]
    pub fn credentials(mut self, credentials: LwaCredentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// The region (default North America).
    #[must_use]
    pub fn region(mut self, region: Region) -> Self {
        self.region = Some(region);
        self
    }

    /// Production (default), sandbox or a custom base URL.
    #[must_use]
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = Some(environment);
        self
    }

    /// A custom base URL (the simulator, a proxy); same as `environment(Environment::Custom(url))`.
    #[must_use]
    pub fn endpoint(mut self, url: Url) -> Self {
        self.environment = Some(Environment::Custom(url));
        self
    }

    /// The LWA token endpoint (default `https://api.amazon.com/auth/o2/token`).
    #[must_use]
    pub fn lwa_endpoint(mut self, url: Url) -> Self {
        self.lwa_endpoint = Some(url);
        self
    }

    /// The seller's id (merchant token); used as the identity for limiter buckets and RDT caches.
    #[must_use]
    pub fn selling_partner_id(mut self, id: impl Into<String>) -> Self {
        self.selling_partner_id = Some(id.into());
        self
    }

    /// The clock (default [`SystemClock`]).
    #[must_use]
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// The sleeper (default [`TokioSleeper`]).
    #[must_use]
    pub fn sleeper(mut self, sleeper: Arc<dyn Sleeper>) -> Self {
        self.sleeper = Some(sleeper);
        self
    }

    /// The transport (default [`ReqwestTransport`]).
    #[must_use]
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Settings for the default transport (ignored when a transport is given).
    #[must_use]
    pub fn transport_config(mut self, config: TransportConfig) -> Self {
        self.transport_config = Some(config);
        self
    }

    /// The rate limiter (default a [`TokenBucketLimiter`] on the client's clock and sleeper). Share one
    /// limiter between clients of the same seller.
    #[must_use]
    pub fn limiter(mut self, limiter: Arc<dyn RateLimiter>) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// The token cache (default a new [`MemoryTokenCache`]).
    #[must_use]
    pub fn token_cache(mut self, cache: Arc<dyn TokenCache>) -> Self {
        self.token_cache = Some(cache);
        self
    }

    /// The retry policy (default [`RetryPolicy::default`]).
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry_policy = Some(policy);
        self
    }

    /// The randomness for backoff jitter (default [`RandomJitter::from_entropy`]).
    #[must_use]
    pub fn jitter(mut self, jitter: Arc<dyn Jitter>) -> Self {
        self.jitter = Some(jitter);
        self
    }

    /// Total timeout of one SP-API request (default 60 s).
    #[must_use]
    pub fn request_timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = Some(timeout);
        self
    }

    /// Timeout of one LWA token request (default 15 s).
    #[must_use]
    pub fn lwa_timeout(mut self, timeout: Duration) -> Self {
        self.lwa_timeout = Some(timeout);
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when credentials are missing or empty, or the HTTP client cannot be built.
    pub fn build(self) -> Result<SpApiClient, Error> {
        let credentials = self
            .credentials
            .ok_or_else(|| Error::config("no LWA credentials: call .credentials(LwaCredentials::new(..))"))?;
        if credentials.client_id.trim().is_empty() || credentials.client_secret.expose().is_empty() {
            return Err(Error::config(
                "the LWA client id and client secret must not be empty",
            ));
        }
        if credentials
            .refresh_token
            .as_ref()
            .is_some_and(|t| t.expose().is_empty())
        {
            return Err(Error::config(
                "the refresh token is empty: authorize the app for this seller first",
            ));
        }
        let region = self.region.unwrap_or(Region::NorthAmerica);
        let environment = self.environment.unwrap_or_default();
        let base = environment
            .base_url(region)
            .as_str()
            .trim_end_matches('/')
            .to_owned();
        let clock: Arc<dyn Clock> = self.clock.unwrap_or_else(|| Arc::new(SystemClock::new()));
        let sleeper: Arc<dyn Sleeper> = self.sleeper.unwrap_or_else(|| Arc::new(TokioSleeper));
        let transport: Arc<dyn Transport> = match self.transport {
            Some(t) => t,
            None => Arc::new(ReqwestTransport::with_config(
                &self.transport_config.unwrap_or_default(),
            )?),
        };
        let limiter: Arc<dyn RateLimiter> = self
            .limiter
            .unwrap_or_else(|| Arc::new(TokenBucketLimiter::new(clock.clone(), sleeper.clone())));
        let cache: Arc<dyn TokenCache> = self
            .token_cache
            .unwrap_or_else(|| Arc::new(MemoryTokenCache::new()));
        let lwa_endpoint = match self.lwa_endpoint {
            Some(u) => u,
            None => {
                Url::parse(DEFAULT_LWA_ENDPOINT).map_err(|e| Error::config(format!("LWA endpoint: {e}")))?
            }
        };
        let lwa = LwaClient::new(transport.clone(), clock.clone(), lwa_endpoint)
            .with_timeout(self.lwa_timeout.unwrap_or(DEFAULT_LWA_TIMEOUT));
        let tokens = TokenProvider::new(lwa, cache, clock.clone());
        let token_key = credentials
            .refresh_token
            .as_ref()
            .map(|rt| TokenKey::for_refresh_token(&credentials.client_id, rt));
        let seller_key = match (&self.selling_partner_id, &credentials.refresh_token) {
            (Some(id), _) if !id.trim().is_empty() => id.trim().to_owned(),
            (_, Some(rt)) => format!("rt-{}", short_hash(rt.expose())),
            (_, None) => format!("app-{}", short_hash(&credentials.client_id)),
        };
        Ok(SpApiClient {
            inner: Arc::new(Inner {
                credentials,
                token_key,
                tokens,
                region,
                environment,
                base,
                seller_key,
                clock,
                sleeper,
                transport,
                limiter,
                retry: self.retry_policy.unwrap_or_default(),
                jitter: self
                    .jitter
                    .unwrap_or_else(|| Arc::new(RandomJitter::from_entropy())),
                request_timeout: self.request_timeout.unwrap_or(DEFAULT_REQUEST_TIMEOUT),
                last_throttled: std::sync::Mutex::default(),
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_components_are_encoded() {
        assert_eq!(encode_query_component("a+b/c=="), "a%2Bb%2Fc%3D%3D");
        assert_eq!(encode_query_component("A-Z_a.z~0 9"), "A-Z_a.z~0%209");
        assert_eq!(
            encode_query_component("2026-01-01T00:00:00Z"),
            "2026-01-01T00%3A00%3A00Z"
        );
    }
}
