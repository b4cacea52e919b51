use datamimic::Mimic;

#[derive(Mimic)]
struct Basket {
    #[mimic(len = missing)]
    items: Vec<u8>,
    #[mimic(len = count)]
    not_a_list: u8,
    #[mimic(range = "1..=3")]
    count: usize,
    #[mimic(len = count, len = "1..=2")]
    twice: Vec<u8>,
}

fn main() {}
