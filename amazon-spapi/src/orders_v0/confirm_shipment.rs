//! `confirmShipment`: tells Amazon a package of a seller-fulfilled order has shipped.

use chrono::{DateTime, Utc};

use super::models::{CodCollectionMethod, ConfirmShipmentOrderItem, ConfirmShipmentRequest, PackageDetail};
use super::{check_order_id, json_body, AmazonOrderId, MarketplaceId, OrderItemId, CONFIRM_SHIPMENT};
use crate::client::SpApiClient;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, ApiResponse};

/// The carrier code to use, with a carrier name, for carriers Amazon does not list.
pub const CARRIER_OTHER: &str = "Other";

/// `confirmShipment`: confirms one package of an order (carrier, tracking number, ship date, items).
///
/// Required: marketplace, package reference id (a positive number, unique per order), carrier code
/// (`Other` plus a carrier name for unlisted carriers), tracking number, ship date and at least one
/// item.
///
/// ```no_run
/// # async fn demo(client: &amazon_spapi::client::SpApiClient, shipped: chrono::DateTime<chrono::Utc>)
/// # -> Result<(), amazon_spapi::error::Error> {
/// use amazon_spapi::marketplace::Marketplace;
/// use amazon_spapi::orders_v0::ConfirmShipment;
/// ConfirmShipment::new(client, "902-1106328-1059050")
///     .marketplace_id(Marketplace::US)
///     .package_reference_id("1")
///     .carrier_code("UPS")
///     .tracking_number("1Z999AA10123456784")
///     .ship_date(shipped)
///     .item("79039765272157", 1)
///     .send()
///     .await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct ConfirmShipment<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    body: ConfirmShipmentRequest,
}

