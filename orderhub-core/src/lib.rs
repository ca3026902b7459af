//! OrderHub core: the domain model, the ports, storage backends, the Amazon adapter and the sync engine.
//!
//! - [`domain`]: the types integrators program against.
//! - [`ports`]: the traits storage and fulfillment plug into.
//! - [`store`]: storage backends (memory always; SQLite and PostgreSQL behind features).
//! - [`policy`]: the questions the sync engine asks the pure crates (`orderhub-rules`, `orderhub-feeds`).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

#[cfg(feature = "amazon")]
pub mod adapter;
pub mod crypto;
pub mod domain;
pub mod policy;
pub mod ports;
pub mod store;

pub use domain::*;
