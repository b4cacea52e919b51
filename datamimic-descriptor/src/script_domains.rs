//! DATAMIMIC's domain classes for `.scr.py` files, backed by datamimic's entities: for each
//! entity DATAMIMIC has (Person, Patient, BankAccount, Transaction, ...), its service
//! (`datamimic_ce.domains.healthcare.services.patient_service.PatientService`), its generator
//! (`...generators.transaction_generator.TransactionGenerator`) and its model
//! (`...models.transaction.Transaction(generator)`), and `DemographicConfig`
//! (`datamimic_ce.domains.common.models.demographic_config`).
//!
//! A service or generator takes `dataset` (default US), `rng` (a `random.Random`; without
//! one, the record's stream) and `demographic_config` (ages and conditions, for the entities
//! that take them); Person's also take `min_age`, `max_age` and the quotas. `generate()`
//! gives the next record, `generate_batch(count)` the next `count`: dicts whose keys are
//! attributes too, with `to_dict()`. The records are datamimic's entities' (their fields are
//! datamimic's), drawn from a stream seeded by one draw of `rng`, so a seeded `Random` gives
//! the same records in every run. Datasets are strict: one a table lacks is an error.

use std::cell::RefCell;
use std::collections::HashMap;

use datamimic_export::entities::{self, Entity, EntityOptions};
use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

use crate::entity_arguments::EntityArguments;

/// DATAMIMIC's domains and the entities of each that datamimic provides.
const DOMAINS: &[(&str, &[&str])] = &[
    (
        "common",
        &["Person", "Address", "City", "Country", "Company"],
    ),
    ("ecommerce", &["Product", "Order"]),
    (
        "finance",
        &["Bank", "BankAccount", "CreditCard", "Transaction"],
    ),
    (
        "healthcare",
        &[
            "Patient",
            "Doctor",
            "Hospital",
            "MedicalDevice",
            "MedicalProcedure",
        ],
    ),
    (
        "insurance",
        &[
            "InsuranceCompany",
            "InsuranceProduct",
            "InsuranceCoverage",
            "InsurancePolicy",
        ],
    ),
    (
        "public_sector",
        &[
            "AdministrationOffice",
            "EducationalInstitution",
            "PoliceOfficer",
        ],
    ),
];

/// The most built services a thread keeps (a script making services with fresh seeds for
/// every record would otherwise grow the cache without end).
const MAX_CACHED_SERVICES: usize = 64;

thread_local! {
    static SERVICES: RefCell<HashMap<String, Box<dyn Entity>>> = RefCell::new(HashMap::new());
}

/// The classes, in Python: `_entity_record` is the Rust function below, `Record` the
/// prelude's record class and `_Random` `random.Random`.
const DOMAINS_PY: &str = r#"
class DemographicConfig:
    def __init__(self, age_min=None, age_max=None, conditions_include=None, conditions_exclude=None):
        self.age_min = age_min
        self.age_max = age_max
        self.conditions_include = frozenset(conditions_include or ())
        self.conditions_exclude = frozenset(conditions_exclude or ())

class _Generator:
    _entity = None

    def __init__(self, dataset="US", rng=None, demographic_config=None, **arguments):
        self.dataset = dataset
        self.demographic_config = demographic_config
        self._arguments = {name: str(value) for name, value in arguments.items()}
        self._seed = (rng if rng is not None else _Random()).getrandbits(64)
        self._next = 0

    def _record(self):
        config = self.demographic_config
        options = {"dataset": self.dataset, "seed": self._seed, "arguments": self._arguments}
        if config is not None:
            options["age_min"] = config.age_min
            options["age_max"] = config.age_max
            options["conditions_include"] = sorted(config.conditions_include)
            options["conditions_exclude"] = sorted(config.conditions_exclude)
        index = self._next
        self._next = index + 1
        return _entity_record(self._entity, index, options)

class _Service:
    _generator_class = None

    def __init__(self, dataset="US", rng=None, demographic_config=None, **arguments):
        self._generator = self._generator_class(dataset, rng, demographic_config, **arguments)
        self.dataset = dataset

    def generate(self):
        return self._generator._record()

    def generate_batch(self, count=1):
        return [self._generator._record() for _ in range(count)]

class _GeneratorView:
    """What a model shows of the generator that made it: its dataset."""

    def __init__(self, dataset):
        self.dataset = dataset

def _bank_data(account):
    return Record({key: account[field] for key, field in
                   (("name", "bank_name"), ("bank_code", "bank_code"), ("bic", "bic"), ("bin", "bin"))})

# Properties DATAMIMIC's models have beyond their fields, from the fields datamimic has
# (named in DERIVED in Rust too).
_DERIVED = {"BankAccount": {"bank_data": _bank_data},
            "Address": {"zip_code": lambda address: address["postal_code"]}}

