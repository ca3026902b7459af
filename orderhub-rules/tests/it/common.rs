//! Test fixtures: orders, lines, shipments and a context.

use chrono::{DateTime, Duration, TimeZone, Utc};
use orderhub_core::domain::{
    Address, AmazonOrderId, AmazonOrderStatus, Buyer, ConnectionSettings, Currency, FulfillmentChannel, Gift,
    HubStatus, MarketplaceId, Metadata, Money, Order, OrderDates, OrderFlags, OrderLine, Pii, SalesChannel,
    SellerId, Shipment, ShipmentId,
};
use rust_decimal::Decimal;

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 1, 12, 0, 0).unwrap()
}

pub fn days(n: i64) -> Duration {
    Duration::days(n)
}

pub fn order(id: &str) -> Order {
    Order {
        id: AmazonOrderId::new(id),
        seller_id: SellerId::new("A2I6EXAMPLE"),
        marketplace_id: MarketplaceId::new("ATVPDKIKX0DER"),
        fulfillment_channel: FulfillmentChannel::Merchant,
        amazon_status: AmazonOrderStatus::Unshipped,
        hub_status: HubStatus::New,
        folder: None,
        dates: OrderDates {
            purchased: t0(),
            last_updated: t0(),
            earliest_ship: None,
            latest_ship: Some(t0() + days(2)),
            earliest_delivery: None,
            latest_delivery: None,
        },
        flags: OrderFlags::default(),
        sales_channel: SalesChannel::Amazon,
        sales_channel_name: Some("Amazon.com".into()),
        order_type: Some("StandardOrder".into()),
        order_total: Some(Money::new(Decimal::new(4999, 2), Currency::USD)),
        prices_include_vat: false,
        vat_tax: None,
        ioss_number: None,
        shipping_service_level: Some("Std US D2D Dom".into()),
        shipment_service_level_category: Some("Standard".into()),
        payment_method: Some("Other".into()),
        buyer: Pii::Present(Buyer {
            name: Some("Jane Q. Buyer".into()),
            email: Some("abc123@marketplace.amazon.com".into()),
            phone: Some("+1 206 555 0100".into()),
            ..Buyer::default()
        }),
        shipping_address: Pii::Present(Address {
            name: Some("Jane Q. Buyer".into()),
            line1: Some("410 Terry Ave N".into()),
            line2: Some("Apt 5".into()),
            city: Some("Seattle".into()),
            state_or_region: Some("WA".into()),
            postal_code: Some("98109".into()),
            country_code: Some("US".into()),
            phone: Some("+1 206 555 0100".into()),
            ..Address::default()
        }),
        lines: vec![line("10000000000001", "SKU-A", 1)],
        tags: Default::default(),
        metadata: Metadata::new(),
        redacted_at: None,
    }
}

pub fn line(id: &str, sku: &str, qty: u32) -> OrderLine {
    let mut l = OrderLine::new(id, sku, qty);
    l.item_price = Some(Money::new(
        Decimal::new(1999, 2) * Decimal::from(qty),
        Currency::USD,
    ));
    l
}

pub fn afn(mut o: Order) -> Order {
    o.fulfillment_channel = FulfillmentChannel::Amazon;
    o.amazon_status = AmazonOrderStatus::Shipped;
    o.buyer = Pii::default();
    o.shipping_address = Pii::Present(Address {
        country_code: Some("US".into()),
        ..Address::default()
    });
    o.metadata.set("amazon_fulfillment_channel", "AFN");
    o
}

pub fn with_country(mut o: Order, c: &str) -> Order {
    if let Some(a) = o.shipping_address.as_present_mut() {
        a.country_code = Some(c.into());
    }
    o
}

pub fn gift(mut l: OrderLine, msg: &str) -> OrderLine {
    l.gift = Some(Gift {
        message: Pii::Present(msg.into()),
        ..Gift::default()
    });
    l
}

pub fn shipment(order: &Order, carrier: &str, shipped: DateTime<Utc>) -> Shipment {
    Shipment {
        id: ShipmentId::new(format!("S-{}", order.id)),
        order_id: order.id.clone(),
        carrier: carrier.into(),
        service: Some("Ground".into()),
        tracking_number: Some("1Z999AA10123456784".into()),
        ship_date: shipped,
        lines: vec![],
        tracked: true,
        label_created_at: None,
        delivered_at: None,
    }
}

pub fn settings() -> ConnectionSettings {
    ConnectionSettings::default()
}
