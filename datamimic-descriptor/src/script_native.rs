//! The native fast path for Python scripts: simple expressions (names, attributes, item
//! access, literals, lists, arithmetic, comparisons, `and`/`or`/`not`, conditionals and
//! f-strings without format specs) are compiled once into Rust closures over the record's
//! values and never enter the interpreter.
//!
//! A closure follows Python's semantics for the values it knows (integers, floats, strings,
//! bools, `None`, lists and dicts); for anything else (a bool in arithmetic, a float in an
//! f-string, a method of a string) it hands the evaluation to the interpreter, which is safe
//! because these closures have no side effects: they draw no random numbers.

use rhai::{Array, Dynamic, ImmutableString, Map, Scope};
use ruff_python_ast::{
    self as ast, BoolOp, CmpOp, Expr, InterpolatedStringElement, Number, Operator, UnaryOp,
};
use ruff_text_size::Ranged;

use datamimic_export::suggest::did_you_mean;

/// The longest string a native operation makes (as the interpreter's limits would).
const MAX_STRING: usize = 1 << 20;

/// Why a native evaluation stopped.
#[derive(Debug)]
pub enum Stop {
    /// The expression met a value it leaves to the interpreter.
    Interpreter,
    /// A Python error, at byte `offset` of the script.
    Error {
        /// Where in the script text.
        offset: usize,
        /// One line, Python's error class first.
        message: String,
    },
}

type Outcome = Result<Dynamic, Stop>;

