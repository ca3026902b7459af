use chrono::{TimeZone, Utc};

use super::*;
use crate::auth::LwaCredentials;
use crate::client::SpApiClient;
use crate::pagination::Page;

fn client() -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new("id", "secret", "Atzr|r"))
        .build()
        .unwrap()
}

#[test]
fn summaries_request_repeats_filters_on_follow_ups() {
    let c = client();
    assert!(GetInventorySummaries::new(&c).request().is_err());
    let req = GetInventorySummaries::new(&c)
        .marketplace_id("ATVPDKIKX0DER")
        .details(true)
        .seller_skus(["A", "B"])
        .request()
        .unwrap();
    assert_eq!(
        req.query,
        [
            ("details", "true"),
            ("granularityType", "Marketplace"),
            ("granularityId", "ATVPDKIKX0DER"),
            ("sellerSkus", "A,B"),
            ("marketplaceIds", "ATVPDKIKX0DER")
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
    );
    let next = GET_INVENTORY_SUMMARIES_PAGES.follow_up_request(&req, "tok");
    assert_eq!(next.query.len(), 6);
    assert!(next.query.contains(&("nextToken".into(), "tok".into())));
    let both = GetInventorySummaries::new(&c)
        .marketplace_id("M")
        .seller_skus(["A"])
        .start_date_time(Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap());
    assert!(both.request().is_err());
    assert!(GetInventorySummaries::new(&c)
        .marketplace_id("M")
        .seller_skus(vec!["S"; 51])
        .request()
        .is_err());
}

#[test]
fn summaries_decode_numbers_sent_as_strings() {
    let page: GetInventorySummariesResponse = serde_json::from_str(
        r#"{"payload":{"granularity":{"granularityType":"Marketplace","granularityId":"M"},
            "inventorySummaries":[{"asin":"B0","sellerSku":"S","condition":"NewItem","totalQuantity":"12",
              "inventoryDetails":{"fulfillableQuantity":"10","researchingQuantity":{"researchingQuantityBreakdown":
              [{"name":"researchingQuantityInLongTerm","quantity":1}]}},"lastUpdatedTime":""}]},
            "pagination":{"nextToken":"n1"}}"#,
    )
    .unwrap();
    assert_eq!(page.next_token(), Some("n1"));
    let items = page.into_items();
    assert_eq!(items[0].total_quantity, Some(12));
    assert_eq!(
        items[0].inventory_details.as_ref().unwrap().fulfillable_quantity,
        Some(10)
    );
    assert!(items[0].last_updated_time.is_none());
}
