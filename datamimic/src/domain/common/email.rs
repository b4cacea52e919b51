//! Personal e-mail addresses built from a person's own names.

use crate::Context;
use crate::sample::below;
use crate::text::push_email_local_part;

use super::lookup::Resolved;

/// `given.family`, `given_family`, `givenfamily` or `g.family` (datamimic-ce's forms, drawn
/// uniformly for want of statistics), folded by the country's rules, at one of the country's
/// weighted e-mail domains.
pub(crate) fn personal(
    ctx: &mut Context<'_>,
    resolved: &Resolved,
    given: &str,
    family: &str,
) -> String {
    let style = below(ctx.rng(), 4);
    let domain = resolved.email_domain.sample_row(ctx.rng()).value();
    let (first, separator) = match style {
        0 => (given, "."),
        1 => (given, "_"),
        2 => (given, ""),
        _ => (
            given.chars().next().map_or("", |c| &given[..c.len_utf8()]),
            ".",
        ),
    };
    let mut email = String::with_capacity(first.len() + family.len() + domain.len() + 2);
    push_email_local_part(
        &mut email,
        &[first, family],
        separator,
        ctx.dataset().as_str(),
    );
    email.push('@');
    email.push_str(domain);
    email
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Settings;
    use crate::text::email_local_part;

    #[test]
    fn emails_take_one_of_the_four_styles() {
        let settings = Settings::seeded(3);
        for i in 0..200 {
            let mut ctx = Context::new(&settings, i);
            let resolved = Resolved::of(&ctx);
            let email = personal(&mut ctx, resolved, "Mary-Ann", "O'Neil");
            let local = email.split('@').next().unwrap();
            let expected = [
                email_local_part(&["Mary-Ann", "O'Neil"], ".", "US"),
                email_local_part(&["Mary-Ann", "O'Neil"], "_", "US"),
                email_local_part(&["Mary-Ann", "O'Neil"], "", "US"),
                email_local_part(&["M", "O'Neil"], ".", "US"),
            ];
            assert!(expected.iter().any(|e| e == local), "{email}");
        }
    }
}
