use datamimic::Mimic;

// `child_of` needs `(name: Parent)`; its options are `finish`, `count`, `at_most` and `alone`,
// each once, `count` a number or a function, the others functions; `siblings` is taken; a
// parent that may be absent (`Option`) has no `alone`.
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

#[derive(Mimic)]
#[mimic(child_of(account: u32, count = "one", at_most = 3))]
struct BadCounts {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(account: u32, count = 1, at_most = cap))]
struct CountAndCap {
    id: u32,
}

fn make(_: &mut datamimic::Context<'_>) -> u32 {
    1
}

#[derive(Mimic)]
#[mimic(child_of(holder: Option<u32>, alone = make))]
struct AloneWithoutParent {
    id: u32,
}

fn main() {}
