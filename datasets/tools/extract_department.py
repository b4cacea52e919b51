"""common/organization/department_US.csv and tests/it/reference/department_us.csv.

DATAMIMIC's 13 English department names (`DepartmentNameGenerator`, datamimic-ce@4.3.0), each
weighted by the people employed in the United States in the occupations that do the department's
work: the detailed occupations of the U.S. Census Bureau's ACS 2018 table B24114 (civilian employed
population 16 years and over), read from the committed `common/organization/job.csv` that
`extract_faker_vocabularies.py` writes from that table.

Which occupations make up a department is the mapping `OCCUPATIONS` below (chosen here, one
department per occupation, exact ACS titles): office functions by their specialists, clerks and
managers; Manufacturing by the production occupations (SOC major group 51) that work in plants;
Logistics by the warehouse, shipping and dispatch occupations; Sales by business-to-business
selling (wholesale and manufacturing representatives, sales engineers, sales managers), not retail
store staff. Occupations that are not a company department's (teachers, nurses, drivers, retail
clerks, construction trades ...) are left out, so a weight is the department's employment, not a
share of all jobs.

The German list is weighted the same way by `extract_de_department.py` (Bundesagentur für Arbeit,
KldB 2010 groups); the Vietnamese list stays as DATAMIMIC ships it (uniform): no employment count by
detailed occupation for Viet Nam was found (see SOURCES.md).

Run: python3 datasets/tools/extract_department.py (stdlib; needs the datamimic wheel in $DM_SRC
and the committed job.csv)
"""
from __future__ import annotations

import csv
from pathlib import Path

from _lib import DATASETS, write_value_weight
from extract_faker_vocabularies import department_lists

REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference/department_us.csv"
SOURCE = ("U.S. Census Bureau, American Community Survey 2018 1-year, table B24114 (detailed occupation of the "
          "civilian employed population 16 years and over), United States; public domain")

