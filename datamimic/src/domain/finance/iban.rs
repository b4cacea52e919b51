//! IBANs as a fixed-size ASCII buffer: built without allocating, printed as they are.

use std::fmt;

use super::AccountNumber;

/// An International Bank Account Number such as `DE89370400440532013000`: country code, the
/// ISO 7064 mod 97-10 check digits, and the national BBAN (for Germany the eight-digit
/// Bankleitzahl followed by the ten-digit account number).
///
/// ```
/// use datamimic::domain::finance::BankAccountService;
///
/// let iban = BankAccountService::new("DE")?.seed(3).generate().iban.unwrap();
/// assert!(iban.as_str().starts_with("DE") && iban.as_str().len() == 22);
/// assert!(datamimic::ident::iban::is_valid(iban.as_str()));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Iban {
    bytes: [u8; 34],
    len: u8,
}

impl Iban {
    /// The IBAN of `account` at the bank `bank_code` of `country`, for the countries whose
    /// BBAN is bank code plus account number: Germany, the one IBAN country the bank tables
    /// cover. `None` elsewhere (the US has no IBAN) or for a malformed bank code.
    pub(crate) fn of_account(
        country: &str,
        bank_code: &str,
        account: AccountNumber,
    ) -> Option<Iban> {
        if country != "DE" || bank_code.len() != 8 || !bank_code.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let mut bytes = [b'0'; 34];
        bytes[..2].copy_from_slice(b"DE");
        bytes[4..12].copy_from_slice(bank_code.as_bytes());
        let mut value = account.value();
        for slot in bytes[12..22].iter_mut().rev() {
            *slot = b'0' + (value % 10) as u8;
            value /= 10;
        }
        // ISO 7064 mod 97-10 over BBAN, the country's letters as numbers (D=13, E=14) and 00:
        // the 18-digit BBAN fits a u64, so two divisions instead of one per digit.
        let bban = bank_code
            .bytes()
            .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'))
            * 10_000_000_000
            + account.value();
        let remainder = ((bban % 97) * 1_000_000 + 131_400) % 97;
        let check = 98 - remainder;
        bytes[2] = b'0' + (check / 10) as u8;
        bytes[3] = b'0' + (check % 10) as u8;
        Some(Iban { bytes, len: 22 })
    }

    /// The IBAN in electronic form, without spaces.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// The two-letter country code.
    pub fn country(&self) -> &str {
        &self.as_str()[..2]
    }
}

impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Iban({})", self.as_str())
    }
}

impl serde::Serialize for Iban {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
