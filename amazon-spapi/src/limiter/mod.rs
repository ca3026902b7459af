//! Client-side rate limiting: a token bucket per (seller identity, operation), seeded from Amazon's usage
//! plans ([`usage_plans`], generated from the official models).
//!
//! The limiter waits rather than fails; past a configurable maximum wait it returns
//! [`Error::RateLimitWait`]. It adopts the rate announced in `x-amzn-RateLimit-Limit` when that value is
//! sane, and a 429 empties the bucket so the next call waits a full interval.
//!
//! # Using it for anything with a quota (MWS, for instance)
//!
//! The bucket API takes an arbitrary key and plan, so legacy MWS throttling (maximum request quota =
//! burst, restore rate = one request per N seconds) fits as well:
//!
//! ```
//! # async fn demo() -> Result<(), amazon_spapi::error::Error> {
//! use amazon_spapi::limiter::{RateLimiter, TokenBucketLimiter};
//! use amazon_spapi::operation::UsagePlan;
//!
//! let limiter = TokenBucketLimiter::system();
//! // MWS ListOrders: quota 6, restore one request every 60 s.
//! let plan = UsagePlan::new(1.0 / 60.0, 6);
//! limiter.acquire("mws/A1SELLER/ListOrders", plan).await?;
//! # Ok(()) }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use crate::clock::{Clock, Sleeper, SystemClock, TokioSleeper};
use crate::error::Error;
use crate::operation::UsagePlan;

pub mod usage_plans;

/// Default maximum time one call may wait for the limiter: 10 minutes (enough for `searchOrders`, one
/// call every 180 s).
pub const DEFAULT_MAX_WAIT: Duration = Duration::from_secs(600);

/// Highest rate (requests per second) accepted from `x-amzn-RateLimit-Limit`.
pub const MAX_SANE_RATE: f64 = 1000.0;

/// Largest factor by which an announced rate may differ from the default plan and still be adopted.
pub const MAX_SANE_FACTOR: f64 = 1000.0;

/// A rate limiter. Implement it to put a limiter shared by several processes (a database, Redis) behind
/// the client.
#[async_trait::async_trait]
pub trait RateLimiter: Send + Sync + fmt::Debug {
    /// Waits until a call under `key` is allowed by `plan` (or by the rate adopted for `key`), and takes
    /// one token.
    ///
    /// # Errors
    ///
    /// [`Error::RateLimitWait`] when the wait would exceed the limiter's maximum; nothing is taken then.
    async fn acquire(&self, key: &str, plan: UsagePlan) -> Result<(), Error>;

    /// Reports the rate Amazon announced in `x-amzn-RateLimit-Limit` for `key`. Implementations adopt it
    /// when it is sane.
    fn observe_rate(&self, key: &str, plan: UsagePlan, rate: f64);

    /// Reports that Amazon throttled a call under `key` (429): the bucket is emptied.
    fn throttled(&self, key: &str, plan: UsagePlan);

    /// Reports that Amazon answered a call under `key` (any status). Amazon's bucket for `key` starts
    /// when its first call arrives, which is later than the client's first `acquire`; implementations
    /// can use the first answer to stop counting the refill in between (see [`TokenBucketLimiter`]).
    /// The default does nothing.
    fn answered(&self, key: &str, plan: UsagePlan) {
        let _ = (key, plan);
    }
}

#[derive(Debug, Clone)]
struct Bucket {
    tokens: f64,
    last: Duration,
    /// Rate adopted from the header, if any.
    adopted: Option<f64>,
    /// Calls taken before Amazon's first answer; `None` once Amazon has answered.
    unanswered: Option<u32>,
}

impl Bucket {
    fn rate(&self, plan: UsagePlan) -> f64 {
        self.adopted.unwrap_or(plan.rate)
    }

    fn note_taken(&mut self) {
        if let Some(n) = self.unanswered.as_mut() {
            *n = n.saturating_add(1);
        }
    }

    fn refill(&mut self, now: Duration, plan: UsagePlan) {
        let dt = now.saturating_sub(self.last).as_secs_f64();
        self.last = now;
        let burst = f64::from(plan.burst.max(1));
        self.tokens = (self.tokens + dt * self.rate(plan)).min(burst);
    }
}

/// Whether `rate` announced for an operation whose default plan is `plan` is believable: a positive
/// finite number, at most [`MAX_SANE_RATE`], within a factor [`MAX_SANE_FACTOR`] of the default.
pub fn is_sane_rate(plan: UsagePlan, rate: f64) -> bool {
    rate.is_finite()
        && rate > 0.0
        && rate <= MAX_SANE_RATE
        && (plan.rate <= 0.0 || (rate <= plan.rate * MAX_SANE_FACTOR && rate >= plan.rate / MAX_SANE_FACTOR))
}