OCCUPATIONS: dict[str, list[str]] = {
    "Accounting": [
        "Accountants and auditors",
        "Bookkeeping, accounting, and auditing clerks",
        "Billing and posting clerks",
        "Payroll and timekeeping clerks",
        "Tax preparers",
    ],
    "Customer Support": [
        "Customer service representatives",
    ],
    "Engineering": [
        "Architectural and engineering managers",
        "Aerospace engineers",
        "Agricultural engineers",
        "Bioengineers and biomedical engineers",
        "Chemical engineers",
        "Civil engineers",
        "Computer hardware engineers",
        "Electrical and electronics engineers",
        "Environmental engineers",
        "Industrial engineers, including health and safety",
        "Marine engineers and naval architects",
        "Materials engineers",
        "Mechanical engineers",
        "Mining and geological engineers, including mining safety engineers",
        "Nuclear engineers",
        "Petroleum engineers",
        "Architectural and civil drafters",
        "Other drafters",
        "Electrical and electronic engineering technologists and technicians",
        "Other engineering technologists and technicians, except drafters",
    ],
    "Finance": [
        "Financial managers",
        "Financial and investment analysts",
        "Budget analysts",
        "Credit analysts",
        "Other financial specialists",
        "Bill and account collectors",
    ],
    "Human Resources": [
        "Human resources managers",
        "Human resources workers",
        "Human resources assistants, except payroll and timekeeping",
        "Compensation and benefits managers",
        "Compensation, benefits, and job analysis specialists",
        "Training and development managers",
        "Training and development specialists",
    ],
    "IT": [
        "Computer and information systems managers",
        "Software developers",
        "Software quality assurance analysts and testers",
        "Computer programmers",
        "Computer systems analysts",
        "Computer support specialists",
        "Network and computer systems administrators",
        "Computer network architects",
        "Database administrators and architects",
        "Web developers",
        "Information security analysts",
        "Computer occupations, all other",
    ],
    "Legal": [
        "Lawyers",
        "Paralegals and legal assistants",
        "Legal secretaries and administrative assistants",
        "Legal support workers, all other",
        "Compliance officers",
    ],
    "Logistics": [
        "Transportation, storage, and distribution managers",
        "Logisticians",
        "Shipping, receiving, and inventory clerks",
        "Cargo and freight agents",
        "Dispatchers, except police, fire, and ambulance",
        "Industrial truck and tractor operators",
        "Laborers and freight, stock, and material movers, hand",
        "Packers and packagers, hand",
    ],
    "Manufacturing": [
        "Industrial production managers",
        "First-line supervisors of production and operating workers",
        "Aircraft structure, surfaces, rigging, and systems assemblers",
        "Electrical, electronics, and electromechanical assemblers",
        "Engine and other machine assemblers",
        "Structural metal fabricators and fitters",
        "Other assemblers and fabricators",
        "Machinists",
        "Tool and die makers",
        "Model makers and patternmakers, metal and plastic",
        "Computer numerically controlled tool operators and programmers",
        "Cutting, punching, and press machine setters, operators, and tenders, metal and plastic",
        "Extruding, forming, pressing, and compacting machine setters, operators, and tenders",
        "Forming machine setters, operators, and tenders, metal and plastic",
        "Grinding, lapping, polishing, and buffing machine tool setters, operators, and tenders, metal and plastic",
        "Metal furnace operators, tenders, pourers, and casters",
        "Molders and molding machine setters, operators, and tenders, metal and plastic",
        "Molders, shapers, and casters, except metal and plastic",
        "Other machine tool setters, operators, and tenders, metal and plastic",
        "Other metal workers and plastic workers",
        "Welding, soldering, and brazing workers",
        "Chemical processing machine setters, operators, and tenders",
        "Crushing, grinding, polishing, mixing, and blending workers",
        "Cutting workers",
        "Adhesive bonding machine operators and tenders",
        "Furnace, kiln, oven, drier, and kettle operators and tenders",
        "Food cooking machine operators and tenders",
        "Food and tobacco roasting, baking, and drying machine operators and tenders",
        "Paper goods machine setters, operators, and tenders",
        "Printing press operators",
        "Sewing machine operators",
        "Textile machine setters, operators, and tenders",
        "Sawing machine setters, operators, and tenders, wood",
        "Woodworking machine setters, operators, and tenders, except sawing",
        "Other woodworkers",
        "Packaging and filling machine operators and tenders",
        "Machine feeders and offbearers",
        "Other production equipment operators and tenders",
        "Inspectors, testers, sorters, samplers, and weighers",
        "Helpers--production workers",
        "Other production workers",
    ],
    "Marketing": [
        "Marketing managers",
        "Advertising and promotions managers",
        "Market research analysts and marketing specialists",
        "Public relations specialists",
        "Public relations and fundraising managers",
    ],
    "Operations": [
        "General and operations managers",
        "Management analysts",
        "Project management specialists",
        "Operations research analysts",
        "Business operations specialists, all other",
        "Administrative services managers",
        "Facilities managers",
        "Purchasing managers",
        "Purchasing agents, except wholesale, retail, and farm products",
        "Procurement clerks",
    ],
    "Research and Development": [
        "Computer and information research scientists",
        "Biological scientists",
        "Chemists and materials scientists",
        "Astronomers and physicists",
        "Medical scientists",
        "Agricultural and food scientists",
        "Physical scientists, all other",
        "Life scientists, all other",
        "Biological technicians",
        "Chemical technicians",
    ],
    "Sales": [
        "Sales managers",
        "First-line supervisors of non-retail sales workers",
        "Sales representatives, wholesale and manufacturing",
        "Sales engineers",
    ],
}


def employed() -> dict[str, int]:
    """ACS title -> people employed, from the committed job table."""
    with (DATASETS / "common/organization/job.csv").open(encoding="utf-8") as f:
        return {row[0]: int(row[1]) for row in csv.reader(line for line in f if not line.startswith("#"))}


def main() -> None:
    counts = employed()
    names = department_lists()["US"]
    assert sorted(names) == sorted(OCCUPATIONS), (names, list(OCCUPATIONS))
    seen: set[str] = set()
    rows = []
    for department, titles in OCCUPATIONS.items():
        unknown = [t for t in titles if t not in counts]
        if unknown:
            raise SystemExit(f"{department}: not an ACS B24114 title in job.csv: {unknown}")
        twice = seen.intersection(titles)
        assert not twice, f"{department}: already in another department: {twice}"
        seen.update(titles)
        rows.append((department, sum(counts[t] for t in titles)))
    write_value_weight(
        "common/organization/department_US.csv",
        [f"Source: datamimic-ce@4.3.0 (MIT) department_name_generator.py (en; the names); weights: {SOURCE}",
         "weight: people employed in the occupations that do the department's work (mapping in "
         "datasets/tools/extract_department.py)"],
        rows,
        sort="value",
    )
    total = sum(n for _, n in rows)
    reference = ["# Source: " + SOURCE,
                 "# Each department's share of the people employed in the occupations mapped to the 13 departments "
                 "(datasets/tools/extract_department.py)",
                 "department,share"]
    reference += [f"{d},{n / total:.6f}" for d, n in sorted(rows, key=lambda r: -r[1])]
    REFERENCE.write_text("\n".join(reference) + "\n", encoding="utf-8")
    print(", ".join(f"{d} {n / total:.1%}" for d, n in sorted(rows, key=lambda r: -r[1])))


if __name__ == "__main__":
    main()
