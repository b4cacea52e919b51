//! Dates and times in descriptors: `DateTimeGenerator`, the `inDateFormat`/`outDateFormat`
//! attributes and the `DateFormat`, `Date2Timestamp` and `Timestamp2Date` converters.
//!
//! Formats are Python `strftime` formats, translated to chrono's. They differ in two places:
//! Python's `%f` is six digits of microseconds (chrono's is nine of nanoseconds), and a
//! Python datetime without a zone writes `%z` and `%Z` as nothing. `%3f` (milliseconds), as
//! DATAMIMIC writes it, is kept. Only the directives listed in [`DIRECTIVES`] are accepted.
//! Besides strftime formats, `epoch`, `epoch_millis`, `epoch_micros` and `epoch_nanos` read
//! and write integer counts since 1970-01-01 00:00:00; `inDateFormat="epoch"` reads a count
//! too large for seconds (past the year 9999) as milliseconds, else microseconds, else
//! nanoseconds.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, NaiveDate, NaiveDateTime};
use std::sync::Arc;

use rand::Rng;

use crate::datetime_weights::{CalendarWeights, WeightedRange};
use crate::script::uniform_int;

/// The Python `strftime` directives understood (after `%`).
pub const DIRECTIVES: &str = "aAwdbBmyYHIpMSfjUWcxXzZ%";

/// The output of a datetime without `outDateFormat`, as DATAMIMIC writes it.
pub const DEFAULT_FORMAT: &str = "%Y-%m-%d %H:%M:%S";

/// The texts `DateTimeGenerator` reads without `input_format` (and ISO 8601 with a zone,
/// see [`parse_datetime`]).
const DEFAULT_INPUTS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
];

/// Python's largest year; `epoch` reads a count of seconds past it as a finer unit.
const MAX_YEAR: i32 = 9999;

/// `DateTimeGenerator(...)`: a fixed datetime, or one drawn (to the second) between two, both
/// included, uniformly or by calendar weights.
#[derive(Debug, Clone, PartialEq)]
pub struct DateTimeGen {
    low: NaiveDateTime,
    high: NaiveDateTime,
    weighted: Option<Arc<WeightedRange>>,
    seed: Option<u64>,
}

impl DateTimeGen {
    /// The first moment of `random=True` without `min`: 1970-01-01 00:00:00.
    pub const RANDOM_MIN: i64 = 0;

    /// Every value is `at`.
    pub fn fixed(at: NaiveDateTime) -> DateTimeGen {
        DateTimeGen {
            low: at,
            high: at,
            weighted: None,
            seed: None,
        }
    }

    /// Values between `low` and `high`, both included; `None` if `low` is after `high`.
    pub fn between(low: NaiveDateTime, high: NaiveDateTime) -> Option<DateTimeGen> {
        (low <= high).then_some(DateTimeGen {
            low,
            high,
            weighted: None,
            seed: None,
        })
    }

    /// Values drawn by `weights` between `low` and `high`, both included.
    pub fn weighted(
        low: NaiveDateTime,
        high: NaiveDateTime,
        weights: &CalendarWeights,
    ) -> Result<DateTimeGen, String> {
        if low > high {
            return Err(format!("`min` {low} is after `max` {high}"));
        }
        Ok(DateTimeGen {
            low,
            high,
            weighted: Some(Arc::new(WeightedRange::new(low, high, weights)?)),
            seed: None,
        })
    }

    /// The generator drawing from a stream of its own seeded by `seed` (DATAMIMIC's
    /// `seed=N`): record `i` gets the same datetime whatever the run's seed.
    pub fn with_seed(self, seed: Option<u64>) -> DateTimeGen {
        DateTimeGen { seed, ..self }
    }

    /// The value of record `index`: from the generator's own stream if it has a seed, else
    /// from `rng` (the record's).
    pub fn draw_for<R: Rng + ?Sized>(
        &self,
        index: u64,
        rng: &mut R,
    ) -> Result<NaiveDateTime, String> {
        match self.seed {
            Some(seed) => self.draw(&mut datamimic::RecordStreams::new(seed).record(index)),
            None => self.draw(rng),
        }
    }

