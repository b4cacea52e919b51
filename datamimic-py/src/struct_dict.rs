//! A struct's dict made at its full size at once. The first record of a struct type notes its
//! field names and plain values (text, numbers, `None`); later records copy a dict holding
//! those keys and values and fill it in place, which spares CPython the growth of a fresh dict
//! (a Person's 14 fields resize one twice) and the conversion the lookup of every name. A
//! field whose value is the very object the copy holds already (a country, an empty title, a
//! variant name: strings shared by every record) is not set again. A record whose fields
//! differ from the noted ones (a skipped field) is finished the plain way from where it
//! departs.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::rc::Rc;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

use crate::python_strings::{AddressHasher, Strings};

/// A field of a template.
#[derive(Debug)]
struct Field {
    /// The address and length of the name's `&'static str`.
    at: usize,
    len: usize,
    /// The name as a Python string.
    name: Py<PyString>,
    /// The value the template's dict holds: the first record's when it is a plain value,
    /// `None` for a container, which no later record shares.
    value: Py<PyAny>,
}

/// The fields of a struct type in order, and the dict of their names and values that records
/// copy.
#[derive(Debug)]
pub(crate) struct Template {
    fields: Vec<Field>,
    dict: Py<PyDict>,
}

/// Templates by struct type: the address and length of the struct's name, and its number of
/// fields. Two types of one name and length share an entry only in the check's eyes: the
/// other's records depart from it and are built the plain way.
pub(crate) type Templates =
    RefCell<HashMap<(usize, usize, usize), Rc<Template>, BuildHasherDefault<AddressHasher>>>;

/// How the dict is being filled.
enum Fill {
    /// A copy of `template`, whose first `set` fields are set.
    Copy { template: Rc<Template>, set: usize },
    /// The first record of its type: the fields seen so far, for the template.
    Learn(Vec<Field>),
    /// A dict filled key by key.
    Plain,
}

/// The dict of one struct value being built.
pub(crate) struct StructDict<'py> {
    dict: Bound<'py, PyDict>,
    fill: Fill,
    /// The key of the type's template.
    kind: (usize, usize, usize),
}

impl<'py> StructDict<'py> {
    /// The dict of a struct `name` of `len` fields.
    pub(crate) fn start(
        py: Python<'py>,
        strings: &Strings,
        name: &'static str,
        len: usize,
    ) -> PyResult<StructDict<'py>> {
        let kind = (name.as_ptr() as usize, name.len(), len);
        let template = strings.templates.borrow().get(&kind).cloned();
        Ok(match template {
            Some(template) => StructDict {
                dict: template.dict.bind(py).copy()?,
                fill: Fill::Copy { template, set: 0 },
                kind,
            },
            None => StructDict {
                dict: PyDict::new(py),
                fill: Fill::Learn(Vec::with_capacity(len)),
                kind,
            },
        })
    }

    /// Sets field `key` to `value`. The common case, the next field of the template, is
    /// inlined into each field's serializer; the rest is out of line.
    #[inline]
    pub(crate) fn field(
        &mut self,
        py: Python<'py>,
        strings: &Strings,
        key: &'static str,
        value: Bound<'py, PyAny>,
    ) -> PyResult<()> {
        if let Fill::Copy { template, set } = &mut self.fill
            && let Some(field) = template.fields.get(*set)
            && (field.at, field.len) == (key.as_ptr() as usize, key.len())
        {
            *set += 1;
            if value.is(&field.value) {
                return Ok(());
            }
            return self.dict.set_item(&field.name, value);
        }
        self.other_field(py, strings, key, value)
    }

    /// [`StructDict::field`] for a first record, a record that departs from its template, or
    /// one filled key by key.
    #[cold]
    #[inline(never)]
    fn other_field(
        &mut self,
        py: Python<'py>,
        strings: &Strings,
        key: &'static str,
        value: Bound<'py, PyAny>,
    ) -> PyResult<()> {
        let (at, len) = (key.as_ptr() as usize, key.len());
        match &mut self.fill {
            Fill::Copy { .. } => self.depart(py)?,
            Fill::Learn(fields) => {
                let name = strings.name(py, key);
                let plain = value.is_none()
                    || value.is_exact_instance_of::<PyString>()
                    || value.is_exact_instance_of::<PyInt>()
                    || value.is_exact_instance_of::<PyFloat>()
                    || value.is_exact_instance_of::<PyBool>();
                fields.push(Field {
                    at,
                    len,
                    name: name.clone().unbind(),
                    value: if plain {
                        value.clone().unbind()
                    } else {
                        py.None()
                    },
                });
                return self.dict.set_item(name, value);
            }
            Fill::Plain => {}
        }
        self.dict.set_item(strings.name(py, key), value)
    }

    /// The finished dict; the first record of a type leaves its template.
    pub(crate) fn finish(
        mut self,
        py: Python<'py>,
        strings: &Strings,
    ) -> PyResult<Bound<'py, PyDict>> {
        match std::mem::replace(&mut self.fill, Fill::Plain) {
            Fill::Copy { template, set } => {
                if set != template.fields.len() {
                    self.fill = Fill::Copy { template, set };
                    self.depart(py)?;
                }
            }
            Fill::Learn(fields) => {
                // A name given twice would make the positions of fields and keys differ.
                if fields.len() == self.dict.len() {
                    let dict = PyDict::new(py);
                    for field in &fields {
                        dict.set_item(&field.name, &field.value)?;
                    }
                    let template = Rc::new(Template {
                        fields,
                        dict: dict.unbind(),
                    });
                    // Busy only when a finalizer run by the allocator converts a record too.
                    if let Ok(mut templates) = strings.templates.try_borrow_mut() {
                        templates.entry(self.kind).or_insert(template);
                    }
                }
            }
            Fill::Plain => {}
        }
        Ok(self.dict)
    }

    /// Leaves the copy of the template for a dict of the fields set so far, filled key by key
    /// from here on.
    fn depart(&mut self, py: Python<'py>) -> PyResult<()> {
        if let Fill::Copy { set, .. } = self.fill {
            let fresh = PyDict::new(py);
            for (key, value) in self.dict.iter().take(set) {
                fresh.set_item(key, value)?;
            }
            self.dict = fresh;
        }
        self.fill = Fill::Plain;
        Ok(())
    }
}
