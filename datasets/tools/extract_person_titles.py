"""common/person/{academic_title,nobility_title_{male,female},salutation}_CC.csv: the titles and
salutations of a person, and the reference files the tests compare generated people with.

Writes every academic_title table but DE (extract_de_academic_title.py), the nobility tables of
DE, ES, FR, GB and IT, and the salutation tables of the 12 countries. Figures are in this script
with their sources (hand-transcribed); run `python3 datasets/tools/extract_person_titles.py`
(stdlib only).

Academic titles. `academic_title_share_CC.csv` decides who holds a doctorate; this table decides
the form written before the name. Where a country writes one form for every doctorate (US Dr.,
GB Dr, FR Dr, ES Dr., IT Dr., NL dr., PL dr, VN TS., AT Dr.), the table holds that form alone: a
vocabulary with one form per case (structural). CH and SE write the field: their tables weigh
the forms by the doctorates awarded per field (BFS 2021, UKÄ/SCB 2014; the graduates of one
year stand for the field mix of all holders, as DE's candidates do). Left out everywhere, as for
DE: offices and ranks (Prof., prof., GS., PGS.), degrees below the doctorate (drs., ir., mr.,
Mag., DI, Ing., Avv.) and professional degrees the CPS counts apart from doctorates (US MD, JD,
DDS). AT may add the field (Dr. techn., Dr. rer. nat. ...), but no count of its doctorates by field
was reachable, so it gets the generic Dr. every Austrian doctorate may be written as; Mag., DI and
Ing. (diplomas, not the doctorate academic_title_share_AT counts) are gone.

Salutations. One form per sex where the language has one (structural). US and GB women:
Mrs for the married and the widowed, Ms for the divorced and the separated, Miss for the never
married (the traditional usage of the forms), weighted by the published marital status of women.

Nobility. GB: the hereditary peers by rank; their wives bear the female form of the rank. US
(no nobility) and AT (titles abolished by the Adelsaufhebungsgesetz of 1919 and not to be
carried) have no table, so Person gives nobody there a nobility title. ES: the titles in force by rank (the
register of the Ministry of Justice as counted in Wikipedia); IT: the titled people of the Kingdom
of Italy by rank (Encyclopaedia Britannica, 9th edition). Women bear the female form of the rank, at
the same counts, as in GB. DE and FR stay illustrative (see SOURCES.md for what was searched).
"""
from __future__ import annotations

from pathlib import Path

from _lib import write_table, write_value_weight

P = "common/person/"
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "it" / "reference"

# The one form a doctorate holder writes before the name.
DOCTORATE_FORM = {
    "US": "Dr.", "GB": "Dr", "FR": "Dr", "ES": "Dr.", "IT": "Dr.",
    "NL": "dr.", "PL": "dr", "VN": "TS.", "AT": "Dr.",
}

# Doctorates awarded per field, by the form their holders write.
# CH: Bundesamt für Statistik (BFS), "Universitäre Hochschulen" (bfs.admin.ch, Bildungsabschlüsse
# Tertiärstufe), doctorates of 2021 by Fachbereichsgruppe: Geistes- und Sozialwissenschaften 585,
# Wirtschaftswissenschaften 236, Recht 150, exakte und Naturwissenschaften 1,437, Medizin und
# Pharmazie 1,436, technische Wissenschaften 664, interdisziplinäre und andere 20; 4,528 in all.
# Medicine writes Dr. med. (pharmacy, which BFS counts with it, is in that row too); every other
# field is written Dr. before a name (Dr. phil., Dr. sc. nat., Dr. iur., Dr. sc. ETH ...).
# SE: Universitetskanslersämbetet (UKÄ) and SCB, "Doktorander och examina på forskarnivå 2014"
# (UF 21 SM 1501), doctoral degrees of 2014 by forskningsämnesområde, rounded to tens: medicine
# and health 950, technology 580, natural sciences 660, agricultural sciences 60, social sciences
# 440, humanities 150; 2,840 in all. Written med. dr, tekn. dr, agr. dr and fil. dr (natural and
# social sciences, humanities: the faculty of philosophy's degree at most universities).
BY_FIELD = {
    "CH": ("BFS, Universitäre Hochschulen: doctorates 2021 by Fachbereichsgruppe (4,528; Medizin und Pharmazie 1,436)",
           [("Dr. med.", 1436), ("Dr.", 585 + 236 + 150 + 1437 + 664 + 20)]),
    "SE": ("UKÄ/SCB, UF 21 SM 1501: doctoral degrees 2014 by research area (2,840; medicine 950, technology 580, "
           "natural sciences 660, agriculture 60, social sciences 440, humanities 150)",
           [("med. dr", 950), ("tekn. dr", 580), ("agr. dr", 60), ("fil. dr", 660 + 440 + 150)]),
}

