//! Tokens API 2021-03-01: `createRestrictedDataToken`.
//!
//! A Restricted Data Token (RDT) replaces the access token for calls that return personal data (an
//! order's shipping address, buyer information, labels). Most callers never use this module directly:
//! the restricted operations of this crate fetch and cache RDTs themselves through [`crate::rdt`]. Use
//! [`CreateRestrictedDataToken`] to mint a token for another application (`targetApplication`) or for a
//! generic path such as `/orders/v0/orders/{orderId}/address`.
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::tokens_2021_03_01::{CreateRestrictedDataToken, RestrictedResource};
//! let token = CreateRestrictedDataToken::new(client)
//!     .resource(RestrictedResource::get("/orders/v0/orders").data_elements(["shippingAddress"]))
//!     .send()
//!     .await?;
//! # let _ = token; Ok(()) }
//! ```

use http::Method;
use serde::{Deserialize, Serialize};

use crate::auth::SecretString;
use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::{AmazonError, Error};
use crate::operation::{ApiRequest, Operation, Restriction, UsagePlan};

/// `POST /tokens/2021-03-01/restrictedDataToken` (usage plan 1 request per second, burst 10).
pub static CREATE_RESTRICTED_DATA_TOKEN: Operation = Operation {
    api: "tokens",
    version: "2021-03-01",
    name: "createRestrictedDataToken",
    method: Method::POST,
    path: "/tokens/2021-03-01/restrictedDataToken",
    usage_plan: UsagePlan::new(1.0, 10),
    restriction: Restriction::None,
    idempotent: true,
};

crate::lenient_enum! {
    /// The HTTP method of a restricted resource.
    pub enum RestrictedMethod {
        /// `GET`.
        Get = "GET",
        /// `PUT`.
        Put = "PUT",
        /// `POST`.
        Post = "POST",
        /// `DELETE`.
        Delete = "DELETE",
    }
}

/// One restricted resource (method, path and, for some operations, data elements) a token is asked for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RestrictedResource {
    /// The HTTP method of the restricted operation.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<RestrictedMethod>,
    /// The path of the restricted operation: a specific path (`/orders/v0/orders/902-3159896-1390916`) or
    /// a generic one with a placeholder (`/orders/v0/orders/{orderId}/address`).
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The restricted data elements (`buyerInfo`, `shippingAddress`, `buyerTaxInformation`) for Orders
    /// v0 `getOrders`/`getOrder`/`getOrderItems`; empty for other operations.
    #[serde(
        rename = "dataElements",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub data_elements: Vec<String>,
}

impl RestrictedResource {
    /// A resource with `method` and `path`.
    pub fn new(method: RestrictedMethod, path: impl Into<String>) -> Self {
        Self {
            method: Some(method),
            path: Some(path.into()),
            data_elements: Vec::new(),
        }
    }

    /// A `GET` resource.
    pub fn get(path: impl Into<String>) -> Self {
        Self::new(RestrictedMethod::Get, path)
    }

    /// Sets the data elements.
    #[must_use]
    pub fn data_elements<I, S>(mut self, elements: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.data_elements = elements.into_iter().map(Into::into).collect();
        self
    }
}

/// The request body of `createRestrictedDataToken`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRestrictedDataTokenRequest {
    /// The application id of a delegatee application that the token is minted for (optional).
    #[serde(
        rename = "targetApplication",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_application: Option<String>,
    /// The restricted resources.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(rename = "restrictedResources", default, deserialize_with = "de::nullable")]
    pub restricted_resources: Vec<RestrictedResource>,
}

/// The answer of `createRestrictedDataToken`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateRestrictedDataTokenResponse {
    /// The token, to be sent in `x-amz-access-token` in place of the access token.
    #[serde(
        rename = "restrictedDataToken",
        default,
        deserialize_with = "de_secret",
        serialize_with = "ser_secret",
        skip_serializing_if = "Option::is_none"
    )]
    pub restricted_data_token: Option<SecretString>,
    /// Seconds until the token expires.
    #[serde(
        rename = "expiresIn",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub expires_in: Option<u64>,
}

