//! Country filter: the established syntax, table-tested.

use orderhub_rules::{CountryFilter, CountryFilterError, CountryMode};

/// (input, canonical form, mode, admitted countries, refused countries)
type Case = (
    &'static str,
    &'static str,
    CountryMode,
    &'static [&'static str],
    &'static [&'static str],
);

#[test]
fn syntax_table() {
    let cases: &[Case] = &[
        (
            "US,CA,MX",
            "US,CA,MX",
            CountryMode::Include,
            &["US", "CA", "MX", "us"],
            &["GB", "DE"],
        ),
        (
            "-US,-CA,-MX",
            "-US,-CA,-MX",
            CountryMode::Exclude,
            &["GB", "DE"],
            &["US", "CA", "MX"],
        ),
        (
            "-US,CA,MX",
            "-US,-CA,-MX",
            CountryMode::Exclude,
            &["GB", "JP"],
            &["US", "CA", "MX"],
        ),
        (" us , ca ", "US,CA", CountryMode::Include, &["US", "CA"], &["MX"]),
        (
            "- us, Ca",
            "-US,-CA",
            CountryMode::Exclude,
            &["MX"],
            &["US", "CA"],
        ),
        ("UK", "GB", CountryMode::Include, &["GB", "UK", "gb"], &["IE"]),
        ("-uk", "-GB", CountryMode::Exclude, &["IE"], &["GB", "UK"]),
        ("US,,CA,", "US,CA", CountryMode::Include, &["CA"], &["MX"]),
        ("US,US,us", "US", CountryMode::Include, &["US"], &["CA"]),
        ("", "", CountryMode::Exclude, &["US", "ZZ"], &[]),
        ("  ,  ", "", CountryMode::Exclude, &["US"], &[]),
    ];
    for (input, canonical, mode, admitted, refused) in cases {
        let f = CountryFilter::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(f.to_string(), *canonical, "{input:?}");
        if !f.is_any() {
            assert_eq!(f.mode(), *mode, "{input:?}");
        }
        for c in *admitted {
            assert!(f.admits(Some(c)), "{input:?} should admit {c}");
        }
        for c in *refused {
            assert!(!f.admits(Some(c)), "{input:?} should refuse {c}");
        }
        assert_eq!(
            CountryFilter::parse(&f.to_string()).unwrap(),
            f,
            "round trip of {input:?}"
        );
    }
}

#[test]
fn unknown_country_is_admitted_only_by_exclusion_lists() {
    assert!(!CountryFilter::parse("US").unwrap().admits(None));
    assert!(CountryFilter::parse("-US").unwrap().admits(None));
    assert!(CountryFilter::any().admits(None));
}

#[test]
fn errors_name_the_code() {
    let cases: &[(&str, CountryFilterError)] = &[
        ("US,XX", CountryFilterError::UnknownCode { code: "XX".into() }),
        ("USA", CountryFilterError::UnknownCode { code: "USA".into() }),
        ("-U1", CountryFilterError::UnknownCode { code: "U1".into() }),
        ("US,-", CountryFilterError::DanglingMinus),
        (
            "US,-CA",
            CountryFilterError::MixedList {
                first: "US".into(),
                code: "CA".into(),
            },
        ),
    ];
    for (input, want) in cases {
        let err = CountryFilter::parse(input).unwrap_err();
        assert_eq!(&err, want, "{input:?}");
    }
    let msg = CountryFilter::parse("US, Zq").unwrap_err().to_string();
    assert!(msg.contains("`Zq`") && msg.contains("ISO 3166"), "{msg}");
    let msg = CountryFilter::parse("US,-CA").unwrap_err().to_string();
    assert!(
        msg.contains("-US"),
        "the error says how to write an exclusion list: {msg}"
    );
}

#[test]
fn serde_uses_the_text_form() {
    let f: CountryFilter = serde_json::from_str("\"-us,ca\"").unwrap();
    assert_eq!(serde_json::to_string(&f).unwrap(), "\"-US,-CA\"");
    assert!(serde_json::from_str::<CountryFilter>("\"QQ\"").is_err());
}
