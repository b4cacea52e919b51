"""Finance and e-commerce shares from published statistics (US, DE).

Rewrites the weights of tables that `extract_industry.py` first writes from datamimic-ce, so run
it after that script (stdlib only; reads the committed CSVs, writes them back):

- finance/transaction_category_{US,DE}.csv: each category's share of household consumer spending
  (BLS Consumer Expenditure Survey for the US, Destatis Laufende Wirtschaftsrechnungen for DE),
  split evenly over the category's merchant category codes.
- finance/merchant_{US,DE}.csv: the same category shares; a merchant's share within its category
  stays datamimic's.
- finance/card_network_DE.csv: credit cards in circulation by network (VuMA 2021).
- finance/bank_US.csv: consumer-deposit shares of the four largest banks (S&P Global Market
  Intelligence, end of 2022); the rest of the deposits spread evenly over the other names.
- finance/currency_{12}.csv: the country's own currency (CLDR) marked by weight 100; the foreign
  currencies weighted by their share of world FX turnover (BIS Triennial Survey 2022).
- ecommerce/payment_method_DE.csv: e-commerce turnover by payment method (EHI Online-Payment 2024).
- ecommerce/payment_method_US.csv: e-commerce transaction value by payment method (Worldpay Global
  Payments Report 2023); the methods it does not break out share the rest evenly.
- ecommerce/tax_rate_US.csv: the combined state and average local sales tax of every state (Tax
  Foundation, 1 January 2023) weighted by the state's population (2020 Census, the committed
  common/address/state_US.csv).

And the reference files the tests compare generated records with:
tests/it/reference/{spending_by_category,card_network_de,bank_consumer_deposits_us,
online_payment_de,online_payment_us,sales_tax_us}.csv.

All figures are hand-transcribed below from the pages named next to them.

Run `python3 datasets/tools/extract_finance_shares.py` (after extract_industry.py).
"""
from __future__ import annotations

import csv
from pathlib import Path

from _lib import DATASETS, fmt_weight, write_table

REFERENCE = DATASETS.parent / "tests" / "it" / "reference"

# ---------------------------------------------------------------- spending by category
# BLS, Consumer Expenditure Survey 2012, all consumer units: percent of average annual
# expenditures ($51,442). Table B of BLS Reports "Consumer Expenditures in 2012" (March 2014),
# the latest year whose full percent distribution was reachable: food at home 7.6, food away
# from home 5.2, utilities, fuels and public services 7.1, household operations 2.3, housekeeping
# supplies 1.2, household furnishings and equipment 3.1, apparel and services 3.4, public and
# other transportation 1.1, health care 6.9, entertainment 5.1. Personal care (628), reading
# (109), education (1,207) and miscellaneous (829) are dollars of CE 2012 Table 1101, as
# percent of $51,442.
CE_2012_TOTAL = 51_442
CE_2012_PERCENT = {
    "food at home": 7.6,
    "food away from home": 5.2,
    "utilities, fuels, and public services": 7.1,
    "household operations": 2.3,
    "housekeeping supplies": 1.2,
    "household furnishings and equipment": 3.1,
    "apparel and services": 3.4,
    "public and other transportation": 1.1,
    "health care": 6.9,
    "entertainment": 5.1,
    "personal care products and services": 100 * 628 / CE_2012_TOTAL,
    "reading": 100 * 109 / CE_2012_TOTAL,
    "education": 100 * 1_207 / CE_2012_TOTAL,
    "miscellaneous": 100 * 829 / CE_2012_TOTAL,
}
CE_CATEGORY = {
    "Grocery": ["food at home"],
    "Dining": ["food away from home"],
    "Utilities": ["utilities, fuels, and public services"],
    "Retail": ["apparel and services", "household furnishings and equipment",
               "housekeeping supplies", "reading"],
    "Services": ["household operations", "personal care products and services"],
    "Travel": ["public and other transportation"],
    "Healthcare": ["health care"],
    "Entertainment": ["entertainment"],
    "Education": ["education"],
    "Other": ["miscellaneous"],
}
CE_SOURCE = ("BLS Consumer Expenditure Survey 2012 (Table B of 'Consumer Expenditures in 2012', "
             "BLS Reports March 2014; Table 1101), public domain; hand-transcribed")

