//! A user's own entity: built-in tables next to this crate's `datasets/`, generated as JSON
//! lines; and a child entity of it, the employee's shifts (`datamimic::ChildOf`).
//!
//! ```text
//! cargo run -p custom-entity -- [COUNT] [DATASET] [SEED] [SHIFTS]
//! ```
//!
//! With `SHIFTS` (a number such as `3`, or a range such as `1..=4`), each employee's line is
//! followed by the lines of their shifts.

use chrono::{Duration, NaiveDate};
use datamimic::domain::common::{Gender, Person, PersonConfig};
use datamimic::{ChildCount, ChildOf, Context, Mimic, Row, Service, Siblings};
use serde::Serialize;

// The tables this crate's build script baked from `datasets/`.
datamimic::include_tables!();

/// An employee, drawn from built-in name and city tables and this crate's own tables. The
/// service's `PersonConfig` sets the share of women and the ages, for the employee and for
/// the manager it embeds.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
#[mimic(dataset = "DE", config = PersonConfig)]
// One job row, read by `title` and `level`, that is not itself a field.
#[mimic(let(job: Row, weighted = "hr/job_title"))]
struct Employee {
    #[mimic(seq)]
    id: u64,
    gender: Gender,
    // The given-name table follows the drawn gender.
    #[mimic(weighted = match gender {
        Gender::Female => "common/person/given_name_female",
        _ => "common/person/given_name_male",
    })]
    given_name: &'static str,
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
    // Only the salutations of the drawn gender (`Frau`, `Herr`, `Divers`).
    #[mimic(
        weighted = "common/person/salutation",
        matching = gender,
        on = "gender",
        column = "salutation"
    )]
    salutation: &'static str,
    #[mimic(range = config.min_age..=config.max_age)]
    age: u8,
    #[mimic(weighted = "departments")]
    department: &'static str,
    #[mimic(from = job.cell(__datamimic_tables::columns::hr_job_title::TITLE))]
    title: &'static str,
    #[mimic(from = job.cell(__datamimic_tables::columns::hr_job_title::LEVEL))]
    level: &'static str,
    #[mimic(format = "{given_name}.{family_name}@example.com", ascii_lowercase)]
    email: String,
    #[mimic(optional = 0.1, pattern = "+49 30 #######")]
    phone: Option<String>,
    office: Office,
    // A built-in entity inside the record, and one of its fields copied out.
    #[serde(skip)]
    manager: Person,
    #[mimic(from = manager.full_name.to_string())]
    manager_name: String,
}

/// Where an employee works: one coherent row of the built-in city table.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
struct Office {
    #[mimic(weighted = "common/address/city", column = "city")]
    city: &'static str,
    #[mimic(weighted = "common/address/city", column = "postal_code")]
    postal_code: &'static str,
}

/// A shift an employee worked: theirs by id and name, each starting after the one before.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
struct Shift {
    #[mimic(skip)]
    employee_id: u64,
    #[mimic(skip)]
    email: String,
    #[mimic(skip)]
    day: NaiveDate,
    #[mimic(values = ["early", "late", "night"], weights = [5, 4, 1])]
    kind: &'static str,
    #[mimic(range = "4..=10")]
    hours: u8,
    /// Days off before the next shift.
    #[mimic(range = "1..=3")]
    rest_days: i64,
}

/// The first shift is 61 to 63 days before the clock's today; each later one
/// follows the rest days of the one before.
impl ChildOf<Employee> for Shift {
    fn mimic_child(
        employee: &Employee,
        siblings: &Siblings<'_, Shift>,
        ctx: &mut Context<'_>,
    ) -> Shift {
        let shift = Shift::mimic(ctx);
        let day = match siblings.previous() {
            Some(previous) => previous.day + Duration::days(previous.rest_days),
            None => ctx.today() - Duration::days(60 + shift.rest_days),
        };
        Shift {
            employee_id: employee.id,
            email: employee.email.clone(),
            day,
            ..shift
        }
    }
}

