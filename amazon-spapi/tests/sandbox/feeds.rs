//! Sandbox cases of Feeds 2021-06-30 (owner: ops-b).

use amazon_spapi::error::Error;
use amazon_spapi::feeds_2021_06_30::models::{CreateFeedDocumentSpecification, CreateFeedSpecification};
use amazon_spapi::feeds_2021_06_30::{
    CancelFeed, CreateFeed, CreateFeedDocument, FeedProcessingStatus, GetFeed, GetFeedDocument, GetFeeds,
};
use serde_json::Value;

use crate::orders_v0::only;
use crate::{harness, Case};

fn typed<T: serde::Serialize>(v: &T) -> Option<Value> {
    Some(serde_json::to_value(v).expect("typed answers serialize"))
}

/// Checks `case` when it is a Feeds case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "feeds_2021-06-30" {
        return None;
    }
    let h = harness(case);
    let c = h.client();
    let known: &[&str] = match case.operation_id.as_str() {
        "getFeeds" => &[
            "feedTypes",
            "marketplaceIds",
            "pageSize",
            "processingStatuses",
            "createdSince",
            "createdUntil",
            "nextToken",
        ],
        "createFeed" | "createFeedDocument" => &["body"],
        "getFeed" | "cancelFeed" => &["feedId"],
        "getFeedDocument" => &["feedDocumentId", "enableContentEncodingUrlHeader"],
        _ => return None,
    };
    if let Err(e) = only(case, known) {
        return Some(Err(e));
    }
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "getFeeds" => {
            let mut b = GetFeeds::new(c)
                .feed_types(case.strs("feedTypes"))
                .marketplace_ids(case.strs("marketplaceIds"))
                .processing_statuses(
                    case.strs("processingStatuses")
                        .iter()
                        .map(|s| FeedProcessingStatus::from(s.as_str())),
                );
            if let Some(n) = case.str("pageSize").and_then(|s| s.parse().ok()) {
                b = b.page_size(n);
            }
            if let Some(t) = case.time("createdSince") {
                b = b.created_since(t);
            }
            if let Some(t) = case.time("createdUntil") {
                b = b.created_until(t);
            }
            if let Some(t) = case.str("nextToken") {
                b = b.next_token(t);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "createFeed" => {
            let body: CreateFeedSpecification = match case.body() {
                Ok(b) => b,
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = CreateFeed::new(c);
            if let Some(v) = body.feed_type {
                b = b.feed_type(v);
            }
            if let Some(v) = body.marketplace_ids {
                b = b.marketplace_ids(v);
            }
            if let Some(v) = body.input_feed_document_id {
                b = b.input_feed_document_id(v);
            }
            for (k, v) in body.feed_options.unwrap_or_default() {
                b = b.feed_option(k, v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "getFeed" => {
            let mut b = GetFeed::new(c);
            if let Some(id) = case.str("feedId") {
                b = b.feed_id(id);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "cancelFeed" => {
            let mut b = CancelFeed::new(c);
            if let Some(id) = case.str("feedId") {
                b = b.feed_id(id);
            }
            b.send().await.map(|_| None)
        }
        "createFeedDocument" => {
            let body: CreateFeedDocumentSpecification = match case.body() {
                Ok(b) => b,
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = CreateFeedDocument::new(c);
            if let Some(v) = body.content_type {
                b = b.content_type(v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "getFeedDocument" => {
            let mut b = GetFeedDocument::new(c);
            if let Some(id) = case.str("feedDocumentId") {
                b = b.feed_document_id(id);
            }
            if let Some(v) = case.str("enableContentEncodingUrlHeader") {
                b = b.enable_content_encoding_url_header(v == "true");
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        _ => return None,
    };
    Some(h.verify(case, outcome))
}