# Destatis, Laufende Wirtschaftsrechnungen 2022, "Struktur der Konsumausgaben privater Haushalte
# 2022" (EUR per household and month, Deutschland; table of 28 November 2023), and the press
# release of November 2023 for Wohnenergie (191 of Wohnen's 1,025). Verkehrsdienstleistungen
# (public transport, taxis, flights) are not in those tables: the 2009 LWR gave 35 of Verkehr's
# 326 (Destatis via dts, 2011), and that fraction of 2022's 347 stands for them.
LWR_2022_EUR = {
    "Nahrungsmittel, Getränke, Tabakwaren": 417,
    "Bekleidung und Schuhe": 103,
    "Wohnenergie": 191,
    "Innenausstattung, Haushaltsgeräte und -gegenstände": 170,
    "Gesundheit": 118,
    "Verkehrsdienstleistungen": 347 * 35 / 326,
    "Information und Kommunikation": 122,
    "Freizeit, Sport und Kultur": 245,
    "Bildungsdienstleistungen": 19,
    "Gastronomie- und Beherbergungsdienstleistungen": 177,
    "Versicherungs- und Finanzdienstleistungen": 7,
    "andere Waren und Dienstleistungen": 96,
}
LWR_CATEGORY = {
    "Lebensmittel": ["Nahrungsmittel, Getränke, Tabakwaren"],
    "Gastronomie": ["Gastronomie- und Beherbergungsdienstleistungen"],
    "Versorgung": ["Wohnenergie", "Information und Kommunikation"],
    "Einzelhandel": ["Bekleidung und Schuhe", "Innenausstattung, Haushaltsgeräte und -gegenstände"],
    "Dienstleistungen": ["andere Waren und Dienstleistungen"],
    "Reisen": ["Verkehrsdienstleistungen"],
    "Gesundheitswesen": ["Gesundheit"],
    "Unterhaltung": ["Freizeit, Sport und Kultur"],
    "Bildung": ["Bildungsdienstleistungen"],
    "Sonstiges": ["Versicherungs- und Finanzdienstleistungen"],
}
LWR_SOURCE = ("Destatis, Laufende Wirtschaftsrechnungen 2022, Struktur der Konsumausgaben (28 Nov 2023) "
              "and press release of Nov 2023 (Wohnenergie); Verkehrsdienstleistungen at the LWR 2009 "
              "fraction of Verkehr (35 of 326 EUR); Datenlizenz Deutschland 2.0; hand-transcribed")

# ---------------------------------------------------------------- card networks DE
# Verbrauchs- und Medienanalyse (VuMA) 2021: credit cards in circulation in Germany in 2020 by
# network, per cent (kreditkarte.net, "VISA überholt erstmals Mastercard in Deutschland"). Diners
# Club and Barclaycard share the remaining 4.27 % without a split, so Diners Club is left out.
VUMA_2020 = {"VISA": 44.43, "MASTERCARD": 43.83, "AMEX": 7.47}
VUMA_SOURCE = ("Verbrauchs- und Medienanalyse VuMA 2021: credit cards in circulation in Germany 2020 "
               "by network, per cent (via kreditkarte.net); hand-transcribed")

# ---------------------------------------------------------------- US banks
# S&P Global Market Intelligence, share of US consumer deposits at the end of 2022 ("Consumer
# reach, deposit diversity are strengths for big banks amid collapses", March 2023).
CONSUMER_DEPOSITS_2022 = {"Bank of America": 17.4, "Chase": 13.6, "Wells Fargo": 11.2, "Citibank": 2.1}
DEPOSITS_SOURCE = ("S&P Global Market Intelligence: share of US consumer deposits, end of 2022 "
                   "(Bank of America 17.4, JPMorgan Chase 13.6, Wells Fargo 11.2, Citi 2.1 per cent); hand-transcribed")
# A trade association, nobody's bank.
NOT_A_BANK = {"Independent Community Bankers of America"}

# ---------------------------------------------------------------- currencies
# BIS Triennial Central Bank Survey 2022, OTC FX turnover by currency (per cent of 200: each
# trade counts two currencies). Hand-transcribed from memory, not re-checked.
BIS_2022_PERCENT = {"USD": 88.5, "EUR": 30.5, "JPY": 16.7, "GBP": 12.9, "CHF": 5.2}
BIS_SOURCE = ("BIS Triennial Central Bank Survey 2022, FX turnover share by currency (per cent of 200); "
              "hand-transcribed from memory, not re-checked")

# ---------------------------------------------------------------- online payment DE
# EHI Retail Institute, "Online-Payment 2024": share of German e-commerce turnover 2023 by
# payment method (ibusiness.de, 18 April 2024). Other methods (Sofort, Vorkasse, wallets, ...)
# are not broken out there and are left out.
EHI_2023 = {"PayPal": 27.7, "Rechnungskauf": 26.7, "SEPA-Lastschrift": 16.7, "Kreditkarte": 11.4,
            "Ratenkauf": 3.9}
