//! The fields conditions can test, resolved once at compile time to an accessor.
//!
//! Personal data (buyer name, e-mail, street lines) is deliberately not addressable: rules route orders,
//! they do not read people's details. The non-personal part of the address (country, state, city, postal
//! code) is.

use std::str::FromStr;

use chrono::{DateTime, Utc};
use orderhub_core::domain::{keys, InventoryItem, Order, OrderLine, Shipment};
use orderhub_core::policy::import::InventoryLookup;
use rust_decimal::Decimal;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Text,
    Number,
    Bool,
    Time,
    /// Metadata: text, compared as a number by `greater_than` / `less_than`.
    Dynamic,
    /// Several text values (tags).
    TextList,
}

impl Kind {
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Number => "a number",
            Kind::Bool => "true/false",
            Kind::Time => "a time",
            Kind::Dynamic => "metadata text",
            Kind::TextList => "a list of text",
        }
    }
}

/// What a field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    Order,
    Line,
    Shipment,
    Item,
}

macro_rules! fields {
    ($($name:literal => $variant:ident, $kind:ident, $scope:ident;)*) => {
        /// A fixed (non-metadata) field.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub(crate) enum Fixed { $($variant,)* }

        pub(crate) const FIXED: &[(&str, Fixed, Kind, Scope)] = &[
            $(($name, Fixed::$variant, Kind::$kind, Scope::$scope),)*
        ];
    };
}

fields! {
    "id" => Id, Text, Order;
    "seller_id" => SellerId, Text, Order;
    "marketplace_id" => MarketplaceId, Text, Order;
    "fulfillment_channel" => Channel, Text, Order;
    "amazon_status" => AmazonStatus, Text, Order;
    "hub_status" => HubStatus, Text, Order;
    "folder" => Folder, Text, Order;
    "sales_channel" => SalesChannel, Text, Order;
    "sales_channel_name" => SalesChannelName, Text, Order;
    "order_type" => OrderType, Text, Order;
    "shipping_service_level" => ServiceLevel, Text, Order;
    "shipment_service_level_category" => ServiceCategory, Text, Order;
    "payment_method" => PaymentMethod, Text, Order;
    "currency" => Currency, Text, Order;
    "ioss_number" => Ioss, Text, Order;
    "ship_country" => ShipCountry, Text, Order;
    "ship_state" => ShipState, Text, Order;
    "ship_city" => ShipCity, Text, Order;
    "ship_postal_code" => ShipPostalCode, Text, Order;
    "tags" => Tags, TextList, Order;
    "order_total" => OrderTotal, Number, Order;
    "vat" => Vat, Number, Order;
    "line_count" => LineCount, Number, Order;
    "total_quantity" => TotalQuantity, Number, Order;
    "prime" => Prime, Bool, Order;
    "business" => Business, Bool, Order;
    "replacement" => Replacement, Bool, Order;
    "premium" => Premium, Bool, Order;
    "buyer_requested_cancel" => BuyerRequestedCancel, Bool, Order;
    "global_express" => GlobalExpress, Bool, Order;
    "sold_by_amazon_as_reseller" => Reseller, Bool, Order;
    "in_store_pickup" => InStorePickup, Bool, Order;
    "prices_include_vat" => PricesIncludeVat, Bool, Order;
    "amazon_fulfilled" => AmazonFulfilled, Bool, Order;
    "redacted" => Redacted, Bool, Order;
    "purchased_at" => PurchasedAt, Time, Order;
    "last_updated_at" => LastUpdatedAt, Time, Order;
    "earliest_ship_at" => EarliestShipAt, Time, Order;
    "latest_ship_at" => LatestShipAt, Time, Order;
    "earliest_delivery_at" => EarliestDeliveryAt, Time, Order;
    "latest_delivery_at" => LatestDeliveryAt, Time, Order;
    "line.order_item_id" => LineItemId, Text, Line;
    "line.sku" => LineSku, Text, Line;
    "line.asin" => LineAsin, Text, Line;
    "line.title" => LineTitle, Text, Line;
    "line.condition" => LineCondition, Text, Line;
    "line.condition_subtype" => LineConditionSubtype, Text, Line;
    "line.location" => LineLocation, Text, Line;
    "line.quantity" => LineQuantity, Number, Line;
    "line.quantity_shipped" => LineQuantityShipped, Number, Line;
    "line.quantity_unshipped" => LineQuantityUnshipped, Number, Line;
    "line.item_price" => LineItemPrice, Number, Line;
    "line.item_tax" => LineItemTax, Number, Line;
    "line.shipping_price" => LineShippingPrice, Number, Line;
    "line.stock" => LineStock, Number, Line;
    "line.physical" => LinePhysical, Bool, Line;
    "line.customized" => LineCustomized, Bool, Line;
    "line.gift" => LineGift, Bool, Line;
    "line.serial_number_required" => LineSerialRequired, Bool, Line;
    "shipment.carrier" => ShipmentCarrier, Text, Shipment;
    "shipment.service" => ShipmentService, Text, Shipment;
    "shipment.tracking_number" => ShipmentTracking, Text, Shipment;
    "shipment.tracked" => ShipmentTracked, Bool, Shipment;
    "shipment.ship_date" => ShipmentShipDate, Time, Shipment;
    "shipment.line_count" => ShipmentLineCount, Number, Shipment;
    "item.sku" => ItemSku, Text, Item;
    "item.asin" => ItemAsin, Text, Item;
    "item.location" => ItemLocation, Text, Item;
    "item.channel" => ItemChannel, Text, Item;
    "item.quantity" => ItemQuantity, Number, Item;
    "item.handling_time_days" => ItemHandlingTime, Number, Item;
    "item.skip" => ItemSkip, Bool, Item;
}

