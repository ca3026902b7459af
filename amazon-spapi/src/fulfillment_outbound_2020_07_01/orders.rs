//! `getFulfillmentPreview`, `createFulfillmentOrder`, `getFulfillmentOrder`,
//! `listAllFulfillmentOrders`, `updateFulfillmentOrder`, `cancelFulfillmentOrder`.

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use http::Method;

use super::ids::SellerFulfillmentOrderId;
use super::models::{
    CancelFulfillmentOrderResponse, CreateFulfillmentOrderRequest, CreateFulfillmentOrderResponse,
    FulfillmentOrder, GetFulfillmentOrderResponse, GetFulfillmentPreviewRequest,
    GetFulfillmentPreviewResponse, ListAllFulfillmentOrdersResponse, UpdateFulfillmentOrderRequest,
    UpdateFulfillmentOrderResponse,
};
use super::PLAN;
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction};
use crate::pagination::{self, FollowUp, Page, PageSpec};

const ORDER_PATH: &str = "/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}";

/// `POST /fba/outbound/2020-07-01/fulfillmentOrders/preview`.
pub static GET_FULFILLMENT_PREVIEW: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "getFulfillmentPreview",
    method: Method::POST,
    path: "/fba/outbound/2020-07-01/fulfillmentOrders/preview",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `POST /fba/outbound/2020-07-01/fulfillmentOrders`. Not repeated after a lost answer: read the order
/// with [`GetFulfillmentOrder`] instead (the seller's order id makes that safe).
pub static CREATE_FULFILLMENT_ORDER: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "createFulfillmentOrder",
    method: Method::POST,
    path: "/fba/outbound/2020-07-01/fulfillmentOrders",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: false,
};

/// `GET /fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}`.
pub static GET_FULFILLMENT_ORDER: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "getFulfillmentOrder",
    method: Method::GET,
    path: ORDER_PATH,
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `GET /fba/outbound/2020-07-01/fulfillmentOrders`.
pub static LIST_ALL_FULFILLMENT_ORDERS: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "listAllFulfillmentOrders",
    method: Method::GET,
    path: "/fba/outbound/2020-07-01/fulfillmentOrders",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `PUT /fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}`.
pub static UPDATE_FULFILLMENT_ORDER: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "updateFulfillmentOrder",
    method: Method::PUT,
    path: ORDER_PATH,
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `PUT /fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}/cancel`.
pub static CANCEL_FULFILLMENT_ORDER: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "cancelFulfillmentOrder",
    method: Method::PUT,
    path: "/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}/cancel",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// How `listAllFulfillmentOrders` paginates: `payload.nextToken`, sent back as `nextToken` with the
/// original filter.
pub static LIST_ALL_FULFILLMENT_ORDERS_PAGES: PageSpec = PageSpec {
    response_path: "payload.nextToken",
    request_param: "nextToken",
    follow_up: FollowUp::RepeatFilters,
};

impl Page for ListAllFulfillmentOrdersResponse {
    type Item = FulfillmentOrder;

    fn next_token(&self) -> Option<&str> {
        self.payload.as_ref().and_then(|p| p.next_token.as_deref())
    }

    fn into_items(self) -> Vec<FulfillmentOrder> {
        self.payload
            .and_then(|p| p.fulfillment_orders)
            .unwrap_or_default()
    }
}

fn body_request<T: serde::Serialize>(
    path: String,
    body: &T,
    missing: &[String],
) -> Result<ApiRequest, Error> {
    build::missing("body", missing)?;
    Ok(ApiRequest::new(path).json_body(build::json("body", body)?))
}

/// `getFulfillmentPreview`: shipping speeds, dates and fees Amazon can offer for items to an address.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFulfillmentPreview {
    client: SpApiClient,
    body: GetFulfillmentPreviewRequest,
}

