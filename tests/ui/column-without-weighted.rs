use datamimic::Mimic;

#[derive(Mimic)]
struct Place {
    #[mimic(column = "postal_code")]
    postal_code: String,
}

fn main() {}
