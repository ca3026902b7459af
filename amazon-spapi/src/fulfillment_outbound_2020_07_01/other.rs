//! `getPackageTrackingDetails`, `listReturnReasonCodes`, `createFulfillmentReturn`, `getFeatures`.

use http::Method;

use super::ids::SellerFulfillmentOrderId;
use super::models::{
    CreateFulfillmentReturnRequest, CreateFulfillmentReturnResponse, GetFeaturesResponse,
    GetPackageTrackingDetailsResponse, ListReturnReasonCodesResponse,
};
use super::PLAN;
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction};

/// `GET /fba/outbound/2020-07-01/tracking`.
pub static GET_PACKAGE_TRACKING_DETAILS: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "getPackageTrackingDetails",
    method: Method::GET,
    path: "/fba/outbound/2020-07-01/tracking",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `GET /fba/outbound/2020-07-01/returnReasonCodes`.
pub static LIST_RETURN_REASON_CODES: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "listReturnReasonCodes",
    method: Method::GET,
    path: "/fba/outbound/2020-07-01/returnReasonCodes",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `PUT /fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}/return`.
pub static CREATE_FULFILLMENT_RETURN: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "createFulfillmentReturn",
    method: Method::PUT,
    path: "/fba/outbound/2020-07-01/fulfillmentOrders/{sellerFulfillmentOrderId}/return",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `GET /fba/outbound/2020-07-01/features`.
pub static GET_FEATURES: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "getFeatures",
    method: Method::GET,
    path: "/fba/outbound/2020-07-01/features",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `getPackageTrackingDetails`: carrier, status and events of one package of a fulfillment order.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetPackageTrackingDetails {
    client: SpApiClient,
    package_number: Option<i64>,
}

impl GetPackageTrackingDetails {
    /// A request for a package number still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            package_number: None,
        }
    }

    /// The package number (`packageNumber` of a shipment package in `getFulfillmentOrder`).
    pub fn package_number(mut self, number: i64) -> Self {
        self.package_number = Some(number);
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a package number, or with a negative one.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        match self.package_number {
            None => Err(Error::invalid_input(
                "packageNumber",
                "is required: call `GetPackageTrackingDetails::package_number`",
            )),
            Some(n) if n < 0 => Err(Error::invalid_input("packageNumber", "must not be negative")),
            Some(n) => {
                Ok(ApiRequest::new(GET_PACKAGE_TRACKING_DETAILS.path).query("packageNumber", n.to_string()))
            }
        }
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetPackageTrackingDetailsResponse>, Error> {
        let req = self.request()?;
        let op = &GET_PACKAGE_TRACKING_DETAILS;
        decode_response(op, self.client.send(op, req).await?)
    }
}

/// `listReturnReasonCodes`: the reasons a buyer may give to return a SKU.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct ListReturnReasonCodes {
    client: SpApiClient,
    seller_sku: Option<String>,
    marketplace_id: Option<String>,
    seller_fulfillment_order_id: Option<SellerFulfillmentOrderId>,
    language: Option<String>,
}

impl ListReturnReasonCodes {
    /// A request for a SKU still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            seller_sku: None,
            marketplace_id: None,
            seller_fulfillment_order_id: None,
            language: None,
        }
    }

    /// The SKU (required).
    pub fn seller_sku(mut self, sku: impl Into<String>) -> Self {
        self.seller_sku = Some(sku.into());
        self
    }

    /// The marketplace (needed when no order id is given).
    pub fn marketplace_id(mut self, id: impl Into<String>) -> Self {
        self.marketplace_id = Some(id.into());
        self
    }

    /// The fulfillment order the return is for.
    pub fn seller_fulfillment_order_id(mut self, id: impl Into<SellerFulfillmentOrderId>) -> Self {
        self.seller_fulfillment_order_id = Some(id.into());
        self
    }

    /// The language of the descriptions, for example `en_US`.
    pub fn language(mut self, language: impl Into<String>) -> Self {
        self.language = Some(language.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a SKU.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let sku = build::required(&self.seller_sku, "sellerSku", "ListReturnReasonCodes::seller_sku")?;
        let mut req = ApiRequest::new(LIST_RETURN_REASON_CODES.path).query("sellerSku", sku);
        if let Some(v) = &self.marketplace_id {
            req = req.query("marketplaceId", v.as_str());
        }
        if let Some(v) = &self.seller_fulfillment_order_id {
            req = req.query("sellerFulfillmentOrderId", v.as_str());
        }
        if let Some(v) = &self.language {
            req = req.query("language", v.as_str());
        }
        Ok(req)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ListReturnReasonCodesResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &LIST_RETURN_REASON_CODES,
            self.client.send(&LIST_RETURN_REASON_CODES, req).await?,
        )
    }
}

/// `createFulfillmentReturn`: authorizes the return of items of a fulfillment order.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct CreateFulfillmentReturn {
    client: SpApiClient,
    seller_fulfillment_order_id: Option<SellerFulfillmentOrderId>,
    body: CreateFulfillmentReturnRequest,
}

impl CreateFulfillmentReturn {
    /// A request whose order id and items are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            seller_fulfillment_order_id: None,
            body: CreateFulfillmentReturnRequest::default(),
        }
    }

    /// The seller's fulfillment order id.
    pub fn seller_fulfillment_order_id(mut self, id: impl Into<SellerFulfillmentOrderId>) -> Self {
        self.seller_fulfillment_order_id = Some(id.into());
        self
    }

    /// The items to return (required).
    pub fn body(mut self, body: CreateFulfillmentReturnRequest) -> Self {
        self.body = body;
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without an order id, or naming the absent required fields of the items.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let id = build::required(
            &self.seller_fulfillment_order_id,
            "sellerFulfillmentOrderId",
            "CreateFulfillmentReturn::seller_fulfillment_order_id",
        )?;
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        build::missing("body", &missing)?;
        Ok(ApiRequest::new(fill_path(
            CREATE_FULFILLMENT_RETURN.path,
            &[("sellerFulfillmentOrderId", id)],
        ))
        .json_body(build::json("body", &self.body)?))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<CreateFulfillmentReturnResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &CREATE_FULFILLMENT_RETURN,
            self.client.send(&CREATE_FULFILLMENT_RETURN, req).await?,
        )
    }
}

/// `getFeatures`: the Multi-Channel Fulfillment features of a marketplace.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFeatures {
    client: SpApiClient,
    marketplace_id: Option<String>,
}

impl GetFeatures {
    /// A request for a marketplace still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            marketplace_id: None,
        }
    }

    /// The marketplace (required).
    pub fn marketplace_id(mut self, id: impl Into<String>) -> Self {
        self.marketplace_id = Some(id.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a marketplace.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mp = build::required(
            &self.marketplace_id,
            "marketplaceId",
            "GetFeatures::marketplace_id",
        )?;
        Ok(ApiRequest::new(GET_FEATURES.path).query("marketplaceId", mp))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetFeaturesResponse>, Error> {
        let req = self.request()?;
        decode_response(&GET_FEATURES, self.client.send(&GET_FEATURES, req).await?)
    }
}
