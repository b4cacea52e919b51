//! DATAMIMIC's literal generators that need no dataset of their own, as Python classes every
//! script sees (`generator="EANGenerator"`, `generator="HashGenerator(algorithm='md5')"`):
//! `EANGenerator` (EAN-13 with its check digit), `SSNGenerator` (US Social Security numbers
//! in the SSA's valid ranges: area 001–899 but 666, group 01–99, serial 0001–9999),
//! `HashGenerator(algorithm)` (the hex digest of 32 random bytes written in hex: md5, sha1, sha256, sha512,
//! sha3_512), `TokenGenerator(token_type, entropy)` (`hex` or `urlsafe` base64 of `entropy`
//! random bytes), `PasswordGenerator(length, include_special, include_numbers,
//! include_uppercase)` (one character of each included kind at least), and
//! `SectorGenerator(dataset, locale)` and `DomainGenerator(dataset)`, a company's sector and
//! web domain from datamimic's `Company`; `UrlGenerator(locale, schemes)`, a company's web
//! address; `PhoneNumberGenerator(dataset, area_code, is_mobile)` and
//! `StreetNameGenerator(dataset)`, an address's landline or mobile number and street from
//! datamimic's `Address` (so its area codes, operator prefixes and street tables). All draw
//! from the record's stream.

use rustpython_vm::builtins::PyStrRef;
use rustpython_vm::compiler::Mode;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

/// The classes' names, which the parser treats as classes scripts define.
pub const GENERATORS: &[&str] = &[
    "EANGenerator",
    "SSNGenerator",
    "HashGenerator",
    "TokenGenerator",
    "PasswordGenerator",
    "SectorGenerator",
    "DomainGenerator",
    "UrlGenerator",
    "PhoneNumberGenerator",
    "StreetNameGenerator",
];

/// The classes, in Python, on `_entity_record` (the domains' record function), `_Random`
/// (`random.Random`), `_digest` and `_dataset_of_locale`.
const GENERATORS_PY: &str = r#"
def _digits(n):
    return "".join(str(random.randint(0, 9)) for _ in range(n))

def _random_bytes(n):
    return bytes(random.randint(0, 255) for _ in range(n))

def _dataset(dataset, locale):
    if dataset is not None:
        return str(dataset).upper()
    return _dataset_of_locale(locale) if locale is not None else "US"

def _company(dataset):
    return _entity_record("Company", 0, {"dataset": dataset, "seed": _Random().getrandbits(64)})

def _address(dataset):
    return _entity_record("Address", 0, {"dataset": dataset, "seed": _Random().getrandbits(64)})

def _no_rng(generator, rng):
    if rng is not None:
        raise ValueError(f"{generator}: `rng` is not served: values draw from the record's stream (seed it with the setup's `rngSeed`)")

class EANGenerator:
    def generate(self):
        body = _digits(12)
        total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
        return body + str((10 - total % 10) % 10)

class SSNGenerator:
    def __init__(self, locale=None):
        pass
    def generate(self):
        area = random.randint(1, 898)
        if area >= 666:
            area += 1
        return f"{area:03d}-{random.randint(1, 99):02d}-{random.randint(1, 9999):04d}"

class HashGenerator:
    def __init__(self, algorithm="sha256"):
        self.algorithm = algorithm
        _digest(algorithm, "")
    def generate(self):
        return _digest(self.algorithm, _random_bytes(32).hex())

_URLSAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

class TokenGenerator:
    def __init__(self, token_type="hex", entropy=32):
        if token_type not in ("hex", "urlsafe"):
            raise ValueError(f"TokenGenerator: `token_type` is 'hex' or 'urlsafe', not {token_type!r}")
        if not isinstance(entropy, int) or isinstance(entropy, bool) or not 1 <= entropy <= 1024:
            raise ValueError(f"TokenGenerator: `entropy` is a number of bytes from 1 to 1024, not {entropy!r}")
        self.token_type = token_type
        self.entropy = entropy
    def generate(self):
        data = _random_bytes(self.entropy)
        if self.token_type == "hex":
            return data.hex()
        bits = int.from_bytes(data, "big")
        width = len(data) * 8
        chars = []
        for shift in range(width - 6, -6, -6):
            chars.append(_URLSAFE[(bits >> shift) & 63] if shift >= 0 else _URLSAFE[(bits << -shift) & 63])
        return "".join(chars)

