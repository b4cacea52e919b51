//! The sandboxed, deterministic script engine (rhai) for `script` attributes.
//!
//! The engine has no module loading (`no_module`), no wall-clock functions (`no_time`), no
//! file or network functions (rhai has none), `print`/`debug` silenced, and limits on
//! operations, sizes and nesting. Random helpers draw from the current record's stream, held
//! in a thread-local while the record is evaluated, so results never depend on threads.

use std::cell::RefCell;

use datamimic::{MimicRng, sample};
use rand::Rng;
use rhai::{AST, Array, Dynamic, Engine, EvalAltResult, Map, ParseError, Position, Scope};

use crate::descriptor::Pos;
use crate::script_source::ScriptSource;
use datamimic_export::suggest::did_you_mean;

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

/// A uniform integer in `low..=high` (`low <= high`), over the whole `i64` range too.
pub fn uniform_int<R: Rng + ?Sized>(rng: &mut R, low: i64, high: i64) -> i64 {
    debug_assert!(low <= high);
    let span = (i128::from(high) - i128::from(low) + 1) as u128;
    let offset = if span > u128::from(u64::MAX) {
        rng.next_u64()
    } else {
        sample::below(rng, span as u64)
    };
    (i128::from(low) + i128::from(offset)) as i64
}

fn random_int(low: i64, high: i64) -> Result<i64, Box<EvalAltResult>> {
    if low > high {
        return Err(format!("random_int({low}, {high}): the minimum is above the maximum").into());
    }
    Ok(with_rng(|rng| uniform_int(rng, low, high)))
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
    // A misspelt field (`p.agee`) is an error, not a silent `()`.
    engine.set_fail_on_invalid_map_property(true);
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

/// A compiled script that knows where it stands in the descriptor.
#[derive(Debug)]
pub struct Script {
    ast: AST,
    source: ScriptSource,
}

/// Why a script failed, and where in the descriptor when the script says.
#[derive(Debug)]
pub struct ScriptFailure {
    /// The place in the script, mapped into the descriptor.
    pub pos: Option<Pos>,
    /// One line, without rhai's own position.
    pub message: String,
}

impl Script {
    /// Compiles `source`; a syntax error comes with its descriptor position.
    pub fn compile(engine: &Engine, source: ScriptSource) -> Result<Script, ScriptFailure> {
        match engine.compile(&source.text) {
            Ok(ast) => Ok(Script { ast, source }),
            Err(ParseError(kind, pos)) => Err(ScriptFailure {
                pos: Some(locate(&source, pos)),
                message: kind.to_string(),
            }),
        }
    }

    /// Evaluates the script with `scope`.
    pub fn eval(&self, engine: &Engine, scope: &mut Scope<'_>) -> Result<Dynamic, ScriptFailure> {
        engine
            .eval_ast_with_scope::<Dynamic>(scope, &self.ast)
            .map_err(|e| self.failure(&e, scope))
    }

    fn failure(&self, error: &EvalAltResult, scope: &Scope<'_>) -> ScriptFailure {
        // The error where it happened, not the calls of script functions leading there.
        let mut inner = error;
        while let EvalAltResult::ErrorInFunctionCall(_, _, e, _)
        | EvalAltResult::ErrorInModule(_, e, _) = inner
        {
            inner = e;
        }
        let at = if inner.position().is_none() {
            error.position()
        } else {
            inner.position()
        };
        let full = inner.to_string();
        let suffix = format!(" ({})", inner.position());
        let bare = if inner.position().is_none() {
            full.as_str()
        } else {
            full.strip_suffix(&suffix).unwrap_or(&full)
        };
        let message = match inner {
            EvalAltResult::ErrorPropertyNotFound(name, pos) => {
                self.unknown_property(name, *pos, scope)
            }
            EvalAltResult::ErrorVariableNotFound(name, _) => format!(
                "{bare}{}",
                did_you_mean(name, scope.iter_raw().map(|(n, _, _)| n)).unwrap_or_default()
            ),
            _ => bare.to_owned(),
        };
        ScriptFailure {
            pos: (!at.is_none()).then(|| locate(&self.source, at)),
            message: message.replace(['\n', '\r'], " "),
        }
    }

    /// `p.agee`: names the map (`p`) when the script text before the property is a plain
    /// path of names, and suggests the closest of its keys, or of any map in scope.
    fn unknown_property(&self, name: &str, pos: Position, scope: &Scope<'_>) -> String {
        let path = pos
            .line()
            .zip(pos.position())
            .and_then(|(l, c)| self.source.offset(l, c))
            .and_then(|offset| path_before(&self.source.text, offset, name));
        let owner = path.as_ref().and_then(|path| {
            let (first, rest) = path.split_first()?;
            let mut value = scope.get_value::<Dynamic>(first)?;
            for key in rest {
                let next = value.read_lock::<Map>()?.get(key.as_str())?.clone();
                value = next;
            }
            value.try_cast::<Map>()
        });
        let hint = match &owner {
            Some(map) => datamimic_name(name, map)
                .or_else(|| did_you_mean(name, map.keys().map(|k| k.as_str()))),
            None => {
                let mut keys = Vec::new();
                for (_, _, value) in scope.iter_raw() {
                    collect_keys(value, 0, &mut keys);
                }
                did_you_mean(name, keys.iter().map(String::as_str))
            }
        }
        .unwrap_or_default();
        match (&path, owner) {
            (Some(path), Some(_)) => format!("`{}` has no property `{name}`{hint}", path.join(".")),
            _ => format!("no property `{name}`{hint}"),
        }
    }
}

/// DATAMIMIC entity properties this crate's entities name differently: the hint for `name` on
/// `map` when the map has the property it stands for.
fn datamimic_name(name: &str, map: &Map) -> Option<String> {
    const RENAMED: &[(&str, &str)] = &[
        ("zip_code", "postal_code"),
        ("office_phone", "phone"),
        ("private_phone", "phone"),
    ];
    let (_, ours) = RENAMED.iter().find(|(theirs, _)| *theirs == name)?;
    map.contains_key(*ours)
        .then(|| format!("; DATAMIMIC's `{name}` is `{ours}` here"))
}

fn locate(source: &ScriptSource, pos: Position) -> Pos {
    source.pos(pos.line().unwrap_or(1), pos.position().unwrap_or(1))
}

/// The names before `.name` at char `offset` of `text` (`p.address.stret` gives `p`,
/// `address`), if they are plain names.
fn path_before(text: &str, offset: usize, name: &str) -> Option<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut end = offset.min(chars.len());
    // The position is the property name's, or the dot's just before it.
    if chars[end..]
        .iter()
        .take(name.chars().count())
        .copied()
        .eq(name.chars())
    {
        end = end.checked_sub(1)?;
        while chars[end].is_whitespace() {
            end = end.checked_sub(1)?;
        }
    }
    if chars.get(end) != Some(&'.') {
        return None;
    }
    let before: String = chars[..end].iter().collect();
    let start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map_or(0, |i| i + 1);
    let path: Vec<String> = before[start..].split('.').map(str::to_owned).collect();
    let is_name = |s: &String| {
        s.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
            && s.chars().all(|c| c.is_alphanumeric() || c == '_')
    };
    path.iter().all(is_name).then_some(path)
}

