//! Injected time: a [`Clock`] to read time and a [`Sleeper`] to wait.
//!
//! Library code never reads the wall clock directly (clippy disallows `Utc::now` and `SystemTime::now`);
//! it goes through these traits so that tests can run an hour of rate limiting in a millisecond with a
//! [`ManualClock`].

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use chrono::{DateTime, Utc};

/// A future returned by [`Sleeper::sleep`].
pub type SleepFuture = Pin<Box<dyn Future<Output = ()> + Send + 'static>>;

/// A source of time.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// The current wall-clock time (token expiry, `Date`-based decisions).
    fn now(&self) -> DateTime<Utc>;

    /// Monotonic time since an arbitrary fixed origin (rate limiting, elapsed time of retries).
    fn monotonic(&self) -> Duration;
}

/// Something that can wait.
pub trait Sleeper: Send + Sync + std::fmt::Debug {
    /// Waits for `duration`.
    fn sleep(&self, duration: Duration) -> SleepFuture;
}

/// The real clock: `Utc::now()` and a monotonic [`std::time::Instant`].
#[derive(Debug, Clone)]
pub struct SystemClock {
    origin: std::time::Instant,
}

impl SystemClock {
    /// A system clock whose monotonic origin is now.
    pub fn new() -> Self {
        Self {
            origin: std::time::Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    #[allow(clippy::disallowed_methods)]
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn monotonic(&self) -> Duration {
        self.origin.elapsed()
    }
}

/// The real sleeper: `tokio::time::sleep`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, duration: Duration) -> SleepFuture {
        Box::pin(tokio::time::sleep(duration))
    }
}

#[derive(Debug)]
struct ManualState {
    wall: DateTime<Utc>,
    mono: Duration,
    slept: Vec<Duration>,
}

/// A virtual clock for tests: time stands still until [`ManualClock::advance`] is called or until
/// something sleeps on it, which advances the clock by the slept duration and returns at once.
///
/// It implements both [`Clock`] and [`Sleeper`]; clone it (clones share the same time) and hand one
/// clone to each. Sleeps are recorded ([`ManualClock::sleeps`]) so tests can assert on waits.
///
/// Concurrent sleepers each advance the clock by their own duration, so virtual time is exact for one
/// task at a time and an upper bound when several tasks sleep together.
#[derive(Debug, Clone)]
pub struct ManualClock {
    state: Arc<Mutex<ManualState>>,
}

impl ManualClock {
    /// A manual clock showing `start` as wall-clock time, with monotonic time at zero.
    pub fn new(start: DateTime<Utc>) -> Self {
        Self {
            state: Arc::new(Mutex::new(ManualState {
                wall: start,
                mono: Duration::ZERO,
                slept: Vec::new(),
            })),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, ManualState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Moves time forward by `by`.
    pub fn advance(&self, by: Duration) {
        let mut s = self.lock();
        s.mono += by;
        s.wall += chrono::Duration::from_std(by).unwrap_or(chrono::Duration::MAX);
    }

    /// Every duration slept on this clock so far, in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.lock().slept.clone()
    }

    /// The sum of everything slept so far.
    pub fn total_slept(&self) -> Duration {
        self.lock().slept.iter().sum()
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        self.lock().wall
    }

    fn monotonic(&self) -> Duration {
        self.lock().mono
    }
}

impl Sleeper for ManualClock {
    fn sleep(&self, duration: Duration) -> SleepFuture {
        {
            let mut s = self.lock();
            s.slept.push(duration);
        }
        self.advance(duration);
        Box::pin(tokio::task::yield_now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn manual_clock_advances_when_slept_on() {
        let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let c = ManualClock::new(start);
        c.sleep(Duration::from_millis(1500)).await;
        assert_eq!(c.monotonic(), Duration::from_millis(1500));
        assert_eq!(c.now(), start + chrono::Duration::milliseconds(1500));
        assert_eq!(c.sleeps(), vec![Duration::from_millis(1500)]);
    }
}
