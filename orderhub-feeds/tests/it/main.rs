//! Integration tests of orderhub-feeds (one binary).

mod cancellations;
mod listings;
mod props;
mod reports;
mod shipments;
mod support;
