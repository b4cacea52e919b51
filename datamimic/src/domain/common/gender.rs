//! Gender, drawn with the quotas of the person configuration.

use crate::sample::unit_f64;
use crate::{Context, Mimic};

use super::person::PersonConfig;

/// A person's gender. Serialises as `"male"`, `"female"` or `"other"`, the values of the
/// `gender` column of `common/person/salutation`.
///
/// Drawn with the [`PersonConfig`] of the service (`female_quota`, `other_gender_quota`),
/// half female and half male without one: one uniform draw, female below the first quota,
/// other below both together, male otherwise.
#[derive(Mimic, Clone, Copy, PartialEq, Eq, Hash, Debug)]
#[mimic(crate = "crate", config = PersonConfig, cells = false)]
pub enum Gender {
    /// Male: the records the quotas leave.
    Male = 0,
    /// Female.
    #[mimic(chance = config.female_quota)]
    Female = 1,
    /// Neither: the neutral salutation, and a given name from either table.
    #[mimic(chance = config.other_gender_quota)]
    Other = 2,
}

// Written as its lowercase name (`cells = false` leaves the derive no `Columnar` to write).
impl crate::Columnar for Gender {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}

impl Gender {
    /// The value of the `gender` column in `common/person/salutation`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
            Gender::Other => "other",
        }
    }
}

impl Gender {
    /// Whether names and titles take their female form: women's do, men's do not, and
    /// "other" takes either, by one fair draw.
    pub(crate) fn female_form(ctx: &mut Context<'_>, gender: &Gender) -> bool {
        match gender {
            Gender::Female => true,
            Gender::Male => false,
            Gender::Other => unit_f64(ctx.rng()) < 0.5,
        }
    }
}

impl crate::CellKey for Gender {
    /// The `gender` column's text, so `matching = gender` finds the gender's rows.
    fn cell_key(&self) -> &str {
        self.as_str()
    }
}

impl crate::Cells for Gender {
    #[inline]
    fn write_cells<W: crate::CellWriter>(&self, w: &mut W) -> Result<(), W::Error> {
        w.text(self.as_str())
    }
}
