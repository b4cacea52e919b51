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

Hypertension and lipid disorders are not in that file. They come from the RKI's indicator file of
its health reporting, "Gesundheitsberichterstattung - Daten zu nichtübertragbaren Erkrankungen"
(Robert Koch-Institut 2025, Zenodo doi 10.5281/zenodo.13736663, CC BY 4.0; GitHub
`robert-koch-institut/Gesundheitsberichterstattung_-_Daten_zu_nichtuebertragbaren_Erkrankungen`,
file `GBE_Indikatoren_nichtuebertragbarer_Erkrankungen.tsv`, commit 66c5b86): indicator 2060202
"Bluthochdruck: Prävalenz" (ever diagnosed by a physician), its latest wave GEDA 2022, and
indicator 2060203 "Fettstoffwechselstörung: Prävalenz", its latest wave 2025; rows of Germany,
all education groups, `beobachtet` (not age-standardised), by sex and age group. The file is
19.6 MB and was read here in pages, so its rows are transcribed in GBE_ROWS below; with
$DM_SRC/rki/GBE_Indikatoren_nichtuebertragbarer_Erkrankungen.tsv present the script reads them
from it and stops if they differ. The RKI does not report hypertension for women 18-29 in 2022
(200 respondents, too few cases); that cell takes the same indicator's GEDA 2012 figure (5.0 %,
1,217 respondents; 2012 and 2022 were both telephone surveys). The 2022 figure for men 18-29 is
flagged uncertain by the RKI (260 respondents).

Angststörung comes from the same file's indicator 2040301 "Angststörungen: Administrative
Prävalenz" (share of adults with statutory health insurance who had an anxiety-disorder
diagnosis, ICD-10 F40-F41, in the physicians' billing data of the year), its latest year 2024, by
sex and the ten-year bands 18-29 ... 70-79, 80+. These are counts of all insured, not a sample:
the file gives the cases (`Fälle`) and no `Stichprobe`; they are transcribed in GBE_ADMIN_ROWS and
checked like the others.

