//! The import policy: what the sync engine asks before an order comes in, and when something happens to it.
//!
//! The engine calls [`ImportPolicy::decide`] for every order Amazon returns and applies the
//! [`ImportDecision`]: admit or skip (with a [`SkipReason`]), the folder, the hub status, metadata changes,
//! tags, routing to a fulfillment service, a hold, the shipping method, the invoice number. For later events
//! (order changed or canceled, a shipment about to be confirmed, stock about to be synced) it calls
//! [`ImportPolicy::on_event`]. `orderhub-rules` implements the trait (filters, rule engine, mappings); the
//! engine depends only on this module.
//!
//! Decisions are plain values: evaluating a policy has no side effects, reads no clock (the time is in the
//! [`ImportContext`]) and gives the same answer for the same input.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::{ConnectionSettings, HubStatus, InventoryItem, Order, Shipment};

/// Looks inventory items up by SKU (the inventory-location filter and rules on stock need it).
pub trait InventoryLookup: Send + Sync {
    /// The item with this SKU, if the hub knows it.
    fn item(&self, sku: &str) -> Option<&InventoryItem>;
}

impl InventoryLookup for HashMap<String, InventoryItem> {
    fn item(&self, sku: &str) -> Option<&InventoryItem> {
        self.get(sku)
    }
}

impl InventoryLookup for BTreeMap<String, InventoryItem> {
    fn item(&self, sku: &str) -> Option<&InventoryItem> {
        self.get(sku)
    }
}

/// Linear search: fine for tests and small catalogs.
impl InventoryLookup for [InventoryItem] {
    fn item(&self, sku: &str) -> Option<&InventoryItem> {
        self.iter().find(|i| i.sku == sku)
    }
}

impl InventoryLookup for Vec<InventoryItem> {
    fn item(&self, sku: &str) -> Option<&InventoryItem> {
        self.as_slice().item(sku)
    }
}

/// An inventory that knows no SKU.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoInventory;

impl InventoryLookup for NoInventory {
    fn item(&self, _sku: &str) -> Option<&InventoryItem> {
        None
    }
}

/// What a policy may consult besides the order: the connection's settings, the inventory, and the time.
#[derive(Clone, Copy)]
pub struct ImportContext<'a> {
    /// The connection's settings (import toggles, statuses, product identifier, folder for new orders ...).
    pub settings: &'a ConnectionSettings,
    /// The hub's inventory.
    pub inventory: &'a dyn InventoryLookup,
    /// The current time (policies never read a clock; holds relative to now use this).
    pub now: DateTime<Utc>,
}

impl<'a> ImportContext<'a> {
    /// A context.
    pub fn new(
        settings: &'a ConnectionSettings,
        inventory: &'a dyn InventoryLookup,
        now: DateTime<Utc>,
    ) -> Self {
        ImportContext {
            settings,
            inventory,
            now,
        }
    }
}

impl fmt::Debug for ImportContext<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportContext")
            .field("now", &self.now)
            .finish_non_exhaustive()
    }
}

