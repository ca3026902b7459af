//! Amazon's static sandbox: a request that matches a case of the models' `x-amzn-api-sandbox` gets that
//! case's answer, as Amazon's sandbox hosts do. The cases are in `sandbox/` next to this file.

use serde_json::Value;

use super::config::SandboxMode;
use super::http::{Query, Reply};

const FILES: &[(&str, &str)] = &[
    ("ordersV0", include_str!("sandbox/ordersV0.sandbox.json")),
    (
        "orders_2026-01-01",
        include_str!("sandbox/orders_2026-01-01.sandbox.json"),
    ),
    (
        "feeds_2021-06-30",
        include_str!("sandbox/feeds_2021-06-30.sandbox.json"),
    ),
    (
        "reports_2021-06-30",
        include_str!("sandbox/reports_2021-06-30.sandbox.json"),
    ),
    (
        "listingsItems_2021-08-01",
        include_str!("sandbox/listingsItems_2021-08-01.sandbox.json"),
    ),
    (
        "merchantFulfillmentV0",
        include_str!("sandbox/merchantFulfillmentV0.sandbox.json"),
    ),
    ("sellers", include_str!("sandbox/sellers.sandbox.json")),
    (
        "tokens_2021-03-01",
        include_str!("sandbox/tokens_2021-03-01.sandbox.json"),
    ),
];

/// One static case.
#[derive(Debug, Clone)]
pub(crate) struct Case {
    pub method: String,
    pub path: String,
    pub params: Vec<(String, Value)>,
    pub status: u16,
    pub response: Value,
}

/// Every case, loaded once.
#[derive(Debug, Default)]
pub(crate) struct Sandbox {
    pub cases: Vec<Case>,
}

impl Sandbox {
    pub(crate) fn load() -> Self {
        let mut cases = Vec::new();
        for (_, text) in FILES {
            let Ok(doc) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            for c in doc.get("cases").and_then(Value::as_array).into_iter().flatten() {
                let params = c
                    .pointer("/request/parameters")
                    .and_then(Value::as_object)
                    .map(|m| {
                        m.iter()
                            .filter_map(|(k, v)| v.get("value").map(|val| (k.clone(), val.clone())))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default();
                cases.push(Case {
                    method: c.get("method").and_then(Value::as_str).unwrap_or("").to_owned(),
                    path: c.get("path").and_then(Value::as_str).unwrap_or("").to_owned(),
                    params,
                    status: c
                        .get("status")
                        .and_then(Value::as_str)
                        .and_then(|s| s.parse().ok())
                        .unwrap_or(200),
                    response: c.get("response").cloned().unwrap_or(Value::Null),
                });
            }
        }
        Self { cases }
    }

    /// The answer of the first case matching the request, if any.
    pub(crate) fn answer(
        &self,
        method: &str,
        path_values: &[String],
        template: &str,
        query: &Query,
        body: &[u8],
        mode: SandboxMode,
    ) -> Option<Reply> {
        let names: Vec<&str> = template
            .split('/')
            .filter(|s| s.starts_with('{') && s.ends_with('}'))
            .map(|s| &s[1..s.len() - 1])
            .collect();
        let body_json: Option<Value> = if body.is_empty() {
            None
        } else {
            serde_json::from_slice(body).ok()
        };
        let method_of = |c: &Case| c.method.eq_ignore_ascii_case(method);
        let case = self.cases.iter().find(|c| {
            c.path == template
                && method_of(c)
                && (mode == SandboxMode::Only || !c.params.is_empty())
                && c.params.iter().all(|(name, want)| {
                    if name == "body" {
                        return body_json.as_ref() == Some(want);
                    }
                    if let Some(i) = names.iter().position(|n| n == name) {
                        return path_values.get(i).map(String::as_str) == want.as_str();
                    }
                    match want {
                        Value::Array(items) => {
                            let got = query.list(name);
                            got.len() == items.len()
                                && items
                                    .iter()
                                    .zip(got.iter())
                                    .all(|(w, g)| scalar(w).as_deref() == Some(g.as_str()))
                        }
                        other => match (query.get(name), scalar(other)) {
                            (Some(g), Some(w)) => g == w,
                            _ => false,
                        },
                    }
                })
        })?;
        Some(
            if case.status == 204
                || case.response.as_object().is_some_and(|m| m.is_empty())
                    && case.status >= 200
                    && case.status < 300
            {
                Reply::empty(case.status)
            } else {
                Reply::json(case.status, &case.response)
            },
        )
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_loads() {
        let s = Sandbox::load();
        assert!(s.cases.len() > 90, "{}", s.cases.len());
        assert!(s
            .cases
            .iter()
            .any(|c| c.path == "/orders/v0/orders/{orderId}" && c.status == 400));
    }

    #[test]
    fn matches_path_and_query_parameters() {
        let s = Sandbox::load();
        let q = Query::parse(Some("CreatedAfter=TEST_CASE_200&MarketplaceIds=ATVPDKIKX0DER"));
        let r = s
            .answer("GET", &[], "/orders/v0/orders", &q, b"", SandboxMode::Mixed)
            .unwrap();
        assert_eq!(r.status, 200);
        let v: Value = serde_json::from_slice(&r.body).unwrap();
        assert!(v.pointer("/payload/Orders/0/AmazonOrderId").is_some());
        let r = s
            .answer(
                "GET",
                &["TEST_CASE_400".into()],
                "/orders/v0/orders/{orderId}",
                &Query::default(),
                b"",
                SandboxMode::Mixed,
            )
            .unwrap();
        assert_eq!(r.status, 400);
        assert!(s
            .answer(
                "GET",
                &["111-0000000-0000000".into()],
                "/orders/v0/orders/{orderId}",
                &Query::default(),
                b"",
                SandboxMode::Mixed
            )
            .is_none());
    }
}
