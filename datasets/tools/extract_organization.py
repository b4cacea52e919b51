"""common/organization/{legal_form,company_name_word}_CC.csv for the 12 countries.

Company names are synthetic, built the way names in company registers are built: a family
name, a place or two family names with a trade word of the company's sector ("Müller Bau",
"Transports Martin", "Anderssons Bygg", "Xây dựng Minh Phát"). No real brand is used. The
family names and places come from the committed `common/person/family_name_CC.csv` (VN:
given names, which Vietnamese firms use as brand words) and `common/address/city_CC.csv`, so
run this after extract_person.py and extract_address.py. Stdlib only; the output is
deterministic (fixed seed, sorted rows).

Weights of company_name_word: the sector's share of enterprises (see SECTOR_SOURCE) divided
evenly over the NAMES_PER_SECTOR names of the sector, so the sector column has the sector
shares exactly. Enterprise counts, not employment: a generated Company is a random firm, so
its sector follows how many firms each sector has (a person's employer would follow
employment instead).

US sector shares are derived from the U.S. Census Bureau's Annual Business Survey 2017
(reference year 2017, Company Summary, `abscs` API): employer firms (FIRMPDEMP) by 2017 NAICS
sector, all firms (EMPSZFI, YIBSZFI, RCPSZFI = 001; SEX, ETH_GROUP, VET_GROUP = 001;
RACE_GROUP = 00). The counts in US_EMPLOYER_FIRMS were read from the API extract saved as
`census/census_abs/us_abs_naics6.rda` in github.com/fansi-sifan/metro-datasets (Brookings
Metro; commit 1c3c916) with the `rdata` package; that extract lost the codes of the three
hyphenated sectors (31-33, 44-45, 48-49), which were told apart by their employment equalling
the sum of their three-digit subsectors'. The 11 sectors of the table cover
US_COVERED_SHARE of all employer firms; the rest (agriculture, mining, utilities, finance,
management of companies, education, arts, unclassified) has no trade words in the table and
is left out, so the shares are among the 11.

DE sector shares are derived from Destatis, Unternehmensregister-System, table 52111-0001
(enterprises, EU definition, by WZ 2008 section and size class, 2023; Datenlizenz Deutschland
Namensnennung 2.0), summed over the four size classes. The counts in DE_ENTERPRISES were read
from the table file (flat CSV in a zip) that the GENESIS API returned, as recorded in the test
cassette `tests/cassettes/52111-0001.yaml` of github.com/CorrelAid/pystatis (commit b6e0dd8).
WZ 2008 sections are NACE Rev. 2 sections; the table's 11 cover DE_COVERED_SHARE of the
enterprises.

The other European and the Vietnamese sector shares stay illustrative: no per-country
enterprise count by NACE section was reachable as a file (see SOURCES.md).
"""
from __future__ import annotations

import csv
import random
from collections import Counter

from _lib import DATASETS, write_table, write_value_weight

REFERENCE = DATASETS.parent / "tests" / "it" / "reference"

NAMES_PER_SECTOR = 300

