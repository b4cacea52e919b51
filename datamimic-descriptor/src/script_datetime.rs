//! Python's `datetime` module for scripts: `date`, `time`, `datetime` and `timedelta`, with
//! `strftime`, `strptime`, `isoformat` and `fromisoformat`, arithmetic and comparisons.
//!
//! Determinism: `now()`, `today()` and `utcnow()` read the run's clock (the fixed anchor of
//! seeded runs, 2025-01-01 12:00:00, as `DateTimeGenerator` does), never the host's, so a
//! seeded run writes the same bytes whenever it runs. Datetimes have no time zone: a
//! `tzinfo` other than `None` is an error, and timestamps count UTC seconds (the run's clock
//! is UTC). Formats are the Python directives of [`crate::datetime::DIRECTIVES`]; another is
//! a `ValueError` naming the ones there are.
//!
//! Datetimes that datamimic hands to scripts (a `DateTimeGenerator` value) are text with a
//! datetime's fields; adding a `timedelta` to one, or subtracting two, gives a `datetime`.
//! A `date`, `time`, `datetime` or `timedelta` a script returns is written as Python's
//! `str()` writes it.

use chrono::DateTime;
use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyResult, VirtualMachine};

use crate::datetime::{parse_datetime, strftime};

/// The module, in Python: calendar arithmetic on days since 1970-01-01 (Howard Hinnant's
/// civil-date algorithms), the clock and formats from Rust.
const DATETIME_PY: &str = r#"
MINYEAR = 1
MAXYEAR = 9999

_US_PER_SECOND = 1_000_000
_US_PER_DAY = 86_400 * _US_PER_SECOND
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# Days from 0001-01-01 (ordinal 1) to 1970-01-01.
_EPOCH_ORDINAL = 719_163
_MAX_DAYS = 999_999_999


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _leap(year) else _MONTH_DAYS[month]


