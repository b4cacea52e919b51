//! Text helpers for e-mail addresses, user names and URLs.

/// Folds text to ASCII by the writing rules of `country`: in German-speaking countries (DE, AT,
/// CH, LI, LU) umlauts are transcribed (`Müller` → `Mueller`); elsewhere accented Latin letters
/// lose their accents (`Ångström` → `Angstrom`, `José` → `Jose`). `ß` becomes `ss`, ligatures
/// are spelt out, and characters without an ASCII form are dropped.
///
/// ```
/// use datamimic::text::ascii_fold;
/// assert_eq!(ascii_fold("Müller", "DE"), "Mueller");
/// assert_eq!(ascii_fold("Müller", "SE"), "Muller");
/// assert_eq!(ascii_fold("Ångström", "SE"), "Angstrom");
/// assert_eq!(ascii_fold("Straße", "DE"), "Strasse");
/// assert_eq!(ascii_fold("Nguyễn Thị", "VN"), "Nguyen Thi");
/// ```
pub fn ascii_fold(text: &str, country: &str) -> String {
    fold(text, transcribes_umlauts(country), false)
}

/// [`ascii_fold`] and lower-case in one pass (`Müller` → `mueller` for DE).
///
/// ```
/// use datamimic::text::ascii_fold_lowercase;
/// assert_eq!(ascii_fold_lowercase("Jürgen.MÜLLER@Example.com", "DE"), "juergen.mueller@example.com");
/// ```
pub fn ascii_fold_lowercase(text: &str, country: &str) -> String {
    fold(text, transcribes_umlauts(country), true)
}

fn transcribes_umlauts(country: &str) -> bool {
    matches!(country, "DE" | "AT" | "CH" | "LI" | "LU")
}

/// Folds `text` to ASCII (German umlaut transcription when `german`), optionally lower-cased.
pub(crate) fn fold(text: &str, german: bool, lowercase: bool) -> String {
    if text.is_ascii() {
        // The common case, done a word at a time by the standard library.
        return if lowercase {
            text.to_ascii_lowercase()
        } else {
            text.to_owned()
        };
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(if lowercase { c.to_ascii_lowercase() } else { c });
        } else {
            let folded = fold_char(c, german);
            if lowercase {
                out.extend(folded.chars().map(|f| f.to_ascii_lowercase()));
            } else {
                out.push_str(folded);
            }
        }
    }
    out
}

/// An e-mail local part from name parts: each folded to lower-case ASCII by the country's
/// rules, keeping letters, digits, `-` and `_`, joined by `separator`.
///
/// ```
/// use datamimic::text::email_local_part;
/// assert_eq!(email_local_part(&["Jürgen", "Müller-Lüdenscheidt"], ".", "DE"), "juergen.mueller-luedenscheidt");
/// assert_eq!(email_local_part(&["Anna", "Ångström"], ".", "SE"), "anna.angstrom");
/// ```
pub fn email_local_part(parts: &[&str], separator: &str, country: &str) -> String {
    let mut out = String::new();
    push_email_local_part(&mut out, parts, separator, country);
    out
}

/// [`email_local_part`] appended to `out`, folding straight into it (no allocation per part).
#[doc(hidden)] // For datamimic's domains.
pub fn push_email_local_part(out: &mut String, parts: &[&str], separator: &str, country: &str) {
    let german = transcribes_umlauts(country);
    let origin = out.len();
    for part in parts {
        let start = out.len();
        if start > origin {
            out.push_str(separator);
        }
        let before = out.len();
        if part
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
        {
            // Most names: nothing to fold or drop, so copy and lower-case in place.
            out.push_str(part);
            out[before..].make_ascii_lowercase();
        } else {
            push_folded_local_part(out, part, german);
        }
        if out.len() == before {
            out.truncate(start);
        }
    }
}

/// `part` folded to ASCII and filtered to the characters a local part keeps, appended to `out`.
fn push_folded_local_part(out: &mut String, part: &str, german: bool) {
    for c in part.chars() {
        if c.is_ascii() {
            push_local_char(out, c);
        } else {
            fold_char(c, german)
                .chars()
                .for_each(|f| push_local_char(out, f));
        }
    }
}

