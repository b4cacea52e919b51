use datamimic::Mimic;

#[derive(Mimic)]
struct Place {
    #[mimic(weighted = "common/address/city", column = "zip")]
    zip: &'static str,
}

fn main() {}
