"""US condition prevalence by age band (and sex), from CDC/NCHS.

Writes healthcare/condition_prevalence_US.csv and tests/it/reference/condition_prevalence_us_nhanes.csv.

Two kinds of rows:

* published (`extract_industry_curated.PREVALENCE["US"]`): hypertension, obesity, type 2
  diabetes and asthma by age band from NCHS data briefs, the National Diabetes Statistics Report,
  NHIS 2021 and SEARCH (see SOURCES.md); one `all` row per band.
* derived here, by age band and sex, from the microdata of the National Health and Nutrition
  Examination Survey 2017-2018 (NHANES cycle J; CDC/NCHS, public domain): the weighted share of
  participants of each band and sex with the condition. Files used: DEMO_J (sex RIAGENDR, age
  RIDAGEYR, top-coded at 80; interview weight WTINT2YR, examination weight WTMEC2YR; pregnancy
  RIDEXPRG), MCQ_J (medical conditions), BPQ_J (cholesterol), DPQ_J (PHQ-9) and CBC_J
  (haemoglobin). They are the CSV conversions of NCHS's .XPT files committed in the GitHub
  repository `Vakiti/Usefulness-of-CDC-data-for-disease-risk-prediction` (commit 5d80a72, files
  DEMO_J.csv, MCQ_J.csv, BPQ_J.csv, DPQ_J.csv, CBC_J.csv at the top level). Copy them to
  $DM_SRC/nhanes/ (`git show HEAD:DEMO_J.csv > $DM_SRC/nhanes/DEMO_J.csv` and so on). The script
  checks the conversion against two published NCHS figures of the same cycle before writing
  (see `check_conversion`).

Condition definitions (answers 7 "refused" and 9 "don't know", and missing answers, leave the
participant out of that condition's denominator):

* Arthritis: MCQ160A, ever told by a doctor you had arthritis (any type), ages 20+.
* Gout: MCQ160N, ever told gout, 20+.
* Heart Failure: MCQ160B, ever told congestive heart failure, 20+.
* Coronary Artery Disease: MCQ160C, ever told coronary heart disease, 20+.
* Stroke: MCQ160F, ever told a stroke, 20+.
* COPD: ever told COPD (MCQ160O) or emphysema (MCQ160G), or chronic bronchitis that one still
  has (MCQ160K and MCQ170K), 20+.
* Cancer: MCQ220, ever told cancer or a malignancy of any kind (skin cancers included), 20+.
* Hyperlipidemia: BPQ080, ever told by a doctor your blood cholesterol level was high, 20+
  (asked from 16; the bands start at 20 like the others).
* Depression: PHQ-9 score of 10 or more (DPQ010-DPQ090, each 0-3; all nine answered), 18+ -
  current depressive symptoms, as for DE (PHQ-8) and in NCHS Data Brief 303.
* Anemia: measured haemoglobin (LBXHGB, g/dL) below the WHO thresholds - 11.0 at 1-4 years,
  11.5 at 5-11, 12.0 at 12-14, and from 15 on 13.0 for men, 12.0 for women, 11.0 for pregnant
  women - examined participants of 1 year and over, examination weights.

Bands: 20-39, 40-59, 60-69 and 70+ (depression from 18); anemia also 1-4, 5-11 and 12-17.
Below a condition's first band the generator applies its own rule (a quarter of the first band
from the condition's age_min on), which stays illustrative.

Self-reported rheumatoid arthritis (MCQ195 = 2) is not used: the NHANES share (about 6 % of
adults) is several times the clinical prevalence, a known bias of that question.

Run `python3 datasets/tools/extract_us_condition_prevalence.py` (stdlib only).
"""
from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

from _lib import write_prevalence_reference, write_table

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_industry_curated as C  # noqa: E402

SRC = Path(os.environ.get("DM_SRC", "/tmp/dmsrc")) / "nhanes"
REFERENCE = (Path(__file__).resolve().parents[2] / "tests" / "it" / "reference"
             / "condition_prevalence_us_nhanes.csv")