/// An in-process token-bucket limiter with injected time.
pub struct TokenBucketLimiter {
    clock: Arc<dyn Clock>,
    sleeper: Arc<dyn Sleeper>,
    max_wait: Duration,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl fmt::Debug for TokenBucketLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenBucketLimiter")
            .field("max_wait", &self.max_wait)
            .field("buckets", &self.lock().len())
            .finish_non_exhaustive()
    }
}

impl TokenBucketLimiter {
    /// A limiter reading time from `clock` and waiting with `sleeper`, with [`DEFAULT_MAX_WAIT`].
    pub fn new(clock: Arc<dyn Clock>, sleeper: Arc<dyn Sleeper>) -> Self {
        Self {
            clock,
            sleeper,
            max_wait: DEFAULT_MAX_WAIT,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// A limiter on the system clock and tokio's timer.
    pub fn system() -> Self {
        Self::new(Arc::new(SystemClock::new()), Arc::new(TokioSleeper))
    }

    /// Sets the maximum wait for one call.
    #[must_use]
    pub fn with_max_wait(mut self, max_wait: Duration) -> Self {
        self.max_wait = max_wait;
        self
    }

    /// The maximum wait for one call.
    pub fn max_wait(&self) -> Duration {
        self.max_wait
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Bucket>> {
        self.buckets.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn with_bucket<R>(&self, key: &str, plan: UsagePlan, f: impl FnOnce(&mut Bucket, Duration) -> R) -> R {
        let now = self.clock.monotonic();
        let mut map = self.lock();
        let bucket = match map.get_mut(key) {
            Some(b) => b,
            None => map.entry(key.to_owned()).or_insert(Bucket {
                tokens: f64::from(plan.burst.max(1)),
                last: now,
                adopted: None,
                unanswered: Some(0),
            }),
        };
        bucket.refill(now, plan);
        f(bucket, now)
    }

    /// Tokens currently in the bucket for `key` (negative while calls are queued), for diagnostics.
    pub fn tokens(&self, key: &str, plan: UsagePlan) -> f64 {
        self.with_bucket(key, plan, |b, _| b.tokens)
    }

    /// The rate in force for `key`: the adopted one, or the plan's.
    pub fn rate(&self, key: &str, plan: UsagePlan) -> f64 {
        self.with_bucket(key, plan, |b, _| b.rate(plan))
    }
}

#[async_trait::async_trait]
impl RateLimiter for TokenBucketLimiter {
    async fn acquire(&self, key: &str, plan: UsagePlan) -> Result<(), Error> {
        let wait = self.with_bucket(key, plan, |b, _| {
            if b.tokens >= 1.0 {
                b.tokens -= 1.0;
                b.note_taken();
                return Ok(Duration::ZERO);
            }
            let rate = b.rate(plan);
            if rate <= 0.0 || !rate.is_finite() {
                return Err(Error::RateLimitWait {
                    key: key.to_owned(),
                    wait: Duration::MAX,
                    max_wait: self.max_wait,
                });
            }
            let secs = (1.0 - b.tokens) / rate;
            let wait = Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX);
            if wait > self.max_wait {
                return Err(Error::RateLimitWait {
                    key: key.to_owned(),
                    wait,
                    max_wait: self.max_wait,
                });
            }
            // Reserve the token now so concurrent callers queue behind this one.
            b.tokens -= 1.0;
            b.note_taken();
            Ok(wait)
        })?;
        if !wait.is_zero() {
            tracing::debug!(key, wait_ms = wait.as_millis() as u64, "rate limiter waiting");
            self.sleeper.sleep(wait).await;
        }
        Ok(())
    }

    fn observe_rate(&self, key: &str, plan: UsagePlan, rate: f64) {
        if !is_sane_rate(plan, rate) {
            tracing::debug!(key, rate, "ignoring an implausible x-amzn-RateLimit-Limit");
            return;
        }
        self.with_bucket(key, plan, |b, _| {
            if b.adopted != Some(rate) {
                b.adopted = Some(rate);
            }
        });
    }

    fn throttled(&self, key: &str, plan: UsagePlan) {
        self.with_bucket(key, plan, |b, _| {
            b.tokens = b.tokens.min(0.0);
            b.unanswered = None;
        });
    }

    /// On Amazon's first answer under `key`, forgets the refill counted since the bucket was made: Amazon's
    /// bucket started full when the first call arrived, somewhere between the first `acquire` and this
    /// answer, so at most `burst - calls taken` tokens are certainly left. Without this the client would
    /// stay ahead of Amazon by the refill of one round trip for as long as it keeps the bucket busy, and
    /// a call sent a little faster than the first one would be throttled.
    fn answered(&self, key: &str, plan: UsagePlan) {
        self.with_bucket(key, plan, |b, _| {
            if let Some(taken) = b.unanswered.take() {
                let left = f64::from(plan.burst.max(1)) - f64::from(taken);
                b.tokens = b.tokens.min(left);
            }
        });
    }
}
