//! The Python interpreter for scripts the native fast path leaves over: RustPython's VM,
//! built without its standard library, one per worker thread.
//!
//! Sandbox: the VM has no file, network, environment or process modules (they live in
//! RustPython's standard library, which is not linked); `open`, `input`, `exec`, `eval`,
//! `compile`, `breakpoint`, `help`, `exit` and `quit` are removed and `print` writes nothing;
//! `import` serves only `random`, `string`, `uuid`, `__future__`, `faker` (a subset,
//! [`crate::script_faker`]), `numpy` and `pandas` (the scripting demo's subsets,
//! [`crate::script_numpy_pandas`]), the pure standard-library
//! modules of `crate::script_stdlib` and DATAMIMIC's modules (base classes, and the domains of
//! [`crate::script_domains`]); any other module is a clean error naming it. A repetition
//! (`'x' * n`) may make at most [`crate::script_limits::MAX_REPEAT_BYTES`]. The `random`
//! module (`crate::script_random`) and the helpers (`random_int`, `random_bool`,
//! `random_choice`, `uuid`, `pattern`) draw from the current record's stream, so values never depend on threads.
//! An evaluation that runs longer than [`TIME_LIMIT`] is stopped by a watchdog with an
//! error (before the next bytecode instruction; a single builtin call such as
//! `sum(range(10 ** 15))` runs in Rust and is not interrupted); recursion is limited to
//! [`RECURSION_LIMIT`] calls.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::mem::ManuallyDrop;
use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::{Duration, Instant};

use rhai::{Array, Dynamic, ImmutableString, Map, Scope};
use rustpython_vm::builtins::{
    PyBaseExceptionRef, PyCode, PyDict, PyDictRef, PyFloat, PyInt, PyList, PyStr, PyTuple,
};
use rustpython_vm::bytecode::CodeObject;
use rustpython_vm::compiler::Mode;
use rustpython_vm::function::{ArgIntoFloat, FuncArgs, OptionalArg};
use rustpython_vm::signal::{UserSignalSender, user_signal_channel};
use rustpython_vm::{
    AsObject, Interpreter, PyObjectRef, PyRef, PyResult, TryFromObject, VirtualMachine,
};

use datamimic::sample;

use crate::script::{uuid, with_rng};
use crate::script_domains;
use crate::script_module::PythonFile;
use crate::script_random::{choice, random_int, random_module};
use crate::script_stdlib::{self, STDLIB_MODULES};

/// The longest one evaluation may run before the watchdog stops it.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);

/// The deepest Python call nesting a script may reach.
pub const RECURSION_LIMIT: usize = 128;

/// The file name attribute scripts are compiled under.
pub(crate) const SCRIPT_PATH: &str = "<script>";

/// How deep a script's result may nest lists and dicts.
const MAX_VALUE_DEPTH: usize = 64;

/// Modules a script may import (and the standard library's of [`STDLIB_MODULES`]).
const MODULES: &[&str] = &[
    "__future__",
    "random",
    "string",
    "uuid",
    "faker",
    "re",
    "json",
    "numpy",
    "pandas",
];

/// The features of Python's `__future__` module, all of which Python 3 has.
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
    "annotations",
];

/// Defines the class records and entities are seen as: a dict whose keys are attributes too.
const PRELUDE: &str = r#"
class Record(dict):
    __slots__ = ()
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no property `{name}`") from None
    def to_dict(self):
        return dict(self)

class ModelRecord(Record):
    """An entity's record with read-only model properties beyond its keys (`user.email`)."""
    def __getattr__(self, name):
        properties = self.__dict__.get("_properties", {})
        if name in properties:
            return properties[name]
        return Record.__getattr__(self, name)

