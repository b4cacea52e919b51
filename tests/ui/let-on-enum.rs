use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(let(age: u8, range = "18..=65"))]
enum Status {
    Active,
}

fn main() {}