# ---------------------------------------------------------------- legal forms
# Register counts, rounded; hand-transcribed from the publications named (no machine-readable
# copy was reachable offline), so each figure is good to about +-15 %. Forms the source counts
# together are split where marked, and that split is illustrative.
LEGAL = {
    "US": ("IRS Statistics of Income, Integrated Business Data, tax year 2020: corporation returns (S 5.0M + C 1.7M) and LLC/LP/LLP partnership returns; "
           "the split of corporations into Inc./Corp./Corporation/Co. is illustrative (no statistic of name suffixes)",
           [("Inc.", 4_700_000), ("Corp.", 1_000_000), ("Corporation", 700_000), ("Co.", 300_000),
            ("LLC", 3_000_000), ("LP", 400_000), ("LLP", 100_000)]),
    "DE": ("Handelsregister stock on 1 Jan 2022 as compiled in Bayer/Lieder/Hoffmann, 'Bundesweite Rechtstatsachen zum Unternehmens- und Gesellschaftsrecht', GmbHR 2022, 777 (HRA/HRB), "
           "Genossenschaftsregister (eG) and Partnerschaftsregister (PartG); GmbH & Co. KG vs. other KG split illustrative; GbR (not registered) left out",
           [("GmbH", 1_270_000), ("UG (haftungsbeschränkt)", 165_000), ("GmbH & Co. KG", 240_000), ("KG", 40_000),
            ("e.K.", 150_000), ("OHG", 20_000), ("AG", 13_000), ("SE", 700), ("KGaA", 300), ("eG", 7_300), ("PartG", 15_000)]),
    "GB": ("Companies House, 'Companies register activities 2021 to 2022' (register at end of March 2022): private limited 4,713,538; "
           "limited by guarantee / no share capital 130,268 (named '... Limited'); LPs and LLPs 108,638 (LLP/LP split illustrative); PLCs about 6,000",
           [("Ltd", 4_713_538), ("Limited", 130_268), ("LLP", 51_000), ("LP", 57_638), ("PLC", 6_000)]),
    "FR": ("INSEE, SIRENE stock of active legal units by catégorie juridique (5710 SAS, 5720 SASU, 5499 SARL, 5498 EURL, 55xx/56xx SA, 5202 SNC), 2023; "
           "SCI (non-trading property companies) left out",
           [("SAS", 850_000), ("SASU", 1_050_000), ("SARL", 1_050_000), ("EURL", 450_000), ("SA", 45_000), ("SNC", 25_000)]),
    "ES": ("INE, Directorio Central de Empresas (DIRCE) 2023, empresas por condición jurídica (sociedades de responsabilidad limitada, sociedades anónimas, cooperativas)",
           [("S.L.", 1_120_000), ("S.A.", 75_000), ("S.Coop.", 19_000)]),
    "IT": ("InfoCamere/Unioncamere, Movimprese, registered firms by legal form, end of 2023 (società di capitale split S.r.l./S.r.l.s./S.p.A.; società di persone S.n.c./S.a.s.)",
           [("S.r.l.", 1_450_000), ("S.r.l.s.", 230_000), ("S.p.A.", 30_000), ("S.n.c.", 380_000), ("S.a.s.", 420_000)]),
    "NL": ("KvK (Kamer van Koophandel), Handelsregister registrations by rechtsvorm, 2023",
           [("B.V.", 1_000_000), ("V.O.F.", 200_000), ("N.V.", 3_000), ("C.V.", 15_000), ("Coöperatie U.A.", 10_000)]),
    "AT": ("Firmenbuch stock by Rechtsform as published by Statistik Austria/WKO Mitgliederstatistik, 2023 (KG includes GmbH & Co KG); GesbR (not registered) left out",
           [("GmbH", 170_000), ("e.U.", 65_000), ("KG", 45_000), ("OG", 25_000), ("AG", 1_400)]),
    "CH": ("Bundesamt für Statistik / Eidgenössisches Amt für das Handelsregister, Handelsregister stock by Rechtsform, 2023 (GmbH and AG; sole proprietorships carry no suffix)",
           [("GmbH", 250_000), ("AG", 230_000)]),
    "PL": ("GUS, Zmiany strukturalne grup podmiotów gospodarki narodowej w rejestrze REGON, 2023 (spółki z o.o., akcyjne, komandytowe, jawne, cywilne)",
           [("sp. z o.o.", 530_000), ("S.A.", 10_000), ("sp.k.", 40_000), ("sp.j.", 30_000), ("s.c.", 290_000)]),
    "SE": ("SCB, Företagsregistret, företag by juridisk form, 2023 (aktiebolag, handelsbolag, kommanditbolag)",
           [("AB", 700_000), ("HB", 60_000), ("KB", 15_000)]),
    "VN": ("General Statistics Office of Viet Nam, Sách trắng doanh nghiệp Việt Nam 2022 (enterprises in operation 2021 by type); the figures are shares, illustrative to +-5 points",
           [("Công ty TNHH", 70), ("Công ty Cổ phần", 22), ("Doanh nghiệp Tư nhân", 7), ("Công ty Hợp danh", 0.1)]),
}

# ---------------------------------------------------------------- sectors and trade words
SECTOR_SOURCE = {
    "EU": "illustrative sector shares, rounded and ordered after Eurostat structural business statistics (EU-27 enterprises by NACE section, business economy), "
          "with health (Q) and other services (S) added; the same shares for every European country (no per-country table was reachable offline)",
    "US": "derived sector shares: U.S. Census Bureau, Annual Business Survey 2017, employer firms by 2017 NAICS sector (public domain), among the 11 sectors of the table",
    "DE": "derived sector shares: Destatis, Unternehmensregister-System 2023, table 52111-0001, enterprises by WZ 2008 section (Datenlizenz Deutschland Namensnennung 2.0), among the 11 sections of the table",
    "VN": "illustrative sector shares, rounded and ordered after GSO Viet Nam enterprises in operation by economic activity, 2021",
}
# NACE section -> share (percent)
EU_SHARES = {"C": 7, "F": 14, "G": 22, "H": 5, "I": 8, "J": 4, "L": 6, "M": 18, "N": 5, "Q": 6, "S": 5}
# U.S. Census Bureau, Annual Business Survey 2017, employer firms (FIRMPDEMP) by 2017 NAICS
# sector, United States (see the module docstring for how they were read).
US_EMPLOYER_FIRMS = {
    "11": 28_556, "21": 19_382, "22": 6_088, "23": 706_354, "31-33": 251_707, "42": 303_607,
    "44-45": 648_335, "48-49": 188_227, "51": 79_322, "52": 239_154, "53": 311_301,
    "54": 817_377, "55": 29_783, "56": 350_537, "61": 92_814, "62": 659_399, "71": 129_066,
    "72": 533_176, "81": 395_072, "99": 22_630,
}
US_ALL_EMPLOYER_FIRMS = 5_744_643  # NAICS 00 (a firm active in two sectors counts once)
# NAICS sectors -> the table's sector (NACE section letter); the others have no trade words.
NAICS_TO_SECTION = {
    "31-33": "C", "23": "F", "42": "G", "44-45": "G", "48-49": "H", "72": "I", "51": "J",
    "53": "L", "54": "M", "56": "N", "62": "Q", "81": "S",
}
US_COUNTS = {section: sum(n for code, n in US_EMPLOYER_FIRMS.items() if NAICS_TO_SECTION.get(code) == section)
             for section in sorted(set(NAICS_TO_SECTION.values()))}
