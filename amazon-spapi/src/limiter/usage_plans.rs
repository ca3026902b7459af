//! Amazon's default usage plans (rate and burst) for every operation in the official models.
//!
//! The table in [`generated`] is produced from the "Usage Plan" table in each operation's description in
//! `shared/spapi-models/models/*/*.json` by the test `foundation_usage_plans` (run it with
//! `UPDATE_USAGE_PLANS=1` to rewrite the file; without it the test fails when the file and the models
//! disagree). Sandbox-only operations have no usage plan and are not listed.

use crate::operation::{Operation, UsagePlan};

pub mod generated;

pub use generated::USAGE_PLANS;

/// One row of the usage-plan table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UsagePlanEntry {
    /// API name from the model's directory, for example `orders`, `fba-inventory`.
    pub api: &'static str,
    /// API version from the model's `info.version`, for example `v0` or `2026-01-01`.
    pub version: &'static str,
    /// Operation id, for example `getOrders`.
    pub operation: &'static str,
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path template.
    pub path: &'static str,
    /// Default rate and burst.
    pub plan: UsagePlan,
}

fn normalize(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
}

fn same(a: &str, b: &str) -> bool {
    normalize(a).eq(normalize(b))
}

/// The entry for `operation` of `api` `version`. API names compare loosely (`fba-inventory`,
/// `fbaInventory` and `fba_inventory` are the same).
pub fn lookup(api: &str, version: &str, operation: &str) -> Option<&'static UsagePlanEntry> {
    USAGE_PLANS
        .iter()
        .find(|e| e.operation == operation && same(e.version, version) && same(e.api, api))
}

/// The default plan for `api` `version` `operation`.
pub fn plan(api: &str, version: &str, operation: &str) -> Option<UsagePlan> {
    lookup(api, version, operation).map(|e| e.plan)
}

/// The table's plan for an operation descriptor (compare with [`Operation::usage_plan`]).
pub fn plan_for(op: &Operation) -> Option<UsagePlan> {
    plan(op.api, op.version, op.name)
}