/// Metadata prefixes and their scopes.
pub(crate) const META_PREFIXES: &[(&str, Scope)] = &[
    ("metadata.", Scope::Order),
    ("line.metadata.", Scope::Line),
    ("item.metadata.", Scope::Item),
];

/// A resolved field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FieldRef {
    /// Tags (multi-valued).
    Tags,
    /// An order field.
    Order(Fixed),
    /// A line field.
    Line(Fixed),
    /// A shipment field.
    Shipment(Fixed),
    /// An inventory-item field.
    Item(Fixed),
    /// Order metadata; `channel_fallback` when the key is `amazon_fulfillment_channel`, which falls back to
    /// the order's fulfillment channel (`AFN`/`MFN`) when the metadata does not set it. `slot` indexes the
    /// per-evaluation lookup cache (the rule set interns order-metadata keys).
    OrderMeta {
        key: Box<str>,
        channel_fallback: bool,
        slot: usize,
    },
    LineMeta(Box<str>),
    ItemMeta(Box<str>),
}

/// The result of resolving a field name.
pub(crate) struct Resolved {
    pub(crate) field: FieldRef,
    pub(crate) kind: Kind,
    pub(crate) scope: Scope,
}

/// Resolves a field name; `None` when unknown.
pub(crate) fn resolve(name: &str) -> Option<Resolved> {
    let name = name.trim();
    if let Some((_, f, k, s)) = FIXED.iter().find(|(n, ..)| *n == name) {
        let field = match (f, s) {
            (Fixed::Tags, _) => FieldRef::Tags,
            (_, Scope::Order) => FieldRef::Order(*f),
            (_, Scope::Line) => FieldRef::Line(*f),
            (_, Scope::Shipment) => FieldRef::Shipment(*f),
            (_, Scope::Item) => FieldRef::Item(*f),
        };
        return Some(Resolved {
            field,
            kind: *k,
            scope: *s,
        });
    }
    for (prefix, scope) in META_PREFIXES {
        if let Some(key) = name.strip_prefix(prefix) {
            if key.is_empty() {
                return None;
            }
            let field = match scope {
                Scope::Order => FieldRef::OrderMeta {
                    key: key.into(),
                    channel_fallback: key == keys::AMAZON_FULFILLMENT_CHANNEL,
                    slot: usize::MAX,
                },
                Scope::Line => FieldRef::LineMeta(key.into()),
                _ => FieldRef::ItemMeta(key.into()),
            };
            return Some(Resolved {
                field,
                kind: Kind::Dynamic,
                scope: *scope,
            });
        }
    }
    None
}

