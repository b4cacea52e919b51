"""GB family names: the 20 most common surnames at their shares of the 1996 electoral register,
and a tail of real names carrying everyone else.

Writes common/person/family_name_GB.csv and tests/reference/gb_family_name_share.csv.

Head: the per cent of all entries of the UK electoral register of 1996 bearing each of the 20
leading surnames of England and Wales (the "Electoral Reg % UK 1996" column of P. Dance's
"Comparative Table of 300 Leading Surnames", Guild of One-Name Studies / surnamestudies.org.uk,
which tabulates the same names from the Registrar General 1853 to the GRO death indexes
1984-97), **hand-transcribed** below: two decimals, so each share is good to about +-2 %
(Wood 0.25 could be 0.245-0.255). No statistics office publishes British surname counts (ONS
FOI-2024-1916: names are not used to produce statistics), and no longer list with counts was
reachable (searched: ONS 2002 surname frequencies, "surnames England Wales count", the code and
pages corpora; the Oxford FaNUK counts of the top 25, quoted in the press in 2016, name the same
leading names in nearly the same order).

Tail: the other 480 names of faker's `en_GB` `last_names` (MIT; per-cent shares without a cited
source, which agree with the register for the head: Smith 1.15 against 1.20, Jones 0.94 against
0.90) keep faker's shares, so names 21-500 have their own size; everyone whose surname is
beyond those 500 (about 60 % of the population: British surnames are many and spread thin) is
spread evenly over the 480, standing in for the unlisted names. The head keeps its published
shares exactly and nothing is renormalised onto it; each tail name stands for more people than
bear it (label: derived; tail shape illustrative).

Run `python3 datasets/tools/extract_gb_family_names.py` (stdlib; reads the faker wheel in
$DM_SRC); run extract_organization.py after it.
"""
from __future__ import annotations

from pathlib import Path

from _lib import faker_attrs, write_value_weight

SOURCE = ("UK electoral register 1996, per cent of entries by surname, as tabulated in P. Dance, "
          "'Comparative Table of 300 Leading Surnames' (Guild of One-Name Studies, surnamestudies.org.uk), "
          "hand-transcribed")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "gb_family_name_share.csv"

# The first 20 rows of the comparative table (ranked by the GRO death indexes 1984-97) with
# their 1996 electoral-register per cent (UK).
REGISTER_1996_PERCENT = [
    ("Smith", 1.20), ("Jones", 0.90), ("Williams", 0.62), ("Taylor", 0.56), ("Brown", 0.58),
    ("Davies", 0.47), ("Evans", 0.38), ("Thomas", 0.34), ("Wilson", 0.42), ("Roberts", 0.32),
    ("Johnson", 0.33), ("Robinson", 0.29), ("Wright", 0.30), ("Thompson", 0.29), ("Walker", 0.30),
    ("White", 0.28), ("Edwards", 0.26), ("Green", 0.26), ("Hall", 0.26), ("Wood", 0.25),
]


def main() -> None:
    assert len(REGISTER_1996_PERCENT) == 20
    faker = faker_attrs("en_GB")["last_names"]
    head = dict(REGISTER_1996_PERCENT)
    missing = [name for name in head if name not in faker]
    assert not missing, f"head names not in faker's list: {missing}"
    tail = [(name, share) for name, share in faker.items() if name not in head]
    rest = 100.0 - sum(head.values()) - sum(share for _, share in tail)
    assert rest > 0, rest
    each = rest / len(tail)
    write_value_weight(
        "common/person/family_name_GB.csv",
        [f"Source: {SOURCE}; tail: faker@40.63.0 person/en_GB last_names (MIT)",
         f"weight = per cent of people: the 20 leading surnames at their 1996 register shares; faker's other {len(tail)} "
         f"names at faker's per-cent share plus an even {each:.4f} each standing for the {rest:.2f} % whose surnames are "
         "beyond faker's 500",
         "head: published shares (rounded to 0.01 %); tail: real names, illustrative weights (faker's shape, even share of "
         "the unlisted mass)"],
        list(head.items()) + [(name, share + each) for name, share in tail],
    )
    lines = [f"# {SOURCE}",
             "# share = per cent of the 1996 UK electoral register / 100; the table's first 20 names (two decimals, about +-2 %)",
             "# written by datasets/tools/extract_gb_family_names.py",
             "family_name,share"]
    lines += [f"{name},{percent / 100:.4f}" for name, percent in REGISTER_1996_PERCENT]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: 20 rows; tail {len(tail)} names, +{each:.4f} each")


if __name__ == "__main__":
    main()
