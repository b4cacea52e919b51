//! A `faker` module for scripts: `Faker(locale)` with a subset of Faker's methods, backed by
//! datamimic's entities and their datasets (the locale's country), drawing from the record's
//! stream. The methods are those of [`METHODS`] and [`TABLE_METHODS`] (drawn from tables of
//! their own); any other is an `AttributeError` naming the ones there are.

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
    ("building_number", "Address", "house_number"),
    ("city", "Address", "city"),
    ("state", "Address", "state"),
    ("postcode", "Address", "postal_code"),
    ("country", "Address", "country"),
    ("company", "Company", "full_name"),
    ("company_email", "Company", "email"),
];

/// Faker's methods drawn from tables rather than entities, with what they draw.
pub const TABLE_METHODS: &[(&str, &str)] = &[
    (
        "catch_phrase",
        "an adjective, a descriptor and a noun of marketing jargon (Faker's words)",
    ),
    (
        "user_agent",
        "a browser's user agent, by its share of web traffic",
    ),
];

/// Faker's `catch_phrase()`: one word of each list, in order, as Faker joins them.
fn catch_phrase() -> String {
    use datamimic::tables::{
        COMMON_ORGANIZATION_CATCH_PHRASE_ADJECTIVE as ADJECTIVE,
        COMMON_ORGANIZATION_CATCH_PHRASE_DESCRIPTOR as DESCRIPTOR,
        COMMON_ORGANIZATION_CATCH_PHRASE_NOUN as NOUN,
    };
    crate::script::with_rng(|rng| {
        [&ADJECTIVE, &DESCRIPTOR, &NOUN]
            .map(|family| family.variants()[0].sample_row(rng).value())
            .join(" ")
    })
}

/// Faker's `user_agent()`: a user agent of real traffic, by its share.
fn user_agent() -> &'static str {
    crate::script::with_rng(|rng| {
        datamimic::tables::COMMON_NET_USER_AGENT.variants()[0]
            .sample_row(rng)
            .cell(0)
    })
}

const FAKER_PY: &str = r#"
_DATASET_METHODS = []

def _dataset_methods():
    """The methods of `crate::script_faker_methods`, compiled on their first use."""
    if not _DATASET_METHODS:
        _DATASET_METHODS.append(_compile_dataset_methods())
    return _DATASET_METHODS[0]

def _known():
    """Every method served, sorted."""
    return sorted(set(_METHODS) | set(_TABLE_METHODS) | set(_dataset_methods()))

class Faker:
    """datamimic's Faker: a subset of Faker's methods, from datamimic's entities."""

    def __init__(self, locale=None):
        if locale is not None and not isinstance(locale, str):
            raise TypeError("datamimic's Faker takes one locale (`Faker('de_DE')`)")
        self._dataset = _dataset_of_locale(locale or "en_US")

    def __getattr__(self, method):
        drawn = _TABLE_METHODS.get(method)
        if drawn is not None:
            return drawn
        with_dataset = _dataset_methods().get(method)
        if with_dataset is not None:
            dataset = self._dataset
            def draw_of_dataset(*args, **kwargs):
                return with_dataset(dataset, *args, **kwargs)
            draw_of_dataset.__name__ = method
            return draw_of_dataset
        source = _METHODS.get(method)
        if source is None or method.startswith("_"):
            known = _known()
            raise AttributeError(
                f"datamimic's Faker has no `{method}`{_did_you_mean(method, known)}; it has {', '.join(known)}")
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
    let drawn = vm.ctx.new_dict();
    drawn.set_item(
        "catch_phrase",
        vm.new_function("catch_phrase", catch_phrase).into(),
        vm,
    )?;
    drawn.set_item(
        "user_agent",
        vm.new_function("user_agent", user_agent).into(),
        vm,
    )?;
    dict.set_item("_TABLE_METHODS", drawn.into(), vm)?;
    dict.set_item(
        "_did_you_mean",
        vm.new_function("_did_you_mean", |name: String, known: Vec<String>| {
            datamimic_export::suggest::did_you_mean(&name, known.iter().map(String::as_str))
                .unwrap_or_default()
        })
        .into(),
        vm,
    )?;
    crate::script_faker_methods::register(vm, &dict)?;
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
