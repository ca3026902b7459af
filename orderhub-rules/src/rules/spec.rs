//! The rule file as written (serde, JSON and TOML). [`crate::rules::RuleSet`] compiles it.

use serde::{Deserialize, Serialize};

/// A rule file: `rules`, run in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The rules, in the order they run.
    #[serde(default)]
    pub rules: Vec<RuleSpec>,
}

/// One rule: when one of its events happens and its condition holds, its actions apply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// A name for people; errors and traces use it.
    pub name: String,
    /// Disabled rules are compiled (and checked) but never run.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub enabled: bool,
    /// The events it reacts to: `order_imported`, `order_changed`, `order_canceled`, `shipment_sending`,
    /// `inventory_syncing` (one name or a list).
    pub on: OneOrMany,
    /// The condition; none means "always".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<ConditionSpec>,
    /// What to do, in order.
    #[serde(default)]
    pub actions: Vec<ActionSpec>,
}

fn yes() -> bool {
    true
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_true(b: &bool) -> bool {
    *b
}

/// One value or a list of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    /// One.
    One(String),
    /// Several.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values.
    pub fn as_slice(&self) -> &[String] {
        match self {
            OneOrMany::One(s) => std::slice::from_ref(s),
            OneOrMany::Many(v) => v,
        }
    }
}

/// A literal in a condition or an action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float (kept exact as decimal where possible).
    Float(f64),
    /// Text.
    Text(String),
}

impl Scalar {
    /// The value as text (`true`, `42`, `1.5`, or the text itself).
    pub fn to_text(&self) -> String {
        match self {
            Scalar::Bool(b) => b.to_string(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
            Scalar::Text(s) => s.clone(),
        }
    }
}

/// A condition. Exactly one form per condition:
///
/// - a test: `field` plus exactly one operator (`equals`, `not_equals`, `contains`, `starts_with`,
///   `ends_with`, `in`, `greater_than`, `less_than`, `is_blank`, `matches`), and optionally `case_sensitive`
///   (text comparisons ignore ASCII case by default);
/// - a group: `all`, `any` or `none` of a list of conditions;
/// - a line quantifier: `any_line`, `all_lines` or `no_line` with a condition on `line.*` fields.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionSpec {
    /// The field tested, for example `metadata.amazon_fulfillment_channel` or `line.sku`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Equal to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<Scalar>,
    /// Not equal to (a missing value is "not equal").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_equals: Option<Scalar>,
    /// Contains the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contains: Option<String>,
    /// Starts with the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_with: Option<String>,
    /// Ends with the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_with: Option<String>,
    /// Equal to one of these.
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    pub in_list: Option<Vec<Scalar>>,
    /// Greater than (numbers, money amounts, RFC 3339 times).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greater_than: Option<Scalar>,
    /// Less than.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub less_than: Option<Scalar>,
    /// `true`: missing, empty or only spaces; `false`: the opposite.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_blank: Option<bool>,
    /// Matches the regular expression (Rust `regex` syntax, unanchored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matches: Option<String>,
    /// Compare text with case (default: ASCII case ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_sensitive: Option<bool>,
    /// All of these hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<ConditionSpec>>,
    /// At least one holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<ConditionSpec>>,
    /// None holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub none: Option<Vec<ConditionSpec>>,
    /// At least one line satisfies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any_line: Option<Box<ConditionSpec>>,
    /// Every line satisfies it (true for an order without lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all_lines: Option<Box<ConditionSpec>>,
    /// No line satisfies it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_line: Option<Box<ConditionSpec>>,
}

impl ConditionSpec {
    /// `field` equals `value`.
    pub fn equals(field: &str, value: impl Into<String>) -> Self {
        ConditionSpec {
            field: Some(field.to_owned()),
            equals: Some(Scalar::Text(value.into())),
            ..Self::default()
        }
    }

    /// `field` does not equal `value`.
    pub fn not_equals(field: &str, value: impl Into<String>) -> Self {
        ConditionSpec {
            field: Some(field.to_owned()),
            not_equals: Some(Scalar::Text(value.into())),
            ..Self::default()
        }
    }

    /// All of `conditions`.
    pub fn all(conditions: Vec<ConditionSpec>) -> Self {
        ConditionSpec {
            all: Some(conditions),
            ..Self::default()
        }
    }
}

/// A key and a value for `set_metadata`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyValue {
    /// The key.
    pub key: String,
    /// The value.
    pub value: Scalar,
}

/// An action. Written as a one-key table (`{ move_to_folder = "Closed" }`), or the bare string
/// `"stop_processing"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionSpec {
    /// Put the order in this folder.
    MoveToFolder(String),
    /// Set order metadata (line and item metadata are not changed by rules).
    SetMetadata(KeyValue),
    /// Remove an order metadata key.
    RemoveMetadata(String),
    /// Add a tag.
    Tag(String),
    /// Set the hub status (`New`, `Unpaid`, `OnHold`, `Closed` ... or the integrator's own).
    SetHubStatus(String),
    /// Route the order to a fulfillment service (for example `amazon-mcf`).
    RouteTo(String),
    /// Hold until this RFC 3339 time.
    HoldUntil(String),
    /// Hold for this many hours from the time of the decision.
    HoldForHours(u32),
    /// Skip: do not import the order (or do not send the shipment / sync the stock), for this reason.
    SkipImport(String),
    /// Use this Amazon carrier code for the shipment (`shipment_sending` only).
    CoerceCarrier(String),
    /// Set the shipping method.
    SetShippingMethod(String),
    /// Run no further rules for this event.
    StopProcessing,
}

impl ActionSpec {
    /// The name rule files use for the action.
    pub fn name(&self) -> &'static str {
        match self {
            ActionSpec::MoveToFolder(_) => "move_to_folder",
            ActionSpec::SetMetadata(_) => "set_metadata",
            ActionSpec::RemoveMetadata(_) => "remove_metadata",
            ActionSpec::Tag(_) => "tag",
            ActionSpec::SetHubStatus(_) => "set_hub_status",
            ActionSpec::RouteTo(_) => "route_to",
            ActionSpec::HoldUntil(_) => "hold_until",
            ActionSpec::HoldForHours(_) => "hold_for_hours",
            ActionSpec::SkipImport(_) => "skip_import",
            ActionSpec::CoerceCarrier(_) => "coerce_carrier",
            ActionSpec::SetShippingMethod(_) => "set_shipping_method",
            ActionSpec::StopProcessing => "stop_processing",
        }
    }
}
