"""common/organization/department_DE.csv and tests/it/reference/department_de.csv.

DATAMIMIC's 13 German department names (`DepartmentNameGenerator(locale='de')`,
datamimic-ce@4.3.0), each weighted by the people employed in Germany in the occupations that do
the department's work, as `extract_department.py` weights the US list: employees subject to social
insurance (sozialversicherungspflichtig Beschäftigte, at their place of work) by the occupation
they practise, KldB 2010 Berufsgruppe (3 digits), Statistik der Bundesagentur für Arbeit, delivery
no. 408036, summed over the 400 Kreise for YEAR. Read from `data/employees_by_workplace.rda` of the
R data package badata 0.2.0 (github.com/RegioHub/badata, MIT), which carries that delivery; copy it
to $DM_SRC/badata/ (the file is read with the stdlib reader `_rda.py`). Cells the BA suppresses
for confidentiality (fewer than 3 people in a Kreis) are missing and count as 0.

Which occupations make up a department is the mapping `OCCUPATIONS` below, chosen here by the US
list's rules: one department per occupation group; office functions by their specialists, clerks
and managers; Fertigung by the production groups of KldB area 2 that work in plants; Logistik by
warehousing, dispatch and logistics clerks; Vertrieb by business-to-business selling and trade,
not retail (62x); groups that are no company department's (teachers, nurses, drivers, cooks,
cleaners, retail, construction and installation trades, vehicle repair 252, energy installation
262, mining 211, office clerks and secretaries 714, who serve every department) are left out.

Where the three-digit KldB files two departments in one group, the group goes to one of them:
engineers sit with their field's production occupations (251, 263 ... go to Fertigung), purchasing
sits with sales in 611 (Vertrieb), controlling with accounting in 722 (Buchhaltung), and Finanzen
is 721 Versicherungs- und Finanzdienstleistungen (bank and insurance clerks, investment advisers,
financial analysts), which the US list leaves mostly out (tellers, loan officers). Kundensupport has
no group of its own: BA files dialogue marketing (call centres, 9212) and customer management
(9213) with advertising and marketing (9211) in group 921. `SHARED` splits 921 in equal halves
between Marketing and Kundensupport; that halving is a choice, not a statistic (no count below the
three-digit group was reachable).

Run: python3 datasets/tools/extract_de_department.py (stdlib; needs $DM_SRC/badata/
employees_by_workplace.rda, about 3 minutes)
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from _lib import SRC, write_value_weight
from _rda import data_frame, read_rda
from extract_faker_vocabularies import department_lists

RDA = SRC / "badata" / "employees_by_workplace.rda"
REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference/department_de.csv"
YEAR = 2025
SOURCE = (f"Statistik der Bundesagentur für Arbeit, sozialversicherungspflichtig Beschäftigte am Arbeitsort nach "
          f"ausgeübter Tätigkeit (KldB 2010, Berufsgruppen), Auftrag 408036, {YEAR}, Germany (sum of the Kreise), via "
          f"the R package badata 0.2.0 (MIT); © Statistik der Bundesagentur für Arbeit, department sums our own calculation")

# department -> KldB 2010 Berufsgruppen (3 digits) whose employees do its work
OCCUPATIONS: dict[str, list[str]] = {
    "Betrieb": [
        "711",  # Geschäftsführung und Vorstand
        "713",  # Unternehmensorganisation und -strategie
    ],
    "Buchhaltung": [
        "722",  # Rechnungswesen, Controlling und Revision
        "723",  # Steuerberatung
    ],
    "Entwicklung": [
        "271",  # Technische Forschung und Entwicklung
        "272",  # Technisches Zeichnen, Konstruktion, Modellbau
    ],
    "Fertigung": [
        "212",  # Naturstein-, Mineral-, Baustoffherstellung
        "213",  # Industrielle Glasherstellung und -verarbeitung
        "214",  # Industrielle Keramikherstellung und -verarbeitung
        "221",  # Kunststoff- und Kautschukherstellung und -verarbeitung
        "222",  # Farb- und Lacktechnik
        "223",  # Holzbe- und -verarbeitung
        "231",  # Papier- und Verpackungstechnik
        "234",  # Drucktechnik, -weiterverarbeitung, Buchbinderei
        "241",  # Metallerzeugung
        "242",  # Metallbearbeitung
        "243",  # Metalloberflächenbehandlung
        "244",  # Metallbau und Schweißtechnik
        "245",  # Feinwerk- und Werkzeugtechnik
        "251",  # Maschinenbau- und Betriebstechnik
        "261",  # Mechatronik und Automatisierungstechnik
        "263",  # Elektrotechnik
        "273",  # Technische Produktionsplanung und -steuerung
        "281",  # Textiltechnik und -produktion
        "282",  # Textilverarbeitung
        "283",  # Leder-, Pelzherstellung und -verarbeitung
        "291",  # Getränkeherstellung
        "292",  # Lebensmittel- und Genussmittelherstellung
    ],
    "Finanzen": [
        "721",  # Versicherungs- und Finanzdienstleistungen
    ],
    "Forschung und Entwicklung": [
        "412",  # Biologie
        "413",  # Chemie
        "414",  # Physik
    ],
    "Human Resources": [
        "715",  # Personalwesen und -dienstleistung
    ],
    "IT": [
        "431",  # Informatik
        "432",  # IT-Systemanalyse, Anwenderberatung, IT-Vertrieb
        "433",  # IT-Netzwerktechnik, -Koordination, -Administration, -Organisation
        "434",  # Softwareentwicklung und Programmierung
    ],
    "Kundensupport": [],  # half of 921 (SHARED)
    "Logistik": [
        "513",  # Lagerwirtschaft, Post, Zustellung, Güterumschlag
        "516",  # Kaufleute - Verkehr und Logistik
    ],
    "Marketing": [
        "922",  # Öffentlichkeitsarbeit
    ],  # and half of 921 (SHARED)
    "Recht": [
        "731",  # Rechtsberatung, -sprechung und -ordnung
    ],
    "Vertrieb": [
        "611",  # Einkauf und Vertrieb
        "612",  # Handel (Groß- und Außenhandel)
    ],
}

# KldB group -> departments that split it in equal parts (see the module docstring)
SHARED: dict[str, tuple[str, ...]] = {
    "921": ("Marketing", "Kundensupport"),  # Werbung und Marketing: 9211 marketing, 9212 dialogue marketing, 9213 customer management
}


def employees_by_group() -> dict[str, float]:
    """KldB 3-digit group -> employees subject to social insurance in YEAR, Germany."""
    if not RDA.exists():
        raise SystemExit(f"missing {RDA}: copy data/employees_by_workplace.rda of github.com/RegioHub/badata there")
    frame = data_frame(read_rda(RDA)["employees_by_workplace"])
    counts: dict[str, float] = defaultdict(float)
    rows = zip(frame["occupational_group"], frame["year"], frame["type"], frame["group"], frame["n"])
    for group, year, kind, who, n in rows:
        if year == YEAR and kind == "social insurance" and who == "total" and n is not None:
            counts[group] += n
    if not counts:
        raise SystemExit(f"{RDA}: no employees subject to social insurance for {YEAR}")
    return counts


def department_counts(counts: dict[str, float]) -> dict[str, int]:
    weights: dict[str, float] = {}
    seen: set[str] = set()
    for department, groups in OCCUPATIONS.items():
        unknown = [g for g in groups if g not in counts]
        if unknown:
            raise SystemExit(f"{department}: no employees in KldB group(s) {unknown} for {YEAR}")
        twice = seen.intersection(groups) | seen.intersection(SHARED)
        assert not twice, f"{department}: already in another department: {twice}"
        seen.update(groups)
        weights[department] = sum(counts[g] for g in groups)
    for group, departments in SHARED.items():
        assert group not in seen, group
        for department in departments:
            weights[department] += counts[group] / len(departments)
    return {d: round(w) for d, w in weights.items()}


def main() -> None:
    names = department_lists()["DE"]
    assert sorted(names) == sorted(OCCUPATIONS), (names, list(OCCUPATIONS))
    rows = department_counts(employees_by_group())
    assert all(n > 0 for n in rows.values()), rows
    write_value_weight(
        "common/organization/department_DE.csv",
        ["Source: datamimic-ce@4.3.0 (MIT) department_name_generator.py (de; the names); weights: " + SOURCE,
         "weight: employees in the occupation groups that do the department's work (mapping in "
         "datasets/tools/extract_de_department.py; Marketing and Kundensupport split group 921 in halves)"],
        rows.items(),
        sort="value",
    )
    total = sum(rows.values())
    ranked = sorted(rows.items(), key=lambda r: -r[1])
    reference = ["# Source: " + SOURCE,
                 "# Each department's share of the employees in the occupation groups mapped to the 13 departments "
                 "(datasets/tools/extract_de_department.py)",
                 "department,share"]
    reference += [f"{d},{n / total:.6f}" for d, n in ranked]
    REFERENCE.write_text("\n".join(reference) + "\n", encoding="utf-8", newline="\n")
    print(", ".join(f"{d} {n / total:.1%}" for d, n in ranked))


if __name__ == "__main__":
    main()
