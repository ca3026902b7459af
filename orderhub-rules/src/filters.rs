//! Import filters: the import toggles, the country filter and the inventory-location filter.
//!
//! Filters run before rules; the first that refuses an order gives the [`SkipReason`].

use orderhub_core::domain::{AmazonOrderStatus, ConnectionSettings, Order, ProductIdentifier};
use orderhub_core::policy::import::{InventoryLookup, SkipReason};
use serde::{Deserialize, Serialize};

use crate::country::CountryFilter;
use crate::mappings::product_id;

/// What to do with an order whose line's SKU is not in the hub's inventory, when the location filter is set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingSku {
    /// Skip the order, reporting the SKU (the default).
    #[default]
    Skip,
    /// Import it anyway.
    Admit,
}

/// The inventory-location filter: an order imports only if every line's SKU has an inventory location in
/// the list (exact, case-sensitive match). An empty list imports everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LocationFilter {
    /// The locations whose orders are imported.
    pub locations: Vec<String>,
    /// What to do when a line's SKU is not in the inventory.
    pub missing_sku: MissingSku,
}

impl LocationFilter {
    /// Parses the comma-separated form (`Warehouse A, Shelf 3`): entries are trimmed, empty ones dropped,
    /// the rest matched exactly.
    pub fn parse(text: &str) -> Self {
        LocationFilter {
            locations: text
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            missing_sku: MissingSku::Skip,
        }
    }

    /// Sets what happens to SKUs absent from the inventory.
    #[must_use]
    pub fn missing_sku(mut self, missing: MissingSku) -> Self {
        self.missing_sku = missing;
        self
    }

    /// Checks every line of `order`, looking SKUs (or ASINs, per `identifier`) up in `inventory`.
    ///
    /// # Errors
    /// The [`SkipReason`] for the first line that fails.
    pub fn check(
        &self,
        order: &Order,
        inventory: &dyn InventoryLookup,
        identifier: ProductIdentifier,
    ) -> Result<(), SkipReason> {
        if self.locations.is_empty() {
            return Ok(());
        }
        for line in &order.lines {
            let Some(id) = product_id(line, identifier) else {
                if self.missing_sku == MissingSku::Skip {
                    return Err(SkipReason::NotInInventory { sku: None });
                }
                continue;
            };
            match inventory.item(id) {
                None if self.missing_sku == MissingSku::Skip => {
                    return Err(SkipReason::NotInInventory {
                        sku: Some(id.to_owned()),
                    });
                }
                None => {}
                Some(item) => {
                    let ok = item
                        .location
                        .as_deref()
                        .is_some_and(|l| self.locations.iter().any(|x| x == l));
                    if !ok {
                        return Err(SkipReason::InventoryLocation {
                            sku: id.to_owned(),
                            location: item.location.clone(),
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

/// The import toggles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportToggles {
    /// Import orders Amazon already shows as shipped.
    pub import_shipped: bool,
    /// Import Amazon-fulfilled (AFN) orders.
    pub import_amazon_fulfilled: bool,
    /// Amazon statuses to import (default Unshipped and PartiallyShipped). `Pending` is never imported,
    /// whatever this says.
    pub statuses: Vec<AmazonOrderStatus>,
    /// Import only orders with at least one physical product.
    pub physical_only: bool,
}

impl Default for ImportToggles {
    fn default() -> Self {
        Self::from_settings(&ConnectionSettings::default(), false)
    }
}

impl ImportToggles {
    /// The toggles from a connection's settings.
    pub fn from_settings(settings: &ConnectionSettings, physical_only: bool) -> Self {
        ImportToggles {
            import_shipped: settings.import_shipped,
            import_amazon_fulfilled: settings.import_amazon_fulfilled,
            statuses: settings.statuses.clone(),
            physical_only,
        }
    }

    /// Checks `order` against the toggles.
    ///
    /// Amazon-fulfilled orders need `import_amazon_fulfilled`; when it is on they import as records whether
    /// shipped or not. Merchant-fulfilled shipped orders need `import_shipped`. Other orders need their status
    /// in `statuses`. `Pending` never imports.
    ///
    /// # Errors
    /// The [`SkipReason`].
    pub fn check(&self, order: &Order) -> Result<(), SkipReason> {
        check_toggles(
            order,
            self.import_shipped,
            self.import_amazon_fulfilled,
            &self.statuses,
            self.physical_only,
        )
    }
}

pub(crate) fn check_toggles(
    order: &Order,
    import_shipped: bool,
    import_amazon_fulfilled: bool,
    statuses: &[AmazonOrderStatus],
    physical_only: bool,
) -> Result<(), SkipReason> {
    let status = &order.amazon_status;
    if *status == AmazonOrderStatus::Pending {
        return Err(SkipReason::Pending);
    }
    if order.is_amazon_fulfilled() {
        if !import_amazon_fulfilled {
            return Err(SkipReason::AmazonFulfilled);
        }
        let shipped_like = matches!(
            status,
            AmazonOrderStatus::Shipped | AmazonOrderStatus::PartiallyShipped
        );
        if !shipped_like && !statuses.contains(status) {
            return Err(SkipReason::Status {
                status: status.as_str().to_owned(),
            });
        }
    } else if *status == AmazonOrderStatus::Shipped {
        if !import_shipped {
            return Err(SkipReason::AlreadyShipped);
        }
    } else if !statuses.contains(status) {
        return Err(SkipReason::Status {
            status: status.as_str().to_owned(),
        });
    }
    if physical_only && !order.lines.iter().any(|l| l.physical) {
        return Err(SkipReason::NoPhysicalProduct);
    }
    Ok(())
}

/// The filter settings `orderhub-rules` keeps beside the connection's own toggles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FilterSettings {
    /// The country filter (empty: all countries).
    pub countries: CountryFilter,
    /// The inventory-location filter (empty: all locations).
    pub locations: LocationFilter,
    /// Import only orders with a physical product.
    pub physical_only: bool,
}

impl FilterSettings {
    /// Runs every filter: toggles (from the connection's settings), then countries, then locations.
    ///
    /// # Errors
    /// The [`SkipReason`] of the first filter that refuses the order.
    pub fn check(
        &self,
        order: &Order,
        settings: &ConnectionSettings,
        inventory: &dyn InventoryLookup,
    ) -> Result<(), SkipReason> {
        check_toggles(
            order,
            settings.import_shipped,
            settings.import_amazon_fulfilled,
            &settings.statuses,
            self.physical_only,
        )?;
        let country = order.ship_country();
        if !self.countries.admits(country) {
            return Err(SkipReason::Country {
                country: country.map(str::to_owned),
            });
        }
        self.locations
            .check(order, inventory, settings.product_identifier)
    }
}
