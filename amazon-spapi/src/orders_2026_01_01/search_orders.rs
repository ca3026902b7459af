//! `searchOrders` (2026-01-01): orders created or updated in a time window, items included.

use chrono::Duration;
use futures::stream::BoxStream;
use futures::StreamExt;

use super::models::{FulfillmentStatus, Order, SearchOrdersResponse};
use super::{csv_of, FulfilledBy, IncludedData, QueryTime, SEARCH_ORDERS};
use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::Error;
use crate::operation::ApiRequest;
use crate::orders_v0::MarketplaceId;
use crate::pagination::{self, FollowUp, Page, PageSpec};

/// How `searchOrders` paginates: `pagination.nextToken` in the answer, sent back as `paginationToken`
/// with the original filters.
pub static SEARCH_ORDERS_PAGES: PageSpec = PageSpec {
    response_path: "pagination.nextToken",
    request_param: "paginationToken",
    follow_up: FollowUp::RepeatFilters,
};

impl Page for SearchOrdersResponse {
    type Item = Order;

    fn next_token(&self) -> Option<&str> {
        self.pagination.as_ref().and_then(|p| p.next_token.as_deref())
    }

    fn into_items(self) -> Vec<Order> {
        self.orders
    }
}

/// `searchOrders`: orders created or last updated in a time window.
///
/// Exactly one of [`created_after`](SearchOrders::created_after) and
/// [`last_updated_after`](SearchOrders::last_updated_after) is required; `...Before` values must be at
/// least two minutes in the past (checked against the client's clock). The answer's `lastUpdatedBefore`
/// is the safe place to move an import cursor to.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct SearchOrders<'a> {
    client: &'a SpApiClient,
    created_after: Option<QueryTime>,
    created_before: Option<QueryTime>,
    last_updated_after: Option<QueryTime>,
    last_updated_before: Option<QueryTime>,
    fulfillment_statuses: Vec<FulfillmentStatus>,
    marketplace_ids: Vec<MarketplaceId>,
    fulfilled_by: Vec<FulfilledBy>,
    max_results_per_page: Option<u32>,
    pagination_token: Option<String>,
    included_data: Vec<IncludedData>,
}

impl<'a> SearchOrders<'a> {
    /// A request with no filters yet.
    pub fn new(client: &'a SpApiClient) -> Self {
        Self {
            client,
            created_after: None,
            created_before: None,
            last_updated_after: None,
            last_updated_before: None,
            fulfillment_statuses: Vec::new(),
            marketplace_ids: Vec::new(),
            fulfilled_by: Vec::new(),
            max_results_per_page: None,
            pagination_token: None,
            included_data: Vec::new(),
        }
    }

    /// Orders created at or after this time. Excludes the `last_updated_*` filters.
    pub fn created_after(mut self, t: impl Into<QueryTime>) -> Self {
        self.created_after = Some(t.into());
        self
    }

    /// Orders created at or before this time (at least two minutes ago).
    pub fn created_before(mut self, t: impl Into<QueryTime>) -> Self {
        self.created_before = Some(t.into());
        self
    }

    /// Orders last updated at or after this time. Excludes the `created_*` filters.
    pub fn last_updated_after(mut self, t: impl Into<QueryTime>) -> Self {
        self.last_updated_after = Some(t.into());
        self
    }

    /// Orders last updated at or before this time (at least two minutes ago).
    pub fn last_updated_before(mut self, t: impl Into<QueryTime>) -> Self {
        self.last_updated_before = Some(t.into());
        self
    }

    /// Only orders in these fulfillment statuses.
    pub fn fulfillment_statuses(mut self, s: impl IntoIterator<Item = FulfillmentStatus>) -> Self {
        self.fulfillment_statuses.extend(s);
        self
    }

    /// Only orders of these marketplaces (at most 50).
    pub fn marketplace_ids<I, M>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = M>,
        M: Into<MarketplaceId>,
    {
        self.marketplace_ids.extend(ids.into_iter().map(Into::into));
        self
    }

    /// Only orders fulfilled by these parties.
    pub fn fulfilled_by(mut self, by: impl IntoIterator<Item = FulfilledBy>) -> Self {
        self.fulfilled_by.extend(by);
        self
    }

    /// Page size, 1 to 100 (default 100).
    pub fn max_results_per_page(mut self, n: u32) -> Self {
        self.max_results_per_page = Some(n);
        self
    }