impl GetFulfillmentPreview {
    /// A request whose body is still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: GetFulfillmentPreviewRequest::default(),
        }
    }

    /// The address, items and options (address and items are required).
    pub fn body(mut self, body: GetFulfillmentPreviewRequest) -> Self {
        self.body = body;
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming every required field that is absent (recursively).
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        body_request(GET_FULFILLMENT_PREVIEW.path.to_owned(), &self.body, &missing)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetFulfillmentPreviewResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_FULFILLMENT_PREVIEW,
            self.client.send(&GET_FULFILLMENT_PREVIEW, req).await?,
        )
    }
}

/// `createFulfillmentOrder`: asks Amazon to ship items from FBA inventory to an address.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CreateFulfillmentOrder {
    client: SpApiClient,
    body: CreateFulfillmentOrderRequest,
}

impl CreateFulfillmentOrder {
    /// A request whose body is still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            body: CreateFulfillmentOrderRequest::default(),
        }
    }

    /// The order (ids, date, comment, speed, destination and items are required).
    pub fn body(mut self, body: CreateFulfillmentOrderRequest) -> Self {
        self.body = body;
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming every required field that is absent (recursively), or an order id
    /// longer than Amazon's 40 characters.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        if self
            .body
            .seller_fulfillment_order_id
            .as_ref()
            .is_some_and(|id| id.as_str().chars().count() > 40)
        {
            return Err(Error::invalid_input(
                "sellerFulfillmentOrderId",
                "must be at most 40 characters",
            ));
        }
        body_request(CREATE_FULFILLMENT_ORDER.path.to_owned(), &self.body, &missing)
    }

    /// Sends the request. The answer carries no payload: read the order with [`GetFulfillmentOrder`].
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CreateFulfillmentOrderResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &CREATE_FULFILLMENT_ORDER,
            self.client.send(&CREATE_FULFILLMENT_ORDER, req).await?,
        )
    }
}

/// `getFulfillmentOrder`: an order with its items, shipments, returns and tracking.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFulfillmentOrder {
    client: SpApiClient,
    seller_fulfillment_order_id: Option<SellerFulfillmentOrderId>,
}

impl GetFulfillmentOrder {
    /// A request for an order id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            seller_fulfillment_order_id: None,
        }
    }

    /// The seller's fulfillment order id.
    pub fn seller_fulfillment_order_id(mut self, id: impl Into<SellerFulfillmentOrderId>) -> Self {
        self.seller_fulfillment_order_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without an order id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.seller_fulfillment_order_id,
            "sellerFulfillmentOrderId",
            "GetFulfillmentOrder::seller_fulfillment_order_id",
        )?;
        Ok(ApiRequest::new(fill_path(
            ORDER_PATH,
            &[("sellerFulfillmentOrderId", id)],
        )))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetFulfillmentOrderResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_FULFILLMENT_ORDER,
            self.client.send(&GET_FULFILLMENT_ORDER, req).await?,
        )
    }
}

/// `listAllFulfillmentOrders`: orders changed since a time (Amazon's default: the last 36 hours).
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct ListAllFulfillmentOrders {
    client: SpApiClient,
    query_start_date: Option<DateTime<Utc>>,
    next_token: Option<String>,
}