/// Something that happened, which rules may react to.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum PolicyEvent<'a> {
    /// An order is being imported (what [`ImportPolicy::decide`] evaluates, after the filters).
    OrderImported(&'a Order),
    /// An imported order changed at Amazon (status, dates, lines ...).
    OrderChanged(&'a Order),
    /// An imported order was canceled.
    OrderCanceled(&'a Order),
    /// A shipment is about to be confirmed to Amazon: rules may coerce the carrier or set the method.
    ShipmentSending {
        /// The order.
        order: &'a Order,
        /// The shipment about to be sent.
        shipment: &'a Shipment,
    },
    /// An inventory item's stock is about to be sent to Amazon: a skip means "do not send it".
    InventorySyncing(&'a InventoryItem),
}

impl<'a> PolicyEvent<'a> {
    /// The kind of event.
    pub fn kind(&self) -> EventKind {
        match self {
            PolicyEvent::OrderImported(_) => EventKind::OrderImported,
            PolicyEvent::OrderChanged(_) => EventKind::OrderChanged,
            PolicyEvent::OrderCanceled(_) => EventKind::OrderCanceled,
            PolicyEvent::ShipmentSending { .. } => EventKind::ShipmentSending,
            PolicyEvent::InventorySyncing(_) => EventKind::InventorySyncing,
        }
    }

    /// The order the event is about, if it is about one.
    pub fn order(&self) -> Option<&'a Order> {
        match *self {
            PolicyEvent::OrderImported(o) | PolicyEvent::OrderChanged(o) | PolicyEvent::OrderCanceled(o) => {
                Some(o)
            }
            PolicyEvent::ShipmentSending { order, .. } => Some(order),
            PolicyEvent::InventorySyncing(_) => None,
        }
    }
}

/// The kinds of [`PolicyEvent`], as rule files name them (`order_imported`, `shipment_sending` ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EventKind {
    /// `order_imported`.
    OrderImported,
    /// `order_changed`.
    OrderChanged,
    /// `order_canceled`.
    OrderCanceled,
    /// `shipment_sending`.
    ShipmentSending,
    /// `inventory_syncing`.
    InventorySyncing,
}

impl EventKind {
    /// Every kind, in declaration order.
    pub const ALL: [EventKind; 5] = [
        EventKind::OrderImported,
        EventKind::OrderChanged,
        EventKind::OrderCanceled,
        EventKind::ShipmentSending,
        EventKind::InventorySyncing,
    ];

    /// The name rule files use.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::OrderImported => "order_imported",
            EventKind::OrderChanged => "order_changed",
            EventKind::OrderCanceled => "order_canceled",
            EventKind::ShipmentSending => "shipment_sending",
            EventKind::InventorySyncing => "inventory_syncing",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an order (or, for other events, the action the event is about) is skipped.
///
/// Messages name statuses, countries, SKUs and locations, never personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// Pending orders are never imported (payment not yet authorized; Amazon gives no address).
    Pending,
    /// The Amazon status is not among the statuses to import.
    Status {
        /// The order's Amazon status.
        status: String,
    },
    /// The order already shipped and importing shipped orders is off.
    AlreadyShipped,
    /// The order is Amazon-fulfilled and importing Amazon-fulfilled orders is off.
    AmazonFulfilled,
    /// The ship-to country is excluded by the country filter (or unknown, with an inclusion list).
    Country {
        /// The country code, when known.
        country: Option<String>,
    },
    /// A line's SKU sits at an inventory location the location filter does not list.
    InventoryLocation {
        /// The SKU.
        sku: String,
        /// Its location, when it has one.
        location: Option<String>,
    },
    /// A line's SKU (or the line has no SKU) is not in the hub's inventory, and the filter skips such orders.
    NotInInventory {
        /// The SKU, when the line has one.
        sku: Option<String>,
    },
    /// The order has no physical product and only physical products are imported.
    NoPhysicalProduct,
    /// A rule skipped it.
    Rule {
        /// The rule's name.
        rule: String,
        /// The reason the rule gives.
        reason: String,
    },
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Pending => {
                f.write_str("Pending orders are never imported (payment not yet authorized)")
            }
            SkipReason::Status { status } => {
                write!(f, "status {status} is not among the statuses to import")
            }
            SkipReason::AlreadyShipped => {
                f.write_str("the order already shipped and `import shipped orders` is off")
            }
            SkipReason::AmazonFulfilled => {
                f.write_str("the order is Amazon-fulfilled (AFN) and `import Amazon-fulfilled orders` is off")
            }
            SkipReason::Country { country: Some(c) } => {
                write!(f, "country {c} is excluded by the country filter")
            }
            SkipReason::Country { country: None } => f.write_str(
                "the ship-to country is unknown and the country filter lists the countries to import",
            ),
            SkipReason::InventoryLocation {
                sku,
                location: Some(l),
            } => {
                write!(
                    f,
                    "SKU `{sku}` is at inventory location `{l}`, which the location filter does not list"
                )
            }
            SkipReason::InventoryLocation { sku, location: None } => {
                write!(
                    f,
                    "SKU `{sku}` has no inventory location and the location filter is set"
                )
            }
            SkipReason::NotInInventory { sku: Some(s) } => {
                write!(
                    f,
                    "SKU `{s}` is not in the inventory (the location filter skips such orders)"
                )
            }
            SkipReason::NotInInventory { sku: None } => f.write_str(
                "a line has no SKU to look up in the inventory (the location filter skips such orders)",
            ),
            SkipReason::NoPhysicalProduct => {
                f.write_str("the order has no physical product and only physical products are imported")
            }
            SkipReason::Rule { rule, reason } => write!(f, "rule \"{rule}\" skipped it: {reason}"),
        }
    }
}

/// Admit or skip.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Admission {
    /// Go ahead (import the order, send the shipment, sync the stock).
    #[default]
    Admit,
    /// Do not.
    Skip(SkipReason),
}

