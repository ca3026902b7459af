//! `getReportSchedules`, `createReportSchedule`, `getReportSchedule`, `cancelReportSchedule`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use http::Method;

use super::ids::ReportScheduleId;
use super::models::{
    CreateReportScheduleResponse, CreateReportScheduleSpecification, CreateReportScheduleSpecificationPeriod,
    ReportSchedule, ReportScheduleList,
};
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, ApiResponse, Operation, Restriction, UsagePlan};

/// `GET /reports/2021-06-30/schedules`: report schedules of the given types.
pub static GET_REPORT_SCHEDULES: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "getReportSchedules",
    method: Method::GET,
    path: "/reports/2021-06-30/schedules",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `POST /reports/2021-06-30/schedules`: creates (or replaces) a report schedule.
pub static CREATE_REPORT_SCHEDULE: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "createReportSchedule",
    method: Method::POST,
    path: "/reports/2021-06-30/schedules",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: false,
};

/// `GET /reports/2021-06-30/schedules/{reportScheduleId}`: one report schedule.
pub static GET_REPORT_SCHEDULE: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "getReportSchedule",
    method: Method::GET,
    path: "/reports/2021-06-30/schedules/{reportScheduleId}",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `DELETE /reports/2021-06-30/schedules/{reportScheduleId}`: cancels a report schedule.
pub static CANCEL_REPORT_SCHEDULE: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "cancelReportSchedule",
    method: Method::DELETE,
    path: "/reports/2021-06-30/schedules/{reportScheduleId}",
    usage_plan: UsagePlan::new(0.0222, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `getReportSchedules`: the schedules of 1 to 10 report types.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetReportSchedules {
    client: SpApiClient,
    report_types: Vec<String>,
}

impl GetReportSchedules {
    /// A request whose report types are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            report_types: Vec::new(),
        }
    }

    /// Report types (1 to 10).
    pub fn report_types<I: IntoIterator<Item = S>, S: Into<String>>(mut self, types: I) -> Self {
        self.report_types = types.into_iter().map(Into::into).collect();
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without 1 to 10 report types.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        build::count(&self.report_types, "reportTypes", 1, 10)?;
        Ok(ApiRequest::new(GET_REPORT_SCHEDULES.path).query("reportTypes", build::csv(&self.report_types)))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ReportScheduleList>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_REPORT_SCHEDULES,
            self.client.send(&GET_REPORT_SCHEDULES, req).await?,
        )
    }
}

/// `createReportSchedule`: creates a schedule; an existing schedule of the same type and marketplaces is
/// replaced.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CreateReportSchedule {
    client: SpApiClient,
    body: CreateReportScheduleSpecification,
}

impl CreateReportSchedule {
    /// An empty request; report type, marketplaces and period are required.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: CreateReportScheduleSpecification::default(),
        }
    }

    /// The report type.
    pub fn report_type(mut self, report_type: impl Into<String>) -> Self {
        self.body.report_type = Some(report_type.into());
        self
    }

    /// The marketplaces.
    pub fn marketplace_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
        self.body.marketplace_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// How often the report is created (an ISO 8601 period such as `PT15M` or `P1D`).
    pub fn period(mut self, period: CreateReportScheduleSpecificationPeriod) -> Self {
        self.body.period = Some(period);
        self
    }

    /// When the schedule creates its next report (Amazon's default: now).
    pub fn next_report_creation_time(mut self, t: DateTime<Utc>) -> Self {
        self.body.next_report_creation_time = Some(t);
        self
    }

    /// One report option.
    pub fn report_option(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.body
            .report_options
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), value.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when a required field is absent.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        build::required(
            &self.body.report_type,
            "reportType",
            "CreateReportSchedule::report_type",
        )?;
        build::count(
            self.body.marketplace_ids.as_deref().unwrap_or_default(),
            "marketplaceIds",
            1,
            usize::MAX,
        )?;
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        build::missing("body", &missing)?;
        Ok(ApiRequest::new(CREATE_REPORT_SCHEDULE.path).json_body(build::json("body", &self.body)?))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CreateReportScheduleResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &CREATE_REPORT_SCHEDULE,
            self.client.send(&CREATE_REPORT_SCHEDULE, req).await?,
        )
    }
}

/// `getReportSchedule`: one schedule.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetReportSchedule {
    client: SpApiClient,
    report_schedule_id: Option<ReportScheduleId>,
}

impl GetReportSchedule {
    /// A request for a schedule id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            report_schedule_id: None,
        }
    }

    /// The schedule id.
    pub fn report_schedule_id(mut self, id: impl Into<ReportScheduleId>) -> Self {
        self.report_schedule_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a schedule id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.report_schedule_id,
            "reportScheduleId",
            "GetReportSchedule::report_schedule_id",
        )?;
        Ok(ApiRequest::new(fill_path(
            GET_REPORT_SCHEDULE.path,
            &[("reportScheduleId", id)],
        )))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ReportSchedule>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_REPORT_SCHEDULE,
            self.client.send(&GET_REPORT_SCHEDULE, req).await?,
        )
    }
}

/// `cancelReportSchedule`: cancels a schedule.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CancelReportSchedule {
    client: SpApiClient,
    report_schedule_id: Option<ReportScheduleId>,
}

impl CancelReportSchedule {
    /// A request for a schedule id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            report_schedule_id: None,
        }
    }

    /// The schedule to cancel.
    pub fn report_schedule_id(mut self, id: impl Into<ReportScheduleId>) -> Self {
        self.report_schedule_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a schedule id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.report_schedule_id,
            "reportScheduleId",
            "CancelReportSchedule::report_schedule_id",
        )?;
        Ok(ApiRequest::new(fill_path(
            CANCEL_REPORT_SCHEDULE.path,
            &[("reportScheduleId", id)],
        )))
    }

    /// Sends the request. Amazon answers 200 with an empty body; the raw answer is returned.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<ApiResponse, Error> {
        let req = self.request()?;
        self.client.send(&CANCEL_REPORT_SCHEDULE, req).await
    }
}