/// `c` lower-cased if an e-mail local part keeps it (ASCII letters, digits, `-`, `_`).
#[inline]
fn push_local_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() || matches!(c, '-' | '_') {
        out.push(c.to_ascii_lowercase());
    }
}

#[doc(hidden)] // For datamimic's domains.
pub fn fold_char(c: char, german: bool) -> &'static str {
    match c {
        'ä' if german => "ae",
        'ö' if german => "oe",
        'ü' if german => "ue",
        'Ä' if german => "Ae",
        'Ö' if german => "Oe",
        'Ü' if german => "Ue",
        'ä' => "a",
        'ö' => "o",
        'ü' => "u",
        'Ä' => "A",
        'Ö' => "O",
        'Ü' => "U",
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "Ae",
        'ø' => "o",
        'Ø' => "O",
        'œ' => "oe",
        'Œ' => "Oe",
        'þ' => "th",
        'Þ' => "Th",
        'ð' => "d",
        'Ð' | 'Đ' => "D",
        'đ' => "d",
        'ł' => "l",
        'Ł' => "L",
        'ı' => "i",
        _ => base_letter(c),
    }
}

/// The base letter of a precomposed Latin letter with diacritics (`é` → `e`, `Å` → `A`,
/// `ễ` → `e`), or nothing for characters without one.
fn base_letter(c: char) -> &'static str {
    const GROUPS: &[(&str, &str)] = &[
        ("a", "àáâãåāăąǎạảấầẩẫậắằẳẵặ"),
        ("A", "ÀÁÂÃÅĀĂĄǍẠẢẤẦẨẪẬẮẰẲẴẶ"),
        ("c", "çćĉċč"),
        ("C", "ÇĆĈĊČ"),
        ("d", "ď"),
        ("D", "Ď"),
        ("e", "èéêëēĕėęěẹẻẽếềểễệ"),
        ("E", "ÈÉÊËĒĔĖĘĚẸẺẼẾỀỂỄỆ"),
        ("g", "ĝğġģ"),
        ("G", "ĜĞĠĢ"),
        ("h", "ĥħ"),
        ("H", "ĤĦ"),
        ("i", "ìíîïĩīĭįǐỉị"),
        ("I", "ÌÍÎÏĨĪĬĮǏỈỊİ"),
        ("j", "ĵ"),
        ("J", "Ĵ"),
        ("k", "ķ"),
        ("K", "Ķ"),
        ("l", "ĺļľŀ"),
        ("L", "ĹĻĽĿ"),
        ("n", "ñńņňŉ"),
        ("N", "ÑŃŅŇ"),
        ("o", "òóôõōŏőǒơọỏốồổỗộớờởỡợ"),
        ("O", "ÒÓÔÕŌŎŐǑƠỌỎỐỒỔỖỘỚỜỞỠỢ"),
        ("r", "ŕŗř"),
        ("R", "ŔŖŘ"),
        ("s", "śŝşšș"),
        ("S", "ŚŜŞŠȘ"),
        ("t", "ţťŧț"),
        ("T", "ŢŤŦȚ"),
        ("u", "ùúûũūŭůűųǔưụủứừửữự"),
        ("U", "ÙÚÛŨŪŬŮŰŲǓƯỤỦỨỪỬỮỰ"),
        ("w", "ŵ"),
        ("W", "Ŵ"),
        ("y", "ýÿŷỳỵỷỹ"),
        ("Y", "ÝŸŶỲỴỶỸ"),
        ("z", "źżž"),
        ("Z", "ŹŻŽ"),
    ];
    GROUPS
        .iter()
        .find(|(_, accented)| accented.contains(c))
        .map_or("", |(base, _)| base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copying_path_matches_the_folding_path() {
        for part in ["Smith", "O-Neil", "mary_ann", "X9", "ABC", "de-la-Cruz"] {
            let mut copied = String::new();
            push_email_local_part(&mut copied, &[part], ".", "US");
            let mut folded = String::new();
            push_folded_local_part(&mut folded, part, false);
            assert_eq!(copied, folded, "{part}");
        }
        assert_eq!(
            email_local_part(&["O'Neil", "Mc Kay"], ".", "US"),
            "oneil.mckay"
        );
        assert_eq!(email_local_part(&["'", "Lee"], "_", "US"), "lee");
        assert_eq!(email_local_part(&["Zoë", "Ñúñez"], "", "ES"), "zoenunez");
    }
}
