"""ES given names from INE's name statistics (Padrón): the frequency of every common given name,
compound names included.

Writes common/person/given_name_{male,female}_ES.csv and tests/reference/es_given_name_share.csv.

Sources (INE allows reuse with attribution, "Fuente: INE"):
- INE, "Nombres y apellidos más frecuentes": the given names of the residents, simple and compound
  (María Carmen, José Antonio), with their "tanto por mil" of the residents of the sex, the 4,966
  women's and 4,983 men's names down to 0.005 per mille (91.5 % of women, 93.1 % of men), as
  copied into `nombres_f.csv` / `nombres_m.csv` of github.com/jrpellicer/datagen at commit 940a6a1
  (committed 2025-01-03; INE's reference date is not recorded in the copy: Antonio's 29.771 per
  mille fits the Padrón of the mid-2010s). Put both into $DM_SRC/ine/.
- INE, "nombres por frecuencia y edad media" (`nombres_por_edad_media.xls`: every simple given
  name of 20+ residents with its frequency), as converted to CSV in github.com/victoriano/nominao
  at commit 685934f (`names_data_sources/Spain_names_ine/output_data/1_data_download_INE_names/
  names_frecuencia_edad_media.csv`, downloaded from INE in 2025: María 568,535). Put it into
  $DM_SRC/ine/ too.

Rule: the listed names keep their published per-mille (weight = residents per million of the
sex), so their shares of the table are INE's shares of all residents. The copy has lost every
name with Ñ (Begoña, Iñaki): those simple names take their frequency from the second file,
converted to residents per million at the ratio of the two files over the simple names both
list. The residents beyond the
list (8.5 % of women, 6.9 % of men) are carried by the rarer simple names of the second file that
the list lacks, in proportion to their frequencies (real names standing in for the rare simple
and compound names beyond the list). Names of the other sex are dropped as for the US (share <
1/10 of the other sex's). INE writes names in capitals without accents (JOSE); the accented
spelling of each word is restored where the package lists (datamimic-ce, faker es_ES, mimesis
es; archives in $DM_SRC) spell the same letters with acute accents or diaeresis (José, María,
Mónica), otherwise it is title-cased: the lists' Catalan and Galician spellings (Mònica, Mariña,
Luís) are not Spanish ones.

Run: `python3 datasets/tools/extract_es_given_names.py` (stdlib only; company names do not use
ES given names).
"""
from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from pathlib import Path

from _lib import SRC, dm_weighted, faker_attrs, mimesis_json, title_name, write_value_weight
from extract_person import drop_cross_sex

SOURCE = ("INE, nombres y apellidos mas frecuentes (given names of the residents, simple and compound, per mille of the sex), "
          "via jrpellicer/datagen@940a6a1; rarer simple names: INE, nombres por frecuencia y edad media (20+ residents), "
          "via victoriano/nominao@685934f; Fuente: INE")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "es_given_name_share.csv"
PER_MILLION = 1_000_000
# The acute accent and the diaeresis (José, Agüeda); the tilde of ñ is in INE's own spelling.
SPANISH_MARKS = {"\u0301", "\u0308"}
# Names whose Spanish spelling has no accent, though a regional spelling has one (Luís).
PLAIN = {"LUIS"}
# INE's per-mille files per sex.
PER_MILLE = {"Male": "nombres_m.csv", "Female": "nombres_f.csv"}


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn").upper()


def accented_spellings() -> dict[str, str]:
    """Unaccented capitals -> the accented spelling of each word of the package name lists
    (datamimic-ce, faker es_ES, mimesis es), where the accent is a Spanish one."""
    names = set()
    for sex in ("male", "female"):
        names |= {n for n, _ in dm_weighted(f"common/person/givenName_{sex}_ES.csv")}
        names |= set(mimesis_json("es", "person")["names"][sex])
    for key, value in faker_attrs("es_ES").items():
        if "first_names" in key:
            names |= set(value)
    out = {}
    for word in sorted({w for n in names for w in n.split()}):
        marks = {c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) == "Mn"}
        # Spanish accents only: the lists also hold Catalan and Galician spellings (Mònica,
        # Mariña) that would turn INE's MONICA or MARINA into another name.
        if marks and marks <= SPANISH_MARKS and fold(word) not in PLAIN:
            out.setdefault(fold(word), word)
    return out


