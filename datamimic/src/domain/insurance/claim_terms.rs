//! What a claim needs to know of its policy beyond the policy's fields: the insured limit and
//! deductible the holder chose for a coverage, and the causes of loss of each line.
//!
//! A policy record carries its coverages' offered ranges, not the amounts its holder chose;
//! these follow from the policy's id and the coverage, so every claim on one policy sees the
//! same limit and deductible.

use crate::domain::money::Money;

use super::{InsuranceCoverage, RecordId};

/// SplitMix64's finaliser: a well-mixed 64-bit value of `z`.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A stable 64-bit value of a policy and one of its coverages.
fn policy_bits(policy: RecordId, coverage: &InsuranceCoverage, salt: u64) -> u64 {
    let code = coverage
        .code
        .bytes()
        .fold(0u64, |n, b| n.rotate_left(8) ^ u64::from(b));
    let id = policy.as_u128();
    mix((id as u64) ^ mix((id >> 64) as u64 ^ code) ^ salt)
}

/// The insured amount of `coverage` on the policy `policy`: log-uniform over the range the
/// coverage offers, in whole units of a round step (a hundredth of a power of ten).
pub(crate) fn coverage_limit(policy: RecordId, coverage: &InsuranceCoverage) -> Money {
    let (low, high) = (
        coverage.min_coverage.max(1) as f64,
        coverage.max_coverage.max(1) as f64,
    );
    let unit = (policy_bits(policy, coverage, 1) >> 11) as f64 / (1u64 << 53) as f64;
    let amount = (low.ln() + unit * (high.ln() - low.ln())).exp();
    let step = 10f64.powi((amount.log10().floor() as i32 - 1).max(0));
    let rounded = ((amount / step).round() * step).clamp(low, high);
    Money::from_cents((rounded * 100.0) as i64)
}

/// Deductible choices of a line, in the country's currency (illustrative: the usual options of
/// US auto and homeowners policies, German Kasko and PKV tariffs).
fn deductible_choices(country: &str, product: &str) -> &'static [i64] {
    match (country, product) {
        ("DE", "AUTO") => &[150, 300, 500, 1_000],
        ("DE", "HLTH") => &[0, 300, 600, 1_200],
        ("DE", "HOME" | "HHALT" | "HAFT") => &[0, 150, 500],
        ("DE", "RECHT") => &[0, 150, 300],
        ("DE", "REISE") => &[0, 50],
        ("DE", _) => &[0],
        (_, "AUTO" | "MOTO" | "BOAT" | "RENT") => &[250, 500, 1_000],
        (_, "HOME") => &[500, 1_000, 2_500],
        (_, "HLTH") => &[500, 1_500, 3_000],
        (_, "BUSI") => &[1_000, 2_500, 5_000],
        (_, "PET") => &[100, 250, 500],
        (_, "TRVL") => &[0, 100, 250],
        _ => &[0],
    }
}

/// Liability, life, income and accident covers pay from the first unit.
fn without_deductible(coverage: &InsuranceCoverage) -> bool {
    matches!(
        coverage.code,
        "LIAB" | "GLIA" | "PHV" | "FAUS" | "MEDR" | "UMOT" | "PREV" | "WELL" | "BURE" | "KTAG"
    ) || matches!(coverage.product_code, "LIFE" | "BERUF" | "UNFALL")
}

/// The deductible of `coverage` on the policy `policy`: one of the line's choices, none for
/// covers that pay from the first unit, and at most a tenth of the limit (a daily-allowance
/// cover of a health policy does not carry the hospital deductible).
pub(crate) fn deductible(
    country: &str,
    policy: RecordId,
    coverage: &InsuranceCoverage,
    limit: Money,
) -> Money {
    if without_deductible(coverage) {
        return Money::ZERO;
    }
    let choices = deductible_choices(country, coverage.product_code);
    let pick = choices[(policy_bits(policy, coverage, 2) % choices.len() as u64) as usize];
    Money::from_cents((pick * 100).min(limit.cents() / 10))
}

