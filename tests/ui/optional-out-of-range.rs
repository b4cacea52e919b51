use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(optional = 1.5)]
    nickname: Option<String>,
}

fn main() {}
