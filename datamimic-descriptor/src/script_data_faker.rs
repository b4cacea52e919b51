//! DATAMIMIC's `DataFakerGenerator(method, locale='en_US', *args, **kwargs)` and
//! `DepartmentNameGenerator(locale='en')`, as builtin classes every script sees.
//!
//! `DataFakerGenerator` calls a method of the `faker` module's `Faker` (datamimic's subset of
//! Faker, [`crate::script_faker`] and [`crate::script_faker_methods`]) with the given
//! arguments: `generator="DataFakerGenerator('swift', length=8)"`. A method it does not
//! serve is an error naming it, suggesting the closest one and listing those it serves.
//! `DepartmentNameGenerator` draws a department name of DATAMIMIC's lists
//! (`common/organization/department`): `en` (DATAMIMIC's default) reads as the US list, `de`
//! as the German one; `dataset` names one directly.

use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyResult, VirtualMachine};

/// The classes' names, which the parser treats as classes scripts define.
pub const GENERATORS: &[&str] = &["DataFakerGenerator", "DepartmentNameGenerator"];

/// The classes, in Python, on the `faker` module's namespace.
const DATA_FAKER_PY: &str = r#"
class DataFakerGenerator:
    def __init__(self, method, locale="en_US", *args, rng=None, **kwargs):
        if not isinstance(method, str):
            raise TypeError(f"DataFakerGenerator: the method is a name such as 'vin', not {method!r}")
        if rng is not None:
            raise ValueError("DataFakerGenerator: `rng` is not served: values draw from the record's stream (seed it with the setup's `rngSeed`)")
        known = _known()
        if method not in known or method.startswith("_"):
            raise ValueError(
                f"DataFakerGenerator: Faker's method `{method}` is not served"
                f"{_did_you_mean(method, known)}; served: {', '.join(known)}")
        self._draw = getattr(Faker(locale), method)
        self._args = args
        self._kwargs = kwargs

    def generate(self):
        return self._draw(*self._args, **self._kwargs)

class DepartmentNameGenerator:
    def __init__(self, locale="en", dataset=None, rng=None):
        if rng is not None:
            raise ValueError("DepartmentNameGenerator: `rng` is not served: values draw from the record's stream (seed it with the setup's `rngSeed`)")
        if dataset is not None:
            self.dataset = str(dataset).upper()
        elif locale == "en":
            # DATAMIMIC's default: its English list, the US one here.
            self.dataset = "US"
        else:
            self.dataset = _dataset_of_locale(locale)
        _table("department", self.dataset)

    def generate(self):
        return _table("department", self.dataset)
"#;

/// Defines the classes as builtins; the `faker` module must be registered first.
pub(crate) fn register(vm: &VirtualMachine) -> PyResult<()> {
    let faker = vm
        .sys_module
        .get_attr("modules", vm)?
        .get_item("faker", vm)?;
    let dict = vm.ctx.new_dict();
    for name in [
        "Faker",
        "_known",
        "_did_you_mean",
        "_dataset_of_locale",
        "_table",
    ] {
        dict.set_item(name, faker.get_attr(name, vm)?, vm)?;
    }
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(
            DATA_FAKER_PY,
            Mode::Exec,
            "<datamimic data faker>".to_owned(),
        )
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    for name in GENERATORS {
        vm.builtins.set_attr(*name, dict.get_item(*name, vm)?, vm)?;
    }
    Ok(())
}
