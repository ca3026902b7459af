//! MWS Feeds 2009-01-01: `SubmitFeed`, `GetFeedSubmissionList`, `GetFeedSubmissionListByNextToken`,
//! `GetFeedSubmissionResult` (`POST /`).
//!
//! `SubmitFeed` sends the feed document as the request body, the parameters in the URL's query, and the
//! Base64 MD5 digest of the body both as the `ContentMD5Value` parameter and the `Content-MD5` header;
//! Amazon refuses a feed whose digest does not match. `GetFeedSubmissionResult` answers with the raw
//! processing report and its own `Content-MD5`, which is checked here.

use base64::Engine as _;
use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::stream::Stream;
use md5::{Digest, Md5};

use super::client::{FeedUpload, MwsClient, MwsResponse};
use super::error::MwsError;
use super::model::{mws_enum, ResponseMetadata};
use super::operation::{self, MwsOperation};
use super::orders::paginate;
use super::xml::{self, Element};

/// Content type of XML feeds.
pub const CONTENT_TYPE_XML: &str = "text/xml";
/// Content type of tab-separated flat-file feeds (MWS expected ISO-8859-1 unless told otherwise).
pub const CONTENT_TYPE_FLAT_FILE: &str = "text/tab-separated-values; charset=iso-8859-1";
/// Most ids or types one `GetFeedSubmissionList` filter may name.
pub const MAX_LIST_FILTER: usize = 100;

/// Well-known MWS feed types (any other string is accepted too).
pub mod feed_type {
    /// Order fulfillment (shipment confirmation) XML feed.
    pub const POST_ORDER_FULFILLMENT_DATA: &str = "_POST_ORDER_FULFILLMENT_DATA_";
    /// Order acknowledgement (and seller cancellation) XML feed.
    pub const POST_ORDER_ACKNOWLEDGEMENT_DATA: &str = "_POST_ORDER_ACKNOWLEDGEMENT_DATA_";
    /// Payment adjustment (refund) XML feed.
    pub const POST_PAYMENT_ADJUSTMENT_DATA: &str = "_POST_PAYMENT_ADJUSTMENT_DATA_";
    /// Inventory availability XML feed.
    pub const POST_INVENTORY_AVAILABILITY_DATA: &str = "_POST_INVENTORY_AVAILABILITY_DATA_";
    /// Product pricing XML feed.
    pub const POST_PRODUCT_PRICING_DATA: &str = "_POST_PRODUCT_PRICING_DATA_";
    /// Product XML feed.
    pub const POST_PRODUCT_DATA: &str = "_POST_PRODUCT_DATA_";
    /// Order fulfillment flat file.
    pub const POST_FLAT_FILE_FULFILLMENT_DATA: &str = "_POST_FLAT_FILE_FULFILLMENT_DATA_";
    /// Price and quantity flat file.
    pub const POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA: &str =
        "_POST_FLAT_FILE_PRICEANDQUANTITYONLY_UPDATE_DATA_";
}

mws_enum! {
    /// `FeedProcessingStatus` of a submission.
    pub enum FeedProcessingStatus {
        /// Received, not yet processed.
        Submitted = "_SUBMITTED_",
        /// Being processed.
        InProgress = "_IN_PROGRESS_",
        /// Processed; the result can be fetched.
        Done = "_DONE_",
        /// Canceled.
        Cancelled = "_CANCELLED_",
        /// Waiting for an asynchronous reply.
        AwaitingAsynchronousReply = "_AWAITING_ASYNCHRONOUS_REPLY_",
        /// Held in the safety net (a large price or quantity change awaits confirmation).
        InSafetyNet = "_IN_SAFETY_NET_",
        /// Unconfirmed.
        Unconfirmed = "_UNCONFIRMED_",
    }
}

impl FeedProcessingStatus {
    /// Whether the submission will not change any more (`_DONE_` or `_CANCELLED_`).
    pub fn is_final(&self) -> bool {
        matches!(self, FeedProcessingStatus::Done | FeedProcessingStatus::Cancelled)
    }
}

