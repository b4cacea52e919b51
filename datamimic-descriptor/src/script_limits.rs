//! A cap on what one repetition may allocate in a script (`'x' * 10 ** 12`, `[0] * n`,
//! `b'.' * n`, `s *= n`): RustPython allocates the whole result at once, and an allocation
//! the system refuses aborts the process. The repetition slots of `str`, `bytes`,
//! `bytearray`, `list` and `tuple` are wrapped with a check that raises `MemoryError`
//! instead, once per thread (without RustPython's `threading` feature, each thread has its
//! own builtin types).

use std::cell::Cell;
use std::sync::OnceLock;

use rustpython_vm::builtins::{PyByteArray, PyBytes, PyStr, PyType};
use rustpython_vm::protocol::PySequence;
use rustpython_vm::{Py, PyResult, VirtualMachine};

/// The most bytes one repetition may make.
pub const MAX_REPEAT_BYTES: usize = 100_000_000;

type Repeat = fn(PySequence<'_>, isize, &VirtualMachine) -> PyResult;

/// The wrapped slots' own functions: `repeat` then `inplace_repeat` of each type in
/// [`types`]'s order.
static ORIGINALS: [OnceLock<Option<Repeat>>; 10] = [const { OnceLock::new() }; 10];

/// The sequence types whose repetition is capped.
fn types(vm: &VirtualMachine) -> [&'static Py<PyType>; 5] {
    let t = &vm.ctx.types;
    [
        t.str_type,
        t.bytes_type,
        t.bytearray_type,
        t.list_type,
        t.tuple_type,
    ]
}

/// Wraps the repetition slots of this thread's builtin types.
pub(crate) fn cap_repetition(vm: &VirtualMachine) {
    thread_local! {
        static PATCHED: Cell<bool> = const { Cell::new(false) };
    }
    if PATCHED.with(|p| p.replace(true)) {
        return;
    }
    {
        let wrappers: [Repeat; 10] = [
            capped::<0>,
            capped::<1>,
            capped::<2>,
            capped::<3>,
            capped::<4>,
            capped::<5>,
            capped::<6>,
            capped::<7>,
            capped::<8>,
            capped::<9>,
        ];
        for (i, ty) in types(vm).into_iter().enumerate() {
            let slots = &ty.slots.as_sequence;
            for (j, slot) in [&slots.repeat, &slots.inplace_repeat]
                .into_iter()
                .enumerate()
            {
                let k = 2 * i + j;
                let original = slot.load();
                // The same functions on every thread: the first thread's are kept.
                let _ = ORIGINALS[k].set(original);
                if original.is_some() {
                    slot.store(Some(wrappers[k]));
                }
            }
        }
    }
}

/// Slot `K`'s function, after checking the size of its result.
fn capped<const K: usize>(seq: PySequence<'_>, n: isize, vm: &VirtualMachine) -> PyResult {
    let bytes = item_bytes(seq, vm)?.saturating_mul(n.max(0).unsigned_abs());
    if bytes > MAX_REPEAT_BYTES {
        return Err(vm.new_memory_error(format!(
            "repeating a `{}` {n} times would make about {bytes} bytes; a script may make at most {MAX_REPEAT_BYTES} at once",
            seq.obj.class().name()
        )));
    }
    match ORIGINALS[K].get().copied().flatten() {
        Some(original) => original(seq, n, vm),
        None => Err(vm.new_type_error("this object cannot be repeated")),
    }
}

/// The bytes one copy of `seq` takes: its text's bytes, or a pointer per item.
fn item_bytes(seq: PySequence<'_>, vm: &VirtualMachine) -> PyResult<usize> {
    if let Some(s) = seq.obj.downcast_ref::<PyStr>() {
        return Ok(s.as_wtf8().len());
    }
    if let Some(b) = seq.obj.downcast_ref::<PyBytes>() {
        return Ok(b.as_bytes().len());
    }
    if let Some(b) = seq.obj.downcast_ref::<PyByteArray>() {
        return Ok(b.borrow_buf().len());
    }
    Ok(seq.length(vm)?.saturating_mul(std::mem::size_of::<usize>()))
}
