use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(values = ["bronze", "silver", "gold"], weights = [6, 3])]
    tier: &'static str,
}

fn main() {}
