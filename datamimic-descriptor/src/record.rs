//! Descriptor records: evaluating a `<generate>` body into an ordered tree of values.

use anyhow::Result;
use datamimic::sample;
use datamimic_export::entities::Entity;
use rhai::{Array, Dynamic, Map, Scope};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use chrono::NaiveDateTime;

use crate::datetime;
use crate::descriptor::{
    Branch, Converter, Field, Generator, MAX_RECORD_VALUES, Nested, Pos, Stmt, Type, ValueSource,
    error_at,
};
use crate::element_ordinal;
use crate::script::{self, Engine, ScriptFailure, uniform_int, with_rng};

/// A record or part of one, keeping the descriptor's key order.
#[derive(Debug, Clone)]
pub enum Node {
    /// A script value (scalars, and arrays or maps a script returned).
    Value(Dynamic),
    /// `<nestedKey type="dict">` or the record itself.
    Map(Vec<(String, Node)>),
    /// `<nestedKey type="list">`.
    List(Vec<Node>),
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Value(d) => crate::dict_order::Ordered(d).serialize(serializer),
            Node::Map(fields) => {
                let mut map = serializer.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
            Node::List(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
        }
    }
}

impl Node {
    /// The node as a script value (maps keep their key order).
    pub fn to_dynamic(&self) -> Dynamic {
        match self {
            Node::Value(d) => d.clone(),
            Node::Map(fields) => {
                let map: Map = fields
                    .iter()
                    .map(|(k, v)| (k.as_str().into(), v.to_dynamic()))
                    .collect();
                if fields.windows(2).all(|w| w[0].0 < w[1].0) {
                    return map.into();
                }
                let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
                crate::dict_order::ordered_map(map, &keys)
            }
            Node::List(items) => {
                let array: Array = items.iter().map(Node::to_dynamic).collect();
                array.into()
            }
        }
    }
}

/// Evaluates statements for record `index`, appending written keys to `fields`.
pub fn eval_stmts(
    engine: &Engine,
    stmts: &[Stmt],
    index: u64,
    scope: &mut Scope<'_>,
    fields: &mut Vec<(String, Node)>,
) -> Result<()> {
    for stmt in stmts {
        match stmt {
            Stmt::Variable(f) => {
                let value = eval_field(engine, f, index, scope)?;
                scope.push_dynamic(f.name.as_str(), value);
            }
            Stmt::Key(f) if !f.elements.is_empty() => {
                let node = crate::xml_elements::eval_key_with_elements(engine, f, index, scope)?;
                scope.push_dynamic(f.name.as_str(), node.to_dynamic());
                fields.push((f.name.clone(), node));
            }
            Stmt::Key(f) => {
                let value = eval_field(engine, f, index, scope)?;
                scope.push_dynamic(f.name.as_str(), value.clone());
                fields.push((f.name.clone(), Node::Value(value)));
            }
            Stmt::Nested(n) => {
                let node = eval_nested(engine, n, index, scope)?;
                scope.push_dynamic(n.name.as_str(), node.to_dynamic());
                fields.push((n.name.clone(), node));
            }
            Stmt::Echo(echo) => eprintln!("{}", echo.render(engine, scope)?),
            Stmt::Condition(branches) => {
                for branch in branches {
                    if holds(engine, branch, index, scope)? {
                        eval_stmts(engine, &branch.body, index, scope, fields)?;
                        break;
                    }
                }
            }
            Stmt::List(list) => {
                let mut elements = Vec::with_capacity(list.items.len());
                for item in &list.items {
                    if !holds(engine, item, index, scope)? {
                        elements.push(Node::Value(Dynamic::UNIT));
                        continue;
                    }
                    // An item's keys are visible to its later keys only.
                    let mark = scope.len();
                    let mut inner = Vec::new();
                    eval_stmts(engine, &item.body, index, scope, &mut inner)?;
                    scope.rewind(mark);
                    elements.push(Node::Map(inner));
                }
                if list.remove_empty {
                    elements = crate::remove_empty::remove_empty_elements(elements);
                }
                let node = Node::List(elements);
                scope.push_dynamic(list.name.as_str(), node.to_dynamic());
                fields.push((list.name.clone(), node));
            }
        }
    }
    Ok(())
}

