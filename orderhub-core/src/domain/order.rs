//! Orders and order lines, as the hub sees them, whichever Orders API version fed them.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::ids::{AmazonOrderId, MarketplaceId, OrderItemId, SellerId};
use super::metadata::Metadata;
use super::money::Money;
use super::pii::{Address, Buyer, Pii};

/// Who ships the order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FulfillmentChannel {
    /// The seller ships it (MFN / FBM), Seller Fulfilled Prime included.
    Merchant,
    /// Amazon ships it from its warehouses (AFN / FBA). Such orders carry no personal data.
    Amazon,
}

impl FulfillmentChannel {
    /// `MFN` or `AFN`, as Amazon and the hubs' metadata write it.
    pub fn code(self) -> &'static str {
        match self {
            FulfillmentChannel::Merchant => "MFN",
            FulfillmentChannel::Amazon => "AFN",
        }
    }
}

macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
            /// A value this version of OrderHub does not know; kept as Amazon or the user wrote it.
            Other(String),
        }

        impl $name {
            /// The text form.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Other(s) => s,
                }
            }

            /// Parses the text form (case-insensitive); unknown text becomes `Other`.
            pub fn parse(s: &str) -> Self {
                let t = s.trim();
                $(if t.eq_ignore_ascii_case($text) { return $name::$variant; })*
                $name::Other(t.to_owned())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::parse(&s))
            }
        }
    };
}

text_enum!(
    /// Amazon's order status.
    AmazonOrderStatus {
        /// Placed, payment not yet authorized. Hubs never import these.
        Pending = "Pending",
        /// Paid, nothing shipped yet.
        Unshipped = "Unshipped",
        /// Some items shipped.
        PartiallyShipped = "PartiallyShipped",
        /// Everything shipped.
        Shipped = "Shipped",
        /// Canceled.
        Canceled = "Canceled",
        /// Cannot be fulfilled (Amazon-fulfilled orders).
        Unfulfillable = "Unfulfillable",
        /// Business orders waiting for an invoice.
        InvoiceUnconfirmed = "InvoiceUnconfirmed",
        /// Pre-orders waiting for availability.
        PendingAvailability = "PendingAvailability",
    }
);

text_enum!(
    /// The integrator's own order state, separate from Amazon's status.
    HubStatus {
        /// New, to be processed.
        New = "New",
        /// Waiting for payment.
        Unpaid = "Unpaid",
        /// Being processed.
        Processing = "Processing",
        /// Held.
        OnHold = "OnHold",
        /// Shipped.
        Shipped = "Shipped",
        /// Closed (for example Amazon-fulfilled orders kept for records).
        Closed = "Closed",
        /// Canceled.
        Canceled = "Canceled",
    }
);

text_enum!(
    /// The channel the order was sold through.
    SalesChannel {
        /// An Amazon marketplace (the site name is in [`Order::sales_channel_name`]).
        Amazon = "Amazon",
        /// Amazon Handmade.
        Handmade = "Handmade",
        /// Not Amazon (multi-channel orders).
        NonAmazon = "Non-Amazon",
    }
);

/// Yes/no facts about an order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderFlags {
    /// Prime (Seller Fulfilled Prime for merchant-fulfilled orders).
    pub prime: bool,
    /// Amazon Business order.
    pub business: bool,
    /// A replacement order.
    pub replacement: bool,
    /// Premium shipping.
    pub premium: bool,
    /// The buyer asked to cancel.
    pub buyer_requested_cancel: bool,
    /// Global Express.
    pub global_express: bool,
    /// Amazon collects and remits the tax (marketplace facilitator / deemed reseller).
    pub sold_by_amazon_as_reseller: bool,
    /// In-store pickup.
    pub in_store_pickup: bool,
}

/// The dates on an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDates {
    /// When the order was placed.
    pub purchased: DateTime<Utc>,
    /// Amazon's `LastUpdateDate`: newer always wins in the store.
    pub last_updated: DateTime<Utc>,
    /// Earliest ship date promised.
    pub earliest_ship: Option<DateTime<Utc>>,
    /// Latest ship date promised (ship-by).
    pub latest_ship: Option<DateTime<Utc>>,
    /// Earliest delivery date promised.
    pub earliest_delivery: Option<DateTime<Utc>>,
    /// Latest delivery date promised (deliver-by).
    pub latest_delivery: Option<DateTime<Utc>>,
}

/// Gift options of one line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gift {
    /// Gift-wrap level, when the buyer chose one.
    pub wrap_level: Option<String>,
    /// Gift-wrap price.
    pub wrap_price: Option<Money>,
    /// Gift-wrap tax.
    pub wrap_tax: Option<Money>,
    /// The gift message (personal data).
    pub message: Pii<String>,
}

/// Item condition, for used and collectible listings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Condition {
    /// `New`, `Used`, `Collectible`, `Refurbished`, `Club`.
    pub id: Option<String>,
    /// `Mint`, `VeryGood`, `Good`, `Acceptable` ...
    pub subtype: Option<String>,
    /// The seller's note.
    pub note: Option<String>,
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLine {
    /// Amazon's order-item id.
    pub order_item_id: OrderItemId,
    /// The seller's SKU.
    pub sku: Option<String>,
    /// The ASIN.
    pub asin: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Quantity ordered.
    pub quantity_ordered: u32,
    /// Quantity shipped so far.
    pub quantity_shipped: u32,
    /// Price of the line (all units), VAT included in EU marketplaces.
    pub item_price: Option<Money>,
    /// Tax on the item price.
    pub item_tax: Option<Money>,
    /// Shipping charged for the line.
    pub shipping_price: Option<Money>,
    /// Tax on shipping.
    pub shipping_tax: Option<Money>,
    /// Discount on shipping.
    pub shipping_discount: Option<Money>,
    /// Promotion discount on the item.
    pub promotion_discount: Option<Money>,
    /// Tax on the promotion discount.
    pub promotion_discount_tax: Option<Money>,
    /// Condition of the item.
    pub condition: Condition,
    /// Whether the buyer customized the item (Amazon Custom).
    pub customized: bool,
    /// Where Amazon keeps the customization details, when it says.
    pub customization_url: Option<String>,
    /// Gift options, when the line is a gift.
    pub gift: Option<Gift>,
    /// Whether the line is a physical product (digital items are not shipped).
    pub physical: bool,
    /// Serial numbers required when shipping, if any.
    pub serial_number_required: bool,
    /// Free-form metadata.
    pub metadata: Metadata,
}

