//! Deterministic parallel paging: workers generate and encode pages, the calling thread
//! writes them in order.
//!
//! Worker `w` of `T` makes pages `w, w + T, w + 2T, ...` and hands each over through its own
//! channel of capacity [`CHANNEL_CAPACITY`]; the writer takes page `p` from worker `p % T`.
//! Output order is therefore fixed, and since record `i` depends only on the seed and `i`, the
//! bytes are the same for every thread count and page size.
//!
//! What is in flight is bounded by bytes, not records: a page whose encoded records pass a
//! worker's share of the budget ([`IN_FLIGHT_BUDGET`] by default) is handed over in parts, each
//! written in turn, so a page of large records or of records with a million nested ones does
//! not have to fit in memory whole.
//!
//! Written parts go back to their worker to be filled again: a fresh multi-megabyte buffer per
//! page would cost the kernel a page fault and a zeroed page every 4 KiB, on every core.

use std::io::IsTerminal;
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};

use anyhow::{Result, anyhow};

use crate::sink::{PageOut, Sink};

/// Something that generates and encodes records by index.
pub trait Source: Sync {
    /// Generates records `range` and encodes them into `out`'s buffers (one per sink), calling
    /// [`Parts::record_done`] after each record, nested ones included.
    fn page(&self, range: Range<u64>, out: &mut Parts<'_>) -> Result<()>;

    /// Encodes a first record (index 0) only for its column names, for outputs that got no
    /// records (`count` 0): a nested generate of count 0 is sampled once.
    fn sample(&self, out: &mut Parts<'_>) -> Result<()> {
        self.page(0..1, out)
    }
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

/// The encoded bytes all workers may have made and the writer not yet written.
pub const IN_FLIGHT_BUDGET: usize = 64 << 20;

/// Finished parts each worker may have waiting for the writer.
pub const CHANNEL_CAPACITY: usize = 2;

/// The number of cores, the default thread count.
pub fn available_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The worker threads for a run: `requested`, but no more than the machine's cores (more
/// would only cost memory), saying so on standard error.
pub fn threads(requested: Option<usize>) -> usize {
    let cores = available_threads();
    match requested {
        None => cores,
        Some(n) if n > cores => {
            eprintln!(
                "datamimic: note: --threads {n} is more than the {cores} cores here; using {cores}"
            );
            cores
        }
        Some(n) => n.max(1),
    }
}

/// The buffers a [`Source`] encodes one page into, handed to the writer in parts when they
/// pass their share of the in-flight budget.
pub struct Parts<'w> {
    outs: Vec<PageOut>,
    handoff: Option<&'w mut Handoff>,
}

impl std::fmt::Debug for Parts<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parts")
            .field("sinks", &self.outs.len())
            .finish()
    }
}

/// The writer stopped listening (it failed): the worker stops quietly.
#[derive(Debug)]
struct WriterGone;

impl std::fmt::Display for WriterGone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the writer stopped")
    }
}

impl std::error::Error for WriterGone {}

impl Parts<'_> {
    /// Buffers that are never split, for `sinks` outputs.
    pub fn whole(sinks: usize) -> Parts<'static> {
        Parts {
            outs: (0..sinks).map(|_| PageOut::default()).collect(),
            handoff: None,
        }
    }

    /// One buffer per sink.
    pub fn outs(&mut self) -> &mut [PageOut] {
        &mut self.outs
    }

    /// The buffers.
    pub fn into_outs(self) -> Vec<PageOut> {
        self.outs
    }

    /// Hands the buffers to the writer if they pass their share of the budget.
    #[inline]
    pub fn record_done(&mut self) -> Result<()> {
        let Some(handoff) = self.handoff.as_deref_mut() else {
            return Ok(());
        };
        if weight(&self.outs) >= handoff.limit {
            let fresh = handoff.fresh();
            let full = std::mem::replace(&mut self.outs, fresh);
            handoff.send(full, false)?;
        }
        Ok(())
    }
}

fn weight(outs: &[PageOut]) -> usize {
    outs.iter().map(PageOut::weight).sum()
}

/// A finished part of a page; `last` ends the page.
struct Part {
    outs: Vec<PageOut>,
    last: bool,
}

/// A worker's end of its channels.
struct Handoff {
    tx: SyncSender<Result<Part>>,
    written: Receiver<Vec<PageOut>>,
    sinks: usize,
    /// Bytes at which a part is handed over.
    limit: usize,
    /// Room to reserve in a new buffer: about what the last part needed.
    capacity: usize,
    gauge: Arc<Gauge>,
}

