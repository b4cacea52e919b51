//! The serde plumbing that the CSV, XML and SQLite writers share: their compound serializers
//! pass every item or field to one method, and widen small integers the same way.

/// Implements sequence-like serde traits (`SerializeSeq::serialize_element`, ...) for `$ty`:
/// each item goes to `self.$item(value)`, and `end` is `self.$end()`.
macro_rules! items_through {
    ($ty:ty, $error:ty, $item:ident, $end:ident: $($trait:ident :: $method:ident),+ $(,)?) => {$(
        impl serde::ser::$trait for $ty {
            type Ok = ();
            type Error = $error;
            fn $method<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> Result<(), $error> {
                self.$item(value)
            }
            fn end(self) -> Result<(), $error> {
                self.$end()
            }
        }
    )+};
}

/// Implements `SerializeStruct` and `SerializeStructVariant` (those listed) for `$ty`: each
/// field goes to `self.$field(name, value)`, and `end` is `self.$end()`.
macro_rules! fields_through {
    ($ty:ty, $error:ty, $field:ident, $end:ident: $($trait:ident),+ $(,)?) => {$(
        impl serde::ser::$trait for $ty {
            type Ok = ();
            type Error = $error;
            fn serialize_field<T: serde::Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) -> Result<(), $error> {
                self.$field(name, value)
            }
            fn end(self) -> Result<(), $error> {
                self.$end()
            }
        }
    )+};
}

/// The `serialize_{i,u}{8,16,32}` methods of a `Serializer`, widened to `serialize_i64` and
/// `serialize_u64`.
macro_rules! small_integers_widened {
    () => {
        fn serialize_i8(self, v: i8) -> Result<Self::Ok, Self::Error> {
            self.serialize_i64(v.into())
        }
        fn serialize_i16(self, v: i16) -> Result<Self::Ok, Self::Error> {
            self.serialize_i64(v.into())
        }
        fn serialize_i32(self, v: i32) -> Result<Self::Ok, Self::Error> {
            self.serialize_i64(v.into())
        }
        fn serialize_u8(self, v: u8) -> Result<Self::Ok, Self::Error> {
            self.serialize_u64(v.into())
        }
        fn serialize_u16(self, v: u16) -> Result<Self::Ok, Self::Error> {
            self.serialize_u64(v.into())
        }
        fn serialize_u32(self, v: u32) -> Result<Self::Ok, Self::Error> {
            self.serialize_u64(v.into())
        }
    };
}

/// The `Serializer` methods that every writer here forwards alike: `Some` and newtype structs
/// are their content, tuples and tuple structs are sequences.
macro_rules! wrappers_forwarded {
    () => {
        fn serialize_some<T: serde::Serialize + ?Sized>(
            self,
            value: &T,
        ) -> Result<Self::Ok, Self::Error> {
            value.serialize(self)
        }
        fn serialize_newtype_struct<T: serde::Serialize + ?Sized>(
            self,
            _name: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Self::Error> {
            value.serialize(self)
        }
        fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, Self::Error> {
            self.serialize_seq(Some(len))
        }
        fn serialize_tuple_struct(
            self,
            _name: &'static str,
            len: usize,
        ) -> Result<Self::SerializeTupleStruct, Self::Error> {
            self.serialize_seq(Some(len))
        }
    };
}

pub(crate) use {fields_through, items_through, small_integers_widened, wrappers_forwarded};
