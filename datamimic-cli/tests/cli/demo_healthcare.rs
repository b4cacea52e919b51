//! DATAMIMIC's demo-healthcare, run unchanged: patients, doctors and hospitals of the US,
//! Germany and Viet Nam, devices, procedures and encounters. Its runs are unseeded but for
//! the variables with `rngSeed`, so the check holds for any values the entities can draw and
//! the seeded files must repeat from run to run.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::demos::{copy_dir, demos_dir, files};
use crate::{Scratch, datamimic};

/// One output file: its rows as maps from column to cell, checked to have `columns` in order
/// and `count` rows.
fn rows(out: &Path, file: &str, columns: &[&str], count: usize) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(out.join(file)).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'|')
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, columns, "{file}");
    let rows: Vec<HashMap<String, String>> = reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), count, "{file}");
    rows
}

fn json_array(cell: &str) -> Vec<Value> {
    match serde_json::from_str(cell) {
        Ok(Value::Array(items)) => items,
        other => panic!("not a JSON array: {cell} ({other:?})"),
    }
}

fn strings(cell: &str) -> Vec<String> {
    json_array(cell)
        .into_iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("{cell}")).to_owned())
        .collect()
}

fn is_bool(cell: &str) -> bool {
    matches!(cell, "true" | "false")
}

fn date(cell: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(cell, "%Y-%m-%d").unwrap_or_else(|e| panic!("{cell}: {e}"))
}

fn number(cell: &str) -> u64 {
    cell.parse().unwrap_or_else(|e| panic!("{cell}: {e}"))
}

fn ids_count_from_one(rows: &[HashMap<String, String>], column: &str) {
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[column], (i + 1).to_string(), "{row:?}");
    }
}

const BLOOD_TYPES: [&str; 8] = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-"];

const PATIENT: &[&str] = &[
    "patient_id",
    "given_name",
    "family_name",
    "date_of_birth",
    "gender",
    "blood_type",
    "street",
    "city",
    "state",
    "zip_code",
    "country",
    "insurance_provider",
];

/// A patient file of the demo: `extra` columns after the common ones, then the lists.
fn patients(out: &Path, file: &str, extra: &[&str], count: usize, country: &str) {
    let columns: Vec<&str> = PATIENT
        .iter()
        .chain(extra)
        .chain(&["allergies", "medications", "conditions"])
        .copied()
        .collect();
    let rows = rows(out, file, &columns, count);
    ids_count_from_one(&rows, "patient_id");
    for row in &rows {
        date(&row["date_of_birth"]);
        assert!(BLOOD_TYPES.contains(&row["blood_type"].as_str()), "{row:?}");
        assert!(!row["gender"].is_empty(), "{row:?}");
        assert_eq!(row["country"], country, "{row:?}");
        // US and German postal codes: five digits, DATAMIMIC's `zip_code` property.
        assert!(
            row["zip_code"].len() == 5 && row["zip_code"].bytes().all(|b| b.is_ascii_digit()),
            "{row:?}"
        );
        for list in ["allergies", "medications", "conditions"] {
            assert!(
                json_array(&row[list]).iter().all(Value::is_object),
                "{row:?}"
            );
        }
    }
}

const HOSPITAL: &[&str] = &[
    "hospital_id",
    "name",
    "type",
    "phone",
    "email",
    "website",
    "emergency_services",
];

/// A hospital file: name from type and city, website and e-mail from the name with the
/// country's domain, an emergency department exactly when there are emergency services.
fn hospitals(out: &Path, file: &str, extra: &[&str], tld: &str, emergency: &str) {
    let columns: Vec<&str> = HOSPITAL
        .iter()
        .chain(extra)
        .chain(&["departments", "services"])
        .copied()
        .collect();
    let count = if file == "hospitals.csv" { 10 } else { 5 };
    let rows = rows(out, file, &columns, count);
    ids_count_from_one(&rows, "hospital_id");
    for row in &rows {
        assert!(row["name"].contains(&row["type"]), "{row:?}");
        let host = row["website"]
            .strip_prefix("https://www.")
            .unwrap_or_else(|| panic!("{row:?}"));
        assert!(host.ends_with(tld), "{row:?}");
        assert!(host.is_ascii(), "{row:?}");
        assert_eq!(row["email"], format!("info@{host}"), "{row:?}");
        assert!(row["phone"].starts_with('+'), "{row:?}");
        let departments = strings(&row["departments"]);
        let has_emergency = departments.iter().any(|d| d.contains(emergency));
        assert_eq!(
            row["emergency_services"],
            has_emergency.to_string(),
            "{row:?}"
        );
        assert!(!strings(&row["services"]).is_empty(), "{row:?}");
        if extra.contains(&"bed_count") {
            assert!(
                number(&row["staff_count"]) > number(&row["bed_count"]),
                "{row:?}"
            );
            assert!(!row["accreditation"].is_empty(), "{row:?}");
        }
    }
}