/// A compiled native expression.
pub type Native = Box<dyn Fn(&Scope<'_>) -> Outcome + Send + Sync>;

fn error(offset: usize, message: String) -> Stop {
    Stop::Error { offset, message }
}

/// Compiles `expr` natively, or `None` when it uses something only the interpreter has
/// (calls, comprehensions, lambdas, slices, format specs...).
pub fn compile(expr: &Expr) -> Option<Native> {
    let at = usize::from(expr.start());
    Some(match expr {
        Expr::Name(name) => {
            let id = name.id.to_string();
            Box::new(move |scope: &Scope<'_>| match scope.get(&id) {
                Some(value) => Ok(value.clone()),
                None => Err(error(at, undefined_name(&id, scope))),
            })
        }
        Expr::NumberLiteral(n) => {
            let value: Dynamic = match &n.value {
                Number::Int(i) => i.as_i64()?.into(),
                Number::Float(f) => (*f).into(),
                Number::Complex { .. } => return None,
            };
            Box::new(move |_: &Scope<'_>| Ok(value.clone()))
        }
        Expr::StringLiteral(s) => {
            let value: Dynamic = s.value.to_str().into();
            Box::new(move |_: &Scope<'_>| Ok(value.clone()))
        }
        Expr::BooleanLiteral(b) => {
            let value = b.value;
            Box::new(move |_: &Scope<'_>| Ok(value.into()))
        }
        Expr::NoneLiteral(_) => Box::new(|_: &Scope<'_>| Ok(Dynamic::UNIT)),
        Expr::List(list) => {
            let items = list.elts.iter().map(compile).collect::<Option<Vec<_>>>()?;
            Box::new(move |scope: &Scope<'_>| {
                let array: Array = items.iter().map(|i| i(scope)).collect::<Result<_, _>>()?;
                Ok(array.into())
            })
        }
        Expr::Attribute(a) if dotted_path(&a.value).is_some() => {
            // `p.address.city`: walked by reference, only the value read is copied.
            let mut steps = Vec::new();
            let mut root = expr;
            while let Expr::Attribute(step) = root {
                steps.push((step.attr.id.to_string(), usize::from(step.attr.start())));
                root = &step.value;
            }
            steps.reverse();
            let Expr::Name(root) = root else {
                return None;
            };
            let root = root.id.to_string();
            Box::new(move |scope: &Scope<'_>| {
                let Some(value) = scope.get(&root) else {
                    return Err(error(at, undefined_name(&root, scope)));
                };
                walk(value, &root, &steps, 0, scope)
            })
        }
        Expr::Attribute(a) => {
            let base = compile(&a.value)?;
            let name = a.attr.id.to_string();
            let path = dotted_path(&a.value);
            let at = usize::from(a.attr.start());
            Box::new(move |scope: &Scope<'_>| {
                let owner = base(scope)?;
                let Some(map) = owner.read_lock::<Map>() else {
                    return Err(Stop::Interpreter);
                };
                let found = map
                    .get(name.as_str())
                    .cloned()
                    .or_else(|| crate::script_domains::property_value(&owner, &name, &map));
                match found {
                    Some(value) => Ok(value),
                    // An entity's model may have the property (`account.bank_data`).
                    None if crate::script_domains::model_property(&owner, &name) => {
                        Err(Stop::Interpreter)
                    }
                    None => Err(error(
                        at,
                        crate::script::unknown_property(path.as_deref(), &name, &map, scope),
                    )),
                }
            })
        }
        Expr::Subscript(s) => {
            if matches!(*s.slice, Expr::Slice(_)) {
                return None;
            }
            let base = compile(&s.value)?;
            let index = compile(&s.slice)?;
            Box::new(move |scope: &Scope<'_>| item(base(scope)?, index(scope)?, at))
        }
        Expr::UnaryOp(u) => {
            let operand = compile(&u.operand)?;
            let op = u.op;
            if op == UnaryOp::Invert {
                return None;
            }
            Box::new(move |scope: &Scope<'_>| unary(op, operand(scope)?, at))
        }
        Expr::BinOp(b) => {
            let op = b.op;
            if !matches!(
                op,
                Operator::Add
                    | Operator::Sub
                    | Operator::Mult
                    | Operator::Div
                    | Operator::FloorDiv
                    | Operator::Mod
                    | Operator::Pow
            ) {
                return None;
            }
            let left = compile(&b.left)?;
            let right = compile(&b.right)?;
            Box::new(move |scope: &Scope<'_>| binary(op, left(scope)?, right(scope)?, at))
        }
        Expr::BoolOp(b) => {
            let values = b.values.iter().map(compile).collect::<Option<Vec<_>>>()?;
            let and = b.op == BoolOp::And;
            Box::new(move |scope: &Scope<'_>| {
                let mut last = Dynamic::UNIT;
                for value in &values {
                    last = value(scope)?;
                    if truthy(&last)? != and {
                        return Ok(last);
                    }
                }
                Ok(last)
            })
        }
        Expr::If(i) => {
            let test = compile(&i.test)?;
            let body = compile(&i.body)?;
            let orelse = compile(&i.orelse)?;
            Box::new(move |scope: &Scope<'_>| {
                if truthy(&test(scope)?)? {
                    body(scope)
                } else {
                    orelse(scope)
                }
            })
        }
        Expr::Compare(c) => {
            let left = compile(&c.left)?;
            let ops: Vec<CmpOp> = c.ops.to_vec();
            let rights = c
                .comparators
                .iter()
                .map(compile)
                .collect::<Option<Vec<_>>>()?;
            Box::new(move |scope: &Scope<'_>| {
                let mut a = left(scope)?;
                for (op, right) in ops.iter().zip(&rights) {
                    let b = right(scope)?;
                    if !compare(*op, &a, &b)? {
                        return Ok(false.into());
                    }
                    a = b;
                }
                Ok(true.into())
            })
        }
        Expr::FString(f) => {
            let mut parts: Vec<Part> = Vec::new();
            for part in &f.value {
                match part {
                    ast::FStringPart::Literal(s) => parts.push(Part::Text(s.value.to_string())),
                    ast::FStringPart::FString(f) => {
                        for element in &f.elements {
                            match element {
                                InterpolatedStringElement::Literal(l) => {
                                    parts.push(Part::Text(l.value.to_string()));
                                }
                                InterpolatedStringElement::Interpolation(i) => {
                                    if i.format_spec.is_some()
                                        || i.debug_text.is_some()
                                        || i.conversion != ast::ConversionFlag::None
                                    {
                                        return None;
                                    }
                                    parts.push(Part::Value(compile(&i.expression)?));
                                }
                            }
                        }
                    }
                }
            }
            Box::new(move |scope: &Scope<'_>| {
                let mut text = String::new();
                for part in &parts {
                    match part {
                        Part::Text(t) => text.push_str(t),
                        Part::Value(v) => text.push_str(&str_of(&v(scope)?)?),
                    }
                    if text.len() > MAX_STRING {
                        return Err(too_long(at));
                    }
                }
                Ok(text.into())
            })
        }
        _ => return None,
    })
}

