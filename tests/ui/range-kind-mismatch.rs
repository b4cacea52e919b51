use chrono::{NaiveDate, NaiveDateTime};
use datamimic::Mimic;

#[derive(Mimic)]
struct Person {
    #[mimic(range = "0..100")]
    score: f32,
    #[mimic(range = "0.5..2.5")]
    children: u8,
    #[mimic(range = "1..10")]
    birthday: NaiveDate,
    #[mimic(range = "2024-01-01..2025-01-01")]
    last_login: NaiveDateTime,
    #[mimic(range = "1950-01-01..=2000-12-31")]
    year: u32,
}

fn main() {}
