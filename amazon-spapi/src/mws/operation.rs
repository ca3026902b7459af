//! Static descriptions of the MWS operations this module speaks: section (path, version), action name,
//! throttling quota and whether repeating a request is safe.
//!
//! MWS throttles with a leaky bucket per seller and operation: a *maximum request quota* (the bucket) and a
//! *restore rate* (one request every so many seconds). Some operations share one bucket, and the feed
//! operations also have an hourly quota. The figures are the ones Amazon published for each operation:
//!
//! | operation | quota | restore | hourly | bucket |
//! | --- | --- | --- | --- | --- |
//! | `ListOrders`, `ListOrdersByNextToken` | 6 | 1 / 60 s | | shared |
//! | `ListOrderItems`, `ListOrderItemsByNextToken` | 30 | 1 / 2 s | | shared |
//! | `SubmitFeed` | 15 | 1 / 120 s | 30 | |
//! | `GetFeedSubmissionList` | 10 | 1 / 45 s | 80 | |
//! | `GetFeedSubmissionListByNextToken` | 30 | 1 / 2 s | 1800 | |
//! | `GetFeedSubmissionResult` | 15 | 1 / 60 s | 60 | |

use std::time::Duration;

use super::error::MwsError;
use super::xml::{self, Element};
use crate::operation::UsagePlan;

/// The API section an operation belongs to: its path, version and the name of its seller parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MwsSection {
    /// Orders 2013-09-01 at `/Orders/2013-09-01`, seller in `SellerId`.
    Orders,
    /// Feeds 2009-01-01 at `/`, seller in `Merchant`.
    Feeds,
}

impl MwsSection {
    /// The request path.
    pub fn path(self) -> &'static str {
        match self {
            MwsSection::Orders => "/Orders/2013-09-01",
            MwsSection::Feeds => "/",
        }
    }

    /// The `Version` parameter.
    pub fn version(self) -> &'static str {
        match self {
            MwsSection::Orders => "2013-09-01",
            MwsSection::Feeds => "2009-01-01",
        }
    }

    /// The name of the parameter that carries the seller id.
    pub fn seller_param(self) -> &'static str {
        match self {
            MwsSection::Orders => "SellerId",
            MwsSection::Feeds => "Merchant",
        }
    }
}

/// An MWS throttling quota: a bucket of `max_request_quota` requests, one restored every `restore_every`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MwsQuota {
    /// Name of the bucket; operations that share a bucket share the name.
    pub bucket: &'static str,
    /// Maximum request quota (bucket size).
    pub max_request_quota: u32,
    /// One request is restored to the bucket every this long.
    pub restore_every: Duration,
    /// Hourly request quota, for operations that have one. Recorded for reference, not enforced on its
    /// own: the restore rates above equal (or stay below) the hourly quotas in the long run, and only a
    /// full bucket spent at the start of an hour can go past it.
    pub hourly_quota: Option<u32>,
}

impl MwsQuota {
    /// The quota as a token-bucket plan (rate per second and burst) for the limiter.
    pub fn usage_plan(&self) -> UsagePlan {
        UsagePlan::new(1.0 / self.restore_every.as_secs_f64(), self.max_request_quota)
    }
}

/// One MWS operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MwsOperation {
    /// The section (path and version).
    pub section: MwsSection,
    /// The `Action` parameter, for example `ListOrders`.
    pub action: &'static str,
    /// Throttling quota.
    pub quota: MwsQuota,
    /// Whether repeating the request after a server error or a broken connection is safe. (A throttled
    /// request was refused and may always be repeated.)
    pub idempotent: bool,
}

impl MwsOperation {
    /// `mws/<version>/<action>`, the key used in logs and errors.
    pub fn key(&self) -> String {
        format!("mws/{}/{}", self.section.version(), self.action)
    }
}

const fn quota(bucket: &'static str, max: u32, every_s: u64, hourly: Option<u32>) -> MwsQuota {
    MwsQuota {
        bucket,
        max_request_quota: max,
        restore_every: Duration::from_secs(every_s),
        hourly_quota: hourly,
    }
}

/// `ListOrders`: shares its bucket (6, one per minute) with `ListOrdersByNextToken`.
pub const LIST_ORDERS: MwsOperation = MwsOperation {
    section: MwsSection::Orders,
    action: "ListOrders",
    quota: quota("ListOrders", 6, 60, None),
    idempotent: true,
};

/// `ListOrdersByNextToken`: shares the `ListOrders` bucket.
pub const LIST_ORDERS_BY_NEXT_TOKEN: MwsOperation = MwsOperation {
    section: MwsSection::Orders,
    action: "ListOrdersByNextToken",
    quota: quota("ListOrders", 6, 60, None),
    idempotent: true,
};

