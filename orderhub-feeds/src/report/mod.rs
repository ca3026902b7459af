//! Processing reports: the XML `ProcessingReport` of order feeds and the JSON listings processing report
//! (schema v2), parsed into one common form and tied back to the outbox entries through the message ids
//! (message id `i + 1` is `FeedRecord::entries[i]`).
//!
//! Amazon lists only messages with errors or warnings, so a message it does not name counts as accepted
//! only when the report accounts for it: the report is complete, every message was processed, and every
//! message Amazon counts as failed is named. Otherwise the messages it does not name are marked failed,
//! with a message saying why.

mod json;
mod xml;

use crate::hash::FastMap;
use orderhub_core::policy::outbound::{
    EntryOutcome, FeedOutcome, OutboundFeedType, ReportReadError, UnknownSku,
};
use orderhub_core::{
    FeedRecord, FeedResultSummary, FeedStatus, MarketplaceId, OutboxEntry, OutboxId, OutboxPayload,
    OutboxStatus,
};

pub use json::parse_listings_report;
pub use xml::parse_processing_report;

/// Errors reading a processing report. None of them panics; each says what to do next.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// The document is empty.
    #[error("the processing report is empty; download it again")]
    Empty,
    /// The XML is not well-formed.
    #[error("the processing report is not well-formed XML near byte {position}: {source}")]
    Xml {
        /// Byte offset.
        position: u64,
        /// The parser's error.
        #[source]
        source: quick_xml::Error,
    },
    /// The JSON is not well-formed.
    #[error("the processing report is not valid JSON: {source}")]
    Json {
        /// The parser's error.
        #[source]
        source: serde_json::Error,
    },
    /// The document is well-formed but not a processing report.
    #[error("the document is not a processing report ({found}); check that the feed's result document was downloaded")]
    NotAProcessingReport {
        /// What was found instead.
        found: String,
    },
    /// The XML nests deeper than any processing report does.
    #[error("the processing report nests elements deeper than {max} levels; it is not one Amazon wrote")]
    TooDeep {
        /// The limit.
        max: usize,
    },
}

/// The processing status a report states.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReportStatus {
    /// Processing finished.
    Complete,
    /// Amazon is still processing.
    Processing,
    /// Amazon rejected the whole feed.
    Rejected,
    /// A status this crate does not know (kept as sent).
    Other(String),
}

/// How serious a result is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Severity {
    /// The message was not applied.
    Error,
    /// Applied, with a warning.
    Warning,
    /// Applied; information only.
    Info,
    /// A severity this crate does not know (treated as a warning).
    Other(String),
}

/// One result line of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageResult {
    /// The message it is about, when Amazon names one.
    pub message_id: Option<u64>,
    /// Error, warning, ...
    pub severity: Severity,
    /// Amazon's code.
    pub code: Option<String>,
    /// Amazon's text.
    pub description: String,
    /// The SKU, when Amazon gives it.
    pub sku: Option<String>,
}

/// A processing report in a common form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedReport {
    /// The status.
    pub status: ReportStatus,
    /// Counts, when the report has them.
    pub summary: Option<FeedResultSummary>,
    /// Results.
    pub results: Vec<MessageResult>,
}

/// Decodes report bytes to text: UTF-8 (a BOM is dropped), else ISO-8859-1 byte for byte, so a report in a
/// legacy charset still yields its ASCII ids.
pub(crate) fn decode_text(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => std::borrow::Cow::Owned(bytes.iter().map(|b| char::from(*b)).collect()),
    }
}

/// Whether an error text says Amazon does not know the SKU.
pub fn says_unknown_sku(description: &str) -> bool {
    let d = description.to_ascii_lowercase();
    let about_sku = d.contains("sku") || d.contains("listing");
    about_sku
        && [
            "not found",
            "does not exist",
            "doesn't exist",
            "not recognized",
            "not recognised",
            "unknown sku",
            "no listing",
        ]
        .iter()
        .any(|p| d.contains(p))
}

/// Whether an error text suggests a temporary problem at Amazon.
fn says_temporary(description: &str) -> bool {
    let d = description.to_ascii_lowercase();
    [
        "internal error",
        "internal failure",
        "try again",
        "temporarily",
        "throttl",
    ]
    .iter()
    .any(|p| d.contains(p))
}

fn payload_facts(e: Option<&OutboxEntry>) -> (bool, Option<(&MarketplaceId, &str)>) {
    match e.map(|e| &e.payload) {
        Some(OutboxPayload::InventoryUpdate {
            marketplace_id, sku, ..
        })
        | Some(OutboxPayload::PriceUpdate {
            marketplace_id, sku, ..
        }) => (true, Some((marketplace_id, sku.as_str()))),
        _ => (false, None),
    }
}

