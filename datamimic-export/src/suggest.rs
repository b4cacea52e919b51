//! "Did you mean" suggestions for misspelt names.

/// `"; did you mean `x`?"` for the candidate closest to `name`, if one is close enough and is
/// not `name` itself (a name that is already right needs another explanation, not itself).
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
        .filter(|c| *c != name)
        .map(|c| {
            (
                strsim::jaro_winkler(&name.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(score, c)| {
            *score > 0.8 || (name.len() > 2 && strsim::damerau_levenshtein(name, c) <= 1)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("; did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_other_name() {
        let params = ["delimiter", "separator", "quotechar", "quoting"];
        assert_eq!(
            did_you_mean("quotchar", params).as_deref(),
            Some("; did you mean `quotechar`?")
        );
        assert_eq!(
            did_you_mean("Quotechar", params).as_deref(),
            Some("; did you mean `quotechar`?")
        );
        assert_eq!(did_you_mean("zzz", params), None);
    }

    #[test]
    fn never_suggests_the_name_given() {
        assert_eq!(did_you_mean("quotechar", ["quotechar"]), None);
        assert_eq!(
            did_you_mean("quoting", ["quoting", "quotings"]).as_deref(),
            Some("; did you mean `quotings`?")
        );
    }
}
