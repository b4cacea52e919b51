//! Dates and times in descriptors: `DateTimeGenerator`, `inDateFormat`/`outDateFormat` and
//! the `DateFormat`, `Date2Timestamp` and `Timestamp2Date` converters.

use crate::{Scratch, fails, ok};

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .skip(1)
        .map(|l| l.split('|').map(str::to_owned).collect())
        .collect()
}

#[test]
fn generated_datetimes_stay_in_range_and_repeat_for_every_thread_count() {
    let s = Scratch::new("datetime-range");
    s.write(
        "d.xml",
        r#"<setup rngSeed="5">
  <generate name="t" count="300" target="CSV">
    <key name="at" generator="DateTimeGenerator(min='2020-01-01', max='2020-01-03 12:00:00')"/>
    <key name="day" generator='DateTimeGenerator(min="2024-02-28 00:00:00", max="2024-03-01 23:59:59", input_format="%Y-%m-%d %H:%M:%S")' outDateFormat="%d.%m.%Y"/>
    <key name="fixed" generator="DateTimeGenerator(value='2022-08-12', input_format='%Y-%m-%d')"/>
    <key name="seconds" generator="DateTimeGenerator(value='2023-08-25 12:51:31')" outDateFormat="epoch"/>
    <key name="anchor" generator="DateTimeGenerator"/>
    <key name="any" generator="DateTimeGenerator(random=True)" outDateFormat="%Y"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "--threads", "1"]);
    let one = std::fs::read_to_string(s.path("output/t.csv")).unwrap();
    ok(&s.0, &["run", "d.xml", "--threads", "3"]);
    let three = std::fs::read_to_string(s.path("output/t.csv")).unwrap();
    assert_eq!(one, three);
    assert!(
        one.starts_with("at|day|fixed|seconds|anchor|any\n"),
        "{one}"
    );
    let rows = csv_rows(&one);
    assert_eq!(rows.len(), 300);
    let mut days = std::collections::BTreeSet::new();
    for row in &rows {
        let at = &row[0];
        assert_eq!(at.len(), 19, "{at}");
        assert!(
            ("2020-01-01 00:00:00"..="2020-01-03 12:00:00").contains(&at.as_str()),
            "{at}"
        );
        days.insert(row[1].clone());
        assert_eq!(row[2], "2022-08-12 00:00:00");
        assert_eq!(row[3], "1692967891");
        assert_eq!(row[4], "2025-01-01 12:00:00");
        let year: i32 = row[5].parse().unwrap();
        assert!((1970..=2025).contains(&year), "{year}");
    }
    // Both ends of the range, the leap day included, are drawn.
    let expected: std::collections::BTreeSet<String> = ["28.02.2024", "29.02.2024", "01.03.2024"]
        .map(String::from)
        .into();
    assert_eq!(days, expected);
    let distinct: std::collections::BTreeSet<&String> = rows.iter().map(|r| &r[0]).collect();
    assert!(distinct.len() > 250, "{}", distinct.len());
}

