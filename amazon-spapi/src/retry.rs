//! Retry decisions: a pure function ([`decide`]) from what happened to "stop" or "retry after this long",
//! separate from the loop in [`crate::client`] that sleeps (on an injected [`crate::clock::Sleeper`]) and
//! draws jitter (from an injected [`Jitter`]).
//!
//! The rules:
//! - 429 (`QuotaExceeded`) and 503: retry, whatever the method (Amazon did not process the request).
//! - 500, 502, 504, a reset connection and a timeout: retry only idempotent operations (a
//!   non-idempotent one, such as `createShipment`, may have been carried out).
//! - A connection that could not be opened: retry (nothing was sent).
//! - 403 `Unauthorized` whose message says the token expired: refresh the token once and retry once
//!   (this one retry is allowed even when the attempt cap is reached).
//! - 403 "Access to requested resource is forbidden/denied" after a 429 in the same call: Amazon's answer
//!   to sustained throttling, treated as a 429.
//! - Any other 4xx: stop.
//! - Backoff: exponential with full jitter (`jitter × min(max_delay, base × 2^(attempt-1))`); a
//!   `Retry-After` header wins over it. Caps on attempts and on total elapsed time.

use std::fmt;
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use http::{HeaderMap, StatusCode};

use crate::error::TransportErrorKind;

/// Limits on retrying one call.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Total attempts allowed, the first included (default 5).
    pub max_attempts: u32,
    /// Total time allowed across attempts and waits (default 10 minutes); no retry is scheduled past it.
    pub max_elapsed: Duration,
    /// Base of the exponential backoff (default 500 ms).
    pub base_delay: Duration,
    /// Cap of one backoff delay (default 30 s).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            max_elapsed: Duration::from_secs(600),
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries (one attempt).
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }
}

/// What one attempt ended with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome<'a> {
    /// Amazon answered with a status (and maybe an error list).
    Status {
        /// HTTP status.
        status: StatusCode,
        /// First error code from the body (`QuotaExceeded`, `Unauthorized`, ...).
        code: Option<&'a str>,
        /// The error messages and details from the body, joined.
        message: &'a str,
    },
    /// No complete answer arrived.
    Transport(TransportErrorKind),
}

/// Everything [`decide`] looks at.
#[derive(Debug, Clone, Copy)]
pub struct RetryInput<'a> {
    /// What the attempt ended with.
    pub outcome: Outcome<'a>,
    /// Attempts made so far, this one included (1 after the first).
    pub attempt: u32,
    /// The `Retry-After` of the answer, already parsed.
    pub retry_after: Option<Duration>,
    /// Time since the first attempt started.
    pub elapsed: Duration,
    /// Whether repeating the operation is safe.
    pub idempotent: bool,
    /// Whether the token was already refreshed once during this call.
    pub token_refreshed: bool,
    /// Whether an earlier attempt of this call was throttled (429).
    pub throttled_before: bool,
    /// A random number in `[0, 1)` for full jitter.
    pub jitter: f64,
}

/// Why a retry happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryReason {
    /// 429, or 403 after sustained throttling.
    Throttled,
    /// 5xx.
    ServerError,
    /// Connection failure or timeout.
    Transport,
}

/// Why retrying stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopReason {
    /// The answer is final (2xx, or a 4xx a retry cannot fix).
    NotRetryable,
    /// The operation is not idempotent and the failure may have happened after Amazon acted.
    NotIdempotent,
    /// The token was already refreshed once in this call.
    TokenAlreadyRefreshed,
    /// [`RetryPolicy::max_attempts`] reached.
    MaxAttempts,
    /// The next wait would go past [`RetryPolicy::max_elapsed`].
    MaxElapsed,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Give up and report the last outcome.
    Stop(StopReason),
    /// Wait `after`, then try again.
    Retry {
        /// The wait.
        after: Duration,
        /// Why.
        reason: RetryReason,
    },
    /// Get a new access token, then try again at once.
    RefreshToken,
}