/// Every field name, for error messages.
pub(crate) fn known_fields() -> String {
    let mut out = String::new();
    for (n, ..) in FIXED {
        out.push_str(n);
        out.push_str(", ");
    }
    out.push_str("metadata.<key>, line.metadata.<key>, item.metadata.<key>");
    out
}

/// The most likely intended field for an unknown name.
pub(crate) fn suggest(name: &str) -> Option<String> {
    let name = name.trim();
    // A misspelled metadata prefix: `metadat.x` -> `metadata.x`, `line.metdata.x` -> `line.metadata.x`.
    for (prefix, _) in META_PREFIXES {
        let head = prefix.trim_end_matches('.');
        let dots = head.matches('.').count() + 1;
        let mut parts = name.splitn(dots + 1, '.');
        let got: Vec<&str> = parts.by_ref().take(dots).collect();
        if let Some(rest) = parts.next() {
            let got_head = got.join(".");
            if got_head != head && crate::text::edit_distance(&got_head, head) <= 2 && !rest.is_empty() {
                return Some(format!("{prefix}{rest}"));
            }
        }
    }
    crate::text::closest(name, FIXED.iter().map(|(n, ..)| *n)).map(str::to_owned)
}

/// A field's value, borrowed from the subject.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Val<'a> {
    Text(&'a str),
    Num(Decimal),
    Bool(bool),
    Time(DateTime<Utc>),
    Missing,
}

/// What a condition is evaluated against.
#[derive(Clone, Copy)]
pub(crate) struct Subject<'a> {
    pub(crate) order: Option<&'a Order>,
    pub(crate) shipment: Option<&'a Shipment>,
    pub(crate) item: Option<&'a InventoryItem>,
    pub(crate) inventory: &'a dyn InventoryLookup,
}

fn text(s: Option<&str>) -> Val<'_> {
    s.map_or(Val::Missing, Val::Text)
}

fn time(t: Option<DateTime<Utc>>) -> Val<'static> {
    t.map_or(Val::Missing, Val::Time)
}

fn money(m: Option<&orderhub_core::domain::Money>) -> Val<'static> {
    m.map_or(Val::Missing, |m| Val::Num(m.amount))
}

/// Parses metadata text as a number (for `greater_than` / `less_than`).
pub(crate) fn parse_number(s: &str) -> Option<Decimal> {
    Decimal::from_str(s.trim()).ok()
}

impl Fixed {
    /// The field's kind and scope (compile time: a search of [`FIXED`]).
    fn kind_scope(self) -> Option<(Kind, Scope)> {
        FIXED
            .iter()
            .find(|(_, f, ..)| *f == self)
            .map(|(_, _, k, s)| (*k, *s))
    }

    /// An order field holding text (read by [`Fixed::order_text`]).
    pub(crate) fn order_text_field(self) -> bool {
        self.kind_scope() == Some((Kind::Text, Scope::Order))
    }

    /// An order field holding a number (read by [`Fixed::order_num`]).
    pub(crate) fn order_num_field(self) -> bool {
        self.kind_scope() == Some((Kind::Number, Scope::Order))
    }

    /// An order field holding a flag (read by [`Fixed::order_bool`]).
    pub(crate) fn order_bool_field(self) -> bool {
        self.kind_scope() == Some((Kind::Bool, Scope::Order))
    }

    /// A line field holding text (read by [`Fixed::line_text`]).
    pub(crate) fn line_text_field(self) -> bool {
        self.kind_scope() == Some((Kind::Text, Scope::Line))
    }

    /// A line field holding a number (read by [`Fixed::line_num`]).
    pub(crate) fn line_num_field(self) -> bool {
        self.kind_scope() == Some((Kind::Number, Scope::Line))
    }

