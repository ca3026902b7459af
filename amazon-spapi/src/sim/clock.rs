//! Simulated time: a start instant, a scale factor against the wall clock, and manual advances.
//!
//! Simulated time reads the monotonic wall clock (`Instant`) only to measure how much real time passed;
//! it never reads the calendar clock, so runs are reproducible when the scale is 0 (frozen).

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::{DateTime, Duration, Utc};

#[derive(Debug)]
struct Inner {
    /// Simulated time when the clock was made (origin of [`crate::clock::Clock::monotonic`]).
    origin: DateTime<Utc>,
    /// Simulated time at `anchor`.
    base: DateTime<Utc>,
    /// Wall-clock instant at which `base` was true.
    anchor: Instant,
    scale: f64,
}

/// The simulator's clock. Cheap to clone; every clone shows the same time.
#[derive(Debug, Clone)]
pub struct SimClock {
    inner: Arc<Mutex<Inner>>,
}

impl SimClock {
    /// A clock at `start`, running `scale` simulated seconds per wall-clock second.
    pub fn new(start: DateTime<Utc>, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            0.0
        };
        Self {
            inner: Arc::new(Mutex::new(Inner {
                origin: start,
                base: start,
                anchor: Instant::now(),
                scale,
            })),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        match self.inner.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    fn now_locked(inner: &Inner) -> DateTime<Utc> {
        if inner.scale == 0.0 {
            return inner.base;
        }
        let real = inner.anchor.elapsed().as_secs_f64() * inner.scale;
        let micros = (real * 1_000_000.0).min(i64::MAX as f64 / 2.0) as i64;
        inner.base + Duration::microseconds(micros)
    }

    /// Current simulated time, truncated to whole milliseconds.
    pub fn now(&self) -> DateTime<Utc> {
        let inner = self.lock();
        let t = Self::now_locked(&inner);
        let ms = t.timestamp_millis();
        DateTime::from_timestamp_millis(ms).unwrap_or(t)
    }

    /// Moves simulated time forward by `by` (negative durations are ignored).
    pub fn advance(&self, by: Duration) {
        if by <= Duration::zero() {
            return;
        }
        let mut inner = self.lock();
        let now = Self::now_locked(&inner);
        inner.base = now + by;
        inner.anchor = Instant::now();
    }

    /// Simulated seconds per wall-clock second (0: frozen).
    pub fn scale(&self) -> f64 {
        self.lock().scale
    }

    /// Changes the scale from now on.
    pub fn set_scale(&self, scale: f64) {
        let mut inner = self.lock();
        let now = Self::now_locked(&inner);
        inner.base = now;
        inner.anchor = Instant::now();
        inner.scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            0.0
        };
    }

    /// How long (wall time) until simulated time has moved by `sim`; `None` when frozen.
    pub fn wall_time_for(&self, sim: Duration) -> Option<std::time::Duration> {
        let scale = self.scale();
        if scale == 0.0 {
            return None;
        }
        let secs = sim.num_milliseconds().max(0) as f64 / 1000.0 / scale;
        Some(std::time::Duration::from_secs_f64(secs))
    }
}

/// SDK clients can run on simulated time: their token expiry and rate limiter then agree with the
/// simulator's.
impl crate::clock::Clock for SimClock {
    fn now(&self) -> DateTime<Utc> {
        SimClock::now(self)
    }

    fn monotonic(&self) -> std::time::Duration {
        let origin = self.lock().origin;
        (SimClock::now(self) - origin).to_std().unwrap_or_default()
    }
}

/// Sleeping on a frozen clock moves simulated time forward at once (virtual time); on a running clock it
/// waits the wall time that corresponds to the simulated duration.
impl crate::clock::Sleeper for SimClock {
    fn sleep(&self, duration: std::time::Duration) -> crate::clock::SleepFuture {
        let sim = Duration::from_std(duration).unwrap_or(Duration::MAX);
        match self.wall_time_for(sim) {
            None => {
                self.advance(sim);
                Box::pin(tokio::task::yield_now())
            }
            Some(wall) => Box::pin(tokio::time::sleep(wall)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn frozen_clock_moves_only_when_advanced() {
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let c = SimClock::new(start, 0.0);
        assert_eq!(c.now(), start);
        c.advance(Duration::minutes(5));
        assert_eq!(c.now(), start + Duration::minutes(5));
        c.advance(Duration::minutes(-5));
        assert_eq!(c.now(), start + Duration::minutes(5));
        assert!(c.wall_time_for(Duration::minutes(1)).is_none());
    }

    #[tokio::test]
    async fn sleeping_on_a_frozen_clock_advances_it() {
        use crate::clock::{Clock, Sleeper};
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let c = SimClock::new(start, 0.0);
        c.sleep(std::time::Duration::from_secs(90)).await;
        assert_eq!(Clock::now(&c), start + Duration::seconds(90));
        assert_eq!(c.monotonic(), std::time::Duration::from_secs(90));
    }

    #[test]
    fn scaled_clock_runs_faster() {
        let start = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let c = SimClock::new(start, 3600.0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(c.now() >= start + Duration::seconds(60));
        assert_eq!(
            c.wall_time_for(Duration::hours(1)),
            Some(std::time::Duration::from_secs(1))
        );
    }
}
