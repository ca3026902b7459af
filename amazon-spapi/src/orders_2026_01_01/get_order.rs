//! `getOrder` (2026-01-01): one order with its items and the datasets asked for.

use super::models::{GetOrderResponse, Order};
use super::{csv_of, IncludedData, GET_ORDER};
use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest};
use crate::orders_v0::AmazonOrderId;

/// `getOrder`: one order, with the datasets named by [`included_data`](GetOrder::included_data).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrder<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    included_data: Vec<IncludedData>,
}

impl<'a> GetOrder<'a> {
    /// A request for `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            included_data: Vec::new(),
        }
    }

    /// The datasets to include (`BUYER` and `RECIPIENT` hold personal data and need roles).
    pub fn included_data(mut self, data: impl IntoIterator<Item = IncludedData>) -> Self {
        for d in data {
            if !self.included_data.contains(&d) {
                self.included_data.push(d);
            }
        }
        self
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty order id.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        crate::orders_v0::check_order_id(&self.order_id)?;
        let mut req = ApiRequest::new(fill_path(GET_ORDER.path, &[("orderId", self.order_id.as_str())]));
        if !self.included_data.is_empty() {
            req.query.push((
                "includedData".to_owned(),
                csv_of(self.included_data.iter().map(IncludedData::as_str)),
            ));
        }
        Ok(req)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`GetOrder::build`] and [`SpApiClient::send`]; [`Error::Decode`] for an answer that cannot be
    /// decoded even leniently.
    pub async fn send(self) -> Result<Order, Error> {
        Ok(self.send_with_raw().await?.payload.order.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer.
    ///
    /// # Errors
    /// As [`GetOrder::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrderResponse>, Error> {
        let req = self.build()?;
        let resp = self.client.send(&GET_ORDER, req).await?;
        de::decode_response(&GET_ORDER, resp)
    }
}
