//! Toggles, country and inventory-location filters.

use std::collections::HashMap;

use orderhub_core::domain::{AmazonOrderStatus, InventoryItem, ProductIdentifier};
use orderhub_core::policy::import::{NoInventory, SkipReason};
use orderhub_rules::{CountryFilter, FilterSettings, ImportToggles, LocationFilter, MissingSku};

use crate::common::*;

fn inventory() -> HashMap<String, InventoryItem> {
    let mut m = HashMap::new();
    for (sku, loc) in [
        ("SKU-A", Some("Warehouse A")),
        ("SKU-B", Some("Warehouse B")),
        ("SKU-N", None),
    ] {
        let mut i = InventoryItem::new(sku, 5);
        i.location = loc.map(str::to_owned);
        i.asin = Some(format!("ASIN-{sku}"));
        m.insert(sku.to_owned(), i);
    }
    m
}

#[test]
fn toggles_table() {
    use AmazonOrderStatus as S;
    let default = ImportToggles::default();
    assert_eq!(default.statuses, vec![S::Unshipped, S::PartiallyShipped]);
    let shipped_on = ImportToggles {
        import_shipped: true,
        ..ImportToggles::default()
    };
    let afn_on = ImportToggles {
        import_amazon_fulfilled: true,
        ..ImportToggles::default()
    };
    let everything = ImportToggles {
        import_shipped: true,
        import_amazon_fulfilled: true,
        statuses: vec![S::Pending, S::Unshipped, S::PartiallyShipped, S::Canceled],
        physical_only: false,
    };
    let mut digital = order("1");
    digital.lines[0].physical = false;
    let physical_only = ImportToggles {
        physical_only: true,
        ..ImportToggles::default()
    };
    let with = |s: S| {
        let mut o = order("1");
        o.amazon_status = s;
        o
    };
    let cases: Vec<(&str, &ImportToggles, _, Result<(), SkipReason>)> = vec![
        (
            "unshipped imports by default",
            &default,
            with(S::Unshipped),
            Ok(()),
        ),
        (
            "partially shipped imports by default",
            &default,
            with(S::PartiallyShipped),
            Ok(()),
        ),
        (
            "pending never",
            &default,
            with(S::Pending),
            Err(SkipReason::Pending),
        ),
        (
            "pending never, even if listed",
            &everything,
            with(S::Pending),
            Err(SkipReason::Pending),
        ),
        (
            "shipped needs the toggle",
            &default,
            with(S::Shipped),
            Err(SkipReason::AlreadyShipped),
        ),
        ("shipped with the toggle", &shipped_on, with(S::Shipped), Ok(())),
        (
            "canceled not listed",
            &default,
            with(S::Canceled),
            Err(SkipReason::Status {
                status: "Canceled".into(),
            }),
        ),
        ("canceled listed", &everything, with(S::Canceled), Ok(())),
        (
            "unknown status",
            &default,
            with(S::Other("OnTheMoon".into())),
            Err(SkipReason::Status {
                status: "OnTheMoon".into(),
            }),
        ),
        (
            "AFN needs the toggle",
            &default,
            afn(order("1")),
            Err(SkipReason::AmazonFulfilled),
        ),
        ("AFN with the toggle, shipped", &afn_on, afn(order("1")), Ok(())),
        (
            "AFN off even with shipped on",
            &shipped_on,
            afn(order("1")),
            Err(SkipReason::AmazonFulfilled),
        ),
        ("digital imports by default", &default, digital.clone(), Ok(())),
        (
            "physical only skips digital",
            &physical_only,
            digital,
            Err(SkipReason::NoPhysicalProduct),
        ),
        ("physical only keeps physical", &physical_only, order("1"), Ok(())),
    ];
    for (what, toggles, o, want) in cases {
        assert_eq!(toggles.check(&o), want, "{what}");
    }
}

#[test]
fn toggles_come_from_connection_settings() {
    let mut s = settings();
    s.import_shipped = true;
    s.statuses = vec![AmazonOrderStatus::Unshipped];
    let t = ImportToggles::from_settings(&s, true);
    assert!(t.import_shipped && t.physical_only && !t.import_amazon_fulfilled);
    assert_eq!(t.statuses, vec![AmazonOrderStatus::Unshipped]);
}

