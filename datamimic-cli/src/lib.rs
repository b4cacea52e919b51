//! The `datamimic` command line: argument parsing and progress over
//! [`datamimic_export`] (`generate`, `list`) and [`datamimic_descriptor`] (`run`).
//!
//! ```text
//! datamimic generate Person -n 1000000 --dataset DE --seed 42 -f csv -o people.csv
//! datamimic run datamimic.xml --output-dir output
//! datamimic list entities|datasets|tables
//! ```

pub mod cli;
