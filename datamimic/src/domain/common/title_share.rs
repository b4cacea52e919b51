//! Who carries an academic title: the published share of doctorate holders by country, age
//! band and sex (`common/person/academic_title_share`), read once per dataset.

use crate::{Table, TableFamily, tables};

use super::lookup::Resolved;

/// The table of shares; its weight is the per cent of the band and sex with a title.
pub(crate) const TITLE_SHARE: &TableFamily = &tables::COMMON_PERSON_ACADEMIC_TITLE_SHARE;

/// Ages with an entry of their own; older people use the last one.
const AGES: usize = 121;

/// The share (0..=1) of people of each age with a title: men, then women.
#[derive(Debug)]
pub(super) struct Shares([[f64; AGES]; 2]);

/// The share of people of `age` (and the female or male form) in `resolved`'s dataset who
/// carry an academic title. The shares are read on first use and kept with the dataset's
/// tables, so a service that makes no person reads no share table.
#[inline]
pub(crate) fn titled_share(resolved: &Resolved, age: u8, female: bool) -> f64 {
    let shares = resolved
        .title_shares
        .get_or_init(|| Shares::of(TITLE_SHARE.for_dataset(resolved.dataset)));
    shares.0[usize::from(female)][usize::from(age).min(AGES - 1)]
}

impl Shares {
    /// The shares of one country's table. Ages no band covers get no title; the table test
    /// checks that the bands cover every age once.
    fn of(table: &'static Table) -> Shares {
        let column = |name: &str| {
            TITLE_SHARE
                .column_index(name)
                .unwrap_or_else(|| panic!("{} has no column `{name}`", TITLE_SHARE.key()))
        };
        let (age_min, age_max, sex) = (column("age_min"), column("age_max"), column("sex"));
        let scale = 10f64.powi(table.weight_decimals() as i32) * 100.0;
        let mut shares = [[0.0; AGES]; 2];
        for row in 0..table.len() {
            let age = |c: usize| {
                let cell = table.cell(row, c);
                let age: u8 = cell.parse().unwrap_or_else(|_| {
                    panic!("{}: age `{cell}` is not a number", TITLE_SHARE.key())
                });
                usize::from(age)
            };
            let share = table.scaled_weight(row) as f64 / scale;
            let sexes: &[usize] = match table.cell(row, sex) {
                "male" => &[0],
                "female" => &[1],
                _ => &[0, 1],
            };
            for &s in sexes {
                for slot in &mut shares[s][age(age_min).min(AGES - 1)..=age(age_max).min(AGES - 1)]
                {
                    *slot = share;
                }
            }
        }
        Shares(shares)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every country's bands cover each age from 0 to 120 exactly once per sex, with numeric
    /// ages and shares below one half.
    #[test]
    fn bands_cover_every_age_once() {
        for table in TITLE_SHARE.variants() {
            let column = |name: &str| table.column_index(name).unwrap();
            let mut covered = [[0u8; AGES]; 2];
            for row in 0..table.len() {
                let lo: usize = table.cell(row, column("age_min")).parse().unwrap();
                let hi: usize = table.cell(row, column("age_max")).parse().unwrap();
                let s = match table.cell(row, column("sex")) {
                    "male" => 0,
                    "female" => 1,
                    other => panic!("{:?}: sex {other}", table.country()),
                };
                for count in &mut covered[s][lo..=hi] {
                    *count += 1;
                }
                assert!(table.probability(row) >= 0.0);
            }
            assert!(
                covered.iter().flatten().all(|&n| n == 1),
                "{:?}",
                table.country()
            );
            let shares = Shares::of(table);
            assert!(shares.0.iter().flatten().all(|&p| (0.0..0.5).contains(&p)));
            // Nobody under 25 holds a doctorate.
            assert!(
                shares
                    .0
                    .iter()
                    .all(|by_age| by_age[..25].iter().all(|&p| p == 0.0))
            );
        }
    }
}
