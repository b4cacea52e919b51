use datamimic::Mimic;

#[derive(Debug)]
struct Opaque;

impl Mimic for Opaque {
    fn mimic(_: &mut datamimic::Context<'_>) -> Opaque {
        Opaque
    }
}

#[derive(Mimic)]
struct Contact {
    code: Opaque,
    #[mimic(format = "id-{code}")]
    label: String,
}

fn main() {}
