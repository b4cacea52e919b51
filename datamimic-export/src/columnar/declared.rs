//! Column types declared by the record's Rust type: a date field is a date column and an
//! `Option` one is typed even when no record of a run has a value there, whatever records a
//! run or shard holds (none at all, or a first one full of nulls).
//!
//! `datamimic::Columnar` gives a type's column: leaf types (text, numbers, dates and times)
//! implement it in datamimic, and `#[derive(Mimic)]` writes it for every struct whose fields
//! all have one, reported by `Cells::columns`; this module turns it into a [`Shape`]. A test
//! compares every declared shape with the one sampled from the type's records, so a
//! declaration that drifts from the type's serde output fails it. Types without a declaration
//! have their columns sampled ([`super::shape`]).

use datamimic::{Cells, Column};

use super::shape::Shape;
use super::tape::Int;

/// The shape of a declared column.
pub fn shape(column: Column) -> Shape {
    match column {
        Column::Bool => Shape::Bool,
        Column::I8 => Shape::Int(Int::I8),
        Column::I16 => Shape::Int(Int::I16),
        Column::I32 => Shape::Int(Int::I32),
        Column::I64 => Shape::Int(Int::I64),
        Column::U8 => Shape::Int(Int::U8),
        Column::U16 => Shape::Int(Int::U16),
        Column::U32 => Shape::Int(Int::U32),
        Column::U64 => Shape::Int(Int::U64),
        Column::F32 => Shape::F32,
        Column::F64 => Shape::F64,
        Column::Text => Shape::Text,
        Column::Date => Shape::Date,
        Column::Timestamp => Shape::Timestamp,
        Column::List(item) => Shape::List(Box::new(shape(*item))),
        Column::Struct(fields) => Shape::Struct(
            fields
                .into_iter()
                .map(|(name, column)| (name.to_owned(), shape(column)))
                .collect(),
        ),
    }
}

/// The declared shape of record type `T`, if it declares its columns ([`Cells::columns`]).
pub fn shape_of<T: Cells>() -> Option<Shape> {
    T::columns().map(shape)
}

#[cfg(test)]
mod tests {
    use datamimic::domain::common as dc;
    use datamimic::domain::ecommerce as ec;
    use datamimic::{Mimic, Service};
    use serde::Serialize;

    use super::super::tape::Tape;
    use super::*;
    use crate::entities::{ENTITIES, EntityOptions};

    /// The shape sampled from `count` records of `T` (seeded, in `dataset`).
    fn sampled<T: Mimic + Serialize>(dataset: &str, count: u64) -> Shape {
        let service = Service::<T>::new().dataset(dataset).unwrap().seed(11);
        let mut tape = Tape::default();
        for index in 0..count {
            tape.push(&service.record(index)).unwrap();
        }
        Shape::of_records([&tape]).unwrap()
    }

    fn declared<T: Cells>() -> Shape {
        shape_of::<T>().expect("a declared type")
    }

    /// Whether `declared` types every column `sampled` saw a value in the same way (a column
    /// the sample never saw a value in may be anything).
    fn agrees(declared: &Shape, sampled: &Shape) -> bool {
        match (declared, sampled) {
            (_, Shape::Unknown) => true,
            (Shape::List(d), Shape::List(s)) => agrees(d, s),
            (Shape::Struct(d), Shape::Struct(s)) => {
                d.len() == s.len()
                    && d.iter()
                        .zip(s)
                        .all(|((dn, ds), (sn, ss))| dn == sn && agrees(ds, ss))
            }
            // Text that happens to look like a date in every sampled record is still text.
            (Shape::Text, Shape::Date | Shape::Timestamp) => true,
            (d, s) => d == s,
        }
    }

    /// The paths where `declared` and `sampled` differ, each with the sampled shape.
    fn differences(path: &str, declared: &Shape, sampled: &Shape, out: &mut Vec<String>) {
        match (declared, sampled) {
            (Shape::List(d), Shape::List(s)) => differences(&format!("{path}[]"), d, s, out),
            (Shape::Struct(d), Shape::Struct(s)) if d.len() == s.len() => {
                for ((name, d), (_, s)) in d.iter().zip(s) {
                    let path = if path.is_empty() {
                        name.clone()
                    } else {
                        format!("{path}.{name}")
                    };
                    differences(&path, d, s, out);
                }
            }
            (d, s) if d != s => out.push(format!("{path}: declared {d}, sampled {s}")),
            _ => {}
        }
    }

