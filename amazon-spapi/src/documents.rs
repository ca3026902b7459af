//! Feed and report documents: uploads to and downloads from Amazon's presigned URLs.
//!
//! Documents do not live on the SP-API host: `createFeedDocument`, `getFeedDocument` and
//! `getReportDocument` hand out presigned, S3-style URLs that are valid for about five minutes and are
//! fetched **without** the access token. This module does the part that other clients get wrong:
//!
//! - [`submit_feed`] = `createFeedDocument`, a `PUT` of the contents with *exactly* the content type that
//!   was declared (or the signature check fails), then `createFeed`. A content type that could not be
//!   sent unchanged, or that contradicts the feed type or the contents, is refused before anything is
//!   sent ([`check_feed_content_type`]).
//! - [`Documents::download`] streams a document with bounded memory: it sends `Accept-Encoding:
//!   identity`, detects gzip by its magic bytes whatever `compressionAlgorithm` and `Content-Encoding`
//!   say (a document compressed twice is decoded twice, as Amazon sent in June 2023), and
//!   [`DocumentReader::into_text`] decodes the charset named in `Content-Type` (UTF-8, ISO-8859-1 /
//!   CP1252, Shift_JIS / CP932) with `encoding_rs`.
//! - [`ReportJob`] creates a report, polls it with backoff (on the client's injected clock and sleeper)
//!   until it is done or a deadline passes, and opens its document.
//!
//! Downloads and streamed uploads go through a [`DocumentHttp`], by default [`ReqwestDocumentHttp`]
//! (its own `reqwest` client, or the one of the SDK's [`crate::transport::ReqwestTransport`] via
//! [`Documents::from_reqwest`]). The foundation's [`Transport`] reads whole bodies, so it cannot
//! stream; [`TransportDocumentHttp`] adapts it for custom transports, buffering each document.
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::documents::{submit_feed, Documents};
//! let feed = br#"{"header":{"sellerId":"A1","version":"2.0"},"messages":[]}"#.to_vec();
//! let submitted = submit_feed(client, "JSON_LISTINGS_FEED", "application/json; charset=UTF-8", feed)
//!     .marketplace_ids(["ATVPDKIKX0DER"])
//!     .send()
//!     .await?;
//! println!("feed {}", submitted.feed_id);
//!
//! let docs = Documents::new()?;
//! let mut text = docs.download("https://tortuga-prod-na.s3.amazonaws.com/report").await?.into_text();
//! while let Some(chunk) = text.next_chunk().await? {
//!     print!("{chunk}");
//! }
//! # Ok(()) }
//! ```

use std::fmt;
use std::io::Write as _;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use encoding_rs::Encoding;
use flate2::write::MultiGzDecoder;
use futures::stream::{BoxStream, StreamExt};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use url::Url;

use crate::client::SpApiClient;
use crate::error::{AmazonError, ApiError, DecodeError, Error, TransportError};
use crate::feeds_2021_06_30::{
    CreateFeed, CreateFeedDocument, FeedDocumentId, FeedId, GetFeed, GetFeedDocument,
};
use crate::reports_2021_06_30::{
    CreateReport, GetReport, GetReportDocument, Report, ReportDocument, ReportDocumentId, ReportId,
    ReportProcessingStatus,
};
use crate::transport::{HttpRequest, Transport};

/// Operation key used in errors of document downloads.
pub const DOWNLOAD_KEY: &str = "documents/download";
/// Operation key used in errors of document uploads.
pub const UPLOAD_KEY: &str = "documents/upload";

/// Amazon's advice for one feed: keep it under 10 MiB.
pub const DEFAULT_MAX_FEED_BYTES: u64 = 10 * 1024 * 1024;

/// How many gzip layers a download unwraps at most (Amazon has sent two).
pub const MAX_GZIP_LAYERS: usize = 4;

/// Largest piece of plain (not compressed) input handed on at once; gzip output comes in pieces of at
/// most flate2's internal buffer (32 KiB).
pub const MAX_CHUNK: usize = 64 * 1024;

// ---------------------------------------------------------------------------------------------------
// HTTP for presigned URLs.
// ---------------------------------------------------------------------------------------------------

/// A stream of body bytes.
pub type ByteStream = BoxStream<'static, Result<Bytes, TransportError>>;

/// The answer to a document `GET`, body not yet read.
pub struct DocumentResponse {
    /// HTTP status.
    pub status: StatusCode,
    /// Headers (`Content-Type` carries the charset).
    pub headers: HeaderMap,
    /// The body, as it arrives.
    pub body: ByteStream,
}

impl fmt::Debug for DocumentResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocumentResponse")
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// The contents of an upload: bytes in memory, or a stream of known length (presigned `PUT`s need a
/// `Content-Length`; chunked uploads are refused by the storage service).
pub enum UploadBody {
    /// Contents in memory.
    Bytes(Bytes),
    /// Contents produced as they are sent.
    Stream {
        /// The bytes.
        stream: ByteStream,
        /// Their exact total length.
        length: u64,
    },
}

impl UploadBody {
    /// The length in bytes.
    pub fn len(&self) -> u64 {
        match self {
            UploadBody::Bytes(b) => b.len() as u64,
            UploadBody::Stream { length, .. } => *length,
        }
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for UploadBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Feed contents may hold buyers' data (order feeds): only the size.
        match self {
            UploadBody::Bytes(b) => write!(f, "UploadBody::Bytes({} bytes)", b.len()),
            UploadBody::Stream { length, .. } => write!(f, "UploadBody::Stream({length} bytes)"),
        }
    }
}

impl From<Bytes> for UploadBody {
    fn from(b: Bytes) -> Self {
        UploadBody::Bytes(b)
    }
}

impl From<Vec<u8>> for UploadBody {
    fn from(b: Vec<u8>) -> Self {
        UploadBody::Bytes(Bytes::from(b))
    }
}

impl From<String> for UploadBody {
    fn from(s: String) -> Self {
        UploadBody::Bytes(Bytes::from(s))
    }
}

impl From<&'static str> for UploadBody {
    fn from(s: &'static str) -> Self {
        UploadBody::Bytes(Bytes::from_static(s.as_bytes()))
    }
}

impl From<&'static [u8]> for UploadBody {
    fn from(s: &'static [u8]) -> Self {
        UploadBody::Bytes(Bytes::from_static(s))
    }
}

/// Plain HTTP for presigned document URLs: no access token, no SP-API retries.
#[async_trait::async_trait]
pub trait DocumentHttp: Send + Sync + fmt::Debug {
    /// Sends a `GET` and returns as soon as the headers arrived.
    ///
    /// # Errors
    /// A [`TransportError`] when no answer arrived.
    async fn get(&self, url: Url, headers: HeaderMap) -> Result<DocumentResponse, TransportError>;

    /// Sends a `PUT` with `headers` (which carry the content type) and reads the (small) answer.
    ///
    /// # Errors
    /// A [`TransportError`] when no answer arrived.
    async fn put(
        &self,
        url: Url,
        headers: HeaderMap,
        body: UploadBody,
    ) -> Result<(StatusCode, HeaderMap, Bytes), TransportError>;
}

