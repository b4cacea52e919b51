//! IBANs (ISO 13616): the country's layout, national check digits where the BBAN has them, and
//! the two IBAN check digits by ISO 7064 mod 97-10.
//!
//! Build one from a bank code and an account number ([`from_parts`]), from a whole BBAN
//! ([`from_bban`]), or with a random account number at a given bank ([`random`]); check one with
//! [`validate`]; print it in groups of four with [`format`](fn@format).
//!
//! ```
//! use datamimic::ident::iban;
//! let de = iban::from_parts("DE", "37040044", "532013000").unwrap();
//! assert_eq!(de, "DE89370400440532013000");
//! assert_eq!(iban::format(&de), "DE89 3704 0044 0532 0130 00");
//! assert!(iban::is_valid("GB82 WEST 1234 5698 7654 32"));
//! ```

use rand::Rng;

use crate::ident::digits::{self, value};
use crate::ident::{IdError, luhn};
use crate::sample::below;

const WHAT: &str = "IBAN";

/// Which characters a BBAN field holds (the `n`, `a` and `c` of the SWIFT IBAN registry).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `n`: digits.
    Digit,
    /// `a`: upper-case letters.
    Upper,
    /// `c`: upper-case letters and digits.
    Alnum,
}

impl Class {
    fn admits(self, b: u8) -> bool {
        match self {
            Class::Digit => b.is_ascii_digit(),
            Class::Upper => b.is_ascii_uppercase(),
            Class::Alnum => b.is_ascii_digit() || b.is_ascii_uppercase(),
        }
    }

    fn expected(self) -> &'static str {
        match self {
            Class::Digit => "a digit",
            Class::Upper => "an upper-case letter",
            Class::Alnum => "a digit or an upper-case letter",
        }
    }
}

/// National check digits inside the BBAN, computed from the bank code and account number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum National {
    /// France: the RIB key over bank, branch and account.
    Rib,
    /// Spain: two mod-11 digits, one over bank and branch, one over the account.
    Spain,
    /// Italy: the CIN letter over ABI, CAB and account.
    Cin,
    /// Belgium: the first ten digits mod 97 (0 written as 97).
    Belgium,
    /// Portugal: the NIB's two mod-97 digits.
    Portugal,
}

/// One field of a BBAN, in order.
#[derive(Debug, Clone, Copy)]
enum Field {
    /// Part of the bank code (bank and, where the registry has one, branch or sort code).
    Bank(u8, Class),
    /// The account number (left-padded with zeros when given shorter).
    Account(u8, Class),
    /// National check digits.
    Check(u8, National),
}

/// A country's BBAN layout, from the SWIFT IBAN registry.
#[derive(Debug)]
struct Layout {
    country: &'static str,
    fields: &'static [Field],
}

use Class::{Alnum, Digit, Upper};
use Field::{Account, Bank, Check};

