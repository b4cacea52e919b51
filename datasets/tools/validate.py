"""Check every CSV under datasets/ against the format rules the Rust build script relies on.

Usage: python datasets/tools/validate.py [datasets-dir]   (exit code 1 on any error)
"""
from __future__ import annotations

import csv
import io
import re
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*?(_[A-Z]{2})?\.csv$")
STEM_RE = re.compile(r"^[a-z][a-z0-9_]*$")
DIR_RE = re.compile(r"^[a-z][a-z0-9_]*$")
COL_RE = re.compile(r"^[a-z][a-z0-9_]*$")
WEIGHT_RE = re.compile(r"^\d+(\.\d{1,9})?$")
MAX_ROWS = 50000
MAX_TOTAL = 40 * 1024 * 1024

errors: list[str] = []


def err(path, msg):
    errors.append(f"{path}: {msg}")


def split_name(rel: Path):
    """-> (key, country or None)"""
    m = re.match(r"^(.*)_([A-Z]{2})\.csv$", rel.name)
    if m:
        return str(rel.parent / m.group(1)), m.group(2)
    return str(rel.with_suffix("")), None


def check(path: Path, headers: dict, total: list):
    rel = path.relative_to(ROOT)
    raw = path.read_bytes()
    total[0] += len(raw)
    key, cc = split_name(rel)
    stem = Path(key).name
    if not STEM_RE.match(stem):
        err(rel, f"file name stem {stem!r} is not lower snake_case")
    for part in rel.parts[:-1]:
        if not DIR_RE.match(part):
            err(rel, f"directory {part!r} is not lower snake_case")
    if raw.startswith(b"\xef\xbb\xbf"):
        err(rel, "UTF-8 BOM")
    if b"\r" in raw:
        err(rel, "CR characters (line endings must be LF)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(rel, f"not UTF-8: {e}")
        return
    if text and not text.endswith("\n"):
        err(rel, "no final newline")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    comments = 0
    data_lines = []
    for i, line in enumerate(lines, 1):
        if line.startswith("#"):
            if data_lines:
                pass  # comments between rows are allowed by the format
            comments += 1
            continue
        if line == "":
            err(rel, f"line {i}: empty line")
            continue
        data_lines.append((i, line))
    if not lines or not lines[0].startswith("#"):
        err(rel, "must start with a '# Source ...' comment line")
    if not data_lines:
        err(rel, "no data rows")
        return
    rows = []
    for i, line in data_lines:
        parsed = list(csv.reader(io.StringIO(line)))
        if len(parsed) != 1:
            err(rel, f"line {i}: multi-line or unparsable record")
            continue
        rows.append((i, parsed[0]))
    first = rows[0][1]
    headered = "weight" in first
    if headered:
        header = first
        for c in header:
            if not COL_RE.match(c):
                err(rel, f"header column {c!r} is not lower snake_case")
        if len(set(header)) != len(header):
            err(rel, "duplicate header columns")
        wi = header.index("weight")
        body = rows[1:]
        prev = headers.get(key)
        if prev is None:
            headers[key] = (header, rel)
        elif prev[0] != header:
            err(rel, f"header {header} differs from {prev[1]} {prev[0]}")
    else:
        header = None
        wi = 1
        body = rows
        prev = headers.get(key)
        if prev is None:
            headers[key] = (None, rel)
        elif prev[0] is not None:
            err(rel, f"headerless but {prev[1]} of the same key is headered")
    if not body:
        err(rel, "no data rows after the header")
        return
    if len(body) > MAX_ROWS:
        err(rel, f"{len(body)} rows > {MAX_ROWS}")
    ncol = len(header) if header else 2
    total_w = Decimal(0)
    max_dec = 0
    seen = set()
    for i, r in body:
        if len(r) != ncol:
            err(rel, f"line {i}: {len(r)} cells, expected {ncol}")
            continue
        for c in r:
            if c == "":
                err(rel, f"line {i}: empty cell")
            elif c != c.strip():
                err(rel, f"line {i}: leading/trailing whitespace in {c!r}")
        w = r[wi]
        if not WEIGHT_RE.match(w):
            err(rel, f"line {i}: bad weight {w!r}")
            continue
        total_w += Decimal(w)
        if "." in w:
            max_dec = max(max_dec, len(w.split(".")[1]))
        t = tuple(c for j, c in enumerate(r) if j != wi)
        if t in seen:
            err(rel, f"line {i}: duplicate row {t}")
        seen.add(t)
        if len(errors) > 200:
            return
    if total_w <= 0:
        err(rel, "all weights are zero")
    if total_w * Decimal(10) ** max_dec >= Decimal(10) ** 18:
        err(rel, f"weight sum {total_w} scaled by 10^{max_dec} is >= 1e18")
    return rel, len(body)


def main():
    headers: dict = {}
    total = [0]
    files = sorted(ROOT.rglob("*.csv"))
    files = [f for f in files if f.name != "MANIFEST.csv" or f.parent != ROOT]
    files = [f for f in files if "tools" not in f.relative_to(ROOT).parts and "LICENSES" not in f.relative_to(ROOT).parts]
    nrows = 0
    for f in files:
        res = check(f, headers, total)
        if res:
            nrows += res[1]
    if total[0] > MAX_TOTAL:
        errors.append(f"total size {total[0]} bytes > {MAX_TOTAL}")
    # cross-table check: city state_code must exist in the state table of the same country
    for city in sorted(ROOT.glob("common/address/city_*.csv")):
        cc = city.stem[-2:]
        st = ROOT / f"common/address/state_{cc}.csv"
        if not st.exists():
            errors.append(f"{city.relative_to(ROOT)}: no state_{cc}.csv")
            continue

        def rows(p):
            return list(csv.DictReader(l for l in p.read_text(encoding="utf-8").splitlines() if not l.startswith("#")))

        codes = {r["code"] for r in rows(st)}
        bad = sorted({r["state_code"] for r in rows(city)} - codes)
        if bad:
            errors.append(f"{city.relative_to(ROOT)}: state codes not in state_{cc}.csv: {bad[:10]}")
    for e in errors[:300]:
        print("ERROR", e)
    print(f"{len(files)} files, {nrows} data rows, {total[0]} bytes, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
