//! Property tests: filter parse/print round trip, parsers that never panic, idempotent redaction,
//! deterministic evaluation.

use orderhub_core::domain::{
    Address, AmazonOrderStatus, Buyer, FulfillmentChannel, HubStatus, Order, OrderLine, Pii,
};
use orderhub_core::policy::import::{ImportContext, ImportDecision, NoInventory, PolicyEvent};
use orderhub_rules::country::iso_codes;
use orderhub_rules::redaction::redact;
use orderhub_rules::rules::{parse_rule_file, RuleFormat};
use orderhub_rules::{CountryFilter, CountryMode, LocationFilter, RuleSet};
use proptest::prelude::*;

use crate::common::*;

fn iso() -> Vec<&'static str> {
    iso_codes().collect()
}

fn code() -> impl Strategy<Value = String> {
    let codes = iso();
    (
        0..codes.len(),
        any::<bool>(),
        any::<bool>(),
        "[ ]{0,2}",
        "[ ]{0,2}",
    )
        .prop_map(move |(i, lo0, lo1, a, b)| {
            let c: Vec<char> = codes[i].chars().collect();
            let c0 = if lo0 { c[0].to_ascii_lowercase() } else { c[0] };
            let c1 = if lo1 { c[1].to_ascii_lowercase() } else { c[1] };
            format!("{a}{c0}{c1}{b}")
        })
}

/// Arbitrary JSON-shaped values, biased towards the keys and values rule files use.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value as J;
    let keys = prop::sample::select(vec![
        "rules",
        "name",
        "on",
        "when",
        "actions",
        "enabled",
        "field",
        "equals",
        "not_equals",
        "contains",
        "starts_with",
        "ends_with",
        "in",
        "greater_than",
        "less_than",
        "is_blank",
        "matches",
        "case_sensitive",
        "all",
        "any",
        "none",
        "any_line",
        "all_lines",
        "no_line",
        "move_to_folder",
        "set_metadata",
        "key",
        "value",
        "tag",
        "hold_until",
        "hold_for_hours",
        "coerce_carrier",
        "skip_import",
        "x",
    ]);
    let strings = prop::sample::select(vec![
        "order_imported",
        "shipment_sending",
        "inventory_syncing",
        "metadata.amazon_fulfillment_channel",
        "line.sku",
        "order_total",
        "ship_country",
        "prime",
        "purchased_at",
        "AFN",
        "(",
        "[a-z]+",
        "",
        "stop_processing",
        "2026-01-01",
        "UPS",
        "shipment.carrier",
        "item.sku",
        "tags",
    ])
    .prop_map(|s| J::String(s.to_owned()));
    let leaf = prop_oneof![
        Just(J::Null),
        any::<bool>().prop_map(J::Bool),
        any::<i64>().prop_map(J::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(J::Null, J::Number)),
        strings,
        ".{0,12}".prop_map(J::String),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(J::Array),
            prop::collection::btree_map(keys.clone().prop_map(str::to_owned), inner, 0..6)
                .prop_map(|m| J::Object(m.into_iter().collect())),
        ]
    })
}

fn json_to_toml(v: &serde_json::Value) -> Option<toml::Value> {
    use serde_json::Value as J;
    Some(match v {
        J::Null => return None,
        J::Bool(b) => toml::Value::Boolean(*b),
        J::Number(n) => n.as_i64().map_or_else(
            || toml::Value::Float(n.as_f64().unwrap_or(0.0)),
            toml::Value::Integer,
        ),
        J::String(s) => toml::Value::String(s.clone()),
        J::Array(a) => toml::Value::Array(a.iter().filter_map(json_to_toml).collect()),
        J::Object(m) => toml::Value::Table(
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), json_to_toml(v)?)))
                .collect(),
        ),
    })
}

