//! Processing reports tied back to outbox entries.

use chrono::Duration;
use orderhub_core::policy::outbound::{OutboundInput, OutboundPlanner, RefusalReason, ReportReadError};
use orderhub_core::{FeedStatus, MarketplaceId, OutboxId, OutboxStatus};
use orderhub_feeds::{FeedPlanner, PlannerConfig};

use crate::support::*;

fn xml_report(status: &str, processed: u32, ok: u32, errors: u32, results: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>{SELLER}</MerchantIdentifier></Header>
  <MessageType>ProcessingReport</MessageType>
  <Message>
    <MessageID>1</MessageID>
    <ProcessingReport>
      <DocumentTransactionID>9001</DocumentTransactionID>
      <StatusCode>{status}</StatusCode>
      <ProcessingSummary>
        <MessagesProcessed>{processed}</MessagesProcessed>
        <MessagesSuccessful>{ok}</MessagesSuccessful>
        <MessagesWithError>{errors}</MessagesWithError>
        <MessagesWithWarning>0</MessagesWithWarning>
      </ProcessingSummary>
      {results}
    </ProcessingReport>
  </Message>
</AmazonEnvelope>"#
    )
}

fn three_cancels() -> (Vec<orderhub_core::OutboxEntry>, orderhub_core::FeedRecord) {
    let e: Vec<_> = (1..=3)
        .map(|i| cancel(&format!("x{i}"), &format!("111-000000{i}-0000000"), &[], t0()))
        .collect();
    let ids: Vec<&OutboxId> = e.iter().map(|e| &e.id).collect();
    (
        e.clone(),
        record("f1", "POST_ORDER_ACKNOWLEDGEMENT_DATA", t0(), &ids),
    )
}

#[test]
fn named_errors_fail_their_entry_and_the_rest_succeed() {
    let (carried, rec) = three_cancels();
    let doc = xml_report(
        "Complete",
        3,
        2,
        1,
        "<Result><MessageID>2</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>25</ResultMessageCode>\
         <ResultDescription>We are unable to process the XML feed</ResultDescription></Result>\
         <Result><MessageID>3</MessageID><ResultCode>Warning</ResultCode><ResultMessageCode>5</ResultMessageCode>\
         <ResultDescription>minor</ResultDescription></Result>",
    );
    let out = FeedPlanner::default()
        .read_report(&rec, &carried, doc.as_bytes())
        .unwrap();
    assert_eq!(out.status, FeedStatus::Done);
    assert_eq!(out.summary.processed, 3);
    let s: Vec<_> = out
        .entries
        .iter()
        .map(|e| (e.entry.as_str(), e.message_id, e.status.clone()))
        .collect();
    assert_eq!(s[0], ("x1", 1, OutboxStatus::Done));
    assert!(
        matches!(&s[1].2, OutboxStatus::Failed { message, retryable: false } if message.contains("25: We are unable"))
    );
    assert_eq!(s[2].2, OutboxStatus::Done);
    assert_eq!(out.entries[2].warnings, vec!["5: minor".to_owned()]);
}

#[test]
fn messages_the_report_does_not_account_for_fail() {
    let (carried, rec) = three_cancels();
    // Two errors counted, one named, one without a message id.
    let doc = xml_report(
        "Complete",
        3,
        1,
        2,
        "<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode><ResultDescription>bad</ResultDescription></Result>\
         <Result><ResultCode>Error</ResultCode><ResultDescription>order not found</ResultDescription></Result>",
    );
    let out = FeedPlanner::default()
        .read_report(&rec, &carried, doc.as_bytes())
        .unwrap();
    assert!(
        out.entries
            .iter()
            .all(|e| matches!(e.status, OutboxStatus::Failed { .. })),
        "{out:#?}"
    );
    assert_eq!(out.unattributed, vec!["order not found".to_owned()]);
    // Order messages are never blindly retried.
    assert!(
        matches!(&out.entries[1].status, OutboxStatus::Failed { retryable: false, message } if message.contains("Seller Central"))
    );

    // Fewer processed than sent, nothing named: the unnamed are failed too.
    let doc = xml_report("Complete", 2, 2, 0, "");
    let out = FeedPlanner::default()
        .read_report(&rec, &carried, doc.as_bytes())
        .unwrap();
    assert!(out
        .entries
        .iter()
        .all(|e| matches!(e.status, OutboxStatus::Failed { .. })));
}

