//! Weighted sampling from a 5,000-row table: datamimic's one-draw alias table against
//! `rand_distr::weighted::WeightedAliasIndex`, in the same run and with the same
//! generator (`MimicRng`). Report the ratio of the two, not absolute rates.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use datamimic::{MimicRng, Table};
use rand::distr::Distribution;
use rand_distr::weighted::WeightedAliasIndex;

const ROWS: usize = 5_000;
const DRAWS: u64 = 10_000;

/// Zipf(1) weights scaled to integers, like a name frequency list (each at most
/// `u32::MAX / ROWS`, the most `WeightedAliasIndex<u32>` accepts).
fn zipf_weights() -> Vec<u32> {
    (1..=ROWS as u32).map(|rank| 800_000 / rank).collect()
}

fn sampling(c: &mut Criterion) {
    let weights = zipf_weights();
    let rows = (0..ROWS).map(|i| vec![format!("name{i}")]).collect();
    let decimal: Vec<String> = weights.iter().map(u32::to_string).collect();
    let decimal: Vec<&str> = decimal.iter().map(String::as_str).collect();
    let table: &'static Table =
        Table::build_leaked("bench/zipf", &["value"], rows, &decimal).unwrap();
    let oracle = WeightedAliasIndex::new(weights).unwrap();

    let mut group = c.benchmark_group("sample_5000_rows");
    group.throughput(Throughput::Elements(DRAWS));
    group.bench_function("datamimic_alias_table", |b| {
        let mut rng = MimicRng::seed_from_u64(1);
        b.iter(|| {
            let mut acc = 0usize;
            for _ in 0..DRAWS {
                acc = acc.wrapping_add(table.sample_index(&mut rng));
            }
            black_box(acc)
        })
    });
    group.bench_function("rand_distr_weighted_alias_index", |b| {
        let mut rng = MimicRng::seed_from_u64(1);
        b.iter(|| {
            let mut acc = 0usize;
            for _ in 0..DRAWS {
                acc = acc.wrapping_add(oracle.sample(&mut rng));
            }
            black_box(acc)
        })
    });
    group.finish();
}

criterion_group!(benches, sampling);
criterion_main!(benches);
