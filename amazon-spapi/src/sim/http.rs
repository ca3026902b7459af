//! Request and answer values the resource handlers work with, independent of the HTTP server.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Value};

/// Parsed query string: keeps every pair in order; list parameters may be comma-separated or repeated.
#[derive(Debug, Clone, Default)]
pub(crate) struct Query {
    pub pairs: Vec<(String, String)>,
}

impl Query {
    pub(crate) fn parse(raw: Option<&str>) -> Self {
        let pairs = match raw {
            Some(q) => url::form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
            None => Vec::new(),
        };
        Self { pairs }
    }

    /// The first value of `name` (case-sensitive, as Amazon's parameters are).
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a list parameter, split on commas.
    pub(crate) fn list(&self, name: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| {
                v.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
            })
            .collect()
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.pairs.iter().any(|(k, _)| k == name)
    }
}

/// An answer from a resource handler.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub status: u16,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
    pub headers: Vec<(String, String)>,
}

impl Reply {
    pub(crate) fn json(status: u16, v: &Value) -> Self {
        Self {
            status,
            body: serde_json::to_vec(v).unwrap_or_default(),
            content_type: Some("application/json".to_owned()),
            headers: Vec::new(),
        }
    }

    pub(crate) fn ok(v: &Value) -> Self {
        Self::json(200, v)
    }

    pub(crate) fn empty(status: u16) -> Self {
        Self {
            status,
            body: Vec::new(),
            content_type: None,
            headers: Vec::new(),
        }
    }

    pub(crate) fn bytes(status: u16, content_type: &str, body: Vec<u8>) -> Self {
        Self {
            status,
            body,
            content_type: Some(content_type.to_owned()),
            headers: Vec::new(),
        }
    }

    /// Amazon's error list: `{"errors":[{"code","message","details"}]}`.
    pub(crate) fn error(status: u16, code: &str, message: &str, details: &str) -> Self {
        let mut e = json!({ "code": code, "message": message });
        if !details.is_empty() {
            e["details"] = Value::String(details.to_owned());
        }
        Self::json(status, &json!({ "errors": [e] }))
    }

    pub(crate) fn invalid(message: &str) -> Self {
        Self::error(400, "InvalidInput", message, "")
    }

    pub(crate) fn not_found(what: &str) -> Self {
        Self::error(404, "NotFound", &format!("{what} not found."), "")
    }

    pub(crate) fn denied(details: &str) -> Self {
        Self::error(
            403,
            "Unauthorized",
            "Access to requested resource is denied.",
            details,
        )
    }

    pub(crate) fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }
}

/// Formats a time as Amazon does (`2026-11-02T08:00:00Z`).
pub(crate) fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Formats a time with milliseconds (`2026-11-02T08:00:00.000Z`), as Feeds and Reports do.
pub(crate) fn iso_ms(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses an ISO 8601 time (with or without offset; a bare date is midnight UTC).
pub(crate) fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(t.and_utc());
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M") {
        return Some(t.and_utc());
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

/// Matches a path against a template with `{name}` placeholders; returns the captured values.
pub(crate) fn match_path(template: &str, path: &str) -> Option<Vec<String>> {
    let t: Vec<&str> = template.trim_end_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut caps = Vec::new();
    for (a, b) in t.iter().zip(p.iter()) {
        if a.starts_with('{') && a.ends_with('}') {
            if b.is_empty() {
                return None;
            }
            caps.push(
                percent_encoding::percent_decode_str(b)
                    .decode_utf8_lossy()
                    .into_owned(),
            );
        } else if a != b {
            return None;
        }
    }
    Some(caps)
}

/// Money in the Orders v0 shape.
pub(crate) fn money_v0(amount: rust_decimal::Decimal, currency: &str, decimals: u32) -> Value {
    json!({ "CurrencyCode": currency, "Amount": format_amount(amount, decimals) })
}

/// Money in the camelCase shape (`amount`, `currencyCode`).
pub(crate) fn money_camel(amount: rust_decimal::Decimal, currency: &str, decimals: u32) -> Value {
    json!({ "amount": format_amount(amount, decimals), "currencyCode": currency })
}

/// An amount with exactly `decimals` places.
pub(crate) fn format_amount(amount: rust_decimal::Decimal, decimals: u32) -> String {
    let mut a = amount.round_dp(decimals);
    a.rescale(decimals);
    a.to_string()
}