# A firm active in two sectors counts in each, so the sectors add up to more than the total.
assert sum(US_EMPLOYER_FIRMS.values()) >= US_ALL_EMPLOYER_FIRMS
US_COVERED_SHARE = sum(US_COUNTS.values()) / sum(US_EMPLOYER_FIRMS.values())
US_SHARES = {section: 100 * n / sum(US_COUNTS.values()) for section, n in US_COUNTS.items()}
# Destatis, Unternehmensregister-System (URS), table 52111-0001: enterprises (EU definition) by
# WZ 2008 section, 2023, the size classes 0-9, 10-49, 50-249 and 250+ employees summed.
DE_ENTERPRISES = {
    "B": 1_044 + 381 + 113 + 17, "C": 143_156 + 40_738 + 13_246 + 4_313,
    "D": 72_871 + 648 + 447 + 220, "E": 6_720 + 2_132 + 720 + 169,
    "F": 333_604 + 42_005 + 3_759 + 434, "G": 474_769 + 57_041 + 9_700 + 1_791,
    "H": 77_892 + 17_865 + 3_512 + 625, "I": 199_367 + 29_793 + 2_784 + 329,
    "J": 118_238 + 10_803 + 2_829 + 716, "K": 65_327 + 1_923 + 863 + 704,
    "L": 172_590 + 4_665 + 567 + 103, "M": 446_203 + 28_469 + 3_477 + 634,
    "N": 202_111 + 20_600 + 5_071 + 1_166, "P": 62_221 + 12_225 + 2_221 + 579,
    "Q": 203_068 + 42_061 + 7_846 + 2_959, "R": 98_973 + 6_191 + 954 + 186,
    "S": 210_497 + 13_666 + 2_301 + 422,
}
DE_COUNTS = {section: DE_ENTERPRISES[section] for section in US_COUNTS}  # the same 11 sections
DE_COVERED_SHARE = sum(DE_COUNTS.values()) / sum(DE_ENTERPRISES.values())
DE_SHARES = {section: 100 * n / sum(DE_COUNTS.values()) for section, n in DE_COUNTS.items()}
VN_SHARES = {"C": 15, "F": 14, "G": 38, "H": 5, "I": 4, "J": 3, "L": 3, "M": 7, "N": 5, "Q": 1, "S": 5}

