//! `DateTimeGenerator`'s calendar weights (`month_weights`, `weekday_weights`, `dom_weights`,
//! `hour_weights`, `minute_weights`, `second_weights`): a datetime between `min` and `max` is
//! drawn with a chance proportional to the product of its month's, weekday's (Monday first,
//! as Python's `weekday()`), day-of-month's, hour's, minute's and second's weights, every
//! second of the range counting once.
//!
//! Weights are written as DATAMIMIC writes them, a Python list expression: literal lists,
//! repetitions and sums (`[0,0,1]+[0]*9`, `[0.6]*6 + [0.3]*16 + [0.1]*2`) are read directly,
//! anything else (`[1 if m % 15 == 0 else 0 for m in range(60)]`) is evaluated once by the
//! script engine when the descriptor is read.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use datamimic::sample;
use rand::Rng;

/// Draws before a run gives up on a range whose weight lies outside `min`..`max` (only its
/// first and last day can hold such seconds, so this takes very unusual weights).
const MAX_ATTEMPTS: u32 = 10_000;

/// The most days a weighted range may span (about 10,000 years).
const MAX_DAYS: i64 = 3_700_000;

/// The calendar weights of one generator, given or all equal.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CalendarWeights {
    /// `month_weights`: 12, January first.
    pub month: Option<Vec<f64>>,
    /// `weekday_weights`: 7, Monday first.
    pub weekday: Option<Vec<f64>>,
    /// `dom_weights`: 31, the 1st first.
    pub dom: Option<Vec<f64>>,
    /// `hour_weights`: 24.
    pub hour: Option<Vec<f64>>,
    /// `minute_weights`: 60.
    pub minute: Option<Vec<f64>>,
    /// `second_weights`: 60.
    pub second: Option<Vec<f64>>,
    /// `dom='last'`: only the last day of each month.
    pub last_day_only: bool,
}

/// How many weights each parameter takes.
pub fn expected_len(parameter: &str) -> Option<usize> {
    Some(match parameter {
        "month_weights" => 12,
        "weekday_weights" => 7,
        "dom_weights" => 31,
        "hour_weights" => 24,
        "minute_weights" | "second_weights" => 60,
        _ => return None,
    })
}

