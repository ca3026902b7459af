//! Restricted Data Tokens (RDT), fetched and cached automatically for restricted operations.
//!
//! Operations that return personal data need a Restricted Data Token in `x-amz-access-token` instead of
//! the access token: Orders v0 reads with `dataElements` (`buyerInfo`, `shippingAddress`,
//! `buyerTaxInformation`), `getOrderAddress`, `getOrderBuyerInfo`, `getOrderItemsBuyerInfo`, Merchant
//! Fulfillment `createShipment`/`getShipment` and restricted report documents. [`resolve`] returns the
//! token for exactly one request: it asks `createRestrictedDataToken` for that method, path and those
//! data elements, and caches the answer per (seller, environment, method, path, elements) until shortly
//! before it expires (time comes from the client's injected clock).
//!
//! No token is fetched when the operation is not restricted, when it has no data elements to protect,
//! on Amazon's sandbox (which does not check RDTs), or when the caller set
//! [`ApiRequest::explicit_rdt`]. When the application lacks the role, the error says which role to
//! request.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use chrono::{DateTime, Utc};
use http::StatusCode;

use crate::auth::SecretString;
use crate::client::SpApiClient;
use crate::error::{AmazonError, Error};
use crate::operation::{ApiRequest, ApiResponse, Operation, Restriction};
use crate::tokens_2021_03_01::{CreateRestrictedDataToken, RestrictedMethod, RestrictedResource};

/// Tokens are used until this many seconds before Amazon's expiry, so a token never expires in flight.
pub const EXPIRY_MARGIN_SECS: i64 = 60;

/// The role for `shippingAddress` and for labels (Merchant Fulfillment).
pub const ROLE_SHIPPING: &str = "Direct-to-Consumer Shipping";
/// The roles for `buyerInfo` and `buyerTaxInformation`.
pub const ROLE_TAX: &str = "Tax Invoicing or Tax Remittance";

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    seller: String,
    base: String,
    method: String,
    path: String,
    elements: Vec<String>,
}

struct Cached {
    token: SecretString,
    valid_until: DateTime<Utc>,
}

