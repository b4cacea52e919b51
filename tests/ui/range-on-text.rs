use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(range = "18..=67")]
    age: String,
}

fn main() {}
