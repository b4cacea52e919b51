"""Published populations of the states of GB, ES, AT and CH, by the national statistics
offices, hand-transcribed with their source and reference date (ES, AT, CH from the published
documents as stored in the pages corpus; GB from memory of the ONS table, which was not
reachable, and checked since against NRS's Scotland release, NISRA's and ONS's rounded
figures and copies of England's and the UK's, see datasets/SOURCES.md). Each country's figures add up
to the national total the same table publishes (checked by `extract_state_population.py` and
by the test `state_tables_carry_the_published_populations`).

IT, PL and SE were typed from the secondary copies the build machine could reach, each named
with its figures below (the statistics offices' own tables were not reachable): ISTAT's
regional census releases as reported region by region, GUS's voivodeship estimates as
copied by citypopulation.de and a public script, SCB's county figures as copied in a public
script and its published national total.
"""
from __future__ import annotations

# country -> (source, national total published with the table, {state code: population})
PUBLISHED = {
    "GB": (
        "ONS, Population estimates for the UK, England, Wales, Scotland and Northern Ireland: mid-2022 "
        "(usual residents at 30 June 2022; Scotland: NRS, Northern Ireland: NISRA), OGL v3",
        67596281,
        {"ENG": 57106398, "NIR": 1910543, "SCT": 5447700, "WLS": 3131640},
    ),
    "ES": (
        "INE, Estadística del Padrón Continuo at 1 January 2018, population by autonomous community "
        "(table 0ccaa001, https://www.ine.es/jaxi/files/_px/es/csv_c/t20/e245/p04/a2018/0ccaa001.csv_c); INE terms of use (reuse with attribution)",
        46722980,
        {"AN": 8384408, "AR": 1308728, "AS": 1028244, "IB": 1128908, "CN": 2127685, "CB": 580229, "CL": 2409164,
         "CM": 2026807, "CT": 7600065, "VC": 4963703, "EX": 1072863, "GA": 2701743, "MD": 6578079, "MC": 1478509,
         "NC": 647554, "PV": 2199088, "RI": 315675, "CE": 85144, "ML": 86384},
    ),
    "AT": (
        "Statistik Austria, Registerzählung (Volkszählung) 2021, Wohnbevölkerung nach Ländern at 31 October 2021, "
        "as promulgated in BGBl. II Nr. 142/2023 (official text, free reuse)",
        8969068,
        {"1": 297506, "2": 564328, "3": 1698951, "4": 1504237, "5": 561714, "6": 1251683, "7": 762652,
         "8": 401037, "9": 1926960},
    ),
    "CH": (
        "BFS STATPOP, ständige Wohnbevölkerung Ende 2024 by canton, as declared valid by the "
        "Bundesratsbeschluss über die Erwahrung der Zahlen der ständigen Wohnbevölkerung Ende 2024 "
        "(27 August 2025, Bundesblatt); official figures, free reuse with source (BFS terms)",
        9051029,
        {"ZH": 1620020, "BE": 1071216, "LU": 437944, "UR": 38275, "SZ": 168931, "OW": 39662, "NW": 45345,
         "GL": 42371, "ZG": 133739, "FR": 346674, "SO": 289792, "BS": 201384, "BL": 301323, "SH": 88667,
         "AR": 56705, "AI": 16733, "SG": 540036, "GR": 206138, "AG": 735808, "TG": 299509, "TI": 358903,
         "VD": 855106, "VS": 371288, "NE": 179518, "GE": 531102, "JU": 74840},
    ),
    "IT": (
        "ISTAT, Censimento permanente della popolazione, residents at 31 December 2023 by region "
        "(the regional releases of April 2025, as reported by regional news agencies: Piemonte 4,251,623 "
        "and Toscana 3,660,530 on istat.it; the others by ANSA and local papers; Trentino-Alto Adige = "
        "Bolzano 537,533 + Trento 545,169; Friuli-Venezia Giulia from the Regione FVG yearbook 2024 "
        "citing the same date; Lombardia's release was not found, so its figure is the published "
        "national total minus the other 19); ISTAT terms (CC BY 4.0)",
        58971230,
        {"01": 1269571, "02": 533233, "03": 1838568, "04": 5593906, "05": 4451938, "06": 1195792,
         "07": 5714745, "08": 1509140, "09": 10010878, "10": 1482746, "11": 289224, "12": 4251623,
         "13": 3890661, "14": 1570453, "15": 4797359, "16": 3660530, "17": 1082702, "18": 853068,
         "19": 122877, "20": 4852216},
    ),
    "PL": (
        "GUS, population by voivodeship at 31 December 2023 (estimate; national total 37,636,508), "
        "as copied by citypopulation.de (Woiwodschaften, Schätzung 2023-12-31: 14 voivodeships) and in "
        "a public script of 2026 (Apache-2.0, M. M. Kasperek: all 16, agreeing on the 14); GUS terms "
        "(free reuse with source)",
        37636508,
        {"72": 2879271, "73": 1996003, "74": 2362519, "75": 2011047, "76": 975023, "77": 3429632,
         "78": 5510527, "79": 936725, "80": 2071676, "81": 1138216, "82": 2359573, "83": 4320130,
         "84": 1168499, "85": 1357910, "86": 3487973, "87": 1631784},
    ),
    "SE": (
        "SCB, Folkmängd per län 31 December 2023 (national total 10,551,707), as copied in a public R "
        "script (all counties but Gotland; Stockholm 2,454,821 and Södermanland 301,944 agree with "
        "the Wikipedia infoboxes citing SCB) and Gotland 61,029 from Regionfakta (SCB); SCB terms "
        "(CC BY 4.0)",
        10551707,
        {"AB": 2454821, "C": 404589, "D": 301944, "E": 472298, "F": 368856, "G": 203686, "H": 246667,
         "I": 61029, "K": 157973, "M": 1421781, "N": 343746, "O": 1767016, "S": 283548, "T": 308116,
         "U": 280813, "W": 287253, "X": 285642, "Y": 242148, "Z": 132572, "AC": 278729, "BD": 248480},
    ),
}