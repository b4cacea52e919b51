//! The entity registry: every entity the command line can generate, by name, behind one
//! type-erased interface.
//!
//! The list lives in one place, the `entities!` invocation at the bottom. Each entry names
//! the type, the descriptor options it understands beyond `dataset` and `rngSeed`, and how
//! those options become its service's configuration.

use std::ops::Range;

use anyhow::{Result, bail};
use datamimic::{Service, Strictness};

use crate::pipeline::{self, Parts, Plan, Source};
use crate::related::{self, RelatedSet};
use crate::sink::{Encoder, Sink};
use crate::suggest::did_you_mean;

pub use crate::entity_options::{EntityOptions, Opt, Record};

/// A built entity service, type-erased.
pub trait Entity: Send + Sync {
    /// Hands record `index` to `visit` as a serializable value, so that a caller can build
    /// its own value from it (a descriptor's script value) without knowing the entity's type.
    fn visit_record(
        &self,
        index: u64,
        visit: &mut dyn FnMut(&dyn erased_serde::Serialize) -> Result<()>,
    ) -> Result<()>;

    /// Record `index` as an owned serializable value, for callers that keep records (the
    /// Python package's entities).
    fn owned_record(&self, index: u64) -> Box<dyn erased_serde::Serialize + Send + Sync>;

    /// The built service as `Any`, for [`visit_service`].
    fn as_any(&self) -> &dyn std::any::Any;

    /// The top-level field names of a record, in order (a related set's key columns avoid
    /// them).
    fn field_names(&self) -> Result<Vec<String>>;

    /// Generates `plan.count` records into `sinks[0]` and the children of each relation of
    /// `set` into the sinks after it ([`crate::related`]).
    fn export_related(
        &self,
        set: &RelatedSet,
        plan: Plan,
        sinks: &mut [Sink],
        label: &str,
    ) -> Result<()>;

    /// Generates `plan.count` records into `sinks` (all sinks of one entity).
    fn export(&self, plan: Plan, sinks: &mut [Sink], label: &str) -> Result<()> {
        self.export_from(0, plan, sinks, label)
    }

    /// [`Entity::export`] of records `first..first + plan.count`, written as a whole output
    /// of their own (a CSV header, a JSON array): the records of a shard ([`crate::shard`]).
    fn export_from(&self, first: u64, plan: Plan, sinks: &mut [Sink], label: &str) -> Result<()>;

    /// The columns the record type declares ([`crate::columnar::declared`]), if it does.
    fn declared_shape(&self) -> Option<crate::columnar::shape::Shape>;

    /// The shape of records `0..count`, as a type without declared columns gets it.
    #[cfg(test)]
    fn sampled_shape(&self, count: u64) -> Result<crate::columnar::shape::Shape>;

    /// Asserts that records `0..count` give the same CSV bytes through their `Cells` impl as
    /// through serde.
    #[cfg(test)]
    fn assert_cells_match_serde(&self, label: &str, count: u64);
}

struct Built<T> {
    service: Service<T>,
}

impl<T: Record> Entity for Built<T> {
    fn visit_record(
        &self,
        index: u64,
        visit: &mut dyn FnMut(&dyn erased_serde::Serialize) -> Result<()>,
    ) -> Result<()> {
        visit(&self.service.record(index))
    }

