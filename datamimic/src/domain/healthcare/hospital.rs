//! Hospital: a hospital of one type in the city of its address, with departments and services
//! that fit the type.

use crate::PerDataset;
use std::fmt;

use chrono::Datelike;
use rand::Rng;

use crate::domain::common::{Address, PhoneNumber};
use crate::sample::{below, chance};
use std::cell::RefCell;

use crate::{Context, DatasetCode, Mimic, Row, tables};

use super::clinical::column;
use super::health_system::HealthSystem;
use super::text::{serialize_as_text, write_slug};

/// What a hospital type is, across the languages of the `healthcare/hospital_type` tables.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HospitalKind {
    /// General acute care.
    General,
    /// Community or district hospital.
    Community,
    /// Children's hospital.
    Children,
    /// Long-term and geriatric care.
    LongTermCare,
    /// Psychiatric hospital.
    Psychiatric,
    /// Rehabilitation clinic.
    Rehabilitation,
    /// Specialty clinic.
    Specialty,
    /// Teaching or university hospital.
    Teaching,
    /// Veterans' or armed-forces hospital.
    Military,
}

impl HospitalKind {
    /// The kind of a `healthcare/hospital_type` label (US, DE or VN); `General` if unknown.
    pub fn of_type(label: &str) -> HospitalKind {
        match label {
            "Community" | "Kreiskrankenhaus" | "Trung tâm Y tế" => HospitalKind::Community,
            "Children's" | "Kinderklinik" | "Bệnh viện Nhi" => HospitalKind::Children,
            "Long-term Care" | "Geriatrische Klinik" | "Bệnh viện Lão khoa" => {
                HospitalKind::LongTermCare
            }
            "Psychiatric" | "Psychiatrische Klinik" | "Bệnh viện Tâm thần" => {
                HospitalKind::Psychiatric
            }
            "Rehabilitation" | "Rehabilitationsklinik" | "Bệnh viện Phục hồi chức năng" => {
                HospitalKind::Rehabilitation
            }
            "Specialty" | "Fachklinik" | "Bệnh viện Chuyên khoa" => HospitalKind::Specialty,
            "Teaching" | "Universitätsklinikum" | "Bệnh viện Đại học Y Dược" => {
                HospitalKind::Teaching
            }
            "Veterans" | "Bundeswehrkrankenhaus" | "Bệnh viện Quân y" => {
                HospitalKind::Military
            }
            _ => HospitalKind::General,
        }
    }

    /// Whether doctors of `specialty` (a US, DE or VN `healthcare/specialty` label) work at
    /// hospitals of this kind: paediatricians at children's, teaching or general hospitals,
    /// psychiatrists at psychiatric ones, rehabilitation physicians at rehabilitation clinics,
    /// geriatric and palliative physicians in long-term care; children's, psychiatric,
    /// rehabilitation and long-term care hospitals employ only those.
    pub fn fits(self, specialty: &str) -> bool {
        use HospitalKind::*;
        let s = specialty.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
        // Vietnamese labels by whole words: `nhi` alone is also a syllable of `nhiễm`.
        let allowed: &[HospitalKind] = if has(&["pediatr", "pädiatr", "neonat", "nhi khoa"]) {
            &[Children, Teaching, General]
        } else if has(&["psychiatr", "tâm thần"]) {
            &[Psychiatric, Teaching, General]
        } else if has(&["rehabilit", "sport", "phục hồi chức năng"]) {
            &[Rehabilitation, General, Teaching]
        } else if has(&["geriatr", "palliat", "hospice", "lão khoa"]) {
            &[LongTermCare, General, Community]
        } else if has(&["family medicine", "allgemeinmedizin", "y học gia đình"]) {
            &[Community, General, Military]
        } else {
            &[General, Community, Teaching, Specialty, Military]
        };
        allowed.contains(&self)
    }

    /// Whether the kind usually runs an emergency department.
    fn has_emergency(self) -> bool {
        use HospitalKind::*;
        matches!(self, General | Community | Teaching | Children | Military)
    }

    /// Typical bed counts (illustrative, after AHA and Destatis size classes).
    fn beds(self) -> (u64, u64) {
        use HospitalKind::*;
        match self {
            Teaching => (400, 1_600),
            General => (150, 700),
            Community => (25, 250),
            Children => (60, 400),
            Military => (80, 500),
            Psychiatric | Rehabilitation | LongTermCare => (40, 300),
            Specialty => (20, 200),
        }
    }
}

