//! Faker's methods that DATAMIMIC's `overview-generator` demo calls through
//! `DataFakerGenerator`, for the `faker` module's `Faker` (and so for `DataFakerGenerator`):
//! each gives a value of its kind, by its structural rule where one exists (a VIN with its
//! ISO 3779 check digit, a SWIFT/BIC of ISO 9362's shape, ISBN-10/13 and SBN with their check
//! digits, an EAN with its GS1 check digit, a card number of the network's ranges with its
//! Luhn digit) or from a table of real names (job titles, CSS colour names, Unicode emoji,
//! cryptocurrencies, file extensions, US plate formats). All draw from the record's stream.
//!
//! Each method is a Python function whose first argument is the Faker's dataset, so Faker's
//! own keyword arguments (`swift(length=8)`, `color(hue='red', color_format='rgb')`) are
//! checked by Python: an unknown one is a `TypeError` naming it.

use datamimic::ident::card::{self, Network};
use datamimic::ident::{ean, ssn};
use rustpython_vm::builtins::PyDictRef;
use rustpython_vm::compiler::Mode;
use rustpython_vm::function::OptionalArg;
use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

use crate::script::with_rng;

/// The methods, in Python, on the natives [`register`] adds and the record's `random`.
const METHODS_PY: &str = r##"
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS = "0123456789"

def _fill(pattern):
    return "".join(random.choice(_DIGITS) if c == "#" else random.choice(_UPPER) if c == "?" else c
                   for c in pattern)

def _only(dataset, method, datasets):
    if dataset not in datasets:
        raise ValueError(f"Faker's `{method}` is served for the datasets {', '.join(datasets)} only, not {dataset}")

# ISO 3779: no I, O or Q; letters count by their transliteration, position 9 is the check digit.
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
_VIN_VALUE = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9)))
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)

def vin(_dataset):
    chars = [random.choice(_VIN_CHARS) for _ in range(17)]
    # The model year (position 10) is never U, Z or 0.
    chars[9] = random.choice("ABCDEFGHJKLMNPRSTVWXY123456789")
    total = sum((_VIN_VALUE[c] if c in _VIN_VALUE else int(c)) * w for c, w in zip(chars, _VIN_WEIGHTS))
    chars[8] = "X" if total % 11 == 10 else str(total % 11)
    return "".join(chars)

_ALNUM = _UPPER + _DIGITS

def swift(_dataset, length=None, primary=False, use_dataset=False):
    if length is None:
        length = random.choice((8, 11))
    if length not in (8, 11):
        raise ValueError(f"Faker's `swift`: `length` is 8 or 11, not {length!r}")
    if use_dataset:
        raise ValueError("Faker's `swift`: `use_dataset=True` (Faker's own bank codes) is not served; leave it out")
    # ISO 9362: bank code, country, location (second character 0 marks a test BIC), branch.
    code = "".join(random.choice(_UPPER) for _ in range(4)) + _dataset
    code += random.choice(_ALNUM) + random.choice(_ALNUM[:-10] + _DIGITS[1:])
    if length == 11:
        # `XXX` is the primary office; no other branch code starts with X.
        code += "XXX" if primary else random.choice(_ALNUM.replace("X", "")) + random.choice(_ALNUM) + random.choice(_ALNUM)
    return code

def swift8(_dataset, use_dataset=False):
    return swift(_dataset, 8, False, use_dataset)

def swift11(_dataset, primary=False, use_dataset=False):
    return swift(_dataset, 11, primary, use_dataset)

def bank_country(_dataset):
    return _dataset

def ean(_dataset, length=13, prefixes=()):
    if length not in (8, 13):
        raise ValueError(f"Faker's `ean`: `length` is 8 or 13, not {length!r}")
    if prefixes:
        raise ValueError("Faker's `ean`: `prefixes` is not served; leave it out")
    return _ean(length, _dataset)

def ean8(_dataset):
    return _ean(8, _dataset)