impl Handoff {
    /// Empty buffers: written ones given back by the writer, or new ones.
    fn fresh(&mut self) -> Vec<PageOut> {
        match self.written.try_recv() {
            Ok(mut outs) => {
                outs.iter_mut().for_each(PageOut::clear);
                outs
            }
            Err(_) => (0..self.sinks)
                .map(|_| PageOut::with_capacity(self.capacity))
                .collect(),
        }
    }

    fn send(&mut self, outs: Vec<PageOut>, last: bool) -> Result<(), WriterGone> {
        let bytes = weight(&outs);
        self.capacity = outs
            .first()
            .map_or(0, |o| o.len() + o.len() / 8)
            .min(self.limit);
        self.gauge.add(bytes);
        self.tx
            .send(Ok(Part { outs, last }))
            .map_err(|_| WriterGone)
    }
}

/// The encoded bytes handed over and not yet written, and their peak.
#[derive(Debug, Default)]
struct Gauge {
    now: AtomicUsize,
    peak: AtomicUsize,
}

impl Gauge {
    fn add(&self, bytes: usize) {
        let now = self.now.fetch_add(bytes, Ordering::Relaxed) + bytes;
        self.peak.fetch_max(now, Ordering::Relaxed);
    }

    fn sub(&self, bytes: usize) {
        self.now.fetch_sub(bytes, Ordering::Relaxed);
    }
}

/// What a run measured.
#[derive(Debug, Clone, Copy)]
pub struct Stats {
    /// The most encoded bytes that were handed over and not yet written at one time.
    pub peak_in_flight: usize,
}

/// Runs `source` for `plan.count` records, writing every page to `sinks` in order.
pub fn run<S: Source>(source: &S, plan: Plan, sinks: &mut [Sink], label: &str) -> Result<()> {
    run_within(source, plan, sinks, label, IN_FLIGHT_BUDGET).map(drop)
}

/// [`run`] with at most about `budget` encoded bytes in flight (a record larger than a
/// worker's share is handed over whole).
pub fn run_within<S: Source>(
    source: &S,
    plan: Plan,
    sinks: &mut [Sink],
    label: &str,
    budget: usize,
) -> Result<Stats> {
    let page_size = plan.page_size.max(1);
    let pages = plan.count.div_ceil(page_size);
    let threads = (plan.threads.max(1) as u64).min(pages.max(1)) as usize;
    // Per worker: the parts in its channel, one it is blocked sending, and the one the writer
    // holds.
    let limit = (budget / (threads * (CHANNEL_CAPACITY + 2))).max(1);
    let bar = progress(plan.count, label);
    let n_sinks = sinks.len();
    let gauge = Arc::new(Gauge::default());
    std::thread::scope(|scope| -> Result<()> {
        let mut receivers = Vec::with_capacity(threads);
        let mut returns = Vec::with_capacity(threads);
        for worker in 0..threads {
            let (tx, rx) = sync_channel::<Result<Part>>(CHANNEL_CAPACITY);
            receivers.push(rx);
            let (return_tx, written) = channel::<Vec<PageOut>>();
            returns.push(return_tx);
            let mut handoff = Handoff {
                tx,
                written,
                sinks: n_sinks,
                limit,
                capacity: 0,
                gauge: Arc::clone(&gauge),
            };
            scope.spawn(move || {
                let mut page = worker as u64;
                while page < pages {
                    let start = page * page_size;
                    let end = (start + page_size).min(plan.count);
                    let outs = handoff.fresh();
                    let mut parts = Parts {
                        outs,
                        handoff: Some(&mut handoff),
                    };
                    let result = source.page(start..end, &mut parts);
                    let outs = parts.into_outs();
                    let sent = match result {
                        Ok(()) => handoff.send(outs, true).is_ok(),
                        Err(err) if err.is::<WriterGone>() => false,
                        Err(err) => {
                            let _ = handoff.tx.send(Err(err));
                            false
                        }
                    };
                    if !sent {
                        break;
                    }
                    page += threads as u64;
                }
            });
        }
        for page in 0..pages {
            let worker = (page % threads as u64) as usize;
            loop {
                let part = receivers[worker]
                    .recv()
                    .map_err(|_| anyhow!("a worker thread stopped unexpectedly"))??;
                for (sink, out) in sinks.iter_mut().zip(&part.outs) {
                    sink.write(out)?;
                }
                gauge.sub(weight(&part.outs));
                // A worker that has finished no longer listens; its parts are simply dropped.
                let _ = returns[worker].send(part.outs);
                if part.last {
                    break;
                }
            }
            bar.inc(page_size.min(plan.count - page * page_size));
        }
        bar.finish_and_clear();
        Ok(())
    })?;
    write_missing_headers(source, sinks)?;
    Ok(Stats {
        peak_in_flight: gauge.peak.load(Ordering::Relaxed),
    })
}

