//! MedicalProcedure: a coded procedure whose flags, specialty and recovery fit its kind.

use crate::PerDataset;
use std::fmt;

use crate::sample::below;
use crate::{Context, DatasetCode, Mimic, TableUse, tables};

use super::clinical::column;
use super::text::serialize_as_text;

/// A medical procedure, with the fields of datamimic-ce's MedicalProcedure in its order.
///
/// Coherence: code, name, category, duration and cost come from one row of the country's
/// procedure table (CPT for US, OPS for DE); surgery needs anaesthesia and recovery time,
/// laboratory, imaging and diagnostic procedures are diagnostic, vaccinations preventive; the
/// specialty follows the procedure.
///
/// ```
/// use datamimic::domain::healthcare::MedicalProcedureService;
///
/// let procedure = MedicalProcedureService::new("US")?.seed(1).generate();
/// assert_eq!(procedure.cpt_code.len(), 5);
/// assert!(!procedure.is_surgical || procedure.requires_anesthesia);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct MedicalProcedure {
    /// 1, 2, 3, ... from the record index.
    pub procedure_id: u64,
    /// The code with its system (`CPT-93000`, `OPS-5-470`).
    pub procedure_code: ProcedureCode,
    /// The CPT code (US) or OPS code (DE).
    pub cpt_code: &'static str,
    /// Name.
    pub name: &'static str,
    /// `<category>: <name>`.
    pub description: ProcedureCode,
    /// CPT section or OPS chapter.
    pub category: &'static str,
    /// The specialty that performs it.
    pub specialty: &'static str,
    /// Typical duration, ±20 %.
    pub duration_minutes: u16,
    /// Typical cost in the country's currency, ±25 %, cents.
    pub cost: f64,
    /// Surgery under anaesthesia.
    pub requires_anesthesia: bool,
    /// Operative procedure.
    pub is_surgical: bool,
    /// Laboratory, imaging or other diagnostics.
    pub is_diagnostic: bool,
    /// Vaccination or screening.
    pub is_preventive: bool,
    /// Days to recover (0 for non-surgical procedures).
    pub recovery_time_days: u16,
}

/// A procedure code with its coding system, or a description: two parts written together
/// without allocating.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ProcedureCode {
    /// `CPT`, `OPS`, or the category of a description.
    pub system: &'static str,
    /// The code, or the name of a description.
    pub code: &'static str,
    /// `-` for codes, `: ` for descriptions.
    pub separator: &'static str,
}

impl fmt::Display for ProcedureCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}{}", self.system, self.separator, self.code)
    }
}

serialize_as_text!(ProcedureCode);

/// Specialties by words in the procedure name, first match wins (US and DE names).
const SPECIALTY_BY_NAME: &[(&[&str], &str, &str)] = &[
    (
        &["ophthalm", "visual field", "katarakt"],
        "Ophthalmology",
        "Augenheilkunde",
    ),
    (
        &["electrocardio", "echocardio", "herz", "koronar"],
        "Cardiology",
        "Kardiologie",
    ),
    (
        &["duplex", "arteries", "gefäß"],
        "Vascular Surgery",
        "Gefäßchirurgie",
    ),
    (
        &["spirometr", "respiratory", "plethysmograph", "oximetry"],
        "Pulmonology",
        "Pneumologie",
    ),
    (&["allergen"], "Allergy and Immunology", "Allergologie"),
    (&["polysomnograph"], "Sleep Medicine", "Schlafmedizin"),
    (
        &["electromyograph", "nerve conduction"],
        "Neurology",
        "Neurologie",
    ),
    (
        &["audiometry"],
        "Otolaryngology",
        "Hals-Nasen-Ohren-Heilkunde",
    ),
    (
        &["vaccine", "immunization", "toxoid"],
        "Family Medicine",
        "Allgemeinmedizin",
    ),
    (
        &[
            "therapeutic exercise",
            "manual therapy",
            "therapeutic activities",
            "rehabilit",
        ],
        "Physical Medicine and Rehabilitation",
        "Physikalische und Rehabilitative Medizin",
    ),
    (
        &["chiropractic"],
        "Physical Medicine and Rehabilitation",
        "Orthopädie",
    ),
    (&["emergency"], "Emergency Medicine", "Notfallmedizin"),
    (
        &["endoskop", "koloskop", "ösophago"],
        "Gastroenterology",
        "Gastroenterologie",
    ),
    (
        &["computertomograph", "magnetresonanz"],
        "Radiology",
        "Radiologie",
    ),
    (
        &["endoprothese", "fraktur", "arthroskop"],
        "Orthopedics",
        "Orthopädie",
    ),
    (
        &["sectio", "neugeboren"],
        "Obstetrics and Gynecology",
        "Gynäkologie und Geburtshilfe",
    ),
    (&["hämodialyse"], "Nephrology", "Nephrologie"),
    (&["schmerz"], "Pain Medicine", "Schmerzmedizin"),
    (&["geriatr"], "Geriatrics", "Geriatrie"),
    (&["transfusion"], "Hematology", "Hämatologie"),
    (&["monitoring"], "Critical Care Medicine", "Anästhesiologie"),
];