/// Whether `branch`'s condition holds on record `index` (a branch without one always does).
fn holds(engine: &Engine, branch: &Branch, index: u64, scope: &mut Scope<'_>) -> Result<bool> {
    let Some(condition) = &branch.condition else {
        return Ok(true);
    };
    condition
        .eval(engine, scope)
        .map_err(|e| {
            failed(
                e,
                &branch.pos,
                format_args!("condition failed on record {index}"),
            )
        })?
        .as_bool()
        .map_err(|ty| {
            error_at(
                &branch.pos,
                format_args!("condition gave a {ty}, not a bool, on record {index}"),
            )
        })
}

fn eval_nested(engine: &Engine, n: &Nested, index: u64, scope: &mut Scope<'_>) -> Result<Node> {
    if let Some(script) = &n.script {
        let value = match (script.eval(engine, scope), &n.fallback) {
            (Ok(v), Some(fallback)) if !v.is_array() && !v.is_map() => fallback.eval(engine, scope),
            (Err(_), Some(fallback)) => fallback.eval(engine, scope),
            (result, _) => result,
        }
        .map_err(|e| {
            failed(
                e,
                &n.pos,
                format_args!("`{}`: script failed on record {index}", n.name),
            )
        })?;
        finite(&value)
            .map_err(|m| error_at(&n.pos, format_args!("`{}`: {m} on record {index}", n.name)))?;
        if !n.body.is_empty() {
            return crate::nested_overlay::overlay_script_value(engine, n, value, index, scope);
        }
        return Ok(Node::Value(value));
    }
    if let Some(source) = &n.source {
        return rows_nested(engine, n, source, index, scope);
    }
    // Keys of one element are visible to its later keys only.
    let element = |scope: &mut Scope<'_>| -> Result<Node> {
        let mark = scope.len();
        let mut inner = Vec::new();
        eval_stmts(engine, &n.body, index, scope, &mut inner)?;
        scope.rewind(mark);
        Ok(Node::Map(inner))
    };
    match n.list {
        None => element(scope),
        // The parser bounds counts; a model built in code is checked before allocating.
        Some(count) if count > MAX_RECORD_VALUES => Err(error_at(
            &n.pos,
            format_args!(
                "`{}`: {count} elements: a record holds at most {MAX_RECORD_VALUES} values",
                n.name
            ),
        )),
        Some(most) => (0..n.min_count.map_or(most, |least| {
            with_rng(|rng| crate::descriptor::draw_count(rng, least, most))
        }))
            .map(|place| {
                let ordinal = list_element_ordinal(n, index, most, place)?;
                element_ordinal::within(ordinal, || element(scope))
            })
            .collect::<Result<Vec<_>>>()
            .map(Node::List),
    }
}

/// A list nestedKey with a `source`: its elements start as the source's rows.
fn rows_nested(
    engine: &Engine,
    n: &Nested,
    source: &crate::csv_source::RowSource,
    index: u64,
    scope: &mut Scope<'_>,
) -> Result<Node> {
    let rows = source.rows.len();
    let most = n.list.unwrap_or(rows);
    let mut count = n.min_count.map_or(most, |least| {
        with_rng(|rng| crate::descriptor::draw_count(rng, least, most))
    });
    if !source.cyclic {
        count = count.min(rows);
    }
    if count > MAX_RECORD_VALUES {
        return Err(error_at(
            &n.pos,
            format_args!(
                "`{}`: {count} elements: a record holds at most {MAX_RECORD_VALUES} values",
                n.name
            ),
        ));
    }
    let order = source.element_order(count);
    let mut elements = Vec::with_capacity(order.len());
    let longest = if source.cyclic { most } else { most.min(rows) };
    for (place, row) in (0..).zip(order) {
        let ordinal = list_element_ordinal(n, index, longest, place)?;
        let mark = scope.len();
        let mut inner = Vec::new();
        let columns = source.start_row(engine, row, scope, &mut inner)?;
        element_ordinal::within(ordinal, || {
            eval_stmts(engine, &n.body, index, scope, &mut inner)
        })?;
        crate::csv_source::overlay(&mut inner, columns);
        scope.rewind(mark);
        elements.push(Node::Map(inner));
    }
    Ok(Node::List(elements))
}