/// [`DocumentHttp`] over `reqwest`, streaming both ways.
#[derive(Debug, Clone)]
pub struct ReqwestDocumentHttp {
    client: reqwest::Client,
}

impl ReqwestDocumentHttp {
    /// Wraps a `reqwest` client (for example [`crate::transport::ReqwestTransport::client`]). It must not
    /// have automatic decompression turned on (this crate does not enable reqwest's `gzip` feature).
    pub fn new(client: reqwest::Client) -> Self {
        Self { client }
    }

    /// A client of its own: rustls, 10 s to connect, 60 s without a byte before a download fails.
    ///
    /// # Errors
    /// [`Error::Config`] when the TLS backend cannot be initialised.
    pub fn with_defaults() -> Result<Self, Error> {
        let client = reqwest::Client::builder()
            .use_rustls_tls()
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(Duration::from_secs(60))
            .user_agent(crate::transport::USER_AGENT)
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {}", e.without_url())))?;
        Ok(Self { client })
    }
}

#[async_trait::async_trait]
impl DocumentHttp for ReqwestDocumentHttp {
    async fn get(&self, url: Url, headers: HeaderMap) -> Result<DocumentResponse, TransportError> {
        let resp = self
            .client
            .get(url)
            .headers(headers)
            .send()
            .await
            .map_err(TransportError::from_reqwest)?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp
            .bytes_stream()
            .map(|r| r.map_err(TransportError::from_reqwest))
            .boxed();
        Ok(DocumentResponse {
            status,
            headers,
            body,
        })
    }

    async fn put(
        &self,
        url: Url,
        mut headers: HeaderMap,
        body: UploadBody,
    ) -> Result<(StatusCode, HeaderMap, Bytes), TransportError> {
        let body = match body {
            UploadBody::Bytes(b) => reqwest::Body::from(b),
            UploadBody::Stream { stream, length } => {
                headers.insert(http::header::CONTENT_LENGTH, HeaderValue::from(length));
                reqwest::Body::wrap_stream(stream)
            }
        };
        let resp = self
            .client
            .put(url)
            .headers(headers)
            .body(body)
            .send()
            .await
            .map_err(TransportError::from_reqwest)?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.bytes().await.map_err(TransportError::from_reqwest)?;
        Ok((status, headers, body))
    }
}

/// [`DocumentHttp`] over the foundation's [`Transport`] (a custom transport, a recorder, a mock).
///
/// [`Transport`] reads whole bodies, so a download through it is held in memory once (and streamed
/// uploads are collected first); use [`ReqwestDocumentHttp`] for large documents.
#[derive(Debug, Clone)]
pub struct TransportDocumentHttp {
    transport: Arc<dyn Transport>,
}

impl TransportDocumentHttp {
    /// Adapts `transport` (for example [`SpApiClient::transport`]).
    pub fn new(transport: Arc<dyn Transport>) -> Self {
        Self { transport }
    }
}

#[async_trait::async_trait]
impl DocumentHttp for TransportDocumentHttp {
    async fn get(&self, url: Url, headers: HeaderMap) -> Result<DocumentResponse, TransportError> {
        let mut req = HttpRequest::new(Method::GET, url);
        req.headers = headers;
        let resp = self.transport.send(req).await?;
        let body = futures::stream::iter([Ok(resp.body)]).boxed();
        Ok(DocumentResponse {
            status: resp.status,
            headers: resp.headers,
            body,
        })
    }

    async fn put(
        &self,
        url: Url,
        headers: HeaderMap,
        body: UploadBody,
    ) -> Result<(StatusCode, HeaderMap, Bytes), TransportError> {
        let bytes = match body {
            UploadBody::Bytes(b) => b,
            UploadBody::Stream { mut stream, length } => {
                let mut buf = Vec::with_capacity(
                    usize::try_from(length)
                        .unwrap_or(0)
                        .min(DEFAULT_MAX_FEED_BYTES as usize),
                );
                while let Some(chunk) = stream.next().await {
                    buf.extend_from_slice(&chunk?);
                }
                Bytes::from(buf)
            }
        };
        let mut req = HttpRequest::new(Method::PUT, url);
        req.headers = headers;
        req.body = Some(bytes);
        let resp = self.transport.send(req).await?;
        Ok((resp.status, resp.headers, resp.body))
    }
}

// ---------------------------------------------------------------------------------------------------
// Content types.
// ---------------------------------------------------------------------------------------------------

/// Checks that `content_type` can be sent unchanged as a `Content-Type` header: a non-empty
/// `type/subtype` with optional `; name=value` parameters, visible ASCII only, no surrounding
/// whitespace (HTTP strips it, which would change the signed value).
///
/// # Errors
/// [`Error::InvalidInput`] for `content_type`, saying what to send instead.
pub fn check_content_type(content_type: &str) -> Result<(), Error> {
    let bad = |why: &str| {
        Err(Error::invalid_input(
            "content_type",
            format!(
                "{why}; the upload must repeat the content type given to createFeedDocument byte for byte, \
                 so use a plain value such as `text/xml; charset=UTF-8` or `application/json; charset=UTF-8`"
            ),
        ))
    };
    if content_type.is_empty() {
        return bad("is empty");
    }
    if content_type.trim() != content_type {
        return bad("has leading or trailing whitespace, which HTTP would strip");
    }
    if !content_type.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
        return bad("holds characters that are not visible ASCII");
    }
    let mut parts = content_type.split(';');
    let essence = parts.next().unwrap_or_default().trim();
    let mut halves = essence.split('/');
    let (Some(ty), Some(sub), None) = (halves.next(), halves.next(), halves.next()) else {
        return bad("is not of the form type/subtype");
    };
    if ty.is_empty() || sub.is_empty() || !essence.bytes().all(is_token_char_or_slash) {
        return bad("is not of the form type/subtype");
    }
    for p in parts {
        let p = p.trim();
        match p.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => {}
            _ => return bad("has a parameter that is not name=value"),
        }
    }
    Ok(())
}

fn is_token_char_or_slash(b: u8) -> bool {
    b == b'/' || b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b)
}

/// The `charset` parameter of a content type, if any (quotes removed).
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"'))
    })
}

/// The `encoding_rs` encoding for a charset label as Amazon writes it (`UTF-8`, `ISO-8859-1`,
/// `Cp1252`, `windows-1252`, `Shift_JIS`, `CP932`, `Windows-31J`, `x-sjis`, ...), `None` when unknown.
///
/// ISO-8859-1 decodes as windows-1252 (its superset, as browsers do) and Shift_JIS as CP932 (the
/// Windows variant Amazon Japan actually sends).
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let l = label.trim().to_ascii_lowercase();
    match l.as_str() {
        "cp932" | "ms932" | "windows-932" | "ibm-943" | "x-ms-cp932" => Some(encoding_rs::SHIFT_JIS),
        "cp1252" | "windows1252" => Some(encoding_rs::WINDOWS_1252),
        "utf8" => Some(encoding_rs::UTF_8),
        _ => Encoding::for_label(l.as_bytes()),
    }
}