/// Causes of loss of a line with their weights (illustrative; the order follows the frequency
/// rankings insurers and the III / GDV publish: collisions before theft in motor, water before
/// fire in homeowners).
pub(crate) fn causes(german: bool, product: &str) -> &'static [(&'static str, u64)] {
    if german {
        match product {
            "AUTO" => &[
                ("Auffahrunfall", 30),
                ("Parkschaden", 25),
                ("Wildunfall", 12),
                ("Glasbruch", 15),
                ("Hagel", 8),
                ("Diebstahl", 5),
                ("Vandalismus", 5),
            ],
            "HOME" => &[
                ("Leitungswasser", 45),
                ("Sturm", 25),
                ("Hagel", 10),
                ("Feuer", 12),
                ("Überschwemmung", 8),
            ],
            "HHALT" => &[
                ("Einbruchdiebstahl", 35),
                ("Fahrraddiebstahl", 30),
                ("Leitungswasser", 20),
                ("Feuer", 10),
                ("Sturm", 5),
            ],
            "HAFT" => &[
                ("Sachschaden bei Dritten", 60),
                ("Mietsachschaden", 25),
                ("Personenschaden", 15),
            ],
            "HLTH" => &[
                ("Ambulante Behandlung", 50),
                ("Stationärer Aufenthalt", 20),
                ("Zahnbehandlung", 20),
                ("Arzneimittel", 10),
            ],
            "LIFE" => &[("Tod durch Krankheit", 90), ("Tod durch Unfall", 10)],
            "UNFALL" => &[("Sturz", 50), ("Verkehrsunfall", 25), ("Sportunfall", 25)],
            "BERUF" => &[
                ("Psychische Erkrankung", 35),
                ("Erkrankung des Bewegungsapparats", 25),
                ("Krebserkrankung", 20),
                ("Unfall", 10),
                ("Herz-Kreislauf-Erkrankung", 10),
            ],
            "RECHT" => &[
                ("Arbeitsrechtsstreit", 35),
                ("Verkehrsrechtsstreit", 30),
                ("Mietrechtsstreit", 20),
                ("Vertragsstreit", 15),
            ],
            "REISE" => &[
                ("Reiserücktritt wegen Krankheit", 60),
                ("Behandlung im Ausland", 30),
                ("Reiseabbruch", 10),
            ],
            _ => &[("Sonstiger Schaden", 1)],
        }
    } else {
        match product {
            "AUTO" | "MOTO" => &[
                ("Collision", 45),
                ("Glass breakage", 15),
                ("Theft", 10),
                ("Hail", 10),
                ("Vandalism", 8),
                ("Animal strike", 7),
                ("Bodily injury to others", 5),
            ],
            "HOME" | "RENT" => &[
                ("Wind and hail", 35),
                ("Water damage and freezing", 28),
                ("Fire and lightning", 20),
                ("Theft", 10),
                ("Liability", 7),
            ],
            "HLTH" => &[
                ("Outpatient visit", 50),
                ("Hospital stay", 15),
                ("Prescription", 25),
                ("Emergency room", 10),
            ],
            "LIFE" => &[("Death by illness", 90), ("Accidental death", 10)],
            "BUSI" => &[
                ("Property damage", 40),
                ("Business interruption", 20),
                ("Customer injury", 25),
                ("Theft", 15),
            ],
            "BOAT" => &[
                ("Collision", 40),
                ("Storm damage", 35),
                ("Theft", 15),
                ("Sinking", 10),
            ],
            "PET" => &[("Illness", 65), ("Accident", 25), ("Wellness visit", 10)],
            "TRVL" => &[
                ("Trip cancellation", 55),
                ("Medical emergency abroad", 30),
                ("Trip interruption", 15),
            ],
            _ => &[("Other loss", 1)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insurance::InsurancePolicy;
    use crate::{Context, Mimic, Settings};

    #[test]
    fn limits_lie_in_the_offered_range_and_deductibles_below_them() {
        let settings = Settings::seeded(3);
        for n in 0..5_000 {
            let policy = InsurancePolicy::mimic(&mut Context::new(&settings, n));
            for cover in policy.coverages.iter() {
                let limit = coverage_limit(policy.id, &cover);
                assert!(limit.cents() >= cover.min_coverage as i64 * 100, "{limit}");
                assert!(limit.cents() <= cover.max_coverage as i64 * 100, "{limit}");
                assert_eq!(limit, coverage_limit(policy.id, &cover), "stable");
                let d = deductible("US", policy.id, &cover, limit);
                assert!(d.cents() * 10 <= limit.cents());
                if cover.code == "LIAB" {
                    assert_eq!(d, Money::ZERO);
                }
            }
        }
    }
}
