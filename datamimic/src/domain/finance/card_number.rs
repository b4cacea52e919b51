//! Card numbers and security codes as integers with their length.

use crate::MimicRng;
use crate::domain::text_parts::{TextParts, display_and_serialize_by_parts, put_padded};
use crate::ident::{Network, card};

/// A payment card number such as `4539578763621486`: a real IIN prefix of its network, the
/// network's usual length ([`Network::lengths`]) and the Luhn check digit last, drawn by
/// [`crate::ident::card`].
///
/// ```
/// use datamimic::domain::finance::CreditCardService;
///
/// let card = CreditCardService::new("US")?.seed(1).generate();
/// assert!(datamimic::ident::card::is_valid(&card.card_number.to_string()));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct CardNumber {
    value: u64,
    len: u8,
}

impl CardNumber {
    /// A number of `network` at its usual length ([`crate::ident::card::generate`]'s).
    pub(crate) fn draw(rng: &mut MimicRng, network: Network) -> CardNumber {
        let len = network.lengths()[0];
        CardNumber {
            value: card::number(rng, network, usize::from(len)),
            len,
        }
    }

    /// The number as an integer.
    pub fn value(&self) -> u64 {
        self.value
    }

    /// The number of digits.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Always `false`: a card number has digits.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The first six digits: the issuer identification number (BIN).
    pub fn bin(&self) -> u32 {
        (self.value / 10u64.pow(u32::from(self.len) - 6)) as u32
    }
}

impl TextParts for CardNumber {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put_padded(put, self.value, self.len());
    }
}

display_and_serialize_by_parts!(CardNumber);

/// A card security code (CVV/CVC/CID) of its network's length: four digits for American
/// Express, three otherwise; leading zeros are kept.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Cvv {
    value: u16,
    len: u8,
}

impl Cvv {
    pub(crate) fn draw(rng: &mut MimicRng, network: Network) -> Cvv {
        Cvv {
            value: card::cvv_value(rng, network),
            len: network.cvv_length() as u8,
        }
    }

    /// The number of digits.
    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    /// Always `false`: a security code has digits.
    pub fn is_empty(&self) -> bool {
        false
    }
}

impl TextParts for Cvv {
    fn for_each_part(&self, put: &mut impl FnMut(&str)) {
        put_padded(put, u64::from(self.value), self.len());
    }
}

display_and_serialize_by_parts!(Cvv);

#[cfg(test)]
mod tests {
    use super::*;

    /// The text is the zero-padded number `write!("{:0width$}")` gave before.
    #[test]
    fn text_reads_as_before() {
        for (value, len) in [
            (0, 16),
            (42, 16),
            (4_539_578_763_621_486, 16),
            (u64::MAX, 19),
            (7, 1),
        ] {
            let card = CardNumber { value, len };
            let expected = format!("{value:0width$}", width = usize::from(len));
            assert_eq!(card.to_string(), expected);
            assert_eq!(
                serde_json::to_value(card).unwrap(),
                serde_json::Value::String(expected)
            );
        }
        for (value, len) in [(0, 3), (7, 3), (42, 4), (999, 3), (9_999, 4)] {
            let cvv = Cvv { value, len };
            let expected = format!("{value:0width$}", width = usize::from(len));
            assert_eq!(cvv.to_string(), expected);
            assert_eq!(
                serde_json::to_value(cvv).unwrap(),
                serde_json::Value::String(expected)
            );
        }
    }
}
