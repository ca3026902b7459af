//! The HTTP transport behind a small trait, so tests and the simulator need no network.
//!
//! [`ReqwestTransport`] is the real one: one `reqwest::Client` (rustls) per SDK client, reused for every
//! call, with connect and total timeouts and a user agent naming this crate and its version.

use std::fmt;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use url::Url;

use crate::error::{Error, TransportError, TransportErrorKind};

/// The user agent sent with every request: `amazon-spapi-rs/<version> (Language=Rust)`.
pub const USER_AGENT: &str = concat!("amazon-spapi-rs/", env!("CARGO_PKG_VERSION"), " (Language=Rust)");

/// Header carrying the access token (or a Restricted Data Token).
pub const ACCESS_TOKEN_HEADER: &str = "x-amz-access-token";
/// Header carrying Amazon's request id.
pub const REQUEST_ID_HEADER: &str = "x-amzn-requestid";
/// Header carrying the rate (requests per second) of the caller's usage plan.
pub const RATE_LIMIT_HEADER: &str = "x-amzn-ratelimit-limit";

/// Headers whose values are secrets: never logged, never in a `Debug` string.
pub const SENSITIVE_HEADERS: &[&str] = &[ACCESS_TOKEN_HEADER, "authorization", "cookie", "set-cookie"];

/// One HTTP request, ready to send.
#[derive(Clone)]
pub struct HttpRequest {
    /// Method.
    pub method: Method,
    /// Full URL, query included.
    pub url: Url,
    /// Headers (may hold the access token: see the `Debug` implementation, which hides it).
    pub headers: HeaderMap,
    /// Body.
    pub body: Option<Bytes>,
    /// Total timeout for this request; the transport's default applies when `None`.
    pub timeout: Option<Duration>,
}

impl HttpRequest {
    /// A request with no headers and no body.
    pub fn new(method: Method, url: Url) -> Self {
        Self {
            method,
            url,
            headers: HeaderMap::new(),
            body: None,
            timeout: None,
        }
    }
}

struct RedactedHeaders<'a>(&'a HeaderMap);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for (k, v) in self.0 {
            if SENSITIVE_HEADERS.contains(&k.as_str()) {
                m.entry(&k.as_str(), &"<redacted>");
            } else {
                m.entry(&k.as_str(), &v.to_str().unwrap_or("<binary>"));
            }
        }
        m.finish()
    }
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The query can hold secrets (MWS `MWSAuthToken` and `Signature`, presigned document URLs'
        // signatures): only scheme, host and path are shown.
        let mut shown = self.url.clone();
        if shown.query().is_some() {
            shown.set_query(Some("<redacted>"));
        }
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &shown.as_str())
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// One HTTP answer, body fully read.
#[derive(Clone)]
pub struct HttpResponse {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
}

impl fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body may hold tokens (LWA) or personal data: only its size.
        f.debug_struct("HttpResponse")
            .field("status", &self.status)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body_len", &self.body.len())
            .finish()
    }
}

impl HttpResponse {
    /// `x-amzn-RequestId`, when present.
    pub fn request_id(&self) -> Option<String> {
        request_id(&self.headers)
    }

    /// The rate from `x-amzn-RateLimit-Limit`, when present and a positive finite number.
    pub fn rate_limit(&self) -> Option<f64> {
        rate_limit(&self.headers)
    }
}

/// `x-amzn-RequestId` from `headers`.
pub fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_owned())
}

/// The rate from `x-amzn-RateLimit-Limit` in `headers`, when it parses as a positive finite number.
pub fn rate_limit(headers: &HeaderMap) -> Option<f64> {
    let v = headers.get(RATE_LIMIT_HEADER)?.to_str().ok()?;
    let r: f64 = v.trim().parse().ok()?;
    (r.is_finite() && r > 0.0).then_some(r)
}

