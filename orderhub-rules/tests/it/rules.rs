//! The rule engine: the product docs' AFN example, every operator, group, quantifier and action, ordering,
//! the trace, and errors that name the rule and the field.

use std::collections::HashMap;

use chrono::{Duration, TimeZone, Utc};
use orderhub_core::domain::{HubStatus, InventoryItem, Order};
use orderhub_core::policy::import::{
    Admission, CarrierChoice, ImportContext, ImportDecision, MetadataChange, NoInventory, PolicyEvent,
    SkipReason,
};
use orderhub_rules::rules::{parse_rule_file, RuleErrorKind};
use orderhub_rules::{RuleError, RuleFormat, RuleSet};

use crate::common::*;

const AFN_TOML: &str = r#"
[[rules]]
name = "AFN to Closed"
on = "order_imported"
when = { field = "metadata.amazon_fulfillment_channel", equals = "AFN" }
actions = [{ move_to_folder = "Closed" }]
"#;

const AFN_JSON: &str = r#"{"rules": [{
  "name": "AFN to Closed",
  "on": ["order_imported"],
  "when": {"field": "metadata.amazon_fulfillment_channel", "equals": "AFN"},
  "actions": [{"move_to_folder": "Closed"}]
}]}"#;

fn imported(rules: &RuleSet, o: &Order) -> ImportDecision {
    let s = settings();
    rules.evaluate(
        PolicyEvent::OrderImported(o),
        &ImportContext::new(&s, &NoInventory, t0()),
    )
}

/// Evaluates a one-rule file whose condition is `when` (TOML inline table) and whose action tags `hit`.
fn fires(when: &str, o: &Order) -> bool {
    let text = format!(
        "[[rules]]\nname = \"t\"\non = \"order_imported\"\nwhen = {when}\nactions = [{{ tag = \"hit\" }}]\n"
    );
    let rules = RuleSet::from_toml(&text).unwrap_or_else(|e| panic!("{when}: {e}"));
    let d = imported(&rules, o);
    assert_eq!(d.tags.contains("hit"), !d.trace.is_empty());
    d.tags.contains("hit")
}

#[test]
fn product_docs_afn_example_toml_and_json() {
    for rules in [
        RuleSet::from_toml(AFN_TOML).unwrap(),
        RuleSet::from_json(AFN_JSON).unwrap(),
    ] {
        let d = imported(&rules, &afn(order("1")));
        assert_eq!(d.folder.as_deref(), Some("Closed"));
        assert_eq!(d.trace.len(), 1);
        assert_eq!((d.trace[0].index, &*d.trace[0].name), (1, "AFN to Closed"));
        let d = imported(&rules, &order("2"));
        assert_eq!(d.folder, None, "merchant-fulfilled orders stay where they are");
        assert!(d.trace.is_empty());
    }
    // Value comparison ignores ASCII case by default, as the hubs' rule builders do.
    let mut lower = afn(order("3"));
    lower.metadata.set("amazon_fulfillment_channel", "afn");
    assert_eq!(
        imported(&RuleSet::from_toml(AFN_TOML).unwrap(), &lower)
            .folder
            .as_deref(),
        Some("Closed")
    );
}

#[test]
fn product_docs_safety_filter() {
    let rules = RuleSet::from_toml(
        r#"
        [[rules]]
        name = "Submit unfulfilled orders"
        on = "order_imported"
        when = { all = [
            { field = "metadata.amazon_fulfillment_channel", not_equals = "AFN" },
            { field = "amazon_status", in = ["Unshipped", "PartiallyShipped"] },
        ] }
        actions = [{ route_to = "acme-3pl" }]
        "#,
    )
    .unwrap();
    assert_eq!(
        imported(&rules, &order("1")).route_to.as_deref(),
        Some("acme-3pl")
    );
    assert_eq!(
        imported(&rules, &afn(order("2"))).route_to,
        None,
        "AFN orders are never sent again"
    );
    // The metadata key falls back to the order's own channel when the adapter did not set it.
    let mut bare_afn = afn(order("3"));
    bare_afn.metadata.remove("amazon_fulfillment_channel");
    bare_afn.amazon_status = orderhub_core::domain::AmazonOrderStatus::Unshipped;
    assert_eq!(imported(&rules, &bare_afn).route_to, None);
}