const LEAVES: &[&str] = &[
    r#"{ field = "metadata.amazon_fulfillment_channel", equals = "AFN" }"#,
    r#"{ field = "metadata.amazon_fulfillment_channel", not_equals = "AFN" }"#,
    r#"{ field = "ship_country", in = ["US", "CA", "GB"] }"#,
    r#"{ field = "order_total", greater_than = 20 }"#,
    r#"{ field = "order_total", less_than = 100 }"#,
    r#"{ field = "prime", equals = true }"#,
    r#"{ field = "amazon_status", equals = "Unshipped" }"#,
    r#"{ field = "metadata.batch", is_blank = true }"#,
    r#"{ field = "metadata.batch", matches = "^b[0-9]$" }"#,
    r#"{ field = "id", starts_with = "1" }"#,
    r#"{ any_line = { field = "line.sku", starts_with = "WH-" } }"#,
    r#"{ all_lines = { field = "line.quantity", less_than = 3 } }"#,
    r#"{ no_line = { field = "line.physical", equals = false } }"#,
];

const ACTIONS: &[&str] = &[
    r#"{ move_to_folder = "A" }"#,
    r#"{ move_to_folder = "B" }"#,
    r#"{ tag = "t1" }"#,
    r#"{ tag = "t2" }"#,
    r#"{ set_metadata = { key = "k", value = "v1" } }"#,
    r#"{ set_metadata = { key = "k", value = "v2" } }"#,
    r#"{ remove_metadata = "k" }"#,
    r#"{ set_hub_status = "OnHold" }"#,
    r#"{ route_to = "3pl" }"#,
    r#"{ hold_for_hours = 5 }"#,
    r#"{ skip_import = "no" }"#,
    r#""stop_processing""#,
];

fn condition() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(LEAVES).prop_map(str::to_owned);
    leaf.prop_recursive(3, 16, 3, |inner| {
        (
            prop::sample::select(vec!["all", "any", "none"]),
            prop::collection::vec(inner, 0..3),
        )
            .prop_map(|(g, cs)| format!("{{ {g} = [{}] }}", cs.join(", ")))
    })
}

fn rule_file() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            condition(),
            prop::collection::vec(prop::sample::select(ACTIONS), 0..4),
            any::<bool>(),
        ),
        0..8,
    )
    .prop_map(|rules| {
        let mut s = String::new();
        for (i, (when, actions, has_when)) in rules.into_iter().enumerate() {
            s.push_str(&format!(
                "[[rules]]\nname = \"r{i}\"\non = [\"order_imported\", \"order_changed\"]\n"
            ));
            if has_when {
                s.push_str(&format!("when = {when}\n"));
            }
            s.push_str(&format!("actions = [{}]\n\n", actions.join(", ")));
        }
        s
    })
}

fn opt_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of("[A-Za-z0-9 .@-]{0,16}")
}