/// The Base64 MD5 digest of `body`, as `ContentMD5Value` and `Content-MD5` carry it.
pub fn content_md5(body: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Md5::digest(body))
}

/// One `FeedSubmissionInfo`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FeedSubmissionInfo {
    /// `FeedSubmissionId`. Empty only if Amazon left it out.
    pub feed_submission_id: String,
    /// `FeedType`.
    pub feed_type: Option<String>,
    /// `SubmittedDate`.
    pub submitted_date: Option<DateTime<Utc>>,
    /// `FeedProcessingStatus`.
    pub feed_processing_status: Option<FeedProcessingStatus>,
    /// `StartedProcessingDate`.
    pub started_processing_date: Option<DateTime<Utc>>,
    /// `CompletedProcessingDate`.
    pub completed_processing_date: Option<DateTime<Utc>>,
}

impl FeedSubmissionInfo {
    /// Reads one `<FeedSubmissionInfo>` element. Never fails.
    pub fn from_element(e: &Element) -> Self {
        FeedSubmissionInfo {
            feed_submission_id: e.text_of("FeedSubmissionId").unwrap_or_default(),
            feed_type: e.text_of("FeedType"),
            submitted_date: e.time_of("SubmittedDate"),
            feed_processing_status: e
                .text_of("FeedProcessingStatus")
                .map(|s| FeedProcessingStatus::parse(&s)),
            started_processing_date: e.time_of("StartedProcessingDate"),
            completed_processing_date: e.time_of("CompletedProcessingDate"),
        }
    }
}

/// The answer to `SubmitFeed`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct SubmitFeedResult {
    /// The new submission.
    pub feed_submission_info: FeedSubmissionInfo,
    /// `ResponseMetadata/RequestId`.
    pub request_id: Option<String>,
}

impl SubmitFeedResult {
    /// Reads a `SubmitFeedResponse` document.
    ///
    /// # Errors
    ///
    /// [`MwsError::Decode`] when the XML is malformed, is not a `SubmitFeedResponse`, or holds no
    /// `FeedSubmissionInfo` with a `FeedSubmissionId` (without the id the submission cannot be followed).
    pub fn from_xml(body: &[u8]) -> Result<Self, MwsError> {
        Self::decode(&operation::SUBMIT_FEED, body, None)
    }

    fn decode(op: &MwsOperation, body: &[u8], request_id: Option<&str>) -> Result<Self, MwsError> {
        let (root, result) = operation::result_element(op, body, request_id, &["SubmitFeed"])?;
        let info = result
            .child("FeedSubmissionInfo")
            .map(FeedSubmissionInfo::from_element)
            .unwrap_or_default();
        if info.feed_submission_id.is_empty() {
            return Err(MwsError::decode(
                op,
                request_id,
                "/SubmitFeedResponse/SubmitFeedResult/FeedSubmissionInfo/FeedSubmissionId",
                "missing: the submission cannot be followed; look it up with GetFeedSubmissionList",
            ));
        }
        Ok(SubmitFeedResult {
            feed_submission_info: info,
            request_id: ResponseMetadata::from_root(&root).request_id,
        })
    }
}

/// One page of `GetFeedSubmissionList` / `GetFeedSubmissionListByNextToken`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct FeedSubmissionListPage {
    /// The submissions on this page.
    pub feed_submission_info: Vec<FeedSubmissionInfo>,
    /// `NextToken`.
    pub next_token: Option<String>,
    /// `HasNext`.
    pub has_next: Option<bool>,
    /// `ResponseMetadata/RequestId`.
    pub request_id: Option<String>,
}

impl FeedSubmissionListPage {
    /// Reads a `GetFeedSubmissionListResponse` or `GetFeedSubmissionListByNextTokenResponse` document.
    ///
    /// # Errors
    ///
    /// [`MwsError::Decode`] when the XML is malformed or is not one of those two answers.
    pub fn from_xml(body: &[u8]) -> Result<Self, MwsError> {
        Self::decode(&operation::GET_FEED_SUBMISSION_LIST, body, None)
    }

