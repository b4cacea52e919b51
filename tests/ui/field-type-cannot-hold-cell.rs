use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weighted = "common/person/family_name")]
    family_name: u8,
    #[mimic(weighted = "healthcare/condition_prevalence", column = "age_max")]
    oldest: Option<char>,
    #[mimic(weighted = "ecommerce/shipping_method", column = "min_days")]
    fine: u8,
    // Unknown names are reported once, by their own lookup.
    #[mimic(weighted = "common/person/family_nam")]
    unknown_table: u8,
    #[mimic(weighted = "ecommerce/shipping_method", column = "min_day")]
    unknown_column: u8,
}

fn main() {}
