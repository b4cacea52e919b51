"""common/person/family_name_VN.csv and tests/reference/vn_family_name_share.csv.

Head: the shares of the 14 most common Vietnamese surnames, 89.1 % of the population together,
as the English Wikipedia article "Vietnamese name" gave them in 2009 (quoted word for word by
https://waiwiki.blogspot.com/2009/09/vietnamese-family-names-surnames.html): Nguyễn 38.4 %,
Trần 11 %, Lê 9.5 %, Phạm 7.1 %, Huỳnh/Hoàng 5.1 %, Phan 4.5 %, Vũ/Võ 3.9 %, Đặng 2.1 %, Bùi 2 %,
Đỗ 1.4 %, Hồ 1.3 %, Ngô 1.3 %, Dương 1 %, Lý 0.5 %. No statistics office publishes Vietnamese
surname counts (the GSO census does not tabulate names) and the study behind these figures was
not reachable, so they are a published estimate at second hand.

Split and tail: the two pairs that share a Hán character (Huỳnh/Hoàng, Vũ/Võ; the first spelling
southern, the second northern) are split by their counts among the 8,757 full names of
`duyet/vietnamese-namedb` (MIT, commit 2129070, `uit_member.json`: members of the UIT VNU-HCM
forum, crawled 2016); the other 10.9 % go to the other surnames of that sample seen at least
three times, in proportion to their counts (a convenience sample of one southern university:
the tail's names are real, its order only roughly so).

Weights are people per million. Rerun: put `uit_member.json` of that commit into
$DM_SRC/vietnamese-namedb/ (`git show 2129070:uit_member.json > ...`), then
`python3 datasets/tools/extract_vn_family_names.py` (stdlib only); run
`extract_organization.py` after it.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter

from _lib import DATASETS, SRC, write_value_weight

SAMPLE = SRC / "vietnamese-namedb" / "uit_member.json"
HEAD_SOURCE = ("English Wikipedia, 'Vietnamese name' (2009 revision, as quoted by "
               "waiwiki.blogspot.com/2009/09/vietnamese-family-names-surnames.html)")
# (spellings sharing one published share, per cent of the population)
PUBLISHED = [
    (("Nguyễn",), 38.4), (("Trần",), 11.0), (("Lê",), 9.5), (("Phạm",), 7.1), (("Huỳnh", "Hoàng"), 5.1),
    (("Phan",), 4.5), (("Vũ", "Võ"), 3.9), (("Đặng",), 2.1), (("Bùi",), 2.0), (("Đỗ",), 1.4), (("Hồ",), 1.3),
    (("Ngô",), 1.3), (("Dương",), 1.0), (("Lý",), 0.5),
]
MIN_COUNT = 3  # tail surnames seen fewer times are typing noise or foreign names
VIETNAMESE = set("abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ")
# first words of the sample that are no surname: Y (the Ê Đê men's name particle), given names
# written first (Ánh, Hoà), an old-style spelling of a head name (Hùynh for Huỳnh)
NOT_SURNAMES = {"Y", "Ánh", "Hoà", "Hùynh"}
PER_MILLION = 1_000_000 / 100


def sample_counts() -> Counter:
    counts = Counter()
    for person in json.loads(SAMPLE.read_text(encoding="utf-8")):
        words = unicodedata.normalize("NFC", person["full_name"]).split()
        # words outside the Vietnamese alphabet are names typed in the legacy VNI/TCVN
        # encodings and read as Latin-1 ("Buøi", "Ñinh") or foreign names
        if len(words) >= 2 and set(words[0].casefold()) <= VIETNAMESE and words[0] not in NOT_SURNAMES:
            counts[words[0]] += 1
    return counts


def main() -> None:
    counts = sample_counts()
    weights: dict[str, float] = {}
    for spellings, share in PUBLISHED:
        seen = sum(counts[s] for s in spellings)
        for s in spellings:
            weights[s] = share * PER_MILLION * counts[s] / seen
    tail = {name: n for name, n in counts.items() if name not in weights and n >= MIN_COUNT}
    rest = 100 - sum(share for _, share in PUBLISHED)
    for name, n in tail.items():
        weights[name] = rest * PER_MILLION * n / sum(tail.values())
    items = [(name, round(w, 1)) for name, w in weights.items()]
    write_value_weight("common/person/family_name_VN.csv", [
        f"Source: 14 most common surnames: {HEAD_SOURCE}; Huỳnh/Hoàng, Vũ/Võ split and the tail (other surnames seen >= {MIN_COUNT} times, "
        "10.9 % together) from the counts of duyet/vietnamese-namedb@2129070 uit_member.json (MIT)",
        "weight: people per million (derived; datasets/tools/extract_vn_family_names.py)",
    ], items)
    out = DATASETS.parent / "tests" / "reference" / "vn_family_name_share.csv"
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# Shares of the 14 most common Vietnamese surnames: {HEAD_SOURCE}\n")
        f.write("# spellings sharing one share are joined by '|'; written by datasets/tools/extract_vn_family_names.py\n")
        f.write("family_name,share\n")
        for spellings, share in PUBLISHED:
            f.write(f"{'|'.join(spellings)},{share / 100:g}\n")


if __name__ == "__main__":
    main()