    fn decode(op: &MwsOperation, body: &[u8], request_id: Option<&str>) -> Result<Self, MwsError> {
        let (root, result) = operation::result_element(
            op,
            body,
            request_id,
            &["GetFeedSubmissionList", "GetFeedSubmissionListByNextToken"],
        )?;
        Ok(FeedSubmissionListPage {
            feed_submission_info: result
                .children_named("FeedSubmissionInfo")
                .map(FeedSubmissionInfo::from_element)
                .collect(),
            next_token: result.text_of("NextToken"),
            has_next: result.bool_of("HasNext"),
            request_id: ResponseMetadata::from_root(&root).request_id,
        })
    }

    /// The token to follow: `NextToken` unless `HasNext` is false.
    pub fn follow_token(&self) -> Option<String> {
        if self.has_next == Some(false) {
            None
        } else {
            self.next_token.clone()
        }
    }
}

mws_enum! {
    /// `ResultCode` of one processing-report result.
    pub enum ResultCode {
        /// The message failed.
        Error = "Error",
        /// The message was processed with a warning.
        Warning = "Warning",
    }
}

/// `ProcessingSummary` of a processing report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProcessingSummary {
    /// `MessagesProcessed`.
    pub messages_processed: Option<u64>,
    /// `MessagesSuccessful`.
    pub messages_successful: Option<u64>,
    /// `MessagesWithError`.
    pub messages_with_error: Option<u64>,
    /// `MessagesWithWarning`.
    pub messages_with_warning: Option<u64>,
}

/// One `Result` of a processing report: what went wrong with one message of the feed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ProcessingResult {
    /// `MessageID`: the feed message this result is about.
    pub message_id: Option<u64>,
    /// `ResultCode`.
    pub result_code: Option<ResultCode>,
    /// `ResultMessageCode`, for example `25`.
    pub result_message_code: Option<String>,
    /// `ResultDescription`.
    pub result_description: Option<String>,
    /// `AdditionalInfo/SKU`.
    pub sku: Option<String>,
    /// `AdditionalInfo/AmazonOrderID`.
    pub amazon_order_id: Option<String>,
    /// `AdditionalInfo/AmazonOrderItemCode`.
    pub amazon_order_item_code: Option<String>,
}

/// An XML processing report (`AmazonEnvelope/Message/ProcessingReport`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct ProcessingReport {
    /// `DocumentTransactionID`: the feed submission id.
    pub document_transaction_id: Option<String>,
    /// `StatusCode`, usually `Complete`.
    pub status_code: Option<String>,
    /// `ProcessingSummary`.
    pub summary: ProcessingSummary,
    /// Every `Result` (errors and warnings only; successful messages are not listed).
    pub results: Vec<ProcessingResult>,
}

impl ProcessingReport {
    /// Reads an XML processing report. Returns `None` when `body` is not one (flat-file feeds get a
    /// tab-separated report, which stays in [`FeedSubmissionResult::body`]).
    pub fn from_xml(body: &[u8]) -> Option<Self> {
        let root = xml::parse(body).ok()?;
        let report = if root.name == "ProcessingReport" {
            &root
        } else {
            root.children_named("Message")
                .find_map(|m| m.child("ProcessingReport"))?
        };
        let summary = report.child("ProcessingSummary");
        Some(ProcessingReport {
            document_transaction_id: report.text_of("DocumentTransactionID"),
            status_code: report.text_of("StatusCode"),
            summary: ProcessingSummary {
                messages_processed: summary.and_then(|s| s.parse_of("MessagesProcessed")),
                messages_successful: summary.and_then(|s| s.parse_of("MessagesSuccessful")),
                messages_with_error: summary.and_then(|s| s.parse_of("MessagesWithError")),
                messages_with_warning: summary.and_then(|s| s.parse_of("MessagesWithWarning")),
            },
            results: report
                .children_named("Result")
                .map(|r| {
                    let info = r.child("AdditionalInfo");
                    ProcessingResult {
                        message_id: r.parse_of("MessageID"),
                        result_code: r.text_of("ResultCode").map(|s| ResultCode::parse(&s)),
                        result_message_code: r.text_of("ResultMessageCode"),
                        result_description: r.text_of("ResultDescription"),
                        sku: info.and_then(|i| i.text_of("SKU")),
                        amazon_order_id: info.and_then(|i| i.text_of("AmazonOrderID")),
                        amazon_order_item_code: info.and_then(|i| i.text_of("AmazonOrderItemCode")),
                    }
                })
                .collect(),
        })
    }
}

