//! An entity `<variable>` whose record's scripts read only some of its fields
//! (`doc.full_name`, `doc.age`) is made a map of those fields alone: turning a whole record
//! (a Doctor has two dozen fields, an address among them) into script values cost most of a
//! record's time, and the fields nobody reads are never seen.
//!
//! The fields a generate's scripts read are found when the descriptor is parsed. A variable
//! keeps its whole record when any script might see more than its attributes: a script that
//! reads the name other than as `name.attribute`, or that the interpreter runs (it could hand
//! the value on), an attribute that is not one of the record's fields (a model property), a
//! statement whose scripts are not all known here (a `source` with scripted templates), a
//! nested generate (its records see the variable by name), or a `converter`, `type` or date
//! format on the variable (they are applied to the whole value).
//!
//! The fields kept are made exactly as the whole record makes them, in the same order of
//! draws (an Address keeps its `phone`, from which its DATAMIMIC phones are drawn).

use std::fmt;

use rhai::{Dynamic, Map};
use serde::Serialize;
use serde::ser::{self, Impossible, SerializeStruct};

use crate::descriptor::{Converter, Field, Generator, Stmt, ValueSource};
use crate::script::{NameUse, Script};
use crate::script_domains::EntityTag;
use datamimic_export::entities::Entity;

/// The fields an entity variable's value is made of, when not all of them.
#[derive(Debug)]
pub struct Projection {
    fields: Vec<String>,
}

impl Projection {
    /// The fields' names.
    pub fn fields(&self) -> &[String] {
        &self.fields
    }
}

/// Narrows every entity `<variable>` in `body` (a generate without nested generates) to the
/// fields the body's scripts read, where it can.
pub(crate) fn narrow_entity_variables(body: &mut [Stmt]) {
    let mut names = Vec::new();
    variable_names(body, &mut names);
    for name in names {
        let mut uses = NameUse::Unread;
        stmts_reading(body, &name, &mut uses);
        let NameUse::Attributes(mut attributes) = uses else {
            continue;
        };
        attributes.sort();
        attributes.dedup();
        narrow(body, &name, &attributes);
    }
}

/// The names of the entity variables in `stmts`.
fn variable_names(stmts: &[Stmt], names: &mut Vec<String>) {
    for stmt in stmts {
        match stmt {
            Stmt::Variable(f) if matches!(f.source, ValueSource::Entity(..)) => {
                names.push(f.name.clone());
            }
            Stmt::Variable(_) | Stmt::Key(_) | Stmt::Echo(_) => {}
            Stmt::Nested(n) => variable_names(&n.body, names),
            Stmt::Condition(branches) => {
                branches.iter().for_each(|b| variable_names(&b.body, names))
            }
            Stmt::List(list) => list
                .items
                .iter()
                .for_each(|b| variable_names(&b.body, names)),
        }
    }
}

/// Gives the entity variables named `name` in `stmts` the fields `attributes`, if their
/// records have them all.
fn narrow(stmts: &mut [Stmt], name: &str, attributes: &[String]) {
    for stmt in stmts {
        match stmt {
            // A converter, a `type` or a date format sees the whole value.
            Stmt::Variable(f)
                if f.name == name
                    && f.converters.is_empty()
                    && f.ty.is_none()
                    && f.in_date_format.is_none()
                    && f.out_date_format.is_none() =>
            {
                if let ValueSource::Entity(entity, tag, projection) = &mut f.source {
                    *projection = projection_of(entity.as_ref(), *tag, attributes);
                }
            }
            Stmt::Variable(_) | Stmt::Key(_) | Stmt::Echo(_) => {}
            Stmt::Nested(n) => narrow(&mut n.body, name, attributes),
            Stmt::Condition(branches) => branches
                .iter_mut()
                .for_each(|b| narrow(&mut b.body, name, attributes)),
            Stmt::List(list) => list
                .items
                .iter_mut()
                .for_each(|b| narrow(&mut b.body, name, attributes)),
        }
    }
}

