//! The real SDK client against the simulator, for the operations `sim_sdk.rs` does not drive: regulated
//! orders (getOrderRegulatedInfo, updateVerificationStatus), MCF updates, returns and features, report
//! schedules, sellers' account, feed and report cancellation, feed documents, listings put/delete,
//! fulfillment previews and additional seller inputs; plus the connection-reset fault as a real TCP reset.
#![cfg(feature = "sim")]

use std::sync::Arc;

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::error::Error;
use amazon_spapi::sim::{FaultConfig, SellerSpec, SimConfig, SimHandle, Simulator};
use chrono::Duration;
use futures::TryStreamExt;
use serde_json::{json, Value};

const US: &str = "ATVPDKIKX0DER";
const US_SELLER: &str = "A1SIMUSSELLER1";

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

fn v<T: serde::Serialize>(t: &T) -> Value {
    serde_json::to_value(t).unwrap()
}

fn api_messages(e: &Error) -> Vec<String> {
    match e {
        Error::Api(a) => a.errors.iter().map(|x| x.message.clone()).collect(),
        other => panic!("expected an API error, got {other}"),
    }
}

#[tokio::test]
async fn sdk_regulated_orders_verification() {
    use amazon_spapi::orders_v0::{
        GetOrder, GetOrderRegulatedInfo, GetOrders, UpdateVerificationStatus, VerificationDetails,
        VerificationStatus,
    };
    let sim = Simulator::start(SimConfig::new(11).frozen().without_limits())
        .await
        .unwrap();
    let c = client(&sim, US_SELLER);
    let orders: Vec<_> = GetOrders::new(&c)
        .marketplace_ids([US])
        .created_after(sim.now() - Duration::days(20))
        .orders()
        .try_collect()
        .await
        .unwrap();
    let regulated: Vec<String> = orders
        .iter()
        .filter(|o| v(o)["HasRegulatedItems"] == true)
        .map(|o| v(o)["AmazonOrderId"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        regulated.len() >= 3 && regulated.len() < orders.len() / 4,
        "{} of {}",
        regulated.len(),
        orders.len()
    );
    let plain = orders
        .iter()
        .map(v)
        .find(|o| o["HasRegulatedItems"] == false)
        .unwrap();

    // Read every regulated order (the SDK fetches the Restricted Data Token itself).
    let mut pending = Vec::new();
    let mut statuses = Vec::new();
    for id in &regulated {
        let info = GetOrderRegulatedInfo::new(&c, id.as_str()).send().await.unwrap();
        let info = v(&info);
        assert_eq!(info["AmazonOrderId"], id.as_str());
        assert!(!info["RegulatedInformation"]["Fields"]
            .as_array()
            .unwrap()
            .is_empty());
        let s = info["RegulatedOrderVerificationStatus"]["Status"]
            .as_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            info["RegulatedOrderVerificationStatus"]["RequiresMerchantAction"],
            s == "Pending"
        );
        if s == "Pending" {
            pending.push(id.clone());
        }
        statuses.push(s);
    }
    assert!(pending.len() >= 3, "{statuses:?}");
    assert!(
        statuses.iter().any(|s| s == "Expired" || s == "Cancelled"),
        "old or canceled orders are no longer pending: {statuses:?}"
    );
    let rdt_requests = sim
        .recorded_requests()
        .iter()
        .filter(|r| r.operation.as_deref() == Some("tokens/createRestrictedDataToken"))
        .count();
    assert!(rdt_requests >= 1);

    // An order without regulated items has no regulated information.
    let e = GetOrderRegulatedInfo::new(&c, plain["AmazonOrderId"].as_str().unwrap())
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400), "{e}");

    // Validation as Amazon's model documents it (the SDK's own checks pass these).
    let prescription: VerificationDetails = serde_json::from_value(json!({ "prescriptionDetail": {
        "prescriptionId": "Rx-1234", "expirationDate": (sim.now() + Duration::days(200)).to_rfc3339(),
        "writtenQuantity": 3, "totalRefillsAuthorized": 10, "refillsRemaining": 10,
        "clinicId": "ABC-1234", "usageInstructions": "Take one per day by mouth with food" } }))
    .unwrap();
    let e = UpdateVerificationStatus::new(&c, pending[0].as_str())
        .status(VerificationStatus::Rejected)
        .rejection_reason_id("shield_pom_vps_reject_incorrect_weight")
        .external_reviewer_id("reviewer1234")
        .verification_details(prescription.clone())
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        api_messages(&e),
        ["Verification Detail `prescriptionDetail` is not supported when order is in Rejected status."]
    );
    let e = UpdateVerificationStatus::new(&c, pending[0].as_str())
        .status(VerificationStatus::Rejected)
        .rejection_reason_id("no_such_reason")
        .external_reviewer_id("reviewer1234")
        .send()
        .await
        .unwrap_err();
    assert!(api_messages(&e)[0].contains("rejectionReasonId"), "{e}");
    let incomplete: VerificationDetails = serde_json::from_value(json!({ "prescriptionDetail": {
        "prescriptionId": "Rx-1", "expirationDate": (sim.now() + Duration::days(30)).to_rfc3339(),
        "writtenQuantity": 1, "totalRefillsAuthorized": 0, "refillsRemaining": 0, "usageInstructions": "Daily" } }))
    .unwrap();
    let e = UpdateVerificationStatus::new(&c, pending[0].as_str())
        .status(VerificationStatus::Approved)
        .external_reviewer_id("reviewer1234")
        .verification_details(incomplete)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        api_messages(&e),
        ["Missing required parameter(s) from prescriptionDetail value: clinicId"]
    );
    let e = UpdateVerificationStatus::new(&c, pending[0].as_str())
        .status(VerificationStatus::Cancelled)
        .external_reviewer_id("reviewer1234")
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        api_messages(&e),
        ["Invalid request parameter `status`. Must be one of [Approved, Rejected]."]
    );

    // Interim progress keeps the order pending.
    let interim: VerificationDetails = serde_json::from_value(json!({ "interimStatusDetail": {
        "statusCode": "VET_CONTACTED", "statusDateTime": sim.now().to_rfc3339() } }))
    .unwrap();
    UpdateVerificationStatus::new(&c, pending[0].as_str())
        .external_reviewer_id("reviewer1234")
        .verification_details(interim)
        .send()
        .await
        .unwrap();
    let info = v(&GetOrderRegulatedInfo::new(&c, pending[0].as_str())
        .send()
        .await
        .unwrap());
    assert_eq!(info["RegulatedOrderVerificationStatus"]["Status"], "Pending");

    // Approve with the prescription: approved, reviewed, no further change.
    UpdateVerificationStatus::new(&c, pending[0].as_str())
        .status(VerificationStatus::Approved)
        .external_reviewer_id("reviewer1234")
        .verification_details(prescription)
        .send()
        .await
        .unwrap();
    let info = v(&GetOrderRegulatedInfo::new(&c, pending[0].as_str())
        .send()
        .await
        .unwrap());
    let vs = &info["RegulatedOrderVerificationStatus"];
    assert_eq!(vs["Status"], "Approved");
    assert_eq!(vs["RequiresMerchantAction"], false);
    assert_eq!(vs["ExternalReviewerId"], "reviewer1234");
    assert!(vs["ReviewDate"].is_string());
    let e = UpdateVerificationStatus::new(&c, pending[0].as_str())
        .status(VerificationStatus::Rejected)
        .rejection_reason_id("shield_pom_vps_reject_age")
        .external_reviewer_id("reviewer1234")
        .send()
        .await
        .unwrap_err();
    assert!(api_messages(&e)[0].contains("can no longer be changed"), "{e}");

    // Reject: the reason is reported and the unshipped order is canceled.
    let target = pending
        .iter()
        .skip(1)
        .find(|id| {
            let s = sim.order(id).unwrap();
            s.items.iter().all(|i| i.3 == 0) && (s.status == "Unshipped" || s.status == "Pending")
        })
        .expect("a pending regulated order that has not shipped")
        .clone();
    UpdateVerificationStatus::new(&c, target.as_str())
        .status(VerificationStatus::Rejected)
        .rejection_reason_id("shield_pom_vps_reject_age")
        .external_reviewer_id("vet-7")
        .send()
        .await
        .unwrap();
    let info = v(&GetOrderRegulatedInfo::new(&c, target.as_str())
        .send()
        .await
        .unwrap());
    let vs = &info["RegulatedOrderVerificationStatus"];
    assert_eq!(vs["Status"], "Rejected");
    assert_eq!(
        vs["RejectionReason"]["RejectionReasonId"],
        "shield_pom_vps_reject_age"
    );
    let order = v(&GetOrder::new(&c, target.as_str()).send().await.unwrap());
    assert_eq!(order["OrderStatus"], "Canceled");
    sim.shutdown().await;
}

