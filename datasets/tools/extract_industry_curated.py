"""Hand-curated tables for the industry domains (imported by extract_industry.py).

Every table carries a citation comment. Facts (names, codes, rates, published shares) are cited to
their publisher; numbers without a publication are marked ILLUSTRATIVE and are hand-set orders of
magnitude, never statistics. datamimic-ce@4.3.0 vocabulary (MIT) is referenced as `dm`.
"""
from __future__ import annotations

# ------------------------------------------------------------------ blood types
# Shares in per cent; order O+ A+ B+ AB+ O- A- B- AB-. data-sources.md §9.
BLOOD_ORDER = ["O+", "A+", "B+", "AB+", "O-", "A-", "B-", "AB-"]
BLOOD_TYPES = {
    # American Red Cross / AABB figures as widely cited
    "US": ([37.4, 35.7, 8.5, 3.4, 6.6, 6.3, 1.5, 0.6], "American Red Cross / AABB (as widely cited)"),
    # DRK-Blutspendedienste (as cited by Hamburger Abendblatt, blutbild.org, Charité ZTB)
    "DE": ([35, 37, 9, 4, 6, 6, 2, 1], "DRK-Blutspendedienste (as cited by Charité ZTB and others)"),
    # NHS Blood and Transplant donor-population table (older table; O- 12 %)
    "GB": ([36, 30, 8, 3, 12, 8, 2, 1], "NHS Blood and Transplant donor-population table (older table, O- 12 %)"),
    # Établissement Français du Sang
    "FR": ([36, 38, 8, 3, 6, 7, 1, 1], "Établissement Français du Sang (EFS)"),
    # Blutspende SRK Schweiz
    "CH": ([35, 38, 8, 4, 6, 7, 1, 1], "Blutspende SRK Schweiz"),
    # Istituto Superiore di Sanità
    "IT": ([39, 36, 7.5, 2.5, 7, 6, 1.5, 0.5], "Istituto Superiore di Sanità"),
}

# ------------------------------------------------------------------ conditions
# key: (US name, DE name, category, age_min, US ICD-10-CM code, DE ICD-10-GM code,
#       US weight, DE weight)
# Names: dm medical_conditions_{US,DE}.csv + condition_age_weights_{US,DE}.csv (duplicates merged;
# DE "Hypertonie"/"Bluthochdruck" unified). US codes: billable ICD-10-CM FY2026 (checked against
# the CDC tabular XML by extract_industry.py; dm's invalid M54.5/G20/G35/R53.82 replaced).
# DE codes: ICD-10-GM 2025 terminal codes (BfArM). dm diagnosis_codes_DE.csv gave 15 codes that
# are not terminal in ICD-10-GM (I10, E11.9, J45.9, M19.9, ...); GM_TERMINAL below replaces them.
# Weights: approximate population prevalence in per cent. REAL (cited) where marked R, else
# ILLUSTRATIVE order of magnitude.
CONDITIONS = {
    "hypertension": ("Hypertension", "Bluthochdruck", "cardiovascular", 18, "I10", "I10.90", 45.4, 36.3),  # R: NCHS DB 364 (adults, age-adj.); RKI GBE indicator 2060202, GEDA 2022 (adults, ever diagnosed)
    "t2d": ("Type 2 Diabetes", "Diabetes Typ 2", "endocrine", 10, "E11.9", "E11.90", 11.6, 8.9),  # US R: CDC National Diabetes Statistics Report (total diabetes, all ages); DE R: RKI GEDA 2019/2020 (known diabetes, adults)
    "hyperlipidemia": ("Hyperlipidemia", "Hyperlipidämie", "endocrine", 20, "E78.5", "E78.5", 12, 22.4),  # DE R: RKI GBE indicator 2060203, 2025 (adults)
    "obesity": ("Obesity", "Adipositas", "endocrine", 2, "E66.9", "E66.99", 40.3, 19.0),  # US R: NCHS DB 508 (adults); DE R: RKI GEDA 2019/2020 (adults)
    "cad": ("Coronary Artery Disease", "Koronare Herzkrankheit", "cardiovascular", 35, "I25.10", "I25.10", 5, 5.8),  # DE R: RKI GEDA 2019/2020 (adults, 12-month)
    "asthma": ("Asthma", "Asthma", "respiratory", 0, "J45.909", "J45.99", 7.7, 8.0),  # US R: CDC NHIS 2021; DE R: RKI GEDA 2019/2020 (adults)
    "copd": ("COPD", "COPD", "respiratory", 40, "J44.9", "J44.99", 4.6, 6.1),  # DE R: RKI GEDA 2019/2020 (adults)
    "arthritis": ("Arthritis", "Arthrose", "musculoskeletal", 18, "M19.90", "M19.99", 20, 17.1),  # DE R: RKI GEDA 2019/2020 (adults)
    "depression": ("Depression", "Depression", "mental", 12, "F32.9", "F32.9", 8, 8.3),  # DE R: RKI GEDA 2019/2020 (PHQ-8 >= 10, adults)
    "anxiety": ("Anxiety", "Angststörung", "mental", 6, "F41.9", "F41.9", 6, 6),
    "hypothyroidism": ("Hypothyroidism", "Hypothyreose", "endocrine", 0, "E03.9", "E03.9", 5, 5),
    "gerd": ("Gastroesophageal Reflux Disease", "Gastroösophageale Refluxkrankheit", "digestive", 0, "K21.9", "K21.9", 15, 12),
    "ckd": ("Chronic Kidney Disease", "Chronische Nierenerkrankung", "genitourinary", 18, "N18.9", "N18.9", 10, 8),
    "afib": ("Atrial Fibrillation", "Vorhofflimmern", "cardiovascular", 40, "I48.91", "I48.9", 2, 2),
    "heart_failure": ("Heart Failure", "Herzinsuffizienz", "cardiovascular", 40, "I50.9", "I50.9", 2, 2.5),
    "osteoporosis": ("Osteoporosis", "Osteoporose", "musculoskeletal", 50, "M81.0", "M81.99", 4, 5),
    "migraine": ("Migraine", "Migräne", "neurological", 10, "G43.909", "G43.9", 10, 10),
    "sleep_apnea": ("Sleep Apnea", "Schlafapnoe", "respiratory", 18, "G47.33", "G47.31", 5, 4),
    "cancer": ("Cancer", "Krebs", "neoplasm", 0, "C80.1", "C80.9", 4, 4),
    "stroke": ("Stroke", "Schlaganfall", "cardiovascular", 30, "I63.9", "I63.9", 3, 2.3),  # DE R: RKI GEDA 2019/2020 (adults, 12-month)
    "alzheimers": ("Alzheimer's Disease", "Alzheimer-Krankheit", "neurological", 60, "G30.9", "G30.9", 2, 2),
    "parkinsons": ("Parkinson's Disease", "Parkinson-Krankheit", "neurological", 40, "G20.A1", "G20.90", 0.3, 0.4),
    "ms": ("Multiple Sclerosis", "Multiple Sklerose", "neurological", 18, "G35.D", "G35.9", 0.3, 0.3),
    "hiv": ("HIV/AIDS", "HIV/AIDS", "infectious", 15, "B20", "B24", 0.4, 0.1),
    "hep_c": ("Hepatitis C", "Hepatitis C", "infectious", 18, "B18.2", "B18.2", 0.7, 0.2),
    "crohns": ("Crohn's Disease", "Morbus Crohn", "digestive", 10, "K50.90", "K50.9", 0.3, 0.3),
    "uc": ("Ulcerative Colitis", "Colitis ulcerosa", "digestive", 10, "K51.90", "K51.9", 0.3, 0.3),
    "fibromyalgia": ("Fibromyalgia", "Fibromyalgie", "musculoskeletal", 18, "M79.7", "M79.70", 2, 2),
    "cfs": ("Chronic Fatigue Syndrome", "Chronisches Erschöpfungssyndrom", "neurological", 12, "G93.32", "G93.3", 0.4, 0.3),
    "lupus": ("Lupus", "Lupus", "musculoskeletal", 12, "M32.9", "M32.9", 0.1, 0.05),
    "ra": ("Rheumatoid Arthritis", "Rheumatoide Arthritis", "musculoskeletal", 18, "M06.9", "M06.99", 0.6, 0.8),
    "psoriasis": ("Psoriasis", "Psoriasis", "skin", 5, "L40.9", "L40.9", 3, 2.5),
    "eczema": ("Eczema", "Neurodermitis", "skin", 0, "L20.9", "L20.9", 7, 4),
    "allergic_rhinitis": ("Allergic Rhinitis", "Allergische Rhinitis", "respiratory", 3, "J30.9", "J30.4", 8, 15),
    "glaucoma": ("Glaucoma", "Glaukom", "eye", 40, "H40.9", "H40.9", 1.5, 1.5),
    "macular_degeneration": ("Macular Degeneration", "Makuladegeneration", "eye", 50, "H35.30", "H35.3", 1.5, 1.5),
    "cataracts": ("Cataracts", "Katarakt", "eye", 40, "H26.9", "H26.9", 5, 5),
    "hearing_loss": ("Hearing Loss", "Hörverlust", "ear", 0, "H90.5", "H91.9", 5, 5),
    "epilepsy": ("Epilepsy", "Epilepsie", "neurological", 0, "G40.909", "G40.9", 1, 0.7),
    "bipolar": ("Bipolar Disorder", "Bipolare Störung", "mental", 15, "F31.9", "F31.9", 1.5, 1),
    "schizophrenia": ("Schizophrenia", "Schizophrenie", "mental", 15, "F20.9", "F20.9", 0.5, 0.5),
    "ptsd": ("Post-Traumatic Stress Disorder", "Posttraumatische Belastungsstörung", "mental", 6, "F43.10", "F43.1", 3.5, 2),
    "sud": ("Substance Use Disorder", "Substanzgebrauchsstörung", "mental", 12, "F10.20", "F10.2", 5, 3),
    "anemia": ("Anemia", "Anämie", "blood", 0, "D64.9", "D64.9", 3, 3),
    "gout": ("Gout", "Gicht", "musculoskeletal", 25, "M10.9", "M10.99", 2, 1.5),
    "allergies": ("Allergies", "Allergien", "immune", 0, "T78.40XA", "T78.4", 20, 30.9),  # DE R: RKI GEDA 2019/2020, allergies excl. allergic asthma, adults 30.9 %
    "adhd": ("ADHD", "ADHS", "mental", 4, "F90.9", "F90.9", 5, 4),
    "autism": ("Autism Spectrum Disorder", "Autismus-Spektrum-Störung", "mental", 2, "F84.0", "F84.0", 1.5, 0.8),
    "chd_congenital": ("Congenital Heart Defects", "Angeborene Herzfehler", "congenital", 0, "Q24.9", "Q24.9", 0.5, 0.5),
    "t1d": ("Type 1 Diabetes", "Typ-1-Diabetes", "endocrine", 0, "E10.9", "E10.90", 0.5, 0.4),
    "cerebral_palsy": ("Cerebral Palsy", "Infantile Zerebralparese", "neurological", 0, "G80.9", "G80.9", 0.3, 0.2),
    "ibs": ("Irritable Bowel Syndrome", "Reizdarmsyndrom", "digestive", 12, "K58.9", "K58.9", 5, 5),
    "fabry": ("Fabry Disease", "Morbus Fabry", "genetic", 0, "E75.21", "E75.2", 0.003, 0.003),
}
CONDITIONS_REAL = {
    "US": {"hypertension", "t2d", "obesity", "asthma"},
    "DE": {"hypertension", "cad", "stroke", "allergies", "asthma", "copd", "arthritis", "t2d", "obesity",
           "depression", "hyperlipidemia"},
}
# DE age_min where it differs from the shared column: the RKI's GEDA 2019/2020 bands start at 18
# (coronary heart disease, stroke, COPD and lipid disorders are reported from 18 on); type 2 diabetes is not given
# to children (the 10-17 share of the US row has no German figure here).
AGE_MIN_DE = {"cad": 18, "stroke": 18, "copd": 18, "t2d": 18, "hyperlipidemia": 18}
# US age_min where it differs: the NHANES 2017-2018 bands of extract_us_condition_prevalence.py
# start at 20 (the medical-conditions questions are asked from 20 on).
AGE_MIN_US = {"cad": 20, "stroke": 20, "copd": 20, "heart_failure": 20, "gout": 20}

