use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(format = "{email}@example.com")]
    email: String,
    #[mimic(range = "1..=9", uppercase)]
    level: u8,
}

fn main() {}
