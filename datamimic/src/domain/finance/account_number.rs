//! Account numbers: digits kept as an integer with their length, so leading zeros survive.

use std::fmt;

use crate::MimicRng;
use crate::domain::luhn;
use crate::sample::below;

/// A domestic account number such as `0123456789`, stored as its value and digit count.
///
/// German numbers have ten digits ending in the check digit of the Bundesbank's method 00
/// (the Luhn scheme most savings and cooperative banks use); US numbers have 10 to 12 digits
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
            // Nine payload digits, not all zero, then the method-00 (Luhn) check digit.
            let payload = 1 + below(rng, 999_999_999);
            AccountNumber {
                value: payload * 10 + u64::from(luhn::check_digit(payload)),
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

impl fmt::Display for AccountNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:0width$}", self.value, width = self.digits())
    }
}

impl serde::Serialize for AccountNumber {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
