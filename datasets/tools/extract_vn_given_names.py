"""common/person/given_name_{male,female}_VN.csv and tests/reference/vn_given_name_share.csv.

Source: UIT-ViNames, the corpus of the NLP group of the University of Information Technology
(VNU-HCM): 26,850 full names of students of several Vietnamese universities, each annotated
with the person's sex (1 male, 0 female), published with its train/dev/test split for
gender-prediction research (its Readme: "26,850 Vietnamese full names annotated with
genders"); read from `UIT-ViNames/UIT-ViNames - Full.csv` of
github.com/quankunshi/Predict_Genders_for_Vietnamese_Names (commit a8b1216, 2022). No licence
is stated; only counts leave this script, no person's name. The General Statistics Office
publishes no name statistics (the 2019 census tabulates none), so this is a convenience sample,
not a statistic: students born around 1995-2002, more from the south than the north (Huỳnh,
Nhựt, Trâm). Person has no VN cohort tables, so the table serves every age: older Vietnamese
are more often Hùng, Dũng, Lan or Hoa than this sample says.

Rule: the given name (tên) is the last word of a full name of two or more words; it is cased
as a name (the corpus has typing slips such as "KiỆt") and written in the spelling the sample
uses most among those that differ only in where the tone mark sits (Thủy/Thuỷ, Hòa/Hoà).
Words outside the Vietnamese alphabet are left out. A name listed for both sexes is dropped
from the sex where its share is below half its share in the other (the corpus' label slips
and truly rare crossings: Liễu among men; Anh, Minh, Thanh keep both sexes). Every other
name keeps its count, names seen once included: the sample is complete, so nothing is cut and
no head is inflated.

Also writes tests/reference/vn_given_name_share.csv: the ten most common given names per sex
with their share of all the sample's names of that sex (before the drops), which the test
compares generated people with.

Rerun: `git show a8b1216:"UIT-ViNames/UIT-ViNames - Full.csv" > $DM_SRC/uit-vinames/full.csv`
in a clone of that repository, then `python3 datasets/tools/extract_vn_given_names.py`
(stdlib only).
"""
from __future__ import annotations

import csv
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from _lib import SRC, write_value_weight

SAMPLE = SRC / "uit-vinames" / "full.csv"
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "vn_given_name_share.csv"
SOURCE = ("UIT-ViNames (UIT NLP group, VNU-HCM): 26,850 full names of Vietnamese university students "
          "annotated by sex, via quankunshi/Predict_Genders_for_Vietnamese_Names@a8b1216")
VIETNAMESE = set("abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
# combining tone marks (grave, acute, tilde, hook, dot below); the vowel marks stay
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
SEXES = {"1": "male", "0": "female"}
TOP = 10


def given_name(full_name: str) -> str | None:
    words = unicodedata.normalize("NFC", full_name).split()
    if len(words) < 2:
        return None
    word = words[-1].lower()
    if not set(word) <= VIETNAMESE:
        return None
    return word[0].upper() + word[1:]


def tone_key(name: str) -> tuple[str, str]:
    """The name without its tone mark, and the tone: equal for spellings that only move it."""
    decomposed = unicodedata.normalize("NFD", name)
    tone = "".join(c for c in decomposed if c in TONES)
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
    return bare, tone


def merge_spellings(counts: dict[str, Counter]) -> dict[str, Counter]:
    """Counts per sex with each name under the spelling the sample uses most for its tone key."""
    spellings: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for by_name in counts.values():
        for name, n in by_name.items():
            spellings[tone_key(name)][name] += n
    usual = {key: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for key, c in spellings.items()}
    merged = {}
    for sex, by_name in counts.items():
        merged[sex] = Counter()
        for name, n in by_name.items():
            merged[sex][usual[tone_key(name)]] += n
    return merged


def main() -> None:
    counts = {"male": Counter(), "female": Counter()}
    with SAMPLE.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            name = given_name(row["Full_Name"])
            sex = SEXES.get(row["Gender"].strip())
            if name and sex:
                counts[sex][name] += 1
    counts = merge_spellings(counts)
    totals = {sex: sum(c.values()) for sex, c in counts.items()}
    reference = [f"# {SOURCE}",
                 "# share = the sample's names of the sex with this given name / all its names of the sex "
                 "(a convenience sample of students born about 1995-2002; no published statistic exists)",
                 "# written by datasets/tools/extract_vn_given_names.py",
                 "sex,given_name,share"]
    for sex, other in (("male", "female"), ("female", "male")):
        kept, dropped = [], []
        for name, n in counts[sex].items():
            if n / totals[sex] < counts[other][name] / totals[other] / 2:
                dropped.append(name)
            else:
                kept.append((name, n))
        write_value_weight(
            f"common/person/given_name_{sex}_VN.csv",
            [
                f"Source: {SOURCE}; no licence stated, counts only",
                f"weight = students with this given name (last word of the full name) among the sample's "
                f"{totals[sex]:,} {sex} names; spellings that differ only in the tone mark's place merged",
                "derived from a convenience sample (students born about 1995-2002, southern-leaning); "
                "the GSO publishes no name statistics",
                "dropped as names of the other sex (share < 1/2 of the other sex's): " + ", ".join(sorted(dropped)),
            ],
            kept,
        )
        top = sorted(counts[sex].items(), key=lambda r: (-r[1], r[0]))[:TOP]
        reference += [f"{sex},{name},{n / totals[sex]:.5f}" for name, n in top]
        print(f"{sex}: {totals[sex]:,} names, {len(kept):,} kept, {len(dropped):,} dropped")
    REFERENCE.write_text("\n".join(reference) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: {len(reference)} lines")


if __name__ == "__main__":
    main()
