//! `Mimic` for standard types, with plain defaults: numbers over their range, short lorem
//! words for text, dates in the decades before the clock's "now".

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use rand::Rng;

use crate::sample::{SampleRange, below, chance, pick, unit_f64};
use crate::{Context, Mimic, TableUse};

/// Words for text fields without a dataset.
const LOREM: &[&str] = &[
    "lorem",
    "ipsum",
    "dolor",
    "sit",
    "amet",
    "consectetur",
    "adipiscing",
    "elit",
    "sed",
    "do",
    "eiusmod",
    "tempor",
    "incididunt",
    "ut",
    "labore",
    "et",
    "dolore",
    "magna",
    "aliqua",
    "enim",
    "ad",
    "minim",
    "veniam",
    "quis",
    "nostrud",
    "exercitation",
    "ullamco",
    "laboris",
    "nisi",
    "aliquip",
    "ex",
    "ea",
    "commodo",
    "consequat",
    "duis",
    "aute",
    "irure",
    "in",
    "reprehenderit",
    "voluptate",
    "velit",
    "esse",
    "cillum",
    "fugiat",
    "nulla",
    "pariatur",
    "excepteur",
    "sint",
    "occaecat",
    "cupidatat",
    "non",
    "proident",
    "sunt",
    "culpa",
    "qui",
    "officia",
    "deserunt",
    "mollit",
    "anim",
    "id",
    "est",
    "laborum",
];

macro_rules! full_range_int {
    ($($t:ty),*) => {$(
        impl Mimic for $t {
            #[inline]
            fn mimic(ctx: &mut Context<'_>) -> $t {
                ctx.rng().next_u64() as $t
            }
        }
    )*};
}
full_range_int!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl Mimic for u128 {
    fn mimic(ctx: &mut Context<'_>) -> u128 {
        (u128::from(ctx.rng().next_u64()) << 64) | u128::from(ctx.rng().next_u64())
    }
}

impl Mimic for i128 {
    fn mimic(ctx: &mut Context<'_>) -> i128 {
        u128::mimic(ctx) as i128
    }
}

impl Mimic for f64 {
    /// Uniform in `[0, 1)`.
    fn mimic(ctx: &mut Context<'_>) -> f64 {
        unit_f64(ctx.rng())
    }
}

impl Mimic for f32 {
    /// Uniform in `[0, 1)`.
    fn mimic(ctx: &mut Context<'_>) -> f32 {
        (ctx.rng().next_u32() >> 8) as f32 * (1.0 / (1u32 << 24) as f32)
    }
}

impl Mimic for bool {
    fn mimic(ctx: &mut Context<'_>) -> bool {
        ctx.rng().next_u32() & 1 == 1
    }
}

impl Mimic for char {
    /// An ASCII letter or digit.
    fn mimic(ctx: &mut Context<'_>) -> char {
        const ALPHANUMERIC: &[u8] =
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        char::from(*pick(ctx.rng(), ALPHANUMERIC))
    }
}

impl Mimic for &'static str {
    /// A lorem-ipsum word.
    fn mimic(ctx: &mut Context<'_>) -> &'static str {
        pick::<&str, _>(ctx.rng(), LOREM)
    }
}

impl Mimic for String {
    /// One to three lorem-ipsum words.
    fn mimic(ctx: &mut Context<'_>) -> String {
        let words = 1 + below(ctx.rng(), 3);
        let mut text = String::new();
        for i in 0..words {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(pick::<&str, _>(ctx.rng(), LOREM));
        }
        text
    }
}

impl<T: Mimic> Mimic for Option<T> {
    /// `Some` nine times in ten.
    fn mimic(ctx: &mut Context<'_>) -> Option<T> {
        if chance(ctx.rng(), 0.1) {
            None
        } else {
            Some(T::mimic(ctx))
        }
    }
    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        T::visit_tables(visitor)
    }
}

impl<T: Mimic> Mimic for Vec<T> {
    /// Zero to five elements.
    fn mimic(ctx: &mut Context<'_>) -> Vec<T> {
        let len = below(ctx.rng(), 6) as usize;
        (0..len).map(|_| T::mimic(ctx)).collect()
    }
    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        T::visit_tables(visitor)
    }
}

impl<T: Mimic, const N: usize> Mimic for [T; N] {
    fn mimic(ctx: &mut Context<'_>) -> [T; N] {
        std::array::from_fn(|_| T::mimic(ctx))
    }
    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        T::visit_tables(visitor)
    }
}

impl<T: Mimic> Mimic for Box<T> {
    fn mimic(ctx: &mut Context<'_>) -> Box<T> {
        Box::new(T::mimic(ctx))
    }
    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        T::visit_tables(visitor)
    }
}

impl Mimic for () {
    fn mimic(_: &mut Context<'_>) {}
}

macro_rules! tuple {
    ($($name:ident),+) => {
        impl<$($name: Mimic),+> Mimic for ($($name,)+) {
            fn mimic(ctx: &mut Context<'_>) -> Self {
                ($($name::mimic(ctx),)+)
            }
            fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
                $($name::visit_tables(visitor);)+
            }
        }
    };
}
tuple!(A);
tuple!(A, B);
tuple!(A, B, C);
tuple!(A, B, C, D);
tuple!(A, B, C, D, E);
tuple!(A, B, C, D, E, F);
tuple!(A, B, C, D, E, F, G);
tuple!(A, B, C, D, E, F, G, H);

impl Mimic for NaiveDate {
    /// A day within the 80 years before "today".
    fn mimic(ctx: &mut Context<'_>) -> NaiveDate {
        let today = ctx.today();
        NaiveDate::sample_inclusive(ctx.rng(), today - Duration::days(80 * 365), today)
    }
}

impl Mimic for NaiveDateTime {
    /// A second within the 10 years before "now".
    fn mimic(ctx: &mut Context<'_>) -> NaiveDateTime {
        let now = ctx.now().naive_utc();
        NaiveDateTime::sample_inclusive(ctx.rng(), now - Duration::days(3650), now)
    }
}

impl Mimic for DateTime<Utc> {
    /// A second within the 10 years before "now".
    fn mimic(ctx: &mut Context<'_>) -> DateTime<Utc> {
        NaiveDateTime::mimic(ctx).and_utc()
    }
}
