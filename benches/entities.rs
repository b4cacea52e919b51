//! Typed records per second for every built-in entity, per core: each entity's records are made
//! one after another on one thread through `Service::record`, nested entities included (a
//! Patient with its person, an order with its lines). Run with `cargo bench --bench entities`;
//! `DATAMIMIC_BENCH_RECORDS` sets the count per entity (200,000 by default) and
//! `DATAMIMIC_BENCH_ENTITY` (a name as printed) runs that entity alone, for instruction counts
//! under `valgrind --tool=callgrind`.

use std::hint::black_box;
use std::time::Instant;

use datamimic::{Mimic, Service};

/// Records per second for `T` in `dataset`: the best of three runs, since other work on a
/// shared machine only ever slows a run down.
fn rate<T: Mimic>(dataset: &str, records: u64) -> f64 {
    let service = Service::<T>::new()
        .dataset(dataset)
        .expect("supported dataset")
        .seed(42);
    (0..3)
        .map(|run| {
            let start = Instant::now();
            for i in 0..records {
                black_box(service.record(run * records + i));
            }
            records as f64 / start.elapsed().as_secs_f64()
        })
        .fold(0.0, f64::max)
}

macro_rules! entities {
    ($records:expr; $($name:literal => $ty:ty),* $(,)?) => {{
        let only = std::env::var("DATAMIMIC_BENCH_ENTITY").ok();
        let mut slowest = f64::INFINITY;
        for dataset in ["US", "DE"] {
            $(
                if only.as_deref().is_none_or(|only| only == $name) {
                    let per_second = rate::<$ty>(dataset, $records);
                    slowest = slowest.min(per_second);
                    println!("{:<24} {dataset}  {:>12.0} records/s", $name, per_second);
                }
            )*
        }
        println!("slowest: {slowest:.0} records/s");
    }};
}

fn main() {
    use datamimic::domain::{
        common::*, ecommerce::*, finance::*, healthcare::*, insurance::*, public_sector::*,
    };
    let records: u64 = std::env::var("DATAMIMIC_BENCH_RECORDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200_000);
    entities!(records;
        "Person" => Person,
        "Address" => Address,
        "City" => City,
        "Country" => Country,
        "Company" => Company,
        "Patient" => Patient,
        "Doctor" => Doctor,
        "Hospital" => Hospital,
        "MedicalDevice" => MedicalDevice,
        "MedicalProcedure" => MedicalProcedure,
        "Bank" => Bank,
        "BankAccount" => BankAccount,
        "CreditCard" => CreditCard,
        "Transaction" => Transaction,
        "InsuranceCompany" => InsuranceCompany,
        "InsuranceProduct" => InsuranceProduct,
        "InsuranceCoverage" => InsuranceCoverage,
        "InsurancePolicy" => InsurancePolicy,
        "Product" => Product,
        "Order" => Order,
        "AdministrationOffice" => AdministrationOffice,
        "EducationalInstitution" => EducationalInstitution,
        "PoliceOfficer" => PoliceOfficer,
    );
}
