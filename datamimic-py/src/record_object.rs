//! `Record`: what `generate()`, `generate_batch`, `record(i)` and `shard` return for each
//! record, a CPython type written by hand so that a batch costs about what CPython's own small
//! objects cost (issue 16: `generate_batch` at least 100 times DATAMIMIC CE's).
//!
//! A record holds its service's [`Records`] and its index, nothing more until Python reads
//! it, as DATAMIMIC's entities draw their values on first access: `to_dict()` generates it
//! into fresh dicts, and the first other read makes the [`Entity`] that answers it and every
//! read after it (`person.given_name`, `person.address.street`, `repr`, `==`, `dir`).
//!
//! Why by hand: pyo3 makes every class one the garbage collector links and counts, and
//! initialises it through its own layers, about 0.4 k instructions and 110 ns an object; this
//! type is a plain CPython object of 48 bytes. It takes no part in garbage collection, as the
//! entities do not ([`crate::ffi_fast::untrack`]): it holds the records object (no Python
//! objects inside) and its entity, whose traversal reports nothing, so no cycle the collector
//! could break runs through it either way. Every function here that CPython calls catches
//! panics and turns errors into Python exceptions; `tests/test_record_object.py` checks
//! reference counts, errors and that a freed record frees its entity.

#![allow(unsafe_code)]

use std::any::Any;
use std::ffi::{CStr, c_int, c_void};
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::ptr::{self, null_mut};
use std::sync::atomic::{AtomicPtr, Ordering};

use pyo3::ffi;
use pyo3::panic::PanicException;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyList, PyString, PyType};

use crate::entity::Entity;
use crate::records::Records;

/// The memory of a record.
#[repr(C)]
struct RecordObject {
    base: ffi::PyObject,
    /// The service's records: a strong reference to a [`Records`] object.
    records: *mut ffi::PyObject,
    /// The index of the record.
    index: u64,
    /// The entity that answers attribute reads: null until the first, then a strong
    /// reference.
    entity: AtomicPtr<ffi::PyObject>,
}

/// The type, made once per process (pyo3 supports one interpreter per process).
static RECORD_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

const NAME: &CStr = c"datamimic._native.Record";
const DOC: &CStr = c"A generated record: its fields are attributes (`person.given_name`, `person.address.street`), `to_dict()` gives them as a new dict.";

/// The `Record` type.
pub(crate) fn record_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    RECORD_TYPE
        .get_or_try_init(py, || make_type(py))
        .map(|ty| ty.bind(py))
}