/// Doctors: NPI with its check digit, the country's licence, the specialty's certificate.
fn doctors(out: &Path) {
    let rows = rows(
        out,
        "doctors.csv",
        &[
            "doctor_id",
            "given_name",
            "family_name",
            "specialty",
            "license_number",
            "hospital",
            "email",
            "npi_number",
            "certifications",
            "accepting_new_patients",
        ],
        10,
    );
    ids_count_from_one(&rows, "doctor_id");
    for row in &rows {
        assert!(
            datamimic::ident::npi::is_valid(&row["npi_number"]),
            "{row:?}"
        );
        let (state, number) = row["license_number"].split_once('-').unwrap();
        assert!(state.len() == 2 && number.len() == 6, "{row:?}");
        assert!(row["hospital"].ends_with(" Hospital"), "{row:?}");
        assert!(row["email"].contains('@'), "{row:?}");
        assert!(is_bool(&row["accepting_new_patients"]), "{row:?}");
        strings(&row["certifications"]);
    }
    let vn = rows_vn_doctors(out);
    for row in &vn {
        let (serial, issuer) = row["license_number"].split_once('/').unwrap();
        assert!(serial.len() == 6 && serial.bytes().all(|b| b.is_ascii_digit()));
        assert_eq!(issuer, "BYT-CCHN");
        assert!(
            datamimic::ident::npi::is_valid(&row["npi_number"]),
            "{row:?}"
        );
        // Every Vietnamese doctor holds a practising certificate in the specialty.
        let certificates = strings(&row["certifications"]);
        assert_eq!(certificates.len(), 1, "{row:?}");
        assert!(
            certificates[0].starts_with("Chứng chỉ hành nghề khám chữa bệnh chuyên khoa "),
            "{row:?}"
        );
        assert!(!row["specialty"].is_empty() && !row["family_name"].is_empty());
    }
}

fn rows_vn_doctors(out: &Path) -> Vec<HashMap<String, String>> {
    let rows = rows(
        out,
        "vn_doctors.csv",
        &[
            "doctor_id",
            "given_name",
            "family_name",
            "specialty",
            "license_number",
            "npi_number",
            "certifications",
        ],
        5,
    );
    ids_count_from_one(&rows, "doctor_id");
    rows
}

/// Devices keep manufacture ≤ last maintenance ≤ next maintenance, with their logs as lists.
fn devices(out: &Path) {
    let rows = rows(
        out,
        "medical_devices.csv",
        &[
            "device_id",
            "device_type",
            "manufacturer",
            "model_number",
            "serial_number",
            "manufacture_date",
            "expiration_date",
            "last_maintenance_date",
            "next_maintenance_date",
            "status",
            "location",
            "assigned_to",
            "usage_logs",
            "maintenance_history",
        ],
        10,
    );
    for row in &rows {
        let made = date(&row["manufacture_date"]);
        let last = date(&row["last_maintenance_date"]);
        assert!(
            made <= last && last <= date(&row["next_maintenance_date"]),
            "{row:?}"
        );
        assert!(made < date(&row["expiration_date"]), "{row:?}");
        for list in ["usage_logs", "maintenance_history"] {
            assert!(
                json_array(&row[list]).iter().all(Value::is_object),
                "{row:?}"
            );
        }
    }
}

