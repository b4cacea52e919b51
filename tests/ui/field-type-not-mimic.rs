use datamimic::Mimic;

struct Opaque;

#[derive(Mimic)]
struct Person {
    secret: Opaque,
}

fn main() {}