# condition_prevalence rows: (condition key, age_min, age_max, sex, prevalence fraction, source)
# (US only, written with the NHANES rows by extract_us_condition_prevalence.py; condition_prevalence_DE
# is written by extract_de_condition_prevalence.py from the RKI file)
# Per (condition, age band) either one `all` row or a `male` + `female` pair, never both.
PREVALENCE = {
    "US": [
        # NCHS Data Brief 364, NHANES 2017-2018 (hypertension >=130/80 or medication)
        ("hypertension", 18, 39, "all", 0.224, "NCHS DB 364"),
        ("hypertension", 40, 59, "all", 0.545, "NCHS DB 364"),
        ("hypertension", 60, 120, "all", 0.745, "NCHS DB 364"),
        # NCHS Data Brief 508, NHANES Aug 2021-Aug 2023 (obesity BMI >= 30)
        # NCHS Health E-Stat, NHANES 2017-March 2020: obesity 19.7 % of 2-19-year-olds
        ("obesity", 2, 19, "all", 0.197, "NCHS Health E-Stat 2017-2020 (2-19)"),
        ("obesity", 20, 39, "all", 0.355, "NCHS DB 508"),
        ("obesity", 40, 59, "all", 0.464, "NCHS DB 508"),
        ("obesity", 60, 120, "all", 0.389, "NCHS DB 508"),
        # CDC National Diabetes Statistics Report (diagnosed + undiagnosed, by age)
        # SEARCH for Diabetes in Youth (Lawrence et al., JAMA 2021;326(8):717-727): type 2
        # diabetes 0.67 per 1,000 aged 10-19 in 2017 (without it, 10-17 took a quarter of 18-44)
        ("t2d", 10, 17, "all", 0.00067, "SEARCH 2017 (10-19)"),
        ("t2d", 18, 44, "all", 0.048, "CDC NDSR (18-44)"),
        ("t2d", 45, 64, "all", 0.189, "CDC NDSR (45-64)"),
        ("t2d", 65, 120, "all", 0.292, "CDC NDSR (65+)"),
        # CDC Most Recent National Asthma Data (NHIS 2021), current asthma
        ("asthma", 0, 4, "all", 0.019, "CDC NHIS 2021"),
        ("asthma", 5, 11, "all", 0.075, "CDC NHIS 2021"),
        ("asthma", 12, 17, "all", 0.087, "CDC NHIS 2021"),
        ("asthma", 18, 24, "all", 0.095, "CDC NHIS 2021 (20-24 figure used for 18-24)"),
        ("asthma", 25, 34, "all", 0.078, "CDC NHIS 2021"),
        ("asthma", 35, 64, "all", 0.082, "CDC NHIS 2021"),
        ("asthma", 65, 120, "all", 0.072, "CDC NHIS 2021"),
    ],
}

