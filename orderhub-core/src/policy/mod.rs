//! Policy traits: the questions the sync engine asks, answered by `orderhub-rules` (import, redaction) and
//! `orderhub-feeds` (outbound planning). The engine defines the question; the pure crates answer it.

pub mod import;
pub mod outbound;
pub mod redaction;
