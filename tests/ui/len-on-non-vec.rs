use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(len = "1..=3", weighted = "common/person/family_name")]
    family_name: &'static str,
}

fn main() {}
