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

use std::collections::{BTreeMap, HashMap};
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
///
/// Evaluators that decide many orders reuse one decision: [`ImportDecision::clear`] keeps the text buffers
/// it empties, and the setters ([`ImportDecision::set_folder`], [`ImportDecision::add_tag`],
/// [`ImportDecision::set_metadata`] ...) fill them again, so a reused decision allocates no new text once
/// warm. The kept buffers are not part of the decision: they do not show in `Debug`, take no part in
/// equality, and are not cloned.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct ImportDecision {
    /// Admit or skip, with the reason.
    pub admission: Admission,
    /// The folder to put the order in.
    pub folder: Option<String>,
    /// The hub status to set.
    pub hub_status: Option<HubStatus>,
    /// Metadata changes, by key.
    pub metadata: MetadataChanges,
    /// Tags to add.
    pub tags: TagSet,
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
    /// Text buffers [`ImportDecision::clear`] kept for the setters to reuse (tags and metadata keep their own).
    spare: Spare,
}

impl fmt::Debug for ImportDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ImportDecision")
            .field("admission", &self.admission)
            .field("folder", &self.folder)
            .field("hub_status", &self.hub_status)
            .field("metadata", &self.metadata)
            .field("tags", &self.tags)
            .field("route_to", &self.route_to)
            .field("hold_until", &self.hold_until)
            .field("shipping_method", &self.shipping_method)
            .field("payment_type", &self.payment_type)
            .field("invoice_number", &self.invoice_number)
            .field("carrier", &self.carrier)
            .field("trace", &self.trace)
            .finish()
    }
}

/// A sorted list keyed by text whose emptied entries stay allocated for reuse: `items[..len]` are the
/// entries, sorted by key (byte order, as a `BTreeMap<String, _>` keeps them); `items[len..]` are emptied
/// entries whose buffers the next inserts reuse. The common core of [`TagSet`] and [`MetadataChanges`].
struct SortedReuse<T> {
    items: Vec<T>,
    len: usize,
}

impl<T> Default for SortedReuse<T> {
    fn default() -> Self {
        SortedReuse {
            items: Vec::new(),
            len: 0,
        }
    }
}

/// An entry of a [`SortedReuse`] list.
trait Keyed {
    /// The entry's key.
    fn key(&self) -> &str;
    /// A new entry for `key` (its value to be overwritten).
    fn fresh(key: &str) -> Self;
    /// Makes an emptied entry the entry for `key`, reusing its buffer (its value to be overwritten).
    fn refill(&mut self, key: &str);
}

impl<T: Keyed> SortedReuse<T> {
    #[inline]
    fn as_slice(&self) -> &[T] {
        self.items.get(..self.len).unwrap_or_default()
    }

    #[inline]
    fn find(&self, key: &str) -> Result<usize, usize> {
        self.as_slice().binary_search_by(|e| e.key().cmp(key))
    }

    /// The position of `key`'s entry and whether it was added just now.
    #[inline]
    fn slot(&mut self, key: &str) -> (usize, bool) {
        let at = match self.find(key) {
            Ok(i) => return (i, false),
            Err(at) => at,
        };
        match self.items.get_mut(self.len) {
            Some(spare) => {
                spare.refill(key);
                if let Some(moved) = self.items.get_mut(at..=self.len) {
                    moved.rotate_right(1);
                }
            }
            None => self.items.insert(at, T::fresh(key)),
        }
        self.len += 1;
        (at, true)
    }

    #[inline]
    fn clear(&mut self) {
        self.len = 0;
    }
}

impl<T: Clone + Keyed> Clone for SortedReuse<T> {
    fn clone(&self) -> Self {
        SortedReuse {
            items: self.as_slice().to_vec(),
            len: self.len,
        }
    }
}

impl<T: PartialEq + Keyed> PartialEq for SortedReuse<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Eq + Keyed> Eq for SortedReuse<T> {}

