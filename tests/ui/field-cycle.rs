use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(format = "{handle}@example.com")]
    email: String,
    #[mimic(format = "@{email}")]
    handle: String,
}

fn main() {}
