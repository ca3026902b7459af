//! The real SDK client (`SpApiClient` and the typed operation builders) against the simulator: every API
//! the simulator serves, decoded by the SDK's own models. The client runs on the simulator's clock, so
//! its rate limiter waits in simulated time.
#![cfg(feature = "sim")]

use std::sync::Arc;

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::documents::{DocumentReader, Documents};
use amazon_spapi::sim::{SimConfig, SimHandle, Simulator};
use chrono::Duration;
use futures::TryStreamExt;
use serde_json::{json, Value};

const US: &str = "ATVPDKIKX0DER";
const US_SELLER: &str = "A1SIMUSSELLER1";
const AU_SELLER: &str = "A4SIMAUSELLER1";

fn client(sim: &SimHandle, seller: &str) -> SpApiClient {
    let info = sim.seller(seller).unwrap();
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            info.refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url()).unwrap())
        .lwa_endpoint(Url::parse(&sim.lwa_url()).unwrap())
        .selling_partner_id(seller)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()
        .unwrap()
}

async fn read_all(mut r: DocumentReader) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(b) = r.next_bytes().await.unwrap() {
        out.extend_from_slice(&b);
    }
    out
}

fn v<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

#[tokio::test]
async fn sdk_orders_v0_pages_personal_data_and_shipments() {
    let sim = Simulator::start(SimConfig::new(5).frozen()).await.unwrap();
    let c = client(&sim, US_SELLER);
    use amazon_spapi::orders_v0::{ConfirmShipment, DataElement, GetOrderAddress, GetOrderItems, GetOrders};
    let after = sim.now() - Duration::days(3);
    let bound = sim.now() - Duration::minutes(2);
    // More pages than getOrders' burst of 20: the client's limiter waits (in simulated time).
    let orders: Vec<_> = GetOrders::new(&c)
        .marketplace_ids([US])
        .created_after(after)
        .max_results_per_page(15)
        .orders()
        .try_collect()
        .await
        .unwrap();
    let expected = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| o.marketplace_id == US && o.purchase_date <= bound)
        .count();
    assert!(orders.len() > 20 * 15, "{}", orders.len());
    let mut ids: Vec<String> = orders
        .iter()
        .map(|o| o.amazon_order_id.as_ref().unwrap().as_str().to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), orders.len(), "no order twice");
    assert_eq!(ids.len(), expected, "every order once");
    let recorded = sim.recorded_requests();
    let throttled = recorded.iter().filter(|r| r.status == 429).count();
    assert_eq!(throttled, 0, "the client kept within the usage plan");
    assert!(
        recorded
            .iter()
            .filter(|r| r.operation.as_deref() == Some("orders-v0/getOrders"))
            .count()
            > 20
    );

    // Personal data: the SDK fetches an RDT for the data elements.
    sim.clear_recorded_requests();
    let page = GetOrders::new(&c)
        .marketplace_ids([US])
        .created_after(sim.now() - Duration::hours(12))
        .data_elements([DataElement::ShippingAddress, DataElement::BuyerInfo])
        .send()
        .await
        .unwrap();
    let with_name = page
        .orders
        .iter()
        .filter(|o| v(o)["ShippingAddress"]["Name"].is_string())
        .count();
    assert!(with_name > 0, "MFN orders come with addresses");
    assert!(page
        .orders
        .iter()
        .filter(|o| v(o)["FulfillmentChannel"] == "AFN")
        .all(|o| v(o)["ShippingAddress"].get("Name").is_none()));
    let recorded = sim.recorded_requests();
    assert!(recorded
        .iter()
        .any(|r| r.operation.as_deref() == Some("tokens/createRestrictedDataToken")));
    assert!(recorded
        .iter()
        .any(|r| r.operation.as_deref() == Some("orders-v0/getOrders")
            && r.token_kind == amazon_spapi::sim::TokenKind::Rdt));

    // Items and the address without an RDT.
    let o = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .unwrap();
    let items = GetOrderItems::new(&c, o.order_id.as_str()).send().await.unwrap();
    assert_eq!(items.order_items.len(), o.items.len());
    // getOrderAddress is restricted: the address has a name exactly when the SDK sent an RDT for it.
    sim.clear_recorded_requests();
    let addr = GetOrderAddress::new(&c, o.order_id.as_str())
        .send()
        .await
        .unwrap();
    let used_rdt = sim.recorded_requests().iter().any(|r| {
        r.operation.as_deref() == Some("orders-v0/getOrderAddress")
            && r.token_kind == amazon_spapi::sim::TokenKind::Rdt
    });
    assert_eq!(
        v(&addr)["ShippingAddress"]["Name"].is_string(),
        used_rdt,
        "{}",
        v(&addr)
    );
    assert!(v(&addr)["ShippingAddress"]["PostalCode"].is_string());
    // confirmShipment through the SDK.
    let mut cs = ConfirmShipment::new(&c, o.order_id.as_str())
        .marketplace_id(US)
        .package_reference_id("1")
        .carrier_code("UPS")
        .tracking_number("1ZSDK")
        .ship_date(sim.now());
    for (id, _, q, _) in &o.items {
        cs = cs.item(id.as_str(), u32::try_from(*q).unwrap());
    }
    cs.send().await.unwrap();
    assert_eq!(sim.order(&o.order_id).unwrap().status, "Shipped");
    let again = ConfirmShipment::new(&c, o.order_id.as_str())
        .marketplace_id(US)
        .package_reference_id("1")
        .carrier_code("Pony Express")
        .tracking_number("1ZSDK")
        .ship_date(sim.now())
        .item(o.items[0].0.as_str(), 1)
        .send()
        .await;
    assert!(
        again.is_err(),
        "a second confirmation and an unknown carrier are refused"
    );

    // Buyer information (restricted: the SDK gets an RDT) and updateShipmentStatus.
    use amazon_spapi::orders_v0::{
        GetOrderBuyerInfo, GetOrderItemsBuyerInfo, ShipmentStatus, UpdateShipmentStatus,
    };
    let u = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .unwrap();
    let b = GetOrderBuyerInfo::new(&c, u.order_id.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(v(&b)["AmazonOrderId"], u.order_id.as_str());
    let bi = GetOrderItemsBuyerInfo::new(&c, u.order_id.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(v(&bi)["OrderItems"].as_array().unwrap().len(), u.items.len());
    UpdateShipmentStatus::new(&c, u.order_id.as_str())
        .marketplace_id(US)
        .shipment_status(ShipmentStatus::ReadyForPickup)
        .send()
        .await
        .unwrap();
    let after = amazon_spapi::orders_v0::GetOrder::new(&c, u.order_id.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(v(&after)["EasyShipShipmentStatus"], "PendingPickUp");
    sim.shutdown().await;
}

#[tokio::test]
async fn sdk_orders_2026_tokens_and_sellers() {
    let sim = Simulator::start(SimConfig::new(6).frozen()).await.unwrap();
    use amazon_spapi::orders_2026_01_01::{IncludedData, SearchOrders};
    let c = client(&sim, US_SELLER);
    let after = sim.now() - Duration::days(1);
    let orders: Vec<_> = SearchOrders::new(&c)
        .created_after(after)
        .marketplace_ids([US])
        .included_data([
            IncludedData::Buyer,
            IncludedData::Recipient,
            IncludedData::Fulfillment,
            IncludedData::Proceeds,
        ])
        .max_results_per_page(100)
        .orders()
        .try_collect()
        .await
        .unwrap();
    let expected = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| {
            o.marketplace_id == US
                && o.purchase_date >= after
                && o.purchase_date <= sim.now() - Duration::minutes(2)
        })
        .count();
    assert_eq!(orders.len(), expected);
    assert!(orders
        .iter()
        .any(|o| v(o)["recipient"]["deliveryAddress"]["name"].is_string()));
    assert!(orders
        .iter()
        .all(|o| v(o)["fulfillment"]["fulfillmentStatus"].is_string()));
    let au = client(&sim, AU_SELLER);
    let au_orders: Vec<_> = SearchOrders::new(&au)
        .created_after(after)
        .included_data([IncludedData::Buyer, IncludedData::Recipient])
        .orders()
        .try_collect()
        .await
        .unwrap();
    assert!(!au_orders.is_empty());
    assert!(
        au_orders
            .iter()
            .all(|o| v(o)["recipient"]["deliveryAddress"].get("name").is_none()),
        "no role, no names"
    );
    let one = amazon_spapi::orders_2026_01_01::GetOrder::new(&c, v(&orders[0])["orderId"].as_str().unwrap())
        .included_data([IncludedData::Fulfillment])
        .send()
        .await
        .unwrap();
    assert_eq!(v(&one)["orderId"], v(&orders[0])["orderId"]);

    use amazon_spapi::tokens_2021_03_01::{CreateRestrictedDataToken, RestrictedResource};
    let rdt = CreateRestrictedDataToken::new(&c)
        .resource(RestrictedResource::get("/orders/v0/orders/{orderId}/address"))
        .send()
        .await
        .unwrap();
    assert!(v(&rdt)["expiresIn"] == 3600);
    let denied = CreateRestrictedDataToken::new(&au)
        .resource(RestrictedResource::get("/orders/v0/orders/{orderId}/address"))
        .send()
        .await;
    assert!(denied.is_err(), "the AU seller's app has no role");

    let parts = amazon_spapi::sellers_v1::GetMarketplaceParticipations::new(&c)
        .send()
        .await
        .unwrap();
    assert_eq!(parts.len(), 3);
    sim.shutdown().await;
}

#[tokio::test]
async fn sdk_feeds_reports_and_documents() {
    let sim = Simulator::start(SimConfig::new(7).frozen()).await.unwrap();
    let c = client(&sim, US_SELLER);
    use amazon_spapi::feeds_2021_06_30::{CreateFeed, CreateFeedDocument, GetFeed};
    let o = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .unwrap();
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>{US_SELLER}</MerchantIdentifier></Header><MessageType>OrderAcknowledgement</MessageType><Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>{}</AmazonOrderID><StatusCode>Failure</StatusCode><Item><AmazonOrderItemCode>{}</AmazonOrderItemCode><CancelReason>NoInventory</CancelReason></Item></OrderAcknowledgement></Message></AmazonEnvelope>",
        o.order_id, o.items[0].0
    );
    let ct = "text/xml; charset=UTF-8";
    let doc = CreateFeedDocument::new(&c)
        .content_type(ct)
        .send()
        .await
        .unwrap()
        .into_payload();
    let docs = Documents::new().unwrap();
    docs.upload(doc.url.as_deref().unwrap(), ct, xml.into())
        .await
        .unwrap();
    let feed = CreateFeed::new(&c)
        .feed_type("POST_ORDER_ACKNOWLEDGEMENT_DATA")
        .marketplace_ids([US])
        .input_feed_document_id(doc.feed_document_id.clone().unwrap())
        .send()
        .await
        .unwrap()
        .into_payload();
    let feed_id = v(&feed)["feedId"].as_str().unwrap().to_owned();
    assert!(
        docs.feed_result(&c, &feed_id).await.unwrap().is_none(),
        "not done yet"
    );
    sim.advance(Duration::minutes(10));
    let f = GetFeed::new(&c)
        .feed_id(feed_id.as_str())
        .send()
        .await
        .unwrap()
        .into_payload();
    assert_eq!(v(&f)["processingStatus"], "DONE");
    let report = read_all(docs.feed_result(&c, &feed_id).await.unwrap().unwrap()).await;
    let report = String::from_utf8(report).unwrap();
    assert!(
        report.contains("<MessagesSuccessful>1</MessagesSuccessful>"),
        "{report}"
    );
    assert_eq!(sim.order(&o.order_id).unwrap().status, "Canceled");

    use amazon_spapi::reports_2021_06_30::{CreateReport, GetReport, GetReportDocument};
    let r = CreateReport::new(&c)
        .report_type("GET_MERCHANT_LISTINGS_ALL_DATA")
        .marketplace_ids([US])
        .send()
        .await
        .unwrap()
        .into_payload();
    sim.advance(Duration::minutes(5));
    let rep = GetReport::new(&c)
        .report_id(v(&r)["reportId"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .into_payload();
    assert_eq!(v(&rep)["processingStatus"], "DONE");
    let d = GetReportDocument::new(&c)
        .report_document_id(v(&rep)["reportDocumentId"].as_str().unwrap())
        .report_type("GET_MERCHANT_LISTINGS_ALL_DATA")
        .send()
        .await
        .unwrap()
        .into_payload();
    let tsv = String::from_utf8(read_all(docs.report(&d).await.unwrap()).await).unwrap();
    assert!(tsv.starts_with("item-name\tseller-sku"), "{tsv}");
    assert!(tsv.lines().count() > 10);

    use amazon_spapi::feeds_2021_06_30::GetFeeds;
    use amazon_spapi::reports_2021_06_30::GetReports;
    let feeds: Vec<_> = GetFeeds::new(&c)
        .feed_types(["POST_ORDER_ACKNOWLEDGEMENT_DATA"])
        .feeds()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(feeds.len(), 1);
    let reports: Vec<_> = GetReports::new(&c)
        .report_types(["GET_MERCHANT_LISTINGS_ALL_DATA"])
        .reports()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(reports.len(), 1);
    sim.shutdown().await;
}

#[tokio::test]
async fn sdk_fulfillment_inventory_labels_and_listings() {
    let sim = Simulator::start(SimConfig::new(8).frozen()).await.unwrap();
    let c = client(&sim, US_SELLER);
    use amazon_spapi::fba_inventory_v1::GetInventorySummaries;
    let sums: Vec<_> = GetInventorySummaries::new(&c)
        .marketplace_id(US)
        .details(true)
        .summaries()
        .try_collect()
        .await
        .unwrap();
    let fba_skus = sim
        .skus(US_SELLER)
        .unwrap()
        .into_iter()
        .filter(|(_, fba)| *fba)
        .count();
    assert_eq!(sums.len(), fba_skus);
    let stocked = sums
        .iter()
        .map(v)
        .find(|s| s["inventoryDetails"]["fulfillableQuantity"].as_i64().unwrap_or(0) >= 2)
        .unwrap();
    let sku = stocked["sellerSku"].as_str().unwrap().to_owned();

    use amazon_spapi::fulfillment_outbound_2020_07_01::{
        CreateFulfillmentOrder, CreateFulfillmentOrderRequest, GetFulfillmentOrder, GetPackageTrackingDetails,
    };
    let body: CreateFulfillmentOrderRequest = serde_json::from_value(json!({
        "sellerFulfillmentOrderId": "SDK-MCF-1", "displayableOrderId": "SDK-MCF-1", "displayableOrderDate": sim.now().to_rfc3339(),
        "displayableOrderComment": "Thank you", "shippingSpeedCategory": "Standard",
        "destinationAddress": { "name": "Test Buyer", "addressLine1": "1 Main St", "city": "Seattle", "stateOrRegion": "WA", "postalCode": "98101", "countryCode": "US" },
        "items": [{ "sellerSku": sku, "sellerFulfillmentOrderItemId": "1", "quantity": 2 }]
    }))
    .unwrap();
    CreateFulfillmentOrder::new(&c).body(body).send().await.unwrap();
    sim.advance(Duration::hours(20));
    let got = GetFulfillmentOrder::new(&c)
        .seller_fulfillment_order_id("SDK-MCF-1")
        .send()
        .await
        .unwrap()
        .into_payload();
    let got = v(&got);
    assert_eq!(
        got["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"], "Complete",
        "{got}"
    );
    let pkg = got["payload"]["fulfillmentShipments"][0]["fulfillmentShipmentPackage"][0]["packageNumber"]
        .as_i64()
        .unwrap();
    let t = GetPackageTrackingDetails::new(&c)
        .package_number(pkg)
        .send()
        .await
        .unwrap()
        .into_payload();
    assert!(v(&t)["payload"]["trackingNumber"]
        .as_str()
        .unwrap()
        .starts_with("TBA"));

    use amazon_spapi::fulfillment_outbound_2020_07_01::{CancelFulfillmentOrder, ListAllFulfillmentOrders};
    let listed: Vec<_> = ListAllFulfillmentOrders::new(&c)
        .orders()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert!(
        CancelFulfillmentOrder::new(&c)
            .seller_fulfillment_order_id("SDK-MCF-1")
            .send()
            .await
            .is_err(),
        "complete orders cannot be cancelled"
    );

    use amazon_spapi::merchant_fulfillment_v0::{
        CancelShipment, CreateShipment, GetEligibleShipmentServices, GetShipment, ShipmentRequestDetails,
    };
    let o = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .unwrap();
    let details: ShipmentRequestDetails = serde_json::from_value(json!({
        "AmazonOrderId": o.order_id, "ItemList": o.items.iter().map(|i| json!({ "OrderItemId": i.0, "Quantity": i.2 })).collect::<Vec<_>>(),
        "ShipFromAddress": { "Name": "Warehouse", "AddressLine1": "2201 Westlake Ave", "City": "Seattle", "StateOrProvinceCode": "WA", "PostalCode": "98121", "CountryCode": "US", "Email": "w@example.com", "Phone": "+1 206 555 0100" },
        "PackageDimensions": { "Length": 10.0, "Width": 8.0, "Height": 4.0, "Unit": "inches" }, "Weight": { "Value": 16.0, "Unit": "oz" },
        "ShippingServiceOptions": { "DeliveryExperience": "DeliveryConfirmationWithoutSignature", "CarrierWillPickUp": false }
    }))
    .unwrap();
    let e = GetEligibleShipmentServices::new(&c)
        .shipment_request_details(details.clone())
        .send()
        .await
        .unwrap()
        .into_payload();
    let svc = v(&e)["payload"]["ShippingServiceList"][0]["ShippingServiceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let s = CreateShipment::new(&c)
        .shipment_request_details(details)
        .shipping_service_id(svc)
        .send()
        .await
        .unwrap()
        .into_payload();
    let sid = v(&s)["payload"]["ShipmentId"].as_str().unwrap().to_owned();
    assert_eq!(sim.order(&o.order_id).unwrap().status, "Shipped");
    let g = GetShipment::new(&c)
        .shipment_id(sid.as_str())
        .send()
        .await
        .unwrap()
        .into_payload();
    assert_eq!(v(&g)["payload"]["Status"], "Purchased");
    let x = CancelShipment::new(&c)
        .shipment_id(sid.as_str())
        .send()
        .await
        .unwrap()
        .into_payload();
    assert_eq!(v(&x)["payload"]["Status"], "RefundPending");

    use amazon_spapi::listings_items_2021_08_01::{
        GetListingsItem, PatchListingsItem, PatchOperation, SearchListingsItems,
    };
    let mfn_sku = sim
        .skus(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|(_, fba)| !fba)
        .unwrap()
        .0;
    let patch: PatchOperation = serde_json::from_value(json!({ "op": "replace", "path": "/attributes/fulfillment_availability",
        "value": [{ "fulfillment_channel_code": "DEFAULT", "quantity": 9, "lead_time_to_ship_max_days": 3 }] }))
    .unwrap();
    let r = PatchListingsItem::new(&c)
        .seller_id(US_SELLER)
        .sku(mfn_sku.as_str())
        .marketplace_ids([US])
        .product_type("HOME")
        .patch(patch)
        .send()
        .await
        .unwrap()
        .into_payload();
    assert_eq!(v(&r)["status"], "ACCEPTED");
    let stock = sim.listing(US_SELLER, &mfn_sku).unwrap().unwrap();
    assert_eq!((stock.quantity, stock.handling_days), (9, 3));
    let item = GetListingsItem::new(&c)
        .seller_id(US_SELLER)
        .sku(mfn_sku.as_str())
        .marketplace_ids([US])
        .included_data(["summaries", "fulfillmentAvailability"])
        .send()
        .await
        .unwrap()
        .into_payload();
    assert_eq!(v(&item)["fulfillmentAvailability"][0]["quantity"], 9);
    let all: Vec<_> = SearchListingsItems::new(&c)
        .seller_id(US_SELLER)
        .marketplace_ids([US])
        .page_size(20)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), sim.skus(US_SELLER).unwrap().len());
    sim.shutdown().await;
}