impl std::fmt::Debug for CreateRestrictedDataTokenResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateRestrictedDataTokenResponse")
            .field("restricted_data_token", &self.restricted_data_token)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

fn de_secret<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<SecretString>, D::Error> {
    Ok(de::opt_string(d)?
        .filter(|s| !s.is_empty())
        .map(SecretString::new))
}

fn ser_secret<S: serde::Serializer>(v: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(t) => s.serialize_str(t.expose()),
        None => s.serialize_none(),
    }
}

/// Amazon's error list, as this API's model spells it (`{"errors": [...]}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ErrorList {
    /// The errors.
    #[serde(default, deserialize_with = "de::nullable")]
    pub errors: Vec<AmazonError>,
}

/// `createRestrictedDataToken`: a Restricted Data Token for the given resources.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct CreateRestrictedDataToken<'a> {
    client: &'a SpApiClient,
    body: CreateRestrictedDataTokenRequest,
}

impl<'a> CreateRestrictedDataToken<'a> {
    /// A request with no resources yet.
    pub fn new(client: &'a SpApiClient) -> Self {
        Self {
            client,
            body: CreateRestrictedDataTokenRequest::default(),
        }
    }

    /// Adds a restricted resource.
    pub fn resource(mut self, resource: RestrictedResource) -> Self {
        self.body.restricted_resources.push(resource);
        self
    }

    /// Mints the token for a delegatee application.
    pub fn target_application(mut self, app_id: impl Into<String>) -> Self {
        self.body.target_application = Some(app_id.into());
        self
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when no resource was given, or a resource lacks a method or a path that
    /// starts with `/`.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        if self.body.restricted_resources.is_empty() {
            return Err(Error::invalid_input(
                "restrictedResources",
                "add at least one restricted resource",
            ));
        }
        for (i, r) in self.body.restricted_resources.iter().enumerate() {
            if r.method.as_ref().is_none_or(|m| m.as_str().trim().is_empty()) {
                return Err(Error::invalid_input(
                    format!("restrictedResources[{i}].method"),
                    "set GET, PUT, POST or DELETE",
                ));
            }
            match &r.path {
                Some(p) if p.starts_with('/') => {}
                _ => {
                    return Err(Error::invalid_input(
                        format!("restrictedResources[{i}].path"),
                        "set the operation's path, starting with '/'",
                    ))
                }
            }
        }
        let body = serde_json::to_vec(&self.body)
            .map_err(|e| Error::invalid_input("body", format!("cannot be serialized: {e}")))?;
        Ok(ApiRequest::new(CREATE_RESTRICTED_DATA_TOKEN.path).json_body(body.into()))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`CreateRestrictedDataToken::build`] and [`SpApiClient::send`]; [`Error::Decode`] for an
    /// answer that is not a token.
    pub async fn send(self) -> Result<CreateRestrictedDataTokenResponse, Error> {
        Ok(self.send_with_raw().await?.payload)
    }

    /// Sends the request and keeps the raw answer (its body holds the token: handle it as a secret).
    ///
    /// # Errors
    /// As [`CreateRestrictedDataToken::send`].
    pub async fn send_with_raw(self) -> Result<Response<CreateRestrictedDataTokenResponse>, Error> {
        let req = self.build()?;
        let resp = self.client.send(&CREATE_RESTRICTED_DATA_TOKEN, req).await?;
        de::decode_response(&CREATE_RESTRICTED_DATA_TOKEN, resp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_is_redacted_in_debug() {
        let r: CreateRestrictedDataTokenResponse =
            serde_json::from_str(r#"{"restrictedDataToken":"Atz.sprdt|secret","expiresIn":"3600"}"#).unwrap();
        assert_eq!(r.expires_in, Some(3600));
        assert_eq!(
            r.restricted_data_token.as_ref().unwrap().expose(),
            "Atz.sprdt|secret"
        );
        assert!(!format!("{r:?}").contains("secret"));
    }
}