fn arb_order() -> impl Strategy<Value = Order> {
    (
        (
            prop::sample::select(vec!["US", "CA", "GB", "MX", "DE"]),
            any::<bool>(),
            any::<bool>(),
            0u32..3,
        ),
        (
            prop::option::of(prop::sample::select(vec!["AFN", "MFN", "afn"])),
            prop::option::of("b[0-9x]"),
        ),
        prop::collection::vec(
            (
                "(WH|DS)-[0-9]",
                1u32..4,
                any::<bool>(),
                prop::option::of(".{0,10}"),
            ),
            0..4,
        ),
        (
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            opt_text(),
            0i64..20_000,
        ),
        prop::option::of("[a-z]{1,8}"),
    )
        .prop_map(
            |((country, prime, afn_channel, status), (chan, batch), lines, pii, username)| {
                let mut o = with_country(order(&format!("{}", pii.6)), country);
                o.flags.prime = prime;
                o.fulfillment_channel = if afn_channel {
                    FulfillmentChannel::Amazon
                } else {
                    FulfillmentChannel::Merchant
                };
                o.amazon_status = [
                    AmazonOrderStatus::Unshipped,
                    AmazonOrderStatus::PartiallyShipped,
                    AmazonOrderStatus::Shipped,
                ][status as usize]
                    .clone();
                if let Some(c) = chan {
                    o.metadata.set("amazon_fulfillment_channel", c);
                }
                if let Some(b) = batch {
                    o.metadata.set("batch", b);
                }
                if let Some(u) = username {
                    o.metadata.set("seller_username", u);
                }
                o.order_total = Some(orderhub_core::domain::Money::new(
                    rust_decimal::Decimal::new(pii.6, 2),
                    orderhub_core::domain::Currency::USD,
                ));
                o.lines = lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, (sku, q, physical, msg))| {
                        let mut l: OrderLine = line(&i.to_string(), &sku, q);
                        l.physical = physical;
                        if let Some(m) = msg {
                            l = gift(l, &m);
                        }
                        l
                    })
                    .collect();
                o.buyer = if pii.0.is_some() || pii.1.is_some() {
                    Pii::Present(Buyer {
                        name: pii.0.clone(),
                        email: pii.1.clone(),
                        phone: pii.2.clone(),
                        ..Buyer::default()
                    })
                } else {
                    Pii::default()
                };
                o.shipping_address = Pii::Present(Address {
                    name: pii.3,
                    line1: pii.4,
                    phone: pii.5,
                    city: Some("Springfield".into()),
                    postal_code: Some("12345".into()),
                    country_code: Some(country.into()),
                    ..Address::default()
                });
                o.hub_status = HubStatus::New;
                o
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn country_filter_print_parse_round_trip(codes in prop::collection::vec(code(), 0..8), minus in any::<bool>(), all_minus in any::<bool>()) {
        let text = codes
            .iter()
            .enumerate()
            .map(|(i, c)| if minus && (i == 0 || all_minus) { format!("-{c}") } else { c.clone() })
            .collect::<Vec<_>>()
            .join(",");
        let f = CountryFilter::parse(&text).unwrap();
        let printed = f.to_string();
        prop_assert_eq!(&CountryFilter::parse(&printed).unwrap(), &f);
        prop_assert_eq!(CountryFilter::parse(&printed).unwrap().to_string(), printed);
        if !codes.is_empty() {
            prop_assert_eq!(f.mode(), if minus { CountryMode::Exclude } else { CountryMode::Include });
            for c in &codes {
                prop_assert_eq!(f.admits(Some(c.trim())), !minus);
            }
        }
    }

    #[test]
    fn filter_parsers_never_panic(text in ".{0,40}", tokens in prop::collection::vec("-?[ a-zA-Z]{0,3}", 0..6)) {
        for t in [text, tokens.join(",")] {
            if let Ok(f) = CountryFilter::parse(&t) {
                prop_assert_eq!(CountryFilter::parse(&f.to_string()).unwrap(), f);
            }
            let l = LocationFilter::parse(&t);
            prop_assert!(l.locations.iter().all(|x| !x.is_empty() && x.trim() == x));
        }
    }

    #[test]
    fn rule_parsers_never_panic_on_text(text in ".{0,200}") {
        let _ = RuleSet::from_toml(&text);
        let _ = RuleSet::from_json(&text);
    }

    #[test]
    fn rule_parsers_never_panic_on_rule_shaped_input(v in json_value(), wrap in any::<bool>()) {
        let v = if wrap { serde_json::json!({ "rules": [v] }) } else { v };
        let json = serde_json::to_string(&v).unwrap();
        if let Err(e) = RuleSet::from_json(&json) {
            prop_assert!(!e.to_string().is_empty());
        }
        if let Some(toml::Value::Table(t)) = json_to_toml(&v) {
            if let Ok(text) = toml::to_string(&t) {
                if let Err(e) = RuleSet::from_toml(&text) {
                    prop_assert!(!e.to_string().is_empty());
                }
            }
        }
    }

    #[test]
    fn redaction_is_idempotent(o in arb_order(), later in 0i64..100) {
        let mut once = o.clone();
        let r1 = redact(&mut once, t0());
        let mut twice = once.clone();
        let r2 = redact(&mut twice, t0() + days(later));
        prop_assert_eq!(&once, &twice);
        prop_assert!(r2.fields.is_empty());
        prop_assert_eq!(r1.redacted_at, r2.redacted_at);
        // The place stays.
        let (a, b) = (o.shipping_address.as_present().unwrap(), once.shipping_address.as_present().unwrap());
        prop_assert_eq!((&a.city, &a.postal_code, &a.country_code), (&b.city, &b.postal_code, &b.country_code));
        prop_assert_eq!(&o.lines.len(), &once.lines.len());
        prop_assert_eq!(&o.order_total, &once.order_total);
    }

    #[test]
    fn evaluation_is_deterministic(file in rule_file(), orders in prop::collection::vec(arb_order(), 1..6)) {
        let rules = RuleSet::from_toml(&file).map_err(|e| TestCaseError::fail(format!("{e}\n{file}")))?;
        let again = RuleSet::compile(&parse_rule_file(&rules.source().to_json(), RuleFormat::Json).unwrap()).unwrap();
        let s = settings();
        let ctx = ImportContext::new(&s, &NoInventory, t0());
        for o in &orders {
            let a = rules.evaluate(PolicyEvent::OrderImported(o), &ctx);
            let b = rules.evaluate(PolicyEvent::OrderImported(o), &ctx);
            let c = again.evaluate(PolicyEvent::OrderImported(o), &ctx);
            prop_assert_eq!(&a, &b);
            prop_assert_eq!(&a, &c);
            // The trace lists rules in file order, each once.
            prop_assert!(a.trace.windows(2).all(|w| w[0].index < w[1].index));
        }
    }
}

