"""PL given names by birth decade from the first names given to children born in 2000-2019.

Writes common/person/given_name_by_decade_{male,female}_PL.csv and the test reference
tests/reference/pl_given_name_by_decade.csv. The all-ages given_name_{male,female}_PL.csv stay
as extract_person.py writes them: Person draws from them for people born before 2000.

Source: Ministry of Digitization, "Imiona nadane dzieciom w Polsce w latach 2000-2019" (dane.gov.pl,
the first names registered in the PESEL register for the children born in each year, by sex;
open data, free reuse with attribution), as aggregated into `data/pl.json` of
github.com/ldvdp/Nombretorio at commit 0eb57d5 (2026): `M5K`/`W5K` hold every listed name with
its births summed over 2000-2019 (1,841 boys' and 1,803 girls' names), `BB`/`BG` the yearly
births 2000-2019 of the 220 most common names of each sex (98.6 % of the listed boys, 98.3 % of
the girls). Put the file into $DM_SRC/dane_gov_pl/pl.json and run
`python3 datasets/tools/extract_pl_given_names.py` (stdlib only).

Decades 2000 (2000-2009) and 2010 (2010-2019): the 220 names per sex keep their yearly counts
summed per decade; the other names (under 2 % of the births) have only their 2000-2019 totals,
split between the decades in the ratio of the 220 names' decade totals (illustrative split).
Names listed for both sexes are dropped from the sex where their share is below 1/10 of the
other's, as for the US.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from _lib import SRC, write_table
from extract_person import drop_cross_sex

P = "common/person/"
SOURCE = ("Ministry of Digitization, first names given to children born in Poland 2000-2019 (dane.gov.pl, PESEL), "
          "via ldvdp/Nombretorio@0eb57d5 data/pl.json")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "pl_given_name_by_decade.csv"
DECADES = (2000, 2010)


def decade_counts(totals: list, yearly: list) -> dict[int, Counter]:
    """Births per name and decade: yearly series where published, else the total split."""
    out = {d: Counter() for d in DECADES}
    series = {e["n"]: e["y"] for e in yearly}
    assert all(len(y) == 20 for y in series.values())
    for name, y in series.items():
        out[2000][name] += sum(y[:10])
        out[2010][name] += sum(y[10:])
    first = sum(out[2000].values()) / (sum(out[2000].values()) + sum(out[2010].values()))
    for name, _rank, total in totals:
        if name not in series:
            out[2000][name] += total * first
            out[2010][name] += total * (1 - first)
    return out


def main() -> None:
    data = json.loads((SRC / "dane_gov_pl" / "pl.json").read_text(encoding="utf-8"))
    assert (data["meta"]["y0"], data["meta"]["yN"]) == (2000, 2019), data["meta"]
    by_sex = {"male": decade_counts(data["M5K"], data["BB"]), "female": decade_counts(data["W5K"], data["BG"])}
    out = {"male": [], "female": []}
    lines = [f"# {SOURCE}",
             "# share = children of the sex born in the decade given the name / all listed children of the sex born then; top 10 (all from the yearly series)",
             "# written by datasets/tools/extract_pl_given_names.py",
             "decade,sex,given_name,share"]
    for decade in DECADES:
        male, female = by_sex["male"][decade], by_sex["female"][decade]
        m_items, f_items, _, _ = drop_cross_sex(list(male.items()), list(female.items()))
        for sex, items, counts in (("male", m_items, male), ("female", f_items, female)):
            items.sort(key=lambda r: (-r[1], r[0]))
            out[sex] += [[name, decade, round(w, 1)] for name, w in items if w >= 0.5]
            total = sum(counts.values())
            lines += [f"{decade},{sex},{name},{w / total:.7f}" for name, w in items[:10]]
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_PL.csv",
                    [f"Source: {SOURCE}",
                     "decade = first year of the birth decade (2000 = 2000-2009, 2010 = 2010-2019); weight = children given the name: "
                     "the 220 most common names per sex from their yearly counts, the others (under 2 %) from their 2000-2019 totals split "
                     "in the ratio of the decades' births (illustrative split); names of the other sex (share < 1/10 of the other sex's) dropped",
                     f"people born before 2000 draw from given_name_{sex}_PL.csv"],
                    ["given_name", "decade", "weight"], rows)
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: {len(lines) - 4} rows")


if __name__ == "__main__":
    main()