def ean13(_dataset):
    return _ean(13, _dataset)

def _isbn_parts():
    # Group 0 (English language) of prefix 978, in its registrant ranges of the International
    # ISBN Agency: (first, last, digits of the registrant); publication digits fill the rest.
    first, last, digits = random.choice(((0, 19, 2), (7000, 8499, 4), (85000, 89999, 5), (900000, 949999, 6)))
    registrant = f"{random.randint(first, last):0{digits}d}"
    publication = _fill("#" * (8 - digits))
    return registrant, publication

def _isbn10_check(nine):
    total = sum((10 - i) * int(d) for i, d in enumerate(nine))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)

def isbn10(_dataset, separator="-"):
    registrant, publication = _isbn_parts()
    check = _isbn10_check("0" + registrant + publication)
    return separator.join(("0", registrant, publication, check))

def isbn13(_dataset, separator="-"):
    registrant, publication = _isbn_parts()
    body = "9780" + registrant + publication
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return separator.join(("978", "0", registrant, publication, str((10 - total % 10) % 10)))

def sbn9(_dataset, separator="-"):
    # A Standard Book Number is the ISBN-10 of group 0 without its group digit.
    registrant, publication = _isbn_parts()
    return separator.join((registrant, publication, _isbn10_check("0" + registrant + publication)))

_HUES = {
    "monochrome": ((0, 0), ((0, 0), (100, 0))),
    "red": ((-26, 18), ((20, 100), (30, 92), (40, 89), (50, 85), (60, 78), (70, 70), (80, 60), (90, 55), (100, 50))),
    "orange": ((19, 46), ((20, 100), (30, 93), (40, 88), (50, 86), (60, 85), (70, 70), (100, 70))),
    "yellow": ((47, 62), ((25, 100), (40, 94), (50, 89), (60, 86), (70, 84), (80, 82), (90, 80), (100, 75))),
    "green": ((63, 178), ((30, 100), (40, 90), (50, 85), (60, 81), (70, 74), (80, 64), (90, 50), (100, 40))),
    "blue": ((179, 257), ((20, 100), (30, 86), (40, 80), (50, 74), (60, 60), (70, 52), (80, 44), (90, 39), (100, 35))),
    "purple": ((258, 282), ((20, 100), (30, 87), (40, 79), (50, 70), (60, 65), (70, 59), (80, 52), (90, 45), (100, 42))),
    "pink": ((283, 334), ((20, 100), (30, 90), (40, 86), (60, 84), (80, 80), (90, 75), (100, 73))),
}

def _hue_info(hue):
    for name, (span, bounds) in _HUES.items():
        if name != "monochrome" and span[0] <= (hue - 360 if hue >= 334 else hue) <= span[1]:
            return bounds
    return _HUES["monochrome"][1]