# Women 15 and over by marital status, per cent. U.S. Census Bureau, American Community Survey
# 2018 1-year estimates, table S1201 "Marital status", United States, row "Females 15 years and
# over" (136,348,759): now married except separated 46.3, widowed 8.7, divorced 12.1, separated
# 2.2, never married 30.7; as in acs_1_year_subject_tables-2018-GROUP_S1201_DATA.csv of
# gabrieljohndusing/NCNW-Project-Datasets@c33471a (public domain).
US_SOURCE = ("U.S. Census Bureau, ACS 2018 1-year, table S1201, females 15 and over: married 46.3 %, "
             "widowed 8.7 %, divorced 12.1 %, separated 2.2 %, never married 30.7 %")
US_WOMEN = {"Mrs.": 46.3 + 8.7, "Ms.": 12.1 + 2.2, "Miss": 30.7}
# Adults 16 and over by legal partnership status, per cent, both sexes (no split by sex was
# reachable). ONS, "Marriage and civil partnership status in England and Wales: Census 2021"
# (22 February 2023): married or in a civil partnership, separated included, 46.9; never married
# or in a civil partnership 37.9; divorced 9.1; widowed 6.1. Open Government Licence v3.0.
GB_SOURCE = ("ONS, Marriage and civil partnership status in England and Wales: Census 2021 (2023), adults 16+: "
             "married or civil partnered incl. separated 46.9 %, widowed 6.1 %, divorced 9.1 %, never married 37.9 %")
GB_WOMEN = {"Mrs": 46.9 + 6.1, "Ms": 9.1, "Miss": 37.9}

# gender -> form, where each sex has one form.
ONE_FORM = {
    "DE": ("Herr", "Frau", "Divers"), "AT": ("Herr", "Frau", "Divers"), "CH": ("Herr", "Frau", "Divers"),
    "FR": ("M.", "Mme", "Mx"), "ES": ("Sr.", "Sra.", "Sre."), "IT": ("Sig.", "Sig.ra", "Gentile"),
    "NL": ("Dhr.", "Mevr.", "Mx."), "PL": ("Pan", "Pani", "Osoba"), "SE": ("Herr", "Fru", "Mx"),
    "VN": ("Ông", "Bà", "Quý khách"),
}

# Hereditary peers of the United Kingdom by rank, November 2024 (not counting subsidiary titles):
# 30 dukes (six royal), 34 marquesses, 189 earls, 109 viscounts, 439 barons; 801 in all. As given
# by the English Wikipedia article "Hereditary peer" (read in a mirror, review.clateway.com),
# which draws on the peerage rolls; hand-transcribed.
GB_PEERS_SOURCE = ("hereditary peers of the UK by rank, November 2024: 30 dukes, 34 marquesses, 189 earls, "
                   "109 viscounts, 439 barons (English Wikipedia, 'Hereditary peer'); hand-transcribed")
GB_PEERS = [("Duke", "Duchess", 30), ("Marquess", "Marchioness", 34), ("Earl", "Countess", 189),
            ("Viscount", "Viscountess", 109), ("Baron", "Baroness", 439)]

