use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(format = "{family_name}@example.com")]
    email: String,
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
}

fn main() {}