# ------------------------------------------------------------------ medications per condition
# Medication names from dm medications_{US,DE}.csv (dosage/frequency/route taken from there);
# the condition -> drug mapping is standard first-line usage, hand-curated; weights are dm's
# rank numbers (ILLUSTRATIVE). Ranitidine (withdrawn 2020) is not used.
MEDICATIONS = {
    "hypertension": (["Lisinopril", "Amlodipine", "Losartan", "Hydrochlorothiazide", "Metoprolol"],
                     ["Ramipril", "Amlodipin", "Valsartan", "Hydrochlorothiazid", "Metoprolol", "Bisoprolol"]),
    "t2d": (["Metformin", "Glipizide", "Insulin Glargine"], ["Metformin", "Glimepirid", "Insulin Glargin"]),
    "t1d": (["Insulin Glargine", "Insulin Lispro"], ["Insulin Glargin", "Insulin Lispro"]),
    "hyperlipidemia": (["Atorvastatin", "Simvastatin", "Rosuvastatin", "Pravastatin"],
                       ["Simvastatin", "Atorvastatin", "Rosuvastatin", "Pravastatin"]),
    "cad": (["Aspirin", "Clopidogrel", "Atorvastatin", "Metoprolol", "Carvedilol"],
            ["ASS", "Clopidogrel", "Atorvastatin", "Bisoprolol", "Metoprolol"]),
    "asthma": (["Albuterol", "Fluticasone", "Montelukast"], ["Salbutamol", "Fluticason", "Montelukast"]),
    "copd": (["Albuterol", "Fluticasone", "Prednisone"], ["Salbutamol", "Fluticason", "Prednisolon"]),
    "arthritis": (["Acetaminophen", "Ibuprofen", "Meloxicam", "Tramadol"],
                  ["Paracetamol", "Ibuprofen", "Diclofenac", "Meloxicam", "Novaminsulfon"]),
    "depression": (["Sertraline", "Escitalopram", "Citalopram", "Fluoxetine", "Bupropion", "Duloxetine", "Venlafaxine", "Trazodone"],
                   ["Sertralin", "Escitalopram", "Citalopram", "Fluoxetin", "Bupropion", "Duloxetin", "Venlafaxin", "Mirtazapin"]),
    "anxiety": (["Sertraline", "Escitalopram", "Clonazepam", "Lorazepam", "Alprazolam"],
                ["Sertralin", "Escitalopram", "Lorazepam", "Diazepam", "Alprazolam"]),
    "hypothyroidism": (["Levothyroxine"], ["L-Thyroxin"]),
    "gerd": (["Omeprazole", "Pantoprazole", "Famotidine"], ["Pantoprazol", "Omeprazol", "Famotidin"]),
    "ckd": (["Losartan", "Furosemide"], ["Ramipril", "Furosemid"]),
    "afib": (["Apixaban", "Rivaroxaban", "Warfarin", "Metoprolol"], ["Phenprocoumon", "Bisoprolol", "Metoprolol"]),
    "heart_failure": (["Furosemide", "Carvedilol", "Lisinopril", "Metoprolol"], ["Furosemid", "Bisoprolol", "Ramipril"]),
    "migraine": (["Ibuprofen", "Acetaminophen", "Propranolol"], ["Ibuprofen", "Paracetamol", "ASS"]),
    "allergic_rhinitis": (["Cetirizine", "Loratadine", "Fluticasone"], ["Cetirizin", "Loratadin", "Fluticason"]),
    "allergies": (["Cetirizine", "Loratadine"], ["Cetirizin", "Loratadin"]),
    "epilepsy": (["Gabapentin", "Clonazepam"], ["Gabapentin", "Diazepam"]),
    "ptsd": (["Sertraline", "Trazodone"], ["Sertralin", "Mirtazapin"]),
    "stroke": (["Aspirin", "Clopidogrel", "Atorvastatin"], ["ASS", "Clopidogrel", "Atorvastatin"]),
    "fibromyalgia": (["Duloxetine", "Gabapentin"], ["Duloxetin", "Gabapentin"]),
    "ra": (["Prednisone", "Meloxicam"], ["Prednisolon", "Meloxicam"]),
    "lupus": (["Prednisone"], ["Prednisolon"]),
    "crohns": (["Prednisone"], ["Prednisolon"]),
    "uc": (["Prednisone"], ["Prednisolon"]),
    "gout": (["Ibuprofen", "Prednisone"], ["Ibuprofen", "Prednisolon"]),
    "sleep_apnea": ([], []),
}

# ------------------------------------------------------------------ specialties
# specialty (dm specialties_{US,DE}.csv, "Surgery" merged into "General Surgery", "Palliative
# Care" into "Hospice and Palliative Medicine") -> certifying body. US: the 24 ABMS member boards
# (American Board of Medical Specialties); DE: the title under the (Muster-)Weiterbildungsordnung
# 2018 of the Bundesärztekammer (Facharzt or Zusatz-Weiterbildung). Weights: dm ranks (ILLUSTRATIVE).
ABIM = "American Board of Internal Medicine"
SPECIALTIES_US = [
    ("Family Medicine", "American Board of Family Medicine", 200),
    ("Internal Medicine", ABIM, 190),
    ("Pediatrics", "American Board of Pediatrics", 180),
    ("Emergency Medicine", "American Board of Emergency Medicine", 170),
    ("Obstetrics and Gynecology", "American Board of Obstetrics and Gynecology", 160),
    ("Psychiatry", "American Board of Psychiatry and Neurology", 150),
    ("General Surgery", "American Board of Surgery", 140),
    ("Anesthesiology", "American Board of Anesthesiology", 130),
    ("Radiology", "American Board of Radiology", 120),
    ("Cardiology", ABIM, 110),
    ("Orthopedics", "American Board of Orthopaedic Surgery", 100),
    ("Neurology", "American Board of Psychiatry and Neurology", 95),
    ("Dermatology", "American Board of Dermatology", 90),
    ("Ophthalmology", "American Board of Ophthalmology", 85),
    ("Urology", "American Board of Urology", 80),
    ("Gastroenterology", ABIM, 75),
    ("Oncology", ABIM, 70),
    ("Endocrinology", ABIM, 65),
    ("Nephrology", ABIM, 60),
    ("Pulmonology", ABIM, 55),
    ("Rheumatology", ABIM, 50),
    ("Infectious Disease", ABIM, 45),
    ("Hematology", ABIM, 40),
    ("Physical Medicine and Rehabilitation", "American Board of Physical Medicine and Rehabilitation", 35),
    ("Allergy and Immunology", "American Board of Allergy and Immunology", 30),
    ("Otolaryngology", "American Board of Otolaryngology - Head and Neck Surgery", 25),
    ("Plastic Surgery", "American Board of Plastic Surgery", 20),
    ("Vascular Surgery", "American Board of Surgery", 15),
    ("Geriatrics", ABIM, 10),
    ("Hospice and Palliative Medicine", ABIM, 10),
    ("Sports Medicine", "American Board of Family Medicine", 10),
    ("Critical Care Medicine", ABIM, 10),
    ("Medical Genetics", "American Board of Medical Genetics and Genomics", 10),
    ("Nuclear Medicine", "American Board of Nuclear Medicine", 10),
    ("Pathology", "American Board of Pathology", 10),
    ("Preventive Medicine", "American Board of Preventive Medicine", 10),
    ("Radiation Oncology", "American Board of Radiology", 10),
    ("Sleep Medicine", ABIM, 10),
    ("Thoracic Surgery", "American Board of Thoracic Surgery", 10),
    ("Transplant Surgery", "American Board of Surgery", 10),
    ("Neonatal-Perinatal Medicine", "American Board of Pediatrics", 10),
    ("Pain Medicine", "American Board of Anesthesiology", 10),
    ("Neurological Surgery", "American Board of Neurological Surgery", 10),
    ("Colon and Rectal Surgery", "American Board of Colon and Rectal Surgery", 5),
]
FA = "Facharzt für "
SPECIALTIES_DE = [
    ("Allgemeinmedizin", FA + "Allgemeinmedizin", 200),
    ("Innere Medizin", FA + "Innere Medizin", 190),
    ("Pädiatrie", FA + "Kinder- und Jugendmedizin", 180),
    ("Notfallmedizin", "Zusatz-Weiterbildung Klinische Akut- und Notfallmedizin", 170),
    ("Gynäkologie und Geburtshilfe", FA + "Frauenheilkunde und Geburtshilfe", 160),
    ("Psychiatrie und Psychotherapie", FA + "Psychiatrie und Psychotherapie", 150),
    ("Chirurgie", FA + "Allgemeinchirurgie", 140),
    ("Anästhesiologie", FA + "Anästhesiologie", 130),
    ("Radiologie", FA + "Radiologie", 120),
    ("Kardiologie", FA + "Innere Medizin und Kardiologie", 110),
    ("Orthopädie", FA + "Orthopädie und Unfallchirurgie", 100),
    ("Neurologie", FA + "Neurologie", 95),
    ("Dermatologie", FA + "Haut- und Geschlechtskrankheiten", 90),
    ("Augenheilkunde", FA + "Augenheilkunde", 85),
    ("Urologie", FA + "Urologie", 80),
    ("Gastroenterologie", FA + "Innere Medizin und Gastroenterologie", 75),
    ("Onkologie", FA + "Innere Medizin und Hämatologie und Onkologie", 70),
    ("Endokrinologie", FA + "Innere Medizin und Endokrinologie und Diabetologie", 65),
    ("Nephrologie", FA + "Innere Medizin und Nephrologie", 60),
    ("Pneumologie", FA + "Innere Medizin und Pneumologie", 55),
    ("Rheumatologie", FA + "Innere Medizin und Rheumatologie", 50),
    ("Infektiologie", FA + "Innere Medizin und Infektiologie", 45),
    ("Hämatologie", FA + "Innere Medizin und Hämatologie und Onkologie", 40),
    ("Physikalische und Rehabilitative Medizin", FA + "Physikalische und Rehabilitative Medizin", 35),
    ("Allergologie", "Zusatz-Weiterbildung Allergologie", 30),
    ("Hals-Nasen-Ohren-Heilkunde", FA + "Hals-Nasen-Ohrenheilkunde", 25),
    ("Plastische Chirurgie", FA + "Plastische, Rekonstruktive und Ästhetische Chirurgie", 20),
    ("Gefäßchirurgie", FA + "Gefäßchirurgie", 15),
    ("Thoraxchirurgie", FA + "Thoraxchirurgie", 10),
    ("Neonatologie", FA + "Kinder- und Jugendmedizin", 10),
    ("Geriatrie", FA + "Innere Medizin und Geriatrie", 10),
    ("Sportmedizin", "Zusatz-Weiterbildung Sportmedizin", 10),
    ("Schmerzmedizin", "Zusatz-Weiterbildung Spezielle Schmerztherapie", 10),
    ("Schlafmedizin", "Zusatz-Weiterbildung Schlafmedizin", 10),
    ("Palliativmedizin", "Zusatz-Weiterbildung Palliativmedizin", 10),
    ("Humangenetik", FA + "Humangenetik", 10),
    ("Nuklearmedizin", FA + "Nuklearmedizin", 10),
    ("Pathologie", FA + "Pathologie", 10),
    ("Arbeitsmedizin", FA + "Arbeitsmedizin", 10),
    ("Strahlentherapie", FA + "Strahlentherapie", 10),
    ("Neurochirurgie", FA + "Neurochirurgie", 10),
]

