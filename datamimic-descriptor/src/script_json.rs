//! Python's `json` module for scripts: `loads` (on `serde_json`, objects keeping their key
//! order) and `dumps` (`indent`, `sort_keys`, `separators`, `ensure_ascii`, `default`), the
//! parts DATAMIMIC's demo scripts use. Neither reads nor writes files (`load`/`dump` take
//! file objects, which the sandbox has none of).

use rustpython_vm::builtins::PyStrRef;
use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

/// `dumps` and the error class, in Python, on the Rust `_loads`.
const JSON_PY: &str = r#"
class JSONDecodeError(ValueError):
    pass

def loads(s, **kwargs):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode("utf-8")
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    return _loads(s)

def _string(s, ensure_ascii):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or (ensure_ascii and ord(c) > 0x7E):
            n = ord(c)
            if n > 0xFFFF:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (n >> 10), 0xDC00 + (n & 0x3FF)))
            else:
                out.append("\\u%04x" % n)
        else:
            out.append(c)
    out.append('"')
    return "".join(out)

def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kwargs):
    if isinstance(indent, int):
        indent = " " * indent
    if separators is None:
        separators = (", ", ": ") if indent is None else (",", ": ")
    item_sep, key_sep = separators
    def encode(o, level):
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if isinstance(o, str):
            return _string(o, ensure_ascii)
        if isinstance(o, int):
            return str(int(o))
        if isinstance(o, float):
            if o != o:
                return "NaN"
            if o in (float("inf"), float("-inf")):
                return "Infinity" if o > 0 else "-Infinity"
            return repr(o)
        if isinstance(o, dict):
            items = list(o.items())
            if sort_keys:
                items.sort(key=lambda kv: kv[0])
            parts = []
            for k, v in items:
                if isinstance(k, str):
                    key = k
                elif k is None or isinstance(k, (bool, int, float)):
                    key = encode(k, level) if not isinstance(k, str) else k
                elif skipkeys:
                    continue
                else:
                    raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")
                parts.append(_string(key, ensure_ascii) + key_sep + encode(v, level + 1))
            return wrap("{", "}", parts, level)
        if isinstance(o, (list, tuple)):
            return wrap("[", "]", [encode(v, level + 1) for v in o], level)
        if default is not None:
            return encode(default(o), level)
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")
    def wrap(first, last, parts, level):
        if not parts:
            return first + last
        if indent is None:
            return first + item_sep.join(parts) + last
        inner = "\n" + indent * (level + 1)
        return first + inner + (item_sep + inner).join(parts) + "\n" + indent * level + last
    return encode(obj, 0)
"#;

/// Builds the `json` module.
pub(crate) fn module(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let dict = vm.ctx.new_dict();
    dict.set_item("__name__", vm.ctx.new_str("json").into(), vm)?;
    dict.set_item("_loads", vm.new_function("_loads", loads).into(), vm)?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(JSON_PY, Mode::Exec, "<datamimic json>".to_owned())
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    Ok(vm.new_module("json", dict, None).into())
}

/// `_loads(text)`: the document as Python values.
fn loads(text: PyStrRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let text = text
        .to_str()
        .ok_or_else(|| vm.new_value_error("json: the text is not valid UTF-8"))?;
    let value: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| vm.new_value_error(format!("JSONDecodeError: {e}")))?;
    to_python(vm, &value)
}

fn to_python(vm: &VirtualMachine, value: &serde_json::Value) -> PyResult<PyObjectRef> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => vm.ctx.none(),
        Value::Bool(b) => vm.ctx.new_bool(*b).into(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => vm.ctx.new_int(i).into(),
            (None, Some(u)) => vm.ctx.new_int(u).into(),
            _ => vm.ctx.new_float(n.as_f64().unwrap_or(f64::NAN)).into(),
        },
        Value::String(s) => vm.ctx.new_str(s.as_str()).into(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|v| to_python(vm, v))
                .collect::<PyResult<Vec<_>>>()?;
            vm.ctx.new_list(items).into()
        }
        Value::Object(fields) => {
            let dict = vm.ctx.new_dict();
            for (k, v) in fields {
                dict.set_item(k.as_str(), to_python(vm, v)?, vm)?;
            }
            dict.into()
        }
    })
}
