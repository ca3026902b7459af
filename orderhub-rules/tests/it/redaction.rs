//! The redaction schedule, its ceiling, the legal hold, and `redact`.

use orderhub_core::domain::{Address, Pii, REDACTED};
use orderhub_core::policy::redaction::{RedactionPolicy, RetentionFacts};
use orderhub_rules::redaction::{ceiling, holds_personal_data, redact, CEILING_DAYS_AFTER_DELIVERY};
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

use crate::common::*;

#[test]
fn default_schedule_table() {
    let policy = ScheduledRedaction::default();
    let o = order("1");
    let imported = t0();
    let facts = RetentionFacts::imported(imported);
    let shipped = t0() + days(2);
    let tracked = |delivered: Option<i64>, label: Option<i64>| {
        let mut s = shipment(&o, "UPS", shipped);
        s.delivered_at = delivered.map(|d| shipped + days(d));
        s.label_created_at = label.map(|d| shipped + days(d));
        s
    };
    let mut untracked = shipment(&o, "Local courier", shipped);
    untracked.tracked = false;
    untracked.delivered_at = None;
    let cases = vec![
        ("not shipped: 14 days after import", vec![], imported + days(14)),
        (
            "tracked, delivered after 3 days: 30 after delivery vs 30 after ship",
            vec![tracked(Some(3), None)],
            shipped + days(30),
        ),
        (
            "tracked, not delivered: 30 days after ship",
            vec![tracked(None, None)],
            shipped + days(30),
        ),
        (
            "tracked, label 20 days before ship: 44 after label wins",
            vec![tracked(None, Some(-20))],
            shipped + days(24),
        ),
        (
            "untracked: 30 days after the shipment",
            vec![untracked],
            shipped + days(30),
        ),
    ];
    for (what, shipments, want) in cases {
        assert_eq!(policy.due_at(&o, &shipments, &facts), Some(want), "{what}");
        assert!(
            policy.is_due(&o, &shipments, &facts, want),
            "{what}: due at the time"
        );
        assert!(
            !policy.is_due(&o, &shipments, &facts, want - chrono::Duration::seconds(1)),
            "{what}"
        );
    }
    // Shipments of other orders are ignored.
    let other = shipment(&order("2"), "UPS", shipped);
    assert_eq!(policy.due_at(&o, &[other], &facts), Some(imported + days(14)));
}

#[test]
fn configurable_but_never_past_thirty_days_after_delivery() {
    let generous = ScheduledRedaction::new(RedactionSchedule {
        unshipped_after_import_days: 60,
        tracked_after_delivery_days: Some(365),
        tracked_after_ship_days: None,
        tracked_after_label_days: None,
        untracked_after_shipment_days: 365,
    });
    let o = order("1");
    let facts = RetentionFacts::imported(t0());
    assert_eq!(
        generous.due_at(&o, &[], &facts),
        Some(t0() + days(60)),
        "the setting applies"
    );

    let mut s = shipment(&o, "UPS", t0());
    s.delivered_at = Some(t0() + days(4));
    let ceiling_at = t0() + days(4) + days(i64::from(CEILING_DAYS_AFTER_DELIVERY));
    assert_eq!(
        generous.due_at(&o, &[s.clone()], &facts),
        Some(ceiling_at),
        "tracked: held to the ceiling"
    );
    let mut u = s.clone();
    u.tracked = false;
    assert_eq!(
        generous.due_at(&o, &[u], &facts),
        Some(ceiling_at),
        "untracked but delivered: held too"
    );

    // Several shipments: the latest counts, and the ceiling runs from the last delivery once all are delivered.
    let mut s2 = shipment(&o, "UPS", t0() + days(10));
    s2.delivered_at = None;
    assert_eq!(ceiling(&o, &[s.clone(), s2.clone()]), None);
    s2.delivered_at = Some(t0() + days(12));
    assert_eq!(ceiling(&o, &[s.clone(), s2.clone()]), Some(t0() + days(42)));
    assert_eq!(
        generous.due_at(&o, &[s.clone(), s2], &facts),
        Some(t0() + days(42))
    );

    // Only an explicit legal hold passes the ceiling.
    let hold = RetentionFacts {
        imported_at: t0(),
        legal_hold: true,
    };
    assert_eq!(generous.due_at(&o, &[s.clone()], &hold), None);
    assert_eq!(ScheduledRedaction::default().due_at(&o, &[s], &hold), None);
}

