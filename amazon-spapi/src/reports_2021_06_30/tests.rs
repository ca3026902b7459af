use chrono::{TimeZone, Utc};

use super::*;
use crate::auth::LwaCredentials;
use crate::client::SpApiClient;
use crate::operation::Restriction;

fn client() -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new("id", "secret", "Atzr|r"))
        .build()
        .unwrap()
}

#[test]
fn restricted_report_documents_use_the_restricted_operation() {
    let c = client();
    let plain = GetReportDocument::new(&c)
        .report_document_id("D")
        .report_type("GET_MERCHANT_LISTINGS_ALL_DATA");
    assert_eq!(plain.operation().restriction, Restriction::None);
    let restricted = GetReportDocument::new(&c)
        .report_document_id("D")
        .report_type("GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING");
    assert_eq!(restricted.operation().restriction, Restriction::Always);
    assert_eq!(
        restricted.operation().key(),
        GET_REPORT_DOCUMENT.key(),
        "same limiter bucket"
    );
    assert_eq!(
        restricted.request().unwrap().path,
        "/reports/2021-06-30/documents/D"
    );
}

#[test]
fn report_builders_validate() {
    let c = client();
    assert!(
        CreateReport::new(&c).report_type("X").request().is_err(),
        "marketplaces are required"
    );
    let t0 = Utc.with_ymd_and_hms(2026, 1, 2, 0, 0, 0).unwrap();
    let t1 = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let err = CreateReport::new(&c)
        .report_type("X")
        .marketplace_ids(["A"])
        .data_start_time(t0)
        .data_end_time(t1);
    assert!(err.request().is_err(), "a reversed range is refused");
    let ok = CreateReport::new(&c)
        .report_type("X")
        .marketplace_ids(["A"])
        .data_start_time(t1)
        .request()
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(ok.body.as_ref().unwrap()).unwrap();
    assert_eq!(body["dataStartTime"], "2026-01-01T00:00:00.000Z");
    assert!(GetReportSchedules::new(&c).request().is_err());
    let sched = CreateReportSchedule::new(&c)
        .report_type("X")
        .marketplace_ids(["A"]);
    assert!(sched.request().unwrap_err().to_string().contains("period"));
    let body = sched
        .period(CreateReportScheduleSpecificationPeriod::P1D)
        .request()
        .unwrap()
        .body
        .unwrap();
    assert!(String::from_utf8_lossy(&body).contains(r#""period":"P1D""#));
    let req = GetReports::new(&c)
        .report_types(["A"])
        .marketplace_ids(["M"])
        .request()
        .unwrap();
    assert_eq!(
        GET_REPORTS_PAGES.follow_up_request(&req, "tok").query,
        vec![("nextToken".into(), "tok".into())]
    );
}

#[test]
fn report_decodes_leniently() {
    let r: Report = serde_json::from_str(
        r#"{"reportId":"1","processingStatus":"PAUSED","createdTime":"2026-11-27T10:00:00.123+09:00",
            "dataStartTime":null}"#,
    )
    .unwrap();
    assert_eq!(
        r.processing_status,
        Some(ReportProcessingStatus::Unknown("PAUSED".into()))
    );
    assert_eq!(
        r.created_time.unwrap().to_rfc3339(),
        "2026-11-27T01:00:00.123+00:00"
    );
    assert!(r.data_start_time.is_none());
    let doc: ReportDocument =
        serde_json::from_str(r#"{"reportDocumentId":"D","url":"https://s3/x?X-Amz-Security-Token=TOKEN"}"#)
            .unwrap();
    assert!(!format!("{doc:?}").contains("TOKEN"));
}

#[test]
fn identifiers_do_not_mix() {
    // `GetReportDocument::report_document_id(report.report_id)` does not compile: the ids are newtypes.
    let r: Report = serde_json::from_str(r#"{"reportId":"R1","reportDocumentId":12}"#).unwrap();
    let doc_id: ReportDocumentId = r.report_document_id.unwrap();
    assert_eq!(doc_id, "12");
    assert_eq!(r.report_id.unwrap(), ReportId::new("R1"));
    assert_eq!(serde_json::to_string(&doc_id).unwrap(), r#""12""#);
}
