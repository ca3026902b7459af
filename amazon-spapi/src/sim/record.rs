//! Every request the simulator receives is recorded, so tests can assert on what a client sent.
//! Secrets are never recorded: the access token header and LWA secrets are replaced by `<redacted>`.

use std::fmt;

use chrono::{DateTime, Utc};

use super::server::RawRequest;

/// Which kind of token authorized a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenKind {
    /// No `x-amz-access-token` header (or not an SP-API request).
    None,
    /// A seller's LWA access token.
    Access,
    /// A grantless (client_credentials) token.
    Grantless,
    /// A Restricted Data Token.
    Rdt,
    /// A token the simulator does not know (revoked, malformed or invented).
    Unknown,
}

/// One request as the simulator received it.
#[derive(Clone)]
pub struct RecordedRequest {
    /// Sequence number (1 for the first request).
    pub seq: u64,
    /// Simulated time of arrival.
    pub sim_time: DateTime<Utc>,
    /// HTTP method.
    pub method: String,
    /// Path without the query.
    pub path: String,
    /// Raw query string, if any.
    pub query: Option<String>,
    /// Headers; `x-amz-access-token` and `authorization` values are `<redacted>`.
    pub headers: Vec<(String, String)>,
    /// The body; LWA bodies have `client_secret`, `refresh_token` and `code` redacted.
    pub body: Vec<u8>,
    /// Operation (`orders-v0/getOrders`, `lwa/token`, `storage/document`), when the path was known.
    pub operation: Option<String>,
    /// What kind of token was sent.
    pub token_kind: TokenKind,
    /// The selling partner the token belonged to.
    pub seller: Option<String>,
    /// HTTP status of the answer.
    pub status: u16,
}

const SECRET_HEADERS: &[&str] = &["x-amz-access-token", "authorization"];
const SECRET_FORM_FIELDS: &[&str] = &["client_secret", "refresh_token", "code"];

impl RecordedRequest {
    pub(crate) fn new(seq: u64, sim_time: DateTime<Utc>, raw: &RawRequest) -> Self {
        let headers = raw
            .headers
            .iter()
            .map(|(k, v)| {
                if SECRET_HEADERS.iter().any(|s| k.eq_ignore_ascii_case(s)) {
                    (k.clone(), "<redacted>".to_owned())
                } else {
                    (k.clone(), v.clone())
                }
            })
            .collect();
        let body = if raw.path == "/auth/o2/token" {
            let pairs: Vec<(String, String)> = url::form_urlencoded::parse(&raw.body)
                .map(|(k, v)| {
                    let v = if SECRET_FORM_FIELDS.contains(&k.as_ref()) {
                        "<redacted>".into()
                    } else {
                        v
                    };
                    (k.into_owned(), v.into_owned())
                })
                .collect();
            url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(pairs)
                .finish()
                .into_bytes()
        } else {
            raw.body.to_vec()
        };
        Self {
            seq,
            sim_time,
            method: raw.method.clone(),
            path: raw.path.clone(),
            query: raw.raw_query.clone(),
            headers,
            body,
            operation: None,
            token_kind: TokenKind::None,
            seller: None,
            status: 0,
        }
    }

    /// A header's value (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Query parameters, decoded.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        match &self.query {
            Some(q) => url::form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The first value of a query parameter.
    pub fn query_param(&self, name: &str) -> Option<String> {
        self.query_pairs()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Bodies may hold buyers' addresses (MCF orders): only their size.
        f.debug_struct("RecordedRequest")
            .field("seq", &self.seq)
            .field("sim_time", &self.sim_time)
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("operation", &self.operation)
            .field("token_kind", &self.token_kind)
            .field("seller", &self.seller)
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .finish()
    }
}