/// Sorted by country code.
const LAYOUTS: &[Layout] = &[
    Layout {
        country: "AT",
        fields: &[Bank(5, Digit), Account(11, Digit)],
    },
    Layout {
        country: "BE",
        fields: &[
            Bank(3, Digit),
            Account(7, Digit),
            Check(2, National::Belgium),
        ],
    },
    Layout {
        country: "CH",
        fields: &[Bank(5, Digit), Account(12, Alnum)],
    },
    Layout {
        country: "CZ",
        fields: &[Bank(4, Digit), Account(16, Digit)],
    },
    Layout {
        country: "DE",
        fields: &[Bank(8, Digit), Account(10, Digit)],
    },
    Layout {
        country: "DK",
        fields: &[Bank(4, Digit), Account(10, Digit)],
    },
    Layout {
        country: "ES",
        fields: &[
            Bank(8, Digit),
            Check(2, National::Spain),
            Account(10, Digit),
        ],
    },
    Layout {
        country: "FI",
        fields: &[Bank(3, Digit), Account(11, Digit)],
    },
    Layout {
        country: "FR",
        fields: &[Bank(10, Digit), Account(11, Alnum), Check(2, National::Rib)],
    },
    Layout {
        country: "GB",
        fields: &[Bank(4, Upper), Bank(6, Digit), Account(8, Digit)],
    },
    Layout {
        country: "IE",
        fields: &[Bank(4, Upper), Bank(6, Digit), Account(8, Digit)],
    },
    Layout {
        country: "IT",
        fields: &[Check(1, National::Cin), Bank(10, Digit), Account(12, Alnum)],
    },
    Layout {
        country: "LI",
        fields: &[Bank(5, Digit), Account(12, Alnum)],
    },
    Layout {
        country: "LU",
        fields: &[Bank(3, Digit), Account(13, Alnum)],
    },
    Layout {
        country: "NL",
        fields: &[Bank(4, Upper), Account(10, Digit)],
    },
    Layout {
        country: "NO",
        fields: &[Bank(4, Digit), Account(7, Digit)],
    },
    Layout {
        country: "PL",
        fields: &[Bank(8, Digit), Account(16, Digit)],
    },
    Layout {
        country: "PT",
        fields: &[
            Bank(8, Digit),
            Account(11, Digit),
            Check(2, National::Portugal),
        ],
    },
    Layout {
        country: "SE",
        fields: &[Bank(3, Digit), Account(17, Digit)],
    },
];

impl Layout {
    fn length(&self) -> usize {
        4 + self
            .fields
            .iter()
            .map(|f| usize::from(f.len()))
            .sum::<usize>()
    }

    fn bank_len(&self) -> usize {
        self.fields
            .iter()
            .map(|f| {
                if let Bank(n, _) = f {
                    usize::from(*n)
                } else {
                    0
                }
            })
            .sum()
    }

    fn account(&self) -> (usize, Class) {
        self.fields
            .iter()
            .find_map(|f| {
                if let Account(n, class) = f {
                    Some((usize::from(*n), *class))
                } else {
                    None
                }
            })
            .unwrap_or((0, Digit))
    }
}

impl Field {
    fn len(self) -> u8 {
        match self {
            Bank(n, _) | Account(n, _) | Check(n, _) => n,
        }
    }
}

fn layout(country: &str) -> Result<&'static Layout, IdError> {
    LAYOUTS
        .iter()
        .find(|l| l.country.eq_ignore_ascii_case(country))
        .ok_or_else(|| IdError::UnknownCountry(country.to_owned()))
}

/// The layout of the upper-case code `country`, without building an error and with the code
/// compared as one number: for the per-record path, where most countries (the US) have no IBAN.
#[cfg(feature = "finance")]
fn layout_of_code(country: &str) -> Option<&'static Layout> {
    const CODES: [u16; LAYOUTS.len()] = {
        let mut codes = [0u16; LAYOUTS.len()];
        let mut i = 0;
        while i < LAYOUTS.len() {
            let b = LAYOUTS[i].country.as_bytes();
            codes[i] = u16::from_be_bytes([b[0], b[1]]);
            i += 1;
        }
        codes
    };
    let &[a, b] = country.as_bytes() else {
        return None;
    };
    CODES
        .binary_search(&u16::from_be_bytes([a, b]))
        .ok()
        .map(|i| &LAYOUTS[i])
}

/// The country codes with a known IBAN layout, in alphabetical order.
///
/// ```
/// use datamimic::ident::iban;
/// assert!(iban::countries().any(|c| c == "DE"));
/// ```
pub fn countries() -> impl Iterator<Item = &'static str> {
    LAYOUTS.iter().map(|l| l.country)
}

/// The length of `country`'s IBANs, or `None` for a country without a known layout.
///
/// ```
/// use datamimic::ident::iban;
/// assert_eq!(iban::length("DE"), Some(22));
/// assert_eq!(iban::length("BE"), Some(16));
/// assert_eq!(iban::length("US"), None);
/// ```
pub fn length(country: &str) -> Option<usize> {
    layout(country).ok().map(Layout::length)
}