def color(_dataset, hue=None, luminosity=None, color_format="hex"):
    # randomColor's scheme, as Faker's: a hue of the named range, a saturation the hue's
    # range allows, a brightness above the hue's lower bound at that saturation.
    if hue is None:
        h = random.randint(0, 360)
    elif hue in _HUES:
        span = _HUES[hue][0]
        h = random.randint(span[0], span[1]) % 360
    else:
        raise ValueError(f"Faker's `color`: `hue` is one of {', '.join(_HUES)}, not {hue!r}")
    if luminosity not in (None, "bright", "dark", "light", "random"):
        raise ValueError(f"Faker's `color`: `luminosity` is bright, dark, light or random, not {luminosity!r}")
    if color_format not in ("hex", "rgb", "hsl", "hsv"):
        raise ValueError(f"Faker's `color`: `color_format` is hex, rgb, hsl or hsv, not {color_format!r}")
    bounds = _HUES["monochrome"][1] if hue == "monochrome" else _hue_info(h)
    s_min, s_max = bounds[0][0], bounds[-1][0]
    if luminosity == "random":
        s = random.randint(0, 100)
    elif hue == "monochrome":
        s = 0
    else:
        if luminosity == "bright":
            s_min = 55
        elif luminosity == "dark":
            s_min = s_max - 10
        elif luminosity == "light":
            s_max = 55
        s = random.randint(s_min, s_max)
    b_min = 0
    for (s1, v1), (s2, v2) in zip(bounds, bounds[1:]):
        if s1 <= s <= s2:
            m = (v2 - v1) / (s2 - s1) if s2 != s1 else 0
            b_min = int(m * s + v1 - m * s1)
            break
    b_max = 100
    if luminosity == "dark":
        b_max = b_min + 20
    elif luminosity == "light":
        b_min = (b_max + b_min) // 2
    elif luminosity == "random":
        b_min, b_max = 0, 100
    v = random.randint(b_min, b_max)
    if color_format == "hsv":
        return f"hsv({h}, {s}, {v})"
    if color_format == "hsl":
        lightness = 0.5 * v / 100 * (2 - s / 100)
        sat = 0.0 if lightness in (0, 1) else (v / 100) * (s / 100) / (1 - abs(2 * lightness - 1))
        return f"hsl({h}, {int(sat * 100)}, {int(lightness * 100)})"
    r, g, b = _hsv_to_rgb(h, s, v)
    if color_format == "rgb":
        return f"rgb({r}, {g}, {b})"
    return f"#{r:02x}{g:02x}{b:02x}"

def _hsv_to_rgb(h, s, v):
    h, s, v = (h % 360) / 60, s / 100, v / 100
    i = int(h) % 6
    f = h - int(h)
    p, q, t = v * (1 - s), v * (1 - s * f), v * (1 - s * (1 - f))
    r, g, b = ((v, t, p), (q, v, p), (p, v, t), (p, q, v), (t, p, v), (v, p, q))[i]
    return int(r * 255), int(g * 255), int(b * 255)

def color_name(_dataset):
    return _table("color_name", None)

def hex_color(_dataset):
    return f"#{random.randint(0, 0xFFFFFF):06x}"

def rgb_color(_dataset):
    return ",".join(str(random.randint(0, 255)) for _ in range(3))

def credit_card_number(_dataset, card_type=None):
    return _card(card_type)[0]

def credit_card_provider(_dataset, card_type=None):
    return _card(card_type)[1]

def emoji(_dataset):
    return _table("emoji", None)

def file_extension(_dataset, category=None):
    return _file_extension(category)

def file_name(_dataset, category=None, extension=None):
    if extension is None:
        extension = _file_extension(category)
    elif category is not None:
        raise ValueError("Faker's `file_name`: give `category` or `extension`, not both")
    return f"{_table('lorem_word', None)}.{extension}" if extension else _table("lorem_word", None)

def file_path(_dataset, depth=1, category=None, extension=None, absolute=True):
    if not isinstance(depth, int) or isinstance(depth, bool) or not 0 <= depth <= 64:
        raise ValueError(f"Faker's `file_path`: `depth` is a number of folders from 0 to 64, not {depth!r}")
    folders = "/".join(_table("lorem_word", None) for _ in range(depth))
    path = (folders + "/" if folders else "") + file_name(_dataset, category, extension)
    return "/" + path if absolute else path

def _decimal(low, high):
    # Faker's coordinates are decimals of six places, uniform in the range.
    return random.randint(low * 1_000_000, high * 1_000_000) / 1_000_000

def latitude(_dataset):
    return _decimal(-90, 90)

def longitude(_dataset):
    return _decimal(-180, 180)

def coordinate(_dataset, center=None, radius=0.001):
    if center is None:
        return _decimal(-180, 180)
    value = float(center) + random.uniform(-radius, radius)
    return round(value, 6)

