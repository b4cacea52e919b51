//! Account numbers: digits kept as an integer with their length, so leading zeros survive.

use crate::MimicRng;
use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts, put_padded};
use crate::ident::iban;
use crate::sample::below;

/// A domestic account number such as `0123456789`, stored as its value and digit count.
///
/// German numbers have ten digits ending in the check digit of the Bundesbank's method 00
/// (the Luhn scheme most savings and cooperative banks use; see
/// [`crate::ident::iban::german_account_number`]); US numbers have 10 to 12 digits
/// (US banks have no common check scheme).
///
/// ```
/// use datamimic::domain::finance::BankAccountService;
///
/// let account = BankAccountService::new("DE")?.seed(1).generate();
/// assert_eq!(account.account_number.to_string().len(), 10);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct AccountNumber {
    value: u64,
    digits: u8,
}

impl AccountNumber {
    /// A number for an account at a bank of `country`.
    pub(crate) fn draw(rng: &mut MimicRng, country: &str) -> AccountNumber {
        if country == "DE" {
            AccountNumber {
                value: iban::german_account_value(rng),
                digits: 10,
            }
        } else {
            let digits = 10 + below(rng, 3) as u8;
            let low = 10u64.pow(u32::from(digits) - 1);
            AccountNumber {
                value: low + below(rng, 9 * low),
                digits,
            }
        }
    }

    /// The number as an integer (leading zeros dropped).
    pub fn value(&self) -> u64 {
        self.value
    }

    /// The number of digits, leading zeros included.
    pub fn digits(&self) -> usize {
        usize::from(self.digits)
    }
}

impl TextParts for AccountNumber {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put_padded(put, self.value, self.digits());
    }
}

display_and_serialize_by_parts!(AccountNumber);

#[cfg(test)]
mod tests {
    use super::*;

    /// The text is the zero-padded number `write!("{:0width$}")` gave before.
    #[test]
    fn text_reads_as_before() {
        for (value, digits) in [
            (0, 10),
            (42, 10),
            (1_234_567_890, 10),
            (99, 12),
            (u64::MAX, 25),
        ] {
            let account = AccountNumber { value, digits };
            let expected = format!("{value:0width$}", width = usize::from(digits));
            assert_eq!(account.to_string(), expected);
            assert_eq!(
                serde_json::to_value(account).unwrap(),
                serde_json::Value::String(expected)
            );
        }
    }
}
