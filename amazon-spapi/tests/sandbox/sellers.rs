//! Sandbox cases of Sellers v1 (owner: ops-a).

use amazon_spapi::error::Error;
use amazon_spapi::sellers_v1::{GetAccount, GetMarketplaceParticipations};
use serde_json::Value;

use crate::orders_v0::only;
use crate::{harness, Case};

/// Checks `case` when it is a Sellers case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "sellers" {
        return None;
    }
    let h = harness(case);
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "getMarketplaceParticipations" => GetMarketplaceParticipations::new(h.client())
            .send_with_raw()
            .await
            .map(|r| Some(serde_json::to_value(&r.payload).unwrap())),
        "getAccount" => GetAccount::new(h.client())
            .send_with_raw()
            .await
            .map(|r| Some(serde_json::to_value(&r.payload).unwrap())),
        _ => return None,
    };
    if let Err(e) = only(case, &[]) {
        return Some(Err(e));
    }
    Some(h.verify(case, outcome))
}
