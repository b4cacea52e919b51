use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weighted = "common/person/famly_name")]
    family_name: &'static str,
}

fn main() {}