# Spanish titles of nobility in force, by rank. Wikipedia, read in mirrors: 2,825 titles in 2023
# (held by 2,237 people; English article "Spanish nobility"), 149 dukedoms ("List of dukedoms in
# Spain", every one extant), 1,369 marquessates in 2023 (Spanish article "Marqués"), "unos 1000"
# countships (Spanish article "Conde"); the articles draw on the Guía de títulos of the Ministry of
# Justice and the Diputación de la Grandeza. No count of viscountcies, baronies and lordships was
# found: the 307 titles left (2,825 - 149 - 1,369 - 1,000) are split evenly between Vizconde and
# Barón (an assumption; lordships, Señor, are too few to matter). Hand-transcribed.
ES_TITLES_SOURCE = ("Spanish titles in force by rank (Wikipedia: 2,825 titles in 2023, 149 dukedoms, 1,369 marquessates "
                    "in 2023, about 1,000 countships; the 307 left split evenly between viscounts and barons); hand-transcribed")
ES_TITLES = [("Duque", "Duquesa", 149), ("Marqués", "Marquesa", 1369), ("Conde", "Condesa", 1000),
             ("Vizconde", "Vizcondesa", 153.5), ("Barón", "Baronesa", 153.5)]
# Titled people of the Kingdom of Italy by rank: "There are 400 princes, 458 dukes, 985 marquises,
# 1679 counts, 353 barons, and 5 viscounts in the country" (Encyclopaedia Britannica, 9th edition,
# article "Italy", 1881; public domain, read at 1902encyclopedia.com). The untitled ranks it counts
# beside them (1,234 patricians, 2,273 nobili, 318 signori, 46 cavalieri) are qualifications, not
# titles written before a name, and are left out as "von" is for DE. Titles have had no legal
# standing since 1948 and none was created after 1946, so an old count is the only one by rank.
IT_TITLES_SOURCE = ("titled people of the Kingdom of Italy by rank: 400 princes, 458 dukes, 985 marquises, 1,679 counts, "
                    "5 viscounts, 353 barons (Encyclopaedia Britannica, 9th edition, 'Italy', 1881); hand-transcribed")
IT_TITLES = [("Principe", "Principessa", 400), ("Duca", "Duchessa", 458), ("Marchese", "Marchesa", 985),
             ("Conte", "Contessa", 1679), ("Visconte", "Viscontessa", 5), ("Barone", "Baronessa", 353)]
BY_RANK = {"ES": (ES_TITLES_SOURCE, "titles in force", ES_TITLES), "IT": (IT_TITLES_SOURCE, "titled people", IT_TITLES)}

# (male, female, weight): hand-set, illustrative (kept from extract_person.py).
ILLUSTRATIVE_NOBILITY = {
    "DE": [("Graf", "Gräfin", 40), ("Freiherr", "Freifrau", 35), ("Baron", "Baronin", 10),
           ("Prinz", "Prinzessin", 6), ("Fürst", "Fürstin", 4), ("Herzog", "Herzogin", 2), ("Ritter", "Edle", 3)],
    "FR": [("Baron", "Baronne", 40), ("Comte", "Comtesse", 35), ("Vicomte", "Vicomtesse", 12),
           ("Marquis", "Marquise", 8), ("Duc", "Duchesse", 3), ("Prince", "Princesse", 2)],
}
DM = "datamimic-ce@4.3.0"


def academic_titles() -> None:
    for cc, form in sorted(DOCTORATE_FORM.items()):
        write_value_weight(f"{P}academic_title_{cc}.csv",
                           [f"Source: the form a doctorate holder of {cc} writes before the name (one form for every field)",
                            "structural: one form; who holds a doctorate is academic_title_share's"], [(form, 1)])
    lines = ["# The form a doctorate holder writes before the name and its share of holders: one form (structural) or "
             "by the doctorates awarded per field; written by datasets/tools/extract_person_titles.py"]
    lines += [f"# {cc}: {source}" for cc, (source, _) in sorted(BY_FIELD.items())]
    lines.append("country,title,share")
    lines += [f"{cc},{form},1.0000" for cc, form in sorted(DOCTORATE_FORM.items())]
    for cc, (source, rows) in sorted(BY_FIELD.items()):
        write_value_weight(f"{P}academic_title_{cc}.csv",
                           [f"Source: {source}; hand-transcribed",
                            "weight = doctorates of the fields whose holders write this form; they stand for the field mix of all holders"],
                           rows)
        total = sum(n for _, n in rows)
        lines += [f"{cc},{form},{n / total:.4f}" for form, n in sorted(rows, key=lambda r: -r[1])]
    write_reference("academic_title_form.csv", lines)