class DateTimeText(str):
    """A datetime as datamimic writes it (`%Y-%m-%d %H:%M:%S`), with a datetime's fields."""
    __slots__ = ()
    @property
    def year(self):
        return int(self[0:4])
    @property
    def month(self):
        return int(self[5:7])
    @property
    def day(self):
        return int(self[8:10])
    @property
    def hour(self):
        return int(self[11:13])
    @property
    def minute(self):
        return int(self[14:16])
    @property
    def second(self):
        return int(self[17:19])
    def isoformat(self, sep="T"):
        return self[:10] + sep + self[11:]
    def date(self):
        return self[:10]
    # With Python's `datetime` module: a `timedelta` added or subtracted gives a `datetime`,
    # as does the difference of two datetimes a `timedelta`.
    _datamimic_datetime = True
    def _as_datetime(self):
        from datetime import datetime
        return datetime.fromisoformat(self)
    def __add__(self, other):
        if getattr(other, "_datamimic_timedelta", False):
            return self._as_datetime() + other
        return str.__add__(self, other)
    def __sub__(self, other):
        return self._as_datetime() - other
    def __rsub__(self, other):
        return other - self._as_datetime()
    def weekday(self):
        return self._as_datetime().weekday()
    def isoweekday(self):
        return self._as_datetime().isoweekday()
    def strftime(self, format):
        return self._as_datetime().strftime(format)
    def timestamp(self):
        return self._as_datetime().timestamp()

class BaseLiteralGenerator:
    def generate(self):
        raise NotImplementedError("a generator class needs a `generate(self)` method")

class Converter:
    def convert(self, value):
        raise NotImplementedError("a converter class needs a `convert(self, value)` method")

class CustomConverter(Converter):
    pass
"#;

/// The module holding the prelude's classes for Rust functions (scripts cannot import it).
const PRELUDE_MODULE: &str = "_datamimic_prelude";

/// DATAMIMIC's modules of base classes, and the class each provides.
const DATAMIMIC_MODULES: &[(&str, &str)] = &[
    (
        "datamimic_ce.domains.domain_core.base_literal_generator",
        "BaseLiteralGenerator",
    ),
    ("datamimic_ce.generators.generator", "BaseLiteralGenerator"),
    ("datamimic_ce.converter.converter", "Converter"),
    ("datamimic_ce.converter.custom_converter", "CustomConverter"),
];

/// A failure inside the interpreter.
#[derive(Debug)]
pub(crate) struct VmFailure {
    /// The 1-based script line, when the traceback says.
    pub line: Option<usize>,
    /// One line, Python's error class first.
    pub message: String,
}

struct Python {
    interpreter: Interpreter,
    record_class: PyObjectRef,
    datetime_class: PyObjectRef,
    /// Code objects made on this thread, by script id.
    codes: HashMap<u64, PyRef<PyCode>>,
    /// The namespaces of executed `.scr.py` files, by the set of files.
    file_globals: HashMap<Vec<usize>, PyDictRef>,
    /// When the running evaluation started, for the watchdog.
    running: Arc<Mutex<Option<(u64, Instant)>>>,
}

thread_local! {
    /// Never dropped: RustPython's own thread-locals may be gone when a thread's locals are
    /// destroyed, and dropping an interpreter then aborts. The memory returns at exit.
    static PYTHON: ManuallyDrop<RefCell<Option<Python>>> =
        const { ManuallyDrop::new(RefCell::new(None)) };
    /// Numbers this thread's evaluations, so a late stop signal cannot hit the next one.
    static EVALUATION: Cell<u64> = const { Cell::new(0) };
}

/// Evaluates script `id` (compiled to `code`) with the `names` it reads from `scope`.
pub(crate) fn eval(
    id: u64,
    code: &CodeObject,
    names: &[String],
    scope: &Scope<'_>,
    files: &[Arc<PythonFile>],
) -> Result<Dynamic, VmFailure> {
    PYTHON.with(|cell| {
        let mut cell = cell.borrow_mut();
        let python = match cell.as_mut() {
            Some(python) => python,
            None => cell.insert(Python::new().map_err(|message| VmFailure {
                line: None,
                message,
            })?),
        };
        python.eval(id, code, names, scope, files)
    })
}

