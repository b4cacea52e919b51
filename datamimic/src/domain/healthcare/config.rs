//! `HealthcareConfig`: datamimic-ce's `DemographicConfig` for patients and doctors, by
//! composition with the common one.

use crate::domain::common::DemographicConfig;
use crate::{DatasetCode, Error, Result};

use super::clinical::{Clinical, MAX_AGE, SEXES};
use super::odds::ConditionOdds;

/// Demographic constraints of patients and doctors: an age range and the conditions every
/// patient has (`conditions_include`) or never has (`conditions_exclude`).
///
/// Conditions are named as in the dataset's `healthcare/condition` table (`Hypertension` for
/// US, `Bluthochdruck` for DE) or by their ICD-10 code (`I10`), ignoring case. A condition both
/// included and excluded is allowed and excluded: exclude wins, as in datamimic-ce. Unknown
/// names, `age_min > age_max` and an included condition that starts after the oldest age of
/// the range are errors when the service is built.
///
/// ```
/// use datamimic::domain::healthcare::{HealthcareConfig, PatientService};
///
/// let config = HealthcareConfig::default().include(["Asthma"]).exclude(["asthma", "I10"]);
/// let mut patients = PatientService::with_config("US", config)?.seed(1);
/// assert!(patients.generate_batch(100).iter().all(|p| p.conditions.iter().all(|c| c.name != "Asthma")));
///
/// let unknown = HealthcareConfig::default().include(["Dragon Pox"]);
/// assert!(PatientService::with_config("US", unknown).is_err());
/// let reversed = HealthcareConfig::default().ages(60, 20);
/// assert!(PatientService::with_config("US", reversed).is_err());
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HealthcareConfig {
    /// The age range; missing bounds take the service's defaults (patients 0 to 90, doctors
    /// 28 to 70).
    pub demographic: DemographicConfig,
    /// Conditions every patient has.
    pub conditions_include: Vec<String>,
    /// Conditions no patient has; wins over `conditions_include`.
    pub conditions_exclude: Vec<String>,
}

impl HealthcareConfig {
    /// The config with ages `min..=max`.
    pub fn ages(mut self, min: u8, max: u8) -> HealthcareConfig {
        self.demographic = DemographicConfig {
            age_min: Some(min),
            age_max: Some(max),
        };
        self
    }

    /// The config with `conditions` added to `conditions_include`.
    pub fn include<S: Into<String>>(
        mut self,
        conditions: impl IntoIterator<Item = S>,
    ) -> HealthcareConfig {
        self.conditions_include
            .extend(conditions.into_iter().map(Into::into));
        self
    }

    /// The config with `conditions` added to `conditions_exclude`.
    pub fn exclude<S: Into<String>>(
        mut self,
        conditions: impl IntoIterator<Item = S>,
    ) -> HealthcareConfig {
        self.conditions_exclude
            .extend(conditions.into_iter().map(Into::into));
        self
    }

    /// The age range with the defaults filled in; fails if it is reversed or beyond 120.
    pub(crate) fn age_range(&self, default_min: u8, default_max: u8) -> Result<(u8, u8)> {
        self.demographic.validate()?;
        let filled = self.demographic.with_defaults(default_min, default_max);
        let (min, max) = (
            filled.age_min.unwrap_or(default_min),
            filled.age_max.unwrap_or(default_max),
        );
        if min > max {
            return Err(Error::Constraint(format!(
                "demographic `age_min` {min} is above `age_max` {max}"
            )));
        }
        if usize::from(max) > MAX_AGE {
            return Err(Error::Constraint(format!(
                "demographic `age_max` {max} is above {MAX_AGE}"
            )));
        }
        Ok((min, max))
    }

    /// The condition odds for `code` with the includes and excludes applied.
    pub(crate) fn plan(&self, code: DatasetCode, max_age: u8) -> Result<ConditionPlan> {
        let clinical = Clinical::for_code(code);
        let unknown = |name: &str| {
            let known: Vec<&str> = clinical
                .conditions
                .iter()
                .map(|c| c.condition.name)
                .collect();
            Error::Constraint(format!(
                "unknown condition `{name}` for dataset {code}; the known ones are: {}",
                known.join(", ")
            ))
        };
        // An included family (`Diabetes`) means its most prevalent member; an excluded family
        // excludes every member.
        let mut include = Vec::new();
        for name in &self.conditions_include {
            include.push(
                *clinical
                    .condition_family(name)
                    .first()
                    .ok_or_else(|| unknown(name))?,
            );
        }
        let mut exclude = Vec::new();
        for name in &self.conditions_exclude {
            let family = clinical.condition_family(name);
            if family.is_empty() {
                return Err(unknown(name));
            }
            exclude.extend(family);
        }
        for &i in include.iter().filter(|i| !exclude.contains(i)) {
            let info = &clinical.conditions[i];
            if info.age_min > max_age {
                return Err(Error::Constraint(format!(
                    "included condition `{}` starts at age {}, above the oldest age {max_age}",
                    info.condition.name, info.age_min
                )));
            }
        }
        let n = clinical.conditions.len();
        let mut prevalence = clinical.prevalence.clone();
        for sex_age in 0..SEXES * (MAX_AGE + 1) {
            for &i in &include {
                prevalence[sex_age * n + i] = 1.0;
            }
            for &i in &exclude {
                prevalence[sex_age * n + i] = 0.0;
            }
        }
        Ok(ConditionPlan {
            dataset: code,
            odds: ConditionOdds::new(&prevalence, n),
        })
    }
}

/// The condition odds of a patient service with includes and excludes applied, prepared when
/// the service is built so records pay no lookups.
#[derive(Debug, Clone)]
pub(crate) struct ConditionPlan {
    pub(crate) dataset: DatasetCode,
    pub(crate) odds: ConditionOdds,
}
