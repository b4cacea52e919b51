//! DATAMIMIC's Address has four numbers: `office_phone`, `private_phone`, `mobile_phone` and
//! `fax`, each its own draw. datamimic's Address has `phone`, `mobile_phone` and `fax`, so a
//! descriptor's Address value gets DATAMIMIC's two others: `office_phone` is the address's
//! `phone` (the landline in the city's area code) and `private_phone` another landline of
//! that area, of the same length, drawn from the record's stream.

use rhai::{Dynamic, Map};

use crate::script::with_rng;
use crate::script_domains::{EntityTag, entity_tag};

/// Adds `office_phone` and `private_phone` to `value` when it is an Address (by its `tag`,
/// [`entity_tag`]) with a `phone`.
pub(crate) fn add_datamimic_phones(tag: EntityTag, value: &mut Dynamic) {
    if !is_address(tag) {
        return;
    }
    let Some(mut map) = value.write_lock::<Map>() else {
        return;
    };
    let Some(phone) = map.get("phone").map(|p| p.to_string()) else {
        return;
    };
    let private = another_in_area(&phone, |span| {
        with_rng(|rng| datamimic::sample::below(rng, span))
    });
    map.insert("office_phone".into(), phone.into());
    if let Some(private) = private {
        map.insert("private_phone".into(), private.into());
    }
}

/// Whether values of `tag` ([`entity_tag`]) are an Address's, which get DATAMIMIC's phones.
pub(crate) fn is_address(tag: EntityTag) -> bool {
    tag >> 10 == entity_tag("Address", None) >> 10
}

/// A number with `phone`'s lead (`+49 351 `) and a subscriber number of the same length whose
/// first digit is 2–9 (0 and 1 start trunk and service codes); `below(n)` draws from `0..n`.
fn another_in_area(phone: &str, mut below: impl FnMut(u64) -> u64) -> Option<String> {
    let (lead, subscriber) = phone.rsplit_once(' ')?;
    let digits = u32::try_from(subscriber.len()).ok()?;
    if digits == 0 || digits > 18 || !subscriber.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let first = 2 * 10_u64.pow(digits - 1);
    let number = first + below(10_u64.pow(digits) - first);
    Some(format!("{lead} {number}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_number_keeps_the_area_and_length() {
        assert_eq!(
            another_in_area("+49 351 4930217", |_| 0).as_deref(),
            Some("+49 351 2000000")
        );
        assert_eq!(
            another_in_area("+49 351 4930217", |span| span - 1).as_deref(),
            Some("+49 351 9999999")
        );
        assert_eq!(another_in_area("no-number", |_| 0), None);
        assert_eq!(another_in_area("+1 ", |_| 0), None);
    }
}
