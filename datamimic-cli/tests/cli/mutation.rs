//! Property test: valid descriptors, mutated at random (truncated, elements duplicated, swapped
//! or dropped, numbers made huge, odd Unicode inserted, deep nesting), never make the command
//! panic, abort or hang, never leave a file behind when they fail, and always fail with a
//! message that names a position in the descriptor.
//!
//! `PROPTEST_CASES` sets the number of cases (default below); each case runs the binary once.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use proptest::prelude::*;

use crate::{Scratch, mutation_kit};

/// Valid descriptors covering the elements the parser knows, one element per line so that
/// line-level mutations move whole elements. Counts stay small: a mutated count is either
/// one of these or a value the command must refuse (see `NUMBERS`).
const SEEDS: &[&str] = &[
    r#"<setup rngSeed="42" defaultDataset="DE" defaultSeparator=",">
<echo>starting</echo>
<variable name="prefix" constant="P-"/>
<generate name="customers" count="20" target="JSON,CSV">
<variable name="p" entity="Person" ageMin="20" ageMax="30"/>
<variable name="tier" values="'gold','silver'" weights="1,3"/>
<key name="id" generator="IncrementGenerator"/>
<key name="name" script="p.full_name" converter="UpperCase"/>
<key name="greeting" script="f'Hello {name}!'"/>
<key name="score" type="int" min="1" max="6"/>
<key name="ratio" type="float" min="0" max="1"/>
<key name="code" pattern="[A-Z]{2}-[0-9]{4}"/>
<key name="secret" constant="abcdef" converter="MiddleMask(1,2)"/>
<key name="maybe" constant="x" nullQuota="0.5"/>
<condition>
<if condition="score > 4"><key name="level" constant="high"/></if>
<else><key name="level" constant="low"/></else>
</condition>
<nestedKey name="address" type="dict">
<key name="city" script="p.address.city"/>
</nestedKey>
<nestedKey name="orders" type="list" count="2">
<key name="sku" pattern="SKU-\d{4}"/>
</nestedKey>
<array name="lucky" count="3" type="int"/>
</generate>
</setup>"#,
    r#"<setup rngSeed="1">
<include uri="part.xml"/>
<generate name="parents" count="3" target="CSV,XML,NDJSON,SQLite">
<key name="id" generator="IncrementGenerator"/>
<generate name="children" count="2" target="CSV">
<key name="parent_id" script="parent.id"/>
<key name="n" generator="IncrementGenerator"/>
</generate>
</generate>
</setup>"#,
    r#"<setup>
<generate name="seeded_doctors" count="3" target="CSV">
<variable name="doc" entity="Doctor" dataset="US" ageMin="30" ageMax="45" rngSeed="1234"/>
<key name="full_name" script="doc.full_name"/>
<key name="age" script="doc.age"/>
<array name="certifications" script="doc.certifications"/>
</generate>
</setup>"#,
    r#"<setup rngSeed="5">
<generate name="values" count="10" target="CSV(delimiter=';', quoting='all'),NDJSON">
<key name="a" type="int" min="-5" max="5"/>
<key name="b" script="random_int(1, 9) * 2"/>
<key name="c" values="'x','y','z'"/>
<key name="d" script="a + b"/>
<key name="e" generator="FloatGenerator(min=1, max=5)"/>
</generate>
</setup>"#,
];

/// The included file of the second seed.
const PART: &str = r#"<setup><generate name="extra" count="2" target="NDJSON"><key name="k" constant="v"/></generate></setup>"#;

/// Replacements for a number in the text: small values, and values out of every range.
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "-1",
    "3",
    "0.5",
    "1e10",
    "1e400",
    "-1e400",
    "NaN",
    "99999999999999999999",
    "18446744073709551616",
    "-9223372036854775809",
    "1000000000",
];

/// A count of records is the one number that may legally be huge; a run asked for a billion
/// records is slow, not wrong, so generate counts only take the values that finish or fail.
const COUNT_LIMIT: usize = NUMBERS.len() - 1;

/// Odd text inserted at a random place.
const ODD: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\r",
    "\r\n",
    "²",
    "\u{202E}",
    "\u{FEFF}",
    "𝔘𝔫𝔦",
    "\u{FFFF}",
    "&",
    "<",
    "\"",
    "'",
    "]]>",
    "<!--",
    "{",
];

/// One random change to a descriptor.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the text at this fraction of its length.
    Truncate(f64),
    /// Repeat line `i` right after itself.
    DuplicateLine(usize),
    /// Swap lines `i` and `j`.
    SwapLines(usize, usize),
    /// Drop line `i`.
    DropLine(usize),
    /// Replace the `k`-th run of digits with `NUMBERS[n]`.
    Number(usize, usize),
    /// Insert `ODD[n]` at this fraction of the text.
    Insert(f64, usize),
    /// Wrap line `i` in `depth` nested keys or generates.
    Nest(usize, usize, bool),
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
            prop::sample::select(vec![1usize, 40, 300, 20_000]),
            any::<bool>()
        )
            .prop_map(|(i, depth, generate)| Mutation::Nest(i, depth, generate)),
    ]
}