/// Whether an error message says the access token expired.
pub fn is_expired_token_message(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("expired") && (m.contains("token") || m.contains("access"))
}

/// Whether an error message is Amazon's 403 "Access to requested resource is forbidden/denied", which,
/// after a 429 in the same call, means sustained throttling.
pub fn is_sustained_throttling_message(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    m.contains("access to requested resource is forbidden")
        || m.contains("access to requested resource is denied")
}

/// Decides what to do after one attempt. Pure: same input, same answer.
pub fn decide(policy: &RetryPolicy, input: &RetryInput<'_>) -> Decision {
    let reason = match input.outcome {
        Outcome::Status { status, .. } if status.is_success() || status.is_informational() => {
            return Decision::Stop(StopReason::NotRetryable)
        }
        Outcome::Status {
            status,
            code,
            message,
        } => match status.as_u16() {
            429 => RetryReason::Throttled,
            503 => RetryReason::ServerError,
            500 | 502 | 504 => {
                if !input.idempotent {
                    return Decision::Stop(StopReason::NotIdempotent);
                }
                RetryReason::ServerError
            }
            403 if is_expired_token_message(message)
                && code.is_none_or(|c| c.eq_ignore_ascii_case("Unauthorized")) =>
            {
                if input.token_refreshed {
                    return Decision::Stop(StopReason::TokenAlreadyRefreshed);
                }
                return Decision::RefreshToken;
            }
            403 if input.throttled_before && is_sustained_throttling_message(message) => {
                RetryReason::Throttled
            }
            _ => return Decision::Stop(StopReason::NotRetryable),
        },
        Outcome::Transport(kind) => match kind {
            TransportErrorKind::Connect => RetryReason::Transport,
            TransportErrorKind::Request => return Decision::Stop(StopReason::NotRetryable),
            _ => {
                if !input.idempotent {
                    return Decision::Stop(StopReason::NotIdempotent);
                }
                RetryReason::Transport
            }
        },
    };
    if input.attempt >= policy.max_attempts {
        return Decision::Stop(StopReason::MaxAttempts);
    }
    let after = match input.retry_after {
        Some(d) => d,
        None => backoff(policy, input.attempt, input.jitter),
    };
    if input.elapsed.saturating_add(after) > policy.max_elapsed {
        return Decision::Stop(StopReason::MaxElapsed);
    }
    Decision::Retry { after, reason }
}

/// Full-jitter exponential backoff after attempt `attempt` (1-based): `jitter × min(max_delay, base ×
/// 2^(attempt-1))`, with `jitter` clamped to `[0, 1]`.
pub fn backoff(policy: &RetryPolicy, attempt: u32, jitter: f64) -> Duration {
    let exp = attempt.saturating_sub(1).min(30);
    let ceiling = policy
        .base_delay
        .saturating_mul(1u32 << exp)
        .min(policy.max_delay);
    let j = if jitter.is_finite() {
        jitter.clamp(0.0, 1.0)
    } else {
        1.0
    };
    ceiling.mul_f64(j)
}

/// Reads `Retry-After` (seconds, or an HTTP date compared with `now`). Values over one hour are capped.
pub fn parse_retry_after(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let v = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?.trim();
    let d = if let Ok(secs) = v.parse::<f64>() {
        if !secs.is_finite() || secs < 0.0 {
            return None;
        }
        Duration::try_from_secs_f64(secs).ok()?
    } else {
        let at = DateTime::parse_from_rfc2822(v).ok()?.with_timezone(&Utc);
        (at - now).to_std().unwrap_or(Duration::ZERO)
    };
    Some(d.min(Duration::from_secs(3600)))
}

/// A source of randomness for jitter.
pub trait Jitter: Send + Sync + fmt::Debug {
    /// A number in `[0, 1)`.
    fn next(&self) -> f64;
}