fn cache() -> &'static Mutex<HashMap<Key, Cached>> {
    static CACHE: OnceLock<Mutex<HashMap<Key, Cached>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Whether `req` for `op` needs a Restricted Data Token on `client` (ignoring a caller's explicit token).
pub fn needed(client: &SpApiClient, op: &Operation, req: &ApiRequest) -> bool {
    if client.environment().is_sandbox() {
        return false;
    }
    match op.restriction {
        Restriction::None => false,
        Restriction::Always => true,
        Restriction::WithDataElements => !req.data_elements.is_empty(),
    }
}

/// The restricted role(s) an application needs for `op` with `data_elements`, in words for error
/// messages.
pub fn required_roles(op: &Operation, data_elements: &[String]) -> Vec<&'static str> {
    fn add(roles: &mut Vec<&'static str>, r: &'static str) {
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    let mut roles = Vec::new();
    for e in data_elements {
        match e.as_str() {
            "shippingAddress" => add(&mut roles, ROLE_SHIPPING),
            "buyerInfo" | "buyerTaxInformation" => add(&mut roles, ROLE_TAX),
            _ => {}
        }
    }
    if roles.is_empty() {
        match op.name {
            "getOrderAddress" | "createShipment" | "getShipment" => add(&mut roles, ROLE_SHIPPING),
            "getOrderBuyerInfo" | "getOrderItemsBuyerInfo" => add(&mut roles, ROLE_TAX),
            _ => {
                add(&mut roles, ROLE_SHIPPING);
                add(&mut roles, ROLE_TAX);
            }
        }
    }
    roles
}

/// The Restricted Data Token to send with `req` for `op`, or `None` when none is needed.
///
/// # Errors
/// The errors of `createRestrictedDataToken`; an [`Error::Api`] whose last entry has code `MissingRole`
/// and names the role when Amazon refuses because the application lacks it; [`Error::Decode`] when the
/// answer holds no token.
pub async fn resolve(
    client: &SpApiClient,
    op: &Operation,
    req: &ApiRequest,
) -> Result<Option<SecretString>, Error> {
    if req.explicit_rdt.is_some() || !needed(client, op, req) {
        return Ok(None);
    }
    let mut elements = req.data_elements.clone();
    elements.sort();
    elements.dedup();
    let key = Key {
        seller: client.seller_key().to_owned(),
        base: client.environment().base_url(client.region()).to_string(),
        method: op.method.as_str().to_owned(),
        path: req.path.clone(),
        elements,
    };
    let now = client.clock().now();
    {
        let mut map = cache().lock().unwrap_or_else(PoisonError::into_inner);
        match map.get(&key) {
            Some(c) if c.valid_until > now => return Ok(Some(c.token.clone())),
            Some(_) => {
                map.remove(&key);
            }
            None => {}
        }
    }
    let resource = RestrictedResource::new(RestrictedMethod::from(key.method.as_str()), key.path.clone())
        .data_elements(key.elements.iter().cloned());
    let answer = CreateRestrictedDataToken::new(client)
        .resource(resource)
        .send()
        .await
        .map_err(|e| name_missing_role(e, op, &key.elements))?;
    let token = answer.restricted_data_token.ok_or_else(|| {
        Error::Decode(Box::new(crate::error::DecodeError::new(
            crate::tokens_2021_03_01::CREATE_RESTRICTED_DATA_TOKEN.key(),
            None,
            "restrictedDataToken",
            "nothing",
            "Amazon's answer holds no restricted data token",
        )))
    })?;
    let lifetime = i64::try_from(answer.expires_in.unwrap_or(3600)).unwrap_or(3600);
    let valid_until = now + chrono::Duration::seconds((lifetime - EXPIRY_MARGIN_SECS).max(0));
    if valid_until > now {
        let mut map = cache().lock().unwrap_or_else(PoisonError::into_inner);
        map.insert(
            key,
            Cached {
                token: token.clone(),
                valid_until,
            },
        );
    }
    Ok(Some(token))
}

/// Sends `req` for `op`, with a Restricted Data Token when the operation needs one (see [`resolve`]).
///
/// # Errors
/// As [`resolve`] and [`SpApiClient::send`].
pub async fn send(client: &SpApiClient, op: &Operation, mut req: ApiRequest) -> Result<ApiResponse, Error> {
    if let Some(token) = resolve(client, op, &req).await? {
        req.explicit_rdt = Some(token);
    }
    client.send(op, req).await
}

/// Forgets every cached token of `client`'s seller (after the seller revoked and re-granted access,
/// for example).
pub fn clear(client: &SpApiClient) {
    let mut map = cache().lock().unwrap_or_else(PoisonError::into_inner);
    map.retain(|k, _| k.seller != client.seller_key());
}

fn name_missing_role(e: Error, op: &Operation, elements: &[String]) -> Error {
    let Error::Api(mut api) = e else { return e };
    let text = api
        .errors
        .iter()
        .map(|x| format!("{} {} {}", x.code, x.message, x.details.as_deref().unwrap_or("")))
        .collect::<String>()
        .to_ascii_lowercase();
    let about_access = api.status == StatusCode::FORBIDDEN
        || text.contains("access")
        || text.contains("role")
        || text.contains("unauthorized")
        || text.contains("not authorized");
    if !(about_access && (api.status == StatusCode::FORBIDDEN || api.status == StatusCode::BAD_REQUEST)) {
        return Error::Api(api);
    }
    let roles = required_roles(op, elements).join(" and ");
    api.errors.push(AmazonError {
        code: "MissingRole".to_owned(),
        message: format!(
            "the application may lack the restricted role {roles} needed for {} with data elements [{}]: \
             request the role in the Solution Provider Portal, then have the seller authorize the app again",
            op.name,
            elements.join(", ")
        ),
        details: Some(roles),
    });
    Error::Api(api)
}

#[cfg(test)]
mod tests {
    use super::*;

    static OP: Operation = Operation {
        api: "orders",
        version: "v0",
        name: "getOrders",
        method: http::Method::GET,
        path: "/orders/v0/orders",
        usage_plan: crate::operation::UsagePlan::new(0.0167, 20),
        restriction: Restriction::WithDataElements,
        idempotent: true,
    };

    #[test]
    fn roles_follow_elements() {
        assert_eq!(
            required_roles(&OP, &["shippingAddress".into()]),
            vec![ROLE_SHIPPING]
        );
        assert_eq!(
            required_roles(&OP, &["buyerInfo".into(), "buyerTaxInformation".into()]),
            vec![ROLE_TAX]
        );
    }

    #[test]
    fn missing_role_is_named() {
        let api = crate::error::ApiError {
            operation: "tokens/2021-03-01/createRestrictedDataToken".into(),
            status: StatusCode::FORBIDDEN,
            errors: vec![AmazonError {
                code: "Unauthorized".into(),
                message: "Access to requested resource is denied.".into(),
                details: None,
            }],
            request_id: None,
            rate_limit: None,
            attempts: 1,
        };
        let e = name_missing_role(Error::from(api), &OP, &["shippingAddress".into()]);
        let s = e.to_string();
        assert!(s.contains("Direct-to-Consumer Shipping"), "{s}");
    }
}