/// `3` or `1..=4` (also `1..4`, both ends included).
fn parse_count(text: &str) -> Result<ChildCount, String> {
    let number = |n: &str| {
        n.trim()
            .parse::<u32>()
            .map_err(|e| format!("SHIFTS `{text}`: {e}"))
    };
    match text.split_once("..") {
        None => Ok(ChildCount::exactly(number(text)?)),
        Some((min, max)) => ChildCount::between(number(min)?, number(max.trim_start_matches('='))?)
            .map_err(|e| format!("SHIFTS `{text}`: {e}")),
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .map_or(Ok(5), |n| n.parse())
        .unwrap_or_else(|err| fail(&format!("COUNT: {err}")));
    let dataset = args.next().unwrap_or_else(|| "DE".to_owned());
    let seed: u64 = args
        .next()
        .map_or(Ok(42), |n| n.parse())
        .unwrap_or_else(|err| fail(&format!("SEED: {err}")));
    let shifts = args
        .next()
        .map(|text| parse_count(&text).unwrap_or_else(|err| fail(&err)));
    let service = Service::<Employee>::new()
        .dataset(&dataset)
        .unwrap_or_else(|err| fail(&err.to_string()));
    let mut service = service.seed(seed);
    let mut shift_service = Service::<Shift>::new()
        .dataset(&dataset)
        .unwrap_or_else(|err| fail(&err.to_string()))
        .seed(seed);
    for employee in service.iter().take(count) {
        println!(
            "{}",
            serde_json::to_string(&employee).expect("serializable")
        );
        if let Some(shifts) = shifts {
            for shift in shift_service.for_parent(&employee, shifts) {
                println!("{}", serde_json::to_string(&shift).expect("serializable"));
            }
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_tables_are_used_with_their_weights_and_coherent_rows() {
        let service = Service::<Employee>::new().seed(1);
        let titles = __datamimic_tables::HR_JOB_TITLE.resolve("DE").unwrap();
        let mut engineering = 0;
        for i in 0..5_000 {
            let e = service.record(i);
            engineering += usize::from(e.department == "engineering");
            let row = titles
                .iter()
                .find(|r| r.get("title") == Some(e.title))
                .expect("a German title");
            assert_eq!(
                row.get("level"),
                Some(e.level),
                "title and level come from one row"
            );
        }
        // 120 of 215 head count.
        let share = engineering as f64 / 5_000.0;
        assert!((share - 120.0 / 215.0).abs() < 0.03, "{share}");
    }

    #[test]
    fn shifts_belong_to_their_employee_and_follow_each_other() {
        let employees = Service::<Employee>::new().seed(3);
        let shifts = Service::<Shift>::new().seed(3);
        let count = ChildCount::between(2, 6).unwrap();
        for i in 0..2_000 {
            let employee = employees.record(i);
            let worked = shifts.children(&employee, i, count);
            assert!((2..=6).contains(&worked.len()));
            assert!(
                worked
                    .iter()
                    .all(|s| s.employee_id == employee.id && s.email == employee.email)
            );
            assert!(worked.windows(2).all(|w| w[0].day < w[1].day));
            assert_eq!(worked, shifts.children(&employee, i, count));
        }
        assert!(parse_count("5..2").is_err());
        assert_eq!(parse_count("1..=4"), Ok(ChildCount::between(1, 4).unwrap()));
    }

    #[test]
    fn names_and_salutations_follow_the_gender_and_the_config_reaches_the_manager() {
        let config = PersonConfig {
            female_quota: 0.3,
            min_age: 40,
            max_age: 45,
            ..PersonConfig::default()
        };
        let service = Service::<Employee>::new().config(config).seed(3);
        let female = datamimic::tables::COMMON_PERSON_GIVEN_NAME_FEMALE
            .resolve("DE")
            .unwrap();
        let mut women = 0;
        for i in 0..2_000 {
            let e = service.record(i);
            let is_female_name = female.iter().any(|r| r.value() == e.given_name);
            match e.gender {
                Gender::Female => {
                    women += 1;
                    assert!(is_female_name, "{}", e.given_name);
                    assert_eq!(e.salutation, "Frau");
                }
                _ => assert_eq!(e.salutation, "Herr"),
            }
            assert!((40..=45).contains(&e.age) && (40..=45).contains(&e.manager.age));
            assert_eq!(e.manager_name, e.manager.full_name.to_string());
        }
        let share = f64::from(women) / 2_000.0;
        assert!((share - 0.3).abs() < 0.04, "{share}");
    }

    #[test]
    fn the_us_dataset_switches_the_country_variant() {
        let service = Service::<Employee>::new().dataset("US").unwrap().seed(1);
        let us_titles = [
            "Software Engineer",
            "Senior Software Engineer",
            "Engineering Manager",
            "Account Executive",
            "Support Specialist",
        ];
        assert!((0..100).all(|i| us_titles.contains(&service.record(i).title)));
    }
}
