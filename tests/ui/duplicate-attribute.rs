use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(range = "18..=67", range = "20..=30")]
    age: u8,
}

fn main() {}