/// The content type a feed type needs, when the feed type says so: `application/json` for
/// `JSON_LISTINGS_FEED`, `text/xml` for the XML feeds this project uses.
pub fn expected_feed_media_type(feed_type: &str) -> Option<&'static str> {
    match feed_type {
        "JSON_LISTINGS_FEED" => Some("application/json"),
        "POST_ORDER_FULFILLMENT_DATA"
        | "POST_ORDER_ACKNOWLEDGEMENT_DATA"
        | "POST_PAYMENT_ADJUSTMENT_DATA"
        | "POST_INVOICE_CONFIRMATION_DATA"
        | "POST_PRODUCT_DATA"
        | "POST_PRODUCT_RELATIONSHIP_DATA"
        | "POST_PRODUCT_IMAGE_DATA"
        | "POST_PRODUCT_PRICING_DATA"
        | "POST_INVENTORY_AVAILABILITY_DATA"
        | "POST_PRODUCT_OVERRIDES_DATA"
        | "POST_FULFILLMENT_ORDER_REQUEST_DATA"
        | "POST_FULFILLMENT_ORDER_CANCELLATION_REQUEST_DATA"
        | "POST_EASYSHIP_DOCUMENTS" => Some("text/xml"),
        _ => None,
    }
}

/// Checks a feed upload before anything is sent: the content type must be sendable unchanged
/// ([`check_content_type`]), match the feed type when the feed type implies one
/// ([`expected_feed_media_type`]), and, when the contents are in memory and the content type declares
/// UTF-8, the contents must be UTF-8.
///
/// # Errors
/// [`Error::InvalidInput`] for `content_type` (or `body`), saying what would match.
pub fn check_feed_content_type(
    feed_type: &str,
    content_type: &str,
    body: Option<&[u8]>,
) -> Result<(), Error> {
    check_content_type(content_type)?;
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if let Some(expected) = expected_feed_media_type(feed_type) {
        let ok = essence == expected || (expected == "text/xml" && essence == "application/xml");
        if !ok {
            return Err(Error::invalid_input(
                "content_type",
                format!(
                    "`{content_type}` does not match feed type {feed_type}, which takes `{expected}`; send \
                     `{expected}; charset=UTF-8`"
                ),
            ));
        }
    }
    if let Some(label) = charset_param(content_type) {
        let Some(enc) = encoding_for_label(label) else {
            return Err(Error::invalid_input(
                "content_type",
                format!("names charset `{label}`, which is not known; use UTF-8"),
            ));
        };
        if enc == encoding_rs::UTF_8 {
            if let Some(b) = body {
                if let Err(e) = std::str::from_utf8(b) {
                    return Err(Error::invalid_input(
                        "body",
                        format!(
                            "is not UTF-8 (first bad byte at offset {}) although the content type says \
                             charset=UTF-8; encode the contents as UTF-8 or declare their real charset",
                            e.valid_up_to()
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------------
// Documents: download and upload.
// ---------------------------------------------------------------------------------------------------

/// Downloads and uploads documents at presigned URLs. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Documents {
    http: Arc<dyn DocumentHttp>,
}

impl Documents {
    /// Documents over a `reqwest` client of their own ([`ReqwestDocumentHttp::with_defaults`]).
    ///
    /// # Errors
    /// [`Error::Config`] when the TLS backend cannot be initialised.
    pub fn new() -> Result<Self, Error> {
        Ok(Self {
            http: Arc::new(ReqwestDocumentHttp::with_defaults()?),
        })
    }

    /// Documents over an existing `reqwest` client (share the SDK's one:
    /// `Documents::from_reqwest(transport.client().clone())`).
    pub fn from_reqwest(client: reqwest::Client) -> Self {
        Self {
            http: Arc::new(ReqwestDocumentHttp::new(client)),
        }
    }

    /// Documents over any [`DocumentHttp`].
    pub fn with_http(http: Arc<dyn DocumentHttp>) -> Self {
        Self { http }
    }

    /// Documents over the client's own [`Transport`] (buffers each document; see
    /// [`TransportDocumentHttp`]).
    pub fn over_transport(client: &SpApiClient) -> Self {
        Self {
            http: Arc::new(TransportDocumentHttp::new(client.transport().clone())),
        }
    }

    /// Opens the document at `url`: sends the `GET` with `Accept-Encoding: identity` and no access
    /// token, and returns a reader that decompresses (gzip detected by magic bytes, up to
    /// [`MAX_GZIP_LAYERS`] layers) as the bytes arrive.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a URL that does not parse, [`Error::Transport`] when the storage
    /// service cannot be reached, [`Error::Api`] for an error status (an expired URL answers 403: ask
    /// for the document again, its URL lives five minutes).
    pub async fn download(&self, url: &str) -> Result<DocumentReader, Error> {
        let url = parse_url(url)?;
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::ACCEPT_ENCODING,
            HeaderValue::from_static("identity"),
        );
        let resp = self
            .http
            .get(url, headers)
            .await
            .map_err(|source| Error::Transport {
                operation: DOWNLOAD_KEY.to_owned(),
                attempts: 1,
                source,
            })?;
        if !resp.status.is_success() {
            let mut body = Vec::new();
            let mut stream = resp.body;
            while let Some(Ok(chunk)) = stream.next().await {
                body.extend_from_slice(&chunk);
                if body.len() > 16 * 1024 {
                    break;
                }
            }
            return Err(storage_error(DOWNLOAD_KEY, resp.status, &resp.headers, &body));
        }
        let content_type = resp
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(DocumentReader {
            content_type,
            pipeline: Pipeline::new(resp.body),
        })
    }

    /// Uploads `body` to a presigned `url` with exactly `content_type` (checked first with
    /// [`check_content_type`]).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a content type that cannot be sent unchanged or a bad URL,
    /// [`Error::Transport`], and [`Error::Api`] when the storage service refuses (403
    /// `SignatureDoesNotMatch` when the content type differs from the declared one).
    pub async fn upload(&self, url: &str, content_type: &str, body: UploadBody) -> Result<(), Error> {
        check_content_type(content_type)?;
        let url = parse_url(url)?;
        let mut headers = HeaderMap::new();
        let ct = HeaderValue::from_str(content_type)
            .map_err(|_| Error::invalid_input("content_type", "is not a valid header value"))?;
        headers.insert(http::header::CONTENT_TYPE, ct);
        let (status, resp_headers, resp_body) =
            self.http
                .put(url, headers, body)
                .await
                .map_err(|source| Error::Transport {
                    operation: UPLOAD_KEY.to_owned(),
                    attempts: 1,
                    source,
                })?;
        if !status.is_success() {
            return Err(storage_error(UPLOAD_KEY, status, &resp_headers, &resp_body));
        }
        Ok(())
    }

    /// Opens the result document (processing report) of a finished feed: `getFeed`, then
    /// `getFeedDocument`, then [`Documents::download`]. `None` while the feed has no result document
    /// (it is not done yet).
    ///
    /// # Errors
    /// The errors of the two operations and of [`Documents::download`].
    pub async fn feed_result(
        &self,
        client: &SpApiClient,
        feed_id: &str,
    ) -> Result<Option<DocumentReader>, Error> {
        let feed = GetFeed::new(client).feed_id(feed_id).send().await?.into_payload();
        let Some(doc_id) = feed.result_feed_document_id.filter(|s| !s.is_empty()) else {
            return Ok(None);
        };
        let doc = GetFeedDocument::new(client)
            .feed_document_id(doc_id)
            .send()
            .await?
            .into_payload();
        let url = doc
            .url
            .ok_or_else(|| missing_url("feeds/2021-06-30/getFeedDocument"))?;
        self.download(&url).await.map(Some)
    }

    /// Opens a report document described by `getReportDocument`'s answer.
    ///
    /// # Errors
    /// [`Error::Decode`] when the answer holds no URL, and the errors of [`Documents::download`].
    pub async fn report(&self, document: &ReportDocument) -> Result<DocumentReader, Error> {
        let url = document
            .url
            .as_deref()
            .ok_or_else(|| missing_url("reports/2021-06-30/getReportDocument"))?;
        self.download(url).await
    }
}

fn missing_url(op: &str) -> Error {
    Error::Decode(Box::new(DecodeError::new(
        op,
        None,
        "url",
        "nothing",
        "the answer holds no document URL",
    )))
}

fn parse_url(url: &str) -> Result<Url, Error> {
    let parsed = Url::parse(url).map_err(|e| Error::invalid_input("url", format!("is not a URL: {e}")))?;
    match parsed.scheme() {
        "https" | "http" => Ok(parsed),
        s => Err(Error::invalid_input(
            "url",
            format!("has scheme `{s}`; presigned document URLs are https"),
        )),
    }
}

/// An error answer of the storage service (S3 answers XML: `<Code>` and `<Message>`).
fn storage_error(op: &str, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> Error {
    let text = String::from_utf8_lossy(&body[..body.len().min(16 * 1024)]);
    let tag = |name: &str| -> Option<String> {
        let open = format!("<{name}>");
        let start = text.find(&open)? + open.len();
        let end = text[start..].find(&format!("</{name}>"))? + start;
        Some(text[start..end].chars().take(200).collect())
    };
    let code = tag("Code").unwrap_or_else(|| format!("HTTP{}", status.as_u16()));
    let mut message = tag("Message").unwrap_or_default();
    if code == "SignatureDoesNotMatch" {
        message.push_str(
            " (the Content-Type of the upload must be exactly the one given to createFeedDocument)",
        );
    } else if status == StatusCode::FORBIDDEN || code == "AccessDenied" {
        message
            .push_str(" (presigned URLs expire after about five minutes: ask Amazon for the document again)");
    }
    let request_id = headers
        .get("x-amz-request-id")
        .or_else(|| headers.get(crate::transport::REQUEST_ID_HEADER))
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    Error::Api(Box::new(ApiError {
        operation: op.to_owned(),
        status,
        errors: vec![AmazonError {
            code,
            message,
            details: None,
        }],
        request_id,
        rate_limit: None,
        attempts: 1,
    }))
}

// ---------------------------------------------------------------------------------------------------
// Streaming decompression.
// ---------------------------------------------------------------------------------------------------

enum Step {
    Output(Bytes),
    NeedInput,
    Done,
}

enum Kind {
    /// Waiting for the first two bytes to tell gzip from anything else.
    Sniff(Vec<u8>),
    /// A gzip layer (multi-member).
    Gzip(Box<MultiGzDecoder<Vec<u8>>>),
    /// Not compressed: bytes pass through.
    Plain,
}

struct Layer {
    kind: Kind,
    input: Bytes,
    input_done: bool,
    finished: bool,
}

impl Layer {
    fn new() -> Self {
        Self {
            kind: Kind::Sniff(Vec::new()),
            input: Bytes::new(),
            input_done: false,
            finished: false,
        }
    }

    /// One bounded step: at most one piece of output (≤ [`MAX_CHUNK`] or one gzip buffer).
    /// Returns whether this layer just turned into a gzip layer (so the pipeline adds one on top).
    fn step(&mut self, depth: usize) -> Result<(Step, bool), std::io::Error> {
        if self.finished {
            return Ok((Step::Done, false));
        }
        match &mut self.kind {
            Kind::Sniff(buf) => {
                let take = (2 - buf.len().min(2)).min(self.input.len());
                buf.extend_from_slice(&self.input.split_to(take));
                if buf.len() < 2 && !self.input_done {
                    return Ok((Step::NeedInput, false));
                }
                let gz = buf.len() == 2 && buf[0] == 0x1f && buf[1] == 0x8b && depth < MAX_GZIP_LAYERS;
                // Put the sniffed bytes back in front of the input (one copy of one chunk).
                let mut joined = std::mem::take(buf);
                joined.extend_from_slice(&self.input);
                self.input = Bytes::from(joined);
                self.kind = if gz {
                    Kind::Gzip(Box::new(MultiGzDecoder::new(Vec::new())))
                } else {
                    Kind::Plain
                };
                let (step, _) = self.step(depth)?;
                Ok((step, gz))
            }
            Kind::Plain => {
                if !self.input.is_empty() {
                    let n = self.input.len().min(MAX_CHUNK);
                    return Ok((Step::Output(self.input.split_to(n)), false));
                }
                if self.input_done {
                    self.finished = true;
                    return Ok((Step::Done, false));
                }
                Ok((Step::NeedInput, false))
            }
            Kind::Gzip(dec) => {
                while !self.input.is_empty() {
                    let n = dec.write(&self.input)?;
                    let _ = self.input.split_to(n);
                    dec.flush()?;
                    let out = std::mem::take(dec.get_mut());
                    if !out.is_empty() {
                        return Ok((Step::Output(Bytes::from(out)), false));
                    }
                    if n == 0 {
                        return Err(std::io::Error::new(
                            std::io::ErrorKind::InvalidData,
                            "gzip decoder made no progress",
                        ));
                    }
                }
                if self.input_done {
                    dec.try_finish()?;
                    let out = std::mem::take(dec.get_mut());
                    self.finished = true;
                    if !out.is_empty() {
                        // Finished: the next step reports Done.
                        return Ok((Step::Output(Bytes::from(out)), false));
                    }
                    return Ok((Step::Done, false));
                }
                Ok((Step::NeedInput, false))
            }
        }
    }
}

/// The decompression pipeline: the source, then one layer per gzip wrapping, then a plain layer.
struct Pipeline {
    source: Option<ByteStream>,
    layers: Vec<Layer>,
    max_layers_seen: usize,
    bytes_in: u64,
    bytes_out: u64,
}

impl Pipeline {
    fn new(source: ByteStream) -> Self {
        Self {
            source: Some(source),
            layers: vec![Layer::new()],
            max_layers_seen: 0,
            bytes_in: 0,
            bytes_out: 0,
        }
    }

    async fn next(&mut self) -> Result<Option<Bytes>, Error> {
        let mut i = self.layers.len() - 1;
        loop {
            let depth = i;
            let (step, became_gzip) = self.layers[i].step(depth).map_err(|e| gzip_error(depth, &e))?;
            if became_gzip {
                self.layers.push(Layer::new());
                self.max_layers_seen = self.max_layers_seen.max(self.layers.len() - 1);
            }
            let top = self.layers.len() - 1;
            match step {
                Step::Output(b) if b.is_empty() => continue,
                Step::Output(b) => {
                    if i == top {
                        self.bytes_out += b.len() as u64;
                        return Ok(Some(b));
                    }
                    self.layers[i + 1].input = b;
                    i += 1;
                }
                Step::NeedInput => {
                    if i == 0 {
                        match self.source.as_mut() {
                            None => self.layers[0].input_done = true,
                            Some(src) => match src.next().await {
                                Some(Ok(chunk)) => {
                                    self.bytes_in += chunk.len() as u64;
                                    self.layers[0].input = chunk;
                                }
                                Some(Err(source)) => {
                                    self.source = None;
                                    return Err(Error::Transport {
                                        operation: DOWNLOAD_KEY.to_owned(),
                                        attempts: 1,
                                        source,
                                    });
                                }
                                None => {
                                    self.source = None;
                                    self.layers[0].input_done = true;
                                }
                            },
                        }
                    } else {
                        i -= 1;
                    }
                }
                Step::Done => {
                    if i == top {
                        return Ok(None);
                    }
                    self.layers[i + 1].input_done = true;
                    i += 1;
                }
            }
        }
    }
}

fn gzip_error(layer: usize, e: &std::io::Error) -> Error {
    let excerpt = match e.kind() {
        std::io::ErrorKind::UnexpectedEof => "a gzip stream that ends early".to_owned(),
        _ => "bytes that are not valid gzip data".to_owned(),
    };
    Error::Decode(Box::new(DecodeError::new(
        DOWNLOAD_KEY,
        None,
        format!("gzip layer {}", layer + 1),
        excerpt,
        format!(
            "the document could not be decompressed ({e}); download it again, the transfer may have been cut"
        ),
    )))
}

/// A document being downloaded: decompressed bytes as they arrive, never the whole body at once.
pub struct DocumentReader {
    content_type: Option<String>,
    pipeline: Pipeline,
}

impl fmt::Debug for DocumentReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DocumentReader")
            .field("content_type", &self.content_type)
            .field("gzip_layers", &self.pipeline.max_layers_seen)
            .field("bytes_in", &self.pipeline.bytes_in)
            .field("bytes_out", &self.pipeline.bytes_out)
            .finish()
    }
}

impl DocumentReader {
    /// `Content-Type` as the storage service sent it.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The charset named in `Content-Type`, if any.
    pub fn declared_charset(&self) -> Option<&str> {
        self.content_type.as_deref().and_then(charset_param)
    }

    /// How many gzip layers were found so far (2 for a document compressed twice).
    pub fn gzip_layers(&self) -> usize {
        self.pipeline.max_layers_seen
    }

    /// Bytes received so far (compressed).
    pub fn bytes_received(&self) -> u64 {
        self.pipeline.bytes_in
    }

    /// Decompressed bytes handed out so far.
    pub fn bytes_decoded(&self) -> u64 {
        self.pipeline.bytes_out
    }

    /// The next piece of decompressed bytes (at most [`MAX_CHUNK`]), `None` at the end.
    ///
    /// # Errors
    /// [`Error::Transport`] when the download breaks, [`Error::Decode`] for corrupt or truncated gzip.
    pub async fn next_bytes(&mut self) -> Result<Option<Bytes>, Error> {
        self.pipeline.next().await
    }

    /// The decompressed bytes as a stream.
    pub fn into_byte_stream(self) -> BoxStream<'static, Result<Bytes, Error>> {
        futures::stream::unfold(Some(self), |state| async move {
            let mut reader = state?;
            match reader.next_bytes().await {
                Ok(Some(b)) => Some((Ok(b), Some(reader))),
                Ok(None) => None,
                Err(e) => Some((Err(e), None)),
            }
        })
        .boxed()
    }

    /// Text in the charset named by `Content-Type` (UTF-8 when none is named or the name is unknown; a
    /// byte order mark overrides). Malformed bytes become U+FFFD, counted by
    /// [`TextReader::had_errors`].
    pub fn into_text(self) -> TextReader {
        let enc = self
            .declared_charset()
            .and_then(encoding_for_label)
            .unwrap_or(encoding_rs::UTF_8);
        self.into_text_with(enc)
    }

    /// Text in `encoding`, whatever `Content-Type` says (for reports known to be CP932, for example).
    pub fn into_text_with(self, encoding: &'static Encoding) -> TextReader {
        TextReader {
            decoder: encoding.new_decoder(),
            encoding,
            reader: self,
            done: false,
            had_errors: false,
        }
    }
}

/// Decoded text of a document, in pieces.
pub struct TextReader {
    reader: DocumentReader,
    decoder: encoding_rs::Decoder,
    encoding: &'static Encoding,
    done: bool,
    had_errors: bool,
}

impl fmt::Debug for TextReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TextReader")
            .field("encoding", &self.encoding.name())
            .field("reader", &self.reader)
            .field("had_errors", &self.had_errors)
            .finish()
    }
}

impl TextReader {
    /// The encoding being decoded.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// Whether malformed bytes were replaced with U+FFFD so far.
    pub fn had_errors(&self) -> bool {
        self.had_errors
    }

    /// The underlying reader (charset, gzip layers, byte counts).
    pub fn document(&self) -> &DocumentReader {
        &self.reader
    }

    /// The next piece of text, `None` at the end. Pieces end anywhere (not at line ends).
    ///
    /// # Errors
    /// As [`DocumentReader::next_bytes`].
    pub async fn next_chunk(&mut self) -> Result<Option<String>, Error> {
        while !self.done {
            let bytes = self.reader.next_bytes().await?;
            let last = bytes.is_none();
            let src: &[u8] = bytes.as_deref().unwrap_or_default();
            let cap = self
                .decoder
                .max_utf8_buffer_length(src.len())
                .unwrap_or(src.len() * 3 + 16);
            let mut out = String::with_capacity(cap);
            let (_, _, errors) = self.decoder.decode_to_string(src, &mut out, last);
            self.had_errors |= errors;
            if last {
                self.done = true;
            }
            if !out.is_empty() {
                return Ok(Some(out));
            }
        }
        Ok(None)
    }

    /// Reads everything into one string, refusing documents whose text is longer than `max_bytes`.
    ///
    /// # Errors
    /// As [`TextReader::next_chunk`], and [`Error::InvalidInput`] for `max_bytes` when the document is
    /// longer (stream it with [`TextReader::next_chunk`] instead).
    pub async fn read_to_string(mut self, max_bytes: usize) -> Result<String, Error> {
        let mut all = String::new();
        while let Some(chunk) = self.next_chunk().await? {
            if all.len() + chunk.len() > max_bytes {
                return Err(Error::invalid_input(
                    "max_bytes",
                    format!(
                        "the document is longer than {max_bytes} bytes; read it in pieces with next_chunk"
                    ),
                ));
            }
            all.push_str(&chunk);
        }
        Ok(all)
    }

    /// The text as a stream of pieces.
    pub fn into_stream(self) -> BoxStream<'static, Result<String, Error>> {
        futures::stream::unfold(Some(self), |state| async move {
            let mut reader = state?;
            match reader.next_chunk().await {
                Ok(Some(s)) => Some((Ok(s), Some(reader))),
                Ok(None) => None,
                Err(e) => Some((Err(e), None)),
            }
        })
        .boxed()
    }
}

// ---------------------------------------------------------------------------------------------------
// submit_feed.
// ---------------------------------------------------------------------------------------------------

/// Starts a feed submission: `createFeedDocument`, `PUT` of `content` with exactly `content_type`, then
/// `createFeed`. Set the marketplaces, then [`SubmitFeed::send`].
///
/// ```no_run
/// # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
/// let xml = "<?xml version=\"1.0\"?><AmazonEnvelope>…</AmazonEnvelope>".to_owned();
/// let feed = amazon_spapi::documents::submit_feed(client, "POST_ORDER_FULFILLMENT_DATA", "text/xml; charset=UTF-8", xml)
///     .marketplace_ids(["ATVPDKIKX0DER"])
///     .send()
///     .await?;
/// # let _ = feed; Ok(()) }
/// ```
pub fn submit_feed(
    client: &SpApiClient,
    feed_type: impl Into<String>,
    content_type: impl Into<String>,
    content: impl Into<UploadBody>,
) -> SubmitFeed {
    SubmitFeed {
        client: client.clone(),
        documents: None,
        feed_type: feed_type.into(),
        content_type: content_type.into(),
        content: content.into(),
        marketplace_ids: Vec::new(),
        feed_options: Vec::new(),
        max_bytes: DEFAULT_MAX_FEED_BYTES,
        create_before: None,
    }
}

/// A feed submission being prepared; see [`submit_feed`].
#[must_use = "a submission does nothing until it is sent"]
#[derive(Debug)]
pub struct SubmitFeed {
    client: SpApiClient,
    documents: Option<Documents>,
    feed_type: String,
    content_type: String,
    content: UploadBody,
    marketplace_ids: Vec<String>,
    feed_options: Vec<(String, String)>,
    max_bytes: u64,
    create_before: Option<chrono::DateTime<chrono::Utc>>,
}

/// What [`SubmitFeed::send`] created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmittedFeed {
    /// The feed id (poll it with `getFeed`).
    pub feed_id: FeedId,
    /// The document the contents were uploaded to.
    pub feed_document_id: FeedDocumentId,
}

