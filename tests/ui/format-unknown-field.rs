use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weighted = "common/person/family_name")]
    family_name: &'static str,
    #[mimic(format = "{given_name}.{family_name}@example.com")]
    email: String,
}

fn main() {}
