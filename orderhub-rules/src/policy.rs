//! [`RulesPolicy`]: filters, mappings and rules together, as the sync engine's [`ImportPolicy`].

use orderhub_core::domain::{keys, Order};
use orderhub_core::policy::import::{Admission, ImportContext, ImportDecision, ImportPolicy, PolicyEvent};

use crate::carriers::CarrierList;
use crate::filters::FilterSettings;
use crate::mappings::{invoice_number, MappingError, Mappings};
use crate::rules::RuleSet;

/// The import policy `orderhub-rules` provides.
///
/// [`ImportPolicy::decide`] runs, in order: the filters (toggles from the connection's settings, the country
/// filter, the inventory-location filter; the first refusal skips the order and no rule runs); the mappings
/// (hub status, the connection's folder for new orders, shipping method, payment type, invoice number, and
/// the `amazon_fulfillment_channel` metadata when the order lacks it); then the `order_imported` rules, whose
/// actions override the mappings. [`ImportPolicy::on_event`] runs the rules for the event; for
/// `shipment_sending` it first coerces the shipment's carrier to Amazon's list.
#[derive(Debug, Clone, Default)]
pub struct RulesPolicy {
    filters: FilterSettings,
    mappings: Mappings,
    rules: RuleSet,
    carriers: CarrierList,
}

impl RulesPolicy {
    /// A policy from its parts.
    ///
    /// # Errors
    /// [`MappingError`] when the mappings are invalid (see [`Mappings::validate`]).
    pub fn new(filters: FilterSettings, mappings: Mappings, rules: RuleSet) -> Result<Self, MappingError> {
        mappings.validate()?;
        Ok(RulesPolicy {
            filters,
            mappings,
            rules,
            carriers: CarrierList::amazon(),
        })
    }

    /// Uses `carriers` (with the integrator's aliases) to coerce carrier names.
    #[must_use]
    pub fn with_carriers(mut self, carriers: CarrierList) -> Self {
        self.carriers = carriers;
        self
    }

    /// The filters.
    pub fn filters(&self) -> &FilterSettings {
        &self.filters
    }

    /// The mappings.
    pub fn mappings(&self) -> &Mappings {
        &self.mappings
    }

    /// The rules.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// [`ImportPolicy::decide`] into a reused decision (cleared first).
    pub fn decide_into(&self, order: &Order, ctx: &ImportContext<'_>, d: &mut ImportDecision) {
        d.clear();
        if let Err(reason) = self.filters.check(order, ctx.settings, ctx.inventory) {
            d.admission = Admission::Skip(reason);
            return;
        }
        d.hub_status = self.mappings.status.map_order(order);
        if let Some(folder) = &ctx.settings.new_order_folder {
            d.set_folder(folder);
        }
        if let Some(method) = self.mappings.shipping.map_order(order) {
            d.set_shipping_method(method);
        }
        if let Some(payment) = self.mappings.payment.map_order(order) {
            d.set_payment_type(payment);
        }
        let prefix = self
            .mappings
            .invoice_prefix
            .as_deref()
            .or(ctx.settings.order_number_prefix.as_deref());
        d.invoice_number = Some(invoice_number(prefix, order));
        if order.metadata.get(keys::AMAZON_FULFILLMENT_CHANNEL).is_none() {
            d.set_metadata(keys::AMAZON_FULFILLMENT_CHANNEL, order.fulfillment_channel.code());
        }
        self.rules
            .evaluate_into(PolicyEvent::OrderImported(order), ctx, d);
    }
}

impl ImportPolicy for RulesPolicy {
    fn decide(&self, order: &Order, ctx: &ImportContext<'_>) -> ImportDecision {
        let mut d = ImportDecision::default();
        self.decide_into(order, ctx, &mut d);
        d
    }

    fn on_event(&self, event: PolicyEvent<'_>, ctx: &ImportContext<'_>) -> ImportDecision {
        let mut d = ImportDecision::default();
        if let PolicyEvent::ShipmentSending { shipment, .. } = event {
            d.carrier = Some(self.carriers.coerce(&shipment.carrier));
        }
        self.rules.evaluate_into(event, ctx, &mut d);
        d
    }
}
