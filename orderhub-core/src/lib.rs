//! OrderHub core: the domain model, the ports, storage backends, the Amazon adapter and the sync engine.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]
