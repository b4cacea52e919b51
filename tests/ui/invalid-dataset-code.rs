use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(dataset = "Germany")]
struct Person {
    age: u8,
}

fn main() {}
