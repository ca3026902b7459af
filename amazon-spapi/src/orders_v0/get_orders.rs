//! `getOrders`: orders created or updated in a time window, one page of up to 100 at a time.

use chrono::Duration;
use futures::stream::BoxStream;
use futures::StreamExt;

use super::ids::QueryTime;
use super::models::{
    EasyShipShipmentStatus, ElectronicInvoiceStatus, FulfillmentChannel, GetOrdersResponse, Order,
    OrderStatus, OrdersList, PaymentMethod,
};
use super::{csv, AmazonOrderId, DataElement, MarketplaceId, GET_ORDERS};
use crate::auth::SecretString;
use crate::client::SpApiClient;
use crate::de::{self, Response};
use crate::error::Error;
use crate::operation::ApiRequest;
use crate::pagination::{self, FollowUp, Page, PageSpec};

/// How `getOrders` paginates: `payload.NextToken` in the answer, `NextToken` in the follow-up, which
/// repeats the filters (Amazon requires `MarketplaceIds` on every page and ignores the other filters).
pub static GET_ORDERS_PAGES: PageSpec = PageSpec {
    response_path: "payload.NextToken",
    request_param: "NextToken",
    follow_up: FollowUp::RepeatFilters,
};

/// The most marketplace ids or order ids one request may carry.
pub const MAX_IDS: usize = 50;

impl Page for OrdersList {
    type Item = Order;

    fn next_token(&self) -> Option<&str> {
        self.next_token.as_deref()
    }

    fn into_items(self) -> Vec<Order> {
        self.orders
    }
}

/// `getOrders`: orders created or last updated in a time window, filtered by marketplace, status,
/// channel and more.
///
/// Either [`created_after`](GetOrders::created_after) or [`last_updated_after`](GetOrders::last_updated_after)
/// is required, and at least one marketplace. `...Before` values must be at least two minutes in the past
/// (checked against the client's clock). The answer's `LastUpdatedBefore` is the safe place to move an
/// import cursor to.
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct GetOrders<'a> {
    client: &'a SpApiClient,
    marketplace_ids: Vec<MarketplaceId>,
    created_after: Option<QueryTime>,
    created_before: Option<QueryTime>,
    last_updated_after: Option<QueryTime>,
    last_updated_before: Option<QueryTime>,
    order_statuses: Vec<OrderStatus>,
    fulfillment_channels: Vec<FulfillmentChannel>,
    payment_methods: Vec<PaymentMethod>,
    buyer_email: Option<String>,
    seller_order_id: Option<String>,
    max_results_per_page: Option<u32>,
    easy_ship_shipment_statuses: Vec<EasyShipShipmentStatus>,
    electronic_invoice_statuses: Vec<ElectronicInvoiceStatus>,
    next_token: Option<String>,
    amazon_order_ids: Vec<AmazonOrderId>,
    actual_fulfillment_supply_source_id: Option<String>,
    is_ispu: Option<bool>,
    store_chain_store_id: Option<String>,
    earliest_delivery_date_before: Option<QueryTime>,
    earliest_delivery_date_after: Option<QueryTime>,
    latest_delivery_date_before: Option<QueryTime>,
    latest_delivery_date_after: Option<QueryTime>,
    data_elements: Vec<DataElement>,
    rdt: Option<SecretString>,
}

impl<'a> GetOrders<'a> {
    /// A request with no filters yet.
    pub fn new(client: &'a SpApiClient) -> Self {
        Self {
            client,
            marketplace_ids: Vec::new(),
            created_after: None,
            created_before: None,
            last_updated_after: None,
            last_updated_before: None,
            order_statuses: Vec::new(),
            fulfillment_channels: Vec::new(),
            payment_methods: Vec::new(),
            buyer_email: None,
            seller_order_id: None,
            max_results_per_page: None,
            easy_ship_shipment_statuses: Vec::new(),
            electronic_invoice_statuses: Vec::new(),
            next_token: None,
            amazon_order_ids: Vec::new(),
            actual_fulfillment_supply_source_id: None,
            is_ispu: None,
            store_chain_store_id: None,
            earliest_delivery_date_before: None,
            earliest_delivery_date_after: None,
            latest_delivery_date_before: None,
            latest_delivery_date_after: None,
            data_elements: Vec::new(),
            rdt: None,
        }
    }