    /// Starts from the page this token points to (resuming a listing).
    pub fn pagination_token(mut self, token: impl Into<String>) -> Self {
        self.pagination_token = Some(token.into());
        self
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

    /// The request as it will be sent (validated).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the parameter: neither or both of `createdAfter` and
    /// `lastUpdatedAfter`, mixed families, a `...Before` earlier than its `...After` or less than two
    /// minutes ago, more than 50 marketplaces, a page size outside 1..=100.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        self.validate()?;
        let mut req = ApiRequest::new(SEARCH_ORDERS.path);
        let q = &mut req.query;
        let mut put = |k: &str, v: String| q.push((k.to_owned(), v));
        if let Some(t) = &self.created_after {
            put("createdAfter", t.to_query());
        }
        if let Some(t) = &self.created_before {
            put("createdBefore", t.to_query());
        }
        if let Some(t) = &self.last_updated_after {
            put("lastUpdatedAfter", t.to_query());
        }
        if let Some(t) = &self.last_updated_before {
            put("lastUpdatedBefore", t.to_query());
        }
        if !self.fulfillment_statuses.is_empty() {
            put(
                "fulfillmentStatuses",
                csv_of(self.fulfillment_statuses.iter().map(FulfillmentStatus::as_str)),
            );
        }
        if !self.marketplace_ids.is_empty() {
            put("marketplaceIds", csv_of(&self.marketplace_ids));
        }
        if !self.fulfilled_by.is_empty() {
            put(
                "fulfilledBy",
                csv_of(self.fulfilled_by.iter().map(FulfilledBy::as_str)),
            );
        }
        if let Some(n) = self.max_results_per_page {
            put("maxResultsPerPage", n.to_string());
        }
        if let Some(t) = &self.pagination_token {
            put("paginationToken", t.clone());
        }
        if !self.included_data.is_empty() {
            put(
                "includedData",
                csv_of(self.included_data.iter().map(IncludedData::as_str)),
            );
        }
        Ok(req)
    }

    fn validate(&self) -> Result<(), Error> {
        let created = self.created_after.is_some() || self.created_before.is_some();
        let updated = self.last_updated_after.is_some() || self.last_updated_before.is_some();
        if self.pagination_token.is_none()
            && self.created_after.is_none()
            && self.last_updated_after.is_none()
        {
            return Err(Error::invalid_input(
                "createdAfter",
                "set exactly one of createdAfter and lastUpdatedAfter",
            ));
        }
        if created && updated {
            return Err(Error::invalid_input(
                "lastUpdatedAfter",
                "cannot be combined with createdAfter/createdBefore: filter by creation or by update, not both",
            ));
        }
        for (name, after, before) in [
            ("createdBefore", &self.created_after, &self.created_before),
            (
                "lastUpdatedBefore",
                &self.last_updated_after,
                &self.last_updated_before,
            ),
        ] {
            if let (Some(a), Some(b)) = (
                after.as_ref().and_then(QueryTime::at),
                before.as_ref().and_then(QueryTime::at),
            ) {
                if b < a {
                    return Err(Error::invalid_input(
                        name,
                        "must not be earlier than the matching ...After value",
                    ));
                }
            }
            if let Some(b) = before.as_ref().and_then(QueryTime::at) {
                if b > self.client.clock().now() - Duration::minutes(2) {
                    return Err(Error::invalid_input(
                        name,
                        "must be at least two minutes before the current time; leave it out to mean \"now\"",
                    ));
                }
            }
        }
        if self.marketplace_ids.len() > crate::orders_v0::MAX_IDS {
            return Err(Error::invalid_input(
                "marketplaceIds",
                "at most 50 marketplaces per request",
            ));
        }
        if let Some(n) = self.max_results_per_page {
            if !(1..=100).contains(&n) {
                return Err(Error::invalid_input(
                    "maxResultsPerPage",
                    "must be between 1 and 100",
                ));
            }
        }
        Ok(())
    }

    /// Sends the request and returns the first (or only) page.
    ///
    /// # Errors
    /// As [`SearchOrders::build`] and [`SpApiClient::send`]; [`Error::Decode`] for an answer that cannot
    /// be decoded even leniently.
    pub async fn send(self) -> Result<SearchOrdersResponse, Error> {
        Ok(self.send_with_raw().await?.payload)
    }

    /// Sends the request and keeps the raw answer.
    ///
    /// # Errors
    /// As [`SearchOrders::send`].
    pub async fn send_with_raw(self) -> Result<Response<SearchOrdersResponse>, Error> {
        let req = self.build()?;
        let resp = self.client.send(&SEARCH_ORDERS, req).await?;
        de::decode_response(&SEARCH_ORDERS, resp)
    }

    /// Every page, following `pagination.nextToken`; the stream ends with an error when a request fails
    /// or Amazon repeats a token.
    pub fn pages(self) -> BoxStream<'a, Result<SearchOrdersResponse, Error>> {
        let client = self.client;
        let first = match self.build() {
            Ok(r) => r,
            Err(e) => return futures::stream::once(async move { Err(e) }).boxed(),
        };
        pagination::pages(
            &SEARCH_ORDERS,
            &SEARCH_ORDERS_PAGES,
            first,
            move |req| async move {
                let resp = client.send(&SEARCH_ORDERS, req).await?;
                de::decode(&SEARCH_ORDERS, &resp)
            },
        )
    }

    /// Every order of every page.
    pub fn orders(self) -> BoxStream<'a, Result<Order, Error>> {
        pagination::items(self.pages())
    }
}
