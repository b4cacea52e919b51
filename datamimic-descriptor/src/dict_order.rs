//! Python dicts keep their keys in insertion order, and DATAMIMIC writes them so; the maps that
//! carry values between scripts, records and writers sort their keys. A map whose keys were
//! inserted out of sorted order carries its order: the key sequence is registered once, and
//! its number rides in the upper half of the value's tag (the lower half is the entity tag,
//! [`crate::script_domains::EntityTag`]). Writers and scripts read the entries in that order.
//!
//! The registry holds at most [`MAX_ORDERS`] sequences (a dict comprehension with
//! data-dependent keys makes one per record); past it, maps keep sorted keys and the run warns
//! once on standard error.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rhai::{Dynamic, ImmutableString, Map};

/// Key sequences the registry holds at most: order numbers 1 to 32,767, above the entity tag
/// in a positive 32-bit tag.
pub(crate) const MAX_ORDERS: usize = i16::MAX as usize;

type Keys = Arc<[ImmutableString]>;

#[derive(Default)]
struct Registry {
    by_number: Vec<Keys>,
    numbers: HashMap<Keys, u16>,
}

fn registry() -> &'static Mutex<Registry> {
    static REGISTRY: OnceLock<Mutex<Registry>> = OnceLock::new();
    REGISTRY.get_or_init(Mutex::default)
}

static WARNED: AtomicBool = AtomicBool::new(false);

/// The number of key sequence `keys`, registering it; `None` once the registry is full.
fn number_of(keys: &[&str]) -> Option<u16> {
    let keys: Vec<ImmutableString> = keys.iter().map(|&k| k.into()).collect();
    let mut registry = registry().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(&number) = registry.numbers.get(keys.as_slice()) {
        return Some(number);
    }
    if registry.by_number.len() >= MAX_ORDERS {
        if !WARNED.swap(true, Ordering::Relaxed) {
            eprintln!(
                "datamimic: warning: scripts made dicts with more than {MAX_ORDERS} different key \
                 sequences; dicts of the later ones are written with their keys sorted"
            );
        }
        return None;
    }
    let keys: Keys = keys.into();
    registry.by_number.push(keys.clone());
    let number = registry.by_number.len() as u16;
    registry.numbers.insert(keys, number);
    Some(number)
}

fn keys_of(number: u16) -> Option<Keys> {
    let registry = registry().lock().unwrap_or_else(|e| e.into_inner());
    registry.by_number.get(usize::from(number) - 1).cloned()
}

/// The entity tag in `tag` (its lower 16 bits).
pub(crate) fn entity_bits(tag: impl Into<i64>) -> i16 {
    (tag.into() & 0xFFFF) as u16 as i16
}

/// `map` as a value that keeps `keys` (its keys, in insertion order) in that order.
pub(crate) fn ordered_map(map: Map, keys: &[&str]) -> Dynamic {
    let mut value: Dynamic = map.into();
    keep_order(&mut value, keys);
    value
}

/// Marks `value` (a map) as ordered by `keys`; nothing to do when they are sorted (the common
/// case, which allocates nothing).
pub(crate) fn keep_order(value: &mut Dynamic, keys: &[&str]) {
    if keys.windows(2).all(|w| w[0] < w[1]) {
        return;
    }
    let Some(number) = number_of(keys) else {
        return;
    };
    let tag = (i64::from(number) << 16) | (i64::from(value.tag()) & 0xFFFF);
    // Tags are 16 bits on 32-bit targets: the order does not fit, the keys stay sorted.
    if let Ok(tag) = tag.try_into() {
        value.set_tag(tag);
    }
}

/// Copies the key order of `from` (a map value) to `to` (a map made from it).
pub(crate) fn copy_order(from: &Dynamic, to: &mut Dynamic) {
    let order = i64::from(from.tag()) & !0xFFFF;
    if order != 0
        && let Ok(tag) = (order | (i64::from(to.tag()) & 0xFFFF)).try_into()
    {
        to.set_tag(tag);
    }
}

