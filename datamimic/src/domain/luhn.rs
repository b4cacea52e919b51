//! The Luhn check digit (ISO/IEC 7812), three digits per step through a table.

/// The digit that makes `payload` followed by it pass the Luhn check.
pub(crate) fn check_digit(mut payload: u64) -> u8 {
    let mut sum = 0u32;
    let mut group = 0;
    while payload > 0 {
        sum += u32::from(GROUPS[group % 2][(payload % 1000) as usize]);
        payload /= 1000;
        group += 1;
    }
    ((10 - sum % 10) % 10) as u8
}

/// [`check_digit`] of a payload of at most `3 * GROUPS_OF_THREE` digits, unrolled for
/// callers that know their payload's length.
#[inline]
pub(crate) fn check_digit_of_width<const GROUPS_OF_THREE: usize>(mut payload: u64) -> u8 {
    let mut sum = 0u32;
    for group in 0..GROUPS_OF_THREE {
        sum += u32::from(GROUPS[group % 2][(payload % 1000) as usize]);
        payload /= 1000;
    }
    ((10 - sum % 10) % 10) as u8
}

/// Luhn sums of the three-digit groups `000` to `999`, counted from the right of the payload
/// (whose last digit is doubled, as the check digit follows it): `[0]` for groups that start
/// at an even position (units and hundreds doubled), `[1]` for the others (tens doubled).
const GROUPS: [[u8; 1000]; 2] = {
    const fn term(digit: u32, doubled: bool) -> u32 {
        match (doubled, digit * 2) {
            (false, _) => digit,
            (true, x) if x > 9 => x - 9,
            (true, x) => x,
        }
    }
    let mut groups = [[0u8; 1000]; 2];
    let mut n = 0;
    while n < 1000 {
        let (units, tens, hundreds) = (n % 10, n / 10 % 10, n / 100);
        groups[0][n as usize] =
            (term(units, true) + term(tens, false) + term(hundreds, true)) as u8;
        groups[1][n as usize] =
            (term(units, false) + term(tens, true) + term(hundreds, false)) as u8;
        n += 1;
    }
    groups
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The digit-by-digit definition.
    fn by_digits(mut payload: u64) -> u8 {
        let (mut sum, mut double) = (0, true);
        while payload > 0 {
            let d = payload % 10 * if double { 2 } else { 1 };
            sum += if d > 9 { d - 9 } else { d };
            double = !double;
            payload /= 10;
        }
        ((10 - sum % 10) % 10) as u8
    }

    #[test]
    fn agrees_with_the_digit_by_digit_definition() {
        let mut x = 1u64;
        for _ in 0..10_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            for payload in [x, x >> 13, x % 1_000_000_007, x % 1000] {
                assert_eq!(check_digit(payload), by_digits(payload), "{payload}");
                assert_eq!(check_digit_of_width::<7>(payload), by_digits(payload));
            }
        }
        // 7992739871 is the textbook example, check digit 3.
        assert_eq!(check_digit(7_992_739_871), 3);
    }
}
