//! AdministrationOffice: a government office of a city or state at a coherent address.

use std::fmt;

use chrono::Datelike;

use crate::domain::common::{Address, FullName, PhoneNumber};
use crate::domain::picks::{Picks, distinct_of, one_of};
use crate::ident::code::Code;
use crate::sample::{below, chance, unit_f64};
use crate::{Context, Mimic, TableUse};

use super::contact::{Email, Host, HostKind, Website};
use super::registry::{FAMILIES, Registry};
use super::vocabulary::{
    DEPARTMENTS_DE, DEPARTMENTS_EN, HOURS_DE, HOURS_EN, LEADER_TITLES_DE, LEADER_TITLES_EN,
    SERVICES_DE, SERVICES_EN, by_language,
};

/// An administration office, with the fields of datamimic-ce's AdministrationOffice in its
/// order.
///
/// Coherence within a record: the name, jurisdiction, web site and e-mail belong to the
/// office's own city (or state, for state-level offices); the phone is the address's; the
/// budget grows with the staff; the founding year is before the clock's year.
///
/// ```
/// use datamimic::domain::public_sector::AdministrationOfficeService;
///
/// let office = AdministrationOfficeService::new("DE")?.seed(1).generate();
/// assert!(office.name.to_string().contains(office.address.city));
/// assert!(office.website.to_string().ends_with(".de"));
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(crate::Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(registry: &'static Registry))]
#[mimic(let(site: Address))]
#[mimic(let(office_type: &'static str, with = office_type(registry)))]
#[mimic(let(state_level: bool, from = office_type.contains("State") || office_type.starts_with("Landes")))]
#[mimic(let(staff: u32, with = staff_count(state_level)))]
#[mimic(let(budget: f64, with = budget(registry, staff)))]
#[mimic(let(leaders: [Leader; 2], with = leadership(registry)))]
#[mimic(let(services_count: usize, with = services_count))]
#[mimic(let(departments_count: usize, with = departments_count))]
#[mimic(let(host: Host, from = Host::new(site.city, site.state_code, site.country_code, HostKind::Government)))]
pub struct AdministrationOffice {
    /// Identifier (`ADM-000123456`).
    #[mimic(with = office_id)]
    pub office_id: Code,
    /// The type and the city: `Springfield City Administration`, `Landratsamt Dresden`.
    #[mimic(from = OfficeName::new(kind, jurisdiction, registry.german))]
    pub name: OfficeName,
    /// Office type from `public_sector/office_type`.
    #[serde(rename = "type")]
    #[mimic(from = office_type)]
    pub kind: &'static str,
    /// The area it serves: the state for state-level offices, otherwise the city.
    #[mimic(from = if state_level { site.state } else { site.city })]
    pub jurisdiction: &'static str,
    /// Year founded.
    #[mimic(with = founding_year)]
    pub founding_year: i32,
    /// Employees.
    #[mimic(from = staff)]
    pub staff_count: u32,
    /// Yearly budget in whole units of the country's currency, about the staff's cost.
    #[mimic(from = budget.round() as u64)]
    pub annual_budget: u64,
    /// Opening hours.
    #[mimic(with = hours(registry))]
    pub hours_of_operation: &'static str,
    /// Web site.
    #[mimic(from = Website(host))]
    pub website: Website,
    /// Contact e-mail at the web site's host.
    #[mimic(from = Email { mailbox: if registry.german { "poststelle" } else { "info" }, host })]
    pub email: Email,
    /// The address's landline.
    #[mimic(from = site.phone)]
    pub phone: PhoneNumber,
    /// Two to four services offered.
    #[mimic(with = services(registry, services_count))]
    pub services: Picks<4>,
    /// Three to five departments.
    #[mimic(with = departments(registry, departments_count))]
    pub departments: Picks<5>,
    /// Head and deputy.
    #[mimic(from = leaders)]
    pub leadership: [Leader; 2],
    /// Where the office is.
    #[mimic(take = site)]
    pub address: Address,
}

/// A named office holder.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq)]
#[mimic(crate = "crate")]
pub struct Leader {
    /// Position (`Director`, `Amtsleitung`).
    pub title: &'static str,
    /// The holder's name from the country's name tables.
    pub name: FullName,
}

/// An office's name: its type and place in the country's word order.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct OfficeName {
    kind: &'static str,
    place: &'static str,
    german: bool,
}

impl OfficeName {
    /// `kind` of `place` (`Springfield City Administration`, `Stadtverwaltung Dresden`).
    pub fn new(kind: &'static str, place: &'static str, german: bool) -> OfficeName {
        OfficeName {
            kind,
            place,
            german,
        }
    }
}

impl fmt::Display for OfficeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.german {
            write!(f, "{} {}", self.kind, self.place)
        } else {
            write!(f, "{} {}", self.place, self.kind)
        }
    }
}