def _transaction_account(transaction, account):
    if "account" in transaction:
        keys = list(transaction["account"])
        for key in keys:
            if key not in account:
                raise ValueError(f"`bank_account` has no `{key}`: a Transaction's account takes its {', '.join(keys)}")
        transaction["account"] = {key: account[key] for key in keys}

# Fields of a model that stand for a related model: `Transaction(gen, bank_account=a)`'s
# `account` is `a`'s number, type and IBAN.
_RELATED = {("Transaction", "bank_account"): _transaction_account}

class _Model(Record):
    _entity = None
    _generator_attribute = None

    @classmethod
    def _of_entity(cls, fields, dataset):
        model = dict.__new__(cls)
        Record.__init__(model, fields)
        object.__setattr__(model, "_dataset", dataset)
        return model

    def __getattr__(self, name):
        if name == self._generator_attribute:
            return _GeneratorView(self.__dict__.get("_dataset", "US"))
        derived = _DERIVED.get(self._entity, {}).get(name)
        if derived is not None:
            return derived(self)
        properties = self.__dict__.get("_properties", {})
        if name in properties:
            return properties[name]
        return Record.__getattr__(self, name)

    def __init__(self, generator, **related):
        if getattr(generator, "_entity", None) != self._entity:
            raise TypeError(f"{type(self).__name__} needs a {self._entity}Generator, not {type(generator).__name__}")
        Record.__init__(self, generator._record())
        # Related models (`bank_account=account`) are attributes, not fields: as in
        # DATAMIMIC, `to_dict()` leaves them out. A field that stands for one takes its values.
        for name, value in related.items():
            object.__setattr__(self, name, value)
            relate = _RELATED.get((self._entity, name))
            if relate is not None:
                relate(self, value)

def _classes(entity, generator_attribute):
    generator = type(entity + "Generator", (_Generator,), {"_entity": entity})
    service = type(entity + "Service", (_Service,), {"_generator_class": generator})
    model = type(entity, (_Model,), {"_entity": entity, "_generator_attribute": generator_attribute})
    return generator, service, model
"#;

/// Registers the domain modules in `sys.modules`, under DATAMIMIC's module paths.
pub(crate) fn register(
    vm: &VirtualMachine,
    record: PyObjectRef,
    random: PyObjectRef,
) -> PyResult<()> {
    let dict = vm.ctx.new_dict();
    dict.set_item("Record", record, vm)?;
    dict.set_item("_Random", random.clone(), vm)?;
    dict.set_item(
        "_entity_record",
        vm.new_function("_entity_record", entity_record).into(),
        vm,
    )?;
    crate::script_faker::register(vm, dict.get_item("_entity_record", vm)?, random)?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(DOMAINS_PY, Mode::Exec, "<datamimic domains>".to_owned())
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    let modules = vm.sys_module.get_attr("modules", vm)?;
    let module = |path: String, class: &str, value: PyObjectRef| -> PyResult<()> {
        let contents = vm.ctx.new_dict();
        contents.set_item(class, value, vm)?;
        modules.set_item(
            path.as_str(),
            vm.new_module(&path, contents, None).into(),
            vm,
        )
    };
    module(
        "datamimic_ce.domains.common.models.demographic_config".to_owned(),
        "DemographicConfig",
        dict.get_item("DemographicConfig", vm)?,
    )?;
    let classes = dict.get_item("_classes", vm)?;
    for (domain, names) in DOMAINS {
        for name in *names {
            let snake = snake_case(name);
            let generator_attribute = format!("_{snake}_generator");
            let made = classes.call(
                (vm.ctx.new_str(*name), vm.ctx.new_str(generator_attribute)),
                vm,
            )?;
            let made: Vec<PyObjectRef> = vm.extract_elements_with(&made, Ok)?;
            let base = format!("datamimic_ce.domains.{domain}");
            module(
                format!("{base}.generators.{snake}_generator"),
                &format!("{name}Generator"),
                made[0].clone(),
            )?;
            module(
                format!("{base}.services.{snake}_service"),
                &format!("{name}Service"),
                made[1].clone(),
            )?;
            module(format!("{base}.models.{snake}"), name, made[2].clone())?;
        }
    }
    Ok(())
}

/// The properties models have beyond their entity's fields (`_DERIVED` in the Python
/// source), besides `_<entity>_generator`.
const DERIVED: &[(&str, &str)] = &[("BankAccount", "bank_data"), ("Address", "zip_code")];

