//! `datasets/MANIFEST.csv`: one reviewable line per baked file, so a data change shows up as
//! a one-line diff (the role of ICU4X's `fingerprints.csv`).
//!
//! The crate's own manifest also carries each table's provenance label, read from
//! `datasets/PROVENANCE.txt` (a sidecar, so the extraction scripts that rewrite the CSVs need
//! not know about labels). A user crate's manifest in `OUT_DIR` has no label column.

use std::collections::BTreeMap;
use std::fmt;

use crate::bake::BakedTable;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Renders the manifest for `tables` (already sorted by key and country).
pub fn render_manifest(tables: &[BakedTable]) -> String {
    let mut out = String::from("table,country,rows,total_weight,hash\n");
    for t in tables {
        out.push_str(&format!(
            "{},{},{},{},{:016x}\n",
            t.key, t.country, t.rows, t.total_weight, t.hash
        ));
    }
    out
}

/// Renders the manifest with a `label` column. Every table needs a label and every label line
/// must name a baked table, so the sidecar cannot drift from the datasets.
pub fn render_labelled_manifest(
    tables: &[BakedTable],
    labels: &ProvenanceLabels,
) -> Result<String, Diagnostics> {
    let mut out = String::from("table,country,rows,total_weight,hash,label\n");
    let mut diagnostics = Diagnostics::default();
    let mut used = vec![false; labels.lines.len()];
    for t in tables {
        match labels.find(&t.key, &t.country) {
            Some(index) => {
                used[index] = true;
                out.push_str(&format!(
                    "{},{},{},{},{:016x},{}\n",
                    t.key, t.country, t.rows, t.total_weight, t.hash, labels.lines[index].label
                ));
            }
            None => diagnostics.push(Diagnostic::in_file(
                &labels.shown,
                format!(
                    "no provenance label for `{}` {}",
                    t.key,
                    country_or_none(&t.country)
                ),
            )),
        }
    }
    for (line, used) in labels.lines.iter().zip(used) {
        if !used {
            diagnostics.push(Diagnostic::at_line(
                &labels.shown,
                line.line,
                format!("`{}` {} is not a baked table", line.key, line.scope),
            ));
        }
    }
    if diagnostics.is_empty() {
        Ok(out)
    } else {
        Err(diagnostics)
    }
}

fn country_or_none(country: &str) -> String {
    if country.is_empty() {
        "(no country)".to_owned()
    } else {
        country.to_owned()
    }
}

/// Where a table's weights come from (the four labels of `datasets/SOURCES.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProvenanceLabel {
    /// A named statistic: its publisher and year.
    Published,
    /// Computed from published data by a script in `datasets/tools/`.
    Derived,
    /// A code list or rule: ISO, ICD, BLZ, numbering plans, grammar.
    Structural,
    /// Hand-set, uniform, or figures of undocumented origin.
    Illustrative,
}

impl ProvenanceLabel {
    /// Every label, in the order above.
    pub const ALL: [ProvenanceLabel; 4] = [
        ProvenanceLabel::Published,
        ProvenanceLabel::Derived,
        ProvenanceLabel::Structural,
        ProvenanceLabel::Illustrative,
    ];

    /// The label as written in the sidecar and the manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            ProvenanceLabel::Published => "published",
            ProvenanceLabel::Derived => "derived",
            ProvenanceLabel::Structural => "structural",
            ProvenanceLabel::Illustrative => "illustrative",
        }
    }

    /// Parses a label as written in the sidecar.
    pub fn parse(text: &str) -> Option<ProvenanceLabel> {
        Self::ALL.into_iter().find(|label| label.as_str() == text)
    }
}

impl fmt::Display for ProvenanceLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which tables of a key a sidecar line labels.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// Every table of the key that no country line names (`*`).
    Rest,
    /// The table without a country (`-`).
    NoCountry,
    /// The table of one country.
    Country(String),
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Rest => f.write_str("*"),
            Scope::NoCountry => f.write_str("(no country)"),
            Scope::Country(country) => f.write_str(country),
        }
    }
}

#[derive(Debug, Clone)]
struct LabelLine {
    key: String,
    scope: Scope,
    label: ProvenanceLabel,
    line: u64,
}

/// The parsed `datasets/PROVENANCE.txt`: lines `table label country...` where a country is an
/// ISO code, `-` for a table without a country, or `*` for every country no other line names.
/// `#` starts a comment.
#[derive(Debug, Clone)]
pub struct ProvenanceLabels {
    shown: String,
    lines: Vec<LabelLine>,
}

