"""City rows (city, state_code, postal_code, area_code, weight) from the GeoNames postal dump
joined to GeoNames populated places by location, for the countries whose postal dump is
complete enough (everything but US, which uses Census ZCTAs, and VN, which GeoNames' postal
dump lacks).

The join: a postal place matches a populated place when their names agree (exactly, or the
postal name is the place's name followed by a district: "Wien, Landstraße", "Hamburg
Eimsbüttel", "Paris 15") AND the postal coordinates lie within a radius that grows with the
place's population. A name alone never carries population: "Altona" in Mecklenburg is 100 km
from Hamburg-Altona and stays unmatched. Among several matches the most populous place wins,
so a city's districts go to the city; a place whose GeoNames admin1 code is not the one the
postal place's state name stands for (by majority of a first, unconstrained pass) never
matches. The state is the matched place's GeoNames admin1 code.

Weights: the place's population is spread evenly over its postal codes. The country's
population not attributed to a matched place (GeoNames' country total minus the matched sum)
is spread evenly over the remaining postal places, which are the villages below GeoNames'
500-inhabitant threshold.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from _lib import norm_key

# GeoNames admin1 code -> state table code, where they differ.
ADMIN1_TO_STATE = {
    "DE": {"01": "BW", "02": "BY", "03": "HB", "04": "HH", "05": "HE", "06": "NI", "07": "NW", "08": "RP",
           "09": "SL", "10": "SH", "11": "BB", "12": "MV", "13": "SN", "14": "ST", "15": "TH", "16": "BE"},
    "AT": {f"0{i}": str(i) for i in range(1, 10)},
    "ES": {"51": "AN", "52": "AR", "34": "AS", "39": "CB", "CE": "CE", "55": "CL", "54": "CM", "53": "CN",
           "56": "CT", "57": "EX", "58": "GA", "07": "IB", "31": "MC", "29": "MD", "ML": "ML", "32": "NC",
           "59": "PV", "27": "RI", "60": "VC"},
    "SE": {"26": "AB", "23": "AC", "14": "BD", "21": "C", "18": "D", "16": "E", "08": "F", "12": "G", "09": "H",
           "05": "I", "02": "K", "27": "M", "06": "N", "28": "O", "22": "S", "15": "T", "25": "U", "10": "W",
           "03": "X", "24": "Y", "07": "Z"},
}
# postal rows with accuracy 0 are large-recipient, PO-box and non-geographic codes (DE "Berliner
# Feuerwehr", GB NR99, CH "Zürich PF"), except in AT, where Vienna's districts carry it
DROP_ACCURACY_0 = {"DE", "GB", "CH", "SE", "NL", "ES", "IT", "PL", "FR"}
# codes GeoNames lists for a whole city that the postal service does not use for addresses
NOT_ADDRESS_CODES = {"FR": {"75000", "69000", "13000"}}
# GeoNames populations that are plainly wrong (checked against the place's own GeoNames
# neighbours): such places join as postal places without a population of their own
BAD_POPULATION = {
    2780180,  # AT Eisenzicken, a village of Oberwart listed with 54,353 inhabitants
}


# how many radii an exact name match may lie out when nothing matches within one radius
FAR = 2.5


def radius_km(population: float) -> float:
    """How far a postal place's coordinates may lie from a populated place's centre."""
    return 6.0 + 0.6 * math.sqrt(max(population, 0) / 1000.0)


def km(lat1, lon1, lat2, lon2) -> float:
    dx = (lon1 - lon2) * math.cos(math.radians((lat1 + lat2) / 2)) * 111.32
    dy = (lat1 - lat2) * 110.57
    return math.hypot(dx, dy)


def name_prefixes(name: str) -> list[tuple[str, str]]:
    """(key, spelling) of the name and of every shorter head that ends before a space or
    comma: "Wien, Landstraße" -> Wien, Landstraße / Wien; "Paris 15" -> Paris 15 / Paris."""
    out = [(norm_key(name), name)]
    # bilingual names: "Alicante/Alacant", "Pamplona/Iruña"
    for part in (p.strip() for p in name.split("/") if "/" in name):
        if part:
            out.append((norm_key(part), part))
    parts = re.split(r"(,\s*|\s+)", name)
    for i in range(len(parts) - 2, 0, -2):
        head = "".join(parts[:i]).strip(" ,")
        if head:
            out.append((norm_key(head), head))
    return out


def match_postal(cc: str, postal_rows: list[dict], places: list[dict], state_admin: dict | None = None):
    """Rows of postal places with the populated place each belongs to (or None). With
    `state_admin` (postal state name -> GeoNames admin1 code), a place in another state never
    matches: villages called "Wieden" in Lower Austria are not Vienna, whatever Vienna's
    alternate names say."""
    by_key = defaultdict(list)
    for p in places:
        if p["geonameid"] in BAD_POPULATION:
            continue
        keys = {norm_key(p["name"])} | {norm_key(a) for a in p.get("alternatenames") or [] if a}
        for k in keys:
            by_key[k].append(p)
    out = []
    for r in postal_rows:
        exact, head, far = None, None, None
        names = name_prefixes(r["city"])
        # the name itself and its bilingual halves are exact matches; the rest are heads
        whole = 1 + (len(r["city"].split("/")) if "/" in r["city"] else 0)
        for depth, (key, spelling) in enumerate(names):
            for p in by_key.get(key, ()):
                if state_admin and state_admin.get(r["state"], p["admin1code"]) != p["admin1code"]:
                    continue
                d = km(r["latitude"], r["longitude"], p["latitude"], p["longitude"]) / radius_km(p["population"])
                cand = ((-p["population"], p["geonameid"]), p, spelling if depth >= whole else r["city"])
                if depth < whole and d <= 1:
                    exact = min(exact, cand, key=lambda c: c[0]) if exact else cand
                elif depth < whole and d <= FAR:
                    far = min(far, cand, key=lambda c: c[0]) if far else cand
                elif d <= 1:
                    head = min(head, cand, key=lambda c: c[0]) if head else cand
        # a postal place placed off its town's centre (ES "Castellon De La Plana/Castello De
        # La Pla", 26 km out) still matches its full name a little farther out
        exact = exact or far
        # a district's own entry yields to the city it lies in ("Hamburg Altona" is Hamburg)
        if head and (not exact or head[1]["population"] >= 3 * exact[1]["population"]):
            best = head
        else:
            best = exact
        out.append((r, best[1] if best else None, best[2] if best else r["city"]))
    return out


# the national formats of address postal codes; others (FR "75569 CEDEX 12") are business codes
FORMAT = {"DE": r"\d{5}", "FR": r"\d{5}", "ES": r"\d{5}", "IT": r"\d{5}", "AT": r"\d{4}", "CH": r"\d{4}",
          "NL": r"\d{4}", "PL": r"\d{2}-\d{3}", "SE": r"\d{3} \d{2}", "GB": r"[A-Z]{1,2}\d[A-Z\d]?"}


def gb_non_geographic(dump: list[dict]) -> set[str]:
    """GB districts numbered 98 or 99 that list fewer than three localities: the PO-box and
    large-user districts Royal Mail numbers so (BS99 "Bristol (PO Boxes)", NR99, LS98, WV99),
    while B98 (Redditch, with its villages) is a real district."""
    places = defaultdict(set)
    for r in dump:
        m = re.fullmatch(r"[A-Z]{1,2}(\d+)", r["postal_code"])
        if m and int(m.group(1)) in (98, 99):
            places[r["postal_code"]].add(r["city"])
    return {code for code, names in places.items() if len(names) < 3}


def postal_rows(cc: str, dump: list[dict]) -> list[dict]:
    rows = []
    skip = NOT_ADDRESS_CODES.get(cc, set()) | (gb_non_geographic(dump) if cc == "GB" else set())
    for r in dump:
        if cc in DROP_ACCURACY_0 and not r["accuracy"]:
            continue
        if r["postal_code"] in skip or not re.fullmatch(FORMAT[cc], r["postal_code"]):
            continue
        rows.append(r)
    return rows


def build(cc: str, dump: list[dict], places: list[dict], country_population: int, area_of, state_of_name,
          state_admin: dict | None = None, max_rows: int = 45000):
    """City rows for country `cc`. area_of(postal_code, city, lat, lon) -> area code or "";
    state_of_name(postal state name) -> state code for postal places without a populated place."""
    admin = ADMIN1_TO_STATE.get(cc, {})
    matched = match_postal(cc, postal_rows(cc, dump), places, state_admin)
    # one row per (city, postal code); the populated place decides city spelling and state
    rows = {}
    for r, p, city in matched:
        if p is not None:
            state = admin.get(p["admin1code"], p["admin1code"])
        else:
            state = state_of_name(r["state"])
            if state is None:
                continue
        key = (city, state, r["postal_code"])
        if key in rows:
            continue
        rows[key] = {"city": city, "state": state, "postal": r["postal_code"], "gid": p["geonameid"] if p else None,
                     "pop": p["population"] if p else 0, "lat": r["latitude"], "lon": r["longitude"]}
    rows = list(rows.values())
    # over max_rows, unmatched postal places go first (in postal-code order), so the
    # remaining population is spread over the ones kept
    matched_rows = [r for r in rows if r["gid"]]
    unmatched = sorted((r for r in rows if not r["gid"]), key=lambda r: (r["postal"], r["city"], r["state"]))
    rows = matched_rows + unmatched[:max(max_rows - len(matched_rows), 0)]
    n = Counter(r["gid"] for r in rows if r["gid"])
    matched_pop = sum({r["gid"]: r["pop"] for r in rows if r["gid"]}.values())
    rest = [r for r in rows if not r["gid"]]
    remainder = max(country_population - matched_pop, 0)
    for r in rows:
        r["weight"] = r["pop"] / n[r["gid"]] if r["gid"] else (remainder / len(rest) if rest else 0)
    rows = [r for r in rows if r["weight"] > 0]
    for r in rows:
        r["area"] = area_of(r["postal"], r["city"], r["lat"], r["lon"])
    stats = {"rows": len(rows), "places": len(n), "matched_pop": matched_pop, "remainder": remainder,
             "unmatched_rows": len(rest)}
    return rows, stats
