//! Property test: valid dataset files, mutated at random (truncated, rows duplicated, swapped or
//! dropped, numbers made huge, odd bytes and Unicode inserted, very wide rows), never make the
//! bake panic; it either succeeds or fails with every message naming the file.
//!
//! `PROPTEST_CASES` and `PROPTEST_RNG_SEED` explore further than the fixed default cases.

use std::path::PathBuf;

use datamimic_codegen::{BakeOptions, bake};
use proptest::prelude::*;

use crate::mutation_kit;

/// Valid tables of both shapes, with the comment, BOM and CRLF forms the rules allow.
const SEEDS: &[(&str, &str)] = &[
    (
        "person/name_US.csv",
        "# Source: a note\nSmith,2442977\nJohnson,1932812\nO'Brien,0.0025\n",
    ),
    (
        "address/city_DE.csv",
        "city,state_code,postal_code,area_code,weight\nDresden,SN,01067,351,5210\nAach,BW,78267,7774,2.5\n\"Halle, Saale\",ST,06108,345,0\n",
    ),
    (
        "net/domain.csv",
        "\u{feff}value,weight\r\nexample.com,37.4\r\nmail.test,1\r\n",
    ),
];

const NUMBERS: &[&str] = &[
    "-1",
    "0",
    "NaN",
    "inf",
    "1e10",
    "18446744073709551616",
    "99999999999999999999999999999999999999",
    "0.0000000000000000000001",
    "1.5.5",
];

const ODD: &[&[u8]] = &[
    b"\0",
    b"\xff",
    b"\xc3",
    b"\r",
    b"\n",
    b",",
    b"\"",
    b"#",
    "²".as_bytes(),
    "\u{202E}".as_bytes(),
    "\u{FEFF}".as_bytes(),
];

#[derive(Debug, Clone)]
enum Mutation {
    Truncate(f64),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    DropLine(usize),
    Number(usize, usize),
    Insert(f64, usize),
    /// Repeat the cells of a line this many times (very wide or ragged rows).
    Widen(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (0.0..1.0f64).prop_map(Mutation::Truncate),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mutation::SwapLines(i, j)),
        any::<usize>().prop_map(Mutation::DropLine),
        (any::<usize>(), 0..NUMBERS.len()).prop_map(|(k, n)| Mutation::Number(k, n)),
        (0.0..1.0f64, 0..ODD.len()).prop_map(|(at, n)| Mutation::Insert(at, n)),
        (
            any::<usize>(),
            prop::sample::select(vec![2usize, 10, 5_000])
        )
            .prop_map(|(i, n)| Mutation::Widen(i, n)),
    ]
}

fn apply(bytes: &[u8], m: &Mutation) -> Vec<u8> {
    let mut lines: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    match *m {
        Mutation::Truncate(f) => return bytes[..(bytes.len() as f64 * f) as usize].to_vec(),
        Mutation::DuplicateLine(i) => {
            let line = lines[i % n].clone();
            lines.insert(i % n, line);
        }
        Mutation::SwapLines(i, j) => lines.swap(i % n, j % n),
        Mutation::DropLine(i) => {
            lines.remove(i % n);
        }
        Mutation::Number(k, r) => {
            let runs = mutation_kit::digit_runs(bytes);
            if runs.is_empty() {
                return bytes.to_vec();
            }
            let (start, end) = runs[k % runs.len()];
            return [&bytes[..start], NUMBERS[r].as_bytes(), &bytes[end..]].concat();
        }
        Mutation::Insert(f, r) => {
            let at = (bytes.len() as f64 * f) as usize;
            return [&bytes[..at], ODD[r], &bytes[at..]].concat();
        }
        Mutation::Widen(i, times) => {
            let line = lines[i % n].clone();
            let mut wide = line.clone();
            for _ in 1..times {
                wide.push(b',');
                wide.extend_from_slice(&line);
            }
            lines[i % n] = wide;
        }
    }
    lines.join(&b'\n')
}

proptest! {
    #![proptest_config(mutation_kit::config(500))]

    #[test]
    fn mutated_datasets_bake_or_fail_naming_the_file(
        seed in 0..SEEDS.len(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let (path, text) = SEEDS[seed];
        let mut bytes = text.as_bytes().to_vec();
        for m in &mutations {
            bytes = apply(&bytes, m);
        }
        let dir: PathBuf = std::env::temp_dir()
            .join(format!("datamimic-it-{}-mutated-{seed}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, &bytes).unwrap();
        let result = std::panic::catch_unwind(|| bake(&BakeOptions::user(&dir)).map(drop));
        std::fs::remove_dir_all(&dir).unwrap();
        match result {
            Err(_) => prop_assert!(false, "the bake panicked on {:?}", String::from_utf8_lossy(&bytes)),
            Ok(Ok(())) => {}
            Ok(Err(diagnostics)) => {
                let lines = diagnostics.lines();
                prop_assert!(!lines.is_empty());
                let named = format!("datasets/{path}");
                for line in &lines {
                    prop_assert!(line.starts_with(&named), "{line} does not name {named}");
                }
            }
        }
    }
}
