//! Integration tests for orderhub-rules (one binary).

mod carriers;
mod common;
mod country;
mod filters;
mod mappings;
mod policy;
mod props;
mod redaction;
mod rules;
