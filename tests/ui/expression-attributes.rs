use datamimic::Mimic;

// `from`, `chance`, `matching` and `range` read earlier values: a field, a `let` or `config`.
#[derive(Mimic)]
struct Person {
    age: u8,
    #[mimic(from)]
    copy: u8,
    #[mimic(from = (age, 1).0, from = age)]
    twice: u8,
    #[mimic(from = age +)]
    broken: u8,
    #[mimic(from = agee)]
    misspelt: u8,
    #[mimic(chance = , values = ["Dr."])]
    title: &'static str,
    #[mimic(range = age..)]
    open: u8,
    #[mimic(from = config.min_age)]
    no_config: u8,
}

fn main() {}