/// The two check digits (2 to 98) of the IBAN of `country` with this BBAN.
///
/// ```
/// use datamimic::ident::iban;
/// assert_eq!(iban::check_digits("DE", "370400440532013000"), Ok(89));
/// ```
pub fn check_digits(country: &str, bban: &str) -> Result<u8, IdError> {
    let layout = layout(country)?;
    check_bban(layout, bban.as_bytes(), 0)?;
    Ok(iso_check_digits(layout.country, bban.as_bytes()))
}

/// The IBAN of `country` with this BBAN (bank code, account number and any national check
/// digits, as the country writes them).
///
/// ```
/// use datamimic::ident::iban;
/// assert_eq!(iban::from_bban("GB", "WEST12345698765432").unwrap(), "GB82WEST12345698765432");
/// ```
pub fn from_bban(country: &str, bban: &str) -> Result<String, IdError> {
    let layout = layout(country)?;
    check_bban(layout, bban.as_bytes(), 0)?;
    Ok(assemble(layout.country, bban))
}

/// The IBAN of the account `account` at the bank `bank_code` in `country`.
///
/// `bank_code` is the bank part of the BBAN: the German BLZ (8 digits), the Austrian or Swiss
/// bank code (5), for GB and IE the four letters of the BIC followed by the sort code
/// (`WEST123456`), for FR bank and branch code (10 digits), for ES entity and branch (8), for IT
/// ABI and CAB (10), for PL the bank's 8-digit branch number. Spaces and hyphens are ignored, so
/// `12-34-56` works. A shorter `account` is left-padded with zeros (German accounts are up to
/// ten digits). National check digits are computed where the BBAN has them (FR RIB key, ES
/// *dígitos de control*, IT CIN, BE, PT); account-internal checks (NL 11-test, SE, GB modulus
/// checking, ...) are the caller's.
///
/// ```
/// use datamimic::ident::iban;
/// assert_eq!(iban::from_parts("GB", "WEST 12-34-56", "98765432").unwrap(), "GB82WEST12345698765432");
/// assert_eq!(iban::from_parts("FR", "2004101005", "0500013M026").unwrap(), "FR1420041010050500013M02606");
/// assert_eq!(iban::from_parts("ES", "21000418", "0200051332").unwrap(), "ES9121000418450200051332");
/// assert_eq!(iban::from_parts("IT", "0542811101", "000000123456").unwrap(), "IT60X0542811101000000123456");
/// assert_eq!(iban::from_parts("BE", "539", "0075470").unwrap(), "BE68539007547034");
/// assert_eq!(iban::from_parts("PT", "00020123", "12345678901").unwrap(), "PT50000201231234567890154");
/// assert!(iban::from_parts("DE", "3704004", "532013000").is_err());
/// ```
pub fn from_parts(country: &str, bank_code: &str, account: &str) -> Result<String, IdError> {
    let layout = layout(country)?;
    let bank = digits::without(bank_code, &[' ', '-']);
    digits::ascii(&bank, "bank code")?;
    digits::ascii(account, "account number")?;
    let bank_len = layout.bank_len();
    if bank.chars().count() != bank_len {
        return Err(IdError::Length {
            what: "bank code",
            found: bank.chars().count(),
            expected: bank_len.to_string(),
        });
    }
    let (account_len, account_class) = layout.account();
    let found = account.chars().count();
    if found > account_len {
        return Err(IdError::Length {
            what: "account number",
            found,
            expected: format!("at most {account_len}"),
        });
    }
    let mut padded = "0".repeat(account_len - found);
    padded.push_str(account);
    check_class(
        &padded,
        account_class,
        "account number",
        account_len - found,
    )?;

    let mut bban = String::with_capacity(layout.length() - 4);
    let mut bank_rest = bank.as_str();
    for field in layout.fields {
        match *field {
            Bank(n, class) => {
                let (part, rest) = bank_rest.split_at(usize::from(n));
                check_class(part, class, "bank code", bank.len() - bank_rest.len())?;
                bban.push_str(part);
                bank_rest = rest;
            }
            Account(..) => bban.push_str(&padded),
            Check(_, kind) => national(kind, bank.as_bytes(), padded.as_bytes(), &mut bban),
        }
    }
    Ok(assemble(layout.country, &bban))
}