# ------------------------------------------------------------------ hospitals
# hospital type -> dm departments file suffix; names from dm hospital_types_{US,DE}.csv, the DE
# English leftovers (Psychiatric, Children's, Veterans, Long-term Care) translated.
# Weights ILLUSTRATIVE (dm).
HOSPITAL_TYPES = {
    "US": [("General", "general", 2), ("Teaching", "teaching", 1), ("Community", "community", 2),
           ("Specialty", "specialty", 1), ("Rehabilitation", "rehabilitation", 1),
           ("Psychiatric", "psychiatric", 1), ("Children's", "childrens", 1),
           ("Veterans", "veterans", 1), ("Long-term Care", "long-term_care", 1)],
    "DE": [("Allgemeines Krankenhaus", "general", 2), ("Universitätsklinikum", "teaching", 1),
           ("Kreiskrankenhaus", "community", 2), ("Fachklinik", "specialty", 1),
           ("Rehabilitationsklinik", "rehabilitation", 1), ("Psychiatrische Klinik", "psychiatric", 1),
           ("Kinderklinik", "childrens", 1), ("Bundeswehrkrankenhaus", "veterans", 0.3),
           ("Geriatrische Klinik", "long-term_care", 1)],
}

# Medical schools: names are facts. US: LCME-accredited MD schools (selection incl. dm's 10);
# DE: medical faculties of German universities (selection incl. dm's 10 university hospitals,
# given here as the university). Weights uniform (ILLUSTRATIVE).
MEDICAL_SCHOOLS = {
    "US": """Harvard Medical School|Johns Hopkins University School of Medicine|Stanford University School of Medicine|University of California, San Francisco, School of Medicine|Columbia University Vagelos College of Physicians and Surgeons|Mayo Clinic Alix School of Medicine|Perelman School of Medicine at the University of Pennsylvania|Washington University School of Medicine in St. Louis|Yale School of Medicine|Duke University School of Medicine|University of Michigan Medical School|NYU Grossman School of Medicine|Northwestern University Feinberg School of Medicine|David Geffen School of Medicine at UCLA|University of Washington School of Medicine|Icahn School of Medicine at Mount Sinai|Vanderbilt University School of Medicine|University of Pittsburgh School of Medicine|Baylor College of Medicine|Emory University School of Medicine|University of Chicago Pritzker School of Medicine|Weill Cornell Medicine|UT Southwestern Medical School|University of North Carolina School of Medicine|Case Western Reserve University School of Medicine|Boston University Chobanian & Avedisian School of Medicine|Ohio State University College of Medicine|Indiana University School of Medicine|University of Florida College of Medicine|University of Miami Miller School of Medicine|University of Colorado School of Medicine|Tufts University School of Medicine|Georgetown University School of Medicine|Keck School of Medicine of USC|University of Wisconsin School of Medicine and Public Health|University of Minnesota Medical School|Medical College of Wisconsin|Rush Medical College|University of Texas Medical Branch|University of Virginia School of Medicine""".split("|"),
    "DE": """Charité – Universitätsmedizin Berlin|Ludwig-Maximilians-Universität München|Technische Universität München|Universität Heidelberg|Universität Hamburg|Universität zu Köln|Heinrich-Heine-Universität Düsseldorf|Universität Leipzig|Friedrich-Alexander-Universität Erlangen-Nürnberg|Eberhard Karls Universität Tübingen|Goethe-Universität Frankfurt am Main|Albert-Ludwigs-Universität Freiburg|Universität Ulm|Julius-Maximilians-Universität Würzburg|Universität Regensburg|Universität Bonn|RWTH Aachen|Ruhr-Universität Bochum|Universität Duisburg-Essen|Universität Münster|Georg-August-Universität Göttingen|Medizinische Hochschule Hannover|Christian-Albrechts-Universität zu Kiel|Universität zu Lübeck|Universität Rostock|Universität Greifswald|Martin-Luther-Universität Halle-Wittenberg|Otto-von-Guericke-Universität Magdeburg|Friedrich-Schiller-Universität Jena|Technische Universität Dresden|Justus-Liebig-Universität Gießen|Philipps-Universität Marburg|Johannes Gutenberg-Universität Mainz|Universität des Saarlandes|Carl von Ossietzky Universität Oldenburg|Universität Witten/Herdecke|Universität Augsburg|Universität Bielefeld""".split("|"),
}

