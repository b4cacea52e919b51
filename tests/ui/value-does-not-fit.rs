use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(values = [1, 300])]
    floor: u8,
    #[mimic(values = [-1, 1])]
    count: u64,
    #[mimic(values = [1, 2])]
    ratio: f64,
    #[mimic(values = [1.5])]
    rooms: u32,
    #[mimic(values = ["a", "b"])]
    code: u32,
    #[mimic(constant = 3)]
    label: String,
    #[mimic(constant = true)]
    initial: char,
    #[mimic(constant = 'x')]
    active: bool,
    #[mimic(seq = 1000)]
    slot: u8,
}

fn main() {}