/// The answer to `GetFeedSubmissionResult`.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FeedSubmissionResult {
    /// The report exactly as Amazon sent it.
    pub body: Bytes,
    /// The report decoded, when it is an XML processing report.
    pub report: Option<ProcessingReport>,
    /// Whether the answer carried a `Content-MD5` header (it matched, or the call would have failed).
    pub content_md5_checked: bool,
    /// `x-mws-request-id`.
    pub request_id: Option<String>,
}

impl std::fmt::Debug for FeedSubmissionResult {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FeedSubmissionResult")
            .field("body_len", &self.body.len())
            .field("report", &self.report)
            .field("content_md5_checked", &self.content_md5_checked)
            .field("request_id", &self.request_id)
            .finish()
    }
}

fn mws_time(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Builder for `SubmitFeed`. Create it with [`MwsClient::submit_feed`].
#[derive(Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SubmitFeed {
    client: MwsClient,
    feed_type: String,
    body: Bytes,
    content_type: String,
    marketplace_ids: Vec<String>,
    purge_and_replace: Option<bool>,
    feed_options: Option<String>,
}

impl std::fmt::Debug for SubmitFeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The feed may hold buyers' data (order feeds): only its size.
        f.debug_struct("SubmitFeed")
            .field("feed_type", &self.feed_type)
            .field("body_len", &self.body.len())
            .field("content_type", &self.content_type)
            .field("marketplace_ids", &self.marketplace_ids)
            .field("purge_and_replace", &self.purge_and_replace)
            .finish_non_exhaustive()
    }
}

impl SubmitFeed {
    pub(crate) fn new(client: MwsClient, feed_type: String, body: Bytes) -> Self {
        SubmitFeed {
            client,
            feed_type,
            body,
            content_type: CONTENT_TYPE_XML.to_owned(),
            marketplace_ids: Vec::new(),
            purge_and_replace: None,
            feed_options: None,
        }
    }