NHANES = ("CDC/NCHS, National Health and Nutrition Examination Survey 2017-2018 public-use files "
          "DEMO_J, MCQ_J, BPQ_J, DPQ_J, CBC_J (public domain): weighted share by age band and sex, "
          "not age-standardised")
PUBLISHED = ("CDC/NCHS (NCHS Data Briefs 364 and 508, National Diabetes Statistics Report, NHIS 2021 "
             "asthma, NHANES 2017-March 2020 childhood obesity 19.7 % of 2-19-year-olds), public domain; "
             "youth type 2 diabetes 0.67 per 1,000 aged 10-19 in 2017 (SEARCH for Diabetes in Youth, "
             "Lawrence et al., JAMA 2021;326(8):717-727)")

ADULT_BANDS = [(20, 39), (40, 59), (60, 69), (70, 120)]
DEPRESSION_BANDS = [(18, 39), (40, 59), (60, 69), (70, 120)]
ANEMIA_BANDS = [(1, 4), (5, 11), (12, 17), (18, 39), (40, 59), (60, 69), (70, 120)]
SEXES = {1: "male", 2: "female"}


def load(name: str) -> dict[str, dict[str, str]]:
    path = SRC / f"{name}.csv"
    if not path.exists():
        raise SystemExit(f"missing {path}: copy the NHANES files there (see the docstring)")
    with path.open(encoding="utf-8", newline="") as f:
        return {r["SEQN"]: r for r in csv.DictReader(f)}


