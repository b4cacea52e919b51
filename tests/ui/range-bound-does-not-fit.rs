use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(range = "18..=300")]
    age: u8,
    #[mimic(range = "-5..5")]
    balance: u32,
    #[mimic(range = "0..256")]
    level: u8,
    #[mimic(range = "0.0..1000000000000000000000000000000000000000.0")]
    weight: f32,
}

fn main() {}