/// Runs `files` on this thread's interpreter, so their top-level errors show when the
/// descriptor is read.
pub(crate) fn check_files(files: &[Arc<PythonFile>]) -> Result<(), String> {
    PYTHON.with(|cell| {
        let mut cell = cell.borrow_mut();
        let python = match cell.as_mut() {
            Some(python) => python,
            None => cell.insert(Python::new()?),
        };
        let cache = &mut python.file_globals;
        python
            .interpreter
            .enter(|vm| file_globals(vm, cache, files).map(drop))
    })
}

/// The namespace `files` make, run once per thread and set of files.
fn file_globals(
    vm: &VirtualMachine,
    cache: &mut HashMap<Vec<usize>, PyDictRef>,
    files: &[Arc<PythonFile>],
) -> Result<PyDictRef, String> {
    let key: Vec<usize> = files.iter().map(|f| Arc::as_ptr(f) as usize).collect();
    if let Some(globals) = cache.get(&key) {
        return Ok(globals.clone());
    }
    let globals = vm.ctx.new_dict();
    // A file drawing random numbers at its top level draws the same ones on every thread.
    let saved = with_rng(|rng| rng.clone());
    crate::script::set_rng(datamimic::MimicRng::seed_from_u64(0));
    let mut result = Ok(());
    for file in files {
        let scope = rustpython_vm::scope::Scope::with_builtins(None, globals.clone(), vm);
        let _ = globals.set_item("__name__", vm.ctx.new_str("__datamimic__").into(), vm);
        let code = vm.ctx.new_code(file.code.clone());
        if let Err(e) = vm.run_code_obj(code, scope) {
            let (_, place) = raised_at(&e);
            let place = place.unwrap_or_else(|| format!("`{}`", file.uri));
            result = Err(format!("in {place}: {}", describe(vm, &e)));
            break;
        }
    }
    crate::script::set_rng(saved);
    result?;
    cache.insert(key, globals.clone());
    Ok(globals)
}

impl Python {
    fn new() -> Result<Python, String> {
        let (sender, receiver) = user_signal_channel();
        let interpreter = Interpreter::with_init(Default::default(), move |vm| {
            vm.set_user_signal_channel(receiver);
        });
        let classes = interpreter.enter(|vm| -> PyResult<(PyObjectRef, PyObjectRef)> {
            vm.recursion_limit.set(RECURSION_LIMIT);
            sandbox(vm)?;
            let scope = vm.new_scope_with_builtins();
            let code = vm
                .compile(PRELUDE, Mode::Exec, "<datamimic>".to_owned())
                .map_err(|e| vm.new_runtime_error(e.to_string()))?;
            vm.run_code_obj(code, scope.clone())?;
            let modules = vm.sys_module.get_attr("modules", vm)?;
            for (module, class) in DATAMIMIC_MODULES {
                let dict = vm.ctx.new_dict();
                dict.set_item(*class, scope.globals.get_item(*class, vm)?, vm)?;
                modules.set_item(*module, vm.new_module(module, dict, None).into(), vm)?;
            }
            // Where Rust functions find the classes values are seen as; not importable.
            let prelude = vm.ctx.new_dict();
            for class in ["Record", "ModelRecord", "DateTimeText"] {
                prelude.set_item(class, scope.globals.get_item(class, vm)?, vm)?;
            }
            modules.set_item(
                PRELUDE_MODULE,
                vm.new_module(PRELUDE_MODULE, prelude, None).into(),
                vm,
            )?;
            let random_class = modules.get_item("random", vm)?.get_attr("Random", vm)?;
            script_domains::register(
                vm,
                scope.globals.get_item("Record", vm)?,
                random_class.clone(),
            )?;
            crate::script_generators::register(
                vm,
                vm.new_function("_entity_record", script_domains::entity_record)
                    .into(),
                random_class.clone(),
            )?;
            crate::script_data_faker::register(vm)?;
            crate::script_contexts::register(
                vm,
                scope.globals.get_item("CustomConverter", vm)?,
                scope.globals.get_item("Record", vm)?,
            )?;
            Ok((
                scope.globals.get_item("Record", vm)?,
                scope.globals.get_item("DateTimeText", vm)?,
            ))
        });
        let (record_class, datetime_class) = classes.map_err(|e| {
            interpreter.enter(|vm| {
                format!(
                    "the Python interpreter does not start: {}",
                    describe(vm, &e)
                )
            })
        })?;
        let running = Arc::new(Mutex::new(None));
        watch(Arc::downgrade(&running), sender);
        Ok(Python {
            interpreter,
            record_class,
            datetime_class,
            codes: HashMap::new(),
            file_globals: HashMap::new(),
            running,
        })
    }

