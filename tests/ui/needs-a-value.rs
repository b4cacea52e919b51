use datamimic::Mimic;

#[derive(Mimic)]
#[mimic(dataset, crate)]
enum Status {
    #[mimic(weight)]
    Active,
    Inactive(
        #[mimic(weighted)] String,
        #[mimic(values)] String,
        #[mimic(pattern)] String,
        #[mimic(format)] String,
        #[mimic(with)] String,
        #[mimic(range)] u8,
        #[mimic(constant)] u8,
        #[mimic(optional)] Option<u8>,
        #[mimic(len)] Vec<u8>,
        #[mimic(weighted = "common/person/family_name", column, row)] String,
        #[mimic(values = ["a"], weights)] String,
        #[mimic(with = make, tables)] String,
    ),
}

fn make(_: &mut datamimic::Context<'_>) -> String {
    String::new()
}

fn main() {}
