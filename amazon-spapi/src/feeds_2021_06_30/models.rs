//! Feeds 2021-06-30: every definition of Amazon's model, as lenient serde types.
//!
//! Generated from Amazon's `models/feeds-api-model/feeds_2021-06-30.json` by `gen_models.py` (see the
//! issue note); the output is committed and meant to be read. Every field is an `Option` because
//! Amazon leaves out fields its own model calls required; booleans, integers, decimals and strings
//! also decode from the other JSON spelling; enums keep unknown values. Fields holding personal
//! data (and presigned URLs) are redacted from `Debug`.

use super::ids::{FeedDocumentId, FeedId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::lenient_enum! {
    /// If the feed document contents have been compressed, the compression algorithm used is returned
    /// in this property and you must decompress the feed when you download. Otherwise, you can download
    /// the feed directly. Refer to Step 7. Download the feed processing report in the use case guide,
    /// where sample code is provided.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FeedDocumentCompressionAlgorithm {
        /// `GZIP`
        Gzip = "GZIP",
    }
}

crate::lenient_enum! {
    /// The processing status of the feed.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum FeedProcessingStatus {
        /// `CANCELLED`
        Cancelled = "CANCELLED",
        /// `DONE`
        Done = "DONE",
        /// `FATAL`
        Fatal = "FATAL",
        /// `IN_PROGRESS`
        InProgress = "IN_PROGRESS",
        /// `IN_QUEUE`
        InQueue = "IN_QUEUE",
    }
}

/// An error response returned when the request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Error {
    /// An error code that identifies the type of error that occurred.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub code: Option<String>,
    /// A message that describes the error condition.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub message: Option<String>,
    /// Additional details that can help the caller understand or fix the issue.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub details: Option<String>,
}

/// A list of error responses returned when a request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ErrorList {
    /// An error response returned when the request is unsuccessful.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateFeedResponse {
    /// The identifier for the feed. This identifier is unique only in combination with a seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "feedId", default, skip_serializing_if = "Option::is_none")]
    pub feed_id: Option<FeedId>,
}

/// Detailed information about the feed.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Feed {
    /// The identifier for the feed. This identifier is unique only in combination with a seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "feedId", default, skip_serializing_if = "Option::is_none")]
    pub feed_id: Option<FeedId>,
    /// The feed type.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "feedType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub feed_type: Option<String>,
    /// A list of identifiers for the marketplaces that the feed is applied to.
    #[serde(rename = "marketplaceIds", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_ids: Option<Vec<String>>,
    /// The date and time when the feed was created, in ISO 8601 date time format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "createdTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub created_time: Option<DateTime<Utc>>,
    /// The processing status of the feed.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "processingStatus", default, skip_serializing_if = "Option::is_none")]
    pub processing_status: Option<FeedProcessingStatus>,
    /// The date and time when feed processing started, in ISO 8601 date time format.
    #[serde(
        rename = "processingStartTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub processing_start_time: Option<DateTime<Utc>>,
    /// The date and time when feed processing completed, in ISO 8601 date time format.
    #[serde(
        rename = "processingEndTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub processing_end_time: Option<DateTime<Utc>>,
    /// The identifier for the feed document. This identifier is unique only in combination with a
    /// seller ID.
    #[serde(
        rename = "resultFeedDocumentId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub result_feed_document_id: Option<FeedDocumentId>,
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetFeedsResponse {
    /// The feeds.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeds: Option<Vec<Feed>>,
    /// Returned when the number of results exceeds pageSize. To get the next page of results, call the
    /// getFeeds operation with this token as the only parameter.
    #[serde(
        rename = "nextToken",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub next_token: Option<String>,
}

/// Information required for the feed document.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FeedDocument {
    /// The identifier for the feed document. This identifier is unique only in combination with a
    /// seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "feedDocumentId", default, skip_serializing_if = "Option::is_none")]
    pub feed_document_id: Option<FeedDocumentId>,
    /// A presigned URL for the feed document. If `compressionAlgorithm` is not returned, you can
    /// download the feed directly from this URL. This URL expires after 5 minutes.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub url: Option<String>,
    /// If the feed document contents have been compressed, the compression algorithm used is returned
    /// in this property and you must decompress the feed when you download. Otherwise, you can download
    /// the feed directly. Refer to Step 7. Download the feed processing report in the use case guide,
    /// where sample code is provided.
    #[serde(
        rename = "compressionAlgorithm",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compression_algorithm: Option<FeedDocumentCompressionAlgorithm>,
}

impl std::fmt::Debug for FeedDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("FeedDocument")
            .field("feed_document_id", &self.feed_document_id)
            .field("url", &self.url.as_ref().map(|_| "<redacted>"))
            .field("compression_algorithm", &self.compression_algorithm)
            .finish()
    }
}

/// Information required to create the feed.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateFeedSpecification {
    /// The feed type.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "feedType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub feed_type: Option<String>,
    /// A list of identifiers for marketplaces that you want the feed to be applied to.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "marketplaceIds", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_ids: Option<Vec<String>>,
    /// The document identifier returned by the createFeedDocument operation. Upload the feed document
    /// contents before calling the createFeed operation.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "inputFeedDocumentId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub input_feed_document_id: Option<FeedDocumentId>,
    /// Additional options to control the feed. These vary by feed type.
    #[serde(rename = "feedOptions", default, skip_serializing_if = "Option::is_none")]
    pub feed_options: Option<BTreeMap<String, String>>,
}

impl CreateFeedSpecification {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.feed_type.is_none() {
            out.push(format!("{prefix}feedType"));
        }
        if self.marketplace_ids.is_none() {
            out.push(format!("{prefix}marketplaceIds"));
        }
        if self.input_feed_document_id.is_none() {
            out.push(format!("{prefix}inputFeedDocumentId"));
        }
    }
}

/// Specifies the content type for the createFeedDocument operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateFeedDocumentSpecification {
    /// The content type of the feed.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "contentType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub content_type: Option<String>,
}

impl CreateFeedDocumentSpecification {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.content_type.is_none() {
            out.push(format!("{prefix}contentType"));
        }
    }
}

/// Information required to upload a feed document's contents.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateFeedDocumentResponse {
    /// The identifier of the feed document.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "feedDocumentId", default, skip_serializing_if = "Option::is_none")]
    pub feed_document_id: Option<FeedDocumentId>,
    /// The presigned URL for uploading the feed contents. This URL expires after 5 minutes.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub url: Option<String>,
}

impl std::fmt::Debug for CreateFeedDocumentResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("CreateFeedDocumentResponse")
            .field("feed_document_id", &self.feed_document_id)
            .field("url", &self.url.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// Serializers for request bodies: Amazon's `number` fields as JSON numbers (not the string form
/// `rust_decimal` uses by default) and timestamps in the millisecond ISO 8601 form of Amazon's examples.
mod wire {

    pub(super) fn opt_datetime_millis<S: serde::Serializer>(
        v: &Option<chrono::DateTime<chrono::Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        }
    }
}