impl SubmitFeed {
    /// The marketplaces the feed applies to (required).
    pub fn marketplace_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.marketplace_ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// One feed option.
    pub fn feed_option(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.feed_options.push((name.into(), value.into()));
        self
    }

    /// Where the upload goes through (default: [`Documents::new`]).
    pub fn documents(mut self, documents: Documents) -> Self {
        self.documents = Some(documents);
        self
    }

    /// Do not call `createFeed` after `deadline` (by the client's clock): when the document and upload
    /// steps end later (a process paused, a slow upload), [`SubmitFeed::send`] stops with
    /// [`Error::DeadlinePassed`] and Amazon gets no feed. For callers whose bookkeeping assumes a
    /// submission creates its feed, if at all, before a known time (so that another worker may safely
    /// send the same contents after it).
    pub fn create_feed_before(mut self, deadline: chrono::DateTime<chrono::Utc>) -> Self {
        self.create_before = Some(deadline);
        self
    }

    /// Refuse contents larger than this (default [`DEFAULT_MAX_FEED_BYTES`], Amazon's advice).
    pub fn max_bytes(mut self, max: u64) -> Self {
        self.max_bytes = max;
        self
    }

    /// Checks everything that can be checked before a request is sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a content type that would not match (see
    /// [`check_feed_content_type`]), an empty or oversized body, an empty feed type, or no marketplace.
    pub fn validate(&self) -> Result<(), Error> {
        if self.feed_type.trim().is_empty() {
            return Err(Error::invalid_input(
                "feedType",
                "is required: pass the feed type to submit_feed",
            ));
        }
        let body = match &self.content {
            UploadBody::Bytes(b) => Some(&b[..]),
            UploadBody::Stream { .. } => None,
        };
        check_feed_content_type(&self.feed_type, &self.content_type, body)?;
        if self.content.is_empty() {
            return Err(Error::invalid_input("body", "is empty; a feed needs contents"));
        }
        if self.content.len() > self.max_bytes {
            return Err(Error::invalid_input(
                "body",
                format!(
                    "is {} bytes, more than the limit of {} (Amazon advises feeds under 10 MiB): split it into \
                     several feeds or raise SubmitFeed::max_bytes",
                    self.content.len(),
                    self.max_bytes
                ),
            ));
        }
        build::count(&self.marketplace_ids, "marketplaceIds", 1, usize::MAX)?;
        Ok(())
    }