// Differential test: the evaluation plans specialised at compile time (`RuleSet::evaluate_into`) decide
// exactly what the generic evaluator (`RuleSet::evaluate_reference_into`) decides, for tests of every
// order and line field, every operator, missing values, case sensitivity and metadata numbers.

const TEXT_FIELDS: &[&str] = &[
    "id",
    "seller_id",
    "marketplace_id",
    "fulfillment_channel",
    "amazon_status",
    "hub_status",
    "folder",
    "sales_channel",
    "sales_channel_name",
    "order_type",
    "shipping_service_level",
    "shipment_service_level_category",
    "payment_method",
    "currency",
    "ioss_number",
    "ship_country",
    "ship_state",
    "ship_city",
    "ship_postal_code",
    "tags",
    "metadata.amazon_fulfillment_channel",
    "metadata.batch",
    "metadata.n",
];
const NUM_FIELDS: &[&str] = &["order_total", "vat", "line_count", "total_quantity"];
const BOOL_FIELDS: &[&str] = &[
    "prime",
    "business",
    "replacement",
    "premium",
    "buyer_requested_cancel",
    "global_express",
    "sold_by_amazon_as_reseller",
    "in_store_pickup",
    "prices_include_vat",
    "amazon_fulfilled",
    "redacted",
];
const TIME_FIELDS: &[&str] = &["purchased_at", "latest_ship_at"];
const LINE_TEXT_FIELDS: &[&str] = &[
    "line.order_item_id",
    "line.sku",
    "line.asin",
    "line.title",
    "line.condition",
    "line.condition_subtype",
    "line.location",
    "line.metadata.x",
];
const LINE_NUM_FIELDS: &[&str] = &[
    "line.quantity",
    "line.quantity_shipped",
    "line.quantity_unshipped",
    "line.item_price",
    "line.item_tax",
    "line.shipping_price",
    "line.stock",
];
const LINE_BOOL_FIELDS: &[&str] = &[
    "line.physical",
    "line.customized",
    "line.gift",
    "line.serial_number_required",
];

/// Text operands: exact values the orders hold, other case, padding, numbers, no letters, empty.
const TEXT_OPERANDS: &[&str] = &[
    "US",
    "us",
    " GB ",
    "AFN",
    "afn",
    "MFN",
    "b1",
    "B1",
    "1",
    "1.0",
    "2",
    "WH-1",
    "wh-",
    "-1",
    "Unshipped",
    "New",
    "",
    "12345",
    "Amazon",
    "x1",
];

