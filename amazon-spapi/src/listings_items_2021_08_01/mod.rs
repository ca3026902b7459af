//! Listings Items API 2021-08-01: read, create, change and delete one seller's listings, and search them.
//!
//! - [`GetListingsItem`], [`PutListingsItem`], [`PatchListingsItem`], [`DeleteListingsItem`]: one SKU;
//! - [`SearchListingsItems`]: many, paginated by `pagination.nextToken` sent back as `pageToken`.
//!
//! Quantity and handling time are changed with a `PATCH` of `/attributes/fulfillment_availability`:
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::listings_items_2021_08_01::{PatchListingsItem, PatchOperation, PatchOperationOp};
//! let patch = PatchOperation {
//!     op: Some(PatchOperationOp::Replace),
//!     path: Some("/attributes/fulfillment_availability".into()),
//!     value: Some(vec![serde_json::json!({"fulfillment_channel_code": "DEFAULT", "quantity": 7})]),
//! };
//! let answer = PatchListingsItem::new(client)
//!     .seller_id("A3SELLER")
//!     .sku("SKU-1")
//!     .marketplace_ids(["ATVPDKIKX0DER"])
//!     .product_type("PRODUCT")
//!     .patches([patch])
//!     .send()
//!     .await?;
//! println!("{:?}", answer.status);
//! # Ok(()) }
//! ```

mod items;
pub mod models;
mod search;

pub use items::{
    DeleteListingsItem, GetListingsItem, PatchListingsItem, PutListingsItem, DELETE_LISTINGS_ITEM,
    GET_LISTINGS_ITEM, PATCH_LISTINGS_ITEM, PUT_LISTINGS_ITEM,
};
pub use models::{
    Issue, IssueSeverity, Item, ItemSearchResults, ListingsItemPatchRequest, ListingsItemPutRequest,
    ListingsItemPutRequestRequirements, ListingsItemSubmissionResponse, ListingsItemSubmissionResponseStatus,
    PatchOperation, PatchOperationOp,
};
pub use search::{SearchListingsItems, SEARCH_LISTINGS_ITEMS, SEARCH_LISTINGS_ITEMS_PAGES};

#[cfg(test)]
mod tests;
