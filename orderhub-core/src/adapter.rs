//! The Amazon adapter: Orders v0 and Orders 2026-01-01 answers to the same domain [`Order`].
//!
//! Both APIs describe the same order with different shapes and spellings (`Canceled` / `CANCELLED`,
//! `VeryGood` / `VERY_GOOD`, `Residential` / `RESIDENTIAL`, an item price for all units / a unit price and a
//! proceeds breakdown). The adapter normalizes them to one domain spelling, so an order imported through
//! either API is the same domain order.
//!
//! What only one API carries stays empty when the order came through the other one:
//! - Orders v0 only: `shipping_service_level` (`ShipServiceLevel`), `payment_method`, the split of a line's
//!   tax into item and shipping tax (2026-01-01 gives one `TAX` figure per line unless its detailed
//!   breakdown splits it), `serial_number_required`, the tax-collection model
//!   (`sold_by_amazon_as_reseller`), `global_express`, `in_store_pickup`, the buyer's county, gift-wrap tax
//!   and promotion-discount tax.
//! - Orders v0's `InvoiceUnconfirmed` (shipped, invoice pending) is `SHIPPED` in 2026-01-01.
//! - A gift without any detail (Orders v0's `IsGift` without the buyer's data; 2026-01-01 sends no
//!   `giftOption` then) is dropped by [`comparable`].
//! - 2026-01-01 may send a business buyer's purchase-order number without the buyer's data; Orders v0
//!   sends it only with them. A buyer holding nothing but that number counts as not supplied in
//!   [`comparable`].
//! - Zero discounts and zero gift-wrap prices are treated as absent in both.
//!
//! [`comparable`] blanks exactly these fields, for comparing orders imported through different APIs.
//!
//! Personal data: a buyer or address is [`Pii::Present`] when Amazon sent any of it (the non-personal part
//! of an address — city, postal code, country — counts, so the ship-to country is known without the
//! personal-data role). When Amazon sent none, it is [`AbsentReason::NotSupplied`] for Amazon-fulfilled and
//! pending orders, and [`AbsentReason::RoleMissing`] when [`AdapterContext::missing_role`] says the app
//! lacks the role.

use std::collections::BTreeSet;

use amazon_spapi::marketplace::Marketplace;
use amazon_spapi::{orders_2026_01_01 as v2026, orders_v0 as v0};
use rust_decimal::Decimal;

use crate::domain::{
    keys, AbsentReason, Address, AmazonOrderId, AmazonOrderStatus, Buyer, Condition, Currency,
    FulfillmentChannel, Gift, HubStatus, MarketplaceId, Metadata, Money, Order, OrderDates, OrderFlags,
    OrderItemId, OrderLine, Pii, SalesChannel, SellerId,
};

/// What the adapter needs to know besides Amazon's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdapterContext {
    /// The seller whose order it is (Amazon's order answers do not say).
    pub seller_id: SellerId,
    /// When the app is known to lack the restricted role for personal data (for example
    /// `Direct-to-Consumer Shipping`), missing personal data is marked [`AbsentReason::RoleMissing`] with it.
    pub missing_role: Option<String>,
}

impl AdapterContext {
    /// A context for `seller_id`, with personal data expected when Amazon has it.
    pub fn new(seller_id: impl Into<SellerId>) -> Self {
        AdapterContext {
            seller_id: seller_id.into(),
            missing_role: None,
        }
    }
}

/// Why an Amazon order cannot become a domain order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AdapterError {
    /// Amazon left out a field the hub cannot do without (the order id, its marketplace, its dates). The
    /// order is skipped; it will be imported when Amazon sends it complete.
    #[error("{api} order {order_id} has no {field}; it cannot be imported until Amazon sends it")]
    MissingField {
        /// `Orders v0` or `Orders 2026-01-01`.
        api: &'static str,
        /// The order id, or `?` when that is what is missing.
        order_id: String,
        /// The missing field, as Amazon names it.
        field: &'static str,
    },
}

const V0: &str = "Orders v0";
const V2026: &str = "Orders 2026-01-01";

