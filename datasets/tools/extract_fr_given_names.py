"""FR given names by birth decade from INSEE's Fichier des prénoms (édition 2025).

Writes common/person/given_name_by_decade_{male,female}_FR.csv, the all-ages
common/person/given_name_{male,female}_FR.csv (births 1940-2009) and the test reference
tests/reference/fr_given_name_by_decade.csv.

Source: INSEE, Fichier des prénoms, édition 2025 (births in France 1900-2024 by first name,
sex and year; counts rounded by INSEE; Licence Ouverte / Open Licence 2.0 Etalab, "Source :
Insee, Fichier des prénoms"). Read from the national-level extract `frontend/static/data.parquet`
of github.com/mthiboust/prenomscope at commit 9a07102 (columns sexe, prenom, periode, valeur;
the extract keeps INSEE's national rows and drops the _PRENOMS_RARES aggregate). Put that file
into $DM_SRC/insee/prenomscope-data.parquet and run with pyarrow:
`/tmp/dmvenv/bin/python datasets/tools/extract_fr_given_names.py`.

Per decade (1900, ..., 2020 = 2020-2024) and sex: births summed over the decade's years, names
of the other sex dropped as for the US (share < 1/10 of the other sex's: Marie among boys,
Jean among girls), then the top 1,000 with the tail rule of extract_person.keep_tail_mass.
Total = all listed births of the sex (the rare-names aggregate is not in the extract).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, title_name, top_ten_shares, write_decade_reference, write_table, write_value_weight
from extract_person import HEAD_SHARE, drop_cross_sex, keep_tail_mass

P = "common/person/"
PER_DECADE = 1000
ALL_AGES = 5000
SOURCE = ("INSEE, Fichier des prénoms, édition 2025 (births 1900-2024, national level); Licence "
          "Ouverte 2.0 Etalab; via mthiboust/prenomscope@9a07102 frontend/static/data.parquet")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "fr_given_name_by_decade.csv"


def main() -> None:
    import pyarrow.parquet as pq

    rows = pq.read_table(str(SRC / "insee" / "prenomscope-data.parquet"),
                         columns=["sexe", "prenom", "periode", "valeur"]).to_pylist()
    counts = defaultdict(Counter)
    for r in rows:
        if r["prenom"].startswith("_") or not r["periode"].isdigit():
            continue
        sex = {"1": "male", "2": "female"}[r["sexe"]]
        counts[(int(r["periode"]) // 10 * 10, sex)][title_name(r["prenom"])] += r["valeur"]
    decades = sorted({d for d, _ in counts})
    head = round(PER_DECADE * HEAD_SHARE)
    out = {"male": [], "female": []}
    for decade in decades:
        male, female = counts[(decade, "male")], counts[(decade, "female")]
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(male.items()), list(female.items()))
        for sex, items, dropped, all_counts in (("male", m_items, drop_m, male), ("female", f_items, drop_f, female)):
            total = sum(all_counts.values()) - sum(all_counts[n] for n in dropped)
            items.sort(key=lambda r: (-r[1], r[0]))
            for name, w in keep_tail_mass(items[:PER_DECADE], total, head):
                out[sex].append([name, decade, w])
    for sex, table in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_FR.csv",
                    [f"Source: {SOURCE}",
                     f"decade = first year of the birth decade ({decades[0]}-{decades[-1]}; 2020 covers 2020-2024); weight = births given the name in the decade (published counts); names of the other sex (share < 1/10 of the other sex's) dropped",
                     f"per decade the top {PER_DECADE}: the first {head} keep their counts, the rest carry the mass of all names beyond the cut (scaled)"],
                    ["given_name", "decade", "weight"], table)
    # All ages: births of the people aged about 15-85 today (born 1940-2009), summed.
    for sex in ("male", "female"):
        born = Counter()
        for decade in range(1940, 2010, 10):
            born.update(counts[(decade, sex)])
        other = Counter()
        for decade in range(1940, 2010, 10):
            other.update(counts[(decade, "female" if sex == "male" else "male")])
        own, _, dropped, _ = drop_cross_sex(list(born.items()), list(other.items()))
        total = sum(born.values()) - sum(born[n] for n in dropped)
        own.sort(key=lambda r: (-r[1], r[0]))
        write_value_weight(
            f"{P}given_name_{sex}_FR.csv",
            [f"Source: {SOURCE}",
             f"weight = births 1940-2009 given the name (people aged about 15-85, before mortality and migration); names of the other sex dropped; top {ALL_AGES}: the first {round(ALL_AGES * HEAD_SHARE)} keep their counts, the rest carry the mass of all names beyond the cut (scaled)",
             "Person draws FR given names from given_name_by_decade_*_FR (the birth decade); this table serves the entities without a birth date"],
            keep_tail_mass(own[:ALL_AGES], total, round(ALL_AGES * HEAD_SHARE)),
        )
    rows = [row for decade in (1960, 2000) for sex in ("male", "female")
            for row in top_ten_shares(decade, sex, counts[(decade, sex)])]
    write_decade_reference(REFERENCE, SOURCE, "births of the sex in the decade given the name / all listed births of the sex in the decade; top 10",
                           "extract_fr_given_names.py", rows)


if __name__ == "__main__":
    main()