impl Keyed for String {
    #[inline]
    fn key(&self) -> &str {
        self
    }
    #[inline]
    fn fresh(key: &str) -> Self {
        key.to_owned()
    }
    #[inline]
    fn refill(&mut self, key: &str) {
        self.clear();
        self.push_str(key);
    }
}

impl Keyed for (String, MetadataChange) {
    #[inline]
    fn key(&self) -> &str {
        &self.0
    }
    #[inline]
    fn fresh(key: &str) -> Self {
        (key.to_owned(), MetadataChange::Remove)
    }
    #[inline]
    fn refill(&mut self, key: &str) {
        self.0.refill(key);
    }
}

/// A set of tags, in order (byte order, as `BTreeSet<String>` keeps them).
///
/// A sorted list: decisions hold a handful of tags, and [`TagSet::clear`] keeps the tags' buffers for the
/// next inserts, so a reused set allocates nothing once warm.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct TagSet(SortedReuse<String>);

impl TagSet {
    /// An empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The tags, sorted.
    #[inline]
    pub fn as_slice(&self) -> &[String] {
        self.0.as_slice()
    }

    /// Iterates over the tags in order.
    #[inline]
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.as_slice().iter()
    }

    /// The number of tags.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len
    }

    /// Whether there are none.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.len == 0
    }

    /// Whether `tag` is in the set.
    #[inline]
    pub fn contains(&self, tag: &str) -> bool {
        self.0.find(tag).is_ok()
    }

    /// Adds `tag`; `false` if it was already there.
    #[inline]
    pub fn insert(&mut self, tag: &str) -> bool {
        self.0.slot(tag).1
    }

    /// Removes every tag, keeping their buffers.
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl fmt::Debug for TagSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a TagSet {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<S: AsRef<str>> FromIterator<S> for TagSet {
    fn from_iter<I: IntoIterator<Item = S>>(iter: I) -> Self {
        let mut set = TagSet::new();
        set.extend(iter);
        set
    }
}

impl<S: AsRef<str>> Extend<S> for TagSet {
    fn extend<I: IntoIterator<Item = S>>(&mut self, iter: I) {
        for t in iter {
            self.insert(t.as_ref());
        }
    }
}

/// Metadata changes by key, in key order (byte order, as `BTreeMap<String, MetadataChange>` keeps them).
///
/// A sorted list: decisions change a handful of keys, and [`MetadataChanges::clear`] keeps the entries'
/// buffers for the next changes, so a reused map allocates nothing once warm.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct MetadataChanges(SortedReuse<(String, MetadataChange)>);

impl MetadataChanges {
    /// No changes.
    pub fn new() -> Self {
        Self::default()
    }

    /// The changes, sorted by key.
    #[inline]
    pub fn as_slice(&self) -> &[(String, MetadataChange)] {
        self.0.as_slice()
    }

    /// Iterates over the changes in key order.
    #[inline]
    pub fn iter(&self) -> std::slice::Iter<'_, (String, MetadataChange)> {
        self.as_slice().iter()
    }

    /// The number of keys changed.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len
    }

    /// Whether no key is changed.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.len == 0
    }

    /// The change to `key`, if any.
    #[inline]
    pub fn get(&self, key: &str) -> Option<&MetadataChange> {
        self.0
            .find(key)
            .ok()
            .and_then(|i| self.as_slice().get(i))
            .map(|(_, c)| c)
    }

    /// Whether `key` is changed.
    #[inline]
    pub fn contains_key(&self, key: &str) -> bool {
        self.0.find(key).is_ok()
    }

    /// The change to `key`, added (reusing an emptied entry; its value is to be overwritten) if missing.
    #[inline]
    fn entry(&mut self, key: &str) -> &mut MetadataChange {
        let (at, _) = self.0.slot(key);
        &mut self.0.items[at].1
    }

    /// Sets `key` to `value` (replacing an earlier change to it).
    #[inline]
    pub fn set(&mut self, key: &str, value: &str) {
        match self.entry(key) {
            MetadataChange::Set(v) => {
                v.clear();
                v.push_str(value);
            }
            c @ MetadataChange::Remove => *c = MetadataChange::Set(value.to_owned()),
        }
    }

    /// Records that `key` is to be removed (replacing an earlier change to it).
    #[inline]
    pub fn set_removed(&mut self, key: &str) {
        *self.entry(key) = MetadataChange::Remove;
    }

    /// Removes every change, keeping the entries' buffers.
    #[inline]
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl fmt::Debug for MetadataChanges {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter().map(|(k, c)| (k, c))).finish()
    }
}