class PasswordGenerator:
    def __init__(self, length=16, include_special=True, include_numbers=True, include_uppercase=True):
        if not isinstance(length, int) or isinstance(length, bool) or not 4 <= length <= 1024:
            raise ValueError(f"PasswordGenerator: `length` is from 4 to 1024, not {length!r}")
        self.length = length
        self.kinds = ["abcdefghijklmnopqrstuvwxyz"]
        if include_uppercase:
            self.kinds.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if include_numbers:
            self.kinds.append("0123456789")
        if include_special:
            self.kinds.append("!@#$%^&*()-_=+[]{};:,.<>?")
    def generate(self):
        pool = "".join(self.kinds)
        chars = [random.choice(kind) for kind in self.kinds]
        chars += [random.choice(pool) for _ in range(self.length - len(chars))]
        random.shuffle(chars)
        return "".join(chars)

class SectorGenerator:
    def __init__(self, dataset=None, locale=None):
        self.dataset = _dataset(dataset, locale)
    def generate(self):
        return _company(self.dataset)["sector"]

class DomainGenerator:
    def __init__(self, dataset=None, locale=None):
        self.dataset = _dataset(dataset, locale)
    def generate(self):
        host = _company(self.dataset)["url"].split("://")[-1].split("/")[0]
        return host[4:] if host.startswith("www.") else host

class UrlGenerator:
    def __init__(self, locale=None, schemes=None, dataset=None, rng=None):
        _no_rng("UrlGenerator", rng)
        if schemes is not None and (isinstance(schemes, str) or not schemes
                                    or not all(isinstance(s, str) and s.isalpha() for s in schemes)):
            raise ValueError(f"UrlGenerator: `schemes` is a list of schemes such as ['https', 'ftp'], not {schemes!r}")
        self.dataset = _dataset(dataset, locale)
        self.schemes = schemes
    def generate(self):
        url = _company(self.dataset)["url"]
        if self.schemes is None:
            return url
        return random.choice(self.schemes) + url[url.index("://"):]

class PhoneNumberGenerator:
    def __init__(self, dataset=None, area_code=None, is_mobile=False, locale=None, rng=None):
        _no_rng("PhoneNumberGenerator", rng)
        if area_code is not None:
            area_code = str(area_code)
            if not area_code.isdigit() or not 1 <= len(area_code) <= 6:
                raise ValueError(f"PhoneNumberGenerator: `area_code` is 1 to 6 digits, not {area_code!r}")
        self.dataset = _dataset(dataset, locale)
        self.area_code = area_code
        self.is_mobile = bool(is_mobile)
    def generate(self):
        address = _address(self.dataset)
        if self.area_code is None:
            return address["mobile_phone" if self.is_mobile else "phone"]
        # A number of the country's length, as DATAMIMIC does: its area code given, the
        # subscriber digits drawn.
        country, area, subscriber = address["phone"].split(" ")
        width = max(len(area) + len(subscriber) - len(self.area_code), 4)
        return f"{country} {self.area_code} {_digits(width)}"

class StreetNameGenerator:
    def __init__(self, dataset=None, locale=None, rng=None):
        _no_rng("StreetNameGenerator", rng)
        self.dataset = _dataset(dataset, locale)
    def generate(self):
        return _address(self.dataset)["street"]
"#;

/// Defines the classes as builtins; `entity_record` is the domains' record function and
/// `random_class` `random.Random`.
pub(crate) fn register(
    vm: &VirtualMachine,
    entity_record: PyObjectRef,
    random_class: PyObjectRef,
) -> PyResult<()> {
    let dict = vm.ctx.new_dict();
    dict.set_item("_entity_record", entity_record, vm)?;
    dict.set_item("_Random", random_class, vm)?;
    dict.set_item("_digest", vm.new_function("_digest", digest).into(), vm)?;
    dict.set_item(
        "_dataset_of_locale",
        vm.new_function(
            "_dataset_of_locale",
            |locale: String, vm: &VirtualMachine| -> PyResult<String> {
                crate::locale::dataset_of_locale(&locale).map_err(|e| vm.new_value_error(e))
            },
        )
        .into(),
        vm,
    )?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, dict.clone(), vm);
    let code = vm
        .compile(
            GENERATORS_PY,
            Mode::Exec,
            "<datamimic generators>".to_owned(),
        )
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    for name in GENERATORS {
        vm.builtins.set_attr(*name, dict.get_item(*name, vm)?, vm)?;
    }
    Ok(())
}

/// `_digest(algorithm, text)`: the hex digest of `text`.
fn digest(algorithm: PyStrRef, text: PyStrRef, vm: &VirtualMachine) -> PyResult<String> {
    let hasher = crate::hash::HashConverter::new(algorithm.as_ref(), "hex", None)
        .map_err(|e| vm.new_value_error(format!("HashGenerator: {e}")))?;
    Ok(hasher.hash(text.as_ref()))
}
