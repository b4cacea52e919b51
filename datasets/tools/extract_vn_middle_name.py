"""common/person/middle_name_{male,female}_VN.csv: Vietnamese middle names (tên đệm) by sex.

Source: the full names in `uit_member.json` of github.com/duyet/vietnamese-namedb (MIT,
commit 2129070; 8,757 names of members of the forum of the University of Information
Technology, VNU-HCM, crawled December 2016) and the repository's gendered given-name lists
`boy.txt` / `girl.txt`. No statistics office publishes middle-name frequencies, so this is a
convenience sample (students of one university, mostly men): label derived (counts of an open
dataset computed by this script), with that caveat in SOURCES.md.

Rule: a full name is family + middle + given; only names of three or more words count, the
middle name being every word between the first and the last ("Thị Ngọc"). The sex is that of
the given name (last word) when it appears in only one of boy.txt / girl.txt (as the last word
of a line); other names are left out. Middle names seen once are left out, and so is a middle
name whose share among one sex is below half its share among the other (the noise of the sex
rule: Văn among women, Thị among men). Only counts leave the script, no person's name.

Also writes tests/it/reference/vn_middle_name_share.csv: the five most common middle names per
sex with their share of the names the table keeps (the test compares generated people with it).

Rerun: put the three files of that commit into $DM_SRC/vietnamese-namedb/
(`git show 2129070:uit_member.json > ...`), then `python3 datasets/tools/extract_vn_middle_name.py`.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

from _lib import SRC, write_value_weight

REPO = SRC / "vietnamese-namedb"
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "it" / "reference" / "vn_middle_name_share.csv"
SOURCE = (
    "duyet/vietnamese-namedb@2129070 (MIT) uit_member.json: 8,757 full names of members of "
    "the UIT (VNU-HCM) forum, crawled 2016; sex from the repository's boy.txt/girl.txt given names"
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())


def last_words(path) -> set[str]:
    return {nfc(line).split()[-1] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def main() -> None:
    male_given = last_words(REPO / "boy.txt")
    female_given = last_words(REPO / "girl.txt")
    people = json.loads((REPO / "uit_member.json").read_text(encoding="utf-8"))
    counts = {"male": Counter(), "female": Counter()}
    for person in people:
        words = nfc(person["full_name"]).split()
        if len(words) < 3:
            continue
        given = words[-1]
        if given in male_given and given not in female_given:
            sex = "male"
        elif given in female_given and given not in male_given:
            sex = "female"
        else:
            continue
        counts[sex][" ".join(words[1:-1])] += 1
    totals = {sex: sum(c.values()) for sex, c in counts.items()}
    reference = [f"# {SOURCE}",
                 "# share = names with this middle name / names the table keeps (names of 3+ words, the sex's middle "
                 "names seen twice or more); written by datasets/tools/extract_vn_middle_name.py",
                 "sex,middle_name,share"]
    for sex, other in (("male", "female"), ("female", "male")):
        kept, dropped = [], []
        for name, n in counts[sex].items():
            if n < 2:
                continue
            share = n / totals[sex]
            other_share = counts[other][name] / totals[other]
            if share < other_share / 2:
                dropped.append(name)
                continue
            kept.append((name, n))
        write_value_weight(
            f"common/person/middle_name_{sex}_VN.csv",
            [
                f"Source: {SOURCE}",
                f"weight = names with this middle name among {totals[sex]:,} {sex} names of three or more words; "
                "seen once: left out (a convenience sample; no published statistic exists)",
                "dropped as middle names of the other sex (share < 1/2 of the other sex's): "
                + ", ".join(sorted(dropped)),
            ],
            kept,
        )
        kept_total = sum(n for _, n in kept)
        top = sorted(kept, key=lambda r: (-r[1], r[0]))[:5]
        reference += [f"{sex},{name},{n / kept_total:.4f}" for name, n in top]
    REFERENCE.write_text("\n".join(reference) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/it/reference/{REFERENCE.name}: {len(reference)} lines")


if __name__ == "__main__":
    main()
