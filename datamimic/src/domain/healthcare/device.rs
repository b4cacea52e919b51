//! MedicalDevice: a device with a maintenance cycle whose dates are ordered around today.

use chrono::{Days, Months, NaiveDate};

use crate::domain::common::FullName;
use crate::sample::{below, chance};
use crate::tables::columns::healthcare_device_type as device_type;
use crate::{Context, Mimic, Row, tables};

use super::dates::{between, years_before};
use super::ids::ModelNumber;

/// A medical device, with the fields of datamimic-ce's MedicalDevice in its order.
///
/// Coherence: manufacture ≤ last maintenance ≤ today ≤ next maintenance (the next one is one
/// service interval after the last); expiration is 7 to 12 years after manufacture, and an
/// expired device is retired; the maintenance history steps back one interval at a time from
/// the last maintenance and never before manufacture; usage is logged in the last 30 days;
/// mains voltage and frequency are the country's.
///
/// ```
/// use datamimic::domain::healthcare::MedicalDeviceService;
///
/// let device = MedicalDeviceService::new("DE")?.seed(5).generate();
/// assert!(device.manufacture_date <= device.last_maintenance_date);
/// assert!(device.last_maintenance_date < device.next_maintenance_date);
/// assert_eq!(device.specifications.voltage, 230);
/// # Ok::<(), datamimic::Error>(())
/// ```
#[derive(Mimic, serde::Serialize, Debug, Clone, PartialEq)]
#[mimic(crate = "crate")]
#[mimic(let(german: bool, with = is_german))]
#[mimic(let(kind: Row, weighted = "healthcare/device_type"))]
#[mimic(let(cycle: ServiceCycle, with = ServiceCycle::draw))]
#[mimic(let(state: &'static str, with = status(german, cycle)))]
#[mimic(let(history: Vec<MaintenanceRecord>, with = maintenance_history(german, cycle)))]
#[mimic(let(usage: Vec<UsageLog>, with = usage_logs(cycle)))]
#[mimic(let(department: &'static str, weighted = "healthcare/hospital_department", column = "department"))]
#[mimic(let(female: bool, chance = 0.5, constant = true))]
#[mimic(let(given: &'static str, weighted = match female {
    true => "common/person/given_name_female",
    false => "common/person/given_name_male",
}))]
#[mimic(let(family: &'static str, weighted = "common/person/family_name"))]
#[mimic(let(model: ModelNumber, with = model_number))]
pub struct MedicalDevice {
    /// 1, 2, 3, ... from the record index.
    #[mimic(seq)]
    pub device_id: u64,
    /// Device type, by weight.
    #[mimic(from = kind.value())]
    pub device_type: &'static str,
    /// A manufacturer of that type.
    #[mimic(from = kind.cell(device_type::MANUFACTURER))]
    pub manufacturer: &'static str,
    /// Model number.
    #[mimic(from = model)]
    pub model_number: ModelNumber,
    /// Ten-digit serial number.
    #[mimic(with = serial_number)]
    pub serial_number: u64,
    /// Manufactured within the last ten years.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = cycle.manufacture_date)]
    pub manufacture_date: NaiveDate,
    /// End of service life.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = cycle.expiration_date)]
    pub expiration_date: NaiveDate,
    /// Last maintenance, within one interval before today.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = cycle.last_maintenance_date)]
    pub last_maintenance_date: NaiveDate,
    /// One interval after the last maintenance, on or after today.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    #[mimic(from = cycle.next_maintenance_date)]
    pub next_maintenance_date: NaiveDate,
    /// `Active`, `In Maintenance`, `Inactive`, or `Retired` once expired.
    #[mimic(from = state)]
    pub status: &'static str,
    /// Department the device is kept in.
    #[mimic(from = department)]
    pub location: &'static str,
    /// Person responsible.
    #[mimic(from = FullName::new(given, family))]
    pub assigned_to: FullName,
    /// Technical data.
    #[mimic(with = Specifications::draw(german))]
    pub specifications: Specifications,
    /// Recent uses, newest first.
    #[mimic(from = usage)]
    pub usage_logs: Vec<UsageLog>,
    /// Past maintenance, newest first.
    #[mimic(from = history)]
    pub maintenance_history: Vec<MaintenanceRecord>,
}

/// A device's technical data.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq)]
#[mimic(crate = "crate")]
pub struct Specifications {
    /// Mains voltage of the country (120 V US, 230 V Europe).
    pub voltage: u16,
    /// Mains frequency (60 Hz US, 50 Hz Europe).
    pub frequency_hz: u8,
    /// Power draw in W.
    pub power_watts: u16,
    /// Weight in kg.
    pub weight_kg: f64,
}

/// One use of a device.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq)]
#[mimic(crate = "crate")]
pub struct UsageLog {
    /// Day of use.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub date: NaiveDate,
    /// Minutes in use.
    pub duration_minutes: u16,
}

/// One maintenance visit.
#[derive(serde::Serialize, crate::Columnar, Debug, Clone, Copy, PartialEq, Eq)]
#[mimic(crate = "crate")]
pub struct MaintenanceRecord {
    /// Day of the visit.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub date: NaiveDate,
    /// `Preventive`, `Calibration` or `Repair`.
    pub kind: &'static str,
}

