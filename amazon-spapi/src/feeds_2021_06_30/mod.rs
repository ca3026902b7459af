//! Feeds API 2021-06-30: upload documents that change a seller's listings, inventory or orders in bulk.
//!
//! - [`GetFeeds`], [`CreateFeed`], [`GetFeed`], [`CancelFeed`]: the feed resource;
//! - [`CreateFeedDocument`], [`GetFeedDocument`]: the documents a feed reads and writes (presigned URLs);
//! - [`crate::documents::submit_feed`] does the whole upload (document, `PUT`, feed) in one call, and
//!   [`crate::documents::Documents`] downloads processing reports with bounded memory.
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::feeds_2021_06_30::CreateFeed;
//! let created = CreateFeed::new(client)
//!     .feed_type("JSON_LISTINGS_FEED")
//!     .marketplace_ids(["ATVPDKIKX0DER"])
//!     .input_feed_document_id("amzn1.tortuga.3.edbcd0d8-3434-8222-1234-52ad8ade1a01")
//!     .send()
//!     .await?;
//! println!("feed {:?}", created.feed_id);
//! # Ok(()) }
//! ```

mod documents;
mod feeds;
mod ids;
pub mod models;

pub use documents::{CreateFeedDocument, GetFeedDocument, CREATE_FEED_DOCUMENT, GET_FEED_DOCUMENT};
pub use feeds::{
    CancelFeed, CreateFeed, GetFeed, GetFeeds, CANCEL_FEED, CREATE_FEED, GET_FEED, GET_FEEDS, GET_FEEDS_PAGES,
};
pub use models::{
    CreateFeedDocumentResponse, CreateFeedResponse, Feed, FeedDocument, FeedDocumentCompressionAlgorithm,
    FeedProcessingStatus, GetFeedsResponse,
};

#[cfg(test)]
mod tests;
pub use ids::*;