fn text_leaf(field: &str) -> impl Strategy<Value = String> {
    let f = field.to_owned();
    (
        0usize..10,
        prop::sample::select(TEXT_OPERANDS),
        prop::sample::select(TEXT_OPERANDS),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(op, a, b, cs, blank)| {
            let case = if cs { ", case_sensitive = true" } else { "" };
            let a = a.trim();
            match op {
                0 => format!("{{ field = {f:?}, equals = {a:?}{case} }}"),
                1 => format!("{{ field = {f:?}, not_equals = {a:?}{case} }}"),
                2 => format!("{{ field = {f:?}, in = [{a:?}, {b:?}]{case} }}"),
                3 if !a.is_empty() => format!("{{ field = {f:?}, contains = {a:?}{case} }}"),
                4 => format!("{{ field = {f:?}, starts_with = {a:?}{case} }}"),
                5 => format!("{{ field = {f:?}, ends_with = {a:?}{case} }}"),
                6 => format!("{{ field = {f:?}, is_blank = {blank} }}"),
                7 => format!(
                    "{{ field = {f:?}, matches = \"^{}[0-9]*$\"{case} }}",
                    regex_escape(a)
                ),
                8 if f.starts_with("metadata.") => format!("{{ field = {f:?}, greater_than = 1 }}"),
                9 if f.starts_with("metadata.") => format!("{{ field = {f:?}, less_than = 1.5 }}"),
                _ => format!("{{ field = {f:?}, equals = {b:?} }}"),
            }
        })
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == ' ' {
                c.to_string()
            } else {
                format!("\\\\{c}")
            }
        })
        .collect()
}

fn num_leaf(field: &str) -> impl Strategy<Value = String> {
    let f = field.to_owned();
    (
        0usize..6,
        prop::sample::select(vec!["0", "1", "2", "3", "1.5", "20", "100.00", "-1"]),
        any::<bool>(),
    )
        .prop_map(move |(op, n, blank)| match op {
            0 => format!("{{ field = {f:?}, equals = {n} }}"),
            1 => format!("{{ field = {f:?}, not_equals = {n} }}"),
            2 => format!("{{ field = {f:?}, in = [{n}, 2] }}"),
            3 => format!("{{ field = {f:?}, greater_than = {n} }}"),
            4 => format!("{{ field = {f:?}, less_than = {n} }}"),
            _ => format!("{{ field = {f:?}, is_blank = {blank} }}"),
        })
}

fn bool_leaf(field: &str) -> impl Strategy<Value = String> {
    let f = field.to_owned();
    (0usize..4, any::<bool>(), any::<bool>()).prop_map(move |(op, b, blank)| match op {
        0 => format!("{{ field = {f:?}, equals = {b} }}"),
        1 => format!("{{ field = {f:?}, not_equals = {b} }}"),
        2 => format!("{{ field = {f:?}, in = [{b}] }}"),
        _ => format!("{{ field = {f:?}, is_blank = {blank} }}"),
    })
}

fn time_leaf(field: &str) -> impl Strategy<Value = String> {
    let f = field.to_owned();
    (0usize..3).prop_map(move |op| match op {
        0 => format!("{{ field = {f:?}, greater_than = \"2026-01-01\" }}"),
        1 => format!("{{ field = {f:?}, less_than = \"2026-01-01T00:00:00Z\" }}"),
        _ => format!("{{ field = {f:?}, is_blank = true }}"),
    })
}

fn any_leaf(
    fields: &'static [&'static str],
    make: fn(&str) -> BoxedStrategy<String>,
) -> BoxedStrategy<String> {
    prop::sample::select(fields).prop_flat_map(make).boxed()
}

fn order_leaf() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any_leaf(TEXT_FIELDS, |f| text_leaf(f).boxed()),
        2 => any_leaf(NUM_FIELDS, |f| num_leaf(f).boxed()),
        2 => any_leaf(BOOL_FIELDS, |f| bool_leaf(f).boxed()),
        1 => any_leaf(TIME_FIELDS, |f| time_leaf(f).boxed()),
    ]
    .boxed()
}

fn line_condition() -> BoxedStrategy<String> {
    let leaf = prop_oneof![
        3 => any_leaf(LINE_TEXT_FIELDS, |f| text_leaf(f).boxed()),
        2 => any_leaf(LINE_NUM_FIELDS, |f| num_leaf(f).boxed()),
        1 => any_leaf(LINE_BOOL_FIELDS, |f| bool_leaf(f).boxed()),
    ];
    leaf.prop_recursive(2, 6, 3, |inner| {
        (
            prop::sample::select(vec!["all", "any", "none"]),
            prop::collection::vec(inner, 0..3),
        )
            .prop_map(|(g, cs)| format!("{{ {g} = [{}] }}", cs.join(", ")))
    })
    .boxed()
}