# ------------------------------------------------------------------ devices
# device type (dm device_types_{US,DE}.csv; weight = dm weight, ILLUSTRATIVE) -> manufacturers
# that make that kind of device (company names are facts; the pairing is hand-curated; the
# device weight is split evenly over its manufacturers).
DEVICES = [
    # (US name, DE name, [manufacturers])
    ("Ventilator", "Beatmungsgerät", ["Dräger", "Hamilton Medical", "Medtronic", "Philips Healthcare"]),
    ("Patient Monitor", "Patientenmonitor", ["Philips Healthcare", "GE HealthCare", "Dräger", "Mindray"]),
    ("Infusion Pump", "Infusionspumpe", ["B. Braun", "Baxter International", "Becton Dickinson", "Fresenius Kabi"]),
    ("Defibrillator", "Defibrillator", ["Philips Healthcare", "ZOLL Medical", "Stryker", "Schiller"]),
    ("ECG Machine", "EKG-Gerät", ["GE HealthCare", "Philips Healthcare", "Schiller"]),
    ("Ultrasound Machine", "Ultraschallgerät", ["GE HealthCare", "Philips Healthcare", "Siemens Healthineers", "Canon Medical Systems"]),
    ("X-ray Machine", "Röntgengerät", ["Siemens Healthineers", "GE HealthCare", "Philips Healthcare", "Canon Medical Systems"]),
    ("MRI Scanner", "MRT-Scanner", ["Siemens Healthineers", "GE HealthCare", "Philips Healthcare", "Canon Medical Systems"]),
    ("CT Scanner", "CT-Scanner", ["Siemens Healthineers", "GE HealthCare", "Philips Healthcare", "Canon Medical Systems"]),
    ("Anesthesia Machine", "Narkosegerät", ["Dräger", "GE HealthCare", "Mindray"]),
    ("Dialysis Machine", "Dialysegerät", ["Fresenius Medical Care", "Baxter International", "B. Braun"]),
    ("Blood Pressure Monitor", "Blutdruckmessgerät", ["Omron Healthcare", "Welch Allyn", "Beurer", "boso"]),
    ("Pulse Oximeter", "Pulsoximeter", ["Masimo", "Medtronic", "Nonin Medical"]),
    ("Surgical Robot", "Operationsroboter", ["Intuitive Surgical", "Medtronic", "Stryker"]),
    ("Endoscope", "Endoskop", ["Olympus", "Karl Storz", "Fujifilm", "Pentax Medical"]),
    ("Pacemaker", "Herzschrittmacher", ["Medtronic", "Abbott", "Boston Scientific", "Biotronik"]),
    ("Insulin Pump", "Insulinpumpe", ["Medtronic", "Tandem Diabetes Care", "Insulet"]),
    ("CPAP Machine", "CPAP-Gerät", ["ResMed", "Philips Respironics", "Löwenstein Medical"]),
    ("Hearing Aid", "Hörgerät", ["Sonova", "WS Audiology", "Demant", "GN Hearing", "Starkey"]),
    ("Wheelchair", "Rollstuhl", ["Invacare", "Sunrise Medical", "Ottobock", "Permobil"]),
    ("Oxygen Concentrator", "Sauerstoffkonzentrator", ["Inogen", "Philips Respironics", "Invacare"]),
    ("Nebulizer", "Inhalationsgerät", ["PARI", "Omron Healthcare", "Philips Respironics"]),
    ("Glucose Monitor", "Blutzuckermessgerät", ["Abbott", "Dexcom", "Roche Diagnostics", "Ascensia Diabetes Care"]),
    ("Syringe Pump", "Spritzenpumpe", ["B. Braun", "Becton Dickinson", "Fresenius Kabi"]),
    ("Incubator", "Inkubator", ["Dräger", "GE HealthCare"]),
    ("Suction Machine", "Absauggerät", ["Medela", "Laerdal Medical", "ATMOS MedizinTechnik"]),
    ("Electrosurgical Unit", "Elektrochirurgiegerät", ["Erbe Elektromedizin", "Medtronic", "Olympus"]),
    ("Cardiac Monitor", "Herzmonitor", ["Philips Healthcare", "GE HealthCare", "Medtronic"]),
    ("Fetal Monitor", "Fetalmonitor", ["Philips Healthcare", "GE HealthCare"]),
    ("Infant Warmer", "Säuglingswärmebett", ["Dräger", "GE HealthCare"]),
]

# ------------------------------------------------------------------ procedures
# US: dm procedure_codes_US.csv (code, datamimic's own short description). The numbers are
# CPT(R) codes; CPT is a registered trademark and copyrighted code set of the American Medical
# Association. No AMA descriptor text is used; see SOURCES.md for the caveat.
# category by CPT section (code range); duration and cost ILLUSTRATIVE per category.
CPT_SECTIONS = [  # (lo, hi, category, duration_minutes, cost USD)
    (10004, 69990, "Surgery", 60, 1200),
    (70010, 79999, "Radiology", 30, 350),
    (80047, 89398, "Pathology and Laboratory", 10, 40),
    (90281, 99199, "Medicine", 30, 150),
    (99202, 99499, "Evaluation and Management", 25, 140),
]
# more specific overrides (illustrative duration, cost)
CPT_OVERRIDES = {
    "36415": ("Surgery", 5, 15), "93306": ("Medicine", 45, 450), "95810": ("Medicine", 480, 1500),
    "93880": ("Medicine", 45, 400), "93970": ("Medicine", 45, 350), "94726": ("Medicine", 30, 150),
    "95860": ("Medicine", 45, 250), "95900": ("Medicine", 30, 150), "88305": ("Pathology and Laboratory", 20, 110),
    "88142": ("Pathology and Laboratory", 15, 45), "99223": ("Evaluation and Management", 60, 280),
    "99283": ("Evaluation and Management", 30, 180), "97110": ("Medicine", 30, 60),
    "97140": ("Medicine", 30, 55), "97530": ("Medicine", 30, 60), "96365": ("Medicine", 60, 250),
    "96360": ("Medicine", 60, 180),
}

# DE: OPS (Operationen- und Prozedurenschlüssel, BfArM) 4-character categories of common
# procedures; titles are short German descriptions (NOT the official BfArM wording, which must
# be used unchanged if quoted); codes recalled, to be verified against OPS 2026.
# (code, name, category, duration_minutes, cost EUR) — duration/cost ILLUSTRATIVE.
OPS_DE = [
    ("1-632", "Diagnostische Ösophagogastroduodenoskopie", "Diagnostik", 20, 250),
    ("1-650", "Diagnostische Koloskopie", "Diagnostik", 30, 350),
    ("1-440", "Endoskopische Biopsie am oberen Verdauungstrakt", "Diagnostik", 25, 300),
    ("1-444", "Endoskopische Biopsie am unteren Verdauungstrakt", "Diagnostik", 35, 380),
    ("1-275", "Linksherzkatheteruntersuchung", "Diagnostik", 45, 1200),
    ("1-710", "Ganzkörperplethysmographie", "Diagnostik", 20, 90),
    ("3-200", "Native Computertomographie des Schädels", "Bildgebung", 15, 180),
    ("3-222", "Computertomographie des Thorax mit Kontrastmittel", "Bildgebung", 20, 250),
    ("3-225", "Computertomographie des Abdomens mit Kontrastmittel", "Bildgebung", 20, 260),
    ("3-800", "Native Magnetresonanztomographie des Schädels", "Bildgebung", 30, 400),
    ("3-802", "Native Magnetresonanztomographie der Wirbelsäule", "Bildgebung", 35, 420),
    ("3-052", "Transösophageale Echokardiographie", "Bildgebung", 30, 250),
    ("5-511", "Cholezystektomie", "Operation", 90, 4500),
    ("5-470", "Appendektomie", "Operation", 60, 3500),
    ("5-530", "Verschluss einer Leistenhernie", "Operation", 75, 3000),
    ("5-820", "Implantation einer Hüftendoprothese", "Operation", 110, 8000),
    ("5-822", "Implantation einer Knieendoprothese", "Operation", 120, 8500),
    ("5-749", "Sectio caesarea", "Operation", 60, 3800),
    ("5-812", "Arthroskopische Operation an Gelenkknorpel und Menisken", "Operation", 50, 2500),
    ("5-790", "Geschlossene Reposition einer Fraktur mit Osteosynthese", "Operation", 70, 3500),
    ("5-794", "Offene Reposition einer Mehrfragmentfraktur mit Osteosynthese", "Operation", 120, 6000),
    ("5-144", "Extrakapsuläre Linsenextraktion (Kataraktoperation)", "Operation", 30, 1500),
    ("5-893", "Chirurgische Wundtoilette", "Operation", 30, 600),
    ("8-837", "Perkutan-transluminale Gefäßintervention an Herz und Koronargefäßen", "Intervention", 75, 5000),
    ("8-800", "Transfusion von Blutbestandteilen", "Therapie", 120, 400),
    ("8-854", "Hämodialyse", "Therapie", 240, 300),
    ("8-930", "Monitoring von Atmung, Herz und Kreislauf", "Überwachung", 1440, 250),
    ("8-910", "Epidurale Injektion zur Schmerztherapie", "Therapie", 30, 350),
    ("8-550", "Geriatrische frührehabilitative Komplexbehandlung", "Rehabilitation", 600, 6000),
    ("9-262", "Postnatale Versorgung des Neugeborenen", "Versorgung", 60, 500),
]

