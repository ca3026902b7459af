//! Sellers API v1: the marketplaces a seller participates in (`getMarketplaceParticipations`) and the
//! seller's account (`getAccount`).
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::sellers_v1::GetMarketplaceParticipations;
//! for p in GetMarketplaceParticipations::new(client).send().await? {
//!     let id = p.marketplace.as_ref().and_then(|m| m.id.as_ref());
//!     let active = p.participation.as_ref().and_then(|x| x.is_participating);
//!     println!("{id:?} participating: {active:?}");
//! }
//! # Ok(()) }
//! ```

use http::Method;

use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::Error;
use crate::operation::{ApiRequest, Operation, Restriction, UsagePlan};

pub mod models;

pub use models::*;

/// `GET /sellers/v1/marketplaceParticipations` (0.016 requests per second, burst 15).
pub static GET_MARKETPLACE_PARTICIPATIONS: Operation = Operation {
    api: "sellers",
    version: "v1",
    name: "getMarketplaceParticipations",
    method: Method::GET,
    path: "/sellers/v1/marketplaceParticipations",
    usage_plan: UsagePlan::new(0.016, 15),
    restriction: Restriction::None,
    idempotent: true,
};

/// `GET /sellers/v1/account` (0.016 requests per second, burst 15).
pub static GET_ACCOUNT: Operation = Operation {
    api: "sellers",
    version: "v1",
    name: "getAccount",
    method: Method::GET,
    path: "/sellers/v1/account",
    usage_plan: UsagePlan::new(0.016, 15),
    restriction: Restriction::None,
    idempotent: true,
};

/// Every operation of this module.
pub static OPERATIONS: [&Operation; 2] = [&GET_MARKETPLACE_PARTICIPATIONS, &GET_ACCOUNT];

/// `getMarketplaceParticipations`: the marketplaces the seller can sell in, with store names and
/// whether listings are suspended.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetMarketplaceParticipations<'a> {
    client: &'a SpApiClient,
}

impl<'a> GetMarketplaceParticipations<'a> {
    /// The request (it has no parameters).
    pub fn new(client: &'a SpApiClient) -> Self {
        Self { client }
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// None today; fallible like every builder so parameters can be added.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        Ok(ApiRequest::new(GET_MARKETPLACE_PARTICIPATIONS.path))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`SpApiClient::send`]; [`Error::Decode`] for an answer that cannot be decoded even leniently.
    pub async fn send(self) -> Result<Vec<MarketplaceParticipation>, Error> {
        Ok(self.send_with_raw().await?.payload.payload)
    }

    /// Sends the request and keeps the raw answer.
    ///
    /// # Errors
    /// As [`GetMarketplaceParticipations::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetMarketplaceParticipationsResponse>, Error> {
        let req = self.build()?;
        let resp = self.client.send(&GET_MARKETPLACE_PARTICIPATIONS, req).await?;
        de::decode_response(&GET_MARKETPLACE_PARTICIPATIONS, resp)
    }
}

/// `getAccount`: the seller's business type, selling plan, business and primary contact.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetAccount<'a> {
    client: &'a SpApiClient,
}

impl<'a> GetAccount<'a> {
    /// The request (it has no parameters).
    pub fn new(client: &'a SpApiClient) -> Self {
        Self { client }
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// None today; fallible like every builder so parameters can be added.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        Ok(ApiRequest::new(GET_ACCOUNT.path))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`SpApiClient::send`]; [`Error::Decode`] for an answer that cannot be decoded even leniently.
    pub async fn send(self) -> Result<Account, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer.
    ///
    /// # Errors
    /// As [`GetAccount::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetAccountResponse>, Error> {
        let req = self.build()?;
        let resp = self.client.send(&GET_ACCOUNT, req).await?;
        de::decode_response(&GET_ACCOUNT, resp)
    }
}