    /// One value, drawn from `rng` unless the range is a single moment; an error only when
    /// the weights leave the range's ends without weight after many draws.
    pub fn draw<R: Rng + ?Sized>(&self, rng: &mut R) -> Result<NaiveDateTime, String> {
        if let Some(weighted) = &self.weighted {
            return weighted.draw(rng);
        }
        if self.low == self.high {
            return Ok(self.low);
        }
        let span = (self.high - self.low).num_seconds();
        Ok(self.low + chrono::Duration::seconds(uniform_int(rng, 0, span)))
    }
}

/// Writes `at` with the Python `strftime` format `python`.
pub fn strftime(at: NaiveDateTime, python: &str) -> Result<String, String> {
    translate(python, Direction::Write).map(|f| at.format(&f).to_string())
}

/// The datetime at `seconds` since the epoch.
pub fn from_epoch_seconds(seconds: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp(seconds, 0).map(|d| d.naive_utc())
}

/// Reads `text` as a datetime with the Python format `format`, or with the default inputs
/// when `format` is `None`: `YYYY-MM-DD`, optionally with `HH:MM[:SS[.fraction]]` after a
/// space or a `T`, or an ISO 8601 datetime with a zone (`2026-11-20T08:23:48.117131617Z`,
/// how an entity's datetime field reaches a script), taken in UTC.
pub fn parse_datetime(text: &str, format: Option<&str>) -> Result<NaiveDateTime, String> {
    let text = text.trim();
    match format {
        Some(f) => {
            let chrono = translate(f, Direction::Parse)?;
            parse_with(text, &chrono).ok_or_else(|| format!("`{text}` does not match `{f}`"))
        }
        None => DEFAULT_INPUTS
            .iter()
            .find_map(|f| parse_with(text, f))
            .or_else(|| {
                DateTime::parse_from_rfc3339(text)
                    .ok()
                    .map(|d| d.naive_utc())
            })
            .ok_or_else(|| {
                format!("`{text}` is not a date (`YYYY-MM-DD`, optionally with `HH:MM:SS`)")
            }),
    }
}

fn parse_with(text: &str, chrono_format: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, chrono_format)
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, chrono_format)
                .ok()
                .and_then(|d| d.and_hms_opt(0, 0, 0))
        })
}

/// The unit of an epoch format.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EpochUnit {
    /// `epoch`.
    Seconds,
    /// `epoch_millis`.
    Millis,
    /// `epoch_micros`.
    Micros,
    /// `epoch_nanos`.
    Nanos,
}

impl EpochUnit {
    fn per_second(self) -> i64 {
        match self {
            EpochUnit::Seconds => 1,
            EpochUnit::Millis => 1_000,
            EpochUnit::Micros => 1_000_000,
            EpochUnit::Nanos => 1_000_000_000,
        }
    }
}

/// An `inDateFormat`/`outDateFormat` or a `DateFormat(...)` argument, checked when parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum DateFormat {
    /// A Python `strftime` format, kept with its chrono translations.
    Strftime {
        /// As written.
        python: String,
        /// For writing.
        write: String,
        /// For reading, or why the format cannot be read (`%3f`, `%z`, `%f` without a `.`).
        read: Result<String, String>,
    },
    /// An integer count since the epoch.
    Epoch(EpochUnit),
}

impl DateFormat {
    /// Checks `text` (a Python format or `epoch[_millis|_micros|_nanos]`).
    pub fn new(text: &str) -> Result<DateFormat, String> {
        Ok(match text {
            "epoch" => DateFormat::Epoch(EpochUnit::Seconds),
            "epoch_millis" => DateFormat::Epoch(EpochUnit::Millis),
            "epoch_micros" => DateFormat::Epoch(EpochUnit::Micros),
            "epoch_nanos" => DateFormat::Epoch(EpochUnit::Nanos),
            _ => DateFormat::Strftime {
                python: text.to_owned(),
                write: translate(text, Direction::Write)?,
                read: translate(text, Direction::Parse),
            },
        })
    }

