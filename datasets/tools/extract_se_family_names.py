"""SE family names: SCB's 100 most common surnames with their bearers, and a tail of real names.

Writes common/person/family_name_SE.csv and tests/reference/se_family_name_share.csv.

Head: Statistics Sweden (SCB), name statistics, "Efternamn, topp 100" (`be0001namntab40`,
everyone registered in Sweden on 31 December 2019 by surname; free reuse with attribution,
"Källa: SCB"): the 100 names with their counts, **hand-transcribed** below from the F# list
`be0001namntab40_2019` in `examples/WeightedSample.fsx` of github.com/fsprojects/FsRandom at
commit 0c43ba5 (which cites the SCB page; the SCB file itself was not reachable).
Population: 10,327,589 (SCB, 31 December 2019), **written from memory** (no fetched file
carried it).

SCB's top list counts a name's spellings together (Karlsson with Carlsson and Carlson: the
counts per faker share agree only so): such a count is split over the spellings faker lists,
by faker's shares.

Tail: the other names of faker's `sv_SE` `last_names` (MIT; 500 names whose shares are
SCB-like counts renormalised, no source cited) at faker's share times the median SCB count
per faker share of the 100 (their own size, about 2,000-8,500 bearers), plus an even share of
everyone whose surname is beyond those 500 (about 5.9 M people): the head's shares are SCB's
and nothing is renormalised onto it, but each tail name stands for far more people than bear
it (no longer list of Swedish surnames with counts was reachable: searched public
repositories and packages for SCB surname files, `be0001namntab`, "efternamn antal").

Run `python3 datasets/tools/extract_se_family_names.py` (stdlib; reads the faker wheel in
$DM_SRC); run extract_organization.py after it.
"""
from __future__ import annotations

import re
from pathlib import Path

from _lib import faker_attrs, write_value_weight

POPULATION_2019 = 10_327_589  # SCB, registered population on 31 December 2019 (from memory)
SOURCE = ("SCB (Statistics Sweden), Efternamn topp 100 (be0001namntab40, registered population 31 December 2019), "
          "hand-transcribed from fsprojects/FsRandom@0c43ba5 examples/WeightedSample.fsx; Källa: SCB")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "reference" / "se_family_name_share.csv"

SCB_TOP_100 = [
    ("Andersson", 228_264), ("Johansson", 227_104), ("Karlsson", 202_331), ("Nilsson", 155_686),
    ("Eriksson", 136_533), ("Larsson", 114_698), ("Olsson", 103_689), ("Persson", 98_019),
    ("Svensson", 91_741), ("Gustafsson", 89_534), ("Pettersson", 87_169), ("Jonsson", 68_358),
    ("Jansson", 45_844), ("Hansson", 40_517), ("Bengtsson", 31_649), ("Jönsson", 28_874),
    ("Lindberg", 27_119), ("Jakobsson", 25_669), ("Magnusson", 25_109), ("Olofsson", 24_493),
    ("Lindström", 24_321), ("Lindqvist", 22_461), ("Lindgren", 22_250), ("Axelsson", 21_671),
    ("Berg", 21_525), ("Bergström", 20_739), ("Lundberg", 20_665), ("Lind", 20_305),
    ("Lundgren", 19_995), ("Lundqvist", 19_617), ("Mattsson", 18_926), ("Berglund", 18_706),
    ("Fredriksson", 17_691), ("Sandberg", 17_406), ("Henriksson", 16_908), ("Forsberg", 16_335),
    ("Sjöberg", 16_187), ("Wallin", 15_831), ("Ali", 15_473), ("Engström", 15_320),
    ("Mohamed", 15_253), ("Eklund", 15_097), ("Danielsson", 14_898), ("Lundin", 14_755),
    ("Håkansson", 14_545), ("Björk", 14_200), ("Bergman", 14_067), ("Gunnarsson", 14_017),
    ("Holm", 13_897), ("Wikström", 13_738), ("Samuelsson", 13_643), ("Isaksson", 13_474),
    ("Fransson", 13_432), ("Bergqvist", 13_254), ("Nyström", 13_051), ("Holmberg", 12_892),
    ("Arvidsson", 12_862), ("Löfgren", 12_655), ("Söderberg", 12_435), ("Nyberg", 12_368),
    ("Blomqvist", 12_226), ("Claesson", 12_067), ("Nordström", 11_969), ("Mårtensson", 11_717),
    ("Lundström", 11_527), ("Ahmed", 11_431), ("Viklund", 11_287), ("Björklund", 11_187),
    ("Eliasson", 11_187), ("Pålsson", 11_112), ("Hassan", 11_061), ("Berggren", 11_016),
    ("Sandström", 10_676), ("Lund", 10_526), ("Nordin", 10_514), ("Ström", 10_299),
    ("Åberg", 10_283), ("Hermansson", 10_157), ("Ekström", 10_136), ("Falk", 10_054),
    ("Holmgren", 9_966), ("Dahlberg", 9_805), ("Hellström", 9_784), ("Hedlund", 9_749),
    ("Sundberg", 9_696), ("Sjögren", 9_628), ("Ek", 9_473), ("Blom", 9_413),
    ("Abrahamsson", 9_310), ("Martinsson", 9_270), ("Öberg", 9_254), ("Andreasson", 9_024),
    ("Strömberg", 8_930), ("Månsson", 8_896), ("Åkesson", 8_745), ("Hansen", 8_673),
    ("Norberg", 8_587), ("Lindholm", 8_578), ("Dahl", 8_563), ("Jonasson", 8_520),
]


