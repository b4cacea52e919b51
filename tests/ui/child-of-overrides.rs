use datamimic::Mimic;

// A field's value as the child of a relation: `#[mimic(child_of = name, source...)]`, in an
// attribute of its own, once per relation, naming a relation the type declares, with a source
// and no `let`; overrides cannot read each other in a cycle, and enum variants have none.
#[derive(Mimic)]
struct Customer {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct UnknownRelation {
    #[mimic(child_of = custmer, from = customer.id)]
    id: u32,
}

#[derive(Mimic)]
struct NoRelation {
    #[mimic(child_of = customer, from = 1)]
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct NothingAfter {
    #[mimic(child_of = customer)]
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct NotFirst {
    #[mimic(range = "1..=9", child_of = customer)]
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct Parenthesised {
    #[mimic(child_of(customer), from = customer.id)]
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct Twice {
    #[mimic(child_of = customer, from = customer.id)]
    #[mimic(child_of = customer, constant = 1)]
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct NoSource {
    #[mimic(child_of = customer, chance = 0.5)]
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct LetInside {
    #[mimic(child_of = customer, let(twice: u32, from = customer.id * 2), from = customer.id)]
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
struct Cycle {
    #[mimic(child_of = customer, from = b + 1)]
    a: u32,
    #[mimic(child_of = customer, from = a + 1)]
    b: u32,
}

#[derive(Mimic)]
#[mimic(child_of(customer: Option<Customer>))]
enum Variant {
    One {
        #[mimic(child_of = customer, from = customer.id)]
        id: u32,
    },
}

fn main() {}