/// A change to an order's metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataChange {
    /// Set the key to the value.
    Set(String),
    /// Remove the key.
    Remove,
}

/// The carrier to confirm a shipment with: one of Amazon's carrier codes, or `Other` plus the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarrierChoice {
    /// A code from Amazon's carrier list (`UPS`, `Royal Mail`, ... or `Other`).
    pub code: String,
    /// The carrier's name, sent as `CarrierName` when the code is `Other`.
    pub name: Option<String>,
}

/// A rule that fired, for the decision's trace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiredRule {
    /// Its position in the rule file (1-based).
    pub index: usize,
    /// Its name.
    pub name: Arc<str>,
}

/// What to do with an order (or with the subject of an event).
///
/// Every field is "no opinion" by default; the engine leaves what the policy did not set unchanged.
/// Later rules override earlier ones field by field (for metadata, key by key).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportDecision {
    /// Admit or skip, with the reason.
    pub admission: Admission,
    /// The folder to put the order in.
    pub folder: Option<String>,
    /// The hub status to set.
    pub hub_status: Option<HubStatus>,
    /// Metadata changes, by key.
    pub metadata: BTreeMap<String, MetadataChange>,
    /// Tags to add.
    pub tags: BTreeSet<String>,
    /// The fulfillment service to route the order to (for example `amazon-mcf`).
    pub route_to: Option<String>,
    /// Hold the order (do not route or ship it) until this time.
    pub hold_until: Option<DateTime<Utc>>,
    /// The integrator's shipping method.
    pub shipping_method: Option<String>,
    /// The integrator's payment type.
    pub payment_type: Option<String>,
    /// The hub's invoice number for the order.
    pub invoice_number: Option<String>,
    /// The carrier to confirm a shipment with (shipment events).
    pub carrier: Option<CarrierChoice>,
    /// The rules that fired, in order.
    pub trace: Vec<FiredRule>,
}

impl ImportDecision {
    /// Whether the decision admits.
    pub fn is_admitted(&self) -> bool {
        matches!(self.admission, Admission::Admit)
    }

    /// The skip reason, when skipped.
    pub fn skip_reason(&self) -> Option<&SkipReason> {
        match &self.admission {
            Admission::Admit => None,
            Admission::Skip(r) => Some(r),
        }
    }

    /// Resets to "no opinion", keeping allocated capacity (for evaluators that reuse one decision).
    pub fn clear(&mut self) {
        self.admission = Admission::Admit;
        self.folder = None;
        self.hub_status = None;
        self.metadata.clear();
        self.tags.clear();
        self.route_to = None;
        self.hold_until = None;
        self.shipping_method = None;
        self.payment_type = None;
        self.invoice_number = None;
        self.carrier = None;
        self.trace.clear();
    }

    /// Applies the order-level parts of the decision to `order`: folder, hub status, metadata, tags.
    /// (Routing, holds, carrier and the rest are for the engine to act on.)
    pub fn apply_to(&self, order: &mut Order) {
        if let Some(folder) = &self.folder {
            order.folder = Some(folder.clone());
        }
        if let Some(status) = &self.hub_status {
            order.hub_status = status.clone();
        }
        for (key, change) in &self.metadata {
            match change {
                MetadataChange::Set(v) => {
                    order.metadata.set(key.clone(), v.clone());
                }
                MetadataChange::Remove => {
                    order.metadata.remove(key);
                }
            }
        }
        order.tags.extend(self.tags.iter().cloned());
    }
}

/// The import policy the sync engine consults. Implementations are pure and deterministic.
pub trait ImportPolicy: Send + Sync {
    /// Decides whether and how to import `order`: filters, mappings, then the `order_imported` rules.
    fn decide(&self, order: &Order, ctx: &ImportContext<'_>) -> ImportDecision;

    /// Runs the rules for a later event.
    fn on_event(&self, event: PolicyEvent<'_>, ctx: &ImportContext<'_>) -> ImportDecision;
}

/// Admits everything and has no opinion on anything: the policy when an integrator configures none.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdmitAll;

impl ImportPolicy for AdmitAll {
    fn decide(&self, _order: &Order, _ctx: &ImportContext<'_>) -> ImportDecision {
        ImportDecision::default()
    }

    fn on_event(&self, _event: PolicyEvent<'_>, _ctx: &ImportContext<'_>) -> ImportDecision {
        ImportDecision::default()
    }
}