fn specialty(name: &str, category: &str, german: bool) -> &'static str {
    let lower = name.to_lowercase();
    for (words, us, de) in SPECIALTY_BY_NAME {
        if words.iter().any(|w| lower.contains(w)) {
            return if german { de } else { us };
        }
    }
    match (category, german) {
        ("Pathology and Laboratory", _) => "Pathology",
        ("Operation", true) => "Chirurgie",
        (_, true) => "Innere Medizin",
        ("Surgery", false) => "General Surgery",
        _ => "Internal Medicine",
    }
}

/// One row of `healthcare/procedure` with everything derived from it, computed once.
#[derive(Debug, Clone, Copy)]
struct ProcedureInfo {
    name: &'static str,
    code: &'static str,
    category: &'static str,
    specialty: &'static str,
    duration: u64,
    cost: f64,
    is_surgical: bool,
    is_diagnostic: bool,
    is_preventive: bool,
}

/// The procedures of one dataset, by row, and the coding system.
#[derive(Debug)]
struct Procedures {
    rows: Vec<ProcedureInfo>,
    system: &'static str,
}

impl Procedures {
    fn of(code: DatasetCode) -> &'static Procedures {
        static CACHE: PerDataset<Procedures> = PerDataset::new();
        CACHE.get_or_init(code, || {
            let family = &tables::HEALTHCARE_PROCEDURE;
            let table = family.for_dataset(code);
            let german = table.country() == Some("DE");
            let (cpt, category, duration, cost) = (
                column(family, "cpt_code"),
                column(family, "category"),
                column(family, "duration_minutes"),
                column(family, "cost"),
            );
            let rows = (0..table.len())
                .map(|r| {
                    let name = table.value(r);
                    let category = table.cell(r, category);
                    let duration = table.cell(r, duration).parse().unwrap_or(30);
                    let lower = name.to_lowercase();
                    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
                    ProcedureInfo {
                        name,
                        code: table.cell(r, cpt),
                        category,
                        specialty: specialty(name, category, german),
                        duration,
                        cost: table.cell(r, cost).parse().unwrap_or(100.0),
                        // Venipuncture sits in the CPT surgery section but is no operation.
                        is_surgical: matches!(category, "Operation" | "Intervention")
                            || (category == "Surgery" && duration >= 20),
                        is_diagnostic: matches!(
                            category,
                            "Pathology and Laboratory" | "Diagnostik" | "Bildgebung"
                        ) || has(DIAGNOSTIC_WORDS),
                        is_preventive: has(&["vaccine", "immunization", "toxoid", "screening"]),
                    }
                })
                .collect();
            Procedures {
                rows,
                system: if german { "OPS" } else { "CPT" },
            }
        })
    }
}

/// Words of diagnostic procedures outside the laboratory and imaging categories.
const DIAGNOSTIC_WORDS: &[&str] = &[
    "test",
    "assay",
    "panel",
    "scan",
    "exam",
    "study",
    "studies",
    "audiometry",
    "spirometry",
    "electrocardiogram",
    "echocardiography",
    "polysomnography",
    "electromyography",
    "oximetry",
    "plethysmography",
    "visual field",
];

impl Mimic for MedicalProcedure {
    fn mimic(ctx: &mut Context<'_>) -> MedicalProcedure {
        let procedures = Procedures::of(ctx.dataset());
        let row = ctx
            .table(&tables::HEALTHCARE_PROCEDURE)
            .sample_index(ctx.rng());
        let p = procedures.rows[row];
        // ±20 % duration and ±25 % cost around the table's typical values.
        let duration_minutes = (p.duration * (80 + below(ctx.rng(), 41)) / 100).max(1) as u16;
        let cost = (p.cost * (75 + below(ctx.rng(), 51)) as f64).round() / 100.0;
        let recovery_time_days = if p.is_surgical {
            (p.duration / 15 + below(ctx.rng(), p.duration / 10 + 3)).max(1) as u16
        } else {
            0
        };
        MedicalProcedure {
            procedure_id: ctx.index() + 1,
            procedure_code: ProcedureCode {
                system: procedures.system,
                code: p.code,
                separator: "-",
            },
            cpt_code: p.code,
            name: p.name,
            description: ProcedureCode {
                system: p.category,
                code: p.name,
                separator: ": ",
            },
            category: p.category,
            specialty: p.specialty,
            duration_minutes,
            cost,
            requires_anesthesia: p.is_surgical,
            is_surgical: p.is_surgical,
            is_diagnostic: p.is_diagnostic,
            is_preventive: p.is_preventive,
            recovery_time_days,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visitor(TableUse {
            family: &tables::HEALTHCARE_PROCEDURE,
            column: 0,
            accepts: None,
        });
    }
}
