//! The crate's error type.
//!
//! Every variant says whether trying again can help ([`Error::is_retryable`]) and what to do next. No
//! variant ever holds a secret (tokens and client secrets live in [`crate::auth::SecretString`] and are
//! never copied into errors), and decode errors carry a short excerpt describing the shape of the
//! offending value, not buyers' data.

use std::fmt;
use std::time::Duration;

use http::StatusCode;

/// Everything that can go wrong when calling Amazon.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Login with Amazon refused to hand out a token, or could not be reached.
    #[error(transparent)]
    Auth(#[from] LwaError),

    /// Amazon throttled the request (429, or 403 after sustained throttling) and the retry budget is spent.
    #[error(
        "{operation}: throttled by Amazon after {attempts} attempt(s){}; slow down or retry later \
         (request id {})",
        retry_after.map(|d| format!(", retry after {:.1} s", d.as_secs_f64())).unwrap_or_default(),
        request_id.as_deref().unwrap_or("none")
    )]
    Throttled {
        /// The operation key (`api/version/name`).
        operation: String,
        /// How long Amazon (or the limiter) suggests waiting before the next try.
        retry_after: Option<Duration>,
        /// Attempts made.
        attempts: u32,
        /// `x-amzn-RequestId` of the last answer.
        request_id: Option<String>,
        /// Rate from `x-amzn-RateLimit-Limit` of the last answer.
        rate_limit: Option<f64>,
    },

    /// Amazon answered with an error status and (usually) a list of errors.
    #[error(transparent)]
    Api(Box<ApiError>),

    /// The HTTP exchange failed (connection refused or reset, TLS, a broken body).
    #[error("{operation}: transport error after {attempts} attempt(s): {source}")]
    Transport {
        /// The operation key.
        operation: String,
        /// Attempts made.
        attempts: u32,
        /// What failed.
        #[source]
        source: TransportError,
    },

    /// No complete answer arrived in time.
    #[error(
        "{operation}: no answer within {:.1} s after {attempts} attempt(s); Amazon may be slow or the \
         network down, retry later",
        after.as_secs_f64()
    )]
    Timeout {
        /// The operation key.
        operation: String,
        /// The timeout that expired.
        after: Duration,
        /// Attempts made.
        attempts: u32,
    },

    /// A successful answer could not be decoded into the operation's types.
    #[error(transparent)]
    Decode(Box<DecodeError>),

    /// The request was rejected before it was sent.
    #[error("invalid input for `{field}`: {reason}")]
    InvalidInput {
        /// The field (or parameter) at fault.
        field: String,
        /// Why, and what would be accepted.
        reason: String,
    },

    /// The rate limiter would have had to wait longer than its configured maximum.
    #[error(
        "rate limit for {key}: the next call is allowed in {:.1} s, more than the maximum wait of {:.1} s; \
         retry later or raise the maximum wait",
        wait.as_secs_f64(),
        max_wait.as_secs_f64()
    )]
    RateLimitWait {
        /// The limiter key (seller identity and operation).
        key: String,
        /// How long the call would have had to wait.
        wait: Duration,
        /// The configured maximum.
        max_wait: Duration,
    },

    /// The caller's deadline for sending a call had passed when its turn came: nothing was sent (see
    /// [`crate::documents::SubmitFeed::create_feed_before`]). Not retryable as such: the caller decided the
    /// call may no longer go out.
    #[error(
        "{operation}: not sent, the deadline {deadline} for sending it had passed at {now}; nothing \
         reached Amazon"
    )]
    DeadlinePassed {
        /// The operation key.
        operation: String,
        /// The deadline the caller set.
        deadline: chrono::DateTime<chrono::Utc>,
        /// The client clock's time when the call would have gone out.
        now: chrono::DateTime<chrono::Utc>,
    },

    /// The client was configured in a way that cannot work (missing credentials, a bad URL).
    #[error("client configuration: {reason}")]
    Config {
        /// What is wrong and how to fix it.
        reason: String,
    },
}

