//! The public-sector tables of one dataset, resolved and indexed once per process.

use crate::PerDataset;

use crate::domain::grouped::Grouped;
use crate::domain::inclusion;
use crate::{Context, DatasetCode, Strictness, Table, TableFamily, tables};

/// Education levels, in the order of [`Registry::programs`]' groups.
pub(crate) const LEVELS: [&str; 3] = ["k12", "vocational", "higher_education"];
/// Columns of `public_sector/education_institution_type` and `public_sector/education_program`.
const TYPE_LEVEL: usize = 1;
const PROGRAM_LEVEL: usize = 0;
pub(crate) const PROGRAM: usize = 1;
/// Column of `public_sector/language` with the language's name.
const LANGUAGE_NAME: usize = 1;

/// Every table family a public-sector record reads besides the person and address ones.
pub(crate) static FAMILIES: &[&TableFamily] = &[
    &tables::PUBLIC_SECTOR_OFFICE_TYPE,
    &tables::PUBLIC_SECTOR_EDUCATION_INSTITUTION_TYPE,
    &tables::PUBLIC_SECTOR_EDUCATION_PROGRAM,
    &tables::PUBLIC_SECTOR_POLICE_RANK,
    &tables::PUBLIC_SECTOR_POLICE_DEPARTMENT,
    &tables::PUBLIC_SECTOR_POLICE_CERTIFICATION,
    &tables::PUBLIC_SECTOR_LANGUAGE,
    &tables::COMMON_PERSON_GIVEN_NAME_FEMALE,
    &tables::COMMON_PERSON_GIVEN_NAME_MALE,
    &tables::COMMON_PERSON_FAMILY_NAME,
    // Read by the common Address, whose derive cannot report them.
    &tables::COMMON_ADDRESS_STATE,
    &tables::COMMON_PHONE_MOBILE_PREFIX,
];

/// The resolved public-sector tables of one dataset.
#[derive(Debug)]
pub(crate) struct Registry {
    pub(crate) office_type: &'static Table,
    pub(crate) institution_type: &'static Table,
    /// The index into [`LEVELS`] of each institution type row.
    pub(crate) level_of_type: Vec<usize>,
    /// Programmes grouped by [`LEVELS`].
    pub(crate) programs: Grouped,
    pub(crate) rank: &'static Table,
    pub(crate) certification: &'static Table,
    /// The language most people speak, always spoken.
    pub(crate) first_language: &'static str,
    /// Every other language (at most 128), in table order.
    pub(crate) other_languages: Vec<&'static str>,
    /// The shares of the population speaking `other_languages`, as inclusion survival
    /// values: a draw costs one random number per extra language spoken.
    pub(crate) language_survival: Vec<u64>,
    /// The `other_languages` everyone speaks (a share of 100 %).
    pub(crate) universal_languages: u128,
    pub(crate) given_female: &'static Table,
    pub(crate) given_male: &'static Table,
    pub(crate) family_name: &'static Table,
    /// Whether the vocabulary is German.
    pub(crate) german: bool,
}

impl Registry {
    fn new(code: DatasetCode) -> Registry {
        let variant = |family: &'static TableFamily| -> &'static Table {
            family
                .resolve_code(code, Strictness::Fallback)
                .unwrap_or(family.variants()[0])
        };
        let institution_type = variant(&tables::PUBLIC_SECTOR_EDUCATION_INSTITUTION_TYPE);
        let level_of_type = (0..institution_type.len())
            .map(|r| {
                let level = institution_type.cell(r, TYPE_LEVEL);
                LEVELS.iter().position(|&l| l == level).unwrap_or(0)
            })
            .collect();
        let languages = variant(&tables::PUBLIC_SECTOR_LANGUAGE);
        let first = (0..languages.len())
            .max_by_key(|&r| languages.scaled_weight(r))
            .unwrap_or(0);
        // Weights are per-cent shares of speakers (CLDR), which overlap: each is a probability.
        let scale = 100.0 * 10f64.powi(languages.weight_decimals() as i32);
        let others: Vec<usize> = (0..languages.len())
            .filter(|&r| r != first)
            .take(128)
            .collect();
        let other_languages = others
            .iter()
            .map(|&r| languages.cell(r, LANGUAGE_NAME))
            .collect();
        let shares: Vec<f64> = others
            .iter()
            .map(|&r| (languages.scaled_weight(r) as f64 / scale).min(1.0))
            .collect();
        let mut language_survival = Vec::with_capacity(shares.len() + 1);
        let universal_languages = inclusion::push_survival(&shares, &mut language_survival);
        let office_type = variant(&tables::PUBLIC_SECTOR_OFFICE_TYPE);
        Registry {
            office_type,
            institution_type,
            level_of_type,
            programs: Grouped::new(
                variant(&tables::PUBLIC_SECTOR_EDUCATION_PROGRAM),
                PROGRAM_LEVEL,
                LEVELS,
            ),
            rank: variant(&tables::PUBLIC_SECTOR_POLICE_RANK),
            certification: variant(&tables::PUBLIC_SECTOR_POLICE_CERTIFICATION),
            first_language: languages.cell(first, LANGUAGE_NAME),
            other_languages,
            language_survival,
            universal_languages,
            given_female: variant(&tables::COMMON_PERSON_GIVEN_NAME_FEMALE),
            given_male: variant(&tables::COMMON_PERSON_GIVEN_NAME_MALE),
            family_name: variant(&tables::COMMON_PERSON_FAMILY_NAME),
            german: matches!(office_type.country(), Some("DE" | "AT" | "CH")),
        }
    }

    /// The registry of `ctx`'s dataset.
    #[inline]
    pub(crate) fn of(ctx: &Context<'_>) -> &'static Registry {
        static CACHE: PerDataset<Registry> = PerDataset::new();
        let code = ctx.dataset();
        CACHE.get_or_init(code, || Registry::new(code))
    }
}
