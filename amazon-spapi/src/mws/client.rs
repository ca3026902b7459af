//! [`MwsClient`]: credentials, endpoint, signing, throttling and retries for every MWS call.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use url::Url;

use super::error::{MwsApiError, MwsError, MwsErrorCode};
use super::operation::MwsOperation;
use super::signer;
use crate::auth::SecretString;
use crate::clock::{Clock, Sleeper, SystemClock, TokioSleeper};
use crate::error::{Error, TransportErrorKind};
use crate::limiter::{RateLimiter, TokenBucketLimiter};
use crate::transport::{HttpRequest, ReqwestTransport, Transport};

/// Default number of attempts per call (the first one included).
pub const DEFAULT_MAX_ATTEMPTS: u32 = 3;
/// Default total timeout of one HTTP exchange.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Header in which MWS returns its request id.
pub const REQUEST_ID_HEADER: &str = "x-mws-request-id";

/// The credentials of one MWS call: whose data (seller id and, for a third-party developer, the seller's
/// MWS auth token) and who asks (the developer's AWS access key id and secret key).
///
/// `Debug` shows the seller id and the access key id (identifiers, not secrets); the auth token and the
/// secret key are [`SecretString`]s and print as `<redacted>`.
#[derive(Debug, Clone)]
pub struct MwsCredentials {
    /// The seller's merchant id (`SellerId` / `Merchant`), for example `A1B2C3D4E5F6G7`.
    pub seller_id: String,
    /// The MWS auth token the seller granted to the developer (`MWSAuthToken`); `None` when the seller
    /// calls with their own developer keys.
    pub mws_auth_token: Option<SecretString>,
    /// The developer's AWS access key id (`AWSAccessKeyId`).
    pub access_key_id: String,
    /// The developer's secret key, used only to sign.
    pub secret_key: SecretString,
}

impl MwsCredentials {
    /// Credentials for `seller_id` with the developer's access key id and secret key.
    pub fn new(
        seller_id: impl Into<String>,
        access_key_id: impl Into<String>,
        secret_key: impl Into<SecretString>,
    ) -> Self {
        MwsCredentials {
            seller_id: seller_id.into(),
            mws_auth_token: None,
            access_key_id: access_key_id.into(),
            secret_key: secret_key.into(),
        }
    }

    /// Adds the MWS auth token the seller granted the developer.
    #[must_use]
    pub fn with_auth_token(mut self, token: impl Into<SecretString>) -> Self {
        self.mws_auth_token = Some(token.into());
        self
    }
}

/// An MWS endpoint (scheme, host, optional port and base path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MwsEndpoint(Url);

impl MwsEndpoint {
    /// North America (United States, Brazil): `https://mws.amazonservices.com`.
    pub fn north_america() -> Self {
        Self::known("https://mws.amazonservices.com")
    }

    /// Europe (United Kingdom, Germany, France, Italy, Spain, Netherlands, Sweden, Poland, Turkey, Egypt,
    /// Saudi Arabia): `https://mws-eu.amazonservices.com`.
    pub fn europe() -> Self {
        Self::known("https://mws-eu.amazonservices.com")
    }

    /// Far East (Singapore): `https://mws-fe.amazonservices.com`.
    pub fn far_east() -> Self {
        Self::known("https://mws-fe.amazonservices.com")
    }

    /// An endpoint from one of the literals in this file (each is covered by a unit test).
    #[allow(clippy::expect_used)]
    fn known(url: &'static str) -> Self {
        MwsEndpoint(Url::parse(url).expect("the built-in MWS endpoint URLs are valid"))
    }