# ------------------------------------------------------------------ finance
# Card networks. US REAL: Nilson Report public summary, US credit-card purchase volume Jan-Sep
# 2022 (Visa $2,093.33B, Mastercard $967.44B, Amex $793.02B, Discover $154.98B) — weights are
# those volumes in USD billions. DE ILLUSTRATIVE (no published share extracted; girocard, the
# dominant German debit scheme, is not a card-number network in this table).
CARD_NETWORKS = {
    "US": [("VISA", 2093.33), ("MASTERCARD", 967.44), ("AMEX", 793.02), ("DISCOVER", 154.98)],
    "DE": [("VISA", 45), ("MASTERCARD", 45), ("AMEX", 8), ("DINERS_CLUB", 2)],
}

# Merchant category codes (ISO 18245 / card-scheme merchant data standards; codes are facts).
# category (dm finance/transaction/categories_{US,DE}.csv, weight = dm's, ILLUSTRATIVE) -> MCCs;
# the category weight is split evenly over its MCCs.
MCC = {
    "Retail": ["5311", "5310", "5732", "5200", "5651", "5942", "5999"],
    "Grocery": ["5411", "5499"],
    "Dining": ["5812", "5814", "5813"],
    "Entertainment": ["7832", "5815", "5816", "7922", "4899"],
    "Travel": ["4511", "7011", "7512", "4121", "4112", "4722", "4131"],
    "Utilities": ["4900", "4814"],
    "Healthcare": ["8011", "5912", "8062", "8021"],
    "Education": ["8220", "8211", "8299"],
    "Services": ["7230", "7210", "7542", "7299", "4215"],
    "Other": ["7399"],
}
CATEGORY_DE = {"Retail": "Einzelhandel", "Grocery": "Lebensmittel", "Dining": "Gastronomie",
               "Entertainment": "Unterhaltung", "Travel": "Reisen", "Utilities": "Versorgung",
               "Healthcare": "Gesundheitswesen", "Education": "Bildung", "Services": "Dienstleistungen",
               "Other": "Sonstiges"}

# foreign currencies offered next to the local one (ILLUSTRATIVE weights; local currency 100)
FOREIGN_CURRENCIES = [("USD", 3), ("EUR", 3), ("GBP", 1), ("CHF", 1), ("JPY", 1)]

# ------------------------------------------------------------------ insurance
# DE product weights REAL where marked: GDV, gross written premiums 2016, EUR million
# (data-sources.md §11). BU and travel are not broken out there: ILLUSTRATIVE.
GDV_PREMIUMS_DE = {"AUTO": 25906, "HOME": 6791, "LIFE": 90763, "HLTH": 37250, "HHALT": 2990,
                   "HAFT": 7667, "UNFALL": 6450, "RECHT": 3828}
GDV_ILLUSTRATIVE_DE = {"BERUF": 3000, "REISE": 800}

# coverages: (product_code, name, code, min, max, weight) — names/codes from dm coverages_*.csv,
# extended to every product; amounts in local currency, ILLUSTRATIVE; dm's "unlimited" replaced by
# 10,000,000 so the columns stay numeric.
COVERAGES = {
    "US": [
        ("AUTO", "Liability", "LIAB", 15000, 1000000, 0.3), ("AUTO", "Collision", "COLL", 5000, 100000, 0.25),
        ("AUTO", "Comprehensive", "COMP", 5000, 100000, 0.2), ("AUTO", "Uninsured Motorist", "UMOT", 10000, 500000, 0.15),
        ("AUTO", "Medical Payments", "MEDR", 1000, 50000, 0.1),
        ("HOME", "Dwelling Coverage", "DWEL", 100000, 2000000, 0.3), ("HOME", "Personal Property", "PROP", 50000, 1000000, 0.25),
        ("HOME", "Liability", "LIAB", 100000, 1000000, 0.2), ("HOME", "Additional Living Expenses", "ADDL", 10000, 200000, 0.15),
        ("HOME", "Medical Payments", "MEDR", 1000, 10000, 0.1),
        ("LIFE", "Term Life", "TERM", 25000, 2000000, 0.4), ("LIFE", "Whole Life", "WHOL", 50000, 5000000, 0.3),
        ("LIFE", "Universal Life", "UNIV", 100000, 10000000, 0.2), ("LIFE", "Variable Life", "VARL", 100000, 5000000, 0.1),
        ("HLTH", "Hospitalization", "HOSP", 5000, 10000000, 0.3), ("HLTH", "Prescription Drugs", "PRES", 500, 10000000, 0.25),
        ("HLTH", "Outpatient Care", "OUTP", 1000, 10000000, 0.2), ("HLTH", "Emergency Care", "EMER", 2000, 10000000, 0.15),
        ("HLTH", "Preventive Care", "PREV", 500, 10000, 0.1),
        ("RENT", "Personal Property", "PROP", 10000, 100000, 0.5), ("RENT", "Liability", "LIAB", 100000, 500000, 0.35),
        ("RENT", "Additional Living Expenses", "ADDL", 5000, 50000, 0.15),
        ("BUSI", "General Liability", "GLIA", 500000, 5000000, 0.4), ("BUSI", "Commercial Property", "CPRO", 50000, 5000000, 0.35),
        ("BUSI", "Business Interruption", "BINT", 25000, 2000000, 0.25),
        ("MOTO", "Liability", "LIAB", 15000, 500000, 0.5), ("MOTO", "Collision", "COLL", 2000, 50000, 0.3),
        ("MOTO", "Comprehensive", "COMP", 2000, 50000, 0.2),
        ("BOAT", "Hull Coverage", "HULL", 5000, 500000, 0.5), ("BOAT", "Liability", "LIAB", 100000, 1000000, 0.5),
        ("PET", "Accident and Illness", "ACIL", 1000, 20000, 0.7), ("PET", "Wellness", "WELL", 250, 1000, 0.3),
        ("TRVL", "Trip Cancellation", "TCAN", 1000, 50000, 0.5), ("TRVL", "Emergency Medical", "EMED", 10000, 500000, 0.5),
    ],
    "DE": [
        ("AUTO", "Kfz-Haftpflicht", "LIAB", 7500000, 100000000, 0.4), ("AUTO", "Teilkasko", "TEIL", 5000, 50000, 0.3),
        ("AUTO", "Vollkasko", "VOLL", 10000, 100000, 0.2), ("AUTO", "Insassenschutz", "INSS", 10000, 50000, 0.1),
        ("HOME", "Feuer", "FEUR", 100000, 2000000, 0.35), ("HOME", "Leitungswasser", "LWAS", 100000, 2000000, 0.3),
        ("HOME", "Sturm und Hagel", "STUR", 100000, 2000000, 0.25), ("HOME", "Elementarschutz", "ELEM", 10000, 1000000, 0.1),
        ("LIFE", "Risikolebensversicherung", "RISK", 20000, 1000000, 0.4), ("LIFE", "Kapitallebensversicherung", "KAPI", 50000, 1000000, 0.3),
        ("LIFE", "Fondsgebundene Lebensversicherung", "FOND", 50000, 1000000, 0.2), ("LIFE", "Sterbegeldversicherung", "STER", 5000, 20000, 0.1),
        ("HLTH", "Stationäre Behandlung", "STAT", 10000, 10000000, 0.3), ("HLTH", "Ambulante Behandlung", "AMBU", 1000, 10000000, 0.3),
        ("HLTH", "Zahnersatz", "ZAHN", 1000, 10000, 0.2), ("HLTH", "Heilpraktiker", "HEIL", 500, 5000, 0.1),
        ("HLTH", "Krankentagegeld", "KTAG", 30, 200, 0.1),
        ("HHALT", "Hausrat", "HAUS", 20000, 500000, 0.7), ("HHALT", "Fahrraddiebstahl", "FAHR", 500, 5000, 0.3),
        ("HAFT", "Privathaftpflicht", "PHV", 3000000, 50000000, 0.8), ("HAFT", "Forderungsausfall", "FAUS", 3000000, 50000000, 0.2),
        ("BERUF", "Berufsunfähigkeitsrente", "BURE", 6000, 60000, 1),
        ("RECHT", "Privatrechtsschutz", "PRRS", 300000, 2000000, 0.4), ("RECHT", "Verkehrsrechtsschutz", "VKRS", 300000, 2000000, 0.35),
        ("RECHT", "Berufsrechtsschutz", "BRRS", 300000, 2000000, 0.25),
        ("UNFALL", "Invaliditätsleistung", "INVA", 50000, 1000000, 0.7), ("UNFALL", "Unfallrente", "UREN", 6000, 36000, 0.3),
        ("REISE", "Reiserücktritt", "RRUE", 500, 20000, 0.5), ("REISE", "Auslandsreisekranken", "ARKV", 10000, 10000000, 0.5),
    ],
}

