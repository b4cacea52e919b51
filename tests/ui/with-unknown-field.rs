use datamimic::{Context, Mimic};

fn greet(_: &mut Context<'_>, name: &str) -> String {
    format!("hello {name}")
}

#[derive(Mimic)]
struct Person {
    #[mimic(with = greet(nmae))]
    greeting: String,
    name: String,
}

fn main() {}