    /// A line field holding a flag (read by [`Fixed::line_bool`]).
    pub(crate) fn line_bool_field(self) -> bool {
        self.kind_scope() == Some((Kind::Bool, Scope::Line))
    }

    /// The value of an order text field, as [`Fixed::order_value`] gives it (`None`: missing).
    #[inline]
    pub(crate) fn order_text(self, o: &Order) -> Option<&str> {
        use Fixed as F;
        let addr = || o.shipping_address.as_present();
        match self {
            F::Id => Some(o.id.as_str()),
            F::SellerId => Some(o.seller_id.as_str()),
            F::MarketplaceId => Some(o.marketplace_id.as_str()),
            F::Channel => Some(o.fulfillment_channel.code()),
            F::AmazonStatus => Some(o.amazon_status.as_str()),
            F::HubStatus => Some(o.hub_status.as_str()),
            F::Folder => o.folder.as_deref(),
            F::SalesChannel => Some(o.sales_channel.as_str()),
            F::SalesChannelName => o.sales_channel_name.as_deref(),
            F::OrderType => o.order_type.as_deref(),
            F::ServiceLevel => o.shipping_service_level.as_deref(),
            F::ServiceCategory => o.shipment_service_level_category.as_deref(),
            F::PaymentMethod => o.payment_method.as_deref(),
            F::Currency => o.order_total.as_ref().map(|m| m.currency.as_str()),
            F::Ioss => o.ioss_number.as_deref(),
            F::ShipCountry => o.ship_country(),
            F::ShipState => addr().and_then(|a| a.state_or_region.as_deref()),
            F::ShipCity => addr().and_then(|a| a.city.as_deref()),
            F::ShipPostalCode => addr().and_then(|a| a.postal_code.as_deref()),
            _ => None,
        }
    }

    /// The value of an order number field, as [`Fixed::order_value`] gives it (`None`: missing).
    #[inline]
    pub(crate) fn order_num(self, o: &Order) -> Option<Decimal> {
        use Fixed as F;
        match self {
            F::OrderTotal => o.order_total.as_ref().map(|m| m.amount),
            F::Vat => o.vat_tax.as_ref().map(|m| m.amount),
            F::LineCount => Some(Decimal::from(o.lines.len() as u64)),
            F::TotalQuantity => Some(Decimal::from(o.total_quantity())),
            _ => None,
        }
    }

    /// The value of an order flag, as [`Fixed::order_value`] gives it (`None`: not a flag).
    #[inline]
    pub(crate) fn order_bool(self, o: &Order) -> Option<bool> {
        use Fixed as F;
        Some(match self {
            F::Prime => o.flags.prime,
            F::Business => o.flags.business,
            F::Replacement => o.flags.replacement,
            F::Premium => o.flags.premium,
            F::BuyerRequestedCancel => o.flags.buyer_requested_cancel,
            F::GlobalExpress => o.flags.global_express,
            F::Reseller => o.flags.sold_by_amazon_as_reseller,
            F::InStorePickup => o.flags.in_store_pickup,
            F::PricesIncludeVat => o.prices_include_vat,
            F::AmazonFulfilled => o.is_amazon_fulfilled(),
            F::Redacted => o.redacted_at.is_some(),
            _ => return None,
        })
    }

