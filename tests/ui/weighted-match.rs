use datamimic::Mimic;
use datamimic::domain::common::Gender;

// Every arm of a `weighted` match names a table; the match itself must parse.
#[derive(Mimic)]
struct Person {
    gender: Gender,
    #[mimic(weighted = match gender { Gender::Female => "common/person/given_name_female", _ => 7 })]
    given_name: &'static str,
    #[mimic(weighted = match gender { Gender::Female => })]
    other_name: &'static str,
}

fn main() {}
