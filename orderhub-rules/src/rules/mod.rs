//! The rule engine: rules as data (JSON or TOML), compiled once, evaluated without allocating.
//!
//! A rule names the events it reacts to, an optional condition and a list of actions. Rules run in file
//! order; when a rule's condition holds its actions apply, later actions overriding earlier ones field by
//! field (metadata key by key), and the rule goes into the decision's trace. `stop_processing` ends the
//! run. Conditions see the subject as it came in (the order, shipment or inventory item), not the changes
//! earlier rules decided: evaluation is order-independent for conditions and deterministic.
//!
//! Compiling resolves every field name to an accessor, checks each operator against the field's kind,
//! parses numbers, times and carrier codes, and compiles regular expressions; any mistake is an error
//! naming the rule (position and name) and the field.

mod anchored;
mod compile;
mod eval;
mod fields;
mod plan;
pub mod spec;

use std::fmt;
use std::sync::Arc;

use orderhub_core::policy::import::{ImportContext, ImportDecision, PolicyEvent};

use crate::carriers::CarrierList;
pub use spec::{ActionSpec, ConditionSpec, KeyValue, OneOrMany, RuleFile, RuleSpec, Scalar};

/// The formats rule files come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RuleFormat {
    /// TOML (`[[rules]]` tables).
    Toml,
    /// JSON (`{"rules": [...]}`).
    Json,
}

impl fmt::Display for RuleFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RuleFormat::Toml => "TOML",
            RuleFormat::Json => "JSON",
        })
    }
}

/// A mistake in a rule file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleError {
    /// The text is not valid TOML / JSON.
    #[error("the rule file is not valid {format}: {message}")]
    Syntax {
        /// The format expected.
        format: RuleFormat,
        /// The parser's message (with line and column).
        message: String,
    },
    /// The document is valid but not shaped like a rule file.
    #[error("the rule file must be a table whose only key is `rules`, a list of rules: {message}")]
    Layout {
        /// What is wrong.
        message: String,
    },
    /// A mistake in one rule.
    #[error("rule {index}{}: {kind}", name_part(.name.as_deref()))]
    Rule {
        /// The rule's position in the file (1-based).
        index: usize,
        /// Its name, when it has one.
        name: Option<String>,
        /// What is wrong.
        kind: RuleErrorKind,
    },
}

fn name_part(name: Option<&str>) -> String {
    name.map(|n| format!(" ({n:?})")).unwrap_or_default()
}

fn did_you_mean(s: Option<&str>) -> String {
    s.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default()
}

