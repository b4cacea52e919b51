//! The pure parts of Python's standard library that scripts may import: `functools`,
//! `itertools`, `operator`, `math`, `collections`, `typing` and `datetime` (registered by
//! [`crate::script_datetime`], whose clock is the run's). None of them reaches the host
//! (files, network, environment, processes, clock). `itertools` and `operator` are
//! RustPython's own modules; `functools` is RustPython's `reduce` and `partial` with
//! datamimic's `lru_cache`, `cache`, `wraps` and `cmp_to_key`; `math` and `collections`
//! are datamimic's subsets (the functions and classes listed below).
//!
//! Determinism: a `lru_cache` keeps its values for one evaluation only, so a cached function
//! that draws random values cannot make a record depend on which records its thread ran
//! before.

use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::compiler::Mode;
use rustpython_vm::function::ArgIntoFloat;
use rustpython_vm::import::import_builtin;
use rustpython_vm::{AsObject, PyObjectRef, PyResult, VirtualMachine};

/// The standard-library modules served, besides `random`, `string`, `uuid` and `__future__`.
pub(crate) const STDLIB_MODULES: &[&str] = &[
    "functools",
    "itertools",
    "operator",
    "math",
    "collections",
    "typing",
    "datetime",
];

/// `functools` beyond RustPython's native `reduce` and `partial`.
const FUNCTOOLS_PY: &str = r#"
def wraps(wrapped, assigned=("__module__", "__name__", "__qualname__", "__doc__"), updated=("__dict__",)):
    def decorate(wrapper):
        for name in assigned:
            try:
                setattr(wrapper, name, getattr(wrapped, name))
            except AttributeError:
                pass
        for name in updated:
            getattr(wrapper, name).update(getattr(wrapped, name, {}))
        wrapper.__wrapped__ = wrapped
        return wrapper
    return decorate

def _cached(function, maxsize):
    values = {}
    state = [None, 0, 0]
    def wrapper(*args, **kwargs):
        evaluation = _evaluation()
        if state[0] != evaluation:
            values.clear()
            state[0] = evaluation
        key = (args, tuple(sorted(kwargs.items())))
        if key in values:
            state[1] += 1
            return values[key]
        state[2] += 1
        value = function(*args, **kwargs)
        if maxsize is None or maxsize > 0:
            if maxsize is not None and len(values) >= maxsize:
                del values[next(iter(values))]
            values[key] = value
        return value
    def cache_clear():
        values.clear()
    def cache_info():
        return (state[1], state[2], maxsize, len(values))
    wrapper.cache_clear = cache_clear
    wrapper.cache_info = cache_info
    return wraps(function)(wrapper)

def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, bool):
        return _cached(maxsize, 128)
    if maxsize is not None and not isinstance(maxsize, int):
        raise TypeError("maxsize should be an integer or None")
    return lambda function: _cached(function, maxsize)

def cache(function):
    return _cached(function, None)

def cmp_to_key(mycmp):
    class Key:
        __slots__ = ("obj",)
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return Key
"#;

/// `collections` beyond RustPython's native `deque`.
const COLLECTIONS_PY: &str = r#"
class OrderedDict(dict):
    def move_to_end(self, key, last=True):
        value = self.pop(key)
        if last:
            self[key] = value
        else:
            rest = list(self.items())
            self.clear()
            self[key] = value
            self.update(rest)
    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        key = next(reversed(list(self))) if last else next(iter(self))
        return key, self.pop(key)

class defaultdict(dict):
    def __init__(self, default_factory=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory
    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value
    def __getitem__(self, key):
        if key in self:
            return dict.__getitem__(self, key)
        return self.__missing__(key)

class Counter(dict):
    def __init__(self, iterable=None, **kwargs):
        super().__init__()
        self.update(iterable, **kwargs)
    def __missing__(self, key):
        return 0
    def __getitem__(self, key):
        if key in self:
            return dict.__getitem__(self, key)
        return 0
    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, dict):
                for key, count in iterable.items():
                    self[key] = self[key] + count
            else:
                for key in iterable:
                    self[key] = self[key] + 1
        for key, count in kwargs.items():
            self[key] = self[key] + count
    def most_common(self, n=None):
        ordered = sorted(self.items(), key=lambda item: item[1], reverse=True)
        return ordered if n is None else ordered[:n]
    def elements(self):
        return [key for key, count in self.items() for _ in range(count)]
    def total(self):
        return sum(self.values())