fn make_type(py: Python<'_>) -> PyResult<Py<PyType>> {
    // CPython keeps pointers into the method table and the name for the type's whole life:
    // both live as long as the process (the table is leaked once, the name is static).
    let methods: &'static mut [ffi::PyMethodDef] = Box::leak(Box::new([
        ffi::PyMethodDef {
            ml_name: c"to_dict".as_ptr(),
            ml_meth: ffi::PyMethodDefPointer {
                PyCFunction: to_dict,
            },
            ml_flags: ffi::METH_NOARGS,
            ml_doc: c"The fields as a new dict (nested records as dicts, lists as lists), in DATAMIMIC's key order.".as_ptr(),
        },
        ffi::PyMethodDef {
            ml_name: c"__dir__".as_ptr(),
            ml_meth: ffi::PyMethodDefPointer { PyCFunction: dir },
            ml_flags: ffi::METH_NOARGS,
            ml_doc: c"The field names, for `dir()` and completion.".as_ptr(),
        },
        ffi::PyMethodDef::zeroed(),
    ]));
    let mut slots = [
        slot(
            ffi::Py_tp_dealloc,
            dealloc as ffi::destructor as *mut c_void,
        ),
        slot(
            ffi::Py_tp_getattro,
            getattro as ffi::getattrofunc as *mut c_void,
        ),
        slot(ffi::Py_tp_repr, repr as ffi::reprfunc as *mut c_void),
        slot(
            ffi::Py_tp_richcompare,
            richcompare as ffi::richcmpfunc as *mut c_void,
        ),
        slot(
            ffi::Py_tp_hash,
            ffi::PyObject_HashNotImplemented as ffi::hashfunc as *mut c_void,
        ),
        slot(ffi::Py_tp_methods, methods.as_mut_ptr().cast()),
        slot(ffi::Py_tp_doc, DOC.as_ptr().cast_mut().cast()),
        slot(0, null_mut()),
    ];
    let mut spec = ffi::PyType_Spec {
        name: NAME.as_ptr(),
        basicsize: c_int::try_from(size_of::<RecordObject>()).expect("a small struct"),
        itemsize: 0,
        // Not instantiable from Python (`Record()` would have no records) and immutable.
        flags: (ffi::Py_TPFLAGS_DEFAULT
            | ffi::Py_TPFLAGS_IMMUTABLETYPE
            | ffi::Py_TPFLAGS_DISALLOW_INSTANTIATION) as _,
        slots: slots.as_mut_ptr(),
    };
    // SAFETY: the interpreter is attached (`py`); the spec, its slots (copied into the type)
    // and the functions they name are valid, each function of the type its slot expects; the
    // name and method table outlive the type (above). A null result carries an exception.
    unsafe {
        let ty = ffi::PyType_FromSpec(&mut spec);
        Ok(Bound::from_owned_ptr_or_err(py, ty)?
            .cast_into::<PyType>()?
            .unbind())
    }
}

fn slot(slot: c_int, pfunc: *mut c_void) -> ffi::PyType_Slot {
    ffi::PyType_Slot { slot, pfunc }
}

/// Record `index` of `records`, generated when it is first read.
pub(crate) fn record<'py>(
    records: &Bound<'py, Records>,
    index: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let py = records.py();
    let ty = record_type(py)?.as_type_ptr();
    // SAFETY: `ty` is the Record type (alive: the static holds it) and `records` a live
    // `Records` object; the interpreter is attached. A null result carries an exception.
    unsafe { Bound::from_owned_ptr_or_err(py, new_record(ty, records.as_ptr(), index)) }
}

/// Records `range` of `records` as a list, one `Record` each.
pub(crate) fn list<'py>(
    records: &Bound<'py, Records>,
    range: Range<u64>,
) -> PyResult<Bound<'py, PyList>> {
    let py = records.py();
    let ty = record_type(py)?.as_type_ptr();
    let len = ffi::Py_ssize_t::try_from(range.end - range.start)
        .map_err(|_| crate::errors::value_error("too many records for one list"))?;
    // SAFETY: the interpreter is attached. `PyList_New(len)` returns a new list of `len`
    // empty (null) slots or null with an exception; each slot `i < len` is set exactly once,
    // to a new reference the list takes over (`PyList_SET_ITEM` steals it), before the list
    // is seen by any code. On a failure the list, freed, skips its null slots.
    unsafe {
        let list = Bound::from_owned_ptr_or_err(py, ffi::PyList_New(len))?;
        for (slot, index) in (0..len).zip(range) {
            let item = new_record(ty, records.as_ptr(), index);
            if item.is_null() {
                return Err(PyErr::fetch(py));
            }
            ffi::PyList_SET_ITEM(list.as_ptr(), slot, item);
        }
        Ok(list.cast_into_unchecked())
    }
}