fn procedures(out: &Path) {
    let rows = rows(
        out,
        "medical_procedures.csv",
        &[
            "procedure_id",
            "procedure_code",
            "cpt_code",
            "name",
            "category",
            "specialty",
            "description",
            "duration_minutes",
            "cost",
            "requires_anesthesia",
            "is_surgical",
            "is_diagnostic",
            "is_preventive",
            "recovery_time_days",
        ],
        10,
    );
    for row in &rows {
        assert!(row["procedure_code"].ends_with(&row["cpt_code"]), "{row:?}");
        number(&row["duration_minutes"]);
        number(&row["recovery_time_days"]);
        assert!(row["cost"].parse::<f64>().unwrap() > 0.0, "{row:?}");
        for flag in [
            "requires_anesthesia",
            "is_surgical",
            "is_diagnostic",
            "is_preventive",
        ] {
            assert!(is_bool(&row[flag]), "{row:?}");
        }
    }
}

/// Encounters: patients aged 45 to 65 as the demo asks.
fn encounters(out: &Path) {
    let encounters = rows(
        out,
        "encounters.csv",
        &[
            "patient_id",
            "patient_name",
            "patient_age",
            "patient_conditions",
            "doctor_id",
            "doctor_name",
            "doctor_specialty",
            "hospital_name",
            "procedure_code",
            "procedure_name",
            "procedure_category",
            "requires_anesthesia",
            "estimated_cost",
            "device_type",
            "device_manufacturer",
            "device_usage_logs",
            "device_maintenance_history",
        ],
        10,
    );
    for row in &encounters {
        assert!((45..=65).contains(&number(&row["patient_age"])), "{row:?}");
        assert!(row["doctor_name"].contains(' '), "{row:?}");
        assert!(is_bool(&row["requires_anesthesia"]), "{row:?}");
        json_array(&row["patient_conditions"]);
        json_array(&row["device_usage_logs"]);
    }
    let seniors = rows(
        out,
        "seeded_senior_patients.csv",
        &["patient_id", "full_name", "age", "conditions"],
        5,
    );
    for row in &seniors {
        assert!((70..=80).contains(&number(&row["age"])), "{row:?}");
    }
}

/// What demo-healthcare writes.
pub(crate) fn healthcare(out: &Path) {
    assert_eq!(
        files(out),
        [
            "de_hospitals.csv",
            "de_patients.csv",
            "doctors.csv",
            "encounters.csv",
            "hospitals.csv",
            "medical_devices.csv",
            "medical_procedures.csv",
            "patients.csv",
            "seeded_senior_patients.csv",
            "us_patients.csv",
            "vn_doctors.csv",
            "vn_hospitals.csv",
        ]
    );
    let contact = [
        "insurance_policy_number",
        "emergency_contact.name",
        "emergency_contact.phone",
        "emergency_contact.relationship",
    ];
    patients(out, "patients.csv", &contact, 10, "United States");
    patients(out, "us_patients.csv", &[], 5, "United States");
    patients(out, "de_patients.csv", &[], 5, "Germany");
    doctors(out);
    let sized = ["accreditation", "staff_count", "bed_count"];
    hospitals(out, "hospitals.csv", &[], "hospital.org", "Emergency");
    hospitals(out, "vn_hospitals.csv", &sized, ".vn", "Cấp cứu");
    hospitals(out, "de_hospitals.csv", &sized, ".de", "Notaufnahme");
    devices(out);
    procedures(out);
    encounters(out);
}

/// Unseeded runs differ, so the check runs on several; the files of `rngSeed` variables alone
/// repeat.
#[test]
fn demo_healthcare_holds_for_every_run_and_repeats_its_seeded_files() {
    let s = Scratch::new("demo-healthcare-runs");
    let mut seeded: Option<Vec<String>> = None;
    for run in 0..4 {
        let dir = s.path(&format!("run{run}"));
        copy_dir(&demos_dir().join("demo-healthcare"), &dir);
        let out = datamimic(&dir, &["run", "datamimic.xml", "--output-dir", "out"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("warning"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = dir.join("out");
        healthcare(&out);
        let files: Vec<String> = [
            "doctors.csv",
            "vn_doctors.csv",
            "seeded_senior_patients.csv",
        ]
        .iter()
        .map(|f| std::fs::read_to_string(out.join(f)).unwrap())
        .collect();
        match &seeded {
            None => seeded = Some(files),
            Some(first) => assert_eq!(first, &files, "seeded files differ between runs"),
        }
    }
}
