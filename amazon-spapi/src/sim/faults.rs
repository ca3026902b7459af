//! Seeded fault injection: each decision is a function of the seed and the request's sequence number,
//! so the same seed and the same requests give the same faults.

use std::time::Duration;

use super::config::SimConfig;
use super::data::unit;
use super::http::Reply;

/// A fault applied to one answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    InternalError,
    Unavailable,
    ConnectionReset,
    TruncatedBody,
}

/// Decides the fault and added latency for request number `seq`.
pub(crate) fn decide(cfg: &SimConfig, seq: u64) -> (Option<Fault>, Option<Duration>) {
    let f = &cfg.faults;
    let seed = cfg.seed ^ 0xFA17_FA17_FA17_FA17;
    let r = unit(seed, seq);
    let mut acc = 0.0;
    let mut fault = None;
    for (share, kind) in [
        (f.internal_error_share, Fault::InternalError),
        (f.unavailable_share, Fault::Unavailable),
        (f.connection_reset_share, Fault::ConnectionReset),
        (f.truncated_body_share, Fault::TruncatedBody),
    ] {
        acc += share.max(0.0);
        if r < acc {
            fault = Some(kind);
            break;
        }
    }
    let latency = if f.latency_share > 0.0 && unit(seed ^ 1, seq) < f.latency_share {
        let ms = f.max_latency.as_millis() as f64 * unit(seed ^ 2, seq);
        Some(Duration::from_millis(ms as u64))
    } else {
        None
    };
    (fault, latency)
}

/// The error answer for a fault that replaces the answer (500 or 503).
pub(crate) fn error_reply(fault: Option<Fault>) -> Option<Reply> {
    match fault {
        Some(Fault::InternalError) => Some(Reply::error(
            500,
            "InternalFailure",
            "We encountered an internal error. Please try again.",
            "",
        )),
        Some(Fault::Unavailable) => Some(Reply::error(
            503,
            "ServiceUnavailable",
            "Service is temporarily unavailable. Please try again.",
            "",
        )),
        _ => None,
    }
}

/// Whether page `n` of a listing (1-based) is repeated or reordered.
pub(crate) fn page_fault(seed: u64, seq: u64, share: f64, salt: u64) -> bool {
    share > 0.0 && unit(seed ^ salt, seq) < share
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::config::FaultConfig;

    #[test]
    fn shares_are_roughly_honoured_and_reproducible() {
        let cfg = SimConfig::new(42).faults(FaultConfig {
            internal_error_share: 0.1,
            unavailable_share: 0.1,
            ..FaultConfig::default()
        });
        let runs: Vec<_> = (0..2000).map(|i| decide(&cfg, i).0).collect();
        let again: Vec<_> = (0..2000).map(|i| decide(&cfg, i).0).collect();
        assert_eq!(runs, again);
        let n500 = runs.iter().filter(|f| **f == Some(Fault::InternalError)).count();
        let n503 = runs.iter().filter(|f| **f == Some(Fault::Unavailable)).count();
        assert!((120..280).contains(&n500), "{n500}");
        assert!((120..280).contains(&n503), "{n503}");
        let other = SimConfig::new(43).faults(cfg.faults);
        let differ: Vec<_> = (0..2000).map(|i| decide(&other, i).0).collect();
        assert_ne!(runs, differ);
    }
}
