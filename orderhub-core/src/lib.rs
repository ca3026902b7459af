//! OrderHub core: the domain model, the ports, storage backends, the Amazon adapter and the sync engine.
//!
//! - [`domain`]: the types integrators program against.
//! - [`policy`]: the questions the sync engine asks the pure crates (`orderhub-rules`, `orderhub-feeds`).
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

pub mod domain;
pub mod policy;

pub use domain::*;
