//! Golden files of the expansion for representative inputs (insta + prettyplease). A change to
//! generated code shows up as a reviewable diff of `src/snapshots/`.

use quote::quote;

fn expand(input: proc_macro2::TokenStream) -> String {
    let input: syn::DeriveInput = syn::parse2(input).expect("valid derive input");
    let tokens = crate::expand::derive(&input);
    let file: syn::File = syn::parse2(tokens).expect("the expansion is valid Rust");
    prettyplease::unparse(&file)
}

#[test]
fn struct_with_every_source() {
    insta::assert_snapshot!(expand(quote! {
        #[mimic(dataset = "DE")]
        struct Employee {
            #[mimic(seq)]
            id: u64,
            #[mimic(weighted = "common/person/family_name")]
            family_name: &'static str,
            #[mimic(range = "18..=67")]
            age: u8,
            #[mimic(range = "1950-01-01..2000-01-01")]
            birthdate: NaiveDate,
            #[mimic(weighted = "common/address/city", column = "city")]
            city: &'static str,
            #[mimic(weighted = "common/address/city", column = "postal_code")]
            postal_code: String,
            #[mimic(format = "{family_name}@example.com", ascii_lowercase)]
            email: String,
            #[mimic(optional = 0.1, pattern = "+1 ###-###-####")]
            phone: Option<String>,
            #[mimic(len = "1..=3", values = ["a", "b"], weights = [3, 1])]
            tags: Vec<String>,
            #[mimic(with = badge(id))]
            badge: String,
            #[mimic(constant = 7)]
            level: u32,
            #[mimic(skip)]
            notes: String,
            address: Address,
        }
    }));
}

#[test]
fn weighted_enum_and_generics() {
    insta::assert_snapshot!(expand(quote! {
        enum BloodType {
            #[mimic(weight = 37.4)]
            OPositive,
            #[mimic(weight = 0.6)]
            AbNegative,
            #[mimic(skip)]
            Unknown,
            Other(#[mimic(pattern = "??")] String),
        }
    }));
    insta::assert_snapshot!(expand(quote! {
        #[mimic(crate = "crate")]
        struct Pair<T: Clone>(T, #[mimic(weighted = "common/person/family_name")] &'static str);
    }));
}

#[test]
fn errors_come_with_a_stub_impl() {
    insta::assert_snapshot!(expand(quote! {
        struct Broken {
            #[mimic(range = "x")]
            age: u8,
        }
    }));
}

#[test]
fn the_last_reader_of_a_let_moves_it() {
    insta::assert_snapshot!(expand(quote! {
        #[mimic(let(history: Vec<u32>, len = "1..=3", range = "0..10"))]
        struct Device {
            #[mimic(from = history.len())]
            visits: usize,
            #[mimic(from = history)]
            maintenance: Vec<u32>,
            #[mimic(let(tags: Vec<u8>, skip))]
            #[mimic(from = tags)]
            first: Vec<u8>,
            #[mimic(from = tags)]
            second: Vec<u8>,
        }
    }));
}

/// Variants with a share from the configuration, one draw against the running sum, and the
/// rest by weight.
#[test]
fn enum_with_variant_chances() {
    insta::assert_snapshot!(expand(quote! {
        #[mimic(config = PersonConfig, cells = false)]
        enum Gender {
            Male,
            #[mimic(chance = config.female_quota)]
            Female,
            #[mimic(chance = config.other_gender_quota)]
            Other,
        }
    }));
}
