use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(weights = [1, 2])]
    tier: u8,
}

fn main() {}