/// A hospital's name from its city and type: `Springfield General Hospital` in English,
/// `Kreiskrankenhaus Dachau` in German, `Bệnh viện Đa khoa Lào Cai` in Vietnamese.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct HospitalName {
    /// The city.
    pub city: &'static str,
    /// The hospital type's label.
    pub hospital_type: &'static str,
    /// Whose language and word order.
    pub system: HealthSystem,
}

impl fmt::Display for HospitalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.system {
            HealthSystem::Us => write!(f, "{} {} Hospital", self.city, self.hospital_type),
            HealthSystem::De | HealthSystem::Vn => {
                write!(f, "{} {}", self.hospital_type, self.city)
            }
        }
    }
}

/// The host name of a hospital's website, written on demand: `www.springfieldgeneralhospital.org`,
/// `www.kreiskrankenhausdachau.de`, `www.benhviendakhoalaocai.vn`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Host(pub HospitalName);

impl Host {
    /// Writes the host, with or without the leading `www.`.
    fn write(&self, f: &mut fmt::Formatter<'_>, www: bool) -> fmt::Result {
        let HospitalName {
            city,
            hospital_type,
            system,
        } = self.0;
        let (first, second, tld) = match system {
            HealthSystem::Us => (city, hospital_type, "hospital.org"),
            HealthSystem::De => (hospital_type, city, ".de"),
            HealthSystem::Vn => (hospital_type, city, ".vn"),
        };
        if www {
            f.write_str("www.")?;
        }
        write_slug(f, first)?;
        write_slug(f, second)?;
        f.write_str(tld)
    }
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, true)
    }
}

/// A hospital's website, `https://` and its [`Host`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Website(pub Host);

impl fmt::Display for Website {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "https://{}", self.0)
    }
}

/// A hospital's e-mail, `info@` its [`Host`] without `www.`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct HospitalEmail(pub Host);

impl fmt::Display for HospitalEmail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("info@")?;
        self.0.write(f, false)
    }
}

serialize_as_text!(HospitalName, Website, HospitalEmail);

/// A hospital, with the fields of datamimic-ce's Hospital in its order and its address.
///
/// Coherence: the name is the address's city and the type; departments come from the type's
/// department list; `emergency_services` is true exactly when an emergency department is
/// listed; teaching status, bed and staff counts fit the type; the founding year is in the
/// past; phone, website and e-mail belong to the hospital.
///
/// ```
/// use datamimic::domain::healthcare::HospitalService;
///
/// let hospital = HospitalService::new("US")?.seed(3).generate();
/// assert!(hospital.name.to_string().contains(hospital.address.city));
/// assert!(hospital.staff_count > u32::from(hospital.bed_count));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(tables: &'static HospitalTables, with = HospitalTables::here))]
#[mimic(let(type_row: Row, weighted = "healthcare/hospital_type"))]
#[mimic(let(kind: HospitalKind, from = HospitalKind::of_type(type_row.value())))]
#[mimic(let(site: Address))]
#[mimic(let(emergency: bool, with = emergency(kind)))]
// Coarse coin flips for departments and services, sixteen per 64-bit draw.
#[mimic(let(bits: RefCell<Nibbles>, skip))]
pub struct Hospital {
    /// 1, 2, 3, ... from the record index.
    #[mimic(seq)]
    pub hospital_id: u64,
    /// Name from city and type.
    #[mimic(from = HospitalName { city: site.city, hospital_type: type_row.value(), system: tables.system })]
    pub name: HospitalName,
    /// The type's label (`General`, `Universitätsklinikum`).
    #[serde(rename = "type")]
    #[mimic(from = type_row.value())]
    pub hospital_type: &'static str,
    /// Departments of the type.
    #[mimic(
        with = departments(tables, type_row, emergency, bits),
        tables = ["healthcare/hospital_department"]
    )]
    pub departments: Vec<&'static str>,
    /// Services offered.
    #[mimic(with = services(tables, emergency, bits))]
    pub services: Vec<&'static str>,
    /// Beds.
    #[mimic(with = bed_count(kind))]
    pub bed_count: u16,
    /// Staff, three to seven per bed.
    #[mimic(with = staff_count(bed_count))]
    pub staff_count: u32,
    /// Year founded.
    #[mimic(with = founding_year)]
    pub founding_year: u16,
    /// Accrediting body or quality certificate.
    #[mimic(with = accreditation(tables))]
    pub accreditation: &'static str,
    /// Whether there is an emergency department.
    #[mimic(from = emergency)]
    pub emergency_services: bool,
    /// Teaching status in the country's terms.
    #[mimic(with = teaching_status(kind, tables))]
    pub teaching_status: &'static str,
    /// `https://www.<city><type>hospital.org` (`www.<type><city>.de` in Germany, `.vn` in Viet Nam).
    #[mimic(from = Website(Host(name)))]
    pub website: Website,
    /// Landline of the address.
    #[mimic(from = site.phone)]
    pub phone: PhoneNumber,
    /// `info@` the website's host.
    #[mimic(from = HospitalEmail(Host(name)))]
    pub email: HospitalEmail,
    /// Where the hospital is.
    #[mimic(from = site)]
    pub address: Address,
}