/// `ListOrderItems`: shares its bucket (30, one per 2 s) with `ListOrderItemsByNextToken`.
pub const LIST_ORDER_ITEMS: MwsOperation = MwsOperation {
    section: MwsSection::Orders,
    action: "ListOrderItems",
    quota: quota("ListOrderItems", 30, 2, None),
    idempotent: true,
};

/// `ListOrderItemsByNextToken`: shares the `ListOrderItems` bucket.
pub const LIST_ORDER_ITEMS_BY_NEXT_TOKEN: MwsOperation = MwsOperation {
    section: MwsSection::Orders,
    action: "ListOrderItemsByNextToken",
    quota: quota("ListOrderItems", 30, 2, None),
    idempotent: true,
};

/// `SubmitFeed`: 15, one per 120 s, 30 an hour. Not idempotent: a repeated submission is a second feed.
pub const SUBMIT_FEED: MwsOperation = MwsOperation {
    section: MwsSection::Feeds,
    action: "SubmitFeed",
    quota: quota("SubmitFeed", 15, 120, Some(30)),
    idempotent: false,
};

/// `GetFeedSubmissionList`: 10, one per 45 s, 80 an hour.
pub const GET_FEED_SUBMISSION_LIST: MwsOperation = MwsOperation {
    section: MwsSection::Feeds,
    action: "GetFeedSubmissionList",
    quota: quota("GetFeedSubmissionList", 10, 45, Some(80)),
    idempotent: true,
};

/// `GetFeedSubmissionListByNextToken`: 30, one per 2 s, 1800 an hour.
pub const GET_FEED_SUBMISSION_LIST_BY_NEXT_TOKEN: MwsOperation = MwsOperation {
    section: MwsSection::Feeds,
    action: "GetFeedSubmissionListByNextToken",
    quota: quota("GetFeedSubmissionListByNextToken", 30, 2, Some(1800)),
    idempotent: true,
};

/// `GetFeedSubmissionResult`: 15, one per 60 s, 60 an hour.
pub const GET_FEED_SUBMISSION_RESULT: MwsOperation = MwsOperation {
    section: MwsSection::Feeds,
    action: "GetFeedSubmissionResult",
    quota: quota("GetFeedSubmissionResult", 15, 60, Some(60)),
    idempotent: true,
};

/// Every operation this module speaks.
pub const ALL: &[MwsOperation] = &[
    LIST_ORDERS,
    LIST_ORDERS_BY_NEXT_TOKEN,
    LIST_ORDER_ITEMS,
    LIST_ORDER_ITEMS_BY_NEXT_TOKEN,
    SUBMIT_FEED,
    GET_FEED_SUBMISSION_LIST,
    GET_FEED_SUBMISSION_LIST_BY_NEXT_TOKEN,
    GET_FEED_SUBMISSION_RESULT,
];

/// Parses `body` and returns the root and its `<Action>Result` element, for root `<Action>Response` where
/// `Action` is one of `actions`.
pub(crate) fn result_element(
    op: &MwsOperation,
    body: &[u8],
    request_id: Option<&str>,
    actions: &[&str],
) -> Result<(Element, Element), MwsError> {
    let root = xml::parse(body).map_err(|e| {
        MwsError::decode(
            op,
            request_id,
            "/",
            format!("{} at byte {}", e.reason, e.position),
        )
    })?;
    let Some(action) = actions
        .iter()
        .find(|a| root.name.strip_suffix("Response") == Some(**a))
    else {
        return Err(MwsError::decode(
            op,
            request_id,
            "/",
            format!("expected a {}Response document, found <{}>", op.action, root.name),
        ));
    };
    let result_name = format!("{action}Result");
    let Some(result) = root.child(&result_name).cloned() else {
        return Err(MwsError::decode(
            op,
            request_id,
            &format!("/{}", root.name),
            format!("no <{result_name}> element"),
        ));
    };
    Ok((root, result))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotas_as_plans() {
        let p = LIST_ORDERS.quota.usage_plan();
        assert_eq!(p.burst, 6);
        assert!((p.rate - 1.0 / 60.0).abs() < 1e-12);
        assert_eq!(LIST_ORDERS.quota, LIST_ORDERS_BY_NEXT_TOKEN.quota);
        assert_eq!(LIST_ORDER_ITEMS.quota, LIST_ORDER_ITEMS_BY_NEXT_TOKEN.quota);
        for op in ALL {
            if let Some(hourly) = op.quota.hourly_quota {
                // The restore rate alone never allows more than the hourly quota in the long run.
                assert!(
                    3600.0 * op.quota.usage_plan().rate <= f64::from(hourly) + 1e-9,
                    "{}",
                    op.action
                );
            }
        }
        let not_idempotent: Vec<&str> = ALL.iter().filter(|o| !o.idempotent).map(|o| o.action).collect();
        assert_eq!(not_idempotent, vec!["SubmitFeed"]);
        assert_eq!(LIST_ORDERS.key(), "mws/2013-09-01/ListOrders");
    }
}
