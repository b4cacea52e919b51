//! MedicalProcedure: a coded procedure whose flags, specialty and recovery fit its kind.

use crate::PerDataset;
use std::fmt;

use crate::sample::below;
use crate::tables::columns::healthcare_procedure as procedure;
use crate::{Context, DatasetCode, Mimic, Row, Table, tables};

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
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(procedures: &'static Procedures, with = Procedures::here))]
#[mimic(let(row: Row, weighted = "healthcare/procedure"))]
#[mimic(let(p: ProcedureInfo, from = procedures.rows[row.index()]))]
pub struct MedicalProcedure {
    /// 1, 2, 3, ... from the record index.
    #[mimic(seq)]
    pub procedure_id: u64,
    /// The code with its system (`CPT-93000`, `OPS-5-470`).
    #[mimic(from = ProcedureCode { system: procedures.system, code: p.code, separator: "-" })]
    pub procedure_code: ProcedureCode,
    /// The CPT code (US) or OPS code (DE).
    #[mimic(from = p.code)]
    pub cpt_code: &'static str,
    /// Name.
    #[mimic(from = p.name)]
    pub name: &'static str,
    /// `<category>: <name>`.
    #[mimic(from = ProcedureCode { system: p.category, code: p.name, separator: ": " })]
    pub description: ProcedureCode,
    /// CPT section or OPS chapter.
    #[mimic(from = p.category)]
    pub category: &'static str,
    /// The specialty that performs it.
    #[mimic(from = p.specialty)]
    pub specialty: &'static str,
    /// Typical duration, ±20 %.
    #[mimic(with = duration_minutes(p))]
    pub duration_minutes: u16,
    /// Typical cost in the country's currency, ±25 %, cents.
    #[mimic(with = cost(p))]
    pub cost: f64,
    /// Surgery under anaesthesia.
    #[mimic(from = p.is_surgical)]
    pub requires_anesthesia: bool,
    /// Operative procedure.
    #[mimic(from = p.is_surgical)]
    pub is_surgical: bool,
    /// Laboratory, imaging or other diagnostics.
    #[mimic(from = p.is_diagnostic)]
    pub is_diagnostic: bool,
    /// Vaccination or screening.
    #[mimic(from = p.is_preventive)]
    pub is_preventive: bool,
    /// Days to recover (0 for non-surgical procedures).
    #[mimic(with = recovery_time_days(p))]
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
    /// [`Procedures::of`] in the shape of a `with` function.
    #[inline]
    fn here(ctx: &mut Context<'_>) -> &'static Procedures {
        Procedures::of(ctx.dataset())
    }

    fn of(code: DatasetCode) -> &'static Procedures {
        static CACHE: PerDataset<Procedures> = PerDataset::new();
        CACHE.get_or_init(code, || {
            let table = tables::HEALTHCARE_PROCEDURE.for_dataset(code);
            let german = table.country() == Some("DE");
            let rows = (0..table.len())
                .map(|r| {
                    let name = table.value(r);
                    let category = table.cell(r, procedure::CATEGORY);
                    let duration = number(table, r, procedure::DURATION_MINUTES);
                    let lower = name.to_lowercase();
                    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
                    ProcedureInfo {
                        name,
                        code: table.cell(r, procedure::CPT_CODE),
                        category,
                        specialty: specialty(name, category, german),
                        duration,
                        cost: number(table, r, procedure::COST),
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
/// A number cell of the baked procedure table, parsed once per dataset; the table's tests
/// check every cell of every variant, so a cell that is not a number is a build mistake.
fn number<T: std::str::FromStr>(table: &Table, row: usize, column: usize) -> T {
    let cell = table.cell(row, column);
    cell.parse().unwrap_or_else(|_| {
        panic!(
            "{}: row {row}, column {column}: `{cell}` is not a number",
            table.source()
        )
    })
}

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

/// ±20 % around the table's typical duration.
fn duration_minutes(ctx: &mut Context<'_>, p: &ProcedureInfo) -> u16 {
    (p.duration * (80 + below(ctx.rng(), 41)) / 100).max(1) as u16
}

/// ±25 % around the table's typical cost, to the cent.
fn cost(ctx: &mut Context<'_>, p: &ProcedureInfo) -> f64 {
    (p.cost * (75 + below(ctx.rng(), 51)) as f64).round() / 100.0
}

/// Days off after an operation, longer for longer ones; none otherwise.
fn recovery_time_days(ctx: &mut Context<'_>, p: &ProcedureInfo) -> u16 {
    if p.is_surgical {
        (p.duration / 15 + below(ctx.rng(), p.duration / 10 + 3)).max(1) as u16
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_duration_and_cost_is_a_number() {
        for table in tables::HEALTHCARE_PROCEDURE.variants() {
            for r in 0..table.len() {
                let duration: u64 = number(table, r, procedure::DURATION_MINUTES);
                let cost: f64 = number(table, r, procedure::COST);
                assert!(duration > 0 && cost >= 0.0, "{}: row {r}", table.source());
            }
        }
    }
}
