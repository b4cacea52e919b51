//! Given names by birth decade: a person's given name is drawn from the names given to the
//! babies of their birth decade (where the country's statistics office publishes names by
//! year), so people born in the 1950s are Linda and James, those born in the 2000s Emily and
//! Jacob.

use rand::Rng;

use crate::sample::below;
use crate::{Row, Table};

/// Column of a `common/person/given_name_by_decade_*` table holding the decade's first year.
const DECADE: usize = 1;

/// One `given_name_by_decade` table split into its decades, each drawn by its own weights.
#[derive(Debug)]
pub(crate) struct CohortNames {
    table: &'static Table,
    /// The decades in ascending order of their first year.
    decades: Vec<Decade>,
}

#[derive(Debug)]
struct Decade {
    first_year: i32,
    /// The decade's first row; its rows are consecutive.
    start: usize,
    /// Running sums of the decade's scaled weights, one per row.
    cumulative: Vec<u64>,
}

impl CohortNames {
    /// Groups `table`'s rows by decade. Errors name the table when a decade is not a year or
    /// a decade's rows are not together in ascending order, which the extraction guarantees.
    pub(crate) fn new(table: &'static Table) -> Result<CohortNames, String> {
        let column = table
            .column_index("decade")
            .filter(|&c| c == DECADE)
            .ok_or_else(|| format!("{}: no `decade` second column", table.source()))?;
        let mut decades: Vec<Decade> = Vec::new();
        for row in 0..table.len() {
            let cell = table.cell(row, column);
            let year: i32 = cell.parse().map_err(|_| {
                format!(
                    "{}: row {}: decade `{cell}` is not a year",
                    table.source(),
                    row + 1
                )
            })?;
            let weight = table.scaled_weight(row);
            match decades.last_mut() {
                Some(decade) if decade.first_year == year => {
                    let total = decade.cumulative.last().copied().unwrap_or(0);
                    decade.cumulative.push(total + weight);
                }
                Some(decade) if decade.first_year > year => {
                    return Err(format!(
                        "{}: row {}: decade {year} after decade {}",
                        table.source(),
                        row + 1,
                        decade.first_year
                    ));
                }
                _ => decades.push(Decade {
                    first_year: year,
                    start: row,
                    cumulative: vec![weight],
                }),
            }
        }
        Ok(CohortNames { table, decades })
    }

    /// The table the names come from.
    pub(crate) fn table(&self) -> &'static Table {
        self.table
    }

    /// Whether names of babies born in `birth_year` are published: the year is in or after the
    /// first decade (AT publishes from 1984, so its table starts with the 1980s).
    pub(crate) fn covers(&self, birth_year: i32) -> bool {
        self.decades
            .first()
            .is_some_and(|first| birth_year >= first.first_year)
    }

    /// A given name of someone born in `birth_year`, drawn by the weights of the decade
    /// containing it. Years before the first decade take the first decade's names (Person
    /// asks [`covers`](Self::covers) first); years after the last published one take the last
    /// decade's (the newest names published).
    pub(crate) fn sample<R: Rng + ?Sized>(&self, birth_year: i32, rng: &mut R) -> Row {
        let decade = self.decade(birth_year);
        let total = decade.cumulative.last().copied().unwrap_or(0);
        let point = below(rng, total);
        let offset = decade.cumulative.partition_point(|&sum| sum <= point);
        self.table.row(decade.start + offset)
    }

    /// The decade `birth_year` draws from: the last one starting in or before it, else the
    /// first. `new` made at least one, since a baked table has rows.
    fn decade(&self, birth_year: i32) -> &Decade {
        let after = self.decades.partition_point(|d| d.first_year <= birth_year);
        &self.decades[after.saturating_sub(1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MimicRng, tables};

    fn us_male() -> CohortNames {
        let table = tables::COMMON_PERSON_GIVEN_NAME_BY_DECADE_MALE
            .resolve("US")
            .unwrap();
        CohortNames::new(table).unwrap()
    }

    #[test]
    fn years_map_to_their_decade_and_the_ends_clamp() {
        let names = us_male();
        assert_eq!(names.decade(1957).first_year, 1950);
        assert_eq!(names.decade(1950).first_year, 1950);
        assert_eq!(names.decade(1949).first_year, 1940);
        assert_eq!(names.decade(1800).first_year, 1880);
        assert_eq!(names.decade(2031).first_year, 2010);
    }

    #[test]
    fn years_before_the_first_decade_are_not_covered() {
        let names = us_male();
        assert!(names.covers(1880) && names.covers(2031));
        assert!(!names.covers(1879));
        let at = tables::COMMON_PERSON_GIVEN_NAME_BY_DECADE_MALE
            .resolve("AT")
            .unwrap();
        let at = CohortNames::new(at).unwrap();
        assert!(at.covers(1984) && !at.covers(1979));
    }

    #[test]
    fn a_draw_stays_within_its_decade() {
        let names = us_male();
        let mut rng = MimicRng::seed_from_u64(5);
        for year in [1885, 1955, 2005, 2024] {
            for _ in 0..200 {
                let row = names.sample(year, &mut rng);
                let decade: i32 = row.cell(DECADE).parse().unwrap();
                assert_eq!(decade, names.decade(year).first_year, "{}", row.value());
            }
        }
    }
}
