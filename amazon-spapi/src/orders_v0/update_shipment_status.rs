//! `updateShipmentStatus`: Easy Ship / pickup status of an order (`ReadyForPickup`, `PickedUp`,
//! `RefusedPickup`).

use super::models::{ShipmentStatus, UpdateShipmentStatusOrderItem, UpdateShipmentStatusRequest};
use super::{check_order_id, json_body, AmazonOrderId, MarketplaceId, OrderItemId, UPDATE_SHIPMENT_STATUS};
use crate::client::SpApiClient;
use crate::error::Error;
use crate::operation::{fill_path, ApiRequest, ApiResponse};

/// `updateShipmentStatus`: sets the pickup status of an order (all items, or the listed ones).
#[derive(Debug, Clone)]
#[must_use = "a request does nothing until it is sent"]
pub struct UpdateShipmentStatus<'a> {
    client: &'a SpApiClient,
    order_id: AmazonOrderId,
    body: UpdateShipmentStatusRequest,
}

impl<'a> UpdateShipmentStatus<'a> {
    /// A status update for `order_id`.
    pub fn new(client: &'a SpApiClient, order_id: impl Into<AmazonOrderId>) -> Self {
        Self {
            client,
            order_id: order_id.into(),
            body: UpdateShipmentStatusRequest::default(),
        }
    }

    /// The order's marketplace (required).
    pub fn marketplace_id(mut self, id: impl Into<MarketplaceId>) -> Self {
        self.body.marketplace_id = Some(id.into());
        self
    }

    /// The new status (required).
    pub fn shipment_status(mut self, status: ShipmentStatus) -> Self {
        self.body.shipment_status = Some(status);
        self
    }

    /// Limits the update to this item and quantity (repeat for several items).
    pub fn item(mut self, order_item_id: impl Into<OrderItemId>, quantity: u32) -> Self {
        self.body.order_items.push(UpdateShipmentStatusOrderItem {
            order_item_id: Some(order_item_id.into()),
            quantity: Some(quantity),
        });
        self
    }

    /// The request as it will be sent.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty order id, a missing marketplace or status, or an item
    /// without id.
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
        if self.body.shipment_status.is_none() {
            return Err(Error::invalid_input(
                "shipmentStatus",
                "set ReadyForPickup, PickedUp or RefusedPickup",
            ));
        }
        for (i, it) in self.body.order_items.iter().enumerate() {
            if it.order_item_id.as_ref().is_none_or(|id| id.as_str().is_empty()) {
                return Err(Error::invalid_input(
                    format!("orderItems[{i}].orderItemId"),
                    "is required",
                ));
            }
        }
        let path = fill_path(
            UPDATE_SHIPMENT_STATUS.path,
            &[("orderId", self.order_id.as_str())],
        );
        Ok(ApiRequest::new(path).json_body(json_body(&self.body)?))
    }

    /// Sends the update. Amazon answers 204 with no body.
    ///
    /// # Errors
    /// As [`UpdateShipmentStatus::build`] and [`SpApiClient::send`].
    pub async fn send(self) -> Result<(), Error> {
        self.send_with_raw().await.map(|_| ())
    }

    /// Sends the update and returns the raw answer.
    ///
    /// # Errors
    /// As [`UpdateShipmentStatus::send`].
    pub async fn send_with_raw(self) -> Result<ApiResponse, Error> {
        let req = self.build()?;
        self.client.send(&UPDATE_SHIPMENT_STATUS, req).await
    }
}