def ipv4(_dataset, network=False, address_class=None, private=None):
    if network or address_class is not None or private is not None:
        raise ValueError("Faker's `ipv4`: `network`, `address_class` and `private` are not served; leave them out")
    # A public unicast address: not 0/8, 10/8, 127/8, 169.254/16, 172.16/12, 192.168/16,
    # 100.64/10 (shared), nor multicast or reserved (224 and up).
    while True:
        a, b = random.randint(1, 223), random.randint(0, 255)
        if a in (10, 127) or (a, b // 16) == (172, 1) or (a, b) in ((169, 254), (192, 168)) or (a == 100 and 64 <= b < 128):
            continue
        return f"{a}.{b}.{random.randint(0, 255)}.{random.randint(1, 254)}"

def job(_dataset):
    return _table("job", None)

def sha256(_dataset, raw_output=False):
    if raw_output:
        raise ValueError("Faker's `sha256`: `raw_output=True` is not served; leave it out")
    return _digest("sha256", "".join(f"{random.randint(0, 255):02x}" for _ in range(32)))

def md5(_dataset, raw_output=False):
    if raw_output:
        raise ValueError("Faker's `md5`: `raw_output=True` is not served; leave it out")
    return _digest("md5", "".join(f"{random.randint(0, 255):02x}" for _ in range(32)))

def passport_number(_dataset):
    # US passport books: a letter and eight digits (next generation) or nine digits.
    _only(_dataset, "passport_number", ("US",))
    return _fill(random.choice(("?" + "#" * 8, "#" * 9)))

def ssn(_dataset, taxpayer_identification_number_type="SSN"):
    _only(_dataset, "ssn", ("US",))
    if taxpayer_identification_number_type != "SSN":
        raise ValueError("Faker's `ssn`: only `taxpayer_identification_number_type='SSN'` is served")
    return _ssn()

def license_plate(_dataset):
    _only(_dataset, "license_plate", ("US",))
    return _fill(_table("license_plate_format", "US"))

def chrome(_dataset):
    return _user_agent("Chrome/")

def random_int(_dataset, min=0, max=9999, step=1):
    for name, value in (("min", min), ("max", max), ("step", step)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"Faker's `random_int`: `{name}` is an integer, not {value!r}")
    if step < 1 or max < min:
        raise ValueError(f"Faker's `random_int`: needs min <= max and step >= 1, not min={min}, max={max}, step={step}")
    return random.randrange(min, max + 1, step)

def cryptocurrency(_dataset):
    return _cryptocurrency()

def cryptocurrency_code(_dataset):
    return _cryptocurrency()[0]

def cryptocurrency_name(_dataset):
    return _cryptocurrency()[1]

_DATASET_METHODS = {name: function for name, function in dict(globals()).items()
                    if callable(function) and not name.startswith("_")}
"##;

/// Adds `_table` (a value of a vocabulary) and `_compile_dataset_methods` to the `faker`
/// module's namespace `dict`. The methods are compiled on their first use (the `faker`
/// module's `_dataset_methods()`), so a run that never calls them does not pay for them.
pub(crate) fn register(vm: &VirtualMachine, dict: &PyDictRef) -> PyResult<()> {
    // `_table` serves `DepartmentNameGenerator` too (`crate::script_data_faker`).
    dict.set_item("_table", vm.new_function("_table", table).into(), vm)?;
    dict.set_item(
        "_compile_dataset_methods",
        vm.new_function("_compile_dataset_methods", compile_dataset_methods)
            .into(),
        vm,
    )
}

/// The methods' dict (method name to function of the dataset and Faker's arguments).
fn compile_dataset_methods(vm: &VirtualMachine) -> PyResult<PyObjectRef> {
    let namespace = vm.ctx.new_dict();
    namespace.set_item("random", vm.builtins.get_attr("random", vm)?, vm)?;
    let native = |name: &'static str, f| namespace.set_item(name, f, vm);
    native("_table", vm.new_function("_table", table).into())?;
    native(
        "_file_extension",
        vm.new_function("_file_extension", file_extension).into(),
    )?;
    native(
        "_cryptocurrency",
        vm.new_function("_cryptocurrency", cryptocurrency).into(),
    )?;
    native("_card", vm.new_function("_card", card).into())?;
    native("_ean", vm.new_function("_ean", ean_of).into())?;
    native(
        "_ssn",
        vm.new_function("_ssn", || with_rng(ssn::generate)).into(),
    )?;
    native("_digest", vm.new_function("_digest", digest).into())?;
    native(
        "_user_agent",
        vm.new_function("_user_agent", user_agent).into(),
    )?;
    let scope = rustpython_vm::scope::Scope::with_builtins(None, namespace.clone(), vm);
    let code = vm
        .compile(
            METHODS_PY,
            Mode::Exec,
            "<datamimic faker methods>".to_owned(),
        )
        .map_err(|e| vm.new_runtime_error(e.to_string()))?;
    vm.run_code_obj(code, scope)?;
    namespace.get_item("_DATASET_METHODS", vm)
}

/// `_table(name, dataset)`: a value of one of the vocabularies, by its weights.
fn table(name: String, dataset: Option<String>, vm: &VirtualMachine) -> PyResult<&'static str> {
    use datamimic::tables;
    let family = match name.as_str() {
        "job" => &tables::COMMON_ORGANIZATION_JOB,
        "color_name" => &tables::COMMON_COLOR_COLOR_NAME,
        "emoji" => &tables::COMMON_TEXT_EMOJI,
        "lorem_word" => &tables::COMMON_TEXT_LOREM_WORD,
        "license_plate_format" => &tables::COMMON_VEHICLE_LICENSE_PLATE_FORMAT,
        "department" => &tables::COMMON_ORGANIZATION_DEPARTMENT,
        _ => return Err(vm.new_value_error(format!("no vocabulary `{name}`"))),
    };
    let table = match dataset {
        // Strict, as descriptors' datasets are: a country without the table is an error.
        Some(code) => family
            .resolve_with(&code, datamimic::Strictness::Strict)
            .map_err(|e| vm.new_value_error(e.to_string()))?,
        None => family.variants()[0],
    };
    Ok(with_rng(|rng| table.sample_row(rng).value()))
}

