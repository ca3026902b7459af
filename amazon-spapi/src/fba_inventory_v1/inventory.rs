//! `getInventorySummaries`.

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use http::Method;

use super::models::{GetInventorySummariesResponse, InventorySummary};
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{ApiRequest, Operation, Restriction, UsagePlan};
use crate::pagination::{self, FollowUp, Page, PageSpec};

/// `GET /fba/inventory/v1/summaries`: inventory summaries of one marketplace.
pub static GET_INVENTORY_SUMMARIES: Operation = Operation {
    api: "fbaInventory",
    version: "v1",
    name: "getInventorySummaries",
    method: Method::GET,
    path: "/fba/inventory/v1/summaries",
    usage_plan: UsagePlan::new(2.0, 2),
    restriction: Restriction::None,
    idempotent: true,
};

/// How `getInventorySummaries` paginates: `pagination.nextToken` in the answer, sent back as
/// `nextToken` together with the original filters.
pub static GET_INVENTORY_SUMMARIES_PAGES: PageSpec = PageSpec {
    response_path: "pagination.nextToken",
    request_param: "nextToken",
    follow_up: FollowUp::RepeatFilters,
};

impl Page for GetInventorySummariesResponse {
    type Item = InventorySummary;

    fn next_token(&self) -> Option<&str> {
        self.pagination.as_ref().and_then(|p| p.next_token.as_deref())
    }

    fn into_items(self) -> Vec<InventorySummary> {
        self.payload
            .and_then(|p| p.inventory_summaries)
            .unwrap_or_default()
    }
}

/// `getInventorySummaries`: FBA inventory of one marketplace, optionally only some SKUs or only what
/// changed since a time.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone)]
pub struct GetInventorySummaries {
    client: SpApiClient,
    marketplace_id: Option<String>,
    details: Option<bool>,
    start_date_time: Option<DateTime<Utc>>,
    seller_skus: Vec<String>,
    seller_sku: Option<String>,
    next_token: Option<String>,
}

impl GetInventorySummaries {
    /// A request whose marketplace is still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: client.clone(),
            marketplace_id: None,
            details: None,
            start_date_time: None,
            seller_skus: Vec::new(),
            seller_sku: None,
            next_token: None,
        }
    }

    /// The marketplace (required; it is both the granularity id and the one `marketplaceIds` value).
    pub fn marketplace_id(mut self, id: impl Into<String>) -> Self {
        self.marketplace_id = Some(id.into());
        self
    }

    /// Whether to include the detailed quantities (fulfillable, inbound, reserved, ...).
    pub fn details(mut self, details: bool) -> Self {
        self.details = Some(details);
        self
    }

    /// Only summaries changed at or after this time (Amazon keeps 18 months).
    pub fn start_date_time(mut self, t: DateTime<Utc>) -> Self {
        self.start_date_time = Some(t);
        self
    }

    /// Only these SKUs (at most 50); not together with `start_date_time`.
    pub fn seller_skus<I: IntoIterator<Item = S>, S: Into<String>>(mut self, skus: I) -> Self {
        self.seller_skus = skus.into_iter().map(Into::into).collect();
        self
    }

    /// Only this one SKU (takes precedence over `seller_skus` at Amazon).
    pub fn seller_sku(mut self, sku: impl Into<String>) -> Self {
        self.seller_sku = Some(sku.into());
        self
    }

    /// Resumes a listing from a saved token (the filters are repeated).
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without a marketplace, with more than 50 SKUs, or with both a start time
    /// and a SKU list (Amazon ignores one of them).
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let mp = build::required(
            &self.marketplace_id,
            "marketplaceIds",
            "GetInventorySummaries::marketplace_id",
        )?;
        build::count(&self.seller_skus, "sellerSkus", 0, 50)?;
        if self.start_date_time.is_some() && !self.seller_skus.is_empty() {
            return Err(Error::invalid_input(
                "startDateTime",
                "cannot be combined with sellerSkus: list the SKUs or ask for changes since a time, not both",
            ));
        }
        let mut req = ApiRequest::new(GET_INVENTORY_SUMMARIES.path);
        if let Some(d) = self.details {
            req = req.query("details", d.to_string());
        }
        req = req
            .query("granularityType", "Marketplace")
            .query("granularityId", mp);
        if let Some(t) = &self.start_date_time {
            req = req.query("startDateTime", build::time(t));
        }
        if !self.seller_skus.is_empty() {
            req = req.query("sellerSkus", build::csv(&self.seller_skus));
        }
        if let Some(s) = &self.seller_sku {
            req = req.query("sellerSku", s.as_str());
        }
        if let Some(t) = &self.next_token {
            req = req.query("nextToken", t.as_str());
        }
        Ok(req.query("marketplaceIds", mp))
    }

    /// Sends the request: one page.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<GetInventorySummariesResponse>, Error> {
        let req = self.request()?;
        decode_response(
            &GET_INVENTORY_SUMMARIES,
            self.client.send(&GET_INVENTORY_SUMMARIES, req).await?,
        )
    }

    /// Every page, following `pagination.nextToken`; ends with an error if a token repeats.
    pub fn pages(self) -> BoxStream<'static, Result<GetInventorySummariesResponse, Error>> {
        let first = match self.request() {
            Ok(r) => r,
            Err(e) => return Box::pin(futures::stream::once(async move { Err(e) })),
        };
        let client = self.client;
        pagination::pages(
            &GET_INVENTORY_SUMMARIES,
            &GET_INVENTORY_SUMMARIES_PAGES,
            first,
            move |req| {
                let client = client.clone();
                async move {
                    crate::de::decode(
                        &GET_INVENTORY_SUMMARIES,
                        &client.send(&GET_INVENTORY_SUMMARIES, req).await?,
                    )
                }
            },
        )
    }

    /// Every inventory summary of every page.
    pub fn summaries(self) -> BoxStream<'static, Result<InventorySummary, Error>> {
        pagination::items(self.pages())
    }
}