/// Sends HTTP requests. Implement it to put something else under the client (a recorder, a mock).
#[async_trait::async_trait]
pub trait Transport: Send + Sync + fmt::Debug {
    /// Sends `request` and reads the whole answer.
    ///
    /// # Errors
    ///
    /// A [`TransportError`] when no complete answer arrived (an HTTP error status is an answer, not an
    /// error).
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

/// Settings for [`ReqwestTransport`].
#[derive(Debug, Clone)]
pub struct TransportConfig {
    /// Time allowed to open a connection (default 10 s).
    pub connect_timeout: Duration,
    /// Time allowed for a whole exchange when the request sets none (default 60 s).
    pub timeout: Duration,
    /// Idle connections kept per host (default 16).
    pub pool_max_idle_per_host: usize,
    /// User agent (default [`USER_AGENT`]).
    pub user_agent: String,
}

impl Default for TransportConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            pool_max_idle_per_host: 16,
            user_agent: USER_AGENT.to_owned(),
        }
    }
}

/// The real transport: one reused `reqwest::Client` with rustls.
#[derive(Debug, Clone)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with the default [`TransportConfig`].
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the TLS backend cannot be initialised.
    pub fn new() -> Result<Self, Error> {
        Self::with_config(&TransportConfig::default())
    }

    /// A transport with `config`.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the TLS backend cannot be initialised or the user agent is not a valid
    /// header value.
    pub fn with_config(config: &TransportConfig) -> Result<Self, Error> {
        let ua = HeaderValue::from_str(&config.user_agent)
            .map_err(|_| Error::config("the user agent must be visible ASCII"))?;
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .pool_max_idle_per_host(config.pool_max_idle_per_host)
            .user_agent(ua)
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {}", e.without_url())))?;
        Ok(Self { client })
    }

    /// Wraps an existing client (for custom TLS roots or proxies).
    pub fn from_client(client: reqwest::Client) -> Self {
        Self { client }
    }

    /// The underlying client.
    pub fn client(&self) -> &reqwest::Client {
        &self.client
    }
}

#[async_trait::async_trait]
impl Transport for ReqwestTransport {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        let mut rb = self
            .client
            .request(request.method, request.url)
            .headers(request.headers);
        if let Some(t) = request.timeout {
            rb = rb.timeout(t);
        }
        if let Some(body) = request.body {
            rb = rb.body(body);
        }
        let resp = rb.send().await.map_err(TransportError::from_reqwest)?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.bytes().await.map_err(TransportError::from_reqwest)?;
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

/// Turns a transport failure kind into a short word for logs.
pub fn kind_name(kind: TransportErrorKind) -> &'static str {
    match kind {
        TransportErrorKind::Connect => "connect",
        TransportErrorKind::Reset => "reset",
        TransportErrorKind::Timeout => "timeout",
        TransportErrorKind::Request => "request",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_token_header() {
        let mut r = HttpRequest::new(Method::GET, Url::parse("https://example.invalid/x").unwrap());
        r.headers
            .insert(ACCESS_TOKEN_HEADER, HeaderValue::from_static("Atza|secret"));
        r.headers.insert("x-other", HeaderValue::from_static("visible"));
        let s = format!("{r:?}");
        assert!(!s.contains("Atza|secret"));
        assert!(s.contains("visible"));
    }

    #[test]
    fn debug_hides_query_secrets() {
        let url =
            Url::parse("https://mws.example.invalid/?MWSAuthToken=amzn.mws.secret&Signature=c2lnbg%3D%3D")
                .unwrap();
        let s = format!("{:?}", HttpRequest::new(Method::POST, url));
        assert!(!s.contains("amzn.mws.secret"), "{s}");
        assert!(!s.contains("c2lnbg"), "{s}");
        assert!(s.contains("mws.example.invalid"), "{s}");
    }

    #[test]
    fn rate_limit_header_sanity() {
        let mut h = HeaderMap::new();
        h.insert(RATE_LIMIT_HEADER, HeaderValue::from_static("0.0167"));
        assert_eq!(rate_limit(&h), Some(0.0167));
        h.insert(RATE_LIMIT_HEADER, HeaderValue::from_static("-1"));
        assert_eq!(rate_limit(&h), None);
        h.insert(RATE_LIMIT_HEADER, HeaderValue::from_static("NaN"));
        assert_eq!(rate_limit(&h), None);
        h.insert(RATE_LIMIT_HEADER, HeaderValue::from_static("abc"));
        assert_eq!(rate_limit(&h), None);
    }
}
