//! Per-country clinical tables, resolved once per dataset and process: conditions with their
//! prevalence by sex and age, the medications that treat each condition, allergies, insurers.

use crate::PerDataset;

use crate::{Context, DatasetCode, Table, TableFamily, tables};

use super::patient::{Allergy, Condition, Medication};

/// Oldest age with its own prevalence entry; older people use this one.
pub(crate) const MAX_AGE: usize = 120;
/// Prevalence is kept for male, female and other (the mean of both).
pub(crate) const SEXES: usize = 3;
/// Bits per condition draw: three draws per `u64`, a resolution of 1 in 2 million.
pub(crate) const DRAW_BITS: u32 = 21;

/// One row of `healthcare/condition`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConditionInfo {
    pub(crate) condition: Condition,
    pub(crate) age_min: u8,
    /// Overall prevalence (the table's weight is a percentage).
    pub(crate) prevalence: f64,
}

/// Weighted choices with cumulative weights, drawn with one `below` and a binary search.
#[derive(Debug)]
pub(crate) struct Cumulative<T> {
    items: Vec<(u64, T)>,
    total: u64,
}

impl<T> Default for Cumulative<T> {
    fn default() -> Cumulative<T> {
        Cumulative {
            items: Vec::new(),
            total: 0,
        }
    }
}