# ------------------------------------------------------------------ ecommerce
# Shipping: (method, min_days, max_days, cost, weight). Methods and weights from dm
# shipping_methods_{US,DE}.csv (ILLUSTRATIVE); cost = midpoint of dm's min/max cost; delivery days
# hand-set (ILLUSTRATIVE, typical carrier promises).
SHIPPING_DAYS = {
    "STANDARD_GROUND": (3, 7), "ECONOMY_POST": (5, 10), "EXPEDITED_GROUND": (2, 4), "EXPRESS_AIR": (1, 3),
    "TWO_DAY": (2, 2), "OVERNIGHT": (1, 1), "SAME_DAY_COURIER": (0, 0), "STORE_PICKUP": (0, 2),
    "CURBSIDE_PICKUP": (0, 2), "LOCKER_PICKUP": (1, 4), "WEEKEND_DELIVERY": (2, 6), "FREIGHT_TRUCK": (5, 14),
    "WHITE_GLOVE_DELIVERY": (7, 21), "CARBON_NEUTRAL_GROUND": (4, 8), "IN_HOME_ASSEMBLY": (7, 21),
    "DRONE_DROP": (0, 1), "RURAL_EXPRESS": (2, 5),
    "DHL_STANDARD": (1, 3), "DHL_PAKET_INTERNATIONAL": (4, 10), "DHL_PRIO": (1, 1), "HERMES_STANDARD": (2, 4),
    "HERMES_EXPRESS": (1, 1), "DPD_PREDICT": (1, 3), "GLS_FLEX_DELIVERY": (1, 3), "ABENDZUSTELLUNG": (1, 2),
    "PACKSTATION_ABHOLUNG": (1, 3), "FILIALABHOLUNG": (1, 3), "ABHOLBOX": (1, 3), "SPEDITION_MOEBEL": (5, 14),
    "SPEDITION_PREMIUM": (7, 21), "KURIER_SAME_DAY": (0, 0), "CO2_NEUTRAL": (2, 4),
    "WOCHENENDE_ZUSTELLUNG": (2, 6), "KUEHLVERSAND": (1, 2),
}

# Tax rates (rate as a fraction of the net price).
# DE REAL: Umsatzsteuergesetz §12 — 19 % standard, 7 % reduced for most food (§12(2) Nr. 1 with
# Anlage 2) and books incl. e-books (§12(2) Nr. 1 and 14). Beverages (except milk and tap water),
# pet supplies (pet food itself is 7 %) and all other categories: 19 %.
# US: no VAT; sales tax is set by states and localities. 0.0752 = Tax Foundation's average
# combined state and local sales tax rate (population-weighted, 2024; APPROXIMATE, verify);
# grocery exemptions (most states) modelled as a reduced 0.03 for FOOD (ILLUSTRATIVE).
TAX_RATES = {
    "DE": {"FOOD": "0.07", "BOOKS": "0.07", "_default": "0.19"},
    "US": {"FOOD": "0.03", "_default": "0.0752"},
}

# English leftovers in dm's DE noun/adjective files -> German
EN_DE = {
    # clothing
    "Shirt": "Hemd", "Pants": "Hose", "Dress": "Kleid", "Jacket": "Jacke", "Sweater": "Pullover", "Socks": "Socken",
    "Hat": "Mütze", "Gloves": "Handschuhe", "Scarf": "Schal", "Shoes": "Schuhe", "T-shirt": "T-Shirt", "Jeans": "Jeans",
    "Skirt": "Rock", "Blouse": "Bluse", "Coat": "Mantel", "Hoodie": "Kapuzenpullover", "Leggings": "Leggings",
    "Sweatpants": "Jogginghose", "Suit": "Anzug", "Shorts": "Shorts", "Swimwear": "Badebekleidung",
    "Underwear": "Unterwäsche", "Pajamas": "Schlafanzug", "Vest": "Weste", "Blazer": "Blazer", "Cardigan": "Strickjacke",
    "Polo Shirt": "Poloshirt", "Tank Top": "Tanktop", "Sweatshirt": "Sweatshirt", "Raincoat": "Regenmantel",
    # electronics
    "Smartphone": "Smartphone", "Laptop": "Laptop", "Tablet": "Tablet", "Headphones": "Kopfhörer", "Camera": "Kamera",
    "TV": "Fernseher", "Speaker": "Lautsprecher", "Smartwatch": "Smartwatch", "Router": "Router", "Drone": "Drohne",
    "Gaming Console": "Spielkonsole", "Keyboard": "Tastatur", "Mouse": "Maus", "Monitor": "Monitor", "Printer": "Drucker",
    "Scanner": "Scanner", "Microphone": "Mikrofon", "Charger": "Ladegerät", "Power Bank": "Powerbank",
    "USB Drive": "USB-Stick", "External Hard Drive": "Externe Festplatte", "Smart Home Hub": "Smart-Home-Zentrale",
    "Bluetooth Earbuds": "Bluetooth-Ohrhörer", "Virtual Reality Headset": "VR-Brille",
    "Security Camera": "Überwachungskamera", "Projector": "Beamer", "E-reader": "E-Book-Reader",
    "Fitness Tracker": "Fitnessarmband", "Smart Thermostat": "Smartes Thermostat", "Wireless Mouse": "Kabellose Maus",
    # adjectives
    "Budget": "preiswert", "Compact": "kompakt", "Portable": "tragbar", "Wireless": "kabellos", "Smart": "smart",
    "Eco-friendly": "umweltfreundlich", "Organic": "bio", "Handcrafted": "handgefertigt", "Vintage": "Vintage",
    "Digital": "digital", "Analog": "analog", "Limited Edition": "limitiert", "Exclusive": "exklusiv",
    "Customizable": "individualisierbar", "Lightweight": "leicht", "Heavy-Duty": "strapazierfähig", "Ultra": "Ultra",
    "Mini": "Mini", "Mega": "Mega", "Pro": "Pro", "Basic": "Basic",
    # programs (public_sector)
    "Social Sciences": "Sozialwissenschaften", "Humanities": "Geisteswissenschaften", "Arts": "Kunst",
    "Health Sciences": "Gesundheitswissenschaften", "Education": "Erziehungswissenschaften", "Law": "Rechtswissenschaft",
    "Medicine": "Medizin", "Architecture": "Architektur", "Agriculture": "Agrarwissenschaften",
    "Environmental Studies": "Umweltwissenschaften", "Communications": "Kommunikationswissenschaft",
    "Mathematics": "Mathematik", "Psychology": "Psychologie", "Economics": "Volkswirtschaftslehre",
    "Political Science": "Politikwissenschaft",
    "Manufacturing Technology": "Industriemechanik", "Cosmetology": "Kosmetik", "Hospitality Management": "Hotelfach",
    "Digital Media": "Mediengestaltung Digital und Print", "Electrical Technology": "Elektronik",
    "HVAC Technology": "Anlagenmechanik SHK", "Plumbing Technology": "Installateur und Heizungsbauer",
    "Welding": "Metallbau", "Aviation Technology": "Fluggerätmechanik", "Agriculture Technology": "Landwirtschaft",
    "History": "Geschichte", "Computer Science": "Informatik", "Foreign Languages": "Fremdsprachen",
    "Advanced Placement (AP)": "Leistungskurs", "International Baccalaureate (IB)": "International Baccalaureate (IB)",
    "Technical Education": "Technik", "Business Studies": "Wirtschaft", "Performing Arts": "Darstellendes Spiel",
    "Physical Education": "Sport", "Sports Teams": "Schulsport-AG",
}

