//! The sandboxed, deterministic script engine (rhai) for `script` attributes.
//!
//! The engine has no module loading (`no_module`), no wall-clock functions (`no_time`), no
//! file or network functions (rhai has none), `print`/`debug` silenced, and limits on
//! operations, sizes and nesting. Random helpers draw from the current record's stream, held
//! in a thread-local while the record is evaluated, so results never depend on threads.

use std::cell::RefCell;

use datamimic::{MimicRng, sample};
use rand::Rng;
use rhai::{Array, Dynamic, Engine, EvalAltResult, Position};

thread_local! {
    static RNG: RefCell<MimicRng> = RefCell::new(MimicRng::seed_from_u64(0));
}

/// Makes `rng` the stream of the record evaluated next on this thread.
pub fn set_rng(rng: MimicRng) {
    RNG.with(|r| *r.borrow_mut() = rng);
}

/// Runs `f` on the current record's stream.
pub fn with_rng<T>(f: impl FnOnce(&mut MimicRng) -> T) -> T {
    RNG.with(|r| f(&mut r.borrow_mut()))
}

fn random_int(low: i64, high: i64) -> Result<i64, Box<EvalAltResult>> {
    if low > high {
        return Err(format!("random_int({low}, {high}): the minimum is above the maximum").into());
    }
    let span = (i128::from(high) - i128::from(low) + 1) as u128;
    let offset = with_rng(|rng| {
        if span > u128::from(u64::MAX) {
            rng.next_u64()
        } else {
            sample::below(rng, span as u64)
        }
    });
    Ok((i128::from(low) + i128::from(offset)) as i64)
}

/// A random version-4 UUID from the record's stream.
pub fn uuid() -> String {
    let (a, b) = with_rng(|rng| (rng.next_u64(), rng.next_u64()));
    let a = (a & 0xFFFF_FFFF_FFFF_0FFF) | 0x4000;
    let b = (b & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000;
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xFFFF,
        a & 0xFFFF,
        b >> 48,
        b & 0xFFFF_FFFF_FFFF
    )
}

/// The engine every script of a run is compiled and evaluated with.
pub fn engine() -> Engine {
    let mut engine = Engine::new();
    engine.on_print(|_| {});
    engine.on_debug(|_, _, _| {});
    engine.set_max_operations(10_000_000);
    engine.set_max_call_levels(64);
    engine.set_max_expr_depths(64, 64);
    engine.set_max_string_size(1 << 20);
    engine.set_max_array_size(1 << 16);
    engine.set_max_map_size(1 << 16);
    engine.register_fn("random", || with_rng(sample::unit_f64));
    engine.register_fn("random_int", random_int);
    engine.register_fn("random_bool", || with_rng(|rng| sample::chance(rng, 0.5)));
    engine.register_fn("random_bool", |p: f64| {
        with_rng(|rng| sample::chance(rng, p))
    });
    engine.register_fn(
        "random_choice",
        |items: Array| -> Result<Dynamic, Box<EvalAltResult>> {
            if items.is_empty() {
                return Err(EvalAltResult::ErrorArrayBounds(0, 0, Position::NONE).into());
            }
            Ok(with_rng(|rng| sample::pick(rng, &items).clone()))
        },
    );
    engine.register_fn("uuid", uuid);
    engine.register_fn("pattern", |p: &str| {
        with_rng(|rng| datamimic::pattern::fill(rng, p))
    });
    engine
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_helpers_follow_the_record_stream() {
        let engine = engine();
        let ast = engine
            .compile("random_int(1, 6) + random_int(1, 6)")
            .unwrap();
        set_rng(MimicRng::for_record(1, 2));
        let a: i64 = engine.eval_ast(&ast).unwrap();
        set_rng(MimicRng::for_record(1, 2));
        let b: i64 = engine.eval_ast(&ast).unwrap();
        assert_eq!(a, b);
        assert!((2..=12).contains(&a));
    }

    #[test]
    fn no_imports_and_no_endless_loops() {
        let engine = engine();
        assert!(engine.compile(r#"import "x" as y; 1"#).is_err());
        assert!(engine.eval::<i64>("loop {}").is_err());
    }
}