fn rich_condition() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => order_leaf(),
        2 => (prop::sample::select(vec!["any_line", "all_lines", "no_line"]), line_condition())
            .prop_map(|(q, c)| format!("{{ {q} = {c} }}")),
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        (
            prop::sample::select(vec!["all", "any", "none"]),
            prop::collection::vec(inner, 0..3),
        )
            .prop_map(|(g, cs)| format!("{{ {g} = [{}] }}", cs.join(", ")))
    })
}

fn rich_rule_file() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            rich_condition(),
            prop::collection::vec(prop::sample::select(ACTIONS), 0..3),
        ),
        1..8,
    )
    .prop_map(|rules| {
        let mut s = String::new();
        for (i, (when, actions)) in rules.into_iter().enumerate() {
            s.push_str(&format!(
                "[[rules]]\nname = \"r{i}\"\non = [\"order_imported\", \"order_changed\"]\nwhen = {when}\nactions = [{}]\n\n",
                actions.join(", ")
            ));
        }
        s
    })
}

/// An order with the fields the rich leaves test set, unset or odd (padding, other case, numbers in
/// metadata, tags, line metadata).
fn rich_order() -> impl Strategy<Value = Order> {
    (
        arb_order(),
        (
            prop::option::of(prop::sample::select(vec!["1", "1.0", " 2 ", "x", ""])),
            prop::option::of(prop::sample::select(vec!["US", " us ", "Amazon", ""])),
            prop::collection::vec(prop::sample::select(vec!["US", "b1", " x1 ", "New"]), 0..3),
            any::<bool>(),
            any::<bool>(),
        ),
        prop::collection::vec(
            (
                prop::option::of(prop::sample::select(vec!["1", "wh-1", " AFN ", ""])),
                any::<bool>(),
                0u32..3,
            ),
            0..4,
        ),
    )
        .prop_map(|(mut o, (n, text, tags, business, no_total), line_extra)| {
            if let Some(n) = n {
                o.metadata.set("n", n);
            }
            o.ioss_number = text.map(str::to_owned);
            o.order_type = text.map(str::to_owned);
            o.tags = tags.into_iter().map(str::to_owned).collect();
            o.flags.business = business;
            if no_total {
                o.order_total = None;
            }
            o.shipping_service_level = Some(if business { "Exp US D2D Dom" } else { "Std" }.to_owned());
            for (l, (x, customized, shipped)) in o.lines.iter_mut().zip(line_extra) {
                if let Some(x) = x {
                    l.metadata.set("x", x);
                }
                l.customized = customized;
                l.quantity_shipped = shipped.min(l.quantity_ordered);
                l.asin = text.map(str::to_owned);
            }
            o
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn specialised_plans_decide_as_the_generic_evaluator(
        file in rich_rule_file(),
        orders in prop::collection::vec(rich_order(), 1..6),
        stocked in any::<bool>(),
    ) {
        let rules = RuleSet::from_toml(&file).map_err(|e| TestCaseError::fail(format!("{e}\n{file}")))?;
        let s = settings();
        let mut inventory = std::collections::HashMap::new();
        if stocked {
            let mut item = orderhub_core::domain::InventoryItem::new("WH-1", 5);
            item.location = Some("A-1".into());
            inventory.insert("WH-1".to_owned(), item);
        }
        let ctx = ImportContext::new(&s, &inventory, t0());
        let (mut fast, mut reference) = (ImportDecision::default(), ImportDecision::default());
        for o in &orders {
            for event in [PolicyEvent::OrderImported(o), PolicyEvent::OrderChanged(o)] {
                fast.clear();
                reference.clear();
                rules.evaluate_into(event, &ctx, &mut fast);
                rules.evaluate_reference_into(event, &ctx, &mut reference);
                prop_assert_eq!(&fast, &reference, "{}", file);
            }
        }
    }
}