/// The keys of `value` and of the maps nested in it, a few levels deep.
fn collect_keys(value: &Dynamic, depth: usize, keys: &mut Vec<String>) {
    if depth > 4 {
        return;
    }
    if let Some(map) = value.read_lock::<Map>() {
        for (k, v) in map.iter() {
            keys.push(k.to_string());
            collect_keys(v, depth + 1, keys);
        }
    } else if let Some(array) = value.read_lock::<Array>() {
        array.iter().for_each(|v| collect_keys(v, depth + 1, keys));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(engine: &Engine, text: &str) -> Script {
        let source = ScriptSource::from_attribute("d.xml".into(), text, (1, 1), text);
        Script::compile(engine, source).unwrap()
    }

    fn person() -> Dynamic {
        let mut address = Map::new();
        address.insert("street".into(), "Main".into());
        let mut p = Map::new();
        p.insert("age".into(), Dynamic::from(41_i64));
        p.insert("address".into(), address.into());
        p.into()
    }

    #[test]
    fn misspelt_properties_are_errors_with_a_suggestion() {
        let engine = engine();
        let mut scope = Scope::new();
        scope.push_dynamic("p", person());
        let f = script(&engine, "1 + p.agee")
            .eval(&engine, &mut scope)
            .unwrap_err();
        assert_eq!(f.message, "`p` has no property `agee`; did you mean `age`?");
        assert_eq!(f.pos.unwrap().to_string(), "d.xml:1:7");
        let f = script(&engine, "p.address.stret")
            .eval(&engine, &mut scope)
            .unwrap_err();
        assert_eq!(
            f.message,
            "`p.address` has no property `stret`; did you mean `street`?"
        );
        let f = script(&engine, "p[\"address\"][\"stret\"]")
            .eval(&engine, &mut scope)
            .unwrap_err();
        assert_eq!(f.message, "no property `stret`; did you mean `street`?");
        // Writing a new property still works.
        let v = script(&engine, "let q = p; q.extra = 1; q.extra")
            .eval(&engine, &mut scope)
            .unwrap();
        assert_eq!(v.as_int().unwrap(), 1);
    }

    #[test]
    fn unknown_variables_are_named_with_a_suggestion() {
        let engine = engine();
        let mut scope = Scope::new();
        scope.push_dynamic("person", person());
        let f = script(&engine, "\n  persn.age")
            .eval(&engine, &mut scope)
            .unwrap_err();
        assert_eq!(
            f.message,
            "Variable not found: persn; did you mean `person`?"
        );
        assert_eq!(f.pos.unwrap().to_string(), "d.xml:2:3");
    }

    #[test]
    fn integer_overflow_is_an_error() {
        let engine = engine();
        let mut scope = Scope::new();
        for text in [
            "9223372036854775807 + 1",
            "-9223372036854775807 - 2",
            "4611686018427387904 * 2",
            "2 ** 63",
            "abs(-9223372036854775807 - 1)",
        ] {
            assert!(
                script(&engine, text).eval(&engine, &mut scope).is_err(),
                "{text}"
            );
        }
    }

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