    /// Writes `at`: a string, or an integer for an epoch format.
    pub fn write(&self, at: NaiveDateTime) -> Result<rhai::Dynamic, String> {
        match self {
            DateFormat::Strftime { write, .. } => Ok(at.format(write).to_string().into()),
            DateFormat::Epoch(unit) => {
                let utc = at.and_utc();
                let count = match unit {
                    EpochUnit::Seconds => Some(utc.timestamp()),
                    EpochUnit::Millis => Some(utc.timestamp_millis()),
                    EpochUnit::Micros => Some(utc.timestamp_micros()),
                    EpochUnit::Nanos => utc.timestamp_nanos_opt(),
                };
                count
                    .map(Into::into)
                    .ok_or_else(|| format!("{at} is beyond a 64-bit count of nanoseconds"))
            }
        }
    }

    /// Reads `text` (for an epoch format, an integer count).
    pub fn read(&self, text: &str) -> Result<NaiveDateTime, String> {
        let text = text.trim();
        match self {
            DateFormat::Strftime { python, read, .. } => parse_with(text, read.as_ref()?)
                .ok_or_else(|| format!("`{text}` does not match `{python}`")),
            DateFormat::Epoch(unit) => {
                let count: i64 = text
                    .parse()
                    .map_err(|_| format!("`{text}` is not an integer count since the epoch"))?;
                // `epoch` takes the coarsest unit that lands in Python's years (so 13 digits
                // read as milliseconds, as DATAMIMIC's demos expect); the others are exact.
                let units: &[EpochUnit] = match unit {
                    EpochUnit::Seconds => &[
                        EpochUnit::Seconds,
                        EpochUnit::Millis,
                        EpochUnit::Micros,
                        EpochUnit::Nanos,
                    ],
                    exact => std::slice::from_ref(exact),
                };
                units
                    .iter()
                    .find_map(|&u| from_epoch(count, u))
                    .ok_or_else(|| format!("`{text}` is not between the years 1 and {MAX_YEAR}"))
            }
        }
    }
}

/// The datetime `count` units after the epoch, if its year is one Python can hold.
fn from_epoch(count: i64, unit: EpochUnit) -> Option<NaiveDateTime> {
    let per = unit.per_second();
    let nanos = u32::try_from(count.rem_euclid(per) * (1_000_000_000 / per)).ok()?;
    DateTime::from_timestamp(count.div_euclid(per), nanos)
        .map(|d| d.naive_utc())
        .filter(|d| (1..=MAX_YEAR).contains(&chrono::Datelike::year(d)))
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Write,
    Parse,
}

