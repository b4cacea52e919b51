//! DATAMIMIC `locale` values (`de_DE`, `en-US`, `fr`) read as dataset codes: the country part
//! names the dataset; a bare language names one only where a single country is its home.

/// Languages whose locale without a country names one dataset. Languages spoken as a
/// national language in several countries with their own datasets (`en`, `pt`, `zh`, ...)
/// are left out: their locale must name the country.
const LANGUAGE_DATASETS: &[(&str, &str)] = &[
    ("cs", "CZ"),
    ("da", "DK"),
    ("de", "DE"),
    ("es", "ES"),
    ("fi", "FI"),
    ("fr", "FR"),
    ("it", "IT"),
    ("ja", "JP"),
    ("ko", "KR"),
    ("nl", "NL"),
    ("pl", "PL"),
    ("sk", "SK"),
    ("sl", "SI"),
    ("sv", "SE"),
    ("tr", "TR"),
    ("uk", "UA"),
    ("vi", "VN"),
];

/// The dataset code `locale` stands for, or why it stands for none.
pub fn dataset_of_locale(locale: &str) -> Result<String, String> {
    let trimmed = locale.trim();
    // `de_DE.UTF-8` and `de_DE@euro` name the same country.
    let base = trimmed.split(['.', '@']).next().unwrap_or(trimmed);
    let mut parts = base.split(['_', '-']);
    let language = parts.next().unwrap_or("");
    let country = parts.next();
    let letters = |s: &str, lengths: &[usize]| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
    };
    if !letters(language, &[2, 3]) || parts.next().is_some() {
        return Err(format!(
            "unknown locale `{locale}`; expected a language and country such as `de_DE` or `en_US`"
        ));
    }
    match country {
        Some(country) if letters(country, &[2]) => Ok(country.to_ascii_uppercase()),
        Some(_) => Err(format!(
            "unknown locale `{locale}`: the country part must be two letters, as in `de_DE`"
        )),
        None => LANGUAGE_DATASETS
            .iter()
            .find(|(lang, _)| lang.eq_ignore_ascii_case(language))
            .map(|(_, code)| (*code).to_owned())
            .ok_or_else(|| {
                format!(
                    "locale `{locale}` names no single country; add the country, as in `en_US` \
                     or `de_DE`"
                )
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::dataset_of_locale;

    #[test]
    fn country_part_names_the_dataset() {
        assert_eq!(dataset_of_locale("de_DE").unwrap(), "DE");
        assert_eq!(dataset_of_locale("en-us").unwrap(), "US");
        assert_eq!(dataset_of_locale("de_DE.UTF-8").unwrap(), "DE");
        assert_eq!(dataset_of_locale("fr").unwrap(), "FR");
    }

    #[test]
    fn ambiguous_or_malformed_locales_are_refused() {
        assert!(
            dataset_of_locale("en")
                .unwrap_err()
                .contains("no single country")
        );
        assert!(dataset_of_locale("german").is_err());
        assert!(dataset_of_locale("de_DEU").is_err());
        assert!(dataset_of_locale("").is_err());
        assert!(dataset_of_locale("de_DE_x").is_err());
    }
}
