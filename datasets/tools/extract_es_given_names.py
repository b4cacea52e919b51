"""ES given names from INE's name statistics (Padrón): frequency of each simple given name.

Writes common/person/given_name_{male,female}_ES.csv and tests/reference/es_given_name_share.csv.

Source: INE (Instituto Nacional de Estadística), "Nombres y apellidos: nombres por frecuencia y
edad media" (`nombres_por_edad_media.xls`, sheets Hombres / Mujeres: every simple given name
borne by at least 20 residents, with its frequency), as converted to CSV in
github.com/victoriano/nominao at commit 685934f
(`names_data_sources/Spain_names_ine/output_data/1_data_download_INE_names/names_frecuencia_edad_media.csv`;
downloaded from INE by that repository in 2025, reference date not recorded in the extract).
INE allows reuse with attribution ("Fuente: INE"). Put the CSV into $DM_SRC/ine/ and run
`python3 datasets/tools/extract_es_given_names.py` (stdlib only; company names do not use ES
given names).

The file holds simple names only (José, María); compound names (José Antonio, María del
Carmen), about a third of residents, are not in it, so the shares are shares among residents
with a simple given name. INE writes names in capitals without accents (JOSE); the accented
spelling is restored where the committed ES tables spell the same letters with diacritics
(José, María, Lucía; the first run read the package lists datamimic-ce, faker and mimesis that
extract_person.py wrote there, later runs read this script's own output), otherwise the name
is title-cased. Names of
the other sex are dropped as for the US (share < 1/10 of the other sex's).
"""
from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from pathlib import Path

from _lib import DATASETS, SRC, title_name, write_value_weight
from extract_person import drop_cross_sex

SOURCE = ("INE, nombres por frecuencia y edad media (nombres_por_edad_media.xls: simple given names "
          "with 20+ residents), via victoriano/nominao@685934f; Fuente: INE")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "es_given_name_share.csv"


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn").upper()


def accented_spellings() -> dict[str, str]:
    """Unaccented capitals -> the accented spelling of the committed ES name lists."""
    out = {}
    for sex in ("male", "female"):
        path = DATASETS / f"common/person/given_name_{sex}_ES.csv"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            name = line.rsplit(",", 1)[0]
            if fold(name) != name.upper():  # has diacritics
                out.setdefault(fold(name), name)
    return out


def main() -> None:
    spelled = accented_spellings()
    counts = {"Male": Counter(), "Female": Counter()}
    with open(SRC / "ine" / "names_frecuencia_edad_media.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            raw = r["Nombre"].strip()
            name = spelled.get(fold(raw), title_name(raw))
            counts[r["Gender"]][name] += int(r["Frecuencia"])
    male, female, drop_m, drop_f = drop_cross_sex(list(counts["Male"].items()), list(counts["Female"].items()))
    lines = [f"# {SOURCE}",
             "# share = residents with the simple given name / all residents of the sex with a listed simple given name; top 20",
             "# written by datasets/tools/extract_es_given_names.py",
             "sex,given_name,share"]
    for sex, items, dropped in (("male", male, drop_m), ("female", female, drop_f)):
        write_value_weight(
            f"common/person/given_name_{sex}_ES.csv",
            [f"Source: {SOURCE}",
             "weight = residents with the name (published frequency); simple names only (compound names such as José Antonio are not in the source); accents restored from the package lists",
             f"dropped as names of the other sex (share < 1/10 of the other sex's): {', '.join(dropped) or 'none'}"],
            items,
        )
        total = sum(w for _, w in items)
        for name, w in sorted(items, key=lambda x: (-x[1], x[0]))[:20]:
            lines.append(f"{sex},{name},{w / total:.7f}")
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: 40 rows")


if __name__ == "__main__":
    main()