def spelling_key(name: str) -> str:
    """Names SCB's top list counts as one (Karlsson/Carlsson, Lindqvist/Lindkvist/Lindquist,
    Wallin/Vallin, Mohamed/Mohammed) share this key."""
    key = name.lower().replace("c", "k").replace("qv", "kv").replace("qu", "kv").replace("w", "v").replace("z", "s")
    return re.sub(r"(.)\1", r"\1", key)


def main() -> None:
    assert len(SCB_TOP_100) == 100
    faker = faker_attrs("sv_SE")["last_names"]
    spellings: dict[str, list[str]] = {}
    for name in faker:
        spellings.setdefault(spelling_key(name), []).append(name)
    # A top-100 count covers the name's spellings: split it by faker's shares of them.
    head: list[tuple[str, float]] = []
    groups: list[list[str]] = []
    for name, count in SCB_TOP_100:
        group = [name] + sorted(n for n in spellings.get(spelling_key(name), []) if n != name)
        groups.append(group)
        shares = [faker.get(n, 0.0) for n in group]
        if sum(shares) == 0:
            head.append((name, count))
        else:
            head += [(n, count * share / sum(shares)) for n, share in zip(group, shares)]
    in_head = {n for n, _ in head}
    # faker's shares are SCB counts divided by one figure (the median ratio over the 100 groups).
    ratios = sorted(count / sum(faker[n] for n in group) for (_, count), group in zip(SCB_TOP_100, groups)
                    if all(n in faker for n in group))
    per_share = ratios[len(ratios) // 2]
    tail = [(name, share * per_share) for name, share in faker.items() if name not in in_head]
    rest = POPULATION_2019 - sum(count for _, count in SCB_TOP_100) - sum(w for _, w in tail)
    each = rest / len(tail)
    merged = [g for g in groups if len(g) > 1]
    write_value_weight(
        "common/person/family_name_SE.csv",
        [f"Source: {SOURCE}; tail: faker@40.63.0 person/sv_SE last_names (MIT)",
         f"weight = bearers: the 100 most common names with SCB's counts of 2019, a count split over the spellings SCB merges "
         f"({'; '.join('/'.join(g) for g in merged)}) by faker's shares; faker's other {len(tail)} names at faker's share "
         f"x {per_share:,.0f} (the median SCB count per faker share of the 100), plus an even {each:,.0f} each standing for the "
         f"{rest:,.0f} people whose surnames are beyond faker's 500 (population {POPULATION_2019:,}, SCB 31 December 2019, "
         "written from memory)",
         "head: published counts; tail: real names, illustrative weights (faker's shape, even share of the unlisted mass)"],
        [(name, round(w)) for name, w in head] + [(name, round(w + each)) for name, w in tail],
    )
    lines = [f"# {SOURCE}",
             f"# share = bearers on 31 December 2019 / {POPULATION_2019:,} (SCB population, written from memory); top 20;",
             "# spellings SCB counts together are joined by | (the generated share is their sum)",
             "# written by datasets/tools/extract_se_family_names.py",
             "family_name,share"]
    lines += [f"{'|'.join(group)},{count / POPULATION_2019:.7f}" for (_, count), group in zip(SCB_TOP_100[:20], groups)]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/reference/{REFERENCE.name}: 20 rows")


if __name__ == "__main__":
    main()
