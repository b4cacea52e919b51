//! Public sector: AdministrationOffice, EducationalInstitution, PoliceOfficer.
