//! Product: a catalogue item whose name, price, weight, tax and code fit its category and
//! country; declared with `#[derive(Mimic)]`.

use std::fmt;

use crate::domain::money::Money;
use crate::domain::picks::{Picks, one_of};
use crate::ident::code::Code;
use crate::sample::{below, chance, unit_f64};
use crate::{Context, Error, Result};

use super::catalog::Catalog;
use super::ean::Ean13;
use super::profile::Profile;
use super::vocabulary::{COLORS_DE, COLORS_EN};

/// A product, with the fields of datamimic-ce's Product in its order plus `ean`.
///
/// Coherence within a record: the noun of the name belongs to the category; price, weight and
/// dimensions follow the category's profile (a ring is light and cheap next to a sofa) within
/// the service's price range; the EAN-13 has a valid check digit and a GS1 prefix of the
/// dataset's country; the currency is the country's own; the SKU starts with the category.
///
/// ```
/// use datamimic::domain::ecommerce::ProductService;
///
/// let product = ProductService::new("US")?.seed(1).generate();
/// assert_eq!(product.currency, "USD");
/// assert!((99..=99_999).contains(&product.price.cents()));
/// assert!(product.sku.to_string().starts_with(&product.category[..3]));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(config = ProductConfig)]
#[mimic(let(catalog: &'static Catalog))]
// The listing first (what an order line holds too), then the physical details.
#[mimic(let(listing: Listing, with = listing(catalog, config)))]
#[mimic(let(profile: &'static Profile, from = catalog.profile(listing.category_row)))]
#[mimic(let(ln_grams: f64, with = ln_grams(profile)))]
#[mimic(let(size: Dimensions, with = dimensions(profile, ln_grams)))]
#[mimic(let(shade: &'static str, with = color(catalog)))]
// Ratings pile up at 4 to 5 stars: 1 + 4 (1 - u³) has mean 4.0.
#[mimic(let(rating_u: f64, range = "0.0..1.0"))]
pub struct Product {
    /// Catalogue identifier (`PROD-0123456789`).
    #[mimic(from = listing.product_id)]
    pub product_id: Code,
    /// Display name: an adjective and a noun of the category.
    #[mimic(from = listing.name)]
    pub name: ProductName,
    /// One-line description naming the brand and colour.
    #[mimic(from = ProductDescription { name, brand, color })]
    pub description: ProductDescription,
    /// Unit price in the country's currency, net of sales tax.
    #[mimic(from = listing.price)]
    pub price: Money,
    /// Category key of `ecommerce/product_category` (`ELECTRONICS`).
    #[mimic(from = listing.category)]
    pub category: &'static str,
    /// Brand (fictional names, from datamimic-ce).
    #[mimic(from = listing.brand)]
    pub brand: &'static str,
    /// Stock-keeping unit: the category's first three letters and six digits.
    #[mimic(from = listing.sku)]
    pub sku: Code,
    /// EAN-13 barcode with the country's GS1 prefix (a datamimic addition).
    #[mimic(from = listing.ean)]
    pub ean: Ean13,
    /// New, refurbished or used.
    pub condition: Condition,
    /// Stock status.
    pub availability: Availability,
    /// ISO 4217 code of the country's currency.
    #[mimic(from = catalog.currency)]
    pub currency: &'static str,
    /// Shipping weight in kilograms (three decimals).
    #[mimic(from = round(ln_grams.exp()).max(1.0) / 1000.0)]
    pub weight: f64,
    /// Package dimensions, consistent with the weight.
    #[mimic(from = size)]
    pub dimensions: Dimensions,
    /// Colour, in the country's language.
    #[mimic(from = shade)]
    pub color: &'static str,
    /// Average customer rating from 1.0 to 5.0 (one decimal), skewed high like real reviews.
    /// An `f64`, so the value every writer and script sees is the decimal (an `f32` widens
    /// 4.3 to 4.300000190734863).
    #[mimic(from = round((1.0 + 4.0 * (1.0 - rating_u * rating_u * rating_u)) * 10.0) / 10.0)]
    pub rating: f64,
    /// Search tags: category, adjective and brand.
    #[mimic(from = [category, name.adjective, brand].into_iter().collect())]
    pub tags: Picks<3>,
}