#[test]
fn operators_table() {
    let mut o = order("902-1234567-7654321");
    o.metadata.set("priority", "7");
    o.metadata.set("note", "  ");
    o.metadata.set("warehouse", "East-2");
    o.tags.insert("vip".into());
    o.flags.prime = true;
    let cases: &[(&str, bool)] = &[
        (r#"{ field = "ship_country", equals = "us" }"#, true),
        (
            r#"{ field = "ship_country", equals = "us", case_sensitive = true }"#,
            false,
        ),
        (
            r#"{ field = "ship_country", equals = "US", case_sensitive = true }"#,
            true,
        ),
        (r#"{ field = "ship_country", not_equals = "CA" }"#, true),
        (r#"{ field = "ioss_number", not_equals = "X" }"#, true),
        (r#"{ field = "ioss_number", equals = "X" }"#, false),
        (r#"{ field = "id", starts_with = "902-" }"#, true),
        (r#"{ field = "id", ends_with = "7654321" }"#, true),
        (r#"{ field = "id", ends_with = "7654322" }"#, false),
        (r#"{ field = "shipping_service_level", contains = "d2d" }"#, true),
        (
            r#"{ field = "shipping_service_level", contains = "d2d", case_sensitive = true }"#,
            false,
        ),
        (r#"{ field = "ship_state", in = ["OR", "WA"] }"#, true),
        (r#"{ field = "ship_state", in = [] }"#, false),
        (r#"{ field = "order_total", greater_than = 49.98 }"#, true),
        (r#"{ field = "order_total", greater_than = "49.99" }"#, false),
        (r#"{ field = "order_total", less_than = 50 }"#, true),
        (r#"{ field = "order_total", equals = 49.99 }"#, true),
        (r#"{ field = "metadata.priority", greater_than = 5 }"#, true),
        (r#"{ field = "metadata.priority", less_than = 5 }"#, false),
        (r#"{ field = "metadata.priority", equals = 7.0 }"#, true),
        (r#"{ field = "metadata.warehouse", greater_than = 1 }"#, false),
        (r#"{ field = "metadata.note", is_blank = true }"#, true),
        (r#"{ field = "metadata.absent", is_blank = true }"#, true),
        (r#"{ field = "metadata.warehouse", is_blank = true }"#, false),
        (r#"{ field = "metadata.warehouse", is_blank = false }"#, true),
        (
            r#"{ field = "metadata.warehouse", matches = "^east-\\d$" }"#,
            true,
        ),
        (
            r#"{ field = "metadata.warehouse", matches = "^east-\\d$", case_sensitive = true }"#,
            false,
        ),
        (r#"{ field = "metadata.absent", matches = ".*" }"#, false),
        (r#"{ field = "prime", equals = true }"#, true),
        (r#"{ field = "prime", equals = "no" }"#, false),
        (r#"{ field = "business", not_equals = true }"#, true),
        (r#"{ field = "purchased_at", less_than = "2026-05-02" }"#, true),
        (
            r#"{ field = "latest_ship_at", greater_than = "2026-05-03T11:59:59Z" }"#,
            true,
        ),
        (
            r#"{ field = "latest_ship_at", greater_than = "2026-05-03T12:00:00+00:00" }"#,
            false,
        ),
        (r#"{ field = "earliest_ship_at", is_blank = true }"#, true),
        (r#"{ field = "line_count", equals = 1 }"#, true),
        (r#"{ field = "total_quantity", greater_than = 0 }"#, true),
        (r#"{ field = "tags", equals = "VIP" }"#, true),
        (r#"{ field = "tags", not_equals = "vip" }"#, false),
        (r#"{ field = "tags", is_blank = false }"#, true),
        (r#"{ field = "fulfillment_channel", equals = "MFN" }"#, true),
        (r#"{ field = "amazon_fulfilled", equals = false }"#, true),
        (r#"{ field = "currency", equals = "USD" }"#, true),
        (r#"{ field = "hub_status", equals = "New" }"#, true),
    ];
    for (when, want) in cases {
        assert_eq!(fires(when, &o), *want, "{when}");
    }
}

#[test]
fn groups_and_line_quantifiers() {
    let mut o = order("1");
    o.lines = vec![line("1", "WH-1", 2), line("2", "DS-9", 1)];
    o.lines[1].physical = false;
    o.lines[1].metadata.set("vendor", "Acme");
    let cases: &[(&str, bool)] = &[
        (
            r#"{ all = [{ field = "ship_country", equals = "US" }, { field = "prime", equals = false }] }"#,
            true,
        ),
        (
            r#"{ all = [{ field = "ship_country", equals = "US" }, { field = "prime", equals = true }] }"#,
            false,
        ),
        (
            r#"{ any = [{ field = "ship_country", equals = "CA" }, { field = "prime", equals = false }] }"#,
            true,
        ),
        (r#"{ any = [] }"#, false),
        (r#"{ all = [] }"#, true),
        (r#"{ none = [{ field = "ship_country", equals = "CA" }] }"#, true),
        (r#"{ none = [{ field = "ship_country", equals = "US" }] }"#, false),
        (
            r#"{ any_line = { field = "line.sku", starts_with = "WH-" } }"#,
            true,
        ),
        (
            r#"{ all_lines = { field = "line.sku", starts_with = "WH-" } }"#,
            false,
        ),
        (
            r#"{ all_lines = { field = "line.quantity", greater_than = 0 } }"#,
            true,
        ),
        (
            r#"{ no_line = { field = "line.quantity", greater_than = 2 } }"#,
            true,
        ),
        (
            r#"{ no_line = { field = "line.physical", equals = false } }"#,
            false,
        ),
        (
            r#"{ any_line = { field = "line.metadata.vendor", equals = "acme" } }"#,
            true,
        ),
        (
            r#"{ any_line = { field = "line.item_price", greater_than = 39 } }"#,
            true,
        ),
        (
            r#"{ any_line = { all = [{ field = "line.sku", equals = "DS-9" }, { field = "line.physical", equals = true }] } }"#,
            false,
        ),
        (
            r#"{ all = [{ field = "ship_country", equals = "US" }, { any = [{ none = [{ field = "prime", equals = true }] }] }] }"#,
            true,
        ),
    ];
    for (when, want) in cases {
        assert_eq!(fires(when, &o), *want, "{when}");
    }
    // Quantifiers over an order without lines: all_lines holds vacuously, any_line does not.
    o.lines.clear();
    assert!(fires(
        r#"{ all_lines = { field = "line.sku", equals = "X" } }"#,
        &o
    ));
    assert!(!fires(
        r#"{ any_line = { field = "line.sku", is_blank = false } }"#,
        &o
    ));
    assert!(fires(
        r#"{ no_line = { field = "line.sku", is_blank = false } }"#,
        &o
    ));
}

#[test]
fn line_inventory_fields() {
    let mut inv = HashMap::new();
    let mut item = InventoryItem::new("SKU-A", 3);
    item.location = Some("Bin 4".into());
    inv.insert("SKU-A".to_owned(), item);
    let rules = RuleSet::from_toml(
        r#"
        [[rules]]
        name = "low stock"
        on = "order_imported"
        when = { any_line = { all = [{ field = "line.location", equals = "Bin 4" }, { field = "line.stock", less_than = 5 }] } }
        actions = [{ tag = "low-stock" }]
        "#,
    )
    .unwrap();
    let s = settings();
    let d = rules.evaluate(
        PolicyEvent::OrderImported(&order("1")),
        &ImportContext::new(&s, &inv, t0()),
    );
    assert!(d.tags.contains("low-stock"));
    let d = rules.evaluate(
        PolicyEvent::OrderImported(&order("1")),
        &ImportContext::new(&s, &NoInventory, t0()),
    );
    assert!(d.tags.is_empty());
}

#[test]
fn every_action_and_later_overrides_earlier() {
    let rules = RuleSet::from_toml(
        r#"
        [[rules]]
        name = "first"
        on = "order_imported"
        actions = [
            { move_to_folder = "Inbox" },
            { set_metadata = { key = "batch", value = "A" } },
            { set_metadata = { key = "keep", value = 1 } },
            { set_metadata = { key = "gone", value = "x" } },
            { tag = "one" },
            { set_hub_status = "Unpaid" },
            { route_to = "3pl-a" },
            { hold_until = "2026-06-01T00:00:00Z" },
            { set_shipping_method = "Ground" },
        ]

        [[rules]]
        name = "second"
        on = ["order_imported", "order_changed"]
        when = { field = "ship_country", equals = "US" }
        actions = [
            { move_to_folder = "US" },
            { set_metadata = { key = "batch", value = "B" } },
            { remove_metadata = "gone" },
            { tag = "two" },
            { tag = "one" },
            { set_hub_status = "OnHold" },
            { route_to = "3pl-b" },
            { hold_for_hours = 24 },
            { set_shipping_method = "Express" },
        ]

        [[rules]]
        name = "never"
        on = "order_imported"
        when = { field = "ship_country", equals = "CA" }
        actions = [{ move_to_folder = "Canada" }]

        [[rules]]
        name = "disabled"
        enabled = false
        on = "order_imported"
        actions = [{ move_to_folder = "Disabled" }]
        "#,
    )
    .unwrap();
    let d = imported(&rules, &order("1"));
    assert_eq!(d.folder.as_deref(), Some("US"));
    assert_eq!(d.metadata.get("batch"), Some(&MetadataChange::Set("B".into())));
    assert_eq!(d.metadata.get("keep"), Some(&MetadataChange::Set("1".into())));
    assert_eq!(d.metadata.get("gone"), Some(&MetadataChange::Remove));
    assert_eq!(
        d.tags.iter().map(String::as_str).collect::<Vec<_>>(),
        ["one", "two"]
    );
    assert_eq!(d.hub_status, Some(HubStatus::OnHold));
    assert_eq!(d.route_to.as_deref(), Some("3pl-b"));
    assert_eq!(
        d.hold_until,
        Some(t0() + Duration::hours(24)),
        "relative holds count from the context's time"
    );
    assert_eq!(d.shipping_method.as_deref(), Some("Express"));
    assert!(d.is_admitted());
    let names: Vec<_> = d.trace.iter().map(|f| (f.index, f.name.to_string())).collect();
    assert_eq!(names, [(1, "first".to_owned()), (2, "second".to_owned())]);

    // Only the rules for the event run.
    let s = settings();
    let o = order("1");
    let d = rules.evaluate(
        PolicyEvent::OrderChanged(&o),
        &ImportContext::new(&s, &NoInventory, t0()),
    );
    assert_eq!(d.trace.len(), 1);
    assert_eq!(d.folder.as_deref(), Some("US"));
    let d = rules.evaluate(
        PolicyEvent::OrderCanceled(&o),
        &ImportContext::new(&s, &NoInventory, t0()),
    );
    assert_eq!(d, ImportDecision::default());

    // Applying the decision to the order.
    let mut o = order("1");
    o.metadata.set("gone", "was here");
    imported(&rules, &o.clone()).apply_to(&mut o);
    assert_eq!(o.folder.as_deref(), Some("US"));
    assert_eq!(o.hub_status, HubStatus::OnHold);
    assert_eq!(o.metadata.get("batch"), Some("B"));
    assert_eq!(o.metadata.get("gone"), None);
    assert!(o.tags.contains("two"));
}

#[test]
fn stop_processing_and_skip() {
    let rules = RuleSet::from_toml(
        r#"
        [[rules]]
        name = "no samples"
        on = "order_imported"
        when = { any_line = { field = "line.sku", starts_with = "SAMPLE" } }
        actions = [{ skip_import = "samples are handled by hand" }, "stop_processing"]

        [[rules]]
        name = "everything else"
        on = "order_imported"
        actions = [{ tag = "seen" }]
        "#,
    )
    .unwrap();
    let mut sample = order("1");
    sample.lines[0].sku = Some("SAMPLE-1".into());
    let d = imported(&rules, &sample);
    assert_eq!(
        d.admission,
        Admission::Skip(SkipReason::Rule {
            rule: "no samples".into(),
            reason: "samples are handled by hand".into()
        })
    );
    assert!(d.tags.is_empty(), "stop_processing ends the run");
    assert_eq!(d.trace.len(), 1);
    let d = imported(&rules, &order("2"));
    assert!(d.is_admitted() && d.tags.contains("seen"));
}

#[test]
fn shipment_and_inventory_events() {
    let rules = RuleSet::from_toml(
        r#"
        [[rules]]
        name = "RM spellings"
        on = "shipment_sending"
        when = { field = "shipment.carrier", matches = "^rm[- ]?(24|48)$" }
        actions = [{ coerce_carrier = "royal mail" }, { set_shipping_method = "Tracked 48" }]

        [[rules]]
        name = "skip marked items"
        on = "inventory_syncing"
        when = { any = [{ field = "item.metadata.amazon_skip", equals = 1 }, { field = "item.skip", equals = true }] }
        actions = [{ skip_import = "amazon_skip" }]
        "#,
    )
    .unwrap();
    let s = settings();
    let ctx = ImportContext::new(&s, &NoInventory, t0());
    let o = order("1");
    let sh = shipment(&o, "RM-48", t0());
    let d = rules.evaluate(
        PolicyEvent::ShipmentSending {
            order: &o,
            shipment: &sh,
        },
        &ctx,
    );
    assert_eq!(
        d.carrier,
        Some(CarrierChoice {
            code: "Royal Mail".into(),
            name: None
        })
    );
    assert_eq!(d.shipping_method.as_deref(), Some("Tracked 48"));
    let sh = shipment(&o, "UPS", t0());
    assert!(rules
        .evaluate(
            PolicyEvent::ShipmentSending {
                order: &o,
                shipment: &sh
            },
            &ctx
        )
        .trace
        .is_empty());

    let mut item = InventoryItem::new("SKU-A", 4);
    assert!(rules
        .evaluate(PolicyEvent::InventorySyncing(&item), &ctx)
        .is_admitted());
    item.metadata.set("amazon_skip", "1");
    assert!(!rules
        .evaluate(PolicyEvent::InventorySyncing(&item), &ctx)
        .is_admitted());
}

fn rule_err(toml_rules: &str) -> RuleError {
    RuleSet::from_toml(toml_rules).expect_err("should not compile")
}

fn one(when: &str) -> String {
    format!("[[rules]]\nname = \"AFN to Closed\"\non = \"order_imported\"\nwhen = {when}\n")
}

#[test]
fn errors_name_the_rule_and_the_field() {
    let err = rule_err(&one(
        r#"{ field = "metadat.amazon_fulfillment_channel", equals = "AFN" }"#,
    ));
    let msg = err.to_string();
    assert!(
        msg.starts_with("rule 1 (\"AFN to Closed\"): field `metadat.amazon_fulfillment_channel` is unknown"),
        "{msg}"
    );
    assert!(
        msg.contains("did you mean `metadata.amazon_fulfillment_channel`"),
        "{msg}"
    );
    assert!(msg.contains("known fields: id, seller_id"), "{msg}");
    assert!(matches!(
        err,
        RuleError::Rule {
            index: 1,
            kind: RuleErrorKind::UnknownField { .. },
            ..
        }
    ));

    // The position counts: the third rule is named as rule 3.
    let text = format!(
        "{}{}{}",
        one(r#"{ field = "id", equals = "1" }"#),
        one(r#"{ field = "id", equals = "2" }"#),
        one(r#"{ field = "line.skuu", equals = "x" }"#).replace("AFN to Closed", "third")
    );
    let msg = rule_err(&text).to_string();
    assert!(
        msg.starts_with("rule 3 (\"third\"): field `line.skuu` is unknown (did you mean `line.sku`?)"),
        "{msg}"
    );

    let table: &[(&str, &str)] = &[
        (
            r#"{ field = "line.sku", equals = "x" }"#,
            "field `line.sku` is a line field: test it inside `any_line`",
        ),
        (
            r#"{ field = "order_total", contains = "5" }"#,
            "field `order_total` holds a number, which `contains` cannot test",
        ),
        (
            r#"{ field = "ship_country", greater_than = 5 }"#,
            "field `ship_country` holds text, which `greater_than` cannot test",
        ),
        (
            r#"{ field = "order_total", greater_than = "lots" }"#,
            "field `order_total`: `greater_than` needs a number, got `lots`",
        ),
        (
            r#"{ field = "prime", equals = "maybe" }"#,
            "field `prime`: `equals` needs true or false, got `maybe`",
        ),
        (
            r#"{ field = "purchased_at", less_than = "yesterday" }"#,
            "field `purchased_at`: `less_than` needs an RFC 3339 time",
        ),
        (
            r#"{ field = "metadata.x", matches = "(" }"#,
            "field `metadata.x`: the regular expression in `matches` does not compile",
        ),
        (
            r#"{ field = "shipment.carrier", equals = "UPS" }"#,
            "field `shipment.carrier` is not available on event `order_imported`",
        ),
        (
            r#"{ field = "id", equals = "1", contains = "1" }"#,
            "this one has `field`, `equals`, `contains`",
        ),
        (r#"{ field = "id" }"#, "a condition needs exactly one of"),
        (r#"{ equals = "1" }"#, "this one has `equals`"),
        (r#"{ }"#, "this one is empty"),
        (r#"{ all = [], any = [] }"#, "this one has `all`, `any`"),
        (
            r#"{ any_line = { all_lines = { field = "line.sku", equals = "x" } } }"#,
            "line quantifiers cannot be nested (`all_lines`",
        ),
    ];
    for (when, want) in table {
        let msg = rule_err(&one(when)).to_string();
        assert!(msg.starts_with("rule 1 (\"AFN to Closed\"): "), "{msg}");
        assert!(msg.contains(want), "{when}: {msg}");
    }
}

#[test]
fn errors_in_events_actions_and_shape() {
    let table: &[(&str, &str)] = &[
        ("[[rules]]\nname = \"r\"\non = \"order_imported\"\nwhen = { field = \"id\", equlas = \"1\" }\n", "rule 1 (\"r\"): at `when.equlas`: unknown field `equlas`"),
        ("[[rules]]\nname = \"r\"\non = \"order_import\"\n", "event `order_import` is unknown (did you mean `order_imported`?)"),
        ("[[rules]]\nname = \"r\"\non = []\n", "reacts to no event"),
        ("[[rules]]\nname = \" \"\non = \"order_imported\"\n", "rule 1: the rule needs a non-empty `name`"),
        ("[[rules]]\non = \"order_imported\"\n", "rule 1: at `.`: missing field `name`"),
        ("[[rules]]\nname = \"r\"\non = \"order_imported\"\nactions = [{ coerce_carrier = \"UPS\" }]\n", "action `coerce_carrier`: carriers are chosen when a shipment is sent"),
        ("[[rules]]\nname = \"r\"\non = \"shipment_sending\"\nactions = [{ coerce_carrier = \"Royal Male\" }]\n", "did you mean `Royal Mail`"),
        ("[[rules]]\nname = \"r\"\non = \"order_imported\"\nactions = [{ hold_until = \"soon\" }]\n", "action `hold_until`: `soon` is not an RFC 3339 time"),
        ("[[rules]]\nname = \"r\"\non = \"order_imported\"\nactions = [{ move_to_folder = \"\" }]\n", "action `move_to_folder`: needs a non-empty value"),
        ("[[rules]]\nname = \"r\"\non = \"order_imported\"\nactions = [{ launch_rockets = true }]\n", "rule 1 (\"r\"): at `actions[0]`: unknown variant `launch_rockets`"),
        ("[[rules]]\nname = \"r\"\non = \"inventory_syncing\"\nwhen = { field = \"id\", equals = \"1\" }\n", "field `id` is not available on event `inventory_syncing`"),
        ("[[rules]]\nname = \"r\"\non = [\"order_imported\", \"inventory_syncing\"]\nwhen = { field = \"item.sku\", equals = \"1\" }\n", "`item.*` fields exist only on `inventory_syncing`"),
        ("[[rules]]\nname = \"r\"\non = \"order_imported\"\nsalience = 3\n", "unknown field `salience`"),
        ("rules = 5", "`rules` is not a list"),
        ("rule = []", "unknown key `rule`"),
        ("[[rules]\nname = 1", "the rule file is not valid TOML"),
    ];
    for (text, want) in table {
        let msg = rule_err(text).to_string();
        assert!(msg.contains(want), "{text}\n=> {msg}");
    }
    let msg = RuleSet::from_json("{\"rules\": [").unwrap_err().to_string();
    assert!(msg.starts_with("the rule file is not valid JSON"), "{msg}");
    assert!(matches!(
        RuleSet::from_json("[]").unwrap_err(),
        RuleError::Layout { .. }
    ));
    assert!(RuleSet::from_json("{}").unwrap().is_empty());
    assert!(RuleSet::from_toml("").unwrap().is_empty());
}

#[test]
fn rule_files_round_trip_between_toml_and_json() {
    let file = parse_rule_file(
        r#"
        [[rules]]
        name = "a"
        on = ["order_imported", "order_changed"]
        when = { all = [{ field = "order_total", greater_than = 10.5 }, { any_line = { field = "line.sku", in = ["A", "B", 3] } }] }
        actions = [{ set_metadata = { key = "k", value = true } }, { hold_for_hours = 2 }, "stop_processing"]

        [[rules]]
        name = "b"
        enabled = false
        on = "shipment_sending"
        actions = [{ coerce_carrier = "UPS" }]
        "#,
        RuleFormat::Toml,
    )
    .unwrap();
    let toml_text = file.to_toml().unwrap();
    assert_eq!(
        parse_rule_file(&toml_text, RuleFormat::Toml).unwrap(),
        file,
        "{toml_text}"
    );
    let json_text = file.to_json();
    assert_eq!(
        parse_rule_file(&json_text, RuleFormat::Json).unwrap(),
        file,
        "{json_text}"
    );
    assert_eq!(RuleSet::compile(&file).unwrap().len(), 2);
}

#[test]
fn readme_rule_file_compiles() {
    let readme = include_str!("../../README.md");
    let start = readme.find("```toml\n").expect("README has a TOML sample") + "```toml\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let rules = RuleSet::from_toml(&readme[start..end]).unwrap();
    assert_eq!(rules.names().map(|n| n.to_string()).collect::<Vec<_>>().len(), 3);
    let mut uk = with_country(order("1"), "GB");
    uk.lines[0].sku = Some("WH-22".into());
    let d = imported(&rules, &uk);
    assert_eq!(d.route_to.as_deref(), Some("warehouse-east"));
    let d = imported(&rules, &with_country(afn(order("2")), "GB"));
    assert_eq!((d.folder.as_deref(), d.route_to), (Some("Closed"), None));
    assert_eq!(d.trace.len(), 1, "stop_processing after the AFN rule");
}

#[test]
fn times_in_toml_may_be_native_datetimes() {
    let rules = RuleSet::from_toml(
        "[[rules]]\nname = \"r\"\non = \"order_imported\"\nwhen = { field = \"purchased_at\", less_than = 2026-06-01T00:00:00Z }\nactions = [{ hold_until = 2026-07-01T00:00:00Z }]\n",
    )
    .unwrap();
    let d = imported(&rules, &order("1"));
    assert_eq!(
        d.hold_until,
        Some(Utc.with_ymd_and_hms(2026, 7, 1, 0, 0, 0).unwrap())
    );
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let deep_toml = format!("x = {}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(RuleSet::from_toml(&deep_toml).is_err());
    let deep_json = format!("{{\"rules\": {}{}}}", "[".repeat(5000), "]".repeat(5000));
    assert!(RuleSet::from_json(&deep_json).is_err());
    // Nesting within the parsers' limits compiles and evaluates.
    let mut when = r#"{ field = "id", equals = "1" }"#.to_owned();
    for _ in 0..20 {
        when = format!("{{ all = [{when}] }}");
    }
    assert!(fires(&when, &order("1")));
}

#[test]
fn many_metadata_keys_in_one_rule_set_read_their_own_values() {
    // More distinct keys than the evaluator's lookup cache holds, each tested by several rules.
    let mut text = String::new();
    for k in 0..20 {
        for (n, v) in [("a", format!("v{k}")), ("b", format!("x{k}"))] {
            text.push_str(&format!(
                "[[rules]]\nname = \"{k}{n}\"\non = \"order_imported\"\nwhen = {{ field = \"metadata.k{k}\", equals = \"{v}\" }}\nactions = [{{ tag = \"{k}{n}\" }}]\n"
            ));
        }
    }
    let rules = RuleSet::from_toml(&text).unwrap();
    let mut o = order("1");
    for k in 0..20 {
        o.metadata.set(
            format!("k{k}"),
            if k % 2 == 0 {
                format!("v{k}")
            } else {
                format!("x{k}")
            },
        );
    }
    let d = imported(&rules, &o);
    for k in 0..20 {
        assert_eq!(d.tags.contains(&format!("{k}a")), k % 2 == 0, "key {k}");
        assert_eq!(d.tags.contains(&format!("{k}b")), k % 2 == 1, "key {k}");
    }
    assert_eq!(d.trace.len(), 20);
}