/// Ties `report` back to the entries of `record`. `carried` supplies each entry's kind and marketplace
/// (entries missing from it are treated as order messages: never blindly retried).
pub fn reconcile(record: &FeedRecord, carried: &[OutboxEntry], report: &ParsedReport) -> FeedOutcome {
    let n = record.entries.len();
    let by_id: FastMap<&OutboxId, &OutboxEntry> = carried.iter().map(|e| (&e.id, e)).collect();
    let mut errors: Vec<Vec<&MessageResult>> = vec![Vec::new(); n];
    let mut warnings: Vec<Vec<String>> = vec![Vec::new(); n];
    let mut unattributed = Vec::new();
    for r in &report.results {
        let idx = r
            .message_id
            .and_then(|m| usize::try_from(m).ok())
            .filter(|m| (1..=n).contains(m))
            .map(|m| m - 1);
        match (&r.severity, idx) {
            (Severity::Error, Some(i)) => errors[i].push(r),
            (Severity::Error, None) => unattributed.push(describe(r)),
            (_, Some(i)) => warnings[i].push(describe(r)),
            (_, None) => {}
        }
    }
    let named_failures = errors.iter().filter(|e| !e.is_empty()).count();
    let rejected = report.status == ReportStatus::Rejected;
    let accounted = match &report.summary {
        Some(s) => {
            u64::from(s.processed) >= n as u64
                && s.errors as usize <= named_failures
                && unattributed.is_empty()
        }
        None => false,
    };
    let mut unknown_skus = Vec::new();
    let mut entries = Vec::with_capacity(n);
    for (i, id) in record.entries.iter().enumerate() {
        let entry = by_id.get(id).copied();
        let (is_listing, listing) = payload_facts(entry);
        let status = if rejected {
            OutboxStatus::Failed {
                message: format!(
                    "Amazon rejected the whole feed{}; fix the document and send again",
                    first_of(&unattributed)
                ),
                retryable: is_listing,
            }
        } else if !errors[i].is_empty() {
            let message = errors[i]
                .iter()
                .map(|r| describe(r))
                .collect::<Vec<_>>()
                .join("; ");
            let unknown = errors[i].iter().any(|r| says_unknown_sku(&r.description));
            if unknown {
                let sku = listing
                    .map(|(_, s)| s.to_owned())
                    .or_else(|| errors[i].iter().find_map(|r| r.sku.clone()));
                if let Some(sku) = sku {
                    unknown_skus.push(UnknownSku {
                        seller_id: record.seller_id.clone(),
                        marketplace_id: listing.map(|(m, _)| m.clone()),
                        sku,
                    });
                }
            }
            let retryable = !unknown && errors[i].iter().all(|r| says_temporary(&r.description));
            OutboxStatus::Failed { message, retryable }
        } else if accounted {
            OutboxStatus::Done
        } else {
            OutboxStatus::Failed {
                message: format!(
                    "Amazon's report does not account for this message{}; it is treated as failed{}",
                    if unattributed.is_empty() {
                        String::from(" (fewer messages processed or failed than named)")
                    } else {
                        format!(" (errors without a message id: {})", unattributed.join("; "))
                    },
                    if is_listing {
                        ""
                    } else {
                        ", check the order in Seller Central before sending it again"
                    }
                ),
                retryable: is_listing,
            }
        };
        entries.push(EntryOutcome {
            entry: id.clone(),
            message_id: (i + 1) as u64,
            status,
            warnings: std::mem::take(&mut warnings[i]),
        });
    }
    let summary = report.summary.unwrap_or_else(|| {
        let failed = entries
            .iter()
            .filter(|e| matches!(e.status, OutboxStatus::Failed { .. }))
            .count();
        FeedResultSummary {
            processed: n as u32,
            successful: (n - failed) as u32,
            errors: failed as u32,
            warnings: entries.iter().filter(|e| !e.warnings.is_empty()).count() as u32,
        }
    });
    FeedOutcome {
        status: if rejected {
            FeedStatus::Fatal
        } else {
            FeedStatus::Done
        },
        summary,
        entries,
        unknown_skus,
        unattributed,
    }
}

fn first_of(v: &[String]) -> String {
    v.first().map(|s| format!(": {s}")).unwrap_or_default()
}

fn describe(r: &MessageResult) -> String {
    match &r.code {
        Some(code) => format!("{code}: {}", r.description),
        None => r.description.clone(),
    }
}

/// Reads the report of `record` (see [`orderhub_core::policy::outbound::OutboundPlanner::read_report`]).
///
/// # Errors
/// [`ReportReadError`] when the feed type is not one this crate submits, the report is not finished, or the
/// document cannot be parsed.
pub fn read_report(
    record: &FeedRecord,
    carried: &[OutboxEntry],
    document: &[u8],
) -> Result<FeedOutcome, ReportReadError> {
    let Some(feed_type) = OutboundFeedType::from_name(&record.feed_type) else {
        return Err(ReportReadError::UnsupportedFeedType {
            feed_record_id: record.id.clone(),
            feed_type: record.feed_type.clone(),
        });
    };
    let parsed = match feed_type {
        OutboundFeedType::JsonListings => parse_listings_report(document),
        _ => parse_processing_report(document),
    }
    .map_err(|e| ReportReadError::Unreadable {
        feed_record_id: record.id.clone(),
        source: Box::new(e),
    })?;
    match &parsed.status {
        ReportStatus::Processing => Err(ReportReadError::NotFinished {
            feed_record_id: record.id.clone(),
            status: "Processing".to_owned(),
        }),
        _ => Ok(reconcile(record, carried, &parsed)),
    }
}