EN_US = {
    "C": ("Manufacturing", ["Manufacturing", "Industries", "Metalworks", "Fabrication", "Plastics", "Machine Works"]),
    "F": ("Construction", ["Construction", "Builders", "Roofing", "Plumbing", "Electric", "Contracting", "Remodeling"]),
    "G": ("Wholesale and Retail Trade", ["Supply", "Trading", "Distributors", "Wholesale", "Hardware", "Outfitters", "Auto Sales"]),
    "H": ("Transportation and Warehousing", ["Logistics", "Transport", "Trucking", "Freight", "Moving"]),
    "I": ("Accommodation and Food Services", ["Catering", "Bakery", "Grill", "Diner", "Kitchen"]),
    "J": ("Information", ["Software", "Digital", "Systems", "Media", "IT Solutions"]),
    "L": ("Real Estate", ["Properties", "Realty", "Real Estate", "Property Management"]),
    "M": ("Professional, Scientific and Technical Services", ["Consulting", "Engineering", "Accounting", "Law Group", "Design", "Architects"]),
    "N": ("Administrative and Support Services", ["Cleaning Services", "Staffing", "Facility Services", "Security", "Landscaping"]),
    "Q": ("Health Care and Social Assistance", ["Dental", "Family Practice", "Physical Therapy", "Home Care", "Pharmacy"]),
    "S": ("Other Services", ["Auto Repair", "Hair Studio", "Laundry", "Repair Services"]),
}
EN_GB = {
    "C": ("Manufacturing", ["Manufacturing", "Engineering Works", "Fabrications", "Plastics", "Joinery"]),
    "F": ("Construction", ["Construction", "Builders", "Roofing", "Plumbing and Heating", "Electrical", "Groundworks"]),
    "G": ("Wholesale and Retail Trade", ["Supplies", "Trading", "Distribution", "Wholesale", "Motors", "Stores"]),
    "H": ("Transportation and Storage", ["Logistics", "Transport", "Haulage", "Freight", "Removals"]),
    "I": ("Accommodation and Food Service", ["Catering", "Bakery", "Kitchen", "Tea Rooms", "Hospitality"]),
    "J": ("Information and Communication", ["Software", "Digital", "Systems", "Media", "IT Solutions"]),
    "L": ("Real Estate", ["Properties", "Lettings", "Estates", "Property Management"]),
    "M": ("Professional, Scientific and Technical", ["Consulting", "Engineering", "Accountants", "Solicitors", "Surveyors", "Design"]),
    "N": ("Administrative and Support Services", ["Cleaning Services", "Recruitment", "Facilities", "Security", "Landscapes"]),
    "Q": ("Human Health and Social Work", ["Dental Care", "Physiotherapy", "Care Services", "Pharmacy"]),
    "S": ("Other Services", ["Garage Services", "Hair Studio", "Dry Cleaners", "Repairs"]),
}
DE = {
    "C": ("Verarbeitendes Gewerbe", ["Metallbau", "Maschinenbau", "Kunststofftechnik", "Feinmechanik", "Holzbau", "Werkzeugbau"]),
    "F": ("Baugewerbe", ["Bau", "Hochbau", "Tiefbau", "Bedachungen", "Elektrotechnik", "Haustechnik", "Sanitär", "Malerbetrieb"]),
    "G": ("Handel", ["Handel", "Handelsgesellschaft", "Großhandel", "Autohaus", "Baustoffe", "Getränkevertrieb"]),
    "H": ("Verkehr und Lagerei", ["Logistik", "Transporte", "Spedition", "Kurierdienst", "Umzüge"]),
    "I": ("Gastgewerbe", ["Gastronomie", "Catering", "Bäckerei", "Hotelbetrieb"]),
    "J": ("Information und Kommunikation", ["Software", "IT-Service", "Medien", "Datentechnik", "Systemhaus"]),
    "L": ("Grundstücks- und Wohnungswesen", ["Immobilien", "Hausverwaltung", "Grundbesitz", "Wohnbau"]),
    "M": ("Freiberufliche, wissenschaftliche und technische Dienstleistungen", ["Consulting", "Ingenieurbüro", "Steuerberatung", "Planungsbüro", "Architekten", "Unternehmensberatung"]),
    "N": ("Sonstige wirtschaftliche Dienstleistungen", ["Gebäudereinigung", "Personalservice", "Sicherheitsdienst", "Gartenbau", "Facility Management"]),
    "Q": ("Gesundheits- und Sozialwesen", ["Pflegedienst", "Physiotherapie", "Zahntechnik", "Sanitätshaus"]),
    "S": ("Sonstige Dienstleistungen", ["Kfz-Service", "Friseur", "Textilreinigung", "Reparaturservice"]),
}
AT = dict(DE)
AT.update({
    "F": ("Bau", ["Bau", "Baumeister", "Installationen", "Dachdeckerei", "Elektrotechnik", "Haustechnik", "Malerei"]),
    "C": ("Herstellung von Waren", ["Metallbau", "Maschinenbau", "Tischlerei", "Kunststofftechnik", "Werkzeugbau"]),
})
CH = dict(DE)
CH.update({
    "C": ("Verarbeitendes Gewerbe", ["Metallbau", "Maschinenbau", "Schreinerei", "Feinmechanik", "Präzisionstechnik"]),
    "M": ("Freiberufliche, wissenschaftliche und technische Dienstleistungen", ["Treuhand", "Ingenieurbüro", "Consulting", "Architekten", "Planung"]),
    "S": ("Sonstige Dienstleistungen", ["Garage", "Coiffeur", "Carrosserie", "Reparaturservice"]),
})
FR = {
    "C": ("Industrie manufacturière", ["Industrie", "Métallerie", "Menuiserie", "Plasturgie", "Mécanique"]),
    "F": ("Construction", ["Bâtiment", "Construction", "Électricité", "Plomberie", "Couverture", "Maçonnerie", "Rénovation"]),
    "G": ("Commerce", ["Distribution", "Négoce", "Commerce", "Import Export", "Automobiles"]),
    "H": ("Transports et entreposage", ["Transports", "Logistique", "Déménagements", "Messagerie"]),
    "I": ("Hébergement et restauration", ["Restauration", "Boulangerie", "Traiteur", "Brasserie"]),
    "J": ("Information et communication", ["Informatique", "Digital", "Systèmes", "Médias"]),
    "L": ("Activités immobilières", ["Immobilier", "Patrimoine", "Gestion Immobilière", "Foncière"]),
    "M": ("Activités spécialisées, scientifiques et techniques", ["Conseil", "Ingénierie", "Expertise Comptable", "Architecture", "Études"]),
    "N": ("Services administratifs et de soutien", ["Nettoyage", "Services", "Sécurité", "Intérim", "Espaces Verts"]),
    "Q": ("Santé humaine et action sociale", ["Soins à Domicile", "Pharmacie", "Kinésithérapie", "Ambulances"]),
    "S": ("Autres activités de services", ["Garage", "Coiffure", "Pressing", "Réparation"]),
}
ES = {
    "C": ("Industria manufacturera", ["Industrias", "Metalúrgica", "Carpintería", "Plásticos"]),
    "F": ("Construcción", ["Construcciones", "Reformas", "Instalaciones Eléctricas", "Fontanería", "Obras"]),
    "G": ("Comercio", ["Distribuciones", "Comercial", "Suministros", "Importaciones", "Automóviles"]),
    "H": ("Transporte y almacenamiento", ["Transportes", "Logística", "Mudanzas"]),
    "I": ("Hostelería", ["Restaurante", "Hostelería", "Panadería", "Catering"]),
    "J": ("Información y comunicaciones", ["Informática", "Sistemas", "Software", "Comunicaciones"]),
    "L": ("Actividades inmobiliarias", ["Inmobiliaria", "Gestión Patrimonial", "Promociones"]),
    "M": ("Actividades profesionales, científicas y técnicas", ["Asesoría", "Consultoría", "Ingeniería", "Arquitectura", "Gestoría"]),
    "N": ("Actividades administrativas y servicios auxiliares", ["Limpiezas", "Servicios", "Seguridad", "Jardinería"]),
    "Q": ("Actividades sanitarias y de servicios sociales", ["Clínica Dental", "Fisioterapia", "Farmacia", "Centro Médico"]),
    "S": ("Otros servicios", ["Talleres", "Peluquería", "Lavandería"]),
}
IT = {
    "C": ("Attività manifatturiere", ["Industria", "Metalmeccanica", "Falegnameria", "Materie Plastiche", "Meccanica"]),
    "F": ("Costruzioni", ["Costruzioni", "Edilizia", "Impianti", "Idraulica", "Impianti Elettrici"]),
    "G": ("Commercio", ["Commerciale", "Distribuzione", "Forniture", "Import Export", "Automobili"]),
    "H": ("Trasporto e magazzinaggio", ["Trasporti", "Logistica", "Autotrasporti", "Traslochi"]),
    "I": ("Alloggio e ristorazione", ["Ristorazione", "Panificio", "Catering", "Albergo"]),
    "J": ("Informazione e comunicazione", ["Informatica", "Software", "Sistemi", "Comunicazione"]),
    "L": ("Attività immobiliari", ["Immobiliare", "Gestioni Immobiliari", "Patrimoniale"]),
    "M": ("Attività professionali, scientifiche e tecniche", ["Consulting", "Studio Tecnico", "Ingegneria", "Progettazione", "Consulenze"]),
    "N": ("Servizi di supporto alle imprese", ["Pulizie", "Servizi", "Vigilanza", "Giardinaggio"]),
    "Q": ("Sanità e assistenza sociale", ["Studio Dentistico", "Fisioterapia", "Farmacia", "Centro Medico"]),
    "S": ("Altre attività di servizi", ["Autofficina", "Parrucchieria", "Lavanderia"]),
}
NL = {
    "C": ("Industrie", ["Metaalbewerking", "Machinebouw", "Kunststoffen", "Houtbewerking"]),
    "F": ("Bouwnijverheid", ["Bouw", "Bouwbedrijf", "Installatietechniek", "Dakwerken", "Schilderwerken", "Elektrotechniek"]),
    "G": ("Handel", ["Handel", "Handelsonderneming", "Groothandel", "Import", "Auto's"]),
    "H": ("Vervoer en opslag", ["Transport", "Logistiek", "Verhuizingen", "Koeriersdienst"]),
    "I": ("Logies- en maaltijdverstrekking", ["Horeca", "Bakkerij", "Catering", "Eetcafé"]),
    "J": ("Informatie en communicatie", ["ICT", "Software", "Media", "Automatisering"]),
    "L": ("Verhuur van en handel in onroerend goed", ["Vastgoed", "Beheer", "Makelaardij"]),
    "M": ("Specialistische zakelijke diensten", ["Advies", "Consultancy", "Ingenieursbureau", "Administratiekantoor", "Architecten"]),
    "N": ("Verhuur en overige zakelijke diensten", ["Schoonmaak", "Uitzendbureau", "Beveiliging", "Hoveniers"]),
    "Q": ("Gezondheids- en welzijnszorg", ["Fysiotherapie", "Tandartspraktijk", "Thuiszorg", "Apotheek"]),
    "S": ("Overige dienstverlening", ["Autobedrijf", "Kapsalon", "Reparatie"]),
}
PL = {
    "C": ("Przetwórstwo przemysłowe", ["Produkcja", "Metal", "Stolarstwo", "Tworzywa"]),
    "F": ("Budownictwo", ["Budownictwo", "Bud", "Instalacje", "Elektro", "Dekarstwo", "Remonty"]),
    "G": ("Handel", ["Handel", "Hurtownia", "Dystrybucja", "Import-Eksport", "Auto"]),
    "H": ("Transport i gospodarka magazynowa", ["Transport", "Logistyka", "Przeprowadzki", "Spedycja"]),
    "I": ("Zakwaterowanie i gastronomia", ["Gastronomia", "Piekarnia", "Catering", "Restauracja"]),
    "J": ("Informacja i komunikacja", ["Informatyka", "Software", "Systemy", "Media"]),
    "L": ("Obsługa rynku nieruchomości", ["Nieruchomości", "Zarządzanie Nieruchomościami", "Development"]),
    "M": ("Działalność profesjonalna, naukowa i techniczna", ["Doradztwo", "Consulting", "Biuro Rachunkowe", "Projektowanie", "Inżynieria"]),
    "N": ("Administrowanie i działalność wspierająca", ["Sprzątanie", "Ochrona", "Usługi", "Ogrody"]),
    "Q": ("Opieka zdrowotna i pomoc społeczna", ["Gabinet Stomatologiczny", "Rehabilitacja", "Apteka", "Przychodnia"]),
    "S": ("Pozostała działalność usługowa", ["Serwis Samochodowy", "Fryzjer", "Pralnia"]),
}
SE = {
    "C": ("Tillverkning", ["Mekaniska", "Industri", "Snickeri", "Plast", "Verkstad"]),
    "F": ("Byggverksamhet", ["Bygg", "Byggservice", "Måleri", "Rör", "El", "Tak"]),
    "G": ("Handel", ["Handel", "Grossist", "Import", "Bil"]),
    "H": ("Transport och magasinering", ["Transport", "Åkeri", "Logistik", "Flytt"]),
    "I": ("Hotell- och restaurangverksamhet", ["Restaurang", "Bageri", "Catering", "Café"]),
    "J": ("Informations- och kommunikationsverksamhet", ["IT", "Data", "Media", "Systemutveckling"]),
    "L": ("Fastighetsverksamhet", ["Fastigheter", "Förvaltning", "Bostäder"]),
    "M": ("Verksamhet inom juridik, ekonomi, vetenskap och teknik", ["Konsult", "Redovisning", "Arkitekter", "Ingenjörsbyrå"]),
    "N": ("Uthyrning, fastighetsservice, resetjänster och andra stödtjänster", ["Städ", "Bemanning", "Säkerhet", "Trädgård"]),
    "Q": ("Vård och omsorg", ["Tandvård", "Fysioterapi", "Hemtjänst", "Vård"]),
    "S": ("Annan serviceverksamhet", ["Bilservice", "Frisör", "Tvätteri"]),
}
VN = {
    "C": ("Công nghiệp chế biến, chế tạo", ["Sản xuất", "Cơ khí", "Chế biến Thực phẩm", "Nhựa"]),
    "F": ("Xây dựng", ["Xây dựng", "Xây lắp", "Cơ điện", "Nội thất"]),
    "G": ("Bán buôn và bán lẻ", ["Thương mại", "Thương mại Dịch vụ", "Xuất nhập khẩu", "Phân phối"]),
    "H": ("Vận tải kho bãi", ["Vận tải", "Logistics", "Giao nhận"]),
    "I": ("Dịch vụ lưu trú và ăn uống", ["Nhà hàng", "Du lịch", "Khách sạn", "Thực phẩm"]),
    "J": ("Thông tin và truyền thông", ["Công nghệ", "Phần mềm", "Truyền thông", "Công nghệ Thông tin"]),
    "L": ("Kinh doanh bất động sản", ["Bất động sản", "Địa ốc"]),
    "M": ("Hoạt động chuyên môn, khoa học và công nghệ", ["Tư vấn", "Tư vấn Thiết kế", "Kế toán", "Kỹ thuật"]),
    "N": ("Hoạt động hành chính và dịch vụ hỗ trợ", ["Dịch vụ Vệ sinh", "Bảo vệ", "Nhân lực"]),
    "Q": ("Y tế và trợ giúp xã hội", ["Dược phẩm", "Y tế", "Nha khoa"]),
    "S": ("Hoạt động dịch vụ khác", ["Dịch vụ", "Sửa chữa"]),
}