    /// Validates, then creates the document, uploads the contents and creates the feed.
    ///
    /// # Errors
    /// Validation errors (nothing is sent then), the errors of `createFeedDocument` and `createFeed`,
    /// and of [`Documents::upload`]; [`Error::DeadlinePassed`] when [`SubmitFeed::create_feed_before`]'s
    /// deadline had passed before `createFeed` (no feed was created).
    pub async fn send(self) -> Result<SubmittedFeed, Error> {
        self.validate()?;
        let documents = match self.documents {
            Some(d) => d,
            None => Documents::new()?,
        };
        let doc = CreateFeedDocument::new(&self.client)
            .content_type(self.content_type.clone())
            .send()
            .await?;
        let doc = doc.into_payload();
        let doc_id = doc
            .feed_document_id
            .filter(|s| !s.is_empty())
            .ok_or_else(|| missing_field("feeds/2021-06-30/createFeedDocument", "feedDocumentId"))?;
        let url = doc
            .url
            .ok_or_else(|| missing_url("feeds/2021-06-30/createFeedDocument"))?;
        documents.upload(&url, &self.content_type, self.content).await?;
        if let Some(deadline) = self.create_before {
            let now = self.client.clock().now();
            if now > deadline {
                return Err(Error::DeadlinePassed {
                    operation: "feeds/2021-06-30/createFeed".to_owned(),
                    deadline,
                    now,
                });
            }
        }
        let mut create = CreateFeed::new(&self.client)
            .feed_type(self.feed_type)
            .marketplace_ids(self.marketplace_ids)
            .input_feed_document_id(doc_id.clone());
        for (k, v) in self.feed_options {
            create = create.feed_option(k, v);
        }
        let created = create.send().await?.into_payload();
        let feed_id = created
            .feed_id
            .filter(|s| !s.is_empty())
            .ok_or_else(|| missing_field("feeds/2021-06-30/createFeed", "feedId"))?;
        Ok(SubmittedFeed {
            feed_id,
            feed_document_id: doc_id,
        })
    }
}