impl<'a> IntoIterator for &'a MetadataChanges {
    type Item = &'a (String, MetadataChange);
    type IntoIter = std::slice::Iter<'a, (String, MetadataChange)>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Emptied strings kept for reuse. Not part of a decision's value: any two compare equal, and a clone
/// starts empty.
#[derive(Default)]
struct Spare(Vec<String>);

/// At most this many buffers are kept (more than any one decision usually holds).
const SPARE_LIMIT: usize = 64;

impl Spare {
    #[inline]
    fn keep(&mut self, s: String) {
        if self.0.len() < SPARE_LIMIT && s.capacity() > 0 {
            self.0.push(s);
        }
    }

    /// `v` in a kept buffer (or a new one).
    #[inline]
    fn text(&mut self, v: &str) -> String {
        match self.0.pop() {
            Some(mut s) => {
                s.clear();
                s.push_str(v);
                s
            }
            None => v.to_owned(),
        }
    }
}

impl Clone for Spare {
    fn clone(&self) -> Self {
        Spare::default()
    }
}

impl PartialEq for Spare {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Spare {}

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

    /// Resets to "no opinion", keeping allocated capacity (for evaluators that reuse one decision): the
    /// trace's, and the text of the folder, route, shipping method, payment type, invoice number, tags and
    /// metadata, which the setters reuse.
    pub fn clear(&mut self) {
        self.admission = Admission::Admit;
        self.hub_status = None;
        self.hold_until = None;
        self.carrier = None;
        self.trace.clear();
        let spare = &mut self.spare;
        for slot in [
            &mut self.folder,
            &mut self.route_to,
            &mut self.shipping_method,
            &mut self.payment_type,
            &mut self.invoice_number,
        ] {
            if let Some(s) = slot.take() {
                spare.keep(s);
            }
        }
        self.tags.clear();
        self.metadata.clear();
    }

    /// Sets the folder (reusing a buffer [`ImportDecision::clear`] kept).
    #[inline]
    pub fn set_folder(&mut self, folder: &str) {
        set_text(&mut self.folder, &mut self.spare, folder);
    }

    /// Sets the fulfillment service to route to (reusing a kept buffer).
    #[inline]
    pub fn set_route_to(&mut self, service: &str) {
        set_text(&mut self.route_to, &mut self.spare, service);
    }

    /// Sets the shipping method (reusing a kept buffer).
    #[inline]
    pub fn set_shipping_method(&mut self, method: &str) {
        set_text(&mut self.shipping_method, &mut self.spare, method);
    }

    /// Sets the payment type (reusing a kept buffer).
    #[inline]
    pub fn set_payment_type(&mut self, payment_type: &str) {
        set_text(&mut self.payment_type, &mut self.spare, payment_type);
    }

    /// Adds a tag (the same as `tags.insert(tag)`).
    #[inline]
    pub fn add_tag(&mut self, tag: &str) {
        self.tags.insert(tag);
    }

    /// Sets metadata `key` to `value` (the same as `metadata.set(key, value)`).
    #[inline]
    pub fn set_metadata(&mut self, key: &str, value: &str) {
        self.metadata.set(key, value);
    }

