use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(range = "18")]
    a: u8,
    #[mimic(range = "..5")]
    b: u8,
    #[mimic(range = "a..b")]
    c: u8,
    #[mimic(range = "2024-02-30..=2025-01-01")]
    d: chrono::NaiveDate,
    #[mimic(range = "2024-01-01T25:00:00..2025-01-01T00:00:00")]
    e: chrono::NaiveDateTime,
    #[mimic(range = "1..2000-01-01")]
    f: u8,
}

fn main() {}