def salutations() -> None:
    for cc, (male, female, other) in sorted(ONE_FORM.items()):
        write_table(f"{P}salutation_{cc}.csv",
                    [f"Source: {DM} salutation_*.csv (male/female forms) + neutral form for 'other' (see SOURCES.md)",
                     "structural: one form per gender"],
                    ["gender", "salutation", "weight"],
                    [["male", male, 1], ["female", female, 1], ["other", other, 1]])
    reference = ["# Women's forms by marital status: Mrs = married and widowed, Ms = divorced and separated, "
                 "Miss = never married; written by datasets/tools/extract_person_titles.py",
                 f"# US: {US_SOURCE}", f"# GB: {GB_SOURCE}", "country,salutation,share"]
    for cc, women, source, male, other in (("US", US_WOMEN, US_SOURCE, "Mr.", "Mx."),
                                           ("GB", GB_WOMEN, GB_SOURCE, "Mr", "Mx")):
        total = sum(women.values())
        rows = [["male", male, 1]]
        rows += [["female", form, round(share / total, 6)] for form, share in women.items()]
        rows.append(["other", other, 1])
        write_table(f"{P}salutation_{cc}.csv",
                    [f"Source: {source}",
                     "weight of a woman's form = share of women: Mrs = married and widowed, Ms = divorced and separated, "
                     "Miss = never married; men and 'other': one form"],
                    ["gender", "salutation", "weight"], rows)
        reference += [f"{cc},{form},{share / total:.4f}" for form, share in women.items()]
    write_reference("salutation_female_share.csv", reference)


def nobility_titles() -> None:
    for i, sex in ((0, "male"), (1, "female")):
        write_value_weight(f"{P}nobility_title_{sex}_GB.csv",
                           [f"Source: {GB_PEERS_SOURCE}",
                            "weight = peers of the rank; the female form is the rank of a peer's wife (or of a peeress in her own right)"],
                           [(t[i], t[2]) for t in GB_PEERS])
        for cc, items in sorted(ILLUSTRATIVE_NOBILITY.items()):
            write_value_weight(f"{P}nobility_title_{sex}_{cc}.csv",
                               [f"Source: hand-curated, vocabulary from {DM} nobTitle_*_{{GB,de,fr,es,it}}.csv corrected (German/French/Spanish forms); MIT",
                                "weights: illustrative (rough relative frequency of such titles)"],
                               [(t[i], t[2]) for t in items])
        for cc, (source, unit, ranks) in sorted(BY_RANK.items()):
            write_value_weight(f"{P}nobility_title_{sex}_{cc}.csv",
                               [f"Source: {source}",
                                f"weight = {unit} of the rank; the female form is the rank of a holder's wife or of a woman holding it"],
                               [(t[i], t[2]) for t in ranks])
    lines = ["# Titles of nobility by rank; share = count of the rank / all counted; written by datasets/tools/extract_person_titles.py"]
    lines += [f"# {cc}: {source}" for cc, (source, _, _) in sorted(BY_RANK.items())]
    lines.append("country,male,female,share")
    for cc, (_, _, ranks) in sorted(BY_RANK.items()):
        total = sum(t[2] for t in ranks)
        lines += [f"{cc},{m},{f},{n / total:.4f}" for m, f, n in ranks]
    write_reference("nobility_title_rank.csv", lines)
    total = sum(t[2] for t in GB_PEERS)
    lines = [f"# {GB_PEERS_SOURCE}", "# share = peers of the rank / all 801; written by datasets/tools/extract_person_titles.py",
             "male,female,share"]
    lines += [f"{m},{f},{n / total:.4f}" for m, f, n in GB_PEERS]
    write_reference("nobility_title_gb.csv", lines)


def write_reference(name: str, lines: list[str]) -> None:
    (REFERENCE / name).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/it/reference/{name}: {len(lines)} lines")


if __name__ == "__main__":
    academic_titles()
    salutations()
    nobility_titles()