/// What is wrong with a rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RuleErrorKind {
    /// A key, type or shape the rule format does not allow.
    #[error("at `{path}`: {message}")]
    Invalid {
        /// Where in the rule (`when.all[1].equals`).
        path: String,
        /// The decoder's message.
        message: String,
    },
    /// An event name that does not exist.
    #[error("event `{event}` is unknown{}; events are order_imported, order_changed, order_canceled, shipment_sending, inventory_syncing", did_you_mean(.suggestion.as_deref()))]
    UnknownEvent {
        /// The name written.
        event: String,
        /// The closest event name.
        suggestion: Option<String>,
    },
    /// `on` is empty.
    #[error("the rule reacts to no event; set `on`, for example `on = \"order_imported\"`")]
    NoEvents,
    /// The name is empty.
    #[error("the rule needs a non-empty `name`")]
    NoName,
    /// A field name that does not exist.
    #[error("field `{field}` is unknown{}; known fields: {known}", did_you_mean(.suggestion.as_deref()))]
    UnknownField {
        /// The name written.
        field: String,
        /// The closest field name.
        suggestion: Option<String>,
        /// Every field name.
        known: String,
    },
    /// A field the rule's events do not provide.
    #[error("field `{field}` is not available on event `{event}`; {hint}")]
    FieldNotAvailable {
        /// The field.
        field: String,
        /// The event that lacks it.
        event: String,
        /// What to do.
        hint: &'static str,
    },
    /// A line field outside a line quantifier.
    #[error("field `{field}` is a line field: test it inside `any_line`, `all_lines` or `no_line`")]
    LineFieldOutsideQuantifier {
        /// The field.
        field: String,
    },
    /// A line quantifier inside another.
    #[error(
        "line quantifiers cannot be nested (`{inner}` inside another quantifier); combine the tests in one"
    )]
    NestedQuantifier {
        /// The inner quantifier.
        inner: &'static str,
    },
    /// A condition with no form, or more than one.
    #[error("a condition needs exactly one of: `field` with one operator ({ops}); `all`, `any`, `none`; `any_line`, `all_lines`, `no_line`{found}", ops = OPERATORS, found = found_part(.found))]
    ConditionShape {
        /// What the condition had.
        found: Vec<String>,
    },
    /// An operator the field's kind does not support.
    #[error("field `{field}` holds {kind}, which `{op}` cannot test{hint}")]
    OperatorNotForField {
        /// The field.
        field: String,
        /// The operator.
        op: &'static str,
        /// What the field holds.
        kind: &'static str,
        /// A suggestion.
        hint: &'static str,
    },
    /// A value that does not fit the field.
    #[error("field `{field}`: `{op}` needs {expected}, got `{value}`")]
    BadValue {
        /// The field.
        field: String,
        /// The operator.
        op: &'static str,
        /// What was expected.
        expected: &'static str,
        /// The value given (truncated).
        value: String,
    },
    /// A regular expression that does not compile.
    #[error("field `{field}`: the regular expression in `matches` does not compile: {message}")]
    BadRegex {
        /// The field.
        field: String,
        /// The regex compiler's message.
        message: String,
    },
    /// An action with a bad argument.
    #[error("action `{action}`: {message}")]
    BadAction {
        /// The action.
        action: &'static str,
        /// What is wrong and what to do.
        message: String,
    },
}

const OPERATORS: &str =
    "equals, not_equals, contains, starts_with, ends_with, in, greater_than, less_than, is_blank, matches";

fn found_part(found: &[String]) -> String {
    if found.is_empty() {
        "; this one is empty".to_owned()
    } else {
        format!("; this one has {}", found.join(", "))
    }
}

/// A compiled rule set, ready to evaluate.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<compile::CompiledRule>,
    source: RuleFile,
}

impl RuleSet {
    /// An empty rule set.
    pub fn empty() -> Self {
        Self::default()
    }

    /// Parses and compiles a TOML rule file.
    ///
    /// # Errors
    /// [`RuleError`]: a syntax error, or a mistake naming the rule and the field.
    pub fn from_toml(text: &str) -> Result<Self, RuleError> {
        Self::parse(text, RuleFormat::Toml)
    }

    /// Parses and compiles a JSON rule file.
    ///
    /// # Errors
    /// [`RuleError`]: a syntax error, or a mistake naming the rule and the field.
    pub fn from_json(text: &str) -> Result<Self, RuleError> {
        Self::parse(text, RuleFormat::Json)
    }

    /// Parses and compiles a rule file in `format`.
    ///
    /// # Errors
    /// [`RuleError`]: a syntax error, or a mistake naming the rule and the field.
    pub fn parse(text: &str, format: RuleFormat) -> Result<Self, RuleError> {
        Self::compile(&parse_rule_file(text, format)?)
    }

    /// Compiles rules already decoded, checking carrier codes against Amazon's list.
    ///
    /// # Errors
    /// [`RuleError::Rule`] naming the rule and the field.
    pub fn compile(file: &RuleFile) -> Result<Self, RuleError> {
        Self::compile_with(file, &CarrierList::amazon())
    }

