#![doc = include_str!("../README.md")]
//! OrderHub core: the domain model, the ports, storage backends, the Amazon adapter and the sync engine.
//!
//! - [`domain`]: the types integrators program against.
//! - [`ports`]: the traits storage and fulfillment plug into.
//! - [`store`]: storage backends (memory always; SQLite and PostgreSQL behind features).
//! - `fulfillment` (feature `amazon`): the fulfillment port over Amazon Multi-Channel Fulfillment.
//! - [`crypto`]: encryption of personal data at rest.
//! - `adapter` (feature `amazon`): Amazon's Orders API answers to domain orders.
//! - `engine` (feature `amazon`): the sync engine (import, outbound, retention).
//! - [`policy`]: the questions the sync engine asks the pure crates (`orderhub-rules`, `orderhub-feeds`).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

#[cfg(feature = "amazon")]
pub mod adapter;
pub mod crypto;
pub mod domain;
#[cfg(feature = "amazon")]
pub mod engine;
#[cfg(feature = "amazon")]
pub mod fulfillment;
pub mod policy;
pub mod ports;
pub mod store;

pub use domain::*;