/// The value at `steps[i..]` of `value` (the map at `root.steps[..i]`), copying only it.
fn walk(
    value: &Dynamic,
    root: &str,
    steps: &[(String, usize)],
    i: usize,
    scope: &Scope<'_>,
) -> Outcome {
    let Some((name, offset)) = steps.get(i) else {
        return Ok(value.clone());
    };
    let Some(map) = value.read_lock::<Map>() else {
        return Err(Stop::Interpreter);
    };
    if let Some(next) = map.get(name.as_str()) {
        return walk(next, root, steps, i + 1, scope);
    }
    // A model property computed here (`user.email`): a value of its own.
    let property = crate::script_domains::property_value(value, name, &map);
    match property {
        Some(next) => walk(&next, root, steps, i + 1, scope),
        // An entity's model may have the property (`account.bank_data`).
        None if crate::script_domains::model_property(value, name) => Err(Stop::Interpreter),
        None => {
            let path: Vec<String> = std::iter::once(root.to_owned())
                .chain(steps[..i].iter().map(|(n, _)| n.clone()))
                .collect();
            Err(error(
                *offset,
                crate::script::unknown_property(Some(&path), name, &map, scope),
            ))
        }
    }
}

enum Part {
    Text(String),
    Value(Native),
}

/// `p.address` as `["p", "address"]` when `expr` is a plain path of names.
fn dotted_path(expr: &Expr) -> Option<Vec<String>> {
    match expr {
        Expr::Name(n) => Some(vec![n.id.to_string()]),
        Expr::Attribute(a) => {
            let mut path = dotted_path(&a.value)?;
            path.push(a.attr.id.to_string());
            Some(path)
        }
        _ => None,
    }
}

/// Python's `NameError`, with the closest name in scope.
pub fn undefined_name(name: &str, scope: &Scope<'_>) -> String {
    format!(
        "NameError: name `{name}` is not defined{}",
        did_you_mean(name, scope.iter_raw().map(|(n, _, _)| n)).unwrap_or_default()
    )
}

fn too_long(at: usize) -> Stop {
    error(
        at,
        format!("MemoryError: a string longer than {MAX_STRING} bytes"),
    )
}

fn text(value: &Dynamic) -> Option<ImmutableString> {
    value.read_lock::<ImmutableString>().map(|s| s.clone())
}

/// Python's truth value, for the values the fast path knows.
fn truthy(value: &Dynamic) -> Result<bool, Stop> {
    if value.is_unit() {
        return Ok(false);
    }
    if let Ok(b) = value.as_bool() {
        return Ok(b);
    }
    if let Ok(i) = value.as_int() {
        return Ok(i != 0);
    }
    if let Ok(f) = value.as_float() {
        return Ok(f != 0.0);
    }
    if let Some(s) = value.read_lock::<ImmutableString>() {
        return Ok(!s.is_empty());
    }
    if let Some(a) = value.read_lock::<Array>() {
        return Ok(!a.is_empty());
    }
    if let Some(m) = value.read_lock::<Map>() {
        return Ok(!m.is_empty());
    }
    Err(Stop::Interpreter)
}

/// `str(value)` for the values whose text Python and Rust write alike.
fn str_of(value: &Dynamic) -> Result<String, Stop> {
    if value.is_unit() {
        return Ok("None".into());
    }
    if let Ok(b) = value.as_bool() {
        return Ok(if b { "True" } else { "False" }.into());
    }
    if let Ok(i) = value.as_int() {
        return Ok(i.to_string());
    }
    match text(value) {
        Some(s) => Ok(s.to_string()),
        // Python writes floats, lists and dicts its own way.
        None => Err(Stop::Interpreter),
    }
}