/// A new reference to a new record, or null with an exception set.
///
/// # Safety
/// The interpreter is attached, `ty` is the Record type and `records` a live `Records`.
unsafe fn new_record(
    ty: *mut ffi::PyTypeObject,
    records: *mut ffi::PyObject,
    index: u64,
) -> *mut ffi::PyObject {
    // SAFETY: `PyObject_Malloc` returns memory for a `RecordObject` (aligned as CPython aligns
    // every object) or null. The fields are written before `PyObject_Init` sets the header
    // (type, reference count 1, a reference to the heap type), after which the object is
    // complete. `records` gains the reference the record holds.
    unsafe {
        let object = ffi::PyObject_Malloc(size_of::<RecordObject>()).cast::<RecordObject>();
        if object.is_null() {
            return ffi::PyErr_NoMemory();
        }
        ffi::Py_INCREF(records);
        ptr::addr_of_mut!((*object).records).write(records);
        ptr::addr_of_mut!((*object).index).write(index);
        ptr::addr_of_mut!((*object).entity).write(AtomicPtr::new(null_mut()));
        ffi::PyObject_Init(object.cast(), ty)
    }
}

/// The record `object` is.
///
/// # Safety
/// `object` is a live Record (CPython passes each slot function an object of its type).
unsafe fn fields<'a>(object: *mut ffi::PyObject) -> &'a RecordObject {
    // SAFETY: a Record's memory is a `RecordObject`, alive while the caller holds `object`.
    unsafe { &*object.cast::<RecordObject>() }
}

/// Whether `object` is a Record.
fn is_record(object: &Bound<'_, PyAny>) -> bool {
    RECORD_TYPE
        .get(object.py())
        .is_some_and(|ty| object.get_type().is(ty.bind(object.py())))
}

/// The service's records a record holds.
fn records_of<'py>(py: Python<'py>, record: &RecordObject) -> Bound<'py, Records> {
    // SAFETY: `record.records` is a live `Records` object (the record holds a reference).
    unsafe { Bound::from_borrowed_ptr(py, record.records).cast_into_unchecked::<Records>() }
}

/// The entity answering `record`'s reads, made on the first.
fn entity<'py>(py: Python<'py>, record: &RecordObject) -> PyResult<Bound<'py, PyAny>> {
    let current = record.entity.load(Ordering::Acquire);
    if !current.is_null() {
        // SAFETY: a non-null entity is a live object the record holds a reference to.
        return Ok(unsafe { Bound::from_borrowed_ptr(py, current) });
    }
    let records = records_of(py, record).unbind();
    let made = Entity::record(records, record.index)
        .into_object(py)?
        .into_any();
    // Another thread may have made one meanwhile: keep the first, equal, entity.
    let kept = match record.entity.compare_exchange(
        null_mut(),
        made.as_ptr(),
        Ordering::AcqRel,
        Ordering::Acquire,
    ) {
        Ok(_) => made.into_ptr(),
        Err(existing) => existing,
    };
    // SAFETY: `kept` is the record's entity, alive while the record is.
    Ok(unsafe { Bound::from_borrowed_ptr(py, kept) })
}

