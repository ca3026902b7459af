//! Reports 2021-06-30: every definition of Amazon's model, as lenient serde types.
//!
//! Generated from Amazon's `models/reports-api-model/reports_2021-06-30.json` by `gen_models.py` (see the
//! issue note); the output is committed and meant to be read. Every field is an `Option` because
//! Amazon leaves out fields its own model calls required; booleans, integers, decimals and strings
//! also decode from the other JSON spelling; enums keep unknown values. Fields holding personal
//! data (and presigned URLs) are redacted from `Debug`.

use super::ids::{ReportDocumentId, ReportId, ReportScheduleId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::lenient_enum! {
    /// One of a set of predefined ISO 8601 periods that specifies how often a report should be created.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum CreateReportScheduleSpecificationPeriod {
        /// `PT5M`
        Pt5M = "PT5M",
        /// `PT15M`
        Pt15M = "PT15M",
        /// `PT30M`
        Pt30M = "PT30M",
        /// `PT1H`
        Pt1H = "PT1H",
        /// `PT2H`
        Pt2H = "PT2H",
        /// `PT4H`
        Pt4H = "PT4H",
        /// `PT8H`
        Pt8H = "PT8H",
        /// `PT12H`
        Pt12H = "PT12H",
        /// `P1D`
        P1D = "P1D",
        /// `P2D`
        P2D = "P2D",
        /// `P3D`
        P3D = "P3D",
        /// `PT84H`
        Pt84H = "PT84H",
        /// `P7D`
        P7D = "P7D",
        /// `P14D`
        P14D = "P14D",
        /// `P15D`
        P15D = "P15D",
        /// `P18D`
        P18D = "P18D",
        /// `P30D`
        P30D = "P30D",
        /// `P1M`
        P1M = "P1M",
    }
}

crate::lenient_enum! {
    /// If the report document contents have been compressed, the compression algorithm used is returned
    /// in this property and you must decompress the report when you download. Otherwise, you can
    /// download the report directly. Refer to Step 2. Download the report in the use case guide, where
    /// sample code is provided.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ReportDocumentCompressionAlgorithm {
        /// `GZIP`
        Gzip = "GZIP",
    }
}

crate::lenient_enum! {
    /// The processing status of the report.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ReportProcessingStatus {
        /// `CANCELLED`
        Cancelled = "CANCELLED",
        /// `DONE`
        Done = "DONE",
        /// `FATAL`
        Fatal = "FATAL",
        /// `IN_PROGRESS`
        InProgress = "IN_PROGRESS",
        /// `IN_QUEUE`
        InQueue = "IN_QUEUE",
    }
}

/// A list of error responses returned when a request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ErrorList {
    /// Error response returned when the request is unsuccessful.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Error response returned when the request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Error {
    /// An error code that identifies the type of error that occurred.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub code: Option<String>,
    /// A message that describes the error condition.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub message: Option<String>,
    /// Additional details that can help the caller understand or fix the issue.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub details: Option<String>,
}

/// Detailed information about the report.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Report {
    /// A list of marketplace identifiers for the report.
    #[serde(rename = "marketplaceIds", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_ids: Option<Vec<String>>,
    /// The identifier for the report. This identifier is unique only in combination with a seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "reportId", default, skip_serializing_if = "Option::is_none")]
    pub report_id: Option<ReportId>,
    /// The report type. Refer to Report Type Values for more information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "reportType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub report_type: Option<String>,
    /// The start of a date and time range used for selecting the data to report.
    #[serde(
        rename = "dataStartTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub data_start_time: Option<DateTime<Utc>>,
    /// The end of a date and time range used for selecting the data to report.
    #[serde(
        rename = "dataEndTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub data_end_time: Option<DateTime<Utc>>,
    /// The identifier of the report schedule that created this report (if any). This identifier is
    /// unique only in combination with a seller ID.
    #[serde(rename = "reportScheduleId", default, skip_serializing_if = "Option::is_none")]
    pub report_schedule_id: Option<ReportScheduleId>,
    /// The date and time when the report was created.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "createdTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub created_time: Option<DateTime<Utc>>,
    /// The processing status of the report.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "processingStatus", default, skip_serializing_if = "Option::is_none")]
    pub processing_status: Option<ReportProcessingStatus>,
    /// The date and time when the report processing started, in ISO 8601 date time format.
    #[serde(
        rename = "processingStartTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub processing_start_time: Option<DateTime<Utc>>,
    /// The date and time when the report processing completed, in ISO 8601 date time format.
    #[serde(
        rename = "processingEndTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub processing_end_time: Option<DateTime<Utc>>,
    /// The identifier for the report document. Pass this into the `getReportDocument` operation to get
    /// the information you will need to retrieve the report document's contents.
    #[serde(rename = "reportDocumentId", default, skip_serializing_if = "Option::is_none")]
    pub report_document_id: Option<ReportDocumentId>,
}

/// Information required to create the report schedule.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateReportScheduleSpecification {
    /// The report type. Refer to Report Type Values for more information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "reportType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub report_type: Option<String>,
    /// A list of marketplace identifiers for the report schedule.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "marketplaceIds", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_ids: Option<Vec<String>>,
    /// Additional information passed to reports. This varies by report type.
    #[serde(rename = "reportOptions", default, skip_serializing_if = "Option::is_none")]
    pub report_options: Option<BTreeMap<String, String>>,
    /// One of a set of predefined ISO 8601 periods that specifies how often a report should be created.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<CreateReportScheduleSpecificationPeriod>,
    /// The date and time when the schedule will create its next report, in ISO 8601 date time format.
    #[serde(
        rename = "nextReportCreationTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub next_report_creation_time: Option<DateTime<Utc>>,
}