"#;

/// `typing`'s names, for annotations evaluated at run time: each stands for any type and
/// can be subscripted (`Optional[int]`, `dict[str, Any]`).
const TYPING_PY: &str = r#"
class _Annotation:
    def __init__(self, name):
        self._name = name
    def __getitem__(self, item):
        return self
    def __call__(self, *args, **kwargs):
        return args[0] if args else None
    def __or__(self, other):
        return self
    def __ror__(self, other):
        return self
    def __repr__(self):
        return "typing." + self._name

for _name in ("Any", "Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet",
              "Callable", "Iterable", "Iterator", "Sequence", "Mapping", "Type", "ClassVar",
              "Final", "Literal", "Generator", "TypeVar", "NamedTuple", "TypedDict", "cast"):
    globals()[_name] = _Annotation(_name)

TYPE_CHECKING = False

def cast(typ, value):
    return value
"#;

/// Registers the modules of [`STDLIB_MODULES`] in `sys.modules`; `evaluation` is the Rust
/// function numbering evaluations (for `lru_cache`).
pub(crate) fn register(vm: &VirtualMachine, evaluation: PyObjectRef) -> PyResult<()> {
    let modules = vm.sys_module.get_attr("modules", vm)?;
    for native in ["itertools", "operator"] {
        let module = import_builtin(
            vm,
            if native == "operator" {
                "_operator"
            } else {
                native
            },
        )?;
        modules.set_item(native, module, vm)?;
    }
    let functools = vm.ctx.new_dict();
    let native = import_builtin(vm, "_functools")?;
    for name in ["reduce", "partial"] {
        functools.set_item(name, native.get_attr(name, vm)?, vm)?;
    }
    functools.set_item("_evaluation", evaluation, vm)?;
    run(vm, &functools, FUNCTOOLS_PY, "functools")?;
    modules.set_item(
        "functools",
        vm.new_module("functools", functools, None).into(),
        vm,
    )?;
    let collections = vm.ctx.new_dict();
    let native = import_builtin(vm, "_collections")?;
    collections.set_item("deque", native.get_attr("deque", vm)?, vm)?;
    run(vm, &collections, COLLECTIONS_PY, "collections")?;
    modules.set_item(
        "collections",
        vm.new_module("collections", collections, None).into(),
        vm,
    )?;
    let typing = vm.ctx.new_dict();
    run(vm, &typing, TYPING_PY, "typing")?;
    modules.set_item("typing", vm.new_module("typing", typing, None).into(), vm)?;
    modules.set_item("math", math_module(vm)?, vm)?;
    Ok(())
}

/// Runs a module's Python source in its namespace `dict`.
fn run(vm: &VirtualMachine, dict: &PyDictRef, source: &str, module: &str) -> PyResult<()> {
    let _ = dict.set_item("__name__", vm.ctx.new_str(module).into(), vm);
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(source, Mode::Exec, format!("<datamimic {module}>"))
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope).map(drop)
}

/// A float function of one argument.
type Unary = fn(f64) -> f64;

/// Where a [`Unary`] is defined.
type Domain = fn(f64) -> bool;

/// A float function of one argument that fails outside its domain, as Python's does.
fn unary(vm: &VirtualMachine, name: &'static str, f: Unary, domain: Domain) -> PyObjectRef {
    vm.new_function(
        name,
        move |x: ArgIntoFloat, vm: &VirtualMachine| -> PyResult<f64> {
            let x = x.into_float();
            if !domain(x) {
                return Err(vm.new_value_error("math domain error"));
            }
            Ok(f(x))
        },
    )
    .into()
}

/// An integer from a float rounded by `f` (`floor`, `ceil`, `trunc`), an error for infinities
/// and NaN.
fn rounded(vm: &VirtualMachine, name: &'static str, f: Unary) -> PyObjectRef {
    vm.new_function(
        name,
        move |x: ArgIntoFloat, vm: &VirtualMachine| -> PyResult {
            let x = f(x.into_float());
            if !x.is_finite() {
                return Err(vm.new_overflow_error(format!("cannot convert {x} to an integer")));
            }
            if x.abs() < 9.0e18 {
                return Ok(vm.ctx.new_int(x as i64).into());
            }
            // Beyond i64: Python's `int` of the exact float.
            vm.ctx.types.int_type.as_object().call((x,), vm)
        },
    )
    .into()
}

