//! Python's `random` module for scripts: its functions draw from the current record's stream
//! (so values never depend on threads), and `random.Random(seed)` is a generator of its own.
//!
//! Seeding: `Random(x)` with an int, float, str or bytes seed draws the same values in every
//! run and on every thread, as a seeded `random.Random` does in Python (the values are
//! datamimic's, not CPython's Mersenne Twister's); `Random()` takes its seed from the record's
//! stream, so it follows the run's seed. Each call on an instance draws from its own stream,
//! keyed by the seed and the number of calls made before it.

use datamimic::{MimicRng, sample};
use rand::Rng;
use rustpython_vm::builtins::{PyByteArray, PyBytes, PyFloat, PyInt, PyList, PyStr};
use rustpython_vm::compiler::Mode;
use rustpython_vm::function::{ArgIntoFloat, OptionalArg};
use rustpython_vm::{PyObjectRef, PyRef, PyResult, VirtualMachine};

use crate::script::{set_rng, uniform_int, with_rng};
use crate::seed::derive_seed_from_bytes;

/// The module's functions written in Python, on its `randrange` and `random`: `choices`,
/// `getrandbits` and the `Random` class.
const RANDOM_PY: &str = r#"
def choices(population, weights=None, *, cum_weights=None, k=1):
    population = list(population)
    if not population:
        raise IndexError("cannot choose from an empty population")
    if weights is None and cum_weights is None:
        return [population[randrange(len(population))] for _ in range(k)]
    if cum_weights is None:
        cum_weights = []
        total = 0
        for w in weights:
            total += w
            cum_weights.append(total)
    if len(cum_weights) != len(population):
        raise ValueError("the number of weights does not match the population")
    total = cum_weights[-1]
    if total <= 0:
        raise ValueError("total of weights must be greater than zero")
    picked = []
    for _ in range(k):
        x = random() * total
        i = 0
        while cum_weights[i] <= x and i < len(cum_weights) - 1:
            i += 1
        picked.append(population[i])
    return picked

def getrandbits(k):
    if k < 0:
        raise ValueError("number of bits must be non-negative")
    bits = 0
    drawn = 0
    while drawn < k:
        bits = (bits << 64) | _bits64()
        drawn += 64
    return bits >> (drawn - k)

class Random:
    """A generator of its own: `Random(seed)` draws the same values in every run."""

    def __init__(self, x=None):
        self.seed(x)

    def seed(self, a=None):
        self._key = _seed_key(a)
        self._calls = 0

    def getstate(self):
        return (self._key, self._calls)

    def setstate(self, state):
        self._key, self._calls = state

    def _draw(self, draw):
        calls = self._calls
        self._calls = calls + 1
        return _in_stream(self._key, calls, draw)

    def random(self):
        return self._draw(random)

    def randint(self, a, b):
        return self._draw(lambda: randint(a, b))

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            return self._draw(lambda: randrange(start))
        return self._draw(lambda: randrange(start, stop, step))

    def uniform(self, a, b):
        return self._draw(lambda: uniform(a, b))

    def gauss(self, mu=0.0, sigma=1.0):
        return self._draw(lambda: gauss(mu, sigma))

    def normalvariate(self, mu=0.0, sigma=1.0):
        return self._draw(lambda: gauss(mu, sigma))

    def choice(self, seq):
        return self._draw(lambda: choice(seq))

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        return self._draw(lambda: choices(population, weights, cum_weights=cum_weights, k=k))

    def shuffle(self, x):
        return self._draw(lambda: shuffle(x))

    def sample(self, population, k):
        return self._draw(lambda: sample(population, k))

    def getrandbits(self, k):
        return self._draw(lambda: getrandbits(k))
"#;

pub(crate) fn random_int(low: i64, high: i64, vm: &VirtualMachine) -> PyResult<i64> {
    if low > high {
        return Err(vm.new_value_error(format!(
            "random_int({low}, {high}): the minimum is above the maximum"
        )));
    }
    Ok(with_rng(|rng| uniform_int(rng, low, high)))
}

pub(crate) fn choice(items: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let items: Vec<PyObjectRef> = vm.extract_elements_with(&items, Ok)?;
    if items.is_empty() {
        return Err(vm.new_index_error("cannot choose from an empty sequence"));
    }
    Ok(with_rng(|rng| sample::pick(rng, &items).clone()))
}

