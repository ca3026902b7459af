//! Legacy Amazon Marketplace Web Service (MWS): Orders 2013-09-01 and Feeds 2009-01-01 (feature `mws`).
//!
//! **Amazon switched MWS off on 2024-04-01.** Requests to the real MWS endpoints no longer succeed; new
//! integrations must use the Selling Partner API (the rest of this crate).
//!
//! The module remains because MWS outlived its servers: old integrations are still being migrated (and
//! their stored data, identifiers and feed documents are MWS-shaped), order-management suites and test
//! rigs still ship mocks and recorders that speak MWS, and migration tools need to replay and compare MWS
//! traffic against SP-API answers. For those, this module offers a faithful client:
//!
//! - [`signer`]: Signature Version 2 with HmacSHA256, checked byte for byte against Amazon's published
//!   test vector, plus [`signer::verify`] for servers and mocks that check signatures;
//! - [`client::MwsClient`]: endpoint per marketplace or any base URL, credentials (seller id, MWS auth
//!   token, AWS access key id, secret key; the secrets never appear in `Debug` output, logs or errors),
//!   `Timestamp` from the injected [`crate::clock::Clock`], throttling quotas applied through the crate's
//!   [`crate::limiter::RateLimiter`], and retries of throttled requests;
//! - [`orders`]: `ListOrders`, `ListOrdersByNextToken`, `ListOrderItems`, `ListOrderItemsByNextToken`,
//!   with page streams;
//! - [`feeds`]: `SubmitFeed` (with `Content-MD5`), `GetFeedSubmissionList` (and `…ByNextToken`),
//!   `GetFeedSubmissionResult` (with the processing report decoded);
//! - [`error`]: MWS `ErrorResponse` answers as typed errors ([`error::MwsErrorCode`]).
//!
//! Answers are read leniently: unknown enum values are kept (`Unknown(String)`), missing elements become
//! `None`, numbers and booleans are read from their text, and buyers' data is wrapped in [`model::Pii`].
//!
//! ```no_run
//! # async fn demo() -> Result<(), amazon_spapi::mws::MwsError> {
//! use amazon_spapi::mws::{MwsClient, MwsCredentials, MwsEndpoint};
//! use futures::TryStreamExt;
//!
//! let creds = MwsCredentials::new("A1SELLERID", "AKIAEXAMPLE", "secret-key").with_auth_token("amzn.mws.x");
//! let endpoint = MwsEndpoint::custom("http://127.0.0.1:8099")?; // a mock that still speaks MWS
//! let client = MwsClient::builder(endpoint, creds).build()?;
//! let since = chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap().to_utc();
//! let pages: Vec<_> = client.list_orders().marketplace_id("ATVPDKIKX0DER").created_after(since)
//!     .pages().try_collect().await?;
//! println!("{} orders", pages.iter().map(|p| p.orders.len()).sum::<usize>());
//! # Ok(()) }
//! ```

pub mod client;
pub mod error;
pub mod feeds;
pub mod model;
pub mod operation;
pub mod orders;
pub mod signer;
pub mod xml;

pub use client::{MwsClient, MwsClientBuilder, MwsCredentials, MwsEndpoint, MwsResponse};
pub use error::{MwsApiError, MwsError, MwsErrorCode};
pub use model::{Address, Money, Pii};