fn missing_field(op: &str, field: &str) -> Error {
    Error::Decode(Box::new(DecodeError::new(
        op,
        None,
        field,
        "nothing",
        format!("the answer holds no {field}"),
    )))
}

// ---------------------------------------------------------------------------------------------------
// ReportJob: create, poll, download.
// ---------------------------------------------------------------------------------------------------

/// How a [`ReportJob`] ended.
#[derive(Debug)]
#[non_exhaustive]
pub enum ReportOutcome {
    /// The report is done; its document is open for reading.
    Done {
        /// The report as last polled.
        report: Report,
        /// `getReportDocument`'s answer.
        document: ReportDocument,
        /// The document, streaming.
        reader: DocumentReader,
    },
    /// Amazon cancelled the report; for scheduled and some requested reports this means there was no
    /// data for the period.
    Cancelled {
        /// The report as last polled.
        report: Report,
    },
    /// Amazon could not create the report; the error document, when Amazon wrote one, says why.
    Fatal {
        /// The report as last polled.
        report: Report,
        /// The error document, when the report names one.
        error_document: Option<DocumentReader>,
    },
}

/// Creates a report, polls `getReport` with exponential backoff until it is done, cancelled or fatal,
/// or until a deadline passes, then opens its document.
///
/// Time comes from the client's injected clock and sleeper, so tests run the whole wait in virtual
/// time.
#[must_use = "a job does nothing until it is run"]
#[derive(Debug)]
pub struct ReportJob {
    client: SpApiClient,
    create: Option<CreateReport>,
    report_id: Option<ReportId>,
    report_type: Option<String>,
    documents: Option<Documents>,
    first_wait: Duration,
    max_wait: Duration,
    deadline: Duration,
}

