//! `getListingsItem`, `putListingsItem`, `patchListingsItem`, `deleteListingsItem`.

use http::Method;

use super::models::{
    Item, ListingsItemPatchRequest, ListingsItemPutRequest, ListingsItemPutRequestRequirements,
    ListingsItemSubmissionResponse, PatchOperation,
};
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction, UsagePlan};

const ITEM_PATH: &str = "/listings/2021-08-01/items/{sellerId}/{sku}";

/// `GET /listings/2021-08-01/items/{sellerId}/{sku}`: one listings item.
pub static GET_LISTINGS_ITEM: Operation = Operation {
    api: "listingsItems",
    version: "2021-08-01",
    name: "getListingsItem",
    method: Method::GET,
    path: ITEM_PATH,
    usage_plan: UsagePlan::new(5.0, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `PUT /listings/2021-08-01/items/{sellerId}/{sku}`: creates or fully replaces a listings item.
pub static PUT_LISTINGS_ITEM: Operation = Operation {
    api: "listingsItems",
    version: "2021-08-01",
    name: "putListingsItem",
    method: Method::PUT,
    path: ITEM_PATH,
    usage_plan: UsagePlan::new(5.0, 10),
    restriction: Restriction::None,
    idempotent: true,
};

/// `PATCH /listings/2021-08-01/items/{sellerId}/{sku}`: changes some attributes of a listings item.
pub static PATCH_LISTINGS_ITEM: Operation = Operation {
    api: "listingsItems",
    version: "2021-08-01",
    name: "patchListingsItem",
    method: Method::PATCH,
    path: ITEM_PATH,
    usage_plan: UsagePlan::new(5.0, 5),
    restriction: Restriction::None,
    idempotent: false,
};

/// `DELETE /listings/2021-08-01/items/{sellerId}/{sku}`: deletes a listings item.
pub static DELETE_LISTINGS_ITEM: Operation = Operation {
    api: "listingsItems",
    version: "2021-08-01",
    name: "deleteListingsItem",
    method: Method::DELETE,
    path: ITEM_PATH,
    usage_plan: UsagePlan::new(5.0, 5),
    restriction: Restriction::None,
    idempotent: true,
};

/// What every item operation addresses: seller, SKU, marketplaces, and the language of issues.
#[derive(Debug, Clone, Default)]
struct Target {
    seller_id: Option<String>,
    sku: Option<String>,
    marketplace_ids: Vec<String>,
    issue_locale: Option<String>,
}

impl Target {
    fn request(&self, op: &str, max_marketplaces: usize) -> Result<ApiRequest, Error> {
        let seller = build::required(&self.seller_id, "sellerId", &format!("{op}::seller_id"))?;
        let sku = build::required(&self.sku, "sku", &format!("{op}::sku"))?;
        build::count(&self.marketplace_ids, "marketplaceIds", 1, max_marketplaces)?;
        let mut req = ApiRequest::new(fill_path(ITEM_PATH, &[("sellerId", seller), ("sku", sku)]))
            .query("marketplaceIds", build::csv(&self.marketplace_ids));
        if let Some(l) = &self.issue_locale {
            req = req.query("issueLocale", l.as_str());
        }
        Ok(req)
    }
}

macro_rules! target_setters {
    () => {
        /// The selling partner id (the seller's merchant token).
        pub fn seller_id(mut self, id: impl Into<String>) -> Self {
            self.target.seller_id = Some(id.into());
            self
        }

        /// The SKU (any characters; it is percent-encoded into the path).
        pub fn sku(mut self, sku: impl Into<String>) -> Self {
            self.target.sku = Some(sku.into());
            self
        }

        /// The marketplaces (required).
        pub fn marketplace_ids<I: IntoIterator<Item = S>, S: Into<String>>(mut self, ids: I) -> Self {
            self.target.marketplace_ids = ids.into_iter().map(Into::into).collect();
            self
        }

        /// The language of issue messages, for example `en_US` or `ja_JP`.
        pub fn issue_locale(mut self, locale: impl Into<String>) -> Self {
            self.target.issue_locale = Some(locale.into());
            self
        }
    };
}

/// `getListingsItem`: one listings item with the data sets named by `included_data`.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetListingsItem {
    client: SpApiClient,
    target: Target,
    included_data: Vec<String>,
}

impl GetListingsItem {
    /// A request whose seller, SKU and marketplaces are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            target: Target::default(),
            included_data: Vec::new(),
        }
    }

    target_setters!();

    /// Data sets to include: `summaries` (Amazon's default), `attributes`, `issues`, `offers`,
    /// `fulfillmentAvailability`, `procurement`, `relationships`, `productTypes`.
    pub fn included_data<I: IntoIterator<Item = S>, S: Into<String>>(mut self, data: I) -> Self {
        self.included_data = data.into_iter().map(Into::into).collect();
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without seller, SKU or marketplace.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut req = self.target.request("GetListingsItem", usize::MAX)?;
        if !self.included_data.is_empty() {
            req = req.query("includedData", build::csv(&self.included_data));
        }
        Ok(req)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<Item>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_LISTINGS_ITEM,
            self.client.send(&GET_LISTINGS_ITEM, req).await?,
        )
    }
}

/// `putListingsItem`: creates or fully replaces a listings item.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct PutListingsItem {
    client: SpApiClient,
    target: Target,
    included_data: Vec<String>,
    validation_preview: bool,
    body: ListingsItemPutRequest,
}

