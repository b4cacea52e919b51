//! MedicalDevice: a device with a maintenance cycle whose dates are ordered around today.

use chrono::{Days, Months, NaiveDate};

use crate::domain::common::FullName;
use crate::sample::{below, chance};
use crate::{Context, Mimic, TableUse, tables};

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
#[derive(serde::Serialize, Debug, Clone, PartialEq)]
pub struct MedicalDevice {
    /// 1, 2, 3, ... from the record index.
    pub device_id: u64,
    /// Device type, by weight.
    pub device_type: &'static str,
    /// A manufacturer of that type.
    pub manufacturer: &'static str,
    /// Model number.
    pub model_number: ModelNumber,
    /// Ten-digit serial number.
    pub serial_number: u64,
    /// Manufactured within the last ten years.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub manufacture_date: NaiveDate,
    /// End of service life.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub expiration_date: NaiveDate,
    /// Last maintenance, within one interval before today.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub last_maintenance_date: NaiveDate,
    /// One interval after the last maintenance, on or after today.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub next_maintenance_date: NaiveDate,
    /// `Active`, `In Maintenance`, `Inactive`, or `Retired` once expired.
    pub status: &'static str,
    /// Department the device is kept in.
    pub location: &'static str,
    /// Person responsible.
    pub assigned_to: FullName,
    /// Technical data.
    pub specifications: Specifications,
    /// Recent uses, newest first.
    pub usage_logs: Vec<UsageLog>,
    /// Past maintenance, newest first.
    pub maintenance_history: Vec<MaintenanceRecord>,
}

/// A device's technical data.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq)]
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
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct UsageLog {
    /// Day of use.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub date: NaiveDate,
    /// Minutes in use.
    pub duration_minutes: u16,
}

/// One maintenance visit.
#[derive(serde::Serialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaintenanceRecord {
    /// Day of the visit.
    #[serde(serialize_with = "crate::domain::iso_date::date")]
    pub date: NaiveDate,
    /// `Preventive`, `Calibration` or `Repair`.
    pub kind: &'static str,
}

impl Mimic for MedicalDevice {
    fn mimic(ctx: &mut Context<'_>) -> MedicalDevice {
        let german = ctx.table(&tables::HEALTHCARE_DEVICE_TYPE).country() == Some("DE");
        let row = ctx
            .table(&tables::HEALTHCARE_DEVICE_TYPE)
            .sample_row(ctx.rng());
        let today = ctx.today();
        let manufacture_date = between(ctx, years_before(today, 10), today - Days::new(30));
        let life_years = 7 + below(ctx.rng(), 6) as u32;
        let expiration_date = manufacture_date + Months::new(12 * life_years);
        let interval = Months::new(if chance(ctx.rng(), 0.5) { 6 } else { 12 });
        // Within one interval before today, so the next one is due on or after today.
        let earliest = (today - interval + Days::new(1)).max(manufacture_date);
        let last_maintenance_date = between(ctx, earliest, today);
        let next_maintenance_date = (last_maintenance_date + interval).max(today);
        let status = if expiration_date < today {
            if german { "Außer Betrieb" } else { "Retired" }
        } else {
            match (below(ctx.rng(), 100), german) {
                (0..=84, false) => "Active",
                (85..=92, false) => "In Maintenance",
                (_, false) => "Inactive",
                (0..=84, true) => "Aktiv",
                (85..=92, true) => "In Wartung",
                (_, true) => "Inaktiv",
            }
        };
        let kinds: [&str; 3] = if german {
            ["Wartung", "Kalibrierung", "Reparatur"]
        } else {
            ["Preventive", "Calibration", "Repair"]
        };
        let mut maintenance_history = Vec::with_capacity(4);
        let mut date = last_maintenance_date;
        while date >= manufacture_date && maintenance_history.len() < 4 {
            let kind = kinds[[0, 0, 1, 2][below(ctx.rng(), 4) as usize]];
            maintenance_history.push(MaintenanceRecord { date, kind });
            date = date - interval;
        }
        let uses = below(ctx.rng(), 4) as usize;
        let mut usage_logs: Vec<UsageLog> = (0..uses)
            .map(|_| UsageLog {
                date: between(ctx, (today - Days::new(30)).max(manufacture_date), today),
                duration_minutes: 10 + below(ctx.rng(), 230) as u16,
            })
            .collect();
        usage_logs.sort_unstable_by_key(|u| std::cmp::Reverse(u.date));
        let location = tables::HEALTHCARE_HOSPITAL_DEPARTMENT
            .for_dataset(ctx.dataset())
            .sample_row(ctx.rng())
            .cell(1);
        let female = chance(ctx.rng(), 0.5);
        let given = ctx
            .table(if female {
                &tables::COMMON_PERSON_GIVEN_NAME_FEMALE
            } else {
                &tables::COMMON_PERSON_GIVEN_NAME_MALE
            })
            .sample_row(ctx.rng())
            .value();
        let family = ctx
            .table(&tables::COMMON_PERSON_FAMILY_NAME)
            .sample_row(ctx.rng())
            .value();
        let letters = below(ctx.rng(), 26 * 26) as u8 as u16;
        let model_number = ModelNumber {
            series: [
                b'A' + (letters / 26 % 26) as u8,
                b'A' + (letters % 26) as u8,
            ],
            number: below(ctx.rng(), 10_000) as u16,
        };
        let us = !german && ctx.dataset().as_str() == "US";
        MedicalDevice {
            device_id: ctx.index() + 1,
            device_type: row.value(),
            manufacturer: row.cell(1),
            model_number,
            serial_number: 1_000_000_000 + below(ctx.rng(), 9_000_000_000),
            manufacture_date,
            expiration_date,
            last_maintenance_date,
            next_maintenance_date,
            status,
            location,
            assigned_to: FullName::new(given, family),
            specifications: Specifications {
                voltage: if us { 120 } else { 230 },
                frequency_hz: if us { 60 } else { 50 },
                power_watts: 5 + below(ctx.rng(), 1_500) as u16,
                weight_kg: (1.0 + below(ctx.rng(), 2_000) as f64) / 10.0,
            },
            usage_logs,
            maintenance_history,
        }
    }

    fn visit_tables(visitor: &mut dyn FnMut(TableUse)) {
        for family in [
            &tables::HEALTHCARE_DEVICE_TYPE,
            &tables::HEALTHCARE_HOSPITAL_DEPARTMENT,
            &tables::COMMON_PERSON_GIVEN_NAME_FEMALE,
            &tables::COMMON_PERSON_GIVEN_NAME_MALE,
            &tables::COMMON_PERSON_FAMILY_NAME,
        ] {
            visitor(TableUse {
                family,
                column: 0,
                accepts: None,
            });
        }
    }
}
