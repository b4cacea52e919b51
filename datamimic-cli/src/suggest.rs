//! "Did you mean" suggestions for misspelt names.

/// `"; did you mean `x`?"` for the candidate closest to `name`, if one is close enough.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    candidates
        .into_iter()
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
