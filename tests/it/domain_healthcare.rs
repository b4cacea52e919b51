//! Realism, coherence and identifiers of the healthcare domain.
//!
//! Each rule is checked over 100,000 records for US and DE; identifiers are checked with
//! implementations written here, independent of the library's; distributions are compared with
//! the figures in the baked tables.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use datamimic::domain::common::Gender;
use datamimic::domain::healthcare::{
    DoctorService, HealthcareConfig, HospitalService, MedicalDeviceService,
    MedicalProcedureService, Patient, PatientService, Ssn,
};
use datamimic::{Clock, Error, Strictness, Table, TableFamily, check, tables};

const RECORDS: usize = 100_000;
const COUNTRIES: [&str; 2] = ["US", "DE"];

fn table(family: &'static TableFamily, country: &str) -> &'static Table {
    family.resolve_with(country, Strictness::Strict).unwrap()
}

fn column(family: &'static TableFamily, name: &str) -> usize {
    family.column_index(name).unwrap()
}

fn today() -> NaiveDate {
    Clock::anchor().today()
}

/// 100,000 patients of `country` (seed 7), generated once and shared by the tests, on two
/// threads (records are independent).
fn patients(country: &str) -> &'static [Patient] {
    static US: OnceLock<Vec<Patient>> = OnceLock::new();
    static DE: OnceLock<Vec<Patient>> = OnceLock::new();
    let cell = if country == "US" { &US } else { &DE };
    cell.get_or_init(|| {
        let service = PatientService::new(country).unwrap().seed(7);
        let half = RECORDS / 2;
        std::thread::scope(|s| {
            let second = s.spawn(|| {
                (half..RECORDS)
                    .map(|i| service.record(i as u64))
                    .collect::<Vec<_>>()
            });
            let mut all: Vec<Patient> = (0..half).map(|i| service.record(i as u64)).collect();
            all.extend(second.join().unwrap());
            all
        })
    })
}

