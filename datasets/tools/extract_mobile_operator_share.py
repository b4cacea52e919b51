"""common/phone/mobile_prefix_CC.csv weighted by operator share, for the countries whose
subscriber shares and prefix-to-operator allocation could be sourced (the others keep the
structural weights extract_misc.py writes), and tests/reference/mobile_operator_share.csv with
the shares the generated numbers are checked against.

Weight of a prefix = its operator's published share of mobile subscribers x the prefix's part
of the operator's allocated number space (libphonenumber's mobile pattern, as extract_misc.py
expands it). Prefixes whose operator is not sourced, or whose operator has no published share
(MVNOs, unused ranges), are left out and named in the file's header.

Run with `python3 datasets/tools/extract_mobile_operator_share.py` (extract_misc.py skips these countries)
(reads the phonenumbers wheel in $DM_SRC).
"""
from __future__ import annotations

from collections import Counter

from _lib import DATASETS, write_value_weight
from extract_misc import MOBILE_LEN, OPERATOR_SHARE_COUNTRIES, expand, phonenumbers

# country -> (share source, {operator: subscribers or share}, allocation source,
#             {national prefix: operator})
OPERATORS = {
    "AT": (
        "RTR, Telekom-Monitor, 3rd quarter 2016 (A1 5.5 million customers, 39.1 %; T-Mobile, now Magenta, 4.0 "
        "million, 28.6 %; Drei 3.8 million, 27.3 %; other providers 5 %), as reported by Der Standard: the last "
        "per-operator figures RTR published (it stopped in 2018, Der Standard 12 October 2018)",
        {"A1": 39.1, "Magenta": 28.6, "Drei": 27.3},
        "the codes the network operators give new numbers (A1 0664, 0680, 0681, 0688; Magenta 0676, 0650; Drei "
        "0660, 0699, the former ONE/Orange range), as tarife.at lists them; codes of MVNOs (HoT 0677, Lidl "
        "Connect 0690, spusu 0670, eety 0665, Kabelplus 0686, MTEL 0667) and 0678 (Magenta's and Educom's on "
        "Drei) are not attributed",
        {**{p: "A1" for p in ("664", "680", "681", "688")},
         **{p: "Magenta" for p in ("650", "676")},
         **{p: "Drei" for p in ("660", "699")}},
    ),
    "DE": (
        "the network operators' active SIM cards at the end of June 2021 in millions (Telekom 50.27, "
        "Telefónica 44.97, Vodafone 30.93), from their quarterly reports as inside-digital.de compiled them; "
        "no per-operator count by the Bundesnetzagentur was found (its yearly report gives the market "
        "total: 106.4 million active SIMs at the end of 2021)",
        {"Telekom": 50.27, "Telefónica": 44.97, "Vodafone": 30.93},
        "the Bundesnetzagentur's original allocation of the mobile service codes (Telekom 0151, 0160, 0170, "
        "0171, 0175; Vodafone 0152, 0162, 0172-0174; Telefónica 0157, 0159, 0163, 0176-0179, with E-Plus's 0157, "
        "0163, 0177, 0178), as tariffuxx.de and welches-netz.com list it; numbers keep their code when ported",
        {**{p: "Telekom" for p in ("151", "160", "170", "171", "175")},
         **{p: "Vodafone" for p in ("152", "162", "172", "173", "174")},
         **{p: "Telefónica" for p in ("157", "159", "163", "176", "177", "178", "179")}},
    ),
    "VN": (
        "Ministry of Information and Communications (MIC), active mobile subscribers at the end of "
        "October 2016 in millions (Viettel 63.3, MobiFone 34, VinaPhone 25, Gmobile 6, Vietnamobile 4; "
        "131.9 in all), as reported by VietNamNet Bridge; the latest per-operator figures found",
        {"Viettel": 63.3, "MobiFone": 34.0, "VinaPhone": 25.0, "Gmobile": 6.0, "Vietnamobile": 4.0},
        "MIC's conversion of 11-digit to 10-digit mobile numbers (in force 15 September 2018: Viettel "
        "0162-0169 -> 032-039, MobiFone 0120/0121/0122/0126/0128 -> 070/079/077/076/078, VinaPhone "
        "0123/0124/0125/0127/0129 -> 083/084/085/081/082, Vietnamobile 0186/0188 -> 056/058, Gmobile "
        "0199 -> 059) and the operators' 10-digit blocks kept (Viettel 086/096/097/098, MobiFone "
        "089/090/093, VinaPhone 088/091/094, Vietnamobile 092, Gmobile 099), as published by lawnet.vn "
        "and fptcorp.com.vn and as public carrier-lookup code lists them",
        {**{p: "Viettel" for p in ("32", "33", "34", "35", "36", "37", "38", "39", "86", "96", "97", "98")},
         **{p: "MobiFone" for p in ("70", "76", "77", "78", "79", "89", "90", "93")},
         **{p: "VinaPhone" for p in ("81", "82", "83", "84", "85", "88", "91", "94")},
         **{p: "Vietnamobile" for p in ("56", "58", "92")},
         **{p: "Gmobile" for p in ("59", "99")}},
    ),
}