#[test]
fn rejected_processing_and_unreadable_reports() {
    let (carried, rec) = three_cancels();
    let planner = FeedPlanner::default();
    let out = planner
        .read_report(&rec, &carried, xml_report("Rejected", 0, 0, 0, "").as_bytes())
        .unwrap();
    assert_eq!(out.status, FeedStatus::Fatal);
    assert!(out
        .entries
        .iter()
        .all(|e| matches!(e.status, OutboxStatus::Failed { .. })));
    let err = planner
        .read_report(&rec, &carried, xml_report("Processing", 0, 0, 0, "").as_bytes())
        .unwrap_err();
    assert!(matches!(err, ReportReadError::NotFinished { .. }) && err.is_retryable());
    let err = planner
        .read_report(&rec, &carried, b"<html>Gateway timeout</html>")
        .unwrap_err();
    assert!(matches!(err, ReportReadError::Unreadable { .. }));
    assert!(err.to_string().contains("download it again"), "{err}");
    let mut api = rec;
    api.feed_type = "API:confirmShipment".into();
    assert!(matches!(
        planner.read_report(&api, &carried, b"{}"),
        Err(ReportReadError::UnsupportedFeedType { .. })
    ));
}

#[test]
fn json_report_ties_back_and_unknown_skus_stop_being_sent() {
    let pending = [
        stock("a", US, "KNOWN", 1),
        stock("b", US, "GHOST", 1),
        stock("c", US, "OTHER", 1),
    ];
    let planner = FeedPlanner::new(PlannerConfig::default());
    let plan = planner.plan(&OutboundInput::new(&pending, t0()));
    let batch = &plan.batches[0];
    let ids: Vec<&OutboxId> = batch.entries.iter().collect();
    let rec = record("f1", "JSON_LISTINGS_FEED", t0(), &ids);
    let pos = |id: &str| batch.entries.iter().position(|e| e.as_str() == id).unwrap() + 1;
    let report = serde_json::json!({
        "header": {"sellerId": SELLER, "version": "2.0", "feedId": "50001"},
        "issues": [
            {"messageId": pos("b"), "sku": "GHOST", "code": "8541", "severity": "ERROR",
             "message": "The SKU GHOST was not found in the seller's catalog."},
            {"messageId": pos("c"), "sku": "OTHER", "code": "99001", "severity": "ERROR",
             "message": "A value is required for the \"quantity\" field."}
        ],
        "summary": {"errors": 2, "warnings": 0, "messagesProcessed": 3, "messagesAccepted": 1, "messagesInvalid": 2}
    });
    let out = planner
        .read_report(&rec, &pending, report.to_string().as_bytes())
        .unwrap();
    let status = |id: &str| {
        out.entries
            .iter()
            .find(|e| e.entry.as_str() == id)
            .unwrap()
            .status
            .clone()
    };
    assert_eq!(status("a"), OutboxStatus::Done);
    assert!(matches!(
        status("b"),
        OutboxStatus::Failed { retryable: false, .. }
    ));
    assert!(matches!(status("c"), OutboxStatus::Failed { message, .. } if message.contains("99001")));
    assert_eq!(out.unknown_skus.len(), 1);
    assert_eq!(out.unknown_skus[0].sku, "GHOST");
    assert_eq!(out.unknown_skus[0].marketplace_id, Some(MarketplaceId::new(US)));

    // The next plan refuses the unknown SKU instead of sending it again.
    let again = [stock("b2", US, "GHOST", 4)];
    let later = t0() + Duration::minutes(30);
    let plan = planner.plan(
        &OutboundInput::new(&again, later)
            .unknown_skus(&out.unknown_skus)
            .recent(&[rec]),
    );
    assert!(plan.batches.is_empty());
    assert!(matches!(refused(&plan, "b2"), RefusalReason::UnknownSku { .. }));
}

#[test]
fn official_json_report_example_reconciles() {
    let doc = include_str!("../data/listings-feed-processing-report-schema-v2.example.json");
    let entries: Vec<_> = (1..=5)
        .map(|i| stock(&format!("m{i}"), US, &format!("S{i}"), 1))
        .collect();
    let ids: Vec<&OutboxId> = entries.iter().map(|e| &e.id).collect();
    let rec = record("f1", "JSON_LISTINGS_FEED", t0(), &ids);
    let out = FeedPlanner::default()
        .read_report(&rec, &entries, doc.as_bytes())
        .unwrap();
    // Messages 4 and 5 are named with errors. The report counts 4 processed out of 5 sent, so the
    // unnamed messages cannot be confirmed and are marked failed (retryable: stock updates).
    assert!(
        matches!(&out.entries[3].status, OutboxStatus::Failed { message, .. } if message.contains("batteries_required"))
    );
    assert!(
        matches!(&out.entries[4].status, OutboxStatus::Failed { message, .. } if message.contains("purchasable_offer"))
    );
    assert!(matches!(
        &out.entries[0].status,
        OutboxStatus::Failed { retryable: true, .. }
    ));
    assert!(matches!(
        &out.entries[2].status,
        OutboxStatus::Failed { retryable: true, .. }
    ));
}
