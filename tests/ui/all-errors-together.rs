use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(datset = "DE")]
struct Person {
    #[mimic(range = "18..=67", range = "1..=2")]
    age: u8,
    #[mimic(optional = 0.5)]
    name: String,
    #[mimic(format = "{nickname}")]
    email: String,
}

fn main() {}