/// The entries of `map` (the contents of `value`) in the value's key order: its registered
/// keys first, then any others sorted.
pub(crate) fn entries<'m>(value: &Dynamic, map: &'m Map) -> Entries<'m> {
    let number = (i64::from(value.tag()) >> 16) & 0xFFFF;
    let Some(keys) = u16::try_from(number)
        .ok()
        .filter(|n| *n != 0)
        .and_then(keys_of)
    else {
        return Entries::Sorted(map.iter());
    };
    let mut entries = Vec::with_capacity(map.len());
    for key in keys.iter() {
        if let Some((k, v)) = map.get_key_value(key.as_str()) {
            entries.push((k.as_str(), v));
        }
    }
    if entries.len() < map.len() {
        for (k, v) in map {
            if !keys.iter().any(|key| key.as_str() == k.as_str()) {
                entries.push((k.as_str(), v));
            }
        }
    }
    Entries::Ordered(entries.into_iter())
}

/// The entries of a map in its key order ([`entries`]).
pub(crate) enum Entries<'m> {
    /// A map without a registered order: its sorted entries, as stored.
    Sorted(<&'m Map as IntoIterator>::IntoIter),
    /// A map with one.
    Ordered(std::vec::IntoIter<(&'m str, &'m Dynamic)>),
}

impl<'m> Iterator for Entries<'m> {
    type Item = (&'m str, &'m Dynamic);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Entries::Sorted(iter) => iter.next().map(|(k, v)| (k.as_str(), v)),
            Entries::Ordered(iter) => iter.next(),
        }
    }
}

/// A value written with its dicts in their key order.
pub(crate) struct Ordered<'v>(pub &'v Dynamic);

impl serde::Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        let value = self.0;
        if let Some(map) = value.read_lock::<Map>() {
            let mut out = serializer.serialize_map(Some(map.len()))?;
            for (k, v) in entries(value, &map) {
                out.serialize_entry(k, &Ordered(v))?;
            }
            return out.end();
        }
        if let Some(items) = value.read_lock::<rhai::Array>() {
            let mut out = serializer.serialize_seq(Some(items.len()))?;
            for item in items.iter() {
                out.serialize_element(&Ordered(item))?;
            }
            return out.end();
        }
        value.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(pairs: &[(&str, i64)]) -> Dynamic {
        let keys: Vec<&str> = pairs.iter().map(|(k, _)| *k).collect();
        let map: Map = pairs
            .iter()
            .map(|(k, v)| ((*k).into(), Dynamic::from(*v)))
            .collect();
        ordered_map(map, &keys)
    }

    #[test]
    fn maps_keep_their_insertion_order_and_their_entity_tag() {
        let mut value = Dynamic::from(Map::new());
        value.set_tag(1234);
        let keys = ["zeta", "alpha"];
        let map: Map = keys
            .iter()
            .map(|&k| (k.into(), Dynamic::from(1_i64)))
            .collect();
        let mut ordered: Dynamic = map.into();
        ordered.set_tag(1234);
        keep_order(&mut ordered, &keys);
        assert_eq!(entity_bits(ordered.tag()), 1234);
        let json = serde_json::to_string(&Ordered(&ordered)).unwrap();
        assert_eq!(json, r#"{"zeta":1,"alpha":1}"#);
        assert_eq!(entity_bits(value.tag()), 1234);
    }

    #[test]
    fn nested_dicts_are_written_in_order_and_sorted_ones_need_no_number() {
        let inner = dict(&[("b", 1), ("a", 2)]);
        let outer: Map = [("y".into(), inner), ("x".into(), Dynamic::from(3_i64))]
            .into_iter()
            .collect();
        let outer = ordered_map(outer, &["y", "x"]);
        let json = serde_json::to_string(&Ordered(&outer)).unwrap();
        assert_eq!(json, r#"{"y":{"b":1,"a":2},"x":3}"#);
        let sorted = dict(&[("a", 1), ("b", 2)]);
        assert_eq!(sorted.tag(), 0);
    }

    #[test]
    fn removed_keys_are_skipped_and_added_ones_follow() {
        let value = dict(&[("c", 1), ("a", 2), ("b", 3)]);
        let mut map = value.read_lock::<Map>().unwrap().clone();
        map.remove("a");
        map.insert("d".into(), Dynamic::from(4_i64));
        let mut changed: Dynamic = map.into();
        copy_order(&value, &mut changed);
        let map = changed.read_lock::<Map>().unwrap();
        let keys: Vec<&str> = entries(&changed, &map).map(|(k, _)| k).collect();
        assert_eq!(keys, ["c", "b", "d"]);
    }
}
