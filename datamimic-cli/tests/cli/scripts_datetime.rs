//! Python's `datetime` module in scripts: `date`, `time`, `datetime` and `timedelta` with
//! arithmetic, `strftime`/`strptime`/`isoformat`, the run's clock for `now()`, generated
//! datetimes taking a `timedelta`, and bad input named with its place.

use crate::{Scratch, fails, ok};

fn records(s: &Scratch) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(s.path("output/g.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

const LIB: &str = r#"from datetime import date, datetime, time, timedelta
import datetime as dt


def add_days(current_date, days):
    return current_date + timedelta(days=days)


def age_on(birth, day):
    years = day.year - birth.year
    if (day.month, day.day) < (birth.month, birth.day):
        years -= 1
    return years


def calendar():
    start = date(2024, 2, 27)
    days = [str(start + timedelta(days=n)) for n in range(4)]
    return {
        "days": days,
        "leap_gap": (date(2024, 3, 1) - date(2024, 2, 1)).days,
        "weekday": date(2024, 12, 25).weekday(),
        "iso_week": list(date(2021, 1, 3).isocalendar()),
        "ordinal": date(1970, 1, 1).toordinal(),
        "from_ordinal": str(date.fromordinal(738_000)),
    }


def clock():
    now = datetime.now()
    return {
        "now": now,
        "today": date.today(),
        "utcnow_same": datetime.utcnow() == now,
        "stamp": now.timestamp(),
        "module_now": dt.datetime.now().isoformat(),
    }


def formats():
    moment = datetime(2024, 7, 4, 9, 5, 3, 250000)
    parsed = datetime.strptime("04/07/2024 21:30", "%d/%m/%Y %H:%M")
    return {
        "str": str(moment),
        "iso": moment.isoformat(),
        "iso_space_minutes": moment.isoformat(" ", "minutes"),
        "strftime": moment.strftime("%A %d %B %Y, %I:%M %p"),
        "fstring": f"{moment:%Y%m%d}",
        "parsed": parsed,
        "fromiso": datetime.fromisoformat("2024-07-04T21:30:15"),
        "date_iso": date.fromisoformat("2024-07-04").isoformat(),
        "time": time(8, 30).isoformat(),
        "combined": datetime.combine(date(2024, 1, 2), time(3, 4, 5)),
        "repr": repr(datetime(2024, 1, 2, 3, 4)),
    }


def deltas():
    a = datetime(2024, 1, 1, 12, 0)
    b = datetime(2024, 1, 3, 18, 30, 15)
    gap = b - a
    return {
        "gap": str(gap),
        "seconds": gap.total_seconds(),
        "days": gap.days,
        "negative": str(a - b),
        "half": str(gap / 2),
        "ratio": gap / timedelta(hours=1),
        "weeks": str(timedelta(weeks=1, hours=-1)),
        "ordered": sorted([b, a])[0] == a,
        "earlier": a < b,
    }
"#;

#[test]
fn scripts_compute_with_dates_times_and_timedeltas() {
    let s = Scratch::new("py-datetime-module");
    std::fs::create_dir_all(s.path("script")).unwrap();
    s.write("script/lib.scr.py", LIB);
    s.write(
        "d.xml",
        r#"<setup rngSeed="5">
  <execute uri="script/lib.scr.py"/>
  <generate name="g" count="1" target="JSON">
    <key name="calendar" script="calendar()"/>
    <key name="clock" script="clock()"/>
    <key name="formats" script="formats()"/>
    <key name="deltas" script="deltas()"/>
    <key name="age" script="age_on(date(1990, 8, 15), date(2024, 8, 14))"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let r = &records(&s)[0];
    assert_eq!(
        r["calendar"],
        serde_json::json!({
            "days": ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"],
            "leap_gap": 29,
            "weekday": 2,
            "iso_week": [2020, 53, 7],
            "ordinal": 719163,
            "from_ordinal": "2021-07-29",
        })
    );
    // The run's clock: the anchor of seeded runs, never the host's.
    assert_eq!(
        r["clock"],
        serde_json::json!({
            "now": "2025-01-01 12:00:00",
            "today": "2025-01-01",
            "utcnow_same": true,
            "stamp": 1735732800.0,
            "module_now": "2025-01-01T12:00:00",
        })
    );
    assert_eq!(
        r["formats"],
        serde_json::json!({
            "str": "2024-07-04 09:05:03.250000",
            "iso": "2024-07-04T09:05:03.250000",
            "iso_space_minutes": "2024-07-04 09:05",
            "strftime": "Thursday 04 July 2024, 09:05 AM",
            "fstring": "20240704",
            "parsed": "2024-07-04 21:30:00",
            "fromiso": "2024-07-04 21:30:15",
            "date_iso": "2024-07-04",
            "time": "08:30:00",
            "combined": "2024-01-02 03:04:05",
            "repr": "datetime.datetime(2024, 1, 2, 3, 4)",
        })
    );
    assert_eq!(
        r["deltas"],
        serde_json::json!({
            "gap": "2 days, 6:30:15",
            "seconds": 196215.0,
            "days": 2,
            "negative": "-3 days, 17:29:45",
            "half": "1 day, 3:15:07.500000",
            "ratio": 54.50416666666667,
            "weeks": "6 days, 23:00:00",
            "ordered": true,
            "earlier": true,
        })
    );
    assert_eq!(r["age"], 33);
}

#[test]
fn a_generated_datetime_takes_a_timedelta_and_runs_stay_reproducible() {
    let s = Scratch::new("py-datetime-generated");
    std::fs::create_dir_all(s.path("script")).unwrap();
    s.write("script/lib.scr.py", LIB);
    s.write(
        "d.xml",
        r#"<setup rngSeed="8">
  <execute uri="script/lib.scr.py"/>
  <generate name="g" count="40" target="JSON">
    <variable name="at" generator="DateTimeGenerator(min='2020-01-01', max='2020-12-31')"/>
    <key name="at" script="at"/>
    <key name="n" generator="IncrementGenerator"/>
    <key name="later" script="add_days(current_date=at, days=g.n)"/>
    <key name="gap" script="(add_days(at, g.n) - at).days"/>
    <key name="weekday" script="at.weekday()"/>
    <key name="formatted" script="at.strftime('%d.%m.%Y')"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "-t", "1"]);
    let one = std::fs::read(s.path("output/g.json")).unwrap();
    for r in records(&s) {
        let at =
            chrono::NaiveDateTime::parse_from_str(r["at"].as_str().unwrap(), "%Y-%m-%d %H:%M:%S")
                .unwrap();
        let n = r["n"].as_i64().unwrap();
        let later = (at + chrono::Duration::days(n))
            .format("%Y-%m-%d %H:%M:%S")
            .to_string();
        assert_eq!(r["later"], later, "{r}");
        assert_eq!(r["gap"], n, "{r}");
        assert_eq!(
            r["weekday"],
            i64::from(chrono::Datelike::weekday(&at).num_days_from_monday()),
            "{r}"
        );
        assert_eq!(r["formatted"], at.format("%d.%m.%Y").to_string(), "{r}");
    }
    ok(&s.0, &["run", "d.xml", "-t", "3"]);
    assert_eq!(std::fs::read(s.path("output/g.json")).unwrap(), one);
}

#[test]
fn bad_dates_formats_and_zones_are_named_with_their_place() {
    let s = Scratch::new("py-datetime-errors");
    let run = |script: &str| {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"g\" count=\"1\" target=\"JSON\">\n    <key name=\"x\" script=\"{script}\"/>\n  </generate>\n</setup>\n"
            ),
        );
        fails(&s.0, &["run", "d.xml"])
    };
    let m = run("__import__('datetime').datetime(2024, 13, 1)");
    assert!(
        m.contains("d.xml:3:") && m.contains("ValueError: month must be in 1..12, not 13"),
        "{m}"
    );
    let m = run("__import__('datetime').date(2023, 2, 29)");
    assert!(
        m.contains("ValueError: day 29 is out of range for 2023-02"),
        "{m}"
    );
    let m = run("__import__('datetime').datetime.strptime('2024-07-04', '%d/%m/%Y')");
    assert!(
        m.contains("d.xml:3:")
            && m.contains("ValueError: strptime: `2024-07-04` does not match `%d/%m/%Y`"),
        "{m}"
    );
    let m = run("__import__('datetime').datetime.now().strftime('%Q')");
    assert!(
        m.contains("ValueError: `%Q`: `%Q` is not a supported directive"),
        "{m}"
    );
    let m = run("__import__('datetime').datetime(2024, 1, 1, tzinfo=1)");
    assert!(
        m.contains("ValueError: datamimic's datetimes have no time zone"),
        "{m}"
    );
    let m = run("__import__('datetime').datetime.fromisoformat('yesterday')");
    assert!(
        m.contains("ValueError: Invalid isoformat string: `yesterday` is not a date"),
        "{m}"
    );
    let m = run("__import__('datetime').timedelta(days='1')");
    assert!(
        m.contains("TypeError: unsupported type for timedelta component: str"),
        "{m}"
    );
    let m = run(
        "__import__('datetime').date(2024, 1, 1) &lt; __import__('datetime').datetime(2024, 1, 1)",
    );
    assert!(
        m.contains("TypeError: cannot compare a datetime with a date"),
        "{m}"
    );
}