    /// The marketplaces to list orders of (required; at most 50). Accepts
    /// [`Marketplace`](crate::marketplace::Marketplace)s, [`MarketplaceId`]s or strings.
    pub fn marketplace_ids<I, M>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = M>,
        M: Into<MarketplaceId>,
    {
        self.marketplace_ids.extend(ids.into_iter().map(Into::into));
        self
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

    /// Only orders in these statuses.
    pub fn order_statuses(mut self, statuses: impl IntoIterator<Item = OrderStatus>) -> Self {
        self.order_statuses.extend(statuses);
        self
    }

    /// Only orders fulfilled through these channels (`AFN`, `MFN`).
    pub fn fulfillment_channels(mut self, channels: impl IntoIterator<Item = FulfillmentChannel>) -> Self {
        self.fulfillment_channels.extend(channels);
        self
    }

    /// Only orders paid with these methods (`COD`, `CVS`, `Other`).
    pub fn payment_methods(mut self, methods: impl IntoIterator<Item = PaymentMethod>) -> Self {
        self.payment_methods.extend(methods);
        self
    }

    /// Only orders of the buyer with this e-mail address.
    pub fn buyer_email(mut self, email: impl Into<String>) -> Self {
        self.buyer_email = Some(email.into());
        self
    }

    /// Only the order with this seller-defined id.
    pub fn seller_order_id(mut self, id: impl Into<String>) -> Self {
        self.seller_order_id = Some(id.into());
        self
    }

    /// Page size, 1 to 100 (Amazon's default is 100).
    pub fn max_results_per_page(mut self, n: u32) -> Self {
        self.max_results_per_page = Some(n);
        self
    }

    /// Only Easy Ship orders in these statuses.
    pub fn easy_ship_shipment_statuses(
        mut self,
        s: impl IntoIterator<Item = EasyShipShipmentStatus>,
    ) -> Self {
        self.easy_ship_shipment_statuses.extend(s);
        self
    }

    /// Only orders with these electronic invoice statuses.
    pub fn electronic_invoice_statuses(
        mut self,
        s: impl IntoIterator<Item = ElectronicInvoiceStatus>,
    ) -> Self {
        self.electronic_invoice_statuses.extend(s);
        self
    }

    /// Starts from the page this token points to (resuming a listing).
    pub fn next_token(mut self, token: impl Into<String>) -> Self {
        self.next_token = Some(token.into());
        self
    }

    /// Only these orders (at most 50).
    pub fn amazon_order_ids<I, O>(mut self, ids: I) -> Self
    where
        I: IntoIterator<Item = O>,
        O: Into<AmazonOrderId>,
    {
        self.amazon_order_ids.extend(ids.into_iter().map(Into::into));
        self
    }

    /// Only orders to be fulfilled from this supply source.
    pub fn actual_fulfillment_supply_source_id(mut self, id: impl Into<String>) -> Self {
        self.actual_fulfillment_supply_source_id = Some(id.into());
        self
    }

    /// Only in-store pick-up orders (`true`) or only others (`false`).
    pub fn is_ispu(mut self, v: bool) -> Self {
        self.is_ispu = Some(v);
        self
    }

    /// Only orders of this store of a store chain.
    pub fn store_chain_store_id(mut self, id: impl Into<String>) -> Self {
        self.store_chain_store_id = Some(id.into());
        self
    }

    /// Only orders whose earliest delivery date is at or before this time.
    pub fn earliest_delivery_date_before(mut self, t: impl Into<QueryTime>) -> Self {
        self.earliest_delivery_date_before = Some(t.into());
        self
    }

    /// Only orders whose earliest delivery date is at or after this time.
    pub fn earliest_delivery_date_after(mut self, t: impl Into<QueryTime>) -> Self {
        self.earliest_delivery_date_after = Some(t.into());
        self
    }

    /// Only orders whose latest delivery date is at or before this time.
    pub fn latest_delivery_date_before(mut self, t: impl Into<QueryTime>) -> Self {
        self.latest_delivery_date_before = Some(t.into());
        self
    }

    /// Only orders whose latest delivery date is at or after this time.
    pub fn latest_delivery_date_after(mut self, t: impl Into<QueryTime>) -> Self {
        self.latest_delivery_date_after = Some(t.into());
        self
    }

    /// Asks for restricted data (shipping address, buyer information) in the orders; a Restricted Data
    /// Token for exactly these elements is fetched and cached automatically.
    pub fn data_elements(mut self, elements: impl IntoIterator<Item = DataElement>) -> Self {
        self.data_elements.extend(elements);
        self
    }

    /// Uses this Restricted Data Token instead of fetching one.
    pub fn restricted_data_token(mut self, token: SecretString) -> Self {
        self.rdt = Some(token);
        self
    }

    /// The request as it will be sent (validated).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the parameter: no marketplace or more than 50, neither
    /// `CreatedAfter` nor `LastUpdatedAfter`, both families mixed, a `...Before` earlier than its
    /// `...After` or less than two minutes ago, a page size outside 1..=100, more than 50 order ids,
    /// or `SellerOrderId` combined with filters Amazon refuses with it.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        self.validate()?;
        let mut req = ApiRequest::new(GET_ORDERS.path);
        let q = &mut req.query;
        let mut put = |k: &str, v: String| q.push((k.to_owned(), v));
        if let Some(t) = &self.created_after {
            put("CreatedAfter", t.to_query());
        }
        if let Some(t) = &self.created_before {
            put("CreatedBefore", t.to_query());
        }
        if let Some(t) = &self.last_updated_after {
            put("LastUpdatedAfter", t.to_query());
        }
        if let Some(t) = &self.last_updated_before {
            put("LastUpdatedBefore", t.to_query());
        }
        if !self.order_statuses.is_empty() {
            put(
                "OrderStatuses",
                csv(&self.order_statuses.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
            );
        }
        if !self.marketplace_ids.is_empty() {
            put("MarketplaceIds", csv(&self.marketplace_ids));
        }
        if !self.fulfillment_channels.is_empty() {
            put(
                "FulfillmentChannels",
                csv(&self
                    .fulfillment_channels
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()),
            );
        }
        if !self.payment_methods.is_empty() {
            put(
                "PaymentMethods",
                csv(&self
                    .payment_methods
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()),
            );
        }
        if let Some(v) = &self.buyer_email {
            put("BuyerEmail", v.clone());
        }
        if let Some(v) = &self.seller_order_id {
            put("SellerOrderId", v.clone());
        }
        if let Some(n) = self.max_results_per_page {
            put("MaxResultsPerPage", n.to_string());
        }
        if !self.easy_ship_shipment_statuses.is_empty() {
            put(
                "EasyShipShipmentStatuses",
                csv(&self
                    .easy_ship_shipment_statuses
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()),
            );
        }
        if !self.electronic_invoice_statuses.is_empty() {
            put(
                "ElectronicInvoiceStatuses",
                csv(&self
                    .electronic_invoice_statuses
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()),
            );
        }
        if let Some(v) = &self.next_token {
            put("NextToken", v.clone());
        }
        if !self.amazon_order_ids.is_empty() {
            put("AmazonOrderIds", csv(&self.amazon_order_ids));
        }
        if let Some(v) = &self.actual_fulfillment_supply_source_id {
            put("ActualFulfillmentSupplySourceId", v.clone());
        }
        if let Some(v) = self.is_ispu {
            put("IsISPU", v.to_string());
        }
        if let Some(v) = &self.store_chain_store_id {
            put("StoreChainStoreId", v.clone());
        }
        if let Some(t) = &self.earliest_delivery_date_before {
            put("EarliestDeliveryDateBefore", t.to_query());
        }
        if let Some(t) = &self.earliest_delivery_date_after {
            put("EarliestDeliveryDateAfter", t.to_query());
        }
        if let Some(t) = &self.latest_delivery_date_before {
            put("LatestDeliveryDateBefore", t.to_query());
        }
        if let Some(t) = &self.latest_delivery_date_after {
            put("LatestDeliveryDateAfter", t.to_query());
        }
        req.data_elements = self.data_elements.iter().map(|d| d.as_str().to_owned()).collect();
        req.explicit_rdt.clone_from(&self.rdt);
        Ok(req)
    }

    fn validate(&self) -> Result<(), Error> {
        if self.marketplace_ids.is_empty() {
            return Err(Error::invalid_input(
                "MarketplaceIds",
                "give at least one marketplace",
            ));
        }
        if self.marketplace_ids.len() > MAX_IDS {
            return Err(Error::invalid_input(
                "MarketplaceIds",
                format!("at most {MAX_IDS} marketplaces per request"),
            ));
        }
        if self.amazon_order_ids.len() > MAX_IDS {
            return Err(Error::invalid_input(
                "AmazonOrderIds",
                format!("at most {MAX_IDS} order ids per request"),
            ));
        }
        let created = self.created_after.is_some() || self.created_before.is_some();
        let updated = self.last_updated_after.is_some() || self.last_updated_before.is_some();
        if self.next_token.is_none() && self.created_after.is_none() && self.last_updated_after.is_none() {
            return Err(Error::invalid_input(
                "CreatedAfter",
                "set CreatedAfter or LastUpdatedAfter (one of them is required)",
            ));
        }
        if created && updated {
            return Err(Error::invalid_input(
                "LastUpdatedAfter",
                "cannot be combined with CreatedAfter/CreatedBefore: filter by creation or by update, not both",
            ));
        }
        check_window(
            "CreatedBefore",
            self.created_after.as_ref(),
            self.created_before.as_ref(),
        )?;
        check_window(
            "LastUpdatedBefore",
            self.last_updated_after.as_ref(),
            self.last_updated_before.as_ref(),
        )?;
        let latest_allowed = self.client.clock().now() - Duration::minutes(2);
        for (name, t) in [
            ("CreatedBefore", &self.created_before),
            ("LastUpdatedBefore", &self.last_updated_before),
        ] {
            if let Some(at) = t.as_ref().and_then(QueryTime::at) {
                if at > latest_allowed {
                    return Err(Error::invalid_input(
                        name,
                        "must be at least two minutes before the current time; leave it out to mean \"now\"",
                    ));
                }
            }
        }
        if let Some(n) = self.max_results_per_page {
            if !(1..=100).contains(&n) {
                return Err(Error::invalid_input(
                    "MaxResultsPerPage",
                    "must be between 1 and 100",
                ));
            }
        }
        if self.seller_order_id.is_some()
            && (!self.fulfillment_channels.is_empty()
                || !self.order_statuses.is_empty()
                || !self.payment_methods.is_empty()
                || updated
                || self.buyer_email.is_some())
        {
            return Err(Error::invalid_input(
                "SellerOrderId",
                "cannot be combined with FulfillmentChannels, OrderStatuses, PaymentMethods, LastUpdatedAfter, \
                 LastUpdatedBefore or BuyerEmail",
            ));
        }
        Ok(())
    }

    /// Sends the request and returns the first (or only) page.
    ///
    /// # Errors
    /// As [`GetOrders::build`], [`crate::rdt::resolve`] and [`SpApiClient::send`]; [`Error::Decode`]
    /// for an answer that cannot be decoded even leniently.
    pub async fn send(self) -> Result<OrdersList, Error> {
        Ok(self.send_with_raw().await?.payload.payload.unwrap_or_default())
    }

    /// Sends the request and keeps the raw answer next to the typed one.
    ///
    /// # Errors
    /// As [`GetOrders::send`].
    pub async fn send_with_raw(self) -> Result<Response<GetOrdersResponse>, Error> {
        let req = self.build()?;
        let resp = crate::rdt::send(self.client, &GET_ORDERS, req).await?;
        de::decode_response(&GET_ORDERS, resp)
    }

    /// Every page, following `NextToken` until the last one; the stream ends with an error when a request
    /// fails or Amazon repeats a token.
    pub fn pages(self) -> BoxStream<'a, Result<OrdersList, Error>> {
        let client = self.client;
        let first = match self.build() {
            Ok(r) => r,
            Err(e) => return futures::stream::once(async move { Err(e) }).boxed(),
        };
        pagination::pages(&GET_ORDERS, &GET_ORDERS_PAGES, first, move |req| async move {
            let resp = crate::rdt::send(client, &GET_ORDERS, req).await?;
            let page: GetOrdersResponse = de::decode(&GET_ORDERS, &resp)?;
            Ok(page.payload.unwrap_or_default())
        })
    }

    /// Every order of every page.
    pub fn orders(self) -> BoxStream<'a, Result<Order, Error>> {
        pagination::items(self.pages())
    }
}

fn check_window(name: &str, after: Option<&QueryTime>, before: Option<&QueryTime>) -> Result<(), Error> {
    if let (Some(a), Some(b)) = (after.and_then(QueryTime::at), before.and_then(QueryTime::at)) {
        if b < a {
            return Err(Error::invalid_input(
                name,
                "must not be earlier than the matching ...After value",
            ));
        }
    }
    Ok(())
}
