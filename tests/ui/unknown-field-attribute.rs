use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weigted = "common/person/family_name")]
    family_name: &'static str,
}

fn main() {}