    /// The endpoint MWS served `marketplace_id` from, or `None` for a marketplace that opened after MWS
    /// stopped taking new sellers (Belgium, Ireland, South Africa) or an unknown id.
    pub fn for_marketplace(marketplace_id: &str) -> Option<Self> {
        let url = match marketplace_id {
            "ATVPDKIKX0DER" | "A2Q3Y263D00KWC" => "https://mws.amazonservices.com",
            "A2EUQ1WTGCTBG2" => "https://mws.amazonservices.ca",
            "A1AM78C64UM0Y8" => "https://mws.amazonservices.com.mx",
            "A1F83G8C2ARO7P" | "A1PA6795UKMFR9" | "A13V1IB3VIYZZH" | "APJ6JRA9NG5V4" | "A1RKKUPIHCS9HS"
            | "A1805IZSGTT6HS" | "A2NODRKZP88ZB9" | "A1C3SOZRARQ6R3" | "A33AVAJ2PDY3EV" | "ARBP9OOSHTCHU"
            | "A17E79C6D8DWNP" => "https://mws-eu.amazonservices.com",
            "A2VIGQ35RCS4UG" => "https://mws.amazonservices.ae",
            "A21TJRUUN4KGV" => "https://mws.amazonservices.in",
            "A1VC38T7YXB528" => "https://mws.amazonservices.jp",
            "A39IBJ37TRP1C6" => "https://mws.amazonservices.com.au",
            "A19VAU5U5O7RUS" => "https://mws-fe.amazonservices.com",
            _ => return None,
        };
        Some(Self::known(url))
    }

    /// Any base URL: a mock, a recorder, or a local service that still speaks MWS.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] when `url` is not an absolute `http` or `https` URL with a host, or has
    /// a query or fragment.
    pub fn custom(url: &str) -> Result<Self, MwsError> {
        let parsed =
            Url::parse(url).map_err(|e| MwsError::invalid_input("endpoint", format!("not a URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(MwsError::invalid_input(
                "endpoint",
                "use an http:// or https:// URL with a host",
            ));
        }
        if parsed.query().is_some() || parsed.fragment().is_some() {
            return Err(MwsError::invalid_input(
                "endpoint",
                "leave out the query and fragment",
            ));
        }
        Ok(MwsEndpoint(parsed))
    }

    /// The base URL.
    pub fn url(&self) -> &Url {
        &self.0
    }

    /// The URL of `path` (`/Orders/2013-09-01` or `/`) under this endpoint's base path.
    pub(crate) fn join(&self, path: &str) -> Url {
        let mut url = self.0.clone();
        let base = self.0.path().trim_end_matches('/');
        url.set_path(&format!("{base}{path}"));
        url
    }
}

/// A successful MWS answer before decoding.
#[derive(Clone)]
pub struct MwsResponse {
    /// HTTP status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// The body (XML, or the raw report for `GetFeedSubmissionResult`).
    pub body: Bytes,
    /// `x-mws-request-id`.
    pub request_id: Option<String>,
    /// Attempts it took.
    pub attempts: u32,
}

impl fmt::Debug for MwsResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body may hold buyers' data: only its size.
        f.debug_struct("MwsResponse")
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .field("request_id", &self.request_id)
            .field("attempts", &self.attempts)
            .finish()
    }
}

/// A feed body to upload with `SubmitFeed`.
#[derive(Clone)]
pub(crate) struct FeedUpload {
    pub(crate) body: Bytes,
    pub(crate) content_type: String,
    pub(crate) content_md5: String,
}

struct Inner {
    endpoint: MwsEndpoint,
    credentials: MwsCredentials,
    transport: Arc<dyn Transport>,
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    limiter: Arc<dyn RateLimiter>,
    max_attempts: u32,
    timeout: Duration,
}

/// A client for the legacy MWS Orders 2013-09-01 and Feeds 2009-01-01 sections.
///
/// Cheap to clone (clones share the transport, limiter and credentials). Every call takes a token from
/// the operation's throttling bucket first (waiting on the injected clock when it is empty), signs the
/// request with Signature Version 2 using the injected clock's time as `Timestamp`, and retries
/// `RequestThrottled` answers (after emptying the bucket, so the retry waits one restore interval) and, for
/// idempotent operations, server errors and broken connections (after 1 s, 2 s, 4 s...). `QuotaExceeded`
/// (the hourly quota) is reported at once: it only recovers at the next hour.
#[derive(Clone)]
pub struct MwsClient {
    inner: Arc<Inner>,
}

