"""Published populations of the states of GB, ES, AT and CH, by the national statistics
offices, hand-transcribed with their source and reference date (ES, AT, CH from the published
documents as stored in the pages corpus; GB from memory of the ONS table, which was not
reachable). Each country's figures add up
to the national total the same table publishes (checked by `extract_state_population.py` and
by the test `state_tables_carry_the_published_populations`).

IT (ISTAT), PL (GUS) and SE (SCB) are not here: their regional tables were searched for in
the stored pages and repositories (ISTAT demo/bilancio tables, the GUS "Ludność. Stan i
struktura" series, SCB "Folkmängd i riket, län och kommuner") and only fragments were
reachable (SCB 2024: Stockholm county alone; ISTAT: regional census releases one region at a
time), so those tables keep their package figures, labelled illustrative.
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
}
