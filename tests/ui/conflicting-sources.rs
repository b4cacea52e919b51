use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weighted = "common/person/family_name", pattern = "???")]
    family_name: String,
}

fn main() {}