impl fmt::Debug for MwsClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MwsClient")
            .field("endpoint", &self.inner.endpoint.url().as_str())
            .field("credentials", &self.inner.credentials)
            .field("max_attempts", &self.inner.max_attempts)
            .finish_non_exhaustive()
    }
}

/// Builder for [`MwsClient`].
#[must_use = "call .build() to get a client"]
pub struct MwsClientBuilder {
    endpoint: MwsEndpoint,
    credentials: MwsCredentials,
    transport: Option<Arc<dyn Transport>>,
    clock: Option<Arc<dyn Clock>>,
    sleeper: Option<Arc<dyn Sleeper>>,
    limiter: Option<Arc<dyn RateLimiter>>,
    max_attempts: u32,
    timeout: Duration,
}

impl fmt::Debug for MwsClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MwsClientBuilder")
            .field("endpoint", &self.endpoint.url().as_str())
            .field("credentials", &self.credentials)
            .finish_non_exhaustive()
    }
}

impl MwsClientBuilder {
    /// The HTTP transport (default: a [`ReqwestTransport`]).
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// The clock for `Timestamp` and input checks (default: the system clock).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// What waits between retries and, for the default limiter, for throttling buckets (default: tokio).
    pub fn sleeper(mut self, sleeper: Arc<dyn Sleeper>) -> Self {
        self.sleeper = Some(sleeper);
        self
    }

    /// The rate limiter (default: an in-process [`TokenBucketLimiter`] on the same clock and sleeper).
    pub fn limiter(mut self, limiter: Arc<dyn RateLimiter>) -> Self {
        self.limiter = Some(limiter);
        self
    }

    /// Attempts per call, the first included (default 3, at least 1).
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n;
        self
    }

    /// Total timeout of one HTTP exchange (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Builds the client.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] when the seller id, access key id or secret key is empty or
    /// `max_attempts` is 0; [`MwsError::Client`] when the default HTTP client cannot be created.
    pub fn build(self) -> Result<MwsClient, MwsError> {
        let c = &self.credentials;
        if c.seller_id.trim().is_empty() {
            return Err(MwsError::invalid_input(
                "SellerId",
                "the seller (merchant) id is empty",
            ));
        }
        if c.access_key_id.trim().is_empty() {
            return Err(MwsError::invalid_input(
                "AWSAccessKeyId",
                "the developer's access key id is empty",
            ));
        }
        if c.secret_key.expose().is_empty() {
            return Err(MwsError::invalid_input(
                "SecretKey",
                "the developer's secret key is empty",
            ));
        }
        if self.max_attempts == 0 {
            return Err(MwsError::invalid_input("max_attempts", "must be at least 1"));
        }
        let transport: Arc<dyn Transport> = match self.transport {
            Some(t) => t,
            None => Arc::new(ReqwestTransport::new()?),
        };
        let clock: Arc<dyn Clock> = self.clock.unwrap_or_else(|| Arc::new(SystemClock::new()));
        let sleeper: Arc<dyn Sleeper> = self.sleeper.unwrap_or_else(|| Arc::new(TokioSleeper));
        let limiter: Arc<dyn RateLimiter> = self
            .limiter
            .unwrap_or_else(|| Arc::new(TokenBucketLimiter::new(Arc::clone(&clock), Arc::clone(&sleeper))));
        Ok(MwsClient {
            inner: Arc::new(Inner {
                endpoint: self.endpoint,
                credentials: self.credentials,
                transport,
                clock,
                sleeper,
                limiter,
                max_attempts: self.max_attempts,
                timeout: self.timeout,
            }),
        })
    }
}