EHI_SOURCE = ("EHI Retail Institute, Online-Payment 2024: German e-commerce turnover 2023 by payment "
              "method, per cent (via ibusiness.de, 18 Apr 2024); hand-transcribed")

# ---------------------------------------------------------------- online payment US
# Worldpay from FIS, Global Payments Report 2023: US e-commerce transaction value 2022 by payment
# method, per cent: digital wallets 32 (PayPal, the largest, stands for them), credit cards 30,
# account-to-account 9 (seamlessxtra.com's summary of the report; capitaloneshopping.com's), and
# debit cards 19 (the report's North American figure, capitaloneshopping.com). The other 10 (buy
# now pay later, prepaid, cash on delivery, ...) is not broken out there: spread evenly over the
# table's four other methods (illustrative).
GPR_2022 = {"PAYPAL": 32, "CREDIT_CARD": 30, "DEBIT_CARD": 19, "BANK_TRANSFER": 9}
GPR_OTHER = ["CASH_ON_DELIVERY", "CRYPTOCURRENCY", "GIFT_CARD", "STORE_CREDIT"]
GPR_SOURCE = ("Worldpay from FIS, Global Payments Report 2023: US e-commerce transaction value 2022 by method "
              "(digital wallets 32, credit 30, debit 19 (North America), account-to-account 9 per cent; via "
              "seamlessxtra.com and capitaloneshopping.com); hand-transcribed")

# ---------------------------------------------------------------- US sales tax
# Tax Foundation, "State and Local Sales Tax Rates, 2023": combined state and population-weighted
# average local rate of every state and DC on 1 January 2023, per cent, as carried by a public
# repository file (stored index id 40087547018; its repository is not named by the index). The
# key findings agree (Tennessee and Louisiana 9.55, Arkansas 9.44, Washington 9.40, Alabama 9.24).
COMBINED_RATE_2023 = {
    "AL": 9.24, "AK": 1.81, "AZ": 8.37, "AR": 9.44, "CA": 8.85, "CO": 7.79, "CT": 6.35, "DE": 0.00,
    "FL": 7.02, "GA": 7.39, "HI": 4.44, "ID": 6.03, "IL": 8.84, "IN": 7.00, "IA": 6.93, "KS": 8.75,
    "KY": 6.00, "LA": 9.55, "ME": 5.50, "MD": 6.00, "MA": 6.25, "MI": 6.00, "MN": 7.53, "MS": 7.07,
    "MO": 8.37, "MT": 0.00, "NE": 6.97, "NV": 8.24, "NH": 0.00, "NJ": 6.61, "NM": 7.82, "NY": 8.53,
    "NC": 6.95, "ND": 7.04, "OH": 7.24, "OK": 8.97, "OR": 0.00, "PA": 6.34, "RI": 7.00, "SC": 7.50,
    "SD": 6.40, "TN": 9.55, "TX": 8.19, "UT": 7.20, "VT": 6.36, "VA": 5.73, "WA": 9.40, "WV": 6.43,
    "WI": 5.43, "WY": 5.44, "DC": 6.00,
}
TAX_SOURCE = ("Tax Foundation, State and Local Sales Tax Rates 2023 (combined state + average local rate "
              "per state, 1 Jan 2023) weighted by the 2020 Census population of common/address/state_US.csv")
# Groceries are exempt in most states; the reduced grocery rates are not modelled.
FOOD_RATE_US = 0.03