    /// Compiles rules, checking carrier codes against `carriers`.
    ///
    /// # Errors
    /// [`RuleError::Rule`] naming the rule and the field.
    pub fn compile_with(file: &RuleFile, carriers: &CarrierList) -> Result<Self, RuleError> {
        let mut meta_keys = Vec::new();
        let rules = file
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                compile::compile_rule(i + 1, r, carriers, &mut meta_keys).map_err(|kind| RuleError::Rule {
                    index: i + 1,
                    name: (!r.name.trim().is_empty()).then(|| r.name.clone()),
                    kind,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(RuleSet {
            rules,
            source: file.clone(),
        })
    }

    /// The rules as written.
    pub fn source(&self) -> &RuleFile {
        &self.source
    }

    /// The number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The rules' names, in order.
    pub fn names(&self) -> impl Iterator<Item = &Arc<str>> {
        self.rules.iter().map(|r| &r.name)
    }

    /// Runs the rules for `event` and returns what they decided.
    pub fn evaluate(&self, event: PolicyEvent<'_>, ctx: &ImportContext<'_>) -> ImportDecision {
        let mut out = ImportDecision::default();
        self.evaluate_into(event, ctx, &mut out);
        out
    }

    /// Runs the rules for `event`, applying their actions on top of `out` (which may already hold the
    /// mappings' decisions); rules that fire are appended to `out.trace`. Reusing one `out` (after
    /// [`ImportDecision::clear`]) evaluates without allocating unless actions write new text.
    pub fn evaluate_into(&self, event: PolicyEvent<'_>, ctx: &ImportContext<'_>, out: &mut ImportDecision) {
        eval::run(&self.rules, event, ctx, out);
    }

    /// [`RuleSet::evaluate_into`] with the generic evaluator: every test goes through the general value
    /// comparison instead of the plan specialised at compile time. The results are the same (the tests
    /// check it); this is the reference the specialised plans are checked against and the same-process
    /// baseline of the `rules` benchmark. Slower: use [`RuleSet::evaluate_into`].
    pub fn evaluate_reference_into(
        &self,
        event: PolicyEvent<'_>,
        ctx: &ImportContext<'_>,
        out: &mut ImportDecision,
    ) {
        eval::run_reference(&self.rules, event, ctx, out);
    }
}

/// Decodes a rule file without compiling it. Errors in one rule name the rule.
///
/// # Errors
/// [`RuleError`].
pub fn parse_rule_file(text: &str, format: RuleFormat) -> Result<RuleFile, RuleError> {
    let value = match format {
        RuleFormat::Json => {
            serde_json::from_str::<serde_json::Value>(text).map_err(|e| RuleError::Syntax {
                format,
                message: e.to_string(),
            })?
        }
        RuleFormat::Toml => {
            let table = toml::from_str::<toml::Table>(text).map_err(|e| RuleError::Syntax {
                format,
                message: e.message().to_owned() + &toml_location(&e),
            })?;
            toml_to_json(toml::Value::Table(table))
        }
    };
    let serde_json::Value::Object(map) = value else {
        return Err(RuleError::Layout {
            message: "the document is not a table".to_owned(),
        });
    };
    if let Some(k) = map.keys().find(|k| k.as_str() != "rules") {
        return Err(RuleError::Layout {
            message: format!("unknown key `{}`", truncate(k, 64)),
        });
    }
    let rules = match map.get("rules") {
        None => return Ok(RuleFile::default()),
        Some(serde_json::Value::Array(a)) => a,
        Some(_) => {
            return Err(RuleError::Layout {
                message: "`rules` is not a list".to_owned(),
            })
        }
    };
    let mut out = Vec::with_capacity(rules.len());
    for (i, r) in rules.iter().enumerate() {
        let name = r
            .get("name")
            .and_then(serde_json::Value::as_str)
            .filter(|s| !s.trim().is_empty())
            .map(|s| truncate(s, 200));
        let spec: RuleSpec = serde_path_to_error::deserialize(r).map_err(|e| RuleError::Rule {
            index: i + 1,
            name: name.clone(),
            kind: RuleErrorKind::Invalid {
                path: e.path().to_string(),
                message: e.inner().to_string(),
            },
        })?;
        out.push(spec);
    }
    Ok(RuleFile { rules: out })
}

impl RuleFile {
    /// The file as TOML.
    ///
    /// # Errors
    /// [`RuleError::Layout`] if a value cannot be written as TOML (TOML has no null).
    pub fn to_toml(&self) -> Result<String, RuleError> {
        toml::to_string(self).map_err(|e| RuleError::Layout {
            message: e.to_string(),
        })
    }

    /// The file as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn toml_location(e: &toml::de::Error) -> String {
    e.span()
        .map(|s| format!(" (at byte {})", s.start))
        .unwrap_or_default()
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// TOML to JSON, with TOML date-times as RFC 3339 text.
fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect()),
    }
}
