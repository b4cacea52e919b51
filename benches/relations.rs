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

/// Accounts per timed chunk.
const CHUNK: u64 = 1_000;

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
        // The two ways alternate every thousand accounts, so both see the same load on a shared
        // machine (its load changes within seconds); each chunk keeps the better of two tries.
        let mut booked = Vec::new();
        let (mut alone, mut related) = (Duration::ZERO, Duration::ZERO);
        for chunk in (0..parents).step_by(CHUNK as usize) {
            let end = (chunk + CHUNK).min(parents);
            let (mut a, mut r) = (Duration::MAX, Duration::MAX);
            for _ in 0..2 {
                a = a.min(timed(|| {
                    for i in chunk..end {
                        black_box(accounts.record(i));
                        for k in 0..CHILDREN {
                            black_box(transactions.record(i * CHILDREN + k));
                        }
                    }
                }));
                r = r.min(timed(|| {
                    for i in chunk..end {
                        let account = accounts.record(i);
                        transactions.children_into(&account, i, CHILDREN as u32, &mut booked);
                        black_box((&account, &booked));
                    }
                }));
            }
            alone += a;
            related += r;
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
