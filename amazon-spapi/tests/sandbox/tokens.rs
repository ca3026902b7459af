//! Sandbox cases of Tokens 2021-03-01 (owner: ops-a).

use amazon_spapi::error::Error;
use amazon_spapi::tokens_2021_03_01::{CreateRestrictedDataToken, CreateRestrictedDataTokenRequest};

use crate::orders_v0::only;
use crate::{harness, Case};

/// Checks `case` when it is a Tokens case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if !case.is("tokens_2021-03-01", "createRestrictedDataToken") {
        return None;
    }
    if let Err(e) = only(case, &["body"]) {
        return Some(Err(e));
    }
    let h = harness(case);
    let body = match case.body::<CreateRestrictedDataTokenRequest>() {
        Ok(b) => b,
        Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
    };
    let mut b = CreateRestrictedDataToken::new(h.client());
    if let Some(app) = body.target_application {
        b = b.target_application(app);
    }
    for r in body.restricted_resources {
        b = b.resource(r);
    }
    let outcome = b
        .send_with_raw()
        .await
        .map(|r| Some(serde_json::to_value(&r.payload).unwrap()));
    Some(h.verify(case, outcome))
}
