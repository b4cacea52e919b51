//! Annual premium ranges, policy terms and instalment surcharges per line of business.
//!
//! Orders of magnitude, not statistics (illustrative): US figures in USD after NAIC average
//! expenditures (auto about 1,300, homeowners about 1,400, renters about 170) and KFF
//! employer-plan premiums (single cover about 8,400); DE figures in EUR after typical tariffs
//! (Kfz 300-1,200, private Haftpflicht 50-150, PKV 2,400-9,000).

/// How one line of business is priced and how long its policies run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    /// Annual premium range for the full set of coverages, in the country's currency.
    pub(crate) annual: (f64, f64),
    /// Term range in years (most lines renew yearly; life and disability run for decades).
    pub(crate) term_years: (u32, u32),
}

const fn line(low: f64, high: f64, term_low: u32, term_high: u32) -> Line {
    Line {
        annual: (low, high),
        term_years: (term_low, term_high),
    }
}

/// The line of product `code` in `country`; an unknown code gets a generic yearly line.
pub(crate) fn line_of(country: &str, code: &str) -> Line {
    match (country, code) {
        ("DE", "LIFE") => line(300.0, 2_400.0, 10, 30),
        ("DE", "HLTH") => line(2_400.0, 9_000.0, 1, 1),
        ("DE", "AUTO") => line(300.0, 1_200.0, 1, 1),
        ("DE", "HAFT") => line(50.0, 150.0, 1, 1),
        ("DE", "HOME") => line(200.0, 800.0, 1, 1),
        ("DE", "UNFALL") => line(80.0, 300.0, 1, 1),
        ("DE", "RECHT") => line(200.0, 450.0, 1, 1),
        ("DE", "BERUF") => line(600.0, 2_400.0, 10, 30),
        ("DE", "HHALT") => line(60.0, 200.0, 1, 1),
        ("DE", "REISE") => line(20.0, 200.0, 1, 1),
        (_, "AUTO") => line(900.0, 3_000.0, 1, 1),
        (_, "HOME") => line(900.0, 3_500.0, 1, 1),
        (_, "LIFE") => line(200.0, 1_500.0, 10, 30),
        (_, "HLTH") => line(4_000.0, 9_000.0, 1, 1),
        (_, "RENT") => line(120.0, 300.0, 1, 1),
        (_, "BUSI") => line(500.0, 5_000.0, 1, 1),
        (_, "MOTO") => line(200.0, 1_200.0, 1, 1),
        (_, "BOAT") => line(200.0, 1_500.0, 1, 1),
        (_, "PET") => line(300.0, 900.0, 1, 1),
        (_, "TRVL") => line(50.0, 500.0, 1, 1),
        _ => line(100.0, 1_000.0, 1, 1),
    }
}

/// Instalments per year and the surcharge insurers add for paying in instalments (German
/// tariffs typically charge 3-5 % for monthly payment).
pub(crate) fn instalments(frequency: &str) -> (f64, f64) {
    match frequency {
        "monthly" => (12.0, 1.05),
        "quarterly" => (4.0, 1.03),
        "semi_annual" => (2.0, 1.02),
        _ => (1.0, 1.0),
    }
}