/// `_file_extension(category)`: an extension of Faker's category; without one, Faker's category
/// first (each of the five equally likely, as Faker's `random_element` of the categories), then an
/// extension of it, so office's 13 extensions do not crowd out audio's 3.
fn file_extension(
    category: OptionalArg<Option<String>>,
    vm: &VirtualMachine,
) -> PyResult<&'static str> {
    let table = datamimic::tables::COMMON_FILE_FILE_EXTENSION.variants()[0];
    // The table is sorted by category, so `dedup` leaves each category once.
    let mut categories: Vec<&str> = (0..table.len()).map(|row| table.cell(row, 0)).collect();
    categories.dedup();
    let category = match category.flatten() {
        Some(category) => category,
        None => with_rng(|rng| *datamimic::sample::pick(rng, &categories)).to_owned(),
    };
    let rows: Vec<usize> = (0..table.len())
        .filter(|&row| table.cell(row, 0) == category)
        .collect();
    if rows.is_empty() {
        return Err(vm.new_value_error(format!(
            "Faker's `file_extension`: `category` is one of {}, not {category:?}",
            categories.join(", "),
        )));
    }
    // Uniform within the category, as Faker draws them (the table's weights are all equal).
    Ok(with_rng(|rng| {
        table.cell(*datamimic::sample::pick(rng, &rows), 1)
    }))
}

/// `_cryptocurrency()`: `(code, name)` of a cryptocurrency.
fn cryptocurrency() -> (&'static str, &'static str) {
    let table = datamimic::tables::COMMON_FINANCE_CRYPTOCURRENCY.variants()[0];
    let row = with_rng(|rng| table.sample_row(rng));
    (row.cell(0), row.cell(1))
}