/// `attributes` as the projection of `entity`'s records, when each is one of its fields (a
/// model property such as `zip_code` needs the whole record) and the records are structs.
fn projection_of(
    entity: &dyn Entity,
    tag: EntityTag,
    attributes: &[String],
) -> Option<Box<Projection>> {
    let whole = crate::record::entity_value(entity, 0).ok()?;
    let fields = whole.read_lock::<Map>()?;
    if !attributes.iter().all(|a| fields.contains_key(a.as_str())) {
        return None;
    }
    let mut kept: Vec<String> = attributes.to_vec();
    // The DATAMIMIC phones of an Address are drawn from its `phone`.
    if crate::address_phones::is_address(tag) && !kept.iter().any(|k| k == "phone") {
        kept.push("phone".to_owned());
    }
    let sample = projected_value(entity, 0, &kept).ok()?;
    sample
        .is_map()
        .then(|| Box::new(Projection { fields: kept }))
}

/// How the statements read `name`, added to `uses`.
fn stmts_reading(stmts: &[Stmt], name: &str, uses: &mut NameUse) {
    for stmt in stmts {
        match stmt {
            Stmt::Variable(f) | Stmt::Key(f) => field_reading(f, name, uses),
            Stmt::Nested(n) => {
                if n.source.is_some() {
                    // Scripted rows are evaluated by the source.
                    whole(uses);
                }
                for script in n.script.iter().chain(&n.fallback) {
                    script_reading(script, name, uses);
                }
                stmts_reading(&n.body, name, uses);
            }
            Stmt::Condition(branches) => {
                for branch in branches {
                    if let Some(script) = &branch.condition {
                        script_reading(script, name, uses);
                    }
                    stmts_reading(&branch.body, name, uses);
                }
            }
            Stmt::List(list) => {
                for item in &list.items {
                    if let Some(script) = &item.condition {
                        script_reading(script, name, uses);
                    }
                    stmts_reading(&item.body, name, uses);
                }
            }
            Stmt::Echo(echo) => {
                for part in &echo.parts {
                    match part {
                        crate::echo::EchoPart::Expr(script) => script_reading(script, name, uses),
                        crate::echo::EchoPart::Text(_) => {}
                    }
                }
            }
        }
    }
}

fn field_reading(f: &Field, name: &str, uses: &mut NameUse) {
    match &f.source {
        ValueSource::Script(script) => script_reading(script, name, uses),
        ValueSource::Generator(g) => match g {
            Generator::Python(call) => script_reading(&call.0, name, uses),
            Generator::Increment { .. }
            | Generator::Uuid
            | Generator::Boolean
            | Generator::Integer(..)
            | Generator::Float(..)
            | Generator::DateTime(_)
            | Generator::String(_)
            | Generator::Cpf
            | Generator::Cnpj
            | Generator::Email(_) => {}
        },
        ValueSource::Entity(..)
        | ValueSource::Constant(_)
        | ValueSource::Values(..)
        | ValueSource::Pattern(_)
        | ValueSource::IntRange(..)
        | ValueSource::FloatRange(..)
        | ValueSource::RandomArray(_) => {}
        // Rows may come with scripted templates the source evaluates.
        ValueSource::Rows(_) | ValueSource::Reference(_) => whole(uses),
    }
    for converter in &f.converters {
        match converter {
            Converter::Python(call) => script_reading(&call.0, name, uses),
            Converter::Upper
            | Converter::Lower
            | Converter::CutLength(_)
            | Converter::Mask(_)
            | Converter::Append(_)
            | Converter::Hash(_)
            | Converter::RemoveEmpty
            | Converter::MiddleMask(..)
            | Converter::DateFormat(_)
            | Converter::Date2Timestamp
            | Converter::Timestamp2Date => {}
        }
    }
    for element in &f.elements {
        field_reading(element, name, uses);
    }
}

fn script_reading(script: &Script, name: &str, uses: &mut NameUse) {
    *uses = std::mem::replace(uses, NameUse::Unread).and(script.reads_of(name));
}

fn whole(uses: &mut NameUse) {
    *uses = NameUse::Whole;
}

/// Record `index` of `entity` as a map of the fields `fields` only, each made as
/// [`crate::record::entity_value`] makes it.
pub(crate) fn projected_value(
    entity: &dyn Entity,
    index: u64,
    fields: &[String],
) -> anyhow::Result<Dynamic> {
    let mut value = None;
    entity.visit_record(index, &mut |record| {
        value = Some(
            record
                .serialize(Projecting { fields })
                .map_err(|e| anyhow::anyhow!("{e}"))?,
        );
        Ok(())
    })?;
    Ok(value.map_or(Dynamic::UNIT, Dynamic::from_map))
}

