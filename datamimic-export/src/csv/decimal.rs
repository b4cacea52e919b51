//! Integer cells (an age, a house number) written as digits straight into the page, rather
//! than formatted into a buffer of their own and copied again.

use crate::page_buf::PageBuf;

/// "00" to "99".
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// 10^0 to 10^19.
const POWERS: [u64; 20] = {
    let mut powers = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        powers[i] = powers[i - 1] * 10;
        i += 1;
    }
    powers
};

/// The number of decimal digits of `value` (1 for zero), without a loop: the bit length
/// times log10(2) (1233 / 4096) is the count or one short of it.
#[inline(always)]
fn digits(value: u64) -> usize {
    let bits = (u64::BITS - value.leading_zeros()) as usize;
    let guess = (bits * 1233) >> 12;
    (guess + usize::from(value >= POWERS[guess])).max(1)
}

/// Appends the date `year`-`month`-`day` as `YYYY-MM-DD` (`year` below 10,000).
#[inline(always)]
pub(super) fn append_date(out: &mut PageBuf, year: u32, month: u32, day: u32) {
    let pair = |value: u32| {
        let at = (value % 100) as usize * 2;
        [PAIRS[at], PAIRS[at + 1]]
    };
    let [c0, c1] = pair(year / 100);
    let [y0, y1] = pair(year);
    let [m0, m1] = pair(month);
    let [d0, d1] = pair(day);
    out.room(10)
        .copy_from_slice(&[c0, c1, y0, y1, b'-', m0, m1, b'-', d0, d1]);
    out.advance(10);
}

/// Appends `value` in decimal.
#[inline(always)]
pub(super) fn append(out: &mut PageBuf, value: u64) {
    let len = digits(value);
    let dst = &mut out.room(20)[..len];
    let mut end = len;
    let mut rest = value;
    while rest >= 100 {
        let pair = (rest % 100) as usize * 2;
        rest /= 100;
        dst[end - 2..end].copy_from_slice(&PAIRS[pair..pair + 2]);
        end -= 2;
    }
    if rest >= 10 {
        let pair = rest as usize * 2;
        dst[end - 2..end].copy_from_slice(&PAIRS[pair..pair + 2]);
    } else {
        dst[end - 1] = b'0' + rest as u8;
    }
    out.advance(len);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_digits_at_every_power_of_ten() {
        for value in (0..20).flat_map(|p| {
            let power = 10u64.pow(p);
            [power - 1, power, power + 1]
        }) {
            assert_eq!(digits(value), value.to_string().len(), "{value}");
        }
        assert_eq!(digits(u64::MAX), 20);
    }

    #[test]
    fn matches_format_for_every_size() {
        let mut values = vec![0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 12_345, 9_999_999];
        values.extend((0..20).map(|p| 10u64.pow(p)));
        values.extend((1..20).map(|p| 10u64.pow(p) - 1));
        values.extend([u64::MAX, u64::MAX - 1, 2025, 4_930_217]);
        for value in values {
            let mut out = PageBuf::default();
            out.push(b'x');
            append(&mut out, value);
            assert_eq!(out.as_slice(), format!("x{value}").as_bytes(), "{value}");
        }
    }
}