impl<'a> ConfirmShipment<'a> {
    /// A confirmation for `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            body: ConfirmShipmentRequest {
                package_detail: Some(PackageDetail::default()),
                ..Default::default()
            },
        }
    }

    fn package(&mut self) -> &mut PackageDetail {
        self.body
            .package_detail
            .get_or_insert_with(PackageDetail::default)
    }

    /// The order's marketplace (required).
    pub fn marketplace_id(mut self, id: impl Into<MarketplaceId>) -> Self {
        self.body.marketplace_id = Some(id.into());
        self
    }

    /// How cash on delivery was collected (`DirectPayment`), for COD orders in Japan.
    pub fn cod_collection_method(mut self, m: CodCollectionMethod) -> Self {
        self.body.cod_collection_method = Some(m);
        self
    }

    /// The seller's id for this package: a positive number, unique within the order (required).
    pub fn package_reference_id(mut self, id: impl Into<String>) -> Self {
        self.package().package_reference_id = Some(id.into());
        self
    }

    /// The carrier code (required): one Amazon lists, or [`CARRIER_OTHER`] with
    /// [`carrier_name`](ConfirmShipment::carrier_name).
    pub fn carrier_code(mut self, code: impl Into<String>) -> Self {
        self.package().carrier_code = Some(code.into());
        self
    }

    /// The carrier's name (required with carrier code `Other`).
    pub fn carrier_name(mut self, name: impl Into<String>) -> Self {
        self.package().carrier_name = Some(name.into());
        self
    }

    /// The shipping method (service) used.
    pub fn shipping_method(mut self, method: impl Into<String>) -> Self {
        self.package().shipping_method = Some(method.into());
        self
    }

    /// The tracking number (required).
    pub fn tracking_number(mut self, n: impl Into<String>) -> Self {
        self.package().tracking_number = Some(n.into());
        self
    }

    /// When the package shipped (required).
    pub fn ship_date(mut self, t: DateTime<Utc>) -> Self {
        self.package().ship_date = Some(t);
        self
    }

    /// The supply source the package shipped from.
    pub fn ship_from_supply_source_id(mut self, id: impl Into<String>) -> Self {
        self.package().ship_from_supply_source_id = Some(id.into());
        self
    }

    /// Adds an item and the quantity of it in this package.
    pub fn item(self, order_item_id: impl Into<OrderItemId>, quantity: u32) -> Self {
        self.item_with_transparency_codes(order_item_id, quantity, Vec::<String>::new())
    }

    /// Adds an item with its Transparency codes.
    pub fn item_with_transparency_codes<I, S>(
        mut self,
        order_item_id: impl Into<OrderItemId>,
        quantity: u32,
        codes: I,
    ) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.package().order_items.push(ConfirmShipmentOrderItem {
            order_item_id: Some(order_item_id.into()),
            quantity: Some(quantity),
            transparency_codes: codes.into_iter().map(Into::into).collect(),
        });
        self
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the first missing or invalid field.
    pub fn build(&self) -> Result<ApiRequest, Error> {
        check_order_id(&self.order_id)?;
        if self
            .body
            .marketplace_id
            .as_ref()
            .is_none_or(|m| m.as_str().is_empty())
        {
            return Err(Error::invalid_input(
                "marketplaceId",
                "set the order's marketplace",
            ));
        }
        let p = self
            .body
            .package_detail
            .as_ref()
            .ok_or_else(|| Error::invalid_input("packageDetail", "describe the package"))?;
        match p.package_reference_id.as_deref() {
            Some(id)
                if !id.is_empty()
                    && id.bytes().all(|b| b.is_ascii_digit())
                    && id.bytes().any(|b| b != b'0') => {}
            _ => {
                return Err(Error::invalid_input(
                    "packageDetail.packageReferenceId",
                    "must be a positive number (digits only), unique within the order",
                ))
            }
        }
        let carrier = p.carrier_code.as_deref().unwrap_or("").trim();
        if carrier.is_empty() {
            return Err(Error::invalid_input(
                "packageDetail.carrierCode",
                "is required in every marketplace; use \"Other\" with carrierName for unlisted carriers",
            ));
        }
        if carrier.eq_ignore_ascii_case(CARRIER_OTHER)
            && p.carrier_name.as_deref().is_none_or(|n| n.trim().is_empty())
        {
            return Err(Error::invalid_input(
                "packageDetail.carrierName",
                "is required when carrierCode is \"Other\"",
            ));
        }
        if p.tracking_number.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Err(Error::invalid_input(
                "packageDetail.trackingNumber",
                "is required",
            ));
        }
        if p.ship_date.is_none() {
            return Err(Error::invalid_input("packageDetail.shipDate", "is required"));
        }
        if p.order_items.is_empty() {
            return Err(Error::invalid_input(
                "packageDetail.orderItems",
                "add at least one item",
            ));
        }
        for (i, it) in p.order_items.iter().enumerate() {
            if it.order_item_id.as_ref().is_none_or(|id| id.as_str().is_empty()) {
                return Err(Error::invalid_input(
                    format!("packageDetail.orderItems[{i}].orderItemId"),
                    "is required",
                ));
            }
            if it.quantity.unwrap_or(0) == 0 {
                return Err(Error::invalid_input(
                    format!("packageDetail.orderItems[{i}].quantity"),
                    "must be at least 1",
                ));
            }
        }
        let path = fill_path(CONFIRM_SHIPMENT.path, &[("orderId", self.order_id.as_str())]);
        Ok(ApiRequest::new(path).json_body(json_body(&self.body)?))
    }

    /// Sends the confirmation. Amazon answers 204 with no body.
    ///
    /// # Errors
    /// As [`ConfirmShipment::build`] and [`SpApiClient::send`]; Amazon's 400 answers (for example an
    /// unknown carrier or a ship date in the future) come back as [`Error::Api`] with its messages.
    pub async fn send(self) -> Result<(), Error> {
        self.send_with_raw().await.map(|_| ())
    }

    /// Sends the confirmation and returns the raw answer.
    ///
    /// # Errors
    /// As [`ConfirmShipment::send`].
    pub async fn send_with_raw(self) -> Result<ApiResponse, Error> {
        let req = self.build()?;
        self.client.send(&CONFIRM_SHIPMENT, req).await
    }
}