/// A device's service dates: manufacture ≤ last maintenance ≤ today ≤ next maintenance.
#[derive(Debug, Clone, Copy)]
struct ServiceCycle {
    manufacture_date: NaiveDate,
    expiration_date: NaiveDate,
    last_maintenance_date: NaiveDate,
    next_maintenance_date: NaiveDate,
    interval: Months,
    today: NaiveDate,
}

impl ServiceCycle {
    /// Manufactured within the last ten years, 7 to 12 years of life, serviced every 6 or 12
    /// months and last within one interval before today, so the next one is due on or after
    /// today.
    fn draw(ctx: &mut Context<'_>) -> ServiceCycle {
        let today = ctx.today();
        let manufacture_date = between(ctx, years_before(today, 10), today - Days::new(30));
        let life_years = 7 + below(ctx.rng(), 6) as u32;
        let expiration_date = manufacture_date + Months::new(12 * life_years);
        let interval = Months::new(if chance(ctx.rng(), 0.5) { 6 } else { 12 });
        let earliest = (today - interval + Days::new(1)).max(manufacture_date);
        let last_maintenance_date = between(ctx, earliest, today);
        ServiceCycle {
            manufacture_date,
            expiration_date,
            last_maintenance_date,
            next_maintenance_date: (last_maintenance_date + interval).max(today),
            interval,
            today,
        }
    }
}

/// Whether the device tables are German.
fn is_german(ctx: &mut Context<'_>) -> bool {
    ctx.table(&tables::HEALTHCARE_DEVICE_TYPE).country() == Some("DE")
}

/// Retired once expired; otherwise mostly active.
fn status(ctx: &mut Context<'_>, german: &bool, cycle: &ServiceCycle) -> &'static str {
    if cycle.expiration_date < cycle.today {
        return if *german { "Außer Betrieb" } else { "Retired" };
    }
    match (below(ctx.rng(), 100), *german) {
        (0..=84, false) => "Active",
        (85..=92, false) => "In Maintenance",
        (_, false) => "Inactive",
        (0..=84, true) => "Aktiv",
        (85..=92, true) => "In Wartung",
        (_, true) => "Inaktiv",
    }
}

/// Up to four visits, one interval apart back from the last, none before manufacture; half
/// of them preventive.
fn maintenance_history(
    ctx: &mut Context<'_>,
    german: &bool,
    cycle: &ServiceCycle,
) -> Vec<MaintenanceRecord> {
    let kinds: [&str; 3] = if *german {
        ["Wartung", "Kalibrierung", "Reparatur"]
    } else {
        ["Preventive", "Calibration", "Repair"]
    };
    let mut history = Vec::with_capacity(4);
    let mut date = cycle.last_maintenance_date;
    while date >= cycle.manufacture_date && history.len() < 4 {
        let kind = kinds[[0, 0, 1, 2][below(ctx.rng(), 4) as usize]];
        history.push(MaintenanceRecord { date, kind });
        date = date - cycle.interval;
    }
    history
}

/// Up to three uses in the last 30 days (not before manufacture), newest first.
fn usage_logs(ctx: &mut Context<'_>, cycle: &ServiceCycle) -> Vec<UsageLog> {
    let today = cycle.today;
    let uses = below(ctx.rng(), 4) as usize;
    let mut logs: Vec<UsageLog> = (0..uses)
        .map(|_| UsageLog {
            date: between(
                ctx,
                (today - Days::new(30)).max(cycle.manufacture_date),
                today,
            ),
            duration_minutes: 10 + below(ctx.rng(), 230) as u16,
        })
        .collect();
    logs.sort_unstable_by_key(|u| std::cmp::Reverse(u.date));
    logs
}

/// Two series letters and four digits.
fn model_number(ctx: &mut Context<'_>) -> ModelNumber {
    let letters = below(ctx.rng(), 26 * 26) as u8 as u16;
    ModelNumber {
        series: [
            b'A' + (letters / 26 % 26) as u8,
            b'A' + (letters % 26) as u8,
        ],
        number: below(ctx.rng(), 10_000) as u16,
    }
}

/// Ten digits, the first not 0.
fn serial_number(ctx: &mut Context<'_>) -> u64 {
    1_000_000_000 + below(ctx.rng(), 9_000_000_000)
}

impl Specifications {
    /// The country's mains (120 V 60 Hz in the US, 230 V 50 Hz elsewhere), 5 to 1,504 W and
    /// 0.1 to 200 kg.
    fn draw(ctx: &mut Context<'_>, german: &bool) -> Specifications {
        let us = !*german && ctx.dataset().as_str() == "US";
        Specifications {
            voltage: if us { 120 } else { 230 },
            frequency_hz: if us { 60 } else { 50 },
            power_watts: 5 + below(ctx.rng(), 1_500) as u16,
            weight_kg: (1.0 + below(ctx.rng(), 2_000) as f64) / 10.0,
        }
    }
}