impl Error {
    /// Whether sending the same request again later can succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Auth(e) => e.is_retryable(),
            Error::Throttled { .. } | Error::Timeout { .. } | Error::RateLimitWait { .. } => true,
            Error::Api(e) => e.is_retryable(),
            Error::Transport { source, .. } => source.is_retryable(),
            Error::Decode(_)
            | Error::InvalidInput { .. }
            | Error::Config { .. }
            | Error::DeadlinePassed { .. } => false,
        }
    }

    /// An [`Error::InvalidInput`] for `field`.
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`Error::Config`].
    pub fn config(reason: impl Into<String>) -> Self {
        Error::Config {
            reason: reason.into(),
        }
    }

    /// How long to wait before retrying, when known.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::Throttled { retry_after, .. } => *retry_after,
            Error::RateLimitWait { wait, .. } => Some(*wait),
            _ => None,
        }
    }

    /// The HTTP status of Amazon's answer, for API errors (429 for throttling).
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Throttled { .. } => Some(StatusCode::TOO_MANY_REQUESTS),
            _ => None,
        }
    }

    /// `x-amzn-RequestId` of the answer that caused the error, when there was one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.request_id.as_deref(),
            Error::Throttled { request_id, .. } => request_id.as_deref(),
            Error::Decode(e) => e.request_id.as_deref(),
            _ => None,
        }
    }

    /// Amazon's first error code (`InvalidInput`, `QuotaExceeded`, `Unauthorized`...), for API errors.
    pub fn amazon_code(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.errors.first().map(|x| x.code.as_str()),
            _ => None,
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(Box::new(e))
    }
}

impl From<DecodeError> for Error {
    fn from(e: DecodeError) -> Self {
        Error::Decode(Box::new(e))
    }
}

/// One entry of Amazon's `errors` list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct AmazonError {
    /// Error code, for example `InvalidInput`, `QuotaExceeded`, `Unauthorized`.
    #[serde(default)]
    pub code: String,
    /// Human-readable message.
    #[serde(default)]
    pub message: String,
    /// Extra detail, when Amazon sends it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<String>,
}

/// An error answer from SP-API.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The operation key (`api/version/name`).
    pub operation: String,
    /// HTTP status.
    pub status: StatusCode,
    /// Amazon's list of errors (empty when the body held none).
    pub errors: Vec<AmazonError>,
    /// `x-amzn-RequestId`, to quote to Amazon support.
    pub request_id: Option<String>,
    /// Rate from `x-amzn-RateLimit-Limit`, when present.
    pub rate_limit: Option<f64>,
    /// Attempts made.
    pub attempts: u32,
}

impl ApiError {
    /// Whether a retry can help (5xx and 429).
    pub fn is_retryable(&self) -> bool {
        self.status.is_server_error() || self.status == StatusCode::TOO_MANY_REQUESTS
    }

    /// What the user should do next, judged from the status.
    pub fn advice(&self) -> &'static str {
        match self.status.as_u16() {
            400 => "fix the request (see Amazon's message)",
            401 | 403 => {
                "check that the app has the role this operation needs and that the seller authorized it; \
                 restricted data needs a Restricted Data Token"
            }
            404 => "check the identifiers and the marketplace",
            409 | 412 => "the resource changed or is busy; read it again before retrying",
            413 => "send a smaller request",
            415 => "send the content type the operation expects",
            429 => "slow down; the limiter adopts Amazon's rate",
            500..=599 => "Amazon had a problem; retry later",
            _ => "see Amazon's message",
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: Amazon answered HTTP {}",
            self.operation,
            self.status.as_u16()
        )?;
        for (i, e) in self.errors.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            write!(f, "{}", e.code)?;
            if !e.message.is_empty() {
                write!(f, " ({})", e.message)?;
            }
            if let Some(d) = &e.details {
                if !d.is_empty() {
                    write!(f, " [{d}]")?;
                }
            }
        }
        write!(
            f,
            " after {} attempt(s) (request id {}); {}",
            self.attempts,
            self.request_id.as_deref().unwrap_or("none"),
            self.advice()
        )
    }
}

