//! DATAMIMIC's entity constructor arguments (`entity="Person(min_age=21, female_quota=0.6)"`):
//! the ages every entity with an age range takes, and the quotas of `PersonService`
//! (`female_quota`, `other_gender_quota`, `noble_quota`, `academic_title_quota`), which go
//! into Person's [`PersonConfig`].

use anyhow::Result;
use datamimic::Service;
use datamimic::domain::common::{Person, PersonConfig};
use datamimic_export::entities::{self, Entity, EntityOptions};
use datamimic_export::suggest::did_you_mean;

/// The arguments an entity's constructor may name.
const ARGUMENTS: &[&str] = &[
    "min_age",
    "max_age",
    "female_quota",
    "other_gender_quota",
    "noble_quota",
    "academic_title_quota",
];

/// Person's quotas, each a share between 0 and 1; `None` keeps Person's default.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct PersonQuotas {
    pub(crate) female: Option<f64>,
    pub(crate) other_gender: Option<f64>,
    pub(crate) noble: Option<f64>,
    pub(crate) academic_title: Option<f64>,
}

impl PersonQuotas {
    /// The first quota given, by its argument name.
    fn first_given(&self) -> Option<&'static str> {
        [
            ("female_quota", self.female),
            ("other_gender_quota", self.other_gender),
            ("noble_quota", self.noble),
            ("academic_title_quota", self.academic_title),
        ]
        .into_iter()
        .find_map(|(name, quota)| quota.map(|_| name))
    }
}

/// The constructor arguments of an `entity` attribute.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct EntityArguments {
    pub(crate) min_age: Option<u32>,
    pub(crate) max_age: Option<u32>,
    pub(crate) quotas: PersonQuotas,
}

impl EntityArguments {
    /// Reads the `name=value` pairs of a constructor, each argument at most once.
    pub(crate) fn parse(pairs: &[(&str, &str)]) -> Result<EntityArguments, String> {
        let mut arguments = EntityArguments::default();
        let mut seen: Vec<&str> = Vec::new();
        for &(key, value) in pairs {
            if !ARGUMENTS.contains(&key) {
                let hint = did_you_mean(key, ARGUMENTS.iter().copied())
                    .unwrap_or_else(|| format!("; supported: {}", ARGUMENTS.join(", ")));
                return Err(format!("unknown entity argument `{key}`{hint}"));
            }
            if seen.contains(&key) {
                return Err(format!("`{key}` given twice"));
            }
            seen.push(key);
            let value = value.trim();
            let age = || {
                value
                    .parse::<u32>()
                    .map_err(|_| format!("`{key}`: `{value}` is not a non-negative integer"))
            };
            let quota = || -> Result<f64, String> {
                match value.parse::<f64>() {
                    Ok(q) if (0.0..=1.0).contains(&q) => Ok(q),
                    _ => Err(format!("`{key}`: `{value}` is not a share between 0 and 1")),
                }
            };
            match key {
                "min_age" => arguments.min_age = Some(age()?),
                "max_age" => arguments.max_age = Some(age()?),
                "female_quota" => arguments.quotas.female = Some(quota()?),
                "other_gender_quota" => arguments.quotas.other_gender = Some(quota()?),
                "noble_quota" => arguments.quotas.noble = Some(quota()?),
                _ => arguments.quotas.academic_title = Some(quota()?),
            }
        }
        Ok(arguments)
    }
}

/// Builds entity `name` with `options`, and Person with its `quotas` when any is given (only
/// Person takes them).
pub(crate) fn build(
    def: &entities::EntityDef,
    options: &EntityOptions,
    quotas: PersonQuotas,
) -> Result<Box<dyn Entity>> {
    let Some(first) = quotas.first_given() else {
        return def.build(options);
    };
    if def.name != "Person" {
        anyhow::bail!(
            "entity `{}` does not take `{first}`; only Person takes quotas",
            def.name
        );
    }
    let mut config = PersonConfig::default();
    (config.min_age, config.max_age) = options.ages((config.min_age, config.max_age))?;
    config.female_quota = quotas.female.unwrap_or(config.female_quota);
    config.other_gender_quota = quotas.other_gender.unwrap_or(config.other_gender_quota);
    config.noble_quota = quotas.noble.unwrap_or(config.noble_quota);
    config.academic_title_quota = quotas.academic_title.or(config.academic_title_quota);
    config.validate()?;
    entities::finish(Service::<Person>::new().config(config), options)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<EntityArguments, String> {
        EntityArguments::parse(pairs)
    }

    #[test]
    fn ages_and_quotas() {
        let a = parse(&[
            ("min_age", "21"),
            ("max_age", " 67"),
            ("female_quota", "0.5"),
            ("academic_title_quota", "1"),
        ])
        .unwrap();
        assert_eq!((a.min_age, a.max_age), (Some(21), Some(67)));
        assert_eq!(a.quotas.female, Some(0.5));
        assert_eq!(a.quotas.academic_title, Some(1.0));
        assert_eq!(a.quotas.noble, None);
        for (pairs, message) in [
            (
                &[("female_quta", "0.5")][..],
                "unknown entity argument `female_quta`; did you mean `female_quota`?",
            ),
            (
                &[("female_quota", "1.5")],
                "`female_quota`: `1.5` is not a share between 0 and 1",
            ),
            (
                &[("noble_quota", "x")],
                "`noble_quota`: `x` is not a share between 0 and 1",
            ),
            (
                &[("min_age", "-1")],
                "`min_age`: `-1` is not a non-negative integer",
            ),
            (
                &[("female_quota", "0.1"), ("female_quota", "0.2")],
                "`female_quota` given twice",
            ),
        ] {
            assert_eq!(parse(pairs).unwrap_err(), message);
        }
    }

    #[test]
    fn only_person_takes_quotas_and_they_must_add_up() {
        let quotas = PersonQuotas {
            female: Some(0.7),
            ..PersonQuotas::default()
        };
        let company = entities::find("Company").unwrap();
        let e = build(company, &EntityOptions::default(), quotas)
            .err()
            .unwrap();
        assert_eq!(
            e.to_string(),
            "entity `Company` does not take `female_quota`; only Person takes quotas"
        );
        let person = entities::find("Person").unwrap();
        let too_many = PersonQuotas {
            other_gender: Some(0.4),
            ..quotas
        };
        let e = build(person, &EntityOptions::default(), too_many)
            .err()
            .unwrap();
        assert!(e.to_string().contains("add up to more than 1"), "{e}");
    }
}
