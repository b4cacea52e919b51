//! Draws weighted values from any baked table and prints them as CSV.
//!
//! ```text
//! cargo run --example draw -- [TABLE] [DATASET] [COUNT] [SEED]
//! cargo run --example draw -- common/person/family_name DE 10 42
//! ```

use datamimic::{RecordStreams, tables};

fn main() {
    let mut args = std::env::args().skip(1);
    let key = args
        .next()
        .unwrap_or_else(|| "common/person/family_name".to_owned());
    let dataset = args.next().unwrap_or_else(|| "US".to_owned());
    let count: u64 = args
        .next()
        .map_or(Ok(10), |n| n.parse())
        .unwrap_or_else(|err| fail(&format!("COUNT: {err}")));
    let seed: u64 = args
        .next()
        .map_or(Ok(42), |n| n.parse())
        .unwrap_or_else(|err| fail(&format!("SEED: {err}")));

    let Some(family) = tables::ALL.iter().find(|f| f.key() == key) else {
        let keys: Vec<&str> = tables::ALL.iter().map(|f| f.key()).collect();
        fail(&format!(
            "unknown table `{key}`; the tables are: {}",
            keys.join(", ")
        ));
    };
    let table = family
        .resolve(&dataset)
        .unwrap_or_else(|err| fail(&err.to_string()));
    let streams = RecordStreams::new(seed);
    println!("{}", table.columns().join(","));
    for index in 0..count {
        let row = table.sample_row(&mut streams.record(index));
        let cells: Vec<&str> = (0..table.columns().len()).map(|c| row.cell(c)).collect();
        println!("{}", cells.join(","));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(2);
}