#[tokio::test]
async fn sdk_mcf_update_returns_and_features() {
    use amazon_spapi::fulfillment_outbound_2020_07_01::{
        CreateFulfillmentOrder, CreateFulfillmentOrderRequest, CreateFulfillmentReturn,
        CreateFulfillmentReturnRequest, GetFeatureInventory, GetFeatureSku, GetFeatures, GetFulfillmentOrder,
        GetFulfillmentPreview, GetFulfillmentPreviewRequest, ListReturnReasonCodes, UpdateFulfillmentOrder,
        UpdateFulfillmentOrderRequest,
    };
    // A seller without marketplace orders, so only MCF moves the FBA stock.
    let quiet = SellerSpec::new(US_SELLER, &[US]).orders_per_day(0.0);
    let sim = Simulator::start(SimConfig::new(12).frozen().without_limits().sellers(vec![quiet]))
        .await
        .unwrap();
    let c = client(&sim, US_SELLER);
    let sku = sim
        .skus(US_SELLER)
        .unwrap()
        .into_iter()
        .filter(|(_, fba)| *fba)
        .map(|(s, _)| s)
        .find(|s| sim.listing(US_SELLER, s).unwrap().unwrap().fba_fulfillable >= 5)
        .expect("an FBA SKU with stock");
    let addr = json!({ "name": "Test Buyer", "addressLine1": "1 Main St", "city": "Seattle", "stateOrRegion": "WA", "postalCode": "98101", "countryCode": "US" });

    let preview: GetFulfillmentPreviewRequest = serde_json::from_value(json!({
        "address": addr, "items": [{ "sellerSku": sku, "quantity": 2, "sellerFulfillmentOrderItemId": "1" }] }))
    .unwrap();
    let p = GetFulfillmentPreview::new(&c).body(preview).send().await.unwrap();
    assert_eq!(
        v(&p.payload)["payload"]["fulfillmentPreviews"][0]["isFulfillable"],
        true
    );

    // An order on hold: updated (quantity, comment), then released for shipping.
    let body: CreateFulfillmentOrderRequest = serde_json::from_value(json!({
        "sellerFulfillmentOrderId": "HOLD-1", "displayableOrderId": "HOLD-1", "displayableOrderDate": sim.now().to_rfc3339(),
        "displayableOrderComment": "Thank you", "shippingSpeedCategory": "Standard", "fulfillmentAction": "Hold",
        "destinationAddress": addr,
        "items": [{ "sellerSku": sku, "sellerFulfillmentOrderItemId": "1", "quantity": 1 }] }))
    .unwrap();
    CreateFulfillmentOrder::new(&c).body(body).send().await.unwrap();
    sim.advance(Duration::hours(2));
    let get = |id: &'static str| {
        GetFulfillmentOrder::new(&c)
            .seller_fulfillment_order_id(id)
            .send()
    };
    let g = v(&get("HOLD-1").await.unwrap().payload);
    assert_eq!(
        g["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"], "Received",
        "a held order waits"
    );
    let bad: UpdateFulfillmentOrderRequest = serde_json::from_value(json!({
        "items": [{ "sellerFulfillmentOrderItemId": "nope", "quantity": 1 }] }))
    .unwrap();
    let e = UpdateFulfillmentOrder::new(&c)
        .seller_fulfillment_order_id("HOLD-1")
        .body(bad)
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400), "{e}");
    let upd: UpdateFulfillmentOrderRequest = serde_json::from_value(json!({
        "displayableOrderComment": "Updated comment", "fulfillmentAction": "Ship",
        "items": [{ "sellerFulfillmentOrderItemId": "1", "quantity": 3 }] }))
    .unwrap();
    UpdateFulfillmentOrder::new(&c)
        .seller_fulfillment_order_id("HOLD-1")
        .body(upd.clone())
        .send()
        .await
        .unwrap();
    let g = v(&get("HOLD-1").await.unwrap().payload);
    assert_eq!(
        g["payload"]["fulfillmentOrder"]["displayableOrderComment"],
        "Updated comment"
    );
    assert_eq!(g["payload"]["fulfillmentOrderItems"][0]["quantity"], 3);
    sim.advance(Duration::hours(20));
    let g = v(&get("HOLD-1").await.unwrap().payload);
    assert_eq!(
        g["payload"]["fulfillmentOrder"]["fulfillmentOrderStatus"],
        "Complete"
    );
    let e = UpdateFulfillmentOrder::new(&c)
        .seller_fulfillment_order_id("HOLD-1")
        .body(upd)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        e.status().map(|s| s.as_u16()),
        Some(400),
        "a shipped order cannot change: {e}"
    );
    let shipment = g["payload"]["fulfillmentShipments"][0]["amazonShipmentId"]
        .as_str()
        .unwrap()
        .to_owned();

    // Returns: reason codes, then three units back (one too many, one duplicate id, one bad reason).
    let codes = ListReturnReasonCodes::new(&c)
        .seller_sku(sku.as_str())
        .seller_fulfillment_order_id("HOLD-1")
        .send()
        .await
        .unwrap();
    let codes = v(&codes.payload);
    let reason = codes["payload"]["reasonCodeDetails"][0]["returnReasonCode"]
        .as_str()
        .unwrap()
        .to_owned();
    let item = |id: &str, reason: &str| json!({ "sellerReturnItemId": id, "sellerFulfillmentOrderItemId": "1", "amazonShipmentId": shipment, "returnReasonCode": reason });
    let ret: CreateFulfillmentReturnRequest = serde_json::from_value(json!({ "items": [
        item("R1", &reason), item("R2", &reason), item("R1", &reason), item("R3", "NOT-A-REASON"), item("R4", &reason), item("R5", &reason)
    ] }))
    .unwrap();
    let before = sim.listing(US_SELLER, &sku).unwrap().unwrap().fba_fulfillable;
    let r = CreateFulfillmentReturn::new(&c)
        .seller_fulfillment_order_id("HOLD-1")
        .body(ret)
        .send()
        .await
        .unwrap();
    let r = v(&r.payload)["payload"].clone();
    let ok: Vec<&str> = r["returnItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["sellerReturnItemId"].as_str().unwrap())
        .collect();
    assert_eq!(ok, ["R1", "R2", "R4"], "three units shipped, three returned");
    let bad: Vec<(&str, &str)> = r["invalidReturnItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["sellerReturnItemId"].as_str().unwrap(),
                x["invalidItemReason"]["invalidItemReasonCode"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        bad,
        [
            ("R1", "DuplicateRequest"),
            ("R3", "InvalidValues"),
            ("R5", "NoReturnableQuantity")
        ]
    );
    assert_eq!(r["returnAuthorizations"].as_array().unwrap().len(), 1);
    assert!(r["returnAuthorizations"][0]["rmaPageURL"]
        .as_str()
        .unwrap()
        .starts_with("https://www.amazon.com/"));
    sim.advance(Duration::days(8));
    let g = v(&get("HOLD-1").await.unwrap().payload);
    let items = g["payload"]["returnItems"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(|x| x["status"] == "Processed"), "{items:?}");
    let sellable = items
        .iter()
        .filter(|x| x["returnReceivedCondition"] == "Sellable")
        .count() as i64;
    assert_eq!(
        sim.listing(US_SELLER, &sku).unwrap().unwrap().fba_fulfillable,
        before + sellable,
        "sellable returns are restocked"
    );

    // Features: the list, the eligible SKUs (all pages), one SKU.
    let f = GetFeatures::new(&c).marketplace_id(US).send().await.unwrap();
    let f = v(&f.payload);
    let names: Vec<&str> = f["payload"]["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["featureName"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"BLANK_BOX") && names.contains(&"SIGNATURE_CONFIRMATION"),
        "{names:?}"
    );
    let skus: Vec<_> = GetFeatureInventory::new(&c)
        .marketplace_id(US)
        .feature_name("BLANK_BOX")
        .skus()
        .try_collect()
        .await
        .unwrap();
    let fba_count = sim.skus(US_SELLER).unwrap().iter().filter(|(_, f)| *f).count();
    assert!(
        !skus.is_empty() && skus.len() <= fba_count,
        "{} of {fba_count}",
        skus.len()
    );
    let eligible = v(&skus[0])["sellerSku"].as_str().unwrap().to_owned();
    let one = GetFeatureSku::new(&c)
        .marketplace_id(US)
        .feature_name("BLANK_BOX")
        .seller_sku(eligible.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(v(&one.payload)["payload"]["isEligible"], true);
    let none = GetFeatureSku::new(&c)
        .marketplace_id(US)
        .feature_name("BLANK_BOX")
        .seller_sku("NO-SUCH-SKU")
        .send()
        .await
        .unwrap();
    let none = v(&none.payload);
    assert_eq!(none["payload"]["isEligible"], false);
    assert_eq!(none["payload"]["ineligibleReasons"], json!(["INVALID_SKU"]));
    let e = GetFeatureInventory::new(&c)
        .marketplace_id(US)
        .feature_name("TELEPORT")
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400), "{e}");
    sim.shutdown().await;
}

