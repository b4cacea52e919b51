//! Healthcare: Patient, Doctor, Hospital, MedicalDevice, MedicalProcedure.