impl std::error::Error for ApiError {}

/// A successful answer that did not match the operation's types.
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "{operation}: could not decode Amazon's answer at `{path}`: {message} (found {excerpt}; request id {}); \
     this is a bug in the client's model of the API, please report it",
    request_id.as_deref().unwrap_or("none")
)]
pub struct DecodeError {
    /// The operation key.
    pub operation: String,
    /// `x-amzn-RequestId`.
    pub request_id: Option<String>,
    /// The JSON path that failed, for example `payload.Orders[3].OrderTotal.Amount`.
    pub path: String,
    /// A short description of what was found there, never personal data (for example `a string of 12
    /// characters`).
    pub excerpt: String,
    /// What the decoder expected.
    pub message: String,
}

impl DecodeError {
    /// Maximum length of [`DecodeError::excerpt`]; longer excerpts are cut.
    pub const MAX_EXCERPT: usize = 120;

    /// A decode error. The excerpt is cut to [`DecodeError::MAX_EXCERPT`] characters.
    pub fn new(
        operation: impl Into<String>,
        request_id: Option<String>,
        path: impl Into<String>,
        excerpt: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        let mut excerpt: String = excerpt.into();
        if excerpt.chars().count() > Self::MAX_EXCERPT {
            excerpt = excerpt.chars().take(Self::MAX_EXCERPT).collect::<String>() + "…";
        }
        Self {
            operation: operation.into(),
            request_id,
            path: path.into(),
            excerpt,
            message: message.into(),
        }
    }
}

/// Errors from Login with Amazon's token endpoint.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum LwaError {
    /// `invalid_grant`: the refresh token or authorization code is no longer valid.
    #[error(
        "Login with Amazon: invalid_grant: the seller's authorization expired or was revoked: send them \
         through authorization again{}",
        describe(description)
    )]
    InvalidGrant {
        /// Amazon's `error_description`.
        description: Option<String>,
    },

    /// `invalid_client`: the client id or secret is wrong.
    #[error(
        "Login with Amazon: invalid_client: the LWA client secret is wrong or was rotated (secrets must be \
         rotated every 180 days): update the client id and secret from Developer Central{}",
        describe(description)
    )]
    InvalidClient {
        /// Amazon's `error_description`.
        description: Option<String>,
    },

    /// `invalid_scope` or `unauthorized_client`: the app may not use this grant or scope.
    #[error(
        "Login with Amazon: {code}: the application is not allowed this grant or scope; check the app's \
         registration{}",
        describe(description)
    )]
    NotAllowed {
        /// `invalid_scope` or `unauthorized_client`.
        code: String,
        /// Amazon's `error_description`.
        description: Option<String>,
    },

    /// Any other answer with an error.
    #[error("Login with Amazon answered HTTP {status} {code}{}", describe(description))]
    Rejected {
        /// HTTP status.
        status: u16,
        /// Amazon's `error` code (`server_error`, `temporarily_unavailable`, ...), or empty.
        code: String,
        /// Amazon's `error_description`.
        description: Option<String>,
    },

    /// The token endpoint could not be reached.
    #[error("Login with Amazon could not be reached: {source}")]
    Transport {
        /// What failed.
        #[source]
        source: TransportError,
    },

    /// The token endpoint did not answer in time.
    #[error("Login with Amazon did not answer within {:.1} s; retry later", after.as_secs_f64())]
    Timeout {
        /// The timeout that expired.
        after: Duration,
    },

    /// The token endpoint answered 200 with a body that is not a token.
    #[error("Login with Amazon answered with an unexpected body: {message}")]
    Decode {
        /// What was wrong (never the body itself, which may hold a token).
        message: String,
    },
}

