//! `searchListingsItems`.

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use http::Method;

use super::models::{Item, ItemSearchResults};
use crate::client::SpApiClient;
use crate::de::{decode_response, Response};
use crate::documents::build;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, Operation, Restriction, UsagePlan};
use crate::pagination::{self, FollowUp, Page, PageSpec};

/// `GET /listings/2021-08-01/items/{sellerId}`: searches a seller's listings items.
pub static SEARCH_LISTINGS_ITEMS: Operation = Operation {
    api: "listingsItems",
    version: "2021-08-01",
    name: "searchListingsItems",
    method: Method::GET,
    path: "/listings/2021-08-01/items/{sellerId}",
    usage_plan: UsagePlan::new(5.0, 5),
    restriction: Restriction::None,
    idempotent: true,
};

/// How `searchListingsItems` paginates: `pagination.nextToken` in the answer, sent back as `pageToken`
/// together with the original filters.
pub static SEARCH_LISTINGS_ITEMS_PAGES: PageSpec = PageSpec {
    response_path: "pagination.nextToken",
    request_param: "pageToken",
    follow_up: FollowUp::RepeatFilters,
};

impl Page for ItemSearchResults {
    type Item = Item;

    fn next_token(&self) -> Option<&str> {
        self.pagination.as_ref().and_then(|p| p.next_token.as_deref())
    }

    fn into_items(self) -> Vec<Item> {
        self.items.unwrap_or_default()
    }
}

/// `searchListingsItems`: a seller's listings items by identifiers, dates, status or issues.
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug, Clone, Default)]
pub struct SearchListingsItems {
    client: Option<SpApiClient>,
    seller_id: Option<String>,
    marketplace_ids: Vec<String>,
    issue_locale: Option<String>,
    included_data: Vec<String>,
    identifiers: Vec<String>,
    identifiers_type: Option<String>,
    variation_parent_sku: Option<String>,
    package_hierarchy_sku: Option<String>,
    created_after: Option<DateTime<Utc>>,
    created_before: Option<DateTime<Utc>>,
    last_updated_after: Option<DateTime<Utc>>,
    last_updated_before: Option<DateTime<Utc>>,
    with_issue_severity: Vec<String>,
    with_status: Vec<String>,
    without_status: Vec<String>,
    sort_by: Option<String>,
    sort_order: Option<String>,
    page_size: Option<u32>,
    page_token: Option<String>,
}

macro_rules! string_setter {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub fn $name(mut self, value: impl Into<String>) -> Self {
            self.$name = Some(value.into());
            self
        }
    };
}

macro_rules! list_setter {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub fn $name<I: IntoIterator<Item = S>, S: Into<String>>(mut self, values: I) -> Self {
            self.$name = values.into_iter().map(Into::into).collect();
            self
        }
    };
}

macro_rules! time_setter {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        pub fn $name(mut self, t: DateTime<Utc>) -> Self {
            self.$name = Some(t);
            self
        }
    };
}

impl SearchListingsItems {
    /// A search whose seller and marketplace are still to be set.
    pub fn new(client: &SpApiClient) -> Self {
        Self {
            client: Some(client.clone()),
            ..Self::default()
        }
    }

    string_setter!(
        /// The selling partner id (required).
        seller_id
    );
    list_setter!(
        /// The marketplace (required; Amazon takes exactly one).
        marketplace_ids
    );
    string_setter!(
        /// The language of issue messages, for example `en_US`.
        issue_locale
    );
    list_setter!(
        /// Data sets to include: `summaries` (default), `attributes`, `issues`, `offers`,
        /// `fulfillmentAvailability`, `procurement`, `relationships`, `productTypes`.
        included_data
    );
    list_setter!(
        /// Identifiers to look for (at most 20); needs [`SearchListingsItems::identifiers_type`].
        identifiers
    );
    string_setter!(
        /// What the identifiers are: `ASIN`, `EAN`, `FNSKU`, `GTIN`, `ISBN`, `JAN`, `MINSAN`, `SKU`, `UPC`.
        identifiers_type
    );
    string_setter!(
        /// Only children of this variation parent SKU.
        variation_parent_sku
    );
    string_setter!(
        /// Only items in this package hierarchy.
        package_hierarchy_sku
    );
    time_setter!(
        /// Only items created at or after this time.
        created_after
    );
    time_setter!(
        /// Only items created before this time.
        created_before
    );
    time_setter!(
        /// Only items changed at or after this time.
        last_updated_after
    );
    time_setter!(
        /// Only items changed before this time.
        last_updated_before
    );
    list_setter!(
        /// Only items with issues of these severities (`WARNING`, `ERROR`).
        with_issue_severity
    );
    list_setter!(
        /// Only items with these statuses (`BUYABLE`, `DISCOVERABLE`).
        with_status
    );
    list_setter!(
        /// Only items without these statuses.
        without_status
    );
    string_setter!(
        /// Sort attribute: `sku`, `createdDate`, `lastUpdatedDate` (default).
        sort_by
    );
    string_setter!(
        /// `ASC` or `DESC` (default).
        sort_order
    );
    string_setter!(
        /// Resumes a search from a saved token (the filters are repeated).
        page_token
    );

