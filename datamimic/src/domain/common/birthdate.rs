//! Birthdates uniform over an age range, with the age each gives on the clock's today.

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::Context;
use crate::sample::below;

/// A birthdate and age in the configuration's age range.
pub(super) fn birthdate_and_age_of(
    ctx: &mut Context<'_>,
    config: &super::person::PersonConfig,
) -> (NaiveDate, u8) {
    birthdate_and_age(ctx, config.age_range())
}

/// Uniform over `[today - (max + 1) years + 1 day, today - min years]`, as datamimic-ce, so
/// the age in whole years is exactly within `[min, max]`.
pub(super) fn birthdate_and_age(ctx: &mut Context<'_>, ages: (u8, u8)) -> (NaiveDate, u8) {
    let birthdates = Birthdates::of(ctx.today(), ages);
    birthdates.nth(below(ctx.rng(), birthdates.count))
}

/// The possible birthdates of an age range on one day. Records pick one by its offset from
/// the earliest; day-number arithmetic turns that into a date and an age in a few dozen
/// instructions, where chrono's `Days` addition and `years_since` take several times more.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Birthdates {
    earliest: NaiveDate,
    /// `earliest` as a day of a 400-year Gregorian cycle (from 1 March of a year divisible
    /// by 400) and that cycle's number (cycle 0 starts on 0000-03-01).
    first_day_of_cycle: u64,
    first_cycle: i64,
    /// How many birthdates there are.
    count: u64,
    today_year: i32,
    /// Today as `month << 5 | day`, compared as chrono's `years_since` compares.
    today_month_day: u32,
}

impl Birthdates {
    /// The birthdates for an age range on `today`. Month arithmetic is slow in chrono and
    /// every record of a run asks the same question, so the last answer is kept per thread.
    fn of(today: NaiveDate, (min, max): (u8, u8)) -> Birthdates {
        type Key = (NaiveDate, u8, u8);
        thread_local! {
            static LAST: std::cell::Cell<Option<(Key, Birthdates)>> =
                const { std::cell::Cell::new(None) };
        }
        let key = (today, min, max);
        if let Some((last, birthdates)) = LAST.get()
            && last == key
        {
            return birthdates;
        }
        let latest = today
            .checked_sub_months(Months::new(12 * u32::from(min)))
            .unwrap_or(today);
        let earliest = today
            .checked_sub_months(Months::new(12 * (u32::from(max) + 1)))
            .and_then(|d| d.checked_add_days(Days::new(1)))
            .unwrap_or(latest);
        let first_day = i64::from(earliest.num_days_from_ce()) + DAYS_FROM_MARCH_0000_TO_CE;
        let birthdates = Birthdates {
            earliest,
            first_day_of_cycle: first_day.rem_euclid(DAYS_PER_CYCLE) as u64,
            first_cycle: first_day.div_euclid(DAYS_PER_CYCLE),
            count: (latest - earliest).num_days().max(0) as u64 + 1,
            today_year: today.year(),
            today_month_day: today.month() << 5 | today.day(),
        };
        LAST.set(Some((key, birthdates)));
        birthdates
    }

    /// The birthdate `offset` days after the earliest, and the age it gives today: the same
    /// as `earliest + Days::new(offset)` and `today.years_since(birthdate)`.
    #[inline]
    fn nth(&self, offset: u64) -> (NaiveDate, u8) {
        let day = self.first_day_of_cycle + offset;
        let cycle = self.first_cycle + (day / DAYS_PER_CYCLE as u64) as i64;
        let (year, month, day) = civil_from_days(cycle, (day % DAYS_PER_CYCLE as u64) as u32);
        // Fails only past chrono's last year, where the addition fails too (and panics).
        let birthdate = NaiveDate::from_ymd_opt(year, month, day)
            .unwrap_or_else(|| self.earliest + Days::new(offset));
        let before_birthday = self.today_month_day < (month << 5 | day);
        let age = self.today_year - year - i32::from(before_birthday);
        (birthdate, age.clamp(0, i32::from(u8::MAX)) as u8)
    }
}

/// chrono's day 1 (0001-01-01) is day 306 counted from 0000-03-01.
const DAYS_FROM_MARCH_0000_TO_CE: i64 = 305;

/// The days of a 400-year Gregorian cycle.
const DAYS_PER_CYCLE: i64 = 146_097;

/// Year, month and day of day `day_of_cycle` (below [`DAYS_PER_CYCLE`]) of 400-year cycle
/// `cycle` (Howard Hinnant's `civil_from_days`: years start in March, so the leap day is the
/// last day of a year). Unsigned 32-bit arithmetic within the cycle, which is the fastest.
#[inline]
fn civil_from_days(cycle: i64, day_of_cycle: u32) -> (i32, u32, u32) {
    let d = day_of_cycle;
    let year_of_cycle = (d - d / 1_460 + d / 36_524 - d / 146_096) / 365; // [0, 399]
    let day_of_year = d - (365 * year_of_cycle + year_of_cycle / 4 - year_of_cycle / 100);
    let march_month = (5 * day_of_year + 2) / 153; // [0, 11], 0 is March
    let day = day_of_year - (153 * march_month + 2) / 5 + 1;
    let month = if march_month < 10 {
        march_month + 3
    } else {
        march_month - 9
    };
    let year = cycle * 400 + i64::from(year_of_cycle) + i64::from(month <= 2);
    (year as i32, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arithmetic agrees with chrono on every birthdate of every age range, for todays
    /// around leap days and year ends.
    #[test]
    fn dates_and_ages_are_chronos() {
        let todays = [
            (2025, 1, 1),
            (2024, 2, 28),
            (2024, 2, 29),
            (2024, 3, 1),
            (2023, 2, 28),
            (2023, 3, 1),
            (2000, 2, 29),
            (2100, 3, 1),
            (2024, 12, 31),
            (1, 6, 15),
        ];
        for (y, m, d) in todays {
            let today = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            for (min, max) in [(0, 0), (0, 3), (18, 65), (17, 17), (90, 255), (255, 255)] {
                let birthdates = Birthdates::of(today, (min, max));
                for offset in 0..birthdates.count {
                    let expected = birthdates.earliest + Days::new(offset);
                    let age = today.years_since(expected).unwrap_or(0).min(255) as u8;
                    assert_eq!(birthdates.nth(offset), (expected, age), "{today} {offset}");
                }
            }
        }
    }

    #[test]
    fn cycles_start_on_1_march_0000() {
        assert_eq!(civil_from_days(0, 0), (0, 3, 1));
        assert_eq!(civil_from_days(-1, 146_096), (0, 2, 29));
        assert_eq!(civil_from_days(0, 306), (1, 1, 1));
        assert_eq!(civil_from_days(-2, 365), (-799, 3, 1));
        assert_eq!(civil_from_days(5, 146_096), (2400, 2, 29));
    }
}