def rows_of(rel: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a committed headered CSV."""
    lines = [line for line in (DATASETS / rel).read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    parsed = list(csv.reader(lines))
    return parsed[0], parsed[1:]


def shares(parts: dict[str, float], mapping: dict[str, list[str]]) -> dict[str, float]:
    """Each category's share of the spending the categories cover."""
    amounts = {category: sum(parts[p] for p in items) for category, items in mapping.items()}
    total = sum(amounts.values())
    return {category: amount / total for category, amount in amounts.items()}


def write_reference(name: str, comments: list[str], header: str, lines: list[str]) -> None:
    text = "".join(f"# {c}\n" for c in comments) + header + "\n" + "".join(f"{line}\n" for line in lines)
    (REFERENCE / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"tests/it/reference/{name}: {len(lines)} rows")


def spending() -> None:
    reference = []
    for cc, parts, mapping, source in [("US", CE_2012_PERCENT, CE_CATEGORY, CE_SOURCE),
                                       ("DE", LWR_2022_EUR, LWR_CATEGORY, LWR_SOURCE)]:
        share = shares(parts, mapping)
        assert abs(sum(share.values()) - 1) < 1e-9
        how = "; ".join(f"{c} = {' + '.join(items)}" for c, items in mapping.items())
        # transaction_category: the category's share, split evenly over its codes.
        header, rows = rows_of(f"finance/transaction_category_{cc}.csv")
        assert header == ["category", "merchant_category_code", "weight"], header
        codes: dict[str, list[str]] = {}
        for category, code, _ in rows:
            codes.setdefault(category, []).append(code)
        assert set(codes) == set(share), (cc, sorted(codes), sorted(share))
        out = [[c, code, 100 * share[c] / len(codes[c])] for c in sorted(codes) for code in codes[c]]
        write_table(f"finance/transaction_category_{cc}.csv", [
            f"Source: {source}",
            f"weight = per cent of the household spending these categories cover ({how}), split evenly "
            "over the category's merchant category codes (ISO 18245, facts)"], header, out)
        # merchant: the same category shares, datamimic's split within a category.
        header, rows = rows_of(f"finance/merchant_{cc}.csv")
        assert header == ["category", "merchant", "weight"], header
        within: dict[str, float] = {}
        for category, _, weight in rows:
            within[category] = within.get(category, 0.0) + float(weight)
        assert set(within) == set(share), (cc, sorted(within))
        out = [[c, m, 1000 * share[c] * float(w) / within[c]] for c, m, w in rows]
        out.sort(key=lambda r: (r[0], -r[2], r[1]))
        write_table(f"finance/merchant_{cc}.csv", [
            f"Source: merchants (real brand names) and their split within a category datamimic-ce@4.3.0 "
            f"finance/transaction/merchants_{cc}.csv (MIT, illustrative)",
            f"category mix: {source}; weight = per mille of spending x the merchant's share of its category"],
            header, out)
        reference += [f"{cc},{c},{share[c]:.5f}" for c in sorted(share, key=lambda c: -share[c])]
    write_reference("spending_by_category.csv", [
        f"US: {CE_SOURCE}", f"DE: {LWR_SOURCE}",
        "share = the category's share of the household spending the ten categories cover; "
        "written by datasets/tools/extract_finance_shares.py"], "country,category,share", reference)


def card_networks() -> None:
    rows = sorted(VUMA_2020.items(), key=lambda r: (-r[1], r[0]))
    write_table("finance/card_network_DE.csv", [
        f"Source: {VUMA_SOURCE}",
        "weight = per cent of the cards; Diners Club and Barclaycard (4.27 together, no split) left out"],
        ["network", "weight"], [list(r) for r in rows])
    total = sum(VUMA_2020.values())
    write_reference("card_network_de.csv", [VUMA_SOURCE, "share = of the three networks' cards; "
                                            "written by datasets/tools/extract_finance_shares.py"],
                    "network,share", [f"{n},{w / total:.5f}" for n, w in rows])


def us_banks() -> None:
    header, rows = rows_of("finance/bank_US.csv")
    assert header == ["name", "bank_code", "bic", "weight"], header
    names = {r[0] for r in rows}
    assert set(CONSUMER_DEPOSITS_2022) <= names and NOT_A_BANK <= names
    others = [r for r in rows if r[0] not in CONSUMER_DEPOSITS_2022 and r[0] not in NOT_A_BANK]
    rest = (100 - sum(CONSUMER_DEPOSITS_2022.values())) / len(others)
    out = []
    for name, code, bic, _ in rows:
        weight = CONSUMER_DEPOSITS_2022.get(name, 0.0 if name in NOT_A_BANK else rest)
        out.append([name, code, bic, weight])
    out.sort(key=lambda r: (-r[3], r[0]))
    write_table("finance/bank_US.csv", [
        "Source: 8 large banks with published ABA routing numbers and SWIFT codes from datamimic-ce@4.3.0 "
        "finance/bank/banks_US.csv (MIT; checksums verified); other names mimesis@22.2.0 (MIT) en/finance.json "
        "banks, with SYNTHETIC checksum-valid routing numbers and synthetic BICs (not real)",
        f"weight = per cent of consumer deposits: {DEPOSITS_SOURCE}; the other "
        f"{100 - sum(CONSUMER_DEPOSITS_2022.values()):.1f} spread evenly over the other names (illustrative); "
        "Independent Community Bankers of America (a trade association) 0"], header, out)
    write_reference("bank_consumer_deposits_us.csv", [DEPOSITS_SOURCE,
                    "share = of US consumer deposits; written by datasets/tools/extract_finance_shares.py"],
                    "bank,share", [f"{n},{w / 100:.4f}" for n, w in
                                   sorted(CONSUMER_DEPOSITS_2022.items(), key=lambda r: -r[1])])


def currencies() -> None:
    for path in sorted((DATASETS / "finance").glob("currency_*.csv")):
        rel = f"finance/{path.name}"
        header, rows = rows_of(rel)
        assert header == ["code", "symbol", "name", "weight"], header
        local = max(rows, key=lambda r: float(r[3]))[0]
        out = [[code, symbol, name, 100 if code == local else BIS_2022_PERCENT[code]]
               for code, symbol, name, _ in rows]
        assert all(w < 100 for c, _, _, w in out if c != local)
        out.sort(key=lambda r: (-r[3], r[0]))
        old = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# Source")]
        write_table(rel, [old[0][2:],
                          f"weight: 100 marks the country's own currency (ISO 4217, the one records use); "
                          f"foreign currencies: {BIS_SOURCE}"], header, out)


def online_payment_de() -> None:
    rows = sorted(EHI_2023.items(), key=lambda r: (-r[1], r[0]))
    lines = [f"# Source: {EHI_SOURCE}",
             "# weight = per cent of turnover; methods not broken out (Sofort, Vorkasse, wallets) left out"]
    lines += [f"{method},{fmt_weight(w)}" for method, w in rows]
    (DATASETS / "ecommerce/payment_method_DE.csv").write_text("\n".join(lines) + "\n", encoding="utf-8",
                                                              newline="\n")
    print(f"ecommerce/payment_method_DE.csv: {len(rows)} rows")
    total = sum(EHI_2023.values())
    write_reference("online_payment_de.csv", [EHI_SOURCE, "share = of the five methods' turnover; "
                                              "written by datasets/tools/extract_finance_shares.py"],
                    "method,share", [f"{m},{w / total:.5f}" for m, w in rows])


def online_payment_us() -> None:
    rest = (100 - sum(GPR_2022.values())) / len(GPR_OTHER)
    rows = sorted([*GPR_2022.items(), *((m, rest) for m in GPR_OTHER)], key=lambda r: (-r[1], r[0]))
    lines = [f"# Source: {GPR_SOURCE}",
             "# weight = per cent of turnover; digital wallets as PAYPAL, account-to-account as BANK_TRANSFER; "
             f"the other {100 - sum(GPR_2022.values())} (not broken out) spread evenly over the last four (illustrative)"]
    lines += [f"{method},{fmt_weight(w)}" for method, w in rows]
    (DATASETS / "ecommerce/payment_method_US.csv").write_text("\n".join(lines) + "\n", encoding="utf-8",
                                                              newline="\n")
    print(f"ecommerce/payment_method_US.csv: {len(rows)} rows")
    write_reference("online_payment_us.csv", [GPR_SOURCE, "share = of all e-commerce turnover; "
                                              "written by datasets/tools/extract_finance_shares.py"],
                    "method,share", [f"{m},{w / 100:.2f}" for m, w in sorted(GPR_2022.items(), key=lambda r: -r[1])])


def us_sales_tax() -> None:
    header, states = rows_of("common/address/state_US.csv")
    assert header == ["code", "name", "weight"], header
    population = {code: float(weight) for code, _, weight in states}
    assert set(population) == set(COMBINED_RATE_2023), set(population) ^ set(COMBINED_RATE_2023)
    total = sum(population.values())
    rate = sum(COMBINED_RATE_2023[s] * population[s] for s in population) / total / 100
    header, rows = rows_of("ecommerce/tax_rate_US.csv")
    assert header == ["category", "rate", "weight"], header
    out = [[category, f"{FOOD_RATE_US if category == 'FOOD' else rate:.4f}", 1] for category, _, _ in rows]
    write_table("ecommerce/tax_rate_US.csv", [
        f"Source: {TAX_SOURCE}: {100 * rate:.2f} %; FOOD {100 * FOOD_RATE_US:g} % illustrative "
        "(most states exempt groceries)",
        "rate = fraction of the net price; one row per product category (weight 1, lookup table)"], header, out)
    write_reference("sales_tax_us.csv", [TAX_SOURCE, "rate = combined rate in per cent; population = 2020 Census; "
                                         "written by datasets/tools/extract_finance_shares.py"],
                    "state,rate,population", [f"{s},{COMBINED_RATE_2023[s]:.2f},{population[s]:.0f}"
                                              for s in sorted(population)])


def main() -> None:
    spending()
    card_networks()
    us_banks()
    currencies()
    online_payment_de()
    online_payment_us()
    us_sales_tax()


if __name__ == "__main__":
    main()