/// An IBAN at the bank `bank_code` in `country` with a random account number, uniform over the
/// account numbers this module can make valid: for DE ten digits with the Bundesbank's check
/// method 00 ([`german_account_number`]), for NL ten digits passing the 11-test, elsewhere uniform
/// digits. See [`from_parts`] for `bank_code`.
///
/// ```
/// use datamimic::{MimicRng, ident::iban};
/// let mut rng = MimicRng::seed_from_u64(1);
/// let iban = iban::random(&mut rng, "DE", "37040044").unwrap();
/// assert!(iban.starts_with("DE") && iban[4..12] == *"37040044");
/// assert!(iban::is_valid(&iban));
/// ```
pub fn random<R: Rng + ?Sized>(
    rng: &mut R,
    country: &str,
    bank_code: &str,
) -> Result<String, IdError> {
    let layout = layout(country)?;
    let account = match layout.country {
        "DE" => german_account_number(rng),
        "NL" => dutch_account_number(rng),
        _ => {
            let mut account = String::with_capacity(layout.account().0);
            digits::push_random(rng, &mut account, layout.account().0);
            account
        }
    };
    from_parts(layout.country, bank_code, &account)
}

/// A German account number: ten digits (leading zeros kept, as in the IBAN) whose last digit is
/// the check digit of the Bundesbank's method 00, the Luhn check used by most savings and
/// cooperative banks. Uniform over all such numbers except `0000000000`.
///
/// ```
/// use datamimic::{MimicRng, ident::{iban, luhn}};
/// let account = iban::german_account_number(&mut MimicRng::seed_from_u64(2));
/// assert_eq!(account.len(), 10);
/// assert!(luhn::is_valid(&account));
/// ```
pub fn german_account_number<R: Rng + ?Sized>(rng: &mut R) -> String {
    let mut account = String::with_capacity(10);
    digits::push_padded(&mut account, german_account_value(rng), 10);
    account
}

/// The account number [`german_account_number`] writes, as an integer (below `10^10`).
pub(crate) fn german_account_value<R: Rng + ?Sized>(rng: &mut R) -> u64 {
    // Nine payload digits, not all zero, then the method-00 (Luhn) check digit.
    let payload = 1 + below(rng, digits::pow10(9) - 1);
    payload * 10 + u64::from(luhn::check_digit_of(payload))
}

/// Ten digits whose weighted sum (weights 10 down to 1) is divisible by 11: the Dutch 11-test.
fn dutch_account_number<R: Rng + ?Sized>(rng: &mut R) -> String {
    loop {
        let mut account = String::with_capacity(10);
        digits::push_padded(&mut account, below(rng, digits::pow10(9)), 9);
        let sum: u32 = account
            .bytes()
            .zip((2..=10).rev())
            .map(|(b, w)| value(b) * w)
            .sum();
        // The last digit has weight 1; one payload in eleven needs a "10" and is redrawn.
        let check = (11 - sum % 11) % 11;
        if check < 10 && sum + check > 0 {
            digits::push_padded(&mut account, u64::from(check), 1);
            return account;
        }
    }
}

/// Checks an IBAN: a known country, its length, the BBAN's character classes, and the ISO 7064
/// mod 97-10 check (the number read from the rearranged IBAN is 1 mod 97; check digits 00, 01
/// and 99 are never valid). Spaces are ignored; letters must be upper-case. National check
/// digits inside the BBAN are not checked.
///
/// ```
/// use datamimic::ident::{IdError, iban};
/// assert_eq!(iban::validate("DE89 3704 0044 0532 0130 00"), Ok(()));
/// assert!(matches!(iban::validate("DE8937040044053201300"), Err(IdError::Length { .. })));
/// assert!(matches!(iban::validate("XX89370400440532013000"), Err(IdError::UnknownCountry(_))));
/// ```
pub fn validate(iban: &str) -> Result<(), IdError> {
    let compact = digits::without(iban, &[' ']);
    digits::ascii(&compact, WHAT)?;
    let bytes = compact.as_bytes();
    check_class(&compact[..compact.len().min(2)], Upper, WHAT, 0)?;
    if bytes.len() < 4 {
        return Err(IdError::Length {
            what: WHAT,
            found: compact.chars().count(),
            expected: "at least 4".into(),
        });
    }
    let layout = layout(&compact[..2])?;
    digits::exact_length(&compact, layout.length(), WHAT)?;
    check_class(&compact[2..4], Digit, WHAT, 2)?;
    check_bban(layout, &bytes[4..], 4)?;
    if matches!(&compact[2..4], "00" | "01" | "99") || mod97(&bytes[4..], &bytes[..4]) != 1 {
        return Err(IdError::Checksum { what: WHAT });
    }
    Ok(())
}

