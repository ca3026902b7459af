//! Mappings from Amazon's vocabulary to the integrator's: order status, shipping method, payment type,
//! invoice number, product identifier. Carrier coercion is in [`crate::carriers`].

use std::collections::BTreeMap;

use orderhub_core::domain::{
    AmazonOrderStatus, FulfillmentChannel, HubStatus, Order, OrderLine, ProductIdentifier,
};
use serde::{Deserialize, Serialize};

/// Errors in mapping settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MappingError {
    /// Merchant-fulfilled orders may only map to `New` or `Unpaid`.
    #[error(
        "merchant-fulfilled orders can be mapped to New or Unpaid, not `{status}`: the hub must still process \
         them (Amazon-fulfilled orders may map to any status)"
    )]
    MerchantStatus {
        /// The status configured.
        status: String,
    },
    /// An invoice prefix that cannot be part of an invoice number.
    #[error(
        "the invoice-number prefix must be at most 20 printable characters without spaces or control characters"
    )]
    InvoicePrefix,
}

/// Where imported orders land, by who fulfills them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StatusMapping {
    /// Hub status for merchant-fulfilled orders still to ship: `New` (default) or `Unpaid`.
    pub merchant: HubStatus,
    /// Hub status for Amazon-fulfilled orders (any status; default `Closed`, they are records only).
    pub amazon_fulfilled: HubStatus,
}

impl Default for StatusMapping {
    fn default() -> Self {
        StatusMapping {
            merchant: HubStatus::New,
            amazon_fulfilled: HubStatus::Closed,
        }
    }
}

impl StatusMapping {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`MappingError::MerchantStatus`] unless the merchant status is `New` or `Unpaid`.
    pub fn validate(&self) -> Result<(), MappingError> {
        match self.merchant {
            HubStatus::New | HubStatus::Unpaid => Ok(()),
            ref other => Err(MappingError::MerchantStatus {
                status: other.as_str().to_owned(),
            }),
        }
    }

    /// The hub status for an order with Amazon status `status` fulfilled through `channel`; `None` for
    /// `Pending` (never imported).
    ///
    /// Canceled orders become `Canceled`; merchant-fulfilled orders Amazon already shows as shipped become
    /// `Shipped`; other merchant-fulfilled orders get the configured status; Amazon-fulfilled orders get theirs.
    pub fn map(&self, status: &AmazonOrderStatus, channel: FulfillmentChannel) -> Option<HubStatus> {
        match (status, channel) {
            (AmazonOrderStatus::Pending, _) => None,
            (AmazonOrderStatus::Canceled, _) => Some(HubStatus::Canceled),
            (_, FulfillmentChannel::Amazon) => Some(self.amazon_fulfilled.clone()),
            (AmazonOrderStatus::Shipped, FulfillmentChannel::Merchant) => Some(HubStatus::Shipped),
            (_, FulfillmentChannel::Merchant) => Some(self.merchant.clone()),
        }
    }

    /// [`StatusMapping::map`] for an order.
    pub fn map_order(&self, order: &Order) -> Option<HubStatus> {
        self.map(&order.amazon_status, order.fulfillment_channel)
    }
}

/// A lookup table from Amazon's text to the integrator's, case and surrounding spaces ignored, with a
/// fallback.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TextMap {
    /// Amazon's value -> the integrator's value.
    pub map: BTreeMap<String, String>,
    /// The value when nothing matches (none by default).
    pub default: Option<String>,
}

impl TextMap {
    /// A map from pairs.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        TextMap {
            map: pairs
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
            default: None,
        }
    }

    /// Sets the fallback.
    #[must_use]
    pub fn with_default(mut self, default: impl Into<String>) -> Self {
        self.default = Some(default.into());
        self
    }

    /// The exact (case-insensitive) match of `key`, without the fallback.
    pub fn get_exact(&self, key: &str) -> Option<&str> {
        let k = key.trim();
        self.map
            .iter()
            .find(|(m, _)| m.trim().eq_ignore_ascii_case(k))
            .map(|(_, v)| v.as_str())
    }

    /// The match of the first key given that has one, else the fallback.
    pub fn lookup<'a>(&self, keys: impl IntoIterator<Item = Option<&'a str>>) -> Option<&str> {
        keys.into_iter()
            .flatten()
            .find_map(|k| self.get_exact(k))
            .or(self.default.as_deref())
    }
}

/// Amazon's shipping service level (e.g. `Std US D2D Dom`), then its category (`Standard`, `Expedited` ...),
/// mapped to the integrator's shipping method.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ShippingMethodMapping(pub TextMap);

impl ShippingMethodMapping {
    /// The integrator's method for `order`: the service level if mapped, else the category, else the default.
    pub fn map_order(&self, order: &Order) -> Option<&str> {
        self.0.lookup([
            order.shipping_service_level.as_deref(),
            order.shipment_service_level_category.as_deref(),
        ])
    }
}

/// Amazon's payment method (`Other`, `COD`, `CVS` ...) mapped to the integrator's payment type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PaymentMapping(pub TextMap);

impl PaymentMapping {
    /// The integrator's payment type for `order`.
    pub fn map_order(&self, order: &Order) -> Option<&str> {
        self.0.lookup([order.payment_method.as_deref()])
    }
}

/// Checks an invoice-number prefix: at most 20 printable characters, no whitespace.
///
/// # Errors
/// [`MappingError::InvoicePrefix`].
pub fn validate_invoice_prefix(prefix: &str) -> Result<(), MappingError> {
    if prefix.chars().count() <= 20 && prefix.chars().all(|c| !c.is_whitespace() && !c.is_control()) {
        Ok(())
    } else {
        Err(MappingError::InvoicePrefix)
    }
}

/// The hub's invoice number: the prefix followed by Amazon's order id (`AMZ-` + `902-3159896-1390916`).
pub fn invoice_number(prefix: Option<&str>, order: &Order) -> String {
    let id = order.id.as_str();
    match prefix {
        Some(p) => {
            let mut s = String::with_capacity(p.len() + id.len());
            s.push_str(p);
            s.push_str(id);
            s
        }
        None => id.to_owned(),
    }
}

/// The identifier the hub matches a line on: its SKU or its ASIN, as configured. `None` when the line lacks it.
pub fn product_id(line: &OrderLine, identifier: ProductIdentifier) -> Option<&str> {
    match identifier {
        ProductIdentifier::Sku => line.sku.as_deref(),
        ProductIdentifier::Asin => line.asin.as_deref(),
    }
    .map(str::trim)
    .filter(|s| !s.is_empty())
}

/// All mapping settings together.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mappings {
    /// Status mapping.
    pub status: StatusMapping,
    /// Shipping service level -> shipping method.
    pub shipping: ShippingMethodMapping,
    /// Payment method -> payment type.
    pub payment: PaymentMapping,
    /// Invoice-number prefix (falls back to the connection's order-number prefix).
    pub invoice_prefix: Option<String>,
}

impl Mappings {
    /// Checks the settings.
    ///
    /// # Errors
    /// [`MappingError`] for a merchant status other than New/Unpaid or a bad invoice prefix.
    pub fn validate(&self) -> Result<(), MappingError> {
        self.status.validate()?;
        if let Some(p) = &self.invoice_prefix {
            validate_invoice_prefix(p)?;
        }
        Ok(())
    }
}