    /// Where 2,048 seeded records of an entity give a shape other than the declared one, and
    /// why that is right: the declared shape types what the sample cannot see. US accounts
    /// have no IBAN (the `Option` is never set there), so sampling typed the column as null;
    /// declared, it is a text column of nulls.
    const LEGITIMATE: &[(&str, &str, &str)] = &[
        ("BankAccount", "US", "iban"),
        ("CreditCard", "US", "iban"),
        ("Transaction", "US", "account.iban"),
    ];

    fn options(dataset: &str) -> EntityOptions {
        EntityOptions {
            dataset: Some(dataset.to_owned()),
            seed: Some(11),
            ..EntityOptions::default()
        }
    }

    #[test]
    fn every_entity_declares_its_columns() {
        for def in ENTITIES {
            let entity = def.build(&options("US")).unwrap();
            assert!(entity.declared_shape().is_some(), "{}", def.name);
        }
    }

    /// Every declared shape against the one sampled from 2,048 US and DE records: equal, but
    /// for the listed columns the sample cannot type (an `Option` never set in it), where the
    /// two still agree on every value the sample saw.
    #[test]
    fn declared_shapes_are_the_sampled_ones_but_where_listed() {
        let mut unexplained = Vec::new();
        let mut seen = Vec::new();
        for def in ENTITIES {
            for dataset in ["US", "DE"] {
                let entity = def.build(&options(dataset)).unwrap();
                let declared = entity.declared_shape().unwrap();
                let sampled = entity.sampled_shape(2_048).unwrap();
                assert!(
                    agrees(&declared, &sampled),
                    "{} {dataset}: declared {declared:?}, sampled {sampled:?}",
                    def.name
                );
                let mut diffs = Vec::new();
                differences("", &declared, &sampled, &mut diffs);
                for diff in diffs {
                    let listed = LEGITIMATE.iter().any(|(name, data, field)| {
                        *name == def.name
                            && *data == dataset
                            && diff.starts_with(&format!("{field}:"))
                    });
                    if listed {
                        seen.push(format!("{} {dataset} {diff}", def.name));
                    } else {
                        unexplained.push(format!("{} {dataset} {diff}", def.name));
                    }
                }
            }
        }
        assert!(unexplained.is_empty(), "{unexplained:#?}");
        // A listed difference that no longer occurs is taken off the list.
        assert_eq!(seen.len(), LEGITIMATE.len(), "{seen:#?}");
    }

    #[test]
    fn a_declaration_that_drifts_from_the_type_disagrees() {
        let person = sampled::<dc::Person>("US", 50);
        let Shape::Struct(mut fields) = declared::<dc::Person>() else {
            panic!("a struct")
        };
        fields.swap(1, 2);
        assert!(!agrees(&Shape::Struct(fields.clone()), &person));
        fields.swap(1, 2);
        assert!(agrees(&Shape::Struct(fields.clone()), &person));
        assert_eq!(fields[6].0, "age");
        fields[6].1 = Shape::Int(Int::U16);
        assert!(!agrees(&Shape::Struct(fields), &person));
    }

    /// A run whose orders all lack a coupon and notes still types those columns as text.
    #[test]
    fn options_never_given_a_value_are_typed() {
        let Shape::Struct(fields) = declared::<ec::Order>() else {
            panic!("a struct")
        };
        let of = |name: &str| &fields.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(of("coupon_code"), &Shape::Text);
        assert_eq!(of("date"), &Shape::Timestamp);
        assert!(
            matches!(of("product_list"), Shape::List(line) if matches!(**line, Shape::Struct(_)))
        );
        let none = sampled::<ec::Order>("US", 1);
        assert!(agrees(&declared::<ec::Order>(), &none));
    }
}
