use rust_decimal::Decimal;

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

const ORDER: &str = r#"{"payload":{
  "fulfillmentOrder":{"sellerFulfillmentOrderId":"MCF-1","marketplaceId":"ATVPDKIKX0DER",
    "displayableOrderComment":"Happy birthday, Jane!","fulfillmentOrderStatus":"OnHold",
    "shippingSpeedCategory":"Teleport","notificationEmails":["jane@example.com"],
    "destinationAddress":{"name":"Jane Buyer","addressLine1":"1 Private Lane","city":"Seattle",
      "stateOrRegion":"WA","postalCode":"98101","countryCode":"US","phone":"555-0100"},
    "receivedDate":"2026-11-27T10:00:00Z"},
  "fulfillmentOrderItems":[{"sellerSku":"S","sellerFulfillmentOrderItemId":"1","quantity":"3",
    "giftMessage":"Love, Grandma","perUnitDeclaredValue":{"currencyCode":"USD","value":"19.99"},
    "cancelledQuantity":0,"unfulfillableQuantity":"0"}],
  "returnItems":[]}}"#;

#[test]
fn fulfillment_order_decodes_every_quirk() {
    let r: GetFulfillmentOrderResponse = serde_json::from_str(ORDER).unwrap();
    let p = r.payload.unwrap();
    let o = p.fulfillment_order.unwrap();
    assert_eq!(
        o.fulfillment_order_status,
        Some(FulfillmentOrderStatus::Unknown("OnHold".into()))
    );
    assert_eq!(
        o.shipping_speed_category,
        Some(ShippingSpeedCategory::Unknown("Teleport".into()))
    );
    assert!(o.displayable_order_id.is_none(), "required but absent: None");
    let item = &p.fulfillment_order_items.unwrap()[0];
    assert_eq!(item.quantity, Some(3));
    assert_eq!(
        item.per_unit_declared_value.as_ref().unwrap().value,
        Some(Decimal::new(1999, 2))
    );
}

#[test]
fn debug_never_shows_recipient_data() {
    let r: GetFulfillmentOrderResponse = serde_json::from_str(ORDER).unwrap();
    let text = format!("{r:?}");
    for secret in [
        "Jane",
        "Private Lane",
        "555-0100",
        "jane@example.com",
        "Grandma",
        "Happy birthday",
    ] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    assert!(text.contains("98101") && text.contains("Seattle"));
}

#[test]
fn create_order_checks_required_fields_recursively() {
    let c = client();
    let mut body: CreateFulfillmentOrderRequest = serde_json::from_value(serde_json::json!({
        "sellerFulfillmentOrderId": "MCF-1", "displayableOrderId": "MCF-1",
        "displayableOrderDate": "2026-11-27T10:00:00Z", "displayableOrderComment": "Thanks",
        "shippingSpeedCategory": "Standard",
        "destinationAddress": {"name": "J", "addressLine1": "1 Main", "postalCode": "98101", "countryCode": "US"},
        "items": [{"sellerSku": "S", "sellerFulfillmentOrderItemId": "1", "quantity": 1}]
    }))
    .unwrap();
    let req = CreateFulfillmentOrder::new(&c)
        .body(body.clone())
        .request()
        .unwrap();
    let sent: serde_json::Value = serde_json::from_slice(req.body.as_ref().unwrap()).unwrap();
    assert_eq!(sent["displayableOrderDate"], "2026-11-27T10:00:00.000Z");
    body.items.as_mut().unwrap()[0].quantity = None;
    let err = CreateFulfillmentOrder::new(&c)
        .body(body.clone())
        .request()
        .unwrap_err();
    assert!(err.to_string().contains("items[0].quantity"), "{err}");
    body.seller_fulfillment_order_id = Some("x".repeat(41).into());
    assert!(CreateFulfillmentOrder::new(&c).body(body).request().is_err());
    assert!(GetFeatures::new(&c).request().is_err());
    assert!(GetPackageTrackingDetails::new(&c)
        .package_number(-1)
        .request()
        .is_err());
    assert_eq!(
        CancelFulfillmentOrder::new(&c)
            .seller_fulfillment_order_id("A B")
            .request()
            .unwrap()
            .path,
        "/fba/outbound/2020-07-01/fulfillmentOrders/A%20B/cancel"
    );
}

#[test]
fn list_pages_follow_payload_next_token() {
    let page: ListAllFulfillmentOrdersResponse = serde_json::from_str(
        r#"{"payload":{"nextToken":"t","fulfillmentOrders":[{"sellerFulfillmentOrderId":"1"}]}}"#,
    )
    .unwrap();
    assert_eq!(page.next_token(), Some("t"));
    assert_eq!(page.into_items().len(), 1);
}

#[test]
fn feature_operations_build_and_match_the_usage_plan_table() {
    let c = client();
    assert!(GetFeatureInventory::new(&c)
        .marketplace_id("ATVPDKIKX0DER")
        .request()
        .is_err());
    assert!(GetFeatureInventory::new(&c)
        .feature_name("BLANK_BOX")
        .request()
        .is_err());
    let req = GetFeatureInventory::new(&c)
        .marketplace_id("ATVPDKIKX0DER")
        .feature_name("BLANK_BOX")
        .next_token("n")
        .request()
        .unwrap();
    assert_eq!(req.path, "/fba/outbound/2020-07-01/features/inventory/BLANK_BOX");
    assert!(
        req.query.iter().any(|(k, v)| k == "nextToken" && v == "n"),
        "{:?}",
        req.query
    );
    let err = GetFeatureSku::new(&c)
        .marketplace_id("ATVPDKIKX0DER")
        .feature_name("BLANK_BOX")
        .request()
        .unwrap_err();
    assert!(err.to_string().contains("sellerSku"), "{err}");
    let req = GetFeatureSku::new(&c)
        .marketplace_id("ATVPDKIKX0DER")
        .feature_name("BLANK_BOX")
        .seller_sku("A/B 1")
        .request()
        .unwrap();
    assert_eq!(
        req.path,
        "/fba/outbound/2020-07-01/features/inventory/BLANK_BOX/A%2FB%201"
    );
    for op in [&GET_FEATURE_INVENTORY, &GET_FEATURE_SKU] {
        let entry = crate::limiter::usage_plans::lookup(op.api, op.version, op.name)
            .unwrap_or_else(|| panic!("{} is not in the usage-plan table", op.key()));
        assert_eq!(entry.plan, op.usage_plan, "{}", op.key());
        assert_eq!(entry.method, op.method.as_str(), "{}", op.key());
        assert_eq!(entry.path, op.path, "{}", op.key());
    }
    let page: GetFeatureInventoryResponse = serde_json::from_str(
        r#"{"payload":{"marketplaceId":"M","featureName":"BLANK_BOX","nextToken":"",
            "featureSkus":[{"sellerSku":"S","skuCount":3}]}}"#,
    )
    .unwrap();
    assert_eq!(page.next_token(), None, "an empty token ends the pages");
    assert_eq!(page.into_items().len(), 1);
}
