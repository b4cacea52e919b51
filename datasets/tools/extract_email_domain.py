"""common/net/email_domain_{US,GB,DE,FR,PL,AT,CH,ES,IT}.csv and
tests/it/reference/email_providers.csv. Stdlib only; no input files (the figures are transcribed
below, each country from one source).

Mapp Digital, *Global Provider Report 2019* (more than 170 million e-mails and campaign mails of
selected customers, August and September 2019), as reported by MediaPost, iBusiness and
Digital Intelligence: the share of e-mail recipients by mailbox provider.

- US: Gmail 50.1 %, Verizon (Yahoo, AOL) 22.6 %, Microsoft 12.4 %, Comcast 2.0 %, Apple 1.6 %,
  AT&T 1.1 %;
- GB: Gmail 33 %, Microsoft 23 %, Verizon 18 %, Virgin Media 6 %, BT Internet 5 %, Apple 4 %;
- DE: 1&1 Mail & Media (GMX, WEB.DE) 39.9 %, Gmail 15.3 %, T-Online 11.9 %;
- FR: Gmail 26.9 %, Microsoft 25.9 %, Orange 17.8 %;
- PL: Wirtualna Polska 26.4 % (with o2.pl and tlen.pl, which it acquired in 2014), Gmail 25.4 %.

MindTake Research for United Internet Media (GMX's marketer), the e-mail provider people mainly
use privately, representative online surveys of people aged 15 and over:

- AT (GMX newsroom, 6 March 2023): Google 32 %, GMX 30.8 %, Microsoft 13.4 %, A1 7.9 %,
  Magenta 4.7 %, Yahoo 4.1 %;
- CH, German-speaking Switzerland (Werbewoche and persoenlich.com, 18 September 2023): Gmail
  30.7 %, GMX 17.3 %, Bluewin 17.0 %, Microsoft 15.3 %, own servers or domains 3.4 % (no
  mailbox domain to draw; left to the rest), iCloud 3.4 %, Sunrise 3.2 %, Yahoo 2.5 %.

Twilio SendGrid, *2019 Email Benchmark and Engagement Study* (the top three recipient domains of
the 25 countries SendGrid sends most e-mail to), as quoted by tuttosullapostaelettronica.it: the
share of recipients by domain (each domain is its own "provider" below):

- IT: gmail.com 46.8 %, libero.it 9.9 %, hotmail.it 7.2 %;
- ES: gmail.com 50.2 %, hotmail.com 25.8 %, yahoo.es 3.8 %.

Each provider keeps its published share. How a provider's share divides between its domains
(yahoo.com and aol.com; web.de, gmx.de and gmx.net), and how the rest of the recipients (the
providers the report does not name) divides between the other domains, is not published: the
weights below, kept from the earlier hand-set table, split them (illustrative split).
"""
from __future__ import annotations

from pathlib import Path

from _lib import write_value_weight

REFERENCE = Path(__file__).resolve().parents[2] / "tests/it/reference"
MAPP = ("Mapp Digital, Global Provider Report 2019 (170 million e-mails, August-September 2019; via MediaPost, "
        "iBusiness and Digital Intelligence): share of recipients by mailbox provider")
MINDTAKE = ("MindTake Research for United Internet Media, survey of {where} ({published}): e-mail provider "
            "mainly used privately")
SENDGRID = ("Twilio SendGrid, 2019 Email Benchmark and Engagement Study (via tuttosullapostaelettronica.it): "
            "share of recipients by domain, top three domains")
SOURCES = {
    "US": MAPP, "GB": MAPP, "DE": MAPP, "FR": MAPP, "PL": MAPP,
    "AT": MINDTAKE.format(where="Austrian online users", published="GMX newsroom, 6 March 2023"),
    "CH": MINDTAKE.format(where="German-speaking Swiss online users",
                          published="Werbewoche and persoenlich.com, 18 September 2023"),
    "IT": SENDGRID, "ES": SENDGRID,
}
OTHER = "other"

