//! `getPackageTrackingDetails`, `listReturnReasonCodes`, `createFulfillmentReturn`, `getFeatures`,
//! `getFeatureInventory`, `getFeatureSKU`.

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use http::Method;

use super::ids::SellerFulfillmentOrderId;
use super::models::{
    CreateFulfillmentReturnRequest, CreateFulfillmentReturnResponse, FeatureSku, GetFeatureInventoryResponse,
    GetFeatureSkuResponse, GetFeaturesResponse, GetPackageTrackingDetailsResponse,
    ListReturnReasonCodesResponse,
};
use super::PLAN;
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction};
use crate::pagination::{self, FollowUp, Page, PageSpec};

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

/// `GET /fba/outbound/2020-07-01/features/inventory/{featureName}`.
pub static GET_FEATURE_INVENTORY: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "getFeatureInventory",
    method: Method::GET,
    path: "/fba/outbound/2020-07-01/features/inventory/{featureName}",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// `GET /fba/outbound/2020-07-01/features/inventory/{featureName}/{sellerSku}`.
pub static GET_FEATURE_SKU: Operation = Operation {
    api: "fulfillmentOutbound",
    version: "2020-07-01",
    name: "getFeatureSKU",
    method: Method::GET,
    path: "/fba/outbound/2020-07-01/features/inventory/{featureName}/{sellerSku}",
    usage_plan: PLAN,
    restriction: Restriction::None,
    idempotent: true,
};

/// How `getFeatureInventory` paginates: `payload.nextToken`, sent back as `nextToken` with the same
/// marketplace and feature.
pub static GET_FEATURE_INVENTORY_PAGES: PageSpec = PageSpec {
    response_path: "payload.nextToken",
    request_param: "nextToken",
    follow_up: FollowUp::RepeatFilters,
};

impl Page for GetFeatureInventoryResponse {
    type Item = FeatureSku;

    fn next_token(&self) -> Option<&str> {
        self.payload
            .as_ref()
            .and_then(|p| p.next_token.as_deref())
            .filter(|t| !t.is_empty())
    }

    fn into_items(self) -> Vec<FeatureSku> {
        self.payload.and_then(|p| p.feature_skus).unwrap_or_default()
    }
}

/// `getFeatureInventory`: the seller's SKUs eligible for an MCF feature (`BLANK_BOX`, `BLOCK_AMZL`...) and
/// the quantity available.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFeatureInventory {
    client: SpApiClient,
    marketplace_id: Option<String>,
    feature_name: Option<String>,
    next_token: Option<String>,
    query_start_date: Option<DateTime<Utc>>,
}

impl GetFeatureInventory {
    /// A request whose marketplace and feature are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            marketplace_id: None,
            feature_name: None,
            next_token: None,
            query_start_date: None,
        }
    }

    /// The marketplace (required).
    pub fn marketplace_id(mut self, id: impl Into<String>) -> Self {
        self.marketplace_id = Some(id.into());
        self
    }

    /// The feature, as `getFeatures` names it (required).
    pub fn feature_name(mut self, name: impl Into<String>) -> Self {
        self.feature_name = Some(name.into());
        self
    }

    /// Only SKUs whose eligibility changed at or after this time.
    pub fn query_start_date(mut self, t: DateTime<Utc>) -> Self {
        self.query_start_date = Some(t);
        self
    }

    /// Continues from a page's `nextToken`.
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a marketplace or feature.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mp = build::required(
            &self.marketplace_id,
            "marketplaceId",
            "GetFeatureInventory::marketplace_id",
        )?;
        let feature = build::required(
            &self.feature_name,
            "featureName",
            "GetFeatureInventory::feature_name",
        )?;
        let mut req = ApiRequest::new(fill_path(GET_FEATURE_INVENTORY.path, &[("featureName", feature)]))
            .query("marketplaceId", mp);
        if let Some(t) = self.query_start_date {
            req = req.query(
                "queryStartDate",
                t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            );
        }
        if let Some(t) = &self.next_token {
            req = req.query("nextToken", t.as_str());
        }
        Ok(req)
    }

    /// Sends the request (one page).
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetFeatureInventoryResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_FEATURE_INVENTORY,
            self.client.send(&GET_FEATURE_INVENTORY, req).await?,
        )
    }

    /// Every page, following `payload.nextToken`; ends with an error if a token repeats.
    pub fn pages(self) -> BoxStream<'static, Result<GetFeatureInventoryResponse, Error>> {
        let first = match self.request() {
            Ok(r) => r,
            Err(e) => return Box::pin(futures::stream::once(async move { Err(e) })),
        };
        let client = self.client;
        pagination::pages(
            &GET_FEATURE_INVENTORY,
            &GET_FEATURE_INVENTORY_PAGES,
            first,
            move |req| {
                let client = client.clone();
                async move {
                    let op = &GET_FEATURE_INVENTORY;
                    crate::de::decode(op, &client.send(op, req).await?)
                }
            },
        )
    }

    /// Every eligible SKU of every page.
    pub fn skus(self) -> BoxStream<'static, Result<FeatureSku, Error>> {
        pagination::items(self.pages())
    }
}

/// `getFeatureSKU`: whether one SKU is eligible for an MCF feature, and why not.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetFeatureSku {
    client: SpApiClient,
    marketplace_id: Option<String>,
    feature_name: Option<String>,
    seller_sku: Option<String>,
}

impl GetFeatureSku {
    /// A request whose marketplace, feature and SKU are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            marketplace_id: None,
            feature_name: None,
            seller_sku: None,
        }
    }

    /// The marketplace (required).
    pub fn marketplace_id(mut self, id: impl Into<String>) -> Self {
        self.marketplace_id = Some(id.into());
        self
    }

    /// The feature, as `getFeatures` names it (required).
    pub fn feature_name(mut self, name: impl Into<String>) -> Self {
        self.feature_name = Some(name.into());
        self
    }

    /// The seller SKU (required; percent-encoded in the path).
    pub fn seller_sku(mut self, sku: impl Into<String>) -> Self {
        self.seller_sku = Some(sku.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a marketplace, feature or SKU.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mp = build::required(
            &self.marketplace_id,
            "marketplaceId",
            "GetFeatureSku::marketplace_id",
        )?;
        let feature = build::required(&self.feature_name, "featureName", "GetFeatureSku::feature_name")?;
        let sku = build::required(&self.seller_sku, "sellerSku", "GetFeatureSku::seller_sku")?;
        Ok(ApiRequest::new(fill_path(
            GET_FEATURE_SKU.path,
            &[("featureName", feature), ("sellerSku", sku)],
        ))
        .query("marketplaceId", mp))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetFeatureSkuResponse>, Error> {
        let req = self.request()?;
        decode_response(&GET_FEATURE_SKU, self.client.send(&GET_FEATURE_SKU, req).await?)
    }
}