    /// Records that metadata `key` is to be removed (the same as `metadata.set_removed(key)`).
    #[inline]
    pub fn remove_metadata(&mut self, key: &str) {
        self.metadata.set_removed(key);
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

#[inline]
fn set_text(slot: &mut Option<String>, spare: &mut Spare, v: &str) {
    match slot {
        Some(s) => {
            s.clear();
            s.push_str(v);
        }
        None => *slot = Some(spare.text(v)),
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn tag_set_keeps_btree_order_and_reuses_buffers() {
        let words = ["b", "a", "B", "é", "", "a", "ab", "b", "Z", "aa"];
        let mut set = TagSet::new();
        let mut reference = BTreeSet::new();
        for round in 0..3 {
            set.clear();
            reference.clear();
            for w in words.iter().skip(round) {
                assert_eq!(set.insert(w), reference.insert((*w).to_owned()), "{w:?}");
                assert!(set.contains(w));
            }
            assert_eq!(
                set.iter().collect::<Vec<_>>(),
                reference.iter().collect::<Vec<_>>()
            );
            assert_eq!(set.len(), reference.len());
            assert!(!set.contains("zz"));
        }
        let clone = set.clone();
        assert_eq!(clone, set);
        assert_eq!(format!("{clone:?}"), format!("{reference:?}"));
        set.clear();
        assert!(set.is_empty() && set.iter().next().is_none());
        assert_ne!(clone, set);
        assert_eq!(set, TagSet::default());
        let collected: TagSet = ["x", "a", "x"].into_iter().collect();
        assert_eq!(collected.as_slice(), ["a".to_owned(), "x".to_owned()]);
    }

    #[test]
    fn metadata_changes_keep_btree_order_and_reuse_entries() {
        let ops = [
            ("b", Some("1")),
            ("a", None),
            ("B", Some("2")),
            ("é", Some("")),
            ("", Some("e")),
            ("a", Some("3")),
            ("b", None),
            ("ab", Some("4")),
            ("a", Some("5")),
        ];
        let mut m = MetadataChanges::new();
        let mut reference = BTreeMap::new();
        for round in 0..3 {
            m.clear();
            reference.clear();
            for (k, v) in ops.iter().skip(round) {
                match v {
                    Some(v) => {
                        m.set(k, v);
                        reference.insert((*k).to_owned(), MetadataChange::Set((*v).to_owned()));
                    }
                    None => {
                        m.set_removed(k);
                        reference.insert((*k).to_owned(), MetadataChange::Remove);
                    }
                }
                assert_eq!(m.get(k), reference.get(*k));
                assert!(m.contains_key(k));
            }
            assert_eq!(
                m.iter().map(|(k, c)| (k, c)).collect::<Vec<_>>(),
                reference.iter().collect::<Vec<_>>()
            );
            assert_eq!(m.len(), reference.len());
            assert_eq!(m.get("zz"), None);
        }
        let clone = m.clone();
        assert_eq!(clone, m);
        assert_eq!(format!("{clone:?}"), format!("{reference:?}"));
        m.clear();
        assert!(m.is_empty() && m.get("a").is_none());
        assert_ne!(clone, m);
        assert_eq!(m, MetadataChanges::default());
    }

    #[test]
    fn a_cleared_decision_is_a_default_one_and_setters_reuse_its_text() {
        let mut d = ImportDecision::default();
        for round in 0..3 {
            d.clear();
            assert_eq!(d, ImportDecision::default());
            d.set_folder("Closed");
            d.set_route_to("acme-3pl");
            d.set_shipping_method("Express");
            d.set_payment_type("Card");
            d.add_tag("t2");
            d.add_tag("t1");
            d.add_tag("t2");
            d.set_metadata("k", "v");
            d.set_metadata("k", "w");
            d.remove_metadata("gone");
            d.set_metadata("gone", "back");
            d.remove_metadata("k");
            if round == 1 {
                d.set_folder("Other");
            }
            let mut expected = ImportDecision {
                folder: Some(if round == 1 { "Other" } else { "Closed" }.to_owned()),
                route_to: Some("acme-3pl".to_owned()),
                shipping_method: Some("Express".to_owned()),
                payment_type: Some("Card".to_owned()),
                ..ImportDecision::default()
            };
            expected.tags.insert("t1");
            expected.tags.insert("t2");
            expected.metadata.set_removed("k");
            expected.metadata.set("gone", "back");
            assert_eq!(d, expected);
            assert_eq!(format!("{d:?}"), format!("{expected:?}"));
        }
    }
}
