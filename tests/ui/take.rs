use datamimic::domain::common::{Address, Person};
use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(let(holder: Person))]
struct Account {
    #[mimic(take)]
    nothing: String,
    #[mimic(from = holder.address, take = holder.address)]
    twice: Address,
    #[mimic(take = missing.email)]
    unknown: String,
}

fn main() {}
