#![doc = include_str!("../README.md")]
//! Typed clients for Amazon's Selling Partner API (SP-API), with Login with Amazon, per-operation rate
//! limiting, retries, typed errors, and (feature `sim`) a local simulator; legacy MWS behind feature `mws`.
//!
//! This crate knows HTTP, authorization and Amazon's limits. It knows nothing of an "order hub": its types
//! mirror Amazon's models, one module per API version.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

pub mod auth;
pub mod client;
pub mod clock;
pub mod error;
pub mod limiter;
pub mod marketplace;
pub mod operation;
pub mod region;
pub mod retry;
pub mod transport;

pub mod de;
pub mod documents;
pub mod pagination;
pub mod rdt;

pub mod fba_inventory_v1;
pub mod feeds_2021_06_30;
pub mod fulfillment_outbound_2020_07_01;
pub mod listings_items_2021_08_01;
pub mod merchant_fulfillment_v0;
pub mod orders_2026_01_01;
pub mod orders_v0;
pub mod reports_2021_06_30;
pub mod sellers_v1;
pub mod tokens_2021_03_01;

#[cfg(feature = "mws")]
pub mod mws;
#[cfg(feature = "sim")]
pub mod sim;