impl ReportJob {
    /// A job that sends `create`, then polls the new report.
    pub fn new(client: &SpApiClient, create: CreateReport) -> Self {
        let report_type = create.report_type_value().map(str::to_owned);
        Self {
            client: client.clone(),
            create: Some(create),
            report_id: None,
            report_type,
            documents: None,
            first_wait: Duration::from_secs(5),
            max_wait: Duration::from_secs(60),
            deadline: Duration::from_secs(30 * 60),
        }
    }

    /// A job that polls a report created earlier (after a restart, for example).
    pub fn existing(client: &SpApiClient, report_id: impl Into<ReportId>) -> Self {
        Self {
            client: client.clone(),
            create: None,
            report_id: Some(report_id.into()),
            report_type: None,
            documents: None,
            first_wait: Duration::from_secs(5),
            max_wait: Duration::from_secs(60),
            deadline: Duration::from_secs(30 * 60),
        }
    }

    /// The first wait before polling (default 5 s); each later wait doubles, up to the maximum.
    pub fn first_wait(mut self, wait: Duration) -> Self {
        self.first_wait = wait;
        self
    }

    /// The longest wait between two polls (default 60 s).
    pub fn max_wait(mut self, wait: Duration) -> Self {
        self.max_wait = wait;
        self
    }

    /// How long to wait for the report in all (default 30 minutes).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Where documents are downloaded through (default: [`Documents::new`]).
    pub fn documents(mut self, documents: Documents) -> Self {
        self.documents = Some(documents);
        self
    }

    /// Runs the job.
    ///
    /// # Errors
    /// [`Error::Timeout`] (operation `reports/2021-06-30/getReport`) when the report is not finished by
    /// the deadline (its id is in the log; resume with [`ReportJob::existing`]), and the errors of
    /// `createReport`, `getReport`, `getReportDocument` and [`Documents::download`].
    pub async fn run(self) -> Result<ReportOutcome, Error> {
        let clock = self.client.clock().clone();
        let sleeper = self.client.sleeper().clone();
        let start = clock.monotonic();
        let report_id = match (self.report_id, self.create) {
            (Some(id), _) => id,
            (None, Some(create)) => create
                .send()
                .await?
                .into_payload()
                .report_id
                .filter(|s| !s.is_empty())
                .ok_or_else(|| missing_field("reports/2021-06-30/createReport", "reportId"))?,
            (None, None) => return Err(Error::invalid_input("reportId", "is required")),
        };
        let mut wait = self.first_wait;
        let mut polls: u32 = 0;
        let report = loop {
            let elapsed = clock.monotonic().saturating_sub(start);
            if elapsed >= self.deadline {
                tracing::warn!(report_id = %report_id, polls, "report not finished by the deadline");
                return Err(Error::Timeout {
                    operation: crate::reports_2021_06_30::GET_REPORT.key(),
                    after: self.deadline,
                    attempts: polls,
                });
            }
            sleeper.sleep(wait.min(self.deadline - elapsed)).await;
            polls += 1;
            let report = GetReport::new(&self.client)
                .report_id(report_id.clone())
                .send()
                .await?
                .into_payload();
            match report.processing_status {
                Some(ReportProcessingStatus::Done)
                | Some(ReportProcessingStatus::Cancelled)
                | Some(ReportProcessingStatus::Fatal) => break report,
                _ => {}
            }
            wait = (wait * 2).min(self.max_wait);
        };
        let documents = match self.documents {
            Some(d) => d,
            None => Documents::new()?,
        };
        let report_type = self.report_type.or_else(|| report.report_type.clone());
        let open = |doc_id: ReportDocumentId| {
            let mut req = GetReportDocument::new(&self.client).report_document_id(doc_id);
            if let Some(t) = &report_type {
                req = req.report_type(t);
            }
            req
        };
        match report.processing_status {
            Some(ReportProcessingStatus::Done) => {
                let doc_id = report
                    .report_document_id
                    .clone()
                    .filter(|s| !s.is_empty())
                    .ok_or_else(|| missing_field("reports/2021-06-30/getReport", "reportDocumentId"))?;
                let document = open(doc_id).send().await?.into_payload();
                let reader = documents.report(&document).await?;
                Ok(ReportOutcome::Done {
                    report,
                    document,
                    reader,
                })
            }
            Some(ReportProcessingStatus::Fatal) => {
                let error_document = match report.report_document_id.clone().filter(|s| !s.is_empty()) {
                    // Error documents are never restricted.
                    Some(id) => {
                        let doc = open(id).restricted(false).send().await?.into_payload();
                        Some(documents.report(&doc).await?)
                    }
                    None => None,
                };
                Ok(ReportOutcome::Fatal {
                    report,
                    error_document,
                })
            }
            _ => Ok(ReportOutcome::Cancelled { report }),
        }
    }
}

/// Defines an identifier newtype: a `String` inside, built from text with `From`, compared with `&str`,
/// serialized as a plain string and decoded leniently (a number keeps its text). Mixing up two kinds of
/// identifiers (a report id where a report document id belongs) becomes a type error.
macro_rules! id_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
        pub struct $name(String);

        impl $name {
            /// Wraps an identifier.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The identifier as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Whether the identifier is empty (Amazon sometimes sends `""` for "none").
            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// The identifier as an owned `String`.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s)
            }
        }

        impl From<&$name> for $name {
            fn from(s: &$name) -> Self {
                s.clone()
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(crate::de::LenientStrVisitor::<Self>::new())
            }
        }
    };
}
pub(crate) use id_newtype;

/// Helpers shared by the request builders of the Feeds, Reports, Fulfillment Outbound, FBA Inventory,
/// Merchant Fulfillment and Listings Items modules.
pub(crate) mod build {
    use bytes::Bytes;
    use chrono::{DateTime, SecondsFormat, Utc};
    use serde::Serialize;

    use crate::error::Error;

    /// A timestamp as Amazon's examples spell it: `2024-03-10T20:11:24.000Z`.
    pub(crate) fn time(t: &DateTime<Utc>) -> String {
        t.to_rfc3339_opts(SecondsFormat::Millis, true)
    }

