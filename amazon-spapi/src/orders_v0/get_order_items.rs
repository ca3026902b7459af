//! `getOrderItems`, `getOrderItemsBuyerInfo`: the items of one order, and their buyer-specific details.

use futures::stream::BoxStream;
use futures::StreamExt;

use super::models::{
    GetOrderItemsBuyerInfoResponse, GetOrderItemsResponse, OrderItem, OrderItemBuyerInfo,
    OrderItemsBuyerInfoList, OrderItemsList,
};
use super::{check_order_id, AmazonOrderId, DataElement, GET_ORDER_ITEMS, GET_ORDER_ITEMS_BUYER_INFO};
use crate::auth::SecretString;
use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest};
use crate::pagination::{self, FollowUp, Page, PageSpec};

/// How `getOrderItems` and `getOrderItemsBuyerInfo` paginate: `payload.NextToken`, sent back as
/// `NextToken` on the same path.
pub static ORDER_ITEMS_PAGES: PageSpec = PageSpec {
    response_path: "payload.NextToken",
    request_param: "NextToken",
    follow_up: FollowUp::RepeatFilters,
};

impl Page for OrderItemsList {
    type Item = OrderItem;

    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn into_items(self) -> Vec<OrderItem> {
        self.order_items
    }
}

impl Page for OrderItemsBuyerInfoList {
    type Item = OrderItemBuyerInfo;

    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn into_items(self) -> Vec<OrderItemBuyerInfo> {
        self.order_items
    }
}

/// `getOrderItems`: the items of one order (prices, taxes, promotions, gift and cancellation flags).
///
/// Pending orders come without prices and taxes (Amazon's rule, not a decoding problem).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrderItems<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    next_token: Option<String>,
    data_elements: Vec<DataElement>,
    rdt: Option<SecretString>,
}

impl<'a> GetOrderItems<'a> {
    /// A request for the items of `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            next_token: None,
            data_elements: Vec::new(),
            rdt: None,
        }
    }

    /// Starts from the page this token points to.
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
        self
    }

    /// Asks for restricted data elements (`buyerInfo`) in the items.
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
        check_order_id(&self.order_id)?;
        let mut req = ApiRequest::new(fill_path(
            GET_ORDER_ITEMS.path,
            &[("orderId", self.order_id.as_str())],
        ));
        if let Some(t) = &self.next_token {
            req.query.push(("NextToken".to_owned(), t.clone()));
        }
        req.data_elements = self.data_elements.iter().map(|d| d.as_str().to_owned()).collect();
        req.explicit_rdt.clone_from(&self.rdt);
        Ok(req)
    }

    /// Sends the request and returns one page.
    ///
    /// # Errors
    /// As [`GetOrderItems::build`], [`crate::rdt::resolve`] and [`SpApiClient::send`]; [`Error::Decode`]
    /// for an answer that cannot be decoded even leniently.
    pub async fn send(self) -> Result<OrderItemsList, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer.
    ///
    /// # Errors
    /// As [`GetOrderItems::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrderItemsResponse>, Error> {
        let req = self.build()?;
        let resp = crate::rdt::send(self.client, &GET_ORDER_ITEMS, req).await?;
        de::decode_response(&GET_ORDER_ITEMS, resp)
    }

    /// Every page of items.
    pub fn pages(self) -> BoxStream<'a, Result<OrderItemsList, Error>> {
        let client = self.client;
        let first = match self.build() {
            Ok(r) => r,
            Err(e) => return futures::stream::once(async move { Err(e) }).boxed(),
        };
        pagination::pages(
            &GET_ORDER_ITEMS,
            &ORDER_ITEMS_PAGES,
            first,
            move |req| async move {
                let resp = crate::rdt::send(client, &GET_ORDER_ITEMS, req).await?;
                let page: GetOrderItemsResponse = de::decode(&GET_ORDER_ITEMS, &resp)?;
                Ok(page.payload.unwrap_or_default())
            },
        )
    }

    /// Every item of every page.
    pub fn items(self) -> BoxStream<'a, Result<OrderItem, Error>> {
        pagination::items(self.pages())
    }
}

/// `getOrderItemsBuyerInfo`: gift messages, gift wrap and customization of the items of one order
/// (restricted; the token is fetched automatically).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrderItemsBuyerInfo<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    next_token: Option<String>,
    rdt: Option<SecretString>,
}

impl<'a> GetOrderItemsBuyerInfo<'a> {
    /// A request for the items' buyer information of `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            next_token: None,
            rdt: None,
        }
    }

    /// Starts from the page this token points to.
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
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
        check_order_id(&self.order_id)?;
        let mut req = ApiRequest::new(fill_path(
            GET_ORDER_ITEMS_BUYER_INFO.path,
            &[("orderId", self.order_id.as_str())],
        ));
        if let Some(t) = &self.next_token {
            req.query.push(("NextToken".to_owned(), t.clone()));
        }
        req.explicit_rdt.clone_from(&self.rdt);
        Ok(req)
    }

    /// Sends the request and returns one page.
    ///
    /// # Errors
    /// As [`GetOrderItems::send`]; when the app lacks the Tax Invoicing/Remittance role the error says so.
    pub async fn send(self) -> Result<OrderItemsBuyerInfoList, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer (it holds personal data).
    ///
    /// # Errors
    /// As [`GetOrderItemsBuyerInfo::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrderItemsBuyerInfoResponse>, Error> {
        let req = self.build()?;
        let resp = crate::rdt::send(self.client, &GET_ORDER_ITEMS_BUYER_INFO, req).await?;
        de::decode_response(&GET_ORDER_ITEMS_BUYER_INFO, resp)
    }

    /// Every page.
    pub fn pages(self) -> BoxStream<'a, Result<OrderItemsBuyerInfoList, Error>> {
        let client = self.client;
        let first = match self.build() {
            Ok(r) => r,
            Err(e) => return futures::stream::once(async move { Err(e) }).boxed(),
        };
        pagination::pages(
            &GET_ORDER_ITEMS_BUYER_INFO,
            &ORDER_ITEMS_PAGES,
            first,
            move |req| async move {
                let resp = crate::rdt::send(client, &GET_ORDER_ITEMS_BUYER_INFO, req).await?;
                let page: GetOrderItemsBuyerInfoResponse = de::decode(&GET_ORDER_ITEMS_BUYER_INFO, &resp)?;
                Ok(page.payload.unwrap_or_default())
            },
        )
    }
}
