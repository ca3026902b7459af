//! Reports API 2021-06-30: ask Amazon for a report, wait for it, download its document.
//!
//! - [`CreateReport`], [`GetReport`], [`GetReports`], [`CancelReport`]: the report resource;
//! - [`GetReportSchedules`], [`CreateReportSchedule`], [`GetReportSchedule`], [`CancelReportSchedule`]:
//!   reports created on a schedule;
//! - [`GetReportDocument`]: where to download a report (with a Restricted Data Token for restricted
//!   report types, see [`RESTRICTED_REPORT_TYPES`]);
//! - [`crate::documents::ReportJob`] creates a report, polls it with backoff until it is done or a
//!   deadline passes, and downloads it with bounded memory.
//!
//! ```no_run
//! # async fn demo(client: &amazon_spapi::client::SpApiClient) -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::reports_2021_06_30::CreateReport;
//! let created = CreateReport::new(client)
//!     .report_type("GET_MERCHANT_LISTINGS_ALL_DATA")
//!     .marketplace_ids(["ATVPDKIKX0DER"])
//!     .send()
//!     .await?;
//! println!("report {:?}", created.report_id);
//! # Ok(()) }
//! ```

mod documents;
mod ids;
pub mod models;
mod reports;
mod schedules;

pub use documents::{
    is_restricted_report_type, GetReportDocument, GET_REPORT_DOCUMENT, GET_REPORT_DOCUMENT_RESTRICTED,
    RESTRICTED_REPORT_TYPES,
};
pub use models::{
    CreateReportResponse, CreateReportScheduleResponse, CreateReportScheduleSpecificationPeriod,
    GetReportsResponse, Report, ReportDocument, ReportDocumentCompressionAlgorithm, ReportProcessingStatus,
    ReportSchedule, ReportScheduleList,
};
pub use reports::{
    CancelReport, CreateReport, GetReport, GetReports, CANCEL_REPORT, CREATE_REPORT, GET_REPORT, GET_REPORTS,
    GET_REPORTS_PAGES,
};
pub use schedules::{
    CancelReportSchedule, CreateReportSchedule, GetReportSchedule, GetReportSchedules,
    CANCEL_REPORT_SCHEDULE, CREATE_REPORT_SCHEDULE, GET_REPORT_SCHEDULE, GET_REPORT_SCHEDULES,
};

#[cfg(test)]
mod tests;
pub use ids::*;
