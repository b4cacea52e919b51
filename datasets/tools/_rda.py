"""Reads the data frames of an R `.rda` file (R's XDR serialization, format 2 or 3), stdlib only.

Enough of the format for data packages: vectors (logical, integer, double, character, list),
pairlists with attributes and tags, symbols, references, environments, and the compact
integer/real sequences R writes as ALTREP. A data frame comes back as {column: list}; factors
come back as their level strings; NA is None.
"""
from __future__ import annotations

import bz2
import gzip
import lzma
import struct
from pathlib import Path

NILSXP, SYMSXP, LISTSXP, ENVSXP = 0, 1, 2, 4
CHARSXP, LGLSXP, INTSXP, REALSXP, STRSXP, VECSXP = 9, 10, 13, 14, 16, 19
ALTREP_SXP, EMPTYENV_SXP, BASEENV_SXP, GLOBALENV_SXP = 238, 242, 241, 253
NILVALUE_SXP, REFSXP, BASENAMESPACE_SXP, MISSINGARG_SXP, UNBOUNDVALUE_SXP = 254, 255, 250, 251, 252
NA_INTEGER = -(2**31)


class RObject:
    """A vector or pairlist with its R attributes (`attrs`: name -> value)."""

    def __init__(self, kind: int, value, attrs: dict | None = None) -> None:
        self.kind, self.value, self.attrs = kind, value, attrs or {}


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos, self.refs = data, 0, []

    def int(self) -> int:
        (v,) = struct.unpack_from(">i", self.data, self.pos)
        self.pos += 4
        return v

    def ints(self, n: int) -> list[int]:
        v = struct.unpack_from(f">{n}i", self.data, self.pos)
        self.pos += 4 * n
        return [None if x == NA_INTEGER else x for x in v]

    def doubles(self, n: int) -> list[float]:
        v = struct.unpack_from(f">{n}d", self.data, self.pos)
        self.pos += 8 * n
        # R's NA_real_ is a NaN; NaN != NaN
        return [None if x != x else x for x in v]

    def length(self) -> int:
        n = self.int()
        if n == -1:
            hi, lo = self.int(), self.int()
            n = (hi << 32) + lo
        return n

    def charsxp(self) -> str | None:
        n = self.int()
        if n == -1:
            return None
        s = self.data[self.pos:self.pos + n].decode("utf-8")
        self.pos += n
        return s

    def item(self):
        flags = self.int()
        kind = flags & 0xFF
        has_attr = flags & (1 << 9)
        if kind in (NILVALUE_SXP, EMPTYENV_SXP, BASEENV_SXP, GLOBALENV_SXP, BASENAMESPACE_SXP,
                    MISSINGARG_SXP, UNBOUNDVALUE_SXP):
            return None
        if kind == REFSXP:
            index = flags >> 8 or self.int()
            return self.refs[index - 1]
        if kind == SYMSXP:
            name = self.item()
            self.refs.append(name)
            return name
        if kind == CHARSXP:
            return self.charsxp()
        if kind == ENVSXP:
            env = RObject(ENVSXP, {})
            self.refs.append(env)
            self.int()  # locked
            self.item(), self.item(), self.item(), self.item()  # enclosure, frame, hash table, attributes
            return env
        if kind == LISTSXP:
            return self.pairlist(flags)
        if kind == ALTREP_SXP:
            return self.altrep()
        if kind in (LGLSXP, INTSXP):
            value = self.ints(self.length())
        elif kind == REALSXP:
            value = self.doubles(self.length())
        elif kind == STRSXP:
            value = []
            for _ in range(self.length()):
                self.int()  # the CHARSXP's flags
                value.append(self.charsxp())
        elif kind == VECSXP:
            value = [self.item() for _ in range(self.length())]
        else:
            raise ValueError(f"R object type {kind} at byte {self.pos} is not supported")
        attrs = self.attributes() if has_attr else {}
        return RObject(kind, value, attrs)

    def pairlist(self, flags: int) -> RObject:
        """A pairlist as {tag: value} (untagged cells get their position)."""
        cells: dict = {}
        attrs: dict = {}
        while True:
            if flags & (1 << 9):
                attrs = self.attributes()
            tag = self.item() if flags & (1 << 10) else len(cells)
            cells[tag] = self.item()
            flags = self.int()
            if flags & 0xFF != LISTSXP:
                self.pos -= 4
                self.item()  # the terminating NILVALUE
                return RObject(LISTSXP, cells, attrs)

    def attributes(self) -> dict:
        attrs = self.item()
        return attrs.value if isinstance(attrs, RObject) else {}

    def altrep(self) -> RObject:
        info = self.item()
        state = self.item()
        attr = self.item()
        klass = info.value[0] if isinstance(info, RObject) else None
        if klass in ("compact_intseq", "compact_realseq"):
            n, start, step = state.value
            seq = [start + i * step for i in range(int(n))]
            value = [int(x) for x in seq] if klass == "compact_intseq" else seq
            kind = INTSXP if klass == "compact_intseq" else REALSXP
            return RObject(kind, value, attr.value if isinstance(attr, RObject) else {})
        if klass and klass.startswith("wrap_"):
            return state.value[0]
        if klass == "deferred_string":
            arg = state.value[0]
            return RObject(STRSXP, [None if x is None else str(x) for x in arg.value])
        raise ValueError(f"ALTREP class {klass} is not supported")


def read_rda(path: Path) -> dict[str, RObject]:
    """name -> object of every object saved in an .rda file."""
    raw = path.read_bytes()
    if raw[:3] == b"BZh":
        raw = bz2.decompress(raw)
    elif raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    elif raw[:6] == b"\xfd7zXZ\x00":
        raw = lzma.decompress(raw)
    if not raw.startswith(b"RDX2\nX\n") and not raw.startswith(b"RDX3\nX\n"):
        raise ValueError(f"{path}: not an XDR .rda file")
    reader = _Reader(raw)
    reader.pos = 7
    version = reader.int()
    reader.int(), reader.int()  # writer's R version, minimal R version
    if version == 3:
        encoding_length = reader.int()
        reader.pos += encoding_length  # native encoding name
    top = reader.item()
    return top.value


def data_frame(obj: RObject) -> dict[str, list]:
    """{column: values} of a data frame, factors as their level strings."""
    names = obj.attrs["names"].value
    columns = {}
    for name, column in zip(names, obj.value):
        values = column.value
        levels = column.attrs.get("levels")
        if levels is not None:
            labels = levels.value
            values = [None if v is None else labels[v - 1] for v in values]
        columns[name] = values
    return columns