/// The nearest char boundary at or below `at` of `text`.
fn boundary(text: &str, fraction: f64) -> usize {
    let mut at = ((text.len() as f64) * fraction) as usize;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    if lines.is_empty() {
        return text.to_owned();
    }
    let n = lines.len();
    match *m {
        Mutation::Truncate(f) => return text[..boundary(text, f)].to_owned(),
        Mutation::DuplicateLine(i) => {
            let line = lines[i % n].clone();
            lines.insert(i % n + 1, line);
        }
        Mutation::SwapLines(i, j) => lines.swap(i % n, j % n),
        Mutation::DropLine(i) => {
            lines.remove(i % n);
        }
        Mutation::Number(k, r) => {
            let runs = mutation_kit::digit_runs(text.as_bytes());
            if runs.is_empty() {
                return text.to_owned();
            }
            let (start, end) = runs[k % runs.len()];
            let element = &text[text[..start].rfind('<').unwrap_or(0)..start];
            let r = if element.starts_with("<generate") && element.ends_with("count=\"") {
                r % COUNT_LIMIT
            } else {
                r
            };
            return format!("{}{}{}", &text[..start], NUMBERS[r], &text[end..]);
        }
        Mutation::Insert(f, r) => {
            let at = boundary(text, f);
            return format!("{}{}{}", &text[..at], ODD[r], &text[at..]);
        }
        Mutation::Nest(i, depth, generate) => {
            let (open, close) = if generate {
                (r#"<generate name="g" count="1">"#, "</generate>")
            } else {
                (r#"<nestedKey name="n" type="dict">"#, "</nestedKey>")
            };
            let i = i % n;
            lines[i] = format!("{}{}{}", open.repeat(depth), lines[i], close.repeat(depth));
        }
    }
    lines.join("\n")
}

/// How long one run may take before it counts as a hang (debug build, busy machine).
const TIME_BOUND: Duration = Duration::from_secs(60);

/// What one run of the binary did.
struct Outcome {
    success: bool,
    stderr: String,
}

fn run(dir: &Path) -> Result<Outcome, TestCaseError> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_datamimic"))
        .args(["run", "d.xml", "--threads", "2"])
        .current_dir(dir)
        .env_remove("DATAMIMIC_STRICT_DATASET")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut stderr = String::new();
            std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr)
                .expect("stderr is UTF-8");
            // A signal (abort, stack overflow) leaves no exit code.
            prop_assert!(
                status.code().is_some(),
                "killed by a signal: {status}\n{stderr}"
            );
            return Ok(Outcome {
                success: status.success(),
                stderr,
            });
        }
        if start.elapsed() > TIME_BOUND {
            let _ = child.kill();
            let _ = child.wait();
            return Err(TestCaseError::fail(format!(
                "no answer after {TIME_BOUND:?}"
            )));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Whether `message` holds `name.xml:LINE:COL`.
fn has_position(message: &str) -> bool {
    message.match_indices(".xml:").any(|(at, _)| {
        let rest = &message[at + 5..];
        let mut parts = rest.splitn(3, ':');
        let line = parts.next().unwrap_or("");
        let col = parts.next().unwrap_or("");
        !line.is_empty()
            && line.bytes().all(|b| b.is_ascii_digit())
            && !col.is_empty()
            && col.bytes().all(|b| b.is_ascii_digit())
    })
}

proptest! {
    #![proptest_config(mutation_kit::config(400))]

    #[test]
    fn mutated_descriptors_fail_cleanly(
        seed in 0..SEEDS.len(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mut text = SEEDS[seed].to_owned();
        for m in &mutations {
            text = apply(&text, m);
        }
        let s = Scratch::new(&format!("mutation-{seed}"));
        s.write("d.xml", &text);
        s.write("part.xml", PART);
        let outcome = run(&s.0)?;
        prop_assert!(!outcome.stderr.contains("panicked"), "panic:\n{}", outcome.stderr);
        let leftovers: Vec<String> = s
            .files("output")
            .into_iter()
            .filter(|f| f.ends_with(".tmp") || f.starts_with('.'))
            .collect();
        prop_assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
        if !outcome.success {
            prop_assert!(
                s.files("output").is_empty(),
                "failed run left {:?}\n{}",
                s.files("output"),
                outcome.stderr
            );
            // Warnings may come first; the error is one line that names its place.
            let error = outcome
                .stderr
                .lines()
                .find(|l| l.starts_with("datamimic: error: "));
            prop_assert!(error.is_some(), "no error line in: {}", outcome.stderr);
            prop_assert!(has_position(error.unwrap()), "no position in: {}", outcome.stderr);
        }
    }
}
