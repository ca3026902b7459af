//! [`FulfillmentService`] over Amazon Multi-Channel Fulfillment (Fulfillment Outbound API 2020-07-01):
//! Amazon ships orders from other channels out of the seller's FBA inventory.

use amazon_spapi::client::SpApiClient;
use amazon_spapi::error::Error as SpApiError;
use amazon_spapi::fulfillment_outbound_2020_07_01 as mcf;
use async_trait::async_trait;

use crate::domain::Money;
use crate::ports::{
    FulfillmentError, FulfillmentOrderStatus, FulfillmentRequest, FulfillmentService, FulfillmentShipment,
    FulfillmentSpeed, FulfillmentStatusReport,
};

/// Amazon's limit on `sellerFulfillmentOrderId`.
pub const MAX_ID_LEN: usize = 40;

/// Multi-Channel Fulfillment through one seller's [`SpApiClient`].
#[derive(Debug, Clone)]
pub struct McfFulfillmentService {
    client: SpApiClient,
}

impl McfFulfillmentService {
    /// A service sending through `client` (the seller's client, with its rate limits and retries).
    pub fn new(client: SpApiClient) -> Self {
        McfFulfillmentService { client }
    }
}

fn money(m: &Money) -> mcf::Money {
    mcf::Money {
        currency_code: Some(m.currency.as_str().to_owned()),
        value: Some(m.amount),
    }
}

fn speed(s: FulfillmentSpeed) -> mcf::ShippingSpeedCategory {
    match s {
        FulfillmentSpeed::Expedited => mcf::ShippingSpeedCategory::Expedited,
        FulfillmentSpeed::Priority => mcf::ShippingSpeedCategory::Priority,
        FulfillmentSpeed::ScheduledDelivery => mcf::ShippingSpeedCategory::ScheduledDelivery,
        _ => mcf::ShippingSpeedCategory::Standard,
    }
}

/// Checks what Amazon would refuse, before sending.
fn validate(r: &FulfillmentRequest) -> Result<(), FulfillmentError> {
    let invalid = |message: String| Err(FulfillmentError::Invalid { message });
    if r.id.trim().is_empty() || r.id.len() > MAX_ID_LEN {
        return invalid(format!(
            "the fulfillment order id must be 1 to {MAX_ID_LEN} characters"
        ));
    }
    if r.lines.is_empty() {
        return invalid("a fulfillment order needs at least one line".into());
    }
    if let Some(l) = r
        .lines
        .iter()
        .find(|l| l.quantity == 0 || l.sku.trim().is_empty() || l.line_id.is_empty())
    {
        return invalid(format!(
            "line `{}` needs a SKU, a line id and a positive quantity",
            l.line_id
        ));
    }
    let a = &r.destination;
    let missing: Vec<&str> = [
        ("name", &a.name),
        ("first street line", &a.line1),
        ("country code", &a.country_code),
    ]
    .into_iter()
    .filter(|(_, v)| v.as_deref().is_none_or(|s| s.trim().is_empty()))
    .map(|(n, _)| n)
    .collect();
    if !missing.is_empty() {
        return invalid(format!("the destination address has no {}", missing.join(", ")));
    }
    Ok(())
}

/// Sorts an SDK error into the port's kinds. Amazon's messages are kept (they say what to fix); the
/// request itself, which holds the address, never is.
fn classify(id: &str, e: SpApiError) -> FulfillmentError {
    if let SpApiError::Api(api) = &e {
        let message = api
            .errors
            .iter()
            .map(|x| format!("{}: {}", x.code, x.message))
            .collect::<Vec<_>>()
            .join("; ");
        match api.status.as_u16() {
            404 => return FulfillmentError::NotFound { id: id.to_owned() },
            400 | 403 | 409 | 422 => {
                return FulfillmentError::Rejected {
                    message: if message.is_empty() {
                        format!("HTTP {}", api.status)
                    } else {
                        message
                    },
                }
            }
            _ => {}
        }
    }
    FulfillmentError::Unavailable {
        retryable: e.is_retryable(),
        source: Box::new(e),
    }
}