    fn eval(
        &mut self,
        id: u64,
        code: &CodeObject,
        names: &[String],
        scope: &Scope<'_>,
        files: &[Arc<PythonFile>],
    ) -> Result<Dynamic, VmFailure> {
        let evaluation = EVALUATION.with(|e| {
            e.set(e.get() + 1);
            e.get()
        });
        *self.running.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((evaluation, Instant::now()));
        let codes = &mut self.codes;
        let classes = Classes {
            record: &self.record_class,
            datetime: &self.datetime_class,
        };
        let cache = &mut self.file_globals;
        let result = self.interpreter.enter(|vm| {
            no_tracing(vm);
            let base = if files.is_empty() {
                None
            } else {
                Some(file_globals(vm, cache, files).map_err(|message| VmFailure {
                    line: None,
                    message,
                })?)
            };
            let code = codes
                .entry(id)
                .or_insert_with(|| vm.ctx.new_code(code.clone()))
                .clone();
            let run = || -> PyResult<PyObjectRef> {
                let globals = vm.ctx.new_dict();
                if let Some(base) = &base {
                    for (k, v) in base.items_vec() {
                        globals.set_item(&*k, v, vm)?;
                    }
                }
                for name in names {
                    if let Some(value) = scope.get(name) {
                        globals.set_item(name.as_str(), to_python(vm, &classes, value)?, vm)?;
                    }
                }
                let py_scope = rustpython_vm::scope::Scope::with_builtins(None, globals, vm);
                vm.run_code_obj(code, py_scope)
            };
            match run() {
                Ok(value) => from_python(vm, &value, 0).map_err(|message| VmFailure {
                    line: None,
                    message,
                }),
                Err(e) => {
                    let (line, elsewhere) = raised_at(&e);
                    let message = describe(vm, &e);
                    Err(VmFailure {
                        line,
                        message: match elsewhere {
                            Some(place) => format!("{message} (in {place})"),
                            None => message,
                        },
                    })
                }
            }
        });
        *self.running.lock().unwrap_or_else(|e| e.into_inner()) = None;
        self.interpreter.enter(no_tracing);
        result
    }
}

