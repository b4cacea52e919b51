//! What a related set costs: a bank account with its ten transactions, generated as children
//! (`Service::children_into`), against the same eleven records generated on their own (one
//! account, ten standalone transactions). Prints both rates and their ratio; the aim is a
//! ratio of at most 1.10. Run with `cargo bench --bench relations`;
//! `DATAMIMIC_BENCH_PARENTS` sets the number of accounts (100,000 by default).

use std::hint::black_box;
use std::time::{Duration, Instant};

use datamimic::Service;
use datamimic::domain::finance::{BankAccount, Transaction};

const CHILDREN: u64 = 10;

/// How long `run` takes.
fn timed(run: impl FnOnce()) -> Duration {
    let start = Instant::now();
    run();
    start.elapsed()
}

fn main() {
    let parents: u64 = std::env::var("DATAMIMIC_BENCH_PARENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    for dataset in ["US", "DE"] {
        let accounts = Service::<BankAccount>::new()
            .dataset(dataset)
            .expect("supported dataset")
            .seed(42);
        let transactions = Service::<Transaction>::new()
            .dataset(dataset)
            .expect("supported dataset")
            .seed(42);
        // The two ways alternate, seven times each, and each keeps its best run: other work
        // on a shared machine only ever slows a run down, and alternating spreads it evenly.
        let mut booked = Vec::new();
        let (mut alone, mut related) = (Duration::MAX, Duration::MAX);
        for _ in 0..7 {
            alone = alone.min(timed(|| {
                for i in 0..parents {
                    black_box(accounts.record(i));
                    for k in 0..CHILDREN {
                        black_box(transactions.record(i * CHILDREN + k));
                    }
                }
            }));
            related = related.min(timed(|| {
                for i in 0..parents {
                    let account = accounts.record(i);
                    transactions.children_into(&account, i, CHILDREN as u32, &mut booked);
                    black_box((&account, &booked));
                }
            }));
        }
        let records = (parents * (CHILDREN + 1)) as f64;
        println!(
            "{dataset}: eleven records on their own {:>10.0} records/s, account with ten transactions {:>10.0} records/s, ratio {:.3}",
            records / alone.as_secs_f64(),
            records / related.as_secs_f64(),
            related.as_secs_f64() / alone.as_secs_f64()
        );
    }
}
