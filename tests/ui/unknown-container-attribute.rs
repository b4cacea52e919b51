use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(dataset = "DE", locale = "de")]
struct Person {
    age: u8,
}

fn main() {}
