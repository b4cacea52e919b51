//! Benchmarks of datamimic.

fn main() {}