/// Whether [`validate`] accepts `iban`.
///
/// ```
/// use datamimic::ident::iban;
/// assert!(iban::is_valid("GB82WEST12345698765432"));
/// assert!(!iban::is_valid("GB83WEST12345698765432"));
/// ```
pub fn is_valid(iban: &str) -> bool {
    validate(iban).is_ok()
}

/// The print format: groups of four separated by single spaces (existing spaces are dropped
/// first).
///
/// ```
/// use datamimic::ident::iban;
/// assert_eq!(iban::format("DE89370400440532013000"), "DE89 3704 0044 0532 0130 00");
/// ```
pub fn format(iban: &str) -> String {
    let mut out = String::with_capacity(iban.len() + iban.len() / 4);
    for (i, c) in iban.chars().filter(|&c| c != ' ').enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// `country` + check digits + `bban`.
fn assemble(country: &str, bban: &str) -> String {
    let mut iban = String::with_capacity(4 + bban.len());
    iban.push_str(country);
    digits::push_padded(
        &mut iban,
        u64::from(iso_check_digits(country, bban.as_bytes())),
        2,
    );
    iban.push_str(bban);
    iban
}

/// Writes the IBAN of the account `account` (an integer, left-padded with zeros) at the bank
/// `bank_code` into `out` without allocating, and returns its length; `None` when `country`
/// (upper-case) has no layout whose BBAN is a numeric bank code followed by a numeric account number (as
/// DE, AT, PL), `bank_code` is not that many digits, or `account` has too many digits.
#[cfg(feature = "finance")]
pub(crate) fn write_numeric(
    country: &str,
    bank_code: &str,
    account: u64,
    out: &mut [u8; 34],
) -> Option<usize> {
    let layout = layout_of_code(country)?;
    let &[Bank(bank_len, Digit), Account(account_len, Digit)] = layout.fields else {
        return None;
    };
    let (bank_len, account_len) = (usize::from(bank_len), usize::from(account_len));
    if bank_code.len() != bank_len || account >= digits::pow10(account_len) {
        return None;
    }
    let country = [layout.country.as_bytes()[0], layout.country.as_bytes()[1]];
    let bank_code = bank_code.as_bytes();
    match (bank_len, account_len) {
        // Germany's lengths as constants, so the digit loops unroll on the per-record path.
        (8, 10) => fill(out, country, bank_code, 8, account, 10),
        _ => fill(out, country, bank_code, bank_len, account, account_len),
    }
}

/// Writes country, check digits and the numeric BBAN (`bank_code`, then `account` zero-padded
/// to its length) into `out` and returns the IBAN's length; `None` if `bank_code` (which has
/// `bank_len` bytes) is not all digits.
#[cfg(feature = "finance")]
#[inline(always)]
fn fill(
    out: &mut [u8; 34],
    country: [u8; 2],
    bank_code: &[u8],
    bank_len: usize,
    account: u64,
    account_len: usize,
) -> Option<usize> {
    let bank_code = &bank_code[..bank_len];
    let mut bank = 0u64;
    for &b in bank_code {
        if !b.is_ascii_digit() {
            return None;
        }
        bank = bank * 10 + u64::from(value(b));
    }
    let length = 4 + bank_len + account_len;
    [out[0], out[1]] = country;
    out[4..4 + bank_len].copy_from_slice(bank_code);
    let mut rest = account;
    for slot in out[4 + bank_len..length].iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    // ISO 7064 mod 97-10 as `iso_check_digits` computes it, on numbers: the BBAN (bank code
    // and account appended; a u64 up to 19 digits, else reduced after the bank code), then
    // the country's letters as two two-digit numbers and `00`.
    let scale = digits::pow10(account_len);
    let r = if bank_len + account_len <= 19 {
        (bank * scale + account) % 97
    } else {
        (bank % 97 * scale + account) % 97
    };
    let [c0, c1] = country.map(|b| u64::from(b - b'A') + 10);
    let check = (98 - (r * 1_000_000 + c0 * 10_000 + c1 * 100) % 97) as u8;
    out[2] = b'0' + check / 10;
    out[3] = b'0' + check % 10;
    Some(length)
}

fn iso_check_digits(country: &str, bban: &[u8]) -> u8 {
    let mut head = [b'0'; 4];
    head[..2].copy_from_slice(country.as_bytes());
    (98 - mod97(bban, &head)) as u8
}

/// The rearranged IBAN (BBAN, then country and check digits) read as a number, letters as
/// 10 to 35, mod 97; the digits gather in a `u64` that is reduced only when it grows large.
fn mod97(bban: &[u8], head: &[u8]) -> u32 {
    let mut r = 0u64;
    for &b in bban.iter().chain(head) {
        r = if b.is_ascii_digit() {
            r * 10 + u64::from(value(b))
        } else {
            r * 100 + u64::from(b.to_ascii_uppercase() - b'A') + 10
        };
        // Below 2^56, so one more letter (times 100, plus 35) still fits.
        if r >= 1 << 56 {
            r %= 97;
        }
    }
    (r % 97) as u32
}

/// Checks the BBAN's length and each field's character class; `offset` is the BBAN's index in
/// the text reported on error.
fn check_bban(layout: &Layout, bban: &[u8], offset: usize) -> Result<(), IdError> {
    let expected = layout.length() - 4;
    if bban.len() != expected {
        return Err(IdError::Length {
            what: "BBAN",
            found: bban.len(),
            expected: expected.to_string(),
        });
    }
    let mut at = 0;
    for field in layout.fields {
        let n = usize::from(field.len());
        let class = match *field {
            Bank(_, class) | Account(_, class) => class,
            Check(_, National::Cin) => Upper,
            Check(..) => Digit,
        };
        if let Some(i) = bban[at..at + n].iter().position(|&b| !class.admits(b)) {
            return Err(character(WHAT, &bban[at + i..], offset + at + i, class));
        }
        at += n;
    }
    Ok(())
}

/// `Ok` when every character of `text` is of `class`; `offset` is `text`'s index in the whole.
fn check_class(text: &str, class: Class, what: &'static str, offset: usize) -> Result<(), IdError> {
    match text.bytes().position(|b| !class.admits(b)) {
        None => Ok(()),
        Some(i) => Err(character(what, &text.as_bytes()[i..], offset + i, class)),
    }
}

fn character(what: &'static str, rest: &[u8], index: usize, class: Class) -> IdError {
    let found = String::from_utf8_lossy(rest)
        .chars()
        .next()
        .unwrap_or('\u{FFFD}');
    IdError::Character {
        what,
        index,
        found,
        expected: class.expected(),
    }
}

/// Appends the national check digits of `kind` for `bank` and `account` (both checked).
fn national(kind: National, bank: &[u8], account: &[u8], out: &mut String) {
    match kind {
        National::Rib => {
            // Letters in the account count as digits: A-I → 1-9, J-R → 1-9, S-Z → 2-9.
            let number = |part: &[u8]| {
                part.iter().fold(0u64, |n, &b| {
                    let d = match b {
                        b'0'..=b'9' => b - b'0',
                        b'A'..=b'I' => b - b'A' + 1,
                        b'J'..=b'R' => b - b'J' + 1,
                        _ => b - b'S' + 2,
                    };
                    n * 10 + u64::from(d)
                })
            };
            let sum = 89 * number(&bank[..5]) + 15 * number(&bank[5..]) + 3 * number(account);
            digits::push_padded(out, 97 - sum % 97, 2);
        }
        National::Spain => {
            const WEIGHTS: [u32; 10] = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
            let digit = |part: &[u8], weights: &[u32]| {
                let sum: u32 = part.iter().zip(weights).map(|(&b, w)| value(b) * w).sum();
                match 11 - sum % 11 {
                    11 => 0,
                    10 => 1,
                    d => u64::from(d),
                }
            };
            // The first digit covers "00" + entity + branch: the leading zeros add nothing, so
            // the eight digits take the weights from the third on.
            digits::push_padded(out, digit(bank, &WEIGHTS[2..]), 1);
            digits::push_padded(out, digit(account, &WEIGHTS), 1);
        }
        National::Cin => {
            // Odd positions (1-based) map through this table, even ones count their value;
            // digits and letters A-Z both index from 0.
            const ODD: [u32; 26] = [
                1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22,
                25, 24, 23,
            ];
            let sum: u32 = bank
                .iter()
                .chain(account)
                .enumerate()
                .map(|(i, &b)| {
                    let v = if b.is_ascii_digit() {
                        value(b)
                    } else {
                        u32::from(b - b'A')
                    };
                    if i % 2 == 0 { ODD[v as usize] } else { v }
                })
                .sum();
            out.push(char::from(b'A' + (sum % 26) as u8));
        }
        National::Belgium => {
            let n = bank
                .iter()
                .chain(account)
                .fold(0u64, |n, &b| n * 10 + u64::from(value(b)));
            let check = n % 97;
            digits::push_padded(out, if check == 0 { 97 } else { check }, 2);
        }
        National::Portugal => {
            let r = bank
                .iter()
                .chain(account)
                .chain(b"00")
                .fold(0u32, |r, &b| (r * 10 + value(b)) % 97);
            digits::push_padded(out, u64::from(98 - r), 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layouts_are_sorted_for_the_binary_search() {
        assert!(LAYOUTS.windows(2).all(|w| w[0].country < w[1].country));
    }

    proptest! {
        /// The allocation-free writer the domain uses gives `from_parts`'s IBAN.
        #[test]
        fn write_numeric_agrees_with_from_parts(
            country in prop::sample::select(vec!["DE", "AT", "PL", "CZ", "DK", "FI", "NO", "SE"]),
            bank in any::<u64>(),
            account in any::<u64>(),
        ) {
            let layout = layout(country).unwrap();
            let Bank(bank_len, _) = layout.fields[0] else { unreachable!() };
            let Account(account_len, _) = layout.fields[1] else { unreachable!() };
            let bank_code = format!("{:0width$}", bank % digits::pow10(usize::from(bank_len)), width = usize::from(bank_len));
            let account = account % digits::pow10(usize::from(account_len).min(19));
            let mut out = [b'0'; 34];
            let len = write_numeric(country, &bank_code, account, &mut out).unwrap();
            let written = std::str::from_utf8(&out[..len]).unwrap();
            prop_assert_eq!(written, from_parts(country, &bank_code, &account.to_string()).unwrap());
            prop_assert!(is_valid(written));
        }
    }

    #[test]
    fn write_numeric_refuses_what_it_cannot_write() {
        let mut out = [b'0'; 34];
        // No IBAN, letters in the bank code, national check digits, a short bank code, an
        // account too long.
        assert_eq!(write_numeric("US", "021000021", 1, &mut out), None);
        assert_eq!(write_numeric("GB", "WEST123456", 1, &mut out), None);
        assert_eq!(write_numeric("FR", "2004101005", 1, &mut out), None);
        assert_eq!(write_numeric("DE", "3704004", 1, &mut out), None);
        assert_eq!(
            write_numeric("DE", "37040044", 10_000_000_000, &mut out),
            None
        );
        assert_eq!(
            write_numeric("DE", "37040044", 532_013_000, &mut out),
            Some(22)
        );
        assert_eq!(&out[..22], b"DE89370400440532013000");
    }
}
