use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weighted = common_person_family_name)]
    family_name: &'static str,
}

fn main() {}