def _integer(name, value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    return value


def _check_date(year, month, day):
    _integer("year", year)
    _integer("month", month)
    _integer("day", day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range {MINYEAR}..{MAXYEAR}")
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError(f"day {day} is out of range for {year:04d}-{month:02d}")


def _check_time(hour, minute, second, microsecond, tzinfo):
    for name, value, top in (("hour", hour, 23), ("minute", minute, 59),
                             ("second", second, 59), ("microsecond", microsecond, 999_999)):
        _integer(name, value)
        if not 0 <= value <= top:
            raise ValueError(f"{name} must be in 0..{top}, not {value}")
    if tzinfo is not None:
        raise ValueError("datamimic's datetimes have no time zone: `tzinfo` must be None")


def _epoch_days(year, month, day):
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def _civil(days):
    days += 719_468
    era = days // 146_097
    day_of_era = days - era * 146_097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36_524
                   - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = shifted_month + 3 if shifted_month < 10 else shifted_month - 9
    return year_of_era + era * 400 + (month <= 2), month, day


def _fields(micros):
    days, rest = divmod(micros, _US_PER_DAY)
    year, month, day = _civil(days)
    seconds, microsecond = divmod(rest, _US_PER_SECOND)
    hour, seconds = divmod(seconds, 3600)
    minute, second = divmod(seconds, 60)
    if not MINYEAR <= year <= MAXYEAR:
        raise OverflowError("date value out of range")
    return year, month, day, hour, minute, second, microsecond


def _as_datetime(value):
    """A datetime, or a datetime as datamimic hands it over (text), as a `datetime`."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and getattr(type(value), "_datamimic_datetime", False):
        return datetime.fromisoformat(value)
    return None


class timedelta:
    _datamimic_timedelta = True
    _datamimic_written_as_str = True

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0,
                 weeks=0):
        whole = 0
        fraction = 0.0
        for value, unit in ((days, _US_PER_DAY), (seconds, _US_PER_SECOND),
                            (microseconds, 1), (milliseconds, 1000),
                            (minutes, 60 * _US_PER_SECOND), (hours, 3600 * _US_PER_SECOND),
                            (weeks, 7 * _US_PER_DAY)):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise TypeError(
                    f"unsupported type for timedelta component: {type(value).__name__}")
            if isinstance(value, float):
                # The whole units exactly, only the fraction in floating point.
                units = int(value)
                whole += units * unit
                fraction += (value - units) * unit
            else:
                whole += value * unit
        self._us = whole + round(fraction)
        if abs(self._us // _US_PER_DAY) > _MAX_DAYS:
            raise OverflowError(f"days must be in -{_MAX_DAYS}..{_MAX_DAYS}")

    @classmethod
    def _of(cls, micros):
        delta = cls.__new__(cls)
        delta._us = micros
        if abs(micros // _US_PER_DAY) > _MAX_DAYS:
            raise OverflowError(f"days must be in -{_MAX_DAYS}..{_MAX_DAYS}")
        return delta

    @property
    def days(self):
        return self._us // _US_PER_DAY

    @property
    def seconds(self):
        return self._us % _US_PER_DAY // _US_PER_SECOND

    @property
    def microseconds(self):
        return self._us % _US_PER_SECOND

    def total_seconds(self):
        return self._us / _US_PER_SECOND

    def __str__(self):
        hours, rest = divmod(self.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        text = f"{hours}:{minutes:02d}:{seconds:02d}"
        if self.microseconds:
            text += f".{self.microseconds:06d}"
        if self.days:
            plural = "" if abs(self.days) == 1 else "s"
            text = f"{self.days} day{plural}, {text}"
        return text

    def __repr__(self):
        parts = [f"{name}={value}" for name, value in (
            ("days", self.days), ("seconds", self.seconds),
            ("microseconds", self.microseconds)) if value]
        return f"datetime.timedelta({', '.join(parts) or '0'})"

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._us + other._us)
        if isinstance(other, date):
            return other + self
        moment = _as_datetime(other)
        if moment is not None:
            return moment + self
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._us - other._us)
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, date):
            return other + (-self)
        moment = _as_datetime(other)
        if moment is not None:
            return moment + (-self)
        return NotImplemented

    def __neg__(self):
        return timedelta._of(-self._us)

    def __pos__(self):
        return self

    def __abs__(self):
        return timedelta._of(abs(self._us))

    def __mul__(self, factor):
        if isinstance(factor, bool) or not isinstance(factor, (int, float)):
            return NotImplemented
        if isinstance(factor, int):
            return timedelta._of(self._us * factor)
        numerator, denominator = factor.as_integer_ratio()
        return timedelta._of(_divide(self._us * numerator, denominator))

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        if isinstance(other, bool) or not isinstance(other, (int, float)):
            return NotImplemented
        if isinstance(other, int):
            return timedelta._of(_divide(self._us, other))
        numerator, denominator = other.as_integer_ratio()
        return timedelta._of(_divide(self._us * denominator, numerator))

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return timedelta._of(self._us // other)

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._of(self._us % other._us)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            quotient, rest = divmod(self._us, other._us)
            return quotient, timedelta._of(rest)
        return NotImplemented

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us == other._us

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._us < _delta_us(other)

    def __le__(self, other):
        return self._us <= _delta_us(other)

    def __gt__(self, other):
        return self._us > _delta_us(other)

    def __ge__(self, other):
        return self._us >= _delta_us(other)

    def __hash__(self):
        return hash(("timedelta", self._us))

    def __bool__(self):
        return self._us != 0


def _divide(numerator, denominator):
    """`numerator / denominator` rounded half to even, exactly (as Python's timedelta)."""
    if denominator == 0:
        raise ZeroDivisionError("division of a timedelta by zero")
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    quotient, rest = divmod(numerator, denominator)
    if 2 * rest > denominator or (2 * rest == denominator and quotient % 2 == 1):
        quotient += 1
    return quotient


def _delta_us(other):
    if not isinstance(other, timedelta):
        raise TypeError(f"cannot compare a timedelta with a {type(other).__name__}")
    return other._us


timedelta.min = timedelta._of(-_MAX_DAYS * _US_PER_DAY)
timedelta.max = timedelta._of((_MAX_DAYS + 1) * _US_PER_DAY - 1)
timedelta.resolution = timedelta._of(1)


class date:
    _datamimic_written_as_str = True

    def __init__(self, year, month, day):
        _check_date(year, month, day)
        self._year, self._month, self._day = year, month, day

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    @classmethod
    def today(cls):
        return cls(*_fields(_clock())[:3])

    @classmethod
    def fromordinal(cls, ordinal):
        _integer("ordinal", ordinal)
        if not 1 <= ordinal <= date(MAXYEAR, 12, 31).toordinal():
            raise ValueError(f"ordinal {ordinal} is out of range")
        return cls(*_civil(ordinal - _EPOCH_ORDINAL))

    @classmethod
    def fromtimestamp(cls, timestamp):
        return cls(*_fields(_timestamp_us(timestamp))[:3])

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError(f"fromisoformat: argument must be str, not {type(text).__name__}")
        if len(text) != 10:
            raise ValueError(f"Invalid isoformat string: {text!r}")
        moment = datetime._of(_strptime(text, "%Y-%m-%d"))
        return cls(moment.year, moment.month, moment.day)

    def toordinal(self):
        return _epoch_days(self._year, self._month, self._day) + _EPOCH_ORDINAL

    def weekday(self):
        return (_epoch_days(self._year, self._month, self._day) + 3) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        thursday = date.fromordinal(self.toordinal() + 3 - self.weekday())
        week = (thursday.toordinal() - date(thursday.year, 1, 1).toordinal()) // 7 + 1
        return (thursday.year, week, self.isoweekday())

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return f"datetime.date({self._year}, {self._month}, {self._day})"

    def strftime(self, format):
        return _strftime(format, _epoch_days(self._year, self._month, self._day) * _US_PER_DAY)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return date.fromordinal(self.toordinal() + other.days)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(days=self.toordinal() - other.toordinal())
        return NotImplemented

    def _key(self, other):
        if isinstance(other, datetime) or not isinstance(other, date):
            raise TypeError(f"cannot compare a date with a {type(other).__name__}")
        return (self._year, self._month, self._day), (other._year, other._month, other._day)

    def __eq__(self, other):
        if isinstance(other, datetime) or not isinstance(other, date):
            return False
        mine, theirs = self._key(other)
        return mine == theirs

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        mine, theirs = self._key(other)
        return mine < theirs

    def __le__(self, other):
        mine, theirs = self._key(other)
        return mine <= theirs

    def __gt__(self, other):
        mine, theirs = self._key(other)
        return mine > theirs

    def __ge__(self, other):
        mine, theirs = self._key(other)
        return mine >= theirs

    def __hash__(self):
        return hash(("date", self._year, self._month, self._day))


class time:
    _datamimic_written_as_str = True

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        _check_time(hour, minute, second, microsecond, tzinfo)
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond = microsecond

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return None

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError(f"fromisoformat: argument must be str, not {type(text).__name__}")
        return datetime.fromisoformat("1970-01-01T" + text).time()

    def _of_day(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND \
            + self._microsecond

    def isoformat(self, timespec="auto"):
        return _clock_text(self._hour, self._minute, self._second, self._microsecond, timespec)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        parts = [self._hour, self._minute, self._second, self._microsecond]
        while len(parts) > 2 and parts[-1] == 0:
            parts.pop()
        return f"datetime.time({', '.join(map(str, parts))})"

    def strftime(self, format):
        return _strftime(format, _epoch_days(1900, 1, 1) * _US_PER_DAY + self._of_day())

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None):
        return time(self._hour if hour is None else hour,
                    self._minute if minute is None else minute,
                    self._second if second is None else second,
                    self._microsecond if microsecond is None else microsecond)

    def _us(self, other):
        if not isinstance(other, time):
            raise TypeError(f"cannot compare a time with a {type(other).__name__}")
        return other._of_day()

    def __eq__(self, other):
        return isinstance(other, time) and self._of_day() == other._of_day()

    def __ne__(self, other):
        return not self == other

    def __lt__(self, other):
        return self._of_day() < self._us(other)

    def __le__(self, other):
        return self._of_day() <= self._us(other)

    def __gt__(self, other):
        return self._of_day() > self._us(other)

    def __ge__(self, other):
        return self._of_day() >= self._us(other)

    def __hash__(self):
        return hash(("time", self._of_day()))


def _clock_text(hour, minute, second, microsecond, timespec):
    if timespec == "auto":
        timespec = "microseconds" if microsecond else "seconds"
    if timespec == "hours":
        return f"{hour:02d}"
    if timespec == "minutes":
        return f"{hour:02d}:{minute:02d}"
    if timespec == "seconds":
        return f"{hour:02d}:{minute:02d}:{second:02d}"
    if timespec == "milliseconds":
        return f"{hour:02d}:{minute:02d}:{second:02d}.{microsecond // 1000:03d}"
    if timespec == "microseconds":
        return f"{hour:02d}:{minute:02d}:{second:02d}.{microsecond:06d}"
    raise ValueError(f"Unknown timespec value: {timespec!r} (auto, hours, minutes, seconds, "
                     "milliseconds or microseconds)")


def _timestamp_us(timestamp):
    if isinstance(timestamp, bool) or not isinstance(timestamp, (int, float)):
        raise TypeError(f"a timestamp is a number, not {type(timestamp).__name__}")
    return round(timestamp * _US_PER_SECOND)


class datetime(date):

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0,
                 tzinfo=None, *, fold=0):
        _check_date(year, month, day)
        _check_time(hour, minute, second, microsecond, tzinfo)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond = microsecond

    @classmethod
    def _of(cls, micros):
        return cls(*_fields(micros))

    def _epoch_us(self):
        return _epoch_days(self._year, self._month, self._day) * _US_PER_DAY \
            + time._of_day(self)

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return None

    @property
    def fold(self):
        return 0

    @classmethod
    def now(cls, tz=None):
        if tz is not None:
            raise ValueError("datamimic's datetimes have no time zone: `now()` takes no `tz`")
        return cls._of(_clock())

    @classmethod
    def today(cls):
        return cls._of(_clock())

    @classmethod
    def utcnow(cls):
        return cls._of(_clock())

    @classmethod
    def fromtimestamp(cls, timestamp, tz=None):
        if tz is not None:
            raise ValueError(
                "datamimic's datetimes have no time zone: `fromtimestamp()` takes no `tz`")
        return cls._of(_timestamp_us(timestamp))

    @classmethod
    def utcfromtimestamp(cls, timestamp):
        return cls._of(_timestamp_us(timestamp))

    @classmethod
    def strptime(cls, text, format):
        if not isinstance(text, str) or not isinstance(format, str):
            raise TypeError("strptime() takes two strings: the text and its format")
        return cls._of(_strptime(text, format))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError(f"fromisoformat: argument must be str, not {type(text).__name__}")
        return cls._of(_isoparse(text))

    @classmethod
    def combine(cls, day, clock):
        if not isinstance(day, date) or not isinstance(clock, time):
            raise TypeError("combine() takes a date and a time")
        return cls(day.year, day.month, day.day, clock.hour, clock.minute, clock.second,
                   clock.microsecond)

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timestamp(self):
        return self._epoch_us() / _US_PER_SECOND

    def isoformat(self, sep="T", timespec="auto"):
        return date.isoformat(self) + sep + _clock_text(
            self._hour, self._minute, self._second, self._microsecond, timespec)

    def __str__(self):
        return self.isoformat(" ")

    def __repr__(self):
        parts = [self._year, self._month, self._day, self._hour, self._minute, self._second,
                 self._microsecond]
        while len(parts) > 5 and parts[-1] == 0:
            parts.pop()
        return f"datetime.datetime({', '.join(map(str, parts))})"

    def strftime(self, format):
        return _strftime(format, self._epoch_us())

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=None):
        return type(self)(
            self._year if year is None else year, self._month if month is None else month,
            self._day if day is None else day, self._hour if hour is None else hour,
            self._minute if minute is None else minute,
            self._second if second is None else second,
            self._microsecond if microsecond is None else microsecond, tzinfo)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return type(self)._of(self._epoch_us() + other._us)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self)._of(self._epoch_us() - other._us)
        moment = _as_datetime(other)
        if moment is not None:
            return timedelta._of(self._epoch_us() - moment._epoch_us())
        return NotImplemented

    def __rsub__(self, other):
        moment = _as_datetime(other)
        if moment is not None:
            return timedelta._of(moment._epoch_us() - self._epoch_us())
        return NotImplemented

    def _key(self, other):
        moment = _as_datetime(other)
        if moment is None:
            raise TypeError(f"cannot compare a datetime with a {type(other).__name__}")
        return self._epoch_us(), moment._epoch_us()

    def __eq__(self, other):
        moment = _as_datetime(other)
        return moment is not None and self._epoch_us() == moment._epoch_us()

    def __hash__(self):
        return hash(("datetime", self._epoch_us()))


