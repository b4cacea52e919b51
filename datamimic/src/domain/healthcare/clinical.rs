//! Per-country clinical tables, resolved once per dataset and process: conditions with their
//! prevalence by sex and age, the medications that treat each condition, allergies, insurers.

use crate::PerDataset;

use crate::{Context, DatasetCode, Table, TableFamily, tables};

use super::coverage::Coverage;
use super::odds::ConditionOdds;
use super::patient::{Allergy, Condition, Medication};
use super::selection::set_bits;

/// Oldest age with its own prevalence entry; older people use this one.
pub(crate) const MAX_AGE: usize = 120;
/// Prevalence is kept for male, female and other (the mean of both).
pub(crate) const SEXES: usize = 3;
/// Patients keep their conditions, medications and allergies as bit sets over these lists.
const MAX_LISTED: usize = 128;
/// Share of patients treated with a drug for a condition that has one (illustrative).
const TREATED: f64 = 0.8;

/// Drug classes that an allergy rules out besides the allergen itself.
const CROSS_REACTIONS: &[(&str, &[&str])] = &[
    (
        "NSAIDs",
        &[
            "Ibuprofen",
            "Naproxen",
            "Aspirin",
            "Diclofenac",
            "Celecoxib",
            "Meloxicam",
        ],
    ),
    (
        "NSAR",
        &[
            "Ibuprofen",
            "Naproxen",
            "ASS",
            "Diclofenac",
            "Celecoxib",
            "Metamizol",
        ],
    ),
    ("Penicillin", &["Amoxicillin", "Ampicillin"]),
    ("Aspirin", &["ASS"]),
    ("Acetylsalicylsäure", &["ASS", "Aspirin"]),
];

/// Whether `allergy` rules out `drug`.
fn contraindicated(allergy: &str, drug: &str) -> bool {
    allergy.eq_ignore_ascii_case(drug)
        || CROSS_REACTIONS
            .iter()
            .any(|(a, drugs)| a.eq_ignore_ascii_case(allergy) && drugs.contains(&drug))
}

/// One row of `healthcare/condition`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConditionInfo {
    pub(crate) condition: Condition,
    pub(crate) age_min: u8,
    /// Overall prevalence (the table's weight is a percentage).
    pub(crate) prevalence: f64,
}

/// Weighted choices with cumulative weights, drawn with one `below` and a scan: the lists are
/// short (a condition's drugs, a country's insurers, a specialty's hospital types), where a
/// scan beats a binary search.
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

    pub(crate) fn total(&self) -> u64 {
        self.total
    }

    pub(crate) fn draw<R: rand::Rng + ?Sized>(&self, rng: &mut R) -> Option<T> {
        if self.total == 0 {
            return None;
        }
        self.at(crate::sample::below(rng, self.total))
    }

    /// The item at `point` of the cumulative weights; `None` past them, so a point drawn
    /// below more than the total weight leaves a share for "none of them".
    pub(crate) fn at(&self, point: u64) -> Option<T> {
        self.items
            .iter()
            .find(|(cumulative, _)| point < *cumulative)
            .map(|(_, item)| *item)
    }
}

/// The drugs for one condition: the first point is drawn below `treated_span`, whose share
/// past the drugs' weights is the untreated patients.
#[derive(Debug, Default)]
pub(crate) struct Treatment {
    /// Indices into [`Clinical::medications`].
    pub(crate) drugs: Cumulative<u8>,
    pub(crate) treated_span: u64,
}