/// Removes host access from the builtins and adds datamimic's helpers and `random` module.
fn sandbox(vm: &VirtualMachine) -> PyResult<()> {
    crate::script_limits::cap_repetition(vm);
    let builtins = vm.builtins.as_object();
    for name in [
        "open",
        "input",
        "exec",
        "eval",
        "compile",
        "breakpoint",
        "help",
        "exit",
        "quit",
        "copyright",
        "credits",
        "license",
    ] {
        if builtins.get_attr(name, vm).is_ok() {
            builtins.del_attr(name, vm)?;
        }
    }
    builtins.set_attr("print", vm.new_function("print", |_: FuncArgs| {}), vm)?;
    builtins.set_attr("__import__", vm.new_function("__import__", import), vm)?;
    builtins.set_attr("random_int", vm.new_function("random_int", random_int), vm)?;
    builtins.set_attr(
        "random_bool",
        vm.new_function("random_bool", |p: OptionalArg<ArgIntoFloat>| {
            let p = p.map_or(0.5, ArgIntoFloat::into_float);
            with_rng(|rng| sample::chance(rng, p))
        }),
        vm,
    )?;
    builtins.set_attr(
        "random_choice",
        vm.new_function("random_choice", choice),
        vm,
    )?;
    builtins.set_attr("uuid", vm.new_function("uuid", uuid), vm)?;
    builtins.set_attr(
        "pattern",
        vm.new_function(
            "pattern",
            |p: PyRef<PyStr>, vm: &VirtualMachine| -> PyResult<String> {
                let p = p
                    .to_str()
                    .ok_or_else(|| vm.new_value_error("pattern: not valid UTF-8"))?;
                Ok(with_rng(|rng| datamimic::pattern::fill(rng, p)))
            },
        ),
        vm,
    )?;
    let modules = vm.sys_module.get_attr("modules", vm)?;
    script_stdlib::register(
        vm,
        vm.new_function("_evaluation", || EVALUATION.with(Cell::get))
            .into(),
    )?;
    let random = random_module(vm)?;
    builtins.set_attr("random", random.clone(), vm)?;
    modules.set_item("random", random, vm)?;
    modules.set_item("string", string_module(vm)?, vm)?;
    modules.set_item("re", crate::script_re::module(vm)?, vm)?;
    modules.set_item("json", crate::script_json::module(vm)?, vm)?;
    let uuid_dict = vm.ctx.new_dict();
    uuid_dict.set_item("uuid4", vm.new_function("uuid4", uuid).into(), vm)?;
    modules.set_item("uuid", vm.new_module("uuid", uuid_dict, None).into(), vm)?;
    // `from __future__ import annotations` (common at the top of DATAMIMIC's script files)
    // is a compiler directive; the runtime import only has to find the feature names.
    let future_dict = vm.ctx.new_dict();
    for feature in FUTURE_FEATURES {
        future_dict.set_item(*feature, vm.ctx.new_bool(true).into(), vm)?;
    }
    modules.set_item(
        "__future__",
        vm.new_module("__future__", future_dict, None).into(),
        vm,
    )?;
    Ok(())
}

/// `import NAME`: only [`MODULES`]; anything else names the module it cannot serve.
fn import(args: FuncArgs, vm: &VirtualMachine) -> PyResult {
    let name: PyRef<PyStr> = args
        .args
        .first()
        .cloned()
        .ok_or_else(|| vm.new_type_error("__import__ needs a module name"))?
        .try_into_value(vm)?;
    let name = name.to_str().unwrap_or("?").to_owned();
    let top = name.split('.').next().unwrap_or_default();
    // DATAMIMIC's modules: the base classes and the domains (`crate::script_domains`).
    let datamimic_module = top == "datamimic_ce"
        && vm
            .sys_module
            .get_attr("modules", vm)?
            .get_item(name.as_str(), vm)
            .is_ok();
    // `datetime` is made on its first import: most scripts never pay for compiling it.
    if name == "datetime"
        && vm
            .sys_module
            .get_attr("modules", vm)?
            .get_item("datetime", vm)
            .is_err()
    {
        crate::script_datetime::register(vm)?;
    }
    // So are `numpy` and `pandas`, DATAMIMIC's scripting demo's subsets of them.
    if (name == "numpy" || name == "pandas")
        && vm
            .sys_module
            .get_attr("modules", vm)?
            .get_item("numpy", vm)
            .is_err()
    {
        crate::script_numpy_pandas::register(vm)?;
    }
    if ((MODULES.contains(&top) || STDLIB_MODULES.contains(&top)) && top == name)
        || datamimic_module
    {
        return vm
            .sys_module
            .get_attr("modules", vm)?
            .get_item(name.as_str(), vm);
    }
    if top == "datamimic_ce" {
        return Err(vm.new_import_error(
            format!(
                "`import {name}`: of DATAMIMIC's modules, datamimic provides the base classes of generators and converters, `DemographicConfig`, the domains' services, generators and models (`datamimic_ce.domains.healthcare.services.patient_service`), the contexts, `DatabaseClient` (SQLite) and `logger`"
            ),
            vm.ctx.new_str(name),
        ));
    }
    Err(vm.new_import_error(
        format!(
            "`import {name}`: datamimic's scripts run in a sandboxed Python without installed modules; only {} can be imported",
            MODULES
                .iter()
                .chain(STDLIB_MODULES)
                .map(|m| format!("`{m}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        vm.ctx.new_str(name),
    ))
}

/// Python's `string` constants.
fn string_module(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
    const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const DIGITS: &str = "0123456789";
    const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
    const WHITESPACE: &str = " \t\n\r\x0b\x0c";
    let dict = vm.ctx.new_dict();
    let letters = format!("{LOWER}{UPPER}");
    for (name, value) in [
        ("ascii_lowercase", LOWER.to_owned()),
        ("ascii_uppercase", UPPER.to_owned()),
        ("ascii_letters", letters.clone()),
        ("digits", DIGITS.to_owned()),
        ("hexdigits", "0123456789abcdefABCDEF".to_owned()),
        ("octdigits", "01234567".to_owned()),
        ("punctuation", PUNCTUATION.to_owned()),
        ("whitespace", WHITESPACE.to_owned()),
        (
            "printable",
            format!("{DIGITS}{letters}{PUNCTUATION}{WHITESPACE}"),
        ),
    ] {
        dict.set_item(name, vm.ctx.new_str(value).into(), vm)?;
    }
    Ok(vm.new_module("string", dict, None).into())
}

/// The prelude's classes values are seen as.
struct Classes<'p> {
    record: &'p PyObjectRef,
    datetime: &'p PyObjectRef,
}

/// Whether `s` is a datetime as datamimic writes it: `YYYY-MM-DD HH:MM:SS`.
fn is_datetime_text(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 19
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b' ',
            13 | 16 => *c == b':',
            _ => c.is_ascii_digit(),
        })
}

