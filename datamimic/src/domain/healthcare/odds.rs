//! The condition draws of patients: independent per condition, with the prevalence of the
//! patient's sex and age.

use rand::Rng;

use crate::domain::halves::Halves;
use crate::domain::inclusion;

use super::clinical::{MAX_AGE, SEXES};

/// The prevalence grid of one dataset (or one service's plan) prepared for drawing: per sex
/// and age, the survival values of [`inclusion`], so a patient costs one random number per
/// condition they have rather than one per condition there is.
#[derive(Debug, Clone)]
pub(crate) struct ConditionOdds {
    conditions: usize,
    /// `conditions + 1` values per sex and age.
    survival: Vec<u64>,
    /// Per sex and age, the conditions with prevalence 1 (an include).
    always: Vec<u128>,
}

impl ConditionOdds {
    /// From `prevalence`, indexed `[(sex * (MAX_AGE + 1) + age) * conditions + condition]`.
    pub(crate) fn new(prevalence: &[f64], conditions: usize) -> ConditionOdds {
        let rows = SEXES * (MAX_AGE + 1);
        assert!(prevalence.len() == rows * conditions);
        let mut survival = Vec::with_capacity(rows * (conditions + 1));
        let always = (0..rows)
            .map(|row| {
                let probabilities = &prevalence[row * conditions..(row + 1) * conditions];
                inclusion::push_survival(probabilities, &mut survival)
            })
            .collect();
        ConditionOdds {
            conditions,
            survival,
            always,
        }
    }

    /// The conditions of one person of `sex` (0 male, 1 female, 2 other) and `age`, as a bit
    /// set over the dataset's conditions.
    pub(crate) fn draw<R: Rng + ?Sized>(
        &self,
        rng: &mut R,
        halves: &mut Halves,
        sex: usize,
        age: u8,
    ) -> u128 {
        let n = self.conditions + 1;
        let row = sex.min(SEXES - 1) * (MAX_AGE + 1) + usize::from(age).min(MAX_AGE);
        let survival = &self.survival[row * n..(row + 1) * n];
        self.always[row] | inclusion::draw(survival, rng, halves)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn prevalence_follows_sex_and_age() {
        let rows = SEXES * (MAX_AGE + 1);
        // One condition: certain for women of 40, absent otherwise.
        let prevalence: Vec<f64> = (0..rows)
            .map(|row| if row == MAX_AGE + 1 + 40 { 1.0 } else { 0.0 })
            .collect();
        let odds = ConditionOdds::new(&prevalence, 1);
        let mut rng = MimicRng::seed_from_u64(7);
        let mut halves = Halves::default();
        assert_eq!(odds.draw(&mut rng, &mut halves, 1, 40), 1);
        assert_eq!(odds.draw(&mut rng, &mut halves, 0, 40), 0);
        assert_eq!(odds.draw(&mut rng, &mut halves, 1, 41), 0);
    }
}