#[async_trait]
impl FulfillmentService for McfFulfillmentService {
    async fn submit(&self, r: &FulfillmentRequest) -> Result<(), FulfillmentError> {
        validate(r)?;
        let a = &r.destination;
        let body = mcf::CreateFulfillmentOrderRequest {
            marketplace_id: r.marketplace_id.as_ref().map(|m| m.0.clone()),
            seller_fulfillment_order_id: Some(r.id.clone().into()),
            displayable_order_id: Some(r.displayable_order_id.clone()),
            displayable_order_date: Some(r.displayable_order_date),
            displayable_order_comment: Some(r.displayable_comment.clone()),
            shipping_speed_category: Some(speed(r.speed)),
            destination_address: Some(mcf::Address {
                name: a.name.clone(),
                address_line1: a.line1.clone(),
                address_line2: a.line2.clone(),
                address_line3: a.line3.clone(),
                city: a.city.clone(),
                district_or_county: a.county.clone().or_else(|| a.district.clone()),
                state_or_region: a.state_or_region.clone(),
                postal_code: a.postal_code.clone(),
                country_code: a.country_code.clone(),
                phone: a.phone.clone(),
            }),
            notification_emails: (!r.notification_emails.is_empty()).then(|| r.notification_emails.clone()),
            items: Some(
                r.lines
                    .iter()
                    .map(|l| mcf::CreateFulfillmentOrderItem {
                        seller_sku: Some(l.sku.clone()),
                        seller_fulfillment_order_item_id: Some(l.line_id.clone()),
                        quantity: Some(i64::from(l.quantity)),
                        per_unit_declared_value: l.per_unit_declared_value.as_ref().map(money),
                        ..Default::default()
                    })
                    .collect(),
            ),
            ..Default::default()
        };
        mcf::CreateFulfillmentOrder::new(&self.client)
            .body(body)
            .send()
            .await
            .map_err(|e| classify(&r.id, e))?;
        Ok(())
    }

    async fn cancel(&self, id: &str) -> Result<(), FulfillmentError> {
        mcf::CancelFulfillmentOrder::new(&self.client)
            .seller_fulfillment_order_id(id)
            .send()
            .await
            .map_err(|e| classify(id, e))?;
        Ok(())
    }

    async fn status(&self, id: &str) -> Result<FulfillmentStatusReport, FulfillmentError> {
        let answer = mcf::GetFulfillmentOrder::new(&self.client)
            .seller_fulfillment_order_id(id)
            .send()
            .await
            .map_err(|e| classify(id, e))?;
        let result = answer.payload.payload.unwrap_or_default();
        let order = result.fulfillment_order.unwrap_or_default();
        let status = order
            .fulfillment_order_status
            .as_ref()
            .map_or(FulfillmentOrderStatus::Other(String::new()), |s| {
                FulfillmentOrderStatus::parse(s.as_str())
            });
        let shipments = result
            .fulfillment_shipments
            .unwrap_or_default()
            .into_iter()
            .map(|s| {
                let packages = s.fulfillment_shipment_package.unwrap_or_default();
                FulfillmentShipment {
                    shipment_id: s.amazon_shipment_id.unwrap_or_default(),
                    status: s
                        .fulfillment_shipment_status
                        .map(|x| x.as_str().to_owned())
                        .unwrap_or_default(),
                    shipped_at: s.shipping_date,
                    carrier: packages.iter().find_map(|p| p.carrier_code.clone()),
                    tracking_numbers: packages
                        .iter()
                        .filter_map(|p| p.tracking_number.clone())
                        .collect(),
                    lines: s
                        .fulfillment_shipment_item
                        .unwrap_or_default()
                        .into_iter()
                        .map(|i| {
                            (
                                i.seller_sku.unwrap_or_default(),
                                u32::try_from(i.quantity.unwrap_or(0)).unwrap_or(0),
                            )
                        })
                        .collect(),
                }
            })
            .collect();
        Ok(FulfillmentStatusReport {
            id: id.to_owned(),
            status,
            status_updated_at: order.status_updated_date,
            shipments,
        })
    }
}
