use datamimic::Mimic;

// A type is the child of several parents with one `child_of(...)` each: each its own name and
// parent type; `parent` copies the parent only of a type with one.
#[derive(Mimic, Clone)]
struct Customer {
    id: u32,
}

#[derive(Mimic, Clone)]
struct Shop {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(owner: Customer), child_of(owner: Shop))]
struct SameName {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(buyer: Customer), child_of(payer: Customer))]
struct SameParent {
    id: u32,
}

#[derive(Mimic)]
#[mimic(child_of(buyer: Customer), child_of(shop: Shop))]
struct WhichParent {
    #[mimic(parent)]
    buyer: Customer,
}

fn main() {}