/// Runs a slot function's `body` with the interpreter attached, as CPython calls slots, and
/// returns its object as a new reference; an error or a panic becomes the raised exception
/// and null.
fn slot_call(body: impl FnOnce(Python<'_>) -> PyResult<Py<PyAny>>) -> *mut ffi::PyObject {
    // SAFETY: CPython calls these functions only with the interpreter attached.
    let py = unsafe { Python::assume_attached() };
    let result = catch_unwind(AssertUnwindSafe(|| body(py)))
        .unwrap_or_else(|payload| Err(panic_error(payload)));
    match result {
        Ok(object) => object.into_ptr(),
        Err(err) => {
            err.restore(py);
            null_mut()
        }
    }
}

/// A panic as Python's `PanicException`, with its message.
fn panic_error(payload: Box<dyn Any + Send>) -> PyErr {
    let message = payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic in datamimic".to_owned());
    PanicException::new_err(message)
}

/// `record.to_dict()`.
unsafe extern "C" fn to_dict(
    object: *mut ffi::PyObject,
    _: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    slot_call(|py| {
        // SAFETY: CPython passes a method its own object, a Record.
        let record = unsafe { fields(object) };
        Ok(records_of(py, record)
            .get()
            .dict(py, record.index)?
            .into_any()
            .unbind())
    })
}

/// `dir(record)`: the entity's.
unsafe extern "C" fn dir(object: *mut ffi::PyObject, _: *mut ffi::PyObject) -> *mut ffi::PyObject {
    slot_call(|py| {
        // SAFETY: CPython passes a method its own object, a Record.
        let record = unsafe { fields(object) };
        Ok(entity(py, record)?.call_method0("__dir__")?.unbind())
    })
}

/// `record.name`: Python's own attributes (`__class__`, `to_dict`) from the type, every other
/// name from the entity (a field, matched as the entity matches it, or its error).
unsafe extern "C" fn getattro(
    object: *mut ffi::PyObject,
    name: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    slot_call(|py| {
        // SAFETY: CPython passes a live Record and a live attribute name.
        let (record, name): (_, Bound<'_, PyAny>) =
            unsafe { (fields(object), Bound::from_borrowed_ptr(py, name)) };
        match name.cast::<PyString>() {
            Ok(text) if !is_own(text.to_str()?) => Ok(entity(py, record)?.getattr(text)?.unbind()),
            // SAFETY: as above; the result is a new reference or null with an exception.
            _ => unsafe {
                Bound::from_owned_ptr_or_err(
                    py,
                    ffi::PyObject_GenericGetAttr(object, name.as_ptr()),
                )
            }
            .map(Bound::unbind),
        }
    })
}

/// Whether attribute `name` is the type's: Python's own (`__class__`, `__eq__`) and
/// `to_dict`.
fn is_own(name: &str) -> bool {
    name.starts_with("__") || name == "to_dict"
}

/// `repr(record)`: the entity's (`Person({...})`).
unsafe extern "C" fn repr(object: *mut ffi::PyObject) -> *mut ffi::PyObject {
    slot_call(|py| {
        // SAFETY: CPython passes a live Record.
        let record = unsafe { fields(object) };
        Ok(entity(py, record)?.repr()?.into_any().unbind())
    })
}

/// `record == other` and `!=`: the entities compared (a record equals the dict of its
/// fields). Records have no order: `<` and the others are `NotImplemented`, so Python's
/// error names this type.
unsafe extern "C" fn richcompare(
    object: *mut ffi::PyObject,
    other: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    slot_call(|py| {
        if op != ffi::Py_EQ && op != ffi::Py_NE {
            return Ok(py.NotImplemented());
        }
        // SAFETY: CPython passes a live Record and a live other object.
        let (record, other) = unsafe { (fields(object), Bound::from_borrowed_ptr(py, other)) };
        let mine = entity(py, record)?;
        let other = if is_record(&other) {
            // SAFETY: `other` is a live Record (checked).
            entity(py, unsafe { fields(other.as_ptr()) })?
        } else {
            other
        };
        // SAFETY: both are live objects; the result is a new reference or null with an
        // exception.
        unsafe {
            Bound::from_owned_ptr_or_err(
                py,
                ffi::PyObject_RichCompare(mine.as_ptr(), other.as_ptr(), op),
            )
        }
        .map(Bound::unbind)
    })
}

/// Frees a record whose last reference went: its references, its memory, its type's
/// reference.
unsafe extern "C" fn dealloc(object: *mut ffi::PyObject) {
    // SAFETY: CPython calls this once, for a Record no one references; its fields are read
    // before its memory (from `PyObject_Malloc`) is freed, and what they referenced is
    // released after, when no code can reach the record any more.
    unsafe {
        let (records, entity) = {
            let record = fields(object);
            (record.records, record.entity.load(Ordering::Acquire))
        };
        let ty = ffi::Py_TYPE(object);
        ffi::PyObject_Free(object.cast());
        ffi::Py_DECREF(ty.cast());
        if !entity.is_null() {
            ffi::Py_DECREF(entity);
        }
        ffi::Py_DECREF(records);
    }
}