/// Gives the outputs that got no records (a count of 0) their column names: a CSV header, an
/// SQLite table.
fn write_missing_headers<S: Source>(source: &S, sinks: &mut [Sink]) -> Result<()> {
    if !sinks.iter().any(Sink::lacks_header) {
        return Ok(());
    }
    let mut parts = Parts::whole(sinks.len());
    source.sample(&mut parts)?;
    for (sink, mut out) in sinks.iter_mut().zip(parts.into_outs()) {
        if sink.lacks_header() {
            out.keep_header_only();
            sink.write(&out)?;
        }
    }
    Ok(())
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
        fn page(&self, range: Range<u64>, out: &mut Parts<'_>) -> Result<()> {
            for i in range {
                if i == 999_999 {
                    anyhow::bail!("record {i} fails");
                }
                for (e, o) in self.0.iter().zip(out.outs()) {
                    e.encode(i, &(i * i), o)?;
                }
                out.record_done()?;
            }
            Ok(())
        }
    }

    /// Record `i` is `i` followed by `i % 7` records of `pad` bytes nested in it.
    struct Nested {
        encoder: Encoder,
        pad: usize,
    }

    impl Source for Nested {
        fn page(&self, range: Range<u64>, out: &mut Parts<'_>) -> Result<()> {
            for i in range {
                self.encoder.encode(i, &i, &mut out.outs()[0])?;
                out.record_done()?;
                for j in 0..i % 7 {
                    let child = format!("{i}.{j}:{}", "x".repeat(self.pad));
                    self.encoder.encode(i, &child, &mut out.outs()[0])?;
                    out.record_done()?;
                }
            }
            Ok(())
        }
    }

    /// An NDJSON file `out.ndjson` in `dir`: its path, encoder and target.
    fn ndjson_target(dir: &std::path::Path) -> (std::path::PathBuf, Encoder, Target) {
        let path = dir.join("out.ndjson");
        let encoder = Encoder {
            format: Format::Ndjson,
            csv: Default::default(),
        };
        let target = Target::File {
            path: path.clone(),
            table: "t".into(),
        };
        (path, encoder, target)
    }

    fn nested_run(plan: Plan, budget: usize) -> (Vec<u8>, Stats) {
        let dir = std::env::temp_dir().join(format!(
            "datamimic-budget-{}-{}-{}-{budget}",
            std::process::id(),
            plan.page_size,
            plan.threads
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let (path, encoder, target) = ndjson_target(&dir);
        let mut sinks = vec![Sink::create(encoder.clone(), &target).unwrap()];
        let source = Nested {
            encoder,
            pad: 1_000,
        };
        let stats = run_within(&source, plan, &mut sinks, "test", budget).unwrap();
        sinks
            .pop()
            .unwrap()
            .finish()
            .unwrap()
            .unwrap()
            .commit()
            .unwrap();
        let bytes = std::fs::read(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        (bytes, stats)
    }

    #[test]
    fn in_flight_bytes_stay_within_the_budget() {
        // 2,000 records and their children hold about 6 MB, a page of 400 about 1.2 MB; the
        // budget is 256 KiB. A part may pass its share by one record (1 KB here).
        let budget = 256 << 10;
        let plan = |page_size, threads| Plan {
            count: 2_000,
            page_size,
            threads,
        };
        let (whole, unbounded) = nested_run(plan(400, 2), usize::MAX / 2);
        assert!(unbounded.peak_in_flight > 4 * budget, "{unbounded:?}");
        for (page_size, threads) in [(400, 2), (1, 3), (2_000, 1), (33, 4)] {
            let (bytes, stats) = nested_run(plan(page_size, threads), budget);
            assert!(
                stats.peak_in_flight <= budget + budget / 8,
                "{page_size} {threads}: {stats:?}"
            );
            assert!(stats.peak_in_flight > 0);
            assert!(bytes == whole, "{page_size} {threads}: the same bytes");
        }
    }

    fn run_to_file(count: u64, page_size: u64, threads: usize) -> Result<Vec<u8>> {
        let dir = std::env::temp_dir().join(format!(
            "datamimic-pipeline-{}-{count}-{page_size}-{threads}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir)?;
        let (path, encoder, target) = ndjson_target(&dir);
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
