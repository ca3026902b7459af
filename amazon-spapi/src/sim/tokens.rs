//! Tokens 2021-03-01: `createRestrictedDataToken`, and how a Restricted Data Token is checked.

use serde_json::{json, Value};

use super::http::{match_path, Reply};
use super::server::{Ctx, RESTRICTED};
use super::state::{Rdt, State};

const ELEMENTS: &[&str] = &["buyerInfo", "shippingAddress", "buyerTaxInformation"];

/// The restricted template a concrete or generic path belongs to.
fn restricted_template(
    method: &str,
    path: &str,
) -> Option<&'static (&'static str, &'static str, &'static [&'static str])> {
    RESTRICTED.iter().find(|(m, t, _)| {
        *m == method
            && (*t == path || match_path(t, path).is_some_and(|caps| caps.iter().all(|c| !c.is_empty())))
    })
}

/// `POST /tokens/2021-03-01/restrictedDataToken`.
pub(crate) fn create_rdt(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let body: Value = match ctx.json() {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(resources) = body
        .get("restrictedResources")
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
    else {
        return Reply::error(
            400,
            "InvalidRequest",
            "Request is missing or has invalid parameters",
            "Resource not provided.",
        );
    };
    let mut out = Vec::new();
    for r in resources {
        let method = r.get("method").and_then(Value::as_str).unwrap_or("");
        let path = r.get("path").and_then(Value::as_str).unwrap_or("");
        if method.is_empty() || path.is_empty() {
            return Reply::error(
                400,
                "InvalidRequest",
                "Request is missing or has invalid parameters",
                "Resource not provided.",
            );
        }
        let Some((_, template, implied)) = restricted_template(method, path) else {
            return Reply::error(
                400,
                "InvalidRequest",
                "Request is missing or has invalid parameters",
                &format!("{method} {path} is not a restricted resource."),
            );
        };
        let elements: Vec<String> = r
            .get("dataElements")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        if let Some(bad) = elements.iter().find(|e| !ELEMENTS.contains(&e.as_str())) {
            return Reply::error(
                400,
                "InvalidInput",
                "Request is missing or has invalid parameters",
                &format!("Unknown data element {bad}."),
            );
        }
        let takes_elements = matches!(
            *template,
            "/orders/v0/orders" | "/orders/v0/orders/{orderId}" | "/orders/v0/orders/{orderId}/orderItems"
        );
        if !elements.is_empty() && !takes_elements {
            return Reply::error(
                400,
                "InvalidInput",
                "Request is missing or has invalid parameters",
                &format!("dataElements are not accepted for {path}."),
            );
        }
        let mut all: Vec<String> = implied.iter().map(|s| (*s).to_owned()).collect();
        for e in elements {
            if !all.contains(&e) {
                all.push(e);
            }
        }
        let seller = &st.sellers[ctx.seller];
        let missing: Vec<&str> = all
            .iter()
            .filter(|e| !seller.may_see(e))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            return Reply::denied(&format!(
                "The application does not hold the restricted role needed for: {}.",
                missing.join(", ")
            ));
        }
        out.push((method.to_owned(), path.to_owned(), all));
    }
    let token = st.new_token("Atz.sprdt|", 64);
    let expires = ctx.now + st.rdt_lifetime;
    st.rdts.insert(
        token.clone(),
        Rdt {
            seller: ctx.seller,
            expires,
            resources: out,
        },
    );
    Reply::ok(&json!({ "restrictedDataToken": token, "expiresIn": st.rdt_lifetime.num_seconds() }))
}

/// The data elements an RDT grants for a concrete request, or `None` when it does not cover it.
pub(crate) fn rdt_elements(rdt: &Rdt, method: &str, path: &str) -> Option<Vec<String>> {
    for (m, p, elements) in &rdt.resources {
        if m != method {
            continue;
        }
        if p == path || match_path(p, path).is_some() && p.contains('{') {
            return Some(elements.clone());
        }
    }
    None
}