    fn owned_record(&self, index: u64) -> Box<dyn erased_serde::Serialize + Send + Sync> {
        Box::new(self.service.record(index))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn export_from(&self, first: u64, plan: Plan, sinks: &mut [Sink], label: &str) -> Result<()> {
        // The same sample for every shard: its columns are the whole run's.
        crate::columnar::declare_columns(sinks, |index| self.service.record(index))?;
        let source = EntitySource {
            service: &self.service,
            first,
            encoders: sinks.iter().map(|s| s.encoder().clone()).collect(),
        };
        pipeline::run(&source, plan, sinks, label)
    }

    fn field_names(&self) -> Result<Vec<String>> {
        related::keys::field_names(&self.service.record(0))
    }

    fn declared_shape(&self) -> Option<crate::columnar::shape::Shape> {
        crate::columnar::declared::shape_of::<T>()
    }

    #[cfg(test)]
    fn sampled_shape(&self, count: u64) -> Result<crate::columnar::shape::Shape> {
        crate::columnar::sampled(count, |index| self.service.record(index))
    }

    #[cfg(test)]
    fn assert_cells_match_serde(&self, label: &str, count: u64) {
        use crate::csv::tests::{CELL_SETTINGS, assert_records_cells_match_serde};
        // Comma, all quoted, never quoted: where cells need quotes, always take them, or fail.
        let settings = [CELL_SETTINGS[0], CELL_SETTINGS[5], CELL_SETTINGS[6]];
        assert_records_cells_match_serde(label, count, &settings, |i| self.service.record(i));
    }

    fn export_related(
        &self,
        set: &RelatedSet,
        plan: Plan,
        sinks: &mut [Sink],
        label: &str,
    ) -> Result<()> {
        related::export(&self.service, set, plan, sinks, label)
    }
}

/// The generate command's source: record `first + i` of the service at position `i` of the
/// output, encoded for each sink.
struct EntitySource<'a, T> {
    service: &'a Service<T>,
    first: u64,
    encoders: Vec<Encoder>,
}

impl<T: Record> Source for EntitySource<'_, T> {
    fn page(&self, range: Range<u64>, out: &mut Parts<'_>) -> Result<()> {
        for position in range {
            let index = self.first + position;
            let record = self.service.record(index);
            for (encoder, buf) in self.encoders.iter().zip(out.outs()) {
                encoder
                    .encode_record(position, &record, buf)
                    .map_err(|e| anyhow::anyhow!("record {index}: {e:#}"))?;
            }
            out.record_done()?;
        }
        Ok(())
    }
}

/// Work on a built service that needs its record type: the Python package converts records
/// to Python objects with serde code made for each type, not through type erasure.
pub trait ServiceVisitor {
    /// What the work gives.
    type Out;

    /// Does the work on `service`.
    fn visit<T: Record>(self, service: &Service<T>) -> Self::Out;
}

/// Applies the entity-specific options to a service.
pub type Configure<T> = fn(Service<T>, &EntityOptions) -> Result<Service<T>>;

/// One registry entry.
#[derive(Debug)]
pub struct EntityDef {
    /// The name users write (`Person`).
    pub name: &'static str,
    /// The options it takes beyond `dataset` and `rngSeed`.
    pub options: &'static [Opt],
    /// The dataset codes all its tables support.
    pub supported_datasets: fn() -> Vec<&'static str>,
    build: fn(&EntityOptions) -> Result<Box<dyn Entity>>,
}

impl EntityDef {
    /// Builds the service: rejects options the entity does not take, then applies the rest.
    pub fn build(&self, options: &EntityOptions) -> Result<Box<dyn Entity>> {
        for (opt, name) in options.given() {
            if !self.options.contains(&opt) {
                let mut takes = vec!["dataset", "rngSeed"];
                for o in self.options {
                    takes.extend(match o {
                        Opt::Ages => ["ageMin", "ageMax"],
                        Opt::Conditions => ["conditionsInclude", "conditionsExclude"],
                    });
                }
                bail!(
                    "entity `{}` does not take `{name}`; it takes: {}",
                    self.name,
                    takes.join(", ")
                );
            }
        }
        (self.build)(options)
    }
}

/// Builds a `Service<T>` from the generic options (used by the registry entries).
pub fn build_with<T: Record>(
    options: &EntityOptions,
    configure: Configure<T>,
) -> Result<Box<dyn Entity>> {
    finish(configure(Service::<T>::new(), options)?, options)
}