def spelling(raw: str, spelled: dict[str, str]) -> str:
    """MARIA CARMEN -> María Carmen, word by word."""
    return " ".join(spelled.get(fold(w), title_name(w)) for w in raw.split())


def read_per_mille(sex: str, spelled: dict[str, str]) -> Counter:
    """Residents per million of the sex bearing each listed name."""
    out = Counter()
    with open(SRC / "ine" / PER_MILLE[sex], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                raw, per_mille = line.strip().rsplit(",", 1)
                out[spelling(raw, spelled)] += round(float(per_mille) * 1000)
    return out


def read_simple(spelled: dict[str, str]) -> dict[str, Counter]:
    """Residents bearing each simple name with 20+ bearers, per sex."""
    counts = {"Male": Counter(), "Female": Counter()}
    with open(SRC / "ine" / "names_frecuencia_edad_media.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            counts[r["Gender"]][spelling(r["Nombre"].strip(), spelled)] += int(r["Frecuencia"])
    return counts


def with_rare_names(listed: Counter, simple: Counter) -> list[tuple[str, int]]:
    """The listed names, the simple names with ñ that the per-mille copy lost (Begoña) at their
    frequency converted to residents per million, and the residents beyond the list spread over
    the other simple names the list lacks, by their frequencies."""
    listed = Counter(listed)
    shared = [n for n in simple if n in listed and " " not in n]
    per_person = sum(listed[n] for n in shared) / sum(simple[n] for n in shared)
    lost = {n: round(c * per_person) for n, c in simple.items() if "ñ" in n.lower() and n not in listed}
    assert "Begoña" in lost or "Iñaki" in lost, sorted(lost)[:5]
    listed.update(lost)
    rest = PER_MILLION - sum(listed.values())
    rare = {n: c for n, c in simple.items() if n not in listed}
    assert rest > 0 and rare, (rest, len(rare))
    factor = rest / sum(rare.values())
    return list(listed.items()) + [(n, max(1, round(c * factor))) for n, c in rare.items()]


def main() -> None:
    spelled = accented_spellings()
    simple = read_simple(spelled)
    full = {sex: with_rare_names(read_per_mille(sex, spelled), simple[sex]) for sex in ("Male", "Female")}
    male, female, drop_m, drop_f = drop_cross_sex(full["Male"], full["Female"])
    lines = [f"# {SOURCE}",
             "# share = residents with the given name (simple or compound) / all residents of the sex (INE's per mille / 1000); top 20",
             "# written by datasets/tools/extract_es_given_names.py",
             "sex,given_name,share"]
    for sex, items, dropped in (("male", male, drop_m), ("female", female, drop_f)):
        write_value_weight(
            f"common/person/given_name_{sex}_ES.csv",
            [f"Source: {SOURCE}",
             "weight = residents per million of the sex: the listed names (simple and compound) with INE's per mille; the residents beyond "
             "the list spread over the rarer simple names (20+ residents) the list lacks, by their frequencies; names with ñ, which the "
             "per-mille copy lost, from the second file's frequencies; Spanish accents restored from the package lists",
             f"dropped as names of the other sex (share < 1/10 of the other sex's): {', '.join(dropped) or 'none'}"],
            items,
        )
        for name, w in sorted(items, key=lambda x: (-x[1], x[0]))[:20]:
            lines.append(f"{sex},{name},{w / PER_MILLION:.7f}")
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: 40 rows")


if __name__ == "__main__":
    main()