Children and adolescents are not surveyed by GEDA: below 18 the generator applies its rule for
ages under the first band (a quarter of that band's figure), which is illustrative.

Run `python3 datasets/tools/extract_de_condition_prevalence.py` (stdlib only).
"""
from __future__ import annotations

import csv
import os
from pathlib import Path

from _lib import write_prevalence_reference, write_table

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

GBE_FILE = SRC.parent / "GBE_Indikatoren_nichtuebertragbarer_Erkrankungen.tsv"
GBE_SOURCE = ("Robert Koch-Institut, GBE indicator file (doi 10.5281/zenodo.13736663, CC BY 4.0): "
              "2060202 hypertension ever diagnosed, GEDA 2022 (women 18-29: GEDA 2012); "
              "2060203 lipid disorders, 2025; 2040301 anxiety disorders, administrative prevalence "
              "among the statutorily insured, 2024; not age-standardised")
# GBE indicator -> condition name of healthcare/condition_DE
GBE_INDICATORS = {"2060202": "Bluthochdruck", "2060203": "Hyperlipidämie", "2040301": "Angststörung"}
# (indicator, year, Geschlecht_Name, Alter_ID, Wert in %, Stichprobe), transcribed from the file.
GBE_ROWS = [
    ("2060202", "2012", "Weiblich", "18-29", 5.0, 1217),
    ("2060202", "2022", "Weiblich", "30-44", 16.3, 410),
    ("2060202", "2022", "Weiblich", "45-64", 36.4, 1226),
    ("2060202", "2022", "Weiblich", "65-79", 60.4, 868),
    ("2060202", "2022", "Weiblich", "80+", 69.1, 415),
    ("2060202", "2022", "Männlich", "18-29", 10.2, 260),
    ("2060202", "2022", "Männlich", "30-44", 25.4, 411),
    ("2060202", "2022", "Männlich", "45-64", 41.9, 955),
    ("2060202", "2022", "Männlich", "65-79", 60.6, 703),
    ("2060202", "2022", "Männlich", "80+", 63.7, 312),
    ("2060203", "2025", "Weiblich", "18-29", 5.2, 2526),
    ("2060203", "2025", "Weiblich", "30-44", 10.0, 3799),
    ("2060203", "2025", "Weiblich", "45-64", 24.7, 6139),
    ("2060203", "2025", "Weiblich", "65-79", 39.6, 3877),
    ("2060203", "2025", "Weiblich", "80+", 37.7, 1408),
    ("2060203", "2025", "Männlich", "18-29", 2.7, 1666),
    ("2060203", "2025", "Männlich", "30-44", 9.9, 2981),
    ("2060203", "2025", "Männlich", "45-64", 28.0, 4790),
    ("2060203", "2025", "Männlich", "65-79", 39.9, 3581),
    ("2060203", "2025", "Männlich", "80+", 37.4, 1443),
]
# (indicator, year, Geschlecht_Name, Alter_ID, Wert in %, Fälle): administrative prevalence, all insured.
GBE_ADMIN_ROWS = [
    ("2040301", "2024", "Weiblich", "18-29", 8.92, 437454),
    ("2040301", "2024", "Weiblich", "30-39", 9.07, 458071),
    ("2040301", "2024", "Weiblich", "40-49", 10.12, 479783),
    ("2040301", "2024", "Weiblich", "50-59", 11.48, 620086),
    ("2040301", "2024", "Weiblich", "60-69", 11.72, 638817),
    ("2040301", "2024", "Weiblich", "70-79", 10.47, 388364),
    ("2040301", "2024", "Weiblich", "80+", 9.25, 346981),
    ("2040301", "2024", "Männlich", "18-29", 4.4, 204927),
    ("2040301", "2024", "Männlich", "30-39", 5.24, 238628),
    ("2040301", "2024", "Männlich", "40-49", 5.81, 239980),
    ("2040301", "2024", "Männlich", "50-59", 6.58, 306053),
    ("2040301", "2024", "Männlich", "60-69", 6.56, 305988),
    ("2040301", "2024", "Männlich", "70-79", 5.35, 152427),
    ("2040301", "2024", "Männlich", "80+", 4.72, 104771),
]
GBE_AGES = {"18-29": (18, 29), "30-44": (30, 44), "45-64": (45, 64), "65-79": (65, 79), "80+": (80, 120),
            "30-39": (30, 39), "40-49": (40, 49), "50-59": (50, 59), "60-69": (60, 69), "70-79": (70, 79)}
GBE_SEXES = {"Weiblich": "female", "Männlich": "male"}


def check_gbe_rows() -> None:
    """Compare the transcribed rows with the RKI file when it is at hand."""
    if not GBE_FILE.exists():
        print(f"note: {GBE_FILE} not present; using the transcribed GBE rows")
        return
    wanted = {(i, y, g, a): (v, n) for i, y, g, a, v, n in GBE_ROWS}
    wanted |= {(i, y, g, a): (v, ("cases", n)) for i, y, g, a, v, n in GBE_ADMIN_ROWS}
    seen = {}
    with GBE_FILE.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            key = (r["Indikator_ID"], r["Zeitraum_Name"], r["Geschlecht_Name"], r["Alter_ID"])
            if key not in wanted or r["Region_ID"] != "00" or r["Standardisierung_Name"] != "beobachtet":
                continue
            if r["Bildung_Casmin_ID"] == "0":  # survey indicator, all education groups
                seen[key] = (float(r["Wert"]), int(r["Stichprobe"]))
            elif r["Bildung_Casmin_ID"] == "NA" and r["GISD_ID"] == "0":  # billing data, all regions' deprivation
                seen[key] = (float(r["Wert"]), ("cases", int(r["Fälle"])))
    for key, value in wanted.items():
        if seen.get(key) != value:
            raise SystemExit(f"GBE row {key}: file has {seen.get(key)}, transcribed {value}")


def gbe_rows() -> list[tuple[str, int, int, str, float, str, int]]:
    """(condition, age_min, age_max, sex, prevalence, cases (unknown), respondents)."""
    check_gbe_rows()
    out = []
    for indicator, _year, sex, age, percent, cases in GBE_ADMIN_ROWS:
        lo, hi = GBE_AGES[age]
        out.append((GBE_INDICATORS[indicator], lo, hi, GBE_SEXES[sex], round(percent / 100, 5), cases, "NA"))
    for indicator, _year, sex, age, percent, respondents in GBE_ROWS:
        lo, hi = GBE_AGES[age]
        out.append((GBE_INDICATORS[indicator], lo, hi, GBE_SEXES[sex], round(percent / 100, 5), "NA",
                    respondents))
    return out


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
    rows = sorted(geda_rows() + gbe_rows(), key=lambda row: (row[0], row[1], row[3]))
    table = [[c, lo, hi, sex, p, p] for c, lo, hi, sex, p, _, _ in rows]
    write_table("healthcare/condition_prevalence_DE.csv", [
        f"Source: {SOURCE}; Bluthochdruck, Hyperlipidämie and Angststörung: {GBE_SOURCE}",
        "prevalence = fraction of people in the age band (and sex) with the condition; weight = prevalence; per band either one 'all' row or male+female rows"],
        ["condition", "age_min", "age_max", "sex", "prevalence", "weight"], table)
    write_prevalence_reference(REFERENCE, [
        SOURCE,
        f"Bluthochdruck, Hyperlipidämie and Angststörung: {GBE_SOURCE}",
        "cases and respondents are the survey's unweighted counts (cases NA where the RKI gives none); prevalence is the RKI's weighted share; Angststörung: cases are the insured with the diagnosis (billing data of all statutorily insured, respondents NA)",
        "written by datasets/tools/extract_de_condition_prevalence.py"], rows)


if __name__ == "__main__":
    main()
