use datamimic::Mimic;
use datamimic::domain::common::Gender;

// `matching` refines `weighted`, `on` refines `matching`; `chance` and `optional` exclude
// each other.
#[derive(Mimic)]
struct Person {
    gender: Gender,
    #[mimic(values = ["Herr"], matching = gender)]
    salutation: &'static str,
    #[mimic(weighted = "common/person/salutation", on = "gender")]
    greeting: &'static str,
    #[mimic(weighted = "common/person/salutation", matching = gender, row = "a")]
    shared: &'static str,
    #[mimic(chance = 0.5, optional = 0.5, values = ["Dr."])]
    title: Option<&'static str>,
}

fn main() {}