/// Delay before retrying a server error: 1 s, 2 s, 4 s, ... capped at 30 s.
fn backoff(attempt: u32) -> Duration {
    Duration::from_secs(1u64 << attempt.saturating_sub(1).min(5)).min(Duration::from_secs(30))
}

impl MwsClient {
    /// A builder for a client calling `endpoint` with `credentials`.
    pub fn builder(endpoint: MwsEndpoint, credentials: MwsCredentials) -> MwsClientBuilder {
        MwsClientBuilder {
            endpoint,
            credentials,
            transport: None,
            clock: None,
            sleeper: None,
            limiter: None,
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            timeout: DEFAULT_TIMEOUT,
        }
    }

    /// The endpoint.
    pub fn endpoint(&self) -> &MwsEndpoint {
        &self.inner.endpoint
    }

    /// The seller id the client calls for.
    pub fn seller_id(&self) -> &str {
        &self.inner.credentials.seller_id
    }

    /// The current time on the client's clock.
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.inner.clock.now()
    }

    /// The limiter key of `op` for this client: endpoint host, seller and bucket.
    pub fn limiter_key(&self, op: &MwsOperation) -> String {
        format!(
            "mws/{}/{}/{}",
            self.inner.endpoint.url().host_str().unwrap_or_default(),
            self.inner.credentials.seller_id,
            op.quota.bucket
        )
    }

    /// Every parameter of a call, `Signature` excluded: the common ones, then the operation's.
    fn signed_params(
        &self,
        op: &MwsOperation,
        params: &[(String, String)],
        timestamp: DateTime<Utc>,
    ) -> Vec<(String, String)> {
        let c = &self.inner.credentials;
        let mut all: Vec<(String, String)> = vec![
            ("AWSAccessKeyId".to_owned(), c.access_key_id.clone()),
            ("Action".to_owned(), op.action.to_owned()),
            (op.section.seller_param().to_owned(), c.seller_id.clone()),
            ("SignatureMethod".to_owned(), signer::SIGNATURE_METHOD.to_owned()),
            (
                "SignatureVersion".to_owned(),
                signer::SIGNATURE_VERSION.to_owned(),
            ),
            (
                "Timestamp".to_owned(),
                timestamp.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            ),
            ("Version".to_owned(), op.section.version().to_owned()),
        ];
        if let Some(token) = &c.mws_auth_token {
            all.push(("MWSAuthToken".to_owned(), token.expose().to_owned()));
        }
        all.extend(params.iter().cloned());
        all
    }

    /// Builds the signed HTTP request. Orders and feed reads send the parameters as a form body; a feed
    /// upload sends them in the URL's query and the feed as the body, with `Content-MD5`.
    fn build_request(
        &self,
        op: &MwsOperation,
        params: &[(String, String)],
        upload: Option<&FeedUpload>,
    ) -> Result<HttpRequest, MwsError> {
        let mut url = self.inner.endpoint.join(op.section.path());
        let all = self.signed_params(op, params, self.inner.clock.now());
        let signature = signer::sign_request(&self.inner.credentials.secret_key, "POST", &url, &all);
        let encoded = signer::encode_signed(&all, &signature);
        let mut headers = HeaderMap::new();
        let body = match upload {
            Some(feed) => {
                url.set_query(Some(&encoded));
                let ct = HeaderValue::from_str(&feed.content_type).map_err(|_| {
                    MwsError::invalid_input("content_type", "must be visible ASCII, for example text/xml")
                })?;
                headers.insert(http::header::CONTENT_TYPE, ct);
                let md5 = HeaderValue::from_str(&feed.content_md5)
                    .map_err(|_| MwsError::invalid_input("ContentMD5Value", "not a Base64 value"))?;
                headers.insert("content-md5", md5);
                feed.body.clone()
            }
            None => {
                headers.insert(
                    http::header::CONTENT_TYPE,
                    HeaderValue::from_static("application/x-www-form-urlencoded; charset=utf-8"),
                );
                Bytes::from(encoded)
            }
        };
        let mut req = HttpRequest::new(Method::POST, url);
        req.headers = headers;
        req.body = Some(body);
        req.timeout = Some(self.inner.timeout);
        Ok(req)
    }

    /// Sends one operation: throttling bucket, signing, transport, `ErrorResponse` decoding and retries.
    pub(crate) async fn execute(
        &self,
        op: &MwsOperation,
        params: Vec<(String, String)>,
        upload: Option<FeedUpload>,
    ) -> Result<MwsResponse, MwsError> {
        let key = self.limiter_key(op);
        let plan = op.quota.usage_plan();
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            self.inner.limiter.acquire(&key, plan).await?;
            // Signed per attempt: the Timestamp must be fresh.
            let request = self.build_request(op, &params, upload.as_ref())?;
            let result = self.inner.transport.send(request).await;
            let resp = match result {
                Ok(resp) => resp,
                Err(e) => {
                    tracing::debug!(action = op.action, attempt, kind = ?e.kind, "MWS transport failure");
                    if op.idempotent && attempt < self.inner.max_attempts && e.is_retryable() {
                        self.inner.sleeper.sleep(backoff(attempt)).await;
                        continue;
                    }
                    return Err(if e.kind == TransportErrorKind::Timeout {
                        MwsError::Client(Error::Timeout {
                            operation: op.key(),
                            after: self.inner.timeout,
                            attempts: attempt,
                        })
                    } else {
                        MwsError::Client(Error::Transport {
                            operation: op.key(),
                            attempts: attempt,
                            source: e,
                        })
                    });
                }
            };
            let request_id = resp
                .headers
                .get(REQUEST_ID_HEADER)
                .and_then(|v| v.to_str().ok())
                .map(|s| s.trim().to_owned());
            tracing::debug!(
                action = op.action,
                attempt,
                status = resp.status.as_u16(),
                request_id = request_id.as_deref().unwrap_or(""),
                "MWS answer"
            );
            if resp.status.is_success() {
                return Ok(MwsResponse {
                    status: resp.status,
                    headers: resp.headers,
                    body: resp.body,
                    request_id,
                    attempts: attempt,
                });
            }
            let mut err = MwsApiError::from_xml(op, resp.status, &resp.body)
                .unwrap_or_else(|| MwsApiError::from_status(op, resp.status));
            if err.request_id.is_none() {
                err.request_id = request_id;
            }
            err.attempts = attempt;
            if err.code.is_throttling() {
                // The bucket is empty on Amazon's side: empty ours so the next call waits a full interval.
                self.inner.limiter.throttled(&key, plan);
            }
            if attempt < self.inner.max_attempts {
                match err.code {
                    // Refused, not processed: safe to repeat even for SubmitFeed, after the limiter's wait.
                    MwsErrorCode::RequestThrottled => continue,
                    // The hourly quota only comes back at the next hour: repeating now would waste calls.
                    MwsErrorCode::QuotaExceeded => {}
                    _ if op.idempotent && err.is_retryable() => {
                        self.inner.sleeper.sleep(backoff(attempt)).await;
                        continue;
                    }
                    _ => {}
                }
            }
            return Err(err.into());
        }
    }

    /// `ListOrders`: orders created or updated in a time window. See [`super::orders::ListOrders`].
    pub fn list_orders(&self) -> super::orders::ListOrders {
        super::orders::ListOrders::new(self.clone())
    }

    /// `ListOrdersByNextToken`: the next page of a `ListOrders` listing.
    pub fn list_orders_by_next_token(
        &self,
        next_token: impl Into<String>,
    ) -> super::orders::ListOrdersByNextToken {
        super::orders::ListOrdersByNextToken::new(self.clone(), next_token.into())
    }

    /// `ListOrderItems`: the items of one order.
    pub fn list_order_items(&self, amazon_order_id: impl Into<String>) -> super::orders::ListOrderItems {
        super::orders::ListOrderItems::new(self.clone(), amazon_order_id.into())
    }

    /// `ListOrderItemsByNextToken`: the next page of an order's items.
    pub fn list_order_items_by_next_token(
        &self,
        next_token: impl Into<String>,
    ) -> super::orders::ListOrderItemsByNextToken {
        super::orders::ListOrderItemsByNextToken::new(self.clone(), next_token.into())
    }

    /// `SubmitFeed`: uploads `feed` (the raw feed document) as a feed of `feed_type`, for example
    /// `_POST_ORDER_FULFILLMENT_DATA_`.
    pub fn submit_feed(
        &self,
        feed_type: impl Into<String>,
        feed: impl Into<Bytes>,
    ) -> super::feeds::SubmitFeed {
        super::feeds::SubmitFeed::new(self.clone(), feed_type.into(), feed.into())
    }

    /// `GetFeedSubmissionList`: recent feed submissions, optionally filtered.
    pub fn get_feed_submission_list(&self) -> super::feeds::GetFeedSubmissionList {
        super::feeds::GetFeedSubmissionList::new(self.clone())
    }

    /// `GetFeedSubmissionListByNextToken`: the next page of a submission list.
    pub fn get_feed_submission_list_by_next_token(
        &self,
        next_token: impl Into<String>,
    ) -> super::feeds::GetFeedSubmissionListByNextToken {
        super::feeds::GetFeedSubmissionListByNextToken::new(self.clone(), next_token.into())
    }

    /// `GetFeedSubmissionResult`: the processing report of a finished feed.
    pub fn get_feed_submission_result(
        &self,
        feed_submission_id: impl Into<String>,
    ) -> super::feeds::GetFeedSubmissionResult {
        super::feeds::GetFeedSubmissionResult::new(self.clone(), feed_submission_id.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints() {
        assert_eq!(
            MwsEndpoint::for_marketplace("ATVPDKIKX0DER")
                .unwrap()
                .url()
                .as_str(),
            "https://mws.amazonservices.com/"
        );
        assert_eq!(
            MwsEndpoint::for_marketplace("A1PA6795UKMFR9").unwrap(),
            MwsEndpoint::europe()
        );
        assert_eq!(
            MwsEndpoint::for_marketplace("A19VAU5U5O7RUS").unwrap(),
            MwsEndpoint::far_east()
        );
        assert!(MwsEndpoint::for_marketplace("AMEN7PMS3EDWL").is_none());
        let e = MwsEndpoint::custom("http://127.0.0.1:9000/mock/").unwrap();
        assert_eq!(
            e.join("/Orders/2013-09-01").as_str(),
            "http://127.0.0.1:9000/mock/Orders/2013-09-01"
        );
        assert_eq!(
            MwsEndpoint::north_america().join("/").as_str(),
            "https://mws.amazonservices.com/"
        );
        assert!(MwsEndpoint::custom("ftp://x").is_err());
        assert!(MwsEndpoint::custom("http://x/?a=b").is_err());
    }

    #[test]
    fn backoff_grows_and_caps() {
        assert_eq!(backoff(1), Duration::from_secs(1));
        assert_eq!(backoff(2), Duration::from_secs(2));
        assert_eq!(backoff(10), Duration::from_secs(30));
    }

    #[test]
    fn credentials_debug_hides_secrets() {
        let c = MwsCredentials::new("A1SELLER", "AKIDEXAMPLE", "s3cr3t-key").with_auth_token("amzn.mws.tok");
        let s = format!("{c:?}");
        assert!(s.contains("A1SELLER"));
        assert!(!s.contains("s3cr3t-key"));
        assert!(!s.contains("amzn.mws.tok"));
    }
}