/// Everything a patient of one dataset reads from the tables.
#[derive(Debug)]
pub(crate) struct Clinical {
    /// The country of the tables in use (US when the dataset fell back to it).
    pub(crate) country: &'static str,
    /// At most [`MAX_LISTED`], in table order.
    pub(crate) conditions: Vec<ConditionInfo>,
    /// The conditions as a patient lists them.
    pub(crate) condition_list: Vec<Condition>,
    /// The probability of each condition, indexed
    /// `[(sex * (MAX_AGE + 1) + age) * n + condition]`.
    pub(crate) prevalence: Vec<f64>,
    /// `prevalence` prepared for drawing.
    pub(crate) odds: ConditionOdds,
    /// The obesity conditions (ICD-10 E66), which decide the side of BMI 30.
    pub(crate) obesity: u128,
    /// Every medication row that treats a listed condition, grouped by condition in
    /// condition order, so a patient's medications (one per condition at most) list in the
    /// order of their conditions. At most [`MAX_LISTED`].
    pub(crate) medications: Vec<Medication>,
    /// Per medication, the medications with the same drug name (itself included).
    pub(crate) same_drug: Vec<u128>,
    /// The medications of each condition, by weight.
    pub(crate) treatments: Vec<Treatment>,
    pub(crate) allergy_table: &'static Table,
    /// The first [`MAX_LISTED`] rows of `allergy_table`.
    pub(crate) allergies: Vec<Allergy>,
    /// Per allergy, the medications it rules out.
    pub(crate) ruled_out: Vec<u128>,
    /// The condition "allergies" (ICD-10 T78.4), which brings one to three allergies.
    pub(crate) allergy_condition: Option<usize>,
    /// Atopic conditions (asthma J45, allergic rhinitis J30, atopic eczema L20), which make an
    /// allergy more likely.
    pub(crate) atopic: u128,
    /// Given names of men and women, for emergency contacts.
    pub(crate) given_names: [&'static Table; 2],
    pub(crate) family_names: &'static Table,
    /// Coverage by age and the insurers of each kind.
    pub(crate) coverage: Coverage,
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
    /// [`Clinical::of`] in the shape of a `with` function.
    #[inline]
    pub(crate) fn here(ctx: &mut Context<'_>) -> &'static Clinical {
        Clinical::of(ctx)
    }

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
        conditions.truncate(MAX_LISTED);
        let prevalence = prevalence(code, &conditions);
        let odds = ConditionOdds::new(&prevalence, conditions.len());
        let (medications, treatments) = treatments(code, &conditions);
        let same_drug = medications
            .iter()
            .map(|m| mask(&medications, |other| other.name == m.name))
            .collect();
        let allergy_table = tables::HEALTHCARE_ALLERGY.for_dataset(code);
        let allergies: Vec<Allergy> = (0..allergy_table.len().min(MAX_LISTED))
            .map(|r| Allergy {
                allergen: allergy_table.value(r),
                severity: allergy_table.cell(r, 1),
                reaction: allergy_table.cell(r, 2),
            })
            .collect();
        let ruled_out = allergies
            .iter()
            .map(|a| mask(&medications, |m| contraindicated(a.allergen, m.name)))
            .collect();
        let coded =
            |prefix: &str| mask(&conditions, |c| c.condition.icd10_code.starts_with(prefix));
        let allergy_condition = set_bits(coded("T78.4")).next();
        let atopic = coded("J45") | coded("J30") | coded("L20");
        Clinical {
            country: tables::HEALTHCARE_CONDITION
                .for_dataset(code)
                .country()
                .unwrap_or("US"),
            condition_list: conditions.iter().map(|c| c.condition).collect(),
            obesity: coded("E66"),
            conditions,
            prevalence,
            odds,
            medications,
            same_drug,
            treatments,
            allergy_table,
            allergies,
            ruled_out,
            allergy_condition,
            atopic,
            given_names: [
                tables::COMMON_PERSON_GIVEN_NAME_MALE.for_dataset(code),
                tables::COMMON_PERSON_GIVEN_NAME_FEMALE.for_dataset(code),
            ],
            family_names: tables::COMMON_PERSON_FAMILY_NAME.for_dataset(code),
            coverage: Coverage::for_code(code),
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
}

/// The items of `list` (at most 128) for which `keep` holds, as a bit set.
fn mask<T>(list: &[T], keep: impl Fn(&T) -> bool) -> u128 {
    list.iter()
        .take(MAX_LISTED)
        .enumerate()
        .filter(|(_, item)| keep(item))
        .fold(0, |set, (i, _)| set | 1 << i)
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

/// The medications treating `conditions`, grouped by condition (at most [`MAX_LISTED`]), and
/// each condition's choice among them.
fn treatments(
    code: DatasetCode,
    conditions: &[ConditionInfo],
) -> (Vec<Medication>, Vec<Treatment>) {
    let family = &tables::HEALTHCARE_MEDICATION;
    let table = family.for_dataset(code);
    let (name, dosage, frequency, route) = (
        column(family, "medication"),
        column(family, "dosage"),
        column(family, "frequency"),
        column(family, "route"),
    );
    let mut medications = Vec::new();
    let mut out = Vec::with_capacity(conditions.len());
    for info in conditions {
        let mut drugs = Cumulative::default();
        for r in (0..table.len()).filter(|&r| table.value(r) == info.condition.name) {
            if medications.len() == MAX_LISTED {
                break;
            }
            drugs.push(table.scaled_weight(r), medications.len() as u8);
            medications.push(Medication {
                name: table.cell(r, name),
                dosage: table.cell(r, dosage),
                frequency: table.cell(r, frequency),
                route: table.cell(r, route),
            });
        }
        let treated_span = (drugs.total() as f64 / TREATED).round() as u64;
        out.push(Treatment {
            treated_span: treated_span.max(drugs.total()),
            drugs,
        });
    }
    (medications, out)
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
            let treated: usize = clinical
                .treatments
                .iter()
                .map(|t| t.drugs.items.len())
                .sum();
            assert_eq!(treated, table.len(), "{country}");
            assert!(clinical.allergy_condition.is_some(), "{country}");
        }
    }

    #[test]
    fn hypertension_rises_with_age() {
        let clinical = Clinical::for_code(DatasetCode::US);
        let i = clinical.condition_index("hypertension").unwrap();
        let n = clinical.conditions.len();
        let p = |sex: usize, age: usize| clinical.prevalence[(sex * (MAX_AGE + 1) + age) * n + i];
        assert_eq!(p(0, 10), 0.0);
        assert!((p(1, 25) - 0.224).abs() < 1e-6);
        assert!((p(2, 70) - 0.745).abs() < 1e-6);
    }
}