/// A datamimic value as a Python object (dicts become records: keys are attributes too;
/// datetimes as datamimic writes them have `.year`, `.month`, ... and `.isoformat()`).
fn to_python(vm: &VirtualMachine, classes: &Classes<'_>, value: &Dynamic) -> PyResult {
    if value.is_unit() {
        return Ok(vm.ctx.none());
    }
    if let Ok(b) = value.as_bool() {
        return Ok(vm.ctx.new_bool(b).into());
    }
    if let Ok(i) = value.as_int() {
        return Ok(vm.ctx.new_int(i).into());
    }
    if let Ok(f) = value.as_float() {
        return Ok(vm.ctx.new_float(f).into());
    }
    if let Some(s) = value.read_lock::<ImmutableString>() {
        let text: PyObjectRef = vm.ctx.new_str(s.as_str()).into();
        if is_datetime_text(s.as_str()) {
            return classes.datetime.call((text,), vm);
        }
        return Ok(text);
    }
    if let Some(array) = value.read_lock::<Array>() {
        let items = array
            .iter()
            .map(|v| to_python(vm, classes, v))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(vm.ctx.new_list(items).into());
    }
    if let Some(map) = value.read_lock::<Map>() {
        let dict = vm.ctx.new_dict();
        for (k, v) in crate::dict_order::entries(value, &map) {
            dict.set_item(k, to_python(vm, classes, v)?, vm)?;
        }
        let tag = crate::dict_order::entity_bits(value.tag());
        if tag == 0 {
            return classes.record.call((dict,), vm);
        }
        let properties = script_domains::property_values(value, &map);
        let record = match script_domains::model_of(vm, tag, dict.clone().into()) {
            Some(model) => model?,
            None if properties.is_empty() => return classes.record.call((dict,), vm),
            None => vm
                .sys_module
                .get_attr("modules", vm)?
                .get_item(PRELUDE_MODULE, vm)?
                .get_attr("ModelRecord", vm)?
                .call((dict,), vm)?,
        };
        if !properties.is_empty() {
            let values = vm.ctx.new_dict();
            for (name, property) in &properties {
                values.set_item(*name, to_python(vm, classes, property)?, vm)?;
            }
            record
                .dict()
                .ok_or_else(|| vm.new_type_error("a model record without attributes"))?
                .set_item("_properties", values.into(), vm)?;
        }
        return Ok(record);
    }
    Ok(vm.ctx.new_str(value.to_string()).into())
}

