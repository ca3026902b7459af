//! `getFeeds`, `createFeed`, `getFeed`, `cancelFeed`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use http::Method;

use super::ids::{FeedDocumentId, FeedId};
use super::models::{
    CreateFeedResponse, CreateFeedSpecification, Feed, FeedProcessingStatus, GetFeedsResponse,
};
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, ApiResponse, Operation, Restriction, UsagePlan};
use crate::pagination::{self, FollowUp, Page, PageSpec};

/// `GET /feeds/2021-06-30/feeds`: feeds submitted in the last 90 days.
pub static GET_FEEDS: Operation = Operation {
    api: "feeds",
    version: "2021-06-30",
    name: "getFeeds",
    method: Method::GET,
    path: "/feeds/2021-06-30/feeds",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `POST /feeds/2021-06-30/feeds`: creates a feed from an uploaded document.
pub static CREATE_FEED: Operation = Operation {
    api: "feeds",
    version: "2021-06-30",
    name: "createFeed",
    method: Method::POST,
    path: "/feeds/2021-06-30/feeds",
    usage_plan: UsagePlan::new(0.0083, 15),
    restriction: Restriction::None,
    idempotent: false,
};

/// `GET /feeds/2021-06-30/feeds/{feedId}`: one feed and its processing status.
pub static GET_FEED: Operation = Operation {
    api: "feeds",
    version: "2021-06-30",
    name: "getFeed",
    method: Method::GET,
    path: "/feeds/2021-06-30/feeds/{feedId}",
    usage_plan: UsagePlan::new(2.0, 15),
    restriction: Restriction::None,
    idempotent: true,
};

/// `DELETE /feeds/2021-06-30/feeds/{feedId}`: cancels a feed that is still `IN_QUEUE`.
pub static CANCEL_FEED: Operation = Operation {
    api: "feeds",
    version: "2021-06-30",
    name: "cancelFeed",
    method: Method::DELETE,
    path: "/feeds/2021-06-30/feeds/{feedId}",
    usage_plan: UsagePlan::new(2.0, 15),
    restriction: Restriction::None,
    idempotent: true,
};

/// How `getFeeds` paginates: `nextToken` in the answer, sent back alone (Amazon rejects a follow-up
/// that repeats the filters).
pub static GET_FEEDS_PAGES: PageSpec = PageSpec {
    response_path: "nextToken",
    request_param: "nextToken",
    follow_up: FollowUp::TokenOnly,
};

impl Page for GetFeedsResponse {
    type Item = Feed;

    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn into_items(self) -> Vec<Feed> {
        self.feeds.unwrap_or_default()
    }
}

/// `getFeeds`: lists feeds by type, marketplace, status and creation time.
///
/// Amazon requires either `feed_types` or a `next_token`; [`GetFeeds::pages`] follows the tokens.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFeeds {
    client: SpApiClient,
    feed_types: Vec<String>,
    marketplace_ids: Vec<String>,
    page_size: Option<u32>,
    processing_statuses: Vec<FeedProcessingStatus>,
    created_since: Option<DateTime<Utc>>,
    created_until: Option<DateTime<Utc>>,
    next_token: Option<String>,
}

impl GetFeeds {
    /// A request with no filters yet.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            feed_types: Vec::new(),
            marketplace_ids: Vec::new(),
            page_size: None,
            processing_statuses: Vec::new(),
            created_since: None,
            created_until: None,
            next_token: None,
        }
    }

    /// Feed types to list (1 to 10), for example `JSON_LISTINGS_FEED`.
    pub fn feed_types<I: IntoIterator<Item = S>, S: Into<String>>(mut self, types: I) -> Self {
        self.feed_types = types.into_iter().map(Into::into).collect();
        self
    }

    /// Marketplaces (1 to 10); Amazon defaults to every marketplace of the seller.
    pub fn marketplace_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.marketplace_ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Feeds per page, 1 to 100 (Amazon's default is 10).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Processing statuses to list.
    pub fn processing_statuses<I: IntoIterator<Item = FeedProcessingStatus>>(mut self, statuses: I) -> Self {
        self.processing_statuses = statuses.into_iter().collect();
        self
    }

    /// Only feeds created at or after this time (Amazon's default: 90 days ago).
    pub fn created_since(mut self, t: DateTime<Utc>) -> Self {
        self.created_since = Some(t);
        self
    }

    /// Only feeds created before this time (Amazon's default: now).
    pub fn created_until(mut self, t: DateTime<Utc>) -> Self {
        self.created_until = Some(t);
        self
    }

    /// Resumes a listing from a saved token; the filters are then not sent (Amazon rejects them).
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when neither feed types nor a token are given, or a limit is exceeded.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut req = ApiRequest::new(GET_FEEDS.path);
        if let Some(token) = &self.next_token {
            build::required(&self.next_token, "nextToken", "GetFeeds::next_token")?;
            return Ok(req.query("nextToken", token.as_str()));
        }
        build::count(&self.feed_types, "feedTypes", 1, 10)?;
        req = req.query("feedTypes", build::csv(&self.feed_types));
        if !self.marketplace_ids.is_empty() {
            build::count(&self.marketplace_ids, "marketplaceIds", 1, 10)?;
            req = req.query("marketplaceIds", build::csv(&self.marketplace_ids));
        }
        build::range(self.page_size, "pageSize", 1, 100)?;
        if let Some(n) = self.page_size {
            req = req.query("pageSize", n.to_string());
        }
        if !self.processing_statuses.is_empty() {
            let s: Vec<&str> = self
                .processing_statuses
                .iter()
                .map(FeedProcessingStatus::as_str)
                .collect();
            req = req.query("processingStatuses", build::csv(&s));
        }
        if let (Some(a), Some(b)) = (self.created_since, self.created_until) {
            if a >= b {
                return Err(Error::invalid_input(
                    "createdSince",
                    "must be before createdUntil",
                ));
            }
        }
        if let Some(t) = &self.created_since {
            req = req.query("createdSince", build::time(t));
        }
        if let Some(t) = &self.created_until {
            req = req.query("createdUntil", build::time(t));
        }
        Ok(req)
    }

    /// Sends the request: one page.
    ///
    /// # Errors
    /// Validation errors (see [`GetFeeds::request`]) and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetFeedsResponse>, Error> {
        let req = self.request()?;
        decode_response(&GET_FEEDS, self.client.send(&GET_FEEDS, req).await?)
    }

    /// Every page, following `nextToken` until Amazon sends none; ends with an error if a token repeats.
    pub fn pages(self) -> BoxStream<'static, Result<GetFeedsResponse, Error>> {
        let first = match self.request() {
            Ok(r) => r,
            Err(e) => return Box::pin(futures::stream::once(async move { Err(e) })),
        };
        let client = self.client;
        pagination::pages(&GET_FEEDS, &GET_FEEDS_PAGES, first, move |req| {
            let client = client.clone();
            async move { crate::de::decode(&GET_FEEDS, &client.send(&GET_FEEDS, req).await?) }
        })
    }

    /// Every feed of every page.
    pub fn feeds(self) -> BoxStream<'static, Result<Feed, Error>> {
        pagination::items(self.pages())
    }
}