/// Whether `value`, an entity's value, has property `name` beyond its fields as its model
/// (so that a script reading it needs the interpreter).
pub(crate) fn model_property(value: &rhai::Dynamic, name: &str) -> bool {
    let Some(entity) = Some(crate::dict_order::entity_bits(value.tag()))
        .filter(|t| *t > 0)
        .and_then(entity_of_tag)
    else {
        return false;
    };
    DERIVED.contains(&(entity, name))
        || name
            .strip_prefix('_')
            .and_then(|n| n.strip_suffix("_generator"))
            .is_some_and(|n| n == snake_case(entity))
}

/// Property `name` of `value`, an entity's value whose `map` lacks it, when the entity has it
/// as a model property computed here ([`crate::model_properties`]).
pub(crate) fn property_value(
    value: &rhai::Dynamic,
    name: &str,
    map: &rhai::Map,
) -> Option<rhai::Dynamic> {
    let entity = Some(crate::dict_order::entity_bits(value.tag()))
        .filter(|t| *t > 0)
        .and_then(entity_of_tag)?;
    crate::model_properties::value(entity, name, map)
}

/// Every model property computed here ([`crate::model_properties`]) of `value`, an entity's
/// value with fields `map`, by name.
pub(crate) fn property_values(
    value: &rhai::Dynamic,
    map: &rhai::Map,
) -> Vec<(&'static str, rhai::Dynamic)> {
    Some(crate::dict_order::entity_bits(value.tag()))
        .filter(|t| *t > 0)
        .and_then(entity_of_tag)
        .map(|entity| crate::model_properties::values(entity, map))
        .unwrap_or_default()
}

/// The tag of an entity's values ([`entity_tag`]): small enough for rhai's tag on every
/// platform.
pub type EntityTag = i16;

/// The entities whose values carry a tag: those with domain classes, in [`DOMAINS`] order,
/// then the others with model properties ([`crate::model_properties`]).
fn tagged_entities() -> impl Iterator<Item = &'static str> {
    let classes = || entities_with_classes().map(|(_, name)| name);
    classes()
        .chain(crate::model_properties::entities().filter(move |e| !classes().any(|c| c == *e)))
}

/// The entity whose values carry `tag` ([`entity_tag`]).
pub(crate) fn entity_of_tag(tag: EntityTag) -> Option<&'static str> {
    let place = usize::try_from((tag >> 10) - 1).ok()?;
    tagged_entities().nth(place)
}

/// The entities with domain classes, in [`DOMAINS`] order.
fn entities_with_classes() -> impl Iterator<Item = (&'static str, &'static str)> {
    DOMAINS
        .iter()
        .flat_map(|(domain, names)| names.iter().map(move |name| (*domain, *name)))
}

/// The tag an entity's values carry to scripts, so that a script sees them as DATAMIMIC's
/// model of that entity (`account.bank_data`, `account._bank_account_generator.dataset`):
/// the entity's place among those with domain classes or model properties
/// (the descriptor's model properties) and the dataset's two letters; 0 for any other entity.
pub fn entity_tag(entity: &str, dataset: Option<&str>) -> EntityTag {
    let Some(place) = tagged_entities().position(|name| name == entity) else {
        return 0;
    };
    let letters = dataset.unwrap_or("US").as_bytes();
    let letter = |i: usize| {
        letters
            .get(i)
            .filter(|b| b.is_ascii_alphabetic())
            .map_or(0, |b| EntityTag::from(b.to_ascii_uppercase() - b'A' + 1))
    };
    // Five bits per letter, the place above them.
    (EntityTag::try_from(place).unwrap_or(0) + 1) << 10 | letter(0) << 5 | letter(1)
}

/// A value of a tagged entity ([`entity_tag`]) as an instance of its model class, `None` for
/// an entity without domain classes.
pub(crate) fn model_of(
    vm: &VirtualMachine,
    tag: EntityTag,
    fields: PyObjectRef,
) -> Option<PyResult> {
    let place = usize::try_from((tag >> 10) - 1).unwrap_or(usize::MAX);
    let (domain, name) = entities_with_classes().nth(place)?;
    Some(class_instance(vm, tag, domain, name, fields))
}

/// `fields` as an instance of the model class of entity `name` of `domain`.
fn class_instance(
    vm: &VirtualMachine,
    tag: EntityTag,
    domain: &str,
    name: &'static str,
    fields: PyObjectRef,
) -> PyResult {
    let letter = |bits: EntityTag| char::from(b'A' - 1 + (bits & 31) as u8);
    let dataset: String = [letter(tag >> 5), letter(tag)].iter().collect();
    let path = format!("datamimic_ce.domains.{domain}.models.{}", snake_case(name));
    let class = vm
        .sys_module
        .get_attr("modules", vm)?
        .get_item(path.as_str(), vm)?
        .get_attr(name, vm)?;
    vm.call_method(&class, "_of_entity", (fields, vm.ctx.new_str(dataset)))
}