/// The ordinals of element `place` of list `n`.
fn list_element_ordinal(
    n: &Nested,
    index: u64,
    longest: u64,
    place: u64,
) -> Result<element_ordinal::Ordinals> {
    element_ordinal::of_element(index, longest, place).ok_or_else(|| {
        error_at(
            &n.pos,
            format_args!(
                "`{}`: element {place} of record {index} leaves the 64-bit range of ordinals",
                n.name
            ),
        )
    })
}

fn random_of(ty: Option<Type>) -> Dynamic {
    with_rng(|rng| match ty {
        Some(Type::Float) => sample::unit_f64(rng).into(),
        Some(Type::Bool) => sample::chance(rng, 0.5).into(),
        Some(Type::String) => datamimic::pattern::fill(rng, "????????").into(),
        Some(Type::Int) | None => (sample::below(rng, 1000) as i64).into(),
    })
}

/// Record `index` of an entity as a script value (a map of its fields).
pub(crate) fn entity_value(entity: &dyn Entity, index: u64) -> Result<Dynamic> {
    let mut value = Dynamic::UNIT;
    entity.visit_record(index, &mut |record| {
        value = rhai::serde::to_dynamic(record).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(())
    })?;
    Ok(value)
}

pub(crate) fn eval_field(
    engine: &Engine,
    f: &Field,
    index: u64,
    scope: &mut Scope<'_>,
) -> Result<Dynamic> {
    let fail = |message: String| error_at(&f.pos, format_args!("`{}`: {message}", f.name));
    let mut generated = None;
    let mut value: Dynamic = match &f.source {
        ValueSource::Entity(entity, tag, projection) => {
            // Each element of a list draws its own entity, as each record does.
            let record = element_ordinal::entity_record(index);
            let mut value = match projection {
                Some(fields) => crate::entity_projection::projected_value(
                    entity.as_ref(),
                    record,
                    fields.fields(),
                ),
                None => entity_value(entity.as_ref(), record),
            }
            .map_err(|e| fail(format!("{e:#}")))?;
            crate::address_phones::add_datamimic_phones(*tag, &mut value);
            value.set_tag((*tag).into());
            value
        }
        ValueSource::Script(script) => script.eval(engine, scope).map_err(|e| {
            failed(
                e,
                &f.pos,
                format_args!("`{}`: script failed on record {index}", f.name),
            )
        })?,
        ValueSource::Constant(c) => c.clone(),
        ValueSource::Rows(rows) => rows.map(index)?,
        ValueSource::Reference(rows) => rows.first_value(index)?,
        ValueSource::Values(table, values) => {
            values[with_rng(|rng| table.sample_index(rng))].clone()
        }
        ValueSource::Pattern(p) => with_rng(|rng| p.generate(rng)).into(),
        ValueSource::IntRange(low, high) => with_rng(|rng| uniform_int(rng, *low, *high)).into(),
        ValueSource::FloatRange(min, max) => {
            with_rng(|rng| (min + sample::unit_f64(rng) * (max - min)).into())
        }
        ValueSource::Generator(Generator::DateTime(g)) => {
            generated = Some(
                with_rng(|rng| g.draw_for(index, rng))
                    .map_err(|m| fail(format!("{m} on record {index}")))?,
            );
            Dynamic::UNIT
        }
        ValueSource::Generator(g) => match g {
            Generator::Increment { start, step } => i64::try_from(element_ordinal::current(index))
                .ok()
                .and_then(|i| i.checked_mul(*step))
                .and_then(|offset| offset.checked_add(*start))
                .ok_or_else(|| {
                    fail(format!(
                        "`IncrementGenerator` leaves the 64-bit integer range on record {index}"
                    ))
                })?
                .into(),
            Generator::Uuid => script::uuid().into(),
            Generator::Cpf => with_rng(datamimic::ident::br::cpf).into(),
            Generator::Cnpj => with_rng(datamimic::ident::br::cnpj).into(),
            Generator::String(g) => with_rng(|rng| g.draw(rng)).into(),
            Generator::Boolean => with_rng(|rng| sample::chance(rng, 0.5)).into(),
            Generator::Integer(low, high) => with_rng(|rng| uniform_int(rng, *low, *high)).into(),
            Generator::Float(low, high) => {
                with_rng(|rng| (low + sample::unit_f64(rng) * (high - low)).into())
            }
            Generator::DateTime(_) => unreachable!("matched above"),
            Generator::Email(g) => {
                // A person drawn from the record's stream, so each element of a list differs.
                let person = with_rng(|rng| sample::below(rng, 1 << 48));
                let record =
                    entity_value(g.entity.as_ref(), person).map_err(|e| fail(format!("{e:#}")))?;
                record
                    .read_lock::<Map>()
                    .and_then(|m| m.get(g.field).cloned())
                    .ok_or_else(|| fail(format!("the entity has no field `{}`", g.field)))?
            }
            Generator::Python(call) => call.0.eval(engine, scope).map_err(|e| {
                failed(
                    e,
                    &f.pos,
                    format_args!("`{}`: generator failed on record {index}", f.name),
                )
            })?,
        },
        ValueSource::RandomArray(count) if *count > MAX_RECORD_VALUES => {
            return Err(fail(format!(
                "{count} elements: a record holds at most {MAX_RECORD_VALUES} values"
            )));
        }
        ValueSource::RandomArray(count) => {
            let array: Array = (0..*count).map(|_| random_of(f.ty)).collect();
            return Ok(array.into());
        }
    };
    if f.null_quota > 0.0 && with_rng(|rng| sample::chance(rng, f.null_quota)) {
        return Ok(Dynamic::UNIT);
    }
    if let Some(ty) = f.ty
        && !matches!(
            f.source,
            ValueSource::IntRange(..) | ValueSource::FloatRange(..)
        )
    {
        value = convert(value, ty).map_err(|m| fail(format!("{m} on record {index}")))?;
    }
    finite(&value).map_err(|m| fail(format!("{m} on record {index}")))?;
    let date = match &f.in_date_format {
        _ if generated.is_some() => generated,
        Some(format) if !value.is_unit() => Some(
            format
                .read(&text_of(&value))
                .map_err(|m| fail(format!("`inDateFormat`: {m} on record {index}")))?,
        ),
        _ => None,
    };
    finish_date(engine, f, date, value, index)
}