/// Reads a Python list expression of non-negative weights: `+`-joined terms, each a literal
/// list optionally repeated (`[0]*9` or `9*[0]`).
pub fn parse_weights(text: &str, len: usize) -> Result<Vec<f64>, String> {
    let mut out = Vec::new();
    for term in split_top_level(text, '+') {
        let term = term.trim();
        let (list, times) = match split_top_level(term, '*').as_slice() {
            [list] => (list.trim(), 1),
            [a, b] => {
                let (list, count) = if a.trim().starts_with('[') {
                    (a.trim(), b.trim())
                } else {
                    (b.trim(), a.trim())
                };
                let times: usize = count
                    .parse()
                    .map_err(|_| format!("`{count}` in `{term}` is not a repetition count"))?;
                (list, times)
            }
            _ => return Err(format!("`{term}` is not a list or a repeated list")),
        };
        let items = list
            .strip_prefix('[')
            .and_then(|l| l.strip_suffix(']'))
            .ok_or_else(|| format!("`{list}` is not a list of numbers such as `[1, 0.5]`"))?;
        let weights = items
            .split(',')
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(|w| {
                w.parse::<f64>()
                    .ok()
                    .filter(|w| w.is_finite() && *w >= 0.0)
                    .ok_or_else(|| format!("`{w}` is not a non-negative number"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if out
            .len()
            .saturating_add(weights.len().saturating_mul(times))
            > len
        {
            return Err(format!("`{text}` has more than {len} weights"));
        }
        for _ in 0..times {
            out.extend_from_slice(&weights);
        }
    }
    check_weights(out, text, len)
}

/// Checks weights computed from `text` (by the list reader or a Python expression): `len`
/// of them, finite, non-negative and not all 0.
pub fn check_weights(weights: Vec<f64>, text: &str, len: usize) -> Result<Vec<f64>, String> {
    if weights.len() != len {
        return Err(format!("`{text}` has {} weights, not {len}", weights.len()));
    }
    if let Some(bad) = weights.iter().find(|w| !w.is_finite() || **w < 0.0) {
        return Err(format!(
            "`{text}` has the weight {bad}; weights are non-negative"
        ));
    }
    if weights.iter().all(|&w| w == 0.0) {
        return Err(format!("`{text}` gives every choice the weight 0"));
    }
    Ok(weights)
}

fn split_top_level(text: &str, at: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in text.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            c if c == at && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Cumulative weights for a weighted index.
#[derive(Debug, Clone, PartialEq)]
struct Cumulative(Vec<f64>);

impl Cumulative {
    fn new(weights: impl IntoIterator<Item = f64>) -> Cumulative {
        let mut sum = 0.0;
        Cumulative(
            weights
                .into_iter()
                .map(|w| {
                    sum += w;
                    sum
                })
                .collect(),
        )
    }

    fn total(&self) -> f64 {
        self.0.last().copied().unwrap_or(0.0)
    }

    fn draw<R: Rng + ?Sized>(&self, rng: &mut R) -> usize {
        let x = sample::unit_f64(rng) * self.total();
        let i = self.0.partition_point(|&c| c <= x);
        // Rounding may leave `x` at the total: take the last index with weight.
        i.min(self.0.partition_point(|&c| c < self.total()))
    }
}

/// A weighted draw between two datetimes, built once per generator.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightedRange {
    low: NaiveDateTime,
    high: NaiveDateTime,
    days: Cumulative,
    hours: Cumulative,
    /// `None` without minute weights: a uniform minute, drawn as before they existed.
    minutes: Option<Cumulative>,
    seconds: Cumulative,
}

impl WeightedRange {
    /// The draw over `low..=high`, or why no second of it has weight.
    pub fn new(
        low: NaiveDateTime,
        high: NaiveDateTime,
        weights: &CalendarWeights,
    ) -> Result<WeightedRange, String> {
        let first = low.date();
        let span = (high.date() - first).num_days();
        if span > MAX_DAYS {
            return Err(format!("weights over more than {MAX_DAYS} days"));
        }
        let pick = |w: &Option<Vec<f64>>, i: usize| w.as_ref().map_or(1.0, |w| w[i]);
        let days = Cumulative::new((0..=span).map(|d| {
            let day: NaiveDate = first + chrono::Duration::days(d);
            pick(&weights.month, day.month0() as usize)
                * pick(
                    &weights.weekday,
                    day.weekday().num_days_from_monday() as usize,
                )
                * pick(&weights.dom, day.day0() as usize)
                * if weights.last_day_only && day.succ_opt().is_some_and(|next| next.day() != 1) {
                    0.0
                } else {
                    1.0
                }
        }));
        if days.total() == 0.0 {
            return Err(format!("the weights leave no day between {low} and {high}"));
        }
        Ok(WeightedRange {
            low,
            high,
            days,
            hours: Cumulative::new((0..24).map(|h| pick(&weights.hour, h))),
            minutes: weights
                .minute
                .as_ref()
                .map(|w| Cumulative::new(w.iter().copied())),
            seconds: Cumulative::new((0..60).map(|s| pick(&weights.second, s))),
        })
    }

    /// One datetime, or an error when every draw fell outside the range.
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R) -> Result<NaiveDateTime, String> {
        for _ in 0..MAX_ATTEMPTS {
            let day = self.low.date() + chrono::Duration::days(self.days.draw(rng) as i64);
            let hour = self.hours.draw(rng) as u32;
            let minute = match &self.minutes {
                Some(minutes) => minutes.draw(rng) as u32,
                None => sample::below(rng, 60) as u32,
            };
            let second = self.seconds.draw(rng) as u32;
            let at = day.and_time(
                NaiveTime::from_hms_opt(hour, minute, second).expect("hour, minute, second"),
            );
            if (self.low..=self.high).contains(&at) {
                return Ok(at);
            }
        }
        Err(format!(
            "no weighted time between {} and {} after {MAX_ATTEMPTS} draws",
            self.low, self.high
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datetime::parse_datetime;

    #[test]
    fn python_list_expressions_are_read() {
        assert_eq!(
            parse_weights("[0,0,1]+[0]*9", 12).unwrap(),
            [0., 0., 1., 0., 0., 0., 0., 0., 0., 0., 0., 0.]
        );
        let hours = parse_weights("[0.6]*6 + [0.3]*16 + 2*[0.1]", 24).unwrap();
        assert_eq!((hours[5], hours[6], hours[23]), (0.6, 0.3, 0.1));
        for bad in [
            "[1]*11",
            "[1]*13",
            "[1 if m in (0,15) else 0 for m in range(12)]",
            "[-1]+[1]*11",
            "[0]*12",
            "[1]*x",
            "[1]*99999999999999999999",
        ] {
            assert!(parse_weights(bad, 12).is_err(), "{bad}");
        }
    }

    #[test]
    fn draws_follow_the_weights_and_stay_in_range() {
        let weights = CalendarWeights {
            month: Some(parse_weights("[0,0,1]+[0]*9", 12).unwrap()),
            weekday: Some(parse_weights("[1,0,0,0,0,0,0]", 7).unwrap()),
            hour: Some(parse_weights("[0]*9+[1]*9+[0]*6", 24).unwrap()),
            ..CalendarWeights::default()
        };
        let low = parse_datetime("2024-01-01", None).unwrap();
        let high = parse_datetime("2024-12-31 23:59:59", None).unwrap();
        let range = WeightedRange::new(low, high, &weights).unwrap();
        let mut rng = datamimic::MimicRng::seed_from_u64(3);
        let mut mondays = std::collections::BTreeSet::new();
        for _ in 0..2000 {
            let at = range.draw(&mut rng).unwrap();
            assert_eq!(at.month(), 3, "{at}");
            assert_eq!(at.weekday(), chrono::Weekday::Mon, "{at}");
            assert!((9..18).contains(&chrono::Timelike::hour(&at)), "{at}");
            mondays.insert(at.day());
        }
        // The Mondays of March 2024.
        assert_eq!(mondays.into_iter().collect::<Vec<_>>(), [4, 11, 18, 25]);
        let february = CalendarWeights {
            month: Some(parse_weights("[0,0,1]+[0]*9", 12).unwrap()),
            ..CalendarWeights::default()
        };
        let feb_high = parse_datetime("2024-02-29", None).unwrap();
        assert!(WeightedRange::new(low, feb_high, &february).is_err());
    }
}