/// Faker's card types and the networks and lengths they stand for.
const CARD_TYPES: &[(&str, Network, Option<usize>)] = &[
    ("amex", Network::Amex, None),
    ("visa", Network::Visa, Some(16)),
    ("visa13", Network::Visa, Some(13)),
    ("visa16", Network::Visa, Some(16)),
    ("visa19", Network::Visa, Some(19)),
    ("mastercard", Network::Mastercard, None),
    ("discover", Network::Discover, Some(16)),
    ("diners", Network::DinersClub, Some(14)),
    ("jcb", Network::Jcb, Some(16)),
    ("jcb16", Network::Jcb, Some(16)),
    ("unionpay", Network::UnionPay, Some(16)),
];

/// `_card(card_type)`: `(number, provider)` of Faker's card type, or of any network.
fn card(
    card_type: OptionalArg<Option<String>>,
    vm: &VirtualMachine,
) -> PyResult<(String, &'static str)> {
    let (network, length) = match card_type.flatten() {
        None => {
            let (_, network, length) = with_rng(|rng| *datamimic::sample::pick(rng, CARD_TYPES));
            (network, length)
        }
        Some(name) => {
            let Some((_, network, length)) = CARD_TYPES.iter().find(|(n, _, _)| *n == name) else {
                let known: Vec<&str> = CARD_TYPES.iter().map(|(n, _, _)| *n).collect();
                let hint = datamimic_export::suggest::did_you_mean(&name, known.iter().copied())
                    .unwrap_or_default();
                return Err(vm.new_value_error(format!(
                    "Faker's card type `{name}` is not served{hint}; served: {}",
                    known.join(", ")
                )));
            };
            (*network, *length)
        }
    };
    let number = with_rng(|rng| match length {
        Some(length) => card::generate_with_length(rng, network, length),
        None => Ok(card::generate(rng, network)),
    })
    .map_err(|e| vm.new_value_error(e.to_string()))?;
    Ok((number, network.name()))
}

/// `_ean(length, dataset)`: an EAN-13 with a GS1 prefix of the dataset's country (any
/// prefix where GS1 lists none for it), or an EAN-8; both end in their check digit.
fn ean_of(length: usize, dataset: String) -> String {
    with_rng(|rng| {
        if length == 13
            && let Some(prefixes) = ean::Gs1Prefixes::for_country(&dataset)
        {
            return ean::generate(rng, prefixes);
        }
        let body: String = (0..length - 1)
            .map(|_| char::from(b'0' + datamimic::sample::below(rng, 10) as u8))
            .collect();
        let check = ean::check_digit(&body).expect("digits");
        format!("{body}{check}")
    })
}

/// `_digest(algorithm, text)`: the hex digest of `text`.
fn digest(algorithm: String, text: String, vm: &VirtualMachine) -> PyResult<String> {
    let hasher = crate::hash::HashConverter::new(&algorithm, "hex", None)
        .map_err(|e| vm.new_value_error(e.to_string()))?;
    Ok(hasher.hash(&text))
}

/// `_user_agent(containing)`: a user agent of real traffic by its share, among those
/// containing `containing` (`Chrome/`) when given.
fn user_agent(containing: Option<String>, vm: &VirtualMachine) -> PyResult<&'static str> {
    let table = datamimic::tables::COMMON_NET_USER_AGENT.variants()[0];
    let Some(needle) = containing else {
        return Ok(with_rng(|rng| table.sample_row(rng).cell(0)));
    };
    let rows: Vec<usize> = (0..table.len())
        .filter(|&row| {
            let agent = table.cell(row, 0);
            // Edge and Opera name Chrome too; Faker's `chrome()` is Chrome's own.
            agent.contains(needle.as_str()) && !agent.contains("Edg/") && !agent.contains("OPR/")
        })
        .collect();
    if rows.is_empty() {
        return Err(vm.new_value_error(format!("no user agent contains `{needle}`")));
    }
    let weights: Vec<u64> = rows.iter().map(|&row| table.scaled_weight(row)).collect();
    Ok(with_rng(|rng| {
        table.cell(rows[datamimic::sample::weighted_index(rng, &weights)], 0)
    }))
}