/// Python's `random` module, drawing from the record's stream.
pub(crate) fn random_module(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let dict = vm.ctx.new_dict();
    dict.set_item(
        "random",
        vm.new_function("random", || with_rng(sample::unit_f64))
            .into(),
        vm,
    )?;
    dict.set_item("randint", vm.new_function("randint", random_int).into(), vm)?;
    dict.set_item(
        "randrange",
        vm.new_function("randrange", randrange).into(),
        vm,
    )?;
    dict.set_item(
        "uniform",
        vm.new_function("uniform", |a: ArgIntoFloat, b: ArgIntoFloat| {
            let (a, b) = (a.into_float(), b.into_float());
            a + (b - a) * with_rng(sample::unit_f64)
        })
        .into(),
        vm,
    )?;
    dict.set_item("choice", vm.new_function("choice", choice).into(), vm)?;
    dict.set_item("gauss", vm.new_function("gauss", gauss).into(), vm)?;
    dict.set_item(
        "normalvariate",
        vm.new_function("normalvariate", gauss).into(),
        vm,
    )?;
    dict.set_item(
        "seed",
        vm.new_function(
            "seed",
            |a: OptionalArg<PyObjectRef>, vm: &VirtualMachine| -> PyResult<()> {
                set_rng(MimicRng::seed_from_u64(seed_key(a, vm)?));
                Ok(())
            },
        )
        .into(),
        vm,
    )?;
    dict.set_item(
        "_bits64",
        vm.new_function("_bits64", || with_rng(|rng| rng.next_u64()))
            .into(),
        vm,
    )?;
    dict.set_item(
        "_seed_key",
        vm.new_function("_seed_key", seed_key).into(),
        vm,
    )?;
    dict.set_item(
        "_in_stream",
        vm.new_function("_in_stream", in_stream).into(),
        vm,
    )?;
    dict.set_item(
        "shuffle",
        vm.new_function("shuffle", |list: PyRef<PyList>| {
            let mut items = list.borrow_vec_mut();
            for i in (1..items.len()).rev() {
                let j = with_rng(|rng| sample::below(rng, i as u64 + 1)) as usize;
                items.swap(i, j);
            }
        })
        .into(),
        vm,
    )?;
    dict.set_item(
        "sample",
        vm.new_function(
            "sample",
            |population: PyObjectRef, k: usize, vm: &VirtualMachine| -> PyResult {
                let mut items: Vec<PyObjectRef> = vm.extract_elements_with(&population, Ok)?;
                if k > items.len() {
                    return Err(vm.new_value_error("sample larger than population"));
                }
                for i in 0..k {
                    let j =
                        i + with_rng(|rng| sample::below(rng, (items.len() - i) as u64)) as usize;
                    items.swap(i, j);
                }
                items.truncate(k);
                Ok(vm.ctx.new_list(items).into())
            },
        )
        .into(),
        vm,
    )?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(RANDOM_PY, Mode::Exec, "<datamimic random>".to_owned())
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    Ok(vm.new_module("random", dict, None).into())
}

/// `randrange(stop)`, `randrange(start, stop)` or `randrange(start, stop, step)`.
fn randrange(
    start: i64,
    stop: OptionalArg<i64>,
    step: OptionalArg<i64>,
    vm: &VirtualMachine,
) -> PyResult<i64> {
    let (low, high) = match stop {
        OptionalArg::Present(stop) => (start, stop),
        OptionalArg::Missing => (0, start),
    };
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(vm.new_value_error("zero step for randrange()"));
    }
    let (low, high, step) = (i128::from(low), i128::from(high), i128::from(step));
    // How many values `range(low, high, step)` holds.
    let count = if step > 0 {
        (high - low + step - 1) / step
    } else {
        (low - high - step - 1) / -step
    };
    if count <= 0 {
        return Err(vm.new_value_error(format!("empty range in randrange({low}, {high}, {step})")));
    }
    // `count` fits an i64: it is at most the width of two i64 bounds apart, over a step of 1.
    let picked = with_rng(|rng| uniform_int(rng, 0, (count - 1) as i64));
    Ok((low + step * i128::from(picked)) as i64)
}

/// `gauss(mu, sigma)`: a normal value by the Box-Muller transform.
fn gauss(mu: OptionalArg<ArgIntoFloat>, sigma: OptionalArg<ArgIntoFloat>) -> f64 {
    let mu = mu.map_or(0.0, ArgIntoFloat::into_float);
    let sigma = sigma.map_or(1.0, ArgIntoFloat::into_float);
    let (u, v) = with_rng(|rng| (1.0 - sample::unit_f64(rng), sample::unit_f64(rng)));
    mu + sigma * (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// The key of a seed: a stable hash of an int (its magnitude, as Python does), float, str or
/// bytes seed; without one (or `None`), a draw from the record's stream.
fn seed_key(a: OptionalArg<PyObjectRef>, vm: &VirtualMachine) -> PyResult<u64> {
    let a = match a {
        OptionalArg::Present(a) if !vm.is_none(&a) => a,
        _ => return Ok(with_rng(|rng| rng.next_u64())),
    };
    let mut label = Vec::new();
    if let Some(int) = a.downcast_ref::<PyInt>() {
        label.extend_from_slice(b"int:");
        label.extend(int.as_bigint().magnitude().to_bytes_le());
    } else if let Some(float) = a.downcast_ref::<PyFloat>() {
        label.extend_from_slice(b"float:");
        label.extend(float.to_f64().to_bits().to_le_bytes());
    } else if let Some(text) = a.downcast_ref::<PyStr>() {
        label.extend_from_slice(b"str:");
        label.extend_from_slice(text.as_bytes());
    } else if let Some(bytes) = a.downcast_ref::<PyBytes>() {
        label.extend_from_slice(b"bytes:");
        label.extend_from_slice(bytes.as_bytes());
    } else if let Some(bytes) = a.downcast_ref::<PyByteArray>() {
        label.extend_from_slice(b"bytes:");
        label.extend_from_slice(&bytes.borrow_buf());
    } else {
        return Err(vm.new_type_error(format!(
            "a seed of type `{}`: the only supported seed types are None, int, float, str, bytes and bytearray",
            a.class().name()
        )));
    }
    Ok(derive_seed_from_bytes(0, &label))
}

/// Calls `draw` with the stream of call `index` of the generator keyed `key` in place of the
/// record's stream, which it restores.
fn in_stream(key: u64, index: u64, draw: PyObjectRef, vm: &VirtualMachine) -> PyResult {
    let saved = with_rng(|rng| std::mem::replace(rng, MimicRng::for_record(key, index)));
    let result = draw.call((), vm);
    set_rng(saved);
    result
}