    /// Joins list values with commas (Swagger's default `csv` collection format).
    pub(crate) fn csv<S: AsRef<str>>(items: &[S]) -> String {
        items.iter().map(AsRef::as_ref).collect::<Vec<_>>().join(",")
    }

    /// A required, non-empty value, or an [`Error::InvalidInput`] that names the setter to call.
    pub(crate) fn required<'a, S: AsRef<str>>(
        value: &'a Option<S>,
        field: &str,
        setter: &str,
    ) -> Result<&'a str, Error> {
        match value.as_ref().map(AsRef::as_ref) {
            Some(v) if !v.trim().is_empty() => Ok(v),
            Some(_) => Err(Error::invalid_input(
                field,
                format!("must not be empty: pass a value to `{setter}`"),
            )),
            None => Err(Error::invalid_input(
                field,
                format!("is required: call `{setter}`"),
            )),
        }
    }

    /// Checks the number of list values against Amazon's limits.
    pub(crate) fn count<S>(items: &[S], field: &str, min: usize, max: usize) -> Result<(), Error> {
        if items.len() < min || items.len() > max {
            let what = if max == usize::MAX {
                format!("at least {min}")
            } else if min == max {
                format!("exactly {min}")
            } else {
                format!("{min} to {max}")
            };
            return Err(Error::invalid_input(
                field,
                format!("needs {what} value(s), got {}", items.len()),
            ));
        }
        Ok(())
    }

    /// An integer within Amazon's range.
    pub(crate) fn range(v: Option<u32>, field: &str, min: u32, max: u32) -> Result<(), Error> {
        match v {
            Some(n) if n < min || n > max => Err(Error::invalid_input(
                field,
                format!("must be between {min} and {max}, got {n}"),
            )),
            _ => Ok(()),
        }
    }

    /// Fails with the list of absent required fields, if any.
    pub(crate) fn missing(field: &str, paths: &[String]) -> Result<(), Error> {
        if paths.is_empty() {
            return Ok(());
        }
        Err(Error::invalid_input(
            field,
            format!(
                "required fields are missing: {}; set them before sending",
                paths.join(", ")
            ),
        ))
    }

    /// Serializes a JSON body.
    pub(crate) fn json<T: Serialize>(field: &str, body: &T) -> Result<Bytes, Error> {
        serde_json::to_vec(body)
            .map(Bytes::from)
            .map_err(|e| Error::invalid_input(field, format!("cannot be serialized as JSON: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert!(check_content_type("text/xml; charset=UTF-8").is_ok());
        assert!(check_content_type("application/json").is_ok());
        assert!(check_content_type(" text/xml").is_err());
        assert!(check_content_type("text/xml\n").is_err());
        assert!(check_content_type("textxml").is_err());
        assert!(check_content_type("text/xml; charset").is_err());
        assert!(check_content_type("text/xml; charset=ÜTF").is_err());
        assert!(check_feed_content_type("JSON_LISTINGS_FEED", "text/xml; charset=UTF-8", None).is_err());
        assert!(check_feed_content_type(
            "POST_ORDER_FULFILLMENT_DATA",
            "text/xml; charset=UTF-8",
            Some(b"<a/>")
        )
        .is_ok());
        assert!(check_feed_content_type(
            "POST_ORDER_FULFILLMENT_DATA",
            "text/xml; charset=UTF-8",
            Some(b"\xff")
        )
        .is_err());
        assert!(check_feed_content_type(
            "POST_FLAT_FILE_X",
            "text/tab-separated-values; charset=x-bogus",
            None
        )
        .is_err());
    }

    #[test]
    fn operations_match_the_usage_plan_table() {
        use crate::{
            fba_inventory_v1 as inv, feeds_2021_06_30 as feeds, fulfillment_outbound_2020_07_01 as mcf,
            listings_items_2021_08_01 as li, merchant_fulfillment_v0 as mfn, reports_2021_06_30 as rep,
        };
        let ops: &[&crate::operation::Operation] = &[
            &feeds::GET_FEEDS,
            &feeds::CREATE_FEED,
            &feeds::GET_FEED,
            &feeds::CANCEL_FEED,
            &feeds::CREATE_FEED_DOCUMENT,
            &feeds::GET_FEED_DOCUMENT,
            &rep::GET_REPORTS,
            &rep::CREATE_REPORT,
            &rep::GET_REPORT,
            &rep::CANCEL_REPORT,
            &rep::GET_REPORT_DOCUMENT,
            &rep::GET_REPORT_DOCUMENT_RESTRICTED,
            &rep::GET_REPORT_SCHEDULES,
            &rep::CREATE_REPORT_SCHEDULE,
            &rep::GET_REPORT_SCHEDULE,
            &rep::CANCEL_REPORT_SCHEDULE,
            &mcf::GET_FULFILLMENT_PREVIEW,
            &mcf::CREATE_FULFILLMENT_ORDER,
            &mcf::GET_FULFILLMENT_ORDER,
            &mcf::LIST_ALL_FULFILLMENT_ORDERS,
            &mcf::UPDATE_FULFILLMENT_ORDER,
            &mcf::CANCEL_FULFILLMENT_ORDER,
            &mcf::GET_PACKAGE_TRACKING_DETAILS,
            &mcf::LIST_RETURN_REASON_CODES,
            &mcf::CREATE_FULFILLMENT_RETURN,
            &mcf::GET_FEATURES,
            &inv::GET_INVENTORY_SUMMARIES,
            &mfn::GET_ELIGIBLE_SHIPMENT_SERVICES,
            &mfn::CREATE_SHIPMENT,
            &mfn::GET_SHIPMENT,
            &mfn::CANCEL_SHIPMENT,
            &mfn::GET_ADDITIONAL_SELLER_INPUTS,
            &li::GET_LISTINGS_ITEM,
            &li::PUT_LISTINGS_ITEM,
            &li::PATCH_LISTINGS_ITEM,
            &li::DELETE_LISTINGS_ITEM,
            &li::SEARCH_LISTINGS_ITEMS,
        ];
        for op in ops {
            let entry = crate::limiter::usage_plans::lookup(op.api, op.version, op.name)
                .unwrap_or_else(|| panic!("{} is not in the usage-plan table", op.key()));
            assert_eq!(entry.plan, op.usage_plan, "{}", op.key());
            assert_eq!(entry.method, op.method.as_str(), "{}", op.key());
            assert_eq!(entry.path, op.path, "{}", op.key());
        }
    }

    #[test]
    fn charset_labels() {
        assert_eq!(
            charset_param("text/plain; charset=\"Shift_JIS\""),
            Some("Shift_JIS")
        );
        assert_eq!(charset_param("text/plain"), None);
        assert_eq!(encoding_for_label("CP932"), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(encoding_for_label("Windows-31J"), Some(encoding_rs::SHIFT_JIS));
        assert_eq!(encoding_for_label("ISO-8859-1"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(encoding_for_label("Cp1252"), Some(encoding_rs::WINDOWS_1252));
        assert_eq!(encoding_for_label("utf-8"), Some(encoding_rs::UTF_8));
        assert_eq!(encoding_for_label("no-such-charset"), None);
    }
}
