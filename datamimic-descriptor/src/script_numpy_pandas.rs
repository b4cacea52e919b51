//! The parts of `numpy` and `pandas` that DATAMIMIC's scripting demo uses, for scripts that
//! build a random table and write it as JSON records:
//! `numpy.random.rand(d0, d1, ...)` (uniform floats in [0, 1) from the record's stream, as an
//! `ndarray` with `shape`, `ndim`, `tolist()`, `len()`, indexing and iteration) and
//! `numpy.array(nested_lists)`; `pandas.DataFrame(data, columns=None)` of a 2-D array, a list
//! of rows, a list of dicts or a dict of columns, with `columns`, `shape`, `len()`,
//! `to_dict(orient='records'|'list')` and `to_json(orient='records'|'columns')` (floats as
//! pandas writes them: `double_precision=10`). Anything else is an `AttributeError` or a
//! `TypeError` naming what is served: these are small, exact subsets, not the libraries.

use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyResult, VirtualMachine};

const NUMPY_PY: &str = r#"
import random as _random

class ndarray:
    """An n-dimensional array of floats, kept as nested lists."""

    def __init__(self, rows):
        self._rows = rows
        shape = []
        level = rows
        while isinstance(level, list):
            shape.append(len(level))
            level = level[0] if level else None
        self.shape = tuple(shape)
        self.ndim = len(shape)

    def tolist(self):
        def copy(level):
            return [copy(x) for x in level] if isinstance(level, list) else level
        return copy(self._rows)

    def __len__(self):
        return len(self._rows)

    def __getitem__(self, index):
        item = self._rows[index]
        return ndarray(item) if isinstance(item, list) else item

    def __iter__(self):
        return iter(self[i] for i in range(len(self._rows)))

    def __repr__(self):
        return f"array({self._rows!r})"

    def __getattr__(self, name):
        raise AttributeError(
            f"datamimic's numpy.ndarray has no `{name}`; it serves shape, ndim, tolist(), len(), indexing and iteration")

def _rand(shape):
    if not shape:
        return _random.random()
    return [_rand(shape[1:]) for _ in range(shape[0])]

class _RandomModule:
    def rand(self, *shape):
        for d in shape:
            if not isinstance(d, int) or isinstance(d, bool) or d < 0:
                raise ValueError(f"numpy.random.rand: dimensions are non-negative integers, not {d!r}")
        size = 1
        for d in shape:
            size *= d
        if size > 1_000_000:
            raise ValueError(f"numpy.random.rand: at most 1,000,000 values, not {size}")
        values = _rand(list(shape))
        return ndarray(values) if shape else values

    def __getattr__(self, name):
        raise AttributeError(f"datamimic's numpy.random serves only rand(), not `{name}`")

random = _RandomModule()

def array(rows):
    if isinstance(rows, ndarray):
        return ndarray(rows.tolist())
    if not isinstance(rows, list):
        raise TypeError(f"datamimic's numpy.array takes nested lists, not {type(rows).__name__}")
    return ndarray(rows)

def __getattr__(name):
    raise AttributeError(f"datamimic's numpy serves only random.rand() and array(), not `{name}`")
"#;

const PANDAS_PY: &str = r#"
import json as _json
import numpy as _numpy

def _number(value):
    # pandas' to_json writes floats with double_precision=10 decimal places.
    return round(value, 10) if isinstance(value, float) else value

class DataFrame:
    """A table of rows under named columns."""

    def __init__(self, data=None, columns=None):
        if data is None:
            data = []
        if isinstance(data, _numpy.ndarray):
            if data.ndim != 2:
                raise ValueError(f"DataFrame: a numpy array must be 2-dimensional, not of shape {data.shape}")
            data = data.tolist()
        if isinstance(data, dict):
            names = list(data)
            lengths = {len(v) for v in data.values()}
            if len(lengths) > 1:
                raise ValueError("DataFrame: all columns must have the same length")
            count = lengths.pop() if lengths else 0
            rows = [[data[n][i] for n in names] for i in range(count)]
            if columns is not None:
                raise TypeError("DataFrame: `columns` with a dict of columns is not served")
        elif isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
            names = []
            for r in data:
                names.extend(k for k in r if k not in names)
            rows = [[r.get(n) for n in names] for r in data]
            if columns is not None:
                names, rows = list(columns), [[r.get(n) for n in columns] for r in data]
        elif isinstance(data, list):
            rows = [list(r) for r in data]
            width = len(rows[0]) if rows else 0
            if any(len(r) != width for r in rows):
                raise ValueError("DataFrame: all rows must have the same length")
            names = list(columns) if columns is not None else list(range(width))
            if len(names) != width:
                raise ValueError(f"DataFrame: {len(names)} columns passed, passed data had {width} columns")
        else:
            raise TypeError(f"datamimic's DataFrame takes a 2-D array, a list of rows or dicts, or a dict of columns, not {type(data).__name__}")
        self.columns = names
        self._rows = rows
        self.shape = (len(rows), len(names))

    def __len__(self):
        return len(self._rows)

    def to_dict(self, orient="dict"):
        if orient == "records":
            return [dict(zip(self.columns, r)) for r in self._rows]
        if orient == "list":
            return {n: [r[i] for r in self._rows] for i, n in enumerate(self.columns)}
        raise ValueError(f"datamimic's DataFrame.to_dict serves orient='records' and 'list', not {orient!r}")

    def to_json(self, orient="columns"):
        keys = [str(n) for n in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"DataFrame columns must be unique for orient={orient!r}")
        if orient == "records":
            value = [{k: _number(v) for k, v in zip(keys, r)} for r in self._rows]
        elif orient == "columns":
            value = {k: {str(i): _number(r[c]) for i, r in enumerate(self._rows)} for c, k in enumerate(keys)}
        else:
            raise ValueError(f"datamimic's DataFrame.to_json serves orient='records' and 'columns', not {orient!r}")
        return _json.dumps(value, separators=(",", ":"))

    def __getattr__(self, name):
        raise AttributeError(
            f"datamimic's DataFrame has no `{name}`; it serves columns, shape, len(), to_dict() and to_json()")

def __getattr__(name):
    raise AttributeError(f"datamimic's pandas serves only DataFrame, not `{name}`")
"#;

/// Registers `numpy` and `pandas` in `sys.modules` (on their first import).
pub(crate) fn register(vm: &VirtualMachine) -> PyResult<()> {
    for (name, source) in [("numpy", NUMPY_PY), ("pandas", PANDAS_PY)] {
        let dict = vm.ctx.new_dict();
        dict.set_item("__name__", vm.ctx.new_str(name).into(), vm)?;
        let module = vm.new_module(name, dict.clone(), None);
        let scope = rustpython_vm::scope::Scope::with_builtins(None, dict, vm);
        let code = vm
            .compile(source, Mode::Exec, format!("<datamimic {name}>"))
            .map_err(|e| vm.new_runtime_error(e.to_string()))?;
        vm.run_code_obj(code, scope)?;
        vm.sys_module
            .get_attr("modules", vm)?
            .set_item(name, module.into(), vm)?;
    }
    Ok(())
}
