use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(optional = 0.1, pattern = "###-####")]
    phone: String,
}

fn main() {}
