use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(config, cells = "no")]
struct Order {
    id: u64,
}

#[derive(Mimic)]
#[mimic(config = "PersonConfig")]
struct Invoice {
    id: u64,
}

fn main() {}