/// Applies the generic options (strictness, dataset, seed) to a configured service: the last
/// step of [`build_with`], public for services configured beyond the catalogue's options
/// (Person's quotas, Product's price range).
pub fn finish<T: Record>(service: Service<T>, options: &EntityOptions) -> Result<Box<dyn Entity>> {
    let strictness = if options.strict {
        Strictness::Strict
    } else {
        Strictness::Fallback
    };
    let mut service = service.strictness(strictness)?;
    if let Some(code) = &options.dataset {
        service = service.dataset(code)?;
    }
    if let Some(seed) = options.seed {
        service = service.seed(seed);
    }
    Ok(Box::new(Built { service }))
}

/// The registered entity called `name` (case-insensitive), or an error with a suggestion.
pub fn find(name: &str) -> Result<&'static EntityDef> {
    if let Some(def) = ENTITIES.iter().find(|d| d.name.eq_ignore_ascii_case(name)) {
        return Ok(def);
    }
    let names: Vec<&str> = ENTITIES.iter().map(|d| d.name).collect();
    bail!(
        "unknown entity `{name}`{}",
        did_you_mean(name, names.iter().copied())
            .unwrap_or_else(|| format!("; known entities: {}", names.join(", ")))
    )
}

/// Declares the registry: `"Name" => Type [options] configure_fn`.
macro_rules! entities {
    ($($name:literal => $ty:ty, [$($opt:ident),*], $configure:expr;)*) => {
        /// Every entity, in `datamimic list entities` order.
        pub static ENTITIES: &[EntityDef] = &[$(
            EntityDef {
                name: $name,
                options: &[$(Opt::$opt),*],
                supported_datasets: Service::<$ty>::supported_datasets,
                build: |options| build_with::<$ty>(options, $configure),
            },
        )*];

        /// Runs `visitor` on the service of `entity` with its record type known; gives the
        /// visitor back for an entity whose type is none of the catalogue's (one built with
        /// [`finish`] from a type of its own).
        pub fn visit_service<V: ServiceVisitor>(
            entity: &dyn Entity,
            visitor: V,
        ) -> Result<V::Out, V> {
            let any = entity.as_any();
            $(
                if let Some(built) = any.downcast_ref::<Built<$ty>>() {
                    return Ok(visitor.visit(&built.service));
                }
            )*
            Err(visitor)
        }
    };
}

/// Entities whose options are only `dataset` and `rngSeed`.
fn plain<T: Record>(service: Service<T>, _: &EntityOptions) -> Result<Service<T>> {
    Ok(service)
}

/// Person's ages go into `PersonConfig`.
fn person_config<T: Record>(service: Service<T>, options: &EntityOptions) -> Result<Service<T>> {
    use datamimic::domain::common::PersonConfig;
    let mut config = PersonConfig::default();
    (config.min_age, config.max_age) = options.ages((config.min_age, config.max_age))?;
    config.validate()?;
    Ok(service.config(config))
}

/// The healthcare settings (ages, conditions) an entity's options describe.
fn healthcare_config(options: &EntityOptions) -> Result<hc::HealthcareConfig> {
    let mut config = hc::HealthcareConfig::default()
        .include(options.conditions_include.iter().cloned())
        .exclude(options.conditions_exclude.iter().cloned());
    if options.age_min.is_some() || options.age_max.is_some() {
        let (min, max) = options.ages((0, 120))?;
        config.demographic = dc::DemographicConfig {
            age_min: options.age_min.map(|_| min),
            age_max: options.age_max.map(|_| max),
        };
    }
    Ok(config)
}

fn dataset(options: &EntityOptions) -> &str {
    options.dataset.as_deref().unwrap_or("US")
}

/// Patients take ages and the conditions every patient has or never has.
fn patient_config(
    _: Service<hc::Patient>,
    options: &EntityOptions,
) -> Result<Service<hc::Patient>> {
    Ok(
        hc::PatientService::with_config(dataset(options), healthcare_config(options)?)?
            .into_service(),
    )
}

