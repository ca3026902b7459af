//! MWS errors: `ErrorResponse` answers as typed values, plus input, decoding and integrity failures.
//!
//! No variant holds the secret key, the MWS auth token, the signature or a request URL: MWS answers and
//! errors are built from the action name, the status, Amazon's code and message, and the request id.

use std::fmt;

use http::StatusCode;

use super::model::mws_enum;
use super::operation::MwsOperation;
use super::xml;

mws_enum! {
    /// The `Code` of an MWS `ErrorResponse`.
    pub enum MwsErrorCode {
        /// The request was throttled (HTTP 503): the bucket is empty; wait for the restore rate.
        RequestThrottled = "RequestThrottled",
        /// The hourly request quota was reached (HTTP 503).
        QuotaExceeded = "QuotaExceeded",
        /// A parameter value is invalid (HTTP 400).
        InvalidParameterValue = "InvalidParameterValue",
        /// A parameter is missing (HTTP 400).
        MissingParameter = "MissingParameter",
        /// A parameter is not allowed here (HTTP 400).
        InvalidParameterCombination = "InvalidParameterCombination",
        /// The query or its encoding is malformed (HTTP 400).
        InvalidQueryParameter = "InvalidQueryParameter",
        /// An unknown parameter was sent (HTTP 400).
        UnknownParameter = "UnknownParameter",
        /// A required parameter was left out (HTTP 400).
        MissingRequiredParameter = "MissingRequiredParameter",
        /// The `NextToken` is no longer valid (HTTP 400).
        InvalidNextToken = "InvalidNextToken",
        /// The feed's Content-MD5 did not match its body (HTTP 400).
        ContentMD5DoesNotMatch = "ContentMD5DoesNotMatch",
        /// The feed's Content-MD5 is missing (HTTP 400).
        ContentMD5Missing = "ContentMD5Missing",
        /// The feed type is unknown or not allowed (HTTP 400).
        FeedTypeNotAllowed = "FeedTypeNotAllowed",
        /// The feed submission result is not ready (HTTP 400).
        FeedProcessingResultNotReady = "FeedProcessingResultNotReady",
        /// The access key id is unknown (HTTP 401).
        InvalidAccessKeyId = "InvalidAccessKeyId",
        /// The signature does not match (HTTP 403).
        SignatureDoesNotMatch = "SignatureDoesNotMatch",
        /// The seller did not authorize this developer or the auth token is wrong (HTTP 401).
        AccessDenied = "AccessDenied",
        /// The seller account is not registered for this section (HTTP 401).
        Unauthorized = "Unauthorized",
        /// The request's timestamp is too far from Amazon's clock (HTTP 400).
        RequestExpired = "RequestExpired",
        /// Amazon failed internally (HTTP 500).
        InternalError = "InternalError",
        /// The service is unavailable (HTTP 503).
        ServiceUnavailable = "ServiceUnavailable",
        /// The URL or action does not exist (HTTP 404).
        InvalidAddress = "InvalidAddress",
    }
}

impl MwsErrorCode {
    /// Whether the code means throttling (the request was refused, not processed).
    pub fn is_throttling(&self) -> bool {
        matches!(self, MwsErrorCode::RequestThrottled | MwsErrorCode::QuotaExceeded)
    }

