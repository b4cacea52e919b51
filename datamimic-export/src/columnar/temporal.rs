//! Dates and times as the records write them (`2024-02-29`, `2024-02-29T13:05:09.250Z`, the
//! forms of chrono and of `datamimic::domain`'s serializers) read back into Arrow's numbers:
//! days and microseconds since 1970-01-01.

use chrono::{NaiveDate, NaiveTime};

/// The days from 0001-01-01 (chrono's day 1 of the common era) to 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

/// The days since 1970-01-01 of a `YYYY-MM-DD` date, or `None` if `text` is not exactly one.
pub(super) fn date(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(
        digits(&b[0..4])? as i32,
        digits(&b[5..7])?,
        digits(&b[8..10])?,
    )?;
    Some(chrono::Datelike::num_days_from_ce(&date) - UNIX_EPOCH_DAYS_FROM_CE)
}

/// The microseconds since 1970-01-01T00:00:00Z of `YYYY-MM-DDTHH:MM:SS[.fff[fff[fff]]]Z`, or
/// `None` if `text` is not one or holds a part of a microsecond.
pub(super) fn timestamp(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() < 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[b.len() - 1] != b'Z' {
        return None;
    }
    let days = date(text.get(..10)?)?;
    let time = NaiveTime::from_hms_opt(
        digits(&b[11..13])?,
        digits(&b[14..16])?,
        digits(&b[17..19])?,
    )?;
    let fraction = &b[19..b.len() - 1];
    let micros = match fraction.len() {
        0 => 0,
        4 => digits(&fraction[1..])? * 1_000,
        7 => digits(&fraction[1..])?,
        10 => {
            let nanos = digits(&fraction[1..])?;
            if nanos % 1_000 != 0 {
                return None;
            }
            nanos / 1_000
        }
        _ => return None,
    };
    if fraction.first().is_some_and(|&c| c != b'.') {
        return None;
    }
    let seconds =
        i64::from(days) * 86_400 + i64::from(chrono::Timelike::num_seconds_from_midnight(&time));
    Some(seconds * 1_000_000 + i64::from(micros))
}

/// The number written by ASCII digits only.
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, &d| n * 10 + u32::from(d - b'0')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, SecondsFormat};

    #[test]
    fn dates_are_days_since_1970() {
        assert_eq!(date("1970-01-01"), Some(0));
        assert_eq!(date("1969-12-31"), Some(-1));
        assert_eq!(date("2024-02-29"), Some(19_782));
        for bad in [
            "2023-02-29",
            "2024-2-29",
            "2024-02-29 ",
            "+2024-02-2",
            "2024/02/29",
            "",
        ] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }

    #[test]
    fn timestamps_are_microseconds_since_1970_and_read_what_chrono_writes() {
        for micros in [
            0,
            1_709_211_909_000_000,
            1_709_211_909_250_000,
            1_709_211_909_000_123,
            -86_400_000_001,
        ] {
            let time = DateTime::from_timestamp_micros(micros).unwrap();
            let text = time.to_rfc3339_opts(SecondsFormat::AutoSi, true);
            assert_eq!(timestamp(&text), Some(micros), "{text}");
        }
        assert_eq!(
            timestamp("2024-02-29T13:05:09.123456789Z"),
            None,
            "nanoseconds"
        );
        assert_eq!(
            timestamp("2024-02-29T13:05:09.123456000Z"),
            Some(1_709_211_909_123_456)
        );
        for bad in [
            "2024-02-29T13:05:09",
            "2024-02-29T13:05:09+01:00",
            "2024-02-29T24:00:00Z",
            "2024-02-29T13:05:09.1Z",
            "2024-02-29T13:05:09x123Z",
        ] {
            assert_eq!(timestamp(bad), None, "{bad}");
        }
    }
}
