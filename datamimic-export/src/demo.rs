//! Two small entities built from the baked tables with `#[derive(Mimic)]`, so the command
//! line and descriptors can be exercised end to end with nested fields, lists and datetimes.

use chrono::{DateTime, Duration, Utc};
use datamimic::{Context, Mimic, Service, sample};
use serde::Serialize;

use crate::entity_options::{EntityOptions, Record};

/// The options the demo entities read from their service.
#[derive(Debug, Clone, Default)]
struct DemoConfig {
    ages: (u8, u8),
    include: Vec<String>,
    exclude: Vec<String>,
}

/// Applies ages and conditions to a demo entity's service.
pub fn configure<T: Record>(
    service: Service<T>,
    options: &EntityOptions,
) -> anyhow::Result<Service<T>> {
    Ok(service.config(DemoConfig {
        ages: options.ages((18, 65))?,
        include: options.conditions_include.clone(),
        exclude: options.conditions_exclude.clone(),
    }))
}

fn age(ctx: &mut Context<'_>) -> u8 {
    let (min, max) = ctx.config::<DemoConfig>().map_or((18, 65), |c| c.ages);
    min + sample::below(ctx.rng(), u64::from(max - min) + 1) as u8
}

fn registered(ctx: &mut Context<'_>) -> DateTime<Utc> {
    let seconds = sample::below(ctx.rng(), 5 * 365 * 86_400) as i64;
    ctx.now() - Duration::seconds(seconds)
}

const CONDITIONS: [&str; 5] = [
    "Asthma",
    "Diabetes",
    "Hypertension",
    "Migraine",
    "Arthritis",
];

/// 0 to 2 drawn conditions; included ones are forced in and excluded ones win.
fn conditions(ctx: &mut Context<'_>) -> Vec<String> {
    let n = sample::below(ctx.rng(), 3);
    let mut out: Vec<String> = Vec::new();
    for _ in 0..n {
        let c = *sample::pick(ctx.rng(), &CONDITIONS);
        if !out.iter().any(|o| o == c) {
            out.push(c.to_owned());
        }
    }
    if let Some(config) = ctx.config::<DemoConfig>() {
        for c in &config.include {
            if !out.contains(c) {
                out.push(c.clone());
            }
        }
        out.retain(|c| !config.exclude.contains(c));
    }
    out
}

/// A demo address: city, state and postal code from one row.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
pub struct DemoAddress {
    #[mimic(weighted = "common/address/city", column = "city")]
    city: &'static str,
    #[mimic(weighted = "common/address/city", column = "state_code")]
    state: &'static str,
    #[mimic(weighted = "common/address/city", column = "postal_code")]
    postal_code: &'static str,
}

/// A demo person with a nested address and a registration time.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
pub struct DemoPerson {
    #[mimic(seq)]
    id: u64,
    #[mimic(weighted = "common/person/given_name_female")]
    given_name: &'static str,
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
    #[mimic(format = "{given_name} {family_name}")]
    full_name: String,
    #[mimic(with = age)]
    age: u8,
    #[mimic(format = "{given_name}.{family_name}@example.com", ascii_lowercase)]
    email: String,
    #[mimic(with = registered)]
    registered: DateTime<Utc>,
    address: DemoAddress,
}

/// A demo doctor with a list of certifications and of conditions.
#[derive(Mimic, Serialize, Debug, Clone, PartialEq)]
pub struct DemoDoctor {
    #[mimic(seq)]
    id: u64,
    #[mimic(weighted = "common/person/given_name_male")]
    given_name: &'static str,
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
    #[mimic(format = "Dr. {given_name} {family_name}")]
    full_name: String,
    #[mimic(with = age)]
    age: u8,
    #[mimic(len = "1..=3", values = ["Board Certified", "ACLS", "BLS", "PALS"])]
    certifications: Vec<&'static str>,
    #[mimic(with = conditions)]
    conditions: Vec<String>,
}

// Written through serde: the demo models are not on a hot path.
impl datamimic::Cells for DemoPerson {}
impl datamimic::Cells for DemoDoctor {}
