//! A related set of 100,000 parents: keys stay consistent over the whole run, and the
//! command's memory stays flat, as much at 100,000 customers as at 10,000.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::Scratch;

/// Runs the binary with `args` in `dir`, expecting success; returns its peak resident memory
/// in kB (`VmHWM`, read from `/proc` until the process ends: the high-water mark never falls,
/// so the last reading is the peak up to a few milliseconds before the end).
fn peak_memory_kb(dir: &Path, args: &[&str]) -> u64 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_datamimic"))
        .args(args)
        .current_dir(dir)
        .env_remove("DATAMIMIC_STRICT_DATASET")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Some(hwm) = std::fs::read_to_string(&status_file)
            .ok()
            .and_then(|status| high_water_mark_kb(&status))
        {
            peak = peak.max(hwm);
        }
        if let Some(status) = child.try_wait().expect("the binary can be waited for") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "datamimic {args:?} failed: {stderr}");
    assert!(peak > 0, "no memory reading of datamimic {args:?}");
    peak
}

/// The `VmHWM` line of a `/proc/PID/status`, in kB (absent once the process has exited).
fn high_water_mark_kb(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Customers with one or two orders each (as far as each placed any), on two threads, in
/// pages of 1,000 so that a run of 10,000 is already as deep in its pipeline as a longer one.
fn shop(s: &Scratch, customers: u32, out: &str) -> u64 {
    let n = customers.to_string();
    peak_memory_kb(
        &s.0,
        &[
            "generate",
            "Customer",
            "-n",
            &n,
            "-s",
            "3",
            "--threads",
            "2",
            "--page-size",
            "1000",
            "--with",
            "Order=1..2",
            "-o",
            out,
        ],
    )
}

#[cfg(target_os = "linux")]
#[test]
fn a_hundred_thousand_customers_keep_their_keys_and_flat_memory() {
    let s = Scratch::new("related-scale");
    let small = shop(&s, 10_000, "small");
    let large = shop(&s, 100_000, "large");
    // A set kept in memory would take about 1 kB per row written: hundreds of MB here.
    assert!(
        large * 4 <= small * 5,
        "peak memory grows with the run: {small} kB for 10,000 customers, {large} kB for 100,000"
    );

    let mut customers = csv::Reader::from_path(s.path("large/Customer.csv")).unwrap();
    let headers = customers.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (row_id, customer_id, order_count) = (
        column("row_id"),
        column("customer_id"),
        column("order_count"),
    );
    // Per customer: its `customer_id` and how many orders it placed.
    let mut placed: Vec<(String, u32)> = Vec::with_capacity(100_000);
    for (i, record) in customers.records().enumerate() {
        let record = record.unwrap();
        assert_eq!(record[row_id].parse::<usize>().unwrap(), i + 1);
        placed.push((
            record[customer_id].to_owned(),
            record[order_count].parse().unwrap(),
        ));
    }
    assert_eq!(placed.len(), 100_000);

    let mut orders = csv::Reader::from_path(s.path("large/Order.csv")).unwrap();
    let headers = orders.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id, parent, user_id) = (column("id"), column("customer_row_id"), column("user_id"));
    let mut per_customer = vec![0u32; placed.len()];
    let mut last_parent = 0;
    let mut written = 0;
    for (k, record) in orders.records().enumerate() {
        let record = record.unwrap();
        assert_eq!(
            record[id].parse::<usize>().unwrap(),
            k + 1,
            "order ids run 1, 2, 3, ..."
        );
        let customer: usize = record[parent].parse().unwrap();
        assert!(
            (1..=placed.len()).contains(&customer),
            "order {} of customer {customer}",
            k + 1
        );
        assert!(
            customer >= last_parent,
            "a customer's orders follow it in order"
        );
        last_parent = customer;
        assert_eq!(
            record[user_id],
            placed[customer - 1].0,
            "order {} carries its customer's id",
            k + 1
        );
        per_customer[customer - 1] += 1;
        written += 1;
    }
    for (i, (&got, (_, placed))) in per_customer.iter().zip(&placed).enumerate() {
        // One or two asked of each, none beyond what the customer placed.
        assert!(
            (placed.min(&1)..=placed.min(&2)).contains(&&got),
            "customer {} placed {placed} orders and has {got}",
            i + 1
        );
    }
    assert!(written > 100_000, "{written} orders");
}
