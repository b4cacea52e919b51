use datamimic::Mimic;

// `parent` copies the parent that `child_of` names; a type without one has none, and the
// parent's name is unknown to the attributes.
#[derive(Mimic)]
struct Card {
    #[mimic(parent)]
    holder: u32,
    #[mimic(from = account.iban)]
    iban: u32,
}

#[derive(Mimic)]
#[mimic(child_of(holder: u32))]
struct Flagged {
    #[mimic(parent = holder)]
    holder: u32,
}

fn main() {}