impl serde::Serialize for OfficeName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

// The column of what `serialize` writes.
impl crate::Columnar for OfficeName {
    fn column() -> crate::Column {
        crate::Column::Text
    }
}

/// Average yearly cost of one public employee, salary and overheads, in currency units
/// (illustrative round figures).
fn cost_per_staff(german: bool) -> f64 {
    if german { 85_000.0 } else { 110_000.0 }
}

fn office_type(ctx: &mut Context<'_>, registry: &&'static Registry) -> &'static str {
    registry.office_type.sample_row(ctx.rng()).value()
}

/// Larger bodies at state level; log-uniform staff (illustrative ranges).
fn staff_count(ctx: &mut Context<'_>, state_level: &bool) -> u32 {
    let (low, high): (f64, f64) = if *state_level {
        (200.0, 5_000.0)
    } else {
        (15.0, 1_500.0)
    };
    let u = unit_f64(ctx.rng());
    (low * (u * (high / low).ln()).exp()).round() as u32
}

fn budget(ctx: &mut Context<'_>, registry: &&'static Registry, staff: &u32) -> f64 {
    f64::from(*staff) * cost_per_staff(registry.german) * (0.8 + 0.8 * unit_f64(ctx.rng()))
}

/// The head and a deputy; a deputy namesake of the head would read as a data error.
fn leadership(ctx: &mut Context<'_>, registry: &&'static Registry) -> [Leader; 2] {
    let titles = if registry.german {
        LEADER_TITLES_DE
    } else {
        LEADER_TITLES_EN
    };
    let head = leader_name(ctx, registry);
    let mut deputy = leader_name(ctx, registry);
    while deputy == head {
        deputy = leader_name(ctx, registry);
    }
    [
        Leader {
            title: titles[0],
            name: head,
        },
        Leader {
            title: titles[1],
            name: deputy,
        },
    ]
}

fn services_count(ctx: &mut Context<'_>) -> usize {
    2 + below(ctx.rng(), 3) as usize
}

fn departments_count(ctx: &mut Context<'_>) -> usize {
    3 + below(ctx.rng(), 3) as usize
}

fn office_id(ctx: &mut Context<'_>) -> Code {
    Code::new("ADM", below(ctx.rng(), 1_000_000_000), 9)
}

fn founding_year(ctx: &mut Context<'_>) -> i32 {
    ctx.today().year() - 1 - below(ctx.rng(), 175) as i32
}

fn hours(ctx: &mut Context<'_>, registry: &&'static Registry) -> &'static str {
    one_of(ctx.rng(), by_language(registry.german, HOURS_EN, HOURS_DE))
}

fn services(ctx: &mut Context<'_>, registry: &&'static Registry, count: &usize) -> Picks<4> {
    distinct_of(
        by_language(registry.german, SERVICES_EN, SERVICES_DE),
        *count,
        ctx.rng(),
    )
}

fn departments(ctx: &mut Context<'_>, registry: &&'static Registry, count: &usize) -> Picks<5> {
    distinct_of(
        by_language(registry.german, DEPARTMENTS_EN, DEPARTMENTS_DE),
        *count,
        ctx.rng(),
    )
}

/// A leader's name: either gender's given-name table, then a family name.
pub(crate) fn leader_name(ctx: &mut Context<'_>, registry: &Registry) -> FullName {
    let given = if chance(ctx.rng(), 0.5) {
        registry.given_female
    } else {
        registry.given_male
    };
    let given = given.sample_row(ctx.rng()).value();
    FullName::new(given, registry.family_name.sample_row(ctx.rng()).value())
}

/// Reports the registry's tables and the address's.
/// The dataset's public-sector registry as a derived entity's `let(registry: &'static
/// Registry)`: resolved once per dataset, and every table it reads is reported. Draws nothing.
impl Mimic for &'static Registry {
    #[inline]
    fn mimic(ctx: &mut Context<'_>) -> &'static Registry {
        Registry::of(ctx)
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        visit(visitor);
    }
}

pub(crate) fn visit(visitor: &mut dyn FnMut(TableUse)) {
    TableUse::visit_families(FAMILIES, visitor);
    Address::visit_tables(visitor);
}