impl ListAllFulfillmentOrders {
    /// A request with no filter.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            query_start_date: None,
            next_token: None,
        }
    }

    /// Only orders whose status changed at or after this time.
    pub fn query_start_date(mut self, t: DateTime<Utc>) -> Self {
        self.query_start_date = Some(t);
        self
    }

    /// Resumes a listing from a saved token.
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
        self
    }

    /// The request this builder sends.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty token.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut req = ApiRequest::new(LIST_ALL_FULFILLMENT_ORDERS.path);
        if let Some(t) = &self.query_start_date {
            req = req.query("queryStartDate", build::time(t));
        }
        if self.next_token.is_some() {
            let token = build::required(
                &self.next_token,
                "nextToken",
                "ListAllFulfillmentOrders::next_token",
            )?;
            req = req.query("nextToken", token);
        }
        Ok(req)
    }

    /// Sends the request: one page.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ListAllFulfillmentOrdersResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &LIST_ALL_FULFILLMENT_ORDERS,
            self.client.send(&LIST_ALL_FULFILLMENT_ORDERS, req).await?,
        )
    }

    /// Every page, following `payload.nextToken`; ends with an error if a token repeats.
    pub fn pages(self) -> BoxStream<'static, Result<ListAllFulfillmentOrdersResponse, Error>> {
        let first = match self.request() {
            Ok(r) => r,
            Err(e) => return Box::pin(futures::stream::once(async move { Err(e) })),
        };
        let client = self.client;
        pagination::pages(
            &LIST_ALL_FULFILLMENT_ORDERS,
            &LIST_ALL_FULFILLMENT_ORDERS_PAGES,
            first,
            move |req| {
                let client = client.clone();
                async move {
                    let op = &LIST_ALL_FULFILLMENT_ORDERS;
                    crate::de::decode(op, &client.send(op, req).await?)
                }
            },
        )
    }

    /// Every order of every page.
    pub fn orders(self) -> BoxStream<'static, Result<FulfillmentOrder, Error>> {
        pagination::items(self.pages())
    }
}

/// `updateFulfillmentOrder`: changes an order that Amazon has not started to ship (or releases a hold).
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct UpdateFulfillmentOrder {
    client: SpApiClient,
    seller_fulfillment_order_id: Option<SellerFulfillmentOrderId>,
    body: UpdateFulfillmentOrderRequest,
}

impl UpdateFulfillmentOrder {
    /// A request whose order id and changes are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            seller_fulfillment_order_id: None,
            body: UpdateFulfillmentOrderRequest::default(),
        }
    }

    /// The seller's fulfillment order id.
    pub fn seller_fulfillment_order_id(mut self, id: impl Into<SellerFulfillmentOrderId>) -> Self {
        self.seller_fulfillment_order_id = Some(id.into());
        self
    }

    /// The changes.
    pub fn body(mut self, body: UpdateFulfillmentOrderRequest) -> Self {
        self.body = body;
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without an order id, or with absent required fields of items.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.seller_fulfillment_order_id,
            "sellerFulfillmentOrderId",
            "UpdateFulfillmentOrder::seller_fulfillment_order_id",
        )?;
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        body_request(
            fill_path(ORDER_PATH, &[("sellerFulfillmentOrderId", id)]),
            &self.body,
            &missing,
        )
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<UpdateFulfillmentOrderResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &UPDATE_FULFILLMENT_ORDER,
            self.client.send(&UPDATE_FULFILLMENT_ORDER, req).await?,
        )
    }
}

/// `cancelFulfillmentOrder`: cancels an order that Amazon has not started to ship.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CancelFulfillmentOrder {
    client: SpApiClient,
    seller_fulfillment_order_id: Option<SellerFulfillmentOrderId>,
}

impl CancelFulfillmentOrder {
    /// A request for an order id still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            seller_fulfillment_order_id: None,
        }
    }

    /// The seller's fulfillment order id.
    pub fn seller_fulfillment_order_id(mut self, id: impl Into<SellerFulfillmentOrderId>) -> Self {
        self.seller_fulfillment_order_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without an order id.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.seller_fulfillment_order_id,
            "sellerFulfillmentOrderId",
            "CancelFulfillmentOrder::seller_fulfillment_order_id",
        )?;
        Ok(ApiRequest::new(fill_path(
            CANCEL_FULFILLMENT_ORDER.path,
            &[("sellerFulfillmentOrderId", id)],
        )))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CancelFulfillmentOrderResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &CANCEL_FULFILLMENT_ORDER,
            self.client.send(&CANCEL_FULFILLMENT_ORDER, req).await?,
        )
    }
}