/// Applies the converters and `outDateFormat` to `value`, or to the datetime `date` when
/// there is one (a datetime left at the end is written as `outDateFormat` says, else as
/// `%Y-%m-%d %H:%M:%S`).
fn finish_date(
    engine: &Engine,
    f: &Field,
    mut date: Option<NaiveDateTime>,
    mut value: Dynamic,
    index: u64,
) -> Result<Dynamic> {
    let fail = |message: String| {
        error_at(
            &f.pos,
            format_args!("`{}`: {message} on record {index}", f.name),
        )
    };
    // A datetime asked of a plain value: read with the default inputs (a script passing on
    // a generated datetime hands over its default text).
    let as_date = |date: Option<NaiveDateTime>, value: &Dynamic| -> Result<NaiveDateTime> {
        match date {
            Some(at) => Ok(at),
            None => datetime::parse_datetime(&text_of(value), None).map_err(&fail),
        }
    };
    // `outDateFormat` reads a plain value as a datetime before the converters see it (unless
    // a converter makes the datetime from a timestamp).
    let makes_date = f.converters.contains(&Converter::Timestamp2Date);
    if date.is_none() && f.out_date_format.is_some() && !value.is_unit() && !makes_date {
        date = Some(as_date(None, &value)?);
    }
    let mut out_written = false;
    for c in &f.converters {
        if value.is_unit() && date.is_none() {
            break;
        }
        match c {
            Converter::DateFormat(format) => {
                let at = as_date(date.take(), &value)?;
                value = format.write(at).map_err(&fail)?;
            }
            Converter::Date2Timestamp => {
                let at = as_date(date.take(), &value)?;
                value = at.and_utc().timestamp().into();
            }
            Converter::Timestamp2Date => {
                let seconds = value
                    .as_int()
                    .ok()
                    .or_else(|| text_of(&value).trim().parse().ok())
                    .ok_or_else(|| fail(format!("`{value}` is not a count of seconds")))?;
                date = Some(
                    datetime::from_epoch_seconds(seconds)
                        .ok_or_else(|| fail(format!("{seconds} seconds is out of range")))?,
                );
            }
            Converter::Python(call) => {
                if let Some(at) = date.take() {
                    value = written(f, at).map_err(&fail)?;
                    out_written = true;
                }
                let mut scope = Scope::new();
                scope.push_dynamic("__value__", value);
                value = call.0.eval(engine, &mut scope).map_err(|e| {
                    failed(
                        e,
                        &f.pos,
                        format_args!("`{}`: converter failed on record {index}", f.name),
                    )
                })?;
            }
            Converter::RemoveEmpty => value = crate::remove_empty::clean_value(value),
            text_converter => {
                if let Some(at) = date.take() {
                    value = written(f, at).map_err(&fail)?;
                    out_written = true;
                }
                value = convert_text(&text_of(&value), text_converter).into();
            }
        }
    }
    match (date, &f.out_date_format) {
        (Some(at), _) => written(f, at).map_err(&fail),
        (None, Some(_)) if !out_written && !value.is_unit() => Err(fail(format!(
            "`outDateFormat` needs a datetime, but the converters left `{value}`"
        ))),
        (None, _) => Ok(value),
    }
}

