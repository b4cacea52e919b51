use datamimic::Mimic;

// `child_of` needs `(name: Parent)`; its only option is `finish`; `siblings` is taken.
#[derive(Mimic)]
#[mimic(child_of)]
struct NoValue {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of = Account)]
struct NotParenthesised {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(Account))]
struct NoName {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(account: u32, order = sort))]
struct UnknownOption {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(siblings: u32))]
struct TakenName {
    id: u32,
}

fn main() {}
