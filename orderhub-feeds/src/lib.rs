#![doc = include_str!("../README.md")]
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used, clippy::panic))]
#![warn(missing_docs)]

pub mod carrier;
pub mod config;
pub mod confirm;
mod hash;
pub mod inventory;
mod json;
pub mod listings;
mod plan;
pub mod report;
pub mod xml;

use orderhub_core::policy::outbound::{
    FeedOutcome, OutboundInput, OutboundPlan, OutboundPlanner, ReportReadError,
};
use orderhub_core::{FeedRecord, OutboxEntry};

pub use carrier::{AmazonCarrierList, Carrier, CarrierResolver};
pub use config::{ConfirmationMode, FeedLimits, PlannerConfig};
pub use confirm::{cancel_all_lines, shipment_with_order_lines, ConfirmShipmentRequest};
pub use inventory::{inventory_updates, InventorySelection, SkipReason};
pub use report::{parse_listings_report, parse_processing_report, reconcile, ParsedReport, ReportError};

/// The outbound planner: implements [`OutboundPlanner`] for the sync engine. Pure: no I/O, no clock, no
/// randomness; the same input gives the same plan.
#[derive(Debug, Clone, Default)]
pub struct FeedPlanner {
    config: PlannerConfig,
}

impl FeedPlanner {
    /// A planner with `config`.
    pub fn new(config: PlannerConfig) -> Self {
        FeedPlanner { config }
    }

    /// The configuration.
    pub fn config(&self) -> &PlannerConfig {
        &self.config
    }
}

impl OutboundPlanner for FeedPlanner {
    fn plan(&self, input: &OutboundInput<'_>) -> OutboundPlan {
        plan::plan(&self.config, input)
    }

    fn read_report(
        &self,
        record: &FeedRecord,
        carried: &[OutboxEntry],
        document: &[u8],
    ) -> Result<FeedOutcome, ReportReadError> {
        report::read_report(record, carried, document)
    }
}
