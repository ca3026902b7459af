//! `getReportDocument`, with a Restricted Data Token for restricted report types.

use http::Method;

use super::ids::ReportDocumentId;
use super::models::ReportDocument;
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction, UsagePlan};

/// `GET /reports/2021-06-30/documents/{reportDocumentId}`: where to download a report.
pub static GET_REPORT_DOCUMENT: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "getReportDocument",
    method: Method::GET,
    path: "/reports/2021-06-30/documents/{reportDocumentId}",
    usage_plan: UsagePlan::new(0.0167, 15),
    restriction: Restriction::None,
    idempotent: true,
};

/// The same operation for a report whose contents hold personal data: it needs a Restricted Data Token
/// (fetched and cached by [`crate::rdt`]). Same usage plan and limiter bucket as [`GET_REPORT_DOCUMENT`].
pub static GET_REPORT_DOCUMENT_RESTRICTED: Operation = Operation {
    api: "reports",
    version: "2021-06-30",
    name: "getReportDocument",
    method: Method::GET,
    path: "/reports/2021-06-30/documents/{reportDocumentId}",
    usage_plan: UsagePlan::new(0.0167, 15),
    restriction: Restriction::Always,
    idempotent: true,
};

/// Report types whose documents hold personal data (buyer names, addresses, tax details), so that
/// `getReportDocument` needs a Restricted Data Token (Amazon's list of restricted reports).
pub const RESTRICTED_REPORT_TYPES: &[&str] = &[
    "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL",
    "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_INVOICING",
    "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_TAX",
    "GET_FLAT_FILE_ACTIONABLE_ORDER_DATA_SHIPPING",
    "GET_FLAT_FILE_ORDER_REPORT_DATA_SHIPPING",
    "GET_FLAT_FILE_ORDER_REPORT_DATA_INVOICING",
    "GET_FLAT_FILE_ORDER_REPORT_DATA_TAX",
    "GET_FLAT_FILE_ORDERS_RECONCILIATION_DATA_TAX",
    "GET_FLAT_FILE_ORDERS_RECONCILIATION_DATA_INVOICING",
    "GET_FLAT_FILE_ORDERS_RECONCILIATION_DATA_SHIPPING",
    "GET_ORDER_REPORT_DATA_INVOICING",
    "GET_ORDER_REPORT_DATA_TAX",
    "GET_ORDER_REPORT_DATA_SHIPPING",
    "GET_EASYSHIP_DOCUMENTS",
    "GET_GST_MTR_B2B_CUSTOM",
    "GET_VAT_TRANSACTION_DATA",
    "SC_VAT_TAX_REPORT",
];

/// Whether documents of `report_type` are restricted (see [`RESTRICTED_REPORT_TYPES`]).
pub fn is_restricted_report_type(report_type: &str) -> bool {
    RESTRICTED_REPORT_TYPES.contains(&report_type)
}

/// `getReportDocument`: the presigned URL (and compression) of a report's document. Download it with
/// [`crate::documents::Documents`].
///
/// For a restricted report type (set [`GetReportDocument::report_type`] or
/// [`GetReportDocument::restricted`]) a Restricted Data Token is fetched for exactly this path and
/// cached, unless the caller passes one with [`GetReportDocument::restricted_data_token`]. On Amazon's
/// sandbox no token is fetched.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetReportDocument {
    client: SpApiClient,
    report_document_id: Option<ReportDocumentId>,
    enable_content_encoding_url_header: Option<bool>,
    restricted: bool,
    explicit_rdt: Option<crate::auth::SecretString>,
}

impl GetReportDocument {
    /// A request for a document id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            report_document_id: None,
            enable_content_encoding_url_header: None,
            restricted: false,
            explicit_rdt: None,
        }
    }

    /// The document id (`reportDocumentId` of a `DONE` report).
    pub fn report_document_id(mut self, id: impl Into<ReportDocumentId>) -> Self {
        self.report_document_id = Some(id.into());
        self
    }

    /// The type of the report; a restricted type makes the request use a Restricted Data Token.
    pub fn report_type(mut self, report_type: &str) -> Self {
        self.restricted |= is_restricted_report_type(report_type);
        self
    }

    /// Forces (or clears) the use of a Restricted Data Token.
    pub fn restricted(mut self, restricted: bool) -> Self {
        self.restricted = restricted;
        self
    }

    /// A Restricted Data Token obtained by the caller; no token is fetched then.
    pub fn restricted_data_token(mut self, token: crate::auth::SecretString) -> Self {
        self.explicit_rdt = Some(token);
        self
    }

    /// Asks Amazon to presign the URL with a `Content-Encoding` header (downloads detect gzip by its
    /// bytes anyway).
    pub fn enable_content_encoding_url_header(mut self, enable: bool) -> Self {
        self.enable_content_encoding_url_header = Some(enable);
        self
    }

    /// The operation this request is sent as (restricted or not).
    pub fn operation(&self) -> &'static Operation {
        if self.restricted {
            &GET_REPORT_DOCUMENT_RESTRICTED
        } else {
            &GET_REPORT_DOCUMENT
        }
    }

    /// The request this builder sends, after validation (without the token, which is fetched at send).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a document id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.report_document_id,
            "reportDocumentId",
            "GetReportDocument::report_document_id",
        )?;
        let mut req = ApiRequest::new(fill_path(GET_REPORT_DOCUMENT.path, &[("reportDocumentId", id)]));
        if let Some(b) = self.enable_content_encoding_url_header {
            req = req.query("enableContentEncodingUrlHeader", b.to_string());
        }
        req.explicit_rdt = self.explicit_rdt.clone();
        Ok(req)
    }

    /// Sends the request (with a Restricted Data Token for restricted reports).
    ///
    /// # Errors
    /// Validation errors, the errors of `createRestrictedDataToken` (naming the missing role) and every
    /// error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ReportDocument>, Error> {
        let op = self.operation();
        let req = self.request()?;
        decode_response(op, crate::rdt::send(&self.client, op, req).await?)
    }
}