# ------------------------------------------------------------------ public sector
# Police ranks: real rank titles. US: the common municipal rank structure (e.g. NYPD/LAPD style
# titles; structures vary by department). DE: Amtsbezeichnungen of the Polizeivollzugsdienst
# (Bundespolizei/Länder; mittlerer, gehobener, höherer Dienst). Weights ILLUSTRATIVE (pyramid).
POLICE_RANKS = {
    "US": [("Police Officer", 62), ("Detective", 12), ("Corporal", 6), ("Sergeant", 10), ("Lieutenant", 5),
           ("Captain", 2.5), ("Major", 1), ("Deputy Chief", 0.8), ("Assistant Chief", 0.4), ("Chief of Police", 0.3)],
    "DE": [("Polizeimeister", 8), ("Polizeiobermeister", 12), ("Polizeihauptmeister", 15),
           ("Polizeikommissar", 20), ("Polizeioberkommissar", 20), ("Polizeihauptkommissar", 17),
           ("Erster Polizeihauptkommissar", 4), ("Polizeirat", 1.5), ("Polizeioberrat", 1),
           ("Polizeidirektor", 0.8), ("Leitender Polizeidirektor", 0.4), ("Polizeipräsident", 0.3)],
}

# education institution type -> level (programs are keyed by level). Names/weights: dm
# institution_types_{US,DE}.csv (ILLUSTRATIVE); DE "Gymnasium mit Schwerpunktprofil" -> "Gymnasium",
# "Berufskolleg" kept (NRW term), "Öffentliche Schule"/"Private Schule" -> Grundschule/Privatschule.
EDU_TYPES = {
    "US": [("Public School", "k12", 3), ("Private School", "k12", 2), ("Charter School", "k12", 1),
           ("Magnet School", "k12", 1), ("Special Education School", "k12", 1),
           ("Community College", "vocational", 2), ("Technical Institute", "vocational", 1),
           ("Vocational School", "vocational", 1), ("Public University", "higher_education", 2),
           ("Private University", "higher_education", 1), ("Research University", "higher_education", 1),
           ("Liberal Arts College", "higher_education", 1)],
    "DE": [("Grundschule", "k12", 3), ("Gymnasium", "k12", 1), ("Gesamtschule", "k12", 1),
           ("Realschule", "k12", 1), ("Privatschule", "k12", 1), ("Förderschule", "k12", 1),
           ("Berufsschule", "vocational", 2), ("Berufskolleg", "vocational", 1),
           ("Universität", "higher_education", 2), ("Technische Universität", "higher_education", 1),
           ("Hochschule für angewandte Wissenschaften", "higher_education", 1),
           ("Private Hochschule", "higher_education", 1)],
}


# ICD-10-GM 2025 (BfArM): datamimic's non-terminal DE codes -> the terminal code for the
# unspecified case, with its BfArM title (shortened; ":" joins the 4th- and 5th-character titles).
GM_TERMINAL = {
    "B20": ("B24", "Nicht näher bezeichnete HIV-Krankheit"),
    "E10.9": ("E10.90", "Diabetes mellitus Typ 1 ohne Komplikationen: nicht als entgleist bezeichnet"),
    "E11.9": ("E11.90", "Diabetes mellitus Typ 2 ohne Komplikationen: nicht als entgleist bezeichnet"),
    "E66.9": ("E66.99", "Adipositas nicht näher bezeichnet: Grad oder Ausmaß nicht näher bezeichnet"),
    "G20": ("G20.90", "Primäres Parkinson-Syndrom nicht näher bezeichnet: ohne Wirkungsfluktuation"),
    "G35": ("G35.9", "Multiple Sklerose nicht näher bezeichnet"),
    "G47.3": ("G47.31", "Obstruktives Schlafapnoe-Syndrom"),
    "I10": ("I10.90", "Essentielle Hypertonie nicht näher bezeichnet: ohne Angabe einer hypertensiven Krise"),
    "J44.9": ("J44.99", "Chronische obstruktive Lungenkrankheit nicht näher bezeichnet: FEV1 nicht näher bezeichnet"),
    "J45.9": ("J45.99", "Asthma bronchiale nicht näher bezeichnet: ohne Angabe zu Kontrollstatus und Schweregrad"),
    "M06.9": ("M06.99", "Chronische Polyarthritis nicht näher bezeichnet: nicht näher bezeichnete Lokalisation"),
    "M10.9": ("M10.99", "Gicht nicht näher bezeichnet: nicht näher bezeichnete Lokalisation"),
    "M19.9": ("M19.99", "Arthrose nicht näher bezeichnet: nicht näher bezeichnete Lokalisation"),
    "M79.7": ("M79.70", "Fibromyalgie: mehrere Lokalisationen"),
    "M81.0": ("M81.99", "Osteoporose nicht näher bezeichnet: nicht näher bezeichnete Lokalisation"),
}


# German retail banking groups: (group, name regex, customers in millions, source). A bank's
# weight is its group's customers spread over the group's registry rows in proportion to the
# rows' Bundesbank registry entries (head office + branch places). Rounded, hand-transcribed.
DE_BANK_GROUPS = [
    ("Bundesbank", r"Bundesbank", 0, "the central bank keeps no private customers' accounts"),
    ("Postbank", r"Postbank", 12, "Deutsche Bank Annual Report 2023: Private Bank Germany about 19 million clients, of which Postbank about 12 million"),
    ("Deutsche Bank", r"^Deutsche Bank", 7, "Deutsche Bank Annual Report 2023 (the other 7 million of Private Bank Germany)"),
    ("Sparkassen", r"Sparkasse|Spk\b|Landesbank|Girozentrale|LBBW|Helaba|BayernLB", 50, "DSGV, Sparkassen-Finanzgruppe: about 50 million customers (Jahresbericht 2023); Landesbanken counted with their Sparkassen"),
    ("Genossenschaftsbanken", r"Volksbank|Raiffeisen|VR[- ]?Bank|Raiba|Sparda|PSD Bank|Genossenschafts|Darlehnskasse|Spar- und Kreditbank|DZ BANK", 30, "BVR: more than 30 million customers of the Volksbanken Raiffeisenbanken incl. Sparda and PSD banks (Jahresbericht 2023)"),
    ("Commerzbank", r"Commerzbank|comdirect", 11, "Commerzbank Annual Report 2023: about 11 million private and small-business customers in Germany"),
    ("ING", r"^ING\b|ING-DiBa", 10, "ING Deutschland: about 10 million customers (ING Group Annual Report 2023)"),
    ("DKB", r"Deutsche Kreditbank|\bDKB\b", 5, "DKB Geschäftsbericht 2023: about 5 million customers"),
    ("Targobank", r"TARGO", 4, "TARGOBANK: about 4 million customers (company profile 2023)"),
    ("HypoVereinsbank", r"UniCredit|HypoVereinsbank", 1.5, "UniCredit Bank (HypoVereinsbank): about 1.5 million private customers (illustrative order of magnitude)"),
]
# Every other institution (private, foreign and direct banks) shares this many million
# customers, spread by registry entries: illustrative (no published total of the remainder).
DE_OTHER_BANK_CUSTOMERS = 10
