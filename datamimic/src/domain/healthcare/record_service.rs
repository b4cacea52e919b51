//! Services of a patient's related records: encounters and medical records, each of a
//! patient they draw. For records of a given patient use `for_patient`.

use crate::domain::service::plain_service;

use super::{Encounter, MedicalRecord};

plain_service!(
    /// Generates [`Encounter`]s, each of a patient it draws; for encounters of a given
    /// patient use [`Encounter::for_patient`].
    EncounterService,
    Encounter
);
plain_service!(
    /// Generates [`MedicalRecord`]s, each of a patient it draws; for a given patient use
    /// [`MedicalRecord::for_patient`].
    MedicalRecordService,
    MedicalRecord
);