/// Why a record could not be projected.
#[derive(Debug)]
struct NotProjected(String);

impl fmt::Display for NotProjected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotProjected {}

impl ser::Error for NotProjected {
    fn custom<T: fmt::Display>(message: T) -> NotProjected {
        NotProjected(message.to_string())
    }
}

/// Serializes a struct into a map of the fields `fields`; anything else is an error.
struct Projecting<'f> {
    fields: &'f [String],
}

/// The fields kept so far.
struct ProjectedStruct<'f> {
    fields: &'f [String],
    map: Map,
}

impl SerializeStruct for ProjectedStruct<'_> {
    type Ok = Map;
    type Error = NotProjected;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), NotProjected> {
        if self.fields.iter().any(|f| f == key) {
            let value = rhai::serde::to_dynamic(value).map_err(|e| NotProjected(e.to_string()))?;
            self.map.insert(key.into(), value);
        }
        Ok(())
    }

    fn end(self) -> Result<Map, NotProjected> {
        Ok(self.map)
    }
}

fn not_a_struct() -> NotProjected {
    NotProjected("the record is not a struct".to_owned())
}

/// `fn $name(self, $args) -> Result<$ok, NotProjected>` refusing the value.
macro_rules! refuse {
    ($($name:ident($($arg:ty),*) -> $ok:ty;)*) => {
        $(
            fn $name(self, $(_: $arg),*) -> Result<$ok, NotProjected> {
                Err(not_a_struct())
            }
        )*
    };
}

