"""DE condition prevalence by age band and sex, from the Robert Koch-Institut's GEDA 2019/2020-EHIS
open data set.

Writes healthcare/condition_prevalence_DE.csv and tests/it/reference/condition_prevalence_de.csv.

Source: Robert Koch-Institut (2022), "Gesundheit in Deutschland aktuell - GEDA 2019/2020-EHIS"
[data set], Zenodo, doi 10.5281/zenodo.7214473, licence CC BY 4.0; the file
`Gesundheit_in_Deutschland_aktuell_-_2019-2020-EHIS.csv` of the RKI's GitHub repository
`robert-koch-institut/Gesundheit_in_Deutschland_Aktuell` (commit 3aa6c6b8 or later). It holds the
weighted 12-month prevalence (`Percent`) of each indicator by age group and sex for Germany;
rows with `Standard` 0 (as observed, not age-standardised), `Bildungsgruppe` Gesamt and
`Bundesland` Deutschland are used. Copy the file to $DM_SRC/rki/geda_2019_2020_ehis.csv
(`git show HEAD:Gesundheit_in_Deutschland_aktuell_-_2019-2020-EHIS.csv` in a clone).

Each indicator is the survey's question, which is not always the clinical diagnosis of the
condition it stands for: "Diabetes Typ 2" takes all known diabetes except gestational diabetes
(type 2 is about nine in ten of it), "Depression" the current depressive symptoms (PHQ-8 score of
10 or more), "Arthrose" osteoarthritis, "Adipositas" a self-reported BMI of 30 or more. Where a
cell has no respondent with the condition (stroke, men 18-29: 0 of 1,188), the prevalence is 0.

Hypertension is not in this file; its rows stay those of GEDA 2014/2015-EHIS (kept below with
their source). Children and adolescents are not surveyed by GEDA: below 18 the generator applies
its rule for ages under the first band (a quarter of that band's figure), which is illustrative.

Run `python3 datasets/tools/extract_de_condition_prevalence.py` (stdlib only).
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

from _lib import write_table

SRC = Path(os.environ.get("DM_SRC", "/tmp/dmsrc")) / "rki" / "geda_2019_2020_ehis.csv"
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "it" / "reference" / "condition_prevalence_de.csv"
SOURCE = ("Robert Koch-Institut, GEDA 2019/2020-EHIS open data (doi 10.5281/zenodo.7214473, CC BY 4.0): "
          "12-month prevalence by age group and sex, Germany, not age-standardised")

# GEDA variable -> condition name of healthcare/condition_DE
VARIABLES = {
    "KHab12": "Asthma",
    "KHalgi112": "Allergien",
    "KHcb12B": "COPD",
    "KHdge12": "Arthrose",
    "KHdiabB12": "Diabetes Typ 2",
    "KHmyokhk12": "Koronare Herzkrankheit",
    "KHBBsa12": "Schlaganfall",
    "PAadiposB": "Adipositas",
    "PKPHQ8_k6": "Depression",
}
AGE_GROUPS = {
    "18 - 29 Jahre": (18, 29),
    "30 - 44 Jahre": (30, 44),
    "45 - 64 Jahre": (45, 64),
    "65 - 79 Jahre": (65, 79),
    "80 + Jahre": (80, 120),
    "65 + Jahre": (65, 120),
}
SEXES = {"Frauen": "female", "Männer": "male"}

# Not in the GEDA 2019/2020 file: RKI GEDA 2014/2015-EHIS, J Health Monit 2017 2(1): adults
# "nearly one in three" (31.8 %), 65+ "nearly two thirds"; 18-64 derived from the two (65+ about
# 26 % of adults).
HYPERTENSION = [("Bluthochdruck", 18, 64, "all", 0.21), ("Bluthochdruck", 65, 120, "all", 0.63)]


def geda_rows() -> list[tuple[str, int, int, str, float, int, int]]:
    """(condition, age_min, age_max, sex, prevalence, cases, respondents) per published cell."""
    if not SRC.exists():
        raise SystemExit(f"missing {SRC}: copy the RKI file there (see the docstring)")
    out = []
    with SRC.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if (r["Variable"] not in VARIABLES or r["Standard"] != "0" or r["Bundesland"] != "Deutschland"
                    or r["Bildungsgruppe"] != "Gesamt" or r["Gender"] not in SEXES
                    or r["Altersgruppe"] not in AGE_GROUPS):
                continue
            cases, respondents = int(r["Frequency"]), int(r["Freq_ges"])
            if r["Percent"] == "NA":
                # The RKI leaves the share out where nobody reported the condition.
                assert cases == 0, r
                percent = 0.0
            else:
                percent = float(r["Percent"])
            lo, hi = AGE_GROUPS[r["Altersgruppe"]]
            out.append((VARIABLES[r["Variable"]], lo, hi, SEXES[r["Gender"]], round(percent / 100, 5),
                        cases, respondents))
    found = {row[0] for row in out}
    assert found == set(VARIABLES.values()), sorted(set(VARIABLES.values()) - found)
    return sorted(out, key=lambda row: (row[0], row[1], row[3]))


def main() -> None:
    rows = geda_rows()
    table = [[c, lo, hi, sex, p, p] for c, lo, hi, sex, p, _, _ in rows]
    table += [[c, lo, hi, sex, p, p] for c, lo, hi, sex, p in HYPERTENSION]
    table.sort(key=lambda r: (r[0], r[1], r[3]))
    write_table("healthcare/condition_prevalence_DE.csv", [
        f"Source: {SOURCE}; Bluthochdruck: RKI GEDA 2014/2015-EHIS (J Health Monit 2017 2(1); 18-64 derived)",
        "prevalence = fraction of people in the age band (and sex) with the condition; weight = prevalence; per band either one 'all' row or male+female rows"],
        ["condition", "age_min", "age_max", "sex", "prevalence", "weight"], table)
    lines = [f"# {SOURCE}",
             "# cases and respondents are the survey's unweighted counts; prevalence is the RKI's weighted share",
             "# written by datasets/tools/extract_de_condition_prevalence.py",
             "condition,age_min,age_max,sex,prevalence,cases,respondents"]
    lines += [f"{c},{lo},{hi},{sex},{p},{n},{m}" for c, lo, hi, sex, p, n, m in rows]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"healthcare/condition_prevalence_DE.csv: {len(table)} rows; tests/it/reference/{REFERENCE.name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