impl<T: Copy> Cumulative<T> {
    pub(crate) fn push(&mut self, weight: u64, item: T) {
        if weight > 0 {
            self.total += weight;
            self.items.push((self.total, item));
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(crate) fn draw<R: rand::Rng + ?Sized>(&self, rng: &mut R) -> Option<T> {
        if self.total == 0 {
            return None;
        }
        let point = crate::sample::below(rng, self.total);
        let at = self
            .items
            .partition_point(|(cumulative, _)| *cumulative <= point);
        self.items.get(at).map(|(_, item)| *item)
    }
}

/// Everything a patient of one dataset reads from the tables.
#[derive(Debug)]
pub(crate) struct Clinical {
    /// The country of the tables in use (US when the dataset fell back to it).
    pub(crate) country: &'static str,
    pub(crate) conditions: Vec<ConditionInfo>,
    /// The probability of each condition as a `DRAW_BITS` threshold (a condition is present
    /// when a draw is below), indexed `[(sex * (MAX_AGE + 1) + age) * n + condition]`.
    pub(crate) thresholds: Vec<u64>,
    /// The medications of each condition, by weight.
    pub(crate) treatments: Vec<Cumulative<Medication>>,
    pub(crate) allergies: &'static Table,
    /// The condition "allergies" (ICD-10 T78.4), which brings one to three allergies.
    pub(crate) allergy_condition: Option<usize>,
    /// Atopic conditions (asthma J45, allergic rhinitis J30, atopic eczema L20), which make an
    /// allergy more likely.
    pub(crate) atopic: Vec<usize>,
    /// Insurers for people under 65 (and over 65 where no public scheme takes over).
    pub(crate) insurers: Cumulative<(&'static str, &'static str)>,
}

/// The column `name` of `family`; the tables are baked, so a missing column is a bug caught
/// by the unit tests.
pub(crate) fn column(family: &'static TableFamily, name: &str) -> usize {
    family
        .column_index(name)
        .unwrap_or_else(|| panic!("{} has no column `{name}`", family.key()))
}

fn percent(table: &Table, row: usize) -> f64 {
    table.scaled_weight(row) as f64 / 10f64.powi(table.weight_decimals() as i32) / 100.0
}

impl Clinical {
    /// The resolved tables of `ctx`'s dataset.
    pub(crate) fn of(ctx: &Context<'_>) -> &'static Clinical {
        Clinical::for_code(ctx.dataset())
    }

    /// The resolved tables of `code`.
    pub(crate) fn for_code(code: DatasetCode) -> &'static Clinical {
        static CACHE: PerDataset<Clinical> = PerDataset::new();
        CACHE.get_or_init(code, || Clinical::new(code))
    }

    fn new(code: DatasetCode) -> Clinical {
        let mut conditions = conditions(code);
        // Patients keep their conditions as a 128-bit set.
        conditions.truncate(128);
        let prevalence = prevalence(code, &conditions);
        let treatments = treatments(code, &conditions);
        let thresholds = prevalence
            .iter()
            .map(|p| (p * (1u64 << DRAW_BITS) as f64).round() as u64)
            .collect();
        let find = |prefix: &str| {
            conditions
                .iter()
                .position(|c| c.condition.icd10_code.starts_with(prefix))
        };
        let allergy_condition = find("T78.4");
        let atopic = ["J45", "J30", "L20"]
            .iter()
            .filter_map(|p| find(p))
            .collect();
        let insurance = tables::HEALTHCARE_INSURANCE_PROVIDER.for_dataset(code);
        let prefix = column(&tables::HEALTHCARE_INSURANCE_PROVIDER, "id_prefix");
        let mut insurers = Cumulative::default();
        for r in 0..insurance.len() {
            insurers.push(
                insurance.scaled_weight(r),
                (insurance.value(r), insurance.cell(r, prefix)),
            );
        }
        Clinical {
            country: tables::HEALTHCARE_CONDITION
                .for_dataset(code)
                .country()
                .unwrap_or("US"),
            conditions,
            thresholds,
            treatments,
            allergies: tables::HEALTHCARE_ALLERGY.for_dataset(code),
            allergy_condition,
            atopic,
            insurers,
        }
    }

    /// The index of the condition called `name` or coded `name` (ignoring case).
    pub(crate) fn condition_index(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.conditions.iter().position(|c| {
            c.condition.name.eq_ignore_ascii_case(name)
                || c.condition.icd10_code.eq_ignore_ascii_case(name)
        })
    }

    /// The conditions a name stands for: the one it names exactly (or by ICD-10 code), else
    /// every condition whose name contains it as whole words, so the general `Diabetes` of
    /// datamimic's descriptors covers `Type 1 Diabetes` and `Type 2 Diabetes`. Most prevalent
    /// first.
    pub(crate) fn condition_family(&self, name: &str) -> Vec<usize> {
        if let Some(i) = self.condition_index(name) {
            return vec![i];
        }
        let wanted: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        let mut family: Vec<usize> = (0..self.conditions.len())
            .filter(|&i| {
                let words: Vec<String> = self.conditions[i]
                    .condition
                    .name
                    .split_whitespace()
                    .map(str::to_lowercase)
                    .collect();
                words.windows(wanted.len()).any(|w| w == wanted.as_slice())
            })
            .collect();
        family.sort_by(|&a, &b| {
            self.conditions[b]
                .prevalence
                .total_cmp(&self.conditions[a].prevalence)
        });
        family
    }

    /// One allergy, by weight.
    pub(crate) fn allergy<R: rand::Rng + ?Sized>(&self, rng: &mut R) -> Allergy {
        let row = self.allergies.sample_row(rng);
        Allergy {
            allergen: row.value(),
            severity: row.cell(1),
            reaction: row.cell(2),
        }
    }
}

fn conditions(code: DatasetCode) -> Vec<ConditionInfo> {
    let family = &tables::HEALTHCARE_CONDITION;
    let table = family.for_dataset(code);
    let (icd, category, age_min) = (
        column(family, "icd10_code"),
        column(family, "category"),
        column(family, "age_min"),
    );
    (0..table.len())
        .map(|r| ConditionInfo {
            condition: Condition {
                name: table.value(r),
                icd10_code: table.cell(r, icd),
                category: table.cell(r, category),
            },
            age_min: table.cell(r, age_min).parse().unwrap_or(0),
            prevalence: percent(table, r),
        })
        .collect()
}

/// Age- and sex-specific prevalence where `healthcare/condition_prevalence` publishes it; the
/// overall figure from age_min on otherwise.
///
/// Below a condition's first published band (children, for figures surveyed in adults) a
/// quarter of that band's figure applies, above its last band the last band's figure.
fn prevalence(code: DatasetCode, conditions: &[ConditionInfo]) -> Vec<f64> {
    let family = &tables::HEALTHCARE_CONDITION_PREVALENCE;
    let table = family.for_dataset(code);
    let (age_min, age_max, sex, value) = (
        column(family, "age_min"),
        column(family, "age_max"),
        column(family, "sex"),
        column(family, "prevalence"),
    );
    let n = conditions.len();
    let mut out = vec![0.0; SEXES * (MAX_AGE + 1) * n];
    // Bands of (age_min, age_max, prevalence) per condition and sex (male, female).
    let mut bands: Vec<[Vec<(u8, u8, f64)>; 2]> = (0..n).map(|_| [vec![], vec![]]).collect();
    for r in 0..table.len() {
        let Some(i) = conditions
            .iter()
            .position(|c| c.condition.name == table.value(r))
        else {
            continue;
        };
        let band = (
            table.cell(r, age_min).parse().unwrap_or(0),
            table.cell(r, age_max).parse().unwrap_or(u8::MAX),
            table.cell(r, value).parse().unwrap_or(0.0),
        );
        match table.cell(r, sex) {
            "male" => bands[i][0].push(band),
            "female" => bands[i][1].push(band),
            _ => {
                bands[i][0].push(band);
                bands[i][1].push(band);
            }
        }
    }
    for (i, info) in conditions.iter().enumerate() {
        for age in 0..=MAX_AGE as u8 {
            let by_sex = [0, 1].map(|s| {
                if age < info.age_min {
                    0.0
                } else {
                    banded(&bands[i][s], age).unwrap_or(info.prevalence)
                }
            });
            let values = [by_sex[0], by_sex[1], (by_sex[0] + by_sex[1]) / 2.0];
            for (s, p) in values.into_iter().enumerate() {
                out[(s * (MAX_AGE + 1) + usize::from(age)) * n + i] = p.clamp(0.0, 1.0);
            }
        }
    }
    out
}

fn banded(bands: &[(u8, u8, f64)], age: u8) -> Option<f64> {
    if let Some(&(_, _, p)) = bands.iter().find(|(lo, hi, _)| (*lo..=*hi).contains(&age)) {
        return Some(p);
    }
    let first = bands.iter().min_by_key(|(lo, _, _)| *lo)?;
    if age < first.0 {
        return Some(first.2 / 4.0);
    }
    bands.iter().max_by_key(|(_, hi, _)| *hi).map(|b| b.2)
}

fn treatments(code: DatasetCode, conditions: &[ConditionInfo]) -> Vec<Cumulative<Medication>> {
    let family = &tables::HEALTHCARE_MEDICATION;
    let table = family.for_dataset(code);
    let (name, dosage, frequency, route) = (
        column(family, "medication"),
        column(family, "dosage"),
        column(family, "frequency"),
        column(family, "route"),
    );
    let mut out: Vec<Cumulative<Medication>> =
        conditions.iter().map(|_| Cumulative::default()).collect();
    for r in 0..table.len() {
        if let Some(i) = conditions
            .iter()
            .position(|c| c.condition.name == table.value(r))
        {
            out[i].push(
                table.scaled_weight(r),
                Medication {
                    name: table.cell(r, name),
                    dosage: table.cell(r, dosage),
                    frequency: table.cell(r, frequency),
                    route: table.cell(r, route),
                },
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_medication_row_names_a_condition_of_its_country() {
        for country in ["US", "DE"] {
            let code = DatasetCode::parse(country).unwrap();
            let clinical = Clinical::for_code(code);
            let table = tables::HEALTHCARE_MEDICATION.for_dataset(code);
            let treated: usize = clinical.treatments.iter().map(|t| t.items.len()).sum();
            assert_eq!(treated, table.len(), "{country}");
            assert!(clinical.allergy_condition.is_some(), "{country}");
        }
    }

    #[test]
    fn hypertension_rises_with_age() {
        let clinical = Clinical::for_code(DatasetCode::US);
        let i = clinical.condition_index("hypertension").unwrap();
        let n = clinical.conditions.len();
        let p = |sex: usize, age: usize| {
            clinical.thresholds[(sex * (MAX_AGE + 1) + age) * n + i] as f64
                / (1u64 << DRAW_BITS) as f64
        };
        assert_eq!(p(0, 10), 0.0);
        assert!((p(1, 25) - 0.224).abs() < 1e-6);
        assert!((p(2, 70) - 0.745).abs() < 1e-6);
    }
}