#[test]
fn location_filter_table() {
    let inv = inventory();
    let two_lines = |a: &str, b: &str| {
        let mut o = order("1");
        o.lines = vec![line("1", a, 1), line("2", b, 1)];
        o
    };
    let only_a = LocationFilter::parse("Warehouse A");
    let a_and_b = LocationFilter::parse(" Warehouse A ,Warehouse B,");
    let admit_missing = LocationFilter::parse("Warehouse A").missing_sku(MissingSku::Admit);
    let empty = LocationFilter::default();
    let cases: Vec<(&str, &LocationFilter, _, Result<(), SkipReason>)> = vec![
        (
            "all lines at a listed location",
            &only_a,
            two_lines("SKU-A", "SKU-A"),
            Ok(()),
        ),
        (
            "one line elsewhere",
            &only_a,
            two_lines("SKU-A", "SKU-B"),
            Err(SkipReason::InventoryLocation {
                sku: "SKU-B".into(),
                location: Some("Warehouse B".into()),
            }),
        ),
        (
            "both locations listed",
            &a_and_b,
            two_lines("SKU-A", "SKU-B"),
            Ok(()),
        ),
        (
            "item without a location",
            &a_and_b,
            two_lines("SKU-A", "SKU-N"),
            Err(SkipReason::InventoryLocation {
                sku: "SKU-N".into(),
                location: None,
            }),
        ),
        (
            "SKU not in inventory: skipped by default, with the reason",
            &only_a,
            two_lines("SKU-A", "SKU-Z"),
            Err(SkipReason::NotInInventory {
                sku: Some("SKU-Z".into()),
            }),
        ),
        (
            "SKU not in inventory, setting admits",
            &admit_missing,
            two_lines("SKU-A", "SKU-Z"),
            Ok(()),
        ),
        (
            "admit-missing still checks known SKUs",
            &admit_missing,
            two_lines("SKU-Z", "SKU-B"),
            Err(SkipReason::InventoryLocation {
                sku: "SKU-B".into(),
                location: Some("Warehouse B".into()),
            }),
        ),
        ("empty filter", &empty, two_lines("SKU-Z", "SKU-B"), Ok(())),
    ];
    for (what, f, o, want) in cases {
        assert_eq!(f.check(&o, &inv, ProductIdentifier::Sku), want, "{what}");
    }
    // Exact match: case and inner spacing matter.
    let lower = LocationFilter::parse("warehouse a");
    assert!(lower
        .check(&two_lines("SKU-A", "SKU-A"), &inv, ProductIdentifier::Sku)
        .is_err());
    // A line without a SKU cannot be looked up.
    let mut o = order("1");
    o.lines[0].sku = None;
    assert_eq!(
        only_a.check(&o, &inv, ProductIdentifier::Sku),
        Err(SkipReason::NotInInventory { sku: None })
    );
}

#[test]
fn location_filter_uses_the_product_identifier() {
    let mut inv = HashMap::new();
    let mut item = InventoryItem::new("B00ASIN001", 1);
    item.location = Some("Shelf 1".into());
    inv.insert(item.sku.clone(), item);
    let mut o = order("1");
    o.lines[0].asin = Some("B00ASIN001".into());
    let f = LocationFilter::parse("Shelf 1");
    assert!(f.check(&o, &inv, ProductIdentifier::Asin).is_ok());
    assert!(f.check(&o, &inv, ProductIdentifier::Sku).is_err());
}

#[test]
fn filter_settings_run_in_order_and_report_the_first_refusal() {
    let inv = inventory();
    let f = FilterSettings {
        countries: CountryFilter::parse("-US").unwrap(),
        locations: LocationFilter::parse("Warehouse A"),
        physical_only: false,
    };
    let s = settings();
    assert_eq!(
        f.check(&order("1"), &s, &inv),
        Err(SkipReason::Country {
            country: Some("US".into())
        })
    );
    assert_eq!(f.check(&with_country(order("1"), "CA"), &s, &inv), Ok(()));
    let mut pending = with_country(order("1"), "CA");
    pending.amazon_status = AmazonOrderStatus::Pending;
    assert_eq!(f.check(&pending, &s, &inv), Err(SkipReason::Pending));
    let mut elsewhere = with_country(order("1"), "CA");
    elsewhere.lines[0].sku = Some("SKU-B".into());
    assert!(matches!(
        f.check(&elsewhere, &s, &inv),
        Err(SkipReason::InventoryLocation { .. })
    ));
    // Without inventory every SKU is missing.
    assert!(matches!(
        f.check(&with_country(order("1"), "CA"), &s, &NoInventory),
        Err(SkipReason::NotInInventory { .. })
    ));
    // Reasons read as sentences and name the country / SKU.
    let msg = SkipReason::Country {
        country: Some("US".into()),
    }
    .to_string();
    assert!(msg.contains("US"), "{msg}");
}