    /// The feed's content type (default [`CONTENT_TYPE_XML`]; flat files: [`CONTENT_TYPE_FLAT_FILE`]).
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = content_type.into();
        self
    }

    /// Adds a marketplace the feed applies to (`MarketplaceIdList.Id.N`); none means all the seller's
    /// marketplaces in the region.
    pub fn marketplace_id(mut self, id: impl Into<String>) -> Self {
        self.marketplace_ids.push(id.into());
        self
    }

    /// `PurgeAndReplace`: replace the seller's whole catalogue with this feed. Amazon allows it once in
    /// 24 hours; leave it unset unless that is really meant.
    pub fn purge_and_replace(mut self, purge: bool) -> Self {
        self.purge_and_replace = Some(purge);
        self
    }

    /// `FeedOptions`, for example `metadata:AccountingPeriod=...` for VAT invoice feeds.
    pub fn feed_options(mut self, options: impl Into<String>) -> Self {
        self.feed_options = Some(options.into());
        self
    }

    fn prepare(&self) -> Result<(Vec<(String, String)>, FeedUpload), MwsError> {
        if self.feed_type.trim().is_empty() {
            return Err(MwsError::invalid_input(
                "FeedType",
                "name the feed type, for example _POST_ORDER_FULFILLMENT_DATA_",
            ));
        }
        if self.body.is_empty() {
            return Err(MwsError::invalid_input("FeedContent", "the feed is empty"));
        }
        if self.content_type.trim().is_empty() || !self.content_type.is_ascii() {
            return Err(MwsError::invalid_input(
                "content_type",
                "use an ASCII media type such as text/xml",
            ));
        }
        if self.marketplace_ids.iter().any(|m| m.trim().is_empty()) {
            return Err(MwsError::invalid_input(
                "MarketplaceIdList",
                "a marketplace id is empty",
            ));
        }
        let md5 = content_md5(&self.body);
        let mut p = vec![("FeedType".to_owned(), self.feed_type.clone())];
        for (i, m) in self.marketplace_ids.iter().enumerate() {
            p.push((format!("MarketplaceIdList.Id.{}", i + 1), m.clone()));
        }
        if let Some(purge) = self.purge_and_replace {
            p.push(("PurgeAndReplace".to_owned(), purge.to_string()));
        }
        if let Some(o) = &self.feed_options {
            p.push(("FeedOptions".to_owned(), o.clone()));
        }
        p.push(("ContentMD5Value".to_owned(), md5.clone()));
        Ok((
            p,
            FeedUpload {
                body: self.body.clone(),
                content_type: self.content_type.clone(),
                content_md5: md5,
            },
        ))
    }

    /// Uploads the feed.
    ///
    /// Throttled submissions are retried (Amazon refused them, so nothing is submitted twice); server
    /// errors and broken connections are not, because Amazon may have accepted the feed: look for it with
    /// [`MwsClient::get_feed_submission_list`] before submitting again.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] for an empty feed type or body; [`MwsError::Api`] for an MWS error
    /// answer (`ContentMD5DoesNotMatch`, `FeedTypeNotAllowed`, throttling...); [`MwsError::Decode`] when
    /// the answer holds no submission id; [`MwsError::Client`] for transport, timeout and rate-limit
    /// failures.
    pub async fn send(self) -> Result<SubmitFeedResult, MwsError> {
        let resp = self.send_raw().await?;
        SubmitFeedResult::decode(&operation::SUBMIT_FEED, &resp.body, resp.request_id.as_deref())
    }

    /// Sends the request and returns the answer undecoded (the raw XML), for callers that store or
    /// compare answers.
    ///
    /// # Errors
    ///
    /// As [`Self::send`], except decoding.
    pub async fn send_raw(self) -> Result<MwsResponse, MwsError> {
        let (params, upload) = self.prepare()?;
        self.client
            .execute(&operation::SUBMIT_FEED, params, Some(upload))
            .await
    }
}

/// Builder for `GetFeedSubmissionList`. Create it with [`MwsClient::get_feed_submission_list`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetFeedSubmissionList {
    client: MwsClient,
    ids: Vec<String>,
    max_count: Option<u32>,
    feed_types: Vec<String>,
    statuses: Vec<FeedProcessingStatus>,
    submitted_from: Option<DateTime<Utc>>,
    submitted_to: Option<DateTime<Utc>>,
}

impl GetFeedSubmissionList {
    pub(crate) fn new(client: MwsClient) -> Self {
        GetFeedSubmissionList {
            client,
            ids: Vec::new(),
            max_count: None,
            feed_types: Vec::new(),
            statuses: Vec::new(),
            submitted_from: None,
            submitted_to: None,
        }
    }

    /// Only this submission (`FeedSubmissionIdList.Id.N`). Amazon ignores every other filter when ids
    /// are given, so combining them is refused.
    pub fn feed_submission_id(mut self, id: impl Into<String>) -> Self {
        self.ids.push(id.into());
        self
    }

    /// Page size, 1 to 100 (Amazon's default 10).
    pub fn max_count(mut self, n: u32) -> Self {
        self.max_count = Some(n);
        self
    }

    /// Only feeds of this type (`FeedTypeList.Type.N`).
    pub fn feed_type(mut self, feed_type: impl Into<String>) -> Self {
        self.feed_types.push(feed_type.into());
        self
    }

    /// Only submissions in this status (`FeedProcessingStatusList.Status.N`).
    pub fn feed_processing_status(mut self, status: FeedProcessingStatus) -> Self {
        self.statuses.push(status);
        self
    }