    /// The value of a line text field, as [`Fixed::line_value`] gives it (`None`: missing).
    #[inline]
    pub(crate) fn line_text<'a>(
        self,
        l: &'a OrderLine,
        inventory: &'a dyn InventoryLookup,
    ) -> Option<&'a str> {
        use Fixed as F;
        match self {
            F::LineItemId => Some(l.order_item_id.as_str()),
            F::LineSku => l.sku.as_deref(),
            F::LineAsin => l.asin.as_deref(),
            F::LineTitle => l.title.as_deref(),
            F::LineCondition => l.condition.id.as_deref(),
            F::LineConditionSubtype => l.condition.subtype.as_deref(),
            F::LineLocation => l
                .sku
                .as_deref()
                .and_then(|sku| inventory.item(sku))
                .and_then(|i| i.location.as_deref()),
            _ => None,
        }
    }

    /// The value of a line number field, as [`Fixed::line_value`] gives it (`None`: missing).
    #[inline]
    pub(crate) fn line_num(self, l: &OrderLine, inventory: &dyn InventoryLookup) -> Option<Decimal> {
        use Fixed as F;
        match self {
            F::LineQuantity => Some(Decimal::from(l.quantity_ordered)),
            F::LineQuantityShipped => Some(Decimal::from(l.quantity_shipped)),
            F::LineQuantityUnshipped => Some(Decimal::from(l.quantity_unshipped())),
            F::LineItemPrice => l.item_price.as_ref().map(|m| m.amount),
            F::LineItemTax => l.item_tax.as_ref().map(|m| m.amount),
            F::LineShippingPrice => l.shipping_price.as_ref().map(|m| m.amount),
            F::LineStock => l
                .sku
                .as_deref()
                .and_then(|sku| inventory.item(sku))
                .map(|i| Decimal::from(i.quantity)),
            _ => None,
        }
    }

    /// The value of a line flag, as [`Fixed::line_value`] gives it (`None`: not a flag).
    #[inline]
    pub(crate) fn line_bool(self, l: &OrderLine) -> Option<bool> {
        use Fixed as F;
        Some(match self {
            F::LinePhysical => l.physical,
            F::LineCustomized => l.customized,
            F::LineGift => l.gift.is_some(),
            F::LineSerialRequired => l.serial_number_required,
            _ => return None,
        })
    }

    #[inline]
    pub(crate) fn order_value(self, o: &Order) -> Option<Val<'_>> {
        use Fixed as F;
        let addr = || o.shipping_address.as_present();
        Some(match self {
            F::Id => Val::Text(o.id.as_str()),
            F::SellerId => Val::Text(o.seller_id.as_str()),
            F::MarketplaceId => Val::Text(o.marketplace_id.as_str()),
            F::Channel => Val::Text(o.fulfillment_channel.code()),
            F::AmazonStatus => Val::Text(o.amazon_status.as_str()),
            F::HubStatus => Val::Text(o.hub_status.as_str()),
            F::Folder => text(o.folder.as_deref()),
            F::SalesChannel => Val::Text(o.sales_channel.as_str()),
            F::SalesChannelName => text(o.sales_channel_name.as_deref()),
            F::OrderType => text(o.order_type.as_deref()),
            F::ServiceLevel => text(o.shipping_service_level.as_deref()),
            F::ServiceCategory => text(o.shipment_service_level_category.as_deref()),
            F::PaymentMethod => text(o.payment_method.as_deref()),
            F::Currency => o
                .order_total
                .as_ref()
                .map_or(Val::Missing, |m| Val::Text(m.currency.as_str())),
            F::Ioss => text(o.ioss_number.as_deref()),
            F::ShipCountry => text(o.ship_country()),
            F::ShipState => text(addr().and_then(|a| a.state_or_region.as_deref())),
            F::ShipCity => text(addr().and_then(|a| a.city.as_deref())),
            F::ShipPostalCode => text(addr().and_then(|a| a.postal_code.as_deref())),
            F::Tags => Val::Missing, // multi-valued: the evaluator iterates the tags itself
            F::OrderTotal => money(o.order_total.as_ref()),
            F::Vat => money(o.vat_tax.as_ref()),
            F::LineCount => Val::Num(Decimal::from(o.lines.len() as u64)),
            F::TotalQuantity => Val::Num(Decimal::from(o.total_quantity())),
            F::Prime => Val::Bool(o.flags.prime),
            F::Business => Val::Bool(o.flags.business),
            F::Replacement => Val::Bool(o.flags.replacement),
            F::Premium => Val::Bool(o.flags.premium),
            F::BuyerRequestedCancel => Val::Bool(o.flags.buyer_requested_cancel),
            F::GlobalExpress => Val::Bool(o.flags.global_express),
            F::Reseller => Val::Bool(o.flags.sold_by_amazon_as_reseller),
            F::InStorePickup => Val::Bool(o.flags.in_store_pickup),
            F::PricesIncludeVat => Val::Bool(o.prices_include_vat),
            F::AmazonFulfilled => Val::Bool(o.is_amazon_fulfilled()),
            F::Redacted => Val::Bool(o.redacted_at.is_some()),
            F::PurchasedAt => Val::Time(o.dates.purchased),
            F::LastUpdatedAt => Val::Time(o.dates.last_updated),
            F::EarliestShipAt => time(o.dates.earliest_ship),
            F::LatestShipAt => time(o.dates.latest_ship),
            F::EarliestDeliveryAt => time(o.dates.earliest_delivery),
            F::LatestDeliveryAt => time(o.dates.latest_delivery),
            _ => return None,
        })
    }

    #[inline]
    pub(crate) fn line_value<'a>(
        self,
        l: &'a OrderLine,
        inventory: &'a dyn InventoryLookup,
    ) -> Option<Val<'a>> {
        use Fixed as F;
        let item = || l.sku.as_deref().and_then(|sku| inventory.item(sku));
        Some(match self {
            F::LineItemId => Val::Text(l.order_item_id.as_str()),
            F::LineSku => text(l.sku.as_deref()),
            F::LineAsin => text(l.asin.as_deref()),
            F::LineTitle => text(l.title.as_deref()),
            F::LineCondition => text(l.condition.id.as_deref()),
            F::LineConditionSubtype => text(l.condition.subtype.as_deref()),
            F::LineLocation => text(item().and_then(|i| i.location.as_deref())),
            F::LineQuantity => Val::Num(Decimal::from(l.quantity_ordered)),
            F::LineQuantityShipped => Val::Num(Decimal::from(l.quantity_shipped)),
            F::LineQuantityUnshipped => Val::Num(Decimal::from(l.quantity_unshipped())),
            F::LineItemPrice => money(l.item_price.as_ref()),
            F::LineItemTax => money(l.item_tax.as_ref()),
            F::LineShippingPrice => money(l.shipping_price.as_ref()),
            F::LineStock => item().map_or(Val::Missing, |i| Val::Num(Decimal::from(i.quantity))),
            F::LinePhysical => Val::Bool(l.physical),
            F::LineCustomized => Val::Bool(l.customized),
            F::LineGift => Val::Bool(l.gift.is_some()),
            F::LineSerialRequired => Val::Bool(l.serial_number_required),
            _ => return None,
        })
    }

    #[inline]
    pub(crate) fn shipment_value(self, sh: &Shipment) -> Option<Val<'_>> {
        use Fixed as F;
        Some(match self {
            F::ShipmentCarrier => Val::Text(&sh.carrier),
            F::ShipmentService => text(sh.service.as_deref()),
            F::ShipmentTracking => text(sh.tracking_number.as_deref()),
            F::ShipmentTracked => Val::Bool(sh.tracked),
            F::ShipmentShipDate => Val::Time(sh.ship_date),
            F::ShipmentLineCount => Val::Num(Decimal::from(sh.lines.len() as u64)),
            _ => return None,
        })
    }

    #[inline]
    pub(crate) fn item_value(self, i: &InventoryItem) -> Option<Val<'_>> {
        use Fixed as F;
        Some(match self {
            F::ItemSku => Val::Text(&i.sku),
            F::ItemAsin => text(i.asin.as_deref()),
            F::ItemLocation => text(i.location.as_deref()),
            F::ItemChannel => Val::Text(i.channel.code()),
            F::ItemQuantity => Val::Num(Decimal::from(i.quantity)),
            F::ItemHandlingTime => i
                .effective_handling_time()
                .map_or(Val::Missing, |d| Val::Num(d.into())),
            F::ItemSkip => Val::Bool(i.skip_amazon()),
            _ => return None,
        })
    }
}