/// `createFeed`: asks Amazon to process an uploaded feed document.
///
/// Upload the document first ([`super::CreateFeedDocument`] and a `PUT`), or let
/// [`crate::documents::submit_feed`] do all three steps.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CreateFeed {
    client: SpApiClient,
    body: CreateFeedSpecification,
}

impl CreateFeed {
    /// An empty request; feed type, marketplaces and document id are required.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: CreateFeedSpecification::default(),
        }
    }

    /// The feed type, for example `JSON_LISTINGS_FEED` or `POST_ORDER_FULFILLMENT_DATA`.
    pub fn feed_type(mut self, feed_type: impl Into<String>) -> Self {
        self.body.feed_type = Some(feed_type.into());
        self
    }

    /// The marketplaces the feed applies to.
    pub fn marketplace_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.body.marketplace_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// The `feedDocumentId` returned by `createFeedDocument`, whose contents were uploaded.
    pub fn input_feed_document_id(mut self, id: impl Into<FeedDocumentId>) -> Self {
        self.body.input_feed_document_id = Some(id.into());
        self
    }

    /// One feed option (they vary by feed type).
    pub fn feed_option(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.body
            .feed_options
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), value.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when a required field is absent or empty.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        build::required(&self.body.feed_type, "feedType", "CreateFeed::feed_type")?;
        build::required(
            &self.body.input_feed_document_id,
            "inputFeedDocumentId",
            "CreateFeed::input_feed_document_id",
        )?;
        build::count(
            self.body.marketplace_ids.as_deref().unwrap_or_default(),
            "marketplaceIds",
            1,
            usize::MAX,
        )?;
        Ok(ApiRequest::new(CREATE_FEED.path).json_body(build::json("body", &self.body)?))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors (see [`CreateFeed::request`]) and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CreateFeedResponse>, Error> {
        let req = self.request()?;
        decode_response(&CREATE_FEED, self.client.send(&CREATE_FEED, req).await?)
    }
}

/// `getFeed`: one feed, with its processing status and result document id.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFeed {
    client: SpApiClient,
    feed_id: Option<FeedId>,
}

impl GetFeed {
    /// A request for a feed id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            feed_id: None,
        }
    }

    /// The feed id returned by `createFeed`.
    pub fn feed_id(mut self, id: impl Into<FeedId>) -> Self {
        self.feed_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a feed id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(&self.feed_id, "feedId", "GetFeed::feed_id")?;
        Ok(ApiRequest::new(fill_path(GET_FEED.path, &[("feedId", id)])))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<Feed>, Error> {
        let req = self.request()?;
        decode_response(&GET_FEED, self.client.send(&GET_FEED, req).await?)
    }
}

/// `cancelFeed`: cancels a feed that Amazon has not started processing (`IN_QUEUE`).
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CancelFeed {
    client: SpApiClient,
    feed_id: Option<FeedId>,
}

impl CancelFeed {
    /// A request for a feed id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            feed_id: None,
        }
    }

    /// The feed to cancel.
    pub fn feed_id(mut self, id: impl Into<FeedId>) -> Self {
        self.feed_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a feed id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(&self.feed_id, "feedId", "CancelFeed::feed_id")?;
        Ok(ApiRequest::new(fill_path(CANCEL_FEED.path, &[("feedId", id)])))
    }

    /// Sends the request. Amazon answers 200 with an empty body; the raw answer is returned.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<ApiResponse, Error> {
        let req = self.request()?;
        self.client.send(&CANCEL_FEED, req).await
    }
}
