//! Column types declared by the record's Rust type: a date field is a date column and an
//! `Option` one is typed even when no record of a run has a value there, whatever records a
//! run or shard holds (none at all, or a first one full of nulls).
//!
//! [`Columnar`] gives a type's shape; leaf types (text, numbers, dates and times) implement
//! it here, and `columnar_struct!` declares a record type's fields in serde order, checked
//! by the compiler against the struct (every field named, each of its declared type). A test
//! compares every declared shape with the one sampled from the type's records, so a
//! declaration that drifts from the type's serde output fails it. Types without a declaration
//! have their columns sampled ([`super::shape`]).

use std::any::TypeId;

use chrono::{DateTime, NaiveDate, Utc};
use datamimic::domain::common as dc;
use datamimic::domain::ecommerce as ec;

use super::shape::Shape;
use super::tape::Int;

/// A type whose column shape is known without a value.
pub trait Columnar {
    /// The shape of the type's column (a struct's: its fields').
    fn shape() -> Shape;
}

macro_rules! leaf {
    ($shape:expr => $($ty:ty),* $(,)?) => {
        $(impl Columnar for $ty {
            fn shape() -> Shape {
                $shape
            }
        })*
    };
}

leaf!(Shape::Text => &'static str, String, dc::FullName, dc::FullAddress, dc::PersonalEmail,
    dc::PhoneNumber, dc::Gender);
leaf!(Shape::Text => ec::Code, ec::Ean13, ec::ProductName);
leaf!(Shape::F64 => ec::Money);
leaf!(Shape::Bool => bool);
leaf!(Shape::F32 => f32);
leaf!(Shape::F64 => f64);
leaf!(Shape::Int(Int::U8) => u8);
leaf!(Shape::Int(Int::U16) => u16);
leaf!(Shape::Int(Int::U32) => u32);
leaf!(Shape::Int(Int::U64) => u64);
leaf!(Shape::Int(Int::I8) => i8);
leaf!(Shape::Int(Int::I16) => i16);
leaf!(Shape::Int(Int::I32) => i32);
leaf!(Shape::Int(Int::I64) => i64);
leaf!(Shape::Date => NaiveDate);
leaf!(Shape::Timestamp => DateTime<Utc>);

impl<T: Columnar> Columnar for Option<T> {
    fn shape() -> Shape {
        T::shape()
    }
}

impl<T: Columnar> Columnar for Vec<T> {
    fn shape() -> Shape {
        Shape::List(Box::new(T::shape()))
    }
}

/// Declares the fields of struct `$ty` in its serde order. The generated check destructures
/// the struct without `..`, so a field left out, added or of another type is a compile error;
/// the order and serde's names are checked by the tests against sampled records.
macro_rules! columnar_struct {
    ($($ty:ident)::+ { $($field:ident: $field_ty:ty),* $(,)? }) => {
        impl Columnar for $($ty)::+ {
            fn shape() -> Shape {
                // Compiled, never run: the declaration names the struct's fields and types.
                #[allow(dead_code)]
                fn check(record: &$($ty)::+) {
                    let $($ty)::+ { $($field),* } = record;
                    $(let _: &$field_ty = $field;)*
                }
                Shape::Struct(vec![$((stringify!($field).to_owned(), <$field_ty>::shape())),*])
            }
        }
    };
}

columnar_struct!(dc::Address {
    street: &'static str,
    house_number: u16,
    city: &'static str,
    state_code: &'static str,
    state: &'static str,
    postal_code: &'static str,
    area_code: &'static str,
    country: &'static str,
    country_code: &'static str,
    phone: dc::PhoneNumber,
    mobile_phone: dc::PhoneNumber,
    fax: dc::PhoneNumber,
    organization: &'static str,
    full_address: dc::FullAddress,
});

columnar_struct!(dc::Person {
    birthdate: NaiveDate,
    given_name: &'static str,
    family_name: &'static str,
    full_name: dc::FullName,
    gender: dc::Gender,
    name: dc::FullName,
    age: u8,
    email: dc::PersonalEmail,
    phone: dc::PhoneNumber,
    mobile_phone: dc::PhoneNumber,
    academic_title: &'static str,
    salutation: &'static str,
    nobility_title: &'static str,
    address: dc::Address,
});

