//! "Now" for generated data: fixed for seeded runs, so ages and dates are reproducible.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

/// The instant generated data treats as "now".
///
/// Seeded runs use [`Clock::ANCHOR`] (2025-01-01T12:00:00Z, as datamimic does) unless told
/// otherwise; unseeded runs read the system clock once.
///
/// ```
/// use datamimic::Clock;
/// assert_eq!(Clock::anchor().now().to_rfc3339(), "2025-01-01T12:00:00+00:00");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    now: DateTime<Utc>,
}

impl Clock {
    /// The default anchor of seeded runs, as seconds since the Unix epoch
    /// (2025-01-01T12:00:00Z).
    pub const ANCHOR: i64 = 1_735_732_800;

    /// The fixed anchor of seeded runs.
    pub fn anchor() -> Clock {
        Clock {
            now: Utc
                .timestamp_opt(Self::ANCHOR, 0)
                .single()
                .expect("valid anchor"),
        }
    }

    /// A clock frozen at `now`.
    pub fn fixed(now: DateTime<Utc>) -> Clock {
        Clock { now }
    }

    /// The system clock, read once.
    pub fn system() -> Clock {
        Clock { now: Utc::now() }
    }

    /// The instant.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// The date of [`Clock::now`] in UTC.
    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }
}

impl Default for Clock {
    fn default() -> Clock {
        Clock::anchor()
    }
}
