"""FR family names from INSEE's surname file (births in France 1891-2000 by surname).

Writes common/person/family_name_FR.csv and tests/reference/fr_family_name_share.csv.

Source: INSEE, "Les noms de famille en France" (fichier des noms, `noms2008nat_txt.txt`: the
children born in France in each decade 1891-1900 ... 1991-2000 by surname at birth, national
level; names with too few births aggregated as AUTRES NOMS; Licence Ouverte / Etalab). The
file as INSEE ships it is in `public/insee_noms_2008.txt.zip` of
github.com/malikbenkirane/go-france at commit 600978b; unzip `noms2008nat_txt.txt` into
$DM_SRC/insee/ and run `python3 datasets/tools/extract_fr_family_names.py` (stdlib; reads the
datamimic-ce, faker and mimesis archives for accents).

Weights: births 1941-2000 (the people aged about 24-83 in 2024, before mortality and
migration), AUTRES NOMS included in the total, so a share is a share of all those births:
 - the HEAD most common names keep their counts (their shares are INSEE's);
 - the names ranked below them are kept every TAIL_STEP-th by rank, each standing for its
   TAIL_STEP neighbours (weight = their births), and the AUTRES NOMS births are spread over
   them in proportion: the real tail keeps its mass and its rank-frequency shape, nothing is
   renormalised onto the head.

Spelling: INSEE writes surnames in capitals without accents (LEFEVRE). A name takes accents
where the most usual spelling of the datamimic-ce/faker/mimesis surname lists, failing that of
INSEE's given-name tables, has them (Lefèvre, André, Gérard; but Francis, and Hebert where the
lists write it so); particles de/d' and "dit" are lower case (de Sousa, d'Almeida); everything
else is title-cased (Le Gall, Da Silva). An elided particle INSEE writes with a space (D ANGELO)
takes its apostrophe (and joins D'ANGELO).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from _lib import DATASETS, SRC, dm_csv, faker_attrs, mimesis_json, title_name, write_value_weight

INSEE = SRC / "insee" / "noms2008nat_txt.txt"
DECADES = ["_1941_1950", "_1951_1960", "_1961_1970", "_1971_1980", "_1981_1990", "_1991_2000"]
HEAD = 10_000
TAIL_STEP = 10
SOURCE = ("INSEE, Les noms de famille en France (fichier des noms noms2008nat: births in France by surname and "
          "decade 1891-2000); Licence Ouverte Etalab; via malikbenkirane/go-france@600978b public/insee_noms_2008.txt.zip")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "fr_family_name_share.csv"
LOWER_WORDS = {"De": "de", "Dit": "dit"}


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def accented_spellings() -> dict[str, str]:
    """Upper-case unaccented key -> an accented spelling, where the most usual spelling of the
    surname lists of datamimic-ce, faker and mimesis (most listings; a tie is unaccented) or,
    failing that, of INSEE's given-name tables (most births) has accents: Gérard, but Francis."""
    surnames: dict[str, Counter] = defaultdict(Counter)
    for name in ([row[0] for row in dm_csv("common/person/familyName_FR.csv")]
                 + list(faker_attrs("fr_FR")["last_names"]) + list(mimesis_json("fr", "person")["surnames"])):
        surnames[strip_accents(name).upper()][name] += 1
    given: dict[str, Counter] = defaultdict(Counter)
    for sex in ("male", "female"):
        with open(DATASETS / "common" / "person" / f"given_name_{sex}_FR.csv", encoding="utf-8") as f:
            for name, weight in csv.reader(line for line in f if not line.startswith("#")):
                given[strip_accents(name).upper()][name] += float(weight)
    out = {}
    for key in surnames.keys() | given.keys():
        for spellings in (surnames.get(key), given.get(key)):
            if not spellings:
                continue
            usual = sorted(spellings.items(), key=lambda x: (-x[1], strip_accents(x[0]) != x[0]))[0][0]
            if strip_accents(usual) != usual:
                out[key] = usual
                break
    return out


def spell(insee_name: str, accents: dict[str, str]) -> str:
    # INSEE writes some elided particles with a space instead of the apostrophe (D ANGELO next
    # to D'ANGELO, L HERMITE, BEN M BAREK): both spellings become one name.
    insee_name = re.sub(r"\b([DLM]) (?=[A-Z])", r"\1'", insee_name)
    if insee_name in accents:
        return accents[insee_name]
    words = title_name(insee_name).split(" ")
    words = [LOWER_WORDS.get(w, w) if i < len(words) - 1 else w for i, w in enumerate(words)]
    name = " ".join(words)
    if name.startswith("D'") and len(name) > 2:
        name = "d'" + name[2:]
    return name


def main() -> None:
    with open(INSEE, encoding="latin-1") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    births = {r["NOM"]: sum(int(r[d]) for d in DECADES) for r in rows}
    others = births.pop("AUTRES NOMS")
    total = sum(births.values()) + others
    ranked = sorted(((n, c) for n, c in births.items() if c > 0), key=lambda x: (-x[1], x[0]))
    head = ranked[:HEAD]
    below = ranked[HEAD:]
    strata = [below[i:i + TAIL_STEP] for i in range(0, len(below), TAIL_STEP)]
    tail_births = sum(c for _, c in below)
    factor = (tail_births + others) / tail_births
    tail = [(stratum[0][0], sum(c for _, c in stratum) * factor) for stratum in strata]
    assert max(w for _, w in tail) < head[-1][1] * TAIL_STEP * factor
    accents = accented_spellings()
    merged: Counter = Counter()
    for name, weight in head + tail:
        merged[spell(name, accents)] += weight
    write_value_weight(
        "common/person/family_name_FR.csv",
        [f"Source: {SOURCE}",
         f"weight = births in France 1941-2000 with the surname (people aged about 24-83 in 2024); total {total:,} births, "
         f"{others:,} of them under INSEE's AUTRES NOMS",
         f"the {HEAD:,} most common names keep their counts; of the {len(below):,} names below them every {TAIL_STEP}th by rank "
         f"carries the births of its {TAIL_STEP} ranks and, in proportion, the AUTRES NOMS births (x {factor:.3f})",
         f"spelling: INSEE's capitals title-cased, accents as datamimic-ce/faker/mimesis/INSEE given names write them ({sum(1 for n, _ in head + tail if n in accents)} names), de/d'/dit lower case"],
        [(name, round(weight)) for name, weight in merged.items()],
    )
    lines = [f"# {SOURCE}",
             f"# share = births 1941-2000 with the surname / all births 1941-2000 ({total:,}, AUTRES NOMS included); top 20",
             "# written by datasets/tools/extract_fr_family_names.py",
             "family_name,share"]
    lines += [f"{spell(n, accents)},{c / total:.7f}" for n, c in head[:20]]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"family_name_FR.csv: {len(merged):,} names; tests/reference/{REFERENCE.name}: 20 rows")


if __name__ == "__main__":
    main()
