//! Personal e-mail addresses built from a person's own names.

use std::borrow::Cow;

use crate::sample::below;
use crate::text::push_email_local_part;
use crate::{Context, PerDataset, Row, Table};

use super::lookup::Resolved;

/// `given.family`, `given_family`, `givenfamily` or `g.family` (datamimic-ce's forms, drawn
/// uniformly for want of statistics), folded by the country's rules, at one of the country's
/// weighted e-mail domains.
pub(crate) fn personal(
    ctx: &mut Context<'_>,
    resolved: &Resolved,
    given: Row,
    family: Row,
) -> String {
    let style = below(ctx.rng(), 4);
    let domain = resolved.email_domain.sample_row(ctx.rng()).value();
    let country = ctx.dataset().as_str();
    let names = LocalParts::of(ctx, resolved);
    let family = names.family.local_part(family, country);
    let given_part = match style {
        3 => None,
        _ => Some(names.given(given).local_part(given, country)),
    };
    let separator = match style {
        1 => "_",
        2 => "",
        _ => ".",
    };
    // An initial folds to at most two letters (`ß` → `ss`).
    let first_len = given_part.as_ref().map_or(2, |part| part.len());
    let mut email =
        String::with_capacity(first_len + separator.len() + family.len() + 1 + domain.len());
    match given_part {
        Some(part) => email.push_str(&part),
        None => push_initial(&mut email, given.value(), country),
    }
    // A part that folds to nothing takes its separator with it.
    if !family.is_empty() {
        if !email.is_empty() {
            email.push_str(separator);
        }
        email.push_str(&family);
    }
    email.push('@');
    email.push_str(domain);
    email
}

/// The local part of `given`'s first letter (`Ö` → `oe` in DE).
fn push_initial(out: &mut String, given: &str, country: &str) {
    match given.as_bytes().first() {
        // ASCII: kept lower-cased, or dropped, as `push_email_local_part` does.
        Some(&b) if b.is_ascii() => {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_') {
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        _ => {
            let initial = given.chars().next().map_or("", |c| &given[..c.len_utf8()]);
            push_email_local_part(out, &[initial], "", country);
        }
    }
}

/// The local part of every name of a dataset's name tables, folded once when the dataset
/// makes its first e-mail: folding costs more than the rest of the address.
#[derive(Debug)]
struct LocalParts {
    given_male: FoldedNames,
    given_female: FoldedNames,
    family: FoldedNames,
}

impl LocalParts {
    fn of(ctx: &Context<'_>, resolved: &Resolved) -> &'static LocalParts {
        static CACHE: PerDataset<LocalParts> = PerDataset::new();
        let code = ctx.dataset();
        CACHE.get_or_init(code, || {
            let country = code.as_str();
            LocalParts {
                given_male: FoldedNames::new(resolved.given_male, country),
                given_female: FoldedNames::new(resolved.given_female, country),
                family: FoldedNames::new(resolved.family_name, country),
            }
        })
    }

    /// The folded given names of `row`'s table.
    fn given(&self, row: Row) -> &FoldedNames {
        if std::ptr::eq(row.table(), self.given_female.table) {
            &self.given_female
        } else {
            &self.given_male
        }
    }
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
            let settings = Settings {
                dataset: DatasetCode::parse(code).unwrap(),
                ..Settings::seeded(3)
            };
            for i in 0..400 {
                let mut ctx = Context::new(&settings, i);
                let resolved = Resolved::of(&ctx);
                let table = [resolved.given_male, resolved.given_female][i as usize % 2];
                let given = table.row(i as usize * 7 % table.len());
                let family = resolved
                    .family_name
                    .row(i as usize * 13 % resolved.family_name.len());
                let email = personal(&mut ctx, resolved, given, family);
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
                let mut initial = String::new();
                push_initial(&mut initial, given, country);
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
