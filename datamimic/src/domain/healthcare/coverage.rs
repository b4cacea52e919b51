//! Health coverage by age: uninsured, public or private at the published shares
//! (`healthcare/insurance_coverage`), then the insurer of that kind
//! (`healthcare/insurance_provider`, by its weight).

use crate::domain::halves::Halves;
use crate::{DatasetCode, Table, tables};

use super::clinical::{Cumulative, MAX_AGE, column};

/// The kind of coverage a person has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// No health insurance.
    Uninsured,
    /// Medicaid/CHIP or Medicare (US), statutory funds (DE).
    Public,
    /// Employer or individual plans (US), private insurers (DE).
    Private,
}

const KINDS: [Kind; 3] = [Kind::Uninsured, Kind::Public, Kind::Private];

/// One dataset's coverage shares and insurers.
#[derive(Debug)]
pub(crate) struct Coverage {
    /// Per age `0..=MAX_AGE`, the cumulative weights of uninsured, public and private.
    by_age: Vec<[u64; 3]>,
    /// Insurers of public coverage, then of private coverage: (name, id prefix).
    insurers: [Cumulative<(&'static str, &'static str)>; 2],
}

impl Coverage {
    pub(crate) fn for_code(code: DatasetCode) -> Coverage {
        Coverage {
            by_age: shares_by_age(tables::HEALTHCARE_INSURANCE_COVERAGE.for_dataset(code)),
            insurers: insurers(tables::HEALTHCARE_INSURANCE_PROVIDER.for_dataset(code)),
        }
    }

    /// The kind of coverage of someone aged `age`, and the insurer (name, id prefix) unless
    /// uninsured or the kind has no insurer in the table (US Medicare, handled by the caller).
    pub(crate) fn draw<R: rand::Rng + ?Sized>(
        &self,
        rng: &mut R,
        halves: &mut Halves,
        age: u8,
    ) -> (Kind, Option<(&'static str, &'static str)>) {
        let shares = &self.by_age[usize::from(age).min(MAX_AGE)];
        let point = halves.point_below(rng, shares[2]);
        let kind = KINDS[shares.iter().position(|&c| point < c).unwrap_or(2)];
        let insurers = match kind {
            Kind::Uninsured => return (kind, None),
            Kind::Public => &self.insurers[0],
            Kind::Private => &self.insurers[1],
        };
        if insurers.total() == 0 {
            return (kind, None);
        }
        (kind, insurers.at(halves.point_below(rng, insurers.total())))
    }
}

/// Cumulative weights of the three kinds for every age (the unit test checks that the bands
/// cover every age).
fn shares_by_age(table: &'static Table) -> Vec<[u64; 3]> {
    let family = &tables::HEALTHCARE_INSURANCE_COVERAGE;
    let (age_min, age_max, coverage) = (
        column(family, "age_min"),
        column(family, "age_max"),
        column(family, "coverage"),
    );
    let mut weights = vec![[0u64; 3]; MAX_AGE + 1];
    for row in 0..table.len() {
        let age = |c: usize| -> usize {
            let cell = table.cell(row, c);
            let age: u8 = cell
                .parse()
                .unwrap_or_else(|_| panic!("{}: age `{cell}` is not a number", family.key()));
            usize::from(age).min(MAX_AGE)
        };
        let kind = match table.cell(row, coverage) {
            "uninsured" => 0,
            "public" => 1,
            "private" => 2,
            other => panic!("{}: coverage `{other}`", family.key()),
        };
        for slot in &mut weights[age(age_min)..=age(age_max)] {
            slot[kind] = table.scaled_weight(row);
        }
    }
    weights
        .into_iter()
        .map(|[u, p, q]| [u, u + p, u + p + q])
        .collect()
}

fn insurers(table: &'static Table) -> [Cumulative<(&'static str, &'static str)>; 2] {
    let family = &tables::HEALTHCARE_INSURANCE_PROVIDER;
    let (prefix, coverage) = (column(family, "id_prefix"), column(family, "coverage"));
    let mut out = [Cumulative::default(), Cumulative::default()];
    for r in 0..table.len() {
        let side = usize::from(table.cell(r, coverage) == "private");
        out[side].push(
            table.scaled_weight(r),
            (table.value(r), table.cell(r, prefix)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_age_has_coverage_shares_and_every_insurer_a_kind() {
        for table in tables::HEALTHCARE_INSURANCE_COVERAGE.variants() {
            let by_age = shares_by_age(table);
            assert!(by_age.iter().all(|c| c[2] > 0), "{:?}", table.country());
        }
        for table in tables::HEALTHCARE_INSURANCE_PROVIDER.variants() {
            let kind = table.column_index("coverage").unwrap();
            assert!(
                (0..table.len()).all(|r| matches!(table.cell(r, kind), "public" | "private")),
                "{:?}",
                table.country()
            );
        }
    }
}
