//! `serialize_with` helpers for dates and times that write exactly what chrono's own `Serialize`
//! impls write (`2024-02-29`, `2024-02-29T13:05:09Z`), without chrono's trip through
//! `core::fmt` for every field. Years outside 0..=9999 and leap seconds, which chrono writes
//! differently and records never hold, are left to chrono.

#[cfg(feature = "industry-domain")]
use chrono::{DateTime, Timelike, Utc};
use chrono::{Datelike, NaiveDate};

#[cfg(feature = "industry-domain")]
use super::assembled_text::push_padded;
use super::assembled_text::{push_two_digits, serialize_assembled};

/// A date serialized by [`date`]: for records whose `Serialize` is written out (a person's
/// birthdate), where `serialize_with` is not at hand.
pub(crate) struct IsoDate<'a>(pub(crate) &'a NaiveDate);

impl serde::Serialize for IsoDate<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        date(self.0, serializer)
    }
}

/// Serializes `date` as chrono does: `YYYY-MM-DD`.
pub(crate) fn date<S: serde::Serializer>(
    date: &NaiveDate,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    if !(0..=9999).contains(&date.year()) {
        return serde::Serialize::serialize(date, serializer);
    }
    serialize_assembled(
        serializer,
        |text| push_date(text, *date),
        |serializer| serde::Serialize::serialize(date, serializer),
    )
}

#[cfg(feature = "industry-domain")]
#[cfg_attr(not(feature = "all-domains"), allow(dead_code))]
/// Serializes `time` as chrono does (RFC 3339 with `Z`, and as many fraction digits as the
/// nanoseconds need: none, 3, 6 or 9).
pub(crate) fn date_time<S: serde::Serializer>(
    time: &DateTime<Utc>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let nano = time.nanosecond();
    // Leap seconds (nanoseconds past 10^9) are written as second 60 by chrono.
    if nano >= 1_000_000_000 || !(0..=9999).contains(&time.year()) {
        return serde::Serialize::serialize(time, serializer);
    }
    serialize_assembled(
        serializer,
        |text| {
            push_date(text, time.date_naive());
            text.push('T');
            push_two_digits(text, time.hour());
            text.push(':');
            push_two_digits(text, time.minute());
            text.push(':');
            push_two_digits(text, time.second());
            // The fewest of 3, 6 or 9 fraction digits that hold the nanoseconds exactly.
            if nano != 0 {
                let (value, width) = if nano.is_multiple_of(1_000_000) {
                    (nano / 1_000_000, 3)
                } else if nano.is_multiple_of(1_000) {
                    (nano / 1_000, 6)
                } else {
                    (nano, 9)
                };
                text.push('.');
                push_padded(text, u64::from(value), width);
            }
            text.push('Z');
        },
        |serializer| serde::Serialize::serialize(time, serializer),
    )
}

/// Appends `YYYY-MM-DD` for a year in 0..=9999.
fn push_date(text: &mut String, date: NaiveDate) {
    let year = date.year() as u32;
    push_two_digits(text, year / 100);
    push_two_digits(text, year % 100);
    text.push('-');
    push_two_digits(text, date.month());
    text.push('-');
    push_two_digits(text, date.day());
}

#[cfg(all(test, feature = "industry-domain"))]
mod tests {
    use chrono::{Days, Duration, NaiveDateTime};

    #[derive(serde::Serialize)]
    struct Fast {
        #[serde(serialize_with = "super::date")]
        date: chrono::NaiveDate,
        #[serde(serialize_with = "super::date_time")]
        time: chrono::DateTime<chrono::Utc>,
    }

    #[derive(serde::Serialize)]
    struct Chrono {
        date: chrono::NaiveDate,
        time: chrono::DateTime<chrono::Utc>,
    }

    fn check(time: NaiveDateTime) {
        let (date, time) = (time.date(), time.and_utc());
        assert_eq!(
            serde_json::to_string(&Fast { date, time }).unwrap(),
            serde_json::to_string(&Chrono { date, time }).unwrap(),
        );
        assert_eq!(
            serde_json::to_string(&super::IsoDate(&date)).unwrap(),
            serde_json::to_string(&date).unwrap(),
        );
    }

    #[test]
    fn writes_what_chrono_writes() {
        let start = chrono::NaiveDate::from_ymd_opt(1899, 12, 25)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        // Every day over two centuries, at a time that moves through hours, minutes, seconds.
        for day in 0..75_000u64 {
            check(start + Days::new(day) + Duration::seconds((day * 7_919) as i64 % 86_400));
        }
        let noon = start + Duration::hours(12);
        for nanos in [
            1,
            999,
            1_000,
            120_000,
            1_000_000,
            5_000_000,
            123_456_789,
            999_999_999,
        ] {
            check(noon + Duration::nanoseconds(nanos));
        }
        // Years chrono writes with a sign, and the four-digit edges.
        for year in [
            -44, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 12_345,
        ] {
            check(
                chrono::NaiveDate::from_ymd_opt(year, 3, 7)
                    .unwrap()
                    .and_hms_opt(1, 2, 3)
                    .unwrap(),
            );
        }
        // A leap second.
        check(
            chrono::NaiveDate::from_ymd_opt(2016, 12, 31)
                .unwrap()
                .and_hms_nano_opt(23, 59, 59, 1_500_000_000)
                .unwrap(),
        );
    }
}
