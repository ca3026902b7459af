//! FBA Inventory API v1: stock levels of the seller's inventory in Amazon's fulfillment network.
//!
//! [`GetInventorySummaries`] lists inventory summaries of one marketplace, paginated by
//! `pagination.nextToken` ([`GetInventorySummaries::pages`] and [`GetInventorySummaries::summaries`]
//! follow it).
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::fba_inventory_v1::GetInventorySummaries;
//! use futures::TryStreamExt;
//! let all: Vec<_> = GetInventorySummaries::new(client)
//!     .marketplace_id("ATVPDKIKX0DER")
//!     .details(true)
//!     .summaries()
//!     .try_collect()
//!     .await?;
//! println!("{} SKUs", all.len());
//! # Ok(()) }
//! ```

mod inventory;
pub mod models;

pub use inventory::{GetInventorySummaries, GET_INVENTORY_SUMMARIES, GET_INVENTORY_SUMMARIES_PAGES};
pub use models::{
    GetInventorySummariesResponse, GetInventorySummariesResult, InventoryDetails, InventorySummary,
};

#[cfg(test)]
mod tests;
