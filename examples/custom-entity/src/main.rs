//! A user's own entity: built-in tables next to this crate's `datasets/`, generated as JSON
//! lines.
//!
//! ```text
//! cargo run -p custom-entity -- [COUNT] [DATASET] [SEED]
//! ```

use datamimic::{Mimic, Service};
use serde::Serialize;

// The tables this crate's build script baked from `datasets/`.
datamimic::include_tables!();

/// An employee, drawn from built-in name and city tables and this crate's own tables.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
#[mimic(dataset = "DE")]
struct Employee {
    #[mimic(seq)]
    id: u64,
    #[mimic(weighted = "common/person/given_name_female")]
    given_name: &'static str,
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
    #[mimic(range = "18..=67")]
    age: u8,
    #[mimic(weighted = "departments")]
    department: &'static str,
    #[mimic(weighted = "hr/job_title", column = "title")]
    title: &'static str,
    #[mimic(weighted = "hr/job_title", column = "level")]
    level: &'static str,
    #[mimic(format = "{given_name}.{family_name}@example.com", ascii_lowercase)]
    email: String,
    #[mimic(optional = 0.1, pattern = "+49 30 #######")]
    phone: Option<String>,
    office: Office,
}

/// Where an employee works: one coherent row of the built-in city table.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
struct Office {
    #[mimic(weighted = "common/address/city", column = "city")]
    city: &'static str,
    #[mimic(weighted = "common/address/city", column = "postal_code")]
    postal_code: &'static str,
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
    let service = Service::<Employee>::new()
        .dataset(&dataset)
        .unwrap_or_else(|err| fail(&err.to_string()));
    let mut service = service.seed(seed);
    for employee in service.iter().take(count) {
        println!(
            "{}",
            serde_json::to_string(&employee).expect("serializable")
        );
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
