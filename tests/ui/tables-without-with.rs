use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(tables = ["common/person/salutation"])]
    salutation: String,
}

fn main() {}