columnar_struct!(ec::OrderLine {
    product_id: ec::Code,
    sku: ec::Code,
    ean: ec::Ean13,
    name: ec::ProductName,
    category: &'static str,
    brand: &'static str,
    price: ec::Money,
    quantity: u32,
    line_total: ec::Money,
    tax_amount: ec::Money,
});

columnar_struct!(ec::Order {
    order_id: ec::Code,
    user_id: ec::Code,
    product_list: Vec<ec::OrderLine>,
    total_amount: ec::Money,
    date: DateTime<Utc>,
    status: &'static str,
    payment_method: &'static str,
    shipping_method: &'static str,
    shipping_address: dc::Address,
    billing_address: dc::Address,
    currency: &'static str,
    tax_amount: ec::Money,
    shipping_amount: ec::Money,
    discount_amount: ec::Money,
    coupon_code: Option<&'static str>,
    notes: Option<&'static str>,
});

/// The record types with declared columns, and their shapes.
fn declared() -> [(TypeId, fn() -> Shape); 3] {
    [
        (TypeId::of::<dc::Person>(), dc::Person::shape),
        (TypeId::of::<dc::Address>(), dc::Address::shape),
        (TypeId::of::<ec::Order>(), ec::Order::shape),
    ]
}

/// The declared shape of record type `T`, if it has one.
pub fn shape_of<T: 'static>() -> Option<Shape> {
    let wanted = TypeId::of::<T>();
    declared()
        .into_iter()
        .find(|(id, _)| *id == wanted)
        .map(|(_, shape)| shape())
}

#[cfg(test)]
mod tests {
    use datamimic::{Mimic, Service};
    use serde::Serialize;

    use super::super::tape::Tape;
    use super::*;

    /// The shape sampled from `count` records of `T` (seeded, in `dataset`).
    fn sampled<T: Mimic + Serialize>(dataset: &str, count: u64) -> Shape {
        let service = Service::<T>::new().dataset(dataset).unwrap().seed(11);
        let mut tape = Tape::default();
        for index in 0..count {
            tape.push(&service.record(index)).unwrap();
        }
        Shape::of_records([&tape]).unwrap()
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

    /// 2,048 US records give every column a value: declaring the columns changed none of the
    /// schemas sampling gave, so the files' bytes are what they were.
    #[test]
    fn declared_shapes_are_exactly_what_sampling_gave() {
        assert_eq!(dc::Person::shape(), sampled::<dc::Person>("US", 2_048));
        assert_eq!(ec::Order::shape(), sampled::<ec::Order>("US", 2_048));
    }

    #[test]
    fn declared_shapes_are_the_sampled_ones() {
        for dataset in ["US", "DE", "VN"] {
            let person = sampled::<dc::Person>(dataset, 2_048);
            assert!(
                agrees(&dc::Person::shape(), &person),
                "{dataset}: {person:?}"
            );
            let address = sampled::<dc::Address>(dataset, 500);
            assert!(agrees(&dc::Address::shape(), &address), "{dataset}");
            let orders = sampled::<ec::Order>(dataset, 2_048);
            assert!(
                agrees(&ec::Order::shape(), &orders),
                "{dataset}: {orders:?}"
            );
        }
    }

    #[test]
    fn a_declaration_that_drifts_from_the_type_disagrees() {
        let person = sampled::<dc::Person>("US", 50);
        let Shape::Struct(mut fields) = dc::Person::shape() else {
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
        let Shape::Struct(fields) = ec::Order::shape() else {
            panic!("a struct")
        };
        let of = |name: &str| &fields.iter().find(|(n, _)| n == name).unwrap().1;
        assert_eq!(of("coupon_code"), &Shape::Text);
        assert_eq!(of("date"), &Shape::Timestamp);
        assert!(
            matches!(of("product_list"), Shape::List(line) if matches!(**line, Shape::Struct(_)))
        );
        let none = sampled::<ec::Order>("US", 1);
        assert!(agrees(&ec::Order::shape(), &none));
    }

    #[test]
    fn only_declared_types_have_a_shape() {
        assert!(shape_of::<dc::Person>().is_some());
        assert!(shape_of::<dc::Company>().is_none());
    }
}