/// Doctors take ages. datamimic's descriptors also pass conditions to doctors (its documented
/// example does); they are checked like a patient's and otherwise have nothing to apply to.
/// Without conditions nothing is checked, so a dataset with doctors but no patient tables
/// (VN) neither fails nor falls back.
fn doctor_config(_: Service<hc::Doctor>, options: &EntityOptions) -> Result<Service<hc::Doctor>> {
    let config = healthcare_config(options)?;
    if !options.conditions_include.is_empty() || !options.conditions_exclude.is_empty() {
        hc::PatientService::with_config(dataset(options), config.clone())?;
    }
    let ages_only = hc::HealthcareConfig {
        demographic: config.demographic,
        ..hc::HealthcareConfig::default()
    };
    Ok(hc::DoctorService::with_config(dataset(options), ages_only)?.into_service())
}

/// Card holders and policy holders take an age range.
fn holder_ages<T: Record>(service: Service<T>, options: &EntityOptions) -> Result<Service<T>> {
    let mut config = dc::PersonConfig::default();
    if options.age_min.is_some() || options.age_max.is_some() {
        let (min, max) = options.ages((18, 90))?;
        config.demographic = Some(dc::DemographicConfig {
            age_min: Some(min),
            age_max: Some(max),
        });
    }
    config.validate()?;
    Ok(service.config(config))
}

/// Police officers take an age range (they are at least 18).
fn officer_ages(
    _: Service<ps::PoliceOfficer>,
    options: &EntityOptions,
) -> Result<Service<ps::PoliceOfficer>> {
    let mut demographic = dc::DemographicConfig::default();
    if options.age_min.is_some() || options.age_max.is_some() {
        let (min, max) = options.ages(ps::PoliceOfficerService::DEFAULT_AGES)?;
        demographic = dc::DemographicConfig {
            age_min: Some(min),
            age_max: Some(max),
        };
    }
    Ok(ps::PoliceOfficerService::with_demographics(dataset(options), demographic)?.into_service())
}

use datamimic::domain::common as dc;
use datamimic::domain::digital as dg;
use datamimic::domain::ecommerce as ec;
use datamimic::domain::finance as fi;
use datamimic::domain::healthcare as hc;
use datamimic::domain::insurance as ins;
use datamimic::domain::public_sector as ps;

