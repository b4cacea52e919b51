use datamimic::Mimic;

// `let` needs `(name: Type, ...)`; an inner `let` and a name taken by a field are refused.
#[derive(Mimic)]
#[mimic(let)]
#[mimic(let(born NaiveDate))]
#[mimic(let(age: u8, let(inner: u8)))]
#[mimic(let(city: &'static str, weighted = "common/address/city"))]
struct Person {
    city: String,
}

fn main() {}