/// A datamimic value as a Python object, as scripts see values (for Rust functions called
/// from scripts).
pub(crate) fn value_to_python(vm: &VirtualMachine, value: &Dynamic) -> PyResult {
    let prelude = vm
        .sys_module
        .get_attr("modules", vm)?
        .get_item(PRELUDE_MODULE, vm)?;
    let record = prelude.get_attr("Record", vm)?;
    let datetime = prelude.get_attr("DateTimeText", vm)?;
    to_python(
        vm,
        &Classes {
            record: &record,
            datetime: &datetime,
        },
        value,
    )
}

/// A script's Python result as a datamimic value.
fn from_python(vm: &VirtualMachine, value: &PyObjectRef, depth: usize) -> Result<Dynamic, String> {
    if depth > MAX_VALUE_DEPTH {
        return Err(format!(
            "the result nests lists and dicts more than {MAX_VALUE_DEPTH} levels deep"
        ));
    }
    if vm.is_none(value) {
        return Ok(Dynamic::UNIT);
    }
    if value.class().is(vm.ctx.types.bool_type) {
        return Ok(value.clone().try_to_bool(vm).unwrap_or(false).into());
    }
    if value.downcast_ref::<PyInt>().is_some() {
        return i64::try_from_object(vm, value.clone())
            .map(Dynamic::from)
            .map_err(|_| format!("`{}` does not fit a 64-bit integer", repr(vm, value)));
    }
    if let Some(f) = value.downcast_ref::<PyFloat>() {
        return Ok(f.to_f64().into());
    }
    if let Some(s) = value.downcast_ref::<PyStr>() {
        return match s.to_str() {
            Some(s) => Ok(s.into()),
            None => Err("the result is a string with lone surrogates".into()),
        };
    }
    let items = |items: &[PyObjectRef]| -> Result<Dynamic, String> {
        let array: Array = items
            .iter()
            .map(|v| from_python(vm, v, depth + 1))
            .collect::<Result<_, _>>()?;
        Ok(array.into())
    };
    if let Some(list) = value.downcast_ref::<PyList>() {
        let list = list.borrow_vec().to_vec();
        return items(&list);
    }
    if let Some(tuple) = value.downcast_ref::<PyTuple>() {
        return items(tuple.as_slice());
    }
    if let Some(dict) = value.downcast_ref::<PyDict>() {
        let items = dict.items_vec();
        let mut map = Map::new();
        let mut keys: Vec<&str> = Vec::with_capacity(items.len());
        for (k, v) in &items {
            let Some(key) = k.downcast_ref::<PyStr>().and_then(|k| k.to_str()) else {
                return Err(format!(
                    "the result is a dict with the key `{}`; datamimic's keys are strings",
                    repr(vm, k)
                ));
            };
            keys.push(key);
            map.insert(key.into(), from_python(vm, v, depth + 1)?);
        }
        return Ok(crate::dict_order::ordered_map(map, &keys));
    }
    // `datetime`'s values are written as `str()` writes them.
    if value
        .get_attr("_datamimic_written_as_str", vm)
        .is_ok_and(|marked| marked.is(&vm.ctx.true_value))
    {
        let text = value
            .str(vm)
            .map_err(|_| format!("`{}` cannot be written as text", repr(vm, value)))?;
        return match text.to_str() {
            Some(s) => Ok(s.into()),
            None => Err("the result is a string with lone surrogates".into()),
        };
    }
    Err(format!(
        "the result `{}` is a Python `{}`, which datamimic cannot write",
        repr(vm, value),
        value.class().name()
    ))
}

fn repr(vm: &VirtualMachine, value: &PyObjectRef) -> String {
    match value.repr(vm) {
        Ok(s) => s.to_str().unwrap_or("?").chars().take(80).collect(),
        Err(_) => "?".into(),
    }
}

