//! Personal e-mail addresses built from a person's own names.

use std::borrow::Cow;

use crate::sample::below;
use crate::text::push_email_local_part;
use crate::{Context, Row, Table};

use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts};

use super::lookup::Resolved;

/// A person's e-mail address (`mary.oneil@gmail.com`): their folded names and a domain, kept
/// as parts and written out on demand, so that making one allocates nothing.
///
/// ```
/// use datamimic::domain::common::PersonService;
///
/// let person = PersonService::new("DE")?.seed(3).generate();
/// let email = person.email.to_string();
/// assert_eq!(email.matches('@').count(), 1);
/// assert!(person.email == *email);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct PersonalEmail {
    pub(crate) first: Cow<'static, str>,
    pub(crate) separator: &'static str,
    pub(crate) family: Cow<'static, str>,
    pub(crate) domain: &'static str,
}

impl PersonalEmail {
    /// The part after the `@`.
    pub fn domain(&self) -> &'static str {
        self.domain
    }

    /// The address's length in bytes.
    pub fn len(&self) -> usize {
        self.first.len() + self.separator.len() + self.family.len() + 1 + self.domain.len()
    }

    /// Always `false`: an address has at least its `@`.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl TextParts for PersonalEmail {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put(&self.first);
        put(self.separator);
        put(&self.family);
        put("@");
        put(self.domain);
    }
}

display_and_serialize_by_parts!(PersonalEmail);

impl PartialEq<str> for PersonalEmail {
    fn eq(&self, other: &str) -> bool {
        let mut rest = other;
        let mut equal = other.len() == self.len();
        self.for_each_part(&mut |part| {
            equal = equal && rest.starts_with(part);
            if equal {
                rest = &rest[part.len()..];
            }
        });
        equal
    }
}

/// `given.family`, `given_family`, `givenfamily` or `g.family` (datamimic-ce's forms, drawn
/// uniformly for want of statistics), folded by the country's rules, at one of the country's
/// weighted e-mail domains.
pub(crate) fn personal(
    ctx: &mut Context<'_>,
    resolved: &&Resolved,
    given: &Row,
    family: &Row,
) -> PersonalEmail {
    let (resolved, given, family) = (*resolved, *given, *family);
    let style = below(ctx.rng(), 4);
    let domain = resolved.email_domain.sample_row(ctx.rng()).value();
    let country = ctx.dataset().as_str();
    let names = LocalParts::of(resolved);
    let family = names.family(family).local_part(family, country);
    let first = match style {
        3 => initial(given.value(), country),
        _ => names.given(given).local_part(given, country),
    };
    // A part that folds to nothing takes its separator with it.
    let separator = match style {
        _ if first.is_empty() || family.is_empty() => "",
        1 => "_",
        2 => "",
        _ => ".",
    };
    PersonalEmail {
        first,
        separator,
        family,
        domain,
    }
}

/// The local part of `given`'s first letter (`Ö` → `oe` in DE).
fn initial(given: &str, country: &str) -> Cow<'static, str> {
    const KEPT: &str = "0123456789abcdefghijklmnopqrstuvwxyz-_";
    match given.as_bytes().first() {
        // ASCII: kept lower-cased, or dropped, as `push_email_local_part` does.
        Some(&b) if b.is_ascii() => {
            let at = match b.to_ascii_lowercase() {
                d @ b'0'..=b'9' => usize::from(d - b'0'),
                l @ b'a'..=b'z' => 10 + usize::from(l - b'a'),
                b'-' => 36,
                b'_' => 37,
                _ => return Cow::Borrowed(""),
            };
            Cow::Borrowed(&KEPT[at..=at])
        }
        _ => {
            let initial = given.chars().next().map_or("", |c| &given[..c.len_utf8()]);
            let mut out = String::new();
            push_email_local_part(&mut out, &[initial], "", country);
            Cow::Owned(out)
        }
    }
}

/// The local part of every name of a dataset's name tables, folded once when the dataset
/// makes its first e-mail: folding costs more than the rest of the address.
#[derive(Debug)]
pub(super) struct LocalParts {
    /// The given-name tables: male, female, then the by-decade tables if any.
    given: Vec<FoldedNames>,
    /// The family-name table, then its female forms if any.
    family: Vec<FoldedNames>,
}

impl LocalParts {
    /// The local parts of `resolved`'s dataset, kept with its tables.
    #[inline]
    fn of(resolved: &Resolved) -> &LocalParts {
        resolved
            .local_parts
            .get_or_init(|| LocalParts::fold(resolved))
    }