impl<'f> ser::Serializer for Projecting<'f> {
    type Ok = Map;
    type Error = NotProjected;
    type SerializeSeq = Impossible<Map, NotProjected>;
    type SerializeTuple = Impossible<Map, NotProjected>;
    type SerializeTupleStruct = Impossible<Map, NotProjected>;
    type SerializeTupleVariant = Impossible<Map, NotProjected>;
    type SerializeMap = Impossible<Map, NotProjected>;
    type SerializeStruct = ProjectedStruct<'f>;
    type SerializeStructVariant = Impossible<Map, NotProjected>;

    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<ProjectedStruct<'f>, NotProjected> {
        Ok(ProjectedStruct {
            fields: self.fields,
            map: Map::new(),
        })
    }

    refuse! {
        serialize_bool(bool) -> Map;
        serialize_i8(i8) -> Map;
        serialize_i16(i16) -> Map;
        serialize_i32(i32) -> Map;
        serialize_i64(i64) -> Map;
        serialize_u8(u8) -> Map;
        serialize_u16(u16) -> Map;
        serialize_u32(u32) -> Map;
        serialize_u64(u64) -> Map;
        serialize_f32(f32) -> Map;
        serialize_f64(f64) -> Map;
        serialize_char(char) -> Map;
        serialize_str(&str) -> Map;
        serialize_bytes(&[u8]) -> Map;
        serialize_none() -> Map;
        serialize_unit() -> Map;
        serialize_unit_struct(&'static str) -> Map;
        serialize_unit_variant(&'static str, u32, &'static str) -> Map;
        serialize_seq(Option<usize>) -> Self::SerializeSeq;
        serialize_tuple(usize) -> Self::SerializeTuple;
        serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct;
        serialize_tuple_variant(&'static str, u32, &'static str, usize) -> Self::SerializeTupleVariant;
        serialize_map(Option<usize>) -> Self::SerializeMap;
        serialize_struct_variant(&'static str, u32, &'static str, usize) -> Self::SerializeStructVariant;
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<Map, NotProjected> {
        Err(not_a_struct())
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Map, NotProjected> {
        Err(not_a_struct())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Map, NotProjected> {
        Err(not_a_struct())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::descriptor::Item;

    /// The fields the entity variable `doc` of the descriptor with `body` is narrowed to.
    fn narrowed(label: &str, body: &str) -> Option<Vec<String>> {
        narrowed_with(label, "", body)
    }

    /// [`narrowed`] with `attributes` on the variable.
    fn narrowed_with(label: &str, attributes: &str, body: &str) -> Option<Vec<String>> {
        let dir = std::env::temp_dir().join(format!(
            "dm-entity-projection-{label}-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("d.xml");
        std::fs::write(
            &path,
            format!(
                r#"<setup><generate name="g" count="2">
                <variable name="doc" entity="Doctor" dataset="US" rngSeed="1" {attributes}/>
                {body}</generate></setup>"#
            ),
        )
        .unwrap();
        let engine = crate::script::engine();
        let setup =
            crate::parse::parse_file(&path, &engine, crate::parse::ParseOptions { strict: true });
        std::fs::remove_dir_all(&dir).unwrap();
        let setup = setup.unwrap();
        let Some(Item::Generate(g)) = setup.items.first() else {
            panic!("not a generate")
        };
        let Some(Stmt::Variable(f)) = g.body.first() else {
            panic!("not a variable")
        };
        let ValueSource::Entity(_, _, projection) = &f.source else {
            panic!("not an entity")
        };
        projection.as_ref().map(|p| p.fields.clone())
    }

    #[test]
    fn variables_read_by_attribute_keep_those_fields_only() {
        assert_eq!(
            narrowed(
                "attributes",
                r#"<key name="n" script="doc.full_name"/>
                <key name="a" script="doc.age + 1 if doc.age > 40 else doc.age"/>
                <condition><if condition="doc.gender == 'female'">
                <key name="s" script="f'{doc.specialty}'"/></if></condition>"#
            ),
            Some(vec![
                "age".to_owned(),
                "full_name".to_owned(),
                "gender".to_owned(),
                "specialty".to_owned()
            ])
        );
    }

    /// A converter or a `type` is applied to the whole value.
    #[test]
    fn variables_with_a_converter_or_type_keep_the_whole_record() {
        let body = r#"<key name="n" script="doc.full_name"/>"#;
        assert!(narrowed("plain", body).is_some());
        for (label, attributes) in [
            ("converter", r#"converter="UpperCase""#),
            ("type", r#"type="string""#),
        ] {
            assert_eq!(narrowed_with(label, attributes, body), None, "{label}");
        }
    }

    #[test]
    fn variables_seen_whole_keep_the_whole_record() {
        for (label, body) in [
            ("name", r#"<key name="d" script="doc"/>"#),
            // The interpreter could hand the value on.
            (
                "interpreter",
                r#"<key name="n" script="doc.full_name.upper()"/>"#,
            ),
            ("subscript", r#"<key name="n" script="doc['full_name']"/>"#),
            // Not a field: a model property, or a misspelling to be reported as one.
            ("property", r#"<key name="n" script="doc.ful_name"/>"#),
            (
                "echo",
                r#"<key name="n" script="doc.age"/>
                <condition><if condition="True"><echo>{doc}</echo></if></condition>"#,
            ),
            (
                "nested-generate",
                r#"<key name="n" script="doc.age"/>
                <generate name="c" count="1"><key name="m" script="1"/></generate>"#,
            ),
        ] {
            assert_eq!(narrowed(label, body), None, "{label}");
        }
    }

    /// Every field of every entity, projected alone, is the field of the whole record.
    #[test]
    fn projected_fields_are_the_whole_records_fields() {
        for def in datamimic_export::entities::ENTITIES {
            let name = def.name;
            let entity = def
                .build(&Default::default())
                .unwrap_or_else(|e| panic!("{name}: {e:#}"));
            for index in [0, 1, 17] {
                let whole = crate::record::entity_value(entity.as_ref(), index).unwrap();
                let whole = whole.read_lock::<Map>().unwrap().clone();
                let fields: Vec<String> = whole.keys().map(|k| k.to_string()).collect();
                for field in &fields {
                    let one = projected_value(entity.as_ref(), index, std::slice::from_ref(field))
                        .unwrap();
                    let one = one.read_lock::<Map>().unwrap().clone();
                    assert_eq!(one.len(), 1, "{name}.{field}");
                    assert_eq!(
                        format!("{:?}", one[field.as_str()]),
                        format!("{:?}", whole[field.as_str()]),
                        "{name}.{field} of record {index}"
                    );
                }
            }
        }
    }
}