/// `at` as `outDateFormat` says, else as `%Y-%m-%d %H:%M:%S`.
fn written(f: &Field, at: NaiveDateTime) -> Result<Dynamic, String> {
    match &f.out_date_format {
        Some(format) => format.write(at),
        None => Ok(at.format(datetime::DEFAULT_FORMAT).to_string().into()),
    }
}

fn text_of(value: &Dynamic) -> String {
    match value.read_lock::<rhai::ImmutableString>() {
        Some(s) => s.to_string(),
        None => value.to_string(),
    }
}

/// A script failure at its place in the script, else at `fallback`.
fn failed(failure: ScriptFailure, fallback: &Pos, what: std::fmt::Arguments<'_>) -> anyhow::Error {
    error_at(
        failure.pos.as_ref().unwrap_or(fallback),
        format_args!("{what}: {}", failure.message),
    )
}

/// An infinite or NaN float anywhere in `value` is an error: no format writes it faithfully
/// (JSON would write `null`).
fn finite(value: &Dynamic) -> Result<(), String> {
    // The common values first, without the type lookups of `read_lock`.
    if value.is_string() || value.is_int() || value.is_bool() || value.is_unit() {
        return Ok(());
    }
    if let Ok(f) = value.as_float() {
        if !f.is_finite() {
            return Err(format!("`{f}` is not a finite number"));
        }
    } else if let Some(array) = value.read_lock::<Array>() {
        array.iter().try_for_each(finite)?;
    } else if let Some(map) = value.read_lock::<Map>() {
        map.values().try_for_each(finite)?;
    }
    Ok(())
}

/// `f` truncated, if it fits an `i64`.
fn float_to_int(f: f64) -> Option<i64> {
    let t = f.trunc();
    // 2^63 is exact as an f64; every float below it and at or above -2^63 fits.
    (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0)
        .contains(&t)
        .then_some(t as i64)
}

fn convert(value: Dynamic, ty: Type) -> Result<Dynamic, String> {
    if value.is_unit() {
        return Ok(value);
    }
    let text = value.to_string();
    let bad = || format!("`{text}` cannot be converted to {ty:?}");
    Ok(match ty {
        Type::String => text.into(),
        Type::Int => {
            if let Ok(i) = value.as_int() {
                i.into()
            } else if let Ok(f) = value.as_float() {
                float_to_int(f)
                    .ok_or_else(|| format!("`{text}` does not fit a 64-bit integer"))?
                    .into()
            } else if let Ok(b) = value.as_bool() {
                i64::from(b).into()
            } else {
                text.trim().parse::<i64>().map_err(|_| bad())?.into()
            }
        }
        Type::Float => {
            if let Ok(f) = value.as_float() {
                f.into()
            } else if let Ok(i) = value.as_int() {
                (i as f64).into()
            } else {
                text.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .ok_or_else(bad)?
                    .into()
            }
        }
        Type::Bool => {
            if let Ok(b) = value.as_bool() {
                b.into()
            } else if let Ok(i) = value.as_int() {
                (i != 0).into()
            } else {
                match text.trim() {
                    "true" | "True" | "1" => true.into(),
                    "false" | "False" | "0" => false.into(),
                    _ => return Err(bad()),
                }
            }
        }
    })
}