    fn fold(resolved: &Resolved) -> LocalParts {
        let country = resolved.dataset.as_str();
        let by_decade = resolved.given_by_decade.iter().flatten();
        let given = [resolved.given_male, resolved.given_female]
            .into_iter()
            .chain(by_decade.map(|cohorts| cohorts.table()))
            .map(|table| FoldedNames::new(table, country))
            .collect();
        let family = std::iter::once(resolved.family_name)
            .chain(resolved.family_name_female)
            .map(|table| FoldedNames::new(table, country))
            .collect();
        LocalParts { given, family }
    }

    /// The folded given names of `row`'s table.
    fn given(&self, row: Row) -> &FoldedNames {
        of_table(&self.given, row)
    }

    /// The folded family names of `row`'s table.
    fn family(&self, row: Row) -> &FoldedNames {
        of_table(&self.family, row)
    }
}

/// The folded names of `row`'s table, or the first list (which folds a foreign row on the
/// spot).
fn of_table(lists: &[FoldedNames], row: Row) -> &FoldedNames {
    lists
        .iter()
        .find(|names| std::ptr::eq(row.table(), names.table))
        .unwrap_or(&lists[0])
}

/// The e-mail local part of each value of one table, in row order.
#[derive(Debug)]
struct FoldedNames {
    table: &'static Table,
    parts: Vec<&'static str>,
}

impl FoldedNames {
    fn new(table: &'static Table, country: &str) -> FoldedNames {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(table.len());
        for row in table.iter() {
            push_email_local_part(&mut text, &[row.value()], "", country);
            ends.push(text.len());
        }
        // Kept for the rest of the process by the static cache anyway; leaking the text lets
        // a record take its slice without the char-boundary checks of slicing a `String`.
        let text: &'static str = text.leak();
        let starts = std::iter::once(0).chain(ends.iter().copied());
        let parts = starts
            .zip(ends.iter())
            .map(|(start, &end)| &text[start..end])
            .collect();
        FoldedNames { table, parts }
    }

    /// The local part of `row`'s value: the folded one if `row` is from this table.
    #[inline]
    fn local_part(&self, row: Row, country: &str) -> Cow<'static, str> {
        match self.parts.get(row.index()) {
            Some(&part) if std::ptr::eq(row.table(), self.table) => Cow::Borrowed(part),
            _ => {
                let mut part = String::new();
                push_email_local_part(&mut part, &[row.value()], "", country);
                Cow::Owned(part)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::email_local_part;
    use crate::{DatasetCode, Settings};

    #[test]
    fn emails_take_one_of_the_four_styles() {
        for code in ["US", "DE", "SE", "VN", "LI"] {
            let settings = Settings::seeded(3).with_dataset(DatasetCode::parse(code).unwrap());
            for i in 0..400 {
                let mut ctx = Context::new(&settings, i);
                let resolved = Resolved::of(&ctx);
                let table = [resolved.given_male, resolved.given_female][i as usize % 2];
                let given = table.row(i as usize * 7 % table.len());
                let family = resolved
                    .family_name
                    .row(i as usize * 13 % resolved.family_name.len());
                let email = personal(&mut ctx, &resolved, &given, &family);
                assert!(email == *email.to_string());
                let email = email.to_string();
                let local = email.split('@').next().unwrap();
                let (g, f) = (given.value(), family.value());
                let initial = &g[..g.chars().next().unwrap().len_utf8()];
                let expected = [
                    email_local_part(&[g, f], ".", code),
                    email_local_part(&[g, f], "_", code),
                    email_local_part(&[g, f], "", code),
                    email_local_part(&[initial, f], ".", code),
                ];
                assert!(expected.iter().any(|e| e == local), "{email}");
            }
        }
    }

    #[test]
    fn initials_fold_like_whole_names() {
        for given in [
            "Anna", "anna", "Östen", "Ærø", "'Amr", "-Jo", "_x", "9", "", "ẞ",
        ] {
            for country in ["DE", "SE"] {
                let initial = initial(given, country);
                let first = given.chars().next().map_or("", |c| &given[..c.len_utf8()]);
                assert_eq!(initial, email_local_part(&[first], "", country), "{given}");
            }
        }
    }

    #[test]
    fn rows_of_other_tables_are_folded_on_the_spot() {
        let resolved = Resolved::of(&Context::new(&Settings::seeded(1), 0));
        let names = FoldedNames::new(resolved.family_name, "DE");
        let german = crate::tables::COMMON_PERSON_FAMILY_NAME
            .resolve("DE")
            .unwrap();
        let other = german.iter().find(|r| !r.value().is_ascii()).unwrap();
        assert_eq!(
            names.local_part(other, "DE"),
            email_local_part(&[other.value()], "", "DE")
        );
    }
}