def structural(cc: str) -> Counter:
    """prefix -> allocated number space, as extract_misc.py computes it."""
    md = phonenumbers().PhoneMetadata.metadata_for_region(cc)
    length = MOBILE_LEN[cc]
    return Counter(s[:length] for s in expand(md.mobile.national_number_pattern, length + 2))


def main() -> None:
    assert set(OPERATORS) == OPERATOR_SHARE_COUNTRIES, "extract_misc.OPERATOR_SHARE_COUNTRIES must name OPERATORS' countries"
    reference = []
    for cc, (share_source, shares, plan_source, operator_of) in sorted(OPERATORS.items()):
        space = structural(cc)
        total_share = sum(shares.values())
        by_operator = Counter()
        for prefix, n in space.items():
            if operator_of.get(prefix) in shares:
                by_operator[operator_of[prefix]] += n
        missing = sorted(op for op in shares if not by_operator[op])
        assert not missing, f"{cc}: operators without a mobile range: {missing}"
        weights = {p: shares[operator_of[p]] / total_share * n / by_operator[operator_of[p]] * 1e6
                   for p, n in space.items() if operator_of.get(p) in shares}
        left_out = sorted(p for p in space if p not in weights)
        write_value_weight(f"common/phone/mobile_prefix_{cc}.csv", [
            f"Source: operator shares: {share_source}",
            f"prefix -> operator: {plan_source}",
            "weight = the operator's share (per million subscribers) x the prefix's part of the operator's allocated number "
            "space (libphonenumber mobile pattern, phonenumbers@9.0.43, Apache-2.0); derived by datasets/tools/extract_mobile_operator_share.py",
            f"libphonenumber mobile prefixes left out (no sourced operator with a published share): {' '.join(left_out) or 'none'}"],
            weights.items(), sort="value")
        reference += [[cc, op, operator_of_prefixes(operator_of, op, weights), round(shares[op] / total_share, 6)]
                      for op in sorted(shares)]
    with open(DATASETS.parent / "tests" / "reference" / "mobile_operator_share.csv", "w", encoding="utf-8",
              newline="\n") as f:
        f.write("# Published shares of mobile subscribers by operator and the national prefixes allocated to each\n")
        for cc, (share_source, _, plan_source, _) in sorted(OPERATORS.items()):
            f.write(f"# {cc}: shares: {share_source}\n# {cc}: prefixes: {plan_source}\n")
        f.write("# written by datasets/tools/extract_mobile_operator_share.py\n")
        f.write("country,operator,prefixes,share\n")
        for row in reference:
            f.write(",".join(str(x) for x in row) + "\n")


def operator_of_prefixes(operator_of: dict, op: str, weights: dict) -> str:
    """The prefixes of `op` that the table carries, space-separated."""
    return " ".join(sorted(p for p, o in operator_of.items() if o == op and p in weights))


if __name__ == "__main__":
    main()
