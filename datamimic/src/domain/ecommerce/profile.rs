//! What a category's products typically cost and weigh, so a ring is light and cheap next to
//! a sofa. Ranges are illustrative (no statistic is used), chosen from common retail listings.

/// The typical price and shipping weight of a category's products.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Profile {
    /// Price range in cents, before the service's own min/max price narrows it.
    pub(crate) price_cents: (i64, i64),
    /// Natural logarithms of the weight range in grams (weights are drawn log-uniformly).
    pub(crate) ln_grams: (f64, f64),
    /// Natural logarithm of the typical packed density in g/cm³, for dimensions that agree
    /// with the weight.
    pub(crate) ln_density: f64,
}

fn profile(price: (i64, i64), grams: (f64, f64), density: f64) -> Profile {
    Profile {
        price_cents: (price.0 * 100, price.1 * 100),
        ln_grams: (grams.0.ln(), grams.1.ln()),
        ln_density: density.ln(),
    }
}

/// The profile of a category key of `ecommerce/product_category` (the same keys in every
/// country); a generic one for unknown keys.
pub(crate) fn of(category: &str) -> Profile {
    match category {
        "AUTOMOTIVE" => profile((5, 400), (100.0, 15_000.0), 0.6),
        "BEAUTY" => profile((3, 120), (30.0, 800.0), 0.8),
        "BEVERAGES" => profile((1, 60), (250.0, 12_000.0), 0.9),
        "BOOKS" => profile((5, 80), (100.0, 2_000.0), 0.7),
        "CLOTHING" => profile((8, 250), (80.0, 2_000.0), 0.25),
        "ELECTRONICS" => profile((10, 2_000), (40.0, 25_000.0), 0.35),
        "FOOD" => profile((1, 40), (80.0, 5_000.0), 0.7),
        "FURNITURE" => profile((30, 2_500), (2_000.0, 80_000.0), 0.2),
        "HEALTH" => profile((3, 150), (30.0, 2_000.0), 0.6),
        "HOME_GOODS" => profile((5, 400), (150.0, 15_000.0), 0.3),
        "JEWELRY" => profile((15, 3_000), (5.0, 300.0), 0.4),
        "OFFICE_SUPPLIES" => profile((1, 300), (20.0, 10_000.0), 0.5),
        "PET_SUPPLIES" => profile((3, 200), (100.0, 20_000.0), 0.5),
        "SPORTS" => profile((5, 800), (100.0, 30_000.0), 0.3),
        "TOYS" => profile((5, 250), (50.0, 8_000.0), 0.25),
        _ => profile((1, 500), (100.0, 10_000.0), 0.4),
    }
}
