//! Table keys and country codes from dataset file paths.
//!
//! `common/person/given_name_male_DE.csv` is the `DE` variant of the table
//! `common/person/given_name_male`; a file without a suffix is a table that does not vary by
//! country.

use crate::iso3166::is_country_code;

/// A dataset file's table key and country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TablePath {
    /// `common/person/given_name_male`
    pub key: String,
    /// `Some("DE")`, or `None` for a table that does not vary by country.
    pub country: Option<String>,
}

/// Splits a path relative to the datasets directory (with `/` separators, ending in `.csv`)
/// into its table key and country, or explains what is wrong with the name.
pub fn parse_table_path(relative: &str) -> Result<TablePath, String> {
    let stem = relative
        .strip_suffix(".csv")
        .ok_or_else(|| "dataset files must end in `.csv`".to_owned())?;
    let (dir, file) = match stem.rsplit_once('/') {
        Some((dir, file)) => (Some(dir), file),
        None => (None, stem),
    };
    let (name, country) = match file.rsplit_once('_') {
        Some((name, suffix))
            if suffix.len() == 2 && suffix.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            if !is_country_code(suffix) {
                return Err(format!(
                    "country suffix `{suffix}` is not an upper-case ISO 3166-1 alpha-2 code \
                     (for example `_DE`, `_US`)"
                ));
            }
            (name, Some(suffix.to_owned()))
        }
        _ => (file, None),
    };
    for segment in dir.into_iter().flat_map(|d| d.split('/')).chain([name]) {
        if !is_snake_case(segment) {
            return Err(format!(
                "`{segment}` in the table name must be lower snake_case (letters, digits, `_`)"
            ));
        }
    }
    let key = match dir {
        Some(dir) => format!("{dir}/{name}"),
        None => name.to_owned(),
    };
    Ok(TablePath { key, country })
}

/// Lower snake_case: starts with a letter, then lower-case letters, digits and underscores.
pub(crate) fn is_snake_case(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_key_and_country() {
        let p = parse_table_path("common/person/given_name_male_DE.csv").unwrap();
        assert_eq!(p.key, "common/person/given_name_male");
        assert_eq!(p.country.as_deref(), Some("DE"));
        let p = parse_table_path("common/geo/country.csv").unwrap();
        assert_eq!((p.key.as_str(), p.country), ("common/geo/country", None));
        let p = parse_table_path("departments.csv").unwrap();
        assert_eq!(p.key, "departments");
    }

    #[test]
    fn rejects_bad_suffixes_and_names() {
        assert!(parse_table_path("a/b_XX.csv").unwrap_err().contains("`XX`"));
        assert!(parse_table_path("a/b_de.csv").unwrap_err().contains("`de`"));
        assert!(
            parse_table_path("a/Bad_DE.csv")
                .unwrap_err()
                .contains("snake_case")
        );
        assert!(parse_table_path("a/b.txt").is_err());
    }
}