#[tokio::test]
async fn sdk_report_schedules_produce_reports() {
    use amazon_spapi::reports_2021_06_30::{
        CancelReportSchedule, CreateReportSchedule, CreateReportScheduleSpecificationPeriod,
        GetReportSchedule, GetReportSchedules, GetReports,
    };
    const TYPE: &str = "GET_MERCHANT_LISTINGS_ALL_DATA";
    let sim = Simulator::start(SimConfig::new(13).frozen().without_limits())
        .await
        .unwrap();
    let c = client(&sim, US_SELLER);
    let first = sim.now() + Duration::minutes(30);
    let created = CreateReportSchedule::new(&c)
        .report_type(TYPE)
        .marketplace_ids([US])
        .period(CreateReportScheduleSpecificationPeriod::Pt1H)
        .next_report_creation_time(first)
        .send()
        .await
        .unwrap();
    let id = v(&created.payload)["reportScheduleId"]
        .as_str()
        .unwrap()
        .to_owned();
    // The same type and marketplaces again replaces the schedule.
    let again = CreateReportSchedule::new(&c)
        .report_type(TYPE)
        .marketplace_ids([US])
        .period(CreateReportScheduleSpecificationPeriod::Pt1H)
        .next_report_creation_time(first)
        .send()
        .await
        .unwrap();
    let id2 = v(&again.payload)["reportScheduleId"].as_str().unwrap().to_owned();
    assert_ne!(id, id2);
    let list = GetReportSchedules::new(&c)
        .report_types([TYPE])
        .send()
        .await
        .unwrap();
    let list = v(&list.payload);
    assert_eq!(list["reportSchedules"].as_array().unwrap().len(), 1, "{list}");
    let one = v(&GetReportSchedule::new(&c)
        .report_schedule_id(id2.as_str())
        .send()
        .await
        .unwrap()
        .payload);
    assert_eq!(one["period"], "PT1H");
    assert_eq!(one["reportType"], TYPE);
    let e = GetReportSchedule::new(&c)
        .report_schedule_id(id.as_str())
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(404), "{e}");

    // Three hours later: three scheduled reports, done, with their schedule id.
    sim.advance(Duration::hours(3));
    let reports: Vec<_> = GetReports::new(&c)
        .report_types([TYPE])
        .reports()
        .try_collect()
        .await
        .unwrap();
    let scheduled: Vec<Value> = reports
        .iter()
        .map(v)
        .filter(|r| r["reportScheduleId"] == id2.as_str())
        .collect();
    assert_eq!(scheduled.len(), 3, "{reports:?}");
    assert!(
        scheduled.iter().all(|r| r["processingStatus"] == "DONE"),
        "{scheduled:?}"
    );
    let next = v(&GetReportSchedule::new(&c)
        .report_schedule_id(id2.as_str())
        .send()
        .await
        .unwrap()
        .payload);
    let next_time = chrono::DateTime::parse_from_rfc3339(next["nextReportCreationTime"].as_str().unwrap())
        .unwrap()
        .to_utc();
    assert_eq!(next_time, first + Duration::hours(3));

    // Canceled: no more reports.
    CancelReportSchedule::new(&c)
        .report_schedule_id(id2.as_str())
        .send()
        .await
        .unwrap();
    sim.advance(Duration::hours(3));
    let after: Vec<_> = GetReports::new(&c)
        .report_types([TYPE])
        .reports()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(after.len(), reports.len());
    let bad = CreateReportSchedule::new(&c)
        .report_type(TYPE)
        .marketplace_ids(["A1F83G8C2ARO7P"])
        .period(CreateReportScheduleSpecificationPeriod::P1D)
        .send()
        .await
        .unwrap_err();
    assert_eq!(
        bad.status().map(|s| s.as_u16()),
        Some(400),
        "a marketplace the seller does not sell in: {bad}"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn sdk_cancellations_documents_listings_account_and_labels() {
    use amazon_spapi::feeds_2021_06_30::{
        CancelFeed, CreateFeed, CreateFeedDocument, GetFeed, GetFeedDocument,
    };
    use amazon_spapi::listings_items_2021_08_01::{DeleteListingsItem, GetListingsItem, PutListingsItem};
    use amazon_spapi::merchant_fulfillment_v0::{
        GetAdditionalSellerInputs, GetAdditionalSellerInputsRequest,
    };
    use amazon_spapi::reports_2021_06_30::{CancelReport, CreateReport, GetReport};
    use amazon_spapi::sellers_v1::GetAccount;
    let sim = Simulator::start(SimConfig::new(14).frozen().without_limits())
        .await
        .unwrap();
    let c = client(&sim, US_SELLER);

    let account = GetAccount::new(&c).send().await.unwrap();
    let account = v(&account);
    assert!(
        account["marketplaceParticipationList"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["marketplace"]["id"] == US),
        "{account}"
    );

    // A feed document, read back; a queued feed canceled.
    let doc = CreateFeedDocument::new(&c)
        .content_type("application/json; charset=UTF-8")
        .send()
        .await
        .unwrap();
    let doc_id = v(&doc.payload)["feedDocumentId"].as_str().unwrap().to_owned();
    let feed = json!({ "header": { "sellerId": US_SELLER, "version": "2.0" }, "messages": [] });
    let up = reqwest::Client::new()
        .put(v(&doc.payload)["url"].as_str().unwrap())
        .header("content-type", "application/json; charset=UTF-8")
        .body(feed.to_string())
        .send()
        .await
        .unwrap();
    assert!(up.status().is_success(), "{}", up.status());
    let got = GetFeedDocument::new(&c)
        .feed_document_id(doc_id.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(v(&got.payload)["feedDocumentId"], doc_id.as_str());
    assert!(v(&got.payload)["url"]
        .as_str()
        .unwrap()
        .starts_with(sim.base_url()));
    let f1 = CreateFeed::new(&c)
        .feed_type("JSON_LISTINGS_FEED")
        .marketplace_ids([US])
        .input_feed_document_id(doc_id.as_str())
        .send()
        .await
        .unwrap();
    let f2 = CreateFeed::new(&c)
        .feed_type("JSON_LISTINGS_FEED")
        .marketplace_ids([US])
        .input_feed_document_id(doc_id.as_str())
        .send()
        .await
        .unwrap();
    let f2_id = v(&f2.payload)["feedId"].as_str().unwrap().to_owned();
    assert_ne!(v(&f1.payload)["feedId"], f2_id.as_str());
    CancelFeed::new(&c).feed_id(f2_id.as_str()).send().await.unwrap();
    let feed = GetFeed::new(&c).feed_id(f2_id.as_str()).send().await.unwrap();
    assert_eq!(v(&feed.payload)["processingStatus"], "CANCELLED");

    // A report canceled while queued; once done it can no longer be.
    let r = CreateReport::new(&c)
        .report_type("GET_MERCHANT_LISTINGS_ALL_DATA")
        .marketplace_ids([US])
        .send()
        .await
        .unwrap();
    let rid = v(&r.payload)["reportId"].as_str().unwrap().to_owned();
    CancelReport::new(&c)
        .report_id(rid.as_str())
        .send()
        .await
        .unwrap();
    let rep = GetReport::new(&c).report_id(rid.as_str()).send().await.unwrap();
    assert_eq!(v(&rep.payload)["processingStatus"], "CANCELLED");
    let r2 = CreateReport::new(&c)
        .report_type("GET_MERCHANT_LISTINGS_ALL_DATA")
        .marketplace_ids([US])
        .send()
        .await
        .unwrap();
    let r2 = v(&r2.payload)["reportId"].as_str().unwrap().to_owned();
    sim.advance(Duration::minutes(10));
    let e = CancelReport::new(&c)
        .report_id(r2.as_str())
        .send()
        .await
        .unwrap_err();
    assert_eq!(e.status().map(|s| s.as_u16()), Some(400), "{e}");

    // Listings: put a new SKU, read it, delete it.
    let sku = "SDK-PUT-1";
    let put = PutListingsItem::new(&c)
        .seller_id(US_SELLER)
        .sku(sku)
        .marketplace_ids([US])
        .product_type("HOME")
        .attributes(json!({
            "item_name": [{ "value": "A new lamp", "marketplace_id": US }],
            "fulfillment_availability": [{ "fulfillment_channel_code": "DEFAULT", "quantity": 4, "lead_time_to_ship_max_days": 2 }]
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(v(&put.payload)["status"], "ACCEPTED");
    let stock = sim.listing(US_SELLER, sku).unwrap().unwrap();
    assert_eq!((stock.quantity, stock.handling_days), (4, 2));
    let item = GetListingsItem::new(&c)
        .seller_id(US_SELLER)
        .sku(sku)
        .marketplace_ids([US])
        .included_data(["summaries"])
        .send()
        .await
        .unwrap();
    assert_eq!(v(&item.payload)["sku"], sku);
    let del = DeleteListingsItem::new(&c)
        .seller_id(US_SELLER)
        .sku(sku)
        .marketplace_ids([US])
        .send()
        .await
        .unwrap();
    assert_eq!(v(&del.payload)["status"], "ACCEPTED");
    assert!(sim.listing(US_SELLER, sku).unwrap().is_none());

    // Merchant Fulfillment: additional seller inputs for an unshipped order.
    let o = sim
        .orders(US_SELLER)
        .unwrap()
        .into_iter()
        .find(|o| o.fulfillment_channel == "MFN" && o.status == "Unshipped" && o.marketplace_id == US)
        .unwrap();
    let body: GetAdditionalSellerInputsRequest = serde_json::from_value(json!({
        "ShippingServiceId": "UPS_PTP_GND", "OrderId": o.order_id,
        "ShipFromAddress": { "Name": "Warehouse", "AddressLine1": "1 Dock St", "City": "Seattle", "StateOrProvinceCode": "WA",
                             "PostalCode": "98101", "CountryCode": "US", "Email": "w@example.com", "Phone": "5550100" } }))
    .unwrap();
    let inputs = GetAdditionalSellerInputs::new(&c)
        .body(body)
        .send()
        .await
        .unwrap();
    assert!(v(&inputs.payload)["payload"].is_object());
    sim.shutdown().await;
}

/// The connection-reset fault resets the TCP connection: the client gets no answer at all, and its
/// transport error is a reset (not a body cut short after a 200).
#[tokio::test]
async fn connection_reset_fault_is_a_tcp_reset() {
    let sim = Simulator::start(SimConfig::new(15).frozen().without_limits().faults(FaultConfig {
        connection_reset_share: 1.0,
        ..FaultConfig::default()
    }))
    .await
    .unwrap();
    let http = reqwest::Client::new();
    let seller = sim.seller(US_SELLER).unwrap();
    let r = http
        .post(sim.lwa_url())
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", seller.refresh_token.expose()),
            ("client_id", sim.client_id()),
            ("client_secret", sim.client_secret().expose()),
        ])
        .send()
        .await
        .unwrap();
    let token: Value = serde_json::from_slice(&r.bytes().await.unwrap()).unwrap();
    let token = token["access_token"].as_str().unwrap().to_owned();
    for _ in 0..3 {
        let e = http
            .get(format!("{}/sellers/v1/marketplaceParticipations", sim.base_url()))
            .header("x-amz-access-token", &token)
            .send()
            .await
            .expect_err("no answer on a reset connection");
        assert!(e.status().is_none());
        let mut src: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        let mut reset = false;
        let mut chain = Vec::new();
        while let Some(s) = src {
            chain.push(s.to_string());
            if let Some(io) = s.downcast_ref::<std::io::Error>() {
                reset |= io.kind() == std::io::ErrorKind::ConnectionReset;
            }
            src = s.source();
        }
        assert!(reset, "a TCP reset, not a clean close: {chain:?}");
    }
    assert_eq!(sim.recorded_requests().len(), 4, "every request was received");

    // The SDK client treats the reset as a transport error and gives up after its retries.
    let c = client(&sim, US_SELLER);
    let e = amazon_spapi::sellers_v1::GetMarketplaceParticipations::new(&c)
        .send()
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Transport { .. }), "{e:?}");
    sim.shutdown().await;
}