/// A Python `strftime` format as a chrono format; an unknown directive is an error.
fn translate(python: &str, direction: Direction) -> Result<String, String> {
    let mut out = String::with_capacity(python.len() + 4);
    let mut chars = python.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        // DATAMIMIC's `%3f`: milliseconds.
        if chars.peek() == Some(&'3') {
            chars.next();
            if chars.next() != Some('f') {
                return Err(format!("`{python}`: `%3` must be followed by `f`"));
            }
            if direction == Direction::Parse {
                return Err(format!("`{python}`: `%3f` can only be written, not read"));
            }
            out.push_str("%3f");
            continue;
        }
        let Some(d) = chars.next() else {
            return Err(format!("`{python}` ends with a lone `%`"));
        };
        if !DIRECTIVES.contains(d) {
            return Err(format!(
                "`{python}`: `%{d}` is not a supported directive (known: {})",
                DIRECTIVES
                    .chars()
                    .map(|d| format!("%{d}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
        match (d, direction) {
            ('f', Direction::Write) => out.push_str("%6f"),
            // Python reads 1 to 6 digits of fraction; chrono's `%.f` reads them with the dot.
            ('f', Direction::Parse) => {
                if out.pop() != Some('.') {
                    return Err(format!(
                        "`{python}`: `%f` can only be read right after a `.`"
                    ));
                }
                out.push_str("%.f");
            }
            // A datetime without a zone, as in Python, writes no zone.
            ('z' | 'Z', Direction::Write) => {}
            ('z' | 'Z', Direction::Parse) => {
                return Err(format!(
                    "`{python}`: `%{d}` cannot be read (datetimes here have no zone)"
                ));
            }
            _ => {
                out.push('%');
                out.push(d);
            }
        }
    }
    // chrono rejects the result only for a directive it does not know; the check above
    // keeps to ones it does.
    debug_assert!(
        !StrftimeItems::new(&out).any(|i| matches!(i, Item::Error)),
        "{out}"
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        parse_datetime(text, None).unwrap()
    }

    #[test]
    fn python_formats_write_as_python_does() {
        let t = at("2021-02-01 12:08:04.376188");
        let write = |f: &str| DateFormat::new(f).unwrap().write(t).unwrap().to_string();
        assert_eq!(write("%Y-%m-%d %H:%M:%S.%f"), "2021-02-01 12:08:04.376188");
        assert_eq!(write("%d.%m.%Y %H:%M:%S.%3f"), "01.02.2021 12:08:04.376");
        assert_eq!(
            write("%d-%b-%Y %a %A %B %j %y"),
            "01-Feb-2021 Mon Monday February 032 21"
        );
        assert_eq!(write("%I%p %z%Z %%"), "12PM  %");
        assert_eq!(write("epoch"), "1612181284");
        assert_eq!(write("epoch_millis"), "1612181284376");
        assert_eq!(write("epoch_nanos"), "1612181284376188000");
    }

    #[test]
    fn python_formats_read_as_python_does() {
        let read = |f: &str, t: &str| DateFormat::new(f).unwrap().read(t);
        assert_eq!(
            read("%Y-%m-%d %H:%M:%S.%f", "2021-02-01 12:08:04.376188").unwrap(),
            at("2021-02-01 12:08:04.376188")
        );
        assert_eq!(read("%Y-%m-%d", "2020-1-1").unwrap(), at("2020-01-01"));
        assert_eq!(
            parse_datetime("2055-02-01 0:0:0", None).unwrap(),
            at("2055-02-01")
        );
        assert_eq!(
            read("epoch", "1692967891").unwrap(),
            at("2023-08-25 12:51:31")
        );
        assert_eq!(
            read("epoch_millis", "1692967891500").unwrap(),
            at("2023-08-25 12:51:31.5")
        );
        assert_eq!(
            read("epoch", "1692967891000").unwrap(),
            at("2023-08-25 12:51:31")
        );
        assert_eq!(
            read("epoch", "1692967891000123").unwrap(),
            at("2023-08-25 12:51:31.000123")
        );
        assert!(read("epoch_millis", "-99999999999999999").is_err());
        assert!(read("%Y-%m-%d", "2020-13-01").is_err());
        assert!(parse_datetime("2020-02-30", None).is_err());
    }

    #[test]
    fn iso_datetimes_with_a_zone_are_read_in_utc() {
        assert_eq!(
            parse_datetime("2026-11-20T08:23:48.117131617Z", None).unwrap(),
            at("2026-11-20 08:23:48.117131617")
        );
        assert_eq!(
            parse_datetime("2026-11-20T10:23:48+02:00", None).unwrap(),
            at("2026-11-20 08:23:48")
        );
        assert_eq!(
            parse_datetime("2026-11-20T08:23", None).unwrap(),
            at("2026-11-20 08:23:00")
        );
        let bad = parse_datetime("2026-11-20T08:23:48 Z", None).unwrap_err();
        assert!(bad.contains("is not a date"), "{bad}");
    }

    #[test]
    fn unknown_directives_are_refused() {
        for bad in ["%Q", "%Y-%", "%3d", "%G"] {
            assert!(DateFormat::new(bad).is_err(), "{bad}");
        }
        let no_dot = DateFormat::new("%S%f").unwrap();
        assert!(no_dot.read("0112").unwrap_err().contains("after a `.`"));
        assert_eq!(
            no_dot
                .write(at("2020-01-01 00:00:01.5"))
                .unwrap()
                .to_string(),
            "01500000"
        );
    }

    #[test]
    fn draws_stay_in_range() {
        let g = DateTimeGen::between(at("2024-02-28"), at("2024-03-01 00:00:02")).unwrap();
        let mut rng = datamimic::MimicRng::seed_from_u64(7);
        for _ in 0..1000 {
            let d = g.draw(&mut rng).unwrap();
            assert!(d >= at("2024-02-28") && d <= at("2024-03-01 00:00:02"));
        }
        assert!(DateTimeGen::between(at("2024-01-02"), at("2024-01-01")).is_none());
    }
}