datetime.min = datetime(MINYEAR, 1, 1)
datetime.max = datetime(MAXYEAR, 12, 31, 23, 59, 59, 999_999)
date.min = date(MINYEAR, 1, 1)
date.max = date(MAXYEAR, 12, 31)
"#;

/// Registers the `datetime` module.
pub(crate) fn register(vm: &VirtualMachine) -> PyResult<()> {
    let dict = vm.ctx.new_dict();
    dict.set_item("__name__", vm.ctx.new_str("datetime").into(), vm)?;
    dict.set_item(
        "_clock",
        vm.new_function("_clock", || datamimic::Clock::ANCHOR * 1_000_000)
            .into(),
        vm,
    )?;
    dict.set_item(
        "_strftime",
        vm.new_function(
            "_strftime",
            |format: String, micros: i64, vm: &VirtualMachine| -> PyResult<String> {
                let at = DateTime::from_timestamp_micros(micros)
                    .ok_or_else(|| vm.new_overflow_error("date value out of range"))?
                    .naive_utc();
                strftime(at, &format).map_err(|e| vm.new_value_error(e))
            },
        )
        .into(),
        vm,
    )?;
    dict.set_item(
        "_strptime",
        vm.new_function(
            "_strptime",
            |text: String, format: String, vm: &VirtualMachine| -> PyResult<i64> {
                parse_datetime(&text, Some(&format))
                    .map(|at| at.and_utc().timestamp_micros())
                    .map_err(|e| vm.new_value_error(format!("strptime: {e}")))
            },
        )
        .into(),
        vm,
    )?;
    dict.set_item(
        "_isoparse",
        vm.new_function(
            "_isoparse",
            |text: String, vm: &VirtualMachine| -> PyResult<i64> {
                parse_datetime(&text, None)
                    .map(|at| at.and_utc().timestamp_micros())
                    .map_err(|e| vm.new_value_error(format!("Invalid isoformat string: {e}")))
            },
        )
        .into(),
        vm,
    )?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(DATETIME_PY, Mode::Exec, "<datamimic datetime>".to_owned())
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    vm.sys_module.get_attr("modules", vm)?.set_item(
        "datetime",
        vm.new_module("datetime", dict, None).into(),
        vm,
    )
}