# Name patterns: {family}, {family2} (another family name), {place}, {trade}, {family_gen} and
# {place_gen} (Swedish genitive). Weights illustrative: no register publishes name patterns.
EN_PATTERNS = [("{family} {trade}", 35), ("{place} {trade}", 15), ("{family} & {family2}", 8),
               ("{family} Group", 6), ("{family} Holdings", 4), ("{family} & Sons", 4),
               ("{family} Enterprises", 4), ("{family} & Associates", 4), ("{family}", 10)]
GERMANIC_PATTERNS = [("{family} {trade}", 30), ("{trade} {family}", 20), ("{trade} {place}", 10),
                     ("{family} & {family2}", 8), ("{family} & Partner", 5), ("{family} Holding", 5),
                     ("{family} Gruppe", 3), ("{family}", 15)]
PATTERNS = {
    "US": EN_PATTERNS,
    "GB": EN_PATTERNS,
    "DE": GERMANIC_PATTERNS,
    "AT": GERMANIC_PATTERNS,
    "CH": GERMANIC_PATTERNS,
    "FR": [("{trade} {family}", 35), ("{family} {trade}", 8), ("{trade} {place}", 10), ("Établissements {family}", 8),
           ("{family} et Fils", 5), ("{family} & {family2}", 6), ("Groupe {family}", 8), ("{family}", 12)],
    "ES": [("{trade} {family}", 35), ("{trade} {family} e Hijos", 5), ("{family} y {family2}", 8),
           ("{trade} {place}", 12), ("Grupo {family}", 8), ("{family}", 10)],
    "IT": [("{trade} {family}", 35), ("{family} {trade}", 8), ("{family} & {family2}", 10), ("{trade} {place}", 10),
           ("{family} e Figli", 5), ("Gruppo {family}", 7), ("{family}", 10)],
    "NL": [("{family} {trade}", 35), ("{trade} {family}", 10), ("{family} & Zn.", 4), ("{family} Holding", 12),
           ("{trade} {place}", 10), ("{family} & {family2}", 6), ("{family}", 8)],
    "PL": [("{trade} {family}", 30), ("{family} {trade}", 10), ("PHU {family}", 10), ("{family} i Wspólnicy", 5),
           ("{trade} {place}", 10), ("{family} Group", 5), ("{family}", 10)],
    "SE": [("{family_gen} {trade}", 35), ("{family} {trade}", 10), ("{place_gen} {trade}", 15),
           ("{family} & {family2}", 5), ("{family} Holding", 10), ("{family}", 10)],
    "VN": [("{trade} {family} {family2}", 60), ("Đầu tư và {trade} {family} {family2}", 15),
           ("{trade} {place}", 10), ("{family} {family2}", 15)],
}
VOCABULARY = {"US": (EN_US, US_SHARES, "US"), "GB": (EN_GB, EU_SHARES, "EU"), "DE": (DE, DE_SHARES, "DE"),
              "AT": (AT, EU_SHARES, "EU"), "CH": (CH, EU_SHARES, "EU"), "FR": (FR, EU_SHARES, "EU"),
              "ES": (ES, EU_SHARES, "EU"), "IT": (IT, EU_SHARES, "EU"), "NL": (NL, EU_SHARES, "EU"),
              "PL": (PL, EU_SHARES, "EU"), "SE": (SE, EU_SHARES, "EU"), "VN": (VN, VN_SHARES, "VN")}


