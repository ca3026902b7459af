//! Carrier coercion to Amazon's codes.

use orderhub_core::policy::import::CarrierChoice;
use orderhub_rules::{CarrierError, CarrierList};

fn code(c: &str) -> CarrierChoice {
    CarrierChoice {
        code: c.into(),
        name: None,
    }
}

fn other(name: &str) -> CarrierChoice {
    CarrierChoice {
        code: "Other".into(),
        name: Some(name.into()),
    }
}

#[test]
fn coercion_table() {
    let list = CarrierList::amazon();
    let cases: &[(&str, CarrierChoice)] = &[
        ("UPS", code("UPS")),
        ("ups", code("UPS")),
        (" Royal-Mail ", code("Royal Mail")),
        ("royalmail", code("Royal Mail")),
        ("FedEx SmartPost", code("FedEx SmartPost")),
        ("Federal Express", code("FedEx")),
        ("United States Postal Service", code("USPS")),
        ("DHL eCommerce", code("DHL eCommerce")),
        ("GO!", code("GO!")),
        ("AFL/Fedex", code("AFL/Fedex")),
        ("Amazon Logistics", code("AMZL")),
        ("Evri", code("Hermes UK")),
        ("Canada Post", code("Canada Post")),
        ("Bob's Courier", other("Bob's Courier")),
        ("  Speedy Parcels  ", other("Speedy Parcels")),
        (
            "Other",
            CarrierChoice {
                code: "Other".into(),
                name: None,
            },
        ),
        (
            "",
            CarrierChoice {
                code: "Other".into(),
                name: None,
            },
        ),
    ];
    for (name, want) in cases {
        assert_eq!(&list.coerce(name), want, "{name:?}");
    }
}

#[test]
fn the_list_is_data_with_the_base_schema_codes() {
    let list = CarrierList::amazon();
    for c in [
        "USPS",
        "UPSMI",
        "Hermes Logistik Gruppe",
        "NITTSU",
        "Yodel",
        "Other",
        "Lasership",
        "ZTO Express",
    ] {
        assert!(list.codes().contains(&c), "{c}");
    }
}

#[test]
fn integrator_aliases() {
    let list = CarrierList::amazon()
        .with_alias("Acme Freight", "UPS")
        .unwrap()
        .with_aliases_text("# ours\nRM24 = Royal Mail\n\nFast Co=DPD")
        .unwrap();
    assert_eq!(list.coerce("acme freight"), code("UPS"));
    assert_eq!(list.coerce("rm-24"), code("Royal Mail"));
    assert_eq!(list.coerce("Fast Co"), code("DPD"));

    let err = CarrierList::amazon().with_alias("x", "Royal Male").unwrap_err();
    assert_eq!(
        err,
        CarrierError::UnknownCode {
            code: "Royal Male".into(),
            suggestion: Some("Royal Mail".into())
        }
    );
    assert!(err.to_string().contains("did you mean `Royal Mail`"));
    let err = CarrierList::amazon()
        .with_aliases_text("ok = UPS\nno equals sign")
        .unwrap_err();
    assert_eq!(err, CarrierError::BadAliasLine { line: 2 });
}
