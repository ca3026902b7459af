//! `RulesPolicy`: filters, then mappings, then rules, through the `ImportPolicy` trait.

use orderhub_core::domain::{AmazonOrderStatus, HubStatus};
use orderhub_core::policy::import::{
    AdmitAll, CarrierChoice, ImportContext, ImportPolicy, MetadataChange, NoInventory, PolicyEvent,
    SkipReason,
};
use orderhub_rules::mappings::TextMap;
use orderhub_rules::{
    CarrierList, CountryFilter, FilterSettings, Mappings, PaymentMapping, RuleSet, RulesPolicy,
    ShippingMethodMapping, StatusMapping,
};

use crate::common::*;

fn policy(rules: &str) -> RulesPolicy {
    let filters = FilterSettings {
        countries: CountryFilter::parse("-MX").unwrap(),
        ..FilterSettings::default()
    };
    let mappings = Mappings {
        status: StatusMapping {
            merchant: HubStatus::Unpaid,
            amazon_fulfilled: HubStatus::Closed,
        },
        shipping: ShippingMethodMapping(TextMap::from_pairs([("Standard", "Ground")])),
        payment: PaymentMapping(TextMap::from_pairs([("Other", "Amazon Pay")])),
        invoice_prefix: Some("AMZ-".into()),
    };
    RulesPolicy::new(filters, mappings, RuleSet::from_toml(rules).unwrap()).unwrap()
}

#[test]
fn decide_runs_filters_then_mappings_then_rules() {
    let p = policy(
        r#"
        [[rules]]
        name = "AFN to Closed"
        on = "order_imported"
        when = { field = "metadata.amazon_fulfillment_channel", equals = "AFN" }
        actions = [{ move_to_folder = "Closed" }]

        [[rules]]
        name = "Prime goes express"
        on = "order_imported"
        when = { field = "prime", equals = true }
        actions = [{ set_shipping_method = "Express" }]
        "#,
    );
    let mut s = settings();
    s.new_order_folder = Some("Amazon".into());
    s.import_amazon_fulfilled = true;
    let ctx = ImportContext::new(&s, &NoInventory, t0());

    let d = p.decide(&order("111-1"), &ctx);
    assert!(d.is_admitted());
    assert_eq!(d.hub_status, Some(HubStatus::Unpaid));
    assert_eq!(d.folder.as_deref(), Some("Amazon"));
    assert_eq!(d.shipping_method.as_deref(), Some("Ground"));
    assert_eq!(d.payment_type.as_deref(), Some("Amazon Pay"));
    assert_eq!(d.invoice_number.as_deref(), Some("AMZ-111-1"));
    assert_eq!(
        d.metadata.get("amazon_fulfillment_channel"),
        Some(&MetadataChange::Set("MFN".into()))
    );
    assert!(d.trace.is_empty());

    let mut prime = order("111-2");
    prime.flags.prime = true;
    assert_eq!(
        p.decide(&prime, &ctx).shipping_method.as_deref(),
        Some("Express"),
        "rules override mappings"
    );

    let d = p.decide(&afn(order("111-3")), &ctx);
    assert_eq!(
        (d.folder.as_deref(), d.hub_status),
        (Some("Closed"), Some(HubStatus::Closed))
    );
    assert!(d.metadata.is_empty(), "the order already carries its channel");

    // Filters refuse first, and no rule runs.
    let d = p.decide(&with_country(afn(order("111-4")), "MX"), &ctx);
    assert_eq!(
        d.skip_reason(),
        Some(&SkipReason::Country {
            country: Some("MX".into())
        })
    );
    assert!(d.trace.is_empty() && d.folder.is_none());
    let mut pending = order("111-5");
    pending.amazon_status = AmazonOrderStatus::Pending;
    assert_eq!(p.decide(&pending, &ctx).skip_reason(), Some(&SkipReason::Pending));

    // The connection's order-number prefix is the fallback.
    let mut s2 = settings();
    s2.order_number_prefix = Some("A-".into());
    let plain = RulesPolicy::new(FilterSettings::default(), Mappings::default(), RuleSet::empty()).unwrap();
    let d = plain.decide(&order("9"), &ImportContext::new(&s2, &NoInventory, t0()));
    assert_eq!(d.invoice_number.as_deref(), Some("A-9"));
    assert_eq!(d.hub_status, Some(HubStatus::New));
}

#[test]
fn shipment_events_coerce_the_carrier_before_rules() {
    let p = policy(
        r#"
        [[rules]]
        name = "our courier is DPD"
        on = "shipment_sending"
        when = { field = "shipment.carrier", equals = "Fast Co" }
        actions = [{ coerce_carrier = "DPD" }]
        "#,
    );
    let s = settings();
    let ctx = ImportContext::new(&s, &NoInventory, t0());
    let o = order("1");
    let on = |carrier: &str| {
        let sh = shipment(&o, carrier, t0());
        p.on_event(
            PolicyEvent::ShipmentSending {
                order: &o,
                shipment: &sh,
            },
            &ctx,
        )
        .carrier
    };
    assert_eq!(
        on("United Parcel Service"),
        Some(CarrierChoice {
            code: "UPS".into(),
            name: None
        })
    );
    assert_eq!(
        on("Fast Co"),
        Some(CarrierChoice {
            code: "DPD".into(),
            name: None
        })
    );
    assert_eq!(
        on("Bob's Vans"),
        Some(CarrierChoice {
            code: "Other".into(),
            name: Some("Bob's Vans".into())
        })
    );

    let custom = p
        .clone()
        .with_carriers(CarrierList::amazon().with_alias("Bob's Vans", "Yodel").unwrap());
    let sh = shipment(&o, "bobs vans", t0());
    let d = custom.on_event(
        PolicyEvent::ShipmentSending {
            order: &o,
            shipment: &sh,
        },
        &ctx,
    );
    assert_eq!(
        d.carrier,
        Some(CarrierChoice {
            code: "Yodel".into(),
            name: None
        })
    );
}

#[test]
fn invalid_mappings_are_refused_and_admit_all_has_no_opinion() {
    let bad = Mappings {
        status: StatusMapping {
            merchant: HubStatus::Shipped,
            ..StatusMapping::default()
        },
        ..Mappings::default()
    };
    assert!(RulesPolicy::new(FilterSettings::default(), bad, RuleSet::empty()).is_err());
    let s = settings();
    let ctx = ImportContext::new(&s, &NoInventory, t0());
    let d = AdmitAll.decide(&order("1"), &ctx);
    assert!(d.is_admitted() && d.folder.is_none() && d.trace.is_empty());
}