enum Num {
    Int(i64),
    Float(f64),
}

/// A number (bools are left to the interpreter: Python counts them as integers).
fn number(value: &Dynamic) -> Option<Num> {
    if value.is_bool() {
        return None;
    }
    if let Ok(i) = value.as_int() {
        return Some(Num::Int(i));
    }
    value.as_float().ok().map(Num::Float)
}

fn overflow(at: usize) -> Stop {
    error(
        at,
        "OverflowError: the result does not fit a 64-bit integer".into(),
    )
}

fn zero_division(at: usize) -> Stop {
    error(at, "ZeroDivisionError: division by zero".into())
}

fn unary(op: UnaryOp, value: Dynamic, at: usize) -> Outcome {
    if op == UnaryOp::Not {
        return Ok((!truthy(&value)?).into());
    }
    match (op, number(&value)) {
        (UnaryOp::UAdd, Some(_)) => Ok(value),
        (UnaryOp::USub, Some(Num::Int(i))) => i
            .checked_neg()
            .map(Dynamic::from)
            .ok_or_else(|| overflow(at)),
        (UnaryOp::USub, Some(Num::Float(f))) => Ok((-f).into()),
        _ => Err(Stop::Interpreter),
    }
}

fn binary(op: Operator, a: Dynamic, b: Dynamic, at: usize) -> Outcome {
    if let (Some(x), Some(y)) = (number(&a), number(&b)) {
        return arithmetic(op, x, y, at);
    }
    match (op, text(&a), text(&b)) {
        (Operator::Add, Some(x), Some(y)) => {
            if x.len() + y.len() > MAX_STRING {
                return Err(too_long(at));
            }
            Ok(format!("{x}{y}").into())
        }
        (Operator::Mult, Some(s), None) | (Operator::Mult, None, Some(s)) => {
            let other = if a.is_string() { &b } else { &a };
            let Some(Num::Int(n)) = number(other) else {
                return Err(Stop::Interpreter);
            };
            let n = usize::try_from(n).unwrap_or(0);
            if s.len().saturating_mul(n) > MAX_STRING {
                return Err(too_long(at));
            }
            Ok(s.repeat(n).into())
        }
        _ => Err(Stop::Interpreter),
    }
}

fn arithmetic(op: Operator, a: Num, b: Num, at: usize) -> Outcome {
    use Num::{Float, Int};
    Ok(match (a, b) {
        (Int(x), Int(y)) => match op {
            Operator::Add => x.checked_add(y).ok_or_else(|| overflow(at))?.into(),
            Operator::Sub => x.checked_sub(y).ok_or_else(|| overflow(at))?.into(),
            Operator::Mult => x.checked_mul(y).ok_or_else(|| overflow(at))?.into(),
            Operator::Div if y == 0 => return Err(zero_division(at)),
            Operator::Div => (x as f64 / y as f64).into(),
            Operator::FloorDiv | Operator::Mod if y == 0 => {
                return Err(error(
                    at,
                    "ZeroDivisionError: integer division or modulo by zero".into(),
                ));
            }
            Operator::FloorDiv => {
                let q = x.checked_div(y).ok_or_else(|| overflow(at))?;
                // Python rounds toward negative infinity.
                if (x % y != 0) && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                }
                .into()
            }
            Operator::Mod => {
                let r = x.checked_rem(y).unwrap_or(0);
                // Python's remainder takes the divisor's sign.
                if r != 0 && ((r < 0) != (y < 0)) {
                    r + y
                } else {
                    r
                }
                .into()
            }
            Operator::Pow if y >= 0 => {
                let e = u32::try_from(y).map_err(|_| overflow(at))?;
                x.checked_pow(e).ok_or_else(|| overflow(at))?.into()
            }
            _ => return Err(Stop::Interpreter),
        },
        (a, b) => {
            let as_f64 = |n: Num| match n {
                Int(i) => i as f64,
                Float(f) => f,
            };
            let (x, y) = (as_f64(a), as_f64(b));
            match op {
                Operator::Add => (x + y).into(),
                Operator::Sub => (x - y).into(),
                Operator::Mult => (x * y).into(),
                Operator::Div if y == 0.0 => return Err(zero_division(at)),
                Operator::Div => (x / y).into(),
                // Python's float floor division, modulo and powers have corner cases (signed
                // zeros, complex results) the interpreter knows.
                _ => return Err(Stop::Interpreter),
            }
        }
    })
}

