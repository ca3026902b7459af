//! `getReports`, `createReport`, `getReport`, `cancelReport`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use http::Method;

use super::ids::ReportId;
use super::models::{
    CreateReportResponse, CreateReportSpecification, GetReportsResponse, Report, ReportProcessingStatus,
};
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, ApiResponse, Operation, Restriction, UsagePlan};
use crate::pagination::{self, FollowUp, Page, PageSpec};

/// `GET /reports/2021-06-30/reports`: reports created in the last 90 days.
pub static GET_REPORTS: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "getReports",
    method: Method::GET,
    path: "/reports/2021-06-30/reports",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `POST /reports/2021-06-30/reports`: asks Amazon to create a report.
pub static CREATE_REPORT: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "createReport",
    method: Method::POST,
    path: "/reports/2021-06-30/reports",
    usage_plan: UsagePlan::new(0.0167, 15),
    restriction: Restriction::None,
    idempotent: false,
};

/// `GET /reports/2021-06-30/reports/{reportId}`: one report and its processing status.
pub static GET_REPORT: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "getReport",
    method: Method::GET,
    path: "/reports/2021-06-30/reports/{reportId}",
    usage_plan: UsagePlan::new(2.0, 15),
    restriction: Restriction::None,
    idempotent: true,
};

/// `DELETE /reports/2021-06-30/reports/{reportId}`: cancels a report that is still `IN_QUEUE`.
pub static CANCEL_REPORT: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "cancelReport",
    method: Method::DELETE,
    path: "/reports/2021-06-30/reports/{reportId}",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// How `getReports` paginates: `nextToken` in the answer, sent back alone (Amazon rejects a follow-up
/// that repeats the filters).
pub static GET_REPORTS_PAGES: PageSpec = PageSpec {
    response_path: "nextToken",
    request_param: "nextToken",
    follow_up: FollowUp::TokenOnly,
};

impl Page for GetReportsResponse {
    type Item = Report;

    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn into_items(self) -> Vec<Report> {
        self.reports.unwrap_or_default()
    }
}

/// `getReports`: lists reports by type, status, marketplace and creation time.
///
/// Amazon requires either `report_types` or a `next_token`; [`GetReports::pages`] follows the tokens.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetReports {
    client: SpApiClient,
    report_types: Vec<String>,
    processing_statuses: Vec<ReportProcessingStatus>,
    marketplace_ids: Vec<String>,
    page_size: Option<u32>,
    created_since: Option<DateTime<Utc>>,
    created_until: Option<DateTime<Utc>>,
    next_token: Option<String>,
}

impl GetReports {
    /// A request with no filters yet.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            report_types: Vec::new(),
            processing_statuses: Vec::new(),
            marketplace_ids: Vec::new(),
            page_size: None,
            created_since: None,
            created_until: None,
            next_token: None,
        }
    }

    /// Report types to list (1 to 10), for example `GET_MERCHANT_LISTINGS_ALL_DATA`.
    pub fn report_types<I: IntoIterator<Item = S>, S: Into<String>>(mut self, types: I) -> Self {
        self.report_types = types.into_iter().map(Into::into).collect();
        self
    }

    /// Processing statuses to list.
    pub fn processing_statuses<I: IntoIterator<Item = ReportProcessingStatus>>(
        mut self,
        statuses: I,
    ) -> Self {
        self.processing_statuses = statuses.into_iter().collect();
        self
    }

    /// Marketplaces (1 to 10).
    pub fn marketplace_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.marketplace_ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Reports per page, 1 to 100 (Amazon's default is 10).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Only reports created at or after this time (at most 90 days ago).
    pub fn created_since(mut self, t: DateTime<Utc>) -> Self {
        self.created_since = Some(t);
        self
    }

    /// Only reports created before this time.
    pub fn created_until(mut self, t: DateTime<Utc>) -> Self {
        self.created_until = Some(t);
        self
    }

    /// Resumes a listing from a saved token; the filters are then not sent (Amazon rejects them).
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when neither report types nor a token are given, or a limit is exceeded.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut req = ApiRequest::new(GET_REPORTS.path);
        if self.next_token.is_some() {
            let token = build::required(&self.next_token, "nextToken", "GetReports::next_token")?;
            return Ok(req.query("nextToken", token));
        }
        build::count(&self.report_types, "reportTypes", 1, 10)?;
        req = req.query("reportTypes", build::csv(&self.report_types));
        if !self.processing_statuses.is_empty() {
            let s: Vec<&str> = self
                .processing_statuses
                .iter()
                .map(ReportProcessingStatus::as_str)
                .collect();
            req = req.query("processingStatuses", build::csv(&s));
        }
        if !self.marketplace_ids.is_empty() {
            build::count(&self.marketplace_ids, "marketplaceIds", 1, 10)?;
            req = req.query("marketplaceIds", build::csv(&self.marketplace_ids));
        }
        build::range(self.page_size, "pageSize", 1, 100)?;
        if let Some(n) = self.page_size {
            req = req.query("pageSize", n.to_string());
        }
        if let (Some(a), Some(b)) = (self.created_since, self.created_until) {
            if a >= b {
                return Err(Error::invalid_input(
                    "createdSince",
                    "must be before createdUntil",
                ));
            }
        }
        if let Some(t) = &self.created_since {
            req = req.query("createdSince", build::time(t));
        }
        if let Some(t) = &self.created_until {
            req = req.query("createdUntil", build::time(t));
        }
        Ok(req)
    }

    /// Sends the request: one page.
    ///
    /// # Errors
    /// Validation errors (see [`GetReports::request`]) and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetReportsResponse>, Error> {
        let req = self.request()?;
        decode_response(&GET_REPORTS, self.client.send(&GET_REPORTS, req).await?)
    }

    /// Every page, following `nextToken` until Amazon sends none; ends with an error if a token repeats.
    pub fn pages(self) -> BoxStream<'static, Result<GetReportsResponse, Error>> {
        let first = match self.request() {
            Ok(r) => r,
            Err(e) => return Box::pin(futures::stream::once(async move { Err(e) })),
        };
        let client = self.client;
        pagination::pages(&GET_REPORTS, &GET_REPORTS_PAGES, first, move |req| {
            let client = client.clone();
            async move { crate::de::decode(&GET_REPORTS, &client.send(&GET_REPORTS, req).await?) }
        })
    }

    /// Every report of every page.
    pub fn reports(self) -> BoxStream<'static, Result<Report, Error>> {
        pagination::items(self.pages())
    }
}

