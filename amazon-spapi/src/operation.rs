//! Operation descriptors and the request/response values every typed operation goes through.
//!
//! Each SP-API operation is described once, as a `static` [`Operation`]: which API and version it belongs
//! to, its name, HTTP method, path template, default usage plan and whether it returns restricted data.
//! Typed request builders (in the per-API modules) turn their fields into an [`ApiRequest`] and hand it to
//! [`crate::client::SpApiClient::send`], which applies authorization, rate limiting and retries.

use bytes::Bytes;
use http::{HeaderMap, Method, StatusCode};

/// Amazon's default usage plan for one operation: a steady rate and a burst.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UsagePlan {
    /// Requests per second restored to the bucket.
    pub rate: f64,
    /// Bucket size: how many requests may be sent at once after a quiet period.
    pub burst: u32,
}

impl UsagePlan {
    /// A usage plan of `rate` requests per second with a bucket of `burst`.
    pub const fn new(rate: f64, burst: u32) -> Self {
        Self { rate, burst }
    }
}

/// Whether an operation returns restricted data (personal information) and so needs a Restricted Data
/// Token (RDT) in place of the access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restriction {
    /// Never restricted.
    None,
    /// Always restricted (for example `getOrderAddress`).
    Always,
    /// Restricted only when the request asks for data elements (`dataElements` on Orders v0 reads); the
    /// elements are carried in [`ApiRequest::data_elements`].
    WithDataElements,
}

/// A static description of one SP-API operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// API name as used in Amazon's model file names, for example `orders`.
    pub api: &'static str,
    /// API version, for example `v0` or `2026-01-01`.
    pub version: &'static str,
    /// Operation id from the model, for example `getOrders`.
    pub name: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template with `{param}` placeholders, for example `/orders/v0/orders/{orderId}`.
    pub path: &'static str,
    /// Amazon's default usage plan for this operation.
    pub usage_plan: UsagePlan,
    /// Whether a Restricted Data Token is needed.
    pub restriction: Restriction,
    /// Whether repeating the request after a timeout or connection reset is safe.
    pub idempotent: bool,
}

impl Operation {
    /// `api/version/name`, a stable key for logs, limiter buckets and metrics.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.api, self.version, self.name)
    }
}

/// A concrete request for one operation, produced by a typed builder.
#[derive(Clone, Default)]
pub struct ApiRequest {
    /// The path with every placeholder filled in and percent-encoded, for example
    /// `/orders/v0/orders/902-3159896-1390916`.
    pub path: String,
    /// Query parameters, not yet encoded; list values are already joined the way the operation expects.
    pub query: Vec<(String, String)>,
    /// Request body, if any.
    pub body: Option<Bytes>,
    /// Content type of the body (defaults to `application/json` when a body is present).
    pub content_type: Option<String>,
    /// Data elements for restricted operations (`buyerInfo`, `shippingAddress`, `buyerTaxInformation`).
    pub data_elements: Vec<String>,
    /// A Restricted Data Token supplied by the caller; when present no RDT is fetched.
    pub explicit_rdt: Option<crate::auth::SecretString>,
}

impl std::fmt::Debug for ApiRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The body may hold buyers' personal data (addresses in MCF orders, for example): only its size.
        f.debug_struct("ApiRequest")
            .field("path", &self.path)
            .field("query", &self.query)
            .field("body_len", &self.body.as_ref().map(Bytes::len))
            .field("content_type", &self.content_type)
            .field("data_elements", &self.data_elements)
            .field("explicit_rdt", &self.explicit_rdt.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl ApiRequest {
    /// A request for `path` with no query and no body.
    pub fn new(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            ..Self::default()
        }
    }

    /// Adds a query parameter.
    #[must_use]
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((name.into(), value.into()));
        self
    }

    /// Sets a JSON body.
    #[must_use]
    pub fn json_body(mut self, body: Bytes) -> Self {
        self.body = Some(body);
        self.content_type = Some("application/json".to_owned());
        self
    }
}

/// Fills `{name}` placeholders in a path template, percent-encoding each value as one path segment.
///
/// Placeholders without a value are left as they are, so the server answers with a clear 404/400 rather
/// than the client panicking.
pub fn fill_path(template: &str, params: &[(&str, &str)]) -> String {
    const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~');
    let mut out = template.to_owned();
    for (name, value) in params {
        let encoded = percent_encoding::utf8_percent_encode(value, SEGMENT).to_string();
        out = out.replace(&format!("{{{name}}}"), &encoded);
    }
    out
}

/// A successful (2xx) answer, before decoding.
#[derive(Clone)]
pub struct ApiResponse {
    /// HTTP status.
    pub status: StatusCode,
    /// Response headers.
    pub headers: HeaderMap,
    /// The raw body.
    pub body: Bytes,
    /// `x-amzn-RequestId`, when Amazon sent one.
    pub request_id: Option<String>,
    /// The rate from `x-amzn-RateLimit-Limit`, when present and parseable.
    pub rate_limit: Option<f64>,
    /// How many attempts it took (1 when the first one succeeded).
    pub attempts: u32,
}

impl std::fmt::Debug for ApiResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The body may hold personal data: only its size.
        f.debug_struct("ApiResponse")
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .field("request_id", &self.request_id)
            .field("rate_limit", &self.rate_limit)
            .field("attempts", &self.attempts)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_path_encodes_segments() {
        assert_eq!(
            fill_path(
                "/orders/v0/orders/{orderId}/orderItems",
                &[("orderId", "902-3159896-1390916")]
            ),
            "/orders/v0/orders/902-3159896-1390916/orderItems"
        );
        assert_eq!(
            fill_path(
                "/listings/2021-08-01/items/{sellerId}/{sku}",
                &[("sellerId", "A1"), ("sku", "a b/c")]
            ),
            "/listings/2021-08-01/items/A1/a%20b%2Fc"
        );
    }

    #[test]
    fn debug_hides_body_and_rdt() {
        let mut req = ApiRequest::new("/x").json_body(Bytes::from_static(b"{\"name\":\"Jane Buyer\"}"));
        req.explicit_rdt = Some(crate::auth::SecretString::new("Atz.secret-rdt"));
        let s = format!("{req:?}");
        assert!(!s.contains("Jane"));
        assert!(!s.contains("Atz.secret-rdt"));
    }
}