impl OrderLine {
    /// A line with the given id, SKU and quantity, and everything else empty. Useful in tests and adapters.
    pub fn new(order_item_id: impl Into<OrderItemId>, sku: impl Into<String>, quantity: u32) -> Self {
        OrderLine {
            order_item_id: order_item_id.into(),
            sku: Some(sku.into()),
            asin: None,
            title: None,
            quantity_ordered: quantity,
            quantity_shipped: 0,
            item_price: None,
            item_tax: None,
            shipping_price: None,
            shipping_tax: None,
            shipping_discount: None,
            promotion_discount: None,
            promotion_discount_tax: None,
            condition: Condition::default(),
            customized: false,
            customization_url: None,
            gift: None,
            physical: true,
            serial_number_required: false,
            metadata: Metadata::new(),
        }
    }

    /// Quantity still to ship.
    pub fn quantity_unshipped(&self) -> u32 {
        self.quantity_ordered.saturating_sub(self.quantity_shipped)
    }
}

/// An Amazon order as the hub sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Order {
    /// Amazon's order id.
    pub id: AmazonOrderId,
    /// The seller.
    pub seller_id: SellerId,
    /// The marketplace it was placed in.
    pub marketplace_id: MarketplaceId,
    /// Who ships it.
    pub fulfillment_channel: FulfillmentChannel,
    /// Amazon's status.
    pub amazon_status: AmazonOrderStatus,
    /// The hub's status.
    pub hub_status: HubStatus,
    /// The hub folder it sits in, when rules placed it in one.
    pub folder: Option<String>,
    /// Dates.
    pub dates: OrderDates,
    /// Flags.
    pub flags: OrderFlags,
    /// Sales channel.
    pub sales_channel: SalesChannel,
    /// The site name as Amazon gave it, for example `Amazon.co.uk`.
    pub sales_channel_name: Option<String>,
    /// `StandardOrder`, `Preorder`, `SourcingOnDemandOrder` ...
    pub order_type: Option<String>,
    /// The order total in the marketplace currency.
    pub order_total: Option<Money>,
    /// Whether item prices include VAT (EU and UK marketplaces).
    pub prices_include_vat: bool,
    /// The VAT included in the prices, when known.
    pub vat_tax: Option<Money>,
    /// The IOSS number Amazon collected import VAT under, for shipments into the EU.
    pub ioss_number: Option<String>,
    /// Amazon's shipping service level, for example `Std US D2D Dom`.
    pub shipping_service_level: Option<String>,
    /// `Standard`, `Expedited`, `NextDay`, `SecondDay`, `Priority`, `Scheduled`.
    pub shipment_service_level_category: Option<String>,
    /// Payment method, for example `Other`, `COD`, `CVS`.
    pub payment_method: Option<String>,
    /// The buyer (personal data).
    pub buyer: Pii<Buyer>,
    /// The shipping address (personal data).
    pub shipping_address: Pii<Address>,
    /// Lines.
    pub lines: Vec<OrderLine>,
    /// Tags set by rules or the integrator.
    pub tags: BTreeSet<String>,
    /// Free-form metadata.
    pub metadata: Metadata,
    /// When the personal data was redacted, if it was.
    pub redacted_at: Option<DateTime<Utc>>,
}

impl Order {
    /// Total quantity ordered across lines.
    pub fn total_quantity(&self) -> u64 {
        self.lines.iter().map(|l| u64::from(l.quantity_ordered)).sum()
    }

    /// The line with `order_item_id`.
    pub fn line(&self, order_item_id: &OrderItemId) -> Option<&OrderLine> {
        self.lines.iter().find(|l| &l.order_item_id == order_item_id)
    }

    /// The country the order ships to, when the address (or its non-personal part) is known.
    pub fn ship_country(&self) -> Option<&str> {
        self.shipping_address
            .as_present()
            .and_then(|a| a.country_code.as_deref())
    }

    /// Whether Amazon ships it.
    pub fn is_amazon_fulfilled(&self) -> bool {
        self.fulfillment_channel == FulfillmentChannel::Amazon
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_text_round_trips_and_keeps_unknown() {
        for s in [
            "Pending",
            "Unshipped",
            "PartiallyShipped",
            "Shipped",
            "Canceled",
            "Unfulfillable",
        ] {
            assert_eq!(AmazonOrderStatus::parse(s).as_str(), s);
        }
        assert_eq!(
            AmazonOrderStatus::parse("unshipped"),
            AmazonOrderStatus::Unshipped
        );
        let unknown: AmazonOrderStatus = serde_json::from_str("\"OnTheMoon\"").unwrap();
        assert_eq!(unknown, AmazonOrderStatus::Other("OnTheMoon".into()));
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"OnTheMoon\"");
        assert_eq!(SalesChannel::parse("Non-Amazon"), SalesChannel::NonAmazon);
    }
}
