//! Date helpers shared by the entities.

use chrono::{Days, Months, NaiveDate};

use crate::Context;
use crate::sample::below;

/// Uniform over `[today - (max + 1) years + 1 day, today - min years]`, as the common Person,
/// so the age in whole years is within `[min, max]`.
pub(crate) fn birthdate_and_age(ctx: &mut Context<'_>, min: u8, max: u8) -> (NaiveDate, u8) {
    let today = ctx.today();
    let latest = years_before(today, min);
    let earliest = years_before(today, max.saturating_add(1))
        .checked_add_days(Days::new(1))
        .unwrap_or(latest);
    let birthdate = between(ctx, earliest, latest);
    let age = today.years_since(birthdate).unwrap_or(0);
    (birthdate, age.min(u32::from(u8::MAX)) as u8)
}

/// `years` whole years before `date` (29 February becomes 28 February).
pub(crate) fn years_before(date: NaiveDate, years: u8) -> NaiveDate {
    date.checked_sub_months(Months::new(12 * u32::from(years)))
        .unwrap_or(date)
}

/// A uniform day in `low..=high` (`low` if the range is empty).
pub(crate) fn between(ctx: &mut Context<'_>, low: NaiveDate, high: NaiveDate) -> NaiveDate {
    let span = (high - low).num_days().max(0) as u64 + 1;
    low + Days::new(below(ctx.rng(), span))
}