impl PutListingsItem {
    /// A request whose seller, SKU, marketplaces, product type and attributes are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            target: Target::default(),
            included_data: Vec::new(),
            validation_preview: false,
            body: ListingsItemPutRequest::default(),
        }
    }

    target_setters!();

    /// Data sets in the answer: `issues` (default), `identifiers`.
    pub fn included_data<I: IntoIterator<Item = S>, S: Into<String>>(mut self, data: I) -> Self {
        self.included_data = data.into_iter().map(Into::into).collect();
        self
    }

    /// Only validate the submission (`mode=VALIDATION_PREVIEW`); nothing is changed.
    pub fn validation_preview(mut self, preview: bool) -> Self {
        self.validation_preview = preview;
        self
    }

    /// The Amazon product type, for example `LUGGAGE`.
    pub fn product_type(mut self, product_type: impl Into<String>) -> Self {
        self.body.product_type = Some(product_type.into());
        self
    }

    /// Which attributes the submission must hold (`LISTING`, `LISTING_PRODUCT_ONLY`,
    /// `LISTING_OFFER_ONLY`).
    pub fn requirements(mut self, requirements: ListingsItemPutRequestRequirements) -> Self {
        self.body.requirements = Some(requirements);
        self
    }

    /// The attributes, as a JSON object keyed by attribute name.
    pub fn attributes(mut self, attributes: serde_json::Value) -> Self {
        self.body.attributes = Some(attributes);
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without seller, SKU, marketplace, product type or attributes, or with
    /// attributes that are not a JSON object.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut req = self.target.request("PutListingsItem", 1)?;
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        build::missing("body", &missing)?;
        if !matches!(self.body.attributes, Some(serde_json::Value::Object(_))) {
            return Err(Error::invalid_input(
                "attributes",
                "must be a JSON object keyed by attribute name",
            ));
        }
        if !self.included_data.is_empty() {
            req = req.query("includedData", build::csv(&self.included_data));
        }
        if self.validation_preview {
            req = req.query("mode", "VALIDATION_PREVIEW");
        }
        Ok(req.json_body(build::json("body", &self.body)?))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ListingsItemSubmissionResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &PUT_LISTINGS_ITEM,
            self.client.send(&PUT_LISTINGS_ITEM, req).await?,
        )
    }
}

/// `patchListingsItem`: JSON-Patch-like changes to some attributes of a listings item.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct PatchListingsItem {
    client: SpApiClient,
    target: Target,
    included_data: Vec<String>,
    validation_preview: bool,
    body: ListingsItemPatchRequest,
}

impl PatchListingsItem {
    /// A request whose seller, SKU, marketplaces, product type and patches are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            target: Target::default(),
            included_data: Vec::new(),
            validation_preview: false,
            body: ListingsItemPatchRequest::default(),
        }
    }

    target_setters!();

    /// Data sets in the answer: `issues` (default), `identifiers`.
    pub fn included_data<I: IntoIterator<Item = S>, S: Into<String>>(mut self, data: I) -> Self {
        self.included_data = data.into_iter().map(Into::into).collect();
        self
    }

    /// Only validate the submission (`mode=VALIDATION_PREVIEW`); nothing is changed.
    pub fn validation_preview(mut self, preview: bool) -> Self {
        self.validation_preview = preview;
        self
    }

    /// The Amazon product type (`PRODUCT` works for offer-only changes such as quantity).
    pub fn product_type(mut self, product_type: impl Into<String>) -> Self {
        self.body.product_type = Some(product_type.into());
        self
    }

    /// The patch operations (replaces any set before).
    pub fn patches<I: IntoIterator<Item = PatchOperation>>(mut self, patches: I) -> Self {
        self.body.patches = Some(patches.into_iter().collect());
        self
    }

    /// Adds one patch operation.
    pub fn patch(mut self, patch: PatchOperation) -> Self {
        self.body.patches.get_or_insert_with(Vec::new).push(patch);
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without seller, SKU, marketplace, product type or patches, or with a
    /// patch that lacks `op` or `path`, or a path that does not start with `/attributes/`.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mut req = self.target.request("PatchListingsItem", usize::MAX)?;
        let mut missing = Vec::new();
        self.body.collect_missing("", &mut missing);
        build::missing("body", &missing)?;
        let patches = self.body.patches.as_deref().unwrap_or_default();
        if patches.is_empty() {
            return Err(Error::invalid_input(
                "patches",
                "needs at least one patch operation",
            ));
        }
        for (i, p) in patches.iter().enumerate() {
            if !p.path.as_deref().unwrap_or_default().starts_with("/attributes/") {
                return Err(Error::invalid_input(
                    format!("patches[{i}].path"),
                    "must start with /attributes/ (for example /attributes/fulfillment_availability)",
                ));
            }
        }
        if !self.included_data.is_empty() {
            req = req.query("includedData", build::csv(&self.included_data));
        }
        if self.validation_preview {
            req = req.query("mode", "VALIDATION_PREVIEW");
        }
        Ok(req.json_body(build::json("body", &self.body)?))
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ListingsItemSubmissionResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &PATCH_LISTINGS_ITEM,
            self.client.send(&PATCH_LISTINGS_ITEM, req).await?,
        )
    }
}

/// `deleteListingsItem`: deletes a listings item in one marketplace.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct DeleteListingsItem {
    client: SpApiClient,
    target: Target,
}

impl DeleteListingsItem {
    /// A request whose seller, SKU and marketplace are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            target: Target::default(),
        }
    }

    target_setters!();

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without seller, SKU or exactly one marketplace.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        self.target.request("DeleteListingsItem", 1)
    }

    /// Sends the request.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ListingsItemSubmissionResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &DELETE_LISTINGS_ITEM,
            self.client.send(&DELETE_LISTINGS_ITEM, req).await?,
        )
    }
}