fn convert_text(text: &str, converter: &Converter) -> String {
    match converter {
        Converter::Upper => text.to_uppercase(),
        Converter::Lower => text.to_lowercase(),
        Converter::CutLength(n) => text.chars().take(*n).collect(),
        Converter::Mask(mask) => std::iter::repeat_n(*mask, text.chars().count()).collect(),
        Converter::Append(tail) => format!("{text}{tail}"),
        Converter::Hash(hash) => hash.hash(text),
        &Converter::MiddleMask(start, end) => {
            let n = text.chars().count();
            text.chars()
                .enumerate()
                .map(|(i, c)| if i < start || i + end >= n { c } else { '*' })
                .collect()
        }
        Converter::DateFormat(_)
        | Converter::Date2Timestamp
        | Converter::Timestamp2Date
        | Converter::RemoveEmpty
        | Converter::Python(_) => {
            unreachable!("date and Python converters are applied by `finish_date`")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converters_work() {
        assert_eq!(
            convert_text("abcdef", &Converter::MiddleMask(1, 2)),
            "a***ef"
        );
        assert_eq!(convert_text("abc", &Converter::CutLength(2)), "ab");
        assert_eq!(convert_text("abc", &Converter::Upper), "ABC");
        assert_eq!(
            convert("12".into(), Type::Int).unwrap().as_int().unwrap(),
            12
        );
        assert!(convert("x".into(), Type::Int).is_err());
    }

    #[test]
    fn conversions_never_saturate_or_become_infinite() {
        assert!(convert(Dynamic::from(1e30_f64), Type::Int).is_err());
        assert!(convert(Dynamic::from(-9.3e18_f64), Type::Int).is_err());
        assert_eq!(
            convert(Dynamic::from(-9.2e18_f64), Type::Int)
                .unwrap()
                .as_int()
                .unwrap(),
            -9_200_000_000_000_000_000
        );
        assert!(convert("1e400".into(), Type::Float).is_err());
        assert!(convert("NaN".into(), Type::Float).is_err());
        assert!(convert("99999999999999999999".into(), Type::Int).is_err());
        assert!(finite(&Dynamic::from(f64::INFINITY)).is_err());
        let nested: Array = vec![Dynamic::from(1_i64), Dynamic::from(f64::NAN)];
        assert!(finite(&nested.into()).is_err());
    }

    /// A model built in code, past the parser's checks, still fails instead of aborting.
    #[test]
    fn huge_counts_fail_before_allocating() {
        let engine = script::engine();
        let pos = crate::descriptor::Pos {
            file: "built.xml".into(),
            line: 3,
            col: 5,
        };
        let array = Stmt::Key(Field {
            pos: pos.clone(),
            name: "a".to_owned(),
            source: ValueSource::RandomArray(u64::MAX),
            ty: Some(Type::Int),
            null_quota: 0.0,
            converters: Vec::new(),
            in_date_format: None,
            out_date_format: None,
            elements: Vec::new(),
        });
        let list = Stmt::Nested(Nested {
            pos,
            name: "n".to_owned(),
            list: Some(10_000_000_000),
            min_count: None,
            script: None,
            fallback: None,
            source: None,
            body: Vec::new(),
        });
        for stmt in [array, list] {
            let err = eval_stmts(&engine, &[stmt], 0, &mut Scope::new(), &mut Vec::new())
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with("built.xml:3:5: `") && err.contains("at most 1000000 values"),
                "{err}"
            );
        }
    }
}