    /// Only submissions made at or after `t` (`SubmittedFromDate`).
    pub fn submitted_from(mut self, t: DateTime<Utc>) -> Self {
        self.submitted_from = Some(t);
        self
    }

    /// Only submissions made before `t` (`SubmittedToDate`).
    pub fn submitted_to(mut self, t: DateTime<Utc>) -> Self {
        self.submitted_to = Some(t);
        self
    }

    fn params(&self) -> Result<Vec<(String, String)>, MwsError> {
        let invalid = MwsError::invalid_input;
        let filters = !self.feed_types.is_empty()
            || !self.statuses.is_empty()
            || self.submitted_from.is_some()
            || self.submitted_to.is_some()
            || self.max_count.is_some();
        if !self.ids.is_empty() && filters {
            return Err(invalid(
                "FeedSubmissionIdList",
                "Amazon ignores every other filter when submission ids are given; use one or the other",
            ));
        }
        if self.ids.len() > MAX_LIST_FILTER || self.feed_types.len() > MAX_LIST_FILTER {
            return Err(invalid(
                "FeedSubmissionIdList",
                "at most 100 ids or feed types per request",
            ));
        }
        if self.ids.iter().any(|i| i.trim().is_empty()) {
            return Err(invalid("FeedSubmissionIdList", "a submission id is empty"));
        }
        if let Some(n) = self.max_count {
            if n == 0 || n > 100 {
                return Err(invalid("MaxCount", "must be between 1 and 100"));
            }
        }
        if let (Some(a), Some(b)) = (self.submitted_from, self.submitted_to) {
            if b <= a {
                return Err(invalid("SubmittedToDate", "must be later than SubmittedFromDate"));
            }
        }
        let mut p = Vec::new();
        for (i, id) in self.ids.iter().enumerate() {
            p.push((format!("FeedSubmissionIdList.Id.{}", i + 1), id.clone()));
        }
        if let Some(n) = self.max_count {
            p.push(("MaxCount".to_owned(), n.to_string()));
        }
        for (i, t) in self.feed_types.iter().enumerate() {
            p.push((format!("FeedTypeList.Type.{}", i + 1), t.clone()));
        }
        for (i, s) in self.statuses.iter().enumerate() {
            p.push((
                format!("FeedProcessingStatusList.Status.{}", i + 1),
                s.as_str().to_owned(),
            ));
        }
        if let Some(t) = self.submitted_from {
            p.push(("SubmittedFromDate".to_owned(), mws_time(t)));
        }
        if let Some(t) = self.submitted_to {
            p.push(("SubmittedToDate".to_owned(), mws_time(t)));
        }
        Ok(p)
    }

    /// Sends the request and returns the first page.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] for a combination Amazon would ignore or reject; otherwise as
    /// [`SubmitFeed::send`].
    pub async fn send(self) -> Result<FeedSubmissionListPage, MwsError> {
        let resp = self.send_raw().await?;
        FeedSubmissionListPage::decode(
            &operation::GET_FEED_SUBMISSION_LIST,
            &resp.body,
            resp.request_id.as_deref(),
        )
    }

    /// Sends the request and returns the answer undecoded (the raw XML), for callers that store or
    /// compare answers.
    ///
    /// # Errors
    ///
    /// As [`Self::send`], except decoding.
    pub async fn send_raw(self) -> Result<MwsResponse, MwsError> {
        let params = self.params()?;
        self.client
            .execute(&operation::GET_FEED_SUBMISSION_LIST, params, None)
            .await
    }

    /// Every page: `GetFeedSubmissionList`, then `GetFeedSubmissionListByNextToken` while `HasNext`.
    pub fn pages(self) -> impl Stream<Item = Result<FeedSubmissionListPage, MwsError>> + Send {
        let client = self.client.clone();
        paginate(
            Box::pin(self.send()),
            move |token| Box::pin(client.get_feed_submission_list_by_next_token(token).send()),
            FeedSubmissionListPage::follow_token,
            "GetFeedSubmissionListByNextToken",
        )
    }
}

