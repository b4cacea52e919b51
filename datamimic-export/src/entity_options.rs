//! What an entity of the catalogue ([`crate::entities`]) is given beyond its type: the dataset,
//! strictness, seed and the options some entities understand (ages, conditions).

use anyhow::{Result, bail};
use datamimic::{Cells, Mimic};

/// What an entity type needs to be registered.
pub trait Record: Mimic + Cells + Send + Sync + 'static {}
impl<T: Mimic + Cells + Send + Sync + 'static> Record for T {}

/// An option an entity may take beyond `dataset` and `rngSeed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    /// `ageMin` / `ageMax`.
    Ages,
    /// `conditionsInclude` / `conditionsExclude`.
    Conditions,
}

/// The per-entity parameters of a `<variable entity=..>` or of `datamimic generate`.
#[derive(Debug, Clone, Default)]
pub struct EntityOptions {
    /// Dataset (country) code; the entity's default when `None`.
    pub dataset: Option<String>,
    /// Strict mode: a dataset a table lacks is an error instead of a US fallback.
    pub strict: bool,
    /// Seed; random when `None`.
    pub seed: Option<u64>,
    /// `ageMin`.
    pub age_min: Option<u32>,
    /// `ageMax`.
    pub age_max: Option<u32>,
    /// `conditionsInclude`.
    pub conditions_include: Vec<String>,
    /// `conditionsExclude`.
    pub conditions_exclude: Vec<String>,
}

impl EntityOptions {
    /// The options given that need support from the entity, with their descriptor names.
    pub(crate) fn given(&self) -> Vec<(Opt, &'static str)> {
        let mut given = Vec::new();
        if self.age_min.is_some() {
            given.push((Opt::Ages, "ageMin"));
        }
        if self.age_max.is_some() {
            given.push((Opt::Ages, "ageMax"));
        }
        if !self.conditions_include.is_empty() {
            given.push((Opt::Conditions, "conditionsInclude"));
        }
        if !self.conditions_exclude.is_empty() {
            given.push((Opt::Conditions, "conditionsExclude"));
        }
        given
    }

    /// The age range with `default` filling the missing bound; `ageMin > ageMax` is an error.
    pub fn ages(&self, default: (u8, u8)) -> Result<(u8, u8)> {
        let to_u8 = |v: u32, name: &str| {
            u8::try_from(v).map_err(|_| anyhow::anyhow!("`{name}` {v} is not an age (0 to 255)"))
        };
        let min = self.age_min.map_or(Ok(default.0), |v| to_u8(v, "ageMin"))?;
        let max = self.age_max.map_or(Ok(default.1), |v| to_u8(v, "ageMax"))?;
        if min > max {
            bail!("`ageMin` {min} is above `ageMax` {max}");
        }
        Ok((min, max))
    }
}
