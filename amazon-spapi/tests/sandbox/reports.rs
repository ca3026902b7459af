//! Sandbox cases of Reports 2021-06-30 (owner: ops-b).

use amazon_spapi::error::Error;
use amazon_spapi::reports_2021_06_30::models::{
    CreateReportScheduleSpecification, CreateReportSpecification,
};
use amazon_spapi::reports_2021_06_30::{
    CancelReport, CancelReportSchedule, CreateReport, CreateReportSchedule, GetReport, GetReportDocument,
    GetReportSchedule, GetReportSchedules, GetReports, ReportProcessingStatus,
};
use serde_json::Value;

use crate::orders_v0::only;
use crate::{harness, Case};

fn typed<T: serde::Serialize>(v: &T) -> Option<Value> {
    Some(serde_json::to_value(v).expect("typed answers serialize"))
}

/// Checks `case` when it is a Reports case.
pub async fn check(case: &Case) -> Option<Result<(), String>> {
    if case.file != "reports_2021-06-30" {
        return None;
    }
    let h = harness(case);
    let c = h.client();
    let known: &[&str] = match case.operation_id.as_str() {
        "getReports" => &[
            "reportTypes",
            "processingStatuses",
            "marketplaceIds",
            "pageSize",
            "createdSince",
            "createdUntil",
            "nextToken",
        ],
        "createReport" | "createReportSchedule" => &["body"],
        "getReport" | "cancelReport" => &["reportId"],
        "getReportSchedules" => &["reportTypes"],
        "getReportSchedule" | "cancelReportSchedule" => &["reportScheduleId"],
        "getReportDocument" => &["reportDocumentId", "enableContentEncodingUrlHeader"],
        _ => return None,
    };
    if let Err(e) = only(case, known) {
        return Some(Err(e));
    }
    let outcome: Result<Option<Value>, Error> = match case.operation_id.as_str() {
        "getReports" => {
            let mut b = GetReports::new(c)
                .report_types(case.strs("reportTypes"))
                .marketplace_ids(case.strs("marketplaceIds"))
                .processing_statuses(
                    case.strs("processingStatuses")
                        .iter()
                        .map(|s| ReportProcessingStatus::from(s.as_str())),
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
        "createReport" => {
            let body: CreateReportSpecification = match case.body() {
                Ok(b) => b,
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = CreateReport::new(c);
            if let Some(v) = body.report_type {
                b = b.report_type(v);
            }
            if let Some(v) = body.marketplace_ids {
                b = b.marketplace_ids(v);
            }
            if let Some(v) = body.data_start_time {
                b = b.data_start_time(v);
            }
            if let Some(v) = body.data_end_time {
                b = b.data_end_time(v);
            }
            for (k, v) in body.report_options.unwrap_or_default() {
                b = b.report_option(k, v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "getReport" => {
            let mut b = GetReport::new(c);
            if let Some(id) = case.str("reportId") {
                b = b.report_id(id);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "cancelReport" => {
            let mut b = CancelReport::new(c);
            if let Some(id) = case.str("reportId") {
                b = b.report_id(id);
            }
            b.send().await.map(|_| None)
        }
        "getReportSchedules" => GetReportSchedules::new(c)
            .report_types(case.strs("reportTypes"))
            .send()
            .await
            .map(|r| typed(&r.payload)),
        "createReportSchedule" => {
            let body: CreateReportScheduleSpecification = match case.body() {
                Ok(b) => b,
                Err(e) => return Some(h.verify(case, Err(Error::invalid_input("body", e)))),
            };
            let mut b = CreateReportSchedule::new(c);
            if let Some(v) = body.report_type {
                b = b.report_type(v);
            }
            if let Some(v) = body.marketplace_ids {
                b = b.marketplace_ids(v);
            }
            if let Some(v) = body.period {
                b = b.period(v);
            }
            if let Some(v) = body.next_report_creation_time {
                b = b.next_report_creation_time(v);
            }
            for (k, v) in body.report_options.unwrap_or_default() {
                b = b.report_option(k, v);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "getReportSchedule" => {
            let mut b = GetReportSchedule::new(c);
            if let Some(id) = case.str("reportScheduleId") {
                b = b.report_schedule_id(id);
            }
            b.send().await.map(|r| typed(&r.payload))
        }
        "cancelReportSchedule" => {
            let mut b = CancelReportSchedule::new(c);
            if let Some(id) = case.str("reportScheduleId") {
                b = b.report_schedule_id(id);
            }
            b.send().await.map(|_| None)
        }
        "getReportDocument" => {
            // Marked restricted on purpose: on the sandbox no token is fetched, so the request is the same.
            let mut b = GetReportDocument::new(c).report_type("GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING");
            if let Some(id) = case.str("reportDocumentId") {
                b = b.report_document_id(id);
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