/// Python's `math`: constants and the float functions scripts use.
fn math_module(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    use std::f64::consts;
    let dict = vm.ctx.new_dict();
    for (name, value) in [
        ("pi", consts::PI),
        ("e", consts::E),
        ("tau", consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        dict.set_item(name, vm.ctx.new_float(value).into(), vm)?;
    }
    let any = |_: f64| true;
    let positive = |x: f64| x > 0.0;
    let unit = |x: f64| (-1.0..=1.0).contains(&x);
    let functions: [(&'static str, Unary, Domain); 16] = [
        ("sqrt", f64::sqrt, |x| x >= 0.0),
        ("exp", f64::exp, any),
        ("log10", f64::log10, positive),
        ("log2", f64::log2, positive),
        ("log1p", f64::ln_1p, |x| x > -1.0),
        ("fabs", f64::abs, any),
        ("sin", f64::sin, f64::is_finite),
        ("cos", f64::cos, f64::is_finite),
        ("tan", f64::tan, f64::is_finite),
        ("asin", f64::asin, unit),
        ("acos", f64::acos, unit),
        ("atan", f64::atan, any),
        ("sinh", f64::sinh, any),
        ("cosh", f64::cosh, any),
        ("degrees", f64::to_degrees, any),
        ("radians", f64::to_radians, any),
    ];
    for (name, f, domain) in functions {
        dict.set_item(name, unary(vm, name, f, domain), vm)?;
    }
    for (name, f) in [
        ("floor", f64::floor as fn(f64) -> f64),
        ("ceil", f64::ceil),
        ("trunc", f64::trunc),
    ] {
        dict.set_item(name, rounded(vm, name, f), vm)?;
    }
    let binary = |name: &'static str, f: fn(f64, f64) -> f64| -> PyObjectRef {
        vm.new_function(name, move |a: ArgIntoFloat, b: ArgIntoFloat| {
            f(a.into_float(), b.into_float())
        })
        .into()
    };
    dict.set_item("pow", binary("pow", f64::powf), vm)?;
    dict.set_item("atan2", binary("atan2", f64::atan2), vm)?;
    dict.set_item("hypot", binary("hypot", f64::hypot), vm)?;
    dict.set_item("copysign", binary("copysign", f64::copysign), vm)?;
    dict.set_item(
        "log",
        vm.new_function(
            "log",
            |x: ArgIntoFloat,
             base: rustpython_vm::function::OptionalArg<ArgIntoFloat>,
             vm: &VirtualMachine|
             -> PyResult<f64> {
                let x = x.into_float();
                let base = base.map_or(consts::E, ArgIntoFloat::into_float);
                if x <= 0.0 || base <= 0.0 || base == 1.0 {
                    return Err(vm.new_value_error("math domain error"));
                }
                Ok(x.ln() / base.ln())
            },
        )
        .into(),
        vm,
    )?;
    dict.set_item(
        "fmod",
        vm.new_function(
            "fmod",
            |a: ArgIntoFloat, b: ArgIntoFloat, vm: &VirtualMachine| -> PyResult<f64> {
                let b = b.into_float();
                if b == 0.0 {
                    return Err(vm.new_value_error("math domain error"));
                }
                Ok(a.into_float() % b)
            },
        )
        .into(),
        vm,
    )?;
    for (name, test) in [
        ("isnan", f64::is_nan as fn(f64) -> bool),
        ("isinf", f64::is_infinite),
        ("isfinite", f64::is_finite),
    ] {
        dict.set_item(
            name,
            vm.new_function(name, move |x: ArgIntoFloat| test(x.into_float()))
                .into(),
            vm,
        )?;
    }
    run(
        vm,
        &dict,
        r#"
def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = fabs(b - a)
    return diff <= fabs(rel_tol * b) or diff <= fabs(rel_tol * a) or diff <= abs_tol

def fsum(values):
    return float(sum(values))

def gcd(*integers):
    result = 0
    for n in integers:
        a, b = abs(result), abs(n)
        while b:
            a, b = b, a % b
        result = a
    return result

def factorial(n):
    if not isinstance(n, int) or n < 0:
        raise ValueError("factorial() only accepts non-negative integers")
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result

def prod(values, *, start=1):
    result = start
    for v in values:
        result *= v
    return result
"#,
        "math",
    )?;
    Ok(vm.new_module("math", dict, None).into())
}