/// `BankAccount` → `bank_account`.
fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Record `index` of entity `name` built with `options` (a dict: `dataset`, `seed`,
/// `age_min`, `age_max`, `conditions_include`, `conditions_exclude`, `arguments`), as a
/// record object.
pub(crate) fn entity_record(
    name: String,
    index: u64,
    options: PyDictRef,
    vm: &VirtualMachine,
) -> PyResult {
    let get = |key: &str| options.get_item_opt(key, vm);
    let text = |key: &str| -> PyResult<Option<String>> {
        match get(key)? {
            Some(v) if !vm.is_none(&v) => Ok(Some(str_of(&v, vm)?)),
            _ => Ok(None),
        }
    };
    let age = |key: &str| -> PyResult<Option<u32>> {
        match get(key)? {
            Some(v) if !vm.is_none(&v) => {
                let v: i64 = v.try_into_value(vm)?;
                u32::try_from(v)
                    .map(Some)
                    .map_err(|_| vm.new_value_error(format!("`{key}` {v} is not an age")))
            }
            _ => Ok(None),
        }
    };
    let strings = |key: &str| -> PyResult<Vec<String>> {
        match get(key)? {
            Some(v) => vm.extract_elements_with(&v, |s| str_of(&s, vm)),
            None => Ok(Vec::new()),
        }
    };
    let seed: u64 = match get("seed")? {
        Some(v) => v.try_into_value(vm)?,
        None => return Err(vm.new_value_error("a domain generator needs a seed")),
    };
    let mut pairs = Vec::new();
    if let Some(arguments) = get("arguments")? {
        let arguments: PyDictRef = arguments.try_into_value(vm)?;
        for (k, v) in arguments.items_vec() {
            pairs.push((str_of(&k, vm)?, str_of(&v, vm)?));
        }
    }
    let dataset = text("dataset")?.unwrap_or_else(|| "US".to_owned());
    let age_min = age("age_min")?;
    let age_max = age("age_max")?;
    let include = strings("conditions_include")?;
    let exclude = strings("conditions_exclude")?;
    let key = format!(
        "{name}|{dataset}|{seed}|{age_min:?}|{age_max:?}|{include:?}|{exclude:?}|{pairs:?}"
    );
    let value = SERVICES.with(|cell| -> Result<rhai::Dynamic, String> {
        let mut services = cell.borrow_mut();
        if !services.contains_key(&key) {
            let borrowed: Vec<(&str, &str)> = pairs
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let arguments = EntityArguments::parse(&borrowed)?;
            let def = entities::find(&name).map_err(|e| e.to_string())?;
            let options = EntityOptions {
                dataset: Some(dataset.clone()),
                strict: true,
                seed: Some(seed),
                age_min: age_min.or(arguments.min_age),
                age_max: age_max.or(arguments.max_age),
                conditions_include: include.clone(),
                conditions_exclude: exclude.clone(),
            };
            let entity = crate::entity_arguments::build(def, &options, arguments.quotas)
                .map_err(|e| format!("{name}Generator: {e:#}"))?;
            if services.len() >= MAX_CACHED_SERVICES {
                services.clear();
            }
            services.insert(key.clone(), entity);
        }
        crate::record::entity_value(services[&key].as_ref(), index).map_err(|e| format!("{e:#}"))
    });
    let value = value.map_err(|message| vm.new_value_error(message))?;
    crate::script_vm::value_to_python(vm, &value)
}

/// `str(value)` as Rust text.
fn str_of(value: &PyObjectRef, vm: &VirtualMachine) -> PyResult<String> {
    value
        .str(vm)?
        .to_str()
        .map(str::to_owned)
        .ok_or_else(|| vm.new_value_error("a string with lone surrogates"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_the_entity_and_dataset() {
        assert_eq!(entity_tag("Company", Some("DE")), 5 << 10 | 4 << 5 | 5);
        assert_eq!(entity_tag("Person", None), 1 << 10 | 21 << 5 | 19);
        assert_eq!(
            entity_tag("Review", Some("US")),
            0,
            "an entity without domain classes"
        );
        let last = tagged_entities().last().unwrap();
        assert!(entity_tag(last, Some("zz")) > 0);
        for entity in ["UserAccount", "Transaction"] {
            assert_eq!(entity_of_tag(entity_tag(entity, Some("DE"))), Some(entity));
        }
    }

    #[test]
    fn module_names_are_snake_case() {
        assert_eq!(snake_case("BankAccount"), "bank_account");
        assert_eq!(snake_case("Patient"), "patient");
        assert_eq!(snake_case("AdministrationOffice"), "administration_office");
    }
}