/// Jitter from a seeded generator (`rand`'s `StdRng`): reproducible with a fixed seed.
#[derive(Debug)]
pub struct RandomJitter {
    rng: Mutex<rand::rngs::StdRng>,
}

impl RandomJitter {
    /// Seeded from the operating system.
    pub fn from_entropy() -> Self {
        use rand::SeedableRng;
        Self {
            rng: Mutex::new(rand::rngs::StdRng::from_entropy()),
        }
    }

    /// Seeded with `seed`.
    pub fn seeded(seed: u64) -> Self {
        use rand::SeedableRng;
        Self {
            rng: Mutex::new(rand::rngs::StdRng::seed_from_u64(seed)),
        }
    }
}

impl Jitter for RandomJitter {
    fn next(&self) -> f64 {
        use rand::Rng;
        self.rng
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .gen::<f64>()
    }
}

/// The same number every time (tests; `FixedJitter(1.0)` waits the full backoff).
#[derive(Debug, Clone, Copy)]
pub struct FixedJitter(pub f64);

impl Jitter for FixedJitter {
    fn next(&self) -> f64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(outcome: Outcome<'_>) -> RetryInput<'_> {
        RetryInput {
            outcome,
            attempt: 1,
            retry_after: None,
            elapsed: Duration::ZERO,
            idempotent: true,
            token_refreshed: false,
            throttled_before: false,
            jitter: 1.0,
        }
    }

    fn status(s: u16, code: Option<&'static str>, message: &'static str) -> Outcome<'static> {
        Outcome::Status {
            status: StatusCode::from_u16(s).unwrap(),
            code,
            message,
        }
    }

    const HALF_S: Duration = Duration::from_millis(500);

