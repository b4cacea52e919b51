"""common/person/academic_title_share_CC.csv: the per cent of people who carry an academic
title (a doctorate), by age band and sex, for the 12 countries. Stdlib only.

DE and US are published age-and-sex tables; the other countries take the DE age-and-sex
profile scaled to their own published share of doctorate holders among 25-64-year-olds.
Nobody under 25 holds a doctorate in these tables (the youngest published band starts at 25).
"""
from __future__ import annotations

from _lib import write_table

BANDS = [(0, 24), (25, 34), (35, 44), (45, 54), (55, 64), (65, 120)]

# Per cent with a doctorate ("Promotion") as highest professional degree, by age band and sex.
# Rounded, hand-transcribed (about +-0.3 points).
DE_SOURCE = ("Destatis, Mikrozensus 2019, 'Bildungsstand der Bevölkerung' (Statistischer Bericht), "
             "höchster beruflicher Abschluss 'Promotion' by age group and sex")
DE = {"male": [0, 0.9, 2.0, 1.9, 1.9, 1.8], "female": [0, 0.9, 1.5, 1.1, 0.9, 0.5]}

# Per cent with a doctoral degree, by age band and sex. Rounded, hand-transcribed.
US_SOURCE = ("U.S. Census Bureau, Current Population Survey 2022 Annual Social and Economic Supplement, "
             "Educational Attainment in the United States: 2022, Table 1 (doctoral degree by age and sex)")
US = {"male": [0, 1.4, 2.6, 2.6, 2.6, 3.4], "female": [0, 1.5, 2.2, 1.9, 1.6, 1.4]}

# Per cent of 25-64-year-olds with a doctoral or equivalent degree (ISCED 8); rounded.
LEVEL_SOURCE = "OECD, Education at a Glance 2023, Table A1.2 (share of 25-64-year-olds with doctoral or equivalent attainment, 2022)"
LEVEL = {"GB": 1.6, "FR": 1.0, "ES": 0.9, "IT": 0.5, "NL": 0.9, "AT": 1.2, "CH": 3.5, "PL": 0.6, "SE": 1.9}
# Viet Nam is not in the OECD table.
VN_SOURCE = ("General Statistics Office of Viet Nam, 2019 Population and Housing Census, completed results, "
             "doctorate holders among the population aged 15+ (about 0.1 %)")
VN_LEVEL = 0.1


def de_level() -> float:
    """DE's 25-64 share implied by the DE table (the four bands, sexes weighted equally)."""
    values = [DE[sex][i] for sex in DE for i in range(1, 5)]
    return sum(values) / len(values)


def rows(by_sex: dict[str, list[float]]) -> list[list]:
    out = []
    for sex in ("female", "male"):
        for (lo, hi), percent in zip(BANDS, by_sex[sex]):
            out.append([lo, hi, sex, round(percent, 3)])
    return out


def scaled(level: float) -> dict[str, list[float]]:
    factor = level / de_level()
    return {sex: [p * factor for p in DE[sex]] for sex in DE}


def main():
    header = ["age_min", "age_max", "sex", "weight"]
    note = "weight = per cent of the age band and sex with an academic title (doctorate); rows with weight 0: nobody"
    write_table("common/person/academic_title_share_DE.csv",
                [f"Source: {DE_SOURCE}; rounded, hand-transcribed", note], header, rows(DE))
    write_table("common/person/academic_title_share_US.csv",
                [f"Source: {US_SOURCE}; rounded, hand-transcribed", note], header, rows(US))
    for cc, level in sorted(LEVEL.items()):
        write_table(f"common/person/academic_title_share_{cc}.csv", [
            f"Source: derived by datasets/tools/extract_title_share.py: the DE age-and-sex profile ({DE_SOURCE}) scaled to {level} % ({LEVEL_SOURCE})",
            note], header, rows(scaled(level)))
    write_table("common/person/academic_title_share_VN.csv", [
        f"Source: derived by datasets/tools/extract_title_share.py: the DE age-and-sex profile ({DE_SOURCE}) scaled to {VN_LEVEL} % ({VN_SOURCE})",
        note], header, rows(scaled(VN_LEVEL)))


if __name__ == "__main__":
    main()