def num(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def yes_no(value: str | None) -> bool | None:
    """1 yes, 2 no; 7 refused, 9 don't know and missing answers are None."""
    v = num(value)
    return {1.0: True, 2.0: False}.get(v) if v is not None else None


def ever(row: dict[str, str], var: str) -> bool | None:
    return yes_no(row.get(var))


def copd(row: dict[str, str]) -> bool | None:
    told = [yes_no(row.get(v)) for v in ("MCQ160O", "MCQ160G")]
    bronchitis = yes_no(row.get("MCQ160K"))
    still = bronchitis and yes_no(row.get("MCQ170K"))
    if any(told) or still:
        return True
    if None in told or bronchitis is None or (bronchitis and still is None):
        return None
    return False


def phq9(row: dict[str, str]) -> bool | None:
    items = [num(row.get(f"DPQ0{i}0")) for i in range(1, 10)]
    if any(v is None or v > 3 for v in items):
        return None
    return sum(items) >= 10


def anemic(hgb: float, age: float, sex: int, pregnant: bool) -> bool:
    if age < 5:
        limit = 11.0
    elif age < 12:
        limit = 11.5
    elif age < 15:
        limit = 12.0
    elif sex == 1:
        limit = 13.0
    else:
        limit = 11.0 if pregnant else 12.0
    return hgb < limit


def shares(demo, answers, bands, weight_var):
    """{(band, sex): (weighted share, cases, respondents)} over participants with an answer."""
    acc: dict[tuple, list[float]] = {}
    for seqn, answer in answers.items():
        if answer is None:
            continue
        d = demo[seqn]
        age, sex, w = num(d["RIDAGEYR"]), int(num(d["RIAGENDR"])), num(d[weight_var])
        if not w:
            continue  # not examined (examination weight 0)
        band = next((b for b in bands if b[0] <= age <= b[1]), None)
        if band is None:
            continue
        cell = acc.setdefault((band, SEXES[sex]), [0.0, 0.0, 0, 0])
        cell[0] += w * answer
        cell[1] += w
        cell[2] += answer
        cell[3] += 1
    return {k: (v[0] / v[1], v[2], v[3]) for k, v in acc.items()}


def check_conversion(demo) -> None:
    """The CSVs reproduce NCHS's own figures for cycle J: obesity 42.4 % of adults 20+ (NCHS Data
    Brief 360, age-adjusted; crude within half a point) and 9,254 interviewed participants."""
    assert len(demo) == 9254, len(demo)
    bmx = load("BMX_J") if (SRC / "BMX_J.csv").exists() else None
    if bmx is None:
        print("note: BMX_J.csv not present; obesity check skipped")
        return
    num_, den = 0.0, 0.0
    for seqn, d in demo.items():
        age, w, b = num(d["RIDAGEYR"]), num(d["WTMEC2YR"]), bmx.get(seqn)
        if age < 20 or not w or b is None or num(b["BMXBMI"]) is None or num(d["RIDEXPRG"]) == 1:
            continue
        num_ += w * (num(b["BMXBMI"]) >= 30)
        den += w
    obesity = num_ / den
    assert abs(obesity - 0.424) < 0.005, obesity
    print(f"check: obesity 20+ {obesity:.4f} (NCHS DB 360: 42.4 %)")


def nhanes_rows() -> list[tuple[str, int, int, str, float, int, int]]:
    demo = load("DEMO_J")
    check_conversion(demo)
    mcq, bpq, dpq, cbc = load("MCQ_J"), load("BPQ_J"), load("DPQ_J"), load("CBC_J")
    key = {k: C.CONDITIONS[k][0] for k in C.CONDITIONS}
    asked = {
        "Arthritis": ("MCQ160A", mcq),
        "Gout": ("MCQ160N", mcq),
        "Heart Failure": ("MCQ160B", mcq),
        "Coronary Artery Disease": ("MCQ160C", mcq),
        "Stroke": ("MCQ160F", mcq),
        "Cancer": ("MCQ220", mcq),
        "Hyperlipidemia": ("BPQ080", bpq),
    }
    out = []

    def add(name, answers, bands, weight):
        assert name in key.values(), name
        for ((lo, hi), sex), (p, cases, n) in shares(demo, answers, bands, weight).items():
            out.append((name, lo, hi, sex, round(p, 5), cases, n))

    for name, (var, table) in asked.items():
        add(name, {s: ever(r, var) for s, r in table.items()}, ADULT_BANDS, "WTINT2YR")
    add("COPD", {s: copd(r) for s, r in mcq.items()}, ADULT_BANDS, "WTINT2YR")
    # The PHQ-9 is asked in the examination centre: examination weights.
    add("Depression", {s: phq9(r) for s, r in dpq.items()}, DEPRESSION_BANDS, "WTMEC2YR")
    anemia = {}
    for s, r in cbc.items():
        hgb, d = num(r["LBXHGB"]), demo[s]
        if hgb is None:
            continue
        anemia[s] = anemic(hgb, num(d["RIDAGEYR"]), int(num(d["RIAGENDR"])), num(d["RIDEXPRG"]) == 1)
    add("Anemia", anemia, ANEMIA_BANDS, "WTMEC2YR")
    return sorted(out, key=lambda row: (row[0], row[1], row[3]))


def main() -> None:
    published = [[C.CONDITIONS[k][0], lo, hi, sex, p, p] for k, lo, hi, sex, p, _ in C.PREVALENCE["US"]]
    derived = nhanes_rows()
    assert not {r[0] for r in published} & {r[0] for r in derived}
    table = sorted(published + [[c, lo, hi, sex, p, p] for c, lo, hi, sex, p, _, _ in derived],
                   key=lambda r: (r[0], r[1], r[3]))
    write_table("healthcare/condition_prevalence_US.csv", [
        f"Source: {PUBLISHED}; Anemia, Arthritis, COPD, Cancer, Coronary Artery Disease, Depression, Gout, "
        f"Heart Failure, Hyperlipidemia, Stroke by sex: {NHANES} (datasets/tools/extract_us_condition_prevalence.py)",
        "prevalence = fraction of people in the age band (and sex) with the condition; weight = prevalence; per band either one 'all' row or male+female rows"],
        ["condition", "age_min", "age_max", "sex", "prevalence", "weight"], table)
    write_prevalence_reference(REFERENCE, [
        NHANES,
        "GitHub Vakiti/Usefulness-of-CDC-data-for-disease-risk-prediction commit 5d80a72 (CSV conversions of the .XPT files)",
        "cases and respondents are unweighted counts; prevalence is the weighted share (WTINT2YR; Depression and Anemia WTMEC2YR)",
        "definitions in datasets/tools/extract_us_condition_prevalence.py, which writes this file"], derived)


if __name__ == "__main__":
    main()