# country -> provider -> (published share in %, {domain: illustrative split weight}); the
# `other` provider takes what the published shares leave.
PROVIDERS: dict[str, dict[str, tuple[float | None, dict[str, float]]]] = {
    "US": {
        "Gmail": (50.1, {"gmail.com": 1}),
        "Verizon": (22.6, {"yahoo.com": 15, "aol.com": 4}),
        "Microsoft": (12.4, {"hotmail.com": 8, "outlook.com": 8, "live.com": 2, "msn.com": 2}),
        "Comcast": (2.0, {"comcast.net": 1}),
        "Apple": (1.6, {"icloud.com": 1}),
        "AT&T": (1.1, {"att.net": 1}),
        OTHER: (None, {"cox.net": 1, "charter.net": 1, "earthlink.net": 1, "juno.com": 1, "mail.com": 1,
                       "proton.me": 1, "gmx.com": 1, "zoho.com": 1}),
    },
    "GB": {
        "Gmail": (33.0, {"gmail.com": 1}),
        "Microsoft": (23.0, {"hotmail.co.uk": 12, "outlook.com": 8, "live.co.uk": 4}),
        "Verizon": (18.0, {"yahoo.co.uk": 10, "aol.com": 2}),
        "Virgin Media": (6.0, {"virginmedia.com": 1}),
        "BT Internet": (5.0, {"btinternet.com": 1}),
        "Apple": (4.0, {"icloud.com": 1}),
        OTHER: (None, {"sky.com": 4, "talktalk.net": 2}),
    },
    "DE": {
        "1&1 Mail & Media": (39.9, {"web.de": 18, "gmx.de": 17, "gmx.net": 5}),
        "Gmail": (15.3, {"gmail.com": 25, "googlemail.com": 1}),
        "T-Online": (11.9, {"t-online.de": 1}),
        OTHER: (None, {"outlook.de": 5, "hotmail.de": 4, "icloud.com": 4, "yahoo.de": 4, "freenet.de": 3,
                       "posteo.de": 2, "mail.de": 1, "proton.me": 1}),
    },
    "FR": {
        "Gmail": (26.9, {"gmail.com": 1}),
        "Microsoft": (25.9, {"hotmail.fr": 10, "outlook.fr": 4}),
        "Orange": (17.8, {"orange.fr": 14, "wanadoo.fr": 3}),
        OTHER: (None, {"free.fr": 8, "yahoo.fr": 7, "laposte.net": 5, "sfr.fr": 5, "icloud.com": 4}),
    },
    "PL": {
        "Wirtualna Polska": (26.4, {"wp.pl": 18, "o2.pl": 12, "tlen.pl": 2}),
        "Gmail": (25.4, {"gmail.com": 1}),
        OTHER: (None, {"onet.pl": 12, "interia.pl": 10, "op.pl": 5, "outlook.com": 4, "gazeta.pl": 2}),
    },
    "AT": {
        "Google": (32.0, {"gmail.com": 1}),
        "GMX": (30.8, {"gmx.at": 4, "gmx.net": 1}),
        "Microsoft": (13.4, {"outlook.com": 7, "hotmail.com": 6}),
        "A1": (7.9, {"aon.at": 2, "a1.net": 1}),
        "Magenta": (4.7, {"chello.at": 1}),
        "Yahoo": (4.1, {"yahoo.com": 1}),
        OTHER: (None, {"icloud.com": 5, "web.de": 4}),
    },
    "CH": {
        "Gmail": (30.7, {"gmail.com": 1}),
        "GMX": (17.3, {"gmx.ch": 1}),
        "Bluewin": (17.0, {"bluewin.ch": 1}),
        "Microsoft": (15.3, {"hotmail.com": 7, "outlook.com": 6}),
        "iCloud": (3.4, {"icloud.com": 1}),
        "Sunrise": (3.2, {"sunrise.ch": 5, "hispeed.ch": 3}),
        "Yahoo": (2.5, {"yahoo.com": 1}),
        OTHER: (None, {"proton.me": 2, "green.ch": 1, "swissonline.ch": 1, "vtxmail.ch": 1}),
    },
    "IT": {
        "gmail.com": (46.8, {"gmail.com": 1}),
        "libero.it": (9.9, {"libero.it": 1}),
        "hotmail.it": (7.2, {"hotmail.it": 1}),
        OTHER: (None, {"yahoo.it": 8, "virgilio.it": 6, "alice.it": 5, "outlook.it": 5, "icloud.com": 4,
                       "tiscali.it": 4, "email.it": 3, "tim.it": 2}),
    },
    "ES": {
        "gmail.com": (50.2, {"gmail.com": 1}),
        "hotmail.com": (25.8, {"hotmail.com": 1}),
        "yahoo.es": (3.8, {"yahoo.es": 1}),
        OTHER: (None, {"outlook.es": 7, "hotmail.es": 5, "icloud.com": 5, "telefonica.net": 4, "movistar.es": 3}),
    },
}


def rows_of(providers: dict[str, tuple[float | None, dict[str, float]]]) -> list[tuple[str, float]]:
    published = sum(share for share, _ in providers.values() if share is not None)
    rows = []
    for share, domains in providers.values():
        share = 100.0 - published if share is None else share
        total = sum(domains.values())
        rows += [(domain, share * weight / total) for domain, weight in domains.items()]
    return rows


def main() -> None:
    sources = dict.fromkeys(SOURCES.values())
    reference = ["# Sources: " + "; ".join(sources), "# The domains of each provider, as the table writes them",
                 "country,provider,share,domains"]
    for country, providers in PROVIDERS.items():
        write_value_weight(f"common/net/email_domain_{country}.csv", [
            f"Source: {SOURCES[country]}",
            f"weights: percent of {'respondents' if SOURCES[country].startswith('MindTake') else 'recipients'}; "
            "each named provider at its published share, divided between its "
            "domains, and the rest between the other domains, by hand-set weights (illustrative split)"],
            rows_of(providers))
        for provider, (share, domains) in providers.items():
            if share is not None:
                reference.append(f"{country},{provider},{share / 100:.4f},{'|'.join(domains)}")
    path = REFERENCE / "email_providers.csv"
    path.write_text("\n".join(reference) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(reference) - 3} rows")


if __name__ == "__main__":
    main()
