//! `createFeedDocument`, `getFeedDocument`.

use http::Method;

use super::ids::FeedDocumentId;
use super::models::{CreateFeedDocumentResponse, CreateFeedDocumentSpecification, FeedDocument};
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction, UsagePlan};

/// `POST /feeds/2021-06-30/documents`: a document id and a presigned URL to upload a feed to.
pub static CREATE_FEED_DOCUMENT: Operation = Operation {
    api: "feeds",
    version: "2021-06-30",
    name: "createFeedDocument",
    method: Method::POST,
    path: "/feeds/2021-06-30/documents",
    usage_plan: UsagePlan::new(0.5, 15),
    restriction: Restriction::None,
    idempotent: false,
};

/// `GET /feeds/2021-06-30/documents/{feedDocumentId}`: where to download a feed's result document.
pub static GET_FEED_DOCUMENT: Operation = Operation {
    api: "feeds",
    version: "2021-06-30",
    name: "getFeedDocument",
    method: Method::GET,
    path: "/feeds/2021-06-30/documents/{feedDocumentId}",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `createFeedDocument`: reserves a document for a feed's contents.
///
/// The upload that follows must send exactly this content type, or Amazon's signature check fails:
/// [`crate::documents::submit_feed`] takes care of that.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CreateFeedDocument {
    client: SpApiClient,
    body: CreateFeedDocumentSpecification,
}

impl CreateFeedDocument {
    /// A request whose content type is still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: CreateFeedDocumentSpecification::default(),
        }
    }

    /// The content type of the feed, for example `application/json; charset=UTF-8`.
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.body.content_type = Some(content_type.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a content type, or with one that cannot be sent unchanged as an
    /// HTTP header (see [`crate::documents::check_content_type`]).
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let ct = build::required(
            &self.body.content_type,
            "contentType",
            "CreateFeedDocument::content_type",
        )?;
        crate::documents::check_content_type(ct)?;
        Ok(ApiRequest::new(CREATE_FEED_DOCUMENT.path).json_body(build::json("body", &self.body)?))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CreateFeedDocumentResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &CREATE_FEED_DOCUMENT,
            self.client.send(&CREATE_FEED_DOCUMENT, req).await?,
        )
    }
}

/// `getFeedDocument`: the presigned URL (and compression) of a feed document, usually a processing
/// report named by `resultFeedDocumentId`. Download it with [`crate::documents::Documents`].
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFeedDocument {
    client: SpApiClient,
    feed_document_id: Option<FeedDocumentId>,
    enable_content_encoding_url_header: Option<bool>,
}

impl GetFeedDocument {
    /// A request for a document id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            feed_document_id: None,
            enable_content_encoding_url_header: None,
        }
    }

    /// The feed document id (`resultFeedDocumentId` of a feed).
    pub fn feed_document_id(mut self, id: impl Into<FeedDocumentId>) -> Self {
        self.feed_document_id = Some(id.into());
        self
    }

    /// Asks Amazon to presign the URL with a `Content-Encoding` header. Downloads detect gzip by its
    /// bytes anyway, so this changes nothing for [`crate::documents::Documents`].
    pub fn enable_content_encoding_url_header(mut self, enable: bool) -> Self {
        self.enable_content_encoding_url_header = Some(enable);
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a document id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.feed_document_id,
            "feedDocumentId",
            "GetFeedDocument::feed_document_id",
        )?;
        let mut req = ApiRequest::new(fill_path(GET_FEED_DOCUMENT.path, &[("feedDocumentId", id)]));
        if let Some(b) = self.enable_content_encoding_url_header {
            req = req.query("enableContentEncodingUrlHeader", b.to_string());
        }
        Ok(req)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<FeedDocument>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_FEED_DOCUMENT,
            self.client.send(&GET_FEED_DOCUMENT, req).await?,
        )
    }
}