/// datamimic-ce's ProductService parameters: the price range in currency units.
///
/// ```
/// use datamimic::domain::ecommerce::{ProductConfig, ProductService};
///
/// let cheap = ProductConfig { min_price: 1.0, max_price: 5.0 };
/// assert!(ProductService::with_config("DE", cheap).is_ok());
/// let impossible = ProductConfig { min_price: 10.0, max_price: 5.0 };
/// assert!(ProductService::with_config("DE", impossible).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProductConfig {
    /// Lowest price (0.99).
    pub min_price: f64,
    /// Highest price (999.99).
    pub max_price: f64,
}

impl Default for ProductConfig {
    fn default() -> ProductConfig {
        ProductConfig {
            min_price: 0.99,
            max_price: 999.99,
        }
    }
}

impl ProductConfig {
    /// Checks that the range is non-empty, finite and not negative.
    pub fn validate(&self) -> Result<()> {
        let ProductConfig {
            min_price,
            max_price,
        } = *self;
        if !(min_price.is_finite() && max_price.is_finite()) || min_price < 0.0 {
            return Err(Error::Constraint(format!(
                "the price range {min_price}..={max_price} must be finite and not negative"
            )));
        }
        if min_price > max_price {
            return Err(Error::Constraint(format!(
                "the minimum price {min_price} is above the maximum price {max_price}"
            )));
        }
        if self.cents().0 > self.cents().1 {
            return Err(Error::Constraint(format!(
                "no whole-cent price lies between {min_price} and {max_price}"
            )));
        }
        Ok(())
    }

    /// The range in whole cents, inside the configured bounds.
    pub(crate) fn cents(&self) -> (i64, i64) {
        (
            (self.min_price * 100.0 - 1e-6).ceil() as i64,
            (self.max_price * 100.0 + 1e-6).floor() as i64,
        )
    }
}

/// The product's condition (illustrative weights: most listings are new).
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Condition {
    /// New.
    #[mimic(weight = 85)]
    New,
    /// Refurbished by the seller or manufacturer.
    #[mimic(weight = 9)]
    Refurbished,
    /// Used.
    #[mimic(weight = 6)]
    Used,
}

/// Stock status (illustrative weights).
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[mimic(crate = "crate")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Availability {
    /// In stock.
    #[mimic(weight = 80)]
    InStock,
    /// A few left.
    #[mimic(weight = 9)]
    LowStock,
    /// Sold out.
    #[mimic(weight = 6)]
    OutOfStock,
    /// Not yet released.
    #[mimic(weight = 3)]
    PreOrder,
    /// Orderable, shipped when restocked.
    #[mimic(weight = 2)]
    Backordered,
}

/// A product name from its parts: `Premium Air Filter`, or in German order `Motoröl hochwertig`
/// (German adjectives would need inflecting in front of the noun).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ProductName {
    adjective: &'static str,
    noun: &'static str,
    german: bool,
}

impl ProductName {
    /// The noun of the category (`Air Filter`).
    pub fn noun(&self) -> &'static str {
        self.noun
    }

    /// The adjective (`Premium`).
    pub fn adjective(&self) -> &'static str {
        self.adjective
    }
}

impl fmt::Display for ProductName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.german {
            write!(f, "{} {}", self.noun, self.adjective)
        } else {
            write!(f, "{} {}", self.adjective, self.noun)
        }
    }
}

impl serde::Serialize for ProductName {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for ProductName {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}

/// A one-line description: `Premium Air Filter by ACME, in Black.`
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ProductDescription {
    name: ProductName,
    brand: &'static str,
    color: &'static str,
}

impl fmt::Display for ProductDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ProductDescription { name, brand, color } = self;
        if name.german {
            write!(f, "{name} von {brand}, Farbe {color}.")
        } else {
            write!(f, "{name} by {brand}, in {color}.")
        }
    }
}

impl serde::Serialize for ProductDescription {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for ProductDescription {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}

/// Package length, width and height in centimetres (one decimal), longest first; renders as
/// `32.0 x 21.5 x 4.2 cm`.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct Dimensions {
    /// Longest side.
    pub length_cm: f32,
    /// Middle side.
    pub width_cm: f32,
    /// Shortest side.
    pub height_cm: f32,
}

impl fmt::Display for Dimensions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:.1} x {:.1} x {:.1} cm",
            self.length_cm, self.width_cm, self.height_cm
        )
    }
}