    /// What to do next about this code.
    pub fn advice(&self) -> &'static str {
        match self {
            MwsErrorCode::RequestThrottled => {
                "the request quota is spent; wait for the restore rate and retry"
            }
            MwsErrorCode::QuotaExceeded => "the hourly request quota is spent; retry in the next hour",
            MwsErrorCode::InvalidParameterValue
            | MwsErrorCode::MissingParameter
            | MwsErrorCode::InvalidParameterCombination
            | MwsErrorCode::InvalidQueryParameter
            | MwsErrorCode::UnknownParameter
            | MwsErrorCode::MissingRequiredParameter => "fix the request as Amazon's message says",
            MwsErrorCode::InvalidNextToken => {
                "the token expired; start the listing again from the first page"
            }
            MwsErrorCode::ContentMD5DoesNotMatch | MwsErrorCode::ContentMD5Missing => {
                "the feed body changed in transit or its Content-MD5 is wrong; submit it again"
            }
            MwsErrorCode::FeedTypeNotAllowed => "check the feed type and that the seller may submit it",
            MwsErrorCode::FeedProcessingResultNotReady => "the feed is still processing; ask again later",
            MwsErrorCode::InvalidAccessKeyId | MwsErrorCode::SignatureDoesNotMatch => {
                "check the AWS access key id and secret key of the developer account"
            }
            MwsErrorCode::AccessDenied | MwsErrorCode::Unauthorized => {
                "check the seller id and MWS auth token: the seller must have authorized this developer"
            }
            MwsErrorCode::RequestExpired => "the local clock is off; synchronise it",
            MwsErrorCode::InternalError | MwsErrorCode::ServiceUnavailable => {
                "Amazon had a problem; retry later"
            }
            MwsErrorCode::InvalidAddress => "check the endpoint: MWS was switched off on 2024-04-01",
            MwsErrorCode::Unknown(_) => "see Amazon's message",
        }
    }
}

/// A decoded MWS `ErrorResponse`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MwsApiError {
    /// The operation key (`mws/<version>/<Action>`).
    pub operation: String,
    /// HTTP status of the answer.
    pub status: StatusCode,
    /// `Error/Type`: `Sender` (the request is wrong) or `Receiver` (Amazon failed).
    pub error_type: Option<String>,
    /// `Error/Code`.
    pub code: MwsErrorCode,
    /// `Error/Message` (Amazon's text; MWS does not echo secrets in it).
    pub message: String,
    /// `RequestID` (or `RequestId`), to quote to Amazon support.
    pub request_id: Option<String>,
    /// Attempts made.
    pub attempts: u32,
}

impl MwsApiError {
    /// Reads an `ErrorResponse` document. Returns `None` when `body` is not one; the caller then reports
    /// the bare status.
    pub fn from_xml(operation: &MwsOperation, status: StatusCode, body: &[u8]) -> Option<Self> {
        let root = xml::parse(body).ok()?;
        if root.name != "ErrorResponse" {
            return None;
        }
        let error = root.child("Error");
        Some(MwsApiError {
            operation: operation.key(),
            status,
            error_type: error.and_then(|e| e.text_of("Type")),
            code: MwsErrorCode::parse(&error.and_then(|e| e.text_of("Code")).unwrap_or_default()),
            message: error.and_then(|e| e.text_of("Message")).unwrap_or_default(),
            request_id: root
                .text_of("RequestID")
                .or_else(|| root.text_of("RequestId"))
                .or_else(|| {
                    root.child("ResponseMetadata")
                        .and_then(|m| m.text_of("RequestId"))
                }),
            attempts: 1,
        })
    }

    /// An error for an answer without a readable `ErrorResponse`: the code is derived from the status.
    pub fn from_status(operation: &MwsOperation, status: StatusCode) -> Self {
        let code = match status.as_u16() {
            503 => MwsErrorCode::ServiceUnavailable,
            500..=599 => MwsErrorCode::InternalError,
            404 => MwsErrorCode::InvalidAddress,
            _ => MwsErrorCode::Unknown(String::new()),
        };
        MwsApiError {
            operation: operation.key(),
            status,
            error_type: None,
            code,
            message: "the answer held no ErrorResponse".to_owned(),
            request_id: None,
            attempts: 1,
        }
    }

    /// Whether sending the same request again later can help: throttling and Amazon's own failures.
    pub fn is_retryable(&self) -> bool {
        self.code.is_throttling()
            || matches!(
                self.code,
                MwsErrorCode::InternalError | MwsErrorCode::ServiceUnavailable
            )
            || (matches!(self.code, MwsErrorCode::Unknown(_)) && self.status.is_server_error())
    }
}

