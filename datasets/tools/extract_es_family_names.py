"""ES family names from INE's surname statistics: residents bearing each surname as first surname.

Writes common/person/family_name_ES.csv and tests/reference/es_family_name_share.csv. Person
draws both of a Spaniard's surnames from this table (the second one independently), so the
first-surname frequencies stand for both.

Source: INE (Instituto Nacional de Estadística), "Apellidos y nombres más frecuentes": the
frequency of each surname as first surname among residents (Padrón), as copied with its counts
(the 5,000 most frequent surnames, in capitals, accents dropped except Ñ) into
github.com/jrpellicer/datagen at commit 1007f41 (`apellidos.csv`, committed 2025-01-03; the
INE reference date is not recorded in the copy). INE allows reuse with attribution
("Fuente: INE"). Put the file into $DM_SRC/ine/apellidos.csv and run
`python3 datasets/tools/extract_es_family_names.py` (stdlib; the package archives of
datasets/tools/README.md give the accented spellings). Then rerun extract_organization.py.

Rule (head published, tail mass published, tail shape flattened): the 5,000 names keep their
counts, so their shares of the residents are INE's; the residents whose first surname is not
among them (the population minus the 5,000 names' bearers) are spread evenly over the 5,000
names (an even amount added to each keeps their order), which stand in for the surnames beyond
the list. The population, 48,600,000, is Spain's resident population in 2023-2024 (INE) to
three figures, **written from memory**.

Spelling: INE writes GARCIA; the accented spelling is restored where datamimic-ce, faker or
mimesis spell the same letters with diacritics (García, Martínez), other names are
title-cased (some keep a missing accent); particles stay lower case (de la Fuente).
"""
from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from _lib import SRC, dm_weighted, faker_attrs, mimesis_json, title_name, write_value_weight

POPULATION = 48_600_000  # INE resident population 2023-2024, three figures (from memory)
PARTICLES = {"DE", "DEL", "LA", "LAS", "LOS", "Y", "SAN"}
SOURCE = ("INE, apellidos más frecuentes (residents by first surname; the 5,000 most frequent), via "
          "jrpellicer/datagen@1007f41 apellidos.csv; Fuente: INE")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "es_family_name_share.csv"


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFD", name.replace("ñ", "\0").replace("Ñ", "\1"))
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return plain.replace("\0", "ñ").replace("\1", "Ñ").upper()


def accented_spellings() -> dict[str, str]:
    """INE capitals -> the accented spelling of the package lists."""
    names = [n for n, _ in dm_weighted("common/person/familyName_ES.csv")]
    names += list(faker_attrs("es_ES")["last_names"])
    names += mimesis_json("es", "person")["surnames"]
    out: dict[str, str] = {}
    for name in names:
        if fold(name) != name.upper():  # has diacritics other than ñ
            out.setdefault(fold(name), name)
    return out


def spelled(raw: str, accents: dict[str, str]) -> str:
    words = []
    for i, word in enumerate(raw.split()):
        if word in PARTICLES and i < len(raw.split()) - 1:
            words.append(word.lower())
        else:
            words.append(accents.get(word, title_name(word)))
    return " ".join(words)


def main() -> None:
    accents = accented_spellings()
    with open(SRC / "ine" / "apellidos.csv", encoding="utf-8") as f:
        rows = [(r[0].strip(), int(r[1])) for r in csv.reader(f) if r]
    assert len(rows) == 5000 and rows[0][0] == "GARCIA", (len(rows), rows[0])
    listed = sum(c for _, c in rows)
    each = (POPULATION - listed) / len(rows)
    assert each > 0, each
    names = [(spelled(n, accents), c) for n, c in rows]
    write_value_weight(
        "common/person/family_name_ES.csv",
        [f"Source: {SOURCE}",
         f"weight = residents with the name as first surname (published counts, {listed:,} in all) + {each:,.0f} each: the other residents of "
         f"the population ({POPULATION:,}, written from memory) spread evenly over the 5,000 names, which stand in for the surnames beyond the list",
         "spelling: accents restored from the package lists (datamimic-ce, faker, mimesis), otherwise title case; particles lower case"],
        [(n, round(c + each)) for n, c in names],
    )
    lines = [f"# {SOURCE}",
             f"# share = residents with the first surname / {POPULATION:,} (resident population 2023-2024 to three figures, written from memory); top 20",
             "# written by datasets/tools/extract_es_family_names.py",
             "family_name,share"]
    lines += [f"{n},{c / POPULATION:.7f}" for n, c in names[:20]]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: 20 rows")


if __name__ == "__main__":
    main()
