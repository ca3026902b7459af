#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

pub mod carriers;
pub mod country;
pub mod filters;
pub mod mappings;
pub mod policy;
pub mod redaction;
pub mod rules;
mod text;

pub use carriers::{CarrierError, CarrierList};
pub use country::{CountryCode, CountryFilter, CountryFilterError, CountryMode};
pub use filters::{FilterSettings, ImportToggles, LocationFilter, MissingSku};
pub use mappings::{MappingError, Mappings, PaymentMapping, ShippingMethodMapping, StatusMapping, TextMap};
pub use policy::RulesPolicy;
pub use redaction::{RedactionSchedule, ScheduledRedaction};
pub use rules::{RuleError, RuleErrorKind, RuleFile, RuleFormat, RuleSet};
