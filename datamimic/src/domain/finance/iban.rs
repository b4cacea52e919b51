//! IBANs as a fixed-size ASCII buffer: built without allocating, printed as they are.

use std::fmt;

use super::AccountNumber;
use crate::ident::iban;

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
    /// The IBAN of `account` at the bank `bank_code` of `country`, built by
    /// [`crate::ident::iban`], for the countries whose BBAN is a numeric bank code followed by
    /// the account number (Germany, the one IBAN country the bank tables cover). `None`
    /// elsewhere (the US has no IBAN) or for a malformed bank code.
    pub(crate) fn of_account(
        country: &str,
        bank_code: &str,
        account: AccountNumber,
    ) -> Option<Iban> {
        let mut bytes = [b'0'; 34];
        let len = iban::write_numeric(country, bank_code, account.value(), &mut bytes)?;
        Some(Iban {
            bytes,
            len: len as u8,
        })
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

// The column of what `serialize` writes.
impl crate::Columnar for Iban {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}