/// `createReport`: asks Amazon to create a report; poll it with [`GetReport`] or let
/// [`crate::documents::ReportJob`] create, poll and download it.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CreateReport {
    client: SpApiClient,
    body: CreateReportSpecification,
}

impl CreateReport {
    /// An empty request; report type and marketplaces are required.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: CreateReportSpecification::default(),
        }
    }

    /// The report type, for example `GET_MERCHANT_LISTINGS_ALL_DATA`.
    pub fn report_type(mut self, report_type: impl Into<String>) -> Self {
        self.body.report_type = Some(report_type.into());
        self
    }

    /// The marketplaces the report covers.
    pub fn marketplace_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.body.marketplace_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Start of the data range (Amazon's default: now).
    pub fn data_start_time(mut self, t: DateTime<Utc>) -> Self {
        self.body.data_start_time = Some(t);
        self
    }

    /// End of the data range (Amazon's default: now).
    pub fn data_end_time(mut self, t: DateTime<Utc>) -> Self {
        self.body.data_end_time = Some(t);
        self
    }

    /// One report option (they vary by report type).
    pub fn report_option(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.body
            .report_options
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), value.into());
        self
    }

    /// The report type set so far.
    pub fn report_type_value(&self) -> Option<&str> {
        self.body.report_type.as_deref()
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when a required field is absent, or the data range is reversed.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        build::required(&self.body.report_type, "reportType", "CreateReport::report_type")?;
        build::count(
            self.body.marketplace_ids.as_deref().unwrap_or_default(),
            "marketplaceIds",
            1,
            usize::MAX,
        )?;
        if let (Some(a), Some(b)) = (self.body.data_start_time, self.body.data_end_time) {
            if a > b {
                return Err(Error::invalid_input(
                    "dataStartTime",
                    "must not be after dataEndTime",
                ));
            }
        }
        Ok(ApiRequest::new(CREATE_REPORT.path).json_body(build::json("body", &self.body)?))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CreateReportResponse>, Error> {
        let req = self.request()?;
        decode_response(&CREATE_REPORT, self.client.send(&CREATE_REPORT, req).await?)
    }
}

/// `getReport`: one report, with its processing status and document id.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetReport {
    client: SpApiClient,
    report_id: Option<ReportId>,
}

impl GetReport {
    /// A request for a report id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            report_id: None,
        }
    }

    /// The report id returned by `createReport`.
    pub fn report_id(mut self, id: impl Into<ReportId>) -> Self {
        self.report_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a report id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(&self.report_id, "reportId", "GetReport::report_id")?;
        Ok(ApiRequest::new(fill_path(GET_REPORT.path, &[("reportId", id)])))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<Report>, Error> {
        let req = self.request()?;
        decode_response(&GET_REPORT, self.client.send(&GET_REPORT, req).await?)
    }
}

/// `cancelReport`: cancels a report that Amazon has not started (`IN_QUEUE`).
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CancelReport {
    client: SpApiClient,
    report_id: Option<ReportId>,
}

impl CancelReport {
    /// A request for a report id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            report_id: None,
        }
    }

    /// The report to cancel.
    pub fn report_id(mut self, id: impl Into<ReportId>) -> Self {
        self.report_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a report id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(&self.report_id, "reportId", "CancelReport::report_id")?;
        Ok(ApiRequest::new(fill_path(
            CANCEL_REPORT.path,
            &[("reportId", id)],
        )))
    }

    /// Sends the request. Amazon answers 200 with an empty body; the raw answer is returned.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<ApiResponse, Error> {
        let req = self.request()?;
        self.client.send(&CANCEL_REPORT, req).await
    }
}