/// `ErrorClass: message`, one line.
fn describe(vm: &VirtualMachine, e: &PyBaseExceptionRef) -> String {
    let class = e.class().name().to_string();
    let message = match e.as_object().str(vm) {
        Ok(s) => s.to_str().unwrap_or_default().to_owned(),
        Err(_) => String::new(),
    };
    let line = if message.is_empty() {
        class
    } else {
        format!("{class}: {message}")
    };
    line.replace(['\n', '\r'], " ")
}

/// Where the exception was raised: the line of the script when that is where, else the
/// file and line (of an executed `.scr.py` file). Frames of datamimic's own modules
/// (`<datamimic random>`) are skipped: the error is the caller's.
fn raised_at(e: &PyBaseExceptionRef) -> (Option<usize>, Option<String>) {
    let mut place = None;
    let mut tb = e.__traceback__();
    while let Some(frame) = tb {
        let file = frame.frame.code.source_path().as_str().to_owned();
        if !file.starts_with("<datamimic") {
            place = Some((file, frame.lineno.get()));
        }
        tb = frame.next.lock().clone();
    }
    match place {
        None => (None, None),
        Some((file, line)) if file == SCRIPT_PATH => (Some(line), None),
        Some((file, line)) => (None, Some(format!("`{file}` line {line}"))),
    }
}

/// Makes the running frame raise before its next instruction, through a trace function:
/// RustPython 0.5 mishandles an exception a signal handler raises inside generators and
/// nested functions (it panics), but handles one a trace function raises.
fn stop_at_next_instruction(vm: &VirtualMachine) {
    let stop: PyObjectRef = vm
        .new_function(
            "datamimic_stop",
            |_: FuncArgs, vm: &VirtualMachine| -> PyResult<()> {
                Err(vm.new_runtime_error(format!(
                    "the script ran longer than {} s and was stopped (a loop that never ends?)",
                    TIME_LIMIT.as_secs()
                )))
            },
        )
        .into();
    *vm.trace_func.borrow_mut() = stop.clone();
    vm.use_tracing.set(true);
    if let Some(frame) = vm.current_frame() {
        *frame.trace.lock() = stop;
        *frame.trace_opcodes.lock() = true;
    }
}

/// Ends a stop a previous evaluation may have left armed.
fn no_tracing(vm: &VirtualMachine) {
    *vm.trace_func.borrow_mut() = vm.ctx.none();
    vm.use_tracing.set(false);
}

/// Registers a thread's interpreter with the watchdog, which stops an evaluation running
/// longer than [`TIME_LIMIT`].
fn watch(running: Weak<Mutex<Option<(u64, Instant)>>>, sender: UserSignalSender) {
    type Watched = Vec<(Weak<Mutex<Option<(u64, Instant)>>>, UserSignalSender)>;
    static WATCHED: OnceLock<Arc<Mutex<Watched>>> = OnceLock::new();
    let watched = WATCHED.get_or_init(|| {
        let watched: Arc<Mutex<Watched>> = Arc::default();
        let list = watched.clone();
        // Without the thread (the system refuses one) scripts still run, unguarded.
        let _ = std::thread::Builder::new()
            .name("datamimic-script-watchdog".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(Duration::from_millis(100));
                    let mut list = list.lock().unwrap_or_else(|e| e.into_inner());
                    list.retain(|(running, sender)| {
                        let Some(running) = running.upgrade() else {
                            return false;
                        };
                        let overdue = *running.lock().unwrap_or_else(|e| e.into_inner());
                        if let Some((evaluation, started)) = overdue
                            && started.elapsed() > TIME_LIMIT
                        {
                            // Sent again every tick until it lands: the VMs share one
                            // "signal pending" flag.
                            let _ = sender.send(Box::new(move |vm| {
                                if EVALUATION.with(Cell::get) == evaluation {
                                    stop_at_next_instruction(vm);
                                }
                                Ok(())
                            }));
                        }
                        true
                    });
                }
            });
        watched
    });
    watched
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((running, sender));
}
