//! Reading and validating one dataset CSV.
//!
//! Two shapes are accepted: headerless `value,weight` rows, and a header row naming the
//! columns, one of which is `weight`. A file is headered when its first row has a cell that is
//! exactly `weight`.

use crate::diagnostic::Diagnostic;
use crate::table_path::is_snake_case;
use crate::weight::{DecimalWeight, Weights, parse_decimal_weight};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// A validated dataset file: value columns, rows and integer weights.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawTable {
    /// Value column names; `["value"]` for a headerless file.
    pub columns: Vec<String>,
    /// One entry per data row, each with `columns.len()` cells.
    pub rows: Vec<Vec<String>>,
    /// The rows' weights, exactly.
    pub weights: Weights,
}

/// Parses `bytes` (the content of the file shown as `path` in messages), reporting every
/// problem found.
pub fn read_table(path: &str, bytes: &[u8]) -> Result<RawTable, Vec<Diagnostic>> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    if let Err(err) = std::str::from_utf8(bytes) {
        let line = bytes[..err.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
            + 1;
        return Err(vec![Diagnostic::at_line(
            path,
            line,
            "invalid UTF-8; dataset files must be UTF-8",
        )]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .comment(Some(b'#'))
        .from_reader(bytes);
    let mut problems = Vec::new();
    let mut layout: Option<Layout> = None;
    let mut rows = Vec::new();
    let mut weights = Vec::new();
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line());
                problems.push(Diagnostic::at_line(
                    path,
                    line,
                    format!("malformed CSV: {err}"),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        let layout = match &layout {
            Some(layout) => layout,
            None => match Layout::from_first_row(&cells) {
                Ok(Some(header)) => {
                    if let Err(message) = header.check_names() {
                        problems.push(Diagnostic::at_line(path, line, message));
                    }
                    layout = Some(header);
                    continue;
                }
                Ok(None) => layout.insert(Layout::headerless()),
                Err(message) => {
                    problems.push(Diagnostic::at_line(path, line, message));
                    return Err(problems);
                }
            },
        };
        match layout.split_row(&cells) {
            Ok((values, weight)) => match parse_decimal_weight(weight) {
                Ok(weight) => {
                    rows.push(values);
                    weights.push(weight);
                }
                Err(message) => problems.push(Diagnostic::at_line(path, line, message)),
            },
            Err(message) => problems.push(Diagnostic::at_line(path, line, message)),
        }
    }
    let Some(layout) = layout else {
        problems.push(Diagnostic::in_file(
            path,
            "table is empty: it has no data rows",
        ));
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    finish(layout, rows, &weights).map_err(|message| vec![Diagnostic::in_file(path, message)])
}

fn finish(
    layout: Layout,
    rows: Vec<Vec<String>>,
    weights: &[DecimalWeight],
) -> Result<RawTable, String> {
    if rows.is_empty() {
        return Err("table is empty: it has no data rows".to_owned());
    }
    if u32::try_from(rows.len()).is_err() {
        return Err("table has more than 2^32 rows".to_owned());
    }
    let weights = Weights::scale(weights)?;
    if weights.total == 0 {
        return Err("all weights are zero; at least one row needs a positive weight".to_owned());
    }
    Ok(RawTable {
        columns: layout.columns,
        rows,
        weights,
    })
}

/// Where the weight sits and what the value columns are called.
struct Layout {
    columns: Vec<String>,
    weight_index: usize,
    width: usize,
}

impl Layout {
    fn headerless() -> Layout {
        Layout {
            columns: vec!["value".to_owned()],
            weight_index: 1,
            width: 2,
        }
    }

    /// `Ok(Some(header))` for a header row, `Ok(None)` for a first data row of a headerless
    /// file, `Err` when the first row is neither.
    fn from_first_row(cells: &[&str]) -> Result<Option<Layout>, String> {
        if let Some(weight_index) = cells.iter().position(|&c| c == "weight") {
            let columns = cells
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != weight_index)
                .map(|(_, c)| (*c).to_owned())
                .collect();
            return Ok(Some(Layout {
                columns,
                weight_index,
                width: cells.len(),
            }));
        }
        let looks_like_header = cells.len() >= 2
            && cells.iter().all(|c| is_snake_case(c))
            && parse_decimal_weight(cells[cells.len() - 1]).is_err();
        if looks_like_header {
            return Err(format!(
                "the header row `{}` has no `weight` column; name the weight column `weight` \
                 (for example `city,state,weight`)",
                cells.join(",")
            ));
        }
        if cells.len() != 2 {
            return Err(format!(
                "expected two columns `value,weight` in a file without a header, found {}; \
                 add a header row with a `weight` column for more columns",
                cells.len()
            ));
        }
        Ok(None)
    }

    fn check_names(&self) -> Result<(), String> {
        if self.columns.is_empty() {
            return Err(
                "the header has only a `weight` column; add at least one value column".to_owned(),
            );
        }
        for (i, name) in self.columns.iter().enumerate() {
            if !is_snake_case(name) || name == "weight" {
                return Err(format!(
                    "column name `{name}` must be lower snake_case and unique (for example `postal_code`)"
                ));
            }
            if self.columns[..i].contains(name) {
                return Err(format!("column `{name}` appears twice in the header"));
            }
        }
        Ok(())
    }

    fn split_row<'a>(&self, cells: &[&'a str]) -> Result<(Vec<String>, &'a str), String> {
        if cells.len() != self.width {
            return Err(format!(
                "row has {} columns, expected {} ({})",
                cells.len(),
                self.width,
                if self.width == 2 && self.columns == ["value"] {
                    "value,weight".to_owned()
                } else {
                    "as in the header".to_owned()
                }
            ));
        }
        let values = cells
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != self.weight_index)
            .map(|(_, c)| (*c).to_owned())
            .collect();
        Ok((values, cells[self.weight_index]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<RawTable, Vec<String>> {
        read_table("t.csv", text.as_bytes())
            .map_err(|ds| ds.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reads_headerless_with_bom_crlf_and_comments() {
        let table = read("\u{feff}# source: test\r\nMüller,265025\r\nSchmidt, 193708\r\n").unwrap();
        assert_eq!(table.columns, ["value"]);
        assert_eq!(table.rows, [["Müller"], ["Schmidt"]]);
        assert_eq!(table.weights.scaled, [265025, 193708]);
    }

    #[test]
    fn reads_headered_tuples_and_keeps_leading_zeros() {
        let table =
            read("city,state,postal_code,weight\nDresden,SN,01067,37.4\nAach,RP,54298,0.5\n")
                .unwrap();
        assert_eq!(table.columns, ["city", "state", "postal_code"]);
        assert_eq!(table.rows[0], ["Dresden", "SN", "01067"]);
        assert_eq!(table.weights.scaled, [374, 5]);
    }

    #[test]
    fn weight_column_may_be_anywhere() {
        let table = read("weight,code\n3,a\n1,b\n").unwrap();
        assert_eq!(table.rows, [["a"], ["b"]]);
        assert_eq!(table.weights.scaled, [3, 1]);
    }

    #[test]
    fn reports_every_bad_row() {
        let errors = read("a,1\nb,-2\nc,NaN\nd,x\ne\nf,\n").unwrap_err();
        assert_eq!(errors.len(), 5, "{errors:?}");
        assert!(errors[0].starts_with("t.csv:2: ") && errors[0].contains("negative"));
        assert!(errors[1].starts_with("t.csv:3: ") && errors[1].contains("finite"));
        assert!(errors[2].starts_with("t.csv:4: ") && errors[2].contains("`x`"));
        assert!(errors[3].starts_with("t.csv:5: ") && errors[3].contains("1 columns"));
        assert!(errors[4].starts_with("t.csv:6: ") && errors[4].contains("missing weight"));
    }

    #[test]
    fn reports_table_level_problems() {
        assert!(read("# only a comment\n").unwrap_err()[0].contains("empty"));
        assert!(read("a,0\nb,0\n").unwrap_err()[0].contains("all weights are zero"));
        assert!(read("city,state\nx,y\n").unwrap_err()[0].contains("no `weight` column"));
        assert!(read("city,weight\n").unwrap_err()[0].contains("empty"));
        assert!(read("a,b,c,1\n").unwrap_err()[0].contains("expected two columns"));
        let ragged = read("city,state,weight\nx,y,1\nz,2\n").unwrap_err();
        assert!(ragged[0].starts_with("t.csv:3: row has 2 columns, expected 3"));
        let bad_utf8 = read_table("t.csv", b"a,1\nb\xff,2\n").unwrap_err();
        assert_eq!(
            bad_utf8[0].to_string(),
            "t.csv:2: invalid UTF-8; dataset files must be UTF-8"
        );
    }
}
