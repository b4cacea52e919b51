"""common/address/street_{GB,FR,DE,AT,CH,IT,NL,PL,SE,ES,VN}.csv and tests/it/reference/streets_CC.csv.
Stdlib only.

GB: Ordnance Survey *OS Open Names* (OGL), as summarised by CityMetric ("16 things we learned
from a list of every single road name in Great Britain"): 788,340 named roads; a fifth are
Roads, 15 % Closes, 10 % Streets, 8 % Lanes, 6 % Avenues; the most common names are High
Street 2,453, Station Road 2,023, Church Lane 1,868, Church Street 1,521 and Mill Lane 1,318.
The table is in roads: those five names at their published counts, and each generic (Road,
Close, ...) keeps its published share of all roads, spread evenly over the specific names of
mimesis `en-gb` (which ships names without their generic). The 41 % of roads of other
generics has no published split: it is spread evenly over 15 common generics, each combined
with a fifteenth of the specific names (illustrative within that 41 %).

FR: the same construction in voies: La Poste's fifteen most common names (2009) at their
counts, the FANTOIR voie types over 1 % at their shares (as charted from FANTOIR 10/2022),
spread evenly over names of persons French streets carry (OSM stems the tabulation below links
to a person), the types under 1 % over twelve further types.

DE, AT, CH, IT, NL, PL, SE: OpenStreetMap (ODbL) counts of 2023 per street-name stem, as
tabulated by the ulitza project (mihaiolteanu/ulitza, data/countries/<country>.json at commit
3ec8d46): for each stem ("Haupt", "Schul", "Birken", ...; the generic and leading words
stripped by the country's rule) the number of places having a street with that stem. A listed
name (DE: Berlin's directory from mimesis, non-streets dropped; the others: datamimic's
lists) weighs its stem's count, split between the names sharing the stem (DE, CH: by how
common each name's form is in the list; AT, IT, NL, PL, SE: by datamimic's occurrence
counts); the counts of the stems no listed name carries are spread evenly over the names
whose stem is not counted, so that each counted name keeps its share of all streets.

ES: as IT, datamimic's names (a leading street type dropped) at the OSM counts of their stems;
each joined to the street types at the shares the Catalan street register publishes (the only
count by type found), the 9.5 % of other types to one of eight per name.

VN: the OSM counts of the tabulation themselves, road classes and cut names dropped, each an
Đường (no count of Phố found).

Needs, besides the pinned wheels, the ulitza files in $DM_SRC/ulitza/:
    for c in germany france austria switzerland italy netherlands poland sweden spain vietnam; do
      git -C <ulitza clone> show 3ec8d46:data/countries/$c.json > $DM_SRC/ulitza/$c.json; done
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from _lib import SRC, dm_weighted, mimesis_json, write_value_weight
from extract_address import is_street_de

MAX_ROWS = 45000
REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference"

# ------------------------------------------------------------------------------------- GB
GB_SOURCE = ("Ordnance Survey OS Open Names (OGL v3) via CityMetric, '16 things we learned from a list "
             "of every single road name in Great Britain' (2015)")
GB_ROADS = 788_340
GB_HEAD = {"High Street": 2453, "Station Road": 2023, "Church Lane": 1868,
           "Church Street": 1521, "Mill Lane": 1318}
GB_GENERIC_SHARE = {"Road": 0.20, "Close": 0.15, "Street": 0.10, "Lane": 0.08, "Avenue": 0.06}
# The remaining 41 % of roads: no published split between these generics.
GB_OTHER_GENERICS = ["Way", "Drive", "Gardens", "Crescent", "Place", "Court", "Grove", "Terrace",
                     "Hill", "Walk", "Row", "Mews", "Green", "View", "Park"]


def gb_specifics() -> list[str]:
    names = sorted({" ".join(n.split()) for n in mimesis_json("en-gb", "address")["street"]["name"]})
    return [n for n in names if n]


def gb_rows() -> list[tuple[str, float]]:
    specifics = gb_specifics()
    rows = dict(GB_HEAD)
    for generic, share in GB_GENERIC_SHARE.items():
        head = sum(c for n, c in GB_HEAD.items() if n.endswith(" " + generic))
        each = (share * GB_ROADS - head) / len(specifics)
        for s in specifics:
            name = f"{s} {generic}"
            if name not in GB_HEAD:
                rows[name] = rows.get(name, 0.0) + each
    other = (1.0 - sum(GB_GENERIC_SHARE.values())) * GB_ROADS / len(GB_OTHER_GENERICS)
    for i, generic in enumerate(GB_OTHER_GENERICS):
        part = specifics[i::len(GB_OTHER_GENERICS)]
        for s in part:
            rows[f"{s} {generic}"] = rows.get(f"{s} {generic}", 0.0) + other / len(part)
    return sorted(rows.items(), key=lambda r: (-r[1], r[0]))


# ------------------------------------------------------------------------------------- DE
# Auto Motor und Sport, reported by t-online.de on 2013-01-09: the five most common names.
DE_PUBLISHED = {"Hauptstraße": 6451, "Schulstraße": 5007, "Gartenstraße": 4710, "Dorfstraße": 4392,
                "Bahnhofstraße": 4385}
# Swiss Post via watson.ch (2022): the two most common names (Dorfstrasse "over 650").
CH_PUBLISHED = {"Dorfstrasse": 650, "Bahnhofstrasse": 524}

# How the tabulation cut a name down to its stem, per country (restated from ulitza's
# affixes.js): the generics and leading words it strips, and whether it strips every match
# (global) or only the leftmost one ("Obere Hauptstraße" keeps "Hauptstraße" in AT). A stem
# left with its generic counts apart: Swiss "Bahnhofplatz" is not "Bahnhof".
STEM_RULES = {
    "DE": (r"(-?(straße|weg|platz|allee|gasse|chaussee|promenade|park|hain|höhe|garten))$"
           r"|( ring|-ring| siedlung|-siedlung|-hof)$|^(am|im) "
           r"|^((an|auf|unterer|untere|unter|oberer|oberes|obere|in|alter|alte|zum|zur|zu|in|im) (der |den |dem |))"
           r"|^(straße (der |des |zum |am |))", True),
    "AT": (r"^(am|im) |^((an|auf|unterer|untere|unter|oberer|oberes|obere) (der |den |dem |))"
           r"|((-?)(straße|gasse|platz|weg|allee| haupt))$", False),
    "CH": (r"^(am|im|untere) |^(via (alla|ai|del|da|alle|))"
           r"|(^(rue|ruelle|chemin|place|route|impasse|avenue) (du |de la |de l'|de |des |))|(strasse|weg)$", False),
    "IT": (r"^(viale|via|corso|piazzale|piazzetta|piazza|lungomare|autostrada|strada|traversa|largo|contrada|salita"
           r"|vicolo|vico|monte|campo|borgo) (provinciale |statale |)([0-9]* |)"
           r"(dell'|della |delle |dello |degli |del |dei |di |al |)| (sud|nord|vecchia|antica)$", True),
    "NL": (r"^(oude|korte|het) |(-| |)(straat|weg|laan|plein|kade|pad|dijk|park|plantsoen|singel|hof|zuid)$", False),
    "PL": (r"^(plac|aleja|aleje|trakt|przy|osiedle|rynek|stary|pod|na) |(ego|ski|-Straße| Straße)$", False),
    "SE": (r"^(östra|norra|västra|gamla) |(gatan|vägen| väg|stigen|torget|torg| esplanaden)$", False),
    # datamimic's Spanish names mostly come without their generic; those that carry one lose it
    # with its article ("Camino de la Caseta" -> "Caseta"), as the tabulation's stems have none.
    "ES": (r"^(calle|camino|plaza|avenida|paseo|carretera|travesía|ronda|pasaje|callejón|glorieta"
           r"|urbanización|rambla|carrer|plaça|avinguda|passeig|camí|rúa|praza|kalea|plazuela|costanilla"
           r"|bajada|cuesta|senda|vereda|partida|barrio|polígono) ((de la|de los|de las|del|de l'|de|d') ?)?", False),
}
ULITZA = {"DE": "germany", "AT": "austria", "CH": "switzerland", "IT": "italy", "NL": "netherlands",
          "PL": "poland", "SE": "sweden", "ES": "spain"}
ULITZA_DATE = {"DE": "2023-04-26", "AT": "2023-05-19", "CH": "2023-05-19", "IT": "2023-08-10",
               "NL": "2023-09-05", "PL": "2023-08-29", "SE": "2023-05-19", "ES": "2023-08-11"}


def stem_of(cc: str, name: str) -> tuple[str, str]:
    """(stem, form): the stem the OSM tabulation counts and the form, what the rule stripped
    ("|straße", "am |", "obere |")."""
    pattern, strip_all = STEM_RULES[cc]
    rule = re.compile(pattern, re.IGNORECASE)
    s = unicodedata.normalize("NFC", " ".join(name.split()))
    stripped = [m.group(0) for m in rule.finditer(s)][: None if strip_all else 1]
    s = rule.sub("", s, count=0 if strip_all else 1)
    form = "|".join(x.strip(" -") for x in stripped).casefold()
    return " ".join(s.replace("-", " ").split()).casefold(), form


def stem_weighted_rows(cc: str, names: list[str], prior: dict[str, float] | None = None
                       ) -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """(table rows, [(names of one stem joined by '|', the stem's share of the counts)] for the
    ten most counted stems). A name weighs its stem's count, divided among the names sharing
    the stem by `prior` (default: how common the name's form, what the stem rule strips, is
    among `names`: "Dorfstraße" is a common form, "Obere Dorfstraße" a rare one); the counts
    of the stems no name carries are spread evenly over the names whose stem is not counted."""
    counts: dict[str, int] = {}
    for row in json.loads((SRC / f"ulitza/{ULITZA[cc]}.json").read_text(encoding="utf-8"))[1:]:
        stem = " ".join(row[0].replace("-", " ").split()).casefold()
        counts[stem] = counts.get(stem, 0) + row[1]
    by_stem: dict[str, list[tuple[str, str]]] = {}
    form_count: dict[str, int] = {}
    for n in names:
        stem, form = stem_of(cc, n)
        by_stem.setdefault(stem, []).append((n, form))
        form_count[form] = form_count.get(form, 0) + 1
    weight_of = (lambda n, form: prior[n]) if prior else (lambda n, form: form_count[form])
    rows, uncounted = [], []
    for stem, group in by_stem.items():
        c = counts.get(stem)
        total_prior = sum(weight_of(n, f) for n, f in group)
        for n, f in group:
            if c:
                rows.append((n, c * weight_of(n, f) / total_prior))
            else:
                uncounted.append(n)
    # The counted stems no listed name carries keep their mass: the uncounted names stand
    # for them, so that the common names keep their national share.
    matched = {stem for stem in by_stem if stem in counts}
    rest = sum(c for stem, c in counts.items() if stem not in matched)
    rows += [(n, rest / len(uncounted)) for n in uncounted]
    total = sum(counts.values())
    top = sorted(matched, key=lambda stem: (-counts[stem], stem))[:10]
    stems = [("|".join(n for n, _ in by_stem[stem]), round(counts[stem] / total, 6)) for stem in top]
    # The row cap of every table: drop the least weighted, datamimic's rarest first (SE only).
    order = {n: weight_of(n, f) for group in by_stem.values() for n, f in group}
    rows.sort(key=lambda r: (-r[1], -order[r[0]], r[0]))
    return rows[:MAX_ROWS], stems


def ulitza_source(cc: str) -> str:
    return (f"OpenStreetMap (ODbL) street-name stems counted by place, {ULITZA_DATE[cc]}, as tabulated by "
            f"mihaiolteanu/ulitza data/countries/{ULITZA[cc]}.json (commit 3ec8d46)")


def de_rows():
    names = sorted({" ".join(n.split()) for n in mimesis_json("de", "address")["street"]["name"] if is_street_de(n)})
    return stem_weighted_rows("DE", names)


def dm_names(cc: str) -> dict[str, float]:
    """A country's names with datamimic's occurrence counts (origin undocumented), which split
    a stem between its names (AT: Hauptstraße 97, Hauptgasse 9)."""
    out: dict[str, float] = {}
    for v, w in dm_weighted(f"common/street/street_{cc}.csv"):
        v = " ".join(v.split())
        if v:
            out[v] = out.get(v, 0.0) + w
    return out


def ch_names() -> list[str]:
    names = {v for v, _ in dm_weighted("common/street/street_CH.csv")}
    names |= set(mimesis_json("de-ch", "address")["street"]["name"])
    return sorted({" ".join(n.split()) for n in names if n.strip()})


# ------------------------------------------------------------------------------------- ES
# Institut Cartogràfic i Geològic de Catalunya (ICGC) street register, as reported by the Agència
# Catalana de Notícies (eldiario.es, 2025): 106,942 vías in Catalonia by type. The only count of
# street types by type found for any part of Spain; applied to all of Spain (a regional proxy).
ES_TYPE_SOURCE = ("Institut Cartogràfic i Geològic de Catalunya street register via Agència Catalana de Notícies "
                  "(eldiario.es, 2025): vías of Catalonia by type")
ES_VIAS = 106_942
ES_GENERIC_COUNT = {"Calle": 74_050, "Plaza": 10_149, "Pasaje": 5_017, "Avenida": 4_024, "Camino": 3_526}
# The other 9.5 % of vías: no published split between these types.
ES_OTHER_GENERICS = ["Paseo", "Travesía", "Ronda", "Carretera", "Callejón", "Glorieta", "Urbanización", "Rambla"]
# Names kept: each takes six rows (five published types and one other), within the row cap.
ES_NAMES = MAX_ROWS // (len(ES_GENERIC_COUNT) + 1)


def es_rows() -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """A name's OSM weight (as IT: datamimic's names, each a stem the tabulation counts or not)
    spread over the street types: each published type at its share, the rest of the vías to
    one of the other types, a name in eight each (illustrative split)."""
    prior: dict[str, float] = {}
    generic = re.compile(STEM_RULES["ES"][0], re.IGNORECASE)
    for name, weight in dm_names("ES").items():
        bare = name
        while generic.match(bare):  # "Calle Paseo Mayor" -> "Mayor"
            bare = generic.sub("", bare, count=1).strip()
        if bare:
            bare = bare[0].upper() + bare[1:]
            prior[bare] = prior.get(bare, 0.0) + weight
    names, stems = stem_weighted_rows("ES", sorted(prior), prior)
    kept, cut = names[:ES_NAMES], names[ES_NAMES:]
    # The names cut for room stand for stems no name carries, as the uncounted names kept do:
    # those take their mass, so that the counted names keep their share.
    counts = {" ".join(r[0].replace("-", " ").split()).casefold()
              for r in json.loads((SRC / "ulitza/spain.json").read_text(encoding="utf-8"))[1:]}
    uncounted = {n for n, _ in kept if stem_of("ES", n)[0] not in counts}
    assert all(stem_of("ES", n)[0] not in counts for n, _ in cut), "a counted name was cut"
    spare = sum(w for _, w in cut) / len(uncounted)
    kept = [(n, w + spare if n in uncounted else w) for n, w in kept]
    other = 1.0 - sum(ES_GENERIC_COUNT.values()) / ES_VIAS
    rows = []
    for i, (name, weight) in enumerate(kept):
        for generic, count in ES_GENERIC_COUNT.items():
            rows.append((f"{generic} {name}", weight * count / ES_VIAS))
        rows.append((f"{ES_OTHER_GENERICS[i % len(ES_OTHER_GENERICS)]} {name}", weight * other))
    generics = {g: f"{g} " for g in ES_GENERIC_COUNT}
    stems = [("|".join(generics[g] + n for n in group.split("|") for g in ES_GENERIC_COUNT)
              + "|" + "|".join(f"{o} {n}" for n in group.split("|") for o in ES_OTHER_GENERICS), share)
             for group, share in stems]
    return sorted(rows, key=lambda r: (-r[1], r[0])), stems


# ------------------------------------------------------------------------------------- VN
VN_DATE = "2023-08-18"
# Stems that are a road class, not a name (national, provincial roads, expressways), and
# stems the tabulation cut short of their name ("30 Tháng" of "30 Tháng 4").
VN_NOT_NAME = {"quốc lộ", "quốc lộ 1a", "tỉnh lộ", "xa lộ", "tỉnh", "đại lộ bình dương", "3 tháng", "30 tháng",
               "30/4", "cách mạng tháng", "giấy"}


def vn_source() -> str:
    return (f"OpenStreetMap (ODbL) street-name stems counted by place, {VN_DATE}, as tabulated by "
            "mihaiolteanu/ulitza data/countries/vietnam.json (commit 3ec8d46)")


def vn_rows() -> tuple[list[tuple[str, float]], list[tuple[str, float]]]:
    """The tabulation's names at their counts, each an `Đường` (no count splits Đường from
    Phố, Hanoi's word for its inner-city streets). The Icelandic eth (Ð) some OSM names carry
    for Đ is read as Đ, so both spellings count for one name."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for name, count, _ in json.loads((SRC / "ulitza/vietnam.json").read_text(encoding="utf-8"))[1:]:
        name = unicodedata.normalize("NFC", " ".join(name.replace("\u00d0", "\u0110").split()))
        key = name.casefold()
        if key in VN_NOT_NAME:
            continue
        counts[key] = counts.get(key, 0) + count
        spelling.setdefault(key, name)
    total = sum(counts.values())
    rows = sorted(((f"Đường {spelling[k]}", c) for k, c in counts.items()), key=lambda r: (-r[1], r[0]))
    top = [(f"Đường {spelling[k]}", round(c / total, 6))
           for k, c in sorted(counts.items(), key=lambda r: (-r[1], r[0]))[:10]]
    return rows, top


# ------------------------------------------------------------------------------------- FR
FR_SOURCE = ("La Poste, 'Noms et nombre de voies les plus représentées en France' (2009, as tabulated by "
             "Wikipédia 'Odonymie en France'); generic shares: FANTOIR 10/2022 (DGFiP, Licence Ouverte) as "
             "charted by glostis/fantoir static/type_voie_france.png; total: #RuesDeFrance (C.-H. Boisseau, 2022)")
FR_STREETS = 786_455
FR_HEAD = {"Rue de l'Église": 7965, "Place de l'Église": 5755, "Grande Rue": 3943, "Rue du Moulin": 3566,
           "Place de la Mairie": 3430, "Rue du Château": 2963, "Rue des Écoles": 2779, "Rue de la Gare": 2771,
           "Rue de la Mairie": 2672, "Rue Principale": 2452, "Rue du Stade": 2421, "Rue de la Fontaine": 2346,
           "Rue Pasteur": 2020, "Rue des Jardins": 1755, "Rue Victor Hugo": 1621}
# FANTOIR voie types over 1 % of all voies (the chart's "Autre" and untyped, 9.34 %, have no split).
FR_GENERIC_SHARE = {"Rue": 0.438, "Chemin": 0.137, "Impasse": 0.102, "Route": 0.085, "Allée": 0.0502,
                    "Place": 0.0476, "Avenue": 0.0291, "Cheminement": 0.017}
FR_OTHER_GENERICS = ["Boulevard", "Quai", "Square", "Passage", "Cours", "Sentier", "Résidence", "Lotissement",
                     "Hameau", "Cité", "Faubourg", "Montée"]
# Stems the OSM tabulation links to a person but that name a thing or a place ("Moulin" is
# Jean Moulin's link, "Rue du Moulin" the street); they need an article this table cannot know.
FR_NOT_PERSON = {"Moulin", "Fontaine", "Prés", "Bruyères", "Rossignols", "Rocher", "Vivier", "Arènes", "Salle",
                 "Vieille", "Chevalier", "Forest", "Brousse", "Magdeleine", "Borderie", "Landais", "Faye",
                 "Luxembourg", "Poitiers", "Laval", "Constantine", "Navarre", "Clisson", "Montmorency", "Verneuil",
                 "Montfort", "Chavannes", "Salle", "Victoria", "Washington", "Franklin"}
# A title takes the article: "Rue du Général de Gaulle", "Rue des Frères Lumière".
FR_TITLES = {"Général", "Maréchal", "Président", "Docteur", "Commandant", "Colonel", "Capitaine", "Lieutenant",
             "Amiral", "Abbé", "Professeur", "Chanoine", "Cardinal", "Sergent", "Adjudant", "Pasteur", "Père"}


def fr_specifics() -> list[str]:
    """Names of persons French streets carry (OSM stems the tabulation links to a person)."""
    out = set()
    for stem, _count, link in json.loads((SRC / "ulitza/france.json").read_text(encoding="utf-8"))[1:]:
        stem = " ".join(stem.split())
        if not link or stem in FR_NOT_PERSON or not stem[:1].isupper():
            continue
        first = stem.split(" ")[0]
        if first in FR_TITLES and " " in stem:
            stem = f"du {stem}"
        elif first == "Frères":
            stem = f"des {stem}"
        out.add(stem)
    return sorted(out)


def fr_rows() -> list[tuple[str, float]]:
    specifics = fr_specifics()
    rows = dict(FR_HEAD)

    def head_of(generic: str) -> int:
        return sum(c for n, c in FR_HEAD.items() if n.startswith(generic + " ") and n != "Grande Rue")

    for generic, share in FR_GENERIC_SHARE.items():
        each = (share * FR_STREETS - head_of(generic)) / len(specifics)
        for s in specifics:
            name = f"{generic} {s}"
            if name not in FR_HEAD:
                rows[name] = rows.get(name, 0.0) + each
    other = ((1.0 - sum(FR_GENERIC_SHARE.values())) * FR_STREETS - FR_HEAD["Grande Rue"]) / len(FR_OTHER_GENERICS)
    for i, generic in enumerate(FR_OTHER_GENERICS):
        part = specifics[i::len(FR_OTHER_GENERICS)]
        for s in part:
            rows[f"{generic} {s}"] = rows.get(f"{generic} {s}", 0.0) + other / len(part)
    return sorted(rows.items(), key=lambda r: (-r[1], r[0]))


def write_reference(name: str, header: str, rows, source: str) -> None:
    path = REFERENCE / name
    lines = [f"# Source: {source}", header] + [",".join(str(c) for c in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(rows)} rows")


def main() -> None:
    gb = gb_rows()
    write_value_weight("common/address/street_GB.csv", [
        f"Source: {GB_SOURCE}: {GB_ROADS} named roads, top five names and generic shares; "
        "specific names from mimesis@22.2.0 en-gb/address.json street.name (MIT)",
        "weights: roads; top five published, each generic at its published share spread evenly over the "
        "specific names; the 41 % of other generics spread evenly (illustrative split)"], gb)
    write_reference("streets_GB.csv", "kind,value,share",
                    [("name", n, round(c / GB_ROADS, 6)) for n, c in GB_HEAD.items()]
                    + [("generic", g, s) for g, s in GB_GENERIC_SHARE.items()], GB_SOURCE)
    fr = fr_rows()
    write_value_weight("common/address/street_FR.csv", [
        f"Source: {FR_SOURCE}; names of persons from OpenStreetMap (ODbL) stems linked to a person, as "
        "tabulated by mihaiolteanu/ulitza data/countries/france.json (commit 3ec8d46)",
        f"weights: voies out of {FR_STREETS}; top fifteen published, each generic over 1 % at its published "
        "share spread evenly over the person names; the 9.34 % of other generics spread evenly (illustrative split)"], fr)
    write_reference("streets_FR.csv", "kind,value,share",
                    [("name", n, round(c / FR_STREETS, 6)) for n, c in FR_HEAD.items()]
                    + [("generic", g, s) for g, s in FR_GENERIC_SHARE.items()], FR_SOURCE)
    de, stems = de_rows()
    write_stem_weighted("DE", "mimesis@22.2.0 de/address.json street.name (Berlin's directory, MIT), allotments, "
                        "bridges, waters, tunnels and numbered paths dropped (is_street_de)", de, stems, DE_PUBLISHED,
                        "Auto Motor und Sport via t-online.de (2013-01-09), streets per name")
    at_prior = dm_names("AT")
    at, stems = stem_weighted_rows("AT", sorted(at_prior), at_prior)
    write_stem_weighted("AT", "datamimic-ce@4.3.0 common/street/street_AT.csv (MIT; its counts only split a stem "
                        "between its names)", at, stems,
                        {}, "none")
    ch, stems = stem_weighted_rows("CH", ch_names())
    write_stem_weighted("CH", "datamimic-ce@4.3.0 street_CH.csv + mimesis@22.2.0 de-ch/address.json street.name (MIT)",
                        ch, stems, CH_PUBLISHED, "Swiss Post via watson.ch (2022), streets per name "
                        "(Dorfstrasse 'over 650')")

    es, stems = es_rows()
    write_value_weight("common/address/street_ES.csv", [
        f"Source: {ulitza_source('ES')}; names from datamimic-ce@4.3.0 common/street/street_ES.csv (MIT; its "
        f"counts only split a stem between its names, a leading street type dropped); types: {ES_TYPE_SOURCE}",
        "weights: places with the name's stem (the uncounted names share the mass of the stems no name carries), "
        "split over the street types at the Catalan shares; the 9.5 % of other types to one of eight per name "
        "(illustrative split)"], es)
    write_reference("streets_ES.csv", "kind,value,figure",
                    [("stem", n, s) for n, s in stems]
                    + [("generic", g, round(c / ES_VIAS, 6)) for g, c in ES_GENERIC_COUNT.items()],
                    f"stem: {ulitza_source('ES')}, share of all counted stems, with the names carrying the stem; "
                    f"generic: {ES_TYPE_SOURCE}, share of all vías")

    vn, stems = vn_rows()
    write_value_weight("common/address/street_VN.csv", [
        f"Source: {vn_source()}",
        "weights: places with a street of the name; road classes (Quốc lộ, Tỉnh lộ) and names cut short dropped; "
        "every name an Đường (no count of Phố found: illustrative)"], vn)
    write_reference("streets_VN.csv", "kind,value,figure", [("stem", n, s) for n, s in stems],
                    f"stem: {vn_source()}, share of all counted names kept")

    for cc in ("IT", "NL", "PL", "SE"):
        prior = dm_names(cc)
        rows, stems = stem_weighted_rows(cc, sorted(prior), prior)
        write_stem_weighted(cc, f"datamimic-ce@4.3.0 common/street/street_{cc}.csv (MIT; its counts only split a "
                            "stem between its names)", rows, stems, {}, "none")


def write_stem_weighted(cc: str, names_source: str, rows, stems, published: dict[str, int], published_source: str):
    write_value_weight(f"common/address/street_{cc}.csv", [
        f"Source: {ulitza_source(cc)}; names from {names_source}",
        "weights: places with the name's stem, divided among the listed names sharing it by how common "
        "each one's generic is in the list; the uncounted names share the mass of the stems no name carries"], rows)
    write_reference(f"streets_{cc}.csv", "kind,value,figure",
                    [("published", n, c) for n, c in published.items()] + [("stem", n, s) for n, s in stems],
                    f"published: {published_source}; stem: {ulitza_source(cc)}, share of all counted stems, "
                    "with the listed names carrying the stem")


if __name__ == "__main__":
    main()
