//! `getOrderRegulatedInfo` and `updateVerificationStatus`: regulated orders (prescriptions, pet
//! medicine) and their verification.

use super::models::{
    GetOrderRegulatedInfoResponse, OrderRegulatedInfo, UpdateVerificationStatusRequest,
    UpdateVerificationStatusRequestBody, VerificationDetails, VerificationStatus,
};
use super::{check_order_id, json_body, AmazonOrderId, GET_ORDER_REGULATED_INFO, UPDATE_VERIFICATION_STATUS};
use crate::auth::SecretString;
use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, ApiResponse};

/// `getOrderRegulatedInfo`: the regulated information of an order and its verification status
/// (restricted; the token is fetched automatically).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrderRegulatedInfo<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    rdt: Option<SecretString>,
}

impl<'a> GetOrderRegulatedInfo<'a> {
    /// A request for `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            rdt: None,
        }
    }

    /// Uses this Restricted Data Token instead of fetching one.
    pub fn restricted_data_token(mut self, token: SecretString) -> Self {
        self.rdt = Some(token);
        self
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty order id.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        check_order_id(&self.order_id)?;
        let mut req = ApiRequest::new(fill_path(
            GET_ORDER_REGULATED_INFO.path,
            &[("orderId", self.order_id.as_str())],
        ));
        req.explicit_rdt.clone_from(&self.rdt);
        Ok(req)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`GetOrderRegulatedInfo::build`], [`crate::rdt::resolve`] and [`SpApiClient::send`];
    /// [`Error::Decode`] for an answer that cannot be decoded even leniently.
    pub async fn send(self) -> Result<OrderRegulatedInfo, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer.
    ///
    /// # Errors
    /// As [`GetOrderRegulatedInfo::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrderRegulatedInfoResponse>, Error> {
        let req = self.build()?;
        let resp = crate::rdt::send(self.client, &GET_ORDER_REGULATED_INFO, req).await?;
        de::decode_response(&GET_ORDER_REGULATED_INFO, resp)
    }
}

/// `updateVerificationStatus`: approves or rejects a regulated order, or records interim progress.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UpdateVerificationStatus<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    body: UpdateVerificationStatusRequestBody,
}

impl<'a> UpdateVerificationStatus<'a> {
    /// An update for `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            body: UpdateVerificationStatusRequestBody::default(),
        }
    }

    /// The new status (`Approved`, `Rejected`, or `Pending` with interim details).
    pub fn status(mut self, status: VerificationStatus) -> Self {
        self.body.status = Some(status);
        self
    }

    /// Who reviewed the order (required).
    pub fn external_reviewer_id(mut self, id: impl Into<String>) -> Self {
        self.body.external_reviewer_id = Some(id.into());
        self
    }

    /// Why the order was rejected (one of the order's valid rejection reasons).
    pub fn rejection_reason_id(mut self, id: impl Into<String>) -> Self {
        self.body.rejection_reason_id = Some(id.into());
        self
    }

    /// Prescription, approved alternatives or interim status details.
    pub fn verification_details(mut self, details: VerificationDetails) -> Self {
        self.body.verification_details = Some(details);
        self
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty order id, a missing reviewer id, or a rejection without a
    /// reason.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        check_order_id(&self.order_id)?;
        if self
            .body
            .external_reviewer_id
            .as_deref()
            .is_none_or(str::is_empty)
        {
            return Err(Error::invalid_input(
                "regulatedOrderVerificationStatus.externalReviewerId",
                "is required",
            ));
        }
        if self.body.status == Some(VerificationStatus::Rejected) && self.body.rejection_reason_id.is_none() {
            return Err(Error::invalid_input(
                "regulatedOrderVerificationStatus.rejectionReasonId",
                "is required when the status is Rejected",
            ));
        }
        let body = UpdateVerificationStatusRequest {
            regulated_order_verification_status: Some(self.body.clone()),
        };
        let path = fill_path(
            UPDATE_VERIFICATION_STATUS.path,
            &[("orderId", self.order_id.as_str())],
        );
        Ok(ApiRequest::new(path).json_body(json_body(&body)?))
    }

    /// Sends the update. Amazon answers 204 with no body.
    ///
    /// # Errors
    /// As [`UpdateVerificationStatus::build`] and [`SpApiClient::send`].
    pub async fn send(self) -> Result<(), Error> {
        self.send_with_raw().await.map(|_| ())
    }

    /// Sends the update and returns the raw answer.
    ///
    /// # Errors
    /// As [`UpdateVerificationStatus::send`].
    pub async fn send_with_raw(self) -> Result<ApiResponse, Error> {
        let req = self.build()?;
        self.client.send(&UPDATE_VERIFICATION_STATUS, req).await
    }
}
