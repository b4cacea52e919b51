use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(crate = "not a path")]
struct Renamed {
    id: u64,
}

#[derive(Mimic)]
struct Person {
    #[mimic]
    plain: u8,
    #[mimic(skip = true)]
    notes: String,
    #[mimic(values = "a")]
    single: String,
    #[mimic(values = [a, b])]
    names: String,
    #[mimic(values = [])]
    nothing: String,
    #[mimic(optional = "often")]
    nickname: Option<String>,
    #[mimic(constant = some_value)]
    status: String,
    #[mimic(seq = "first")]
    id: u64,
    #[mimic(with = "make")]
    made: String,
    #[mimic(len = "-1..=2", values = ["a"])]
    tags: Vec<String>,
    #[mimic(pattern = "")]
    code: String,
    #[mimic(format = "{")]
    label: String,
    #[mimic(values = ["a", "b"], weights = [0, 0])]
    zero: String,
    #[mimic(values = ["a", "b"], weights = [1e5, 0.000000000000000000001])]
    odd: String,
}

#[derive(Mimic)]
enum Status {
    #[mimic(skip)]
    Active,
}

fn main() {}