fn describe(d: &Option<String>) -> String {
    match d {
        Some(d) if !d.is_empty() => {
            let cut: String = d.chars().take(200).collect();
            format!(" ({cut})")
        }
        _ => String::new(),
    }
}

impl LwaError {
    /// Whether asking again can succeed (network trouble, timeouts, 5xx, `temporarily_unavailable`).
    pub fn is_retryable(&self) -> bool {
        match self {
            LwaError::Transport { source } => source.is_retryable(),
            LwaError::Timeout { .. } => true,
            LwaError::Rejected { status, code, .. } => {
                *status >= 500
                    || *status == 429
                    || code == "temporarily_unavailable"
                    || code == "server_error"
            }
            LwaError::InvalidGrant { .. }
            | LwaError::InvalidClient { .. }
            | LwaError::NotAllowed { .. }
            | LwaError::Decode { .. } => false,
        }
    }
}

/// What kind of transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be opened (refused, DNS, TLS handshake).
    Connect,
    /// The connection broke while the request or answer was in flight (reset, closed early).
    Reset,
    /// The transport's own timeout expired.
    Timeout,
    /// The request could not be built (bad URL or header).
    Request,
    /// Anything else.
    Other,
}

/// A transport failure, with the underlying cause (URLs stripped: they never reach errors).
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind:?}: {message}")]
pub struct TransportError {
    /// What kind of failure.
    pub kind: TransportErrorKind,
    /// The cause chain as text, without URLs or headers.
    pub message: String,
}

impl TransportError {
    /// A transport error of `kind`.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// Whether trying again can help: connection failures and timeouts, not malformed requests.
    pub fn is_retryable(&self) -> bool {
        !matches!(self.kind, TransportErrorKind::Request)
    }

    /// Classifies a `reqwest` error, dropping the URL from it.
    pub fn from_reqwest(e: reqwest::Error) -> Self {
        let kind = if e.is_timeout() {
            TransportErrorKind::Timeout
        } else if e.is_connect() {
            TransportErrorKind::Connect
        } else if e.is_builder() {
            TransportErrorKind::Request
        } else if e.is_request() || e.is_body() || e.is_decode() {
            TransportErrorKind::Reset
        } else {
            TransportErrorKind::Other
        };
        let e = e.without_url();
        let mut message = e.to_string();
        let mut src = std::error::Error::source(&e);
        while let Some(s) = src {
            message.push_str(": ");
            message.push_str(&s.to_string());
            src = s.source();
        }
        Self { kind, message }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryability() {
        assert!(Error::Timeout {
            operation: "x".into(),
            after: Duration::from_secs(1),
            attempts: 1
        }
        .is_retryable());
        assert!(!Error::invalid_input("orderId", "empty").is_retryable());
        assert!(!Error::Auth(LwaError::InvalidGrant { description: None }).is_retryable());
        let api = |s: u16| ApiError {
            operation: "o".into(),
            status: StatusCode::from_u16(s).unwrap(),
            errors: vec![],
            request_id: None,
            rate_limit: None,
            attempts: 1,
        };
        assert!(Error::from(api(503)).is_retryable());
        assert!(!Error::from(api(400)).is_retryable());
    }

    #[test]
    fn messages_say_what_to_do() {
        let e = Error::Auth(LwaError::InvalidGrant {
            description: Some("The request has an invalid grant".into()),
        });
        assert!(e.to_string().contains("send them through authorization again"));
        let e = Error::Auth(LwaError::InvalidClient { description: None });
        assert!(e.to_string().contains("180 days"));
    }

    #[test]
    fn decode_excerpt_is_cut() {
        let e = DecodeError::new("op", None, "a.b", "x".repeat(500), "expected a number");
        assert!(e.excerpt.chars().count() <= DecodeError::MAX_EXCERPT + 1);
    }
}