/// Builder for `GetFeedSubmissionListByNextToken`.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetFeedSubmissionListByNextToken {
    client: MwsClient,
    next_token: String,
}

impl GetFeedSubmissionListByNextToken {
    pub(crate) fn new(client: MwsClient, next_token: String) -> Self {
        Self { client, next_token }
    }

    /// Sends the request.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] for an empty token; otherwise as [`SubmitFeed::send`].
    pub async fn send(self) -> Result<FeedSubmissionListPage, MwsError> {
        let resp = self.send_raw().await?;
        let op = &operation::GET_FEED_SUBMISSION_LIST_BY_NEXT_TOKEN;
        FeedSubmissionListPage::decode(op, &resp.body, resp.request_id.as_deref())
    }

    /// Sends the request and returns the answer undecoded (the raw XML), for callers that store or
    /// compare answers.
    ///
    /// # Errors
    ///
    /// As [`Self::send`], except decoding.
    pub async fn send_raw(self) -> Result<MwsResponse, MwsError> {
        let params = super::orders::token_param(self.next_token)?;
        self.client
            .execute(&operation::GET_FEED_SUBMISSION_LIST_BY_NEXT_TOKEN, params, None)
            .await
    }
}

/// Builder for `GetFeedSubmissionResult`. Create it with [`MwsClient::get_feed_submission_result`].
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetFeedSubmissionResult {
    client: MwsClient,
    feed_submission_id: String,
}

impl GetFeedSubmissionResult {
    pub(crate) fn new(client: MwsClient, feed_submission_id: String) -> Self {
        Self {
            client,
            feed_submission_id,
        }
    }

    /// Fetches the processing report and checks its `Content-MD5`.
    ///
    /// # Errors
    ///
    /// [`MwsError::InvalidInput`] for an empty id; [`MwsError::ContentMd5Mismatch`] when the report does
    /// not match its digest; [`MwsError::Api`] with `FeedProcessingResultNotReady` while the feed is still
    /// processing; otherwise as [`SubmitFeed::send`].
    pub async fn send(self) -> Result<FeedSubmissionResult, MwsError> {
        if self.feed_submission_id.trim().is_empty() {
            return Err(MwsError::invalid_input(
                "FeedSubmissionId",
                "the submission id is empty",
            ));
        }
        let op = &operation::GET_FEED_SUBMISSION_RESULT;
        let params = vec![("FeedSubmissionId".to_owned(), self.feed_submission_id)];
        let resp = self.client.execute(op, params, None).await?;
        Self::check(op, resp)
    }

    fn check(op: &MwsOperation, resp: MwsResponse) -> Result<FeedSubmissionResult, MwsError> {
        let header = resp
            .headers
            .get("content-md5")
            .and_then(|v| v.to_str().ok())
            .map(str::trim);
        let content_md5_checked = match header {
            Some(expected) => {
                if expected != content_md5(&resp.body) {
                    return Err(MwsError::ContentMd5Mismatch {
                        operation: op.key(),
                        request_id: resp.request_id,
                    });
                }
                true
            }
            None => false,
        };
        Ok(FeedSubmissionResult {
            report: ProcessingReport::from_xml(&resp.body),
            body: resp.body,
            content_md5_checked,
            request_id: resp.request_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_of_known_bodies() {
        // RFC 1321 test suite: MD5("") and MD5("abc").
        assert_eq!(content_md5(b""), "1B2M2Y8AsgTpgAmY7PhCfg==");
        assert_eq!(content_md5(b"abc"), "kAFQmDzST7DWlj99KOF/cg==");
    }

    #[test]
    fn statuses() {
        assert!(FeedProcessingStatus::parse("_DONE_").is_final());
        assert!(!FeedProcessingStatus::parse("_IN_PROGRESS_").is_final());
        assert_eq!(
            FeedProcessingStatus::parse("_NEW_STATE_"),
            FeedProcessingStatus::Unknown("_NEW_STATE_".into())
        );
    }
}
