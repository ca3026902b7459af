//! Status, shipping, payment, invoice and product-identifier mappings.

use orderhub_core::domain::{
    AmazonOrderStatus as S, FulfillmentChannel as C, HubStatus as H, ProductIdentifier,
};
use orderhub_rules::mappings::{invoice_number, product_id, validate_invoice_prefix};
use orderhub_rules::{MappingError, Mappings, PaymentMapping, ShippingMethodMapping, StatusMapping, TextMap};

use crate::common::*;

#[test]
fn status_mapping_table() {
    let default = StatusMapping::default();
    let unpaid = StatusMapping {
        merchant: H::Unpaid,
        amazon_fulfilled: H::Other("FBA Archive".into()),
    };
    let cases: &[(&StatusMapping, S, C, Option<H>)] = &[
        (&default, S::Unshipped, C::Merchant, Some(H::New)),
        (&default, S::PartiallyShipped, C::Merchant, Some(H::New)),
        (&default, S::Pending, C::Merchant, None),
        (&default, S::Pending, C::Amazon, None),
        (&default, S::Shipped, C::Merchant, Some(H::Shipped)),
        (&default, S::Canceled, C::Merchant, Some(H::Canceled)),
        (&default, S::Canceled, C::Amazon, Some(H::Canceled)),
        (&default, S::Shipped, C::Amazon, Some(H::Closed)),
        (&default, S::Unfulfillable, C::Amazon, Some(H::Closed)),
        (&unpaid, S::Unshipped, C::Merchant, Some(H::Unpaid)),
        (
            &unpaid,
            S::Shipped,
            C::Amazon,
            Some(H::Other("FBA Archive".into())),
        ),
        (&unpaid, S::Other("Future".into()), C::Merchant, Some(H::Unpaid)),
    ];
    for (m, status, channel, want) in cases {
        assert_eq!(&m.map(status, *channel), want, "{status} {channel:?}");
    }
}

#[test]
fn merchant_status_must_be_new_or_unpaid() {
    assert!(StatusMapping {
        merchant: H::Unpaid,
        ..StatusMapping::default()
    }
    .validate()
    .is_ok());
    let err = StatusMapping {
        merchant: H::Closed,
        ..StatusMapping::default()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        err,
        MappingError::MerchantStatus {
            status: "Closed".into()
        }
    );
    assert!(err.to_string().contains("New or Unpaid"));
    // Amazon-fulfilled orders may go anywhere.
    assert!(StatusMapping {
        amazon_fulfilled: H::OnHold,
        ..StatusMapping::default()
    }
    .validate()
    .is_ok());
}

#[test]
fn shipping_and_payment_mapping() {
    let shipping = ShippingMethodMapping(
        TextMap::from_pairs([
            ("Std US D2D Dom", "Ground"),
            ("Expedited", "Priority"),
            ("NextDay", "Overnight"),
        ])
        .with_default("Standard shipping"),
    );
    let mut o = order("1");
    assert_eq!(shipping.map_order(&o), Some("Ground"), "service level first");
    o.shipping_service_level = Some("Exp US D2D Dom".into());
    o.shipment_service_level_category = Some("expedited".into());
    assert_eq!(
        shipping.map_order(&o),
        Some("Priority"),
        "then the category, case ignored"
    );
    o.shipping_service_level = None;
    o.shipment_service_level_category = Some("Scheduled".into());
    assert_eq!(
        shipping.map_order(&o),
        Some("Standard shipping"),
        "then the default"
    );
    assert_eq!(ShippingMethodMapping::default().map_order(&o), None);

    let payment = PaymentMapping(TextMap::from_pairs([
        ("COD", "Cash on delivery"),
        ("Other", "Amazon Pay"),
    ]));
    let mut o = order("1");
    assert_eq!(payment.map_order(&o), Some("Amazon Pay"));
    o.payment_method = Some(" cod ".into());
    assert_eq!(payment.map_order(&o), Some("Cash on delivery"));
    o.payment_method = Some("CVS".into());
    assert_eq!(payment.map_order(&o), None);
    o.payment_method = None;
    assert_eq!(payment.map_order(&o), None);
}

#[test]
fn invoice_prefix_and_product_identifier() {
    let o = order("902-3159896-1390916");
    assert_eq!(invoice_number(Some("AMZ-"), &o), "AMZ-902-3159896-1390916");
    assert_eq!(invoice_number(None, &o), "902-3159896-1390916");
    assert!(validate_invoice_prefix("AMZ-").is_ok());
    assert_eq!(
        validate_invoice_prefix("has space"),
        Err(MappingError::InvoicePrefix)
    );
    assert_eq!(
        validate_invoice_prefix(&"X".repeat(21)),
        Err(MappingError::InvoicePrefix)
    );
    let bad = Mappings {
        invoice_prefix: Some("a\tb".into()),
        ..Mappings::default()
    };
    assert!(bad.validate().is_err());

    let mut l = line("1", "SKU-1", 1);
    l.asin = Some("B000000001".into());
    assert_eq!(product_id(&l, ProductIdentifier::Sku), Some("SKU-1"));
    assert_eq!(product_id(&l, ProductIdentifier::Asin), Some("B000000001"));
    l.asin = Some("  ".into());
    assert_eq!(product_id(&l, ProductIdentifier::Asin), None);
}

#[test]
fn mappings_deserialize_from_toml() {
    let m: Mappings = toml::from_str(
        r#"
        invoice_prefix = "AMZ-"
        [status]
        merchant = "Unpaid"
        amazon_fulfilled = "Closed"
        [shipping]
        default = "Ground"
        map = { "Expedited" = "Priority" }
        [payment.map]
        COD = "Cash"
        "#,
    )
    .unwrap();
    assert_eq!(m.status.merchant, H::Unpaid);
    assert_eq!(m.shipping.0.default.as_deref(), Some("Ground"));
    assert_eq!(m.payment.0.get_exact("cod"), Some("Cash"));
    assert!(m.validate().is_ok());
    assert!(
        toml::from_str::<Mappings>("statu = {}").is_err(),
        "unknown keys are refused"
    );
}
