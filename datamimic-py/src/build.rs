//! Builds a catalogue entity from DATAMIMIC's service parameters: the catalogue's options
//! (dataset, strictness, seed, ages, conditions) for every entity, plus Person's quotas and
//! Product's price range, which the catalogue has no options for.

use anyhow::{Result, anyhow, bail};
use datamimic::Service;
use datamimic::domain::common::{DemographicConfig, Person, PersonConfig};
use datamimic::domain::ecommerce::{Product, ProductConfig};
use datamimic_export::entities::{self, Entity, EntityOptions};

/// `PersonService`'s own parameters, in its order after `dataset`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PersonParams {
    pub(crate) min_age: u32,
    pub(crate) max_age: u32,
    pub(crate) female_quota: f64,
    pub(crate) other_gender_quota: f64,
    pub(crate) noble_quota: f64,
    /// `None`: the published share of doctorates (see `PersonConfig`).
    pub(crate) academic_title_quota: Option<f64>,
}

/// Everything a service is built from.
#[derive(Debug)]
pub(crate) struct Params {
    pub(crate) name: String,
    pub(crate) options: EntityOptions,
    pub(crate) person: Option<PersonParams>,
    /// `ProductService`'s `(min_price, max_price)`.
    pub(crate) price: Option<(f64, f64)>,
}

/// The entity's catalogue name and its built service.
pub(crate) fn build(params: &Params) -> Result<(&'static str, Box<dyn Entity>)> {
    let def = entities::find(&params.name)?;
    let entity = match (def.name, params.person, params.price) {
        ("Person", Some(person), None) => {
            let config = person_config(person, &params.options)?;
            entities::finish(Service::<Person>::new().config(config), &params.options)?
        }
        ("Product", None, Some((min_price, max_price))) => {
            let config = ProductConfig {
                min_price,
                max_price,
            };
            config.validate()?;
            entities::finish(Service::<Product>::new().config(config), &params.options)?
        }
        (_, None, None) => def.build(&params.options)?,
        (name, Some(_), _) => bail!("`{name}` does not take Person's ages and quotas"),
        (name, _, Some(_)) => bail!("`{name}` does not take a price range"),
    };
    Ok((def.name, entity))
}

fn age(value: u32, name: &str) -> Result<u8> {
    u8::try_from(value).map_err(|_| anyhow!("`{name}` {value} is not an age (0 to 255)"))
}

/// Person's configuration: the demographic config's ages win over `min_age` and `max_age`.
fn person_config(person: PersonParams, options: &EntityOptions) -> Result<PersonConfig> {
    let config = PersonConfig {
        min_age: age(person.min_age, "min_age")?,
        max_age: age(person.max_age, "max_age")?,
        female_quota: person.female_quota,
        other_gender_quota: person.other_gender_quota,
        academic_title_quota: person.academic_title_quota,
        noble_quota: person.noble_quota,
        demographic: if options.age_min.is_some() || options.age_max.is_some() {
            Some(DemographicConfig {
                age_min: options.age_min.map(|v| age(v, "age_min")).transpose()?,
                age_max: options.age_max.map(|v| age(v, "age_max")).transpose()?,
            })
        } else {
            None
        },
    };
    config.validate()?;
    Ok(config)
}