/// The departments of each type of one dataset, resolved once.
#[derive(Debug)]
pub(crate) struct HospitalTables {
    /// Per row of `healthcare/hospital_type`: its departments, and whether each is an
    /// emergency department.
    departments: Vec<Vec<(&'static str, bool)>>,
    system: HealthSystem,
}

impl HospitalTables {
    /// [`HospitalTables::of`] in the shape of a `with` function.
    #[inline]
    pub(crate) fn here(ctx: &mut Context<'_>) -> &'static HospitalTables {
        HospitalTables::of(ctx.dataset())
    }

    pub(crate) fn of(code: DatasetCode) -> &'static HospitalTables {
        static CACHE: PerDataset<HospitalTables> = PerDataset::new();
        CACHE.get_or_init(code, || {
            let types = tables::HEALTHCARE_HOSPITAL_TYPE.for_dataset(code);
            let family = &tables::HEALTHCARE_HOSPITAL_DEPARTMENT;
            let table = family.for_dataset(code);
            let department = column(family, "department");
            let departments = (0..types.len())
                .map(|t| {
                    (0..table.len())
                        .filter(|&r| table.value(r) == types.value(t))
                        .map(|r| {
                            let name = table.cell(r, department);
                            (name, is_emergency(name))
                        })
                        .collect()
                })
                .collect();
            HospitalTables {
                departments,
                system: HealthSystem::of(types),
            }
        })
    }
}

/// Sixteen 4-bit draws per `u64`, for many coarse coin flips.
#[derive(Default)]
struct Nibbles {
    bits: u64,
    left: u32,
}

impl Nibbles {
    fn next(&mut self, ctx: &mut Context<'_>) -> u64 {
        if self.left == 0 {
            self.bits = ctx.rng().next_u64();
            self.left = 16;
        }
        let nibble = self.bits & 0xF;
        self.bits >>= 4;
        self.left -= 1;
        nibble
    }
}

fn is_emergency(department: &str) -> bool {
    ["Emergency", "Notaufnahme", "Cấp cứu"]
        .iter()
        .any(|word| department.contains(word))
}

const SERVICES_US: &[&str] = &[
    "Inpatient Care",
    "Outpatient Care",
    "Surgery",
    "Diagnostic Imaging",
    "Laboratory Services",
    "Pharmacy",
    "Physical Therapy",
    "Maternity Care",
    "Intensive Care",
    "Telehealth",
];
const SERVICES_DE: &[&str] = &[
    "Stationäre Versorgung",
    "Ambulante Versorgung",
    "Operationen",
    "Bildgebende Diagnostik",
    "Labordiagnostik",
    "Krankenhausapotheke",
    "Physiotherapie",
    "Geburtshilfe",
    "Intensivmedizin",
    "Telemedizin",
];
const SERVICES_VN: &[&str] = &[
    "Điều trị nội trú",
    "Khám ngoại trú",
    "Phẫu thuật",
    "Chẩn đoán hình ảnh",
    "Dịch vụ xét nghiệm",
    "Nhà thuốc bệnh viện",
    "Vật lý trị liệu",
    "Chăm sóc sản khoa",
    "Hồi sức tích cực",
    "Khám chữa bệnh từ xa",
];

/// Nearly every hospital of an emergency type has an emergency department, a fifth of the
/// others.
fn emergency(ctx: &mut Context<'_>, kind: &HospitalKind) -> bool {
    chance(ctx.rng(), if kind.has_emergency() { 0.95 } else { 0.2 })
}

/// The departments of the type: most of them, the emergency department exactly when there are
/// emergency services.
fn departments(
    ctx: &mut Context<'_>,
    tables: &&HospitalTables,
    type_row: &Row,
    emergency_services: &bool,
    bits: &RefCell<Nibbles>,
) -> Vec<&'static str> {
    let bits = &mut *bits.borrow_mut();
    let emergency_services = *emergency_services;
    let mut departments = Vec::with_capacity(24);
    let mut listed_emergency = false;
    for &(department, emergency) in &tables.departments[type_row.index()] {
        // 14 in 16: most departments of the type are there.
        let keep = if emergency {
            listed_emergency |= emergency_services;
            emergency_services
        } else {
            bits.next(ctx) < 14
        };
        if keep {
            departments.push(department);
        }
    }
    if emergency_services && !listed_emergency {
        departments.push(match tables.system {
            HealthSystem::Us => "Emergency",
            HealthSystem::De => "Notaufnahme",
            HealthSystem::Vn => "Khoa Cấp cứu",
        });
    }
    departments
}