#[test]
fn in_and_out_formats_and_date_converters_follow_python() {
    let s = Scratch::new("datetime-formats");
    s.write(
        "d.xml",
        r#"<setup>
  <generate name="t" count="1" target="JSON">
    <variable name="when" generator="DateTimeGenerator(value='2021-02-01 12:08:04')"/>
    <variable name="stamp" script="when" converter="Date2Timestamp"/>
    <key name="micro" constant="2021-02-01 12:08:04.376188" inDateFormat="%Y-%m-%d %H:%M:%S.%f" outDateFormat="%d.%m.%Y %H:%M:%S.%3f"/>
    <key name="german" constant="2022-02-01" inDateFormat="%Y-%m-%d" outDateFormat="%d.%m.%Y"/>
    <key name="plain" constant="2022-2-1" inDateFormat="%Y-%m-%d"/>
    <key name="from_epoch" constant="1692967891" inDateFormat="epoch" outDateFormat="%Y-%m-%d %H:%M:%S"/>
    <key name="from_millis" constant="1692967891000" inDateFormat="epoch_millis" outDateFormat="%I:%M %p, %a %d %b"/>
    <key name="guessed_millis" constant="1692967891000" inDateFormat="epoch"/>
    <key name="millis" script="when" outDateFormat="epoch_millis"/>
    <key name="month" script="when" converter="DateFormat('%d-%b-%Y');UpperCase"/>
    <key name="up" script="when" outDateFormat="%d-%b-%Y" converter="UpperCase"/>
    <key name="stamp" script="stamp"/>
    <key name="next_day" script="stamp + 86400" converter="Timestamp2Date"/>
    <key name="german_day" script="stamp" converter="Timestamp2Date" outDateFormat="%d.%m.%Y"/>
    <key name="iso_week" script="when" converter='DateFormat("%j %U %W %w %%")'/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml"]);
    let json = std::fs::read_to_string(s.path("output/t.json")).unwrap();
    assert_eq!(
        json,
        concat!(
            "[\n{\"micro\":\"01.02.2021 12:08:04.376\",\"german\":\"01.02.2022\",",
            "\"plain\":\"2022-02-01 00:00:00\",\"from_epoch\":\"2023-08-25 12:51:31\",",
            "\"from_millis\":\"12:51 PM, Fri 25 Aug\",\"guessed_millis\":\"2023-08-25 12:51:31\",",
            "\"millis\":1612181284000,",
            "\"month\":\"01-FEB-2021\",\"up\":\"01-FEB-2021\",\"stamp\":1612181284,",
            "\"next_day\":\"2021-02-02 12:08:04\",\"german_day\":\"01.02.2021\",\"iso_week\":\"032 05 05 1 %\"}\n]\n"
        )
    );
}

#[test]
fn the_generator_name_is_checked_before_its_arguments() {
    let s = Scratch::new("datetime-name-first");
    for (generator, message) in [
        (
            "DateTimeGenerater(random=True)",
            "d.xml:3:30: `generator`: unknown generator `DateTimeGenerater`; did you mean `DateTimeGenerator`?",
        ),
        (
            "DateTimeGenerator(random=Yes)",
            "d.xml:3:30: `generator`: DateTimeGenerator: `random` is `True` or `False`, not `Yes`",
        ),
        (
            "DateTimeGenerator(mim='2020-01-01')",
            "unknown parameter `mim`; did you mean `min`?",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', months='Q5')",
            "DateTimeGenerator: `months`: `Q5` is not a month from 1 to 12 or a range",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', months='Q1', months_exclude='1-3')",
            "`months` and `months_exclude` leave no month",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', weekdays='Mon-Xyz')",
            "`weekdays`: `Mon-Xyz` is not a weekday range such as `Mon-Fri`",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', dom='0')",
            "`dom`: `0` is not a day of month from 1 to 31 or a range",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', hours_preset='lunch')",
            "`hours_preset` `lunch` is none of `office`, `night`, `flat`",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', minute_granularity=0)",
            "`minute_granularity`: `0` is not a granularity from 1 to 60",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', seed=x)",
            "`seed`: `x` is not a non-negative integer",
        ),
        (
            "DateTimeGenerator(random=True, random_mode=True)",
            "`random_mode` is another name of `random`: give one",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', minute_weights='[1 for m in range(59)]')",
            "`minute_weights`: `[1 for m in range(59)]` has 59 weights, not 60",
        ),
        (
            "DateTimeGenerator(min='2024-01-01', hour_weights='[1]*23')",
            "`hour_weights`: `[1]*23` has 23 weights, not 24",
        ),
        (
            "DateTimeGenerator(min='2024-02-01', max='2024-02-29', month_weights='[0,0,1]+[0]*9')",
            "the weights leave no day between 2024-02-01 00:00:00 and 2024-02-29 00:00:00",
        ),
        (
            "DateTimeGenerator(min='2024-01-02', max='2024-01-01')",
            "`min` 2024-01-02 00:00:00 is after `max` 2024-01-01 00:00:00",
        ),
        (
            "DateTimeGenerator(min='2024-02-30')",
            "`min`: `2024-02-30` is not a date",
        ),
        (
            "DateTimeGenerator(value='12/08/2022', input_format='%Y-%m-%d')",
            "`value`: `12/08/2022` does not match `%Y-%m-%d`",
        ),
        (
            "DateTimeGenerator(value='2022-08-12', random=True)",
            "`value` cannot be combined with `min`, `max`, `random` or weights",
        ),
        (
            "DateTimeGenerator(min='2020-01-01', input_format='%Q')",
            "`%Q` is not a supported directive",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"t\" count=\"2\" target=\"CSV\">\n    <key name=\"a\" generator=\"{generator}\"/>\n  </generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(
            err.contains("d.xml:3:30: `generator`: "),
            "{generator}: {err}"
        );
        assert!(err.contains(message), "{generator}: {err}");
    }
    assert_eq!(s.files("output"), Vec::<String>::new());
}

#[test]
fn bad_formats_and_unreadable_dates_are_positioned_errors() {
    let s = Scratch::new("datetime-bad-formats");
    for (attrs, message) in [
        (
            r#"constant="2020-01-01" outDateFormat="%Y-%q""#,
            "d.xml:3:56: `outDateFormat`: `%Y-%q`: `%q` is not a supported directive",
        ),
        (
            r#"constant="x" converter="DateFormat(%d.%m.%Y)""#,
            "`converter`: DateFormat: expected one quoted format",
        ),
        (
            r#"constant="x" converter="DateFormats('%d')""#,
            "`converter`: unknown converter `DateFormats`; did you mean `DateFormat`?",
        ),
        (
            r#"generator="DateTimeGenerator" type="int""#,
            "`type`: a `DateTimeGenerator` value is a datetime",
        ),
        (
            r#"constant="01.02.2021" inDateFormat="%Y-%m-%d""#,
            "d.xml:3:5: `a`: `inDateFormat`: `01.02.2021` does not match `%Y-%m-%d` on record 0",
        ),
        (
            r#"constant="99999999999999999" inDateFormat="epoch_millis""#,
            "`99999999999999999` is not between the years 1 and 9999",
        ),
        (
            r#"constant="2024-01-02" converter="Date2Timestamp" outDateFormat="%Y""#,
            "`outDateFormat` needs a datetime, but the converters left `1704153600` on record 0",
        ),
        (
            r#"constant="7" outDateFormat="%Y""#,
            "d.xml:3:5: `a`: `7` is not a date",
        ),
        (
            r#"constant="soon" converter="Date2Timestamp""#,
            "d.xml:3:5: `a`: `soon` is not a date",
        ),
    ] {
        s.write(
            "d.xml",
            &format!(
                "<setup>\n  <generate name=\"t\" count=\"2\" target=\"CSV\">\n    <key name=\"a\" {attrs}/>\n  </generate>\n</setup>"
            ),
        );
        let err = fails(&s.0, &["run", "d.xml"]);
        assert!(err.contains("d.xml:3:"), "{attrs}: {err}");
        assert!(err.contains(message), "{attrs}: {err}");
    }
    assert_eq!(s.files("output"), Vec::<String>::new());
}

#[test]
fn calendar_weights_pick_months_weekdays_days_and_hours() {
    let s = Scratch::new("datetime-weights");
    s.write(
        "d.xml",
        r#"<setup rngSeed="9">
  <generate name="t" count="400" target="CSV">
    <key name="monday_in_march" generator="DateTimeGenerator(min='2024-01-01 00:00:00', max='2024-12-31 23:59:59', random=True, month_weights='[0,0,1]+[0]*9', weekday_weights='[1,0,0,0,0,0,0]', hour_weights='[0]*9+[1.0]*9+[0]*6')" outDateFormat="%m %a %H"/>
    <key name="fifteenth" generator="DateTimeGenerator(min='2024-01-01 00:00:00', max='2024-02-29 23:59:59', dom_weights='[0]*14+[1]+[0]*16', second_weights='[1]+[0]*59')" outDateFormat="%d %S"/>
  </generate>
</setup>"#,
    );
    ok(&s.0, &["run", "d.xml", "--threads", "1"]);
    let one = std::fs::read_to_string(s.path("output/t.csv")).unwrap();
    ok(&s.0, &["run", "d.xml", "--threads", "2"]);
    assert_eq!(
        one,
        std::fs::read_to_string(s.path("output/t.csv")).unwrap()
    );
    let rows = csv_rows(&one);
    assert_eq!(rows.len(), 400);
    let mut hours = std::collections::BTreeSet::new();
    for row in &rows {
        let (month_day, hour) = row[0].rsplit_once(' ').unwrap();
        assert_eq!(month_day, "03 Mon", "{row:?}");
        hours.insert(hour.to_owned());
        assert_eq!(row[1], "15 00", "{row:?}");
    }
    let office: std::collections::BTreeSet<String> = (9..18).map(|h| format!("{h:02}")).collect();
    assert_eq!(hours, office);
}

/// DATAMIMIC's selections: `months`, `weekdays`, `dom='last'`, `hours_preset`, granularities
/// and weights written as a Python comprehension; `seed=N` gives the same values whatever the
/// run's seed.
#[test]
fn calendar_selections_and_a_generator_seed() {
    let s = Scratch::new("datetime-selections");
    let descriptor = |run_seed: u64| {
        format!(
            r#"<setup rngSeed="{run_seed}">
  <generate name="t" count="300" target="CSV">
    <key name="q1_weekdays" generator="DateTimeGenerator(min='2024-01-01 00:00:00', max='2024-12-31 23:59:59', random=True, months='Q1', weekdays='Mon-Fri')" outDateFormat="%m %a"/>
    <key name="last_day" generator="DateTimeGenerator(min='2024-01-01 00:00:00', max='2024-12-31 23:59:59', random=True, dom='last', months_exclude='3-12')" outDateFormat="%m-%d"/>
    <key name="night_ticks" generator="DateTimeGenerator(min='2024-04-01 00:00:00', max='2024-04-30 23:59:59', random_mode=True, hours_preset='night', minute_granularity=15, second_granularity=10)" outDateFormat="%H %M %S"/>
    <key name="quarter_hours" generator="DateTimeGenerator(min='2024-04-01 00:00:00', max='2024-04-30 23:59:59', minute_weights='[1 if m in (0,15,30,45) else 0 for m in range(60)]')" outDateFormat="%M"/>
    <key name="seeded" generator="DateTimeGenerator(min='2024-01-01 00:00:00', max='2024-12-31 23:59:59', random=True, seed=4)"/>
  </generate>
</setup>"#
        )
    };
    s.write("d.xml", &descriptor(1));
    ok(&s.0, &["run", "d.xml"]);
    let first = csv_rows(&std::fs::read_to_string(s.path("output/t.csv")).unwrap());
    assert_eq!(first.len(), 300);
    let mut last_days = std::collections::BTreeSet::new();
    for row in &first {
        let (month, day) = row[0].split_once(' ').unwrap();
        assert!(["01", "02", "03"].contains(&month), "{row:?}");
        assert!(!["Sat", "Sun"].contains(&day), "{row:?}");
        last_days.insert(row[1].clone());
        let parts: Vec<u32> = row[2].split(' ').map(|p| p.parse().unwrap()).collect();
        assert!(parts[0] < 6 || parts[0] >= 22, "{row:?}");
        assert_eq!((parts[1] % 15, parts[2] % 10), (0, 0), "{row:?}");
        assert!(
            ["00", "15", "30", "45"].contains(&row[3].as_str()),
            "{row:?}"
        );
    }
    // The last days of January and February 2024 (a leap year).
    assert_eq!(
        last_days.into_iter().collect::<Vec<_>>(),
        ["01-31", "02-29"]
    );
    s.write("d.xml", &descriptor(2));
    ok(&s.0, &["run", "d.xml"]);
    let second = csv_rows(&std::fs::read_to_string(s.path("output/t.csv")).unwrap());
    let seeded = |rows: &[Vec<String>]| rows.iter().map(|r| r[4].clone()).collect::<Vec<_>>();
    assert_eq!(
        seeded(&first),
        seeded(&second),
        "`seed` ignores the run seed"
    );
    assert_ne!(
        first.iter().map(|r| r[0].clone()).collect::<Vec<_>>(),
        second.iter().map(|r| r[0].clone()).collect::<Vec<_>>()
    );
}