/// Whether prices in the marketplace include VAT (or GST / consumption tax): everywhere but the Americas.
pub fn prices_include_vat(marketplace_id: &str) -> bool {
    match Marketplace::by_id(marketplace_id) {
        Some(m) => !matches!(m.code, "US" | "CA" | "MX" | "BR"),
        None => false,
    }
}

fn nonempty(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

fn money_of(amount: Option<Decimal>, currency: Option<&str>) -> Option<Money> {
    let currency = Currency::new(currency?).ok()?;
    Some(Money::new(amount?, currency))
}

fn v0_money(m: Option<&v0::Money>) -> Option<Money> {
    m.and_then(|m| money_of(m.amount, m.currency_code.as_deref()))
}

fn v2026_money(m: Option<&v2026::Money>) -> Option<Money> {
    m.and_then(|m| money_of(m.amount, m.currency_code.as_deref()))
}

/// Zero amounts of discounts and gift wrap mean "none".
fn nonzero(m: Option<Money>) -> Option<Money> {
    m.filter(|m| !m.amount.is_zero())
}

fn sum(items: impl IntoIterator<Item = Option<Money>>) -> Option<Money> {
    let mut total: Option<Money> = None;
    for m in items.into_iter().flatten() {
        total = Some(match total {
            None => m,
            // Amounts in another currency than the first are left out rather than converted.
            Some(t) => t.checked_add(&m).unwrap_or(t),
        });
    }
    total
}

/// Canonical (Orders v0) spelling of condition ids and subtypes, whatever case and underscores Amazon used.
fn canonical_condition(s: Option<&str>) -> Option<String> {
    const KNOWN: &[&str] = &[
        "New",
        "Used",
        "Collectible",
        "Refurbished",
        "Club",
        "Mint",
        "VeryGood",
        "Good",
        "Acceptable",
        "Poor",
        "OEM",
        "Warranty",
        "RefurbishedWarranty",
        "OpenBox",
        "Any",
        "Other",
    ];
    let s = nonempty(s)?;
    let key: String = s
        .chars()
        .filter(|c| *c != '_' && *c != ' ')
        .collect::<String>()
        .to_ascii_lowercase();
    Some(
        KNOWN
            .iter()
            .find(|k| k.to_ascii_lowercase() == key)
            .map_or(s, |k| (*k).to_owned()),
    )
}

fn canonical_address_type(s: Option<&str>) -> Option<String> {
    let s = nonempty(s)?;
    Some(match s.to_ascii_lowercase().as_str() {
        "residential" => "Residential".to_owned(),
        "commercial" => "Commercial".to_owned(),
        _ => s,
    })
}

fn canonical_service_category(s: Option<&str>) -> Option<String> {
    let s = nonempty(s)?;
    let key: String = s
        .chars()
        .filter(|c| *c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    Some(
        match key.as_str() {
            "standard" => "Standard",
            "expedited" => "Expedited",
            "nextday" => "NextDay",
            "secondday" => "SecondDay",
            "priority" => "Priority",
            "scheduled" => "Scheduled",
            "sameday" => "SameDay",
            _ => return Some(s),
        }
        .to_owned(),
    )
}

fn status_from_2026(s: &str) -> AmazonOrderStatus {
    match s.trim().to_ascii_uppercase().as_str() {
        "PENDING" => AmazonOrderStatus::Pending,
        "PENDING_AVAILABILITY" => AmazonOrderStatus::PendingAvailability,
        "UNSHIPPED" => AmazonOrderStatus::Unshipped,
        "PARTIALLY_SHIPPED" => AmazonOrderStatus::PartiallyShipped,
        "SHIPPED" => AmazonOrderStatus::Shipped,
        "CANCELLED" | "CANCELED" => AmazonOrderStatus::Canceled,
        "UNFULFILLABLE" => AmazonOrderStatus::Unfulfillable,
        "INVOICE_UNCONFIRMED" => AmazonOrderStatus::InvoiceUnconfirmed,
        _ => AmazonOrderStatus::parse(s),
    }
}

fn sales_channel(name: Option<&str>, handmade: bool) -> SalesChannel {
    let key = name.unwrap_or("").to_ascii_lowercase().replace(['_', ' '], "-");
    if handmade || key.contains("handmade") {
        SalesChannel::Handmade
    } else if key == "non-amazon" {
        SalesChannel::NonAmazon
    } else {
        SalesChannel::Amazon
    }
}

fn absent_reason(
    ctx: &AdapterContext,
    channel: FulfillmentChannel,
    status: &AmazonOrderStatus,
) -> AbsentReason {
    let pending = matches!(
        status,
        AmazonOrderStatus::Pending | AmazonOrderStatus::PendingAvailability
    );
    match &ctx.missing_role {
        Some(role) if channel == FulfillmentChannel::Merchant && !pending => {
            AbsentReason::RoleMissing { role: role.clone() }
        }
        _ => AbsentReason::NotSupplied,
    }
}

fn present_or<T: PartialEq + Default>(value: T, reason: &AbsentReason) -> Pii<T> {
    if value == T::default() {
        Pii::Absent(reason.clone())
    } else {
        Pii::Present(value)
    }
}

/// Fills what every order gets: hub status, metadata mirrors of well-known fields, VAT.
fn finish(mut order: Order) -> Order {
    order
        .metadata
        .set(keys::AMAZON_FULFILLMENT_CHANNEL, order.fulfillment_channel.code());
    if order.prices_include_vat {
        let tax = sum(order.lines.iter().flat_map(|l| [l.item_tax, l.shipping_tax]));
        let currency = order.order_total.map(|m| m.currency).or(tax.map(|m| m.currency));
        order.vat_tax = tax.or(currency.map(Money::zero));
        if let Some(v) = order.vat_tax {
            order.metadata.set(keys::VAT_TAX, v.amount.to_string());
        }
    }
    if let Some(ioss) = &order.ioss_number {
        order.metadata.set(keys::IOSS_NUMBER, ioss.clone());
    }
    order.flags.buyer_requested_cancel = order
        .lines
        .iter()
        .any(|l| l.metadata.get(BUYER_CANCEL_REASON).is_some())
        || order.flags.buyer_requested_cancel;
    order.hub_status = match order.amazon_status {
        AmazonOrderStatus::Shipped | AmazonOrderStatus::InvoiceUnconfirmed => HubStatus::Shipped,
        AmazonOrderStatus::Canceled => HubStatus::Canceled,
        AmazonOrderStatus::Pending => HubStatus::Unpaid,
        _ if order.is_amazon_fulfilled() => HubStatus::Closed,
        _ => HubStatus::New,
    };
    order
}

/// Line metadata key holding the buyer's cancellation reason, when the buyer asked to cancel.
pub const BUYER_CANCEL_REASON: &str = "buyer_cancel_reason";

/// Maps an Orders v0 order and its items (`getOrders`/`getOrder` and `getOrderItems`, with personal data
/// when the restricted data token allowed it) to a domain order.
///
/// # Errors
/// [`AdapterError::MissingField`] when the order id, marketplace, purchase date or last-update date is missing.
pub fn order_from_v0(
    ctx: &AdapterContext,
    order: &v0::Order,
    items: &[v0::OrderItem],
) -> Result<Order, AdapterError> {
    let id = order
        .amazon_order_id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .filter(|s| !s.is_empty());
    let id = id.ok_or(AdapterError::MissingField {
        api: V0,
        order_id: "?".into(),
        field: "AmazonOrderId",
    })?;
    let missing = |field| AdapterError::MissingField {
        api: V0,
        order_id: id.clone(),
        field,
    };
    let marketplace = order
        .marketplace_id
        .as_ref()
        .map(|m| m.as_str().to_owned())
        .ok_or(missing("MarketplaceId"))?;
    let purchased = order.purchase_date.ok_or(missing("PurchaseDate"))?;
    let last_updated = order.last_update_date.ok_or(missing("LastUpdateDate"))?;
    let channel = match &order.fulfillment_channel {
        Some(v0::FulfillmentChannel::Afn) => FulfillmentChannel::Amazon,
        _ => FulfillmentChannel::Merchant,
    };
    let status = order
        .order_status
        .as_ref()
        .map_or(AmazonOrderStatus::Other(String::new()), |s| {
            AmazonOrderStatus::parse(s.as_str())
        });
    let reason = absent_reason(ctx, channel, &status);

    let info = order.buyer_info.clone().unwrap_or_default();
    let tax_info = info.buyer_tax_info.clone().unwrap_or_default();
    let vat_id = tax_info
        .tax_classifications
        .iter()
        .find(|c| {
            c.name
                .as_deref()
                .is_some_and(|n| n.to_ascii_lowercase().contains("vat"))
        })
        .and_then(|c| nonempty(c.value.as_deref()));
    let buyer = Buyer {
        name: nonempty(info.buyer_name.as_deref()),
        email: nonempty(info.buyer_email.as_deref()),
        phone: None,
        company: nonempty(tax_info.company_legal_name.as_deref()),
        purchase_order_number: nonempty(info.purchase_order_number.as_deref()),
        tax_registration_id: vat_id,
        county: nonempty(info.buyer_county.as_deref()),
    };
    let a = order.shipping_address.clone().unwrap_or_default();
    let address = Address {
        name: nonempty(a.name.as_deref()),
        company: nonempty(a.company_name.as_deref()),
        line1: nonempty(a.address_line1.as_deref()),
        line2: nonempty(a.address_line2.as_deref()),
        line3: nonempty(a.address_line3.as_deref()),
        city: nonempty(a.city.as_deref()),
        county: nonempty(a.county.as_deref()),
        district: nonempty(a.district.as_deref()),
        state_or_region: nonempty(a.state_or_region.as_deref()),
        municipality: nonempty(a.municipality.as_deref()),
        postal_code: nonempty(a.postal_code.as_deref()),
        country_code: nonempty(a.country_code.as_deref()),
        phone: nonempty(a.phone.as_deref()),
        address_type: canonical_address_type(a.address_type.as_ref().map(|t| t.as_str())),
    };

    let lines = items.iter().map(|i| line_from_v0(i, &reason)).collect::<Vec<_>>();
    let ioss = items.iter().find_map(|i| nonempty(i.ioss_number.as_deref()));
    let sold_by_amazon = items.iter().any(|i| {
        i.tax_collection
            .as_ref()
            .and_then(|t| t.model.as_ref())
            .is_some_and(|m| !m.as_str().is_empty())
            || i.deemed_reseller_category.is_some()
    });
    let sales_channel_name = nonempty(order.sales_channel.as_deref());
    let handmade = order
        .order_channel
        .as_deref()
        .is_some_and(|c| c.to_ascii_lowercase().contains("handmade"));
    let out = Order {
        id: AmazonOrderId(id.clone()),
        seller_id: ctx.seller_id.clone(),
        marketplace_id: MarketplaceId(marketplace.clone()),
        fulfillment_channel: channel,
        amazon_status: status,
        hub_status: HubStatus::New,
        folder: None,
        dates: OrderDates {
            purchased,
            last_updated,
            earliest_ship: order.earliest_ship_date,
            latest_ship: order.latest_ship_date,
            earliest_delivery: order.earliest_delivery_date,
            latest_delivery: order.latest_delivery_date,
        },
        flags: OrderFlags {
            prime: order.is_prime.unwrap_or(false),
            business: order.is_business_order.unwrap_or(false),
            replacement: order.is_replacement_order.unwrap_or(false),
            premium: order.is_premium_order.unwrap_or(false),
            buyer_requested_cancel: false,
            global_express: order.is_global_express_enabled.unwrap_or(false),
            sold_by_amazon_as_reseller: sold_by_amazon,
            in_store_pickup: order.is_ispu.unwrap_or(false),
        },
        sales_channel: sales_channel(sales_channel_name.as_deref(), handmade),
        sales_channel_name,
        order_type: order.order_type.as_ref().map(|t| t.as_str().to_owned()),
        order_total: v0_money(order.order_total.as_ref()),
        prices_include_vat: prices_include_vat(&marketplace),
        vat_tax: None,
        ioss_number: ioss,
        shipping_service_level: nonempty(order.ship_service_level.as_deref()),
        shipment_service_level_category: canonical_service_category(
            order.shipment_service_level_category.as_deref(),
        ),
        payment_method: order.payment_method.as_ref().map(|p| p.as_str().to_owned()),
        buyer: present_or(buyer, &reason),
        shipping_address: present_or(address, &reason),
        lines,
        tags: BTreeSet::new(),
        metadata: Metadata::new(),
        redacted_at: None,
    };
    Ok(finish(out))
}

fn line_from_v0(i: &v0::OrderItem, reason: &AbsentReason) -> OrderLine {
    let info = i.buyer_info.clone().unwrap_or_default();
    let message = nonempty(info.gift_message_text.as_deref());
    let wrap_level = nonempty(info.gift_wrap_level.as_deref());
    let is_gift = i.is_gift.unwrap_or(false) || message.is_some() || wrap_level.is_some();
    let gift = is_gift.then(|| Gift {
        wrap_level,
        wrap_price: nonzero(v0_money(info.gift_wrap_price.as_ref())),
        wrap_tax: nonzero(v0_money(info.gift_wrap_tax.as_ref())),
        message: message.map_or_else(|| Pii::Absent(reason.clone()), Pii::Present),
    });
    let customization_url = info
        .buyer_customized_info
        .as_ref()
        .and_then(|c| nonempty(c.customized_url.as_deref()));
    let mut metadata = Metadata::new();
    if let Some(c) = &i.buyer_requested_cancel {
        if c.is_buyer_requested_cancel.unwrap_or(false) {
            metadata.set(
                BUYER_CANCEL_REASON,
                c.buyer_cancel_reason.clone().unwrap_or_default(),
            );
        }
    }
    OrderLine {
        order_item_id: OrderItemId(
            i.order_item_id
                .as_ref()
                .map(|x| x.as_str().to_owned())
                .unwrap_or_default(),
        ),
        sku: nonempty(i.seller_sku.as_deref()),
        asin: nonempty(i.asin.as_deref()),
        title: nonempty(i.title.as_deref()),
        quantity_ordered: i.quantity_ordered.unwrap_or(0),
        quantity_shipped: i.quantity_shipped.unwrap_or(0),
        item_price: v0_money(i.item_price.as_ref()),
        item_tax: v0_money(i.item_tax.as_ref()),
        shipping_price: v0_money(i.shipping_price.as_ref()),
        shipping_tax: v0_money(i.shipping_tax.as_ref()),
        shipping_discount: nonzero(v0_money(i.shipping_discount.as_ref())),
        promotion_discount: nonzero(v0_money(i.promotion_discount.as_ref())),
        promotion_discount_tax: nonzero(v0_money(i.promotion_discount_tax.as_ref())),
        condition: Condition {
            id: canonical_condition(i.condition_id.as_deref()),
            subtype: canonical_condition(i.condition_subtype_id.as_deref()),
            note: nonempty(i.condition_note.as_deref()),
        },
        customized: customization_url.is_some(),
        customization_url,
        gift,
        physical: true,
        serial_number_required: i.serial_number_required.unwrap_or(false),
        metadata,
    }
}

/// Maps an Orders 2026-01-01 order (`searchOrders` / `getOrder`; include `BUYER`, `RECIPIENT`, `PROCEEDS`,
/// `FULFILLMENT`, `CANCELLATION` and `TAX` for a complete order) to a domain order.
///
/// # Errors
/// [`AdapterError::MissingField`] when the order id, marketplace, created time or last-updated time is missing.
pub fn order_from_2026(ctx: &AdapterContext, order: &v2026::Order) -> Result<Order, AdapterError> {
    let id = order
        .order_id
        .as_ref()
        .map(|i| i.as_str().to_owned())
        .filter(|s| !s.is_empty());
    let id = id.ok_or(AdapterError::MissingField {
        api: V2026,
        order_id: "?".into(),
        field: "orderId",
    })?;
    let missing = |field| AdapterError::MissingField {
        api: V2026,
        order_id: id.clone(),
        field,
    };
    let sc = order.sales_channel.clone().unwrap_or_default();
    let marketplace = sc
        .marketplace_id
        .as_ref()
        .map(|m| m.as_str().to_owned())
        .ok_or(missing("salesChannel.marketplaceId"))?;
    let purchased = order.created_time.ok_or(missing("createdTime"))?;
    let last_updated = order.last_updated_time.ok_or(missing("lastUpdatedTime"))?;
    let has = |p: &str| order.programs.iter().any(|x| x.eq_ignore_ascii_case(p));
    let f = order.fulfillment.clone().unwrap_or_default();
    let channel = match f.fulfilled_by.as_deref().map(str::to_ascii_uppercase).as_deref() {
        Some("AMAZON") => FulfillmentChannel::Amazon,
        Some(_) => FulfillmentChannel::Merchant,
        None if has("DELIVERY_BY_AMAZON") => FulfillmentChannel::Amazon,
        None => FulfillmentChannel::Merchant,
    };
    let status = f
        .fulfillment_status
        .as_ref()
        .map_or(AmazonOrderStatus::Other(String::new()), |s| {
            status_from_2026(s.as_str())
        });
    let reason = absent_reason(ctx, channel, &status);

    let b = order.buyer.clone().unwrap_or_default();
    let registration = order.tax.as_ref().and_then(|t| {
        t.tax_registrations
            .iter()
            .find(|r| {
                r.entity_type
                    .as_deref()
                    .is_none_or(|e| e.eq_ignore_ascii_case("BUYER"))
            })
            .and_then(|r| nonempty(r.tax_registration_number.as_deref()))
    });
    let buyer = Buyer {
        name: nonempty(b.buyer_name.as_deref()),
        email: nonempty(b.buyer_email.as_deref()),
        phone: None,
        company: nonempty(b.buyer_company_name.as_deref()),
        purchase_order_number: nonempty(b.buyer_purchase_order_number.as_deref()),
        tax_registration_id: registration,
        county: None,
    };
    let a = order
        .recipient
        .as_ref()
        .and_then(|r| r.delivery_address.clone())
        .unwrap_or_default();
    let address = Address {
        name: nonempty(a.name.as_deref()),
        company: nonempty(a.company_name.as_deref()),
        line1: nonempty(a.address_line1.as_deref()),
        line2: nonempty(a.address_line2.as_deref()),
        line3: nonempty(a.address_line3.as_deref()),
        city: nonempty(a.city.as_deref()),
        county: nonempty(a.district_or_county.as_deref()),
        district: None,
        state_or_region: nonempty(a.state_or_region.as_deref()),
        municipality: nonempty(a.municipality.as_deref()),
        postal_code: nonempty(a.postal_code.as_deref()),
        country_code: nonempty(a.country_code.as_deref()),
        phone: nonempty(a.phone.as_deref()),
        address_type: canonical_address_type(a.address_type.as_deref()),
    };

    let lines: Vec<OrderLine> = order
        .order_items
        .iter()
        .map(|i| line_from_2026(i, &reason))
        .collect();
    let ioss = order.order_items.iter().find_map(|i| {
        i.fulfillment
            .as_ref()
            .and_then(|f| f.shipping.as_ref())
            .and_then(|s| s.international_shipping.as_ref())
            .and_then(|s| nonempty(s.ioss_number.as_deref()))
    });
    let sales_channel_name = nonempty(sc.marketplace_name.as_deref());
    let out = Order {
        id: AmazonOrderId(id.clone()),
        seller_id: ctx.seller_id.clone(),
        marketplace_id: MarketplaceId(marketplace.clone()),
        fulfillment_channel: channel,
        amazon_status: status,
        hub_status: HubStatus::New,
        folder: None,
        dates: OrderDates {
            purchased,
            last_updated,
            earliest_ship: f.ship_by_window.as_ref().and_then(|w| w.earliest_date_time),
            latest_ship: f.ship_by_window.as_ref().and_then(|w| w.latest_date_time),
            earliest_delivery: f.deliver_by_window.as_ref().and_then(|w| w.earliest_date_time),
            latest_delivery: f.deliver_by_window.as_ref().and_then(|w| w.latest_date_time),
        },
        flags: OrderFlags {
            prime: has("PRIME"),
            business: has("AMAZON_BUSINESS") || has("BUSINESS"),
            replacement: has("REPLACEMENT")
                || order.associated_orders.iter().any(|a| {
                    a.association_type
                        .as_deref()
                        .is_some_and(|t| t.to_ascii_uppercase().contains("REPLACEMENT"))
                }),
            premium: has("PREMIUM"),
            buyer_requested_cancel: false,
            global_express: has("GLOBAL_EXPRESS"),
            sold_by_amazon_as_reseller: false,
            in_store_pickup: has("IN_STORE_PICK_UP") || has("IN_STORE_PICKUP"),
        },
        sales_channel: sales_channel(sc.channel_name.as_deref(), has("HANDMADE")),
        sales_channel_name,
        order_type: Some(
            if has("PREORDER") {
                "Preorder"
            } else {
                "StandardOrder"
            }
            .to_owned(),
        ),
        order_total: v2026_money(order.proceeds.as_ref().and_then(|p| p.grand_total.as_ref())),
        prices_include_vat: prices_include_vat(&marketplace),
        vat_tax: None,
        ioss_number: ioss,
        shipping_service_level: None,
        shipment_service_level_category: canonical_service_category(f.fulfillment_service_level.as_deref()),
        payment_method: None,
        buyer: present_or(buyer, &reason),
        shipping_address: present_or(address, &reason),
        lines,
        tags: BTreeSet::new(),
        metadata: Metadata::new(),
        redacted_at: None,
    };
    Ok(finish(out))
}

fn breakdown(i: &v2026::OrderItem, kind: &str) -> Option<Money> {
    let p = i.proceeds.as_ref()?;
    sum(p
        .breakdowns
        .iter()
        .filter(|b| b.type_.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(kind)))
        .map(|b| v2026_money(b.subtotal.as_ref())))
}

/// A detailed sub-figure of a breakdown, for example the `SHIPPING` part of `TAX`.
fn detailed(i: &v2026::OrderItem, kind: &str, subtype: &str) -> Option<Money> {
    let p = i.proceeds.as_ref()?;
    sum(p
        .breakdowns
        .iter()
        .filter(|b| b.type_.as_deref().is_some_and(|t| t.eq_ignore_ascii_case(kind)))
        .flat_map(|b| b.detailed_breakdowns.iter())
        .filter(|d| {
            d.subtype
                .as_deref()
                .is_some_and(|s| s.to_ascii_uppercase().contains(subtype))
        })
        .map(|d| v2026_money(d.value.as_ref())))
}

fn line_from_2026(i: &v2026::OrderItem, reason: &AbsentReason) -> OrderLine {
    let product = i.product.clone().unwrap_or_default();
    let qty = i.quantity_ordered.unwrap_or(0);
    let unit = v2026_money(product.price.as_ref().and_then(|p| p.unit_price.as_ref()));
    let item_price = breakdown(i, "ITEM").or_else(|| unit.and_then(|u| u.checked_mul(qty).ok()));
    // Tax: one figure per line, split into item and shipping tax only when the detailed breakdown says.
    let tax = breakdown(i, "TAX");
    let shipping_tax = detailed(i, "TAX", "SHIPPING");
    let item_tax = match (tax, shipping_tax) {
        (Some(t), Some(s)) => t.checked_sub(&s).ok(),
        (t, _) => t,
    };
    let packing = i
        .fulfillment
        .as_ref()
        .and_then(|f| f.packing.clone())
        .unwrap_or_default();
    let gift = packing.gift_option.as_ref().map(|g| Gift {
        wrap_level: nonempty(g.gift_wrap_level.as_deref()),
        wrap_price: nonzero(breakdown(i, "GIFT_WRAP")),
        wrap_tax: None,
        message: nonempty(g.gift_message.as_deref())
            .map_or_else(|| Pii::Absent(reason.clone()), Pii::Present),
    });
    let customization_url = product
        .customization
        .as_ref()
        .and_then(|c| nonempty(c.customized_url.as_deref()));
    let mut metadata = Metadata::new();
    if let Some(req) = i
        .cancellation
        .as_ref()
        .and_then(|c| c.cancellation_request.as_ref())
    {
        if req
            .requester
            .as_deref()
            .is_none_or(|r| r.eq_ignore_ascii_case("BUYER"))
        {
            metadata.set(BUYER_CANCEL_REASON, req.cancel_reason.clone().unwrap_or_default());
        }
    }
    let condition = product.condition.clone().unwrap_or_default();
    OrderLine {
        order_item_id: OrderItemId(
            i.order_item_id
                .as_ref()
                .map(|x| x.as_str().to_owned())
                .unwrap_or_default(),
        ),
        sku: nonempty(product.seller_sku.as_deref()),
        asin: nonempty(product.asin.as_deref()),
        title: nonempty(product.title.as_deref()),
        quantity_ordered: qty,
        quantity_shipped: i
            .fulfillment
            .as_ref()
            .and_then(|f| f.quantity_fulfilled)
            .unwrap_or(0),
        item_price,
        item_tax,
        shipping_price: breakdown(i, "SHIPPING"),
        shipping_tax,
        shipping_discount: nonzero(detailed(i, "PROMOTION", "SHIPPING")),
        promotion_discount: nonzero(breakdown(i, "PROMOTION").or_else(|| breakdown(i, "DISCOUNT"))),
        promotion_discount_tax: None,
        condition: Condition {
            id: canonical_condition(condition.condition_type.as_deref()),
            subtype: canonical_condition(condition.condition_subtype.as_deref()),
            note: nonempty(condition.condition_note.as_deref()),
        },
        customized: customization_url.is_some(),
        customization_url,
        gift,
        physical: true,
        serial_number_required: packing
            .serial_number_requirement
            .as_ref()
            .and_then(|s| s.requirement_type.as_deref())
            .is_some_and(|t| t.eq_ignore_ascii_case("REQUIRED")),
        metadata,
    }
}

/// The order with the fields only one Orders API carries blanked (see the module docs), and each line's
/// item and shipping tax folded into the item tax: what an order imported through Orders v0 and the same
/// order imported through Orders 2026-01-01 have in common.
pub fn comparable(order: &Order) -> Order {
    let mut o = order.clone();
    if o.amazon_status == AmazonOrderStatus::InvoiceUnconfirmed {
        o.amazon_status = AmazonOrderStatus::Shipped;
    }
    o.shipping_service_level = None;
    o.payment_method = None;
    o.flags.sold_by_amazon_as_reseller = false;
    o.flags.global_express = false;
    o.flags.in_store_pickup = false;
    if let Some(b) = o.buyer.as_present_mut() {
        b.county = None;
    }
    let po_only = o.buyer.as_present().is_some_and(|b| {
        Buyer {
            purchase_order_number: None,
            ..b.clone()
        } == Buyer::default()
    });
    if po_only {
        o.buyer = Pii::Absent(AbsentReason::NotSupplied);
    }
    for l in &mut o.lines {
        l.item_tax = sum([l.item_tax, l.shipping_tax]);
        l.shipping_tax = None;
        l.serial_number_required = false;
        l.promotion_discount_tax = None;
        if let Some(g) = l.gift.as_mut() {
            g.wrap_tax = None;
        }
        let bare = l.gift.as_ref().is_some_and(|g| {
            !g.message.is_present()
                && g.wrap_level.is_none()
                && g.wrap_price.is_none()
                && g.wrap_tax.is_none()
        });
        if bare {
            l.gift = None;
        }
    }
    o
}