#[test]
fn schedule_deserializes_with_defaults() {
    let s: RedactionSchedule = toml::from_str("unshipped_after_import_days = 7").unwrap();
    assert_eq!(
        s,
        RedactionSchedule {
            unshipped_after_import_days: 7,
            ..RedactionSchedule::default()
        }
    );
    assert!(
        toml::from_str::<RedactionSchedule>("ceiling_days = 90").is_err(),
        "the ceiling is not a setting"
    );
}

#[test]
fn redact_replaces_personal_fields_and_keeps_the_place() {
    let mut o = order("1");
    o.lines.push(gift(line("2", "SKU-G", 1), "Happy birthday, Jane!"));
    o.metadata.set("buyer_username", "janeq");
    o.metadata.set("batch", "A");
    if let Some(a) = o.shipping_address.as_present_mut() {
        a.company = Some("Jane's Studio".into());
        a.county = Some("King".into());
    }
    let before = o.clone();
    let now = t0() + days(20);
    let report = redact(&mut o, now);
    assert_eq!(o.redacted_at, Some(now));
    assert_eq!(report.redacted_at, Some(now));

    let b = o.buyer.as_present().unwrap();
    for v in [&b.name, &b.email, &b.phone] {
        assert_eq!(v.as_deref(), Some(REDACTED));
    }
    let a = o.shipping_address.as_present().unwrap();
    for v in [&a.name, &a.company, &a.line1, &a.line2, &a.phone] {
        assert_eq!(v.as_deref(), Some(REDACTED));
    }
    assert_eq!(a.line3, None, "absent fields stay absent");
    let kept = before.shipping_address.as_present().unwrap();
    assert_eq!(
        (
            &a.city,
            &a.state_or_region,
            &a.postal_code,
            &a.country_code,
            &a.county
        ),
        (
            &kept.city,
            &kept.state_or_region,
            &kept.postal_code,
            &kept.country_code,
            &kept.county
        )
    );
    assert_eq!(
        o.lines[1].gift.as_ref().unwrap().message,
        Pii::Present(REDACTED.to_owned())
    );
    assert_eq!(o.metadata.get("buyer_username"), Some(REDACTED));
    assert_eq!(o.metadata.get("batch"), Some("A"));
    assert_eq!(o.ship_country(), Some("US"));
    assert!(report.fields.contains(&"buyer.email".to_owned()));
    assert!(report.fields.contains(&"lines[1].gift.message".to_owned()));
    assert!(report.fields.contains(&"metadata.buyer_username".to_owned()));
    let printed = format!("{report:?}");
    for secret in ["Jane", "Terry", "555", "janeq", "birthday"] {
        assert!(!printed.contains(secret), "{secret} in {printed}");
    }
    // Nothing else changed.
    let mut expected = before;
    expected.buyer = o.buyer.clone();
    expected.shipping_address = o.shipping_address.clone();
    expected.lines[1].gift = o.lines[1].gift.clone();
    expected.metadata.set("buyer_username", REDACTED);
    expected.redacted_at = Some(now);
    assert_eq!(o, expected);

    // Again: nothing changes, the first time stays.
    let again = redact(&mut o, now + days(5));
    assert!(again.fields.is_empty());
    assert_eq!(o, expected);
    assert!(!holds_personal_data(&o));
    assert_eq!(
        ScheduledRedaction::default().due_at(&o, &[], &RetentionFacts::imported(t0())),
        None
    );
}

#[test]
fn orders_without_personal_data() {
    let o = afn(order("1"));
    assert!(
        !holds_personal_data(&o),
        "AFN orders arrive without personal data"
    );
    assert_eq!(
        ScheduledRedaction::default().due_at(&o, &[], &RetentionFacts::imported(t0())),
        None
    );
    let mut o2 = o;
    let report = ScheduledRedaction::default().redact(&mut o2, t0());
    assert!(report.fields.is_empty());
    assert_eq!(
        o2.shipping_address,
        Pii::Present(Address {
            country_code: Some("US".into()),
            ..Address::default()
        })
    );
    assert_eq!(o2.redacted_at, Some(t0()));
}
