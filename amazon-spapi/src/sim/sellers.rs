//! Sellers v1: `getMarketplaceParticipations` and `getAccount`.

use serde_json::{json, Value};

use super::http::Reply;
use super::server::Ctx;
use super::state::State;

/// `GET /sellers/v1/marketplaceParticipations`.
pub(crate) fn participations(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let s = &st.sellers[ctx.seller];
    let list: Vec<Value> = s
        .marketplaces
        .iter()
        .map(|m| {
            json!({
                "marketplace": {
                    "id": m.id,
                    "name": m.name,
                    "countryCode": m.country,
                    "defaultCurrencyCode": m.currency,
                    "defaultLanguageCode": m.language,
                    "domainName": m.domain,
                },
                "participation": { "isParticipating": true, "hasSuspendedListings": false },
                "storeName": s.store_name,
            })
        })
        .collect();
    Reply::ok(&json!({ "payload": list }))
}

/// `GET /sellers/v1/account`.
pub(crate) fn account(st: &mut State, ctx: &Ctx<'_>, _p: &[String]) -> Reply {
    let s = &st.sellers[ctx.seller];
    Reply::ok(&json!({ "payload": {
        "marketplaceParticipationList": s.marketplaces.iter().map(|m| json!({
            "marketplace": {
                "id": m.id, "name": m.name, "countryCode": m.country,
                "defaultCurrencyCode": m.currency, "defaultLanguageCode": m.language, "domainName": m.domain,
            },
            "participation": { "isParticipating": true, "hasSuspendedListings": false },
            "storeName": s.store_name,
        })).collect::<Vec<_>>(),
        "businessType": "PRIVATE_LIMITED",
        "sellingPlan": "PROFESSIONAL",
        "business": { "name": s.store_name },
    } }))
}