entities! {
    "Person" => dc::Person, [Ages], person_config::<dc::Person>;
    "Address" => dc::Address, [], plain::<dc::Address>;
    "City" => dc::City, [], plain::<dc::City>;
    "Country" => dc::Country, [], plain::<dc::Country>;
    "Company" => dc::Company, [], plain::<dc::Company>;
    "Patient" => hc::Patient, [Ages, Conditions], patient_config;
    "Doctor" => hc::Doctor, [Ages, Conditions], doctor_config;
    "Hospital" => hc::Hospital, [], plain::<hc::Hospital>;
    "MedicalDevice" => hc::MedicalDevice, [], plain::<hc::MedicalDevice>;
    "MedicalProcedure" => hc::MedicalProcedure, [], plain::<hc::MedicalProcedure>;
    "MedicalRecord" => hc::MedicalRecord, [], plain::<hc::MedicalRecord>;
    "Encounter" => hc::Encounter, [], plain::<hc::Encounter>;
    "Bank" => fi::Bank, [], plain::<fi::Bank>;
    "BankAccount" => fi::BankAccount, [], plain::<fi::BankAccount>;
    "CreditCard" => fi::CreditCard, [Ages], holder_ages::<fi::CreditCard>;
    "Transaction" => fi::Transaction, [], plain::<fi::Transaction>;
    "Loan" => fi::Loan, [], plain::<fi::Loan>;
    "Investment" => fi::Investment, [], plain::<fi::Investment>;
    "Payment" => fi::Payment, [], plain::<fi::Payment>;
    "DigitalWallet" => fi::DigitalWallet, [], plain::<fi::DigitalWallet>;
    "InsuranceCompany" => ins::InsuranceCompany, [], plain::<ins::InsuranceCompany>;
    "InsuranceProduct" => ins::InsuranceProduct, [], plain::<ins::InsuranceProduct>;
    "InsuranceCoverage" => ins::InsuranceCoverage, [], plain::<ins::InsuranceCoverage>;
    "InsurancePolicy" => ins::InsurancePolicy, [Ages], holder_ages::<ins::InsurancePolicy>;
    "InsuranceClaim" => ins::InsuranceClaim, [Ages], holder_ages::<ins::InsuranceClaim>;
    "Claim" => ins::InsuranceClaim, [Ages], holder_ages::<ins::InsuranceClaim>;
    "Insured" => ins::Insured, [Ages], holder_ages::<ins::Insured>;
    "RiskProfile" => ins::RiskProfile, [Ages], holder_ages::<ins::RiskProfile>;
    "Product" => ec::Product, [], plain::<ec::Product>;
    "Order" => ec::Order, [], plain::<ec::Order>;
    "Customer" => ec::Customer, [Ages], holder_ages::<ec::Customer>;
    "Review" => ec::Review, [], plain::<ec::Review>;
    "Invoice" => ec::Invoice, [], plain::<ec::Invoice>;
    "UserAccount" => dg::UserAccount, [], plain::<dg::UserAccount>;
    "CRM" => dg::CrmRecord, [], plain::<dg::CrmRecord>;
    "AdministrationOffice" => ps::AdministrationOffice, [], plain::<ps::AdministrationOffice>;
    "EducationalInstitution" => ps::EducationalInstitution, [], plain::<ps::EducationalInstitution>;
    "PoliceOfficer" => ps::PoliceOfficer, [Ages], officer_ages;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::{Format, Target};

    /// CSV and SQLite need every record of an entity to have the same columns: a field whose
    /// shape changes from record to record (a map with varying keys) fails the export.
    #[test]
    fn every_entity_exports_as_csv_with_one_shape() {
        let dir = std::env::temp_dir().join(format!("datamimic-shapes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let outcome = std::panic::catch_unwind(|| export_every_entity(&dir));
        // The files are removed whatever happened, so a failure does not leave them behind.
        std::fs::remove_dir_all(&dir).unwrap();
        if let Err(panic) = outcome {
            std::panic::resume_unwind(panic);
        }
    }

    /// Every entity's `Cells` (derived, or written by hand) gives serde's bytes, for 2,000
    /// records of each dataset.
    #[test]
    fn every_entity_writes_its_serde_cells() {
        for def in ENTITIES {
            for dataset in ["US", "DE"] {
                let options = EntityOptions {
                    dataset: Some(dataset.to_owned()),
                    seed: Some(11),
                    ..EntityOptions::default()
                };
                let entity = def.build(&options).unwrap();
                entity.assert_cells_match_serde(&format!("{} {dataset}", def.name), 2_000);
            }
        }
    }

    fn export_every_entity(dir: &std::path::Path) {
        for def in ENTITIES {
            for dataset in ["US", "DE"] {
                let options = EntityOptions {
                    dataset: Some(dataset.to_owned()),
                    seed: Some(3),
                    ..EntityOptions::default()
                };
                let entity = def.build(&options).unwrap();
                let path = dir.join(format!("{}-{dataset}.csv", def.name));
                let encoder = Encoder {
                    format: Format::Csv,
                    csv: Default::default(),
                };
                let target = Target::File {
                    path: path.clone(),
                    table: def.name.to_owned(),
                };
                let mut sinks = vec![Sink::create(encoder, &target).unwrap()];
                let plan = Plan {
                    count: 2_000,
                    page_size: 500,
                    threads: 2,
                };
                let result = entity.export(plan, &mut sinks, def.name);
                assert!(result.is_ok(), "{} {dataset}: {result:?}", def.name);
                if let Some(staged) = sinks.pop().unwrap().finish().unwrap() {
                    staged.commit().unwrap();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                assert_eq!(text.lines().count(), 2_001, "{} {dataset}", def.name);
            }
        }
    }
}