impl CreateReportScheduleSpecification {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.report_type.is_none() {
            out.push(format!("{prefix}reportType"));
        }
        if self.marketplace_ids.is_none() {
            out.push(format!("{prefix}marketplaceIds"));
        }
        if self.period.is_none() {
            out.push(format!("{prefix}period"));
        }
    }
}

/// Information required to create the report.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateReportSpecification {
    /// Additional information passed to reports. This varies by report type.
    #[serde(rename = "reportOptions", default, skip_serializing_if = "Option::is_none")]
    pub report_options: Option<BTreeMap<String, String>>,
    /// The report type. Refer to Report Type Values for more information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "reportType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub report_type: Option<String>,
    /// The start of a date and time range, in ISO 8601 date time format, used for selecting the data to
    /// report. The default is now. The value must be prior to or equal to the current date and time.
    /// Not all report types make use of this.
    #[serde(
        rename = "dataStartTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub data_start_time: Option<DateTime<Utc>>,
    /// The end of a date and time range, in ISO 8601 date time format, used for selecting the data to
    /// report. The default is now. The value must be prior to or equal to the current date and time.
    /// Not all report types make use of this.
    #[serde(
        rename = "dataEndTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub data_end_time: Option<DateTime<Utc>>,
    /// A list of marketplace identifiers. The report document's contents will contain data for all of
    /// the specified marketplaces, unless the report type indicates otherwise.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "marketplaceIds", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_ids: Option<Vec<String>>,
}

impl CreateReportSpecification {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.report_type.is_none() {
            out.push(format!("{prefix}reportType"));
        }
        if self.marketplace_ids.is_none() {
            out.push(format!("{prefix}marketplaceIds"));
        }
    }
}

/// Detailed information about a report schedule.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ReportSchedule {
    /// The identifier for the report schedule. This identifier is unique only in combination with a
    /// seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "reportScheduleId", default, skip_serializing_if = "Option::is_none")]
    pub report_schedule_id: Option<ReportScheduleId>,
    /// The report type. Refer to Report Type Values for more information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "reportType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub report_type: Option<String>,
    /// A list of marketplace identifiers. The report document's contents will contain data for all of
    /// the specified marketplaces, unless the report type indicates otherwise.
    #[serde(rename = "marketplaceIds", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_ids: Option<Vec<String>>,
    /// Additional information passed to reports. This varies by report type.
    #[serde(rename = "reportOptions", default, skip_serializing_if = "Option::is_none")]
    pub report_options: Option<BTreeMap<String, String>>,
    /// An ISO 8601 period value that indicates how often a report should be created.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub period: Option<String>,
    /// The date and time when the schedule will create its next report, in ISO 8601 date time format.
    #[serde(
        rename = "nextReportCreationTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub next_report_creation_time: Option<DateTime<Utc>>,
}

/// A list of report schedules.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ReportScheduleList {
    /// Detailed information about a report schedule.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "reportSchedules", default, skip_serializing_if = "Option::is_none")]
    pub report_schedules: Option<Vec<ReportSchedule>>,
}

/// The response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateReportResponse {
    /// The identifier for the report. This identifier is unique only in combination with a seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "reportId", default, skip_serializing_if = "Option::is_none")]
    pub report_id: Option<ReportId>,
}

/// The response for the `getReports` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetReportsResponse {
    /// The reports.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports: Option<Vec<Report>>,
    /// Returned when the number of results exceeds `pageSize`. To get the next page of results, call
    /// `getReports` with this token as the only parameter.
    #[serde(
        rename = "nextToken",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub next_token: Option<String>,
}

/// Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateReportScheduleResponse {
    /// The identifier for the report schedule. This identifier is unique only in combination with a
    /// seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "reportScheduleId", default, skip_serializing_if = "Option::is_none")]
    pub report_schedule_id: Option<ReportScheduleId>,
}

/// Information required for the report document.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportDocument {
    /// The identifier for the report document. This identifier is unique only in combination with a
    /// seller ID.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "reportDocumentId", default, skip_serializing_if = "Option::is_none")]
    pub report_document_id: Option<ReportDocumentId>,
    /// A presigned URL for the report document. If `compressionAlgorithm` is not returned, you can
    /// download the report directly from this URL. This URL expires after 5 minutes.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub url: Option<String>,
    /// If the report document contents have been compressed, the compression algorithm used is returned
    /// in this property and you must decompress the report when you download. Otherwise, you can
    /// download the report directly. Refer to Step 2. Download the report in the use case guide, where
    /// sample code is provided.
    #[serde(
        rename = "compressionAlgorithm",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compression_algorithm: Option<ReportDocumentCompressionAlgorithm>,
}

impl std::fmt::Debug for ReportDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Personal data (names, addresses, phones, e-mails, messages) never reaches a Debug string.
        f.debug_struct("ReportDocument")
            .field("report_document_id", &self.report_document_id)
            .field("url", &self.url.as_ref().map(|_| "<redacted>"))
            .field("compression_algorithm", &self.compression_algorithm)
            .finish()
    }
}

/// Serializers for request bodies: Amazon's `number` fields as JSON numbers (not the string form
/// `rust_decimal` uses by default) and timestamps in the millisecond ISO 8601 form of Amazon's examples.
mod wire {

    pub(super) fn opt_datetime_millis<S: serde::Serializer>(
        v: &Option<chrono::DateTime<chrono::Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        }
    }
}
