//! `getOrder`, `getOrderBuyerInfo`, `getOrderAddress`: one order, its buyer, its shipping address.

use super::models::{
    GetOrderAddressResponse, GetOrderBuyerInfoResponse, GetOrderResponse, Order, OrderAddress, OrderBuyerInfo,
};
use super::{check_order_id, AmazonOrderId, DataElement, GET_ORDER, GET_ORDER_ADDRESS, GET_ORDER_BUYER_INFO};
use crate::auth::SecretString;
use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation};

/// Builds the request of a per-order read.
fn order_request(
    op: &Operation,
    order_id: &AmazonOrderId,
    elements: &[DataElement],
    rdt: Option<&SecretString>,
) -> Result<ApiRequest, Error> {
    check_order_id(order_id)?;
    let mut req = ApiRequest::new(fill_path(op.path, &[("orderId", order_id.as_str())]));
    req.data_elements = elements.iter().map(|d| d.as_str().to_owned()).collect();
    req.explicit_rdt = rdt.cloned();
    Ok(req)
}

/// `getOrder`: one order; with [`data_elements`](GetOrder::data_elements) its shipping address and
/// buyer information too (through a Restricted Data Token fetched automatically).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrder<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    data_elements: Vec<DataElement>,
    rdt: Option<SecretString>,
}

impl<'a> GetOrder<'a> {
    /// A request for the order `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            data_elements: Vec::new(),
            rdt: None,
        }
    }

    /// Asks for restricted data elements in the answer.
    pub fn data_elements(mut self, elements: impl IntoIterator<Item = DataElement>) -> Self {
        self.data_elements.extend(elements);
        self
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
        order_request(&GET_ORDER, &self.order_id, &self.data_elements, self.rdt.as_ref())
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`GetOrder::build`], [`crate::rdt::resolve`] and [`SpApiClient::send`]; [`Error::Decode`] for
    /// an answer that cannot be decoded even leniently.
    pub async fn send(self) -> Result<Order, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer.
    ///
    /// # Errors
    /// As [`GetOrder::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrderResponse>, Error> {
        let req = self.build()?;
        let resp = crate::rdt::send(self.client, &GET_ORDER, req).await?;
        de::decode_response(&GET_ORDER, resp)
    }
}

/// `getOrderBuyerInfo`: the buyer of one order (restricted; the token is fetched automatically).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrderBuyerInfo<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    rdt: Option<SecretString>,
}

impl<'a> GetOrderBuyerInfo<'a> {
    /// A request for the buyer of `order_id`.
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
        order_request(&GET_ORDER_BUYER_INFO, &self.order_id, &[], self.rdt.as_ref())
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`GetOrder::send`]; when the app lacks the Tax Invoicing/Remittance role the error says so.
    pub async fn send(self) -> Result<OrderBuyerInfo, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer (it holds personal data).
    ///
    /// # Errors
    /// As [`GetOrderBuyerInfo::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrderBuyerInfoResponse>, Error> {
        let req = self.build()?;
        let resp = crate::rdt::send(self.client, &GET_ORDER_BUYER_INFO, req).await?;
        de::decode_response(&GET_ORDER_BUYER_INFO, resp)
    }
}

/// `getOrderAddress`: the shipping address of one order (restricted; the token is fetched
/// automatically).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrderAddress<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    rdt: Option<SecretString>,
}

impl<'a> GetOrderAddress<'a> {
    /// A request for the shipping address of `order_id`.
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
        order_request(&GET_ORDER_ADDRESS, &self.order_id, &[], self.rdt.as_ref())
    }

    /// Sends the request.
    ///
    /// # Errors
    /// As [`GetOrder::send`]; when the app lacks the Direct-to-Consumer Shipping role the error says so.
    pub async fn send(self) -> Result<OrderAddress, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer (it holds personal data).
    ///
    /// # Errors
    /// As [`GetOrderAddress::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrderAddressResponse>, Error> {
        let req = self.build()?;
        let resp = crate::rdt::send(self.client, &GET_ORDER_ADDRESS, req).await?;
        de::decode_response(&GET_ORDER_ADDRESS, resp)
    }
}
