//! Login with Amazon: the token endpoint (`POST /auth/o2/token`), with the `refresh_token`,
//! `authorization_code` and `client_credentials` grants.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::http::Reply;
use super::server::RawRequest;
use super::state::{AccessGrant, RefreshGrant, State};

fn lwa_error(status: u16, error: &str, description: &str) -> Reply {
    Reply::json(
        status,
        &json!({ "error": error, "error_description": description }),
    )
}

/// Scopes Amazon grants to `client_credentials` (grantless operations).
pub(crate) const SCOPES: &[&str] = &[
    "sellingpartnerapi::notifications",
    "sellingpartnerapi::client_credential:rotation",
];

/// Answers a token request.
pub(crate) fn token(st: &mut State, raw: &RawRequest, now: DateTime<Utc>) -> Reply {
    if raw.method != "POST" {
        return lwa_error(405, "invalid_request", "The token endpoint only accepts POST.");
    }
    let is_json = raw.header("content-type").is_some_and(|c| c.contains("json"));
    let fields: Vec<(String, String)> = if is_json {
        match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&raw.body) {
            Ok(m) => m
                .into_iter()
                .map(|(k, v)| (k, v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
                .collect(),
            Err(_) => return lwa_error(400, "invalid_request", "The request body is not valid JSON."),
        }
    } else {
        url::form_urlencoded::parse(&raw.body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    };
    let get = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
    let (Some(client_id), Some(client_secret)) = (get("client_id"), get("client_secret")) else {
        return lwa_error(
            400,
            "invalid_request",
            "The request is missing a required parameter : client_id or client_secret",
        );
    };
    if client_id != st.client_id || client_secret != st.client_secret {
        return lwa_error(401, "invalid_client", "Client authentication failed");
    }
    let lifetime = st.access_token_lifetime;
    match get("grant_type") {
        Some("refresh_token") => {
            let Some(rt) = get("refresh_token") else {
                return lwa_error(
                    400,
                    "invalid_request",
                    "The request is missing a required parameter : refresh_token",
                );
            };
            let seller = match st.refresh_tokens.get(rt) {
                Some(g) if !g.revoked => g.seller,
                _ => {
                    return lwa_error(
                        400,
                        "invalid_grant",
                        "The request has an invalid grant parameter : refresh_token",
                    )
                }
            };
            let access = st.new_token("Atza|", 64);
            st.access_tokens.insert(
                access.clone(),
                AccessGrant {
                    seller: Some(seller),
                    expires: now + lifetime,
                },
            );
            Reply::ok(&json!({
                "access_token": access,
                "refresh_token": rt,
                "token_type": "bearer",
                "expires_in": lifetime.num_seconds(),
            }))
        }
        Some("authorization_code") => {
            let Some(code) = get("code") else {
                return lwa_error(
                    400,
                    "invalid_request",
                    "The request is missing a required parameter : code",
                );
            };
            let Some(seller) = st.auth_codes.remove(code) else {
                return lwa_error(
                    400,
                    "invalid_grant",
                    "The request has an invalid grant parameter : code",
                );
            };
            let refresh = st.new_token("Atzr|", 48);
            st.refresh_tokens.insert(
                refresh.clone(),
                RefreshGrant {
                    seller,
                    revoked: false,
                },
            );
            let access = st.new_token("Atza|", 64);
            st.access_tokens.insert(
                access.clone(),
                AccessGrant {
                    seller: Some(seller),
                    expires: now + lifetime,
                },
            );
            Reply::ok(&json!({
                "access_token": access,
                "refresh_token": refresh,
                "token_type": "bearer",
                "expires_in": lifetime.num_seconds(),
            }))
        }
        Some("client_credentials") => {
            let scope = get("scope").unwrap_or("");
            if scope.is_empty() || !scope.split(' ').all(|s| SCOPES.contains(&s)) {
                return lwa_error(
                    400,
                    "invalid_scope",
                    "The request has an invalid parameter : scope",
                );
            }
            let access = st.new_token("Atc|", 64);
            st.access_tokens.insert(
                access.clone(),
                AccessGrant {
                    seller: None,
                    expires: now + lifetime,
                },
            );
            Reply::ok(&json!({
                "access_token": access,
                "scope": scope,
                "token_type": "bearer",
                "expires_in": lifetime.num_seconds(),
            }))
        }
        Some(other) => lwa_error(
            400,
            "unsupported_grant_type",
            &format!("The grant type {other} is not supported."),
        ),
        None => lwa_error(
            400,
            "invalid_request",
            "The request is missing a required parameter : grant_type",
        ),
    }
}
