//! `datamimic generate Person --format csv --output FILE` against a yardstick in the same run:
//! the `fake` crate generating the same 27 columns and writing them with the `csv` crate.
//!
//! datamimic runs as its own process (the built `datamimic` binary); the yardstick runs in
//! this one. Whole runs are timed in alternating pairs and the ratio is taken pair by pair,
//! because absolute rates on a shared machine move by up to 2x. Also times datamimic on two threads
//! for the scaling figure. Run with `cargo bench -p datamimic-cli --bench csv_export`
//! (`DATAMIMIC_BENCH_ROWS` sets the row count, 1,000,000 by default).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use fake::Fake;
use fake::faker::address::en::{
    BuildingNumber, CityName, StateAbbr, StateName, StreetName, ZipCode,
};
use fake::faker::chrono::en::Date;
use fake::faker::company::en::CompanyName;
use fake::faker::internet::en::SafeEmail;
use fake::faker::name::en::{FirstName, LastName, Title};
use fake::faker::phone_number::en::{CellNumber, PhoneNumber};
use rand::SeedableRng;
use rand::rngs::StdRng;

/// One run of the `datamimic` binary as its own process, exactly the command a user runs
/// (start-up and table loading included).
fn datamimic(rows: u64, threads: usize, out: &Path) -> Duration {
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_datamimic"))
        .args([
            "generate",
            "Person",
            "-n",
            &rows.to_string(),
            "--seed",
            "42",
        ])
        .args(["--threads", &threads.to_string(), "--format", "csv", "-o"])
        .arg(out)
        .status()
        .expect("datamimic starts");
    assert!(status.success(), "datamimic failed");
    start.elapsed()
}

/// The same columns as datamimic's Person CSV, made with fake and written with csv.
fn fake_yardstick(rows: u64, out: &Path) -> Duration {
    let start = Instant::now();
    let mut rng = StdRng::seed_from_u64(42);
    let mut writer = csv::Writer::from_writer(BufWriter::with_capacity(
        1 << 16,
        File::create(out).expect("output"),
    ));
    writer
        .write_record([
            "birthdate",
            "given_name",
            "family_name",
            "full_name",
            "gender",
            "name",
            "age",
            "email",
            "phone",
            "mobile_phone",
            "academic_title",
            "salutation",
            "nobility_title",
            "address.street",
            "address.house_number",
            "address.city",
            "address.state_code",
            "address.state",
            "address.postal_code",
            "address.area_code",
            "address.country",
            "address.country_code",
            "address.phone",
            "address.mobile_phone",
            "address.fax",
            "address.organization",
            "address.full_address",
        ])
        .expect("header");
    let today = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date");
    for _ in 0..rows {
        let given: String = FirstName().fake_with_rng(&mut rng);
        let family: String = LastName().fake_with_rng(&mut rng);
        let full = format!("{given} {family}");
        let female: bool = fake::Faker.fake_with_rng(&mut rng);
        let birthdate: NaiveDate = Date().fake_with_rng(&mut rng);
        let age = (today.year() - birthdate.year()).to_string();
        let email: String = SafeEmail().fake_with_rng(&mut rng);
        let phone: String = PhoneNumber().fake_with_rng(&mut rng);
        let mobile: String = CellNumber().fake_with_rng(&mut rng);
        let title: String = Title().fake_with_rng(&mut rng);
        let street: String = StreetName().fake_with_rng(&mut rng);
        let number: String = BuildingNumber().fake_with_rng(&mut rng);
        let city: String = CityName().fake_with_rng(&mut rng);
        let state_code: String = StateAbbr().fake_with_rng(&mut rng);
        let state: String = StateName().fake_with_rng(&mut rng);
        let zip: String = ZipCode().fake_with_rng(&mut rng);
        let office: String = PhoneNumber().fake_with_rng(&mut rng);
        let fax: String = PhoneNumber().fake_with_rng(&mut rng);
        let company: String = CompanyName().fake_with_rng(&mut rng);
        let full_address = format!("{number} {street}, {city}, {state_code} {zip}");
        let area_code: String = phone.chars().filter(char::is_ascii_digit).take(3).collect();
        let gender = if female { "female" } else { "male" };
        let salutation = if female { "Ms." } else { "Mr." };
        writer
            .write_record([
                birthdate.to_string().as_str(),
                &given,
                &family,
                &full,
                gender,
                &full,
                &age,
                &email,
                &phone,
                &mobile,
                &title,
                salutation,
                "",
                &street,
                &number,
                &city,
                &state_code,
                &state,
                &zip,
                &area_code,
                "United States",
                "US",
                &office,
                &mobile,
                &fax,
                &company,
                &full_address,
            ])
            .expect("row");
    }
    writer.into_inner().expect("flush").flush().expect("flush");
    start.elapsed()
}

fn rate(rows: u64, time: Duration) -> f64 {
    rows as f64 / time.as_secs_f64()
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; nothing else is expected.
    let rows: u64 = std::env::var("DATAMIMIC_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::env::temp_dir().join(format!("datamimic-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench dir");
    let (ours, theirs, two) = (
        dir.join("datamimic.csv"),
        dir.join("fake.csv"),
        dir.join("datamimic-2.csv"),
    );
    // Warm up the page cache and the allocator.
    datamimic(rows / 10, 1, &ours);
    fake_yardstick(rows / 10, &theirs);
    let _ = std::fs::remove_file(&ours);
    let _ = std::fs::remove_file(&theirs);
    let (mut ratios, mut ours_rates, mut fake_rates, mut scaling) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for pair in 0..5 {
        // Each file is deleted (untimed) before the next run: dirty pages left behind would be
        // flushed to disk 30 s later by the kernel, on the same two cores, in the middle of a
        // later run. The last pair's datamimic files are kept for the comparison below.
        let last = pair == 4;
        let one = datamimic(rows, 1, &ours);
        if !last {
            let _ = std::fs::remove_file(&ours);
        }
        let yardstick = fake_yardstick(rows, &theirs);
        let _ = std::fs::remove_file(&theirs);
        let both = datamimic(rows, 2, &two);
        if !last {
            let _ = std::fs::remove_file(&two);
        }
        ratios.push(yardstick.as_secs_f64() / one.as_secs_f64());
        scaling.push(one.as_secs_f64() / both.as_secs_f64());
        ours_rates.push(rate(rows, one));
        fake_rates.push(rate(rows, yardstick));
        println!(
            "pair {pair}: datamimic 1 thread {:.0} rows/s, 2 threads {:.0} rows/s, fake {:.0} rows/s",
            rate(rows, one),
            rate(rows, both),
            rate(rows, yardstick)
        );
    }
    assert_eq!(
        std::fs::read(&ours).expect("output"),
        std::fs::read(&two).expect("output"),
        "thread counts agree"
    );
    println!(
        "median: datamimic {:.0} rows/s, fake {:.0} rows/s; ratio {:.2}x (pairwise median); 2-thread scaling {:.2}x",
        median(ours_rates),
        median(fake_rates),
        median(ratios),
        median(scaling)
    );
    let _ = std::fs::remove_dir_all(&dir);
}