    #[test]
    fn decision_table() {
        let p = RetryPolicy::default();
        let retry = |reason| Decision::Retry {
            after: HALF_S,
            reason,
        };
        #[rustfmt::skip]
        let table: Vec<(&str, RetryInput<'static>, Decision)> = vec![
            ("429 QuotaExceeded", input(status(429, Some("QuotaExceeded"), "You exceeded your quota")), retry(RetryReason::Throttled)),
            ("429 non-idempotent", RetryInput { idempotent: false, ..input(status(429, Some("QuotaExceeded"), "")) }, retry(RetryReason::Throttled)),
            ("500", input(status(500, Some("InternalFailure"), "")), retry(RetryReason::ServerError)),
            ("502", input(status(502, None, "")), retry(RetryReason::ServerError)),
            ("503", input(status(503, Some("ServiceUnavailable"), "")), retry(RetryReason::ServerError)),
            ("504", input(status(504, None, "")), retry(RetryReason::ServerError)),
            ("500 non-idempotent", RetryInput { idempotent: false, ..input(status(500, None, "")) }, Decision::Stop(StopReason::NotIdempotent)),
            ("503 non-idempotent", RetryInput { idempotent: false, ..input(status(503, None, "")) }, retry(RetryReason::ServerError)),
            ("reset idempotent", input(Outcome::Transport(TransportErrorKind::Reset)), retry(RetryReason::Transport)),
            ("timeout idempotent", input(Outcome::Transport(TransportErrorKind::Timeout)), retry(RetryReason::Transport)),
            ("reset non-idempotent", RetryInput { idempotent: false, ..input(Outcome::Transport(TransportErrorKind::Reset)) }, Decision::Stop(StopReason::NotIdempotent)),
            ("timeout non-idempotent", RetryInput { idempotent: false, ..input(Outcome::Transport(TransportErrorKind::Timeout)) }, Decision::Stop(StopReason::NotIdempotent)),
            ("connect non-idempotent", RetryInput { idempotent: false, ..input(Outcome::Transport(TransportErrorKind::Connect)) }, retry(RetryReason::Transport)),
            ("bad request build", input(Outcome::Transport(TransportErrorKind::Request)), Decision::Stop(StopReason::NotRetryable)),
            ("403 expired token", input(status(403, Some("Unauthorized"), "Access to requested resource is denied. The access token you provided has expired.")), Decision::RefreshToken),
            ("403 expired token twice", RetryInput { token_refreshed: true, ..input(status(403, Some("Unauthorized"), "The access token you provided has expired.")) }, Decision::Stop(StopReason::TokenAlreadyRefreshed)),
            ("403 denied, no throttling", input(status(403, Some("Unauthorized"), "Access to requested resource is denied.")), Decision::Stop(StopReason::NotRetryable)),
            ("403 forbidden after 429s", RetryInput { throttled_before: true, ..input(status(403, Some("Unauthorized"), "Access to requested resource is forbidden")) }, retry(RetryReason::Throttled)),
            ("400", input(status(400, Some("InvalidInput"), "bad")), Decision::Stop(StopReason::NotRetryable)),
            ("404", input(status(404, Some("NotFound"), "")), Decision::Stop(StopReason::NotRetryable)),
            ("409", input(status(409, None, "")), Decision::Stop(StopReason::NotRetryable)),
            ("200", input(status(200, None, "")), Decision::Stop(StopReason::NotRetryable)),
            ("max attempts", RetryInput { attempt: 5, ..input(status(429, None, "")) }, Decision::Stop(StopReason::MaxAttempts)),
            ("max elapsed", RetryInput { elapsed: Duration::from_secs(600), ..input(status(503, None, "")) }, Decision::Stop(StopReason::MaxElapsed)),
            ("retry-after honoured", RetryInput { retry_after: Some(Duration::from_secs(7)), ..input(status(429, None, "")) }, Decision::Retry { after: Duration::from_secs(7), reason: RetryReason::Throttled }),
            ("retry-after past budget", RetryInput { retry_after: Some(Duration::from_secs(700)), ..input(status(429, None, "")) }, Decision::Stop(StopReason::MaxElapsed)),
            ("jitter zero", RetryInput { jitter: 0.0, ..input(status(503, None, "")) }, Decision::Retry { after: Duration::ZERO, reason: RetryReason::ServerError }),
            ("jitter half, attempt 3", RetryInput { jitter: 0.5, attempt: 3, ..input(status(503, None, "")) }, Decision::Retry { after: Duration::from_secs(1), reason: RetryReason::ServerError }),
        ];
        for (name, inp, want) in table {
            assert_eq!(decide(&p, &inp), want, "case {name}");
        }
    }

    #[test]
    fn backoff_is_exponential_and_capped() {
        let p = RetryPolicy::default();
        assert_eq!(backoff(&p, 1, 1.0), Duration::from_millis(500));
        assert_eq!(backoff(&p, 2, 1.0), Duration::from_secs(1));
        assert_eq!(backoff(&p, 4, 1.0), Duration::from_secs(4));
        assert_eq!(backoff(&p, 10, 1.0), Duration::from_secs(30));
        assert_eq!(backoff(&p, 100, 1.0), Duration::from_secs(30));
        assert_eq!(backoff(&p, 3, 0.25), Duration::from_millis(500));
    }

    #[test]
    fn retry_after_parsing() {
        let now = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut h = HeaderMap::new();
        h.insert(http::header::RETRY_AFTER, "3".parse().unwrap());
        assert_eq!(parse_retry_after(&h, now), Some(Duration::from_secs(3)));
        h.insert(
            http::header::RETRY_AFTER,
            "Thu, 01 Jan 2026 00:00:10 GMT".parse().unwrap(),
        );
        assert_eq!(parse_retry_after(&h, now), Some(Duration::from_secs(10)));
        h.insert(http::header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(parse_retry_after(&h, now), None);
        h.insert(http::header::RETRY_AFTER, "-4".parse().unwrap());
        assert_eq!(parse_retry_after(&h, now), None);
    }
}
