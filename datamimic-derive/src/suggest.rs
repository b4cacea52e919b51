//! "Did you mean" suggestions for misspelt names.

/// Up to three candidates closest to `wanted`, best first: exact suffix matches (the user left
/// out the domain path), then small edit distances.
pub(crate) fn closest<'a>(wanted: &str, candidates: &'a [String]) -> Vec<&'a str> {
    let mut scored: Vec<(usize, &str)> = candidates
        .iter()
        .filter_map(|c| {
            let last = c.rsplit('/').next().unwrap_or(c);
            let distance = if c.ends_with(&format!("/{wanted}")) {
                0
            } else {
                edit_distance(wanted, c).min(edit_distance(wanted, last) + 1)
            };
            let limit = (wanted.chars().count() / 3).max(2);
            (distance <= limit).then_some((distance, c.as_str()))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, c)| c).collect()
}

/// The tail of an error about an unknown `wanted`: "; did you mean `best`?" when a name is
/// close, else `fallback` (a list of the names, say, or nothing).
pub(crate) fn did_you_mean(
    wanted: &str,
    names: &[String],
    fallback: impl FnOnce() -> String,
) -> String {
    match closest(wanted, names).first() {
        Some(best) => format!("; did you mean `{best}`?"),
        None => fallback(),
    }
}

/// Names as a list for a message: `` `a`, `b`, `c` ``.
pub(crate) fn quoted_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Levenshtein distance in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        let names: Vec<String> = [
            "common/person/family_name",
            "common/person/given_name_male",
            "departments",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(
            closest("family_name", &names),
            ["common/person/family_name"]
        );
        assert_eq!(
            closest("common/person/famly_name", &names),
            ["common/person/family_name"]
        );
        assert_eq!(closest("departmnts", &names), ["departments"]);
        assert!(closest("zzz", &names).is_empty());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
