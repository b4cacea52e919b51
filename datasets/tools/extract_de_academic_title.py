"""DE academic titles: which doctorate a titled German carries, by the field mix Destatis
publishes.

Writes common/person/academic_title_DE.csv and tests/it/reference/academic_title_de.csv.

`academic_title_share_DE.csv` (extract_title_share.py) decides who holds a doctorate; this table
decides which title they write before their name. Source: Statistisches Bundesamt (Destatis),
press release no. 328 of 18 August 2023, "205 300 Promovierende an deutschen Hochschulen im Jahr
2022" (doctoral candidates of 2022 by Fächergruppe), **hand-transcribed** below: 54,000 in human
medicine/health sciences (the Dr. med. and Dr. med. dent.), 37,600 in engineering (the Dr.-Ing.)
of 205,300; every other field writes "Dr." (Dr. rer. nat., Dr. phil., Dr. rer. pol. ... are
written "Dr." before a name). The candidates of one year stand for the field mix of everyone
holding a doctorate (no count of doctorate holders by field was reachable: searched Destatis,
Mikrozensus and Zensus 2022 press releases in the pages corpus).

Left out: "Prof." is an office, not a degree (Destatis counts 51,161 full-time professors in
2022, but no count of doctorate holders to set them against was reachable), and "Dipl.-Ing."
is not a doctorate, which is what academic_title_share counts.

Run `python3 datasets/tools/extract_de_academic_title.py` (stdlib only).
"""
from __future__ import annotations

from pathlib import Path

from _lib import write_value_weight

SOURCE = ("Destatis, press release no. 328 of 18 August 2023 (doctoral candidates 2022 by field: "
          "205,300 in all, 54,000 human medicine/health sciences, 37,600 engineering); hand-transcribed")
REFERENCE = Path(__file__).resolve().parents[2] / "tests" / "it" / "reference" / "academic_title_de.csv"

CANDIDATES_2022 = 205_300
BY_TITLE = {"Dr. med.": 54_000, "Dr.-Ing.": 37_600}


def main() -> None:
    rows = dict(BY_TITLE)
    rows["Dr."] = CANDIDATES_2022 - sum(BY_TITLE.values())
    write_value_weight(
        "common/person/academic_title_DE.csv",
        [f"Source: {SOURCE}",
         "weight = doctoral candidates of 2022 by field: Dr. med. = human medicine and health sciences, Dr.-Ing. = "
         "engineering, Dr. = every other field; they stand for the field mix of all doctorate holders"],
        rows.items(),
    )
    lines = [f"# {SOURCE}",
             "# share = candidates of the field / all candidates; written by datasets/tools/extract_de_academic_title.py",
             "title,share"]
    lines += [f"{title},{count / CANDIDATES_2022:.4f}" for title, count in sorted(rows.items(), key=lambda r: -r[1])]
    REFERENCE.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"tests/it/reference/{REFERENCE.name}: {len(rows)} rows")


if __name__ == "__main__":
    main()
