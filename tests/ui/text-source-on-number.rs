use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(pattern = "####")]
    pin: u32,
    #[mimic(format = "{pin}")]
    copy: u64,
    #[mimic(weighted = "common/person/family_name", uppercase)]
    family_name: bool,
}

fn main() {}