/// Luhn validity, written independently of `datamimic::ident`.
fn luhn_valid(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                x / 10 + x % 10
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[test]
fn blood_types_follow_the_countrys_published_distribution() {
    for country in COUNTRIES {
        let t = table(&tables::HEALTHCARE_BLOOD_TYPE, country);
        let index: HashMap<&str, usize> = (0..t.len()).map(|r| (t.value(r), r)).collect();
        let mut observed = vec![0u64; t.len()];
        for p in patients(country) {
            observed[index[p.blood_type]] += 1;
        }
        let probabilities: Vec<f64> = (0..t.len()).map(|r| t.probability(r)).collect();
        let fit = check::chi_square_counts(&observed, &probabilities);
        eprintln!(
            "{country} blood types: chi² {:.1}, df {}, p {:.3}",
            fit.statistic, fit.degrees_of_freedom, fit.p_value
        );
        assert!(fit.passes(1e-4), "{country}: {fit:?}");
    }
}

#[test]
fn conditions_follow_the_published_prevalence_by_age_and_sex() {
    for country in COUNTRIES {
        let family = &tables::HEALTHCARE_CONDITION_PREVALENCE;
        let t = table(family, country);
        let (lo, hi, sex, prevalence) = (
            column(family, "age_min"),
            column(family, "age_max"),
            column(family, "sex"),
            column(family, "prevalence"),
        );
        for r in 0..t.len() {
            let condition = t.value(r);
            let lo: u8 = t.cell(r, lo).parse().unwrap();
            let hi: u8 = t.cell(r, hi).parse().unwrap_or(u8::MAX);
            let expected: f64 = t.cell(r, prevalence).parse().unwrap();
            let sex = t.cell(r, sex);
            let group: Vec<&Patient> = patients(country)
                .iter()
                .filter(|p| (lo..=hi).contains(&p.age))
                .filter(|p| match sex {
                    "male" => p.gender == Gender::Male,
                    "female" => p.gender == Gender::Female,
                    _ => true,
                })
                .collect();
            let with = group
                .iter()
                .filter(|p| p.conditions.iter().any(|c| c.name == condition))
                .count();
            let n = group.len() as f64;
            let rate = with as f64 / n;
            let sigma = (expected * (1.0 - expected) / n).sqrt();
            eprintln!(
                "{country} {condition} {lo}-{hi} {sex}: {rate:.4} of {n} (published {expected})"
            );
            assert!(
                (rate - expected).abs() <= 5.0 * sigma + 1e-3,
                "{country} {condition} {lo}-{hi} {sex}: {rate} vs {expected}"
            );
        }
    }
}

#[test]
fn a_seventy_year_old_has_hypertension_far_more_often_than_a_twenty_five_year_old() {
    for (country, name) in [("US", "Hypertension"), ("DE", "Bluthochdruck")] {
        let rate = |lo: u8, hi: u8| {
            let group: Vec<&Patient> = patients(country)
                .iter()
                .filter(|p| (lo..=hi).contains(&p.age))
                .collect();
            let with = group
                .iter()
                .filter(|p| p.conditions.iter().any(|c| c.name == name))
                .count();
            with as f64 / group.len() as f64
        };
        let (young, old) = (rate(23, 27), rate(68, 72));
        let counts: Vec<usize> = patients(country)
            .iter()
            .map(|p| p.conditions.len())
            .collect();
        let mean = counts.iter().sum::<usize>() as f64 / counts.len() as f64;
        let none = counts.iter().filter(|&&c| c == 0).count() as f64 / counts.len() as f64;
        eprintln!(
            "{country}: {name} at 23-27 {young:.3}, at 68-72 {old:.3}; conditions per patient {mean:.2}, none {none:.3}, max {}",
            counts.iter().max().unwrap()
        );
        assert!(old > 2.5 * young, "{country}: {old} vs {young}");
        assert!(none > 0.05 && *counts.iter().max().unwrap() >= 4);
    }
}

#[test]
fn medications_treat_the_patients_conditions_and_spare_their_allergies() {
    for country in COUNTRIES {
        let family = &tables::HEALTHCARE_MEDICATION;
        let t = table(family, country);
        let name = column(family, "medication");
        let pairs: HashSet<(&str, &str)> = (0..t.len())
            .map(|r| (t.value(r), t.cell(r, name)))
            .collect();
        let mut treated = 0;
        let mut allergic = 0;
        for p in patients(country) {
            for m in &p.medications {
                assert!(
                    p.conditions
                        .iter()
                        .any(|c| pairs.contains(&(c.name, m.name))),
                    "{country}: {} for {:?}",
                    m.name,
                    p.conditions
                );
                for a in &p.allergies {
                    assert!(!a.allergen.eq_ignore_ascii_case(m.name), "{p:?}");
                    let nsaid = ["Ibuprofen", "Naproxen", "Aspirin", "Diclofenac"];
                    assert!(
                        !(a.allergen == "NSAIDs" && nsaid.contains(&m.name)),
                        "{p:?}"
                    );
                }
            }
            treated += usize::from(!p.medications.is_empty());
            if !p.allergies.is_empty() {
                allergic += 1;
                // Allergies come with an allergy diagnosis or an atopic condition.
                assert!(
                    p.conditions.iter().any(|c| ["T78.4", "J45", "J30", "L20"]
                        .iter()
                        .any(|code| c.icd10_code.starts_with(code))),
                    "{p:?}"
                );
            }
        }
        eprintln!(
            "{country}: {:.3} take medication, {:.3} have allergies",
            treated as f64 / RECORDS as f64,
            allergic as f64 / RECORDS as f64
        );
    }
}

#[test]
fn bmi_is_weight_over_height_squared_and_agrees_with_obesity() {
    for country in COUNTRIES {
        let mut adult_heights = [Vec::new(), Vec::new()];
        for p in patients(country) {
            let metres = p.height_cm / 100.0;
            let bmi = p.weight_kg / (metres * metres);
            assert!((p.bmi - bmi).abs() <= 0.05 + 1e-9, "{p:?}");
            let obese = p.conditions.iter().any(|c| c.icd10_code.starts_with("E66"));
            if p.age >= 18 {
                assert_eq!(p.bmi >= 30.0, obese, "{p:?}");
                adult_heights[usize::from(p.gender == Gender::Female)].push(p.height_cm);
            }
            assert!((30.0..230.0).contains(&p.height_cm), "{p:?}");
        }
        let mean = |v: &Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
        eprintln!(
            "{country}: mean adult height men {:.1} cm, women {:.1} cm",
            mean(&adult_heights[0]),
            mean(&adult_heights[1])
        );
        assert!(mean(&adult_heights[0]) > mean(&adult_heights[1]) + 10.0);
    }
}

/// US SSNs by the issuance rules, German Rentenversicherungsnummern by their construction
/// and check digit.
#[test]
fn social_security_numbers_follow_the_issuance_rules() {
    for p in patients("US") {
        let text = p.ssn.to_string();
        let parts: Vec<&str> = text.split('-').collect();
        assert_eq!(
            parts.iter().map(|s| s.len()).collect::<Vec<_>>(),
            [3, 2, 4],
            "{text}"
        );
        let area: u32 = parts[0].parse().unwrap();
        assert!(area != 0 && area != 666 && area < 900, "{text}");
        assert!(parts[1] != "00" && parts[2] != "0000", "{text}");
        assert!(datamimic::ident::ssn::is_valid(&text), "{text}");
    }
    for p in patients("DE") {
        let text = p.ssn.to_string();
        assert!(matches!(p.ssn, Ssn::De { .. }));
        let b = text.as_bytes();
        assert_eq!(b.len(), 12, "{text}");
        assert_eq!(
            &text[2..8],
            p.birthdate.format("%d%m%y").to_string(),
            "{text}"
        );
        let initial = match p.family_name.chars().next().unwrap() {
            'Ä' => 'A',
            'Ö' => 'O',
            'Ü' => 'U',
            c => c.to_ascii_uppercase(),
        };
        assert_eq!(char::from(b[8]), initial, "{text} {}", p.family_name);
        let serial: u8 = text[9..11].parse().unwrap();
        assert_eq!(serial >= 50, p.gender == Gender::Female, "{text}");
        let letter = (b[8] - b'A' + 1) as u32;
        let digits: Vec<u32> = text[..8]
            .bytes()
            .map(|c| u32::from(c - b'0'))
            .chain([letter / 10, letter % 10])
            .chain(text[9..11].bytes().map(|c| u32::from(c - b'0')))
            .collect();
        let sum: u32 = digits
            .iter()
            .zip([2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1])
            .map(|(d, w)| {
                let x = d * w;
                x / 10 + x % 10
            })
            .sum();
        assert_eq!(u32::from(b[11] - b'0'), sum % 10, "{text}");
    }
}

#[test]
fn condition_codes_exist_in_the_current_icd10cm_code_set() {
    let t = table(&tables::HEALTHCARE_ICD10CM, "US");
    let codes: HashSet<&str> = (0..t.len()).map(|r| t.value(r)).collect();
    let mut used = HashSet::new();
    for p in patients("US") {
        for c in &p.conditions {
            used.insert(c.icd10_code);
        }
    }
    // Every code the condition table can give, drawn or not.
    let conditions = table(&tables::HEALTHCARE_CONDITION, "US");
    let column = conditions.column_index("icd10_code").unwrap();
    used.extend((0..conditions.len()).map(|r| conditions.cell(r, column)));
    let missing: Vec<&str> = used.into_iter().filter(|c| !codes.contains(c)).collect();
    assert!(missing.is_empty(), "not in ICD-10-CM FY2026: {missing:?}");
}

#[test]
fn insurance_follows_the_country_and_age() {
    for p in patients("US") {
        // The uninsured have neither insurer nor number.
        assert_eq!(
            p.insurance_provider.is_none(),
            p.insurance_policy_number.is_none()
        );
        let Some(number) = p.insurance_policy_number.map(|n| n.to_string()) else {
            continue;
        };
        if p.age >= 65 {
            assert_eq!(p.insurance_provider, Some("Medicare"));
            assert_eq!(number.len(), 11);
            assert!(!number.contains(['S', 'L', 'O', 'I', 'B', 'Z']), "{number}");
        } else {
            assert_ne!(p.insurance_provider, Some("Medicare"));
        }
    }
    for p in patients("DE") {
        // Krankenversichertennummer: letter, eight digits, check digit.
        let Some(kvnr) = p.insurance_policy_number.map(|n| n.to_string()) else {
            continue;
        };
        let b = kvnr.as_bytes();
        assert!(b.len() == 10 && b[0].is_ascii_uppercase(), "{kvnr}");
        let letter = u32::from(b[0] - b'A' + 1);
        let sum: u32 = [letter / 10, letter % 10]
            .into_iter()
            .chain(kvnr[1..9].bytes().map(|c| u32::from(c - b'0')))
            .enumerate()
            .map(|(i, d)| {
                let x = d * if i % 2 == 0 { 1 } else { 2 };
                x / 10 + x % 10
            })
            .sum();
        assert_eq!(u32::from(b[9] - b'0'), sum % 10, "{kvnr}");
    }
}

#[test]
fn emergency_contacts_fit_the_age_and_live_nearby() {
    for country in COUNTRIES {
        for p in patients(country) {
            let c = &p.emergency_contact;
            if p.age < 18 {
                assert!(["Parent", "Elternteil"].contains(&c.relationship), "{p:?}");
                assert_eq!(c.name.family(), p.family_name);
            }
            assert_eq!(c.phone.country_code(), p.phone.country_code());
            // Near the patient's mobile number: same prefix, a subscriber of the same length.
            let mobile = p.address.mobile_phone;
            assert_eq!(c.phone.prefix(), mobile.prefix());
            assert_eq!(
                c.phone.subscriber().to_string().len(),
                mobile.subscriber().to_string().len()
            );
        }
    }
}

#[test]
fn primary_doctors_resolve_to_doctor_records() {
    let patients = PatientService::new("US").unwrap().doctor_pool(200).seed(3);
    let doctors = DoctorService::new("US").unwrap().seed(3);
    for i in 0..2_000 {
        let reference = patients.record(i).primary_doctor;
        assert!((1..=200).contains(&reference.doctor_id));
        let doctor = doctors.record(reference.doctor_id - 1);
        assert_eq!(doctor.doctor_id, reference.doctor_id);
        assert_eq!(doctor.npi_number, reference.npi_number);
    }
}

#[test]
fn doctors_have_valid_npis_and_careers_that_agree_with_their_age() {
    let pediatric = [
        "Children's",
        "Teaching",
        "General",
        "Kinderklinik",
        "Universitätsklinikum",
        "Allgemeines Krankenhaus",
    ];
    for country in COUNTRIES {
        let service = DoctorService::new(country).unwrap().seed(11);
        let specialties = table(&tables::HEALTHCARE_SPECIALTY, country);
        let certification = column(&tables::HEALTHCARE_SPECIALTY, "certification");
        let boards: HashMap<&str, &str> = (0..specialties.len())
            .map(|r| (specialties.value(r), specialties.cell(r, certification)))
            .collect();
        let mut npis = HashSet::new();
        let mut board_certified = 0;
        let mut experience = 0u64;
        for i in 0..RECORDS as u64 {
            let d = service.record(i);
            let npi = d.npi_number.to_string();
            assert!(npi.len() == 10 && npi.starts_with(['1', '2']), "{npi}");
            assert!(luhn_valid(&format!("80840{npi}")), "{npi}");
            assert!(npis.insert(npi));
            let graduated_at = i32::from(d.graduation_year) - d.birthdate.year();
            assert!((24..=30).contains(&graduated_at), "{d:?}");
            // Graduation after the 18th birthday and before today.
            assert!(i32::from(d.graduation_year) > d.birthdate.year() + 18);
            assert!(i32::from(d.graduation_year) < today().year());
            assert_eq!(
                i32::from(d.years_of_experience),
                today().year() - i32::from(d.graduation_year)
            );
            let age_at_graduation = i32::from(d.age) - i32::from(d.years_of_experience);
            assert!(
                (graduated_at - 1..=graduated_at).contains(&age_at_graduation),
                "{d:?}"
            );
            assert!((28..=70).contains(&d.age));
            if let Some(board) = d.certifications.board {
                assert_eq!(board, boards[d.specialty]);
                board_certified += 1;
            }
            let s = d.specialty.to_lowercase();
            if s.contains("pediatr") || s.contains("pädiatr") {
                assert!(pediatric.contains(&d.hospital.hospital_type), "{d:?}");
            }
            if ["Psychiatric", "Psychiatrische Klinik"].contains(&d.hospital.hospital_type) {
                assert!(s.contains("psychiatr"), "{d:?}");
            }
            assert!(d.hospital.name.to_string().contains(d.address.city));
            experience += u64::from(d.years_of_experience);
        }
        eprintln!(
            "{country} doctors: {:.3} board-certified, mean experience {:.1} years",
            board_certified as f64 / RECORDS as f64,
            experience as f64 / RECORDS as f64
        );
    }
}

#[test]
fn device_dates_are_ordered_around_today() {
    for country in COUNTRIES {
        let service = MedicalDeviceService::new(country).unwrap().seed(5);
        let today = today();
        for i in 0..RECORDS as u64 {
            let d = service.record(i);
            assert!(d.manufacture_date <= d.last_maintenance_date, "{d:?}");
            assert!(
                d.last_maintenance_date <= today && today <= d.next_maintenance_date,
                "{d:?}"
            );
            assert!(d.expiration_date > d.manufacture_date, "{d:?}");
            assert!(
                d.maintenance_history
                    .iter()
                    .all(|m| m.date >= d.manufacture_date && m.date <= d.last_maintenance_date)
            );
            assert!(
                d.usage_logs
                    .iter()
                    .all(|u| u.date >= d.manufacture_date && u.date <= today)
            );
            if d.expiration_date < today {
                assert!(["Retired", "Außer Betrieb"].contains(&d.status));
            }
        }
    }
}

#[test]
fn hospitals_and_procedures_are_coherent() {
    for country in COUNTRIES {
        let hospitals = HospitalService::new(country).unwrap().seed(8);
        for i in 0..RECORDS as u64 / 4 {
            let h = hospitals.record(i);
            let emergency = h
                .departments
                .iter()
                .any(|d| d.contains("Emergency") || d.contains("Notaufnahme"));
            assert_eq!(emergency, h.emergency_services, "{h:?}");
            assert!(i32::from(h.founding_year) <= today().year());
            assert!(h.name.to_string().contains(h.address.city));
            let (email, website) = (h.email.to_string(), h.website.to_string());
            assert!(
                email.starts_with("info@") && website.ends_with(&email[5..]),
                "{website} {email}"
            );
            assert!(email.is_ascii() && !email.contains(' '), "{email}");
        }
        let procedures = MedicalProcedureService::new(country).unwrap().seed(8);
        for i in 0..RECORDS as u64 / 4 {
            let p = procedures.record(i);
            assert!(
                !p.is_surgical || (p.requires_anesthesia && p.recovery_time_days > 0),
                "{p:?}"
            );
            assert!(p.is_surgical || p.recovery_time_days == 0);
        }
    }
}

#[test]
fn demographic_config_includes_excludes_and_rejects_contradictions() {
    let config = HealthcareConfig::default()
        .ages(60, 80)
        .include(["Hypertension", "E11.9"])
        .exclude(["type 2 diabetes", "Obesity"]);
    let service = PatientService::with_config("US", config).unwrap().seed(1);
    for i in 0..10_000 {
        let p = service.record(i);
        assert!((60..=80).contains(&p.age));
        assert!(p.conditions.iter().any(|c| c.name == "Hypertension"));
        assert!(
            p.conditions
                .iter()
                .all(|c| c.name != "Type 2 Diabetes" && c.name != "Obesity")
        );
        assert!(p.bmi < 30.0);
    }
    let german = HealthcareConfig::default()
        .include(["Bluthochdruck"])
        .ages(20, 30);
    let service = PatientService::with_config("DE", german).unwrap().seed(1);
    assert!((0..1_000).all(|i| {
        service
            .record(i)
            .conditions
            .iter()
            .any(|c| c.icd10_code == "I10.90")
    }));

    let errors = [
        HealthcareConfig::default().include(["Dragon Pox"]),
        HealthcareConfig::default()
            .exclude(["Hypertension"])
            .ages(70, 20),
        HealthcareConfig::default()
            .include(["Alzheimer's Disease"])
            .ages(20, 40),
        HealthcareConfig::default().ages(10, 130),
    ];
    for config in errors {
        let err = PatientService::with_config("US", config.clone()).unwrap_err();
        assert!(matches!(err, Error::Constraint(_)), "{config:?}: {err}");
    }
    // US names are unknown in the German tables.
    assert!(
        PatientService::with_config("DE", HealthcareConfig::default().include(["Hypertension"]))
            .is_err()
    );
    assert!(DoctorService::with_config("US", HealthcareConfig::default().ages(18, 24)).is_err());
    assert!(
        DoctorService::with_config("US", HealthcareConfig::default().include(["Asthma"])).is_err()
    );
}

#[test]
fn services_are_reproducible_and_stream() {
    let mut a = PatientService::new("DE").unwrap().seed(42);
    let batch = a.generate_batch(10);
    let streamed: Vec<Patient> = a.iter().take(5).collect();
    assert_eq!(batch[3], a.record(3));
    assert_eq!(streamed[0], a.record(10));
    assert_eq!(
        PatientService::new("DE").unwrap().seed(42).generate(),
        batch[0]
    );
    for supported in [
        PatientService::supported_datasets(),
        DoctorService::supported_datasets(),
        HospitalService::supported_datasets(),
        MedicalDeviceService::supported_datasets(),
        MedicalProcedureService::supported_datasets(),
    ] {
        assert!(
            supported.contains(&"US") && supported.contains(&"DE"),
            "{supported:?}"
        );
    }
}

/// Typed records per second on one thread; run with
/// `cargo test --release --test it healthcare_throughput -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, meaningful in release builds"]
fn healthcare_throughput() {
    fn rate<T>(label: &str, record: impl Fn(u64) -> T) {
        let n = 300_000u64;
        let start = std::time::Instant::now();
        for i in 0..n {
            std::hint::black_box(record(i));
        }
        let per_second = n as f64 / start.elapsed().as_secs_f64();
        eprintln!("{label}: {:.2} M records/s", per_second / 1e6);
    }
    for country in COUNTRIES {
        let patients = PatientService::new(country).unwrap().seed(1);
        rate(&format!("{country} Patient"), |i| patients.record(i));
        let doctors = DoctorService::new(country).unwrap().seed(1);
        rate(&format!("{country} Doctor"), |i| doctors.record(i));
        let hospitals = HospitalService::new(country).unwrap().seed(1);
        rate(&format!("{country} Hospital"), |i| hospitals.record(i));
        let devices = MedicalDeviceService::new(country).unwrap().seed(1);
        rate(&format!("{country} MedicalDevice"), |i| devices.record(i));
        let procedures = MedicalProcedureService::new(country).unwrap().seed(1);
        rate(&format!("{country} MedicalProcedure"), |i| {
            procedures.record(i)
        });
        let people = datamimic::domain::common::PersonService::new(country)
            .unwrap()
            .seed(1);
        rate(&format!("{country} Person (yardstick)"), |i| {
            people.record(i)
        });
    }
}

/// A patient keeps conditions, medications and allergies as 128-bit sets over these tables,
/// so rows past the 128th would never be drawn: a table that grows past it must fail here.
#[test]
fn clinical_lists_fit_a_patients_bit_sets() {
    for family in [
        &tables::HEALTHCARE_CONDITION,
        &tables::HEALTHCARE_MEDICATION,
        &tables::HEALTHCARE_ALLERGY,
    ] {
        for table in family.variants() {
            assert!(
                table.len() <= 128,
                "{} has {} rows; Patient draws from the first 128 only",
                table.source(),
                table.len()
            );
        }
    }
}

/// Dataset VN: Vietnamese doctors hold a practising certificate in their specialty and work at
/// a hospital of a fitting type in their city; hospitals have Vietnamese names, `.vn` hosts
/// and an emergency department exactly when they offer emergency care.
#[test]
fn vietnamese_doctors_and_hospitals_follow_the_vietnamese_system() {
    let specialties = table(&tables::HEALTHCARE_SPECIALTY, "VN");
    let types = table(&tables::HEALTHCARE_HOSPITAL_TYPE, "VN");
    let type_labels: HashSet<&str> = (0..types.len()).map(|i| types.value(i)).collect();
    let mut doctors = DoctorService::new("VN").unwrap().seed(5);
    let mut seen_specialties = HashSet::new();
    for doctor in doctors.generate_batch(5_000) {
        let licence = doctor.license_number.to_string();
        let (serial, issuer) = licence.split_once('/').unwrap();
        assert!(
            serial.len() == 6 && serial.bytes().all(|b| b.is_ascii_digit()),
            "{licence}"
        );
        assert_eq!(issuer, "BYT-CCHN");
        let row = (0..specialties.len())
            .find(|&i| specialties.value(i) == doctor.specialty)
            .unwrap();
        let certificate =
            specialties.cell(row, column(&tables::HEALTHCARE_SPECIALTY, "certification"));
        assert_eq!(doctor.certifications.board, Some(certificate));
        assert!(doctor.certifications.courses.is_empty());
        assert!(type_labels.contains(doctor.hospital.hospital_type));
        let name = doctor.hospital.name.to_string();
        assert_eq!(
            name,
            format!("{} {}", doctor.hospital.hospital_type, doctor.address.city)
        );
        if doctor.specialty == "Nhi khoa" {
            assert!(
                [
                    "Bệnh viện Nhi",
                    "Bệnh viện Đại học Y Dược",
                    "Bệnh viện Đa khoa"
                ]
                .contains(&doctor.hospital.hospital_type),
                "{name}"
            );
        }
        let graduated_at = i32::from(doctor.graduation_year) - doctor.birthdate.year();
        assert!((24..=29).contains(&graduated_at), "{graduated_at}");
        seen_specialties.insert(doctor.specialty);
    }
    assert_eq!(seen_specialties.len(), specialties.len());
    let mut hospitals = HospitalService::new("VN").unwrap().seed(6);
    for hospital in hospitals.generate_batch(2_000) {
        assert!(type_labels.contains(hospital.hospital_type));
        let host = hospital.website.to_string();
        let host = host.strip_prefix("https://www.").unwrap();
        assert!(host.is_ascii() && host.ends_with(".vn"), "{host}");
        assert_eq!(hospital.email.to_string(), format!("info@{host}"));
        let emergency = hospital.departments.iter().any(|d| d.contains("Cấp cứu"));
        assert_eq!(
            emergency, hospital.emergency_services,
            "{:?}",
            hospital.departments
        );
        let first_service = hospital.services[0];
        assert_eq!(
            first_service,
            if emergency {
                "Cấp cứu 24/7"
            } else {
                "Khám theo hẹn"
            }
        );
    }
}