impl serde::Serialize for Dimensions {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for Dimensions {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}

/// A listing priced within the configured range.
fn listing(ctx: &mut Context<'_>, catalog: &&'static Catalog, config: &ProductConfig) -> Listing {
    Listing::draw(ctx, catalog, config.cents())
}

/// The logarithm of the weight in grams, uniform in the category's range.
fn ln_grams(ctx: &mut Context<'_>, profile: &&'static Profile) -> f64 {
    let (ln_low, ln_high) = profile.ln_grams;
    ln_low + unit_f64(ctx.rng()) * (ln_high - ln_low)
}

/// A colour in the dataset's language.
fn color(ctx: &mut Context<'_>, catalog: &&'static Catalog) -> &'static str {
    one_of(
        ctx.rng(),
        if catalog.german { COLORS_DE } else { COLORS_EN },
    )
}

/// What identifies a product and prices it: all an order line needs, drawn without the
/// physical details (weight, dimensions, colour) that a full [`Product`] adds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Listing {
    pub(crate) product_id: Code,
    pub(crate) name: ProductName,
    pub(crate) category: &'static str,
    /// The category's row in the catalogue (for its tax rate and profile).
    pub(crate) category_row: usize,
    pub(crate) brand: &'static str,
    pub(crate) sku: Code,
    pub(crate) ean: Ean13,
    pub(crate) price: Money,
}

impl Listing {
    /// A listing of a category drawn by weight, priced within `cents` (the configured range,
    /// from [`ProductConfig::cents`]).
    pub(crate) fn draw(
        ctx: &mut Context<'_>,
        catalog: &'static Catalog,
        cents: (i64, i64),
    ) -> Listing {
        let category_row = catalog.category.sample_index(ctx.rng());
        let category = catalog.category.value(category_row);
        let noun = catalog.noun(category_row, ctx.rng());
        let adjective = catalog.adjective(category_row, ctx.rng());
        let brand = catalog.brand.sample_row(ctx.rng()).value();
        let price = price(ctx, cents, catalog.profile(category_row).price_cents);
        Listing {
            product_id: Code::new("PROD", below(ctx.rng(), 10_000_000_000), 10),
            name: ProductName {
                adjective,
                noun,
                german: catalog.german,
            },
            category,
            category_row,
            brand,
            sku: Code::new(
                category.get(..3).unwrap_or(category),
                below(ctx.rng(), 1_000_000),
                6,
            ),
            ean: Ean13::generate(ctx.rng(), catalog.gs1),
            price,
        }
    }
}

/// Log-uniform within the category's range narrowed to the configured one (the configured
/// range alone when they do not overlap): cheap items are more common than dear ones. Seven in
/// ten prices end in .99.
fn price(ctx: &mut Context<'_>, (min, max): (i64, i64), (low, high): (i64, i64)) -> Money {
    let (low, high) = if low.max(min) <= high.min(max) {
        (low.max(min), high.min(max))
    } else {
        (min, max)
    };
    let floor = low.max(1) as f64;
    let u = unit_f64(ctx.rng());
    let drawn = floor * (u * (high.max(1) as f64 / floor).ln()).exp();
    let mut cents = (round(drawn) as i64).clamp(low, high);
    if chance(ctx.rng(), 0.7) {
        let charm = cents / 100 * 100 + 99;
        let charm = if charm > high { charm - 100 } else { charm };
        if (low..=high).contains(&charm) {
            cents = charm;
        }
    }
    Money::from_cents(cents)
}

/// Rounds a non-negative value half up (`f64::round` is a library call on baseline x86-64).
#[inline]
fn round(x: f64) -> f64 {
    (x + 0.5) as i64 as f64
}

/// A box of the weight's volume at the category's density (`e^ln_volume` cm³) with random
/// proportions (length up to three times the width, height a third to all of it), sides
/// rounded to millimetres and at least 0.5 cm.
fn dimensions(ctx: &mut Context<'_>, profile: &&'static Profile, ln_grams: &f64) -> Dimensions {
    let ln_volume = ln_grams - profile.ln_density;
    let long = 1.0 + 2.0 * unit_f64(ctx.rng());
    let flat = 0.3 + 0.7 * unit_f64(ctx.rng());
    // The cube root through the logarithm already at hand: one `ln` and one `exp`.
    let side = ((ln_volume - (long * flat).ln()) / 3.0).exp();
    let cm = |x: f64| (round(x * 10.0) / 10.0).max(0.5) as f32;
    Dimensions {
        length_cm: cm(side * long),
        width_cm: cm(side),
        height_cm: cm(side * flat),
    }
}
