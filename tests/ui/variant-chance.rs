use datamimic::Mimic;

// A variant's `chance` is a share of all records: from 0 to 1, not beside `weight` or `skip`,
// reading `config` only when the type declares one.
#[derive(Mimic)]
enum Plan {
    #[mimic(chance = 1.5)]
    Free,
    #[mimic(chance = 0.2, weight = 3)]
    Pro,
    #[mimic(chance = 0.1, skip)]
    Legacy,
    #[mimic(chance = config.team_share)]
    Team,
    Enterprise,
}

// Some variant must take the records the chances leave.
#[derive(Mimic)]
enum Coin {
    #[mimic(chance = 0.5)]
    Heads,
    #[mimic(chance = 0.5)]
    Tails,
}

// `chance` needs its value.
#[derive(Mimic)]
enum Light {
    #[mimic(chance)]
    Red,
    Green,
}

fn main() {}
