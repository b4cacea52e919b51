//! What an unknown generator or converter name is: one of DATAMIMIC's that datamimic lacks
//! yet, or a misspelling of a known one. Suggestions compare the names without their common
//! `Generator`/`Converter` ending, so `DomainGenerator` is not "close" to `FloatGenerator`
//! just because both end in `Generator`.

use datamimic_export::suggest::did_you_mean;

/// DATAMIMIC CE's built-in generators (its reference, 4.3).
const DATAMIMIC_GENERATORS: &[&str] = &[
    "AcademicTitleGenerator",
    "BinaryGenerator",
    "BirthdateGenerator",
    "BooleanGenerator",
    "CNPJGenerator",
    "CPFGenerator",
    "ColorGenerator",
    "CompanyNameGenerator",
    "DataFakerGenerator",
    "DateTimeGenerator",
    "DepartmentNameGenerator",
    "DomainGenerator",
    "EANGenerator",
    "EmailAddressGenerator",
    "FamilyNameGenerator",
    "FloatGenerator",
    "GenderGenerator",
    "GivenNameGenerator",
    "GlobalIncrementGenerator",
    "HashGenerator",
    "IncrementGenerator",
    "IntegerGenerator",
    "NobilityTitleGenerator",
    "PasswordGenerator",
    "PhoneNumberGenerator",
    "PrefixedIdGenerator",
    "SSNGenerator",
    "SectorGenerator",
    "SequenceTableGenerator",
    "StateTransitionGenerator",
    "StreetNameGenerator",
    "StringGenerator",
    "TokenGenerator",
    "UUIDGenerator",
    "UrlGenerator",
];

/// DATAMIMIC CE's built-in converters.
const DATAMIMIC_CONVERTERS: &[&str] = &[
    "Append",
    "CutLength",
    "Date2Timestamp",
    "DateFormat",
    "Hash",
    "JavaHash",
    "LowerCase",
    "Mask",
    "MiddleMask",
    "RemoveNoneOrEmptyElement",
    "Substring",
    "Timestamp2Date",
    "UpperCase",
];

/// Why `name` is no known `kind` (`generator` or `converter`), for the error message.
pub(super) fn unknown(name: &str, known: &[&str], kind: &str) -> String {
    let theirs = if kind == "generator" {
        DATAMIMIC_GENERATORS
    } else {
        DATAMIMIC_CONVERTERS
    };
    let list = format!("; known {kind}s: {}", known.join(", "));
    if theirs.contains(&name) {
        return format!("DATAMIMIC's {kind} `{name}` is not supported yet{list}");
    }
    let ending = if kind == "generator" {
        "Generator"
    } else {
        "Converter"
    };
    let stem = |n: &'_ str| -> String { n.strip_suffix(ending).unwrap_or(n).to_owned() };
    let stems: Vec<String> = known.iter().map(|k| stem(k)).collect();
    // The suggestion names a stem (between backticks): shown as its full name.
    let hint = did_you_mean(&stem(name), stems.iter().map(String::as_str)).and_then(|hint| {
        let suggested = hint.split('`').nth(1)?;
        let full = known.iter().zip(&stems).find(|(_, s)| *s == suggested)?.0;
        Some(format!("; did you mean `{full}`?"))
    });
    format!("unknown {kind} `{name}`{}", hint.unwrap_or(list))
}