impl ProvenanceLabels {
    /// Parses the sidecar; `shown` is its path in messages. Unknown labels, malformed lines and
    /// a table labelled twice are reported as `path:line: message`.
    pub fn parse(shown: &str, text: &str) -> Result<ProvenanceLabels, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let mut lines = Vec::new();
        let mut seen: BTreeMap<(String, String), u64> = BTreeMap::new();
        for (index, raw) in text.lines().enumerate() {
            let number = index as u64 + 1;
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            let words: Vec<&str> = content.split_whitespace().collect();
            if words.len() < 3 {
                diagnostics.push(Diagnostic::at_line(
                    shown,
                    number,
                    "expected `table label country...` (a country, `-` or `*`)",
                ));
                continue;
            }
            let Some(label) = ProvenanceLabel::parse(words[1]) else {
                diagnostics.push(Diagnostic::at_line(
                    shown,
                    number,
                    format!(
                        "unknown label `{}`; expected published, derived, structural or illustrative",
                        words[1]
                    ),
                ));
                continue;
            };
            for word in &words[2..] {
                let scope = match *word {
                    "*" => Scope::Rest,
                    "-" => Scope::NoCountry,
                    code if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                        Scope::Country(code.to_owned())
                    }
                    other => {
                        diagnostics.push(Diagnostic::at_line(
                            shown,
                            number,
                            format!("`{other}` is not a country code, `-` or `*`"),
                        ));
                        continue;
                    }
                };
                let id = (words[0].to_owned(), scope.to_string());
                if let Some(first) = seen.insert(id, number) {
                    diagnostics.push(Diagnostic::at_line(
                        shown,
                        number,
                        format!("`{}` {scope} is already labelled on line {first}", words[0]),
                    ));
                    continue;
                }
                lines.push(LabelLine {
                    key: words[0].to_owned(),
                    scope,
                    label,
                    line: number,
                });
            }
        }
        if diagnostics.is_empty() {
            Ok(ProvenanceLabels {
                shown: shown.to_owned(),
                lines,
            })
        } else {
            Err(diagnostics)
        }
    }

    /// The label of the table `key` of `country` (empty for none), if a line gives one.
    pub fn label(&self, key: &str, country: &str) -> Option<ProvenanceLabel> {
        self.find(key, country).map(|index| self.lines[index].label)
    }

    fn find(&self, key: &str, country: &str) -> Option<usize> {
        let exact = |scope: &Scope| match scope {
            Scope::NoCountry => country.is_empty(),
            Scope::Country(code) => code == country,
            Scope::Rest => false,
        };
        let of_key = || self.lines.iter().enumerate().filter(|(_, l)| l.key == key);
        of_key()
            .find(|(_, l)| exact(&l.scope))
            .or_else(|| of_key().find(|(_, l)| l.scope == Scope::Rest))
            .map(|(index, _)| index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(key: &str, country: &str) -> BakedTable {
        BakedTable {
            key: key.to_owned(),
            country: country.to_owned(),
            source: String::new(),
            columns: Vec::new(),
            rows: 2,
            total_weight: "3".to_owned(),
            hash: 1,
        }
    }

    #[test]
    fn a_country_line_wins_over_the_rest() {
        let labels =
            ProvenanceLabels::parse("p", "a/b illustrative *\na/b published US # Census\n")
                .unwrap();
        assert_eq!(labels.label("a/b", "US"), Some(ProvenanceLabel::Published));
        assert_eq!(
            labels.label("a/b", "DE"),
            Some(ProvenanceLabel::Illustrative)
        );
        assert_eq!(labels.label("a/c", "DE"), None);
        let manifest =
            render_labelled_manifest(&[table("a/b", "DE"), table("a/b", "US")], &labels).unwrap();
        assert_eq!(
            manifest,
            "table,country,rows,total_weight,hash,label\n\
             a/b,DE,2,3,0000000000000001,illustrative\n\
             a/b,US,2,3,0000000000000001,published\n"
        );
    }

    #[test]
    fn bad_lines_are_reported_with_their_line() {
        let err = ProvenanceLabels::parse("p", "a/b real US\na/b derived\nc/d derived DE DE\n")
            .unwrap_err();
        let lines = err.lines();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("p:1: unknown label `real`"));
        assert!(lines[1].starts_with("p:2: expected"));
        assert!(lines[2].contains("p:3: `c/d` DE is already labelled on line 3"));
    }

    #[test]
    fn unlabelled_tables_and_stale_lines_are_errors() {
        let labels = ProvenanceLabels::parse("p", "\n\nx/y derived -\n").unwrap();
        let err = render_labelled_manifest(&[table("a/b", "US")], &labels).unwrap_err();
        assert_eq!(
            err.lines(),
            vec![
                "p: no provenance label for `a/b` US".to_owned(),
                "p:3: `x/y` (no country) is not a baked table".to_owned()
            ]
        );
    }
}
