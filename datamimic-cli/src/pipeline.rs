//! Deterministic parallel paging: workers generate and encode pages, the calling thread
//! writes them in order.
//!
//! Worker `w` of `T` makes pages `w, w + T, w + 2T, ...` and hands each over through its own
//! channel of capacity 2; the writer takes page `p` from worker `p % T`. Output order is
//! therefore fixed, at most `4T` pages are in memory whatever the count, and since record `i`
//! depends only on the seed and `i`, the bytes are the same for every thread count and page
//! size.
//!
//! Written pages go back to their worker to be filled again: a fresh multi-megabyte buffer per
//! page would cost the kernel a page fault and a zeroed page every 4 KiB, on every core.

use std::io::IsTerminal;
use std::ops::Range;
use std::sync::mpsc::{channel, sync_channel};

use anyhow::{Result, anyhow};

use crate::sink::{PageOut, Sink};

/// Something that generates and encodes records by index.
pub trait Source: Sync {
    /// Generates records `range` and encodes them into `outs`, one buffer per sink.
    fn page(&self, range: Range<u64>, outs: &mut [PageOut]) -> Result<()>;
}

/// How many records, in which pages, on how many threads.
#[derive(Debug, Clone, Copy)]
pub struct Plan {
    /// Number of records.
    pub count: u64,
    /// Records per page (at least 1).
    pub page_size: u64,
    /// Worker threads (at least 1).
    pub threads: usize,
}

/// The default page size.
pub const DEFAULT_PAGE_SIZE: u64 = 10_000;

/// The number of cores, the default thread count.
pub fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `source` for `plan.count` records, writing every page to `sinks` in order.
pub fn run<S: Source>(source: &S, plan: Plan, sinks: &mut [Sink], label: &str) -> Result<()> {
    let page_size = plan.page_size.max(1);
    let pages = plan.count.div_ceil(page_size);
    let threads = (plan.threads.max(1) as u64).min(pages.max(1)) as usize;
    let bar = progress(plan.count, label);
    let n_sinks = sinks.len();
    std::thread::scope(|scope| {
        let mut receivers = Vec::with_capacity(threads);
        let mut returns = Vec::with_capacity(threads);
        for worker in 0..threads {
            let (tx, rx) = sync_channel::<Result<Vec<PageOut>>>(2);
            receivers.push(rx);
            let (return_tx, written) = channel::<Vec<PageOut>>();
            returns.push(return_tx);
            scope.spawn(move || {
                let mut capacity = 0;
                let mut page = worker as u64;
                while page < pages {
                    let start = page * page_size;
                    let end = (start + page_size).min(plan.count);
                    let mut outs = match written.try_recv() {
                        Ok(mut outs) => {
                            outs.iter_mut().for_each(PageOut::clear);
                            outs
                        }
                        Err(_) => (0..n_sinks)
                            .map(|_| PageOut::with_capacity(capacity))
                            .collect(),
                    };
                    let result = source.page(start..end, &mut outs);
                    capacity = outs.first().map_or(0, |o| o.len() + o.len() / 8);
                    let failed = result.is_err();
                    // A closed channel means the writer gave up: stop quietly.
                    if tx.send(result.map(|()| outs)).is_err() || failed {
                        break;
                    }
                    page += threads as u64;
                }
            });
        }
        for page in 0..pages {
            let worker = (page % threads as u64) as usize;
            let outs = receivers[worker]
                .recv()
                .map_err(|_| anyhow!("a worker thread stopped unexpectedly"))??;
            for (sink, out) in sinks.iter_mut().zip(&outs) {
                sink.write(out)?;
            }
            // A worker that has finished no longer listens; its pages are simply dropped.
            let _ = returns[worker].send(outs);
            bar.inc(page_size.min(plan.count - page * page_size));
        }
        bar.finish_and_clear();
        Ok(())
    })
}

/// A progress bar on standard error for runs of at least 200,000 records when it is a
/// terminal; hidden otherwise.
fn progress(count: u64, label: &str) -> indicatif::ProgressBar {
    if count < 200_000 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(count);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{msg} [{bar:40}] {human_pos}/{human_len} ({per_sec}, {eta})",
    ) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(label.to_owned());
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sink::{Encoder, Format, Target};

    /// Record `i` is `i * i`, encoded as NDJSON into each sink.
    struct Squares(Vec<Encoder>);

    impl Source for Squares {
        fn page(&self, range: Range<u64>, outs: &mut [PageOut]) -> Result<()> {
            for i in range {
                if i == 999_999 {
                    anyhow::bail!("record {i} fails");
                }
                for (e, o) in self.0.iter().zip(outs.iter_mut()) {
                    e.encode(i, &(i * i), o)?;
                }
            }
            Ok(())
        }
    }

    fn run_to_file(count: u64, page_size: u64, threads: usize) -> Result<Vec<u8>> {
        let dir = std::env::temp_dir().join(format!(
            "datamimic-pipeline-{}-{count}-{page_size}-{threads}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir)?;
        let path = dir.join("out.ndjson");
        let encoder = Encoder {
            format: Format::Ndjson,
            csv: Default::default(),
        };
        let target = Target::File {
            path: path.clone(),
            table: "t".into(),
        };
        let mut sinks = vec![Sink::create(encoder.clone(), &target)?];
        let result = run(
            &Squares(vec![encoder]),
            Plan {
                count,
                page_size,
                threads,
            },
            &mut sinks,
            "test",
        );
        let result = result.and_then(|()| {
            if let Some(staged) = sinks.pop().expect("sink").finish()? {
                staged.commit()?;
            }
            Ok(std::fs::read(&path)?)
        });
        drop(sinks);
        let leftovers = std::fs::read_dir(&dir)?.count();
        let _ = std::fs::remove_dir_all(&dir);
        if result.is_err() {
            assert_eq!(leftovers, 0, "a failed run leaves nothing");
        }
        result
    }

    #[test]
    fn pages_come_out_in_order_for_any_threads_and_page_size() {
        let expected: String = (0..1000u64).map(|i| format!("{}\n", i * i)).collect();
        for (page_size, threads) in [(1, 1), (7, 2), (1000, 3), (64, 8), (5000, 2)] {
            let out = run_to_file(1000, page_size, threads).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
        assert!(run_to_file(0, 10, 4).unwrap().is_empty());
    }

    #[test]
    fn a_failing_page_stops_the_run_and_removes_the_file() {
        let err = run_to_file(1_000_000, 1000, 2).unwrap_err();
        assert!(err.to_string().contains("record 999999 fails"), "{err}");
    }
}
