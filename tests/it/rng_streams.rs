//! Per-record streams: record i is the same whatever the thread count or order.

use datamimic::{MimicRng, RecordStreams};
use rand::Rng;

fn record_values(seed: u64, index: u64) -> [u64; 4] {
    let mut rng = MimicRng::for_record(seed, index);
    [
        rng.next_u64(),
        rng.next_u64(),
        rng.next_u64(),
        rng.next_u64(),
    ]
}

#[test]
fn records_do_not_depend_on_thread_count_or_order() {
    let sequential: Vec<[u64; 4]> = (0..1_000).map(|i| record_values(42, i)).collect();
    for threads in [2, 3, 7] {
        let chunks: Vec<Vec<[u64; 4]>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    scope.spawn(move || {
                        (t..1_000)
                            .step_by(threads as usize)
                            .map(|i| (i, record_values(42, i)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            let mut merged = vec![[0; 4]; 1_000];
            for handle in handles {
                for (i, values) in handle.join().unwrap() {
                    merged[i as usize] = values;
                }
            }
            vec![merged]
        });
        assert_eq!(chunks[0], sequential, "{threads} threads");
    }
}

#[test]
fn seeds_and_records_give_different_streams() {
    assert_ne!(record_values(1, 0), record_values(2, 0));
    assert_ne!(record_values(1, 0), record_values(1, 1));
    let mut free = MimicRng::seed_from_u64(1);
    assert_ne!(
        free.next_u64(),
        record_values(1, 0)[0],
        "the free stream is not record 0"
    );
    let streams = RecordStreams::new(1);
    assert_eq!(streams.record(3).next_u64(), record_values(1, 3)[0]);
}
