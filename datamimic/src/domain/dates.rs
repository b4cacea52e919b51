//! Calendar steps by whole years and to a month's end, cheaper than chrono's month arithmetic
//! (which these hot paths would otherwise call several times per record).

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// `date` moved by `years` (negative: back); 29 February becomes 28 February off leap years.
#[inline]
pub(crate) fn add_years(date: NaiveDate, years: i32) -> NaiveDate {
    let year = date.year() + years;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

/// The last day of `date`'s month.
#[inline]
pub(crate) fn end_of_month(date: NaiveDate) -> NaiveDate {
    let (year, month) = match date.month() {
        12 => (date.year() + 1, 1),
        m => (date.year(), m + 1),
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|next| next.pred_opt())
        .unwrap_or(date)
}

/// Days from 0001-01-01 (day 1 in chrono's count) to 1970-01-01.
const UNIX_EPOCH_DAY: i64 = 719_163;

/// Days since 1970-01-01.
#[inline]
pub(crate) fn unix_day(date: NaiveDate) -> i64 {
    i64::from(date.num_days_from_ce()) - UNIX_EPOCH_DAY
}

/// The date `day` days after 1970-01-01.
#[inline]
pub(crate) fn from_unix_day(day: i64) -> Option<NaiveDate> {
    i32::try_from(day + UNIX_EPOCH_DAY)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// The instant `seconds` after the Unix epoch (clamped to chrono's range).
pub(crate) fn timestamp(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_land_on_real_days() {
        let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(
            add_years(leap, 1),
            NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()
        );
        assert_eq!(
            add_years(leap, -4),
            NaiveDate::from_ymd_opt(2020, 2, 29).unwrap()
        );
        assert_eq!(end_of_month(leap), leap);
        let december = NaiveDate::from_ymd_opt(2025, 12, 3).unwrap();
        assert_eq!(
            end_of_month(december),
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap()
        );
    }
}
