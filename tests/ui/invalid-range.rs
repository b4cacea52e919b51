use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(range = "67..18")]
    age: u8,
}

fn main() {}
