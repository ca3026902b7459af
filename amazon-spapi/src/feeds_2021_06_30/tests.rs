use chrono::{TimeZone, Utc};

use super::*;
use crate::auth::LwaCredentials;
use crate::client::SpApiClient;
use crate::error::Error;

fn client() -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new("id", "secret", "Atzr|r"))
        .build()
        .unwrap()
}

#[test]
fn get_feeds_needs_types_or_a_token_and_sends_the_token_alone() {
    let c = client();
    assert!(matches!(
        GetFeeds::new(&c).request(),
        Err(Error::InvalidInput { .. })
    ));
    let req = GetFeeds::new(&c)
        .feed_types(["JSON_LISTINGS_FEED", "POST_ORDER_FULFILLMENT_DATA"])
        .processing_statuses([FeedProcessingStatus::Done, FeedProcessingStatus::Fatal])
        .created_since(Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap())
        .page_size(100)
        .request()
        .unwrap();
    assert_eq!(
        req.query[0],
        (
            "feedTypes".into(),
            "JSON_LISTINGS_FEED,POST_ORDER_FULFILLMENT_DATA".into()
        )
    );
    assert!(req
        .query
        .contains(&("processingStatuses".into(), "DONE,FATAL".into())));
    assert!(req
        .query
        .contains(&("createdSince".into(), "2026-11-01T00:00:00.000Z".into())));
    let resumed = GetFeeds::new(&c)
        .feed_types(["X"])
        .next_token("a+b/c=")
        .request()
        .unwrap();
    assert_eq!(resumed.query, vec![("nextToken".to_owned(), "a+b/c=".to_owned())]);
    let follow = GET_FEEDS_PAGES.follow_up_request(&req, "t2");
    assert_eq!(follow.query, vec![("nextToken".to_owned(), "t2".to_owned())]);
    assert!(GetFeeds::new(&c)
        .feed_types(["X"])
        .page_size(101)
        .request()
        .is_err());
    assert!(GetFeeds::new(&c).feed_types(vec!["X"; 11]).request().is_err());
}

#[test]
fn create_feed_validates_and_serializes() {
    let c = client();
    let err = CreateFeed::new(&c)
        .feed_type("JSON_LISTINGS_FEED")
        .request()
        .unwrap_err();
    assert!(err.to_string().contains("inputFeedDocumentId"), "{err}");
    let req = CreateFeed::new(&c)
        .feed_type("JSON_LISTINGS_FEED")
        .marketplace_ids(["ATVPDKIKX0DER"])
        .input_feed_document_id("doc")
        .feed_option("k", "v")
        .request()
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(req.body.as_ref().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"feedType": "JSON_LISTINGS_FEED", "marketplaceIds": ["ATVPDKIKX0DER"],
            "inputFeedDocumentId": "doc", "feedOptions": {"k": "v"}})
    );
    assert!(CreateFeedDocument::new(&c)
        .content_type("text/xml\r\n")
        .request()
        .is_err());
    assert_eq!(
        GetFeed::new(&c).feed_id("a/b").request().unwrap().path,
        "/feeds/2021-06-30/feeds/a%2Fb"
    );
}

#[test]
fn feed_decodes_leniently_and_hides_presigned_urls() {
    let feed: Feed = serde_json::from_str(
        r#"{"feedId":12345,"feedType":"JSON_LISTINGS_FEED","processingStatus":"SUPERSEDED",
            "createdTime":"2026-11-27T10:00:00Z"}"#,
    )
    .unwrap();
    assert_eq!(feed.feed_id.as_ref().map(FeedId::as_str), Some("12345"));
    assert_eq!(
        feed.processing_status,
        Some(FeedProcessingStatus::Unknown("SUPERSEDED".into()))
    );
    assert!(
        feed.marketplace_ids.is_none(),
        "a required field that is absent decodes as None"
    );
    let doc: FeedDocument = serde_json::from_str(
        r#"{"feedDocumentId":"d","url":"https://s3/x?X-Amz-Signature=SECRETSIG","compressionAlgorithm":"ZSTD"}"#,
    )
    .unwrap();
    assert!(!format!("{doc:?}").contains("SECRETSIG"));
    assert_eq!(
        doc.compression_algorithm,
        Some(FeedDocumentCompressionAlgorithm::Unknown("ZSTD".into()))
    );
}