/// Python's `==` for the values the fast path knows.
fn equal(a: &Dynamic, b: &Dynamic) -> Result<bool, Stop> {
    if a.is_unit() || b.is_unit() {
        return Ok(a.is_unit() && b.is_unit());
    }
    if a.is_bool() || b.is_bool() {
        return match (a.as_bool(), b.as_bool()) {
            (Ok(x), Ok(y)) => Ok(x == y),
            // `True == 1` holds in Python.
            _ => Err(Stop::Interpreter),
        };
    }
    match (number(a), number(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => return Ok(x == y),
        (Some(Num::Float(x)), Some(Num::Float(y))) => return Ok(x == y),
        (Some(_), Some(_)) => return Err(Stop::Interpreter),
        _ => {}
    }
    match (text(a), text(b)) {
        (Some(x), Some(y)) => Ok(x == y),
        // A string is never equal to a number.
        (Some(_), None) | (None, Some(_)) if number(a).is_some() || number(b).is_some() => {
            Ok(false)
        }
        _ => Err(Stop::Interpreter),
    }
}

fn order(a: &Dynamic, b: &Dynamic) -> Result<std::cmp::Ordering, Stop> {
    match (number(a), number(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => return Ok(x.cmp(&y)),
        (Some(Num::Float(x)), Some(Num::Float(y))) => {
            return x.partial_cmp(&y).ok_or(Stop::Interpreter);
        }
        _ => {}
    }
    match (text(a), text(b)) {
        (Some(x), Some(y)) => Ok(x.as_str().cmp(y.as_str())),
        _ => Err(Stop::Interpreter),
    }
}

fn contains(item: &Dynamic, container: &Dynamic) -> Result<bool, Stop> {
    if let (Some(needle), Some(hay)) = (text(item), text(container)) {
        return Ok(hay.contains(needle.as_str()));
    }
    if let Some(map) = container.read_lock::<Map>() {
        return match text(item) {
            Some(key) => Ok(map.contains_key(key.as_str())),
            None => Err(Stop::Interpreter),
        };
    }
    if let Some(array) = container.read_lock::<Array>() {
        for element in array.iter() {
            if equal(item, element)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(Stop::Interpreter)
}

fn compare(op: CmpOp, a: &Dynamic, b: &Dynamic) -> Result<bool, Stop> {
    use std::cmp::Ordering::{Greater, Less};
    Ok(match op {
        CmpOp::Eq => equal(a, b)?,
        CmpOp::NotEq => !equal(a, b)?,
        CmpOp::Lt => order(a, b)? == Less,
        CmpOp::LtE => order(a, b)? != Greater,
        CmpOp::Gt => order(a, b)? == Greater,
        CmpOp::GtE => order(a, b)? != Less,
        CmpOp::In => contains(a, b)?,
        CmpOp::NotIn => !contains(a, b)?,
        // Identity is only certain for `None`.
        CmpOp::Is if a.is_unit() || b.is_unit() => a.is_unit() && b.is_unit(),
        CmpOp::IsNot if a.is_unit() || b.is_unit() => !(a.is_unit() && b.is_unit()),
        CmpOp::Is | CmpOp::IsNot => return Err(Stop::Interpreter),
    })
}

/// `base[index]` for dicts with string keys, lists and strings with integer indexes.
fn item(base: Dynamic, index: Dynamic, at: usize) -> Outcome {
    if let Some(map) = base.read_lock::<Map>() {
        let Some(key) = text(&index) else {
            return Err(Stop::Interpreter);
        };
        return map.get(key.as_str()).cloned().ok_or_else(|| {
            error(
                at,
                format!(
                    "KeyError: no key `{key}`{}",
                    did_you_mean(&key, map.keys().map(|k| k.as_str())).unwrap_or_default()
                ),
            )
        });
    }
    let Some(Num::Int(i)) = number(&index) else {
        return Err(Stop::Interpreter);
    };
    let position = |len: usize| -> Option<usize> {
        let len = i64::try_from(len).ok()?;
        let i = if i < 0 { i.checked_add(len)? } else { i };
        (0..len).contains(&i).then_some(i as usize)
    };
    if let Some(array) = base.read_lock::<Array>() {
        return position(array.len())
            .map(|p| array[p].clone())
            .ok_or_else(|| error(at, "IndexError: list index out of range".into()));
    }
    if let Some(s) = base.read_lock::<ImmutableString>() {
        if !s.is_ascii() {
            return Err(Stop::Interpreter);
        }
        return position(s.len())
            .map(|p| s[p..=p].into())
            .ok_or_else(|| error(at, "IndexError: string index out of range".into()));
    }
    Err(Stop::Interpreter)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(text: &str, scope: &Scope<'_>) -> Outcome {
        let parsed = ruff_python_parser::parse_expression(text).unwrap();
        let native = compile(parsed.expr()).expect("native");
        native(scope)
    }

    fn scope() -> Scope<'static> {
        let mut scope = Scope::new();
        scope.push("n", 7_i64);
        scope.push("name", "Ada");
        let mut p = Map::new();
        p.insert("age".into(), Dynamic::from(41_i64));
        scope.push("p", p);
        scope
    }

    #[test]
    fn python_semantics_for_known_values() {
        let s = scope();
        let int = |t: &str| eval(t, &s).unwrap().as_int().unwrap();
        assert_eq!(int("-7 // 2"), -4);
        assert_eq!(int("-7 % 3"), 2);
        assert_eq!(int("7 % -3"), -2);
        assert_eq!(int("2 ** 10 + n"), 1031);
        assert_eq!(int("p.age if n > 3 else 0"), 41);
        assert_eq!(int("p['age']"), 41);
        assert_eq!(eval("7 / 2", &s).unwrap().as_float().unwrap(), 3.5);
        let text = |t: &str| eval(t, &s).unwrap().into_string().unwrap();
        assert_eq!(text("f'{name}-{n}: {None} {n > 1}'"), "Ada-7: None True");
        assert_eq!(text("'ab' * 2 + name"), "ababAda");
        assert_eq!(text("'' or name"), "Ada");
        assert!(eval("1 < n <= 7 and 'd' in name.lower", &s).is_err());
        assert!(
            eval("1 < n <= 7 and 'd' in name", &s)
                .unwrap()
                .as_bool()
                .unwrap()
        );
    }

    #[test]
    fn unknown_values_go_to_the_interpreter() {
        let s = scope();
        for text in ["True + 1", "f'{1.5}'", "name.upper", "1.5 % 2", "n == True"] {
            assert!(matches!(eval(text, &s), Err(Stop::Interpreter)), "{text}");
        }
        for text in ["len(name)", "[c for c in name]", "name[1:]", "f'{n:>4}'"] {
            let parsed = ruff_python_parser::parse_expression(text).unwrap();
            assert!(compile(parsed.expr()).is_none(), "{text}");
        }
    }

    #[test]
    fn python_errors_are_errors() {
        let s = scope();
        let message = |t: &str| match eval(t, &s) {
            Err(Stop::Error { message, .. }) => message,
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            message("9223372036854775807 + 1"),
            "OverflowError: the result does not fit a 64-bit integer"
        );
        assert_eq!(
            message("n // 0"),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            message("nn + 1"),
            "NameError: name `nn` is not defined; did you mean `n`?"
        );
        assert_eq!(
            message("p.agee"),
            "`p` has no property `agee`; did you mean `age`?"
        );
        assert_eq!(
            message("'x' * 2000000"),
            "MemoryError: a string longer than 1048576 bytes"
        );
    }
}
