//! A `faker` module for scripts: `Faker(locale)` with a subset of Faker's methods, backed by
//! datamimic's entities and their datasets (the locale's country), drawing from the record's
//! stream. The methods are those of [`METHODS`]; any other is an `AttributeError` naming the
//! ones there are (Faker's `catch_phrase` or `user_agent` have no dataset here).

use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

/// Faker's methods served, with the entity and field each value comes from.
pub const METHODS: &[(&str, &str, &str)] = &[
    ("name", "Person", "full_name"),
    ("first_name", "Person", "given_name"),
    ("last_name", "Person", "family_name"),
    ("email", "Person", "email"),
    ("phone_number", "Person", "phone"),
    ("address", "Address", "full_address"),
    ("street_name", "Address", "street"),
    ("city", "Address", "city"),
    ("state", "Address", "state"),
    ("postcode", "Address", "postal_code"),
    ("country", "Address", "country"),
    ("company", "Company", "full_name"),
    ("company_email", "Company", "email"),
];

const FAKER_PY: &str = r#"
class Faker:
    """datamimic's Faker: a subset of Faker's methods, from datamimic's entities."""

    def __init__(self, locale=None):
        if locale is not None and not isinstance(locale, str):
            raise TypeError("datamimic's Faker takes one locale (`Faker('de_DE')`)")
        self._dataset = _dataset_of_locale(locale or "en_US")

    def __getattr__(self, method):
        source = _METHODS.get(method)
        if source is None or method.startswith("_"):
            raise AttributeError(
                f"datamimic's Faker has no `{method}`; it has {', '.join(sorted(_METHODS))}")
        entity, field = source
        dataset = self._dataset
        def draw():
            options = {"dataset": dataset, "seed": _Random().getrandbits(64)}
            return _entity_record(entity, 0, options)[field]
        draw.__name__ = method
        return draw
"#;

/// Registers the `faker` module; `entity_record` and `random` are the domain bridge's record
/// function and `random.Random`.
pub(crate) fn register(
    vm: &VirtualMachine,
    entity_record: PyObjectRef,
    random: PyObjectRef,
) -> PyResult<()> {
    let dict = vm.ctx.new_dict();
    dict.set_item("_entity_record", entity_record, vm)?;
    dict.set_item("_Random", random, vm)?;
    dict.set_item(
        "_dataset_of_locale",
        vm.new_function(
            "_dataset_of_locale",
            |locale: String, vm: &VirtualMachine| -> PyResult<String> {
                crate::locale::dataset_of_locale(&locale)
                    .map_err(|e| vm.new_value_error(format!("Faker: {e}")))
            },
        )
        .into(),
        vm,
    )?;
    let methods = vm.ctx.new_dict();
    for (method, entity, field) in METHODS {
        let source = vm.ctx.new_tuple(vec![
            vm.ctx.new_str(*entity).into(),
            vm.ctx.new_str(*field).into(),
        ]);
        methods.set_item(*method, source.into(), vm)?;
    }
    dict.set_item("_METHODS", methods.into(), vm)?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(FAKER_PY, Mode::Exec, "<datamimic faker>".to_owned())
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    vm.sys_module.get_attr("modules", vm)?.set_item(
        "faker",
        vm.new_module("faker", dict, None).into(),
        vm,
    )
}
