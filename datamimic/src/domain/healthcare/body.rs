//! Height, weight and BMI of one patient, agreeing with each other, with age and sex, and with
//! an obesity diagnosis.

use rand::Rng;

/// Mean adult height in cm of men and women: US from NHANES 2015-2018 anthropometric reference
/// data (CDC NCHS, Vital Health Stat 3(46)), DE from the Mikrozensus 2017 (Destatis); other
/// countries use the US figures.
fn adult_height(country: &str, female: f64) -> f64 {
    let (men, women) = match country {
        "DE" => (178.9, 165.8),
        _ => (175.4, 161.7),
    };
    men + (women - men) * female
}

/// Share of adult height reached at ages 0 to 17 (WHO and CDC growth-chart medians, rounded).
const GROWTH: [f64; 18] = [
    0.40, 0.46, 0.51, 0.56, 0.60, 0.64, 0.68, 0.71, 0.74, 0.77, 0.80, 0.83, 0.87, 0.91, 0.95, 0.97,
    0.99, 1.00,
];

/// A roughly normal deviate in [-3.5, 3.5] from one draw: four 16-bit uniforms summed
/// (Irwin-Hall), scaled to unit variance. Bounded, so no absurd heights.
fn normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    let x = rng.next_u64();
    // Summed as integers (exact), converted once.
    let sum: u32 = (0..4).map(|i| u32::from((x >> (16 * i)) as u16)).sum();
    (f64::from(sum) / 65_536.0 - 2.0) * 3f64.sqrt()
}

/// `x` (positive) to one decimal, halves up. Not `f64::round`, which is a library call on
/// x86-64 without SSE4.1; through `i64`, which converts in one instruction each way.
fn round1(x: f64) -> f64 {
    (x * 10.0 + 0.5) as i64 as f64 / 10.0
}

/// `(height_cm, weight_kg, bmi)`, each to one decimal; `bmi` is computed from the rounded
/// height and weight. `female` is 1 for women, 0 for men and 0.5 otherwise.
pub(crate) fn draw<R: Rng + ?Sized>(
    rng: &mut R,
    country: &str,
    female: f64,
    age: u8,
    obese: bool,
) -> (f64, f64, f64) {
    let growth = GROWTH[usize::from(age.min(17))];
    let height = round1((adult_height(country, female) + 7.0 * normal(rng)) * growth);
    let z = normal(rng);
    // Kept clear of 30 so rounding cannot move a patient across the obesity line.
    let bmi_target = if age >= 18 {
        if obese {
            30.2 + 4.5 * z.abs() * (1.0 + z.abs() / 3.0)
        } else {
            (25.0 + 2.6 * z).clamp(17.5, 29.7)
        }
    } else {
        let median = 16.0 + 0.3 * f64::from(age.saturating_sub(5));
        if obese {
            median + 5.0 + 2.0 * z.abs()
        } else {
            (median + 1.4 * z).max(12.5)
        }
    };
    let metres = height / 100.0;
    let weight = round1(bmi_target * metres * metres);
    (height, weight, round1(weight / (metres * metres)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MimicRng;

    #[test]
    fn obesity_decides_the_side_of_thirty() {
        let mut rng = MimicRng::seed_from_u64(3);
        for i in 0..10_000 {
            let obese = i % 2 == 0;
            let (h, w, bmi) = draw(&mut rng, "US", 0.5, 40, obese);
            assert_eq!(bmi >= 30.0, obese, "{h} {w} {bmi}");
            assert!((120.0..230.0).contains(&h));
        }
    }
}