impl fmt::Display for MwsApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: MWS answered HTTP {}: ",
            self.operation,
            self.status.as_u16()
        )?;
        if self.code.as_str().is_empty() {
            f.write_str("no error code")?;
        } else {
            f.write_str(self.code.as_str())?;
        }
        if let Some(t) = &self.error_type {
            write!(f, " ({t})")?;
        }
        if !self.message.is_empty() {
            let cut: String = self.message.chars().take(300).collect();
            write!(f, ": {cut}")?;
        }
        write!(
            f,
            " after {} attempt(s) (request id {}); {}",
            self.attempts,
            self.request_id.as_deref().unwrap_or("none"),
            self.code.advice()
        )
    }
}

impl std::error::Error for MwsApiError {}

/// Everything that can go wrong when calling MWS.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MwsError {
    /// MWS answered with an `ErrorResponse` (or an error status).
    #[error(transparent)]
    Api(Box<MwsApiError>),

    /// The request was rejected before it was sent.
    #[error("invalid MWS input for `{field}`: {reason}")]
    InvalidInput {
        /// The parameter at fault.
        field: String,
        /// Why, and what would be accepted.
        reason: String,
    },

    /// A successful answer could not be read.
    #[error(
        "{operation}: could not decode the MWS answer at `{path}`: {message} (request id {}); check that the \
         endpoint speaks MWS",
        request_id.as_deref().unwrap_or("none")
    )]
    Decode {
        /// The operation key.
        operation: String,
        /// The request id, when known.
        request_id: Option<String>,
        /// Where in the document (element path).
        path: String,
        /// What was wrong (never the document's text).
        message: String,
    },

    /// The `Content-MD5` of a downloaded feed result did not match its body.
    #[error(
        "{operation}: the Content-MD5 of the answer does not match its body (request id {}); the download was \
         damaged, fetch it again",
        request_id.as_deref().unwrap_or("none")
    )]
    ContentMd5Mismatch {
        /// The operation key.
        operation: String,
        /// The request id, when known.
        request_id: Option<String>,
    },

    /// A listing handed out a `NextToken` that was already followed: the stream ends instead of looping.
    #[error("{operation}: MWS returned a NextToken that was already followed; stopping instead of looping")]
    RepeatedNextToken {
        /// The follow-up operation (`ListOrdersByNextToken`, ...).
        operation: &'static str,
    },

    /// Transport, timeout, rate-limit wait and configuration failures, shared with the SP-API client.
    #[error(transparent)]
    Client(#[from] crate::error::Error),
}

impl MwsError {
    /// An [`MwsError::InvalidInput`].
    pub fn invalid_input(field: impl Into<String>, reason: impl Into<String>) -> Self {
        MwsError::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn decode(
        op: &MwsOperation,
        request_id: Option<&str>,
        path: &str,
        message: impl Into<String>,
    ) -> Self {
        MwsError::Decode {
            operation: op.key(),
            request_id: request_id.map(str::to_owned),
            path: path.to_owned(),
            message: message.into(),
        }
    }

    /// Whether sending the same request again later can succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            MwsError::Api(e) => e.is_retryable(),
            MwsError::ContentMd5Mismatch { .. } => true,
            MwsError::Client(e) => e.is_retryable(),
            MwsError::InvalidInput { .. } | MwsError::Decode { .. } | MwsError::RepeatedNextToken { .. } => {
                false
            }
        }
    }

    /// The MWS error code, for [`MwsError::Api`].
    pub fn code(&self) -> Option<&MwsErrorCode> {
        match self {
            MwsError::Api(e) => Some(&e.code),
            _ => None,
        }
    }

    /// The decoded `ErrorResponse`, for [`MwsError::Api`].
    pub fn api_error(&self) -> Option<&MwsApiError> {
        match self {
            MwsError::Api(e) => Some(e),
            _ => None,
        }
    }
}

impl From<MwsApiError> for MwsError {
    fn from(e: MwsApiError) -> Self {
        MwsError::Api(Box::new(e))
    }
}