def read_weighted(rel: str, value_column: str | None = None, limit: int = 400) -> list[tuple[str, float]]:
    """The `limit` heaviest values of a committed table (summed per value)."""
    with open(DATASETS / rel, encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    rows = list(csv.reader(lines))
    acc: Counter = Counter()
    if value_column is None:
        for value, weight in rows:
            acc[value] += float(weight)
    else:
        header = rows[0]
        vi, wi = header.index(value_column), header.index("weight")
        for r in rows[1:]:
            acc[r[vi]] += float(r[wi])
    return sorted(acc.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def genitive(name: str) -> str:
    """Swedish genitive: Andersson -> Anderssons, Malmö -> Malmös, Lindqvist -> Lindqvists."""
    return name if name[-1] in "sxz" else name + "s"


def company_names(cc: str, rng: random.Random) -> list[list]:
    vocabulary, shares, _ = VOCABULARY[cc]
    names_file = "common/person/given_name_male_VN.csv" if cc == "VN" else f"common/person/family_name_{cc}.csv"
    families = read_weighted(names_file)
    # Districts such as "Lyon 08" or "Paris 15" are not names a firm takes.
    places = [p for p in read_weighted(f"common/address/city_{cc}.csv", "city", limit=200)
              if not any(ch.isdigit() for ch in p[0])][:60]
    patterns = PATTERNS[cc]

    def draw(items):
        return rng.choices([v for v, _ in items], weights=[w for _, w in items])[0]

    rows = []
    taken: set[str] = set()  # a name belongs to one sector only
    for section, (label, trades) in sorted(vocabulary.items()):
        names: set[str] = set()
        attempts = 0
        while len(names) < NAMES_PER_SECTOR:
            attempts += 1
            assert attempts < 100 * NAMES_PER_SECTOR, (cc, section)
            family, family2 = draw(families), draw(families)
            if family2 == family:
                continue
            place = draw(places)
            name = draw(patterns).format(
                family=family, family2=family2, trade=rng.choice(trades), place=place,
                family_gen=genitive(family), place_gen=genitive(place))
            name = " ".join(name.split())
            if name not in taken:
                names.add(name)
                taken.add(name)
        weight = shares[section] / NAMES_PER_SECTOR
        rows += [[name, label, weight] for name in names]
    rows.sort(key=lambda r: (r[1], r[0]))
    return rows


def organization():
    for cc, (source, items) in sorted(LEGAL.items()):
        write_value_weight(f"common/organization/legal_form_{cc}.csv", [
            f"Source: {source}",
            "weights: published register counts, rounded and hand-transcribed (about +-15 %); see datasets/SOURCES.md"], items)
    for cc in sorted(VOCABULARY):
        rng = random.Random(f"company-names-{cc}")
        _, _, shares_source = VOCABULARY[cc]
        write_table(f"common/organization/company_name_word_{cc}.csv", [
            "Source: derived by datasets/tools/extract_organization.py: synthetic names (no real brand) from the committed family-name"
            + (" (VN: given-name)" if cc == "VN" else "") + " and city tables and hand-written trade words per sector",
            f"weight: sector share / {NAMES_PER_SECTOR} names per sector; {SECTOR_SOURCE[shares_source]}; name patterns illustrative"],
            ["name", "sector", "weight"], company_names(cc, rng))


def sector_reference():
    """tests/it/reference/company_sector_firms.csv: the published enterprise counts the
    generated companies' sectors are held to, one row per (country, table sector), with the
    codes summed into it (NAICS for US, WZ 2008 = NACE for DE). The sector comes last and
    unquoted (some contain commas)."""
    with open(REFERENCE / "company_sector_firms.csv", "w", encoding="utf-8", newline="") as f:
        f.write("# Enterprises by sector, the reference the generated companies' sectors are held to.\n"
                "# US: U.S. Census Bureau, Annual Business Survey 2017 (Company Summary), employer firms (FIRMPDEMP)\n"
                "#   by 2017 NAICS sector, all firms; public domain. NAICS sectors summed into the table's 11 sectors;\n"
                f"#   these cover {US_COVERED_SHARE:.1%} of the {sum(US_EMPLOYER_FIRMS.values()):,} firms counted by sector.\n"
                "# DE: Statistisches Bundesamt (Destatis), Unternehmensregister-System, table 52111-0001, enterprises (EU)\n"
                "#   by WZ 2008 section, 2023, all size classes; Datenlizenz Deutschland Namensnennung 2.0. The table's 11\n"
                f"#   sections cover {DE_COVERED_SHARE:.1%} of the {sum(DE_ENTERPRISES.values()):,} enterprises.\n"
                "# Written by datasets/tools/extract_organization.py. The other countries' sector shares are still illustrative.\n"
                "# The sector comes last and is not quoted: everything after the third comma is the sector.\n")
        f.write("country,codes,firms,sector\n")
        vocabulary = VOCABULARY["US"][0]
        for section in sorted(US_COUNTS, key=lambda s: vocabulary[s][0]):
            codes = "+".join(c for c, s in NAICS_TO_SECTION.items() if s == section)
            f.write(f"US,{codes},{US_COUNTS[section]},{vocabulary[section][0]}\n")
        vocabulary = VOCABULARY["DE"][0]
        for section in sorted(DE_COUNTS, key=lambda s: vocabulary[s][0]):
            f.write(f"DE,{section},{DE_COUNTS[section]},{vocabulary[section][0]}\n")


if __name__ == "__main__":
    organization()
    sector_reference()