/// Emergency or scheduled care, then each service of the country's catalogue with
/// probability 0.625.
fn services(
    ctx: &mut Context<'_>,
    tables: &&HospitalTables,
    emergency_services: &bool,
    bits: &RefCell<Nibbles>,
) -> Vec<&'static str> {
    let bits = &mut *bits.borrow_mut();
    let (catalogue, emergency, scheduled) = match tables.system {
        HealthSystem::Us => (SERVICES_US, "Emergency Care", "Scheduled Care"),
        HealthSystem::De => (SERVICES_DE, "Notfallversorgung", "Terminambulanz"),
        HealthSystem::Vn => (SERVICES_VN, "Cấp cứu 24/7", "Khám theo hẹn"),
    };
    let mut services: Vec<&'static str> = Vec::with_capacity(catalogue.len() + 1);
    services.push(if *emergency_services {
        emergency
    } else {
        scheduled
    });
    // 10 in 16: each service with probability 0.625.
    for &service in catalogue {
        if bits.next(ctx) < 10 {
            services.push(service);
        }
    }
    services
}

/// Beds in the type's range.
fn bed_count(ctx: &mut Context<'_>, kind: &HospitalKind) -> u16 {
    let (low, high) = kind.beds();
    (low + below(ctx.rng(), high - low + 1)) as u16
}

/// Three to seven staff per bed, plus up to 49.
fn staff_count(ctx: &mut Context<'_>, bed_count: &u16) -> u32 {
    u32::from(*bed_count) * (3 + below(ctx.rng(), 5) as u32) + below(ctx.rng(), 50) as u32
}

/// A year from 1850 to five years ago.
fn founding_year(ctx: &mut Context<'_>) -> u16 {
    let this_year = ctx.today().year();
    (1850 + below(ctx.rng(), (this_year - 1855).max(1) as u64)) as u16
}

/// The Joint Commission accredits most US hospitals (DNV and HFAP/ACHC most of the rest); in
/// Germany KTQ and ISO 9001 certificates are common; Vietnamese hospitals are assessed yearly
/// against the Ministry of Health's quality criteria (Decision 6858/QĐ-BYT, 2016), some hold
/// ISO 9001 or JCI. Shares illustrative.
fn accreditation(ctx: &mut Context<'_>, tables: &&HospitalTables) -> &'static str {
    let u = below(ctx.rng(), 100);
    match (tables.system, u) {
        (HealthSystem::Us, 0..=84) => "The Joint Commission",
        (HealthSystem::Us, 85..=94) => "DNV Healthcare",
        (HealthSystem::Us, _) => "ACHC",
        (HealthSystem::De, 0..=44) => "KTQ",
        (HealthSystem::De, 45..=89) => "DIN EN ISO 9001",
        (HealthSystem::De, _) => "Joint Commission International",
        (HealthSystem::Vn, 0..=79) => "Bộ tiêu chí chất lượng bệnh viện Việt Nam",
        (HealthSystem::Vn, 80..=96) => "ISO 9001",
        (HealthSystem::Vn, _) => "Joint Commission International",
    }
}

fn teaching_status(
    ctx: &mut Context<'_>,
    kind: &HospitalKind,
    tables: &&HospitalTables,
) -> &'static str {
    let affiliated = chance(ctx.rng(), 0.3);
    let teaching = *kind == HospitalKind::Teaching;
    match (tables.system, teaching, affiliated) {
        (HealthSystem::Us, true, _) => "Academic Medical Center",
        (HealthSystem::Us, false, true) => "Teaching Affiliate",
        (HealthSystem::Us, false, false) => "Non-Teaching",
        (HealthSystem::De, true, _) => "Universitätsklinikum",
        (HealthSystem::De, false, true) => "Akademisches Lehrkrankenhaus",
        (HealthSystem::De, false, false) => "Kein Lehrkrankenhaus",
        (HealthSystem::Vn, true, _) => "Bệnh viện đại học",
        (HealthSystem::Vn, false, true) => "Cơ sở thực hành đào tạo",
        (HealthSystem::Vn, false, false) => "Không phải cơ sở đào tạo",
    }
}