    /// Items per page, at most 20 (Amazon's default is 10).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// The request this builder sends, after validation.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] without seller or marketplace, with identifiers but no identifier type
    /// (or the reverse), more than 20 identifiers, or a page size above 20.
    pub fn request(&self) -> Result<ApiRequest, Error> {
        let seller = build::required(&self.seller_id, "sellerId", "SearchListingsItems::seller_id")?;
        build::count(&self.marketplace_ids, "marketplaceIds", 1, 1)?;
        build::count(&self.identifiers, "identifiers", 0, 20)?;
        if self.identifiers.is_empty() != self.identifiers_type.is_none() {
            return Err(Error::invalid_input(
                "identifiersType",
                "identifiers and identifiersType go together: set both or neither",
            ));
        }
        build::range(self.page_size, "pageSize", 1, 20)?;
        let mut req = ApiRequest::new(fill_path(SEARCH_LISTINGS_ITEMS.path, &[("sellerId", seller)]))
            .query("marketplaceIds", build::csv(&self.marketplace_ids));
        let mut opt = |name: &str, v: &Option<String>| {
            if let Some(v) = v {
                req.query.push((name.to_owned(), v.clone()));
            }
        };
        opt("issueLocale", &self.issue_locale);
        let lists = [
            ("includedData", &self.included_data),
            ("identifiers", &self.identifiers),
        ];
        for (name, v) in lists {
            if !v.is_empty() {
                req.query.push((name.to_owned(), build::csv(v)));
            }
        }
        let mut opt = |name: &str, v: &Option<String>| {
            if let Some(v) = v {
                req.query.push((name.to_owned(), v.clone()));
            }
        };
        opt("identifiersType", &self.identifiers_type);
        opt("variationParentSku", &self.variation_parent_sku);
        opt("packageHierarchySku", &self.package_hierarchy_sku);
        let times = [
            ("createdAfter", &self.created_after),
            ("createdBefore", &self.created_before),
            ("lastUpdatedAfter", &self.last_updated_after),
            ("lastUpdatedBefore", &self.last_updated_before),
        ];
        for (name, t) in times {
            if let Some(t) = t {
                req.query.push((name.to_owned(), build::time(t)));
            }
        }
        let lists = [
            ("withIssueSeverity", &self.with_issue_severity),
            ("withStatus", &self.with_status),
            ("withoutStatus", &self.without_status),
        ];
        for (name, v) in lists {
            if !v.is_empty() {
                req.query.push((name.to_owned(), build::csv(v)));
            }
        }
        let mut opt = |name: &str, v: &Option<String>| {
            if let Some(v) = v {
                req.query.push((name.to_owned(), v.clone()));
            }
        };
        opt("sortBy", &self.sort_by);
        opt("sortOrder", &self.sort_order);
        if let Some(n) = self.page_size {
            req.query.push(("pageSize".to_owned(), n.to_string()));
        }
        if let Some(t) = &self.page_token {
            req.query.push(("pageToken".to_owned(), t.clone()));
        }
        Ok(req)
    }

    fn client(&self) -> Result<SpApiClient, Error> {
        self.client
            .clone()
            .ok_or_else(|| Error::config("SearchListingsItems was built without a client"))
    }

    /// Sends the request: one page.
    ///
    /// # Errors
    /// Validation errors and every error of [`SpApiClient::send`].
    pub async fn send(self) -> Result<Response<ItemSearchResults>, Error> {
        let req = self.request()?;
        let client = self.client()?;
        decode_response(
            &SEARCH_LISTINGS_ITEMS,
            client.send(&SEARCH_LISTINGS_ITEMS, req).await?,
        )
    }

    /// Every page, following `pagination.nextToken` as `pageToken`; ends with an error if a token
    /// repeats.
    pub fn pages(self) -> BoxStream<'static, Result<ItemSearchResults, Error>> {
        let first = match self.request().and_then(|r| Ok((r, self.client()?))) {
            Ok(r) => r,
            Err(e) => return Box::pin(futures::stream::once(async move { Err(e) })),
        };
        let (first, client) = first;
        pagination::pages(
            &SEARCH_LISTINGS_ITEMS,
            &SEARCH_LISTINGS_ITEMS_PAGES,
            first,
            move |req| {
                let client = client.clone();
                async move {
                    crate::de::decode(
                        &SEARCH_LISTINGS_ITEMS,
                        &client.send(&SEARCH_LISTINGS_ITEMS, req).await?,
                    )
                }
            },
        )
    }

    /// Every item of every page.
    pub fn items(self) -> BoxStream<'static, Result<Item, Error>> {
        pagination::items(self.pages())
    }
}
